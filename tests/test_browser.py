"""The chat page in a real browser: Playwright driving Debian's Chromium against the app on loopback."""

import shutil
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import uvicorn

from api.app import create_app
from retrieval.assistant import Assistant
from retrieval.index import Index
from tests.conftest import KNOWN_TEXT, make_scan, make_settings, require_ocr

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]

pytestmark = pytest.mark.skipif(
    not Path(CHROMIUM).exists(),
    reason="Debian's chromium is not installed (.ci/run installs it: apt-get install chromium)",
)


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _serve(index: Index) -> Iterator[str]:
    app = create_app(index.settings, Assistant(index.settings, index=index))
    port = _free_port()
    instance = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=instance.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not instance.started:
        if time.monotonic() > deadline:
            raise RuntimeError("the test server did not start")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    instance.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def server(fixture_index: Index) -> Iterator[str]:
    yield from _serve(fixture_index)


@pytest.fixture(scope="module")
def timeline_server(timeline_index: Index) -> Iterator[str]:
    yield from _serve(timeline_index)


@pytest.fixture(scope="module")
def page(server: str):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="da-DK")
        yield context.new_page()
        browser.close()


def test_ask_cite_open_pdf_and_follow_a_case(server: str, page, tmp_path: Path):
    page.goto(server + "/")
    page.get_by_label("Dit spørgsmål").fill("Hvem blev udpeget til følgegruppen for Lynetteholm?")
    page.get_by_role("button", name="Spørg").click()
    answer = page.locator(".bubble.answered").first
    answer.wait_for(timeout=30_000)
    assert "Anette Mortensen" in answer.inner_text()
    citation = answer.locator(".citation-link", has_text="punkt 2.6").filter(has_text="s. 27").first
    citation.click()
    frame_src = page.locator("#pdf-frame").get_attribute("src")
    assert frame_src.startswith("/api/documents/") and frame_src.endswith("/pdf#page=27")
    assert page.locator("#pdf-newtab").get_attribute("href") == frame_src

    page.get_by_label("Dit spørgsmål").fill("Hvad koster den nye skøjtehal i Slagelse?")
    page.keyboard.press("Enter")
    declined = page.locator(".bubble.declined").first
    declined.wait_for(timeout=30_000)
    assert "Det fremgår ikke af referaterne" in declined.inner_text() and "Måske relevant" in declined.inner_text()

    page.get_by_label("Sagsnummer").fill("SAG-2020-05891")
    page.get_by_role("button", name="Vis sagen").click()
    timeline = page.locator("#case-timeline li")
    timeline.first.wait_for(timeout=30_000)
    assert timeline.count() == 16
    assert "punkt 2.6" in timeline.nth(7).inner_text() and "Anette Mortensen" in timeline.nth(7).inner_text()

    assert page.locator("#upload-form").is_hidden()  # no admin key entered
    page.screenshot(path=str(tmp_path / "chat.png"), full_page=True)
    assert (tmp_path / "chat.png").stat().st_size > 10_000


def test_page_is_usable_at_phone_width(server: str, page):
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(server + "/")
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 390, f"the page scrolls sideways at phone width ({width}px)"
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") in {"question", "filter-body", "new-conversation"}


def test_an_answer_across_meetings_is_a_timeline(timeline_server: str, page, tmp_path: Path):
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(timeline_server + "/")
    page.get_by_label("Dit spørgsmål").fill("Hvad har Plan- og Tryghedsudvalget besluttet om Bystrategisk Råd?")
    page.get_by_role("button", name="Spørg").click()
    answer = page.locator(".bubble.answered").first
    answer.wait_for(timeout=30_000)
    assert "Sagen er behandlet på 3 møder" in answer.inner_text()
    assert answer.locator(".certainty").inner_text() in {"Sikkert svar", "Usikkert — tjek kilden"}
    rows = answer.locator(".answer-timeline li.timeline-entry")
    assert rows.count() == 3
    dates = [rows.nth(i).locator(".timeline-date").inner_text() for i in range(3)]
    assert [date.split(" · ")[0] for date in dates] == ["26-04-2022", "16-08-2022", "10-09-2024"]
    rows.nth(2).locator(".timeline-citation").click()
    frame_src = page.locator("#pdf-frame").get_attribute("src")
    assert frame_src.startswith("/api/documents/") and "/pdf#page=" in frame_src
    page.screenshot(path=str(tmp_path / "timeline.png"), full_page=True)
    assert (tmp_path / "timeline.png").stat().st_size > 10_000


@pytest.fixture(scope="module")
def scan_server(tmp_path_factory: pytest.TempPathFactory, embedder) -> Iterator[str]:
    """An index holding one scanned page of known Danish text (read with OCR)."""
    require_ocr()
    index = Index.open(make_settings(tmp_path_factory.mktemp("scan-index")), embedder)
    index.ingest_bytes(make_scan(KNOWN_TEXT), "scannet-referat.pdf")
    yield from _serve(index)
    index.close()


def test_a_citation_from_a_scanned_page_says_ocr(scan_server: str, page, tmp_path: Path):
    page.goto(scan_server + "/")
    page.get_by_label("Dit spørgsmål").fill("Hvor åbnede borgmesteren mødet?")
    page.get_by_role("button", name="Spørg").click()
    answer = page.locator(".bubble.answered").first
    answer.wait_for(timeout=30_000)
    assert "Ærøskøbing" in answer.inner_text()
    assert answer.locator(".ocr-note").first.inner_text() == "(OCR — tjek mod originalen)"
    page.screenshot(path=str(tmp_path / "ocr.png"), full_page=True)
