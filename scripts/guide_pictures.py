"""Render the user guide's picture of the kinds (docs/kinds.png) with the real viewer, offscreen.

The pair is made here from the sample story: the base is eight of its paragraphs, the copy the same paragraphs
edited the ways outlets edit them (one reworded, one with a slip, one number changed, one cut, one added, one
moved), so that every kind and mark is in one small window. Run from anywhere:
`.venv/bin/python scripts/guide_pictures.py`.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QSettings  # noqa: E402 - the platform must be chosen first
from PySide6.QtWidgets import QApplication  # noqa: E402

from newsdiff.core.text.segment import paragraph_spans  # noqa: E402
from newsdiff.ui.main_window import SAMPLE_FOLDER, MainWindow  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "docs" / "kinds.png"
FIRST, LAST = "President Vladimir Putin called", "Ukraine's military leadership"
EDITS = (  # (what the copy does, the base's words, the copy's words)
    ("reworded", "President Vladimir Putin called on Friday for beleaguered Ukrainian troops in the Russian region of "
     "Kursk to \"surrender\" as Ukraine's President Volodymyr Zelensky accused the Russian leader of seeking to",
     "Russian President Vladimir Putin on Friday urged besieged Ukrainian soldiers in Russia's Kursk region to "
     "\"surrender\", while Ukraine's Volodymyr Zelensky accused him of trying to"),
    ("slip", "counteroffensive", "counteroffensve"),
    ("number", "Trump said \"thousands\"", "Trump said \"hundreds\""),
    ("typography", "\"If they lay down their arms and surrender, they will be guaranteed life and dignified treatment,\"",
     "“If they lay down their arms and surrender, they will be guaranteed life and dignified treatment,”"),
)
CUT = "Defeat in Kursk"
ADDED = "Kremlin spokesman Dmitry Peskov said later that the talks with Washington would go on."
MOVED = "Ukraine's military leadership"


def demo_pair() -> tuple[str, str]:
    """The base and the copy, as texts."""
    text = (SAMPLE_FOLDER / "003_c04344dd006e618a.txt").read_text(encoding="utf-8").replace("\xa0", " ")
    spans = paragraph_spans(text)
    chosen = [text[s.start:s.end] for s in spans]
    first = next(i for i, p in enumerate(chosen) if p.startswith(FIRST))
    last = next(i for i, p in enumerate(chosen) if p.startswith(LAST))
    base = [p for p in chosen[first:last + 1] if p.strip() != "'Horrible massacre'"]
    copy = [p for p in base if not p.startswith(CUT)]
    for _, old, new in EDITS:
        copy = [p.replace(old, new) for p in copy]
    moved = next(p for p in copy if p.startswith(MOVED))
    copy.remove(moved)
    copy.insert(2, moved)
    copy.insert(4, ADDED)
    return "\n\n".join(base) + "\n", "\n\n".join(copy) + "\n"


def main() -> int:
    """Write docs/kinds.png."""
    app = QApplication.instance() or QApplication(sys.argv[:1])
    with tempfile.TemporaryDirectory() as folder:
        base, copy = demo_pair()
        paths = [Path(folder) / "wire.txt", Path(folder) / "outlet.txt"]
        for path, text in zip(paths, (base, copy)):
            path.write_text(text, encoding="utf-8")
        window = MainWindow(QSettings(str(Path(folder) / "settings.ini"), QSettings.Format.IniFormat))
        window.resize(1180, 760)
        window.show()
        window.open_paths([str(p) for p in paths])
        deadline = time.monotonic() + 120
        while window.comparison is None and time.monotonic() < deadline:
            app.processEvents()
            time.sleep(0.02)
        if window.comparison is None:
            print("the comparison did not finish", file=sys.stderr)
            return 1
        for _ in range(20):
            app.processEvents()
        window.grab().save(str(OUT))
        window.close()
        window.wait_for_work()
    print(f"wrote {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
