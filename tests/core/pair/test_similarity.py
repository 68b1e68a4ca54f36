"""Pairwise signals between the sentences of two documents (pair/similarity.py), and the links they lead to."""

from __future__ import annotations

import tracemalloc
import warnings

import numpy as np

from newsdiff.core.model import Kind, Side
from newsdiff.core.pair.compare import compare
from newsdiff.core.pair.embed import embed
from newsdiff.core.pair.similarity import _overlap, incidence
from newsdiff.core.read.articles import Article


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


STORY = (
    "Prime Minister Anna Berg said she expected little from her first meeting with the Danish king.\n\n"
    "She told the broadcaster that the two leaders would talk about fishing rights and energy prices.\n\n"
)


def test_a_photo_caption_sharing_only_a_place_name_is_not_linked_to_the_sentence_naming_it() -> None:
    # "Glenmoor golf resort in Scotland" is five words in common, three trigrams: a name and the common nouns it
    # runs into, not a copied clause.
    left = Article.from_text(
        STORY + "The prime minister recorded the interview at her Glenmoor golf resort in Scotland on Friday, a day "
        "before she was due to fly to Copenhagen."
    )
    right = Article.from_text(
        "The motorcade makes its way through the village of Kilbride after leaving Glenmoor golf resort in "
        "Scotland, Saturday, June 3, 2017.\n\n" + STORY
    )
    comparison = compare(left, right)
    assert comparison.kind_of(Side.LEFT, 2) is Kind.UNIQUE
    assert comparison.kind_of(Side.RIGHT, 0) is Kind.UNIQUE


def test_a_text_without_a_token_embeds_as_zero_without_a_warning() -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        vectors = embed(["", "The talks resumed on Monday."])
    assert not vectors[0].any() and abs(float(np.linalg.norm(vectors[1])) - 1) < 1e-5
