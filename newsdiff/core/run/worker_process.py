"""Set-up for newsdiff's worker processes: they end when the process that started them ends.

A pool's worker waits on its task queue and never learns that its parent is gone when the parent is killed
(SIGKILL, a crash, a session ending): measured, a killed viewer left its comparison process (about 230 MB)
running for good. Each worker therefore watches its parent and exits with it.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import threading
from multiprocessing.connection import wait


def _exit_when_parent_ends() -> None:
    parent = multiprocessing.parent_process()
    if parent is None:
        return

    def watch() -> None:
        wait([parent.sentinel])
        os._exit(1)  # the parent is gone: nothing to report to, no clean-up owed to anyone

    threading.Thread(target=watch, name="parent-watch", daemon=True).start()


def start_worker(ignore_interrupts: bool = False) -> None:
    """Prepare this worker process (a pool's initializer): exit when the parent ends; optionally ignore
    Ctrl+C, which the parent handles by stopping the pool."""
    if ignore_interrupts:
        signal.signal(signal.SIGINT, signal.SIG_IGN)
    _exit_when_parent_ends()
