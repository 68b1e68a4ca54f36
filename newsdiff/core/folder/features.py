"""What the folder analysis needs of one article's text, whatever folder it is in, and its cached form."""

from __future__ import annotations

import json
import struct
from dataclasses import dataclass

import numpy as np

from newsdiff.core.folder import boilerplate
from newsdiff.core.folder.fingerprint import NUM_PERM, rare_words, signature, skip_grams
from newsdiff.core.model import Span
from newsdiff.core.text.lexicon import STOPWORDS
from newsdiff.core.text.normalize import words
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
    pieces = [text[p.start : p.end] for p in paragraphs]
    tokens = [words(piece) for piece in pieces]
    furniture = frozenset(boilerplate.shape_furniture(text, paragraphs, tokens))
    contents = [[w for w in found if w not in STOPWORDS] for found in tokens]
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


def spans_from(value: object, length: int) -> tuple[Span, ...]:
    """`value` as spans in order inside a text of `length` characters: pairs of whole numbers, none overlapping."""
    spans: list[Span] = []
    for start, end in value:  # type: ignore[attr-defined]  # what is not a list of pairs raises TypeError
        after = spans[-1].end if spans else 0
        if not (whole_number(start) and whole_number(end) and after <= start <= end <= length):
            raise ValueError("spans out of order or out of the text")
        spans.append(Span(start, end))
    return tuple(spans)


def whole_number(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def decode(data: bytes, length: int) -> ArticleFeatures:
    """The features encoded by `encode` for a text of `length` characters; raises ValueError when the bytes are
    not such an encoding (a cache entry damaged or planted: its shape, counts and ranges are all checked)."""
    try:
        (size,) = struct.unpack_from("<I", data)
        header = json.loads(data[4 : 4 + size])
        paragraphs = spans_from(header["paragraphs"], length)
        counts = header["shingles"]
        lists = (counts, header["fingerprints"], header["words"])
        if any(not isinstance(v, list) or len(v) != len(paragraphs) or not all(map(whole_number, v)) for v in lists):
            raise ValueError("per-paragraph lists of another length or type")
        furniture = header["furniture"]
        if any(n < 0 for n in counts) or not all(whole_number(i) and 0 <= i < len(paragraphs) for i in furniture):
            raise ValueError("counts or paragraph numbers out of range")
        if not isinstance(header["signature"], bool):
            raise ValueError("signature flag of another type")
        total = sum(counts)
        flat = np.frombuffer(data, dtype="<u8", count=total, offset=4 + size).astype(np.uint64)
        values = None
        if header["signature"]:
            values = np.frombuffer(data, dtype="<u4", count=NUM_PERM, offset=4 + size + 8 * total).astype(np.uint32)
        bounds = np.cumsum(counts)[:-1] if counts else []
        return ArticleFeatures(
            paragraphs=paragraphs,
            furniture=frozenset(furniture),
            fingerprints=tuple(header["fingerprints"]),
            paragraph_words=tuple(header["words"]),
            shingles=tuple(np.split(flat, bounds)) if counts else (),
            signature=values,
        )
    except (struct.error, KeyError, TypeError, RecursionError) as error:
        raise ValueError(f"not encoded features: {error}") from None
