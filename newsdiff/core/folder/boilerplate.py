"""Site furniture in an article: headline and link lists, comment prompts, share buttons, credits, footers.

Precision first: a paragraph is furniture only on a measurable signal, never by a list of phrases, and when
the signals are unsure it is story.
- shape: a list line is short and ends without sentence punctuation. A run of list lines whose words the
  story's prose does not use is a list of other headlines; list lines after the story's last sentence
  are what a page puts below a story (comment prompts, share buttons, footers); after a headline list,
  the rest of the page is furniture too when it is about other things (teasers of other stories) and
  shorter than the story before it (else the list sat above the story: a gallery, a menu). Lines that
  hold no words, only numbers around "of" or "/" (gallery counters: "1 / 6", "Image 2 of 2"), a bare
  link, or a short credit in parentheses are furniture wherever they stand.
- recurrence: a paragraph found in copies of different stories of a folder, about other things than the
  story of its own copy (see `recurring`): a paragraph an agency's follow-up reuses is the story's own.
- carried: a paragraph of prose that another copy of the story carries as story is never furniture
  (see `carried_elsewhere`).
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from newsdiff.core.folder.fingerprint import content_words
from newsdiff.core.model import Document, Span
from newsdiff.core.text.lexicon import STOPWORDS
from newsdiff.core.text.normalize import canonical, words

# A paragraph of at most this many words that ends without sentence punctuation is a list line (a headline, a
# button, a credit); more words take longer lines for lists.
LIST_LINE_WORDS = 20
# A run of at least this many list lines, about other things than the story, is a list of other headlines.
LIST_RUN = 3
# A list whose lines share less than this share (0 to 1) of their content words with the story is about other
# things; higher takes more lists for furniture.
RELATED = 0.5
# The three were set when the folder analysis was first written, on the seed articles, METER's copies and
# generated folders (see analysis.py), and have not changed since.
# A short credit in parentheses ("(AP Photo/...)") has at most this many words; a longer parenthesis is prose.
CREDIT_WORDS = 8
# A prose paragraph flagged by shape or recurrence is carried as story by another copy when at least this share
# (0 to 1) of its skip-gram shingles are in that copy's story; higher unmarks fewer. Measured on the development
# copies mixed with METER and the seeds: the prose that is furniture (teasers of other stories below a headline
# list) has at most 0.11 of its shingles in any other copy, a paragraph reused word for word nearly all.
CARRIED = 0.5
# Shapes that are furniture wherever they stand: no letter or digit at all ("___", a bullet, a close cross), a
# gallery counter (a word at most, then a number, "of" or a slash, a number), a bare link.
_NO_WORD = re.compile(r"^[\W_]*$")
_COUNTER = re.compile(r"^\s*(?:[^\W\d]+\s+)?\d+\s*(?:/|of)\s*\d+\s*$", re.IGNORECASE)
_LINK = re.compile(r"^\s*(?:https?://|www\.)\S+\s*$", re.IGNORECASE)
_CLOSERS = "\"'\u201d\u2019\u00bb)]"
_SENTENCE_ENDS = ".!?\u2026"


@dataclass(frozen=True)
class _Paragraph:
    list_line: bool
    content: frozenset[str]


def _punctuated(text: str) -> bool:
    stripped = text.rstrip().rstrip(_CLOSERS)
    return bool(stripped) and stripped[-1] in _SENTENCE_ENDS


def _paragraph(text: str, tokens: Sequence[str] | None = None) -> _Paragraph:
    """The paragraph's shape, from its text and its words (`tokens`: normalize.words of it, if at hand)."""
    tokens = words(text) if tokens is None else tokens
    content = frozenset(w for w in tokens if w not in STOPWORDS)
    return _Paragraph(len(tokens) <= LIST_LINE_WORDS and not _punctuated(text), content)


def is_list_line(text: str) -> bool:
    """Whether a paragraph is a list line: at most LIST_LINE_WORDS words, no sentence punctuation at its end."""
    return not _punctuated(text) and len(words(text)) <= LIST_LINE_WORDS


def _relatedness(lines: Sequence[_Paragraph], vocabulary: set[str]) -> float:
    """The mean share of each line's content words found in `vocabulary` (a line without any counts 0)."""
    if not lines:
        return 1.0
    shares = [len(p.content & vocabulary) / len(p.content) if p.content else 0.0 for p in lines]
    return sum(shares) / len(shares)


def _junk(text: str) -> bool:
    """Whether a paragraph has a shape that is furniture wherever it stands (see the module's docstring)."""
    stripped = text.strip()
    if _NO_WORD.match(stripped) or _COUNTER.match(stripped) or _LINK.match(stripped):
        return True
    credit = stripped.startswith("(") and stripped.endswith(")") and stripped.count("(") == 1
    return credit and len(words(stripped)) <= CREDIT_WORDS


def _runs(paragraphs: Sequence[_Paragraph]) -> list[tuple[int, int]]:
    """Maximal runs [start, end) of consecutive list lines."""
    runs, start = [], None
    for index, paragraph in enumerate([*paragraphs, _Paragraph(False, frozenset())]):
        if paragraph.list_line and start is None:
            start = index
        elif not paragraph.list_line and start is not None:
            runs.append((start, index))
            start = None
    return runs


def _interruptions(traits: Sequence[_Paragraph], prose: Sequence[int]) -> set[int]:
    """Below the story's first sentence, the list lines that use none of the story's content words: a "Most
    Read" heading, "Advertisement", a button interrupting or closing the story. (A short line of prose that
    shares nothing with the story is left alone: a story's closing line often does, a verdict, a quote.)"""
    vocabulary = {word for index in prose for word in traits[index].content}
    return {
        index
        for index in range(prose[0] + 1, len(traits))
        if traits[index].list_line and traits[index].content and not traits[index].content & vocabulary
    }


def shape_furniture(text: str, paragraphs: Sequence[Span], tokens: Sequence[Sequence[str]] | None = None) -> set[int]:
    """Indices of the paragraphs that the shape signals mark as furniture (`tokens`: each paragraph's words, as
    normalize.words gives them, if at hand)."""
    pieces = [text[p.start : p.end] for p in paragraphs]
    traits = [_paragraph(piece, None if tokens is None else tokens[i]) for i, piece in enumerate(pieces)]
    flagged = {index for index, piece in enumerate(pieces) if _junk(piece)}
    prose = [index for index, t in enumerate(traits) if not t.list_line and index not in flagged]
    if not prose:
        return flagged
    vocabulary = {w for index in prose for w in traits[index].content}
    flagged.update(range(prose[-1] + 1, len(traits)))
    flagged.update(_interruptions(traits, prose))
    for start, end in _runs(traits):
        if end - start < LIST_RUN or _relatedness(traits[start:end], vocabulary) >= RELATED:
            continue
        flagged.update(range(start, end))
        # Judge what follows the list by the story before it, when there is more story before than after.
        before = [index for index in prose if index < start]
        story = {w for index in before for w in traits[index].content}
        story_words = sum(len(traits[index].content) for index in before)
        after_words = sum(len(t.content) for t in traits[end:])
        if story and story_words >= after_words and _relatedness(traits[end:], story) < RELATED:
            flagged.update(range(end, len(traits)))
            break
    return flagged


def fingerprint(text: str) -> int:
    """A stable 63-bit fingerprint of a paragraph, the same for typographic variants and letter case."""
    digest = hashlib.blake2b(canonical(text).casefold().encode("utf-8", "surrogatepass"), digest_size=8).digest()
    return int.from_bytes(digest, "big") >> 1


def recurring(fingerprints: Sequence[Sequence[int]], clusters: Sequence[int]) -> list[set[int]]:
    """For each article, the indices of its paragraphs that also occur in an article of another cluster (furniture
    unless `about_the_story` says they are its story's own).

    `fingerprints[a]` holds the paragraph fingerprints of article `a`, `clusters[a]` its cluster.
    """
    seen: dict[int, set[int]] = {}
    for article, prints in enumerate(fingerprints):
        for value in prints:
            seen.setdefault(value, set()).add(clusters[article])
    return [{index for index, value in enumerate(prints) if len(seen[value]) > 1} for prints in fingerprints]


def about_the_story(text: str, paragraphs: Sequence[Span], furniture: set[int]) -> list[bool]:
    """For each paragraph, whether it is about the story: most of its content words are used by the article's
    other paragraphs outside `furniture` (a footer, an offer or a "Most Read" line is not)."""
    contents = [frozenset(content_words(text[p.start : p.end])) for p in paragraphs]
    counts: dict[str, int] = {}
    for index, content in enumerate(contents):
        if index not in furniture:
            for word in content:
                counts[word] = counts.get(word, 0) + 1
    about = []
    for index, content in enumerate(contents):
        own = 1 if index not in furniture else 0
        elsewhere = sum(1 for word in content if counts.get(word, 0) - own > 0)
        about.append(bool(content) and elsewhere / len(content) >= RELATED)
    return about


def carried_elsewhere(
    flagged: Sequence[set[int]],
    shingles: Sequence[Sequence[np.ndarray]],
    pieces: Sequence[Sequence[str]],
    clusters: Sequence[int],
) -> list[set[int]]:
    """For each article, the flagged paragraphs of prose that the other copies of its story carry as story: at
    least CARRIED of the paragraph's shingles are in their stories (their shingles outside their own flagged
    paragraphs).

    `shingles[a][i]` are the sorted skip-gram shingles of paragraph `i` of article `a`, `pieces[a][i]` its text,
    `clusters[a]` the cluster of article `a`.
    """
    stories = [
        np.unique(np.concatenate([np.zeros(0, dtype=np.uint64), *(s for i, s in enumerate(own) if i not in marked)]))
        for own, marked in zip(shingles, flagged)
    ]
    members: dict[int, list[int]] = {}
    for article, cluster in enumerate(clusters):
        members.setdefault(cluster, []).append(article)
    found: list[set[int]] = [set() for _ in flagged]
    for group in members.values():
        prose = {a: [i for i in flagged[a] if len(shingles[a][i]) and not is_list_line(pieces[a][i])] for a in group}
        if len(group) < 2 or not any(prose.values()):
            continue
        # How many copies of the story hold each shingle in their story.
        values, counts = np.unique(np.concatenate([stories[a] for a in group]), return_counts=True)
        for article in group:
            for index in prose[article]:
                own = shingles[article][index]
                at = np.minimum(np.searchsorted(values, own), len(values) - 1)
                held = np.where(values[at] == own, counts[at], 0)
                mine = np.isin(own, stories[article], assume_unique=True)
                if np.mean(held - mine > 0) >= CARRIED:
                    found[article].add(index)
    return found


def spans(paragraphs: Sequence[Span], flagged: set[int]) -> list[Span]:
    """The flagged paragraphs as spans, consecutive ones joined into one (with the white space between)."""
    joined: list[Span] = []
    previous = -2
    for index in sorted(flagged):
        paragraph = paragraphs[index]
        if index == previous + 1 and joined:
            joined[-1] = Span(joined[-1].start, paragraph.end)
        else:
            joined.append(Span(paragraph.start, paragraph.end))
        previous = index
    return joined


def sentences_within(document: Document, furniture: Sequence[Span]) -> frozenset[int]:
    """The indices of the document's sentences that lie wholly inside the furniture spans."""
    return frozenset(
        number
        for number, sentence in enumerate(document.sentences)
        if any(span.start <= sentence.start and sentence.end <= span.end for span in furniture)
    )
