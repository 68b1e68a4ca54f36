"""Real news sentences for the syndication benchmark: MRPC's, kept where they are one unambiguous sentence."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import pysbd
from mrpc_data import TEST, TRAIN, load
from rapidfuzz.distance import Levenshtein
from syndication_edits import harvest_names

_WORD = re.compile(r"[A-Za-z0-9]+(?:['’][A-Za-z]+)?")
# Tokenisation left-overs of MRPC (``, '', <.IXIC>, " 's") and characters that make boundaries unclear.
_ARTIFACT = re.compile(r"``|''|[<>|\t\[\]{}]| ' |\s[,.;:!?]|\s's\b|\.\.")
_START = re.compile(r'^"?[A-Z]')
_END = re.compile(r'[a-z0-9)%][.!?]"?$')
# A full stop, question or exclamation mark inside the sentence that is followed by more text.
_INNER_END = re.compile(r"([.!?])[\"')]*\s+\S")
# Where an inner full stop is no sentence end: titles, initials (Ronald L. Kuby), dotted abbreviations (U.S.).
_ABBREVIATION_BEFORE = re.compile(
    r"(?:\b(?:Mr|Mrs|Ms|Dr|St|Gen|Sen|Rep|Gov|Lt|Col|Sgt|Jr|Sr|Prof|Rev|Inc|Corp|Co|Ltd|No|vs|Nos|Ave|Mt|Ft)"
    r"|\b[A-Z]|\b[a-zA-Z]\.[a-zA-Z])$"
)


@dataclass(frozen=True)
class Source:
    """A base sentence, with an MRPC rewording of the same meaning (Quality 1) when one is usable."""

    text: str
    paraphrase: str | None


# A topic word is a name (a company, a person, a place) found in a few sentences of the pool.
TOPIC_FREQUENCY = (2, 60)
_FUNCTION_WORDS = frozenset(
    "the a an and or but of to in on at by for with from as is are was were be been has have had it its this that "
    "he she they we his her their said says will would not".split()
)


@dataclass(frozen=True)
class Pool:
    """The sentences to build articles from, the names to swap in, and the sentences of each topic word."""

    sources: tuple[Source, ...]
    names: tuple[str, ...]
    topics: dict[str, tuple[int, ...]]


def content_words(text: str) -> frozenset[str]:
    """The case-folded words of a sentence that carry content."""
    return frozenset(w for w in words(text) if len(w) > 2 and w not in _FUNCTION_WORDS)


_WORD_FIGURES = dict(zip("one two three four five six seven eight nine ten eleven twelve".split(), range(1, 13)))
# A figure and the word after it: "42 people", "1,200 pounds", "three men", "$991 million".
_COUNT = re.compile(
    r"(?<![\w.,-])(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|" + "|".join(_WORD_FIGURES) + r") ([a-z]+)\b"
)


def _counts(text: str) -> dict[str, float]:
    """Each content word a figure counts, and the figure; a word counted twice in the sentence ("14.7 pounds
    compared with 5.8 pounds") is left out."""
    found: dict[str, set[float]] = {}
    for figure, word in _COUNT.findall(text.lower()):
        if content_words(word):
            found.setdefault(word, set()).add(_WORD_FIGURES.get(figure) or float(figure.replace(",", "")))
    return {word: figures.pop() for word, figures in found.items() if len(figures) == 1}


def counts_differ(first: str, second: str) -> bool:
    """Whether two sentences count one thing by different figures ("killing at least 42 people" / "killing at
    least 48 people"): the user guide calls such a pair altered, whatever else it says alike."""
    a, b = _counts(first), _counts(second)
    return any(a[word] != b[word] for word in a.keys() & b.keys())


def make_pool(sources: list[Source]) -> Pool:
    """The pool of these sources, with its names and topic index."""
    names = harvest_names([s.text for s in sources])
    folded = {name.casefold() for name in names}
    found: dict[str, list[int]] = {}
    for index, source in enumerate(sources):
        for word in content_words(source.text) & folded:
            found.setdefault(word, []).append(index)
    low, high = TOPIC_FREQUENCY
    topics = {word: tuple(indices) for word, indices in found.items() if low <= len(indices) <= high}
    return Pool(tuple(sources), tuple(names), topics)


@lru_cache(maxsize=1)
def _segmenter() -> pysbd.Segmenter:
    return pysbd.Segmenter(language="en", clean=False)


def is_clean_sentence(text: str) -> bool:
    """Whether `text` is one sentence whose boundaries no segmenter should doubt."""
    if not 40 <= len(text) <= 320 or not _START.match(text) or not _END.search(text):
        return False
    if _ARTIFACT.search(text) or text.count('"') % 2:
        return False
    inner = [m for m in _INNER_END.finditer(text) if m.end() < len(text)]
    for match in inner:
        if match.group(1) != "." or not _ABBREVIATION_BEFORE.search(text[: match.start()]):
            return False
    return not inner or len(_segmenter().segment(text)) == 1


def words(text: str) -> list[str]:
    """The case-folded words of a sentence."""
    return [w.casefold() for w in _WORD.findall(text)]


def is_rewording(first: str, second: str) -> bool:
    """Whether `second` says `first` in other words: at least one word of either has no near spelling in
    the other, so that the pair is no mere typo or typographic variant."""
    a, b = set(words(first)), set(words(second))
    return any(
        all(Levenshtein.distance(word, other) > 2 for other in theirs)
        for ours, theirs in ((a - b, b), (b - a, a))
        for word in ours
    )


def load_pool(directory: Path | None = None) -> Pool:
    """Every clean MRPC sentence once, in file order; an equivalent pair's first sentence carries the
    second as its paraphrase."""
    sources: dict[str, Source] = {}
    for name in (TRAIN, TEST):
        for pair in load(name, directory):
            first = pair.left.strip() if is_clean_sentence(pair.left.strip()) else ""
            second = pair.right.strip() if is_clean_sentence(pair.right.strip()) else ""
            if first and second and pair.equivalent and is_rewording(first, second):
                sources[first] = Source(first, second)
                continue
            for text in (first, second):
                if text and text not in sources:
                    sources[text] = Source(text, None)
    return make_pool(list(sources.values()))
