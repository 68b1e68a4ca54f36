"""The small editor of a note on a difference or on a copy: plain text, saved on OK, removed when emptied."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QPlainTextEdit, QVBoxLayout, QWidget

NOTE_LIMIT = 10_000  # characters: a note is a few lines; more is cut, so the review file stays small


class NoteEditor(QDialog):
    """A modal editor of one note; `subject` (plain text, shown literally) says what the note is about."""

    def __init__(self, subject: str, note: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("noteEditor")
        self.setWindowTitle("Note — newsdiff")
        layout = QVBoxLayout(self)
        label = QLabel(subject, self)
        label.setObjectName("noteSubject")
        label.setTextFormat(Qt.TextFormat.PlainText)  # the subject quotes article text: never markup
        label.setWordWrap(True)
        layout.addWidget(label)
        self.field = QPlainTextEdit(self)
        self.field.setObjectName("noteField")
        self.field.setAccessibleName("Note")
        self.field.setPlainText(note)
        self.field.setTabChangesFocus(True)
        self.field.installEventFilter(self)
        self.field.setPlaceholderText("What you found, what to ask, what to do. Empty: no note.")
        label.setBuddy(self.field)
        layout.addWidget(self.field, 1)
        hint = QLabel("Ctrl+Enter saves; Escape cancels.", self)
        hint.setEnabled(False)
        layout.addWidget(hint)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(480, 260)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Ctrl+Enter saves: taken before the field, which would type a line break
        if (
            watched is self.field
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and event.modifiers() & Qt.KeyboardModifier.ControlModifier
        ):
            self.accept()
            return True
        return super().eventFilter(watched, event)

    def note(self) -> str:
        """The note as written (cut at NOTE_LIMIT characters)."""
        return self.field.toPlainText()[:NOTE_LIMIT]
