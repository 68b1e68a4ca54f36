"""Misspelling marks (pair/spelling.py): likely typos with a suggestion, sparing names and either spelling of
English."""

from __future__ import annotations

import json
import os
import pickle
import subprocess
import sys
from importlib.metadata import version
from pathlib import Path

from newsdiff.core.model import Kind, Side
from newsdiff.core.pair import spelling
from newsdiff.core.pair.compare import compare
from newsdiff.core.read.articles import Article
from tests.core.pair.comparisons import pair

NAMES = ("Zelenskyy", "Zelensky", "Witkoff", "Pokrovsk", "Peskov", "Kursk", "Kyiv", "Sumy")


def test_misspellings_in_000_are_marked_with_suggestion() -> None:
    marks = {m.word: m for m in pair("003", "000").misspellings if m.side is Side.RIGHT}
    assert "anihilate" in marks and "lifepostm" in marks
    assert marks["anihilate"].suggestion == "annihilate"


def test_american_and_british_spellings_are_both_spelt_right() -> None:
    british = Article.from_text(
        "The labour minister said neighbours of the harbour theatre had travelled far to see their favourite "
        "play. The goverment denied it."
    )
    american = Article.from_text(
        "The labor minister said neighbors of the harbor theater had traveled far to see their favorite play. "
        "The government denied it."
    )
    for comparison in (compare(british, american), compare(american, british)):
        assert {m.word for m in comparison.misspellings} == {"goverment"}  # the slip is found, the spellings spared
    assert compare(american, american).misspellings == ()


def test_no_misspelling_mark_on_names_in_any_pair() -> None:
    prefixes = ("000", "001", "002", "003", "004")
    for left in prefixes:
        for right in prefixes:
            if left < right:
                words = {m.word.casefold() for m in pair(left, right).misspellings}
                assert not words & {n.casefold() for n in NAMES}, (left, right, words)


def test_mistyped_ordinal_is_a_typo_and_mistyped_compound_is_a_misspelling() -> None:
    left = Article.from_text("The committee delivered the first verdict of the year on Monday morning.")
    right = Article.from_text("The committee deliveered the firat verdict of the year on Monday morning.")
    comparison = compare(left, right)
    (link,) = comparison.links
    assert link.kind is Kind.TYPO
    assert {m.word: m.suggestion for m in comparison.misspellings}.get("deliveered") == "delivered"


# The spelling index in the user's cache folder: a writable place, so whatever lies there is never run and never
# trusted. Each case runs in a process of its own, with its own cache folder, so that a hang is a failure.
_WORDS = ("goverment", "anihilate", "deliveered", "recieve", "beleive", "xqzvw")
_LOOKUP = (
    "import json\n"
    "from newsdiff.core.pair import spelling\n"
    f"print(json.dumps([spelling.check_word(w) for w in {_WORDS!r}]))\n"
    "print(type(spelling._speller()._deletes).__name__)\n"
)


def _look_up(cache_home: Path) -> tuple[list, str]:
    """The check of _WORDS in a fresh process whose cache folder is under `cache_home`, and which kind of index of
    deletes it used."""
    done = subprocess.run(
        [sys.executable, "-c", _LOOKUP], env={**os.environ, "XDG_CACHE_HOME": str(cache_home)},
        capture_output=True, text=True, timeout=120, check=True,
    )
    found, kind = done.stdout.splitlines()
    return json.loads(found), kind


def _index_path(cache_home: Path) -> Path:
    folder = cache_home / "newsdiff"
    folder.mkdir(parents=True, exist_ok=True)
    return spelling._index_path(folder)


class _Planted:
    """A pickle that creates a file when it is loaded."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self) -> tuple:
        return open, (str(self.marker), "w")


def test_a_pickle_planted_in_the_cache_runs_nothing(tmp_path: Path) -> None:
    marker = tmp_path / "ran"
    planted = pickle.dumps(_Planted(marker))
    index = _index_path(tmp_path)
    # Where the index lies now, and where symspellpy's pickle lay before.
    for path in (index, index.parent / f"symspell-{version('symspellpy')}-5.pickle"):
        path.write_bytes(planted)
    found, _ = _look_up(tmp_path)
    assert not marker.exists()
    assert found[0] == [True, "government"]


def test_the_saved_index_suggests_what_the_built_one_does(tmp_path: Path) -> None:
    built, built_kind = _look_up(tmp_path)
    saved, saved_kind = _look_up(tmp_path)
    assert (built_kind, saved_kind) == ("defaultdict", "_SavedDeletes")
    assert saved == built
    assert built[:3] == [[True, "government"], [True, "annihilate"], [True, "delivered"]]


def test_a_damaged_index_is_replaced(tmp_path: Path) -> None:
    index = _index_path(tmp_path)
    index.write_bytes(b"SQLite format 3\x00" + bytes(range(256)) * 64)
    found, kind = _look_up(tmp_path)
    assert kind == "defaultdict" and found[0] == [True, "government"]
    assert _look_up(tmp_path) == (found, "_SavedDeletes")


def test_a_fifo_or_folder_at_the_index_path_neither_hangs_nor_leaves_files(tmp_path: Path) -> None:
    for case, make in (("fifo", os.mkfifo), ("folder", os.mkdir)):
        home = tmp_path / case
        index = _index_path(home)
        make(index)
        found, _ = _look_up(home)  # within the time-out
        assert found[0] == [True, "government"]
        assert [p.name for p in index.parent.iterdir()] == [index.name], case
