"""Figures in words: which words are numbers, and what they state."""

from __future__ import annotations

from functools import lru_cache
from typing import Iterable

from newsdiff.core.text.lexicon import NUMBER_WORDS

# The value of each number word that states one, as the digits would write it.
NUMBER_VALUES = dict(
    zip(
        """zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen
        seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred thousand million
        billion trillion dozen half""".split(),
        """0 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20 30 40 50 60 70 80 90 100 1000 1e6 1e9 1e12 12
        0.5""".split(),
    )
)


def number_words(words: Iterable[str]) -> set[str]:
    """The number words among case-folded words, those inside compounds too (sixty-five, fifteen-year-old)."""
    return {part for word in words for part in word.split("-") if part in NUMBER_WORDS}


def digits(word: str) -> str:
    """The digits of a word, in order."""
    return "".join(c for c in word if c.isdigit())


# Cached: every word of every reworded run is asked about, and the words of a story repeat.
@lru_cache(maxsize=65536)
def is_number(word: str) -> bool:
    """Whether a case-folded word is a figure: digits in it, or a number word (inside a compound too)."""
    return word in NUMBER_WORDS or any(c.isdigit() for c in word) or ("-" in word and bool(number_words((word,))))
