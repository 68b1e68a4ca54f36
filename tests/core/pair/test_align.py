"""Sentence alignment (pair/align.py): which sentences are linked, one to one, one to many or out of order, which
stay unique, and the display rows."""

from __future__ import annotations

import numpy as np
import pytest

from newsdiff.core.model import EditOp, Kind, Side
from newsdiff.core.pair.align import GAP_SCORE, align
from newsdiff.core.pair.compare import compare
from newsdiff.core.pair.similarity import Matrices, sentence_features
from newsdiff.core.read.articles import Article
from tests.core.pair.comparisons import assert_rows_cover_each_paragraph_once_in_order, pair, sentence_index


def test_celebrity_headlines_of_002_are_unique() -> None:
    comparison = pair("003", "002")
    for headline in ("Miss Piggy Gives Fans", "Uber Enters Seven New European Markets", "Single Shade Of Yellow"):
        index = sentence_index(comparison, Side.RIGHT, headline)
        assert comparison.kind_of(Side.RIGHT, index) is Kind.UNIQUE


def test_starmer_sentence_of_003_is_unique() -> None:
    for other in ("002", "000"):
        comparison = pair("003", other)
        index = sentence_index(comparison, Side.LEFT, "Keir Starmer")
        assert comparison.kind_of(Side.LEFT, index) is Kind.UNIQUE


def test_a_loose_rewrite_out_of_order_is_linked_once_the_rest_is() -> None:
    left = Article.from_text(
        "Heavy rain flooded the main road into the town on Monday.\n\n"
        "The council said repairs to the bridge would take three weeks.\n\n"
        "Schools in the area stayed open despite the weather.\n\n"
        "Shops on the high street reported few customers all day."
    )
    right = Article.from_text(
        "Shops on the high street reported few customers all day.\n\n"
        "Schools in the area stayed open despite the weather.\n\n"
        "Heavy rain flooded the main road into the town on Monday.\n\n"
        "Mending the damaged bridge will keep engineers busy for three weeks, according to the council."
    )
    comparison = compare(left, right)
    assert comparison.unique_left == comparison.unique_right == ()
    assert comparison.kind_of(Side.RIGHT, 3) is Kind.PARAPHRASE
    assert comparison.links[comparison.link_of(Side.RIGHT, 3)].left == (1,)


@pytest.mark.parametrize(
    "left, right, left_fragment, right_fragment",
    [
        # A photo caption and a sentence on the front: Kursk, region, Russia, Ukrainian are in either copy's
        # every other sentence.
        ("003", "000", "In this photo taken from video", "making gains in the eastern Ukrainian Donetsk"),
        ("001", "002", "complete their offensive", "Putin calls on Ukraine troops"),
        ("001", "003", "complete their offensive", "Putin tells Ukraine troops in Russian region to surrender"),
    ],
)
def test_sentences_sharing_only_the_story_s_names_stay_unique(
    left: str, right: str, left_fragment: str, right_fragment: str
) -> None:
    comparison = pair(left, right)
    left_index = sentence_index(comparison, Side.LEFT, left_fragment)
    right_index = sentence_index(comparison, Side.RIGHT, right_fragment)
    link = comparison.link_of(Side.LEFT, left_index)
    assert link is None or right_index not in comparison.links[link].right


def test_a_loose_rewrite_sharing_more_than_the_story_s_names_is_linked_wherever_it_stands() -> None:
    comparison = pair("000", "001")
    left = sentence_index(comparison, Side.LEFT, "His personal emissary Steve Witkoff")
    right = sentence_index(comparison, Side.RIGHT, "Putin met with US special envoy Steve Witkoff")
    link = comparison.links[comparison.link_of(Side.LEFT, left)]
    assert link.kind is Kind.PARAPHRASE and link.right == (right,)


def test_moved_sentence_is_marked_and_rows_stay_in_order() -> None:
    paragraphs = [
        "The storm reached the coast early on Monday, flooding several villages.",
        "Rescue teams evacuated more than two thousand residents overnight.",
        "The weather service warned that heavy rain would continue until Thursday.",
        "Officials opened schools as temporary shelters for displaced families.",
        "Power was cut to forty thousand homes across the northern district.",
    ]
    left = Article.from_text("\n\n".join(paragraphs))
    right = Article.from_text("\n\n".join(paragraphs[1:] + paragraphs[:1]))
    comparison = compare(left, right)
    assert all(link.kind is Kind.SHARED for link in comparison.links)
    assert [link.moved for link in comparison.links] == [True, False, False, False, False]
    assert_rows_cover_each_paragraph_once_in_order(comparison)


def test_split_sentence_links_one_to_many() -> None:
    left = Article.from_text(
        "The company reported record profits of four billion dollars, and its chief executive announced "
        "plans to open twelve new factories across Europe next year."
    )
    right = Article.from_text(
        "The company reported record profits of four billion dollars. "
        "Its chief executive announced plans to open twelve new factories across Europe next year."
    )
    comparison = compare(left, right)
    assert [(link.left, link.right) for link in comparison.links] == [((0,), (0, 1))]
    assert comparison.unique_left == comparison.unique_right == ()


def test_merged_sentence_links_both_sources_even_when_they_share_words() -> None:
    # Both sources name the council and the harbour: those words say nothing of where the rest came from.
    left = Article.from_text(
        "The council said the harbour would stay closed while divers cleared the sunken trawler. "
        "Harbour fees will rise sharply for the local fishing fleet next spring, the council said."
    )
    right = Article.from_text(
        "The harbour stays closed while divers clear the sunken trawler, and harbour fees will rise sharply for "
        "the local fishing fleet next spring, the council said."
    )
    comparison = compare(left, right)
    assert [(link.left, link.right) for link in comparison.links] == [((0, 1), (0,))]
    assert comparison.unique_left == comparison.unique_right == ()


def test_seed_rows_cover_each_paragraph_once_in_order() -> None:
    for left, right in (("003", "000"), ("003", "002"), ("001", "004")):
        assert_rows_cover_each_paragraph_once_in_order(pair(left, right))


def test_a_clause_copied_into_a_longer_sentence_is_linked_with_the_additions_inserted() -> None:
    left = Article.from_text("More than 100 film posters spanning his illustrious career will go under the hammer.")
    right = Article.from_text(
        "His daughter saw more than 100 film posters spanning her father's illustrious career, which will go "
        "under the hammer at Christie's in London."
    )
    comparison = compare(left, right)
    (link,) = comparison.links
    assert link.kind is Kind.PARAPHRASE
    inserted = [comparison.right.text[e.start : e.end] for e in link.edits if e.op is EditOp.INSERT]
    assert "at Christie's in London" in inserted
    copied = comparison.right.text
    assert not any(e.start <= copied.index("film posters") < e.end for e in link.edits)


def crafted_links(scores: list[list[float]]) -> list[tuple[list[int], list[int]]]:
    """The links align makes from a crafted score matrix (rows: left sentences, columns: right ones), between
    sentences that share no word, so that only the scores decide."""
    score = np.array(scores, dtype=np.float32)
    zero = np.zeros_like(score)
    # Semantic similarity and word overlap weigh 0.45 and 0.55: set both to s and the score is s.
    m = Matrices(zero, score, zero, score, score, zero, zero, zero, zero)
    left = sentence_features([f"alpha{i} beta{i} gamma{i}." for i in range(score.shape[0])])
    right = sentence_features([f"delta{j} omega{j} sigma{j}." for j in range(score.shape[1])])
    assert np.allclose(m.score, score)
    return [(g.left, g.right) for g in align(m, left, right)]


def test_links_are_the_pairs_of_largest_total_score_not_the_strongest_first() -> None:
    # Taking A-X first (0.9) would leave B with Y (0.3, too weak): 0.85 + 0.8 is more than 0.9 alone.
    assert crafted_links([[0.9, 0.85], [0.8, 0.3]]) == [([0], [1]), ([1], [0])]


def test_a_weak_rewrite_between_two_anchors_is_linked_and_the_same_pair_out_of_order_is_not() -> None:
    weak = GAP_SCORE + 0.02  # below ANCHOR_SCORE and LOOSE_SCORE: only its place between anchors links it
    assert crafted_links([[0.95, 0.0, 0.0], [0.0, weak, 0.0], [0.0, 0.0, 0.95]]) == [
        ([0], [0]), ([1], [1]), ([2], [2])
    ]
    assert crafted_links([[0.95, 0.0, 0.0], [0.0, 0.0, 0.0], [0.0, 0.0, 0.95], [0.0, weak, 0.0]]) == [
        ([0], [0]), ([2], [2])
    ]


def test_a_quote_split_from_its_attribution_joins_the_sentence_that_merges_them_again() -> None:
    # The first half shares its names with the merged sentence, but not enough of its words for a copied merge.
    left = Article.from_text(
        "The council approved the new bus lanes on Tuesday night.\n\n"
        'Margaret Hale, chair of the Riverside Traders Association, said: "It looks like a fair and balanced plan. '
        'If the vote had gone the other way, half the shops on the high street could have closed within a year."\n\n'
        "Work on the lanes will begin in the spring."
    )
    right = Article.from_text(
        "The council approved the new bus lanes on Tuesday night.\n\n"
        'Margaret Hale, who chairs the Riverside Traders Association, said: "If the vote had gone the other way, '
        'half the shops on the high street could have shut within a year."\n\n'
        "Work on the lanes will begin in the spring."
    )
    comparison = compare(left, right)
    assert [(link.left, link.right) for link in comparison.links] == [((0,), (0,)), ((1, 2), (1,)), ((3,), (2,))]
    assert comparison.unique_left == comparison.unique_right == ()
