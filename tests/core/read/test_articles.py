"""Every input an editor has: text, Markdown, web pages, Word files, any encoding; bad input never breaks a folder."""

from __future__ import annotations

import contextlib
import hashlib
import io
import os
import shutil
import struct
import tempfile
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from newsdiff.cli import EXIT_OK, EXIT_UNREADABLE, main
from newsdiff.core.folder.base_pairs import compare_with_base
from newsdiff.core.model import Kind, Side
from newsdiff.core.output.report import write_folder_report, write_pair_report
from newsdiff.core.pair.compare import compare
from newsdiff.core.read import articles, formats
from newsdiff.core.read.articles import (
    MAX_WORDS,
    Article,
    ArticleError,
    FileChanges,
    changed_files,
    find_articles,
    load_article,
    load_folder,
)
from tests.article_files import BAD_FILES, FURNITURE, STORY, build_input_folder, story_page, word_file
from tests.conftest import FIXTURES, seed

SEEDS = sorted(FIXTURES.glob("0*.txt"))
PARAGRAPHS = STORY.split("\n\n")
NOBODY = 65534


def write(path: Path, data: bytes | str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, str):
        data = data.encode("utf-8")
    path.write_bytes(data)
    return path


def skipped_reasons(errors: list[ArticleError]) -> dict[str, str]:
    return {Path(error.path).name: error.reason for error in errors}


# --- formats -------------------------------------------------------------------------------------------------


def test_plain_text_is_shown_as_found_with_lf_line_endings(tmp_path: Path) -> None:
    text = "Title line\r\n\r\n  Indented first paragraph.\r\nSecond line.\r\rOld Mac ending.\n"
    article = load_article(write(tmp_path / "a.txt", text))
    assert article.text == "Title line\n\n  Indented first paragraph.\nSecond line.\n\nOld Mac ending.\n"
    assert article.title == "Title line"
    assert article.hints == ()
    assert article.sha256 == hashlib.sha256(text.encode()).hexdigest()


def test_markdown_title_loses_its_heading_marks(tmp_path: Path) -> None:
    article = load_article(write(tmp_path / "a.md", "\n## Storm *closes* roads\n\nBody."))
    assert article.title == "Storm *closes* roads"
    assert article.text == "\n## Storm *closes* roads\n\nBody."


def test_web_page_gives_the_article_paragraphs_and_title_without_site_furniture(tmp_path: Path) -> None:
    article = load_article(write(tmp_path / "story.html", story_page(STORY)))
    assert article.title == PARAGRAPHS[0]
    assert article.text == STORY
    for furniture in FURNITURE:
        assert furniture not in article.text


@pytest.mark.parametrize(
    ("head", "outlet"),
    [
        ('<meta property="og:site_name" content="  The Daily\n Planet ">', "The Daily Planet"),
        ('<link rel="canonical" href="https://www.coastnews.example/2025/storm">', "coastnews.example"),
        ("", ""),
    ],
)
def test_web_page_names_its_outlet_when_it_says(tmp_path: Path, head: str, outlet: str) -> None:
    body = "".join(f"<p>{p}</p>" for p in PARAGRAPHS[1:])
    page = f"<html><head><title>{PARAGRAPHS[0]}</title>{head}</head><body><article>{body}</article></body></html>"
    assert load_article(write(tmp_path / "story.html", page)).outlet == outlet


def test_plain_text_names_no_outlet(tmp_path: Path) -> None:
    assert load_article(write(tmp_path / "a.txt", STORY)).outlet == ""


def test_web_page_keeps_line_breaks_lists_and_tables_as_shown(tmp_path: Path) -> None:
    body = (
        "<p>Heavy   rain\n closed three <b>coastal</b> roads on Tuesday, the\u00a0authority said.<br>Crews expect to "
        "reopen them on Thursday.</p><ul><li>Route 1 is closed near the harbour</li><li>Route 9 is open again</li></ul>"
        "<table><tr><td>Road</td><td>Reopens</td></tr><tr><td>Route 1</td><td>Thursday</td></tr></table>"
        "<p>The storm is expected to move north by the weekend, forecasters said on Tuesday night.</p>"
    )
    page = (
        "<html><head><title>Storm closes roads</title></head>"
        f"<body><article><h1>Storm closes roads</h1>{body}</article></body></html>"
    )
    article = load_article(write(tmp_path / "story.htm", page))
    blocks = article.text.split("\n\n")
    assert blocks[0] == "Storm closes roads"
    assert blocks[1] == (
        "Heavy rain closed three coastal roads on Tuesday, the\u00a0authority said.\nCrews expect to reopen them on Thursday."
    )
    assert "Route 1 is closed near the harbour" in blocks
    assert "Route 9 is open again" in blocks
    assert "Road | Reopens\nRoute 1 | Thursday" in blocks
    assert blocks[-1].startswith("The storm is expected")


def test_web_page_headline_outside_the_article_is_put_first(tmp_path: Path) -> None:
    body = "".join(f"<p>{p}</p>" for p in PARAGRAPHS[1:])
    page = (
        f"<html><head><title>{PARAGRAPHS[0]} - Coast News</title></head><body><header><h2>Coast News</h2></header>"
        f"<div class='story'><article>{body}</article></div></body></html>"
    )
    article = load_article(write(tmp_path / "story.html", page))
    assert article.title == PARAGRAPHS[0]
    assert article.text.split("\n\n")[0] == PARAGRAPHS[0]
    assert article.text.endswith(PARAGRAPHS[-1])


def test_web_page_fragment_still_gives_its_text(tmp_path: Path) -> None:
    article = load_article(write(tmp_path / "clip.html", "<p>Heavy rain closed three coastal roads.</p>"))
    assert article.text == "Heavy rain closed three coastal roads."


def test_web_page_too_large_to_be_an_article_page_is_refused_by_its_element_count(tmp_path: Path) -> None:
    limit = formats.MAX_PAGE_ELEMENTS
    page = "<html><body><article>" + "<p>A line of a generated listing.</p>" * limit + "</article></body></html>"
    with pytest.raises(ArticleError, match=f"too large a web page .*{limit:,}"):
        load_article(write(tmp_path / "listing.html", page))


def test_web_page_in_a_declared_legacy_encoding(tmp_path: Path) -> None:
    story = "Café owners say “no”\n\nThe mayor’s plan – announced on Tuesday – would close the café terraces at 22:00."
    page = story_page(story, charset="windows-1252").encode("cp1252")
    article = load_article(write(tmp_path / "page.html", page))
    assert article.text == story
    assert article.hints == ()  # the page named its encoding: nothing was guessed


@pytest.mark.parametrize("charset", ["iso-8859-2", "no-such-encoding", "base64", "rot13", "utf-8"])
def test_web_page_that_names_the_wrong_encoding_is_guessed(tmp_path: Path, charset: str) -> None:
    story = f"Café owners say “no”\n\n{PARAGRAPHS[1]}\n\nThe mayor’s plan would close the café terraces at ten, she said."
    article = load_article(write(tmp_path / "page.html", story_page(story, charset=charset).encode("cp1252")))
    assert article.text == story
    assert article.hints == (
        "read as Windows-1252, an encoding guessed from its bytes (the file names none, or a wrong one)",
    )


def test_word_file_keeps_paragraphs_and_table_rows(tmp_path: Path) -> None:
    data = word_file(PARAGRAPHS, table=[["Road", "Reopens"], ["Route 1", "Thursday"]])
    article = load_article(write(tmp_path / "story.docx", data))
    assert article.title == PARAGRAPHS[0]
    table = "Road | Reopens\nRoute 1 | Thursday"
    assert article.text == "\n\n".join([PARAGRAPHS[0], PARAGRAPHS[1], table, PARAGRAPHS[2]])


def _word_part(body: str) -> bytes:
    """A .docx file whose document part holds `body` (WordprocessingML paragraphs), the other parts python-docx's."""
    source = zipfile.ZipFile(io.BytesIO(word_file(["Title"])))
    head = source.read("word/document.xml").decode().split("<w:body>")[0] + "<w:body>"
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for info in source.infolist():
            part = head + body + "</w:body></w:document>" if info.filename == "word/document.xml" else None
            archive.writestr(info.filename, part or source.read(info.filename))
    return buffer.getvalue()


def test_word_file_of_countless_tiny_paragraphs_is_refused(tmp_path: Path) -> None:
    data = _word_part("<w:p><w:r><w:t>a</w:t></w:r></w:p>" * 200_000)  # 7 MB unpacked from 30 KB
    with pytest.raises(ArticleError, match="paragraphs and tables"):
        load_article(write(tmp_path / "paragraphs.docx", data))


def test_word_file_is_held_to_the_text_limit_of_a_plain_file(tmp_path: Path) -> None:
    text = "newspaper" * 3 + " "
    text *= 40_000  # 1.1 MB of text (and 40,000 words) in one paragraph, from an archive of a few kilobytes
    data = _word_part(f"<w:p><w:r><w:t>{text}</w:t></w:r></w:p>")
    with pytest.raises(ArticleError, match="its text runs over 1,000,000 bytes"):
        load_article(write(tmp_path / "long.docx", data), max_bytes=1_000_000)
    assert load_article(tmp_path / "long.docx", max_bytes=2_000_000).text == text.strip()


def test_word_file_that_unpacks_to_more_than_it_declares_is_refused(tmp_path: Path) -> None:
    data = bytearray(_word_part("<w:p><w:r><w:t>" + "word " * 15_000_000 + "</w:t></w:r></w:p>"))  # 75 MB
    # Declare the document part 1,000 bytes long, in its local header and in the central directory.
    name = b"word/document.xml"
    local = zipfile.ZipFile(io.BytesIO(bytes(data))).getinfo(name.decode()).header_offset
    data[local + 22 : local + 26] = struct.pack("<I", 1000)
    central = data.find(b"PK\x01\x02")
    while data[central + 46 : central + 46 + len(name)] != name:
        central = data.find(b"PK\x01\x02", central + 4)
    data[central + 24 : central + 28] = struct.pack("<I", 1000)
    with pytest.raises(ArticleError):
        load_article(write(tmp_path / "faked.docx", bytes(data)))


def test_unknown_extensions_are_sniffed(tmp_path: Path) -> None:
    assert load_article(write(tmp_path / "story.wire", STORY)).text == STORY
    assert load_article(write(tmp_path / "saved-page", story_page(STORY))).text == STORY
    assert load_article(write(tmp_path / "attachment", word_file(PARAGRAPHS))).text == STORY
    with pytest.raises(ArticleError, match="binary"):
        load_article(write(tmp_path / "data.bin", bytes(range(256)) * 4))


# --- encodings -----------------------------------------------------------------------------------------------

ENGLISH = (
    "Zelensky’s “peace plan” – explained\n\nThe café owner said: “We’re open… for now”. Prices rose 5 €, "
    "and the naïve résumé was rejected.\n"
)
FRENCH = (
    "Le président a annoncé jeudi une série de mesures pour l'économie. « Nous allons réussir », a-t-il déclaré "
    "à l'Élysée, où les ministres étaient réunis. Ça coûte cher.\n"
)
POLISH = "Prezydent ogłosił w czwartek nowe środki dla gospodarki. Łódź, Kraków, Gdańsk i Wrocław przygotowują się do świąt.\n"
GREEK = "Η κυβέρνηση ανακοίνωσε σήμερα νέα μέτρα για την οικονομία της χώρας. Ο πρωθυπουργός δήλωσε ότι η κατάσταση βελτιώνεται.\n"
RUSSIAN = "Президент России призвал украинских военных сдаться в Курской области. Об этом сообщили в Кремле в пятницу.\n"
SEED_TEXT = seed("000").read_text(encoding="utf-8").replace("\u2002", " ")  # Windows-1252 has no en space


@pytest.mark.parametrize(
    ("text", "encoding"),
    [
        (SEED_TEXT, "cp1252"),
        (ENGLISH, "cp1252"),
        (FRENCH, "cp1252"),
        (FRENCH, "latin-1"),
        (FRENCH.replace("cher", "5 €"), "iso-8859-15"),
        (POLISH, "iso-8859-2"),
        (POLISH, "cp1250"),
        (GREEK, "iso-8859-7"),
        (GREEK, "cp1253"),
        (RUSSIAN, "cp1251"),
        (RUSSIAN, "koi8-r"),
        (RUSSIAN, "iso-8859-5"),
    ],
)
def test_legacy_encodings_are_detected_and_the_guess_is_named(tmp_path: Path, text: str, encoding: str) -> None:
    article = load_article(write(tmp_path / "a.txt", text.encode(encoding)))
    assert article.text == text
    assert len(article.hints) == 1
    assert "guessed" in article.hints[0]


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "utf-32"])
def test_unicode_encodings_with_and_without_marks(tmp_path: Path, encoding: str) -> None:
    data = ENGLISH.encode(encoding)
    if encoding in ("utf-16-le", "utf-16-be"):
        data = ("\ufeff" + ENGLISH).encode(encoding)  # UTF-16 is read by its byte-order mark
    article = load_article(write(tmp_path / "a.txt", data))
    assert article.text == ENGLISH
    assert article.hints == ()


def test_stray_windows_1252_bytes_in_a_utf8_file_are_read_and_named(tmp_path: Path) -> None:
    data = "The café’s “menu” is long. ".encode() * 3 + b"It isn\x92t cheap."
    article = load_article(write(tmp_path / "a.txt", data))
    assert article.text.endswith("It isn’t cheap.")
    assert article.text.startswith("The café’s “menu”")
    assert article.hints == ("1 byte not valid UTF-8 in a UTF-8 file: read as Windows-1252",)


def test_mojibake_is_shown_as_found_and_named_in_a_hint(tmp_path: Path) -> None:
    text = "It isnâ€™t over, said the cafÃ© owner.\n\nâ€œWe stay,â€ she said."
    article = load_article(write(tmp_path / "a.txt", text))
    assert article.text == text
    assert len(article.hints) == 1
    hint = article.hints[0]
    assert hint.startswith("mojibake:")
    assert '"â€™" for "’"' in hint
    assert '"Ã©" for "é"' in hint
    assert "(3 in all)" in hint


@pytest.mark.parametrize("text", [ENGLISH, RUSSIAN, GREEK], ids=["English", "Russian", "Greek"])
@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_without_a_byte_order_mark_is_detected(tmp_path: Path, text: str, encoding: str) -> None:
    article = load_article(write(tmp_path / "a.txt", text.encode(encoding)))
    assert article.text == text
    assert article.hints == (
        f"read as {encoding.upper()}, an encoding guessed from its bytes (the file names none, or a wrong one)",
    )


def test_lines_in_other_encodings_in_a_utf8_file_are_read_line_by_line(tmp_path: Path) -> None:
    lines = [("Le café “ouvert” à l’Élysée.\n", "utf-8"), ("Crème brûlée, naïve façade.\n", "cp1252"),
             (RUSSIAN, "koi8-r"), ("Zelensky’s “plan” – résumé, cut for the 6 o’clock.\n", "utf-8")]
    article = load_article(write(tmp_path / "a.txt", b"".join(line.encode(code) for line, code in lines)))
    assert article.text == "".join(line for line, _ in lines)
    assert article.hints == (
        "mixed encodings: lines that are not UTF-8 read as Windows-1252 and KOI8-R, guessed line by line",
    )


def test_mojibake_that_the_windows_1252_reading_misses_is_named_by_ftfy(tmp_path: Path) -> None:
    # Latin-1 read of UTF-8 (its C1 controls are few in an article); UTF-8 read twice
    text = f"The Mayorâ\x80\x99s plan for NoÃƒÂ«l was dropped.\n\n{STORY}\n"
    article = load_article(write(tmp_path / "a.txt", text))
    assert article.text == text  # shown as found
    assert article.hints == (
        'mojibake: "â\\x80\\x99" for "’", "ÃƒÂ«" for "ë" (2 in all): text read in the wrong encoding before this '
        "copy was saved",
    )


def test_clean_text_has_no_hints() -> None:
    assert Article.from_text(ENGLISH + FRENCH + POLISH + GREEK + RUSSIAN).hints == ()
    assert Article.from_text("Ölçüm “doğru” değil – Ştefan’s naïve Ærø").hints == ()


def test_replacement_characters_are_named(tmp_path: Path) -> None:
    article = load_article(write(tmp_path / "a.txt", "Caf\ufffd owner says the \ufffd plan fails."))
    assert article.hints == ("2 replacement characters (�): characters were lost in an earlier conversion",)


# --- folders -------------------------------------------------------------------------------------------------


def test_folder_is_recursive_only_when_asked_and_skips_hidden_and_system_files(tmp_path: Path) -> None:
    write(tmp_path / "b.txt", STORY)
    write(tmp_path / "a.md", STORY)
    write(tmp_path / "sub" / "c.txt", STORY)
    write(tmp_path / "sub" / "deeper" / "d.html", story_page(STORY))
    write(tmp_path / ".hidden.txt", STORY)
    write(tmp_path / ".git" / "e.txt", STORY)
    write(tmp_path / "~$story.docx", b"\x05owner")  # the lock file Word keeps beside an open document
    write(tmp_path / "Thumbs.db", b"\xd0\xcf\x11\xe0" + bytes(100))
    assert [p.name for p in find_articles(tmp_path)] == ["a.md", "b.txt"]
    found = find_articles(tmp_path, recursive=True)
    assert [p.relative_to(tmp_path).as_posix() for p in found] == ["a.md", "b.txt", "sub/c.txt", "sub/deeper/d.html"]
    loaded, errors = load_folder(tmp_path, recursive=True)
    assert [a.text for a in loaded] == [STORY] * 4
    assert errors == []


def test_saved_page_resource_folder_is_not_scanned(tmp_path: Path) -> None:
    write(tmp_path / "Story.html", story_page(STORY))
    write(tmp_path / "Story_files" / "style.css", "body { color: red }")
    write(tmp_path / "Story_files" / "app.js", "console.log(1)")
    write(tmp_path / "Other_files" / "note.txt", STORY)  # no Other.html beside it: an ordinary folder
    found = find_articles(tmp_path, recursive=True)
    assert [p.relative_to(tmp_path).as_posix() for p in found] == ["Other_files/note.txt", "Story.html"]


def test_reports_newsdiff_wrote_are_skipped(tmp_path: Path) -> None:
    for path in SEEDS[:2]:
        shutil.copy(path, tmp_path)
    left, right = (load_article(tmp_path / path.name) for path in SEEDS[:2])
    write_pair_report(compare(left, right), tmp_path / "report.html")
    write(tmp_path / "page.html", story_page(STORY))
    assert [p.name for p in find_articles(tmp_path)] == [SEEDS[0].name, SEEDS[1].name, "page.html"]
    loaded, errors = load_folder(tmp_path)
    assert len(loaded) == 3
    assert errors == []
    with pytest.raises(ArticleError, match="a report written by newsdiff"):
        load_article(tmp_path / "report.html")


def test_symbolic_link_loops_are_not_followed(tmp_path: Path) -> None:
    write(tmp_path / "a.txt", STORY)
    write(tmp_path / "sub" / "b.txt", STORY)
    (tmp_path / "sub" / "up").symlink_to(tmp_path, target_is_directory=True)
    (tmp_path / "self").symlink_to(tmp_path / "self")
    (tmp_path / "dangling.txt").symlink_to(tmp_path / "nowhere.txt")
    (tmp_path / "alias.txt").symlink_to(tmp_path / "a.txt")
    loaded, errors = load_folder(tmp_path, recursive=True)
    assert sorted(Path(a.path).relative_to(tmp_path).as_posix() for a in loaded) == ["a.txt", "alias.txt", "sub/b.txt"]
    reasons = skipped_reasons(errors)
    assert "not followed" in reasons.pop("up")
    assert "symbolic link loop" in reasons.pop("self")
    assert "broken symbolic link" in reasons.pop("dangling.txt")
    assert reasons == {}
    assert skipped_reasons(load_folder(tmp_path)[1]).keys() == {"self", "dangling.txt"}


@contextlib.contextmanager
def unprivileged() -> Iterator[None]:
    """Run the block as a user without the right to read other users' private files.

    Root reads any file, so as root the block runs with the effective user id of `nobody` (the kernel then
    really refuses); everyone else already is such a user.
    """
    if os.geteuid() != 0:
        yield
        return
    try:
        os.seteuid(NOBODY)
    except PermissionError:
        pytest.skip("root without the right to change its user id: a refused read cannot be produced here")
    try:
        yield
    finally:
        os.seteuid(0)


@pytest.fixture
def shared_tmp() -> Iterator[Path]:
    """A temporary folder that other users may enter (pytest's own is private to its user)."""
    folder = Path(tempfile.mkdtemp(prefix="newsdiff-inputs-"))
    folder.chmod(0o755)
    yield folder
    shutil.rmtree(folder)


def test_every_bad_input_is_named_while_the_rest_of_the_folder_opens(shared_tmp: Path) -> None:
    limit = 200_000
    folder = shared_tmp / "inputs"
    expected = build_input_folder(folder, SEEDS, max_bytes=limit)
    load_folder(folder, max_bytes=limit)  # once with full rights, so every module is imported before dropping them
    with unprivileged():
        loaded, errors = load_folder(folder, max_bytes=limit)
    assert sorted(Path(a.path).name for a in loaded) == sorted([*(p.name for p in SEEDS), "page.html", "story.docx"])
    reasons = skipped_reasons(errors)
    assert reasons.keys() == expected.keys()
    for name, word in expected.items():
        assert word in reasons[name], (name, reasons[name])
    for error in errors:
        assert str(error) == f"{error.path}: {error.reason}"
        assert Path(error.path).parent == folder


def test_size_limit_defaults_to_5_mb_and_is_configurable(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    with big.open("wb") as file:
        file.truncate(5 * 1024 * 1024 + 1)  # sparse: the size check comes before any reading
    with pytest.raises(ArticleError, match=r"too large \(5,242,881 bytes; the limit is 5,242,880\)"):
        load_article(big)
    small = write(tmp_path / "small.txt", STORY)
    assert load_article(small).text == STORY
    with pytest.raises(ArticleError, match="too large"):
        load_article(small, max_bytes=len(STORY) - 1)


def test_paths_that_do_not_exist(tmp_path: Path) -> None:
    with pytest.raises(ArticleError) as error:
        load_article(tmp_path / "missing.txt")
    assert str(error.value) == f"{tmp_path / 'missing.txt'}: no such file"
    with pytest.raises(ArticleError, match="no such folder"):
        load_folder(tmp_path / "missing")
    with pytest.raises(ArticleError, match="is a folder"):
        load_article(tmp_path)
    with pytest.raises(ArticleError, match="not a folder"):
        load_folder(write(tmp_path / "a.txt", STORY))


def test_a_pipe_is_refused_without_waiting_for_a_writer(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe.txt")
    write(tmp_path / "a.txt", STORY)
    with pytest.raises(ArticleError, match="not a regular file"):
        load_article(tmp_path / "pipe.txt")
    loaded, errors = load_folder(tmp_path)
    assert [a.text for a in loaded] == [STORY]
    assert skipped_reasons(errors) == {"pipe.txt": "not a regular file (a device, pipe or socket)"}


def test_a_folder_of_5000_files_opens(tmp_path: Path) -> None:
    texts = [f"Story {i}\n\nReport number {i} says the storm closed {i % 7} roads." for i in range(5000)]
    for i, text in enumerate(texts):
        (tmp_path / f"{i:05d}.txt").write_text(text, encoding="utf-8")
    loaded, errors = load_folder(tmp_path)
    assert errors == []
    assert [a.text for a in loaded] == texts


def test_a_file_deleted_after_the_folder_was_listed_is_named(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write(tmp_path / "a.txt", STORY)
    write(tmp_path / "b.txt", STORY)
    list_folder = articles._scan

    def list_then_delete(folder: Path, recursive: bool):
        listed = list_folder(folder, recursive)
        (tmp_path / "b.txt").unlink()
        return listed

    monkeypatch.setattr(articles, "_scan", list_then_delete)
    loaded, errors = load_folder(tmp_path)
    assert [Path(a.path).name for a in loaded] == ["a.txt"]
    assert skipped_reasons(errors) == {"b.txt": "deleted or moved while the folder was being opened"}


def test_a_file_rewritten_while_it_is_read_is_read_again(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = write(tmp_path / "a.txt", "First draft.")
    saves: list[str] = []
    looks = 0
    real_fstat = os.fstat

    def fstat_while_an_editor_saves(fd: int) -> os.stat_result:
        nonlocal looks
        looks += 1
        if looks % 2 == 0 and saves:  # each try looks twice, before and after reading: the editor saved meanwhile
            path.write_text(saves.pop(0), encoding="utf-8")
        return real_fstat(fd)

    monkeypatch.setattr(articles.os, "fstat", fstat_while_an_editor_saves)
    saves += ["Second draft, longer.", "Third draft, longer still."]
    with pytest.raises(ArticleError, match="changed while it was being read"):
        load_article(path)  # saved again during both tries
    saves += ["The final text, saved once more while it was read."]
    assert load_article(path).text == "The final text, saved once more while it was read."


def test_changed_and_deleted_files_are_detected(shared_tmp: Path) -> None:
    tmp_path = shared_tmp
    for name in ("a.txt", "b.txt", "c.txt", "d.txt"):
        write(tmp_path / name, f"{name}\n\n{STORY}")
    loaded, _ = load_folder(tmp_path)
    memory = Article.from_text(STORY)
    assert changed_files([*loaded, memory]) == FileChanges()
    assert not changed_files(loaded)
    write(tmp_path / "a.txt", f"a.txt\n\n{STORY} Updated.")
    (tmp_path / "b.txt").unlink()
    write(tmp_path / "c.txt", f"c.txt\n\n{STORY}")  # saved again, same bytes: not a change
    (tmp_path / "d.txt").chmod(0)
    with unprivileged():
        changes = changed_files([*loaded, memory])
    assert changes.changed == (str(tmp_path / "a.txt"), str(tmp_path / "d.txt"))
    assert changes.gone == (str(tmp_path / "b.txt"),)


# --- never writing -------------------------------------------------------------------------------------------


def folder_state(folder: Path) -> dict[str, tuple[str, int, int]]:
    """Each file under `folder`: checksum, size and modification time."""
    state = {}
    for path in sorted(folder.rglob("*")):
        if path.is_file() and not path.is_symlink():
            status = path.stat()
            state[str(path)] = (hashlib.sha256(path.read_bytes()).hexdigest(), status.st_size, status.st_mtime_ns)
    return state


def test_opening_comparing_and_exporting_never_touch_an_article(tmp_path: Path) -> None:
    folder = tmp_path / "story"
    folder.mkdir()
    for path in SEEDS:
        shutil.copy(path, folder)
    write(folder / "page.html", story_page(seed("003").read_text(encoding="utf-8")))
    write(folder / "story.docx", word_file(PARAGRAPHS))
    write(folder / "sub" / "copy.txt", STORY)
    before = folder_state(folder)
    loaded, errors = load_folder(folder, recursive=True)
    assert errors == []
    comparisons = compare_with_base(loaded[0], loaded[1:])
    write_pair_report(comparisons[0], tmp_path / "pair.html")
    write_folder_report(loaded[0], comparisons, tmp_path / "folder.html")
    assert main(["report", str(folder), "-o", str(tmp_path / "cli.html")]) == EXIT_OK
    assert not changed_files(loaded)
    assert folder_state(folder) == before


# --- the seeds as web pages ----------------------------------------------------------------------------------


@pytest.mark.parametrize("path", SEEDS, ids=lambda p: p.name[:3])
def test_seed_saved_as_a_web_page_compares_as_shared_with_the_plain_text(tmp_path: Path, path: Path) -> None:
    plain = load_article(path)
    page = load_article(write(tmp_path / f"{path.stem}.html", story_page(plain.text)))
    for furniture in FURNITURE:
        assert furniture not in page.text
    comparison = compare(plain, page)
    right = comparison.stats(Side.RIGHT)
    assert right[Kind.SHARED] == len(comparison.right.sentences) > 0
    # the one thing extraction drops is a paragraph repeating the headline word for word (seed 003 has one)
    for index in comparison.unique_left:
        assert comparison.left.sentence_text(index) == plain.title
    assert comparison.stats(Side.LEFT)[Kind.UNIQUE] <= 1
    assert comparison.stats(Side.LEFT)[Kind.SHARED] == len(comparison.left.sentences) - len(comparison.unique_left)


# --- the command line ----------------------------------------------------------------------------------------


def test_report_on_a_folder_of_mixed_input_lists_the_skipped_files(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "inputs"
    expected = build_input_folder(folder, SEEDS[:2], max_bytes=articles.MAX_BYTES)
    for name in ("huge.txt", "locked.txt"):  # 5 MB of words, and a file root could read: both have their own tests
        (folder / name).unlink()
        del expected[name]
    assert main(["report", str(folder), "-o", str(tmp_path / "report.html")]) == EXIT_OK
    stderr = capsys.readouterr().err
    for name in expected:
        assert f"skipped {folder / name}: {BAD_FILES[name][1]}" in stderr or f"skipped {folder / name}: " in stderr
    assert (tmp_path / "report.html").exists()


def test_report_exits_1_when_nothing_could_be_read(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "bad"
    for name, (data, _) in BAD_FILES.items():
        write(folder / name, data)
    assert main(["report", str(folder), "-o", str(tmp_path / "report.html")]) == EXIT_UNREADABLE
    assert "binary.bin" in capsys.readouterr().err
    assert not (tmp_path / "report.html").exists()


def test_links_out_of_the_folder_are_skipped_and_named(tmp_path: Path) -> None:
    outside = tmp_path / "elsewhere"
    secret = write(outside / "secret.txt", "The private text that must not reach a report.\n")
    write(outside / "notes" / "n.txt", STORY)
    folder = tmp_path / "folder"
    write(folder / "a.txt", STORY)
    (folder / "passwd.txt").symlink_to(secret)
    (folder / "notes").symlink_to(outside / "notes", target_is_directory=True)
    (folder / "sub").mkdir()
    (folder / "sub" / "inside.txt").symlink_to(folder / "a.txt")  # leads inside: followed
    (folder / "sub" / "up.txt").symlink_to(Path("..") / ".." / "elsewhere" / "secret.txt")
    loaded, errors = load_folder(folder, recursive=True)
    assert sorted(Path(a.path).relative_to(folder).as_posix() for a in loaded) == ["a.txt", "sub/inside.txt"]
    reasons = skipped_reasons(errors)
    assert reasons.keys() == {"passwd.txt", "notes", "up.txt"}
    assert all("outside the folder: not followed" in reason for reason in reasons.values())
    assert str(secret) in reasons["passwd.txt"]
    # opened by name, the link is the user's choice
    assert load_article(folder / "passwd.txt").text.startswith("The private text")


def test_a_link_out_of_the_folder_never_reaches_the_report(tmp_path: Path) -> None:
    secret = write(tmp_path / "secret.txt", "Secret password line that no report may quote.\n")
    folder = tmp_path / "folder"
    write(folder / "a.txt", STORY)
    write(folder / "b.txt", STORY.replace("Paragraph", "Section"))
    (folder / "passwd.txt").symlink_to(secret)
    output = tmp_path / "report.html"
    assert main(["report", str(folder), "-o", str(output)]) == EXIT_OK
    html = output.read_text(encoding="utf-8")
    assert "Secret password" not in html
    assert "passwd.txt" in html and "outside the folder" in html


def test_an_article_of_more_words_than_can_be_compared_in_seconds_is_refused_by_name(tmp_path: Path) -> None:
    long = tmp_path / "book.txt"
    long.write_text("word " * (MAX_WORDS + 1), encoding="utf-8")
    at_limit = tmp_path / "long.txt"
    at_limit.write_text("word " * MAX_WORDS, encoding="utf-8")
    with pytest.raises(ArticleError) as refused:
        load_article(long)
    assert refused.value.path == str(long) and "too long to compare" in refused.value.reason
    assert len(load_article(at_limit).text.split()) == MAX_WORDS
