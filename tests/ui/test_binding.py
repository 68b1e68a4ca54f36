"""The Qt binding keeps Python's reference counts straight: PySide6 6.12.0 took a reference to None away on
every call of a Qt method returning nothing, and under Python 3.11 the viewer then aborted after a few
thousand calls (painting makes that many in seconds)."""

from __future__ import annotations

import sys

import pytest
from PySide6.QtGui import QTextCursor, QTextDocument


@pytest.mark.skipif(sys.version_info >= (3, 12), reason="None is immortal from Python 3.12 on")
def test_void_qt_calls_leave_none_alone(qapp) -> None:
    cursor = QTextCursor(QTextDocument())
    before = sys.getrefcount(None)
    for _ in range(500):
        cursor.insertText("x")
    assert sys.getrefcount(None) - before > -50
