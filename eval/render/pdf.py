"""Print a meeting as a minutes PDF in a given ``Layout``, and say exactly what was printed where.

The label that comes back (items with printed number, title, case number and the page each heading stands on)
is the ground truth of the segmentation evaluation: it is what the renderer did, not what a reader guessed.
fpdf2 writes the PDF; pages with a table of contents are rendered twice so the contents can name the pages the
second pass puts the items on (the contents take the same room in both passes).
"""

from __future__ import annotations

import datetime as dt
import re
import zlib
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

from fpdf import FPDF

from eval.render import form_template, item_documents, kl, margin, prepare, protocol, word_template
from eval.render.html_text import Block
from eval.render.layouts import Layout, danish_date, format_case_number
from eval.render.source import DECISION, HISTORY, SourceItem, SourceMeeting, SourceSection

FONT_FOLDER = Path("/usr/share/fonts/truetype/dejavu")
_TTF_FONTS = {
    "dejavu-sans": ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf"),
    "dejavu-serif": ("DejaVuSerif.ttf", "DejaVuSerif-Bold.ttf"),
    "dejavu-sans-condensed": ("DejaVuSansCondensed.ttf", "DejaVuSansCondensed-Bold.ttf"),
    "dejavu-serif-condensed": ("DejaVuSerifCondensed.ttf", "DejaVuSerifCondensed-Bold.ttf"),
}
# Core PDF fonts (Helvetica, Times) know only Latin-1: typographic marks are printed as their plain forms.
_LATIN1 = str.maketrans({"–": "-", "—": "-", "“": '"', "”": '"', "„": '"', "‘": "'", "’": "'", "…": "...", "•": "-"})
_CLOSED_PREFIX = "lukket:"
_GROUP_TITLES = ("Godkendelse", "Sager til beslutning", "Sager til orientering", "Lukkede sager")
_OPEN_PART, _CLOSED_PART = "Åbne punkter", "Lukkede punkter"
_ROMAN_PARTS = (("I", "Åbne sager"), ("II", "Lukkede sager"))
_CLOSED_CASE_TEXT = "Sagen er behandlet for lukkede døre. Referatet af sagen er ikke offentligt."
_LIGHT_FONTS = {"dejavu-sans": "DejaVuSans-ExtraLight.ttf"}  # the cut of heading_light
_ITALIC_FONTS = {  # the cut of section_style "italic"
    "dejavu-sans": "DejaVuSans-Oblique.ttf",
    "dejavu-serif": "DejaVuSerif-Italic.ttf",
    "dejavu-sans-condensed": "DejaVuSansCondensed-Oblique.ttf",
    "dejavu-serif-condensed": "DejaVuSerifCondensed-Italic.ttf",
}
_TAB_STOP = 138  # mm from the left margin: where a Word heading's tab puts the case number
_ANONYMOUS_TITLE = "Lukket punkt"
_WITHHELD_TEXT = "Punktet blev behandlet for lukkede døre."
_CASE_OFFICERS = ("METH", "JEBJ", "LIKR", "SØRA", "ANHA", "TRMO", "BIKN", "HEJE")  # initials, as SBSYS prints them
_HANGING_NUMBER_WIDTH = 12  # mm: the number column of a "hanging" heading
_ATTACHMENT_PREFIX = re.compile(r"^bilag\s*\d+\s*[.:\-–]?\s*", re.IGNORECASE)
_HISTORY_DATE = re.compile(r"^(\d{2})[-/.](\d{2})[-/.](\d{4})\s+(.+)$")
# The evaluation looks for this many letters of a closed item's probe in what referat stores.
PROBE_LETTERS = 60
LINE_HEIGHT = 1.45  # × font size in points → mm, below


class FontMissing(RuntimeError):
    pass


@dataclass
class PrintedItem:
    number: str
    title: str  # as printed, without the number
    case_number: str  # as printed, without a label
    closed: bool
    source: SourceItem
    group: tuple[str, str] | None = None  # (number, title) of the group heading printed before it, if any
    first_page: int = 0
    part: str = ""  # the unnumbered part of the agenda it is printed in ("Tillægsdagsorden"), if any


@dataclass
class Rendering:
    pdf: bytes
    items: list[PrintedItem]
    groups: list[dict]
    body: str
    meeting_date: dt.date
    has_contents: bool
    page_count: int

    def label(self, file_name: str, layout: Layout, source: str) -> dict:
        return {
            "file": file_name,
            "document_kind": "minutes",
            "body": self.body,
            "meeting_date": self.meeting_date.isoformat(),
            "items": [
                {
                    "number": item.number,
                    "title": item.title,
                    "case_number": item.case_number,
                    "first_page": item.first_page,
                    "closed": item.closed,
                    **({"probe": _probe(item, self.items)} if item.closed and _probe(item, self.items) else {}),
                }
                for item in self.items
            ],
            "groups": self.groups,
            "has_table_of_contents": self.has_contents,
            "layout": layout.name,
            "notes": f"Gengivet af eval.render fra {source} i layoutet {layout.name}.",
        }


def _probe(item: PrintedItem, items: list[PrintedItem]) -> str:
    """A sentence only this closed item has: it must not be found anywhere in what referat stores."""
    elsewhere = _letters(" ".join(_texts(other) for other in items if other is not item))
    paragraphs = [
        text for text in _texts(item).split("\n") if len(text) >= 30 and _letters(text)[:PROBE_LETTERS] not in elsewhere
    ]
    return max(paragraphs, key=len)[:80] if paragraphs else ""


def _letters(text: str) -> str:
    """Letters and digits only, casefolded: how the evaluation compares a probe with stored text."""
    return re.sub(r"[\W_]+", "", text.casefold())


def _texts(item: PrintedItem) -> str:
    return "\n".join(block.text for section in item.source.sections for block in section.blocks)


def _plan(meeting: SourceMeeting, layout: Layout) -> list[PrintedItem]:
    """Which items are printed in which order, with which numbers, titles and case numbers."""
    items = list(meeting.items)
    parts: dict[int, str] = {}
    if layout.closed_style in ("closed_part", "appendix", "roman_parts"):
        items = [item for item in items if not item.closed] + [item for item in items if item.closed]
    if layout.closed_style == "closed_agenda":
        items, parts = prepare.agenda_parts(items, layout.supplement)
    open_items = [item for item in items if not item.closed]
    offset = protocol.year_offset(meeting) if layout.year_numbering else 0
    if layout.numbering == "dotted_groups":
        items.sort(key=lambda item: _group_of(item, open_items))
    planned: list[PrintedItem] = []
    for position, item in enumerate(items, 1):
        title = _printed_title(item, layout)
        number = str(position) if layout.closed_style in ("closed_part", "closed_agenda") else item.number
        if layout.year_numbering:
            number = str(offset + position)
        group = None
        if layout.numbering == "dotted_groups":
            group_index = _group_of(item, open_items)
            members = [other for other in items if _group_of(other, open_items) == group_index]
            number = f"{group_index + 1}.{members.index(item) + 1}"
            group = (str(group_index + 1), _GROUP_TITLES[group_index])
        elif layout.closed_style == "roman_parts":
            group = _ROMAN_PARTS[1] if item.closed else _ROMAN_PARTS[0]
        planned.append(
            PrintedItem(
                number=number,
                title=title,
                case_number=_printed_case_number(item, layout),
                closed=item.closed,
                source=item,
                group=group,
                part=parts.get(id(item), ""),
            )
        )
    return planned


def _printed_title(item: SourceItem, layout: Layout) -> str:
    title = item.title
    if item.closed and layout.closed_style == "anonymous":
        return _ANONYMOUS_TITLE
    keeps_prefix = layout.closed_style in ("title", "withheld")
    if item.closed and not keeps_prefix and title.casefold().startswith(_CLOSED_PREFIX):
        title = title[len(_CLOSED_PREFIX) :].strip()
    return title.upper() if layout.heading_case == "upper" else title


def _printed_case_number(item: SourceItem, layout: Layout) -> str:
    if item.closed and layout.closed_style in ("anonymous", "decision_only"):
        return ""
    return format_case_number(item.case_number, layout.case_format)


def _group_of(item: SourceItem, open_items: list[SourceItem]) -> int:
    if item.closed:
        return 3
    position = open_items.index(item)
    if position == 0:
        return 0
    return 2 if position >= len(open_items) - 2 else 1


class _MinutesPdf(FPDF):
    def __init__(self, layout: Layout, meeting: SourceMeeting, body: str) -> None:
        super().__init__(format="A4")
        self.layout = layout
        self.meeting = meeting
        self.body = body
        self.set_margins(layout.left_margin, 20, 22)
        self.set_auto_page_break(auto=True, margin=22)
        self.set_creation_date(dt.datetime(2025, 1, 1, tzinfo=dt.UTC))
        self.alias_nb_pages()
        self.family = self._load_fonts()
        self.continuing_ref = ""  # "§ 3" while an item is printed, for a "continued" running header
        self.page_margin = self.l_margin  # the left margin of the page, while a two-column row moves l_margin
        self.document_pages: dict[int, tuple[int, int]] = {}  # page → (k, n) in its merged document (item_pages)

    def _load_fonts(self) -> str:
        font = self.layout.font
        if font in ("helvetica", "times"):
            return font
        regular, bold = _TTF_FONTS[font]
        for name in (regular, bold):
            if not (FONT_FOLDER / name).exists():
                raise FontMissing(
                    f"{FONT_FOLDER / name} mangler: installér Debian-pakkerne fonts-dejavu-core og fonts-dejavu-extra"
                )
        self.add_font(font, "", str(FONT_FOLDER / regular))
        self.add_font(font, "B", str(FONT_FOLDER / bold))
        if self.layout.heading_light:
            light = FONT_FOLDER / _LIGHT_FONTS[font]
            if not light.exists():
                raise FontMissing(f"{light} mangler: installér Debian-pakken fonts-dejavu-extra")
            self.add_font(f"{font}-light", "", str(light))
        if self.layout.section_style == "italic":
            self._add_font_file(font, "I", _ITALIC_FONTS[font])
        heading_font = self.layout.heading_font
        if heading_font and heading_font not in ("helvetica", "times", font):
            self._add_font_file(heading_font, "", _TTF_FONTS[heading_font][0])
        return font

    def _add_font_file(self, family: str, style: str, name: str) -> None:
        if not (FONT_FOLDER / name).exists():
            raise FontMissing(f"{FONT_FOLDER / name} mangler: installér Debian-pakken fonts-dejavu-extra")
        self.add_font(family, style, str(FONT_FOLDER / name))

    def printable(self, text: str) -> str:
        if self.layout.font in ("helvetica", "times"):
            return text.translate(_LATIN1).encode("latin-1", "replace").decode("latin-1")
        return text

    def use(self, size: float, bold: bool = False, underline: bool = False, italic: bool = False) -> None:
        self.set_font(self.family, ("B" if bold else "") + ("I" if italic else "") + ("U" if underline else ""), size)

    def use_heading(self, size: float) -> None:
        """The type of item titles: the light cut or another family where the layout has one, else the body's."""
        if self.layout.heading_font:
            self.set_font(self.layout.heading_font, "B" if self.layout.heading_bold else "", size)
        elif self.layout.heading_light:
            self.set_font(f"{self.family}-light", "", size)
        else:
            self.use(size, self.layout.heading_bold)

    def row_height(self, size: float) -> float:
        return size * LINE_HEIGHT * 0.3528

    def line(
        self,
        text: str,
        size: float | None = None,
        bold: bool = False,
        indent: float = 0,
        align="L",
        underline: bool = False,
    ) -> None:
        size = size or self.layout.body_size
        self.use(size, bold, underline)
        self.set_x(self.l_margin + indent)
        self.multi_cell(
            0, size * LINE_HEIGHT * 0.3528, self.printable(text), align=align, new_x="LMARGIN", new_y="NEXT"
        )

    def gap(self, size: float = 1.0) -> None:
        self.ln(self.layout.body_size * 0.3528 * size)

    def keep_room(self, millimetres: float) -> None:
        if self.get_y() + millimetres > self.page_break_trigger:
            self.add_page()

    def header(self) -> None:
        style = self.layout.running_header
        if style in ("initials", "item_pages", "form"):
            if style == "initials":
                protocol.header(self)
            elif style == "form":
                form_template.header(self)
            return
        if style in ("side_pipe", "footer_line"):
            if style == "side_pipe":
                kl.header(self)
            return
        if style in ("band", "acadre", "item_title"):
            if self.page_no() > 1:
                {"band": self._band_header, "acadre": self._acadre_header, "item_title": self._item_title_header}[
                    style
                ]()
            return
        if style in ("none", "footer_only", "footer_center") or (
            self.layout.first_page == "cover" and self.page_no() == 1
        ):
            return
        if style in ("letterhead", "continued"):
            if self.page_no() > 1:
                self._split_header()
            return
        date = self.meeting.start.date()
        self.set_text_color(90)
        if style == "pipe":
            self.use(8)
            self.cell(0, 4, self.printable(f"{self.body} | {date:%d-%m-%Y}"), new_x="LMARGIN", new_y="NEXT")
        else:
            self.use(8)
            for text in ("Greve Kommune", self.body, f"Mødedato: {date:%d.%m.%Y}", f"Side {self.page_no()} af {{nb}}"):
                self.cell(0, 3.6, self.printable(text), align="R", new_x="LMARGIN", new_y="NEXT")
        self.set_text_color(0)
        self.ln(6)

    def _split_header(self) -> None:
        """One header line: the meeting on the left; the date, or the item that runs on, on the right."""
        date = self.meeting.start.date()
        self.set_text_color(90)
        self.use(8)
        if self.layout.running_header == "letterhead":
            left, right = f"Greve Kommune – {self.body}", f"Referat {date:%d.%m.%Y}"
        else:
            left = f"{self.body} – referat {date:%d.%m.%Y}"
            right = f"{self.continuing_ref} (fortsat)" if self.continuing_ref else ""
        self.cell(0, 4, self.printable(left))
        self.set_x(self.l_margin)
        self.cell(0, 4, self.printable(right), align="R", new_x="LMARGIN", new_y="NEXT")
        if self.layout.running_header == "letterhead":
            self.set_draw_color(150)
            self.line_rule()
        self.set_text_color(0)
        self.ln(6)

    def line_rule(self) -> None:
        y = self.get_y() + 1
        super().line(self.l_margin, y, self.w - self.r_margin, y)

    def _band_header(self) -> None:
        """The region's header: its name in the accent colour, the meeting on the right, a coloured rule."""
        base = self.page_margin
        date = self.meeting.start.date()
        self.set_text_color(*margin.ACCENT)
        self.use(8)
        self.set_x(base)
        self.cell(0, 4, "Greve Kommune")
        self.set_x(base)
        self.cell(0, 4, self.printable(f"{self.body} · Referat {danish_date(date)}"), align="R")
        self.ln(5)
        self.set_draw_color(*margin.ACCENT)
        super().line(base, self.get_y(), self.w - self.r_margin, self.get_y())
        self.set_draw_color(0)
        self.set_text_color(0)
        self.ln(6)

    def _acadre_header(self) -> None:
        """Acadre's header: "Referat for <body>" and "Side N" on one line, the meeting's date and hour below."""
        start = self.meeting.start
        self.use(9)
        self.cell(0, 4.5, self.printable(f"Referat for {self.body}"))
        self.set_x(self.l_margin)
        self.cell(0, 4.5, f"Side {self.page_no()}", align="R", new_x="LMARGIN", new_y="NEXT")
        self.cell(0, 4.5, self.printable(f"{danish_date(start.date())} - kl. {start:%H:%M}"))
        self.ln(5)
        self.line_rule()
        self.ln(7)

    def _item_title_header(self) -> None:
        """A Word header with a STYLEREF field: the heading of the item the page continues, in small grey type."""
        date = self.meeting.start.date()
        self.set_text_color(110)
        self.use(8)
        left = f"Referat {date:%d.%m.%Y}"
        self.cell(0, 4, left)
        room = self.w - self.l_margin - self.r_margin - self.get_string_width(left) - 10
        heading = self.printable(self.continuing_ref)
        if self.get_string_width(heading) > room:
            while heading and self.get_string_width(heading + "...") > room:
                heading = heading[:-1]
            heading = heading.rstrip() + "..."
        self.set_x(self.l_margin)
        self.cell(0, 4, heading, align="R", new_x="LMARGIN", new_y="NEXT")
        self.set_text_color(0)
        self.ln(6)

    def footer(self) -> None:
        style = self.layout.running_header
        if style in ("initials", "item_pages", "form"):
            footers = {"initials": protocol.footer, "item_pages": item_documents.footer, "form": form_template.footer}
            footers[style](self)
            return
        if style in ("side_pipe", "footer_line"):
            if style == "footer_line":
                prepare.footer(self)
            return
        if style in ("band", "acadre", "item_title"):
            self._plain_page_footer()
            return
        if style == "none" or (self.layout.first_page == "cover" and self.page_no() == 1):
            return
        if style in ("footer_center", "letterhead", "continued"):
            self._page_number_footer()
            return
        self.set_y(-15)
        self.set_text_color(90)
        self.use(8)
        if style == "pipe":
            self.cell(0, 4, f"Side {self.page_no()} af {{nb}}", align="R")
        elif style == "footer_only":
            date = self.meeting.start.date()
            self.cell(0, 4, self.printable(f"{self.body}, {date:%d.%m.%Y}"), new_x="LMARGIN", new_y="NEXT")
            self.cell(0, 4, f"- {self.page_no()} -", align="C")
        self.set_text_color(0)

    def _plain_page_footer(self) -> None:
        """ "Side N af M" on the right (the region, Word) — Acadre numbers its pages in the header instead."""
        if self.layout.running_header == "acadre":
            return
        self.set_y(-15)
        self.set_x(self.page_margin)
        self.set_text_color(*(margin.ACCENT if self.layout.running_header == "band" else (90, 90, 90)))
        self.use(8)
        self.cell(0, 4, f"Side {self.page_no()} af {{nb}}", align="R")
        self.set_text_color(0)

    def _page_number_footer(self) -> None:
        self.set_y(-15)
        self.set_text_color(90)
        self.use(8)
        style = self.layout.running_header
        if style == "footer_center":
            self.cell(0, 4, f"Side {self.page_no()} af {{nb}}", align="C")
        elif style == "letterhead":
            self.cell(0, 4, f"Side {self.page_no()}", align="R")
        else:
            self.cell(0, 4, str(self.page_no()), align="R")
        self.set_text_color(0)


@dataclass
class _Pass:
    pdf: _MinutesPdf
    items: list[PrintedItem]
    groups: list[dict] = field(default_factory=list)


def render(meeting: SourceMeeting, layout: Layout) -> Rendering:
    """The meeting printed in ``layout``; a layout with page numbers in its contents (or with each item's
    document numbering its own pages) is printed twice."""
    body = meeting.body
    first = _print(meeting, layout, body, contents_pages={})
    result = first
    if layout.running_header == "item_pages":  # each merged document's "Side k af n" needs its length
        starts = [item.first_page for item in first.items]
        result = _print(meeting, layout, body, contents_pages={}, page_count=first.pdf.page_no(), starts=starts)
        if [item.first_page for item in result.items] != starts or result.pdf.page_no() != first.pdf.page_no():
            raise RuntimeError(f"{layout.name}: sidetallene flyttede punkterne mellem de to gennemløb")
    elif layout.contents in ("dotted_pages", "table", "dotted_parts", "table_page_first", "parts_attachments"):
        pages = {id(item.source): item.first_page for item in first.items}
        result = _print(meeting, layout, body, contents_pages=pages)
        second_pages = [item.first_page for item in result.items]
        if second_pages != [item.first_page for item in first.items]:
            raise RuntimeError(f"{layout.name}: indholdsfortegnelsen flyttede punkterne mellem de to gennemløb")
    pdf = bytes(result.pdf.output())
    return Rendering(
        pdf=pdf,
        items=result.items,
        groups=result.groups,
        body=result.pdf.printable(body),
        meeting_date=meeting.start.date(),
        has_contents=layout.contents != "none",
        page_count=result.pdf.page_no(),
    )


def _print(
    meeting: SourceMeeting,
    layout: Layout,
    body: str,
    contents_pages: dict[int, int],
    page_count: int = 0,
    starts: list[int] | None = None,
) -> _Pass:
    pdf = _MinutesPdf(layout, meeting, body)
    if page_count:
        pdf.document_pages = item_documents.page_numbers(starts or [], page_count)
    items = _plan(meeting, layout)
    state = _Pass(pdf=pdf, items=items)
    pdf.add_page()
    _first_page(pdf, meeting, layout, body)
    if layout.contents in ("agenda_list", "dotted_parts"):
        _agenda(pdf, layout, items, contents_pages)
    elif layout.contents == "table_page_first":
        _ruled_contents(pdf, layout, items, contents_pages)
        pdf.add_page()
    elif layout.contents == "parts_attachments":
        prepare.contents(pdf, layout, items, contents_pages)
    elif layout.contents == "status_list":
        item_documents.agenda(pdf, layout, items)
    elif layout.contents not in ("none", "end_table"):
        _contents(pdf, layout, items, contents_pages)
    if layout.items_on_new_page:
        pdf.add_page()
    else:
        pdf.gap(2)
    current_group = None
    current_part = ""
    in_closed_part = False
    for index, item in enumerate(items):
        if layout.new_page_per_item and index > 0:
            pdf.add_page()
        if item.part and item.part != current_part:
            prepare.part_heading(pdf, layout, item.part, first=not current_part)
            current_part = item.part
        if layout.closed_style == "closed_part" and item.closed and not in_closed_part:
            in_closed_part = True
            if not layout.new_page_per_item:
                pdf.add_page()
            pdf.line("Lukket referat", size=layout.heading_size + 2, bold=True)
            if layout.outline != "none":
                pdf.start_section(pdf.printable("Lukket referat"), level=0)
            pdf.gap()
        if layout.closed_style == "appendix" and (index == 0 or item.closed != items[index - 1].closed):
            # Contents in parts stand on pages of their own: the items begin on a fresh page.
            new_page = index > 0 or layout.contents == "dotted_parts"
            _part_heading(pdf, layout, _CLOSED_PART if item.closed else _OPEN_PART, new_page=new_page)
        if item.group and item.group != current_group:
            current_group = item.group
            if layout.closed_style == "roman_parts" and item.closed:
                pdf.add_page()  # the closed part begins a page
            pdf.keep_room(40)
            pdf.gap()
            state.groups.append({"number": item.group[0], "title": item.group[1], "first_page": pdf.page_no()})
            pdf.line(f"{item.group[0]}. {item.group[1]}", size=layout.heading_size + 2, bold=layout.heading_bold)
            if layout.outline != "none":
                pdf.start_section(pdf.printable(f"{item.group[0]}. {item.group[1]}"), level=0)
            pdf.gap(0.5)
        nested = bool(item.group) or bool(item.part) or in_closed_part or layout.closed_style == "appendix"
        _item(pdf, layout, item, nested=nested)
    if layout.signatures:
        protocol.closing(pdf, meeting)
    if layout.contents == "end_table":
        protocol.register(pdf, layout, items)
    return state


def _part_heading(pdf: _MinutesPdf, layout: Layout, title: str, new_page: bool) -> None:
    """ "Åbne punkter" / "Lukkede punkter": a part of the minutes, not an item (and without a number)."""
    if new_page:
        pdf.add_page()
    pdf.line(title, size=layout.heading_size + 2, bold=True)
    if layout.outline != "none":
        pdf.start_section(pdf.printable(title), level=0)
    pdf.gap()


def _first_page(pdf: _MinutesPdf, meeting: SourceMeeting, layout: Layout, body: str) -> None:
    start = meeting.start
    style = layout.first_page
    front_pages = {
        "minutes_of": _minutes_of_page,
        "letterhead": _letterhead_page,
        "protocol": _protocol_page,
        "region": margin.region_front_page,
        "acadre": _acadre_page,
        "memo": _memo_page,
        "kl": kl.front_page,
        "prepare_cover": prepare.cover_page,
        "fact_table": word_template.front_page,
        "year_protocol": protocol.front_page,
        "masthead": item_documents.front_page,
        "form": form_template.front_page,
    }
    if style in front_pages:
        front_pages[style](pdf, meeting, body)
        return
    size = layout.body_size
    if style == "cover":
        pdf.ln(60)
        pdf.line("Greve Kommune", size=14, align="C")
        pdf.line("Referat", size=26, bold=True, align="C")
        pdf.line(body, size=18, align="C")
        pdf.line(f"{danish_date(start.date(), weekday=True).capitalize()} kl. {start:%H.%M}", size=12, align="C")
        pdf.line(meeting.place, size=12, align="C")
        pdf.add_page()
    elif style == "labelled":
        pdf.line("REFERAT", size=18, bold=True)
        pdf.line(body, size=14, bold=True)
        pdf.gap()
        pdf.line(f"Mødedato {danish_date(start.date(), weekday=True).capitalize()}")
        pdf.line(f"Mødetidspunkt kl. {start:%H:%M}")
        pdf.line(f"Mødested {meeting.place}")
    elif style == "meeting_line":
        pdf.line(body, size=16, bold=True)
        pdf.line("Referat", size=12)
        pdf.line(f"Møde {danish_date(start.date())} kl. {start:%H:%M}")
        pdf.line(f"Sted: {meeting.place}")
    elif style == "held_sentence":
        pdf.line("Beslutningsprotokol", size=16, bold=True)
        pdf.line(body, size=13)
        pdf.gap()
        pdf.line(f"Mødet blev holdt den {start:%d.%m.%Y} kl. {start:%H.%M} i {meeting.place}.")
    else:  # fields
        pdf.line("Referat", size=16, bold=True)
        for label, value in (
            ("Udvalg", body),
            ("Dato", f"{start:%d-%m-%Y}"),
            ("Tidspunkt", f"{start:%H:%M}"),
            ("Sted", meeting.place),
        ):
            pdf.line(f"{label}: {value}")
    pdf.gap()
    if meeting.present:
        pdf.line(("Til stede: " if style == "held_sentence" else "Deltagere: ") + ", ".join(meeting.present), size=size)
    if meeting.absent:
        pdf.line(("Afbud: " if style == "held_sentence" else "Fraværende: ") + ", ".join(meeting.absent), size=size)
    pdf.gap()


def _minutes_of_page(pdf: _MinutesPdf, meeting: SourceMeeting, body: str) -> None:
    """A Word document's opening: no bold, the meeting in two sentences, who came and who did not."""
    start = meeting.start
    pdf.line("Greve Kommune", align="R")
    pdf.gap()
    pdf.line("REFERAT", size=14)
    pdf.line(f"af møde i {body}")
    place = f" på {meeting.place}" if meeting.place else ""
    when = danish_date(start.date(), weekday=True).capitalize().replace(" d. ", " den ")
    pdf.line(f"{when} kl. {start:%H.%M}{place}")
    pdf.gap()
    if meeting.present:
        pdf.line("Til stede: " + ", ".join(meeting.present))
    pdf.line("Afbud: " + (", ".join(meeting.absent) if meeting.absent else "Ingen"))
    pdf.gap()


def _letterhead_page(pdf: _MinutesPdf, meeting: SourceMeeting, body: str) -> None:
    """An ESDH export's front page: the sender's address, the title, and the meeting as a two-column form."""
    start = meeting.start
    for text in ("Greve Kommune", "Rådhusholmen 10", "2670 Greve"):
        pdf.line(text, size=8, align="R")
    pdf.gap(2)
    pdf.line("Referat", size=18, bold=True)
    pdf.line(body, size=13, bold=True)
    pdf.gap()
    rows = [("Mødedato:", f"{start:%d.%m.%Y}"), ("Mødetidspunkt:", f"{start:%H:%M}"), ("Mødested:", meeting.place)]
    rows += [("Medlemmer:" if index == 0 else "", name) for index, name in enumerate(meeting.present)]
    rows += [("Fraværende:" if index == 0 else "", name) for index, name in enumerate(meeting.absent or ["Ingen"])]
    height = pdf.layout.body_size * LINE_HEIGHT * 0.3528
    for label, value in rows:
        pdf.use(pdf.layout.body_size, bold=bool(label))
        pdf.cell(32, height, pdf.printable(label))
        pdf.use(pdf.layout.body_size)
        pdf.multi_cell(0, height, pdf.printable(value), new_x="LMARGIN", new_y="NEXT")
    pdf.gap()


def _protocol_page(pdf: _MinutesPdf, meeting: SourceMeeting, body: str) -> None:
    """A council's protocol: the municipality in capitals, the body, the meeting in one sentence."""
    start = meeting.start
    pdf.line("GREVE KOMMUNE", size=10, bold=True)
    pdf.line(body, size=16, bold=True)
    pdf.gap(0.5)
    pdf.line(f"Referat af mødet {danish_date(start.date(), weekday=True)} kl. {start:%H.%M}".replace(" d. ", " den "))
    if meeting.place:
        pdf.line(f"Mødested: {meeting.place}")
    pdf.gap()
    if meeting.present:
        pdf.line("Til stede: " + ", ".join(meeting.present))
    if meeting.absent:
        pdf.line("Fraværende: " + ", ".join(meeting.absent))
    pdf.gap()


def _acadre_page(pdf: _MinutesPdf, meeting: SourceMeeting, body: str) -> None:
    """Acadre's front page: the meeting in large type, the members in two columns; the contents follow it."""
    start = meeting.start
    pdf.ln(25)
    pdf.line("Referat", size=22, bold=True)
    pdf.line(body, size=16, bold=True)
    pdf.gap()
    for text in (danish_date(start.date(), weekday=True).capitalize().replace(" d. ", " den "), f"Kl. {start:%H:%M}"):
        pdf.line(text, size=12)
    pdf.line(meeting.place, size=12)
    pdf.gap(2)
    for title, names in (("Medlemmer", meeting.present), ("Fraværende", meeting.absent)):
        pdf.line(title, bold=True)
        _two_columns(pdf, names)
        pdf.gap()
    pdf.add_page()


def _two_columns(pdf: _MinutesPdf, names: list[str]) -> None:
    height = pdf.row_height(pdf.layout.body_size)
    half = (pdf.w - pdf.l_margin - pdf.r_margin) / 2
    pdf.use(pdf.layout.body_size)
    for row in range(0, len(names), 2):
        pdf.cell(half, height, pdf.printable(names[row]))
        right = names[row + 1] if row + 1 < len(names) else ""
        pdf.cell(half, height, pdf.printable(right), new_x="LMARGIN", new_y="NEXT")


def _memo_page(pdf: _MinutesPdf, meeting: SourceMeeting, body: str) -> None:
    """A small municipality's Word template: no bold, the meeting on one line, a rule under the participants."""
    start = meeting.start
    pdf.line("Greve Kommune", size=9, align="R")
    pdf.gap()
    pdf.line(f"Referat fra møde i {body}", size=16)
    pdf.gap()
    place = f"     Sted: {meeting.place}" if meeting.place else ""
    pdf.line(f"Dato: {danish_date(start.date())}     Tid: kl. {start:%H.%M}{place}")
    pdf.gap(0.5)
    pdf.line("Deltagere: " + ", ".join(meeting.present))
    pdf.line("Afbud: " + (", ".join(meeting.absent) if meeting.absent else "Ingen"))
    pdf.line_rule()
    pdf.ln(2)


def _heading_lines(layout: Layout, item: PrintedItem) -> list[str]:
    title = item.title
    if layout.case_position == "in_heading" and item.case_number:
        title = f"{title} ({item.case_number})"
    number = item.number
    if layout.numbering == "punkt_colon":
        return [f"Punkt {number}: {title}"]
    if layout.numbering == "pkt":
        return [f"Pkt. {number} {title}"]
    if layout.numbering == "sag_nr":
        return [f"Sag nr. {number} – {title}"]
    if layout.numbering == "dagsordenspunkt":
        return [f"Dagsordenspunkt {number}", title]
    if layout.numbering == "ad_paren":
        return [f"Ad {number}) {title}"]
    if layout.numbering == "paragraph_sign":
        return [f"§ {number}. {title}"]
    if layout.numbering == "hanging":
        return [f"{number} {title}"]
    if layout.numbering == "sag_margin":
        return [f"Sag {number}", title]  # the margin's label and the title beside it
    if layout.numbering == "punkt_dot":
        return [f"Punkt {number}. {title}"]
    if layout.numbering == "paren":
        return [f"{number}) {title}"]
    if layout.numbering == "pkt_dot":
        return [f"Pkt. {number}. {title}"]
    if layout.numbering == "sag_nr_line":
        return [f"Sag nr. {number}", title]
    if layout.numbering == "status_paren":
        return [item_documents.status_heading(number, title, item.closed)]
    if layout.numbering == "form":
        return [f"Pkt. {number}", title]
    return [f"{number}. {title}"]


def _contents_entry(layout: Layout, item: PrintedItem) -> str:
    return " ".join(_heading_lines(layout, item)) if layout.numbering != "dagsordenspunkt" else item.title


def _contents(pdf: _MinutesPdf, layout: Layout, items: list[PrintedItem], pages: dict[int, int]) -> None:
    pdf.gap()
    pdf.line(layout.contents_title, size=layout.heading_size, bold=True)
    pdf.gap(0.5)
    size = layout.body_size
    height = size * LINE_HEIGHT * 0.3528
    width = pdf.w - pdf.l_margin - pdf.r_margin
    if layout.contents == "table":
        pdf.use(size, bold=True)
        pdf.cell(16, height, "Punkt")
        pdf.cell(width - 32, height, "Titel")
        pdf.cell(16, height, "Side", align="R", new_x="LMARGIN", new_y="NEXT")
    shown_group = None
    for item in items:
        if layout.closed_style == "closed_part" and item.closed:
            continue
        page = str(pages.get(id(item.source), "")) if pages else ""
        if layout.contents == "numbers_only":
            if item.group and item.group != shown_group:
                shown_group = item.group
                pdf.line(f"{item.group[0]}. {item.group[1]}", bold=True)
            pdf.line(_contents_entry(layout, item), indent=6 if item.group else 0)
        elif layout.contents == "table":
            pdf.use(size)
            pdf.cell(16, height, item.number)
            top = pdf.get_y()
            pdf.multi_cell(width - 32, height, pdf.printable(item.title), new_x="RIGHT", new_y="LAST")
            pdf.cell(16, height, page, align="R", new_x="LMARGIN", new_y="NEXT")
            pdf.set_y(max(pdf.get_y(), top + height))
        else:
            _dotted_entry(pdf, _contents_entry(layout, item), page, size, width)
    pdf.gap()


def _ruled_contents(pdf: _MinutesPdf, layout: Layout, items: list[PrintedItem], pages: dict[int, int]) -> None:
    """Acadre's contents: a ruled table with the page first ("Side | Punkt | Sag"), a row per part."""
    pdf.line(layout.contents_title, size=layout.heading_size + 2, bold=True, align="C")
    pdf.gap()
    size = layout.body_size
    height = pdf.row_height(size)
    width = pdf.w - pdf.l_margin - pdf.r_margin
    columns = (14, 16, width - 30)
    pdf.use(size, bold=True)
    pdf.set_fill_color(225)
    for column, text in zip(columns, ("Side", "Punkt", "Sag"), strict=True):
        pdf.cell(column, height, text, border=1, fill=True, align="C" if column < 20 else "L")
    pdf.ln(height)
    shown_group = None
    for item in items:
        if item.group and item.group != shown_group:
            shown_group = item.group
            pdf.use(size, bold=True)
            pdf.cell(width, height, pdf.printable(f"{item.group[0]}. {item.group[1]}"), border=1)
            pdf.ln(height)
        _ruled_row(pdf, columns, str(pages.get(id(item.source), "")) if pages else "", item)
    pdf.gap()


def _ruled_row(pdf: _MinutesPdf, columns: tuple[float, float, float], page: str, item: PrintedItem) -> None:
    size = pdf.layout.body_size
    height = pdf.row_height(size)
    pdf.use(size)
    title = pdf.printable(item.title)
    lines = pdf.multi_cell(columns[2], height, title, align="L", dry_run=True, output="LINES")
    pdf.keep_room(height * len(lines))
    pdf.cell(columns[0], height * len(lines), page, border=1, align="C")
    pdf.cell(columns[1], height * len(lines), item.number, border=1, align="C")
    pdf.multi_cell(columns[2], height, title, border=1, align="L", new_x="LMARGIN", new_y="NEXT")


def _agenda(pdf: _MinutesPdf, layout: Layout, items: list[PrintedItem], pages: dict[int, int]) -> None:
    """The agenda at the front: a plain numbered list ("agenda_list"), or contents in two parts with pages."""
    pdf.gap()
    size = layout.body_size
    if layout.contents == "agenda_list":
        pdf.line(layout.contents_title, underline=True)
        for item in items:
            pdf.line(f"{item.number}. {item.source.title}", indent=5)
        pdf.gap()
        return
    pdf.line(layout.contents_title, size=layout.heading_size, bold=True)
    width = pdf.w - pdf.l_margin - pdf.r_margin
    for closed, part in ((False, _OPEN_PART), (True, _CLOSED_PART)):
        members = [item for item in items if item.closed == closed]
        if not members:
            continue
        pdf.gap(0.5)
        pdf.line(part, bold=True)
        for item in members:
            page = str(pages.get(id(item.source), "")) if pages else ""
            pdf.use(size)
            pdf.cell(_HANGING_NUMBER_WIDTH, size * LINE_HEIGHT * 0.3528, item.number)
            _dotted_entry(pdf, item.title, page, size, width - _HANGING_NUMBER_WIDTH, indent=_HANGING_NUMBER_WIDTH)
            pdf.gap(0.9)  # spacing after each entry, as the contents of an ESDH export often have
    pdf.gap()


def _dotted_entry(pdf: _MinutesPdf, text: str, page: str, size: float, width: float, indent: float = 0) -> None:
    """A contents line: the title (wrapped), dot leaders, and the page number in a fixed-width cell."""
    pdf.use(size)
    height = size * LINE_HEIGHT * 0.3528
    page_width = 12
    lines = pdf.multi_cell(width - page_width - 10, height, pdf.printable(text), dry_run=True, output="LINES")
    for line in lines[:-1]:
        pdf.cell(0, height, line, new_x="LMARGIN", new_y="NEXT")
        pdf.set_x(pdf.l_margin + indent)
    last = lines[-1]
    room = width - page_width - pdf.get_string_width(last) - 2
    dots = "." * max(3, int(room / max(pdf.get_string_width("."), 0.1)))
    pdf.cell(width - page_width, height, f"{last} {dots}"[: len(last) + 1 + len(dots)])
    pdf.cell(page_width, height, page, align="R", new_x="LMARGIN", new_y="NEXT")


def _case_line(layout: Layout, item: PrintedItem) -> str:
    return f"{layout.case_label} {item.case_number}".strip()


def _item(pdf: _MinutesPdf, layout: Layout, item: PrintedItem, nested: bool) -> None:
    if layout.section_style == "margin":
        _margin_item(pdf, layout, item, nested)
        return
    if layout.running_header == "item_title":
        pdf.continuing_ref = _heading_lines(layout, item)[0]  # before a page break, for the new page's header
    if layout.case_position == "masthead":
        item_documents.masthead(pdf, layout, item)
    pdf.keep_room(_heading_room(pdf, layout, item))
    if not layout.new_page_per_item:
        pdf.gap(layout.item_gap)
    if layout.case_position == "above" and item.case_number:
        pdf.line(_case_line(layout, item))
    item.first_page = pdf.page_no()
    heading = _heading_lines(layout, item)
    if layout.outline != "none":
        entry = item.title if layout.outline == "titles_only" else " ".join(heading)
        if layout.outline == "item_files":
            entry = item_documents.bookmark(item)
        pdf.start_section(pdf.printable(entry), level=1 if nested else 0)
    if layout.numbering == "hanging":
        _hanging_heading(pdf, layout, item)
    elif layout.case_position == "right_of_heading" and item.case_number:
        _heading_with_case(pdf, layout, heading[0], _case_line(layout, item))
    elif layout.case_position == "tab" and item.case_number:
        _heading_with_tab(pdf, layout, heading[0], _case_line(layout, item))
    elif layout.case_position == "box":
        prepare.heading(pdf, layout, heading[0], item.case_number)
    elif layout.heading_font:
        word_template.heading(pdf, layout, heading[0])
    elif layout.numbering == "sag_nr_line":
        protocol.heading(pdf, layout, item)
    elif layout.numbering == "form":
        form_template.heading(pdf, layout, item)
    else:
        for text in heading:
            pdf.line(text, size=layout.heading_size, bold=layout.heading_bold, underline=layout.heading_underline)
    if layout.running_header == "continued":
        pdf.continuing_ref = f"§ {item.number}"
    elif layout.running_header != "item_title":
        pdf.continuing_ref = ""
    if layout.case_position == "id_line" and item.case_number:
        _id_line(pdf, layout, item)
    if layout.case_position == "kind_line":
        kl.kind_line(pdf, layout, item)
    if layout.case_position == "fact_table":
        word_template.fact_table(pdf, item)
    if layout.case_position == "block" and item.case_number:
        _case_block(pdf, layout, item)
    if layout.case_position == "below" and item.case_number:
        pdf.line(_case_line(layout, item))
        if layout.document_number_line:
            pdf.line(f"Dok.nr.: {item.case_number[:4]}-{zlib.crc32(item.title.encode()) % 900000 + 100000}")
    pdf.gap(0.6)
    if item.closed and layout.closed_style == "marker":
        pdf.line("Lukket punkt", bold=True)
    if item.closed and layout.closed_style in ("withheld", "anonymous", "roman_parts", "form_status"):
        if layout.closed_style == "withheld":
            pdf.line(_WITHHELD_TEXT)
        if layout.closed_style == "roman_parts":
            pdf.line(_CLOSED_CASE_TEXT)
        if layout.closed_style == "form_status":
            pdf.line(form_template.WITHHELD)
        pdf.continuing_ref = ""
        return
    for section in _printed_sections(layout, item):
        _section(pdf, layout, section, item.number)
    if layout.attachments != "none" and item.source.attachments:
        _attachments(pdf, layout, item)
    if layout.case_position == "last_line" and item.case_number:
        pdf.gap(0.5)
        pdf.line(_case_line(layout, item))
    pdf.continuing_ref = ""


def _heading_room(pdf: _MinutesPdf, layout: Layout, item: PrintedItem) -> float:
    """How much of the page an item's start needs: the heading and some text, or (without keep with next) the
    space before the heading and the heading itself."""
    if layout.numbering == "form":
        return form_template.form_height(pdf, layout, item) + 20
    if layout.heading_kept_with_text:
        return 45
    gap = 0 if layout.new_page_per_item else layout.body_size * 0.3528 * layout.item_gap
    return gap + word_template.heading_height(pdf, layout, _heading_lines(layout, item)[0]) + 0.5


def _printed_sections(layout: Layout, item: PrintedItem) -> list[SourceSection]:
    """The sections an item prints: all of them, or of a closed item in a "decision_only" layout its decision
    (a closed item's text in FirstAgenda is its decision, under no section name)."""
    sections = _ordered_sections(layout, item)
    if item.closed and layout.closed_style == "decision_only":
        decisions = [section for section in sections if section.name in ("", DECISION)]
        return [SourceSection(DECISION, section.blocks) for section in decisions]
    return sections


def _ordered_sections(layout: Layout, item: PrintedItem) -> list[SourceSection]:
    sections = list(item.source.sections)
    decisions = [section for section in sections if section.name == DECISION]
    others = [section for section in sections if section.name != DECISION]
    ordered = decisions + others if layout.decision_first else others + decisions
    # The case history ("Sagens forløb") always comes last: it is about earlier meetings.
    return [s for s in ordered if s.name != HISTORY] + [s for s in ordered if s.name == HISTORY]


def _margin_item(pdf: _MinutesPdf, layout: Layout, item: PrintedItem, nested: bool) -> None:
    """An item of two-column minutes: a coloured rule, then rows with their labels in the margin column."""
    pdf.keep_room(60)  # the rule, a title of two lines, a marker and the case number stay together
    pdf.gap(layout.item_gap)
    margin.accent_rule(pdf)
    item.first_page = pdf.page_no()
    label, title = _heading_lines(layout, item)
    if layout.outline != "none":
        pdf.start_section(pdf.printable(f"{label} {title}"), level=1 if nested else 0)
    margin.heading_row(pdf, label, title)
    if item.closed and layout.closed_style == "marker":
        margin.margin_note(pdf, "Lukket punkt")
    pdf.gap(0.6)
    if layout.case_position == "margin" and item.case_number:
        margin.margin_row(pdf, layout.case_label, partial(pdf.line, item.case_number))
    for section in _ordered_sections(layout, item):
        pdf.gap(0.6)
        margin.margin_row(pdf, _section_title(pdf, layout, section), partial(_blocks, pdf, layout, section))
    if layout.attachments != "none" and item.source.attachments:
        pdf.gap(0.6)
        names = "\n".join(item.source.attachments)
        margin.margin_row(pdf, "Bilag", partial(pdf.line, names))


def _heading_with_tab(pdf: _MinutesPdf, layout: Layout, heading: str, case_text: str) -> None:
    """A Word heading: the title wrapped before a tab stop, the bare case number at the stop on its first line."""
    size = layout.heading_size
    height = pdf.row_height(size)
    pdf.use(size, layout.heading_bold)
    top = pdf.get_y()
    pdf.multi_cell(_TAB_STOP - 4, height, pdf.printable(heading), align="L", new_x="LMARGIN", new_y="NEXT")
    bottom = pdf.get_y()
    pdf.set_xy(pdf.l_margin + _TAB_STOP, top)
    pdf.cell(0, height, pdf.printable(case_text))
    pdf.set_xy(pdf.l_margin, max(bottom, top + height))


def _id_line(pdf: _MinutesPdf, layout: Layout, item: PrintedItem) -> None:
    """ "Sagsnr.: 22/11409 | J.nr.: 00.01.00-P20-3-22 | Dok.nr.: 1234567/22": only the first is the case number."""
    journal = format_case_number(item.source.case_number, "kle")
    document = zlib.crc32(f"{item.source.case_number} {item.source.title}".encode()) % 900_000 + 100_000
    year = item.source.case_number[:2]
    pdf.line(f"{_case_line(layout, item)} | J.nr.: {journal} | Dok.nr.: {document}/{year}", size=layout.body_size - 1.5)


def _hanging_heading(pdf: _MinutesPdf, layout: Layout, item: PrintedItem) -> None:
    """The number in a column of its own, the title (wrapped) beside it: "3     Title"."""
    size = layout.heading_size
    pdf.use(size, layout.heading_bold)
    height = size * LINE_HEIGHT * 0.3528
    pdf.cell(_HANGING_NUMBER_WIDTH, height, item.number)
    pdf.multi_cell(0, height, pdf.printable(item.title), new_x="LMARGIN", new_y="NEXT")


def _heading_with_case(pdf: _MinutesPdf, layout: Layout, heading: str, case_text: str) -> None:
    """The heading on the left and the case number set flush right on its first line, as a Word tab does."""
    size = layout.heading_size
    height = size * LINE_HEIGHT * 0.3528
    pdf.use(size, layout.heading_bold)
    case_width = pdf.get_string_width(pdf.printable(case_text)) + 1
    top = pdf.get_y()
    width = pdf.w - pdf.l_margin - pdf.r_margin
    pdf.multi_cell(width - case_width - 6, height, pdf.printable(heading), new_x="LMARGIN", new_y="NEXT")
    bottom = pdf.get_y()
    pdf.set_xy(pdf.w - pdf.r_margin - case_width, top)
    pdf.cell(case_width, height, pdf.printable(case_text), align="R")
    pdf.set_xy(pdf.l_margin, max(bottom, top + height))


def _case_block(pdf: _MinutesPdf, layout: Layout, item: PrintedItem) -> None:
    """ "Sagsnr.: …  Sagsbehandler: …" and "Dok.nr.: …" under the title; only the first is a case number."""
    size = layout.body_size - 0.5
    height = size * LINE_HEIGHT * 0.3528
    indent = _HANGING_NUMBER_WIDTH if layout.numbering == "hanging" else 0
    checksum = zlib.crc32(f"{item.case_number} {item.title}".encode())
    year = item.source.case_number[:2]
    pdf.set_text_color(60)
    pdf.use(size)
    pdf.set_x(pdf.l_margin + indent)
    pdf.cell(62, height, pdf.printable(_case_line(layout, item)))
    officer = _CASE_OFFICERS[checksum % len(_CASE_OFFICERS)]
    pdf.cell(0, height, pdf.printable(f"Sagsbehandler: {officer}"), new_x="LMARGIN", new_y="NEXT")
    pdf.set_x(pdf.l_margin + indent)
    pdf.cell(0, height, f"Dok.nr.: {checksum % 9_000_000 + 1_000_000}/{year}", new_x="LMARGIN", new_y="NEXT")
    pdf.set_text_color(0)


def _attachments(pdf: _MinutesPdf, layout: Layout, item: PrintedItem) -> None:
    """The item's attachments under a "Bilag" heading: renumbered 1., 2., … or by their own names."""
    _section_name(pdf, layout, "Bilag")
    for position, name in enumerate(item.source.attachments, 1):
        if layout.attachments == "numbered_list":
            text = f"{position}. {_ATTACHMENT_PREFIX.sub('', name) or name}"
        else:
            text = name
        if layout.outline == "with_attachments":
            pdf.start_section(pdf.printable(text), level=1)
        elif layout.outline == "parts_attachments":
            pdf.start_section(pdf.printable(text), level=2)
        pdf.line(text, indent=5)


def _section_title(pdf: _MinutesPdf, layout: Layout, section: SourceSection) -> str:
    if section.name != DECISION:
        return dict(layout.renamed_sections).get(section.name, section.name)
    date = pdf.meeting.start.date()
    short = form_template.abbreviation(pdf.body)
    return layout.decision_heading.format(body=pdf.body, date=f"{date:%d.%m.%Y}", abbreviation=short)


def _section_blocks(pdf: _MinutesPdf, layout: Layout, section: SourceSection, number: str = "") -> list[Block]:
    blocks = list(section.blocks)
    if section.name == HISTORY and layout.history_item_numbers:
        blocks = _with_item_numbers(blocks)
    if section.name == HISTORY and layout.history_references:
        blocks = _with_references(blocks)
    if section.name == HISTORY and layout.history_punkt:
        blocks = word_template.with_punkt_references(blocks, pdf.meeting, pdf.body, number)
    return blocks


def _blocks(pdf: _MinutesPdf, layout: Layout, section: SourceSection) -> None:
    for block in _section_blocks(pdf, layout, section):
        if block.kind == "list_entry":
            pdf.line(f"• {block.text}", indent=5)
        else:
            pdf.line(block.text)


def _section(pdf: _MinutesPdf, layout: Layout, section: SourceSection, number: str = "") -> None:
    name = _section_title(pdf, layout, section)
    blocks = _section_blocks(pdf, layout, section, number)
    if layout.section_style == "inline" and name and blocks:
        first, *rest = blocks
        pdf.gap(0.4)
        pdf.line(f"{name}: {first.text}")
        blocks = rest
    elif name:
        _section_name(pdf, layout, name)
    align = "J" if layout.justify else "L"
    for block in blocks:
        if block.kind == "list_entry":
            pdf.line(f"• {block.text}", indent=5, align=align)
        else:
            pdf.line(block.text, align=align)


def _section_name(pdf: _MinutesPdf, layout: Layout, name: str) -> None:
    pdf.gap(0.4)
    pdf.keep_room(15)
    if layout.section_style == "underlined":
        pdf.line(name, underline=True)
    elif layout.section_style == "caps":
        pdf.line(name.upper(), size=layout.body_size - 0.5, bold=True)
    elif layout.section_style == "colon":
        pdf.line(name if name.endswith((":", "?")) else f"{name}:")
    elif layout.section_style == "bold_colon":
        pdf.line(name if name.endswith((":", "?")) else f"{name}:", bold=True)
    elif layout.section_style == "italic":
        word_template.section_name(pdf, layout, name)
    else:
        pdf.line(name, bold=True)


def _with_references(blocks: list[Block]) -> list[Block]:
    """ "25/09/2024 Økonomiudvalget" → "Økonomiudvalget den 25.09.2024, § 7": where the case was before."""
    result: list[Block] = []
    for position, block in enumerate(blocks):
        match = _HISTORY_DATE.match(block.text)
        if match:
            day, month, year, body = match.groups()
            decision = blocks[position + 1].text if position + 1 < len(blocks) else ""
            earlier = zlib.crc32(f"{block.text} {decision}".encode()) % 19 + 2
            block = Block("paragraph", f"{body} den {day}.{month}.{year}, § {earlier}")
        result.append(block)
    return result


def _with_item_numbers(blocks: list[Block]) -> list[Block]:
    """A case history as some systems print it: each earlier meeting followed by its "Punktnummer"."""
    result: list[Block] = []
    for position, block in enumerate(blocks):
        result.append(block)
        if block.text[:2].isdigit() and "-" in block.text[:10]:
            result.append(Block("paragraph", f"Punktnummer: {(position * 7) % 23 + 2}"))
    return result
