"""The find bar under the text (Ctrl+F): matches in both copies, in reading order, one of them current."""

from __future__ import annotations

import re
from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QToolButton, QWidget

from newsdiff.core.model import Comparison, Side

Match = tuple[Side, int, int]  # side, start and end offsets in that side's text


def find_matches(comparison: Comparison, query: str, row_of: Callable[[Side, int], int]) -> list[Match]:
    """Every case-insensitive occurrence of `query` in either copy, in reading order (row, then left first).

    `row_of(side, offset)` gives the display row holding an offset.
    """
    if not query.strip():
        return []
    pattern = re.compile(re.escape(query), re.IGNORECASE)
    found = [
        (side, m.start(), m.end()) for side in Side for m in pattern.finditer(comparison.document(side).text)
    ]
    return sorted(found, key=lambda match: (row_of(match[0], match[1]), match[0] is Side.RIGHT, match[1]))


class FindBar(QWidget):
    """A search field with previous/next buttons and a count; Escape closes it."""

    search_changed = Signal(str)
    step = Signal(bool)  # True: next match, False: previous
    closed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("findBar")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 2, 4, 2)
        label = QLabel("Find:", self)
        layout.addWidget(label)
        self.field = QLineEdit(self)
        self.field.setObjectName("findField")
        self.field.setAccessibleName("Find")
        label.setBuddy(self.field)
        self.field.setPlaceholderText("words in either copy")
        self.field.setClearButtonEnabled(True)
        for clear in self.field.findChildren(QToolButton):
            clear.setAccessibleName("Clear the search")
        self.field.textChanged.connect(self.search_changed)
        layout.addWidget(self.field, 1)
        previous = QToolButton(self)
        previous.setText("\u25b2")
        previous.setToolTip("Previous match (Shift+Enter, Shift+F3)")
        previous.setAccessibleName("Previous match")
        previous.clicked.connect(lambda: self.step.emit(False))
        following = QToolButton(self)
        following.setText("\u25bc")
        following.setToolTip("Next match (Enter, F3)")
        following.setAccessibleName("Next match")
        following.clicked.connect(lambda: self.step.emit(True))
        layout.addWidget(previous)
        layout.addWidget(following)
        self.count = QLabel(self)
        self.count.setObjectName("findCount")
        self.count.setMinimumWidth(90)
        layout.addWidget(self.count)
        close = QToolButton(self)
        close.setText("\u2715")
        close.setToolTip("Close (Escape)")
        close.setAccessibleName("Close the find bar")
        close.clicked.connect(self.close_bar)
        layout.addWidget(close)

    def open_bar(self) -> None:
        """Show the bar and put the cursor in the field, its text selected."""
        self.show()
        self.field.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.field.selectAll()

    def close_bar(self) -> None:
        """Hide the bar; the matches go."""
        self.hide()
        self.closed.emit()

    def set_count(self, current: int | None, total: int) -> None:
        """Show which match is current, of how many."""
        if not self.field.text().strip():
            self.count.setText("")
        elif total == 0:
            self.count.setText("no match")
        else:
            self.count.setText(f"{(current or 0) + 1} of {total}")

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        key = event.key()
        if key == Qt.Key.Key_Escape:
            self.close_bar()
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.step.emit(not event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
        else:
            super().keyPressEvent(event)
