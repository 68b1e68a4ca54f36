"""The token diff of two linked passages: the runs of tokens that differ between them (Change), by
diff-match-patch."""

from __future__ import annotations

from dataclasses import dataclass
from operator import attrgetter
from typing import Sequence

from fast_diff_match_patch import diff

from newsdiff.core.text.normalize import Token

# The operations of a diff: a run kept, deleted from the left, inserted on the right.
EQUAL, DELETE, INSERT = "=", "-", "+"


def diff_runs(a: str, b: str, *, semantic: bool = False) -> list[tuple[str, int]]:
    """diff-match-patch's diff of two strings (its C++ build) as runs of (operation, length)."""
    # No time limit: sentences are short, and an exact diff is cheap and repeatable.
    return diff(a, b, timelimit=0, checklines=False, cleanup="Semantic" if semantic else "No")


@dataclass(frozen=True)
class Change:
    """A run of tokens that differs between the two sides, between two equal runs."""

    left: tuple[Token, ...]
    right: tuple[Token, ...]


# Inside a reworded run, a run of this many words copied unchanged is kept as copied, not swallowed (1: every
# copied word; higher: more of them shown as reworded). Giving back the runs of two or more that the semantic
# clean-up swallowed took METER's macro-F1 from 0.563 to 0.607.
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
    for op, length in diffs + [(EQUAL, 0)]:
        if op == EQUAL:
            if start is not None:
                spans.append((start[0], i, start[1], j))
                start = None
            i += length
            j += length
            continue
        if start is None:
            start = (i, j)
        if op == DELETE:
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
        if op == EQUAL:
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
        elif op == DELETE:
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
    for i, i_end, j, j_end in _changed_spans(diff_runs(encoded_left, encoded_right, semantic=True)):
        run_left, run_right = encoded_left[i:i_end], encoded_right[j:j_end]
        # Runs with no token in common have no copied run in them: their exact diff would give them back whole.
        if set(run_left).isdisjoint(run_right):
            refined.append(Change(tuple(left[i:i_end]), tuple(right[j:j_end])))
        else:
            exact = diff_runs(run_left, run_right)
            refined += _changes_of(left[i:i_end], right[j:j_end], exact, keep=COPIED_RUN_WORDS)
    return refined
