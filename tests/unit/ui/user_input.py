"""What a user does with the keyboard, for the editor's tests: type into a field, choose from a list."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QWidget


def type_into(qtbot: Any, field: QWidget, text: str) -> None:
    """Focus the field, replace its text, press Enter (an empty text: Delete, then Enter)."""
    field.setFocus()
    field.selectAll()  # type: ignore[attr-defined]
    if text:
        qtbot.keyClicks(field, text)
    else:
        qtbot.keyClick(field, Qt.Key.Key_Delete)
    qtbot.keyClick(field, Qt.Key.Key_Return)


def choose(qtbot: Any, combo: QComboBox, data: Any) -> None:
    """Focus the list and type the first word of the choice (a closed list jumps to what is typed)."""
    combo.setFocus()
    qtbot.keyClicks(combo, combo.itemText(combo.findData(data)).split(" ")[0])
    assert combo.currentData() == data
