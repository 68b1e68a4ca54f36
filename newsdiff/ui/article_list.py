"""The article list: each copy's role (base or the copy shown), title, file, words, how much of the base it
carries and how far its review against the base is.

Sortable by any column. Choosing a row shows that copy against the base; the base is chosen with Ctrl+B,
the context menu or a double click.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, QSortFilterProxyModel, Qt, Signal
from PySide6.QtGui import QContextMenuEvent, QFont, QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QMenu, QTableView, QWidget

from newsdiff.core.read.articles import Article
from newsdiff.core.wording import CARRIES, CARRIES_MEANING
from newsdiff.ui.tooltips import plain_tooltip

# The review's progress comes second: it is what an editor scans for while reviewing, and the list is narrow.
COLUMNS = ("Role", "Checked", "Title", "Outlet / File", "Words", CARRIES)
ROLE, REVIEW, TITLE, FILE, WORDS, SIMILARITY = range(len(COLUMNS))
SORT_ROLE = Qt.ItemDataRole.UserRole
Index = QModelIndex | QPersistentModelIndex


class ArticleTableModel(QAbstractTableModel):
    """The articles of the open folder as table rows."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.articles: list[Article] = []
        self._words: list[int] = []
        self._titles: list[str] = []
        self._files: list[str] = []
        self._sort_keys: dict[int, list[str]] = {}
        self.base: int | None = None
        self.other: int | None = None
        self.similarities: dict[int, float] = {}
        self.reviews: dict[int, tuple[str, str, float]] = {}  # row -> progress shown, tooltip, sort key

    def set_articles(self, articles: list[Article], word_counts: list[int] | None = None) -> None:
        """Show `articles` (with their numbers of words, counted here if not given), with no base and no
        similarities yet."""
        self.beginResetModel()
        self.articles = list(articles)
        self._words = word_counts if word_counts is not None else [len(article.text.split()) for article in articles]
        # Worked out once: sorting a thousand rows asks for each row's text some sixteen times.
        self._titles = [" ".join(article.title.split()) for article in articles]
        self._files = [
            f"{article.outlet} · {Path(article.path).name}" if article.outlet else Path(article.path).name
            for article in articles
        ]
        self._sort_keys = {
            TITLE: [title.casefold() for title in self._titles],
            FILE: [file.casefold() for file in self._files],
        }
        self.base = self.other = None
        self.similarities = {}
        self.reviews = {}
        self.endResetModel()

    def set_roles(self, base: int | None, other: int | None) -> None:
        """Mark which articles are the base and the copy shown."""
        if (base, other) == (self.base, self.other):
            return
        if base != self.base:
            self.similarities, self.reviews = {}, {}
        self.base, self.other = base, other
        self._changed_all()

    def set_similarity(self, row: int, value: float) -> None:
        """Show the similarity of article `row` to the base."""
        self.similarities[row] = value
        self.dataChanged.emit(self.index(row, SIMILARITY), self.index(row, SIMILARITY))

    def set_review(self, row: int, text: str, tooltip: str, order: float) -> None:
        """Show how far the review of article `row` against the base is (`order`: its place when sorted)."""
        self.reviews[row] = (text, tooltip, order)
        self.dataChanged.emit(self.index(row, REVIEW), self.index(row, REVIEW))

    def _changed_all(self) -> None:
        if self.articles:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self.articles) - 1, len(COLUMNS) - 1))

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008 - Qt override
        return 0 if parent.isValid() else len(self.articles)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008 - Qt override
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: N802 - Qt override
        if orientation == Qt.Orientation.Horizontal:
            if role == Qt.ItemDataRole.DisplayRole:
                return COLUMNS[section]
            if role == Qt.ItemDataRole.ToolTipRole and section == SIMILARITY:
                return plain_tooltip(CARRIES_MEANING[0].upper() + CARRIES_MEANING[1:])
            if role == Qt.ItemDataRole.ToolTipRole and section == REVIEW:
                return "Differences with the base you checked (\u2713: the copy is marked reviewed; \u270e: it has a note)"
        return None

    def role_text(self, row: int) -> str:
        """"base", "copy" (the one shown against the base) or nothing."""
        if row == self.base:
            return "base"
        if row == self.other:
            return "copy"
        return ""

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row, column = index.row(), index.column()
        if role == SORT_ROLE:  # first: sorting a thousand rows asks some 16,000 times
            return self._sort_key(row, column)
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, column)
        article = self.articles[row]
        if column == REVIEW and row in self.reviews and role == Qt.ItemDataRole.ToolTipRole:
            return plain_tooltip(self.reviews[row][1])
        if column == REVIEW and row in self.reviews and role == Qt.ItemDataRole.AccessibleTextRole:
            return self.reviews[row][1]  # the words, not the tick and pencil signs
        if role == Qt.ItemDataRole.ToolTipRole:
            notes = "\n".join(article.hints)
            return plain_tooltip(f"{article.path}\n{article.title}" + (f"\n\n{notes}" if notes else ""))
        if role == Qt.ItemDataRole.FontRole and row in (self.base, self.other):
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (WORDS, SIMILARITY):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return self._display(row, column) or self.role_text(row)
        return None

    def _display(self, row: int, column: int) -> str:
        if column == ROLE:
            return self.role_text(row)
        if column == TITLE:
            return self._titles[row]
        if column == FILE:
            return self._files[row]
        if column == WORDS:
            return f"{self._words[row]:,}"
        if column == REVIEW:
            return self.reviews[row][0] if row in self.reviews else ""
        if row == self.base:
            return "\u2014"
        value = self.similarities.get(row)
        return f"{value:.0%}" if value is not None else ""

    def _sort_key(self, row: int, column: int) -> Any:
        if column == ROLE:
            return 0 if row == self.base else 1 if row == self.other else 2
        if column == WORDS:
            return self._words[row]
        if column == SIMILARITY:
            return 2.0 if row == self.base else self.similarities.get(row, -1.0)
        if column == REVIEW:
            return self.reviews[row][2] if row in self.reviews else -1.0
        return self._sort_keys[column][row]


class ArticleList(QTableView):
    """The sortable table of articles."""

    row_chosen = Signal(int)  # the user moved to an article: show it against the base
    base_chosen = Signal(int)  # the user made an article the base

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("articleList")
        self.setAccessibleName("Articles")
        self.model_ = ArticleTableModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model_)
        self.proxy.setSortRole(SORT_ROLE)
        # Sorted when asked (a header click, a new folder), not again each time a similarity arrives: rows
        # would jump under the mouse while the base is compared with every copy, and on a large folder
        # each re-sort holds the window up.
        self.proxy.setDynamicSortFilter(False)
        self.setModel(self.proxy)
        self.setSortingEnabled(True)
        self.sortByColumn(FILE, Qt.SortOrder.AscendingOrder)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.verticalHeader().hide()
        header = self.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(TITLE, QHeaderView.ResizeMode.Stretch)
        for column in (ROLE, FILE, WORDS, SIMILARITY, REVIEW):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
        self.selectionModel().currentRowChanged.connect(self._current_changed)
        self.doubleClicked.connect(lambda index: self.base_chosen.emit(self.proxy.mapToSource(index).row()))
        self._quiet = False

    def set_articles(self, articles: list[Article], word_counts: list[int] | None = None) -> None:
        """List `articles` (with their numbers of words when known)."""
        self._quiet = True
        self.model_.set_articles(articles, word_counts)
        self._quiet = False
        metrics = self.fontMetrics()
        self.setColumnWidth(ROLE, metrics.horizontalAdvance("copy") + 16)
        self.setColumnWidth(WORDS, metrics.horizontalAdvance("00,000") + 16)
        self.setColumnWidth(FILE, metrics.horizontalAdvance("0" * 12))  # not measured: a folder may hold thousands
        self.setColumnWidth(SIMILARITY, self.horizontalHeader().sectionSizeHint(SIMILARITY))
        # Room for the count; a stale review's words elide (the tooltip has them) so that Carries stays in view.
        self.setColumnWidth(REVIEW, metrics.horizontalAdvance("\u270e \u2713 00 of 00") + 16)

    def set_roles(self, base: int | None, other: int | None) -> None:
        """Mark the base and the copy shown, and move the selection to the copy."""
        self.model_.set_roles(base, other)
        if other is not None:
            self.select_row(other)

    def select_row(self, row: int) -> None:
        """Make article `row` the current row without announcing it."""
        index = self.proxy.mapFromSource(self.model_.index(row, TITLE))
        if index.isValid() and self.currentIndex().row() != index.row():
            self._quiet = True
            self.setCurrentIndex(index)
            self._quiet = False
            self.scrollTo(index)

    def selected_row(self) -> int | None:
        """The article at the current row, if any."""
        index = self.currentIndex()
        return self.proxy.mapToSource(index).row() if index.isValid() else None

    def row_after(self, row: int, step: int, skip: int | None) -> int | None:
        """The article `step` rows after `row` in the order shown (wrapping), passing over `skip`."""
        count = self.proxy.rowCount()
        if count == 0:
            return None
        position = self.proxy.mapFromSource(self.model_.index(row, 0)).row()
        for _ in range(count):
            position = (position + step) % count
            found = self.proxy.mapToSource(self.proxy.index(position, 0)).row()
            if found != skip:
                return found
        return None

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not self._quiet and current.isValid():
            self.row_chosen.emit(self.proxy.mapToSource(current).row())

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.selected_row() is not None:
            self.row_chosen.emit(self.selected_row())
            return
        super().keyPressEvent(event)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:  # noqa: N802 - Qt override
        index = self.indexAt(event.pos())
        if not index.isValid():
            return
        row = self.proxy.mapToSource(index).row()
        menu = QMenu(self)
        menu.addAction("Make Base", lambda: self.base_chosen.emit(row))
        menu.addAction("Compare with Base", lambda: self.row_chosen.emit(row))
        menu.exec(event.globalPos())
