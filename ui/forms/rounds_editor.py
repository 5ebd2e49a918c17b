"""The negotiation so far (format 2 `negotiation`): rounds as rows — a date, who (you asked, or the
company answered), the items put on the table, each with the input its kind needs (money, percent,
whole days, text, a date), and a note.

A round is bound to the form's binder as "negotiation[i].…" and its items as
"negotiation[i].items.<item>"; adding, removing or changing an item re-binds the round's items. An
item left empty is a problem at its field ("give a value, or remove the item"), never dropped
silently. Each round has at least one item (its only item can't be removed), and an item appears once
in a round (the other rounds' choices are offered, the round's own are greyed).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QStandardItemModel
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app.models import ROUND_ITEMS
from app.parsing import ParseError
from app.words import ROUND_ITEM_NAMES, ROUND_SIDE_NAMES
from ui.forms.binder import FormBinder, field_box, text_setter
from ui.forms.rows import ListRow
from ui.widgets.fields import DateEdit, MoneyEdit, PercentEdit, SharesEdit, WholeNumberEdit

# which input each item takes
ITEM_INPUTS: Mapping[str, str] = {
    "base_salary": "money",
    "sign_on": "money",
    "equity_value": "money",
    "relocation": "money",
    "equity_shares": "shares",
    "bonus_target_pct": "percent",
    "pto_days": "days",
    "level": "text",
    "title": "text",
    "remote": "text",
    "start_date": "date",
    "deadline": "date",
}
_EMPTY_WORDS = {
    "money": "needs an amount (or remove the item)",
    "shares": "needs a number of shares (or remove the item)",
    "percent": "needs a percentage (or remove the item)",
    "days": "needs a number of days (or remove the item)",
    "text": "needs some words (or remove the item)",
    "date": "needs a date (or remove the item)",
}


class ItemRow(QWidget):
    """One item of a round: which item, and its value in the input that item needs."""

    kind_chosen = Signal(object)  # the row: the user picked another item
    remove_clicked = Signal(object)  # the row

    def __init__(self, currency: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.kind = QComboBox()
        for item in ROUND_ITEMS:
            self.kind.addItem(ROUND_ITEM_NAMES[item], item)
        self.kind.setSizePolicy(QSizePolicy.Policy.Fixed, self.kind.sizePolicy().verticalPolicy())
        days, shares, words = WholeNumberEdit(), SharesEdit(), QLineEdit()
        days.setPlaceholderText("days a year")
        shares.setPlaceholderText("shares or options")
        words.setPlaceholderText("Senior, Staff Engineer, 3 days a week…")
        self.editors: dict[str, QLineEdit] = {
            "money": MoneyEdit(currency),
            "shares": shares,
            "percent": PercentEdit(),
            "days": days,
            "text": words,
            "date": DateEdit(),
        }
        self.stack = QStackedWidget()
        for editor in self.editors.values():
            width = editor.fontMetrics().horizontalAdvance("0" * (26 if isinstance(editor, DateEdit) else 16)) + 16
            if type(editor) is not QLineEdit:
                editor.setMaximumWidth(width)
            self.stack.addWidget(editor)
        self.stack.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        box, self.message = field_box(self.stack, beside=True)
        self.remove_button = QPushButton("Remove item")
        self.remove_button.clicked.connect(lambda: self.remove_clicked.emit(self))
        kind_label = QLabel("Item")
        kind_label.setBuddy(self.kind)
        self.value_label = QLabel("Value")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for label in (kind_label, self.value_label):
            label.setMinimumHeight(self.kind.sizeHint().height())
        layout.addWidget(kind_label, 0, Qt.AlignmentFlag.AlignTop)
        layout.addWidget(self.kind, 0, Qt.AlignmentFlag.AlignTop)
        layout.addWidget(self.value_label, 0, Qt.AlignmentFlag.AlignTop)
        layout.addWidget(box, 1, Qt.AlignmentFlag.AlignTop)
        layout.addWidget(self.remove_button, 0, Qt.AlignmentFlag.AlignTop)
        self.kind.activated.connect(self._on_kind_activated)
        self._show_input()

    def item(self) -> str:
        return self.kind.currentData()

    def editor(self) -> QLineEdit:
        return self.editors[ITEM_INPUTS[self.item()]]

    def set_item(self, item: str) -> None:
        self.kind.setCurrentIndex(self.kind.findData(item))
        self._show_input()

    def read(self) -> Any:
        """The value typed for the item (ParseError when it can't be read, or is empty)."""
        editor = self.editor()
        kind = ITEM_INPUTS[self.item()]
        value = editor.text().strip() or None if type(editor) is QLineEdit else editor.value()  # type: ignore[attr-defined]
        if value is None:
            raise ParseError(_EMPTY_WORDS[kind])
        return value

    def show_value(self, value: Any) -> None:
        editor = self.editor()
        if type(editor) is QLineEdit:
            editor.setText("" if value is None else str(value))
        else:
            editor.set_value(value)  # type: ignore[attr-defined]

    def name(self) -> str:
        return ROUND_ITEM_NAMES[self.item()]

    def _on_kind_activated(self) -> None:
        self._show_input()
        self.kind_chosen.emit(self)

    def _show_input(self) -> None:
        self.stack.setCurrentWidget(self.editor())
        self.value_label.setBuddy(self.editor())
        # (only the shown input is in the tab chain: a hidden page of a stack takes no focus)


class RoundRow(ListRow):
    """One round of the talks: date, side, items, note."""

    items_edited = Signal()  # the user added, removed or changed an item (re-bound; the form saves)

    def __init__(
        self,
        currency: str,
        new_round: Callable[[], tuple[date, str, list[str]]],
        default_for: Callable[[str], Any],
        watch: Callable[[QWidget], None],
        parent: QWidget | None = None,
    ):
        super().__init__("round", parent)
        self._currency = currency
        self._new_round = new_round  # (date, side, items) for a round the user adds
        self._default_for = default_for  # a starting value for an item the user adds or picks
        self._watch = watch
        self._binder: FormBinder | None = None
        self._path = ""
        self._number = 0
        self._synced: dict[str, Any] | None = None
        self.item_rows: list[ItemRow] = []
        self.frame = QFrame()
        self.frame.setFrameShape(QFrame.Shape.StyledPanel)
        self.title = QLabel("Round")
        bold = self.title.font()
        bold.setBold(True)
        self.title.setFont(bold)
        self.date = DateEdit()
        self.date.setMaximumWidth(self.date.fontMetrics().horizontalAdvance("0000-00-00") + 24)
        self.side = QComboBox()
        for side, words in ROUND_SIDE_NAMES.items():
            self.side.addItem(words, side)
        self.side.setSizePolicy(QSizePolicy.Policy.Fixed, self.side.sizePolicy().verticalPolicy())
        self.note = QLineEdit()
        self.note.setPlaceholderText("What was said, by whom, what they cited")
        self.add_item_button = QPushButton("Add item")
        self.add_item_button.clicked.connect(self.add_item)
        self.messages: dict[str, QLabel] = {}
        top = QHBoxLayout()
        top.addWidget(self.title)
        top.addSpacing(8)
        for key, text, widget in (("date", "Date", self.date), ("side", "Who", self.side)):
            label = QLabel(text)
            label.setBuddy(widget)
            label.setMinimumHeight(widget.sizeHint().height())
            box, self.messages[key] = field_box(widget)
            top.addWidget(label, 0, Qt.AlignmentFlag.AlignTop)
            top.addWidget(box, 0, Qt.AlignmentFlag.AlignTop)
        top.addStretch(1)
        self._items_layout = QVBoxLayout()
        self._items_layout.setContentsMargins(0, 0, 0, 0)
        add_row = QHBoxLayout()
        add_row.addWidget(self.add_item_button)
        add_row.addStretch(1)
        note_row = QGridLayout()
        note_label = QLabel("Note")
        note_label.setBuddy(self.note)
        note_box, self.messages["note"] = field_box(self.note)
        note_row.addWidget(note_label, 0, 0, Qt.AlignmentFlag.AlignTop)
        note_row.addWidget(note_box, 0, 1)
        # last in the round, so Tab goes from who to the items, and the note, before it
        note_row.addWidget(self.remove_button, 0, 2, Qt.AlignmentFlag.AlignTop)
        note_row.setColumnStretch(1, 1)
        inner = QVBoxLayout(self.frame)
        inner.setContentsMargins(10, 6, 10, 8)
        inner.addLayout(top)
        inner.addLayout(self._items_layout)
        inner.addLayout(add_row)
        inner.addLayout(note_row)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.frame)

    # --- ListRow ---------------------------------------------------------------------------------

    def inputs(self) -> list[QWidget]:
        return [self.date, self.side, self.note]  # the items' inputs are watched as they come

    def first_input(self) -> QWidget:
        return self.date

    def fill_new(self) -> None:
        day, side, items = self._new_round()
        self.date.set_value(day)
        self.side.setCurrentIndex(self.side.findData(side))
        for item in items:
            self._append_item(item).show_value(self._default_for(item))

    def bind(self, binder: FormBinder, path: str, number: int) -> None:
        super().bind(binder, path, number)
        self._binder, self._path, self._number = binder, path, number
        if self.base is not self._synced and "items" in self.base:
            # a loaded round: one item row per item it names; the items themselves come from the fields
            given = [item for item in ROUND_ITEMS if (self.base.get("items") or {}).get(item) is not None]
            self.base = {**self.base, "items": {}}
            self._synced = self.base
            self._set_items(given)
        name = f"Round {number}"
        self.title.setText(name)
        self.add_item_button.setAccessibleName(f"Add an item to round {number}")
        self.date.setAccessibleName(f"{name} date")
        self.side.setAccessibleName(f"{name}: who")
        self.note.setAccessibleName(f"{name} note")
        binder.bind(f"{path}.date", self.date, label=f"{name} date", message=self.messages["date"])
        binder.bind(f"{path}.side", self.side, label=f"{name}: who", message=self.messages["side"])
        binder.bind(
            f"{path}.note",
            self.note,
            label=f"{name} note",
            message=self.messages["note"],
            read=self.note.text,
            show=text_setter(self.note),
        )
        self._bind_items()

    # --- items -----------------------------------------------------------------------------------

    def items(self) -> list[str]:
        return [row.item() for row in self.item_rows]

    def add_item(self) -> ItemRow | None:
        """What Add item does: the first item this round doesn't name yet, focused."""
        unused = [item for item in ROUND_ITEMS if item not in self.items()]
        if not unused:
            return None
        row = self._append_item(unused[0])
        row.show_value(self._default_for(row.item()))
        self._bind_items()
        self.items_edited.emit()
        row.editor().setFocus()
        return row

    def remove_item(self, row: ItemRow) -> None:
        if len(self.item_rows) <= 1:
            return
        index = self.item_rows.index(row)
        self.item_rows.remove(row)
        self._items_layout.removeWidget(row)
        row.hide()
        row.setParent(None)
        row.deleteLater()
        self._bind_items()
        following = self.item_rows[min(index, len(self.item_rows) - 1)]
        following.kind.setFocus()
        self.items_edited.emit()

    def _set_items(self, items: list[str]) -> None:
        """One row per item; items already shown keep their place (a save must not reorder the rows under
        the user's hands), new ones follow in the spec's order."""
        shown = self.items()
        items = [item for item in shown if item in items] + [item for item in items if item not in shown]
        while len(self.item_rows) > len(items):
            row = self.item_rows.pop()
            self._items_layout.removeWidget(row)
            row.hide()
            row.setParent(None)
            row.deleteLater()
        while len(self.item_rows) < len(items):
            self._append_item(items[len(self.item_rows)])
        for row, item in zip(self.item_rows, items, strict=True):
            row.set_item(item)

    def _append_item(self, item: str) -> ItemRow:
        row = ItemRow(self._currency)
        row.set_item(item)
        row.kind_chosen.connect(self._on_kind_chosen)
        row.remove_clicked.connect(self.remove_item)
        self._watch(row.kind)
        for editor in row.editors.values():
            self._watch(editor)
        self.item_rows.append(row)
        self._items_layout.addWidget(row)
        row.show()
        return row

    def _on_kind_chosen(self, row: ItemRow) -> None:
        """Another item chosen in a row: its value's input follows; the round is re-bound."""
        # re-bound before anything can save: moving the focus below finishes the edit of the field left
        self._bind_items()
        row.show_value(self._default_for(row.item()))
        self.items_edited.emit()
        row.editor().setFocus()

    def _bind_items(self) -> None:
        """Bind each item under "path.items.<item>", grey the items already named, and let the only
        item not be removed (a round needs one)."""
        used = self.items()
        for row in self.item_rows:
            model = row.kind.model()
            if isinstance(model, QStandardItemModel):
                for index in range(row.kind.count()):
                    item = model.item(index)
                    taken = row.kind.itemData(index) in used and row.kind.itemData(index) != row.item()
                    item.setEnabled(not taken)
            row.remove_button.setEnabled(len(self.item_rows) > 1)
            row.remove_button.setToolTip("" if len(self.item_rows) > 1 else "A round needs at least one item")
        binder = self._binder
        if binder is None:
            return
        binder.unbind(f"{self._path}.items.")
        name = f"Round {self._number}"
        for row in self.item_rows:
            words = row.name().lower() if row.item() not in ("pto_days",) else "paid days off"
            row.kind.setAccessibleName(f"{name} item")
            for editor in row.editors.values():  # (the hidden ones too: a screen reader may list them)
                editor.setAccessibleName(f"{name} {words}")
            row.remove_button.setAccessibleName(f"Remove {words} from round {self._number}")
            binder.bind(
                f"{self._path}.items.{row.item()}",
                row.editor(),
                label=f"{name} {words}",
                message=row.message,
                read=row.read,
                show=row.show_value,
            )


def item_default(item: str, offer_values: Mapping[str, Any]) -> Any:
    """A starting value for an item the user adds or picks: the offer's own, as it stands (the company's
    answer is often close to it); None when the offer has none (the user types it: nothing is saved
    until then)."""
    return offer_values.get(item)
