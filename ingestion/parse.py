"""PDF → Document: extract, clean, re-join, detect the layout, read the meeting, segment."""

from __future__ import annotations

import re
from pathlib import Path

from ingestion.clean import dehyphenate, strip_running_lines
from ingestion.domain import AgendaItem, Document, Line, Section
from ingestion.extract import read_file, read_pages, sha256_bytes
from ingestion.layouts import detect_layout, find_date
from ingestion.segment import segment

ATTACHMENT_KIND = "Bilag"
MEETING_INFO_TITLE = "Mødets tid, sted og deltagere"
_CONTENTS = re.compile(r"(?i)^(indholdsfortegnelse|indhold|dagsorden)$")


def _meeting_opening(preamble: list[Line]) -> list[Line]:
    """The preamble up to a table of contents (which may name closed items and is never indexed)."""
    opening: list[Line] = []
    for line in preamble:
        if _CONTENTS.match(line.text.strip()):
            break
        opening.append(line)
    return opening if len(opening) >= 2 else []


def parse_pdf(path: Path) -> Document:
    """Parse a minutes PDF on disk."""
    return parse_pdf_bytes(read_file(path), path.name)


def parse_pdf_bytes(data: bytes, file_name: str) -> Document:
    """Parse a minutes PDF given as bytes; ``file_name`` is what users will see in citations."""
    raw_pages = read_pages(data, file_name)
    return parse_pages(raw_pages, file_name, sha256_bytes(data))


def parse_pages(raw_pages: list[str], file_name: str, document_id: str) -> Document:
    """The text half of parsing, separate from pypdf so it can be tested on any text."""
    page_lines, furniture = strip_running_lines(raw_pages)
    lines = dehyphenate([Line(text=text, page=number) for number, page in enumerate(page_lines, 1) for text in page])
    layout = detect_layout("\n".join(line.text for line in lines))
    first_page = [line.text for line in lines if line.page == 1]
    meeting = layout.read_meeting(furniture, first_page)
    date = meeting.date or find_date(re.sub(r"_", " ", file_name))
    segmentation = segment(lines, layout)
    items = segmentation.items
    title = _title(meeting.body, date, first_page, file_name, has_items=bool(items))
    preamble = segmentation.preamble
    if not items and segmentation.closed_item_count == 0 and lines:
        # An attachment or report with no agenda: one item so it can still be searched and cited.
        items = [
            AgendaItem(
                number="",
                title=title,
                kind=ATTACHMENT_KIND,
                sections=[Section(name="", lines=lines)],
                first_page=lines[0].page,
                last_page=lines[-1].page,
            )
        ]
        preamble = []
    elif items:
        opening = _meeting_opening(preamble)
        if opening:
            # Who attended, where and when: asked about as often as the items themselves.
            items = [
                AgendaItem(
                    number="",
                    title=MEETING_INFO_TITLE,
                    kind="",
                    sections=[Section(name="", lines=opening)],
                    first_page=opening[0].page,
                    last_page=opening[-1].page,
                ),
                *items,
            ]
    # The stored page text is what citations are verified against; closed items' text is never kept.
    kept = [line for index, line in enumerate(lines) if index not in segmentation.closed_lines]
    pages = ["\n".join(line.text for line in kept if line.page == number) for number in range(1, len(raw_pages) + 1)]
    return Document(
        id=document_id,
        file_name=file_name,
        title=title,
        body=meeting.body,
        meeting_date=date,
        layout=layout.name,
        page_count=len(raw_pages),
        pages=pages,
        preamble=preamble,
        items=items,
        closed_item_count=segmentation.closed_item_count,
    )


def _title(body: str, date, first_page: list[str], file_name: str, has_items: bool) -> str:
    if has_items and body:
        return f"Referat, {body}" + (f", {date:%d-%m-%Y}" if date else "")
    candidates = [line for line in first_page[:40] if len(line.split()) >= 5 and not line.endswith(":")]
    if candidates:
        return candidates[0][:200]
    return Path(file_name).stem
