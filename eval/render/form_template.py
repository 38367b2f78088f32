"""An older municipal Word template (about 2008): what the ``skema-forkortet`` layout prints.

Each item opens with a small ruled form instead of a heading: a shaded band with "Pkt. 7" on the left and
"Åbent punkt" or "Lukket punkt" on the right, then labelled rows — "Dagsordenspunkt:" with the title in bold,
"Sagsnr.:", "Beh.:" (the bodies that treat the case, abbreviated: "SOU, ØU, BY") and "Bilag:" ("3 stk.").
The template is sparing with words everywhere: the decision is headed "Beslutning i ØU den 30.10.2024".
A closed item keeps its form; its text stays in the closed protocol.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from eval.render.layouts import Layout
from eval.render.source import SourceItem, SourceMeeting

if TYPE_CHECKING:
    from eval.render.pdf import PrintedItem, _MinutesPdf

OPEN_STATUS, CLOSED_STATUS = "Åbent punkt", "Lukket punkt"
WITHHELD = "Sagen blev behandlet for lukkede døre. Beslutningen er indført i den lukkede protokol."
_LABEL_WIDTH = 34  # mm: the form's label column
_BAND_SHADE = 215
_RULE_GREY = 110
_GREY = 80
# The bodies as the template abbreviates them, in the order they are looked for in "Sagsprocedure".
_ABBREVIATIONS = (
    ("alle fagudvalg", "Alle fagudv."),
    ("beskæftigelse", "BEU"),
    ("sundhed", "SOU"),
    ("social", "SHU"),
    ("skole", "SBU"),
    ("kultur", "KFU"),
    ("klima", "KTM"),
    ("plan", "PTU"),
    ("økonomiudvalg", "ØU"),
    ("byråd", "BY"),
)
_PROCEDURE = "Sagsprocedure"
_FIELD_WIDTH = 30  # mm: a label of the front page's fields


def abbreviation(body: str) -> str:
    """ "Økonomiudvalget" → "ØU"; a body the template has no short name for keeps its name."""
    found = _abbreviations(body)
    return found[0] if found else body


def _abbreviations(text: str) -> list[str]:
    folded = text.casefold()
    hits = []
    for word, short in _ABBREVIATIONS:
        match = re.search(rf"\b{re.escape(word)}", folded)
        if match and short not in (found for _, found in hits):
            hits.append((match.start(), short))
    return [short for _, short in sorted(hits)]


def treated_by(item: SourceItem, body: str) -> str:
    """ "SOU, ØU, BY": the bodies named in the item's "Sagsprocedure", else the body of the meeting."""
    text = " ".join(block.text for section in item.sections if section.name == _PROCEDURE for block in section.blocks)
    found = _abbreviations(text)
    return ", ".join(found) if found else abbreviation(body)


def _attachment_count(item: SourceItem) -> str:
    count = len(item.attachments)
    return f"{count} stk." if count else "Ingen"


def _rows(layout: Layout, item: PrintedItem, body: str) -> list[tuple[str, str]]:
    rows = [("Dagsordenspunkt:", item.title)]
    if item.case_number:
        rows.append((layout.case_label or "Sagsnr.:", item.case_number))
    rows.append(("Beh.:", treated_by(item.source, body)))
    rows.append(("Bilag:", _attachment_count(item.source)))
    return rows


def form_height(pdf: _MinutesPdf, layout: Layout, item: PrintedItem) -> float:
    """The room the form takes, so that it is kept on one page."""
    size = layout.body_size
    height = pdf.row_height(size)
    width = pdf.w - pdf.l_margin - pdf.r_margin - _LABEL_WIDTH
    total = height + 1.5
    for position, (_, value) in enumerate(_rows(layout, item, pdf.body)):
        pdf.use(layout.heading_size if position == 0 else size, bold=position == 0)
        lines = pdf.multi_cell(width, height, pdf.printable(value), dry_run=True, output="LINES")
        total += height * len(lines)
    return total


def heading(pdf: _MinutesPdf, layout: Layout, item: PrintedItem) -> None:
    """The shaded band ("Pkt. 7" … "Åbent punkt"), then the labelled rows, the title in bold."""
    size = layout.body_size
    height = pdf.row_height(size)
    full = pdf.w - pdf.l_margin - pdf.r_margin
    width = full - _LABEL_WIDTH
    pdf.set_draw_color(_RULE_GREY)
    pdf.set_fill_color(_BAND_SHADE)
    pdf.use(size, bold=True)
    pdf.cell(full, height + 1.5, f" Pkt. {item.number}", border=1, fill=True)
    pdf.set_x(pdf.l_margin)
    status = CLOSED_STATUS if item.closed else OPEN_STATUS
    pdf.cell(full, height + 1.5, pdf.printable(f"{status} "), align="R", new_x="LMARGIN", new_y="NEXT")
    for position, (label, value) in enumerate(_rows(layout, item, pdf.body)):
        value_size = layout.heading_size if position == 0 else size
        pdf.use(value_size, bold=position == 0)
        lines = pdf.multi_cell(width, height, pdf.printable(value), dry_run=True, output="LINES")
        top = pdf.get_y()
        pdf.use(size)  # the label at the top of its cell, as a Word table sets it
        pdf.cell(_LABEL_WIDTH, height, pdf.printable(f" {label}"))
        pdf.rect(pdf.l_margin, top, _LABEL_WIDTH, height * len(lines))
        pdf.use(value_size, bold=position == 0)
        pdf.multi_cell(width, height, pdf.printable(value), border="RB", align="L", new_x="LMARGIN", new_y="NEXT")
    pdf.set_draw_color(0)
    pdf.ln(2)


def front_page(pdf: _MinutesPdf, meeting: SourceMeeting, body: str) -> None:
    """ "GREVE KOMMUNE", "REFERAT", and the meeting as fields at a tab stop, a rule under them."""
    start = meeting.start
    pdf.line("GREVE KOMMUNE", size=9, bold=True, align="R")
    pdf.gap()
    pdf.line("REFERAT", size=16, bold=True)
    pdf.gap()
    fields = (
        ("Udvalg:", body),
        ("Mødedato:", f"{start:%d.%m.%Y}"),
        ("Mødetid:", f"Kl. {start:%H.%M}"),
        ("Mødested:", meeting.place),
        ("Medl.:", ", ".join(meeting.present)),
        ("Fraværende:", ", ".join(meeting.absent) or "Ingen"),
    )
    size = pdf.layout.body_size
    height = pdf.row_height(size)
    for label, value in fields:
        if value:
            pdf.use(size, bold=True)
            pdf.cell(_FIELD_WIDTH, height, pdf.printable(label))
            pdf.use(size)
            pdf.multi_cell(0, height, pdf.printable(value), align="L", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(2)
    pdf.set_draw_color(_GREY)
    pdf.line_rule()
    pdf.set_draw_color(0)
    pdf.ln(3)


def header(pdf: _MinutesPdf) -> None:
    """From the second page: "Referat – <body>" on the left, the date on the right, a rule under them."""
    if pdf.page_no() == 1:
        return
    pdf.set_text_color(_GREY)
    pdf.use(8)
    pdf.cell(0, 4, pdf.printable(f"Referat – {pdf.body}"))
    pdf.set_x(pdf.l_margin)
    pdf.cell(0, 4, f"{pdf.meeting.start:%d.%m.%Y}", align="R", new_x="LMARGIN", new_y="NEXT")
    pdf.set_draw_color(_GREY)
    pdf.line_rule()
    pdf.set_draw_color(0)
    pdf.set_text_color(0)
    pdf.ln(6)


def footer(pdf: _MinutesPdf) -> None:
    """ "Side N af M", centred."""
    pdf.set_y(-15)
    pdf.set_text_color(_GREY)
    pdf.use(8)
    pdf.cell(0, 4, f"Side {pdf.page_no()} af {{nb}}", align="C")
    pdf.set_text_color(0)
