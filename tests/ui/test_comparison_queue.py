"""The comparison queue on its own: what it keeps, what it compares first, and a new folder.

The comparison process is replaced by an engine that records the pairs it is asked for and holds each
comparison until the test lets it end, so that a test decides what is under way when it asks for the next.
"""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import QThreadPool

from newsdiff.core.read.articles import Article
from newsdiff.ui import comparison_queue
from newsdiff.ui.comparison_queue import ComparisonQueue
from newsdiff.ui.session import Compared, Session

WAIT = 5_000  # ms


class Engine:
    """Stands in for the comparison process (on the worker thread): records the pairs asked for, by path,
    and holds each comparison while `gate` is shut."""

    def __init__(self) -> None:
        self.asked: list[tuple[str, str]] = []
        self.gate = threading.Event()
        self.gate.set()
        self.failing: set[str] = set()  # paths whose comparisons raise

    def __call__(self, left: Article, right: Article, known: frozenset[str]) -> Compared:
        self.asked.append((left.path, right.path))
        assert self.gate.wait(WAIT / 1000), "the test never let the comparison end"
        if right.path in self.failing:
            raise ValueError("no good")
        return Compared(comparison=(left.path, right.path), differences=[])  # type: ignore[arg-type]


def session(count: int, folder: str = "a") -> Session:
    """A folder of `count` tiny articles, named folder/0.txt, folder/1.txt..."""
    return Session(
        [Article.from_text(f"Copy number {k} of the story.", path=f"{folder}/{k}.txt") for k in range(count)]
    )


def pair(left: int, right: int, folder: str = "a") -> tuple[str, str]:
    return f"{folder}/{left}.txt", f"{folder}/{right}.txt"


def wait_for_work(queue: ComparisonQueue) -> None:
    """Wait until the queue's worker thread has nothing left to run."""
    for pool in queue.findChildren(QThreadPool):
        pool.waitForDone()


@pytest.fixture
def engine(monkeypatch) -> Engine:
    engine = Engine()
    monkeypatch.setattr(comparison_queue, "compare_in_process", engine)
    return engine


@pytest.fixture
def queue(qtbot, engine):
    """A queue whose background work is never held, over a folder of five articles."""
    queue = ComparisonQueue(lambda: False)
    queue.set_session(session(5))
    yield queue
    engine.gate.set()
    queue.stop()
    wait_for_work(queue)


def test_a_pair_compared_once_is_shown_from_the_cache(qtbot, engine, queue) -> None:
    with qtbot.waitSignal(queue.shown, timeout=WAIT) as shown:
        assert not queue.show(0, 1)
    assert shown.args[0].comparison == pair(0, 1)
    with qtbot.waitSignal(queue.shown, timeout=WAIT) as again:
        assert queue.show(0, 1)  # emitted at once
    assert again.args[0] is shown.args[0]
    assert queue.cached(0, 1) is shown.args[0] and queue.cached(1, 0) is None
    assert engine.asked == [pair(0, 1)]


def test_the_pair_shown_goes_before_the_base_against_every_copy(qtbot, engine, queue) -> None:
    engine.gate.clear()
    queue.compare_base_with_all(0)
    qtbot.waitUntil(lambda: engine.asked == [pair(0, 1)], timeout=WAIT)  # one at a time: 0-2 is not queued yet
    assert not queue.show(0, 3)
    with qtbot.waitSignal(queue.progress, check_params_cb=lambda done, total: done == total, timeout=WAIT):
        engine.gate.set()
    assert engine.asked == [pair(0, 1), pair(0, 3), pair(0, 2), pair(0, 4)]  # 0-3 is not compared twice


def test_a_background_comparison_is_moved_ahead_when_its_pair_is_shown(qtbot, engine, queue) -> None:
    engine.gate.clear()
    queue.show(2, 3)  # runs, and holds the worker
    qtbot.waitUntil(lambda: engine.asked == [pair(2, 3)], timeout=WAIT)
    queue.compare_base_with_all(0)  # 0-1 waits behind it, in the background
    queue.show(0, 1)  # now it waits as the pair shown: ahead of the background, and of 4-2 asked next
    queue.show(4, 2)
    with qtbot.waitSignal(queue.progress, check_params_cb=lambda done, total: done == total, timeout=WAIT):
        engine.gate.set()
    assert engine.asked[:3] == [pair(2, 3), pair(0, 1), pair(4, 2)]


def test_the_base_against_every_copy_reports_each_copy_and_its_progress(qtbot, engine, queue) -> None:
    queue.show(0, 2)
    qtbot.waitUntil(lambda: queue.cached(0, 2) is not None, timeout=WAIT)
    copies, progress = [], []
    queue.base_compared.connect(lambda row, compared: copies.append((row, compared.comparison)))
    queue.progress.connect(lambda done, total: progress.append((done, total)))
    queue.compare_base_with_all(0)
    qtbot.waitUntil(lambda: progress[-1:] == [(4, 4)], timeout=WAIT)
    assert sorted(copies) == [(k, pair(0, k)) for k in range(1, 5)]  # 0-2 from the cache
    assert engine.asked == [pair(0, 2), pair(0, 1), pair(0, 3), pair(0, 4)]


def test_the_cache_keeps_the_latest_comparisons(qtbot, engine, queue, monkeypatch) -> None:
    monkeypatch.setattr(comparison_queue, "CACHE_LIMIT", 2)
    for right in (1, 2, 3):
        with qtbot.waitSignal(queue.shown, timeout=WAIT):
            queue.show(0, right)
    assert queue.cached(0, 1) is None and queue.cached(0, 2) is not None and queue.cached(0, 3) is not None
    with qtbot.waitSignal(queue.shown, timeout=WAIT):
        assert not queue.show(0, 1)  # compared again
    assert engine.asked == [pair(0, 1), pair(0, 2), pair(0, 3), pair(0, 1)]


def test_a_failed_pair_is_told_once_and_not_tried_again(qtbot, engine, queue) -> None:
    engine.failing = {"a/1.txt"}
    problems = []
    queue.problem.connect(problems.append)
    with qtbot.waitSignal(queue.shown_failed, timeout=WAIT):
        queue.show(0, 1)
    assert problems == ["a/0.txt and a/1.txt: the comparison failed: ValueError: no good"]
    with qtbot.waitSignal(queue.shown_failed, timeout=WAIT):
        assert queue.show(0, 1)
    assert engine.asked == [pair(0, 1)]


def test_held_background_waits_until_resumed(qtbot, engine) -> None:
    held = True
    queue = ComparisonQueue(lambda: held)
    queue.set_session(session(3))
    queue.compare_base_with_all(0)
    qtbot.wait(50)
    assert engine.asked == []
    held = False
    with qtbot.waitSignal(queue.progress, check_params_cb=lambda done, total: done == total, timeout=WAIT):
        queue.resume_background()
    assert engine.asked == [pair(0, 1), pair(0, 2)]


def test_a_new_folder_forgets_the_old_ones_comparisons(qtbot, engine, queue) -> None:
    with qtbot.waitSignal(queue.shown, timeout=WAIT):
        queue.show(0, 1)
    engine.gate.clear()
    queue.show(0, 2)
    qtbot.waitUntil(lambda: len(engine.asked) == 2, timeout=WAIT)  # under way when the folder changes
    arrived = []
    queue.shown.connect(arrived.append)
    queue.base_compared.connect(lambda row, compared: arrived.append(compared))
    queue.set_session(session(3, folder="b"))
    assert queue.base is None and queue.cached(0, 1) is None
    engine.gate.set()
    wait_for_work(queue)
    qtbot.wait(50)  # what the old comparison delivers would arrive now
    assert arrived == []
    with qtbot.waitSignal(queue.shown, timeout=WAIT) as shown:
        queue.show(0, 1)
    assert shown.args[0].comparison == pair(0, 1, folder="b")
