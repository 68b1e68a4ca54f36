"""The viewer's colours for the palette in use: the report's light tints, or darker shades of the same hues.

The hues are those of `newsdiff.core.palette` (Okabe and Ito's colour-blind-safe set), so the viewer, the
legend and the HTML report agree. On a dark palette the tints would glare and light text would not read on
them, so each hue is mixed into the dark window background instead.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QColor, QPalette

from newsdiff.core import palette
from newsdiff.core.model import Kind

# The hue behind each light tint of core.palette; dark shades mix these into the background.
KIND_HUE: dict[Kind, str] = {
    Kind.SHARED: palette.OKABE_ITO["bluish_green"],
    Kind.TYPO: palette.OKABE_ITO["reddish_purple"],
    Kind.PARAPHRASE: palette.OKABE_ITO["orange"],
    Kind.UNIQUE: palette.OKABE_ITO["sky_blue"],
}
# How much of the hue goes into a dark background: enough to tell the kinds apart, little enough that light
# text keeps a contrast of at least 4.5:1 (the test checks it).
DARK_SENTENCE_SHARE = 0.30
DARK_MARK_SHARE = 0.55


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
    if dark:

        def shade(hue: str, share: float) -> QColor:
            return mix(QColor(hue), ground, share)

        kinds = {kind: shade(hue, DARK_SENTENCE_SHARE) for kind, hue in KIND_HUE.items()}
        reworded = shade(palette.OKABE_ITO["orange"], DARK_MARK_SHARE)
        only_here = shade(palette.OKABE_ITO["sky_blue"], DARK_MARK_SHARE)
        changed = shade(palette.OKABE_ITO["reddish_purple"], DARK_MARK_SHARE)
        # vermillion and blue are too dark to read as lines on a dark ground; their lighter Okabe-Ito
        # neighbours keep the same meaning
        misspelling, moved = QColor("#FF8A4C"), QColor(palette.OKABE_ITO["sky_blue"])
        found = QColor("#7A6A00")
    else:
        kinds = {kind: QColor(colour) for kind, colour in palette.KIND_LIGHT.items()}
        reworded = QColor(palette.REWORDED_LIGHT)
        only_here = QColor(palette.ONLY_HERE_LIGHT)
        changed = QColor(palette.CHANGED_CHARACTERS_LIGHT)
        misspelling, moved = QColor(palette.MISSPELLING), QColor(palette.MOVED)
        found = QColor(palette.OKABE_ITO["yellow"])
    return Theme(
        dark=dark,
        text=text,
        dimmed_text=mix(text, ground, 0.55),
        background=ground,
        kind=kinds,
        reworded=reworded,
        only_here=only_here,
        changed_characters=changed,
        only_here_line=moved,
        misspelling=misspelling,
        moved=moved,
        altered=misspelling,
        gap=mix(text, ground, 0.18),
        rule=mix(text, ground, 0.14),
        current=moved,
        hover=mix(moved, ground, 0.6),
        found=found,
    )


def contrast(a: QColor, b: QColor) -> float:
    """The WCAG contrast ratio of two colours (1 to 21)."""

    def luminance(colour: QColor) -> float:
        def channel(value: float) -> float:
            return value / 12.92 if value <= 0.04045 else ((value + 0.055) / 1.055) ** 2.4

        return 0.2126 * channel(colour.redF()) + 0.7152 * channel(colour.greenF()) + 0.0722 * channel(colour.blueF())

    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)
