"""Speed of `compare` against difflib's HTML side-by-side diff of the same pair, in the same run.

Run: .venv/bin/python -m pytest benchmarks/bench_compare.py --benchmark-only
"""

from __future__ import annotations

import difflib
import random

import pytest
from conftest import FIXTURES

from newsdiff.core.pair import features as pairfeatures
from newsdiff.core.pair import spelling
from newsdiff.core.pair.compare import compare, prepare
from newsdiff.core.read.articles import Article, load_article
from newsdiff.core.text.segment import segment


def _seed_texts() -> list[str]:
    return [load_article(path).text for path in sorted(FIXTURES.glob("*.txt"))]


def _long_pair() -> tuple[Article, Article]:
    """About 5,000 words each: the seeds run together, and an edited, reordered copy of them."""
    texts = _seed_texts()
    left = "\n\n".join(texts + texts[3:4])
    rng = random.Random(7)
    paragraphs = left.split("\n\n")
    rng.shuffle(paragraphs)
    edited = []
    for paragraph in paragraphs:
        words = paragraph.split(" ")
        for k in range(0, len(words), 9):
            words[k] = words[k].upper() if rng.random() < 0.5 else words[k][::-1]
        edited.append(" ".join(words))
    return Article.from_text(left, "long-left"), Article.from_text("\n\n".join(edited), "long-right")


def _seed_pair() -> tuple[Article, Article]:
    left, right = (load_article(next(FIXTURES.glob(f"{p}_*.txt"))) for p in ("003", "000"))
    return left, right


PAIRS = {"seeds-003-000": _seed_pair, "long-5000-words": _long_pair}


@pytest.fixture(scope="module", autouse=True)
def _warm() -> None:
    # Models load once per process; the benchmark measures the comparison itself.
    compare(Article.from_text("Warm up the models."), Article.from_text("Warm up the models now."))


def _forget_texts() -> None:
    """Drop what the process keeps of articles, sentences and words seen before (not the models)."""
    prepare.cache_clear()
    pairfeatures._featurised.clear()
    pairfeatures._word_vectors.clear()
    pairfeatures.informativeness.cache_clear()
    spelling.check_word.cache_clear()


@pytest.mark.parametrize("name", PAIRS)
def test_newsdiff_compare_cold(benchmark, name: str) -> None:
    """Both articles new to the process: segmentation, embeddings and spelling checks included."""
    left, right = PAIRS[name]()
    benchmark.group = name
    comparison = benchmark.pedantic(compare, (left, right), setup=_forget_texts, rounds=10)
    assert comparison.links


@pytest.mark.parametrize("name", PAIRS)
def test_newsdiff_compare_in_folder(benchmark, name: str) -> None:
    """Articles already prepared, as when a folder's base is compared with each copy in turn."""
    left, right = PAIRS[name]()
    # Once before timing: otherwise the calibration times the preparation and allows only five rounds.
    compare(left, right)
    benchmark.group = name
    comparison = benchmark(compare, left, right)
    assert comparison.links


@pytest.mark.parametrize("name", PAIRS)
def test_newsdiff_compare_first_view(benchmark, name: str) -> None:
    """Articles prepared, but their reworded sentences not yet featurised for the altered mark: a pair seen for
    the first time, as when the next copy of a folder is shown."""
    left, right = PAIRS[name]()
    compare(left, right)
    benchmark.group = name
    comparison = benchmark.pedantic(compare, (left, right), setup=pairfeatures._featurised.clear, rounds=20)
    assert comparison.links


@pytest.mark.parametrize("name", PAIRS)
def test_newsdiff_segmentation_alone(benchmark, name: str) -> None:
    """Only the first step of a cold comparison: both articles cut into paragraphs and sentences (pysbd), the
    floor under `compare` on articles new to the process."""
    left, right = PAIRS[name]()
    benchmark.group = name
    documents = benchmark(lambda: (segment(left), segment(right)))
    assert all(document.sentences for document in documents)


@pytest.mark.parametrize("name", PAIRS)
def test_difflib_html_side_by_side(benchmark, name: str) -> None:
    left, right = PAIRS[name]()
    benchmark.group = name
    html = benchmark(difflib.HtmlDiff().make_file, left.text.splitlines(), right.text.splitlines())
    assert "<table" in html
