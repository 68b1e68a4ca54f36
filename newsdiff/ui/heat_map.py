"""The similarity matrix of a folder's copies as a heat map: one row and one column per copy, each cell shaded
by how similar the two copies are, the copies of one story next to each other and framed.

Only the candidate pairs the analysis scored have a figure (MinHash LSH proposes them; the others share
almost no rare words): their cells are empty. Rows and columns always follow one order, chosen from
`ORDERS`; clicking a column's header orders the copies by their similarity to that copy. Double-clicking
(or Enter on) a cell asks for that pair side by side.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np
from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, QRect, Qt, Signal
from PySide6.QtGui import QColor, QKeyEvent, QPainter, QPalette, QPen
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QWidget,
)

from newsdiff.core.folder.analysis import FolderAnalysis
from newsdiff.core.output import palette
from newsdiff.core.wording import ALIKE, ALIKE_MEANING
from newsdiff.ui.theme import contrast, is_dark, mix
from newsdiff.ui.tooltips import plain_tooltip

CELL = 22  # pixels: a cell's side, at least
LARGEST_CELL = 64
SMALL_MAP = 240  # pixels: the side a map of few copies fills
FIGURES_FROM = 40  # pixels: cells this wide show their figure
ROW_HEADER_LIMIT = 220  # pixels: the widest the file names beside the rows may take
SIMILARITY_ROLE = Qt.ItemDataRole.UserRole  # the pair's similarity (float), None when not scored
Index = QModelIndex | QPersistentModelIndex


def _story_order(analysis: FolderAnalysis) -> list[int]:
    """Story by story (largest first), the base first, then the copies carrying most of it."""
    return [member for number in range(len(analysis.clusters)) for member in analysis.members(number)]


def _keyed(key: Callable[[FolderAnalysis, int], Any]) -> Callable[[FolderAnalysis], list[int]]:
    return lambda analysis: sorted(range(len(analysis.articles)), key=lambda i: key(analysis, i))


ORDERS: dict[str, Callable[[FolderAnalysis], list[int]]] = {
    "Story": _story_order,
    "File": _keyed(lambda a, i: Path(a.articles[i].article.path).name.casefold()),
    "Title": _keyed(lambda a, i: a.articles[i].article.title.casefold()),
    "Words": _keyed(lambda a, i: -a.articles[i].words),
}


def short_name(analysis: FolderAnalysis, index: int) -> str:
    """A copy's label in the map's headers: its file name."""
    return Path(analysis.articles[index].article.path).name


class HeatMapModel(QAbstractTableModel):
    """The similarity of every scored pair, rows and columns in one order."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.analysis: FolderAnalysis | None = None
        self.order: list[int] = []
        self._matrix = np.zeros((0, 0), dtype=np.float32)
        self._cluster: list[int] = []

    def set_analysis(
        self, analysis: FolderAnalysis | None, matrix: np.ndarray | None = None, order: list[int] | None = None
    ) -> None:
        """Show `analysis` (None: nothing) with its similarity matrix (folder_transport.similarity_matrix) in
        `order` (default: story by story)."""
        self.beginResetModel()
        self.analysis = analysis
        if analysis is None or matrix is None:
            self.analysis, self.order, self._matrix, self._cluster = None, [], np.zeros((0, 0), np.float32), []
        else:
            self.order = list(order) if order is not None else _story_order(analysis)
            self._matrix = matrix
            self._cluster = [a.cluster for a in analysis.articles]
        self.endResetModel()

    def set_order(self, order: list[int]) -> None:
        """Show the copies in `order` (article indices), in rows and in columns alike."""
        self.layoutAboutToBeChanged.emit()
        self.order = list(order)
        self.layoutChanged.emit()
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, max(0, len(order) - 1))
        self.headerDataChanged.emit(Qt.Orientation.Vertical, 0, max(0, len(order) - 1))

    def order_by_similarity_to(self, article: int) -> list[int]:
        """The copies, the most similar to `article` first (itself at the top)."""
        row = np.nan_to_num(self._matrix[article], nan=0.0)
        return sorted(self.order, key=lambda i: (i != article, -row[i]))

    def similarity(self, a: int, b: int) -> float | None:
        """The similarity of articles `a` and `b` (1 for a copy with itself, None when not scored)."""
        value = float(self._matrix[a, b])
        return None if np.isnan(value) else value

    def article_at(self, position: int) -> int:
        """The article shown at row or column `position`."""
        return self.order[position]

    def cluster_of(self, position: int) -> int:
        """The story cluster of the article at `position`."""
        return self._cluster[self.order[position]]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008 - Qt override
        return 0 if parent.isValid() else len(self.order)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008 - Qt override
        return 0 if parent.isValid() else len(self.order)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: N802 - Qt override
        if self.analysis is None or not 0 <= section < len(self.order):
            return None
        article = self.order[section]
        if role == Qt.ItemDataRole.DisplayRole:
            return str(section + 1) if orientation == Qt.Orientation.Horizontal else short_name(self.analysis, article)
        if role == Qt.ItemDataRole.ToolTipRole:
            found = self.analysis.articles[article]
            story = f"story {found.cluster + 1}"
            hint = "\nClick to order the copies by their similarity to this one" if orientation == Qt.Orientation.Horizontal else ""
            return plain_tooltip(f"{section + 1}. {short_name(self.analysis, article)} ({story})\n{found.article.title}{hint}")
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or self.analysis is None:
            return None
        a, b = self.order[index.row()], self.order[index.column()]
        if role == SIMILARITY_ROLE:
            return self.similarity(a, b)
        if role == Qt.ItemDataRole.ToolTipRole:
            return plain_tooltip(self._describe(a, b))
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return self._describe(a, b)
        return None

    def _describe(self, a: int, b: int) -> str:
        analysis = self.analysis
        names = f"{short_name(analysis, a)} \u2194 {short_name(analysis, b)}"
        if a == b:
            return f"{short_name(analysis, a)}\n{analysis.articles[a].article.title}"
        value = self.similarity(a, b)
        if value is None:
            return f"{names}\nnot compared: they share almost no rare words"
        verdict = "same story" if self._cluster[a] == self._cluster[b] else "different stories"
        return f"{names}\n{ALIKE} {value:.0%} ({verdict})\n{ALIKE_MEANING[0].upper() + ALIKE_MEANING[1:]}\nDouble-click to compare them side by side"


def cell_colour(value: float | None, ground: QColor, dark: bool) -> QColor:
    """The shade of a cell: the ground where the pair was not scored, deeper blue the more similar (a
    single hue, so the order of shades reads alike under every colour-vision deficiency)."""
    if value is None:
        return ground
    # A square root spreads the low figures of real rewrites (0.1–0.3) over a visible range.
    share = min(1.0, max(0.0, value)) ** 0.5
    return mix(QColor(palette.OKABE_ITO["sky_blue" if dark else "blue"]), ground, 0.08 + 0.85 * share)


class HeatMapDelegate(QStyledItemDelegate):
    """Paints a cell's shade, and a line where one story's copies end and the next story's begin."""

    def __init__(self, model: HeatMapModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:  # noqa: D102 - Qt override
        qpalette = option.palette
        ground = qpalette.color(QPalette.ColorRole.Base)
        rect: QRect = option.rect
        value = index.data(SIMILARITY_ROLE)
        shade = cell_colour(value, ground, is_dark(qpalette))
        painter.fillRect(rect, shade)
        row, column = index.row(), index.column()
        if value is not None and row != column and rect.width() >= FIGURES_FROM:
            text = qpalette.color(QPalette.ColorRole.Text)
            painter.setPen(text if contrast(text, shade) >= 4.5 else ground)
            painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, f"{value:.0%}")
        if row == column:
            painter.setPen(QPen(qpalette.color(QPalette.ColorRole.Text), 1))
            painter.drawLine(rect.topLeft(), rect.bottomRight())
        painter.setPen(QPen(qpalette.color(QPalette.ColorRole.Text), 2))
        model = self.model
        if row > 0 and model.cluster_of(row) != model.cluster_of(row - 1):
            painter.drawLine(rect.topLeft(), rect.topRight())
        if column > 0 and model.cluster_of(column) != model.cluster_of(column - 1):
            painter.drawLine(rect.topLeft(), rect.bottomLeft())
        if option.state & QStyle.StateFlag.State_HasFocus:
            painter.setPen(QPen(qpalette.color(QPalette.ColorRole.Highlight), 2))
            painter.drawRect(rect.adjusted(1, 1, -1, -1))


class HeatMap(QTableView):
    """The heat map of a folder analysis."""

    pair_chosen = Signal(int, int)  # left, right article: show them side by side

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("heatMap")
        self.setAccessibleName("Similarity of every pair of copies")
        self.model_ = HeatMapModel(self)
        self.setModel(self.model_)
        self.setItemDelegate(HeatMapDelegate(self.model_, self))
        self.setShowGrid(False)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        for header in (self.horizontalHeader(), self.verticalHeader()):
            header.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
            header.setDefaultSectionSize(CELL)
            header.setMinimumSectionSize(CELL)
        self.horizontalHeader().setDefaultSectionSize(CELL + 8)  # room for three-digit numbers
        self.verticalHeader().setMaximumWidth(ROW_HEADER_LIMIT)
        self.horizontalHeader().setSectionsClickable(True)
        self.horizontalHeader().sectionClicked.connect(self._order_by_column)
        self.doubleClicked.connect(self._chosen)

    def set_analysis(
        self, analysis: FolderAnalysis | None, matrix: np.ndarray | None = None, order_name: str = "Story"
    ) -> None:
        """Show `analysis` and its similarity matrix in the order named (a key of ORDERS)."""
        order = ORDERS[order_name](analysis) if analysis is not None else None
        self.model_.set_analysis(analysis, matrix, order)
        # a few copies get large cells, a thousand the smallest that stay legible and clickable
        cell = max(CELL, min(LARGEST_CELL, SMALL_MAP // max(1, len(self.model_.order))))
        self.verticalHeader().setDefaultSectionSize(cell)
        self.horizontalHeader().setDefaultSectionSize(max(cell, CELL + 8))

    def set_order_name(self, name: str) -> None:
        """Order the copies by `name` (a key of ORDERS)."""
        if self.model_.analysis is not None:
            self.model_.set_order(ORDERS[name](self.model_.analysis))

    def show_cluster(self, cluster: int) -> None:
        """Scroll to where the copies of story `cluster` begin (rows and columns)."""
        model = self.model_
        first = next((k for k in range(len(model.order)) if model.cluster_of(k) == cluster), None)
        if first is not None:
            index = model.index(first, first)
            self.setCurrentIndex(index)
            self.scrollTo(index, QAbstractItemView.ScrollHint.PositionAtTop)

    def wanted_width(self) -> int:
        """The width that shows every column, headers and frame included."""
        model = self.model_
        metrics = self.verticalHeader().fontMetrics()
        # the row labels measured over the first rows only: a folder may hold thousands of files
        labels = (short_name(model.analysis, model.article_at(i)) for i in range(min(50, len(model.order))))
        header = min(ROW_HEADER_LIMIT, max((metrics.horizontalAdvance(label) for label in labels), default=0) + 16)
        columns = self.horizontalHeader().defaultSectionSize() * len(model.order)
        return header + columns + self.verticalScrollBar().sizeHint().width() + 4

    def _order_by_column(self, column: int) -> None:
        if self.model_.analysis is not None:
            self.model_.set_order(self.model_.order_by_similarity_to(self.model_.article_at(column)))

    def _chosen(self, index: QModelIndex) -> None:
        if index.isValid() and index.row() != index.column():
            self.pair_chosen.emit(self.model_.article_at(index.row()), self.model_.article_at(index.column()))

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self._chosen(self.currentIndex())
            return
        super().keyPressEvent(event)
