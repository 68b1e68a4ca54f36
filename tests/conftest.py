"""Shared test set-up: Qt runs offscreen; the seed articles are fixtures."""

import atexit
import os
import shutil
import tempfile
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# The suite never reads or fills the user's own cache folder, reviews (data), nor the user's settings (QSettings: the
# viewer's geometry, recent folders, toggles); all live in one folder removed when the run ends.
_PRIVATE = tempfile.mkdtemp(prefix="newsdiff-test-")
atexit.register(shutil.rmtree, _PRIVATE, ignore_errors=True)
os.environ["XDG_CACHE_HOME"] = os.path.join(_PRIVATE, "cache")
os.environ["XDG_CONFIG_HOME"] = os.path.join(_PRIVATE, "config")
os.environ["XDG_DATA_HOME"] = os.path.join(_PRIVATE, "data")

TESTS = Path(__file__).resolve().parent
FIXTURES = TESTS / "fixtures"


def seed(prefix: str) -> Path:
    """The fixture seed article whose name starts with `prefix` (e.g. "003")."""
    return next(FIXTURES.glob(f"{prefix}_*.txt"))


@pytest.fixture(scope="session")
def fixtures_dir() -> Path:
    """The folder of seed articles."""
    return FIXTURES


@pytest.fixture(autouse=True)
def private_reviews(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """Each test keeps its reviews and sessions (the data folder) to itself: a base chosen in one test must not
    come back when another opens the same folder."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path_factory.mktemp("data")))
