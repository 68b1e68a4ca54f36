"""What the viewer holds about the open folder (or files): the articles, the files that failed, and the words
each copy spells, which spare a pair's words from misspelling marks when a third copy spells them the same way.

Pure Python: the window runs it, but nothing here needs Qt.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from newsdiff.core.articles import Article, ArticleError
from newsdiff.core.model import Comparison, Side
from newsdiff.core.normalize import words


class FolderWords:
    """The case-folded words of each article, and in how many articles each word occurs."""

    def __init__(self, articles: list[Article]) -> None:
        self._words = [frozenset(words(article.text)) for article in articles]
        self._counts = Counter(word for own in self._words for word in own)

    def known_for(self, left: int, right: int) -> frozenset[str]:
        """The words of every article other than `left` and `right` (indices): spelt on purpose, not typos."""
        a, b = self._words[left], self._words[right]
        return frozenset(word for word, count in self._counts.items() if count > (word in a) + (word in b))


@dataclass
class Session:
    """The open folder (or set of files)."""

    articles: list[Article]
    errors: list[ArticleError] = field(default_factory=list)
    folder: str | None = None  # None when files were opened one by one
    words: FolderWords | None = None

    def __post_init__(self) -> None:
        if self.words is None:
            self.words = FolderWords(self.articles)

    def index_of(self, path: str) -> int | None:
        """The index of the article loaded from `path`, if any."""
        for index, article in enumerate(self.articles):
            if article.path == path:
                return index
        return None


def similarity(comparison: Comparison) -> float:
    """How much of the two copies is the same story: the share of both texts' sentence characters that are
    linked, each link weighted by its similarity (0: nothing reused, 1: the same text)."""
    total = 0
    linked = 0.0
    for side in Side:
        document = comparison.document(side)
        total += sum(s.end - s.start for s in document.sentences)
    for link in comparison.links:
        size = sum(
            comparison.document(side).sentences[i].end - comparison.document(side).sentences[i].start
            for side in Side
            for i in link.sentences(side)
        )
        linked += link.similarity * size
    return linked / total if total else 0.0
