"""What ships with newsdiff: the icon, the desktop entry, the AppStream metainfo, the package resources."""

from __future__ import annotations

import configparser
import json
import shutil
import subprocess
import xml.etree.ElementTree as ET

import pytest

import newsdiff
from newsdiff.core.places import resources
from tests.conftest import TESTS

ROOT = TESTS.parent
RESOURCES = ROOT / "resources"
ICON_SIZES = (16, 32, 48, 64, 128, 256)


def test_icon_has_every_size_and_the_window_uses_it(qapp):
    from PySide6.QtGui import QImage

    from newsdiff.ui.app import application

    icons = resources() / "icons"
    assert (icons / "newsdiff.svg").is_file()
    for size in ICON_SIZES:
        image = QImage(str(icons / f"newsdiff-{size}.png"))
        assert (image.width(), image.height()) == (size, size)
    sizes = {(s.width(), s.height()) for s in application().windowIcon().availableSizes()}
    assert {(size, size) for size in ICON_SIZES} <= sizes


def desktop_entry() -> configparser.SectionProxy:
    """The [Desktop Entry] group of resources/newsdiff.desktop."""
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str  # keys are case-sensitive in desktop entries
    parser.read(RESOURCES / "newsdiff.desktop", encoding="utf-8")
    return parser["Desktop Entry"]


def test_desktop_entry_starts_newsdiff_with_its_icon():
    entry = desktop_entry()
    assert entry["Type"] == "Application"
    assert entry["Exec"].split()[0] == "newsdiff"
    assert entry["Icon"] == "newsdiff"
    assert (resources() / "icons" / f"{entry['Icon']}.svg").is_file()
    assert entry["Terminal"] == "false"
    categories = entry["Categories"].rstrip(";").split(";")
    assert "Utility" in categories and "TextTools" in categories


def test_metainfo_names_the_desktop_entry_and_the_binary():
    root = ET.parse(RESOURCES / "io.github.newsdiff.metainfo.xml").getroot()
    assert root.tag == "component" and root.get("type") == "desktop-application"
    assert root.findtext("id") == "io.github.newsdiff"
    assert root.findtext("launchable[@type='desktop-id']") == "newsdiff.desktop"
    assert root.findtext("provides/binary") == "newsdiff"
    assert root.findtext("project_license") == "MIT"
    metainfo_categories = {c.text for c in root.iterfind("categories/category")}
    assert metainfo_categories == set(desktop_entry()["Categories"].rstrip(";").split(";"))
    assert root.find("releases/release").get("version") == newsdiff.__version__


@pytest.mark.parametrize(
    ("tool", "arguments", "file"),
    [
        ("desktop-file-validate", [], "newsdiff.desktop"),
        ("appstreamcli", ["validate", "--no-net", "--pedantic"], "io.github.newsdiff.metainfo.xml"),
    ],
)
def test_packaging_files_pass_their_validators(tool, arguments, file):
    if shutil.which(tool) is None:
        pytest.skip(f"{tool} is not installed (Debian: desktop-file-utils, appstream)")
    result = subprocess.run([tool, *arguments, str(RESOURCES / file)], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "hint:" not in result.stdout and "warning" not in result.stdout.lower()


def test_resources_are_found_from_the_package():
    folder = resources()
    samples = [entry.name for entry in (folder / "sample").iterdir() if entry.name.endswith(".txt")]
    assert len(samples) == 5
    assert "{{" in (folder / "report.html.j2").read_text(encoding="utf-8")
    assert (folder / "report.css").is_file()
    assert json.loads((folder / "altered_model.json").read_text(encoding="utf-8"))
    assert (folder / "guide" / "guide.md").is_file()

