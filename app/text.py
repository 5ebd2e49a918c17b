"""Plain-words helpers for the sentences the domain writes (reasons, rationales, scripts).

Widgets and the PDF format their own tables; this is only for text that `app/` composes.
"""

from __future__ import annotations

from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from app.money import round_cents

_SYMBOLS = {"USD": "$", "EUR": "€", "GBP": "£", "JPY": "¥", "INR": "₹", "CAD": "CA$", "AUD": "A$"}


def money_words(amount: Decimal, currency: str) -> str:
    """$14,000 · €9,250.50 · 1,200,000 SEK — whole units unless there are cents."""
    value = round_cents(amount)
    digits = f"{value:,.0f}" if value == value.to_integral_value() else f"{value:,.2f}"
    symbol = _SYMBOLS.get(currency)
    return f"{symbol}{digits}" if symbol else f"{digits} {currency}"


def say_money(amount: Decimal, currency: str) -> str:
    """A number as people say it: to the thousand, or the hundred below ten thousand; never cents."""
    step = Decimal(1000) if abs(amount) >= 10000 else Decimal(100) if abs(amount) >= 1000 else Decimal(1)
    rounded = (amount / step).quantize(Decimal(1), rounding=ROUND_HALF_UP) * step
    return money_words(rounded, currency)


def day_words(days: int) -> str:
    return "1 day" if days == 1 else f"{days} days"


def date_words(day: date) -> str:
    return f"{day:%a} {day.day} {day:%b} {day.year}"


def plural(count: int, noun: str) -> str:
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"
