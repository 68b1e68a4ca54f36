"""The main window: the article list, the pair side by side, the legend, the overview, menus and keys.

The window holds the open folder (a Session), a WindowState (which article is the base, on the left, and
which copy is shown on the right; the filters and the zoom), which the widgets follow, and a ComparisonQueue,
which compares pairs on a worker thread and keeps them; the window shows the pair wanted when its comparison
arrives.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Callable
from functools import partial
from pathlib import Path

import numpy as np
from PySide6.QtCore import QByteArray, QEvent, QMimeData, QSettings, Qt
from PySide6.QtGui import QAction, QCloseEvent, QDragEnterEvent, QDropEvent, QFont, QShowEvent
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QProgressBar,
    QSplitter,
    QStackedWidget,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from newsdiff import __version__
from newsdiff.core.folder.analysis import FolderAnalysis, analyse_articles, outline, with_base
from newsdiff.core.folder.boilerplate import sentences_within
from newsdiff.core.model import KINDS, Comparison, Difference, Kind, Side, Span
from newsdiff.core.output.safe_write import is_input
from newsdiff.core.places import default_cache_dir, resource
from newsdiff.core.read.articles import Article, ArticleError, find_articles, load_article, load_folder
from newsdiff.core.run.progress import AnalysisCancelled
from newsdiff.core.wording import difference_marks
from newsdiff.ui import navigation
from newsdiff.ui.accessible_names import name_qt_parts
from newsdiff.ui.aligned_view import AlignedView
from newsdiff.ui.article_list import ArticleList
from newsdiff.ui.cells import Styling
from newsdiff.ui.comparison_queue import ComparisonQueue, compare_pair
from newsdiff.ui.elided_label import ElidedLabel
from newsdiff.ui.file_watch import FileWatch, Reloaded
from newsdiff.ui.find_bar import FindBar, find_matches
from newsdiff.ui.folder_overview import FolderOverview
from newsdiff.ui.guide_window import GuideWindow
from newsdiff.ui.legend import LegendBar, toolbar_icons
from newsdiff.ui.overview import OverviewStrip
from newsdiff.ui.overwrite import may_replace
from newsdiff.ui.pair_header import PairHeader
from newsdiff.ui.pasted import (
    Clipping,
    is_pasted,
    offers_text,
    pasted_article,
    pasted_name,
    save_pasted_dialog,
    saved_article,
)
from newsdiff.ui.pdf_export import write_report
from newsdiff.ui.problems import ProblemsPanel
from newsdiff.ui.review_keeper import ReviewKeeper
from newsdiff.ui.session import Compared, Session, with_articles
from newsdiff.ui.shortcut_sheet import ShortcutSheet
from newsdiff.ui.shortcuts import BY_NAME, key_sequences, key_text, tooltip
from newsdiff.ui.theme import theme_for
from newsdiff.ui.welcome import WelcomePage
from newsdiff.ui.window_state import WindowState
from newsdiff.ui.workers import PRIORITY_SHOWN, Runner, Task, analyse_in_process, warm_up

SAMPLE_FOLDER = resource("sample")
RECENT_LIMIT = 8
LIST_SHARE = 0.37  # of the window's width, for the article list, until the user moves the splitter
ANALYSIS_FIRST_FROM = 100  # copies: from this many, the folder analysis runs before the base's comparisons
HTML_TYPE, PDF_TYPE = "HTML report (*.html)", "PDF (*.pdf)"
COMPARISON_FAILED = "The comparison failed; see the problems panel."

NAVIGATION: dict[str, tuple[navigation.Wanted, bool]] = {
    "next_difference": (navigation.any_difference, True),
    "previous_difference": (navigation.any_difference, False),
    "next_paraphrase": (navigation.of_kind(Kind.PARAPHRASE), True),
    "previous_paraphrase": (navigation.of_kind(Kind.PARAPHRASE), False),
    "next_unique": (navigation.of_kind(Kind.UNIQUE), True),
    "previous_unique": (navigation.of_kind(Kind.UNIQUE), False),
    "next_typo": (navigation.of_kind(Kind.TYPO), True),
    "previous_typo": (navigation.of_kind(Kind.TYPO), False),
    "next_altered": (navigation.altered, True),
    "previous_altered": (navigation.altered, False),
    "next_moved": (navigation.moved, True),
    "previous_moved": (navigation.moved, False),
}
MENUS: dict[str, tuple[str, ...]] = {
    "&File": (
        "open_folder", "open_files", "@recent", "open_last", "-", "export_pair", "export_folder", "export_pdf", "-",
        "save_pasted", "-", "quit",
    ),
    "&Edit": ("paste_copy", "copy"),
    "&Go": (
        "next_difference", "previous_difference", "first_difference", "last_difference", "-",
        "next_paraphrase", "previous_paraphrase", "next_unique", "previous_unique", "next_typo", "previous_typo",
        "next_altered", "previous_altered", "next_moved", "previous_moved", "-",
        "next_article", "previous_article", "-", "find", "find_next", "find_previous",
    ),
    "&Review": (
        "toggle_checked", "note_difference", "-", "next_unchecked", "previous_unchecked", "-",
        "copy_reviewed", "note_copy",
    ),
    "&Articles": ("set_base", "swap_sides", "-", "focus_list", "focus_view"),
    "&View": (
        "toggle_shared", "toggle_typo", "toggle_paraphrase", "toggle_unique", "altered_only", "-",
        "folder_overview", "hide_furniture", "-",
        "zoom_in", "zoom_out", "zoom_reset",
    ),
    "&Help": ("user_guide", "shortcut_sheet", "open_sample", "-", "about"),
}  # fmt: skip
TOOLBAR = ("open_folder", "open_files", "-", "previous_difference", "next_difference", "-", "swap_sides", "export_pair")
UNBOUND_ACTIONS = {  # actions without a key: name -> menu text
    "user_guide": "&User Guide",
    "open_sample": "Open &Sample Folder",
    "open_last": "Reopen &Last Folder",
    "about": "&About newsdiff",
}


def _read_folder(folder: str, progress: Callable[[int, int], None]) -> Session:
    """The articles of `folder` and the copy the others derive from most (the suggested base), for a worker
    thread; progress is the number of files found, then done."""
    total = len(find_articles(folder))
    progress(0, total)
    articles, errors = load_folder(folder)
    found = outline(articles, cache_dir=default_cache_dir())
    progress(total, total)
    if found is None:
        return Session(articles, errors, folder=folder)
    return Session(articles, errors, folder, found.suggested_base, found.closest, found.furniture)


def _read_files(paths: list[str], progress: Callable[[int, int], None]) -> Session:
    """The articles of `paths`, for a worker thread: files that fail are listed as errors."""
    articles: list[Article] = []
    errors: list[ArticleError] = []
    for done, path in enumerate(paths):
        progress(done, len(paths))
        try:
            articles.append(load_article(path))
        except ArticleError as error:
            errors.append(error)
    progress(len(paths), len(paths))
    return Session(articles, errors)


class MainWindow(QMainWindow):
    """The newsdiff viewer."""

    def __init__(self, settings: QSettings | None = None) -> None:
        super().__init__()
        self.setObjectName("mainWindow")
        self.setWindowTitle("newsdiff")
        self.setAcceptDrops(True)
        self.settings = settings if settings is not None else QSettings()
        self.state = WindowState(self)
        self.comparisons = ComparisonQueue(self._analysis_holds_background, self)
        self.loader = Runner(self)
        self.analyser = Runner(self)
        self.analysis: FolderAnalysis | None = None
        self.file_watch = FileWatch(self)
        self.file_watch.reloaded.connect(self._files_changed)
        self._analysis_task: Task | None = None
        self._analysis_stop = threading.Event()
        self.session: Session | None = None
        self.comparison: Comparison | None = None
        self.differences: list[Difference] = []
        self.current_index: int | None = None
        self.position: float | None = None
        self._matches: list[tuple[Side, int, int]] = []
        self._match_index: int | None = None
        self._sheet: ShortcutSheet | None = None
        self._guide: GuideWindow | None = None
        self.actions_by_name: dict[str, QAction] = {}
        self._make_actions()
        self._make_widgets()
        self._make_menus()
        name_qt_parts(self)
        self.review = ReviewKeeper(self)
        self._follow_state()
        self._restore_settings()
        self._restyle()

    # ----- building

    def _make_actions(self) -> None:
        handlers: dict[str, Callable[[], None]] = {
            "open_folder": self.open_folder_dialog,
            "open_files": self.open_files_dialog,
            "open_sample": lambda: self.open_folder(str(SAMPLE_FOLDER)),
            "open_last": self._open_last,
            "export_pair": self.export_pair,
            "export_folder": self.export_folder,
            "export_pdf": lambda: self.export_pair(pdf=True),
            "paste_copy": lambda: self.paste_copy(QApplication.clipboard().mimeData()),
            "save_pasted": self.save_pasted,
            "quit": self.close,
            "first_difference": lambda: self._go(navigation.edge(self.differences, False, self._shown)),
            "last_difference": lambda: self._go(navigation.edge(self.differences, True, self._shown)),
            "find": self._open_find,
            "find_next": lambda: self._step_match(True),
            "find_previous": lambda: self._step_match(False),
            "copy": self._copy_current,
            "next_article": lambda: self._next_article(1),
            "previous_article": lambda: self._next_article(-1),
            "set_base": self._set_base_from_list,
            "swap_sides": self.swap_sides,
            "focus_list": lambda: self.article_list.setFocus(Qt.FocusReason.ShortcutFocusReason),
            "focus_view": lambda: self.view.setFocus(Qt.FocusReason.ShortcutFocusReason),
            "zoom_in": lambda: self.state.set_zoom(self.state.zoom + 1),
            "zoom_out": lambda: self.state.set_zoom(self.state.zoom - 1),
            "zoom_reset": lambda: self.state.set_zoom(0),
            "shortcut_sheet": self.show_shortcut_sheet,
            "folder_overview": self.toggle_overview,
            "user_guide": self.show_guide,
            "about": self._about,
        }
        for name, (wanted, forward) in NAVIGATION.items():
            handlers[name] = lambda wanted=wanted, forward=forward: self._navigate(wanted, forward)
        for name, shortcut in BY_NAME.items():
            action = QAction(shortcut.label, self)
            action.setObjectName(name)
            action.setShortcuts(key_sequences(name))
            action.setStatusTip(shortcut.description)
            action.setToolTip(tooltip(name))
            self.actions_by_name[name] = action
            self.addAction(action)
        for name, text in UNBOUND_ACTIONS.items():
            action = QAction(text, self)
            action.setObjectName(name)
            self.actions_by_name[name] = action
        state = self.state
        for kind in KINDS:
            action = self.actions_by_name[f"toggle_{kind.value}"]
            action.setCheckable(True)
            action.setChecked(True)
            action.toggled.connect(lambda on, kind=kind: state.set_kind_shown(kind, on))
            state.hidden_changed.connect(lambda hidden, action=action, kind=kind: action.setChecked(kind not in hidden))
        for name, changed, change in (
            ("altered_only", state.altered_only_changed, state.set_altered_only),
            ("hide_furniture", state.hide_furniture_changed, state.set_hide_furniture),
        ):
            action = self.actions_by_name[name]
            action.setCheckable(True)
            action.toggled.connect(change)
            changed.connect(action.setChecked)
        for name, handler in handlers.items():
            # triggered() passes `checked`; the handlers take no argument
            self.actions_by_name[name].triggered.connect(lambda _checked=False, handler=handler: handler())

    def _make_widgets(self) -> None:
        actions = self.actions_by_name
        self.article_list = ArticleList(self)
        self.article_list.row_chosen.connect(self.choose_copy)
        self.article_list.base_chosen.connect(self.set_base)
        self.problems = ProblemsPanel(self)
        left = QSplitter(Qt.Orientation.Vertical, self)
        left.setObjectName("listSplitter")
        left.addWidget(self.article_list)
        left.addWidget(self.problems)
        left.setStretchFactor(0, 3)
        left.setStretchFactor(1, 1)

        self.header = PairHeader(actions["swap_sides"], self)
        self.legend = LegendBar(self.state, self)
        self.view = AlignedView(self)
        self.view.sentence_clicked.connect(self._sentence_clicked)
        self.overview = OverviewStrip(self.view, self)
        self.find_bar = FindBar(self)
        self.find_bar.hide()
        self.find_bar.search_changed.connect(self._search)
        self.find_bar.step.connect(self._step_match)
        self.find_bar.closed.connect(self._find_closed)
        text_row = QHBoxLayout()
        text_row.setContentsMargins(0, 0, 0, 0)
        text_row.setSpacing(2)
        text_row.addWidget(self.view, 1)
        text_row.addWidget(self.overview)
        right = QWidget(self)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.setSpacing(2)
        right_layout.addWidget(self.header)
        right_layout.addLayout(text_row, 1)
        right_layout.addWidget(self.find_bar)

        self.folder_overview = FolderOverview(self.state, self)
        self.folder_overview.pair_chosen.connect(self.show_pair_of)
        self.folder_overview.base_chosen.connect(lambda _cluster, article: self.set_base(article))
        self.folder_overview.analyse_requested.connect(self.analyse_folder)
        self.folder_overview.coverage_wanted.connect(self._cover_story)
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("pairOrOverview")
        self.tabs.setAccessibleName("Side by side or folder overview")
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(right, "Side by Side")
        self.tabs.addTab(self.folder_overview, "Folder Overview")

        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("mainSplitter")
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.tabs)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 1)

        self.welcome = WelcomePage(actions, self)
        self.pages = QStackedWidget(self)
        self.pages.addWidget(self.welcome)
        self.pages.addWidget(self.splitter)
        self.setCentralWidget(self.pages)

        status = self.statusBar()
        # The counts give way to the position, whose marks say what the current difference is.
        self.counts_label = ElidedLabel(self)
        self.counts_label.setObjectName("countsLabel")
        self.position_label = QLabel(self)
        self.position_label.setObjectName("positionLabel")
        self.position_label.setTextFormat(Qt.TextFormat.PlainText)
        self.progress = QProgressBar(self)
        self.progress.setObjectName("progress")
        self.progress.setAccessibleName("Progress")
        self.progress.setMaximumWidth(180)
        self.progress.setMinimumWidth(140)
        self.progress.setTextVisible(True)
        self.progress.hide()
        self.analysis_progress = QProgressBar(self)
        self.analysis_progress.setObjectName("analysisProgress")
        self.analysis_progress.setAccessibleName("Folder analysis progress")
        self.analysis_progress.setMaximumWidth(180)
        self.analysis_progress.setMinimumWidth(140)
        self.analysis_progress.setFormat("Overview %p%")
        self.analysis_progress.setToolTip("Analysing the folder: stories, bases, coverage")
        self.analysis_cancel = QToolButton(self)
        self.analysis_cancel.setObjectName("analysisCancel")
        self.analysis_cancel.setText("Cancel")
        self.analysis_cancel.setToolTip("Stop analysing the folder (the side-by-side view is not affected)")
        self.analysis_cancel.clicked.connect(self.cancel_analysis)
        self.analysis_progress.hide()
        self.analysis_cancel.hide()
        status.addWidget(self.counts_label, 1)
        status.addPermanentWidget(self.position_label)
        status.addPermanentWidget(self.progress)
        status.addPermanentWidget(self.analysis_progress)
        status.addPermanentWidget(self.analysis_cancel)

        comparisons = self.comparisons
        comparisons.shown.connect(self._display)
        comparisons.shown_failed.connect(lambda: self._display(None, COMPARISON_FAILED))
        comparisons.base_compared.connect(
            lambda row, compared: self.article_list.model_.set_similarity(row, self.session.carries(compared.comparison))
        )
        comparisons.problem.connect(self.problems.add_problem)
        comparisons.progress.connect(self._background_progress)

    def _make_menus(self) -> None:
        self.recent_menu = QMenu("Open &Recent", self)
        self.recent_menu.setObjectName("recentMenu")
        self.recent_menu.aboutToShow.connect(self._fill_recent)
        for title, names in MENUS.items():
            menu = self.menuBar().addMenu(title)
            for name in names:
                if name == "-":
                    menu.addSeparator()
                elif name == "@recent":
                    menu.addMenu(self.recent_menu)
                else:
                    menu.addAction(self.actions_by_name[name])
        toolbar = self.addToolBar("Main")
        toolbar.setObjectName("mainToolbar")
        toolbar.setMovable(False)
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)
        for name in TOOLBAR:
            if name == "-":
                toolbar.addSeparator()
            else:
                toolbar.addAction(self.actions_by_name[name])
        toolbar.addSeparator()
        toolbar.addWidget(self.legend)

    def _follow_state(self) -> None:
        """Follow the window state: the list marks the pair chosen and it is shown; the text is restyled when a
        filter or the zoom changes, and the position counts what the filters show. (The actions are tied to the
        state where they are made; the legend and the overview tie themselves.)"""
        state = self.state
        # the list first: it forgets the old base's similarities before the new base's comparisons give theirs
        state.roles_changed.connect(self.article_list.set_roles)
        state.roles_changed.connect(self._roles_changed)
        for changed in (state.hidden_changed, state.altered_only_changed, state.hide_furniture_changed):
            changed.connect(self._filters_changed)
        state.zoom_changed.connect(self._restyle)

    # ----- settings

    def _restore_settings(self) -> None:
        settings = self.settings
        geometry = settings.value("window/geometry")
        if isinstance(geometry, QByteArray) and not geometry.isEmpty():
            self.restoreGeometry(geometry)
        else:
            screen = QApplication.primaryScreen()
            if screen is not None:
                self.setGeometry(screen.availableGeometry())
        splitter = settings.value("window/splitter")
        if isinstance(splitter, QByteArray) and not splitter.isEmpty():
            self.splitter.restoreState(splitter)
        self._splitter_restored = isinstance(splitter, QByteArray) and not splitter.isEmpty()
        state = self.state
        state.restore(settings)
        # from now on each change of the filters or the zoom is stored as it is made
        view = (state.hidden_changed, state.altered_only_changed, state.hide_furniture_changed, state.zoom_changed)
        for changed in view:
            changed.connect(lambda _value: state.save(self.settings))
        self._update_open_last()

    def save_settings(self) -> None:
        """Store the window's geometry, splitter and view toggles."""
        self.settings.setValue("window/geometry", self.saveGeometry())
        self.settings.setValue("window/splitter", self.splitter.saveState())
        self.state.save(self.settings)
        self.settings.sync()

    def recent_folders(self) -> list[str]:
        """The folders opened lately, newest first."""
        value = self.settings.value("folders/recent", [])
        return [value] if isinstance(value, str) else [str(v) for v in (value or [])]

    def _remember_folder(self, folder: str) -> None:
        recent = [folder] + [f for f in self.recent_folders() if f != folder]
        self.settings.setValue("folders/recent", recent[:RECENT_LIMIT])
        self.settings.setValue("folders/last", folder)
        self._update_open_last()

    def _update_open_last(self) -> None:
        last = str(self.settings.value("folders/last", "") or "")
        action = self.actions_by_name["open_last"]
        action.setVisible(bool(last))
        name = Path(last).name.replace("&", "&&")  # a lone & would make a mnemonic
        action.setText(f"Reopen &Last Folder ({name})" if last else "Reopen &Last Folder")

    def _open_last(self) -> None:
        last = str(self.settings.value("folders/last", "") or "")
        if last:
            self.open_folder(last)

    def _fill_recent(self) -> None:
        self.recent_menu.clear()
        folders = self.recent_folders()
        for folder in folders:
            self.recent_menu.addAction(folder.replace("&", "&&"), lambda folder=folder: self.open_folder(folder))
        if not folders:
            self.recent_menu.addAction("(none yet)").setEnabled(False)

    def _start_folder(self) -> str:
        return str(self.settings.value("folders/last", "") or Path.home())

    # ----- opening

    def open_folder_dialog(self) -> None:
        """Ask for a folder and open it."""
        folder = QFileDialog.getExistingDirectory(self, "Open Folder of Copies", self._start_folder())
        if folder:
            self.open_folder(folder)

    def open_files_dialog(self) -> None:
        """Ask for files and open them (two open side by side)."""
        paths, _ = QFileDialog.getOpenFileNames(
            self,
            "Open Files",
            self._start_folder(),
            "Articles (*.txt *.md *.html *.htm *.docx);;All files (*)",
        )
        if paths:
            self.open_files(paths)

    def open_paths(self, paths: list[str]) -> None:
        """Open what the command line or a drop gives: a folder as the article list, files side by side."""
        folders = [p for p in paths if Path(p).is_dir()]
        if folders:
            self.open_folder(folders[0])
            if len(paths) > 1:
                self.statusBar().showMessage(f"Opened the folder {folders[0]}; the other paths were left out", 8000)
        elif paths:
            self.open_files(paths)

    def open_folder(self, folder: str) -> None:
        """Read `folder` on a worker thread and list its articles."""
        self._start_loading(f"Reading {folder}…", lambda progress: _read_folder(folder, progress))

    def open_files(self, paths: list[str]) -> None:
        """Read `paths` on a worker thread and list them; the first two are shown side by side."""
        self._start_loading("Reading files…", lambda progress: _read_files(list(paths), progress))

    def _start_loading(self, message: str, work: Callable[[Callable[[int, int], None]], Session]) -> None:
        warm_up()  # the comparison process loads its models while the files are read
        # What lives now (modules, the window) lives for good: kept out of the collector's walks, which
        # otherwise grow into pauses of the whole window while a large folder is read (measured: one of
        # 573 ms at the start of reading 1,000 articles; none over 50 ms with this).
        gc.freeze()
        self.statusBar().showMessage(message)
        self._show_progress(0, 0)
        self.loader.start(work, self._loaded, self._load_failed, progress=self._show_progress, priority=PRIORITY_SHOWN)

    def _load_failed(self, error: Exception) -> None:
        self.progress.hide()
        text = str(error)
        self.statusBar().showMessage(f"Could not open: {text}", 10000)
        self.problems.add_problem(text)
        if self.session is None:
            self.pages.setCurrentWidget(self.splitter)

    def _loaded(self, session: Session) -> None:
        gc.freeze()  # the folder's articles stay until another folder opens: as above
        self.progress.hide()
        self.statusBar().clearMessage()
        if session.folder is not None:
            self._remember_folder(session.folder)
            self.setWindowTitle(f"{Path(session.folder).name} — newsdiff")
        else:
            self.setWindowTitle("newsdiff")
        self._take_session(session, session.suggested_base, session.closest, reopened=True)

    def _take_session(self, session: Session, base: int | None, other: int | None, *, reopened: bool = False) -> None:
        """Show `session`: its articles listed, `base` (default: the first) against `other` (default: the next);
        a folder `reopened` comes back as the editor left it (base, copy, hidden kinds) instead."""
        self.comparisons.set_session(session)
        self.session = session
        self.comparison = None
        self.state.set_roles(None, None)  # the old folder's pair goes with it, even if the new one is the same
        self.article_list.set_articles(session.articles, session.word_counts)
        self.problems.set_problems(session.errors, session.articles)
        self.file_watch.watch(session.articles)
        self.pages.setCurrentWidget(self.splitter)
        count = len(session.articles)
        base = base if base is not None else 0 if count else None
        if other is None or other == base:
            other = self.article_list.row_after(base, 1, skip=base) if count > 1 else None
        self.analysis = None  # before the roles change: the old folder's analysis must not be rebased
        self.folder_overview.clear()
        if reopened:
            base, other = self.review.restore(session, base, other)
        self.state.set_roles(base, other)
        if count > 1:
            self.analyse_folder()
        else:
            self._stop_analysis()
            self.folder_overview.show_message("A folder overview needs at least two copies.", analyse=False)
            self._display(None, "Open at least two copies of a story to compare them." if count else "No article could be read.")

    # ----- choosing the pair

    def choose_copy(self, row: int) -> None:
        """Show article `row` against the base."""
        if self.session is None:
            return
        if row == self.state.base:
            self.statusBar().showMessage("That is the base; choose another copy to compare with it", 5000)
            return
        self.state.set_roles(self.state.base, row)

    def set_base(self, row: int) -> None:
        """Make article `row` the base (left); if it was the copy shown, the old base becomes the copy."""
        base, other = self.state.base, self.state.other
        if self.session is None or row == base:
            return
        if row == other:
            other = base
        if other is None or other == row:
            other = self.article_list.row_after(row, 1, skip=row)
        self.state.set_roles(row, other)

    def _set_base_from_list(self) -> None:
        on_overview = self.tabs.currentWidget() is self.folder_overview
        row = self.folder_overview.current_article() if on_overview else self.article_list.selected_row()
        if row is not None:
            self.set_base(row)

    def swap_sides(self) -> None:
        """Swap the base and the copy shown."""
        base, other = self.state.base, self.state.other
        if base is not None and other is not None:
            self.state.set_roles(other, base)

    def _next_article(self, step: int) -> None:
        if self.session is None or self.state.other is None:
            return
        row = self.article_list.row_after(self.state.other, step, skip=self.state.base)
        if row is not None:
            self.choose_copy(row)

    def _roles_changed(self, base: int | None, _other: int | None) -> None:
        """Show the pair chosen; a new base is first compared with every copy, and made the base of its story."""
        if base is not None and base != self.comparisons.base:
            self.comparisons.compare_base_with_all(base)
            self._rebase_story()
        self._show_pair()

    def show_pair_of(self, left: int, right: int) -> None:
        """Show article `left` (as the base) against `right` side by side."""
        if self.session is None or left == right:
            return
        self.state.set_roles(left, right)
        self.tabs.setCurrentIndex(0)

    def toggle_overview(self) -> None:
        """Switch between the pair side by side and the folder overview."""
        self.tabs.setCurrentIndex(1 - self.tabs.currentIndex())

    def pair(self) -> tuple[Article, Article] | None:
        """The base and the copy shown, if both are chosen."""
        base, other = self.state.base, self.state.other
        if self.session is None or base is None or other is None:
            return None
        return self.session.articles[base], self.session.articles[other]

    # ----- comparing

    def _analysis_holds_background(self) -> bool:
        """Whether the base's comparisons with every copy wait for the folder analysis: on a large folder both
        want the processors, and the analysis gives the same figures and more (measured on 1,000 articles:
        with both running, the analysis took 86 s instead of 51)."""
        return (
            self._analysis_task is not None
            and self.session is not None
            and len(self.session.articles) >= ANALYSIS_FIRST_FROM
        )

    def _background_progress(self, done: int, total: int) -> None:
        if done >= total:
            self.progress.hide()
        else:
            self._show_progress(done, total, "compared %v of %m")

    def _show_progress(self, done: int, total: int, label: str = "%v of %m") -> None:
        self.progress.setRange(0, total)
        self.progress.setValue(done)
        self.progress.setFormat(label)
        self.progress.show()

    def _show_pair(self) -> None:
        pair = self.pair()
        if pair is None:
            return
        if not self.comparisons.show(self.state.base, self.state.other):
            self._display(None, f"Comparing {Path(pair[0].path).name} with {Path(pair[1].path).name}…")
            self.header.show_pair(None, None)

    # ----- the folder overview

    def analyse_folder(self) -> None:
        """Analyse the open folder in the analysis process (stories, bases, coverage), replacing any analysis
        under way."""
        session = self.session
        if session is None or len(session.articles) < 2:
            return
        # The largest story's coverage now, the others' when they are shown (_cover_story).
        job = partial(analyse_articles, session.articles, session.errors, cache_dir=default_cache_dir(), covered=1)
        self._start_analysis(job, "Analysing the folder…", lambda found: self._analysed(*found, suggested=True))

    def _rebase_story(self) -> None:
        """Make the viewer's base the base of its story in the overview too (coverage computed again)."""
        analysis, base = self.analysis, self.state.base
        if analysis is None or base is None or self._analysis_task is not None:
            return
        cluster = analysis.articles[base].cluster
        if analysis.clusters[cluster].base == base:
            return
        job = partial(with_base, analysis, cluster, base, cache_dir=default_cache_dir())
        self._start_analysis(
            job, "Computing the coverage of the new base…", lambda found: self._analysed(*found, suggested=False)
        )

    def _cover_story(self, cluster: int) -> None:
        """Compute the coverage of story `cluster`, which the analysis leaves until the story is shown."""
        analysis = self.analysis
        if analysis is None or self._analysis_task is not None:
            return
        job = partial(with_base, analysis, cluster, analysis.clusters[cluster].base, cache_dir=default_cache_dir())
        self._start_analysis(
            job, "Computing the coverage of the story…", lambda found: self._analysed(*found, suggested=False)
        )

    def _start_analysis(self, job: Callable, message: str, finished: Callable[[tuple], None]) -> None:
        self._stop_analysis()
        stop = self._analysis_stop = threading.Event()
        if self.analysis is None:
            self.folder_overview.show_message(message, analyse=False)
        self.analysis_progress.setRange(0, 0)
        self.analysis_progress.show()
        self.analysis_cancel.show()
        self._analysis_task = self.analyser.start(
            lambda progress: analyse_in_process(job, progress, stop.is_set),
            finished,
            self._analysis_failed,
            progress=self._analysis_progressed,
        )

    def _stop_analysis(self) -> None:
        """Stop the analysis under way, if any, and forget what it would deliver."""
        self._analysis_stop.set()
        if self._analysis_task is not None:
            self.analyser.forget(self._analysis_task)
        self._analysis_ended()

    def _analysis_ended(self) -> None:
        """No analysis is under way any more: its progress and Cancel go."""
        self._analysis_task = None
        self.analysis_progress.hide()
        self.analysis_cancel.hide()

    def cancel_analysis(self) -> None:
        """Stop analysing the folder (the Cancel button)."""
        if self._analysis_task is None:
            return
        self._stop_analysis()
        self.comparisons.resume_background()
        analysis = self.analysis
        if analysis is None:
            self.statusBar().showMessage("Folder analysis cancelled", 5000)
            self.folder_overview.show_message("The folder analysis was cancelled.", analyse=True)
            return
        # A new base's coverage was under way: say which base the overview still shows.
        base = self.state.base
        if base is not None and base < len(analysis.articles):
            shown = analysis.clusters[analysis.articles[base].cluster].base
            self.statusBar().showMessage(
                f"Coverage of the new base cancelled: the overview still shows "
                f"{Path(analysis.articles[shown].article.path).name} as the base of its story",
                10000,
            )

    def _analysis_progressed(self, done: int, total: int) -> None:
        self.analysis_progress.setRange(0, max(1, total))
        self.analysis_progress.setValue(min(done, total))

    def _analysed(self, analysis: FolderAnalysis, matrix: np.ndarray, *, suggested: bool) -> None:
        self._analysis_ended()
        self.analysis = analysis
        self.folder_overview.set_analysis(analysis, matrix, suggested=suggested)
        self._restyle()  # the pair shown may hold site furniture
        if suggested and self.tabs.currentWidget() is not self.folder_overview:
            stories = len(analysis.clusters)
            key = key_text("folder_overview")
            self.statusBar().showMessage(
                f"Folder overview ready: {stories} stor{'y' if stories == 1 else 'ies'} ({key})", 8000
            )
        self._rebase_story()
        self.comparisons.resume_background()

    def _analysis_failed(self, error: Exception) -> None:
        self._analysis_ended()
        self.comparisons.resume_background()
        if isinstance(error, AnalysisCancelled):
            return
        text = f"The folder analysis failed: {error}"
        self.problems.add_problem(text)
        self.statusBar().showMessage(text, 10000)
        if self.analysis is None:
            self.folder_overview.show_message(text, analyse=True)

    # ----- showing a comparison

    def styling(self) -> Styling:
        """How sentences are drawn now: the palette's colours, the zoomed font, the hidden kinds, the site
        furniture of the pair shown (once the folder analysis has found it) and whether it is hidden."""
        font = QFont(self.font())
        state = self.state
        font.setPointSizeF(max(6.0, self.font().pointSizeF() + state.zoom))
        return Styling(
            theme_for(self.palette()), font, state.hidden, state.altered_only, self._furniture(), state.hide_furniture
        )

    def _furniture(self) -> frozenset[tuple[Side, int]]:
        """The sentences of the pair shown that the folder analysis found to be site furniture."""
        comparison = self.comparison
        if comparison is None:
            return frozenset()
        documents = {side: comparison.document(side) for side in Side}
        return frozenset(
            (side, number)
            for side, document in documents.items()
            for number in sentences_within(document, self._furniture_of(document.path))
        )

    def _furniture_of(self, path: str) -> tuple[Span, ...]:
        """The site furniture the folder analysis found in the open file `path` (none before it is done)."""
        analysis, session = self.analysis, self.session
        index = session.index_of(path) if analysis is not None and session is not None else None
        if index is None or index >= len(analysis.articles) or analysis.articles[index].article.path != path:
            return ()
        return analysis.articles[index].boilerplate

    def _display(self, compared: Compared | None, placeholder: str = "") -> None:
        comparison = compared.comparison if compared is not None else None
        self.comparison = comparison
        self.differences = compared.differences if compared is not None else []
        self.current_index = None
        self.position = None
        self.view.set_comparison(comparison, self.styling())
        self.view.set_placeholder(placeholder)
        self.header.show_pair(
            comparison.left if comparison else None, comparison.right if comparison else None
        )
        self._update_counts()
        self._update_position()
        if not self.find_bar.isHidden():
            self._search(self.find_bar.field.text())

    def _update_counts(self) -> None:
        comparison = self.comparison
        if comparison is None:
            self.counts_label.setText("")
            return
        parts = []
        for side in Side:
            stats = comparison.stats(side)
            parts.append(f"{side.value}: " + " · ".join(f"{stats[kind]} {kind.value}" for kind in KINDS))
        misspelt = len(comparison.misspellings)
        parts.append(f"{misspelt} misspelling{'s' if misspelt != 1 else ''}")
        self.counts_label.setText("    ".join(parts))

    def _update_position(self, note: str = "") -> None:
        shown = [d for d in self.differences if self._shown(d)]
        if self.comparison is None:
            self.position_label.setText("")
        elif self.current_index is None:
            self.position_label.setText(f"{len(shown)} differences")
        else:
            number = sum(1 for i, d in enumerate(self.differences) if self._shown(d) and i <= self.current_index)
            difference = self.differences[self.current_index]
            marks = "".join(f", {mark}" for mark in difference_marks(self.comparison, difference))
            reviewed = self.review.words(self.current_index)
            self.position_label.setText(f"difference {number} of {len(shown)}: {difference.kind.value}{marks}{reviewed}")
        if note:
            self.statusBar().showMessage(note, 4000)

    def _restyle(self) -> None:
        styling = self.styling()
        self.legend.set_styling(styling)
        for name, icon in toolbar_icons(self.style(), self.palette()).items():
            self.actions_by_name[name].setIcon(icon)
        self.view.set_styling(styling)
        if self.current_index is not None:
            self.view.set_current(self._keys(self.differences[self.current_index]), scroll=False)

    def _filters_changed(self) -> None:
        self._restyle()
        self._update_position()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        super().changeEvent(event)
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.ApplicationPaletteChange) and hasattr(self, "view"):
            self._restyle()

    # ----- navigation

    def _shown(self, difference: Difference) -> bool:
        comparison = self.comparison
        if comparison is None:
            return False
        link = comparison.links[difference.link] if difference.link is not None else None
        return self.view.styling is not None and self.view.styling.visible(difference.kind, link, self._keys(difference))

    @staticmethod
    def _keys(difference: Difference) -> list[tuple[Side, int]]:
        return [(side, sentence) for side in Side for sentence in difference.sentences(side)]

    def _navigate(self, wanted: navigation.Wanted, forward: bool) -> None:
        self._go(navigation.step(self.differences, self.position, forward, wanted, self._shown))

    def _go(self, step: navigation.Step) -> None:
        if step.index is None:
            self.statusBar().showMessage("No such difference here", 4000)
            return
        self.current_index = step.index
        self.position = float(step.index)
        self.view.set_current(self._keys(self.differences[step.index]))
        note = ""
        if step.wrapped:
            note = "Wrapped round to the first difference" if self._forward_wrap(step) else "Wrapped round to the last difference"
        self._update_position(note)
        self.view.announce_current(self.position_label.text(), note)

    def _forward_wrap(self, step: navigation.Step) -> bool:
        shown = [i for i, d in enumerate(self.differences) if self._shown(d)]
        return bool(shown) and step.index == shown[0]

    def _sentence_clicked(self, side: Side, sentence: int) -> None:
        for index, difference in enumerate(self.differences):
            if sentence in difference.sentences(side):
                self._go(navigation.Step(index))
                return
        self.current_index = None
        self.view.set_current(self.view.counterparts((side, sentence)), scroll=False)
        comparison = self.comparison
        if comparison is not None:
            paragraph = comparison.document(side).sentences[sentence].paragraph
            self.position = navigation.position_in_row(self.differences, comparison.row_of_paragraph(side, paragraph))
        self._update_position()

    def _copy_current(self) -> None:
        keys = self.view.current()
        if keys:
            QApplication.clipboard().setText(self.view.text_of(keys))
            self.statusBar().showMessage("Copied the current sentences", 3000)

    # ----- find

    def _open_find(self) -> None:
        self.find_bar.open_bar()
        self._search(self.find_bar.field.text())

    def _search(self, query: str) -> None:
        comparison = self.comparison
        if comparison is None:
            self._matches = []
        else:
            starts = {side: [p.start for p in comparison.document(side).paragraphs] for side in Side}

            def row_of(side: Side, offset: int) -> int:
                paragraph = max(0, sum(1 for start in starts[side] if start <= offset) - 1)
                return comparison.row_of_paragraph(side, paragraph)

            self._matches = find_matches(comparison, query, row_of)
        self._match_index = 0 if self._matches else None
        self.view.set_matches(self._matches, self._match_index)
        self.find_bar.set_count(self._match_index, len(self._matches))

    def _step_match(self, forward: bool) -> None:
        if self.find_bar.isHidden():
            self._open_find()
            return
        if not self._matches:
            return
        current = self._match_index if self._match_index is not None else -1
        self._match_index = (current + (1 if forward else -1)) % len(self._matches)
        self.view.set_matches(self._matches, self._match_index)
        self.find_bar.set_count(self._match_index, len(self._matches))

    def _find_closed(self) -> None:
        self._matches, self._match_index = [], None
        self.view.set_matches([], None)
        self.view.setFocus(Qt.FocusReason.OtherFocusReason)

    # ----- copies pasted or dropped, and files changed on disk

    def paste_copy(self, mime: QMimeData) -> None:
        """Add the text or web page selection `mime` holds (the clipboard's, or a drop's) as a copy of the open
        folder, named "Pasted N", and show it against the base."""
        if not offers_text(mime):
            self.statusBar().showMessage("Nothing to paste: the clipboard holds no text", 6000)
            return
        clipping = Clipping.of(mime)

        def change(session: Session) -> tuple[Session, str]:
            name = pasted_name({Path(article.path).name for article in session.articles})
            path = str(Path(session.folder) / name) if session.folder is not None else name
            article = pasted_article(clipping, path)
            return with_articles(session, [*session.articles, article], session.errors), path

        self._change_session(change, self._pasted)

    def _pasted(self, path: str) -> None:
        key = key_text("save_pasted")
        self.statusBar().showMessage(
            f"{Path(path).name} added as a copy and kept while the folder is open; save it as a file with "
            f"File > Save Pasted Copy ({key})",
            15000,
        )

    def save_pasted(self) -> None:
        """Save the pasted copy shown (or the first pasted copy) as a text file, asking where."""
        session = self.session
        pasted = [i for i, article in enumerate(session.articles) if is_pasted(article)] if session else []
        if not pasted:
            self.statusBar().showMessage("No pasted copy to save: paste one with Ctrl+V", 6000)
            return
        shown = [i for i in (self.state.other, self.state.base) if i in pasted]
        article = session.articles[(shown or pasted)[0]]
        written = save_pasted_dialog(self, article, session.articles)
        if written is None:
            return
        saved = saved_article(article, written)

        def change(session: Session) -> tuple[Session, str]:
            articles = [saved if a.path == article.path else a for a in session.articles]
            return with_articles(session, articles, session.errors), saved.path

        self._change_session(change, lambda path: self.statusBar().showMessage(f"Saved as {path}", 10000))

    def _files_changed(self, reloaded: Reloaded) -> None:
        """Compare again the copies whose files changed; take those deleted or unreadable off the list."""

        def change(session: Session) -> tuple[Session, str]:
            articles = [reloaded.articles.get(a.path, a) for a in session.articles if a.path not in reloaded.failed]
            return with_articles(session, articles, [*session.errors, *reloaded.failed.values()]), ""

        names = [Path(path).name for path in [*reloaded.articles, *reloaded.failed]]
        message = f"Changed on disk: {', '.join(names)}"
        if reloaded.failed:
            message += f" ({len(reloaded.failed)} gone or unreadable: see the problems panel)"
        self._change_session(change, lambda _path: self.statusBar().showMessage(message, 15000))

    def _change_session(self, change: Callable[[Session], tuple[Session, str]], done: Callable[[str], None]) -> None:
        """Apply `change` to the open folder on a worker thread (a page's text extraction and the words of every
        copy take their time) and show the result: the base stays, the copy the change names (else the copy
        shown) is shown against it. Should the folder change meanwhile, `change` is applied again to it."""
        before = self.session

        def changed(result: tuple[Session, str]) -> None:
            if self.session is not before:
                self._change_session(change, done)
                return
            session, path = result
            paths = {i: article.path for i, article in enumerate(before.articles if before is not None else [])}
            base_path, other_path = paths.get(self.state.base), path or paths.get(self.state.other)
            self._take_session(session, session.index_of(base_path or ""), session.index_of(other_path or ""))
            done(path)

        self.loader.start(
            lambda _progress: change(before if before is not None else Session([])),
            changed,
            self._change_failed,
            priority=PRIORITY_SHOWN,
        )

    def _change_failed(self, error: Exception) -> None:
        text = error.reason if isinstance(error, ArticleError) else str(error)
        self.statusBar().showMessage(f"The copy could not be added: {text}", 10000)

    # ----- export

    def _ask_report_path(self, title: str, name: str, *, pdf: bool = False) -> Path | None:
        """Ask where to write a report, as HTML or (`pdf` the type offered first) a PDF; None if cancelled,
        refused, or it would overwrite an article."""
        start = Path(str(self.settings.value("export/folder", "") or self._start_folder())) / name
        types = (PDF_TYPE, HTML_TYPE) if pdf else (HTML_TYPE, PDF_TYPE)
        chosen, chosen_type = QFileDialog.getSaveFileName(
            self, title, str(start), ";;".join(types), types[0], options=QFileDialog.Option.DontConfirmOverwrite
        )
        if not chosen:
            return None
        path = Path(chosen)
        if path.suffix.lower() not in (".html", ".htm", ".pdf"):
            path = path.with_name(path.name + (".pdf" if chosen_type == PDF_TYPE else ".html"))
        if is_input(path, self._inputs()) or is_input(chosen, self._inputs()):
            QMessageBox.warning(
                self, title, f"{path} is one of the articles or of the files skipped beside them. Choose another file."
            )
            return None
        self.settings.setValue("export/folder", str(path.parent))
        return path

    def _inputs(self) -> list[str]:
        """The files a report may never replace: the articles open and the files skipped beside them."""
        session = self.session
        return [a.path for a in session.articles] + [e.path for e in session.errors] if session is not None else []

    def export_pair(self, *, pdf: bool = False) -> None:
        """Write the report of the pair shown, as HTML or (`pdf` offered first) a PDF, asking where (and before
        replacing a file)."""
        from newsdiff.core.output.report import pair_report_view

        comparison = self.comparison
        if comparison is None:
            self.statusBar().showMessage("Nothing to export: open two copies first", 5000)
            return
        name = f"{Path(comparison.left.path).stem}-vs-{Path(comparison.right.path).stem}.{'pdf' if pdf else 'html'}"
        path = self._ask_report_path("Export PDF" if pdf else "Export Report", name, pdf=pdf)
        force = may_replace(self, path, "report") if path is not None else None
        if path is None or force is None:
            return
        furniture = {d.path: self._furniture_of(d.path) for d in (comparison.left, comparison.right)}
        inputs = self._inputs()
        review = self.session.review if self.session is not None else None
        self._write_report(
            path,
            lambda _: write_report(
                pair_report_view(comparison, furniture=furniture, review=review), path, force=force, protected=inputs
            ),
        )

    def export_folder(self) -> None:
        """Write the HTML report of the base against every other copy (comparing those not done yet)."""
        from newsdiff.core.output.report import folder_report_view

        session, base = self.session, self.state.base
        if session is None or base is None or len(session.articles) < 2:
            self.statusBar().showMessage("Nothing to export: open a folder of copies first", 5000)
            return
        base_article = session.articles[base]
        path = self._ask_report_path("Export Folder Report", f"{Path(base_article.path).stem}-report.html")
        force = may_replace(self, path, "report") if path is not None else None
        if path is None or force is None:
            return
        others = [i for i in range(len(session.articles)) if i != base]
        ready = {i: self.comparisons.cached(base, i) for i in others}
        furniture = {article.path: self._furniture_of(article.path) for article in session.articles}
        inputs = self._inputs()

        def work(progress: Callable[[int, int], None]) -> Path:
            comparisons = []
            for done, i in enumerate(others):
                progress(done, len(others))
                comparisons.append((ready[i] or compare_pair(session, base, i)).comparison)
            view = folder_report_view(
                base_article, comparisons, skipped=session.errors, furniture=furniture, review=session.review
            )
            return write_report(view, path, force=force, protected=inputs)

        self._write_report(path, work)

    def _write_report(self, path: Path, work: Callable[[Callable[[int, int], None]], Path]) -> None:
        self.statusBar().showMessage(f"Writing {path}…")
        self.loader.start(
            work,
            lambda written: self.statusBar().showMessage(f"Report written: {written}", 10000),
            lambda error: self._report_failed(path, error),
            progress=self._show_progress,
        )

    def _report_failed(self, path: Path, error: Exception) -> None:
        self.progress.hide()
        message = f"{path}: the report could not be written: {error}"
        self.statusBar().showMessage(message, 10000)
        QMessageBox.warning(self, "Export Report", message)

    # ----- help

    def show_shortcut_sheet(self) -> None:
        """Show the sheet of keyboard shortcuts (F1)."""
        if self._sheet is None:
            self._sheet = ShortcutSheet(self)
        self._sheet.show()
        self._sheet.raise_()

    def show_guide(self) -> None:
        """Show the user guide (Help > User Guide)."""
        if self._guide is None:
            self._guide = GuideWindow(self)
        self._guide.show()
        self._guide.raise_()

    def _about(self) -> None:
        QMessageBox.about(
            self,
            "About newsdiff",
            f"newsdiff {__version__}\n\nCompare copies of one news story side by side.",
        )

    # ----- window events

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        if not self._splitter_restored:
            self._splitter_restored = True
            width = self.width()
            self.splitter.setSizes([int(width * LIST_SHARE), width - int(width * LIST_SHARE)])

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802 - Qt override
        mime = event.mimeData()
        if (mime.hasUrls() and any(url.isLocalFile() for url in mime.urls())) or offers_text(mime):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802 - Qt override
        """Files and folders dropped open; text or a browser selection dropped becomes a copy."""
        mime = event.mimeData()
        paths = [url.toLocalFile() for url in mime.urls() if url.isLocalFile()]
        if paths or offers_text(mime):
            event.acceptProposedAction()
            if paths:
                self.open_paths(paths)
            else:
                self.paste_copy(mime)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        self.save_settings()
        self.comparisons.stop()
        self._stop_analysis()
        self.loader.pool.clear()
        super().closeEvent(event)
