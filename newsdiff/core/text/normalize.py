"""Typographic normalisation and word tokens: what counts as "the same sentence"."""

from __future__ import annotations

import re
from typing import NamedTuple

# The soft hyphen first, then the characters of no width.
INVISIBLE = "\u00ad\u200b\u200c\u200d\u2060\ufeff"
# One character for one character, so that offsets into the normalised text are offsets into the original.
_VARIANTS = str.maketrans(
    {
        "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'", "\u00b4": "'", "\u0060": "'",
        "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"', "\u00ab": '"', "\u00bb": '"',
        "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-", "\u2015": "-", "\u2212": "-",
        "\u00a0": " ", "\u2000": " ", "\u2001": " ", "\u2002": " ", "\u2003": " ", "\u2004": " ", "\u2005": " ",
        "\u2006": " ", "\u2007": " ", "\u2008": " ", "\u2009": " ", "\u200a": " ", "\u202f": " ", "\u205f": " ",
        "\u3000": " ", "\t": " ", "\n": " ",
        # Invisible characters: a soft hyphen marks where a word may break (a hyphen, as where it broke); the
        # others (zero-width spaces and joiners, the word joiner, a byte-order mark) are spaces of no width.
        INVISIBLE[0]: "-", **{c: " " for c in INVISIBLE[1:]},
    }
)
# The same as a list indexed by code point: str.translate reads a list about four times faster than a dict on
# text with any character beyond ASCII, as news has. A character past its end is left as it is.
_TYPOGRAPHIC = [_VARIANTS.get(code, code) for code in range(max(_VARIANTS) + 1)]
_SPACES = re.compile(r"\s+")
_DOUBLE_HYPHEN = re.compile(r"-{2,}")
_NO_WIDTH = str.maketrans("", "", INVISIBLE)
# The wire's 7-bit conventions: two backticks or two apostrophes for a double quote (PA's ``so'' for "so"), and
# "#" for the pound sign before a figure (#5m for £5m).
_SEVEN_BIT_QUOTE = re.compile(r"''")
_SEVEN_BIT_POUND = re.compile(r"#(?=\d)")
# Spacing that typesetters vary: before a comma, full stop, colon, semicolon, question or exclamation mark, or a
# closing bracket; after an opening bracket; on one side only of a dash ("live -no" for "live-no"; "a - b" keeps
# its spaces, which set a dash apart from a hyphen).
_LOOSE_SPACE = re.compile(r"\s+(?=[,.;:!?)\]])|(?<=[(\[])\s+|\s+(?=-\S)|(?<=\S-)\s+")
# A dash left at either end of a passage ("Ukraine losing grip -" as a heading) joins it to nothing.
_END_DASHES = re.compile(r"^[\s-]+|[\s-]+$")
# A word: letters and digits, with inner apostrophes, hyphens, dots or commas (U.S., 30-day, 1,000).
WORD = re.compile(r"\w+(?:['\u2019\u00b4.,\-\u2010\u2011]\w+)*")
_TOKEN = re.compile(r"\w+(?:['\u2019\u00b4.,\-\u2010\u2011]\w+)*|[^\w\s]")


def typographic(text: str) -> str:
    """The text with quote, apostrophe, dash and space variants replaced by plain ASCII, length kept."""
    return text.translate(_TYPOGRAPHIC)


def canonical(text: str) -> str:
    """The form two sentences share when they are "the same": typographic variants folded, among them a typed
    "--" for a dash, "..." for an ellipsis, invisible characters, the wire's 7-bit quotes and pound sign, the
    spacing around punctuation and quotes, a dash at either end, and runs of spaces."""
    plain = typographic(text.translate(_NO_WIDTH)).replace("\u2026", "...")
    plain = _SEVEN_BIT_POUND.sub("\u00a3", _SEVEN_BIT_QUOTE.sub('"', plain))
    plain = _tight_quotes(_LOOSE_SPACE.sub("", _DOUBLE_HYPHEN.sub("-", plain)))
    return _SPACES.sub(" ", _END_DASHES.sub("", plain)).strip()


def _tight_quotes(text: str) -> str:
    """The text without spaces inside its double quotes ('" We will"' for '"We will"'): the first, third... quote
    opens, the others close, the same way in any two copies of one sentence."""
    parts = text.split('"')
    for k in range(1, len(parts)):
        if k % 2:
            parts[k] = parts[k].lstrip()
        else:
            parts[k - 1] = parts[k - 1].rstrip()
    return '"'.join(parts)


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
