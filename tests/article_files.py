"""Article files as editors save them, built for tests: web pages around a story, Word files, bad input."""

from __future__ import annotations

import html
import io
import os
from pathlib import Path

import docx

NAVIGATION = ("Home", "Local", "Lifestyle", "Obituaries", "Puzzles")
ADVERT = "Advertisement: Save 50% on running shoes this week only, order now at our partner store"
COMMENTS = (
    "Great reporting as always, thank you for keeping us informed about this.",
    "I cannot believe nobody saw this coming, it was obvious months ago to everyone.",
)
# what a page adds around the story, none of it in the seeds: extraction must leave it out
FURNITURE = ("Lifestyle", "Obituaries", "Puzzles", ADVERT, *COMMENTS, "All rights reserved", "tracking")


def story_page(text: str, site: str = "The Daily Planet", charset: str = "utf-8") -> str:
    """A saved news web page holding `text` (first line the headline, paragraphs separated by blank lines, lines
    inside a paragraph kept with <br>), with navigation, an advert and a comment block around it."""
    headline, _, rest = text.strip().partition("\n")
    paragraphs = [p.strip() for p in rest.split("\n\n") if p.strip()]
    body = "".join(f"<p>{'<br>'.join(map(html.escape, p.split(chr(10))))}</p>\n" for p in paragraphs)
    menu = "".join(f'<li><a href="/{name.lower()}">{name}</a></li>' for name in NAVIGATION)
    comments = "".join(
        f'<div class="comment"><span class="author">reader{i}</span><p>{html.escape(c)}</p></div>'
        for i, c in enumerate(COMMENTS)
    )
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="{charset}">
<title>{html.escape(headline)} | {site}</title>
<meta property="og:title" content="{html.escape(headline, quote=True)}">
<link rel="stylesheet" href="style.css"><script>var tracking = {{"id": 42}};</script>
</head><body>
<header><div class="logo">{site}</div><nav class="menu"><ul>{menu}</ul></nav></header>
<aside class="ad banner"><p>{ADVERT}</p></aside>
<main><article>
<h1>{html.escape(headline)}</h1>
{body}
</article>
<section class="comments" id="comments"><h3>Comments</h3>{comments}</section>
</main>
<footer><p>Copyright 2025 {site}. All rights reserved. <a href="/privacy">Privacy</a></p></footer>
</body></html>
"""


def word_file(paragraphs: list[str], table: list[list[str]] | None = None) -> bytes:
    """A .docx file of `paragraphs` (the first styled as the title), with a table after the second if given."""
    document = docx.Document()
    document.add_heading(paragraphs[0], 0)
    for index, paragraph in enumerate(paragraphs[1:]):
        document.add_paragraph(paragraph)
        document.add_paragraph("")  # editors leave empty paragraphs as spacing
        if index == 0 and table:
            grid = document.add_table(rows=len(table), cols=len(table[0]))
            for r, row in enumerate(table):
                for c, cell in enumerate(row):
                    grid.cell(r, c).text = cell
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


STORY = (
    "Storm closes coastal roads\n\n"
    "Heavy rain closed three coastal roads on Tuesday, the regional authority said.\n\n"
    "Crews expect to reopen them by Thursday evening if the weather clears."
)

BAD_FILES = {  # name: (bytes, a word the reason must contain)
    "binary.bin": (b"\x00\x01\x02\x03binary\x00data" * 20, "binary"),
    "photo.jpg": (b"\xff\xd8\xff\xe0\x00\x10JFIF" + bytes(range(256)), "JPEG"),
    "empty.txt": (b"", "empty"),
    "blank.txt": (b" \n\t\r\n  \n", "empty"),
    "broken-utf16.txt": (b"\xff\xfe" + "Half a story".encode("utf-16-le") + b"\x00\xd8", "undecodable"),
    "truncated.docx": (word_file(STORY.split("\n\n"))[:1500], "Word"),
    "old.doc": (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(500), ".docx"),
    "script.js": (b"console.log('hello');", "script"),
    "no-article.html": (b"<!DOCTYPE html><html><head><title></title></head><body><script>x()</script></body></html>",
                        "no article"),
}


def build_input_folder(folder: Path, seeds: list[Path], max_bytes: int) -> dict[str, str]:
    """Fill `folder` with every kind of input an editor has, readable and not: the seeds as text, a web page and a
    Word file, and each bad file of BAD_FILES plus one over `max_bytes` and one unreadable (mode 000).

    Returns the names expected to be skipped, each with a word its reason must contain.
    """
    folder.mkdir(parents=True, exist_ok=True)
    for path in seeds:
        (folder / path.name).write_bytes(path.read_bytes())
    (folder / "page.html").write_text(story_page(STORY), encoding="utf-8")
    (folder / "story.docx").write_bytes(word_file(STORY.split("\n\n")))
    expected = {}
    for name, (data, reason) in BAD_FILES.items():
        (folder / name).write_bytes(data)
        expected[name] = reason
    (folder / "huge.txt").write_bytes(b"word " * (max_bytes // 5 + 1))
    expected["huge.txt"] = "too large"
    locked = folder / "locked.txt"
    locked.write_text(STORY, encoding="utf-8")
    os.chmod(locked, 0)
    expected["locked.txt"] = "permission denied"
    return expected
