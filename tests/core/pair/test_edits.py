"""The edits inside a link (pair/edits.py): reworded, inserted and deleted words, the words reused from the other
side left out, and the changed characters of a slip."""

from __future__ import annotations

import pytest

from newsdiff.core.model import Comparison, EditOp, Side
from newsdiff.core.pair.changes import Change
from newsdiff.core.pair.compare import compare
from newsdiff.core.pair.edits import word_edits
from newsdiff.core.read.articles import Article, load_article
from newsdiff.core.text.normalize import tokens
from tests.conftest import TESTS
from tests.core.pair.comparisons import only_paraphrase


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


def test_a_changed_number_word_in_a_compound_stays_an_edit_though_the_other_copy_has_it_elsewhere() -> None:
    later = "Rebels had wanted a six-day truce instead, their spokesman said."
    left = Article.from_text(f"The army agreed a five-day ceasefire in Geneva, the ministry said. {later}")
    right = Article.from_text(f"The army agreed a six-day truce in Geneva, the ministry said. {later}")
    link = next(link for link in compare(left, right).links if link.left == (0,))
    # "six-day truce" is a phrase of the left copy, but the figure in it was changed here.
    assert [right.text[e.start : e.end] for e in link.edits if e.side is Side.RIGHT] == ["six-day"]
