"""A council's decision protocol numbered through the year: what the ``aarsprotokol`` layout prints.

Regions and some municipalities keep one protocol per body and year and number its cases on from meeting to
meeting, so a meeting in the autumn begins at "Sag nr. 185", not at 1. Each case opens with a shaded line that
holds its number on the left and its journal number ("Journal nr.: 1-30-72-11409-22") flush right, and its title
in bold on the next line; a closed case has "Lukket sag" where the journal number would stand and only its
decision printed. The protocol ends with the hour the meeting closed, the members' signatures and, last, a
register of its cases with their pages; every page has a field for the chairman's initials in the footer.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from fpdf import FPDF

from eval.render.layouts import Layout, danish_date
from eval.render.source import SourceMeeting

if TYPE_CHECKING:
    from eval.render.pdf import PrintedItem, _MinutesPdf

CLOSED_CASE = "Lukket sag"
_SHADE = 228  # the grey of the number line
_GREY = 80
_MINUTES_PER_ITEM = 7
_NUMBER_COLUMN = 20  # mm: the register's "Sag nr." column
_PAGE_COLUMN = 14  # mm: the register's "Side" column
_SIGNATURE_WIDTH = 70  # mm: a signature line


def year_offset(meeting: SourceMeeting) -> int:
    """How many cases the body's protocol holds from earlier meetings of the year: about one meeting a month
    (none in July), each of about this meeting's size."""
    month = meeting.start.month
    earlier_meetings = month - 1 - (1 if month > 7 else 0)
    return earlier_meetings * len(meeting.items)


def number_line(pdf: _MinutesPdf, layout: Layout, item: PrintedItem) -> None:
    """The shaded line: "Sag nr. 185" on the left, "Journal nr.: …" (or "Lukket sag") flush right."""
    size = layout.body_size
    height = pdf.row_height(size) + 1
    width = pdf.w - pdf.l_margin - pdf.r_margin
    pdf.set_fill_color(_SHADE)
    pdf.use(size + 0.5, bold=True)
    pdf.cell(width, height, f" Sag nr. {item.number}", fill=True)
    pdf.set_x(pdf.l_margin)
    if item.closed and layout.closed_style == "decision_only":
        pdf.use(size, bold=True)
        right = CLOSED_CASE
    else:
        pdf.use(size - 0.5)
        right = f"{layout.case_label} {item.case_number}".strip() if item.case_number else ""
    pdf.cell(width, height, pdf.printable(f"{right} "), align="R", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(1.2)


def heading(pdf: _MinutesPdf, layout: Layout, item: PrintedItem) -> None:
    """The number line, then the title in bold on a line (or lines) of its own."""
    number_line(pdf, layout, item)
    pdf.line(item.title, size=layout.heading_size, bold=layout.heading_bold)
    pdf.ln(0.5)


def front_page(pdf: _MinutesPdf, meeting: SourceMeeting, body: str) -> None:
    """ "Beslutningsprotokol", the meeting in a sentence, who came, and the case numbers the meeting covers."""
    start = meeting.start
    first = year_offset(meeting) + 1
    last = year_offset(meeting) + len(meeting.items)
    pdf.line("Greve Kommune", size=9)
    pdf.gap()
    pdf.line("Beslutningsprotokol", size=20, bold=True)
    pdf.line(f"{body} {start.year}", size=14)
    pdf.gap()
    when = danish_date(start.date(), weekday=True).replace(" d. ", " den ")
    place = f" i {meeting.place}" if meeting.place else ""
    pdf.line(f"Mødet blev holdt {when} kl. {start:%H.%M}{place}.")
    pdf.line(f"Protokollen omfatter sag nr. {first}–{last}.")
    pdf.gap()
    if meeting.present:
        pdf.line("Til stede: " + ", ".join(meeting.present) + ".")
    pdf.line("Fraværende: " + (", ".join(meeting.absent) if meeting.absent else "Ingen") + ".")
    pdf.gap()


def closing(pdf: _MinutesPdf, meeting: SourceMeeting) -> None:
    """ "Mødet hævet kl. …" and a signature line over each member's name, two to a row."""
    end = _closing_time(meeting)
    pdf.keep_room(60)
    pdf.gap(3)
    pdf.line(f"Mødet hævet kl. {end:%H.%M}.")
    pdf.gap(2)
    pdf.line("Underskrifter", bold=True)
    pdf.gap(2)
    size = pdf.layout.body_size - 0.5
    height = pdf.row_height(size)
    names = meeting.present
    for row in range(0, len(names), 2):
        pdf.keep_room(18)
        pdf.ln(8)
        top = pdf.get_y()
        for column, name in enumerate(names[row : row + 2]):
            left = pdf.l_margin + column * (_SIGNATURE_WIDTH + 20)
            pdf.set_draw_color(_GREY)
            FPDF.line(pdf, left, top, left + _SIGNATURE_WIDTH, top)  # a rule: _MinutesPdf.line prints text
            pdf.set_xy(left, top + 0.8)
            pdf.use(size)
            pdf.cell(_SIGNATURE_WIDTH, height, pdf.printable(name))
        pdf.set_draw_color(0)
        pdf.set_xy(pdf.l_margin, top + height + 1)


def _closing_time(meeting: SourceMeeting) -> dt.datetime:
    minutes = 20 + _MINUTES_PER_ITEM * len(meeting.items)
    end = meeting.start + dt.timedelta(minutes=minutes)
    return end - dt.timedelta(minutes=end.minute % 5)


def register(pdf: _MinutesPdf, layout: Layout, items: list[PrintedItem]) -> None:
    """The register at the end: a ruled table of the protocol's cases (number, title, page)."""
    pdf.add_page()
    pdf.line(layout.contents_title, size=layout.heading_size + 1, bold=True)
    pdf.gap()
    size = layout.body_size - 0.5
    height = pdf.row_height(size)
    title_width = pdf.w - pdf.l_margin - pdf.r_margin - _NUMBER_COLUMN - _PAGE_COLUMN
    pdf.set_draw_color(150)
    pdf.set_fill_color(_SHADE)
    pdf.use(size, bold=True)
    pdf.cell(_NUMBER_COLUMN, height, "Sag nr.", border=1, fill=True)
    pdf.cell(title_width, height, "Titel", border=1, fill=True)
    pdf.cell(_PAGE_COLUMN, height, "Side", border=1, fill=True, align="R", new_x="LMARGIN", new_y="NEXT")
    for item in items:
        pdf.use(size)
        title = pdf.printable(item.title)
        lines = pdf.multi_cell(title_width, height, title, dry_run=True, output="LINES")
        pdf.keep_room(height * len(lines))
        pdf.cell(_NUMBER_COLUMN, height * len(lines), item.number, border=1)
        pdf.multi_cell(title_width, height, title, border=1, align="L", new_x="RIGHT", new_y="TOP")
        pdf.cell(_PAGE_COLUMN, height * len(lines), str(item.first_page), border=1, align="R")
        pdf.ln(height * len(lines))
    pdf.set_draw_color(0)


def header(pdf: _MinutesPdf) -> None:
    """From the second page: the body's protocol on the left, the meeting's date on the right, a rule."""
    if pdf.page_no() == 1:
        return
    pdf.set_text_color(_GREY)
    pdf.use(8)
    pdf.cell(0, 4, pdf.printable(f"{pdf.body} – beslutningsprotokol {pdf.meeting.start.year}"))
    pdf.set_x(pdf.l_margin)
    pdf.cell(0, 4, danish_date(pdf.meeting.start.date()), align="R", new_x="LMARGIN", new_y="NEXT")
    pdf.set_draw_color(_GREY)
    pdf.line_rule()
    pdf.set_draw_color(0)
    pdf.set_text_color(0)
    pdf.ln(6)


def footer(pdf: _MinutesPdf) -> None:
    """ "Formandens initialer: ______" on the left and "Side N" on the right, on every page."""
    pdf.set_y(-16)
    pdf.set_text_color(_GREY)
    pdf.use(8)
    pdf.cell(0, 4, "Formandens initialer: ____________")
    pdf.set_x(pdf.l_margin)
    pdf.cell(0, 4, f"Side {pdf.page_no()}", align="R")
    pdf.set_text_color(0)
