"""Input fields that read what people type or paste: money ("$185,000", "185k"), percent, date.

Each field keeps the text as typed while editing and shows it formatted when the user leaves it.
`value()` returns the parsed value or raises `ParseError` with words for the message label.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLineEdit, QWidget

from app.parsing import ParseError, parse_date, parse_money, parse_per_share, parse_percent, parse_plain_number
from ui import format as fmt


class _ParsedEdit(QLineEdit):
    """A line edit with a parser; emits `committed` when the user finishes an edit (Enter or focus out)."""

    committed = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.editingFinished.connect(self._on_editing_finished)
        self.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)

    def _on_editing_finished(self) -> None:
        try:
            value = self.value()
        except ParseError:
            pass  # leave the text as typed, so the user can see and fix it
        else:
            self.blockSignals(True)
            self.set_value(value)
            self.blockSignals(False)
        self.committed.emit()

    def value(self):  # pragma: no cover - overridden
        raise NotImplementedError

    def set_value(self, value) -> None:  # pragma: no cover - overridden
        raise NotImplementedError


class MoneyEdit(_ParsedEdit):
    """Money in the offer's currency; accepts "$185,000", "185k", "185 000", "1.2m"."""

    def __init__(self, currency: str = "USD", parent: QWidget | None = None):
        super().__init__(parent)
        self._currency = currency
        self._update_placeholder()

    def set_currency(self, currency: str) -> None:
        self._currency = currency
        self._update_placeholder()

    def currency(self) -> str:
        return self._currency

    def _update_placeholder(self) -> None:
        self.setPlaceholderText(self._currency)

    def value(self) -> Decimal | None:
        return parse_money(self.text())

    def set_value(self, value: Decimal | None) -> None:
        self.setText(fmt.money_plain(value))


class PerShareEdit(MoneyEdit):
    """A price per share (price, strike): up to six decimals, so a $0.0125 strike stays 0.0125."""

    def value(self) -> Decimal | None:
        return parse_per_share(self.text())

    def set_value(self, value: Decimal | None) -> None:
        self.setText(fmt.per_share_plain(value))


class PercentEdit(_ParsedEdit):
    """A percentage: "15", "15 %", "2,5%"."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setPlaceholderText("%")

    def value(self) -> Decimal | None:
        return parse_percent(self.text())

    def set_value(self, value: Decimal | None) -> None:
        self.setText("" if value is None else f"{fmt.number_plain(value)} %")


class NumberEdit(_ParsedEdit):
    """A count or a rate: "12,000" shares, "1.08"."""

    def value(self) -> Decimal | None:
        return parse_plain_number(self.text())

    def set_value(self, value: Decimal | None) -> None:
        self.setText(fmt.number_plain(value))


class DateEdit(_ParsedEdit):
    """A date: "2026-11-04", "2026/11/4", "4.11.2026"; empty allowed."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setPlaceholderText("YYYY-MM-DD")
        self.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)

    def value(self) -> date | None:
        return parse_date(self.text())

    def set_value(self, value: date | None) -> None:
        self.setText(fmt.day(value))
