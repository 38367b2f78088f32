"""The ways minutes are printed, as data: one ``Layout`` is one minutes system's template.

A layout is a set of independent choices — how an item is numbered, where its case number stands, whether
the PDF has an outline or a table of contents, how big its headings are — so a new layout is one more entry
in ``LAYOUTS`` (and a new kind of choice is one more field the renderer reads). The layouts differ from each
other on purpose and none copies a fixture of the test suite: they exist to show that a segmenter reads
minutes it was not written for.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Literal

Numbering = Literal[
    "dot",
    "punkt_colon",
    "pkt",
    "sag_nr",
    "dagsordenspunkt",
    "dotted_groups",
    "ad_paren",
    "hanging",
    "paragraph_sign",
    "sag_margin",  # "Sag 4" in the margin column, the title beside it (with section_style "margin")
    "punkt_dot",  # "Punkt 4. Titel"
    "paren",  # "4) Titel"
    "pkt_dot",  # "Pkt. 12. Titel"
    "sag_nr_line",  # "Sag nr. 185" on a shaded line of its own, the title in bold on the next
    "status_paren",  # "12 (Åben) Titel" / "12 (Lukket) Titel"
    "form",  # a ruled form: "Pkt. 7" and "Åbent punkt" in a band, then a row "Dagsordenspunkt: | Titel"
]
# "margin": a "Journalnr." row of the two-column item; "id_line": "Sagsnr.: … | J.nr.: … | Dok.nr.: …" under the
# heading; "tab": the bare number on the heading's first line at a tab stop; "kind_line": "Beslutningssag ·
# SAG-2022-11409 · jebj" under the heading (the item's kind, the case number, the case handler); "box": the bare
# number in a ruled box at the right end of the heading line; "fact_table": a ruled two-column table under the
# heading ("Sagsnr." and the responsible centre); "number_line": flush right on the "Sag nr." line (numbering
# "sag_nr_line"); "masthead": in the meeting's block that opens each item's page ("Sags ID: …"); "form_row": a row
# "Sagsnr.: | …" of the item's form (numbering "form").
CasePosition = Literal[
    "above",
    "in_heading",
    "below",
    "last_line",
    "right_of_heading",
    "block",
    "margin",
    "id_line",
    "tab",
    "kind_line",
    "box",
    "fact_table",
    "number_line",
    "masthead",
    "form_row",
]
# "region_journal": hyphen-separated digit groups, a region's "1-30-72-11409-22"; "year_seven": the year and a
# seven-digit serial, "2022-0011409".
CaseFormat = Literal[
    "as_is",
    "emn",
    "sag",
    "slash",
    "year_dash",
    "kle",
    "year_slash",
    "compact",
    "slash_padded",
    "region_journal",
    "year_seven",
]
# "parts_attachments": the agenda's parts ("Åben dagsorden"), their items under them and the items' attachments
# as leaves.
# "item_files": one bookmark per merged document, "Forside" and "Punkt 12 - Titel".
Outline = Literal["none", "numbered", "titles_only", "parts", "with_attachments", "parts_attachments", "item_files"]
# "table_page_first": a ruled table (side, punkt, sag) on a page of its own, its groups as rows;
# "parts_attachments": contents in the agenda's parts, each item's attachments listed under it (no page numbers);
# "end_table": a ruled table (sag nr., titel, side) at the END of the document, after the signatures;
# "status_list": the agenda on the front page, each item as its heading is printed ("12 (Lukket) Titel").
Contents = Literal[
    "none",
    "dotted_pages",
    "numbers_only",
    "table",
    "agenda_list",
    "dotted_parts",
    "table_page_first",
    "parts_attachments",
    "end_table",
    "status_list",
]
# "roman_parts": open items under "I. Åbne sager", closed ones (their text withheld) under "II. Lukkede sager";
# "kind_line": closed items stay in place, marked only by "Lukket sag" as their kind (case_position "kind_line");
# "closed_agenda": closed items at the end under "Lukket dagsorden", every item renumbered in printed order;
# "decision_only": in place, "Lukket sag" where the case number would stand, only the decision printed;
# "status": "(Lukket)" in the heading (numbering "status_paren"), the whole text printed;
# "form_status": "Lukket punkt" in the item's form (numbering "form"), the text withheld.
ClosedStyle = Literal[
    "title",
    "closed_part",
    "marker",
    "withheld",
    "appendix",
    "anonymous",
    "roman_parts",
    "kind_line",
    "closed_agenda",
    "decision_only",
    "status",
    "form_status",
]
# "margin": the whole item in two columns, every label (number, case, section names) in the margin column;
# "colon": section names as plain "Indstilling:" lines; "italic": section names in the body's italic cut;
# "bold_colon": "Indstilling:" lines in bold.
SectionStyle = Literal["heading", "inline", "underlined", "caps", "margin", "colon", "italic", "bold_colon"]
FirstPage = Literal[
    "labelled",
    "meeting_line",
    "held_sentence",
    "fields",
    "cover",
    "minutes_of",
    "letterhead",
    "protocol",
    "region",
    "acadre",
    "memo",
    "kl",  # "Beslutningsprotokol", the meeting in labelled lines; the contents follow on the same page
    "prepare_cover",  # a cover page of its own: the municipality, "Referat", the body, the meeting, who came
    "fact_table",  # "Referat" and the meeting as a ruled two-column table
    "year_protocol",  # "Beslutningsprotokol", the meeting in a sentence, the year's case numbers it covers
    "masthead",  # the meeting's block that also opens every item's page, then who came
    "form",  # an old Word template: "REFERAT" and the meeting as tab-aligned fields
]
RunningHeader = Literal[
    "pipe",
    "stacked",
    "footer_only",
    "none",
    "footer_center",
    "letterhead",
    "continued",
    "band",  # an accent-coloured header with a rule, "Side N af M" in the footer
    "acadre",  # "Referat for …  Side N" and the meeting's date and hour, from the second page
    "item_title",  # the heading of the item that runs on at the top of the page, as a Word STYLEREF field
    "side_pipe",  # "<body> | 23-01-2023" and "SIDE | N" in the header, from the second page
    "footer_line",  # "Referat | <body> | 23.01.2023" and "Side N af M" in one footer line, not on the cover
    "initials",  # a protocol's footer: "Formandens initialer" and "Side N"; the body and date from page 2
    "item_pages",  # a merged file's footer: "Side k af n" counted within each item's own document
    "form",  # "Referat – <body>" and the date over a rule from page 2, "Side N af M" centred below
]
Font = Literal["dejavu-sans", "dejavu-serif", "helvetica", "times", "dejavu-sans-condensed", "dejavu-serif-condensed"]
HeadingCase = Literal["as_is", "upper"]
Attachments = Literal["none", "numbered_list", "named_list"]

WEEKDAYS = ["mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag", "søndag"]
MONTHS = [
    "januar",
    "februar",
    "marts",
    "april",
    "maj",
    "juni",
    "juli",
    "august",
    "september",
    "oktober",
    "november",
    "december",
]


@dataclass(frozen=True)
class Layout:
    name: str
    description: str
    font: Font = "dejavu-sans"
    body_size: float = 10
    heading_size: float = 12
    heading_bold: bool = True
    numbering: Numbering = "dot"
    case_position: CasePosition = "below"
    case_format: CaseFormat = "as_is"
    case_label: str = ""  # printed before the case number ("Sagsnr.:"); "" prints the number alone
    document_number_line: bool = False  # a "Dok.nr.: …" line under the case number: not a case number
    outline: Outline = "none"
    contents: Contents = "none"
    contents_title: str = "Indholdsfortegnelse"
    new_page_per_item: bool = False
    section_style: SectionStyle = "heading"
    decision_first: bool = False
    decision_heading: str = "Beslutning"  # "{body}", "{date}" and "{abbreviation}" ("ØU") are filled in
    closed_style: ClosedStyle = "title"
    first_page: FirstPage = "labelled"
    running_header: RunningHeader = "pipe"
    history_item_numbers: bool = False  # "Punktnummer: N" lines in "Sagens forløb" (earlier meetings)
    history_references: bool = False  # "Økonomiudvalget den 25.09.2024, § 7" lines in "Sagens forløb"
    heading_case: HeadingCase = "as_is"  # "upper" prints item titles in capitals (and labels them so)
    attachments: Attachments = "none"  # the item's attachments ("Bilag") listed at its end
    heading_light: bool = False  # item titles in the font's extra-light cut and an accent colour (dejavu-sans)
    item_gap: float = 1.5  # space before an item that does not begin a page, in body lines
    left_margin: float = 22  # mm: a wide left margin sets the whole text in a narrow column on the right
    heading_font: Font | None = None  # item titles in another family than the body (at the same size, say)
    heading_color: tuple[int, int, int] = (0, 0, 0)  # item titles' colour (RGB)
    renamed_sections: tuple[tuple[str, str], ...] = ()  # (Greve's section name, the name this system prints)
    supplement: bool = False  # the newest cases as a "Tillægsdagsorden" after the ordinary items (closed_agenda)
    items_on_new_page: bool = False  # the items begin on a fresh page after the front page and the contents
    heading_kept_with_text: bool = True  # False: a heading may stand alone at the foot of a page
    history_punkt: bool = False  # "Punkt 7, Økonomiudvalget den 25.09.2024" lines in "Sagens forløb"
    year_numbering: bool = False  # items numbered on through the body's year ("Sag nr. 185"), not from 1
    heading_underline: bool = False  # item titles underlined (with heading_bold False: instead of bold)
    justify: bool = False  # body paragraphs set justified
    signatures: bool = False  # "Mødet hævet kl. …" and the members' signature lines after the last item


LAYOUTS: list[Layout] = [
    Layout(
        name="punkt-kolon",
        description='"Punkt 2: Titel", sagsnummer EMN-… på linjen under, bogmærker og indholdsfortegnelse med '
        "prikker og sidetal, punkterne i forlængelse af hinanden",
        heading_size=13,
        numbering="punkt_colon",
        case_position="below",
        case_format="emn",
        outline="numbered",
        contents="dotted_pages",
        first_page="labelled",
        running_header="pipe",
    ),
    Layout(
        name="edoc-klassisk",
        description='"2. Titel", "Sagsnr.: 2022-11409" og en "Dok.nr."-linje under, hvert punkt på ny side, '
        "lukkede punkter samlet i et lukket referat til sidst",
        heading_size=12,
        numbering="dot",
        case_position="below",
        case_format="year_dash",
        case_label="Sagsnr.:",
        document_number_line=True,
        new_page_per_item=True,
        decision_heading="{body}s beslutning den {date}",
        closed_style="closed_part",
        first_page="fields",
        running_header="stacked",
    ),
    Layout(
        name="underpunkter",
        description='"2.3. Titel (22-011409)" under gruppeoverskrifter "2. Sager til beslutning", sagsnummer i '
        "overskriften, dagsorden uden sidetal forrest, Helvetica",
        font="helvetica",
        heading_size=13,
        numbering="dotted_groups",
        case_position="in_heading",
        case_format="as_is",
        contents="numbers_only",
        contents_title="Dagsorden",
        first_page="meeting_line",
        running_header="footer_only",
    ),
    Layout(
        name="pkt-over",
        description='"Pkt. 4 Titel" i brødtekstens størrelse, journalnummer (KLE) over overskriften, afsnit som '
        '"Indstilling: …" på samme linje, bogmærker uden numre, sagens forløb med tidligere punktnumre',
        font="dejavu-serif",
        heading_size=10,
        numbering="pkt",
        case_position="above",
        case_format="kle",
        case_label="J.nr.",
        outline="titles_only",
        new_page_per_item=True,
        section_style="inline",
        decision_first=True,
        first_page="held_sentence",
        running_header="none",
        history_item_numbers=True,
    ),
    Layout(
        name="word-eksport",
        description='"5. Titel" uden fed skrift og i brødtekstens størrelse, "Sagsnummer: 22/11409" som punktets '
        "sidste linje, forside og indholdsfortegnelse med sidetal, Times",
        font="times",
        heading_size=11,
        heading_bold=False,
        numbering="dot",
        case_position="last_line",
        case_format="slash",
        case_label="Sagsnummer:",
        contents="dotted_pages",
        contents_title="Indhold",
        first_page="cover",
        running_header="footer_only",
        closed_style="marker",
    ),
    Layout(
        name="dagsordenspunkt",
        description='"Dagsordenspunkt 3" på én linje og titlen på den næste, "Sag: SAG-2022-11409", bogmærker med '
        "nummer og titel, beslutningen først, hvert punkt på ny side",
        heading_size=12,
        numbering="dagsordenspunkt",
        case_position="below",
        case_format="sag",
        case_label="Sag:",
        outline="numbered",
        new_page_per_item=True,
        decision_first=True,
        first_page="meeting_line",
        running_header="footer_only",
    ),
    Layout(
        name="sag-nr-tabel",
        description='"Sag nr. 7 – Titel", "Acadre sagsnr. 22/11409" under, indholdsfortegnelse som tabel '
        '(punkt, titel, side), afsnit som overskrifter, lukkede punkter markeret "Lukket punkt"',
        font="dejavu-sans",
        body_size=9.5,
        heading_size=11,
        numbering="sag_nr",
        case_position="below",
        case_format="slash",
        case_label="Acadre sagsnr.",
        contents="table",
        contents_title="Punkter på dagsordenen",
        closed_style="marker",
        first_page="labelled",
        running_header="stacked",
    ),
]


def layout_named(name: str) -> Layout:
    """A layout of ``LAYOUTS`` or of the held-out sets (``eval.render.held_out``, ``held_out_2`` … ``held_out_4``)."""
    # Imported here: these modules import this one.
    from eval.render.held_out import HELD_OUT_LAYOUTS
    from eval.render.held_out_2 import HELD_OUT_2_LAYOUTS
    from eval.render.held_out_3 import HELD_OUT_3_LAYOUTS
    from eval.render.held_out_4 import HELD_OUT_4_LAYOUTS

    known = LAYOUTS + HELD_OUT_LAYOUTS + HELD_OUT_2_LAYOUTS + HELD_OUT_3_LAYOUTS + HELD_OUT_4_LAYOUTS
    for layout in known:
        if layout.name == name:
            return layout
    raise KeyError(f"ukendt layout: {name} (kendte: {', '.join(layout.name for layout in known)})")


def format_case_number(case_number: str, style: CaseFormat) -> str:
    """A Greve case number ("22-011409", "20-055104K") printed the way another system would print it."""
    if style == "as_is" or not case_number:
        return case_number
    match = re.match(r"^(\d{2})-(\d+)", case_number)
    if not match:
        return case_number
    year, serial = int(match.group(1)), match.group(2)
    full_year = 2000 + year
    if style == "emn":
        return f"EMN-{full_year}-{serial.zfill(6)}"
    if style == "sag":
        return f"SAG-{full_year}-{int(serial):05d}"
    if style == "slash":
        return f"{year:02d}/{int(serial)}"
    if style == "year_dash":
        return f"{full_year}-{int(serial)}"
    if style == "year_slash":
        return f"{full_year}/{int(serial)}"
    if style == "compact":
        return f"{year:02d}{int(serial):06d}"
    if style == "slash_padded":
        return f"{year:02d}/{int(serial):05d}"
    if style == "year_seven":
        return f"{full_year}-{int(serial):07d}"
    if style == "region_journal":
        groups = ("01", "15", "16", "30", "31", "36")
        return f"1-{groups[int(serial) % len(groups)]}-{(72, 76, 4, 79)[int(serial) % 4]}-{int(serial)}-{year:02d}"
    # KLE journal number: subject code, handling code, running number, year.
    subjects = ["00.01.00", "27.69.48", "17.02.00", "85.02.02", "00.22.00"]
    subject = subjects[int(serial) % len(subjects)]
    return f"{subject}-{'APG'[int(serial) % 3]}{int(serial) % 30:02d}-{int(serial) % 97 + 1}-{year:02d}"


def danish_date(date: dt.date, weekday: bool = False) -> str:
    text = f"{date.day}. {MONTHS[date.month - 1]} {date.year}"
    return f"{WEEKDAYS[date.weekday()]} d. {text}" if weekday else text
