"""Writing an export file atomically, never overwriting an existing file unless asked to."""

from __future__ import annotations

import os
import secrets
from collections.abc import Iterable
from pathlib import Path


class _OutputPathError(Exception):
    """An error about one output file; its message is `MESSAGE` with the path, and it pickles by the path
    (pickle's default would call the class with the whole message as the path)."""

    MESSAGE = "{path}"

    def __init__(self, path: Path | str) -> None:
        super().__init__(self.MESSAGE.format(path=path))
        self.path = str(path)

    def __reduce__(self) -> tuple[type, tuple[str]]:
        return type(self), (self.path,)


class OutputExistsError(_OutputPathError, FileExistsError):
    """The output file already exists and overwriting it was not allowed."""

    MESSAGE = "{path}: already exists (overwrite it with --force)"


class OutputIsInputError(_OutputPathError, ValueError):
    """The output file is one of the inputs: an article, or a file skipped in an input folder."""

    MESSAGE = "{path}: is one of the articles or of the files skipped beside them; choose another file"


def _entry(path: Path | str) -> tuple[str, str]:
    """The folder entry a path names: its folder's real path and its own name (a link is its own entry)."""
    path = Path(os.path.abspath(path))
    return os.path.realpath(path.parent), path.name


def is_input(path: Path | str, inputs: Iterable[Path | str]) -> bool:
    """Whether writing `path` would replace one of `inputs`: the same folder entry, or the same file by
    another name (a link to it)."""
    inputs = list(inputs)
    if _entry(path) in {_entry(p) for p in inputs}:
        return True
    try:
        target = os.stat(path)
    except OSError:
        return False  # nothing there yet to replace
    for other in inputs:
        try:
            found = os.stat(other)
        except OSError:
            continue
        if (found.st_dev, found.st_ino) == (target.st_dev, target.st_ino):
            return True
    return False


# The temporary file's name: short, so that an output name of the longest legal length (255 bytes) still
# leaves room for it; random, so that two writers in one folder never share one.
_TEMPORARY_NAME = ".newsdiff-{}.tmp"


def write_text_atomically(
    path: Path | str, text: str, *, force: bool = False, protected: Iterable[Path | str] = ()
) -> Path:
    """Write `text` as UTF-8 to `path` in one step: readers see the old file or the whole new one, never a part.

    Raises OutputExistsError when `path` exists and `force` is false, and OutputIsInputError when it is one of
    the `protected` inputs (force or not); the existing file is left untouched.
    """
    return write_bytes_atomically(path, text.encode("utf-8"), force=force, protected=protected)


def write_bytes_atomically(
    path: Path | str, data: bytes, *, force: bool = False, protected: Iterable[Path | str] = ()
) -> Path:
    """Write `data` to `path` in one step, as write_text_atomically does (a PDF, an icon)."""
    path = Path(path)
    if is_input(path, protected):
        raise OutputIsInputError(path)
    if not force and path.exists():
        raise OutputExistsError(path)
    # The temporary file sits in the same folder so that the final rename stays on one file system;
    # opened with "x" (not mkstemp) so that it gets the usual permissions of a new file.
    temporary = path.with_name(_TEMPORARY_NAME.format(secrets.token_hex(6)))
    try:
        with open(temporary, "xb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        if force:
            os.replace(temporary, path)
        else:
            _publish_without_overwriting(temporary, path)
    finally:
        temporary.unlink(missing_ok=True)
    return path


def _publish_without_overwriting(temporary: Path, path: Path) -> None:
    """Give `temporary` the name `path` unless a file of that name appeared meanwhile."""
    try:
        # A hard link is the atomic "rename unless the target exists" of POSIX.
        os.link(temporary, path)
    except FileExistsError:
        raise OutputExistsError(path) from None
    except OSError:
        # File systems without hard links (FAT on a USB stick): check again, then rename.
        if path.exists():
            raise OutputExistsError(path) from None
        os.replace(temporary, path)
