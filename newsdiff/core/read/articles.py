"""Find and load the article files of a folder: read, decode, extract text and title; clear errors for the rest.

Files are only ever opened for reading, once each, and never locked, moved or written.
"""

from __future__ import annotations

import errno
import hashlib
import os
import stat
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from newsdiff.core.read.decoding import ContentError, decode, text_hints
from newsdiff.core.read.formats import (
    HEAD_BYTES,
    Extracted,
    decoding_hints,
    is_newsdiff_report,
    looks_like_html,
    page_article,
    word_article,
)

TEXT_SUFFIXES = frozenset({".txt", ".md", ".markdown", ".text"})
PAGE_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})
WORD_SUFFIXES = frozenset({".docx"})
NOT_ARTICLES = {  # suffixes known not to hold an article: skipped with this reason rather than read as text
    ".css": "a style sheet",
    ".js": "a script",
    ".json": "JSON data",
    ".pdf": "a PDF document",
    ".doc": "an old-style Word file; save it as .docx",
    ".odt": "an OpenDocument file; save it as .docx or .txt",
    ".rtf": "an RTF document; save it as .docx or .txt",
}
SYSTEM_FILES = frozenset({"thumbs.db", "desktop.ini"})  # hidden on Windows, visible once copied elsewhere
# A file larger than this is refused as no article (an article's text runs to some kilobytes): reading and
# comparing it would hold the folder up. Larger admits bigger files, saved pages with inline images among them.
MAX_BYTES = 5 * 1024 * 1024
# An article of more words than this is refused: comparing two such texts is bounded by the number of sentence
# pairs, and measured here two 25,000-word texts took 5.7 s and 400 MB, two of 50,000 words 11.5 s and 1.0 GB.
# 40,000 keeps a pair within about 10 s and 1 GB; real articles run to a few thousand words (the longest of the
# seeds and the hand-labelled real copies: 2,200). A 5 MB text file may hold 800,000.
MAX_WORDS = 40_000
NO_SUCH_FILE = "no such file"


class ArticleError(Exception):
    """An article file that could not be loaded; the message names the file and the reason."""

    def __init__(self, path: Path | str, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = str(path)
        self.reason = reason

    def __reduce__(self) -> tuple[type, tuple[str, str]]:
        # Errors travel from the analysis process to the window by pickle, which by default calls the class
        # with `args` (the one message) and so would fail for want of the reason.
        return type(self), (self.path, self.reason)


@dataclass(frozen=True)
class Article:
    """An article as shown: its path, title and decoded text with `\\n` line endings.

    `hints` are notes for the reader about how the file was read or damage seen in it (mojibake, a guessed
    encoding); `sha256` is the checksum of the file's bytes when it was loaded ("" for text from memory);
    `outlet` the publisher the file names (a web page's site name or host), "" when it names none.
    """

    path: str
    title: str
    text: str
    hints: tuple[str, ...] = ()
    sha256: str = ""
    outlet: str = ""

    @classmethod
    def from_text(cls, text: str, path: str = "", title: str | None = None) -> Article:
        """An article made from text already in memory."""
        text = normalise_newlines(text)
        return cls(path, title if title is not None else title_of(text), text, text_hints(text))


def refuse_too_long(path: Path | str, text: str) -> None:
    """Raise ArticleError when `text` holds more words than an article may (MAX_WORDS), from a file or not."""
    words = len(text.split())
    if words > MAX_WORDS:
        raise ArticleError(path, f"too long to compare ({words:,} words; the limit is {MAX_WORDS:,})")


def normalise_newlines(text: str) -> str:
    """The text with CRLF and CR line endings turned into LF."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def title_of(text: str) -> str:
    """The first non-empty line of the text, stripped of Markdown heading marks."""
    for line in text.split("\n"):
        stripped = line.strip().lstrip("#").strip()
        if stripped:
            return stripped
    return ""


def load_article(path: Path | str, *, max_bytes: int = MAX_BYTES) -> Article:
    """The article stored at `path` (text, Markdown, web page or Word file, or any file that holds text).

    Raises ArticleError naming the file and the reason when it cannot be read or holds no article.
    """
    path = Path(path)
    data = _read(path, max_bytes)
    try:
        extracted = _extract(path, data, max_bytes)
    except ContentError as error:
        raise ArticleError(path, str(error)) from None
    text = normalise_newlines(extracted.text)
    if not text.strip():
        raise ArticleError(path, "empty file (only white space)")
    refuse_too_long(path, text)
    hints = extracted.hints + text_hints(text)
    title = extracted.title or title_of(text)
    return Article(str(path), title, text, hints, hashlib.sha256(data).hexdigest(), extracted.outlet)


def _extract(path: Path, data: bytes, max_bytes: int) -> Extracted:
    """The article in a file's bytes, by its suffix; a file of unknown type is sniffed."""
    suffix = path.suffix.lower()
    if suffix in NOT_ARTICLES:
        raise ContentError(f"not an article: {NOT_ARTICLES[suffix]}")
    known = suffix in TEXT_SUFFIXES | PAGE_SUFFIXES | WORD_SUFFIXES
    if suffix in PAGE_SUFFIXES or (not known and looks_like_html(data[:HEAD_BYTES])):
        return page_article(data)
    if suffix in WORD_SUFFIXES or (not known and data.startswith(b"PK\x03\x04") and b"word/document.xml" in data):
        return word_article(data, max_bytes)
    decoded = decode(data)
    return Extracted("", decoded.text, decoding_hints(decoded))


def _read(path: Path, max_bytes: int) -> bytes:
    """The bytes of the regular file at `path`, read once and read-only; ArticleError if it cannot be."""
    try:
        before = os.stat(path)
    except OSError as error:
        raise ArticleError(path, _os_reason(error)) from None
    _check_file(path, before, max_bytes)
    for _ in range(2):  # a file rewritten while it was read gets one more try
        try:
            # O_NONBLOCK: should a pipe replace the file after the check, opening it must not wait for a writer
            flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
            flags |= getattr(os, "O_CLOEXEC", 0)
            with os.fdopen(os.open(path, flags), "rb") as file:
                before = os.fstat(file.fileno())
                _check_file(path, before, max_bytes)
                data = file.read(max_bytes + 1)
                after = os.fstat(file.fileno())
        except OSError as error:
            raise ArticleError(path, _os_reason(error)) from None
        if len(data) > max_bytes:
            raise ArticleError(path, f"too large (over {max_bytes:,} bytes, the limit)")
        if (before.st_size, before.st_mtime_ns) == (after.st_size, after.st_mtime_ns) and len(data) == after.st_size:
            return data
    raise ArticleError(path, "changed while it was being read; open it again once it has been saved")


def _check_file(path: Path, status: os.stat_result, max_bytes: int) -> None:
    """Raise ArticleError unless `status` is that of a regular, non-empty file within the size limit."""
    if stat.S_ISDIR(status.st_mode):
        raise ArticleError(path, "is a folder, not a file")
    if not stat.S_ISREG(status.st_mode):
        raise ArticleError(path, "not a regular file (a device, pipe or socket)")
    if status.st_size == 0:
        raise ArticleError(path, "empty file")
    if status.st_size > max_bytes:
        raise ArticleError(path, f"too large ({status.st_size:,} bytes; the limit is {max_bytes:,})")


def _os_reason(error: OSError) -> str:
    """A short reason for an operating-system error, for the user."""
    if isinstance(error, FileNotFoundError):
        return NO_SUCH_FILE
    if isinstance(error, PermissionError):
        return "permission denied (this user may not read it)"
    if isinstance(error, IsADirectoryError):
        return "is a folder, not a file"
    if isinstance(error, NotADirectoryError):
        return "not a folder"
    if error.errno == errno.ELOOP:
        return "symbolic link loop: not followed"
    return error.strerror or str(error)


def find_articles(folder: Path | str, *, recursive: bool = False) -> list[Path]:
    """The candidate article files of `folder` (and of its subfolders if `recursive`), sorted by path.

    Hidden and system files and the reports newsdiff wrote are left out. Raises ArticleError if `folder`
    cannot be listed.
    """
    return _scan(Path(folder), recursive)[0]


def load_folder(
    folder: Path | str, *, recursive: bool = False, max_bytes: int = MAX_BYTES
) -> tuple[list[Article], list[ArticleError]]:
    """Every readable article of `folder` (see find_articles), and an error for each file that could not be loaded.

    Raises ArticleError if `folder` itself cannot be listed.
    """
    paths, errors = _scan(Path(folder), recursive)
    articles: list[Article] = []
    for path in paths:
        try:
            articles.append(load_article(path, max_bytes=max_bytes))
        except ArticleError as error:
            if error.reason == NO_SUCH_FILE:
                error = ArticleError(path, "deleted or moved while the folder was being opened")
            errors.append(error)
    return articles, sorted(errors, key=lambda error: error.path)


def _scan(folder: Path, recursive: bool) -> tuple[list[Path], list[ArticleError]]:
    """The candidate article files under `folder`, and an error for each entry that cannot be looked at."""
    try:
        top = os.stat(folder)
        entries = list(os.scandir(folder))
    except OSError as error:
        reason = "no such folder" if isinstance(error, FileNotFoundError) else _os_reason(error)
        raise ArticleError(folder, reason) from None
    seen = {(top.st_dev, top.st_ino)}  # folders already scanned: a link back to one is a loop, not followed
    root = os.path.realpath(folder)
    files: list[Path] = []
    errors: list[ArticleError] = []
    pending = [entries]
    while pending:
        entries = pending.pop()
        names = {entry.name for entry in entries}
        for entry in entries:
            try:
                if _hidden(entry):
                    continue
                outside = _link_outside(entry, root)
                if outside is not None:
                    errors.append(ArticleError(entry.path, outside))
                    continue
                if entry.is_dir():
                    if recursive and not _saved_page_folder(entry.name, names):
                        status = entry.stat()
                        if (status.st_dev, status.st_ino) in seen:
                            errors.append(ArticleError(entry.path, "a link to a folder already opened: not followed"))
                            continue
                        seen.add((status.st_dev, status.st_ino))
                        pending.append(list(os.scandir(entry.path)))
                elif entry.is_file():
                    if not _is_report(entry):
                        files.append(Path(entry.path))
                elif entry.is_symlink():
                    os.stat(entry.path)  # a dangling link: raises, and the error names why
                else:
                    errors.append(ArticleError(entry.path, "not a regular file (a device, pipe or socket)"))
            except FileNotFoundError:
                if entry.is_symlink():
                    errors.append(ArticleError(entry.path, "broken symbolic link: its target does not exist"))
            except OSError as error:
                errors.append(ArticleError(entry.path, _os_reason(error)))
    return sorted(files, key=lambda path: path.relative_to(folder).parts), errors


def _link_outside(entry: os.DirEntry, root: str) -> str | None:
    """Why a symbolic link is not followed when it leads out of the opened folder `root` (a real path), else None.

    A folder is what its owner put in it: a link to a file elsewhere (`passwd.txt -> /etc/passwd`) would
    carry that file's text into the comparison and into reports shared with others. A file opened by name
    is read wherever its link leads: the user chose it.
    """
    if not entry.is_symlink():
        return None
    target = os.path.realpath(entry.path)
    try:
        if os.path.commonpath([root, target]) == root:
            return None
    except ValueError:
        pass  # on another drive (Windows): outside
    return f"a symbolic link to {target}, outside the folder: not followed (open that file itself to compare it)"


def _hidden(entry: os.DirEntry) -> bool:
    """Whether an entry is hidden: a dot file, an Office lock file (~$…), a system file or marked hidden."""
    name = entry.name
    if name.startswith((".", "~$")) or name.lower() in SYSTEM_FILES:
        return True
    # only Windows marks files hidden by an attribute; elsewhere asking would cost a system call per file
    return os.name == "nt" and bool(entry.stat(follow_symlinks=False).st_file_attributes & stat.FILE_ATTRIBUTE_HIDDEN)


def _saved_page_folder(name: str, siblings: set[str]) -> bool:
    """Whether a folder is the `Page_files` folder a browser saved beside `Page.html` (its images and scripts)."""
    stem = name.removesuffix("_files")
    return stem != name and any(f"{stem}{suffix}" in siblings for suffix in PAGE_SUFFIXES)


def _is_report(entry: os.DirEntry) -> bool:
    """Whether a file is an HTML report newsdiff wrote (recognised by its generator tag)."""
    if Path(entry.name).suffix.lower() not in PAGE_SUFFIXES:
        return False
    try:
        with open(entry.path, "rb") as file:
            return is_newsdiff_report(file.read(HEAD_BYTES))
    except OSError:
        return False  # loading it will say why it cannot be read


@dataclass(frozen=True)
class FileChanges:
    """What became of loaded articles' files on disk since they were loaded."""

    changed: tuple[str, ...] = ()  # other bytes now, or no longer readable: reload them
    gone: tuple[str, ...] = ()  # deleted or moved away

    def __bool__(self) -> bool:
        return bool(self.changed or self.gone)


def changed_files(articles: Iterable[Article]) -> FileChanges:
    """Which of the articles' files changed or are gone since they were loaded, by their checksums.

    Articles made from text in memory (no checksum) are left out.
    """
    changed: list[str] = []
    gone: list[str] = []
    for article in articles:
        if not article.sha256:
            continue
        try:
            with open(article.path, "rb") as file:
                digest = hashlib.file_digest(file, "sha256").hexdigest()
        except FileNotFoundError:
            gone.append(article.path)
            continue
        except OSError:
            digest = ""  # unreadable now: a reload will say why
        if digest != article.sha256:
            changed.append(article.path)
    return FileChanges(tuple(changed), tuple(gone))
