"""Answers across meetings: when the best items for a question are one matter treated at several meetings, the
answer lists them oldest first — date, body, punkt and what happened, each with its citation — like the case
timeline, but found from the question's words.

A matter is found by what the items say, not only by their case numbers: minutes file a matter under its own
case in one meeting and mention it under a standing item ("Huskeliste", "Orientering fra formanden") in the
next, and standing items share one case number across every meeting. So an item belongs to the matter when its
title, or one of its sentences, names the matter's words: the question's words less its frame ("hvad er der
sket med", "besluttet") and less the bodies' own names, weighted by how rare they are in the minutes.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, field

from ingestion.casenumbers import case_key
from ingestion.meeting import MONTH_NAMES
from ingestion.sections import PROPOSAL_SECTION, section_name
from retrieval.answer import DECISION_SECTION, Evidence, ExtractiveAnswerer, adopted, decision_of, make_citation
from retrieval.bm25 import analyse, compound_parts, joined_pairs
from retrieval.domain import Answer, Citation, Hit, TimelineEntry
from retrieval.question import QuestionKind, bodies_asked, classify, named_span, named_time, within_span

# A word names the matter only when this rare at least (idf over the indexed chunks).
MIN_NAMING_IDF = 1.0
# An item is about the matter when its title, or one sentence, holds this idf-weighted share of the matter's words.
SUBJECT_SHARE = 0.6
# A rare word opens a compound that names the matter from this length on ("fleksjob" in "fleksjobvisiterede"; not
# "skole" in "skoleåret").
MIN_COMPOUND_HEAD = 7
# Items looked at for other meetings of the matter.
TIMELINE_DEPTH = 20
# Finds the items filed under the cases of the given items that they lack (``Searcher.case_items``).
CaseItems = Callable[[str, list[Hit]], list[Hit]]
Span = tuple[dt.date, dt.date]
# Where the matter's name is read from: the titles of the best few items.
NAMING_ITEMS = 3
# A title names the matter when it holds a word at least this close to the question's rarest word's weight.
TELLING = 0.8
# A meeting's decision is quoted in full up to this length (consecutive sentences, one citation).
MAX_DECISION_CHARACTERS = 320
# A sentence that names the matter in another item is quoted with up to this many sentences after it.
FOLLOWING = 2
# What a bare decision refers to (the Indstilling it approves, what the orientation said) is quoted up to this length.
MAX_DETAIL_CHARACTERS = 600
# A decision that only approves or recommends what was proposed, point by point or as a whole: "Godkendt",
# "1. Anbefales ikke 2. Anbefales, idet …", "1. a.-d. Godkendt", "1.-4. Anbefales", "Indstillingen tiltrådt",
# "Som indstillet". What was decided stands in the Indstilling.
_POINTS = r"(?:(?:\d{1,2}[a-z]?|[a-z])[.)](?:\s*-\s*(?:\d{1,2}|[a-z])[.)])?\s*)*"
_APPROVES = re.compile(
    rf"(?i)^\s*{_POINTS}(?:indstillinge[nr]\w*\s+|administrationens indstilling\w*\s+|som )?"
    r"(?:ikke )?(godkend\w*|anbefal\w*|tiltr[åa]d\w*|vedta\w*|indstillet|oversend\w*)\b"
)
# A decision that only takes an orientation to notice: "Taget til efterretning", "Orienteringen blev taget til
# efterretning", "Drøftet". What the orientation said stands in the item's text.
_NOTED = re.compile(
    rf"(?i)^\s*{_POINTS}(?:(?:[\w-]+ ){{0,4}}(?:blev |er )?tag(?:et|es|er) til efterretning|til efterretning|drøftet)\b"
)
# Words that frame a question about a matter's course rather than name the matter.
_FRAME = frozenset(
    analyse(
        "sket skete behandlet behandling behandlede drøftet drøftelse besluttet beslutning beslutninger besluttede "
        "vedtaget vedtog haft fået vide dagsorden dagsordenen sag sagen sager hørt orienteret orientering udvalg "
        "udvalget byråd byrådet kommunalbestyrelse møde møder mødet gange forløb status hvordan gået nået langt "
        # "Hvordan gik det med …?", "Hvordan går det med …?"
        "gik går "
        # Where it ended: "… og hvor endte kommunen?"
        "endte endt landede udfaldet resultatet "
        # How it was followed: "Hvordan har Byrådet fulgt op på …?", "… gennem 2024", "… og hvad skete der siden?"
        "fulgt fulgte gennem siden senere undervejs "
        # The span a course is asked over: "fra foråret 2024 frem mod …", "fra oplægget … til den endelige …".
        "fra frem mod til foråret efteråret sommeren vinteren starten begyndelsen løbet oplægget endelige "
        + " ".join(MONTH_NAMES)
    )
)
# A year that is part of a matter's name: "Budget 2025-28", "Planstrategi 2023" (not "i foråret 2024").
_YEAR_TOKEN = re.compile(r"(?:19|20)\d\d")
_NAMED_YEAR = re.compile(r"\b[A-ZÆØÅ][\wæøå-]+ ((?:19|20)\d\d)\b")


def wants_timeline(kind: QuestionKind, question: str) -> bool:
    """Across meetings ("Hvornår har udvalget behandlet …?"), or a decision asked without naming a day — no time
    at all, or a year or a month that may hold several meetings ("… i starten af 2022?")."""
    open_question = kind.decision or not (kind.listing or kind.meeting)
    return kind.across or (open_question and named_time(question).day is None and not kind.wants)


def within_named_time(question: str, hits: list[Hit]) -> list[Hit]:
    """The hits from meetings in the year or month the question names ("i 2022", "i maj"), all when it names none
    or the year is part of a matter's name ("Budget 2025")."""
    when = named_time(question)
    named_years = {match.group(1) for match in _NAMED_YEAR.finditer(question)}
    if when.empty or (when.year and str(when.year) in named_years):
        return hits
    return [hit for hit in hits if when.matches(hit.meeting_date) is not False]


def _names_any(words: set[str], tokens: set[str]) -> bool:
    """Whether ``tokens`` hold one of ``words``, alone or opening a compound (from ``MIN_COMPOUND_HEAD`` letters)."""
    return bool(words & tokens) or any(
        len(word) >= MIN_COMPOUND_HEAD and token.startswith(word) for word in words for token in tokens
    )


def _title_words(title: str) -> set[str]:
    """A title's words, and the years in it (a matter may be named by its year: "Budget 2025-28")."""
    return {token for token in analyse(title) if not token.isdigit() or _YEAR_TOKEN.fullmatch(token)}


def subject_terms(question: str, idf: dict[str, float], bodies: set[str]) -> dict[str, float]:
    """The words of the question that name its matter, each with its weight (idf): not the question's frame,
    not a body's own name, not a word the minutes never use."""
    body_words = {word for body in bodies for word in analyse(body)}
    named_years = {match.group(1) for match in _NAMED_YEAR.finditer(question)}
    words = set(analyse(question))
    # A compound the minutes never use names the matter by its parts: "madserviceudbud" is the "Udbud af
    # madservice" of the titles.
    words |= {part for word in words if word not in idf for part in compound_parts(word, idf) or ()}
    return {
        word: idf[word]
        for word in words - _FRAME - body_words
        if idf.get(word, 0.0) >= MIN_NAMING_IDF
        and (not word.isdigit() or word in named_years)
        and len(word) > 1  # not the "s" of "IF's"
    }


def share(terms: dict[str, float], tokens: set[str]) -> float:
    """The idf-weighted share of ``terms`` found in ``tokens``."""
    total = sum(terms.values())
    return sum(weight for word, weight in terms.items() if word in tokens) / total if total else 0.0


def matter_name(terms: dict[str, float], hits: list[Hit]) -> dict[str, float]:
    """The matter's name: the question's words in the title of the best item titled after it — a title that holds
    the question's most telling word ("Dyrehold, fremadrettet aftale" for "… tilskud til dyrehold og afgræsning
    …") or two of its words ("Henvendelse fra Vestby IF skytteafdeling …" for "… Vestby IF's
    skytteafdeling og den nye skydebane"); all of the question's words when no title does (a generic word
    such as "henvendelse" names nothing)."""
    telling = max(terms.values()) * TELLING
    for hit in hits[:NAMING_ITEMS]:
        named = {word: weight for word, weight in terms.items() if word in _title_words(hit.title)}
        if len(named) >= 2 or any(weight >= telling for weight in named.values()):
            return named
    return terms


@dataclass(frozen=True)
class Member:
    """One meeting's item about the matter, the sentences quoted for it and, when its decision is bare
    ("Godkendt", "Taget til efterretning"), what the decision refers to."""

    hit: Hit
    quote: list[Evidence]
    detail: list[Evidence] = field(default_factory=list)
    detail_label: str = ""
    filed: bool = False  # filed under the matter: its title names it, or it carries the case of an item whose does


def decision_detail(
    quote: list[Evidence], ranked: list[Evidence], asks_decision: bool = True
) -> tuple[list[Evidence], str]:
    """What a bare decision refers to, and its label: the Indstilling that an approval approves ("Godkendt", "1.
    Anbefales"); the item's sentence that best answers the question when the decision takes an orientation to
    notice, or approves an item that prints no Indstilling. A decision that says what was decided needs nothing
    more when a decision was asked for; a question about the matter's course ("Hvordan er undersøgelsen blevet
    brugt og fulgt op?") also gets the item's sentence that best answers it."""
    first = quote[0].sentence.text
    # "Byrådet godkendte Økonomiudvalgets indstilling": what was adopted, where the chain of recommendations
    # started (the committee's or the administration's own words).
    chain = adopted({e.sentence.position: e for e in ranked}, quote)
    if chain:
        return chain[-1], "Indstillingen"
    if _APPROVES.match(first):
        proposal = sorted(
            (e for e in ranked if e.sentence.section == PROPOSAL_SECTION), key=lambda e: e.sentence.position
        )
        if proposal:
            return proposal, "Indstillingen"
    elif not _NOTED.match(first) and asks_decision:
        return [], ""
    quoted = {e.sentence.position for e in quote}
    for evidence in ranked:  # best first
        sentence = evidence.sentence
        if sentence.section != DECISION_SECTION and sentence.position not in quoted:
            return [evidence], "Fra sagen"
    return [], ""


class TimelineAnswerer:
    """Builds the cross-meeting answer on top of the extractive answerer's ranked, verified quotes."""

    def __init__(self, extractive: ExtractiveAnswerer) -> None:
        self.extractive = extractive

    def members(
        self, question: str, hits: list[Hit], explicit: bool, case_items: CaseItems | None = None
    ) -> list[Member]:
        """The best item of each meeting about the question's matter, oldest meeting first.

        ``explicit``: the question asks across meetings in so many words; then a sentence that names the matter
        inside another item is enough. Otherwise (a decision asked without naming when) only items whose title
        names the matter count. ``case_items`` finds the items filed under the cases of the items whose title
        names the matter that ``hits`` lack: the same case at another meeting is the matter too.
        """
        idf = self.extractive.index.idf
        span = named_span(question)
        hits = self._asked_meetings(question, hits, span, explicit)
        terms = subject_terms(question, idf, {hit.body for hit in hits})
        if not terms:
            return []
        name = matter_name(terms, hits)
        asks_decision = classify(question).decision
        titled = [hit for hit in hits if share(name, _title_words(hit.title)) >= SUBJECT_SHARE]
        if case_items is not None and titled:
            hits = hits + self._asked_meetings(question, case_items(question, titled), span, explicit)
        evidence = self.extractive.rank(question, hits, depth=len(hits))
        by_hit: dict[int, list[Evidence]] = {}
        for item in evidence:
            by_hit.setdefault(id(item.hit), []).append(item)
        cases = {case_key(hit.case_number) for hit in titled if hit.case_number}
        by_meeting: dict[str, Member] = {}
        for hit in hits:
            if hit.document_id in by_meeting or id(hit) not in by_hit:
                continue
            named = hit in titled or bool(hit.case_number and case_key(hit.case_number) in cases)
            ranked = by_hit[id(hit)]
            quote = self._quote(hit, ranked, name, named, explicit)
            if quote:
                decided = named and quote[0].sentence.section == DECISION_SECTION
                detail, label = decision_detail(quote, ranked, asks_decision) if decided else ([], "")
                by_meeting[hit.document_id] = Member(hit, quote, detail, label, named)
        return sorted(by_meeting.values(), key=lambda m: (m.hit.meeting_date is None, m.hit.meeting_date))

    def _asked_meetings(self, question: str, hits: list[Hit], span: Span | None, explicit: bool) -> list[Hit]:
        """The hits from the meetings the question asks about: within its time, and of the one body it names."""
        if span:  # "fra udvalget i november 2022 til Byrådet i marts 2023": the meetings in between
            return [hit for hit in hits if within_span(hit.meeting_date, span)]
        if explicit:  # a course asked in so many words may run beyond the time it names ("lokalplaner i 2023")
            return hits
        # "Hvad besluttede Økonomiudvalget om …?" asks that body's meetings, not the committees' before it.
        named = bodies_asked(question, self.extractive.index.bodies)
        if len(named) == 1:
            hits = [hit for hit in hits if hit.body in named]
        return within_named_time(question, hits)

    def _quote(
        self, hit: Hit, ranked: list[Evidence], name: dict[str, float], named: bool, explicit: bool
    ) -> list[Evidence]:
        """What to quote for one meeting: the item's decision when it is filed under the matter (its title names
        it, or it carries the case number of an item whose title does), else its best sentence that names the
        matter — most of its words, or one nearly as rare as its rarest — (only when the question asks across
        meetings); [] when the item is not about the matter."""
        if named:
            own = {e.sentence.position: e for e in ranked}
            decided = [e for e in decision_of(own, hit.meeting_date) if section_name(e.sentence.text) is None]
            return decided or ranked[:1]
        if not explicit:
            return []
        telling = {word for word, weight in name.items() if weight >= max(name.values()) * TELLING}
        # A matter named by its year is another matter in another year ("Budget 2025-28", not "Budget 2024-27").
        years = {word for word in name if word.isdigit()}
        by_position = {e.sentence.position: e for e in ranked}
        for item in ranked:  # best first
            # A compound may be written apart in one place and together in another ("Dart klub", "Dartklub").
            tokens = set(analyse(item.sentence.text)) | set(joined_pairs(item.sentence.text))
            # One of the matter's rarest words names it on its own ("flygtningepavillonerne" in a standing item),
            # also as the first part of a compound ("fleksjobvisiterede" names "fleksjob").
            if years <= tokens and (share(name, tokens) >= SUBJECT_SHARE or _names_any(telling, tokens)):
                # The line that names the matter often only opens what is said about it ("Klimahandledag 2024:
                # Udvalget blev …"): the sentences after it, in the same section, come with it.
                following = [by_position.get(item.sentence.position + step) for step in range(1, FOLLOWING + 1)]
                run = [item]
                for later in following:
                    if later is None or later.sentence.section != item.sentence.section:
                        break
                    run.append(later)
                return run
        return []

    def answer(
        self, question: str, hits: list[Hit], single: Answer, explicit: bool, case_items: CaseItems | None = None
    ) -> Answer | None:
        """A timeline when the matter came back in two or more meetings; None when one item answers.

        A question that asks across meetings in so many words, declined only for doubt (no quote of one item
        matched it well enough), is answered when two or more meetings filed items under the matter: what each
        decided is what it asks."""
        doubted = explicit and not single.answered and not single.notice and _doubted(single.signals)
        if not single.answered and not doubted:
            return None
        members = self.members(question, hits, explicit, case_items)
        if doubted:
            members = [member for member in members if member.filed]
        if len(members) < 2:
            return None
        citations: list[Citation] = []
        entries: list[TimelineEntry] = []
        for member in members:
            citation = self._citation(member.hit, member.quote, len(citations) + 1, MAX_DECISION_CHARACTERS)
            if citation is None:
                continue
            citations.append(citation)
            detail = self._citation(member.hit, member.detail, len(citations) + 1, MAX_DETAIL_CHARACTERS)
            if detail is not None:
                citations.append(detail)
            hit = member.hit
            entries.append(
                TimelineEntry(
                    meeting_date=hit.meeting_date,
                    body=hit.body,
                    agenda_item=hit.agenda_item,
                    title=hit.title,
                    case_number=hit.case_number,
                    citation=citation.n,
                    detail=detail.n if detail else None,
                    detail_label=member.detail_label if detail else "",
                )
            )
        if len(entries) < 2:
            return None
        update: dict[str, object] = {
            "answer": compose_timeline(entries, citations),
            "citations": citations,
            "timeline": entries,
        }
        if doubted:
            update |= {"answered": True, "certainty": "usikkert", "maybe_relevant": []}
        return single.model_copy(update=update)

    def _citation(self, hit: Hit, quote: list[Evidence], number: int, longest: int) -> Citation | None:
        """One citation for the quoted sentences: joined while they run on in one section (a decision in several
        sentences, a line and what follows it) up to ``longest`` characters, the longest such run that is verified
        on its pages — a run can break where the sentences left a fragment out ("2. afventer pkt. 1")."""
        if not quote:
            return None
        first = quote[0].sentence
        runs = [(first.text, list(first.pages))]
        for evidence in quote[1:]:
            sentence = evidence.sentence
            text, pages = runs[-1]
            joined = f"{text} {sentence.text}"
            if len(joined) > longest or sentence.section != first.section:
                break
            runs.append((joined, sorted(set(pages) | set(sentence.pages))))
        for snippet, cited in reversed(runs):
            citation = make_citation(number, hit, snippet, cited, first.section)
            if self.extractive.verified(citation):
                return citation
        return None


def _doubted(signals: dict[str, float]) -> bool:
    """Whether an answer was declined for doubt alone: its quotes lacked nothing the question asks for."""
    return bool(signals) and not (signals.get("fit_missing") or signals.get("focus_missing"))


def compose_timeline(entries: list[TimelineEntry], citations: list[Citation]) -> str:
    """ "Sagen er behandlet på 3 møder:" and one line per meeting, oldest first, each with its marker; a bare
    decision is followed by what it refers to."""
    by_number = {citation.n: citation for citation in citations}
    lines = [f"Sagen er behandlet på {len(entries)} møder:"]
    for entry in entries:
        citation = by_number[entry.citation]
        date = entry.meeting_date.strftime("%d-%m-%Y") if entry.meeting_date else "ukendt dato"
        where = ", ".join(part for part in (date, entry.body) if part)
        item = f", punkt {entry.agenda_item}" if entry.agenda_item else ""
        line = f"- {where}{item} »{entry.title}«: {citation.snippet} [{citation.n}]"
        if entry.detail is not None:
            detail = by_number[entry.detail]
            line += f" ({entry.detail_label.lower()}: {detail.snippet} [{detail.n}])"
        lines.append(line)
    return "\n".join(lines)
