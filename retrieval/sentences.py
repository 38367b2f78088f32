"""Split an agenda item's sections into sentences that remember the pages they stand on.

Written by hand: general sentence splitters break Danish minutes at "kr.", "bl.a.", "pct." and "jf.", and
none keeps track of PDF pages, which a citation must name exactly.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

from ingestion.domain import AgendaItem, Line
from ingestion.sections import ATTENDANCE_LABELS

ABBREVIATIONS = {
    "adm",
    "afd",
    "ang",
    "apr",
    "aug",
    "bilag nr",
    "bl",
    "bl.a",
    "ca",
    "d",
    "dec",
    "ds",
    "dvs",
    "ekskl",
    "ekstraord",
    "etc",
    "evt",
    "f.eks",
    "feb",
    "fx",
    "gl",
    "hhv",
    "ift",
    "iht",
    "inkl",
    "jan",
    "jf",
    "jfr",
    "jul",
    "jun",
    "jvf",
    "kl",
    "kr",
    "m",
    "m.fl",
    "m.v",
    "maks",
    "mar",
    "mfl",
    "mht",
    "mia",
    "min",
    "mio",
    "ml",
    "mm",
    "mv",
    "nov",
    "nr",
    "nuv",
    "o.l",
    "obs",
    "okt",
    "osv",
    "pct",
    "pga",
    "pkt",
    "pr",
    "ref",
    "resp",
    "s",
    "sa",
    "sep",
    "sept",
    "st",
    "stk",
    "t",
    "tidl",
    "tlf",
    "udv",
    "vedr",
    "vs",
}
_BULLET = re.compile(r"^(?:[–•\-*]|[a-zA-Z]\)|[A-Z]\)|\d{1,2}\.)\s+")
# A name's middle initial: a capitalised word, then one capital letter and its period ("Christina G.").
_INITIAL = re.compile(r"\b[A-ZÆØÅ][a-zæøå]+ [A-ZÆØÅ]\.$")
_BOUNDARY = re.compile(r"(?<=[.!?:])\s+(?=[\"“”»(]?[A-ZÆØÅ0-9])")
MAX_SENTENCE_CHARACTERS = 600
MIN_ROWS = 4
# A bulleted entry whose text up to its colon is this short is a term or a date with its value after the colon.
MAX_ENTRY_LABEL = 40
# A line that opens with a short label ("Fraværende: Maria Hansen", "Sted: Mødelokale 1") starts a sentence: the
# label belongs to its value, not to the end of the line before it.
LABEL = re.compile(r"^[A-ZÆØÅ][\wæøåÆØÅ./()-]*(?:\s[\wæøåÆØÅ./()-]+){0,2}:(?:\s|$)")
# A label inside a line: a capitalised word, perhaps with one lower-case word ("Til stede:"), and a colon.
_INLINE_LABEL = re.compile(r"(?:^|(?<=\s))[A-ZÆØÅ][\wæøåÆØÅ.()-]*(?:\s[a-zæøå][\wæøå-]*)?:(?=\s|$)")
# What ends a lead-in to a list, not a label: "… kriterier som i Vestby Kommune fx:" wrapped so that "Kommune fx:"
# opens a line is no label "Kommune" with the value "fx".
_LEAD_IN_END = re.compile(
    r"(?i)\b(fx|f\.\s?eks\.?|bl\.\s?a\.?|eksempelvis|herunder|heriblandt|følgende|nemlig|som)\s*:\s*$"
)
# A line that opens with a date and a name heads one meeting's step in an item's course ("25-05-2023 Klima-, Teknik-
# og Miljøudvalget" / "1.-2. Anbefales" / "12-06-2023 Økonomiudvalget" / "…"): each step is its own sentence, even
# where the decision before it ends without a full stop.
_DATED_HEADER = re.compile(r"^\d{1,2}[-./]\d{1,2}[-./](?:19|20)?\d\d\s+[A-ZÆØÅ]")
# A line of a meeting's own information that opens with what it prints, with or without a colon ("Mødested
# Mødelokale 6+7", "Medlemmer" over the names, "Mødetidspunkt kl. 17:00"): one fact each, not one run-on sentence of
# the whole opening (a value such as "Mødelokale 1" under "Mødested" stays with its label).
_MEETING_LABEL_LINE = re.compile(
    r"^(?:Mødedato|Mødetidspunkt|Mødested|Mødetid|Dato|Tidspunkt|Tid|Sted|Medlemmer|Deltagere|Til stede|Tilstede|"
    r"Fraværende|Afbud|Ikke til stede|Mødeleder|Referent)(?![\wæøåÆØÅ-])"
)
_MARKER_ONLY = re.compile(r"\s*(?:[–•\-*]|[a-zA-Z]\)|\d{1,2}\.)\s*")
# A line ending in a preposition, conjunction or article runs on.
_OPEN_END = re.compile(r"(?i)\b(fra|til|af|i|på|med|for|om|ved|under|over|mod|efter|og|eller|samt|en|et|den|det)\s*$")
_ROW_START = re.compile(r"^\s*\d")
_ROW_END = re.compile(r"[.!?:;,–-]\s*$")


@dataclass(frozen=True)
class Sentence:
    text: str
    section: str
    pages: list[int]
    position: int  # order within the item
    list_item: bool = False  # the sentence is (the start of) an entry of a bulleted or numbered list


def _row_lines(lines: list[Line]) -> set[int]:
    """Rows of a table: runs of ``MIN_ROWS`` or more lines that each start with a number and end without
    punctuation ("534.013 Plejecenter Skovhaven Skovvej 35-37"). Wrapped prose does not do that four
    lines running, so each row is a sentence of its own instead of one run-on sentence across the table. (Rows
    that start with a word are left alone: label/value lines such as a meeting's "Mødested …" read better
    together.)"""
    rows = [bool(_ROW_START.match(line.text)) and not _ROW_END.search(line.text) for line in lines]
    found: set[int] = set()
    start = 0
    for index in range(len(rows) + 1):
        if index < len(rows) and rows[index]:
            continue
        if index - start >= MIN_ROWS:
            found.update(range(start, index))
        start = index + 1
    return found


def _entry_term_wraps(blocks: list[list[Line]]) -> bool:
    """Whether the last block is a list entry's term cut off by a line end ("• Fordrevne fra" / "Ukraine: Den
    største …"): one bulleted line with no colon yet that ends in a word no term ends in — the next line's
    "Ukraine:" ends the term, it is no label of its own. ("• Anne Holm" / "Fraværende: …" are two.)"""
    if not blocks or len(blocks[-1]) != 1:
        return False
    text = blocks[-1][0].text
    return bool(_BULLET.match(text)) and ":" not in text and bool(_OPEN_END.search(text))


def _ends_entry(block: list[Line], text: str) -> bool:
    """Whether ``text`` opens a sentence after the bulleted entry ``block``: the entry ends closed — on a bracket
    ("(Indsats 8)"), wrapped or not — and ``text`` opens a sentence: a capitalised word, then three lower-case ones."""
    return (
        bool(_BULLET.match(block[0].text))
        and block[-1].text.rstrip().endswith(")")
        and bool(re.match(r"[A-ZÆØÅ][a-zæøå]+(?:\s+[a-zæøå][\wæøå-]*){3}", text))
    )


def _blocks(lines: list[Line], meeting: bool = False) -> list[list[Line]]:
    """Runs of lines that belong together: a bullet line, a table row or a labelled line starts a new block; in a
    meeting's own information (``meeting``), so does a line that opens with what it prints ("Mødested …")."""
    blocks: list[list[Line]] = []
    rows = _row_lines(lines)
    for index, line in enumerate(lines):
        # A jump over pages (the meeting's opening and its closing lines) ends a block: a quote spans at most
        # consecutive pages, as a citation must.
        # In a meeting's own information, a new page is: its facts stand on the first, what follows is the agenda's.
        jumped = bool(blocks) and line.page - blocks[-1][-1].page > (0 if meeting else 1)
        label = LABEL.match(line.text)
        starts = (
            _BULLET.match(line.text)
            or _DATED_HEADER.match(line.text)
            or (label and not _LEAD_IN_END.search(label.group(0)) and not _entry_term_wraps(blocks))
            or (meeting and _MEETING_LABEL_LINE.match(line.text))
        )
        # A printed heading is a sentence of its own: the text under it does not run on from it.
        headed = index > 0 and line.heading != lines[index - 1].heading
        # A list entry ends where a sentence starts after it: "• Beboersammensætning (Indsats 8)" / "Hertil kommer
        # indsatser …" (see ``_ends_entry``).
        after_entry = bool(blocks) and _ends_entry(blocks[-1], line.text)
        if not blocks or starts or jumped or headed or after_entry or index in rows or index - 1 in rows:
            blocks.append([line])
        else:
            blocks[-1].append(line)
    return blocks


def _split_points(text: str) -> list[int]:
    points = []
    for match in _BOUNDARY.finditer(text):
        before = text[: match.start()].rstrip()
        word = re.search(r"([\w.]+)[.!?:]$", before)
        if before.endswith(".") and word and word.group(1).casefold().rstrip(".") in ABBREVIATIONS:
            continue
        if before.endswith(".") and re.search(r"\b\d{1,2}\.$", before):
            continue  # "den 8. juni", "punkt 2.3."
        if _INITIAL.search(before):
            continue  # a middle initial: "Oplæg ved Christina G. Jensen"
        points.append(match.end())
    return points


def _label_points(text: str) -> list[int]:
    """Where sentences start: the usual boundaries, but a label goes with its value ("Fraværende: Maria Hansen" is
    one sentence, not "… Fraværende:" and "Maria Hansen"), also where one line holds several ("Dato: 8. februar
    2024 Tid: kl. 08.00 Sted: Mødelokale 1")."""
    labels = [match for match in _INLINE_LABEL.finditer(text) if not _LEAD_IN_END.search(match.group(0))]
    # _split_points breaks where the next sentence starts: right after the colon, or one space later.
    after_label = {match.end() + offset for match in labels for offset in (0, 1)}
    points = {point for point in _split_points(text) if point not in after_label}
    # A label right after a bullet ("• Kloge kvadratmeter: …") is the entry itself, not a new sentence.
    points |= {
        match.start() for match in labels if match.start() > 0 and not _MARKER_ONLY.fullmatch(text[: match.start()])
    }
    return sorted(points)


def split_lines(lines: list[Line], section: str, start_position: int = 0, meeting: bool = False) -> list[Sentence]:
    """The sentences of a section's lines; ``meeting``: the lines are a meeting's own information (see ``_blocks``)."""
    sentences: list[Sentence] = []
    for block in _blocks(lines, meeting):
        # Character offsets of each line in the joined block, to map a sentence back to its pages.
        offsets, parts, cursor = [], [], 0
        for line in block:
            offsets.append((cursor, cursor + len(line.text), line.page))
            parts.append(line.text)
            cursor += len(line.text) + 1
        text = " ".join(parts)
        bulleted = bool(_BULLET.match(block[0].text))
        # "Ikke til stede: Anne Holm" is one line of who was absent, however its label is written; a printed heading
        # ("Tilbud 1: Overvægtsforløb") is one sentence too.
        whole = section in ATTENDANCE_LABELS or all(line.heading for line in block)
        points = [] if whole else _label_points(text)
        if bulleted:
            # An entry of a timetable or a list of terms keeps its value: "• 12. og 13. september: Budgetforhandlinger".
            colon = text.find(":")
            if 0 < colon <= MAX_ENTRY_LABEL:
                # The term before the colon is the entry's, wrapped or not ("• Fordrevne fra Ukraine: …").
                points = [point for point in points if point > colon + 2]
        bounds = [0, *points, len(text)]
        for start, end in itertools.pairwise(bounds):
            piece = text[start:end].strip()
            if len(piece) < 3 or not re.search(r"\w", piece):
                continue
            pages = sorted({page for low, high, page in offsets if low < end and high > start})
            sentences.append(
                Sentence(
                    text=piece[:MAX_SENTENCE_CHARACTERS],
                    section=section,
                    pages=pages,
                    position=start_position + len(sentences),
                    list_item=bulleted and start == 0,
                )
            )
    return sentences


def item_sentences(item: AgendaItem) -> list[Sentence]:
    sentences: list[Sentence] = []
    meeting = item.role == "meeting_information"
    for section in item.sections:
        sentences.extend(split_lines(list(section.lines), section.name, len(sentences), meeting))
    return sentences


def embedding_inputs(item: AgendaItem) -> tuple[list[Sentence], list[str]]:
    """An item's sentences and the passages embedded for them (the item title gives each its context)."""
    sentences = item_sentences(item)
    if item.role == "whole_document":  # a document's headings tell what its sentences are about
        return sentences, [_context(item.title, sentence.section) + sentence.text for sentence in sentences]
    context = f"{item.title}: " if item.title else ""
    return sentences, [context + sentence.text for sentence in sentences]


def _context(title: str, heading: str) -> str:
    named = [part for part in (title, heading) if part]
    return f"{', '.join(named)}: " if named else ""
