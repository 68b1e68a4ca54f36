"""The comparison engine on the seed articles and on arbitrary text."""

from __future__ import annotations

import subprocess
import sys
from functools import lru_cache
from typing import Callable

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsdiff.core.model import Alteration, Comparison, EditOp, Kind, Link, Side
from newsdiff.core.pair.changes import Change
from newsdiff.core.pair.compare import compare, link_groups, prepare
from newsdiff.core.pair.edits import word_edits
from newsdiff.core.pair.facts import (
    changes_a_fact,
    changes_figures,
    figure_counts,
    flips_negation,
    is_attribution,
    reverses_direction,
    swaps_a_name,
)
from newsdiff.core.pair.kinds import kind_of_link
from newsdiff.core.read.articles import Article, load_article
from newsdiff.core.text.normalize import canonical, tokens
from tests.conftest import TESTS, seed

NAMES = ("Zelenskyy", "Zelensky", "Witkoff", "Pokrovsk", "Peskov", "Kursk", "Kyiv", "Sumy")
TRUMP_QUOTE = "I have strongly requested to President Putin that their lives be spared."


@lru_cache(maxsize=None)
def pair(left: str, right: str) -> Comparison:
    return compare(load_article(seed(left)), load_article(seed(right)))


def sentence_index(comparison: Comparison, side: Side, fragment: str) -> int:
    doc = comparison.document(side)
    matches = [i for i in range(len(doc.sentences)) if fragment in canonical(doc.sentence_text(i))]
    assert len(matches) == 1, (fragment, [doc.sentence_text(i) for i in matches])
    return matches[0]


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


def test_anihilate_sentence_is_a_paraphrase_of_sabotage_sentence() -> None:
    comparison = pair("003", "000")
    left = sentence_index(comparison, Side.LEFT, "sabotage diplomacy")
    right = sentence_index(comparison, Side.RIGHT, "anihilate")
    link = comparison.links[comparison.link_of(Side.LEFT, left)]
    assert link.kind is Kind.PARAPHRASE
    assert right in link.right
    changed = {comparison.right.text[e.start : e.end] for e in link.edits if e.side is Side.RIGHT}
    assert any("anihilate" in words for words in changed)


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


def test_article_against_itself_is_all_shared() -> None:
    for prefix in ("000", "002", "003"):
        article = load_article(seed(prefix))
        comparison = compare(article, article)
        count = len(comparison.left.sentences)
        assert comparison.stats(Side.LEFT) == {Kind.SHARED: count, Kind.TYPO: 0, Kind.PARAPHRASE: 0, Kind.UNIQUE: 0}
        assert all(not link.moved and not link.edits for link in comparison.links)
        assert comparison.differences() == []
        assert comparison.misspellings == () or prefix == "000"


def test_typographic_variants_are_shared() -> None:
    left = Article.from_text("He said \u201cno\u201d \u2014 it\u2019s over.\n\nThe end came at\u00a0noon.")
    right = Article.from_text('He said "no" - it\u00b4s  over.\n\nThe end came at noon.')
    comparison = compare(left, right)
    assert [link.kind for link in comparison.links] == [Kind.SHARED, Kind.SHARED]


def test_character_level_changes_are_typos_with_character_edits() -> None:
    left = Article.from_text("President Zelensky said the cease-fire would hold in Kiev tonight.")
    right = Article.from_text("President Zelenskyy said the ceasefire would hold in Kyiv tonight.")
    comparison = compare(left, right)
    (link,) = comparison.links
    assert link.kind is Kind.TYPO
    assert any(e.side is Side.RIGHT and comparison.right.text[e.start : e.end] == "y" for e in link.edits)


def only_paraphrase(left: str, right: str) -> tuple[Comparison, Link]:
    """The comparison of two one-sentence texts, and its one link, a paraphrase."""
    comparison = compare(Article.from_text(left), Article.from_text(right))
    (link,) = comparison.links
    assert link.kind is Kind.PARAPHRASE
    return comparison, link


def linked_changes(left: str, right: str) -> tuple[Kind, list[Change]]:
    """The kind and the reworded runs of the one link between two one-sentence texts."""
    lp, rp = prepare(Article.from_text(left)), prepare(Article.from_text(right))
    (group,) = link_groups(lp, rp)
    kind, changes, _ = kind_of_link(
        lp.canonical_of(group.left), rp.canonical_of(group.right), lp.tokens_of(group.left), rp.tokens_of(group.right)
    )
    return kind, changes


def counts_change(left: list[str], right: list[str]) -> bool:
    """changes_figures over two passages' words."""
    return changes_figures(figure_counts(left), figure_counts(right))


def fires_either_way(rule: Callable[[list[str], list[str]], bool], left: str, right: str) -> bool:
    """Whether a rule over the words of two linked passages holds for two one-sentence texts, in either order."""
    left_words, right_words = (prepare(Article.from_text(text)).words_of([0]) for text in (left, right))
    return rule(left_words, right_words) or rule(right_words, left_words)


def test_a_slip_inside_a_reworded_sentence_gets_character_edits() -> None:
    comparison, link = only_paraphrase(
        "The minister announced the new budget plan to the parliament of the country on Tuesday.",
        "The minister unveiled the new budgetplan to the parliment of the country on Tuesday.",
    )
    assert "unveiled" in edited_text(comparison, Side.RIGHT)
    # The words run together and the dropped letter are slips: no word of them is marked as reworded.
    assert not any("budget" in text or "parliment" in text for text in edited_text(comparison, Side.RIGHT))
    # They are changed characters, drawn as a typo link's are; the reworded word is not.
    characters = {comparison.left.text[e.start : e.end] for e in link.edits if e.side is Side.LEFT and e.characters}
    assert characters == {" ", "a"}
    assert not any(e.characters for e in link.edits if comparison.document(e.side).text[e.start : e.end] == "unveiled")


def test_a_slip_next_to_a_reworded_word_is_a_slip_still() -> None:
    comparison, link = only_paraphrase(
        "The harbour master announced the new plan to the council on Tuesday.",
        "The harbor master unveiled the new plan to the council on Tuesday.",
    )
    marked = {(comparison.document(e.side).text[e.start : e.end], e.characters) for e in link.edits}
    assert marked == {("announced", False), ("unveiled", False), ("u", True)}


def test_slips_around_an_unchanged_figure_make_a_typo_link() -> None:
    (link,) = compare(
        Article.from_text("The attacks killed 231 people, including 12 Americans."),
        Article.from_text("The attacks kiled 231 peeople, including 12 Americans."),
    ).links
    assert link.kind is Kind.TYPO


def test_a_changed_number_is_never_a_typo() -> None:
    left = Article.from_text("The army said 300 soldiers were surrounded near the border town on Friday.")
    right = Article.from_text("The army said 30 soldiers were surrounded near the border town on Friday.")
    (link,) = compare(left, right).links
    assert link.kind is Kind.PARAPHRASE


def test_added_words_are_inserts_and_reworded_words_are_replacements() -> None:
    left = Article.from_text("The minister announced the new budget plan in parliament on Tuesday morning.")
    right = Article.from_text(
        "The minister unveiled the new budget plan in parliament on Tuesday morning, drawing loud protests."
    )
    comparison = compare(left, right)
    (link,) = comparison.links
    ops = {(e.side, e.op, comparison.document(e.side).text[e.start : e.end]) for e in link.edits}
    assert (Side.LEFT, EditOp.REPLACE, "announced") in ops
    assert (Side.RIGHT, EditOp.REPLACE, "unveiled") in ops
    assert (Side.RIGHT, EditOp.INSERT, "drawing loud protests") in ops


def edited_text(comparison: Comparison, side: Side) -> list[str]:
    """The texts of the edits of `side` in the comparison's only link."""
    (link,) = comparison.links
    return [comparison.document(side).text[e.start : e.end] for e in link.edits if e.side is side]


def test_a_word_moved_within_a_reworded_sentence_is_not_an_edit() -> None:
    comparison = compare(
        Article.from_text("Firefighters rescued two children from a burning house in Leeds on Sunday night."),
        Article.from_text(
            "Two children were pulled from a burning house by firefighters in Leeds on Sunday night."
        ),
    )
    right = edited_text(comparison, Side.RIGHT)
    assert not any("firefighters" in text for text in right)
    assert any("pulled" in text for text in right)
    assert edited_text(comparison, Side.LEFT) == ["rescued"]


def test_a_phrase_taken_from_another_sentence_of_the_other_copy_is_not_an_edit() -> None:
    comparison = compare(
        Article.from_text(
            "The mayor opened the new library in the town centre on Monday.\n\nBuilding work took two years.\n\n"
            "Residents said they were caught in the middle of the row over its cost."
        ),
        Article.from_text("The mayor, caught in the middle of the row, opened the library in the town centre on Monday."),
    )
    assert edited_text(comparison, Side.RIGHT) == []
    assert edited_text(comparison, Side.LEFT) == ["new"]


def test_a_changed_number_stays_an_edit_though_the_other_copy_has_it_elsewhere() -> None:
    comparison = compare(
        Article.from_text("The army said 300 soldiers were surrounded near the border town, and 30 escaped."),
        Article.from_text("The army said 30 soldiers were surrounded near the border town, and 300 escaped."),
    )
    assert edited_text(comparison, Side.LEFT) == ["300", "30"]
    assert edited_text(comparison, Side.RIGHT) == ["30", "300"]


def test_a_phrase_moved_within_a_reworded_sentence_is_not_an_edit_figures_and_all() -> None:
    comparison = compare(
        Article.from_text("Despite treatment in intensive care she died on October 1 with her family at her bedside."),
        Article.from_text("She died in intensive care with her family at her bedside on October 1, despite treatment."),
    )
    for side in Side:
        assert not any(word in text for text in edited_text(comparison, side) for word in ("on", "October", "1"))


def test_a_source_moved_from_the_start_to_the_end_of_a_reworded_sentence_is_not_an_edit() -> None:
    comparison = compare(
        Article.from_text("Officials said the bridge over the river would reopen to traffic on Monday after repairs."),
        Article.from_text("The bridge over the river will reopen to traffic on Monday once repairs end, officials said."),
    )
    assert edited_text(comparison, Side.LEFT) == ["would", "after"]
    assert not any("said" in text or "officials" in text for text in edited_text(comparison, Side.RIGHT))


def test_a_phrase_of_stop_words_found_elsewhere_in_the_linked_sentence_stays_an_edit() -> None:
    comparison = compare(
        Article.from_text(
            "Ukraine hoped that its grip on Kursk would give it leverage in talks with Russia and that there would be "
            "a possible land swap with Moscow."
        ),
        Article.from_text(
            "Ukraine hoped its hold on Kursk would be a bargaining chip in talks with Russia and was eyeing a "
            "potential land swap with Moscow."
        ),
    )
    assert any("would be a" in text for text in edited_text(comparison, Side.LEFT))


def test_a_stop_word_left_alone_in_a_reworded_run_that_the_other_side_also_has_is_no_edit() -> None:
    golden = TESTS / "golden"
    comparison = compare(load_article(golden / "wire.txt"), load_article(golden / "outlet.txt"))
    # "Storm closes ports along the coast" / "Storm shuts ports on the northern coast": "ports along" is in
    # another sentence of the outlet's copy, and "the" is on both sides.
    assert [comparison.left.text[e.start : e.end] for e in comparison.links[0].edits if e.side is Side.LEFT] == ["closes"]


@pytest.mark.parametrize("left, right, marked", [("of the", "the of", False), ("not the", "the not", True)])
def test_echoed_stop_words_are_no_edit_but_a_negation_is(left: str, right: str, marked: bool) -> None:
    edits = word_edits([Change(tuple(tokens(left, 0, len(left))), tuple(tokens(right, 0, len(right))))])
    assert bool(edits) is marked


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


def assert_rows_cover_each_paragraph_once_in_order(comparison: Comparison) -> None:
    for side in Side:
        seen = [p for row in comparison.rows for p in row.paragraphs(side)]
        assert seen == list(range(len(comparison.document(side).paragraphs)))


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


def test_number_words_are_never_typos() -> None:
    left = Article.from_text("The deal is worth two million dollars to the company over five years.")
    right = Article.from_text("The deal is worth two billion dollars to the company over five years.")
    (link,) = compare(left, right).links
    assert link.kind is Kind.PARAPHRASE


@pytest.mark.parametrize(
    "before, after",
    [("fifteen-year-old", "fifty-year-old"), ("seventy-two-hour", "seventy-three-hour")],
)
def test_number_words_inside_compounds_are_never_typos(before: str, after: str) -> None:
    sentence = "Police said the {} search near the river bank ended on Friday, officials said."
    (link,) = compare(Article.from_text(sentence.format(before)), Article.from_text(sentence.format(after))).links
    assert link.kind is Kind.PARAPHRASE
    assert link.altered


def test_a_changed_number_word_in_a_compound_stays_an_edit_though_the_other_copy_has_it_elsewhere() -> None:
    later = "Rebels had wanted a six-day truce instead, their spokesman said."
    left = Article.from_text(f"The army agreed a five-day ceasefire in Geneva, the ministry said. {later}")
    right = Article.from_text(f"The army agreed a six-day truce in Geneva, the ministry said. {later}")
    link = next(link for link in compare(left, right).links if link.left == (0,))
    # "six-day truce" is a phrase of the left copy, but the figure in it was changed here.
    assert [right.text[e.start : e.end] for e in link.edits if e.side is Side.RIGHT] == ["six-day"]


ON = "The minister said on {} that the talks in Geneva would resume after the holiday."
IN = "The minister said the talks in {} would resume after the holiday."
VERB = "The minister said the government {} support the plan after talks in Geneva on Friday."
NOUN = "The minister said the {} of grain would fall sharply after the talks in Geneva."
FACTS = [(ON, "Tuesday", "Thursday"), (ON, "Monday", "Sunday"), (ON, "June", "July"), (IN, "Iran", "Iraq"),
         (IN, "Austria", "Australia"), (IN, "Slovenia", "Slovakia"), (IN, "Gaza", "Giza"), (VERB, "could", "couldn't"),
         (VERB, "does", "doesn't"), (VERB, "will", "will not")]
OTHER_WORDS = [(NOUN, "increase", "decrease"), (NOUN, "import", "export"), (VERB, "would", "should")]
SLIPS = [(ON, "Tuesday", "Tusday"), (IN, "Kiev", "Kyiv"), (IN, "Maine", "Mane"), (IN, "Zelensky", "Zelenskyy"),
         (IN, "the United States", "the United Stated"), (IN, "Hyde Park", "Hyde Parl"), (NOUN, "harbour", "harbor"),
         (NOUN, "from", "form"), (VERB, "could never", "could nver"), (VERB, "cannot", "cannnot")]


@pytest.mark.parametrize(
    "sentence, before, after, kind, altered",
    [(*case, Kind.PARAPHRASE, True) for case in FACTS]
    + [(*case, Kind.PARAPHRASE, None) for case in OTHER_WORDS]
    + [(*case, Kind.TYPO, False) for case in SLIPS],
)
def test_a_word_changed_for_another_is_no_typo_a_slip_in_it_is(
    sentence: str, before: str, after: str, kind: Kind, altered: bool | None
) -> None:
    """Two days, months or dictionary words are two words, and a negation added or dropped reverses the
    claim; a slip of the fingers (a letter dropped or added, letters swapped, the next key struck), a
    transliteration or a British/American variant is a typo. (Whether other words change the claim is the
    altered model's call.)"""
    left, right = Article.from_text(sentence.format(before)), Article.from_text(sentence.format(after))
    (link,) = compare(left, right).links
    assert link.kind is kind
    if altered is not None:
        assert link.altered is altered


@pytest.mark.parametrize(
    "left, right",
    [
        ("The storm killed at least 42 people, authorities said.", "The storm killed at least 48 people, officials said."),
        ("Officials said fifteen-year-old students would join the delegation.",
         "Officials said fifty-year-old students would join the delegation."),
        ("The minister said on Tuesday that talks could resume.", "The minister added on Thursday that talks could resume."),
    ],
)
def test_a_figure_or_day_changed_in_a_few_letters_marks_the_pair_altered(left: str, right: str) -> None:
    """Such a change would be a typo but for the fact it changes: altered, whatever else is reworded."""
    (link,) = compare(Article.from_text(left), Article.from_text(right)).links
    assert link.kind is Kind.PARAPHRASE
    assert link.altered


def test_figures_swapped_between_the_words_they_count_mark_the_pair_altered() -> None:
    _, link = only_paraphrase(
        "The attacks killed 231 people, including 12 Americans, officials said on Monday.",
        "Officials said on Monday that the attacks had killed 12 people, including 231 Americans.",
    )
    assert link.altered


@pytest.mark.parametrize(
    "left, right, reason",
    [
        # One thing counted by another figure: MRPC's annotators call many such pairs equivalent, docs/guide.md altered.
        ("SARS has killed 296 people on China's mainland, health officials said on Monday.",
         "Health officials said on Monday that the disease had killed 300 people on the mainland.", Alteration.FIGURES),
        ("During the quarter, Cisco earned $991 million, or 14 cents a share.",
         "Cisco reported earnings of $987 million, or 14 cents a share, for the quarter.", Alteration.FIGURES),
        ("Police today charged three men with attempted murder and armed robbery.",
         "Four men were arrested and have been charged with attempted murder and armed robbery.", Alteration.FIGURES),
        # A claim negated on one side only: reversed.
        ("The government said it would not cut taxes before the election.",
         "The government announced that it will cut taxes ahead of the election.", Alteration.NEGATION),
        ("The ministry said the names of the victims would not be released until Friday.",
         "The names of the victims will be released on Friday, according to the ministry.", Alteration.NEGATION),
        ("Officials said they dont expect the bridge to reopen this year.",
         "Officials said they expect the bridge to reopen later this year.", Alteration.NEGATION),
        # One name put in the place of another.
        ("Prime Minister Keir Starmer said the plan would protect jobs across the country.",
         "Prime Minister Rishi Sunak said the scheme would safeguard jobs across the nation.", Alteration.NAME),
        # A figure that went the other way.
        ("Oil prices rose sharply on Monday after the attack on the refinery.",
         "Oil prices fell sharply on Monday following the refinery attack.", Alteration.DIRECTION),
        ("Shares of the company were up 3 percent in early trading in London.",
         "The company's shares were down 3 percent in London in morning trade.", Alteration.DIRECTION),
    ],
)
def test_a_fact_changed_in_a_reworded_pair_marks_it_altered(left: str, right: str, reason: Alteration) -> None:
    """However much of the rest was reworded; the link says which fact changed."""
    _, link = only_paraphrase(left, right)
    assert link.altered
    assert reason in link.alterations


def test_a_pair_the_model_alone_marks_altered_says_so() -> None:
    _, link = only_paraphrase(
        "Mailblocks was founded five years after WebTV was acquired by Microsoft for $425 million.",
        "WebTV was sold to Microsoft in 1997 for $425 million and today is called MSN TV.",
    )
    assert link.altered
    assert link.alterations == (Alteration.REWORDED,)


def test_a_pair_the_model_marks_altered_for_words_only_added_says_so_rather_than_reworded() -> None:
    _, link = only_paraphrase(
        "Ukraine's military leadership denied the claims.",
        "Ukraine's military leadership denied the claims, though President Volodymyr Zelensky conceded his forces "
        "faced mounting pressure.",
    )
    assert {edit.op for edit in link.edits} == {EditOp.INSERT}
    assert link.altered
    assert link.alterations == (Alteration.ADDED,)


def test_a_quote_with_only_an_attribution_added_is_not_altered() -> None:
    quote = "\u201cI have strongly requested to President Putin that their lives be spared."
    _, link = only_paraphrase(quote, "Trump shared his plea on Truth Social, saying, " + quote + "\u201d")
    assert {edit.op for edit in link.edits} == {EditOp.INSERT}
    assert not link.altered and link.alterations == ()


def test_an_attribution_is_a_short_addition_that_says_who_said_it() -> None:
    assert is_attribution("trump shared his plea on truth social saying".split())
    assert is_attribution("police said on monday".split())
    assert not is_attribution("though president volodymyr zelensky conceded his forces faced pressure".split())
    assert not is_attribution("said a spokesman for the ministry of defence in a statement issued late".split())
    assert not is_attribution([])


@pytest.mark.parametrize(
    "left, right",
    [
        ("The theft of 1,200 pounds of explosives was reported.", "Thieves took 1200 pounds of explosives."),
        ("Police charged three men on Friday.", "On Friday 3 men were charged by police."),
        ("Thirty-seven per cent of executives agreed.", "In all, 37 per cent of the executives agreed."),
        ("Two hundred people were evacuated.", "Some 200 people had to leave their homes."),
        ("Its shares rose to $30.50 at the close.", "The shares closed at $30.5 after a rise."),
    ],
)
def test_a_count_written_another_way_is_the_same_count(left: str, right: str) -> None:
    assert not fires_either_way(counts_change, left, right)


@pytest.mark.parametrize(
    "left, right",
    [
        ("Oil prices rose sharply on Monday after the attack.", "Oil prices climbed steeply on Monday after the attack."),
        ("Shares fell 5 cents after rising early in the day.", "Shares rose early in the day and later dropped 5 cents."),
        ("Unemployment fell to 5 percent in March.", "The jobless rate dropped to 5 percent in March."),
    ],
)
def test_a_figure_said_to_go_the_same_way_in_other_words_reverses_nothing(left: str, right: str) -> None:
    kind, changes = linked_changes(left, right)
    assert kind is Kind.PARAPHRASE
    left_words, right_words = (prepare(Article.from_text(text)).words_of([0]) for text in (left, right))
    assert not reverses_direction(changes, left_words, right_words)


@pytest.mark.parametrize(
    "left, right",
    [
        ("The deal was announced on Monday by Dan Rather, officials said.",
         "The deal was announced on Monday by Daniel Rather, the officials said."),
        ("Offices of the United Nations were attacked, officials said.",
         "Offices of the U.N. were attacked by militias, officials said."),
        ("There is no photo of Peter Hollingworth in the June issue, officials said.",
         "There is no photograph of Dr Hollingworth in the June issue, officials said."),
        ("Saddam Hussein ruled Iraq for decades. The forces of Hussein fled in April, officials said.",
         "Saddam Hussein ruled Iraq for decades. The forces of Saddam fled in April, the officials said."),
        # A country's name and the adjective of its people.
        ("The U.S. branch of the bank will close its offices in the spring, officials said.",
         "The American branch of the bank is to close its offices in the spring, officials said."),
    ],
)
def test_one_name_written_another_way_is_no_name_swapped(left: str, right: str) -> None:
    """Shortened (Dan, Daniel), initialled (U.N.) or titled another way, or named in full elsewhere in the copy."""
    comparison = compare(Article.from_text(left), Article.from_text(right))
    assert comparison.links
    assert not any(link.altered for link in comparison.links)


def name_swapped(left: str, right: str) -> bool:
    """swaps_a_name over the one link between two one-sentence texts."""
    _, changes = linked_changes(left, right)
    lp, rp = prepare(Article.from_text(left)), prepare(Article.from_text(right))
    return swaps_a_name(changes, lp.passage([0]), rp.passage([0]))


def test_the_capitals_of_a_heading_in_title_case_are_no_names() -> None:
    assert not name_swapped("Leave a Reply", "Leave a Comment")
    assert name_swapped("Leave a reply for Reynolds, he said.", "Leave a reply for Hawkins, he said.")


@pytest.mark.parametrize(
    "left, right, swapped",
    [
        ("Talks with the U.S. delegation resumed on Friday, officials said.",
         "Talks with the American delegation resumed on Friday, officials said.", False),
        ("A UK official said the talks would go on.", "A British official said the talks would go on.", False),
        ("The Dutch team won the final on Sunday.", "The Netherlands team won the final on Sunday.", False),
        ("China's exports rose in May, figures showed.", "Chinese exports rose in May, figures showed.", False),
        ("The Russian delegation left the talks early.", "The Ukrainian delegation left the talks early.", True),
        ("The French delegation left the talks early.", "The German delegation left the talks early.", True),
    ],
)
def test_a_country_named_by_the_adjective_of_its_people_is_no_name_swapped(
    left: str, right: str, swapped: bool
) -> None:
    assert name_swapped(left, right) is swapped


@pytest.mark.parametrize(
    "left, right",
    [
        ("The spokesman said he would not comment on the investigation.",
         "The spokesman declined to comment on the investigation."),
        ("The police did not say how many people had been arrested.",
         "The police refused to say how many people had been arrested."),
        ("The 18 people inside the building were not injured, police said.",
         "The 18 people inside the building escaped without injury, police said."),
        ("He said he would not seek a second term in office.", "He said he would not run for a second term."),
    ],
)
def test_a_negation_reworded_into_other_denying_words_reverses_nothing(left: str, right: str) -> None:
    assert not fires_either_way(flips_negation, left, right)


def test_a_negation_slipped_in_where_the_other_side_denies_in_other_words_changes_no_fact() -> None:
    left = 'Nonetheless, the economy "has yet to exhibit sustainable growth."'
    right = "But the economy hasn't shown signs of sustainable growth."
    _, changes = linked_changes(left, right)
    left_words, right_words = (prepare(Article.from_text(text)).words_of([0]) for text in (left, right))
    assert not changes_a_fact(changes, left_words, right_words)
    # Without the denying word, the same slip reverses the claim.
    _, changes = linked_changes("The economy has shown signs of growth.", "The economy hasn't shown signs of growth.")
    assert changes_a_fact(changes)


@pytest.mark.parametrize(
    "left, right",
    [
        ("The company will restate its 2002, 2001 and 2000 results.",
         "The company will restate its 2000, 2001 and 2002 results."),
        ("Between 10 and 12 people were hurt.", "Between 12 and 10 people were hurt."),
        ("The attacks killed 231 people, officials said.", "Officials said the attacks killed 231 people."),
    ],
)
def test_figures_in_another_order_but_counting_the_same_words_swap_nothing(left: str, right: str) -> None:
    assert not fires_either_way(counts_change, left, right)


def test_figures_of_a_list_in_another_order_are_no_figure_changed() -> None:
    left = "The company announced a restatement of its 2002, 2001 and 2000 results."
    kind, changes = linked_changes(left, "The company said it would restate its 2000, 2001 and 2002 results.")
    assert kind is Kind.PARAPHRASE
    assert any(any(t.text == "2002" for t in change.left) for change in changes)
    assert not changes_a_fact(changes)
    _, changes = linked_changes(left, "The company said it would restate its 2000, 2001 and 2003 results.")
    assert changes_a_fact(changes)


def test_two_slips_in_neighbouring_words_are_still_a_typo() -> None:
    left = Article.from_text("The Dow Jones industrial average fell sharply on Monday afternoon.")
    right = Article.from_text("The Dow Joness industrial averahe fell sharply on Monday afternoon.")
    (link,) = compare(left, right).links
    assert link.kind is Kind.TYPO


def test_typed_double_hyphen_is_a_dash() -> None:
    left = Article.from_text("The vote -- held in secret -- passed by a wide margin on Friday.")
    right = Article.from_text("The vote \u2014 held in secret \u2014 passed by a wide margin on Friday.")
    (link,) = compare(left, right).links
    assert link.kind is Kind.SHARED


def test_closing_quote_stays_with_its_sentence() -> None:
    from newsdiff.core.text.segment import segment

    doc = segment(Article.from_text('It was over after ten years." "I am done," she said. Mr. Smith left.'))
    texts = [doc.sentence_text(i) for i in range(len(doc.sentences))]
    assert texts == ['It was over after ten years."', '"I am done," she said.', "Mr. Smith left."]


def test_a_clock_time_goes_on_with_its_day_or_time_zone_but_ends_before_a_new_sentence() -> None:
    from newsdiff.core.text.segment import segment

    doc = segment(Article.from_text(
        "Polls close at 8 p.m. Tuesday in most states. Counting starts at 9 a.m. EDT on Wednesday. "
        "The count ended at 3 p.m. Police said it was calm."
    ))
    texts = [doc.sentence_text(i) for i in range(len(doc.sentences))]
    assert texts == [
        "Polls close at 8 p.m. Tuesday in most states.", "Counting starts at 9 a.m. EDT on Wednesday.",
        "The count ended at 3 p.m.", "Police said it was calm.",
    ]


def test_mistyped_ordinal_is_a_typo_and_mistyped_compound_is_a_misspelling() -> None:
    left = Article.from_text("The committee delivered the first verdict of the year on Monday morning.")
    right = Article.from_text("The committee deliveered the firat verdict of the year on Monday morning.")
    comparison = compare(left, right)
    (link,) = comparison.links
    assert link.kind is Kind.TYPO
    assert {m.word: m.suggestion for m in comparison.misspellings}.get("deliveered") == "delivered"


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
