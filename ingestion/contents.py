"""Strategy 2: the document's own table of contents ("Indholdsfortegnelse", "Dagsorden", "Punkter på
dagsordenen"), its entries matched to the headings in the body.

Entries have a number and a title, usually a page number at the end after dot leaders, and titles that wrap
over lines; some contents are tables ("Punkt  Titel  Side") and some list the items without pages. The
contents is also what must never be indexed: its span is returned so the preamble can leave it out, and the
entries it marks as closed ("Lukket: …", or under a "Lukket dagsorden" line) close their items.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ingestion.domain import TextLine
from ingestion.headings import (
    NUMBER,
    PART_ENUMERATOR,
    Anchor,
    HeadingText,
    number_key,
    parse_heading,
    printed_title,
    titles_agree,
)

CONTENTS_TITLE = re.compile(
    r"(?i)^(indholdsfortegnelse|indhold|dagsorden|punkter på dagsordenen|dagsordenspunkter|dagsordenens punkter|"
    r"oversigt over punkter|punktoversigt|punktliste|oversigt)\s*:?$"
)
_LEADER_PAGE = re.compile(
    r"^(?P<text>.*?)(?:\s*(?P<leader>\.{2,}|…+|(?:\. ){2,}|_{3,}|\s{2,})\s*|\s+)(?P<page>\d{1,3})$"
)
_TABLE_HEADER = re.compile(r"(?i)^(punkt|pkt\.?|nr\.?)(\s*nr\.?)?(\s+(titel|emne|overskrift|sag))?\s*(side)?$|^side$")
# A contents table whose first column is the page: "Side  Punkt  Sag" over rows "3  1  Godkendelse af dagsorden".
_PAGE_FIRST_HEADER = re.compile(r"(?i)^side\s+(punkt|pkt\.?|nr\.?)(\s+\w+)*$")
_PAGE_FIRST_ROW = re.compile(rf"^(?P<page>\d{{1,3}})\s+(?P<entry>{NUMBER}[.)]?\s+\S.*)$")
# Parts of the agenda inside the contents: "Åbent referat", "Lukket dagsorden", "Lukkede punkter".
_PART = re.compile(
    rf"(?i)^{PART_ENUMERATOR}(åben|åbent|åbne|offentlig|offentlige|lukket|lukkede)\s+"
    r"(referat|dagsorden|punkter|møde|sager|del)$"
)
_CLOSED_PART = re.compile(rf"(?i)^{PART_ENUMERATOR}(lukket|lukkede)\b")
_CLOSED_TITLE = re.compile(r"(?i)^(lukket|fortroligt?)\b")
# Attachments listed under their item in a contents ("Bilag 1. Notat fra Horten", "Bilag: Kort over området").
_ATTACHMENT_ENTRY = re.compile(r"(?i)^bilag\b")
# Where to look for a contents: the first pages only.
SEARCH_PAGES = 3
# Protocols may put their contents at the end: the last pages are searched too.
SEARCH_END_PAGES = 2
# At least this share of the entries must be found as headings in the body.
MIN_MATCHED = 0.6


@dataclass
class _Entry:
    number: str
    title: str
    page: int | None
    lines: list[int] = field(default_factory=list)
    closed: bool = False


@dataclass(frozen=True)
class ContentsReading:
    span: range  # lines of the contents (title and entries): never indexed
    anchors: list[Anchor]
    entries: int
    entry_lines: list[tuple[str, bool, list[int]]]  # per entry: number, marked closed, its lines


def find_contents(lines: list[TextLine]) -> tuple[range, list[_Entry]] | None:
    """The contents' lines and entries, if the first pages have one — or, in a protocol, the last pages."""
    if not lines:
        return None
    first_pages = next((index for index, line in enumerate(lines) if line.page > SEARCH_PAGES), len(lines))
    last_page = lines[-1].page
    last_pages = next(
        (index for index, line in enumerate(lines) if line.page > last_page - SEARCH_END_PAGES), len(lines)
    )
    for region in (range(first_pages), range(max(first_pages, last_pages), len(lines))):
        found = _contents_in(lines, region)
        if found:
            return found
    return None


def _contents_in(lines: list[TextLine], region: range) -> tuple[range, list[_Entry]] | None:
    limit = region.stop + 200
    for start in region:
        if CONTENTS_TITLE.match(lines[start].text.strip()):
            parsed = _entries(lines, start + 1, limit)
            if parsed and parsed[1]:
                return range(start, parsed[0]), parsed[1]
    # No title: a run of dot-leader lines with page numbers is a contents all the same.
    for start in region:
        if _LEADER_PAGE.match(lines[start].text) and parse_heading(lines[start].text):
            parsed = _entries(lines, start, limit)
            if parsed and len(parsed[1]) >= 2 and all(entry.page for entry in parsed[1]):
                return range(start, parsed[0]), parsed[1]
    return None


def _split_page(text: str, titles_only: bool = False) -> tuple[str, int | None]:
    """An entry's text and the page at its end. In a contents whose entries so far had no page (``titles_only``), a
    number after a plain space ends the title, not a page: "Salg af Vestby Main 39", "… efter servicelovens § 107";
    only a leader (dots, a wide gap) then marks a page."""
    match = _LEADER_PAGE.match(text)
    if match and match.group("text").strip() and not (titles_only and match.group("leader") is None):
        return match.group("text").rstrip(" ."), int(match.group("page"))
    return text, None


def _entries(lines: list[TextLine], start: int, limit: int) -> tuple[int, list[_Entry]] | None:
    """Parse entries from ``start``; returns (index after the contents, entries)."""
    entries: list[_Entry] = []
    in_closed_part = False
    index = start
    pending: _Entry | None = None  # an entry whose page number has not come yet (wrapped title)
    with_pages = False
    after_part = False  # numbering may start over in a part ("Lukkede punkter" listing 8 and 12 after 16)
    page_first = False
    while index < min(limit, len(lines)):
        text = lines[index].text.strip()
        if _TABLE_HEADER.match(text) or _PAGE_FIRST_HEADER.match(text):
            page_first = page_first or bool(_PAGE_FIRST_HEADER.match(text))
            index += 1
            continue
        if _ATTACHMENT_ENTRY.match(text) and entries:
            entries[-1].lines.append(index)  # an attachment listed under its item belongs to the entry
            index += 1
            continue
        if _PART.match(text) and not parse_heading(text):
            in_closed_part = bool(_CLOSED_PART.match(text))
            after_part = True
            index += 1
            continue
        body, page = _split_page(text, titles_only=bool(entries) and not with_pages and pending is None)
        row = _PAGE_FIRST_ROW.match(text) if page_first else None
        if row:
            body, page = row.group("entry"), int(row.group("page"))
        heading = parse_heading(body)
        restarts = _restarts(entries, heading, with_pages, page, _page_follows(lines, index)) if heading else False
        if heading and heading.title and restarts and not (after_part and page is not None):
            break  # the body's first heading: numbering starts over, or no page number where entries had one
        after_part = False
        if heading and (heading.title or page is not None or _next_is_title(lines, index)):
            entry = _Entry(heading.number, heading.title, page, [index], in_closed_part)
            entry.closed = entry.closed or bool(_CLOSED_TITLE.match(heading.title))
            entries.append(entry)
            with_pages = with_pages or page is not None
            pending = entry if page is None and with_pages else None
        elif entries and (_continues(entries[-1], body, page, pending) or _entry_follows(lines, index, entries[-1])):
            last = entries[-1]
            last.title = f"{last.title} {body}".strip()
            last.lines.append(index)
            if page is not None:
                last.page = page
                with_pages = True
            last.closed = last.closed or bool(_CLOSED_TITLE.match(last.title))
            pending = last if last.page is None and with_pages else None
        else:
            break
        index += 1
    if not entries:
        return None
    return index, entries


def _next_is_title(lines: list[TextLine], index: int) -> bool:
    return index + 1 < len(lines) and not parse_heading(lines[index + 1].text)


def _entry_follows(lines: list[TextLine], index: int, last: _Entry) -> bool:
    """A wrapped title in a contents without page numbers: the line after it is the next entry."""
    if index + 1 >= len(lines) or len(lines[index].text) > 160:
        return False
    following = parse_heading(lines[index + 1].text)
    return bool(following and following.title) and number_key(following.number) > number_key(last.number)


# A wrapped entry's title may run over this many more lines before its page number.
WRAPPED_LINES = 3


def _page_follows(lines: list[TextLine], index: int) -> bool:
    """One of the next few lines finishes a wrapped entry with its page number ("10. Beslutning om skærpede krav
    til" / "vurdering af egnethed samt om antal" / "leverandører … 20"), and no other entry comes first."""
    for following in lines[index + 1 : index + 1 + WRAPPED_LINES]:
        body, page = _split_page(following.text.strip())
        if parse_heading(body):
            return False
        if page is not None:
            return True
    return False


def _restarts(
    entries: list[_Entry], heading: HeadingText, with_pages: bool, page: int | None, page_follows: bool
) -> bool:
    """The body's first heading, not another entry: numbering starts over, or no page number comes."""
    if not entries:
        return False
    if with_pages and page is None and not page_follows:
        return True
    return number_key(heading.number) <= number_key(entries[-1].number)


def _continues(last: _Entry, body: str, page: int | None, pending: _Entry | None) -> bool:
    """A wrapped title's next line: the entry still waits for its page, or has no title yet."""
    if not body or len(body) > 160:
        return False
    return pending is last or not last.title or (page is not None and last.page is None)


def contents_anchors(lines: list[TextLine]) -> ContentsReading | None:
    found = find_contents(lines)
    if not found:
        return None
    span, entries = found
    entry_lines = [(entry.number, entry.closed, entry.lines) for entry in entries]
    anchors: list[Anchor] = []
    cursor = 0
    for entry in entries:
        position = _match(lines, entry, cursor, span)
        if position is None:
            continue
        anchors.append(Anchor(index=position, number=entry.number, title=entry.title, closed=entry.closed))
        cursor = position + 1
    if len(anchors) < max(1, MIN_MATCHED * len(entries)):
        anchors = []
    return ContentsReading(span=span, anchors=anchors, entries=len(entries), entry_lines=entry_lines)


def _match(lines: list[TextLine], entry: _Entry, cursor: int, contents: range) -> int | None:
    """The first heading after ``cursor``, outside the contents itself, with the entry's number and title."""
    for position in range(cursor, len(lines)):
        if position in contents:
            continue
        parsed = parse_heading(lines[position].text)
        if not parsed or number_key(parsed.number) != number_key(entry.number):
            continue
        printed = printed_title(lines, position, parsed)
        following = " ".join(line.text for line in lines[position + 1 : position + 3])
        if not entry.title or titles_agree(entry.title, printed) or titles_agree(entry.title, f"{printed} {following}"):
            return position
    return None
