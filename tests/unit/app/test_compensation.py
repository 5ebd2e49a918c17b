"""The money rules of the offer file spec, year by year and month by month, hand-computed.

Every expected figure is a literal worked out by hand (the arithmetic is in the comment beside it),
never recomputed with the code under test.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.compensation import (
    COMPONENTS,
    equity_by_year_exact,
    figures,
    grant_by_year,
    monthly_vesting,
    vesting_years_pct,
    year_by_year,
)
from app.models import Grant, Offer, Vesting
from app.money import convert, rate, round_cents
from tests import strategies

D = Decimal


def make_offer(**fields: Any) -> Offer:
    return Offer.model_validate({"id": "t", "company": "Acme", "role": "Engineer", **fields})


def column(offer: Offer, name: str, horizon: int = 4) -> list[Decimal]:
    return [year.component(name) for year in year_by_year(offer, horizon)]


def rsu(value: Any, **vesting: Any) -> dict[str, Any]:
    grant: dict[str, Any] = {"kind": "rsu", "value": value}
    if vesting:
        grant["vesting"] = vesting
    return grant


# --- rounding and currency -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (D("0.005"), D("0.01")),  # half a cent goes up
        (D("0.015"), D("0.02")),
        (D("0.025"), D("0.03")),  # banker's rounding would give 0.02
        (D("2.675"), D("2.68")),
        (D("-0.005"), D("-0.01")),  # half away from zero, also below zero
        (D("0.0049999"), D("0.00")),
        (D("101000.505"), D("101000.51")),
    ],
)
def test_round_cents_is_half_away_from_zero(value: Decimal, expected: Decimal) -> None:
    result = round_cents(value)
    assert result == expected
    assert str(result) == str(expected)  # always two decimals


def test_convert_with_a_rate() -> None:
    # 555600.00 EUR × 1.08 = 600048.00 USD
    assert convert(D("555600.00"), "EUR", "USD", {"EUR": D("1.08")}) == D("600048.00")
    # 0.01 × 0.5 = 0.005 → 0.01 (half up)
    assert convert(D("0.01"), "EUR", "USD", {"EUR": D("0.5")}) == D("0.01")
    # 100.01 × 1.005 = 100.51005 → 100.51
    assert convert(D("100.01"), "GBP", "USD", {"GBP": D("1.005")}) == D("100.51")


def test_convert_without_a_rate_gives_none_never_a_mixed_number() -> None:
    assert convert(D("100"), "EUR", "USD", {}) is None
    assert convert(D("100"), "EUR", "USD", {"GBP": D("1.27")}) is None
    assert rate("EUR", "USD", {}) is None


def test_same_currency_needs_no_rate() -> None:
    assert rate("USD", "USD", {}) == D(1)
    assert convert(D("123.45"), "USD", "USD", {}) == D("123.45")
    # the display currency converts at 1 even when fx lists other currencies
    assert convert(D("99.99"), "EUR", "EUR", {"USD": D("0.92")}) == D("99.99")


# --- vesting schedules ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("vesting", "expected"),
    [
        ({}, [25, 25, 25, 25]),  # standard: 25 × 4, 12-month cliff
        ({"years_pct": [5, 15, 40, 40]}, [5, 15, 40, 40]),
        ({"years_pct": [33, 33, 22, 12], "cliff_months": 0}, [33, 33, 22, 12]),
        ({"years_pct": [10, 20, 30, 40]}, [10, 20, 30, 40]),
        ({"cliff_months": 0}, [25, 25, 25, 25]),
        ({"cliff_months": 6}, [25, 25, 25, 25]),  # a cliff inside year 1 changes no year total
        ({"cliff_months": 13}, [0, 50, 25, 25]),  # 25 + 25 vest in year 2
        ({"cliff_months": 18}, [0, 50, 25, 25]),
        ({"cliff_months": 24}, [0, 50, 25, 25]),
        ({"cliff_months": 30}, [0, 0, 75, 25]),  # 25 + 25 + 25 vest in year 3
        ({"cliff_months": 48}, [0, 0, 0, 100]),
        ({"cliff_months": 60}, [0, 0, 0, 0, 100]),  # past the schedule: all of it in year 5
        ({"years_pct": [100], "cliff_months": 24}, [0, 100]),
    ],
)
def test_vesting_years_after_the_cliff(vesting: dict[str, Any], expected: list[int]) -> None:
    assert vesting_years_pct(Vesting.model_validate(vesting)) == [D(p) for p in expected]


@pytest.mark.parametrize(
    ("vesting", "expected"),
    [
        # 48000 × 25 % = 12000 a year
        ({}, ["12000.00", "12000.00", "12000.00", "12000.00"]),
        # 48000 × 5/15/40/40 % = 2400 / 7200 / 19200 / 19200
        ({"years_pct": [5, 15, 40, 40]}, ["2400.00", "7200.00", "19200.00", "19200.00"]),
        # 48000 × 33/33/22/12 % = 15840 / 15840 / 10560 / 5760
        (
            {"years_pct": [33, 33, 22, 12], "cliff_months": 0},
            ["15840.00", "15840.00", "10560.00", "5760.00"],
        ),
        # 48000 × 10/20/30/40 % = 4800 / 9600 / 14400 / 19200
        ({"years_pct": [10, 20, 30, 40]}, ["4800.00", "9600.00", "14400.00", "19200.00"]),
        ({"cliff_months": 0}, ["12000.00", "12000.00", "12000.00", "12000.00"]),
        # 18-month cliff: year 1 gets 0, year 2 gets 50 % = 24000
        ({"cliff_months": 18}, ["0.00", "24000.00", "12000.00", "12000.00"]),
        ({"cliff_months": 24}, ["0.00", "24000.00", "12000.00", "12000.00"]),
        # 30-month cliff: year 3 gets 75 % = 36000
        ({"cliff_months": 30}, ["0.00", "0.00", "36000.00", "12000.00"]),
        # a 60-month cliff falls in year 5: nothing inside a 4-year horizon
        ({"cliff_months": 60}, ["0.00", "0.00", "0.00", "0.00"]),
    ],
)
def test_equity_per_year_for_each_schedule(vesting: dict[str, Any], expected: list[str]) -> None:
    offer = make_offer(equity=[rsu(48000, **vesting)])
    assert column(offer, "equity") == [D(x) for x in expected]


def test_a_cliff_past_the_horizon_vests_in_the_year_it_falls_once_the_horizon_reaches_it() -> None:
    offer = make_offer(equity=[rsu(48000, cliff_months=60)])
    # 60 months → year 5 gets all 48000
    assert column(offer, "equity", horizon=5) == [D(0), D(0), D(0), D(0), D("48000.00")]


def test_grant_by_year_rounds_each_year_and_stops_at_the_horizon() -> None:
    grant = Grant.model_validate({"kind": "rsu", "value": D("100.02")})
    # 100.02 × 25 % = 25.005 → 25.01 each year
    assert grant_by_year(grant, 4) == [D("25.01")] * 4
    assert grant_by_year(grant, 2) == [D("25.01"), D("25.01")]
    # a 6-year horizon: nothing vests after year 4
    assert grant_by_year(grant, 6) == [D("25.01")] * 4 + [D(0), D(0)]


# --- grants: RSUs and options --------------------------------------------------------------------


def test_rsu_by_value_and_by_shares_times_price() -> None:
    by_value = make_offer(equity=[rsu(160000)])
    # 160000 / 4 = 40000 a year
    assert column(by_value, "equity") == [D("40000.00")] * 4
    by_shares = make_offer(equity=[{"kind": "rsu", "shares": 800, "price": 250}])
    # 800 × 250 = 200000 → 50000 a year
    assert column(by_shares, "equity") == [D("50000.00")] * 4
    fractional = make_offer(equity=[{"kind": "rsu", "shares": 333, "price": D("10.01")}])
    # 333 × 10.01 = 3333.33; × 25 % = 833.3325 → 833.33
    assert column(fractional, "equity") == [D("833.33")] * 4


def test_options_in_the_money_are_worth_the_spread() -> None:
    offer = make_offer(equity=[{"kind": "option", "shares": 12000, "strike": D("3.2"), "price": D("9.5")}])
    # 12000 × (9.5 − 3.2) = 12000 × 6.3 = 75600 → 18900 a year
    assert column(offer, "equity") == [D("18900.00")] * 4


@pytest.mark.parametrize(("strike", "price"), [(10, 4), (D("2.5"), D("2.5")), (D("0.01"), 0)])
def test_options_under_or_at_the_money_are_worth_nothing(strike: Any, price: Any) -> None:
    offer = make_offer(equity=[{"kind": "option", "shares": 20000, "strike": strike, "price": price}])
    # max(price − strike, 0) = 0, never negative
    assert column(offer, "equity") == [D(0)] * 4
    assert figures(offer, 4).total == D(0)


def test_several_grants_add_up() -> None:
    offer = make_offer(
        equity=[rsu(48000), rsu(100000, years_pct=[5, 15, 40, 40])]
    )
    # 12000 + 5000, 12000 + 15000, 12000 + 40000, 12000 + 40000
    assert column(offer, "equity") == [D("17000.00"), D("27000.00"), D("52000.00"), D("52000.00")]


# --- refreshers ----------------------------------------------------------------------------------


def test_refreshers_start_in_year_two_by_default() -> None:
    offer = make_offer(refreshers={"annual_value": 40000})
    # grants of 40000 in years 2, 3, 4, each vesting 10000 a year:
    # year 2: 10000; year 3: 10000 + 10000; year 4: 3 × 10000
    assert column(offer, "equity") == [D(0), D("10000.00"), D("20000.00"), D("30000.00")]


def test_refreshers_from_year_one() -> None:
    offer = make_offer(refreshers={"annual_value": 40000, "first_year": 1})
    # 1, 2, 3, 4 grants vesting in years 1..4 → 10000, 20000, 30000, 40000
    assert column(offer, "equity") == [D("10000.00"), D("20000.00"), D("30000.00"), D("40000.00")]


def test_refreshers_only_vest_within_the_horizon() -> None:
    late = make_offer(refreshers={"annual_value": 40000, "first_year": 5})
    assert column(late, "equity") == [D(0)] * 4  # the first refresher comes after year 4
    offer = make_offer(refreshers={"annual_value": 40000, "first_year": 4})
    assert column(offer, "equity", horizon=4) == [D(0), D(0), D(0), D("10000.00")]
    # over a 6-year horizon: years 5 and 6 add a grant each (10000 per live grant)
    assert column(offer, "equity", horizon=6) == [
        D(0), D(0), D(0), D("10000.00"), D("20000.00"), D("30000.00")
    ]


def test_refreshers_with_their_own_schedule_and_an_initial_grant() -> None:
    offer = make_offer(
        equity=[rsu(48000)],
        refreshers={"annual_value": 100000, "vesting": {"years_pct": [5, 15, 40, 40]}},
    )
    # refreshers: year 2: 5000; year 3: 15000 + 5000; year 4: 40000 + 15000 + 5000
    # plus 12000 a year from the initial grant
    assert column(offer, "equity") == [D("12000.00"), D("17000.00"), D("32000.00"), D("72000.00")]


# --- base, raises, bonus -------------------------------------------------------------------------


def test_raises_compound_and_round_to_cents() -> None:
    offer = make_offer(base_salary=100000, annual_raise_pct=3)
    # 100000; × 1.03 = 103000; × 1.03 = 106090; × 1.03 = 109272.70
    assert column(offer, "base") == [D("100000.00"), D("103000.00"), D("106090.00"), D("109272.70")]


def test_raises_round_half_up_on_an_exact_half_cent() -> None:
    offer = make_offer(base_salary=D("100000.50"), annual_raise_pct=1)
    # 100000.50 × 1.01 = 101000.505 → 101000.51 (half-even would give .50)
    # 100000.50 × 1.01² = 102010.51005 → 102010.51 (compounded from the exact, unrounded base)
    assert column(offer, "base", horizon=3) == [D("100000.50"), D("101000.51"), D("102010.51")]


def test_no_raise_keeps_the_base() -> None:
    offer = make_offer(base_salary=D("85000.10"))
    assert column(offer, "base") == [D("85000.10")] * 4


def test_bonus_by_percent_uses_that_years_base() -> None:
    offer = make_offer(base_salary=100000, annual_raise_pct=3, bonus={"target_pct": 10})
    # 10 % of 100000 / 103000 / 106090 / 109272.70
    assert column(offer, "bonus") == [D("10000.00"), D("10300.00"), D("10609.00"), D("10927.27")]


def test_bonus_by_percent_with_expected_payout() -> None:
    offer = make_offer(base_salary=165000, bonus={"target_pct": 15, "expected_payout_pct": 90})
    # 165000 × 15 × 90 / 10000 = 22275
    assert column(offer, "bonus") == [D("22275.00")] * 4


def test_bonus_by_amount_ignores_raises_and_applies_payout() -> None:
    offer = make_offer(base_salary=100000, annual_raise_pct=5, bonus={"target_amount": 20000})
    assert column(offer, "bonus") == [D("20000.00")] * 4  # payout defaults to 100 %
    above = make_offer(bonus={"target_amount": 20000, "expected_payout_pct": 150})
    assert column(above, "bonus") == [D("30000.00")] * 4  # 20000 × 150 / 100
    half_cent = make_offer(bonus={"target_amount": D("10000.01"), "expected_payout_pct": 50})
    # 10000.01 × 50 / 100 = 5000.005 → 5000.01
    assert column(half_cent, "bonus") == [D("5000.01")] * 4


def test_no_bonus_is_zero() -> None:
    assert column(make_offer(base_salary=100000), "bonus") == [D(0)] * 4


# --- sign-on, relocation, benefits, horizon ------------------------------------------------------


def test_sign_on_element_i_is_paid_in_year_i_plus_one() -> None:
    offer = make_offer(sign_on=[50000, 25000])
    assert column(offer, "sign_on") == [D("50000.00"), D("25000.00"), D(0), D(0)]


def test_sign_on_beyond_the_horizon_is_not_counted() -> None:
    offer = make_offer(sign_on=[1000, 2000, 3000])
    assert column(offer, "sign_on", horizon=2) == [D("1000.00"), D("2000.00")]
    assert figures(offer, 2).total == D("3000.00")  # 1000 + 2000; the 3000 falls in year 3


def test_relocation_is_one_time_money_in_year_one() -> None:
    offer = make_offer(relocation=8000)
    assert column(offer, "one_time") == [D("8000.00"), D(0), D(0), D(0)]
    assert column(offer, "sign_on") == [D(0)] * 4  # not mixed into sign-on


def test_benefits_count_every_year() -> None:
    offer = make_offer(
        benefits=[
            {"name": "401(k) match", "annual_value": 6000},
            {"name": "stipend", "annual_value": D("1200.50")},
        ]
    )
    # 6000 + 1200.50 = 7200.50 each year
    assert column(offer, "benefits") == [D("7200.50")] * 4


def test_binary_fractions_never_drift() -> None:
    offer = make_offer(
        benefits=[{"name": "a", "annual_value": 0.1}, {"name": "b", "annual_value": 0.2}],
        sign_on=[0.1, 0.2],
    )
    # 0.1 + 0.2 = 0.30 exactly, not 0.30000000000000004
    assert column(offer, "benefits") == [D("0.30")] * 4
    assert figures(offer, 4).total == D("1.50")  # 4 × 0.30 + 0.1 + 0.2


@pytest.mark.parametrize("horizon", [1, 2, 4, 10])
def test_horizon_sets_how_many_years_are_figured(horizon: int) -> None:
    offer = make_offer(base_salary=1000)
    result = figures(offer, horizon)
    assert [year.year for year in result.years] == list(range(1, horizon + 1))
    assert result.horizon == horizon
    assert result.total == D(1000 * horizon)  # 1000 a year


# --- totals, averages and the three kinds of money ------------------------------------------------


def test_year_total_is_the_sum_of_rounded_components() -> None:
    offer = make_offer(
        bonus={"target_amount": D("10000.01"), "expected_payout_pct": 50},
        equity=[rsu(D("100.02"))],
    )
    year_one = year_by_year(offer, 4)[0]
    # bonus 5000.005 → 5000.01, equity 25.005 → 25.01: total 5025.02
    # (rounding the exact sum 5025.01 instead would not add up in the table)
    assert (year_one.bonus, year_one.equity) == (D("5000.01"), D("25.01"))
    assert year_one.total == D("5025.02")
    assert figures(offer, 4).total == D("20100.08")  # 4 × 5025.02


def test_northwind_style_offer_year_by_year() -> None:
    offer = make_offer(
        base_salary=172000,
        annual_raise_pct=3,
        bonus={"target_pct": 10},
        sign_on=[20000],
        equity=[rsu(160000, frequency="quarterly")],
        benefits=[{"name": "401(k) match", "annual_value": 6000}],
    )
    years = year_by_year(offer, 4)
    # base: 172000; 177160; 182474.80; 187949.044 → 187949.04
    assert [y.base for y in years] == [D("172000.00"), D("177160.00"), D("182474.80"), D("187949.04")]
    # bonus 10 %: 17200; 17716; 18247.48; 18794.9044 → 18794.90
    assert [y.bonus for y in years] == [D("17200.00"), D("17716.00"), D("18247.48"), D("18794.90")]
    # 172000 + 17200 + 20000 + 40000 + 6000 = 255200
    # 177160 + 17716 + 40000 + 6000 = 240876
    # 182474.80 + 18247.48 + 40000 + 6000 = 246722.28
    # 187949.04 + 18794.90 + 40000 + 6000 = 252743.94
    assert [y.total for y in years] == [D("255200.00"), D("240876.00"), D("246722.28"), D("252743.94")]
    result = figures(offer, 4)
    assert result.year_one == D("255200.00")
    assert result.total == D("995542.22")  # 255200 + 240876 + 246722.28 + 252743.94
    assert result.annual_average == D("248885.56")  # 995542.22 / 4 = 248885.555 → .56 (half up)
    # each component over the horizon (the brief's total row and the comparison's rows read these)
    assert result.component_total("base") == D("719583.84")  # 172000 + 177160 + 182474.80 + 187949.04
    assert result.component_total("bonus") == D("71958.38")  # 17200 + 17716 + 18247.48 + 18794.90
    assert result.component_total("sign_on") == D("20000.00")  # year 1 only
    assert result.component_total("equity") == D("160000.00")  # 4 × 40000
    assert result.component_total("benefits") == D("24000.00")  # 4 × 6000
    assert result.component_total("one_time") == D("0.00")
    # guaranteed = base + sign-on = 719583.84 + 20000; the conventions sum the same way
    assert result.component_total("guaranteed_cash") == D("739583.84")
    assert result.component_total("total") == D("995542.22")  # 719583.84 + 71958.38 + 20000 + 160000 + 24000


def test_guaranteed_contingent_and_equity_are_kept_apart() -> None:
    offer = make_offer(
        base_salary=165000,
        bonus={"target_pct": 15, "expected_payout_pct": 90},
        sign_on=[30000, 15000],
        relocation=8000,
        equity=[{"kind": "rsu", "shares": 800, "price": 250, "vesting": {"years_pct": [10, 20, 30, 40]}}],
        benefits=[{"name": "gym", "annual_value": 500}],
    )
    years = year_by_year(offer, 4)
    # guaranteed = base + sign-on + relocation: 165000 + 30000 + 8000; 165000 + 15000; 165000; 165000
    assert [y.guaranteed_cash for y in years] == [D("203000"), D("180000"), D("165000"), D("165000")]
    assert [y.contingent_cash for y in years] == [D("22275.00")] * 4  # the bonus only
    assert [y.equity for y in years] == [D("20000.00"), D("40000.00"), D("60000.00"), D("80000.00")]
    result = figures(offer, 4)
    assert result.guaranteed_cash == D("713000.00")  # 4 × 165000 + 45000 + 8000
    assert result.contingent_cash == D("89100.00")  # 4 × 22275
    assert result.equity == D("200000.00")  # 800 × 250
    assert result.benefits == D("2000.00")  # 4 × 500
    # 713000 + 89100 + 200000 + 2000
    assert result.total == D("1004100.00")


def test_annual_average_rounds_half_up() -> None:
    offer = make_offer(sign_on=[D("0.02")], base_salary=0)
    # 0.02 over 4 years = 0.005 → 0.01
    assert figures(offer, 4).annual_average == D("0.01")
    # 100 over 3 years = 33.333… → 33.33
    assert figures(make_offer(sign_on=[100]), 3).annual_average == D("33.33")


def test_an_empty_offer_is_all_zeros() -> None:
    result = figures(make_offer(), 4)
    for year in result.years:
        assert [year.component(name) for name in COMPONENTS] == [D(0)] * 6
    assert result.total == D(0)


# --- month by month ------------------------------------------------------------------------------


def amounts(offer: Offer, horizon: int = 4) -> dict[int, Decimal]:
    return {m.month: m.amount for m in monthly_vesting(offer, horizon)}


def test_monthly_vesting_standard_monthly() -> None:
    months = amounts(make_offer(equity=[rsu(48000)]))
    assert len(months) == 48
    assert all(months[m] == 0 for m in range(1, 12))  # before the cliff
    assert months[12] == D("12000.00")  # 12 × 1000 at the cliff
    assert months[13] == D("1000.00")  # 48000 / 48
    assert months[48] == D("1000.00")
    assert sum(months.values()) == D("48000.00")


def test_monthly_vesting_standard_quarterly() -> None:
    months = amounts(make_offer(equity=[rsu(48000, frequency="quarterly")]))
    assert months[12] == D("12000.00")
    # 12000 a year / 4 = 3000 at the end of each quarter
    assert {m: months[m] for m in (13, 14, 15, 16, 17, 18)} == {
        13: 0, 14: 0, 15: D("3000.00"), 16: 0, 17: 0, 18: D("3000.00")
    }
    paid = [m for m, amount in months.items() if amount]
    assert paid == [12, 15, 18, 21, 24, 27, 30, 33, 36, 39, 42, 45, 48]


def test_monthly_vesting_annual() -> None:
    months = amounts(make_offer(equity=[rsu(48000, frequency="annual", cliff_months=0)]))
    assert {m: a for m, a in months.items() if a} == {
        12: D("12000.00"), 24: D("12000.00"), 36: D("12000.00"), 48: D("12000.00")
    }


def test_monthly_vesting_without_cliff() -> None:
    months = amounts(make_offer(equity=[rsu(48000, cliff_months=0)]))
    assert months[1] == D("1000.00")
    assert set(months.values()) == {D("1000.00")}


def test_monthly_vesting_short_and_long_cliffs() -> None:
    six = amounts(make_offer(equity=[rsu(48000, cliff_months=6)]))
    assert (six[5], six[6], six[7]) == (D(0), D("6000.00"), D("1000.00"))  # 6 × 1000 at month 6
    long = amounts(make_offer(equity=[rsu(48000, cliff_months=18)]))
    assert all(long[m] == 0 for m in range(1, 18))
    assert (long[18], long[19]) == (D("18000.00"), D("1000.00"))  # 18 × 1000 at month 18


def test_monthly_vesting_cumulative_and_cents_never_drift() -> None:
    series = monthly_vesting(make_offer(equity=[rsu(100000, years_pct=[5, 15, 40, 40], cliff_months=0)]), 4)
    # year 1: 5000 / 12 = 416.666… a month; cumulative rounded: 416.67, 833.33, 1250.00
    assert [m.cumulative for m in series[:3]] == [D("416.67"), D("833.33"), D("1250.00")]
    assert [m.amount for m in series[:3]] == [D("416.67"), D("416.66"), D("416.67")]
    assert series[11].cumulative == D("5000.00")
    assert series[23].cumulative == D("20000.00")  # 5000 + 15000
    assert series[47].cumulative == D("100000.00")


def test_monthly_vesting_refreshers_and_horizon() -> None:
    refresh = amounts(make_offer(refreshers={"annual_value": 48000}), horizon=3)
    assert len(refresh) == 36
    assert all(refresh[m] == 0 for m in range(1, 24))  # first grant in year 2, cliff at its 12th month
    assert refresh[24] == D("12000.00")
    assert refresh[25] == D("1000.00")  # only the year-2 grant vests; the year-3 grant waits for its cliff
    short = monthly_vesting(make_offer(equity=[rsu(48000)]), 2)
    assert len(short) == 24
    assert short[-1].cumulative == D("24000.00")  # two of four years


# --- properties ----------------------------------------------------------------------------------


offer_models = strategies.offers(with_id=True).map(Offer.model_validate)
horizons = st.integers(1, 10)


@given(offer=offer_models, horizon=horizons)
def test_each_years_total_is_the_sum_of_its_components(offer: Offer, horizon: int) -> None:
    years = year_by_year(offer, horizon)
    assert len(years) == horizon
    for year in years:
        parts = [year.component(name) for name in COMPONENTS]
        assert all(part == part.quantize(D("0.01")) for part in parts)  # every figure in cents
        assert all(part >= 0 for part in parts)
        assert year.total == sum(parts, D(0))
        assert year.guaranteed_cash + year.contingent_cash + year.equity + year.benefits == year.total
    assert figures(offer, horizon).total == sum((y.total for y in years), D(0))


@st.composite
def grant_with_long_enough_horizon(draw: st.DrawFn) -> tuple[Grant, int]:
    grant = Grant.model_validate(draw(strategies.grants()))
    schedule_years = len(vesting_years_pct(grant.vesting))  # includes a cliff past the last year
    return grant, draw(st.integers(schedule_years, 10))


@given(case=grant_with_long_enough_horizon())
def test_a_grant_vests_its_whole_value_within_the_per_year_rounding(case: tuple[Grant, int]) -> None:
    grant, horizon = case
    offer = make_offer(equity=[grant.model_dump()])
    vested = sum((y.equity for y in year_by_year(offer, horizon)), D(0))
    assert abs(vested - grant.grant_value) <= D("0.005") * horizon
    assert sum(grant_by_year(grant, horizon), D(0)) == vested


@given(offer=offer_models, horizon=horizons)
def test_month_by_month_agrees_with_year_by_year(offer: Offer, horizon: int) -> None:
    series = monthly_vesting(offer, horizon)
    assert len(series) == 12 * horizon
    assert sum((m.amount for m in series), D(0)) == (series[-1].cumulative if series else D(0))
    yearly = [y.equity for y in year_by_year(offer, horizon)]
    exact = equity_by_year_exact(offer, horizon)
    # cumulative at the end = the exact equity of the horizon, rounded once
    assert series[-1].cumulative == round_cents(sum(exact, D(0)))
    assert abs(series[-1].cumulative - sum(yearly, D(0))) <= D("0.01") * horizon
    previous = D(0)
    for year in range(1, horizon + 1):
        at_year_end = series[12 * year - 1].cumulative
        assert abs((at_year_end - previous) - yearly[year - 1]) <= D("0.01")  # within a cent a year
        previous = at_year_end
