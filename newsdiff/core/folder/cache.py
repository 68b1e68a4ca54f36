"""A disk cache of the folder analysis, keyed by the SHA-256 of article texts, so a folder reopens fast.

One SQLite file in the user's cache folder (`$XDG_CACHE_HOME/newsdiff`, else `~/.cache/newsdiff`).
Entries carry the version of what produced them, so an upgrade never reads stale results; entries of
other versions, and entries unused for KEEP_DAYS, are dropped when the cache is opened. The cache is only
an accelerator: when it cannot be opened or written, the analysis goes on without it.

What it holds is data, never code, and is not trusted: the folder must be the user's own (it is made private,
and a file that others could have written there is dropped), a value that is not well-formed JSON (or nests
too deep to read) is dropped, and callers check the shape and ranges of what they read (`drop` what fails). A
file that is not a database (corrupt, truncated) is rebuilt; anything else at its path (a folder, a pipe)
leaves the analysis without a cache rather than waiting on it.
"""

from __future__ import annotations

import json
import os
import sqlite3
import stat
import time
from pathlib import Path
from typing import Any

from newsdiff import __version__

# Entries unused for this many days are dropped when the cache is opened: a folder reopened within two months
# stays fast; fewer keep the file smaller.
KEEP_DAYS = 60
# Seconds an access waits for another connection to the file (another window, the analysis process) to let it go.
LOCK_WAIT = 10
_FILE = "folder-analysis.sqlite3"
_SCHEMA = """
CREATE TABLE IF NOT EXISTS entries (
    kind TEXT NOT NULL, key TEXT NOT NULL, version TEXT NOT NULL, value BLOB NOT NULL, used INTEGER NOT NULL,
    PRIMARY KEY (kind, key)
)
"""


# SQLite's result codes for a file that is not a database or is damaged: it is then rebuilt.
_DAMAGED = frozenset({"SQLITE_CORRUPT", "SQLITE_NOTADB"})
_OTHERS_WRITE = stat.S_IWGRP | stat.S_IWOTH


def _today() -> int:
    return int(time.time() // 86400)


def _owned(status: os.stat_result) -> bool:
    """Whether this user owns the file (always true where files have no owner: Windows)."""
    return not hasattr(os, "geteuid") or status.st_uid == os.geteuid()


def _prepare(directory: Path) -> Path | None:
    """The database path in `directory`, made ready to open: the folder private, nothing but a file of this
    user's at the path (a file others could have written is removed); None if the cache cannot be used."""
    directory.mkdir(parents=True, exist_ok=True, mode=0o700)
    folder = os.lstat(directory)
    if not stat.S_ISDIR(folder.st_mode) or not _owned(folder):
        return None  # a link, or another user's folder: not ours to trust
    others_could_write = bool(folder.st_mode & _OTHERS_WRITE)
    if folder.st_mode & 0o077 and hasattr(os, "geteuid"):
        os.chmod(directory, 0o700)
    path = directory / _FILE
    try:
        found = os.lstat(path)
    except FileNotFoundError:
        return path
    if stat.S_ISDIR(found.st_mode):
        return None  # a folder is never removed: the analysis goes on without a cache
    if not stat.S_ISREG(found.st_mode) or not _owned(found) or others_could_write:
        path.unlink()  # a pipe, a link, or a file that someone else could have written: rebuilt
    return path


class AnalysisCache:
    """Values stored by kind and key (JSON-able values or bytes); a disabled cache stores nothing."""

    def __init__(self, directory: Path | None, version: str) -> None:
        self.version = f"{__version__}/{version}"
        self._db: sqlite3.Connection | None = None
        self._pending: list[tuple[str, str, str, bytes, int]] = []
        self._hits: list[tuple[int, str, str]] = []
        self._dropped: list[tuple[str, str]] = []
        self._path: Path | None = None
        if directory is None:
            return
        try:
            self._path = _prepare(directory)
            if self._path is not None:
                self._open()
        except sqlite3.DatabaseError as error:
            if not self._rebuild_if_damaged(error):
                self._close()
        except (OSError, sqlite3.Error):
            self._close()

    def _open(self) -> None:
        self._db = sqlite3.connect(self._path, timeout=LOCK_WAIT, check_same_thread=False)
        with self._db:
            self._db.execute(_SCHEMA)
            self._db.execute("DELETE FROM entries WHERE version != ? OR used < ?", (self.version, _today() - KEEP_DAYS))

    def _close(self) -> None:
        if self._db is not None:
            self._db.close()
            self._db = None

    def _rebuild_if_damaged(self, error: sqlite3.DatabaseError) -> bool:
        """Whether `error` says the file is not a database or is damaged; then a new one is started in its place
        (left as it is, a damaged file would make every later run cold), or the run goes on without a cache."""
        if getattr(error, "sqlite_errorname", "") not in _DAMAGED or self._path is None:
            return False
        self._close()
        try:
            self._path.unlink(missing_ok=True)
            self._open()
        except (OSError, sqlite3.Error):
            self._close()
        return True

    def get_bytes(self, kind: str, key: str) -> bytes | None:
        """The stored bytes for (kind, key) by this version, or None."""
        if self._db is None:
            return None
        try:
            row = self._db.execute(
                "SELECT value FROM entries WHERE kind = ? AND key = ? AND version = ?", (kind, key, self.version)
            ).fetchone()
        except sqlite3.DatabaseError as error:
            self._rebuild_if_damaged(error)
            return None
        if row is None:
            return None
        if not isinstance(row[0], bytes):
            self.drop(kind, key)
            return None
        self._hits.append((_today(), kind, key))
        return row[0]

    def get(self, kind: str, key: str) -> Any:
        """The stored JSON value for (kind, key) by this version, or None (a value that cannot be read is dropped).

        The caller checks that the value has the shape and ranges it expects, and drops it if not.
        """
        data = self.get_bytes(kind, key)
        if data is None:
            return None
        try:
            return json.loads(data)
        except (ValueError, RecursionError):  # RecursionError: nested deeper than the parser goes
            self.drop(kind, key)
            return None

    def drop(self, kind: str, key: str) -> None:
        """Forget the value of (kind, key): found bad, it is recomputed (and stored again) by the caller."""
        if self._db is not None:
            self._dropped.append((kind, key))

    def put_bytes(self, kind: str, key: str, value: bytes) -> None:
        """Store bytes for (kind, key); written at the next flush."""
        if self._db is not None:
            self._pending.append((kind, key, self.version, value, _today()))

    def put(self, kind: str, key: str, value: Any) -> None:
        """Store a JSON-able value for (kind, key); written at the next flush."""
        self.put_bytes(kind, key, json.dumps(value, separators=(",", ":")).encode("utf-8"))

    def flush(self) -> None:
        """Write the stored values, and when the read ones were used, in one transaction."""
        if self._db is None:
            return
        try:
            with self._db:
                self._db.executemany("DELETE FROM entries WHERE kind = ? AND key = ?", self._dropped)
                self._db.executemany("INSERT OR REPLACE INTO entries VALUES (?, ?, ?, ?, ?)", self._pending)
                self._db.executemany("UPDATE entries SET used = ? WHERE kind = ? AND key = ?", self._hits)
        except sqlite3.DatabaseError as error:
            self._rebuild_if_damaged(error)
        except sqlite3.Error:
            # A full disk or a locked file costs speed next time, not this analysis.
            pass
        self._pending.clear()
        self._hits.clear()
        self._dropped.clear()

    def close(self) -> None:
        """Write what is pending and close the file."""
        self.flush()
        self._close()
