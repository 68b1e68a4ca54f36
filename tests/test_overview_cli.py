"""`newsdiff overview FOLDER`: the table, the JSON contract, exit status, hostile names, Ctrl+C."""

from __future__ import annotations

import base64
import json
import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from newsdiff import cli
from newsdiff.core.output.overview_summary import SCHEMA
from newsdiff.core.places import default_cache_dir
from tests.conftest import seed

HOSTILE_NAMES = {
    "000": "with space.txt",
    "002": "quotes 'single' \"double\".txt",
    "003": "new\nline.txt",
    "004": os.fsdecode(b"bytes \xff\xfe not utf-8.txt"),
}
QUOTED = {
    "with space.txt": "'with space.txt'",
    "quotes 'single' \"double\".txt": "'quotes '\\''single'\\'' \"double\".txt'",
    "new\nline.txt": "$'new\\nline.txt'",
    os.fsdecode(b"bytes \xff\xfe not utf-8.txt"): "$'bytes \\xff\\xfe not utf-8.txt'",
}


def run(capsys, *args: str) -> tuple[int, str, str]:
    status = cli.main(["overview", *args])
    out, err = capsys.readouterr()
    return status, out, err


@pytest.fixture(scope="module")
def hostile_folder(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("hostile")
    for prefix, name in HOSTILE_NAMES.items():
        shutil.copyfile(seed(prefix), folder / name)
    (folder / "empty.txt").write_text("")
    return folder


def test_json_follows_the_contract(capsys, fixtures_dir: Path) -> None:
    status, out, err = run(capsys, str(fixtures_dir), "--json", "--no-cache")
    assert status == 0 and err == ""
    doc = json.loads(out)
    assert doc["schema"] == SCHEMA
    assert set(doc) >= {"schema", "articles", "skipped", "clusters", "pairs", "stats"}
    for article in doc["articles"]:
        assert set(article) >= {"path", "title", "outlet", "words", "sha256", "cluster", "boilerplate"}
        assert len(article["sha256"]) == 64
        text = Path(article["path"]).read_text(encoding="utf-8")
        assert all(0 <= s["start"] < s["end"] <= len(text) for s in article["boilerplate"])
    for number, cluster in enumerate(doc["clusters"]):
        assert set(cluster) >= {"articles", "base", "coverage"}
        assert cluster["base"] in cluster["articles"]
        assert all(doc["articles"][i]["cluster"] == number for i in cluster["articles"])
        assert all(set(s) >= {"start", "end", "copies"} for s in cluster["coverage"])
    assert sorted(i for c in doc["clusters"] for i in c["articles"]) == list(range(len(doc["articles"])))
    assert all(set(p) >= {"a", "b", "similarity"} and 0 <= p["similarity"] <= 1 for p in doc["pairs"])
    assert doc["stats"]["articles"] == 5 and doc["stats"]["candidate_pairs"] == len(doc["pairs"])
    assert isinstance(doc["stats"]["seconds"], float)


def test_table_lists_the_story_with_its_base_marked(capsys, fixtures_dir: Path) -> None:
    status, out, err = run(capsys, str(fixtures_dir), "--no-cache")
    assert status == 0 and err == ""
    assert out.startswith("Story 1: 5 copies, suggested base 00")
    base_row = next(line for line in out.splitlines() if line.startswith("  base "))
    assert "003_" in base_row or "002_" in base_row
    for path in fixtures_dir.glob("*.txt"):
        assert path.name in out
    assert "%" in out and "5 articles, 1 story with copies" in out


def test_hostile_names_are_escaped_in_the_table(capsys, hostile_folder: Path) -> None:
    status, out, err = run(capsys, str(hostile_folder), "--no-cache")
    assert status == 0
    for quoted in QUOTED.values():
        assert quoted in out
    assert "\udcff" not in out and "new\nline" not in out
    assert "Skipped files: 1" in out and "empty.txt: empty file" in out
    out.encode("utf-8")


def test_hostile_names_round_trip_through_the_json(capsys, hostile_folder: Path) -> None:
    status, out, _ = run(capsys, str(hostile_folder), "--json", "--no-cache")
    assert status == 0
    out.encode("utf-8")
    doc = json.loads(out)
    names = {Path(a["path"]).name for a in doc["articles"]}
    assert names == set(HOSTILE_NAMES.values())
    assert all(Path(a["path"]).is_file() for a in doc["articles"])
    assert [Path(s["path"]).name for s in doc["skipped"]] == ["empty.txt"]
    for article in doc["articles"]:  # the bytes of a name that is not UTF-8, for parsers refusing lone surrogates
        expected = os.fsencode(article["path"])
        assert base64.b64decode(article.get("path_base64", "")) == (expected if b"\xff" in expected else b"")


def test_nothing_readable_exits_1_with_the_reasons(capsys, tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("")
    (tmp_path / "b.txt").write_bytes(b"\x00\x01\x02")
    status, out, err = run(capsys, str(tmp_path))
    assert status == 1 and out == ""
    assert "a.txt: empty file" in err and "b.txt" in err and "no readable article files" in err


def test_missing_folder_exits_1_and_a_file_or_no_folder_exits_2(capsys, tmp_path: Path) -> None:
    status, _, err = run(capsys, str(tmp_path / "nowhere"))
    assert status == 1 and "nowhere" in err
    status, _, err = run(capsys, str(seed("000")))
    assert status == 2 and "not a folder" in err
    status, _, err = run(capsys)
    assert status == 2 and "FOLDER" in err


def test_interrupt_exits_130_without_a_traceback(capsys, fixtures_dir: Path, monkeypatch) -> None:
    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr("newsdiff.core.folder.analysis.analyse_articles", interrupted)
    status, out, err = run(capsys, str(fixtures_dir), "--no-cache")
    assert status == 130 and out == "" and err == "newsdiff: interrupted\n"


def test_ctrl_c_stops_worker_processes_cleanly(tmp_path: Path) -> None:
    """Ctrl+C reaches the whole foreground process group: the command and its workers."""
    folder = tmp_path / "folder"
    folder.mkdir()
    text = seed("003").read_text(encoding="utf-8")
    for k in range(40):  # three jobs over two workers: one still comparing when the interrupt comes
        (folder / f"copy{k:02d}.txt").write_text(f"{text}\n\nEdition number {k} of the day.\n", encoding="utf-8")
    script = textwrap.dedent(
        f"""
        import os, signal, sys
        from newsdiff import cli
        from newsdiff.core.folder import coverage
        from newsdiff.progress_bar import ProgressBar
        coverage.POOL_MIN_COMPARISONS = 0

        def update(self, done, total):
            if done > total // 2:  # the comparisons have started in the workers
                os.killpg(os.getpgrp(), signal.SIGINT)

        ProgressBar.update = update
        sys.exit(cli.main(["overview", {str(folder)!r}, "--no-cache"]))
        """
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=300, start_new_session=True
    )
    assert done.returncode == 130, done.stderr
    assert "Traceback" not in done.stderr and done.stderr.strip() == "newsdiff: interrupted"


def test_the_cache_goes_to_xdg_cache_home_unless_no_cache(capsys, fixtures_dir: Path, tmp_path: Path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert run(capsys, str(fixtures_dir), "--no-cache")[0] == 0
    assert not (tmp_path / "xdg").exists()
    first = run(capsys, str(fixtures_dir), "--json")
    assert first[0] == 0 and any((tmp_path / "xdg" / "newsdiff").iterdir())
    second = run(capsys, str(fixtures_dir), "--json")
    first_doc, second_doc = json.loads(first[1]), json.loads(second[1])
    for doc in (first_doc, second_doc):
        del doc["stats"]["seconds"]
    assert first_doc == second_doc
    monkeypatch.setenv("XDG_CACHE_HOME", "relative/path")
    assert default_cache_dir() == Path.home() / ".cache" / "newsdiff"
