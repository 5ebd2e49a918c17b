"""The budget stretch, the levers inside it, the drops they fix and the user's goal.

Expected numbers are worked out by hand from the defaults in app/rubric.py (arithmetic in comments):

    tier         room to the band's top   past the top   sign-on (% of base)   extra equity
    weak               15 %                   0 %              0 %                  0 %
    uncertain          35 %                   0 %              5 %                 10 %
    steady             60 %                   0 %             10 %                 15 %
    strong            100 %                   0 %             15 %                 25 %
    grand slam        100 %                  10 %             25 %                 40 %

    combined headcount (strong+, roles recorded): + min(25 % of their budget, 15 % of the band's top)
    each `response` event keeps 50 % of the room left · no band: 80–120 % of the offer's base
    swap (weak/uncertain with a sign-on): give up half the year-1 sign-on for 1.5× that in equity
    asks are floored to the thousand · a year falling more than 5 % below the one before is a drop
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from app.levers import compute_stretch, find_drops, suggest_levers
from app.models import Offer
from app.position import Alternative, Position, rate_position

HORIZON = 4
TIER_SCORES = {"grand_slam": 95, "strong": 80, "steady": 65, "uncertain": 45, "weak": 25}
ISSUE_LEVERS = {
    "base_salary",
    "sign_on",
    "equity",
    "combined_headcount",
    "level",
    "start_date",
    "remote",
    "pto",
    "review",
    "relocation",
    "deadline",
    "exercise_window",
}
BAND = {"band_min": 140000, "band_max": 180000, "source": "posting"}
RSU_100K = {"kind": "rsu", "value": 100000}  # standard vesting: 25,000 a year


def make_offer(**fields) -> Offer:
    data = {"id": "acme", "company": "Acme", "role": "Engineer", "base_salary": 150000, **fields}
    return Offer.model_validate(data)


def position_of(tier: str) -> Position:
    """A position of the given tier, so the stretch and levers are tested on their own."""
    return Position(
        score=TIER_SCORES[tier],
        tier=tier,  # type: ignore[arg-type]
        interview_to_offer_days=None,
        days_waiting=None,
        offer_made=True,
        evidence=(),
        next_steps=(),
        capped=None,
        rubric_version="test",
    )


def levers_for(offer: Offer, tier: str, alternatives=(), year_one=None, horizon=HORIZON):
    position = position_of(tier)
    stretch = compute_stretch(offer, position, horizon)
    return stretch, suggest_levers(offer, position, stretch, horizon, alternatives, year_one_display=year_one)


def by_name(levers) -> dict:
    names = [lever.lever for lever in levers]
    assert len(names) == len(set(names)), f"a lever is listed twice: {names}"
    return {lever.lever: lever for lever in levers}


def responses(count: int) -> list[dict]:
    return [{"date": "2026-11-10", "kind": "counter"}] + [{"date": "2026-11-12", "kind": "response"}] * count


# --- the stretch -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("tier", "base_ceiling", "sign_on_ceiling", "equity_ceiling"),
    [
        # room to the top: 180,000 − 150,000 = 30,000
        ("weak", "154500", "0", "100000"),  # 30,000 × 15 % = 4,500; sign-on 0 %; equity + 0 %
        ("uncertain", "160500", "7500", "110000"),  # 30,000 × 35 %; 150,000 × 5 %; 100,000 × 1.10
        ("steady", "168000", "15000", "115000"),  # 30,000 × 60 %; 150,000 × 10 %; 100,000 × 1.15
        ("strong", "180000", "22500", "125000"),  # the band's top; 150,000 × 15 %; 100,000 × 1.25
        ("grand_slam", "198000", "37500", "140000"),  # 180,000 + 10 % of 180,000; 25 %; × 1.40
    ],
)
def test_stretch_by_tier(tier, base_ceiling, sign_on_ceiling, equity_ceiling):
    stretch = compute_stretch(make_offer(budget=BAND, equity=[RSU_100K]), position_of(tier), HORIZON)
    assert stretch.base_offered == Decimal("150000")
    assert stretch.base_ceiling == Decimal(base_ceiling)
    assert stretch.sign_on_ceiling == Decimal(sign_on_ceiling)
    assert stretch.equity_ceiling == Decimal(equity_ceiling)
    assert stretch.combined_headcount_extra == 0
    assert (stretch.band_min, stretch.band_max) == (Decimal("140000"), Decimal("180000"))
    assert stretch.band_source == "posting"
    assert stretch.band_estimated is False
    assert stretch.room_left_pct == 100


@pytest.mark.parametrize("tier", ["weak", "uncertain"])
def test_weak_and_uncertain_stay_inside_the_band(tier):
    for base in (140000, 150000, 179999, 180000):
        stretch = compute_stretch(make_offer(base_salary=base, budget=BAND), position_of(tier), HORIZON)
        assert base <= stretch.base_ceiling <= Decimal("180000")


def test_an_offer_above_the_band_gets_no_room_in_a_weak_position():
    stretch = compute_stretch(make_offer(base_salary=200000, budget=BAND), position_of("weak"), HORIZON)
    assert stretch.base_ceiling == Decimal("200000")  # max(180,000 − 200,000, 0) × 15 % = 0


def test_strong_reaches_the_top_of_the_band():
    for base in (140000, 150000, 179000):
        stretch = compute_stretch(make_offer(base_salary=base, budget=BAND), position_of("strong"), HORIZON)
        assert stretch.base_ceiling == Decimal("180000")


def test_grand_slam_goes_past_the_band():
    stretch = compute_stretch(make_offer(budget=BAND), position_of("grand_slam"), HORIZON)
    assert stretch.base_ceiling == Decimal("198000")  # 180,000 + 18,000
    above = compute_stretch(make_offer(base_salary=200000, budget=BAND), position_of("grand_slam"), HORIZON)
    assert above.base_ceiling == Decimal("218000")  # max(200,000, 180,000) + 18,000


@pytest.mark.parametrize(
    ("tier", "headcount", "ceiling", "extra"),
    [
        # min(140,000 × 25 % = 35,000, 180,000 × 15 % = 27,000) = 27,000 on top of max(ceiling, band top)
        ("strong", {"combinable_roles": 1, "combinable_budget": 140000}, "207000", "27000"),  # 180,000 + 27,000
        ("grand_slam", {"combinable_roles": 1, "combinable_budget": 140000}, "225000", "27000"),  # 198,000 + 27,000
        # a small budget: min(40,000 × 25 % = 10,000, 27,000) = 10,000
        ("strong", {"combinable_roles": 2, "combinable_budget": 40000}, "190000", "10000"),
        # not strong enough, or no roles recorded: nothing extra
        ("steady", {"combinable_roles": 1, "combinable_budget": 140000}, "168000", "0"),
        ("uncertain", {"combinable_roles": 1, "combinable_budget": 140000}, "160500", "0"),
        ("strong", {"combinable_roles": 0, "combinable_budget": 140000}, "180000", "0"),
        ("strong", None, "180000", "0"),
    ],
)
def test_combined_headcount_extends_the_ceiling_only_for_strong_positions(tier, headcount, ceiling, extra):
    offer = make_offer(budget=BAND, headcount=headcount)
    stretch = compute_stretch(offer, position_of(tier), HORIZON)
    assert stretch.base_ceiling == Decimal(ceiling)
    assert stretch.combined_headcount_extra == Decimal(extra)


@pytest.mark.parametrize(
    ("count", "ceiling", "sign_on", "equity", "room"),
    [
        (0, "180000", "22500", "125000", "100"),
        (1, "165000", "11250", "112500", "50"),  # 150,000 + 30,000 × 50 %; 22,500 × 50 %; 100,000 + 25,000 × 50 %
        (2, "157500", "5625", "106250", "25"),  # × 25 %
        (3, "153750", "2812.50", "103125", "12.50"),  # × 12.5 %
    ],
)
def test_each_answer_to_a_counter_shrinks_the_room_left(count, ceiling, sign_on, equity, room):
    offer = make_offer(budget=BAND, equity=[RSU_100K], timeline=responses(count))
    stretch = compute_stretch(offer, position_of("strong"), HORIZON)
    assert stretch.base_ceiling == Decimal(ceiling)
    assert stretch.sign_on_ceiling == Decimal(sign_on)
    assert stretch.equity_ceiling == Decimal(equity)
    assert stretch.room_left_pct == Decimal(room)
    if count:
        assert any(f"answered {count} counter" in note for note in stretch.notes)


def test_answers_shrink_the_room_past_the_band_too():
    offer = make_offer(budget=BAND, timeline=responses(1))
    stretch = compute_stretch(offer, position_of("grand_slam"), HORIZON)
    assert stretch.base_ceiling == Decimal("174000")  # 150,000 + (198,000 − 150,000) × 50 %


def test_without_a_band_a_typical_band_is_estimated_and_labelled():
    stretch = compute_stretch(make_offer(), position_of("strong"), HORIZON)
    assert stretch.band_estimated is True
    assert stretch.band_source == "typical band shape"
    assert (stretch.band_min, stretch.band_max) == (Decimal("120000"), Decimal("180000"))  # 80 % and 120 %
    assert stretch.base_ceiling == Decimal("180000")
    assert any("estimate" in note for note in stretch.notes)
    base = by_name(levers_for(make_offer(), "strong")[1])["base_salary"]
    assert "(an estimate)" in base.rationale


def test_a_band_without_a_source_is_not_an_estimate():
    stretch = compute_stretch(
        make_offer(budget={"band_min": 140000, "band_max": 180000}), position_of("steady"), HORIZON
    )
    assert stretch.band_estimated is False
    assert stretch.band_source == "not stated"
    assert not any("estimate" in note for note in stretch.notes)


def test_the_stretch_follows_the_rated_position():
    # final interview 1 Oct, offer 3 Oct: 2 days → 86, strong → the band's top
    offer = make_offer(
        budget=BAND,
        timeline=[{"date": "2026-10-01", "kind": "final_interview"}, {"date": "2026-10-03", "kind": "offer"}],
    )
    position = rate_position(offer, date(2026, 10, 10))
    assert position.tier == "strong"
    assert compute_stretch(offer, position, HORIZON).base_ceiling == Decimal("180000")


# --- the levers ------------------------------------------------------------------------------------

RICH = {
    "budget": BAND,
    "bonus": {"target_pct": 10},
    "sign_on": [20000],
    "relocation": 5000,
    "location": "Austin, TX",
    "level": "L5",
    "equity": [RSU_100K, {"kind": "option", "shares": 1000, "strike": 2, "price": 10}],
    "headcount": {"combinable_roles": 1, "combinable_budget": 140000},
    "signals": {"deadline": "2026-12-11", "competing_offers": 1},
}


@pytest.mark.parametrize("tier", list(TIER_SCORES))
def test_every_lever_is_complete(tier):
    _, levers = levers_for(make_offer(**RICH), tier)
    assert levers
    for lever in levers:
        assert lever.lever in ISSUE_LEVERS
        assert lever.ask is None or isinstance(lever.ask, Decimal)
        assert lever.plausibility in ("likely", "possible", "long_shot")
        assert lever.kind in ("new_money", "swap", "non_cash")
        assert lever.rationale.strip() and lever.script.strip()
        assert len(lever.effect) == HORIZON
        assert all(isinstance(v, Decimal) for v in lever.effect)
        if lever.kind == "non_cash":
            assert lever.ask is None and all(v == 0 for v in lever.effect)


def test_the_base_lever_asks_for_the_top_of_the_band_in_a_strong_position():
    offer = make_offer(budget=BAND, bonus={"target_pct": 10})
    base = by_name(levers_for(offer, "strong")[1])["base_salary"]
    assert base.ask == Decimal("180000")
    assert base.offered == Decimal("150000")
    assert base.kind == "new_money"
    assert base.plausibility == "likely"
    # 30,000 more base and 10 % of it in bonus: 33,000 more every year (no raise)
    assert base.effect == (Decimal("33000"),) * HORIZON
    assert base.total_effect == Decimal("132000")
    assert "to the top of the band" in base.rationale
    assert "$180,000" in base.script


def test_asks_are_round_thousands_below_the_ceiling():
    # steady: 150,000 + (185,500 − 150,000) × 60 % = 171,300 → ask 171,000
    offer = make_offer(budget={"band_min": 140000, "band_max": 185500})
    stretch, levers = levers_for(offer, "steady")
    assert stretch.base_ceiling == Decimal("171300")
    assert by_name(levers)["base_salary"].ask == Decimal("171000")


def test_a_better_offer_feeds_the_base_lever():
    offer = make_offer(budget=BAND, equity=[RSU_100K])
    alternatives = [
        Alternative("globex", "Globex", Decimal("212345.67"), "USD"),
        Alternative("initech", "Initech", Decimal("190000"), "USD"),
        Alternative("acme", "Acme", Decimal("999999"), "USD"),  # the offer itself: ignored
    ]
    # this offer's year 1: base 150,000 + equity 100,000 × 25 % = 175,000; Globex: 212,345.67 − 175,000
    stretch, levers = levers_for(offer, "steady", alternatives, year_one=Decimal("175000"))
    assert stretch.offered.year_one == Decimal("175000")
    base = by_name(levers)["base_salary"]
    assert "Globex pays $37,345.67 more in year 1" in base.rationale
    assert "my other offer is $212,345.67 in the first year" in base.script
    assert "deadline" in by_name(levers)  # a better offer in hand makes more time worth asking for


def test_without_a_better_offer_the_base_lever_names_none():
    offer = make_offer(budget=BAND)
    alternatives = [Alternative("initech", "Initech", Decimal("100000"), "USD")]
    base = by_name(levers_for(offer, "steady", alternatives, year_one=Decimal("150000"))[1])["base_salary"]
    assert "more in year 1" not in base.rationale
    assert "what I'd bring to the team" in base.script


def test_a_weak_position_leads_with_non_cash_levers():
    _, levers = levers_for(make_offer(**RICH), "weak")
    assert levers[0].kind == "non_cash"
    assert levers[0].lever == "review"
    base = by_name(levers)["base_salary"]
    assert base.plausibility == "long_shot"
    assert base.ask == Decimal("154000")  # ceiling 154,500 floored to the thousand


def test_a_strong_position_leads_with_base():
    _, levers = levers_for(make_offer(**RICH), "strong")
    assert levers[0].lever == "base_salary"


@pytest.mark.parametrize("tier", ["strong", "grand_slam"])
def test_combined_headcount_is_offered_to_strong_positions_with_roles(tier):
    offer = make_offer(budget=BAND, headcount={"combinable_roles": 1, "combinable_budget": 140000})
    levers = by_name(levers_for(offer, tier)[1])
    # strong: 207,000; grand slam: 225,000 (see the stretch test); the base lever stops before the extra
    expected = {"strong": ("207000", "180000"), "grand_slam": ("225000", "198000")}[tier]
    assert levers["combined_headcount"].ask == Decimal(expected[0])
    assert levers["base_salary"].ask == Decimal(expected[1])
    assert "1 other open role" in levers["combined_headcount"].rationale


@pytest.mark.parametrize(
    ("tier", "headcount"),
    [
        ("steady", {"combinable_roles": 1, "combinable_budget": 140000}),
        ("weak", {"combinable_roles": 3, "combinable_budget": 400000}),
        ("strong", {"combinable_roles": 0, "combinable_budget": 140000}),
        ("grand_slam", None),
    ],
)
def test_no_combined_headcount_without_roles_or_strength(tier, headcount):
    levers = by_name(levers_for(make_offer(budget=BAND, headcount=headcount), tier)[1])
    assert "combined_headcount" not in levers


def test_the_exercise_window_only_with_options():
    options = make_offer(equity=[{"kind": "option", "shares": 1000, "strike": 2, "price": 10}])
    with_options = by_name(levers_for(options, "steady")[1])
    rsu_only = by_name(levers_for(make_offer(equity=[RSU_100K]), "steady")[1])
    assert with_options["exercise_window"].kind == "non_cash"
    assert "exercise_window" not in rsu_only


def test_the_deadline_lever_needs_a_reason_to_ask_for_time():
    assert "deadline" not in by_name(levers_for(make_offer(), "steady")[1])
    assert "deadline" in by_name(levers_for(make_offer(signals={"deadline": "2026-12-11"}), "steady")[1])
    assert "deadline" in by_name(levers_for(make_offer(signals={"competing_offers": 1}), "steady")[1])


def test_relocation_top_up_is_half_again():
    relocation = by_name(levers_for(make_offer(relocation=5000), "steady")[1])["relocation"]
    assert relocation.ask == Decimal("7000")  # 5,000 × 1.5 = 7,500 → 7,000
    assert relocation.offered == Decimal("5000")
    assert relocation.effect == (Decimal("2000"), Decimal(0), Decimal(0), Decimal(0))  # paid once, in year 1


@pytest.mark.parametrize("tier", ["weak", "uncertain"])
def test_a_weak_or_uncertain_position_swaps_sign_on_for_equity(tier):
    offer = make_offer(budget=BAND, sign_on=[20000], equity=[RSU_100K])
    stretch, levers = levers_for(offer, tier)
    equity = by_name(levers)["equity"]
    # give up 20,000 / 2 = 10,000 of sign-on for 10,000 × 1.5 = 15,000 more equity (25 % a year)
    assert equity.kind == "swap"
    assert equity.ask == Decimal("115000")
    assert equity.offered == Decimal("100000")
    assert equity.ask <= stretch.equity_ceiling
    # year 1: −10,000 + 15,000 × 25 % = −6,250; years 2–4: +3,750; 4 years: −6,250 + 3 × 3,750 = +5,000
    assert equity.effect == (Decimal("-6250"), Decimal("3750"), Decimal("3750"), Decimal("3750"))
    assert equity.effect[0] < 0
    assert equity.total_effect == Decimal("5000")
    assert "Year 1 goes down by $6,250" in equity.rationale
    assert "total goes up by $5,000" in equity.rationale


def test_a_steady_position_asks_for_more_equity_instead_of_a_swap():
    offer = make_offer(budget=BAND, sign_on=[20000], equity=[RSU_100K])
    equity = by_name(levers_for(offer, "steady")[1])["equity"]
    assert equity.kind == "new_money"
    assert equity.ask == Decimal("115000")  # 100,000 × 1.15
    assert equity.effect == (Decimal("3750"),) * HORIZON  # 15,000 × 25 % a year


# --- drops in pay ----------------------------------------------------------------------------------


def test_a_year_3_drop_when_a_two_year_sign_on_ends():
    offer = make_offer(sign_on=[50000, 50000])
    drops = find_drops(offer, HORIZON)
    # years 1–2: 150,000 + 50,000 = 200,000; year 3 on: 150,000 (−25 %)
    assert [(d.year, d.before, d.after, d.cause, d.fix) for d in drops] == [
        (3, Decimal("200000"), Decimal("150000"), "sign_on_ends", "sign_on")
    ]
    assert drops[0].amount == Decimal("50000")


def test_a_year_5_drop_when_a_four_year_grant_runs_out():
    offer = make_offer(equity=[{"kind": "rsu", "value": 200000}])
    drops = find_drops(offer, HORIZON)  # year 5 is checked even with a 4-year horizon
    # years 1–4: 150,000 + 50,000 = 200,000; year 5: 150,000 (−25 %)
    assert [(d.year, d.before, d.after, d.cause, d.fix) for d in drops] == [
        (5, Decimal("200000"), Decimal("150000"), "grant_runs_out", "equity")
    ]


def test_back_loaded_vesting_drops_in_year_3_and_year_5():
    offer = make_offer(
        sign_on=[50000, 50000], equity=[{"kind": "rsu", "value": 100000, "vesting": {"years_pct": [5, 15, 40, 40]}}]
    )
    drops = find_drops(offer, HORIZON)
    # year 1: 150,000 + 50,000 + 5,000 = 205,000; year 2: 150,000 + 50,000 + 15,000 = 215,000
    # year 3: 150,000 + 40,000 = 190,000 (−25,000, more than 5 % of 215,000 = 10,750): the sign-on ended
    # year 4: 190,000; year 5: 150,000 (−40,000): the grant ran out
    assert [(d.year, d.before, d.after, d.cause, d.fix) for d in drops] == [
        (3, Decimal("215000"), Decimal("190000"), "sign_on_ends", "sign_on"),
        (5, Decimal("190000"), Decimal("150000"), "grant_runs_out", "equity"),
    ]


def test_a_small_dip_is_not_a_drop():
    # year 1: 150,000 + 7,000 = 157,000; year 2: 150,000 (−4.5 %, under 5 %)
    assert find_drops(make_offer(sign_on=[7000]), HORIZON) == ()
    # year 1: 150,000 + 8,000 = 158,000; year 2: 150,000 (−5.06 %)
    assert [d.year for d in find_drops(make_offer(sign_on=[8000]), HORIZON)] == [2]


@pytest.mark.parametrize("tier", list(TIER_SCORES))
def test_the_year_3_drop_comes_with_the_sign_on_lever(tier):
    stretch, levers = levers_for(make_offer(budget=BAND, sign_on=[50000, 50000]), tier)
    assert [d.year for d in stretch.drops] == [3]
    sign_on = by_name(levers)["sign_on"]
    assert "year 3" in sign_on.rationale
    # 50,000 offered is above every tier's sign-on ceiling (at most 25 % of 150,000 = 37,500), so the
    # lever spreads the sign-on: min(50,000 / 3, 50,000) = 16,666.67 moves from year 1 to year 3
    assert sign_on.kind == "swap"
    assert sign_on.ask == sign_on.offered == Decimal("50000")
    assert sign_on.effect == (Decimal("-16666.67"), Decimal(0), Decimal("16666.67"), Decimal(0))


@pytest.mark.parametrize("tier", list(TIER_SCORES))
def test_the_year_5_drop_comes_with_the_equity_lever(tier):
    stretch, levers = levers_for(make_offer(budget=BAND, equity=[{"kind": "rsu", "value": 200000}]), tier)
    assert [d.year for d in stretch.drops] == [5]
    equity = by_name(levers)["equity"]
    assert "year 5" in equity.rationale
    assert "$50,000" in equity.rationale  # the drop: 200,000 → 150,000


# --- the goal --------------------------------------------------------------------------------------


def test_the_goal_against_the_offer_and_the_best_plausible_year_one():
    offer = make_offer(budget=BAND, equity=[RSU_100K], goal={"target_total": 250000, "walk_away_total": 180000})
    stretch = compute_stretch(offer, position_of("strong"), HORIZON)
    goal = stretch.goal
    assert goal is not None
    # offered year 1: 150,000 + 100,000 × 25 % = 175,000
    assert goal.year_one_offered == Decimal("175000")
    # best (strong): base 180,000 + sign-on 15 % × 150,000 = 22,500 + equity 125,000 × 25 % = 31,250 = 233,750
    assert goal.year_one_best == Decimal("233750")
    assert stretch.year_one_ceiling == Decimal("233750")
    assert goal.target_reachable is False
    assert goal.target_shortfall == Decimal("16250")  # 250,000 − 233,750
    assert goal.walk_away_met is False  # 175,000 < 180,000
    assert goal.walk_away_reachable is True  # 233,750 ≥ 180,000


def test_a_target_exactly_at_the_best_is_reachable():
    offer = make_offer(budget=BAND, equity=[RSU_100K], goal={"target_total": 233750})
    goal = compute_stretch(offer, position_of("strong"), HORIZON).goal
    assert goal is not None
    assert goal.target_reachable is True
    assert goal.target_shortfall == 0
    assert goal.walk_away_met is None


def test_no_goal_no_check():
    assert compute_stretch(make_offer(budget=BAND), position_of("strong"), HORIZON).goal is None
