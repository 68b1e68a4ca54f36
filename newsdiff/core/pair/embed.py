"""Semantic sentence embeddings from wordllama's bundled model, loaded once per process, offline.

The model is two files inside the wordllama wheel: a safetensors table of token vectors and a tokenizers
configuration. They are read here with safetensors and tokenizers, and a sentence's embedding is taken as
WordLlamaInference.embed(norm=True) takes it (tests/core/pair/test_embed.py holds the two equal): importing the
wordllama package itself loads pydantic, toml and requests for its training and download paths, a quarter of a
second at the start of every process.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib.util import find_spec
from pathlib import Path

import numpy as np
from tokenizers import Tokenizer

# The files of the model WordLlama.load() gives by default (its "l2_supercat" configuration at 256 dimensions),
# within the wordllama package, and the table's name in the weights file.
_WEIGHTS = ("weights", "l2_supercat_256.safetensors")
_TOKENIZER = ("tokenizers", "l2_supercat_tokenizer_config.json")
_TENSOR = "embedding.weight"
# Sentences embedded per batch, each batch padded to its longest: WordLlamaInference.embed's default.
_BATCH = 64


@dataclass(frozen=True)
class Model:
    """wordllama's token vectors (one row per token id, float32) and its tokenizer (padding each batch)."""

    embedding: np.ndarray
    tokenizer: Tokenizer


def _package_file(*parts: str) -> Path:
    """A file of the installed wordllama package, found without importing it."""
    spec = find_spec("wordllama")
    if spec is None or not spec.submodule_search_locations:
        raise ModuleNotFoundError("wordllama is not installed")
    return Path(next(iter(spec.submodule_search_locations))).joinpath(*parts)


def tokenizer(padding: bool) -> Tokenizer:
    """A new copy of wordllama's tokenizer, never truncating; with padding, each text of a batch is padded to the
    longest."""
    loaded = Tokenizer.from_file(str(_package_file(*_TOKENIZER)))
    loaded.no_truncation()
    if padding:
        loaded.enable_padding()
    else:
        loaded.no_padding()
    return loaded


@lru_cache(maxsize=1)
def model() -> Model:
    """The wordllama model shipped inside its wheel; nothing is downloaded."""
    from safetensors.numpy import load_file

    table = load_file(str(_package_file(*_WEIGHTS)))[_TENSOR]
    return Model(np.ascontiguousarray(table.astype(np.float32)), tokenizer(padding=True))


def embed(sentences: Sequence[str]) -> np.ndarray:
    """Unit-length embeddings of the sentences, one row each (float32, 256 columns): the mean of their tokens'
    vectors, normalised."""
    if not sentences:
        return np.zeros((0, 256), dtype=np.float32)
    table, padded = model().embedding, model().tokenizer
    vectors = np.empty((len(sentences), table.shape[1]), dtype=np.float32)
    for start in range(0, len(sentences), _BATCH):
        encodings = padded.encode_batch(list(sentences[start : start + _BATCH]), add_special_tokens=False)
        ids = np.array([e.ids for e in encodings], dtype=np.int32)
        mask = np.array([e.attention_mask for e in encodings], dtype=np.float32)
        np.clip(ids, 0, len(table) - 1, out=ids)
        counts = np.maximum(mask.sum(axis=1, keepdims=True), 1.0).astype(np.float32)
        pooled = np.sum(table[ids] * mask[..., np.newaxis], axis=1, dtype=np.float32) / counts
        with np.errstate(invalid="ignore"):  # a text without a token has no direction: 0/0, then 0 below
            pooled /= np.linalg.norm(pooled, axis=1, keepdims=True)
        vectors[start : start + len(encodings)] = pooled
    return np.nan_to_num(vectors)


def cosine_matrix(left: np.ndarray, right: np.ndarray) -> np.ndarray:
    """Cosine similarity of every pair of rows of two unit-length embedding matrices, clipped to [0, 1]."""
    return np.clip(left @ right.T, 0.0, 1.0)
