"""Asking before a file is replaced: every file the viewer writes (a report, a PDF, a pasted copy saved) is
written over an existing one only when the user says so."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QMessageBox, QWidget


def may_replace(parent: QWidget, path: Path, what: str) -> bool | None:
    """Whether writing may replace `path`: False if it is new, True if the user agrees; None if they refuse.
    `what` names the file in the question ("report", "file")."""
    if not path.exists():
        return False
    answer = QMessageBox.question(
        parent,
        f"Replace the {what}?",
        f"{path} already exists. Replace it?",
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No,
    )
    return True if answer == QMessageBox.StandardButton.Yes else None
