"""The "altered" mark: whether two linked sentences still say the same thing.

A claim both sides make differs: a figure, date, name, negation or direction (the rules of facts.py), or a
reworded claim whose meaning changed (the model below). Words only one side states, a clause cut or a detail
added, are no such change: their cut and added words show them, and they alone never make a pair altered.

A model trained on the Microsoft Research Paraphrase Corpus (MRPC), whose annotators called two sentences
equivalent only when they mean the same, and on MRPC sentences with one number, negation or name changed:
a changed fact or claim makes a pair altered, a reworded one does not. The trained numbers ship in
resources/altered_model.json (see benchmarks/quality/train_altered.py); only numpy runs here.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from typing import Sequence

import numpy as np

from newsdiff.core.model import Alteration
from newsdiff.core.pair.changes import Change
from newsdiff.core.pair.facts import Passage, changed_facts, figure_counts
from newsdiff.core.pair.features import FEATURE_NAMES, counterparts, pair_features
from newsdiff.core.places import resource
from newsdiff.core.text.lexicon import GOVERNING_NEGATIONS, STOPWORDS, is_negation

MODEL_PATH = resource("altered_model.json")
# The lexicon's score (log-odds from the words a pair leaves unmatched) enters the decision as one more feature.
LEXICON_FEATURE = "lexicon"


@dataclass(frozen=True)
class Layer:
    """Weights (inputs x outputs) and biases of one fully connected layer."""

    weights: np.ndarray
    bias: np.ndarray


@dataclass(frozen=True)
class Member:
    """One scorer of the ensemble: layers with rectified outputs between them and a logistic output last
    (a single layer is a logistic regression)."""

    layers: tuple[Layer, ...]
    weight: float  # in the ensemble's average

    def probability(self, matrix: np.ndarray) -> np.ndarray:
        values = matrix
        for layer in self.layers[:-1]:
            values = np.maximum(values @ layer.weights + layer.bias, 0.0)
        last = self.layers[-1]
        return 1.0 / (1.0 + np.exp(-(values @ last.weights + last.bias)[:, 0]))


@dataclass(frozen=True)
class Model:
    """Scorers over standardised pair features, averaged, with their lexicon and decision threshold."""

    mean: np.ndarray
    scale: np.ndarray
    members: tuple[Member, ...]
    threshold: float
    lexicon_intercept: float
    lexicon: dict[str, float]


@lru_cache(maxsize=1)
def model() -> Model:
    """The trained model, read once per process."""
    data = json.loads(MODEL_PATH.read_text(encoding="utf-8"))
    if data["features"] != [*FEATURE_NAMES, LEXICON_FEATURE]:
        raise RuntimeError(f"{MODEL_PATH} holds other features; retrain with benchmarks/quality/train_altered.py")
    members = tuple(
        Member(tuple(Layer(np.array(layer["weights"], ndmin=2), np.array(layer["bias"], ndmin=1))
                     for layer in member["layers"]), float(member["weight"]))
        for member in data["members"]
    )
    return Model(
        mean=np.array(data["mean"]),
        scale=np.array(data["scale"]),
        members=members,
        threshold=float(data["threshold"]),
        lexicon_intercept=float(data["lexicon"]["intercept"]),
        lexicon=dict(data["lexicon"]["weights"]),
    )


def reload() -> None:
    """Forget the loaded model, so the next call reads the file again (after retraining)."""
    model.cache_clear()


def equivalence_probability(
    left: Sequence[str], right: Sequence[str], cosines: Sequence[float] | None = None
) -> np.ndarray:
    """For each pair (left[i], right[i]), the probability that both say the same thing.

    `cosines`, if given, are the pairs' sentence-embedding cosines (as the aligner already has them).
    """
    m = model()
    features = pair_features(left, right, cosines)
    lexicon = np.array([m.lexicon_intercept + sum(m.lexicon.get(w, 0.0) for w in words)
                        for words in features.unmatched])
    if not len(lexicon):
        return np.zeros(0)
    matrix = (np.column_stack([features.values, lexicon]) - m.mean) / m.scale
    return np.average([member.probability(matrix) for member in m.members], axis=0,
                      weights=[member.weight for member in m.members])


def is_altered(left: Sequence[str], right: Sequence[str], cosines: Sequence[float] | None = None) -> list[bool]:
    """For each pair (left[i], right[i]), whether it no longer says the same thing (MRPC's strict sense)."""
    return [bool(p < model().threshold) for p in equivalence_probability(left, right, cosines)]


# A run with words on one side only is a phrase moved within the link, not cut or added, when the other side
# holds at least 1 / MOVED_SHARE of its content words elsewhere ("On Thursday, Putin said" / "Putin said
# Thursday"). Set to half when the rule was written; larger takes more runs for moved ones.
MOVED_SHARE = 2


@dataclass(frozen=True)
class Reworded:
    """A paraphrase link as the altered mark reads it: its reworded runs (slips apart) and its two sides."""

    changes: Sequence[Change]
    left: Passage
    right: Passage


def link_alterations(links: Sequence[Reworded]) -> list[tuple[Alteration, ...]]:
    """For each reworded link, why it no longer says the same thing, or nothing where it does: a changed fact
    that a rule finds in what both sides state, else the altered model's verdict on what both sides state.

    Words only one side states (a clause cut, a detail or an attribution added) are left out of both: the
    model learnt from MRPC's annotators, who call more information "not equivalent", which is no changed claim.
    So a link whose one side only cuts or adds words is altered only where a rule finds a changed fact in the
    words both keep, and a reworded link only where the model finds it altered both whole and without its cut
    and added words (whole, it reads the sentences it learnt from; without them, what both sides state). The
    model is asked only where a run of what both state puts content words in the place of others (see
    _replaces_content): elsewhere the rewording only adds words beside those the other side states."""
    judged = [what_both_state(link) for link in links]
    asked = [k for k, link in enumerate(judged)
             if any(map(_replaces_content, link.changes))]
    trimmed = [k for k in asked if judged[k] is not links[k]]
    whole = _altered_both_ways([links[k].left.text for k in asked], [links[k].right.text for k in asked])
    verdicts = dict(zip(asked, whole))
    for k, verdict in zip(trimmed, _altered_both_ways([_text(judged[k].left) for k in trimmed],
                                                      [_text(judged[k].right) for k in trimmed])):
        verdicts[k] = verdicts[k] and verdict
    found = []
    for k, link in enumerate(judged):
        facts = changed_facts(link.changes, link.left, link.right)
        found.append(facts or ((Alteration.REWORDED,) if verdicts.get(k) else ()))
    return found


def _altered_both_ways(left: Sequence[str], right: Sequence[str]) -> list[bool]:
    """The model's verdict on each pair read both ways round: it reads a pair in order, so a pair is altered only
    when both readings find a changed claim, and the mark is the pair's whichever copy is on the left."""
    both = is_altered([*left, *right], [*right, *left])
    return [forth and back for forth, back in zip(both, both[len(left) :])]


def what_both_state(link: Reworded) -> Reworded:
    """The link less the words that only one side states: its runs that only cut or only add words ("... to be
    hacked" / "... to be hacked by Russians trying to help elect him"), each side's passage without them."""
    one_sided = [_one_side_only(change, link.left.words, link.right.words) for change in link.changes]
    if not any(one_sided):
        return link
    dropped = [change for change, drop in zip(link.changes, one_sided) if drop]
    kept = [change for change, drop in zip(link.changes, one_sided) if not drop]
    return Reworded(
        kept,
        _without(link.left, {t.start for change in dropped for t in change.left}),
        _without(link.right, {t.start for change in dropped for t in change.right}),
    )


def _replaces_content(change: Change) -> bool:
    """Whether a reworded run puts content words of one meaning in the place of others, or negates: each side of
    it holds a content word that the other side of the run holds in no inflection. A run whose one side only
    holds stop words or words that its other side holds too ("said" / "added in remarks broadcast ...", "CBS News"
    / "CBS") rewords nothing: the other side only adds words, which is no changed claim. The other side of the run,
    not of the whole link: "Alaska judge" / "Westpac judge" puts one name in the place of another even where the
    sentence names Alaska again."""
    left = [t.folded for t in change.left if t.is_word]
    right = [t.folded for t in change.right if t.is_word]
    if any(map(_negates, left + right)):
        return True
    if not left or not right or left == right:
        return False
    return _unstated(left, right) and _unstated(right, left)


def _unstated(run: Sequence[str], other: Sequence[str]) -> bool:
    """Whether one side of a run holds a content word with no counterpart on its other side."""
    content = [w for w in run if w not in STOPWORDS]
    return not all(counterparts(content, other))


def cuts_or_adds(link: Reworded) -> bool:
    """Whether one side of the link only cuts or adds words somewhere (see what_both_state)."""
    return what_both_state(link) is not link


def _one_side_only(change: Change, left_words: Sequence[str], right_words: Sequence[str]) -> bool:
    """Whether a reworded run has words on one side only (a cut or an addition) that the other side does not
    state elsewhere. A phrase moved within the link (most of its content words on the other side too) is stated
    on both sides; a negation added or cut on its own, with stop words at most, turns what both state into its
    contrary ("will cut taxes" / "will not cut taxes"), whereas a clause cut with a negation of its own ("and the
    ruling does not make that clear") is only cut."""
    left = [t.folded for t in change.left if t.is_word]
    right = [t.folded for t in change.right if t.is_word]
    if left and right:
        return False
    content = [w for w in left + right if w not in STOPWORDS and not _negates(w)]
    if not content:
        # Stop words alone: a negation among them turns what both sides state ("did not") into its contrary.
        return not any(map(_negates, left + right))
    other = set(right_words if left else left_words)
    return sum(w in other for w in content) * MOVED_SHARE < len(content)


def _negates(word: str) -> bool:
    """Whether a case-folded word negates, an apostrophe lost on the way too ("dont")."""
    return is_negation(word) or word in GOVERNING_NEGATIONS


def _without(passage: Passage, cut: set[int]) -> Passage:
    """The passage less its tokens that start at the offsets `cut` (its text kept whole: see _text)."""
    kept = [t for t in passage.tokens if t.start not in cut]
    words = [t.folded for t in kept if t.is_word]
    return Passage(words, figure_counts(words), passage.copy_words, passage.plain_capitals, passage.text, kept)


def _text(passage: Passage) -> str:
    """The passage's tokens as text, a space between two tokens where its copy has a gap between them."""
    parts: list[str] = []
    for previous, token in zip((None, *passage.tokens), passage.tokens):
        if previous is not None and token.start > previous.end:
            parts.append(" ")
        parts.append(token.text)
    return "".join(parts)
