"""Misspelling marks: words that are likely typos in their own copy, sparing names."""

from __future__ import annotations

import os
import sqlite3
import stat
import tempfile
import threading
from collections.abc import Iterable, Iterator, Mapping
from contextlib import closing
from dataclasses import dataclass
from functools import lru_cache
from importlib.metadata import version
from importlib.resources import files
from pathlib import Path

from breame.spelling import american_spelling_exists, british_spelling_exists, get_american_spelling
from symspellpy import SymSpell, Verbosity
from symspellpy.editdistance import DistanceAlgorithm, EditDistance

from newsdiff.core.model import Document, Misspelling, Side
from newsdiff.core.places import default_cache_dir
from newsdiff.core.text.normalize import WORD, typographic

_DICTIONARY = "frequency_dictionary_en_82_765.txt"
# Deletes are indexed over this many leading characters; 5 keeps the saved index small and quick to load
# (lookups still verify the whole word, so suggestions are the same).
_PREFIX_LENGTH = 5
# A word made of a known word and one of these endings is a derived word, not a typo (sellable, rebrandings).
_SUFFIXES = ("s", "es", "ed", "ing", "er", "ers", "able", "ible", "ness", "ly", "less", "ful", "ism", "ist",
             "ists", "ize", "ized", "ise", "ised", "ization", "isation", "ment", "ments", "ship", "wise")
_PREFIXES = ("un", "re", "pre", "non", "anti", "counter", "over", "under", "co", "de", "mis", "post", "mid", "ex")
# A derived word's stem, the word less its ending or prefix, has at least this many letters ("sellable": "sell");
# fewer spare more misspellings as derived words. Set when the engine was first written.
DERIVED_STEM_LETTERS = 3
# A compound is two known words of at least this many letters run together (videolink). Set at 4 with the engine
# fixes the syndication benchmark called for; fewer spare more misspellings as compounds.
COMPOUND_PART_LETTERS = 4
# A compound whose closest dictionary word is this many edits away is that word mistyped (deli+veered:
# "delivered"), not a compound.
COMPOUND_SLIP = 1
# Words shorter than this are not checked; lower checks more words. Set when the engine was first written.
CHECKED_LETTERS = 3
# Suggestions (and the index of deletes that finds them) reach this many edits from the word; symspellpy's
# default. More finds suggestions for worse misspellings, in a larger index (its saved file is named for it).
SUGGESTION_EDITS = 2
_lock = threading.Lock()


@lru_cache(maxsize=1)
def _word_counts() -> dict[str, int]:
    """Each word of symspellpy's bundled English frequency dictionary with its count, as load_dictionary reads
    them (the word, a space, the count)."""
    lines = (files("symspellpy") / _DICTIONARY).read_text(encoding="utf-8").splitlines()
    return {word: int(count) for word, count in (line.split(" ", 1) for line in lines if line)}


@lru_cache(maxsize=1)
def _known_words() -> frozenset[str]:
    """The words of symspellpy's bundled English frequency dictionary."""
    return frozenset(_word_counts())


def _index_path(cache_dir: Path) -> Path:
    """The saved index of deletes, named for everything that shapes it."""
    return cache_dir / f"symspell-{version('symspellpy')}-{_PREFIX_LENGTH}-{SUGGESTION_EDITS}.sqlite3"


def _empty_speller() -> SymSpell:
    """A symspellpy index without words, measuring distances with editdistpy's compiled Damerau-OSA: the same
    distances as symspellpy's default, which computes them in Python at a few milliseconds per lookup."""
    return SymSpell(
        max_dictionary_edit_distance=SUGGESTION_EDITS,
        prefix_length=_PREFIX_LENGTH,
        distance_comparer=EditDistance(DistanceAlgorithm.DAMERAU_OSA_FAST),
    )


class _SavedDeletes(Mapping[str, list[str]]):
    """symspellpy's index of deletes (a delete of a word's prefix -> the dictionary words it comes from), read
    from the saved SQLite file one key at a time, as lookups ask for them: opening it costs nothing.

    The file lies in a writable place, so nothing in it is trusted: SQLite data cannot run code, and a word it
    names that is not in the dictionary is dropped (symspellpy would fail on it)."""

    def __init__(self, connection: sqlite3.Connection, known: Mapping[str, int]) -> None:
        self._connection = connection
        self._known = known

    def __getitem__(self, key: str) -> list[str]:
        row = self._connection.execute("SELECT words FROM deletes WHERE key = ?", (key,)).fetchone()
        if row is None or not isinstance(row[0], str):
            raise KeyError(key)
        return [word for word in row[0].split(" ") if word in self._known]

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str) and bool(self._connection.execute(
            "SELECT 1 FROM deletes WHERE key = ?", (key,)
        ).fetchone())

    def __iter__(self) -> Iterator[str]:
        return (key for (key,) in self._connection.execute("SELECT key FROM deletes"))

    def __len__(self) -> int:
        return self._connection.execute("SELECT count(*) FROM deletes").fetchone()[0]


_SCHEMA = (
    "CREATE TABLE deletes (key TEXT PRIMARY KEY, words TEXT NOT NULL) WITHOUT ROWID",
    "CREATE TABLE made (symspellpy TEXT NOT NULL, prefix INTEGER NOT NULL, edits INTEGER NOT NULL, words INTEGER)",
)


def _made_by() -> tuple[str, int, int, int]:
    """What a saved index must have been made with to serve this process: the symspellpy version, its prefix
    length and edit distance, and the number of dictionary words."""
    return version("symspellpy"), _PREFIX_LENGTH, SUGGESTION_EDITS, len(_word_counts())


def _open_saved(path: Path) -> sqlite3.Connection | None:
    """The saved index, read-only, if it is a regular file of the expected tables made for this process's
    dictionary; None otherwise (missing, a FIFO or a folder, damaged, foreign, or for another version)."""
    try:
        if not stat.S_ISREG(os.stat(path).st_mode):
            return None  # a FIFO would block the read for ever; a device or folder is no index
        connection = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True, check_same_thread=False)
    except (OSError, sqlite3.Error, ValueError):
        return None
    try:
        # No function of the file's schema (views, triggers) runs outside its own tables.
        connection.execute("PRAGMA trusted_schema = OFF")
        schema = [sql for (sql,) in connection.execute(
            "SELECT sql FROM sqlite_master WHERE sql IS NOT NULL ORDER BY name"
        )]
        made = connection.execute("SELECT symspellpy, prefix, edits, words FROM made").fetchall()
        if schema == sorted(_SCHEMA, key=_table_name) and made == [_made_by()]:
            return connection
    except sqlite3.Error:
        pass
    connection.close()
    return None


def _table_name(create: str) -> str:
    return create.split()[2]


def _save(speller: SymSpell, path: Path) -> None:
    """Save the built index as an SQLite file beside `path`, then move it there in one step; nothing is left
    behind when that fails (a read-only folder, a folder at `path`)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, name = tempfile.mkstemp(dir=path.parent, prefix=".symspell-", suffix=".tmp")
    os.close(handle)
    temporary = Path(name)
    try:
        with closing(sqlite3.connect(temporary)) as connection:
            connection.execute("PRAGMA journal_mode = OFF")
            for create in _SCHEMA:
                connection.execute(create)
            connection.executemany(
                "INSERT INTO deletes VALUES (?, ?)", ((key, " ".join(words)) for key, words in speller.deletes.items())
            )
            connection.execute("INSERT INTO made VALUES (?, ?, ?, ?)", _made_by())
            connection.commit()
        os.replace(temporary, path)
    finally:
        temporary.unlink(missing_ok=True)


@lru_cache(maxsize=1)
def _speller() -> SymSpell:
    """symspellpy's index of the dictionary: its deletes read from the user's cache on demand, else built (2-3 s)
    and saved there. The words and their counts always come from symspellpy's own dictionary."""
    speller = _empty_speller()
    saved = _index_path(default_cache_dir())
    connection = _open_saved(saved)
    if connection is not None:
        # symspellpy has no public way to give an index its words and deletes but its pickle, which runs code.
        speller._words = _word_counts()
        speller._max_length = max(map(len, speller._words))
        speller._deletes = _SavedDeletes(connection, speller._words)
        return speller
    speller.load_dictionary(str(files("symspellpy") / _DICTIONARY), term_index=0, count_index=1)
    try:
        _save(speller, saved)
    except (OSError, sqlite3.Error):
        pass  # a read-only cache folder only costs the next process the build time
    return speller


def is_known(word: str) -> bool:
    """Whether a case-folded word is in the dictionary, in its British or its American spelling."""
    # Either side of the Atlantic: an American copy's "harbor" is as well spelt as a British one's "harbour".
    return word in _known_words() or american_spelling_exists(word) or british_spelling_exists(word)


def both_known_and_distinct(a: str, b: str) -> bool:
    """Whether two case-folded words are both dictionary words, and not one word spelt the British and the
    American way (labour, labor)."""
    return is_known(a) and is_known(b) and get_american_spelling(a) != get_american_spelling(b)


def _derived(word: str) -> bool:
    """Whether the word is a known word with a common prefix or ending."""
    for suffix in _SUFFIXES:
        stem = word[: -len(suffix)]
        if word.endswith(suffix) and len(stem) >= DERIVED_STEM_LETTERS and (is_known(stem) or is_known(stem + "e")):
            return True
    return any(
        word.startswith(prefix) and len(word) - len(prefix) >= DERIVED_STEM_LETTERS and is_known(word[len(prefix) :])
        for prefix in _PREFIXES
    )


def _compound(word: str) -> bool:
    """Whether the word is two known words of four letters or more run together (videolink)."""
    parts = range(COMPOUND_PART_LETTERS, len(word) - COMPOUND_PART_LETTERS + 1)
    return any(is_known(word[:k]) and is_known(word[k:]) for k in parts)


def is_candidate(word: str) -> bool:
    """Whether a word may be checked at all: lower-case letters only, CHECKED_LETTERS or more.

    Capitalised words are names or sentence starts; the dictionary cannot judge names, so they are spared.
    """
    return len(word) >= CHECKED_LETTERS and word.isalpha() and word.islower()


@lru_cache(maxsize=65536)
def check_word(word: str) -> tuple[bool, str | None]:
    """Whether a lower-case word looks misspelt, and the closest dictionary word if there is one.

    A compound of known words is spared unless one letter away from a dictionary word (deli+veered is
    "delivered" mistyped, not a compound).
    """
    if is_known(word) or _derived(word):
        return False, None
    with _lock:
        found = _speller().lookup(word, Verbosity.TOP, max_edit_distance=SUGGESTION_EDITS)
    suggestion = found[0].term if found else None
    if _compound(word) and not (found and found[0].distance == COMPOUND_SLIP):
        return False, None
    return True, suggestion


def document_words(doc: Document) -> set[str]:
    """The case-folded words of a document."""
    return {m.group().casefold() for m in WORD.finditer(typographic(doc.text))}


@dataclass(frozen=True)
class Suspect:
    """A word of a document that looks misspelt, unless another copy spells it so too."""

    word: str  # in typographic form, as spelt there and looked up
    start: int
    end: int
    suggestion: str | None


def suspects(doc: Document) -> tuple[Suspect, ...]:
    """The words of a document's sentences that look misspelt, in text order; whatever it is compared with."""
    found: list[Suspect] = []
    text = typographic(doc.text)
    for sentence in doc.sentences:
        for match in WORD.finditer(text, sentence.start, sentence.end):
            word = match.group()
            if not is_candidate(word):
                continue
            wrong, suggestion = check_word(word)
            if wrong:
                found.append(Suspect(word, match.start(), match.end(), suggestion))
    return tuple(found)


def misspellings(
    doc: Document, side: Side, suspected: Iterable[Suspect], spared: Iterable[str] = ()
) -> list[Misspelling]:
    """Likely typos of a document, from its suspects; words in `spared` (seen in other copies) are taken as
    spelt on purpose."""
    spared = set(spared)
    return [
        Misspelling(side, s.start, s.end, doc.text[s.start : s.end], s.suggestion)
        for s in suspected
        if s.word not in spared
    ]
