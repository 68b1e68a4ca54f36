"""The folder overview driven like a user would, with pytest-qt: stories, heat map, bases, coverage, furniture,
cancelling a long analysis, and untrusted names shown literally."""

from __future__ import annotations

import multiprocessing
import shutil
from pathlib import Path

from PySide6.QtCore import Qt

from newsdiff.core.model import Side
from newsdiff.core.wording import ALIKE
from newsdiff.ui.cells import FURNITURE_BADGE
from newsdiff.ui.coverage_list import CoverageList
from newsdiff.ui.main_window import MainWindow
from newsdiff.ui.story_tree import ARTICLE_ROLE, FILE, ROLE, TITLE
from tests.conftest import FIXTURES, seed
from tests.synthetic_folder import generate_folder
from tests.ui.test_main_window import (
    WAIT,
    current_difference,
    list_row,
    open_folder,
    showing,
    window,  # noqa: F401 - the fixture
)


def analysed(qtbot, window: MainWindow, folder: Path = FIXTURES) -> None:
    open_folder(qtbot, window, folder)
    qtbot.waitUntil(lambda: window.analysis is not None, timeout=WAIT)
    qtbot.keyClick(window, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert window.tabs.currentWidget() is window.folder_overview


def story_rows(window: MainWindow) -> dict[str, tuple[str, str]]:
    """File name -> (role, carries) of each copy in the first story."""
    story = window.folder_overview.stories.topLevelItem(0)
    rows = {}
    for k in range(story.childCount()):
        item = story.child(k)
        name = Path(window.session.articles[item.data(TITLE, ARTICLE_ROLE)].path).name
        rows[name] = (item.text(ROLE), item.text(4))
    return rows


def shown_sentences(coverage: CoverageList) -> list[str]:
    """The lines of the coverage list, as shown."""
    return [coverage.item(row).text() for row in range(coverage.count())]


def prefix_of(window: MainWindow, article: int) -> str:
    return Path(window.session.articles[article].path).name[:3]


def test_sample_folder_is_one_story_with_the_wire_lead_as_base(qtbot, window) -> None:
    analysed(qtbot, window)
    analysis = window.analysis
    assert len(analysis.clusters) == 1 and len(analysis.clusters[0].articles) == 5
    base = analysis.clusters[0].base
    assert prefix_of(window, base) in ("003", "002")
    # the viewer starts from the same suggestion: the base on the left, another copy on the right
    assert window.state.base == base and window.state.other not in (None, base)
    rows = story_rows(window)
    assert rows[Path(window.session.articles[base].path).name][0] == "base (suggested)"
    assert sum(1 for role, _ in rows.values() if role) == 1
    assert all(carries.endswith("%") for name, (role, carries) in rows.items() if not role)
    overview = window.folder_overview
    assert overview.heat_map.model().rowCount() == 5 and overview.heat_map.model().columnCount() == 5
    assert overview.summary_label.text().startswith("5 copies · 1 story · 10 pairs compared")


def test_coverage_shades_the_base_and_furniture_hides_with_one_toggle(qtbot, window) -> None:
    analysed(qtbot, window)
    coverage = window.folder_overview.coverage
    shown = shown_sentences(coverage)
    cluster = window.analysis.clusters[0]
    assert len(shown) == len(cluster.coverage)
    trump = next(line for line in shown if "I have strongly requested to President Putin" in line)
    assert trump.startswith(("3/4", "4/4"))  # the wire's quote: carried by (nearly) every copy
    # the base's most carried sentence has the deepest shade, an uncarried one none
    backgrounds = {int(line.split("/")[0]): coverage.item(k).background().color() for k, line in enumerate(shown) if line[0].isdigit()}
    assert backgrounds[max(backgrounds)].lightness() < backgrounds[min(backgrounds)].lightness()

    # 002 carries a list of other headlines: made the base, it shows them as furniture, hidden by Ctrl+6
    row = list_row(window, "002")
    window.set_base(row)
    qtbot.waitUntil(lambda: window.analysis.clusters[0].base == row and window._analysis_task is None, timeout=WAIT)
    rows = story_rows(window)
    assert rows[seed("002").name][0] == "base"
    assert rows[Path(window.session.articles[window.analysis.clusters[0].base].path).name][0] == "base"
    assert any(role == "suggested base" for role, _ in rows.values())
    furniture = [line for line in shown_sentences(coverage) if line.startswith("site furniture")]
    assert furniture
    qtbot.keyClick(window, Qt.Key.Key_6, Qt.KeyboardModifier.ControlModifier)
    assert window.actions_by_name["hide_furniture"].isChecked()
    after = shown_sentences(coverage)
    assert not any(line.startswith("site furniture") for line in after)
    assert len(after) == len(window.analysis.clusters[0].coverage) - len(furniture)
    qtbot.keyClick(window, Qt.Key.Key_6, Qt.KeyboardModifier.ControlModifier)
    assert len(shown_sentences(coverage)) == len(window.analysis.clusters[0].coverage)


def test_make_base_in_the_stories_moves_the_viewer_base_too(qtbot, window) -> None:
    analysed(qtbot, window)
    tree = window.folder_overview.stories
    story = tree.topLevelItem(0)
    target = next(story.child(k) for k in range(story.childCount()) if story.child(k).text(FILE).startswith("000"))
    tree.setCurrentItem(target)
    qtbot.keyClick(tree, Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier)
    row = list_row(window, "000")
    assert window.state.base == row
    qtbot.waitUntil(lambda: window.analysis.clusters[0].base == row and window._analysis_task is None, timeout=WAIT)
    assert story_rows(window)[seed("000").name][0] == "base"


def test_double_click_on_a_cell_opens_the_pair_side_by_side(qtbot, window) -> None:
    analysed(qtbot, window)
    heat_map = window.folder_overview.heat_map
    model = heat_map.model()
    left = next(k for k in range(5) if prefix_of(window, model.article_at(k)) == "004")
    right = next(k for k in range(5) if prefix_of(window, model.article_at(k)) == "001")
    index = model.index(left, right)
    assert "004_" in index.data(Qt.ItemDataRole.ToolTipRole) and ALIKE in index.data(Qt.ItemDataRole.ToolTipRole)
    heat_map.scrollTo(index)
    centre = heat_map.visualRect(index).center()
    # a view's double click counts on the cell its press hit, as with a real mouse
    qtbot.mouseClick(heat_map.viewport(), Qt.MouseButton.LeftButton, pos=centre)
    qtbot.mouseDClick(heat_map.viewport(), Qt.MouseButton.LeftButton, pos=centre)
    assert window.tabs.currentIndex() == 0
    qtbot.waitUntil(lambda: showing(window, "004", "001"), timeout=WAIT)


def test_heat_map_orders(qtbot, window) -> None:
    analysed(qtbot, window)
    overview = window.folder_overview
    model = overview.heat_map.model()
    overview.order.setCurrentText("Words")
    words = [window.analysis.articles[model.article_at(k)].words for k in range(5)]
    assert words == sorted(words, reverse=True)
    overview.order.setCurrentText("File")
    assert [prefix_of(window, model.article_at(k)) for k in range(5)] == ["000", "001", "002", "003", "004"]
    # a click on a column's number: the copies most similar to that one first
    overview.heat_map.horizontalHeader().sectionClicked.emit(2)  # 002
    order = [model.article_at(k) for k in range(5)]
    assert prefix_of(window, order[0]) == "002"
    similarity = [model.similarity(order[0], other) for other in order[1:]]
    assert similarity == sorted(similarity, reverse=True)
    # rows and columns follow one order: the diagonal is each copy with itself
    assert all(model.index(k, k).data(Qt.UserRole) == 1.0 for k in range(5))


def _analysis_children() -> list[multiprocessing.Process]:
    return [p for p in multiprocessing.active_children() if p.name == "newsdiff-analysis"]


def test_cancel_stops_a_long_analysis_and_it_can_run_again(qtbot, window, tmp_path) -> None:
    folder = generate_folder(tmp_path / "big", 300, seed=3).folder
    open_folder(qtbot, window, folder)
    qtbot.waitUntil(lambda: window.analysis_cancel.isVisible() and window.analysis_progress.maximum() > 0, timeout=WAIT)
    assert _analysis_children()
    qtbot.mouseClick(window.analysis_cancel, Qt.MouseButton.LeftButton)
    assert not window.analysis_cancel.isVisible() and not window.analysis_progress.isVisible()
    assert window.folder_overview.analyse_button.isVisible() or window.tabs.currentIndex() == 0
    qtbot.waitUntil(lambda: not _analysis_children(), timeout=WAIT)
    assert window.analysis is None
    assert "cancelled" in window.folder_overview.placeholder.text()
    # the side-by-side view is not affected
    qtbot.waitUntil(lambda: window.comparison is not None, timeout=WAIT)


def test_cancelling_a_new_base_says_which_base_the_overview_still_shows(qtbot, window) -> None:
    analysed(qtbot, window)
    suggested = window.analysis.clusters[0].base
    other = next(k for k in window.analysis.clusters[0].articles if k != suggested)
    window.tabs.setCurrentIndex(0)
    window.set_base(list_row(window, prefix_of(window, other)))
    assert window.analysis_cancel.isVisible()  # the new base's coverage is under way
    qtbot.mouseClick(window.analysis_cancel, Qt.MouseButton.LeftButton)
    message = window.statusBar().currentMessage()
    assert message.startswith("Coverage of the new base cancelled")
    assert Path(window.session.articles[suggested].path).name in message
    assert window.analysis.clusters[0].base == suggested and window.state.base == other


def test_untrusted_names_are_shown_literally(qtbot, window, tmp_path) -> None:
    folder = tmp_path / "hostile"
    folder.mkdir()
    hostile = folder / "<b>bold <img src=x>.txt"
    hostile.write_text("<i>Title</i> <img src=x onerror=alert(1)>\n\n" + seed("003").read_text(encoding="utf-8"))
    shutil.copy(seed("000"), folder / seed("000").name)
    analysed(qtbot, window, folder)
    overview = window.folder_overview
    story = overview.stories.topLevelItem(0)
    item = next(story.child(k) for k in range(story.childCount()) if story.child(k).text(FILE).startswith("<b>"))
    assert item.text(FILE) == "<b>bold <img src=x>.txt"
    assert item.text(TITLE).startswith("<i>Title</i> <img src=x")
    assert "&lt;img src=x onerror" in item.toolTip(TITLE) and "<img" not in item.toolTip(TITLE)
    model = overview.heat_map.model()
    row = next(k for k in range(2) if model.headerData(k, Qt.Orientation.Vertical).startswith("<b>"))
    assert "<img" not in model.headerData(row, Qt.Orientation.Vertical, Qt.ItemDataRole.ToolTipRole)
    assert "&lt;b&gt;bold" in model.index(row, 1 - row).data(Qt.ItemDataRole.ToolTipRole)


def test_site_furniture_is_marked_in_the_pair_and_hidden_with_one_toggle(qtbot, window) -> None:
    analysed(qtbot, window)
    window.tabs.setCurrentIndex(0)
    window.show_pair_of(list_row(window, "003"), list_row(window, "002"))
    qtbot.waitUntil(lambda: showing(window, "003", "002"), timeout=WAIT)
    comparison = window.comparison
    furniture = window.view.styling.furniture
    right = comparison.document(Side.RIGHT)
    headline = next(k for k, s in enumerate(right.sentences) if right.text[s.start : s.end].startswith("Uber Enters"))
    assert (Side.RIGHT, headline) in furniture
    lead = next(k for k, s in enumerate(right.sentences) if "surrender" in right.text[s.start : s.end])
    assert (Side.RIGHT, lead) not in furniture
    badges = "".join(
        cell.document.toPlainText()
        for row in range(len(comparison.rows))
        for cell in window.view.cells(row)
        if cell.document is not None
    )
    assert badges.count(FURNITURE_BADGE.replace("\u00a0", " ")) == len(furniture)  # plain text turns no-break spaces into spaces

    shown = [d for d in window.differences if window._shown(d)]
    qtbot.keyClick(window, Qt.Key.Key_6, Qt.KeyboardModifier.ControlModifier)
    after = [d for d in window.differences if window._shown(d)]
    assert len(after) < len(shown)
    assert not any(all(key in furniture for key in window._keys(d)) for d in after)
    assert any(cell.paragraphs for row in range(len(comparison.rows)) for cell in window.view.cells(row))
    # navigation passes over it: walking every difference never lands on furniture alone
    for _ in range(len(after) + 1):
        qtbot.keyClick(window.view, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
        current = current_difference(window)
        assert current is not None and not all(key in furniture for key in window._keys(current))


def test_the_exported_report_marks_the_furniture_the_pair_shows(qtbot, window, tmp_path, monkeypatch) -> None:
    from PySide6.QtWidgets import QFileDialog

    analysed(qtbot, window)
    window.tabs.setCurrentIndex(0)
    window.show_pair_of(list_row(window, "003"), list_row(window, "002"))
    qtbot.waitUntil(lambda: showing(window, "003", "002"), timeout=WAIT)
    furniture = window.view.styling.furniture
    assert furniture
    target = tmp_path / "pair.html"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args, **kwargs: (str(target), ""))
    window.export_pair()
    qtbot.waitUntil(target.exists, timeout=WAIT)
    html = target.read_text(encoding="utf-8")
    assert html.count('<span class="mark furniture">') == 1 + len(furniture)  # the legend's and each sentence's


def test_choosing_a_story_scrolls_the_map_to_it(qtbot, window, tmp_path) -> None:
    folder = tmp_path / "two stories"
    folder.mkdir()
    for prefix in ("000", "001", "002", "003", "004"):
        shutil.copy(seed(prefix), folder / seed(prefix).name)
    for number, text in enumerate(OTHER_STORY):
        (folder / f"other_{number}.txt").write_text(text, encoding="utf-8")
    analysed(qtbot, window, folder)
    analysis = window.analysis
    assert len(analysis.clusters) == 2
    heat_map = window.folder_overview.heat_map
    model = heat_map.model()
    window.folder_overview.stories.select_cluster(1)
    current = heat_map.currentIndex()
    assert current.row() == current.column()
    assert model.cluster_of(current.row()) == 1 and model.cluster_of(current.row() - 1) == 0


OTHER_STORY = [
    "Flood barrier approved for river town\n\nCouncillors in the river town of Westbury approved a new flood "
    "barrier on Tuesday after three winters of flooding damaged hundreds of homes along the quay.\n\nThe "
    "barrier, a wall of steel gates that closes when the tide rises, will cost the council about 12 million "
    "pounds and take two years to build.\n\nResidents who lost furniture and floors in the floods said the "
    "decision came too late, but shop owners welcomed the plan.",
    "Westbury gets its flood barrier\n\nCouncillors in Westbury approved a new flood barrier on Tuesday after "
    "three winters of flooding damaged hundreds of homes along the quay.\n\nThe barrier, a wall of steel gates "
    "that closes when the tide rises, will cost about 12 million pounds and take two years to build, the "
    "council said.\n\nShop owners on the quay welcomed the plan.",
]


def test_a_folder_with_unreadable_files_gets_its_overview(qtbot, window, tmp_path) -> None:
    folder = tmp_path / "unlucky"
    folder.mkdir()
    for name in ("000", "003"):
        shutil.copy(seed(name), folder / seed(name).name)
    (folder / "empty.txt").write_bytes(b"")
    (folder / "binary.txt").write_bytes(bytes(range(256)) * 4)
    analysed(qtbot, window, folder)
    assert window.analysis is not None
    assert {Path(e.path).name for e in window.analysis.skipped} == {"empty.txt", "binary.txt"}
    assert window.folder_overview.summary_label.text().startswith("2 copies · 1 story")
