"""The HTML report against the checkers people use: axe-core in Chromium (accessibility, at desktop and phone
width), the W3C Nu HTML checker, and where the first difference lands on a phone's first screen.

The checkers come from the npm registry (tests/tools/package.json; `npm ci --ignore-scripts --prefix tests/tools`);
the tests skip when they, Chromium or Java are absent.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from newsdiff.core.folder.analysis import outline
from newsdiff.core.folder.base_pairs import compare_with_base
from newsdiff.core.output import palette
from newsdiff.core.output.report import write_folder_report, write_pair_report
from newsdiff.core.pair.compare import compare
from newsdiff.core.read.articles import Article, load_article, load_folder
from tests.conftest import FIXTURES, TESTS
from tests.headless_chromium import CHROMIUM, Browser

TOOLS = TESTS / "tools" / "node_modules"
AXE = TOOLS / "axe-core" / "axe.min.js"
VNU = TOOLS / "vnu-jar" / "build" / "dist" / "vnu.jar"
JAVA = shutil.which("java")
DESKTOP = (1280, 900)
PHONE = (390, 844)  # a common phone's CSS pixels
SERIOUS = ("serious", "critical")

needs_axe = pytest.mark.skipif(
    CHROMIUM is None or not AXE.is_file(), reason="needs Debian's chromium and npm's axe-core in tests/tools"
)
needs_vnu = pytest.mark.skipif(JAVA is None or not VNU.is_file(), reason="needs Java and npm's vnu-jar in tests/tools")
needs_chromium = pytest.mark.skipif(CHROMIUM is None, reason="needs Debian's chromium")


@pytest.fixture(scope="module")
def reports(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """A pair report, a folder report with site furniture marked, and a report of hostile text."""
    folder = tmp_path_factory.mktemp("reports")
    articles, errors = load_folder(FIXTURES)
    assert not errors
    found = outline(articles)
    furniture = {article.path: spans for article, spans in zip(articles, found.furniture)}
    base = articles[found.suggested_base]
    others = [a for a in articles if a is not base]
    golden = TESTS / "golden"
    hostile = 'The minister <script>alert(1)</script> spoke <img src=x onerror="alert(2)"> </td></table> twice.'
    return {
        "pair": write_pair_report(
            compare(load_article(golden / "wire.txt"), load_article(golden / "outlet.txt")), folder / "pair.html"
        ),
        "folder": write_folder_report(
            base, compare_with_base(base, others), folder / "folder.html", furniture=furniture
        ),
        "hostile": write_pair_report(
            compare(
                Article.from_text(f"Title <b>\n\n{hostile}\n\nShe left at noon.", path="<a href=x>.txt"),
                Article.from_text(f"Title\n\n{hostile}\n\nHe arrived late.", path="b.txt"),
            ),
            folder / "hostile.html",
        ),
    }


def axe_violations(page: Path, size: tuple[int, int]) -> list[dict]:
    """axe-core's violations on `page` in a window `size` large: rule, impact and the nodes that fail."""
    with Browser(page.as_uri(), size) as browser:
        browser.evaluate(AXE.read_text(encoding="utf-8"))
        found = browser.evaluate(
            "axe.run(document).then(r => JSON.stringify(r.violations.map(v => "
            "({id: v.id, impact: v.impact, nodes: v.nodes.map(n => n.target.join(' ') + ': ' + n.failureSummary)}))))"
        )
    return json.loads(found)


@needs_axe
@pytest.mark.parametrize("size", [DESKTOP, PHONE], ids=["desktop", "phone"])
@pytest.mark.parametrize("name", ["pair", "folder", "hostile"])
def test_axe_finds_no_serious_violation(reports: dict[str, Path], name: str, size: tuple[int, int]) -> None:
    violations = axe_violations(reports[name], size)
    serious = [(v["id"], len(v["nodes"]), v["nodes"][:3]) for v in violations if v["impact"] in SERIOUS]
    assert serious == []


@needs_vnu
def test_the_nu_checker_finds_no_error(reports: dict[str, Path]) -> None:
    checked = subprocess.run(
        [JAVA, "-jar", str(VNU), "--format", "json", "--exit-zero-always", *map(str, reports.values())],
        capture_output=True,
        check=False,
        text=True,
        timeout=120,
    )
    messages = json.loads(checked.stderr)["messages"]
    assert messages, "the checker said nothing at all"  # it reports at least the CSP info below
    # An "info" message is no error: the checker cannot hash the inline script, so it thinks the page's
    # Content-Security-Policy blocks it (Chromium runs it: test_report.py shows it).
    errors = [
        (m.get("url", "").rsplit("/", 1)[-1], m.get("lastLine"), m["message"]) for m in messages if m["type"] != "info"
    ]
    assert errors == []


def first_difference(page: Path, size: tuple[int, int]) -> dict:
    """Where the first difference is in a window `size` large, the window's height, which folds are open."""
    with Browser(page.as_uri(), size) as browser:
        return browser.evaluate(
            "({box: document.getElementById('d1').getBoundingClientRect().toJSON(), height: innerHeight,"
            " open: [...document.querySelectorAll('details.fold')].map(d => d.open)})"
        )


@needs_chromium
@pytest.mark.parametrize("name", ["pair", "folder"])
def test_on_a_phone_the_first_difference_is_on_the_first_screen(reports: dict[str, Path], name: str) -> None:
    phone = first_difference(reports[name], PHONE)
    assert phone["box"]["bottom"] <= phone["height"]
    assert phone["open"] and not any(phone["open"])  # the file table, legend and summary folded away
    desktop = first_difference(reports[name], DESKTOP)
    assert desktop["open"] and all(desktop["open"])  # a wide screen keeps them open


def test_without_a_script_every_fold_is_open(reports: dict[str, Path]) -> None:
    """The page as written, before any script: the file table, legend and summary are open."""
    for name in ("pair", "folder"):
        folds = re.findall(r"<details[^>]*>", reports[name].read_text(encoding="utf-8"))
        assert len(folds) == (3 if name == "folder" else 2)
        assert all(re.search(r"\bopen\b", fold) for fold in folds), folds


@needs_chromium
def test_printing_opens_the_folds(reports: dict[str, Path]) -> None:
    with Browser(reports["folder"].as_uri(), PHONE) as browser:
        opened = browser.evaluate(
            "window.dispatchEvent(new Event('beforeprint')),"
            " [...document.querySelectorAll('details.fold')].map(d => d.open)"
        )
    assert opened and all(opened)


def luminance(colour: str) -> float:
    """WCAG relative luminance of a #RRGGBB colour."""

    def channel(value: float) -> float:
        return value / 12.92 if value <= 0.04045 else ((value + 0.055) / 1.055) ** 2.4

    red, green, blue = (channel(int(colour[i : i + 2], 16) / 255) for i in (1, 3, 5))
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


@pytest.mark.parametrize("name", ["MOVED", "ALTERED"])
def test_the_labels_colours_read_on_white(name: str) -> None:
    """The moved and altered labels are words in these colours on white: WCAG AA asks 4.5:1."""
    colour = getattr(palette, name)
    assert (1.05) / (luminance(colour) + 0.05) >= 4.5, colour
