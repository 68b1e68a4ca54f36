"""Comparisons the pair tests share: of the seed articles, and of one-sentence texts."""

from __future__ import annotations

from functools import lru_cache

from newsdiff.core.model import Comparison, Kind, Link, Side
from newsdiff.core.pair.compare import compare
from newsdiff.core.read.articles import Article, load_article
from newsdiff.core.text.normalize import canonical
from tests.conftest import seed


@lru_cache(maxsize=None)
def pair(left: str, right: str) -> Comparison:
    """The comparison of two seed articles, named by their prefixes ("003", "000"); made once a run."""
    return compare(load_article(seed(left)), load_article(seed(right)))


def sentence_index(comparison: Comparison, side: Side, fragment: str) -> int:
    """The index of the one sentence of `side` that holds `fragment`."""
    doc = comparison.document(side)
    matches = [i for i in range(len(doc.sentences)) if fragment in canonical(doc.sentence_text(i))]
    assert len(matches) == 1, (fragment, [doc.sentence_text(i) for i in matches])
    return matches[0]


def only_paraphrase(left: str, right: str) -> tuple[Comparison, Link]:
    """The comparison of two one-sentence texts, and its one link, a paraphrase."""
    comparison = compare(Article.from_text(left), Article.from_text(right))
    (link,) = comparison.links
    assert link.kind is Kind.PARAPHRASE
    return comparison, link


def assert_rows_cover_each_paragraph_once_in_order(comparison: Comparison) -> None:
    """Every paragraph of each side stands in exactly one row, the rows in order on both sides."""
    for side in Side:
        seen = [p for row in comparison.rows for p in row.paragraphs(side)]
        assert seen == list(range(len(comparison.document(side).paragraphs)))
