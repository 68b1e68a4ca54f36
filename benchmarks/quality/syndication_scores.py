"""How the engine's comparison of a case measures up to the case's truth.

Truth and engine meet at text offsets: each truth sentence takes the prediction of the engine sentence that
covers most of it, and an engine link stands for every truth sentence its sentences overlap.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from itertools import product

from syndication_cases import Case, TruthLink

from newsdiff.core.model import Comparison, Link, Sentence, Side

SIDES = ("left", "right")
KINDS = ("shared", "typo", "paraphrase", "unique")
MARKS = ("moved", "altered")


@dataclass
class Counts:
    """How many items the truth has, the engine predicts, and both agree on."""

    truth: int = 0
    predicted: int = 0
    correct: int = 0

    def add(self, other: Counts) -> None:
        """Add another tally to this one."""
        self.truth += other.truth
        self.predicted += other.predicted
        self.correct += other.correct

    def count(self, truth: bool, predicted: bool) -> None:
        """Count one item that the truth and the engine each do or do not hold."""
        self.truth += truth
        self.predicted += predicted
        self.correct += truth and predicted

    @property
    def precision(self) -> float | None:
        """Correct among the predicted; None if nothing was predicted."""
        return self.correct / self.predicted if self.predicted else None

    @property
    def recall(self) -> float | None:
        """Correct among the truth; None if the truth holds nothing."""
        return self.correct / self.truth if self.truth else None


@dataclass(frozen=True)
class Error:
    """One disagreement with the truth: its type, its case and lines showing truth, prediction and texts."""

    type: str
    case: str
    lines: tuple[str, ...]


@dataclass
class Score:
    """Tallies of one or many cases."""

    counts: dict[str, Counts] = field(default_factory=dict)
    # Per truth unit (a link, or a unique sentence) by its op: how many, how many fully right.
    units: Counter[str] = field(default_factory=Counter)
    right_units: Counter[str] = field(default_factory=Counter)
    # Truth sentences per side, and those that are exactly one engine sentence.
    sentences: Counter[str] = field(default_factory=Counter)
    clean: Counter[str] = field(default_factory=Counter)
    errors: list[Error] = field(default_factory=list)

    def tally(self, key: str) -> Counts:
        """The tally named `key`, new if need be."""
        return self.counts.setdefault(key, Counts())

    def add(self, other: Score) -> None:
        """Add another case's tallies to these."""
        for key, counts in other.counts.items():
            self.tally(key).add(counts)
        self.units.update(other.units)
        self.right_units.update(other.right_units)
        self.sentences.update(other.sentences)
        self.clean.update(other.clean)
        self.errors += other.errors


@dataclass(frozen=True)
class _Mapping:
    """Truth sentences of one side against the engine's: the engine sentence covering most of each truth
    sentence, the truth sentences each engine sentence overlaps, and which truth sentences match exactly."""

    best: tuple[int, ...]
    covers: tuple[tuple[int, ...], ...]
    exact: tuple[bool, ...]


def map_sentences(truth: tuple, engine: tuple[Sentence, ...]) -> _Mapping:
    """The mapping between truth sentences and engine sentences of one side, by their offsets."""
    best: list[int] = []
    covers: list[list[int]] = [[] for _ in engine]
    exact: list[bool] = []
    for t, sentence in enumerate(truth):
        overlaps = [(min(sentence.end, e.end) - max(sentence.start, e.start), k) for k, e in enumerate(engine)]
        overlaps = [(size, k) for size, k in overlaps if size > 0]
        for _, k in overlaps:
            covers[k].append(t)
        best.append(max(overlaps)[1])
        exact.append(any(engine[k].start == sentence.start and engine[k].end == sentence.end for _, k in overlaps))
    return _Mapping(tuple(best), tuple(tuple(c) for c in covers), tuple(exact))


@dataclass(frozen=True)
class _Predicted:
    """An engine link in truth sentence numbers."""

    left: tuple[int, ...]
    right: tuple[int, ...]
    link: Link

    def sentences(self, side: str) -> tuple[int, ...]:
        return self.left if side == "left" else self.right

    def pairs(self) -> set[tuple[int, int]]:
        return set(product(self.left, self.right))


class _CaseScorer:
    """The score of one case."""

    def __init__(self, case: Case, comparison: Comparison) -> None:
        self.case = case
        self.comparison = comparison
        self.maps = {
            side: map_sentences(case.sentences(side), comparison.document(Side(side)).sentences) for side in SIDES
        }
        self.predicted = [
            _Predicted(self._truth_of("left", link.left), self._truth_of("right", link.right), link)
            for link in comparison.links
        ]
        self.score = Score()

    def _truth_of(self, side: str, engine: tuple[int, ...]) -> tuple[int, ...]:
        covers = self.maps[side].covers
        return tuple(sorted({t for e in engine for t in covers[e]}))

    def predicted_link(self, side: str, t: int) -> Link | None:
        """The engine link of the engine sentence covering most of truth sentence `t`, None if unique."""
        index = self.comparison.link_of(Side(side), self.maps[side].best[t])
        return None if index is None else self.comparison.links[index]

    def predicted_kind(self, side: str, t: int) -> str:
        """The kind the engine gives truth sentence `t`."""
        link = self.predicted_link(side, t)
        return "unique" if link is None else link.kind.value

    def run(self) -> Score:
        """Every tally and error of the case."""
        self._sentences()
        self._links()
        self._misspellings()
        return self.score

    def _sentences(self) -> None:
        case, score = self.case, self.score
        for side in SIDES:
            for t in range(len(case.sentences(side))):
                truth, predicted = case.kind_of(side, t), self.predicted_kind(side, t)
                score.sentences[side] += 1
                score.clean[side] += self.maps[side].exact[t]
                for kind in KINDS:
                    score.tally(kind).count(truth == kind, predicted == kind)
                    score.tally(f"{kind} {side}").count(truth == kind, predicted == kind)
                truth_link, predicted_link = case.link_of(side, t), self.predicted_link(side, t)
                for mark in MARKS:
                    score.tally(mark).count(
                        bool(truth_link and getattr(truth_link, mark)), bool(predicted_link and getattr(predicted_link, mark))
                    )
                if truth_link is None:
                    self._unique_unit(side, t, predicted)

    def _unique_unit(self, side: str, t: int, predicted: str) -> None:
        op = self.case.sentences(side)[t].op
        self.score.units[op] += 1
        if predicted == "unique":
            self.score.right_units[op] += 1
            return
        involved = [p for p in self.predicted if t in p.sentences(side)]
        self._error(f"{op}: unique taken for {predicted}", f"truth      {side} {t} unique", [(side, t)], involved)

    def _links(self) -> None:
        truth_pairs = {pair for link in self.case.links for pair in product(link.left, link.right)}
        predicted_pairs = {pair for p in self.predicted for pair in p.pairs()}
        self.score.tally("links").truth += len(truth_pairs)
        self.score.tally("links").predicted += len(predicted_pairs)
        self.score.tally("links").correct += len(truth_pairs & predicted_pairs)
        for link in self.case.links:
            self._link_unit(link, predicted_pairs)

    def _link_unit(self, link: TruthLink, predicted_pairs: set[tuple[int, int]]) -> None:
        members = [(side, t) for side in SIDES for t in link.sentences(side)]
        expected = set(product(link.left, link.right))
        found = {(a, b) for a, b in predicted_pairs if a in link.left or b in link.right}
        kinds = sorted({self.predicted_kind(side, t) for side, t in members})
        marks = {
            mark: sorted({bool(p and getattr(p, mark)) for p in (self.predicted_link(s, t) for s, t in members)})
            for mark in MARKS
        }
        op = link.op
        if not found:
            problem = "not linked"
        elif found != expected:
            problem = "linked in part" if found < expected else "linked to a wrong sentence"
        elif kinds != [link.kind]:
            problem = f"{link.kind} taken for {'/'.join(kinds)}"
        else:
            problem = ""
            for mark in MARKS:
                if marks[mark] != [getattr(link, mark)]:
                    problem = f"{mark} mark {'missed' if getattr(link, mark) else 'wrongly set'}"
                    break
        self.score.units[op] += 1
        if not problem:
            self.score.right_units[op] += 1
            return
        involved = [p for p in self.predicted if set(p.left) & set(link.left) or set(p.right) & set(link.right)]
        flags = "".join(f", {m}" for m in MARKS if getattr(link, m))
        truth = f"truth      left {_numbers(link.left)} ↔ right {_numbers(link.right)} ({link.kind}{flags})"
        self._error(f"{op}: {problem}", truth, members, involved)

    def _error(self, type_: str, truth: str, members: list[tuple[str, int]], involved: list[_Predicted]) -> None:
        """Record an error: the truth unit of `members`, the engine links `involved`, and every sentence text."""
        lines = [truth]
        if not involved:
            lines.append("predicted  nothing linked")
        for p in involved:
            flags = "".join(f", {m}" for m in MARKS if getattr(p.link, m))
            lines.append(
                f"predicted  left {_numbers(p.left)} ↔ right {_numbers(p.right)} "
                f"({p.link.kind.value}{flags}, similarity {p.link.similarity:.2f})"
            )
        shown = set(members) | {(side, t) for p in involved for side in SIDES for t in p.sentences(side)}
        for side, t in sorted(shown, key=lambda st: (SIDES.index(st[0]), st[1])):
            lines.append(f"  {side:5} {t:3} [{self.case.sentences(side)[t].op}] {self.case.sentence_text(side, t)}")
        self.score.errors.append(Error(type_, self.case.name, tuple(lines)))

    def _misspellings(self) -> None:
        tally = self.score.tally("misspelling")
        truth = [m for m in self.case.misspellings if m.counted]
        neutral = [m for m in self.case.misspellings if not m.counted]
        found: set[int] = set()
        for mark in self.comparison.misspellings:
            hits = [k for k, m in enumerate(truth) if mark.side is Side.RIGHT and m.start < mark.end and mark.start < m.end]
            if hits:
                found.update(hits)
                tally.predicted += 1
            elif not any(mark.side is Side.RIGHT and m.start < mark.end and mark.start < m.end for m in neutral):
                tally.predicted += 1
                self._spelling_error("misspelling: marked where there is none", mark.side.value, mark.start, mark.word)
        tally.truth += len(truth)
        tally.correct += len(found)
        for k, m in enumerate(truth):
            if k not in found:
                self._spelling_error("misspelling: missed", "right", m.start, m.word)

    def _spelling_error(self, type_: str, side: str, offset: int, word: str) -> None:
        t = next(k for k, s in enumerate(self.case.sentences(side)) if s.start <= offset < s.end)
        lines = (f"word       {word!r} ({side} {t})", f"  {side:5} {t:3} {self.case.sentence_text(side, t)}")
        self.score.errors.append(Error(type_, self.case.name, lines))


def _numbers(indices: tuple[int, ...]) -> str:
    return "+".join(str(i) for i in indices) or "-"


def score_case(case: Case, comparison: Comparison) -> Score:
    """The tallies and errors of the engine's comparison of one case against its truth."""
    return _CaseScorer(case, comparison).run()
