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
    ],
)
def test_a_decision_heading_opens_the_decision(line: str) -> None:
    assert section_name(line) == "Beslutning"


@pytest.mark.parametrize("line", ["Det var byrådets beslutning", "og derfor er det udvalgets beslutning"])
def test_a_sentence_ending_in_a_decision_is_text(line: str) -> None:
    assert section_name(line) is None
