"""What the Compare and Settings tests read and do as a user would: a cell of the table by row key
and offer, a column's header, Settings opened and OK pressed."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from ui.compare_view import CompareView
from ui.main_window import MainWindow
from ui.models.comparison_model import FIRST_OFFER_COLUMN, LABEL_COLUMN, RowKeyRole
from ui.settings_dialog import SettingsDialog


def cell(view: CompareView, key: str, offer_id: str, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
    """The table's cell (through its filter) for a row key and an offer (or "current_job")."""
    table = view.table.model()
    column = next(
        c for c in range(FIRST_OFFER_COLUMN, table.columnCount()) if view.model.offer_column(c).offer_id == offer_id
    )
    row = next(r for r in range(table.rowCount()) if table.index(r, LABEL_COLUMN).data(RowKeyRole) == key)
    return table.index(row, column).data(role)


def header(view: CompareView, index: int, role: int) -> Any:
    """The header of the index-th compared column (Stay first when there is one)."""
    return view.model.headerData(FIRST_OFFER_COLUMN + index, Qt.Orientation.Horizontal, role)


def open_settings(qtbot: Any, window: MainWindow, tab: str | None = None) -> SettingsDialog:
    """Settings from its menu action, or on one of its tabs as Compare's buttons open it."""
    if tab is None:
        window.settings_action.trigger()
    else:
        window.open_settings(tab)
    dialog = window.settings_dialog
    qtbot.waitExposed(dialog)
    return dialog


def press_ok(qtbot: Any, dialog: SettingsDialog) -> None:
    ok = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
