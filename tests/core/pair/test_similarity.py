"""Pairwise signals between the sentences of two documents (pair/similarity.py)."""

from __future__ import annotations

import tracemalloc

import numpy as np

from newsdiff.core.pair.similarity import _overlap, incidence


def _naive(left: list[frozenset], right: list[frozenset]) -> np.ndarray:
    return np.array([[len(a & b) for b in right] for a in left], dtype=np.float32)


def test_common_items_are_counted_for_every_pair_of_sentences() -> None:
    left = [frozenset({"a", "b", "c"}), frozenset({"d"}), frozenset()]
    right = [frozenset({"b", "c", "x"}), frozenset({"a", "d"})]
    common, share_left, share_right = _overlap(incidence(left), incidence(right))
    assert np.array_equal(common, _naive(left, right))
    assert np.allclose(share_left, common / np.array([[3], [1], [1]]))
    assert np.allclose(share_right, common / np.array([[3, 2]]))


def test_a_text_repeating_itself_is_counted_in_memory_bounded_by_the_pairs() -> None:
    # 1,200 sentences a side sharing the same 20 items: 29 million (sentence, sentence, item) meetings.
    sentence = frozenset(f"word{k}" for k in range(20))
    left, right = [sentence] * 1200, [sentence | {"other"}] * 1200
    left_items, right_items = incidence(left), incidence(right)
    tracemalloc.start()
    try:
        common, _, _ = _overlap(left_items, right_items)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert np.all(common == 20)
    assert peak < 20 * common.nbytes  # some copies of the result, not one entry per meeting
