"""The bad-input matrix: each case gets a clear Danish error and leaves the index exactly as it was."""

import unicodedata
from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient
from pypdf import PdfReader, PdfWriter
from typer.testing import CliRunner

from api.app import create_app
from api.cli import app as cli
from ingestion import ocr
from retrieval.assistant import Assistant
from retrieval.index import Index
from tests.conftest import SCANNED, SYDDJURS, make_settings, scribbled_scan
from tests.pdfs import minutes_pages, write_pdf

ADMIN = "noegle-der-ikke-gaettes"
KNOWN = "Hvor mange T-shirts blev der trykt til kulturkommunens kick-off?"


def _encrypted(tmp_path, password: str) -> bytes:
    writer = PdfWriter(clone_from=PdfReader(SYDDJURS))
    writer.encrypt(user_password=password, owner_password="ejer", algorithm="AES-128")
    path = tmp_path / "krypteret.pdf"
    writer.write(path)
    return path.read_bytes()


def _zero_pages(tmp_path) -> bytes:
    path = tmp_path / "tom.pdf"
    PdfWriter().write(path)
    return path.read_bytes()


@pytest.fixture(scope="module")
def state(tmp_path_factory, embedder):
    settings = make_settings(tmp_path_factory.mktemp("bad-input") / "data", admin_key=ADMIN, max_upload_mb=1)
    index = Index.open(settings, embedder)
    index.ingest_file(SYDDJURS)
    assistant = Assistant(settings, index=index)

    def snapshot() -> tuple:
        documents, chunks = index.counts()
        answer = assistant.ask(KNOWN)
        return documents, chunks, index._collection.count(), len(index._bm25.ids), answer.answer

    yield settings, index, assistant, snapshot
    index.close()


@pytest.fixture(scope="module")
def client(state) -> Iterator[TestClient]:
    settings, _index, assistant, _snapshot = state
    with TestClient(create_app(settings, assistant)) as test_client:
        yield test_client


UPLOADS = [
    ("truncated", lambda tmp: SYDDJURS.read_bytes()[:20_000], "afkortet.pdf", 422, "unreadable_pdf"),
    ("encrypted", lambda tmp: _encrypted(tmp, "hemmelig"), "krypteret.pdf", 422, "encrypted_pdf"),
    ("not-a-pdf", lambda tmp: b"PK\x03\x04" + b"\x00" * 400, "regneark.pdf", 422, "unreadable_pdf"),
    ("zero-pages", _zero_pages, "tom.pdf", 422, None),
    ("scanned", lambda tmp: SCANNED.read_bytes(), "scannet.pdf", None, None),  # over 1 MB too: 413 first
    ("oversize", lambda tmp: b"%PDF-1.4\n" + b"0" * (2 * 1024 * 1024), "stor.pdf", 413, "upload_too_large"),
    ("dot-dot", lambda tmp: SYDDJURS.read_bytes(), "../../etc/referat.pdf", 400, "invalid_file_name"),
    ("separator", lambda tmp: SYDDJURS.read_bytes(), "mappe\\referat.pdf", 400, "invalid_file_name"),
    ("not-pdf-name", lambda tmp: SYDDJURS.read_bytes(), "referat.exe", 400, "invalid_file_name"),
]


@pytest.mark.parametrize(("case", "make", "name", "status", "code"), UPLOADS, ids=[u[0] for u in UPLOADS])
def test_bad_upload_is_refused_and_nothing_changes(state, client, tmp_path, case, make, name, status, code):
    *_ignored, snapshot = state
    before = snapshot()
    response = client.post(
        "/api/documents",
        files={"file": (name, make(tmp_path), "application/pdf")},
        headers={"Authorization": f"Bearer {ADMIN}"},
    )
    assert 400 <= response.status_code < 500
    if status:
        assert response.status_code == status, response.text
    error = response.json()["error"]
    if code:
        assert error["code"] == code
    assert error["message"] and "/tmp" not in error["message"] and "Traceback" not in response.text
    assert snapshot() == before


def test_scanned_upload_where_ocr_cannot_run_says_no_text_layer(state, tmp_path, embedder, monkeypatch):
    monkeypatch.setattr(ocr, "missing", lambda: f"tesseract er ikke installeret. {ocr.INSTALL_HINT}.")
    settings, _index, assistant, snapshot = state
    roomy = settings.model_copy(update={"max_upload_mb": 10})
    before = snapshot()
    with TestClient(create_app(roomy, assistant)) as client:
        response = client.post(
            "/api/documents",
            files={"file": ("scannet.pdf", SCANNED.read_bytes(), "application/pdf")},
            headers={"Authorization": f"Bearer {ADMIN}"},
        )
    assert response.status_code == 422 and response.json()["error"]["code"] == "no_text_layer"
    assert "tesseract-ocr-dan" in response.json()["error"]["message"]
    assert snapshot() == before


def test_duplicate_upload_changes_nothing(state, client):
    *_ignored, snapshot = state
    before = snapshot()
    response = client.post(
        "/api/documents",
        files={"file": (SYDDJURS.name, SYDDJURS.read_bytes(), "application/pdf")},
        headers={"Authorization": f"Bearer {ADMIN}"},
    )
    assert response.status_code == 200 and response.json()["status"] == "unchanged"
    assert snapshot() == before


def test_decomposed_unicode_name_is_stored_composed_and_never_twice(state, client, tmp_path):
    _settings, index, _assistant, _snapshot = state
    path = write_pdf(tmp_path / "x.pdf", minutes_pages([("1", "Ny bålplads i skoven", ["Beslutning", "Godkendt."])]))
    decomposed = unicodedata.normalize("NFD", "bålplads_2024.pdf")
    headers = {"Authorization": f"Bearer {ADMIN}"}
    first = client.post(
        "/api/documents", files={"file": (decomposed, path.read_bytes(), "application/pdf")}, headers=headers
    )
    assert first.status_code == 200 and first.json()["file"] == unicodedata.normalize("NFC", decomposed)
    counts = index.counts()
    again = client.post(
        "/api/documents", files={"file": ("bålplads_2024.pdf", path.read_bytes(), "application/pdf")}, headers=headers
    )
    assert again.json()["status"] == "unchanged" and index.counts() == counts
    stored = {p.name for p in (index.data_dir / "pdfs").iterdir()}
    assert stored == {f"{record.id}.pdf" for record in index.documents()}  # named by content hash only


@pytest.mark.parametrize("name", ["referat\x07.pdf", "referat\n.pdf", "../referat.pdf", "a/b.pdf", "  ", "x.docx"])
def test_unsafe_file_names_are_refused(name):
    from api.service import InvalidFileName, clean_file_name

    with pytest.raises(InvalidFileName, match=r"Omdøb|intet navn"):
        clean_file_name(name)


@pytest.mark.parametrize(
    ("method", "path", "kwargs", "status"),
    [
        pytest.param("post", "/api/ask", {"json": {"question": ""}}, 422, id="empty-question"),
        pytest.param("post", "/api/ask", {"json": {"question": "å" * 10_000}}, 422, id="10000-characters"),
        pytest.param("get", "/api/search", {"params": {"q": "kultur", "top_k": 0}}, 422, id="top-k-0"),
        pytest.param("get", "/api/search", {"params": {"q": "kultur", "top_k": 1000}}, 422, id="top-k-1000"),
        pytest.param("get", "/api/documents/0123456789abcdef", {}, 404, id="unknown-document"),
        pytest.param(
            "delete",
            "/api/documents/0123456789abcdef",
            {"headers": {"Authorization": f"Bearer {ADMIN}"}},
            404,
            id="delete-unknown",
        ),
        pytest.param("get", "/api/cases/%20DROP%20TABLE", {}, 400, id="malformed-case-number"),
    ],
)
def test_bad_requests_are_refused_and_nothing_changes(state, client, method, path, kwargs, status):
    *_ignored, snapshot = state
    before = snapshot()
    response = getattr(client, method)(path, **kwargs)
    assert response.status_code == status
    assert response.json()["error"]["message"]
    assert snapshot() == before


CLI_CASES = [
    ("truncated", lambda tmp: SYDDJURS.read_bytes()[:20_000], "kan ikke læses"),
    ("encrypted", lambda tmp: _encrypted(tmp, "hemmelig"), "adgangskode"),
    ("not-a-pdf", lambda tmp: b"Dette er en tekstfil", "ikke en PDF"),
    ("zero-pages", _zero_pages, ""),
    ("illegible-scan", lambda tmp: scribbled_scan(), "intet tekstlag"),
]


@pytest.mark.parametrize(("case", "make", "message"), CLI_CASES, ids=[c[0] for c in CLI_CASES])
def test_bad_file_on_the_command_line(state, tmp_path, case, make, message):
    settings, index, _assistant, snapshot = state
    before = snapshot()
    path = tmp_path / f"{case}.pdf"
    path.write_bytes(make(tmp_path))
    result = CliRunner().invoke(cli, ["ingest", str(path), "--data-dir", str(settings.data_dir)])
    assert result.exit_code == 2
    assert "Sprunget over" in result.output and message in result.output
    reopened = Index.open(settings, index.embedder)  # what a separate process would now find
    assert reopened.counts() == before[:2]
    assert Assistant(settings, index=reopened).ask(KNOWN).answer == before[4]
    assert snapshot() == before
