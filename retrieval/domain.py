"""Domain types of the question side: filters, hits, citations and answers. Defined once."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, computed_field


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
    ocr_pages: list[int] = Field(default_factory=list, description="Those of the pages that were read with OCR.")
    snippet: str
    score: float
    chunk_ids: list[str]


# What a citation of a scanned page says, wherever it is shown (CLI, chat page).
OCR_NOTE = "(OCR — tjek mod originalen)"


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
    section: str = Field(
        default="",
        description='The section the quote stands in ("Beslutning"; in a document without an agenda, the printed '
        'heading: "5. Substitutionsbehandling").',
    )
    pdf_url: str = Field(description="Link target: the stored PDF at the first cited page.")
    ocr: bool = Field(
        default=False, description="The quote was read with OCR from a scanned page: check it against the PDF."
    )
    viewer_url: str = Field(default="", description="The chat page's viewer at the page, the quote highlighted.")
    reference: str = Field(default="", description="The citation as plain text to copy (Kopiér kildehenvisning).")


class TimelineEntry(BaseModel):
    """One meeting in an answer across meetings: when, which body, which item, and the citation of its decision."""

    model_config = ConfigDict(frozen=True)

    meeting_date: dt.date | None
    body: str
    agenda_item: str
    title: str
    case_number: str
    citation: int = Field(description="The number (n) of the citation that quotes this meeting.")
    detail: int | None = Field(
        default=None,
        description='The citation (n) of what a bare decision refers to: the Indstilling that "Godkendt" or '
        '"1. Anbefales" approves, or, for an orientation "taget til efterretning", the item\'s sentence that best '
        "answers the question.",
    )
    detail_label: str = Field(default="", description='How the detail is shown: "Indstillingen" or "Fra sagen".')


Certainty = Literal["sikkert", "usikkert", ""]
CERTAINTY_TEXT = {"sikkert": "Sikkert svar", "usikkert": "Usikkert — tjek kilden", "": ""}


class Answer(BaseModel):
    """A Danish answer whose every claim carries a verified citation, or an honest abstention."""

    model_config = ConfigDict(frozen=True)

    answer: str
    answered: bool
    citations: list[Citation]
    maybe_relevant: list[Hit] = Field(default_factory=list, description='"Måske relevant" when not answered.')
    timeline: list[TimelineEntry] = Field(
        default_factory=list, description="Oldest first, when the answer spans several meetings on one matter."
    )
    notice: str = Field(default="", description="E.g. that the LLM was unreachable and extraction was used.")
    confidence: float = Field(default=0.0, description="Evidence strength the answer/abstention was judged by.")
    signals: dict[str, float] = Field(
        default_factory=dict, exclude=True, description="What the confidence was computed from (for calibration)."
    )
    certainty: Certainty = Field(
        default="",
        description='"sikkert" or "usikkert" for an answer, from the calibrated confidence; "" when declined.',
    )

    @computed_field(description='"Sikkert svar" or "Usikkert — tjek kilden": the certainty in words for a person.')
    @property
    def certainty_text(self) -> str:
        return CERTAINTY_TEXT[self.certainty]

    timings_ms: dict[str, float] = Field(default_factory=dict)
    retrieved: list[Hit] = Field(default_factory=list, description="The ranked items the answer drew on.")
