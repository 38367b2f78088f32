"""Request and response models of the HTTP API (the domain types are reused, not redefined)."""

from __future__ import annotations

import datetime as dt

from pydantic import BaseModel, ConfigDict, Field

from retrieval.assistant import MAX_QUESTION_CHARACTERS
from retrieval.domain import Filters


class HistoryTurn(BaseModel):
    question: str = Field(max_length=MAX_QUESTION_CHARACTERS)
    answer: str = Field(default="", max_length=20_000)


class AskRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    question: str = Field(min_length=1, max_length=MAX_QUESTION_CHARACTERS, description="Spørgsmålet, på dansk.")
    filters: Filters | None = None
    history: list[HistoryTurn | str] = Field(default_factory=list, max_length=20, description="Tidligere spørgsmål.")
    top_k: int = Field(default=5, ge=1, le=50)

    def previous_questions(self) -> list[str]:
        return [turn if isinstance(turn, str) else turn.question for turn in self.history]


class DocumentFields(BaseModel):
    id: str
    file: str
    title: str
    body: str
    meeting_date: dt.date | None
    pages: int
    chunks: int
    ingested_at: dt.datetime
    pdf_url: str
    reading: str = Field(
        description="Hvordan dagsordenspunkterne blev fundet: outline (bogmærker), contents (indholdsfortegnelse), "
        "typography, patterns, eller none: ingen punkter fundet, dokumentet er indekseret som ét stykke tekst."
    )
    reading_description: str = Field(description="Det samme, på dansk.")
    warnings: list[str] = Field(default_factory=list, description="Advarsler fra indlæsningen, på dansk.")


class DocumentSummary(DocumentFields):
    items: int = Field(description="Antal dagsordenspunkter.")


class UploadResult(DocumentSummary):
    status: str = Field(description='"added", "replaced" eller "unchanged".')
    ocr_pages: int = Field(default=0, description="Scannede sider læst med OCR.")
    unread_pages: int = Field(default=0, description="Scannede sider OCR ikke kunne læse sikkert (ikke indekseret).")


class ItemView(BaseModel):
    number: str
    title: str
    kind: str
    case_number: str
    first_page: int
    last_page: int
    decision: str
    pdf_url: str


class DocumentDetail(DocumentFields):
    items: list[ItemView]


class CaseEntry(ItemView):
    document_id: str
    file: str
    body: str
    meeting_date: dt.date | None


class CaseTimeline(BaseModel):
    case_number: str
    items: list[CaseEntry]


class ErrorBody(BaseModel):
    code: str
    message: str


class ErrorResponse(BaseModel):
    error: ErrorBody


class Health(BaseModel):
    status: str


class Readiness(BaseModel):
    status: str
    index_open: bool
    model_loaded: bool
    model: str
    documents: int
    chunks: int
