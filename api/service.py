"""Maps the index's domain objects to API responses; no HTTP here."""

from __future__ import annotations

import re
import unicodedata

from api.schemas import CaseEntry, CaseTimeline, DocumentDetail, DocumentSummary, ItemView
from ingestion import STRATEGY_NAMES
from ingestion.domain import AgendaItem, Document
from ingestion.errors import ReferatError
from retrieval.index import Index
from retrieval.registry import DocumentRecord

_CASE_NUMBER = re.compile(r"^[A-Za-z0-9][A-Za-z0-9/.\-]{1,39}$")
_UNSAFE_NAME = re.compile(r"[\x00-\x1f\x7f/\\]")


class InvalidCaseNumber(ReferatError):
    code = "invalid_case_number"


class InvalidFileName(ReferatError):
    code = "invalid_file_name"


def pdf_url(document_id: str, page: int | None = None) -> str:
    return f"/api/documents/{document_id}/pdf" + (f"#page={page}" if page else "")


def summary(record: DocumentRecord) -> DocumentSummary:
    return DocumentSummary(
        id=record.id,
        file=record.file_name,
        title=record.title,
        body=record.body,
        meeting_date=record.meeting_date,
        pages=record.page_count,
        items=record.item_count,
        chunks=record.chunk_count,
        ingested_at=record.ingested_at,
        pdf_url=pdf_url(record.id),
        reading=record.reading,
        reading_description=STRATEGY_NAMES.get(record.reading, ""),  # type: ignore[call-overload]
        warnings=list(record.warnings),
    )


def _item_view(document: Document, item: AgendaItem) -> ItemView:
    return ItemView(
        number=item.number,
        title=item.title,
        kind=item.kind,
        case_number=item.case_number,
        first_page=item.first_page,
        last_page=item.last_page,
        decision=item.section_text("Beslutning"),
        pdf_url=pdf_url(document.id, item.first_page),
    )


def _agenda(document: Document) -> list[AgendaItem]:
    """The document's agenda items, without the meeting-information pseudo-item."""
    return document.agenda_items


def detail(index: Index, reference: str) -> DocumentDetail:
    record = index.resolve(reference)
    document = index.document(record.id)
    fields = summary(record).model_dump(exclude={"items"})
    return DocumentDetail(**fields, items=[_item_view(document, item) for item in _agenda(document)])


def check_case_number(case_number: str) -> str:
    value = case_number.strip()
    if not _CASE_NUMBER.match(value):
        raise InvalidCaseNumber(
            f"'{value[:60]}' er ikke et sagsnummer. Skriv det som i referatet, "
            "fx SAG-2020-05891, 2012-28504 eller 12/27845."
        )
    return value


def case_timeline(index: Index, case_number: str) -> CaseTimeline:
    """Every agenda item with this case number across all meetings, oldest first, with its decision."""
    wanted = check_case_number(case_number).casefold()
    entries = []
    for document in index.documents_with_case(wanted):
        for item in _agenda(document):
            if item.case_number.casefold() == wanted:
                view = _item_view(document, item)
                entries.append(
                    CaseEntry(
                        **view.model_dump(),
                        document_id=document.id,
                        file=document.file_name,
                        body=document.body,
                        meeting_date=document.meeting_date,
                    )
                )
    entries.sort(key=lambda e: (e.meeting_date is None, e.meeting_date, _number_key(e.number)))
    return CaseTimeline(case_number=case_number.strip(), items=entries)


def _number_key(number: str) -> tuple[int, ...]:
    return tuple(int(part) for part in number.split(".") if part.isdigit())


def clean_file_name(raw: str | None) -> str:
    """The display name of an upload, NFC-normalised (macOS sends "å" decomposed).

    A name with a path, ".." or control characters is refused rather than silently repaired: it says the
    client is confused or hostile. The stored file is always named by content hash, never by this name.
    """
    if not raw or not raw.strip():
        raise InvalidFileName("Filen har intet navn. Vælg en PDF-fil og prøv igen.")
    name = unicodedata.normalize("NFC", raw).strip()
    shown = _UNSAFE_NAME.sub("?", name)[:80]
    if _UNSAFE_NAME.search(name) or ".." in name:
        raise InvalidFileName(
            f"Filnavnet '{shown}' indeholder en sti, '..' eller kontroltegn. Omdøb filen til et almindeligt "
            "navn, fx referat_2024-03-14.pdf, og prøv igen."
        )
    if not name.lower().endswith(".pdf") or len(name) > 200:
        raise InvalidFileName(f"'{shown}' er ikke et PDF-filnavn (højst 200 tegn, slutter på .pdf). Omdøb filen.")
    return name
