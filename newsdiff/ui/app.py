"""Starting the viewer: the application object, its names (for settings), and the window."""

from __future__ import annotations

import sys

from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from newsdiff import __version__
from newsdiff.core.places import resource
from newsdiff.ui.main_window import MainWindow

ORGANIZATION = "newsdiff"
APPLICATION = "newsdiff"
ICONS = resource("icons")


def application() -> QApplication:
    """The QApplication, created (and named, so that settings have a home) if there is none yet."""
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setOrganizationName(ORGANIZATION)
    app.setApplicationName(APPLICATION)
    app.setApplicationVersion(__version__)
    app.setDesktopFileName("newsdiff")
    app.setWindowIcon(window_icon())
    return app


def window_icon() -> QIcon:
    """The application icon, every rendered size of it (window managers pick the one they need)."""
    icon = QIcon()
    for png in sorted(ICONS.glob("newsdiff-*.png")):
        icon.addFile(str(png))
    return icon


def run_gui(paths: list[str]) -> int:
    """Open the viewer on `paths` (a folder, files to compare, or nothing) and run it until it is closed."""
    app = application()
    window = MainWindow()
    window.show()
    if paths:
        window.open_paths(paths)
    return app.exec()
