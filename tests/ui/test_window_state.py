"""The window state: each change is told once, a value set again is not told, the settings keep the filters and
the zoom, and the widgets built on the state follow it (and change it)."""

from __future__ import annotations

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QCheckBox

from newsdiff.core.model import Kind
from newsdiff.ui.folder_overview import FolderOverview
from newsdiff.ui.legend import LegendBar
from newsdiff.ui.window_state import ZOOM_LIMIT, WindowState


def recorded(state: WindowState) -> list[tuple[str, tuple]]:
    """Every signal the state emits from now on, by name, with its arguments."""
    told: list[tuple[str, tuple]] = []
    for name in ("roles_changed", "hidden_changed", "altered_only_changed", "hide_furniture_changed", "zoom_changed"):
        getattr(state, name).connect(lambda *args, name=name: told.append((name, args)))
    return told


def test_each_change_is_told_once_and_the_same_value_not_at_all(qapp) -> None:
    state = WindowState()
    told = recorded(state)
    state.set_roles(2, 0)
    state.set_roles(2, 0)
    state.set_kind_shown(Kind.UNIQUE, False)
    state.set_kind_shown(Kind.UNIQUE, False)
    state.set_kind_shown(Kind.SHARED, True)  # shown already
    state.set_altered_only(True)
    state.set_altered_only(True)
    state.set_hide_furniture(True)
    state.set_hide_furniture(True)
    state.set_zoom(2)
    state.set_zoom(2)
    assert told == [
        ("roles_changed", (2, 0)),
        ("hidden_changed", (frozenset({Kind.UNIQUE}),)),
        ("altered_only_changed", (True,)),
        ("hide_furniture_changed", (True,)),
        ("zoom_changed", (2,)),
    ]
    assert (state.base, state.other, state.hidden) == (2, 0, {Kind.UNIQUE})
    assert state.altered_only and state.hide_furniture and state.zoom == 2


def test_a_swap_is_one_change(qapp) -> None:
    state = WindowState()
    state.set_roles(1, 3)
    told = recorded(state)
    state.set_roles(3, 1)
    assert told == [("roles_changed", (3, 1))]


def test_the_zoom_stays_within_its_limit(qapp) -> None:
    state = WindowState()
    state.set_zoom(ZOOM_LIMIT + 5)
    assert state.zoom == ZOOM_LIMIT
    told = recorded(state)
    state.set_zoom(ZOOM_LIMIT + 1)  # still the limit: no change
    assert told == []
    state.set_zoom(-ZOOM_LIMIT - 1)
    assert state.zoom == -ZOOM_LIMIT


def test_the_settings_keep_the_filters_and_the_zoom_but_not_the_pair(qapp, tmp_path) -> None:
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    first = WindowState()
    first.set_roles(1, 2)
    first.set_hidden(frozenset({Kind.SHARED, Kind.TYPO}))
    first.set_altered_only(True)
    first.set_hide_furniture(True)
    first.set_zoom(-3)
    first.save(settings)
    second = WindowState()
    told = recorded(second)
    second.restore(settings)
    assert second.hidden == {Kind.SHARED, Kind.TYPO} and second.altered_only and second.hide_furniture
    assert second.zoom == -3 and (second.base, second.other) == (None, None)
    assert [name for name, _ in told] == ["hidden_changed", "altered_only_changed", "hide_furniture_changed", "zoom_changed"]


def test_the_legend_follows_the_state_and_changes_it(qtbot) -> None:
    state = WindowState()
    state.set_kind_shown(Kind.TYPO, False)
    legend = LegendBar(state)
    qtbot.addWidget(legend)
    assert not legend.kind_buttons[Kind.TYPO].isChecked() and legend.kind_buttons[Kind.UNIQUE].isChecked()
    state.set_kind_shown(Kind.UNIQUE, False)
    state.set_altered_only(True)
    assert not legend.kind_buttons[Kind.UNIQUE].isChecked() and legend.altered_button.isChecked()
    told = recorded(state)
    legend.kind_buttons[Kind.TYPO].click()
    assert state.hidden == {Kind.UNIQUE}
    assert told == [("hidden_changed", (frozenset({Kind.UNIQUE}),))]  # the box, set back by the state, tells no more


def test_the_overview_furniture_box_and_coverage_follow_the_state(qtbot) -> None:
    state = WindowState()
    overview = FolderOverview(state)
    qtbot.addWidget(overview)
    box = overview.findChild(QCheckBox, "hideFurniture")
    assert not box.isChecked() and not overview.coverage.hide_furniture
    state.set_hide_furniture(True)
    assert box.isChecked() and overview.coverage.hide_furniture
    box.click()
    assert not state.hide_furniture and not overview.coverage.hide_furniture
