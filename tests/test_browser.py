"""The chat page in a real browser: Playwright driving Debian's Chromium against the app on loopback."""

import re
import shutil
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlparse

import pytest
import uvicorn
from typer.testing import CliRunner

from api.app import create_app
from api.cli import app as cli_app
from retrieval.assistant import Assistant
from retrieval.index import Index
from tests.conftest import KNOWN_TEXT, make_scan, make_settings, require_ocr

AXE = Path(__file__).parent / "vendor" / "axe-core" / "axe.min.js"
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
        outside = _block_outside(context)
        yield context.new_page()
        browser.close()
        assert not outside, f"the page tried to reach outside the machine: {outside}"


def _block_outside(context) -> list[str]:
    """Abort every request that leaves the loopback interface, and remember it: the page must work offline."""
    attempted: list[str] = []

    def route(route_request) -> None:
        host = urlparse(route_request.request.url).hostname or ""
        if route_request.request.url.startswith(("data:", "blob:")) or host in {"127.0.0.1", "localhost"}:
            route_request.continue_()
        else:
            attempted.append(route_request.request.url)
            route_request.abort()

    context.route("**/*", route)
    return attempted


def _highlighted(page) -> str:
    return " ".join(page.locator("#viewer-text .highlight").all_inner_texts())


def _words(text: str) -> list[str]:
    return re.findall(r"\w+", text.casefold())


def _serious_accessibility_violations(page) -> list[str]:
    """axe-core (vendored from npm in tests/vendor) run in the page: serious and critical violations."""
    page.add_script_tag(path=str(AXE))
    results = page.evaluate(
        "async () => { const r = await axe.run(document); return [r.violations, r.passes.length]; }"
    )
    violations, passed = results
    assert passed > 10, "axe-core checked next to nothing"
    return [
        f"{v['id']} ({v['impact']}): {v['help']} — {[n['target'] for n in v['nodes']][:3]}"
        for v in violations
        if v["impact"] in {"serious", "critical"}
    ]


def test_ask_cite_open_pdf_and_follow_a_case(server: str, page, tmp_path: Path):
    page.goto(server + "/")
    answer = _ask(page, LYNETTEHOLM)
    assert "Anette Mortensen" in answer.inner_text()
    citation = answer.locator(".citation-link", has_text="punkt 2.6").filter(has_text="s. 27").first
    citation.click()
    page.locator("#viewer-text .highlight").first.wait_for(timeout=30_000)
    assert page.locator("#viewer-page").input_value() == "27"
    original = page.locator("#pdf-newtab").get_attribute("href")
    assert original.startswith("/api/documents/") and original.endswith("/pdf#page=27")

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
    answer = _ask(page, "Hvad har Plan- og Tryghedsudvalget besluttet om Bystrategisk Råd?")
    assert "Sagen er behandlet på 3 møder" in answer.inner_text()
    assert answer.locator(".certainty").inner_text() in {"Sikkert svar", "Usikkert — tjek kilden"}
    rows = answer.locator(".answer-timeline li.timeline-entry")
    assert rows.count() == 3
    dates = [rows.nth(i).locator(".timeline-date").inner_text() for i in range(3)]
    assert [date.split(" · ")[0] for date in dates] == ["26-04-2022", "16-08-2022", "10-09-2024"]
    rows.nth(2).locator(".timeline-citation").click()
    # A rendered layout (eval/render) in the viewer: the decision quoted is highlighted on its page.
    page.locator("#viewer-text .highlight").first.wait_for(timeout=30_000)
    highlighted = _highlighted(page)
    quoted = rows.nth(2).locator(".timeline-citation").inner_text()
    assert highlighted and _words(highlighted)[:4] == _words(quoted.split("“", 1)[1])[:4], (highlighted, quoted)
    # The last meeting's decision is a bare "Godkendt": the Indstilling it approves is shown with it.
    assert rows.nth(2).locator(".timeline-detail").inner_text().startswith("Indstillingen: [")
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
    answer = _ask(page, "Hvor åbnede borgmesteren mødet?")
    assert "Ærøskøbing" in answer.inner_text()
    assert answer.locator(".ocr-note").first.inner_text() == "(OCR — tjek mod originalen)"
    page.screenshot(path=str(tmp_path / "ocr.png"), full_page=True)


LYNETTEHOLM = "Hvem blev udpeget til følgegruppen for Lynetteholm?"


def _ask(page, question: str):
    page.get_by_label("Dit spørgsmål").fill(question)
    page.get_by_role("button", name="Spørg").click()
    answer = page.locator(".bubble.answered").first
    answer.wait_for(timeout=30_000)
    return answer


def test_the_quote_is_highlighted_on_its_page_shared_and_copied(server: str, page, fixture_index: Index, tmp_path):
    page.set_viewport_size({"width": 1280, "height": 900})
    page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=server)
    page.goto(server + "/")
    answer = _ask(page, LYNETTEHOLM)
    item = answer.locator(".citations li").first
    assert item.locator(".citation-meta").inner_text().startswith("[1] ")
    item.locator(".citation-link").click()
    page.locator("#viewer-text .highlight").first.wait_for(timeout=30_000)
    assert page.locator("#viewer-page").input_value() == "27"
    assert "Anette Mortensen" in _highlighted(page)
    page.screenshot(path=str(tmp_path / "viewer.png"), full_page=True)
    assert (tmp_path / "viewer.png").stat().st_size > 10_000

    item.get_by_role("button", name="Kopiér kildehenvisning").click()
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied.startswith(
        "KKR Sjælland 30-08-2021, punkt 2.6 »Anlægsprojekter Holmene og Lynetteholm – status og videre proces« "
        '(SAG-2020-05891), s. 27: "KKR Sjælland '
    ), copied
    assert "KKR Sjælland besluttede at udpege borgmester, Anette Mortensen" in copied and copied.endswith('"')
    cli = CliRunner().invoke(cli_app, ["ask", LYNETTEHOLM, "--data-dir", str(fixture_index.settings.data_dir)])
    assert cli.exit_code == 0 and any(line.endswith(copied) for line in cli.output.splitlines()), cli.output

    shared = page.locator("#viewer-share").get_attribute("href")
    browser = page.context.browser
    fresh = browser.new_context(viewport={"width": 390, "height": 844}, locale="da-DK")
    outside = _block_outside(fresh)
    other = fresh.new_page()
    other.goto(server + shared)
    other.locator("#viewer-text .highlight").first.wait_for(timeout=30_000)
    assert other.locator("#viewer-page").input_value() == "27"
    assert "Anette Mortensen" in _highlighted(other)
    assert other.evaluate("document.documentElement.scrollWidth") <= 390
    other.screenshot(path=str(tmp_path / "shared-390.png"), full_page=True)
    fresh.close()
    assert not outside


def test_viewer_pages_and_zooms(server: str, page):
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(server + "/")
    _ask(page, LYNETTEHOLM).locator(".citation-link").first.click()
    page.locator("#viewer-text .highlight").first.wait_for(timeout=30_000)
    page.get_by_role("button", name="Næste side").click()
    page.wait_for_function("document.getElementById('viewer-page').value === '28'")
    assert page.locator("#viewer-text .highlight").count() == 0
    width = page.locator("#viewer-canvas").bounding_box()["width"]
    page.get_by_role("button", name="Zoom ind").click()
    page.wait_for_function(f"document.getElementById('viewer-canvas').getBoundingClientRect().width > {width + 10}")


def test_the_document_page_lists_the_meetings_items_and_passes_axe(server: str, page, fixture_index: Index):
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(server + "/")
    answer = _ask(page, LYNETTEHOLM)
    answer.locator(".citation-link").first.click()
    page.locator("#viewer-text .highlight").first.wait_for(timeout=30_000)
    assert _serious_accessibility_violations(page) == []

    answer.get_by_role("link", name="Mødets punkter").first.click()
    page.wait_for_url("**/?document=*")
    items = page.locator("#document-items li.document-item")
    items.first.wait_for(timeout=30_000)
    assert "KKR Sjælland" in page.locator("#document-heading").inner_text()
    lynetteholm = items.filter(has_text="Punkt 2.6: Anlægsprojekter Holmene og Lynetteholm")
    assert "SAG-2020-05891" in lynetteholm.inner_text() and "Anette Mortensen" in lynetteholm.inner_text()
    lynetteholm.get_by_role("button").click()
    page.wait_for_function("document.getElementById('viewer-page').value !== ''")
    assert _serious_accessibility_violations(page) == []
