"""Cheap features of sentence pairs: how far two sentences agree in words, numbers, names and meaning.

Every feature is symmetric (a pair and its mirror image get the same row): one-sided measures come as the
larger and the smaller of their two directions. Besides the feature rows, each pair yields the words that
have no counterpart on the other side, which a learned lexicon weighs (see altered.py).
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files
from itertools import accumulate, chain, compress
from typing import Callable, Sequence

import numpy as np
from rapidfuzz import fuzz, process
from rapidfuzz.distance import LCSseq, Levenshtein
from tokenizers import Encoding, Tokenizer

from newsdiff.core.pair.embed import embed, model
from newsdiff.core.text.figures import NUMBER_VALUES
from newsdiff.core.text.lexicon import DATE_WORDS, SAYING, STOPWORDS, VAGUE_QUANTITIES, is_negation
from newsdiff.core.text.normalize import WORD, typographic

# The altered model was trained on these features as the values below define them: changing one means training
# it again (benchmarks/quality/train_altered.py) and measuring MRPC again. Unless said, a value was set when the
# model's features were first written and has not changed since.

_FREQUENCIES = "frequency_dictionary_en_82_765.txt"
# Each number word's number: its value, or for a vague quantity the word itself.
_NUMBER_WORDS = dict(NUMBER_VALUES) | {w: w for w in VAGUE_QUANTITIES}
_DIGITS = re.compile(r"\d")
_SUFFIX = re.compile(r"(?:'s|s'|ing|ed|es|s)$")
# Words of at most this many letters keep their ending when stemmed ("uses", "news"); fewer stem more words.
_UNSTEMMED_LETTERS = 4
# A word the frequency list lacks is as informative as one counted e^10 (about 22,000) times there, among the
# rarest it lists (12,714 the least); a lower value makes unlisted words count for more.
_UNLISTED_LOG_COUNT = 10.0
# A verb of saying, as a regular expression.
_SPEECH = "(?:" + "|".join(SAYING) + ")"
# Attribution that ends a sentence (", a senior official said Monday.") or starts it ("Bush said that ..."): at
# most _TRAILING_SPEAKER words between the comma and the verb of saying and _AFTER_SAYING after it, at most
# _LEADING_SPEAKER words before a leading one; more words set longer stretches apart as attribution.
_TRAILING_SPEAKER = 6
_AFTER_SAYING = 9
_LEADING_SPEAKER = 5
_TRAILING_ATTRIBUTION = re.compile(
    rf"""(?:,['"]?|(?<=[.!?])['"])\s+(?:[^,"'\s]+\s+){{0,{_TRAILING_SPEAKER}}}?{_SPEECH}\b"""
    rf"""(?:\s+[^\s"]+){{0,{_AFTER_SAYING}}}?\s*\.?\s*$"""
)
_LEADING_ATTRIBUTION = re.compile(
    rf"""^\s*(?:[^,"'\s]+\s+){{0,{_LEADING_SPEAKER}}}?(?:said|says|told\s+\S+|added)(?:\s+(?:on\s+)?\w+day)?"""
    r"""(?:\s+that|:)?\s+"""
)
# An attribution is set apart only where at least this many words of claim are left beside it.
_CLAIM_WORDS = 5
# A word at least this close in meaning (the cosine of two word vectors, 0 to 1 in practice) to a word of the
# other side counts as its counterpart; lower finds more counterparts.
_CLOSE = 0.6
# Each claim word weighs its informativeness and this much besides, so that common words count a little.
_CLAIM_WEIGHT_FLOOR = 0.05
# At most this many words' vectors and sentences' features are kept per process; memory only, never a result.
_WORD_CACHE = 200_000
_SENTENCE_CACHE = 1024
NUMBER_TOKEN = "<num>"

FEATURE_NAMES: tuple[str, ...] = (
    "ratio", "partial_stem_ratio", "token_sort_ratio", "token_set_ratio", "cosine",
    "jaccard1", "jaccard2", "jaccard3", "contain_max", "contain_min", "length_ratio", "length_difference",
    "numbers_agree", "numbers_only_max", "numbers_only_min", "numbers_changed", "has_numbers",
    "names_agree", "names_only_max", "names_only_min", "names_changed",
    "negation_mismatch", "dates_differ",
    "idf_contain_max", "idf_contain_min", "idf_unmatched_max", "idf_unmatched_min",
    "aligned_max", "aligned_min", "unaligned_max", "unaligned_min",
    "word_edit", "lcs_max", "lcs_min", "gap_max", "gap_min", "claim_cosine", "content_token_set_ratio",
    "claim_ratio", "claim_jaccard", "claim_idf_contain_max", "claim_idf_contain_min", "claim_idf_unmatched_max",
    "claim_gap_max", "claim_gap_min", "claim_greedy_max", "claim_greedy_min",
    "number_edits", "negation_edits", "name_edits",
    "number_edits_close", "negation_edits_close", "name_edits_close",
)


@lru_cache(maxsize=1)
def _log_frequency() -> dict[str, float]:
    """Natural log of each dictionary word's count in the symspellpy English frequency list."""
    table: dict[str, float] = {}
    with (files("symspellpy") / _FREQUENCIES).open(encoding="utf-8") as handle:
        for line in handle:
            word, _, count = line.partition(" ")
            table[word] = math.log(float(count))
    return table


@lru_cache(maxsize=65536)
def informativeness(word: str) -> float:
    """How much a case-folded word says, in [0, 1]: 0 for the commonest word, most for words the list lacks."""
    table = _log_frequency()
    top = table["the"]
    return (top - table.get(word, _UNLISTED_LOG_COUNT)) / top


def _stem(word: str) -> str:
    return _SUFFIX.sub("", word) if len(word) > _UNSTEMMED_LETTERS else word


def _number(word: str) -> str | None:
    """The number a case-folded word states, if any, as a key that differs when the number does."""
    if _DIGITS.search(word):
        return word.replace(",", "").rstrip(".")
    if word in DATE_WORDS and word != "may":
        # A day or month is a figure of time: one swapped for another changes the fact as a number does
        # ("may" is left out: it is most often the verb).
        return f"@{word}"
    if "-" in word:
        # A compound holding number words: "sixty-five", "three-year-old" (its other parts are no number).
        parts = [_NUMBER_WORDS[part] for part in word.split("-") if part in _NUMBER_WORDS]
        return "-".join(parts) if parts else None
    return _NUMBER_WORDS.get(word)


def _claim_span(plain: str) -> tuple[int, int]:
    """Where the sentence's claim lies once its attribution ("..., police said.") is set aside."""
    start, end = 0, len(plain)
    found = _TRAILING_ATTRIBUTION.search(plain)
    if found and len(plain[: found.start()].split()) >= _CLAIM_WORDS:
        end = found.start()
    found = _LEADING_ATTRIBUTION.search(plain[:end])
    if found and len(plain[found.end() : end].split()) >= _CLAIM_WORDS:
        start = found.end()
    return start, end


def _memoised(cache: dict, keys: Sequence, compute: Callable[[list], Sequence], limit: int) -> dict:
    """The values of the keys, each computed once per process (the cache is dropped when it grows past `limit`),
    the missing ones by one call of `compute`, which batches them."""
    # Looked up into a local table, so that another thread dropping the cache cannot lose a key midway.
    table = {key: cache.get(key) for key in keys}
    missing = [key for key, value in table.items() if value is None]
    if missing:
        fresh = dict(zip(missing, compute(missing)))
        table.update(fresh)
        if len(cache) + len(fresh) > limit:
            cache.clear()
        cache.update(fresh)
    return table


_word_vectors: dict[str, np.ndarray] = {}


def _word_table(words: Sequence[str]) -> dict[str, np.ndarray]:
    """The unit vector of each word, each word embedded once per process (the new ones in one call)."""
    return _memoised(_word_vectors, words, embed, _WORD_CACHE)


def _vectors_of(words: Sequence[str]) -> np.ndarray:
    """Unit vectors of the words, in a row each."""
    if not words:
        return np.zeros((0, 256), dtype=np.float32)
    table = _word_table(words)
    return np.stack([table[w] for w in words])


def _unit(vectors: np.ndarray) -> np.ndarray:
    if not len(vectors):
        return np.zeros(vectors.shape[1], dtype=np.float32)
    mean = vectors.mean(axis=0)
    return mean / (np.linalg.norm(mean) or 1.0)


def _embeddings(encoding: Encoding, claim_start: int, claim_end: int) -> tuple[np.ndarray, np.ndarray]:
    """Unit embeddings of the sentence (as embed() gives them) and of its claim, from its tokenisation."""
    table = model().embedding
    # As integers even when there are none: a text without a word has no ids.
    ids = np.minimum(np.asarray(encoding.ids, dtype=np.intp), len(table) - 1)
    vectors = table[ids]
    in_claim = [claim_start <= start < claim_end for start, _ in encoding.offsets]
    return _unit(vectors), _unit(vectors[in_claim]) if any(in_claim) else _unit(vectors)


@dataclass(frozen=True)
class _Sentence:
    """The pieces of one sentence that the features compare."""

    folded: str
    words: tuple[str, ...]
    stems: tuple[str, ...]
    stem_set: frozenset[str]
    content: np.ndarray  # whether each word is a content word (not a stop word)
    weights: np.ndarray  # informativeness of each word
    vectors: np.ndarray  # one unit vector per word
    grams: tuple[frozenset, ...]  # word 1- to 3-grams
    content_text: str
    numbers: frozenset[str]
    number_of: tuple[str | None, ...]  # each word's number, if it is one
    names_before: tuple[int, ...]  # how many of the words before each position (and in all) are names
    negations_before: tuple[int, ...]  # the same for negations
    names: frozenset[str]
    negated: bool
    dates: frozenset[str]
    claim: slice  # the words of the claim
    claim_text: str
    vector: np.ndarray  # the sentence's embedding
    claim_vector: np.ndarray  # the claim's embedding
    # Kept rather than taken again for each pair:
    lexicon_words: tuple[str, ...]  # each word as the lexicon knows it (NUMBER_TOKEN for one with digits)
    weight: float  # the informativeness of its distinct words
    claim_words: frozenset[str]
    claim_weight: float
    claim_stems: tuple[str, ...]
    claim_stem_set: frozenset[str]
    claim_content: np.ndarray
    claim_content_count: float  # how many content words the claim holds
    claim_weights: np.ndarray


@lru_cache(maxsize=1)
def _unpadded_tokenizer() -> Tokenizer:
    """wordllama's tokenizer without its padding, which would lengthen each text of a batch to the longest."""
    tokenizer = Tokenizer.from_str(model().tokenizer.to_str())
    tokenizer.no_padding()
    return tokenizer


_featurised: dict[str, _Sentence] = {}


def _sentences(texts: Sequence[str]) -> dict[str, _Sentence]:
    """The texts featurised. A folder compares its base with every copy: the base's sentences are featurised
    once, not once per copy; a copy's new sentences together, their words embedded in one call, not one each."""
    return _memoised(_featurised, texts, _featurise, _SENTENCE_CACHE)


def _featurise(texts: list[str]) -> list[_Sentence]:
    plains = [typographic(text).replace("``", '"').replace("''", '"') for text in texts]
    matches = [list(WORD.finditer(plain)) for plain in plains]
    # Every new word embedded in one call; each sentence then finds its words' vectors in the cache.
    _word_table(list({m.group().casefold(): None for found in matches for m in found}))
    encodings = _unpadded_tokenizer().encode_batch(plains, add_special_tokens=False)
    return list(map(_sentence, plains, matches, encodings))


def _sentence(plain: str, matches: list[re.Match], encoding: Encoding) -> _Sentence:
    raw = [m.group() for m in matches]
    words = tuple(w.casefold() for w in raw)
    stems = tuple(_stem(w) for w in words)
    claim_start, claim_end = _claim_span(plain)
    first = next((i for i, m in enumerate(matches) if m.start() >= claim_start), len(matches))
    last = next((i for i, m in enumerate(matches) if m.start() >= claim_end), len(matches))
    folded = " ".join(words)
    vector, claim_vector = _embeddings(encoding, claim_start, claim_end)
    number_of = tuple(map(_number, words))
    # A capitalised word after the first is a name (or part of one); the first may just start the sentence.
    is_name = tuple(k > 0 and w[0].isupper() and not _DIGITS.search(w) and w.casefold() not in STOPWORDS
                    for k, w in enumerate(raw))
    content = np.array([w not in STOPWORDS for w in words], dtype=bool)
    weights = np.array([informativeness(w) for w in words])
    grams = tuple(frozenset(zip(*(words[k:] for k in range(n)))) for n in range(1, 4))
    claim = slice(first, last)
    claim_words = frozenset(words[claim])
    return _Sentence(
        folded=folded,
        words=words,
        stems=stems,
        stem_set=frozenset(stems),
        content=content,
        weights=weights,
        vectors=_vectors_of(words),
        grams=grams,
        content_text=" ".join(w for w in words if w not in STOPWORDS),
        numbers=frozenset(n for n in number_of if n is not None),
        number_of=number_of,
        names_before=(0, *accumulate(is_name)),
        negations_before=(0, *accumulate(map(is_negation, words))),
        names=frozenset(w for w, name in zip(words, is_name) if name),
        negated=any(map(is_negation, words)),
        dates=frozenset(w for w in words if w in DATE_WORDS),
        claim=claim,
        claim_text=" ".join(words[claim]),
        vector=vector,
        claim_vector=claim_vector,
        lexicon_words=tuple(NUMBER_TOKEN if _DIGITS.search(w) else w for w in words),
        weight=sum(map(informativeness, grams[0])),
        claim_words=claim_words,
        claim_weight=sum(map(informativeness, claim_words)),
        claim_stems=stems[claim],
        claim_stem_set=frozenset(stems[claim]),
        claim_content=content[claim],
        claim_content_count=float(content[claim].sum()),
        claim_weights=weights[claim],
    )


def _jaccard(a: frozenset, b: frozenset) -> float:
    common = len(a & b)
    union = len(a) + len(b) - common
    return common / union if union else 1.0


def _overlap(
    a_words: frozenset, b_words: frozenset, a_weight: float, b_weight: float
) -> tuple[float, float, float, float]:
    """Informativeness-weighted share of each side's words found on the other, and the weight of the rest
    (`a_weight`, `b_weight`: the informativeness of all words of each side)."""
    wa = a_weight or 1.0
    wb = b_weight or 1.0
    missing_a = sum(map(informativeness, a_words - b_words))
    missing_b = sum(map(informativeness, b_words - a_words))
    return 1 - missing_a / wa, 1 - missing_b / wb, missing_a, missing_b


def _edits(a: _Sentence, b: _Sentence) -> tuple[int, int, int]:
    """Word-level edits of a into b that swap a number for another, add or drop a negation, or swap a name."""
    numbers = negations = names = 0
    # Each kind of edit needs its words in the pair (a number or a name on both sides, a negation on one):
    # most pairs have none of them and need no word diff.
    check_numbers, check_names = bool(a.numbers and b.numbers), bool(a.names and b.names)
    check_negations = a.negated or b.negated
    if not (check_numbers or check_names or check_negations):
        return numbers, negations, names
    a_names, b_names, a_negations, b_negations = a.names_before, b.names_before, a.negations_before, b.negations_before
    for tag, i, i_end, j, j_end in Levenshtein.opcodes(a.words, b.words).as_list():
        if tag == "equal":
            continue
        if check_numbers:
            left_numbers = {n for n in a.number_of[i:i_end] if n is not None}
            right_numbers = {n for n in b.number_of[j:j_end] if n is not None}
            numbers += bool(left_numbers and right_numbers and left_numbers != right_numbers)
        if check_negations:
            negations += (a_negations[i_end] > a_negations[i]) != (b_negations[j_end] > b_negations[j])
        if check_names:
            names += a_names[i_end] > a_names[i] and b_names[j_end] > b_names[j]
    return numbers, negations, names


# The features of _pair_row, in the order it gives them.
_ROW_NAMES = (
    "jaccard1", "jaccard2", "jaccard3", "contain_max", "contain_min", "length_ratio", "length_difference",
    "numbers_agree", "numbers_only_max", "numbers_only_min", "numbers_changed", "has_numbers", "names_agree",
    "names_only_max", "names_only_min", "names_changed", "negation_mismatch", "dates_differ", "idf_contain_max",
    "idf_contain_min", "idf_unmatched_max", "idf_unmatched_min", "claim_cosine", "content_token_set_ratio",
    "word_edit", "number_edits", "negation_edits", "name_edits", "number_edits_close", "negation_edits_close",
    "name_edits_close", "lcs_max", "lcs_min", "claim_ratio", "claim_jaccard", "claim_idf_contain_max",
    "claim_idf_contain_min", "claim_idf_unmatched_max",
)


def _pair_row(a: _Sentence, b: _Sentence) -> tuple[float, ...]:
    """The features of one pair that compare its sets of words, numbers and names, in the order of _ROW_NAMES
    (a tuple, not a dictionary: this runs for every reworded pair of every comparison)."""
    la, lb = len(a.words), len(b.words)
    words_a, words_b = a.grams[0], b.grams[0]
    common = len(words_a & words_b)
    contain_a, contain_b = common / max(len(words_a), 1), common / max(len(words_b), 1)
    numbers_a, numbers_b = len(a.numbers - b.numbers), len(b.numbers - a.numbers)
    names_a, names_b = len(a.names - b.names), len(b.names - a.names)
    idf_a, idf_b, missing_a, missing_b = _overlap(words_a, words_b, a.weight, b.weight)
    word_edit = Levenshtein.normalized_similarity(a.words, b.words)
    number_edits, negation_edits, name_edits = _edits(a, b)
    lcs = LCSseq.similarity(a.words, b.words)
    claim_a, claim_b, claim_missing_a, claim_missing_b = _overlap(
        a.claim_words, b.claim_words, a.claim_weight, b.claim_weight
    )
    return (
        *(_jaccard(x, y) for x, y in zip(a.grams[:3], b.grams[:3])),
        max(contain_a, contain_b), min(contain_a, contain_b),
        min(la, lb) / max(la, lb, 1),
        abs(la - lb) / 10.0,
        float(a.numbers == b.numbers),
        max(numbers_a, numbers_b), min(numbers_a, numbers_b),
        float(numbers_a > 0 and numbers_b > 0),
        float(bool(a.numbers or b.numbers)),
        _jaccard(a.names, b.names),
        max(names_a, names_b), min(names_a, names_b),
        float(names_a > 0 and names_b > 0),
        float(a.negated != b.negated),
        float(a.dates != b.dates),
        max(idf_a, idf_b), min(idf_a, idf_b),
        max(missing_a, missing_b), min(missing_a, missing_b),
        float(a.claim_vector @ b.claim_vector),
        fuzz.token_set_ratio(a.content_text, b.content_text) / 100.0,
        word_edit,
        number_edits, negation_edits, name_edits,
        # An edit weighs more in sentences that are otherwise the same: that is a fact changed, not a rewrite.
        min(number_edits, 1) * word_edit, min(negation_edits, 1) * word_edit, min(name_edits, 1) * word_edit,
        max(lcs / max(la, 1), lcs / max(lb, 1)), min(lcs / max(la, 1), lcs / max(lb, 1)),
        fuzz.ratio(a.claim_text, b.claim_text) / 100.0,
        _jaccard(a.claim_words, b.claim_words),
        max(claim_a, claim_b), min(claim_a, claim_b),
        max(claim_missing_a, claim_missing_b),
    )


# Features from each word's closest counterpart on the other side, each as the larger and smaller of both sides.
_ALIGNED = ("aligned", "unaligned", "gap", "claim_gap", "claim_greedy")


def _longest_runs(flags: np.ndarray, pair: np.ndarray, count: int) -> np.ndarray:
    """For each of `count` pairs, the longest run of True in its stretch of `flags` (`pair`: each flag's pair,
    ascending)."""
    runs = np.zeros(count)
    if not len(flags):
        return runs
    index = np.arange(len(flags))
    first = np.ones(len(flags), dtype=bool)
    first[1:] = pair[1:] != pair[:-1]
    # A run restarts at each False flag, and just before the first flag of each pair.
    restart = np.where(~flags, index, np.where(first, index - 1, -1))
    np.maximum.at(runs, pair, index - np.maximum.accumulate(restart))
    return runs


def _row_maxima(blocks: Sequence[np.ndarray]) -> np.ndarray:
    """The maximum of each row of each non-empty matrix, all in a row: one reduction rather than one per matrix."""
    if not blocks:
        return np.zeros(0, dtype=np.float32)
    widths = np.repeat([b.shape[1] for b in blocks], [b.shape[0] for b in blocks])
    starts = np.concatenate([[0], np.cumsum(widths)[:-1]])
    return np.maximum.reduceat(np.concatenate([b.ravel() for b in blocks]), starts)


def _side_alignment(
    own: Sequence[_Sentence],
    other: Sequence[_Sentence],
    best: np.ndarray,
    claimed: Sequence[int],
    claim_best: np.ndarray,
) -> tuple[dict[str, np.ndarray], np.ndarray]:
    """The alignment features of each sentence of `own` towards the sentence at the same place in `other`, and
    whether each of its words (all sentences in a row) has a counterpart there. `best` holds each word's highest
    cosine with a word of the other sentence; `claim_best` the same for the claim words of the sentences
    `claimed` (those with a claim on both sides) within the other claim."""
    count = len(own)
    pair = np.repeat(np.arange(count), [len(s.words) for s in own])
    stem_found = list(chain.from_iterable(map(o.stem_set.__contains__, s.stems) for s, o in zip(own, other)))
    found = (best >= _CLOSE) | np.array(stem_found, dtype=bool)
    content = np.concatenate([s.content for s in own])
    weights = np.concatenate([s.weights for s in own])
    features = {
        "aligned": np.bincount(pair, found & content, count) / np.maximum(np.bincount(pair, content, count), 1),
        "unaligned": np.bincount(pair, np.where(content & ~found, weights, 0.0), count),
        "gap": _longest_runs(~found[content], pair[content], count),
        # Without a claim on both sides, every content word of the claim is a gap.
        "claim_gap": np.array([s.claim_content_count for s in own]),
        "claim_greedy": np.zeros(count),
    }
    if claimed:
        claim_pair = np.repeat(claimed, [len(own[k].claim_stems) for k in claimed])
        stem_found = list(chain.from_iterable(map(other[k].claim_stem_set.__contains__, own[k].claim_stems)
                                              for k in claimed))
        claim_found = (claim_best >= _CLOSE) | np.array(stem_found, dtype=bool)
        claim_content = np.concatenate([own[k].claim_content for k in claimed])
        claim_weights = np.concatenate([own[k].claim_weights for k in claimed]) + _CLAIM_WEIGHT_FLOOR
        gaps = _longest_runs(~claim_found[claim_content], claim_pair[claim_content], count)
        # Informativeness-weighted mean of each claim word's best cosine on the other side.
        weighted = np.bincount(claim_pair, claim_weights * claim_best, count)
        features["claim_greedy"][claimed] = weighted[claimed] / np.bincount(claim_pair, claim_weights, count)[claimed]
        features["claim_gap"][claimed] = gaps[claimed]
    return features, found


def _alignment(pairs: Sequence[tuple[_Sentence, _Sentence]]) -> tuple[dict[str, np.ndarray], list[frozenset[str]]]:
    """The features from each word's closest counterpart (by word vector or stem) on the other side, for all
    pairs at once, and each pair's words without a counterpart."""
    columns = {f"{name}_{end}": np.zeros(len(pairs)) for name in _ALIGNED for end in ("max", "min")}
    full = [k for k, (a, b) in enumerate(pairs) if a.words and b.words]
    # A pair with an empty side keeps all its words; the others are set below.
    unmatched = [frozenset() if a.words and b.words else frozenset(a.words + b.words) for a, b in pairs]
    if not full:
        return columns, unmatched
    lefts, rights = [pairs[k][0] for k in full], [pairs[k][1] for k in full]
    sims = [a.vectors @ b.vectors.T for a, b in zip(lefts, rights)]
    claims = [s[a.claim, b.claim] for s, a, b in zip(sims, lefts, rights)]
    claimed = [k for k, c in enumerate(claims) if c.size]
    claims = [claims[k] for k in claimed]
    # Both sides in one pass, each pair's mirror image after all the pairs: half as many array operations.
    count = len(full)
    both, found = _side_alignment(
        lefts + rights,
        rights + lefts,
        _row_maxima(sims + [s.T for s in sims]),
        claimed + [k + count for k in claimed],
        _row_maxima(claims + [c.T for c in claims]),
    )
    for name in _ALIGNED:
        left, right = both[name][:count], both[name][count:]
        columns[f"{name}_max"][full] = np.maximum(left, right)
        columns[f"{name}_min"][full] = np.minimum(left, right)
    missing = _per_pair((~found).tolist(), lefts + rights)
    missing_left, missing_right = missing[:count], missing[count:]
    for k, a, b, left_missing, right_missing in zip(full, lefts, rights, missing_left, missing_right):
        unmatched[k] = frozenset([*compress(a.lexicon_words, left_missing), *compress(b.lexicon_words, right_missing)])
    return columns, unmatched


def _per_pair(flags: list[bool], sentences: Sequence[_Sentence]) -> list[list[bool]]:
    """Flags of all the sentences' words in a row, cut into one list per sentence."""
    ends = list(accumulate(len(s.words) for s in sentences))
    return [flags[end - len(s.words) : end] for s, end in zip(sentences, ends)]


def counterparts(words: Sequence[str], others: Sequence[str]) -> list[bool]:
    """For each case-folded word, whether `others` hold it in some inflection or with its full stops dropped
    (U.S., US): the same stem. Word vectors are no test of the same meaning here: they find related words close
    too (hundreds, thousands)."""
    stems = frozenset(_stem(w.replace(".", "")) for w in others)
    return [_stem(w.replace(".", "")) in stems for w in words]


_LEXICAL = {"ratio": fuzz.ratio, "token_sort_ratio": fuzz.token_sort_ratio, "token_set_ratio": fuzz.token_set_ratio}


@dataclass(frozen=True)
class PairFeatures:
    """The features of a batch of pairs: one row of FEATURE_NAMES per pair, and each pair's unmatched words."""

    values: np.ndarray
    unmatched: tuple[frozenset[str], ...]


def pair_features(
    left: Sequence[str], right: Sequence[str], cosines: Sequence[float] | None = None
) -> PairFeatures:
    """The features of the pairs (left[i], right[i]); `cosines` are their sentence-embedding cosines if known."""
    if len(left) != len(right):
        raise ValueError(f"{len(left)} left sentences but {len(right)} right sentences")
    if cosines is not None and len(cosines) != len(left):
        raise ValueError(f"{len(cosines)} cosines for {len(left)} pairs")
    featurised = _sentences([*left, *right])
    pairs = [(featurised[x], featurised[y]) for x, y in zip(left, right)]
    if not pairs:
        return PairFeatures(np.zeros((0, len(FEATURE_NAMES))), ())
    folded_left, folded_right = [a.folded for a, _ in pairs], [b.folded for _, b in pairs]
    columns = {name: process.cpdist(folded_left, folded_right, scorer=scorer, dtype=np.float64) / 100.0
               for name, scorer in _LEXICAL.items()}
    # The best-matching stretch of the longer sentence, measured in word stems rather than characters: on MRPC as
    # telling (test accuracy 0.789 either way), at a tenth of the cost (a character match grows with length).
    columns["partial_stem_ratio"] = process.cpdist(
        [a.stems for a, _ in pairs], [b.stems for _, b in pairs], scorer=fuzz.partial_ratio, dtype=np.float64
    ) / 100.0
    columns["cosine"] = np.array(
        [min(max(float(a.vector @ b.vector), 0.0), 1.0) for a, b in pairs] if cosines is None else cosines, dtype=float
    )
    columns.update(zip(_ROW_NAMES, np.array([_pair_row(a, b) for a, b in pairs], dtype=float).T))
    aligned, unmatched = _alignment(pairs)
    columns.update(aligned)
    return PairFeatures(np.column_stack([columns[name] for name in FEATURE_NAMES]), tuple(unmatched))
