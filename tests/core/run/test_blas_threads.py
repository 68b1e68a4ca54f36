"""The BLAS thread limit around comparisons: one thread inside, the libraries' own count back after the last body."""

from __future__ import annotations

from threadpoolctl import ThreadpoolController

from newsdiff.core.run.blas_threads import one_blas_thread


def _blas_threads() -> list[int]:
    return [pool["num_threads"] for pool in ThreadpoolController().info() if pool["user_api"] == "blas"]


def test_one_thread_inside_and_the_count_restored_after() -> None:
    before = _blas_threads()
    with one_blas_thread():
        assert set(_blas_threads()) <= {1}
    assert _blas_threads() == before


def test_nested_bodies_share_the_limit_until_the_outer_ends() -> None:
    before = _blas_threads()
    with one_blas_thread():
        with one_blas_thread():
            pass
        # The inner body has ended, yet the outer still runs on one thread.
        assert set(_blas_threads()) <= {1}
    assert _blas_threads() == before
