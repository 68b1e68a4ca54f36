"""Sentence alignment (1:1, 1:n, n:1 and out-of-order links) and the display rows of paragraphs."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

import numpy as np
from scipy.optimize import linear_sum_assignment

from newsdiff.core.model import Document, Row
from newsdiff.core.pair.similarity import Matrices, SentenceFeatures, passage_scores

# The scores below are Matrices.score, from 0 (nothing in common) to 1 (the same sentence): a lower one links
# more pairs, rightly or not. Unless said, a value was set when the aligner was first written and has not changed
# since; the METER and syndication benchmarks (benchmarks/quality/RESULTS.md) measure them together.

# A pair this strong is linked wherever it stands in the two texts, in order or not.
ANCHOR_SCORE = 0.6
# Between two anchored links, where order makes a link likely, a weaker pair is linked too (below ANCHOR_SCORE).
GAP_SCORE = 0.4
# A lone sentence on each side between two anchors is the likeliest pair of all (at most GAP_SCORE).
SANDWICH_SCORE = 0.38
# Once every anchored, gap and merged link is made, a pair this strong among the sentences still unlinked is
# linked wherever it stands, when the two share a content word rare on both sides (SentenceFeatures.rare_words):
# a loose rewrite set elsewhere in the copy, with no better counterpart left. It took METER's macro-F1 from 0.661
# to 0.675 when it came in; 0.40 gave 0.676 and 0.35 0.641, so 0.45 keeps a margin.
LOOSE_SCORE = 0.45
# Among pairs of near-equal score, the one sharing more content words wins the assignment: each shared content
# word, up to EVIDENCE_WORDS of them, adds EVIDENCE_BONUS to a pair's weight (0: the score alone decides; 0.2 at
# the most in all). It weighs only pairs that reached a threshold, and decides none.
EVIDENCE_BONUS = 0.01
EVIDENCE_WORDS = 20
# A sentence joins its neighbour's link when this share (0 to 1) of its content words beyond those the neighbour
# already carries is found in the counterpart, and MERGE_WORDS of them at least: the words both neighbours share
# say nothing of where the rest came from. A lower share or count merges more sentences into a link.
MERGE_CONTAINMENT = 0.6
MERGE_WORDS = 2
# A sentence next to a link whose words are reworded rather than copied joins it when the link read with it scores
# this much more than without it (Matrices.score of the joined passages, 0 to 1): what it adds is found on the
# other side, where an unrelated neighbour only dilutes the link; and when on its own it scores at least
# GAP_SCORE with the link's other side, as a link between anchors would. Higher takes fewer. On METER's
# development set 0.1 keeps macro-F1 at 0.676 where 0.05 gave 0.671 (without the GAP_SCORE floor: 0.673 and 0.667):
# each sentence joined lends the word diff more of the take, and METER calls the paper's new words beside it
# "New" where the diff now pairs them as rewritten.
JOIN_GAIN = 0.1
# A link grows by at most this many sentences on each side and each end this way (a sentence split in three or
# four, a quote and its attribution).
JOIN_ROUNDS = 3


@dataclass
class Group:
    """Sentences of each side linked together, before they are classified."""

    left: list[int]
    right: list[int]
    score: float


def _assign(score: np.ndarray, shared: np.ndarray, threshold: float) -> list[tuple[int, int]]:
    """The one-to-one pairs of maximal total score among those at or above `threshold`."""
    if score.size == 0:
        return []
    weights = np.where(score >= threshold, score + EVIDENCE_BONUS * np.minimum(shared, EVIDENCE_WORDS), 0.0)
    rows, cols = linear_sum_assignment(weights, maximize=True)
    return [(int(i), int(j)) for i, j in zip(rows, cols) if score[i, j] >= threshold]


def in_order_chain(pairs: Sequence[tuple[int, int]], weights: Sequence[float]) -> set[int]:
    """Positions of the longest chain of `pairs` increasing on both sides, of the largest total weight among the
    longest; each side's indices are distinct.

    The chain is a property of the pairs, not of which side is read first: of two links that cross, the weaker
    is the one out of order, whichever copy is on the left (the first longest chain found would depend on it).
    """
    # Weights in millionths, so that two chains of the same pairs weigh exactly the same in either direction.
    units = [round(w * 1_000_000) for w in weights]
    ranks = {j: r for r, j in enumerate(sorted({j for _, j in pairs}), start=1)}
    # A Fenwick tree over the right side's ranks: the best (length, weight, last position) ending below a rank.
    tree: list[tuple[int, int, int]] = [(0, 0, -1)] * (len(ranks) + 1)
    best_before = [-1] * len(pairs)
    best: tuple[int, int, int] = (0, 0, -1)
    for position in sorted(range(len(pairs)), key=lambda k: pairs[k][0]):
        rank = ranks[pairs[position][1]]
        below, r = (0, 0, -1), rank - 1
        while r > 0:
            below = max(below, tree[r])
            r -= r & -r
        best_before[position] = below[2]
        chain = (below[0] + 1, below[1] + units[position], position)
        best = max(best, chain)
        r = rank
        while r < len(tree):
            tree[r] = max(tree[r], chain)
            r += r & -r
    chosen: set[int] = set()
    position = best[2]
    while position >= 0:
        chosen.add(position)
        position = best_before[position]
    return chosen


def _fill_gaps(score: np.ndarray, shared: np.ndarray, pairs: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Weaker pairs found between consecutive in-order anchors."""
    pairs = sorted(pairs)
    in_order = in_order_chain(pairs, [float(score[i, j]) for i, j in pairs])
    anchors = [(-1, -1)] + [pairs[k] for k in sorted(in_order)] + [score.shape]
    linked_left = {i for i, _ in pairs}
    linked_right = {j for _, j in pairs}
    found = []
    for (i1, j1), (i2, j2) in zip(anchors, anchors[1:]):
        lefts = [i for i in range(i1 + 1, i2) if i not in linked_left]
        rights = [j for j in range(j1 + 1, j2) if j not in linked_right]
        if lefts and rights:
            cells = np.ix_(lefts, rights)
            threshold = SANDWICH_SCORE if len(lefts) == len(rights) == 1 else GAP_SCORE
            found += [(lefts[a], rights[b]) for a, b in _assign(score[cells], shared[cells], threshold)]
    return found


def _merge_neighbours(groups: list[Group], left: SentenceFeatures, right: SentenceFeatures) -> None:
    """Add unlinked sentences to a neighbour's group when their content comes from its counterpart.

    Only content that the group's own sentences of that side do not already carry counts, so that a
    headline repeating a phrase of its neighbour does not join it. Each side is weighed against the groups as
    they stood before either side joined them, so that neither side goes first.
    """
    joining = {side: _neighbours_joining(groups, side, left, right) for side in ("left", "right")}
    for side, joined in joining.items():
        for group, sentences in joined.items():
            getattr(groups[group], side).extend(sentences)
            getattr(groups[group], side).sort()


def _neighbours_joining(
    groups: list[Group], side: str, left: SentenceFeatures, right: SentenceFeatures
) -> dict[int, list[int]]:
    """The sentences of `side` that join each group (by its index) in _merge_neighbours."""
    own, other = (left, right) if side == "left" else (right, left)
    members = {k: list(getattr(g, side)) for k, g in enumerate(groups)}
    owner = {s: k for k, ss in members.items() for s in ss}
    joined: dict[int, list[int]] = {}
    for sentence in range(len(own.content)):
        words = own.content[sentence]
        if sentence in owner or not words:
            continue
        for neighbour in (sentence - 1, sentence + 1):
            k = owner.get(neighbour)
            if k is None:
                continue
            counterparts = groups[k].right if side == "left" else groups[k].left
            source = frozenset().union(*(other.content[c] for c in counterparts))
            carried = frozenset().union(*(own.content[s] for s in members[k]))
            novel = (words & source) - carried
            if len(novel) >= MERGE_WORDS and len(novel) >= MERGE_CONTAINMENT * len(words - carried):
                members[k].append(sentence)
                joined.setdefault(k, []).append(sentence)
                owner[sentence] = k
                break
    return joined


def _own_score(score: np.ndarray, side: str, sentence: int, group: Group) -> float:
    """The score of a sentence with the group's sentences of the other side, the best of them."""
    if side == "left":
        return float(score[sentence, group.right].max())
    return float(score[group.left, sentence].max())


def _with(group: Group, side: str, sentence: int) -> tuple[list[int], list[int]]:
    """The group's sentences of each side, with one more on `side`."""
    if side == "left":
        return sorted(group.left + [sentence]), group.right
    return group.left, sorted(group.right + [sentence])


def _join_neighbours(groups: list[Group], score: np.ndarray, left: SentenceFeatures, right: SentenceFeatures) -> None:
    """Add unlinked sentences next to a group when the group scores JOIN_GAIN more with them than without:
    the halves of a split or merged sentence whose words were reworded, which _merge_neighbours cannot see.

    Both sides are weighed in each round against the groups as the round found them; a sentence between two
    groups joins the one it adds more to.
    """
    for _ in range(JOIN_ROUNDS):
        owned = {side: {s for g in groups for s in getattr(g, side)} for side in ("left", "right")}
        sizes = {"left": len(left.content), "right": len(right.content)}
        candidates = [
            (side, k, s)
            for side in ("left", "right")
            for k, g in enumerate(groups)
            for s in (min(getattr(g, side)) - 1, max(getattr(g, side)) + 1)
            if 0 <= s < sizes[side] and s not in owned[side]
            and (left if side == "left" else right).content[s]
            and _own_score(score, side, s, g) >= GAP_SCORE
        ]
        if not candidates:
            return
        weighed = sorted({k for _, k, _ in candidates})
        passages = [(groups[k].left, groups[k].right) for k in weighed] + [
            _with(groups[k], side, s) for side, k, s in candidates
        ]
        scores = passage_scores(left, right, passages)
        before = dict(zip(weighed, scores[: len(weighed)].tolist()))
        best: dict[tuple[str, int], tuple[float, int, float]] = {}
        for (side, k, s), joined in zip(candidates, scores[len(weighed) :].tolist()):
            gain = joined - before[k]
            if gain >= JOIN_GAIN and gain > best.get((side, s), (0.0, -1, 0.0))[0]:
                best[(side, s)] = (gain, k, joined)
        if not best:
            return
        for (side, s), (_, k, joined) in best.items():
            members = getattr(groups[k], side)
            members.append(s)
            members.sort()
            groups[k].score = max(groups[k].score, joined)


def _link_leftovers(
    groups: list[Group], score: np.ndarray, shared: np.ndarray, left: SentenceFeatures, right: SentenceFeatures
) -> None:
    """Add the one-to-one pairs of at least LOOSE_SCORE among the sentences no group holds yet, when they share a
    word rare on both sides: with neither order nor a copied run to go by, a pair must share more than the
    story's names and themes to be reuse ("Putin", "Russian troops" recur in every other sentence)."""
    linked_left = {i for g in groups for i in g.left}
    linked_right = {j for g in groups for j in g.right}
    lefts = [i for i in range(score.shape[0]) if i not in linked_left]
    rights = [j for j in range(score.shape[1]) if j not in linked_right]
    if not (lefts and rights):
        return
    cells = np.ix_(lefts, rights)
    candidates = score[cells]  # a copy: np.ix_ indexing never gives a view
    loose = np.nonzero(candidates >= LOOSE_SCORE)
    if loose[0].size:
        rare = left.rare_words & right.rare_words
        for a, b in zip(*loose):
            if rare.isdisjoint(left.content[lefts[a]] & right.content[rights[b]]):
                candidates[a, b] = 0.0
    for a, b in _assign(candidates, shared[cells], LOOSE_SCORE):
        groups.append(Group([lefts[a]], [rights[b]], float(score[lefts[a], rights[b]])))


def align(m: Matrices, left: SentenceFeatures, right: SentenceFeatures) -> list[Group]:
    """The links between the sentences of two documents, ordered by their first left sentence."""
    score = m.score
    pairs = _assign(score, m.shared_content, ANCHOR_SCORE)
    pairs += _fill_gaps(score, m.shared_content, pairs)
    groups = [Group([i], [j], float(score[i, j])) for i, j in pairs]
    _merge_neighbours(groups, left, right)
    _join_neighbours(groups, score, left, right)
    _link_leftovers(groups, score, m.shared_content, left, right)
    groups.sort(key=lambda g: g.left[0])
    return groups


def moved_groups(groups: Sequence[Group]) -> set[int]:
    """Indices of the groups out of order relative to the others (off the longest in-order chain)."""
    chain = in_order_chain([(g.left[0], g.right[0]) for g in groups], [g.score for g in groups])
    return set(range(len(groups))) - chain


def display_rows(left: Document, right: Document, groups: Sequence[Group], moved: set[int]) -> list[Row]:
    """Rows of paragraphs: each in-order link ties its paragraphs into one row, the rest stand alone.

    Rows hold contiguous runs of paragraphs on each side, in order on both sides, and every paragraph
    is in exactly one row.
    """
    spans: list[list[int]] = []  # [left_lo, left_hi, right_lo, right_hi] per row being built
    for k, group in enumerate(groups):
        if k in moved:
            continue
        lp = sorted({left.sentences[s].paragraph for s in group.left})
        rp = sorted({right.sentences[s].paragraph for s in group.right})
        spans.append([lp[0], lp[-1], rp[0], rp[-1]])
    spans.sort()
    merged: list[list[int]] = []
    for span in spans:
        merged.append(span)
        # Overlapping runs on either side become one row, so rows stay in order on both sides.
        while len(merged) > 1 and (merged[-1][0] <= merged[-2][1] or merged[-1][2] <= merged[-2][3]):
            last = merged.pop()
            previous = merged[-1]
            previous[:] = [
                min(previous[0], last[0]),
                max(previous[1], last[1]),
                min(previous[2], last[2]),
                max(previous[3], last[3]),
            ]
    rows: list[Row] = []
    next_left = next_right = 0
    for left_lo, left_hi, right_lo, right_hi in merged:
        rows += [Row((p,), ()) for p in range(next_left, left_lo)]
        rows += [Row((), (p,)) for p in range(next_right, right_lo)]
        rows.append(Row(tuple(range(left_lo, left_hi + 1)), tuple(range(right_lo, right_hi + 1))))
        next_left, next_right = left_hi + 1, right_hi + 1
    rows += [Row((p,), ()) for p in range(next_left, len(left.paragraphs))]
    rows += [Row((), (p,)) for p in range(next_right, len(right.paragraphs))]
    return rows
