"""Fuzzed input: random bytes, random HTML, damaged Word files, random text in legacy encodings.

Each file gives an article or an ArticleError naming it, never another exception and never a hang. The
deadline below is the hang guard: it is far above the milliseconds a small file takes, so it only trips on a
file that does not finish.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from newsdiff.core.read.articles import Article, ArticleError, load_article
from tests.article_files import STORY, word_file

FUZZ = settings(
    max_examples=int(os.environ.get("NEWSDIFF_FUZZ_EXAMPLES", 150)),
    deadline=timedelta(seconds=5),
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
SUFFIXES = [".txt", ".md", ".html", ".htm", ".docx", ".bin", ""]
WORD_FILE = word_file(STORY.split("\n\n"), table=[["Road", "Reopens"], ["Route 1", "Thursday"]])


@pytest.fixture(scope="module")
def folder() -> Iterator[Path]:
    path = Path(tempfile.mkdtemp(prefix="newsdiff-fuzz-"))
    yield path
    shutil.rmtree(path)


def outcome(path: Path) -> Article | ArticleError:
    """The article in `path`, or the error saying why there is none; anything else escapes and fails the test."""
    try:
        article = load_article(path)
    except ArticleError as error:
        assert error.path == str(path)
        assert error.reason.strip()
        assert str(error) == f"{path}: {error.reason}"
        return error
    assert article.path == str(path)
    assert article.text.strip()
    assert "\r" not in article.text
    assert isinstance(article.title, str)
    assert len(article.sha256) == 64
    return article


@FUZZ
@given(data=st.binary(max_size=3000), suffix=st.sampled_from(SUFFIXES))
@example(data=b"\xff\xfe\x00", suffix=".txt")
@example(data=b"PK\x03\x04" + bytes(40), suffix="")
@example(data=b"<html>" + bytes(range(256)), suffix=".html")
def test_random_bytes(folder: Path, data: bytes, suffix: str) -> None:
    path = folder / f"random{suffix}"
    path.write_bytes(data)
    outcome(path)


TAGS = ["p", "div", "span", "a", "b", "i", "h1", "h2", "ul", "ol", "li", "table", "tr", "td", "article", "main",
        "nav", "aside", "header", "footer", "section", "blockquote", "script", "style", "noscript", "iframe", "svg",
        "form", "pre", "code", "figure", "figcaption", "title", "head", "body", "html", "meta", "template"]
TEXT = st.text(alphabet=st.characters(blacklist_categories=["Cs"]), max_size=80)
ATTRIBUTES = st.lists(
    st.tuples(st.sampled_from(["class", "id", "href", "charset", "content", "name", "style", "x"]), TEXT), max_size=2
)


def element(children: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    """A tag with attributes around some children; sometimes left unclosed or closed twice, as pages are."""
    return st.builds(
        lambda tag, attributes, inner, close: (
            f"<{tag}{''.join(f' {k}={v!r}' for k, v in attributes)}>{''.join(inner)}{close.format(tag=tag)}"
        ),
        st.sampled_from(TAGS),
        ATTRIBUTES,
        st.lists(children, max_size=4),
        st.sampled_from(["</{tag}>", "", "</{tag}></{tag}>", "<br>", "<!-- {tag} -->"]),
    )


MARKUP = st.recursive(TEXT | st.sampled_from(["&amp;", "&#0;", "&#xD800;", "&bogus;", "<", ">", "<!--", "]]>"]),
                      element, max_leaves=40)


@FUZZ
@given(prefix=st.sampled_from(["", "<!DOCTYPE html>", '<?xml version="1.0" encoding="latin-1"?>', "\ufeff"]),
       body=st.lists(MARKUP, max_size=6), encoding=st.sampled_from(["utf-8", "utf-16", "cp1252", "utf-8-sig"]))
def test_random_html(folder: Path, prefix: str, body: list[str], encoding: str) -> None:
    path = folder / "random.html"
    path.write_bytes((prefix + "".join(body)).encode(encoding, errors="replace"))
    outcome(path)


@FUZZ
@given(cut=st.integers(0, len(WORD_FILE) - 1))
def test_truncated_word_file(folder: Path, cut: int) -> None:
    path = folder / "truncated.docx"
    path.write_bytes(WORD_FILE[:cut])
    assert isinstance(outcome(path), ArticleError)


@FUZZ
@given(changes=st.lists(st.tuples(st.integers(0, len(WORD_FILE) - 1), st.integers(0, 255)), min_size=1, max_size=8))
def test_damaged_word_file(folder: Path, changes: list[tuple[int, int]]) -> None:
    data = bytearray(WORD_FILE)
    for position, value in changes:
        data[position] = value
    path = folder / "damaged.docx"
    path.write_bytes(bytes(data))
    result = outcome(path)
    if isinstance(result, Article):  # a change inside unused bytes (zip padding, unread parts) leaves the story
        assert result.text


def test_word_file_needing_a_newer_zip_version_is_reported(folder: Path) -> None:
    # zipfile cannot read an entry that asks for zip version 6.4 and raises NotImplementedError for it.
    data = bytearray(WORD_FILE)
    entry = data.index(b"PK\x01\x02")  # the first entry of the archive's central directory
    data[entry + 6] = 64  # the version needed to extract it
    path = folder / "newer.docx"
    path.write_bytes(bytes(data))
    error = outcome(path)
    assert isinstance(error, ArticleError)
    assert "not a readable Word file" in str(error)


WORDS = {  # words of news copies in some languages
    "english": "The minister’s “plan” – announced on Tuesday… said café naïve résumé 5 € and the".split(),
    "french": "Le président a annoncé jeudi une série de mesures pour l'économie où ça coûte « cher » à Noël".split(),
    "german": "Der Bundeskanzler hat am Donnerstag Maßnahmen für die Wirtschaft angekündigt über Größe Ärger".split(),
    "polish": "Prezydent ogłosił w czwartek nowe środki dla gospodarki Łódź Gdańsk świąt żółć".split(),
    "czech": "Předseda vlády v úterý oznámil nová opatření příliš žluťoučký kůň úpěl ďábelské ódy".split(),
    "russian": "Президент России призвал украинских военных сдаться в Курской области Кремле".split(),
    "greek": "Η κυβέρνηση ανακοίνωσε σήμερα νέα μέτρα για την οικονομία της χώρας δήλωσε".split(),
}
ENCODINGS = [  # each language in the legacy encodings its copies come in
    ("english", "cp1252"), ("french", "cp1252"), ("french", "latin-1"), ("german", "cp1252"),
    ("polish", "iso-8859-2"), ("polish", "cp1250"), ("czech", "cp1250"), ("czech", "iso-8859-2"),
    ("russian", "cp1251"), ("russian", "koi8-r"), ("greek", "iso-8859-7"), ("greek", "cp1253"),
]


@FUZZ
@given(language_encoding=st.sampled_from(ENCODINGS), data=st.data())
def test_text_in_a_legacy_encoding_reads_back(
    folder: Path, language_encoding: tuple[str, str], data: st.DataObject
) -> None:
    language, encoding = language_encoding
    text = " ".join(data.draw(st.lists(st.sampled_from(WORDS[language]), min_size=8, max_size=12, unique=True))) + "."
    path = folder / f"{language}.txt"
    path.write_bytes(text.encode(encoding))
    article = load_article(path)
    assert article.text == text


def test_short_polish_text_in_windows_1250_reads_back(tmp_path: Path) -> None:
    text = "Prezydent w czwartek nowe środki dla gospodarki żółć."
    path = tmp_path / "polish.txt"
    path.write_bytes(text.encode("cp1250"))
    assert load_article(path).text == text
