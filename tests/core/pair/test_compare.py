"""The comparison engine end to end: on the seed articles, on arbitrary text, and the reasons compare gives
a link for its altered mark."""

from __future__ import annotations

import subprocess
import sys

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsdiff.core.model import Alteration, Comparison, EditOp, Kind, Side
from newsdiff.core.pair.compare import compare
from newsdiff.core.read.articles import Article, load_article
from tests.conftest import seed
from tests.core.pair.comparisons import (
    assert_rows_cover_each_paragraph_once_in_order,
    only_paraphrase,
    pair,
    sentence_index,
)

TRUMP_QUOTE = "I have strongly requested to President Putin that their lives be spared."


def test_importing_core_does_not_import_qt() -> None:
    code = (
        "import sys, newsdiff.core.pair.compare, newsdiff.core.output.summary, newsdiff.core.read.articles;"
        "sys.exit(1 if any(m.startswith('PySide6') for m in sys.modules) else 0)"
    )
    assert subprocess.run([sys.executable, "-c", code]).returncode == 0


def test_trump_quote_is_shared_between_003_and_002() -> None:
    comparison = pair("003", "002")
    left = sentence_index(comparison, Side.LEFT, TRUMP_QUOTE)
    right = sentence_index(comparison, Side.RIGHT, TRUMP_QUOTE)
    link = comparison.links[comparison.link_of(Side.LEFT, left)]
    assert link.kind is Kind.SHARED
    assert right in link.right


def test_anihilate_sentence_is_a_paraphrase_of_sabotage_sentence() -> None:
    comparison = pair("003", "000")
    left = sentence_index(comparison, Side.LEFT, "sabotage diplomacy")
    right = sentence_index(comparison, Side.RIGHT, "anihilate")
    link = comparison.links[comparison.link_of(Side.LEFT, left)]
    assert link.kind is Kind.PARAPHRASE
    assert right in link.right
    changed = {comparison.right.text[e.start : e.end] for e in link.edits if e.side is Side.RIGHT}
    assert any("anihilate" in words for words in changed)


def test_article_against_itself_is_all_shared() -> None:
    for prefix in ("000", "002", "003"):
        article = load_article(seed(prefix))
        comparison = compare(article, article)
        count = len(comparison.left.sentences)
        assert comparison.stats(Side.LEFT) == {Kind.SHARED: count, Kind.TYPO: 0, Kind.PARAPHRASE: 0, Kind.UNIQUE: 0}
        assert all(not link.moved and not link.edits for link in comparison.links)
        assert comparison.differences() == []
        assert comparison.misspellings == () or prefix == "000"


def assert_consistent(comparison: Comparison) -> None:
    for side in Side:
        doc = comparison.document(side)
        linked = [s for link in comparison.links for s in link.sentences(side)]
        everything = sorted(linked + list(comparison.unique(side)))
        assert everything == list(range(len(doc.sentences)))
        position = 0
        for sentence in doc.sentences:
            assert position <= sentence.start < sentence.end <= len(doc.text)
            assert doc.text[position : sentence.start].strip() == ""
            position = sentence.end
        assert doc.text[position:].strip() == ""
    for link in comparison.links:
        assert 0.0 <= link.similarity <= 1.0
        for edit in link.edits:
            assert 0 <= edit.start < edit.end <= len(comparison.document(edit.side).text)
    assert_rows_cover_each_paragraph_once_in_order(comparison)


def test_seed_pairs_are_consistent() -> None:
    for left, right in (("003", "000"), ("003", "002"), ("000", "004"), ("001", "002")):
        assert_consistent(pair(left, right))


prose = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",)) | st.sampled_from(list(" .\n\n,\"'“”’—-?!")),
    max_size=400,
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(prose, prose)
def test_compare_never_raises_and_is_lossless(left: str, right: str) -> None:
    comparison = compare(Article.from_text(left), Article.from_text(right))
    assert_consistent(comparison)


@settings(max_examples=30, deadline=None)
@given(st.lists(st.sampled_from(["Alpha beta gamma.", "Delta epsilon zeta!", "Eta theta iota?", "\n\n", " "]), max_size=12))
def test_compare_of_shuffled_known_sentences_is_consistent(parts: list[str]) -> None:
    text = " ".join(parts)
    comparison = compare(Article.from_text(text), Article.from_text(text[::-1]))
    assert_consistent(comparison)


def test_a_pair_the_model_alone_marks_altered_says_so() -> None:
    _, link = only_paraphrase(
        "The agency plans to follow its first probe with larger landers before a crewed flight.",
        "The agency plans to explore the planet with ever more advanced robotic landers.",
    )
    assert {edit.op for edit in link.edits} == {EditOp.REPLACE}
    assert link.altered
    assert link.alterations == (Alteration.REWORDED,)


def test_a_quote_with_only_an_attribution_added_is_not_altered() -> None:
    quote = "\u201cI have strongly requested to President Putin that their lives be spared."
    _, link = only_paraphrase(quote, "Trump shared his plea on Truth Social, saying, " + quote + "\u201d")
    assert {edit.op for edit in link.edits} == {EditOp.INSERT}
    assert not link.altered and link.alterations == ()
