"""Strategy 1, the most trusted: the PDF's own outline (bookmarks), one entry per agenda item.

An outline also holds entries that are not items — a cover, the contents, parts ("Åbne punkter", "Lukket
referat") that group items, attachments under an item — so the entries that are items are chosen by what they
are, then each is located on the page it points to: the bookmark says where, the heading in the text says
exactly which line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ingestion.domain import OutlineEntry, TextLine
from ingestion.headings import PART_ENUMERATOR, Anchor, number_key, parse_heading, printed_title, titles_agree

_ATTACHMENT = re.compile(r"(?i)^(bilag\b|bilag\s*\d|.*\.(pdf|docx?|xlsx?|pptx?|msg|txt)$)")
_FRONT_MATTER = re.compile(r"(?i)^(forside|indholdsfortegnelse|indhold|dagsorden|deltagere|mødedeltagere)$")
_PART = re.compile(
    rf"(?i)^{PART_ENUMERATOR}(åben|åbne|åbent|offentlige?|lukket|lukkede)\s+(punkter|dagsorden|referat|sager|møde|del)\b"
)
_CLOSED_PART = re.compile(rf"(?i)^{PART_ENUMERATOR}(lukket|lukkede)\b")
# At least this share of the item-like bookmarks must be found in the text for the outline to be used.
MIN_LOCATED = 0.6


@dataclass(frozen=True)
class OutlineReading:
    anchors: list[Anchor]
    candidates: int  # item-like bookmarks
    located: int


def outline_anchors(lines: list[TextLine], outline: list[OutlineEntry], skip: range) -> OutlineReading | None:
    """Anchors for the item-like bookmarks that could be found in the text; None when there are none.

    A bookmark under an item found in the text (an attachment, a section) is not an item of its own unless its
    number extends the item's ("2. Sager til beslutning" > "2.1 …": the parent is a group).
    """
    has_children = {entry.parent for entry in outline if entry.parent is not None}
    candidates: list[tuple[int, OutlineEntry, bool]] = []
    closed_from_here = False
    for index, entry in enumerate(outline):
        if entry.page <= 0 or not entry.title or _ATTACHMENT.match(entry.title) or _FRONT_MATTER.match(entry.title):
            continue
        if _PART.match(entry.title) or _heads_numbered_items(outline, index):
            # A part bookmark with no children opens a part: everything after it belongs to it.
            closed_from_here = bool(_CLOSED_PART.match(entry.title)) if index not in has_children else closed_from_here
            continue
        candidates.append((index, entry, closed_from_here or _under_closed_part(outline, entry)))
    if not candidates:
        return None
    pages: dict[int, list[int]] = {}
    for position, line in enumerate(lines):
        pages.setdefault(line.page, []).append(position)
    located: dict[int, Anchor] = {}
    after = -1
    for index, entry, closed in candidates:
        if _inside_located_item(outline, index, located):
            continue
        position = _locate(lines, pages, entry, after=after, skip=skip)
        if position is None:
            continue
        parsed = parse_heading(entry.title)
        located[index] = Anchor(
            index=position,
            number=parsed.number if parsed else "",
            title=parsed.title if parsed and parsed.title else entry.title,
            closed=closed,
        )
        after = position
    item_level = [index for index, _, _ in candidates if not _inside_located_item(outline, index, located)]
    anchors = [located[index] for index in item_level if index in located]
    if len(anchors) < max(1, MIN_LOCATED * len(item_level)):
        return OutlineReading(anchors=[], candidates=len(item_level), located=len(anchors))
    return OutlineReading(anchors=anchors, candidates=len(item_level), located=len(anchors))


def _heads_numbered_items(outline: list[OutlineEntry], index: int) -> bool:
    """An unnumbered bookmark over numbered ones ("Tillægsdagsorden" > "20. …", "21. …") is a part of the
    agenda, not an item."""
    if parse_heading(outline[index].title):
        return False
    children = [entry for entry in outline if entry.parent == index]
    return any((parsed := parse_heading(child.title)) is not None and parsed.title for child in children)


def _inside_located_item(outline: list[OutlineEntry], index: int, located: dict[int, Anchor]) -> bool:
    """Under a bookmark already found in the text, without a number that extends that bookmark's."""
    parent = outline[index].parent
    while parent is not None:
        if parent in located:
            own = parse_heading(outline[index].title)
            above = located[parent].number
            return not (own and above and own.number.startswith(above + "."))
        parent = outline[parent].parent
    return False


def _under_closed_part(outline: list[OutlineEntry], entry: OutlineEntry) -> bool:
    parent = entry.parent
    while parent is not None:
        if _CLOSED_PART.match(outline[parent].title):
            return True
        parent = outline[parent].parent
    return False


def _locate(
    lines: list[TextLine], pages: dict[int, list[int]], entry: OutlineEntry, after: int, skip: range
) -> int | None:
    """The line on the bookmark's page (or the next) where the entry's heading begins."""
    parsed = parse_heading(entry.title)
    title = parsed.title if parsed and parsed.title else entry.title
    number = parsed.number if parsed else ""
    for page in (entry.page, entry.page + 1):
        for position in pages.get(page, []):
            if position <= after or position in skip:
                continue  # the contents on the same page names the item too
            if _heading_matches(lines, position, number, title):
                return position
    return None


def _heading_matches(lines: list[TextLine], position: int, number: str, title: str) -> bool:
    parsed = parse_heading(lines[position].text)
    if parsed:
        if number and number_key(parsed.number) != number_key(number):
            return False
        printed = printed_title(lines, position, parsed)  # "Dagsordenspunkt 3" / title on the next line
        following = " ".join(line.text for line in lines[position + 1 : position + 3])
        return titles_agree(title, printed) or titles_agree(title, f"{printed} {following}")
    if number:
        return False
    following = " ".join(line.text for line in lines[position : position + 3])
    return titles_agree(title, following)
