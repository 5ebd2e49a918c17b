"""The stretch, the package inside it, its fallback ladder, the talks so far, and the drops they fix.

Expected numbers are worked out by hand from the defaults in app/rubric.py (arithmetic in comments):

    tier        room to the top   raise at most   sign-on (% base)   extra equity   typical / best gain
    grand slam      100 %            12 %              20 %              25 %          10 / 15 % of year 1
    strong          100 %            10 %              15 %              20 %           8 / 12 %
    steady           60 %             7 %              10 %              10 %           6 / 9 %
    uncertain        35 %             4 %               5 %               5 %           3 / 5 %
    weak             15 %             2 %               3 %               0 %           2 / 3 %

    base ceiling = base + min(room share × (top − base), raise) (from the band's minimum when below it),
    to the thousand below; grand slam past the top: + min(10 % of the top, what the raise leaves);
    combined headcount (strong+, roles): + min(25 % of their budget, 15 % of the top)
    each answered counter keeps 50 % of the room · no band: 80–120 % of the offer's base
    the package: the typical gain, raised by the target, the walk-away, a same-currency alternative or
    staying, up to the best; base first (the band's minimum when below it), then sign-on, then equity
    (at the top of the band: equity, then sign-on); needs to the nearest thousand; under 1 % of
    year 1 left out · swap (weak/uncertain, with a sign-on): half the year-1 sign-on for 1.5× in equity
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from app.compensation import figures
from app.levers import Advice, advise
from app.models import Offer
from app.package import Staying, Talks
from app.position import Alternative, Position
from app.scripts import commits
from app.stretch import Stretch, compute_stretch

HORIZON = 4
AS_OF = date(2026, 11, 20)
TIER_SCORES = {"grand_slam": 95, "strong": 80, "steady": 65, "uncertain": 45, "weak": 25}
BAND = {"band_min": 140000, "band_max": 180000, "source": "posting"}
RSU_100K = {"kind": "rsu", "value": 100000}  # standard vesting: 25,000 a year


def make_offer(**fields) -> Offer:
    data = {"id": "acme", "company": "Acme", "role": "Engineer", "base_salary": 150000, **fields}
    return Offer.model_validate(data)


def position_of(tier: str, offer_made: bool = True) -> Position:
    """A position of the given tier, so the stretch and the levers are tested on their own."""
    return Position(
        score=TIER_SCORES[tier],
        tier=tier,  # type: ignore[arg-type]
        interview_to_offer_days=None,
        days_waiting=None,
        offer_made=offer_made,
        evidence=(),
        next_steps=(),
        capped=None,
        rubric_version="test",
    )


def stretch_of(offer: Offer, tier: str, answered: int | None = None) -> Stretch:
    return compute_stretch(offer, tier, figures(offer, HORIZON), answered=answered)  # type: ignore[arg-type]


def advice_for(
    offer: Offer,
    tier: str,
    *,
    alternatives=(),
    year_one=None,
    staying: Staying | None = None,
    talks: Talks | None = None,
    as_of: date = AS_OF,
    offer_made: bool = True,
) -> Advice:
    talks = talks if talks is not None else Talks.from_offer(offer)
    stretch = stretch_of(offer, tier, talks.answered)
    position = position_of(tier, offer_made)
    return advise(
        offer,
        position,
        stretch,
        as_of,
        alternatives=alternatives,
        year_one_display=year_one,
        staying=staying,
        talks=talks,
    )


def by_name(advice: Advice) -> dict:
    names = [lever.lever for lever in advice.levers]
    assert len(names) == len(set(names)), f"a lever is listed twice: {names}"
    return {lever.lever: lever for lever in advice.levers}


def package(advice: Advice) -> list[tuple[str, Decimal | None]]:
    return [(lv.lever, lv.ask) for lv in advice.levers if lv.step == "package"]


# --- the stretch ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("tier", "base", "sign_on", "equity"),
    [
        # base 150,000 in 140,000–180,000 (30,000 to the top); sign-on none offered; equity 100,000
        ("grand_slam", "168000", "30000", "125000"),  # 150,000 + min(30,000, 18,000); 20 %; × 1.25
        ("strong", "165000", "22000", "120000"),  # + min(30,000, 15,000); 22,500 → 22,000; × 1.2
        ("steady", "160000", "15000", "110000"),  # + min(18,000, 10,500) = 160,500 → 160,000
        ("uncertain", "156000", "7000", "105000"),  # + min(10,500, 6,000); 7,500 → 7,000
        ("weak", "153000", "4000", "100000"),  # + min(4,500, 3,000); 4,500 → 4,000; no extra equity
    ],
)
def test_stretch_by_tier(tier, base, sign_on, equity):
    s = stretch_of(make_offer(budget=BAND, equity=[RSU_100K]), tier)
    assert (s.base_band_ceiling, s.sign_on_ceiling, s.equity_ceiling) == (
        Decimal(base),
        Decimal(sign_on),
        Decimal(equity),
    )
    assert s.base_ceiling == s.base_band_ceiling  # no exception inside the band, no roles to fold in
    assert s.band_position == "inside"


def test_best_plausible_stays_near_what_negotiating_usually_gains():
    offer = make_offer(budget=BAND, equity=[RSU_100K])
    # year 1 = 150,000 + 25,000 = 175,000
    for tier, best in (("grand_slam", 15), ("strong", 12), ("steady", 9), ("uncertain", 5), ("weak", 3)):
        s = stretch_of(offer, tier)
        assert s.best_gain == Decimal(175000) * best / 100
        # rounded to the thousand, a package may land up to 500 a component past it, never more
        assert s.best.year_one - s.offered.year_one <= s.best_gain + 1500


def test_grand_slam_goes_past_the_top_of_the_band_only_as_an_exception():
    # base at the top (180,000), sign-on already at the grand-slam ceiling (20 % = 36,000), no equity
    offer = make_offer(base_salary=180000, budget=BAND, sign_on=[36000])
    s = stretch_of(offer, "grand_slam")
    # inside the band: nothing left; past it: 180,000 + min(18,000, 180,000 × 12 % = 21,600) = 198,000
    assert (s.band_position, s.base_band_ceiling, s.base_exception_ceiling) == ("top", 180000, 198000)
    advice = advice_for(offer, "grand_slam")
    # at the top: say so and lead with the level; then the base past the band, an exception:
    # year 1 216,000, gain 21,600 → 201,600 → 202,000, capped at 198,000
    assert package(advice) == [("level", None), ("base_salary", Decimal(198000))]
    base = by_name(advice)["base_salary"]
    assert (base.plausibility, base.who) == ("possible", "above_manager")
    assert "exception" in base.rationale


def test_a_strong_position_at_the_top_of_the_band_has_no_base_ask():
    offer = make_offer(base_salary=180000, budget=BAND, equity=[RSU_100K])
    advice = advice_for(offer, "strong")
    # year 1 = 205,000, gain 8 % = 16,400: equity 100,000 + 16,400 ÷ 25 % → 165,600, capped at 120,000
    # (+5,000 in year 1); then sign-on 11,400 → 11,000 (ceiling 15 % of 180,000 = 27,000)
    assert package(advice) == [("equity", Decimal(120000)), ("sign_on", Decimal(11000))]
    assert "top of the band" in advice.levers[0].rationale
    assert "base_salary" not in by_name(advice)


@pytest.mark.parametrize("tier", ["steady", "uncertain", "weak"])
def test_no_combined_headcount_below_strong(tier):
    offer = make_offer(budget=BAND, headcount={"combinable_roles": 1, "combinable_budget": 120000})
    assert stretch_of(offer, tier).combined_headcount_extra == 0
    assert "combined_headcount" not in by_name(advice_for(offer, tier))


def test_combined_headcount_is_a_possible_fallback_for_strong_positions():
    offer = make_offer(budget=BAND, headcount={"combinable_roles": 1, "combinable_budget": 120000})
    s = stretch_of(offer, "strong")
    # max(165,000, 180,000) + min(120,000 × 25 % = 30,000, 180,000 × 15 % = 27,000) = 207,000
    assert (s.base_ceiling, s.combined_headcount_extra) == (Decimal(207000), Decimal(42000))
    lever = by_name(advice_for(offer, "strong"))["combined_headcount"]
    assert (lever.ask, lever.plausibility, lever.step, lever.who) == (
        Decimal(207000),
        "possible",
        "fallback",
        "hiring_manager",
    )


@pytest.mark.parametrize(
    ("answered", "base", "sign_on", "equity", "room"),
    [
        (0, "165000", "22000", "120000", "100.00"),
        (1, "157000", "11000", "110000", "50.00"),  # 150,000 + 15,000 × 50 % = 157,500; 22,500 × 50 %
        (2, "153000", "5000", "105000", "25.00"),  # + 3,750; 5,625 → 5,000; 100,000 + 5,000
    ],
)
def test_each_answered_counter_narrows_the_room(answered, base, sign_on, equity, room):
    s = stretch_of(make_offer(budget=BAND, equity=[RSU_100K]), "strong", answered)
    assert (s.base_band_ceiling, s.sign_on_ceiling, s.equity_ceiling, s.room_left_pct) == (
        Decimal(base),
        Decimal(sign_on),
        Decimal(equity),
        Decimal(room),
    )


def test_response_events_count_as_answered_counters_without_rounds():
    offer = make_offer(
        budget=BAND,
        timeline=[{"date": "2026-11-10", "kind": "counter"}, {"date": "2026-11-12", "kind": "response"}],
    )
    assert Talks.from_offer(offer).answered == 1
    assert stretch_of(offer, "strong").room_left_pct == Decimal("50.00")


def test_without_a_band_a_typical_band_is_estimated_and_labelled():
    s = stretch_of(make_offer(), "strong")
    # 80–120 % of 150,000
    assert (s.band_min, s.band_max, s.band_estimated) == (Decimal(120000), Decimal(180000), True)
    assert s.band_source == "typical band shape"
    assert any("No salary band was entered" in note for note in s.notes)


# --- the package ---------------------------------------------------------------------------------


def test_below_the_band_reaching_it_comes_first():
    offer = make_offer(base_salary=130000, budget=BAND)
    advice = advice_for(offer, "steady")
    first = advice.levers[0]
    # below 140,000: the band's minimum, even past the steady raise of 7 % (139,100)
    assert (first.lever, first.ask, first.plausibility) == ("base_salary", Decimal(140000), "likely")
    assert "below the band" in first.rationale
    assert "starts at $140,000" in first.script


def test_the_typical_gain_sizes_the_package_without_a_reason_to_ask_more():
    offer = make_offer(budget=BAND, bonus={"target_pct": 10}, sign_on=[10000], equity=[RSU_100K])
    # year 1 = 150,000 + 15,000 + 10,000 + 25,000 = 200,000; strong: 8 % = 16,000
    # base: 150,000 + 16,000 ÷ 1.1 = 164,545 → 165,000 (the ceiling) → +16,500: nothing left
    advice = advice_for(offer, "strong")
    assert package(advice) == [("base_salary", Decimal(165000))]
    assert advice.package.anchor_reason == "typical"
    assert advice.package.anchor is not None and advice.package.anchor.year_one == Decimal(216500)


def test_a_target_raises_the_package_up_to_the_best_gain():
    offer = make_offer(budget=BAND, sign_on=[10000], equity=[RSU_100K], goal={"target_total": 300000})
    # year 1 = 185,000: the target asks for 115,000 more, the best is 12 % = 22,200:
    # base 165,000 (+15,000), sign-on 10,000 + 7,200 → 17,000 (+7,000)
    advice = advice_for(offer, "strong")
    assert (advice.package.anchor_reason, advice.package.anchor_capped) == ("target", True)
    assert package(advice) == [("base_salary", Decimal(165000)), ("sign_on", Decimal(17000))]
    assert "your target asks for more" in advice.where_from


def test_a_same_currency_alternative_raises_the_package_in_proportion_to_its_lead():
    offer = make_offer(budget=BAND, equity=[RSU_100K])
    # year 1 = 175,000; steady: typical 6 % = 10,500, best 9 % = 15,750
    asks = []
    for lead in (0, 1, 10500, 12000, 14000, 15750, 40000):
        alt = Alternative("globex", "Globex", Decimal(175000 + lead), "USD", "USD", Decimal(175000 + lead))
        advice = advice_for(offer, "steady", alternatives=[alt], year_one=Decimal(175000))
        anchor = advice.package.anchor
        assert anchor is not None
        asks.append(anchor.year_one)
    # the package never shrinks as the lead grows, and a $1 lead changes nothing
    assert asks == sorted(asks)
    assert asks[0] == asks[1]
    assert asks[-1] == asks[-2]  # capped at the best gain


def test_an_alternative_in_another_currency_is_never_cited_with_its_number():
    offer = make_offer(currency="EUR", budget=BAND)
    alt = Alternative("globex", "Globex", Decimal(400000), "USD", "USD", Decimal(400000))
    advice = advice_for(offer, "strong", alternatives=[alt], year_one=Decimal(162000))
    assert advice.package.alternative is None and advice.package.other_market is alt
    assert advice.package.anchor_reason == "typical"
    for lever in advice.levers:
        assert "$" not in lever.script and "400" not in lever.script
    assert "another offer" in advice.levers[0].script


def test_every_lever_has_words_and_the_first_says_the_package_at_once():
    offer = make_offer(budget=BAND, sign_on=[10000], equity=[RSU_100K], goal={"target_total": 300000})
    advice = advice_for(offer, "strong")
    for lever in advice.levers:
        assert lever.rationale and lever.script and lever.if_no, lever
        assert not commits(lever.script)
    assert "a base of $165,000 and a sign-on of $17,000" in advice.levers[0].script


def test_the_base_if_no_line_names_the_next_rung():
    advice = advice_for(make_offer(budget=BAND, equity=[RSU_100K]), "strong")
    # year 1 = 175,000: gain 8 % = 14,000 → base 164,000; the base gap (14,000) as a sign-on: 0 + 14,000,
    # inside the ceiling of 22,000
    assert advice.levers[0].ask == Decimal(164000)
    fallback = by_name(advice)["sign_on"]
    assert (fallback.step, fallback.ask) == ("fallback", Decimal(14000))
    assert "a sign-on of $14,000" in advice.levers[0].if_no


def test_the_ladder_ends_with_the_level_and_an_early_review():
    advice = advice_for(make_offer(budget=BAND, equity=[RSU_100K]), "strong")
    ladder = [lv.lever for lv in advice.levers if lv.step == "fallback"]
    assert ladder == ["sign_on", "equity", "level", "review"]


def test_no_room_at_all_asks_for_what_costs_little():
    # weak, at the top of the band, sign-on and equity at their ceilings
    offer = make_offer(base_salary=180000, budget=BAND, sign_on=[30000])
    advice = advice_for(offer, "weak")
    assert package(advice) == [("review", None)]
    assert advice.headline.startswith("No plausible room for more money")


# --- the talks so far ----------------------------------------------------------------------------


def test_never_above_your_own_last_number():
    offer = make_offer(budget=BAND, equity=[RSU_100K])
    talks = Talks(answered=0, last_ask={"base_salary": Decimal(158000)})
    advice = advice_for(offer, "strong", talks=talks)
    # the stretch says 165,000; you already asked for 158,000: never go back above it
    assert by_name(advice)["base_salary"].ask == Decimal(158000)


def test_after_an_answer_the_ask_lies_between_the_answer_and_your_last_ask_and_is_possible():
    offer = make_offer(budget=BAND, equity=[RSU_100K])
    talks = Talks(answered=1, last_ask={"base_salary": Decimal(175000)}, last_answer={"base_salary": Decimal(150000)})
    advice = advice_for(offer, "strong", talks=talks)
    base = by_name(advice)["base_salary"]
    # half the room: 150,000 + 15,000 × 50 % = 157,500 → 157,000, between 150,000 and 175,000
    assert (base.ask, base.plausibility) == (Decimal(157000), "possible")
    assert "Thank you for coming back with $150,000" in base.script
    assert not base.closing and not commits(base.script)


def test_the_closing_line_only_after_an_answer_and_only_when_the_package_meets_the_target():
    offer = make_offer(budget=BAND, equity=[RSU_100K], goal={"target_total": 182000})
    answered = Talks(
        answered=1, last_ask={"base_salary": Decimal(175000)}, last_answer={"base_salary": Decimal(150000)}
    )
    advice = advice_for(offer, "strong", talks=answered)
    # year 1 with 157,000: 182,000 ≥ target 182,000: the closing round
    assert advice.package.closing
    closing = [lv for lv in advice.levers if lv.closing]
    assert len(closing) == 1 and "If you can get to a base of $157,000, I'm ready to sign today." in closing[0].script
    for lever in advice.levers:
        assert lever.closing or not commits(lever.script)
    # the same numbers before any answer: no commitment
    first_round = advice_for(offer, "strong", talks=Talks())
    assert not first_round.package.closing
    assert not any(commits(lv.script) for lv in first_round.levers)
    # after an answer, but short of the target: no commitment
    short = advice_for(
        make_offer(budget=BAND, equity=[RSU_100K], goal={"target_total": 190000}), "strong", talks=answered
    )
    assert not short.package.closing


def test_after_an_answer_no_new_item_joins_the_package():
    # you asked for base only; the company answered: adding a sign-on now would move the goalposts
    offer = make_offer(budget=BAND, equity=[RSU_100K], sign_on=[5000])
    talks = Talks(answered=1, last_ask={"base_salary": Decimal(160000)}, last_answer={"base_salary": Decimal(150000)})
    advice = advice_for(offer, "grand_slam", talks=talks)
    assert [lv.lever for lv in advice.levers if lv.step == "package"] == ["base_salary"]
    # … while the ladder may still pivot to them if the answer is no
    assert "sign_on" in {lv.lever for lv in advice.levers if lv.step == "fallback"}


# --- make-whole ----------------------------------------------------------------------------------


def test_a_leaving_cost_comes_first_as_a_make_whole():
    offer = make_offer(budget=BAND, equity=[RSU_100K])
    staying = Staying("Ridgeway", "USD", Decimal(140000), Decimal(30000), (("RSUs in March", Decimal(30000)),))
    advice = advice_for(offer, "strong", staying=staying)
    first = advice.levers[0]
    # 30,000 of 150,000 = 20 %: likely (up to 20 %); it hosts the sign-on
    assert (first.lever, first.ask, first.unit, first.plausibility) == ("make_whole", Decimal(30000), "once", "likely")
    assert "sign_on" not in by_name(advice)
    assert "Ridgeway" in first.script and "$30,000" in first.script


@pytest.mark.parametrize(
    ("cost", "plausibility"), [(30000, "likely"), (31000, "possible"), (75000, "possible"), (76000, "long_shot")]
)
def test_the_make_whole_is_calibrated_on_the_base(cost, plausibility):
    offer = make_offer(budget=BAND)
    staying = Staying("Ridgeway", "USD", None, Decimal(cost), (("stock", Decimal(cost)),))
    # 20 % of 150,000 = 30,000 likely; 50 % = 75,000 possible; beyond a long shot
    assert by_name(advice_for(offer, "strong", staying=staying))["make_whole"].plausibility == plausibility


def test_a_sign_on_that_already_covers_the_leaving_cost_needs_no_make_whole():
    offer = make_offer(budget=BAND, sign_on=[40000])
    staying = Staying("Ridgeway", "USD", None, Decimal(30000), (("stock", Decimal(30000)),))
    advice = advice_for(offer, "strong", staying=staying)
    assert "make_whole" not in by_name(advice) and advice.package.make_whole_covered


# --- stage and time ------------------------------------------------------------------------------


@pytest.mark.parametrize("stage", ["accepted", "declined", "withdrawn"])
def test_no_asks_for_closed_stages_and_the_headline_says_why(stage):
    advice = advice_for(make_offer(stage=stage, budget=BAND), "grand_slam")
    assert advice.levers == () and advice.mode == "closed"
    assert advice.headline.startswith("No asks")


def test_before_an_offer_a_follow_up_plan_instead_of_asks():
    offer = make_offer(stage="interviewing", timeline=[{"date": "2026-11-16", "kind": "final_interview"}])
    advice = advice_for(offer, "steady", offer_made=False)
    assert [lv.lever for lv in advice.levers] == ["follow_up"]
    # 16 Nov + 7 = Mon 23 Nov
    assert "Mon 23 Nov 2026" in advice.levers[0].rationale
    assert "Monday 16 November" in advice.levers[0].script


@pytest.mark.parametrize(
    ("deadline", "first", "plausibility"),
    [
        ("2026-11-20", "deadline", "likely"),  # today
        ("2026-11-22", "deadline", "likely"),  # in two days
        ("2026-11-23", "base_salary", "likely"),  # in three: the package first
        ("2026-11-19", "deadline", "possible"),  # yesterday: confirm it stands
    ],
)
def test_a_near_or_passed_deadline_comes_first(deadline, first, plausibility):
    advice = advice_for(make_offer(budget=BAND, signals={"deadline": deadline}), "strong")
    assert (advice.levers[0].lever, advice.levers[0].plausibility) == (first, plausibility)


def test_more_days_land_on_a_working_day_and_are_named():
    # Fri 20 Nov + 5 = Wed 25 Nov; Tue 24 Nov + 5 = Sun 29 Nov → Mon 30 Nov (6 days)
    friday = advice_for(make_offer(budget=BAND, signals={"deadline": "2026-11-20"}), "strong").levers[0]
    assert (friday.ask, friday.unit) == (Decimal(5), "days")
    assert "until Wednesday 25 November" in friday.script
    tuesday = advice_for(
        make_offer(budget=BAND, signals={"deadline": "2026-11-22", "competing_offers": 1}),
        "strong",
        as_of=date(2026, 11, 20),
    ).levers[0]
    assert "until Friday 27 November" in tuesday.script  # Sun 22 + 5 = Fri 27


# --- structure ------------------------------------------------------------------------------------


def test_options_are_asked_for_in_shares_with_the_questions():
    offer = make_offer(
        budget=BAND, base_salary=180000, equity=[{"kind": "option", "shares": 20000, "strike": 2, "price": 10}]
    )
    equity = by_name(advice_for(offer, "strong"))["equity"]
    # 20,000 × 1.2 = 24,000 options
    assert (equity.ask, equity.unit) == (Decimal(24000), "shares")
    # at the top of the band the options lead the package: said in options, never in money
    assert "24,000 options instead of 20,000 options" in equity.script and "409A" in equity.script


def test_the_exercise_window_only_with_options():
    assert "exercise_window" not in by_name(advice_for(make_offer(budget=BAND, equity=[RSU_100K]), "strong"))
    offer = make_offer(budget=BAND, equity=[{"kind": "option", "shares": 20000, "strike": 2, "price": 10}])
    window = by_name(advice_for(offer, "strong"))["exercise_window"]
    assert (window.ask, window.unit, window.offered) == (Decimal(1825), "days", Decimal(90))
    assert "from 90 days to five years" in window.script


@pytest.mark.parametrize("tier", ["weak", "uncertain"])
def test_a_weak_or_uncertain_position_can_swap_sign_on_for_equity(tier):
    offer = make_offer(budget=BAND, sign_on=[20000], equity=[RSU_100K])
    swap = by_name(advice_for(offer, tier))["equity"]
    # give up 10,000 of the year-1 sign-on for 15,000 more equity: year 1 −10,000 + 15,000 × 25 %
    assert (swap.kind, swap.ask, swap.step) == ("swap", Decimal(115000), "fallback")
    assert swap.effect[0] == Decimal(-6250)


def test_a_remote_role_gets_no_remote_ask():
    assert "remote" in by_name(advice_for(make_offer(budget=BAND, location="Denver"), "strong"))
    assert "remote" not in by_name(advice_for(make_offer(budget=BAND, location="Remote (US)"), "strong"))


def test_the_effect_of_an_ask_is_computed_by_the_same_figures():
    offer = make_offer(budget=BAND, bonus={"target_pct": 10}, annual_raise_pct=3)
    base = by_name(advice_for(offer, "strong"))["base_salary"]
    # year 1 = 165,000 (150,000 + 15,000): gain 8 % = 13,200 → 150,000 + 12,000 → 162,000
    assert base.ask == Decimal(162000)
    # +12,000 base and +1,200 bonus in year 1; year 2: 12,000 × 1.03 = 12,360 and 1,236
    assert base.effect[:2] == (Decimal(13200), Decimal(13596))


# --- drops -----------------------------------------------------------------------------------------


def test_a_drop_when_the_sign_on_ends():
    offer = make_offer(sign_on=[30000, 15000])
    drops = stretch_of(offer, "strong").drops
    # year 2: 165,000 → year 3: 150,000
    assert [(d.year, d.cause, d.fix) for d in drops] == [(2, "sign_on_ends", "sign_on"), (3, "sign_on_ends", "sign_on")]


def test_a_drop_when_the_grant_runs_out_is_fixed_by_refreshers():
    offer = make_offer(equity=[RSU_100K])
    drops = stretch_of(offer, "strong").drops
    # year 5: 175,000 → 150,000, outside a 4-year horizon but looked at
    assert [(d.year, d.cause, d.fix, d.amount) for d in drops] == [(5, "grant_runs_out", "refreshers", Decimal(25000))]
    refreshers = by_name(advice_for(offer, "strong"))["refreshers"]
    assert "runs out" in refreshers.rationale and refreshers.step == "also"


def test_a_front_loaded_schedule_is_not_a_grant_running_out():
    offer = make_offer(equity=[{"kind": "rsu", "value": 100000, "vesting": {"years_pct": [40, 30, 20, 10]}}])
    drops = stretch_of(offer, "strong").drops
    # 190,000 → 180,000 → 170,000 → 160,000 → 150,000: each step 10,000 (over 5 %)
    assert [(d.year, d.cause) for d in drops] == [
        (2, "front_loaded"),
        (3, "front_loaded"),
        (4, "front_loaded"),
        (5, "grant_runs_out"),
    ]


def test_a_long_cliff_is_named_as_the_cause():
    offer = make_offer(equity=[{"kind": "rsu", "value": 100000, "vesting": {"cliff_months": 24}}])
    drops = stretch_of(offer, "strong").drops
    # the cliff in year 2 moves years 1–2 (50,000) into year 2: 200,000 then 175,000 in year 3
    assert (drops[0].year, drops[0].cause) == (3, "cliff")
    assert "cliff of twelve months or less" in by_name(advice_for(offer, "steady"))["equity"].rationale


def test_a_small_dip_is_not_a_drop():
    # 4,000 of 154,000 is 2.6 %, under the 5 % that flags a drop
    assert stretch_of(make_offer(sign_on=[4000]), "strong").drops == ()


# --- the goal ----------------------------------------------------------------------------------------


def test_the_goal_against_the_offer_and_the_best_plausible_year_one():
    offer = make_offer(budget=BAND, goal={"target_total": 200000, "walk_away_total": 160000})
    s = stretch_of(offer, "strong")
    # best: 12 % of 150,000 = 18,000 → base 165,000 (+15,000), sign-on 3,000 (22,000 ceiling) = 168,000
    assert s.best.year_one == Decimal(168000)
    assert s.goal is not None
    assert (s.goal.target_reachable, s.goal.target_shortfall) == (False, Decimal(32000))
    assert (s.goal.walk_away_met, s.goal.walk_away_reachable) == (False, True)


def test_no_goal_no_check():
    assert stretch_of(make_offer(), "strong").goal is None


def test_an_asks_offer_is_a_view_read_for_its_figures_not_a_pydantic_copy(monkeypatch) -> None:
    from app.compensation import total_changes
    from app.stretch import derived

    copies: list[object] = []
    real_copy = Offer.model_copy

    def counting_copy(self: Offer, *args: object, **kwargs: object) -> Offer:
        copies.append(self)
        return real_copy(self, *args, **kwargs)

    monkeypatch.setattr(Offer, "model_copy", counting_copy)
    # 150,000 base, a 10 % bonus paid in full, a 20,000 sign-on, 3 % raises
    offer = make_offer(bonus={"target_pct": 10}, sign_on=[20000], annual_raise_pct=3)
    offered = figures(offer, 2)
    asked = derived(offer, base_salary=Decimal(160000))
    assert asked.base_salary == Decimal(160000) and asked.sign_on == [Decimal(20000)] and asked.id == "acme"
    # base +10,000 and bonus +1,000 in year 1; year 2 at 3 % more: +10,300 and +1,030
    assert total_changes(offer, offered, asked) == (Decimal("11000.00"), Decimal("11330.00"))
    best = figures(asked, 2, like=(offer, offered))
    assert [y.total for y in best.years] == [Decimal("196000.00"), Decimal("181280.00")]
    # the offer's own figures: 150,000 + 15,000 + 20,000, then 154,500 + 15,450
    assert [y.total for y in offered.years] == [Decimal("185000.00"), Decimal("169950.00")]
    advise_all = advise(offer, position_of("strong"), compute_stretch(offer, "strong", offered), AS_OF)
    assert advise_all.levers and copies == []
