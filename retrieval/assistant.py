"""The public question-answering surface: ``Assistant.ask`` and ``Assistant.search``."""

from __future__ import annotations

import logging
import re
import time

from ingestion.errors import ReferatError
from retrieval.answer import ExtractiveAnswerer
from retrieval.bm25 import analyse
from retrieval.bodies import answer_per_body, bodies_named
from retrieval.domain import Answer, Filters, Hit
from retrieval.index import Index
from retrieval.question import classify
from retrieval.search import Searcher, case_numbers_in
from retrieval.settings import Settings
from retrieval.timeline import TIMELINE_DEPTH, TimelineAnswerer, wants_timeline

logger = logging.getLogger(__name__)

MAX_QUESTION_CHARACTERS = 1000
_FOLLOW_UP = re.compile(r"(?i)^(og|men|hvad så med|hvad med|samt|også)\b")


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
        query = retrieval_query(question, history)
        kind = classify(query)
        across = wants_timeline(kind, query)
        hits = self.searcher.search(query, filters, top_k)
        # Other meetings of the matter may rank lower: the timeline looks deeper (a deeper fusion ranks the top a
        # little differently, so the single answer keeps its own, ordinary retrieval).
        candidates = self.searcher.search(query, filters, TIMELINE_DEPTH) if across else hits
        retrieved = time.perf_counter()
        named = case_numbers_in(query, self.index.case_numbers)
        answer = self.extractive.answer(query, hits, named)
        timeline = self.timeline.answer(query, candidates, answer, kind.across) if across else None
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

    def _answer_within(self, question: str, filters: Filters, top_k: int = 5) -> Answer:
        """The extractive answer to ``question`` from the items ``filters`` let through."""
        hits = self.searcher.search(question, filters, top_k)
        return self.extractive.answer(question, hits, case_numbers_in(question, self.index.case_numbers))
