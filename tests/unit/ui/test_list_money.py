"""The first paint's year-1 amounts, written without Babel (ui.list_money), are the list's own text.

The real list writes each year-1 total with `ui.format.money(value, currency, cents=True)`; the first
paint of the next start writes it from what `ui.format.list_money` remembered of that call. Any
difference would show as the amounts changing when the real window replaces the first one.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal as D

import pytest
from babel.localedata import locale_identifiers
from babel.numbers import get_group_symbol
from hypothesis import given
from hypothesis import strategies as st

from app.currencies import ISO_4217_CODES
from ui import format as fmt
from ui import list_money
from ui.list_money import ListMoney

CURRENCIES = sorted(ISO_4217_CODES)
LOCALES = sorted(locale_identifiers())


@pytest.fixture(autouse=True)
def _us_english_after() -> Iterator[None]:
    yield
    fmt.set_locale("en_US")


def _remembered(locale: str, *currencies: str) -> ListMoney:
    fmt.set_locale(locale)
    money = fmt.list_money(locale, currencies)
    assert money is not None
    return money


def test_amounts_written_by_hand() -> None:
    us = _remembered("en_US", "USD", "CHF", "EUR")
    assert us.text(25_520_000, "USD") == "$255,200.00"  # 255,200 dollars
    assert us.text(5, "USD") == "$0.05"
    assert us.text(0, "USD") == "$0.00"
    assert us.text(-123_456_789, "EUR") == "\u2212€1,234,567.89"  # a real minus sign, before the symbol
    assert us.text(123_456_789, "CHF") == "CHF\u00a01,234,567.89"  # a letter symbol is kept apart
    assert us.text(100, "JPY") is None  # not remembered: the first paint uses ui.format instead
    germany = _remembered("de_DE", "EUR", "USD")
    assert germany.text(123_456_789, "EUR") == "1.234.567,89\u00a0€"
    assert germany.text(25_520_000, "USD") == "255.200,00\u00a0$"
    india = _remembered("en_IN", "INR")
    assert india.text(123_456_789, "INR") == "₹12,34,567.89"  # lakhs and crores: groups of 2 after the first 3
    france = _remembered("fr_FR", "EUR")
    assert france.text(123_456_789, "EUR") == "1\u202f234\u202f567,89\u00a0€"  # narrow no-break spaces


def test_a_swiss_group_mark_is_left_to_babel() -> None:
    """Babel's pattern takes Switzerland's "'" group mark for a quote and drops pairs of them, so the
    list writes "CHF 1234567.89": no remembered writer, the first paint asks ui.format."""
    fmt.set_locale("de_CH")
    assert fmt.money(D("1234567.89"), "CHF", cents=True) == "CHF\u00a01234567.89"
    assert fmt.list_money("de_CH", ["CHF"]) is None


def test_only_the_locale_the_window_follows_is_remembered() -> None:
    fmt.set_locale("de_DE")
    assert fmt.list_money("en_US", ["USD"]) is None
    assert fmt.list_money("de_DE.UTF-8", ["USD"]) is not None  # the same locale, as the system names it


@given(
    locale=st.sampled_from(LOCALES),
    currency=st.sampled_from(CURRENCIES),
    cents=st.integers(min_value=-(10**15), max_value=10**15) | st.sampled_from([0, 1, 99, 100, 99_999, 100_000]),
)
def test_the_same_text_as_the_list_in_every_locale(locale: str, currency: str, cents: int) -> None:
    fmt.set_locale(locale)
    money = fmt.list_money(locale, [currency])
    if money is None:
        assert get_group_symbol(fmt._conventions().locale) == "'"  # only Switzerland's mark (above)
        return
    assert money.text(cents, currency) == fmt.money(D(cents).scaleb(-2), currency, cents=True)


def test_many_amounts_in_many_locales() -> None:
    """Every 25th locale CLDR knows, in a dozen currencies, at amounts around each group boundary."""
    amounts = [sign * (10**digits + offset) for digits in range(0, 16) for offset in (-1, 0, 7) for sign in (1, -1)]
    checked = 0
    for locale in LOCALES[::25]:
        fmt.set_locale(locale)
        currencies = ["USD", "EUR", "GBP", "JPY", "INR", "CHF", "SEK", "BRL", "CNY", "CAD", "PLN", "ZAR"]
        money = fmt.list_money(locale, currencies)
        if money is None:
            continue
        for currency in currencies:
            for cents in amounts:
                assert money.text(cents, currency) == fmt.money(D(cents).scaleb(-2), currency, cents=True)
                checked += 1
    assert checked > 40 * 12 * len(amounts)


def test_what_is_remembered_reads_back() -> None:
    money = _remembered("fr_FR", "EUR", "USD", "CAD")
    assert ListMoney.loads(money.dumps()) == money
    assert ListMoney.loads(None) is None  # nothing remembered yet
    assert ListMoney.loads("") is None
    assert ListMoney.loads("2\x1ffr_FR") is None  # another version of the text
    assert ListMoney.loads(money.dumps().replace("\x1f3\x1f", "\x1fthree\x1f", 1)) is None  # damaged
    assert ListMoney.loads(money.dumps().replace("\x1f3\x1f", "\x1f0\x1f", 1)) is None  # no group size 0


def test_the_minus_sign_is_the_lists() -> None:
    assert list_money.MINUS == fmt.MINUS
