"""The two figures, defined once: how much of the base a copy carries, and how alike two copies are."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsdiff.core.folder.analysis import FolderAnalysis, analyse_folder
from newsdiff.core.folder.similarity import carries, carries_in
from newsdiff.core.model import Span
from newsdiff.core.pair.compare import compare
from newsdiff.core.read.articles import Article, load_article

TEXT = "One two three four. Five six. Seven eight nine ten eleven twelve."
SENTENCES = (Span(0, 19), Span(20, 29), Span(30, 65))


def test_carries_weighs_base_sentences_by_their_story_words() -> None:
    assert carries(TEXT, SENTENCES, (), {0, 1, 2}) == 1.0
    assert carries(TEXT, SENTENCES, (), set()) == 0.0
    assert carries(TEXT, SENTENCES, (), {0}) == pytest.approx(4 / 12)
    # Furniture counts neither way: a copy carrying only the base's furniture carries nothing of its story.
    assert carries(TEXT, SENTENCES, (Span(30, 65),), {0}) == pytest.approx(4 / 6)
    assert carries(TEXT, SENTENCES, (Span(0, 65),), {0, 1, 2}) == 0.0


def test_a_copy_trimmed_to_a_fifth_carries_a_fifth() -> None:
    paragraphs = [
        f"Paragraph {n} tells of the council's vote number {n} on the budget for year {n}." for n in range(10)
    ]
    base = Article.from_text("\n\n".join(paragraphs), "base.txt")
    trimmed = Article.from_text("\n\n".join(paragraphs[:2]), "trimmed.txt")
    assert carries_in(compare(base, trimmed)) == pytest.approx(0.2)


@pytest.fixture(scope="module")
def sample(fixtures_dir: Path) -> FolderAnalysis:
    return analyse_folder(fixtures_dir)


def test_the_list_the_report_and_the_carries_column_give_one_figure(sample: FolderAnalysis) -> None:
    """What the analysis says a copy carries is what a comparison of the pair says, with the same furniture."""
    cluster = sample.clusters[0]
    base = sample.articles[cluster.base]
    for member in cluster.articles:
        if member == cluster.base:
            continue
        copy = sample.articles[member]
        comparison = compare(load_article(base.article.path), load_article(copy.article.path))
        assert carries_in(comparison, base.boilerplate) == pytest.approx(copy.carries, abs=1e-9)
