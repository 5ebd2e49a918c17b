"""Amounts in the domain's English sentences: CLDR's en_US currency format, written directly.

`money_words` used to call Babel's `format_currency` for each amount (the sentences of the reasons,
levers and scripts: ~15 amounts an offer), which parsed the pattern and the locale every time and
made them ~40 % of `evaluate`. It now writes the same text itself; Babel stays the reference.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal as D

from babel.numbers import format_currency, get_currency_symbol
from hypothesis import given, settings
from hypothesis import strategies as st

from app.currencies import ISO_4217_CODES
from app.money import round_cents
from app.text import date_words, money_words


def babel_words(amount: D, currency: str) -> str:
    """What money_words wrote through Babel before (the pattern CLDR's en_US uses, symbol apart when
    it ends in a letter)."""
    value = round_cents(amount)
    whole = value == value.to_integral_value()
    gap = "\u00a0" if get_currency_symbol(currency, "en_US")[-1:].isalpha() else ""
    pattern = f"¤{gap}#,##0" + ("" if whole else ".00")
    text = format_currency(abs(value), currency, format=pattern, locale="en_US", currency_digits=False)
    return ("-" if value < 0 else "") + text


def test_amounts_written_out() -> None:
    assert money_words(D(14000), "USD") == "$14,000"
    assert money_words(D("9250.5"), "EUR") == "€9,250.50"
    assert money_words(D(1200000), "SEK") == "SEK\u00a01,200,000"
    assert money_words(D("-0.005"), "GBP") == "-£0.01"  # rounded half away from zero first
    assert money_words(D("999.995"), "USD") == "$1,000"


@settings(max_examples=300, deadline=None)
@given(
    cents=st.integers(-(10**14), 10**14),
    extra=st.sampled_from([D(0), D("0.004"), D("0.005")]),
    currency=st.sampled_from(sorted(ISO_4217_CODES)),
)
def test_the_same_text_as_babel(cents: int, extra: D, currency: str) -> None:
    amount = D(cents).scaleb(-2) + extra
    assert money_words(amount, currency) == babel_words(amount, currency)



def test_dates_in_sentences_are_written_in_english() -> None:
    # (written from fixed English names: strftime's %a and %b followed the locale the window sets;
    # this machine has no other locale installed to show that)
    assert date_words(date(2026, 11, 1)) == "Sun 1 Nov 2026"
    assert date_words(date(2027, 3, 17)) == "Wed 17 Mar 2027"
    assert date_words(date(2028, 2, 29)) == "Tue 29 Feb 2028"
