"""The folder overview page: the heat map of every copy against every other, the stories with their bases,
and the coverage of the chosen story's base.

The page shows a FolderAnalysis it is given; the window runs the analysis (off the GUI thread) and acts on
what the page asks: a pair to show side by side, a copy to make a story's base, the analysis to run again.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from newsdiff.core.folder.analysis import FolderAnalysis
from newsdiff.ui.coverage_list import CoverageList
from newsdiff.ui.heat_map import ORDERS, HeatMap
from newsdiff.ui.shortcuts import BY_NAME, tooltip
from newsdiff.ui.story_tree import StoryTree
from newsdiff.ui.window_state import WindowState

MAP_SHARE = 0.55  # of the page's width, at most, for the heat map


def summary(analysis: FolderAnalysis) -> str:
    """One line on the analysis: copies, stories, pairs scored, files skipped, time taken."""
    stories = len(analysis.clusters)
    parts = [
        f"{len(analysis.articles):,} copies",
        f"{stories:,} stor{'y' if stories == 1 else 'ies'}",
        f"{analysis.candidate_pairs:,} pairs compared",
    ]
    if analysis.skipped:
        parts.append(f"{len(analysis.skipped):,} files skipped")
    parts.append(f"{analysis.seconds:.1f} s")
    return " \u00b7 ".join(parts)


class FolderOverview(QWidget):
    """The overview of the open folder."""

    pair_chosen = Signal(int, int)  # left (base), right article
    base_chosen = Signal(int, int)  # cluster, article: the editor's base for that story
    analyse_requested = Signal()
    coverage_wanted = Signal(int)  # cluster: a story chosen whose coverage is still to be computed

    def __init__(self, state: WindowState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("folderOverview")
        self.analysis: FolderAnalysis | None = None
        self.suggested: dict[int, int] = {}  # cluster -> the base the analysis suggested
        self._fit_pending = False

        self.placeholder = QLabel(self)
        self.placeholder.setObjectName("overviewPlaceholder")
        self.placeholder.setTextFormat(Qt.TextFormat.PlainText)
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setWordWrap(True)
        self.analyse_button = QPushButton("Analyse the Folder", self)
        self.analyse_button.setObjectName("analyseButton")
        self.analyse_button.clicked.connect(self.analyse_requested)
        waiting = QWidget(self)
        waiting_layout = QVBoxLayout(waiting)
        waiting_layout.addStretch(1)
        waiting_layout.addWidget(self.placeholder)
        waiting_layout.addWidget(self.analyse_button, 0, Qt.AlignmentFlag.AlignHCenter)
        waiting_layout.addStretch(1)

        self.summary_label = QLabel(self)
        self.summary_label.setObjectName("overviewSummary")
        self.summary_label.setTextFormat(Qt.TextFormat.PlainText)
        self.order = QComboBox(self)
        self.order.setObjectName("overviewOrder")
        self.order.addItems(list(ORDERS))
        self.order.setToolTip("The order of the copies in the map (or click a column's number)")
        self.order.view().setAccessibleName("Orders of the copies")
        order_label = QLabel("&Order:", self)
        order_label.setBuddy(self.order)
        furniture = QCheckBox(BY_NAME["hide_furniture"].label.replace("&", ""), self)
        furniture.setObjectName("hideFurniture")
        furniture.setToolTip(tooltip("hide_furniture"))
        furniture.setChecked(state.hide_furniture)
        furniture.toggled.connect(state.set_hide_furniture)
        state.hide_furniture_changed.connect(furniture.setChecked)
        self.base_button = QPushButton("Make &Base of Its Story", self)
        self.base_button.setObjectName("makeStoryBase")
        self.base_button.setToolTip("Make the copy chosen in the stories the base of its story (and of the pair view)")
        self.base_button.clicked.connect(self._make_base)
        top = QHBoxLayout()
        top.addWidget(self.summary_label, 1)
        top.addWidget(order_label)
        top.addWidget(self.order)
        top.addWidget(furniture)
        top.addWidget(self.base_button)

        self.heat_map = HeatMap(self)
        self.heat_map.pair_chosen.connect(self.pair_chosen)
        self.order.currentTextChanged.connect(self.heat_map.set_order_name)
        self.stories = StoryTree(self)
        self.stories.cluster_chosen.connect(self._cluster_chosen)
        self.stories.copy_opened.connect(self._copy_opened)
        self.stories.base_chosen.connect(self.base_chosen)
        self.coverage = CoverageList(self)
        self.coverage.set_hide_furniture(state.hide_furniture)
        state.hide_furniture_changed.connect(self.coverage.set_hide_furniture)
        coverage_title = QLabel("Coverage of the base: how many other copies carry each sentence", self)
        coverage_box = QWidget(self)
        coverage_layout = QVBoxLayout(coverage_box)
        coverage_layout.setContentsMargins(0, 0, 0, 0)
        coverage_layout.addWidget(coverage_title)
        coverage_layout.addWidget(self.coverage, 1)
        side = QSplitter(Qt.Orientation.Vertical, self)
        side.addWidget(self.stories)
        side.addWidget(coverage_box)
        key = QLabel(
            "Darker: more alike (site furniture left out) · blank: not compared, almost no rare words in common"
            " · lines: where one story ends · double-click a cell to compare the two copies",
            self,
        )
        key.setObjectName("heatMapKey")
        key.setWordWrap(True)
        map_box = QWidget(self)
        map_layout = QVBoxLayout(map_box)
        map_layout.setContentsMargins(0, 0, 0, 0)
        map_layout.addWidget(self.heat_map, 1)
        map_layout.addWidget(key)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("overviewSplitter")
        self.splitter.addWidget(map_box)
        self.splitter.addWidget(side)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        content = QWidget(self)
        content_layout = QVBoxLayout(content)
        content_layout.setContentsMargins(0, 0, 0, 0)
        content_layout.addLayout(top)
        content_layout.addWidget(self.splitter, 1)

        self.pages = QStackedWidget(self)
        self.pages.addWidget(waiting)
        self.pages.addWidget(content)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.pages)
        self.show_message("Open a folder of copies to see how they relate.", analyse=False)

    def show_message(self, text: str, *, analyse: bool) -> None:
        """Show `text` instead of the overview, with the Analyse button when `analyse`."""
        self.placeholder.setText(text)
        self.analyse_button.setVisible(analyse)
        self.pages.setCurrentIndex(0)

    def set_analysis(self, analysis: FolderAnalysis, matrix: np.ndarray, *, suggested: bool) -> None:
        """Show `analysis` and its similarity matrix (folder_transport.similarity_matrix); `suggested`: its
        bases are the analysis' own suggestions (not the editor's)."""
        cluster = self.stories.current_cluster()
        self.analysis = analysis
        if suggested:
            self.suggested = {number: c.base for number, c in enumerate(analysis.clusters)}
        self.summary_label.setText(summary(analysis))
        self.heat_map.set_analysis(analysis, matrix, self.order.currentText())
        self.stories.set_analysis(analysis, self.suggested)
        if cluster is not None and not suggested:
            self.stories.select_cluster(cluster)
        self.coverage.show_cluster(analysis, self.stories.current_cluster())
        self.pages.setCurrentIndex(1)
        self._fit_pending = True
        if self.isVisible():
            self._fit_map()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        if self._fit_pending:
            self._fit_map()

    def _fit_map(self) -> None:
        """Give the map the width it needs (at most MAP_SHARE of the page), the stories the rest; done once
        the page is on screen, where the splitter has its real width."""
        self._fit_pending = False
        total = self.splitter.width()
        wanted = min(int(total * MAP_SHARE), self.heat_map.wanted_width())
        self.splitter.setSizes([wanted, total - wanted])

    def clear(self) -> None:
        """Forget the analysis shown."""
        self.analysis = None
        self.suggested = {}
        self.heat_map.set_analysis(None)
        self.stories.set_analysis(None, {})
        self.coverage.show_cluster(None, None)

    def current_article(self) -> int | None:
        """The copy chosen in the stories, if any."""
        return self.stories.current_article()

    def _cluster_chosen(self, cluster: int) -> None:
        if self.analysis is not None and not self.analysis.clusters[cluster].covered:
            self.coverage_wanted.emit(cluster)
        self.coverage.show_cluster(self.analysis, cluster)
        self.heat_map.show_cluster(cluster)

    def _copy_opened(self, cluster: int, article: int) -> None:
        base = self.analysis.clusters[cluster].base if self.analysis is not None else None
        if base is not None and base != article:
            self.pair_chosen.emit(base, article)

    def _make_base(self) -> None:
        article, cluster = self.stories.current_article(), self.stories.current_cluster()
        if article is not None and cluster is not None:
            self.base_chosen.emit(cluster, article)
