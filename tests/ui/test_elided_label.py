"""The status bar's label that gives way to a narrow window."""

from __future__ import annotations

from newsdiff.ui.elided_label import ElidedLabel


def test_a_narrow_label_ends_its_text_with_an_ellipsis_and_keeps_it_whole_in_the_tooltip(qtbot) -> None:
    label = ElidedLabel()
    qtbot.addWidget(label)
    text = "left: 30 shared · 2 typo · 26 paraphrase · 46 unique    right: 30 shared · 2 typo · 10 unique"
    label.setText(text)
    label.resize(label.fontMetrics().horizontalAdvance(text) + 20, 20)
    assert label.shown_text() == text
    label.resize(120, 20)
    shown = label.shown_text()
    assert shown.endswith("\u2026") and text.startswith(shown[:-1])
    assert label.fontMetrics().horizontalAdvance(shown) <= 120
    assert label.toolTip() == text
    assert label.minimumSizeHint().width() < 120
