"""Typographic normalisation and word tokens: what counts as "the same sentence"."""

from __future__ import annotations

import re
from typing import NamedTuple

# One character for one character, so that offsets into the normalised text are offsets into the original.
_VARIANTS = str.maketrans(
    {
        "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'", "\u00b4": "'", "\u0060": "'",
        "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"', "\u00ab": '"', "\u00bb": '"',
        "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-", "\u2015": "-", "\u2212": "-",
        "\u00a0": " ", "\u2000": " ", "\u2001": " ", "\u2002": " ", "\u2003": " ", "\u2004": " ", "\u2005": " ",
        "\u2006": " ", "\u2007": " ", "\u2008": " ", "\u2009": " ", "\u200a": " ", "\u202f": " ", "\u205f": " ",
        "\u3000": " ", "\t": " ", "\n": " ",
    }
)
# The same as a list indexed by code point: str.translate reads a list about four times faster than a dict on
# text with any character beyond ASCII, as news has. A character past its end is left as it is.
_TYPOGRAPHIC = [_VARIANTS.get(code, code) for code in range(max(_VARIANTS) + 1)]
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


class Token(NamedTuple):
    """A word or punctuation mark with its offsets in the article text."""

    text: str
    start: int
    end: int
    # Kept with the token, which a document makes once: every comparison of it asks for them again.
    is_word: bool  # a word rather than punctuation
    folded: str  # the text case-folded


def tokens(text: str, start: int, end: int) -> list[Token]:
    """The words and punctuation marks of text[start:end], in typographic normal form, with offsets."""
    plain = typographic(text[start:end])
    # A named tuple rather than a frozen dataclass: an article makes thousands of tokens, at a quarter of the cost.
    return [
        Token(t, start + m.start(), start + m.end(), t[0].isalnum() or t[0] == "_", t.casefold())
        for m in _TOKEN.finditer(plain)
        for t in (m.group(),)
    ]


def words(text: str) -> list[str]:
    """The case-folded words of the text."""
    return [m.group().casefold() for m in WORD.finditer(typographic(text))]
