"""A base copy compared with every other copy of a folder, as the folder report and the viewer show it."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from newsdiff.core.model import Comparison
from newsdiff.core.pair.compare import compare, prepare
from newsdiff.core.read.articles import Article


def compare_with_base(base: Article, copies: Sequence[Article]) -> list[Comparison]:
    """The comparison of `base` (left) with each copy (right), in the order of `copies`.

    A word that a third copy also spells the same way is a name, not a typo: each comparison is given the
    words of the copies other than its own two articles as known words.
    """
    words = [prepare(copy).words for copy in copies]
    spellings = Counter(word for copy_words in words for word in copy_words)
    every_word = frozenset(spellings)
    comparisons = []
    for copy, own in zip(copies, words):
        known = every_word - {word for word in own if spellings[word] == 1}
        comparisons.append(compare(base, copy, known_words=known))
    return comparisons
