"""Crash safety: a SIGKILL part-way through an ingest leaves only complete documents; a rerun finishes."""

import logging
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from retrieval.index import Index
from tests.conftest import BALLERUP, KKR, SCANNED, SYDDJURS, make_settings, require_ocr


def _complete_documents(registry) -> int:
    if not registry.exists():
        return 0
    try:
        with sqlite3.connect(f"file:{registry}?mode=ro", uri=True, timeout=0.1) as connection:
            return connection.execute("SELECT COUNT(*) FROM documents WHERE status = 'complete'").fetchone()[0]
    except sqlite3.OperationalError:
        return 0  # the schema is being created


def _consistent(index: Index) -> None:
    documents, chunks = index.counts()
    registered = sum(record.chunk_count for record in index.documents())
    assert chunks == registered == index._collection.count() == len(index._bm25.ids)
    assert len({record.file_name for record in index.documents()}) == documents


def test_sigkill_after_the_first_document_then_resume(tmp_path, embedder, caplog):
    settings = make_settings(tmp_path / "data")
    command = [
        sys.executable,
        "-m",
        "api.cli",
        "ingest",
        str(SYDDJURS),
        str(KKR),
        str(BALLERUP),
        "--data-dir",
        str(settings.data_dir),
    ]
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    registry = settings.data_dir / "registry.sqlite"
    deadline = time.monotonic() + 180
    while _complete_documents(registry) < 1:
        assert process.poll() is None, "the ingest ended before it could be killed"
        assert time.monotonic() < deadline, "no document was committed in time"
        time.sleep(0.02)
    process.send_signal(signal.SIGKILL)
    process.wait()

    with caplog.at_level(logging.WARNING):
        index = Index.open(settings, embedder)
    files = [record.file_name for record in index.documents()]
    assert SYDDJURS.name in files and len(files) < 3
    _consistent(index)
    index.close()

    rerun = subprocess.run(command, capture_output=True, text=True, check=False, env={**os.environ})
    assert rerun.returncode == 0, rerun.stdout + rerun.stderr
    assert "uændrede" in rerun.stdout
    final = Index.open(settings, embedder)
    assert sorted(record.file_name for record in final.documents()) == sorted(p.name for p in (SYDDJURS, KKR, BALLERUP))
    _consistent(final)


def test_half_written_document_is_cleaned_on_open(tmp_path, embedder, caplog):
    """White-box: the state a crash between 'pending' and 'complete' leaves behind, and its clean-up."""
    from ingestion import chunk_document, parse_pdf
    from retrieval.index import search_text
    from retrieval.registry import PENDING, DocumentRecord

    settings = make_settings(tmp_path / "data")
    index = Index.open(settings, embedder)
    index.ingest_file(SYDDJURS)
    document = parse_pdf(BALLERUP)
    chunks = chunk_document(document, settings.chunk_tokens, embedder.count_tokens)
    texts = [search_text(chunk) for chunk in chunks]
    record = DocumentRecord(
        document.id,
        document.file_name,
        document.title,
        document.body,
        document.meeting_date,
        document.page_count,
        len(document.items),
        len(chunks),
        PENDING,
        __import__("datetime").datetime(2024, 1, 1),
    )
    index.registry.add_pending(record, chunks, texts)
    index._add_vectors(chunks, texts, embedder.embed_passages(texts))  # then the process "dies"
    assert index._collection.count() > sum(r.chunk_count for r in index.documents())
    index.close()

    with caplog.at_level(logging.WARNING, logger="retrieval.index"):
        reopened = Index.open(settings, embedder)
    assert any("half-ingested" in message for message in caplog.messages)
    assert [r.file_name for r in reopened.documents()] == [SYDDJURS.name]
    _consistent(reopened)
    assert reopened.ingest_file(BALLERUP).status == "added"
    _consistent(reopened)


def _ocr_running_under(pid: int) -> bool:
    """Whether a tesseract process runs as a child of ``pid`` (read from /proc)."""
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)
            name = fields[0].split("(", 1)[1]
            parent = int(fields[1].split()[1])
        except (OSError, IndexError, ValueError):
            continue  # the process ended while we looked
        if name == "tesseract" and parent == pid:
            return True
    return False


def test_sigkill_during_ocr_leaves_the_index_as_it_was(tmp_path, embedder):
    require_ocr()
    settings = make_settings(tmp_path / "data")
    index = Index.open(settings, embedder)
    index.ingest_file(SYDDJURS)
    before = index.counts()
    index.close()
    command = [sys.executable, "-m", "api.cli", "ingest", str(SCANNED), "--data-dir", str(settings.data_dir)]
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    while not _ocr_running_under(process.pid):
        assert process.poll() is None, "the ingest ended before OCR was seen"
        assert time.monotonic() < deadline, "OCR never started"
        time.sleep(0.05)
    process.send_signal(signal.SIGKILL)
    process.wait()

    reopened = Index.open(settings, embedder)
    assert reopened.counts() == before
    assert [record.file_name for record in reopened.documents()] == [SYDDJURS.name]
    _consistent(reopened)
    reopened.close()


def test_a_process_that_dies_before_its_background_bm25_rebuild_leaves_an_index_that_opens_consistent(
    tmp_path, embedder, monkeypatch
):
    settings = make_settings(tmp_path / "data", bm25_sync_max_chunks=0)
    index = Index.open(settings, embedder)
    index.ingest_file(SYDDJURS)
    index.wait_for_bm25()
    monkeypatch.setattr(index, "_schedule_bm25", lambda: None)  # the upload commits; the process dies before BM25
    index.ingest_file(BALLERUP)
    assert len(index._bm25.ids) < index.counts()[1]
    reopened = Index.open(settings, embedder)
    assert sorted(record.file_name for record in reopened.documents()) == sorted([SYDDJURS.name, BALLERUP.name])
    _consistent(reopened)
