"""The fast CPU embedder: the same sentence-transformers model, converted to OpenVINO with int8 weights.

On this project's 2-core CPU it embeds ~3× the passages per second of fp32 PyTorch (numbers in the README), and
its vectors agree with PyTorch's to a cosine of ~0.9999. Written by hand, as a thin llama-index ``BaseEmbedding``:
optimum-intel, the library that does this, pins transformers < 5.6 and pulls torchvision, and referat is on
transformers 5. OpenVINO converts the PyTorch encoder and NNCF compresses its weights to int8 (data-free, so every
machine builds the same model). It is built once (``referat model``, ~20 s) and cached beside the unpacked model.
"""

from __future__ import annotations

import hashlib
import json
import logging
import shutil
import tempfile
import warnings
from pathlib import Path
from typing import Any

import numpy as np
from llama_index.core.base.embeddings.base import BaseEmbedding
from pydantic import PrivateAttr

from ingestion.errors import ReferatError

logger = logging.getLogger(__name__)

QUANTIZER_VERSION = 2
MANIFEST = "referat-openvino.json"
MODEL_XML = "encoder.xml"
MODEL_BIN = "encoder.bin"
# Tokens per batch: long chunks go 16-32 at a time, short sentences up to MAX_BATCH (measured: padding to the
# longest text of a length-sorted batch wastes little; 4k tokens per batch measured ~5% faster than 8k or 16k).
TOKENS_PER_BATCH = 4096
MAX_BATCH = 128


class BackendUnavailable(ReferatError):
    code = "model_unavailable"


def _folder_signature(folder: Path) -> list[list[str | int]]:
    """What identifies a model folder's content cheaply: every file's relative path, size and mtime."""
    return sorted(
        [str(path.relative_to(folder)), path.stat().st_size, path.stat().st_mtime_ns]
        for path in folder.rglob("*")
        if path.is_file()
    )


def pooling_mode(folder: Path) -> str:
    """The sentence-transformers pooling of the model: "mean" or "cls" (others need the PyTorch backend)."""
    listing = folder / "modules.json"
    modules = json.loads(listing.read_text(encoding="utf-8")) if listing.is_file() else []
    kinds = [module.get("type", "").rsplit(".", 1)[-1] for module in modules]
    unsupported = [kind for kind in kinds if kind not in ("Transformer", "Pooling", "Normalize")]
    if unsupported:
        raise BackendUnavailable(
            f"Modellen i {folder} har lag som OpenVINO-motoren ikke kender ({', '.join(unsupported)}). "
            "Brug REFERAT_BACKEND=torch."
        )
    pooling = next((m for m in modules if m.get("type", "").endswith("Pooling")), None)
    if pooling is None:
        return "mean"
    config = json.loads((folder / pooling["path"] / "config.json").read_text(encoding="utf-8"))
    if config.get("pooling_mode_mean_tokens"):
        return "mean"
    if config.get("pooling_mode_cls_token"):
        return "cls"
    raise BackendUnavailable(
        f"Modellen i {folder} bruger en pooling som OpenVINO-motoren ikke kender. Brug REFERAT_BACKEND=torch."
    )


def provision_openvino_int8(source: Path, cache_dir: Path) -> Path:
    """The int8 OpenVINO model made from the sentence-transformers folder ``source``; built once, then reused.

    The folder counts as built only when its manifest names the same source content and quantiser version; it is
    built in a temporary folder and renamed into place, so a crash never leaves a half-written model."""
    if not source.is_dir():
        raise BackendUnavailable(
            f"REFERAT_BACKEND=openvino kræver en modelmappe, men '{source}' er ikke en mappe. Angiv mappen i "
            "REFERAT_MODEL, eller brug REFERAT_BACKEND=torch."
        )
    expected = {
        "source": str(source.resolve()),
        "source_signature": _folder_signature(source),
        "quantizer_version": QUANTIZER_VERSION,
    }
    target = cache_dir / "openvino-int8" / hashlib.sha256(str(source.resolve()).encode()).hexdigest()[:16]
    manifest = target / MANIFEST
    if manifest.is_file() and json.loads(manifest.read_text(encoding="utf-8")) == expected:
        return target
    target.parent.mkdir(parents=True, exist_ok=True)
    logger.info("Converting %s to an int8 OpenVINO model in %s (once, about a minute)", source.name, target)
    with tempfile.TemporaryDirectory(dir=target.parent, prefix=".quantising-") as scratch:
        staging = Path(scratch) / "model"
        staging.mkdir()
        _quantise(source, staging)
        for name in ("tokenizer.json", "tokenizer_config.json", "special_tokens_map.json", "sentencepiece.bpe.model"):
            if (source / name).is_file():
                shutil.copy2(source / name, staging / name)
        (staging / MANIFEST).write_text(json.dumps(expected), encoding="utf-8")
        if target.exists():
            shutil.rmtree(target)
        staging.rename(target)
    return target


def _quantise(source: Path, staging: Path) -> None:
    import nncf
    import openvino as ov
    import torch
    from transformers import AutoModel, AutoTokenizer

    model = AutoModel.from_pretrained(str(source)).eval()
    tokenizer = AutoTokenizer.from_pretrained(str(source))

    class Encoder(torch.nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.model = model

        def forward(self, input_ids: torch.Tensor, attention_mask: torch.Tensor) -> torch.Tensor:
            return self.model(input_ids=input_ids, attention_mask=attention_mask).last_hidden_state

    example = tokenizer(["passage: Byrådet godkendte indstillingen."], return_tensors="pt")
    # Tracing warns that shape checks in transformers' masking code become constants; the converted model is
    # checked against PyTorch on padded batches of real passages (tests/test_openvino.py), so they are silenced.
    with torch.no_grad(), warnings.catch_warnings():
        warnings.simplefilter("ignore")
        converted = ov.convert_model(
            Encoder(),
            example_input={"input_ids": example["input_ids"], "attention_mask": example["attention_mask"]},
            input=[("input_ids", [-1, -1], ov.Type.i64), ("attention_mask", [-1, -1], ov.Type.i64)],
        )
    # Weights to int8, activations as they are (bf16 where the CPU has it, else fp32): measured on dev.jsonl, the
    # answers are those of PyTorch fp32 to within one question; full int8 (NNCF with calibration passages) was
    # 4.4× faster but lost 0.018 citation precision.
    quantised = nncf.compress_weights(converted)
    ov.save_model(quantised, str(staging / MODEL_XML), compress_to_fp16=False)


class OpenVinoEmbedding(BaseEmbedding):
    """llama-index embedding over an OpenVINO encoder: sorted by length, batched by tokens, pooled, normalised."""

    query_instruction: str | None = None
    text_instruction: str | None = None
    max_length: int = 512
    pooling: str = "mean"
    _compiled: Any = PrivateAttr()
    _tokenizer: Any = PrivateAttr()
    _dimension: int = PrivateAttr()

    def __init__(self, folder: Path, threads: int = 0, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        import openvino as ov
        from transformers import AutoTokenizer

        core = ov.Core()
        config: dict[str, Any] = {"PERFORMANCE_HINT": "LATENCY"}
        if threads:
            config["INFERENCE_NUM_THREADS"] = threads
        model = core.read_model(str(folder / MODEL_XML))
        self._dimension = int(model.outputs[0].get_partial_shape()[2].get_length())
        self._compiled = core.compile_model(model, "CPU", config)
        self._tokenizer = AutoTokenizer.from_pretrained(str(folder))

    @classmethod
    def class_name(cls) -> str:
        return "OpenVinoEmbedding"

    @property
    def tokenizer(self) -> Any:
        return self._tokenizer

    @property
    def dimension(self) -> int:
        return self._dimension

    def encode(self, texts: list[str]) -> np.ndarray:
        """Normalised vectors for ``texts`` (prompts already added), computed in length-sorted token batches."""
        out = np.zeros((len(texts), self._dimension), dtype=np.float32)
        if not texts:
            return out
        lengths = [len(ids) for ids in self._tokenizer(texts, truncation=True, max_length=self.max_length)["input_ids"]]
        order = np.argsort([-length for length in lengths], kind="stable")
        request = self._compiled.create_infer_request()
        start = 0
        while start < len(order):
            size = max(1, min(MAX_BATCH, TOKENS_PER_BATCH // lengths[order[start]]))
            batch = order[start : start + size]
            encoded = self._tokenizer(
                [texts[i] for i in batch],
                padding=True,
                truncation=True,
                max_length=self.max_length,
                return_tensors="np",
            )
            mask = encoded["attention_mask"].astype(np.int64)
            hidden = request.infer({"input_ids": encoded["input_ids"].astype(np.int64), "attention_mask": mask})[0]
            if self.pooling == "cls":
                pooled = hidden[:, 0, :]
            else:
                weights = mask[..., None].astype(np.float32)
                pooled = (hidden * weights).sum(axis=1) / np.maximum(weights.sum(axis=1), 1e-9)
            out[batch] = pooled / np.maximum(np.linalg.norm(pooled, axis=1, keepdims=True), 1e-12)
            start += size
        return out

    def _with(self, prefix: str | None, texts: list[str]) -> list[str]:
        return [(prefix or "") + text for text in texts]

    def _get_query_embedding(self, query: str) -> list[float]:
        return self.encode(self._with(self.query_instruction, [query]))[0].tolist()

    def _get_text_embedding(self, text: str) -> list[float]:
        return self.encode(self._with(self.text_instruction, [text]))[0].tolist()

    def _get_text_embeddings(self, texts: list[str]) -> list[list[float]]:
        return self.encode(self._with(self.text_instruction, texts)).tolist()

    async def _aget_query_embedding(self, query: str) -> list[float]:
        return self._get_query_embedding(query)

    async def _aget_text_embedding(self, text: str) -> list[float]:
        return self._get_text_embedding(text)
