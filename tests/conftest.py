"""Shared test set-up: Qt runs offscreen; the seed articles are fixtures."""

import os
import tempfile
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# The suite never reads or fills the user's own cache folder.
os.environ["XDG_CACHE_HOME"] = tempfile.mkdtemp(prefix="newsdiff-test-cache-")

FIXTURES = Path(__file__).parent / "fixtures"


def seed(prefix: str) -> Path:
    """The fixture seed article whose name starts with `prefix` (e.g. "003")."""
    return next(FIXTURES.glob(f"{prefix}_*.txt"))


@pytest.fixture(scope="session")
def fixtures_dir() -> Path:
    """The folder of seed articles."""
    return FIXTURES
