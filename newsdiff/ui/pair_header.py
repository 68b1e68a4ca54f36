"""The header over the two columns: each side's file and title, and the button that swaps them."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QAction, QPainter, QPaintEvent
from PySide6.QtWidgets import QHBoxLayout, QSizePolicy, QToolButton, QVBoxLayout, QWidget

from newsdiff.core.model import Document
from newsdiff.ui.tooltips import plain_tooltip


class ElidedLabel(QWidget):
    """One line of plain text, cut with an ellipsis when it does not fit (article titles can be long)."""

    def __init__(self, parent: QWidget | None = None, *, bold: bool = False) -> None:
        super().__init__(parent)
        self._text = ""
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        if bold:
            font = self.font()
            font.setBold(True)
            self.setFont(font)

    def text(self) -> str:
        """The whole text (not elided)."""
        return self._text

    def setText(self, text: str) -> None:  # noqa: N802 - Qt naming
        """Show `text` (plain text, never markup)."""
        self._text = " ".join(text.split())
        self.setAccessibleName(self._text)
        self.update()

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        return QSize(100, self.fontMetrics().height() + 2)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        painter = QPainter(self)
        shown = self.fontMetrics().elidedText(self._text, Qt.TextElideMode.ElideRight, self.width())
        painter.drawText(self.rect(), int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), shown)
        painter.end()


class SideLabel(QWidget):
    """A side's file name (bold) over its title."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self.file = ElidedLabel(self, bold=True)
        self.title = ElidedLabel(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 0, 4, 0)
        layout.setSpacing(0)
        layout.addWidget(self.file)
        layout.addWidget(self.title)

    def show_document(self, role: str, document: Document | None) -> None:
        """Show a side's role ("base" or "copy"), file and title; nothing for None."""
        if document is None:
            self.file.setText("")
            self.title.setText("")
            self.setToolTip("")
            self.setAccessibleName("")
            return
        self.file.setText(f"{role}: {Path(document.path).name}")
        self.title.setText(document.title)
        self.setAccessibleName(f"{self.file.text()}, {self.title.text()}")
        self.setToolTip(plain_tooltip(f"{document.path}\n{document.title}"))


class PairHeader(QWidget):
    """Left side's label, the swap button, the right side's label."""

    def __init__(self, swap: QAction, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("pairHeader")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 2, 4, 2)
        self.left = SideLabel(self)
        self.right = SideLabel(self)
        self.swap = QToolButton(self)
        self.swap.setDefaultAction(swap)
        self.swap.setText("\u21c4")
        self.swap.setAccessibleName(swap.text().replace("&", ""))
        self.swap.setAutoRaise(True)
        layout.addWidget(self.left, 1)
        layout.addWidget(self.swap)
        layout.addWidget(self.right, 1)

    def show_pair(self, left: Document | None, right: Document | None) -> None:
        """Show the files and titles of both sides."""
        self.left.show_document("base", left)
        self.right.show_document("copy", right)
