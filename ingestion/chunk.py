"""Agenda items → chunks: one per item when it fits, else split at sections, then at sentence-ending lines."""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable
from dataclasses import dataclass, replace

from ingestion.domain import AgendaItem, Chunk, Document, Line, Section

TokenCounter = Callable[[str], int]
_TOKENISH = re.compile(r"\w+|[^\w\s]")


def approximate_tokens(text: str) -> int:
    """A tokenizer-free estimate (XLM-R splits Danish words into ~1.4 pieces); the index uses the real one."""
    return int(len(_TOKENISH.findall(text)) * 1.4) + 1


@dataclass
class _Unit:
    section: str
    lines: list[Line]
    tokens: int
    printed: bool = False  # the section's name is a heading printed in its text (an attachment's)

    def render(self, with_heading: bool) -> str:
        text = "\n".join(line.text for line in self.lines)
        return f"{self.section}\n{text}" if with_heading and self.section and not self.printed else text


def _split_lines(section: str, lines: list[Line], budget: int, count: TokenCounter) -> list[_Unit]:
    """Split a long section into runs of lines under budget, preferring breaks after a full stop."""
    units: list[_Unit] = []
    current: list[Line] = []
    last_sentence_end = -1
    for line in lines:
        current.append(line)
        if line.text.rstrip().endswith((".", ":", "!", "?")):
            last_sentence_end = len(current)
        if count("\n".join(item.text for item in current)) > budget and len(current) > 1:
            cut = last_sentence_end if 0 < last_sentence_end < len(current) else len(current) - 1
            head, current = current[:cut], current[cut:]
            units.append(_Unit(section, head, count("\n".join(item.text for item in head))))
            last_sentence_end = -1
    if current:
        units.append(_Unit(section, current, count("\n".join(item.text for item in current))))
    return units


def chunk_item(
    document: Document, item: AgendaItem, item_index: int, max_tokens: int, count: TokenCounter
) -> list[Chunk]:
    probe = _make_chunk(document, item, item_index, 0, [], "")
    budget = max(64, max_tokens - count(probe.context_header()) - 8)
    units: list[_Unit] = []
    for section in item.sections:
        if not section.lines:
            continue
        tokens = count(section.name + "\n" + section.text)
        printed = bool(section.name) and _printed_heading(section) == section.name
        if tokens <= budget:
            units.append(_Unit(section.name, list(section.lines), tokens, printed))
        else:
            split = _split_lines(section.name, list(section.lines), budget, count)
            units.extend(replace(unit, printed=printed) for unit in split)
    groups: list[list[_Unit]] = []
    total = 0
    for unit in units:
        if groups and total + unit.tokens <= budget:
            groups[-1].append(unit)
            total += unit.tokens
        else:
            groups.append([unit])
            total = unit.tokens
    chunks = []
    for position, group in enumerate(groups):
        text_parts = []
        for index, unit in enumerate(group):
            # A section's name is a heading only where the section starts, not where a split continues it.
            continues = index == 0 and position > 0 and groups[position - 1][-1].section == unit.section
            text_parts.append(unit.render(with_heading=not continues))
        # A printed heading is read in the text; a long one would not fit in the context header as well.
        names = list(dict.fromkeys(unit.section for unit in group if unit.section and not unit.printed))
        pages = sorted({line.page for unit in group for line in unit.lines})
        chunks.append(_make_chunk(document, item, item_index, position, pages, "\n".join(text_parts), names))
    return chunks


def _make_chunk(
    document: Document,
    item: AgendaItem,
    item_index: int,
    position: int,
    pages: list[int],
    text: str,
    sections: list[str] | None = None,
) -> Chunk:
    return Chunk(
        id=f"{document.id[:20]}-{item_index:03d}-{position:03d}",
        text=text,
        document_id=document.id,
        file_name=document.file_name,
        body=document.body,
        meeting_date=document.meeting_date,
        item_number=item.number,
        item_title=item.title,
        kind=item.kind,
        case_number=item.case_number,
        section=", ".join(sections or []),
        pages=pages,
        position=position,
        ocr=document.is_ocr(pages),
    )


def chunk_document(document: Document, max_tokens: int = 350, count: TokenCounter = approximate_tokens) -> list[Chunk]:
    """All chunks of a document's open agenda items, in reading order."""
    return [
        chunk
        for item_index, item in enumerate(document.items)
        for chunk in chunk_item(document, item, item_index, max_tokens, count)
    ]


def _printed_heading(section: Section) -> str:
    """The heading printed at the top of a section's text, if any (an attachment's sections are named by it)."""
    lines = itertools.takewhile(lambda line: line.heading, section.lines)
    return " ".join(" ".join(line.text for line in lines).split())
