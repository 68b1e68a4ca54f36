"""The comparisons the window shows, run on a worker thread and kept: the pair on screen first, then the base
against every other copy one after the other (for the article list's similarity column).

Pairs are named by the indices of their articles in the open Session and kept by the articles' paths. Results
arrive as signals in the GUI thread.
"""

from __future__ import annotations

import gc
from collections import OrderedDict, deque
from collections.abc import Callable

from PySide6.QtCore import QObject, Signal

from newsdiff.core.folder.base_pairs import known_words
from newsdiff.ui.session import Compared, Session
from newsdiff.ui.workers import PRIORITY_BACKGROUND, PRIORITY_SHOWN, Runner, Task, compare_in_process

CACHE_LIMIT = 4096  # comparisons kept: a folder's base against every copy, and pairs looked at
Pair = tuple[str, str]  # the paths of the left and right articles


def compare_pair(session: Session, left: int, right: int) -> Compared:
    """Compare two articles of the session, for a worker thread: the words known from the other copies are
    gathered here, the comparison itself runs in the comparison process."""
    known = known_words(session.spellings, left, right)
    return compare_in_process(session.articles[left], session.articles[right], known)


class ComparisonQueue(QObject):
    """Compares the pairs of the open folder on one worker thread, the pair on screen before the base's
    comparisons with every copy, and keeps the results (a pair that fails is not tried again for the folder)."""

    shown = Signal(object)  # Compared: the comparison of the pair on screen
    shown_failed = Signal()  # the pair on screen could not be compared
    base_compared = Signal(int, object)  # copy, Compared: the base compared with that copy
    problem = Signal(str)  # a comparison failed: what to tell the user
    progress = Signal(int, int)  # done, total: the base's comparisons with every copy

    def __init__(self, background_held: Callable[[], bool], parent: QObject | None = None) -> None:
        """`background_held` says whether the base's comparisons must wait (resume_background ends the wait)."""
        super().__init__(parent)
        self._runner = Runner(self)
        self._background_held = background_held
        self._session: Session | None = None
        self.base: int | None = None  # the article compared with every copy
        self._cache: OrderedDict[Pair, Compared] = OrderedDict()
        self._pending: dict[Pair, Task] = {}
        self._failed: set[Pair] = set()
        self._wanted: Pair | None = None
        self._background: deque[int] = deque()  # copies still to compare with the base
        self._background_key: Pair | None = None  # the comparison of the base under way
        self._background_total = 0

    def set_session(self, session: Session | None) -> None:
        """Compare the articles of `session` from now on: what was done or under way for another is forgotten."""
        self.stop()
        self._session = session
        self._cache.clear()
        self._failed.clear()
        self.base = None

    def stop(self) -> None:
        """Drop the comparisons queued, and ignore what those under way deliver."""
        for task in self._pending.values():
            self._runner.forget(task)
        self._pending.clear()
        self._wanted = None
        self._background.clear()
        self._background_key = None
        self._background_total = 0

    def cached(self, left: int, right: int) -> Compared | None:
        """The comparison of article `left` with `right`, if it is done."""
        return self._cache.get(self._key(left, right))

    def show(self, left: int, right: int) -> bool:
        """Make article `left` against `right` the pair on screen. If it is compared (or has failed) already,
        `shown` (or `shown_failed`) is emitted at once and True returned; if not, it is compared before
        anything else waiting, the signal follows when it is done, and False is returned."""
        key = self._key(left, right)
        self._wanted = key
        if key in self._cache:
            self.shown.emit(self._cache[key])
        elif key in self._failed:
            self.shown_failed.emit()
        else:
            self._request(left, right, PRIORITY_SHOWN)
            return False
        return True

    def compare_base_with_all(self, base: int) -> None:
        """Compare `base` with every other copy, one after the other behind the pair shown, for the
        similarity column. One comparison is queued at a time, so that choosing another base or pair never
        waits behind a long queue and the window never spends long setting one up."""
        if self._session is None:
            return
        if self._background_key is not None and self._runner.cancel(self._pending[self._background_key]):
            del self._pending[self._background_key]
        self.base = base
        self._background_key = None
        others = [i for i in range(len(self._session.articles)) if i != base]
        self._background = deque(others)
        self._background_total = len(others)
        self._background_step(None)

    def resume_background(self) -> None:
        """Go on with the base's comparisons, if they were held."""
        if self._background_key is None:
            self._background_step(None)

    def _key(self, left: int, right: int) -> Pair:
        articles = self._session.articles
        return articles[left].path, articles[right].path

    def _request(self, left: int, right: int, priority: int) -> None:
        """Compare articles `left` and `right` on the worker, unless that is done or under way."""
        key = self._key(left, right)
        if key in self._cache or key in self._failed:
            return
        task = self._pending.get(key)
        if task is not None and (priority <= PRIORITY_BACKGROUND or not self._runner.cancel(task)):
            return  # queued or running already (a background one is queued again, ahead, for the screen)
        session = self._session
        self._pending[key] = self._runner.start(
            lambda _: compare_pair(session, left, right),
            lambda compared: self._compared(key, compared),
            lambda error: self._compare_failed(key, error),
            priority=priority,
        )

    def _compared(self, key: Pair, compared: Compared) -> None:
        self._pending.pop(key, None)
        self._cache[key] = compared
        while len(self._cache) > CACHE_LIMIT:
            self._cache.popitem(last=False)
        # Comparisons live long: keep the collector from walking them again and again, which on a large
        # folder grows into pauses of the whole window (measured: 200 ms at 300 copies).
        gc.freeze()
        self._tell_base_compared(key, compared)
        if key == self._wanted:
            self.shown.emit(compared)
        self._background_step(key)

    def _compare_failed(self, key: Pair, error: Exception) -> None:
        self._pending.pop(key, None)
        self._failed.add(key)
        self.problem.emit(f"{key[0]} and {key[1]}: the comparison failed: {type(error).__name__}: {error}")
        if key == self._wanted:
            self.shown_failed.emit()
        self._background_step(key)

    def _tell_base_compared(self, key: Pair, compared: Compared) -> None:
        if self._session is None or self.base is None or key[0] != self._session.articles[self.base].path:
            return
        row = self._session.index_of(key[1])
        if row is not None:
            self.base_compared.emit(row, compared)

    def _background_step(self, finished: Pair | None) -> None:
        """After `finished` (None: at the start), queue the next comparison of the base with a copy."""
        if finished is not None and finished != self._background_key:
            return
        self._background_key = None
        if self._background_held():
            return  # resumed by resume_background
        while self._background and self._session is not None and self.base is not None:
            key = self._key(self.base, self._background.popleft())
            if key in self._cache:
                self._tell_base_compared(key, self._cache[key])
            elif key not in self._failed:
                self._background_key = key
                if key not in self._pending:
                    self._request(self._session.index_of(key[0]), self._session.index_of(key[1]), PRIORITY_BACKGROUND)
                break
        done = self._background_total - len(self._background) - (self._background_key is not None)
        self.progress.emit(done, self._background_total)
