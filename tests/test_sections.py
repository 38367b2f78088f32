"""Which lines open the named parts of an agenda item."""

import pytest

from ingestion.sections import section_name


@pytest.mark.parametrize(
    "line",
    [
        "Beslutning",
        "BYRÅDETS BESLUTNING",
        "Udvalgets beslutning",
        "Beslutning i Økonomiudvalget",
        # A committee's name of suspended compounds, in any case.
        "Klima-, Teknik- og Miljøudvalgets beslutning",
        "BESKÆFTIGELSES- OG ERHVERVSUDVALGETS BESLUTNING",
        "Skole-, Børne- og Ungeudvalgets beslutning:",
        "Kultur- og Fritidsudvalgets beslutning den 07.02.2024",
        "Beslutning i Vestby Udvalg den 15.11.2022",
        "Sundheds- og Forebyggelsesudvalgets beslutning den 04.12.2012 Punkt 2",
        "Beslutning i Økonomiudvalget den 3. maj 2023",
        "Beslutning i VU den 10.10.2022: Godkendt.",
        "Beslutning i Vestby Udvalg den 3. maj",
    ],
)
def test_a_decision_heading_opens_the_decision(line: str) -> None:
    assert section_name(line) == "Beslutning"


@pytest.mark.parametrize(
    "line",
    [
        "Det var byrådets beslutning",
        "og derfor er det udvalgets beslutning",
        # A paragraph opening with a decision's date goes on after it: text, not the decision's heading.
        "Sagen er en opfølgning fra Byrådets beslutning den 5. september 2022 (punkt 13), om at undersøge",
    ],
)
def test_a_sentence_ending_in_a_decision_is_text(line: str) -> None:
    assert section_name(line) is None


def test_an_absence_line_interrupts_the_course_of_the_case_for_one_line() -> None:
    """ "Afbud: Anne Holm" printed between two meetings' decisions under "Sagens forløb" is its own section; the
    next meeting's decision is still part of the case's course, not of the absence."""
    from ingestion.domain import Line
    from ingestion.sections import split_sections

    texts = [
        "Sagens forløb",
        "14-03-2024 Vestby Udvalg",
        "Udvalget anbefaler scenarie A",
        "Afbud: Anne Holm",
        "10-04-2024 Økonomiudvalget",
        "Økonomiudvalget anbefaler, at Vestby Udvalgs indstilling godkendes.",
        "Bilag",
        "1. Budget",
    ]
    sections = split_sections([Line(text=text, page=1) for text in texts])
    assert [(s.name, [line.text for line in s.lines]) for s in sections] == [
        ("Sagens forløb", texts[1:3]),
        ("Afbud", ["Afbud: Anne Holm"]),
        ("Sagens forløb", texts[4:6]),
        ("Bilag", ["1. Budget"]),
    ]
    # A list of names that goes on after a comma stays together.
    listed = split_sections([Line(text=t, page=1) for t in ["Beslutning", "Godkendt.", "Afbud: Anne Holm,", "Bo Berg"]])
    assert [s.name for s in listed] == ["Beslutning", "Afbud"]
    assert [line.text for line in listed[1].lines] == ["Afbud: Anne Holm,", "Bo Berg"]


def test_who_was_not_present_is_no_part_of_the_decision() -> None:
    """ "Ikke til stede: Anne Holm" printed under an item's decision says who was absent; the name is not something
    decided (it answered "Hvem blev ansat …?"). The line keeps its label: "Anne Holm" alone says nothing."""
    from ingestion.domain import Line
    from ingestion.sections import split_sections

    texts = ["Beslutning", "Godkendt.", "Ikke til stede: Anne Holm", "Bilag", "1. Budget"]
    sections = split_sections([Line(text=text, page=1) for text in texts])
    assert [(s.name, [line.text for line in s.lines]) for s in sections] == [
        ("Beslutning", ["Godkendt."]),
        ("Ikke til stede", ["Ikke til stede: Anne Holm"]),
        ("Bilag", ["1. Budget"]),
    ]
