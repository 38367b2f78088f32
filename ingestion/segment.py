"""Find the agenda items of a meeting in its cleaned lines.

An item heading is a numbered line ("2.5. Beslutningssag: Title", "2. Title", "715. Title"), possibly
wrapped over a few lines, that is followed by the layout's case-number line. That anchor is what tells a
heading from a numbered list inside an item ("1. Temadrøftelser") or a table-of-contents entry.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ingestion.domain import AgendaItem, Line, Section
from ingestion.layouts import Layout, case_number

MAX_TITLE_LINES = 3
_HEADING = re.compile(r"^(?P<number>\d{1,4}(?:\.\d{1,3})*)\.?\s+(?P<title>\S.*)$")
_GROUP = re.compile(r"^(?P<number>\d{1,3})\.\s+(?P<title>\S.*)$")
_GROUP_LOOSE = re.compile(r"^(?P<number>\d{1,3})\s+(?P<title>\S.*)$")
# "Referat: Alle skal have indhold." — a section label with the section's first words on the same line.
_INLINE_LABEL = re.compile(r"^(?P<name>[A-ZÆØÅ][a-zæøå]+)\s*:\s*(?P<rest>.*)$")
INLINE_ONLY_LABELS = {"oplæg": "Oplæg", "referat": "Referat", "opfølgning": "Opfølgning", "konklusion": "Konklusion"}
_KIND = re.compile(r"^(?P<kind>[A-ZÆØÅ][a-zæøå]*(?:sag|drøftelse|orientering|meddelelse|punkt)):\s*(?P<title>\S.*)$")
SECTION_NAMES = {
    name.casefold(): name
    for name in [
        "Baggrund",
        "Indstilling",
        "Sagsfremstilling",
        "Supplerende sagsfremstilling",
        "Beslutning",
        "Sammendrag",
        "Resumé",
        "Resume",
        "Sagsbeskrivelse",
        "Sagsprocedure",
        "Sagens forløb",
        "Økonomiske konsekvenser og finansiering",
        "Økonomiske konsekvenser",
        "Økonomi og organisatoriske konsekvenser",
        "Økonomi",
        "Bilag",
        "Beslutningen træffes af",
        "Høring",
        "Lovgrundlag",
        "Retsgrundlag",
        "Kommunikation",
        "Videre proces",
        "Miljøvurdering",
        "Bemærkninger",
    ]
}
# "Sundheds- og Forebyggelsesudvalgets beslutning den 04.12.2012 Punkt 2",
# "Beslutning i Udvalget for plan, udvikling og kultur (PUK) den 20-06-2013"
_DECISION_HEADING = re.compile(r"(?i)^(?:\S.*s beslutning (?:den|d\.)\s.*|beslutning i \S.* den \d.*)$")
END_OF_ITEMS = re.compile(r"(?i)^(underskriftsside|underskrifter|mødet hævet.*)$")
CLOSED_PART = re.compile(r"(?i)^(lukket referat|lukket møde|lukkede punkter|lukket dagsorden)$")
# A closed item says so in its title ("Lukket punkt: …", "Lukket: …", "… (lukket)") or in a marker line of
# its own at the top of its body ("Lukket punkt", "Fortroligt"). A body sentence that merely starts with
# "Lukket" ("Lukket vej ved skolen …") does not close an item: that would silently drop open text.
CLOSED_TITLE = re.compile(r"(?i)^(lukket punkt|lukket sag|lukket|fortroligt)\s*[:.\-–]|\(lukket\)|^lukket punkt\b")
CLOSED_MARKER = re.compile(r"(?i)^(lukket punkt|lukket sag|lukket|fortroligt|fortrolig)\s*[:.]?$")
DECISION_SECTION = "Beslutning"


@dataclass(frozen=True)
class _Heading:
    start: int  # index of the numbered line
    body_start: int  # index of the first line after the case-number line
    number: str
    title: str
    case_number: str


def _section_name(text: str) -> str | None:
    return SECTION_NAMES.get(text.strip().rstrip(":").casefold())


def _starts_heading(text: str) -> bool:
    """A numbered line that could begin another item; a wrapped title may start with a year ("2021 EHSJ")."""
    match = _HEADING.match(text)
    return bool(match) and not re.fullmatch(r"(19|20)\d\d", match.group("number"))


def _find_headings(lines: list[Line], layout: Layout) -> list[_Heading]:
    headings: list[_Heading] = []
    index = 0
    while index < len(lines):
        match = _HEADING.match(lines[index].text)
        found = None
        if match:
            title_parts = [match.group("title")]
            for offset in range(1, MAX_TITLE_LINES + 2):
                if index + offset >= len(lines):
                    break
                candidate = lines[index + offset].text
                case = layout.case_line.match(candidate)
                if case:
                    found = _Heading(
                        start=index,
                        body_start=index + offset + 1,
                        number=match.group("number"),
                        title=" ".join(title_parts),
                        case_number=case_number(case),
                    )
                    break
                if (
                    layout.anchor is not None
                    and layout.anchor.match(candidate)
                    and len(title_parts) <= 2
                    and not re.fullmatch(r"(19|20)\d\d", match.group("number"))  # "2016 og derefter …"
                ):
                    # Layouts without case numbers (FirstAgenda): the first section label confirms the heading
                    # and stays part of the item's body.
                    found = _Heading(
                        start=index,
                        body_start=index + offset,
                        number=match.group("number"),
                        title=" ".join(title_parts),
                        case_number="",
                    )
                    break
                if _section_name(candidate) or _starts_heading(candidate) or offset > MAX_TITLE_LINES:
                    break
                title_parts.append(candidate)
        if found:
            headings.append(found)
            index = found.body_start
        else:
            index += 1
    return headings


def _is_group_heading(lines: list[Line], index: int, current_major: int, next_start: int | None) -> bool:
    """A section-only heading between dotted items: "3. Udpegninger" at the top of a page or right before an
    item, or "2 GetOrganized" (no dot, FirstAgenda) right before item 2.1."""
    text = lines[index].text
    match = _GROUP.match(text)
    if match and int(match.group("number")) > current_major:
        top_of_page = index == 0 or lines[index - 1].page != lines[index].page
        return top_of_page or next_start == index + 1
    return _opens_group(lines, index, next_start) and int(text.split()[0]) > current_major


def _opens_group(lines: list[Line], index: int, next_start: int | None) -> bool:
    """ "2 GetOrganized" directly followed by the heading of item 2.1."""
    loose = _GROUP_LOOSE.match(lines[index].text)
    if not loose or next_start != index + 1 or next_start >= len(lines):
        return False
    following = _HEADING.match(lines[next_start].text)
    return bool(following) and following.group("number").split(".")[0] == loose.group("number")


def _sections(lines: list[Line]) -> list[Section]:
    sections: list[Section] = []
    name, collected = "", []
    for line in lines:
        heading = _section_name(line.text)
        decision = _DECISION_HEADING.match(line.text)
        inline = _INLINE_LABEL.match(line.text) if not (heading or decision) else None
        label = None
        if inline:
            label = SECTION_NAMES.get(inline.group("name").casefold()) or INLINE_ONLY_LABELS.get(
                inline.group("name").casefold()
            )
        if heading or decision or label:
            if collected:
                sections.append(Section(name=name, lines=collected))
            name = DECISION_SECTION if decision else heading or label or ""
            # A dated decision heading says who decided when: it stays part of the text.
            collected = [line] if decision else []
            if label and inline and inline.group("rest"):
                collected = [Line(text=inline.group("rest"), page=line.page)]
        else:
            collected.append(line)
    if collected:
        sections.append(Section(name=name, lines=collected))
    return sections


def _split_kind(title: str) -> tuple[str, str]:
    match = _KIND.match(title)
    if match:
        return match.group("kind"), match.group("title").strip()
    return "", title


@dataclass(frozen=True)
class Segmentation:
    preamble: list[Line]
    items: list[AgendaItem]
    closed_item_count: int
    closed_lines: frozenset[int] = frozenset()  # indices of lines belonging to closed items


def segment(lines: list[Line], layout: Layout) -> Segmentation:
    """Split a meeting's lines into its open agenda items; closed items are counted and dropped."""
    headings = _find_headings(lines, layout)
    if not headings:
        return Segmentation(preamble=list(lines), items=[], closed_item_count=0)
    closed_lines: set[int] = set()
    dotted = any("." in heading.number for heading in headings)
    starts = [heading.start for heading in headings]
    items: list[AgendaItem] = []
    closed = 0
    in_closed_part = False
    group = ""
    preamble = list(lines[: headings[0].start])
    if (
        dotted
        and preamble
        and (_GROUP.match(preamble[-1].text) or _opens_group(lines, headings[0].start - 1, headings[0].start))
    ):
        # A group heading right before the first item ("1. Godkendelse af dagsorden og referat").
        group = preamble.pop().text
    trailing: list[Line] = []
    for position, heading in enumerate(headings):
        next_start = starts[position + 1] if position + 1 < len(headings) else len(lines)
        major = int(heading.number.split(".")[0])
        end = heading.body_start
        next_group = ""
        part_closes = False
        while end < next_start:
            text = lines[end].text
            if CLOSED_PART.match(text):
                part_closes = True
                break
            if END_OF_ITEMS.match(text):
                trailing.extend(lines[end:next_start])
                break
            if dotted and _is_group_heading(lines, end, major, next_start):
                next_group = text
                break
            end += 1
        body = lines[heading.body_start : end]
        kind, title = _split_kind(heading.title)
        is_closed = (
            in_closed_part
            or bool(CLOSED_TITLE.search(heading.title))
            or any(CLOSED_MARKER.match(line.text) for line in body[:3])
        )
        if is_closed:
            closed += 1
            closed_lines.update(range(heading.start, end))
        else:
            last_page = max([lines[heading.start].page] + [line.page for line in body])
            items.append(
                AgendaItem(
                    number=heading.number,
                    title=title,
                    kind=kind,
                    case_number=heading.case_number,
                    sections=_sections(body),
                    first_page=lines[heading.start].page,
                    last_page=last_page,
                    # An undotted item among dotted ones ("3 Eventuelt") is its own group.
                    group=group if "." in heading.number or not dotted else "",
                )
            )
        # Lines between a group heading and the next item (e.g. empty "3. Udpegninger" pages) are headings.
        if next_group:
            group = next_group
            for later in range(end + 1, next_start):
                if _is_group_heading(lines, later, major, next_start) or _GROUP.match(lines[later].text):
                    group = lines[later].text
        in_closed_part = in_closed_part or part_closes
    return Segmentation(
        preamble=preamble + trailing, items=items, closed_item_count=closed, closed_lines=frozenset(closed_lines)
    )
