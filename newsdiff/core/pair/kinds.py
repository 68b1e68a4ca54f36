"""The kind of a link (shared, typo, paraphrase): whether its differing runs are slips of the fingers or a
change of words, and which close spellings change a fact (a figure, a day, a negation) rather than slip."""

from __future__ import annotations

from typing import Sequence

from rapidfuzz.distance import OSA, Indel, Levenshtein

from newsdiff.core.model import Kind
from newsdiff.core.pair.changes import Change, token_changes
from newsdiff.core.pair.spelling import both_known_and_distinct, is_known
from newsdiff.core.text.figures import digits, number_words
from newsdiff.core.text.lexicon import DATE_WORDS, KEY_POSITIONS, is_negation
from newsdiff.core.text.normalize import Token

# Words run together or split apart ("cease fire" / "ceasefire") are a slip when the longer side of the run has
# at most this many words; a run whose word counts differ beyond it added or cut words. Set with the engine fixes
# the syndication benchmark's typo cases called for; higher lets more runs be tested as slips.
RUN_TOGETHER_WORDS = 2
# Two spellings are one word mistyped or transliterated when they are at most so many edits apart (Levenshtein,
# hyphens and apostrophes left out): one edit in a word shorter than SHORT_WORD letters, else one edit in
# LETTERS_PER_EDIT letters of the longer spelling and never fewer than LONG_WORD_EDITS (Kiev, Kyiv; Zelensky,
# Zelenskyy). Set with the same fixes; larger values take more changed words for typos.
SHORT_WORD = 4
LETTERS_PER_EDIT = 4
LONG_WORD_EDITS = 2
# An abbreviation keeps at least this many letters of its word ("Nov." for November, "Gov." for Governor); with
# fewer, "Co." or "St." would stand for any word they start.
ABBREVIATION_LETTERS = 3
# Two keys are next to each other when their rows and their columns (lexicon.KEY_POSITIONS) are at most this far
# apart: with the staggered rows, up to six keys around a key. Larger reaches keys further off.
KEY_REACH = 1


def _squashed(items: Sequence[Token]) -> str:
    """The words of a run, case-folded and joined without spaces or hyphens (cease-fire = ceasefire)."""
    return "".join(t.text for t in items if t.is_word).casefold().replace("-", "").replace("'", "")


def _is_typo_change(change: Change) -> bool:
    """Whether a differing run is a character-level slip rather than a change of words."""
    a, b = _squashed(change.left), _squashed(change.right)
    if a == b:
        return True  # case, hyphenation or punctuation only
    if not a or not b:
        return False  # a whole word added or cut
    left_words = [t.folded for t in change.left if t.is_word]
    right_words = [t.folded for t in change.right if t.is_word]
    if len(left_words) != len(right_words) and max(len(left_words), len(right_words)) > RUN_TOGETHER_WORDS:
        return False  # words added or cut, not just run together: most reworded runs end here
    left_numbers, right_numbers = number_words(left_words), number_words(right_words)
    left_figures = [w for w in left_words if any(map(str.isdigit, w))]
    if left_figures != [w for w in right_words if any(map(str.isdigit, w))] or (
        left_numbers and right_numbers and left_numbers != right_numbers
    ):
        return False  # a changed number is never a typo (a mistyped number word can be)
    if len(left_words) == len(right_words):
        shortened = _abbreviated(change.left) | _abbreviated(change.right)
        return all(
            x == y
            or (is_typo_word(x, y) and not swaps_a_fact(x, y) and not _is_other_word(x, y))
            or _abbreviates(x, y, shortened)
            for x, y in zip(left_words, right_words)
        )
    # Words run together or split apart ("cease fire" / "ceasefire") with at most a slip in them.
    return max(len(left_words), len(right_words)) <= RUN_TOGETHER_WORDS and is_typo_word(a, b)


def _abbreviated(items: Sequence[Token]) -> set[str]:
    """The case-folded words of a run that a full stop follows, as an abbreviation's does ("Nov. 8")."""
    return {t.folded for t, after in zip(items, items[1:]) if t.is_word and after.text == "."}


def _abbreviates(x: str, y: str, shortened: set[str]) -> bool:
    """Whether one of two case-folded words is the other written short with a full stop (November, Nov.): the
    same word, as a typesetter's choice, not another."""
    short, full = sorted((x, y), key=len)
    return short in shortened and len(short) >= ABBREVIATION_LETTERS and full.startswith(short) and short != full


def swaps_a_fact(x: str, y: str) -> bool:
    """Whether two differing case-folded words, close in spelling, are a fact changed: two figures (2.11, 2.12;
    fifteen-year-old, fifty-year-old; not US$13.15, $13.15), two days or months, or a negation added or
    dropped."""
    if digits(x) and digits(y):
        return digits(x) != digits(y)
    numbers_x, numbers_y = number_words((x,)), number_words((y,))
    if numbers_x and numbers_y and numbers_x != numbers_y:
        return True
    return (x in DATE_WORDS and y in DATE_WORDS) or _flips_negation(x, y)


def _flips_negation(a: str, b: str) -> bool:
    """Whether one of two case-folded words negates and the other is a word of its own that does not (could,
    couldn't): the claim reversed, never a typo. A misspelt negation (nver, withut) is a typo."""
    if is_negation(a) == is_negation(b):
        return False
    plain = b if is_negation(a) else a
    return is_known(plain)


def _is_other_word(a: str, b: str) -> bool:
    """Whether two differing, close case-folded spellings are two words of their own, a change of words rather
    than a typo: two words the dictionary knows (Iran, Iraq; increase, decrease) that are not one word spelt
    the British and the American way.

    A slip stays a typo even where it makes another known word: a letter dropped or added (Maine, Mane;
    States, State), two letters swapped, or the key next to it struck. So does a transliteration (Kiev, Kyiv)
    or a slip in a name the dictionary lacks."""
    return both_known_and_distinct(a, b) and not _is_slip(a, b)


def _is_slip(a: str, b: str) -> bool:
    """Whether one spelling is the other with one slip of the fingers: a letter dropped or added, two letters
    swapped, or a letter struck for the key next to it."""
    if Indel.distance(a, b) == 1 or (OSA.distance(a, b) == 1 and Levenshtein.distance(a, b) == 2):
        return True
    if len(a) != len(b) or Levenshtein.distance(a, b) != 1:
        return False
    x, y = next((x, y) for x, y in zip(a, b) if x != y)
    if x not in KEY_POSITIONS or y not in KEY_POSITIONS:
        return False
    (row_x, column_x), (row_y, column_y) = KEY_POSITIONS[x], KEY_POSITIONS[y]
    return abs(row_x - row_y) <= KEY_REACH and abs(column_x - column_y) <= KEY_REACH


def is_typo_word(a: str, b: str) -> bool:
    """Whether two spellings are close enough to be one word mistyped or transliterated."""
    a, b = a.replace("-", "").replace("'", ""), b.replace("-", "").replace("'", "")
    longest = max(len(a), len(b))
    allowed = 1 if longest < SHORT_WORD else max(LONG_WORD_EDITS, longest // LETTERS_PER_EDIT)
    return Levenshtein.distance(a, b) <= allowed


def kind_of_link(
    left_canonical: str, right_canonical: str, left_tokens: Sequence[Token], right_tokens: Sequence[Token]
) -> tuple[Kind, list[Change], list[Change]]:
    """The kind of a link, its differing runs of tokens and its slips, from the canonical forms and the tokens
    of its sentences on each side.

    A paraphrase's slips (a letter dropped, two words run together) are kept apart from its reworded runs: a
    slip is no rewording, so, like a typo link's runs, it is shown by its changed characters and its words
    count as copied. Shared and typo links have no slips apart.
    """
    if left_canonical == right_canonical:
        return Kind.SHARED, [], []
    # A reworded sentence's edits ignore case: "More than 100" copied as "more than 100" is copied.
    changes = token_changes(left_tokens, right_tokens, fold_case=True)
    folded = [piece for change in changes for piece in _slips_apart(change)]
    slips = [_is_typo_change(c) for c in folded]
    if all(slips):
        # Only slips (or case alone): the case-sensitive diff shows every changed character.
        return Kind.TYPO, token_changes(left_tokens, right_tokens), []
    reworded = [c for c, slip in zip(folded, slips) if not slip]
    return Kind.PARAPHRASE, reworded, [c for c, slip in zip(folded, slips) if slip]


def _slips_apart(change: Change) -> list[Change]:
    """A reworded run whose words pair up one for one, cut around the pairs that are slips (harbour master
    announced / harbor master unveiled): each slip its own run, the rest as it was."""
    left_words = [k for k, t in enumerate(change.left) if t.is_word]
    right_words = [k for k, t in enumerate(change.right) if t.is_word]
    if len(left_words) != len(right_words) or len(left_words) < 2:
        return [change]
    pieces: list[Change] = []
    i = j = 0
    for a, b in zip(left_words, right_words):
        x, y = change.left[a], change.right[b]
        if x.folded == y.folded or not _is_typo_change(Change((x,), (y,))):
            continue
        if change.left[i:a] or change.right[j:b]:
            pieces.append(Change(change.left[i:a], change.right[j:b]))
        pieces.append(Change((x,), (y,)))
        i, j = a + 1, b + 1
    if not pieces:
        return [change]
    if change.left[i:] or change.right[j:]:
        pieces.append(Change(change.left[i:], change.right[j:]))
    return pieces
