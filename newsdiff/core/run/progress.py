"""How long work reports its progress and learns that it is to stop."""

from __future__ import annotations

from collections.abc import Callable

# Called as progress(done, total) while work goes on.
Progress = Callable[[int, int], None]
# Polled by the work: it stops (raising AnalysisCancelled) once this returns True.
Cancelled = Callable[[], bool]


class AnalysisCancelled(Exception):
    """The caller's cancel flag was raised during the analysis."""
