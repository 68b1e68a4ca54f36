"""Word fingerprints of article text for finding the copies of one story in a folder.

Two kinds, measured on real rewrites (the seed articles and METER's newspaper copies of wire stories)
against unrelated stories:
- skip-gram shingles: unordered pairs of content words at most three content words apart. They survive
  reordering and inserted words, yet two unrelated stories share few: the least similar real copy of
  a story kept 10% of them (cosine) while unrelated stories stayed under 2%.
- rare words: content words that are not among the common words of English (names, places, numbers,
  uncommon terms). Rewrites keep them, so their MinHash finds candidate pairs that shingles, which a
  paraphrase breaks, would need many more permutations to find.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterable, Sequence
from functools import lru_cache
from importlib.resources import files

import numpy as np
from datasketch import LeanMinHash, MinHash

from newsdiff.core.text.lexicon import STOPWORDS
from newsdiff.core.text.normalize import words

# Skip-gram shingles pair each content word with the next this many (see above); more pairs survive more
# reordering but match more unrelated stories.
SKIP_WINDOW = 3
# A word this frequent in the dictionary's corpus (symspellpy's English frequency list, about the top
# 4,000 words) is common; rarer words and words it lacks are kept as rare words. Lower keeps fewer rare words.
COMMON_COUNT = 10_000_000
# MinHash permutations of a rare-word signature (analysis.LSH_BANDS x LSH_ROWS): more estimate the share of rare
# words two copies share more closely, at more memory and time. Cached signatures hold this many values.
NUM_PERM = 256
# These were set when the folder analysis was first written, measured as the module's docstring says.
_MINHASH_SEED = 1
_MINHASH_SCHEME = "affine32"
_DICTIONARY = "frequency_dictionary_en_82_765.txt"


def content_words(text: str) -> list[str]:
    """The case-folded words of the text without the words that carry no content."""
    return [w for w in words(text) if w not in STOPWORDS]


def _word_id(word: str) -> int:
    # A stable 32-bit id: Python's own str hash changes from run to run, and shingles are cached on disk.
    return zlib.crc32(word.encode("utf-8", "surrogatepass"))


def skip_grams(content: Sequence[str]) -> set[int]:
    """The unordered pairs of content words at most SKIP_WINDOW apart, each as a stable 64-bit integer."""
    ids = [_word_id(w) for w in content]
    shingles: set[int] = set()
    for i, a in enumerate(ids):
        for b in ids[i + 1 : i + 1 + SKIP_WINDOW]:
            shingles.add((a << 32) | b if a <= b else (b << 32) | a)
    return shingles


@lru_cache(maxsize=1)
def _common_words() -> frozenset[str]:
    common = set()
    with (files("symspellpy") / _DICTIONARY).open(encoding="utf-8") as lines:
        for line in lines:
            word, count = line.split()
            if int(count) >= COMMON_COUNT:
                common.add(word)
    return frozenset(common)


def rare_words(content: Iterable[str]) -> set[str]:
    """The content words that are not common English words."""
    common = _common_words()
    return {w for w in content if w not in common}


def signature(rare: Iterable[str]) -> np.ndarray:
    """The MinHash signature (NUM_PERM unsigned 32-bit values) of a set of words."""
    minhash = MinHash(num_perm=NUM_PERM, seed=_MINHASH_SEED, scheme=_MINHASH_SCHEME)
    minhash.update_batch([w.encode("utf-8", "surrogatepass") for w in rare])
    return np.asarray(minhash.hashvalues, dtype=np.uint32)


def minhash_of(values: np.ndarray) -> LeanMinHash:
    """The MinHash of a stored signature."""
    return LeanMinHash(seed=_MINHASH_SEED, hashvalues=values, scheme=_MINHASH_SCHEME)
