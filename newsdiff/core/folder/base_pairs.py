"""A base copy compared with every other copy of a folder, as the folder report and the viewer show it, and the
words that spare a pair's words from misspelling marks: those a third copy spells the same way."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from newsdiff.core.model import Comparison
from newsdiff.core.pair.compare import compare
from newsdiff.core.read.articles import Article
from newsdiff.core.text.normalize import words


@dataclass(frozen=True)
class Spellings:
    """The case-folded words of each article of a folder, and in how many of the articles each word occurs
    (counted once: the viewer takes the known words of many pairs from them)."""

    words: tuple[frozenset[str], ...]
    counts: Counter[str]
    every_word: frozenset[str]

    @classmethod
    def of(cls, articles: Iterable[Article]) -> Spellings:
        """The spellings of `articles`, in their order."""
        own = tuple(frozenset(words(article.text)) for article in articles)
        counts = Counter(word for article_words in own for word in article_words)
        return cls(own, counts, frozenset(counts))


def known_words(spellings: Spellings, left: int, right: int) -> frozenset[str]:
    """The words of every article other than `left` and `right` (indices into `spellings`).

    A word that a third copy also spells the same way is a name, not a typo: the comparison of `left` with
    `right` takes these as known words, never marked as misspellings.
    """
    a, b = spellings.words[left], spellings.words[right]
    only_theirs = {word for word in a | b if spellings.counts[word] <= (word in a) + (word in b)}
    return spellings.every_word - only_theirs


def compare_with_base(base: Article, copies: Sequence[Article]) -> list[Comparison]:
    """The comparison of `base` (left) with each copy (right), in the order of `copies`, each given the known
    words of its pair."""
    spellings = Spellings.of([base, *copies])
    return [compare(base, copy, known_words=known_words(spellings, 0, number)) for number, copy in enumerate(copies, 1)]
