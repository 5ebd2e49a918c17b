"""Lists edited as rows (grants, benefits, timeline events): Add and Remove buttons, rows bound to the
binder as "path[0].…", "path[1].…", renumbered whenever a row comes or goes."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from ui.forms.binder import FormBinder


class ListRow(QWidget):
    """One item of a list: its inputs, bound under the item's path, and a Remove button."""

    remove_clicked = Signal(object)  # the row

    def __init__(self, noun: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.noun = noun  # "grant", "benefit", "event": for button text and accessible names
        self.base: dict[str, Any] = {}  # the item as loaded: what no field shows survives a save
        self.remove_button = QPushButton(f"Remove {noun}")
        self.remove_button.clicked.connect(lambda: self.remove_clicked.emit(self))

    def bind(self, binder: FormBinder, path: str, number: int) -> None:
        """Bind the inputs under `path` ("equity[0]") and name them for item `number` (1-based)."""
        self.remove_button.setAccessibleName(f"Remove {self.noun} {number}")

    def inputs(self) -> list[QWidget]:
        """The inputs whose finished edits the form saves (the Remove button is the list's business)."""
        raise NotImplementedError

    def first_input(self) -> QWidget:
        return self.inputs()[0]

    def fill_new(self) -> None:
        """Values for a row the user just added: valid where possible, so adding saves at once."""


class RowList(QWidget):
    """Rows with an Add button under them; tells the form when the user added or removed a row."""

    rows_edited = Signal()  # the user added or removed a row (never emitted while loading)

    def __init__(
        self,
        binder: FormBinder,
        path: str,
        make_row: Callable[[], ListRow],
        add_text: str,
        watch: Callable[[QWidget], None],
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.binder = binder
        self.path = path
        self._make_row = make_row
        self._watch = watch  # the form connects each input's "edit finished" signals
        self._rows: list[ListRow] = []
        self._rows_layout = QVBoxLayout()
        self._rows_layout.setContentsMargins(0, 0, 0, 0)
        self.add_button = QPushButton(add_text)
        self.add_button.setAccessibleName(add_text.replace("&", ""))
        self.add_button.clicked.connect(self._on_add_clicked)
        buttons = QHBoxLayout()
        buttons.setContentsMargins(0, 0, 0, 0)
        buttons.addWidget(self.add_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self._rows_layout)
        layout.addLayout(buttons)
        binder.bind_list(path, lambda: [dict(row.base) for row in self._rows])

    def rows(self) -> list[ListRow]:
        return list(self._rows)

    def set_items(self, items: list[dict[str, Any]]) -> None:
        """Loading: one row per item (rows are reused), each row's base set; values come from the binder."""
        while len(self._rows) > len(items):
            self._drop(self._rows[-1])
        while len(self._rows) < len(items):
            self._append()
        for row, item in zip(self._rows, items, strict=True):
            row.base = dict(item)
        self._renumber()

    def add_row(self) -> ListRow:
        """What the Add button does: a new row with sensible values, focused."""
        row = self._append()
        row.fill_new()
        self._renumber()
        self.rows_edited.emit()
        if row.parentWidget() is not None:  # the form may have reloaded (and kept) it by now
            row.first_input().setFocus()
            if hasattr(row.first_input(), "selectAll"):
                row.first_input().selectAll()
        return row

    def remove_row(self, row: ListRow) -> None:
        index = self._rows.index(row)
        self._drop(row)
        self._renumber()
        # keep the keyboard user in the list: the next row's Remove button, else Add
        following = self._rows[index].remove_button if index < len(self._rows) else self.add_button
        following.setFocus()
        self.rows_edited.emit()

    def _on_add_clicked(self) -> None:
        self.add_row()

    def _append(self) -> ListRow:
        row = self._make_row()
        row.remove_clicked.connect(self.remove_row)
        for widget in row.inputs():
            self._watch(widget)
        self._rows.append(row)
        self._rows_layout.addWidget(row)
        row.show()  # now, not at the next event loop turn: the form focuses and checks it at once
        return row

    def _drop(self, row: ListRow) -> None:
        self._rows.remove(row)
        self._rows_layout.removeWidget(row)
        row.hide()
        row.setParent(None)
        row.deleteLater()

    def _renumber(self) -> None:
        self.binder.unbind(f"{self.path}[")
        for number, row in enumerate(self._rows, start=1):
            row.bind(self.binder, f"{self.path}[{number - 1}]", number)
