"""Two-column minutes: every label in a narrow margin column on the left, the text in a wide column beside it.

Regions and some large municipalities set their minutes like this: the item's number ("Sag 4") in the margin
and its title beside it in a light, coloured type, then rows such as "Journalnr. | 22011409" and one row per
section, the section's name in the margin beside its first paragraph. Printing a row moves the left margin to
the text column, so text that runs on to the next page stays in its column.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from eval.render.layouts import danish_date
from eval.render.source import SourceMeeting

if TYPE_CHECKING:
    from eval.render.pdf import _MinutesPdf

MARGIN_COLUMN = 36  # mm: the width of the label column, gutter included
ACCENT = (0, 84, 140)  # the region's blue
LABEL_GREY = 95
LABEL_ROOM = 16  # mm a row needs on its page: a label wraps over at most three lines


def margin_row(pdf: _MinutesPdf, label: str, write: Callable[[], None]) -> None:
    """``label`` in the margin column beside what ``write`` prints in the text column."""
    pdf.keep_room(LABEL_ROOM)
    base = pdf.l_margin
    top, page = pdf.get_y(), pdf.page_no()
    height = pdf.row_height(pdf.layout.body_size)
    if label:
        pdf.set_text_color(LABEL_GREY)
        pdf.use(pdf.layout.body_size - 1.5)
        pdf.multi_cell(MARGIN_COLUMN - 4, height, pdf.printable(label), align="L", new_x="LMARGIN", new_y="NEXT")
        pdf.set_text_color(0)
    label_bottom = pdf.get_y()
    pdf.set_left_margin(base + MARGIN_COLUMN)
    pdf.set_xy(base + MARGIN_COLUMN, top)
    try:
        write()
    finally:
        pdf.set_left_margin(base)
    pdf.set_x(base)
    if pdf.page_no() == page:
        pdf.set_y(max(pdf.get_y(), label_bottom))


def heading_row(pdf: _MinutesPdf, number: str, title: str) -> None:
    """ "Sag 4" in the margin, the title beside it in the light accent type."""
    base = pdf.l_margin
    size = pdf.layout.heading_size
    height = pdf.row_height(size)
    top = pdf.get_y()
    pdf.set_text_color(*ACCENT)
    pdf.use(pdf.layout.body_size + 1)
    pdf.cell(MARGIN_COLUMN, height, pdf.printable(number))
    pdf.set_xy(base + MARGIN_COLUMN, top)
    pdf.use_heading(size)
    pdf.multi_cell(0, height, pdf.printable(title), align="L", new_x="LMARGIN", new_y="NEXT")
    pdf.set_text_color(0)


def margin_note(pdf: _MinutesPdf, text: str) -> None:
    """A label alone in the margin ("Lukket punkt"), on a row of its own."""
    margin_row(pdf, text, lambda: None)


def accent_rule(pdf: _MinutesPdf) -> None:
    """The thin coloured rule that opens an item (or closes the front page)."""
    pdf.set_draw_color(*ACCENT)
    pdf.set_line_width(0.4)
    pdf.line_rule()
    pdf.set_line_width(0.2)
    pdf.set_draw_color(0)
    pdf.ln(3)


def region_front_page(pdf: _MinutesPdf, meeting: SourceMeeting, body: str) -> None:
    """The region's opening: its name, "Referat" in the light type, and the meeting as margin rows."""
    start = meeting.start
    pdf.set_text_color(*ACCENT)
    pdf.line("Greve Kommune", size=9, align="R")
    pdf.gap()
    pdf.use_heading(26)
    pdf.cell(0, pdf.row_height(26), "Referat", new_x="LMARGIN", new_y="NEXT")
    pdf.set_text_color(0)
    pdf.line(body, size=14)
    pdf.gap(2)
    when = danish_date(start.date(), weekday=True).capitalize().replace(" d. ", " den ")
    rows = [
        ("Mødedato", when),
        ("Tidspunkt", f"Kl. {start:%H.%M}"),
        ("Mødested", meeting.place),
        ("Medlemmer", "\n".join(meeting.present)),
        ("Afbud", "\n".join(meeting.absent) or "Ingen"),
    ]
    for label, value in rows:
        margin_row(pdf, label, lambda value=value: pdf.line(value))
        pdf.gap(0.4)
    pdf.gap()
