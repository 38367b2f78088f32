"""A 2024 meeting-system export: what the ``prepare-tillaeg`` layout prints beyond the common parts.

The agenda comes in parts — "Åben dagsorden", a "Tillægsdagsorden" with the cases added after the agenda was
sent out, and "Lukket dagsorden" — numbered straight through, so the supplement continues the ordinary items'
numbers. The export opens with a cover page of its own and contents that list every item with its page and its
attachments under it (long enough to run over two pages), gives every heading the bare case number in a ruled
box at the right, and prints one footer line on every page but the cover.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from eval.render.layouts import Layout, danish_date
from eval.render.source import SourceItem, SourceMeeting

if TYPE_CHECKING:
    from eval.render.pdf import PrintedItem, _MinutesPdf

OPEN_PART, SUPPLEMENT_PART, CLOSED_PART = "Åben dagsorden", "Tillægsdagsorden", "Lukket dagsorden"
# Items every meeting has: they are on the agenda from the start, never added to it later.
_STANDING = ("godkendelse af dagsorden", "orientering", "huskeliste", "underskriftsark", "meddelelse", "henvendelse")
_CASE_KEY = re.compile(r"^(\d{2})-(\d+)")
_PAGE_WIDTH = 12  # mm: the page number's cell in the contents
_ATTACHMENT_INDENT = 14  # mm: an attachment's line in the contents
_BOX_PADDING = 3  # mm either side of the case number in its box
_GREY = 90


def agenda_parts(items: list[SourceItem], supplement: bool) -> tuple[list[SourceItem], dict[int, str]]:
    """The items in printed order (open, supplementary, closed) and the part each belongs to (by ``id``)."""
    open_items = [item for item in items if not item.closed]
    closed = [item for item in items if item.closed]
    late = _supplement(open_items) if supplement else []
    ordinary = [item for item in open_items if all(item is not other for other in late)]
    parts = {id(item): OPEN_PART for item in ordinary}
    parts |= {id(item): SUPPLEMENT_PART for item in late}
    parts |= {id(item): CLOSED_PART for item in closed}
    return ordinary + late + closed, parts


def _supplement(open_items: list[SourceItem]) -> list[SourceItem]:
    """The newest cases of the meeting (one, or two at a larger meeting), in their agenda order."""
    candidates = [item for item in open_items if _case_key(item) and not _standing(item)]
    count = 1 if len(open_items) < 12 else 2
    newest = sorted(candidates, key=_case_key, reverse=True)[:count]
    return [item for item in open_items if any(item is other for other in newest)]


def _case_key(item: SourceItem) -> tuple[int, int] | None:
    match = _CASE_KEY.match(item.case_number)
    return (int(match.group(1)), int(match.group(2))) if match else None


def _standing(item: SourceItem) -> bool:
    return item.title.casefold().startswith(_STANDING)


def cover_page(pdf: _MinutesPdf, meeting: SourceMeeting, body: str) -> None:
    """A page of its own: the municipality, "Referat", the body, the meeting, its members and who sent word."""
    start = meeting.start
    pdf.line("Greve Kommune", size=13, bold=True, align="R")
    pdf.ln(55)
    pdf.line("Referat", size=30, bold=True)
    pdf.line(body, size=18)
    pdf.gap(2)
    pdf.line(f"Mødedato: {danish_date(start.date(), weekday=True).replace(' d. ', ' den ')}", size=12)
    pdf.line(f"Mødetidspunkt: {start:%H:%M}", size=12)
    if meeting.place:
        pdf.line(f"Mødested: {meeting.place}", size=12)
    pdf.gap(3)
    pdf.line("Medlemmer", bold=True)
    for name in meeting.present:
        pdf.line(name)
    pdf.gap()
    pdf.line("Fraværende", bold=True)
    for name in meeting.absent or ["Ingen"]:
        pdf.line(name)
    pdf.add_page()


def contents(pdf: _MinutesPdf, layout: Layout, items: list[PrintedItem], pages: dict[int, int]) -> None:
    """ "Indholdsfortegnelse" in the agenda's parts, each item with its page and its attachments under it."""
    pdf.line(layout.contents_title, size=layout.heading_size + 3, bold=True)
    pdf.gap()
    shown_part = ""
    for item in items:
        if item.part != shown_part:
            shown_part = item.part
            pdf.keep_room(20)
            pdf.gap(0.6)
            pdf.line(item.part, size=layout.body_size + 1, bold=True)
        page = str(pages.get(id(item.source), "")) if pages else ""
        _contents_entry(pdf, layout, f"{item.number}. {item.title}", page)
        pdf.set_text_color(_GREY)
        for name in item.source.attachments:
            pdf.line(name, size=layout.body_size - 1.5, indent=_ATTACHMENT_INDENT)
        pdf.set_text_color(0)
        pdf.gap(0.3)


def _contents_entry(pdf: _MinutesPdf, layout: Layout, text: str, page: str) -> None:
    """The item's number and title (wrapped), dot leaders after its last line, its page at the right."""
    size = layout.body_size
    height = pdf.row_height(size)
    width = pdf.w - pdf.l_margin - pdf.r_margin
    pdf.use(size)
    lines = pdf.multi_cell(width - _PAGE_WIDTH - 10, height, pdf.printable(text), dry_run=True, output="LINES")
    pdf.keep_room(height * len(lines))
    for line in lines[:-1]:
        pdf.cell(0, height, line, new_x="LMARGIN", new_y="NEXT")
    last = lines[-1]
    room = width - _PAGE_WIDTH - pdf.get_string_width(last) - 2
    dots = "." * max(3, int(room / max(pdf.get_string_width("."), 0.1)))
    pdf.cell(width - _PAGE_WIDTH, height, f"{last} {dots}")
    pdf.cell(_PAGE_WIDTH, height, page, align="R", new_x="LMARGIN", new_y="NEXT")


def part_heading(pdf: _MinutesPdf, layout: Layout, part: str, first: bool) -> None:
    """ "Åben dagsorden" / "Tillægsdagsorden" / "Lukket dagsorden": a part of the agenda, not an item."""
    if not first:
        pdf.keep_room(60)
        pdf.gap(2)
    pdf.line(part, size=layout.heading_size + 3, bold=True)
    if layout.outline != "none":
        pdf.start_section(pdf.printable(part), level=0)
    pdf.gap(0.5)


def heading(pdf: _MinutesPdf, layout: Layout, text: str, case_number: str) -> None:
    """The heading on the left, wrapped short of a ruled box at the right that holds the bare case number."""
    size = layout.heading_size
    height = pdf.row_height(size)
    width = pdf.w - pdf.l_margin - pdf.r_margin
    pdf.use(layout.body_size)
    box = pdf.get_string_width(case_number) + 2 * _BOX_PADDING if case_number else 0
    top = pdf.get_y()
    pdf.use(size, layout.heading_bold)
    pdf.multi_cell(width - box - 6, height, pdf.printable(text), align="L", new_x="LMARGIN", new_y="NEXT")
    bottom = pdf.get_y()
    if case_number:
        pdf.set_xy(pdf.w - pdf.r_margin - box, top + 0.6)
        pdf.use(layout.body_size)
        pdf.set_draw_color(120)
        pdf.cell(box, height - 1.2, case_number, border=1, align="C")
        pdf.set_draw_color(0)
    pdf.set_xy(pdf.l_margin, max(bottom, top + height))
    pdf.set_draw_color(170)
    pdf.line_rule()
    pdf.set_draw_color(0)
    pdf.ln(2.5)


def footer(pdf: _MinutesPdf) -> None:
    """ "Referat | <body> | 10.10.2024" on the left and "Side N af M" on the right; none on the cover."""
    if pdf.page_no() == 1:
        return
    date = pdf.meeting.start.date()
    pdf.set_y(-15)
    pdf.set_text_color(_GREY)
    pdf.use(8)
    pdf.cell(0, 4, pdf.printable(f"Referat | {pdf.body} | {date:%d.%m.%Y}"))
    pdf.set_x(pdf.l_margin)
    pdf.cell(0, 4, f"Side {pdf.page_no()} af {{nb}}", align="R")
    pdf.set_text_color(0)
