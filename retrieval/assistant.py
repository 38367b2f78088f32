"""The public question-answering surface: ``Assistant.ask`` and ``Assistant.search``."""

from __future__ import annotations

import logging
import re
import time

from ingestion.errors import ReferatError
from ingestion.sections import ATTENDANCE_LABELS
from retrieval.answer import ExtractiveAnswerer
from retrieval.bm25 import analyse
from retrieval.bodies import answer_per_body, bodies_named, names_bodies_apart
from retrieval.domain import Answer, Filters, Hit
from retrieval.index import Index
from retrieval.question import classify, meeting_facts, named_time, says_absence, spelled_out
from retrieval.search import Searcher, case_numbers_in
from retrieval.settings import Settings
from retrieval.timeline import TIMELINE_DEPTH, TimelineAnswerer, subject_terms, wants_timeline

logger = logging.getLogger(__name__)

MAX_QUESTION_CHARACTERS = 1000
# Who was absent, asked of a meeting whose items say it: its items are searched for the attendance labels.
ABSENCE_QUERY = " ".join(sorted(ATTENDANCE_LABELS))
ITEMS_PER_MEETING = 80
_FOLLOW_UP = re.compile(r"(?i)^(og|men|hvad så med|hvad med|samt|også)\b")


# "Afbud: Ingen" (or "Fraværende" over "Ingen") in the meeting's opening names no one (those who left during the
# meeting stand under its items).
_NO_ONE = re.compile(r"(?i)\b(?:afbud|fraværende|ikke til stede)\s*:?\s*(?:ingen|intet|ingen afbud|-|–)\s*\.?\s*$")
# "Hvem var ikke til stede under punkt 3?" asks one item, not the meeting.
_NAMES_ITEM = re.compile(r"(?i)\b(?:punkt|pkt\.?|dagsordenspunkt)\s*\d")
# The words of a question about who attended, not about what was on the agenda.
_ATTENDANCE_WORDS = frozenset(
    analyse(
        "ikke til stede fraværende fravær afbud meldt deltog deltagere medlem medlemmer byrådsmedlem byrådsmedlemmer"
    )
)


# "Fraværende" with nothing after it: the opening prints the label, the names stand elsewhere (under an item).
_LABEL_ALONE = re.compile(r"(?i)^\W*(?:afbud|fraværende|ikke til stede)\W*$")


def _names_the_absent(snippet: str) -> bool:
    return says_absence(snippet) and not _NO_ONE.search(snippet) and not _LABEL_ALONE.match(snippet)


class InvalidQuestion(ReferatError):
    code = "invalid_question"


def check_question(question: str) -> str:
    text = " ".join(question.split())
    if not text:
        raise InvalidQuestion("Spørgsmålet er tomt. Skriv et spørgsmål om referaterne.")
    if len(text) > MAX_QUESTION_CHARACTERS:
        raise InvalidQuestion(
            f"Spørgsmålet er for langt ({len(text)} tegn; højst {MAX_QUESTION_CHARACTERS}). Gør det kortere."
        )
    return text


def retrieval_query(question: str, history: list[str] | None) -> str:
    """A follow-up such as "Og hvem betaler?" is searched together with the previous question's subject."""
    if not history:
        return question
    elliptic = bool(_FOLLOW_UP.match(question)) or len(analyse(question)) <= 2
    return f"{history[-1]} {question}" if elliptic else question


class Assistant:
    """Answers Danish questions over one index; the same object serves the CLI, the API and the eval."""

    def __init__(self, settings: Settings, index: Index | None = None) -> None:
        self.settings = settings
        self.index = index or Index.open(settings)
        self.searcher = Searcher(self.index)
        self.extractive = ExtractiveAnswerer(self.index)
        self.timeline = TimelineAnswerer(self.extractive)
        self.llm = None
        if settings.llm_url or settings.llm_gguf:
            from retrieval.llm import LlmAnswerer

            self.llm = LlmAnswerer(settings)

    def search(self, query: str, filters: Filters | None = None, top_k: int = 5) -> list[Hit]:
        return self.searcher.search(check_question(query), filters, top_k)

    def ask(
        self,
        question: str,
        filters: Filters | None = None,
        top_k: int = 5,
        history: list[str] | None = None,
    ) -> Answer:
        started = time.perf_counter()
        question = check_question(question)
        query = spelled_out(retrieval_query(question, history), self.index.bodies)
        kind = classify(query)
        # Two bodies named apart (not "… i henholdsvis A og B", where each answers its part) ask across meetings.
        explicit = kind.across or names_bodies_apart(query, self.index.bodies)
        across = explicit or wants_timeline(kind, query)
        hits = self.searcher.search(query, filters, top_k)
        # Other meetings of the matter may rank lower: the timeline looks deeper (a deeper fusion ranks the top a
        # little differently, so the single answer keeps its own, ordinary retrieval).
        candidates = self.searcher.search(query, filters, TIMELINE_DEPTH) if across else hits
        retrieved = time.perf_counter()
        named = case_numbers_in(query, self.index.case_numbers)
        answer = self.extractive.answer(query, hits, named)
        if kind.meeting and not any(
            not citation.agenda_item and _names_the_absent(citation.snippet) for citation in answer.citations
        ):
            answer = self._absences_per_item(query, hits, filters, answer) or answer
        timeline = (
            self.timeline.answer(
                query,
                candidates,
                answer,
                explicit,
                lambda text, titled: self.searcher.case_items(text, titled, filters, TIMELINE_DEPTH),
            )
            if across
            else None
        )
        # "… i henholdsvis Skoleudvalget og Socialudvalget?" asks each body: each answers from its own minutes.
        bodies = [] if timeline is not None or (filters and filters.body) else bodies_named(query, self.index.bodies)
        per_body = answer_per_body(query, bodies, filters, self._answer_within) if bodies else None
        if timeline is not None:
            answer = timeline
        elif per_body is not None:
            answer = per_body
        elif self.llm is not None and answer.answered:
            answer = self.llm.answer(question, hits, answer, self.extractive)
        finished = time.perf_counter()
        timings = {
            "retrieval": round((retrieved - started) * 1000, 1),
            "answer": round((finished - retrieved) * 1000, 1),
            "total": round((finished - started) * 1000, 1),
        }
        return answer.model_copy(update={"timings_ms": timings})

    def _absences_per_item(
        self, question: str, hits: list[Hit], filters: Filters | None, answer: Answer
    ) -> Answer | None:
        """Who was absent from the meeting, where its opening does not say ("Afbud: Ingen", or no such line) but
        its items do ("Ikke til stede: …" under each decision): the attendance lines of the meeting's items, after
        what the opening says. Not when the question names an item's matter ("… da udvalget behandlede
        driftstilskuddet?"): it asks who was absent then."""
        if "absent" not in meeting_facts(question) or not hits or _NAMES_ITEM.search(question):
            return None
        terms = {
            term
            for term in subject_terms(question, self.index.idf, {hit.body for hit in hits})
            if term not in _ATTENDANCE_WORDS and "mød" not in term  # "byrådsmødet", "udvalgsmødet"
        }
        if any(set(analyse(hit.title)) & terms for hit in hits if hit.agenda_item):
            return None  # the question names an item's matter: who was absent then is that item's to say
        meeting = hits[0]
        if named_time(question).matches(meeting.meeting_date) is False:
            return None
        within = Filters(**{**(filters.model_dump() if filters else {}), "document": meeting.document_id})
        items = self.searcher.search(ABSENCE_QUERY, within, ITEMS_PER_MEETING)
        # What the opening says of the other facts asked ("Hvor blev mødet holdt, og var der nogen fraværende?")
        # stays; of absence alone, its own line ("Afbud: Ingen").
        others = set(meeting_facts(question)) - {"absent"}
        opening = [c for c in answer.citations if not c.agenda_item and (others or says_absence(c.snippet))]
        found = self.extractive.absences(question, [hit for hit in items if hit.agenda_item], opening)
        return found.model_copy(update={"retrieved": hits}) if found else None

    def _answer_within(self, question: str, filters: Filters, top_k: int = 5) -> Answer:
        """The extractive answer to ``question`` from the items ``filters`` let through."""
        hits = self.searcher.search(question, filters, top_k)
        return self.extractive.answer(question, hits, case_numbers_in(question, self.index.case_numbers))
