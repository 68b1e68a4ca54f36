"""The METER development set: Press Association wire takes and the newspaper copies written from them, with
METER's hand label on every newspaper word. Where it lives, how it is read, what a word is.

The set is read in place (from $NEWSDIFF_METER, default ../shared/data/meter-dev beside the repository) and
never copied into the project: the texts are copyright PA and the newspapers.
"""

from __future__ import annotations

import bisect
import json
import os
import re
from dataclasses import dataclass
from enum import IntEnum
from pathlib import Path

from newsdiff.core.read.articles import normalise_newlines

REPO = Path(__file__).resolve().parents[2]
META = "meta.json"
# A word: a run of letters and digits, with apostrophes inside it (don't, O'Brien). Punctuation is not a
# word; a hyphen separates words, as METER's annotators sometimes label the parts of a compound differently.
WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")


class Label(IntEnum):
    """METER's word labels, ordered by strength: the strongest over the PA takes is a word's label."""

    NEW = 0
    REWRITE = 1
    VERBATIM = 2


LABELS: tuple[Label, ...] = (Label.VERBATIM, Label.REWRITE, Label.NEW)
LABEL_OF_NAME = {label.name.capitalize(): label for label in Label}


@dataclass(frozen=True)
class Word:
    """A word of a text: its code-point span and its characters."""

    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Copy:
    """One text of a story: its file name and its text with `\\n` line endings."""

    file: str
    text: str


@dataclass(frozen=True)
class Paper(Copy):
    """A newspaper copy: its words and METER's label of each (None where METER's spans miss the word)."""

    words: tuple[Word, ...]
    truth: tuple[Label | None, ...]


@dataclass(frozen=True)
class Story:
    """A story of the set: its PA takes and the newspaper copies written from them."""

    name: str
    takes: tuple[Copy, ...]
    papers: tuple[Paper, ...]


def data_dir() -> Path:
    """The METER folder: $NEWSDIFF_METER, or ../shared/data/meter-dev beside the repository."""
    return Path(os.environ.get("NEWSDIFF_METER", REPO.parent / "shared" / "data" / "meter-dev"))


def words(text: str) -> tuple[Word, ...]:
    """The words of `text`, in order."""
    return tuple(Word(m.start(), m.end(), m.group()) for m in WORD.finditer(text))


def read_text(path: Path) -> tuple[str, list[int]]:
    """The UTF-8 text of `path` with `\\n` line endings, and the raw offsets of the `\\r\\n` pairs it shortened.

    Read as bytes: Python's universal newlines would fold `\\r\\n` silently and shift every span after it.
    """
    raw = path.read_bytes().decode("utf-8")
    return normalise_newlines(raw), [m.start() for m in re.finditer("\r\n", raw)]


def normalised_offset(offset: int, crlf: list[int]) -> int:
    """A raw-file offset moved onto the newline-normalised text (each earlier `\\r\\n` became one `\\n`)."""
    return offset - bisect.bisect_left(crlf, offset - 1)


def label_words(text: str, spans: list[dict], crlf: list[int]) -> tuple[tuple[Word, ...], tuple[Label | None, ...]]:
    """The words of a newspaper text and the METER label of each: the label over most of its characters
    (the stronger on a tie), None when no span covers it. `spans` are METER's `{label, start, end}` on the raw
    file."""
    by_character: list[Label | None] = [None] * len(text)
    for span in spans:
        label = LABEL_OF_NAME[span["label"]]
        start, end = normalised_offset(span["start"], crlf), normalised_offset(span["end"], crlf)
        by_character[start:end] = [label] * (end - start)
    found = words(text)
    truth = []
    for word in found:
        counts = {label: 0 for label in Label}
        for label in by_character[word.start : word.end]:
            if label is not None:
                counts[label] += 1
        best = max(Label, key=lambda label: (counts[label], label))
        truth.append(best if counts[best] else None)
    return found, tuple(truth)


def load_story(folder: Path) -> Story:
    """The story in `folder` (its meta.json lists the takes and the labelled newspaper copies)."""
    meta = json.loads((folder / META).read_text(encoding="utf-8"))
    takes, papers = [], []
    for copy in meta["copies"]:
        text, crlf = read_text(folder / copy["file"])
        if copy["role"] == "source":
            takes.append(Copy(copy["file"], text))
        elif "lexical_annotation" in copy:
            found, truth = label_words(text, copy["lexical_annotation"]["spans"], crlf)
            papers.append(Paper(copy["file"], text, found, truth))
    if not takes or not papers:
        raise ValueError(f"{folder / META}: a story needs PA takes and labelled newspaper copies")
    return Story(meta.get("story", folder.name), tuple(takes), tuple(papers))


def load_stories(folder: Path | None = None) -> list[Story]:
    """Every story of the set, by folder name; empty when the set is absent."""
    root = folder or data_dir()
    if not root.is_dir():
        return []
    return [load_story(path.parent) for path in sorted(root.glob(f"*/{META}"))]
