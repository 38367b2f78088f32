"""A KL/KKR-style decision protocol ("Beslutningsprotokol"): the pieces the ``kl-sagstype`` layout prints.

KL and the KKRs set their minutes in a narrow column on the right of the page, with large bold titles that
often wrap, and print under each title one grey line that names the item's kind ("Beslutningssag",
"Orienteringssag"), its case number and the case handler's initials: "Beslutningssag · SAG-2023-00204 · metr".
A closed item keeps its place and is told apart only by its kind, "Lukket sag".
"""

from __future__ import annotations

import zlib
from typing import TYPE_CHECKING

from eval.render.layouts import Layout, danish_date
from eval.render.source import SourceMeeting

if TYPE_CHECKING:
    from eval.render.pdf import PrintedItem, _MinutesPdf

CLOSED_KIND = "Lukket sag"
_HANDLERS = ("jebj", "adr", "metr", "lkr", "sra", "anha", "trm", "bkn")  # initials, as KL prints them
_SEPARATOR = " · "
_GREY = 95


def item_kind(item: PrintedItem) -> str:
    """What kind of case the item is, the way KL's protocols name it; a closed item is only "Lukket sag"."""
    if item.closed:
        return CLOSED_KIND
    title = item.source.title.casefold()
    proposal = " ".join(
        block.text for section in item.source.sections if section.name == "Indstilling" for block in section.blocks
    ).casefold()
    if "drøft" in title or "drøfter" in proposal:
        return "Drøftelsessag"
    if "orientering" in title or "til efterretning" in proposal:
        return "Orienteringssag"
    return "Beslutningssag"


def kind_line(pdf: _MinutesPdf, layout: Layout, item: PrintedItem) -> None:
    """ "Beslutningssag · SAG-2023-00204 · metr" in grey under the title; only the middle part is a case number."""
    handler = _HANDLERS[zlib.crc32(f"{item.source.case_number} {item.source.title}".encode()) % len(_HANDLERS)]
    parts = [item_kind(item), item.case_number, handler]
    pdf.set_text_color(_GREY)
    pdf.line(_SEPARATOR.join(part for part in parts if part), size=layout.body_size - 0.5)
    pdf.set_text_color(0)


def front_page(pdf: _MinutesPdf, meeting: SourceMeeting, body: str) -> None:
    """ "Beslutningsprotokol", the body, and the meeting in labelled lines; the contents follow on the page."""
    start = meeting.start
    pdf.line("Beslutningsprotokol", size=22, bold=True)
    pdf.line(body, size=14)
    pdf.gap()
    rows = (
        ("Mødedato", danish_date(start.date(), weekday=True).replace(" d. ", " den ")),
        ("Tidspunkt", f"kl. {start:%H.%M}"),
        ("Mødested", meeting.place),
        ("Deltagere", ", ".join(meeting.present)),
        ("Afbud", ", ".join(meeting.absent) or "Ingen"),
    )
    for label, value in rows:
        if value:
            pdf.line(f"{label}: {value}")
    pdf.gap()


def header(pdf: _MinutesPdf) -> None:
    """ "<body> | 23-01-2023" on the left and "SIDE | N" on the right, from the second page on."""
    if pdf.page_no() == 1:
        return
    date = pdf.meeting.start.date()
    pdf.set_text_color(_GREY)
    pdf.use(7.5)
    pdf.cell(0, 4, pdf.printable(f"{pdf.body} | {date:%d-%m-%Y}"))
    pdf.set_x(pdf.l_margin)
    pdf.cell(0, 4, f"SIDE | {pdf.page_no()}", align="R", new_x="LMARGIN", new_y="NEXT")
    pdf.set_text_color(0)
    pdf.ln(8)
