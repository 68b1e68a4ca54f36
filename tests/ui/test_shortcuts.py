"""The shortcut table: no key is claimed twice, every key parses, every action is wired and on the F1 sheet."""

from __future__ import annotations

import html

from PySide6.QtGui import QKeySequence

from newsdiff.ui.shortcut_sheet import sheet_html
from newsdiff.ui.shortcuts import BY_NAME, SHORTCUTS, collisions, normalised


def test_no_two_actions_share_a_key() -> None:
    assert collisions() == {}


def test_collisions_are_found_whatever_the_spelling(monkeypatch) -> None:
    from newsdiff.ui import shortcuts

    clash = shortcuts.Shortcut("clash", ("alt+down",), "Clash", "clashes with next difference", "Help")
    monkeypatch.setattr(shortcuts, "SHORTCUTS", (*SHORTCUTS, clash))
    assert collisions()[normalised("Alt+Down")] == ["next_difference", "clash"]


def test_every_key_is_one_valid_chord() -> None:
    for shortcut in SHORTCUTS:
        assert shortcut.keys, shortcut.name
        for key in shortcut.keys:
            sequence = QKeySequence(key)
            assert sequence.count() == 1, (shortcut.name, key)
            assert not sequence.isEmpty() and sequence[0].key().name != "Key_unknown", (shortcut.name, key)


def test_the_issue_s_keys_are_where_it_says() -> None:
    assert BY_NAME["next_difference"].keys == ("Alt+Down", "F8")
    assert BY_NAME["previous_difference"].keys == ("Alt+Up", "F7")
    assert BY_NAME["first_difference"].keys == ("Alt+Home",)
    assert BY_NAME["last_difference"].keys == ("Alt+End",)
    assert BY_NAME["open_folder"].keys == ("Ctrl+O",)
    assert BY_NAME["find"].keys == ("Ctrl+F",)
    assert BY_NAME["export_pair"].keys == ("Ctrl+E",)
    assert BY_NAME["shortcut_sheet"].keys == ("F1",)


def test_the_sheet_lists_every_key() -> None:
    sheet = sheet_html()
    for shortcut in SHORTCUTS:
        assert html.escape(shortcut.description) in sheet
        for key in shortcut.keys:
            assert html.escape(QKeySequence(key).toString(QKeySequence.SequenceFormat.NativeText)) in sheet, key
