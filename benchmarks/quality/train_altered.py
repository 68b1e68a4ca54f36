"""Train the "altered" model on MRPC train and write newsdiff/resources/altered_model.json.

    /work/venv/bin/python benchmarks/quality/train_altered.py [--no-test]

Two logistic regressions: a lexicon over the words a pair leaves without a counterpart (which words, missing
on one side, change what a sentence says), and the decision over the pair features of
newsdiff/core/pairfeatures.py plus the lexicon's score. Choices (regularisation, threshold) are made by
cross-validation on the train file only; the test file is scored once at the end. scikit-learn is needed
here only (the `train` extra); the runtime reads plain numbers from the JSON file.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

import numpy as np
from sklearn.feature_extraction.text import CountVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import StratifiedKFold
from sklearn.preprocessing import StandardScaler

sys.path.insert(0, str(Path(__file__).resolve().parent))
import mrpc_data  # noqa: E402

from newsdiff.core.altered import LEXICON_FEATURE, MODEL_PATH  # noqa: E402
from newsdiff.core.pairfeatures import FEATURE_NAMES, pair_features  # noqa: E402

FOLDS = 5
DENSE_C = (0.03, 0.1, 0.3, 1.0)
LEXICON_C = (0.1, 0.3, 1.0)


def _documents(unmatched: tuple[frozenset[str], ...]) -> list[list[str]]:
    return [sorted(words) for words in unmatched]


def fit_lexicon(documents: list[list[str]], labels: np.ndarray, c: float) -> tuple[float, dict[str, float]]:
    """Intercept and per-word weights of a logistic regression on which words a pair leaves unmatched."""
    vectorizer = CountVectorizer(analyzer=lambda words: words, binary=True, min_df=2)
    matrix = vectorizer.fit_transform(documents)
    model = LogisticRegression(C=c, max_iter=5000).fit(matrix, labels)
    weights = {word: float(model.coef_[0, j]) for word, j in vectorizer.vocabulary_.items()}
    return float(model.intercept_[0]), weights


def lexicon_score(documents: list[list[str]], intercept: float, weights: dict[str, float]) -> np.ndarray:
    """The lexicon's log-odds of equivalence for each pair."""
    return np.array([intercept + sum(weights.get(w, 0.0) for w in doc) for doc in documents])


def cross_fitted_lexicon(documents: list[list[str]], labels: np.ndarray, c: float, seed: int) -> np.ndarray:
    """Lexicon scores where each pair is scored by a lexicon trained without it (no leak into the decision)."""
    scores = np.zeros(len(documents))
    for train, held in StratifiedKFold(FOLDS, shuffle=True, random_state=seed).split(documents, labels):
        intercept, weights = fit_lexicon([documents[i] for i in train], labels[train], c)
        scores[held] = lexicon_score([documents[i] for i in held], intercept, weights)
    return scores


def fit_decision(matrix: np.ndarray, labels: np.ndarray, c: float) -> tuple[StandardScaler, LogisticRegression]:
    scaler = StandardScaler().fit(matrix)
    return scaler, LogisticRegression(C=c, max_iter=5000).fit(scaler.transform(matrix), labels)


def out_of_fold(values: np.ndarray, documents: list[list[str]], labels: np.ndarray, dense_c: float,
                lexicon_c: float, seed: int) -> np.ndarray:
    """Probabilities of equivalence for every train pair from models that never saw it."""
    probabilities = np.zeros(len(labels))
    for train, held in StratifiedKFold(FOLDS, shuffle=True, random_state=seed).split(values, labels):
        train_docs = [documents[i] for i in train]
        lexicon_train = cross_fitted_lexicon(train_docs, labels[train], lexicon_c, seed + 100)
        intercept, weights = fit_lexicon(train_docs, labels[train], lexicon_c)
        lexicon_held = lexicon_score([documents[i] for i in held], intercept, weights)
        scaler, model = fit_decision(np.column_stack([values[train], lexicon_train]), labels[train], dense_c)
        held_matrix = scaler.transform(np.column_stack([values[held], lexicon_held]))
        probabilities[held] = model.predict_proba(held_matrix)[:, 1]
    return probabilities


def best_threshold(probabilities: np.ndarray, labels: np.ndarray) -> tuple[float, float]:
    """The probability cut with the best accuracy, and that accuracy (ties: nearest 0.5)."""
    candidates = np.round(np.arange(0.30, 0.701, 0.01), 2)
    accuracies = [float(((probabilities >= t) == labels).mean()) for t in candidates]
    best = max(range(len(candidates)), key=lambda k: (round(accuracies[k], 4), -abs(candidates[k] - 0.5)))
    return float(candidates[best]), accuracies[best]


def scores(predicted: np.ndarray, labels: np.ndarray) -> tuple[float, float]:
    """Accuracy and F1 of the positive (equivalent) class."""
    tp = float(np.sum(predicted & labels))
    precision = tp / max(predicted.sum(), 1)
    recall = tp / max(labels.sum(), 1)
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return float((predicted == labels).mean()), f1


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-test", action="store_true", help="do not score the test file")
    parser.add_argument("--output", type=Path, default=MODEL_PATH)
    args = parser.parse_args()
    folder = mrpc_data.data_dir()
    if not (folder / mrpc_data.TRAIN).exists():
        print(f"MRPC not found in {folder} (set NEWSDIFF_MRPC): nothing trained")
        return 0
    train = mrpc_data.load(mrpc_data.TRAIN, folder)
    labels = np.array([p.equivalent for p in train], dtype=bool)
    features = pair_features([p.left for p in train], [p.right for p in train])
    documents = _documents(features.unmatched)

    print(f"train pairs: {len(train)}; choosing by {FOLDS}-fold cross-validation (two shuffles)")
    results = {}
    for dense_c in DENSE_C:
        for lexicon_c in LEXICON_C:
            runs = [out_of_fold(features.values, documents, labels, dense_c, lexicon_c, seed) for seed in (0, 1)]
            accuracy = float(np.mean([((p >= 0.5) == labels).mean() for p in runs]))
            results[(dense_c, lexicon_c)] = (accuracy, runs)
            print(f"  C={dense_c:<5} lexicon C={lexicon_c:<4} accuracy {accuracy:.4f}")
    (dense_c, lexicon_c), (cv_accuracy, runs) = max(results.items(), key=lambda item: item[1][0])
    threshold, threshold_accuracy = best_threshold(np.concatenate(runs), np.concatenate([labels, labels]))
    print(f"chosen: C={dense_c}, lexicon C={lexicon_c}, threshold {threshold} "
          f"(cross-validated accuracy {threshold_accuracy:.4f})")

    lexicon_train = cross_fitted_lexicon(documents, labels, lexicon_c, seed=7)
    lexicon_intercept, lexicon_weights = fit_lexicon(documents, labels, lexicon_c)
    scaler, model = fit_decision(np.column_stack([features.values, lexicon_train]), labels, dense_c)
    document = {
        "about": "Probability that two sentences are equivalent in MRPC's sense; trained by "
                 "benchmarks/quality/train_altered.py on msr_paraphrase_train.txt only.",
        "features": [*FEATURE_NAMES, LEXICON_FEATURE],
        "mean": [round(float(v), 6) for v in scaler.mean_],
        "scale": [round(float(v), 6) for v in scaler.scale_],
        "coefficients": [round(float(v), 6) for v in model.coef_[0]],
        "intercept": round(float(model.intercept_[0]), 6),
        "threshold": threshold,
        "lexicon": {
            "intercept": round(lexicon_intercept, 6),
            "weights": {w: round(v, 5) for w, v in sorted(lexicon_weights.items()) if abs(v) >= 1e-4},
        },
        "cross_validated_accuracy": round(threshold_accuracy, 4),
    }
    args.output.write_text(json.dumps(document, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {args.output} ({args.output.stat().st_size // 1024} KiB)")

    if args.no_test:
        return 0
    from newsdiff.core import altered

    altered.reload()
    test = mrpc_data.load(mrpc_data.TEST, folder)
    test_labels = np.array([p.equivalent for p in test], dtype=bool)
    start = time.perf_counter()
    probabilities = altered.equivalence_probability([p.left for p in test], [p.right for p in test])
    elapsed = time.perf_counter() - start
    accuracy, f1 = scores(probabilities >= threshold, test_labels)
    print(f"test pairs: {len(test)}; accuracy {accuracy:.4f}, F1 {f1:.4f}; "
          f"{1000 * elapsed / len(test):.3f} ms a pair")
    return 0


if __name__ == "__main__":
    sys.exit(main())
