"""Plain-words helpers for the sentences the domain writes (reasons, rationales, scripts).

Widgets, the PDF and the command line format their own figures in the user's locale (`ui.format`);
this is only for text that `app/` composes. Those sentences are English, so the amounts in them are
written the English way, with CLDR's currency symbols (Babel), whatever the user's locale.
"""

from __future__ import annotations

from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from functools import lru_cache

from babel.numbers import format_currency, get_currency_symbol

from app.money import round_cents

_SENTENCE_LOCALE = "en_US"


def money_words(amount: Decimal, currency: str) -> str:
    """$14,000 · €9,250.50 · SEK 1,200,000 — whole units unless there are cents."""
    value = round_cents(amount)
    whole = value == value.to_integral_value()
    # CLDR's en_US pattern "¤#,##0" (".00" with cents) written directly: the digits are exact (the
    # value is already in cents) and grouped as en_US groups them, the symbol is CLDR's (Babel).
    # babel's format_currency gives the same text (a test compares) but parses the pattern and the
    # locale on every call, which made these sentences ~40 % of `evaluate`.
    digits = format(abs(value), ",.0f" if whole else ",.2f")
    return ("-" if value < 0 else "") + _prefix(currency) + digits


@lru_cache(maxsize=64)
def _prefix(currency: str) -> str:
    # CLDR keeps a symbol that ends in a letter apart from the digits ("SEK 1,200", "$1,200")
    symbol = get_currency_symbol(currency, _SENTENCE_LOCALE)
    return symbol + ("\u00a0" if symbol[-1:].isalpha() else "")


@lru_cache(maxsize=4096)  # a pure function of the amount's value: the levers say the same round sums again and again
def say_money(amount: Decimal, currency: str) -> str:
    """A number as people say it: to the thousand, or the hundred below ten thousand; never cents."""
    step = Decimal(1000) if abs(amount) >= 10000 else Decimal(100) if abs(amount) >= 1000 else Decimal(1)
    rounded = (amount / step).quantize(Decimal(1), rounding=ROUND_HALF_UP) * step
    return money_words(rounded, currency)


def day_words(days: int) -> str:
    return "1 day" if days == 1 else f"{days} days"


_WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


@lru_cache(maxsize=4096)  # a file's timelines share their dates (5,500 calls for 1,000 offers)
def date_words(day: date) -> str:
    """Tue 17 Nov 2026: English, as the sentences are (strftime's %a and %b follow the process's
    locale, which the window sets from the system's, and cost ~25 µs a call)."""
    return f"{_WEEKDAYS[day.weekday()]} {day.day} {_MONTHS[day.month - 1]} {day.year}"


def plural(count: int, noun: str) -> str:
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"


def per_share_words(amount: Decimal, currency: str) -> str:
    """A price per share with every decimal it has (up to six, at least two): $0.0125 · $4.80 · €12.50."""
    gap = "\u00a0" if get_currency_symbol(currency, _SENTENCE_LOCALE)[-1:].isalpha() else ""
    return format_currency(
        amount, currency, format=f"¤{gap}#,##0.00####", locale=_SENTENCE_LOCALE, currency_digits=False
    )
