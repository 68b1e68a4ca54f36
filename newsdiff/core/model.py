"""The data model shared by the engine, the GUI, the report and the JSON output."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum


class Kind(str, Enum):
    """What a sentence is with respect to the other copy."""

    SHARED = "shared"
    TYPO = "typo"
    PARAPHRASE = "paraphrase"
    UNIQUE = "unique"


KINDS: tuple[Kind, ...] = (Kind.SHARED, Kind.TYPO, Kind.PARAPHRASE, Kind.UNIQUE)


class Alteration(str, Enum):
    """Why a linked pair no longer says the same thing (the altered mark), in an editor's words."""

    SLIP = "a figure, day or negation changed in a few letters"
    FIGURES = "another figure for the same thing"
    NEGATION = "negated on one side only"
    DIRECTION = "a figure said to go the other way"
    NAME = "another name in the same place"
    REWORDED = "reworded to say something else (the altered model's judgement)"


class Side(str, Enum):
    """One of the two copies of a comparison."""

    LEFT = "left"
    RIGHT = "right"

    @property
    def other(self) -> Side:
        """The opposite side."""
        return Side.RIGHT if self is Side.LEFT else Side.LEFT


class EditOp(str, Enum):
    """How a span inside a linked sentence differs from its counterpart."""

    REPLACE = "replace"  # reworded: the other side has other words here
    INSERT = "insert"  # only on the right: added there
    DELETE = "delete"  # only on the left: cut from it


@dataclass(frozen=True)
class Span:
    """A half-open range of code-point offsets into an article's text."""

    start: int
    end: int


@dataclass(frozen=True)
class Sentence:
    """A sentence of an article: its span and the paragraph holding it."""

    start: int
    end: int
    paragraph: int


@dataclass(frozen=True)
class Document:
    """An article's text cut into paragraphs and sentences (`outlet`: the publisher its file names, or "")."""

    path: str
    title: str
    text: str
    paragraphs: tuple[Span, ...]
    sentences: tuple[Sentence, ...]
    outlet: str = ""

    def sentence_text(self, index: int) -> str:
        """The text of sentence `index`."""
        sentence = self.sentences[index]
        return self.text[sentence.start : sentence.end]

    def paragraph_sentences(self, paragraph: int) -> list[int]:
        """Indices of the sentences of paragraph `paragraph`, in order."""
        return [i for i, s in enumerate(self.sentences) if s.paragraph == paragraph]

    @property
    def words(self) -> int:
        """The number of white-space separated words of the text."""
        return len(self.text.split())


@dataclass(frozen=True)
class Edit:
    """A changed span inside a linked sentence."""

    side: Side
    start: int
    end: int
    op: EditOp
    # Changed characters of a copied word (a typo link's edits, or a slip inside a paraphrase), not changed words.
    characters: bool = False


@dataclass(frozen=True)
class Link:
    """Sentences of the two sides that one took from the other, wholly or in part."""

    left: tuple[int, ...]
    right: tuple[int, ...]
    kind: Kind
    similarity: float
    moved: bool = False
    altered: bool = False
    edits: tuple[Edit, ...] = ()
    alterations: tuple[Alteration, ...] = ()  # why it is altered (not in the JSON contract)

    def sentences(self, side: Side) -> tuple[int, ...]:
        """The sentence indices of this link on `side`."""
        return self.left if side is Side.LEFT else self.right


@dataclass(frozen=True)
class Misspelling:
    """A word that is a likely typo in its own copy."""

    side: Side
    start: int
    end: int
    word: str
    suggestion: str | None


@dataclass(frozen=True)
class Row:
    """A display row: paragraphs of each side linked to each other (one side may be empty)."""

    left: tuple[int, ...]
    right: tuple[int, ...]

    def paragraphs(self, side: Side) -> tuple[int, ...]:
        """The paragraph indices of this row on `side`."""
        return self.left if side is Side.LEFT else self.right


@dataclass(frozen=True)
class Difference:
    """One stop of keyboard navigation: a non-shared link or a unique sentence."""

    kind: Kind
    row: int
    left: tuple[int, ...]
    right: tuple[int, ...]
    link: int | None  # index into Comparison.links, None for a unique sentence
    moved: bool = False
    altered: bool = False

    def sentences(self, side: Side) -> tuple[int, ...]:
        """The sentence indices of this difference on `side`."""
        return self.left if side is Side.LEFT else self.right


@dataclass(frozen=True)
class Comparison:
    """Everything newsdiff knows about how two copies relate."""

    left: Document
    right: Document
    links: tuple[Link, ...]
    unique_left: tuple[int, ...]
    unique_right: tuple[int, ...]
    misspellings: tuple[Misspelling, ...]
    rows: tuple[Row, ...]
    _link_of: dict[tuple[Side, int], int] = field(default_factory=dict, init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        for index, link in enumerate(self.links):
            for side in Side:
                for sentence in link.sentences(side):
                    self._link_of[(side, sentence)] = index

    def document(self, side: Side) -> Document:
        """The document on `side`."""
        return self.left if side is Side.LEFT else self.right

    def unique(self, side: Side) -> tuple[int, ...]:
        """Sentences of `side` with no counterpart."""
        return self.unique_left if side is Side.LEFT else self.unique_right

    def link_of(self, side: Side, sentence: int) -> int | None:
        """Index of the link holding sentence `sentence` of `side`, or None if it is unique."""
        return self._link_of.get((side, sentence))

    def kind_of(self, side: Side, sentence: int) -> Kind:
        """The kind of sentence `sentence` of `side`."""
        index = self.link_of(side, sentence)
        return Kind.UNIQUE if index is None else self.links[index].kind

    def stats(self, side: Side) -> dict[Kind, int]:
        """The number of sentences of each kind on `side`."""
        counts = {kind: 0 for kind in KINDS}
        for sentence in range(len(self.document(side).sentences)):
            counts[self.kind_of(side, sentence)] += 1
        return counts

    def row_of_paragraph(self, side: Side, paragraph: int) -> int:
        """Index of the display row holding `paragraph` of `side`."""
        for index, row in enumerate(self.rows):
            if paragraph in row.paragraphs(side):
                return index
        raise KeyError(paragraph)

    def differences(self) -> list[Difference]:
        """Every non-shared link and unique sentence, in reading order (row, then left, then right)."""
        found: list[Difference] = []
        for index, link in enumerate(self.links):
            if link.kind is Kind.SHARED and not link.moved and not link.altered:
                continue
            first_paragraph = self.left.sentences[link.left[0]].paragraph
            found.append(
                Difference(
                    link.kind,
                    self.row_of_paragraph(Side.LEFT, first_paragraph),
                    link.left,
                    link.right,
                    index,
                    link.moved,
                    link.altered,
                )
            )
        for side in Side:
            doc = self.document(side)
            for sentence in self.unique(side):
                row = self.row_of_paragraph(side, doc.sentences[sentence].paragraph)
                cells = ((sentence,), ()) if side is Side.LEFT else ((), (sentence,))
                found.append(Difference(Kind.UNIQUE, row, cells[0], cells[1], None))

        def order(diff: Difference) -> tuple[int, int, int]:
            left = diff.left[0] if diff.left else -1
            right = diff.right[0] if diff.right else -1
            position = self.left.sentences[left].start if left >= 0 else self.right.sentences[right].start
            return (diff.row, 0 if left >= 0 else 1, position)

        found.sort(key=order)
        return found
