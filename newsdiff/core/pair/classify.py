"""Kinds of linked sentences (shared, typo, paraphrase) and the word- and character-level edits inside them."""

from __future__ import annotations

from dataclasses import dataclass
from operator import attrgetter
from typing import Sequence

from fast_diff_match_patch import diff
from rapidfuzz.distance import OSA, Indel, Levenshtein

from newsdiff.core.model import Document, Edit, EditOp, Kind, Side
from newsdiff.core.pair.spelling import both_known_and_distinct, is_known
from newsdiff.core.text.figures import digits, is_number, number_words
from newsdiff.core.text.lexicon import DATE_WORDS, KEY_POSITIONS, STOPWORDS, is_negation
from newsdiff.core.text.normalize import Token, typographic

_EQUAL, _DELETE, _INSERT = "=", "-", "+"
def _diff(a: str, b: str, *, semantic: bool = False) -> list[tuple[str, int]]:
    """diff-match-patch's diff of two strings (its C++ build) as runs of (operation, length)."""
    # No time limit: sentences are short, and an exact diff is cheap and repeatable.
    return diff(a, b, timelimit=0, checklines=False, cleanup="Semantic" if semantic else "No")


@dataclass(frozen=True)
class Change:
    """A run of tokens that differs between the two sides, between two equal runs."""

    left: tuple[Token, ...]
    right: tuple[Token, ...]


# Inside a reworded run, a run of this many words copied unchanged is kept as copied, not swallowed.
COPIED_RUN_WORDS = 2


def _encoded(left: Sequence[Token], right: Sequence[Token], fold_case: bool) -> tuple[str, str]:
    """Both token lists as one private-use character per token, the same for the same token."""
    key = attrgetter("folded" if fold_case else "text")
    left_keys, right_keys = list(map(key, left)), list(map(key, right))
    codes = {text: chr(0xF0000 + n) for n, text in enumerate(dict.fromkeys(left_keys + right_keys))}
    return "".join(map(codes.__getitem__, left_keys)), "".join(map(codes.__getitem__, right_keys))


def _changed_spans(diffs: list[tuple[str, int]]) -> list[tuple[int, int, int, int]]:
    """Where each stretch of a diff between two equal runs lies: (left start, left end, right start, right end)."""
    spans: list[tuple[int, int, int, int]] = []
    i = j = 0
    start = None
    for op, length in diffs + [(_EQUAL, 0)]:
        if op == _EQUAL:
            if start is not None:
                spans.append((start[0], i, start[1], j))
                start = None
            i += length
            j += length
            continue
        if start is None:
            start = (i, j)
        if op == _DELETE:
            i += length
        else:
            j += length
    return spans


def _changes_of(
    left: Sequence[Token], right: Sequence[Token], diffs: list[tuple[str, int]], keep: int
) -> list[Change]:
    """The differing runs of a diff; an equal run shorter than `keep` words is folded into its neighbours."""
    changes: list[Change] = []
    i = j = 0
    pending_left: list[Token] = []
    pending_right: list[Token] = []
    for op, length in diffs:
        if op == _EQUAL:
            equal = left[i : i + length]
            if sum(t.is_word for t in equal) >= keep or not (pending_left or pending_right):
                if pending_left or pending_right:
                    changes.append(Change(tuple(pending_left), tuple(pending_right)))
                    pending_left, pending_right = [], []
            else:
                pending_left += equal
                pending_right += right[j : j + length]
            i += length
            j += length
        elif op == _DELETE:
            pending_left += left[i : i + length]
            i += length
        else:
            pending_right += right[j : j + length]
            j += length
    if pending_left or pending_right:
        changes.append(Change(tuple(pending_left), tuple(pending_right)))
    return changes


def token_changes(left: Sequence[Token], right: Sequence[Token], *, fold_case: bool = False) -> list[Change]:
    """The differing runs of two token lists: a word diff, cleaned up so that a changed phrase is one run.

    The semantic clean-up also swallows copied runs lying between long changes; inside each reworded run a
    second, exact diff gives back the runs of COPIED_RUN_WORDS or more words that the two sides share.
    """
    encoded_left, encoded_right = _encoded(left, right, fold_case)
    refined: list[Change] = []
    for i, i_end, j, j_end in _changed_spans(_diff(encoded_left, encoded_right, semantic=True)):
        run_left, run_right = encoded_left[i:i_end], encoded_right[j:j_end]
        # Runs with no token in common have no copied run in them: their exact diff would give them back whole.
        if set(run_left).isdisjoint(run_right):
            refined.append(Change(tuple(left[i:i_end]), tuple(right[j:j_end])))
        else:
            exact = _diff(run_left, run_right)
            refined += _changes_of(left[i:i_end], right[j:j_end], exact, keep=COPIED_RUN_WORDS)
    return refined


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
    if len(left_words) != len(right_words) and max(len(left_words), len(right_words)) > 2:
        return False  # words added or cut, not just run together: most reworded runs end here
    left_numbers, right_numbers = number_words(left_words), number_words(right_words)
    if any(map(str.isdigit, a + b)) or (left_numbers and right_numbers and left_numbers != right_numbers):
        return False  # a changed number is never a typo (a mistyped number word can be)
    if len(left_words) == len(right_words):
        return all(
            x == y or (is_typo_word(x, y) and not swaps_a_fact(x, y) and not _is_other_word(x, y))
            for x, y in zip(left_words, right_words)
        )
    # Words run together or split apart ("cease fire" / "ceasefire") with at most a slip in them.
    return max(len(left_words), len(right_words)) <= 2 and is_typo_word(a, b)


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
    return abs(row_x - row_y) <= 1 and abs(column_x - column_y) <= 1


def is_typo_word(a: str, b: str) -> bool:
    """Whether two spellings are close enough to be one word mistyped or transliterated."""
    a, b = a.replace("-", "").replace("'", ""), b.replace("-", "").replace("'", "")
    longest = max(len(a), len(b))
    allowed = 1 if longest < 4 else max(2, longest // 4)
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


def _span(items: Sequence[Token]) -> tuple[int, int]:
    return items[0].start, items[-1].end


def runs_of(words: Sequence[str], length: int) -> list[tuple[str, ...]]:
    """Every run of `length` consecutive words, in order (the k-th starts at words[k])."""
    return [tuple(words[k : k + length]) for k in range(len(words) - length + 1)]


# A run of this many words that the other copy has anywhere was copied from it, whatever the words.
COPIED_RUN = 4
# A run of three words or of two, a content word among them, that the linked sentences of the other side hold too
# was moved within the link: its figures as well, since they kept their words around them ("on October 1"), and its
# stop words ("officials said" at the end of one sentence and at the start of the other). Three words reach
# stop words two cannot ("will be guaranteed": "will be" is stop words only).
MOVED_RUNS = (3, 2)


@dataclass(frozen=True)
class Reused:
    """What the other side of a link offers for reuse, case-folded: the content words and the runs of MOVED_RUNS
    words of its linked sentences; anywhere in its copy, the pairs of adjacent content words and the runs of
    COPIED_RUN words (a phrase taken from another sentence)."""

    words: frozenset[str] = frozenset()
    pairs: frozenset[tuple[str, str]] = frozenset()
    runs: frozenset[tuple[str, ...]] = frozenset()
    moved: frozenset[tuple[str, ...]] = frozenset()


def _unreused_runs(
    words: Sequence[Token], reused: Reused, echoed: frozenset[str] = frozenset()
) -> list[tuple[int, int]]:
    """The spans of the runs of `words` left once the reused words are taken out. Numbers are taken out only
    inside a phrase moved within the link: a changed figure must stay marked even when the other copy has it
    elsewhere. A run left with nothing but stop words that the other side of the change also has (`echoed`:
    "the" between a moved word and a reworded one) is no edit; a negation always is."""
    folded = [w.folded for w in words]
    taken = [w in reused.words for w in folded]
    for k, pair in enumerate(zip(folded, folded[1:])):
        if pair in reused.pairs:
            taken[k] = taken[k + 1] = True
    for k, run in enumerate(runs_of(folded, COPIED_RUN)):
        if run in reused.runs:
            taken[k : k + COPIED_RUN] = [True] * COPIED_RUN
    moved = [False] * len(folded)
    for length in MOVED_RUNS:
        for k, run in enumerate(runs_of(folded, length)):
            if run in reused.moved:
                taken[k : k + length] = moved[k : k + length] = [True] * length
    runs: list[list[Token]] = [[]]
    for word, text, is_taken, is_moved in zip(words, folded, taken, moved):
        if is_taken and (is_moved or not is_number(text)):
            if runs[-1]:
                runs.append([])
        else:
            runs[-1].append(word)
    return [(run[0].start, run[-1].end) for run in runs if run and not _only_echoes(run, echoed)]


def _only_echoes(run: Sequence[Token], echoed: frozenset[str]) -> bool:
    """Whether every word of the run is a stop word in `echoed`, and none a negation."""
    return all(t.folded in echoed and t.folded in STOPWORDS and not is_negation(t.folded) for t in run)


def word_edits(
    changes: Sequence[Change], *, left_reused: Reused = Reused(), right_reused: Reused = Reused()
) -> list[Edit]:
    """Edits of a paraphrase: reworded runs (replace), words only on the right (insert) or only on the left
    (delete). Runs of punctuation alone are not edits.

    A changed word the other side offers for reuse (`left_reused` for the left side's words, `right_reused`
    for the right's) was moved within the sentence or taken from another sentence of the other copy, not
    reworded: it is left out of the edits. When one side of a reworded run keeps no word, the other side's
    words are only there (insert or delete).
    """
    edits: list[Edit] = []
    for change in changes:
        left_words = [t for t in change.left if t.is_word]
        right_words = [t for t in change.right if t.is_word]
        lefts = _unreused_runs(left_words, left_reused, frozenset(t.folded for t in right_words))
        rights = _unreused_runs(right_words, right_reused, frozenset(t.folded for t in left_words))
        op = EditOp.REPLACE if lefts and rights else EditOp.DELETE if lefts else EditOp.INSERT
        edits += [Edit(Side.LEFT, start, end, op) for start, end in lefts]
        edits += [Edit(Side.RIGHT, start, end, op) for start, end in rights]
    return edits


def character_edits(left: Document, right: Document, changes: Sequence[Change]) -> list[Edit]:
    """Edits of a typo link: the characters that differ inside each changed run."""
    edits: list[Edit] = []
    for change in changes:
        if not change.left or not change.right:
            continue
        left_start, left_end = _span(change.left)
        right_start, right_end = _span(change.right)
        a = typographic(left.text[left_start:left_end])
        b = typographic(right.text[right_start:right_end])
        i = j = 0
        pending: list[tuple[str, int, int]] = []
        for op, length in _diff(a, b) + [(_EQUAL, 0)]:
            if op == _EQUAL:
                edits += _character_run(pending, left_start, right_start)
                pending = []
                i += length
                j += length
            elif op == _DELETE:
                pending.append((_DELETE, i, i + length))
                i += length
            else:
                pending.append((_INSERT, j, j + length))
                j += length
    return edits


def _character_run(pending: list[tuple[str, int, int]], left_start: int, right_start: int) -> list[Edit]:
    deleted = [(a, b) for op, a, b in pending if op == _DELETE]
    inserted = [(a, b) for op, a, b in pending if op == _INSERT]
    if deleted and inserted:
        return [
            Edit(Side.LEFT, left_start + deleted[0][0], left_start + deleted[-1][1], EditOp.REPLACE, True),
            Edit(Side.RIGHT, right_start + inserted[0][0], right_start + inserted[-1][1], EditOp.REPLACE, True),
        ]
    if deleted:
        return [Edit(Side.LEFT, left_start + deleted[0][0], left_start + deleted[-1][1], EditOp.DELETE, True)]
    if inserted:
        return [Edit(Side.RIGHT, right_start + inserted[0][0], right_start + inserted[-1][1], EditOp.INSERT, True)]
    return []
