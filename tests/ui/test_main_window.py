"""The viewer driven like a user would, with pytest-qt: the fixture folder, 003 as base against 000."""

from __future__ import annotations

import html
import os
import threading
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QMimeData, QPoint, QPointF, QSettings, Qt, QThreadPool, QUrl
from PySide6.QtGui import QDropEvent, QHelpEvent, QPixmap, QTextDocument
from PySide6.QtWidgets import QPushButton, QToolTip

from newsdiff.core.folder.base_pairs import known_words
from newsdiff.core.model import KINDS, Difference, Kind, Side
from newsdiff.core.pair.compare import compare
from newsdiff.core.read.articles import load_article
from newsdiff.core.wording import CARRIES, altered_hint, difference_marks
from newsdiff.ui import main_window as main_window_module
from newsdiff.ui import workers
from newsdiff.ui.article_list import COLUMNS
from newsdiff.ui.main_window import MainWindow
from tests.conftest import FIXTURES, seed

WAIT = 60_000  # ms: the first comparison of the process loads the models


def make_window(qtbot, settings_path: Path) -> MainWindow:
    window = MainWindow(QSettings(str(settings_path), QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    window.activateWindow()
    qtbot.waitExposed(window)
    return window


def wait_for_work(window: MainWindow) -> None:
    """Wait until the window's worker threads (reading, comparing, analysing, writing) have nothing left to run."""
    for pool in window.findChildren(QThreadPool):
        pool.waitForDone()


@pytest.fixture
def window(qtbot, tmp_path):
    window = make_window(qtbot, tmp_path / "settings.ini")
    yield window
    window.close()
    wait_for_work(window)


def list_row(window: MainWindow, prefix: str) -> int:
    return next(i for i, a in enumerate(window.session.articles) if Path(a.path).name.startswith(prefix))


def click_list_row(qtbot, window: MainWindow, prefix: str) -> None:
    view = window.article_list
    index = view.proxy.mapFromSource(view.model_.index(list_row(window, prefix), COLUMNS.index("Title")))
    view.scrollTo(index)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualRect(index).center())


def showing(window: MainWindow, left: str, right: str) -> bool:
    comparison = window.comparison
    return (
        comparison is not None
        and Path(comparison.left.path).name.startswith(left)
        and Path(comparison.right.path).name.startswith(right)
    )


def current_difference(window: MainWindow) -> Difference | None:
    """The difference whose sentences the view outlines as the current ones, if any."""
    outlined = window.view.current()
    sentences = ({(side, s) for side in Side for s in d.sentences(side)} for d in window.differences)
    return next((d for d, keys in zip(window.differences, sentences) if keys == outlined), None)


def shown_counts(window: MainWindow) -> dict[Side, dict[Kind, int]]:
    """The counts per kind the status bar shows, read from its text ("left: 3 shared · 1 typo …    right: …")."""
    counts: dict[Side, dict[Kind, int]] = {}
    for part in window.counts_label.text().split("    "):
        head, _, rest = part.partition(": ")
        if head in (Side.LEFT.value, Side.RIGHT.value):
            pieces = (piece.split(" ") for piece in rest.split(" · "))
            counts[Side(head)] = {Kind(name): int(number) for number, name in pieces}
    return counts


def open_folder(qtbot, window: MainWindow, folder: Path = FIXTURES) -> None:
    window.open_folder(str(folder))
    qtbot.waitUntil(lambda: window.session is not None and window.session.folder == str(folder), timeout=WAIT)


def choose_pair(qtbot, window: MainWindow, base: str, copy: str) -> None:
    """Pick the base and the copy in the list with the mouse and Ctrl+B, as a user does."""
    click_list_row(qtbot, window, base)
    qtbot.keyClick(window.article_list, Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.state.base == list_row(window, base), timeout=WAIT)
    click_list_row(qtbot, window, copy)
    qtbot.waitUntil(lambda: showing(window, base, copy), timeout=WAIT)


@pytest.fixture
def pair(qtbot, window):
    open_folder(qtbot, window)
    choose_pair(qtbot, window, "003", "000")
    return window


def press(qtbot, window: MainWindow, key: Qt.Key, modifiers=Qt.KeyboardModifier.NoModifier) -> None:
    qtbot.keyClick(window.view, key, modifiers)


def expected_comparison(window: MainWindow):
    left, right = load_article(seed("003")), load_article(seed("000"))
    known = known_words(window.session.spellings, list_row(window, "003"), list_row(window, "000"))
    return compare(left, right, known_words=known)


ALT = Qt.KeyboardModifier.AltModifier
CTRL = Qt.KeyboardModifier.ControlModifier


def test_alt_down_walks_the_differences_in_document_order_and_wraps(qtbot, pair) -> None:
    window = pair
    differences = expected_comparison(window).differences()
    assert window.differences == differences
    assert len(differences) > 5
    seen = []
    for _ in range(len(differences)):
        press(qtbot, window, Qt.Key.Key_Down, ALT)
        seen.append(current_difference(window))
    assert seen == differences
    keys = {(side, s) for side in Side for s in differences[-1].sentences(side)}
    assert window.view.current() == keys
    press(qtbot, window, Qt.Key.Key_Down, ALT)  # past the last: wraps round to the first
    assert current_difference(window) == differences[0]
    assert "first" in window.statusBar().currentMessage()
    press(qtbot, window, Qt.Key.Key_Up, ALT)  # and back before the first: the last
    assert current_difference(window) == differences[-1]


def test_f8_and_f7_are_aliases_and_alt_home_end_jump(qtbot, pair) -> None:
    window = pair
    differences = window.differences
    press(qtbot, window, Qt.Key.Key_F8)
    press(qtbot, window, Qt.Key.Key_F8)
    assert current_difference(window) == differences[1]
    press(qtbot, window, Qt.Key.Key_F7)
    assert current_difference(window) == differences[0]
    press(qtbot, window, Qt.Key.Key_End, ALT)
    assert current_difference(window) == differences[-1]
    press(qtbot, window, Qt.Key.Key_Home, ALT)
    assert current_difference(window) == differences[0]


def test_ctrl_alt_down_cycles_paraphrases_only(qtbot, pair) -> None:
    window = pair
    paraphrases = [d for d in window.differences if d.kind is Kind.PARAPHRASE]
    seen = []
    for _ in range(len(paraphrases) + 1):
        press(qtbot, window, Qt.Key.Key_Down, CTRL | ALT)
        seen.append(current_difference(window))
    assert seen == paraphrases + paraphrases[:1]
    press(qtbot, window, Qt.Key.Key_Down, Qt.KeyboardModifier.ShiftModifier | ALT)
    assert current_difference(window).kind is Kind.UNIQUE


def test_counts_shown_match_compare(pair) -> None:
    window = pair
    expected = expected_comparison(window)
    assert shown_counts(window) == {side: expected.stats(side) for side in Side}
    assert sum(shown_counts(window)[Side.LEFT].values()) == len(expected.left.sentences)


def test_toggle_hides_a_kind(qtbot, pair) -> None:
    window = pair
    view = window.view
    uniques = {(side, s) for side in Side for s in window.comparison.unique(side)}
    assert uniques and not any(box.folded for box in view.boxes())
    press(qtbot, window, Qt.Key.Key_4, CTRL)
    assert Kind.UNIQUE in window.state.hidden
    assert not window.actions_by_name["toggle_unique"].isChecked()
    shown = {(cell.side, s) for box in view.boxes() for cell in view.cells(box.rows[0]) for s in cell.visible}
    assert shown and not shown & uniques
    assert any(box.folded for box in view.boxes())  # rows holding only unique sentences fold away
    assert all(mark.colour.name().upper() != "#56B4E9" for mark in view.overview_marks())
    for _ in range(len(window.differences) + 1):
        press(qtbot, window, Qt.Key.Key_Down, ALT)
        assert current_difference(window).kind is not Kind.UNIQUE
    press(qtbot, window, Qt.Key.Key_4, CTRL)
    assert Kind.UNIQUE not in window.state.hidden
    assert not any(box.folded for box in view.boxes())


def test_altered_only_filter(qtbot, pair) -> None:
    window = pair
    press(qtbot, window, Qt.Key.Key_5, CTRL)
    assert window.state.altered_only
    altered = [d for d in window.differences if d.altered]
    press(qtbot, window, Qt.Key.Key_Down, ALT)
    if altered:
        assert current_difference(window) == altered[0]
    else:
        assert current_difference(window) is None


def test_the_status_bar_says_why_a_difference_is_altered(qtbot, pair) -> None:
    window = pair
    press(qtbot, window, Qt.Key.Key_5, CTRL)
    press(qtbot, window, Qt.Key.Key_Down, ALT)
    difference = current_difference(window)
    assert difference is not None and difference.altered
    hint = altered_hint(window.comparison.links[difference.link])
    marks = "".join(f", {mark}" for mark in difference_marks(window.comparison, difference))
    assert window.position_label.text().endswith(f": {difference.kind.value}{marks}")
    assert marks.endswith(f", {hint}")
    # The counts give way, so that the whole position fits a window of 1280 pixels.
    qtbot.waitUntil(lambda: window.position_label.width() >= window.position_label.sizeHint().width(), timeout=WAIT)
    counts = window.counts_label
    assert counts.toolTip() == counts.text()
    assert counts.shown_text() == counts.text() or counts.shown_text().endswith("\u2026")


def point_of(window: MainWindow, side: Side, start: int, end: int) -> QPoint:
    """A viewport point inside the text from `start` to `end` of `side`, scrolled into view."""
    view = window.view
    rects = view._range_boxes(side, start, end)
    assert rects, "the span is not shown"
    view._reveal_span(rects[0].top(), rects[0].bottom())
    rect = view._range_boxes(side, start, end)[0]
    return QPoint(int(rect.center().x()), int(rect.center().y() - view.scroll_top()))


def test_misspelling_tooltip_gives_the_suggestion(qtbot, pair) -> None:
    window = pair
    misspelt = next(m for m in window.comparison.misspellings if m.word == "anihilate")
    assert misspelt.side is Side.RIGHT
    point = point_of(window, misspelt.side, misspelt.start, misspelt.end)
    viewport = window.view.viewport()
    event = QHelpEvent(QEvent.Type.ToolTip, point, viewport.mapToGlobal(point))
    from PySide6.QtWidgets import QApplication

    QApplication.sendEvent(viewport, event)
    qtbot.waitUntil(lambda: QToolTip.isVisible(), timeout=5000)
    assert "annihilate" in QToolTip.text()
    assert "anihilate" in QToolTip.text()


def test_an_altered_sentence_tooltip_says_what_changed(qtbot, pair) -> None:
    window = pair
    link = next(link for link in window.comparison.links if link.alterations)
    sentence = window.comparison.right.sentences[link.right[0]]
    text = window.view.tooltip_at(point_of(window, Side.RIGHT, sentence.start, sentence.start + 2))
    assert altered_hint(link) in text
    assert all(alteration.value in text for alteration in link.alterations)


def misspelling_pixels(window: MainWindow, side: Side, start: int, end: int) -> int:
    """How many pixels in the misspelling colour lie under the text from `start` to `end`."""
    point_of(window, side, start, end)
    rect = window.view._range_boxes(side, start, end)[0]
    top = int(rect.top() - window.view.scroll_top())
    image = window.view.viewport().grab().toImage()
    colour = window.view.styling.theme.misspelling
    near = 0
    for x in range(int(rect.left()), int(rect.right())):
        for y in range(top, min(image.height(), top + int(rect.height()))):
            pixel = image.pixelColor(x, y)
            distance = sum((a - b) ** 2 for a, b in zip(pixel.getRgb()[:3], colour.getRgb()[:3])) ** 0.5
            near += distance < 70
    return near


def test_misspelling_is_drawn_with_a_wavy_underline(pair) -> None:
    window = pair
    misspelt = next(m for m in window.comparison.misspellings if m.word == "anihilate")
    assert misspelling_pixels(window, misspelt.side, misspelt.start, misspelt.end) > 10
    document = window.comparison.right
    word = document.text.index("diplomacy", misspelt.end)
    assert misspelling_pixels(window, Side.RIGHT, word, word + len("diplomacy")) == 0


def test_hovering_a_sentence_highlights_its_counterpart(qtbot, pair) -> None:
    window = pair
    link = next(link for link in window.comparison.links if link.kind is Kind.PARAPHRASE)
    document = window.comparison.left
    sentence = document.sentences[link.left[0]]
    point = point_of(window, Side.LEFT, sentence.start, sentence.end)
    qtbot.mouseMove(window.view.viewport(), point)
    qtbot.waitUntil(lambda: bool(window.view.hovered()), timeout=5000)
    assert {(Side.RIGHT, s) for s in link.right} <= window.view.hovered()


def test_clicking_a_sentence_makes_its_difference_current(qtbot, pair) -> None:
    window = pair
    difference = window.differences[3]
    side = Side.LEFT if difference.left else Side.RIGHT
    sentence = window.comparison.document(side).sentences[difference.sentences(side)[0]]
    point = point_of(window, side, sentence.start, sentence.end)
    qtbot.mouseClick(window.view.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert current_difference(window) == difference
    press(qtbot, window, Qt.Key.Key_Down, ALT)
    assert current_difference(window) == window.differences[4]


def test_the_current_difference_is_scrolled_into_view(qtbot, pair) -> None:
    window = pair
    press(qtbot, window, Qt.Key.Key_End, ALT)
    view = window.view
    difference = current_difference(window)
    side = Side.LEFT if difference.left else Side.RIGHT
    box = view.sentence_box(side, difference.sentences(side)[0])
    assert view.scroll_top() <= box.top() and box.bottom() <= view.scroll_top() + view.viewport().height()


def test_overview_click_scrolls(qtbot, pair) -> None:
    window = pair
    strip = window.overview
    assert window.view.scroll_top() == 0
    qtbot.mouseClick(strip, Qt.MouseButton.LeftButton, pos=QPoint(strip.width() // 2, strip.height() - 5))
    assert window.view.scroll_top() > 0
    assert window.view.overview_marks()


def test_swap_sides_and_next_copy(qtbot, pair) -> None:
    window = pair
    press(qtbot, window, Qt.Key.Key_X, CTRL | Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(lambda: showing(window, "000", "003"), timeout=WAIT)
    press(qtbot, window, Qt.Key.Key_X, CTRL | Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(lambda: showing(window, "003", "000"), timeout=WAIT)
    press(qtbot, window, Qt.Key.Key_PageDown, CTRL)
    qtbot.waitUntil(lambda: showing(window, "003", "001"), timeout=WAIT)
    press(qtbot, window, Qt.Key.Key_PageDown, CTRL)
    qtbot.waitUntil(lambda: showing(window, "003", "002"), timeout=WAIT)
    press(qtbot, window, Qt.Key.Key_PageDown, CTRL)  # the base is passed over
    qtbot.waitUntil(lambda: showing(window, "003", "004"), timeout=WAIT)
    press(qtbot, window, Qt.Key.Key_PageUp, CTRL)
    qtbot.waitUntil(lambda: showing(window, "003", "002"), timeout=WAIT)


def test_the_list_and_the_pair_shown_follow_the_window_state(qtbot, pair) -> None:
    window = pair
    base, copy = list_row(window, "001"), list_row(window, "004")
    window.state.set_roles(base, copy)
    model = window.article_list.model_
    assert model.role_text(base) == "base" and model.role_text(copy) == "copy"
    assert model.role_text(list_row(window, "003")) == "" and window.article_list.selected_row() == copy
    qtbot.waitUntil(lambda: showing(window, "001", "004"), timeout=WAIT)


def test_list_shows_similarity_to_the_base_and_sorts(qtbot, pair) -> None:
    window = pair
    model = window.article_list.model_
    qtbot.waitUntil(lambda: len(model.similarities) == len(window.session.articles) - 1, timeout=WAIT)
    base = list_row(window, "003")
    assert base not in model.similarities
    assert all(0 <= value <= 1 for value in model.similarities.values())
    window.article_list.sortByColumn(COLUMNS.index(CARRIES), Qt.SortOrder.DescendingOrder)
    proxy = window.article_list.proxy
    order = [proxy.mapToSource(proxy.index(r, 0)).row() for r in range(proxy.rowCount())]
    assert order[0] == base
    values = [model.similarities[row] for row in order[1:]]
    assert values == sorted(values, reverse=True)


def test_find_marks_matches_in_both_copies(qtbot, pair) -> None:
    window = pair
    press(qtbot, window, Qt.Key.Key_F, CTRL)
    assert window.find_bar.isVisible()
    qtbot.keyClicks(window.find_bar.field, "kursk")
    total = sum(window.comparison.document(side).text.lower().count("kursk") for side in Side)
    assert len(window._matches) == total > 2
    assert window.find_bar.count.text() == f"1 of {total}"
    qtbot.keyClick(window.find_bar.field, Qt.Key.Key_Return)
    assert window.find_bar.count.text() == f"2 of {total}"
    qtbot.keyClick(window.find_bar.field, Qt.Key.Key_Escape)
    assert not window.find_bar.isVisible() and window._matches == []


def test_article_text_is_never_markup(qtbot, window, tmp_path) -> None:
    folder = tmp_path / "hostile"
    folder.mkdir()
    hostile = "<b>Bold</b> claim & <script>alert(1)</script> <img src=x onerror=alert(1)> said the minister."
    (folder / "a.txt").write_text(f"Title <i>one</i>\n\n{hostile} Another sentence here.\n", encoding="utf-8")
    (folder / "b.txt").write_text(f"Title <i>one</i>\n\n{hostile} A different ending.\n", encoding="utf-8")
    open_folder(qtbot, window, folder)
    qtbot.waitUntil(lambda: window.comparison is not None, timeout=WAIT)
    text = "\n".join(
        cell.document.toPlainText() for row in range(len(window.comparison.rows)) for cell in window.view.cells(row) if not cell.empty
    )
    assert "<b>Bold</b>" in text and "<script>alert(1)</script>" in text
    assert window.header.left.title.text() == "Title <i>one</i>"


def test_list_names_the_outlet_and_tooltips_show_file_names_literally(qtbot, window, tmp_path) -> None:
    folder = tmp_path / "copies"
    folder.mkdir()
    hostile = folder / "<b>bold <img src=x>.txt"  # no slash: a file name cannot hold one
    hostile.write_bytes(seed("003").read_bytes())
    paragraphs = seed("000").read_text(encoding="utf-8").split("\n\n")
    body = "".join(f"<p>{html.escape(p)}</p>" for p in paragraphs[1:])
    page = f'<html><head><meta property="og:site_name" content="Daily &lt;Planet&gt;"></head><body><article>{body}</article></body></html>'
    (folder / "page.html").write_text(page, encoding="utf-8")
    open_folder(qtbot, window, folder)
    model = window.article_list.model_
    file_column = COLUMNS.index("Outlet / File")
    shown = {model.index(row, file_column).data() for row in range(model.rowCount())}
    assert shown == {"<b>bold <img src=x>.txt", "Daily <Planet> · page.html"}
    for row in range(model.rowCount()):
        tooltip = model.index(row, file_column).data(Qt.ItemDataRole.ToolTipRole)
        document = QTextDocument()
        document.setHtml(tooltip)
        assert document.toPlainText().startswith(window.session.articles[row].path)
        assert not any(fmt.isImageFormat() for fmt in _formats(document))


def _formats(document: QTextDocument):
    block = document.begin()
    while block.isValid():
        for fragment in block:
            yield fragment.fragment().charFormat()
        block = block.next()


def test_unreadable_file_shows_in_the_problems_panel_and_the_rest_opens(qtbot, window, tmp_path) -> None:
    folder = tmp_path / "copies"
    folder.mkdir()
    for prefix in ("003", "000"):
        (folder / seed(prefix).name).write_bytes(seed(prefix).read_bytes())
    (folder / "broken.txt").write_bytes(b"")
    open_folder(qtbot, window, folder)
    assert len(window.session.articles) == 2
    assert window.problems.isVisible()
    problems = [window.problems.list.item(i).text() for i in range(window.problems.list.count())]
    assert any("broken.txt" in problem for problem in problems)
    qtbot.waitUntil(lambda: window.comparison is not None, timeout=WAIT)


def test_two_files_open_side_by_side(qtbot, window) -> None:
    window.open_paths([str(seed("003")), str(seed("002"))])
    qtbot.waitUntil(lambda: showing(window, "003", "002"), timeout=WAIT)
    assert window.pages.currentWidget() is window.splitter


def test_drop_a_folder(qtbot, window) -> None:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(FIXTURES))])
    event = QDropEvent(QPointF(100, 100), Qt.DropAction.CopyAction, mime, Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier)
    window.dropEvent(event)
    qtbot.waitUntil(lambda: window.session is not None and len(window.session.articles) == 5, timeout=WAIT)


def test_first_run_shows_the_hint_and_opens_the_sample(qtbot, window) -> None:
    assert window.pages.currentWidget() is window.welcome
    assert not window.welcome.findChild(QPushButton, "welcome_open_last").isVisibleTo(window.welcome)
    sample_button = window.welcome.findChild(object, "welcome_open_sample")
    qtbot.mouseClick(sample_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.session is not None, timeout=WAIT)
    assert len(window.session.articles) == 5
    assert Path(window.session.folder) == main_window_module.SAMPLE_FOLDER


def test_loading_and_comparing_run_off_the_gui_thread(qtbot, window, monkeypatch) -> None:
    threads = {}
    real_read, real_compare = main_window_module._read_folder, workers.compare_in_process

    def read(folder, progress):
        threads["read"] = threading.current_thread()
        return real_read(folder, progress)

    def comparing(left, right, known):
        threads["compare"] = threading.current_thread()
        compared = real_compare(left, right, known)
        threads["pids"] = {process.pid for process in workers._comparison_pool()._processes.values()}
        return compared

    monkeypatch.setattr(main_window_module, "_read_folder", read)
    monkeypatch.setattr("newsdiff.ui.comparison_queue.compare_in_process", comparing)
    open_folder(qtbot, window)
    qtbot.waitUntil(lambda: window.comparison is not None, timeout=WAIT)
    assert threads["read"] is not threading.main_thread()
    assert threads["compare"] is not threading.main_thread()
    assert threads["pids"] and os.getpid() not in threads["pids"]  # the engine runs in its own process


def test_settings_persist(qtbot, tmp_path) -> None:
    path = tmp_path / "persist.ini"
    first = make_window(qtbot, path)
    open_folder(qtbot, first)
    first.state.set_kind_shown(Kind.SHARED, False)
    first.state.set_altered_only(True)
    first.state.set_zoom(2)
    first.splitter.setSizes([300, 980])
    sizes = first.splitter.sizes()
    first.close()
    wait_for_work(first)
    second = make_window(qtbot, path)
    assert second.state.hidden == {Kind.SHARED}
    assert second.state.altered_only and second.actions_by_name["altered_only"].isChecked()
    assert second.state.zoom == 2 and second.styling().font.pointSizeF() == second.font().pointSizeF() + 2
    assert not second.actions_by_name["toggle_shared"].isChecked()
    assert not second.legend.kind_buttons[Kind.SHARED].isChecked() and second.legend.altered_button.isChecked()
    open_folder(qtbot, second)
    assert second.splitter.sizes()[0] == sizes[0]
    assert second.recent_folders()[0] == str(FIXTURES)
    assert str(FIXTURES.name) in second.actions_by_name["open_last"].text()
    reopen = second.welcome.findChild(QPushButton, "welcome_open_last")
    assert reopen.isVisibleTo(second.welcome) and FIXTURES.name in reopen.text()
    second.close()


def test_every_shortcut_is_an_action_of_the_window(window) -> None:
    from newsdiff.ui.shortcuts import SHORTCUTS, key_sequences

    for shortcut in SHORTCUTS:
        action = window.actions_by_name[shortcut.name]
        assert action.shortcuts() == key_sequences(shortcut.name)
        assert action in window.actions()


def test_shortcut_sheet_opens_with_f1(qtbot, window) -> None:
    qtbot.keyClick(window, Qt.Key.Key_F1)
    assert window._sheet is not None and window._sheet.isVisible()


def test_help_shows_the_user_guide_with_its_picture(qtbot, window) -> None:
    help_menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&Help")
    guide_action = window.actions_by_name["user_guide"]
    assert guide_action in help_menu.actions()
    guide_action.trigger()
    guide = window._guide
    assert guide is not None and guide.isVisible()
    document = guide.browser.document()
    assert "What the colours say" in document.toPlainText()
    assert "| kind |" not in document.toPlainText()  # the Markdown is rendered, tables included
    image = document.resource(QTextDocument.ResourceType.ImageResource, QUrl("screenshot.png"))
    assert isinstance(image, QPixmap) and image.width() > 0


def test_export_asks_before_replacing(qtbot, pair, tmp_path, monkeypatch) -> None:
    from PySide6.QtWidgets import QFileDialog, QMessageBox

    window = pair
    target = tmp_path / "report.html"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args, **kwargs: (str(target), ""))
    press(qtbot, window, Qt.Key.Key_E, CTRL)
    qtbot.waitUntil(target.exists, timeout=WAIT)
    qtbot.waitUntil(lambda: window.statusBar().currentMessage().startswith("Report written"), timeout=WAIT)
    assert "003_" in target.read_text(encoding="utf-8")
    target.write_text("keep me", encoding="utf-8")
    asked = []
    monkeypatch.setattr(QMessageBox, "question", lambda *args, **kwargs: asked.append(args) or QMessageBox.StandardButton.No)
    press(qtbot, window, Qt.Key.Key_E, CTRL)
    assert asked and target.read_text(encoding="utf-8") == "keep me"
    monkeypatch.setattr(QMessageBox, "question", lambda *args, **kwargs: QMessageBox.StandardButton.Yes)
    press(qtbot, window, Qt.Key.Key_E, CTRL)
    qtbot.waitUntil(lambda: target.read_text(encoding="utf-8") != "keep me", timeout=WAIT)


@pytest.mark.parametrize("target", ["article", "skipped"])
def test_export_never_overwrites_an_input(qtbot, window, tmp_path, monkeypatch, target) -> None:
    from PySide6.QtWidgets import QFileDialog, QMessageBox

    folder = tmp_path / "copies"
    folder.mkdir()
    for prefix in ("003", "000"):
        (folder / seed(prefix).name).write_bytes(seed(prefix).read_bytes())
    huge = folder / "huge.html"  # skipped as too large: still the user's file
    huge.write_bytes(b"<p>big</p>" * 600_000)
    open_folder(qtbot, window, folder)
    qtbot.waitUntil(lambda: window.comparison is not None, timeout=WAIT)
    article = folder / seed("003").name if target == "article" else huge
    kept = article.read_bytes()
    before = sorted(p.name for p in folder.iterdir())
    warned = []
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args, **kwargs: (str(article), ""))
    monkeypatch.setattr(QMessageBox, "warning", lambda *args, **kwargs: warned.append(args))
    monkeypatch.setattr(QMessageBox, "question", lambda *args, **kwargs: QMessageBox.StandardButton.Yes)
    window.export_pair()
    wait_for_work(window)
    assert warned and "is one of the articles" in warned[0][2]
    assert article.read_bytes() == kept
    assert sorted(p.name for p in folder.iterdir()) == before


def test_folder_export(qtbot, pair, tmp_path, monkeypatch) -> None:
    from PySide6.QtWidgets import QFileDialog

    window = pair
    target = tmp_path / "folder.html"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args, **kwargs: (str(target), ""))
    press(qtbot, window, Qt.Key.Key_E, CTRL | Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(target.exists, timeout=WAIT)
    report = target.read_text(encoding="utf-8")
    for prefix in ("000", "001", "002", "004"):
        assert seed(prefix).name in report


@pytest.mark.parametrize("kind", KINDS)
def test_kind_toggles_are_in_the_legend(window, kind) -> None:
    box = window.legend.kind_buttons[kind]
    assert box.text() == kind.value and box.isChecked()
    box.click()
    assert kind in window.state.hidden and not window.actions_by_name[f"toggle_{kind.value}"].isChecked()
    window.actions_by_name[f"toggle_{kind.value}"].trigger()
    assert kind not in window.state.hidden and box.isChecked()


def test_a_folder_of_one_article_says_what_is_missing(qtbot, window, tmp_path) -> None:
    folder = tmp_path / "alone"
    folder.mkdir()
    (folder / seed("003").name).write_bytes(seed("003").read_bytes())
    open_folder(qtbot, window, folder)
    assert window.comparison is None
    assert "two copies" in window.view._placeholder
    press(qtbot, window, Qt.Key.Key_Down, ALT)  # nothing to walk: no error
    assert current_difference(window) is None


def test_ctrl_c_copies_the_current_difference(qtbot, pair) -> None:
    from PySide6.QtWidgets import QApplication

    window = pair
    press(qtbot, window, Qt.Key.Key_Down, ALT)
    difference = current_difference(window)
    press(qtbot, window, Qt.Key.Key_C, CTRL)
    copied = QApplication.clipboard().text()
    side = Side.LEFT if difference.left else Side.RIGHT
    first = window.comparison.document(side).sentence_text(difference.sentences(side)[0])
    assert " ".join(first.split()) in copied


def test_a_folder_opens_on_the_copy_carrying_most_of_the_base(qtbot, window) -> None:
    """Not on the file after the base (004, a rewrite of which little links): on 000, which carries most of 003."""
    open_folder(qtbot, window)
    qtbot.waitUntil(lambda: showing(window, "003", "000"), timeout=WAIT)
    assert window.state.other == window.session.closest == list_row(window, "000")
