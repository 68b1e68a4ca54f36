"""JSON documents for scripts (compare and overview), carrying any file name losslessly."""

from __future__ import annotations

import base64
import json
import os
import re
from typing import Any

_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def json_text(document: dict[str, Any]) -> str:
    """The document as JSON text (UTF-8 safe), ending with a newline.

    A file name with bytes that are not UTF-8 reaches Python as lone surrogates (surrogateescape); they are
    written as `\\udcXX` escapes, which Python's json module reads back into the same name, and path_fields
    adds the bytes themselves for parsers that refuse lone surrogates.
    """
    text = json.dumps(document, ensure_ascii=False, indent=1)
    return _LONE_SURROGATE.sub(lambda m: f"\\u{ord(m.group()):04x}", text) + "\n"


def path_fields(path: str) -> dict[str, str]:
    """`path`, and when the name is not valid Unicode, `path_base64`: the name's bytes exactly, in base64."""
    if not _LONE_SURROGATE.search(path):
        return {"path": path}
    return {"path": path, "path_base64": base64.b64encode(os.fsencode(path)).decode("ascii")}
