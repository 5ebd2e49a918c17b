"""The main window: the offer list on the left; the offer, the negotiation and the comparison on the right.

Every change is saved at once through the Workspace (no Save button) and can be undone. The window
remembers its geometry, splitters, tab and the last selected offer.
"""

from __future__ import annotations

from decimal import Decimal
from html import escape
from pathlib import Path

from PySide6.QtCore import (
    QByteArray,
    QEvent,
    QItemSelectionModel,
    QModelIndex,
    QObject,
    QSettings,
    QStandardPaths,
    Qt,
    QUrl,
    Signal,
)
from PySide6.QtGui import QAction, QCloseEvent, QDesktopServices, QIcon, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTableView,
    QTabWidget,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from app import __version__
from app.atomic import write_problem
from app.files import OfferFileError, merge_file_parts, read_offer_file, write_offer_file
from app.models import STAGES, Offer
from app.resources import sample_offers_path
from app.store import StoreError
from app.words import STAGE_NAMES
from ui import format as fmt
from ui.forms.offer_form import OfferForm
from ui.models.offer_list_model import OfferFilterProxy, OfferIdRole, OfferListModel
from ui.rubric_dialog import RubricDialog
from ui.widgets.badges import BadgeDelegate
from ui.widgets.icons import action_icon
from ui.widgets.job_entry import CurrentJobEntry
from ui.widgets.wrapping import breakable_paths
from ui.workspace import Workspace

APP_ID = "io.github.offerplanner.OfferPlanner"
OFFER_TAB, NEGOTIATE_TAB, COMPARE_TAB = range(3)
REDO_KEYS = [QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")]
LIST_MARGIN = 8
LIST_MIN_WIDTH = 260
LIST_SHARE = 0.33  # of the window's width, on a first start
ROLE_COLUMN_MIN = 140  # a list with less room for the role shows it in the company's tooltip instead


class EmptyState(QWidget):
    """What a first start shows: what the app does, and the two ways to begin."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        title = QLabel("<h1>No offers yet</h1>", self)
        text = QLabel(
            "Add an offer you hold or expect, and Offer Planner works out what it is worth year by year, "
            "how strong your position is, and what to ask for. Everything stays on this computer.",
            self,
        )
        text.setWordWrap(True)
        text.setAlignment(Qt.AlignmentFlag.AlignHCenter)  # under its heading, not flush left
        self.sample_button = QPushButton("Load &sample offers", self)
        self.sample_button.setAccessibleName("Load sample offers")
        self.new_button = QPushButton("&New offer", self)
        self.new_button.setAccessibleName("New offer")
        self.new_button.setDefault(True)
        self.import_button = QPushButton("&Import a file…", self)
        self.import_button.setAccessibleName("Import an offer file")
        buttons = QHBoxLayout()
        buttons.addStretch()
        for button in (self.new_button, self.sample_button, self.import_button):
            buttons.addWidget(button)
        buttons.addStretch()
        column = QVBoxLayout()
        column.addStretch(1)  # a third of the spare height above, two thirds below
        column.addWidget(title, alignment=Qt.AlignmentFlag.AlignHCenter)
        column.addWidget(text)
        column.addSpacing(16)
        column.addLayout(buttons)
        column.addStretch(2)
        outer = QHBoxLayout(self)
        outer.addStretch()
        inner = QWidget(self)
        inner.setLayout(column)
        inner.setMaximumWidth(560)
        outer.addWidget(inner)
        outer.addStretch()


class _UndoKeys(QObject):
    """Ctrl+Z and Ctrl+Shift+Z (Ctrl+Y) in a text field undo and redo the window's saved changes.

    A line edit (a spin box, a text box) takes those keys for its own short typing history, so the
    window's shortcuts never fire while the cursor is in a field — the natural place to press them,
    and with no Save button Undo is the only safety net. This filter sits on the text field that has
    the focus (installed as focus moves) and hands the keys to the window instead.
    """

    def __init__(self, window: MainWindow):
        super().__init__(window)
        self._window = window
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._on_focus_changed)

    def _on_focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        if (
            isinstance(new, QLineEdit | QAbstractSpinBox | QPlainTextEdit | QTextEdit)
            and new.window() is self._window
            and not new.property("undoKeys")
        ):
            new.setProperty("undoKeys", True)
            new.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind not in (QEvent.Type.ShortcutOverride, QEvent.Type.KeyPress) or not isinstance(event, QKeyEvent):
            return False
        undo = event.matches(QKeySequence.StandardKey.Undo)
        redo = not undo and any(event.keyCombination().toCombined() == keys[0].toCombined() for keys in REDO_KEYS)
        if not (undo or redo):
            return False
        if kind == QEvent.Type.ShortcutOverride:
            event.accept()  # deliver it as a key press, caught below (the field's own undo never runs)
            return True
        (self._window.undo if undo else self._window.redo)()
        return True


class MainWindow(QMainWindow):
    """One window per data file."""

    offer_selected = Signal(str)  # the offer now shown ("" when none)
    restore_requested = Signal(str)  # the user chose a backup (its path) to put in place of the data file

    def __init__(self, workspace: Workspace, settings: QSettings | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.workspace = workspace
        self.ui_settings = settings or QSettings()
        self.setWindowTitle(f"Offer Planner — {workspace.store.path.name}")
        self._current_id = ""
        self._last_offer_id = ""  # where Ctrl+1/2/3 go back to from the current job
        self._start_on_job = False
        self._filtering = False
        self._brief_path: Path | None = None

        # the list
        self.list_model = OfferListModel(workspace, self)
        self.proxy = OfferFilterProxy(self)
        self.proxy.setSourceModel(self.list_model)
        self.list_view = QTableView(self)
        self.list_view.setModel(self.proxy)
        self.list_view.setAccessibleName("Offers")
        self.list_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.list_view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        # the user's order until a header is clicked (no sort indicator, so enabling sorting sorts nothing:
        # sorting ten thousand offers by tier would rate them all before the first paint)
        self.list_view.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.list_view.setSortingEnabled(True)
        self.list_view.verticalHeader().setVisible(False)
        self.list_view.setShowGrid(False)
        self.list_view.setAlternatingRowColors(True)
        self.list_view.setWordWrap(False)
        self.list_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        # pills only where there are badges (and the company's flag, "Under water"): a Python delegate on
        # every cell cost a scroll of 10,000 offers ~150 Python paint calls a page
        self._badges = BadgeDelegate(self.list_view)
        for column in (OfferListModel.COMPANY, OfferListModel.STAGE, OfferListModel.TIER):
            self.list_view.setItemDelegateForColumn(column, self._badges)
        header = self.list_view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(OfferListModel.ROLE, QHeaderView.ResizeMode.Stretch)
        # widths from the font, not ResizeToContents: that would measure (and rate) every offer
        metrics = self.fontMetrics()
        for column, sample in (
            (OfferListModel.COMPANY, "Kestrel Robotics"),
            (OfferListModel.STAGE, "Interviewing__"),
            (OfferListModel.YEAR_ONE, fmt.money(Decimal("888888.88"), "USD") + "__"),
            (OfferListModel.TIER, "Grand slam___"),
        ):
            header.resizeSection(column, metrics.horizontalAdvance(sample) + 16)
        self._company_width = header.sectionSize(OfferListModel.COMPANY)
        header.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.list_view.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.list_view.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 12)
        self.list_view.installEventFilter(self)  # a narrow list drops the role column (see eventFilter)
        self.search = QLineEdit(self)
        self.search.setPlaceholderText("Search company, role, location")
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName("Search offers")
        self.search.textChanged.connect(self._on_search_changed)
        self.search.installEventFilter(self)  # Esc clears it (see eventFilter)
        self.stage_filter = QComboBox(self)
        self.stage_filter.setAccessibleName("Filter by stage")
        self.stage_filter.addItem("All stages", None)
        for stage in STAGES:
            self.stage_filter.addItem(STAGE_NAMES[stage], stage)
        self.stage_filter.currentIndexChanged.connect(self._on_stage_filter_changed)
        list_panel = QWidget(self)
        list_layout = QVBoxLayout(list_panel)
        list_layout.setContentsMargins(LIST_MARGIN, LIST_MARGIN // 2, 0, LIST_MARGIN)  # off the window's edge
        # the current job: not an offer, so not a row of the list — a card of its own above it
        self.job_entry = CurrentJobEntry(self)
        self.job_entry.clicked.connect(self.show_current_job)
        list_layout.addWidget(self.job_entry)
        filters = QHBoxLayout()
        filters.addWidget(self.search, 1)
        filters.addWidget(self.stage_filter)
        list_layout.addLayout(filters)
        list_layout.addWidget(self.list_view)

        # the detail: the offer, the negotiation, the comparison
        self.form = OfferForm(workspace, self)
        # the Negotiate and Compare tabs are built when first opened: start-up pays only for what it shows
        self._position_panel = None
        self._levers_panel = None
        self._compare_view = None
        self.negotiate_page = QWidget(self)  # holds the NegotiatePage once built
        negotiate_layout = QVBoxLayout(self.negotiate_page)
        negotiate_layout.setContentsMargins(0, 0, 0, 0)
        self.compare_page = QWidget(self)
        compare_layout = QVBoxLayout(self.compare_page)
        compare_layout.setContentsMargins(0, 0, 0, 0)
        self.tabs = QTabWidget(self)
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self.form, "&Offer")
        self.tabs.addTab(self.negotiate_page, "&Negotiate")
        self.tabs.addTab(self.compare_page, "&Compare")
        self.no_selection = QLabel("Select an offer on the left, or press Ctrl+N for a new one.", self)
        self.no_selection.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._job_form = None  # the current job's form: built when first shown
        self.detail = QStackedWidget(self)
        self.detail.addWidget(self.tabs)
        self.detail.addWidget(self.no_selection)

        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(list_panel)
        self.splitter.addWidget(self.detail)
        # both sides grow and shrink with the window, the list by a third of the change
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 2)
        list_panel.setMinimumWidth(LIST_MIN_WIDTH)
        self.empty_state = EmptyState(self)
        self.pages = QStackedWidget(self)
        self.pages.addWidget(self.splitter)
        self.pages.addWidget(self.empty_state)
        self.setCentralWidget(self.pages)

        self._build_actions()
        self._set_tab_order()
        self.statusBar().showMessage("Ready. Changes are saved as you type.", 4000)

        self.list_view.selectionModel().currentRowChanged.connect(self._on_current_row_changed)
        self.list_view.selectionModel().selectionChanged.connect(self._on_selection_changed)
        self.empty_state.new_button.clicked.connect(self.new_offer)
        self.empty_state.sample_button.clicked.connect(self.load_samples)
        self.empty_state.import_button.clicked.connect(self.import_file)
        workspace.saved.connect(self._on_saved)
        self.form.edit_rejected.connect(self._on_saved)
        self.form.answer_copied.connect(self._on_saved)
        workspace.evaluations_changed.connect(self._update_job_entry)
        workspace.failed.connect(self._on_failed)
        workspace.offers_reset.connect(self._on_offers_reset)
        self.tabs.currentChanged.connect(self._on_tab_changed)

        self._restore_state()
        self._on_offers_reset()
        self._update_job_entry()
        if self._start_on_job:
            self.show_current_job()

    # --- actions and menus -----------------------------------------------------------------------

    def _action(self, text: str, slot, shortcut=None, tip: str = "") -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        if tip:
            action.setStatusTip(tip)
            action.setToolTip(tip)
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    def _build_actions(self) -> None:
        ws = self.workspace
        self.new_action = self._action("&New offer", self.new_offer, QKeySequence.StandardKey.New, "Add an offer")
        self.duplicate_action = self._action(
            "&Duplicate", self.duplicate_offer, "Ctrl+D", "Duplicate the selected offer"
        )
        self.delete_action = self._action(
            "&Delete",
            self.delete_selected,
            QKeySequence.StandardKey.Delete,
            "Delete the selected offers (Undo brings them back)",
        )
        self.delete_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.list_view.addAction(self.delete_action)
        self.import_action = self._action("&Import…", self.import_file, "Ctrl+I", "Import an offer file")
        self.export_action = self._action(
            "&Export…", self.export_file, "Ctrl+Shift+S", "Export the offers to an offer file"
        )
        self.brief_action = self._action(
            "Export &brief…", self.export_brief, "Ctrl+E", "Export the selected offer's negotiation brief (PDF)"
        )
        self.settings_action = self._action(
            "&Settings…",
            lambda: self.open_settings(),
            QKeySequence.StandardKey.Preferences,
            "Currency, rates, scenarios, tax year, horizon, rubric",
        )
        self.settings_action.setShortcuts([QKeySequence("Ctrl+,")])
        self.quit_action = self._action("&Quit", self.close, QKeySequence.StandardKey.Quit)
        # Undo and Redo save what is typed first (see undo()); the menu says what: "Undo Delete Kestrel"
        self.undo_action = self._action("&Undo", self.undo, QKeySequence.StandardKey.Undo)
        self.redo_action = self._action("&Redo", self.redo)
        self.redo_action.setShortcuts(REDO_KEYS)
        ws.undo_stack.canUndoChanged.connect(self.undo_action.setEnabled)
        ws.undo_stack.canRedoChanged.connect(self.redo_action.setEnabled)
        self.undo_action.setEnabled(ws.undo_stack.canUndo())
        self.redo_action.setEnabled(ws.undo_stack.canRedo())
        self._undo_keys = _UndoKeys(self)
        self.find_action = self._action("&Find", self._focus_search, QKeySequence.StandardKey.Find)
        self.copy_answer_action = self._action(
            "Copy the company's &answer into the offer",
            self.copy_company_answer,
            "Ctrl+R",
            "Copy what the company last answered in the rounds into the offer's fields (Undo takes it back)",
        )
        self.tab_actions = [
            self._action("&Offer", lambda: self._show_tab(OFFER_TAB), "Ctrl+1"),
            self._action("&Negotiate", lambda: self._show_tab(NEGOTIATE_TAB), "Ctrl+2"),
            self._action("&Compare", lambda: self._show_tab(COMPARE_TAB), "Ctrl+3"),
        ]
        self.job_action = self._action(
            "Current &job", self.show_current_job, "Ctrl+J", "Your current job: what staying pays, what leaving costs"
        )
        self.rubric_action = self._action("How is this &rated?", self.show_rubric)
        self.samples_action = self._action(
            "Load &sample offers", self.load_samples, tip="Add four sample offers to try the app with"
        )
        self.about_action = self._action("&About Offer Planner", self.show_about)

        bar = self.menuBar()
        file_menu = bar.addMenu("&File")
        for action in (self.new_action, self.duplicate_action, self.delete_action):
            file_menu.addAction(action)
        file_menu.addSeparator()
        for action in (self.import_action, self.export_action, self.brief_action):
            file_menu.addAction(action)
        file_menu.addSeparator()
        file_menu.addAction(self.settings_action)
        self.restore_action = self._action(
            "&Restore from backup…", self.restore_from_backup, tip="Put one of the daily backups in place"
        )
        file_menu.addAction(self.restore_action)
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)
        edit_menu = bar.addMenu("&Edit")
        edit_menu.addAction(self.undo_action)
        edit_menu.addAction(self.redo_action)
        edit_menu.addSeparator()
        edit_menu.addAction(self.copy_answer_action)
        edit_menu.addSeparator()
        edit_menu.addAction(self.find_action)
        view_menu = bar.addMenu("&View")
        for action in self.tab_actions:
            view_menu.addAction(action)
        view_menu.addSeparator()
        view_menu.addAction(self.job_action)
        help_menu = bar.addMenu("&Help")
        help_menu.addAction(self.rubric_action)
        help_menu.addAction(self.samples_action)
        help_menu.addSeparator()
        help_menu.addAction(self.about_action)

        toolbar = self.addToolBar("Offers")
        toolbar.setObjectName("offers-toolbar")
        toolbar.setMovable(False)
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        for action in (self.new_action, self.duplicate_action, self.delete_action):
            toolbar.addAction(action)
        toolbar.addSeparator()
        # the toolbar keeps short labels; the Edit menu says what will be undone
        self.undo_button_action = QAction("Undo", self)
        self.undo_button_action.triggered.connect(self.undo)
        ws.undo_stack.canUndoChanged.connect(self.undo_button_action.setEnabled)
        ws.undo_stack.undoTextChanged.connect(self._on_undo_text_changed)
        self.undo_button_action.setEnabled(ws.undo_stack.canUndo())
        self.redo_button_action = QAction("Redo", self)
        self.redo_button_action.triggered.connect(self.redo)
        ws.undo_stack.canRedoChanged.connect(self.redo_button_action.setEnabled)
        ws.undo_stack.redoTextChanged.connect(self._on_redo_text_changed)
        self.redo_button_action.setEnabled(ws.undo_stack.canRedo())
        toolbar.addAction(self.undo_button_action)
        toolbar.addAction(self.redo_button_action)
        toolbar.addSeparator()
        toolbar.addAction(self.import_action)
        toolbar.addAction(self.export_action)
        toolbar.addAction(self.brief_action)
        self._apply_icons()

    def _apply_icons(self) -> None:
        """Icons in the palette's colours (again when the system switches between light and dark)."""
        theme = QIcon.ThemeIcon
        for action, name, themed in (
            (self.new_action, "new", theme.DocumentNew),
            (self.duplicate_action, "duplicate", theme.EditCopy),
            (self.delete_action, "delete", theme.EditDelete),
            (self.undo_action, "undo", theme.EditUndo),
            (self.undo_button_action, "undo", theme.EditUndo),
            (self.redo_action, "redo", theme.EditRedo),
            (self.redo_button_action, "redo", theme.EditRedo),
            (self.import_action, "import", theme.DocumentOpen),
            (self.export_action, "export", theme.DocumentSaveAs),
            (self.brief_action, "brief", theme.DocumentPrint),
        ):
            action.setIcon(action_icon(name, self.palette(), themed))

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange and hasattr(self, "brief_action"):
            self._apply_icons()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.search and event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            if event.key() == Qt.Key.Key_Escape:
                if self.search.text():
                    self.search.clear()
                else:
                    self.list_view.setFocus(Qt.FocusReason.OtherFocusReason)
                return True
            if event.key() in (Qt.Key.Key_Down, Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.proxy.rowCount():
                # from the search into what it found
                if not self.list_view.selectionModel().currentIndex().isValid():
                    self.select_offer(self.proxy.index(0, 0).data(OfferIdRole))
                self.list_view.setFocus(Qt.FocusReason.OtherFocusReason)
                return True
        if watched is self.list_view and event.type() == QEvent.Type.FocusIn and self.showing_current_job():
            # Tab into the list from the current job's form: the list would make its first row current,
            # which opens that offer and takes the form away from under the user. Focus alone changes
            # nothing; a click or an arrow key chooses an offer (see _on_selection_changed).
            selection = self.list_view.selectionModel()
            if not selection.currentIndex().isValid() and self.proxy.rowCount():
                self._filtering = True
                try:
                    selection.setCurrentIndex(self.proxy.index(0, 0), QItemSelectionModel.SelectionFlag.NoUpdate)
                finally:
                    self._filtering = False
        if watched is self.list_view and event.type() == QEvent.Type.Resize:
            # the list shrinks with the window: below a width the role goes (it is in the company's
            # tooltip and the editor) so company, stage, year 1 and position stay readable
            header = self.list_view.horizontalHeader()
            others = sum(header.sectionSize(c) for c in range(OfferListModel.ROLE + 1, len(OfferListModel.HEADERS)))
            narrow = self.list_view.width() < others + self._company_width + ROLE_COLUMN_MIN
            if self.list_view.isColumnHidden(OfferListModel.ROLE) != narrow:
                self.list_view.setColumnHidden(OfferListModel.ROLE, narrow)
                header.setSectionResizeMode(
                    OfferListModel.COMPANY,
                    QHeaderView.ResizeMode.Stretch if narrow else QHeaderView.ResizeMode.Interactive,
                )
        return super().eventFilter(watched, event)

    def _on_tab_changed(self, index: int) -> None:
        if index == COMPARE_TAB:
            _ = self.compare_view  # built on first visit
        self._sync_negotiate()
        self._update_actions()

    # --- the tabs built on first use -------------------------------------------------------------

    @property
    def position_panel(self):
        self._build_negotiate()
        return self._position_panel

    @property
    def levers_panel(self):
        self._build_negotiate()
        return self._levers_panel

    @property
    def compare_view(self):
        if self._compare_view is None:
            from ui.compare_view import CompareView

            self._compare_view = CompareView(self.workspace, self.compare_page)
            self.compare_page.layout().addWidget(self._compare_view)
            self._compare_view.settings_requested.connect(self.open_settings)
            self._compare_view.current_job_requested.connect(self.show_current_job)  # "Add your current job…"
        return self._compare_view

    def _build_negotiate(self) -> None:
        if self._position_panel is not None:
            return
        from ui.panels.negotiate_page import NegotiatePage

        page = NegotiatePage(self.workspace, self.negotiate_page)
        self.negotiate_page.layout().addWidget(page)
        self._position_panel = page.position_panel
        self._levers_panel = page.levers_panel
        self._levers_panel.copied.connect(self._on_saved)

    def _on_undo_text_changed(self, text: str) -> None:
        self.undo_action.setText(f"&Undo {text}".strip())
        self.undo_button_action.setToolTip(f"Undo {text} (Ctrl+Z)" if text else "Undo (Ctrl+Z)")

    def _on_redo_text_changed(self, text: str) -> None:
        self.redo_action.setText(f"&Redo {text}".strip())
        self.redo_button_action.setToolTip(f"Redo {text} (Ctrl+Shift+Z)" if text else "Redo (Ctrl+Shift+Z)")

    def _update_actions(self) -> None:
        has = bool(self.selected_ids())
        self.duplicate_action.setEnabled(has)
        self.delete_action.setEnabled(has)
        self.export_action.setEnabled(bool(self.workspace.offers()))
        self.brief_action.setEnabled(bool(self._current_id))
        self.copy_answer_action.setEnabled(bool(self._current_id) and self.form.can_copy_answer())

    def undo(self) -> None:
        """Undo the last saved change, from anywhere in the window, a field included: what is typed
        there and not yet saved is saved first (so that is what Undo takes back, and Redo brings
        back); a value that can't be saved is put back to the saved one, and that is the undo."""
        if self._settle_typing():
            self.workspace.undo_stack.undo()

    def redo(self) -> None:
        if self._settle_typing():
            self.workspace.undo_stack.redo()

    def _settle_typing(self) -> bool:
        """True when the undo stack may go on: nothing typed is left unsaved."""
        for editor in (self.form, self._job_form):
            if editor is None:
                continue
            if not editor.has_unsaved_edit() or editor.commit_pending():
                continue
            editor.revert_pending()
            self.statusBar().showMessage("Put back the saved values: what was typed could not be saved.", 6000)
            return False
        return True

    def _set_tab_order(self) -> None:
        """Tab goes list → search → stage filter → the editor's fields; no stop on frames or scroll
        areas. The tabs are reached with Ctrl+1/2/3 (View menu) or Ctrl+Tab."""
        self.form.scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.tabs.tabBar().setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.list_view.setTabKeyNavigation(False)  # Tab leaves the list (the arrows move in it)
        QWidget.setTabOrder(self.list_view, self.search)
        QWidget.setTabOrder(self.search, self.stage_filter)
        QWidget.setTabOrder(self.stage_filter, self.form.company)

    def _focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    # --- selection -------------------------------------------------------------------------------

    def selected_ids(self) -> list[str]:
        rows = self.list_view.selectionModel().selectedRows()
        ids = [index.data(OfferIdRole) for index in rows]
        if not ids and self._current_id:
            ids = [self._current_id]
        return ids

    def current_offer_id(self) -> str:
        return self._current_id

    def select_offer(self, offer_id: str) -> bool:
        row = self.list_model.row_of(offer_id)
        if row < 0:
            return False
        index = self.proxy.mapFromSource(self.list_model.index(row, 0))
        if not index.isValid():  # filtered out: clear the filters so the offer can be shown
            self.search.clear()
            self.stage_filter.setCurrentIndex(0)
            index = self.proxy.mapFromSource(self.list_model.index(row, 0))
        self.list_view.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
        )
        self.list_view.scrollTo(index)
        return True

    def _on_current_row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if self._filtering:
            return  # rows come and go under a search: the offer shown stays (see _filter)
        self._show_offer(current.data(OfferIdRole) if current.isValid() else "")

    def _on_selection_changed(self, *_changed) -> None:
        """An offer chosen in the list while the current job is shown opens it, even when its row was
        already the list's current one (focus alone made it current: see eventFilter)."""
        self._update_actions()
        if self._filtering or not self.showing_current_job():
            return
        rows = self.list_view.selectionModel().selectedRows()
        if rows:
            self._show_offer(rows[0].data(OfferIdRole))

    def _on_search_changed(self, text: str) -> None:
        self._filter(lambda: self.proxy.set_search(text))

    def _on_stage_filter_changed(self, _index: int) -> None:
        self._filter(lambda: self.proxy.set_stage(self.stage_filter.currentData()))

    def _filter(self, change) -> None:
        """Apply a search or stage filter without changing the offer shown: when the filter hides it,
        it stays in the editor (nothing is selected in the list); when it shows it again (the search
        is cleared), it is selected again."""
        self._filtering = True
        try:
            change()
        finally:
            self._filtering = False
        selection = self.list_view.selectionModel()
        row = self.list_model.row_of(self._current_id) if self._current_id else -1
        index = self.proxy.mapFromSource(self.list_model.index(row, 0)) if row >= 0 else QModelIndex()
        self._filtering = True  # re-selecting the shown offer is not a change of offer
        try:
            if index.isValid():
                flags = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
                selection.setCurrentIndex(index, flags)
                self.list_view.scrollTo(index)
            else:
                selection.clear()
        finally:
            self._filtering = False
        self._update_actions()

    def _show_offer(self, offer_id: str) -> None:
        if offer_id and not self.workspace.has_offer(offer_id):
            offer_id = ""
        if self.showing_current_job() and offer_id:
            self.job_form.commit_pending()
        self._current_id = offer_id
        if offer_id:
            self._last_offer_id = offer_id
        self.form.set_offer(offer_id or None)
        self._sync_negotiate()
        if offer_id or not self.showing_current_job():
            self.job_entry.setChecked(False)
            self.detail.setCurrentWidget(self.tabs if offer_id else self.no_selection)
        self._update_actions()
        self.offer_selected.emit(offer_id)

    # --- the current job -------------------------------------------------------------------------

    def showing_current_job(self) -> bool:
        return self._job_form is not None and self.detail.currentWidget() is self._job_form

    @property
    def job_form(self):
        """The current job's form (built on first use: a start-up pays only for what it shows)."""
        if self._job_form is None:
            from ui.forms.current_job_form import CurrentJobForm

            self._job_form = CurrentJobForm(self.workspace, self)
            self._job_form.edit_rejected.connect(self._on_saved)
            self.detail.addWidget(self._job_form)
        return self._job_form

    def show_current_job(self) -> None:
        """The current job's form in place of the offer's tabs (no offer is selected meanwhile)."""
        self.form.set_offer(None)  # what was typed in the offer is saved first (or said not saved)
        self._current_id = ""
        self._filtering = True  # clearing the selection is not a change of offer
        try:
            self.list_view.selectionModel().clear()
        finally:
            self._filtering = False
        self.job_entry.setChecked(True)
        self.detail.setCurrentWidget(self.job_form)
        self.job_form.reload()
        self._update_actions()
        self.job_form.focus_first_field()
        self.offer_selected.emit("")

    def _show_tab(self, index: int) -> None:
        """Ctrl+1/2/3: that tab of the offer last shown (from the current job's form too)."""
        if self.showing_current_job():
            offers = self.workspace.offers()
            back = self._last_offer_id if self.workspace.has_offer(self._last_offer_id) else ""
            back = back or (offers[0].id if offers else "")
            if back:
                self.select_offer(back)
        self.tabs.setCurrentIndex(index)

    def _update_job_entry(self) -> None:
        self.job_entry.set_stay(self.workspace.evaluator().stay())
        self._update_actions()

    def copy_company_answer(self) -> None:
        """Edit → Copy the company's answer into the offer (Ctrl+R): as the button by the rounds does."""
        if not self._current_id or self.showing_current_job():
            return
        self.tabs.setCurrentIndex(OFFER_TAB)
        self.form.copy_company_answer()

    def _sync_negotiate(self) -> None:
        """The position and levers follow the shown offer, computed only while their tab is open."""
        if self.tabs.currentIndex() != NEGOTIATE_TAB:
            return
        offer_id = self._current_id or None
        if self.position_panel.offer_id() != offer_id:
            self.position_panel.set_offer(offer_id)
        if self.levers_panel.offer_id() != offer_id:
            self.levers_panel.set_offer(offer_id)

    def _on_offers_reset(self) -> None:
        empty = not self.workspace.offers()
        self.pages.setCurrentWidget(self.empty_state if empty else self.splitter)
        if empty:
            self._show_offer("")
            return
        if self.showing_current_job():
            return  # the job stays in view; the list shows the offers as they are now
        keep = self._current_id if self.workspace.has_offer(self._current_id) else ""
        if not keep:
            keep = self.workspace.offers()[0].id
        self.select_offer(keep)
        self._show_offer(keep)

    # --- commands --------------------------------------------------------------------------------

    def new_offer(self) -> None:
        offer = Offer(company="New company", role="New role", stage="offer")
        if self.workspace.add_offer(offer, "New offer"):
            self.select_offer(offer.id)
            self.tabs.setCurrentIndex(OFFER_TAB)
            self.form.focus_first_field()

    def duplicate_offer(self) -> None:
        ids = self.selected_ids()
        if ids:
            copy = self.workspace.duplicate_offer(ids[0])
            if copy is not None:
                self.select_offer(copy.id)

    def delete_selected(self) -> None:
        ids = self.selected_ids()
        if not ids:
            return
        row = min(self.list_model.row_of(i) for i in ids)
        if self.workspace.delete_offers(ids):
            offers = self.workspace.offers()
            if offers:
                self.select_offer(offers[min(row, len(offers) - 1)].id)

    def load_samples(self) -> None:
        self._import_path(str(sample_offers_path()), samples=True)

    def import_file(self) -> None:
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        path, _ = QFileDialog.getOpenFileName(self, "Import offers", folder, "Offer files (*.json);;All files (*)")
        if path:
            self._import_path(path)

    def _import_path(self, path: str, samples: bool = False) -> None:
        try:
            offer_file = read_offer_file(path)
        except OfferFileError as exc:
            box = QMessageBox(
                QMessageBox.Icon.Warning, "Nothing was imported", breakable_paths(exc.report()), parent=self
            )
            box.setInformativeText("The file was left as it is; no offer was added or changed.")
            box.open()
            return
        settings = self.workspace.settings()
        if samples and not self.workspace.offers():
            display = offer_file.display_currency or settings.display_currency
            settings = settings.model_copy(update={"display_currency": display})
        # the file's current job, scenarios, tax settings and rates, where the user has none yet
        merged, taken = merge_file_parts(settings, offer_file)
        result = self.workspace.import_offers(offer_file.offers)
        if result is not None and merged != self.workspace.settings():
            self.workspace.update_settings(merged, f"Take {', '.join(taken) or 'the settings'} from the file")
        if result is not None and offer_file.offers:
            self.select_offer(offer_file.offers[0].id)

    def export_file(self) -> None:
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        default = str(Path(folder) / "offers.json")
        path, _ = QFileDialog.getSaveFileName(self, "Export offers", default, "Offer files (*.json)")
        if not path:
            return
        try:
            offer_file = self.workspace.store.offer_file(as_of=self.workspace.as_of())
            write_offer_file(offer_file, path)
        except StoreError as exc:
            QMessageBox.warning(self, "Not exported", str(exc))
            return
        except OSError as exc:
            QMessageBox.warning(self, "Not exported", write_problem(path, exc, "the offer file"))
            return
        count = len(offer_file.offers)
        self.statusBar().showMessage(f"Exported {count} offer{'s' if count != 1 else ''} to {path}", 6000)

    def export_brief(self) -> None:
        """The shown offer's negotiation brief as a PDF, in a file the user picks; then "Open it now"."""
        # imported on first use: the PDF code is not needed to start the app
        from app.brief import BriefError, brief_file_name, build_brief
        from ui.pdf.brief_pdf import render_brief_pdf

        offer = self.workspace.offer(self._current_id) if self._current_id else None
        if offer is None:
            return
        as_of = self.workspace.as_of()
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        default = str(Path(folder) / brief_file_name(offer.company, as_of))
        path, _ = QFileDialog.getSaveFileName(self, "Export negotiation brief", default, "PDF documents (*.pdf)")
        if not path:
            return
        if not path.lower().endswith(".pdf"):
            path += ".pdf"
        try:
            brief = build_brief(
                self.workspace.evaluator(), offer.id, as_of=as_of, paper=self.workspace.settings().paper
            )
            written = render_brief_pdf(brief, path)
        except BriefError as exc:
            box = QMessageBox(QMessageBox.Icon.Warning, "Brief not exported", breakable_paths(str(exc)), parent=self)
            box.setTextFormat(Qt.TextFormat.PlainText)  # names the user typed are never read as markup
            box.setInformativeText("Nothing was written. Choose another folder and try again.")
            box.open()
            return
        self.statusBar().showMessage(f"Exported the negotiation brief to {written}", 6000)
        self._brief_path = written
        box = QMessageBox(
            QMessageBox.Icon.Information,
            "Brief exported",
            breakable_paths(f"The negotiation brief for {offer.company} is saved as {written}."),
            parent=self,
        )
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setObjectName("brief-exported")
        self.open_brief_button = box.addButton("&Open it now", QMessageBox.ButtonRole.AcceptRole)
        box.addButton("&Close", QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(self.open_brief_button)
        box.buttonClicked.connect(self._on_brief_box_clicked)
        box.open()

    def _on_brief_box_clicked(self, button: QAbstractButton) -> None:
        box = button.window()
        if isinstance(box, QMessageBox) and box.buttonRole(button) == QMessageBox.ButtonRole.AcceptRole:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self._brief_path)))

    def open_settings(self, tab: str = "general") -> None:
        """Settings, on one of its tabs ("general", "rates", "scenarios", "tax", "rubric")."""
        from ui.settings_dialog import SettingsDialog

        dialog = SettingsDialog(self.workspace.settings(), self, offers=self.workspace.offers(), tab=tab)
        self.settings_dialog = dialog  # the one open (tests and the compare view's buttons reach it)

        def apply() -> None:
            result = dialog.result_settings()
            if result is not None:
                self.workspace.update_settings(result)

        dialog.accepted.connect(apply)
        dialog.open()

    def restore_from_backup(self) -> None:
        """Pick a daily backup; the composition root (ui.main.Session) puts it in place and reopens."""
        path = self.workspace.store.path
        from app.store.backup import list_backups
        from ui.restore_dialog import RestoreDialog

        self._restore_dialog = RestoreDialog(list_backups(path), path, self)
        self._restore_dialog.accepted.connect(self._on_restore_chosen)
        self._restore_dialog.open()

    def _on_restore_chosen(self) -> None:
        chosen = self._restore_dialog.selected_backup()
        if chosen is not None:
            self.restore_requested.emit(str(chosen))

    def show_rubric(self) -> None:
        RubricDialog(self.workspace.settings().active_rubric, self).open()

    def show_about(self) -> None:
        QMessageBox.about(
            self,
            "About Offer Planner",
            f"<h3>Offer Planner {__version__}</h3>"
            "<p>Plan a job offer negotiation: exact offer math, an explainable position rating, levers "
            "inside a plausible budget stretch, and a brief for the call.</p>"
            "<p>Works offline: nothing you type leaves this computer.</p>"
            f"<p>Data file: {escape(breakable_paths(str(self.workspace.store.path)))}<br>Application id: {APP_ID}</p>",
        )

    def _on_saved(self, message: str) -> None:
        self.statusBar().showMessage(message, 6000)

    def _on_failed(self, message: str) -> None:
        self.statusBar().showMessage(f"Not saved: {message}", 10000)
        box = QMessageBox(QMessageBox.Icon.Warning, "Not saved", breakable_paths(message), parent=self)
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setInformativeText(
            "Your edit is still in the window: fix the problem (free some disk space, say) and try again. "
            "Nothing already saved was lost."
        )
        self.retry_button = box.addButton("&Try again", QMessageBox.ButtonRole.AcceptRole)
        box.addButton(QMessageBox.StandardButton.Close)
        box.setDefaultButton(self.retry_button)
        box.buttonClicked.connect(self._on_failed_box_clicked)
        self.failed_box = box
        box.open()

    def _on_failed_box_clicked(self, button) -> None:
        if button is self.retry_button:
            self.form.commit_pending()  # saves the edit still in the form; nothing to do if it is saved

    # --- state -----------------------------------------------------------------------------------

    def _restore_state(self) -> None:
        s = self.ui_settings
        geometry = s.value("window/geometry")
        if isinstance(geometry, QByteArray) and not geometry.isEmpty():
            self.restoreGeometry(geometry)
        else:
            self.resize(1400, 880)
        state = s.value("window/splitter")
        if isinstance(state, QByteArray) and not state.isEmpty():
            self.splitter.restoreState(state)
        else:
            width = self.width()
            self.splitter.setSizes([int(width * LIST_SHARE), width - int(width * LIST_SHARE)])
        tab = s.value("window/tab", OFFER_TAB)
        self.tabs.setCurrentIndex(int(tab) if str(tab).isdigit() else OFFER_TAB)
        last = s.value("window/offer", "")
        if isinstance(last, str) and last and self.workspace.has_offer(last):
            self._current_id = last
        self._start_on_job = str(s.value("window/current_job", "false")).lower() == "true"

    def save_state(self) -> None:
        s = self.ui_settings
        s.setValue("window/geometry", self.saveGeometry())
        s.setValue("window/splitter", self.splitter.saveState())
        s.setValue("window/tab", self.tabs.currentIndex())
        s.setValue("window/offer", self._current_id or self._last_offer_id)
        s.setValue("window/current_job", self.showing_current_job())
        s.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.form.commit_pending()
        if self._job_form is not None:
            self._job_form.commit_pending()
        self.save_state()
        super().closeEvent(event)
