"""The minutes layouts referat knows. A new layout is one more ``Layout`` in ``LAYOUTS``.

Each layout says how to recognise itself, how its case-number line looks (the anchor that tells an
agenda-item heading from a numbered list) and where the meeting's body and date stand.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass

MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("januar", "jan"),
            ("februar", "feb"),
            ("marts", "mar"),
            ("april", "apr"),
            ("maj",),
            ("juni", "jun"),
            ("juli", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("oktober", "okt"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}
_NUMERIC_DATE = re.compile(r"\b(\d{1,2})[.\-/](\d{1,2})[.\-/](\d{4})\b")
_ISO_DATE = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
_WORD_DATE = re.compile(r"\b(\d{1,2})\.\s*([a-zæøå]+)\.?\s+(\d{4})\b", re.IGNORECASE)


def find_date(text: str) -> dt.date | None:
    """The first Danish-written date in ``text`` ("30-08-2021", "04.12.2012", "20. juni 2013", ISO)."""
    candidates: list[tuple[int, dt.date]] = []
    for match in _NUMERIC_DATE.finditer(text):
        day, month, year = (int(g) for g in match.groups())
        candidates.append((match.start(), _safe_date(year, month, day)))
    for match in _WORD_DATE.finditer(text):
        month = MONTHS.get(match.group(2).casefold())
        if month:
            candidates.append((match.start(), _safe_date(int(match.group(3)), month, int(match.group(1)))))
    for match in _ISO_DATE.finditer(text):
        year, month, day = (int(g) for g in match.groups())
        candidates.append((match.start(), _safe_date(year, month, day)))
    valid = sorted((position, date) for position, date in candidates if date)
    return valid[0][1] if valid else None


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


@dataclass(frozen=True)
class Meeting:
    body: str
    date: dt.date | None


MeetingReader = Callable[[list[str], list[str]], Meeting]


@dataclass(frozen=True)
class Layout:
    """How one minutes system prints its minutes."""

    name: str
    signature: re.Pattern[str]
    case_line: re.Pattern[str]
    read_meeting: MeetingReader
    # For layouts without case numbers: a line right after a numbered heading that confirms it is an item.
    anchor: re.Pattern[str] | None = None


def _kl_meeting(furniture: list[str], first_page: list[str]) -> Meeting:
    for line in furniture:
        if "|" in line and find_date(line):
            return Meeting(body=line.split("|")[0].strip(), date=find_date(line))
    return Meeting(body="", date=find_date("\n".join(furniture + first_page)))


def _edoc_meeting(furniture: list[str], first_page: list[str]) -> Meeting:
    body = next((line for line in furniture if not re.match(r"(?i)(referat|åbent referat|dato:|side\b)", line)), "")
    dated = next((line for line in furniture if line.casefold().startswith("dato:")), "")
    return Meeting(body=body, date=find_date(dated) or find_date("\n".join(first_page)))


def _acadre_meeting(furniture: list[str], first_page: list[str]) -> Meeting:
    body = ""
    for line in furniture + first_page:
        match = re.match(r"(?i)referat for (.+)", line)
        if match:
            body = match.group(1).strip()
            break
    if not body:
        body = next((line for line in first_page[1:4] if re.search(r"(?i)udvalg|byråd|råd\b", line)), "")
    return Meeting(body=body, date=find_date("\n".join(furniture)) or find_date("\n".join(first_page)))


def _first_agenda_meeting(furniture: list[str], first_page: list[str]) -> Meeting:
    """FirstAgenda exports: "Referat" on its own line, the body on the next line, then date and time."""
    body = ""
    for position, line in enumerate(first_page[:8]):
        if line.strip().casefold() == "referat" and position + 1 < len(first_page):
            body = first_page[position + 1].strip()
            break
    return Meeting(body=body, date=find_date("\n".join(furniture + first_page[:20])))


def _generic_meeting(furniture: list[str], first_page: list[str]) -> Meeting:
    body = next((line for line in first_page[:8] if re.search(r"(?i)udvalg|byråd|kommunalbestyrelse", line)), "")
    return Meeting(body=body, date=find_date("\n".join(furniture + first_page[:30])))


_KL_CASE = r"(?P<case>(?:SAG|EMN)-\d{4}-\d{4,6})(?:\s+[a-zæøå]{2,6})?"
_SAGSNR = r"Sagsnr\.?\s*:?\s*(?P<case>\d{2,4}[-/]\d{1,6}(?:[-/]\d+)?)"

LAYOUTS: list[Layout] = [
    Layout(
        name="kl",  # KL/KKR minutes: "2.5. Beslutningssag: Title" then "SAG-2020-05891 jebj"
        signature=re.compile(r"(?m)^(?:SAG|EMN)-\d{4}-\d{4,6}\b"),
        case_line=re.compile(rf"^{_KL_CASE}$"),
        read_meeting=_kl_meeting,
    ),
    Layout(
        name="edoc",  # eDoc (Ballerup): "2. Title", "Sagsnr.: 2012-28504", "Dok.nr.: ..."
        signature=re.compile(r"(?m)^Dok\.nr\.:"),
        case_line=re.compile(rf"^{_SAGSNR}\s*$"),
        read_meeting=_edoc_meeting,
    ),
    Layout(
        name="acadre",  # Acadre (Syddjurs): "715. Title", "Sagsnr.: 12/27845", Resumé / Sagsfremstilling
        signature=re.compile(r"(?m)^Sagsnr\.:\s*\d{2}/\d+"),
        case_line=re.compile(rf"^{_SAGSNR}\s*$"),
        read_meeting=_acadre_meeting,
    ),
    Layout(
        name="firstagenda",  # FirstAgenda export (Aarhus): "1.1 Title" then "Oplæg:" / "Referat:", no case numbers
        signature=re.compile(r"(?m)^Oplæg:\s*$"),
        case_line=re.compile(rf"^{_KL_CASE}$|^{_SAGSNR}\s*$".replace("?P<case>", "?:", 1)),
        read_meeting=_first_agenda_meeting,
        anchor=re.compile(r"^(Oplæg|Referat|Beslutning)\s*:"),
    ),
    Layout(
        name="generic",  # anything else: any of the case-number lines above
        signature=re.compile(r""),
        case_line=re.compile(rf"^(?:{_KL_CASE.replace('?P<case>', '?P<kl_case>')}|{_SAGSNR})\s*$"),
        read_meeting=_generic_meeting,
    ),
]


def case_number(match: re.Match[str]) -> str:
    """The case number a layout's ``case_line`` matched, whichever alternative matched it."""
    return next(value for value in match.groupdict().values() if value)


def detect_layout(text: str) -> Layout:
    return next(layout for layout in LAYOUTS if layout.signature.search(text))
