"""The compare table: a Qt model that only adapts an `app.comparison.Comparison` (no money math here).

Column 0 names the figure; each further column is an offer. The best cell of a row is marked three
ways — a "★ " prefix, a bold font and a tint of the palette's highlight — and said in words in the
tooltip and the accessible text, so neither colour nor sight is needed to find it.

"Show differences" is a display mode of the same rows, not a second row set: each cell keeps its
value and adds its difference to the baseline ("+$12,000") under it (`DifferenceTextRole`, painted
by the view's delegate), while every role a program reads (raw value, status, difference) stays the
same. One table, one set of row keys, one place the user looks.

Every amount of the table is written with one precision: cents in every cell as soon as one figure
has cents ("$384,646.72" never sits beside "$205,500").

The header gives each offer two lines, its company and its role (`HeaderTitleRole`,
`HeaderDetailRole`), and the letter it has in the charts (`LetterRole`). The Stay column (the
current job, `Column.kind == "stay"`) says "Stay" over the job's name, carries the letter S, and
its cells have a quiet wash of their own, so the baseline of "should I leave" is told apart at a
glance (and in words, for screen readers).

With scenarios, a row under the horizon total gives each column's range over them ("$1.02M–$1.31M",
from `Comparison.scenario_range`) before the scenario rows themselves; a scenario cell valued at the
offer's own growth (not the scenario's) is marked "*" and says the growth in its tooltip.

After tax (`Comparison.after_tax`), the rows are the after-tax rows of `app.comparison`; the label
column's header says "after tax", and a column without an estimate (no tax region, no rules, no
rate to tax in) says so in its cells ("no tax region") instead of a number, the whole reason in the
tooltip. The cells' tooltips carry the estimate's label.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QFont, QPalette

from app.after_tax import AfterTax
from app.comparison import Column, Comparison, Row
from app.words import NO_ESTIMATE_WORDS
from ui.charts.painting import column_letter
from ui.format import money, money_compact, needs_cents, percent_signed

LABEL_COLUMN = 0
FIRST_OFFER_COLUMN = 1

RawValueRole = Qt.ItemDataRole.UserRole + 1  # Decimal | None: the cell's value, for sorting
StatusRole = Qt.ItemDataRole.UserRole + 2  # "best", "same", "missing" or ""
RowKeyRole = Qt.ItemDataRole.UserRole + 3  # the row's stable key ("year:1", "total", …)
DifferenceRole = Qt.ItemDataRole.UserRole + 4  # Decimal | None: value − baseline value
DiffersRole = Qt.ItemDataRole.UserRole + 5  # bool: the row's comparable values are not all equal
OfferIdRole = Qt.ItemDataRole.UserRole + 6  # the offer of a column (cells and horizontal header)
DifferenceTextRole = Qt.ItemDataRole.UserRole + 7  # str | None: the difference in words, shown under the value
HeaderTitleRole = Qt.ItemDataRole.UserRole + 8  # the header's first line: the company (and a flag)
HeaderDetailRole = Qt.ItemDataRole.UserRole + 9  # the header's second line: the role
LetterRole = Qt.ItemDataRole.UserRole + 10  # the offer's letter in the charts ("A")

BEST_MARK = "★ "
OWN_GROWTH_MARK = "*"  # a scenario cell valued at the offer's own growth in that scenario
RANGE_KEY = "scenario_range"

_Index = QModelIndex | QPersistentModelIndex
# roles answered with Qt objects (a QFont, a QBrush): made when asked, never kept, so none outlives
# the application (a QFont freed after QApplication aborts the process at exit)
_QT_VALUED = frozenset(
    int(r) for r in (Qt.ItemDataRole.FontRole, Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.ForegroundRole)
)
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
_LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter


class ComparisonTableModel(QAbstractTableModel):
    """Rows of a `Comparison` (figures) by its columns (offers), plus a label column."""

    def __init__(self, comparison: Comparison | None = None, parent: QObject | None = None):
        super().__init__(parent)
        self._comparison = comparison
        self._show_differences = False
        self._palette = QPalette()
        self._cents = _has_cents(comparison)
        self._own_growths: dict[tuple[str, str], Decimal] = {}
        self._lines = _lines(comparison)
        self._rates_caption = ("", "")  # (under "Figures in USD", its tooltip): which rates converted them
        # what each cell answered, by (row, column, role): a paint asks a cell for a dozen roles, and
        # the view asks again on every repaint. Emptied when the table is reset or restyled; an edit
        # that keeps the table's shape drops the cells it changes (`set_comparison`).
        self._cells: dict[tuple[int, int, int], Any] = {}

    # --- what the model shows ----------------------------------------------------------------------

    def comparison(self) -> Comparison | None:
        return self._comparison

    def set_comparison(
        self, comparison: Comparison | None, own_growths: dict[tuple[str, str], Decimal] | None = None
    ) -> set[int] | None:
        """Show `comparison`; `own_growths` maps (offer id, scenario name) to the offer's own growth
        in that scenario (`app.scenario_compare.scenario_growths`), for the cells it marks.

        When the table keeps its shape (the same rows and columns, the same words around the figures:
        an edit of one offer's pay, say) only the cells whose figures changed are announced, so the
        view repaints those and keeps its scroll position and selection; returns their model columns.
        Anything else resets the model; returns None."""
        own = dict(own_growths or {})
        cents = _has_cents(comparison)
        before = self._comparison
        if (
            before is None
            or comparison is None
            or cents != self._cents
            or own != self._own_growths
            or not _same_shape(before, comparison)
        ):
            self.beginResetModel()
            self._comparison = comparison
            self._cents = cents
            self._own_growths = own
            self._lines = _lines(comparison)
            self._cells.clear()
            self.endResetModel()
            return None
        lines_before = self._lines
        self._comparison = comparison
        self._lines = _lines(comparison)
        changed = _changed_cells(before, comparison, lines_before, self._lines)
        headers = [
            i + FIRST_OFFER_COLUMN
            for i, (a, b) in enumerate(zip(before.taxes, comparison.taxes, strict=True))
            if a != b  # after tax: the header's second line and tooltip name the estimate
        ]
        for column in headers:
            changed[column] = set(range(len(self._lines)))
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, column, column)
        if changed:
            self._cells = {k: v for k, v in self._cells.items() if k[0] not in changed.get(k[1], ())}
        for column, rows in changed.items():
            self.dataChanged.emit(self.index(min(rows), column), self.index(max(rows), column))
        return set(changed)

    def set_rates_caption(self, caption: str, words: str) -> None:
        """What the figures' column header says of the rates that converted them ("rates of 11/18/2026")."""
        if (caption, words) == self._rates_caption:
            return
        self._rates_caption = (caption, words)
        if self.columnCount():
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, LABEL_COLUMN, LABEL_COLUMN)

    def show_differences(self) -> bool:
        return self._show_differences

    def cents(self) -> bool:
        """Whether this table's amounts are written with cents (all of them, or none)."""
        return self._cents

    def set_show_differences(self, on: bool) -> None:
        """Add each cell's difference to the baseline under its value (True), or show values only."""
        if on == self._show_differences:
            return
        self._show_differences = on
        self._cells.clear()
        self._all_cells_changed()
        if self.columnCount() > FIRST_OFFER_COLUMN:
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, FIRST_OFFER_COLUMN, self.columnCount() - 1)

    def set_palette(self, palette: QPalette) -> None:
        """The palette the best-cell tint is taken from (the view passes its own, dark or light)."""
        self._palette = QPalette(palette)
        self._cells.clear()
        self._all_cells_changed()

    def offer_column(self, column: int) -> Column | None:
        if self._comparison is None or not FIRST_OFFER_COLUMN <= column < self.columnCount():
            return None
        return self._comparison.columns[column - FIRST_OFFER_COLUMN]

    def row_of(self, key: str) -> int:
        """The model row of a row key, or -1."""
        for index, row in enumerate(self._lines):
            if (row.key if row is not None else RANGE_KEY) == key:
                return index
        return -1

    # --- Qt's model interface ----------------------------------------------------------------------

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        if parent.isValid() or self._comparison is None:
            return 0
        return len(self._lines)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        if parent.isValid() or self._comparison is None:
            return 0
        return FIRST_OFFER_COLUMN + len(self._comparison.columns)

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        comparison = self._comparison
        if comparison is None or not index.isValid():
            return None
        line, column = index.row(), index.column()
        if not (0 <= line < len(self._lines) and 0 <= column <= len(comparison.columns)):
            return None
        row = self._lines[line]
        if role in (RowKeyRole, DiffersRole):  # of the whole row: never kept per cell
            if row is None:
                return self._range_data(comparison, column, role)
            return row.key if role == RowKeyRole else row.differs
        key = (line, column, role)
        if key in self._cells:
            return self._cells[key]
        if row is None:
            value = self._range_data(comparison, column, role)
        elif column == LABEL_COLUMN:
            value = self._label_data(row, role)
        else:
            value = self._cell_data(comparison, row, column - FIRST_OFFER_COLUMN, role)
        if role not in _QT_VALUED:
            self._cells[key] = value
        return value

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < self.columnCount():
            return None
        if section == LABEL_COLUMN:
            title = f"Figures in {self._comparison.display_currency}" if self._comparison else "Figure"
            if self._comparison is not None and self._comparison.after_tax:
                title += " after tax"
            if role == HeaderTitleRole:
                return title
            if role == HeaderDetailRole:
                return self._rates_caption[0]
            if role == Qt.ItemDataRole.DisplayRole:
                return f"{title}\n{self._rates_caption[0]}".strip()
            if role == Qt.ItemDataRole.ToolTipRole:
                return self._rates_caption[1] or None
            if role == Qt.ItemDataRole.TextAlignmentRole:
                return _LEFT
            return None
        column = self.offer_column(section)
        assert column is not None and self._comparison is not None
        is_baseline = section - FIRST_OFFER_COLUMN == self._comparison.baseline_index
        if role in (Qt.ItemDataRole.DisplayRole, HeaderTitleRole, HeaderDetailRole):
            # Stay: "Stay" over the current job's name; an offer: its company over its role; after tax,
            # the place whose tax is taken off (or why there is no figure) under the name
            first = "Stay" if column.is_stay else column.company
            detail = column.company if column.is_stay else column.role
            taxes = self._taxes(column)
            if taxes is not None:
                where = taxes.region_name if taxes.available else NO_ESTIMATE_WORDS.get(taxes.status, "no estimate")
                detail = where or detail
            if not column.converted:
                first += f" ({column.currency}, no rate)"
            elif is_baseline and self._show_differences:
                first += " (baseline)"
            if role == HeaderTitleRole:
                return first
            if role == HeaderDetailRole:
                return detail
            return f"{first}\n{detail}"
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._column_words(column, is_baseline)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _RIGHT
        if role == OfferIdRole:
            return column.offer_id
        if role == LetterRole:
            return column_letter(column.slot, column.is_stay)
        if role == Qt.ItemDataRole.BackgroundRole and column.is_stay:
            return QBrush(self._stay_wash())
        return None

    def _column_words(self, column: Column, is_baseline: bool) -> str:
        letter = column_letter(column.slot, column.is_stay)
        if column.is_stay:
            words = f"{letter}: Stay at {column.company}" + (f", {column.role}" if column.role else "")
            words += ". What staying in your current job pays, its equity as your broker shows it"
        else:
            words = f"{letter}: {column.company}, {column.role}"
        if not column.converted:
            words += (
                f". Shown in {column.currency}: there is no {column.currency} rate in Settings, "
                "so it is not compared with the other offers"
            )
        elif is_baseline:
            against = "staying" if column.is_stay else "this offer"
            words += f". The baseline: differences are measured against {against}"
        taxes = self._taxes(column)
        if taxes is not None:
            words += f". After tax: {taxes.flag}" if not taxes.available else f". After tax: {taxes.label}"
        return words + "."

    def _taxes(self, column: Column) -> AfterTax | None:
        """After tax, the column's estimate (or why there is none); None before tax."""
        comparison = self._comparison
        if comparison is None or not comparison.after_tax:
            return None
        return comparison.taxes[comparison.columns.index(column)]

    def _no_estimate(self, column: Column) -> AfterTax | None:
        """After tax, a column without an estimate (its status and flag say why); else None."""
        taxes = self._taxes(column)
        return taxes if taxes is not None and not taxes.available else None

    def _stay_wash(self) -> QColor:
        """The Stay column's background: a quiet wash of the text colour, apart from the best cells' tint."""
        wash = QColor(self._palette.color(QPalette.ColorRole.Text))
        wash.setAlpha(18)
        return wash

    # --- cells -------------------------------------------------------------------------------------

    def _label_data(self, row: Row, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            if row.kind == "scenario":  # its growth is what tells the scenarios apart: kept in view
                return row.label
            return row.name or row.label  # the detail in brackets is in the tooltip: the column stays narrow
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
            return f"{row.label}: {row.description}"
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _LEFT
        return None

    def _cell_data(self, comparison: Comparison, row: Row, i: int, role: int) -> Any:
        column = comparison.columns[i]
        value, status, difference = row.values[i], row.statuses[i], row.differences[i]
        untaxed = self._no_estimate(column) if value is None else None
        if role == Qt.ItemDataRole.DisplayRole:
            if untaxed is not None:  # said instead of a number: why there is no after-tax figure
                return NO_ESTIMATE_WORDS.get(untaxed.status, "no estimate")
            text = money(value, column.currency, cents=self._cents)
            if self._own_growth(row, column) is not None:
                text += OWN_GROWTH_MARK
            return BEST_MARK + text if status == "best" else text
        if role == DifferenceTextRole:
            return self._difference_text(comparison, row, i) if self._show_differences else None
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._words(comparison, row, i)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _RIGHT
        if role == Qt.ItemDataRole.FontRole:
            if status == "best" or not column.converted or untaxed is not None:
                font = QFont()
                font.setBold(status == "best")
                font.setItalic(not column.converted or untaxed is not None)  # not compared: set apart without colour
                return font
            return None
        if role == Qt.ItemDataRole.BackgroundRole:
            if status == "best":
                tint = self._palette.color(QPalette.ColorRole.Highlight)
                tint.setAlpha(48)  # a wash of the highlight: readable on light and dark bases
                return QBrush(tint)
            if column.is_stay:
                return QBrush(self._stay_wash())
            return None
        if role == Qt.ItemDataRole.ForegroundRole:
            return None
        if role == RawValueRole:
            return value
        if role == StatusRole:
            return status
        if role == DifferenceRole:
            return difference
        if role == OfferIdRole:
            return column.offer_id
        return None

    def _difference_text(self, comparison: Comparison, row: Row, i: int) -> str:
        """What the second line of a cell says while differences are shown."""
        column, difference = comparison.columns[i], row.differences[i]
        if comparison.baseline_index is None:
            return ""
        if not column.converted:
            return "not compared"
        if i == comparison.baseline_index:
            return ""  # its header says "(baseline)": the column doesn't repeat it in every cell
        if difference is None:
            # the baseline has no figure here (Stay leaves nothing behind): nothing to measure against
            return "" if row.values[comparison.baseline_index] is None else "—"
        if difference == 0:
            return "same"
        return money(difference, column.currency, cents=self._cents, signed=True)

    def _words(self, comparison: Comparison, row: Row, i: int) -> str:
        """The cell in words, for the tooltip and screen readers: value, status, difference."""
        column = comparison.columns[i]
        value, status, difference = row.values[i], row.statuses[i], row.differences[i]
        name = f"Stay at {column.company}" if column.is_stay else column.company
        untaxed = self._no_estimate(column) if value is None else None
        if untaxed is not None:
            return f"{name}, {row.label}: no after-tax figure; {untaxed.flag or 'no estimate'}"
        parts = [f"{name}, {row.label}: {money(value, column.currency, cents=self._cents)}"]
        own = self._own_growth(row, column)
        if own is not None:
            parts.append(f"at {column.company}'s own growth in this scenario, {percent_signed(own)} a year")
        if row.kind == "scenario" and column.is_stay:
            parts.append("staying's equity is as your broker shows it: scenarios don't change it")
        if not column.converted:
            parts.append(f"in {column.currency}, not compared: no {column.currency} rate in Settings")
        elif status == "best":
            parts.append("best of the offers")
        elif status == "same":
            parts.append("the same for every offer")
        elif status == "missing" and column.is_stay and row.key == "leaving_cost":
            parts.append("staying leaves nothing behind")
        elif status == "missing":
            parts.append("no figure")
        taxes = self._taxes(column)
        if taxes is not None and taxes.label:
            parts.append(
                taxes.label if row.key != "leaving_cost" else "before tax: what you forfeit and repay is gross"
            )
        baseline = comparison.baseline
        if baseline is not None and column.converted:
            against = "staying" if baseline.is_stay else baseline.company
            if i == comparison.baseline_index:
                parts.append("the baseline")
            elif difference is not None:
                if difference == 0:
                    parts.append(f"same as {against}")
                else:
                    words = money(difference, column.currency, cents=self._cents, signed=True)
                    parts.append(f"{words} vs {against}")
        return "; ".join(parts)

    def _own_growth(self, row: Row, column: Column) -> Decimal | None:
        if row.kind != "scenario":
            return None
        return self._own_growths.get((column.offer_id, row.key.removeprefix("scenario:")))

    # --- the scenario range row --------------------------------------------------------------------

    def _range_data(self, comparison: Comparison, column: int, role: int) -> Any:
        span = f"{comparison.horizon}-year total" if comparison.horizon > 1 else "Year 1 total"
        if comparison.after_tax:
            span += " after tax"
        if role == RowKeyRole:
            return RANGE_KEY
        if role == DiffersRole:
            ranges = {comparison.scenario_range(i) for i, c in enumerate(comparison.columns) if c.converted}
            return len(ranges) > 1
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _LEFT if column == LABEL_COLUMN else _RIGHT
        names = ", ".join(comparison.scenario_names)
        if column == LABEL_COLUMN:
            if role == Qt.ItemDataRole.DisplayRole:
                return f"{span}, range over the scenarios"
            if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
                return f"{span}, lowest to highest over the share-price scenarios ({names}); each is a row below."
            return None
        i = column - FIRST_OFFER_COLUMN
        shown = comparison.columns[i]
        found = comparison.scenario_range(i)
        untaxed = self._no_estimate(shown) if found is None else None
        if role == Qt.ItemDataRole.DisplayRole:
            if untaxed is not None:
                return NO_ESTIMATE_WORDS.get(untaxed.status, "no estimate")
            return _range_text(found, shown.currency)
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
            name = f"Stay at {shown.company}" if shown.is_stay else shown.company
            words = f"{name}, {span} over the scenarios ({names}): {_range_text(found, shown.currency)}"
            if shown.is_stay:
                words += "; staying's equity is as your broker shows it: scenarios don't change it"
            return words
        if role == Qt.ItemDataRole.BackgroundRole and shown.is_stay:
            return QBrush(self._stay_wash())
        if role == RawValueRole:
            return found[0] if found is not None else None
        if role == OfferIdRole:
            return shown.offer_id
        if role == StatusRole:
            return "" if found is not None else "missing"
        return None

    def _all_cells_changed(self) -> None:
        if self.rowCount() and self.columnCount():
            self.dataChanged.emit(self.index(0, 0), self.index(self.rowCount() - 1, self.columnCount() - 1))


def _range_text(found: tuple[Decimal, Decimal] | None, currency: str) -> str:
    """ "$1.02M–$1.31M", or one figure when every scenario gives the same total."""
    if found is None:
        return "—"
    low, high = found
    if low == high:
        return money_compact(low, currency)
    return f"{money_compact(low, currency)}–{money_compact(high, currency)}"


def _lines(comparison: Comparison | None) -> list[Row | None]:
    """The table's rows: the comparison's, with the scenario range (None) after the horizon total."""
    if comparison is None:
        return []
    lines: list[Row | None] = []
    for row in comparison.rows:
        lines.append(row)
        if row.key == "total" and comparison.scenario_names:
            lines.append(None)
    return lines


def _same_shape(a: Comparison, b: Comparison) -> bool:
    """The same table around other figures: rows (keys and words), columns, baseline and mode."""
    return (
        a.columns == b.columns
        and a.baseline_index == b.baseline_index
        and a.display_currency == b.display_currency
        and a.horizon == b.horizon
        and a.after_tax == b.after_tax
        and a.scenario_names == b.scenario_names
        and len(a.taxes) == len(b.taxes)
        and [(r.key, r.kind, r.label, r.name, r.description) for r in a.rows]
        == [(r.key, r.kind, r.label, r.name, r.description) for r in b.rows]
    )


def _changed_cells(
    before: Comparison, after: Comparison, lines_before: list[Row | None], lines_after: list[Row | None]
) -> dict[int, set[int]]:
    """Model column → model rows whose cells show something else (of two comparisons of one shape)."""
    changed: dict[int, set[int]] = {}
    columns = range(len(after.columns))
    for line, (a, b) in enumerate(zip(lines_before, lines_after, strict=True)):
        if a is None or b is None:  # the scenario range
            moved = [i for i in columns if before.scenario_range(i) != after.scenario_range(i)]
            for i in moved:
                changed.setdefault(i + FIRST_OFFER_COLUMN, set()).add(line)
            if moved:
                changed.setdefault(LABEL_COLUMN, set()).add(line)  # whether the ranges differ
            continue
        if a == b:
            continue
        if a.differs != b.differs:
            changed.setdefault(LABEL_COLUMN, set()).add(line)
        for i in columns:
            if (a.values[i], a.statuses[i], a.differences[i]) != (b.values[i], b.statuses[i], b.differences[i]):
                changed.setdefault(i + FIRST_OFFER_COLUMN, set()).add(line)
    return changed


def _has_cents(comparison: Comparison | None) -> bool:
    if comparison is None:
        return False
    return needs_cents(v for row in comparison.rows for v in (*row.values, *row.differences))


class ComparisonFilterProxy(QSortFilterProxyModel):
    """Hides rows where every compared offer has the same figure ("Differences only"); sorts by value."""

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._differences_only = False
        self.setSortRole(RawValueRole)

    def set_differences_only(self, on: bool) -> None:
        if on == self._differences_only:
            return
        self.beginFilterChange()
        self._differences_only = on
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: _Index) -> bool:
        if not self._differences_only:
            return True
        source = self.sourceModel()
        return bool(source.data(source.index(source_row, LABEL_COLUMN, source_parent), DiffersRole))

    def lessThan(self, left: _Index, right: _Index) -> bool:
        # Decimals travel as Python objects, which Qt cannot order: compare them here (no figure first)
        a, b = left.data(RawValueRole), right.data(RawValueRole)
        if isinstance(a, Decimal) or isinstance(b, Decimal):
            return (a is not None, a or 0) < (b is not None, b or 0)
        return left.row() < right.row()
