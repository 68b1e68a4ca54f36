"""Similarity of every sentence pair of two documents: lexical, semantic and reuse signals at once."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from itertools import repeat
from typing import Hashable, Sequence

import numpy as np
from rapidfuzz import fuzz, process
from scipy import sparse

from newsdiff.core.pair.embed import cosine_matrix, embed
from newsdiff.core.text.lexicon import STOPWORDS
from newsdiff.core.text.normalize import WORD, canonical, typographic, words

# Character similarity (rapidfuzz's ratio of the case-folded canonical forms, 0 to 1) counts from this value up
# (see Matrices.score), since unrelated sentences of one story still reach 0.4-0.5 on it. Set when the engine was
# first written, unchanged since.
CLOSE_RATIO = 0.75
# ... so rapidfuzz may skip the exact ratio of pairs below this floor, a little lower so that no pair whose
# float32 ratio rounds up to CLOSE_RATIO is lost: on 003-000 the ratio matrix took 0.35 ms instead of 0.51, the
# links the same. Any lower value (0: no skipping) gives the same links, more slowly.
RATIO_FLOOR = 0.74
# Word overlap counts the larger containment too, at PARTIAL_WEIGHT (0 to 1) of it, once two sentences share this
# many content words: a clause taken from a longer sentence. Set when the engine was first written.
PARTIAL_WORDS = 4
PARTIAL_WEIGHT = 0.8
# The weights of semantic similarity and word overlap in the score, adding up to 1 (all cosine: meaning alone;
# all overlap: words alone). Set when the engine was first written.
COSINE_WEIGHT = 0.45
OVERLAP_WEIGHT = 0.55
# A content word in at most this many sentences of a document, or this share (0 to 1) of them in a long one, is
# rare in it (see SentenceFeatures.rare_words); a loose link needs one. With 2 and 5%, five false links of the
# seeds went (a photo caption linked to a sentence on Donetsk) and the Witkoff and "sabotage diplomacy" rewrites
# stayed; METER's macro-F1 0.681 -> 0.675 (theme links its Rewrite label had credited). Higher lets more through.
RARE_SENTENCES = 2
RARE_SHARE = 0.05
# Sentences sharing this many word trigrams that hold a lower-case content word (a copied run of five words, or
# shorter copied runs making as many trigrams) count as reuse ...
COPIED_TRIGRAMS = 3
# ... with this score (0 to 1): enough to be linked wherever they stand (align.ANCHOR_SCORE). The copied-run links
# took METER's macro-F1 from 0.607 to 0.625 when they came in, syndication unchanged or better.
COPIED_SCORE = 0.6
# ... provided this many of the shared trigrams tell through a word outside a name on either side (see
# _telling_trigrams; a copy may capitalise "High Court judge" where the other does not): a photo caption shares
# "Turnberry golf resort in Scotland" with the text, three trigrams of a name and the common nouns it runs into,
# none outside it. 1 leaves METER's development macro-F1 at 0.676 and the development gold's links as they were;
# counting only trigrams outside a name on both sides gave 0.675, requiring two of them 0.672.
COPIED_FREE_TRIGRAMS = 1
# A pair matrix of more cells than this is scored on every core: below it, starting threads costs more than it
# saves. Speed only: the matrix is the same.
PARALLEL_CELLS = 50_000


@dataclass(frozen=True)
class Incidence:
    """Which items each sentence holds: a 0/1 sparse matrix (sentences x items) over the document's own items."""

    columns: dict[Hashable, int]  # each item's column
    matrix: sparse.csr_matrix
    sizes: np.ndarray  # items of each sentence, at least 1: the denominator of a share

    @cached_property
    def by_item(self) -> sparse.csc_matrix:
        """The matrix by columns: the sentences holding each item, kept since every comparison looks them up."""
        return self.matrix.tocsc()


def incidence(sets: Sequence[frozenset]) -> Incidence:
    """The incidence matrix of the sentences' item sets; built once per document, as prepare keeps it."""
    columns: dict[Hashable, int] = {}
    rows, cols = [], []
    for row, items in enumerate(sets):
        for item in items:
            rows.append(row)
            cols.append(columns.setdefault(item, len(columns)))
    shape = (len(sets), max(len(columns), 1))
    matrix = sparse.csr_matrix((np.ones(len(rows), dtype=np.float32), (rows, cols)), shape=shape)
    return Incidence(columns, matrix, np.array([max(len(s), 1) for s in sets], dtype=np.float32))


@dataclass(frozen=True)
class SentenceFeatures:
    """Per-sentence material for the similarity matrices of one document."""

    canonical: tuple[str, ...]
    folded: tuple[str, ...]
    content: tuple[frozenset[str], ...]
    bigrams: tuple[frozenset[tuple[str, str]], ...]
    trigrams: tuple[frozenset[tuple[str, str, str]], ...]  # those holding a lower-case content word
    free_trigrams: tuple[frozenset[tuple[str, str, str]], ...]  # those of them telling outside a name
    content_items: Incidence  # the content words
    bigram_items: Incidence  # word bigrams
    trigram_items: Incidence  # word trigrams holding a lower-case content word
    free_trigram_items: Incidence  # those of them telling through a word outside a name
    vectors: np.ndarray

    @cached_property
    def rare_words(self) -> frozenset[str]:
        """The content words that few sentences hold (at most RARE_SENTENCES, or RARE_SHARE of them in a long
        document): not the story's own names and themes (Kursk, Ukrainian troops), which recur throughout and
        say nothing of which sentence another came from."""
        holders = np.diff(self.content_items.by_item.indptr)
        most = max(RARE_SENTENCES, RARE_SHARE * len(self.content))
        return frozenset(word for word, column in self.content_items.columns.items() if holders[column] <= most)


def _telling_trigrams(sentence: str) -> tuple[frozenset[tuple[str, str, str]], frozenset[tuple[str, str, str]]]:
    """Case-folded word trigrams holding a lower-case content word, and those of them that hold one outside a name.

    A run of names ("US President Donald Trump") recurs across a whole story and says nothing about reuse; nor
    do the common nouns a name runs into ("Turnberry golf resort in Scotland", "Ukrainian troops"), up to the
    next other word. The first word is capitalised whatever it is.
    """
    cased = WORD.findall(typographic(sentence))
    folded = [w.casefold() for w in cased]
    content = [w == f and f not in STOPWORDS and not w.isdigit() for w, f in zip(cased, folded)]
    in_name = [w != f and k > 0 for k, (w, f) in enumerate(zip(cased, folded))]
    for k in range(1, len(cased)):
        in_name[k] = in_name[k] or (content[k] and in_name[k - 1])
    starts = range(len(folded) - 2)
    telling = frozenset(tuple(folded[k : k + 3]) for k in starts if any(content[k : k + 3]))
    free = frozenset(
        tuple(folded[k : k + 3])
        for k in starts
        if any(c and not n for c, n in zip(content[k : k + 3], in_name[k : k + 3]))
    )
    return telling, free


def sentence_features(sentences: Sequence[str]) -> SentenceFeatures:
    """Canonical forms, content words, word bigrams and embeddings of the sentences."""
    canon = tuple(canonical(s) for s in sentences)
    word_lists = [words(s) for s in sentences]
    content = tuple(frozenset(w for w in ws if w not in STOPWORDS) for ws in word_lists)
    bigrams = tuple(frozenset(zip(ws, ws[1:])) for ws in word_lists)
    trigrams, free_trigrams = zip(*map(_telling_trigrams, sentences)) if sentences else ((), ())
    return SentenceFeatures(
        canon, tuple(c.casefold() for c in canon), content, bigrams, trigrams, free_trigrams, incidence(content),
        incidence(bigrams), incidence(trigrams), incidence(free_trigrams), embed(canon),
    )


@dataclass(frozen=True)
class Matrices:
    """Pairwise signals, each an (n_left, n_right) array in [0, 1] (or, for passage_scores, one value a pair)."""

    ratio: np.ndarray  # character-level similarity of the case-folded canonical forms; 0 below RATIO_FLOOR
    cosine: np.ndarray  # semantic similarity of the embeddings
    shared_content: np.ndarray  # number of content words in common (a count, not a ratio)
    content_left: np.ndarray  # share of the left sentence's content words found in the right one
    content_right: np.ndarray  # share of the right sentence's content words found in the left one
    bigram_left: np.ndarray  # share of the left sentence's word bigrams found in the right one
    bigram_right: np.ndarray  # share of the right sentence's word bigrams found in the left one
    shared_trigrams: np.ndarray  # number of word trigrams with content in common (a count)
    shared_free_trigrams: np.ndarray  # number of those with content outside a name on either side (a count)

    @property
    def score(self) -> np.ndarray:
        """How strongly each pair looks like reuse, in [0, 1]: the basis of the link decision.

        Character similarity counts only when high, since unrelated sentences of one story still reach
        0.4-0.5 on it; otherwise semantic similarity and word overlap share the weight. Overlap is the
        smaller containment (both sentences mostly made of the other), or a larger part of the bigger
        one when at least four content words are shared (a clause taken from a longer sentence).
        """
        close = np.where(self.ratio >= CLOSE_RATIO, self.ratio, 0.0)
        partial = np.where(
            self.shared_content >= PARTIAL_WORDS,
            PARTIAL_WEIGHT * np.maximum(self.content_left, self.content_right),
            0.0,
        )
        overlap = np.maximum.reduce(
            [np.minimum(self.content_left, self.content_right), 0.5 * (self.bigram_left + self.bigram_right), partial]
        )
        # Shared trigrams are copied runs: reuse, however much else differs.
        copied = np.where(
            (self.shared_trigrams >= COPIED_TRIGRAMS) & (self.shared_free_trigrams >= COPIED_FREE_TRIGRAMS),
            COPIED_SCORE,
            0.0,
        )
        return np.maximum.reduce([close, COSINE_WEIGHT * self.cosine + OVERLAP_WEIGHT * overlap, copied])


def _overlap(left: Incidence, right: Incidence) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Counts of common items, and their share of each side's items, for every pair of sentences."""
    # Each item of a right sentence, in the left side's columns (numbered in the order the dictionary keeps);
    # an item the left side lacks is common to no pair.
    columns = np.full(right.matrix.shape[1], -1)
    columns[: len(right.columns)] = np.fromiter(
        map(left.columns.get, right.columns, repeat(-1)), dtype=columns.dtype, count=len(right.columns)
    )
    moved = columns[right.matrix.indices]
    kept = moved >= 0
    right_rows = np.repeat(np.arange(right.matrix.shape[0]), np.diff(right.matrix.indptr))[kept]
    item_rows, pointers = left.by_item.indices, left.by_item.indptr
    item = moved[kept]
    holders = pointers[item + 1] - pointers[item]
    n, m = left.matrix.shape[0], right.matrix.shape[0]
    if holders.sum() > n * m:
        # More meetings than pairs: items common to most sentences (a text repeating itself). A sparse product
        # counts the same in memory bounded by the pairs, where listing the meetings would grow with their number.
        moved_right = sparse.csr_matrix(
            (np.ones(len(item), dtype=np.float32), (right_rows, item)), shape=(m, left.matrix.shape[1])
        )
        common = (left.matrix @ moved_right.T).toarray()
        return common, common / left.sizes[:, None], common / right.sizes[None, :]
    # Every (left sentence, right sentence) meeting over a common item, counted: few items are common, so this
    # is cheaper than a sparse product and its set-up.
    first = np.repeat(pointers[item] - np.cumsum(holders) + holders, holders)
    left_rows = item_rows[first + np.arange(len(first))]
    pair = left_rows * m + np.repeat(right_rows, holders)
    common = np.bincount(pair, minlength=n * m).reshape(n, m).astype(np.float32)
    return common, common / left.sizes[:, None], common / right.sizes[None, :]


def matrices(left: SentenceFeatures, right: SentenceFeatures) -> Matrices:
    """Every pairwise signal between the sentences of two documents."""
    n, m = len(left.canonical), len(right.canonical)
    if n == 0 or m == 0:
        empty = np.zeros((n, m), dtype=np.float32)
        return Matrices(empty, empty, empty, empty, empty, empty, empty, empty, empty)
    workers = -1 if n * m > PARALLEL_CELLS else 1
    ratio = process.cdist(
        left.folded, right.folded, scorer=fuzz.ratio, workers=workers, dtype=np.float32, score_cutoff=100 * RATIO_FLOOR
    ) / 100.0
    cosine = cosine_matrix(left.vectors, right.vectors)
    shared, content_left, content_right = _overlap(left.content_items, right.content_items)
    _, bigram_left, bigram_right = _overlap(left.bigram_items, right.bigram_items)
    shared_trigrams, _, _ = _overlap(left.trigram_items, right.trigram_items)
    # Free on either side: a copy may capitalise what the other does not ("High Court judge", "high court judge").
    free_left, _, _ = _overlap(left.free_trigram_items, right.trigram_items)
    free_right, _, _ = _overlap(left.trigram_items, right.free_trigram_items)
    free_both, _, _ = _overlap(left.free_trigram_items, right.free_trigram_items)
    shared_free = free_left + free_right - free_both
    return Matrices(
        ratio, cosine, shared, content_left, content_right, bigram_left, bigram_right, shared_trigrams, shared_free
    )


def _shares(left: Sequence[frozenset], right: Sequence[frozenset]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """For each pair of item sets, the count of common items and its share of each side's items."""
    common = np.array([len(a & b) for a, b in zip(left, right)], dtype=np.float32)
    return (
        common,
        common / np.array([max(len(a), 1) for a in left], dtype=np.float32),
        common / np.array([max(len(b), 1) for b in right], dtype=np.float32),
    )


def passage_scores(
    left: SentenceFeatures, right: SentenceFeatures, pairs: Sequence[tuple[Sequence[int], Sequence[int]]]
) -> np.ndarray:
    """Matrices.score of each pair of passages: runs of sentences of either side, each run read as one text."""
    if not pairs:
        return np.zeros(0, dtype=np.float32)

    def joined(features: SentenceFeatures, runs: Sequence[Sequence[int]]) -> tuple[list, list, list, list, list]:
        """Each run's text, and its content words, bigrams, telling trigrams and those telling outside a name."""
        texts = [" ".join(features.canonical[i] for i in run) for run in runs]
        unions = [
            [frozenset().union(*(sets[i] for i in run)) for run in runs]
            for sets in (features.content, features.bigrams, features.trigrams, features.free_trigrams)
        ]
        return (texts, *unions)

    left_text, left_content, left_bigrams, left_trigrams, left_free = joined(left, [run for run, _ in pairs])
    right_text, right_content, right_bigrams, right_trigrams, right_free = joined(right, [run for _, run in pairs])
    ratio = np.array(
        [fuzz.ratio(a.casefold(), b.casefold(), score_cutoff=100 * RATIO_FLOOR) for a, b in zip(left_text, right_text)],
        dtype=np.float32,
    ) / 100.0
    cosine = np.clip(np.einsum("ij,ij->i", embed(left_text), embed(right_text)), 0.0, 1.0)
    shared, content_left, content_right = _shares(left_content, right_content)
    _, bigram_left, bigram_right = _shares(left_bigrams, right_bigrams)
    shared_trigrams, _, _ = _shares(left_trigrams, right_trigrams)
    shared_free = _shares(left_free, right_trigrams)[0] + _shares(left_trigrams, right_free)[0]
    shared_free -= _shares(left_free, right_free)[0]
    return Matrices(
        ratio, cosine, shared, content_left, content_right, bigram_left, bigram_right, shared_trigrams, shared_free
    ).score
