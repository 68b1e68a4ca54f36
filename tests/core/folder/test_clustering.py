"""Stories, not topics: the groups story_groups makes of scored pairs."""

from __future__ import annotations

import itertools

from newsdiff.core.folder.clustering import SAME_STORY, story_groups


def _scored(groups: list[list[int]], within: float, bridges: dict[tuple[int, int], float]) -> tuple[list, list]:
    pairs = [pair for group in groups for pair in itertools.combinations(group, 2)]
    scores = [within] * len(pairs)
    for pair, score in bridges.items():
        pairs.append(pair)
        scores.append(score)
    return pairs, scores


def test_two_dense_groups_joined_by_a_thin_bridge_stay_apart() -> None:
    # Two stories of four copies each; two of their copies share a few paragraphs (an agency's follow-up).
    pairs, scores = _scored([[0, 1, 2, 3], [4, 5, 6, 7]], 0.5, {(3, 4): 0.3, (2, 5): 0.2})
    # Each bridge alone would join them under any threshold on pairs that keeps the rewrite below.
    assert min(0.3, 0.2) > SAME_STORY
    assert story_groups(8, pairs, scores) == [0, 0, 0, 0, 1, 1, 1, 1]


def test_a_loose_rewrite_and_a_trimmed_copy_join_their_story() -> None:
    # 0-3: one wire story; 4: a newspaper's loose rewrite (0.09 with each copy); 5: a copy trimmed to a fifth.
    pairs, scores = _scored([[0, 1, 2, 3]], 0.6, {(0, 4): 0.09, (1, 4): 0.1, (2, 4): 0.08, (3, 4): 0.09})
    pairs += [(m, 5) for m in range(4)]
    scores += [0.4] * 4
    assert story_groups(6, pairs, scores) == [0] * 6


def test_unrelated_copies_are_stories_of_their_own() -> None:
    pairs, scores = _scored([[0, 1]], 0.5, {(1, 2): 0.03})
    assert story_groups(4, pairs, scores) == [0, 0, 1, 2]
    assert story_groups(1, [], []) == [0]
    assert story_groups(0, [], []) == []
