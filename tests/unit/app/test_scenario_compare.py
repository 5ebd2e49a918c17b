"""Scenarios as Compare shows them: the growth chart's data (Stay flat) and the break-even lines
between the baseline and each other column, Stay included. Figures worked out by hand beside them."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from app.comparison import comparison_for
from app.compensation import CURRENT_JOB_ID
from app.evaluation import Evaluator
from app.models import CurrentJob, Offer, Scenario
from app.scenario_compare import (
    break_even_lines,
    growth_chart,
    nice_ticks_between,
    scenario_growths,
    stay_break_even,
)

D = Decimal
AS_OF = date(2026, 11, 20)


def offer(ident: str, **fields: Any) -> Offer:
    return Offer.model_validate({"id": ident, "company": ident.title(), "role": "Engineer", **fields})


CASH = offer("cash", base_salary=120000)  # 240,000 over 2 years, no equity
STOCK = offer("stock", base_salary=90000, equity=[{"kind": "rsu", "value": 48609, "vesting": {"years_pct": [0, 100]}}])
JOB = CurrentJob(company="Ridgeway", role="Engineer II", base_salary=D(100000))  # 200,000 over 2 years
SCENARIOS = [
    Scenario(name="bear", growth_pct=D(-20), offers={"stock": D(-40)}),
    Scenario(name="bull", growth_pct=D(15)),
    Scenario(name="moon", growth_pct=D(80)),  # off the chart's −50..+50: no mark
]


def evaluator(**kw: Any) -> Evaluator:
    return Evaluator(
        [CASH, STOCK], as_of=AS_OF, display_currency="USD", fx={}, horizon=2, current_job=JOB, scenarios=SCENARIOS, **kw
    )


def test_the_growth_chart_has_every_column_and_stay_is_flat() -> None:
    ev = evaluator()
    chart = growth_chart(ev, comparison_for(ev, ["cash", "stock"]))
    assert [(line.offer_id, line.label, line.is_stay) for line in chart.lines] == [
        (CURRENT_JOB_ID, "Stay", True),
        ("cash", "Cash", False),
        ("stock", "Stock", False),
    ]
    stay, cash, stock = chart.lines
    assert stay.name == "Ridgeway"
    assert [p.growth_pct for p in stock.points] == [D(g) for g in range(-50, 51, 5)]
    assert {p.total for p in stay.points} == {D("200000.00")}  # 100,000 × 2, whatever the growth
    assert {p.total for p in cash.points} == {D("240000.00")}
    # 180,000 cash + 48,609 × (1 + g/100) vesting in year 2: −50 % → 24,304.50; +50 % → 72,913.50
    assert (stock.points[0].total, stock.points[-1].total) == (D("204304.50"), D("252913.50"))
    # 200,000..252,913.50 in five steps of 10,582.70 → a step of 20,000 from 200,000
    assert chart.y_ticks == (D(200000), D(220000), D(240000), D(260000))
    assert chart.x_ticks == (D(-50), D(-25), D(0), D(25), D(50))
    assert chart.scenarios == (("bear", D(-20)), ("bull", D(15)))
    assert chart.left_out == ()


def test_a_column_without_a_rate_is_left_off_the_chart() -> None:
    euro = offer("euro", currency="EUR", base_salary=1000)
    ev = Evaluator([CASH, euro], as_of=AS_OF, display_currency="USD", fx={}, horizon=2)
    chart = growth_chart(ev, comparison_for(ev, ["cash", "euro"]))
    assert [line.offer_id for line in chart.lines] == ["cash"]
    assert chart.left_out == ("Euro",)


def test_nice_ticks_between_two_values() -> None:
    # 1,020,000..1,310,000: 290,000 / 5 = 58,000 → a step of 100,000 from 1,000,000
    assert nice_ticks_between(D(1020000), D(1310000)) == (
        D(1000000), D(1100000), D(1200000), D(1300000), D(1400000)
    )
    # a single value gets a band around it: 90..110 in steps of 5
    assert nice_ticks_between(D(100), D(100)) == (D(90), D(95), D(100), D(105), D(110))


def test_break_even_between_an_offer_and_staying() -> None:
    # 180,000 + 48,609 × (1 + g/100) = 200,000 ⇔ 1 + g/100 = 20,000 / 48,609 = 0.41145… ⇔ g = −58.85…
    # at −58.9: 48,609 × 0.411 = 19,978.30 (21.70 short); at −58.8: × 0.412 = 20,026.91 (26.91 over)
    ev = evaluator()
    result = stay_break_even(ev, "stock")
    assert result.growth_pct == D("-58.9")
    assert (result.ahead_below, result.ahead_above) == (CURRENT_JOB_ID, "stock")


def test_break_even_lines_against_stay_as_the_baseline() -> None:
    ev = evaluator()
    lines = break_even_lines(ev, comparison_for(ev, ["cash", "stock"], baseline_id=CURRENT_JOB_ID))
    pairs = [(line.baseline_id, line.other_id) for line in lines]
    assert pairs == [(CURRENT_JOB_ID, "cash"), (CURRENT_JOB_ID, "stock")]
    assert [line.sentence for line in lines] == [
        "Cash pays more than staying at Ridgeway over 2 years, whatever Cash's shares do (−90 % to +200 % a "
        "year): there is no break-even.",
        "Stock beats staying at Ridgeway over 2 years if its shares fall by less than 58.9 % a year; below that, "
        "staying is ahead.",
    ]


def test_break_even_lines_against_an_offer_as_the_baseline() -> None:
    # Cash vs Stock: 240,000 = 180,000 + 48,609 × (1 + g/100) ⇔ g = 23.4 (tests/unit/app/test_scenarios.py)
    ev = evaluator()
    lines = break_even_lines(ev, comparison_for(ev, ["cash", "stock"], baseline_id="cash"))
    assert [line.other_id for line in lines] == [CURRENT_JOB_ID, "stock"]
    assert lines[0].sentence == (
        "Cash pays more than staying at Ridgeway over 2 years, whatever Cash's shares do (−90 % to +200 % a "
        "year): there is no break-even."
    )
    assert lines[1].sentence == (
        "Stock beats Cash over 2 years if share prices grow more than 23.4 % a year (the same growth for both); "
        "below that, Cash is ahead."
    )


def test_no_lines_without_a_converted_baseline() -> None:
    euro = offer("euro", currency="EUR", base_salary=1000)
    ev = Evaluator([euro, CASH], as_of=AS_OF, display_currency="USD", fx={}, horizon=2)
    comparison = comparison_for(ev, ["euro", "cash"], baseline_id="euro")
    assert break_even_lines(ev, comparison) == ()


def test_the_offers_own_growth_in_a_scenario_is_told_apart() -> None:
    assert scenario_growths(evaluator(), ["cash", "stock"]) == {("stock", "bear"): D(-40)}


def test_after_tax_the_chart_and_the_break_even_use_after_tax_totals() -> None:
    """Texas (no state income tax), 2026, single: federal brackets 10 % to 12,400, 12 % to 50,400,
    22 % to 105,700, 24 % above; standard deduction 16,100; Social Security 6.2 %, Medicare 1.45 %."""
    from app.models import TaxSettings

    cash = offer("cash", base_salary=120000, tax_region="US-TX")
    job = CurrentJob(company="Ridgeway", role="Engineer II", base_salary=D(130000), tax_region="US-TX")
    ev = Evaluator(
        [cash, STOCK],  # Stock has no tax region
        as_of=AS_OF,
        display_currency="USD",
        fx={},
        horizon=2,
        current_job=job,
        tax=TaxSettings(year=2026),
    )
    comparison = comparison_for(ev, ["cash", "stock"], CURRENT_JOB_ID, after_tax=True)
    chart = growth_chart(ev, comparison)
    assert chart.after_tax and chart.no_estimate == ("Stock",) and chart.left_out == ()
    stay, cash_line = chart.lines
    # staying: 130,000 − 16,100 = 113,900: 1,240 + 4,560 + 12,166 + 24 % × 8,200 (1,968) = 19,934;
    # SS 8,060; Medicare 1,885 → 29,879 a year; 100,121 after tax, 200,242 over 2 years, at every growth
    assert {p.total for p in stay.points} == {D("200242.00")}
    # Cash: 120,000 − 16,100 = 103,900: 1,240 + 4,560 + 22 % × 53,500 (11,770) = 17,570; SS 7,440;
    # Medicare 1,740 → 26,750; 93,250 a year, 186,500 over 2 years (no shares: flat)
    assert {p.total for p in cash_line.points} == {D("186500.00")}
    lines = break_even_lines(ev, comparison)
    assert [line.sentence for line in lines] == [
        "Staying at Ridgeway pays more than Cash over 2 years after tax, whatever Cash's shares do (−90 % to "
        "+200 % a year): there is no break-even.",
        "Stock and staying at Ridgeway can't be compared after tax: Stock: no tax region: pick where this pay is "
        "taxed to see it after tax.",
    ]
    assert lines[0].result.after_tax and not lines[1].result.comparable
