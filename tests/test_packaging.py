"""What ships with newsdiff: the icon, the desktop entry, the AppStream metainfo, the package resources."""

from __future__ import annotations

import configparser
import shutil
import subprocess
import xml.etree.ElementTree as ET
from importlib.resources import files
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGING = ROOT / "packaging"
ICON_SIZES = (16, 32, 48, 64, 128, 256)


def test_icon_has_every_size_and_the_window_uses_it(qapp):
    from PySide6.QtGui import QImage

    from newsdiff.ui.app import application

    icons = files("newsdiff") / "resources" / "icons"
    assert (icons / "newsdiff.svg").is_file()
    for size in ICON_SIZES:
        image = QImage(str(icons / f"newsdiff-{size}.png"))
        assert (image.width(), image.height()) == (size, size)
    sizes = {(s.width(), s.height()) for s in application().windowIcon().availableSizes()}
    assert {(size, size) for size in ICON_SIZES} <= sizes
