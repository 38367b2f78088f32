"""Metrics over ranked retrieval units and answers, as defined in eval/README.md."""

from __future__ import annotations

import re
from dataclasses import dataclass

from eval.dataset import Expected, Question
from retrieval.domain import Answer, Citation


@dataclass(frozen=True)
class Unit:
    """One ranked retrieval result: a document, the agenda items it stands for and its pages."""

    document: str
    items: tuple[str, ...]
    pages: tuple[int, ...]


def _item_match(unit: Unit, expected: list[Expected]) -> bool:
    return any(unit.document == e.document and e.agenda_item in unit.items for e in expected)


def _page_match(unit: Unit, expected: list[Expected]) -> bool:
    return any(unit.document == e.document and set(unit.pages) & set(e.pages) for e in expected)


def retrieval_scores(units: list[Unit], expected: list[Expected]) -> dict[str, float]:
    item_ranks = [rank for rank, unit in enumerate(units, 1) if _item_match(unit, expected)]
    page_ranks = [rank for rank, unit in enumerate(units, 1) if _page_match(unit, expected)]
    first = item_ranks[0] if item_ranks else None
    first_page = page_ranks[0] if page_ranks else None
    return {
        "hit_at_1": float(first == 1),
        "hit_at_5": float(first is not None and first <= 5),
        "mrr": 1.0 / first if first else 0.0,
        "page_hit_at_1": float(first_page == 1),
        "page_hit_at_5": float(first_page is not None and first_page <= 5),
    }


def _squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip().casefold()


def contains_all(answer: str, required: list[str]) -> bool:
    squashed = _squash(answer)
    return all(_squash(part) in squashed for part in required)


def citation_matches(citation: Citation, expected: list[Expected]) -> bool:
    return any(
        citation.document == e.document and citation.agenda_item == e.agenda_item and set(citation.pages) & set(e.pages)
        for e in expected
    )


def expected_meetings(question: Question) -> set[str]:
    """The meetings (documents) a question's evidence stands in."""
    return {e.document for e in question.expected}


def is_cross_meeting(question: Question) -> bool:
    """A question about one matter across meetings, whose answer should cite every meeting: tagged
    ``kind: cross_meeting``, or — in a set without kinds — one whose evidence stands in two or more meetings. A
    fact that is printed in two meetings, either of which answers, is tagged with its own kind and is not one."""
    if question.kind == "cross_meeting":
        return True
    return question.kind == "untagged" and len(expected_meetings(question)) > 1


def answer_scores(question: Question, answer: Answer) -> dict[str, float | int]:
    if not question.answerable:
        return {"abstained": float(not answer.answered), "citations": len(answer.citations)}
    matching = sum(citation_matches(c, question.expected) for c in answer.citations)
    scores: dict[str, float | int] = {
        "answer_correct": float(answer.answered and contains_all(answer.answer, question.answer_must_contain)),
        "citation_hit": float(matching > 0),
        "citations": len(answer.citations),
        "citations_matching": matching,
        "declined": float(not answer.answered),
    }
    meetings = expected_meetings(question)
    if is_cross_meeting(question) and meetings:
        cited = {c.document for c in answer.citations}
        scores["meetings_recall"] = len(meetings & cited) / len(meetings)
    return scores


def percentile(values: list[float], share: float) -> float:
    if not values:
        return 0.0
    ordered = sorted(values)
    position = min(len(ordered) - 1, max(0, round(share * (len(ordered) - 1))))
    return ordered[position]


def mean(values: list[float]) -> float:
    return sum(values) / len(values) if values else 0.0
