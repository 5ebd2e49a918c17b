"""The negotiating-position rating: each kind of evidence, its points, its tier and its reason.

Every expected number is worked out by hand from the defaults in app/rubric.py (the arithmetic is in
the comments), never recomputed with the code under test. Default rubric, for reference:

    offer speed (days from the last final interview to the first offer on/after it):
        0 → 100 · 1–3 → 86 · 4–7 → 72 · 8–14 → 60 · 15–29 → 46 · 30+ → 30
    silence with no offer (days since the last interview, up to as_of):
        0–3 → 66 · 4–7 → 58 · 8–13 → 46 · 14+ → 32
    no dates to read: 55
    competing offers +6 each, at most +12 · a better offer in hand, same currency: +5 × its lead
    (% of year 1) ÷ 10, rounded down, at most +5 (another currency: another market, 0)
    recruiter advocating +5 / not advocating −4 · hiring manager responsive +4
    unresponsive manager: +4 back (never more than a responsive one), only for bands that start after
    day 7 (8–14, 15–29, 30+; 8–13, 14+)
    rounds ≤ 7 days apart on average +4, > 21 days −4 · a deadline: 0
    tiers: grand slam ≥ 90 · strong ≥ 75 · steady ≥ 55 · uncertain ≥ 35 · weak below
    an offer 30+ days after the final interview, or 14+ days of silence: at most 54 (uncertain)
"""

from __future__ import annotations

import copy
import io
import json
from datetime import date, timedelta
from decimal import Decimal

import pytest

from app.evaluation import evaluate_file
from app.models import Offer, OfferFile
from app.position import Alternative, follow_up_plan, missing_for_rating, rate_position
from tests.examples import THREE_OFFERS as EXAMPLE
from ui.cli import main

AS_OF = date(2026, 12, 1)
FINAL = date(2026, 10, 1)  # a Thursday: "Thu 1 Oct 2026"


def make_offer(timeline=(), signals=None, **fields) -> Offer:
    data = {"id": "acme", "company": "Acme", "role": "Engineer", "base_salary": 150000, **fields}
    data["timeline"] = [{"date": str(day), "kind": kind} for day, kind in timeline]
    if signals is not None:
        data["signals"] = signals
    return Offer.model_validate(data)


def offer_after(days: int, signals=None, rounds=(), **fields) -> Offer:
    """An offer `days` after a final interview on FINAL; `rounds` are earlier rounds as (days before, kind)."""
    timeline = [(FINAL - timedelta(days=before), kind) for before, kind in rounds]
    timeline += [(FINAL, "final_interview"), (FINAL + timedelta(days=days), "offer")]
    return make_offer(timeline, signals, **fields)


def waiting_since(last: date, signals=None, extra=(), **fields) -> Offer:
    """A process still interviewing, whose final interview was on `last` (no offer yet)."""
    return make_offer([(last, "final_interview"), *extra], signals, stage="interviewing", **fields)


def keys(position) -> list[str]:
    return [e.key for e in position.evidence]


def sentence(position, key: str) -> str:
    found = [e.sentence for e in position.evidence if e.key == key]
    assert len(found) == 1, f"expected one {key!r} reason, got {found}"
    return found[0]


def points(position, key: str) -> int:
    return sum(e.points for e in position.evidence if e.key == key)


# --- interview-to-offer days -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("days", "score", "tier"),
    [
        (0, 100, "grand_slam"),  # same day: 100
        (1, 86, "strong"),  # 1–3 days: 86
        (3, 86, "strong"),
        (4, 72, "steady"),  # 4–7 days: 72
        (7, 72, "steady"),
        (8, 60, "steady"),  # 8–14 days: 60
        (14, 60, "steady"),
        (15, 46, "uncertain"),  # 15–29 days: 46
        (29, 46, "uncertain"),
        (30, 30, "weak"),  # 30+ days: 30
        (60, 30, "weak"),
    ],
)
def test_interview_to_offer_days_set_the_score_and_tier(days, score, tier):
    # Only a final interview and an offer: one round (no gaps), no signals, so the speed is the score.
    position = rate_position(offer_after(days), AS_OF)
    assert position.interview_to_offer_days == days
    assert position.days_waiting is None
    assert position.offer_made
    assert position.score == score
    assert position.tier == tier
    assert keys(position) == ["speed"]
    reason = sentence(position, "speed")
    assert "Thu 1 Oct 2026" in reason  # the final interview's date is cited
    if days == 0:
        assert "the same day as the final interview" in reason
    else:
        offered_on = FINAL + timedelta(days=days)
        assert f"{days} day{'s' if days != 1 else ''} after the final interview" in reason
        assert f"{offered_on:%a} {offered_on.day} {offered_on:%b} {offered_on.year}" in reason
    assert reason in position.reasons


def test_a_slower_offer_scores_lower_and_says_so():
    fast = rate_position(offer_after(2), AS_OF)  # 86
    slow = rate_position(offer_after(20), AS_OF)  # 46
    assert (fast.score, fast.tier) == (86, "strong")
    assert (slow.score, slow.tier) == (46, "uncertain")
    assert "2 days after" in sentence(fast, "speed")
    assert "20 days after" in sentence(slow, "speed")
    assert "other finalists" in sentence(slow, "speed")


def test_interview_to_offer_days_count_from_the_last_final_interview():
    offer = make_offer([("2026-10-01", "final_interview"), ("2026-10-10", "final_interview"), ("2026-10-12", "offer")])
    position = rate_position(offer, AS_OF)
    assert position.interview_to_offer_days == 2  # 12 Oct − 10 Oct, not from 1 Oct
    assert "Sat 10 Oct 2026 → Mon 12 Oct 2026" in sentence(position, "speed")


def test_without_a_final_interview_the_last_interview_is_the_anchor():
    offer = make_offer([("2026-10-01", "interview"), ("2026-10-05", "interview"), ("2026-10-09", "offer")])
    position = rate_position(offer, AS_OF)
    assert position.interview_to_offer_days == 4  # 9 Oct − 5 Oct
    assert "after the last interview" in sentence(position, "speed")
    # 4 days: 72; the two interviews are 4 days apart (≤ 7 on average): +4 → 76
    assert position.score == 76
    assert position.tier == "strong"


def test_the_first_offer_on_or_after_the_final_interview_counts():
    # Events out of order; an offer on the final interview's day counts (0 days), later offers don't.
    offer = make_offer(
        [("2026-10-20", "offer"), ("2026-10-10", "offer"), ("2026-10-10", "final_interview"), ("2026-10-01", "offer")]
    )
    position = rate_position(offer, AS_OF)
    assert position.interview_to_offer_days == 0
    assert position.score == 100


def test_an_offer_only_before_the_final_interview_has_no_speed_to_read():
    offer = make_offer([("2026-10-01", "offer"), ("2026-10-10", "final_interview")])
    position = rate_position(offer, AS_OF)
    assert position.interview_to_offer_days is None
    assert position.score == 55  # no speed to read: 55
    assert "can't be read" in sentence(position, "speed")


def test_an_offer_stage_without_dates_starts_from_the_neutral_score():
    position = rate_position(make_offer(stage="offer"), AS_OF)
    assert position.offer_made
    assert position.interview_to_offer_days is None
    assert position.days_waiting is None
    assert (position.score, position.tier) == (55, "steady")  # no dates: 55


# --- days waiting for an offer ---------------------------------------------------------------------

LAST = date(2026, 11, 1)  # "Sun 1 Nov 2026"


@pytest.mark.parametrize(
    ("waited", "score", "tier"),
    [
        (0, 66, "steady"),  # 0–3 days: 66
        (1, 66, "steady"),
        (3, 66, "steady"),
        (4, 58, "steady"),  # 4–7 days: 58
        (7, 58, "steady"),
        (8, 46, "uncertain"),  # 8–13 days: 46
        (13, 46, "uncertain"),
        (14, 32, "weak"),  # 14+ days: 32
        (40, 32, "weak"),
    ],
)
def test_days_waiting_set_the_score_and_tier(waited, score, tier):
    position = rate_position(waiting_since(LAST), LAST + timedelta(days=waited))
    assert position.days_waiting == waited
    assert position.interview_to_offer_days is None
    assert not position.offer_made
    assert (position.score, position.tier) == (score, tier)
    reason = sentence(position, "waiting")
    assert f"It has been {waited} day{'s' if waited != 1 else ''} since your final interview" in reason
    assert "Sun 1 Nov 2026" in reason
    assert "with no offer" in reason


def test_days_waiting_count_from_the_last_interview_of_any_kind():
    offer = make_offer([("2026-10-20", "final_interview"), ("2026-11-01", "interview")], stage="interviewing")
    position = rate_position(offer, date(2026, 11, 6))
    assert position.days_waiting == 5  # 6 Nov − 1 Nov
    assert "since your last interview (Sun 1 Nov 2026)" in sentence(position, "waiting")


def test_a_future_interview_gives_nothing_to_read_yet():
    position = rate_position(waiting_since(LAST), LAST - timedelta(days=3))
    assert position.days_waiting is None
    assert position.score == 66  # an interview still to come reads like day 0 of waiting: 66, so no jump
    assert "Your next interview is on Sun 1 Nov 2026" in sentence(position, "waiting")


def test_no_interviews_at_all_asks_for_the_dates():
    position = rate_position(make_offer(stage="interviewing"), AS_OF)
    assert position.score == 55
    assert "No interviews" in sentence(position, "waiting")


def test_a_process_waiting_for_its_offer_is_rated_on_its_dates_without_a_base():
    # no offer yet: the rating and the follow-up plan rest on the dates alone, so no base is needed
    assert missing_for_rating(waiting_since(FINAL, base_salary=0)) == ()
    # once an offer is made (its stage, or an offer on the timeline) its base is needed before any ask
    assert missing_for_rating(offer_after(3, base_salary=0)) == ("the base salary",)
    assert missing_for_rating(offer_after(3, base_salary=0, stage="interviewing")) == ("the base salary",)
    assert missing_for_rating(make_offer(stage="interviewing", base_salary=0)) == (
        "the timeline (when you interviewed, when the offer came)",
    )


@pytest.mark.parametrize(
    ("waited", "kind", "write_on"),
    [
        # under a week: wait; the usual week ends on 1 Nov + 7 = Sun 8 Nov
        (0, "wait", date(2026, 11, 8)),
        (6, "wait", date(2026, 11, 8)),
        # a week or more: now (the as-of day)
        (7, "now", date(2026, 11, 8)),
        (20, "now", date(2026, 11, 21)),
    ],
)
def test_waiting_processes_get_a_follow_up_plan(waited, kind, write_on):
    plan = follow_up_plan(waiting_since(LAST), LAST + timedelta(days=waited))
    assert (plan.kind, plan.write_on, plan.waited) == (kind, write_on, waited)
    # the plan is the advice (a follow-up lever), not a reason of the rating
    assert rate_position(waiting_since(LAST), LAST + timedelta(days=waited)).next_steps == ()


def test_after_a_recent_follow_up_the_plan_is_to_give_it_a_few_days():
    offer = waiting_since(LAST, extra=[(date(2026, 11, 9), "follow_up")])
    plan = follow_up_plan(offer, date(2026, 11, 11))
    # followed up on Mon 9 Nov; give it 5 days: Sat 14 Nov
    assert (plan.kind, plan.followed_up) == ("wait_after_follow_up", date(2026, 11, 9))
    assert plan.write_on == date(2026, 11, 14)


def test_after_an_unanswered_follow_up_the_plan_is_to_write_again():
    offer = waiting_since(LAST, extra=[(date(2026, 11, 9), "follow_up")])
    plan = follow_up_plan(offer, date(2026, 11, 16))
    # 16 Nov − 9 Nov = 7 days ≥ 5: write again, today
    assert (plan.kind, plan.write_on) == ("again", date(2026, 11, 16))


def test_a_follow_up_dated_in_the_future_does_not_count():
    offer = waiting_since(LAST, extra=[(date(2026, 11, 30), "follow_up")])
    assert follow_up_plan(offer, date(2026, 11, 16)).kind == "now"


# --- gaps between rounds ---------------------------------------------------------------------------


def test_quick_rounds_add_points():
    # 5 days to the offer: 72; one interview 7 days before the final (avg 7 ≤ 7): +4 → 76
    position = rate_position(offer_after(5, rounds=[(7, "interview")]), AS_OF)
    assert points(position, "rounds") == 4
    assert (position.score, position.tier) == (76, "strong")
    assert "7 days apart on average" in sentence(position, "rounds")


def test_a_recruiter_screen_counts_as_a_round():
    # screen 14 days before the final, interview 4 days before: gaps 10 and 4, average 7 → +4; 72 + 4 = 76
    position = rate_position(offer_after(5, rounds=[(14, "recruiter_screen"), (4, "interview")]), AS_OF)
    assert position.score == 76


def test_rounds_at_an_ordinary_pace_add_nothing():
    for gap in (8, 14, 21):  # more than 7, not more than 21
        position = rate_position(offer_after(5, rounds=[(gap, "interview")]), AS_OF)
        assert "rounds" not in keys(position)
        assert position.score == 72


def test_slow_rounds_take_points_away():
    # 72; one interview 22 days before the final (avg 22 > 21): −4 → 68
    position = rate_position(offer_after(5, rounds=[(22, "interview")]), AS_OF)
    assert points(position, "rounds") == -4
    assert (position.score, position.tier) == (68, "steady")
    assert "22 days on average" in sentence(position, "rounds")


def test_the_pace_of_the_rounds_moves_the_tier():
    # 4 days: 72; an interview 6 days before the final (quick): +4 → 76 strong; 25 days before (slow): −4 → 68
    quick = rate_position(offer_after(4, rounds=[(6, "interview")]), AS_OF)
    slow = rate_position(offer_after(4, rounds=[(25, "interview")]), AS_OF)
    assert (quick.score, quick.tier) == (76, "strong")
    assert (slow.score, slow.tier) == (68, "steady")


# --- competing offers ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("count", "score", "tier"),
    [
        (0, 72, "steady"),  # 72 + 0
        (1, 78, "strong"),  # 72 + 6
        (2, 84, "strong"),  # 72 + 12
        (3, 84, "strong"),  # 72 + min(18, 12)
    ],
)
def test_competing_offers_add_points_up_to_a_cap(count, score, tier):
    position = rate_position(offer_after(5, {"competing_offers": count}), AS_OF)
    assert (position.score, position.tier) == (score, tier)
    if count:
        noun = "competing offer" if count == 1 else "competing offers"
        assert f"You hold {count} {noun}" in sentence(position, "competing")
    else:
        assert "competing" not in keys(position)


# --- a better offer in hand ------------------------------------------------------------------------


def test_a_better_offer_in_hand_adds_points_in_proportion_and_names_the_difference():
    alternatives = [
        Alternative("globex", "Globex", Decimal("212345.67"), "USD"),
        Alternative("initech", "Initech", Decimal("205000"), "USD"),
    ]
    position = rate_position(offer_after(5), AS_OF, alternatives=alternatives, year_one=Decimal("200000"))
    # the best of the better ones: 212,345.67 − 200,000 = 12,345.67, 6.17 % of 200,000:
    # 5 × 6.17 ÷ 10 = 3.09 → 3 points; 72 + 3 = 75
    assert (points(position, "better_offer"), position.score, position.tier) == (3, 75, "strong")
    assert "Globex pays $12,345.67 more in year 1 (6 % more)" in sentence(position, "better_offer")


@pytest.mark.parametrize(
    ("other", "expected"),
    [
        ("200001", 0),  # $1 more: 0.0005 % → 0, never a tier jump at $1
        ("203999", 0),  # 1.99 % → 5 × 1.99 ÷ 10 = 0.99 → 0
        ("204000", 1),  # 2 % → 1
        ("210000", 2),  # 5 % → 2.5 → 2
        ("220000", 5),  # 10 % → 5
        ("400000", 5),  # 100 % → at most 5
    ],
)
def test_the_lead_of_a_better_offer_counts_in_proportion(other, expected):
    alternatives = [Alternative("globex", "Globex", Decimal(other), "USD")]
    position = rate_position(offer_after(5), AS_OF, alternatives=alternatives, year_one=Decimal("200000"))
    assert points(position, "better_offer") == expected


def test_a_better_offer_in_another_currency_is_another_market():
    alternatives = [Alternative("globex", "Globex", Decimal("300000"), "USD", "EUR", Decimal("277777.78"))]
    position = rate_position(offer_after(5), AS_OF, alternatives=alternatives, year_one=Decimal("200000"))
    # USD here, EUR there: said converted, and worth no points
    assert points(position, "better_offer") == 0 and position.score == 72
    assert "another market" in sentence(position, "better_offer")


def test_an_offer_paying_less_or_as_much_or_itself_or_without_a_rate_adds_nothing():
    lower = [Alternative("globex", "Globex", Decimal("199999.99"), "USD")]
    same = [Alternative("globex", "Globex", Decimal("200000.00"), "USD")]
    itself = [Alternative("acme", "Acme", Decimal("900000"), "USD")]
    cases = ((lower, Decimal("200000")), (same, Decimal("200000")), (itself, Decimal("200000")), (lower, None))
    for alternatives, year_one in cases:
        position = rate_position(offer_after(5), AS_OF, alternatives=alternatives, year_one=year_one)
        assert "better_offer" not in keys(position)
        assert position.score == 72


# --- the recruiter ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("advocating", "score", "tier", "words"),
    [
        (True, 77, "strong", "is advocating for you"),  # 72 + 5
        (False, 68, "steady", "is not advocating for you"),  # 72 − 4
        (None, 72, "steady", None),  # unknown: nothing
    ],
)
def test_recruiter_advocating(advocating, score, tier, words):
    position = rate_position(offer_after(5, {"recruiter_advocating": advocating}), AS_OF)
    assert (position.score, position.tier) == (score, tier)
    if words is None:
        assert "recruiter" not in keys(position)
    else:
        assert words in sentence(position, "recruiter")


# --- the hiring manager ----------------------------------------------------------------------------


def test_a_responsive_hiring_manager_adds_points():
    # 72 + 4 = 76: steady becomes strong
    position = rate_position(offer_after(5, {"hiring_manager_responsive": True}), AS_OF)
    assert (position.score, position.tier) == (76, "strong")
    assert "responsive" in sentence(position, "manager")


def test_an_unresponsive_manager_gives_no_relief_for_a_quick_offer():
    # 5 days falls in the 4–7 band, which starts before day 8: no relief, and no penalty either
    position = rate_position(offer_after(5, {"hiring_manager_responsive": False}), AS_OF)
    assert position.score == 72
    assert "manager" not in keys(position)


@pytest.mark.parametrize(
    ("days", "without", "relieved"),
    [
        (8, 60, 64),  # 8–14: 60 + 4
        (20, 46, 50),  # 15–29: 46 + 4
        (30, 30, 34),  # 30+: 30 + 4
    ],
)
def test_an_unresponsive_manager_explains_a_slow_offer(days, without, relieved):
    plain = rate_position(offer_after(days), AS_OF)
    unresponsive = rate_position(offer_after(days, {"hiring_manager_responsive": False}), AS_OF)
    assert plain.score == without
    assert unresponsive.score == relieved
    reason = sentence(unresponsive, "manager")
    assert "unresponsive" in reason
    assert "without meaning rejection" in reason


def test_relief_for_an_unresponsive_manager_can_lift_the_tier():
    # 20 days (46) + recruiter advocating (5) = 51 uncertain; unresponsive manager +4 → 55 steady
    plain = rate_position(offer_after(20, {"recruiter_advocating": True}), AS_OF)
    relieved = rate_position(offer_after(20, {"recruiter_advocating": True, "hiring_manager_responsive": False}), AS_OF)
    assert (plain.score, plain.tier) == (51, "uncertain")
    assert (relieved.score, relieved.tier) == (55, "steady")


@pytest.mark.parametrize("days", [0, 3, 5, 8, 14, 21, 29, 45])
def test_an_unresponsive_manager_never_scores_above_a_responsive_one(days):
    # the case: 21 days, responsive 46 + 4 = 50 against unresponsive 46 + 4 = 50 (was 49 against 54)
    responsive = rate_position(offer_after(days, {"hiring_manager_responsive": True}), AS_OF)
    unresponsive = rate_position(offer_after(days, {"hiring_manager_responsive": False}), AS_OF)
    unknown = rate_position(offer_after(days), AS_OF)
    assert unresponsive.score <= responsive.score
    assert unknown.score <= responsive.score


@pytest.mark.parametrize(
    ("waited", "responsive", "score"),
    [
        (5, False, 58),  # 4–7: 58, no relief (the band starts before day 8)
        (10, None, 46),  # 8–13: 46
        (10, False, 50),  # 46 + 4
        (10, True, 50),  # 46 + 4: never below the unresponsive manager
        (20, False, 36),  # 14+: 32 + 4
    ],
)
def test_the_hiring_manager_and_a_silence(waited, responsive, score):
    offer = waiting_since(LAST, {"hiring_manager_responsive": responsive})
    position = rate_position(offer, LAST + timedelta(days=waited))
    assert position.score == score
    if responsive is False and score != 58:
        assert "without meaning rejection" in sentence(position, "manager")


# --- the deadline ----------------------------------------------------------------------------------


def test_a_deadline_is_a_reason_without_points():
    plain = rate_position(offer_after(5), AS_OF)
    with_deadline = rate_position(offer_after(5, {"deadline": "2026-12-11"}), AS_OF)
    assert with_deadline.score == plain.score == 72
    assert points(with_deadline, "deadline") == 0
    # 11 Dec − 1 Dec = 10 days left
    assert "The offer expires on Fri 11 Dec 2026, 10 days from Tue 1 Dec 2026" in sentence(with_deadline, "deadline")


def test_a_passed_deadline_says_to_confirm_the_offer():
    position = rate_position(offer_after(5, {"deadline": "2026-11-30"}), AS_OF)
    assert "deadline (Mon 30 Nov 2026) has passed" in sentence(position, "deadline")
    assert position.score == 72


# --- the limits ------------------------------------------------------------------------------------

EVERYTHING_GOOD = {
    "competing_offers": 2,
    "recruiter_advocating": True,
    "hiring_manager_responsive": False,  # relief for a slow offer (+4)
}
BETTER = [Alternative("globex", "Globex", Decimal("300000"), "USD")]


def test_an_offer_a_month_after_the_final_interview_is_at_best_uncertain():
    # 30 days: 30, relief +4, competing +12, recruiter +5, better offer (50 % more) +5, quick rounds +4 = 60
    # → capped 54
    offer = offer_after(30, EVERYTHING_GOOD, rounds=[(5, "interview")])
    position = rate_position(offer, AS_OF, alternatives=BETTER, year_one=Decimal("200000"))
    assert position.score == 54
    assert position.tier == "uncertain"
    assert position.capped is not None and "30+ days" in position.capped
    assert position.capped in position.reasons


def test_one_day_less_than_a_month_is_not_capped():
    # 29 days: 46, relief +4, competing +12, recruiter +5, better +5, quick rounds +4 = 76
    offer = offer_after(29, EVERYTHING_GOOD, rounds=[(5, "interview")])
    position = rate_position(offer, AS_OF, alternatives=BETTER, year_one=Decimal("200000"))
    assert (position.score, position.tier, position.capped) == (76, "strong", None)


def test_two_weeks_of_silence_is_at_best_uncertain():
    # 14 days waiting: 32, relief +4, competing +12, recruiter +5, better +5, quick rounds +4 = 62 → capped 54
    offer = waiting_since(LAST, EVERYTHING_GOOD, extra=[(LAST - timedelta(days=5), "interview")])
    position = rate_position(offer, LAST + timedelta(days=14), alternatives=BETTER, year_one=Decimal("200000"))
    assert position.days_waiting == 14
    assert (position.score, position.tier) == (54, "uncertain")
    assert position.capped is not None


def test_thirteen_days_of_silence_is_not_capped():
    # 13 days: 46, relief +4, competing +12, recruiter +5, better +5, quick +4 = 76
    offer = waiting_since(LAST, EVERYTHING_GOOD, extra=[(LAST - timedelta(days=5), "interview")])
    position = rate_position(offer, LAST + timedelta(days=13), alternatives=BETTER, year_one=Decimal("200000"))
    assert (position.score, position.tier, position.capped) == (76, "strong", None)


def test_the_score_is_kept_at_100():
    # same day 100 + competing 12 + recruiter 5 + manager 4 + quick rounds 4 = 125 → 100
    offer = offer_after(
        0,
        {"competing_offers": 2, "recruiter_advocating": True, "hiring_manager_responsive": True},
        rounds=[(3, "interview")],
    )
    position = rate_position(offer, AS_OF)
    assert (position.score, position.tier) == (100, "grand_slam")


def test_the_lowest_plausible_score_is_weak():
    # 30+ days: 30, recruiter not advocating −4, slow rounds −4 = 22
    offer = offer_after(45, {"recruiter_advocating": False}, rounds=[(40, "interview")])
    position = rate_position(offer, AS_OF)
    assert (position.score, position.tier) == (22, "weak")


# --- the shared example ----------------------------------------------------------------------------

# The shared example (a literal copy in tests/examples.py, so this test stands on its own).
THREE_OFFERS = EXAMPLE

# Year 1 of each offer, in USD, by hand:
#   northwind: base 172,000 + bonus 10 % 17,200 + sign-on 20,000 + equity 160,000 × 25 % = 40,000
#              + 401(k) 6,000 = 255,200
#   fabrikam:  base 165,000 + bonus 165,000 × 15 % × 90 % = 22,275 + sign-on 30,000
#              + equity 800 × 250 × 10 % = 20,000 + relocation 8,000 = 245,275
#   contoso:   (base 120,000 + options 12,000 × (9.5 − 3.2) × 25 % = 18,900) = 138,900 EUR × 1.08 = 150,012 USD
# Alternatives in hand: northwind and fabrikam (stage offer); contoso is still interviewing.


@pytest.fixture
def example():
    evaluations = evaluate_file(OfferFile.model_validate(copy.deepcopy(THREE_OFFERS)))
    return {e.offer.id: e for e in evaluations}


def test_example_northwind_is_a_grand_slam(example):
    p = example["northwind"].position
    # 1 day (4 → 5 Nov): 86, competing +6, recruiter +5, manager +4 = 101 → 100 (rounds 8 and 7 days apart:
    # average 7.5, not quick; no better offer in hand: northwind pays the most)
    assert p.interview_to_offer_days == 1
    assert p.days_waiting is None
    assert (p.score, p.tier) == (100, "grand_slam")
    assert "Wed 4 Nov 2026 → Thu 5 Nov 2026" in sentence(p, "speed")
    assert "better_offer" not in keys(p)
    assert "Mon 30 Nov 2026, 10 days from Fri 20 Nov 2026" in sentence(p, "deadline")


def test_example_fabrikam_is_steady(example):
    p = example["fabrikam"].position
    # 21 days (9 → 30 Oct): 46; the unresponsive manager explains it (band 15–29 starts after day 7): +4;
    # competing +6; Northwind pays 255,200 − 245,275 = 9,925 more in year 1, 4.05 %: 5 × 4.05 ÷ 10 → +2.
    # 46 + 4 + 6 + 2 = 58. Defensible: three weeks alone says "weighing other finalists" (uncertain), but
    # the delay is explained by the manager and the candidate holds a competing offer; 21 < 30: no cap.
    assert p.interview_to_offer_days == 21
    assert (p.score, p.tier) == (58, "steady")
    assert p.capped is None
    assert "without meaning rejection" in sentence(p, "manager")
    assert "Northwind Analytics pays $9,925 more in year 1" in sentence(p, "better_offer")


def test_example_contoso_is_at_best_uncertain(example):
    p = example["contoso"].position
    # 17 days since the final interview (3 → 20 Nov): 32; recruiter +5; Northwind pays
    # 255,200 − 150,012 = 105,188 USD more, but in USD against EUR: another market, 0. 32 + 5 = 37 uncertain.
    assert p.days_waiting == 17
    assert p.interview_to_offer_days is None
    assert (p.score, p.tier) == (37, "uncertain")
    assert "It has been 17 days since your final interview (Tue 3 Nov 2026)" in sentence(p, "waiting")
    assert "Northwind Analytics pays about $105,000 more in year 1" in sentence(p, "better_offer")
    assert "another market" in sentence(p, "better_offer")
    # no offer yet: the advice is a follow-up plan, now
    assert [lv.lever for lv in example["contoso"].levers] == ["follow_up"]


def test_example_northwind_stretch_and_goal(example):
    s = example["northwind"].stretch
    # grand slam: inside the band, 172,000 + min(190,000 − 172,000, 12 % × 172,000 = 20,640) = 190,000;
    # past it (an exception): 190,000 + min(10 % × 190,000, 172,000 + 20,640 − 190,000 = 2,640) → 192,000;
    # combined headcount, another route past the top (not on top of the exception): 190,000 +
    # min(140,000 × 25 % = 35,000, 190,000 × 15 % = 28,500) = 218,500 → 218,000, 26,000 past the exception
    assert s.base_band_ceiling == Decimal("190000")
    assert s.base_exception_ceiling == Decimal("192000")
    assert s.base_ceiling == Decimal("218000")
    assert s.combined_headcount_extra == Decimal("26000")
    assert s.sign_on_ceiling == Decimal("34000")  # 20 % of 172,000 = 34,400, to the thousand below
    assert s.equity_ceiling == Decimal("200000")  # 160,000 × 1.25
    # best plausible: 15 % of 255,200 = 38,280 → base to 190,000 (+18,000 × 1.1 = 19,800), sign-on
    # 20,000 + 18,480 → 38,000, capped at 34,000 (+14,000), equity 160,000 + 4,480 ÷ 25 % → 178,000
    # (+4,500): 255,200 + 19,800 + 14,000 + 4,500 = 293,500
    assert s.best.year_one == Decimal("293500")
    assert s.goal is not None
    assert s.goal.target_reachable is True  # 293,500 ≥ 260,000
    assert s.goal.target_shortfall == 0
    assert s.goal.walk_away_met is True  # 255,200 ≥ 225,000
    levers = {lever.lever: lever for lever in example["northwind"].levers}
    # the package: typical 10 % = 25,520; base 190,000 (+19,800), then sign-on 20,000 + 5,720 → 26,000
    assert (levers["base_salary"].ask, levers["base_salary"].step) == (Decimal("190000"), "package")
    assert (levers["sign_on"].ask, levers["sign_on"].step) == (Decimal("26000"), "package")
    assert (levers["combined_headcount"].ask, levers["combined_headcount"].plausibility) == (
        Decimal("218000"),
        "possible",
    )


# --- the command line's JSON ---------------------------------------------------------------------


def test_evaluate_json_has_the_position_stretch_and_levers_of_the_spec(tmp_path):
    path = tmp_path / "three-offers.json"
    path.write_text(json.dumps(THREE_OFFERS), encoding="utf-8")
    out, err = io.StringIO(), io.StringIO()
    status = main(["evaluate", str(path), "--json"], out=out, err=err)
    assert status == 0, err.getvalue()
    result = json.loads(out.getvalue())
    offers = {o["id"]: o for o in result["offers"]}
    assert set(offers) == {"northwind", "fabrikam", "contoso"}
    for offer in offers.values():
        position = offer["position"]
        assert set(position) == {"score", "tier", "interview_to_offer_days", "days_waiting", "reasons"}
        assert isinstance(position["score"], int) and 0 <= position["score"] <= 100
        assert position["reasons"] and all(isinstance(r, str) and r for r in position["reasons"])
        assert "base_ceiling" in offer["stretch"]
        assert offer["levers"]
        for lever in offer["levers"]:
            assert set(lever) == {"lever", "ask", "unit", "plausibility", "kind", "rationale", "script", "if_no"}
            assert lever["plausibility"] in ("likely", "possible", "long_shot")
            assert lever["unit"] in ("per_year", "once", "grant", "shares", "days", None)
            assert (lever["ask"] is None) == (lever["unit"] is None)
            assert lever["kind"] in ("new_money", "swap", "non_cash")
            assert lever["if_no"]
    assert offers["northwind"]["position"]["tier"] == "grand_slam"
    assert offers["northwind"]["position"]["interview_to_offer_days"] == 1
    assert offers["northwind"]["stretch"]["base_ceiling"] == 218000  # see the stretch test above
    assert offers["northwind"]["levers"][0] == {
        "lever": "base_salary",
        "ask": 190000,
        "unit": "per_year",
        "plausibility": "likely",
        "kind": "new_money",
        "rationale": offers["northwind"]["levers"][0]["rationale"],
        "script": offers["northwind"]["levers"][0]["script"],
        "if_no": offers["northwind"]["levers"][0]["if_no"],
    }
    assert offers["fabrikam"]["position"]["score"] == 58
    assert offers["contoso"]["position"]["days_waiting"] == 17
    assert offers["contoso"]["position"]["interview_to_offer_days"] is None
    assert offers["contoso"]["position"]["tier"] == "uncertain"
