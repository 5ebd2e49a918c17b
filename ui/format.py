"""Display formatting of the numbers `app/` computes: money with its currency and separators, percents.

Only formatting lives here (no arithmetic): the value shown is exactly the Decimal the domain gave.
"""

from __future__ import annotations

from datetime import date
from decimal import ROUND_HALF_UP, Decimal

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


_SCALES = ((Decimal(10) ** 9, -9, "B"), (Decimal(10) ** 6, -6, "M"), (Decimal(10) ** 3, -3, "k"))


def money_compact(value: Decimal | None, currency: str) -> str:
    """A short label for chart axes and summaries: 250000 USD → "$250k", 1412344.84 → "$1.41M".

    Three significant digits at most, rounded half up (a label, not a figure: tables show `money`).
    """
    if value is None:
        return "—"
    magnitude = abs(value)
    if magnitude >= 1:
        # three significant digits first, so 999,999 reads "$1M", not "$1000k"
        magnitude = magnitude.quantize(Decimal(1).scaleb(magnitude.adjusted() - 2), rounding=ROUND_HALF_UP)
    suffix = ""
    for limit, shift, letter in _SCALES:
        if magnitude >= limit:
            magnitude, suffix = magnitude.scaleb(shift), letter
            break
    else:
        magnitude = magnitude.quantize(Decimal(1), rounding=ROUND_HALF_UP)
    digits = format(magnitude.normalize(), "f").replace(".", QLocale().decimalPoint())
    sign = "−" if value < 0 and magnitude != 0 else ""
    symbol = _SYMBOLS.get(currency)
    return f"{sign}{symbol}{digits}{suffix}" if symbol else f"{sign}{digits}{suffix} {currency}"


def money_plain(value: Decimal | None) -> str:
    """A number for an edit field: 185000 → "185,000" (no symbol, whole units unless cents)."""
    if value is None:
        return ""
    return _grouped(value, 0 if value == value.to_integral_value() else 2)


def per_share_plain(value: Decimal | None) -> str:
    """A price per share for an edit field: every decimal it has (up to six), at least cents: 0.0125, 4.80."""
    if value is None:
        return ""
    places = -value.normalize().as_tuple().exponent  # type: ignore[operator]
    return _grouped(value, min(max(places, 2), 6)) if value != value.to_integral_value() else money_plain(value)


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
    return format(value.normalize(), "f")


def percent(value: Decimal | None) -> str:
    return "—" if value is None else f"{number_plain(value)} %"


def day(value: date | None) -> str:
    return "" if value is None else value.isoformat()
