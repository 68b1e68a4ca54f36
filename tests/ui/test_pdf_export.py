"""File > Export PDF in the real window, and `newsdiff report --pdf` with no display: the PDF's text (poppler's
pdftotext) and its colours (a page rendered by pdftoppm)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QFileDialog, QMessageBox

from newsdiff.core.model import Kind
from newsdiff.core.output import palette
from newsdiff.ui.main_window import PDF_TYPE
from tests.conftest import TESTS, seed
from tests.ui.test_main_window import WAIT, choose_pair, make_window, open_folder, press, wait_for_work

pytestmark = pytest.mark.skipif(
    shutil.which("pdftotext") is None or shutil.which("pdftoppm") is None,
    reason="poppler's pdftotext and pdftoppm are not installed (Debian: poppler-utils)",
)
CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def pair(qtbot, tmp_path):
    """The window showing the fixture folder's 003 (base) against 000."""
    window = make_window(qtbot, tmp_path / "settings.ini")
    open_folder(qtbot, window)
    choose_pair(qtbot, window, "003", "000")
    yield window
    window.close()
    wait_for_work(window)


def pdf_text(path: Path) -> str:
    return subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout


def page_colours(path: Path, page: int) -> set[str]:
    """The colours drawn on a page of the PDF, rendered at 40 dpi."""
    stem = path.with_name(f"{path.stem}-page")
    pages = ["-f", str(page), "-l", str(page)]
    subprocess.run(["pdftoppm", "-r", "40", *pages, "-png", "-singlefile", str(path), str(stem)], check=True)
    image = QImage(f"{stem}.png")
    return {
        QColor(image.pixel(x, y)).name().upper()
        for x in range(0, image.width(), 2)
        for y in range(0, image.height(), 2)
    }


def test_ctrl_p_exports_the_pair_as_a_pdf_with_its_marks_and_colours(qtbot, pair, tmp_path, monkeypatch):
    window = pair
    target = tmp_path / "pair"  # no suffix given: the PDF type chosen adds it
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args, **kwargs: (str(target), PDF_TYPE))
    press(qtbot, window, Qt.Key.Key_P, CTRL)
    written = tmp_path / "pair.pdf"
    qtbot.waitUntil(lambda: window.statusBar().currentMessage().startswith("Report written"), timeout=WAIT)
    assert written.read_bytes().startswith(b"%PDF-")
    text = pdf_text(written)
    assert seed("003").name in text and seed("000").name in text
    assert f"{len(window.differences)} differences" in text
    assert "ALTERED" in text and "nothing on this side" in text
    right = window.comparison.right
    first = right.text[right.sentences[1].start : right.sentences[1].end]
    assert " ".join(first.split()[:4]) in " ".join(text.split())
    colours = page_colours(written, 2)
    for colour in (palette.KIND_LIGHT[Kind.PARAPHRASE], palette.KIND_LIGHT[Kind.UNIQUE], palette.REWORDED_LIGHT):
        assert colour.upper() in colours
    # an existing file is replaced only when the user agrees
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args, **kwargs: (str(written), PDF_TYPE))
    written.write_bytes(b"keep me")
    monkeypatch.setattr(QMessageBox, "question", lambda *args, **kwargs: QMessageBox.StandardButton.No)
    press(qtbot, window, Qt.Key.Key_P, CTRL)
    assert written.read_bytes() == b"keep me"


def test_the_folder_report_exports_as_a_pdf(qtbot, pair, tmp_path, monkeypatch):
    window = pair
    target = tmp_path / "folder.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args, **kwargs: (str(target), ""))
    press(qtbot, window, Qt.Key.Key_E, CTRL | Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(lambda: window.statusBar().currentMessage().startswith("Report written"), timeout=WAIT)
    text = pdf_text(target)
    assert "Copies against the base" in text
    for prefix in ("000", "001", "002", "004"):
        assert seed(prefix).name in text


def test_report_pdf_runs_with_no_display_and_never_overwrites(tmp_path):
    environment = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    environment["PYTHONPATH"] = str(TESTS.parent)
    output = tmp_path / "report.pdf"
    command = [sys.executable, "-m", "newsdiff", "report", str(seed("003")), str(seed("000")), "-o", str(output)]
    command.append("--pdf")
    done = subprocess.run(command, check=False, capture_output=True, text=True, env=environment, timeout=300)
    assert done.returncode == 0, done.stderr
    text = pdf_text(output)
    assert "compared with" in text and seed("000").name in text
    before = output.read_bytes()
    again = subprocess.run(command, check=False, capture_output=True, text=True, env=environment, timeout=300)
    assert again.returncode == 2 and "already exists" in again.stderr
    assert output.read_bytes() == before


def test_article_text_in_the_pdf_is_never_markup(tmp_path, qapp):
    from newsdiff.core.output.report import pair_report_view
    from newsdiff.core.pair.compare import compare
    from newsdiff.core.read.articles import Article
    from newsdiff.ui.pdf_export import write_pdf

    left = Article.from_text("A title.\n\nShe said <b>nothing</b> &amp; left <img src=x>.", str(tmp_path / "a.txt"))
    right = Article.from_text("A title.\n\nShe said nothing and left.", str(tmp_path / "b.txt"))
    output = write_pdf(pair_report_view(compare(left, right)), tmp_path / "pair.pdf")
    text = " ".join(pdf_text(output).split())
    # (a likely misspelling's suggestion may follow a word: the pieces are checked one by one)
    assert "<b>nothing</b> &amp; left <img" in text and "=x>." in text
