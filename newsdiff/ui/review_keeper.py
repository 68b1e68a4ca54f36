"""The editor's review in the window: checking differences (Space), notes (N, Ctrl+Shift+N), copies marked
reviewed (Ctrl+R), the next unchecked difference, each copy's progress in the article list, and the session
(the base, the copy shown and the kinds hidden come back when the folder is opened again).

The review itself is the open folder's `Review` (core.output.review), read with the folder, saved on each
change; this module only shows it and changes it.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt

from newsdiff.core.model import KINDS, Comparison, Difference, Side
from newsdiff.core.output.review import CopyReview, FileRecord, Mark, Review, difference_ids
from newsdiff.ui.review_note import NoteEditor
from newsdiff.ui.session import Compared, Session
from newsdiff.ui.shortcuts import TEXT_KEYS, key_text

if TYPE_CHECKING:
    from newsdiff.ui.main_window import MainWindow

QUOTE_LIMIT = 160  # characters of a sentence quoted in the note editor


def progress_text(marks: list[Mark], copy: CopyReview) -> tuple[str, str, float]:
    """A copy's review as the list shows it: the words, the tooltip, and the order it sorts in."""
    checked = sum(1 for mark in marks if mark.checked and not mark.stale)
    stale = sum(1 for mark in marks if mark.stale and (mark.checked or mark.note))
    notes = sum(1 for mark in marks if mark.note)
    words = f"{checked} of {len(marks)}"  # under the heading "Checked"
    tips = [f"{checked} of the {len(marks)} differences with the base are checked."]
    if stale:
        words += f", {stale} stale"
        tips.append(f"{stale} were checked or noted before a copy changed on disk (stale).")
    if notes:
        tips.append(f"{notes} difference{'s have' if notes != 1 else ' has'} a note.")
    if copy.reviewed:
        words = ("\u2713? " if copy.stale else "\u2713 ") + words
        tips.insert(0, "Marked reviewed" + (" before the copy changed on disk." if copy.stale else "."))
    if copy.note:
        words = "\u270e " + words
        tips.append(f"Note on the copy: {copy.note}")
    order = (checked / len(marks) if marks else 1.0) + (1.0 if copy.reviewed else 0.0)
    return words, "\n".join(tips), order


class ReviewKeeper(QObject):
    """Shows and changes the review of the open folder in `window`."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self._files: tuple[FileRecord, FileRecord] | None = None  # the pair shown, as the review names it
        self._ids: list[str] = []  # of the differences shown
        self.marks: list[Mark] = []  # of the differences shown, in their order
        # the review of each copy against a base, by (base, copy), as the list shows it for the base
        self._rows: dict[tuple[int, int], list[Mark]] = {}
        actions = window.actions_by_name
        for name, handler in (
            ("toggle_checked", self.toggle_checked),
            ("note_difference", self.note_difference),
            ("next_unchecked", lambda: self._step(True)),
            ("previous_unchecked", lambda: self._step(False)),
            ("copy_reviewed", self.toggle_copy_reviewed),
            ("note_copy", self.note_copy),
        ):
            actions[name].triggered.connect(lambda _checked=False, handler=handler: handler())
        for name in TEXT_KEYS:
            action = actions[name]
            action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
            window.view.addAction(action)
            window.article_list.addAction(action)
        window.comparisons.shown.connect(self._shown)
        window.comparisons.base_compared.connect(self._base_compared)
        window.state.roles_changed.connect(lambda _base, _other: self._save_session())
        window.state.hidden_changed.connect(lambda _hidden: self._save_session())

    @property
    def review(self) -> Review | None:
        """The review of the open folder (None before one is open)."""
        session = self.window.session
        return session.review if session is not None else None

    # ----- the session

    def restore(self, session: Session, base: int | None, other: int | None) -> tuple[int | None, int | None]:
        """The base and copy to show on opening `session`: those of the last visit when their files are still
        there, else `base` and `other`; the kinds hidden then are hidden again."""
        if session.review.problem:
            self.window.problems.add_problem(session.review.problem)
        stored = session.review.session
        names = {session.review.file(article).name: index for index, article in enumerate(session.articles)}
        kept_base, kept_other = names.get(stored.base or ""), names.get(stored.copy_shown or "")
        self._rows = {}
        if stored.base is not None:  # (no base yet: this is not saved as a change)
            self.window.state.set_hidden(frozenset(kind for kind in KINDS if kind.value in stored.hidden))
        if kept_base is None:
            return base, other
        if kept_other is None or kept_other == kept_base:
            kept_other = other if other != kept_base else base
        return kept_base, kept_other

    def _save_session(self) -> None:
        window, review = self.window, self.review
        state = window.state
        if review is None or state.base is None or window.session is None:
            return
        articles = window.session.articles
        base = review.file(articles[state.base]).name
        other = review.file(articles[state.other]).name if state.other is not None else None
        review.set_session(base, other, [kind.value for kind in state.hidden])
        self._save()

    def _save(self) -> None:
        review = self.review
        if review is None:
            return
        try:
            review.save()
        except OSError as error:
            message = f"The review could not be saved to {review.path}: {error.strerror or error}"
            self.window.problems.add_problem(message)
            self.window.statusBar().showMessage(message, 10000)

    # ----- the pair shown

    def _articles(self, comparison: Comparison) -> tuple[FileRecord, FileRecord] | None:
        session, review = self.window.session, self.review
        if session is None or review is None:
            return None
        indices = [session.index_of(comparison.document(side).path) for side in Side]
        if None in indices:
            return None
        return review.file(session.articles[indices[0]]), review.file(session.articles[indices[1]])

    def _marks_of(
        self, comparison: Comparison, differences: list[Difference], files: tuple[FileRecord, FileRecord]
    ) -> tuple[list[str], list[Mark]]:
        review = self.review
        ids = difference_ids(comparison, differences, flipped=review.flipped(*files))
        return ids, review.marks(*files, ids)

    def _shown(self, compared: Compared) -> None:
        """The window shows `compared`: show its review (the window has taken it in already)."""
        files = self._articles(compared.comparison)
        self._files = files
        if files is None:
            self._ids, self.marks = [], []
            return
        self._ids, self.marks = self._marks_of(compared.comparison, compared.differences, files)
        self._show_marks()
        self._show_progress()

    def _base_compared(self, row: int, compared: Compared) -> None:
        files = self._articles(compared.comparison)
        if files is not None:
            _ids, marks = self._marks_of(compared.comparison, compared.differences, files)
            self._set_row(row, marks, files[1])

    def _set_row(self, row: int, marks: list[Mark], copy: FileRecord) -> None:
        self._rows[(self.window.state.base, row)] = marks
        self.window.article_list.model_.set_review(row, *progress_text(marks, self.review.copy_review(copy)))

    def _show_progress(self) -> None:
        """The list's progress of the copy shown, when the pair shown is the base against it."""
        window, files = self.window, self._files
        comparison, state = window.comparison, window.state
        if files is None or comparison is None or state.other is None or window.session is None:
            return
        if window.session.index_of(comparison.left.path) == state.base:
            self._set_row(state.other, self.marks, files[1])

    def _show_marks(self) -> None:
        window = self.window
        window.view.set_review([(window._keys(d), mark) for d, mark in zip(window.differences, self.marks)])

    def words(self, index: int) -> str:
        """What the position label adds for difference `index`: checked, noted, stale."""
        if index >= len(self.marks):
            return ""
        mark = self.marks[index]
        parts = (["checked"] if mark.checked else []) + (["note"] if mark.note else [])
        return "".join(f", {part}" for part in parts) + (" (stale)" if parts and mark.stale else "")

    # ----- changing it

    def _current(self) -> int | None:
        window = self.window
        index = window.current_index
        if index is None or self._files is None or index >= len(self._ids):
            key = key_text("next_difference")
            window.statusBar().showMessage(f"Go to a difference first ({key})", 5000)
            return None
        return index

    def _changed(self) -> None:
        """The review of the pair shown changed: keep it and show it."""
        self.marks = self.review.marks(*self._files, self._ids)
        self._save()
        self._show_marks()
        self._show_progress()
        self.window._update_position()

    def toggle_checked(self) -> None:
        """Check the current difference, or uncheck it (a stale check is made current)."""
        index = self._current()
        if index is None:
            return
        mark = self.marks[index]
        checked = not (mark.checked and not mark.stale)
        self.review.set_mark(*self._files, self._ids[index], checked=checked, note=mark.note)
        self._changed()
        done = "Checked" if checked else "Unchecked"
        left = len(self._unchecked())
        self.window.statusBar().showMessage(
            f"{done}; {left} left unchecked ({key_text('next_unchecked')}: the next)", 4000
        )

    def note_difference(self) -> None:
        """Write, change or remove the note of the current difference."""
        index = self._current()
        if index is None:
            return
        window = self.window
        quote = window.view.text_of(window._keys(window.differences[index]))
        quote = " ".join(quote.split())
        quote = quote if len(quote) <= QUOTE_LIMIT else quote[: QUOTE_LIMIT - 1] + "\u2026"
        note = self._ask(f"Note on this difference:\n\u201c{quote}\u201d", self.marks[index].note)
        if note is not None:
            mark = self.marks[index]
            self.review.set_mark(*self._files, self._ids[index], checked=mark.checked and not mark.stale, note=note)
            self._changed()
            self.window.statusBar().showMessage("Note saved" if note.strip() else "Note removed", 4000)

    def _copy(self) -> tuple[int, FileRecord] | None:
        window = self.window
        other, session, review = window.state.other, window.session, self.review
        if other is None or session is None or review is None:
            window.statusBar().showMessage("Choose a copy first", 5000)
            return None
        return other, review.file(session.articles[other])

    def toggle_copy_reviewed(self) -> None:
        """Mark the copy shown reviewed, or not."""
        found = self._copy()
        if found is None:
            return
        row, file = found
        copy = self.review.copy_review(file)
        reviewed = not (copy.reviewed and not copy.stale)
        self.review.set_copy(file, reviewed=reviewed, note=copy.note)
        self._copy_changed(row, file, f"{Path(file.name).name} marked " + ("reviewed" if reviewed else "not reviewed"))

    def note_copy(self) -> None:
        """Write, change or remove the note on the copy shown."""
        found = self._copy()
        if found is None:
            return
        row, file = found
        copy = self.review.copy_review(file)
        note = self._ask(f"Note on the copy {file.name}:", copy.note)
        if note is not None:
            self.review.set_copy(file, reviewed=copy.reviewed and not copy.stale, note=note)
            self._copy_changed(row, file, "Note saved" if note.strip() else "Note removed")

    def _copy_changed(self, row: int, file: FileRecord, message: str) -> None:
        self._save()
        marks = self._rows.get((self.window.state.base, row))
        if marks is not None:
            self._set_row(row, marks, file)
        self.window.statusBar().showMessage(message, 4000)

    def _ask(self, subject: str, note: str) -> str | None:
        editor = NoteEditor(subject, note, self.window)
        accepted = editor.exec()
        return editor.note() if accepted else None

    def _unchecked(self) -> set[int]:
        """The ids (id()) of the differences shown that are not checked (or checked before a change: stale)."""
        differences = self.window.differences
        return {id(differences[i]) for i, mark in enumerate(self.marks) if not mark.checked or mark.stale}

    def _step(self, forward: bool) -> None:
        unchecked = self._unchecked()
        self.window._navigate(lambda difference: id(difference) in unchecked, forward)
