"""Copies pasted with Ctrl+V or dropped as text, in the real window: added to the folder, compared, saved."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox

from newsdiff.core.model import Kind, Side
from newsdiff.core.read.articles import MAX_WORDS, ArticleError, load_article
from newsdiff.ui.pasted import Clipping, pasted_article
from tests.conftest import seed
from tests.ui.folder_window import copies_folder, window_on
from tests.ui.test_main_window import WAIT, make_window, showing, wait_for_work

CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def folder(tmp_path) -> Path:
    return copies_folder(tmp_path, ("003", "000"))


@pytest.fixture
def window(qtbot, tmp_path, folder):
    yield from window_on(qtbot, tmp_path, folder)


def drop(window, mime: QMimeData) -> None:
    event = QDropEvent(
        QPointF(100, 100), Qt.DropAction.CopyAction, mime, Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier
    )
    window.dropEvent(event)


def test_ctrl_v_adds_the_clipboard_text_as_a_copy_and_compares_it(qtbot, window, folder):
    base = window.session.articles[window.state.base]
    pasted = base.text.replace("Putin", "Poutine", 1) + "\n\nA paragraph only the pasted copy has, about the weather."
    QApplication.clipboard().setText(pasted)
    qtbot.keyClick(window.view, Qt.Key.Key_V, CTRL)
    qtbot.waitUntil(lambda: showing(window, Path(base.path).name, "Pasted 1"), timeout=WAIT)
    names = [Path(article.path).name for article in window.session.articles]
    assert names[-1] == "Pasted 1" and len(names) == 3
    assert window.article_list.model_.rowCount() == 3
    comparison = window.comparison
    assert comparison.right.text == pasted.strip("\n")
    stats = comparison.stats(Side.RIGHT)
    assert stats[Kind.SHARED] > 0 and stats[Kind.UNIQUE] >= 1
    assert "Save Pasted Copy" in window.statusBar().currentMessage()
    assert not (folder / "Pasted 1").exists()  # kept for the session only, until saved


def test_dropping_a_browser_selection_extracts_its_main_text(qtbot, window):
    mime = QMimeData()
    paragraphs = [
        "The minister said on Tuesday that the talks would resume next week in Geneva, officials confirmed.",
        "Delegations from both countries are expected to attend the meeting, which was postponed twice.",
    ]
    mime.setHtml("".join(f"<p>{p}</p>" for p in paragraphs) + "<p>&lt;b&gt;not markup&lt;/b&gt;</p>")
    mime.setText("plain text that the HTML takes precedence over")
    drop(window, mime)
    qtbot.waitUntil(lambda: showing(window, "003", "Pasted 1"), timeout=WAIT)
    text = window.comparison.right.text
    assert paragraphs[0] in text and paragraphs[1] in text
    assert "<b>not markup</b>" in text and "precedence" not in text


def test_dropping_text_with_no_folder_open_starts_a_set_of_copies(qtbot, tmp_path):
    window = make_window(qtbot, tmp_path / "settings.ini")
    try:
        for text in (load_article(seed("003")).text, load_article(seed("000")).text):
            mime = QMimeData()
            mime.setText(text)
            count = len(window.session.articles) if window.session else 0
            drop(window, mime)
            qtbot.waitUntil(
                lambda count=count: window.session is not None and len(window.session.articles) == count + 1
            )
        qtbot.waitUntil(lambda: showing(window, "Pasted 1", "Pasted 2"), timeout=WAIT)
    finally:
        window.close()
        wait_for_work(window)


def test_pasting_nothing_says_so_and_adds_nothing(qtbot, window):
    QApplication.clipboard().setText("   \n ")
    qtbot.keyClick(window.view, Qt.Key.Key_V, CTRL)
    assert len(window.session.articles) == 2
    assert "Nothing to paste" in window.statusBar().currentMessage()


def test_a_pasted_copy_is_saved_into_the_folder_without_overwriting(qtbot, window, folder, monkeypatch):
    QApplication.clipboard().setText("A short pasted copy. It has two sentences.")
    qtbot.keyClick(window.view, Qt.Key.Key_V, CTRL)
    qtbot.waitUntil(lambda: showing(window, "003", "Pasted 1"), timeout=WAIT)
    offered: list[str] = []

    def choose(_parent, _title, start, *_args, **_kwargs):
        offered.append(start)
        return str(target), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(choose))
    # an existing file is replaced only if the user agrees: here they refuse
    target = folder / "kept.txt"
    target.write_text("an earlier file", encoding="utf-8")
    monkeypatch.setattr(QMessageBox, "question", staticmethod(lambda *_a, **_k: QMessageBox.StandardButton.No))
    qtbot.keyClick(window.view, Qt.Key.Key_S, CTRL | Qt.KeyboardModifier.ShiftModifier)
    assert target.read_text(encoding="utf-8") == "an earlier file"
    assert offered == [str(folder / "Pasted 1.txt")]
    # one of the open articles is never written over, whatever the answer
    target = Path(window.session.articles[0].path)
    before = target.read_bytes()
    monkeypatch.setattr(QMessageBox, "question", staticmethod(lambda *_a, **_k: QMessageBox.StandardButton.Yes))
    monkeypatch.setattr(QMessageBox, "warning", staticmethod(lambda *_a, **_k: QMessageBox.StandardButton.Ok))
    qtbot.keyClick(window.view, Qt.Key.Key_S, CTRL | Qt.KeyboardModifier.ShiftModifier)
    assert target.read_bytes() == before
    # a new name: written, and the copy is that file from now on
    target = folder / "pasted-copy.txt"
    qtbot.keyClick(window.view, Qt.Key.Key_S, CTRL | Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(lambda: showing(window, "003", "pasted-copy.txt"), timeout=WAIT)
    assert target.read_text(encoding="utf-8") == "A short pasted copy. It has two sentences."
    saved = window.session.articles[-1]
    assert saved.path == str(target) and saved.sha256 == load_article(target).sha256


def test_ctrl_v_in_the_find_field_pastes_into_the_field(qtbot, window):
    qtbot.keyClick(window.view, Qt.Key.Key_F, CTRL)
    field = window.find_bar.field
    qtbot.waitUntil(field.hasFocus)
    QApplication.clipboard().setText("Putin")
    qtbot.keyClick(field, Qt.Key.Key_V, CTRL)
    wait_for_work(window)  # a copy pasted would be made on a worker thread
    assert field.text() == "Putin"
    assert len(window.session.articles) == 2


@pytest.mark.parametrize("html", [False, True])
def test_a_pasted_text_longer_than_an_article_may_be_is_refused(html: bool) -> None:
    words = "word " * (MAX_WORDS + 1)
    clipping = Clipping(f"<html><body><article><p>{words}</p></article></body></html>" if html else "", words)
    with pytest.raises(ArticleError, match="too long to compare"):
        pasted_article(clipping, "Pasted 1")
    assert len(pasted_article(Clipping("", "word " * MAX_WORDS), "Pasted 1").text.split()) == MAX_WORDS
