"""The overview strip beside the text, like Meld's map: where the differences are in the whole pair.

The left half shows the left copy's sentences and the right half the right copy's, each at the height it has
in the aligned rows, in its kind's colour (shared sentences faintly). The part in view is framed; a click or a
drag scrolls there.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QMouseEvent, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QWidget

from newsdiff.core.model import Side
from newsdiff.ui.aligned_view import AlignedView

STRIP_WIDTH = 28
INSET = 2


class OverviewStrip(QWidget):
    """A map of an AlignedView's content; clicking jumps there."""

    def __init__(self, view: AlignedView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("overviewStrip")
        self.setToolTip("Overview of the whole pair: click to jump there")
        self.setAccessibleName("Overview of the differences")
        self.view = view
        self.setFixedWidth(STRIP_WIDTH)
        view.layout_changed.connect(self.update)
        view.scrolled.connect(self.update)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        return QSize(STRIP_WIDTH, 200)

    def _track(self) -> QRectF:
        return QRectF(INSET, INSET, self.width() - 2 * INSET, self.height() - 2 * INSET)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        painter = QPainter(self)
        styling = self.view.styling
        if styling is None:
            return
        theme = styling.theme
        track = self._track()
        painter.fillRect(self.rect(), theme.background)
        half = track.width() / 2
        marks = sorted(self.view.overview_marks(), key=lambda mark: mark.difference)
        for mark in marks:
            x = track.left() + (0 if mark.side is Side.LEFT else half)
            top = track.top() + mark.top * track.height()
            height = max(2.0, (mark.bottom - mark.top) * track.height())
            painter.fillRect(QRectF(x + 1, top, half - 2, height), mark.colour)
        content = self.view.content_height()
        if content > 0:
            current = [self.view.sentence_box(*key) for key in self.view.current()]
            for box in filter(None, current):
                y = track.top() + box.center().y() / content * track.height()
                painter.setPen(QPen(theme.current, 2))
                painter.drawLine(track.left(), y, track.right(), y)
            top = track.top() + self.view.scroll_top() / content * track.height()
            height = min(1.0, self.view.viewport().height() / content) * track.height()
            frame = QColor(theme.text)
            frame.setAlpha(40)
            painter.fillRect(QRectF(track.left(), top, track.width(), height), frame)
            painter.setPen(QPen(theme.dimmed_text, 1))
            painter.drawRect(QRectF(track.left(), top, track.width() - 1, height))
        painter.end()

    def _jump(self, event: QMouseEvent) -> None:
        track = self._track()
        if track.height() > 0:
            fraction = (event.position().y() - track.top()) / track.height()
            self.view.center_on(min(1.0, max(0.0, fraction)))

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt override
        if event.button() == Qt.MouseButton.LeftButton:
            self._jump(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt override
        if event.buttons() & Qt.MouseButton.LeftButton:
            self._jump(event)
