"""The "altered" mark: whether two linked sentences still say the same thing.

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

from newsdiff.core.pair.features import FEATURE_NAMES, pair_features
from newsdiff.core.places import resource

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
