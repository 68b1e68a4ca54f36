"""Speed of the folder report of the five seed articles, against difflib's HTML diff of the same pairs.

Run: /work/venv/bin/python -m pytest benchmarks/bench_report.py --benchmark-only
The issue's bar: the folder report of the 5 seed articles written in under 2 seconds.
"""

from __future__ import annotations

import difflib
from pathlib import Path

import pytest
from conftest import FIXTURES

from newsdiff.core.folder.base_pairs import compare_with_base
from newsdiff.core.output.report import write_folder_report
from newsdiff.core.pair.compare import compare, prepare
from newsdiff.core.read.articles import Article, load_folder

GROUP = "folder-report-5-seeds"


@pytest.fixture(scope="module", autouse=True)
def _warm() -> None:
    # Models load once per process (a few seconds, paid by the GUI at start-up); the benchmark measures the report.
    compare(Article.from_text("Warm up the models."), Article.from_text("Warm up the models now."))


def _folder_report(out: Path) -> Path:
    articles, _ = load_folder(FIXTURES)
    return write_folder_report(articles[0], compare_with_base(articles[0], articles[1:]), out, force=True)


def test_newsdiff_folder_report_from_the_files(benchmark, tmp_path: Path) -> None:
    """Load, segment, compare the base with each copy, render and write: articles new to the process each round."""
    benchmark.group = GROUP
    out = benchmark.pedantic(_folder_report, (tmp_path / "report.html",), setup=prepare.cache_clear, rounds=10)
    assert out.stat().st_size > 0


def test_newsdiff_folder_report_render_and_write(benchmark, tmp_path: Path) -> None:
    """Only the rendering and the atomic write, from comparisons already made (the GUI's export)."""
    articles, _ = load_folder(FIXTURES)
    comparisons = compare_with_base(articles[0], articles[1:])
    benchmark.group = GROUP
    out = benchmark(write_folder_report, articles[0], comparisons, tmp_path / "report.html", force=True)
    assert out.stat().st_size > 0


def _difflib_report(out: Path) -> Path:
    articles, _ = load_folder(FIXTURES)
    differ = difflib.HtmlDiff(wrapcolumn=80)
    base = articles[0].text.splitlines()
    tables = [differ.make_table(base, copy.text.splitlines()) for copy in articles[1:]]
    out.write_text(differ.make_file([], []).replace("<body>", "<body>" + "".join(tables)), encoding="utf-8")
    return out


def test_difflib_html_diff_of_the_same_pairs(benchmark, tmp_path: Path) -> None:
    """Baseline: difflib's side-by-side HTML tables of the same four pairs, written to one file."""
    benchmark.group = GROUP
    out = benchmark(_difflib_report, tmp_path / "difflib.html")
    assert out.stat().st_size > 0
