"""Semantic sentence embeddings from wordllama's bundled model, loaded once per process, offline."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Sequence

import numpy as np
import wordllama
from wordllama import WordLlama


@lru_cache(maxsize=1)
def model() -> WordLlama:
    """The wordllama model shipped inside its wheel; downloads are disabled so nothing touches the network."""
    return WordLlama.load(cache_dir=Path(wordllama.__file__).parent, disable_download=True)


def embed(sentences: Sequence[str]) -> np.ndarray:
    """Unit-length embeddings of the sentences, one row each (float32, 256 columns)."""
    if not sentences:
        return np.zeros((0, 256), dtype=np.float32)
    # A text without a token (only punctuation) has no direction: wordllama divides 0 by 0 for it, which gives
    # NaN, turned into a zero vector below; numpy's warning of it would tell the user nothing.
    with np.errstate(invalid="ignore"):
        vectors = np.asarray(model().embed(list(sentences), norm=True), dtype=np.float32)
    return np.nan_to_num(vectors)


def cosine_matrix(left: np.ndarray, right: np.ndarray) -> np.ndarray:
    """Cosine similarity of every pair of rows of two unit-length embedding matrices, clipped to [0, 1]."""
    return np.clip(left @ right.T, 0.0, 1.0)
