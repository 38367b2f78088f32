"""The OpenVINO int8 backend: chosen on a CPU, vectors that agree with PyTorch's, built once, and never mixed with
PyTorch vectors in one index (the fingerprints differ)."""

import json
import uuid

import numpy as np
import pytest

from ingestion import parse_pdf
from retrieval.embedder import Embedder, ModelUnavailable, choose_backend
from retrieval.index import Index, ModelMismatch
from retrieval.openvino_backend import BackendUnavailable, OpenVinoEmbedding, pooling_mode, provision_openvino_int8
from retrieval.sentences import embedding_inputs
from retrieval.settings import Settings
from tests.conftest import BALLERUP, make_settings


def test_auto_is_openvino_on_a_cpu_and_torch_on_a_gpu():
    assert choose_backend("auto", "cpu") == "openvino"
    assert choose_backend("auto", "cuda") == "torch"
    assert choose_backend("torch", "cpu") == "torch"


def test_openvino_on_a_gpu_is_a_clear_error():
    with pytest.raises(ModelUnavailable, match="REFERAT_BACKEND=torch"):
        choose_backend("openvino", "cuda")


def test_the_default_embedder_here_is_openvino(embedder):
    assert embedder.backend == "openvino"


@pytest.fixture(scope="module")
def torch_embedder() -> Embedder:
    return Embedder(Settings(backend="torch"))


def test_openvino_vectors_agree_with_pytorch_on_real_passages(embedder, torch_embedder):
    # Mixed lengths in one call: short sentences and long chunks share length-sorted, padded batches.
    document = parse_pdf(BALLERUP)
    passages = [text for item in document.items for text in embedding_inputs(item)[1]][:60]
    passages += [" ".join(page.split()[:300]) for page in document.pages[:4]]
    fast = np.asarray(embedder.embed_passages(passages))
    exact = np.asarray(torch_embedder.embed_passages(passages))
    cosine = (fast * exact).sum(axis=1)
    assert cosine.min() > 0.99, cosine.min()
    assert np.allclose(np.linalg.norm(fast, axis=1), 1.0, atol=1e-4)
    query = "Hvad koster takstreduktionen på Torvevej?"
    assert float(np.dot(embedder.embed_query(query), torch_embedder.embed_query(query))) > 0.99
    # Order is kept: each passage's nearest PyTorch vector is its own.
    assert (np.argmax(fast @ exact.T, axis=1) == np.arange(len(passages))).mean() > 0.97


def test_the_backends_have_different_fingerprints_and_refuse_each_others_index(tmp_path, embedder, torch_embedder):
    assert embedder.identity.fingerprint != torch_embedder.identity.fingerprint
    assert embedder.identity.dimension == torch_embedder.identity.dimension == 384
    settings = make_settings(tmp_path / "data")
    Index.open(settings, torch_embedder).close()
    with pytest.raises(ModelMismatch, match=r"motor torch.*motor openvino") as raised:
        Index.open(settings, embedder)
    assert "REFERAT_BACKEND" in raised.value.message


def test_the_int8_model_is_built_once_and_reused(embedder):
    folder = embedder._openvino_folder
    stamp = (folder / "encoder.bin").stat().st_mtime_ns
    source = Embedder._resolve(Settings())
    assert provision_openvino_int8(source, Settings().resolved_model_cache_dir) == folder
    assert (folder / "encoder.bin").stat().st_mtime_ns == stamp


def test_a_model_folder_with_layers_openvino_does_not_know_is_refused(tmp_path):
    (tmp_path / "modules.json").write_text(
        json.dumps(
            [{"path": "", "type": "sentence_transformers.models.Transformer"}, {"path": "2_Dense", "type": "x.Dense"}]
        )
    )
    with pytest.raises(BackendUnavailable, match="REFERAT_BACKEND=torch"):
        pooling_mode(tmp_path)


def test_a_model_name_that_is_no_folder_needs_the_torch_backend(tmp_path):
    with pytest.raises(BackendUnavailable, match="REFERAT_BACKEND=torch"):
        provision_openvino_int8(tmp_path / "no-such-model", tmp_path / "cache")


def test_a_text_is_embedded_once_per_process(embedder, monkeypatch):
    sent: list[str] = []
    original = OpenVinoEmbedding.get_text_embedding_batch

    def counting(self, texts, **kwargs):
        sent.extend(texts)
        return original(self, texts, **kwargs)

    monkeypatch.setattr(OpenVinoEmbedding, "get_text_embedding_batch", counting)
    text = f"Sagsfremstilling {uuid.uuid4()}: udvalget anbefaler byrådet at godkende forslaget."
    first = embedder.embed_passages([text, text, "Beslutning: " + text])
    again = embedder.embed_passages(["Beslutning: " + text, text])
    assert sent == [text, "Beslutning: " + text]
    assert first[0] == first[1] == again[1]
    assert first[2] == again[0] != first[0]
