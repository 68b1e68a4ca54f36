"""The legend above the text: one toggle per kind (its colour, its name; unchecked hides it), the "altered
only" filter, and samples of the marks drawn inside sentences."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QAction, QColor, QIcon, QKeySequence, QPainter, QPalette, QPixmap
from PySide6.QtWidgets import QHBoxLayout, QLabel, QStyle, QToolButton, QWidget

from newsdiff.core.model import KINDS, Kind
from newsdiff.core.report import KIND_MEANINGS
from newsdiff.ui.theme import Theme

SWATCH = 14


def swatch(colour: QColor, border: QColor) -> QIcon:
    """A small square of `colour`, for buttons and the legend."""
    pixmap = QPixmap(SWATCH, SWATCH)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.fillRect(1, 1, SWATCH - 2, SWATCH - 2, colour)
    painter.setPen(border)
    painter.drawRect(1, 1, SWATCH - 3, SWATCH - 3)
    painter.end()
    return QIcon(pixmap)


def glyph(text: str, colour: QColor) -> QIcon:
    """An icon drawn from a symbol of the font (for actions the style has no icon for)."""
    pixmap = QPixmap(24, 24)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    font = painter.font()
    font.setPixelSize(20)
    font.setBold(True)
    painter.setFont(font)
    painter.setPen(colour)
    painter.drawText(pixmap.rect(), Qt.AlignmentFlag.AlignCenter, text)
    painter.end()
    return QIcon(pixmap)


def toolbar_icons(style: QStyle) -> dict[str, QIcon]:
    """Icons for the toolbar's actions, from the style where it has one."""
    pixmap = QStyle.StandardPixmap
    ink = style.standardPalette().color(QPalette.ColorRole.ButtonText)
    return {
        "open_folder": style.standardIcon(pixmap.SP_DirOpenIcon),
        "open_files": style.standardIcon(pixmap.SP_FileIcon),
        "previous_difference": style.standardIcon(pixmap.SP_ArrowUp),
        "next_difference": style.standardIcon(pixmap.SP_ArrowDown),
        "swap_sides": glyph("\u21c4", ink),
        "export_pair": style.standardIcon(pixmap.SP_DialogSaveButton),
    }


def _sample(text: str, style: str) -> str:
    """A legend sample: `text` (the legend's own words, never article text) drawn with a CSS `style`."""
    return f'<span style="{style}">&nbsp;{text}&nbsp;</span>'


class LegendBar(QWidget):
    """Toggles for the kinds and the altered filter, then the legend of marks."""

    def __init__(self, actions: dict[str, QAction], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("legendBar")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 2, 4, 2)
        layout.setSpacing(4)
        self.kind_buttons: dict[Kind, QToolButton] = {}
        for kind in KINDS:
            button = QToolButton(self)
            action = actions[f"toggle_{kind.value}"]
            action.setIconText(kind.value)
            button.setDefaultAction(action)
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
            button.setIconSize(QSize(SWATCH, SWATCH))
            button.setAutoRaise(True)
            self.kind_buttons[kind] = button
            layout.addWidget(button)
        self.altered_button = QToolButton(self)
        actions["altered_only"].setIconText("\u2260 altered only")
        self.altered_button.setDefaultAction(actions["altered_only"])
        self.altered_button.setAutoRaise(True)
        layout.addWidget(self.altered_button)
        layout.addSpacing(12)
        self.marks = QLabel(self)
        self.marks.setTextFormat(Qt.TextFormat.RichText)
        self.marks.setObjectName("legendMarks")
        layout.addWidget(self.marks)

    def set_theme(self, theme: Theme) -> None:
        """Paint the swatches and samples in `theme`'s colours."""
        for kind, button in self.kind_buttons.items():
            button.defaultAction().setIcon(swatch(theme.kind[kind], theme.dimmed_text))
            button.setToolTip(f"{kind.value}: {KIND_MEANINGS[kind]}\nUncheck to hide ({button.defaultAction().shortcut().toString(QKeySequence.SequenceFormat.NativeText)})")
        text, ground = theme.text.name(), theme.kind[Kind.PARAPHRASE].name()
        samples = [
            _sample("reworded", f"background:{theme.reworded.name()};color:{text}"),
            _sample(
                "added/cut",
                f"background:{theme.only_here.name()};color:{text};text-decoration:underline;",
            ),
            _sample("typo chars", f"background:{theme.changed_characters.name()};color:{text};font-weight:bold"),
            _sample(
                "misspelt",
                f"color:{text};text-decoration:underline;text-decoration-style:wavy;"
                f"text-decoration-color:{theme.misspelling.name()}",
            ),
            _sample("\u21c5 moved", f"color:{theme.moved.name()};font-weight:bold"),
            _sample("\u2260 altered", f"color:{theme.altered.name()};font-weight:bold"),
        ]
        self.marks.setText(f'<span style="background:{ground}">' + "".join(samples[:3]) + "</span> " + " ".join(samples[3:]))
        self.marks.setToolTip(
            "Inside a linked sentence:\n"
            "reworded: words the other copy says in other words\n"
            "added/cut: words only in this copy (added here, or cut from the other copy)\n"
            "typo chars: the characters a typo link changes\n"
            "misspelt (wavy underline): a likely misspelling; hover over it for the suggestion\n"
            "moved: a linked sentence out of order relative to its neighbours\n"
            "altered: a linked pair that no longer says the same thing (a number, date, name, negation or claim)"
        )
