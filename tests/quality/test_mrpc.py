"""The MRPC reader and the MRPC script, on small files made here."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from tests.conftest import TESTS

REPO = TESTS.parent
sys.path.insert(0, str(REPO / "benchmarks" / "quality"))

import mrpc_data  # noqa: E402

HEADER = "\ufeffQuality\t#1 ID\t#2 ID\t#1 String\t#2 String\n"
RATE = "The central bank left its main interest rate unchanged at 2 percent on Thursday."
TALKS = "Officials from both countries will meet in Vienna next week to resume the stalled talks."
PAIRS = [
    ("1", RATE, RATE.replace("on Thursday", "on Thursday, as expected")),
    ("0", TALKS, TALKS.replace("Vienna", "Madrid")),
    ("0", "Heavy rain flooded roads across the north of the country.", "The striker signed a new contract."),
]


def write(folder: Path, name: str, lines: list[str]) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / name).write_text(HEADER + "".join(lines), encoding="utf-8")


def run_script(folder: Path) -> subprocess.CompletedProcess:
    # The script runs on this repository's newsdiff, whichever one the environment has installed.
    env = {"NEWSDIFF_MRPC": str(folder), "PATH": "/usr/bin:/bin", "HOME": str(folder), "PYTHONPATH": str(REPO)}
    return subprocess.run([sys.executable, str(REPO / "benchmarks" / "quality" / "mrpc.py")], cwd=REPO, env=env,
                          capture_output=True, text=True, timeout=300)


def test_records_are_read_even_where_a_line_break_was_lost(tmp_path: Path) -> None:
    write(tmp_path, mrpc_data.TEST, [
        "1\t11\t12\tFirst left.\tFirst right.0\t21\t22\tSecond left.\tSecond right.\n",
        "1\t31\t32\tThird left.\tThird right.\n",
    ])
    pairs = mrpc_data.load(mrpc_data.TEST, tmp_path)
    assert pairs == [
        mrpc_data.Pair("First left.", "First right.", True),
        mrpc_data.Pair("Second left.", "Second right.", False),
        mrpc_data.Pair("Third left.", "Third right.", True),
    ]


def test_script_skips_with_a_message_without_the_data(tmp_path: Path) -> None:
    result = run_script(tmp_path / "absent")
    assert result.returncode == 0, result.stderr
    assert "skipped" in result.stdout and "NEWSDIFF_MRPC" in result.stdout


def test_script_scores_pairs_through_compare(tmp_path: Path) -> None:
    write(tmp_path, mrpc_data.TEST, [f"{label}\t{k}\t{k + 100}\t{a}\t{b}\n" for k, (label, a, b) in enumerate(PAIRS)])
    result = run_script(tmp_path)
    assert result.returncode == 0, result.stderr
    assert "3 pairs" in result.stdout
    assert "compare (linked and not altered): accuracy 1.0000, F1 1.0000" in result.stdout
    # The pair that only adds "as expected" is no reworded pair; the name swapped and the unrelated pair are.
    assert "compare on the reworded pairs only (2, 0.0% equivalent): accuracy 1.0000" in result.stdout
    assert "altered model alone (not altered = equivalent): accuracy 1.0000" in result.stdout
