"""The scale-out path: the same index over a Chroma server (``chroma run``) on loopback."""

import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

from retrieval.index import Index
from tests.conftest import SYDDJURS, make_settings

CHROMA = Path(sys.executable).parent / "chroma"


@pytest.fixture
def chroma_url(tmp_path):
    if not CHROMA.exists() and not shutil.which("chroma"):
        pytest.skip("the chroma command is not installed")
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = subprocess.Popen(
        [
            str(CHROMA if CHROMA.exists() else "chroma"),
            "run",
            "--host",
            "127.0.0.1",
            "--port",
            str(port),
            "--path",
            str(tmp_path / "chroma-server"),
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while True:
        try:
            if httpx.get(f"{url}/api/v2/heartbeat", timeout=1).status_code == 200:
                break
        except httpx.HTTPError:
            pass
        assert server.poll() is None and time.monotonic() < deadline, "chroma run did not start"
        time.sleep(0.2)
    yield url
    server.terminate()
    server.wait(timeout=20)


def test_index_over_a_chroma_server(tmp_path, embedder, chroma_url):
    settings = make_settings(tmp_path / "data", chroma_url=chroma_url)
    index = Index.open(settings, embedder)
    result = index.ingest_file(SYDDJURS)
    assert index._collection.count() == result.chunks
    top = index.chunk(index.dense("kulturkommune 2017 politiske fokusområder", 1)[0][0])
    assert top.item_number == "715"
    index.delete(result.document.id)
    assert index._collection.count() == 0


def test_an_unreachable_chroma_server_is_a_clear_error(tmp_path, embedder):
    from retrieval.index import IndexUnavailable

    with pytest.raises(IndexUnavailable, match="Chroma-serveren"):
        Index.open(make_settings(tmp_path / "data", chroma_url="http://127.0.0.1:9"), embedder)
