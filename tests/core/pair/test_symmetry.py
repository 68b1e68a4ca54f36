"""Comparing B with A gives exactly the mirror of A with B: links, kinds, marks (moved, altered and why,
misspellings), unique sentences and rows, on the seeds and, when the shared data is present, on the development
stories. (The words highlighted inside a paraphrase come from an ordered diff and may be cut differently.)"""

from __future__ import annotations

from itertools import combinations
from pathlib import Path

import pytest

from newsdiff.core.model import Comparison, Kind, Side
from newsdiff.core.pair.compare import compare
from newsdiff.core.read.articles import Article, load_article
from tests.conftest import FIXTURES

# Real copies of news stories, several copies a story (see their README); absent outside the project's machine.
DEV_STORIES = Path(__file__).resolve().parents[4] / "shared" / "data" / "real-dev"

MIRRORED = {Side.LEFT: Side.RIGHT, Side.RIGHT: Side.LEFT}


def as_seen_from_left(comparison: Comparison) -> tuple:
    """Everything a comparison says, the sides named as they are."""
    links = sorted(
        (
            link.left, link.right, link.kind, link.similarity, link.moved, link.altered,
            tuple(sorted(link.alterations)),
        )
        for link in comparison.links
    )
    misspellings = sorted((m.side, m.start, m.end, m.word, m.suggestion or "") for m in comparison.misspellings)
    rows = sorted((row.left, row.right) for row in comparison.rows)
    return links, comparison.unique_left, comparison.unique_right, misspellings, rows


def mirrored(comparison: Comparison) -> tuple:
    """What the comparison of the two copies the other way round should say, the sides named as there."""
    links = sorted(
        (
            link.right, link.left, link.kind, link.similarity, link.moved, link.altered,
            tuple(sorted(link.alterations)),
        )
        for link in comparison.links
    )
    misspellings = sorted(
        (MIRRORED[m.side], m.start, m.end, m.word, m.suggestion or "") for m in comparison.misspellings
    )
    rows = sorted((row.right, row.left) for row in comparison.rows)
    return links, comparison.unique_right, comparison.unique_left, misspellings, rows


def assert_mirrored(left: Article, right: Article) -> None:
    assert as_seen_from_left(compare(right, left)) == mirrored(compare(left, right))


@pytest.mark.parametrize("first, second", list(combinations(sorted(FIXTURES.glob("*.txt")), 2)), ids=str)
def test_comparing_two_seeds_the_other_way_round_gives_the_mirror(first: Path, second: Path) -> None:
    assert_mirrored(load_article(first), load_article(second))


def dev_pairs() -> list[tuple[Path, Path]]:
    """Each development story's copies, each with the next in name order."""
    if not DEV_STORIES.is_dir():
        return []
    stories = sorted(p for p in DEV_STORIES.iterdir() if (p / "meta.json").is_file())
    return [pair for story in stories for pair in zip(sorted(story.glob("*.txt")), sorted(story.glob("*.txt"))[1:])]


@pytest.mark.skipif(not DEV_STORIES.is_dir(), reason="the development stories are not on this machine")
@pytest.mark.parametrize("first, second", dev_pairs(), ids=lambda p: p.name)
def test_comparing_two_real_copies_the_other_way_round_gives_the_mirror(first: Path, second: Path) -> None:
    assert_mirrored(load_article(first), load_article(second))


def test_of_two_crossing_links_the_weaker_is_moved_whichever_copy_is_on_the_left() -> None:
    # Either link could be the one out of order; the rewritten one is, not the one copied word for word.
    left = Article.from_text(
        "The mayor opened the new library on Saturday morning.\n\n"
        "The building cost twelve million pounds and took three years to finish.\n\n"
        "Children queued outside for an hour before the doors opened."
    )
    right = Article.from_text(
        "The new library cost the city twelve million pounds and took three years to build.\n\n"
        "The mayor opened the new library on Saturday morning.\n\n"
        "Children queued outside for an hour before the doors opened."
    )
    for comparison in (compare(left, right), compare(right, left)):
        assert sorted((link.kind, link.moved) for link in comparison.links) == [
            (Kind.PARAPHRASE, True), (Kind.SHARED, False), (Kind.SHARED, False)
        ]
    assert_mirrored(left, right)
