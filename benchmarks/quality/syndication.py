"""The syndication benchmark: copies of real news articles made the way outlets make them, with the truth
about every sentence, compared by the engine; precision and recall per kind, per mark and per link.

Run: python benchmarks/quality/syndication.py [--seed N] [--articles K] [--write] [--dump FILE]
The MRPC files are read from $NEWSDIFF_MRPC (default: ../shared/data/mrpc beside the repository).
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from pathlib import Path

import results_file
from mrpc_data import TRAIN, data_dir
from results_file import RESULTS
from syndication_cases import Case, make_case
from syndication_pool import Pool, load_pool
from syndication_scores import Score, score_case

from newsdiff.core.pair.compare import compare
from newsdiff.core.read.articles import Article

HEADING = "## Syndication benchmark"
# The goals: precision and recall at least this high.
GOALS = {"shared": 0.95, "typo": 0.95, "unique": 0.95, "paraphrase": 0.90, "moved": 0.90, "altered": 0.90}
ROWS = (
    ("shared", "shared (sentences, both sides)"),
    ("typo", "typo"),
    ("paraphrase", "paraphrase"),
    ("unique", "unique"),
    ("unique left", "unique: cut (base side)"),
    ("unique right", "unique: added (copy side)"),
    ("links", "links (linked sentence pairs)"),
    ("moved", "moved mark (sentences)"),
    ("altered", "altered mark (sentences; number or name changed)"),
    ("misspelling", "misspelling mark (words)"),
)
OPS = ("verbatim", "typographic", "typo", "paraphrase", "changed", "split", "merged", "cut", "added")


def make_cases(pool: Pool, seed: int, articles: int) -> list[Case]:
    """The benchmark's cases for `seed`: case k is the same whatever `articles` is."""
    return [make_case(pool, seed, index) for index in range(articles)]


def evaluate(cases: list[Case]) -> Score:
    """The engine's comparisons of the cases, scored against their truth."""
    score = Score()
    for case in cases:
        left = Article.from_text(case.base, path=f"{case.name} base")
        right = Article.from_text(case.derived, path=f"{case.name} copy")
        score.add(score_case(case, compare(left, right)))
    return score


def _figure(value: float | None) -> str:
    return "–" if value is None else f"{value:.3f}"


def table(score: Score) -> list[str]:
    """The precision and recall table, in Markdown."""
    lines = [
        "| measure | truth | predicted | precision | recall | goal |",
        "|---|---:|---:|---:|---:|---|",
    ]
    for key, label in ROWS:
        counts = score.tally(key)
        goal = GOALS.get(key)
        verdict = ""
        if goal is not None:
            met = all(v is not None and v >= goal for v in (counts.precision, counts.recall))
            verdict = f"≥ {goal:.2f} {'met' if met else '**not met**'}"
        lines.append(
            f"| {label} | {counts.truth} | {counts.predicted} | {_figure(counts.precision)} | "
            f"{_figure(counts.recall)} | {verdict} |"
        )
    return lines


def ops_table(score: Score) -> list[str]:
    """How many truth units (links, or unique sentences) of each edit the engine got fully right."""
    lines = ["| edit | units | fully right | share |", "|---|---:|---:|---:|"]
    for op in OPS:
        units = score.units[op]
        if units:
            lines.append(f"| {op} | {units} | {score.right_units[op]} | {score.right_units[op] / units:.3f} |")
    return lines


def mapping_line(score: Score) -> str:
    """How many truth sentences are exactly one engine sentence, per side."""
    parts = [f"{side} {score.clean[side]}/{score.sentences[side]}" for side in ("left", "right")]
    return "Truth sentences that are exactly one engine sentence: " + ", ".join(parts) + "."


def top_errors(score: Score, count: int = 5) -> list[str]:
    """The commonest error types, each with its first example, in Markdown."""
    types = Counter(error.type for error in score.errors)
    lines = []
    for type_, n in types.most_common(count):
        example = next(e for e in score.errors if e.type == type_)
        lines.append(f"- **{type_}** ({n}); e.g. {example.case}:")
        lines.append("  ```")
        lines += [f"  {line}" for line in example.lines]
        lines.append("  ```")
    return lines


def report(score: Score, seed: int, articles: int) -> list[str]:
    """The whole result: settings, tables and commonest errors, in Markdown."""
    left, right = score.sentences["left"], score.sentences["right"]
    return [
        f"Seed {seed}, {articles} base articles of 20–40 MRPC sentences (most sharing a name with an earlier one, "
        f"as a story's do) and one derived copy each: "
        f"{left} base and {right} copy sentences. Kinds and marks are counted per sentence on each side;",
        "links per linked sentence pair; an edit's unit is one truth link (or unique sentence), fully right when "
        "the engine links exactly its sentences with the right kind and marks.",
        "",
        "Edits: *verbatim*; *typographic* (curly quotes, ’ or ´ apostrophes, en or em dashes for - and --, a "
        "non-breaking or doubled space: truth shared); *typo* (one or two words with a slip inside: a letter "
        "dropped, doubled, swapped or hit next to; never a number); *paraphrase* (an MRPC equivalent pair, #1 in "
        "the base, #2 in the copy; truth altered too where the two count one thing by different figures, 296 "
        "people / 300 people, which the user guide calls altered); *changed* (a digit, a number word or a name "
        "replaced: truth paraphrase and altered); *split* (at \", and/but/while\", the conjunction dropped: 1:2, "
        "paraphrase); *merged* (two sentences joined by \", and\": 2:1, paraphrase); *cut*; *added* (sentences of "
        "other stories, most sharing a topic word, a name or a subject, with the base). On top: a "
        "sentence and a paragraph moved three or more paragraphs away (where the moved links are the one set "
        "off the longest in-order chain), and paragraphs split and joined (layout only). Misspelling truth: "
        "typos that turn a lower-case dictionary word into a non-word (other typos are not counted either way).",
        "",
        mapping_line(score),
        "",
        *table(score),
        "",
        *ops_table(score),
        "",
        "Commonest errors (type, count, first example; sentence numbers are the generator's):",
        "",
        *top_errors(score),
    ]


def write_section(path: Path, body: list[str]) -> None:
    """Put the benchmark's section into the results file, leaving the other sections as they are."""
    results_file.write_section(path, HEADING, body)


def dump(score: Score, path: Path) -> None:
    """Every error, grouped by type (commonest first), with truth, prediction and sentence texts."""
    types = Counter(error.type for error in score.errors)
    out = []
    for type_, n in types.most_common():
        out.append(f"=== {type_} ({n})")
        for error in score.errors:
            if error.type == type_:
                out.append(f"--- {error.case}")
                out += error.lines
        out.append("")
    path.write_text("\n".join(out), encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark; print the table; optionally write RESULTS.md and dump the errors."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--articles", type=int, default=200, help="base articles (one copy each)")
    parser.add_argument("--write", action="store_true", help=f"write the results into {RESULTS.name}")
    parser.add_argument("--dump", type=Path, metavar="FILE", help="write every error to FILE")
    args = parser.parse_args(argv)
    if not (data_dir() / TRAIN).exists():
        print(f"MRPC not found in {data_dir()} (set NEWSDIFF_MRPC); skipping the syndication benchmark.")
        return 0
    started = time.perf_counter()
    cases = make_cases(load_pool(), args.seed, args.articles)
    generated = time.perf_counter()
    score = evaluate(cases)
    body = report(score, args.seed, args.articles)
    print("\n".join(body))
    print(f"\n(generated in {generated - started:.1f} s, compared and scored in {time.perf_counter() - generated:.1f} s)")
    command = f"python benchmarks/quality/syndication.py --seed {args.seed} --articles {args.articles}"
    if args.write:
        write_section(RESULTS, [f"Reproduce: `{command}`", "", *body])
        print(f"wrote {RESULTS}")
    if args.dump:
        dump(score, args.dump)
        print(f"wrote {len(score.errors)} errors to {args.dump}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
