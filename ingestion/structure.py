"""Where a document's agenda items begin, read from the structure it carries, in order of trust.

1. the PDF outline (bookmarks), 2. the document's own table of contents, 3. typography (numbered headings set
larger or bolder than body text), 4. patterns (a numbered line confirmed by a case number or a section label).
The first that yields headings a minutes document would have wins; what was tried and why it was passed over is
kept as Danish warnings, so ``referat inspect`` can show how a document was read.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ingestion.casenumbers import case_line
from ingestion.contents import contents_anchors
from ingestion.domain import OutlineEntry, Strategy, TextLine
from ingestion.headings import Anchor, Heading, read_heading
from ingestion.outline import outline_anchors
from ingestion.patterns import pattern_anchors, styled_anchors
from ingestion.sections import is_item_section
from ingestion.typography import Typography, measure

_MINUTES_WORDS = re.compile(r"(?i)\b(referat|dagsorden|beslutningsprotokol|mødereferat|protokol|mødet?)\b")
# Share of items that must carry a section label (Beslutning, Indstilling, …) when none has a case number and
# the first page does not call the document minutes.
MIN_SECTION_SHARE = 0.3

STRATEGY_NAMES: dict[Strategy, str] = {
    "outline": "bogmærker (PDF'ens disposition)",
    "contents": "indholdsfortegnelsen",
    "typography": "typografi (nummererede overskrifter sat større eller federe)",
    "patterns": "mønstre (nummererede linjer bekræftet af sagsnummer eller afsnitsoverskrift)",
    "none": "ingen struktur fundet",
}


@dataclass(frozen=True)
class Structure:
    strategy: Strategy
    headings: list[Heading]
    typography: Typography
    contents: range = range(0)
    contents_entries: list[tuple[str, bool, list[int]]] = field(default_factory=list)

    def contents_lines_of(self, closed_numbers: set[str]) -> set[int]:
        """The contents lines that name closed items: marked closed there, or found closed in the text."""
        return {
            line
            for number, closed, lines in self.contents_entries
            if closed or number in closed_numbers
            for line in lines
        }

    warnings: list[str] = field(default_factory=list)


def read_structure(lines: list[TextLine], outline: list[OutlineEntry]) -> Structure:
    typography = measure(lines)
    contents = contents_anchors(lines)
    span = contents.span if contents else range(0)
    entries = contents.entry_lines if contents else []
    warnings: list[str] = []
    first_page = " ".join(line.text for line in lines[:40] if line.page == lines[0].page) if lines else ""

    def accept(strategy: Strategy, anchors: list[Anchor]) -> Structure | None:
        headings = _headings(lines, anchors, typography, span)
        if headings and _looks_like_minutes(lines, headings, first_page):
            return Structure(strategy, headings, typography, span, entries, warnings)
        return None

    if outline:
        reading = outline_anchors(lines, outline, span)
        if reading and reading.anchors:
            found = accept("outline", reading.anchors)
            if found:
                if reading.located < reading.candidates:
                    warnings.append(
                        f"{reading.candidates - reading.located} af {reading.candidates} bogmærker kunne ikke findes "
                        "i teksten og er sprunget over."
                    )
                return found
        if reading:
            warnings.append(
                f"PDF'en har bogmærker, men de passer ikke med dagsordenspunkter i teksten "
                f"({reading.located if reading else 0} af {reading.candidates if reading else 0} fundet); "
                "læst på anden måde."
            )
    if contents:
        found = accept("contents", contents.anchors) if contents.anchors else None
        if found:
            return found
        warnings.append(
            f"Indholdsfortegnelsen ({contents.entries} linjer) passer ikke med overskrifterne i teksten; "
            "læst på anden måde."
        )
    patterns = pattern_anchors(lines, span)
    for strategy, anchors in (
        ("typography", styled_anchors(lines, typography, span, patterns)),
        ("patterns", patterns),
    ):
        found = accept(strategy, anchors) if anchors else None  # type: ignore[arg-type]
        if found:
            if strategy == "patterns":
                warnings.append(
                    "Punkterne er fundet ud fra mønstre (nummer + sagsnummer eller afsnit), ikke ud fra "
                    "dokumentets egen struktur: tjek dem med 'referat inspect'."
                )
            return found
    warnings.append(
        "Fandt ingen dagsordenspunkter: hverken bogmærker, indholdsfortegnelse, nummererede overskrifter eller "
        "sagsnumre viste punkter. Dokumentet er indekseret som ét stykke tekst (bilag eller ukendt opbygning)."
    )
    return Structure("none", [], typography, span, entries, warnings)


def _headings(lines: list[TextLine], anchors: list[Anchor], typography: Typography, skip: range) -> list[Heading]:
    anchors = [anchor for anchor in anchors if anchor.index not in skip]
    if not anchors:
        return []
    # Does this document print the case number above the heading? Decided once, by the first item: between two
    # items a case line could close the one above ("… Sagsnummer: 22/11409") as well as open the one below.
    first = anchors[0].index
    case_above = first > 0 and first - 1 not in skip and bool(case_line(lines[first - 1].text))
    headings: list[Heading] = []
    for anchor in anchors:
        heading = read_heading(lines, anchor, typography, case_above=case_above)
        if heading is None:
            continue
        if headings and heading.start < headings[-1].body_start:
            continue  # overlaps the previous heading: keep the first reading
        headings.append(heading)
    return headings


def _looks_like_minutes(lines: list[TextLine], headings: list[Heading], first_page: str) -> bool:
    """Headings of agenda items, not the chapters of a report: case numbers, item sections, or a first page
    that calls the document minutes."""
    if any(heading.case_number for heading in headings):
        return True
    starts = [heading.start for heading in headings] + [len(lines)]
    with_sections = sum(
        any(is_item_section(line.text) for line in lines[heading.body_start : min(next_start, heading.body_start + 80)])
        for heading, next_start in zip(headings, starts[1:], strict=False)
    )
    if with_sections >= max(1, MIN_SECTION_SHARE * len(headings)):
        return True
    return bool(_MINUTES_WORDS.search(first_page)) and with_sections > 0
