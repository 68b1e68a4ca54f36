"""The stories of a folder: its copies grouped so that one group is one story, not one topic.

Two copies are one story when one derives from the other (or both from one text) over most of the shorter
one; several stories on one topic (an agency's story and its follow-up, which reuses a few of its paragraphs)
stay apart. Pair similarity alone cannot tell them apart (measured on the real copies of the development
data and METER: a newspaper's loose rewrite of a wire story shares 8-15% of its skip-gram shingles with the
other copies, two agency stories on one summit up to 14%), so the groups decide: average linkage over the
similarity of the scored pairs, where two groups are joined only when their pairs are, on average,
similar enough (SAME_STORY) and the bridge between them is not much thinner than the groups themselves
(DENSITY). Two dense groups with a thin bridge (two stories, a few shared paragraphs) stay apart; a lone
loose rewrite, or a trimmed copy, joins the story it resembles most.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from scipy.cluster.hierarchy import linkage
from scipy.spatial.distance import squareform

# The least average similarity (shingle cosine, see overlap.cosines) between two groups of copies joined into
# one story; lower joins more. Measured: the least similar real copy of a story (a newspaper's rewrite of a
# wire story) scored 0.08-0.10 with the others; unrelated stories, real or generated, at most 0.04 once
# furniture is left out. 0.065 lies between.
SAME_STORY = 0.065
# Two groups of at least two copies each are joined only when their average similarity is at least this
# share (0 to 1) of the average similarity within the less cohesive of them; higher keeps more groups apart.
# Measured on the development data mixed with METER and the seeds: copies of one agency story average
# 0.35-0.6 among themselves and 0.09-0.14 with another story on the same summit (a share of 0.2-0.35), while
# the sub-groups of one story (a wire's versions, the newspapers' rewrites) join at shares above 0.6.
DENSITY = 0.5


def story_groups(count: int, pairs: Sequence[tuple[int, int]], scores: Sequence[float]) -> list[int]:
    """The story of each of `count` copies, numbered by first appearance, from the similarity of the scored
    `pairs` (pairs not scored count as 0)."""
    if count < 2:
        return [0] * count
    similarity = np.zeros((count, count))
    for (a, b), score in zip(pairs, scores):
        similarity[a, b] = similarity[b, a] = score
    np.fill_diagonal(similarity, 1.0)
    tree = linkage(squareform(1.0 - similarity, checks=False), method="average")
    # Per node of the tree (leaves first, then merges in order): its copies, and the sum of the similarity
    # of the pairs within it (average linkage joins at 1 - the mean similarity of the pairs across).
    sizes = [1] * count
    within = [0.0] * count
    accepted = [True] * count
    for left, right, distance, size in tree:
        left, right = int(left), int(right)
        across = 1.0 - float(distance)
        pairs_across = sizes[left] * sizes[right]
        cohesions = [within[n] / (sizes[n] * (sizes[n] - 1) / 2) for n in (left, right) if sizes[n] > 1]
        joined = (
            accepted[left]
            and accepted[right]
            and across >= SAME_STORY
            and (len(cohesions) < 2 or across >= DENSITY * min(cohesions))
        )
        sizes.append(int(size))
        within.append(within[left] + within[right] + across * pairs_across)
        accepted.append(joined)
    # The stories are the highest accepted nodes: walk down from the root through refused merges.
    story = [0] * count
    stack, roots = [len(sizes) - 1], []
    while stack:
        node = stack.pop()
        if accepted[node]:
            roots.append(node)
        else:
            left, right = (int(x) for x in tree[node - count, :2])
            stack.extend((right, left))
    for number, root in enumerate(roots):
        for leaf in _leaves(tree, count, root):
            story[leaf] = number
    numbers: dict[int, int] = {}
    return [numbers.setdefault(s, len(numbers)) for s in story]


def _leaves(tree: np.ndarray, count: int, node: int) -> list[int]:
    """The copies under `node` of the linkage tree."""
    found, stack = [], [node]
    while stack:
        node = stack.pop()
        if node < count:
            found.append(node)
        else:
            stack.extend(int(x) for x in tree[node - count, :2])
    return found
