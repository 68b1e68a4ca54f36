"""The Microsoft Research Paraphrase Corpus as pairs: where it lives and how its files are read."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
TRAIN = "msr_paraphrase_train.txt"
TEST = "msr_paraphrase_test.txt"
# A record: label, two ids, two sentences, tab-separated. The train file has a record whose line break was
# lost, so records are found by their own pattern rather than by lines.
_RECORD = re.compile(r"([01])\t(\d+)\t(\d+)\t([^\t\n]*)\t([^\t\n]*?)(?=[01]\t\d+\t\d+\t|\r?\n|\Z)")


@dataclass(frozen=True)
class Pair:
    """Two sentences and whether MRPC's annotators judged them equivalent."""

    left: str
    right: str
    equivalent: bool


def data_dir() -> Path:
    """The MRPC folder: $NEWSDIFF_MRPC, or ../shared/data/mrpc beside the repository."""
    return Path(os.environ.get("NEWSDIFF_MRPC", REPO.parent / "shared" / "data" / "mrpc"))


def load(name: str, folder: Path | None = None) -> list[Pair]:
    """The pairs of one MRPC file (TRAIN or TEST)."""
    text = ((folder or data_dir()) / name).read_text(encoding="utf-8-sig")
    return [Pair(m.group(4), m.group(5), m.group(1) == "1") for m in _RECORD.finditer(text)]
