"""The evaluation dataset format (JSON Lines), read strictly so that other sets in the format run unchanged."""

from __future__ import annotations

import json
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from ingestion.errors import ReferatError


class DatasetError(ReferatError):
    code = "invalid_dataset"


class Expected(BaseModel):
    model_config = ConfigDict(extra="allow")

    document: str
    agenda_item: str
    case_number: str | None = None
    pages: list[int] = Field(min_length=1)


class Question(BaseModel):
    """One line of a dataset; extra keys (``kind``, ``notes``, ...) are kept but ignored by the metrics."""

    model_config = ConfigDict(extra="allow")

    id: str
    question: str
    answerable: bool
    expected: list[Expected] = Field(default_factory=list)
    answer_must_contain: list[str] = Field(default_factory=list)

    @property
    def kind(self) -> str:
        extra = self.model_extra or {}
        return str(extra.get("kind") or ("unanswerable" if not self.answerable else "untagged"))


def load_dataset(path: Path) -> list[Question]:
    questions: list[Question] = []
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as error:
        raise DatasetError(f"Datasættet {path} kan ikke læses ({error.strerror}).") from error
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            questions.append(Question.model_validate(json.loads(line)))
        except (json.JSONDecodeError, ValidationError) as error:
            raise DatasetError(f"Linje {number} i {path.name} er ikke et gyldigt spørgsmål: {error}") from error
    seen: set[str] = set()
    for question in questions:
        if question.id in seen:
            raise DatasetError(f"Id'et {question.id!r} står flere gange i {path.name}; id'er skal være entydige.")
        seen.add(question.id)
        if question.answerable and not question.expected:
            raise DatasetError(f"Spørgsmål {question.id} kan besvares, men har ingen 'expected'.")
    if not questions:
        raise DatasetError(f"Datasættet {path} er tomt.")
    return questions
