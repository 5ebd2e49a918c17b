"""The what-if of one ask: the offer with a lever's component changed, year by year.

The offer below is worked out by hand (horizon 4, no raise, no bonus, standard 25 % vesting):

    offered   base 150,000 · sign-on 10,000 (year 1) · relocation 5,000 (year 1) · RSU 100,000 → 25,000 a year
              year 1 = 150,000 + 10,000 + 5,000 + 25,000 = 190,000 · years 2–4 = 150,000 + 25,000 = 175,000
    band      140,000–180,000 (posting) · goal: target 230,000, walk-away 200,000

    steady stretch (60 % of the room to the band's top but at most 7 % over the offer, sign-on up to
    10 % of base, +10 % equity):
              base 150,000 + min(30,000 × 60 %, 10,500) = 160,500 → 160,000 · sign-on 15,000 · equity 110,000
    best plausible: 9 % of year 1 = 17,100 → base 160,000 (+10,000), sign-on 15,000 (+5,000), equity
              100,000 + 2,100 ÷ 25 % → 108,000 (+2,000 a year)
              best year 1 = 190,000 + 10,000 + 5,000 + 2,000 = 207,000 · years 2–4 = 175,000 + 12,000 = 187,000
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from app.compensation import figures
from app.evaluation import evaluator_for_file
from app.files import read_offer_file
from app.levers import Lever, advise
from app.models import Offer
from app.position import Position
from app.resources import sample_offers_path
from app.stretch import compute_stretch
from app.whatif import WhatIfError, has_what_if, what_if

HORIZON = 4
D = Decimal


def make_offer(**fields) -> Offer:
    data = {
        "id": "acme",
        "company": "Acme",
        "role": "Engineer",
        "base_salary": 150000,
        "sign_on": [10000],
        "relocation": 5000,
        "equity": [{"kind": "rsu", "value": 100000}],
        "budget": {"band_min": 140000, "band_max": 180000, "source": "posting"},
        "goal": {"target_total": 230000, "walk_away_total": 200000},
        **fields,
    }
    return Offer.model_validate(data)


def position_of(tier: str, score: int) -> Position:
    return Position(
        score=score,
        tier=tier,  # type: ignore[arg-type]
        interview_to_offer_days=None,
        days_waiting=None,
        offer_made=True,
        evidence=(),
        next_steps=(),
        capped=None,
        rubric_version="test",
    )


def setup(tier: str = "steady", score: int = 65, **fields):
    offer = make_offer(**fields)
    position = position_of(tier, score)
    stretch = compute_stretch(offer, position.tier, figures(offer, HORIZON))
    advice = advise(offer, position, stretch, date(2026, 11, 20))
    return offer, stretch, {lever.lever: lever for lever in advice.levers}


def totals(result, attr: str) -> list[Decimal]:
    return [getattr(y, attr) for y in result.years]


def test_the_hand_computed_stretch_holds():
    _, stretch, _ = setup()
    assert (stretch.base_ceiling, stretch.sign_on_ceiling, stretch.equity_ceiling) == (D(160000), D(15000), D(110000))
    assert [y.total for y in stretch.best.years] == [D(207000), D(187000), D(187000), D(187000)]


def test_base_ask_above_the_stretch():
    offer, stretch, levers = setup()
    result = what_if(offer, levers["base_salary"], D(170000), stretch, HORIZON)
    assert totals(result, "offered") == [D(190000), D(175000), D(175000), D(175000)]
    # base 170,000: year 1 = 170,000 + 10,000 + 5,000 + 25,000
    assert totals(result, "with_ask") == [D(210000), D(195000), D(195000), D(195000)]
    assert totals(result, "change") == [D(20000)] * 4
    assert totals(result, "best") == [D(207000), D(187000), D(187000), D(187000)]
    assert [y.year for y in result.years] == [1, 2, 3, 4]
    assert result.total_change == D(80000)
    assert result.offered == D(150000)
    assert result.ceiling == D(160000)
    assert result.ask_above_stretch is True
    assert result.ask_below_offered is False
    # the goal against year 1 with the ask: 210,000
    assert result.goal.year_one == D(210000)
    assert result.goal.meets_target is False
    assert result.goal.shortfall == D(20000)
    assert result.goal.meets_walk_away is True


def test_base_ask_at_the_ceiling_is_not_above_it():
    offer, stretch, levers = setup()
    result = what_if(offer, levers["base_salary"], D(160000), stretch, HORIZON)
    assert result.ask_above_stretch is False
    assert totals(result, "change") == [D(10000)] * 4


def test_base_ask_below_the_offer_lowers_every_year():
    offer, stretch, levers = setup()
    result = what_if(offer, levers["base_salary"], D(140000), stretch, HORIZON)
    assert result.ask_below_offered is True
    assert result.ask_above_stretch is False
    assert totals(result, "with_ask") == [D(180000), D(165000), D(165000), D(165000)]
    # 180,000 is below the walk-away of 200,000
    assert result.goal.meets_walk_away is False
    assert result.goal.shortfall == D(50000)


def test_sign_on_ask_changes_year_one_only():
    offer, stretch, levers = setup()
    result = what_if(offer, levers["sign_on"], D(12000), stretch, HORIZON)
    assert totals(result, "with_ask") == [D(192000), D(175000), D(175000), D(175000)]
    assert totals(result, "change") == [D(2000), D(0), D(0), D(0)]
    assert (result.offered, result.ceiling, result.ask_above_stretch) == (D(10000), D(15000), False)


def test_sign_on_ask_keeps_later_payments():
    offer, stretch, levers = setup(sign_on=[10000, 6000])
    result = what_if(offer, levers["sign_on"], D(14000), stretch, HORIZON)
    # year 2 keeps its 6,000: 175,000 + 6,000
    assert totals(result, "offered") == [D(190000), D(181000), D(175000), D(175000)]
    assert totals(result, "with_ask") == [D(194000), D(181000), D(175000), D(175000)]


def test_equity_ask_adds_a_grant_vesting_like_the_first():
    offer, stretch, levers = setup()
    result = what_if(offer, levers["equity"], D(120000), stretch, HORIZON)
    # an extra 20,000 vesting 25 % a year: +5,000 in each year
    assert totals(result, "with_ask") == [D(195000), D(180000), D(180000), D(180000)]
    assert (result.offered, result.ceiling, result.ask_above_stretch) == (D(100000), D(110000), True)
    assert result.sign_on_given == 0


def test_equity_ask_follows_a_back_loaded_schedule():
    vesting = {"years_pct": [10, 20, 30, 40], "cliff_months": 12, "frequency": "quarterly"}
    offer, stretch, levers = setup(equity=[{"kind": "rsu", "value": 100000, "vesting": vesting}])
    result = what_if(offer, levers["equity"], D(110000), stretch, HORIZON)
    # +10,000 vesting 10/20/30/40 %: +1,000, +2,000, +3,000, +4,000
    assert totals(result, "change") == [D(1000), D(2000), D(3000), D(4000)]


def test_equity_ask_below_the_offer_cuts_no_grant():
    offer, stretch, levers = setup()
    result = what_if(offer, levers["equity"], D(90000), stretch, HORIZON)
    assert result.ask_below_offered is True
    assert totals(result, "change") == [D(0)] * 4


def test_relocation_ask_has_no_stretch_ceiling():
    offer, stretch, levers = setup()
    result = what_if(offer, levers["relocation"], D(50000), stretch, HORIZON)
    assert totals(result, "change") == [D(45000), D(0), D(0), D(0)]
    assert result.offered == D(5000)
    assert result.ceiling is None
    assert result.ask_above_stretch is False


def test_non_cash_lever_leaves_the_offer_unchanged():
    offer, stretch, levers = setup()
    lever = levers["start_date"]
    assert not has_what_if(lever)
    result = what_if(offer, lever, D(99000), stretch, HORIZON)
    assert totals(result, "change") == [D(0)] * 4
    assert (result.offered, result.ceiling) == (None, None)
    assert result.ask_above_stretch is False and result.ask_below_offered is False


def test_equity_swap_gives_up_sign_on_at_the_rubric_rate():
    # uncertain, with a sign-on: half the year-1 sign-on (5,000) for 1.5 × that in equity (7,500)
    offer, stretch, levers = setup("uncertain", 45)
    lever = levers["equity"]
    assert (lever.kind, lever.ask) == ("swap", D(107500))
    result = what_if(offer, lever, lever.ask, stretch, HORIZON)
    assert result.sign_on_given == D(5000)
    # year 1: 150,000 + 5,000 sign-on + 5,000 relocation + 25,000 + 1,875 = 186,875
    assert totals(result, "with_ask") == [D(186875), D(176875), D(176875), D(176875)]
    assert totals(result, "change") == list(lever.effect)
    # a smaller swap: 3,000 more equity for 2,000 of sign-on
    smaller = what_if(offer, lever, D(103000), stretch, HORIZON)
    assert smaller.sign_on_given == D(2000)
    assert totals(smaller, "change") == [D(-1250), D(750), D(750), D(750)]


def test_combined_headcount_ceiling_includes_the_second_role():
    # strong: the whole room to 180,000, plus min(25 % of 120,000, 15 % of 180,000) = 27,000 → 207,000
    offer, stretch, levers = setup("strong", 80, headcount={"combinable_roles": 1, "combinable_budget": 120000})
    assert stretch.base_ceiling == D(207000)
    assert what_if(offer, levers["combined_headcount"], D(207000), stretch, HORIZON).ask_above_stretch is False
    # the base lever alone stops at the strong raise: 150,000 + 10 % = 165,000
    assert what_if(offer, levers["base_salary"], D(190000), stretch, HORIZON).ceiling == D(165000)
    assert what_if(offer, levers["base_salary"], D(190000), stretch, HORIZON).ask_above_stretch is True


def test_no_goal_means_no_goal_check():
    offer, stretch, levers = setup(goal=None)
    assert what_if(offer, levers["base_salary"], D(160000), stretch, HORIZON).goal is None


def test_target_met_has_no_shortfall():
    offer, stretch, levers = setup()
    result = what_if(offer, levers["base_salary"], D(190000), stretch, HORIZON)
    assert result.goal.meets_target is True
    assert result.goal.shortfall == 0


def test_a_longer_horizon_than_the_stretch_has_no_best_for_the_extra_years():
    offer, stretch, levers = setup()
    result = what_if(offer, levers["base_salary"], D(160000), stretch, 5)
    assert [y.best for y in result.years][3:] == [D(187000), None]


@pytest.mark.parametrize(
    ("ask", "words"),
    [(D(-1), "can't be negative"), (D("1000.555"), "at most two decimal places")],
)
def test_an_ask_that_is_not_an_amount_is_refused_in_words(ask, words):
    offer, stretch, levers = setup()
    with pytest.raises(WhatIfError, match=words):
        what_if(offer, levers["sign_on"], ask, stretch, HORIZON)


def test_sign_on_spread_has_no_what_if():
    lever = Lever("sign_on", D(1), D(1), "likely", "swap", "", "", (), unit="once")
    assert not has_what_if(lever)
    assert has_what_if(Lever("base_salary", D(1), D(1), "likely", "new_money", "", "", (), unit="per_year"))
    # options are asked for in shares: no what-if in money
    assert not has_what_if(Lever("equity", D(1), D(1), "likely", "new_money", "", "", (), unit="shares"))


def test_at_its_own_ask_every_lever_of_the_samples_matches_its_effect():
    evaluator = evaluator_for_file(read_offer_file(sample_offers_path()))
    checked = 0
    for offer in evaluator.offers:
        evaluation = evaluator.evaluate(offer.id)
        for lever in evaluation.levers:
            if not has_what_if(lever) or lever.ask is None:
                continue
            result = what_if(offer, lever, lever.ask, evaluation.stretch, evaluator.horizon)
            assert tuple(totals(result, "change")) == lever.effect, (offer.id, lever.lever)
            assert not result.ask_above_stretch, (offer.id, lever.lever)
            assert [y.best for y in result.years] == [y.total for y in evaluation.stretch.best.years]
            checked += 1
    assert checked >= 6
