"""Exchange rates that mean one thing: quoted in `fx_base`, converted as a × rate(X) ÷ rate(D).

Switching the display currency never reinterprets a rate; a figure whose currency (or the display
currency) has no rate is None — shown in its own currency and flagged, never mixed in. A reference
rate for a currency without one is proposed from the bundled ECB rates, with its day and source.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from app.evaluation import Evaluator
from app.models import Offer, Settings
from app.money import Rates, convert
from app.reference_rates import propose_rate

D = Decimal
RATES = Rates("USD", {"EUR": D("1.08"), "GBP": D("1.27")})  # one EUR is 1.08 USD, one GBP 1.27 USD


def test_conversion_into_the_base_currency() -> None:
    assert RATES.convert(D(100000), "GBP", "USD") == D("127000.00")  # 100,000 × 1.27
    assert RATES.convert(D("50000"), "USD", "USD") == D("50000.00")


def test_cross_rates_after_switching_the_display_currency_to_euros() -> None:
    # £100,000 × 1.27 ÷ 1.08 = 117,592.5925… → 117,592.59 €
    assert RATES.convert(D(100000), "GBP", "EUR") == D("117592.59")
    # $50,000 × 1 ÷ 1.08 = 46,296.2962… → 46,296.30 €
    assert RATES.convert(D(50000), "USD", "EUR") == D("46296.30")
    assert RATES.convert(D("10000.004"), "EUR", "EUR") == D("10000.00")  # its own currency: only rounded


def test_a_figure_without_a_rate_is_never_mixed_in() -> None:
    assert RATES.convert(D(9000000), "JPY", "USD") is None  # no JPY rate
    assert RATES.convert(D(100000), "GBP", "CHF") is None  # the display currency has no rate
    assert RATES.convert(D(100000), "CHF", "CHF") == D("100000.00")


def test_the_quotient_has_28_significant_digits_and_is_rounded_once_to_cents() -> None:
    # 1 ÷ 200.00000000000000000000000000004 = 0.00499999999999999999999999999999…, which 28 significant
    # digits make 0.005000000000000000000000000000, and half up makes 0.01 (exact arithmetic: 0.00)
    odd = Rates("USD", {"AAA": D(1), "BBB": D("200.00000000000000000000000000004")})
    assert odd.convert(D(1), "AAA", "BBB") == D("0.01")


def test_switching_the_display_currency_in_the_settings_keeps_every_rate() -> None:
    dollars = Settings(display_currency="USD", fx={"EUR": D("1.08"), "GBP": D("1.27")})
    assert dollars.fx_base == "USD"
    euros = dollars.model_copy(update={"display_currency": "EUR"})
    assert (euros.fx_base, euros.fx) == ("USD", {"EUR": D("1.08"), "GBP": D("1.27")})
    london = Offer(id="london", company="London Ltd", role="Engineer", currency="GBP", base_salary=D(100000))
    ev = Evaluator.for_settings([london], euros, as_of=date(2026, 11, 20))
    # year 1 is £100,000: 117,592.59 € (not 127,000 €, which reading 1.27 as GBP→EUR would give)
    assert ev.year_one_display("london") == D("117592.59")
    back = Evaluator.for_settings([london], dollars, as_of=date(2026, 11, 20))
    assert back.year_one_display("london") == D("127000.00")


def test_the_old_signature_reads_rates_in_the_display_currency() -> None:
    assert convert(D(100), "GBP", "USD", {"GBP": D("1.27")}) == D("127.00")
    assert convert(D(100), "GBP", "EUR", {"GBP": D("1.27"), "EUR": D("1.08")}, fx_base="USD") == D("117.59")


def test_settings_refuse_a_rate_for_the_base_other_than_one() -> None:
    from pydantic import ValidationError

    with pytest.raises(ValidationError):
        Settings(display_currency="EUR", fx_base="USD", fx={"USD": D(2)})
    assert Settings(display_currency="EUR", fx_base="USD", fx={"USD": D(1)}).fx == {"USD": D(1)}


# --- a reference rate to propose ----------------------------------------------------------------


def test_a_reference_rate_is_proposed_with_its_day_and_source() -> None:
    proposed = propose_rate("GBP", "USD", date(2024, 3, 1))
    assert proposed is not None
    # ECB, Friday 1 March 2024: 1 EUR = 1.0813 USD = 0.85588 GBP, so 1 GBP = 1.0813 / 0.85588 = 1.2633780… USD
    assert proposed.day == date(2024, 3, 1)
    assert proposed.rate == D("1.263378")
    assert (proposed.currency, proposed.base) == ("GBP", "USD")
    assert "European Central Bank" in proposed.source


def test_a_weekend_takes_the_last_working_day_before_it() -> None:
    proposed = propose_rate("EUR", "USD", date(2024, 3, 3))  # a Sunday
    assert proposed is not None and proposed.day == date(2024, 3, 1) and proposed.rate == D("1.081300")


def test_no_proposal_for_a_currency_the_ecb_does_not_publish() -> None:
    assert propose_rate("XAF", "USD") is None
    assert propose_rate("USD", "XAF") is None


def test_the_newest_rates_answer_for_today_and_later() -> None:
    proposed = propose_rate("EUR", "USD")
    assert proposed is not None and proposed.rate > 0
    later = propose_rate("EUR", "USD", date(2100, 1, 1))
    assert later is not None and later.day == proposed.day  # never a rate from the future: the newest, dated
