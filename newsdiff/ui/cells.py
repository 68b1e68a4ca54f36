"""One side of a display row as a laid-out text document: the sentences coloured by kind, the changed words and
characters marked inside them, misspellings underlined, moved and altered badges.

Article text goes in through QTextCursor.insertText, as plain text: it is never parsed as markup, so an
article holding tags shows them literally. Positions in a QTextDocument count UTF-16 code units while the
model counts code points; a Cell maps between the two.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetricsF,
    QPainter,
    QPainterPath,
    QPen,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextLine,
)

from newsdiff.core.model import Comparison, Edit, EditOp, Kind, Link, Misspelling, Side
from newsdiff.ui.theme import Theme

MOVED_BADGE = "\u21c5\u00a0moved"  # no-break spaces: a badge never splits over two lines
ALTERED_BADGE = "\u2260\u00a0altered"
FURNITURE_BADGE = "\u2302\u00a0site\u00a0furniture"
BADGE_GAP = "\u00a0"  # nor leaves the first word of its sentence
LINE_HEIGHT_PERCENT = 125
PARAGRAPH_GAP = 0.6  # space after a paragraph inside a cell, in line heights


def utf16_length(text: str) -> int:
    """The length of `text` in UTF-16 code units, the unit of QTextDocument positions."""
    return len(text.encode("utf-16-le", "surrogatepass")) // 2


@dataclass(frozen=True)
class Styling:
    """What decides how sentences look: the colours, the font, and which sentences are shown in colour."""

    theme: Theme
    font: QFont
    hidden: frozenset[Kind] = frozenset()
    altered_only: bool = False
    furniture: frozenset[tuple[Side, int]] = frozenset()  # sentences that are site furniture, not story
    hide_furniture: bool = False

    def visible(self, kind: Kind, link: Link | None, sentences: Iterable[tuple[Side, int]] = ()) -> bool:
        """Whether a sentence of `kind` (in `link`, None if unique) is shown in colour; `sentences` (side,
        index) are hidden too when they are all site furniture and furniture is hidden."""
        if kind in self.hidden:
            return False
        if self.hide_furniture and self.furniture:
            keys = list(sentences)
            if keys and all(key in self.furniture for key in keys):
                return False
        return not self.altered_only or (link is not None and link.altered)


@dataclass(frozen=True)
class Place:
    """Where a sentence sits in a cell's document (positions in UTF-16 code units)."""

    sentence: int
    start: int
    end: int


@dataclass
class Cell:
    """The paragraphs of one side of a row, laid out; empty when that side has nothing in the row."""

    side: Side
    paragraphs: tuple[int, ...]
    document: QTextDocument | None = None
    places: list[Place] = field(default_factory=list)
    misspelt: list[tuple[int, int, Misspelling]] = field(default_factory=list)
    visible: set[int] = field(default_factory=set)  # sentences shown in colour
    # (article offset, document position) at the start of each stretch of article text, for mapping offsets
    anchors: list[tuple[int, int]] = field(default_factory=list)
    text: str = ""

    @property
    def empty(self) -> bool:
        """Whether this side of the row holds nothing (a gap)."""
        return self.document is None

    def height(self) -> float:
        """The laid-out height of the text (0 for a gap)."""
        return self.document.size().height() if self.document is not None else 0.0

    def set_width(self, width: float) -> None:
        """Lay the text out at `width` pixels."""
        if self.document is not None:
            self.document.setTextWidth(width)

    def position_of(self, offset: int) -> int | None:
        """The document position of article offset `offset`, or None if the cell does not show it."""
        if not self.anchors:
            return None
        index = bisect_right(self.anchors, (offset, float("inf"))) - 1
        if index < 0:
            return None
        start, position = self.anchors[index]
        return position + utf16_length(self.text[start:offset])

    def place_at(self, position: int) -> Place | None:
        """The sentence at document position `position`, if any."""
        for place in self.places:
            if place.start <= position < place.end:
                return place
        return None

    def place_of(self, sentence: int) -> Place | None:
        """Where sentence `sentence` sits in this cell, if it is here."""
        for place in self.places:
            if place.sentence == sentence:
                return place
        return None

    def misspelling_at(self, position: int) -> Misspelling | None:
        """The misspelt word at document position `position`, if any."""
        for start, end, misspelling in self.misspelt:
            if start <= position < end:
                return misspelling
        return None

    def hit(self, point: QPointF) -> int | None:
        """The document position of the character under `point` (cell coordinates), or None."""
        document = self.document
        if document is None:
            return None
        block = document.begin()
        while block.isValid():
            layout = block.layout()
            origin = layout.position()
            for number in range(layout.lineCount()):
                line = layout.lineAt(number)
                top = origin.y() + line.y()
                if top <= point.y() < top + line.height():
                    x = point.x() - origin.x()
                    if not line.x() <= x <= line.x() + line.naturalTextWidth():
                        return None
                    return block.position() + line.xToCursor(x, QTextLine.CursorPosition.CursorOnCharacter)
            block = block.next()
        return None

    def range_rects(self, start: int, end: int) -> list[QRectF]:
        """The rectangles, one per line, covering document positions `start` to `end` (cell coordinates)."""
        document = self.document
        rects: list[QRectF] = []
        if document is None or start >= end:
            return rects
        block = document.findBlock(start)
        while block.isValid() and block.position() < end:
            layout = block.layout()
            origin = layout.position()
            for number in range(layout.lineCount()):
                line = layout.lineAt(number)
                line_start = block.position() + line.textStart()
                line_end = line_start + line.textLength()
                a, b = max(start, line_start), min(end, line_end)
                if a >= b:
                    continue
                x1 = line.cursorToX(a - block.position())[0]
                x2 = line.cursorToX(b - block.position())[0]
                rects.append(QRectF(origin.x() + min(x1, x2), origin.y() + line.y(), abs(x2 - x1), line.height()))
            block = block.next()
        return rects

    def vertical_span(self, start: int, end: int) -> tuple[float, float] | None:
        """The top of the line holding position `start` and the bottom of the one holding `end` - 1."""
        document = self.document
        if document is None or start >= end:
            return None
        edges = []
        for position, bottom in ((start, False), (end - 1, True)):
            block = document.findBlock(position)
            layout = block.layout()
            line = layout.lineForTextPosition(position - block.position())
            if not line.isValid():
                return None
            y = layout.position().y() + line.y()
            edges.append(y + line.height() if bottom else y)
        return edges[0], edges[1]

    def sentence_rects(self, sentence: int) -> list[QRectF]:
        """The rectangles covering sentence `sentence` (cell coordinates); empty if it is not in this cell."""
        place = self.place_of(sentence)
        return self.range_rects(place.start, place.end) if place is not None else []


class Formats:
    """The character formats of one styling: plain text, a sentence of each kind, the marks inside sentences,
    the badges. The cells and the legend both draw with these, so the legend shows exactly what the text does."""

    def __init__(self, styling: Styling) -> None:
        self.styling = styling
        theme = styling.theme
        self.plain = QTextCharFormat()
        self.plain.setForeground(QBrush(theme.text))
        self.block = QTextBlockFormat()
        self.block.setLineHeight(LINE_HEIGHT_PERCENT, QTextBlockFormat.LineHeightTypes.ProportionalHeight.value)
        self.block.setBottomMargin(PARAGRAPH_GAP * styling.font.pointSizeF() * 1.6)
        self.moved_badge = self._badge(theme.moved)
        self.altered_badge = self._badge(theme.altered)
        self.furniture_badge = self._badge(theme.dimmed_text)

    def _badge(self, colour: QColor) -> QTextCharFormat:
        badge = QTextCharFormat()
        badge.setForeground(QBrush(colour))
        badge.setFontWeight(QFont.Weight.Bold)
        badge.setFontPointSize(self.styling.font.pointSizeF() * 0.8)
        return badge

    def sentence(self, kind: Kind, shown: bool) -> QTextCharFormat:
        """A sentence of `kind`: on its kind's colour if shown, dimmed if its kind is hidden."""
        sentence = QTextCharFormat(self.plain)
        if shown:
            sentence.setBackground(QBrush(self.styling.theme.kind[kind]))
        else:
            sentence.setForeground(QBrush(self.styling.theme.dimmed_text))
        return sentence

    def marked(self, base: QTextCharFormat, edit: Edit | None, misspelt: bool) -> QTextCharFormat:
        """`base` with the mark of `edit` (changed characters, reworded or one-sided words) and/or a misspelling
        underline."""
        theme = self.styling.theme
        marked = QTextCharFormat(base)
        if edit is not None:
            if edit.characters:
                marked.setBackground(QBrush(theme.changed_characters))
                marked.setFontWeight(QFont.Weight.Bold)
            elif edit.op is EditOp.REPLACE:
                marked.setBackground(QBrush(theme.reworded))
            else:
                marked.setBackground(QBrush(theme.only_here))
                marked.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
                marked.setUnderlineColor(theme.only_here_line)
        if misspelt:
            # Qt's own wave underline is a hairline at reading sizes; draw_wave paints a bolder one over it
            marked.setUnderlineStyle(QTextCharFormat.UnderlineStyle.NoUnderline)
        return marked


WAVE_LENGTH = 4.0  # pixels per wave
WAVE_HEIGHT = 1.8  # pixels either side of the line


def draw_wave(painter: QPainter, left: float, right: float, y: float, colour: QColor) -> None:
    """A wavy line from `left` to `right` at height `y`: the misspelling mark."""
    path = QPainterPath(QPointF(left, y))
    x, up = left, True
    while x < right:
        step = min(WAVE_LENGTH / 2, right - x)
        path.quadTo(QPointF(x + step / 2, y - WAVE_HEIGHT if up else y + WAVE_HEIGHT), QPointF(x + step, y))
        x += step
        up = not up
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(QPen(colour, 1.5))
    painter.drawPath(path)
    painter.restore()


def wave_y(rect: QRectF, font: QFont) -> float:
    """Where the wave goes under a line of text whose rectangle is `rect`: just below the baseline."""
    return rect.top() + QFontMetricsF(font).ascent() + 2.5


def new_document(styling: Styling) -> QTextDocument:
    """An empty document for a cell or a legend sample."""
    document = QTextDocument()
    document.setUndoRedoEnabled(False)
    document.setDocumentMargin(0)
    document.setDefaultFont(styling.font)
    return document


Writer = Callable[[str, QTextCharFormat, "int | None"], None]


class CellBuilder:
    """Builds the cells of one comparison with one styling."""

    def __init__(self, comparison: Comparison, styling: Styling) -> None:
        self.comparison = comparison
        self.styling = styling
        self.formats = Formats(styling)
        self._misspelt = {
            side: sorted((m for m in comparison.misspellings if m.side is side), key=lambda m: m.start) for side in Side
        }
        self._sentences_of: dict[Side, dict[int, list[int]]] = {}
        for side in Side:
            by_paragraph: dict[int, list[int]] = {}
            for index, sentence in enumerate(comparison.document(side).sentences):
                by_paragraph.setdefault(sentence.paragraph, []).append(index)
            self._sentences_of[side] = by_paragraph

    def cell(self, side: Side, paragraphs: Sequence[int]) -> Cell:
        """The cell showing `paragraphs` of `side`."""
        cell = Cell(side, tuple(paragraphs))
        if not paragraphs:
            return cell
        comparison, formats = self.comparison, self.formats
        document_model = comparison.document(side)
        cell.text = document_model.text
        document = new_document(self.styling)
        cursor = QTextCursor(document)
        cursor.setBlockFormat(formats.block)
        position = 0

        def put(text: str, char_format: QTextCharFormat, offset: int | None = None) -> None:
            nonlocal position
            if offset is not None:
                cell.anchors.append((offset, position))
            # a line break inside a paragraph would start a new block; a space keeps positions one to one
            cursor.insertText(text.replace("\n", " ").replace("\u2029", " ").replace("\u2028", " "), char_format)
            position += utf16_length(text)

        for number, paragraph in enumerate(paragraphs):
            if number:
                cursor.insertBlock(formats.block)
                position += 1
            span = document_model.paragraphs[paragraph]
            previous_end = span.start
            for index in self._sentences_of[side].get(paragraph, []):
                sentence = document_model.sentences[index]
                if sentence.start > previous_end:
                    put(document_model.text[previous_end : sentence.start], formats.plain, previous_end)
                link_index = comparison.link_of(side, index)
                link = comparison.links[link_index] if link_index is not None else None
                kind = link.kind if link is not None else Kind.UNIQUE
                shown = self.styling.visible(kind, link, [(side, index)])
                if shown:
                    cell.visible.add(index)
                if (side, index) in self.styling.furniture:
                    put(FURNITURE_BADGE, formats.furniture_badge)
                    put(BADGE_GAP, formats.plain)
                if link is not None and link.moved:
                    put(MOVED_BADGE, formats.moved_badge)
                    put(BADGE_GAP, formats.plain)
                if link is not None and link.altered:
                    put(ALTERED_BADGE, formats.altered_badge)
                    put(BADGE_GAP, formats.plain)
                start = position
                self._put_sentence(put, cell, side, sentence.start, sentence.end, link, shown)
                cell.places.append(Place(index, start, position))
                previous_end = sentence.end
        cell.document = document
        return cell

    def _put_sentence(
        self, put: Writer, cell: Cell, side: Side, start: int, end: int, link: Link | None, shown: bool
    ) -> None:
        """Write a sentence as runs of text cut where its marks begin and end."""
        text = self.comparison.document(side).text
        kind = link.kind if link is not None else Kind.UNIQUE
        base = self.formats.sentence(kind, shown)
        edits: Iterable[Edit] = link.edits if (link is not None and shown) else ()
        edits = [e for e in edits if e.side is side and e.start < end and e.end > start]
        misspelt = [m for m in self._misspelt[side] if m.start < end and m.end > start]
        cuts = sorted({start, end, *(max(start, min(end, x)) for m in (*edits, *misspelt) for x in (m.start, m.end))})
        for a, b in zip(cuts, cuts[1:]):
            edit = next((e for e in edits if e.start <= a and b <= e.end), None)
            wrong = next((m for m in misspelt if m.start <= a and b <= m.end), None)
            if edit is None and wrong is None:
                put(text[a:b], base, a)
                continue
            put(text[a:b], self.formats.marked(base, edit, wrong is not None), a)
            if wrong is not None:
                run_start = cell.anchors[-1][1]
                cell.misspelt.append((run_start, run_start + utf16_length(text[a:b]), wrong))


def build_cells(comparison: Comparison, styling: Styling) -> list[tuple[Cell, Cell]]:
    """The cells of every display row of `comparison`, left and right."""
    builder = CellBuilder(comparison, styling)
    return [(builder.cell(Side.LEFT, row.left), builder.cell(Side.RIGHT, row.right)) for row in comparison.rows]
