"""Minutes merged from one document per item: what the ``punkt-dokumenter`` layout prints.

Some systems write the minutes as one document per item and merge them into a single PDF: every item begins
a page with the same block that heads the front page (the municipality, the body, "REFERAT", the meeting's date
and place), this item's case number ("Sags ID: 2024-0009396") at the block's right, then the item's heading
"12 (Åben) Titel" — the status in brackets, the title underlined — and its text set justified. Each merged
document numbers its own pages ("Side 2 af 3") and gets a bookmark of its own ("Punkt 12 - Titel").
"""

from __future__ import annotations

from itertools import pairwise
from typing import TYPE_CHECKING

from eval.render.layouts import Layout
from eval.render.source import SourceMeeting

if TYPE_CHECKING:
    from eval.render.pdf import PrintedItem, _MinutesPdf

FRONT_BOOKMARK = "Forside"
_GREY = 70
_RIGHT_COLUMN = 70  # mm: the block's right column ("REFERAT", the case number)


def status_heading(number: str, title: str, closed: bool) -> str:
    """ "12 (Åben) Titel" or "12 (Lukket) Titel"."""
    return f"{number} ({'Lukket' if closed else 'Åben'}) {title}"


def bookmark(item: PrintedItem) -> str:
    """The merged document's bookmark, named the way its file was: "Punkt 12 - Titel"."""
    return f"Punkt {item.number} - {item.title}"


def masthead(pdf: _MinutesPdf, layout: Layout, item: PrintedItem | None) -> None:
    """The meeting's block: the body and the meeting on the left; "REFERAT" and the item's case number on the
    right; a rule under it."""
    start = pdf.meeting.start
    size = layout.body_size
    height = pdf.row_height(size)
    top = pdf.get_y()
    pdf.use(size - 1.5)
    pdf.cell(0, height, "Greve Kommune", new_x="LMARGIN", new_y="NEXT")
    pdf.use(size + 2, bold=True)
    pdf.cell(0, pdf.row_height(size + 2), pdf.printable(pdf.body), new_x="LMARGIN", new_y="NEXT")
    pdf.use(size - 1)
    pdf.cell(0, height, f"Mødedato: {start:%d.%m.%Y} kl. {start:%H:%M}", new_x="LMARGIN", new_y="NEXT")
    if pdf.meeting.place:
        pdf.cell(0, height, pdf.printable(f"Mødested: {pdf.meeting.place}"), new_x="LMARGIN", new_y="NEXT")
    bottom = pdf.get_y()
    right = pdf.w - pdf.r_margin - _RIGHT_COLUMN
    pdf.set_xy(right, top)
    pdf.use(size + 3, bold=True)
    pdf.cell(_RIGHT_COLUMN, pdf.row_height(size + 3), "REFERAT", align="R", new_x="LEFT", new_y="NEXT")
    if item is not None and item.case_number:
        pdf.use(size - 1)
        text = f"{layout.case_label} {item.case_number}".strip()
        pdf.cell(_RIGHT_COLUMN, height, pdf.printable(text), align="R")
    pdf.set_xy(pdf.l_margin, bottom)
    pdf.set_draw_color(_GREY)
    pdf.line_rule()
    pdf.set_draw_color(0)
    pdf.ln(7)


def front_page(pdf: _MinutesPdf, meeting: SourceMeeting, body: str) -> None:
    """The block without a case number, then who came and who sent word; the agenda follows."""
    if pdf.layout.outline == "item_files":
        pdf.start_section(FRONT_BOOKMARK, level=0)
    masthead(pdf, pdf.layout, None)
    pdf.line("Deltagere: " + ", ".join(meeting.present))
    pdf.line("Afbud: " + (", ".join(meeting.absent) if meeting.absent else "Ingen"))
    pdf.gap()


def agenda(pdf: _MinutesPdf, layout: Layout, items: list[PrintedItem]) -> None:
    """ "Dagsorden": every item as its heading is printed, the title wrapped under itself."""
    pdf.line(layout.contents_title, size=layout.body_size + 1, bold=True)
    pdf.gap(0.4)
    size = layout.body_size
    height = pdf.row_height(size)
    for item in items:
        label = f"{item.number} ({'Lukket' if item.closed else 'Åben'})"
        pdf.use(size)
        pdf.cell(22, height, label)
        pdf.multi_cell(0, height, pdf.printable(item.title), align="L", new_x="LMARGIN", new_y="NEXT")


def page_numbers(starts: list[int], page_count: int) -> dict[int, tuple[int, int]]:
    """Each PDF page's number within its merged document and that document's length: {page: (k, n)}."""
    bounds = [*sorted({1, *starts}), page_count + 1]
    numbers: dict[int, tuple[int, int]] = {}
    for first, after in pairwise(bounds):
        for page in range(first, after):
            numbers[page] = (page - first + 1, after - first)
    return numbers


def footer(pdf: _MinutesPdf) -> None:
    """ "<body> – referat <date>" on the left, "Side k af n" of the merged document on the right."""
    date = pdf.meeting.start.date()
    pdf.set_y(-15)
    pdf.set_text_color(_GREY)
    pdf.use(8)
    pdf.cell(0, 4, pdf.printable(f"{pdf.body} – referat {date:%d.%m.%Y}"))
    pdf.set_x(pdf.l_margin)
    page, count = pdf.document_pages.get(pdf.page_no(), (pdf.page_no(), 0))
    pdf.cell(0, 4, f"Side {page} af {count}" if count else f"Side {page}", align="R")
    pdf.set_text_color(0)
