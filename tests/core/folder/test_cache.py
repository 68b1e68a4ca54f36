"""The analysis cache is data that is not trusted: planted, damaged or odd entries are dropped and recomputed."""

from __future__ import annotations

import os
import sqlite3
import stat
import threading
from pathlib import Path

import pytest

from newsdiff.core.folder.analysis import FolderAnalysis, analyse_folder
from newsdiff.core.folder.cache import _FILE
from tests.conftest import seed

DEEP = b"[" * 200_000 + b"]" * 200_000  # deeper than Python's JSON parser goes: RecursionError


@pytest.fixture(scope="module")
def story(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Three copies of one story, one of them carrying only part of the base."""
    folder = tmp_path_factory.mktemp("story")
    for prefix in ("000", "002", "003"):
        (folder / seed(prefix).name).write_bytes(seed(prefix).read_bytes())
    return folder


@pytest.fixture(scope="module")
def fresh(story: Path) -> FolderAnalysis:
    return analyse_folder(story, workers=1)


def _figures(analysis: FolderAnalysis) -> list[tuple[str, float]]:
    return [(a.sha256, a.carries) for a in analysis.articles]


def _plant(cache: Path, kind: str, value: bytes) -> int:
    """Replace every stored value of `kind` with `value`; how many there were."""
    with sqlite3.connect(cache / _FILE) as db:
        return db.execute("UPDATE entries SET value = ? WHERE kind = ?", (value, kind)).rowcount


def _values(cache: Path, kind: str) -> list[bytes]:
    with sqlite3.connect(cache / _FILE) as db:
        return [bytes(v) for (v,) in db.execute("SELECT value FROM entries WHERE kind = ?", (kind,))]


@pytest.mark.parametrize(
    ("kind", "value"),
    [
        ("carried", b"[" + b",".join(str(i).encode() for i in range(10_000)) + b"]"),  # every copy 100%
        ("carried", b"[0, 0, true, -1]"),
        ("carried", DEEP),
        ("sentences", DEEP),
        ("sentences", b"[[5, 3], [0, 99999999]]"),
        ("features", b"\x10\x00\x00\x00" + b'{"paragraphs":1}'),
        ("features", len(DEEP).to_bytes(4, "little") + DEEP),
    ],
    ids=["every index", "wrong numbers", "deep carried", "deep sentences", "spans out of range", "bad header",
         "deep header"],
)
def test_a_planted_entry_is_dropped_and_recomputed(
    story: Path, fresh: FolderAnalysis, tmp_path: Path, kind: str, value: bytes
) -> None:
    cache = tmp_path / "cache"
    analyse_folder(story, cache_dir=cache, workers=1)
    assert _plant(cache, kind, value) > 0
    again = analyse_folder(story, cache_dir=cache, workers=1)
    assert _figures(again) == _figures(fresh)
    assert min(a.carries for a in again.articles) < 1
    assert value not in _values(cache, kind)  # stored again, right


def test_a_damaged_database_is_rebuilt(story: Path, fresh: FolderAnalysis, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    cache.mkdir(mode=0o700)
    (cache / _FILE).write_bytes(b"this is not an SQLite database" * 100)
    assert _figures(analyse_folder(story, cache_dir=cache, workers=1)) == _figures(fresh)
    assert _values(cache, "carried")  # a database again, filled


@pytest.mark.parametrize("odd", ["pipe", "folder"])
def test_a_pipe_or_a_folder_at_the_cache_path_neither_hangs_nor_leaks(
    story: Path, fresh: FolderAnalysis, tmp_path: Path, odd: str
) -> None:
    cache = tmp_path / "cache"
    cache.mkdir(mode=0o700)
    if odd == "pipe":
        os.mkfifo(cache / _FILE)
    else:
        (cache / _FILE).mkdir()
    found: list[FolderAnalysis] = []
    worker = threading.Thread(target=lambda: found.append(analyse_folder(story, cache_dir=cache, workers=1)))
    worker.daemon = True
    worker.start()
    worker.join(60)
    assert not worker.is_alive(), "the analysis waits on the cache path"
    assert _figures(found[0]) == _figures(fresh)
    assert sorted(p.name for p in cache.iterdir()) == [_FILE]  # nothing left behind


def test_a_cache_others_could_write_is_not_trusted(story: Path, fresh: FolderAnalysis, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    analyse_folder(story, cache_dir=cache, workers=1)
    _plant(cache, "carried", b"[0]")  # a valid-looking lie
    cache.chmod(0o777)
    assert _figures(analyse_folder(story, cache_dir=cache, workers=1)) == _figures(fresh)
    assert stat.S_IMODE(cache.stat().st_mode) == 0o700
