"""Questions that ask the same of two or more bodies: "Hvilket merforbrug viste budgetopfølgningen i henholdsvis
Skoleudvalget og Socialudvalget?" is two questions, one to each body's minutes. Each part is searched and answered
within its own body (the other body's name left out, so it counts as no missing key term) and the answers are
joined, each quote under its own source.

Written by hand: the bodies are the index's own (no list of names), matched where the question writes them side by
side ("X og Y", "X og i Y", "henholdsvis X og Y").
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from retrieval.answer import compose
from retrieval.domain import Answer, Filters
from retrieval.question import body_spans

# What stands between two bodies the question names together: "og", "og i", "samt", a comma — not a bare space
# ("Hvad anbefalede Socialudvalget Økonomiudvalget?" names one body asking another).
_JOINED = re.compile(r"(?i)^(?:\s*,\s*|\s+(?:og|samt)\s+)(?:(?:i|for|fra|hos|på)\s+)?$")
_BOTH = re.compile(r"(?i)\b(henholdsvis|både)\s+$")


@dataclass(frozen=True)
class NamedBody:
    name: str
    start: int
    end: int


def bodies_named(question: str, bodies: Iterable[str]) -> list[NamedBody]:
    """The known bodies the question names side by side, in the order written; [] when fewer than two are."""
    spans = body_spans(question, bodies)
    found = sorted((NamedBody(body, start, end) for body, (start, end) in spans.items()), key=lambda b: b.start)
    if len(found) < 2:
        return []
    for before, after in itertools.pairwise(found):
        if not _JOINED.match(question[before.end : after.start]):
            return []
    return found


def names_bodies_apart(question: str, bodies: Iterable[str]) -> bool:
    """Whether the question names two or more bodies, not side by side: "Hvad valgte KTMU, og hvordan endte sagen
    i Byrådet?" follows a matter from one body's meeting to another's."""
    return len(body_spans(question, bodies)) >= 2 and not bodies_named(question, bodies)


def question_for(question: str, named: list[NamedBody], body: NamedBody) -> str:
    """The question put to one of the bodies: the names written side by side replaced by that body's own."""
    head = _BOTH.sub("", question[: named[0].start])
    return f"{head}{question[body.start : body.end]}{question[named[-1].end :]}"


def answer_per_body(
    question: str,
    named: list[NamedBody],
    filters: Filters | None,
    answer: Callable[[str, Filters], Answer],
) -> Answer | None:
    """One answer with each named body's own quotes, in the order the question names them; None unless two or
    more of the bodies' minutes answer their part (then the ordinary answer stands)."""
    base = filters.model_dump() if filters else {}
    parts = [answer(question_for(question, named, body), Filters(**{**base, "body": body.name})) for body in named]
    answered = [part for part in parts if part.answered]
    if len(answered) < 2:
        return None
    citations = []
    for part in answered:
        for citation in part.citations:
            citations.append(citation.model_copy(update={"n": len(citations) + 1}))
    weakest = min(answered, key=lambda part: part.confidence)
    return weakest.model_copy(
        update={
            "answer": compose(citations),
            "citations": citations,
            "retrieved": [hit for part in answered for hit in part.retrieved],
        }
    )
