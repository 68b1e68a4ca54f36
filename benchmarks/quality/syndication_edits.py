"""What a syndicating outlet does to one sentence: typos, typographic variants, changed facts, splits, merges.

Each edit returns None where it does not apply to the sentence, so that the caller can pick another.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files
from random import Random
from typing import Sequence

# Keys next to each other on a QWERTY keyboard: the likeliest slips of a finger.
_NEIGHBOURS = {
    "a": "qwsz", "b": "vghn", "c": "xdfv", "d": "serfcx", "e": "wsdr", "f": "drtgvc", "g": "ftyhbv",
    "h": "gyujnb", "i": "ujko", "j": "huikmn", "k": "jiolm", "l": "kop", "m": "njk", "n": "bhjm", "o": "iklp",
    "p": "ol", "q": "wa", "r": "edft", "s": "awedxz", "t": "rfgy", "u": "yhji", "v": "cfgb", "w": "qase",
    "x": "zsdc", "y": "tghu", "z": "asx",
}
# A whole word of letters, not glued to digits, apostrophes, hyphens or a full stop (Corp., the last word).
_PLAIN_WORD = re.compile(r"(?<![\w'’\-.])[A-Za-z]{4,}(?![\w'’\-.])")
_NUMBER = re.compile(r"(?<![\w.,])\d{1,3}(?:,\d{3})*(?:\.\d+)?(?![\w])|(?<![\w.,])\d+(?:\.\d+)?(?![\w])")
_NUMBER_WORDS = {
    "two": "three", "three": "four", "four": "five", "five": "six", "six": "seven", "seven": "eight",
    "eight": "nine", "nine": "ten", "ten": "twelve", "dozens": "hundreds", "hundreds": "thousands",
    "thousands": "hundreds", "million": "billion", "billion": "million",
}
_NUMBER_WORD = re.compile(r"\b(" + "|".join(_NUMBER_WORDS) + r")\b")
# A capitalised word after a lower-case word or a comma: a name, not a sentence start.
_NAME = re.compile(r"(?<=[a-z,] )[A-Z][a-z]{3,}(?![\w'’\-.])")
_NOT_NAMES = frozenset(
    """Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April June July
    August September October November December This That These Those There They Their When While""".split()
)
# A clause boundary whose conjunction can go: the halves then differ from the whole in words, not only in
# punctuation and case (a split at ";" would, and whether that is a typo is moot).
_SPLIT_AT = re.compile(r", (?:and|but|while) (?=(?:the|a|an|he|she|it|they|we|his|her|its|their|this|that|there|[A-Z][a-z]+)\b)")
_LOWER_START = frozenset("The A An He She It They We His Her Its Their This That There Some Many Most".split())
_NO_MERGE_START = frozenset("But And Or So Yet However Still".split())


@dataclass(frozen=True)
class Typo:
    """A word mistyped in the derived sentence: its offsets there, its spelling before and after."""

    start: int
    end: int
    original: str
    typed: str


@lru_cache(maxsize=1)
def dictionary() -> frozenset[str]:
    """The lower-case words of symspellpy's English frequency dictionary."""
    path = files("symspellpy") / "frequency_dictionary_en_82_765.txt"
    return frozenset(line.split(" ", 1)[0] for line in path.read_text(encoding="utf-8").splitlines())


def _mistype(word: str, rng: Random) -> str:
    """The word with one slip inside it (never the first letter): a letter dropped, doubled, hit next to, or
    two letters swapped."""
    while True:
        at = rng.randrange(1, len(word))
        slip = rng.choice(("drop", "double", "neighbour", "swap"))
        if slip == "drop":
            typed = word[:at] + word[at + 1 :]
        elif slip == "double":
            typed = word[:at] + word[at] + word[at:]
        elif slip == "neighbour":
            lower = word[at].lower()
            typed = word[:at] + rng.choice(_NEIGHBOURS[lower]) + word[at + 1 :] if lower in _NEIGHBOURS else word
        else:
            typed = word[: at - 1] + word[at] + word[at - 1] + word[at + 1 :]
        if typed != word:
            return typed


def typos(sentence: str, rng: Random) -> tuple[str, list[Typo]] | None:
    """The sentence with one or two of its plain words mistyped (never a number), and where they are."""
    candidates = list(_PLAIN_WORD.finditer(sentence))
    if not candidates:
        return None
    chosen = sorted(rng.sample(candidates, min(len(candidates), rng.choice((1, 1, 2)))), key=lambda m: m.start())
    parts: list[str] = []
    found: list[Typo] = []
    position = 0
    length = 0
    for match in chosen:
        parts.append(sentence[position : match.start()])
        length += match.start() - position
        typed = _mistype(match.group(), rng)
        found.append(Typo(length, length + len(typed), match.group(), typed))
        parts.append(typed)
        length += len(typed)
        position = match.end()
    parts.append(sentence[position:])
    return "".join(parts), found


def is_detectable_misspelling(typo: Typo) -> bool:
    """Whether a misspelling mark should fire on this typo: a lower-case dictionary word turned into a word
    the dictionary does not hold."""
    words = dictionary()
    return typo.original.islower() and typo.original in words and typo.typed.casefold() not in words


def _curly_quotes(sentence: str) -> str:
    out = []
    for k, ch in enumerate(sentence):
        if ch == '"':
            opening = k == 0 or sentence[k - 1] in " (\u00a0"
            out.append("\u201c" if opening else "\u201d")
        else:
            out.append(ch)
    return "".join(out)


def typographic_variant(sentence: str, rng: Random) -> str | None:
    """The sentence as another outlet's typesetting prints it: curly quotes and apostrophes, other dash
    styles, a non-breaking or doubled space; the same words and punctuation."""
    glyphs = []
    if '"' in sentence:
        glyphs.append(_curly_quotes)
    if re.search(r"[A-Za-z]'[A-Za-z]", sentence):
        mark = rng.choice(("\u2019", "\u2019", "\u00b4"))
        glyphs.append(lambda s: re.sub(r"(?<=[A-Za-z])'(?=[A-Za-z])", mark, s))
    if " -- " in sentence or " - " in sentence:
        dash = rng.choice(("\u2014", "\u2013"))
        glyphs.append(lambda s: s.replace(" -- ", f" {dash} ").replace(" - ", f" {dash} "))
    varied = sentence
    for glyph in rng.sample(glyphs, rng.randint(1, len(glyphs))) if glyphs else []:
        varied = glyph(varied)
    spaces = [m.start() for m in re.finditer(" ", varied)]
    if spaces and (not glyphs or rng.random() < 0.5):
        at = rng.choice(spaces)
        varied = varied[:at] + rng.choice(("\u00a0", "  ")) + varied[at + 1 :]
    return varied if varied != sentence else None


def _other_number(number: str, rng: Random) -> str:
    """The number with one of its digits changed (the first never to 0)."""
    digits = [k for k, ch in enumerate(number) if ch.isdigit()]
    at = rng.choice(digits)
    choices = [d for d in "0123456789" if d != number[at] and not (at == digits[0] and d == "0" and len(digits) > 1)]
    return number[:at] + rng.choice(choices) + number[at + 1 :]


def changed_fact(sentence: str, rng: Random, names: Sequence[str]) -> str | None:
    """The sentence with a number, a number word or a name replaced: the copy says something else."""
    spots = [(m, "number") for m in _NUMBER.finditer(sentence)]
    spots += [(m, "word") for m in _NUMBER_WORD.finditer(sentence)]
    spots += [(m, "name") for m in _NAME.finditer(sentence) if m.group() not in _NOT_NAMES]
    if not spots:
        return None
    match, what = rng.choice(spots)
    old = match.group()
    if what == "number":
        new = _other_number(old, rng)
    elif what == "word":
        new = _NUMBER_WORDS[old]
    else:
        others = [n for n in names if n[0] != old[0] and n not in sentence]
        if not others:
            return None
        new = rng.choice(others)
    return sentence[: match.start()] + new + sentence[match.end() :]


def harvest_names(sentences: list[str]) -> list[str]:
    """Capitalised words that stand mid-sentence and never appear in lower case: names to swap in."""
    capitalised: set[str] = set()
    lower: set[str] = set()
    for sentence in sentences:
        capitalised.update(m.group() for m in _NAME.finditer(sentence))
        lower.update(re.findall(r"\b[a-z]+\b", sentence))
    return sorted(n for n in capitalised if n.lower() not in lower and n not in _NOT_NAMES)


def split_sentence(sentence: str, rng: Random) -> tuple[str, str] | None:
    """The sentence cut in two at a clause boundary (", and", ", but", ", while"), the conjunction dropped;
    None if it has no such boundary with five or more words on each side, or holds a quotation."""
    if '"' in sentence:
        return None
    cuts = [
        m for m in _SPLIT_AT.finditer(sentence)
        if len(sentence[: m.start()].split()) >= 5 and len(sentence[m.end() :].split()) >= 5
    ]
    if not cuts:
        return None
    cut = rng.choice(cuts)
    rest = sentence[cut.end() :]
    return sentence[: cut.start()] + ".", rest[0].upper() + rest[1:]


def merge_sentences(first: str, second: str) -> str | None:
    """Two sentences joined into one with ", and"; None where that would not read as one sentence."""
    if not re.search(r"[a-z0-9]\.$", first) or '"' in first + second:
        return None
    head = second.split(" ", 1)[0]
    if head in _NO_MERGE_START:
        return None
    if head in _LOWER_START:
        second = second[0].lower() + second[1:]
    return first[:-1] + ", and " + second
