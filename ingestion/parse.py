"""PDF → Document: extract, clean, re-join, read the meeting, find the structure, segment."""

from __future__ import annotations

import logging
import re
from pathlib import Path

from ingestion.clean import dehyphenate, first_page_header, strip_running_lines
from ingestion.domain import AgendaItem, Document, Line, OutlineEntry, Reading, Section, TextLine
from ingestion.extract import PdfContent, read_file, read_pdf, sha256_bytes
from ingestion.headings import normalise
from ingestion.meeting import read_meeting
from ingestion.ocr import ProgressCallback
from ingestion.segment import Segmentation, segment
from ingestion.structure import STRATEGY_NAMES, read_structure

logger = logging.getLogger(__name__)

ATTACHMENT_KIND = "Bilag"
MEETING_INFO_TITLE = "Mødets tid, sted og deltagere"
CLOSING_SECTION = "Mødets afslutning"
# A contents line with dot leaders and a page number, wherever it stands: never part of the meeting's opening.
# A closed item's title this long (letters and digits) is looked for in the lines before the first item.
MIN_CLOSED_TITLE = 10
# A document without an agenda is titled from the first page's first lines: by type larger than its body text
# (by half a point or more), else by the first line that reads as a title.
TITLE_LINES = 40
TITLE_STEP = 0.5  # points
MAX_TITLE = 200
# A heading of such a document: bold, or type this much larger than the body text; at most this many characters a
# line, and this many lines.
HEADING_TYPE = 1.15
MAX_HEADING = 90
MAX_HEADING_LINES = 4
# A word of a title: letters, two or more, or one of Danish's one-letter words.
_WORD = re.compile(r"^(?:[^\W\d_]{2,}(?:-[^\W\d_]+)*|[iIåÅøØ])$")
_CONTENTS_LINE = re.compile(r"(\.{4,}|…{2,}|_{4,})\s*\d{1,3}$")
# Where and when the meeting was held, as a label and its value: "Mødested: Mødelokale 6", "Mødedato: 19.09.2022
# kl. 08:00" (a date alone is the document's meeting date already).
_MEETING_FACT_LINE = re.compile(
    r"(?i)^(?:møde)?(?:sted|lokale)\s*:\s*\S|^(?:møde)?(?:dato|tidspunkt|tid)\s*:.*\bkl\.?\s*\d{1,2}[.:]\d\d"
)


def parse_pdf(path: Path, progress: ProgressCallback | None = None) -> Document:
    """Parse a minutes PDF on disk."""
    return parse_pdf_bytes(read_file(path), path.name, progress)


def parse_pdf_bytes(data: bytes, file_name: str, progress: ProgressCallback | None = None) -> Document:
    """Parse a minutes PDF given as bytes; ``file_name`` is what users will see in citations. ``progress(done,
    total)`` follows the pages read with OCR, when a PDF has scanned pages."""
    document = parse_content(read_pdf(data, file_name, progress), file_name, sha256_bytes(data))
    logger.info("%s", summary_line(document))
    return document


def parse_pages(raw_pages: list[str], file_name: str, document_id: str) -> Document:
    """Parse plain page texts (no typography, no outline): for tests and text-only sources."""
    pages = [
        [TextLine(text=text, page=number) for text in page.split("\n")] for number, page in enumerate(raw_pages, 1)
    ]
    return parse_content(PdfContent(pages=pages, outline=[]), file_name, document_id)


def parse_content(content: PdfContent, file_name: str, document_id: str) -> Document:
    """The text half of parsing, separate from pypdf."""
    page_lines, furniture = strip_running_lines(content.pages)
    # A layout that repeats the meeting's place and time on every page prints them only as a running header: the
    # first page's copy is the meeting's own, and stays with its opening lines.
    header_facts = [
        line.plain() for line in first_page_header(content.pages, page_lines) if _MEETING_FACT_LINE.match(line.text)
    ]
    lines = dehyphenate([line for page in page_lines for line in page])
    first_lines = [line for line in lines if line.page == (lines[0].page if lines else 1)]
    first_page = [line.text for line in first_lines]
    meeting = read_meeting(furniture, first_page, [line.text for line in lines])
    structure = read_structure(lines, _usable(content.outline))
    body_size = body_type(lines)
    # A printed sub-heading inside an item (bold or larger: "Om projektet", "Årsager til …") is a sentence of its own
    # there too, never the first words of the paragraph under it.
    lines = mark_headings(lines, body_size)
    segmentation = segment(lines, structure.headings)
    items = segmentation.items
    title = _title(meeting.body, meeting.date, first_lines, body_size, file_name, has_items=bool(items))
    hidden = segmentation.closed_lines | structure.contents_lines_of(set(segmentation.closed_numbers))
    hidden |= _naming_closed_items(lines, segmentation.preamble, segmentation)
    if not items and segmentation.closed_item_count == 0 and lines:
        # No agenda: an attachment, a report or an unknown layout. One item, so it can still be searched and cited.
        contents = set(structure.contents)  # a report's table of contents is no answer to anything
        kept = [line for index, line in enumerate(lines) if index not in hidden and index not in contents]
        items = [
            AgendaItem(
                number="",
                title=title,
                kind=ATTACHMENT_KIND,
                role="whole_document",
                sections=headed_sections(kept, body_size),
                first_page=kept[0].page if kept else 1,
                last_page=kept[-1].page if kept else 1,
            )
        ]
        preamble: list[Line] = []
    else:
        contents = set(structure.contents)
        first_item = structure.headings[0].start if structure.headings else len(lines)

        def kept(index: int) -> bool:
            return index not in contents and index not in hidden and not _CONTENTS_LINE.search(lines[index].text)

        # The meeting's own lines are labels and values ("Mødested" in bold over "Mødelokale 1"): no headings.
        opening = [lines[index].unheaded() for index in segmentation.preamble if index < first_item and kept(index)]
        if not opening:
            header_facts = []  # no opening lines to join: the header stays furniture
        opening = [*header_facts, *opening]
        closing = [lines[index].unheaded() for index in segmentation.preamble if index >= first_item and kept(index)]
        preamble = opening + closing
        if items and len(preamble) >= 2:
            # Who attended, where and when: asked about as often as the items themselves. What follows the last
            # item (when the meeting ended, the signatures) is a section of its own: it stands pages later.
            sections = [Section(name="", lines=opening)] if opening else []
            sections += [Section(name=CLOSING_SECTION, lines=closing)] if closing else []
            items = [
                AgendaItem(
                    number="",
                    title=MEETING_INFO_TITLE,
                    role="meeting_information",
                    sections=sections,
                    first_page=preamble[0].page,
                    last_page=preamble[-1].page,
                ),
                *items,
            ]
    # The stored page text is what citations are verified against; closed items' text is never kept.
    page_texts: list[list[str]] = [[] for _ in content.pages]
    if items and items[0].role == "meeting_information":
        for line in header_facts:  # where the meeting's opening quotes them
            page_texts[line.page - 1].append(line.text)
    for index, line in enumerate(lines):
        if index not in hidden:
            page_texts[line.page - 1].append(line.text)
    pages = ["\n".join(texts) for texts in page_texts]
    return Document(
        id=document_id,
        file_name=file_name,
        title=title,
        body=meeting.body,
        meeting_date=meeting.date,
        reading=Reading(strategy=structure.strategy, warnings=[*content.warnings, *structure.warnings]),
        page_count=len(content.pages),
        pages=pages,
        preamble=preamble,
        items=items,
        closed_item_count=segmentation.closed_item_count,
        ocr_pages=list(content.ocr_pages),
        unread_pages=list(content.unread_pages),
    )


def _naming_closed_items(lines: list[TextLine], outside: list[int], segmentation: Segmentation) -> set[int]:
    """Lines outside the items that name a closed item (a contents line the contents reader did not take): a
    closed item's title is never stored."""
    titles = [normalise(title) for title in segmentation.closed_titles if len(normalise(title)) >= MIN_CLOSED_TITLE]
    return {index for index in outside if any(title in normalise(lines[index].text) for title in titles)}


def _usable(outline: list[OutlineEntry]) -> list[OutlineEntry]:
    return [entry for entry in outline if entry.title]


def _title(body: str, date, first_page: list[TextLine], body_size: float, file_name: str, has_items: bool) -> str:
    if has_items and body:
        return f"Referat, {body}" + (f", {date:%d-%m-%Y}" if date else "")
    printed = printed_document_title(first_page, body_size)
    if printed:
        return printed
    candidates = [line.text for line in first_page[:TITLE_LINES] if _reads_as_title(line.text)]
    if candidates:
        return candidates[0][:MAX_TITLE]
    return Path(file_name).stem


def body_type(lines: list[TextLine]) -> float:
    """The size most of a document's letters are set in; 0 when its lines carry no typography."""
    letters: dict[float, int] = {}
    for line in lines:
        if line.size > 0:
            letters[line.size] = letters.get(line.size, 0) + sum(character.isalpha() for character in line.text)
    return max(letters, key=letters.__getitem__) if letters else 0.0


def printed_document_title(first_page: list[TextLine], body_size: float) -> str:
    """The title a reader sees on a document's first page: the first lines set in the largest type that is larger
    than the document's body text ("Kvalitetsstandarder for behandling af / stof- og alkoholmisbrug"), lines of
    one size running on joined. A run of fewer than two words is a logo or a label ("VBK", "PROJEKTBESKRIVELSE"):
    the next size down is tried. "" when the page prints no larger type (text without typography)."""
    lines = [line for line in first_page[:TITLE_LINES] if line.size > 0 and line.text.strip()]
    larger = sorted({line.size for line in lines if body_size and line.size >= body_size + TITLE_STEP}, reverse=True)
    for size in larger:
        runs: list[list[str]] = []
        previous = -2
        for position, line in enumerate(lines):
            if line.size == size:
                if position != previous + 1:
                    runs.append([])
                runs[-1].append(line.text.strip())
                previous = position
        for run in runs:
            title = " ".join(" ".join(run).split())
            tokens = [token.strip(".,;:»«”“\"'()-") for token in title.split()]
            words = [token for token in tokens if _WORD.match(token)]
            if words and len([token for token in tokens if token]) >= 2:  # "Vestbyplan 2030", not "VBK"
                return title[:MAX_TITLE]
    return ""


def _sets_heading(line: TextLine, body_size: float) -> bool:
    """A short line in bold or in clearly larger type than the body text: a heading of a document without an
    agenda."""
    text = line.text.strip()
    larger = line.size >= body_size * HEADING_TYPE
    return bool(body_size and line.size) and (line.bold or larger) and 2 < len(text) <= MAX_HEADING


def heading_runs(lines: list[TextLine], body_size: float) -> dict[int, int]:
    """The printed headings among ``lines``: runs of consecutive lines set in one heading type, as start → end
    (exclusive). A longer run than a heading has is emphasised text, not a heading."""
    runs: list[tuple[int, int]] = []
    for index, line in enumerate(lines):
        if not _sets_heading(line, body_size):
            continue
        style = (line.size, line.bold)
        if runs and runs[-1][1] == index and (lines[index - 1].size, lines[index - 1].bold) == style:
            runs[-1] = (runs[-1][0], index + 1)
        else:
            runs.append((index, index + 1))
    return {start: end for start, end in runs if end - start <= MAX_HEADING_LINES}


def mark_headings(lines: list[TextLine], body_size: float) -> list[TextLine]:
    """``lines`` with each printed heading's lines marked as such (``Line.heading``)."""
    headings = {index for start, end in heading_runs(lines, body_size).items() for index in range(start, end)}
    return [line.model_copy(update={"heading": index in headings}) for index, line in enumerate(lines)]


def headed_sections(lines: list[TextLine], body_size: float) -> list[Section]:
    """A document without an agenda (an attachment, a policy, a notat) in sections under its printed headings
    ("2. Råd og Vejledning", "Succeskriterier"): each section is named by the heading it stands under, and the
    heading's lines stay in the text as lines of their own (a bold line may say when or where), so a sentence never
    runs from a heading into the text below it. Text before the first heading is a section without a name."""
    starts = heading_runs(lines, body_size)
    headings = {index for start, end in starts.items() for index in range(start, end)}
    sections: list[Section] = []
    name, body = "", []
    for index, line in enumerate(lines):
        if index in starts:
            if body:
                sections.append(Section(name=name, lines=body))
            name = " ".join(" ".join(other.text for other in lines[index : starts[index]]).split())
            body = []
        body.append(Line(text=line.text, page=line.page, heading=index in headings))
    if body:
        sections.append(Section(name=name, lines=body))
    return sections or [Section(name="", lines=[])]


def _reads_as_title(line: str) -> bool:
    """Five words or more, most of them real words (not the stray marks OCR reads in a logo), not a label."""
    tokens = line.split()
    words = [token for token in tokens if _WORD.match(token.strip(".,;»«\"'()"))]
    return len(tokens) >= 5 and len(words) >= 0.6 * len(tokens) and not line.endswith(":")


def summary_line(document: Document) -> str:
    """One line on how a document was read: for the ingest log and ``referat inspect``."""
    open_items = document.agenda_items
    date = f"{document.meeting_date:%d-%m-%Y}" if document.meeting_date else "ukendt dato"
    closed = f", {document.closed_item_count} lukkede" if document.closed_item_count else ""
    return (
        f"{document.file_name}: {len(open_items)} punkter{closed}, læst med "
        f"{STRATEGY_NAMES[document.reading.strategy]}; {document.body or 'ukendt organ'}, {date}"
    )
