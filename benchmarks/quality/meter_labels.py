"""Word labels of a newspaper copy against one PA take, by newsdiff and by two baselines; the strongest label
over the takes; precision, recall and F1 against METER's labels."""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from difflib import SequenceMatcher

from meter_data import LABELS, Label, Word

from newsdiff.core.model import Comparison, Document, Edit, EditOp, Kind, Side

# Why newsdiff gave a newspaper word its label (kept to sort the disagreements with METER).
SHARED, TYPO, KEPT, REPLACED, INSERTED, UNIQUE, OUTSIDE = (
    "shared link", "typo link", "paraphrase, outside the edits", "replace edit", "insert edit",
    "unique sentence", "outside every sentence",
)
LABEL_OF_EDIT = {EditOp.REPLACE: Label.REWRITE, EditOp.INSERT: Label.NEW}
REASON_OF_EDIT = {EditOp.REPLACE: REPLACED, EditOp.INSERT: INSERTED}
TRIGRAM = 3


@dataclass(frozen=True)
class Predicted:
    """A word's label against one take, why, and the link behind it (an index into the comparison's links)."""

    label: Label
    reason: str
    link: int | None = None

    def rank(self) -> tuple[Label, bool]:
        """Strength over the takes: the label first; on a tie a linked word beats a unique one, as it says more."""
        return self.label, self.link is not None


def newsdiff_labels(comparison: Comparison, words: tuple[Word, ...]) -> list[Predicted]:
    """The label of each word of the right side of `comparison` (the newspaper; the take is on the left).

    Shared or typo link: Verbatim. Paraphrase link: Rewrite inside a replace edit, New inside an insert
    edit, Verbatim elsewhere. Unique sentence (or no sentence at all): New. A word straddling edits takes
    the label covering most of its characters.
    """
    labels = []
    for word in words:
        index = sentence_at(comparison.right, word.start)
        if index is None:
            labels.append(Predicted(Label.NEW, OUTSIDE))
            continue
        link_index = comparison.link_of(Side.RIGHT, index)
        if link_index is None:
            labels.append(Predicted(Label.NEW, UNIQUE))
            continue
        link = comparison.links[link_index]
        if link.kind is not Kind.PARAPHRASE:
            labels.append(Predicted(Label.VERBATIM, SHARED if link.kind is Kind.SHARED else TYPO, link_index))
            continue
        labels.append(_inside_edits(link.edits, word, link_index))
    return labels


def sentence_at(document: Document, position: int) -> int | None:
    """The index of the sentence of `document` holding code point `position`, None between sentences."""
    sentences = document.sentences
    index = bisect.bisect_right([s.start for s in sentences], position) - 1
    return index if index >= 0 and position < sentences[index].end else None


def _inside_edits(edits: tuple[Edit, ...], word: Word, link_index: int) -> Predicted:
    """A paraphrase word's label from the right-side edits over it: the one covering most of its characters."""
    covered = {EditOp.REPLACE: 0, EditOp.INSERT: 0}
    for edit in edits:
        if edit.side is Side.RIGHT and edit.op in covered:
            covered[edit.op] += max(0, min(edit.end, word.end) - max(edit.start, word.start))
    outside = (word.end - word.start) - sum(covered.values())
    op = max(covered, key=lambda o: (covered[o], LABEL_OF_EDIT[o]))
    if covered[op] > outside:
        return Predicted(LABEL_OF_EDIT[op], REASON_OF_EDIT[op], link_index)
    return Predicted(Label.VERBATIM, KEPT, link_index)


def folded(words: tuple[Word, ...]) -> list[str]:
    """The words case-folded, as both baselines compare them."""
    return [w.text.casefold() for w in words]


def difflib_labels(take: list[str], paper: list[str]) -> list[Label]:
    """The word-level difflib diff (no junk heuristic): equal runs Verbatim, replaced runs Rewrite, inserted New."""
    labels = [Label.NEW] * len(paper)
    of_tag = {"equal": Label.VERBATIM, "replace": Label.REWRITE, "insert": Label.NEW}
    for tag, _, _, j1, j2 in SequenceMatcher(None, take, paper, autojunk=False).get_opcodes():
        if tag in of_tag:
            labels[j1:j2] = [of_tag[tag]] * (j2 - j1)
    return labels


def trigram_labels(take: list[str], paper: list[str]) -> list[Label]:
    """METER's word-trigram overlap: a newspaper word is Verbatim when one of the newspaper's word trigrams
    holding it also occurs in the take, else New (this measure knows no Rewrite)."""
    grams = {tuple(take[i : i + TRIGRAM]) for i in range(len(take) - TRIGRAM + 1)}
    labels = [Label.NEW] * len(paper)
    for i in range(len(paper) - TRIGRAM + 1):
        if tuple(paper[i : i + TRIGRAM]) in grams:
            labels[i : i + TRIGRAM] = [Label.VERBATIM] * TRIGRAM
    return labels


@dataclass
class Confusion:
    """Counts of (METER's label, predicted label) over words."""

    counts: dict[tuple[Label, Label], int] = field(default_factory=dict)

    def add(self, truth: Label, predicted: Label) -> None:
        """Count one word."""
        self.counts[(truth, predicted)] = self.counts.get((truth, predicted), 0) + 1

    def get(self, truth: Label, predicted: Label) -> int:
        """Words METER labels `truth` and the method `predicted`."""
        return self.counts.get((truth, predicted), 0)

    def truth(self, label: Label) -> int:
        """Words METER labels `label`."""
        return sum(self.get(label, p) for p in Label)

    def predicted(self, label: Label) -> int:
        """Words the method labels `label`."""
        return sum(self.get(t, label) for t in Label)

    def total(self) -> int:
        """All words counted."""
        return sum(self.counts.values())

    def precision(self, label: Label) -> float:
        """Share of the words predicted `label` that METER labels so (0 when none is predicted)."""
        n = self.predicted(label)
        return self.get(label, label) / n if n else 0.0

    def recall(self, label: Label) -> float:
        """Share of the words METER labels `label` that are predicted so (0 when METER has none)."""
        n = self.truth(label)
        return self.get(label, label) / n if n else 0.0

    def f1(self, label: Label) -> float:
        """The harmonic mean of precision and recall for `label`."""
        p, r = self.precision(label), self.recall(label)
        return 2 * p * r / (p + r) if p + r else 0.0

    def macro_f1(self, labels: tuple[Label, ...] = LABELS) -> float:
        """The mean F1 over `labels`."""
        return sum(self.f1(label) for label in labels) / len(labels)

    def accuracy(self) -> float:
        """Share of the words given METER's label."""
        total = self.total()
        return sum(self.get(label, label) for label in Label) / total if total else 0.0
