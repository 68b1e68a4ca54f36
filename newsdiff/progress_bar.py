"""A progress bar on a terminal stream for long commands; silent when the stream is not a terminal."""

from __future__ import annotations

import time
from typing import TextIO

_WIDTH = 30
# Redraw at most this often: a folder of 1,000 articles reports 2,000 steps.
_INTERVAL = 0.1


class ProgressBar:
    """`update(done, total)` redraws a bar in place on `stream` if it is a terminal; `clear()` erases it."""

    def __init__(self, stream: TextIO, label: str) -> None:
        self._stream, self._label = stream, label
        self._active = stream.isatty()
        self._drawn = 0.0
        self._shown = False

    def update(self, done: int, total: int) -> None:
        """Show `done` of `total` units of work."""
        now = time.monotonic()
        if not self._active or (now - self._drawn < _INTERVAL and done < total):
            return
        self._drawn = now
        filled = _WIDTH * done // total if total else _WIDTH
        percent = 100 * done // total if total else 100
        self._stream.write(f"\r{self._label} [{'#' * filled}{'.' * (_WIDTH - filled)}] {percent:3d}%")
        self._stream.flush()
        self._shown = True

    def clear(self) -> None:
        """Erase the bar, leaving the cursor at the start of an empty line."""
        if self._shown:
            self._stream.write("\r\x1b[K")
            self._stream.flush()
            self._shown = False
