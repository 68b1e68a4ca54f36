"""The coverage of a story's base: each of its sentences shaded by how many of the story's other copies carry
it (shared, typo or paraphrase), so the core of the story stands out from what one outlet alone kept. The
base's site furniture (headline lists, comment prompts, credits) is marked as such and can be hidden.

Items hold plain text only: article text is never read as markup.
"""

from __future__ import annotations

from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import QAbstractItemView, QListView, QListWidget, QListWidgetItem, QWidget

from newsdiff.core.folder.analysis import FolderAnalysis
from newsdiff.core.output import palette
from newsdiff.ui.theme import is_dark, mix
from newsdiff.ui.tooltips import plain_tooltip


def coverage_colour(copies: int, others: int, ground: QColor, dark: bool) -> QColor:
    """The shade of a base sentence carried by `copies` of `others` copies: the ground when none carries it,
    the full green of shared text when all do."""
    share = copies / others if others else 0.0
    return mix(QColor(palette.OKABE_ITO["bluish_green"]), ground, (0.45 if dark else 0.55) * share)


class CoverageList(QListWidget):
    """The base's sentences of one story with how many copies carry each."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("coverageList")
        self.setAccessibleName("Coverage of the base: how many copies carry each sentence")
        self.setWordWrap(True)
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setSpacing(1)
        self.hide_furniture = False
        self._analysis: FolderAnalysis | None = None
        self._cluster: int | None = None

    def show_cluster(self, analysis: FolderAnalysis | None, cluster: int | None) -> None:
        """List the base sentences of story `cluster` of `analysis` (None: nothing)."""
        self._analysis, self._cluster = analysis, cluster
        self._fill()

    def set_hide_furniture(self, hide: bool) -> None:
        """Hide (or show again) the base's site furniture."""
        self.hide_furniture = hide
        self._fill()

    def _fill(self) -> None:
        self.clear()
        analysis, number = self._analysis, self._cluster
        if analysis is None or number is None or not 0 <= number < len(analysis.clusters):
            return
        cluster = analysis.clusters[number]
        text = analysis.articles[cluster.base].article.text
        others = len(cluster.articles) - 1
        qpalette = self.palette()
        ground, dark = qpalette.color(QPalette.ColorRole.Base), is_dark(qpalette)
        dimmed = mix(qpalette.color(QPalette.ColorRole.Text), ground, 0.5)
        italic = QFont(self.font())
        italic.setItalic(True)
        for sentence in cluster.coverage:
            if sentence.boilerplate and self.hide_furniture:
                continue
            words = " ".join(text[sentence.start : sentence.end].split())
            if sentence.boilerplate:
                item = QListWidgetItem(f"site furniture \u00b7 {words}")
                item.setForeground(dimmed)
                item.setFont(italic)
                item.setToolTip(plain_tooltip("Site furniture, not the story: left out of the similarity figures"))
            else:
                item = QListWidgetItem(f"{sentence.copies}/{others} \u00b7 {words}")
                item.setBackground(coverage_colour(sentence.copies, others, ground, dark))
                item.setToolTip(plain_tooltip(f"Carried by {sentence.copies} of the {others} other copies"))
            self.addItem(item)
