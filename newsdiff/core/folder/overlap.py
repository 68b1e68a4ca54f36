"""Shingles shared between copies: the similarity of candidate pairs, and how much each copy shares."""

from __future__ import annotations

from collections.abc import Collection, Sequence

import numpy as np


def story_shingles(paragraphs: Sequence[np.ndarray], excluded: Collection[int]) -> np.ndarray:
    """The sorted distinct shingles of the paragraphs not in `excluded`."""
    kept = [shingles for index, shingles in enumerate(paragraphs) if index not in excluded]
    return np.unique(np.concatenate(kept)) if kept else np.zeros(0, dtype=np.uint64)


def cosines(pairs: Sequence[tuple[int, int]], stories: Sequence[np.ndarray]) -> np.ndarray:
    """The cosine similarity of the shingle sets of each pair (a, b); pairs must be sorted by a.

    Vectorised per first article: its shingles are marked in a table of all shingles, and the shingles of
    all its partners looked up there at once (a pure-Python set intersection per pair is ten times slower).
    """
    scores = np.zeros(len(pairs))
    if not pairs:
        return scores
    sizes = np.array([len(s) for s in stories], dtype=np.int64)
    offsets = np.concatenate([[0], np.cumsum(sizes)])
    _, ids = np.unique(np.concatenate(stories), return_inverse=True)
    marked = np.zeros(int(ids.max()) + 1 if len(ids) else 1, dtype=bool)
    firsts = np.array([a for a, _ in pairs])
    seconds = np.array([b for _, b in pairs])
    bounds = np.flatnonzero(np.diff(firsts)) + 1
    for rows in np.split(np.arange(len(pairs)), bounds):
        a = int(firsts[rows[0]])
        partners = seconds[rows]
        if sizes[a] == 0:
            continue
        own = ids[offsets[a] : offsets[a + 1]]
        marked[own] = True
        lengths = sizes[partners]
        hits = marked[np.concatenate([ids[offsets[b] : offsets[b + 1]] for b in partners])]
        running = np.concatenate([[0], np.cumsum(hits)])
        ends = np.cumsum(lengths)
        shared = running[ends] - running[ends - lengths]
        with np.errstate(divide="ignore", invalid="ignore"):
            scores[rows] = np.where(lengths > 0, shared / np.sqrt(sizes[a] * lengths), 0.0)
        marked[own] = False
    return scores


def shared_with_others(members: Sequence[int], stories: Sequence[np.ndarray]) -> list[int]:
    """For each member, how many (shingle, other member) pairs it shares: its overlap summed over the others."""
    sets = [stories[m] for m in members]
    if not any(len(s) for s in sets):
        return [0] * len(members)
    _, inverse, counts = np.unique(np.concatenate(sets), return_inverse=True, return_counts=True)
    ends = np.cumsum([len(s) for s in sets])
    return [int((counts[inverse[end - len(s) : end]] - 1).sum()) for s, end in zip(sets, ends)]
