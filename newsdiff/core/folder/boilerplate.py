"""Site furniture in an article: headline and link lists, comment prompts, share buttons, credits, footers.

Decided by measurable signals rather than a list of phrases:
- shape: a list line is short and ends without sentence punctuation. A run of list lines whose words the
  story's prose does not use is a list of other headlines; list lines after the story's last sentence
  are what a page puts below a story (comment prompts, share buttons, footers); and after a headline
  list, the rest of the page is furniture too when it is about other things (teasers of other stories).
- recurrence: a paragraph found in copies of different stories of a folder (see `recurring`).
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass

from newsdiff.core.folder.fingerprint import content_words
from newsdiff.core.model import Document, Span
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
_CLOSERS = "\"'\u201d\u2019\u00bb)]"
_SENTENCE_ENDS = ".!?\u2026"


@dataclass(frozen=True)
class _Paragraph:
    list_line: bool
    content: frozenset[str]


def _paragraph(text: str) -> _Paragraph:
    stripped = text.rstrip().rstrip(_CLOSERS)
    punctuated = bool(stripped) and stripped[-1] in _SENTENCE_ENDS
    return _Paragraph(len(words(text)) <= LIST_LINE_WORDS and not punctuated, frozenset(content_words(text)))


def _relatedness(lines: Sequence[_Paragraph], vocabulary: set[str]) -> float:
    """The mean share of each line's content words found in `vocabulary` (a line without any counts 0)."""
    if not lines:
        return 1.0
    shares = [len(p.content & vocabulary) / len(p.content) if p.content else 0.0 for p in lines]
    return sum(shares) / len(shares)


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


def shape_furniture(text: str, paragraphs: Sequence[Span]) -> set[int]:
    """Indices of the paragraphs that the shape signals mark as furniture."""
    traits = [_paragraph(text[p.start : p.end]) for p in paragraphs]
    prose = [index for index, t in enumerate(traits) if not t.list_line]
    if not prose:
        return set()
    vocabulary = {w for index in prose for w in traits[index].content}
    flagged: set[int] = set(range(prose[-1] + 1, len(traits)))
    for start, end in _runs(traits):
        if end - start < LIST_RUN or _relatedness(traits[start:end], vocabulary) >= RELATED:
            continue
        flagged.update(range(start, end))
        # Judge what follows the list by the story before it.
        story = {w for index in prose if index < start for w in traits[index].content}
        if story and _relatedness(traits[end:], story) < RELATED:
            flagged.update(range(end, len(traits)))
            break
    return flagged


def fingerprint(text: str) -> int:
    """A stable 63-bit fingerprint of a paragraph, the same for typographic variants and letter case."""
    digest = hashlib.blake2b(canonical(text).casefold().encode("utf-8", "surrogatepass"), digest_size=8).digest()
    return int.from_bytes(digest, "big") >> 1


def recurring(fingerprints: Sequence[Sequence[int]], clusters: Sequence[int]) -> list[set[int]]:
    """For each article, the indices of its paragraphs that also occur in an article of another cluster.

    `fingerprints[a]` holds the paragraph fingerprints of article `a`, `clusters[a]` its cluster.
    """
    seen: dict[int, set[int]] = {}
    for article, prints in enumerate(fingerprints):
        for value in prints:
            seen.setdefault(value, set()).add(clusters[article])
    return [{index for index, value in enumerate(prints) if len(seen[value]) > 1} for prints in fingerprints]


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
