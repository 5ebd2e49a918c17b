"""Share-price scenarios, the growth curve and the break-even growth, by the spec's rules.

In a scenario, what vests in year n is valued at the stated price × (1 + g/100)^(n−1): an RSU amount
times that factor, an option's vested options at max(price × factor − strike, 0) each; each grant's
yearly amount is rounded to cents; cash is unchanged. Break-even: the growth (the same for both) at
which two offers' horizon totals are equal, to 0.1 point in −90..200, "none" when one is always
ahead. Every expected figure is worked out by hand beside it.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

import pytest

from app.compensation import figures, scenario_figures
from app.evaluation import Evaluator
from app.models import Offer, Scenario

D = Decimal
AS_OF = date(2026, 11, 20)


def offer(ident: str, **fields: Any) -> Offer:
    return Offer.model_validate({"id": ident, "company": ident.title(), "role": "Engineer", **fields})


def evaluator(offers: list[Offer], horizon: int = 4, scenarios: list[Scenario] | None = None, **kw: Any) -> Evaluator:
    return Evaluator(
        offers, as_of=AS_OF, display_currency="USD", fx={}, horizon=horizon, scenarios=scenarios or [], **kw
    )


RSU = offer("rsu", base_salary=100000, equity=[{"kind": "rsu", "value": 100000}])  # 25,000 a year
OPTIONS = offer(
    "options", base_salary=100000, equity=[{"kind": "option", "shares": 10000, "strike": 2, "price": 4}]
)  # 2,500 options vest a year, each worth 4 − 2 = 2 as offered


# --- the scenario rules --------------------------------------------------------------------------


def test_an_rsu_amount_is_multiplied_by_the_growth_factor_each_year() -> None:
    under = scenario_figures(RSU, figures(RSU, 4), D(10))
    # factors 1, 1.1, 1.21, 1.331: 25000, 27500, 30250, 33275
    assert [y.equity for y in under.years] == [D("25000.00"), D("27500.00"), D("30250.00"), D("33275.00")]
    assert under.total == 4 * D(100000) + D(116025)  # cash unchanged, equity 116,025


def test_an_option_is_worth_the_spread_at_the_grown_price_and_never_below_zero() -> None:
    under = scenario_figures(OPTIONS, figures(OPTIONS, 4), D(-30))
    # prices 4, 2.8, 1.96, 1.372 against a strike of 2: spreads 2, 0.8, 0, 0 on 2,500 options
    assert [y.equity for y in under.years] == [D("5000.00"), D("2000.00"), D("0.00"), D("0.00")]
    assert [y.equity_options for y in under.years] == [D("5000.00"), D("2000.00"), D("0.00"), D("0.00")]
    grown = scenario_figures(OPTIONS, figures(OPTIONS, 4), D(50))
    # prices 4, 6, 9, 13.5: spreads 2, 4, 7, 11.5 on 2,500 options
    assert [y.equity for y in grown.years] == [D("5000.00"), D("10000.00"), D("17500.00"), D("28750.00")]


def test_each_grants_yearly_amount_is_rounded_to_cents_before_they_are_added() -> None:
    two = offer(
        "two",
        equity=[
            {"kind": "rsu", "value": 1, "vesting": {"years_pct": [50, 50]}},
            {"kind": "rsu", "value": 1, "vesting": {"years_pct": [50, 50]}},
        ],
    )
    under = scenario_figures(two, figures(two, 2), D("0.5"))
    # year 2: each grant 0.50 × 1.005 = 0.5025 → 0.50; together 1.00 (rounding the sum, 1.005, would give 1.01)
    assert under.years[1].equity == D("1.00")


def test_cash_is_unchanged_in_a_scenario() -> None:
    rich = offer(
        "rich",
        base_salary=150000,
        annual_raise_pct=3,
        bonus={"target_pct": 10},
        sign_on=[20000],
        relocation=5000,
        benefits=[{"name": "401(k)", "annual_value": 6000}],
        equity=[{"kind": "rsu", "value": 80000}],
        refreshers={"annual_value": 20000},
    )
    base = figures(rich, 4)
    under = scenario_figures(rich, base, D(-50))
    for before, after in zip(base.years, under.years, strict=True):
        assert (after.base, after.bonus, after.sign_on, after.benefits, after.one_time) == (
            before.base, before.bonus, before.sign_on, before.benefits, before.one_time
        )
    # equity: the grant 20000 a year at factors 1, .5, .25, .125; refreshers (from year 2, 25 % a year of
    # 20000 each) 5000 in year 2, 10000 in year 3, 15000 in year 4 at the same factors
    assert [y.equity for y in under.years] == [D("20000.00"), D("12500.00"), D("7500.00"), D("4375.00")]


def test_a_0_0125_strike_is_valued_exactly() -> None:
    startup = offer("quarry", equity=[{"kind": "option", "shares": 120000, "strike": D("0.0125"), "price": D("1.85")}])
    # 30,000 options vest a year × (1.85 − 0.0125 = 1.8375) = 55,125
    assert [y.equity for y in figures(startup, 4).years] == [D("55125.00")] * 4
    under = scenario_figures(startup, figures(startup, 4), D(-20))
    # year 2: price 1.48, spread 1.4675 × 30000 = 44,025; year 3: 1.184 − 0.0125 = 1.1715 → 35,145
    # year 4: 0.9472 − 0.0125 = 0.9347 → 28,041
    assert [y.equity for y in under.years] == [D("55125.00"), D("44025.00"), D("35145.00"), D("28041.00")]


def test_each_scenario_uses_its_growth_or_the_offers_own_entry() -> None:
    scenarios = [
        Scenario(name="flat", growth_pct=D(0)),
        Scenario(name="bear", growth_pct=D(-20), offers={"options": D(-50)}),
    ]
    ev = evaluator([RSU, OPTIONS], scenarios=scenarios)
    rsu = {r.name: r for r in ev.scenario_results("rsu")}
    options = {r.name: r for r in ev.scenario_results("options")}
    assert (rsu["bear"].growth_pct, options["bear"].growth_pct) == (D(-20), D(-50))
    # RSU at −20 %: 25000 × (1 + .8 + .64 + .512) = 73,800 of equity, plus 400,000 of base
    assert rsu["bear"].total == D("473800.00")
    # options at −50 %: prices 4, 2, 1, 0.5: only year 1 has a spread (2 × 2,500 = 5,000)
    assert options["bear"].total == D("405000.00")
    assert rsu["flat"].total == figures(RSU, 4).total == D("500000.00")
    assert ev.scenario_range("options") == (D("405000.00"), D("420000.00"))


def test_scenario_figures_are_computed_once_and_shared(monkeypatch: pytest.MonkeyPatch) -> None:
    import app.evaluation as evaluation

    calls: list[str] = []
    real = evaluation.scenario_figures

    def counting(offer: Offer, *args: Any, **kwargs: Any):
        calls.append(offer.id)
        return real(offer, *args, **kwargs)

    monkeypatch.setattr(evaluation, "scenario_figures", counting)
    ev = evaluator([RSU, OPTIONS], scenarios=[Scenario(name="bear", growth_pct=D(-20))])
    first = ev.evaluate("rsu").scenarios
    assert ev.scenario_results("rsu") is first
    ev.evaluate_all()
    assert sorted(calls) == ["options", "rsu"]


# --- the growth curve ----------------------------------------------------------------------------


def test_the_growth_curve_runs_from_minus_50_to_plus_50_percent() -> None:
    points = evaluator([RSU]).growth_curve("rsu")
    assert [p.growth_pct for p in points] == [D(g) for g in range(-50, 51, 5)]
    by_growth = {p.growth_pct: p.total for p in points}
    # −50 %: 25000 × (1 + .5 + .25 + .125) = 46,875; +50 %: 25000 × (1 + 1.5 + 2.25 + 3.375) = 203,125
    assert by_growth[D(-50)] == D("446875.00")
    assert by_growth[D(0)] == D("500000.00")
    assert by_growth[D(50)] == D("603125.00")
    assert all(p.total_display == p.total for p in points)  # already in the display currency


# --- break-even ----------------------------------------------------------------------------------

CASH = offer("cash", base_salary=120000)  # 240,000 over 2 years, no equity
STOCK = offer("stock", base_salary=90000, equity=[{"kind": "rsu", "value": 48609, "vesting": {"years_pct": [0, 100]}}])


def test_break_even_to_a_tenth_of_a_point() -> None:
    # 240,000 = 180,000 + 48,609 × (1 + g/100) ⇔ 1 + g/100 = 60,000 / 48,609 = 1.23434… ⇔ g = 23.434…
    # at 23.4: 48,609 × 1.234 = 59,983.51 (16.49 short); at 23.5: 60,032.12 (32.12 over): 23.4 is nearer
    ev = evaluator([CASH, STOCK], horizon=2)
    result = ev.break_even("stock", "cash")
    assert result.growth_pct == D("23.4")
    assert (result.ahead_below, result.ahead_above) == ("cash", "stock")
    assert not result.none and not result.more_crossings
    assert ev.break_even_sentence("stock", "cash") == (
        "Stock beats Cash over 2 years if share prices grow more than 23.4 % a year (the same growth for "
        "both); below that, Cash is ahead."
    )


def test_break_even_below_zero_growth_is_said_as_a_fall() -> None:
    cheap = offer("cheap", base_salary=100000)  # 200,000
    stock = offer(
        "stock", base_salary=90000, equity=[{"kind": "rsu", "value": 50000, "vesting": {"years_pct": [0, 100]}}]
    )
    # 200,000 = 180,000 + 50,000 × (1 + g/100) ⇔ g = −60
    ev = evaluator([cheap, stock], horizon=2)
    assert ev.break_even("stock", "cheap").growth_pct == D("-60.0")
    assert "if share prices fall by less than 60.0 % a year" in ev.break_even_sentence("stock", "cheap")


def test_no_break_even_when_one_offer_is_ahead_at_every_growth() -> None:
    even = offer("even", base_salary=100000)
    plus = offer("plus", base_salary=100000, equity=[{"kind": "rsu", "value": 4000}])  # 1,000 a year, ≥ 100 at −90 %
    ev = evaluator([even, plus])
    result = ev.break_even("even", "plus")
    assert result.none and result.growth_pct is None and result.ahead == "plus"
    assert ev.break_even_sentence("even", "plus") == (
        "Plus is ahead of Even over 4 years at every share-price growth from −90 % to +200 % a year (the same "
        "growth for both): there is no break-even."
    )


def test_no_break_even_between_equal_offers() -> None:
    ev = evaluator([offer("a", base_salary=1), offer("b", base_salary=1)])
    result = ev.break_even("a", "b")
    assert result.none and result.ahead is None
    assert "pay the same" in ev.break_even_sentence("a", "b")


def test_break_even_with_one_offer_held_at_its_own_growth() -> None:
    # Cash has no equity, so holding it changes nothing; holding Stock at 0 % makes it 228,609 < 240,000
    ev = evaluator([CASH, STOCK], horizon=2)
    held = ev.break_even("cash", "stock", hold={"stock": D(0)})
    assert held.none and held.ahead == "cash"
    assert "Stock's shares held at 0 % a year" in ev.break_even_sentence("cash", "stock", hold={"stock": D(0)})


def test_break_even_without_a_rate_is_not_computed() -> None:
    euro = offer("euro", currency="EUR", base_salary=100000)
    ev = evaluator([CASH, euro], horizon=2)
    result = ev.break_even("cash", "euro")
    assert not result.comparable and result.growth_pct is None and not result.none
    assert "can't be compared" in ev.break_even_sentence("cash", "euro")


def test_break_even_across_currencies_compares_in_the_display_currency() -> None:
    # the stock offer in euros at 1.25 USD: 72,000 EUR base a year = 90,000 USD; 38,887.20 EUR of RSU
    # = 48,609 USD: the same totals in dollars as CASH and STOCK, so the same break-even
    euro_stock = offer(
        "estock",
        currency="EUR",
        base_salary=72000,
        equity=[{"kind": "rsu", "value": D("38887.20"), "vesting": {"years_pct": [0, 100]}}],
    )
    ev = Evaluator([CASH, euro_stock], as_of=AS_OF, display_currency="USD", fx={"EUR": D("1.25")}, horizon=2)
    assert ev.break_even("estock", "cash").growth_pct == D("23.4")


def test_each_offers_figures_are_computed_once_for_everything_that_shows_them(monkeypatch: pytest.MonkeyPatch) -> None:
    """The rating, the stretch, the levers, the comparison, the scenarios and the output share one
    computation of each offer's figures (and one over five years, where the stretch looks for drops)."""
    import app.evaluation as evaluation
    from app.comparison import comparison_for
    from app.report import evaluation_report

    calls: list[tuple[str, int]] = []
    real = evaluation.figures

    def counting(offer: Offer, horizon: int):
        calls.append((offer.id, horizon))
        return real(offer, horizon)

    monkeypatch.setattr(evaluation, "figures", counting)
    ev = evaluator([RSU, OPTIONS], scenarios=[Scenario(name="bull", growth_pct=D(15))])
    evaluation_report(ev)
    comparison_for(ev, ["rsu", "options"])
    ev.growth_curve("rsu")
    ev.break_even("rsu", "options")
    assert sorted(calls) == [("options", 4), ("options", 5), ("rsu", 4), ("rsu", 5)]


def test_offers_equal_up_to_a_growth_part_there() -> None:
    # year 2's 10,000 options are worth 4 × (1 + g/100) − 2 each: nothing at g ≤ −50, something above
    late = offer("late", base_salary=100, equity=[{"kind": "option", "shares": 10000, "strike": 2, "price": 4,
                                                   "vesting": {"years_pct": [0, 100]}}])
    plain = offer("plain", base_salary=100)
    ev = evaluator([late, plain], horizon=2)
    result = ev.break_even("late", "plain")
    assert (result.growth_pct, result.ahead_below, result.ahead_above) == (D("-50.0"), None, "late")
    assert ev.break_even_sentence("late", "plain") == (
        "Late beats Plain over 2 years if share prices fall by less than 50.0 % a year (the same growth for both)."
    )
