"""The altered mark: a linked pair that no longer says the same thing."""

from __future__ import annotations

import numpy as np
import pytest

from newsdiff.core.model import Alteration, Kind, Side
from newsdiff.core.pair.altered import equivalence_probability, is_altered
from newsdiff.core.pair.compare import compare
from newsdiff.core.read.articles import load_article
from newsdiff.core.text.normalize import canonical
from newsdiff.core.text.segment import segment
from tests.conftest import TESTS, seed
from tests.core.pair.comparisons import only_paraphrase

HUNDREDS = TESTS / "altered_fixtures" / "003_thousands_to_hundreds.txt"
TRUMP_CLAIM = "of Ukrainian troops were"


def seed_sentence(prefix: str, fragment: str) -> str:
    """The one sentence of a seed article that holds `fragment`."""
    document = segment(load_article(seed(prefix)))
    found = [document.sentence_text(i) for i in range(len(document.sentences))
             if fragment in canonical(document.sentence_text(i))]
    assert len(found) == 1, found
    return found[0]


def test_anihilate_sentence_says_what_the_sabotage_sentence_says() -> None:
    left = seed_sentence("003", "sabotage diplomacy")
    right = seed_sentence("000", "anihilate")
    assert is_altered([left], [right]) == [False]


def test_hundreds_for_thousands_in_the_trump_sentence_is_altered() -> None:
    original = seed_sentence("003", TRUMP_CLAIM)
    assert '"thousands"' in original
    assert is_altered([original], [original.replace("thousands", "hundreds")]) == [True]


def test_copy_with_hundreds_for_thousands_gets_the_altered_mark_on_that_sentence_only() -> None:
    comparison = compare(load_article(seed("003")), load_article(HUNDREDS))
    altered = [link for link in comparison.links if link.altered]
    assert len(altered) == 1
    (link,) = altered
    assert link.kind is Kind.PARAPHRASE
    assert all(TRUMP_CLAIM in canonical(comparison.document(side).sentence_text(i))
               for side, indices in ((Side.LEFT, link.left), (Side.RIGHT, link.right)) for i in indices)


SENTENCE = "The ministry said 42 soldiers were wounded in Kursk on Friday, and talks in Geneva would resume."


@pytest.mark.parametrize(
    "changed",
    [
        SENTENCE.replace("42", "24"),  # a number
        SENTENCE.replace("were wounded", "were not wounded"),  # a negation
        SENTENCE.replace("Geneva", "Riyadh"),  # a name
        SENTENCE.replace("Kursk", "Sumy"),  # a place name
    ],
)
def test_a_changed_fact_is_altered(changed: str) -> None:
    assert changed != SENTENCE
    assert is_altered([SENTENCE], [changed]) == [True]


@pytest.mark.parametrize(
    "sentence, before, after",
    [
        ("Talks in Geneva ended a five-day truce along the front, the ministry said on Friday.", "five", "six"),
        ("He thanked the three-year-old boy's family, who had waited at the border since dawn.", "three", "four"),
        ("Sixty-five people were taken to hospital after the storm, officials said on Friday.", "five", "six"),
    ],
)
def test_a_number_word_inside_a_compound_changes_the_fact(sentence: str, before: str, after: str) -> None:
    changed = sentence.replace(before, after)
    assert changed != sentence
    assert is_altered([sentence], [changed]) == [True]


def test_the_same_sentence_or_a_mere_rewording_is_not_altered() -> None:
    trump = seed_sentence("003", TRUMP_CLAIM)
    pairs = [
        (SENTENCE, SENTENCE),
        (SENTENCE, SENTENCE.replace("The ministry said", "According to the ministry,")),
        (trump, trump.replace('"', "\u201c", 1).replace('"', "\u201d")),
    ]
    assert is_altered([a for a, _ in pairs], [b for _, b in pairs]) == [False, False, False]


def test_an_unrelated_claim_is_altered() -> None:
    assert is_altered([SENTENCE], ["Shares of the carmaker fell sharply in early trading in Tokyo."]) == [True]


def test_the_verdict_does_not_depend_on_which_side_is_which() -> None:
    left = [SENTENCE, seed_sentence("003", "sabotage diplomacy"), SENTENCE]
    right = [SENTENCE.replace("42", "24"), seed_sentence("000", "anihilate"), "Talks in Geneva resumed."]
    forward = equivalence_probability(left, right)
    backward = equivalence_probability(right, left)
    assert np.allclose(forward, backward, atol=1e-6)
    assert ((forward >= 0) & (forward <= 1)).all()


def test_given_cosines_are_used() -> None:
    left, right = [SENTENCE], [SENTENCE.replace("Geneva", "Riyadh")]
    assert equivalence_probability(left, right, [0.0])[0] != equivalence_probability(left, right, [1.0])[0]


def test_batches_of_any_size() -> None:
    assert is_altered([], []) == []
    with pytest.raises(ValueError):
        equivalence_probability([SENTENCE], [])


@pytest.mark.parametrize("empty", ["", "   ", "\u2014"])
def test_a_side_without_words_is_scored_like_any_other(empty: str) -> None:
    probabilities = equivalence_probability([empty, SENTENCE, empty], [SENTENCE, empty, empty])
    assert probabilities.shape == (3,)
    assert ((probabilities >= 0) & (probabilities <= 1)).all()
    assert is_altered([empty], [SENTENCE]) == [True]


# What one side only cuts or adds is shown by its cut and added words; a pair is altered only where a claim both
# sides make differs (a figure, name, negation... or a rewording that changed the meaning).
TRIMMED = 'She accused the city council of "letting the bridge fall apart" through years of neglect and waste.'
CUT = 'Smith is accusing the city council of "letting the bridge fall apart."'


@pytest.mark.parametrize(
    "left, right",
    [
        ("MARIA SANTOS", "The Associated Press \u2014 By MARIA SANTOS - Associated Press"),  # a byline
        (TRIMMED, CUT),  # a clause cut, the sentence otherwise reworded ("She accused" / "Smith is accusing")
        ("The agency rejected the report.",
         "The agency rejected the report, though its director admitted that the figures were being checked."),
        ("Firefighters said the blaze was contained by dawn.", "Firefighters said the blaze was contained."),
    ],
)
def test_words_only_cut_or_added_do_not_alter_what_both_sides_state(left: str, right: str) -> None:
    for a, b in ((left, right), (right, left)):
        _, link = only_paraphrase(a, b)
        assert not link.altered and link.alterations == (), (a, b)


def test_a_changed_figure_in_a_trimmed_sentence_stays_altered() -> None:
    left = "The storm destroyed 42 homes along the coast, officials said, and cut power to thousands of people."
    _, link = only_paraphrase(left, "The storm destroyed 48 homes along the coast, officials said.")
    assert link.altered and Alteration.SLIP in link.alterations


def test_a_negation_added_to_what_both_state_stays_altered() -> None:
    _, link = only_paraphrase(
        "The minister said the plant will close next year.", "The minister said the plant will not close next year."
    )
    assert link.altered and Alteration.NEGATION in link.alterations


def test_a_clause_cut_with_a_negation_of_its_own_is_no_negation_of_what_both_state() -> None:
    _, link = only_paraphrase(
        "The rules for who qualifies need to be clarified and the ruling does not make that clear.",
        "The rules for who qualifies need to be clarified.",
    )
    assert not link.altered



def test_a_run_that_only_adds_beside_words_the_other_side_states_rewords_no_claim() -> None:
    # "said" / "added in a speech ...": one side of the run holds stop words only, the rest is added.
    left = '"We will rebuild every school that was damaged," the governor said.'
    right = ('"We will rebuild every school that was damaged," the governor added in a speech broadcast after she '
             "toured the flooded valley.")
    for a, b in ((left, right), (right, left)):
        _, link = only_paraphrase(a, b)
        assert not link.altered, (a, b)


def test_a_run_that_puts_other_content_words_in_place_stays_altered() -> None:
    left = "The council approved the plan to widen the road through the old town, the mayor said."
    right = "The council postponed its vote on the plan after shopkeepers sued, the mayor said."
    for a, b in ((left, right), (right, left)):
        _, link = only_paraphrase(a, b)
        assert link.altered and Alteration.REWORDED in link.alterations, (a, b)


def test_a_name_put_in_the_place_of_one_the_sentence_names_again_stays_altered() -> None:
    # Oregon stands on both sides (at the end), yet the run puts Nevada in its place: the run's sides are compared.
    left = "An Oregon judge rejected an attempt by ranchers to stop a program that lets wolves roam the forests of Oregon."
    right = "A Nevada judge rejected an attempt by ranchers to stop a program that lets wolves roam the forests of Oregon."
    for a, b in ((left, right), (right, left)):
        _, link = only_paraphrase(a, b)
        assert link.altered, (a, b)
