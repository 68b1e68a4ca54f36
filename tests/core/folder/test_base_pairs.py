"""The known words of a pair: a word a third copy spells the same way is a name, not a typo."""

from __future__ import annotations

from newsdiff.core.folder.base_pairs import Spellings, compare_with_base, known_words
from newsdiff.core.pair.compare import compare
from newsdiff.core.read.articles import Article

BASE, LIBRARY, LIBARY = (
    Article.from_text("The mayor opened the new libary."),
    Article.from_text("The mayor opened the new library."),
    Article.from_text("Children queued at the libary door."),
)


def test_a_pair_knows_the_words_of_the_third_copy_and_only_those() -> None:
    spellings = Spellings.of([BASE, LIBRARY, LIBARY])
    assert known_words(spellings, 0, 1) == {"children", "queued", "at", "the", "libary", "door"}
    assert known_words(spellings, 0, 2) == {"the", "mayor", "opened", "new", "library"}
    assert known_words(spellings, 1, 2) == {"the", "mayor", "opened", "new", "libary"}
    assert known_words(spellings, 1, 0) == known_words(spellings, 0, 1)


def test_the_base_against_its_copies_is_spared_what_a_third_copy_spells_so() -> None:
    assert [m.word for m in compare(BASE, LIBRARY).misspellings] == ["libary"]
    with_library, with_libary = compare_with_base(BASE, [LIBRARY, LIBARY])
    assert with_library.misspellings == () and with_libary.misspellings == ()
    spellings = Spellings.of([BASE, LIBRARY, LIBARY])
    assert with_library == compare(BASE, LIBRARY, known_words=known_words(spellings, 0, 1))
