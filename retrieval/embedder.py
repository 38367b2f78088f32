"""The embedding model: the bundled multilingual-e5-small by default, any sentence-transformers model by choice."""

from __future__ import annotations

import hashlib
import logging
import os
from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from ingestion.errors import ReferatError
from retrieval.bundled_model import provision_bundled_model
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
    """Wraps llama-index's HuggingFaceEmbedding (sentence-transformers underneath) for one model."""

    def __init__(self, settings: Settings) -> None:
        from llama_index.embeddings.huggingface import HuggingFaceEmbedding
        from transformers.utils import logging as transformers_logging

        transformers_logging.disable_progress_bar()

        self.name = settings.model
        self.device = choose_device(settings.device)
        location = self._resolve(settings)
        try:
            self.llama = HuggingFaceEmbedding(
                model_name=str(location),
                query_instruction=QUERY_PROMPT if self._uses_e5_prompts(location) else None,
                text_instruction=PASSAGE_PROMPT if self._uses_e5_prompts(location) else None,
                normalize=True,
                embed_batch_size=settings.embed_batch_size,
                device=self.device,
                cache_folder=str(settings.resolved_model_cache_dir / "hf"),
            )
        except (OSError, ValueError) as error:
            raise ModelUnavailable(
                f"Embeddingmodellen '{settings.model}' kan ikke indlæses ({error}). Angiv en mappe med en "
                "sentence-transformers-model i REFERAT_MODEL, eller fjern variablen for at bruge den "
                "medfølgende multilingual-e5-small."
            ) from error
        self._model = self.llama._model
        self._model.eval()

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
        return ModelIdentity(name=self.name, fingerprint=self._fingerprint(), dimension=self.dimension)

    @property
    def dimension(self) -> int:
        return int(self._model.get_embedding_dimension())

    def _fingerprint(self) -> str:
        """sha256 over a sample of every weight tensor: cheap, and different for different weights."""
        digest = hashlib.sha256()
        for name, tensor in sorted(self._model.state_dict().items()):
            digest.update(name.encode())
            flat = tensor.detach().reshape(-1)
            digest.update(flat[:4096].float().cpu().numpy().tobytes())
            digest.update(flat[-4096:].float().cpu().numpy().tobytes())
        return digest.hexdigest()[:32]

    def count_tokens(self, text: str) -> int:
        """Tokens the model sees for ``text`` as a passage (prompt and special tokens included)."""
        return len(self._model.tokenizer(PASSAGE_PROMPT + text, verbose=False)["input_ids"])

    def embed_passages(self, texts: list[str]) -> list[list[float]]:
        return self.llama.get_text_embedding_batch(texts)

    def embed_query(self, text: str) -> list[float]:
        return self.llama.get_query_embedding(text)
