"""Danish case numbers (sagsnumre, journalnumre) in every common form, wherever a layout prints them.

Forms: SAG-/EMN-YYYY-NNNNN (KL, FirstAgenda/Prepare), YYYY-NNNNN (eDoc), YY/NNNNN (Acadre), YY-NNNNNN with an
optional letter (SBSYS, FirstAgenda), and KLE journal numbers such as 00.01.00-A00-1-25 or 27.69.48-P20-12-24.
A "Dok.nr." is a document number, never a case number.
"""

from __future__ import annotations

import functools
import re

_FORMS = (
    r"(?:SAG|EMN|SAGS|ESDH)-\d{4}-\d{3,8}",
    r"\d{2}\.\d{2}\.\d{2}-[A-ZÆØÅ]\d{2}-\d{1,6}-\d{2}",
    r"(?:19|20)\d{2}[-/]\d{2,8}",
    r"\d{2}/\d{2,8}",
    r"\d{2}-\d{4,8}[A-Z]?",
)
CASE_NUMBER = "(?:" + "|".join(_FORMS) + ")"
# The label in front of a case number: "Sagsnr.:", "Sags nr.", "Sagsnummer", "J.nr.", "Journalnr.",
# "Acadre sagsnr.", "Sag:", "Sagsid".
_LABEL = (
    r"(?:(?:acadre|esdh|sbsys|edoc)[\s-]*)?"
    r"(?:sags?\s*-?\s*nr|sagsnummer|sags?\s*nummer|sags?\s*-?\s*id|j\.?\s*nr|journal\s*-?\s*nr|journalnummer|sag)"
)
# Under a label, any identifier with enough digits is the case number ("Journalnr. 22011409", "Sagsnr.: S2023-0412"):
# the label says what it is, whatever the system's format.
_LABELLED_ID = r"[A-ZÆØÅ]{0,4}-?\d[\d./-]{3,24}[A-Z]?"
_LABELLED = re.compile(
    rf"(?i)(?<![\w.])(?P<label>{_LABEL})(?:\.?\s*:\s*|\.\s*|\s+)(?P<case>{CASE_NUMBER}|{_LABELLED_ID})(?![\w/-])"
)
MIN_DIGITS = 5
_DOCUMENT_LABEL = re.compile(r"(?i)^(dok(?:ument)?\.?\s*-?\s*nr|dokumentnummer)\b")
# A case number alone on its line, maybe followed by the case handler's initials ("SAG-2021-01234 abc").
_BARE = re.compile(rf"^(?P<case>{CASE_NUMBER})(?:\s+[a-zæøå]{{2,6}})?$")
_IN_TEXT = re.compile(rf"(?<![\w./-])(?P<case>{CASE_NUMBER})(?![\w/-])")
MAX_YEAR_SPAN = 30
_YEAR_PAIR = re.compile(r"^(?P<first>(?:19|20)\d{2})[-/](?P<second>\d{2}|\d{4})$")


def _plausible(case: str) -> bool:
    """Not a span of years ("2012-2013", "2023/24", "2011/12"), which looks like a case number unlabelled."""
    pair = _YEAR_PAIR.match(case)
    if not pair:
        return True
    first, second = int(pair.group("first")), int(pair.group("second"))
    if second < 100:
        second += first // 100 * 100
    return not 0 <= second - first <= MAX_YEAR_SPAN  # "Klimaplan 2023-2034" spans years


def _enough_digits(match: re.Match[str]) -> bool:
    """A known form, or an identifier with at least ``MIN_DIGITS`` digits ("Sag 4" is a heading, not a case)."""
    case = match.group("case")
    return bool(re.fullmatch(CASE_NUMBER, case)) or sum(character.isdigit() for character in case) >= MIN_DIGITS


def labelled_case_number(text: str) -> str | None:
    """The case number of a line that carries a labelled one ("Sagsnr.: 2014-12345", "… J.nr. 27.69.48-P20-12-24")."""
    for match in _LABELLED.finditer(text):
        before = text[: match.start()]
        if re.search(r"(?i)dok(?:ument)?\.?\s*-?\s*nr\.?\s*[:.]?\s*$", before) or not _enough_digits(match):
            continue
        return match.group("case").rstrip(".-/")  # labelled: "Sagsnr.: 2024-2015" is a case number, not a year range
    return None


def bare_case_number(text: str) -> str | None:
    """The case number of a line that is nothing but a case number (and maybe initials)."""
    match = _BARE.match(text.strip())
    if match and _plausible(match.group("case")):
        return match.group("case")
    return None


@functools.lru_cache(maxsize=1 << 16)
def case_line(text: str) -> str | None:
    """The case number of a line whose job is to state the case number: labelled, or alone on the line."""
    stripped = text.strip()
    if len(stripped) > 120:
        return None
    labelled = _LABELLED.match(stripped)  # the label opens the line; "Ad 6) TITEL Sags nr. …" is a heading
    if labelled and not _DOCUMENT_LABEL.match(stripped) and _enough_digits(labelled):
        return labelled.group("case").rstrip(".-/")
    bare = bare_case_number(stripped)
    if bare:
        return bare
    fields = metadata_fields(stripped)
    if fields:
        return next(found for field in fields if (found := labelled_case_number(field) or bare_case_number(field)))
    return None


# A line of short fields: "Beslutningssag · SAG-2023-00204 · metr", "Sagsnr.: 22/11409 | J.nr.: … | Dok.nr.: …".
_FIELD_SEPARATOR = re.compile(r"\s+[·|•]\s+|\s{3,}")
MAX_FIELD_WORDS = 4


def metadata_fields(text: str) -> list[str] | None:
    """The fields of a metadata line that carries a case number, or None for any other line."""
    fields = [field.strip() for field in _FIELD_SEPARATOR.split(text.strip()) if field.strip()]
    if len(fields) < 2 or any(len(field.split()) > MAX_FIELD_WORDS for field in fields):
        return None
    if any(labelled_case_number(field) or bare_case_number(field) for field in fields):
        return fields
    return None


def is_document_number_line(text: str) -> bool:
    return bool(_DOCUMENT_LABEL.match(text.strip()))


def case_number_in_heading(title: str) -> tuple[str, str]:
    """A case number printed in a heading ("Title (22-011409)", "22-011409 – Title"): (title without it, number).

    Only at the start or end of the heading, or in brackets: a number in the middle of a title is part of it.
    """
    labelled = _LABELLED.search(title)
    if labelled and labelled_case_number(title):
        case, start, end = labelled.group("case"), labelled.start(), labelled.end()
    else:
        found = None
        for candidate in _IN_TEXT.finditer(title):
            before, after = title[: candidate.start()].rstrip(), title[candidate.end() :].lstrip()
            bracketed = before.endswith(("(", "[")) and after.startswith((")", "]"))
            at_edge = not before or not after.strip(" )]")
            if (bracketed or at_edge) and _plausible(candidate.group("case")):
                found = candidate
                break
        if not found:
            return title, ""
        case, start, end = found.group("case"), found.start(), found.end()
    head = title[:start].rstrip().rstrip("([").rstrip(" ,–-")
    tail = title[end:].lstrip().lstrip(")]").lstrip(" ,–-:")
    return " ".join(f"{head} {tail}".split()), case


_KEYED = (
    re.compile(r"^(?:[A-ZÆØÅ]{2,5}-)?(?:19|20)(?P<year>\d{2})[-/](?P<serial>\d+)$"),
    re.compile(r"^(?P<year>\d{2})[-/](?P<serial>\d+)[A-Z]?$"),
    # A journal number ends in the serial and the year after its subject's classification: "00.01.00-A00-4721-22",
    # "1-30-72-4721-22".
    re.compile(r"^(?:[0-9A-ZÆØÅ.]+-){2,4}(?P<serial>\d+)-(?P<year>\d{2})$"),
)


def case_key(case_number: str) -> str:
    """One key for one case however a system prints it: "EMN-2022-004721", "2022-4721" and "22-004721" are
    year 22, case 4721. A form without a year and a serial is its own key."""
    text = case_number.strip().upper()
    for pattern in _KEYED:
        match = pattern.match(text)
        if match:
            return f"{match.group('year')}:{int(match.group('serial'))}"
    return text
