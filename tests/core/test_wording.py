"""The wording of kinds and marks: every kind explained, and each sentence's hint naming all its marks."""

from __future__ import annotations

from newsdiff.core.model import KINDS, Alteration, Kind, Link
from newsdiff.core.pair.compare import compare
from newsdiff.core.read.articles import Article
from newsdiff.core.wording import (
    ALTERED_MEANING,
    FURNITURE_HINT,
    KIND_MEANINGS,
    MOVED_HINT,
    altered_hint,
    difference_marks,
    sentence_hint,
)


def link(kind: Kind = Kind.PARAPHRASE, *, moved: bool = False, alterations: tuple[Alteration, ...] = ()) -> Link:
    """A one-to-one link of `kind` with similarity 0.5, altered when it has `alterations`."""
    return Link((0,), (0,), kind, 0.5, moved=moved, altered=bool(alterations), alterations=alterations)


def test_every_kind_has_a_meaning() -> None:
    assert set(KIND_MEANINGS) == set(KINDS)
    assert all(meaning.strip() for meaning in KIND_MEANINGS.values())


def test_the_altered_hint_gives_every_reason_or_else_what_the_mark_means() -> None:
    both = altered_hint(link(alterations=(Alteration.FIGURES, Alteration.NEGATION)))
    assert both == f"altered: {Alteration.FIGURES.value}; {Alteration.NEGATION.value}"
    assert altered_hint(Link((0,), (0,), Kind.PARAPHRASE, 0.5, altered=True)) == f"altered: {ALTERED_MEANING}"


def test_the_hint_of_a_moved_altered_link_names_both() -> None:
    hint = sentence_hint(link(moved=True, alterations=(Alteration.NEGATION,)))
    assert MOVED_HINT in hint and Alteration.NEGATION.value in hint
    assert hint == (
        "reused in other words, wholly or in part; similarity 0.50; moved: out of order relative to its "
        "neighbours; altered: negated on one side only"
    )


def test_the_viewer_s_hint_names_the_kind_and_gives_a_line_to_each_part() -> None:
    hint = sentence_hint(link(moved=True, alterations=(Alteration.NAME,)), name_kind=True, separator="\n")
    assert hint.splitlines() == [
        f"paraphrase: {KIND_MEANINGS[Kind.PARAPHRASE]}",
        "similarity 0.50",
        MOVED_HINT,
        f"altered: {Alteration.NAME.value}",
    ]


def test_a_shared_sentence_gives_no_similarity_and_a_unique_one_its_meaning_only() -> None:
    assert sentence_hint(link(Kind.SHARED)) == KIND_MEANINGS[Kind.SHARED]
    assert sentence_hint(None) == KIND_MEANINGS[Kind.UNIQUE]
    assert sentence_hint(None, name_kind=True) == f"unique: {KIND_MEANINGS[Kind.UNIQUE]}"


def test_site_furniture_comes_first() -> None:
    assert sentence_hint(None, furniture=True) == f"{FURNITURE_HINT}; {KIND_MEANINGS[Kind.UNIQUE]}"
    assert FURNITURE_HINT.startswith("site furniture: ")


def test_a_difference_s_marks_name_the_move_and_every_reason_it_is_altered() -> None:
    others = [
        "Rescue teams evacuated more than two thousand residents overnight.",
        "The weather service warned that heavy rain would continue until Thursday.",
        "Officials opened schools as temporary shelters for displaced families.",
    ]
    left = Article.from_text("\n\n".join(["The government said it would not cut taxes before the election."] + others))
    right = Article.from_text(
        "\n\n".join(others + ["The government announced that it will cut taxes ahead of the election."])
    )
    comparison = compare(left, right)
    difference = next(d for d in comparison.differences() if d.altered)
    found = comparison.links[difference.link]
    assert difference.moved and Alteration.NEGATION in found.alterations
    assert difference_marks(comparison, difference) == ["moved", altered_hint(found)]
    assert all(difference_marks(comparison, d) == [] for d in comparison.differences() if not (d.moved or d.altered))
