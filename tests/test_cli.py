"""The command line, run in-process with typer's runner over a fresh data dir."""

import json

import pytest
from typer.testing import CliRunner

from api.cli import app
from tests.conftest import SCANNED, SYDDJURS

runner = CliRunner()


@pytest.fixture(scope="module")
def data_dir(tmp_path_factory):
    path = tmp_path_factory.mktemp("cli") / "data"
    result = runner.invoke(app, ["ingest", str(SYDDJURS), "--data-dir", str(path)])
    assert result.exit_code == 0, result.output
    assert "1 nye" in result.output
    return path


def test_documents_lists_one_line_per_document(data_dir):
    result = runner.invoke(app, ["documents", "--data-dir", str(data_dir)])
    assert result.exit_code == 0
    (line,) = result.output.strip().splitlines()
    assert SYDDJURS.name in line and "20-06-2013" in line and "Udvalget for plan" in line


def test_ask_json_matches_the_schema(data_dir):
    result = runner.invoke(
        app, ["ask", "Hvad blev besluttet i sag 12/27845 den 20. juni 2013?", "--json", "--data-dir", str(data_dir)]
    )
    assert result.exit_code == 0, result.output
    payload = json.loads(result.output)
    assert set(payload) == {"answer", "answered", "citations", "timings_ms"}
    assert payload["answered"] is True
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
    }
    assert (citation["agenda_item"], citation["case_number"], citation["meeting_date"]) == (
        "715",
        "12/27845",
        "2013-06-20",
    )


def test_ask_plain_output_lists_citations(data_dir):
    question = "Hvor mange T-shirts blev der trykt til kulturkommunens kick-off?"
    result = runner.invoke(app, ["ask", question, "--data-dir", str(data_dir)])
    assert result.exit_code == 0
    assert '[1] Udvalget for plan, udvikling og kultur (PUK) 20-06-2013, punkt 715 (12/27845), s. 3: "' in result.output


def test_scanned_pdf_is_skipped_with_a_reason_and_a_failing_exit(data_dir):
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
