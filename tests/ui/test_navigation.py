"""Navigation through differences: order, wrapping, per-kind stops and positions between differences."""

from __future__ import annotations

from newsdiff.core.model import Difference, Kind
from newsdiff.ui import navigation

DIFFERENCES = [
    Difference(Kind.PARAPHRASE, 0, (0,), (0,), 0),
    Difference(Kind.UNIQUE, 1, (1,), (), None),
    Difference(Kind.TYPO, 2, (2,), (1,), 1, moved=True),
    Difference(Kind.PARAPHRASE, 3, (3,), (2,), 2, altered=True),
    Difference(Kind.UNIQUE, 4, (), (3,), None),
]


def walk(start: float | None, forward: bool, times: int, wanted=navigation.any_difference) -> list[int | None]:
    seen, position = [], start
    for _ in range(times):
        step = navigation.step(DIFFERENCES, position, forward, wanted)
        seen.append(step.index)
        position = step.index
    return seen


def test_forward_goes_in_order_then_wraps_to_the_first() -> None:
    assert walk(None, True, 7) == [0, 1, 2, 3, 4, 0, 1]
    assert navigation.step(DIFFERENCES, 4, True).wrapped
    assert not navigation.step(DIFFERENCES, 3, True).wrapped


def test_backward_goes_in_reverse_then_wraps_to_the_last() -> None:
    assert walk(None, False, 6) == [4, 3, 2, 1, 0, 4]
    assert navigation.step(DIFFERENCES, 0, False).wrapped


def test_one_kind_only() -> None:
    assert walk(None, True, 3, navigation.of_kind(Kind.PARAPHRASE)) == [0, 3, 0]
    assert walk(None, True, 2, navigation.altered) == [3, 3]
    assert walk(None, True, 1, navigation.moved) == [2]


def test_hidden_differences_are_skipped() -> None:
    no_unique = lambda d: d.kind is not Kind.UNIQUE  # noqa: E731
    step = navigation.step(DIFFERENCES, 0, True, shown=no_unique)
    assert step.index == 2


def test_nothing_to_stop_at() -> None:
    assert navigation.step(DIFFERENCES, None, True, navigation.of_kind(Kind.SHARED)).index is None
    assert navigation.edge([], True).index is None


def test_first_and_last() -> None:
    assert navigation.edge(DIFFERENCES, False).index == 0
    assert navigation.edge(DIFFERENCES, True).index == 4


def test_a_position_in_a_row_continues_from_there() -> None:
    position = navigation.position_in_row(DIFFERENCES, 2)
    assert navigation.step(DIFFERENCES, position, True).index == 2
    assert navigation.step(DIFFERENCES, position, False).index == 1

