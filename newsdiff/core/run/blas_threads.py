"""One BLAS thread while newsdiff compares: its matrix products are small (sentences by sentences, words by words).

OpenBLAS hands a product of more than about 260,000 multiply-adds to all cores; waking its threads costs more
than such a product takes, and on a busy machine the woken threads spin and take the cores from the Python code
around them (a comparison of two short articles took 50 ms instead of 10). The thread count does not change
the products' results. OpenBLAS takes the count from the main thread only: elsewhere the limit changes nothing.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from functools import lru_cache

from threadpoolctl import ThreadpoolController


class _Limit:
    """How many bodies run under the limit now, and the limiter that restores the libraries after the last."""

    lock = threading.Lock()
    depth = 0
    limiter = None


@lru_cache(maxsize=1)
def _controller() -> ThreadpoolController:
    """The thread pools of the BLAS libraries loaded at the first comparison (numpy's and scipy's)."""
    return ThreadpoolController()


@contextmanager
def one_blas_thread() -> Iterator[None]:
    """Run the body with the BLAS libraries on one thread; their own count is back once no body runs (nested
    bodies, or bodies in several threads, share one limit)."""
    with _Limit.lock:
        if _Limit.depth == 0:
            _Limit.limiter = _controller().limit(limits=1, user_api="blas")
        _Limit.depth += 1
    try:
        yield
    finally:
        with _Limit.lock:
            _Limit.depth -= 1
            if _Limit.depth == 0:
                _Limit.limiter.restore_original_limits()
                _Limit.limiter = None
