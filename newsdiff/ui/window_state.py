"""What the window shows, in one object that the widgets follow: the pair (the base on the left, the copy shown
on the right), the kinds hidden, the altered-only and site-furniture filters, and the zoom.

Each field has a signal, emitted once when the field changes and never when it is set to what it already is;
the pair's two articles change together, in one signal, so that a swap is one change.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QSettings, Signal

from newsdiff.core.model import KINDS, Kind

ZOOM_LIMIT = 8  # points either way


class WindowState(QObject):
    """The window's state; change it with the set_ methods, follow it through the signals."""

    roles_changed = Signal(object, object)  # base, other: article indices, None where none is chosen
    hidden_changed = Signal(object)  # frozenset[Kind]: the kinds not shown
    altered_only_changed = Signal(bool)
    hide_furniture_changed = Signal(bool)
    zoom_changed = Signal(int)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._base: int | None = None
        self._other: int | None = None
        self._hidden: frozenset[Kind] = frozenset()
        self._altered_only = False
        self._hide_furniture = False
        self._zoom = 0

    @property
    def base(self) -> int | None:
        """The article on the left, which the others are compared with."""
        return self._base

    @property
    def other(self) -> int | None:
        """The copy shown on the right."""
        return self._other

    @property
    def hidden(self) -> frozenset[Kind]:
        """The kinds of sentences not shown in colour (and passed over when navigating)."""
        return self._hidden

    @property
    def altered_only(self) -> bool:
        """Whether only altered links are shown (and stopped at)."""
        return self._altered_only

    @property
    def hide_furniture(self) -> bool:
        """Whether site furniture is hidden, in the pair and in the overview."""
        return self._hide_furniture

    @property
    def zoom(self) -> int:
        """Points added to the text's font size (negative: smaller)."""
        return self._zoom

    def set_roles(self, base: int | None, other: int | None) -> None:
        """Make `base` the article on the left and `other` the copy on the right."""
        if (base, other) != (self._base, self._other):
            self._base, self._other = base, other
            self.roles_changed.emit(base, other)

    def set_hidden(self, hidden: frozenset[Kind]) -> None:
        """Show the sentences of every kind but `hidden`."""
        if hidden != self._hidden:
            self._hidden = hidden
            self.hidden_changed.emit(hidden)

    def set_kind_shown(self, kind: Kind, shown: bool) -> None:
        """Show or hide the sentences of `kind`."""
        self.set_hidden(self._hidden - {kind} if shown else self._hidden | {kind})

    def set_altered_only(self, on: bool) -> None:
        """Show only altered links, or every link."""
        if on != self._altered_only:
            self._altered_only = on
            self.altered_only_changed.emit(on)

    def set_hide_furniture(self, hide: bool) -> None:
        """Hide site furniture, or show it."""
        if hide != self._hide_furniture:
            self._hide_furniture = hide
            self.hide_furniture_changed.emit(hide)

    def set_zoom(self, zoom: int) -> None:
        """Add `zoom` points to the font size, kept within ZOOM_LIMIT either way."""
        zoom = max(-ZOOM_LIMIT, min(ZOOM_LIMIT, zoom))
        if zoom != self._zoom:
            self._zoom = zoom
            self.zoom_changed.emit(zoom)

    def restore(self, settings: QSettings) -> None:
        """Take the filters and the zoom from `settings`, as save() left them."""
        hidden = settings.value("view/hidden", [])
        hidden = [hidden] if isinstance(hidden, str) else list(hidden or [])
        self.set_hidden(frozenset(kind for kind in KINDS if kind.value in hidden))
        self.set_altered_only(str(settings.value("view/altered_only", "false")).lower() == "true")
        self.set_hide_furniture(str(settings.value("view/hide_furniture", "false")).lower() == "true")
        self.set_zoom(int(settings.value("view/zoom", 0) or 0))

    def save(self, settings: QSettings) -> None:
        """Store the filters and the zoom in `settings` (the pair belongs to the folder, and is not kept)."""
        settings.setValue("view/hidden", sorted(kind.value for kind in self._hidden))
        settings.setValue("view/altered_only", self._altered_only)
        settings.setValue("view/hide_furniture", self._hide_furniture)
        settings.setValue("view/zoom", self._zoom)
