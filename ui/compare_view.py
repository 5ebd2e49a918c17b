"""The compare view: pick offers, see them side by side in a table and two charts, in one currency.

Everything shown is built by `app.comparison` from the workspace's evaluator; this widget only picks
which offers go in, keeps the user's choices across changes, and hands the result to a table model
and two chart widgets.

The table fits what it shows, from two offers to six and from 1280×720 up: the figures' names stay
at the left edge while the offers scroll sideways (`FrozenColumnTable`); the offers share the width
left, each at least as wide as its widest figure; each header has the company on one line and the
role on a second (the whole text in its tooltip); differences to the baseline sit under each value
in the same cell. The charts keep a legible height and fold away with one button.

To add a switch (after tax, say): put its check box in `options` with `add_option`, keep its state
here, and pass it to `comparison_for` in `_rebuild`; the table and the charts follow the Comparison.

Format 2 adds, from `app/`:
- the **Stay** column (the current job), first, and the baseline unless the user picks another: the
  question is "should I leave?". Without a current job a note says how to add one
  (`current_job_requested`).
- **Scenarios**: the scenario rows and each column's range over them in the table, and a second
  chart tab, "Share-price growth": each column's horizon total against growth (`app.scenario_compare.
  growth_chart`) beside the break-even lines between the baseline and each other column
  (`break_even_lines`), worked out when that tab is shown.
- **Rates**: a column without a rate is flagged in its header and a note says which rate is missing,
  with a button to the rates in Settings (`settings_requested`).

**After tax** (issue 16): a switch in the options row rebuilds everything — the table, the pay charts,
the growth chart and the break-even lines — from `comparison_for(..., after_tax=True)`; no tax is
worked out here. The estimate's labels (`Comparison.tax_notes`: "estimate, 2026 rules, single filer,
this pay as the only income", what is not taxed, assumptions, conversions, why a column has no figure)
sit right above the table while the switch is on, with a button to the tax year and filing status in
Settings; a column without an estimate says why in its cells instead of a number.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, QPersistentModelIndex, QRect, QSize, Qt, Signal
from PySide6.QtGui import QFont, QFontMetrics, QPainter, QPalette, QResizeEvent, QShowEvent
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
    QPushButton,
    QScrollArea,
    QSplitter,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app.comparison import Column, Comparison, comparison_for
from app.compensation import CURRENT_JOB_ID
from app.position import OFFER_STAGES
from app.scenario_compare import STAY_GROWTH_NOTE, break_even_lines, growth_chart, scenario_growths
from app.words import STAGE_NAMES
from ui import format as fmt
from ui.charts.chart_widget import ChartWidget
from ui.models.comparison_model import (
    FIRST_OFFER_COLUMN,
    LABEL_COLUMN,
    ComparisonFilterProxy,
    ComparisonTableModel,
    DifferenceTextRole,
    HeaderDetailRole,
    HeaderTitleRole,
    LetterRole,
)
from ui.widgets.frozen_table import FrozenColumnTable, TwoLineHeader
from ui.workspace import Workspace

_Index = QModelIndex | QPersistentModelIndex
CELL_PADDING = 10  # each side of a figure
CHARTS_MIN_HEIGHT = 250  # below this a chart's plot area is too short to read

PICK_NOTE = "Pick two or more offers to compare."
STAY_NOTE = "Add your current job to compare with staying."
PAY_CHARTS_TAB, GROWTH_TAB = 0, 1
_ID_ROLE = Qt.ItemDataRole.UserRole
DEFAULT_PICKS = 4  # offers picked for comparison when the view first fills
MAX_AUTO_PICKS = 8  # a new offer in hand joins the comparison while fewer than this are picked


class CompareView(QWidget):
    """Offers side by side: a checkable list of offers, a baseline, the table and the charts."""

    settings_requested = Signal(str)  # the user asked for a part of Settings ("rates")
    current_job_requested = Signal()  # the user asked to enter their current job

    def __init__(self, workspace: Workspace, parent: QWidget | None = None):
        super().__init__(parent)
        self.workspace = workspace
        self._seen: set[str] = set()  # offers the list has shown (new ones get the default check)
        self._checked: set[str] = set()
        self._baseline_id: str | None = None
        self._baseline_picked = False  # the user chose the baseline (else Stay, when there is one)
        self._after_tax = False  # the "After tax" switch
        self._comparison: Comparison | None = None
        self._growth_stale = True  # the growth tab is worked out when shown
        # each offer column's widest cell (model column → pixels), measured once per figure shown:
        # an edit re-measures the columns whose cells changed, not the table
        self._widths: dict[int, int] = {}
        self._label_width: int | None = None
        self._listed: list[tuple[str, str, str, str, str, bool]] = []  # the offer list's items as built
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

        # short: the baseline is named right beside it, and the row must leave the offer list its width
        self.show_differences_check = QCheckBox("Show &differences")
        self.show_differences_check.setAccessibleName("Show differences from the baseline")
        self.show_differences_check.setToolTip("Other offers' cells show how much more or less than the baseline.")
        self.show_differences_check.toggled.connect(self._on_show_differences_toggled)

        self.differences_only_check = QCheckBox("Differences o&nly")
        self.differences_only_check.setAccessibleName("Differences only")
        self.differences_only_check.setToolTip("Hide rows where every offer has the same figure.")
        self.differences_only_check.toggled.connect(self._on_differences_only_toggled)

        self.after_tax_check = QCheckBox("After &tax")
        self.after_tax_check.setAccessibleName("After tax")
        self.after_tax_check.setToolTip(
            "Every figure and chart after the estimated income tax and social contributions of each offer's "
            "tax region (set in the offer; the tax year and filing status in Settings)."
        )
        self.after_tax_check.toggled.connect(self._on_after_tax_toggled)
        self.tax_note = QLabel()
        self.tax_note.setAccessibleName("What the after-tax figures are")
        self.tax_note.setWordWrap(True)
        self.tax_note.setTextFormat(Qt.TextFormat.PlainText)
        self.tax_note.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.tax_more = QToolButton()
        self.tax_more.setCheckable(True)
        self.tax_more.setAccessibleName("All the after-tax notes")
        self.tax_more.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.tax_more.toggled.connect(self._show_tax_notes)
        self.tax_button = QPushButton("Tax &year and filing status…")
        self.tax_button.setAccessibleName("Tax year and filing status in Settings")
        self.tax_button.setToolTip("Settings → After tax: the rules' year and the filing status")
        self.tax_button.clicked.connect(lambda: self.settings_requested.emit("tax"))

        self.pick_note = QLabel(PICK_NOTE)
        self.pick_note.setAccessibleName("Note")
        self.pick_note.setWordWrap(True)
        self.rate_note = QLabel()
        self.rate_note.setAccessibleName("Exchange rate note")
        self.rate_note.setWordWrap(True)
        self.rates_button = QPushButton("Add &rates in Settings…")
        self.rates_button.setAccessibleName("Add exchange rates in Settings")
        self.rates_button.setToolTip("Settings → Exchange rates: type a rate, or accept the ECB's reference rate")
        self.rates_button.clicked.connect(lambda: self.settings_requested.emit("rates"))
        self.stay_note = QLabel(STAY_NOTE)
        self.stay_note.setAccessibleName("Current job note")
        self.stay_note.setWordWrap(True)
        self.stay_button = QPushButton("Add your current &job…")
        self.stay_button.setAccessibleName("Add your current job")
        self.stay_button.setToolTip("What staying pays becomes the Stay column, the baseline of every offer")
        self.stay_button.clicked.connect(self.current_job_requested.emit)

        self.model = ComparisonTableModel(parent=self)
        self.proxy = ComparisonFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.table = FrozenColumnTable()
        header = TwoLineHeader(HeaderTitleRole, HeaderDetailRole, LetterRole, self.table)
        self.table.setHorizontalHeader(header)
        self.table.setModel(self.proxy)
        self.delegate = FigureDelegate(self.table)
        self.table.setItemDelegate(self.delegate)
        self.table.viewport_resized.connect(lambda: self._fit_columns())
        self.table.setAccessibleName("Comparison table")
        self.table.setAccessibleDescription(
            "Figures as rows, offers as columns. The best figure of a row is starred and bold."
        )
        for view in (self.table, self.table.frozen):
            view.setAlternatingRowColors(True)
            view.setWordWrap(False)
            view.verticalHeader().hide()
            view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
            view.setTextElideMode(Qt.TextElideMode.ElideRight)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header.setMinimumSectionSize(40)
        self.model.set_palette(self.table.palette())

        self.bars_chart = ChartWidget("stacked_bars")
        self.lines_chart = ChartWidget("cumulative_lines")
        self.pay_charts = QSplitter(Qt.Orientation.Horizontal)
        self.pay_charts.setChildrenCollapsible(False)
        self.pay_charts.addWidget(self.bars_chart)
        self.pay_charts.addWidget(self.lines_chart)
        self.growth_chart = ChartWidget("growth_lines")
        self.break_even_label = QLabel()
        self.break_even_label.setAccessibleName("Break-even growth")
        self.break_even_label.setWordWrap(True)
        self.break_even_label.setTextFormat(Qt.TextFormat.PlainText)
        self.break_even_label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.break_even_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.break_even_label.setContentsMargins(8, 6, 8, 6)
        break_even_scroll = QScrollArea()
        break_even_scroll.setWidgetResizable(True)
        break_even_scroll.setWidget(self.break_even_label)
        break_even_scroll.setMinimumWidth(260)
        self.growth_page = QSplitter(Qt.Orientation.Horizontal)
        self.growth_page.setChildrenCollapsible(False)
        self.growth_page.addWidget(self.growth_chart)
        self.growth_page.addWidget(break_even_scroll)
        self.growth_page.setStretchFactor(0, 3)
        self.growth_page.setStretchFactor(1, 2)
        self.growth_page.setSizes([600, 400])  # the sentences get room to be read, not a ribbon
        self.charts = QTabWidget()
        self.charts.setDocumentMode(True)
        self.charts.addTab(self.pay_charts, "&Pay per year")
        self.charts.addTab(self.growth_page, "Share-price &growth")
        self.charts.setAccessibleName("Charts")
        # a legible plot under the tab bar
        self.charts.setMinimumHeight(CHARTS_MIN_HEIGHT + self.charts.tabBar().sizeHint().height())
        self.charts.currentChanged.connect(self._on_chart_tab_changed)
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(self.table)
        self.splitter.addWidget(self.charts)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 1)

        self.charts_button = QToolButton()
        self.charts_button.setText("Hide c&harts")
        self.charts_button.setCheckable(True)
        self.charts_button.setChecked(True)
        self.charts_button.setAccessibleName("Charts")
        self.charts_button.setToolTip("Show or hide the charts under the table")
        self.charts_button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.charts_button.toggled.connect(self._on_charts_toggled)

        picks = QHBoxLayout()
        picks.addWidget(offers_label, 0, Qt.AlignmentFlag.AlignTop)
        picks.addWidget(self.offer_list, 1)
        self.options = QHBoxLayout()
        self.options.addWidget(baseline_label)
        self.options.addWidget(self.baseline_combo)
        self.options.addStretch(1)
        self.options.addWidget(self.charts_button)
        self.add_option(self.show_differences_check)
        self.add_option(self.differences_only_check)
        self.add_option(self.after_tax_check)
        layout = QVBoxLayout(self)
        layout.addLayout(picks)
        layout.addLayout(self.options)
        layout.addWidget(self.pick_note)
        layout.addLayout(_note_row(self.rate_note, self.rates_button))
        layout.addLayout(_note_row(self.stay_note, self.stay_button))
        tax_row = _note_row(self.tax_note, self.tax_button)
        tax_row.insertWidget(1, self.tax_more, 0, Qt.AlignmentFlag.AlignTop)
        self.tax_more.hide()
        layout.addLayout(tax_row)
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
            self._baseline_picked = True
            self._rebuild()

    def _on_chart_tab_changed(self, index: int) -> None:
        if index == GROWTH_TAB and self._growth_stale:
            self._fill_growth()

    def add_option(self, widget: QWidget) -> None:
        """A switch in the options row (after the ones there, before the charts button)."""
        index = self.options.count() - 2
        self.options.insertSpacing(index, 16)
        self.options.insertWidget(index + 1, widget)

    def _on_show_differences_toggled(self, on: bool) -> None:
        self.model.set_show_differences(on)
        self._fit_columns(remeasure=True)

    def _on_charts_toggled(self, shown: bool) -> None:
        self.charts.setVisible(shown)
        self.charts_button.setText("Hide c&harts" if shown else "Show c&harts")

    def _on_differences_only_toggled(self, on: bool) -> None:
        self.proxy.set_differences_only(on)
        self._fit_columns(remeasure=True)  # the widest cells may be in rows now hidden or shown

    def _show_tax_notes(self) -> None:
        """After tax, what the figures are: the first note (the estimate's label, naming its columns when
        they differ) in one line, every note a click away (and in the tooltip), so the table keeps its
        rows at 1280×720."""
        comparison = self._comparison
        notes = comparison.tax_notes if comparison is not None else ()
        shown = bool(notes)
        self.tax_note.setVisible(shown)
        self.tax_button.setVisible(shown)
        self.tax_more.setVisible(len(notes) > 1)
        if not shown:
            return
        expanded = self.tax_more.isChecked()
        self.tax_note.setText("\n".join(notes) if expanded else notes[0])
        self.tax_note.setToolTip("\n".join(notes))
        self.tax_more.setText(
            "Fewer notes" if expanded else f"{len(notes) - 1} more note{'s' if len(notes) > 2 else ''}…"
        )
        self.tax_more.setToolTip("Show only the estimate's label" if expanded else "\n".join(notes[1:]))

    def _on_after_tax_toggled(self, on: bool) -> None:
        self._after_tax = on
        self._rebuild()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.PaletteChange:
            self.model.set_palette(self.table.palette())
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self._fit_columns(remeasure=True)

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
        listed = [(o.id, o.company, o.role, o.stage, o.currency, o.id in self._checked) for o in offers]
        if listed == self._listed:
            return  # an edit of pay: the list reads as it did (rebuilding it re-lays out the view)
        self._listed = listed
        self.offer_list.blockSignals(True)
        try:
            self.offer_list.clear()
            for offer in offers:
                stage = STAGE_NAMES.get(offer.stage, offer.stage)
                item = QListWidgetItem(f"{offer.company} · {stage}")
                item.setData(_ID_ROLE, offer.id)
                item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
                item.setCheckState(Qt.CheckState.Checked if offer.id in self._checked else Qt.CheckState.Unchecked)
                item.setToolTip(f"{offer.company}, {offer.role} ({stage}, {offer.currency})")
                item.setData(Qt.ItemDataRole.AccessibleTextRole, f"{offer.company}, {offer.role}, {stage}")
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
        evaluator = self.workspace.evaluator()
        has_stay = settings.current_job is not None
        baseline_id = self._baseline_id
        if has_stay and (not self._baseline_picked or baseline_id is None):
            baseline_id = CURRENT_JOB_ID  # "should I leave?": every offer measured against staying
        if baseline_id not in {*ids, *([CURRENT_JOB_ID] if has_stay else [])}:
            baseline_id = None  # unticked, deleted, or no job any more: the first offer, never no baseline
        after_tax = self._after_tax
        if after_tax and baseline_id == CURRENT_JOB_ID and not self._baseline_picked:
            staying = evaluator.stay_after_tax()
            if staying is not None and not staying.available:
                baseline_id = None  # staying has no after-tax figure to measure against: the first offer that has
        comparison = comparison_for(evaluator, ids, baseline_id, after_tax=after_tax)
        self._comparison = comparison
        if comparison.baseline is not None:
            self._baseline_id = comparison.baseline.offer_id
        changed = self.model.set_comparison(comparison, scenario_growths(evaluator, ids))
        if changed is None:
            self._widths.clear()
            self._label_width = None
        else:
            for column in changed:
                self._widths.pop(column, None)
        self.model.set_rates_caption(*self._rates_caption(comparison))
        self._fill_baseline_combo(comparison)
        left_out = [_column_name(c) for c in comparison.unconverted]
        no_estimate = [_column_name(c) for c, _why in comparison.untaxed if c.converted]
        title_note = "after tax, estimate" if after_tax else ""
        for chart in (self.bars_chart, self.lines_chart):
            chart.set_data(comparison.series, settings.display_currency, left_out, no_estimate, comparison.part_labels)
            chart.set_title_note(title_note)
        self.growth_chart.set_title_note(title_note)
        self._show_tax_notes()
        self._growth_stale = True
        if self.charts.currentIndex() == GROWTH_TAB:
            self._fill_growth()

        self.pick_note.setVisible(len(ids) < 2)
        notes = [
            f"{'Stay at ' + c.company if c.is_stay else c.company} is shown in {c.currency}: "
            f"add a {c.currency} rate in Settings to compare it."
            for c in comparison.unconverted
        ]
        self.rate_note.setText(" ".join(notes))
        self.rate_note.setVisible(bool(notes))
        self.rates_button.setVisible(bool(notes))
        self.stay_note.setVisible(not has_stay)
        self.stay_button.setVisible(not has_stay and self._job_form_reachable())
        self._fit_columns()

    def _rates_caption(self, comparison: Comparison) -> tuple[str, str]:
        """Beside converted figures, the day of the rates that converted them (the spec's fx_as_of)."""
        settings = self.workspace.settings()
        converted = [c for c in comparison.columns if c.converted and c.offer_currency != comparison.display_currency]
        if not converted:
            return "", ""
        day = settings.fx_as_of
        caption = f"rates of {fmt.day(day)}" if day is not None else "rates undated"
        names = ", ".join(sorted({c.offer_currency for c in converted}))
        words = (
            f"Figures in {names} are converted into {comparison.display_currency} with the exchange rates in "
            f"Settings (quoted in {settings.base_currency}"
            + (f", from {fmt.day_long(day)})." if day is not None else "; they have no date).")
        )
        return caption, words

    def _job_form_reachable(self) -> bool:
        """The button to the current job's form shows only where a window answers it (never a dead end)."""
        meta = self.metaObject()
        return self.isSignalConnected(meta.method(meta.indexOfSignal("current_job_requested()")))

    def _fill_growth(self) -> None:
        """The growth chart and the break-even lines of the comparison shown (a few hundred growth totals:
        worked out only while their tab is shown)."""
        comparison = self._comparison
        if comparison is None:
            return
        self._growth_stale = False
        evaluator = self.workspace.evaluator()
        self.growth_chart.set_growth(growth_chart(evaluator, comparison))
        baseline = comparison.baseline
        if baseline is None or len(comparison.columns) < 2:
            self.break_even_label.setText("Pick two or more offers to see where their totals meet.")
            return
        against = f"staying at {baseline.company}" if baseline.is_stay else baseline.company
        head = f"Break-even growth{' after tax' if comparison.after_tax else ''} against {against} (the baseline)"
        lines = [f"• {line.sentence}" for line in break_even_lines(evaluator, comparison)]
        if not lines:
            lines = ["• No other column can be compared: an exchange rate is missing."]
        if comparison.stay_index is not None and comparison.columns[comparison.stay_index].converted:
            lines.append(STAY_GROWTH_NOTE)
        self.break_even_label.setText("\n\n".join([head, *lines]))

    def growth_text(self) -> str:
        """The break-even lines as shown (worked out now if their tab has not been shown yet)."""
        self._ensure_built()
        if self._growth_stale:
            self._fill_growth()
        return self.break_even_label.text()

    def _fill_baseline_combo(self, comparison: Comparison) -> None:
        combo = self.baseline_combo
        items = [
            (f"Stay at {column.company}" if column.is_stay else column.company, column.offer_id)
            for column in comparison.columns
            if column.converted
        ]
        shown = [(combo.itemText(i), combo.itemData(i)) for i in range(combo.count())]
        combo.blockSignals(True)
        try:
            if items != shown:  # refilled only when it changes: the combo sizes itself to its items
                combo.clear()
                for text, offer_id in items:
                    combo.addItem(text, offer_id)
            if comparison.baseline_index is not None:
                combo.setCurrentIndex(combo.findData(comparison.columns[comparison.baseline_index].offer_id))
            combo.setEnabled(combo.count() > 1)
        finally:
            combo.blockSignals(False)
        self.show_differences_check.setEnabled(combo.count() > 1)

    def _fit_columns(self, *, remeasure: bool = False) -> None:
        """The names of the figures at their width (at most a third of the table); the offers share
        what is left, each at least as wide as its widest figure and its company's name, all the same
        width so the eye scans straight across. Narrower than that, the offers scroll sideways under
        the names.

        Each column is measured once for what it shows (`_widths`): a resize measures nothing, an edit
        only the columns whose cells changed; `remeasure` (other rows shown, another font) all."""
        if remeasure:
            self._widths.clear()
            self._label_width = None
        count = self.model.columnCount()
        header = self.table.horizontalHeader()
        row_height = self.delegate.row_height(self.model.show_differences())
        if row_height != self.table.verticalHeader().defaultSectionSize():
            self.table.set_row_height(row_height)
        if count <= LABEL_COLUMN:
            return
        view_width = max(1, self.table.viewport().width())
        if self._label_width is None:
            self._label_width = self.table.sizeHintForColumn(LABEL_COLUMN) + 8
        labels = max(min(self._label_width, view_width // 3), min(160, view_width // 2))
        if labels != self.table.label_width():
            self.table.set_label_width(labels)
        offers = range(FIRST_OFFER_COLUMN, count)
        if not offers:
            return
        for column in offers:
            if column not in self._widths:
                self._widths[column] = max(self._figure_width(column), header.section_width_hint(column))
        needed = max(self._widths[c] for c in offers)
        share = (view_width - labels) // len(offers)
        width = max(needed, share)
        for column in offers:
            if header.sectionSize(column) != width:
                header.resizeSection(column, width)

    def _figure_width(self, column: int) -> int:
        """The widest cell of an offer column as the delegate draws it (value and difference)."""
        widest = 0
        for row in range(self.proxy.rowCount()):
            index = self.proxy.index(row, column)
            widest = max(widest, self.delegate.text_width(index))
        return widest + 2 * CELL_PADDING

    def _share_height(self) -> None:
        """Give the table the rows it needs, leaving the charts a legible height; the table scrolls
        (its header and the figures' names stay) when the window is short."""
        total = sum(self.splitter.sizes())
        if total <= 0:
            return
        rows = self.proxy.rowCount()
        needed = self.table.horizontalHeader().height() + rows * self.table.verticalHeader().defaultSectionSize()
        needed += 2 * self.table.frameWidth() + self.table.horizontalScrollBar().sizeHint().height() + 2
        charts = max(CHARTS_MIN_HEIGHT, int(total * 0.4))
        table = max(min(needed, total - charts), min(needed, 160))
        self.splitter.setSizes([table, max(0, total - table)])

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


def _column_name(column: Column) -> str:
    """A column as a note names it: the company, or "Stay at <the current job>"."""
    return f"Stay at {column.company}" if column.is_stay else column.company


def _note_row(note: QLabel, button: QPushButton) -> QHBoxLayout:
    """A note and the button that acts on it, side by side (both hidden until there is something to say)."""
    row = QHBoxLayout()
    row.addWidget(note, 1)
    row.addWidget(button, 0, Qt.AlignmentFlag.AlignVCenter)
    note.hide()
    button.hide()
    return row


class FigureDelegate(QStyledItemDelegate):
    """Paints a figure right-aligned and, while differences are shown, the difference to the
    baseline under it in a smaller, quieter type; the label column is left as Qt paints it."""

    def row_height(self, two_lines: bool) -> int:
        metrics = QFontMetrics(self.parent().font())
        small = QFontMetrics(self._small(self.parent().font()))
        return metrics.height() + 10 + (small.height() + 2 if two_lines else 0)

    def text_width(self, index: _Index) -> int:
        font = QFont(self.parent().font())
        custom = index.data(Qt.ItemDataRole.FontRole)
        if isinstance(custom, QFont):
            font = QFont(custom)
        value = QFontMetrics(font).horizontalAdvance(str(index.data() or ""))
        difference = index.data(DifferenceTextRole)
        if difference:
            value = max(value, QFontMetrics(self._small(font)).horizontalAdvance(str(difference)))
        return value

    @staticmethod
    def _small(font: QFont) -> QFont:
        small = QFont(font)
        small.setBold(False)
        if small.pointSizeF() > 0:
            small.setPointSizeF(small.pointSizeF() * 0.9)
        return small

    def sizeHint(self, option: QStyleOptionViewItem, index: _Index) -> QSize:
        hint = super().sizeHint(option, index)
        if index.column() == LABEL_COLUMN:
            return hint
        return QSize(self.text_width(index) + 2 * CELL_PADDING, hint.height())

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: _Index) -> None:
        difference = index.data(DifferenceTextRole)
        if index.column() == LABEL_COLUMN:
            super().paint(painter, option, index)
            return
        item = QStyleOptionViewItem(option)
        self.initStyleOption(item, index)
        text = item.text
        item.text = ""
        style = item.widget.style() if item.widget is not None else None
        painter.save()
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, item, painter, item.widget)
        selected = bool(item.state & QStyle.StateFlag.State_Selected)
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        area = option.rect.adjusted(CELL_PADDING, 0, -CELL_PADDING, 0)
        metrics = QFontMetrics(item.font)
        right = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        if difference:
            small = self._small(item.font)
            small_metrics = QFontMetrics(small)
            block = metrics.height() + 2 + small_metrics.height()
            top = area.top() + (area.height() - block) // 2
            painter.setFont(item.font)
            painter.setPen(item.palette.color(role))
            value_area = QRect(area.left(), top, area.width(), metrics.height())
            painter.drawText(value_area, right, metrics.elidedText(text, Qt.TextElideMode.ElideLeft, area.width()))
            painter.setFont(small)
            quiet = item.palette.color(role if selected else QPalette.ColorRole.PlaceholderText)
            painter.setPen(quiet)
            difference_area = QRect(area.left(), top + metrics.height() + 2, area.width(), small_metrics.height())
            painter.drawText(difference_area, right, str(difference))
        else:
            painter.setFont(item.font)
            painter.setPen(item.palette.color(role))
            painter.drawText(area, right, metrics.elidedText(text, Qt.TextElideMode.ElideLeft, area.width()))
        painter.restore()
