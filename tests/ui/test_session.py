"""The viewer's folder state: the articles by path, and similarity to the base."""

from __future__ import annotations

from newsdiff.core.pair.compare import compare
from newsdiff.core.read.articles import Article, load_article
from newsdiff.ui.session import Session, similarity
from tests.conftest import seed


def test_similarity_runs_from_nothing_to_the_same_text() -> None:
    wire = load_article(seed("003"))
    assert similarity(compare(wire, wire)) == 1.0
    unrelated = Article.from_text("The council approved the budget for the new library on Tuesday evening.")
    assert similarity(compare(wire, unrelated)) == 0.0
    rewrite = similarity(compare(wire, load_article(seed("000"))))
    assert 0.0 < rewrite < 1.0


def test_session_finds_articles_by_path() -> None:
    articles = [load_article(seed("003")), load_article(seed("000"))]
    session = Session(articles)
    assert session.index_of(articles[1].path) == 1
    assert session.index_of("elsewhere.txt") is None
