"""The viewer's colours: text stays readable on every highlight, in a light and in a dark palette."""

from __future__ import annotations

import itertools
import math

import pytest
from PySide6.QtGui import QColor, QPalette

from newsdiff.core.model import KINDS, Kind
from newsdiff.ui.theme import contrast, is_dark, theme_for


def palette(base: str, text: str) -> QPalette:
    result = QPalette()
    for role, colour in ((QPalette.ColorRole.Base, base), (QPalette.ColorRole.Text, text)):
        result.setColor(role, QColor(colour))
    return result


PALETTES = {
    "light": palette("#FFFFFF", "#000000"),
    "dark": palette("#1E1E1E", "#E6E6E6"),
    "dark-grey": palette("#353535", "#FFFFFF"),
}


@pytest.mark.parametrize("name", PALETTES)
def test_text_reads_on_every_highlight(qapp, name) -> None:
    theme = theme_for(PALETTES[name])
    grounds = [theme.kind[kind] for kind in KINDS] + [theme.reworded, theme.only_here, theme.changed_characters]
    for ground in grounds:
        assert contrast(theme.text, ground) >= 4.5, (name, ground.name())


# Machado, Oliveira and Fernandes (2009), full severity, on linear RGB.
VISION = {
    "normal": ((1, 0, 0), (0, 1, 0), (0, 0, 1)),
    "deuteranopia": ((0.367322, 0.860646, -0.227968), (0.280085, 0.672501, 0.047413), (-0.011820, 0.042940, 0.968881)),
    "protanopia": ((0.152286, 1.052583, -0.204868), (0.114503, 0.786281, 0.099216), (-0.003882, -0.048116, 1.051998)),
    "tritanopia": ((1.255528, -0.076749, -0.178779), (-0.078411, 0.930809, 0.147602), (0.004733, 0.691367, 0.303900)),
}


def seen_lab(colour: QColor, vision: str) -> tuple[float, float, float]:
    """CIE L*a*b* of `colour` as a viewer with `vision` sees it."""

    def linear(value: float) -> float:
        return value / 12.92 if value <= 0.04045 else ((value + 0.055) / 1.055) ** 2.4

    rgb = [linear(colour.redF()), linear(colour.greenF()), linear(colour.blueF())]
    r, g, b = (min(1.0, max(0.0, sum(m * c for m, c in zip(row, rgb)))) for row in VISION[vision])
    x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047
    y = 0.2126 * r + 0.7152 * g + 0.0722 * b
    z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883

    def f(t: float) -> float:
        return t ** (1 / 3) if t > 0.008856 else 7.787 * t + 16 / 116

    return 116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))


def delta_e(a: QColor, b: QColor, vision: str) -> float:
    return math.dist(seen_lab(a, vision), seen_lab(b, vision))


@pytest.mark.parametrize("vision", VISION)
@pytest.mark.parametrize("name", PALETTES)
def test_the_four_kinds_stay_apart_in_colour_blind_vision(qapp, name, vision) -> None:
    theme = theme_for(PALETTES[name])
    for a, b in itertools.combinations(KINDS, 2):
        assert delta_e(theme.kind[a], theme.kind[b], vision) >= 10, (name, vision, a, b)


@pytest.mark.parametrize("vision", VISION)
@pytest.mark.parametrize("name", PALETTES)
def test_marks_stand_out_from_their_sentence(qapp, name, vision) -> None:
    theme = theme_for(PALETTES[name])
    assert delta_e(theme.reworded, theme.kind[Kind.PARAPHRASE], vision) >= 10
    assert delta_e(theme.only_here, theme.kind[Kind.PARAPHRASE], vision) >= 10
    assert delta_e(theme.changed_characters, theme.kind[Kind.TYPO], vision) >= 8


@pytest.mark.parametrize("name", PALETTES)
def test_marks_stand_out_from_the_background(qapp, name) -> None:
    theme = theme_for(PALETTES[name])
    for mark in (theme.misspelling, theme.moved, theme.altered, theme.current):
        assert contrast(mark, theme.background) >= 3.0, (name, mark.name())


def test_dark_is_detected(qapp) -> None:
    assert is_dark(PALETTES["dark"]) and not is_dark(PALETTES["light"])
    assert theme_for(PALETTES["dark"]).dark
