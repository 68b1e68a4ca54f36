"""The kind of a link (pair/kinds.py): shared, a typo (slips of the fingers) or a paraphrase (words changed)."""

from __future__ import annotations

import pytest

from newsdiff.core.model import Kind, Side
from newsdiff.core.pair.compare import compare
from newsdiff.core.read.articles import Article
from tests.core.pair.comparisons import only_paraphrase


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


def test_a_slip_next_to_a_reworded_word_is_a_slip_still() -> None:
    comparison, link = only_paraphrase(
        "The harbour master announced the new plan to the council on Tuesday.",
        "The harbor master unveiled the new plan to the council on Tuesday.",
    )
    marked = {(comparison.document(e.side).text[e.start : e.end], e.characters) for e in link.edits}
    assert marked == {("announced", False), ("unveiled", False), ("u", True)}


@pytest.mark.parametrize(
    "before, after",
    [("fifteen-year-old", "fifty-year-old"), ("seventy-two-hour", "seventy-three-hour")],
)
def test_number_words_inside_compounds_are_never_typos(before: str, after: str) -> None:
    sentence = "Police said the {} search near the river bank ended on Friday, officials said."
    (link,) = compare(Article.from_text(sentence.format(before)), Article.from_text(sentence.format(after))).links
    assert link.kind is Kind.PARAPHRASE
    assert link.altered


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
    ("left", "right", "kind"),
    [
        # Slips around an unchanged figure make a typo link.
        ("The attacks killed 231 people, including 12 Americans.",
         "The attacks kiled 231 peeople, including 12 Americans.", Kind.TYPO),
        # Two slips in neighbouring words are still a typo.
        ("The Dow Jones industrial average fell sharply on Monday afternoon.",
         "The Dow Joness industrial averahe fell sharply on Monday afternoon.", Kind.TYPO),
        # A changed number is never a typo, in digits or in words.
        ("The army said 300 soldiers were surrounded near the border town on Friday.",
         "The army said 30 soldiers were surrounded near the border town on Friday.", Kind.PARAPHRASE),
        ("The deal is worth two million dollars to the company over five years.",
         "The deal is worth two billion dollars to the company over five years.", Kind.PARAPHRASE),
        # A typed double hyphen is a dash.
        ("The vote -- held in secret -- passed by a wide margin on Friday.",
         "The vote \u2014 held in secret \u2014 passed by a wide margin on Friday.", Kind.SHARED),
    ],
)
def test_the_kind_of_a_one_sentence_pair(left: str, right: str, kind: Kind) -> None:
    (link,) = compare(Article.from_text(left), Article.from_text(right)).links
    assert link.kind is kind


def test_the_wires_typographic_conventions_are_shared() -> None:
    left = Article.from_text(
        "He called the plan ``reckless'' , adding: ``We expected better... ''\n\nThe bill will be #40m."
    )
    right = Article.from_text(
        "He called the plan \u201creckless\u201d, adding: \u201cWe expected better\u2026\u201d\n\nThe bill will be \u00a340m."
    )
    assert [link.kind for link in compare(left, right).links] == [Kind.SHARED, Kind.SHARED]


def test_a_word_written_short_with_a_full_stop_is_a_typo_not_another_word() -> None:
    left = Article.from_text("[From the Hobart Courier, September 14, 1816.]")
    right = Article.from_text("[ From the Hobart Courier, Sept. 14. 1816.]")
    (link,) = compare(left, right).links
    assert link.kind is Kind.TYPO
    # Without its full stop, a shorter word is another word ("the" / "these").
    (link,) = compare(
        Article.from_text("The ministry said the talks would resume in Geneva on Friday."),
        Article.from_text("The ministry said these talks would resume in Geneva on Friday."),
    ).links
    assert link.kind is Kind.PARAPHRASE
