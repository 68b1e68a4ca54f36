"""The edits inside a link: a paraphrase's reworded, inserted and deleted words, less the words reused from the
other side (Reused), and the changed characters of a typo or a slip."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

from newsdiff.core.model import Document, Edit, EditOp, Side
from newsdiff.core.pair.changes import DELETE, EQUAL, INSERT, Change, diff_runs
from newsdiff.core.text.figures import is_number
from newsdiff.core.text.lexicon import STOPWORDS, is_negation
from newsdiff.core.text.normalize import Token, typographic


def runs_of(words: Sequence[str], length: int) -> list[tuple[str, ...]]:
    """Every run of `length` consecutive words, in order (the k-th starts at words[k])."""
    return [tuple(words[k : k + length]) for k in range(len(words) - length + 1)]


# A run of this many words that the other copy has anywhere was copied from it, whatever the words (shorter: more
# words unmarked as copied, rightly or not). It took METER's macro-F1 from 0.675 to 0.679 when it came in (runs
# of 3 words: 0.673, of 5: 0.678).
COPIED_RUN = 4
# A run of three words or of two, a content word among them, that the linked sentences of the other side hold too
# was moved within the link: its figures as well, since they kept their words around them ("on October 1"), and its
# stop words ("officials said" at the end of one sentence and at the start of the other). Three words reach
# stop words two cannot ("will be guaranteed": "will be" is stop words only). Lengths of 2 or more; adding 2 to
# 3 changed 49 of the 1274 edits of the 20 seed pairs (58 fewer words marked), METER's macro-F1 0.675 -> 0.676.
MOVED_RUNS = (3, 2)


@dataclass(frozen=True)
class Reused:
    """What the other side of a link offers for reuse, case-folded: the content words and the runs of MOVED_RUNS
    words of its linked sentences; anywhere in its copy, the pairs of adjacent content words and the runs of
    COPIED_RUN words (a phrase taken from another sentence)."""

    words: frozenset[str] = frozenset()
    pairs: frozenset[tuple[str, str]] = frozenset()
    runs: frozenset[tuple[str, ...]] = frozenset()
    moved: frozenset[tuple[str, ...]] = frozenset()


def _unreused_runs(
    words: Sequence[Token], reused: Reused, echoed: frozenset[str] = frozenset()
) -> list[tuple[int, int]]:
    """The spans of the runs of `words` left once the reused words are taken out. Numbers are taken out only
    inside a phrase moved within the link: a changed figure must stay marked even when the other copy has it
    elsewhere. A run left with nothing but stop words that the other side of the change also has (`echoed`:
    "the" between a moved word and a reworded one) is no edit; a negation always is."""
    folded = [w.folded for w in words]
    taken = [w in reused.words for w in folded]
    for k, pair in enumerate(zip(folded, folded[1:])):
        if pair in reused.pairs:
            taken[k] = taken[k + 1] = True
    for k, run in enumerate(runs_of(folded, COPIED_RUN)):
        if run in reused.runs:
            taken[k : k + COPIED_RUN] = [True] * COPIED_RUN
    moved = [False] * len(folded)
    for length in MOVED_RUNS:
        for k, run in enumerate(runs_of(folded, length)):
            if run in reused.moved:
                taken[k : k + length] = moved[k : k + length] = [True] * length
    runs: list[list[Token]] = [[]]
    for word, text, is_taken, is_moved in zip(words, folded, taken, moved):
        if is_taken and (is_moved or not is_number(text)):
            if runs[-1]:
                runs.append([])
        else:
            runs[-1].append(word)
    return [(run[0].start, run[-1].end) for run in runs if run and not _only_echoes(run, echoed)]


def _only_echoes(run: Sequence[Token], echoed: frozenset[str]) -> bool:
    """Whether every word of the run is a stop word in `echoed`, and none a negation."""
    return all(t.folded in echoed and t.folded in STOPWORDS and not is_negation(t.folded) for t in run)


def word_edits(
    changes: Sequence[Change], *, left_reused: Reused = Reused(), right_reused: Reused = Reused()
) -> list[Edit]:
    """Edits of a paraphrase: reworded runs (replace), words only on the right (insert) or only on the left
    (delete). Runs of punctuation alone are not edits.

    A changed word the other side offers for reuse (`left_reused` for the left side's words, `right_reused`
    for the right's) was moved within the sentence or taken from another sentence of the other copy, not
    reworded: it is left out of the edits. When one side of a reworded run keeps no word, the other side's
    words are only there (insert or delete).
    """
    edits: list[Edit] = []
    for change in changes:
        left_words = [t for t in change.left if t.is_word]
        right_words = [t for t in change.right if t.is_word]
        lefts = _unreused_runs(left_words, left_reused, frozenset(t.folded for t in right_words))
        rights = _unreused_runs(right_words, right_reused, frozenset(t.folded for t in left_words))
        op = EditOp.REPLACE if lefts and rights else EditOp.DELETE if lefts else EditOp.INSERT
        edits += [Edit(Side.LEFT, start, end, op) for start, end in lefts]
        edits += [Edit(Side.RIGHT, start, end, op) for start, end in rights]
    return edits


def _span(items: Sequence[Token]) -> tuple[int, int]:
    return items[0].start, items[-1].end


def character_edits(left: Document, right: Document, changes: Sequence[Change]) -> list[Edit]:
    """Edits of a typo link: the characters that differ inside each changed run."""
    edits: list[Edit] = []
    for change in changes:
        if not change.left or not change.right:
            continue
        left_start, left_end = _span(change.left)
        right_start, right_end = _span(change.right)
        a = typographic(left.text[left_start:left_end])
        b = typographic(right.text[right_start:right_end])
        i = j = 0
        pending: list[tuple[str, int, int]] = []
        for op, length in diff_runs(a, b) + [(EQUAL, 0)]:
            if op == EQUAL:
                edits += _character_run(pending, left_start, right_start)
                pending = []
                i += length
                j += length
            elif op == DELETE:
                pending.append((DELETE, i, i + length))
                i += length
            else:
                pending.append((INSERT, j, j + length))
                j += length
    return edits


def _character_run(pending: list[tuple[str, int, int]], left_start: int, right_start: int) -> list[Edit]:
    deleted = [(a, b) for op, a, b in pending if op == DELETE]
    inserted = [(a, b) for op, a, b in pending if op == INSERT]
    if deleted and inserted:
        return [
            Edit(Side.LEFT, left_start + deleted[0][0], left_start + deleted[-1][1], EditOp.REPLACE, True),
            Edit(Side.RIGHT, right_start + inserted[0][0], right_start + inserted[-1][1], EditOp.REPLACE, True),
        ]
    if deleted:
        return [Edit(Side.LEFT, left_start + deleted[0][0], left_start + deleted[-1][1], EditOp.DELETE, True)]
    if inserted:
        return [Edit(Side.RIGHT, right_start + inserted[0][0], right_start + inserted[-1][1], EditOp.INSERT, True)]
    return []
