"""Typographic normalisation and word tokens: what counts as "the same sentence"."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

# One character for one character, so that offsets into the normalised text are offsets into the original.
_TYPOGRAPHIC = str.maketrans(
    {
        "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'", "\u00b4": "'", "\u0060": "'",
        "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"', "\u00ab": '"', "\u00bb": '"',
        "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-", "\u2015": "-", "\u2212": "-",
        "\u00a0": " ", "\u2000": " ", "\u2001": " ", "\u2002": " ", "\u2003": " ", "\u2004": " ", "\u2005": " ",
        "\u2006": " ", "\u2007": " ", "\u2008": " ", "\u2009": " ", "\u200a": " ", "\u202f": " ", "\u205f": " ",
        "\u3000": " ", "\t": " ", "\n": " ",
    }
)
_SPACES = re.compile(r"\s+")
_DOUBLE_HYPHEN = re.compile(r"-{2,}")
# A word: letters and digits, with inner apostrophes, hyphens, dots or commas (U.S., 30-day, 1,000).
WORD = re.compile(r"\w+(?:['\u2019\u00b4.,\-\u2010\u2011]\w+)*")
_TOKEN = re.compile(r"\w+(?:['\u2019\u00b4.,\-\u2010\u2011]\w+)*|[^\w\s]")


def typographic(text: str) -> str:
    """The text with quote, apostrophe, dash and space variants replaced by plain ASCII, length kept."""
    return text.translate(_TYPOGRAPHIC)


def canonical(text: str) -> str:
    """The form two sentences share when they are "the same": typographic variants (a typed "--" for a dash
    among them) and space runs folded."""
    return _SPACES.sub(" ", _DOUBLE_HYPHEN.sub("-", typographic(text))).strip()


@dataclass(frozen=True)
class Token:
    """A word or punctuation mark with its offsets in the article text."""

    text: str
    start: int
    end: int
    # Kept with the token, which a document makes once: every comparison of it asks for them again.
    is_word: bool = field(init=False, repr=False, compare=False)  # a word rather than punctuation
    folded: str = field(init=False, repr=False, compare=False)  # the text case-folded

    def __post_init__(self) -> None:
        object.__setattr__(self, "is_word", self.text[0].isalnum() or self.text[0] == "_")
        object.__setattr__(self, "folded", self.text.casefold())


def tokens(text: str, start: int, end: int) -> list[Token]:
    """The words and punctuation marks of text[start:end], in typographic normal form, with offsets."""
    plain = typographic(text[start:end])
    return [Token(m.group(), start + m.start(), start + m.end()) for m in _TOKEN.finditer(plain)]


def words(text: str) -> list[str]:
    """The case-folded words of the text."""
    return [m.group().casefold() for m in WORD.finditer(typographic(text))]
