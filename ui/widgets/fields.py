"""Input fields that read what people type or paste: money ("$185,000", "185k"), percent, date.

Each field keeps the text as typed while editing and shows it formatted when the user leaves it, in
the user's locale ("185.000" in Germany; dates as the locale writes them). Typing the locale's way is
read the locale's way, besides every form `app.parsing` reads anywhere. `value()` returns the parsed
value or raises `ParseError` with words for the message label.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from PySide6.QtCore import QRect, Qt, Signal
from PySide6.QtGui import QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import QLineEdit, QStyle, QStyleOptionFrame, QWidget

from app.parsing import (
    ParseError,
    parse_date,
    parse_money,
    parse_per_share,
    parse_percent,
    parse_plain_number,
    parse_whole_number,
)
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
    """Money in the offer's currency; accepts "$185,000", "185k", "185 000", "1.2m", "185.000" (Germany).

    The currency's symbol is drawn inside the field where the locale writes it ("$ 185,000",
    "185.000 €"), outside the text, so what is typed is only the amount.
    """

    def __init__(self, currency: str = "USD", parent: QWidget | None = None):
        super().__init__(parent)
        self._currency = currency
        self._affixes = ("", "")
        self._update_affixes()

    def set_currency(self, currency: str) -> None:
        if currency != self._currency:
            self._currency = currency
            self._update_affixes()

    def currency(self) -> str:
        return self._currency

    def affixes(self) -> tuple[str, str]:
        """What is drawn before and after the amount: ("$", "") in the US, ("", " €") in Germany."""
        return self._affixes

    def _update_affixes(self) -> None:
        self._affixes = fmt.currency_affixes(self._currency)
        metrics = self.fontMetrics()
        before, after = (metrics.horizontalAdvance(a.strip()) + (6 if a else 0) for a in self._affixes)
        self.setTextMargins(before, 0, after, 0)
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        before, after = self._affixes
        if not before and not after:
            return
        option = QStyleOptionFrame()
        self.initStyleOption(option)
        area = self.style().subElementRect(QStyle.SubElement.SE_LineEditContents, option, self)
        area = area.adjusted(2, 0, -2, 0)
        painter = QPainter(self)
        painter.setPen(self.palette().color(QPalette.ColorRole.PlaceholderText))
        middle = Qt.AlignmentFlag.AlignVCenter
        if before:
            painter.drawText(QRect(area), Qt.AlignmentFlag.AlignLeft | middle, before.strip())
        if after:
            painter.drawText(QRect(area), Qt.AlignmentFlag.AlignRight | middle, after.strip())
        painter.end()

    def value(self) -> Decimal | None:
        return parse_money(self.text(), fmt.marks(), (fmt.currency_symbol(self._currency),))

    def set_value(self, value: Decimal | None) -> None:
        self.setText(fmt.money_plain(value))


class PerShareEdit(MoneyEdit):
    """A price per share (price, strike): up to six decimals, so a $0.0125 strike stays 0.0125."""

    def value(self) -> Decimal | None:
        return parse_per_share(self.text(), fmt.marks(), (fmt.currency_symbol(self._currency),))

    def set_value(self, value: Decimal | None) -> None:
        self.setText(fmt.per_share_plain(value))


class PercentEdit(_ParsedEdit):
    """A percentage: "15", "15 %", "2,5%"."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setPlaceholderText("%")

    def value(self) -> Decimal | None:
        return parse_percent(self.text(), fmt.marks())

    def set_value(self, value: Decimal | None) -> None:
        self.setText("" if value is None else f"{fmt.number_plain(value)} %")


class NumberEdit(_ParsedEdit):
    """A count or a rate: "12,000" shares, "1.08"."""

    def value(self) -> Decimal | None:
        return parse_plain_number(self.text(), fmt.marks())

    def set_value(self, value: Decimal | None) -> None:
        self.setText(fmt.number_plain(value))


class SharesEdit(NumberEdit):
    """A number of shares or options, grouped as the locale groups it: "40,000", "1,600" (a fraction
    of a share keeps its every decimal)."""

    def set_value(self, value: Decimal | None) -> None:
        self.setText(fmt.number(value))


class WholeNumberEdit(_ParsedEdit):
    """A count that is whole: "16,000,000" fully diluted shares, "90" days. `value()` is an int."""

    def value(self) -> int | None:
        return parse_whole_number(self.text(), fmt.marks())

    def set_value(self, value: int | None) -> None:
        self.setText("" if value is None else fmt.number(Decimal(value)))


class DateEdit(_ParsedEdit):
    """A date as the locale writes it ("11/4/2026", "04.11.2026") or "2026-11-04"; empty allowed."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setPlaceholderText(fmt.date_hint())
        self.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)

    def value(self) -> date | None:
        return parse_date(self.text(), fmt.date_order(), fmt.date_hint())

    def set_value(self, value: date | None) -> None:
        self.setText(fmt.day(value))
