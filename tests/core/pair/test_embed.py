"""Sentence embeddings (pair/embed.py): wordllama's model, read without importing wordllama."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import numpy as np
import wordllama

from newsdiff.core.pair.embed import embed
from tests.conftest import FIXTURES


def test_embeddings_are_those_of_wordllama_itself() -> None:
    sentences = [line for path in sorted(FIXTURES.glob("*.txt")) for line in path.read_text().split("\n") if line]
    sentences += ["", "   ", "Short.", "x" * 3000]  # no token, one, many
    assert len(sentences) > 64  # more than one batch
    reference = wordllama.WordLlama.load(cache_dir=Path(wordllama.__file__).parent, disable_download=True)
    expected = np.nan_to_num(np.asarray(reference.embed(sentences, norm=True), dtype=np.float32))
    assert np.array_equal(embed(sentences), expected)


def test_comparing_does_not_import_wordllama() -> None:
    # Its import (pydantic, toml, requests) took a quarter of a second of every process's start.
    code = (
        "import sys; from newsdiff.core.pair.compare import compare; from newsdiff.core.read.articles import Article; "
        "compare(Article.from_text('One sentence here.'), Article.from_text('One sentence there.')); "
        "print('wordllama' in sys.modules)"
    )
    imported = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert imported.strip() == "False"
