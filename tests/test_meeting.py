import datetime as dt

import pytest

from ingestion.meeting import find_date, read_meeting


@pytest.mark.parametrize(
    ("first_page", "body", "date"),
    [
        pytest.param(
            ["REFERAT", "Aarhus Byråd", "Mødedato Onsdag d. 27. august 2025", "Mødested Rådhuset"],
            "Aarhus Byråd",
            dt.date(2025, 8, 27),
            id="labelled-weekday",
        ),
        pytest.param(
            ["Teknik- og Miljøudvalget", "Referat", "Møde 9. april 2025 kl. 08:00"],
            "Teknik- og Miljøudvalget",
            dt.date(2025, 4, 9),
            id="meeting-line",
        ),
        pytest.param(
            ["Beslutningsprotokol", "Økonomiudvalget", "Mødet blev holdt den 03.05.2023 kl. 16.00 i Byrådssalen."],
            "Økonomiudvalget",
            dt.date(2023, 5, 3),
            id="held-sentence",
        ),
        pytest.param(
            ["Referat", "Udvalg: Social- og Handicapudvalget", "Dato: 14-03-2022", "Sted: Mødelokale 1"],
            "Social- og Handicapudvalget",
            dt.date(2022, 3, 14),
            id="fields",
        ),
        pytest.param(
            ["REFERAT af møde i Kultur- og Fritidsudvalget", "Mandag den 4. april 2022 kl. 16.00"],
            "Kultur- og Fritidsudvalget",
            dt.date(2022, 4, 4),
            id="referat-af-mode-i",
        ),
        pytest.param(
            ["Referat For Udvalget for plan, udvikling og kultur (PUK)", "20. juni 2013 - kl. 10:30"],
            "Udvalget for plan, udvikling og kultur (PUK)",
            dt.date(2013, 6, 20),
            id="referat-for",
        ),
    ],
)
def test_body_and_date_from_the_first_page(first_page, body, date):
    meeting = read_meeting([], first_page)
    assert (meeting.body, meeting.date) == (body, date)


def test_running_header_gives_body_and_date():
    meeting = read_meeting(["KKR Sjælland | 30-08-2021", "SIDE | 2"] * 3, ["Mission", "KL's mission er …"])
    assert (meeting.body, meeting.date) == ("KKR Sjælland", dt.date(2021, 8, 30))


def test_a_lone_item_takes_body_and_date_from_its_decision():
    """One item exported alone has no cover; its decision heading says who met when. An earlier meeting in the
    case's history ("Kommunalbestyrelsen den 30. januar 2012 Punkt 5") is not this meeting."""
    text = [
        "3. Kvalitetsstandarder",
        "Sagsnr.: 2012-31114",
        "Kommunalbestyrelsen den 30. januar 2012 Punkt 5",
        "Konference den 23. januar 2012",
        "Sundheds- og Forebyggelsesudvalgets beslutning den 04.12.2012 Punkt 3",
    ]
    meeting = read_meeting([], text[:4], text)
    assert (meeting.body, meeting.date) == ("Sundheds- og Forebyggelsesudvalget", dt.date(2012, 12, 4))


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("30-08-2021", dt.date(2021, 8, 30)),
        ("04.12.2012", dt.date(2012, 12, 4)),
        ("d. 9. april 2025", dt.date(2025, 4, 9)),
        ("den 9 januar 1942", dt.date(1942, 1, 9)),
        ("2024-03-20", dt.date(2024, 3, 20)),
        ("SAG-2020-05891", None),
        ("31.02.2021", None),
    ],
)
def test_find_date(text, date):
    assert find_date(text) == date


def test_find_dates_finds_every_date_in_the_order_written():
    from ingestion.meeting import find_dates

    text = "Frist 21-05-2024, forhandling i uge 34, kontrakt den 2. oktober 2024 (ikke 31.02.2024), start 2025-01-06"
    assert find_dates(text) == [dt.date(2024, 5, 21), dt.date(2024, 10, 2), dt.date(2025, 1, 6)]


def test_a_timetable_date_with_the_year_after_a_space_is_a_date():
    """ "Offentliggørelse af udbud 19/4 2024": a timetable's date; "1/2 af udgiften" is no date."""
    from ingestion.meeting import find_dates

    assert find_dates("Udbud 19/4 2024 Ansøgningsfrist 21/5 2024") == [dt.date(2024, 4, 19), dt.date(2024, 5, 21)]
    assert find_dates("Kommunen betaler 1/2 af udgiften i 2024.") == []
