"""Writing an export file atomically, never overwriting an existing file unless asked to."""

from __future__ import annotations

import os
import secrets
from pathlib import Path


class OutputExistsError(FileExistsError):
    """The output file already exists and overwriting it was not allowed."""

    def __init__(self, path: Path | str) -> None:
        super().__init__(f"{path}: already exists (overwrite it with --force)")
        self.path = str(path)

    def __reduce__(self) -> tuple[type, tuple[str]]:
        # Pickled by its path: pickle's default would call the class with the whole message as the path.
        return type(self), (self.path,)


def write_text_atomically(path: Path | str, text: str, *, force: bool = False) -> Path:
    """Write `text` as UTF-8 to `path` in one step: readers see the old file or the whole new one, never a part.

    Raises OutputExistsError when `path` exists and `force` is false; the existing file is left untouched.
    """
    return write_bytes_atomically(path, text.encode("utf-8"), force=force)


def write_bytes_atomically(path: Path | str, data: bytes, *, force: bool = False) -> Path:
    """Write `data` to `path` in one step, as write_text_atomically does (a PDF, an icon)."""
    path = Path(path)
    if not force and path.exists():
        raise OutputExistsError(path)
    # The temporary file sits in the same folder so that the final rename stays on one file system;
    # opened with "x" (not mkstemp) so that it gets the usual permissions of a new file.
    temporary = path.with_name(f".{path.name}.{secrets.token_hex(6)}.tmp")
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
