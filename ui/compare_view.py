"""The compare view: pick offers, see them side by side in a table and two charts, in one currency.

Everything shown is built by `app.comparison` from the workspace's evaluator; this widget only picks
which offers go in, keeps the user's choices across changes, and hands the result to a table model
and two chart widgets.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListView,
    QListWidget,
    QListWidgetItem,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.comparison import Comparison, comparison_for
from app.position import OFFER_STAGES
from ui.charts.chart_widget import ChartWidget
from ui.models.comparison_model import (
    FIRST_OFFER_COLUMN,
    LABEL_COLUMN,
    ComparisonFilterProxy,
    ComparisonTableModel,
)
from ui.workspace import Workspace

PICK_NOTE = "Pick two or more offers to compare."
_ID_ROLE = Qt.ItemDataRole.UserRole
DEFAULT_PICKS = 4  # offers picked for comparison when the view first fills
MAX_AUTO_PICKS = 8  # a new offer in hand joins the comparison while fewer than this are picked


class CompareView(QWidget):
    """Offers side by side: a checkable list of offers, a baseline, the table and the charts."""

    def __init__(self, workspace: Workspace, parent: QWidget | None = None):
        super().__init__(parent)
        self.workspace = workspace
        self._seen: set[str] = set()  # offers the list has shown (new ones get the default check)
        self._checked: set[str] = set()
        self._baseline_id: str | None = None
        self._comparison: Comparison | None = None
        self._sized = False  # the table/chart split is set once, when first shown

        self.offer_list = QListWidget()
        self.offer_list.setAccessibleName("Offers to compare")
        self.offer_list.setAccessibleDescription("Check two or more offers to see them side by side.")
        self.offer_list.setFlow(QListView.Flow.LeftToRight)
        self.offer_list.setWrapping(True)
        self.offer_list.setResizeMode(QListView.ResizeMode.Adjust)
        self.offer_list.setSpacing(3)
        self.offer_list.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.offer_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.offer_list.itemChanged.connect(self._on_offer_checked)
        offers_label = QLabel("&Offers to compare:")
        offers_label.setBuddy(self.offer_list)

        self.baseline_combo = QComboBox()
        self.baseline_combo.setAccessibleName("Baseline offer")
        self.baseline_combo.setToolTip("Differences are measured against this offer.")
        self.baseline_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.baseline_combo.currentIndexChanged.connect(self._on_baseline_chosen)
        baseline_label = QLabel("&Baseline:")
        baseline_label.setBuddy(self.baseline_combo)

        self.show_differences_check = QCheckBox("Show &differences from the baseline")
        self.show_differences_check.setAccessibleName("Show differences from the baseline")
        self.show_differences_check.setToolTip("Other offers' cells show how much more or less than the baseline.")
        self.show_differences_check.toggled.connect(self._on_show_differences_toggled)

        self.differences_only_check = QCheckBox("Differences o&nly")
        self.differences_only_check.setAccessibleName("Differences only")
        self.differences_only_check.setToolTip("Hide rows where every offer has the same figure.")
        self.differences_only_check.toggled.connect(self._on_differences_only_toggled)

        self.pick_note = QLabel(PICK_NOTE)
        self.pick_note.setAccessibleName("Note")
        self.pick_note.setWordWrap(True)
        self.rate_note = QLabel()
        self.rate_note.setAccessibleName("Exchange rate note")
        self.rate_note.setWordWrap(True)

        self.model = ComparisonTableModel(parent=self)
        self.proxy = ComparisonFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setAccessibleName("Comparison table")
        self.table.setAccessibleDescription(
            "Figures as rows, offers as columns. The best figure of a row is starred and bold."
        )
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.table.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setHighlightSections(False)
        header.setMaximumSectionSize(420)
        header.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.model.set_palette(self.table.palette())

        self.bars_chart = ChartWidget("stacked_bars")
        self.lines_chart = ChartWidget("cumulative_lines")
        self.charts = QSplitter(Qt.Orientation.Horizontal)
        self.charts.setChildrenCollapsible(False)
        self.charts.addWidget(self.bars_chart)
        self.charts.addWidget(self.lines_chart)
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(self.table)
        self.splitter.addWidget(self.charts)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 1)

        picks = QHBoxLayout()
        picks.addWidget(offers_label, 0, Qt.AlignmentFlag.AlignTop)
        picks.addWidget(self.offer_list, 1)
        options = QHBoxLayout()
        options.addWidget(baseline_label)
        options.addWidget(self.baseline_combo)
        options.addSpacing(16)
        options.addWidget(self.show_differences_check)
        options.addSpacing(16)
        options.addWidget(self.differences_only_check)
        options.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(picks)
        layout.addLayout(options)
        layout.addWidget(self.pick_note)
        layout.addWidget(self.rate_note)
        layout.addWidget(self.splitter, 1)
        self.setAccessibleName("Compare offers")

        workspace.offers_reset.connect(self._on_workspace_changed)
        workspace.settings_changed.connect(self._on_workspace_changed)
        workspace.evaluations_changed.connect(self._on_workspace_changed)
        # embedded in a window, the view is built when its tab is first shown (start-up pays nothing);
        # on its own it is built at once
        self._stale = True
        if parent is None:
            self._refresh()

    # --- reading -----------------------------------------------------------------------------------

    def comparison(self) -> Comparison | None:
        self._ensure_built()
        return self._comparison

    def checked_ids(self) -> list[str]:
        """The offers picked, in the workspace's order."""
        self._ensure_built()
        return self._picked()

    def _picked(self) -> list[str]:
        return [o.id for o in self.workspace.offers() if o.id in self._checked]

    def _ensure_built(self) -> None:
        """A hidden view builds on demand when asked what it shows."""
        if self._stale:
            self._refresh()

    def set_checked(self, offer_ids: list[str]) -> None:
        if self._stale:
            self._sync_offer_list()  # first fill, so the defaults don't add to this choice later
        self._checked = set(offer_ids)
        self._refresh()

    def _refresh(self) -> None:
        self._stale = False
        self._sync_offer_list()
        self._rebuild()

    # --- handlers ----------------------------------------------------------------------------------

    def _on_workspace_changed(self) -> None:
        if not self.isVisible() and self.window().isVisible():
            self._stale = True  # on a hidden tab of a shown window: rebuilt when shown again
        else:
            self._refresh()

    def _on_offer_checked(self, item: QListWidgetItem) -> None:
        offer_id = item.data(_ID_ROLE)
        if item.checkState() == Qt.CheckState.Checked:
            self._checked.add(offer_id)
        else:
            self._checked.discard(offer_id)
        self._rebuild()

    def _on_baseline_chosen(self, index: int) -> None:
        if index >= 0:
            self._baseline_id = self.baseline_combo.itemData(index)
            self._rebuild()

    def _on_show_differences_toggled(self, on: bool) -> None:
        self.model.set_show_differences(on)
        self._fit_columns()

    def _on_differences_only_toggled(self, on: bool) -> None:
        self.proxy.set_differences_only(on)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.PaletteChange:
            self.model.set_palette(self.table.palette())
        super().changeEvent(event)

    # --- building ----------------------------------------------------------------------------------

    def _sync_offer_list(self) -> None:
        """Mirror the workspace's offers in the list, keeping the user's checks; new offers get defaults."""
        offers = self.workspace.offers()
        new = [o for o in offers if o.id not in self._seen]
        if new:
            first_fill = not self._seen
            in_hand = [o.id for o in new if o.stage in OFFER_STAGES]
            if first_fill and len(in_hand) < 2:
                in_hand = [o.id for o in offers[:2]]
            # pick offers in hand by default, but only a handful: a comparison of hundreds of columns
            # helps nobody (and an import of a thousand offers must not make every edit slow)
            room = max(0, (DEFAULT_PICKS if first_fill else MAX_AUTO_PICKS) - len(self._checked))
            self._checked.update(in_hand[:room])
            self._seen.update(o.id for o in new)
        present = {o.id for o in offers}
        self._checked &= present
        self.offer_list.blockSignals(True)
        try:
            self.offer_list.clear()
            for offer in offers:
                item = QListWidgetItem(f"{offer.company} · {offer.stage}")
                item.setData(_ID_ROLE, offer.id)
                item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
                item.setCheckState(Qt.CheckState.Checked if offer.id in self._checked else Qt.CheckState.Unchecked)
                item.setToolTip(f"{offer.company}, {offer.role} ({offer.stage}, {offer.currency})")
                item.setData(Qt.ItemDataRole.AccessibleTextRole, f"{offer.company}, {offer.role}, {offer.stage}")
                self.offer_list.addItem(item)
        finally:
            self.offer_list.blockSignals(False)
        self._fit_offer_list()

    def _fit_offer_list(self) -> None:
        """Tall enough for the wrapped items (at most three lines, then it scrolls)."""
        line = self.offer_list.sizeHintForRow(0) if self.offer_list.count() else self.fontMetrics().height()
        self.offer_list.setFixedHeight(min(3, max(1, self._offer_lines())) * (line + 8) + 6)

    def _offer_lines(self) -> int:
        width = max(1, self.offer_list.viewport().width())
        lines, used = 1, 0
        for row in range(self.offer_list.count()):
            if lines > 3:
                break  # three lines show; the rest scrolls
            # generous per item (spacing, check box, frame): a line too many beats a clipped one
            item_width = self.offer_list.sizeHintForIndex(self.offer_list.model().index(row, 0)).width() + 28
            if used and used + item_width > width:
                lines, used = lines + 1, 0
            used += item_width
        return lines

    def _rebuild(self) -> None:
        ids = self._picked()
        settings = self.workspace.settings()
        comparison = comparison_for(self.workspace.evaluator(), ids, self._baseline_id)
        self._comparison = comparison
        if comparison.baseline is not None:
            self._baseline_id = comparison.baseline.offer_id
        self.model.set_comparison(comparison)
        self._fill_baseline_combo(comparison)
        left_out = [c.company for c in comparison.unconverted]
        self.bars_chart.set_data(comparison.series, settings.display_currency, left_out)
        self.lines_chart.set_data(comparison.series, settings.display_currency, left_out)

        self.pick_note.setVisible(len(ids) < 2)
        notes = [
            f"{c.company} is shown in {c.currency}: add a {c.currency} rate in Settings to compare it."
            for c in comparison.unconverted
        ]
        self.rate_note.setText(" ".join(notes))
        self.rate_note.setVisible(bool(notes))
        self._fit_columns()

    def _fill_baseline_combo(self, comparison: Comparison) -> None:
        combo = self.baseline_combo
        combo.blockSignals(True)
        try:
            combo.clear()
            for column in comparison.columns:
                if column.converted:
                    combo.addItem(f"Stay: {column.company}" if column.is_stay else column.company, column.offer_id)
            if comparison.baseline_index is not None:
                combo.setCurrentIndex(combo.findData(comparison.columns[comparison.baseline_index].offer_id))
            combo.setEnabled(combo.count() > 1)
        finally:
            combo.blockSignals(False)
        self.show_differences_check.setEnabled(combo.count() > 1)

    def _fit_columns(self) -> None:
        """Fit the figures' names; give every offer the same width, so the eye scans straight across.

        Measured again only when the columns (or the display mode) change, not on every edit.
        """
        shape = (
            self.model.columnCount(),
            self.model.show_differences(),
            tuple(str(self.model.headerData(c, Qt.Orientation.Horizontal)) for c in range(self.model.columnCount())),
        )
        if shape == getattr(self, "_fitted_shape", None):
            return
        self._fitted_shape = shape
        self.table.resizeColumnsToContents()
        header = self.table.horizontalHeader()
        count = self.model.columnCount()
        if count > LABEL_COLUMN:
            header.resizeSection(LABEL_COLUMN, header.sectionSize(LABEL_COLUMN) + 12)
        offer_columns = range(FIRST_OFFER_COLUMN, count)
        if offer_columns:
            # width from the figures and the company names, not the (long) roles: headers elide those
            metrics = header.fontMetrics()
            names = [
                metrics.horizontalAdvance(str(self.model.headerData(c, Qt.Orientation.Horizontal)).split("\n")[0])
                for c in offer_columns
            ]
            width = max(max(self.table.sizeHintForColumn(c) for c in offer_columns), max(names) + 16) + 16
            for column in offer_columns:
                header.resizeSection(column, width)

    def _share_height(self) -> None:
        """Give the table the rows it needs (up to 60 % of the height); the charts get the rest."""
        total = sum(self.splitter.sizes())
        if total <= 0:
            return
        rows = self.proxy.rowCount()
        needed = self.table.horizontalHeader().height() + rows * self.table.verticalHeader().defaultSectionSize()
        needed += 2 * self.table.frameWidth() + 2
        table = min(needed, int(total * 0.6), total - self.charts.minimumSizeHint().height())
        self.splitter.setSizes([table, total - table])

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self._refresh()
        self._fit_offer_list()
        if not self._sized:
            self._sized = True
            self._share_height()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_offer_list()
