"""Plain-words helpers for the sentences the domain writes (reasons, rationales, scripts).

Widgets, the PDF and the command line format their own figures in the user's locale (`ui.format`);
this is only for text that `app/` composes. Those sentences are English, so the amounts in them are
written the English way, with CLDR's currency symbols (Babel), whatever the user's locale.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from functools import lru_cache

from babel.numbers import format_currency, get_currency_symbol

from app.money import round_cents

_SENTENCE_LOCALE = "en_US"


def money_words(amount: Decimal, currency: str) -> str:
    """$14,000 · €9,250.50 · SEK 1,200,000 — whole units unless there are cents."""
    value = round_cents(amount)
    whole = value == value.to_integral_value()
    return format_currency(
        abs(value), currency, format=_pattern(currency, whole), locale=_SENTENCE_LOCALE, currency_digits=False
    ).join(("-" if value < 0 else "", ""))


@lru_cache(maxsize=64)
def _pattern(currency: str, whole: bool) -> str:
    # CLDR keeps a symbol that ends in a letter apart from the digits ("SEK 1,200", "$1,200")
    gap = "\u00a0" if get_currency_symbol(currency, _SENTENCE_LOCALE)[-1:].isalpha() else ""
    return f"¤{gap}#,##0" + ("" if whole else ".00")


def day_words(days: int) -> str:
    return "1 day" if days == 1 else f"{days} days"


def date_words(day: date) -> str:
    return f"{day:%a} {day.day} {day:%b} {day.year}"


def plural(count: int, noun: str) -> str:
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"


def per_share_words(amount: Decimal, currency: str) -> str:
    """A price per share with every decimal it has (up to six, at least two): $0.0125 · $4.80 · €12.50."""
    gap = "\u00a0" if get_currency_symbol(currency, _SENTENCE_LOCALE)[-1:].isalpha() else ""
    return format_currency(
        amount, currency, format=f"¤{gap}#,##0.00####", locale=_SENTENCE_LOCALE, currency_digits=False
    )
