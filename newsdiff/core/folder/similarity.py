"""The two figures newsdiff gives for copies of a story, defined once here and used by every view (the article
list, the overview's Carries column, the report, the JSON; the heat map, the clusters):

- **carries**: how much of the base this copy carries: the share of the base's story words (the words of its
  sentences outside site furniture) that lie in base sentences the comparison engine links to the copy.
  One-sided: a copy trimmed to a fifth of the base carries a fifth, though all it says is the base's.
  Before the engine has compared a pair, `carries_estimate` estimates it from shingles (the viewer opens on
  the copy estimated to carry most of the base).
- **alike**: how alike two copies are, cheaply, for every pair a folder's candidates propose: the cosine of
  the two copies' skip-gram shingles, site furniture left out (`overlap.cosines`; 0: no shingle shared,
  1: the same). Symmetric; it groups copies into stories and shades the heat map.

What each figure measures is said where it appears, in words from core/wording.py.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence

import numpy as np

from newsdiff.core.folder.overlap import cosines
from newsdiff.core.model import Comparison, Span

alike = cosines


def _inside(span: Span, spans: Sequence[Span]) -> bool:
    return any(s.start <= span.start and span.end <= s.end for s in spans)


def story_weights(text: str, sentences: Sequence[Span], furniture: Sequence[Span]) -> list[int]:
    """The number of words of each sentence of `text`, 0 for a sentence inside the site furniture."""
    return [0 if _inside(s, furniture) else len(text[s.start : s.end].split()) for s in sentences]


def carries(text: str, sentences: Sequence[Span], furniture: Sequence[Span], carried: Collection[int]) -> float:
    """How much of the base a copy carries (see the module's docstring): `text`, `sentences` and `furniture`
    are the base's, `carried` the indices of the base sentences linked to the copy. 0 when the base has no
    story words."""
    weights = story_weights(text, sentences, furniture)
    total = sum(weights)
    return sum(weights[i] for i in set(carried) if 0 <= i < len(weights)) / total if total else 0.0


def carries_in(comparison: Comparison, furniture: Sequence[Span] = ()) -> float:
    """How much of the base (the comparison's left side, with its site furniture `furniture`) the right side
    carries."""
    base = comparison.left
    linked = {i for link in comparison.links for i in link.left}
    return carries(base.text, base.sentences, furniture, linked)


def carries_estimate(base: np.ndarray, copy: np.ndarray) -> float:
    """An estimate of `carries` without the engine: the share of the base's story shingles (sorted, distinct)
    that the copy's story holds. On the seed articles it ranks the copies as `carries` does, except two
    whose figures lie within a tenth of each other."""
    return float(np.isin(base, copy, assume_unique=True).mean()) if len(base) else 0.0
