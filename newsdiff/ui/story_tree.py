"""The stories of a folder: each cluster of copies with its base, and each copy with the share of the base it
carries. The suggested base (the copy the others derive from most) is named as such, and stays named when
the editor makes another copy the base."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QContextMenuEvent, QFont
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QMenu, QTreeWidget, QTreeWidgetItem, QWidget

from newsdiff.core.folder.analysis import FolderAnalysis
from newsdiff.core.wording import CARRIES as CARRIES_NAME
from newsdiff.core.wording import CARRIES_MEANING
from newsdiff.ui.tooltips import plain_tooltip

COLUMNS = ("Story / Title", "Role", "Outlet / File", "Words", CARRIES_NAME)
TITLE, ROLE, FILE, WORDS, CARRIES = range(len(COLUMNS))
ARTICLE_ROLE = Qt.ItemDataRole.UserRole  # on a copy's item: its article index; on a story's: None
CLUSTER_ROLE = Qt.ItemDataRole.UserRole + 1


def role_text(is_base: bool, is_suggested: bool) -> str:
    """What a copy is to its story: "base", "suggested base" or both."""
    if is_base and is_suggested:
        return "base (suggested)"
    return "base" if is_base else "suggested base" if is_suggested else ""


def _carries_text(carries: float | None) -> str:
    """A copy's Carries figure; an ellipsis while its story's coverage is still to be computed."""
    return "\u2026" if carries is None else f"{carries:.0%}"


class StoryTree(QTreeWidget):
    """The clusters as expandable stories, their copies inside."""

    cluster_chosen = Signal(int)  # the user moved to a story (or one of its copies)
    copy_opened = Signal(int, int)  # cluster, article: compare the copy with the story's base
    base_chosen = Signal(int, int)  # cluster, article: make the copy the story's base

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("storyTree")
        self.setAccessibleName("Stories and their copies")
        self.setColumnCount(len(COLUMNS))
        self.setHeaderLabels(COLUMNS)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setUniformRowHeights(True)
        self.setAlternatingRowColors(True)
        header = self.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(TITLE, QHeaderView.ResizeMode.Stretch)
        # widths from samples, not measured over the rows (a folder may hold thousands), and the editor's to change
        metrics = self.fontMetrics()
        for column, sample in ((ROLE, "base (suggested)"), (FILE, "0" * 12), (WORDS, "00,000"), (CARRIES, CARRIES_NAME)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            self.setColumnWidth(column, metrics.horizontalAdvance(sample) + 16)
        self.headerItem().setToolTip(CARRIES, plain_tooltip(CARRIES_MEANING[0].upper() + CARRIES_MEANING[1:]))
        self.currentItemChanged.connect(self._current_changed)
        self.itemActivated.connect(self._activated)

    def set_analysis(self, analysis: FolderAnalysis | None, suggested: dict[int, int]) -> None:
        """List the stories of `analysis`; `suggested` maps each cluster to its suggested base."""
        self.clear()
        if analysis is None:
            return
        bold = QFont(self.font())
        bold.setBold(True)
        for number, cluster in enumerate(analysis.clusters):
            base = analysis.articles[cluster.base]
            story = QTreeWidgetItem([f"Story {number + 1}: {' '.join(base.article.title.split())}", "", "", "", ""])
            story.setText(FILE, f"{len(cluster.articles)} cop{'y' if len(cluster.articles) == 1 else 'ies'}")
            story.setData(TITLE, CLUSTER_ROLE, number)
            story.setData(TITLE, ARTICLE_ROLE, None)
            story.setFont(TITLE, bold)
            story.setToolTip(TITLE, plain_tooltip(f"Story {number + 1}, base: {base.article.path}\n{base.article.title}"))
            for member in analysis.members(number):
                found = analysis.articles[member]
                article = found.article
                name = Path(article.path).name
                item = QTreeWidgetItem(
                    [
                        " ".join(article.title.split()),
                        role_text(member == cluster.base, suggested.get(number) == member),
                        f"{article.outlet} · {name}" if article.outlet else name,
                        f"{found.words:,}",
                        _carries_text(found.carries) if member != cluster.base else "\u2014",
                    ]
                )
                item.setData(TITLE, CLUSTER_ROLE, number)
                item.setData(TITLE, ARTICLE_ROLE, member)
                item.setToolTip(TITLE, plain_tooltip(f"{article.path}\n{article.title}"))
                for column in (WORDS, CARRIES):
                    item.setTextAlignment(column, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                if member == cluster.base:
                    for column in range(len(COLUMNS)):
                        item.setFont(column, bold)
                story.addChild(item)
            self.addTopLevelItem(story)
        if self.topLevelItemCount():
            first = self.topLevelItem(0)
            first.setExpanded(True)
            self.setCurrentItem(first)

    def select_cluster(self, cluster: int) -> None:
        """Move to story `cluster`, unfolded."""
        if 0 <= cluster < self.topLevelItemCount():
            item = self.topLevelItem(cluster)
            item.setExpanded(True)
            self.setCurrentItem(item)

    def current_article(self) -> int | None:
        """The copy at the current row, if the row is a copy."""
        item = self.currentItem()
        return item.data(TITLE, ARTICLE_ROLE) if item is not None else None

    def current_cluster(self) -> int | None:
        """The story of the current row."""
        item = self.currentItem()
        return item.data(TITLE, CLUSTER_ROLE) if item is not None else None

    def _current_changed(self, current: QTreeWidgetItem | None, _previous: QTreeWidgetItem | None) -> None:
        if current is not None:
            self.cluster_chosen.emit(current.data(TITLE, CLUSTER_ROLE))

    def _activated(self, item: QTreeWidgetItem, _column: int) -> None:
        article = item.data(TITLE, ARTICLE_ROLE)
        if article is not None:
            self.copy_opened.emit(item.data(TITLE, CLUSTER_ROLE), article)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:  # noqa: N802 - Qt override
        item = self.itemAt(event.pos())
        if item is None or item.data(TITLE, ARTICLE_ROLE) is None:
            return
        cluster, article = item.data(TITLE, CLUSTER_ROLE), item.data(TITLE, ARTICLE_ROLE)
        menu = QMenu(self)
        menu.addAction("Make Base of This Story", lambda: self.base_chosen.emit(cluster, article))
        menu.addAction("Compare with the Base", lambda: self.copy_opened.emit(cluster, article))
        menu.exec(event.globalPos())
