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
`HeaderDetailRole`), and the letter it has in the charts (`LetterRole`). A new kind of column (the
job the user has now, say) is a `Column.kind` in `app.comparison`; this model shows any column the
same way and says its kind in words in `_column_words`.
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
from PySide6.QtGui import QBrush, QFont, QPalette

from app.comparison import Column, Comparison, Row
from ui.charts.painting import offer_letter
from ui.format import money, needs_cents

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

_Index = QModelIndex | QPersistentModelIndex
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

    # --- what the model shows ----------------------------------------------------------------------

    def comparison(self) -> Comparison | None:
        return self._comparison

    def set_comparison(self, comparison: Comparison | None) -> None:
        self.beginResetModel()
        self._comparison = comparison
        self._cents = _has_cents(comparison)
        self.endResetModel()

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
        self._all_cells_changed()
        if self.columnCount() > FIRST_OFFER_COLUMN:
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, FIRST_OFFER_COLUMN, self.columnCount() - 1)

    def set_palette(self, palette: QPalette) -> None:
        """The palette the best-cell tint is taken from (the view passes its own, dark or light)."""
        self._palette = QPalette(palette)
        self._all_cells_changed()

    def offer_column(self, column: int) -> Column | None:
        if self._comparison is None or not FIRST_OFFER_COLUMN <= column < self.columnCount():
            return None
        return self._comparison.columns[column - FIRST_OFFER_COLUMN]

    def row_of(self, key: str) -> int:
        """The model row of a row key, or -1."""
        if self._comparison is not None:
            for index, row in enumerate(self._comparison.rows):
                if row.key == key:
                    return index
        return -1

    # --- Qt's model interface ----------------------------------------------------------------------

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        if parent.isValid() or self._comparison is None:
            return 0
        return len(self._comparison.rows)

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
        if not (0 <= index.row() < self.rowCount() and 0 <= index.column() < self.columnCount()):
            return None
        row = comparison.rows[index.row()]
        if role == RowKeyRole:
            return row.key
        if role == DiffersRole:
            return row.differs
        if index.column() == LABEL_COLUMN:
            return self._label_data(row, role)
        return self._cell_data(comparison, row, index.column() - FIRST_OFFER_COLUMN, role)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < self.columnCount():
            return None
        if section == LABEL_COLUMN:
            if role in (Qt.ItemDataRole.DisplayRole, HeaderTitleRole):
                return "Figure"
            if role == Qt.ItemDataRole.TextAlignmentRole:
                return _LEFT
            return None
        column = self.offer_column(section)
        assert column is not None and self._comparison is not None
        is_baseline = section - FIRST_OFFER_COLUMN == self._comparison.baseline_index
        if role in (Qt.ItemDataRole.DisplayRole, HeaderTitleRole, HeaderDetailRole):
            first = f"Stay: {column.company}" if column.is_stay else column.company
            if not column.converted:
                first += f" ({column.currency}, no rate)"
            elif is_baseline and self._show_differences:
                first += " (baseline)"
            if role == HeaderTitleRole:
                return first
            if role == HeaderDetailRole:
                return column.role
            return f"{first}\n{column.role}"
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._column_words(column, is_baseline)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _RIGHT
        if role == OfferIdRole:
            return column.offer_id
        if role == LetterRole:
            return offer_letter(column.slot)
        return None

    def _column_words(self, column: Column, is_baseline: bool) -> str:
        words = f"{offer_letter(column.slot)}: {column.company}, {column.role}"
        if not column.converted:
            words += (
                f". Shown in {column.currency}: there is no {column.currency} rate in Settings, "
                "so it is not compared with the other offers"
            )
        elif is_baseline:
            words += ". The baseline: differences are measured against this offer"
        return words + "."

    # --- cells -------------------------------------------------------------------------------------

    def _label_data(self, row: Row, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return row.name or row.label  # the detail in brackets is in the tooltip: the column stays narrow
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
            return f"{row.label}: {row.description}"
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _LEFT
        return None

    def _cell_data(self, comparison: Comparison, row: Row, i: int, role: int) -> Any:
        column = comparison.columns[i]
        value, status, difference = row.values[i], row.statuses[i], row.differences[i]
        if role == Qt.ItemDataRole.DisplayRole:
            text = money(value, column.currency, cents=self._cents)
            return BEST_MARK + text if status == "best" else text
        if role == DifferenceTextRole:
            return self._difference_text(comparison, i, difference) if self._show_differences else None
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._words(comparison, row, i)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _RIGHT
        if role == Qt.ItemDataRole.FontRole:
            if status == "best" or not column.converted:
                font = QFont()
                font.setBold(status == "best")
                font.setItalic(not column.converted)  # not compared: set apart without colour
                return font
            return None
        if role == Qt.ItemDataRole.BackgroundRole:
            if status == "best":
                tint = self._palette.color(QPalette.ColorRole.Highlight)
                tint.setAlpha(48)  # a wash of the highlight: readable on light and dark bases
                return QBrush(tint)
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

    def _difference_text(self, comparison: Comparison, i: int, difference: Decimal | None) -> str:
        """What the second line of a cell says while differences are shown."""
        column = comparison.columns[i]
        if comparison.baseline_index is None:
            return ""
        if not column.converted:
            return "not compared"
        if i == comparison.baseline_index:
            return ""  # its header says "(baseline)": the column doesn't repeat it in every cell
        if difference is None:
            return "—"
        if difference == 0:
            return "same"
        return money(difference, column.currency, cents=self._cents, signed=True)

    def _words(self, comparison: Comparison, row: Row, i: int) -> str:
        """The cell in words, for the tooltip and screen readers: value, status, difference."""
        column = comparison.columns[i]
        value, status, difference = row.values[i], row.statuses[i], row.differences[i]
        parts = [f"{column.company}, {row.label}: {money(value, column.currency, cents=self._cents)}"]
        if not column.converted:
            parts.append(f"in {column.currency}, not compared: no {column.currency} rate in Settings")
        elif status == "best":
            parts.append("best of the offers")
        elif status == "same":
            parts.append("the same for every offer")
        elif status == "missing":
            parts.append("no figure")
        baseline = comparison.baseline
        if baseline is not None and column.converted:
            if i == comparison.baseline_index:
                parts.append("the baseline")
            elif difference is not None:
                if difference == 0:
                    parts.append(f"same as {baseline.company}")
                else:
                    words = money(difference, column.currency, cents=self._cents, signed=True)
                    parts.append(f"{words} vs {baseline.company}")
        return "; ".join(parts)

    def _all_cells_changed(self) -> None:
        if self.rowCount() and self.columnCount():
            self.dataChanged.emit(self.index(0, 0), self.index(self.rowCount() - 1, self.columnCount() - 1))


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
