"""Misspelling marks (pair/spelling.py): likely typos with a suggestion, sparing names and either spelling of
English."""

from __future__ import annotations

from newsdiff.core.model import Kind, Side
from newsdiff.core.pair.compare import compare
from newsdiff.core.read.articles import Article
from tests.core.pair.comparisons import pair

NAMES = ("Zelenskyy", "Zelensky", "Witkoff", "Pokrovsk", "Peskov", "Kursk", "Kyiv", "Sumy")


def test_misspellings_in_000_are_marked_with_suggestion() -> None:
    marks = {m.word: m for m in pair("003", "000").misspellings if m.side is Side.RIGHT}
    assert "anihilate" in marks and "lifepostm" in marks
    assert marks["anihilate"].suggestion == "annihilate"


def test_american_and_british_spellings_are_both_spelt_right() -> None:
    british = Article.from_text(
        "The labour minister said neighbours of the harbour theatre had travelled far to see their favourite "
        "play. The goverment denied it."
    )
    american = Article.from_text(
        "The labor minister said neighbors of the harbor theater had traveled far to see their favorite play. "
        "The government denied it."
    )
    for comparison in (compare(british, american), compare(american, british)):
        assert {m.word for m in comparison.misspellings} == {"goverment"}  # the slip is found, the spellings spared
    assert compare(american, american).misspellings == ()


def test_no_misspelling_mark_on_names_in_any_pair() -> None:
    prefixes = ("000", "001", "002", "003", "004")
    for left in prefixes:
        for right in prefixes:
            if left < right:
                words = {m.word.casefold() for m in pair(left, right).misspellings}
                assert not words & {n.casefold() for n in NAMES}, (left, right, words)


def test_mistyped_ordinal_is_a_typo_and_mistyped_compound_is_a_misspelling() -> None:
    left = Article.from_text("The committee delivered the first verdict of the year on Monday morning.")
    right = Article.from_text("The committee deliveered the firat verdict of the year on Monday morning.")
    comparison = compare(left, right)
    (link,) = comparison.links
    assert link.kind is Kind.TYPO
    assert {m.word: m.suggestion for m in comparison.misspellings}.get("deliveered") == "delivered"
