"""Clean page text: drop running headers and footers, normalise characters, re-join hyphenated words.

Written by hand because no library knows Danish minutes: headers are found as lines that repeat (digits
aside) at the top or bottom of most pages, and a line-end hyphen is removed only when the word was split
by the typesetter, never in "SAG-2021-01234", "KL-sekretariatet" or "børne- og ungeudvalget".
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from typing import TypeVar

from ingestion.casenumbers import labelled_case_number
from ingestion.domain import Line, TextLine
from ingestion.sections import SECTION_NAMES

LineT = TypeVar("LineT", bound=Line)

HEADER_ZONE = 6
FOOTER_ZONE = 3
# A running line that changes from page to page is recognised by this many first words, this long at least.
PREFIX_WORDS = 3
MIN_PREFIX_CHARACTERS = 12
_DIGITS = re.compile(r"\d+")
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
# Page furniture that is recognisable on its own, even in documents too short to show repetition.
_PAGE_NUMBER = re.compile(
    r"^(side\s*\|?\s*\d+(\s*(af|of|/)\s*\d+)?|\d+\s*(af|of|/)\s*\d+|-\s*\d+\s*-|page\s+\d+)$", re.IGNORECASE
)
_CHARACTER_MAP = str.maketrans({"\uf0b7": "•", "\uf02d": "-", "\u00ad": "", "\ufeff": ""})
# Words after "børne- " that show the hyphen is a suspended compound ("børne- og ungeudvalget").
_CONJUNCTIONS = {"og", "eller", "samt", "til", "som", "and", "or", "&"}
# Lower-case prefixes that keep their hyphen in Danish compounds ("it-system", "ikke-planlagte").
_HYPHEN_PREFIXES = {"it", "ikke", "eu", "co", "e", "ex", "non", "ph", "mini", "max", "sms", "pdf"}


def _section_shapes() -> set[str]:
    return {name.casefold() for name in SECTION_NAMES} | {name.casefold() + ":" for name in SECTION_NAMES}


def normalise_text(text: str) -> str:
    """NFC, known private-use glyphs, and runs of spaces folded to one; line breaks kept."""
    text = unicodedata.normalize("NFC", text).translate(_CHARACTER_MAP)
    lines = (_SPACES.sub(" ", line).strip() for line in text.splitlines())
    return "\n".join(lines)


def _shape(line: str) -> str:
    return _DIGITS.sub("#", line.strip().casefold())


_SECTION_SHAPES = _section_shapes()


def _prefix(shape: str) -> str | None:
    """The first words of a line that goes on with something that changes from page to page."""
    words = shape.split()
    return " ".join(words[:PREFIX_WORDS]) if len(words) > PREFIX_WORDS else None


class Furniture:
    """What repeats at the top or bottom of most pages: whole lines, or lines that start the same way and go on
    with what changes ("Referat 09.10.2023 · 3) Title of the item running on this page")."""

    def __init__(self, exact: set[tuple[str, int]], prefixes: set[tuple[str, int]]) -> None:
        self.exact = exact
        self.prefixes = prefixes

    def __contains__(self, key: tuple[str, int]) -> bool:
        shape, position = key
        return key in self.exact or (_prefix(shape), position) in self.prefixes


def find_running_lines(pages: list[list[str]]) -> Furniture:
    """Lines that stand at the same place in the header or footer zone of most pages.

    Positions count from the top (0, 1, ...) or from the bottom (-1, -2, ...).
    """
    if len(pages) < 3:
        return Furniture(set(), set())
    counts: Counter[tuple[str, int]] = Counter()
    prefix_counts: Counter[tuple[str, int]] = Counter()
    texts: dict[tuple[str, int], set[str]] = {}
    for lines in pages:
        zone = {(_shape(line), index): line for index, line in enumerate(lines[:HEADER_ZONE])}
        zone |= {(_shape(line), -index): line for index, line in enumerate(reversed(lines[-FOOTER_ZONE:]), 1)}
        counts.update(zone.keys())
        for key, line in zone.items():
            texts.setdefault(key, set()).add(line)
        prefix_counts.update(
            {(_prefix(_shape(line)), position) for line, position in _edge_lines(lines) if _may_be_furniture(line)}
        )
    threshold = max(3, (len(pages) + 1) // 2)
    # A section heading at the top of most pages is still a heading ("Beslutning" is never furniture), and a case
    # number that changes from page to page ("Sags ID: 2024-0001234" over each item's page) is the item's.
    exact = {
        key
        for key, count in counts.items()
        if count >= threshold
        and key[0] not in _SECTION_SHAPES
        and not _items_starting_pages(texts[key], count)
        and not _case_numbers_of_pages(texts[key])
    }
    prefixes = {
        key
        for key, count in prefix_counts.items()
        if key[0] and len(key[0]) >= MIN_PREFIX_CHARACTERS and count >= threshold and key not in exact
    }
    return Furniture(exact, prefixes)  # type: ignore[arg-type]


def _items_starting_pages(texts: set[str], count: int) -> bool:
    """Headings of items that each start a page ("Dagsordenspunkt 1", "Dagsordenspunkt 2", …) share a shape but
    never repeat; a running line that names the item ("§ 6 (fortsat)" on each page of item 6) does."""
    example = next(iter(texts))
    return not _may_be_furniture(example) and len(texts) >= count


def _case_numbers_of_pages(texts: set[str]) -> bool:
    """Lines of one shape that print different case numbers: each says which case its page is about."""
    return len(texts) > 1 and all(labelled_case_number(text) for text in texts)


def _edge_lines(lines: list[str]) -> list[tuple[str, int]]:
    """The first and the last line of a page with their positions (a running title is one of them)."""
    edges = [(lines[0], 0)] if lines else []
    if len(lines) > 1:
        edges.append((lines[-1], -1))
    return edges


def _may_be_furniture(line: str) -> bool:
    """Not a heading: items that each start a page ("Dagsordenspunkt 3", "Punkt 4: …") share first words too."""
    from ingestion.headings import parse_heading

    return parse_heading(line) is None and line.strip().casefold() not in _SECTION_SHAPES


def _strip_zone(lines: list[TextLine], running: Furniture, from_top: bool) -> tuple[list[TextLine], list[str]]:
    """Remove furniture from one end of a page: running lines at their place, and bare page numbers."""
    zone = HEADER_ZONE if from_top else FOOTER_ZONE
    removed: list[str] = []
    index = 0
    while index < min(zone, len(lines)):
        line = lines[index] if from_top else lines[-1 - index]
        position = index if from_top else -1 - index
        if (_shape(line.text), position) not in running and not _PAGE_NUMBER.match(line.text):
            break
        removed.append(line.text)
        index += 1
    if from_top:
        return lines[index:], removed
    return lines[: len(lines) - index], list(reversed(removed))


def normalise_lines(page: list[TextLine]) -> list[TextLine]:
    """Each line normalised (NFC, known glyphs, spaces); lines left empty are dropped."""
    result = []
    for line in page:
        for text in normalise_text(line.text).split("\n"):
            if text:
                result.append(line if text == line.text else line.model_copy(update={"text": text}))
    return result


def strip_running_lines(raw_pages: list[list[TextLine]]) -> tuple[list[list[TextLine]], list[str]]:
    """Cleaned lines per page, and the header/footer lines removed (in order) for metadata."""
    pages = [normalise_lines(page) for page in raw_pages]
    running = find_running_lines([[line.text for line in page] for page in pages])
    cleaned: list[list[TextLine]] = []
    furniture: list[str] = []
    for lines in pages:
        body, top = _strip_zone(lines, running, from_top=True)
        body, bottom = _strip_zone(body, running, from_top=False)
        cleaned.append(body)
        furniture.extend(top + bottom)
    return cleaned, furniture


def first_page_header(raw_pages: list[list[TextLine]], cleaned: list[list[TextLine]]) -> list[TextLine]:
    """The running lines removed from the top of the first page, as printed there: a layout that repeats the
    meeting's own facts on every page ("Mødested: Mødelokale 1") prints them nowhere else."""
    if not raw_pages or not cleaned:
        return []
    page, kept = normalise_lines(raw_pages[0]), cleaned[0]
    if not kept:
        return []
    start = next((i for i in range(len(page)) if page[i : i + len(kept)] == kept), 0)
    return page[:start]


def _joins_without_hyphen(head: str, tail_word: str, vocabulary: set[str]) -> bool | None:
    """Decide a line-end hyphen: True = typesetter's split, False = real hyphen, None = leave as is."""
    stem = re.search(r"(\w+)-$", head)
    if not stem or not tail_word:
        return None
    prefix = stem.group(1)
    first = tail_word[0]
    if first.isdigit() and prefix[-1].isdigit():
        return False  # a case number or date range split after a hyphen ("SAG-2021-" / "01234")
    if not first.isalpha() or first.isupper():
        return None  # a bullet, a number, or a capitalised word: not a split word
    if tail_word.casefold().strip(".,;:") in _CONJUNCTIONS:
        return None  # "børne- og ungeudvalget"
    if prefix[-1].isdigit() or prefix[-1].isupper() or prefix.casefold() in _HYPHEN_PREFIXES:
        return False  # "KL-sekretariatet", "6-måneders", "it-system"
    core = re.match(r"\w+", tail_word)
    tail_core = core.group(0) if core else tail_word
    # The document itself decides when it writes the word with a hyphen elsewhere and never without.
    hyphenated = f"{prefix}-{tail_core}".casefold() in vocabulary
    return not (hyphenated and f"{prefix}{tail_core}".casefold() not in vocabulary)


def dehyphenate(lines: list[LineT]) -> list[LineT]:
    """Re-join words split over a line end; the joined word stays on the first line's page."""
    vocabulary = {word.casefold() for line in lines for word in re.findall(r"\w+(?:-\w+)*", line.text) if len(word) > 2}
    result = list(lines)
    for index in range(len(result) - 1):
        head = result[index].text
        if not head.endswith("-"):
            continue
        following = result[index + 1]
        words = following.text.split(" ", 1)
        decision = _joins_without_hyphen(head, words[0], vocabulary)
        if decision is None:
            continue
        joined = head[:-1] + words[0] if decision else head + words[0]
        result[index] = result[index].model_copy(update={"text": joined})
        result[index + 1] = following.model_copy(update={"text": words[1] if len(words) > 1 else ""})
    return [line for line in result if line.text]
