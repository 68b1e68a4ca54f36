"""`newsdiff --install-desktop`: put the desktop entry, the AppStream metainfo and the icons where the user's
desktop looks for them (the XDG data folder, $XDG_DATA_HOME or ~/.local/share), so that newsdiff shows in the
application menu with its icon.

Only newsdiff's own files are written there (named newsdiff or io.github.newsdiff), each in one step; running it
again replaces them with this version's. Nothing is written outside the user's data folder and no MIME default
is changed.
"""

from __future__ import annotations

import os
import shutil
import sys
from dataclasses import dataclass
from pathlib import Path

from newsdiff.core.output.safe_write import write_bytes_atomically
from newsdiff.core.places import resource

DESKTOP_ENTRY = "newsdiff.desktop"
METAINFO = "io.github.newsdiff.metainfo.xml"
ICON_NAME = "newsdiff"
ICON_SIZES = (16, 32, 48, 64, 128, 256)  # the PNGs of resources/icons, one per hicolor size folder


@dataclass(frozen=True)
class Installed:
    """What the installation wrote, for the message the user reads."""

    data_home: Path
    files: tuple[Path, ...]
    command: str  # what the desktop entry runs


def data_home() -> Path:
    """$XDG_DATA_HOME when it is an absolute path (the XDG rule: a relative one is ignored), else ~/.local/share."""
    xdg = os.environ.get("XDG_DATA_HOME", "")
    return Path(xdg) if xdg and os.path.isabs(xdg) else Path.home() / ".local" / "share"


def launcher() -> str:
    """The newsdiff command the entry runs: the absolute path of the one running now when it is a `newsdiff`
    script (a virtual environment is seldom on the desktop session's PATH), else plain `newsdiff`."""
    running = Path(sys.argv[0]) if sys.argv and sys.argv[0] else None
    if running is not None and running.name == "newsdiff" and running.is_file():
        return str(running.resolve())
    found = shutil.which("newsdiff")
    return found or "newsdiff"


def desktop_entry(command: str) -> str:
    """The shipped desktop entry with its Exec and TryExec running `command`."""
    lines = resource(DESKTOP_ENTRY).read_text(encoding="utf-8").splitlines()
    quoted = _quoted(command)
    rewritten = []
    for line in lines:
        if line.startswith("Exec="):
            line = f"Exec={quoted} %F"
        elif line.startswith("TryExec="):
            line = f"TryExec={command}"
        rewritten.append(line)
    return "\n".join(rewritten) + "\n"


def _quoted(command: str) -> str:
    """`command` as an Exec argument: quoted when it holds a space or another reserved character (Desktop Entry
    Specification, "The Exec key")."""
    reserved = set(" \t\n\"'\\><~|&;$*?#()`")
    if not reserved & set(command):
        return command
    escaped = command.replace("\\", "\\\\").replace('"', '\\"').replace("`", "\\`").replace("$", "\\$")
    return f'"{escaped}"'


def install_desktop(home: Path | None = None, command: str | None = None) -> Installed:
    """Install the desktop entry, the metainfo and the icons under `home` (default: data_home()).

    Raises OSError when a folder cannot be made or a file cannot be written.
    """
    home = home if home is not None else data_home()
    command = command if command is not None else launcher()
    icons = resource("icons")
    contents: list[tuple[Path, bytes]] = [
        (home / "applications" / DESKTOP_ENTRY, desktop_entry(command).encode("utf-8")),
        (home / "metainfo" / METAINFO, resource(METAINFO).read_bytes()),
        (
            home / "icons" / "hicolor" / "scalable" / "apps" / f"{ICON_NAME}.svg",
            (icons / f"{ICON_NAME}.svg").read_bytes(),
        ),
    ]
    for size in ICON_SIZES:
        png = (icons / f"{ICON_NAME}-{size}.png").read_bytes()
        contents.append((home / "icons" / "hicolor" / f"{size}x{size}" / "apps" / f"{ICON_NAME}.png", png))
    for path, data in contents:
        path.parent.mkdir(parents=True, exist_ok=True)
        write_bytes_atomically(path, data, force=True)  # newsdiff's own files: a reinstall brings them up to date
    # Desktops notice a new icon when the theme folder changes; touching it is what icon-cache tools check.
    os.utime(home / "icons" / "hicolor")
    return Installed(home, tuple(path for path, _ in contents), command)
