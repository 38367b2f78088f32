"""Domain types of the ingestion side: what a minutes PDF becomes. Defined once, used everywhere."""

from __future__ import annotations

import datetime as dt

from pydantic import BaseModel, ConfigDict, Field


class Line(BaseModel):
    """One cleaned line of body text and the 1-based PDF page it stands on."""

    model_config = ConfigDict(frozen=True)

    text: str
    page: int


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
    body: str = Field(default="", description='The meeting body: "KKR Sjælland", an udvalg, ...')
    meeting_date: dt.date | None = None
    layout: str
    page_count: int
    pages: list[str] = Field(description="Cleaned text of each page (index 0 is page 1).")
    preamble: list[Line] = Field(default_factory=list, description="Body text before the first item.")
    items: list[AgendaItem]
    closed_item_count: int = Field(default=0, description="Closed items: counted, never kept.")


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
