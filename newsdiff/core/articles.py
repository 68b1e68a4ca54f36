"""Find and load the article files of a folder: decode, normalise line endings, take the title."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from charset_normalizer import from_bytes

ARTICLE_SUFFIXES = (".txt", ".md")
MAX_BYTES = 5 * 1024 * 1024


class ArticleError(Exception):
    """An article file that could not be loaded; the message names the file and the reason."""

    def __init__(self, path: Path | str, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = str(path)
        self.reason = reason


@dataclass(frozen=True)
class Article:
    """An article as shown: its path, title and decoded text with `\\n` line endings."""

    path: str
    title: str
    text: str

    @classmethod
    def from_text(cls, text: str, path: str = "", title: str | None = None) -> Article:
        """An article made from text already in memory."""
        text = normalise_newlines(text)
        return cls(path, title if title is not None else title_of(text), text)


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


def decode(data: bytes, path: Path | str) -> str:
    """The bytes of a text file as a string: UTF-8 (with or without BOM) first, else the detected encoding."""
    if b"\x00" in data and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise ArticleError(path, "binary file (it contains NUL bytes)")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    best = from_bytes(data).best()
    if best is None:
        raise ArticleError(path, "undecodable: no text encoding fits its bytes")
    return str(best)


def load_article(path: Path | str) -> Article:
    """The article stored at `path`; raises ArticleError naming the file when it cannot be read."""
    path = Path(path)
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise ArticleError(path, f"too large ({size:,} bytes; the limit is {MAX_BYTES:,})")
        data = path.read_bytes()
    except FileNotFoundError:
        raise ArticleError(path, "no such file") from None
    except PermissionError:
        raise ArticleError(path, "permission denied") from None
    except IsADirectoryError:
        raise ArticleError(path, "is a folder, not a file") from None
    except OSError as error:
        raise ArticleError(path, error.strerror or str(error)) from None
    text = normalise_newlines(decode(data, path))
    if not text.strip():
        raise ArticleError(path, "empty file")
    return Article(str(path), title_of(text), text)


def find_articles(folder: Path | str) -> list[Path]:
    """The article files directly inside `folder`, sorted by name; hidden files are skipped."""
    folder = Path(folder)
    return sorted(
        p for p in folder.iterdir() if p.is_file() and not p.name.startswith(".") and p.suffix.lower() in ARTICLE_SUFFIXES
    )


def load_folder(folder: Path | str) -> tuple[list[Article], list[ArticleError]]:
    """Every readable article of `folder`, and an error for each file that could not be loaded."""
    articles: list[Article] = []
    errors: list[ArticleError] = []
    for path in find_articles(folder):
        try:
            articles.append(load_article(path))
        except ArticleError as error:
            errors.append(error)
    return articles, errors
