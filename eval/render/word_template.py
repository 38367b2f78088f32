"""A small municipality's Word template: what the ``pkt-skrift`` layout prints beyond the common parts.

The body is set in a serif; the item headings ("Pkt. 12. Titel") are set in a sans-serif at the same size, in
the template's dark blue and without bold, and the style has no "keep with next", so a heading may stand alone
at the foot of a page. Under each heading a ruled table gives the case number and the responsible centre; the
front page is such a table too. The case history names the earlier meetings' item numbers ("Punkt 7, …").
"""

from __future__ import annotations

import re
import zlib
from typing import TYPE_CHECKING

from eval.render.html_text import Block
from eval.render.layouts import Layout, danish_date
from eval.render.source import SourceItem, SourceMeeting

if TYPE_CHECKING:
    from eval.render.pdf import PrintedItem, _MinutesPdf

_LABEL_WIDTH = 38  # mm: the label column of a ruled table
_RESPONSIBLE = re.compile(r"^(.{4,70}?) indstiller\b")
_HISTORY_DATE = re.compile(r"^(\d{2})[-/.](\d{2})[-/.](\d{4})\s+(.+)$")
_PERIOD = re.compile(r"\s+\d{4}(?:-\d{4})?$")  # "Økonomiudvalget 2022": the committee's period
_UNDECIDED = "beslutning ikke frigivet"


def front_page(pdf: _MinutesPdf, meeting: SourceMeeting, body: str) -> None:
    """ "Greve Kommune", "Referat", and the meeting as a ruled two-column table."""
    start = meeting.start
    pdf.line("Greve Kommune", size=9, align="R")
    pdf.gap()
    pdf.line("Referat", size=20)
    pdf.gap()
    rows = [
        ("Udvalg", body),
        ("Mødedato", danish_date(start.date(), weekday=True).capitalize().replace(" d. ", " den ")),
        ("Mødetidspunkt", f"Kl. {start:%H.%M}"),
        ("Mødested", meeting.place),
        ("Deltagere", ", ".join(meeting.present)),
        ("Afbud", ", ".join(meeting.absent) or "Ingen"),
    ]
    ruled_table(pdf, [(label, value) for label, value in rows if value])
    pdf.gap(2)


def ruled_table(pdf: _MinutesPdf, rows: list[tuple[str, str]]) -> None:
    """Rows of a label and a (wrapped) value in ruled cells; the table is kept on one page."""
    size = pdf.layout.body_size - 0.5
    height = pdf.row_height(size)
    width = pdf.w - pdf.l_margin - pdf.r_margin - _LABEL_WIDTH
    pdf.use(size)
    wrapped = [pdf.multi_cell(width, height, pdf.printable(value), dry_run=True, output="LINES") for _, value in rows]
    pdf.keep_room(sum(height * len(lines) for lines in wrapped) + 2)
    pdf.set_draw_color(140)
    pdf.set_fill_color(235)
    for (label, value), lines in zip(rows, wrapped, strict=True):
        pdf.cell(_LABEL_WIDTH, height * len(lines), pdf.printable(label), border=1, fill=True)
        pdf.multi_cell(width, height, pdf.printable(value), border=1, align="L", new_x="LMARGIN", new_y="NEXT")
    pdf.set_draw_color(0)


def fact_table(pdf: _MinutesPdf, item: PrintedItem) -> None:
    """ "Sagsnr." and the responsible centre under the heading: only the first is a case number."""
    rows = [("Sagsnr.", item.case_number)] if item.case_number else []
    rows.append(("Ansvarligt center", responsible(item.source)))
    pdf.ln(1)
    ruled_table(pdf, rows)
    pdf.gap(0.6)


def responsible(item: SourceItem) -> str:
    """Who put the case forward ("Center for Teknik & Miljø indstiller, at …"), else the administration."""
    for section in item.sections:
        if section.name == "Indstilling" and section.blocks:
            match = _RESPONSIBLE.match(section.blocks[0].text)
            if match:
                return match.group(1)
    return "Administrationen"


def heading(pdf: _MinutesPdf, layout: Layout, text: str) -> None:
    """The heading in the heading family and colour, at the heading size; wrapped over the full width."""
    pdf.set_text_color(*layout.heading_color)
    pdf.use_heading(layout.heading_size)
    pdf.multi_cell(
        0, pdf.row_height(layout.heading_size), pdf.printable(text), align="L", new_x="LMARGIN", new_y="NEXT"
    )
    pdf.set_text_color(0)


def heading_height(pdf: _MinutesPdf, layout: Layout, text: str) -> float:
    """How much room the heading takes: its lines at the heading size."""
    pdf.use_heading(layout.heading_size)
    height = pdf.row_height(layout.heading_size)
    lines = pdf.multi_cell(0, height, pdf.printable(text), dry_run=True, output="LINES")
    return height * len(lines)


def section_name(pdf: _MinutesPdf, layout: Layout, name: str) -> None:
    """A section's name in the body's italic cut, at body size."""
    size = layout.body_size
    pdf.use(size, italic=True)
    pdf.multi_cell(0, pdf.row_height(size), pdf.printable(name), align="L", new_x="LMARGIN", new_y="NEXT")


def with_punkt_references(blocks: list[Block], meeting: SourceMeeting, body: str, number: str) -> list[Block]:
    """ "08-02-2022 Økonomiudvalget 2022" → "Punkt 7, Økonomiudvalget den 08.02.2022" once the case was decided.

    The meeting being printed refers to the item's own number; a meeting whose decision is not yet released has
    no item number to give, and is named without one.
    """
    result: list[Block] = []
    for position, block in enumerate(blocks):
        match = _HISTORY_DATE.match(block.text)
        if match:
            day, month, year, rest = match.groups()
            name = _PERIOD.sub("", rest).strip()
            name = "Byrådet" if name == "Byråd" else name
            decision = blocks[position + 1].text if position + 1 < len(blocks) else ""
            date = f"{day}.{month}.{year}"
            if decision.casefold() == _UNDECIDED or not decision:
                block = Block("paragraph", f"{name} den {date}")
            else:
                same = name == body and date == f"{meeting.start:%d.%m.%Y}"
                earlier = number if same else str(zlib.crc32(f"{block.text} {decision}".encode()) % 23 + 2)
                block = Block("paragraph", f"Punkt {earlier}, {name} den {date}")
        result.append(block)
    return result
