"""Crash safety: a SIGKILL part-way through an ingest leaves only complete documents; a rerun finishes."""

import logging
import os
import signal
import sqlite3
import subprocess
import sys
import time

from retrieval.index import Index
from tests.conftest import BALLERUP, KKR, SYDDJURS, make_settings


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
