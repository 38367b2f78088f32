"""Domain types of the question side: filters, hits, citations and answers. Defined once."""

from __future__ import annotations

import datetime as dt

from pydantic import BaseModel, ConfigDict, Field


class Filters(BaseModel):
    """Optional, combinable restrictions on what may be retrieved."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    body: str | None = Field(default=None, description='Meeting body, e.g. "Økonomiudvalget".')
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    document: str | None = Field(default=None, description="Document id (sha256) or file name.")
    case_number: str | None = None
    kind: str | None = Field(default=None, description="Item kind, e.g. Beslutningssag.")

    def is_empty(self) -> bool:
        return not any(self.model_dump().values())


class Hit(BaseModel):
    """One retrieved agenda item: its matching chunks merged, with the best score."""

    model_config = ConfigDict(frozen=True)

    document_id: str
    file_name: str
    body: str
    meeting_date: dt.date | None
    agenda_item: str
    title: str
    kind: str
    case_number: str
    pages: list[int]
    snippet: str
    score: float
    chunk_ids: list[str]


class Citation(BaseModel):
    """Where a quoted sentence stands: document, meeting, item and the exact page(s)."""

    model_config = ConfigDict(frozen=True)

    n: int
    document: str = Field(description="The PDF's file name.")
    document_id: str
    body: str
    meeting_date: dt.date | None
    agenda_item: str
    title: str
    case_number: str
    pages: list[int]
    snippet: str
    pdf_url: str = Field(description="Link target: the stored PDF at the first cited page.")


class Answer(BaseModel):
    """A Danish answer whose every claim carries a verified citation, or an honest abstention."""

    model_config = ConfigDict(frozen=True)

    answer: str
    answered: bool
    citations: list[Citation]
    maybe_relevant: list[Hit] = Field(default_factory=list, description='"Måske relevant" when not answered.')
    notice: str = Field(default="", description="E.g. that the LLM was unreachable and extraction was used.")
    confidence: float = Field(default=0.0, description="Evidence strength the answer/abstention was judged by.")
    timings_ms: dict[str, float] = Field(default_factory=dict)
    retrieved: list[Hit] = Field(default_factory=list, description="The ranked items the answer drew on.")
