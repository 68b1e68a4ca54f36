"""Untrusted text (file names, titles) made safe and unambiguous for a terminal.

File names are quoted the way GNU `ls` does (`--quoting-style=shell-escape`): as they are when harmless,
in single quotes when they hold spaces or shell characters, and as `$'...'` with escapes when they hold
control characters or bytes that are not UTF-8 (Python gives those as lone surrogates, U+DC80-U+DCFF).
The quoted form can be pasted back into a shell. Titles keep their text but lose control characters
(an escape sequence in a title must not drive the terminal).
"""

from __future__ import annotations

import unicodedata

_SHELL_SPECIAL = frozenset(" \t\n'\"\\$`!*?[]{}()<>|&;#~^")
_C_ESCAPES = {"\\": "\\\\", "'": "\\'", "\n": "\\n", "\t": "\\t", "\r": "\\r", "\x1b": "\\E"}


def _is_surrogate(char: str) -> bool:
    return "\ud800" <= char <= "\udfff"


def _escaped(char: str) -> str:
    if char in _C_ESCAPES:
        return _C_ESCAPES[char]
    code = ord(char)
    if 0xDC80 <= code <= 0xDCFF:
        return f"\\x{code - 0xDC00:02x}"  # a byte that is not UTF-8, as Python's surrogateescape keeps it
    if code < 0x100:
        return f"\\x{code:02x}"
    return f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}"


def quoted_name(name: str) -> str:
    """The file name as a shell would need it typed: bare, in single quotes, or as $'...' with escapes."""
    if any(not char.isprintable() or _is_surrogate(char) for char in name):
        inner = "".join(char if char.isprintable() and char not in "\\'" else _escaped(char) for char in name)
        return f"$'{inner}'"
    if name and not any(char in _SHELL_SPECIAL for char in name):
        return name
    return "'" + name.replace("'", "'\\''") + "'"


def shown_name(name: str) -> str:
    """The file name as it is when every character is printable, else in the `$'...'` form of quoted_name:
    for places where a name stands alone (a report, a summary line) and quoting its spaces would be noise."""
    if all(char.isprintable() and not _is_surrogate(char) for char in name):
        return name
    return quoted_name(name)


def printable(text: str) -> str:
    """The text with spaces of any width as plain spaces and every other character that is not printable
    (controls, bidi overrides, lone surrogates) escaped."""
    return "".join(
        char
        if char.isprintable() and not _is_surrogate(char)
        else " "
        if unicodedata.category(char) == "Zs"
        else _escaped(char)
        for char in text
    )


def _char_width(char: str) -> int:
    if unicodedata.combining(char):
        return 0
    return 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1


def display_width(text: str) -> int:
    """How many terminal columns the text takes: wide East Asian characters take two, combining marks none."""
    return sum(_char_width(char) for char in text)


def fit(text: str, width: int) -> str:
    """The text cut to at most `width` columns, with an ellipsis when cut."""
    if display_width(text) <= width:
        return text
    out, used = [], 0
    for char in text:
        step = _char_width(char)
        if used + step > width - 1:
            break
        out.append(char)
        used += step
    return "".join(out) + "…"


def pad(text: str, width: int) -> str:
    """The text followed by spaces up to `width` columns."""
    return text + " " * max(0, width - display_width(text))
