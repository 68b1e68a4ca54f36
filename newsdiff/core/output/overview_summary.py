"""Renderings of a FolderAnalysis for scripts: the newsdiff.overview/1 JSON document and a readable table."""

from __future__ import annotations

import os
from typing import Any

from newsdiff.core.folder.analysis import FolderAnalysis
from newsdiff.core.output.json_text import path_fields
from newsdiff.core.output.terminal_text import display_width, fit, pad, printable, quoted_name

SCHEMA = "newsdiff.overview/1"
# Terminal columns of a title in the overview table; a longer title is cut with an ellipsis.
TITLE_WIDTH = 60


def overview_json(analysis: FolderAnalysis) -> dict[str, Any]:
    """The analysis as the `newsdiff.overview/1` JSON contract of docs/json.md.

    Extensions: `articles[].carries` (how much of its cluster's base the copy carries, folder.similarity's
    `carries`: the share of the base's story words in sentences linked to the copy; 1 for the base),
    `coverage[].boilerplate` (the base sentence is furniture), `stats.clusters`, `stats.skipped`, and
    `path_base64` beside a `path` that is not valid Unicode (see json_text).
    """
    return {
        "schema": SCHEMA,
        "articles": [
            {
                **path_fields(a.article.path),
                "title": a.article.title,
                "outlet": a.article.outlet,
                "words": a.words,
                "sha256": a.sha256,
                "cluster": a.cluster,
                "boilerplate": [{"start": s.start, "end": s.end} for s in a.boilerplate],
                "carries": None if a.carries is None else round(a.carries, 4),
            }
            for a in analysis.articles
        ],
        "skipped": [{**path_fields(e.path), "reason": e.reason} for e in analysis.skipped],
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


def _count(number: int, one: str, many: str | None = None) -> str:
    return f"{number} {one if number == 1 else many or one + 's'}"


def _names(analysis: FolderAnalysis) -> dict[str, str]:
    """Each path of the analysis as shown: relative to the folder holding them all, quoted for a shell."""
    paths = [a.article.path for a in analysis.articles] + [e.path for e in analysis.skipped]
    try:
        root = os.path.commonpath([os.path.dirname(os.path.abspath(p)) for p in paths])
    except ValueError:
        root = ""
    return {p: quoted_name(os.path.relpath(os.path.abspath(p), root) if root else p) for p in paths}


def _rows(analysis: FolderAnalysis, names: dict[str, str], members: tuple[int, ...], base: int | None) -> list[str]:
    shown = {m: names[analysis.articles[m].article.path] for m in members}
    width = max(display_width(n) for n in shown.values())
    lines = [f"  {'':4} {pad('file', width)}  {'words':>6}  {'carries':>7}  title"]
    order = ([base] if base is not None else []) + [m for m in members if m != base]
    for m in order:
        item = analysis.articles[m]
        mark = "base" if m == base else ""
        share = "" if base is None or m == base or item.carries is None else f"{round(100 * item.carries)}%"
        title = fit(printable(item.article.title), TITLE_WIDTH)
        lines.append(f"  {mark:4} {pad(shown[m], width)}  {item.words:>6}  {share:>7}  {title}")
    return lines


def overview_table(analysis: FolderAnalysis) -> str:
    """The stories with their copies (base first, marked; words; share of the base carried), single articles,
    then the skipped files with their reasons."""
    lines: list[str] = []
    names = _names(analysis)
    stories = [c for c in analysis.clusters if len(c.articles) > 1]
    singles = tuple(c.articles[0] for c in analysis.clusters if len(c.articles) == 1)
    for number, cluster in enumerate(stories, 1):
        base_name = names[analysis.articles[cluster.base].article.path]
        lines.append(f"Story {number}: {len(cluster.articles)} copies, suggested base {base_name}")
        lines.extend(_rows(analysis, names, cluster.articles, cluster.base))
        lines.append("")
    if singles:
        lines.append(f"Articles with no other copy: {len(singles)}")
        lines.extend(_rows(analysis, names, singles, None))
        lines.append("")
    if analysis.skipped:
        lines.append(f"Skipped files: {len(analysis.skipped)}")
        lines.extend(f"  {names[e.path]}: {printable(e.reason)}" for e in analysis.skipped)
        lines.append("")
    counts = (
        _count(len(analysis.articles), "article"),
        _count(len(stories), "story", "stories") + " with copies",
        _count(len(singles), "single article"),
        _count(analysis.candidate_pairs, "candidate pair") + " scored",
    )
    lines.append(f"{', '.join(counts)} in {analysis.seconds:.1f} s")
    return "\n".join(lines) + "\n"
