"""Whether a reworded pair no longer says the same thing: the rules that mark it altered whatever the altered
model makes of the rest of it (docs/guide.md: a changed number, date, name, negation or claim)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable, Sequence

from newsdiff.core.model import Alteration
from newsdiff.core.pair.changes import Change
from newsdiff.core.pair.kinds import is_typo_word, swaps_a_fact
from newsdiff.core.text.countries import same_country
from newsdiff.core.text.figures import NUMBER_VALUES, digits, is_number
from newsdiff.core.text.lexicon import (
    DENYING,
    DOWNWARD,
    GOVERNING_NEGATIONS,
    LIST_JOINERS,
    SCALES,
    STOPWORDS,
    TITLES,
    UPWARD,
    is_negation,
)
from newsdiff.core.text.normalize import Token


@dataclass(frozen=True)
class Passage:
    """One side of a link, as the rules read it."""

    words: Sequence[str]  # the case-folded words of its sentences
    counts: Sequence[tuple[str, str]]  # figure_counts of its sentences, in order
    copy_words: frozenset[str]  # every case-folded word of its copy
    plain_capitals: frozenset[int]  # the offsets of the words of its copy capitalised whatever they are
    text: str = ""  # its sentences as its copy has them, joined by a space: what the altered model reads
    tokens: Sequence[Token] = ()  # the tokens of its sentences, in order


def changed_facts(changes: Sequence[Change], left: Passage, right: Passage) -> tuple[Alteration, ...]:
    """How a reworded pair (its reworded runs, and its two sides) states other facts, however much of the rest was
    reworded: a figure, day or negation changed in a few letters; other figures for the same things; a claim
    negated on one side only; a figure said to go the other way; one name put in the place of another."""
    found = (
        (Alteration.SLIP, changes_a_fact(changes, left.words, right.words)),
        (Alteration.FIGURES, changes_figures(left.counts, right.counts)),
        (Alteration.NEGATION, flips_negation(
            left.words, right.words,
            _in_clauses(left, [c.left for c in changes]), _in_clauses(right, [c.right for c in changes]),
        )),
        (Alteration.DIRECTION, reverses_direction(changes, left.words, right.words)),
        (Alteration.NAME, swaps_a_name(changes, left, right)),
    )
    return tuple(alteration for alteration, holds in found if holds)


def changes_a_fact(changes: Sequence[Change], left: Sequence[str] = (), right: Sequence[str] = ()) -> bool:
    """Whether a reworded run changes a word, in a few letters and at the same place, into another figure,
    day or month, or into its negation: a typo but for the fact it changes, so the pair no longer says the
    same thing whatever the rest of it says. A negation is no change where the passage without it (`left`,
    `right`: the case-folded words of each side) denies in other words ("has yet to" / "hasn't")."""
    for change in changes:
        left_words = [t.folded for t in change.left if t.is_word]
        right_words = [t.folded for t in change.right if t.is_word]
        if not left_words or len(left_words) != len(right_words):
            continue
        for x, y in zip(left_words, right_words):
            if x == y or not is_typo_word(x, y) or not swaps_a_fact(x, y):
                continue
            if digits(x) and _reordered(changes):
                continue
            if is_negation(x) != is_negation(y) and _denies(right if is_negation(x) else left):
                continue
            return True
    return False


def _reordered(changes: Sequence[Change]) -> bool:
    """Whether the figures of the runs are the same on both sides, in another order (2000, 2001 and 2002): a
    list reordered, not a figure changed."""
    left_figures = sorted(filter(None, (digits(t.folded) for c in changes for t in c.left)))
    return left_figures == sorted(filter(None, (digits(t.folded) for c in changes for t in c.right)))


# A negation governs the first content word among this many words after it ("not be released"): 1 reaches
# only the next word, more reach further, through stop words only. Set when the rule was written (MRPC test
# accuracy 0.7757 -> 0.7745 with the rule, syndication altered precision 0.911 -> 0.908).
NEGATION_REACH = 3
# Words are compared by their first so many letters, a stem enough for most inflections (cut, cuts; release,
# released); fewer letters take more words for one.
STEM_LETTERS = 5


# A reworded run of more than this many words on one side is a clause of new wording: a negation inside it
# negates what that clause says, not a claim the other side states without it ("blamed the United States, and
# not Russian election meddling, for ..." against a lead that mentions the meddling elsewhere). "would not" /
# "will", "did not approve" / "approved" are far shorter; set when the rule was written.
NEGATION_CLAUSE_WORDS = 6


def _in_clauses(passage: Passage, runs: Sequence[Sequence[Token]]) -> frozenset[int]:
    """The positions, among the passage's words, of those inside a run of more than NEGATION_CLAUSE_WORDS words."""
    starts = {t.start for run in runs if sum(t.is_word for t in run) > NEGATION_CLAUSE_WORDS for t in run}
    if not starts:
        return frozenset()
    return frozenset(k for k, t in enumerate(t for t in passage.tokens if t.is_word) if t.start in starts)


def _governs(word: str) -> bool:
    return word in GOVERNING_NEGATIONS or word.endswith("n't")


def _negated_stems(words: Sequence[str], in_clauses: frozenset[int] = frozenset()) -> tuple[set[str], set[str]]:
    """The stems (first STEM_LETTERS letters) of the content words a negation governs (the first within
    NEGATION_REACH words after it), but for those at positions `in_clauses`, and of the other content words."""
    negated: set[str] = set()
    plain: set[str] = set()
    reach = 0
    for k, word in enumerate(words):
        if _governs(word):
            reach = NEGATION_REACH
        elif word in STOPWORDS:
            reach = max(reach - 1, 0)
        else:
            if not reach:
                plain.add(word[:STEM_LETTERS])
            elif k not in in_clauses:
                negated.add(word[:STEM_LETTERS])
            reach = 0
    return negated, plain


def flips_negation(
    left: Sequence[str], right: Sequence[str],
    left_clauses: frozenset[int] = frozenset(), right_clauses: frozenset[int] = frozenset(),
) -> bool:
    """Whether two linked passages (their case-folded words) reverse a claim: a word negated on one side stands
    without its negation on the other, which denies nothing in any other words ("would not cut taxes" / "will
    cut taxes", but not "would not comment" / "declined to comment"). A word at a position of `left_clauses`
    or `right_clauses` (inside a clause of new wording, see NEGATION_CLAUSE_WORDS) is negated by no one."""
    # Most passages hold no negation: a set test and a search of the joined words tell them at once.
    if (
        GOVERNING_NEGATIONS.isdisjoint(left) and GOVERNING_NEGATIONS.isdisjoint(right)
        and "n't" not in " ".join((*left, *right))
    ):
        return False
    left_negated, left_plain = _negated_stems(left, left_clauses)
    right_negated, right_plain = _negated_stems(right, right_clauses)
    return bool(
        (left_negated & right_plain and not _denies(right)) or (right_negated & left_plain and not _denies(left))
    )


def _denies(words: Sequence[str]) -> bool:
    return any(is_negation(w) or _governs(w) or w in DENYING for w in words)


def changes_figures(left: Sequence[tuple[str, str]], right: Sequence[tuple[str, str]]) -> bool:
    """Whether two linked passages (their figure_counts) state other figures for the things they count: one
    thing counted by another figure ("killing at least 42 people" / "killing at least 48 people"), or the same
    figures exchanged between the words they count ("231 people, including 12 Americans" / "12 people, including
    231 Americans"), however the rest was reworded. A list in another order (2000, 2001 and 2002) names no word
    after its figures, so it changes none."""
    if not (left and right):
        return False
    left_values, right_values = _by_word(left, _value), _by_word(right, _value)
    if any(right_values.get(word, value) != value for word, value in left_values.items()):
        return True
    left_digits, right_digits = _by_word(left, _figure_digits), _by_word(right, _figure_digits)
    if sorted(left_digits.values()) != sorted(right_digits.values()):
        return False
    return any(right_digits.get(word, figure) != figure for word, figure in left_digits.items())


def _figure_digits(figure: str) -> str:
    return digits(figure) or figure


def _value(figure: str) -> str:
    """The value a figure states, written the same whichever way the figure is (1,200 and 1200; 30.5 and $30.50;
    three and 3; thirty-seven and 37); a vague number word (hundreds) is its own value."""
    if digits(figure):
        plain = re.sub(r"[^\d.]", "", figure).strip(".")
        try:
            return repr(float(plain))
        except ValueError:  # not one number: a version (2.6.0), a date (10.12.2025)
            return plain
    values = [float(NUMBER_VALUES[part]) for part in figure.split("-") if part in NUMBER_VALUES]
    return repr(sum(values)) if values else figure


def figure_counts(words: Sequence[str]) -> list[tuple[str, str]]:
    """Each content word that follows a figure in case-folded words, with the figure. A word after the last
    figure of a list counts them all, and is left out; so is a figure inside a number written in words (two
    hundred). A figure with a scale counts the scale ("$991 million": 991 millions)."""
    counts = []
    for k, (figure, word) in enumerate(zip(words, words[1:])):
        if not is_number(figure) or (is_number(word) and word not in SCALES) or word in STOPWORDS:
            continue
        if not _ends_a_list(words[max(k - 2, 0) : k]):
            counts.append((word, figure))
    return counts


def _by_word(counts: Sequence[tuple[str, str]], key: Callable[[str], str]) -> dict[str, str]:
    """The `key` of the figure of each counted word; a word that several figures count says nothing of which is
    which, and is left out."""
    found: dict[str, str] = {}
    ambiguous: set[str] = set()
    for word, figure in counts:
        value = key(figure)
        if found.setdefault(word, value) != value:
            ambiguous.add(word)
    return {word: value for word, value in found.items() if word not in ambiguous}


def _ends_a_list(before: Sequence[str]) -> bool:
    """Whether a figure after these words (the two before it) is the last of a list of figures."""
    if not before:
        return False
    return is_number(before[-1]) or (len(before) == 2 and before[1] in LIST_JOINERS and is_number(before[0]))


def reverses_direction(changes: Sequence[Change], left: Sequence[str], right: Sequence[str]) -> bool:
    """Whether a reworded run says a figure went up where the other side says it went down, or the other way
    round, neither passage (`left`, `right`: their case-folded words) saying both."""
    left_up, left_down = not UPWARD.isdisjoint(left), not DOWNWARD.isdisjoint(left)
    right_up, right_down = not UPWARD.isdisjoint(right), not DOWNWARD.isdisjoint(right)
    if left_up == left_down or right_up == right_down or left_up == right_up:
        return False  # one passage says both ways, or neither, or both say the same way
    left_way, right_way = (UPWARD, DOWNWARD) if left_up else (DOWNWARD, UPWARD)
    return any(
        not left_way.isdisjoint(t.folded for t in change.left)
        and not right_way.isdisjoint(t.folded for t in change.right)
        for change in changes
    )


def swaps_a_name(changes: Sequence[Change], left: Passage, right: Passage) -> bool:
    """Whether a reworded run is one name put in the place of another ("Prime Minister Keir Starmer said" /
    "Prime Minister Rishi Sunak said"), no word of either name anywhere in the other copy. One name spelt,
    shortened or initialled another way (Dmitry, Dmitri; Dan, Daniel; United Nations, U.N.) is the same name, and
    so are a country's names and the adjective of its people (U.S., American)."""
    for change in changes:
        left_name = _name_words(change.left, left.plain_capitals)
        right_name = _name_words(change.right, right.plain_capitals)
        if not left_name or not right_name or _same_name(left_name, right_name):
            continue
        if right.copy_words.isdisjoint(left_name) and left.copy_words.isdisjoint(right_name):
            return True
    return False


# A name put in the place of another has at most this many words on each side, its title left out ("Keir
# Starmer"); a longer capitalised run is more than a name. Set when the rule was written; more lets longer runs in.
NAME_WORDS = 2


def _name_words(items: Sequence[Token], plain_capitals: frozenset[int]) -> list[str]:
    """The case-folded words of a run if it is one name of at most NAME_WORDS words (its title left out), else none. A
    word capitalised whatever it is (`plain_capitals`: a sentence's first word, a heading's) is no name."""
    found: list[str] = []
    for t in items:
        if not t.is_word or t.folded in TITLES:
            continue
        # Most runs hold a lower-case word, or more words than a name: they are told at the first such word.
        if len(found) == NAME_WORDS or not _is_name(t, plain_capitals):
            return []
        found.append(t.folded)
    return found


def _is_name(token: Token, plain_capitals: frozenset[int]) -> bool:
    return (
        token.text[0].isupper() and token.start not in plain_capitals and token.folded not in STOPWORDS
        and len(token.folded) > 1 and not digits(token.folded)
    )


def _same_name(left: Sequence[str], right: Sequence[str]) -> bool:
    """Whether two names are one written two ways: a word of one close in spelling to, or the start of, a word
    of the other, one the initials of the other, or two names of one country (U.S., American)."""
    if same_country(left, right):
        return True
    if any(x.startswith(y) or y.startswith(x) or is_typo_word(x, y) for x in left for y in right):
        return True
    initials = {"".join(w[0] for w in words) for words in (left, right)}
    return any(w.replace(".", "") in initials for w in (*left, *right))
