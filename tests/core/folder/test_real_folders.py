"""Real republished copies: each story folder of the shared development data, put together with the seed
articles in one folder, clusters into exactly its stories (skipped when the shared data is absent; nothing of
it is copied into the repository, only into a temporary folder)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from newsdiff.core.folder.analysis import analyse_folder

REAL_DEV = Path(__file__).resolve().parents[4] / "shared" / "data" / "real-dev"


@pytest.mark.skipif(not REAL_DEV.is_dir(), reason="the shared development data is not present")
def test_each_real_story_and_the_seeds_cluster_into_exactly_their_stories(fixtures_dir: Path, tmp_path: Path) -> None:
    truth: dict[str, str] = {}
    for story in sorted(p for p in REAL_DEV.iterdir() if p.is_dir() and any(p.glob("*.txt"))):
        for text in story.glob("*.txt"):
            shutil.copyfile(text, tmp_path / f"{story.name}--{text.name}")
            truth[f"{story.name}--{text.name}"] = story.name
    for text in fixtures_dir.glob("*.txt"):
        shutil.copyfile(text, tmp_path / f"seeds--{text.name}")
        truth[f"seeds--{text.name}"] = "seeds"
    analysis = analyse_folder(tmp_path)
    names = [Path(a.article.path).name for a in analysis.articles]
    found = sorted(sorted(names[i] for i in c.articles) for c in analysis.clusters)
    expected = sorted(sorted(n for n, s in truth.items() if s == story) for story in set(truth.values()))
    assert len(expected) >= 7
    assert found == expected
