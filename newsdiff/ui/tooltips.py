"""Tooltips that show untrusted text (file names, titles, reasons) literally.

Qt renders a tooltip as rich text when it merely looks like markup (a file named `<b>x</b>.txt` would be
shown bold, an `<img>` in a title would be loaded), and a tooltip cannot be told to be plain: so it is made
rich text on purpose, every character escaped and line breaks kept.
"""

from __future__ import annotations

import html


def plain_tooltip(text: str) -> str:
    """A tooltip that shows `text` exactly as it is."""
    return f'<p style="white-space:pre-wrap">{html.escape(text)}</p>'
