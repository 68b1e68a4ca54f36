"""How far METER's word labels can be reached from the texts of the development set: three checks on the
figures benchmarks/quality/meter.py reports.

Run: python benchmarks/quality/meter_reach.py [--write]   (needs scikit-learn: pip install -e '.[train]')

1. Verbatim with no evidence: a run of words METER labels Verbatim of which fewer than a third lie in a word
   trigram of any take of the set was copied from wire copy the set does not hold. Scored: METER's own labels,
   with those runs labelled New, as no comparison with the set's takes can tell them.
2. The alignment's share: newsdiff's labels with every word of a unique sentence given METER's label, as if
   every link the aligner missed (or rightly left out) were made exactly as METER would have it.
3. A word labeller fitted to METER itself: a logistic regression and shallow gradient boosting over what the
   texts show of each word (newsdiff's label and why, the two baselines' labels, the longest run of words it
   shares with a take and its neighbours' runs, whether a take has the word, stop word, capital, the link's
   similarity, the share of its sentence in shared trigrams, the sentence's length), scored on each story
   after fitting on the five others, and in-sample (fitted and scored on all six: no general method does
   better than a fit to the very words it is scored on, unless it memorises them).
"""

from __future__ import annotations

import argparse
import importlib.util
import sys
from collections import defaultdict
from collections.abc import Callable, Sequence

import numpy as np
from meter import COMMAND as METER_COMMAND
from meter import GOAL, Scored, confusion, score_story
from meter_data import Label, Story, data_dir, load_stories, words
from meter_labels import KEPT, OUTSIDE, REASON_OF_EDIT, SHARED, TYPO, UNIQUE, Confusion, folded, sentence_at
from results_file import RESULTS, write_section

from newsdiff.core.text.lexicon import STOPWORDS

HEADING = "## METER: how far its labels can be reached"
COMMAND = "python benchmarks/quality/meter_reach.py"
EVIDENCE_GRAM = 3
EVIDENCE_SHARE = 1 / 3
REASONS = (SHARED, TYPO, KEPT, *REASON_OF_EDIT.values(), UNIQUE, OUTSIDE)
RUN_CAP = 12  # longer shared runs tell nothing more


def longest_shared_runs(paper: Sequence[str], takes: Sequence[Sequence[str]]) -> list[int]:
    """For each word of `paper`, the length of the longest run of words holding it that a take has too."""
    best = [0] * len(paper)
    for take in takes:
        at: dict[str, list[int]] = defaultdict(list)
        for k, word in enumerate(take):
            at[word].append(k)
        for i, word in enumerate(paper):
            for k in at.get(word, ()):
                n = 0
                while i + n < len(paper) and k + n < len(take) and paper[i + n] == take[k + n]:
                    n += 1
                for m in range(i, i + n):
                    best[m] = max(best[m], n)
    return best


def in_shared_grams(paper: Sequence[str], takes: Sequence[Sequence[str]], n: int = EVIDENCE_GRAM) -> list[bool]:
    """For each word of `paper`, whether a word n-gram holding it occurs in a take."""
    grams = {tuple(t[k : k + n]) for t in takes for k in range(len(t) - n + 1)}
    found = [False] * len(paper)
    for k in range(len(paper) - n + 1):
        if tuple(paper[k : k + n]) in grams:
            found[k : k + n] = [True] * n
    return found


def without_evidence(truth: Sequence[Label | None], evidence: Sequence[bool]) -> list[bool]:
    """For each word, whether it lies in a run METER labels Verbatim of which fewer than EVIDENCE_SHARE of the
    words have evidence in the takes."""
    marked = [False] * len(truth)
    i = 0
    while i < len(truth):
        if truth[i] is not Label.VERBATIM:
            i += 1
            continue
        j = i
        while j < len(truth) and truth[j] is Label.VERBATIM:
            j += 1
        if sum(evidence[i:j]) < EVIDENCE_SHARE * (j - i):
            marked[i:j] = [True] * (j - i)
        i = j
    return marked


def _confusion(pairs) -> Confusion:
    result = Confusion()
    for truth, predicted in pairs:
        if truth is not None:
            result.add(truth, predicted)
    return result


def _story_words(story: Story, scored: list[Scored]):
    """Per newspaper copy of the story: its scored comparison and its case-folded words, with the takes'."""
    takes = [folded(words(t.text)) for t in story.takes]
    for s in scored:
        yield s, folded(s.paper.words), takes


def evidence_ceiling(stories: list[Story], scored: dict[str, list[Scored]]) -> tuple[int, Confusion]:
    """Check 1: how many Verbatim words have no evidence, and METER's labels scored with those labelled New."""
    pairs, count = [], 0
    for story in stories:
        for s, paper, takes in _story_words(story, scored[story.name]):
            marked = without_evidence(s.paper.truth, in_shared_grams(paper, takes))
            count += sum(marked)
            pairs += [(t, Label.NEW if m else t) for t, m in zip(s.paper.truth, marked)]
    return count, _confusion(pairs)


def alignment_share(scored: list[Scored]) -> Confusion:
    """Check 2: newsdiff's labels with every word of a unique sentence given METER's label."""
    pairs = []
    for s in scored:
        for truth, (_, predicted) in zip(s.paper.truth, s.why):
            pairs.append((truth, truth if predicted.reason == UNIQUE else predicted.label))
    return _confusion(pairs)


def features(story: Story, scored: list[Scored]) -> tuple[list[list[float]], list[int]]:
    """Check 3's rows: what the texts show of each labelled newspaper word of the story, and METER's label."""
    rows, labels = [], []
    for s, paper, takes in _story_words(story, scored):
        runs = [min(n, RUN_CAP) for n in longest_shared_runs(paper, takes)]
        evidence = in_shared_grams(paper, takes)
        vocabulary = set().union(*map(set, takes))
        right = s.comparisons[0].right
        sentence = [sentence_at(right, w.start) for w in s.paper.words]
        members: dict[int | None, list[int]] = defaultdict(list)
        for k, index in enumerate(sentence):
            members[index].append(k)
        for k, (word, truth) in enumerate(zip(s.paper.words, s.paper.truth)):
            if truth is None:
                continue
            take, predicted = s.why[k]
            link = s.comparisons[take].links[predicted.link] if predicted.link is not None else None
            own = members[sentence[k]]
            rows.append([
                *(float(predicted.label is label) for label in Label),
                *(float(predicted.reason == reason) for reason in REASONS),
                *(float(s.labels["difflib"][k] is label) for label in Label),
                float(s.labels["trigram"][k] is Label.VERBATIM),
                runs[k], runs[k - 1] if k else 0, runs[k + 1] if k + 1 < len(runs) else 0,
                float(paper[k] in vocabulary), float(paper[k] in STOPWORDS), float(word.text[:1].isupper()),
                link.similarity if link else 0.0, sum(evidence[m] for m in own) / len(own), len(own),
            ])
            labels.append(int(truth))
    return rows, labels


def _confusion_of_arrays(truth: np.ndarray, predicted: np.ndarray) -> Confusion:
    return _confusion(zip(map(Label, truth), map(Label, predicted)))


def fitted_labellers() -> dict[str, Callable]:
    """Check 3's labellers, by name: each a function giving a fresh scikit-learn classifier."""
    from sklearn.ensemble import HistGradientBoostingClassifier
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import make_pipeline
    from sklearn.preprocessing import StandardScaler

    labellers = {}
    # Unweighted, each fits accuracy; weighted by the inverse of each label's frequency, it leans to macro-F1.
    for weights, named in ((None, ""), ("balanced", ", labels weighted")):
        labellers[f"logistic regression{named}"] = lambda w=weights: make_pipeline(
            StandardScaler(), LogisticRegression(max_iter=2000, class_weight=w)
        )
        labellers[f"gradient boosting (depth 3, 100 trees){named}"] = lambda w=weights: HistGradientBoostingClassifier(
            max_iter=100, learning_rate=0.05, max_depth=3, min_samples_leaf=50, class_weight=w, random_state=0
        )
    return labellers


def fitted_scores(per_story: dict[str, tuple[list, list]]) -> dict[str, tuple[Confusion, Confusion]]:
    """Check 3: each labeller's confusion on every story after fitting on the others, and in-sample."""
    names = list(per_story)
    x = np.array([row for name in names for row in per_story[name][0]], dtype=float)
    y = np.array([label for name in names for label in per_story[name][1]])
    group = np.array([name for name in names for _ in per_story[name][1]])
    scores = {}
    for name, make in fitted_labellers().items():
        held_out = np.zeros_like(y)
        for story in names:
            model = make().fit(x[group != story], y[group != story])
            held_out[group == story] = model.predict(x[group == story])
        scores[name] = (_confusion_of_arrays(y, held_out), _confusion_of_arrays(y, make().fit(x, y).predict(x)))
    return scores


def _f1s(c: Confusion) -> str:
    return f"**{c.macro_f1():.3f}** | {c.f1(Label.VERBATIM):.3f} | {c.f1(Label.REWRITE):.3f} | {c.f1(Label.NEW):.3f}"


def report(stories: list[Story]) -> list[str]:
    """The three checks' figures in Markdown (no text of the set in it)."""
    scored = {story.name: score_story(story) for story in stories}
    everything = [s for story in stories for s in scored[story.name]]
    newsdiff = confusion(everything, "newsdiff")
    unreached, ceiling = evidence_ceiling(stories, scored)
    verbatim = newsdiff.truth(Label.VERBATIM)
    fits = fitted_scores({story.name: features(story, scored[story.name]) for story in stories})
    lines = [
        f"Reproduce: `{COMMAND}` (scikit-learn needed: `pip install -e '.[train]'`). The labels and scores are"
        f" those of `{METER_COMMAND}`; goal {GOAL:.2f}.",
        "",
        "| labels | macro-F1 | Verbatim F1 | Rewrite F1 | New F1 |",
        "|---|---:|---:|---:|---:|",
        f"| newsdiff | {_f1s(newsdiff)} |",
        f"| METER's own, its {unreached} Verbatim words with no evidence in the set's takes labelled New (check 1)"
        f" | {_f1s(ceiling)} |",
        f"| newsdiff, every word of a unique sentence given METER's label (check 2) | {_f1s(alignment_share(everything))} |",
    ]
    for name, (held_out, in_sample) in fits.items():
        lines.append(f"| {name}, fitted to METER: each story scored after fitting on the other five (check 3) | "
                     f"{_f1s(held_out)} |")
        lines.append(f"| {name}, fitted to METER: in-sample (check 3) | {_f1s(in_sample)} |")
    best_held_out = max(held_out.macro_f1() for held_out, _ in fits.values())
    best_in_sample = max(in_sample.macro_f1() for _, in_sample in fits.values())
    lines += [
        "",
        f"Fitted to five stories, the best labeller scores {best_held_out:.3f} on the sixth, "
        f"{'below' if best_held_out < newsdiff.macro_f1() else 'at or above'} newsdiff's {newsdiff.macro_f1():.3f}; "
        f"fitted to all six and scored on them, {best_in_sample:.3f}, "
        f"{'short of' if best_in_sample < GOAL else 'reaching'} the goal of {GOAL:.2f}.",
        "",
        f"Verbatim words with no evidence: {unreached} of METER's {verbatim} (runs of which fewer than a third of"
        f" the words lie in a word {EVIDENCE_GRAM}-gram of a take of the set).",
    ]
    return lines


def main(argv: list[str] | None = None) -> int:
    """Run the three checks; print the table; optionally write it into RESULTS.md."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--write", action="store_true", help=f"write the results into {RESULTS.name}")
    args = parser.parse_args(argv)
    stories = load_stories()
    if not stories:
        print(f"METER development set not found in {data_dir()} (set NEWSDIFF_METER); skipping.")
        return 0
    if importlib.util.find_spec("sklearn") is None:
        print("scikit-learn is not installed (pip install -e '.[train]'); skipping.")
        return 0
    body = report(stories)
    print("\n".join(body))
    if args.write:
        write_section(RESULTS, HEADING, body)
        print(f"wrote {RESULTS}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
