"""The HTML report: untrusted text stays text, nothing remote, stable output, atomic writes, the CLI."""

from __future__ import annotations

import dataclasses
import os
import re
import shutil
from datetime import datetime, timezone
from html.parser import HTMLParser
from pathlib import Path

import pytest

from newsdiff import cli
from newsdiff.cli import EXIT_OK, EXIT_UNREADABLE, EXIT_USAGE, main
from newsdiff.core.folder.analysis import outline
from newsdiff.core.folder.base_pairs import compare_with_base
from newsdiff.core.folder.boilerplate import sentences_within
from newsdiff.core.model import Side
from newsdiff.core.output.report import (
    RESOURCES,
    SCRIPT,
    render_folder_report,
    render_pair_report,
    write_folder_report,
    write_pair_report,
)
from newsdiff.core.output.safe_write import OutputExistsError, OutputIsInputError
from newsdiff.core.pair.compare import compare
from newsdiff.core.read.articles import Article, ArticleError, load_article, load_folder
from tests.conftest import FIXTURES, TESTS, seed
from tests.headless_chromium import CHROMIUM, Browser

GOLDEN = TESTS / "golden"
REGENERATE = "NEWSDIFF_REGENERATE_GOLDEN"
FIXED_DATE = datetime(2025, 3, 14, 12, 0, tzinfo=timezone.utc)
HOSTILE = ("<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "</td></table>", "{{ 7*7 }}")


class Page(HTMLParser):
    """The parts of a page the tests look at: elements with their attributes, scripts, styles and text."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, dict[str, str | None]]] = []
        self.scripts: list[str] = []
        self.styles: list[str] = []
        self.text: list[str] = []
        self._inside: str | None = None
        self.feed(html)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.elements.append((tag, dict(attrs)))
        if tag in ("script", "style"):
            self._inside = tag
            (self.scripts if tag == "script" else self.styles).append("")

    def handle_endtag(self, tag: str) -> None:
        if tag == self._inside:
            self._inside = None

    def handle_data(self, data: str) -> None:
        if self._inside == "script":
            self.scripts[-1] += data
        elif self._inside == "style":
            self.styles[-1] += data
        else:
            self.text.append(data)

    def ids(self) -> list[str]:
        return [attrs["id"] for _, attrs in self.elements if attrs.get("id")]

    def visible_text(self) -> str:
        return " ".join("".join(self.text).split())


def _squeeze(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture(scope="module")
def seeds() -> list[Article]:
    articles, errors = load_folder(FIXTURES)
    assert not errors
    return articles


@pytest.fixture(scope="module")
def seed_comparisons(seeds: list[Article]):
    return compare_with_base(seeds[0], seeds[1:])


@pytest.fixture(scope="module")
def folder_html(seeds: list[Article], seed_comparisons) -> str:
    return render_folder_report(seeds[0], seed_comparisons, generated=FIXED_DATE)


@pytest.fixture(scope="module")
def hostile_html() -> str:
    left = Article.from_text(
        "Minister speaks <script>alert(1)</script>\n\n"
        "The minister said the plan <img src=x onerror=alert(1)> would go ahead on Monday.\n\n"
        "Officials closed the table </td></table> before the vote.\n\n"
        "Templates such as {{ 7*7 }} and {% if x %} must stay as they are.",
        path="<img src=x onerror=alert(2)>.txt",
    )
    right = Article.from_text(
        "Minister speaks <script>alert(1)</script> to the press\n\n"
        "The minister said the plan <img src=x onerror=alert(1)> would certainly go ahead on Monday.\n\n"
        "Templates such as {{ 7*7 }} and {% if x %} must stay as they are.\n\n"
        "A new paragraph with a mispelled word and <b onclick=alert(3)>bold</b> markup.",
        path="right.txt",
    )
    return render_pair_report(compare(left, right))


def test_hostile_article_text_appears_literally(hostile_html: str) -> None:
    text = Page(hostile_html).visible_text()
    for snippet in HOSTILE + ("<b onclick=alert(3)>bold</b>", "{% if x %}", "<img src=x onerror=alert(2)>.txt"):
        assert snippet in text


def test_no_script_or_handler_of_the_article_gets_into_the_page(hostile_html: str) -> None:
    page = Page(hostile_html)
    script = (RESOURCES / SCRIPT).read_text(encoding="utf-8")
    assert page.scripts == [script]
    assert [tag for tag, _ in page.elements if tag in ("script", "img", "b", "iframe", "object")] == ["script"]
    for tag, attrs in page.elements:
        assert not [name for name in attrs if name.startswith("on")], tag


def test_the_page_forbids_other_scripts_and_every_remote_load(hostile_html: str) -> None:
    policy = next(
        attrs["content"] for tag, attrs in Page(hostile_html).elements if attrs.get("http-equiv") == "Content-Security-Policy"
    )
    assert "default-src 'none'" in policy
    assert re.search(r"script-src 'sha256-[A-Za-z0-9+/=]+'(;|$)", policy)


def test_no_remote_resource_is_referenced(folder_html: str, hostile_html: str) -> None:
    for html in (folder_html, hostile_html):
        page = Page(html)
        for tag, attrs in page.elements:
            assert "src" not in attrs, tag
            if "href" in attrs:
                assert attrs["href"].startswith("#"), attrs["href"]
        for style in page.styles:
            assert "url(" not in style and "@import" not in style
    assert "http://" not in folder_html and "https://" not in folder_html


def test_a_web_address_in_an_article_stays_text() -> None:
    left = Article.from_text("Report\n\nRead more at https://example.org/story today.", path="a.txt")
    right = Article.from_text("Report\n\nRead more at http://example.org/story now.", path="b.txt")
    page = Page(render_pair_report(compare(left, right)))
    assert "https://example.org/story" in page.visible_text()
    assert all(not (attrs.get("href") or "#").startswith("http") for _, attrs in page.elements)


def test_the_outlet_a_page_names_is_shown_escaped(tmp_path: Path) -> None:
    paragraphs = seed("000").read_text(encoding="utf-8").split("\n\n")
    body = "".join(f"<p>{p}</p>" for p in paragraphs[1:]).replace("&", "&amp;")
    page = tmp_path / "page.html"
    page.write_text(
        f'<html><head><meta property="og:site_name" content="Daily &lt;b&gt;Planet"></head><body><article>{body}'
        "</article></body></html>",
        encoding="utf-8",
    )
    html = render_pair_report(compare(load_article(seed("003")), load_article(page)))
    assert '<span class="outlet">Daily &lt;b&gt;Planet</span>' in html


def test_golden_small_pair(monkeypatch: pytest.MonkeyPatch) -> None:
    """Any change to the report shows as a diff of this file; NEWSDIFF_REGENERATE_GOLDEN=1 rewrites it."""
    monkeypatch.chdir(GOLDEN)
    html = render_pair_report(compare(load_article("wire.txt"), load_article("outlet.txt")), generated=FIXED_DATE)
    golden = GOLDEN / "small_pair.html"
    if os.environ.get(REGENERATE):
        golden.write_text(html, encoding="utf-8")
    assert html == golden.read_text(encoding="utf-8")


def test_the_report_is_deterministic_for_a_fixed_date(seeds: list[Article], seed_comparisons) -> None:
    again = compare_with_base(seeds[0], seeds[1:])
    assert render_folder_report(seeds[0], again, generated=FIXED_DATE) == render_folder_report(
        seeds[0], seed_comparisons, generated=FIXED_DATE
    )


def test_every_sentence_reads_without_scripts(folder_html: str, seed_comparisons) -> None:
    text = Page(folder_html).visible_text()
    for comparison in seed_comparisons:
        for side in Side:
            document = comparison.document(side)
            for index in range(len(document.sentences)):
                assert _squeeze(document.sentence_text(index)) in text


def test_differences_are_numbered_through_the_folder_report(folder_html: str, seed_comparisons) -> None:
    ids = Page(folder_html).ids()
    assert len(ids) == len(set(ids))
    stops = [i for i in ids if re.fullmatch(r"d\d+", i)]
    total = sum(len(c.differences()) for c in seed_comparisons)
    assert stops == [f"d{n}" for n in range(1, total + 1)]
    assert f"{total} differences (first) in 4 comparisons" in Page(folder_html).visible_text()


def test_summary_table_links_to_each_pair(folder_html: str, seeds: list[Article]) -> None:
    page = Page(folder_html)
    ids = set(page.ids())
    summary_links = [attrs["href"] for tag, attrs in page.elements if tag == "a" and attrs["href"].startswith("#pair-")]
    assert summary_links == [f"#pair-{n}" for n in range(1, len(seeds))]
    assert all(link[1:] in ids for link in summary_links)
    text = page.visible_text()
    for article in seeds:
        assert Path(article.path).name in text


def test_files_are_listed_with_size_and_checksum(folder_html: str, seeds: list[Article]) -> None:
    import hashlib

    text = Page(folder_html).visible_text()
    for article in seeds:
        data = Path(article.path).read_bytes()
        assert hashlib.sha256(data).hexdigest() in text
        assert f"{len(data):,}" in text


def test_counts_misspellings_and_marks_are_shown(seed_comparisons) -> None:
    comparison = next(c for c in seed_comparisons if any(m.suggestion for m in c.misspellings))
    html = render_pair_report(comparison, generated=FIXED_DATE)
    page = Page(html)
    misspelt = [attrs for _, attrs in page.elements if attrs.get("class") == "miss"]
    assert len(misspelt) == 1 + len(comparison.misspellings)  # the legend's example, then each mark
    for mark in comparison.misspellings:
        if mark.suggestion:
            assert any(
                a.get("data-suggestion") == mark.suggestion and mark.suggestion in a["title"] for a in misspelt[1:]
            )
    marked = [attrs for _, attrs in page.elements if (attrs.get("class") or "").startswith("w ")]
    assert {a["class"] for a in marked} >= {"w reworded", "w only"}
    left, right = comparison.stats(Side.LEFT), comparison.stats(Side.RIGHT)
    for kind in left:
        cells = rf'k-{kind.value}">{kind.value}</span></th><td class="num">{left[kind]} <small>.*?<td class="num">{right[kind]} '
        assert re.search(cells, html), kind


def test_moved_sentences_are_marked() -> None:
    left = load_article(GOLDEN / "wire.txt")
    right = load_article(GOLDEN / "outlet.txt")
    comparison = compare(left, right)
    moved = [link for link in comparison.links if link.moved]
    assert moved
    page = Page(render_pair_report(comparison))
    labels = [attrs for _, attrs in page.elements if attrs.get("class") == "mark moved"]
    # One in the legend, one on each side of each moved link.
    assert len(labels) == 1 + sum(len(link.left) + len(link.right) for link in moved)


def test_altered_links_are_marked() -> None:
    comparison = compare(load_article(GOLDEN / "wire.txt"), load_article(GOLDEN / "outlet.txt"))
    first = comparison.links[0]
    altered = dataclasses.replace(comparison, links=(dataclasses.replace(first, altered=True), *comparison.links[1:]))
    page = Page(render_pair_report(altered))
    labels = [attrs for _, attrs in page.elements if attrs.get("class") == "mark altered"]
    assert len(labels) == 1 + len(first.left) + len(first.right)
    hints = [attrs["title"] for _, attrs in page.elements if attrs.get("id") == "d1"]
    assert "altered" in hints[0]


def test_an_altered_link_says_what_changed() -> None:
    comparison = compare(
        Article.from_text("The government said it would not cut taxes before the election."),
        Article.from_text("The government announced that it will cut taxes ahead of the election."),
    )
    page = Page(render_pair_report(comparison))
    hints = [attrs["title"] for _, attrs in page.elements if attrs.get("id") == "d1"]
    assert "altered: negated on one side only" in hints[0]


def furniture_sentences(page: Page) -> list[dict[str, str | None]]:
    """The attributes of each sentence the page marks as site furniture."""
    classes = [(attrs, (attrs.get("class") or "").split()) for _, attrs in page.elements]
    return [attrs for attrs, names in classes if names[:1] == ["s"] and "furniture" in names]


def test_site_furniture_is_marked_as_the_folder_analysis_finds_it(seeds: list[Article]) -> None:
    found = outline(seeds)
    furniture = {article.path: spans for article, spans in zip(seeds, found.furniture)}
    wire, outlet = (next(a for a in seeds if Path(a.path).name.startswith(p)) for p in ("003", "002"))
    assert furniture[outlet.path]
    comparison = compare(wire, outlet)
    html = render_pair_report(comparison, furniture=furniture)
    page = Page(html)
    marked = sentences_within(comparison.right, furniture[outlet.path])
    marked_left = sentences_within(comparison.left, furniture[wire.path])
    right = comparison.right
    headline = next(k for k, s in enumerate(right.sentences) if right.text[s.start : s.end].startswith("Uber Enters"))
    lead = next(k for k, s in enumerate(right.sentences) if "surrender" in right.text[s.start : s.end])
    assert headline in marked and lead not in marked
    labels = [attrs for _, attrs in page.elements if attrs.get("class") == "mark furniture"]
    assert len(labels) == 1 + len(marked) + len(marked_left)  # the legend's, and one on each furniture sentence
    sentences = furniture_sentences(page)
    assert len(sentences) == len(marked) + len(marked_left)
    assert all(attrs["title"].startswith("site furniture: ") for attrs in sentences)
    # Without the analysis' furniture, nothing is marked but the legend.
    plain = Page(render_pair_report(comparison))
    assert [attrs for _, attrs in plain.elements if attrs.get("class") == "mark furniture"] == [labels[0]]


def test_print_keeps_rows_whole_and_colours(folder_html: str) -> None:
    style = "".join(Page(folder_html).styles)
    print_rules = style[style.index("@media print") :]
    assert "print-color-adjust: exact" in print_rules
    assert re.search(r"\.row \{[^}]*break-inside: avoid", style)
    assert "attr(data-suggestion)" in print_rules


def test_skipped_files_are_listed(seeds: list[Article], seed_comparisons) -> None:
    skipped = [ArticleError("broken.txt", "binary file (it contains NUL bytes)")]
    text = Page(render_folder_report(seeds[0], seed_comparisons[:1], skipped=skipped)).visible_text()
    assert "broken.txt: binary file (it contains NUL bytes)" in text


def test_write_refuses_to_overwrite_and_leaves_no_temporary_file(tmp_path: Path, seed_comparisons) -> None:
    target = tmp_path / "report.html"
    target.write_text("keep me", encoding="utf-8")
    with pytest.raises(OutputExistsError, match="report.html"):
        write_pair_report(seed_comparisons[0], target)
    assert target.read_text(encoding="utf-8") == "keep me"
    write_pair_report(seed_comparisons[0], target, force=True)
    assert target.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert [p.name for p in tmp_path.iterdir()] == ["report.html"]


def test_write_folder_report_to_a_new_file(tmp_path: Path, seeds: list[Article], seed_comparisons) -> None:
    target = write_folder_report(seeds[0], seed_comparisons, tmp_path / "folder.html")
    assert target.read_text(encoding="utf-8").count('class="pair"') == len(seed_comparisons)
    with pytest.raises(FileNotFoundError):
        write_folder_report(seeds[0], seed_comparisons, tmp_path / "missing" / "folder.html")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["folder.html"]


def test_known_words_of_other_copies_spare_names() -> None:
    base = Article.from_text("News\n\nThe envoy met officials in the capital on Friday.", path="base.txt")
    first = Article.from_text("News\n\nThe envoy met officials in the capital on Friday with zorbinski.", path="a.txt")
    second = Article.from_text("News\n\nThe envoy met zorbinski officials in the capital.", path="b.txt")
    alone = Article.from_text("News\n\nThe envoy met officials in the capital with qwertzuiop.", path="c.txt")
    comparisons = compare_with_base(base, [first, second, alone])
    words = [{m.word for m in c.misspellings if m.side is Side.RIGHT} for c in comparisons]
    assert words == [set(), set(), {"qwertzuiop"}]


# The command line.


def _report(*args: str | Path) -> int:
    return main(["report", *map(str, args)])


def test_cli_pair_report(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "pair.html"
    assert _report(seed("000"), seed("003"), "-o", out) == EXIT_OK
    page = Page(out.read_text(encoding="utf-8"))
    assert "pair-1" in page.ids() and "summary" not in page.ids()
    assert str(out) in capsys.readouterr().out


def test_cli_report_marks_site_furniture(tmp_path: Path) -> None:
    out = tmp_path / "pair.html"
    assert _report(seed("003"), seed("002"), "-o", out) == EXIT_OK
    page = Page(out.read_text(encoding="utf-8"))
    marked = furniture_sentences(page)
    wire, outlet = load_article(seed("003")), load_article(seed("002"))
    comparison, found = compare(wire, outlet), outline([wire, outlet])
    expected = [sentences_within(comparison.document(side), spans) for side, spans in zip(Side, found.furniture)]
    assert expected[1] and len(marked) == len(expected[0]) + len(expected[1])
    assert all(attrs["title"].startswith("site furniture: ") for attrs in marked)


def test_cli_refuses_to_overwrite_without_force(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "pair.html"
    out.write_text("earlier report", encoding="utf-8")
    assert _report(seed("000"), seed("003"), "-o", out) == EXIT_USAGE
    assert "already exists" in capsys.readouterr().err
    assert out.read_text(encoding="utf-8") == "earlier report"
    assert _report(seed("000"), seed("003"), "-o", out, "--force") == EXIT_OK
    assert out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


def test_cli_never_writes_over_an_article(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    left, right = tmp_path / "a.txt", tmp_path / "b.txt"
    shutil.copy(seed("000"), left)
    shutil.copy(seed("003"), right)
    before = right.read_bytes()
    assert _report(left, right, "-o", right, "--force") == EXIT_USAGE
    assert "is one of the articles" in capsys.readouterr().err
    assert right.read_bytes() == before


def test_cli_usage_errors_come_before_the_folder_outline(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_outline(articles: list[Article]) -> None:
        raise AssertionError("the folder outline ran before the usage checks")

    monkeypatch.setattr(cli, "_outline", no_outline)
    folder = tmp_path / "story"
    shutil.copytree(FIXTURES, folder)
    assert _report(folder, "-o", folder / seed("001").name, "--force") == EXIT_USAGE
    assert "is one of the articles" in capsys.readouterr().err
    assert _report(seed("000"), "--base", seed("000"), "-o", tmp_path / "r.html") == EXIT_USAGE
    assert "give two files" in capsys.readouterr().err


def test_cli_unreadable_input_names_the_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    missing = tmp_path / "missing.txt"
    assert _report(seed("000"), missing, "-o", tmp_path / "r.html") == EXIT_UNREADABLE
    assert str(missing) in capsys.readouterr().err
    assert _report(seed("000"), seed("003"), "--base", missing, "-o", tmp_path / "r.html") == EXIT_UNREADABLE
    assert str(missing) in capsys.readouterr().err
    assert not (tmp_path / "r.html").exists()


def test_cli_folder_report_takes_the_suggested_base_and_two_files_keep_their_order(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "folder.html"
    assert _report(FIXTURES, "-o", out) == EXIT_OK
    title = re.search(r"<title>(.*?)</title>", out.read_text(encoding="utf-8")).group(1)
    assert title.startswith(f"newsdiff report: {seed('003').name} ")  # the copy the others derive from, as `newsdiff overview` says
    pair = tmp_path / "pair.html"
    assert _report(seed("000"), seed("003"), "-o", pair) == EXIT_OK
    title = re.search(r"<title>(.*?)</title>", pair.read_text(encoding="utf-8")).group(1)
    assert title.startswith(f"newsdiff report: {seed('000').name} ")


def test_cli_folder_report_with_base_and_a_skipped_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "story"
    shutil.copytree(FIXTURES, folder)
    (folder / "broken.txt").write_bytes(b"\x00\x01binary")
    out = tmp_path / "folder.html"
    assert _report(folder, "--base", folder / seed("003").name, "-o", out) == EXIT_OK
    assert "broken.txt" in capsys.readouterr().err
    page = Page(out.read_text(encoding="utf-8"))
    assert [i for i in page.ids() if i.startswith("pair-")] == [f"pair-{n}" for n in range(1, 5)]
    text = page.visible_text()
    assert "003_c04344dd006e618a.txt against 4 other copies" in text
    assert "broken.txt: binary file" in text


def test_cli_usage_errors(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert _report(seed("000"), "-o", tmp_path / "r.html") == EXIT_USAGE
    assert _report(seed("000"), seed("003")) == EXIT_USAGE
    (tmp_path / "empty").mkdir()
    assert _report(tmp_path / "empty", "-o", tmp_path / "r.html") == EXIT_UNREADABLE
    assert "fewer than two readable articles" in capsys.readouterr().err


def test_cli_unwritable_output_names_it(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "no such folder" / "r.html"
    assert _report(seed("000"), seed("003"), "-o", out) == EXIT_UNREADABLE
    assert str(out) in capsys.readouterr().err


# In a real browser: the report's own script runs, none of the article's.


@pytest.mark.skipif(CHROMIUM is None, reason="needs Debian's chromium")
def test_in_chromium_only_the_report_script_runs(tmp_path: Path) -> None:
    trap = "document.documentElement.setAttribute('data-pwned', 'yes')"
    # In a paragraph both sides share, so that no word mark cuts the markup apart were it not escaped.
    hostile = f'The minister <script>{trap}</script> spoke <img src=x onerror="{trap}"> twice.'
    left = Article.from_text(f"Title\n\n{hostile}\n\nShe left at noon.", path="a.txt")
    right = Article.from_text(f"Title\n\n{hostile}\n\nHe arrived late.", path="b.txt")
    page = write_pair_report(compare(left, right), tmp_path / "hostile.html")
    with Browser(page.as_uri()) as browser:
        assert browser.evaluate("document.documentElement.hasAttribute('data-pwned')") is False
        assert browser.evaluate("document.body.textContent.includes('<script>')") is True
        assert browser.evaluate("document.getElementById('keys').hidden") is False  # the report's script ran


@pytest.mark.skipif(CHROMIUM is None, reason="needs Debian's chromium")
def test_in_chromium_n_p_j_k_walk_the_differences(tmp_path: Path) -> None:
    comparison = compare(load_article(GOLDEN / "wire.txt"), load_article(GOLDEN / "outlet.txt"))
    total = len(comparison.differences())
    page = write_pair_report(comparison, tmp_path / "pair.html")
    with Browser(page.as_uri()) as browser:
        seen = []
        for key in "nnjpkk" + "n" * (total + 1) + "x":
            browser.press(key)
            seen.append(browser.evaluate("location.hash"))
        assert seen[:6] == ["#d1", "#d2", "#d3", "#d2", "#d1", "#d1"]
        assert seen[-2:] == [f"#d{total}", f"#d{total}"]
        assert browser.evaluate("document.querySelector(':target').id") == f"d{total}"


def test_base_carried_is_the_carries_figure_with_the_base_furniture(seeds: list[Article], seed_comparisons) -> None:
    """The report's "base carried" is folder.similarity's `carries`, as the overview and the list give it."""
    from newsdiff.core.folder.similarity import carries_in

    found = outline(seeds)
    furniture = {a.path: spans for a, spans in zip(seeds, found.furniture)}
    html = render_folder_report(seeds[0], seed_comparisons, furniture=furniture, generated=FIXED_DATE)
    shown = re.findall(r'data-label="base carried">(\d+)&#8239;%', html)
    expected = [f"{100 * carries_in(c, furniture[seeds[0].path]):.0f}" for c in seed_comparisons]
    assert shown == expected
    # Furniture counts: without it, the figures are others.
    assert re.findall(r'data-label="base carried">(\d+)&#8239;%', render_folder_report(seeds[0], seed_comparisons)) != shown


def test_force_never_replaces_a_file_skipped_in_an_input_folder(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "story"
    shutil.copytree(FIXTURES, folder)
    huge = folder / "huge.txt"
    huge.write_bytes(b"word " * 1_300_000)  # over the size limit: skipped, and still the user's file
    before = huge.read_bytes()
    assert _report(folder, "-o", huge, "--force") == EXIT_USAGE
    assert "is one of the articles or of the files skipped" in capsys.readouterr().err
    assert huge.read_bytes() == before
    link = tmp_path / "link.txt"
    link.symlink_to(huge)  # the same file by another name
    assert _report(folder, "-o", link, "--force") == EXIT_USAGE
    assert huge.read_bytes() == before


def test_the_writer_refuses_an_input_whatever_called_it(tmp_path: Path, seed_comparisons) -> None:
    comparison = seed_comparisons[0]
    skipped = tmp_path / "skipped.html"
    skipped.write_text("not readable here", encoding="utf-8")
    with pytest.raises(OutputIsInputError):
        write_pair_report(comparison, skipped, force=True, protected=[str(skipped)])
    assert skipped.read_text(encoding="utf-8") == "not readable here"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["skipped.html"]


def test_an_output_name_of_the_longest_legal_length_is_written(tmp_path: Path, seed_comparisons) -> None:
    name = "r" * 250 + ".html"  # 255 bytes: the most a name may have
    assert write_pair_report(seed_comparisons[0], tmp_path / name) == tmp_path / name
    assert [p.name for p in tmp_path.iterdir()] == [name]


def test_a_name_that_is_not_utf8_is_shown_escaped_in_the_report(tmp_path: Path) -> None:
    folder = tmp_path / "story"
    folder.mkdir()
    shutil.copy(seed("000"), folder / os.fsdecode(b"caf\xe9.txt"))
    shutil.copy(seed("003"), folder / "b.txt")
    (folder / os.fsdecode(b"vide\xe9.txt")).write_bytes(b"")
    output = tmp_path / "report.html"
    assert _report(folder, "-o", output) == EXIT_OK
    html = output.read_text(encoding="utf-8")
    assert "$&#39;caf\\xe9.txt&#39;" in html and "vide\\xe9.txt&#39;</span>: empty file" in html
