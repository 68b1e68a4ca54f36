"""The quality benchmarks' results file: one Markdown section per benchmark, each rewritten on its own."""

from __future__ import annotations

from pathlib import Path

RESULTS = Path(__file__).resolve().parent / "RESULTS.md"


def write_section(path: Path, heading: str, body: list[str]) -> None:
    """Put the section `heading` (a `## ` line) into the results file, leaving the other sections as they are."""
    section = "\n".join([heading, "", *body]).rstrip() + "\n"
    text = path.read_text(encoding="utf-8") if path.exists() else "# Quality benchmarks\n"
    start = text.find(heading + "\n")
    if start < 0:
        text = text.rstrip() + "\n\n" + section
    else:
        end = text.find("\n## ", start + len(heading))
        text = text[:start] + section + (text[end:] if end >= 0 else "")
    temporary = path.with_suffix(".tmp")
    temporary.write_text(text, encoding="utf-8")
    temporary.replace(path)
