"""The viewer's folder state: the articles by path, and how much of the base each copy carries."""

from __future__ import annotations

from newsdiff.core.model import Span
from newsdiff.core.pair.compare import compare
from newsdiff.core.read.articles import Article, load_article
from newsdiff.ui.session import Session
from tests.conftest import seed


def test_carries_runs_from_nothing_to_the_whole_base_leaving_its_furniture_out() -> None:
    wire = load_article(seed("003"))
    unrelated = Article.from_text("The council approved the budget for the new library on Tuesday evening.")
    session = Session([wire, unrelated, load_article(seed("000"))])
    assert session.carries(compare(wire, wire)) == 1.0
    assert session.carries(compare(wire, unrelated)) == 0.0
    rewrite = compare(wire, load_article(seed("000")))
    assert 0.0 < session.carries(rewrite) < 1.0
    # The base's second half as furniture: the copy carries a share of the first half only.
    half = Session(session.articles, furniture=((Span(len(wire.text) // 2, len(wire.text)),), (), ()))
    assert half.carries(rewrite) != session.carries(rewrite)


def test_session_finds_articles_by_path() -> None:
    articles = [load_article(seed("003")), load_article(seed("000"))]
    session = Session(articles)
    assert session.index_of(articles[1].path) == 1
    assert session.index_of("elsewhere.txt") is None
