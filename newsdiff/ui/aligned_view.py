"""The two copies side by side as aligned rows: one scrolling surface painting both columns.

Both columns live in one widget, so a row is always side by side with itself and the panes cannot scroll
apart. Each row is as tall as its taller side; the shorter side is padded, and a side with nothing in the row
shows a hatched gap. Rows whose sentences are all hidden (of a hidden kind, or site furniture while that is
hidden) fold into one thin band.

Assistive technology reads the view through its accessible name (the two files) and description (the current
difference: where it is, its kind and marks, and the sentences of both sides), and hears each new current
difference announced.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QEvent, QPoint, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import (
    QAccessible,
    QAccessibleAnnouncementEvent,
    QBrush,
    QColor,
    QContextMenuEvent,
    QFont,
    QFontMetricsF,
    QMouseEvent,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPen,
    QResizeEvent,
)
from PySide6.QtWidgets import QAbstractScrollArea, QApplication, QMenu, QToolTip, QWidget

from newsdiff.core.model import Comparison, Kind, Side
from newsdiff.core.output.review import Mark
from newsdiff.core.wording import sentence_hint
from newsdiff.ui.cells import Cell, Styling, build_cells, draw_wave, wave_y
from newsdiff.ui.theme import KIND_HUE
from newsdiff.ui.tooltips import plain_tooltip

MARGIN = 10  # around the columns
GUTTER = 30  # between the columns, where connectors run
CELL_PADDING = 8  # inside a cell, left and right
ROW_PADDING = 6  # inside a row, above and below
SCROLL_STEP = 40
NO_PAIR = "Side by side: no pair shown"  # the view's accessible name while it shows nothing
REVIEW_MARK_SCALE = 1.25  # the tick and the note marker, against the text's size: seen at a glance in the gutter

Key = tuple[Side, int]  # a sentence: its side and index


@dataclass
class RowBox:
    """Where a display row (or a band of folded rows) sits in the content."""

    rows: tuple[int, ...]  # display rows: one, or several folded into a band
    top: float
    height: float
    folded: bool

    @property
    def bottom(self) -> float:
        """The bottom edge of the row in the content."""
        return self.top + self.height


@dataclass(frozen=True)
class OverviewMark:
    """A sentence as the overview strip shows it: side, extent as fractions of the content, colour."""

    side: Side
    top: float
    bottom: float
    colour: QColor
    difference: bool  # not shared: drawn strongly


def _outline(rects: list[QRectF]) -> QPainterPath:
    """One contour around the line rectangles of a sentence: each line is stretched down to the next so that
    the lines join (line spacing would leave gaps), then the shapes are united."""
    ordered = sorted(rects, key=lambda rect: (rect.top(), rect.left()))
    path = QPainterPath()
    for rect, following in zip(ordered, [*ordered[1:], None]):
        grown = QRectF(rect)
        if following is not None and following.top() > rect.top():
            grown.setBottom(max(rect.bottom(), following.top()))
        piece = QPainterPath()
        piece.addRect(grown.adjusted(-2, -1, 2, 1))
        path = path.united(piece)
    return path.simplified()


class AlignedView(QAbstractScrollArea):
    """The side-by-side view of one comparison."""

    sentence_clicked = Signal(object, int)  # side, sentence
    layout_changed = Signal()  # rows laid out anew: the overview must redraw
    scrolled = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("alignedView")
        self.setAccessibleName(NO_PAIR)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.viewport().setMouseTracking(True)
        self.verticalScrollBar().setSingleStep(SCROLL_STEP)
        self.verticalScrollBar().valueChanged.connect(lambda _: self.scrolled.emit())
        self.comparison: Comparison | None = None
        self.styling: Styling | None = None
        self._cells: list[tuple[Cell, Cell]] = []
        self._boxes: list[RowBox] = []
        self._box_of_row: dict[int, int] = {}
        self._sentence_boxes: dict[Key, QRectF] = {}
        self._content_height = 0.0
        self._width = -1
        self._hover: Key | None = None
        self._current: set[Key] = set()
        self._matches: list[tuple[Side, int, int]] = []
        self._current_match: int | None = None
        self._row_of_paragraph: dict[Key, int] = {}
        self._placeholder = ""
        self._review: list[tuple[list[Key], Mark]] = []  # differences checked or noted, with their review
        self._notes: dict[Key, str] = {}

    # ----- content

    def set_placeholder(self, text: str) -> None:
        """A message shown in place of the rows while there is no comparison (e.g. while one is computed)."""
        self._placeholder = text
        self.viewport().update()

    def set_comparison(self, comparison: Comparison | None, styling: Styling) -> None:
        """Show `comparison` (None: nothing) styled by `styling`."""
        self.comparison = comparison
        self._hover = None
        self._current = set()
        if comparison is None:
            self.setAccessibleName(NO_PAIR)
        else:
            left, right = (Path(comparison.document(side).path).name for side in Side)
            self.setAccessibleName(f"Side by side: {left} on the left, {right} on the right")
        self.setAccessibleDescription("")
        self._matches, self._current_match = [], None
        self._row_of_paragraph = {}
        self._review, self._notes = [], {}
        if comparison is not None:
            for index, row in enumerate(comparison.rows):
                for side in Side:
                    for paragraph in row.paragraphs(side):
                        self._row_of_paragraph[(side, paragraph)] = index
        self.set_styling(styling)
        self.verticalScrollBar().setValue(0)

    def set_styling(self, styling: Styling) -> None:
        """Restyle the text (hidden kinds, altered filter, colours, font) keeping the scroll position."""
        self.styling = styling
        self._cells = build_cells(self.comparison, styling) if self.comparison is not None else []
        self._width = -1
        self._relayout()

    def _relayout(self) -> None:
        width = self.viewport().width()
        if width == self._width:
            return
        self._width = width
        column = self.column_width()
        boxes: list[RowBox] = []
        top = float(MARGIN)
        for index, (left, right) in enumerate(self._cells):
            folded = not (left.visible or right.visible)
            if folded and boxes and boxes[-1].folded:
                boxes[-1].rows += (index,)
                continue
            if folded:
                height = self.fontMetrics().height() + 6
            else:
                left.set_width(column - 2 * CELL_PADDING)
                right.set_width(column - 2 * CELL_PADDING)
                height = max(left.height(), right.height()) + 2 * ROW_PADDING
            boxes.append(RowBox((index,), top, height, folded))
            top += height
        self._boxes = boxes
        self._box_of_row = {row: number for number, box in enumerate(boxes) for row in box.rows}
        self._content_height = top + MARGIN
        self._sentence_boxes = self._measure_sentences()
        bar = self.verticalScrollBar()
        bar.setPageStep(self.viewport().height())
        bar.setRange(0, max(0, int(self._content_height - self.viewport().height())))
        self.viewport().update()
        self.layout_changed.emit()

    def _measure_sentences(self) -> dict[Key, QRectF]:
        """Each shown sentence's band of the content: its column's width, from its first line to its last.

        Only the lines are looked up (no positions within lines), which keeps this cheap for long articles.
        """
        found: dict[Key, QRectF] = {}
        column = self.column_width()
        for box in self._boxes:
            if box.folded:
                continue
            for side, cell in zip(Side, self._cells[box.rows[0]]):
                origin = self.cell_origin(box, side)
                for place in cell.places:
                    span = cell.vertical_span(place.start, place.end)
                    if span is not None:
                        top, bottom = span
                        found[(side, place.sentence)] = QRectF(
                            origin.x(), origin.y() + top, column - 2 * CELL_PADDING, bottom - top
                        )
        return found

    def column_width(self) -> float:
        """The width of each column."""
        return max(80.0, (self.viewport().width() - 2 * MARGIN - GUTTER) / 2)

    def column_left(self, side: Side) -> float:
        """The x of a column's left edge."""
        return MARGIN if side is Side.LEFT else MARGIN + self.column_width() + GUTTER

    def cell_origin(self, box: RowBox, side: Side) -> QPointF:
        """The content coordinates of the top left corner of a row's text on `side`."""
        return QPointF(self.column_left(side) + CELL_PADDING, box.top + ROW_PADDING)

    def content_height(self) -> float:
        """The height of all rows."""
        return self._content_height

    def scroll_top(self) -> float:
        """The content y at the top of the viewport."""
        return float(self.verticalScrollBar().value())

    def sentence_box(self, side: Side, sentence: int) -> QRectF | None:
        """The band of the content holding a sentence, its column wide (None if it is in a folded row)."""
        return self._sentence_boxes.get((side, sentence))

    def row_box(self, row: int) -> RowBox | None:
        """The box of display row `row` (a band if it is folded)."""
        number = self._box_of_row.get(row)
        return self._boxes[number] if number is not None else None

    def boxes(self) -> list[RowBox]:
        """The laid-out rows, top to bottom."""
        return list(self._boxes)

    def cells(self, row: int) -> tuple[Cell, Cell]:
        """The left and right cells of display row `row`."""
        return self._cells[row]

    def overview_marks(self) -> list[OverviewMark]:
        """Every sentence as the overview strip draws it."""
        comparison, styling = self.comparison, self.styling
        if comparison is None or styling is None or self._content_height <= 0:
            return []
        marks = []
        for (side, sentence), rect in self._sentence_boxes.items():
            link_index = comparison.link_of(side, sentence)
            link = comparison.links[link_index] if link_index is not None else None
            kind = link.kind if link is not None else Kind.UNIQUE
            if not styling.visible(kind, link, [(side, sentence)]):
                continue
            strong = kind is not Kind.SHARED or (link is not None and (link.moved or link.altered))
            colour = QColor(KIND_HUE[kind]) if strong else styling.theme.kind[kind]
            marks.append(
                OverviewMark(side, rect.top() / self._content_height, rect.bottom() / self._content_height, colour, strong)
            )
        return marks

    # ----- highlights

    def set_current(self, sentences: Iterable[Key], scroll: bool = True) -> None:
        """Outline `sentences` as the current difference, and bring them into view."""
        self._current = set(sentences)
        if scroll:
            self.reveal(self._current)
        self.viewport().update()

    def set_review(self, marks: list[tuple[list[Key], Mark]]) -> None:
        """Show the review of differences (their sentences, and whether checked, noted, stale): a tick and a
        note marker in the gutter beside each, the note in the tooltip of its sentences."""
        self._review = [(keys, mark) for keys, mark in marks if mark.checked or mark.note]
        self._notes = {key: mark.note for keys, mark in self._review if mark.note for key in keys}
        self.viewport().update()

    def current(self) -> set[Key]:
        """The sentences outlined as current."""
        return set(self._current)

    def announce_current(self, position: str, note: str = "") -> None:
        """Tell assistive technology the current difference: `position` (where it is, its kind and marks, e.g.
        "difference 3 of 98: paraphrase, moved"), the sentences of each side, then `note` (e.g. that the walk
        wrapped round); it becomes the view's accessible description and is announced."""
        parts = [position]
        for side in Side:
            text = self.text_of(key for key in self._current if key[0] is side)
            parts.append(f"{side.value}: {text or 'nothing'}")
        told = ". ".join(parts + ([note] if note else []))
        self.setAccessibleDescription(told)  # Qt tells assistive technology the description changed
        QAccessible.updateAccessibility(QAccessibleAnnouncementEvent(self, told))

    def set_matches(self, matches: list[tuple[Side, int, int]], current: int | None) -> None:
        """Mark search matches (side, start, end in article offsets); bring the current one into view."""
        self._matches, self._current_match = matches, current
        if current is not None:
            side, start, end = matches[current]
            rects = self._range_boxes(side, start, end)
            if rects:
                self._reveal_span(min(r.top() for r in rects), max(r.bottom() for r in rects))
        self.viewport().update()

    def counterparts(self, key: Key) -> set[Key]:
        """A sentence with every sentence of its link, on both sides (itself alone if it is unique)."""
        comparison = self.comparison
        if comparison is None:
            return {key}
        link_index = comparison.link_of(*key)
        if link_index is None:
            return {key}
        link = comparison.links[link_index]
        return {(side, s) for side in Side for s in link.sentences(side)}

    def reveal(self, sentences: Iterable[Key]) -> None:
        """Scroll so that `sentences` are in view, the first of them a quarter down the viewport."""
        rects = [self._sentence_boxes[k] for k in sentences if k in self._sentence_boxes]
        if not rects and self.comparison is not None:
            rows = [self._row_of(key) for key in sentences]
            boxes = [self.row_box(row) for row in rows if row is not None]
            rects = [QRectF(0, b.top, 1, b.height) for b in boxes if b is not None]
        if rects:
            self._reveal_span(min(r.top() for r in rects), max(r.bottom() for r in rects))

    def _reveal_span(self, top: float, bottom: float) -> None:
        view_top, height = self.scroll_top(), self.viewport().height()
        if view_top + 0.1 * height <= top and bottom <= view_top + 0.85 * height:
            return
        self.verticalScrollBar().setValue(int(top - 0.25 * height))

    def center_on(self, fraction: float) -> None:
        """Scroll so that the content at `fraction` of its height is in the middle of the viewport."""
        self.verticalScrollBar().setValue(int(fraction * self._content_height - self.viewport().height() / 2))

    def _row_of(self, key: Key) -> int | None:
        if self.comparison is None:
            return None
        side, sentence = key
        paragraph = self.comparison.document(side).sentences[sentence].paragraph
        return self._row_of_paragraph.get((side, paragraph))

    def _range_boxes(self, side: Side, start: int, end: int) -> list[QRectF]:
        """Content rectangles of article offsets `start` to `end` of `side` (empty if folded or not shown)."""
        comparison = self.comparison
        if comparison is None:
            return []
        document = comparison.document(side)
        starts = [p.start for p in document.paragraphs]
        paragraph = bisect_right(starts, start) - 1
        row = self._row_of_paragraph.get((side, paragraph))
        box = self.row_box(row) if row is not None else None
        if box is None or box.folded:
            return []
        cell = self._cells[row][0 if side is Side.LEFT else 1]
        first, last = cell.position_of(start), cell.position_of(min(end, document.paragraphs[paragraph].end))
        if first is None or last is None:
            return []
        origin = self.cell_origin(box, side)
        return [rect.translated(origin) for rect in cell.range_rects(first, last)]

    # ----- hit testing

    def sentence_at(self, point: QPoint) -> tuple[Key, Cell, int] | None:
        """The sentence under a viewport point, with its cell and the document position hit."""
        y = point.y() + self.scroll_top()
        tops = [box.top for box in self._boxes]
        number = bisect_right(tops, y) - 1
        if number < 0 or self._boxes[number].folded or y >= self._boxes[number].bottom:
            return None
        box = self._boxes[number]
        for side, cell in zip(Side, self._cells[box.rows[0]]):
            origin = self.cell_origin(box, side)
            local = QPointF(point.x() - origin.x(), y - origin.y())
            if 0 <= local.x() <= self.column_width() - 2 * CELL_PADDING:
                position = cell.hit(local)
                place = cell.place_at(position) if position is not None else None
                if place is not None:
                    return (side, place.sentence), cell, position
        return None

    def tooltip_at(self, point: QPoint) -> str:
        """The tooltip for a viewport point: a misspelling's suggestion, or what the sentence is."""
        hit = self.sentence_at(point)
        comparison = self.comparison
        if hit is None or comparison is None:
            return ""
        (side, sentence), cell, position = hit
        misspelling = cell.misspelling_at(position)
        if misspelling is not None:
            if misspelling.suggestion:
                return f"\u201c{misspelling.word}\u201d: likely misspelling; suggestion: {misspelling.suggestion}"
            return f"\u201c{misspelling.word}\u201d: likely misspelling"
        link_index = comparison.link_of(side, sentence)
        link = comparison.links[link_index] if link_index is not None else None
        hint = sentence_hint(link, name_kind=True, separator="\n")
        note = self._notes.get((side, sentence))
        return plain_tooltip(f"{hint}\n\nNote: {note}") if note else hint

    # ----- events

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        self._relayout()
        bar = self.verticalScrollBar()
        bar.setPageStep(self.viewport().height())
        bar.setRange(0, max(0, int(self._content_height - self.viewport().height())))
        self.layout_changed.emit()

    def scrollContentsBy(self, dx: int, dy: int) -> None:  # noqa: N802 - Qt override
        self.viewport().update()

    def viewportEvent(self, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.ToolTip:
            text = self.tooltip_at(event.pos())
            if text:
                QToolTip.showText(event.globalPos(), text, self.viewport())
            else:
                QToolTip.hideText()
                event.ignore()
            return True
        if event.type() == QEvent.Type.Leave:
            self._set_hover(None)
        return super().viewportEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt override
        hit = self.sentence_at(event.position().toPoint())
        self._set_hover(hit[0] if hit else None)

    def _set_hover(self, key: Key | None) -> None:
        if key != self._hover:
            self._hover = key
            self.viewport().update()

    def hovered(self) -> set[Key]:
        """The sentence under the mouse with its counterparts (empty when the mouse is over no sentence)."""
        return self.counterparts(self._hover) if self._hover is not None else set()

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt override
        self.setFocus(Qt.FocusReason.MouseFocusReason)
        if event.button() == Qt.MouseButton.LeftButton:
            hit = self.sentence_at(event.position().toPoint())
            if hit is not None:
                side, sentence = hit[0]
                self.sentence_clicked.emit(side, sentence)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:  # noqa: N802 - Qt override
        hit = self.sentence_at(event.pos())
        if hit is None or self.comparison is None:
            return
        key = hit[0]
        menu = QMenu(self)
        menu.addAction("Copy Sentence", lambda: self._copy({key}))
        menu.addAction("Copy Sentence and Counterpart", lambda: self._copy(self.counterparts(key)))
        menu.exec(event.globalPos())

    def _copy(self, keys: set[Key]) -> None:
        QApplication.clipboard().setText(self.text_of(keys))

    def text_of(self, keys: Iterable[Key]) -> str:
        """The text of sentences, left side first, in order, one side per paragraph."""
        comparison = self.comparison
        if comparison is None:
            return ""
        chosen = set(keys)
        parts = []
        for side in Side:
            document = comparison.document(side)
            sentences = sorted(s for k, s in chosen if k is side)
            if sentences:
                parts.append(" ".join(" ".join(document.sentence_text(s).split()) for s in sentences))
        return "\n\n".join(parts)

    # ----- painting

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        styling = self.styling
        painter = QPainter(self.viewport())
        if styling is None:
            return
        theme = styling.theme
        painter.fillRect(event.rect(), theme.background)
        if self.comparison is None:
            painter.setPen(theme.dimmed_text)
            painter.drawText(self.viewport().rect(), int(Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap), self._placeholder)
            return
        top = self.scroll_top()
        height = self.viewport().height()
        painter.translate(0, -top)
        column = self.column_width()
        for box in self._boxes:
            if box.bottom < top or box.top > top + height:
                continue
            if box.folded:
                self._paint_band(painter, box)
                continue
            for side, cell in zip(Side, self._cells[box.rows[0]]):
                x = self.column_left(side)
                if cell.empty:
                    painter.fillRect(
                        QRectF(x, box.top + 2, column, box.height - 4), QBrush(theme.gap, Qt.BrushStyle.BDiagPattern)
                    )
                    continue
                origin = self.cell_origin(box, side)
                painter.save()
                painter.translate(origin)
                cell.document.drawContents(painter, QRectF(0, 0, column, box.height))
                for start, end, _ in cell.misspelt:
                    for rect in cell.range_rects(start, end):
                        draw_wave(painter, rect.left(), rect.right(), wave_y(rect, styling.font), theme.misspelling)
                painter.restore()
            painter.setPen(QPen(theme.rule, 1))
            painter.drawLine(QPointF(MARGIN, box.bottom - 0.5), QPointF(self.viewport().width() - MARGIN, box.bottom - 0.5))
        self._paint_matches(painter)
        self._paint_review(painter)
        hovered = self.hovered()
        self._paint_group(painter, hovered - self._current, QPen(theme.hover, 1.5, Qt.PenStyle.DashLine))
        self._paint_group(painter, self._current, QPen(theme.current, 2.5))
        painter.end()

    def _paint_band(self, painter: QPainter, box: RowBox) -> None:
        theme = self.styling.theme
        rect = QRectF(MARGIN, box.top + 2, self.viewport().width() - 2 * MARGIN, box.height - 4)
        painter.fillRect(rect, theme.rule)
        painter.setPen(theme.dimmed_text)
        count = len(box.rows)
        words = "row" if count == 1 else "rows"
        painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, f"\u22ef {count} hidden {words} \u22ef")

    def _paint_matches(self, painter: QPainter) -> None:
        theme = self.styling.theme
        for number, (side, start, end) in enumerate(self._matches):
            fill = QColor(theme.found)
            fill.setAlpha(200 if number == self._current_match else 110)
            for rect in self._range_boxes(side, start, end):
                painter.fillRect(rect, fill)
                if number == self._current_match:
                    painter.setPen(QPen(theme.text, 1))
                    painter.drawRect(rect)

    def _paint_review(self, painter: QPainter) -> None:
        """A tick (checked) and a pencil (noted) in the gutter beside each reviewed difference's first line;
        dimmed when the review was made of other bytes than the copies hold now (stale)."""
        theme = self.styling.theme
        font = QFont(self.styling.font)
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * REVIEW_MARK_SCALE)
        painter.save()
        painter.setFont(font)
        height = QFontMetricsF(font).height()
        x = self.column_left(Side.LEFT) + self.column_width()
        for keys, mark in self._review:
            rects = [rect for key in keys for rect in self._key_rects(key)[:1]]
            if not rects:
                continue
            top = min(rect.top() for rect in rects)
            painter.setPen(theme.dimmed_text if mark.stale else theme.checked)
            glyphs = ("\u2713" if mark.checked else "") + ("\u270e" if mark.note else "")
            for number, glyph in enumerate(glyphs):
                box = QRectF(x, top + number * height, GUTTER, height)
                painter.drawText(box, int(Qt.AlignmentFlag.AlignCenter), glyph)
        painter.restore()

    def _paint_group(self, painter: QPainter, keys: set[Key], pen: QPen) -> None:
        """Outline sentences and connect the two sides across the gutter."""
        if not keys:
            return
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        ends: dict[Side, list[QRectF]] = {Side.LEFT: [], Side.RIGHT: []}
        for key in keys:
            rects = self._key_rects(key)
            if rects:
                painter.drawPath(_outline(rects))
            ends[key[0]] += rects
        if ends[Side.LEFT] and ends[Side.RIGHT]:
            left = max(ends[Side.LEFT], key=lambda r: r.right())
            right = min(ends[Side.RIGHT], key=lambda r: r.left())
            start = QPointF(self.column_left(Side.LEFT) + self.column_width(), left.center().y())
            end = QPointF(self.column_left(Side.RIGHT), right.center().y())
            path = QPainterPath(QPointF(left.right() + 2, left.center().y()))
            path.lineTo(start)
            path.cubicTo(start + QPointF(GUTTER / 2, 0), end - QPointF(GUTTER / 2, 0), end)
            path.lineTo(QPointF(right.left() - 2, right.center().y()))
            painter.drawPath(path)
        painter.restore()

    def _key_rects(self, key: Key) -> list[QRectF]:
        side, sentence = key
        row = self._row_of(key)
        box = self.row_box(row) if row is not None else None
        if box is None or box.folded:
            return []
        cell = self._cells[row][0 if side is Side.LEFT else 1]
        origin = self.cell_origin(box, side)
        return [rect.translated(origin) for rect in cell.sentence_rects(sentence)]
