"""Paragraphs and sentences of a text, as character offsets into it (lossless)."""

from __future__ import annotations

import re
from functools import lru_cache

import pysbd

from newsdiff.core.model import Document, Sentence, Span
from newsdiff.core.read.articles import Article
from newsdiff.core.text.lexicon import ABBREVIATIONS

_BLANK_LINE = re.compile(r"\n[ \t\f\v\u00a0\u2000-\u200b\u3000]*\n")
_LINE_END_PUNCTUATION = tuple(".!?:;\"'”’»)")
# A sentence end that pysbd leaves inside a quotation: a lower-case word or number, a full stop, space, then
# a capital (optionally behind an opening quote).
_INNER_END = re.compile(r"(?:(?<=[a-z0-9][.!?])|(?<=[a-z0-9][.!?][\"'”’]))\s+(?=[\"'“‘]?[A-Z])")
_CLOSING_QUOTES = frozenset("\"'”’»")
_POSSIBLE_INNER_END = re.compile(r"[.!?…]+[\"'”’»)\]]*\s+\S")
# A clock time's a.m. or p.m. ends a sentence to pysbd whenever a capital follows, but wire copy goes on with
# the day, the date or the time zone ("3 p.m. Tuesday", "9 a.m. Sept. 12", "noon to 2 p.m. EDT").
_CLOCK_END = re.compile(r"\b[ap]\.m\.$", re.IGNORECASE)
_TIME_GOES_ON = re.compile(
    r"(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|Jan|Feb|March|April|May|June|July|Aug|Sept?|Oct|Nov|Dec"
    r"|[A-Z]{1,3}T|Eastern|Pacific|Central|Mountain|Greenwich|local)\b"
)
# pysbd's regular expressions grow slow on very long runs without a sentence end; longer paragraphs
# are cut at white space into pieces of this many characters before segmenting. A sentence across a cut is cut in
# two, so a piece is far longer than a sentence; smaller is quicker on such runs. Set when segmentation was first
# written, unchanged since.
_MAX_PIECE = 5000
# A "sentence" longer than this many words is no sentence a person wrote but text without sentence ends (a
# transcript, a list run together, a hostile file). It is cut into sentences of at most this many words, at a
# clause end (a comma, semicolon, colon or dash) in its second half where there is one, else after the last word
# that fits: every sentence of a pair is then compared with every other in bounded time and memory, and two such
# texts cost in proportion to their length rather than its square (two 10,000-word texts without a full stop
# took 44-55 s and 1.8 GB as one sentence each). The longest sentences of the seeds and of the hand-labelled real
# pairs, 1817 newspapers among them, hold 89 words; lower cuts more of the long sentences people write.
MAX_SENTENCE_WORDS = 150
_WORD_RUN = re.compile(r"\S+")
_CLAUSE_END = re.compile(r"(?:[,;:]|^-+|[–—])[\"'”’)]*$")  # a word that ends a clause, or a dash between words


@lru_cache(maxsize=1)
def _segmenter() -> pysbd.Segmenter:
    return pysbd.Segmenter(language="en", clean=False, char_span=False)


def paragraph_spans(text: str) -> list[Span]:
    """The paragraphs of the text: blocks between blank lines, or lines where the text has none.

    A block of several lines is one paragraph when it looks hard-wrapped (long lines that end mid-sentence),
    otherwise each of its lines is a paragraph (lists of headlines, one-paragraph-per-line pastes).
    """
    spans: list[Span] = []
    position = 0
    blocks: list[tuple[int, int]] = []
    for match in _BLANK_LINE.finditer(text):
        blocks.append((position, match.start()))
        position = match.end()
    blocks.append((position, len(text)))
    for start, end in blocks:
        lines = _line_spans(text, start, end)
        if not lines:
            continue
        if len(lines) > 1 and _hard_wrapped(text, lines):
            spans.append(Span(lines[0][0], lines[-1][1]))
        else:
            spans.extend(Span(a, b) for a, b in lines)
    return spans


def _line_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Non-blank lines between `start` and `end`, stripped of surrounding white space."""
    found = []
    position = start
    for line in text[start:end].split("\n"):
        line_start, line_end = position, position + len(line)
        position = line_end + 1
        stripped = line.strip()
        if stripped:
            offset = line_start + (len(line) - len(line.lstrip()))
            found.append((offset, offset + len(stripped)))
    return found


def _hard_wrapped(text: str, lines: list[tuple[int, int]]) -> bool:
    """Whether these lines look like one paragraph wrapped at a fixed width.

    Wrapped prose breaks mid-sentence, so most lines end without punctuation and most continuation
    lines start in lower case; a list of headlines or one-paragraph-per-line text does neither.
    """
    body = lines[:-1]
    open_ends = sum(1 for a, b in body if not text[a:b].endswith(_LINE_END_PUNCTUATION))
    lower_starts = sum(1 for a, _ in lines[1:] if text[a].islower() or text[a].isdigit())
    return open_ends * 2 > len(body) and lower_starts * 2 > len(body)


def _pieces(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The span cut at white space into pieces of at most about _MAX_PIECE characters."""
    pieces = []
    while end - start > _MAX_PIECE:
        cut = text.rfind(" ", start + _MAX_PIECE // 2, start + _MAX_PIECE)
        if cut <= start:
            cut = start + _MAX_PIECE
        pieces.append((start, cut))
        start = cut
    pieces.append((start, end))
    return pieces


def sentence_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The sentences of text[start:end], stripped of white space; together they hold every other character."""
    if not _POSSIBLE_INNER_END.search(text, start, end):
        # No full stop, question or exclamation mark before the last word: one sentence, no segmenter.
        return _capped(text, *_strip(text, start, end)) if text[start:end].strip() else []
    spans: list[tuple[int, int]] = []
    for piece_start, piece_end in _pieces(text, start, end):
        # A hard-wrapped paragraph's line breaks are not sentence ends.
        piece = text[piece_start:piece_end].replace("\n", " ")
        position = piece_start
        for segment in _segmenter().segment(piece):
            # Walk the original text by the count of non-space characters of each segment, so that the
            # offsets stay exact even where the segmenter touched white space.
            needed = sum(1 for ch in segment if not ch.isspace())
            cursor = position
            while cursor < piece_end and needed:
                if not text[cursor].isspace():
                    needed -= 1
                cursor += 1
            if cursor > position:
                spans += _split_inner_ends(text, *_strip(text, position, cursor))
            position = cursor
        if position < piece_end and text[position:piece_end].strip():
            spans.append(_strip(text, position, piece_end))
    spans = _rejoin_clock_times(text, _reattach_closing_quotes(text, [span for span in spans if span[1] > span[0]]))
    return [piece for span in spans for piece in _capped(text, *span)]


def _capped(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The sentence cut into sentences of at most MAX_SENTENCE_WORDS words (itself if it is no longer)."""
    words = [(m.start(), m.end()) for m in _WORD_RUN.finditer(text, start, end)]
    if len(words) <= MAX_SENTENCE_WORDS:
        return [(start, end)]
    pieces = []
    first = 0
    while len(words) - first > MAX_SENTENCE_WORDS:
        last = first + MAX_SENTENCE_WORDS - 1  # the last word of the piece, unless a clause ends before it
        for k in range(last, first + MAX_SENTENCE_WORDS // 2, -1):
            if _CLAUSE_END.search(text, *words[k]):
                last = k
                break
        pieces.append((words[first][0], words[last][1]))
        first = last + 1
    pieces.append((words[first][0], end))
    return pieces


def _reattach_closing_quotes(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Give back to the previous sentence a closing quote the segmenter put at the start of the next one."""
    fixed: list[tuple[int, int]] = []
    for start, end in spans:
        if fixed and text[start] in _CLOSING_QUOTES and (start + 1 == end or text[start + 1].isspace()):
            fixed[-1] = (fixed[-1][0], start + 1)
            start, end = _strip(text, start + 1, end)
            if start >= end:
                continue
        fixed.append((start, end))
    return fixed


def _rejoin_clock_times(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Join to the previous sentence one cut after a clock time's a.m. or p.m. where it goes on with the time: a
    day, a month or a time zone ("3 p.m. Tuesday"; not "3 p.m. Police said")."""
    joined: list[tuple[int, int]] = []
    for start, end in spans:
        if joined and _CLOCK_END.search(text, *joined[-1]) and _TIME_GOES_ON.match(text, start, end):
            joined[-1] = (joined[-1][0], end)
        else:
            joined.append((start, end))
    return joined


def _split_inner_ends(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The span cut at sentence ends inside quotations ("… spared. This would be …," he said.)."""
    pieces = []
    for match in _INNER_END.finditer(text, start, end):
        word = text[start : match.start()].rsplit(None, 1)[-1].rstrip("\"'”’").rstrip(".!?")
        if "." in word or word.casefold() in ABBREVIATIONS:
            continue
        pieces.append((start, match.start()))
        start = match.end()
    pieces.append((start, end))
    return pieces


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def segment(article: Article) -> Document:
    """The article cut into paragraphs and sentences."""
    text = article.text
    paragraphs = paragraph_spans(text)
    sentences = [
        Sentence(a, b, index)
        for index, paragraph in enumerate(paragraphs)
        for a, b in sentence_spans(text, paragraph.start, paragraph.end)
    ]
    return Document(article.path, article.title, text, tuple(paragraphs), tuple(sentences), article.outlet)
