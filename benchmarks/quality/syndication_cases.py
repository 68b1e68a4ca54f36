"""Base articles and derived copies of them, with the known truth of every sentence.

A base article strings real news sentences into paragraphs; its derived copy keeps, retypes, rewords, cuts,
splits, merges and moves them and adds sentences of other stories, the way a syndicating outlet does.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from random import Random
from typing import Callable, Sequence

from syndication_edits import (
    Typo,
    changed_fact,
    is_detectable_misspelling,
    merge_sentences,
    split_sentence,
    typographic_variant,
    typos,
)
from syndication_pool import Pool, Source, content_words, counts_differ

# A base sentence's text in the copy: one sentence, or two where it was split.
Edited = str | tuple[str, str]
# What happens to a base sentence, and the kind its link has then.
KIND_OF_OP = {
    "verbatim": "shared",
    "typographic": "shared",
    "typo": "typo",
    "paraphrase": "paraphrase",
    "changed": "paraphrase",
    "split": "paraphrase",
    "merged": "paraphrase",
}
# How many sentences a base article has (at least, at most).
ARTICLE_SENTENCES = (20, 40)
# Share of the base sentences each edit gets, where it applies (the rest stay verbatim).
RATES = {"paraphrase": 0.15, "changed": 0.10, "typo": 0.12, "typographic": 0.10, "cut": 0.08}
ADDED_RATE = 0.10
# Two sentences whose content words overlap this much are one story's; no "other story" may be that close.
RELATED_OVERLAP = 0.5
# Share of a base article's sentences drawn for a topic word of the sentences already in it, so that names
# and subjects recur across the article as they do in a story (the rest are drawn at random).
TOPICAL_SHARE = 0.6
# The same for the sentences a copy adds, drawn for a topic word of the base: a draw related to a base sentence
# is refused, and those are often on its topics, so fewer of the added sentences than this share are.
ADDED_TOPICAL_SHARE = 0.9


@dataclass(frozen=True)
class TruthSentence:
    """A sentence as the generator wrote it: its offsets in the text, its paragraph and what made it."""

    start: int
    end: int
    paragraph: int
    op: str


@dataclass(frozen=True)
class TruthLink:
    """Sentences of the base (left) and the copy (right) that the copy took from the base."""

    left: tuple[int, ...]
    right: tuple[int, ...]
    op: str
    moved: bool
    altered: bool

    @property
    def kind(self) -> str:
        """The kind the link should get."""
        return KIND_OF_OP[self.op]

    def sentences(self, side: str) -> tuple[int, ...]:
        """The sentence indices on `side` ("left" or "right")."""
        return self.left if side == "left" else self.right


@dataclass(frozen=True)
class TruthMisspelling:
    """A mistyped word of the copy; `counted` when the misspelling mark should fire (a lower-case
    dictionary word turned into a non-word), otherwise marking it is neither right nor wrong."""

    start: int
    end: int
    word: str
    counted: bool


@dataclass(frozen=True)
class Case:
    """A base article, a copy derived from it, and the truth about every sentence of both."""

    name: str
    base: str
    derived: str
    left: tuple[TruthSentence, ...]
    right: tuple[TruthSentence, ...]
    links: tuple[TruthLink, ...]
    misspellings: tuple[TruthMisspelling, ...]
    _link_of: dict[tuple[str, int], int] = field(default_factory=dict, repr=False, compare=False)

    def __post_init__(self) -> None:
        for index, link in enumerate(self.links):
            for side in ("left", "right"):
                for sentence in link.sentences(side):
                    self._link_of[(side, sentence)] = index

    def sentences(self, side: str) -> tuple[TruthSentence, ...]:
        """The truth sentences of `side`."""
        return self.left if side == "left" else self.right

    def text(self, side: str) -> str:
        """The article text of `side`."""
        return self.base if side == "left" else self.derived

    def sentence_text(self, side: str, index: int) -> str:
        """The text of truth sentence `index` of `side`."""
        sentence = self.sentences(side)[index]
        return self.text(side)[sentence.start : sentence.end]

    def link_of(self, side: str, index: int) -> TruthLink | None:
        """The truth link holding sentence `index` of `side`, None if the sentence is unique."""
        found = self._link_of.get((side, index))
        return None if found is None else self.links[found]

    def kind_of(self, side: str, index: int) -> str:
        """The kind sentence `index` of `side` should get."""
        link = self.link_of(side, index)
        return "unique" if link is None else link.kind


@dataclass
class _Piece:
    """A sentence of the copy being built: its text, its link (None if added) and its typos."""

    text: str
    link: int | None
    typos: list[Typo] = field(default_factory=list)


@dataclass
class _Link:
    left: tuple[int, ...]
    op: str
    moved: bool = False


def _related(a: frozenset[str], b: frozenset[str]) -> bool:
    return bool(a and b) and len(a & b) >= RELATED_OVERLAP * min(len(a), len(b))


def _contents(source: Source) -> list[frozenset[str]]:
    return [content_words(source.text)] + ([content_words(source.paraphrase)] if source.paraphrase else [])


def draw(
    pool: Pool,
    rng: Random,
    count: int,
    avoid: list[frozenset[str]],
    topical: float,
    topics: Sequence[str] = (),
) -> list[Source]:
    """`count` sources of the pool, none related to each other or to the content word sets of `avoid`; each
    draw, with the chance `topical`, is of one sharing a topic word with one drawn before or with `topics`."""
    chosen: list[Source] = []
    topics = list(topics)
    for _ in range(50 * count):
        if topics and rng.random() < topical:
            source = pool.sources[rng.choice(pool.topics[rng.choice(topics)])]
        else:
            source = pool.sources[rng.randrange(len(pool.sources))]
        content = _contents(source)
        if source in chosen or any(_related(c, a) for c in content for a in avoid):
            continue
        chosen.append(source)
        avoid += content
        topics += sorted(w for w in content[0] if w in pool.topics)
        if len(chosen) == count:
            break
    return chosen


def _paragraph_sizes(count: int, rng: Random) -> list[int]:
    sizes: list[int] = []
    while sum(sizes) < count:
        sizes.append(min(rng.choice((1, 2, 2, 3, 3)), count - sum(sizes)))
    return sizes


def _chain(values: list[int]) -> tuple[int, int]:
    """The length of the longest strictly increasing subsequences of `values`, and how many there are."""
    length = [1] * len(values)
    count = [1] * len(values)
    for k in range(len(values)):
        for j in range(k):
            if values[j] < values[k]:
                if length[j] + 1 > length[k]:
                    length[k], count[k] = length[j] + 1, count[j]
                elif length[j] + 1 == length[k]:
                    count[k] += count[j]
    best = max(length, default=0)
    return best, sum(c for n, c in zip(length, count) if n == best)


def moves_are_unambiguous(links: list[_Link], paragraphs: list[list[_Piece]]) -> bool:
    """Whether the links marked moved are exactly those off the one longest in-order chain of links."""
    position: dict[int, int] = {}
    for k, piece in enumerate(p for paragraph in paragraphs for p in paragraph):
        if piece.link is not None:
            position.setdefault(piece.link, k)
    order = sorted(range(len(links)), key=lambda k: links[k].left[0])
    values = [position[k] for k in order]
    kept = [position[k] for k in order if not links[k].moved]
    length, count = _chain(values)
    return kept == sorted(kept) and length == len(kept) and count == 1


class _Builder:
    """One case under construction."""

    def __init__(self, pool: Pool, rng: Random, size: tuple[int, int]) -> None:
        self.rng = rng
        self.pool = pool
        self.base: list[Source] = draw(pool, rng, rng.randint(*size), [], TOPICAL_SHARE)
        self.base_paragraphs: list[list[int]] = []
        start = 0
        for count in _paragraph_sizes(len(self.base), rng):
            self.base_paragraphs.append(list(range(start, start + count)))
            start += count
        self.fate: dict[int, str] = {}
        self.derived_text: dict[int, Edited] = {}
        self.typos: dict[int, list[Typo]] = {}
        self.links: list[_Link] = []
        self.paragraphs: list[list[_Piece]] = []

    def assign_fates(self) -> None:
        """Decide what happens to each base sentence, and its text in the copy."""
        rng, n = self.rng, len(self.base)
        pairs = [(i, i + 1) for p in self.base_paragraphs for i in p[:-1]]
        merges = rng.choice((1, 2))
        for i, j in rng.sample(pairs, len(pairs)):
            merged = merge_sentences(self.base[i].text, self.base[j].text)
            if merged and i not in self.fate and j not in self.fate:
                self.fate[i] = self.fate[j] = "merged"
                self.derived_text[i] = merged
                merges -= 1
                if not merges:
                    break
        order = rng.sample(range(n), n)
        self._assign("split", order, rng.choice((1, 2)), lambda i: split_sentence(self.base[i].text, rng))
        edits = {
            "paraphrase": lambda i: self.base[i].paraphrase,
            "changed": lambda i: changed_fact(self.base[i].text, rng, self.pool.names),
            "typo": self._typo,
            "typographic": lambda i: typographic_variant(self.base[i].text, rng),
            "cut": lambda i: "",
        }
        for op, edit in edits.items():
            self._assign(op, order, round(RATES[op] * n), edit)
        for i in range(n):
            if i not in self.fate:
                self.fate[i] = "verbatim"
                self.derived_text[i] = self.base[i].text

    def _altered(self, link: _Link) -> bool:
        """Whether the copy no longer says what the base said: a fact changed on purpose, or an MRPC paraphrase
        that counts one thing by other figures (296 people / 300 people), which the user guide calls altered though
        MRPC's annotators call many such pairs equivalent."""
        if link.op == "paraphrase":
            (i,) = link.left
            return counts_differ(self.base[i].text, self.base[i].paraphrase)
        return link.op == "changed"

    def _typo(self, i: int) -> str | None:
        found = typos(self.base[i].text, self.rng)
        if found is None:
            return None
        self.typos[i] = found[1]
        return found[0]

    def _assign(self, op: str, order: list[int], count: int, edit: Callable[[int], Edited | None]) -> None:
        """Give `op` to `count` sentences without a fate yet, in `order`, where `edit` applies."""
        done = 0
        for i in order:
            if done == count:
                return
            if i in self.fate:
                continue
            text = edit(i)
            if text is None:
                continue
            self.fate[i] = op
            self.derived_text[i] = text
            done += 1

    def build_copy(self) -> None:
        """The copy's paragraphs, following the base's, before anything is added or moved."""
        for paragraph in self.base_paragraphs:
            pieces: list[_Piece] = []
            for i in paragraph:
                op = self.fate[i]
                if op == "cut" or (op == "merged" and i not in self.derived_text):
                    continue
                link = len(self.links)
                self.links.append(_Link((i, i + 1) if op == "merged" else (i,), op))
                text = self.derived_text[i]
                if isinstance(text, tuple):
                    pieces += [_Piece(part, link) for part in text]
                else:
                    pieces.append(_Piece(text, link, self.typos.get(i, [])))
            if pieces:
                self.paragraphs.append(pieces)

    def _slots(self, paragraph: list[_Piece]) -> list[int]:
        """Where a sentence may go into a paragraph: anywhere but between the halves of a split sentence."""
        return [
            k for k in range(len(paragraph) + 1)
            if not (0 < k < len(paragraph) and paragraph[k - 1].link is not None and paragraph[k - 1].link == paragraph[k].link)
        ]

    def add_other_stories(self) -> None:
        """Sentences of other stories, most on this one's topics (sharing a name or subject with its sentences, as
        an outlet's own sentences do), as paragraphs of their own or inside the copy's paragraphs."""
        rng = self.rng
        avoid = [c for source in self.base for c in _contents(source)]
        # On the story's topics, as an outlet's own sentences are: sharing its names, but none of its sentences.
        topics = sorted({w for c in avoid for w in c if w in self.pool.topics})
        count = max(1, round(ADDED_RATE * len(self.base)))
        for source in draw(self.pool, rng, count, avoid, ADDED_TOPICAL_SHARE, topics):
            piece = _Piece(source.text, None)
            if rng.random() < 0.4:
                self.paragraphs.insert(rng.randint(0, len(self.paragraphs)), [piece])
            else:
                paragraph = rng.choice(self.paragraphs)
                paragraph.insert(rng.choice(self._slots(paragraph)), piece)

    def _try_move(self, move: Callable[[], bool]) -> None:
        """Apply a move if it leaves the moved links unambiguous, else leave the copy as it was."""
        for _ in range(10):
            snapshot = [list(p) for p in self.paragraphs]
            moved_before = [link.moved for link in self.links]
            if move() and moves_are_unambiguous(self.links, self.paragraphs):
                return
            self.paragraphs = snapshot
            for link, moved in zip(self.links, moved_before):
                link.moved = moved

    def _move_sentence(self) -> bool:
        rng = self.rng
        pieces = Counter(p.link for paragraph in self.paragraphs for p in paragraph)
        singles = [
            (a, k) for a, paragraph in enumerate(self.paragraphs) for k, p in enumerate(paragraph)
            if p.link is not None and pieces[p.link] == 1
        ]
        if not singles:
            return False
        a, k = rng.choice(singles)
        piece = self.paragraphs[a].pop(k)
        targets = [b for b in range(len(self.paragraphs)) if abs(b - a) >= 3]
        if not targets:
            return False
        target = self.paragraphs[rng.choice(targets)]
        target.insert(rng.choice(self._slots(target)), piece)
        self.paragraphs = [p for p in self.paragraphs if p]
        self.links[piece.link].moved = True
        return True

    def _move_paragraph(self) -> bool:
        rng = self.rng
        a = rng.randrange(len(self.paragraphs))
        targets = [b for b in range(len(self.paragraphs)) if abs(b - a) >= 3]
        if not targets:
            return False
        paragraph = self.paragraphs.pop(a)
        self.paragraphs.insert(rng.choice(targets), paragraph)
        for piece in paragraph:
            if piece.link is not None:
                self.links[piece.link].moved = True
        return True

    def move(self) -> None:
        """Move a sentence and a paragraph elsewhere (each most of the time)."""
        if self.rng.random() < 0.8:
            self._try_move(self._move_sentence)
        if self.rng.random() < 0.6:
            self._try_move(self._move_paragraph)

    def relayout(self) -> None:
        """Split a paragraph in two and run two together: layout only, the sentences stay linked as they were."""
        rng = self.rng
        for _ in range(rng.randint(0, 2)):
            long = [a for a, p in enumerate(self.paragraphs) if len(p) >= 2]
            if long:
                a = rng.choice(long)
                cut = rng.randint(1, len(self.paragraphs[a]) - 1)
                paragraph = self.paragraphs[a]
                self.paragraphs[a : a + 1] = [paragraph[:cut], paragraph[cut:]]
        for _ in range(rng.randint(0, 2)):
            if len(self.paragraphs) >= 2:
                a = rng.randrange(len(self.paragraphs) - 1)
                self.paragraphs[a : a + 2] = [self.paragraphs[a] + self.paragraphs[a + 1]]

    def case(self, name: str) -> Case:
        """The finished case: both texts written out, with the truth at their offsets."""
        base, left = _render([[self.base[i].text for i in p] for p in self.base_paragraphs])
        derived, right = _render([[piece.text for piece in p] for p in self.paragraphs])
        pieces = [piece for paragraph in self.paragraphs for piece in paragraph]
        left_sentences = tuple(
            TruthSentence(start, end, paragraph, self.fate[i]) for i, (start, end, paragraph) in enumerate(left)
        )
        right_sentences = tuple(
            TruthSentence(start, end, paragraph, "added" if piece.link is None else self.links[piece.link].op)
            for piece, (start, end, paragraph) in zip(pieces, right)
        )
        links = tuple(
            sorted(
                (
                    TruthLink(
                        link.left,
                        tuple(k for k, piece in enumerate(pieces) if piece.link == index),
                        link.op,
                        link.moved,
                        self._altered(link),
                    )
                    for index, link in enumerate(self.links)
                ),
                key=lambda link: link.left,
            )
        )
        misspellings = tuple(
            TruthMisspelling(start + typo.start, start + typo.end, typo.typed, is_detectable_misspelling(typo))
            for piece, (start, _, _) in zip(pieces, right)
            for typo in piece.typos
        )
        return Case(name, base, derived, left_sentences, right_sentences, links, misspellings)


def _render(paragraphs: list[list[str]]) -> tuple[str, list[tuple[int, int, int]]]:
    """The text of the paragraphs (blank lines between them, one space between sentences) and the
    offsets and paragraph of each sentence."""
    text = ""
    spans: list[tuple[int, int, int]] = []
    for number, paragraph in enumerate(paragraphs):
        if number:
            text += "\n\n"
        for k, sentence in enumerate(paragraph):
            if k:
                text += " "
            spans.append((len(text), len(text) + len(sentence), number))
            text += sentence
    return text, spans


def make_case(pool: Pool, seed: int, index: int, size: tuple[int, int] = ARTICLE_SENTENCES) -> Case:
    """Case `index` of the benchmark run with `seed`, its base article `size` sentences long (at most as many
    unrelated sentences as the pool holds); the same whatever the number of cases asked for."""
    builder = _Builder(pool, Random(f"{seed}:{index}"), size)
    builder.assign_fates()
    builder.build_copy()
    builder.add_other_stories()
    builder.move()
    builder.relayout()
    return builder.case(f"case {index:03d}")
