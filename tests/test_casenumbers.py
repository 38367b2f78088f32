import pytest

from ingestion.casenumbers import case_line, case_number_in_heading, is_document_number_line, labelled_case_number


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        pytest.param("SAG-2020-05891 jebj", "SAG-2020-05891", id="kl-with-initials"),
        pytest.param("EMN-2025-003383", "EMN-2025-003383", id="emn-alone"),
        pytest.param("Sagsnr.: 2012-28504", "2012-28504", id="edoc"),
        pytest.param("Sagsnr.: 12/27845", "12/27845", id="acadre"),
        pytest.param("Sags nr. 22-011409", "22-011409", id="sags-nr"),
        pytest.param("Sagsnummer: 20-055104K", "20-055104K", id="letter-suffix"),
        pytest.param("J.nr. 00.01.00-A00-1-25", "00.01.00-A00-1-25", id="kle"),
        pytest.param("Journalnr.: 27.69.48-P20-12-24", "27.69.48-P20-12-24", id="kle-journalnr"),
        pytest.param("Acadre sagsnr. 22/11409", "22/11409", id="acadre-label"),
        pytest.param("Journalnr.: 2024/963", "2024/963", id="year-slash"),
        pytest.param("Sagsnr.: 2024-2015", "2024-2015", id="labelled-looks-like-years"),
        pytest.param("Sagsnr.: 00.22.00-A24-2-21   Sagsbehandler: METH", "00.22.00-A24-2-21", id="key-value-block"),
        pytest.param("Dok.nr.: 2012-203438", None, id="document-number"),
        pytest.param("2012-2013", None, id="year-range"),
        pytest.param("2023/24", None, id="school-year"),
        pytest.param("Ad 6) ORIENTERING FRA FORMANDEN Sags nr. 21-014447", None, id="heading-carrying-one"),
        pytest.param("Budgettet for 2013 er på 1.316.000 kr.", None, id="sentence"),
    ],
)
def test_case_lines(line, expected):
    assert case_line(line) == expected


def test_a_document_number_is_never_a_case_number():
    assert is_document_number_line("Dok.nr.: 2012-203438")
    assert labelled_case_number("Sagsnr.: 2012-28504 Dok.nr.: 2012-1") == "2012-28504"
    assert labelled_case_number("Dok.nr.: 2012-1 Sagsnr.: 2012-28504") == "2012-28504"


@pytest.mark.parametrize(
    ("heading", "expected"),
    [
        pytest.param("Kulturkommune 2017 (22-011409)", ("Kulturkommune 2017", "22-011409"), id="bracketed"),
        pytest.param("22-011409 – Lokalplan for X", ("Lokalplan for X", "22-011409"), id="leading"),
        pytest.param("Budget 2022-2025 og overslag", ("Budget 2022-2025 og overslag", ""), id="years-in-title"),
        pytest.param("Skoleåret 2023/24", ("Skoleåret 2023/24", ""), id="school-year-at-end"),
        pytest.param("Titel Sags nr. 21-014447", ("Titel", "21-014447"), id="labelled-at-end"),
    ],
)
def test_case_numbers_in_headings(heading, expected):
    assert case_number_in_heading(heading) == expected
