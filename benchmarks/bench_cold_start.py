"""Cold start: `newsdiff compare --json` on a seed pair as a whole new process, against difflib's HTML side-by-side
diff of the same pair in a new process, in the same run: wall time and peak memory (resident set) of each.

Run: .venv/bin/python benchmarks/bench_cold_start.py [ROUNDS]
  or .venv/bin/python -m pytest benchmarks/bench_cold_start.py -s
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

from conftest import FIXTURES

LEFT, RIGHT = (next(FIXTURES.glob(f"{prefix}_*.txt")) for prefix in ("003", "000"))
DIFFLIB = (
    "import difflib, sys; a, b = (open(p, encoding='utf-8').read().splitlines() for p in sys.argv[1:]); "
    "sys.stdout.write(difflib.HtmlDiff().make_file(a, b))"
)
COMMANDS = {
    "newsdiff compare --json": [sys.executable, "-m", "newsdiff", "compare", str(LEFT), str(RIGHT), "--json"],
    "difflib HtmlDiff": [sys.executable, "-c", DIFFLIB, str(LEFT), str(RIGHT)],
}


def run_once(command: list[str]) -> tuple[float, float]:
    """Wall seconds and peak resident megabytes of one run of the command as a new process."""
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL)
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        raise RuntimeError(f"{command[:4]} failed")
    return seconds, usage.ru_maxrss / 1024  # kilobytes on Linux


def measure(rounds: int = 5) -> dict[str, tuple[float, float]]:
    """The median seconds and megabytes of each command over `rounds`, the commands taking turns so that both see
    the same machine; one unmeasured run each first, so that neither pays for a cold disk cache."""
    for command in COMMANDS.values():
        run_once(command)
    samples: dict[str, list[tuple[float, float]]] = {name: [] for name in COMMANDS}
    for _ in range(rounds):
        for name, command in COMMANDS.items():
            samples[name].append(run_once(command))
    return {
        name: (statistics.median(s for s, _ in runs), statistics.median(m for _, m in runs))
        for name, runs in samples.items()
    }


def report(results: dict[str, tuple[float, float]]) -> str:
    """One line per command, and newsdiff's time as a multiple of difflib's."""
    lines = [f"{name:26} {seconds:6.2f} s {megabytes:6.0f} MB" for name, (seconds, megabytes) in results.items()]
    (ours, _), (theirs, _) = results.values()
    return "\n".join([*lines, f"newsdiff takes {ours / theirs:.1f} times difflib's time"])


def test_cold_start() -> None:
    print("\n" + report(measure()))


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    print(report(measure(int(sys.argv[1]) if len(sys.argv) > 1 else 5)))
