"""`newsdiff` without a subcommand: arguments checked before Qt starts, and no display said plainly."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from newsdiff.cli import EXIT_UNREADABLE, EXIT_USAGE
from tests.conftest import FIXTURES

ROOT = Path(__file__).resolve().parent.parent


def _newsdiff(*args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    env["PYTHONPATH"] = str(ROOT)
    return subprocess.run(
        [sys.executable, "-c", "import sys; from newsdiff.cli import main; sys.exit(main())", *args],
        capture_output=True, text=True, env=env, timeout=60,
    )


@pytest.mark.parametrize("args", [(), (str(FIXTURES),)], ids=["no arguments", "a folder"])
def test_without_a_display_the_viewer_says_so(args: tuple[str, ...]) -> None:
    done = _newsdiff(*args)
    assert done.returncode == EXIT_UNREADABLE
    assert "no display" in done.stderr and "compare, report, overview" in done.stderr
    assert "xcb" not in done.stderr


def test_a_missing_path_is_named_before_qt_starts() -> None:
    done = _newsdiff("/nonexistent")
    assert done.returncode == EXIT_UNREADABLE
    assert done.stderr.strip() == "newsdiff: /nonexistent: no such file or folder"


def test_a_mistyped_subcommand_is_a_usage_error_naming_the_subcommands() -> None:
    done = _newsdiff("comapre", "a", "b")
    assert done.returncode == EXIT_USAGE
    assert "did you mean compare?" in done.stderr and "compare, report, overview" in done.stderr
