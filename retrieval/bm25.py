"""BM25 over the chunks with Danish Snowball stemming (bm25s + PyStemmer), persisted beside Chroma.

bm25s has no incremental update, so the index is rebuilt from the registry's pre-analysed token strings on
every write (ingest, replace, delete) — never per query. Rebuilding from stored tokens skips the stemming,
which is what makes tens of thousands of chunks cheap (see ``make bench``). Versions are written to fresh
folders and switched by an atomic rename of a pointer file, so a crash never leaves a half-written index.
"""

from __future__ import annotations

import itertools
import json
import logging
import os
import re
import shutil
import threading
import unicodedata
import uuid
from collections.abc import Container
from pathlib import Path

import bm25s
import numpy as np
import Stemmer
from bm25s.stopwords import STOPWORDS_DANISH

logger = logging.getLogger(__name__)
logging.getLogger("bm25s").setLevel(logging.WARNING)  # it logs every index build at DEBUG

_WORD = re.compile(r"\w+")
_COMPOUND = re.compile(r"(?<![\w-])[^\W\d_]{2,}(?:-[^\W\d_]{2,})+(?![\w-])")
_STEMMER = Stemmer.Stemmer("danish")
_STEM_LOCK = threading.Lock()  # PyStemmer objects are not thread-safe


def normalise(text: str) -> str:
    """Case-fold and unify "aa"/"å" spellings (Aabenraa = Åbenrå); æ, ø and å stay as they are."""
    return unicodedata.normalize("NFC", text).casefold().replace("aa", "å")


_STOPWORDS = {normalise(word) for word in STOPWORDS_DANISH}


def analyse(text: str) -> list[str]:
    """Normalised, stop-word-free, stemmed tokens, the same at index and query time.

    A hyphenated compound also counts as one word ("ny-godkendt" is "nygodkendt" too): Danish writes the same
    compound with and without the hyphen.
    """
    folded = normalise(text)
    words = [word for word in _WORD.findall(folded) if word not in _STOPWORDS]
    words += [compound.replace("-", "") for compound in _COMPOUND.findall(folded)]
    with _STEM_LOCK:
        return _STEMMER.stemWords(words)


def joined_pairs(text: str) -> list[str]:
    """Each two neighbouring words written as one, analysed: a compound written apart ("Vestby Dart klub") is also
    the compound ("dartklub"). For recognising a name in a sentence, not for the index: most pairs are no word."""
    words = re.findall(r"[^\W\d_]{2,}", normalise(text))
    joined = [first + second for first, second in itertools.pairwise(words)]
    with _STEM_LOCK:
        return _STEMMER.stemWords(joined)


# A compound's parts: its head this long at least, its tail too ("motorik" + "sag", not "hund" + "skov": a short
# head splits too many words the minutes do not use into two common ones).
MIN_SPLIT_HEAD = 5
MIN_COMPOUND_PART = 3


def compound_parts(token: str, vocabulary: Container[str]) -> tuple[str, str] | None:
    """The two words of the vocabulary an analysed token is compounded of ("motoriksag" = "motorik" + "sag",
    "udvalgsmedlem" = "udvalg" + s + "medlem", "skolebørn" = "skol" + e + "børn", "novembermød" = "novemb" of
    "november" + "mød"), None when it is none: Danish writes compounds at will, so a question's compound says
    nothing unknown when its parts are known."""
    for split in range(MIN_SPLIT_HEAD, len(token) - MIN_COMPOUND_PART + 1):
        head, tail = token[:split], token[split:]
        if tail not in vocabulary:
            continue
        if head in vocabulary:
            return head, tail
        if head[-1] in "se" and len(head) > MIN_SPLIT_HEAD and head[:-1] in vocabulary:
            return head[:-1], tail
        # The head is a whole word, which the vocabulary holds by its stem.
        with _STEM_LOCK:
            stem = _STEMMER.stemWord(head)
        if stem != head and len(stem) >= MIN_SPLIT_HEAD and stem in vocabulary:
            return stem, tail
    return None


class Bm25Index:
    """An immutable BM25 snapshot over a list of chunk ids; writers build a new one and swap it in."""

    def __init__(self, ids: list[str], model: bm25s.BM25 | None) -> None:
        self.ids = ids
        self._model = model
        self._position = {chunk_id: index for index, chunk_id in enumerate(ids)}

    @classmethod
    def build(cls, ids: list[str], token_strings: list[str]) -> Bm25Index:
        if not ids:
            return cls([], None)
        model = bm25s.BM25()
        corpus = [tokens.split() or ["∅"] for tokens in token_strings]
        model.index(corpus, show_progress=False)
        return cls(ids, model)

    def search(self, query: str, k: int, allowed: set[str] | None = None) -> list[tuple[str, float]]:
        if self._model is None or k <= 0:
            return []
        vocabulary = self._model.vocab_dict
        tokens = [token for token in analyse(query) if token in vocabulary]
        if not tokens:
            return []
        mask = None
        if allowed is not None:
            mask = np.zeros(len(self.ids), dtype=np.float32)
            for chunk_id in allowed:
                position = self._position.get(chunk_id)
                if position is not None:
                    mask[position] = 1.0
            if not mask.any():
                return []
        documents, scores = self._model.retrieve(
            [tokens], k=min(k, len(self.ids)), show_progress=False, weight_mask=mask, n_threads=1
        )
        return [
            (self.ids[int(index)], float(score))
            for index, score in zip(documents[0], scores[0], strict=True)
            if score > 0
        ]

    def save(self, folder: Path) -> None:
        """Write a new version and switch the ``CURRENT`` pointer to it atomically."""
        folder.mkdir(parents=True, exist_ok=True)
        version = f"v-{uuid.uuid4().hex[:12]}"
        target = folder / version
        target.mkdir()
        (target / "ids.json").write_text(json.dumps(self.ids), encoding="utf-8")
        if self._model is not None:
            self._model.save(str(target / "bm25"))
        pointer = folder / "CURRENT.tmp"
        pointer.write_text(version, encoding="utf-8")
        with pointer.open("rb") as handle:
            os.fsync(handle.fileno())
        os.replace(pointer, folder / "CURRENT")
        for old in folder.iterdir():
            if old.is_dir() and old.name != version:
                shutil.rmtree(old, ignore_errors=True)

    @classmethod
    def load(cls, folder: Path) -> Bm25Index | None:
        pointer = folder / "CURRENT"
        if not pointer.is_file():
            return None
        target = folder / pointer.read_text(encoding="utf-8").strip()
        try:
            ids = json.loads((target / "ids.json").read_text(encoding="utf-8"))
            model = bm25s.BM25.load(str(target / "bm25")) if ids else None
        except (OSError, ValueError) as error:
            logger.warning("BM25 index in %s is unreadable (%s); it will be rebuilt", target, error)
            return None
        return cls(ids, model)


def idf_lookup(index: Bm25Index) -> dict[str, float]:
    """Inverse document frequency of every indexed token (for weighting words in sentence ranking)."""
    model = index._model
    if model is None:
        return {}
    import math

    pointers = np.asarray(model.scores["indptr"])
    frequencies = pointers[1:] - pointers[:-1]
    total = max(len(index.ids), 1)
    return {
        token: math.log(1 + (total - frequencies[token_id] + 0.5) / (frequencies[token_id] + 0.5))
        for token, token_id in model.vocab_dict.items()
        if token_id < len(frequencies)
    }
