import json
import shutil
import threading
from pathlib import Path

import pytest
import torch

from ingestion import UnreadablePdf
from retrieval import index as index_module
from retrieval.bundled_model import FOLDER_NAME
from retrieval.embedder import Embedder
from retrieval.index import DocumentNotFound, Index, ModelMismatch
from retrieval.settings import Settings
from tests.conftest import ATTACHMENT, BALLERUP, FIXTURES, KKR, SYDDJURS, make_settings, no_network
from tests.pdfs import minutes_pages, write_pdf


def _state(index: Index) -> tuple[int, int, int, int]:
    documents, chunks = index.counts()
    return documents, chunks, index._collection.count(), len(index._bm25.ids)


def test_ingest_is_idempotent_and_reopens(tmp_path, embedder):
    settings = make_settings(tmp_path / "data")
    index = Index.open(settings, embedder)
    first = index.ingest_file(SYDDJURS)
    assert first.status == "added" and first.chunks > 0
    state = _state(index)
    assert index.ingest_file(SYDDJURS).status == "unchanged"
    assert _state(index) == state
    index.close()
    reopened = Index.open(settings, embedder)
    assert _state(reopened) == state
    assert reopened.ingest_file(SYDDJURS).status == "unchanged"


def test_ingesting_a_folder_twice_changes_nothing(tmp_path, embedder):
    index = Index.open(make_settings(tmp_path / "data"), embedder)
    for path in (SYDDJURS, ATTACHMENT):
        index.ingest_file(path)
    state = _state(index)
    for path in (SYDDJURS, ATTACHMENT):
        assert index.ingest_file(path).status == "unchanged"
    assert _state(index) == state


def test_modified_pdf_replaces_its_chunks(tmp_path, embedder):
    index = Index.open(make_settings(tmp_path / "data"), embedder)
    path = tmp_path / "tmu_2024-03-14_referat.pdf"
    write_pdf(
        path, minutes_pages([("1", "Cykelsti langs Strandvejen", ["Beslutning", "Udvalget godkendte cykelstien."])])
    )
    old = index.ingest_file(path)
    write_pdf(path, minutes_pages([("1", "Cykelsti langs Strandvejen", ["Beslutning", "Udvalget udsatte punktet."])]))
    new = index.ingest_file(path)
    assert new.status == "replaced" and new.document.id != old.document.id
    assert [d.file_name for d in index.documents()] == [path.name]
    texts = " ".join(chunk.text for chunk in index.chunks())
    assert "udsatte" in texts and "godkendte cykelstien" not in texts
    assert _state(index) == (1, new.chunks, new.chunks, new.chunks)
    assert index.bm25("godkendte cykelstien", 5) == [] or all(
        index.chunk(cid).document_id == new.document.id for cid, _ in index.bm25("godkendte cykelstien", 5)
    )


def test_delete_removes_everything(tmp_path, embedder):
    index = Index.open(make_settings(tmp_path / "data"), embedder)
    record = index.ingest_file(SYDDJURS).document
    index.ingest_file(ATTACHMENT)
    index.delete(record.id[:12])
    assert [d.file_name for d in index.documents()] == [ATTACHMENT.name]
    assert _state(index)[1:] == (index.counts()[1],) * 3
    assert not (tmp_path / "data" / "pdfs" / f"{record.id}.pdf").exists()
    with pytest.raises(DocumentNotFound, match="findes ikke"):
        index.delete(record.id)


def test_failed_ingest_leaves_index_untouched(tmp_path, embedder):
    index = Index.open(make_settings(tmp_path / "data"), embedder)
    index.ingest_file(SYDDJURS)
    state = _state(index)
    broken = tmp_path / "syddjurs-puk_2013-06-20_referat.pdf"  # same name as an indexed document
    broken.write_bytes(SYDDJURS.read_bytes()[:5000])
    with pytest.raises(UnreadablePdf):
        index.ingest_file(broken)
    assert _state(index) == state


def _tiny_model(folder: Path, bundled: Path) -> Path:
    """A genuinely different sentence-transformers model (random 32-d BERT with the same tokenizer)."""
    from transformers import BertConfig, BertModel

    torch.manual_seed(7)
    config = BertConfig(
        vocab_size=250037,
        hidden_size=32,
        num_hidden_layers=1,
        num_attention_heads=2,
        intermediate_size=64,
        max_position_embeddings=512,
    )
    BertModel(config).save_pretrained(folder)
    for name in (
        "tokenizer.json",
        "tokenizer_config.json",
        "special_tokens_map.json",
        "modules.json",
        "sentence_bert_config.json",
    ):
        shutil.copy(bundled / name, folder / name)
    (folder / "1_Pooling").mkdir()
    (folder / "1_Pooling" / "config.json").write_text(
        json.dumps({"word_embedding_dimension": 32, "pooling_mode_mean_tokens": True})
    )
    (folder / "2_Normalize").mkdir()
    return folder


def test_opening_an_index_with_another_model_fails_clearly(tmp_path, embedder):
    settings = make_settings(tmp_path / "data")
    Index.open(settings, embedder).ingest_file(SYDDJURS)
    bundled = Settings().resolved_model_cache_dir / FOLDER_NAME
    other = Settings(data_dir=settings.data_dir, model=str(_tiny_model(tmp_path / "tiny", bundled)), backend="torch")
    with pytest.raises(ModelMismatch, match="bygget med modellen") as raised:
        Index.open(other, Embedder(other))
    assert "REFERAT_MODEL" in raised.value.message


def test_ingestion_needs_no_network(tmp_path, embedder):
    with no_network():
        index = Index.open(make_settings(tmp_path / "data"), embedder)
        index.ingest_file(SYDDJURS)
        assert index.dense("kulturkommune", 3)


def test_network_guard_catches_outside_connections():
    import socket

    with no_network(), pytest.raises(AssertionError, match="network access attempted"):
        socket.getaddrinfo("huggingface.co", 443)


def test_dense_search_alone_finds_lynetteholm_decision(fixture_index: Index):
    top = [
        fixture_index.chunk(cid)
        for cid, _ in fixture_index.dense("Hvem blev udpeget til følgegruppen for Lynetteholm?", 3)
    ]
    assert any(chunk.item_number == "2.6" and chunk.file_name == KKR.name for chunk in top)


def test_fixture_folder_has_what_the_issue_names():
    names = {p.name for p in FIXTURES.glob("*.pdf")}
    assert {KKR.name, SYDDJURS.name, ATTACHMENT.name} <= names


def test_an_ingest_adds_to_the_views_without_reading_every_document_again(tmp_path, embedder, monkeypatch):
    index = Index.open(make_settings(tmp_path / "data"), embedder)
    first = index.ingest_file(SYDDJURS).document.id
    reads: list[str] = []
    original = Path.read_text

    def counting(self: Path, *args, **kwargs) -> str:
        reads.append(self.name)
        return original(self, *args, **kwargs)

    monkeypatch.setattr(Path, "read_text", counting)
    second = index.ingest_file(ATTACHMENT).document.id
    assert f"{first}.json" not in reads
    assert set(index._stored) == {first, second}
    assert {chunk.document_id for chunk in index.chunks()} == {first, second}


def test_a_document_another_process_added_is_seen_at_the_next_write(tmp_path, embedder):
    settings = make_settings(tmp_path / "data")
    mine, theirs = Index.open(settings, embedder), Index.open(settings, embedder)
    mine.ingest_file(SYDDJURS)
    theirs.ingest_file(ATTACHMENT)
    mine.ingest_file(KKR)
    assert {record.file_name for record in mine.documents()} == {SYDDJURS.name, ATTACHMENT.name, KKR.name}
    assert len({chunk.document_id for chunk in mine.chunks()}) == 3


def test_one_ingest_call_rebuilds_bm25_once_and_a_bad_file_stops_nothing(tmp_path, embedder, monkeypatch):
    index = Index.open(make_settings(tmp_path / "data"), embedder)
    rebuilds = []
    rebuild = index._rebuild_bm25
    monkeypatch.setattr(index, "_rebuild_bm25", lambda: rebuilds.append(1) or rebuild())
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(SYDDJURS.read_bytes()[:5000])
    results = dict(index.ingest_files(path for path in [SYDDJURS, broken, ATTACHMENT]))  # any iterable
    assert results[SYDDJURS].status == results[ATTACHMENT].status == "added"
    assert isinstance(results[broken], UnreadablePdf)
    assert rebuilds == [1]
    assert index._bm25.ids == [chunk_id for chunk_id, _ in index.registry.searchable_chunks()]
    assert {index.chunk(chunk_id).document_id for chunk_id, _ in index.bm25("takstreduktion Torvevej", 3)} == {
        results[ATTACHMENT].document.id
    }


def test_serving_reads_parsed_documents_on_demand_and_keeps_only_a_few(tmp_path, embedder, monkeypatch):
    settings = make_settings(tmp_path / "data")
    writer = Index.open(settings, embedder)
    list(writer.ingest_files([SYDDJURS, ATTACHMENT, BALLERUP]))
    expected = {record.id: writer.document(record.id).model_dump() for record in writer.documents()}
    writer.close()
    monkeypatch.setattr(index_module, "DOCUMENT_CACHE", 2)
    index = Index.open(settings, embedder)
    assert len(index._documents) == 0  # opening reads chunks, not documents
    for document_id, dumped in expected.items():
        assert index.document(document_id).model_dump() == dumped
    assert len(index._documents) == 2


def test_an_index_written_before_chunks_had_their_own_file_still_opens(tmp_path, embedder):
    settings = make_settings(tmp_path / "data")
    writer = Index.open(settings, embedder)
    record = writer.ingest_file(SYDDJURS).document
    writer.close()
    documents = settings.data_dir / "documents"
    views = json.loads((documents / f"{record.id}.chunks.json").read_text(encoding="utf-8"))
    stored = json.loads((documents / f"{record.id}.json").read_text(encoding="utf-8"))
    (documents / f"{record.id}.json").write_text(json.dumps({**stored, **views}), encoding="utf-8")
    (documents / f"{record.id}.chunks.json").unlink()
    index = Index.open(settings, embedder)
    assert index.counts() == (1, record.chunk_count)
    assert index.document(record.id).file_name == SYDDJURS.name


def test_a_large_index_rebuilds_bm25_off_the_write_path_with_the_old_snapshot_serving(tmp_path, embedder, monkeypatch):
    index = Index.open(make_settings(tmp_path / "data", bm25_sync_max_chunks=0), embedder)
    index.ingest_file(SYDDJURS)
    index.wait_for_bm25()
    before = list(index._bm25.ids)
    release = threading.Event()
    rebuild = index._rebuild_bm25

    def slow_rebuild():
        assert release.wait(60)
        return rebuild()

    monkeypatch.setattr(index, "_rebuild_bm25", slow_rebuild)
    added = index.ingest_file(ATTACHMENT)  # returns while the rebuild waits
    assert index._bm25.ids == before
    assert any(
        index.chunk(chunk_id).document_id == added.document.id for chunk_id, _ in index.dense("takstreduktion", 5)
    )
    release.set()
    index.wait_for_bm25()
    assert index._bm25.ids == [chunk_id for chunk_id, _ in index.registry.searchable_chunks()]
    index.close()
    reopened = Index.open(make_settings(tmp_path / "data"), embedder)
    assert reopened._bm25.ids == index._bm25.ids


def test_a_closed_index_lets_go_of_its_folder(tmp_path, embedder):
    """Deleting a closed index's folder and building a new one there works (Chroma's native client was released)."""
    settings = make_settings(tmp_path / "data")
    index = Index.open(settings, embedder)
    index.ingest_file(SYDDJURS)
    index.close()
    shutil.rmtree(settings.data_dir)
    rebuilt = Index.open(settings, embedder)
    assert rebuilt.counts() == (0, 0)
    result = rebuilt.ingest_file(SYDDJURS)
    assert result.status == "added" and rebuilt._collection.count() == result.chunks
    rebuilt.close()
    rebuilt.close()  # closing twice is harmless
