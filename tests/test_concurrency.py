"""Queries while an ingest and a delete run: none fails, none sees a half-ingested document."""

import threading
import time

from retrieval.assistant import Assistant
from retrieval.index import Index
from tests.conftest import KKR, SYDDJURS, make_settings


def test_queries_during_ingest_and_delete(tmp_path, embedder):
    settings = make_settings(tmp_path / "data")
    index = Index.open(settings, embedder)
    index.ingest_file(SYDDJURS)
    assistant = Assistant(settings, index=index)
    errors: list[BaseException] = []
    half_ingested_hits: list[str] = []
    kkr_seen: list[bool] = []
    stop = threading.Event()

    def writer() -> None:
        try:
            result = index.ingest_file(KKR)
            time.sleep(1.0)
            index.delete(result.document.id)
        except BaseException as error:  # reported by the main thread
            errors.append(error)
        finally:
            stop.set()

    def reader() -> None:
        questions = ["Hvem blev udpeget til følgegruppen for Lynetteholm?", "Hvor mange T-shirts blev trykt?"]
        while not stop.is_set():
            for question in questions:
                try:
                    answer = assistant.ask(question)
                    hits = assistant.search("regionale klyngekontorer")
                except BaseException as error:
                    errors.append(error)
                    return
                for hit in [*answer.retrieved, *hits]:
                    record = index.registry.document(hit.document_id)
                    # Seen documents are complete (or already retired by the delete), never pending.
                    if record is not None and record.status == "pending":
                        half_ingested_hits.append(hit.file_name)
                    kkr_seen.append(hit.file_name == KKR.name)

    threads = [threading.Thread(target=writer), *(threading.Thread(target=reader) for _ in range(3))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=300)
    assert errors == []
    assert half_ingested_hits == []
    assert any(kkr_seen), "the readers never saw the new document while it was indexed"
    assert [record.file_name for record in index.documents()] == [SYDDJURS.name]
    _documents, chunks = index.counts()
    assert chunks == index._collection.count() == len(index._bm25.ids)
