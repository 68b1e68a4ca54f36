"""Real reuse: newspaper stories written from Press Association wire copy (the METER corpus), every newspaper
word labelled Verbatim / Rewrite / New by METER's annotators, against the labels newsdiff's comparisons
give them; a word-level difflib diff and METER's word-trigram overlap are scored on the same words.

Run: python benchmarks/quality/meter.py [--write] [--dump DIR]
The set is read from $NEWSDIFF_METER (default: ../shared/data/meter-dev beside the repository).

Each newspaper copy is compared with every PA take of its story, the take on the left. newsdiff: a word in a
shared or typo link, or in a paraphrase link outside every edit, is Verbatim; inside a replace edit,
Rewrite; inside an insert edit or in a unique sentence, New. difflib: SequenceMatcher over case-folded
words (no junk heuristic): equal Verbatim, replace Rewrite, insert New. Trigram: a word is Verbatim when a
case-folded word trigram of the newspaper holding it occurs in the take, else New (the n-gram overlap METER's
papers measure, at word level). Every method keeps a word's strongest label over the takes
(Verbatim > Rewrite > New). A word is a run of letters and digits (apostrophes inside it); punctuation is
not scored.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from meter_data import LABELS, Label, Paper, Story, data_dir, load_stories, words
from meter_labels import Confusion, Predicted, difflib_labels, folded, newsdiff_labels, sentence_at, trigram_labels
from results_file import RESULTS, write_section

from newsdiff.core.model import Comparison
from newsdiff.core.pair.compare import compare
from newsdiff.core.read.articles import Article

HEADING = "## METER (real reuse)"
COMMAND = "python benchmarks/quality/meter.py"
METHODS = ("newsdiff", "difflib", "trigram")
SHORT = {Label.VERBATIM: "V", Label.REWRITE: "R", Label.NEW: "N"}
GOAL = 0.80  # the macro-F1 goal for newsdiff


@dataclass(frozen=True)
class Scored:
    """A newspaper copy with every method's label of each word and newsdiff's reasons."""

    story: str
    paper: Paper
    takes: tuple[str, ...]
    comparisons: tuple[Comparison, ...]
    labels: dict[str, tuple[Label, ...]]
    why: tuple[tuple[int, Predicted], ...]  # the take (index) behind newsdiff's label, and the label
    mapped: int  # words found at the same offsets in the engine's text
    in_sentence: int  # words inside an engine sentence


@dataclass(frozen=True)
class Disagreement:
    """A word METER and newsdiff label differently."""

    scored: Scored
    word: int
    truth: Label
    take: int
    predicted: Predicted

    @property
    def kind(self) -> tuple[Label, Label, str]:
        """METER's label, newsdiff's label and newsdiff's reason."""
        return self.truth, self.predicted.label, self.predicted.reason


def strongest(per_take: list[list[Label]]) -> tuple[Label, ...]:
    """Each word's strongest label over the takes."""
    return tuple(max(labels) for labels in zip(*per_take))


def score_story(story: Story) -> list[Scored]:
    """Every newspaper copy of `story` compared with every take (each file read and segmented once)."""
    takes = [Article.from_text(t.text, path=f"{story.name}/{t.file}") for t in story.takes]
    take_words = [folded(words(t.text)) for t in story.takes]
    scored = []
    for paper in story.papers:
        article = Article.from_text(paper.text, path=f"{story.name}/{paper.file}")
        comparisons = tuple(compare(take, article) for take in takes)
        per_take = [newsdiff_labels(c, paper.words) for c in comparisons]
        why = tuple(
            max(enumerate(options), key=lambda option: option[1].rank()) for options in zip(*per_take)
        )
        paper_words = folded(paper.words)
        right = comparisons[0].right
        scored.append(
            Scored(
                story=story.name,
                paper=paper,
                takes=tuple(t.file for t in story.takes),
                comparisons=comparisons,
                labels={
                    "newsdiff": tuple(p.label for _, p in why),
                    "difflib": strongest([difflib_labels(t, paper_words) for t in take_words]),
                    "trigram": strongest([trigram_labels(t, paper_words) for t in take_words]),
                },
                why=why,
                mapped=sum(right.text[w.start : w.end] == w.text for w in paper.words),
                in_sentence=sum(sentence_at(right, w.start) is not None for w in paper.words),
            )
        )
    return scored


def confusion(scored: list[Scored], method: str) -> Confusion:
    """The method's confusion with METER over the words METER labels."""
    result = Confusion()
    for s in scored:
        for truth, predicted in zip(s.paper.truth, s.labels[method]):
            if truth is not None:
                result.add(truth, predicted)
    return result


def disagreements(scored: list[Scored]) -> list[Disagreement]:
    """Every word METER and newsdiff label differently."""
    found = []
    for s in scored:
        for index, (truth, (take, predicted)) in enumerate(zip(s.paper.truth, s.why)):
            if truth is not None and truth is not predicted.label:
                found.append(Disagreement(s, index, truth, take, predicted))
    return found


def _pct(part: int, whole: int) -> str:
    return f"{part} ({100 * part / whole:.1f}%)" if whole else "0"


def coverage_line(scored: list[Scored]) -> str:
    """How completely METER's labelled words map onto the text and sentences the engine was given."""
    total = sum(len(s.paper.words) for s in scored)
    labelled = sum(t is not None for s in scored for t in s.paper.truth)
    mapped = sum(s.mapped for s in scored)
    inside = sum(s.in_sentence for s in scored)
    return (
        f"Words: {total}; with a METER label: {_pct(labelled, total)}; at the same offsets in the engine's text: "
        f"{_pct(mapped, total)}; inside an engine sentence: {_pct(inside, total)}."
    )


def scores_table(confusions: dict[str, Confusion]) -> list[str]:
    """Macro-F1, accuracy and per-label precision, recall and F1 of each method, in Markdown."""
    head = "| method | macro-F1 | accuracy | " + " | ".join(
        f"{label.name.capitalize()} {m}" for label in LABELS for m in ("P", "R", "F1")
    ) + " |"
    lines = [head, "|---|" + "---:|" * (2 + 3 * len(LABELS))]
    for method in METHODS:
        c = confusions[method]
        cells = [f"{v:.3f}" for label in LABELS for v in (c.precision(label), c.recall(label), c.f1(label))]
        lines.append(f"| {method} | **{c.macro_f1():.3f}** | {c.accuracy():.3f} | " + " | ".join(cells) + " |")
    return lines


def confusion_table(confusions: dict[str, Confusion]) -> list[str]:
    """Words by METER's label (rows) and each method's label (columns), in Markdown."""
    head = "| METER ↓ / predicted → | " + " | ".join(
        f"{method} {SHORT[label]}" for method in METHODS for label in LABELS
    ) + " | words |"
    lines = [head, "|---|" + "---:|" * (3 * len(METHODS) + 1)]
    for truth in LABELS:
        cells = [str(confusions[m].get(truth, p)) for m in METHODS for p in LABELS]
        cells.append(str(confusions["newsdiff"].truth(truth)))
        lines.append(f"| {truth.name.capitalize()} | " + " | ".join(cells) + " |")
    return lines


def _shares(labels) -> str:
    counts = Counter(labels)
    total = sum(counts.values())
    return "/".join(f"{100 * counts[label] / total:.0f}" for label in LABELS) if total else "–"


def story_table(scored: list[Scored]) -> list[str]:
    """Per newspaper copy: words, label shares (V/R/N, %) by METER and newsdiff, each method's macro-F1 over
    the labels METER uses in that copy."""
    lines = [
        "| copy | takes | words | METER V/R/N % | newsdiff V/R/N % | " + " | ".join(METHODS) + " |",
        "|---|---:|---:|---|---|" + "---:|" * len(METHODS),
    ]
    for s in scored:
        present = tuple(label for label in LABELS if label in s.paper.truth)
        figures = []
        for method in METHODS:
            c = confusion([s], method)
            figures.append(f"{c.macro_f1(present):.3f}")
        lines.append(
            f"| {s.story}/{s.paper.file} | {len(s.takes)} | {len(s.paper.words)} | {_shares(s.paper.truth)} | "
            f"{_shares(s.labels['newsdiff'])} | " + " | ".join(figures) + " |"
        )
    return lines


def kind_name(kind: tuple[Label, Label, str]) -> str:
    """A disagreement kind in words."""
    truth, predicted, reason = kind
    return f"METER {truth.name.capitalize()}, newsdiff {predicted.name.capitalize()} ({reason})"


def commonest(found: list[Disagreement], count: int | None = None) -> list[tuple[tuple[Label, Label, str], int]]:
    """Disagreement kinds with their word counts, commonest first."""
    return Counter(d.kind for d in found).most_common(count)


def kinds_table(found: list[Disagreement], count: int = 8) -> list[str]:
    """The commonest kinds of disagreement with METER, in Markdown."""
    lines = ["| METER | newsdiff | why newsdiff said so | words |", "|---|---|---|---:|"]
    for (truth, predicted, reason), n in commonest(found, count):
        lines.append(f"| {truth.name.capitalize()} | {predicted.name.capitalize()} | {reason} | {n} |")
    return lines


def _oneline(text: str) -> str:
    return " ".join(text.split())


def marked_sentence(scored: Scored, sentence: int, marked: set[int]) -> str:
    """A newspaper sentence on one line with the words of index `marked` in ⟦ ⟧."""
    doc = scored.comparisons[0].right
    span = doc.sentences[sentence]
    pieces, at = [], span.start
    for index, word in enumerate(scored.paper.words):
        if index in marked and span.start <= word.start < span.end:
            pieces += [doc.text[at : word.start], "⟦", word.text, "⟧"]
            at = word.end
    pieces.append(doc.text[at : span.end])
    return _oneline("".join(pieces))


def _sentence_of(scored: Scored, word: int) -> int | None:
    return sentence_at(scored.comparisons[0].right, scored.paper.words[word].start)


def nearest_take_sentence(scored: Scored, sentence: int) -> tuple[str, str, float]:
    """The take sentence holding most of a newspaper sentence's words: take file, its text, the share held."""
    comparison = scored.comparisons[0]
    wanted = {w.casefold() for w in comparison.right.sentence_text(sentence).split()}
    best = ("", "", 0.0)
    for file, c in zip(scored.takes, scored.comparisons):
        for index in range(len(c.left.sentences)):
            text = c.left.sentence_text(index)
            share = len(wanted & {w.casefold() for w in text.split()}) / max(1, len(wanted))
            if share > best[2]:
                best = (file, _oneline(text), share)
    return best


def example_lines(group: list[Disagreement]) -> list[str]:
    """One newspaper sentence of a disagreement group, its words of that group marked, and what newsdiff
    linked it to (or, for a unique sentence, the take sentence sharing most of its words)."""
    first = group[0]
    s = first.scored
    sentence = _sentence_of(s, first.word)
    if sentence is None:
        return [f"  {s.story}/{s.paper.file}: '{s.paper.words[first.word].text}' outside every sentence"]
    lines = [f"  {s.story}/{s.paper.file}, sentence {sentence}: {len(group)} words",
             f"    newspaper  {marked_sentence(s, sentence, {d.word for d in group})}"]
    link_index = first.predicted.link
    if link_index is None:
        file, text, share = nearest_take_sentence(s, sentence)
        lines.append(f"    nearest    {file} ({share:.0%} of its words): {text}")
    else:
        comparison = s.comparisons[first.take]
        link = comparison.links[link_index]
        text = " ".join(comparison.left.sentence_text(i) for i in link.left)
        lines.append(
            f"    linked     {s.takes[first.take]} {link.kind.value} (similarity {link.similarity:.2f}, "
            f"{len(link.left)}:{len(link.right)}): {_oneline(text)}"
        )
    return lines


def grouped(found: list[Disagreement]) -> dict[tuple[Label, Label, str], list[list[Disagreement]]]:
    """Disagreements by kind, each kind's words grouped by newspaper sentence, the largest group first."""
    by_kind: dict[tuple[Label, Label, str], dict[tuple[str, int | None], list[Disagreement]]] = {}
    for d in found:
        key = (f"{d.scored.story}/{d.scored.paper.file}", _sentence_of(d.scored, d.word))
        by_kind.setdefault(d.kind, {}).setdefault(key, []).append(d)
    return {kind: sorted(groups.values(), key=len, reverse=True) for kind, groups in by_kind.items()}


def examples(found: list[Disagreement], count: int = 5) -> list[str]:
    """The commonest kinds of disagreement, each with its worst sentence (texts: stdout and dumps only)."""
    groups = grouped(found)
    lines = []
    for kind, n in commonest(found, count):
        lines.append(f"- {kind_name(kind)}: {n} words; worst sentence:")
        lines += example_lines(groups[kind][0])
    return lines


def report(scored: list[Scored], found: list[Disagreement]) -> list[str]:
    """The figures in Markdown: no text of the set in it, as it goes into the project."""
    confusions = {method: confusion(scored, method) for method in METHODS}
    papers = len(scored)
    stories = len({s.story for s in scored})
    pairs = sum(len(s.takes) for s in scored)
    macro = confusions["newsdiff"].macro_f1()
    return [
        f"{stories} stories, {papers} newspaper copies, {pairs} newspaper–take comparisons (take on the left). "
        "Labels as the module docstring of `benchmarks/quality/meter.py` defines them; every method keeps a "
        "word's strongest label over the takes (Verbatim > Rewrite > New). Macro-F1: mean F1 over the three "
        "labels, pooled over all words.",
        "",
        coverage_line(scored),
        "",
        *scores_table(confusions),
        "",
        f"Goal: newsdiff macro-F1 ≥ {GOAL:.2f} — {'met' if macro >= GOAL else '**not met**'} ({macro:.3f}).",
        "",
        "Confusion (words):",
        "",
        *confusion_table(confusions),
        "",
        "Per copy (macro-F1 over the labels METER uses in that copy):",
        "",
        *story_table(scored),
        "",
        "Commonest disagreements of newsdiff with METER (examples: run with `--dump DIR`; the texts stay out of "
        "the project):",
        "",
        *kinds_table(found),
    ]


def dump(scored: list[Scored], found: list[Disagreement], folder: Path) -> None:
    """Every disagreement by kind (each kind's sentences worst first) and a table of every word."""
    folder.mkdir(parents=True, exist_ok=True)
    groups = grouped(found)
    out = []
    for kind, n in commonest(found):
        out.append(f"=== {kind_name(kind)}: {n} words in {len(groups[kind])} sentences")
        for group in groups[kind]:
            out += example_lines(group)
        out.append("")
    (folder / "disagreements.txt").write_text("\n".join(out), encoding="utf-8")
    rows = ["story\tcopy\tstart\tword\tmeter\tnewsdiff\twhy\ttake\tdifflib\ttrigram"]
    for s in scored:
        for index, word in enumerate(s.paper.words):
            take, predicted = s.why[index]
            truth = s.paper.truth[index]
            rows.append("\t".join([
                s.story, s.paper.file, str(word.start), word.text, truth.name if truth is not None else "-",
                predicted.label.name, predicted.reason, s.takes[take],
                s.labels["difflib"][index].name, s.labels["trigram"][index].name,
            ]))
    (folder / "words.tsv").write_text("\n".join(rows) + "\n", encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark; print the tables; optionally write RESULTS.md and dump the disagreements."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--write", action="store_true", help=f"write the results into {RESULTS.name}")
    parser.add_argument("--dump", type=Path, metavar="DIR", help="write every disagreement with METER into DIR")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    stories = load_stories()
    if not stories:
        print(f"METER development set not found in {data_dir()} (set NEWSDIFF_METER); skipping the METER benchmark.")
        return 0
    scored = [s for story in stories for s in score_story(story)]
    found = disagreements(scored)
    body = report(scored, found)
    print("\n".join(body))
    print("\nExamples (the worst sentence of each of the commonest disagreements; ⟦ ⟧ marks its words):\n")
    print("\n".join(examples(found)))
    print(f"\n(read, compared and scored in {time.perf_counter() - started:.1f} s)")
    if args.write:
        write_section(RESULTS, HEADING, [f"Reproduce: `{COMMAND}`", "", *body])
        print(f"wrote {RESULTS}")
    if args.dump:
        dump(scored, found, args.dump)
        print(f"wrote {len(found)} disagreeing words to {args.dump}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
