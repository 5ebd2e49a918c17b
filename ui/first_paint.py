"""The window's first paint: the offer list from the stored summaries, before the rest is imported.

Stage one of a two-stage start (ui.main): with only Qt and the standard library loaded, this window
shows what the main window will show at the same place and size — the title, the menus, the list
of offers with their stage and year-1 total, the remembered selection — from one plain `sqlite3`
query (app.summary). Stage two imports the domain (pydantic), the store (sqlite-utils) and the editor,
builds the real window over it and closes this one. Nothing here can change the data file.

What makes it cheap is what it leaves out: no `Qt` namespace and no QStyle (PySide builds their
~100 Python enums, 1,800 members, when first imported, and a model that overrides `headerData`
receives a `Qt.Orientation`), so the header labels come from a small C++ model and the stage is
plain text until the real list draws its badge.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QByteArray,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSettings,
)
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.summary import OfferSummary
from app.words import STAGE_NAMES
from ui.models.list_roles import OfferIdRole

_Index = QModelIndex | QPersistentModelIndex
HEADERS = ("Company", "Role", "Stage", "Year 1 total", "Position")  # as ui.models.offer_list_model
COMPANY, ROLE, STAGE, YEAR_ONE, TIER = range(5)
DISPLAY, TEXT_ALIGNMENT = 0, 7  # Qt::DisplayRole, Qt::TextAlignmentRole
RIGHT_ALIGNED = 0x0002 | 0x0080  # Qt::AlignRight | Qt::AlignVCenter
_ROLES = frozenset((OfferIdRole, DISPLAY, TEXT_ALIGNMENT))


class SummaryListModel(QAbstractTableModel):
    """The stored summaries as the offer list's columns (the position is rated in stage two).

    `money(cents, currency)` writes a year-1 total as the real list does (ui.start passes
    ui.list_money's formatter, or ui.format's when the user's locale isn't remembered)."""

    def __init__(self, summaries: Sequence[OfferSummary], money: Callable[[int, str], str],
                 parent: QObject | None = None):
        super().__init__(parent)
        self._rows = list(summaries)
        self._money = money

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(HEADERS)

    def data(self, index: _Index, role: int = DISPLAY) -> Any:
        if role not in _ROLES:  # most of what a view asks (fonts, colours, icons…): answered first, cheaply
            return None
        if not index.isValid() or not (0 <= index.row() < len(self._rows)):
            return None
        row, column = self._rows[index.row()], index.column()
        if role == OfferIdRole:
            return row.id
        if role == DISPLAY:
            if column == COMPANY:
                return row.company
            if column == ROLE:
                return row.role
            if column == STAGE:
                return STAGE_NAMES.get(row.stage, row.stage)
            if column == YEAR_ONE:
                return self._money(row.year_one_cents, row.currency) if row.year_one_cents is not None else ""
            return ""
        if role == TEXT_ALIGNMENT and column == YEAR_ONE:
            return RIGHT_ALIGNED
        return None

    def row_of(self, offer_id: str) -> int:
        return next((i for i, row in enumerate(self._rows) if row.id == offer_id), -1)


class FirstPaintWindow(QMainWindow):
    """The main window's look, filled from the summaries; `painted` runs once, after the first paint."""

    def __init__(self, title: str, summaries: Sequence[OfferSummary], money: Callable[[int, str], str],
                 settings: QSettings, painted: Callable[[], None] | None = None):
        super().__init__()
        self.setWindowTitle(title)
        self._painted = painted
        self.list_model = SummaryListModel(summaries, money, self)
        self.list_view = QTableView(self)
        self.list_view.setModel(self.list_model)
        self.list_view.setAccessibleName("Offers")
        self.list_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.list_view.verticalHeader().setVisible(False)
        self.list_view.setShowGrid(False)
        self.list_view.setAlternatingRowColors(True)
        self.list_view.setWordWrap(False)
        self.list_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        # the header's labels from a C++ model (a headerData override would import the Qt enums)
        self.header_model = QStandardItemModel(0, len(HEADERS), self)
        for column, text in enumerate(HEADERS):
            item = QStandardItem(text)
            if column == YEAR_ONE:
                item.setData(RIGHT_ALIGNED, TEXT_ALIGNMENT)
            self.header_model.setHorizontalHeaderItem(column, item)
        header = self.list_view.horizontalHeader()
        header.setModel(self.header_model)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(ROLE, QHeaderView.ResizeMode.Stretch)
        metrics = self.fontMetrics()
        for column, sample in (
            (COMPANY, "Kestrel Robotics"),
            (STAGE, "Interviewing__"),
            (YEAR_ONE, "$1,000,000__"),
            (TIER, "Grand slam___"),
        ):
            header.resizeSection(column, metrics.horizontalAdvance(sample) + 16)
        self.list_view.verticalHeader().setDefaultSectionSize(metrics.height() + 12)
        search = QLineEdit(self)
        search.setPlaceholderText("Search company, role, location")
        search.setEnabled(False)
        stage_filter = QComboBox(self)
        stage_filter.addItem("All stages")
        stage_filter.setEnabled(False)
        list_panel = QWidget(self)
        list_layout = QVBoxLayout(list_panel)
        list_layout.setContentsMargins(0, 0, 0, 0)
        filters = QHBoxLayout()
        filters.addWidget(search, 1)
        filters.addWidget(stage_filter)
        list_layout.addLayout(filters)
        list_layout.addWidget(self.list_view)
        self.splitter = QSplitter()  # horizontal, parented below (QSplitter(self) tests for a Qt.Orientation)
        self.splitter.addWidget(list_panel)
        self.splitter.addWidget(QWidget(self))  # the editor's place: built in stage two
        self.splitter.setStretchFactor(1, 3)
        self.splitter.setSizes([560, 880])
        central: QWidget = self.splitter if summaries else QLabel("", self)  # empty state: the real window's
        self.setCentralWidget(central)
        for title_text in ("&File", "&Edit", "&View", "&Help"):
            self.menuBar().addMenu(title_text).setEnabled(False)
        self.statusBar().showMessage("Opening…")
        geometry = settings.value("window/geometry")
        if isinstance(geometry, QByteArray) and not geometry.isEmpty():
            self.restoreGeometry(geometry)
        else:
            self.resize(1400, 880)
        state = settings.value("window/splitter")
        if isinstance(state, QByteArray) and not state.isEmpty():
            self.splitter.restoreState(state)
        last = settings.value("window/offer", "")
        row = self.list_model.row_of(last) if isinstance(last, str) and last else -1
        if summaries:
            row = max(row, 0)
            self.list_view.selectRow(row)
            self.list_view.scrollTo(self.list_model.index(row, 0))
        central.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and self._painted is not None:
            painted, self._painted = self._painted, None
            painted()  # (it only schedules stage two: this paint finishes first)
        return False
