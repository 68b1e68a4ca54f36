"""Names for the controls Qt makes on its own inside other widgets (a table's corner button, the arrow that
shows a toolbar's hidden tools), which assistive technology would otherwise announce without a name."""

from __future__ import annotations

from PySide6.QtWidgets import QAbstractButton, QWidget

# Qt's object names of those controls, and what each does.
QT_PARTS = {
    "qt_tableview_cornerbutton": "Select all",
    "qt_menubar_ext_button": "More menus",
    "qt_toolbar_ext_button": "More tools",
}


def name_qt_parts(top: QWidget) -> None:
    """Give a name to each of Qt's own controls under `top` that has none."""
    for button in top.findChildren(QAbstractButton):
        name = QT_PARTS.get(button.objectName())
        if name is not None and not button.accessibleName():
            button.setAccessibleName(name)
