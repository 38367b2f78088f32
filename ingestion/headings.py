"""Agenda-item headings: recognising a numbered heading line, and reading the whole heading around it.

Whichever strategy found *where* an item starts (outline, contents, typography, patterns), the heading is read
the same way here: the number in any common form ("2.", "2.5.", "Punkt 2:", "Pkt. 2", "Sag nr. 2",
"Dagsordenspunkt 2", "Ad 2)"), a title that may wrap over a few lines, and a case number in the heading, just
under it (labelled or alone on its line), or — when the document prints it so — just above it.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass

from ingestion.casenumbers import case_line, case_number_in_heading, is_document_number_line, metadata_fields
from ingestion.domain import TextLine
from ingestion.sections import is_section_label
from ingestion.typography import Typography

MAX_TITLE_LINES = 4
# A title the bookmark or contents spells out, or set in its own heading style, may wrap further (narrow columns).
MAX_TOLD_TITLE_LINES = 6
# What may stand before the name of a part of the agenda: "II. Lukkede sager", "B) Lukket dagsorden".
PART_ENUMERATOR = r"(?:(?:[IVXL]{1,5}|[A-ZÆØÅ]|\d{1,2})[.)]\s+)?"
NUMBER = r"\d{1,3}(?:\.\d{1,2}){0,3}"  # "38.916.000 kr." is an amount, not item 38.916
_PREFIX = r"(?:punkt(?:\s*nr\.?)?|pkt\.?|sag\s*nr\.?|sag|dagsordens?punkt|dagsordenpunkt|ad|§)"  # "Punkt 2", "Ad 2"
_PREFIXED = re.compile(rf"(?i)^{_PREFIX}\s*(?P<number>{NUMBER})\s*[.:)]?\s*(?:[–-]\s+)?(?P<title>.*)$")
_PLAIN = re.compile(rf"^(?P<number>{NUMBER})(?:\.|\)|\s*[–-])?\s+(?P<title>\S.*)$")
_DOTTED_ONLY = re.compile(rf"^(?P<number>{NUMBER})[.)]?$")
_YEAR = re.compile(r"^(1[89]|20)\d\d$")
# An item kind printed as a field: "Beslutningssag", "Orienteringssag", "Drøftelsessag", "Lukket sag".
_KIND_FIELD = re.compile(r"(?i)^(?:[a-zæøå]+ )?[a-zæøå]*(sag|drøftelse|orientering|meddelelse|punkt)$")
_CLOSED_MARKER = re.compile(r"(?i)^(lukket punkt|lukket sag|lukket|fortroligt|fortrolig)\s*[:.]?$")
_NOT_ALPHANUMERIC = re.compile(r"[\W_]+")


@dataclass(frozen=True)
class HeadingText:
    number: str
    title: str  # "" when the number stands alone on its line ("Dagsordenspunkt 3")
    prefixed: bool  # the number came with a word ("Punkt", "Pkt.", …)


@functools.lru_cache(maxsize=1 << 16)  # each strategy asks about the same lines
def parse_heading(text: str) -> HeadingText | None:
    """The number and title of a line that reads like an item heading, else None."""
    text = text.strip()
    match = _PREFIXED.match(text)
    if match:
        title = match.group("title").strip()
        if title and not (title[0].isalnum() or title[0] in "\"'«»“”(§"):
            return None  # "Punkt 2, Skole- og Børneudvalget den 08.02.2022": a reference in a case history
        return HeadingText(match.group("number").rstrip("."), title, prefixed=True)
    match = _PLAIN.match(text) or _DOTTED_ONLY.match(text)
    if not match:
        return None
    number = match.group("number").rstrip(".")
    if _YEAR.match(number):
        return None  # "2021 EHSJ", "2016 og derefter …": a year, not an item number
    title = match.groupdict().get("title") or ""
    if title and not (title[0].isupper() or title[0].isdigit() or title[0] in "\"'«»“”(§"):
        return None  # "3 % af budgettet", "50 pct. på hver side": a number in running text, not a heading
    return HeadingText(number, title.strip(), prefixed=False)


def number_key(number: str) -> tuple[int, ...]:
    return tuple(int(part) for part in number.split(".") if part.isdigit())


def normalise(text: str) -> str:
    """Casefolded letters and digits only: how titles are compared across outline, contents and body."""
    folded = unicodedata.normalize("NFKC", text).casefold()
    return _NOT_ALPHANUMERIC.sub("", folded)


def titles_agree(expected: str, printed: str) -> bool:
    """Whether a title from the outline or contents is the one printed in the body (either may be cut short)."""
    a, b = normalise(expected), normalise(printed)
    if not a or not b:
        return False
    shortest = min(len(a), len(b), 40)
    return shortest >= min(8, len(a)) and a[:shortest] == b[:shortest]


@dataclass(frozen=True)
class Anchor:
    """Where a strategy says an item heading starts, and what it knows about it."""

    index: int
    number: str = ""
    title: str = ""  # the title a bookmark or a contents entry gives
    closed: bool = False


@dataclass(frozen=True)
class Heading:
    start: int  # first line of the heading (the case-number line when it stands above)
    body_start: int  # first line of the item's text
    number: str
    title: str
    case_number: str
    closed: bool
    styled: bool  # set in a heading style (larger or bolder than body text)
    kind: str = ""  # stated beside the case number ("Beslutningssag · SAG-2023-00204")


def _stops_title(line: TextLine) -> bool:
    return bool(
        case_line(line.text)
        or is_document_number_line(line.text)
        or is_section_label(line.text)
        or parse_heading(line.text)
        or _CLOSED_MARKER.match(line.text)
    )


def read_heading(
    lines: list[TextLine], anchor: Anchor, typography: Typography, case_above: bool = False
) -> Heading | None:
    """The heading that starts at ``anchor.index``: number, whole title, case number, and where its text begins."""
    first = lines[anchor.index]
    parsed = parse_heading(first.text)
    number = parsed.number if parsed else anchor.number
    # What stands beside the number may be the case number or a status, not the title: "Sag nr. 185  Journal nr.:
    # 1-30-79-14439-21", "Sag nr. 186  Lukket sag", "1 (Åben) Godkendelse af dagsorden".
    first_title, beside_case = case_number_in_heading(parsed.title if parsed else first.text.strip())
    first_title, status_closed = _strip_status(first_title)
    title_parts = [first_title]
    position = anchor.index + 1
    title_line = first  # the line whose style a wrapped title keeps
    if not title_parts[0] and position < len(lines) and not _stops_title(lines[position]):
        title_line = lines[position]
        title_parts = [title_line.text.strip()]  # "Dagsordenspunkt 3" / the title on the next line
        position += 1
    styled = typography.is_heading(title_line)
    while position < len(lines) and len(title_parts) < MAX_TOLD_TITLE_LINES:
        candidate = lines[position]
        if candidate.page != lines[position - 1].page or case_line(candidate.text):
            break
        # A word like "beslutning" may end a wrapped title: the bookmark's title, or the heading's own style,
        # says so; otherwise a section label or a numbered line ends the title.
        told = _told_to_continue(anchor, title_parts, candidate) or (
            styled and typography.same_style(title_line, candidate) and not parse_heading(candidate.text)
        )
        # "… tilbagerulning af lokalplan" / "12.50" / "Sagsnr. 23/2704": a number alone on the next line, with the
        # case number right under it, ends the title — it heads no item of its own.
        told = told or (not case_above and _wrapped_number(lines, position))
        # Where case numbers stand above headings, a case line below a title is the next item's.
        wraps = not case_above and _continues_title(lines, position, title_parts, typography)
        if not told and (_stops_title(candidate) or not wraps or len(title_parts) >= MAX_TITLE_LINES):
            break
        title_parts.append(candidate.text.strip())
        position += 1
    title = _TITLE_LABEL.sub("", " ".join(part for part in title_parts if part))
    title, case_number = case_number_in_heading(title)
    case_number = case_number or beside_case
    kind = ""
    while not case_above and position < len(lines) and position - anchor.index <= MAX_TITLE_LINES + 3:
        text = lines[position].text
        found = case_line(text)
        if found:
            case_number = case_number or found
            for field in metadata_fields(text) or []:
                if _KIND_FIELD.match(field):
                    kind = field
        elif not (is_document_number_line(text) or _is_metadata(text)):
            break
        position += 1
    start = anchor.index
    if case_above and anchor.index > 0:
        above = case_line(lines[anchor.index - 1].text)
        if above:
            start, case_number = anchor.index - 1, case_number or above
    if not number and not title:
        return None
    return Heading(
        start=start,
        body_start=position,
        number=number,
        title=title,
        case_number=case_number,
        closed=anchor.closed or status_closed or bool(_CLOSED_MARKER.match(kind)),
        styled=styled,
        kind=kind,
    )


_STATUS = re.compile(
    r"(?i)^\((?P<status>åben|åbent|offentlig|lukket|fortrolig)\)\s*"
    r"|^(?P<alone>lukket sag|lukket punkt|åben sag|åbent punkt|åbent|åben)$"
)
# A form that names its title field: "Dagsordenspunkt: Rottehandlingsplan 2025", "Titel: …", "Emne: …".
_TITLE_LABEL = re.compile(r"(?i)^(?:dagsordens?punkt|titel|emne|overskrift)\s*:\s*")


def _strip_status(title: str) -> tuple[str, bool]:
    """A status printed with the number ("(Åben)", "(Lukket)", or "Lukket sag" / "Åbent punkt" in place of a
    title): removed from the title; True when it closes the item."""
    match = _STATUS.match(title)
    if not match:
        return title, False
    status = (match.group("status") or match.group("alone") or "").casefold()
    return title[match.end() :].strip(), status.startswith(("lukket", "fortrolig"))


def printed_title(lines: list[TextLine], position: int, parsed: HeadingText) -> str:
    """The title a heading line prints: beside the number, or on the next line when only the number (with maybe a
    case number or a status) stands there."""
    title, _ = case_number_in_heading(parsed.title)
    title, _ = _strip_status(title)
    if not title and position + 1 < len(lines):
        return _TITLE_LABEL.sub("", lines[position + 1].text)
    return title


def _wrapped_number(lines: list[TextLine], position: int) -> bool:
    """Whether the line at ``position`` is a number that a title wrapped onto ("lokalplan" / "12.50"): a bare
    number, with the item's case-number line right under it."""
    parsed = parse_heading(lines[position].text)
    following = lines[position + 1] if position + 1 < len(lines) else None
    return bool(
        parsed
        and not parsed.title
        and following is not None
        and following.page == lines[position].page
        and case_line(following.text)
    )


def _is_metadata(text: str) -> bool:
    """Key-value lines printed with the case number ("Sagsbehandler: …", "Sagsansvarlig: …")."""
    return bool(re.match(r"(?i)^(sagsbehandler|sagsansvarlig|forvaltning|afdeling|ansvarlig|center)\s*:", text))


def _told_to_continue(anchor: Anchor, title_parts: list[str], candidate: TextLine) -> bool:
    """The bookmark or contents entry gives a longer title, and this line is how it goes on."""
    if not anchor.title:
        return False
    expected = normalise(anchor.title)
    so_far = normalise(" ".join(title_parts))
    with_next = normalise(" ".join([*title_parts, candidate.text]))
    return len(so_far) < len(expected) and (expected.startswith(with_next) or with_next.startswith(expected))


def _continues_title(lines: list[TextLine], position: int, title_parts: list[str], typography: Typography) -> bool:
    """Without a given title or a heading style: a title wraps until the case-number line right under it
    ("2.4. Orienteringssag: … 2021" / "EHSJ" / "SAG-2021-01234 abc")."""
    for ahead in range(position + 1, min(position + MAX_TITLE_LINES - len(title_parts) + 1, len(lines))):
        if case_line(lines[ahead].text):
            return True
        if _stops_title(lines[ahead]):
            return False
    return False


def closed_marker(text: str) -> bool:
    return bool(_CLOSED_MARKER.match(text.strip()))
