"""The viewer opening a generated folder of 1,000 articles of ~800 words (tests/synthetic_folder.py): the list,
the suggested base and the first pair, then the folder overview's analysis with its progress bar.

Measured in the same run, each from an empty cache:
- the viewer: seconds until the list is shown, seconds until the overview is ready, the longest time the
  GUI event loop went without turning (a 10 ms timer's longest gap) over the whole opening, and the peak
  memory of the viewer with all its processes (sampled every half second); then the same folder opened
  again, served by the cache;
- the baseline: the same viewer with the analysis run in one of its worker threads instead of its own
  process, the same figures.
The goals (issue #5): under 60 s on 2 cores, under 2 GB, the event loop never blocked for more than 200 ms.

Run: QT_QPA_PLATFORM=offscreen .venv/bin/python -m pytest benchmarks/bench_ui_overview.py --benchmark-only -s
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import sys  # noqa: E402
import time  # noqa: E402
from pathlib import Path  # noqa: E402

import pytest  # noqa: E402
from PySide6.QtCore import QSettings, QThreadPool, QTimer  # noqa: E402

from newsdiff.core.folder.transport import pack, similarity_matrix, unpack  # noqa: E402
from newsdiff.ui.main_window import MainWindow  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))
from synthetic_folder import generate_folder  # noqa: E402  (a test utility)

ARTICLES = 1000
TICK_MS = 10
MEMORY_EVERY = 50  # ticks
LIMIT_S = 300.0


def tree_megabytes() -> float:
    """The resident memory of this process and all its descendants (comparison, analysis, worker
    processes), in MB, read from /proc (Linux)."""
    parents: dict[int, int] = {}
    resident: dict[int, int] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
                parents[int(entry.name)] = int(fields[1])
                resident[int(entry.name)] = int(fields[21]) * os.sysconf("SC_PAGE_SIZE")
            except (OSError, IndexError, ValueError):
                continue
    tree, grown = {os.getpid()}, True
    while grown:
        found = {pid for pid, parent in parents.items() if parent in tree} - tree
        tree |= found
        grown = bool(found)
    return sum(resident.get(pid, 0) for pid in tree) / 2**20


class GapRecorder:
    """A timer ticking every TICK_MS: the longest gap between two ticks is the longest the loop was blocked.
    Every MEMORY_EVERY ticks it also samples the memory of the process tree."""

    def __init__(self) -> None:
        self.gaps: list[float] = []
        self.peak_megabytes = 0.0
        self._last = time.perf_counter()
        self.timer = QTimer()
        self.timer.timeout.connect(self._tick)
        self.timer.start(TICK_MS)

    def _tick(self) -> None:
        now = time.perf_counter()
        self.gaps.append((now - self._last) * 1000)
        if len(self.gaps) % MEMORY_EVERY == 0:
            self.peak_megabytes = max(self.peak_megabytes, tree_megabytes())
        self._last = time.perf_counter()  # the sampling's own time is not the event loop's

    def stop(self) -> dict[str, float]:
        self.timer.stop()
        ordered = sorted(self.gaps)
        return {
            "longest_gap_ms": round(ordered[-1]),
            "p99_gap_ms": round(ordered[int(len(ordered) * 0.99)]),
            "ticks": len(ordered),
            "peak_memory_mb_all_processes": round(self.peak_megabytes),
        }


def _wait(qapp, done, seconds: float = LIMIT_S) -> float:
    started = time.perf_counter()
    while not done():
        if time.perf_counter() - started > seconds:
            raise TimeoutError("gave up waiting")
        qapp.processEvents()
        time.sleep(0.002)
    return time.perf_counter() - started


@pytest.fixture(scope="module")
def folder(tmp_path_factory) -> Path:
    return generate_folder(tmp_path_factory.mktemp("generated") / "folder", ARTICLES, seed=1).folder


@pytest.fixture
def fresh_cache(tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))


def _in_this_process(job, progress, cancelled):
    """The baseline: the analysis in the window's own worker thread, as it would run without its process."""
    packed = pack(job(progress=progress, cancelled=cancelled))
    return unpack(packed), similarity_matrix(packed)


@pytest.mark.parametrize("where", ["own-process", "window-thread"])
def test_viewer_opens_1000_articles(
    benchmark, qapp, folder: Path, fresh_cache, tmp_path, monkeypatch, where: str
) -> None:
    benchmark.group = "overview-1000"
    if where == "window-thread":
        monkeypatch.setattr("newsdiff.ui.main_window.analyse_in_process", _in_this_process)
    window = MainWindow(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    window.resize(1280, 800)
    window.show()
    figures: dict[str, float] = {}

    def open_and_analyse() -> None:
        recorder = GapRecorder()
        window.open_folder(str(folder))
        figures["list_shown_s"] = _wait(qapp, lambda: window.session is not None)
        figures["overview_ready_s"] = figures["list_shown_s"] + _wait(qapp, lambda: window.analysis is not None)
        window.tabs.setCurrentWidget(window.folder_overview)
        qapp.processEvents()
        figures.update(recorder.stop())

    benchmark.pedantic(open_and_analyse, rounds=1, iterations=1)
    # the same folder again: features and coverage come from the cache
    first = window.session
    recorder = GapRecorder()
    window.open_folder(str(folder))
    figures["reopened_overview_ready_s"] = _wait(qapp, lambda: window.session is not first and window.analysis is not None)
    figures["reopened_longest_gap_ms"] = recorder.stop()["longest_gap_ms"]
    benchmark.extra_info.update(figures)
    print(f"\nviewer, 1,000 articles, analysis in its {where}: {figures}")
    assert len(window.analysis.articles) == ARTICLES and window.folder_overview.heat_map.model().rowCount() == ARTICLES
    window.close()
    for pool in window.findChildren(QThreadPool):  # the window's worker threads
        pool.waitForDone()
