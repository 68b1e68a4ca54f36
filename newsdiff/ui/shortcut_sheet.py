"""The shortcut sheet (F1): every key of the shortcut table, grouped, with what it does."""

from __future__ import annotations

import html

from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QWidget

from newsdiff.ui.browser_window import BrowserWindow
from newsdiff.ui.shortcuts import GROUPS, SHORTCUTS

EXTRA = {  # keys handled by widgets rather than actions, listed so the sheet is complete
    "Articles": [("Up / Down", "Choose the copy shown against the base, in the list"), ("Enter", "Show the copy chosen in the list")],
    "Differences": [("Enter / Shift+Enter", "Next / previous match, in the find field"), ("Escape", "Close the find bar")],
}


def sheet_html() -> str:
    """The sheet as HTML (every piece escaped)."""
    parts = ["<style>td{padding:2px 12px 2px 0;vertical-align:top} kbd{font-weight:bold}</style>"]
    for group in GROUPS:
        parts.append(f"<h3>{html.escape(group)}</h3><table>")
        for shortcut in (s for s in SHORTCUTS if s.group == group):
            keys = " or ".join(
                html.escape(QKeySequence(key).toString(QKeySequence.SequenceFormat.NativeText)) for key in shortcut.keys
            )
            parts.append(f"<tr><td><kbd>{keys}</kbd></td><td>{html.escape(shortcut.description)}</td></tr>")
        for keys, description in EXTRA.get(group, []):
            parts.append(f"<tr><td><kbd>{html.escape(keys)}</kbd></td><td>{html.escape(description)}</td></tr>")
        parts.append("</table>")
    return "".join(parts)


class ShortcutSheet(BrowserWindow):
    """A non-modal window listing the shortcuts."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("shortcutSheet", "Keyboard Shortcuts — newsdiff", 560, 640, parent)
        self.browser.setHtml(sheet_html())
