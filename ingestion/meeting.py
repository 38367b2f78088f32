"""The meeting a minutes document records: which body met, and when.

Read from the first page and the running headers in the many ways Danish minutes word it ("Mødedato Onsdag
d. 27. august 2025", "Møde 9. april 2025 kl. 08:00", "Mødet blev holdt den …", "Dato: 04.12.2012",
"Regionsrådet | 30-08-2021", "Referat for Udvalget for …"). Never from the file name: a renamed file is the
same meeting.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

_MONTH_TABLE = [
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
]
MONTH_NAMES = [names[0] for names in _MONTH_TABLE]
MONTHS = {name: number for number, names in enumerate(_MONTH_TABLE, start=1) for name in names}
_NUMERIC_DATE = re.compile(r"(?<![\d-])(\d{1,2})[.\-/](\d{1,2})[.\-/](\d{4})(?![\d-])")
# A timetable's "19/4 2024": day and month by a slash, the year after a space.
_SLASH_SPACE_DATE = re.compile(r"(?<![\d/])(\d{1,2})/(\d{1,2})\s(\d{4})(?![\d/])")
_ISO_DATE = re.compile(r"(?<![\d-])(\d{4})-(\d{2})-(\d{2})(?![\d-])")
_WORD_DATE = re.compile(r"(?<!\d)(\d{1,2})\.?\s*([a-zæøå]+)\.?\s+(\d{4})\b", re.IGNORECASE)

# Lines that say when the meeting was: their date wins over any other date on the first page.
_DATE_LABEL = re.compile(
    r"(?i)^(mødedato|dato|mødedag|tidspunkt|mødetidspunkt|tid|møde(?:t)?|afholdt|holdt|mødet (?:blev )?"
    r"(?:holdt|afholdt|afviklet)|referat (?:fra|af) mødet)\b"
)
# Words that name a meeting body.
_BODY_WORD = re.compile(
    r"(?i)(udvalg|byråd|kommunalbestyrelse|regionsråd|forretningsudvalg|borgerrepræsentation|kontaktråd|"
    r"bestyrelse|\bråd(et)?\b|sogneråd|repræsentantskab|forum|gruppen?\b|komité|styregruppe|\w+rådet\b)"
)
_BODY_LABEL = re.compile(r"^(?i:udvalg|mødeforum|forum|organ|råd|mødeorgan)(?:\s*:\s*|\s+)(?P<body>[A-ZÆØÅ].*)$")
_TITLE_WITH_BODY = re.compile(
    r"(?i)^(?:åbent\s+|offentligt\s+)?(?:referat|beslutningsprotokol|dagsorden|mødereferat|protokol)"
    r"(?:\s*[-–:]\s*|\s+(?:fra|for|af|til)\s+(?:mødet\s+i\s+|møde\s+i\s+)?)(?P<body>\S.*)$"
)
_BODY_WITH_TITLE = re.compile(
    r"(?i)^(?P<body>\S.*?)\s*[-–|:]\s*(?:åbent\s+)?(?:referat|beslutningsprotokol|dagsorden)\b.*$"
)
_DOCUMENT_WORDS = re.compile(
    r"(?i)^(åbent\s+|offentligt\s+|lukket\s+)?(referat|beslutningsprotokol|dagsorden|mødereferat|protokol|"
    r"indholdsfortegnelse|indhold)$"
)
_TRAILING_DATE = re.compile(
    r"(?i)[\s,|–-]*(den |d\. )?(\w+dag )?(\d{1,2}[./-]\d{1,2}[./-]\d{2,4}|\d{1,2}\.? \w+ \d{4}).*$"
)


@dataclass(frozen=True)
class Meeting:
    body: str
    date: dt.date | None


def find_date(text: str) -> dt.date | None:
    """The first Danish-written date in ``text`` ("30-08-2021", "04.12.2012", "20. juni 2013", ISO)."""
    dates = find_dates(text)
    return dates[0] if dates else None


def find_dates(text: str) -> list[dt.date]:
    """Every Danish-written date in ``text``, in the order written."""
    candidates: list[tuple[int, dt.date | None]] = []
    for match in _NUMERIC_DATE.finditer(text):
        day, month, year = (int(g) for g in match.groups())
        candidates.append((match.start(), _safe_date(year, month, day)))
    for match in _SLASH_SPACE_DATE.finditer(text):
        day, month, year = (int(g) for g in match.groups())
        candidates.append((match.start(), _safe_date(year, month, day)))
    for match in _WORD_DATE.finditer(text):
        month = MONTHS.get(match.group(2).casefold().rstrip("."))
        if month:
            candidates.append((match.start(), _safe_date(int(match.group(3)), month, int(match.group(1)))))
    for match in _ISO_DATE.finditer(text):
        year, month, day = (int(g) for g in match.groups())
        candidates.append((match.start(), _safe_date(year, month, day)))
    return [date for _, date in sorted((position, date) for position, date in candidates if date)]


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    if not 1800 <= year <= 2100:
        return None
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


# "Teknik- og Miljøudvalgets beslutning den 14.03.2024", "Beslutning i Økonomiudvalget den 3. maj 2023":
# in a minutes document without a cover (one item exported alone), the decision says who met and when.
_DECISION_BY = re.compile(
    r"^(?:(?P<owner>[A-ZÆØÅ].*?)s beslutning|beslutning (?:i|fra) (?P<body>.+?))\s+(?:den|d\.)\s+(?P<date>\d.*)$",
    re.IGNORECASE,
)


def read_meeting(furniture: list[str], first_page: list[str], text: list[str] | None = None) -> Meeting:
    """Body and date of the meeting from the running headers/footers, the first page, and decision headings."""
    decided = _decisions(text or [])
    body = _body(furniture, first_page[:25]) or (decided[-1][0] if decided else "")
    date = _date(furniture, first_page[:40], [date for _, date in decided])
    return Meeting(body=body, date=date)


def _decisions(lines: list[str]) -> list[tuple[str, dt.date]]:
    found = []
    for line in lines:
        match = _DECISION_BY.match(line.strip()) if "beslutning" in line.casefold() else None
        date = find_date(match.group("date")) if match else None
        if match and date:
            found.append(((match.group("owner") or match.group("body") or "").strip(), date))
    return found


def _date(furniture: list[str], first_page: list[str], decided: list[dt.date]) -> dt.date | None:
    for position, line in enumerate(first_page):
        if _DATE_LABEL.match(line):
            # "Mødedato" on one line and the date on the next, or both on one line.
            found = find_date(line) or (find_date(first_page[position + 1]) if position + 1 < len(first_page) else None)
            if found:
                return found
    for candidates in ([find_date(line) for line in furniture], decided):
        dated = [date for date in candidates if date]
        if dated:
            # The running header repeats the meeting's date on every page; decisions name the meeting's date.
            return max(reversed(dated), key=dated.count)
    return find_date("\n".join(first_page))


def _clean_body(text: str) -> str:
    text = re.sub(r"(?i)^(?:af|fra|for|til)\s+(?:mødet\s+i|møde\s+i)?\s*", "", text.strip())
    text = re.sub(r"(?i)\s+side\s*\|?\s*\d+(\s*(af|of|/)\s*\d+)?$", "", text)  # "Referat for X Side 2"
    text = _TRAILING_DATE.sub("", text).strip(" ,|–-:")
    text = re.sub(r"(?i)\s+(kl\.?\s*\d.*)$", "", text)
    return text.strip()


def _body(furniture: list[str], first_page: list[str]) -> str:
    for line in first_page:
        labelled = _BODY_LABEL.match(line)
        if labelled:
            return _clean_body(labelled.group("body"))
    for line in furniture + first_page:
        for pattern in (_TITLE_WITH_BODY, _BODY_WITH_TITLE):
            match = pattern.match(line)
            if match and _BODY_WORD.search(match.group("body")):
                return _clean_body(match.group("body"))
    for position, line in enumerate(first_page[:10]):
        # "Referat" on a line of its own, the body on the next (or the line before).
        if _DOCUMENT_WORDS.match(line):
            for neighbour in (position + 1, position - 1):
                if 0 <= neighbour < len(first_page) and _is_body_line(_clean_body(first_page[neighbour])):
                    return _clean_body(first_page[neighbour])
    for line in furniture:
        # "Kontaktrådet | 30-08-2021": a header that is a name and the date.
        if "|" in line and find_date(line):
            name = line.split("|")[0].strip()
            if name and not find_date(name):
                return name
    for line in furniture + first_page[:10]:
        # Not "Kommunalbestyrelsen den 30. januar 2012 Punkt 5": an earlier meeting in the case's history.
        if not find_date(line) and _is_body_line(_clean_body(line)):
            return _clean_body(line)
    return ""


# A line that is nothing but a body's name ends with what the body is.
_BODY_NAME_END = re.compile(
    r"(?i)(udvalg(et)?|byråd(et)?|kommunalbestyrelse(n)?|regionsråd(et)?|borgerrepræsentation(en)?|"
    r"bestyrelse(n)?|råd(et)?|gruppe(n)?|forum|komité(en)?|repræsentantskab(et)?|\bKKR\s+\S+|\bKL)(\s*\([^)]*\))?$"
)


def _is_body_line(line: str) -> bool:
    words = line.split()
    return (
        0 < len(words) <= 8
        and line[:1].isupper()
        and bool(_BODY_NAME_END.search(line.strip()))
        and not line.rstrip().endswith(".")
        and not _DATE_LABEL.match(line)
        and not _DOCUMENT_WORDS.match(line)
        and not re.match(r"(?i)^(deltagere|fraværende|afbud|til stede|sted|mødested)\b", line)
    )
