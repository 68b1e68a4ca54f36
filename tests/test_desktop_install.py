"""`newsdiff --install-desktop`: the entry, the metainfo and the icons land in the user's XDG data folder."""

from __future__ import annotations

import configparser
import shutil
import subprocess

import pytest

from newsdiff.cli import main
from newsdiff.core.places import resource
from newsdiff.desktop_install import ICON_SIZES, desktop_entry, install_desktop


def _entry(text: str) -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str
    parser.read_string(text)
    return parser["Desktop Entry"]


def test_install_desktop_writes_entry_metainfo_and_icons_into_xdg_data_home(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    assert main(["--install-desktop"]) == 0
    entry = _entry((tmp_path / "applications" / "newsdiff.desktop").read_text(encoding="utf-8"))
    assert entry["Icon"] == "newsdiff" and entry["Exec"].endswith(" %F")
    assert (tmp_path / "metainfo" / "io.github.newsdiff.metainfo.xml").read_bytes() == resource(
        "io.github.newsdiff.metainfo.xml"
    ).read_bytes()
    assert (tmp_path / "icons/hicolor/scalable/apps/newsdiff.svg").is_file()
    for size in ICON_SIZES:
        assert (tmp_path / f"icons/hicolor/{size}x{size}/apps/newsdiff.png").read_bytes() == resource(
            "icons", f"newsdiff-{size}.png"
        ).read_bytes()
    assert str(tmp_path / "applications" / "newsdiff.desktop") in capsys.readouterr().out
    # Running it again brings the files up to date rather than failing on them
    assert main(["--install-desktop"]) == 0


def test_installed_entry_claims_no_mime_type():
    """newsdiff owns no file type: it must not become the opener of every text file, page or folder."""
    assert "MimeType" not in _entry(resource("newsdiff.desktop").read_text(encoding="utf-8"))
    assert "MimeType" not in _entry(desktop_entry("/opt/news diff/bin/newsdiff"))


def test_entry_runs_the_given_command_quoted_when_it_holds_a_space():
    entry = _entry(desktop_entry("/opt/news diff/bin/newsdiff"))
    assert entry["Exec"] == '"/opt/news diff/bin/newsdiff" %F'
    assert entry["TryExec"] == "/opt/news diff/bin/newsdiff"


def test_installed_entry_passes_the_validator(tmp_path):
    if shutil.which("desktop-file-validate") is None:
        pytest.skip("desktop-file-validate is not installed (Debian: desktop-file-utils)")
    installed = install_desktop(tmp_path, "/opt/news diff/bin/newsdiff")
    result = subprocess.run(
        ["desktop-file-validate", str(installed.files[0])], check=False, capture_output=True, text=True
    )
    assert result.returncode == 0 and not result.stdout, result.stdout


def test_install_desktop_fails_clearly_when_the_data_folder_cannot_be_written(tmp_path, monkeypatch, capsys):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("XDG_DATA_HOME", str(blocker))
    assert main(["--install-desktop"]) == 1
    assert "cannot install the desktop files" in capsys.readouterr().err


def test_install_desktop_takes_no_paths(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    assert main(["--install-desktop", str(tmp_path)]) == 2
    assert "takes no paths" in capsys.readouterr().err
    assert not (tmp_path / "data").exists()
