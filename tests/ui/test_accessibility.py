"""The viewer as assistive technology sees it: every control named, the current difference told and announced."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent, QAccessibleEvent
from PySide6.QtWidgets import QAbstractButton, QWidget

from newsdiff.core.model import Side
from newsdiff.core.wording import difference_marks
from newsdiff.ui.main_window import MainWindow
from tests.ui import test_main_window as viewer
from tests.ui.test_main_window import current_difference, press

window = viewer.window  # the viewer's fixtures: a window, and one showing the fixture folder's 003 against 000
pair = viewer.pair


def unnamed_controls(top: QWidget) -> list[str]:
    """The widgets under `top` a person can reach (by focus or as a button) or that say something (a tooltip),
    which assistive technology would announce without a name: neither an accessible name nor a text of their own
    holding a word (a symbol such as ▲ is read as "black up-pointing triangle", if at all)."""
    found = []
    for widget in top.findChildren(QWidget):
        reachable = widget.focusPolicy() != Qt.FocusPolicy.NoFocus or isinstance(widget, QAbstractButton)
        says = bool(widget.toolTip())
        if not (reachable or says):
            continue
        interface = QAccessible.queryAccessibleInterface(widget)
        name = interface.text(QAccessible.Text.Name) if interface is not None else ""
        if not any(character.isalpha() for character in name):
            found.append(f"{type(widget).__name__} {widget.objectName()!r} under {type(widget.parent()).__name__}")
    return found


def test_every_control_of_the_welcome_page_has_a_name(window: MainWindow) -> None:
    unnamed = unnamed_controls(window)
    assert not unnamed, "\n".join(unnamed)


def test_every_control_of_a_pair_shown_has_a_name(qtbot, pair: MainWindow) -> None:
    pair.find_bar.open_bar()
    pair.toggle_overview()
    unnamed = unnamed_controls(pair)
    assert not unnamed, "\n".join(unnamed)


class Announcements:
    """The announcements the window makes to assistive technology, recorded."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.messages: list[str] = []
        real = QAccessible.updateAccessibility

        def record(event: QAccessibleEvent) -> None:
            if isinstance(event, QAccessibleAnnouncementEvent):
                self.messages.append(event.message())
            real(event)

        monkeypatch.setattr(QAccessible, "updateAccessibility", staticmethod(record))


def accessible(widget: QWidget, text: QAccessible.Text) -> str:
    interface = QAccessible.queryAccessibleInterface(widget)
    assert interface is not None
    return interface.text(text)


def test_alt_down_tells_assistive_technology_the_current_difference(qtbot, pair: MainWindow, monkeypatch) -> None:
    heard = Announcements(monkeypatch)
    view = pair.view
    name = accessible(view, QAccessible.Text.Name)
    assert Path(pair.comparison.left.path).name in name and Path(pair.comparison.right.path).name in name
    for number in (1, 2, 3):
        press(qtbot, pair, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
        difference = current_difference(pair)
        told = accessible(view, QAccessible.Text.Description)
        total = len(pair.differences)
        assert told.startswith(f"difference {number} of {total}: {difference.kind.value}")
        for mark in difference_marks(pair.comparison, difference):
            assert mark in told
        for side in Side:
            document = pair.comparison.document(side)
            for sentence in difference.sentences(side):
                assert " ".join(document.sentence_text(sentence).split()) in told
        assert heard.messages[-1] == told
    assert len(heard.messages) == 3


def test_a_walk_that_wraps_round_says_so(qtbot, pair: MainWindow, monkeypatch) -> None:
    heard = Announcements(monkeypatch)
    press(qtbot, pair, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    press(qtbot, pair, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    total = len(pair.differences)
    assert heard.messages[-1].startswith(f"difference {total} of {total}: ")
    assert heard.messages[-1].endswith("Wrapped round to the last difference")
    assert "Wrapped" not in heard.messages[0]
