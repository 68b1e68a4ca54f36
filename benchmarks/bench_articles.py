"""Speed of opening a folder: `load_folder` on 5,000 text files against reading and UTF-8-decoding the same files
with the standard library, in the same run; and one saved web page and one Word file against their raw read.

Run: /work/venv/bin/python -m pytest benchmarks/bench_articles.py --benchmark-only
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from conftest import FIXTURES

sys.path.insert(0, str(FIXTURES.parent))  # the test helpers that build web pages and Word files
from article_files import story_page, word_file  # noqa: E402

from newsdiff.core.read.articles import load_article, load_folder  # noqa: E402

FILES = 5000


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """5,000 copies of the seed articles (a mix of UTF-8 and Windows-1252 files, as an archive folder has)."""
    path = tmp_path_factory.mktemp("five-thousand")
    seeds = [
        path.read_text(encoding="utf-8").replace("\u2002", " ").replace("ğ", "g")  # both missing from Windows-1252
        for path in sorted(FIXTURES.glob("0*.txt"))
    ]
    for i in range(FILES):
        text = f"Copy {i}\n\n{seeds[i % len(seeds)]}"
        (path / f"{i:05d}.txt").write_bytes(text.encode("cp1252" if i % 10 == 0 else "utf-8"))
    return path


def read_and_decode(folder: Path) -> list[str]:
    """The baseline: every file's bytes decoded, as a minimal loader would (no checks, no guessing)."""
    return [path.read_bytes().decode("utf-8", errors="replace") for path in sorted(folder.iterdir())]


def test_load_folder_5000_files(benchmark, folder: Path) -> None:
    benchmark.group = "folder of 5,000 files"
    articles, errors = benchmark.pedantic(load_folder, (folder,), rounds=3)
    assert len(articles) == FILES and not errors


def test_baseline_read_and_decode_5000_files(benchmark, folder: Path) -> None:
    benchmark.group = "folder of 5,000 files"
    assert len(benchmark.pedantic(read_and_decode, (folder,), rounds=3)) == FILES


@pytest.fixture(scope="module")
def page_and_word_file(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    path = tmp_path_factory.mktemp("formats")
    text = next(FIXTURES.glob("003_*.txt")).read_text(encoding="utf-8")
    page = path / "page.html"
    page.write_text(story_page(text), encoding="utf-8")
    word = path / "story.docx"
    word.write_bytes(word_file(text.split("\n\n")))
    load_article(page)  # imports trafilatura once, outside the measurement
    return page, word


@pytest.mark.parametrize("kind", ["page", "word"])
def test_load_one_file(benchmark, page_and_word_file: tuple[Path, Path], kind: str) -> None:
    path = page_and_word_file[kind == "word"]
    benchmark.group = f"one {kind} file"
    assert benchmark(load_article, path).text


@pytest.mark.parametrize("kind", ["page", "word"])
def test_baseline_read_one_file(benchmark, page_and_word_file: tuple[Path, Path], kind: str) -> None:
    path = page_and_word_file[kind == "word"]
    benchmark.group = f"one {kind} file"
    assert benchmark(path.read_bytes)
