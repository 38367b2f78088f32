import pytest

from ingestion.clean import dehyphenate, strip_running_lines
from ingestion.domain import Line, TextLine


def _join(*texts: str) -> str:
    lines = [Line(text=text, page=1) for text in texts]
    return "\n".join(line.text for line in dehyphenate(lines))


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        pytest.param(
            ["skal understøtte ar-", "bejdsdeling mellem"], "skal understøtte arbejdsdeling\nmellem", id="split-word"
        ),
        pytest.param(["varig-", "hed. Det er"], "varighed.\nDet er", id="split-with-punctuation"),
        pytest.param(["sagen SAG-2020-", "05891 er"], "sagen SAG-2020-05891\ner", id="case-number"),
        pytest.param(["af KKR-", "sekretariatet"], "af KKR-sekretariatet", id="acronym-compound"),
        pytest.param(["børne-", "og ungeudvalget"], "børne-\nog ungeudvalget", id="suspended-compound"),
        pytest.param(["et nyt it-", "system"], "et nyt it-system", id="lowercase-prefix"),
        pytest.param(["data på 6-", "måneders opfølgningen"], "data på 6-måneders\nopfølgningen", id="number-prefix"),
        pytest.param(
            ["Sjællands symfoniorkester -", "Mogens Haugaard"],
            "Sjællands symfoniorkester -\nMogens Haugaard",
            id="dash",
        ),
        pytest.param(
            ["følgende:", "- Virksomhedsrettet indsats"], "følgende:\n- Virksomhedsrettet indsats", id="bullet"
        ),
    ],
)
def test_dehyphenate(lines, expected):
    assert _join(*lines) == expected


def test_document_spelling_decides_unknown_compounds():
    lines = ["grøn-", "omstilling er vigtig", "og den grøn-omstilling fortsætter"]
    assert _join(*lines).startswith("grøn-omstilling")


def _pages(texts: list[str]) -> list[list[TextLine]]:
    return [[TextLine(text=text, page=number) for text in page.split("\n")] for number, page in enumerate(texts, 1)]


def _texts(cleaned: list[list[TextLine]]) -> list[list[str]]:
    return [[line.text for line in page] for page in cleaned]


def test_running_headers_and_footers_are_removed_but_body_kept():
    pages = [
        f"KKR Sjælland  | 30-08-2021\nSIDE  |  {n}\n{body}\n{n} of 5"
        for n, body in enumerate(["Budget står her.\nReferat", "Skole", "Vej\nBeslutning", "Park", "Havn"], 1)
    ]
    cleaned, furniture = strip_running_lines(_pages(pages))
    assert _texts(cleaned) == [["Budget står her.", "Referat"], ["Skole"], ["Vej", "Beslutning"], ["Park"], ["Havn"]]
    assert "KKR Sjælland | 30-08-2021" in furniture


def test_page_numbers_are_removed_even_in_short_documents():
    cleaned, _ = strip_running_lines(_pages(["Side 1\nEn linje", "Anden linje\n2 af 2"]))
    assert _texts(cleaned) == [["En linje"], ["Anden linje"]]


def test_a_repeated_body_line_below_the_header_is_kept_once():
    bodies = ["Referat\nUdvalget\ntirsdag den 4. december", "Skole og vej", "Budget 2013", "Cykelsti"]
    pages = [f"Udvalget\nReferat\nSide {n}\n{body}" for n, body in enumerate(bodies, 1)]
    cleaned, _ = strip_running_lines(_pages(pages))
    assert _texts(cleaned)[0] == ["Referat", "Udvalget", "tirsdag den 4. december"]
