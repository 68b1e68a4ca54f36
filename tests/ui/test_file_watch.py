"""Copies changed or deleted on disk while open, in the real window: compared again, or taken off the list."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from newsdiff.core.model import Kind, Side
from newsdiff.core.read.articles import Article
from newsdiff.ui.file_watch import GONE_REASON, reload_changed
from tests.ui.folder_window import copies_folder, window_on
from tests.ui.test_main_window import WAIT, showing

ADDED = "\n\nThis paragraph was added to the copy on disk while it was open in newsdiff."


@pytest.fixture
def folder(tmp_path) -> Path:
    return copies_folder(tmp_path, ("003", "000", "001"))


@pytest.fixture
def window(qtbot, tmp_path, folder):
    yield from window_on(qtbot, tmp_path, folder)


def shown_copy(window) -> Path:
    return Path(window.comparison.right.path)


def test_a_copy_rewritten_in_place_is_reloaded_and_compared_again(qtbot, window):
    copy = shown_copy(window)
    base = Path(window.comparison.left.path).name
    uniques = window.comparison.stats(Side.RIGHT)[Kind.UNIQUE]
    with open(copy, "a", encoding="utf-8") as file:  # an editor writing the file in place
        file.write(ADDED)
    qtbot.waitUntil(
        lambda: window.comparison is not None and ADDED.strip() in window.comparison.right.text, timeout=WAIT
    )
    assert showing(window, base, copy.name)
    assert window.comparison.stats(Side.RIGHT)[Kind.UNIQUE] == uniques + 1
    assert "Changed on disk" in window.statusBar().currentMessage()


def test_a_copy_saved_by_renaming_over_it_is_reloaded(qtbot, window):
    copy = shown_copy(window)
    temporary = copy.with_name(".saving.tmp")
    temporary.write_text(copy.read_text(encoding="utf-8") + ADDED, encoding="utf-8")
    os.replace(temporary, copy)
    qtbot.waitUntil(
        lambda: window.comparison is not None and ADDED.strip() in window.comparison.right.text, timeout=WAIT
    )
    # still watched after the rename: a second save is picked up too
    with open(copy, "a", encoding="utf-8") as file:
        file.write("\n\nAnd a second one.")
    qtbot.waitUntil(
        lambda: window.comparison is not None and "second one" in window.comparison.right.text, timeout=WAIT
    )


def test_a_deleted_copy_is_taken_off_the_list_and_named_in_the_problems(qtbot, window):
    copy = shown_copy(window)
    copy.unlink()
    qtbot.waitUntil(lambda: all(a.path != str(copy) for a in window.session.articles), timeout=WAIT)
    assert window.article_list.model_.rowCount() == 2
    qtbot.waitUntil(lambda: window.comparison is not None and window.comparison.right.path != str(copy), timeout=WAIT)
    problems = [window.problems.list.item(i).text() for i in range(window.problems.list.count())]
    assert any(copy.name in line and GONE_REASON in line for line in problems)
    assert window.problems.isVisible()


def test_reload_changed_skips_unchanged_files_and_text_from_memory(tmp_path):
    from newsdiff.core.read.articles import load_article

    path = tmp_path / "a.txt"
    path.write_text("One sentence here.", encoding="utf-8")
    article = load_article(path)
    assert not reload_changed([article, Article.from_text("From memory.")])
    path.write_text("Another sentence now.", encoding="utf-8")
    assert reload_changed([article]).articles[str(path)].text == "Another sentence now."
