"""A disk cache of the folder analysis, keyed by the SHA-256 of article texts, so a folder reopens fast.

One SQLite file in the user's cache folder (`$XDG_CACHE_HOME/newsdiff`, else `~/.cache/newsdiff`).
Entries carry the version of what produced them, so an upgrade never reads stale results; entries of
other versions, and entries unused for KEEP_DAYS, are dropped when the cache is opened. The cache is only
an accelerator: when it cannot be opened or written, the analysis goes on without it.
"""

from __future__ import annotations

import json
import sqlite3
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


def _today() -> int:
    return int(time.time() // 86400)


class AnalysisCache:
    """Values stored by kind and key (JSON-able values or bytes); a disabled cache stores nothing."""

    def __init__(self, directory: Path | None, version: str) -> None:
        self.version = f"{__version__}/{version}"
        self._db: sqlite3.Connection | None = None
        self._pending: list[tuple[str, str, str, bytes, int]] = []
        self._hits: list[tuple[int, str, str]] = []
        if directory is None:
            return
        try:
            directory.mkdir(parents=True, exist_ok=True)
            self._db = sqlite3.connect(directory / _FILE, timeout=LOCK_WAIT, check_same_thread=False)
            with self._db:
                self._db.execute(_SCHEMA)
                self._db.execute(
                    "DELETE FROM entries WHERE version != ? OR used < ?", (self.version, _today() - KEEP_DAYS)
                )
        except (OSError, sqlite3.Error):
            self._db = None

    def get_bytes(self, kind: str, key: str) -> bytes | None:
        """The stored bytes for (kind, key) by this version, or None."""
        if self._db is None:
            return None
        try:
            row = self._db.execute(
                "SELECT value FROM entries WHERE kind = ? AND key = ? AND version = ?", (kind, key, self.version)
            ).fetchone()
        except sqlite3.Error:
            return None
        if row is None:
            return None
        self._hits.append((_today(), kind, key))
        return bytes(row[0])

    def get(self, kind: str, key: str) -> Any:
        """The stored JSON value for (kind, key) by this version, or None."""
        data = self.get_bytes(kind, key)
        if data is None:
            return None
        try:
            return json.loads(data)
        except ValueError:
            return None

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
                self._db.executemany("INSERT OR REPLACE INTO entries VALUES (?, ?, ?, ?, ?)", self._pending)
                self._db.executemany("UPDATE entries SET used = ? WHERE kind = ? AND key = ?", self._hits)
        except sqlite3.Error:
            # A full disk or a locked file costs speed next time, not this analysis.
            pass
        self._pending.clear()
        self._hits.clear()

    def close(self) -> None:
        """Write what is pending and close the file."""
        self.flush()
        if self._db is not None:
            self._db.close()
            self._db = None
