"""The default answerer: extractive, offline. It quotes the sentences of the minutes that best answer the
question, each with a citation that is verified against the stored page text before it is returned."""

from __future__ import annotations

import dataclasses
import datetime as dt
import itertools
import re
import threading
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import urlencode

import numpy as np

from ingestion.domain import AgendaItem, Document
from ingestion.meeting import MONTH_NAMES, find_date
from ingestion.sections import ATTENDANCE_LABELS, PROPOSAL_SECTION, section_name
from retrieval.bm25 import analyse, compound_parts, normalise
from retrieval.domain import OCR_NOTE, Answer, Certainty, Citation, Hit
from retrieval.index import Index
from retrieval.question import (
    PEOPLE,
    REFERS_BACK,
    QuestionKind,
    asked_thing,
    asks_council_decision,
    asks_outcome,
    asks_owner,
    asks_period,
    asks_yes_no,
    bodies_in,
    body_spans,
    classify,
    decided_after,
    enumerates_before,
    explains_before,
    focus,
    happened_after,
    holds,
    is_council,
    listed_before,
    listed_words,
    meeting_fact,
    meeting_facts,
    named_span,
    named_time,
    names_listed,
    names_people,
    names_person,
    names_thing,
    numbered_matters,
    numbers_otherwise,
    other_period,
    paid_as,
    says_absence,
    states_reason,
    tells_council_decision,
    tells_end,
    tells_outcome,
    tells_start,
    two_questions,
    without_times,
    years_in,
)
from retrieval.sentences import LABEL, Sentence, embedding_inputs
from retrieval.verify import snippet_on_pages

NOT_IN_MINUTES = "Det fremgår ikke af referaterne."
DECISION_SECTION = "Beslutning"
DECISION_SECTIONS = {DECISION_SECTION: 0.2, "Indstilling": 0.05}
MEETING_BONUS = 0.2
# A sentence about the question's numbered matter with another number ("Budgetopfølgning 1 viste …" when the
# question asks about budgetopfølgning 2) is about another matter: it loses about what a whole item's rank gives.
OTHER_NUMBER_PENALTY = 0.1
# "Hvilken lov …?" is answered by a sentence that names a law ("Særlov om …"): a nudge, not a requirement (the thing
# may be told in other words).
THING_BONUS = 0.1
# A line that only names a body ("Sagsprocedure: Økonomiudvalget") says nothing about the matter: it is quoted only
# as an entry of a list it stands in.
NAMES_ONLY_PENALTY = 1.0
# A lead-in may end in ";" where another would print ":" ("Udvalget ønsker, at der fremlægges sager om;" / "• …").
_LEADS_IN = re.compile(r";\s*$")
# A line of the item's attachments ("Bilag 1. Resultater Bilag 2. Anbefalinger") names documents, it says nothing of
# what they hold: it answers only a question about the attachments.
_ATTACHMENTS = re.compile(r"(?i)^\W*bilag\s*(?:nr\.?\s*)?\d")
_ASKS_ATTACHMENTS = re.compile(r"(?i)\bbilag\w*")
# The line that prints what a question asks about the meeting ("Afbud: …" for "Hvem var fraværende?") outweighs
# the meeting's heading, which matches the question's body name and date as well as any line of the meeting.
MEETING_FACT_BONUS = 0.4
# The words at the start of a line that may say which fact about the meeting it prints.
OPENING_WORDS = 3
WEAK_PERSON = 0.25
# "Fra hvilken dato gælder …?": a date told as the start ("gældende fra 1. juni") fits more surely than any date.
STRONG_DATE = 1.5
# … and one date, where a period is asked, is half an answer.
WEAK_PERIOD = 0.25
# … and a reason stated as such ("Begrundelsen er, at …") than a purpose or a consequence.
STRONG_REASON = 1.25
# A line that only opens a list ("De berørte bygninger er:") is at most this long.
MAX_OPENING_LINE = 120
# A short line ending in ":" that a sentence stands under (a timetable's date) holds, for these kinds, what it holds.
LABEL_HOLDS = frozenset({"date"})
MAX_LABEL_LINE_WORDS = 10
# A list's lead-in that names what a "Hvilke …?" question asks for holds the list surely.
STRONG_LIST = 2.0
# A sentence that holds what was asked for and matches this nearly as well as the best one answers as surely.
HOLDER_CLOSE = 0.9
SUMMARY_SECTIONS = {"Sammendrag", "Resumé", "Resume", "Baggrund", ""}
ITEMS_CONSIDERED = 4
# A meeting whose items each say who was absent is answered with at most this many distinct lines.
MAX_ABSENCE_LINES = 6
MAX_QUOTES = 3
# A question about the meeting that no label answers quotes at most this many of the meeting's own lines.
MAX_OPENING_LINES = 8
# A second question's answer is looked for among its item's best few sentences for it.
SECOND_CANDIDATES = 3
# Reasons given one after the other ("… ikke stort nok. Desuden … Og endelig … Af disse grunde …") are quoted back
# this far at most.
MAX_REASONS_BACK = 4
# A sentence that adds one more of the same: another reason, another point.
_ADDS = re.compile(r"(?i)^\s*(og )?(desuden|endvidere|derudover|herudover|endelig|samtidig|yderligere|ydermere)\b")
# A sentence that announces more of what was just listed: "Hertil kommer indsatser besluttet med budgetforliget."
_MORE_FOLLOW = re.compile(r"(?i)^\s*(?:hertil|dertil|herudover|derudover)\s+kommer\b")
# A sentence that breaks the number before it down.
_BREAKDOWN = re.compile(r"(?i)^\s*(heraf|deraf|af dem|af disse|fordelt på|heriblandt)\b")
# A sentence that leaves open what the meeting is to choose ("… skal beslutte, hvilke medlemmer der deltager"): the
# item's decision tells what was chosen.
_LEAVES_OPEN = re.compile(
    r"(?i)\b(beslutte[rs]?|vælge[rs]?|udpege[rs]?|tage stilling til),?\s+(hvilke|hvilken|hvilket|hvem|hvor)\b"
)
# The shortest stem that may end a compound of the item's title and still name what the question counts.
MIN_COMPOUND_TAIL = 3
MAX_LIST_ITEMS = 8
# How far the next entry of a list may stand: right after, or after a description of one or two sentences.
ENTRY_STEPS = (1, 2, 3)
# The quote carried in a viewer link: enough to find it on the page, short enough for any URL.
HIGHLIGHT_CHARACTERS = 800
_DATE_IN_QUESTION = re.compile(
    rf"(?i)\b\d{{1,2}}\.?\s*(?:{'|'.join(MONTH_NAMES)})\b(?:\s+\d{{4}})?|\b\d{{1,2}}[./-]\d{{1,2}}[./-]\d{{2,4}}\b"
)
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
# What a meeting's opening can tell besides the meeting itself: who (its members, its chair), when, where.
_MEETING_TELLS = frozenset({"person", "date", "place"})
# A line of the opening page with this many words or more, all from another item's title, lists that item.
LISTED_TITLE_WORDS = 3
_KEY_TERM = re.compile(r"\b(?:[A-ZÆØÅ][\wæøåÆØÅ]{2,}|\d{4}|\d+(?:[.,]\d+)*)\b")
# Question words and other capitalised words that say nothing about the subject.
_NOT_KEY = {
    "hvem",
    "hvad",
    "hvor",
    "hvornår",
    "hvordan",
    "hvilke",
    "hvilken",
    "hvilket",
    "hvorfor",
    "blev",
    "er",
    "var",
    "har",
    "kan",
    "skal",
    "og",
    "i",
    "på",
    "den",
    "det",
    "de",
    "kommune",
    "kommunen",
    "udvalget",
}


@dataclass(frozen=True)
class Evidence:
    sentence: Sentence
    hit: Hit
    hit_rank: int
    score: float  # relevance to the question: embedding, weighted word overlap, item rank
    bonus: float = 0.0  # the section suits the question (a decision stands in Beslutning)
    fit: float = 0.0  # > 0 when it holds what the question asks for (a number, a name, a date, a reason, a list)
    dense: float = 0.0  # the embedding similarity alone
    lexical: float = 0.0  # the idf-weighted share of the question's words it holds

    @property
    def total(self) -> float:
        return self.score + self.bonus + self.fit


@dataclass(frozen=True)
class Signals:
    """What the confidence is judged from: how well the best quote and its item match the question."""

    relevance: float  # the best quote's score
    dense: float  # its embedding similarity
    lexical: float  # the idf-weighted share of the question's words it holds
    item_coverage: float  # … that its whole item holds
    unknown_words: float  # the idf-weighted share of the question's words the minutes never use
    key_term_missing: float  # 1 when a name, year or number of the question is not in the item
    fit_missing: float  # 1 when no quote holds what the question asks for (the number, the name, the outcome, …)
    focus_missing: float  # 1 when no quote names what the question counts or prices ("elever", "periodekort")
    year_missing: float  # 1 when the question names a year that neither the quotes nor their meeting is from

    def vector(self) -> np.ndarray:
        return np.array([getattr(self, name) for name in SIGNALS], dtype=np.float64)


SIGNALS = tuple(Signals.__dataclass_fields__)


@dataclass(frozen=True)
class Calibration:
    """Weights and thresholds. The confidence model (a logistic regression over ``Signals``) and its threshold are
    fitted on the tuning sets eval/datasets/dev.jsonl and dev-wide.jsonl with ``python -m eval.calibrate`` (see
    eval/README.md), never on the test set."""

    dense_weight: float = 0.55
    lexical_weight: float = 0.35
    rank_weight: float = 0.10
    title_weight: float = 0.10
    dense_floor: float = 0.74
    dense_span: float = 0.16
    # A quote that holds what the question asks for (a number for "hvor mange", …) gains; one that does not loses.
    fit_bonus: float = 0.12
    fit_penalty: float = 0.08
    # Confidence = logistic(bias + Σ weight × (signal - mean) / scale), in the order of SIGNALS.
    signal_mean: tuple[float, ...] = (0.8217, 0.8917, 0.5793, 0.7411, 0.0847, 0.0577, 0.0417, 0.0705, 0.0224)
    signal_scale: tuple[float, ...] = (0.1443, 0.0266, 0.2498, 0.2455, 0.1666, 0.2332, 0.1998, 0.256, 0.1481)
    signal_weight: tuple[float, ...] = (0.6055, 0.8497, -0.6678, 0.7805, -0.1306, -0.6941, -0.2874, -0.8193, -0.4027)
    signal_bias: float = 2.2441
    threshold: float = 0.49
    # Above this confidence an answer is called sure ("Sikkert svar"), below it "Usikkert — tjek kilden".
    sure: float = 0.81

    def confidence(self, signals: Signals) -> float:
        standardised = (signals.vector() - np.array(self.signal_mean)) / np.array(self.signal_scale)
        logit = self.signal_bias + float(standardised @ np.array(self.signal_weight))
        return 1.0 / (1.0 + float(np.exp(-logit)))


def lacks_what_was_asked(signals: Signals) -> bool:
    """A question that asks for a number, a name, a date, a reason or a list is not answered by quotes that hold
    none, nor one that counts a thing ("hvor mange høringssvar") by quotes that never name it: declined, however
    well the item matches."""
    return bool(signals.fit_missing or signals.focus_missing)


class ExtractiveAnswerer:
    def __init__(self, index: Index, calibration: Calibration | None = None) -> None:
        self.index = index
        self.calibration = calibration or Calibration()
        self._cache: dict[tuple[str, str, str], tuple[list[Sentence], np.ndarray]] = {}
        self._cache_lock = threading.Lock()

    def _item(self, hit: Hit) -> tuple[Document, AgendaItem] | None:
        try:
            document = self.index.document(hit.document_id)
        except LookupError:
            return None
        for item in document.items:
            if item.number == hit.agenda_item and item.title == hit.title:
                return document, item
        return None

    def _sentences(self, hit: Hit, item: AgendaItem) -> tuple[list[Sentence], np.ndarray]:
        key = (hit.document_id, hit.agenda_item, hit.title)
        with self._cache_lock:
            cached = self._cache.get(key)
        if cached is not None:
            return cached
        sentences, inputs = embedding_inputs(item)
        document = self.index.document(hit.document_id)
        item_index = next(i for i, candidate in enumerate(document.items) if candidate is item)
        stored = self.index.sentence_vectors(hit.document_id, item_index)
        if stored is not None and len(stored) == len(sentences):
            vectors = stored
        else:  # an index made before sentence vectors were stored: compute them once
            vectors = np.asarray(self.index.embedder.embed_passages(inputs) if inputs else [], dtype=np.float32)
        entry = (sentences, np.asarray(vectors, dtype=np.float32).reshape(len(sentences), -1))
        with self._cache_lock:
            if len(self._cache) > 5000:
                self._cache.clear()
            self._cache[key] = entry
        return entry

    def rank(
        self, question: str, hits: list[Hit], case_match: bool = False, depth: int = ITEMS_CONSIDERED
    ) -> list[Evidence]:
        """Every sentence of the top ``depth`` items, best first: scored by embedding, weighted word overlap, item
        rank and section, and fitted to what the question asks for."""
        calibration = self.calibration
        kind = classify(question)
        query_vector = np.asarray(self.index.embedder.embed_query(question), dtype=np.float32)
        query_tokens = set(analyse(question))
        idf = self.index.idf
        query_weight = sum(idf.get(token, 1.0) for token in query_tokens) or 1.0
        asked_facts = meeting_facts(question) if kind.meeting else []
        asked_numbers = numbered_matters(question)
        thing = asked_thing(question) if not kind.target else set()
        # A line that only names a body ("Sagsprocedure: Økonomiudvalget") says nothing about the matter.
        body_names = [set(analyse(body)) for body in self.index.bodies]
        attachments_asked = bool(_ASKS_ATTACHMENTS.search(question))
        evidence: list[Evidence] = []
        for rank, hit in enumerate(hits[:depth]):
            found = self._item(hit)
            if found is None:
                continue
            sentences, vectors = self._sentences(hit, found[1])
            if not sentences:
                continue
            dense = vectors @ query_vector
            # A question about the meeting itself (who was absent, where it was held) is answered by the meeting's
            # own information, which the search ranks first for such a question, or by an item's own attendance
            # lines ("Fraværende: …").
            opening = kind.meeting and rank == 0 and not hit.agenda_item
            # A lead-in followed by a printed list holds that list ("… fem pejlemærker: • Håndtere efterslæb …"),
            # also through a short line that opens it ("… de kommunale bygninger i fase 1." / "De berørte
            # bygninger er:" / "- Strandskolen").
            leads_list = _leading_lists(sentences)
            # A timetable's entry stands under its date: "Medio november til medio december 2023:" / "Forslaget
            # sendes i fire ugers offentlig høring." — the sentence holds the date its label gives.
            labelled = _labels(sentences)
            # A sentence stands under its item's heading: the item the question names gives its sentences weight.
            heading_tokens: dict[str, set[str]] = {}
            titled = sum(idf.get(token, 1.0) for token in query_tokens & set(analyse(hit.title))) / query_weight
            for sentence, similarity in zip(sentences, dense, strict=True):
                own_tokens = set(analyse(sentence.text))
                # A line that only names a body, or only lists attachments, says nothing about the matter.
                says_nothing = (bool(own_tokens) and any(own_tokens <= name for name in body_names)) or (
                    not attachments_asked and bool(_ATTACHMENTS.match(sentence.text))
                )
                # A sentence stands under its section's heading too ("Fraværende" over "Anne Holm").
                heading = heading_tokens.setdefault(sentence.section, set(analyse(sentence.section)))
                tokens = own_tokens | heading
                lexical = sum(idf.get(token, 1.0) for token in query_tokens & tokens) / query_weight
                dense_part = min(max((float(similarity) - calibration.dense_floor) / calibration.dense_span, 0), 1)
                score = (
                    calibration.dense_weight * dense_part
                    + calibration.lexical_weight * lexical
                    + calibration.rank_weight / (rank + 1)
                    + calibration.title_weight * titled
                )
                evidence.append(
                    Evidence(
                        sentence=sentence,
                        hit=hit,
                        hit_rank=rank,
                        score=score,
                        bonus=_section_bonus(kind, sentence, case_match and rank == 0)
                        + (MEETING_BONUS if opening else 0.0)
                        + (MEETING_FACT_BONUS if any(_labelled(sentence, fact) for fact in asked_facts) else 0.0)
                        - (OTHER_NUMBER_PENALTY if numbers_otherwise(sentence.text, asked_numbers) else 0.0)
                        - (NAMES_ONLY_PENALTY if says_nothing else 0.0)
                        + (THING_BONUS if thing and names_thing(own_tokens, thing) else 0.0),
                        fit=self._fit(
                            kind, sentence, question, leads_list.get(sentence.position), labelled.get(sentence.position)
                        ),
                        dense=float(similarity),
                        lexical=lexical,
                    )
                )
        if kind.reason:
            evidence = _continuations_inherit(evidence, explains_before)
        if kind.target == "list":
            evidence = _continuations_inherit(evidence, enumerates_before)
        evidence.sort(key=lambda e: e.total, reverse=True)
        return evidence

    def _fit(
        self, kind: QuestionKind, sentence: Sentence, question: str, lead: str | None = None, label: str | None = None
    ) -> float:
        """How well a sentence holds what the question asks for; ``lead``: the text of the lead-in when the
        sentence leads a printed list (itself, or with the line that opens the list); ``label``: the short line
        ending in ":" that the sentence stands under (a timetable's date), which holds what it holds for it."""
        wanted = kind.target
        if not wanted or wanted == "case_number":
            return 0.0
        if wanted == "list":
            # "Hvilke områder …?" is answered by the list whose lead-in names them ("… disse otte områder:"), or by a
            # sentence that names them, then runs the list ("De syv kommuner er Vestby, Nordby, … og Østby.").
            listed = listed_words(question)
            if (lead is not None and names_listed(lead, listed)) or names_listed(listed_before(sentence.text), listed):
                return self.calibration.fit_bonus * STRONG_LIST
        fits = (
            (wanted == "list" and lead is not None)
            or _holds(wanted, sentence, question)
            or (label is not None and wanted in LABEL_HOLDS and holds(wanted, label, question))
        )
        # A name under "Ikke til stede" / "Afbud" says who was absent: it answers only who was.
        absentee = sentence.section in ATTENDANCE_LABELS and "absent" not in meeting_facts(question)
        if not fits or (wanted == "person" and absentee):
            return -self.calibration.fit_penalty
        if wanted == "person" and not names_person(sentence.text, question) and not asks_owner(question):
            # A capitalised word or a role answers "hvem" less surely than a person's name does.
            return self.calibration.fit_bonus * WEAK_PERSON
        if wanted == "date" and tells_start(sentence.text, question):
            return self.calibration.fit_bonus * STRONG_DATE
        if wanted == "date" and asks_period(question):
            # "I hvilken periode er politikken i høring?": "godkendt den 12. oktober" gives a day, not the period.
            return self.calibration.fit_bonus * WEAK_PERIOD
        if wanted == "reason" and states_reason(sentence.text):
            return self.calibration.fit_bonus * STRONG_REASON
        return self.calibration.fit_bonus

    def _item_tokens(self, item: tuple[Document, AgendaItem]) -> set[str]:
        """The words of an agenda item, its meeting's body and title, and its document's first page (where the
        municipality is named) less the agenda listed there: another item's title names nothing of this one."""
        document, agenda_item = item
        others = [set(analyse(other.title)) for other in document.items if other is not agenda_item]
        first_page = document.pages[0] if document.pages else ""
        opening = " ".join(line for line in first_page.splitlines() if not _lists_another_item(line, others))
        return set(analyse(f"{document.body} {document.title} {opening} {agenda_item.title} {agenda_item.text}"))

    def key_terms_present(self, question: str, tokens: set[str]) -> bool:
        """Whether every name, year and number of the question stands (stemmed) in the answering item or on its
        document's first page (where the municipality is named). A date the question names is the meeting's
        business (see ``named_time``), not a key term; so are the bodies and times of a question over a span of
        meetings ("fra teknikudvalget i november 2022 til Kultur- og Fritidsudvalget i marts 2023"): each names
        another meeting."""
        if named_span(question):
            for start, end in sorted(body_spans(question, self.index.bodies).values(), reverse=True):
                question = f"{question[:start]} {question[end:]}"
            question = without_times(question)
        undated = _DATE_IN_QUESTION.sub(" ", question)
        terms = [
            term
            for term in _KEY_TERM.findall(undated)
            if normalise(term) not in _NOT_KEY and not undated.startswith(term)
        ]
        return all(set(analyse(term)) <= tokens for term in terms)

    def coverage(self, question: str, tokens: set[str]) -> float:
        """The idf-weighted share of the question's words found in ``tokens`` (words never seen weigh most)."""
        idf = self.index.idf
        unseen_weight = max(idf.values(), default=3.0)
        words = set(analyse(question))
        total = sum(idf.get(word, unseen_weight) for word in words)

        def covered(word: str) -> bool:
            # A compound the minutes never write is covered by its parts ("motoriksagen": "motorik", "sag").
            parts = compound_parts(word, idf) if word not in idf else None
            return word in tokens or (parts is not None and set(parts) <= tokens)

        return sum(idf.get(word, unseen_weight) for word in words if covered(word)) / total if total else 0.0

    def unknown_share(self, question: str) -> float:
        """The idf-weighted share of the question's words that occur nowhere in the indexed minutes."""
        idf = self.index.idf
        unseen_weight = max(idf.values(), default=3.0)
        tokens = set(analyse(question))
        if not tokens:
            return 0.0
        total = sum(idf.get(token, unseen_weight) for token in tokens)
        return sum(unseen_weight for token in tokens if token not in idf and not compound_parts(token, idf)) / total

    def select(self, evidence: list[Evidence], kind: QuestionKind, question: str = "") -> list[Evidence]:
        """The quotes that answer: the best sentence, what it needs around it, and up to two more as good.

        All from the answering item. A decision question always gets that item's decision; a sentence that
        lacks what was asked (the number, the name) brings the neighbour that holds it; a lead-in ending in ":"
        brings its list; a list question gets the list's entries.
        """
        if not evidence:
            return []
        best = evidence[0]
        own = {e.sentence.position: e for e in evidence if e.hit is best.hit}
        chosen = [best]
        ruling: list[Evidence] = []
        if kind.decision:
            # What was decided is the item's decision, in its own order, as printed: the decision of the meeting
            # the question names, else the last one (an item can carry the decisions of earlier meetings).
            ruling = _first_said(decision_of(own, named_time(question).day), MAX_QUOTES)
            # "Byrådet godkendte Økonomiudvalgets indstilling" says what was decided only with that recommendation.
            # (A reason asked is the reason's sentences, not the chain of recommendations.)
            if not kind.reason:
                runs = adopted(own, ruling)
                if not runs and _BARE_APPROVAL.match(" ".join(e.sentence.text for e in ruling)):
                    # "1.-2. Godkendt." decides what the Indstilling proposed: its points are what was decided.
                    runs = [run] if (run := _proposal(own, {e.sentence.position for e in ruling})) else []
                # A step that only passes the proposal on ("10-10-2023 Vestby Udvalg" / "- Anbefales") says nothing
                # the proposal it leads to does not.
                said = [run for n, run in enumerate(runs) if n == len(runs) - 1 or not _passes_on(run)]
                ruling += [e for run in said for e in run][:MAX_ADOPTED]
            if ruling:
                # The best sentence stays, also when it stands in another decision run of the item.
                chosen = ruling if any(e is best for e in ruling) else [*ruling, best]
        # A question about the meeting may ask several of its facts ("hvem havde afbud, og hvor blev mødet holdt"):
        # each one's line is quoted — those lines (they print what is asked), not others that score as well.
        facts = [line for line in _fact_lines(question, kind, evidence) if line.hit is best.hit]
        # Every fact asked has its line: those lines answer, nothing else is looked for.
        told = bool(facts) and all(
            any(_labelled(line.sentence, fact) for line in facts) for fact in meeting_facts(question)
        )
        whole = facts  # lines that say all they have to say: no short-quote neighbour is added to them
        if (kind.meeting or kind.target == "person") and not facts and self.index.opens_meeting(best.hit):
            # Asked about the meeting in words no label answers ("Hvem var med til mødet?", "Hvem var formand ved
            # mødet?"): its own lines on the page the best one stands on, in order — who met, when and where.
            page = best.sentence.pages[0]
            chosen = [
                e
                for _, e in sorted(own.items())
                if e.sentence.section == best.sentence.section and e.sentence.pages[0] == page
            ][:MAX_OPENING_LINES] or [best]
            whole = chosen
        wanted = kind.target
        fitted = bool(wanted) and wanted != "case_number" and not told
        # A decision's entries ("1. godkendes 2. tages til efterretning") are not the list a question asks for.
        holding = [e for e in chosen if not (wanted == "list" and e in ruling)]
        # For "hvem" a person's name holds it fully; a capitalised word only partly (see ``_fit``).
        full = self.calibration.fit_bonus if wanted == "person" else 0.0
        if fitted and not any(e.fit > 0 and e.fit >= full for e in holding):
            # What was asked for (the number, the name) must be quoted: from next to the best sentence, else the
            # item's best sentence that holds it.
            holder = _neighbour_holding(own, best, wanted, full) or next(
                (e for e in evidence if e.hit is best.hit and e.fit > 0 and e.fit >= full), None
            )
            if holder is not None:
                chosen.append(holder)
        if fitted and _LEAVES_OPEN.search(best.sentence.text):
            # "… anbefaler, at udvalget beslutter, hvem der skal udpeges": what was chosen stands in the decision.
            decided = next(
                (
                    e
                    for _, e in sorted(own.items())
                    if e.sentence.section == DECISION_SECTION and e.fit > 0 and e.fit >= full and e not in chosen
                ),
                None,
            )
            if decided is not None:
                chosen.append(decided)
        if _year_missing(question, chosen):
            # "Hvor meget brugte kommunen i 2023 …?" answered by "… cirka 2/3 af udgifterne." brings the next
            # sentence, "I 2023 var det knapt 23 mio. kr.": the neighbour that names the year asked about.
            dated = _neighbour_naming_year(own, best, set(_YEAR.findall(question)), fitted)
            if dated is not None:
                chosen.append(dated)
        if wanted == "number":
            # A total is told with its breakdown: "I alt 186 kursister …" and "Heraf var 139 fra Vestby …".
            chosen += [e for e in _breakdowns(own, chosen) if e not in chosen]
        for candidate in [] if told else evidence[1:]:
            if len(chosen) >= MAX_QUOTES:
                break
            if candidate.total < best.total * 0.88:
                break
            if candidate.hit is not best.hit or any(_same_text(candidate, other) for other in chosen):
                continue
            if fitted and candidate.fit <= 0:
                continue
            chosen.append(candidate)
        chosen = _with_lists(chosen, own, kind.listing, whole)
        if wanted in LABEL_HOLDS:
            chosen += [label for label in _labels_of(chosen, own) if not any(_same_text(label, e) for e in chosen)]
        if kind.reason:
            chosen = _with_reasons_before(chosen, own)
        chosen += [line for line in facts if line not in chosen]
        chosen.sort(key=lambda e: (e.hit_rank, e.sentence.position))
        return chosen

    def answer(self, question: str, hits: list[Hit], case_numbers: list[str] | None = None) -> Answer:
        """An extractive answer, or an abstention; ``confidence`` holds the evidence strength it was judged by.

        ``case_numbers`` are the known case numbers the question names; the top item carrying one of them
        is itself strong evidence (the question says exactly which case it means).
        """
        kind = classify(question)
        # A question that names a body is answered from that body's own items when the search found any
        # ("Hvad bad Vestby Udvalg om …?" — not another body's item that lists the committees).
        named = bodies_in(question, {hit.body for hit in hits})
        quoted = [hit for hit in hits if hit.body in named] or hits
        case_match = bool(quoted and case_numbers and quoted[0].case_number in case_numbers)
        if kind.case_number and not case_numbers and hits:
            case_answer = self.case_number_answer(hits[0])
            if case_answer is not None:
                return case_answer
        evidence = _fact_line_first(question, kind, self.rank(question, quoted, case_match))
        if not (kind.meeting or kind.target in _MEETING_TELLS):
            # The meeting's opening (who met, when, where) matches a question that names the meeting by its body and
            # day, but says nothing of what was treated: "Hvad tog formanden op på mødet den 15. marts 2023?".
            evidence = [e for e in evidence if not self.index.opens_meeting(e.hit)] or evidence
        chosen = self.select(evidence, kind, question)
        chosen += self._second_answer(question, chosen)
        exact = case_match or _meeting_fact_line(question, kind, evidence)
        signals = self.signals(question, evidence, chosen, kind) if evidence and not exact else None
        if not evidence:
            strength = 0.0
        elif signals is None:
            strength = 1.0  # the question names exactly this case, or this meeting and a fact its opening prints
        else:
            strength = self.calibration.confidence(signals)
        measured = dataclasses.asdict(signals) if signals else {}
        lacking = signals is not None and lacks_what_was_asked(signals)
        confident = strength >= self.calibration.threshold
        citations = self.citations(chosen) if confident and not lacking else []
        if not citations:
            notice = _lacking_notice(kind, question) if lacking and confident else ""
            return abstain(hits, notice, confidence=strength).model_copy(update={"signals": measured})
        return Answer(
            answer=compose(citations),
            answered=True,
            citations=citations,
            retrieved=hits,
            confidence=round(strength, 4),
            certainty=self.certainty(strength),
            signals=measured,
        )

    def _second_answer(self, question: str, chosen: list[Evidence]) -> list[Evidence]:
        """ "Hvor mange modtog ydelsen, og hvor mange ansøgninger kom der?" asks two things of one item: for each of
        the two questions, the answering item's sentence that best answers it, when it holds what that asks for and
        is not quoted yet; [] for a question that asks one thing."""
        parts = two_questions(question)
        if parts is None or not chosen:
            return []
        added: list[Evidence] = []
        for part in parts:
            asked = classify(part).target
            for candidate in self.rank(part, [chosen[0].hit])[:SECOND_CANDIDATES]:
                if asked and candidate.fit <= 0:
                    continue
                if not any(_same_text(candidate, other) for other in chosen + added):
                    added.append(candidate)
                break
        return added

    def absences(self, question: str, items: list[Hit], opening: list[Citation]) -> Answer | None:
        """ "Hvem var fraværende ved mødet …?" where the minutes say it under each item ("Ikke til stede: Anne Holm"
        below a decision) rather than in the meeting's opening: every distinct such line of the meeting's
        ``items``, in the agenda's order, each cited — after what the ``opening`` says ("Afbud: Ingen"). None when
        no item has one."""
        if "absent" not in meeting_facts(question) or not items:
            return None
        document = self.index.document(items[0].document_id)
        order = {(item.number, item.title): position for position, item in enumerate(document.items)}
        found: list[Evidence] = []
        seen: set[str] = set()
        for rank, hit in enumerate(sorted(items, key=lambda hit: order.get((hit.agenda_item, hit.title), 0))):
            located = self._item(hit)
            if located is None:
                continue
            # An item's course prints who was absent at the committees' meetings before this one ("13-11-2023
            # Sundheds- og Omsorgsudvalget / Anbefales. / Fraværende: Anne Holm"): not this meeting's absence.
            step: dt.date | None = None
            for sentence in self._sentences(hit, located[1])[0]:
                if _COURSE_HEADER.match(sentence.text):
                    step = find_date(sentence.text)
                elsewhere = step is not None and hit.meeting_date is not None and step != hit.meeting_date
                if sentence.section in ATTENDANCE_LABELS and not elsewhere and normalise(sentence.text) not in seen:
                    seen.add(normalise(sentence.text))
                    found.append(Evidence(sentence, hit, rank, 1.0))
        if not found:
            return None
        citations = [c.model_copy(update={"n": n}) for n, c in enumerate(opening, 1)]
        citations += [c.model_copy(update={"n": c.n + len(opening)}) for c in self.citations(found[:MAX_ABSENCE_LINES])]
        if len(citations) == len(opening):
            return None
        return Answer(
            answer=compose(citations), answered=True, citations=citations, confidence=1.0, certainty="sikkert"
        )

    def certainty(self, strength: float) -> Certainty:
        return "sikkert" if strength >= self.calibration.sure else "usikkert"

    def case_number_answer(self, hit: Hit) -> Answer | None:
        """ "Hvilket sagsnummer har sagen om …?": the line where the item prints its case number, cited."""
        found = self._item(hit)
        if found is None or not hit.case_number:
            return None
        document, item = found
        for page in range(item.first_page, min(item.last_page, len(document.pages)) + 1):
            for line in document.pages[page - 1].splitlines():
                if hit.case_number not in line:
                    continue
                citation = make_citation(1, hit, line.strip(), [page])
                if self.verified(citation):
                    return Answer(
                        answer=compose([citation]),
                        answered=True,
                        citations=[citation],
                        retrieved=[hit],
                        confidence=1.0,
                        certainty="sikkert",
                    )
        return None

    def signals(self, question: str, evidence: list[Evidence], chosen: list[Evidence], kind: QuestionKind) -> Signals:
        best = evidence[0]
        found = self._item(best.hit)
        tokens = self._item_tokens(found) if found is not None else set()
        wanted = kind.target
        fitted = bool(wanted) and wanted != "case_number"
        # Not there where the best match is: neither the best sentence, nor a neighbour, nor a sentence of the item
        # matching nearly as well holds what was asked for (a holder fetched from elsewhere in the item is a guess).
        near = [
            e
            for e in chosen
            if e.hit is best.hit
            and (
                abs(e.sentence.position - best.sentence.position) <= 2
                or e.total >= best.total * HOLDER_CLOSE
                # A sentence that tells just what was asked ("Broen er opført i 1786." for "Hvor gammel er broen?",
                # "gældende fra 1. juni" for "Fra hvilken dato gælder …?") answers wherever it stands in the item.
                or (kind.target == "date" and e.fit >= self.calibration.fit_bonus * STRONG_DATE)
                or (e.sentence.section == DECISION_SECTION and _LEAVES_OPEN.search(best.sentence.text))
            )
        ]
        fit_missing = fitted and not any(e.fit > 0 for e in near)
        quotes = [e for e in chosen if e.hit is best.hit]
        # "Fik foreningen pengene?" is not answered by "Foreningen ønsker at ansøge om pengene". A yes-or-no
        # question's outcome is the item's decision, wherever it stands: "Fik ejerne tilladelse …?" is told by "Med
        # stemmerne 19 for og 1 imod godkendte Byrådet …" far below the sentence that matched best.
        told = near + ([e for e in quotes if e.sentence.section == DECISION_SECTION] if asks_yes_no(question) else [])
        outcome_missing = asks_outcome(question) and not any(
            tells_outcome(e.sentence.text, question, e.hit.meeting_date) for e in told
        )
        # "Hvor mange deltog i 2012?" is not answered by what the quotes say of 2011; nor "Hvad besluttede Byrådet
        # den 6. november?" by minutes from before that day.
        # A year asked beside what a meeting did ("Hvordan har Byrådet fulgt op på sagen i 2024?") may be the
        # meeting's own; a figure's year ("Hvor mange deltog i 2012?") is the figure's.
        year = best.hit.meeting_date.year if best.hit.meeting_date else None
        figure = kind.number or year not in years_in(question)
        period_missing = (
            not (kind.decision or kind.across)
            and figure
            and other_period(question, best.sentence.text, [e.sentence.text for e in quotes], year, best.hit.title)
        ) or (kind.decision and decided_after(question, [e.hit.meeting_date for e in quotes]))
        # "Hvad viste undersøgelsen i 2024?" is not told by minutes from before 2024 (a course asked across meetings
        # is the timeline's to date).
        period_missing = period_missing or (
            not kind.across and happened_after(question, [e.hit.meeting_date for e in quotes])
        )
        return Signals(
            relevance=best.score,
            dense=best.dense,
            lexical=best.lexical,
            item_coverage=self.coverage(question, tokens),
            unknown_words=self.unknown_share(question),
            key_term_missing=float(not self.key_terms_present(question, tokens)),
            fit_missing=float(fit_missing or outcome_missing or period_missing),
            focus_missing=float(
                _focus_missing(question, chosen, split=not kind.person)
                or _absence_missing(question, chosen)
                or _end_missing(question, kind, chosen)
                or _council_missing(question, chosen)
                or _payment_missing(question, tokens)
            ),
            year_missing=float(_year_missing(question, chosen)),
        )

    def citations(self, chosen: list[Evidence]) -> list[Citation]:
        """Citations for the chosen sentences; any whose snippet is not on its cited pages is dropped. Sentences
        that follow each other in one section make one passage and one citation (one highlight in the viewer),
        as long as the passage is found on its pages as it stands."""
        citations: list[Citation] = []
        for run in _passages(chosen):
            pages = sorted({page for evidence in run for page in evidence.sentence.pages})
            snippet = " ".join(evidence.sentence.text for evidence in run)
            passage = make_citation(len(citations) + 1, run[0].hit, snippet, pages, run[0].sentence.section)
            if len(run) > 1 and self.verified(passage):
                citations.append(passage)
                continue
            for evidence in run:
                sentence = evidence.sentence
                citation = make_citation(
                    len(citations) + 1, evidence.hit, sentence.text, sentence.pages, sentence.section
                )
                if self.verified(citation):
                    citations.append(citation)
        return citations

    def verified(self, citation: Citation) -> bool:
        try:
            document = self.index.document(citation.document_id)
        except LookupError:
            return False
        return snippet_on_pages(citation.snippet, document, citation.pages)


def _passages(chosen: list[Evidence]) -> list[list[Evidence]]:
    """The chosen sentences in runs of neighbours: same item, same section, each right after the one before."""
    runs: list[list[Evidence]] = []
    for evidence in chosen:
        last = runs[-1][-1] if runs else None
        if (
            last is not None
            and last.hit is evidence.hit
            and last.sentence.section == evidence.sentence.section
            and evidence.sentence.position == last.sentence.position + 1
        ):
            runs[-1].append(evidence)
        else:
            runs.append([evidence])
    return runs


# What the declined answer says the minutes do not give, by what the question asked for.
_ASKED_FOR = {
    "number": "det tal eller beløb",
    "person": "den person",
    "named": "det navn",
    "date": "det tidspunkt",
    "place": "det sted",
    "reason": "den begrundelse",
    "list": "den opremsning",
}


def _lacking_notice(kind: QuestionKind, question: str) -> str:
    """Why a well-matching item was not quoted as the answer: it treats the subject but not what was asked."""
    asked = _ASKED_FOR.get(kind.target) or ("udfaldet" if asks_outcome(question) else "") or focus(question) or "det"
    return f"Referaterne omtaler emnet, men ikke {asked}, der spørges om."


# The head of an asked compound said alone ("takst" of "døgntakst") is at least this long.
MIN_HEAD_WORD = 4


def _lists_another_item(line: str, titles: list[set[str]]) -> bool:
    """Whether a line of the opening page lists another item of the agenda: three words or more, all of one other
    item's title ("2.4. Opgørelse af nytårskoncerten og samarbejde med Vestby Orkester om")."""
    words = {word for word in analyse(line) if not word.isdigit()}
    return len(words) >= LISTED_TITLE_WORDS and any(words <= title for title in titles)


def _focus_missing(question: str, chosen: list[Evidence], split: bool = True) -> bool:
    """Whether no quote names the thing the question counts, prices or names (see ``focus``); ``split``: a thing's
    compound may stand split in the text ("døgntakst" as "taksten … i døgnet") — not a post asked for (a
    "næstformand" is no "formand")."""
    thing = focus(question)
    if not thing:
        return False
    wanted = set(analyse(thing))
    for evidence in chosen:
        # A sentence stands under its section's heading: "Anne Holm" under "Fraværende" says who was absent.
        tokens = set(analyse(f"{evidence.sentence.section} {evidence.sentence.text}"))
        if wanted <= tokens or (wanted <= PEOPLE and names_people(tokens)):
            return False
        # The asked compound may stand split: "døgntakst" as "taksten … i døgnet" (its head, as long as a word).
        if split and all(
            any(len(token) >= MIN_HEAD_WORD and word.endswith(token) for token in tokens) for word in wanted
        ):
            return False
        # … and under its item's title, which may name the thing in a compound: the names listed under "Dialogmøde
        # med plejecenterlederne" are the leaders asked for.
        titled = analyse(evidence.hit.title)
        if all(
            len(word) >= MIN_COMPOUND_TAIL
            and any(token.endswith(word) and not _another_post(token, word) for token in titled)
            for word in wanted
        ):
            return False
    return True


# A post's second in command holds another post: "Valg af næstformand" names no "formand".
_SECOND_POST = ("næst", "vice")


def _another_post(token: str, word: str) -> bool:
    """Whether a compound ending in ``word`` names the post under it ("næstformand", "viceborgmester")."""
    return token != word and token.removesuffix(word) in _SECOND_POST


def _payment_missing(question: str, tokens: set[str]) -> bool:
    """ "Hvor meget betaler foreningen i husleje?" is not answered by an item that never speaks of rent: the kind of
    payment asked for must stand in the answering item (alone or in a compound)."""
    wanted = analyse(paid_as(question))
    return bool(wanted) and not any(wanted[0] in token for token in tokens)


def _council_missing(question: str, chosen: list[Evidence]) -> bool:
    """ "Hvordan stemte Byrådet om høringssvaret?" is not answered by the committees' recommendations to the council:
    a quote from the council's own minutes, or one telling what the council decided, answers it."""
    if not asks_council_decision(question):
        return False
    return not any(is_council(e.hit.body) or tells_council_decision(e.sentence.text) for e in chosen)


def _absence_missing(question: str, chosen: list[Evidence]) -> bool:
    """ "Hvem var fraværende?" is answered only where the minutes say who was: a line labelled "Fraværende" or
    "Afbud", or a sentence saying someone was absent — minutes that list no absence do not answer it with names."""
    if "absent" not in meeting_facts(question):
        return False
    return not any(_labelled(e.sentence, "absent") or says_absence(e.sentence.text) for e in chosen)


def _end_missing(question: str, kind: QuestionKind, chosen: list[Evidence]) -> bool:
    """ "Hvornår sluttede mødet?" is answered only where the minutes say when it ended ("Mødet hævet kl. 10.15"),
    not by the hour it began."""
    if not kind.meeting or "end" not in meeting_facts(question):
        return False
    return not any(tells_end(e.sentence.text) for e in chosen)


def _neighbour_naming_year(own: dict[int, Evidence], best: Evidence, years: set[str], fitted: bool) -> Evidence | None:
    """The sentence next to the best one (after it first) that names one of ``years`` and, where the question asks
    for something (a number, a name), holds it."""
    for offset in (1, -1, 2, -2):
        neighbour = own.get(best.sentence.position + offset)
        if (
            neighbour is not None
            and neighbour.sentence.section == best.sentence.section
            and years & set(_YEAR.findall(neighbour.sentence.text))
            and (neighbour.fit > 0 or not fitted)
        ):
            return neighbour
    return None


def _year_missing(question: str, chosen: list[Evidence]) -> bool:
    years = set(_YEAR.findall(question))
    if not years:
        return False
    for evidence in chosen:
        date = evidence.hit.meeting_date
        if (date and str(date.year) in years) or years & set(_YEAR.findall(evidence.sentence.text)):
            return False
    return True


def decision_of(own: dict[int, Evidence], day: dt.date | None) -> list[Evidence]:
    """The sentences of one decision of the item: the run dated ``day`` (the day the question names, the
    meeting's own day), else the last run — an item can carry the decisions of earlier meetings."""
    decided = sorted(
        (e for e in own.values() if e.sentence.section == DECISION_SECTION), key=lambda e: e.sentence.position
    )
    runs: list[list[Evidence]] = []
    for evidence in decided:
        between = range(runs[-1][-1].sentence.position + 1, evidence.sentence.position) if runs else range(0)
        # A decision goes on after a line of who was absent: "Beslutning i Byrådet den 02.10.2023 / Fraværende:
        # Anne Holm / Godkendt."
        if runs and all(
            position in own and own[position].sentence.section in ATTENDANCE_LABELS for position in between
        ):
            runs[-1].append(evidence)
        else:
            runs.append([evidence])
    if not runs:
        return []
    dated = [run for run in runs if day and find_date(run[0].sentence.text) == day]
    return dated[0] if dated else runs[-1]


# A line that only numbers the point after it: "Pkt. 2:", "Punkt 3.", "2.", "b)".
_POINT_LABEL = re.compile(r"(?i)^\s*(?:(?:pkt\.?|punkt|ad)\s*)?(?:\d{1,2}|[a-z])\s*[.:)]?\s*:?\s*$")


def _first_said(run: list[Evidence], most: int) -> list[Evidence]:
    """The start of a decision run holding ``most`` sentences that say something: a line that only numbers the point
    after it ("Pkt. 2:") or heads the decision ("Udvalgets beslutning") comes with them but is not counted."""
    said = 0
    for n, evidence in enumerate(run):
        text = evidence.sentence.text
        if not (_POINT_LABEL.match(text) or section_name(text)):
            said += 1
            if said == most:
                return run[: n + 1]
    return run


# A decision that adopts another's recommendation: "Byrådet godkendte Økonomiudvalgets indstilling", "…, at Vestby
# Udvalgs indstilling godkendes", "Administrationens indstilling blev tiltrådt". The genitive's last word names who.
_ADOPTS = re.compile(r"(?i)\b([^\W\d_][\w-]*?)s\s+(?:indstilling|anbefaling)\w*")
_ADOPTING = re.compile(r"(?i)\b(godkend\w*|tiltr[åa]d\w*|følge[sr]?|fulgt\w*|fulgte|vedt\w*)")
# Where an item's course prints one meeting's decision: "14-03-2024 Vestby Udvalg", "Beslutning i Økonomiudvalget
# den 10.04.2024", "Punkt 6, Vestby Udvalg den 08.02.2023".
_COURSE_HEADER = re.compile(
    r"(?i)^\s*(?:\d{1,2}[-./]\d{1,2}[-./]\d{2,4}\b|beslutning (?:i|fra) |punkt \d+(?:\.\d+)*, )"
)
# A course's header with the body's name, before its decision: "14-03-2024 Klima-, Teknik- og Miljøudvalget",
# "Punkt 6, Vestby Udvalg den 08.02.2023".
_DAY = r"\d{1,2}[-./]\d{1,2}[-./]\d{2,4}"
_BODY_NAME = r"(?:[\w,-]+\s+){0,5}?\w*(?:udvalg\w*|råd\w*|bestyrelse\w*)"
_COURSE_HEADER_LINE = re.compile(
    rf"(?i)^\s*(?:{_DAY}\s+{_BODY_NAME}\s+|punkt \d+(?:\.\d+)*,\s+{_BODY_NAME}\s+den\s+{_DAY}\s+)"
)
# A decision that approves the proposal without saying it: "1.-3. Anbefales.", "Godkendt", "2. anbefales", one per
# point as a list ("- Anbefales - Anbefales").
_POINT_MARKS = r"(?:(?:\d+\.?\s*(?:[-–]\s*\d+\.?)?|[a-z]\)|[-–•])\s*)*"
_APPROVES = r"(?:anbefales|godkendes|godkendt|tiltrådt|tiltrædes|vedtaget)(?!\s+ikke\b)"
_BARE_APPROVAL = re.compile(rf"(?i)^\s*{_POINT_MARKS}{_APPROVES}\b")
# Nothing but approvals: "1.-3. Anbefales.", "- Anbefales - Anbefales" (not "1. Godkendt. 2. Udvalget anbefaler 2a").
_ONLY_APPROVALS = re.compile(rf"(?i)^\s*(?:{_POINT_MARKS}{_APPROVES}\.?\s*)+$")
# How much of what a decision adopts is quoted: its run, up to this many sentences.
MAX_ADOPTED = 6


def adopted(own: dict[int, Evidence], decision: list[Evidence], hops: int = 3) -> list[list[Evidence]]:
    """What a decision adopts, followed along the item's course, one run per step: "Byrådet godkendte
    Økonomiudvalgets indstilling" brings Økonomiudvalget's run ("Økonomiudvalget anbefaler, at Vestby Udvalgs
    indstilling godkendes"), which brings Vestby Udvalg's ("Udvalget anbefaler scenarie A"); "administrationens
    indstilling" brings the item's Indstilling. Written by hand: the chain is the minutes' own wording, which no
    library reads. [] when the decision says what was decided itself."""
    runs: list[list[Evidence]] = []
    current = decision
    for _ in range(hops):
        text = " ".join(e.sentence.text for e in current)
        match = _ADOPTS.search(text)
        if match and _ADOPTING.search(text):
            who = match.group(1).casefold()
        elif runs and _BARE_APPROVAL.match(_COURSE_HEADER_LINE.sub("", text)):
            who = "administrationen"  # "14-03-2024 Vestby Udvalg 1.-3. Anbefales.": the Indstilling, as proposed
        else:
            break
        taken = {e.sentence.position for run in [decision, *runs] for e in run}
        run = _proposal(own, taken) if who.startswith("administration") else _course_run(own, who, taken)
        if not run:
            break
        runs.append(run)
        current = run
    return runs


def _passes_on(run: list[Evidence]) -> bool:
    """Whether a step of an item's course only approves what was proposed ("… Udvalget 1.-3. Anbefales.")."""
    return bool(_ONLY_APPROVALS.match(_COURSE_HEADER_LINE.sub("", " ".join(e.sentence.text for e in run))))


def _course_run(own: dict[int, Evidence], who: str, taken: set[int]) -> list[Evidence]:
    """The latest run of the item's course headed by the body whose name ends in ``who``: the header sentence and
    those after it in its section, up to the next header. "fagudvalgene" ("fagudvalgenes indstilling"): the latest
    of any body's runs not yet quoted."""
    plural = who.endswith("ene")
    named = re.compile(r"." if plural else rf"(?i)(?<![\w-]){re.escape(who)}(?!\w)")
    headers = [
        position
        for position, e in own.items()
        if position not in taken and _COURSE_HEADER.match(e.sentence.text) and named.search(e.sentence.text[:120])
    ]
    if not headers:
        return []
    start = max(headers)
    run = [own[start]]
    position = start + 1
    while position in own and position not in taken and len(run) < MAX_ADOPTED:
        following = own[position]
        if following.sentence.section != run[0].sentence.section or _COURSE_HEADER.match(following.sentence.text):
            break
        run.append(following)
        position += 1
    return run


def _proposal(own: dict[int, Evidence], taken: set[int]) -> list[Evidence]:
    """The item's Indstilling as it opens: its first sentence and the list entries right after it."""
    proposal = sorted(
        (e for e in own.values() if e.sentence.section == PROPOSAL_SECTION), key=lambda e: e.sentence.position
    )
    if not proposal or proposal[0].sentence.position in taken:
        return []
    run = [proposal[0]]
    for evidence in proposal[1:]:
        if evidence.sentence.position != run[-1].sentence.position + 1 or not evidence.sentence.list_item:
            break
        run.append(evidence)
    return run[:MAX_ADOPTED]


def _continuations_inherit(evidence: list[Evidence], continues: Callable[[str], bool]) -> list[Evidence]:
    """A sentence that goes on from the one before it is as relevant as that sentence: the reason for it ("… har
    ikke indflydelse på deponeringen." / "Årsagen er, at …") answers "hvorfor" about what it said, the list it
    announces ("… fire sportsgrene, som alle er udendørsaktiviteter." / "Det er løbetræning, cykelmotion, …") answers
    "hvilke" (their own words seldom repeat the question's). In printed order, so that "Det skyldes, …" after it
    inherits too."""
    result = list(evidence)
    for index in range(1, len(result)):
        before, sentence = result[index - 1], result[index]
        if (
            before.hit is sentence.hit
            and before.sentence.position == sentence.sentence.position - 1
            and before.sentence.section == sentence.sentence.section
            and continues(sentence.sentence.text)
            and before.score > sentence.score
        ):
            result[index] = dataclasses.replace(sentence, score=before.score)
    return result


def _leading_lists(sentences: list[Sentence]) -> dict[int, str]:
    """The sentences that lead a printed list, each with its lead-in's text: a sentence right before a list's first
    entry, and one right before a short line ending in ":" that opens it (the lead-in is then both)."""
    leads: dict[int, str] = {}
    for first, then, after in itertools.zip_longest(sentences, sentences[1:], sentences[2:]):
        if then is None or then.section != first.section:
            continue
        if first.list_item:
            # An entry may lead a list of its own: "• … Temaerne er fortsat følgende:" / "• Fællesskaber".
            if then.list_item and first.text.rstrip().endswith(":"):
                leads[first.position] = first.text
            continue
        if then.list_item:
            leads[first.position] = first.text
        elif after is not None and _opening_line(then, after):
            leads[first.position] = f"{first.text} {then.text}"
    return leads


def _labels(sentences: list[Sentence]) -> dict[int, str]:
    """The label each sentence stands under: the line right before it in its section when that is a short line
    ending in ":" ("Medio november til medio december 2023:", "• Byrådsmødet i december:") and the sentence is no
    entry of a list it would open."""
    labels: dict[int, str] = {}
    for line, sentence in itertools.pairwise(sentences):
        if (
            sentence.section == line.section
            and not sentence.list_item
            and line.text.rstrip().endswith(":")
            and len(line.text.split()) <= MAX_LABEL_LINE_WORDS
        ):
            labels[sentence.position] = line.text
    return labels


def _labels_of(chosen: list[Evidence], own: dict[int, Evidence]) -> list[Evidence]:
    """The label lines (see ``_labels``) the chosen sentences stand under."""
    found = []
    for item in chosen:
        line = own.get(item.sentence.position - 1)
        if line is not None and _labels([line.sentence, item.sentence]):
            found.append(line)
    return found


def _opening_line(line: Sentence, first: Sentence) -> bool:
    """Whether ``line`` is a short line ending in ":" that opens the list whose first entry is ``first``."""
    return (
        not line.list_item
        and first.list_item
        and first.section == line.section
        and line.text.rstrip().endswith(":")
        and len(line.text) <= MAX_OPENING_LINE
    )


def _holds(wanted: str, sentence: Sentence, question: str) -> bool:
    """``holds`` on a sentence: an entry of a printed list holds a list."""
    return (wanted == "list" and sentence.list_item) or holds(wanted, sentence.text, question)


def _neighbour_holding(own: dict[int, Evidence], best: Evidence, wanted: str, full: float = 0.0) -> Evidence | None:
    """The sentence next to the best one (after it first, then before; a list after its lead-in) that holds what
    was asked for."""
    # A list may follow its lead-in a few sentences on ("… syv bygninger, …" and then their names).
    offsets = (1, 2, 3, -1, -2, -3) if wanted == "list" else (1, -1, 2, -2)
    for offset in offsets:
        neighbour = own.get(best.sentence.position + offset)
        if (
            neighbour is not None
            and neighbour.sentence.section == best.sentence.section
            and neighbour.fit > 0
            and neighbour.fit >= full
        ):
            return neighbour
    return None


def _with_lists(
    chosen: list[Evidence], own: dict[int, Evidence], listing: bool, whole: list[Evidence] | None = None
) -> list[Evidence]:
    """A quote that introduces something brings it: a lead-in ending in ":" its list (or its next sentence), a
    short quote its next sentence (not one of ``whole``: a meeting's "Mødested: Byrådssalen" says it all). For a
    question that asks for a list, a sentence followed by a list, or an entry of one, brings the whole list."""
    result = list(chosen)

    def add(evidence: Evidence) -> None:
        if not any(_same_text(evidence, other) for other in result):
            result.append(evidence)

    for item in chosen:
        sentence = item.sentence
        following = own.get(sentence.position + 1)
        starts_list = following is not None and following.sentence.list_item
        if listing and _leads_sublist(own, sentence.position):
            for entry in _list_at(own, sentence.position + 1):
                add(entry)
        elif listing and sentence.list_item:
            for entry in _list_at(own, _list_start(own, sentence.position)):
                add(entry)
        elif listing and _opens_list(own, sentence.position + 1):
            # "… de kommunale bygninger i fase 1." / "De berørte bygninger er:" / the list.
            add(following)
            for entry in _list_at(own, sentence.position + 2):
                add(entry)
        elif sentence.text.rstrip().endswith(":") or ((listing or _LEADS_IN.search(sentence.text)) and starts_list):
            # An entry may follow its list's earlier entries and their descriptions: the whole list is quoted.
            first = _list_start(own, sentence.position + 1) if listing and starts_list else sentence.position + 1
            entries = _list_at(own, first) if starts_list else []
            for entry in entries or ([following] if following is not None else []):
                if entry.sentence.section == sentence.section:
                    add(entry)
        elif (
            len(sentence.text) < 60
            and following is not None
            and following.sentence.section == sentence.section
            and item not in (whole or [])
        ):
            add(following)
        if listing:
            # Entries printed as headings of their own ("Tilbud 1:" … "Tilbud 3:", "Fælles om kvalitet, herunder:"),
            # each followed by its text: every sibling heading is quoted.
            for evidence in (item, following):
                if evidence is not None:
                    for entry in _sibling_headings(own, evidence.sentence.position):
                        add(entry)
    return result


# An entry printed as a heading of its own, ending in ":" ("Tilbud 1:", "Fælles om kvalitet, herunder:"): at most
# this many words; one of at most this many is a label whose entry is named by the sentence after it.
MAX_HEADING_WORDS = 8
MAX_LABEL_WORDS = 3


def _sibling_headings(own: dict[int, Evidence], position: int) -> list[Evidence]:
    """The entries of a list printed as headings, when the sentence at ``position`` is the first of them: short
    lines ending in ":", outside bulleted lists, that open with the same word and stand in one section, each
    followed by its text. A label ("Tilbud 2:") brings the sentence that names its entry. Written by hand: no
    library reads headings that minutes print in body type."""

    def heading(evidence: Evidence | None) -> bool:
        return (
            evidence is not None
            and not evidence.sentence.list_item
            and evidence.sentence.text.rstrip().endswith(":")
            and len(evidence.sentence.text.split()) <= MAX_HEADING_WORDS
        )

    first = own.get(position)
    if first is None or not heading(first):
        return []
    opening = first.sentence.text.split()[0].casefold()
    earlier = own.get(position - 1)
    if heading(earlier) and earlier is not None and earlier.sentence.text.split()[0].casefold() == opening:
        return []  # not the first of its siblings: the first one brings them all
    found = [first]
    later = position + 1
    while (evidence := own.get(later)) is not None and evidence.sentence.section == first.sentence.section:
        if heading(evidence) and evidence.sentence.text.split()[0].casefold() == opening:
            found.append(evidence)
            if len(found) == MAX_LIST_ITEMS:
                break
        later += 1
    if len(found) < 2:
        return []
    named = [own.get(h.sentence.position + 1) for h in found if len(h.sentence.text.split()) <= MAX_LABEL_WORDS]
    return found + [e for e in named if e is not None and e.sentence.section == first.sentence.section]


def _opens_list(own: dict[int, Evidence], position: int) -> bool:
    """Whether the sentence at ``position`` is a short line ending in ":" right before a list in its section."""
    line, first = own.get(position), own.get(position + 1)
    return line is not None and first is not None and _opening_line(line.sentence, first.sentence)


def _breakdowns(own: dict[int, Evidence], chosen: list[Evidence]) -> list[Evidence]:
    """The sentences that break a quoted number down ("Heraf …", "Af disse …"), right after it in its section."""
    found = []
    for item in chosen:
        following = own.get(item.sentence.position + 1)
        if (
            following is not None
            and following.sentence.section == item.sentence.section
            and _BREAKDOWN.match(following.sentence.text)
            and following.fit > 0
        ):
            found.append(following)
    return found


def _with_reasons_before(chosen: list[Evidence], own: dict[int, Evidence]) -> list[Evidence]:
    """A quote that gives its reason in what came before ("Af disse grunde …", "Derfor …") brings the sentence
    before it in its section — and, for reasons in the plural, those that add to it ("Desuden …", "Og endelig …")
    back to the first."""
    result = list(chosen)
    for item in chosen:
        if explains_before(item.sentence.text):
            # "Årsagen er, at …" gives the reason for the sentence before it: that sentence comes with it.
            before = own.get(item.sentence.position - 1)
            if (
                before is not None
                and before.sentence.section == item.sentence.section
                and not any(_same_text(before, other) for other in result)
            ):
                result.append(before)
            continue
        refers = REFERS_BACK.search(item.sentence.text)
        if not refers:
            continue
        plural = "grunde" in refers.group(0).casefold()
        for step in range(1, MAX_REASONS_BACK + 1):
            before = own.get(item.sentence.position - step)
            if before is None or before.sentence.section != item.sentence.section:
                break
            if not any(_same_text(before, other) for other in result):
                result.append(before)
            if not (plural and _ADDS.match(before.sentence.text)):
                break
    return result


def _list_start(own: dict[int, Evidence], position: int) -> int:
    """The first entry of the list an entry stands in (descriptions of up to two sentences between entries allowed)."""
    section = own[position].sentence.section
    while True:
        if _leads_sublist(own, position - 1):
            return position  # the entry before leads this list: "• … følgende:" / "• Fællesskaber"
        for step in ENTRY_STEPS:
            earlier = own.get(position - step)
            if (
                earlier is not None
                and earlier.sentence.list_item
                and earlier.sentence.section == section
                and not _leads_in_between(own, position - step, position)
                and not _leads_sublist(own, position - step)
            ):
                position -= step
                break
        else:
            return position


def _leads_sublist(own: dict[int, Evidence], position: int) -> bool:
    """Whether the entry at ``position`` leads a list of its own: it ends in ":" and an entry follows right after
    ("• … Temaerne er fortsat følgende:" / "• Fællesskaber"; not "• Kloge kvadratmeter:" and its description)."""
    entry, following = own.get(position), own.get(position + 1)
    return (
        entry is not None
        and following is not None
        and entry.sentence.list_item
        and following.sentence.list_item
        and following.sentence.section == entry.sentence.section
        and entry.sentence.text.rstrip().endswith(":")
    )


def _leads_in_between(own: dict[int, Evidence], first: int, last: int) -> bool:
    """Whether a sentence between two entries leads in a list of its own ("Temaerne er følgende:", "Hertil kommer
    indsatser besluttet med budgetforliget."): two lists."""
    return any(
        (between := own.get(position)) is not None
        and not between.sentence.list_item
        and (between.sentence.text.rstrip().endswith(":") or bool(_MORE_FOLLOW.match(between.sentence.text)))
        for position in range(first + 1, last)
    )


def _list_at(own: dict[int, Evidence], position: int) -> list[Evidence]:
    """The entries of the list that starts at ``position``, in order; a description of one or two sentences after an
    entry ("• Kloge kvadratmeter:" and its explanation) does not end the list and is quoted with it, so the list is one
    passage (one citation, one highlight)."""
    first = own.get(position)
    if first is None or not first.sentence.list_item:
        return []
    entries = [first]
    quoted = [first]  # the entries and the descriptions between them: the list as printed, one passage
    while len(entries) < MAX_LIST_ITEMS:
        for step in ENTRY_STEPS:
            later = own.get(entries[-1].sentence.position + step)
            if (
                later is not None
                and later.sentence.list_item
                and later.sentence.section == first.sentence.section
                and not _leads_in_between(own, entries[-1].sentence.position, later.sentence.position)
            ):
                for offset in range(1, step):
                    between = own.get(entries[-1].sentence.position + offset)
                    if between is not None:
                        quoted.append(between)
                entries.append(later)
                quoted.append(later)
                break
        else:
            break
    return quoted


def _section_bonus(kind: QuestionKind, sentence: Sentence, named_case: bool) -> float:
    """Decisions stand in Beslutning; what a case is about stands at the start of the item; reasons are often
    given in the decision ("… idet …")."""
    if kind.decision or (named_case and not kind.about):
        return DECISION_SECTIONS.get(sentence.section, 0.0)
    if kind.reason and sentence.section == DECISION_SECTION:
        return DECISION_SECTIONS[DECISION_SECTION] / 2
    if (kind.about or named_case) and sentence.section in SUMMARY_SECTIONS and sentence.position < 3:
        return 0.2
    return 0.0


def _fact_lines(question: str, kind: QuestionKind, evidence: list[Evidence]) -> list[Evidence]:
    """The first-ranked meeting's lines that print what a question about the meeting asks, one per fact asked, in
    the order asked ("Deltagere: …", "Afbud: …" for "Hvem deltog, og hvem havde afbud?")."""
    lines: list[Evidence] = []
    asked = meeting_facts(question) if kind.meeting else []
    # The day a meeting was held comes with the hour it began ("Mødedato: …", "Mødetidspunkt: kl. 17").
    wanted = [*asked, "time"] if "date" in asked and "time" not in asked else asked
    for fact in wanted:
        line = next(
            (e for e in evidence if e.hit_rank == 0 and not e.hit.agenda_item and _labelled(e.sentence, fact)), None
        )
        if line is not None and line not in lines:
            lines.append(line)
    return lines


def _fact_line_first(question: str, kind: QuestionKind, evidence: list[Evidence]) -> list[Evidence]:
    """For a question about the meeting, the first-ranked meeting's line that prints what is asked ("Sted: …") is
    the answer, however well the meeting's heading matches the body and date the question names."""
    lines = _fact_lines(question, kind, evidence)
    return [*lines, *(e for e in evidence if e not in lines)] if lines else evidence


def _meeting_fact_line(question: str, kind: QuestionKind, evidence: list[Evidence]) -> bool:
    """Whether the best quote is the line of the meeting's own information that prints what the question asks about
    a meeting it names by date ("Afbud: …" for "Hvem var fraværende ved udvalgets møde den 7. februar 2024?"): an
    answer read from the minutes' structure, as sure as a named case."""
    if not (kind.meeting and evidence):
        return False
    best = evidence[0]
    return (
        best.hit_rank == 0
        and not best.hit.agenda_item
        and named_time(question).matches(best.hit.meeting_date) is True
        and any(_labelled(best.sentence, fact) for fact in meeting_facts(question))
    )


def _labelled(sentence: Sentence, fact: str) -> bool:
    """Whether the sentence stands under a heading or label for ``fact``, what a question asks about the meeting
    (``meeting_fact``): "Fraværende: Anne Holm", "Afbud: Anne Holm" or "Anne Holm" under the heading "Fraværende"
    for "absent" ("Hvem var fraværende …?"); "Mødested: Byrådssalen" for "place"."""
    label = LABEL.match(sentence.text)
    # A line that says it in its first words is labelled too: "Mødet hævet kl. 10.15" for "end".
    opening = " ".join(sentence.text.split()[:OPENING_WORDS])
    labels = {meeting_fact(" ".join([sentence.section, label.group(0) if label else ""])), meeting_fact(opening)}
    if "time" in labels and tells_end(sentence.text):
        labels.add("end")  # "Mødetid: kl. 16.15-18.30"
    return bool(fact) and fact in labels


def _same_text(first: Evidence, second: Evidence) -> bool:
    return normalise(first.sentence.text) == normalise(second.sentence.text)


def make_citation(number: int, hit: Hit, snippet: str, pages: list[int], section: str = "") -> Citation:
    citation = Citation(
        n=number,
        document=hit.file_name,
        document_id=hit.document_id,
        body=hit.body,
        meeting_date=hit.meeting_date,
        agenda_item=hit.agenda_item,
        title=hit.title,
        case_number=hit.case_number,
        pages=pages,
        snippet=snippet,
        section=section,
        pdf_url=f"/api/documents/{hit.document_id}/pdf#page={pages[0] if pages else 1}",
        ocr=bool(set(pages) & set(hit.ocr_pages)),
        viewer_url=viewer_url(hit.document_id, pages[0] if pages else 1, snippet),
    )
    return citation.model_copy(update={"reference": reference(citation)})


def describe_source(citation: Citation | Hit) -> str:
    """ "Økonomiudvalget 30-08-2021, punkt 2.6 »Anlægsprojekter …«" — how a source is named in Danish."""
    date = citation.meeting_date.strftime("%d-%m-%Y") if citation.meeting_date else ""
    file_name = citation.document if isinstance(citation, Citation) else citation.file_name
    if not citation.body:
        # An attachment or report, not a meeting: name the document itself, and the heading the quote stands under.
        section = citation.section if isinstance(citation, Citation) else ""
        heading = f", afsnit »{section}«" if section and section != citation.title else ""
        return f"»{citation.title}« ({file_name}{', ' + date if date else ''}){heading}"
    meeting = f"{citation.body} {date}".strip()
    item = f", punkt {citation.agenda_item}" if citation.agenda_item else ""
    return f"{meeting}{item} »{citation.title}«"


def reference(citation: Citation) -> str:
    """The citation as plain text to paste into a case note or an e-mail — the same in the CLI, the API and the
    chat page's "Kopiér kildehenvisning": Byrådet 30-08-2021, punkt 2.6 »…« (SAG-2021-00042), s. 27: "…"."""
    case = f" ({citation.case_number})" if citation.case_number else ""
    pages = ", ".join(map(str, citation.pages))
    ocr = f" {OCR_NOTE}" if citation.ocr else ""
    return f'{describe_source(citation)}{case}, s. {pages}: "{citation.snippet}"{ocr}'


def viewer_url(document_id: str, page: int, snippet: str) -> str:
    """The chat page's viewer at the cited page with the quote highlighted: a link that can be shared."""
    return "/?" + urlencode({"doc": document_id, "page": page, "hl": snippet[:HIGHLIGHT_CHARACTERS]})


def compose(citations: list[Citation]) -> str:
    """Join the quoted sentences in Danish, grouped by source, each followed by its marker."""
    groups: list[list[Citation]] = []
    for citation in citations:
        if (
            groups
            and groups[-1][0].document_id == citation.document_id
            and groups[-1][0].agenda_item == citation.agenda_item
        ):
            groups[-1].append(citation)
        else:
            groups.append([citation])
    paragraphs = []
    for group in groups:
        quotes = " ".join(f"{c.snippet} [{c.n}]" for c in group)
        source = group[0]
        lead = "Ifølge referatet fra" if source.body else "Ifølge dokumentet"
        paragraphs.append(f"{lead} {describe_source(source)}: {quotes}")
    return "\n\n".join(paragraphs)


def abstain(hits: list[Hit], notice: str = "", confidence: float = 0.0) -> Answer:
    nearby = hits[:3]
    text = NOT_IN_MINUTES
    if nearby:
        text += " Måske relevant: " + "; ".join(describe_source(hit) for hit in nearby) + "."
    return Answer(
        answer=text,
        answered=False,
        citations=[],
        maybe_relevant=nearby,
        retrieved=hits,
        notice=notice,
        confidence=round(confidence, 4),
    )
