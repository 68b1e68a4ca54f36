"""Every error that crosses a process boundary (the analysis process, the comparison workers) survives pickling."""

from __future__ import annotations

import pickle

import pytest

from newsdiff.core.output.safe_write import OutputExistsError, OutputIsInputError
from newsdiff.core.read.articles import ArticleError
from newsdiff.core.read.decoding import ContentError
from newsdiff.core.run.analysis_process import ProcessFailed
from newsdiff.core.run.progress import AnalysisCancelled

ERRORS = [
    ArticleError("/folder/caf\udce9.txt", "binary file (it contains NUL bytes)"),
    ContentError("undecodable: its bytes fit no text encoding"),
    ProcessFailed("ValueError: boom", "Traceback (most recent call last): …"),
    AnalysisCancelled(),
    OutputExistsError("/out/report.html"),
    OutputIsInputError("/folder/huge.txt"),
]


def _fields(error: BaseException) -> dict[str, object]:
    return {"type": type(error), "message": str(error), **vars(error)}


@pytest.mark.parametrize("error", ERRORS, ids=lambda error: type(error).__name__)
def test_each_error_round_trips_through_pickle(error: BaseException) -> None:
    again = pickle.loads(pickle.dumps(error))
    assert _fields(again) == _fields(error)


def test_every_error_class_of_newsdiff_is_listed_above() -> None:
    import newsdiff.core.folder.analysis  # noqa: F401 - imports every stage: their error classes exist
    import newsdiff.core.output.report  # noqa: F401

    def subclasses(cls: type) -> set[type]:
        return {cls} | {s for sub in cls.__subclasses__() for s in subclasses(sub)}

    ours = {c for c in subclasses(BaseException) if c.__module__.startswith("newsdiff.") and c.__name__[0] != "_"}
    assert ours == {type(error) for error in ERRORS}
