"""Shared fixtures: the real embedder, real Chroma and the real minutes in tests/fixtures."""

from __future__ import annotations

import socket
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

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


def make_settings(data_dir: Path, **overrides) -> Settings:
    return Settings(data_dir=data_dir, **overrides)


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
