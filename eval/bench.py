"""``make bench``: printed measurements (never asserted): ingest throughput and warm ask latency.

Run on the fixtures in a temporary index; prints the machine, the run count and the numbers.
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import tempfile
import time
from pathlib import Path

from eval.dataset import load_dataset
from eval.metrics import percentile
from ingestion import NoTextLayer, ReferatError, parse_pdf
from retrieval.assistant import Assistant
from retrieval.index import Index
from retrieval.settings import Settings

FIXTURES = Path("tests/fixtures")
DATASET = Path("eval/datasets/dev.jsonl")


def parsing(paths: list[Path], runs: int = 3) -> None:
    """PDF → agenda items alone (no embedding): the part of ingest the segmenter decides."""
    readable = [path for path in paths if not _scanned(path)]  # scans: measured by ocr() below
    timings = []
    pages = 0
    for _ in range(runs):
        started = time.perf_counter()
        pages = sum(parse_pdf(path).page_count for path in readable)
        timings.append(time.perf_counter() - started)
    median = statistics.median(timings)
    print(
        f"Tolkning (PDF → dagsordenspunkter), {runs} kørsler: {len(readable)} PDF'er, {pages} sider, "
        f"median {median:.2f} s = {pages / median:.0f} sider/s"
    )


def embedding(paths: list[Path]) -> None:
    """Before/after: passages per second of the PyTorch fp32 embedder and of the OpenVINO int8-weight one, on what
    ingest embeds for these PDFs (every chunk and every sentence), with how closely their vectors agree."""
    import numpy as np

    from ingestion import chunk_document
    from retrieval.embedder import Embedder
    from retrieval.index import search_text
    from retrieval.sentences import embedding_inputs

    embedders = {backend: Embedder(Settings(backend=backend)) for backend in ("torch", "openvino")}
    count_tokens = embedders["openvino"].count_tokens
    documents = []  # per document: its chunks' texts and its sentences' texts
    for path in paths:
        if _scanned(path):
            continue
        document = parse_pdf(path)
        chunks = [search_text(chunk) for chunk in chunk_document(document, Settings().chunk_tokens, count_tokens)]
        documents.append((chunks, [text for item in document.items for text in embedding_inputs(item)[1]]))
    total = sum(len(chunks) + len(sentences) for chunks, sentences in documents)
    rates, vectors = {}, {}
    for backend, embedder in embedders.items():
        embedder.embed_passages(["opvarmning"])  # first call: lazy initialisation
        embedder._cache.clear()  # measure the model, not the cache
        started = time.perf_counter()
        # As ingest calls it: PyTorch as before (chunks, then sentences), OpenVINO as now (one call per document).
        if backend == "torch":
            found = [
                v
                for chunks, sentences in documents
                for v in [*embedder.embed_passages(chunks), *embedder.embed_passages(sentences)]
            ]
        else:
            found = [v for chunks, sentences in documents for v in embedder.embed_passages(chunks + sentences)]
        rates[backend] = total / (time.perf_counter() - started)
        vectors[backend] = np.asarray(found)
        print(f"Embedding, REFERAT_BACKEND={backend}: {total} passager, {rates[backend]:.1f} passager/s")
    cosine = (vectors["torch"] * vectors["openvino"]).sum(axis=1)
    print(
        f"Embedding: openvino/torch = {rates['openvino'] / rates['torch']:.1f}× passager/s; cosinus mellem "
        f"vektorerne middel {cosine.mean():.5f}, mindst {cosine.min():.4f}"
    )


def _scanned(path: Path) -> bool:
    """A PDF with scanned pages (read with OCR), told by reading it without OCR."""
    from ingestion.extract import read_file, read_pdf

    try:
        read_pdf(read_file(path), path.name, ocr_allowed=False)
    except NoTextLayer:
        return True
    return False


def ocr(paths: list[Path]) -> None:
    """Seconds per scanned page read with OCR (render + orientation + tesseract), on all cores."""
    from ingestion import ocr as ocr_engine
    from ingestion.extract import read_file, read_pdf

    scans = [path for path in paths if _scanned(path)]
    reason = ocr_engine.missing()
    if not scans or reason:
        print(f"OCR: ikke målt ({reason or 'ingen scannede PDF’er'})")
        return
    pages = 0
    started = time.perf_counter()
    for path in scans:
        pages += len(read_pdf(read_file(path), path.name).ocr_pages)
    elapsed = time.perf_counter() - started
    print(
        f"OCR: {pages} scannede sider i {len(scans)} PDF'er på {elapsed:.1f} s = {elapsed / max(pages, 1):.2f} s/side "
        f"({os.cpu_count()} kerner, {ocr_engine.DPI} dpi)"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description="Målinger: tolkning, indlæsning og svartid.")
    parser.add_argument(
        "--corpus", type=Path, default=FIXTURES, help="PDF'erne der indlæses (standard: tests/fixtures)"
    )
    corpus = parser.parse_args().corpus
    print(f"Maskine: {platform.machine()}, {os.cpu_count()} kerner, Python {platform.python_version()}")
    parsing(sorted(corpus.glob("*.pdf")) + sorted(Path("eval/corpus/real").glob("*.pdf")))
    ocr(sorted(corpus.glob("*.pdf")))
    embedding(sorted(corpus.glob("*.pdf")))
    with tempfile.TemporaryDirectory(prefix="referat-bench-") as scratch:
        settings = Settings(data_dir=Path(scratch) / "data")
        started = time.perf_counter()
        index = Index.open(settings)
        print(f"Åbn indeks + model: {time.perf_counter() - started:.1f} s")
        chunks = 0
        started = time.perf_counter()
        for path in sorted(corpus.glob("*.pdf")):
            try:
                chunks += index.ingest_file(path).chunks
            except ReferatError as error:  # a PDF that cannot be indexed is named, not counted
                print(f"  sprunget over: {path.name} ({error.message})")
        elapsed = time.perf_counter() - started
        print(f"Indlæsning: {chunks} tekststykker på {elapsed:.1f} s = {chunks / elapsed:.1f} tekststykker/s")
        assistant = Assistant(settings, index=index)
        questions = [q.question for q in load_dataset(DATASET)]
        for question in questions:  # warm-up round: sentence embeddings of every touched item get cached
            assistant.ask(question)
        for run in (1, 2):
            latencies = []
            for question in questions:
                started = time.perf_counter()
                assistant.ask(question)
                latencies.append((time.perf_counter() - started) * 1000)
            print(
                f"ask, varm, kørsel {run}: {len(latencies)} spørgsmål, p50 {percentile(latencies, 0.5):.0f} ms, "
                f"p95 {percentile(latencies, 0.95):.0f} ms, middel {statistics.mean(latencies):.0f} ms"
            )
        bm25_at_scale(index)
        index.close()


def bm25_at_scale(index: Index, sizes: tuple[int, ...] = (10_000, 40_000)) -> None:
    """BM25 rebuild (once per ingest call or upload) and query time at tens of thousands of chunks.

    The synthetic corpus re-samples the fixture chunks' stemmed tokens, so vocabulary and lengths are real.
    """
    import random

    from retrieval.bm25 import Bm25Index

    rows = index.registry.searchable_chunks()
    random.seed(7)
    for size in sizes:
        token_strings = [
            " ".join(random.sample(text.split(), len(text.split()))) for _, text in random.choices(rows, k=size)
        ]
        ids = [f"synthetic-{n}" for n in range(size)]
        started = time.perf_counter()
        bm25 = Bm25Index.build(ids, token_strings)
        built = time.perf_counter() - started
        started = time.perf_counter()
        for question in ("følgegruppe Lynetteholm", "rygestopkurser 2011", "anlægsbevilling bygningsvedligeholdelse"):
            bm25.search(question, 40)
        queried = (time.perf_counter() - started) / 3 * 1000
        print(f"BM25 ved {size} tekststykker: genopbygning {built:.1f} s, søgning {queried:.1f} ms")


if __name__ == "__main__":
    main()
