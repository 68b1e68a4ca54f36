"""MRPC through the engine: does `compare` link an equivalent pair and leave it unmarked, and only those?

    /work/venv/bin/python benchmarks/quality/mrpc.py [--file test|train]

Each MRPC pair becomes one paragraph of a left and a right document, in the same order; both documents go
through `newsdiff.core.pair.compare.compare`. A pair counts as judged equivalent when a link joins its two
paragraphs and no such link carries the altered mark; anything else (unlinked, linked elsewhere, altered)
counts as judged not equivalent. Reports accuracy and F1 (of the equivalent class) against MRPC's labels,
overall and on the reworded pairs only, the same for the altered model alone on the pairs, and the model's time
per pair on one core. A pair is reworded when neither side only cuts or adds words relative to the other, as the
engine's own diff reads it (altered.cuts_or_adds): MRPC's annotators call a pair with extra information "not
equivalent", which the user guide does not call altered, so MRPC guards the altered mark on reworded pairs.
The data folder is $NEWSDIFF_MRPC or ../shared/data/mrpc beside the repository; without it, nothing runs.
"""

from __future__ import annotations

import os

# One core: the time per pair is what a single-threaded run costs.
for _variable in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_variable, "1")

import argparse  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402
from pathlib import Path  # noqa: E402

import numpy as np  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parent))
import mrpc_data  # noqa: E402

from newsdiff.core.model import Comparison  # noqa: E402
from newsdiff.core.pair import altered  # noqa: E402
from newsdiff.core.pair.altered import Reworded, cuts_or_adds  # noqa: E402
from newsdiff.core.pair.compare import compare, prepare  # noqa: E402
from newsdiff.core.pair.kinds import kind_of_link  # noqa: E402
from newsdiff.core.read.articles import Article  # noqa: E402


def scores(predicted: np.ndarray, truth: np.ndarray) -> tuple[float, float]:
    """Accuracy, and F1 of the equivalent class."""
    tp = float(np.sum(predicted & truth))
    precision = tp / max(int(predicted.sum()), 1)
    recall = tp / max(int(truth.sum()), 1)
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return float((predicted == truth).mean()), f1


def engine_verdicts(comparison: Comparison, pairs: int) -> np.ndarray:
    """For each pair (paragraph), whether a link joins its two paragraphs and none of those links is altered."""
    linked = np.zeros(pairs, dtype=bool)
    marked = np.zeros(pairs, dtype=bool)
    left_paragraph = [s.paragraph for s in comparison.left.sentences]
    right_paragraph = [s.paragraph for s in comparison.right.sentences]
    for link in comparison.links:
        for p in {left_paragraph[i] for i in link.left} & {right_paragraph[j] for j in link.right}:
            linked[p] = True
            marked[p] |= link.altered
    return linked & ~marked


def reworded_pairs(left: Article, right: Article, comparison: Comparison) -> np.ndarray:
    """For each pair (paragraph), whether neither side only cuts or adds words relative to the other: the
    engine's diff of its two paragraphs has no run with words on one side only that the other does not state."""
    lp, rp = prepare(left), prepare(right)
    sides: list[list[list[int]]] = [[[] for _ in comparison.left.paragraphs] for _ in range(2)]
    for side, document in zip(sides, (comparison.left, comparison.right)):
        for k, sentence in enumerate(document.sentences):
            side[sentence.paragraph].append(k)
    found = []
    for ls, rs in zip(*sides):
        _, changes, _ = kind_of_link(lp.canonical_of(ls), rp.canonical_of(rs), lp.tokens_of(ls), rp.tokens_of(rs))
        found.append(not cuts_or_adds(Reworded(changes, lp.passage(ls), rp.passage(rs))))
    return np.array(found, dtype=bool)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--file", choices=("test", "train"), default="test",
                        help="the MRPC file (report on test; train only to check choices)")
    args = parser.parse_args()
    folder = mrpc_data.data_dir()
    name = mrpc_data.TEST if args.file == "test" else mrpc_data.TRAIN
    if not (folder / name).exists():
        print(f"skipped: MRPC {name} not found in {folder} (set NEWSDIFF_MRPC to its folder)")
        return 0
    pairs = mrpc_data.load(name, folder)
    truth = np.array([p.equivalent for p in pairs], dtype=bool)
    left = [p.left for p in pairs]
    right = [p.right for p in pairs]
    print(f"MRPC {name}: {len(pairs)} pairs, {truth.mean():.1%} equivalent (majority-class accuracy "
          f"{max(truth.mean(), 1 - truth.mean()):.4f})")

    start = time.perf_counter()
    left_article, right_article = Article.from_text("\n\n".join(left)), Article.from_text("\n\n".join(right))
    comparison = compare(left_article, right_article)
    elapsed = time.perf_counter() - start
    if len(comparison.left.paragraphs) != len(pairs) or len(comparison.right.paragraphs) != len(pairs):
        print("error: a pair's sentence did not stay one paragraph", file=sys.stderr)
        return 1
    verdicts = engine_verdicts(comparison, len(pairs))
    accuracy, f1 = scores(verdicts, truth)
    print(f"compare (linked and not altered): accuracy {accuracy:.4f}, F1 {f1:.4f} ({elapsed:.1f} s for the "
          "two documents)")
    reworded = reworded_pairs(left_article, right_article, comparison)
    accuracy, f1 = scores(verdicts[reworded], truth[reworded])
    print(f"compare on the reworded pairs only ({reworded.sum()}, {truth[reworded].mean():.1%} equivalent): "
          f"accuracy {accuracy:.4f}, F1 {f1:.4f}")

    altered.equivalence_probability(left[:5], right[:5])  # load the model and embeddings before timing
    start = time.perf_counter()
    probability = altered.equivalence_probability(left, right)
    batch_ms = 1000 * (time.perf_counter() - start) / len(pairs)
    singles = min(len(pairs), 300)
    start = time.perf_counter()
    for a, b in zip(left[:singles], right[:singles]):
        altered.equivalence_probability([a], [b])
    single_ms = 1000 * (time.perf_counter() - start) / singles
    accuracy, f1 = scores(probability >= altered.model().threshold, truth)
    print(f"altered model alone (not altered = equivalent): accuracy {accuracy:.4f}, F1 {f1:.4f}")
    print(f"time per pair on one core: {batch_ms:.3f} ms in one batch, {single_ms:.3f} ms one pair at a time")
    return 0


if __name__ == "__main__":
    sys.exit(main())
