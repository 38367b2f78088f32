"""Every route through FastAPI's TestClient over the fixture index (lifespan runs inside ``with``)."""

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from api.app import create_app
from retrieval.assistant import Assistant
from retrieval.index import Index
from tests.conftest import KKR, SYDDJURS

ADMIN = "korrekt-hest-batteri"


@pytest.fixture(scope="module")
def client(fixture_index: Index) -> Iterator[TestClient]:
    assistant = Assistant(fixture_index.settings, index=fixture_index)
    with TestClient(create_app(fixture_index.settings, assistant)) as test_client:
        yield test_client


@pytest.fixture
def admin_client(tmp_path, embedder) -> Iterator[TestClient]:
    """An app with an admin key over its own, writable index."""
    from tests.conftest import make_settings

    settings = make_settings(tmp_path / "data", admin_key=ADMIN)
    with TestClient(create_app(settings, Assistant(settings, index=Index.open(settings, embedder)))) as test_client:
        yield test_client


def _document_id(client: TestClient, name: str) -> str:
    return next(d["id"] for d in client.get("/api/documents").json() if d["file"] == name)


def test_health_and_readiness(client: TestClient):
    assert client.get("/healthz").json() == {"status": "ok"}
    ready = client.get("/readyz").json()
    assert ready["index_open"] and ready["model_loaded"] and ready["documents"] == 4 and ready["chunks"] > 100


def test_ask_answers_with_pdf_links(client: TestClient):
    response = client.post("/api/ask", json={"question": "Hvem blev udpeget til følgegruppen for Lynetteholm?"})
    assert response.status_code == 200
    answer = response.json()
    assert answer["answered"] and "Anette Mortensen" in answer["answer"]
    citation = next(c for c in answer["citations"] if "Anette Mortensen" in c["snippet"])
    assert (citation["agenda_item"], citation["pages"], citation["case_number"]) == ("2.6", [27], "SAG-2020-05891")
    assert citation["pdf_url"] == f"/api/documents/{citation['document_id']}/pdf#page=27"
    pdf = client.get(citation["pdf_url"].split("#")[0])
    assert pdf.status_code == 200 and pdf.headers["content-type"] == "application/pdf"
    assert pdf.headers["content-disposition"].startswith("inline") and pdf.content.startswith(b"%PDF")
    # How sure, in words a person reads; the calibration's inner signals stay inside.
    assert answer["certainty"] in {"sikkert", "usikkert"}
    assert (
        answer["certainty_text"]
        == {"sikkert": "Sikkert svar", "usikkert": "Usikkert — tjek kilden"}[answer["certainty"]]
    )
    assert 0.0 < answer["confidence"] <= 1.0 and answer["timeline"] == [] and "signals" not in answer


def test_a_declined_answer_has_no_certainty_but_names_what_may_be_relevant(client: TestClient):
    answer = client.post("/api/ask", json={"question": "Hvad koster den nye skøjtehal i Slagelse?"}).json()
    assert not answer["answered"] and answer["certainty"] == "" and answer["certainty_text"] == ""
    assert "Måske relevant" in answer["answer"]


def test_ask_with_filters(client: TestClient):
    body = {"question": "Hvad blev besluttet?", "filters": {"body": "KKR Sjælland", "date_from": "2021-01-01"}}
    answer = client.post("/api/ask", json=body).json()
    assert all(c["document"] == KKR.name for c in answer["citations"] + answer["maybe_relevant"] if "document" in c)
    assert client.post("/api/ask", json={"question": "x", "filters": {"date_from": "30-08-2021"}}).status_code == 422


def test_follow_up_question_uses_history(client: TestClient):
    first = "Hvor skal fødevareklyngens regionale kontor placeres?"
    follow_up = "Og hvor mange medarbejdere får det?"
    alone = client.post("/api/ask", json={"question": follow_up}).json()
    assert alone["retrieved"][0]["agenda_item"] != "2.5"
    for history in ([first], [{"question": first, "answer": "I Slagelse."}]):
        answer = client.post("/api/ask", json={"question": follow_up, "history": history}).json()
        assert answer["retrieved"][0]["agenda_item"] == "2.5"
        assert "2 medarbejdere" in answer["answer"]


def test_search_returns_ranked_hits(client: TestClient):
    hits = client.get("/api/search", params={"q": "regionale klyngekontorer", "top_k": 3}).json()
    assert len(hits) == 3 and hits[0]["agenda_item"] == "2.5"
    assert {"agenda_item", "title", "snippet", "pages", "score", "case_number"} <= set(hits[0])
    filtered = client.get("/api/search", params={"q": "beslutning", "case_number": "12/27845"}).json()
    assert {hit["agenda_item"] for hit in filtered} == {"715"}


def test_documents_and_document_detail(client: TestClient):
    documents = client.get("/api/documents").json()
    assert {d["file"] for d in documents} >= {KKR.name, SYDDJURS.name}
    assert {"id", "file", "title", "body", "meeting_date", "pages", "items", "chunks", "ingested_at"} <= set(
        documents[0]
    )
    detail = client.get(f"/api/documents/{_document_id(client, KKR.name)}").json()
    item = next(i for i in detail["items"] if i["number"] == "2.6")
    assert item["case_number"] == "SAG-2020-05891" and (item["first_page"], item["last_page"]) == (24, 27)
    assert "Anette Mortensen" in item["decision"] and item["kind"] == "Orienteringssag"


def test_case_timeline_lists_every_item_in_order(client: TestClient):
    timeline = client.get("/api/cases/SAG-2020-05891").json()
    numbers = [item["number"] for item in timeline["items"]]
    assert numbers == ["1.1", "1.2"] + [f"2.{n}" for n in range(1, 12)] + ["5.1", "6.1", "7.1"]
    decided = next(item for item in timeline["items"] if item["number"] == "2.3")
    assert "udsætte sagen" in decided["decision"]
    acadre = client.get("/api/cases/12/27845").json()
    assert [item["number"] for item in acadre["items"]] == ["715"]


@pytest.mark.parametrize(
    ("method", "path", "kwargs", "status"),
    [
        pytest.param("post", "/api/ask", {"json": {"question": ""}}, 422, id="empty-question"),
        pytest.param("post", "/api/ask", {"json": {"question": "x" * 10_000}}, 422, id="long-question"),
        pytest.param("post", "/api/ask", {"json": {"question": "   "}}, 400, id="blank-question"),
        pytest.param("get", "/api/search", {"params": {"q": "klynge", "top_k": 0}}, 422, id="top-k-0"),
        pytest.param("get", "/api/search", {"params": {"q": "klynge", "top_k": 1000}}, 422, id="top-k-1000"),
        pytest.param("get", "/api/documents/ffffffffffffffff", {}, 404, id="unknown-document"),
        pytest.param("get", "/api/documents/ffffffffffffffff/pdf", {}, 404, id="unknown-pdf"),
        pytest.param("get", "/api/cases/<script>", {}, 400, id="malformed-case"),
        pytest.param("get", "/api/nowhere", {}, 404, id="unknown-route"),
    ],
)
def test_errors_are_danish_json(client: TestClient, method, path, kwargs, status):
    response = getattr(client, method)(path, **kwargs)
    assert response.status_code == status
    error = response.json()["error"]
    assert set(error) == {"code", "message"} and error["message"]
    assert "Traceback" not in response.text and "/tmp" not in response.text


def test_write_endpoints_are_disabled_without_an_admin_key(client: TestClient):
    upload = client.post("/api/documents", files={"file": ("a.pdf", SYDDJURS.read_bytes(), "application/pdf")})
    assert upload.status_code == 403 and "REFERAT_ADMIN_KEY" in upload.json()["error"]["message"]
    assert client.delete(f"/api/documents/{_document_id(client, SYDDJURS.name)}").status_code == 403


def test_upload_and_delete_need_the_admin_key(admin_client: TestClient):
    files = {"file": (SYDDJURS.name, SYDDJURS.read_bytes(), "application/pdf")}
    assert admin_client.post("/api/documents", files=files).status_code == 401
    wrong = admin_client.post("/api/documents", files=files, headers={"Authorization": "Bearer forkert"})
    assert wrong.status_code == 401
    headers = {"Authorization": f"Bearer {ADMIN}"}
    created = admin_client.post("/api/documents", files=files, headers=headers)
    assert created.status_code == 200, created.text
    summary = created.json()
    assert summary["status"] == "added" and summary["file"] == SYDDJURS.name and summary["items"] == 1
    assert summary["reading"] == "contents" and summary["reading_description"] == "indholdsfortegnelsen"
    again = admin_client.post("/api/documents", files=files, headers=headers).json()
    assert again["status"] == "unchanged"
    assert admin_client.delete(f"/api/documents/{summary['id']}").status_code == 401
    deleted = admin_client.delete(f"/api/documents/{summary['id']}", headers=headers)
    assert deleted.status_code == 200 and admin_client.get("/api/documents").json() == []


def test_openapi_documents_the_routes(client: TestClient):
    schema = client.get("/openapi.json").json()
    assert {"/api/ask", "/api/search", "/api/documents", "/api/cases/{case_number}", "/healthz", "/readyz"} <= set(
        schema["paths"]
    )
    assert client.get("/docs").status_code == 200


def test_chat_page_is_served_offline(client: TestClient):
    page = client.get("/")
    assert page.status_code == 200 and 'lang="da"' in page.text
    assert "http://" not in page.text and "https://" not in page.text  # no CDN, no outside fonts
    assert client.get("/app.js").status_code == 200 and client.get("/style.css").status_code == 200


def test_cors_is_off_by_default_and_follows_the_allow_list(fixture_index: Index):
    assistant = Assistant(fixture_index.settings, index=fixture_index)
    origin = {"Origin": "https://intranet.kommune.dk"}
    with TestClient(create_app(fixture_index.settings, assistant)) as closed:
        assert "access-control-allow-origin" not in closed.get("/healthz", headers=origin).headers
    allowed = fixture_index.settings.model_copy(update={"cors_origins": ["https://intranet.kommune.dk"]})
    with TestClient(create_app(allowed, assistant)) as opened:
        response = opened.get("/healthz", headers=origin)
        assert response.headers["access-control-allow-origin"] == "https://intranet.kommune.dk"
        other = opened.get("/healthz", headers={"Origin": "https://evil.example"})
        assert "access-control-allow-origin" not in other.headers
