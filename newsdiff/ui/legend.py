"""The legend above the text: one toggle per kind (its colour, its name; unchecked hides it), the "altered
only" filter, and samples of the marks drawn inside sentences. The toggles show and change the WindowState."""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPaintEvent, QPalette, QPixmap, QTextCursor, QTextDocument
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QSizePolicy, QStyle, QWidget

from newsdiff.core.model import KINDS, Edit, EditOp, Kind, Side
from newsdiff.core.wording import ALTERED, ALTERED_FACTS, ALTERED_LEGEND, KIND_MEANINGS, MOVED, MOVED_LEGEND
from newsdiff.ui.cells import ALTERED_BADGE, MOVED_BADGE, Formats, Styling, draw_wave, new_document, wave_y
from newsdiff.ui.shortcuts import key_text, tooltip
from newsdiff.ui.window_state import WindowState

SWATCH = 14
# What the samples of marks show: their tooltip, and what assistive technology reads for them.
MARKS_LEGEND = (
    "Inside a linked sentence:\n"
    "reworded: words the other copy says in other words\n"
    "added/cut: words only in this copy (added here, or cut from the other copy)\n"
    "typo chars: the characters a typo link, or a slip inside a paraphrase, changes\n"
    "misspelt (wavy underline): a likely misspelling; hover over it for the suggestion\n"
    f"{MOVED}: {MOVED_LEGEND}\n"
    f"{ALTERED}: {ALTERED_LEGEND} ({ALTERED_FACTS})"
)


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


def toolbar_icons(style: QStyle, palette: QPalette) -> dict[str, QIcon]:
    """Icons for the toolbar's actions: the style's where they read on any palette, symbols in the palette's
    button text colour for the rest (the style's arrows are dark whatever the palette)."""
    ink = palette.color(QPalette.ColorRole.ButtonText)
    return {
        "open_folder": style.standardIcon(QStyle.StandardPixmap.SP_DirOpenIcon),
        "open_files": style.standardIcon(QStyle.StandardPixmap.SP_FileIcon),
        "previous_difference": glyph("\u25b2", ink),
        "next_difference": glyph("\u25bc", ink),
        "swap_sides": glyph("\u21c4", ink),
        "export_pair": style.standardIcon(QStyle.StandardPixmap.SP_DialogSaveButton),
    }


def _sample(op: EditOp, *, characters: bool = False) -> Edit:
    """An edit to draw a legend sample with (its place does not matter)."""
    return Edit(Side.LEFT, 0, 0, op, characters)


class LegendSamples(QWidget):
    """The marks drawn inside sentences, drawn with the very formats the text uses."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("legendMarks")
        self.setAccessibleName("Legend of the marks inside sentences")
        self.setAccessibleDescription(MARKS_LEGEND)
        self.setToolTip(MARKS_LEGEND)
        self.document: QTextDocument | None = None
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)

    def set_styling(self, styling: Styling) -> None:
        """Draw the samples for `styling`."""
        formats = Formats(styling)
        document = new_document(styling)
        cursor = QTextCursor(document)
        paraphrase = formats.sentence(Kind.PARAPHRASE, True)
        typo = formats.sentence(Kind.TYPO, True)
        pieces = [
            ("reworded", formats.marked(paraphrase, _sample(EditOp.REPLACE), False)),
            (" ", paraphrase),
            ("added/cut", formats.marked(paraphrase, _sample(EditOp.INSERT), False)),
            ("  ", formats.plain),
            ("typ", typo),
            ("o", formats.marked(typo, _sample(EditOp.REPLACE, characters=True), False)),
            (" chars", typo),
            ("  ", formats.plain),
            ("misspelt", formats.marked(formats.plain, None, True)),
            ("  ", formats.plain),
            (MOVED_BADGE, formats.moved_badge),
            ("  ", formats.plain),
            (ALTERED_BADGE, formats.altered_badge),
        ]
        for text, char_format in pieces:
            if text == "misspelt":
                self._misspelt = (cursor.position(), cursor.position() + len(text))
            cursor.insertText(text, char_format)
        self._colour = styling.theme.misspelling
        self._font = styling.font
        document.setTextWidth(-1)
        self.document = document
        size = document.size()
        self.setFixedSize(int(size.width()) + 2, int(size.height()) + 2)
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        if self.document is None:
            return
        painter = QPainter(self)
        painter.translate(1, (self.height() - self.document.size().height()) / 2)
        self.document.drawContents(painter)
        start, end = self._misspelt
        line = self.document.firstBlock().layout().lineAt(0)
        left, right = line.cursorToX(start)[0], line.cursorToX(end)[0]
        draw_wave(painter, left, right, wave_y(QRectF(left, line.y(), right - left, line.height()), self._font), self._colour)
        painter.end()


class LegendBar(QWidget):
    """Toggles for the kinds and the altered filter, then the legend of marks."""

    def __init__(self, state: WindowState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("legendBar")
        self.setAccessibleName("Legend and filters")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 2, 4, 2)
        layout.setSpacing(4)
        self.kind_buttons: dict[Kind, QCheckBox] = {}
        for kind in KINDS:
            box = self.kind_buttons[kind] = self._toggle(f"toggle_{kind.value}", kind.value, layout)
            box.setChecked(kind not in state.hidden)
            box.toggled.connect(lambda on, kind=kind: state.set_kind_shown(kind, on))
        self.altered_button = self._toggle("altered_only", "\u2260 altered only", layout)
        self.altered_button.setChecked(state.altered_only)
        self.altered_button.toggled.connect(state.set_altered_only)
        state.hidden_changed.connect(self._show_hidden)
        state.altered_only_changed.connect(self.altered_button.setChecked)
        layout.addSpacing(12)
        self.marks = LegendSamples(self)
        layout.addWidget(self.marks)

    def _toggle(self, name: str, text: str, layout: QHBoxLayout) -> QCheckBox:
        """A check box for the filter the action `name` toggles too."""
        box = QCheckBox(text, self)
        box.setObjectName(f"legend_{name}")
        box.setIconSize(QSize(SWATCH, SWATCH))
        layout.addWidget(box)
        layout.addSpacing(6)
        return box

    def _show_hidden(self, hidden: frozenset[Kind]) -> None:
        for kind, box in self.kind_buttons.items():
            box.setChecked(kind not in hidden)

    def set_styling(self, styling: Styling) -> None:
        """Paint the swatches and samples in the styling's colours and font."""
        theme = styling.theme
        for kind, box in self.kind_buttons.items():
            box.setIcon(swatch(theme.kind[kind], theme.dimmed_text))
            key = key_text(f"toggle_{kind.value}")
            box.setToolTip(f"{kind.value}: {KIND_MEANINGS[kind]}\nUncheck to hide them ({key})")
        self.altered_button.setToolTip(tooltip("altered_only"))
        self.marks.set_styling(styling)
