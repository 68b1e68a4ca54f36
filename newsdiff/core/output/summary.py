"""Renderings of a Comparison for scripts: the newsdiff.compare/1 JSON document and a readable text summary."""

from __future__ import annotations

from typing import Any

from newsdiff.core.model import KINDS, Comparison, Document, Side
from newsdiff.core.output.json_text import path_fields
from newsdiff.core.output.terminal_text import printable, quoted_name
from newsdiff.core.wording import difference_marks

SCHEMA = "newsdiff.compare/1"


def _document_json(doc: Document) -> dict[str, Any]:
    return {
        **path_fields(doc.path),
        "title": doc.title,
        "outlet": doc.outlet,
        "text": doc.text,
        "paragraphs": [{"start": p.start, "end": p.end} for p in doc.paragraphs],
        "sentences": [{"start": s.start, "end": s.end, "paragraph": s.paragraph} for s in doc.sentences],
    }


def comparison_json(comparison: Comparison) -> dict[str, Any]:
    """The comparison as the `newsdiff.compare/1` JSON contract of docs/json.md."""
    return {
        "schema": SCHEMA,
        "left": _document_json(comparison.left),
        "right": _document_json(comparison.right),
        "links": [
            {
                "left": list(link.left),
                "right": list(link.right),
                "kind": link.kind.value,
                "similarity": round(float(link.similarity), 4),
                "moved": link.moved,
                "altered": link.altered,
                "edits": [
                    {"side": e.side.value, "start": e.start, "end": e.end, "op": e.op.value} for e in link.edits
                ],
            }
            for link in comparison.links
        ],
        "unique": {"left": list(comparison.unique_left), "right": list(comparison.unique_right)},
        "misspellings": [
            {"side": m.side.value, "start": m.start, "end": m.end, "word": m.word, "suggestion": m.suggestion}
            for m in comparison.misspellings
        ],
        "rows": [{"left": list(row.left), "right": list(row.right)} for row in comparison.rows],
        "stats": {side.value: {k.value: n for k, n in comparison.stats(side).items()} for side in Side},
    }


def _quote(text: str, limit: int = 100) -> str:
    text = printable(" ".join(text.split()))
    return text if len(text) <= limit else text[: limit - 1] + "…"


def text_summary(comparison: Comparison) -> str:
    """A readable summary: the two files, counts per kind on each side, then each difference in reading order.

    Article text is untrusted: names are quoted and control characters escaped as in the overview, so that
    no escape sequence in a copy reaches the terminal.
    """
    lines = [f"left:  {quoted_name(comparison.left.path)}  ({printable(comparison.left.title)})"]
    lines.append(f"right: {quoted_name(comparison.right.path)}  ({printable(comparison.right.title)})")
    lines.append("")
    lines.append(f"{'':8}" + "".join(f"{k.value:>12}" for k in KINDS))
    for side in Side:
        stats = comparison.stats(side)
        lines.append(f"{side.value:8}" + "".join(f"{stats[k]:>12}" for k in KINDS))
    lines.append("")
    for number, diff in enumerate(comparison.differences(), 1):
        marks = "".join(f" [{mark}]" for mark in difference_marks(comparison, diff))
        lines.append(f"#{number} {diff.kind.value}{marks}")
        for side, sign in ((Side.LEFT, "-"), (Side.RIGHT, "+")):
            doc = comparison.document(side)
            for index in diff.sentences(side):
                lines.append(f"  {sign} {_quote(doc.sentence_text(index))}")
    if comparison.misspellings:
        lines.append("")
        lines.append("misspellings:")
        for m in comparison.misspellings:
            hint = f" -> {printable(m.suggestion)}" if m.suggestion else ""
            lines.append(f"  {m.side.value}: {printable(m.word)}{hint}")
    return "\n".join(lines) + "\n"

