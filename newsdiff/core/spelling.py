"""Misspelling marks: words that are likely typos in their own copy, sparing names."""

from __future__ import annotations

import threading
from functools import lru_cache
from importlib.resources import files
from typing import Iterable

from symspellpy import SymSpell, Verbosity

from newsdiff.core.model import Document, Misspelling, Side
from newsdiff.core.normalize import WORD, typographic

_DICTIONARY = "frequency_dictionary_en_82_765.txt"
# A word made of a known word and one of these endings is a derived word, not a typo (sellable, rebrandings).
_SUFFIXES = ("s", "es", "ed", "ing", "er", "ers", "able", "ible", "ness", "ly", "less", "ful", "ism", "ist",
             "ists", "ize", "ized", "ise", "ised", "ization", "isation", "ment", "ments", "ship", "wise")
_PREFIXES = ("un", "re", "pre", "non", "anti", "counter", "over", "under", "co", "de", "mis", "post", "mid", "ex")
_lock = threading.Lock()


@lru_cache(maxsize=1)
def _dictionary() -> SymSpell:
    speller = SymSpell(max_dictionary_edit_distance=2, prefix_length=7)
    speller.load_dictionary(str(files("symspellpy") / _DICTIONARY), term_index=0, count_index=1)
    return speller


def _known(word: str) -> bool:
    return word in _dictionary().words


def _derived(word: str) -> bool:
    """Whether the word is a known word with a common prefix or ending, or two known words run together."""
    for suffix in _SUFFIXES:
        stem = word[: -len(suffix)]
        if word.endswith(suffix) and len(stem) >= 3 and (_known(stem) or _known(stem + "e")):
            return True
    for prefix in _PREFIXES:
        if word.startswith(prefix) and len(word) - len(prefix) >= 3 and _known(word[len(prefix) :]):
            return True
    return any(_known(word[:k]) and _known(word[k:]) for k in range(3, len(word) - 2))


def is_candidate(word: str) -> bool:
    """Whether a word may be checked at all: lower-case letters only, three or more.

    Capitalised words are names or sentence starts; the dictionary cannot judge names, so they are spared.
    """
    return len(word) >= 3 and word.isalpha() and word.islower()


def check_word(word: str) -> tuple[bool, str | None]:
    """Whether a lower-case word looks misspelt, and the closest dictionary word if there is one."""
    with _lock:
        if _known(word) or _derived(word):
            return False, None
        found = _dictionary().lookup(word, Verbosity.TOP, max_edit_distance=2)
    return True, (found[0].term if found else None)


def document_words(doc: Document) -> set[str]:
    """The case-folded words of a document."""
    return {m.group().casefold() for m in WORD.finditer(typographic(doc.text))}


def misspellings(doc: Document, side: Side, spared: Iterable[str] = ()) -> list[Misspelling]:
    """Likely typos of a document; words in `spared` (seen in other copies) are taken as spelt on purpose."""
    spared = set(spared)
    found: list[Misspelling] = []
    verdicts: dict[str, tuple[bool, str | None]] = {}
    text = typographic(doc.text)
    for sentence in doc.sentences:
        for match in WORD.finditer(text, sentence.start, sentence.end):
            word = match.group()
            if not is_candidate(word) or word in spared:
                continue
            if word not in verdicts:
                verdicts[word] = check_word(word)
            wrong, suggestion = verdicts[word]
            if wrong:
                found.append(Misspelling(side, match.start(), match.end(), doc.text[match.start() : match.end()], suggestion))
    return found
