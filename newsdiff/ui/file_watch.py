"""Copies changed on disk while they are open: the files of the open articles and their folders are watched
(QFileSystemWatcher); when one changes, its checksum tells whether its bytes did (read.articles.changed_files),
and a changed file is read again, off the GUI thread. The window then compares it again, or, when it is gone or
no longer readable, takes it off the list and says so.

Editors save in two ways: writing the file in place (the file's watch fires) or writing a new file and renaming
it over the old one (the old file's watch ends; the folder's fires), so both are watched.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QFileSystemWatcher, QObject, QTimer, Signal

from newsdiff.core.read.articles import Article, ArticleError, changed_files, load_article
from newsdiff.ui.workers import Runner

# A save is often several writes (truncate, write, rename): the check waits this long after the last event, so
# that it reads the saved file once rather than half of it. Long enough for an editor's save (a few ms), short
# enough that the new text shows while the user still looks (a person notices about half a second).
SETTLE_MS = 300
GONE_REASON = "deleted or moved away while it was open"


@dataclass(frozen=True)
class Reloaded:
    """What became of the watched articles' files: read again, unreadable now, or gone."""

    articles: dict[str, Article] = field(default_factory=dict)  # by path: the new text of changed files
    failed: dict[str, ArticleError] = field(default_factory=dict)  # by path: changed, and cannot be read now

    def __bool__(self) -> bool:
        return bool(self.articles or self.failed)


def reload_changed(articles: Iterable[Article]) -> Reloaded:
    """Read again those of `articles` whose files changed since they were loaded (for a worker thread)."""
    changes = changed_files(articles)
    reloaded: dict[str, Article] = {}
    failed: dict[str, ArticleError] = {path: ArticleError(path, GONE_REASON) for path in changes.gone}
    for path in changes.changed:
        try:
            reloaded[path] = load_article(path)
        except ArticleError as error:
            failed[path] = error
    return Reloaded(reloaded, failed)


class FileWatch(QObject):
    """Watches the files of the open articles; `reloaded` brings what changed (in the GUI thread)."""

    reloaded = Signal(object)  # Reloaded

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._watcher = QFileSystemWatcher(self)
        self._watcher.fileChanged.connect(self._touched)
        self._watcher.directoryChanged.connect(self._touched)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SETTLE_MS)
        self._timer.timeout.connect(self._check)
        self._runner = Runner(self)
        self._articles: list[Article] = []
        self._checking = False
        self._again = False  # a change came while a check ran: check once more after it

    def watch(self, articles: Iterable[Article]) -> None:
        """Watch the files of `articles` (those read from files) instead of the ones watched so far."""
        self._articles = [article for article in articles if article.sha256]
        files = {article.path for article in self._articles}
        folders = {str(Path(path).parent) for path in files}
        watched = set(self._watcher.files()) | set(self._watcher.directories())
        if watched - files - folders:
            self._watcher.removePaths(sorted(watched - files - folders))
        # a file renamed over drops out of the watch: adding it again picks up the new file
        wanted = sorted((files | folders) - watched)
        if wanted:
            self._watcher.addPaths(wanted)

    def _touched(self, _path: str) -> None:
        self._timer.start()

    def _check(self) -> None:
        if self._checking:
            self._again = True
            return
        self._checking = True
        articles = list(self._articles)
        self._runner.start(lambda _progress: reload_changed(articles), self._checked, self._check_failed)

    def _checked(self, reloaded: Reloaded) -> None:
        self._done()
        if reloaded:
            self.reloaded.emit(reloaded)

    def _check_failed(self, _error: Exception) -> None:
        self._done()  # a file that cannot be looked at now is looked at again on its next change

    def _done(self) -> None:
        self._checking = False
        if self._again:
            self._again = False
            self._timer.start()
