"""The command line, run in-process with typer's runner over a fresh data dir."""

import json

import pytest
from typer.testing import CliRunner

from api.cli import app
from ingestion import ocr
from tests.conftest import ATTACHMENT, RENDERED, SCANNED, SYDDJURS

runner = CliRunner()


@pytest.fixture(scope="module")
def data_dir(tmp_path_factory):
    path = tmp_path_factory.mktemp("cli") / "data"
    result = runner.invoke(app, ["ingest", str(SYDDJURS), "--data-dir", str(path)])
    assert result.exit_code == 0, result.output
    assert "1 nye" in result.output
    assert f"{SYDDJURS.name}: 1 punkter, læst med indholdsfortegnelsen" in result.output  # how it was read
    result = runner.invoke(app, ["ingest", str(ATTACHMENT), "--data-dir", str(path)])
    assert "ingen dagsordenspunkter fundet" in result.output
    return path


def test_documents_lists_one_line_per_document(data_dir):
    result = runner.invoke(app, ["documents", "--data-dir", str(data_dir)])
    assert result.exit_code == 0
    minutes, attachment = sorted(result.output.strip().splitlines(), key=lambda line: ATTACHMENT.name in line)
    assert SYDDJURS.name in minutes and "20-06-2013" in minutes and "Udvalget for plan" in minutes
    assert "1 punkter" in minutes
    assert ATTACHMENT.name in attachment and "ingen punkter fundet" in attachment  # not one silent big item


def test_ask_json_matches_the_schema(data_dir):
    result = runner.invoke(
        app, ["ask", "Hvad blev besluttet i sag 12/27845 den 20. juni 2013?", "--json", "--data-dir", str(data_dir)]
    )
    assert result.exit_code == 0, result.output
    payload = json.loads(result.output)
    assert set(payload) == {"answer", "answered", "citations", "certainty", "certainty_text", "timeline", "timings_ms"}
    assert payload["answered"] is True
    # The question names the case: the answer is sure, and says so in words.
    assert (payload["certainty"], payload["certainty_text"]) == ("sikkert", "Sikkert svar")
    assert payload["timeline"] == []
    citation = payload["citations"][0]
    assert set(citation) == {
        "n",
        "document",
        "body",
        "meeting_date",
        "agenda_item",
        "title",
        "case_number",
        "pages",
        "snippet",
        "ocr",
        "reference",
    }
    assert citation["ocr"] is False
    # The text "Kopiér kildehenvisning" copies, the same in the plain output.
    assert citation["reference"].endswith(f'"{citation["snippet"]}"') and "punkt" in citation["reference"]
    assert (citation["agenda_item"], citation["case_number"], citation["meeting_date"]) == (
        "715",
        "12/27845",
        "2013-06-20",
    )


def test_ask_plain_output_lists_citations(data_dir):
    question = "Hvor mange T-shirts blev der trykt til kulturkommunens kick-off?"
    result = runner.invoke(app, ["ask", question, "--data-dir", str(data_dir)])
    assert result.exit_code == 0
    assert (
        "[1] Udvalget for plan, udvikling og kultur (PUK) 20-06-2013, punkt 715 »Kulturkommune 2017. Politiske "
        'fokusområder« (12/27845), s. 3: "'
    ) in result.output
    # How sure the answer is, in words, right under it.
    assert "(Sikkert svar)" in result.output or "(Usikkert — tjek kilden)" in result.output


def test_scanned_pdf_is_skipped_with_a_reason_and_a_failing_exit_where_ocr_cannot_run(data_dir, monkeypatch):
    monkeypatch.setattr(ocr, "missing", lambda: f"tesseract er ikke installeret. {ocr.INSTALL_HINT}.")
    result = runner.invoke(app, ["ingest", str(SCANNED), "--data-dir", str(data_dir)])
    assert result.exit_code == 2
    assert "intet tekstlag" in result.output and "OCR" in result.output


def test_bad_date_option_is_explained(data_dir):
    result = runner.invoke(app, ["ask", "Hvad skete der?", "--from", "20-06-2013", "--data-dir", str(data_dir)])
    assert result.exit_code != 0
    assert "ÅÅÅÅ-MM-DD" in result.output


def test_delete_unknown_document_fails_clearly(data_dir):
    result = runner.invoke(app, ["delete", "ffffffffffff", "--data-dir", str(data_dir)])
    assert result.exit_code == 2
    assert "findes ikke" in result.output


def test_inspect_shows_the_reading_without_indexing(tmp_path):
    path = RENDERED / "punkt-kolon_kultur-og-fritidsudvalget_2024-03-20_1630_a165df50.pdf"
    result = runner.invoke(app, ["inspect", str(path)])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[1] == "Læst med: bogmærker (PDF'ens disposition)"
    assert lines[2] == "Organ: Kultur- og Fritidsudvalget   Mødedato: 20-03-2024"
    assert lines[3] == "Dagsordenspunkter: 13, 1 lukkede (ikke indekseret)"
    assert any(
        line.startswith("  punkt 2  Besøg ved foreningen Greve Væveskole  [EMN-2024-002984]  s. 2–3") for line in lines
    )
    assert not any("Café Langsiden" in line for line in lines)  # the closed item's title is not shown


def test_inspect_json_and_a_document_without_structure():
    result = runner.invoke(app, ["inspect", str(ATTACHMENT), "--json"])
    assert result.exit_code == 0, result.output
    payload = json.loads(result.output)
    assert payload["strategy"] == "none" and payload["items"] == []
    assert "Fandt ingen dagsordenspunkter" in payload["warnings"][-1]
    plain = runner.invoke(app, ["inspect", str(ATTACHMENT)])
    assert (
        "Læst med: ingen struktur fundet" in plain.output and "Advarsel: Fandt ingen dagsordenspunkter" in plain.output
    )


def test_inspect_refuses_what_is_not_a_readable_pdf(tmp_path, monkeypatch):
    monkeypatch.setattr(ocr, "missing", lambda: f"tesseract er ikke installeret. {ocr.INSTALL_HINT}.")
    result = runner.invoke(app, ["inspect", str(SCANNED)])
    assert result.exit_code == 2 and "intet tekstlag" in result.output
    missing = runner.invoke(app, ["inspect", str(tmp_path / "findes-ikke.pdf")])
    assert missing.exit_code == 2 and "kan ikke læses" in missing.output
