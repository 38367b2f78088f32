"""Baselines measured in the same run as the product, on the same corpus and with the same embedder.

(a) BM25 only, over the product's own chunks (stemmed Danish BM25, no dense, no fusion).
(b) The "naive" pipeline a llama-index tutorial builds: one llama-index Document per PDF page,
    ``SentenceSplitter(chunk_size=1024, chunk_overlap=20)``, the same embedder, dense top-k from an
    in-memory ``VectorStoreIndex``. It knows no agenda items: a retrieved page counts as a hit for every
    item whose page span contains it, which is generous to the baseline.
"""

from __future__ import annotations

from pathlib import Path

from eval.metrics import Unit
from ingestion.extract import read_file, read_pages
from retrieval.index import Index

DEPTH = 5


def bm25_units(index: Index, question: str, depth: int = DEPTH) -> list[Unit]:
    units: list[Unit] = []
    seen: set[tuple[str, str, str]] = set()
    for chunk_id, _score in index.bm25(question, depth * 8):
        chunk = index.chunk(chunk_id)
        if chunk is None:
            continue
        key = (chunk.document_id, chunk.item_number, chunk.item_title)
        if key in seen:
            continue
        seen.add(key)
        units.append(Unit(chunk.file_name, (chunk.item_number,), tuple(chunk.pages)))
        if len(units) == depth:
            break
    return units


class NaivePipeline:
    """Page documents → SentenceSplitter(1024, 20) → same embedder → dense top-k."""

    def __init__(self, index: Index, pdfs: list[Path]) -> None:
        from llama_index.core import Document as LlamaDocument
        from llama_index.core import VectorStoreIndex
        from llama_index.core.node_parser import SentenceSplitter

        tokenizer = index.embedder.tokenizer
        documents = []
        for path in pdfs:
            try:
                pages = read_pages(read_file(path), path.name)
            except Exception:  # the product reports unreadable files itself; the baseline just skips them
                continue
            for number, text in enumerate(pages, 1):
                if text.strip():
                    documents.append(LlamaDocument(text=text, metadata={"file_name": path.name, "page": number}))
        splitter = SentenceSplitter(
            chunk_size=1024, chunk_overlap=20, tokenizer=lambda text: tokenizer.encode(text, add_special_tokens=False)
        )
        self._index = VectorStoreIndex.from_documents(
            documents, embed_model=index.embedder.llama, transformations=[splitter], show_progress=False
        )
        self._spans = {
            (document.file_name, page): tuple(
                item.number for item in document.items if item.first_page <= page <= item.last_page
            )
            for document in index.stored_documents()
            for page in range(1, document.page_count + 1)
        }

    def units(self, question: str, depth: int = DEPTH) -> list[Unit]:
        retriever = self._index.as_retriever(similarity_top_k=depth)
        results = []
        for hit in retriever.retrieve(question):
            name, page = hit.node.metadata["file_name"], int(hit.node.metadata["page"])
            results.append(Unit(name, self._spans.get((name, page), ()), (page,)))
        return results
