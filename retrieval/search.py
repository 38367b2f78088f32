"""Hybrid retrieval: dense (Chroma) + BM25, fused by reciprocal rank with llama-index, grouped into items."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from llama_index.core.llms import MockLLM
from llama_index.core.retrievers import BaseRetriever, QueryFusionRetriever
from llama_index.core.retrievers.fusion_retriever import FUSION_MODES
from llama_index.core.schema import NodeWithScore, QueryBundle, TextNode

from ingestion.casenumbers import case_key
from retrieval.domain import Filters, Hit
from retrieval.index import Index
from retrieval.question import (
    When,
    bodies_in,
    classify,
    named_span,
    named_time,
    numbered_matters,
    numbers_otherwise,
    within_span,
)

CHUNKS_PER_ITEM = 4
# Items ranked before the named-meeting preference: this many times as many as are returned.
NAMED_MEETING_DEPTH = 3
_CASE_PATTERNS = [
    re.compile(r"(?i)\b(?:SAG|EMN)-\d{4}-\d{4,6}\b"),
    re.compile(r"\b\d{4}-\d{3,6}\b"),
    re.compile(r"\b\d{2}/\d{3,6}\b"),
    re.compile(r"\b\d{2}-\d{5,6}\b"),
]
Ranker = Callable[[str], list[tuple[str, float]]]


def case_numbers_in(question: str, known: frozenset[str] | set[str]) -> list[str]:
    """Case numbers written in a question that the index knows, matched exactly (case-insensitively)."""
    by_key = {number.casefold(): number for number in known}
    found: list[str] = []
    for pattern in _CASE_PATTERNS:
        for match in pattern.finditer(question):
            number = by_key.get(match.group(0).casefold())
            if number and number not in found:
                found.append(number)
    return found


class _RankedIds(BaseRetriever):
    """Adapts one of our rankers to llama-index: a node per chunk id, so fusion can match them exactly."""

    def __init__(self, ranker: Ranker) -> None:
        super().__init__()
        self._ranker = ranker

    def _retrieve(self, query_bundle: QueryBundle) -> list[NodeWithScore]:
        return [
            NodeWithScore(node=TextNode(id_=chunk_id, text=chunk_id), score=score)
            for chunk_id, score in self._ranker(query_bundle.query_str)
        ]


@dataclass(frozen=True)
class RankedChunks:
    fused: list[tuple[str, float]]
    dense: dict[str, float]


class Searcher:
    """Ranks agenda items for a query over one index."""

    def __init__(self, index: Index) -> None:
        self.index = index

    def rank_chunks(self, query: str, filters: Filters | None, k: int, within: set[str] | None = None) -> RankedChunks:
        """``within``: only these chunks may rank (besides what ``filters`` allow)."""
        filters = self._with_meeting_day(query, self._with_case_filter(query, filters))
        allowed = self.index.allowed_chunks(filters)
        if within is not None:
            allowed = within if allowed is None else allowed & within
        depth = max(k * CHUNKS_PER_ITEM, 20)
        dense_hits = self.index.dense(query, depth, allowed)
        fusion = QueryFusionRetriever(
            retrievers=[_RankedIds(lambda _q: dense_hits), _RankedIds(lambda q: self.index.bm25(q, depth, allowed))],
            llm=MockLLM(),  # never called: one query, no generated variants
            mode=FUSION_MODES.RECIPROCAL_RANK,
            similarity_top_k=depth,
            num_queries=1,
            use_async=False,
        )
        fused = [(hit.node.node_id, float(hit.score or 0.0)) for hit in fusion.retrieve(query)]
        return RankedChunks(fused=fused, dense=dict(dense_hits))

    def _with_case_filter(self, query: str, filters: Filters | None) -> Filters | None:
        if filters is not None and filters.case_number:
            return filters
        numbers = case_numbers_in(query, self.index.case_numbers)
        if len(numbers) != 1:
            return filters
        base = filters.model_dump() if filters else {}
        return Filters(**{**base, "case_number": numbers[0]})

    def _with_meeting_day(self, query: str, filters: Filters | None) -> Filters | None:
        """A question that names the day of an indexed meeting ("den 9. september 2024") is about that meeting:
        search only its items, as a named case number searches only its case. A day no meeting was held on, or a
        question already restricted in time, is searched as it stands."""
        if filters is not None and (filters.date_from or filters.date_to):
            return filters
        day = named_time(query).day
        if day is None or day not in self.index.meeting_dates:
            return filters
        base = filters.model_dump() if filters else {}
        return Filters(**{**base, "date_from": day, "date_to": day})

    def search(self, query: str, filters: Filters | None = None, top_k: int = 5) -> list[Hit]:
        """The best ``top_k`` agenda items; items of the meeting the question names (its date, its body) first."""
        depth = top_k * NAMED_MEETING_DEPTH
        ranked = self.rank_chunks(query, filters, depth)
        hits = prefer_named_meeting(other_numbers_last(self.group(ranked, depth), query), query)
        if classify(query).meeting:
            hits = meeting_information_first(hits, self.index.opens_meeting)
        return hits[:top_k]

    def case_items(self, query: str, hits: list[Hit], filters: Filters | None, top_k: int) -> list[Hit]:
        """Items filed under the cases of ``hits`` that ``hits`` lack, best first: the other meetings' handling of
        a case, however far down the ordinary ranking they fell (a committee's item said in other words than the
        question's, "KTMU" for "Klima-, Teknik- og Miljøudvalget")."""
        keys = {case_key(hit.case_number) for hit in hits if hit.case_number}
        have = {(hit.document_id, hit.agenda_item) for hit in hits}
        within = {
            chunk_id
            for chunk_id in self.index.chunks_of_cases(keys)
            if (chunk := self.index.chunk(chunk_id)) and (chunk.document_id, chunk.item_number) not in have
        }
        if not within:
            return []
        return self.group(self.rank_chunks(query, filters, top_k, within), top_k)

    def group(self, ranked: RankedChunks, top_k: int) -> list[Hit]:
        """Merge chunks of the same agenda item; an item ranks by its best chunk."""
        groups: dict[tuple[str, str, str], list[tuple[str, float]]] = {}
        for chunk_id, score in ranked.fused:
            chunk = self.index.chunk(chunk_id)
            if chunk is None:
                continue
            key = (chunk.document_id, chunk.item_number, chunk.item_title)
            groups.setdefault(key, []).append((chunk_id, score))
        hits = []
        for members in list(groups.values())[:top_k]:
            chunks = [self.index.chunk(chunk_id) for chunk_id, _ in members]
            best = chunks[0]
            assert best is not None
            pages = sorted({page for chunk in chunks if chunk for page in chunk.pages})
            ocr_pages = (
                sorted(set(pages) & set(self.index.document(best.document_id).ocr_pages))
                if any(chunk and chunk.ocr for chunk in chunks)
                else []
            )
            hits.append(
                Hit(
                    document_id=best.document_id,
                    file_name=best.file_name,
                    body=best.body,
                    meeting_date=best.meeting_date,
                    agenda_item=best.item_number,
                    title=best.item_title,
                    kind=best.kind,
                    case_number=best.case_number,
                    pages=pages,
                    ocr_pages=ocr_pages,
                    snippet=_shorten(best.text, 300),
                    score=members[0][1],
                    chunk_ids=[chunk_id for chunk_id, _ in members],
                )
            )
        return hits


def prefer_named_meeting(hits: list[Hit], question: str) -> list[Hit]:
    """Items from the meeting a question names come first, in their own order: "i maj 2023" or "den 22. maj 2023"
    names a time, "Økonomiudvalget" a body. A question that names neither keeps the ranking as it is. Two times
    named ("fra udvalget i november 2022 til Byrådet i marts 2023") name the meetings between them, whatever their
    bodies (a body may be named in words of its own: "teknikudvalget")."""
    span = named_span(question)
    if span:
        return sorted(hits, key=lambda hit: not within_span(hit.meeting_date, span))
    when = named_time(question)
    if when.year:
        when = When()  # a year alone is as often what the money is for ("budget 2023") as when the meeting was
    named_bodies = bodies_in(question, {hit.body for hit in hits})
    if when.empty and not named_bodies:
        return hits

    def outside(hit: Hit) -> tuple[bool, bool]:
        return (when.matches(hit.meeting_date) is False, bool(named_bodies) and hit.body not in named_bodies)

    return sorted(hits, key=outside)


def other_numbers_last(hits: list[Hit], question: str) -> list[Hit]:
    """Items whose title numbers the question's matter otherwise ("Budgetopfølgning 2" when the question asks about
    budgetopfølgning 3, "2. udkast" for "1. udkast") go after the others, in their own order: the same words with
    another number are another matter, however alike the text."""
    asked = numbered_matters(question)
    if not asked:
        return hits

    return sorted(hits, key=lambda hit: numbers_otherwise(hit.title, asked))


def meeting_information_first(hits: list[Hit], opens_meeting: Callable[[Hit], bool]) -> list[Hit]:
    """For a question about the meeting itself ("Hvem havde meldt afbud?"), the opening of the first-ranked
    meeting moves to the top: that is where the minutes say who met, when and where."""
    for position, hit in enumerate(hits):
        if opens_meeting(hit):
            first_meeting = hits[0].document_id if hits else ""
            if hit.document_id == first_meeting or position < NAMED_MEETING_DEPTH:
                return [hit, *hits[:position], *hits[position + 1 :]]
            return hits
    return hits


def _shorten(text: str, limit: int) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1].rsplit(" ", 1)[0] + " …"
