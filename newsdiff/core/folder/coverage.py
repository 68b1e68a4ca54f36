"""Which sentences of a base copy each other copy carries, by the comparison engine, over worker processes.

A sentence is carried when the engine links it (shared, typo or paraphrase). Coverage needs only that
decision, so it runs the first half of `compare` (segmentation, sentence features, alignment) and skips
what follows (kinds, word edits, altered and misspelling marks, display rows): measured on 60 same-story
pairs of a generated folder, 1-2 ms a pair instead of 6 ms once the copies are prepared (about 21 ms instead
of 30-42 ms with their preparation). tests/test_folder.py checks it agrees with `compare`.

A folder of 1,000 copies needs about 1,000 of these: they run in a pool of worker processes when there
are many (each worker loads the engine's models once), in this process otherwise. Workers are started
with the spawn method (safe when the caller runs threads, as the GUI does) and ignore Ctrl+C: the caller
stops them when it is interrupted or cancelled.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import threading
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from newsdiff.core.model import Span
from newsdiff.core.pair.compare import link_groups, prepare
from newsdiff.core.read.articles import Article
from newsdiff.core.run.worker_process import start_worker

# Below this many comparisons (at a few milliseconds each), starting workers (a few seconds each to load models)
# costs more than it saves. Speed only: the coverage is the same in workers or not.
POOL_MIN_COMPARISONS = 100
# At most this many worker processes, whatever the processors: each holds the engine's models in memory.
MAX_WORKERS = 4
# A base's comparisons go to the workers in chunks of this many: few messages, yet a large story is
# shared evenly between the workers (1: a message a comparison; larger: fewer, less even).
CHUNK = 16


@dataclass(frozen=True)
class Job:
    """A base copy and some other copies of its story to compare it with (none: only its sentences).

    `key` is the caller's: results come back in any order, and from other processes.
    """

    key: int
    base: Article
    others: tuple[Article, ...]


@dataclass(frozen=True)
class JobResult:
    """The base's sentences, and for each other copy of the job the indices of the base sentences it carries."""

    key: int
    sentences: tuple[Span, ...]
    carried: tuple[frozenset[int], ...]


def carried(base: Article, other: Article) -> frozenset[int]:
    """The indices of the sentences of `base` that `other` carries: those `compare(base, other)` links."""
    left, right = prepare(base), prepare(other)
    groups = link_groups(left, right)
    return frozenset(i for group in groups for i in group.left)


def run_job(job: Job) -> JobResult:
    """Compare the job's base with each of its other copies."""
    sentences = tuple(Span(s.start, s.end) for s in prepare(job.base).document.sentences)
    return JobResult(job.key, sentences, tuple(carried(job.base, other) for other in job.others))


def chunks(items: Sequence[int]) -> list[list[int]]:
    """The items in consecutive chunks of at most CHUNK (one empty chunk when there are none)."""
    return [list(items[k : k + CHUNK]) for k in range(0, len(items), CHUNK)] or [[]]


def worker_count() -> int:
    """How many worker processes to use: the processors this process may run on, at most MAX_WORKERS."""
    try:
        available = len(os.sched_getaffinity(0))
    except AttributeError:
        available = os.cpu_count() or 1
    return max(1, min(MAX_WORKERS, available))


def run_jobs(jobs: Sequence[Job], *, workers: int | None = None) -> Iterator[JobResult]:
    """The results of the jobs, in any order; worker processes are used when the work is large enough.

    Closing the iterator early (or an exception in the consumer) stops the workers at once.
    """
    comparisons = sum(len(job.others) for job in jobs)
    workers = worker_count() if workers is None else workers
    if workers <= 1 or comparisons < POOL_MIN_COMPARISONS:
        yield from map(run_job, jobs)
        return
    context = multiprocessing.get_context("spawn")
    # Children inherit an ignored SIGINT through exec, so a Ctrl+C while they start up cannot interrupt
    # them with a traceback either; only the main thread may change signal handlers.
    in_main_thread = threading.current_thread() is threading.main_thread()
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN) if in_main_thread else None
    try:
        pool = context.Pool(min(workers, len(jobs)), initializer=start_worker, initargs=(True,))
    finally:
        if in_main_thread:
            signal.signal(signal.SIGINT, previous)
    try:
        # Largest jobs first, so that no long job starts last.
        ordered = sorted(jobs, key=lambda job: -len(job.others))
        yield from pool.imap_unordered(run_job, ordered)
    finally:
        pool.terminate()
        pool.join()
