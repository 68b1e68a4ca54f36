"""Renderings of a FolderAnalysis for scripts: the newsdiff.overview/1 JSON document and a readable table."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from newsdiff.core.folder import FolderAnalysis
from newsdiff.core.terminal_text import display_width, fit, pad, printable, quoted_name

SCHEMA = "newsdiff.overview/1"
TITLE_WIDTH = 60
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def overview_json(analysis: FolderAnalysis) -> dict[str, Any]:
    """The analysis as the `newsdiff.overview/1` JSON contract of DESIGN.md.

    Extensions: `articles[].carries` (the share of the cluster base's story words the copy carries, 1 for
    the base), `coverage[].boilerplate` (the base sentence is furniture), `stats.clusters`, `stats.skipped`.
    """
    return {
        "schema": SCHEMA,
        "articles": [
            {
                "path": a.article.path,
                "title": a.article.title,
                "words": a.words,
                "sha256": a.sha256,
                "cluster": a.cluster,
                "boilerplate": [{"start": s.start, "end": s.end} for s in a.boilerplate],
                "carries": round(a.carries, 4),
            }
            for a in analysis.articles
        ],
        "skipped": [{"path": e.path, "reason": e.reason} for e in analysis.skipped],
        "clusters": [
            {
                "articles": list(c.articles),
                "base": c.base,
                "coverage": [
                    {"start": s.start, "end": s.end, "copies": s.copies, "boilerplate": s.boilerplate}
                    for s in c.coverage
                ],
            }
            for c in analysis.clusters
        ],
        "pairs": [{"a": p.a, "b": p.b, "similarity": p.similarity} for p in analysis.pairs],
        "stats": {
            "articles": len(analysis.articles),
            "candidate_pairs": analysis.candidate_pairs,
            "seconds": round(analysis.seconds, 3),
            "clusters": len(analysis.clusters),
            "skipped": len(analysis.skipped),
        },
    }


def json_text(document: dict[str, Any]) -> str:
    """The document as JSON text (UTF-8 safe), ending with a newline.

    A file name with bytes that are not UTF-8 reaches Python as lone surrogates; they are written as
    `\\udcXX` escapes, which Python's json module reads back into the same name.
    """
    text = json.dumps(document, ensure_ascii=False, indent=1)
    return _LONE_SURROGATE.sub(lambda m: f"\\u{ord(m.group()):04x}", text) + "\n"


def _count(number: int, one: str, many: str | None = None) -> str:
    return f"{number} {one if number == 1 else many or one + 's'}"


def _name(path: str) -> str:
    return quoted_name(Path(path).name or path)


def _rows(analysis: FolderAnalysis, members: tuple[int, ...], base: int | None) -> list[str]:
    names = {m: _name(analysis.articles[m].article.path) for m in members}
    width = max(display_width(n) for n in names.values())
    lines = [f"  {'':4} {pad('file', width)}  {'words':>6}  {'carries':>7}  title"]
    order = ([base] if base is not None else []) + [m for m in members if m != base]
    for m in order:
        item = analysis.articles[m]
        mark = "base" if m == base else ""
        share = "" if base is None or m == base else f"{round(100 * item.carries)}%"
        title = fit(printable(item.article.title), TITLE_WIDTH)
        lines.append(f"  {mark:4} {pad(names[m], width)}  {item.words:>6}  {share:>7}  {title}")
    return lines


def overview_table(analysis: FolderAnalysis) -> str:
    """The stories with their copies (base first, marked; words; share of the base carried), single articles,
    then the skipped files with their reasons."""
    lines: list[str] = []
    stories = [c for c in analysis.clusters if len(c.articles) > 1]
    singles = tuple(c.articles[0] for c in analysis.clusters if len(c.articles) == 1)
    for number, cluster in enumerate(stories, 1):
        base_name = _name(analysis.articles[cluster.base].article.path)
        lines.append(f"Story {number}: {len(cluster.articles)} copies, suggested base {base_name}")
        lines.extend(_rows(analysis, cluster.articles, cluster.base))
        lines.append("")
    if singles:
        lines.append(f"Articles with no other copy: {len(singles)}")
        lines.extend(_rows(analysis, singles, None))
        lines.append("")
    if analysis.skipped:
        lines.append(f"Skipped files: {len(analysis.skipped)}")
        lines.extend(f"  {_name(e.path)}: {printable(e.reason)}" for e in analysis.skipped)
        lines.append("")
    counts = (
        _count(len(analysis.articles), "article"),
        _count(len(stories), "story", "stories") + " with copies",
        _count(len(singles), "single article"),
        _count(analysis.candidate_pairs, "candidate pair") + " scored",
    )
    lines.append(f"{', '.join(counts)} in {analysis.seconds:.1f} s")
    return "\n".join(lines) + "\n"
