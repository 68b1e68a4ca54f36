"""What the folder analysis needs of one article's text, whatever folder it is in, and its cached form."""

from __future__ import annotations

import json
import struct
from dataclasses import dataclass

import numpy as np

from newsdiff.core.folder import boilerplate
from newsdiff.core.folder.fingerprint import NUM_PERM, content_words, rare_words, signature, skip_grams
from newsdiff.core.model import Span
from newsdiff.core.text.segment import paragraph_spans


@dataclass(frozen=True)
class ArticleFeatures:
    """Paragraphs with their furniture marks by shape, fingerprints, word counts and shingles; rare words' MinHash."""

    paragraphs: tuple[Span, ...]
    furniture: frozenset[int]  # paragraphs that look like furniture by their shape
    fingerprints: tuple[int, ...]
    paragraph_words: tuple[int, ...]
    shingles: tuple[np.ndarray, ...]  # per paragraph: sorted distinct skip-gram shingles (uint64)
    signature: np.ndarray | None  # MinHash of the rare words outside furniture; None when there are none


def article_features(text: str) -> ArticleFeatures:
    """The features of an article's text."""
    paragraphs = tuple(paragraph_spans(text))
    furniture = frozenset(boilerplate.shape_furniture(text, paragraphs))
    pieces = [text[p.start : p.end] for p in paragraphs]
    contents = [content_words(piece) for piece in pieces]
    rare = {w for index, content in enumerate(contents) if index not in furniture for w in rare_words(content)}
    return ArticleFeatures(
        paragraphs=paragraphs,
        furniture=furniture,
        fingerprints=tuple(boilerplate.fingerprint(piece) for piece in pieces),
        paragraph_words=tuple(len(piece.split()) for piece in pieces),
        shingles=tuple(np.array(sorted(skip_grams(content)), dtype=np.uint64) for content in contents),
        signature=signature(rare) if rare else None,
    )


def encode(features: ArticleFeatures) -> bytes:
    """The features as bytes: a JSON header, then the shingles and the signature as binary arrays."""
    header = {
        "paragraphs": [[p.start, p.end] for p in features.paragraphs],
        "furniture": sorted(features.furniture),
        "fingerprints": list(features.fingerprints),
        "words": list(features.paragraph_words),
        "shingles": [len(s) for s in features.shingles],
        "signature": features.signature is not None,
    }
    head = json.dumps(header, separators=(",", ":")).encode("utf-8")
    shingles = np.concatenate([*features.shingles, np.zeros(0, dtype=np.uint64)])
    tail = features.signature.astype(np.uint32).tobytes() if features.signature is not None else b""
    return struct.pack("<I", len(head)) + head + shingles.astype("<u8").tobytes() + tail


def decode(data: bytes) -> ArticleFeatures:
    """The features encoded by `encode`; raises ValueError when the bytes are not such an encoding."""
    try:
        (size,) = struct.unpack_from("<I", data)
        header = json.loads(data[4 : 4 + size])
        counts = header["shingles"]
        total = sum(counts)
        flat = np.frombuffer(data, dtype="<u8", count=total, offset=4 + size).astype(np.uint64)
        values = None
        if header["signature"]:
            values = np.frombuffer(data, dtype="<u4", count=NUM_PERM, offset=4 + size + 8 * total).astype(np.uint32)
        bounds = np.cumsum(counts)[:-1] if counts else []
        return ArticleFeatures(
            paragraphs=tuple(Span(a, b) for a, b in header["paragraphs"]),
            furniture=frozenset(header["furniture"]),
            fingerprints=tuple(header["fingerprints"]),
            paragraph_words=tuple(header["words"]),
            shingles=tuple(np.split(flat, bounds)) if counts else (),
            signature=values,
        )
    except (struct.error, KeyError, TypeError) as error:
        raise ValueError(f"not encoded features: {error}") from None
