"""The review in the real window: check a difference (Space), write notes (N, Ctrl+Shift+N), mark a copy
reviewed, step to the unchecked ones; close, open the folder again and find all of it with the session."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication, QFileDialog

from newsdiff.core.model import Kind, Side
from newsdiff.core.output import palette
from newsdiff.ui.aligned_view import GUTTER
from newsdiff.ui.article_list import REVIEW
from newsdiff.ui.main_window import MainWindow
from newsdiff.ui.review_note import NoteEditor
from tests.conftest import seed
from tests.ui.test_main_window import (
    WAIT,
    choose_pair,
    current_difference,
    list_row,
    make_window,
    open_folder,
    showing,
    wait_for_work,
)

ALT = Qt.KeyboardModifier.AltModifier
NEAR = 60  # summed RGB distance: antialiased glyph pixels are near the colour, not at it
NOTE = "Ask the desk <b>why</b> this changed"


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    folder = tmp_path / "story"
    folder.mkdir()
    for prefix in ("000", "002", "003"):
        (folder / seed(prefix).name).write_bytes(seed(prefix).read_bytes())
    return folder


def review_text(window: MainWindow, prefix: str) -> str:
    model = window.article_list.model_
    return model.data(model.index(list_row(window, prefix), REVIEW)) or ""


def write_note(qtbot, window: MainWindow, key: Qt.Key, modifiers, text: str) -> None:
    """Press the note key in the text, type `text` in the editor that opens and save it with Ctrl+Enter."""
    typed = []

    def type_note() -> None:
        editor = QApplication.activeModalWidget()
        assert isinstance(editor, NoteEditor)
        editor.field.selectAll()
        qtbot.keyClicks(editor.field, text)
        qtbot.keyClick(editor.field, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
        typed.append(True)

    QTimer.singleShot(200, type_note)
    qtbot.keyClick(window.view, key, modifiers)
    assert typed
    window.activateWindow()  # as a desktop gives the window back when the dialog closes; offscreen does not
    qtbot.waitUntil(window.isActiveWindow)


def tick_pixels(window: MainWindow) -> int:
    """The pixels of the view's gutter painted in (nearly) the tick's colour (the tick and the note marker)."""
    view = window.view
    image = view.viewport().grab().toImage()
    colour = QColor(palette.CHECKED)
    left = int(view.column_left(Side.LEFT) + view.column_width())
    found = 0
    for y in range(image.height()):
        for x in range(left, min(image.width(), left + GUTTER)):
            pixel = image.pixelColor(x, y)
            if (
                abs(pixel.red() - colour.red())
                + abs(pixel.green() - colour.green())
                + abs(pixel.blue() - colour.blue())
                < NEAR
            ):
                found += 1
    return found


def test_checks_and_notes_come_back_with_the_session(qtbot, tmp_path, folder) -> None:
    window = make_window(qtbot, tmp_path / "settings.ini")
    open_folder(qtbot, window, folder)
    choose_pair(qtbot, window, "003", "002")
    window.state.set_kind_shown(Kind.TYPO, False)
    qtbot.waitUntil(lambda: "of" in review_text(window, "002"), timeout=WAIT)
    total = len(window.differences)
    assert review_text(window, "002") == f"0 of {total}"
    assert tick_pixels(window) == 0

    qtbot.keyClick(window.view, Qt.Key.Key_Down, ALT)
    first = current_difference(window)
    qtbot.keyClick(window.view, Qt.Key.Key_Space)
    assert window.position_label.text().endswith(", checked")
    assert review_text(window, "002") == f"1 of {total}"
    assert tick_pixels(window) > 0
    write_note(qtbot, window, Qt.Key.Key_N, Qt.KeyboardModifier.NoModifier, NOTE)
    assert window.position_label.text().endswith(", checked, note")
    write_note(
        qtbot,
        window,
        Qt.Key.Key_N,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
        "copy note",
    )
    qtbot.keyClick(window.view, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    assert review_text(window, "002").startswith("\u270e \u2713 1 of")

    # the next unchecked difference passes over the checked one
    qtbot.keyClick(window.view, Qt.Key.Key_F7, Qt.KeyboardModifier.ShiftModifier)
    assert current_difference(window) != first
    assert not window.position_label.text().endswith("checked")
    window.close()
    wait_for_work(window)

    again = make_window(qtbot, tmp_path / "settings.ini")
    open_folder(qtbot, again, folder)
    qtbot.waitUntil(lambda: showing(again, "003", "002"), timeout=WAIT)  # the session: base and copy
    assert Kind.TYPO in again.state.hidden
    qtbot.keyClick(again.view, Qt.Key.Key_Down, ALT)
    assert current_difference(again) == first
    assert again.position_label.text().endswith(", checked, note")
    assert again.review.marks[again.current_index].note == NOTE
    assert tick_pixels(again) > 0
    qtbot.waitUntil(lambda: review_text(again, "002").startswith("\u270e \u2713 1 of"), timeout=WAIT)
    assert sorted(p.name for p in folder.iterdir()) == sorted(seed(p).name for p in ("000", "002", "003"))
    again.close()
    wait_for_work(again)


def test_a_changed_copy_shows_its_checks_as_stale_and_the_report_carries_them(qtbot, tmp_path, folder, monkeypatch):
    window = make_window(qtbot, tmp_path / "settings.ini")
    open_folder(qtbot, window, folder)
    choose_pair(qtbot, window, "003", "000")
    qtbot.keyClick(window.view, Qt.Key.Key_Down, ALT)
    qtbot.keyClick(window.view, Qt.Key.Key_Space)
    write_note(qtbot, window, Qt.Key.Key_N, Qt.KeyboardModifier.NoModifier, NOTE)

    target = tmp_path / "report.html"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args, **kwargs: (str(target), ""))
    qtbot.keyClick(window.view, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(target.exists, timeout=WAIT)
    report = target.read_text(encoding="utf-8")
    assert report.count("&#10003; checked</span>") == 2  # the difference, and the legend
    assert "Ask the desk &lt;b&gt;why&lt;/b&gt; this changed" in report
    window.close()
    wait_for_work(window)

    copy = next(folder.glob("000_*"))
    copy.write_text(copy.read_text(encoding="utf-8") + "\n\nA paragraph added after the review.\n", encoding="utf-8")
    again = make_window(qtbot, tmp_path / "settings.ini")
    open_folder(qtbot, again, folder)
    qtbot.waitUntil(lambda: showing(again, "003", "000"), timeout=WAIT)
    qtbot.keyClick(again.view, Qt.Key.Key_Down, ALT)
    assert again.position_label.text().endswith(", checked, note (stale)")
    qtbot.waitUntil(lambda: "stale" in review_text(again, "000"), timeout=WAIT)
    assert review_text(again, "000").startswith("0 of")
    again.close()
    wait_for_work(again)


def test_space_and_n_type_in_the_find_field_rather_than_review(qtbot, tmp_path, folder) -> None:
    window = make_window(qtbot, tmp_path / "settings.ini")
    open_folder(qtbot, window, folder)
    choose_pair(qtbot, window, "003", "000")
    qtbot.keyClick(window.view, Qt.Key.Key_Down, ALT)
    qtbot.keyClick(window.view, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(window.find_bar.field, "n n")
    assert window.find_bar.field.text() == "n n"
    assert not any(mark.checked for mark in window.review.marks)
    assert QApplication.activeModalWidget() is None
    window.close()
    wait_for_work(window)
