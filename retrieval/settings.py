"""The one settings object of referat (environment variables with the prefix ``REFERAT_``)."""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

BUNDLED_MODEL = "bundled:multilingual-e5-small"


class Settings(BaseSettings):
    """Immutable configuration, passed explicitly to every component that needs it."""

    model_config = SettingsConfigDict(env_prefix="REFERAT_", frozen=True, extra="ignore")

    data_dir: Path = Field(default=Path("data"), description="Index, document store and stored PDFs.")
    model: str = Field(
        default=BUNDLED_MODEL,
        description="Embedding model: the bundled multilingual-e5-small, or any sentence-transformers "
        "model name or folder.",
    )
    model_cache_dir: Path | None = Field(
        default=None, description="Where the bundled model is unpacked; default ~/.cache/referat."
    )
    chroma_url: str = Field(default="", description="Chroma server URL; empty means embedded Chroma.")
    collection: str = Field(default="referat_chunks", description="Chroma collection name.")
    chunk_tokens: int = Field(default=350, ge=64, le=512, description="Maximum tokens per chunk.")
    embed_batch_size: int = Field(default=16, ge=1, le=256)
    device: Literal["auto", "cpu", "cuda"] = Field(
        default="auto", description="Where the embedder runs: auto (a CUDA GPU when torch sees one, else the CPU)."
    )
    backend: Literal["auto", "openvino", "torch"] = Field(
        default="auto",
        description="Embedding engine: auto (OpenVINO int8 on a CPU, ~3× faster; PyTorch on a CUDA GPU), openvino or "
        "torch. An index answers only queries embedded by the backend that built it.",
    )
    bm25_sync_max_chunks: int = Field(
        default=20_000,
        ge=0,
        description="Up to this many chunks an upload rebuilds BM25 before it answers (~1 s); above, the rebuild runs "
        "in the background while the previous BM25 serves.",
    )
    embed_cache_entries: int = Field(
        default=200_000,
        ge=0,
        description="Passage vectors a process keeps to embed no text twice (~1.6 kB each: 200,000 ≈ 320 MB).",
    )
    embed_threads: int = Field(default=0, ge=0, description="CPU threads for embedding; 0 = all cores.")
    llm_url: str = Field(default="", description="OpenAI-compatible LLM endpoint (optional).")
    llm_model: str = Field(default="", description="Model name at the LLM endpoint.")
    llm_api_key: str = Field(default="", description="API key for the LLM endpoint, if it needs one.")
    llm_gguf: Path | None = Field(default=None, description="Local GGUF file for llama.cpp (optional).")
    llm_timeout_s: float = Field(default=30.0, gt=0)
    admin_key: str = Field(default="", description="Bearer key for upload/delete; empty disables them.")
    max_upload_mb: int = Field(default=50, ge=1)
    upload_wait_s: float = Field(
        default=30.0,
        ge=0,
        description="How long an upload request waits for its PDF to be indexed before it answers 202 with a status "
        "URL (a scan read with OCR takes seconds per page).",
    )
    cors_origins: list[str] = Field(default_factory=list)

    @property
    def resolved_model_cache_dir(self) -> Path:
        return self.model_cache_dir or Path.home() / ".cache" / "referat"
