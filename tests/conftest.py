"""Shared fixtures: the real embedder, real Chroma and the real minutes in tests/fixtures."""

from __future__ import annotations

import datetime as dt
import io
import os
import random
import socket
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from retrieval.domain import Hit
from retrieval.embedder import Embedder
from retrieval.index import Index
from retrieval.settings import Settings

FIXTURES = Path(__file__).parent / "fixtures"
KKR = FIXTURES / "kkr-sjaelland_2021-08-30_referat.pdf"
BALLERUP = FIXTURES / "ballerup-sfu_2012-12-04_referat.pdf"
SYDDJURS = FIXTURES / "syddjurs-puk_2013-06-20_referat.pdf"
ATTACHMENT = FIXTURES / "ballerup-sfu_2012-12-04_bilag_notat-takstreduktion-torvevej.pdf"
SCANNED = FIXTURES / "ballerup-sfu_2012-12-04_bilag_bygningsliste-SCANNED-no-text.pdf"
MINUTES = [KKR, BALLERUP, SYDDJURS, ATTACHMENT]
ROOT = Path(__file__).parent.parent
# Minutes rendered from Greve's FirstAgenda data in layouts the segmenter was not written against (eval/render).
RENDERED = ROOT / "eval" / "corpus" / "rendered"
HELD_OUT = ROOT / "eval" / "corpus" / "held-out"
HELD_OUT_SETS = sorted((ROOT / "eval" / "corpus").glob("held-out*"))
REAL = ROOT / "eval" / "corpus" / "real"


def rendered(layout: str) -> list[Path]:
    return sorted(RENDERED.glob(f"{layout}_*.pdf"))


def require_ocr() -> None:
    """Skip a test that needs tesseract where it is not installed — except in CI (``REFERAT_REQUIRE_OCR=1``, set
    by .ci/run, which installs it), where a missing OCR engine fails the test instead of hiding it."""
    from ingestion import ocr

    reason = ocr.missing()
    if not reason:
        return
    if os.environ.get("REFERAT_REQUIRE_OCR") == "1":
        pytest.fail(f"OCR skal kunne køre i CI: {reason}")
    pytest.skip(f"OCR kan ikke køre her: {reason}")


def make_hit(title: str, case_number: str = "", document: str = "a", date: dt.date | None = None) -> Hit:
    """A search hit of one agenda item, for tests of what is done with hits."""
    return Hit(
        document_id=document,
        file_name=f"{document}.pdf",
        body="Plan- og Tryghedsudvalget",
        meeting_date=date,
        agenda_item="1",
        title=title,
        kind="",
        case_number=case_number,
        pages=[1],
        snippet="",
        score=1.0,
        chunk_ids=[],
    )


def make_settings(data_dir: Path, **overrides) -> Settings:
    return Settings(data_dir=data_dir, **overrides)


# Scans made by the tests: known Danish text (with æøå) drawn onto an image-only PDF, and illegible strokes.
SCAN_FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
KNOWN_TEXT = [
    "Udvalget for Børn og Unge besluttede at godkende budgettet for 2025.",
    "Følgegruppen består af fem medlemmer, og formanden vælges på første møde.",
    "Borgmesteren åbnede mødet kl. 16.30 på rådhuset i Ærøskøbing.",
    "Økonomiudvalget anbefaler, at der afsættes 2,5 mio. kr. til skolernes tage.",
    "Sagen blev udsat til næste møde på grund af manglende høringssvar fra ældrerådet.",
    "Beslutning: Indstillingen blev tiltrådt. Fraværende: Søren Nørgård Åberg.",
]


def make_scan(lines: list[str]) -> bytes:
    """An A4 page at 200 dpi holding nothing but a picture of the lines: a scan with no text layer."""
    from PIL import Image, ImageDraw, ImageFont

    image = Image.new("L", (1654, 2339), 255)
    draw = ImageDraw.Draw(image)
    font = ImageFont.truetype(SCAN_FONT, 34)
    for row, line in enumerate(lines):
        draw.text((140, 180 + 70 * row), line, font=font, fill=0)
    buffer = io.BytesIO()
    image.save(buffer, "PDF", resolution=200)
    return buffer.getvalue()


def scribbled_scan(seed: int = 7) -> bytes:
    """A page of random strokes, as illegible to OCR as handwriting is: no words to trust."""
    from PIL import Image, ImageDraw

    generator = random.Random(seed)
    image = Image.new("L", (1654, 2339), 255)
    draw = ImageDraw.Draw(image)
    for _ in range(400):
        x, y = generator.randrange(100, 1500), generator.randrange(100, 2200)
        draw.line([(x, y), (x + generator.randrange(-60, 60), y + generator.randrange(-40, 40))], fill=0, width=3)
    buffer = io.BytesIO()
    image.save(buffer, "PDF", resolution=200)
    return buffer.getvalue()


@pytest.fixture(scope="session")
def embedder() -> Embedder:
    """The real bundled model, loaded once per test session."""
    return Embedder(Settings())


@pytest.fixture(scope="session")
def fixture_index(tmp_path_factory: pytest.TempPathFactory, embedder: Embedder) -> Iterator[Index]:
    """An index over every fixture PDF; tests that use it must not change it."""
    index = Index.open(make_settings(tmp_path_factory.mktemp("fixture-index")), embedder)
    for path in MINUTES:
        index.ingest_file(path)
    yield index
    index.close()


TIMELINE = Path(__file__).parent / "timeline"


@pytest.fixture(scope="session")
def timeline_index(tmp_path_factory: pytest.TempPathFactory, embedder: Embedder) -> Iterator[Index]:
    """Three meetings of one committee in which one case comes back (tests/timeline); tests must not change it."""
    index = Index.open(make_settings(tmp_path_factory.mktemp("timeline-index")), embedder)
    for path in sorted(TIMELINE.glob("*.pdf")):
        index.ingest_file(path)
    yield index
    index.close()


@pytest.fixture
def empty_index(tmp_path: Path, embedder: Embedder) -> Iterator[Index]:
    index = Index.open(make_settings(tmp_path / "data"), embedder)
    yield index
    index.close()


class NetworkAccess(AssertionError):
    pass


def _is_loopback(address: object) -> bool:
    if isinstance(address, tuple) and address:
        host = str(address[0])
        return host in ("localhost", "::1") or host.startswith("127.")
    return isinstance(address, (str, bytes))  # AF_UNIX sockets are local


@contextmanager
def no_network() -> Iterator[None]:
    """Fail on any DNS lookup or connection that does not stay on this machine."""
    original_connect = socket.socket.connect
    original_connect_ex = socket.socket.connect_ex
    original_getaddrinfo = socket.getaddrinfo

    def guarded_connect(self, address):
        if not _is_loopback(address):
            raise NetworkAccess(f"network access attempted: connect to {address!r}")
        return original_connect(self, address)

    def guarded_connect_ex(self, address):
        if not _is_loopback(address):
            raise NetworkAccess(f"network access attempted: connect_ex to {address!r}")
        return original_connect_ex(self, address)

    def guarded_getaddrinfo(host, *args, **kwargs):
        if host not in (None, "localhost", "127.0.0.1", "::1") and not str(host).startswith("127."):
            raise NetworkAccess(f"network access attempted: DNS lookup of {host!r}")
        return original_getaddrinfo(host, *args, **kwargs)

    socket.socket.connect = guarded_connect
    socket.socket.connect_ex = guarded_connect_ex
    socket.getaddrinfo = guarded_getaddrinfo
    try:
        yield
    finally:
        socket.socket.connect = original_connect
        socket.socket.connect_ex = original_connect_ex
        socket.getaddrinfo = original_getaddrinfo
