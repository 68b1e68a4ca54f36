"""The first-run page, shown while nothing is open: what newsdiff does and the ways to open copies."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget

HINT = (
    "Compare copies of one news story side by side: what each outlet kept, reworded, cut, added or mistyped.\n\n"
    "Save the copies you found into one folder and open it, or drop the folder here. "
    "Choose the copy you trust as the base (Ctrl+B); the others are compared with it. "
    "Walk through the differences with Alt+Down and Alt+Up; F1 lists every key."
)


class WelcomePage(QWidget):
    """A short hint and buttons: Open Folder, Open Files, Open Sample Folder."""

    def __init__(self, actions: dict[str, QAction], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("welcomePage")
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        title = QLabel("newsdiff", self)
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 2)
        font.setBold(True)
        title.setFont(font)
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(title)
        hint = QLabel(HINT, self)
        hint.setObjectName("welcomeHint")
        hint.setWordWrap(True)
        hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        hint.setMaximumWidth(620)
        layout.addWidget(hint, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addSpacing(16)
        for name, text in (
            ("open_folder", "Open Folder…"),
            ("open_files", "Open Files…"),
            ("open_sample", "Open Sample Folder"),
        ):
            button = QPushButton(text, self)
            button.setObjectName(f"welcome_{name}")
            button.setMinimumWidth(220)
            button.clicked.connect(actions[name].trigger)
            layout.addWidget(button, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(2)
