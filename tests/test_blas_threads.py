"""The BLAS thread limit around comparisons: one thread inside, the libraries' own count back after the last body."""

from __future__ import annotations

import threading

from threadpoolctl import ThreadpoolController

from newsdiff.core.blas_threads import one_blas_thread


def _blas_threads() -> list[int]:
    return [pool["num_threads"] for pool in ThreadpoolController().info() if pool["user_api"] == "blas"]


def test_one_thread_inside_and_the_count_restored_after() -> None:
    before = _blas_threads()
    with one_blas_thread():
        assert set(_blas_threads()) <= {1}
    assert _blas_threads() == before


def test_bodies_in_several_threads_share_the_limit_until_the_last_ends() -> None:
    before = _blas_threads()
    first_inside, second_done = threading.Event(), threading.Event()
    seen: list[list[int]] = []

    def first() -> None:
        with one_blas_thread():
            first_inside.set()
            second_done.wait(timeout=30)
            seen.append(_blas_threads())

    worker = threading.Thread(target=first)
    worker.start()
    first_inside.wait(timeout=30)
    with one_blas_thread():
        pass
    second_done.set()
    worker.join(timeout=30)
    # The second body ended first, yet the first still ran on one thread.
    assert seen and set(seen[0]) <= {1}
    assert _blas_threads() == before
