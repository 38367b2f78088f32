import datetime as dt

import pytest

from ingestion import Document, chunk_document, parse_pdf
from ingestion.domain import TextLine
from ingestion.extract import PdfContent
from ingestion.parse import MEETING_INFO_TITLE, parse_content
from retrieval.sentences import item_sentences
from tests.conftest import ATTACHMENT, BALLERUP, FIXTURES, KKR, SYDDJURS


@pytest.fixture(scope="module")
def kkr() -> Document:
    return parse_pdf(KKR)


@pytest.fixture(scope="module")
def ballerup() -> Document:
    return parse_pdf(BALLERUP)


def test_kkr_items_exactly(kkr: Document):
    assert kkr.items[0].title == MEETING_INFO_TITLE  # the preamble, searchable as its own pseudo-item
    numbers = [item.number for item in kkr.items[1:]]
    assert numbers == ["1.1", "1.2"] + [f"2.{n}" for n in range(1, 12)] + ["5.1", "6.1", "7.1"]
    assert {item.case_number for item in kkr.items[1:]} == {"SAG-2020-05891"}
    assert kkr.body == "KKR Sjælland"
    assert kkr.meeting_date == dt.date(2021, 8, 30)


@pytest.mark.parametrize(
    ("number", "kind", "title", "first", "last"),
    [
        pytest.param(
            "2.6",
            "Orienteringssag",
            "Anlægsprojekter Holmene og Lynetteholm – status og videre proces",
            24,
            27,
            id="2.6",
        ),
        pytest.param(
            "2.3", "Beslutningssag", "Erhvervshus Sjællands varetagelse af lokal erhvervsservice", 9, 14, id="2.3"
        ),
        pytest.param(
            "2.2",
            "Temadrøftelse",
            "Resultatkontrakt 2022 mellem KKR Sjælland og Erhvervshus Sjælland (første drøftelse)",
            5,
            9,
            id="2.2",
        ),
        pytest.param("2.4", "Orienteringssag", "Halvårsrapportering – Resultatkontrakt 2021 EHSJ", 15, 17, id="2.4"),
        pytest.param("1.1", "", "Godkendelse af dagsorden", 2, 3, id="1.1"),
        pytest.param(
            "2.11", "Orienteringssag", "Socialtilsyn Øst Årsrapport 2020", 36, 39, id="2.11-not-swallowing-3-and-4"
        ),
    ],
)
def test_kkr_item_details(kkr: Document, number, kind, title, first, last):
    item = next(item for item in kkr.items if item.number == number)
    assert (item.kind, item.title, item.first_page, item.last_page) == (kind, title, first, last)


def test_kkr_sections_and_numbered_lists(kkr: Document):
    item = next(item for item in kkr.items if item.number == "1.1")
    assert [s.name for s in item.sections] == ["Baggrund", "Indstilling", "Sagsfremstilling", "Beslutning"]
    assert "1. Temadrøftelser" in item.section_text("Sagsfremstilling")
    decision = next(item for item in kkr.items if item.number == "2.6").section_text("Beslutning")
    assert "Anette Mortensen" in decision


def test_ballerup_items_with_case_numbers(ballerup: Document):
    assert [item.number for item in ballerup.items] == ["", *(str(n) for n in range(1, 9))]
    second = ballerup.items[2]
    assert second.title == "Bygningsvedligeholdelse 2013 - anlægsbevilling"
    assert second.case_number == "2012-28504"
    assert ballerup.items[8].case_number == "2010-3082"
    assert ballerup.body == "Sundheds- og Forebyggelsesudvalget"
    assert ballerup.meeting_date == dt.date(2012, 12, 4)
    # The decision heading is kept as part of the Beslutning text: it says who decided and when.
    assert second.section_text("Beslutning").splitlines()[1] == "Indstillingen godkendt"


def test_ballerup_table_of_contents_is_no_item(ballerup: Document):
    assert ballerup.reading.strategy == "contents"
    assert all(item.first_page >= 3 for item in ballerup.items if item.number)
    assert not any("INDHOLDSFORTEGNELSE" in line.text for line in ballerup.preamble)
    assert "INDHOLDSFORTEGNELSE" not in ballerup.items[0].text  # the contents list is never indexed
    assert "Deltagere" not in ballerup.items[0].title and "Lolan Ottesen" in ballerup.items[0].text


def test_syddjurs_item():
    document = parse_pdf(SYDDJURS)
    assert [(i.number, i.case_number) for i in document.items] == [("", ""), ("715", "12/27845")]
    item = document.items[1]
    assert item.title == "Kulturkommune 2017. Politiske fokusområder"
    assert (item.first_page, item.last_page) == (3, 4)
    assert document.meeting_date == dt.date(2013, 6, 20)
    assert document.body == "Udvalget for plan, udvikling og kultur (PUK)"
    assert [s.name for s in item.sections].count("Beslutning") == 3


def test_attachment_without_agenda_is_one_searchable_item():
    document = parse_pdf(ATTACHMENT)
    assert len(document.items) == 1
    assert document.items[0].kind == "Bilag"
    assert "Torvevej" in document.items[0].text


def test_sub_items_quieter_than_their_group_are_items():
    """FirstAgenda (Aarhus): "1 First Agenda" is bold, "1.1 Status siden sidst" is not; the group's number and
    the "Oplæg:" label under each sub-item tell which is the item."""
    document = parse_pdf(FIXTURES.parent / "layouts" / "aarhus-moedesystemgruppen_2016-10-06_referat.pdf")
    assert document.reading.strategy == "typography"
    assert (document.body, document.meeting_date) == ("Mødesystemgruppen", dt.date(2016, 10, 6))
    numbered = [(item.number, item.title, item.first_page) for item in document.items if item.number]
    assert numbered == [
        ("1.1", "Status siden sidst", 1),
        ("1.2", "Status på udviklingsønsker", 2),
        ("1.3", "Besøg af First Agenda", 2),
        ("1.4", "Plan for resten af året", 2),
        ("2.1", "Status siden sidst", 3),
        ("2.2", "Plan for resten af året", 3),
        ("2.3", "Status over udviklingsønsker", 4),
        ("3", "Eventuelt", 4),
    ]
    first = document.items[1]
    assert first.group == "1 First Agenda" and document.items[5].group == "2 GetOrganized"
    assert first.section_text("Referat").startswith("Alle skal have indhold.")  # label and text on one line
    assert "servicevindue" in first.section_text("Oplæg")
    assert "2016" not in [item.number for item in document.items]  # "2016 og derefter …" is no heading


def _attachment(first_page: list[tuple[float, str]], body_lines: int = 30, bold: range = range(0)) -> PdfContent:
    """An attachment (no agenda): the first page's lines with their type sizes (those at ``bold`` in bold), then a
    page of 11 pt body text."""
    pages = [[TextLine(text=text, page=1, size=size, bold=n in bold) for n, (size, text) in enumerate(first_page)]]
    body = "Afdelingen har gennemgået ordningen og beskriver her, hvordan den virker i praksis for borgerne."
    pages.append([TextLine(text=body, page=2, size=11.0) for _ in range(body_lines)])
    return PdfContent(pages=pages, outline=[])


def test_an_attachment_is_titled_by_its_largest_printed_type_not_its_first_sentence() -> None:
    content = _attachment(
        [
            (24.0, "VBK"),  # a logo in the largest type: one word, no title
            (16.0, "Retningslinjer for tilskud til"),
            (16.0, "foreningernes lokaleleje"),
            (11.0, "Vestby Kommune udsendte den 3. marts et brev til foreningerne, hvor kommunen bad alle"),
            (11.0, "foreninger om at indsende deres regnskaber for lokaleleje inden fristen."),
        ]
    )
    document = parse_content(content, "bilag-lokaleleje.pdf", "doc-1")
    assert document.title == "Retningslinjer for tilskud til foreningernes lokaleleje"


def test_an_attachment_printed_in_one_type_keeps_its_first_line_that_reads_as_a_title() -> None:
    content = _attachment(
        [(11.0, "Notat om ventetider i Borgerservice i Vestby"), (11.0, "Ventetiden er faldet siden sidste år.")]
    )
    document = parse_content(content, "notat-ventetider.pdf", "doc-2")
    assert document.title == "Notat om ventetider i Borgerservice i Vestby"


def test_an_attachment_is_read_in_sections_under_its_printed_headings() -> None:
    content = _attachment(
        [
            (16.0, "Kvalitetsstandard for vejhjælp"),
            (11.0, "Indledende tekst om ordningen i Vestby."),
            (14.0, "2. Klage og ankemuligheder"),
            (11.0, "Klagen sendes til Vestby Kommune, som videresender den til nævnet."),
        ]
    )
    item = parse_content(content, "bilag-vejhjaelp.pdf", "doc-3").items[0]
    named = {section.name: [line.text for line in section.lines] for section in item.sections}
    assert named["2. Klage og ankemuligheder"][:2] == [
        "2. Klage og ankemuligheder",  # the heading stays in the text, as a line of its own
        "Klagen sendes til Vestby Kommune, som videresender den til nævnet.",
    ]
    sentences = {sentence.text: sentence.section for sentence in item_sentences(item)}
    # No run-on sentence from the heading into the text under it, and each sentence knows its heading.
    assert sentences["2. Klage og ankemuligheder"] == "2. Klage og ankemuligheder"
    assert sentences["Klagen sendes til Vestby Kommune, som videresender den til nævnet."] == (
        "2. Klage og ankemuligheder"
    )


def test_a_long_run_of_bold_lines_is_emphasised_text_not_a_heading() -> None:
    emphasised = [(11.0, f"Fristen for ansøgning {number} er den {number}. marts.") for number in range(1, 7)]
    content = _attachment([(16.0, "Retningslinjer for puljen i Vestby"), *emphasised], bold=range(1, 7))
    item = parse_content(content, "bilag-pulje.pdf", "doc-4").items[0]
    assert [section.name for section in item.sections] == ["Retningslinjer for puljen i Vestby"]


def test_a_chunk_under_a_printed_heading_names_it_once() -> None:
    body = [(11.0, f"Afsnit {number} om vejhjælpen i Vestby, som borgerne kan søge om.") for number in range(40)]
    content = _attachment([(16.0, "Kvalitetsstandard for vejhjælp"), *body, (14.0, "Klage og ankemuligheder"), *body])
    chunks = chunk_document(parse_content(content, "bilag-vejhjaelp.pdf", "doc-5"), max_tokens=120)
    headed = [chunk for chunk in chunks if chunk.text.startswith("Klage og ankemuligheder")]
    assert headed and not headed[0].text.startswith("Klage og ankemuligheder\nKlage og ankemuligheder")


def _minutes_with_sub_headings() -> PdfContent:
    """One meeting's item whose Sagsfremstilling has printed sub-headings (bold, body size) over its paragraphs."""
    body = 11.0
    lines = [
        (14.0, False, "Referat Vestby Udvalg 14.03.2024"),
        (body, True, "Mødested"),
        (body, False, "Mødelokale 1, Rådhuset"),
        (14.0, True, "1. Nye tilbud i Træningsenheden"),
        (body, False, "Sagsnr.: 24/2832"),
        (body, True, "Sagsfremstilling"),
        (body, True, "Baggrund for sagen"),
        (body, False, "Udvalget bad i februar om en sag om nye tilbud, og administrationen har udarbejdet tre."),
        (body, True, "Tilbud 1: Overvægtsforløb"),
        (body, False, "Den seneste sundhedsprofil viser, at flere borgere i Vestby er svært overvægtige end før."),
        (body, True, "Tilbud 2: Gangtræning"),
        (body, False, "Der ses hvert år flere borgere med smerter i benene, når de går, også i Vestby."),
        *[(body, False, f"Linje {n} af sagsfremstillingen om tilbuddene, som borgerne henvises til") for n in range(6)],
        (body, True, "Beslutning i Vestby Udvalg den"),
        (body, True, "14.03.2024"),
        (body, False, "Godkendt."),
    ]
    page = [TextLine(text=text, page=1, size=size, bold=bold) for size, bold, text in lines]
    return PdfContent(pages=[page], outline=[])


def test_a_printed_sub_heading_inside_an_item_is_its_own_sentence() -> None:
    """ "Tilbud 1: Overvægtsforløb" set in bold over its paragraph is not the first words of the paragraph's first
    sentence ("Overvægtsforløb Den seneste …"), nor split at its colon: a list question quotes it whole."""
    document = parse_content(_minutes_with_sub_headings(), "referat-vestby.pdf", "doc-6")
    item = next(item for item in document.items if item.number == "1")
    texts = [sentence.text for sentence in item_sentences(item)]
    assert "Tilbud 1: Overvægtsforløb" in texts
    assert "Tilbud 2: Gangtræning" in texts
    assert "Den seneste sundhedsprofil viser, at flere borgere i Vestby er svært overvægtige end før." in texts
    # A dated decision heading is the label of the decision under it, bold or not; so is a meeting's bold label.
    assert "Beslutning i Vestby Udvalg den 14.03.2024 Godkendt." in texts
    opening = [sentence.text for sentence in item_sentences(document.items[0])]
    # The meeting's bold label opens its own fact, with its value (not a heading of its own).
    assert opening == ["Referat Vestby Udvalg 14.03.2024", "Mødested Mødelokale 1, Rådhuset"]


def test_an_items_section_opening_with_a_sub_heading_keeps_its_name_in_the_chunk() -> None:
    """Only an attachment's sections are named by the heading printed at their top; an item's Sagsfremstilling that
    opens with a bold sub-heading is still called Sagsfremstilling in its chunk."""
    chunks = chunk_document(parse_content(_minutes_with_sub_headings(), "referat-vestby.pdf", "doc-7"), max_tokens=80)
    opening = next(chunk for chunk in chunks if "Baggrund for sagen" in chunk.text)
    assert "Sagsfremstilling\nBaggrund for sagen" in opening.text
