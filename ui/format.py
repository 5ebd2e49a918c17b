"""Display formatting of the numbers `app/` computes: money with its currency and separators, percents.

Only formatting lives here (no arithmetic): the value shown is exactly the Decimal the domain gave.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from PySide6.QtCore import QLocale

_SYMBOLS = {"USD": "$", "EUR": "€", "GBP": "£", "JPY": "¥", "INR": "₹", "CAD": "CA$", "AUD": "A$"}


def money(value: Decimal | None, currency: str, *, cents: bool = False, signed: bool = False) -> str:
    """185000 USD → "$185,000" (or "$185,000.00" with cents); None → "—". Locale-aware separators."""
    if value is None:
        return "—"
    decimals = 2 if cents or value != value.to_integral_value() else 0
    digits = _grouped(abs(value), decimals)
    sign = "−" if value < 0 else ("+" if signed and value > 0 else "")
    symbol = _SYMBOLS.get(currency)
    return f"{sign}{symbol}{digits}" if symbol else f"{sign}{digits} {currency}"


def money_plain(value: Decimal | None) -> str:
    """A number for an edit field: 185000 → "185,000" (no symbol, whole units unless cents)."""
    if value is None:
        return ""
    return _grouped(value, 0 if value == value.to_integral_value() else 2)


def _grouped(value: Decimal, decimals: int) -> str:
    """Exact digits (never through float) with the locale's group separator and decimal point."""
    text = f"{value:,.{decimals}f}"
    locale = QLocale()
    group, point = locale.groupSeparator(), locale.decimalPoint()
    return text.replace(",", "\x00").replace(".", point).replace("\x00", group)


def number_plain(value: Decimal | None) -> str:
    """A count, rate or percentage as typed: 12000 → "12000", 2.5 → "2.5" (no rounding)."""
    if value is None:
        return ""
    text = format(value.normalize(), "f")
    return text


def percent(value: Decimal | None) -> str:
    return "—" if value is None else f"{number_plain(value)} %"


def day(value: date | None) -> str:
    return "" if value is None else value.isoformat()
