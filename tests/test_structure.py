"""How a document's structure is read: which strategy, in order of trust, and that nothing depends on names."""

import random
import re
import uuid
from pathlib import Path

import pytest
from fpdf import FPDF

from ingestion import Document, parse_pdf
from ingestion.parse import ATTACHMENT_KIND, MEETING_INFO_TITLE, parse_pages
from tests.conftest import ATTACHMENT, FIXTURES, HELD_OUT_SETS, KKR, REAL, RENDERED, ROOT, rendered


def _signature(document: Document) -> tuple:
    items = tuple(
        (item.number, item.title, item.kind, item.case_number, item.first_page, item.last_page, item.group)
        for item in document.items
    )
    return document.reading.strategy, document.body, document.meeting_date, document.closed_item_count, items


@pytest.mark.parametrize(
    ("layout", "strategy"),
    [
        pytest.param("punkt-kolon", "outline", id="outline"),
        pytest.param("dagsordenspunkt", "outline", id="outline-number-on-its-own-line"),
        pytest.param("word-eksport", "contents", id="contents-no-typography"),
        pytest.param("sag-nr-tabel", "contents", id="contents-as-table"),
        pytest.param("edoc-klassisk", "typography", id="typography"),
    ],
)
def test_each_strategy_reads_a_layout_it_was_not_written_for(layout, strategy):
    for path in rendered(layout):
        document = parse_pdf(path)
        assert document.reading.strategy == strategy
        numbered = [item for item in document.items if item.number]
        assert numbered and all(item.case_number for item in numbered if item.title != "Underskriftsark")


def test_outline_items_keep_the_heading_found_in_the_text():
    """Aarhus Byråd 2025 style: "Punkt 2: Title", EMN- case number under it, bookmarks and dotted contents."""
    document = parse_pdf(RENDERED / "punkt-kolon_kultur-og-fritidsudvalget_2024-03-20_1630_a165df50.pdf")
    first = document.items[1]
    assert (first.number, first.title, first.case_number, first.first_page) == (
        "1",
        "Godkendelse af dagsorden",
        "EMN-2021-014482",
        1,
    )
    contents_words = "Indholdsfortegnelse"
    assert all(contents_words not in item.text for item in document.items)  # the contents are never indexed
    assert not any("....." in item.text for item in document.items)


def test_text_alone_is_read_with_patterns():
    """Without typography or outline (plain page texts), numbered lines confirmed by case numbers still give the
    KKR items, the same ones the typography gives."""
    from pypdf import PdfReader

    pages = [page.extract_text() for page in PdfReader(KKR).pages]
    from_text = parse_pages(pages, KKR.name, "0" * 64)
    from_pdf = parse_pdf(KKR)
    assert from_text.reading.strategy == "patterns"
    assert from_text.reading.warnings  # it says the reading is a guess
    assert [(i.number, i.title, i.case_number, i.first_page) for i in from_text.items] == [
        (i.number, i.title, i.case_number, i.first_page) for i in from_pdf.items
    ]


def test_a_document_without_structure_says_so():
    document = parse_pdf(ATTACHMENT)
    assert document.reading.strategy == "none"
    assert "Fandt ingen dagsordenspunkter" in document.reading.warnings[-1]
    assert [item.kind for item in document.items] == [ATTACHMENT_KIND]


def test_a_report_with_chapters_is_not_minutes():
    """A 23-page quality standard with a dotted table of contents: chapters, not agenda items."""
    document = parse_pdf(REAL / "ballerup-sfu_2012-12-04_bilag_kvalitetsstandarder-stof-alkohol-2013.pdf")
    assert document.reading.strategy == "none"
    assert "Indholdsfortegnelsen" in " ".join(document.reading.warnings)
    (whole,) = document.items
    assert whole.role == "whole_document"
    assert not any(re.search(r"\.{4,}\s*\d+$", line.text) for line in whole.sections[0].lines)  # contents not kept


def test_bookmarks_that_do_not_match_the_text_are_passed_over(tmp_path: Path):
    pdf = FPDF()
    pdf.set_font("Helvetica", size=10)
    lines = [
        "Referat",
        "Teknik- og Miljøudvalget",
        "1. Vejbelysning på Strandvejen",
        "Sagsnr.: 2024-11409",
        "Beslutning",
        "Godkendt.",
        "2. Cykelsti langs Kirkevej",
        "Sagsnr.: 2024-11410",
        "Beslutning",
        "Udsat.",
    ]
    pdf.add_page()
    pdf.start_section("Forside")
    pdf.start_section("Bilag til mødet")
    pdf.start_section("Noget helt andet")
    for line in lines:
        pdf.cell(0, 6, line, new_x="LMARGIN", new_y="NEXT")
    path = tmp_path / "forkerte-bogmaerker.pdf"
    pdf.output(str(path))
    document = parse_pdf(path)
    assert [item.number for item in document.items if item.number] == ["1", "2"]
    assert document.reading.strategy in ("patterns", "typography")
    assert any("bogmærker" in warning for warning in document.reading.warnings)


def _all_pdfs() -> list[Path]:
    paths = [*FIXTURES.glob("*.pdf"), *(FIXTURES.parent / "layouts").glob("*.pdf")]
    paths += [*RENDERED.glob("*.pdf"), *REAL.glob("*referat*.pdf")]
    paths += [path for folder in HELD_OUT_SETS for path in folder.glob("*.pdf")]
    return sorted(path for path in paths if "SCANNED" not in path.name)


def test_renaming_and_shuffling_files_changes_nothing(tmp_path: Path):
    """Layout detection is not fitted to file names, bodies or dates in names, nor to the order of ingestion."""
    originals = _all_pdfs()
    assert len(originals) >= 50
    expected = {path.read_bytes(): _signature(parse_pdf(path)) for path in originals}
    shuffled = list(originals)
    random.Random(20261127).shuffle(shuffled)
    for path in shuffled:
        renamed = tmp_path / f"{uuid.uuid4().hex}.pdf"
        renamed.write_bytes(path.read_bytes())
        assert _signature(parse_pdf(renamed)) == expected[path.read_bytes()], path.name


def test_meeting_information_is_its_own_item_and_never_the_contents():
    for path in rendered("word-eksport") + rendered("punkt-kolon"):
        document = parse_pdf(path)
        opening = document.items[0]
        assert opening.title == MEETING_INFO_TITLE
        assert "Deltagere" in opening.text and "...." not in opening.text


def _item_page(number: int, title: str) -> str:
    return f"{number}. {title}\nBaggrund\nUdvalget drøfter {title.lower()}.\nBeslutning\nGodkendt."


def test_a_contents_entry_wrapped_over_three_lines_keeps_the_entries_after_it():
    """ "10. Beslutning om skærpede krav til" / "vurdering af egnethed samt om antal" / "leverandører … 20": the
    page number comes two lines on, and the entries after it are still the contents' (they were all lost)."""
    contents = "\n".join(
        [
            "Vestby Kommune",
            "Indhold",
            "1. Godkendelse af dagsorden .............. 2",
            "2. Beslutning om skærpede krav til vurdering af egnethed",
            "samt om antal leverandører af hjemmepleje på",
            "fritvalgsområdet .............. 3",
            "3. Madservice og tøjvask, uanmeldt tilsyn .............. 4",
            "4. Orientering fra formanden .............. 5",
        ]
    )
    pages = [
        contents,
        _item_page(1, "Godkendelse af dagsorden"),
        "2. Beslutning om skærpede krav til\nvurdering af egnethed samt om antal\nleverandører af hjemmepleje på\n"
        "fritvalgsområdet\nBaggrund\nKravene skærpes.\nBeslutning\nGodkendt.",
        _item_page(3, "Madservice og tøjvask, uanmeldt tilsyn"),
        _item_page(4, "Orientering fra formanden"),
    ]
    document = parse_pages(pages, "vestby.pdf", "0" * 64)
    assert [item.number for item in document.items if item.number] == ["1", "2", "3", "4"]
    assert [item.first_page for item in document.items if item.number] == [2, 3, 4, 5]


def test_a_number_ending_a_title_in_a_contents_without_pages_is_no_page():
    """ "Salg af Vestby Torv 39 og 27", "… efter servicelovens § 107": in a contents whose entries have no page
    numbers, a number at a title's end is the title's; read as a page, the next entry (no page) ended the contents
    and every item after it was lost."""
    titles = [
        "Godkendelse af dagsorden",
        "Salg af Vestby Torv 39 og 27",
        "Budgetopfølgning 3",
        "Omdannelse af fire boliger til midlertidige boliger efter servicelovens § 107",
        "Udbud af affaldsindsamling",
        "Orientering fra borgmesteren",
    ]
    contents = "\n".join(["Vestby Kommune", "Dagsorden:", *(f"{n}. {title}" for n, title in enumerate(titles, 1))])
    pages = [contents, *(_item_page(n, title) for n, title in enumerate(titles, 1))]
    document = parse_pages(pages, "vestby.pdf", "0" * 64)
    assert [item.number for item in document.items if item.number] == ["1", "2", "3", "4", "5", "6"]
    assert [item.first_page for item in document.items if item.number] == [2, 3, 4, 5, 6, 7]


def test_a_case_number_over_each_items_page_is_the_items_not_furniture():
    """One page per item under the same header block, with the item's own "Sags ID" in it: the repeating header
    goes, the case number stays with its item."""
    header = "Vestby Kommune\nSocialudvalget\nMødedato: 05.02.2024 kl. 15:30\nREFERAT"
    titles = ["Godkendelse af dagsorden", "Botilbud i Nordparken", "Voksenelevløn", "Årsberetning fra Seniorrådet"]
    cases = ["2021-0011111", "2023-0022222", "2023-0022222", "2024-0033333"]
    pages = [
        f"{header}\nSags ID: {case}\n{n} (Åben) {title}\nResume\nSagen handler om {title.lower()}.\nBeslutning\nJa."
        for n, (title, case) in enumerate(zip(titles, cases, strict=True), 1)
    ]
    document = parse_pages(pages, "vestby.pdf", "0" * 64)
    items = [item for item in document.items if item.number]
    assert [item.case_number for item in items] == cases
    assert all("Vestby Kommune" not in item.text for item in items)


def test_the_meeting_place_printed_only_in_the_running_header_is_the_meetings_own():
    """Each page under the same header, "Mødested: Mødelokale 6" in it: the header goes from the items, but the
    meeting's place and time stay with its opening lines (and on its first page, where a quote of them is
    verified) — "Hvor blev mødet holdt?" was answered from an item about the meeting calendar."""
    header = "Vestby Kommune\nTeknikudvalget\nMødedato: 19.09.2022 kl. 08:00\nMødested: Mødelokale 6\nREFERAT"
    titles = ["Godkendelse af dagsorden", "Affaldsplan", "Byggesagsgebyrer", "Busbestilling"]
    pages = [
        f"{header}\nDeltagere: Anne Holm, Lise Berg\nAfbud: Ingen\nDagsorden\n"
        + "\n".join(f"{n} (Åben) {title}" for n, title in enumerate(titles, 1))
    ] + [
        f"{header}\nSags ID: 2022-00{n}\n{n} (Åben) {title}\nResume\nSagen handler om {title.lower()}.\nBeslutning\nJa."
        for n, title in enumerate(titles, 1)
    ]
    document = parse_pages(pages, "vestby.pdf", "0" * 64)
    opening = document.items[0]
    assert opening.title == MEETING_INFO_TITLE
    assert "Mødested: Mødelokale 6" in opening.text and "Deltagere: Anne Holm" in opening.text
    assert "Mødested: Mødelokale 6" in document.pages[0]
    items = [item for item in document.items if item.number]
    assert len(items) == 4 and all("Mødested" not in item.text for item in items)


def test_a_title_wrapped_before_a_plan_number_keeps_its_case_number():
    """ "Pkt. 8. Forslag om tilbagerulning af lokalplan" / "12.50" / "Sagsnr. 23/2704": the plan's number alone on
    the next line is the title's end, not a heading — the case number under it is the item's (it was lost)."""
    pages = [
        "Pkt. 7. Godkendelse af dagsorden\nSagsnr. 23/1001\nBeslutning\nGodkendt.",
        "Pkt. 8. Forslag fra Vestbylisten om tilbagerulning af lokalplan\n12.50\nSagsnr. 23/2704\nBeslutning\n"
        "Byrådet sendte forslaget til behandling i udvalget.",
        "Pkt. 9. Orientering fra borgmesteren\nSagsnr. 23/1002\nBeslutning\nTaget til efterretning.",
    ]
    document = parse_pages(pages, "vestby.pdf", "0" * 64)
    items = {item.number: item for item in document.items if item.number}
    assert list(items) == ["7", "8", "9"]
    assert items["8"].case_number == "23/2704"
    assert items["8"].title.endswith("lokalplan 12.50")


def test_a_status_in_place_of_the_title_gives_way_to_the_labelled_title_under_it():
    """A form prints "Pkt. 3 Åbent punkt" and the title on the next line as a field ("Dagsordenspunkt: …"): the
    item's title is what the field holds (the citation read "Åbent punkt Dagsordenspunkt: …")."""
    titles = ["Godkendelse af dagsorden", "Rottehandlingsplan 2025 - 2027, vedtagelse"]
    pages = [
        f"Pkt. {n} Åbent punkt\nDagsordenspunkt: {title}\nSagsnr.: 23/100{n}\nBeh.: TU\nIndstilling:\n"
        "At sagen godkendes.\nBeslutning:\nGodkendt."
        for n, title in enumerate(titles, 1)
    ]
    document = parse_pages(pages, "vestby.pdf", "0" * 64)
    items = [item for item in document.items if item.number]
    assert [item.title for item in items] == titles


def test_an_item_without_a_case_number_under_a_status_heading_keeps_its_title():
    """ "Pkt. 10 Åbent punkt" / "Dagsordenspunkt: Udvidelse af hjemmepleje …" / "Beh.: …" with no case number: the
    title was "Åbent punkt" (nothing ended the wrapped title the way a case-number line does)."""
    for path in rendered("skema-forkortet") + sorted((ROOT / "eval" / "corpus").glob("dev-wide-*/skema-*.pdf")):
        titles = [item.title for item in parse_pdf(path).items if item.number]
        assert titles and not [title for title in titles if "Åbent punkt" in title or "Dagsordenspunkt:" in title]
