"""Benchmarks use the seed articles of the test fixtures."""

from pathlib import Path

FIXTURES = Path(__file__).resolve().parent.parent / "tests" / "fixtures"
