"""The negotiating-position rating: each kind of evidence, its points, its tier and its reason.

Every expected number is worked out by hand from the defaults in app/rubric.py (the arithmetic is in
the comments), never recomputed with the code under test. Default rubric, for reference:

    offer speed (days from the last final interview to the first offer on/after it):
        0 → 100 · 1–3 → 86 · 4–7 → 72 · 8–14 → 60 · 15–29 → 46 · 30+ → 30
    silence with no offer (days since the last interview, up to as_of):
        0–3 → 66 · 4–7 → 58 · 8–13 → 46 · 14+ → 32
    no dates to read: 55
    competing offers +6 each, at most +12 · a better offer in hand +5
    recruiter advocating +5 / not advocating −4 · hiring manager responsive +3
    unresponsive manager: +8 back, only for bands that start after day 7 (8–14, 15–29, 30+; 8–13, 14+)
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
from app.position import Alternative, rate_position
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


WAIT = "Wait: a decision within a week is normal. If you have heard nothing by Sun 8 Nov 2026"
NOTE = "If you have heard nothing by Sun 8 Nov 2026, send the recruiter a short, friendly note"
NOW = "Follow up now: a short, friendly note to the recruiter"


@pytest.mark.parametrize(
    ("waited", "advice"),
    [
        # ≤ 3 days: wait; the usual week ends on 1 Nov + 7 = Sun 8 Nov
        (0, WAIT),
        (3, WAIT),
        # 4–7 days: the same date, with how to write
        (4, NOTE),
        (7, NOTE),
        # past the usual week: now
        (8, NOW),
        (20, NOW),
    ],
)
def test_waiting_processes_get_next_step_advice(waited, advice):
    position = rate_position(waiting_since(LAST), LAST + timedelta(days=waited))
    assert any(advice in reason for reason in position.reasons), position.reasons
    assert sum(any(a in reason for reason in position.reasons) for a in (WAIT, NOTE, NOW)) == 1
    assert position.next_steps and position.reasons[-1] == position.next_steps[-1]


def test_advice_after_a_recent_follow_up_is_to_give_it_a_few_days():
    offer = waiting_since(LAST, extra=[(date(2026, 11, 9), "follow_up")])
    position = rate_position(offer, date(2026, 11, 11))
    # followed up on Mon 9 Nov; give it 5 days: Sat 14 Nov
    assert "You followed up on Mon 9 Nov 2026. Give it until Sat 14 Nov 2026" in position.next_steps[0]


def test_advice_after_an_unanswered_follow_up_is_to_ask_directly():
    offer = waiting_since(LAST, extra=[(date(2026, 11, 9), "follow_up")])
    position = rate_position(offer, date(2026, 11, 16))
    # 16 Nov − 9 Nov = 7 days without an answer
    assert "heard nothing for 7 days" in position.next_steps[0]
    assert "ask the recruiter directly" in position.next_steps[0]


def test_an_offer_in_hand_gets_no_waiting_advice():
    assert rate_position(offer_after(5), AS_OF).next_steps == ()


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


def test_a_better_offer_in_hand_adds_points_and_names_the_difference():
    alternatives = [
        Alternative("globex", "Globex", Decimal("212345.67"), "USD"),
        Alternative("initech", "Initech", Decimal("205000"), "USD"),
    ]
    position = rate_position(offer_after(5), AS_OF, alternatives=alternatives, year_one=Decimal("200000"))
    # 72 + 5 = 77; the best of the better ones: 212,345.67 − 200,000 = 12,345.67
    assert (position.score, position.tier) == (77, "strong")
    assert "Globex pays $12,345.67 more in year 1" in sentence(position, "better_offer")


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
    # 72 + 3 = 75: steady becomes strong
    position = rate_position(offer_after(5, {"hiring_manager_responsive": True}), AS_OF)
    assert (position.score, position.tier) == (75, "strong")
    assert "responsive" in sentence(position, "manager")


def test_an_unresponsive_manager_gives_no_relief_for_a_quick_offer():
    # 5 days falls in the 4–7 band, which starts before day 8: no relief, and no penalty either
    position = rate_position(offer_after(5, {"hiring_manager_responsive": False}), AS_OF)
    assert position.score == 72
    assert "manager" not in keys(position)


@pytest.mark.parametrize(
    ("days", "without", "relieved"),
    [
        (8, 60, 68),  # 8–14: 60 + 8
        (20, 46, 54),  # 15–29: 46 + 8
        (30, 30, 38),  # 30+: 30 + 8
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
    # 20 days (46) + recruiter advocating (5) = 51 uncertain; unresponsive manager +8 → 59 steady
    plain = rate_position(offer_after(20, {"recruiter_advocating": True}), AS_OF)
    relieved = rate_position(offer_after(20, {"recruiter_advocating": True, "hiring_manager_responsive": False}), AS_OF)
    assert (plain.score, plain.tier) == (51, "uncertain")
    assert (relieved.score, relieved.tier) == (59, "steady")


@pytest.mark.parametrize(
    ("waited", "responsive", "score"),
    [
        (5, False, 58),  # 4–7: 58, no relief (the band starts before day 8)
        (10, None, 46),  # 8–13: 46
        (10, False, 54),  # 46 + 8
        (10, True, 49),  # 46 + 3
        (20, False, 40),  # 14+: 32 + 8
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
    "hiring_manager_responsive": False,  # the only manager signal that can add to a slow offer (+8)
}
BETTER = [Alternative("globex", "Globex", Decimal("300000"), "USD")]


def test_an_offer_a_month_after_the_final_interview_is_at_best_uncertain():
    # 30 days: 30, relief +8, competing +12, recruiter +5, better offer +5, quick rounds +4 = 64 → capped 54
    offer = offer_after(30, EVERYTHING_GOOD, rounds=[(5, "interview")])
    position = rate_position(offer, AS_OF, alternatives=BETTER, year_one=Decimal("200000"))
    assert position.score == 54
    assert position.tier == "uncertain"
    assert position.capped is not None and "30+ days" in position.capped
    assert position.capped in position.reasons


def test_one_day_less_than_a_month_is_not_capped():
    # 29 days: 46, relief +8, competing +12, recruiter +5, better +5, quick rounds +4 = 80
    offer = offer_after(29, EVERYTHING_GOOD, rounds=[(5, "interview")])
    position = rate_position(offer, AS_OF, alternatives=BETTER, year_one=Decimal("200000"))
    assert (position.score, position.tier, position.capped) == (80, "strong", None)


def test_two_weeks_of_silence_is_at_best_uncertain():
    # 14 days waiting: 32, relief +8, competing +12, recruiter +5, better +5, quick rounds +4 = 66 → capped 54
    offer = waiting_since(LAST, EVERYTHING_GOOD, extra=[(LAST - timedelta(days=5), "interview")])
    position = rate_position(offer, LAST + timedelta(days=14), alternatives=BETTER, year_one=Decimal("200000"))
    assert position.days_waiting == 14
    assert (position.score, position.tier) == (54, "uncertain")
    assert position.capped is not None


def test_thirteen_days_of_silence_is_not_capped():
    # 13 days: 46, relief +8, competing +12, recruiter +5, better +5, quick +4 = 80
    offer = waiting_since(LAST, EVERYTHING_GOOD, extra=[(LAST - timedelta(days=5), "interview")])
    position = rate_position(offer, LAST + timedelta(days=13), alternatives=BETTER, year_one=Decimal("200000"))
    assert (position.score, position.tier, position.capped) == (80, "strong", None)


def test_the_score_is_kept_at_100():
    # same day 100 + competing 12 + recruiter 5 + manager 3 + quick rounds 4 = 124 → 100
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
    # 1 day (4 → 5 Nov): 86, competing +6, recruiter +5, manager +3 = 100 (rounds 8 and 7 days apart:
    # average 7.5, not quick; no better offer in hand: northwind pays the most)
    assert p.interview_to_offer_days == 1
    assert p.days_waiting is None
    assert (p.score, p.tier) == (100, "grand_slam")
    assert "Wed 4 Nov 2026 → Thu 5 Nov 2026" in sentence(p, "speed")
    assert "better_offer" not in keys(p)
    assert "Mon 30 Nov 2026, 10 days from Fri 20 Nov 2026" in sentence(p, "deadline")


def test_example_fabrikam_is_steady(example):
    p = example["fabrikam"].position
    # 21 days (9 → 30 Oct): 46; the unresponsive manager explains it (band 15–29 starts after day 7): +8;
    # competing +6; Northwind pays 255,200 − 245,275 = 9,925 more in year 1: +5. 46 + 8 + 6 + 5 = 65.
    # Defensible: three weeks alone says "weighing other finalists" (uncertain), but the delay is
    # explained by the manager and the candidate holds a competing, better offer; 21 < 30 so no cap.
    assert p.interview_to_offer_days == 21
    assert (p.score, p.tier) == (65, "steady")
    assert p.capped is None
    assert "without meaning rejection" in sentence(p, "manager")
    assert "Northwind Analytics pays $9,925 more in year 1" in sentence(p, "better_offer")


def test_example_contoso_is_at_best_uncertain(example):
    p = example["contoso"].position
    # 17 days since the final interview (3 → 20 Nov): 32; recruiter +5; Northwind pays
    # 255,200 − 150,012 = 105,188 more: +5. 32 + 5 + 5 = 42 uncertain (below the cap of 54 anyway).
    assert p.days_waiting == 17
    assert p.interview_to_offer_days is None
    assert (p.score, p.tier) == (42, "uncertain")
    assert "It has been 17 days since your final interview (Tue 3 Nov 2026)" in sentence(p, "waiting")
    assert "Northwind Analytics pays $105,188 more in year 1" in sentence(p, "better_offer")
    assert any(step.startswith("Follow up now") for step in p.next_steps)


def test_example_northwind_stretch_and_goal(example):
    s = example["northwind"].stretch
    # grand slam: past the band by 10 % of its top: max(172,000, 190,000) + 19,000 = 209,000;
    # combined headcount: min(140,000 × 25 % = 35,000, 190,000 × 15 % = 28,500) = 28,500 → 237,500
    assert s.base_ceiling == Decimal("237500")
    assert s.combined_headcount_extra == Decimal("28500")
    assert s.sign_on_ceiling == Decimal("43000")  # 25 % of 172,000
    assert s.equity_ceiling == Decimal("224000")  # 160,000 × 1.4
    # best year 1: 237,500 + bonus 23,750 + sign-on 43,000 + equity 224,000 × 25 % = 56,000 + 6,000 = 366,250
    assert s.best.year_one == Decimal("366250")
    assert s.goal is not None
    assert s.goal.target_reachable is True  # 366,250 ≥ 260,000
    assert s.goal.target_shortfall == 0
    assert s.goal.walk_away_met is True  # 255,200 ≥ 225,000
    levers = {lever.lever: lever for lever in example["northwind"].levers}
    assert levers["base_salary"].ask == Decimal("209000")  # the ceiling without the combined headcount
    assert levers["combined_headcount"].ask == Decimal("237000")  # asks go down to the thousand


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
            assert lever["if_no"]
    assert offers["northwind"]["position"]["tier"] == "grand_slam"
    assert offers["northwind"]["position"]["interview_to_offer_days"] == 1
    assert offers["northwind"]["stretch"]["base_ceiling"] == 237500  # see the stretch test above
    assert offers["fabrikam"]["position"]["score"] == 65
    assert offers["contoso"]["position"]["days_waiting"] == 17
    assert offers["contoso"]["position"]["interview_to_offer_days"] is None
    assert offers["contoso"]["position"]["tier"] == "uncertain"
