"""The real window opened on a folder of seed copies made for one test (which the test may change)."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

from newsdiff.ui.main_window import MainWindow
from tests.conftest import seed
from tests.ui.test_main_window import WAIT, make_window, wait_for_work


def copies_folder(tmp_path: Path, prefixes: tuple[str, ...]) -> Path:
    """A new folder holding copies of the seed articles named by `prefixes`."""
    folder = tmp_path / "story"
    folder.mkdir()
    for prefix in prefixes:
        shutil.copy(seed(prefix), folder)
    return folder


def window_on(qtbot, tmp_path: Path, folder: Path) -> Iterator[MainWindow]:
    """For a fixture: the window with `folder` open and its first pair shown; closed after the test."""
    window = make_window(qtbot, tmp_path / "settings.ini")
    window.open_folder(str(folder))
    qtbot.waitUntil(lambda: window.comparison is not None, timeout=WAIT)
    yield window
    window.close()
    wait_for_work(window)
