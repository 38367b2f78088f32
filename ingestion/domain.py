"""Domain types of the ingestion side: what a minutes PDF becomes. Defined once, used everywhere."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field


class Line(BaseModel):
    """One cleaned line of body text and the 1-based PDF page it stands on."""

    model_config = ConfigDict(frozen=True)

    text: str
    page: int
    heading: bool = Field(
        default=False,
        description="Set as a heading (bold or larger than the body text, short): its own sentence, never run on "
        "into the text under it.",
    )

    def unheaded(self) -> Line:
        """The line as plain text, never a heading of its own: a meeting's label or its value, or a heading that
        reads as the label of the text after it ("Beslutning i Byrådet den 02.10.2023")."""
        return Line(text=self.text, page=self.page)


class TextLine(Line):
    """A line as read from the PDF, with its typography: what tells a heading from body text."""

    size: float = Field(default=0.0, description="Font size as printed, in points; 0 when unknown.")
    bold: bool = False
    font: str = Field(default="", description='Font family, lower case, without style: "arial", "calibrilight".')

    def plain(self) -> Line:
        return Line(text=self.text, page=self.page, heading=self.heading)


class OutlineEntry(BaseModel):
    """One bookmark of the PDF's outline, in reading order."""

    model_config = ConfigDict(frozen=True)

    title: str
    page: int = Field(description="1-based page the bookmark points to; 0 when it points nowhere.")
    level: int
    parent: int | None = Field(default=None, description="Index of the enclosing bookmark in the flat list.")


ItemRole = Literal["agenda_item", "meeting_information", "whole_document"]
Strategy = Literal["outline", "contents", "typography", "patterns", "none"]


class Reading(BaseModel):
    """How the structure of a document was read, so a person can see it and judge it."""

    model_config = ConfigDict(frozen=True)

    strategy: Strategy = Field(
        description="outline: the PDF's bookmarks; contents: its table of contents; typography: numbered headings "
        "set larger or bolder; patterns: numbered headings confirmed by a case number or section label; none: "
        "no agenda items found."
    )
    warnings: list[str] = Field(default_factory=list, description="Danish, for the person ingesting.")


class Section(BaseModel):
    """A named part of an agenda item (Baggrund, Indstilling, Beslutning, ...)."""

    model_config = ConfigDict(frozen=True)

    name: str
    lines: list[Line]

    @property
    def text(self) -> str:
        return "\n".join(line.text for line in self.lines)

    @property
    def pages(self) -> list[int]:
        return sorted({line.page for line in self.lines})


class AgendaItem(BaseModel):
    """One agenda item ("punkt") of a meeting, as printed."""

    model_config = ConfigDict(frozen=True)

    number: str = Field(description='As printed, without the trailing dot: "2.6", "5", "715".')
    title: str
    kind: str = Field(default="", description="Beslutningssag, Orienteringssag, ... when stated.")
    case_number: str = ""
    sections: list[Section]
    first_page: int
    last_page: int
    group: str = Field(default="", description='The heading the item stands under ("2. Regionalpolitiske sager").')
    role: ItemRole = Field(
        default="agenda_item",
        description="agenda_item; meeting_information (the opening: who met, when, where); whole_document (a "
        "document with no agenda items, searchable as one piece).",
    )

    @property
    def text(self) -> str:
        return "\n".join(section.text for section in self.sections)

    def section_text(self, name: str) -> str:
        return "\n".join(s.text for s in self.sections if s.name == name)


class Document(BaseModel):
    """A minutes PDF, parsed: meeting metadata, cleaned page texts and its open agenda items."""

    model_config = ConfigDict(frozen=True)

    id: str = Field(description="sha256 of the file's bytes.")
    file_name: str
    title: str
    body: str = Field(default="", description='The meeting body: "Økonomiudvalget", "Regionsrådet", ...')
    meeting_date: dt.date | None = None
    reading: Reading = Field(default_factory=lambda: Reading(strategy="none"))
    page_count: int
    pages: list[str] = Field(description="Cleaned text of each page (index 0 is page 1).")
    preamble: list[Line] = Field(default_factory=list, description="Body text before the first item.")
    items: list[AgendaItem]
    closed_item_count: int = Field(default=0, description="Closed items: counted, never kept.")
    ocr_pages: list[int] = Field(
        default_factory=list, description="1-based pages read with OCR (scans): their text is what tesseract read."
    )
    unread_pages: list[int] = Field(
        default_factory=list, description="Scanned pages kept out of the index: OCR could not read them reliably."
    )

    def is_ocr(self, pages: list[int]) -> bool:
        """Whether any of these pages was read with OCR."""
        return bool(set(pages) & set(self.ocr_pages))

    @property
    def agenda_items(self) -> list[AgendaItem]:
        """The agenda items proper: not the meeting's opening, not a whole document read as one piece."""
        return [item for item in self.items if item.role == "agenda_item"]


class Chunk(BaseModel):
    """The unit that is embedded and indexed, with every piece of metadata a citation needs."""

    model_config = ConfigDict(frozen=True)

    id: str
    text: str
    document_id: str
    file_name: str
    body: str
    meeting_date: dt.date | None
    item_number: str
    item_title: str
    kind: str
    case_number: str
    section: str
    pages: list[int]
    position: int = Field(description="Order of the chunk within its agenda item.")
    ocr: bool = Field(default=False, description="Read with OCR from a scanned page: check against the original.")

    @property
    def meeting_date_int(self) -> int:
        """The meeting date as YYYYMMDD, for range filters; 0 when unknown."""
        date = self.meeting_date
        return date.year * 10000 + date.month * 100 + date.day if date else 0

    def context_header(self) -> str:
        """What an embedder and BM25 should know about where the text stands."""
        where = f"punkt {self.item_number} " if self.item_number else ""
        kind = f"{self.kind}: " if self.kind else ""
        section = f" – {self.section}" if self.section else ""
        return f"{self.body} {where}{kind}{self.item_title}{section}".strip()
