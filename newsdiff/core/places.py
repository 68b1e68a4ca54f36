"""Where newsdiff finds its own files (the resources folder) and keeps its cache."""

from __future__ import annotations

import os
from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent.parent


def resources() -> Path:
    """The resources folder: inside the installed package (wheel, bundle), else at the top of the source tree.

    The installed place is tried first, so that a folder named `resources` beside an installed package is
    never taken for newsdiff's own."""
    installed = _PACKAGE / "resources"
    return installed if installed.is_dir() else _PACKAGE.parent / "resources"


def resource(*parts: str) -> Path:
    """A file or folder of the resources folder, e.g. resource("sample")."""
    return resources().joinpath(*parts)


def default_cache_dir() -> Path:
    """The newsdiff folder under $XDG_CACHE_HOME when that is an absolute path, else under ~/.cache."""
    xdg = os.environ.get("XDG_CACHE_HOME", "")
    base = Path(xdg) if xdg and os.path.isabs(xdg) else Path.home() / ".cache"
    return base / "newsdiff"


def default_data_dir() -> Path:
    """The newsdiff folder under $XDG_DATA_HOME when that is an absolute path, else under ~/.local/share: where
    the editor's own work (the review of each folder) is kept, which unlike the cache cannot be made again."""
    xdg = os.environ.get("XDG_DATA_HOME", "")
    base = Path(xdg) if xdg and os.path.isabs(xdg) else Path.home() / ".local" / "share"
    return base / "newsdiff"
