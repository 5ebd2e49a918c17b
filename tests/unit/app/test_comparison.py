"""Offers side by side (app.comparison), hand-computed over a two-year horizon.

The four offers, and what each figure is by hand (display currency USD, fx {"EUR": 1.08}):

Alpha (USD): base 100,000; bonus 10,000 a year; sign-on [20,000]; RSU 40,000 at 25 % a year;
  benefits 1,000; relocation 5,000.
  year 1 = 100,000 + 10,000 + 20,000 + 10,000 + 1,000 + 5,000 = 146,000
  year 2 = 100,000 + 10,000 + 10,000 + 1,000                  = 121,000      total 267,000
Beta (USD): base 120,000; benefits 1,000.          year 1 = year 2 = 121,000   total 242,000
Gamma (EUR, 1.08): every figure is its own EUR figure × 1.08, rounded to cents (as the command line
  converts total_display): base 110,000 → 118,800; sign-on [10,000.05] → 10,800.054 → 10,800.05;
  benefits 925.93 → 1,000.0044 → 1,000.00.
  year 1 = 120,925.98 EUR × 1.08 = 130,600.0584 → 130,600.06 (one cent above the sum of its
           converted parts, 130,600.05: each figure is converted on its own)
  year 2 = 110,925.93 EUR × 1.08 = 119,800.0044 → 119,800.00
  total  = 231,851.91 EUR × 1.08 = 250,400.0628 → 250,400.06
Delta (GBP, no rate): base 90,000; benefits 800. Shown in GBP, never compared.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

import pytest

from app.comparison import CHART_PARTS, Comparison, build_comparison, comparison_for, nice_ticks
from app.compensation import figures
from app.evaluation import Evaluator
from app.models import Offer

D = Decimal
FX = {"EUR": D("1.08")}


def make_offer(offer_id: str, company: str, **fields: Any) -> Offer:
    return Offer.model_validate({"id": offer_id, "company": company, "role": "Engineer", **fields})


ALPHA = make_offer(
    "alpha",
    "Alpha",
    base_salary=100000,
    bonus={"target_amount": 10000},
    sign_on=[20000],
    equity=[{"kind": "rsu", "value": 40000}],
    benefits=[{"name": "401(k)", "annual_value": 1000}],
    relocation=5000,
)
BETA = make_offer("beta", "Beta", base_salary=120000, benefits=[{"name": "Gym", "annual_value": 1000}])
GAMMA = make_offer(
    "gamma",
    "Gamma",
    currency="EUR",
    base_salary=110000,
    sign_on=[D("10000.05")],
    benefits=[{"name": "Pension", "annual_value": D("925.93")}],
)
DELTA = make_offer(
    "delta", "Delta", currency="GBP", base_salary=90000, benefits=[{"name": "Pension", "annual_value": 800}]
)
OFFERS = [ALPHA, BETA, GAMMA, DELTA]


def compare(baseline_id: str | None = None, offers: list[Offer] = OFFERS) -> Comparison:
    return build_comparison(offers, display_currency="USD", fx=FX, horizon=2, baseline_id=baseline_id)


def values(comparison: Comparison, key: str) -> list[Decimal | None]:
    return list(comparison.row(key).values)


def test_rows_in_order_with_their_conventions_in_the_label():
    comparison = compare()
    assert [row.key for row in comparison.rows] == [
        "year:1",
        "year:2",
        "base",
        "sign_on",
        "one_time",
        "guaranteed_cash",
        "contingent_cash",
        "equity",
        "benefits",
        "total",
        "annual_average",
    ]
    assert comparison.row("year:1").label == "Year 1 total"
    assert comparison.row("total").label == "2-year total"
    assert comparison.row("annual_average").label == "Annual average (2-year total ÷ 2)"
    assert comparison.row("guaranteed_cash").label == "Guaranteed cash, 2 years (base + sign-on + relocation)"
    assert all(row.higher_is_better for row in comparison.rows)  # only a leaving cost is better lower


def test_values_are_converted_to_the_display_currency_component_by_component():
    comparison = compare()
    assert values(comparison, "year:1") == [D("146000"), D("121000"), D("130600.06"), D("90800")]
    assert values(comparison, "year:2") == [D("121000"), D("121000"), D("119800"), D("90800")]
    assert values(comparison, "total") == [D("267000"), D("242000"), D("250400.06"), D("181600")]
    # Gamma: 231,851.91 EUR ÷ 2 = 115,925.955 → 115,925.96 EUR × 1.08 = 125,200.0368 → 125,200.04
    assert values(comparison, "annual_average") == [D("133500"), D("121000"), D("125200.04"), D("90800")]
    assert values(comparison, "guaranteed_cash") == [D("225000"), D("240000"), D("248400.05"), D("180000")]
    assert values(comparison, "contingent_cash") == [D("20000"), D("0"), D("0"), D("0")]
    assert values(comparison, "equity") == [D("20000"), D("0"), D("0"), D("0")]
    assert values(comparison, "sign_on") == [D("20000"), D("0"), D("10800.05"), D("0")]
    assert values(comparison, "one_time") == [D("5000"), D("0"), D("0"), D("0")]


def test_unconverted_offer_keeps_its_currency_and_is_flagged():
    comparison = compare()
    delta = comparison.columns[3]
    assert (delta.converted, delta.currency, delta.offer_currency) == (False, "GBP", "GBP")
    assert comparison.columns[2].converted and comparison.columns[2].currency == "USD"
    assert comparison.columns[2].offer_currency == "EUR"
    assert comparison.unconverted == (delta,)
    # and it is never charted in the display currency
    assert [s.offer_id for s in comparison.series] == ["alpha", "beta", "gamma"]


def test_best_marks_the_highest_converted_value_and_ties():
    comparison = compare()
    # Delta's 90,800 GBP would never win here anyway: see the next test for exclusion
    assert comparison.row("year:1").statuses == ("best", "", "", "")
    assert comparison.row("year:2").statuses == ("best", "best", "", "")  # 121,000 twice
    assert comparison.row("guaranteed_cash").statuses == ("", "", "best", "")
    assert comparison.row("total").statuses == ("best", "", "", "")


def test_unconverted_column_is_excluded_from_best_even_when_its_number_is_larger():
    rich = make_offer("rich", "Rich", currency="GBP", base_salary=900000)
    comparison = compare(offers=[ALPHA, BETA, rich])
    assert comparison.row("year:1").values[2] == D("900000")
    assert comparison.row("year:1").statuses == ("best", "", "")
    assert comparison.row("year:1").differences[2] is None


def test_same_status_and_differs_flag():
    comparison = compare(offers=[ALPHA, BETA, DELTA])
    benefits = comparison.row("benefits")
    # 2,000 / 2,000 in USD; Delta's 1,600 GBP is not compared
    assert benefits.values[:2] == (D("2000"), D("2000"))
    assert benefits.statuses == ("same", "same", "")
    assert benefits.differs is False
    assert comparison.row("year:1").differs is True


def test_differs_when_an_uncompared_offer_has_something_where_the_others_have_nothing():
    # nothing is nothing in every currency: Delta's relocation 0 matches; a GBP relocation would not
    movers = make_offer("movers", "Movers", currency="GBP", relocation=3000)
    assert compare(offers=[BETA, GAMMA, DELTA]).row("one_time").differs is False
    assert compare(offers=[BETA, GAMMA, movers]).row("one_time").differs is True


def test_differences_against_the_default_baseline_the_first_converted_offer():
    comparison = compare()
    assert comparison.baseline_index == 0
    assert comparison.row("year:1").differences == (None, D("-25000"), D("-15399.94"), None)


def test_changing_the_baseline_changes_the_differences():
    comparison = compare(baseline_id="beta")
    assert comparison.baseline is not None and comparison.baseline.company == "Beta"
    assert comparison.row("year:1").differences == (D("25000"), None, D("9600.06"), None)
    assert comparison.row("total").differences == (D("25000"), None, D("8400.06"), None)


def test_an_unconverted_baseline_gives_no_differences():
    comparison = compare(baseline_id="delta")
    assert comparison.baseline_index is None
    assert all(d is None for row in comparison.rows for d in row.differences)


def test_a_single_comparable_offer_has_no_best():
    comparison = compare(offers=[ALPHA, DELTA])
    assert comparison.row("year:1").statuses == ("", "")
    assert comparison.row("year:1").differs is True  # nothing to say they are equal: keep the row


@pytest.mark.parametrize("index", [0, 1, 2, 3])
def test_columns_add_up(index):
    comparison = compare()
    col = [row.values[index] for row in comparison.rows]
    by_key = dict(zip([row.key for row in comparison.rows], col, strict=True))
    assert by_key["year:1"] + by_key["year:2"] == by_key["total"]
    split = ("guaranteed_cash", "contingent_cash", "equity", "benefits")
    assert sum((by_key[k] for k in split), D(0)) == by_key["total"]
    assert by_key["base"] + by_key["sign_on"] + by_key["one_time"] == by_key["guaranteed_cash"]


def test_same_currency_figures_equal_app_compensation_exactly():
    comparison = compare()
    alpha = figures(ALPHA, 2)
    assert comparison.row("year:1").values[0] == alpha.year_one
    assert comparison.row("total").values[0] == alpha.total
    assert comparison.row("annual_average").values[0] == alpha.annual_average
    assert comparison.row("guaranteed_cash").values[0] == alpha.guaranteed_cash
    delta = figures(DELTA, 2)  # unconverted: its own figures, untouched
    assert comparison.row("total").values[3] == delta.total


def test_chart_series_stack_and_accumulate():
    comparison = compare()
    alpha = comparison.series[0]
    year1 = alpha.years[0]
    assert (year1.guaranteed_cash, year1.contingent_cash, year1.equity, year1.benefits) == (
        D("125000"),  # 100,000 + 20,000 + 5,000
        D("10000"),
        D("10000"),
        D("1000"),
    )
    assert [y.cumulative for y in alpha.years] == [D("146000"), D("267000")]
    segments = year1.segments
    assert [s.part for s in segments] == list(CHART_PARTS)
    assert [(s.bottom, s.top) for s in segments] == [
        (D("0"), D("125000")),
        (D("125000"), D("135000")),
        (D("135000"), D("145000")),
        (D("145000"), D("146000")),
    ]
    gamma = comparison.series[2]
    assert [y.cumulative for y in gamma.years] == [D("130600.06"), D("250400.06")]
    assert comparison.max_year_total == D("146000")
    assert comparison.max_cumulative == D("267000")


@pytest.mark.parametrize(
    ("maximum", "expected"),
    [
        (D("146000"), [0, 50000, 100000, 150000]),  # 146,000 ÷ 5 = 29,200 → step 50,000
        (D("401674.12"), [0, 100000, 200000, 300000, 400000, 500000]),
        (D("100000"), [0, 20000, 40000, 60000, 80000, 100000]),
        (D("1200"), [0, 250, 500, 750, 1000, 1250]),  # 240 → 250
        (D("0"), [0, 1]),
    ],
)
def test_nice_ticks(maximum, expected):
    assert list(nice_ticks(maximum)) == [D(v) for v in expected]


def test_comparison_for_uses_the_evaluator_settings_and_order():
    evaluator = Evaluator(OFFERS, as_of=date(2026, 11, 20), display_currency="USD", fx=FX, horizon=2)
    comparison = comparison_for(evaluator, ["gamma", "alpha"], baseline_id="alpha")
    assert [c.offer_id for c in comparison.columns] == ["gamma", "alpha"]
    assert comparison.baseline_index == 1
    assert comparison.row("year:1").values == (D("130600.06"), D("146000"))
