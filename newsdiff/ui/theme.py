"""The viewer's colours for the palette in use: tints of Okabe and Ito's colour-blind-safe hues.

The hues are those of `newsdiff.core.output.palette`, so the viewer, its legend and the HTML report speak the same
colours. The report's light tints all sit at about the same lightness, and measured under simulated colour
blindness (Machado et al. 2009) some pairs collapse: shared and typo differ by a CIE76 delta E of 2.9 under
deuteranopia, typo and unique by 7. So each kind here gets its own share of its hue: shared, the quiet kind,
stays palest; typo, rare and easy to miss, is the strongest. The test checks every pair stays apart by a
delta E of 10 or more under normal vision and the three dichromacies, in a light and a dark palette, and that
text keeps a contrast of at least 4.5:1 on every tint.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QColor, QPalette

from newsdiff.core.model import Kind
from newsdiff.core.output import palette

# The hue behind each kind, as in core.palette.
KIND_HUE: dict[Kind, str] = {
    Kind.SHARED: palette.OKABE_ITO["bluish_green"],
    Kind.TYPO: palette.OKABE_ITO["reddish_purple"],
    Kind.PARAPHRASE: palette.OKABE_ITO["orange"],
    Kind.UNIQUE: palette.OKABE_ITO["sky_blue"],
}
# How much of the hue goes over the background, per kind (found by a search over shares maximising the
# smallest delta E between kinds under the dichromacies, with text contrast kept).
LIGHT_SHARE = {Kind.SHARED: 0.10, Kind.TYPO: 0.60, Kind.PARAPHRASE: 0.26, Kind.UNIQUE: 0.40}
DARK_SHARE = {Kind.SHARED: 0.10, Kind.TYPO: 0.38, Kind.PARAPHRASE: 0.15, Kind.UNIQUE: 0.45}
# The marks inside a sentence are stronger shares of the same hues: reworded words, words only on this side,
# the characters a typo link changes.
LIGHT_MARK_SHARE = {"reworded": 0.60, "only_here": 0.70, "changed": 0.95}
DARK_MARK_SHARE = {"reworded": 0.35, "only_here": 0.30, "changed": 0.60}


@dataclass(frozen=True)
class Theme:
    """Every colour the side-by-side view and its legend paint with."""

    dark: bool
    text: QColor
    dimmed_text: QColor  # sentences of a hidden kind
    background: QColor
    kind: dict[Kind, QColor]
    reworded: QColor  # words the other side says in other words
    only_here: QColor  # words only on this side: added here or cut from the other
    changed_characters: QColor  # the characters a typo link changes
    only_here_line: QColor  # the line under words only on this side
    misspelling: QColor
    moved: QColor
    altered: QColor
    gap: QColor  # hatching where a side has nothing
    rule: QColor  # lines between rows
    current: QColor  # outline of the current difference
    hover: QColor  # outline of the sentence under the mouse and of its counterpart
    found: QColor  # background of a search match
    checked: QColor  # the tick beside a difference the editor checked, and the pencil of a note


def mix(hue: QColor, ground: QColor, share: float) -> QColor:
    """`share` of `hue` over `ground` (0: the ground, 1: the hue)."""
    return QColor.fromRgbF(
        hue.redF() * share + ground.redF() * (1 - share),
        hue.greenF() * share + ground.greenF() * (1 - share),
        hue.blueF() * share + ground.blueF() * (1 - share),
    )


def is_dark(qpalette: QPalette) -> bool:
    """Whether a palette draws light text on a dark background."""
    return qpalette.color(QPalette.ColorRole.Base).lightness() < 128


def theme_for(qpalette: QPalette) -> Theme:
    """The colours to paint with under `qpalette`."""
    dark = is_dark(qpalette)
    ground = qpalette.color(QPalette.ColorRole.Base)
    text = qpalette.color(QPalette.ColorRole.Text)
    shares, marks = (DARK_SHARE, DARK_MARK_SHARE) if dark else (LIGHT_SHARE, LIGHT_MARK_SHARE)

    def shade(hue: str, share: float) -> QColor:
        return mix(QColor(hue), ground, share)

    if dark:
        # vermillion and blue are too dark to read as lines on a dark ground; their lighter Okabe-Ito
        # neighbours keep the meaning
        misspelling, moved, found = QColor("#FF8A4C"), QColor(palette.OKABE_ITO["sky_blue"]), QColor("#7A6A00")
        altered = misspelling
    else:
        misspelling, moved = QColor(palette.MISSPELLING), QColor(palette.MOVED)
        found = QColor(palette.OKABE_ITO["yellow"])
        altered = QColor(palette.ALTERED)  # a label's words: darker than the wavy line
    return Theme(
        dark=dark,
        text=text,
        dimmed_text=mix(text, ground, 0.55),
        background=ground,
        kind={kind: shade(hue, shares[kind]) for kind, hue in KIND_HUE.items()},
        reworded=shade(palette.OKABE_ITO["orange"], marks["reworded"]),
        only_here=shade(palette.OKABE_ITO["sky_blue"], marks["only_here"]),
        changed_characters=shade(palette.OKABE_ITO["reddish_purple"], marks["changed"]),
        only_here_line=moved,
        misspelling=misspelling,
        moved=moved,
        altered=altered,
        gap=mix(text, ground, 0.18),
        rule=mix(text, ground, 0.14),
        current=moved,
        hover=mix(moved, ground, 0.6),
        found=found,
        checked=QColor(palette.CHECKED_ON_DARK if dark else palette.CHECKED),
    )


def contrast(a: QColor, b: QColor) -> float:
    """The WCAG contrast ratio of two colours (1 to 21)."""

    def luminance(colour: QColor) -> float:
        def channel(value: float) -> float:
            return value / 12.92 if value <= 0.04045 else ((value + 0.055) / 1.055) ** 2.4

        return 0.2126 * channel(colour.redF()) + 0.7152 * channel(colour.greenF()) + 0.0722 * channel(colour.blueF())

    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)
