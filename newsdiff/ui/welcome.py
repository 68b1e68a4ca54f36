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
    """A short hint and buttons: Reopen Last Folder (once there is one), Open Folder, Open Files, Open Sample
    Folder."""

    def __init__(self, actions: dict[str, QAction], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("welcomePage")
        self.setAccessibleName("Welcome to newsdiff")
        self.setAccessibleDescription(HINT)
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
        # a centred label in a box layout is not given its wrapped height: fix both from the width
        width = min(620, hint.fontMetrics().averageCharWidth() * 90)
        hint.setFixedSize(width, hint.heightForWidth(width))
        layout.addWidget(hint, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addSpacing(16)
        for name in ("open_last", "open_folder", "open_files", "open_sample"):
            action = actions[name]
            button = QPushButton(self)
            button.setObjectName(f"welcome_{name}")
            button.setMinimumWidth(260)
            button.clicked.connect(action.trigger)
            layout.addWidget(button, 0, Qt.AlignmentFlag.AlignHCenter)
            self._follow(button, action)
            action.changed.connect(lambda button=button, action=action: self._follow(button, action))
        layout.addStretch(2)

    @staticmethod
    def _follow(button: QPushButton, action: QAction) -> None:
        """Give the button its action's words (without the mnemonic) and visibility."""
        button.setText(action.text().replace("&&", "\0").replace("&", "").replace("\0", "&"))
        button.setVisible(action.isVisible())
