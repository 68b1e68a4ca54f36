"""The colours of the kinds and marks, in one place for the GUI and the HTML report.

The hues are Okabe and Ito's colour-blind-safe set; backgrounds are light tints of them so that black text
stays readable, and the stronger tints mark changed words inside a highlighted sentence.
"""

from __future__ import annotations

from newsdiff.core.model import Kind

# Okabe & Ito, "Color Universal Design" (2008): distinguishable under the common colour-vision deficiencies.
OKABE_ITO = {
    "orange": "#E69F00",
    "sky_blue": "#56B4E9",
    "bluish_green": "#009E73",
    "yellow": "#F0E442",
    "blue": "#0072B2",
    "vermillion": "#D55E00",
    "reddish_purple": "#CC79A7",
}

# Sentence backgrounds in light mode, one per kind.
KIND_LIGHT: dict[Kind, str] = {
    Kind.SHARED: "#D4EFE6",  # bluish green
    Kind.TYPO: "#F4DDEA",  # reddish purple
    Kind.PARAPHRASE: "#FBEBC4",  # orange
    Kind.UNIQUE: "#D6ECF9",  # sky blue
}

# Word and character marks inside a linked sentence, drawn over the sentence background.
REWORDED_LIGHT = "#F3C75E"  # orange, stronger: words the other side has in other words
ONLY_HERE_LIGHT = "#9CD1F0"  # sky blue, stronger: words only on this side, the hue of a unique sentence
CHANGED_CHARACTERS_LIGHT = "#E3A9CB"  # reddish purple, stronger: the characters a typo link changes

# Marks drawn as lines or labels rather than backgrounds.
MISSPELLING = OKABE_ITO["vermillion"]
MOVED = OKABE_ITO["blue"]  # 5.2:1 on white: readable as the words of a label too
# The tick of a checked difference and the marker of a note: Okabe-Ito's bluish green darkened until it reads on
# white at 6:1 (a mark, not a sentence kind's background); the lighter one for dark grounds (7:1 on #2B2B2B).
CHECKED = "#00704F"
CHECKED_ON_DARK = "#5FD3A6"
# Vermillion's hue at a lightness of 35 % instead of 42 %: the altered label's words need 4.5:1 on white (WCAG AA),
# which vermillion itself (3.9:1) misses; this gives 5.2:1.
ALTERED = "#B34F00"
