"""Work off the GUI thread: reading folders, comparing pairs, writing reports.

A Task wraps a plain function; its signals are delivered in the GUI thread (queued across threads), so the
window only ever touches its widgets from its own thread. Comparisons are queued one at a time, the pair on
screen first (higher priority), the base against the other copies behind it.

The comparison itself runs in a separate process. In a thread it would hold Python's global lock most of
the time, and the window, which needs that lock for each Python step, slowed down fourfold while a
comparison ran (measured: repainting a pair took 65 ms instead of 16). The process is started once (spawned:
nothing of Qt is copied into it), loads the models once and keeps each article's preparation between calls.
"""

from __future__ import annotations

import atexit
import multiprocessing
import threading
import traceback
from collections.abc import Callable
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from functools import partial
from typing import Any

import numpy as np
from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

from newsdiff.core.folder.analysis import FolderAnalysis
from newsdiff.core.folder.transport import packed_result, similarity_matrix, unpack
from newsdiff.core.read.articles import Article
from newsdiff.core.run.analysis_process import run_in_process
from newsdiff.core.run.worker_process import start_worker
from newsdiff.ui.session import Compared, compared, warmed_up

Progress = Callable[[int, int], None]
Work = Callable[[Progress], Any]

PRIORITY_SHOWN = 10  # the pair the user is looking at
PRIORITY_BACKGROUND = 0  # the base against the other copies, for the list's similarity column


class TaskSignals(QObject):
    """What a task reports, with the task itself: progress (done, total), its result, or the error that stopped it."""

    progress = Signal(object, int, int)
    finished = Signal(object, object)
    failed = Signal(object, object)


class Task(QRunnable):
    """A function run on a thread pool; it gets a progress callback and its return value is the result."""

    def __init__(self, work: Work) -> None:
        super().__init__()
        self.setAutoDelete(False)  # the Runner keeps it until its result has been delivered
        self.work = work
        self.signals = TaskSignals()

    def run(self) -> None:  # noqa: D102 - QRunnable
        try:
            result = self.work(lambda done, total: self.signals.progress.emit(self, done, total))
        except Exception as error:  # noqa: BLE001 - any failure is reported to the window, never lost
            error.details = traceback.format_exc()  # type: ignore[attr-defined]
            self.signals.failed.emit(self, error)
        else:
            self.signals.finished.emit(self, result)


@dataclass
class _Callbacks:
    finished: Callable[[Any], None]
    failed: Callable[[Exception], None]
    progress: Callable[[int, int], None] | None


class Runner(QObject):
    """Starts tasks on a pool of one thread and keeps each alive until its result is delivered.

    The tasks' signals are connected to this object's slots, so Qt queues them into the GUI thread, where
    the callbacks run.
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(1)
        self._running: dict[Task, _Callbacks | None] = {}  # None: forgotten, still running

    def start(
        self,
        work: Work,
        finished: Callable[[Any], None],
        failed: Callable[[Exception], None],
        *,
        progress: Callable[[int, int], None] | None = None,
        priority: int = PRIORITY_BACKGROUND,
    ) -> Task:
        """Run `work` on the pool; `finished(result)` or `failed(error)` is then called in the GUI thread."""
        task = Task(work)
        self._running[task] = _Callbacks(finished, failed, progress)
        task.signals.finished.connect(self._finished)
        task.signals.failed.connect(self._failed)
        task.signals.progress.connect(self._progress)
        self.pool.start(task, priority)
        return task

    @Slot(object, object)
    def _finished(self, task: Task, result: Any) -> None:
        callbacks = self._running.pop(task, None)
        if callbacks is not None:
            callbacks.finished(result)

    @Slot(object, object)
    def _failed(self, task: Task, error: Exception) -> None:
        callbacks = self._running.pop(task, None)
        if callbacks is not None:
            callbacks.failed(error)

    @Slot(object, int, int)
    def _progress(self, task: Task, done: int, total: int) -> None:
        callbacks = self._running.get(task)
        if callbacks is not None and callbacks.progress is not None:
            callbacks.progress(done, total)

    def cancel(self, task: Task) -> bool:
        """Drop `task` if it has not started yet; whether it was dropped."""
        if task in self._running and self.pool.tryTake(task):
            del self._running[task]
            return True
        return False

    def forget(self, task: Task) -> None:
        """Drop `task`, or if it is running, ignore what it delivers (it stays referenced until it ends)."""
        if not self.cancel(task) and task in self._running:
            self._running[task] = None



_pool: ProcessPoolExecutor | None = None
_warming: tuple[ProcessPoolExecutor, Future] | None = None  # the pool and its warm-up
_pool_lock = threading.Lock()


def _comparison_pool() -> ProcessPoolExecutor:
    """The comparison process, started on first use and stopped when the program ends."""
    global _pool
    with _pool_lock:
        if _pool is None:
            _pool = ProcessPoolExecutor(
                max_workers=1, mp_context=multiprocessing.get_context("spawn"), initializer=start_worker
            )
        return _pool


def _discard_pool(broken: ProcessPoolExecutor) -> None:
    """Forget a pool whose process died, so that the next comparison starts a new one."""
    global _pool
    with _pool_lock:
        if _pool is broken:
            _pool = None
    broken.shutdown(wait=False, cancel_futures=True)


def _shutdown_pool() -> None:
    with _pool_lock:
        if _pool is not None:
            _pool.shutdown(wait=False, cancel_futures=True)


atexit.register(_shutdown_pool)


def compare_in_process(left: Article, right: Article, known: frozenset[str]) -> Compared:
    """Compare two articles in the comparison process and wait for the result (call from a worker thread)."""
    pool = _comparison_pool()
    try:
        return pool.submit(compared, left, right, known).result()
    except BrokenProcessPool:
        _discard_pool(pool)
        raise


def analyse_in_process(
    job: Callable[..., FolderAnalysis], progress: Progress, cancelled: Callable[[], bool]
) -> tuple[FolderAnalysis, np.ndarray]:
    """Run a folder analysis job (a partial of folder.analyse_articles or folder.with_base) in a process of
    its own and wait for it (call from a worker thread): the analysis and its similarity matrix."""
    packed = run_in_process(partial(packed_result, job), progress, cancelled)
    return unpack(packed), similarity_matrix(packed)


def warm_up() -> Future:
    """Start the comparison process and load the models now, before the first pair is asked for (once)."""
    global _warming
    pool = _comparison_pool()
    with _pool_lock:
        if _warming is None or _warming[0] is not pool:
            _warming = (pool, pool.submit(warmed_up))
        return _warming[1]
