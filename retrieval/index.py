"""The index: Chroma (through llama-index) for vectors, BM25 for words, a registry that keeps them in step.

Layout of ``data_dir``: ``registry.sqlite`` (documents, chunk metadata, tombstones), ``chroma/`` (embedded
Chroma, unless a server is configured), ``bm25/``, ``documents/<id>.json`` (the parsed document: the stored page
text that citations are verified against; read on demand), ``documents/<id>.chunks.json`` (its chunks and where its
items' sentence vectors start; held in memory while serving), ``documents/<id>.sentences.npy`` and
``pdfs/<id>.pdf``.
"""

from __future__ import annotations

import datetime as dt
import fcntl
import io
import json
import logging
import math
import os
import threading
import unicodedata
from collections import OrderedDict
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlparse

import numpy as np
from pydantic import BaseModel

from ingestion import Chunk, Document, ReferatError, chunk_document, parse_pdf_bytes
from ingestion.casenumbers import case_key
from ingestion.extract import read_file, sha256_bytes
from ingestion.ocr import ProgressCallback
from retrieval.bm25 import Bm25Index, analyse, idf_lookup
from retrieval.domain import Filters, Hit
from retrieval.embedder import Embedder, ModelIdentity
from retrieval.registry import PENDING, DocumentRecord, Registry
from retrieval.sentences import embedding_inputs
from retrieval.settings import Settings

logger = logging.getLogger(__name__)

EMBED_BATCH = 32
DOCUMENT_CACHE = 256  # parsed documents kept in memory (~0.6 MB for a 30-page meeting: ~150 MB); the rest are read
# from documents/<id>.json when needed (~6 ms each): a timeline answer touches up to 20 documents


class ModelMismatch(ReferatError):
    code = "model_mismatch"


class DocumentNotFound(ReferatError, LookupError):
    code = "document_not_found"


class IndexUnavailable(ReferatError):
    code = "index_unavailable"


@dataclass(frozen=True)
class IngestResult:
    status: str  # "added", "replaced" or "unchanged"
    document: DocumentRecord
    chunks: int
    ocr_pages: int = 0  # pages read with OCR
    unread_pages: int = 0  # scanned pages OCR could not read reliably, kept out


@dataclass(frozen=True)
class _Stored:
    """What serving keeps of a document: its chunks (searched and filtered on every query) and where its items'
    sentence vectors start. The parsed document itself (pages, items, lines) is read on demand, into an LRU."""

    chunks: list[Chunk]
    sentence_offsets: list[int] | None = None


class _DocumentFile(BaseModel):
    """documents/<id>.json (older indexes also keep the chunks there: ignored)."""

    document: Document


@dataclass(frozen=True)
class Parsed:
    """A PDF read and parsed (or found unchanged, or refused), ready for ``Index.add``: what the parse-ahead
    thread of ``Index.ingest_files`` hands to the embedding side."""

    path: Path
    data: bytes = b""
    document: Document | None = None
    unchanged: DocumentRecord | None = None
    error: ReferatError | None = None


def _chunk_metadata(chunk: Chunk) -> dict[str, str | int]:
    return {
        "document_id": chunk.document_id,
        "file_name": chunk.file_name,
        "body": chunk.body,
        "meeting_date_int": chunk.meeting_date_int,
        "item_number": chunk.item_number,
        "item_title": chunk.item_title,
        "kind": chunk.kind,
        "case_number": chunk.case_number,
        "section": chunk.section,
        "pages": ",".join(str(page) for page in chunk.pages),
        "position": chunk.position,
    }


def search_text(chunk: Chunk) -> str:
    """What is embedded and matched for a chunk: where it stands, then its text."""
    return f"{chunk.context_header()}\n{chunk.text}"


class Index:
    """Chroma + BM25 + registry, always changed together under one write lock."""

    def __init__(self, settings: Settings, embedder: Embedder | None = None) -> None:
        self.settings = settings
        self.data_dir = settings.data_dir
        self.data_dir.mkdir(parents=True, exist_ok=True)
        (self.data_dir / "documents").mkdir(exist_ok=True)
        (self.data_dir / "pdfs").mkdir(exist_ok=True)
        self._write_lock = threading.RLock()
        self._lock_path = self.data_dir / ".write.lock"
        self.embedder = embedder or Embedder(settings)
        self.registry = Registry(self.data_dir / "registry.sqlite")
        self._collection = self._open_collection()
        from llama_index.vector_stores.chroma import ChromaVectorStore

        self.vector_store = ChromaVectorStore(chroma_collection=self._collection)
        self._stored: dict[str, _Stored] = {}
        self._documents: OrderedDict[str, Document] = OrderedDict()
        self._documents_lock = threading.Lock()
        self._defer_bm25 = False
        self._bm25_stale = False
        self._bm25_worker: threading.Thread | None = None
        self._bm25_worker_lock = threading.Lock()
        self._sentence_matrices: dict[str, np.ndarray] = {}
        self.case_numbers: frozenset[str] = frozenset()  # of complete documents; rebuilt with the views
        self.meeting_dates: frozenset[dt.date] = frozenset()  # likewise
        self.bodies: frozenset[str] = frozenset()  # likewise
        self._chunks: dict[str, Chunk] = {}
        self._case_chunks: dict[str, set[str]] = {}  # chunk ids by case key (see ``case_key``); likewise
        self._bm25 = Bm25Index([], None)
        self.idf: dict[str, float] = {}
        with self._writing():
            self._recover()
            self._load_views()

    @classmethod
    def open(cls, settings: Settings, embedder: Embedder | None = None) -> Index:
        return cls(settings, embedder)

    def close(self) -> None:
        """Release the files: the registry's connection and Chroma's client.

        Chroma keeps one native client per folder for the whole process until it is closed; left open, it outlives
        its folder (a deleted scratch index, a rebuilt data dir) and later writes fail or crash in native code.
        """
        self.wait_for_bm25()
        self.registry.close()
        self._client.close()

    # -- opening -------------------------------------------------------------------------------------

    def _chroma_client(self):
        import chromadb
        from chromadb.config import Settings as ChromaSettings

        chroma_settings = ChromaSettings(anonymized_telemetry=False, allow_reset=False)
        if self.settings.chroma_url:
            url = urlparse(self.settings.chroma_url)
            try:
                return chromadb.HttpClient(
                    host=url.hostname or "localhost",
                    port=url.port or (443 if url.scheme == "https" else 8000),
                    ssl=url.scheme == "https",
                    settings=chroma_settings,
                )
            except Exception as error:  # chromadb raises plain exceptions for connection failures
                raise IndexUnavailable(
                    f"Chroma-serveren på {self.settings.chroma_url} svarer ikke ({error}). Start serveren, "
                    "eller fjern REFERAT_CHROMA_URL for at bruge den indlejrede Chroma."
                ) from error
        return chromadb.PersistentClient(path=str(self.data_dir / "chroma"), settings=chroma_settings)

    def _open_collection(self):
        client = self._chroma_client()
        self._client = client
        try:
            return self._model_collection(client)
        except BaseException:
            client.close()  # a refused index must not keep Chroma's native client for its folder
            raise

    def _model_collection(self, client):
        identity = self.embedder.identity
        # embedding_function=None: referat computes every vector; Chroma must never fetch a model of its own.
        collection = client.get_or_create_collection(
            name=self.settings.collection,
            embedding_function=None,
            metadata={
                "hnsw:space": "cosine",
                "referat_model": identity.name,
                "referat_fingerprint": identity.fingerprint,
                "referat_dimension": identity.dimension,
                "referat_backend": identity.backend,
            },
        )
        recorded = collection.metadata or {}
        self._check_model(identity, recorded)
        return collection

    def _check_model(self, identity: ModelIdentity, recorded: dict) -> None:
        if (
            recorded.get("referat_fingerprint") in (None, identity.fingerprint)
            and recorded.get("referat_dimension", identity.dimension) == identity.dimension
        ):
            return
        raise ModelMismatch(
            f"Indekset i {self.data_dir} er bygget med modellen '{recorded.get('referat_model')}' "
            f"(motor {recorded.get('referat_backend') or 'torch'}, {recorded.get('referat_dimension')} dimensioner, "
            f"fingeraftryk {str(recorded.get('referat_fingerprint'))[:12]}), men den konfigurerede model er "
            f"'{identity.name}' (motor {identity.backend}, {identity.dimension} dimensioner, fingeraftryk "
            f"{identity.fingerprint[:12]}). Brug den oprindelige model og motor (REFERAT_MODEL, REFERAT_BACKEND), "
            "eller byg et nyt indeks i en anden REFERAT_DATA_DIR."
        )

    @contextmanager
    def _writing(self) -> Iterator[None]:
        """One writer at a time: across threads (RLock) and across processes (flock on a lock file)."""
        with self._write_lock, self._lock_path.open("a") as handle:
            fcntl.flock(handle, fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(handle, fcntl.LOCK_UN)

    def _recover(self) -> None:
        """Clean what a crash left half-written: pending documents, tombstones, a stale BM25."""
        for record in self.registry.documents(status=PENDING):
            logger.warning(
                "Removing half-ingested document %s (%s) left by an interrupted ingest",
                record.file_name,
                record.id[:12],
            )
            self._purge(record.id)
        for document_id in self.registry.tombstones():
            logger.warning("Finishing the removal of document %s interrupted earlier", document_id[:12])
            self._purge(document_id)
        bm25 = Bm25Index.load(self.data_dir / "bm25")
        expected = [chunk_id for chunk_id, _ in self.registry.searchable_chunks()]
        if bm25 is None or bm25.ids != expected:
            if bm25 is not None:
                logger.warning("BM25 index is out of step with the registry; rebuilding it")
            bm25 = self._rebuild_bm25()
        self._bm25 = bm25
        self.idf = idf_lookup(bm25)

    def _purge(self, document_id: str) -> None:
        """Remove every trace of a document: Chroma, registry, files. Safe to repeat."""
        self.vector_store.delete(ref_doc_id=document_id)
        for path in (
            self._document_path(document_id),
            self._chunks_path(document_id),
            self._pdf_path(document_id),
            self._sentences_path(document_id),
        ):
            path.unlink(missing_ok=True)
        self.registry.forget(document_id)

    def _refresh_bm25(self) -> None:
        """Rebuild BM25 now — or, inside ``bulk()``, once when the ingest call ends (a rebuild reads every chunk:
        3.5 s at 40,000 chunks, which per document made a large ingest quadratic)."""
        if self._defer_bm25:
            self._bm25_stale = True
            return
        if len(self._chunks) > self.settings.bm25_sync_max_chunks:
            self._schedule_bm25()
            return
        self._bm25 = self._rebuild_bm25()

    def _schedule_bm25(self) -> None:
        """Rebuild BM25 in a background thread, the old snapshot serving meanwhile (a new document is found by its
        vectors until then): an upload into a large index does not wait for a rebuild of every chunk."""
        with self._bm25_worker_lock:
            self._bm25_stale = True
            if self._bm25_worker is None:
                self._bm25_worker = threading.Thread(target=self._bm25_rebuilder, name="referat-bm25", daemon=True)
                self._bm25_worker.start()

    def _bm25_rebuilder(self) -> None:
        while True:
            with self._bm25_worker_lock:
                if not self._bm25_stale:
                    self._bm25_worker = None
                    return
                self._bm25_stale = False
            try:
                with self._writing():
                    self._bm25 = self._rebuild_bm25()
            except Exception:  # the old snapshot keeps serving; the next write or open rebuilds again
                logger.exception("Background BM25 rebuild failed; the previous BM25 index keeps serving")
                with self._bm25_worker_lock:
                    self._bm25_worker = None
                return

    def wait_for_bm25(self) -> None:
        """Block until a background BM25 rebuild (if any) has finished."""
        worker = self._bm25_worker
        if worker is not None:
            worker.join()

    @contextmanager
    def bulk(self) -> Iterator[None]:
        """Add many documents with one BM25 rebuild at the end. Until then BM25 serves the previous snapshot (a new
        document is found by its vectors); a crash in between leaves a BM25 that ``_recover`` rebuilds on open."""
        outer = self._defer_bm25
        self._defer_bm25 = True
        try:
            yield
        finally:
            self._defer_bm25 = outer
            if not outer and self._bm25_stale:
                with self._writing():
                    self._bm25_stale = False
                    self._bm25 = self._rebuild_bm25()

    def _rebuild_bm25(self) -> Bm25Index:
        rows = self.registry.searchable_chunks()
        bm25 = Bm25Index.build([row[0] for row in rows], [row[1] for row in rows])
        bm25.save(self.data_dir / "bm25")
        self.idf = idf_lookup(bm25)
        return bm25

    def _view_added(self, document_id: str, entry: _Stored, superseded: list[str]) -> None:
        """Add one new document to the in-memory views without reading every stored document again (that made
        each ingest cost as much as the whole archive). When another process has written meanwhile, the
        registry knows documents this process has not seen: then everything is read again, as on open."""
        stored = {key: value for key, value in self._stored.items() if key not in superseded}
        stored[document_id] = entry
        if {record.id for record in self.registry.documents()} != set(stored):
            self._load_views()
            return
        self._set_views(stored)

    def _set_views(self, stored: dict[str, _Stored]) -> None:
        self._sentence_matrices = {key: value for key, value in self._sentence_matrices.items() if key in stored}
        self._stored = stored
        self._chunks = {chunk.id: chunk for entry in stored.values() for chunk in entry.chunks}
        self.case_numbers = frozenset(chunk.case_number for chunk in self._chunks.values() if chunk.case_number)
        self.meeting_dates = frozenset(chunk.meeting_date for chunk in self._chunks.values() if chunk.meeting_date)
        self.bodies = frozenset(chunk.body for chunk in self._chunks.values() if chunk.body)
        self._case_chunks = {}
        for chunk in self._chunks.values():
            if chunk.case_number:
                self._case_chunks.setdefault(case_key(chunk.case_number), set()).add(chunk.id)

    def _load_views(self) -> None:
        stored: dict[str, _Stored] = {}
        for record in self.registry.documents():
            # Indexes written before chunks got a file of their own keep them in the document file.
            path = self._chunks_path(record.id)
            payload = self._read_json(path if path.is_file() else self._document_path(record.id), record.id)
            stored[record.id] = _Stored(
                chunks=[Chunk.model_validate(chunk) for chunk in payload["chunks"]],
                sentence_offsets=payload.get("sentence_offsets"),
            )
        self._set_views(stored)

    def _read_json(self, path: Path, document_id: str) -> dict:
        try:
            return json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as error:
            raise self._unreadable(document_id, error) from error

    def _unreadable(self, document_id: str, error: Exception) -> IndexUnavailable:
        record = self.registry.document(document_id)
        name = record.file_name if record else document_id[:12]
        return IndexUnavailable(
            f"Den gemte tekst for {name} mangler eller er beskadiget ({str(error)[:200]}). "
            f"Slet dokumentet med 'referat delete {document_id[:12]}' og indlæs det igen."
        )

    def _read_document(self, document_id: str) -> Document:
        """Parse a stored document straight from its bytes with pydantic's JSON parser (~6 ms for a 30-page meeting;
        no intermediate dict)."""
        try:
            return _DocumentFile.model_validate_json(self._document_path(document_id).read_bytes()).document
        except (OSError, ValueError) as error:
            raise self._unreadable(document_id, error) from error

    # -- paths ---------------------------------------------------------------------------------------

    def _document_path(self, document_id: str) -> Path:
        return self.data_dir / "documents" / f"{document_id}.json"

    def _chunks_path(self, document_id: str) -> Path:
        return self.data_dir / "documents" / f"{document_id}.chunks.json"

    def _sentences_path(self, document_id: str) -> Path:
        return self.data_dir / "documents" / f"{document_id}.sentences.npy"

    def sentence_vectors(self, document_id: str, item_index: int) -> np.ndarray | None:
        """The stored sentence embeddings of one item (float32), or None for an index made before they were."""
        entry = self._stored.get(document_id)
        if entry is None or entry.sentence_offsets is None:
            return None
        matrix = self._sentence_matrices.get(document_id)
        if matrix is None:
            try:
                matrix = np.load(self._sentences_path(document_id), mmap_mode="r")
            except (OSError, ValueError):
                logger.warning("Sentence vectors of %s are missing; they will be computed per query", document_id[:12])
                return None
            self._sentence_matrices[document_id] = matrix
        start, end = entry.sentence_offsets[item_index], entry.sentence_offsets[item_index + 1]
        return np.asarray(matrix[start:end], dtype=np.float32)

    def _pdf_path(self, document_id: str) -> Path:
        return self.data_dir / "pdfs" / f"{document_id}.pdf"

    def pdf_path(self, document_id: str) -> Path:
        """The stored original, named by content hash (never by the uploaded name)."""
        if document_id not in self._stored:
            raise DocumentNotFound(f"Dokumentet {document_id[:64]} findes ikke i indekset.")
        return self._pdf_path(document_id)

    @staticmethod
    def _write_atomically(path: Path, data: bytes) -> None:
        temporary = path.with_suffix(path.suffix + ".tmp")
        with temporary.open("wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, path)

    # -- writing -------------------------------------------------------------------------------------

    def ingest_file(self, path: Path, progress: ProgressCallback | None = None) -> IngestResult:
        data = read_file(path)
        return self.ingest_bytes(data, path.name, progress)

    def ingest_bytes(self, data: bytes, file_name: str, progress: ProgressCallback | None = None) -> IngestResult:
        """Parse and add a PDF. Parsing errors are raised before anything in the index is touched (OCR of scanned
        pages too: it is part of parsing). ``progress(done, total)`` follows the pages read with OCR."""
        parsed = self.parse(data, Path(file_name), progress)
        if parsed.unchanged:
            return IngestResult("unchanged", parsed.unchanged, parsed.unchanged.chunk_count)
        assert parsed.document is not None
        return self.add(parsed.document, data)

    def parse(self, data: bytes, path: Path, progress: ProgressCallback | None = None) -> Parsed:
        """Read a PDF without touching the index; an unchanged document is not parsed again."""
        existing = self.registry.document(sha256_bytes(data))
        if existing and existing.status != PENDING:
            return Parsed(path, unchanged=existing)
        file_name = unicodedata.normalize("NFC", path.name)  # one spelling of "å", whatever the client sent
        return Parsed(path, data, document=parse_pdf_bytes(data, file_name, progress))

    def ingest_files(
        self, paths: Iterable[Path], progress: Callable[[Path], ProgressCallback | None] | None = None
    ) -> Iterator[tuple[Path, IngestResult | ReferatError]]:
        """Ingest many PDFs: the next one is read and parsed in a second thread while the current one is embedded
        (pypdf holds the GIL, OpenVINO and PyTorch release it), and BM25 is rebuilt once, at the end. Yields each
        path with its result, or with the error that kept it out (the others go on)."""

        def parse(path: Path) -> Parsed:
            try:
                return self.parse(read_file(path), path, progress(path) if progress else None)
            except ReferatError as error:
                return Parsed(path, error=error)

        with self.bulk(), ThreadPoolExecutor(max_workers=1, thread_name_prefix="referat-parse") as reader:
            queue = list(paths)  # read once: ``paths`` may be a generator
            pending = [reader.submit(parse, queue.pop(0))] if queue else []
            while pending:
                parsed = pending.pop(0).result()
                if queue:
                    pending.append(reader.submit(parse, queue.pop(0)))
                if parsed.error:
                    yield parsed.path, parsed.error
                elif parsed.unchanged:
                    yield parsed.path, IngestResult("unchanged", parsed.unchanged, parsed.unchanged.chunk_count)
                else:
                    assert parsed.document is not None
                    try:
                        yield parsed.path, self.add(parsed.document, parsed.data)
                    except ReferatError as error:
                        yield parsed.path, error

    def add(self, document: Document, pdf: bytes) -> IngestResult:
        """Add a parsed document atomically; a document with the same file name is replaced."""
        chunks = chunk_document(document, self.settings.chunk_tokens, self.embedder.count_tokens)
        texts = [search_text(chunk) for chunk in chunks]
        # Embedding is the slow part and touches nothing: do it before taking the write lock. Sentence
        # vectors are computed here too, once, so that answering never embeds more than the question. Chunks and
        # sentences go to the embedder in one call (one length-sorted batching), each distinct text once.
        sentence_inputs = [embedding_inputs(item)[1] for item in document.items]
        offsets = [0]
        for inputs in sentence_inputs:
            offsets.append(offsets[-1] + len(inputs))
        flat = [text for inputs in sentence_inputs for text in inputs]
        distinct = list(dict.fromkeys(texts + flat))
        vectors = np.asarray(self.embedder.embed_passages(distinct) if distinct else [], dtype=np.float32)
        row = {text: position for position, text in enumerate(distinct)}
        embeddings = [vectors[row[text]].tolist() for text in texts]
        sentence_vectors = np.asarray([vectors[row[text]] for text in flat], dtype=np.float16)
        with self._writing():
            current = self.registry.document(document.id)
            if current and current.status != PENDING:
                return IngestResult("unchanged", current, current.chunk_count)
            if current:
                self._purge(current.id)
            superseded = [r.id for r in self.registry.by_file_name(document.file_name) if r.id != document.id]
            record = DocumentRecord(
                id=document.id,
                file_name=document.file_name,
                title=document.title,
                body=document.body,
                meeting_date=document.meeting_date,
                page_count=document.page_count,
                item_count=len(document.agenda_items),
                chunk_count=len(chunks),
                status=PENDING,
                ingested_at=dt.datetime.now(dt.UTC).replace(microsecond=0),
                reading=document.reading.strategy,
                warnings=tuple(document.reading.warnings),
            )
            self._write_atomically(self._pdf_path(document.id), pdf)
            views = {"chunks": [c.model_dump(mode="json") for c in chunks], "sentence_offsets": offsets}
            buffer = io.BytesIO()
            np.save(buffer, sentence_vectors.reshape(len(flat), -1))
            self._write_atomically(self._sentences_path(document.id), buffer.getvalue())
            self._write_atomically(self._chunks_path(document.id), json.dumps(views, ensure_ascii=False).encode())
            self._write_atomically(
                self._document_path(document.id),
                json.dumps({"document": document.model_dump(mode="json")}, ensure_ascii=False).encode(),
            )
            self.registry.add_pending(record, chunks, [" ".join(analyse(text)) for text in texts])
            self._add_vectors(chunks, texts, embeddings)
            self.registry.mark_complete(document.id, superseded)
            self._refresh_bm25()
            self._remember(document)
            self._retire_views(superseded)
            self._view_added(document.id, _Stored(chunks=chunks, sentence_offsets=offsets), superseded)
            for old in superseded:
                self._purge(old)
        final = self.registry.document(document.id)
        assert final is not None
        return IngestResult(
            "replaced" if superseded else "added",
            final,
            len(chunks),
            ocr_pages=len(document.ocr_pages),
            unread_pages=len(document.unread_pages),
        )

    def _add_vectors(self, chunks: list[Chunk], texts: list[str], embeddings: list[list[float]]) -> None:
        from llama_index.core.schema import NodeRelationship, RelatedNodeInfo, TextNode

        # The SOURCE relationship makes llama-index store our document id as the node's ref_doc_id, which
        # is what ChromaVectorStore.delete(ref_doc_id) removes by.
        nodes = [
            TextNode(
                id_=chunk.id,
                text=text,
                metadata=_chunk_metadata(chunk),
                embedding=embedding,
                relationships={NodeRelationship.SOURCE: RelatedNodeInfo(node_id=chunk.document_id)},
            )
            for chunk, text, embedding in zip(chunks, texts, embeddings, strict=True)
        ]
        for start in range(0, len(nodes), EMBED_BATCH * 8):
            self.vector_store.add(nodes[start : start + EMBED_BATCH * 8])

    def delete(self, document_id: str) -> DocumentRecord:
        """Remove a document completely (Chroma, BM25, registry, stored files)."""
        with self._writing():
            record = self.resolve(document_id)
            self.registry.retire(record.id)
            self._refresh_bm25()
            self._retire_views([record.id])
            self._purge(record.id)
        return record

    def _retire_views(self, document_ids: list[str]) -> None:
        """Take documents out of the views before their files go. A query already under way that found one of them
        still reads it, from memory: it is put in the LRU first (it leaves it as any other document does)."""
        for document_id in document_ids:
            if document_id in self._stored:
                self.document(document_id)
        self._set_views({key: value for key, value in self._stored.items() if key not in document_ids})

    # -- reading -------------------------------------------------------------------------------------

    def resolve(self, reference: str) -> DocumentRecord:
        """A complete document by full id, unique id prefix (≥ 8 characters) or file name."""
        records = self.registry.documents()
        matches = [r for r in records if r.id == reference or r.file_name == reference]
        if not matches and len(reference) >= 8:
            matches = [r for r in records if r.id.startswith(reference)]
        if len(matches) != 1:
            shown = reference[:80]
            if not matches:
                raise DocumentNotFound(
                    f"Dokumentet '{shown}' findes ikke i indekset. Se listen med 'referat documents'."
                )
            raise DocumentNotFound(f"'{shown}' passer på flere dokumenter; angiv hele id'et.")
        return matches[0]

    def documents(self) -> list[DocumentRecord]:
        return self.registry.documents()

    def opens_meeting(self, hit: Hit) -> bool:
        """Whether the hit is its meeting's opening (who met, when, where) rather than an agenda item."""
        if hit.agenda_item:
            return False
        try:
            document = self.document(hit.document_id)
        except LookupError:
            return False
        return any(item.role == "meeting_information" and item.title == hit.title for item in document.items)

    def document(self, document_id: str) -> Document:
        """A stored document, parsed: from the LRU of recently used ones, else read from its file."""
        with self._documents_lock:
            document = self._documents.get(document_id)
            if document is not None:
                self._documents.move_to_end(document_id)
                return document
        if document_id not in self._stored:
            raise DocumentNotFound(f"Dokumentet {document_id[:64]} findes ikke i indekset.")
        document = self._read_document(document_id)
        self._remember(document)
        return document

    def _remember(self, document: Document) -> None:
        with self._documents_lock:
            self._documents[document.id] = document
            self._documents.move_to_end(document.id)
            while len(self._documents) > DOCUMENT_CACHE:
                self._documents.popitem(last=False)

    def stored_documents(self) -> Iterator[Document]:
        """Every stored document, read one at a time (an archive's documents do not fit in memory together)."""
        for document_id in list(self._stored):
            yield self.document(document_id)

    def documents_with_case(self, case_number: str) -> list[Document]:
        """The documents with an agenda item under this case number (found from the chunks, read on demand)."""
        wanted = case_number.casefold()
        ids = dict.fromkeys(c.document_id for c in self._chunks.values() if c.case_number.casefold() == wanted)
        return [self.document(document_id) for document_id in ids]

    def chunk(self, chunk_id: str) -> Chunk | None:
        return self._chunks.get(chunk_id)

    def chunks(self) -> list[Chunk]:
        return list(self._chunks.values())

    def counts(self) -> tuple[int, int]:
        return len(self._stored), len(self._chunks)

    def chunks_of_cases(self, keys: set[str]) -> set[str]:
        """Ids of the chunks filed under any of these cases (keys of ``case_key``: however each system prints it)."""
        return set().union(*(self._case_chunks.get(key, set()) for key in keys))

    def allowed_chunks(self, filters: Filters | None) -> set[str] | None:
        """Chunk ids passing ``filters`` (None when there is no filter)."""
        if filters is None or filters.is_empty():
            return None
        low = _date_int(filters.date_from) or 0
        high = _date_int(filters.date_to) or 99999999
        body = filters.body.casefold() if filters.body else None
        case = filters.case_number.casefold() if filters.case_number else None
        kind = filters.kind.casefold() if filters.kind else None
        document_ids = None
        if filters.document:
            document_ids = {
                r.id
                for r in self.registry.documents()
                if filters.document in (r.id, r.file_name)
                or (len(filters.document) >= 8 and r.id.startswith(filters.document))
            }
        return {
            chunk.id
            for chunk in self._chunks.values()
            if (body is None or chunk.body.casefold() == body)
            and (case is None or chunk.case_number.casefold() == case)
            and (kind is None or chunk.kind.casefold() == kind)
            and (document_ids is None or chunk.document_id in document_ids)
            and (filters.date_from is None or chunk.meeting_date_int >= low)
            and (filters.date_to is None or 0 < chunk.meeting_date_int <= high)
        }

    def dense(self, query: str, k: int, allowed: set[str] | None = None) -> list[tuple[str, float]]:
        """Nearest chunks by embedding. Asked of the Chroma collection directly, for ids and distances only:
        llama-index's ChromaVectorStore.query builds a TextNode for every result (0.2 ms each, a quarter of a
        second for the 1,200 a filtered query over-fetches). The score is the one it gives, exp(-distance)."""
        if allowed is not None and not allowed:
            return []
        total = len(self._chunks)
        if total == 0:
            return []
        embedding = self.embedder.embed_query(query)
        # Over-fetch, then keep only complete documents' chunks that pass the filters.
        fetch = min(total + 64, k * 4 if allowed is None else max(k * 4, 200))
        result = self._collection.query(query_embeddings=[embedding], n_results=fetch, include=["distances"])
        hits = []
        for chunk_id, distance in zip(result["ids"][0], (result["distances"] or [[]])[0], strict=False):
            if chunk_id in self._chunks and (allowed is None or chunk_id in allowed):
                hits.append((chunk_id, math.exp(-float(distance))))
        if allowed is not None and len(hits) < k and len(allowed) <= 5000:
            hits = self._dense_within(embedding, allowed, k)
        return hits[:k]

    def _dense_within(self, embedding: list[float], allowed: set[str], k: int) -> list[tuple[str, float]]:
        """Exact search restricted to a set of chunks (filters too narrow for the approximate index)."""
        import numpy as np

        ids = sorted(allowed & self._chunks.keys())
        if not ids:
            return []
        got = self._collection.get(ids=ids, include=["embeddings"])
        matrix = np.asarray(got["embeddings"], dtype=np.float32)
        scores = matrix @ np.asarray(embedding, dtype=np.float32)
        order = np.argsort(-scores)[:k]
        return [(got["ids"][i], float(scores[i])) for i in order]

    def bm25(self, query: str, k: int, allowed: set[str] | None = None) -> list[tuple[str, float]]:
        bm25 = self._bm25  # one snapshot per query: writers swap, never mutate
        return [
            (chunk_id, score) for chunk_id, score in bm25.search(query, k * 2, allowed) if chunk_id in self._chunks
        ][:k]


def _date_int(date: dt.date | None) -> int | None:
    return date.year * 10000 + date.month * 100 + date.day if date else None
