"""Scanned pages are read with Danish OCR (tesseract), only where a page has no text of its own, and everything
read that way says so. The scans here are made by the test: known Danish text drawn onto an image-only PDF."""

from __future__ import annotations

import io
import json
import re
import time
from collections import Counter
from contextlib import contextmanager
from pathlib import Path

import pytest
from pypdf import PdfReader, PdfWriter
from typer.testing import CliRunner

from api.cli import app
from ingestion import NoTextLayer, ocr, parse_pdf_bytes
from ingestion.extract import read_pdf
from tests.conftest import KNOWN_TEXT, SCANNED, SYDDJURS, make_scan, require_ocr, scribbled_scan


@pytest.fixture(autouse=True, scope="module")
def _ocr_installed() -> None:
    require_ocr()


def joined(*pdfs: bytes, text_pages: int = 0) -> bytes:
    """The first ``text_pages`` pages of the Syddjurs minutes (real text layer), then the given PDFs' pages."""
    writer = PdfWriter()
    for page in PdfReader(SYDDJURS).pages[:text_pages]:
        writer.add_page(page)
    for pdf in pdfs:
        for page in PdfReader(io.BytesIO(pdf)).pages:
            writer.add_page(page)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def words(text: str) -> list[str]:
    return re.findall(r"[\wæøåÆØÅ]+", text.casefold())


def test_a_scan_of_known_danish_text_is_read_word_for_word():
    content = read_pdf(make_scan(KNOWN_TEXT), "scanning.pdf")
    assert content.ocr_pages == (1,)
    expected = Counter(words(" ".join(KNOWN_TEXT)))
    read = Counter(words(content.page_texts[0]))
    recognised = sum((expected & read).values()) / sum(expected.values())
    assert recognised >= 0.95, (recognised, content.page_texts[0])
    assert {"børn", "følgegruppen", "ærøskøbing", "økonomiudvalget", "ældrerådet", "åberg"} <= set(read)


def test_a_mixed_pdf_keeps_its_text_and_reads_only_the_image_page():
    data = joined(make_scan(KNOWN_TEXT), text_pages=2)
    content = read_pdf(data, "blandet.pdf")
    assert content.ocr_pages == (3,)
    text_only = read_pdf(joined(text_pages=2), "tekst.pdf")
    assert content.page_texts[:2] == text_only.page_texts
    assert "Ærøskøbing" in content.page_texts[2]
    document = parse_pdf_bytes(data, "blandet.pdf")
    assert document.ocr_pages == [3]
    assert document.is_ocr([3]) and not document.is_ocr([1, 2])


def test_a_page_ocr_cannot_read_is_left_out_counted_and_named():
    content = read_pdf(joined(scribbled_scan(), text_pages=1), "med-kruseduller.pdf")
    assert content.ocr_pages == () and content.unread_pages == (2,)
    assert content.page_texts[1] == ""
    assert any("Side 2" in warning and "ikke indekseret" in warning for warning in content.warnings)


def test_a_scan_ocr_cannot_read_at_all_is_refused_with_a_reason():
    with pytest.raises(NoTextLayer, match="OCR kunne ikke læse"):
        read_pdf(scribbled_scan(), "kruseduller.pdf")


def test_without_ocr_a_scan_is_refused_naming_the_packages(monkeypatch):
    monkeypatch.setattr(ocr, "missing", lambda: f"tesseract er ikke installeret. {ocr.INSTALL_HINT}.")
    with pytest.raises(NoTextLayer, match="tesseract-ocr-dan"):
        read_pdf(make_scan(KNOWN_TEXT), "scanning.pdf")
    mixed = read_pdf(joined(make_scan(KNOWN_TEXT), text_pages=1), "blandet.pdf")
    assert mixed.ocr_pages == () and mixed.unread_pages == (2,)
    assert "tesseract-ocr-dan" in mixed.warnings[0]


def test_ocr_progress_is_reported_page_by_page():
    seen: list[tuple[int, int]] = []
    read_pdf(
        joined(make_scan(KNOWN_TEXT[:3]), make_scan(KNOWN_TEXT[3:])),
        "to-sider.pdf",
        progress=lambda *a: seen.append(a),
    )
    assert seen == [(1, 2), (2, 2)]


@pytest.fixture(scope="module")
def scanned_index(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The scanned Ballerup building list (8 rotated pages, no text layer), ingested with the CLI."""
    data_dir = tmp_path_factory.mktemp("scanned-index")
    result = CliRunner().invoke(app, ["ingest", str(SCANNED), "--data-dir", str(data_dir)])
    assert result.exit_code == 0, result.output
    assert "8 scannede sider læst med OCR" in result.output
    return data_dir


def test_a_building_on_the_scanned_list_is_found_on_its_page_marked_ocr(scanned_index: Path):
    result = CliRunner().invoke(
        app, ["ask", "Hvad er adressen på Plejecenter Toftehaven?", "--data-dir", str(scanned_index), "--json"]
    )
    assert result.exit_code == 0, result.output
    answer = json.loads(result.output)
    assert answer["answered"], answer
    assert "Nygårdsvej" in answer["answer"]
    first = answer["citations"][0]
    assert first["ocr"] is True and first["pages"] == [6], first
    plain = CliRunner().invoke(
        app, ["ask", "Hvad er adressen på Plejecenter Toftehaven?", "--data-dir", str(scanned_index)]
    )
    assert "(OCR — tjek mod originalen)" in plain.output


def test_inspect_names_the_pages_read_with_ocr():
    result = CliRunner().invoke(app, ["inspect", str(SCANNED), "--json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["ocr_pages"] == list(range(1, 9))


ADMIN = "ocr-noegle"
HEADERS = {"Authorization": f"Bearer {ADMIN}"}


@contextmanager
def api_client(data_dir: Path, embedder, upload_wait_s: float):
    """The HTTP service over a fresh index, with uploads allowed and the given wait."""
    from fastapi.testclient import TestClient

    from api.app import create_app
    from retrieval.assistant import Assistant
    from retrieval.index import Index
    from tests.conftest import make_settings

    settings = make_settings(data_dir, admin_key=ADMIN, upload_wait_s=upload_wait_s)
    index = Index.open(settings, embedder)
    try:
        with TestClient(create_app(settings, Assistant(settings, index=index))) as client:
            yield client, index
    finally:
        index.close()


def upload(client, name: str, data: bytes):
    return client.post("/api/documents", files={"file": (name, data, "application/pdf")}, headers=HEADERS)


def test_an_upload_that_takes_longer_than_the_wait_answers_202_and_its_status_url_finishes(tmp_path, embedder):
    with api_client(tmp_path / "data", embedder, upload_wait_s=0) as (client, _index):
        response = upload(client, "scanning.pdf", make_scan(KNOWN_TEXT))
        assert response.status_code == 202, response.text
        status = response.json()
        assert status["state"] == "running" and status["status_url"] == f"/api/uploads/{status['job']}"
        for _ in range(600):
            status = client.get(status["status_url"], headers=HEADERS).json()
            if status["state"] != "running":
                break
            time.sleep(0.1)
        assert status["state"] == "done", status
        assert status["result"]["status"] == "added" and status["result"]["ocr_pages"] == 1
        answer = client.post("/api/ask", json={"question": "Hvor åbnede borgmesteren mødet?"}).json()
        assert answer["citations"] and answer["citations"][0]["ocr"] is True
        unknown = client.get("/api/uploads/findes-ikke", headers=HEADERS)
        assert unknown.status_code == 404 and unknown.json()["error"]["code"] == "upload_job_not_found"


def test_an_upload_within_the_wait_answers_with_its_result_or_its_error(tmp_path, embedder):
    with api_client(tmp_path / "data", embedder, upload_wait_s=120) as (client, index):
        done = upload(client, "scanning.pdf", make_scan(KNOWN_TEXT))
        assert done.status_code == 200 and done.json()["ocr_pages"] == 1, done.text
        failed = upload(client, "kruseduller.pdf", scribbled_scan())
        assert failed.status_code == 422 and failed.json()["error"]["code"] == "no_text_layer"
        assert index.counts()[0] == 1
