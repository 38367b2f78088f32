"""Strategies 3 and 4: numbered headings found in the text itself.

Typography: a numbered line set larger or bolder than the body text is a heading. Patterns, the last resort
and the weakest: a numbered line is a heading when a case-number line or a section label follows within a few
lines (or a case number stands right above it). Both keep only headings whose numbers run in order, so a
numbered list inside an item ("1. Udvalget anbefaler …") cannot interleave with the items.
"""

from __future__ import annotations

import bisect

from ingestion.casenumbers import case_line, case_number_in_heading
from ingestion.domain import TextLine
from ingestion.headings import MAX_TITLE_LINES, Anchor, number_key, parse_heading
from ingestion.sections import is_section_label
from ingestion.typography import Typography

# How far below a numbered line its case number or first section label may stand (a title wraps).
ANCHOR_REACH = MAX_TITLE_LINES + 1


def styled_anchors(lines: list[TextLine], typography: Typography, skip: range, confirmed: list[Anchor]) -> list[Anchor]:
    """Numbered lines set in a heading style, with the ``confirmed`` ones (by case number or section label) that
    are not — sub-items in a quieter style than their group ("1 First Agenda" bold, "1.1 Status" not) — in
    increasing number order. Empty when no numbered line stands out."""
    if not typography.known:
        return []
    candidates: list[Anchor] = []
    for index, line in enumerate(lines):
        if index in skip or not typography.is_heading(line):
            continue
        parsed = parse_heading(line.text)
        if parsed and (parsed.title or _styled_title_follows(lines, index, typography)):
            candidates.append(Anchor(index=index, number=parsed.number))
    if not candidates:
        return []
    # Confirmed lines come in only with numbers no styled heading has: "1.1" under a bold "1", never a "3." of an
    # attachment list beside the styled "Pkt. 3.".
    styled_numbers = {number_key(anchor.number) for anchor in candidates}
    quieter = [anchor for anchor in confirmed if number_key(anchor.number) not in styled_numbers]
    merged = sorted(candidates + quieter, key=lambda anchor: anchor.index)
    return increasing(merged)


def _styled_title_follows(lines: list[TextLine], index: int, typography: Typography) -> bool:
    return (
        index + 1 < len(lines) and typography.is_heading(lines[index + 1]) and not parse_heading(lines[index + 1].text)
    )


def pattern_anchors(lines: list[TextLine], skip: range) -> list[Anchor]:
    """Numbered lines confirmed by a case number near them; failing that, by a section label under them."""
    by_case: list[Anchor] = []
    by_label: list[Anchor] = []
    for index, line in enumerate(lines):
        if index in skip:
            continue
        parsed = parse_heading(line.text)
        if not parsed or not (parsed.title or parsed.prefixed):
            continue  # a bare number on its own line is a page number or a table cell, without more to go on
        below = lines[index + 1 : index + 1 + ANCHOR_REACH]
        above = case_line(lines[index - 1].text) if index > 0 else None
        beside = case_number_in_heading(parsed.title)[1] if parsed.title else ""  # "Sag nr. 185  Journal nr.: …"
        if above or beside or any(case_line(other.text) for other in below[:ANCHOR_REACH]):
            by_case.append(Anchor(index=index, number=parsed.number))
        elif parsed.title and below and is_section_label(below[0].text):
            by_label.append(Anchor(index=index, number=parsed.number))
    if by_case:
        return increasing(by_case)
    return increasing(by_label)


def increasing(anchors: list[Anchor]) -> list[Anchor]:
    """The longest run of anchors whose numbers strictly increase (patience sorting, O(n log n))."""
    keys = [number_key(anchor.number) for anchor in anchors]
    tails: list[tuple[int, ...]] = []
    tail_index: list[int] = []
    previous: list[int] = [-1] * len(anchors)
    for position, key in enumerate(keys):
        slot = bisect.bisect_left(tails, key)
        if slot == len(tails):
            tails.append(key)
            tail_index.append(position)
        else:
            tails[slot] = key
            tail_index[slot] = position
        previous[position] = tail_index[slot - 1] if slot > 0 else -1
    result: list[Anchor] = []
    position = tail_index[-1] if tail_index else -1
    while position >= 0:
        result.append(anchors[position])
        position = previous[position]
    return list(reversed(result))
