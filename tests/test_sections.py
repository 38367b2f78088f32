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
