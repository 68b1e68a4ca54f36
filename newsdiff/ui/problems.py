"""The problems panel: files that could not be read, and notes on how others were read. It never blocks:
the rest of the folder opens, and the panel can be closed."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QListWidget, QListWidgetItem, QToolButton, QVBoxLayout, QWidget

from newsdiff.core.read.articles import Article, ArticleError
from newsdiff.ui.tooltips import plain_tooltip


class ProblemsPanel(QWidget):
    """A titled list of problems, hidden when there are none."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("problemsPanel")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        top = QHBoxLayout()
        self.title = QLabel(self)
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        top.addWidget(self.title, 1)
        close = QToolButton(self)
        close.setText("\u2715")
        close.setToolTip("Hide the problems")
        close.setAccessibleName("Hide the problems")
        close.setAutoRaise(True)
        close.clicked.connect(self.hide)
        top.addWidget(close)
        layout.addLayout(top)
        self.list = QListWidget(self)
        self.list.setObjectName("problemsList")
        self.list.setAccessibleName("Problems")
        self.list.setWordWrap(True)
        layout.addWidget(self.list)
        self.hide()

    def set_problems(self, errors: list[ArticleError], articles: list[Article]) -> None:
        """List the files that failed and the reading notes of those that loaded; show the panel if any."""
        self.list.clear()
        for error in errors:
            item = QListWidgetItem(f"\u26a0 {error.path}: {error.reason}")
            item.setToolTip(plain_tooltip(str(error)))
            self.list.addItem(item)
        notes = 0
        for article in articles:
            for hint in article.hints:
                item = QListWidgetItem(f"\u2139 {article.path}: {hint}")
                item.setToolTip(plain_tooltip(f"{article.path}\n{hint}"))
                self.list.addItem(item)
                notes += 1
        parts = []
        if errors:
            parts.append(f"{len(errors)} file{'s' if len(errors) != 1 else ''} could not be read")
        if notes:
            parts.append(f"{notes} note{'s' if notes != 1 else ''} on reading")
        self.title.setText("Problems: " + "; ".join(parts) if parts else "")
        self.setVisible(bool(parts))

    def add_problem(self, text: str) -> None:
        """Add one line (a failure after loading, e.g. a comparison that failed) and show the panel."""
        self.list.addItem(QListWidgetItem(f"\u26a0 {text}"))
        if not self.title.text():
            self.title.setText("Problems")
        self.show()
