"""The user guide (Help > User Guide): docs/guide.md, shipped inside the package, shown in a window of its own."""

from __future__ import annotations

from PySide6.QtCore import QUrl
from PySide6.QtGui import QTextCursor, QTextDocument
from PySide6.QtWidgets import QWidget

from newsdiff.core.places import resource
from newsdiff.ui.browser_window import BrowserWindow

PICTURE_WIDTH = 760  # the guide's pictures are full-window screenshots: shown at the window's width, not wider

# resources/guide links to the repository's docs/ folder, so the guide in the README and in Help is one file.
GUIDE = resource("guide", "guide.md")


class GuideWindow(BrowserWindow):
    """A non-modal window showing the user guide with its pictures; web links open in the browser."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("guideWindow", "User Guide — newsdiff", 820, 760, parent)
        self.browser.setOpenExternalLinks(True)
        self.browser.setSource(QUrl.fromLocalFile(str(GUIDE)), QTextDocument.ResourceType.MarkdownResource)
        self._fit_pictures()

    def _fit_pictures(self) -> None:
        """Scale every picture wider than PICTURE_WIDTH down to it, keeping its proportions."""
        document = self.browser.document()
        block = document.begin()
        while block.isValid():
            for fragment in (it.fragment() for it in block):
                image = fragment.charFormat().toImageFormat()
                if not image.isValid():
                    continue
                picture = document.resource(QTextDocument.ResourceType.ImageResource, QUrl(image.name()))
                if picture is None or picture.width() <= PICTURE_WIDTH:
                    continue
                image.setWidth(PICTURE_WIDTH)
                image.setHeight(picture.height() * PICTURE_WIDTH / picture.width())
                cursor = QTextCursor(document)
                cursor.setPosition(fragment.position())
                cursor.setPosition(fragment.position() + fragment.length(), QTextCursor.MoveMode.KeepAnchor)
                cursor.setCharFormat(image)
            block = block.next()
