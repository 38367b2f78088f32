"""The embedding model: the bundled multilingual-e5-small by default, any sentence-transformers model by choice."""

from __future__ import annotations

import hashlib
import logging
import os
import threading
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

import numpy as np

from ingestion.errors import ReferatError
from retrieval.bundled_model import provision_bundled_model
from retrieval.openvino_backend import MODEL_BIN, OpenVinoEmbedding, pooling_mode, provision_openvino_int8
from retrieval.settings import BUNDLED_MODEL, Settings

logger = logging.getLogger(__name__)

# referat never downloads at run time: a model that is not on disk is an error, not a hub request.
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")
os.environ.setdefault("TRANSFORMERS_VERBOSITY", "error")

QUERY_PROMPT = "query: "
PASSAGE_PROMPT = "passage: "


class ModelUnavailable(ReferatError):
    code = "model_unavailable"


@dataclass(frozen=True)
class ModelIdentity:
    """What an index records about the model that built it."""

    name: str
    fingerprint: str
    dimension: int
    backend: str = ""


def choose_backend(requested: str, device: str) -> str:
    """``REFERAT_BACKEND``: "auto" is OpenVINO int8 on a CPU and PyTorch on a CUDA GPU (fp32 is fast there)."""
    if requested == "auto":
        return "torch" if device == "cuda" else "openvino"
    if requested == "openvino" and device == "cuda":
        raise ModelUnavailable(
            "REFERAT_BACKEND=openvino kører kun på CPU, men REFERAT_DEVICE=cuda. Brug REFERAT_BACKEND=torch på en GPU."
        )
    return requested


def choose_device(requested: str, cuda_available: Callable[[], bool] | None = None) -> str:
    """The torch device for ``REFERAT_DEVICE``: "auto" takes a CUDA GPU when torch sees one, else the CPU;
    "cuda" without a GPU is an error that says so (never a silent fall-back to a 20× slower ingest)."""
    if requested == "cpu":
        return "cpu"
    if cuda_available is None:
        import torch

        cuda_available = torch.cuda.is_available
    if cuda_available():
        return "cuda"
    if requested == "cuda":
        raise ModelUnavailable(
            "REFERAT_DEVICE=cuda, men torch ser ingen CUDA-GPU på denne maskine (forkert torch-build eller "
            "driver). Brug REFERAT_DEVICE=auto eller cpu."
        )
    return "cpu"


class Embedder:
    """One embedding model behind llama-index's embedding interface, on one of two backends.

    "openvino" (the default on a CPU): the model converted to OpenVINO with int8 weights, ~3.6× faster here.
    "torch": llama-index's HuggingFaceEmbedding (sentence-transformers), fp32 — and on a CUDA GPU.
    The backend is part of the index's model fingerprint: an index built with one refuses queries from the other.
    """

    def __init__(self, settings: Settings) -> None:
        from transformers.utils import logging as transformers_logging

        transformers_logging.disable_progress_bar()

        self.name = settings.model
        self._cache: OrderedDict[bytes, np.ndarray] = OrderedDict()
        self._cache_entries = settings.embed_cache_entries
        self._cache_lock = threading.Lock()
        self.device = choose_device(settings.device)
        self.backend = choose_backend(settings.backend, self.device)
        location = self._resolve(settings)
        prompts = self._uses_e5_prompts(location)
        try:
            if self.backend == "openvino":
                self._openvino_folder = provision_openvino_int8(Path(location), settings.resolved_model_cache_dir)
                self.llama = OpenVinoEmbedding(
                    self._openvino_folder,
                    threads=settings.embed_threads,
                    query_instruction=QUERY_PROMPT if prompts else None,
                    text_instruction=PASSAGE_PROMPT if prompts else None,
                    pooling=pooling_mode(Path(location)),
                    embed_batch_size=2048,  # OpenVinoEmbedding sorts by length and batches by tokens itself
                )
                self.tokenizer = self.llama.tokenizer
            else:
                self.llama = self._torch_embedding(settings, location, prompts)
                self._model = self.llama._model
                self._model.eval()
                self.tokenizer = self._model.tokenizer
        except (OSError, ValueError) as error:
            raise ModelUnavailable(
                f"Embeddingmodellen '{settings.model}' kan ikke indlæses ({error}). Angiv en mappe med en "
                "sentence-transformers-model i REFERAT_MODEL, eller fjern variablen for at bruge den "
                "medfølgende multilingual-e5-small."
            ) from error

    def _torch_embedding(self, settings: Settings, location: Path | str, prompts: bool):
        from llama_index.embeddings.huggingface import HuggingFaceEmbedding

        if settings.embed_threads:
            import torch

            torch.set_num_threads(settings.embed_threads)
        return HuggingFaceEmbedding(
            model_name=str(location),
            query_instruction=QUERY_PROMPT if prompts else None,
            text_instruction=PASSAGE_PROMPT if prompts else None,
            normalize=True,
            embed_batch_size=settings.embed_batch_size,
            device=self.device,
            cache_folder=str(settings.resolved_model_cache_dir / "hf"),
        )

    @staticmethod
    def _resolve(settings: Settings) -> Path | str:
        if settings.model == BUNDLED_MODEL:
            return provision_bundled_model(settings.resolved_model_cache_dir)
        return settings.model

    @staticmethod
    def _uses_e5_prompts(location: Path | str) -> bool:
        return "e5" in str(location).casefold()

    @cached_property
    def identity(self) -> ModelIdentity:
        return ModelIdentity(
            name=self.name, fingerprint=self._fingerprint(), dimension=self.dimension, backend=self.backend
        )

    @property
    def dimension(self) -> int:
        if self.backend == "openvino":
            return self.llama.dimension
        return int(self._model.get_embedding_dimension())

    def _fingerprint(self) -> str:
        """sha256 over the weights: of the int8 OpenVINO model file, or of a sample of every PyTorch tensor (cheap,
        and different for different weights). The two backends' vectors differ, so their fingerprints do too."""
        digest = hashlib.sha256()
        if self.backend == "openvino":
            digest.update(b"openvino-int8")
            with (self._openvino_folder / MODEL_BIN).open("rb") as handle:
                for block in iter(lambda: handle.read(1 << 20), b""):
                    digest.update(block)
            return digest.hexdigest()[:32]
        for name, tensor in sorted(self._model.state_dict().items()):
            digest.update(name.encode())
            flat = tensor.detach().reshape(-1)
            digest.update(flat[:4096].float().cpu().numpy().tobytes())
            digest.update(flat[-4096:].float().cpu().numpy().tobytes())
        return digest.hexdigest()[:32]

    def count_tokens(self, text: str) -> int:
        """Tokens the model sees for ``text`` as a passage (prompt and special tokens included)."""
        return len(self.tokenizer(PASSAGE_PROMPT + text, verbose=False)["input_ids"])

    def embed_passages(self, texts: list[str]) -> list[list[float]]:
        """Passage vectors; a text embedded before by this process (the same case text printed in the minutes of
        each committee it passes, a re-issued document) comes from a bounded in-memory cache, not the model."""
        keys = [hashlib.blake2b(text.encode(), digest_size=16).digest() for text in texts]
        with self._cache_lock:
            known = {key: self._cache[key] for key in keys if key in self._cache}
        todo = {key: text for key, text in zip(keys, texts, strict=True) if key not in known}
        if todo:
            computed = self.llama.get_text_embedding_batch(list(todo.values()))
            known.update(zip(todo, (np.asarray(vector, dtype=np.float32) for vector in computed), strict=True))
        with self._cache_lock:
            for key in keys:
                self._cache[key] = known[key]
                self._cache.move_to_end(key)
            while len(self._cache) > self._cache_entries:
                self._cache.popitem(last=False)
        return [known[key].tolist() for key in keys]

    def embed_query(self, text: str) -> list[float]:
        return self.llama.get_query_embedding(text)
