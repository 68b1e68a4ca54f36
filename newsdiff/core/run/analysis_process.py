"""A folder analysis run in a process of its own, reporting its progress and stopping when asked.

The viewer's window must stay responsive while a folder of a thousand copies is analysed (about a minute of
work). In one of the window's threads the analysis would hold Python's global lock most of the time, and the
window, which needs that lock for every step, would crawl (measured for comparisons: repainting four times
slower). So the analysis runs in a spawned process; the caller's thread only waits on a queue of messages:
progress, then the result or the error. The child process ends with its parent (worker_process).
"""

from __future__ import annotations

import multiprocessing
import queue
import traceback
from collections.abc import Callable
from typing import Any

from newsdiff.core.run.progress import AnalysisCancelled, Cancelled, Progress
from newsdiff.core.run.worker_process import start_worker

# A job is called in the child as job(progress=…, cancelled=…), e.g. a partial of folder.analyse_articles.
Job = Callable[..., Any]

POLL_SECONDS = 0.1  # how often the waiting thread looks at its cancel flag and at the child's health
STOP_GRACE_SECONDS = 5.0  # after a cancel, how long the child may take to stop on its own before it is killed


def _child(job: Job, messages: Any, stop: Any) -> None:
    """The child process: run `job`, sending ("progress", done, total) messages, then ("done", result),
    ("cancelled",) or ("failed", text)."""
    start_worker(ignore_interrupts=True)
    try:
        result = job(
            progress=lambda done, total: messages.put(("progress", done, total)),
            cancelled=stop.is_set,
        )
    except AnalysisCancelled:
        messages.put(("cancelled",))
    except Exception as error:  # noqa: BLE001 - reported to the caller with its traceback
        messages.put(("failed", f"{type(error).__name__}: {error}", traceback.format_exc()))
    else:
        messages.put(("done", result))


class ProcessFailed(RuntimeError):
    """The job raised in the child process, or the child died; `details` holds what is known."""

    def __init__(self, message: str, details: str = "") -> None:
        super().__init__(message)
        self.details = details

    def __reduce__(self) -> tuple[type, tuple[str, str]]:
        # Pickled with its details, which pickle's default (the class called with `args`) would drop.
        return type(self), (str(self), self.details)


def run_in_process(job: Job, progress: Progress | None = None, cancelled: Cancelled | None = None) -> Any:
    """Run `job` in a new spawned process and return its result; `progress(done, total)` is called here as
    the child reports it, and `cancelled()` polled here. Raises AnalysisCancelled when cancelled (the
    child is stopped), ProcessFailed when the job raised or the child died."""
    context = multiprocessing.get_context("spawn")
    messages = context.Queue()
    stop = context.Event()
    # Not a daemon: the analysis starts worker processes of its own, which a daemon may not.
    child = context.Process(target=_child, args=(job, messages, stop), name="newsdiff-analysis", daemon=False)
    child.start()
    try:
        while True:
            if cancelled is not None and cancelled() and not stop.is_set():
                stop.set()
                child.join(STOP_GRACE_SECONDS)
                raise AnalysisCancelled()
            try:
                message = messages.get(timeout=POLL_SECONDS)
            except queue.Empty:
                if not child.is_alive():
                    raise ProcessFailed(f"the analysis process ended unexpectedly (exit code {child.exitcode})")
                continue
            kind = message[0]
            if kind == "progress":
                if progress is not None:
                    progress(message[1], message[2])
            elif kind == "done":
                return message[1]
            elif kind == "cancelled":
                raise AnalysisCancelled()
            else:
                raise ProcessFailed(message[1], message[2])
    finally:
        if child.is_alive():
            child.join(POLL_SECONDS)
        if child.is_alive():
            child.terminate()
            child.join()
        messages.close()
        messages.cancel_join_thread()
