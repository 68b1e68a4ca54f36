"""Keyboard navigation through the differences of a comparison: where the next and previous stops are.

The stops are `Comparison.differences()` in reading order. Going past the last stop wraps round to the first
(and before the first to the last); the caller says so in the status bar. The position is a number on the
scale of the differences' indices, so that a click on a sentence between two differences continues from there.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from newsdiff.core.model import Difference, Kind

Wanted = Callable[[Difference], bool]


def any_difference(_: Difference) -> bool:
    """Every difference is a stop."""
    return True


def of_kind(kind: Kind) -> Wanted:
    """Stops at differences of `kind`."""
    return lambda difference: difference.kind is kind


def altered(difference: Difference) -> bool:
    """Stops at altered links."""
    return difference.altered


def moved(difference: Difference) -> bool:
    """Stops at moved links."""
    return difference.moved


@dataclass(frozen=True)
class Step:
    """The result of a move: the index of the difference reached (None: there is none), and whether it wrapped."""

    index: int | None
    wrapped: bool = False


def step(
    differences: Sequence[Difference],
    position: float | None,
    forward: bool,
    wanted: Wanted = any_difference,
    shown: Wanted = any_difference,
) -> Step:
    """The next (or previous) difference from `position` that is `wanted` and `shown`, wrapping at the ends.

    `position` is the index of the current difference, a half index between two of them, or None for
    "before the first" going forward and "after the last" going back.
    """
    candidates = [i for i, d in enumerate(differences) if wanted(d) and shown(d)]
    if not candidates:
        return Step(None)
    if position is None:
        return Step(candidates[0] if forward else candidates[-1])
    if forward:
        after = [i for i in candidates if i > position]
        return Step(after[0]) if after else Step(candidates[0], wrapped=True)
    before = [i for i in candidates if i < position]
    return Step(before[-1]) if before else Step(candidates[-1], wrapped=True)


def edge(differences: Sequence[Difference], last: bool, shown: Wanted = any_difference) -> Step:
    """The first (or last) shown difference."""
    candidates = [i for i, d in enumerate(differences) if shown(d)]
    if not candidates:
        return Step(None)
    return Step(candidates[-1] if last else candidates[0])


def position_in_row(differences: Sequence[Difference], row: int) -> float:
    """The position just before the first difference at or after display row `row`."""
    for index, difference in enumerate(differences):
        if difference.row >= row:
            return index - 0.5
    return len(differences) - 0.5
