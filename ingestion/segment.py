"""Headings → agenda items: each item's text runs from its heading to the next, split into sections.

Whatever found the headings, the same rules then apply: a heading that only groups the items under it
("2. Sager til beslutning" before "2.1", "3. Udpegninger" alone on a page) is a group, not an item; closed items
("Lukket punkt: …", a "Lukket" marker under the heading, everything in a "Lukket referat" part, or what the
outline or contents put under "Lukket") are counted and dropped with every line of them; a case number printed
as an item's last line belongs to that item; the signature page ends the items.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ingestion.casenumbers import labelled_case_number
from ingestion.domain import AgendaItem, TextLine
from ingestion.headings import PART_ENUMERATOR, Heading, closed_marker, parse_heading
from ingestion.sections import split_sections

END_OF_ITEMS = re.compile(r"(?i)^(underskriftsside|underskrifter|mødet hævet.*|mødet sluttede.*)$")
CLOSED_PART = re.compile(
    rf"(?i)^{PART_ENUMERATOR}(lukket referat|lukket møde|lukkede punkter|lukket dagsorden|lukket del|lukkede sager|"
    r"lukket punktliste)$"
)
# A closed item says so in its title ("Lukket punkt: …", "Lukket: …", "… (lukket)"). A body sentence that merely
# starts with "Lukket" ("Lukket vej ved skolen …") does not close an item: that would silently drop open text.
CLOSED_TITLE = re.compile(r"(?i)^(lukket punkt|lukket sag|lukket|fortroligt)\s*[:.\-–]|\(lukket\)|^lukket punkt\b")
_KIND = re.compile(r"^(?P<kind>[A-ZÆØÅ][a-zæøå]*(?:sag|drøftelse|orientering|meddelelse|punkt)):\s*(?P<title>\S.*)$")
# Closed-item marker lines are looked for this far into an item's text.
MARKER_REACH = 3


@dataclass(frozen=True)
class Segmentation:
    preamble: list[int]  # indices of the lines before the first item and after the last (signatures)
    items: list[AgendaItem]
    closed_item_count: int
    closed_lines: frozenset[int]  # indices of the lines of closed items
    closed_numbers: frozenset[str] = frozenset()
    closed_titles: tuple[str, ...] = ()


def _split_kind(title: str) -> tuple[str, str]:
    match = _KIND.match(title)
    if match:
        return match.group("kind"), match.group("title").strip()
    return "", title


def _is_group(headings: list[Heading], position: int, body: list[TextLine], dotted: bool) -> bool:
    """A heading with no text of its own that heads the items after it."""
    if body:
        return False
    heading = headings[position]
    following = headings[position + 1] if position + 1 < len(headings) else None
    if following and following.number.startswith(heading.number + "."):
        return True
    return dotted and "." not in heading.number


def _group_heading_in_body(lines: list[TextLine], index: int, major: int, next_heading: Heading | None) -> bool:
    """A group heading between items that no strategy reported: "3. Udpegninger" at the top of a page, or
    "2 GetOrganized" right before item 2.1."""
    parsed = parse_heading(lines[index].text)
    if not parsed or "." in parsed.number or int(parsed.number) <= major:
        return False
    top_of_page = index == 0 or lines[index - 1].page != lines[index].page
    right_before_next = next_heading is not None and next_heading.start == index + 1
    if right_before_next:
        return next_heading.number.split(".")[0] == parsed.number or top_of_page  # type: ignore[union-attr]
    return top_of_page and lines[index].text.rstrip()[-1:] not in ".:,;"


def segment(lines: list[TextLine], headings: list[Heading]) -> Segmentation:
    """Split a meeting's lines at its headings into open agenda items; closed items are counted and dropped."""
    if not headings:
        return Segmentation(preamble=list(range(len(lines))), items=[], closed_item_count=0, closed_lines=frozenset())
    dotted = any("." in heading.number for heading in headings)
    closed_lines: set[int] = set()
    closed_numbers: set[str] = set()
    closed_titles: list[str] = []
    items: list[AgendaItem] = []
    closed = 0
    in_closed_part = False
    group = ""
    trailing: list[int] = []
    preamble = list(range(headings[0].start))
    for position, heading in enumerate(headings):
        following = headings[position + 1] if position + 1 < len(headings) else None
        next_start = following.start if following else len(lines)
        major = int(heading.number.split(".")[0]) if heading.number else 0
        end = heading.body_start
        next_group = ""
        part_closes = False
        while end < next_start:
            text = lines[end].text
            if CLOSED_PART.match(text.strip()):
                part_closes = True
                break
            if END_OF_ITEMS.match(text.strip()):
                trailing.extend(range(end, next_start))
                break
            if dotted and _group_heading_in_body(lines, end, major, following):
                next_group = text
                break
            end += 1
        body = list(lines[heading.body_start : end])
        if _is_group(headings, position, body, dotted) and not heading.closed:
            group = " ".join(line.text for line in lines[heading.start : heading.body_start])
            in_closed_part = in_closed_part or part_closes
            continue
        case_number = heading.case_number
        if not case_number:
            case_number, body = _case_number_at_end(body)
        kind, title = _split_kind(heading.title)
        kind = kind or (heading.kind if not closed_marker(heading.kind) else "")
        is_closed = (
            heading.closed
            or in_closed_part
            or bool(CLOSED_TITLE.search(heading.title))
            or any(closed_marker(line.text) for line in body[:MARKER_REACH])
        )
        if is_closed:
            closed += 1
            closed_lines.update(range(heading.start, end))
            closed_numbers.add(heading.number)
            closed_titles.append(CLOSED_TITLE.sub("", title).strip(" :.-–"))
        else:
            heading_page = lines[heading.start].page
            items.append(
                AgendaItem(
                    number=heading.number,
                    title=title,
                    kind=kind,
                    case_number=case_number,
                    sections=split_sections([line.plain() for line in body]),
                    first_page=heading_page,
                    last_page=max([heading_page] + [line.page for line in body]),
                    # An undotted item among dotted ones ("3 Eventuelt") is its own group.
                    group=group if "." in heading.number or not dotted else "",
                )
            )
        if next_group:
            group = next_group
            for later in range(end + 1, next_start):
                if _group_heading_in_body(lines, later, major, following):
                    group = lines[later].text
        in_closed_part = in_closed_part or part_closes
    return Segmentation(
        preamble=preamble + trailing,
        items=items,
        closed_item_count=closed,
        closed_lines=frozenset(closed_lines),
        closed_numbers=frozenset(closed_numbers),
        closed_titles=tuple(closed_titles),
    )


def _case_number_at_end(body: list[TextLine]) -> tuple[str, list[TextLine]]:
    """A labelled case number printed as the item's last line ("Sagsnummer: 22/11409")."""
    for back in (1, 2):
        if len(body) >= back:
            found = labelled_case_number(body[-back].text)
            if found and len(body[-back].text) <= 80:
                return found, body[: len(body) - back] + body[len(body) - back + 1 :]
    return "", body
