"""Copies that come from the clipboard or a drop rather than a file: a browser selection or text pasted with
Ctrl+V (Edit > Paste as Copy) or dropped on the window becomes an article of the open folder, named "Pasted 1",
"Pasted 2"… and kept while the folder is open, until the user saves it as a file.

A web page selection (HTML) goes through the same main-text extraction as a saved page, so menus and share
buttons caught in the selection are left out as they are from a saved page; plain text is taken as it is.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QMimeData
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from newsdiff.core.output.safe_write import is_input, write_text_atomically
from newsdiff.core.read.articles import MAX_BYTES, Article, ArticleError, refuse_too_long
from newsdiff.core.read.decoding import ContentError
from newsdiff.core.read.formats import page_article
from newsdiff.ui.overwrite import may_replace

PASTED_PREFIX = "Pasted"
# A pasted or dropped copy is held to the size limit of an article file (one character is at least a byte):
# the same reasons apply.
MAX_PASTED_CHARACTERS = MAX_BYTES
NOTHING_TO_PASTE = "no text on the clipboard"


def offers_text(mime: QMimeData) -> bool:
    """Whether `mime` (the clipboard, or what is dragged) holds text or HTML to make a copy of."""
    return mime.hasHtml() or (mime.hasText() and bool(mime.text().strip()))


@dataclass(frozen=True)
class Clipping:
    """What the clipboard or a drop holds, read in the GUI thread (a QMimeData must stay there)."""

    html: str
    text: str

    @classmethod
    def of(cls, mime: QMimeData) -> Clipping:
        """The HTML and plain text of `mime` ("" for what it lacks)."""
        return cls(mime.html() if mime.hasHtml() else "", mime.text() if mime.hasText() else "")


def pasted_name(taken: set[str]) -> str:
    """The first name "Pasted N" that is not among `taken` (the file names of the open articles)."""
    number = 1
    while f"{PASTED_PREFIX} {number}" in taken:
        number += 1
    return f"{PASTED_PREFIX} {number}"


def is_pasted(article: Article) -> bool:
    """Whether `article` came from the clipboard or a drop and is not saved as a file yet."""
    return not article.sha256 and Path(article.path).name.startswith(f"{PASTED_PREFIX} ")


def pasted_article(clipping: Clipping, path: str) -> Article:
    """The article `clipping` holds, named `path` (a name in the open folder that no file has).

    HTML goes through the saved-page extraction; when that finds no article (a bare line of a page), the plain
    text the source offered alongside is taken. Raises ArticleError when there is no text, or too much (bytes or words)."""
    html, text = clipping.html, clipping.text
    if max(len(html), len(text)) > MAX_PASTED_CHARACTERS:
        raise ArticleError(path, f"too large to paste (over {MAX_PASTED_CHARACTERS:,} characters)")
    if html.strip():
        try:
            # the selection has no <meta charset>: say which encoding its bytes are in
            extracted = page_article(b'<meta charset="utf-8">' + html.encode("utf-8", "surrogatepass"))
        except ContentError:
            extracted = None
        if extracted is not None:
            refuse_too_long(path, extracted.text)
            pasted = Article.from_text(extracted.text, path, extracted.title or None)
            return Article(pasted.path, pasted.title, pasted.text, extracted.hints + pasted.hints, "", extracted.outlet)
    if not text.strip():
        raise ArticleError(path, NOTHING_TO_PASTE)
    refuse_too_long(path, text)
    return Article.from_text(text.strip("\n"), path)


def saved_article(article: Article, path: Path) -> Article:
    """The pasted `article` once its text is saved at `path` (as UTF-8, as it is): a file article from now on,
    watched for changes like the others."""
    digest = hashlib.sha256(article.text.encode("utf-8")).hexdigest()
    return Article(str(path), article.title, article.text, article.hints, digest, article.outlet)


def save_pasted_dialog(parent: QWidget, article: Article, articles: list[Article]) -> Path | None:
    """Ask where to save the pasted `article` as a text file (its folder first), and write it there in one step;
    an existing file is replaced only when the user agrees, and never one of the open `articles`. The path
    written, or None."""
    title = "Save Pasted Copy"
    named = Path(article.path)
    start = (named if named.is_absolute() else Path.home() / named).with_name(f"{named.name}.txt")
    chosen, _ = QFileDialog.getSaveFileName(
        parent, title, str(start), "Text (*.txt)", options=QFileDialog.Option.DontConfirmOverwrite
    )
    if not chosen:
        return None
    path = Path(chosen)
    if not path.suffix:
        path = path.with_name(path.name + ".txt")
    if is_input(path, [a.path for a in articles]):
        QMessageBox.warning(parent, title, f"{path} is one of the open articles. Choose another name.")
        return None
    force = may_replace(parent, path, "file")
    if force is None:
        return None
    try:
        return write_text_atomically(path, article.text, force=force)
    except OSError as error:
        QMessageBox.warning(parent, title, f"{path}: could not be saved: {error.strerror or error}")
        return None
