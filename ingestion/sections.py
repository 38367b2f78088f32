"""The named parts of an agenda item (Baggrund, Indstilling, Sagsfremstilling, Beslutning, …).

The vocabulary is what Danish minutes systems print as section headings; it is shared, not per layout. A dated
decision heading ("Teknik- og Miljøudvalgets beslutning den 14.03.2024", "Beslutning i Økonomiudvalget
den 3. maj 2023", "Udvalgets beslutning") is a Beslutning section that keeps its line: it says who decided when.
"""

from __future__ import annotations

import functools
import re

from ingestion.domain import Line, Section

DECISION_SECTION = "Beslutning"
# What the administration proposes and a decision approves ("Indstillingen godkendt").
PROPOSAL_SECTION = "Indstilling"
SECTION_NAMES = {
    name.casefold(): name
    for name in [
        "Baggrund",
        "Indstilling",
        "Sagsfremstilling",
        "Supplerende sagsfremstilling",
        "Fremstilling",
        "Beslutning",
        "Beslutninger",
        "Sammendrag",
        "Resumé",
        "Resume",
        "Sagsbeskrivelse",
        "Sagsprocedure",
        "Sagens forløb",
        "Sagens indhold",
        "Sagen",
        "Problemstilling",
        "Formål",
        "Vurdering",
        "Administrationens vurdering",
        "Forvaltningens vurdering",
        "Økonomiske konsekvenser og finansiering",
        "Økonomiske konsekvenser",
        "Økonomi og organisatoriske konsekvenser",
        "Økonomi",
        "Bevillingsmæssige konsekvenser",
        "Bilag",
        "Bilagsfortegnelse",
        "Beslutningen træffes af",
        "Beslutningskompetence",
        "Kompetence",
        "Høring",
        "Høringssvar",
        "Lovgrundlag",
        "Retsgrundlag",
        "Kommunikation",
        "Videre proces",
        "Tidsplan",
        "Miljøvurdering",
        "Bemærkninger",
        "Supplerende oplysninger",
        "Indstilling og beslutning",
        "Udvalgets beslutning",
        "Byrådets beslutning",
        "Kommunalbestyrelsens beslutning",
        "Fraværende",
        "Afbud",
        "Ikke til stede",
    ]
}
# Labels that only count as sections with text on the same line ("Referat: Alle skal have indhold.").
INLINE_ONLY_LABELS = {"oplæg": "Oplæg", "referat": "Referat", "opfølgning": "Opfølgning", "konklusion": "Konklusion"}
_INLINE_LABEL = re.compile(r"^(?P<name>[A-ZÆØÅ][a-zæøå]+(?: [a-zæøå]+){0,2})\s*:\s*(?P<rest>.*)$")
# Dated decision headings, any length: "<body>s beslutning den 04.12.2012 Punkt 2", "Beslutning i <body> den …".
# A heading starts with a capital; a wrapped sentence line that happens to hold "… Byrådets beslutning den 29.
# januar 2024 om …" does not.
# The date ends the heading, or a time, a punkt or a colon and the decision follow it: a paragraph that opens
# "Sagen er en opfølgning fra Byrådets beslutning den 5. september 2022 (punkt 13), om at …" is text.
_DATE_TAIL = (
    r"\s*\d{1,2}[./-]\s?(?:\d{1,2}[./-]\s?\d{2,4}|[a-zæøå]+(?:\s+\d{4})?)"
    r"(?:\s*,?\s*(?:kl\.?\s*[\d.:]+|punkt\s*\d+|pkt\.?\s*\d+))*\s*(?::.*)?"
)
_DATED_DECISION = re.compile(
    rf"^(?=[A-ZÆØÅ])(?i:\S.*s beslutning (?:den|d\.){_DATE_TAIL}|beslutning (?:i|fra) \S.* (?:den|d\.){_DATE_TAIL}|"
    rf"beslutning (?:den|d\.){_DATE_TAIL})$"
)
# Undated ones only when short and capitalised: "Udvalgets beslutning", "Beslutning i Økonomiudvalget" — not a
# wrapped sentence that happens to end in "… byrådets beslutning".
# A body's name may join suspended compounds: "Klima-, Teknik- og Miljøudvalgets beslutning", "BESKÆFTIGELSES- OG
# ERHVERVSUDVALGETS BESLUTNING".
_SHORT_DECISION = re.compile(
    r"^(?=[A-ZÆØÅ])(?:(?i:(?:\S+-,?\s+(?:og\s+)?){0,4}\S+s beslutning)|Beslutning (?:i|fra) [A-ZÆØÅ]\S*(?: \S+){0,3})$"
)
_DECISIONS = {"beslutning", "beslutninger", "udvalgets beslutning", "byrådets beslutning"}


@functools.lru_cache(maxsize=1 << 16)
def section_name(text: str) -> str | None:
    """The section a heading line opens, or None when the line is text."""
    stripped = text.strip().rstrip(":").strip()
    name = SECTION_NAMES.get(stripped.casefold())
    if name:
        return DECISION_SECTION if stripped.casefold() in _DECISIONS or name.endswith("s beslutning") else name
    if len(stripped) <= 120 and (_DATED_DECISION.match(stripped) or _SHORT_DECISION.match(stripped)):
        return DECISION_SECTION
    return None


@functools.lru_cache(maxsize=1 << 16)
def inline_label(text: str) -> tuple[str, str] | None:
    """("Indstilling", "Administrationen indstiller, at …") for a label with its text on the same line: after a
    colon, or — where a layout sets labels in a margin column — followed by a new sentence."""
    match = _INLINE_LABEL.match(text)
    if not match:
        margin = _MARGIN_LABEL.match(text)
        if margin:
            return section_name(margin.group("name")) or margin.group("name"), margin.group("rest")
        return None
    key = match.group("name").casefold()
    name = SECTION_NAMES.get(key) or INLINE_ONLY_LABELS.get(key)
    if not name:
        return None
    return (DECISION_SECTION if key in _DECISIONS else name), match.group("rest")


# Labels that may stand without a colon before their text, when the text starts a sentence ("Beslutning Dagsorden
# blev godkendt."): the labels of an agenda item only, so that running text is not taken for a label.
_MARGIN_NAMES = [
    "Sagsfremstilling",
    "Sagsbeskrivelse",
    "Sagsprocedure",
    "Sammendrag",
    "Resumé",
    "Resume",
    "Indstilling",
    "Beslutning",
    "Baggrund",
    "Økonomiske konsekvenser",
    "Lovgrundlag",
    "Sagens forløb",
]
_MARGIN_LABEL = re.compile(
    r"^(?P<name>(?i:" + "|".join(re.escape(name) for name in _MARGIN_NAMES) + r"))\s+(?P<rest>[A-ZÆØÅ0-9].*)$"
)


def is_section_label(text: str) -> bool:
    return section_name(text) is not None or inline_label(text) is not None


# Sections only an agenda item has (a report's chapter may well have a "Formål" or "Økonomi").
ITEM_SECTIONS = {
    "Beslutning",
    "Indstilling",
    "Sagsfremstilling",
    "Supplerende sagsfremstilling",
    "Sammendrag",
    "Resumé",
    "Resume",
    "Sagsbeskrivelse",
    "Sagsprocedure",
    "Sagens forløb",
    "Beslutningen træffes af",
    "Oplæg",
    "Referat",
}


def is_item_section(text: str) -> bool:
    name = section_name(text)
    if name is None:
        inline = inline_label(text)
        name = inline[0] if inline else None
    return name in ITEM_SECTIONS


# Who was absent, written on one line inside another section ("Afbud: Anne Holm" under "Sagens forløb", between two
# meetings' decisions): the line is its own section, and the text after it belongs to the section it interrupted.
# Some systems print it under each item's decision: "Godkendt." / "Ikke til stede: Anne Holm".
ATTENDANCE_LABELS = frozenset({"Fraværende", "Afbud", "Ikke til stede"})


def split_sections(lines: list[Line]) -> list[Section]:
    """An item's lines as sections, in order; text before the first heading is an unnamed section."""
    sections: list[Section] = []
    name, collected = "", []
    resume = ""  # the section an attendance line interrupted
    in_label = False  # within a heading that stays in the text as its label (set in bold, perhaps over two lines)
    for line in lines:
        if in_label and line.heading:
            collected.append(line.unheaded())
            continue
        in_label = False
        heading = section_name(line.text)
        inline = inline_label(line.text) if heading is None else None
        if heading or inline:
            if collected:
                sections.append(Section(name=name, lines=collected))
            interrupted = name
            name = heading or (inline[0] if inline else "")
            collected = []
            resume = ""
            if heading == DECISION_SECTION and line.text.strip().casefold().rstrip(":") not in _DECISIONS:
                # A dated decision heading says who decided when: it stays in the text, as the decision's label.
                collected, in_label = [line.unheaded()], True
            elif inline and inline[1] and name in ATTENDANCE_LABELS:
                # "Ikke til stede: Anne Holm" keeps its label: quoted alone, "Anne Holm" would not say she was absent.
                collected = [line.unheaded()]
                if interrupted and not re.search(r"(,|\bog)\s*$", inline[1]):
                    resume = interrupted  # a list of names that goes on ("Afbud: Anne Holm,") continues below
            elif inline and inline[1]:
                collected = [Line(text=inline[1], page=line.page)]
        elif resume:
            sections.append(Section(name=name, lines=collected))
            name, collected, resume = resume, [line], ""
        else:
            collected.append(line)
    if collected:
        sections.append(Section(name=name, lines=collected))
    return sections
