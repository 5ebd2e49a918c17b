"""The negotiation so far: the latest ask and answer per item, answered counters, and the company's
answer copied into the offer (a new Offer; the one passed in is unchanged)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from app.levers import compute_stretch
from app.models import Offer
from app.negotiation import (
    answer_plan,
    answered_counters,
    apply_company_answer,
    counters_answered,
    latest_answers,
    latest_asks,
    offer_items,
)
from app.position import Position, read_timeline

D = Decimal
# given out of date order on purpose: the rounds are read in date order
ROUNDS = [
    {"date": "2026-11-08", "side": "candidate", "items": {"base_salary": 205000, "pto_days": 25}},
    {"date": "2026-11-03", "side": "candidate", "items": {"base_salary": 210000, "sign_on": 90000}},
    {"date": "2026-11-06", "side": "company", "items": {"base_salary": 198000}},
    {"date": "2026-11-10", "side": "company", "items": {"base_salary": 202000, "sign_on": 80000,
                                                        "title": "Staff Engineer", "remote": "2 days a week"}},
]


def offer(**fields: Any) -> Offer:
    data = {"id": "lumen", "company": "Lumen", "role": "Senior Engineer", "base_salary": 192000,
            "sign_on": [45000, 30000], **fields}
    return Offer.model_validate(data)


def test_the_latest_ask_per_item_is_the_candidates_own_last_number() -> None:
    asks = latest_asks(offer(negotiation=ROUNDS))
    # base: 210,000 on 3 Nov, then 205,000 on 8 Nov: the later one counts, even though it is lower
    assert {item: value.value for item, value in asks.items()} == {
        "base_salary": D(205000), "sign_on": D(90000), "pto_days": 25
    }
    assert asks["base_salary"].date == date(2026, 11, 8) and asks["base_salary"].round_index == 0
    assert asks["sign_on"].date == date(2026, 11, 3)


def test_the_latest_company_answer_per_item() -> None:
    answers = latest_answers(offer(negotiation=ROUNDS))
    assert answers["base_salary"].value == D(202000) and answers["sign_on"].value == D(80000)
    assert latest_asks(offer()) == {} and latest_answers(offer()) == {}


def test_each_company_round_after_a_candidate_round_is_one_answered_counter() -> None:
    # in date order: candidate, company (1), candidate, company (2)
    assert answered_counters(offer(negotiation=ROUNDS)) == 2
    # company, candidate, company, company: only the round right after the candidate's counts
    rounds = [
        {"date": "2026-11-01", "side": "company", "items": {"base_salary": 190000}},
        {"date": "2026-11-02", "side": "candidate", "items": {"base_salary": 210000}},
        {"date": "2026-11-04", "side": "company", "items": {"base_salary": 195000}},
        {"date": "2026-11-05", "side": "company", "items": {"sign_on": 10000}},
    ]
    assert answered_counters(offer(negotiation=rounds)) == 1


def test_rounds_replace_response_events_in_the_count_when_there_are_any() -> None:
    events = [{"date": "2026-11-03", "kind": "counter"}, {"date": "2026-11-04", "kind": "response"},
              {"date": "2026-11-05", "kind": "response"}]
    assert counters_answered(offer(timeline=events)) == 2  # no rounds: the response events, as in format 1
    with_rounds = offer(timeline=events, negotiation=ROUNDS[:3])  # candidate, company, candidate: 1
    assert counters_answered(with_rounds) == 1
    assert read_timeline(with_rounds).responses == 1


def test_answered_counters_narrow_the_stretch() -> None:
    position = Position(80, "strong", None, None, True, (), (), None, "test")
    band = {"band_min": 180000, "band_max": 230000}
    none = compute_stretch(offer(budget=band), position, 4)
    two = compute_stretch(offer(budget=band, negotiation=ROUNDS), position, 4)
    # a strong position has the whole room to the top of the band (38,000); two answers leave 25 % of it
    assert (none.room_left_pct, none.base_ceiling) == (D("100.00"), D("230000.00"))
    assert (two.room_left_pct, two.base_ceiling) == (D("25.00"), D("201500.00"))  # 192,000 + 38,000 × 25 %


def test_the_company_answer_applied_to_the_offer() -> None:
    before = offer(negotiation=ROUNDS)
    after = apply_company_answer(before)
    assert after.base_salary == D(202000)
    # the answer's sign-on is 80,000 in total: year 1 takes the difference, year 2 keeps its 30,000
    assert after.sign_on == [D(50000), D(30000)]
    assert after.role == "Staff Engineer"
    assert before.base_salary == D(192000) and before.sign_on == [D(45000), D(30000)]  # unchanged
    assert after.negotiation == before.negotiation  # the history stays


def test_the_plan_says_what_changes_and_what_cant_be_copied() -> None:
    plan = answer_plan(offer(negotiation=ROUNDS))
    assert plan is not None and plan.round_index == 3
    assert [(c.item, c.field, c.before, c.after) for c in plan.changes] == [
        ("base_salary", "base_salary", D(192000), D(202000)),
        ("sign_on", "sign_on", [D(45000), D(30000)], [D(50000), D(30000)]),
        ("title", "role", "Senior Engineer", "Staff Engineer"),
    ]
    assert [item for item, _why in plan.not_copied] == ["remote"]
    earlier = answer_plan(offer(negotiation=ROUNDS), round_index=2)
    assert earlier is not None and earlier.offer.base_salary == D(198000)
    assert answer_plan(offer(negotiation=ROUNDS), round_index=0) is None  # a candidate round
    assert answer_plan(offer()) is None and apply_company_answer(offer()) == offer()


def test_a_smaller_sign_on_total_than_the_later_years_is_paid_in_year_one() -> None:
    rounds = [{"date": "2026-11-10", "side": "company", "items": {"sign_on": 20000, "deadline": "2026-12-01",
                                                                  "bonus_target_pct": 15}}]
    after = apply_company_answer(offer(negotiation=rounds, bonus={"target_pct": 10, "expected_payout_pct": 90}))
    assert after.sign_on == [D(20000)]
    assert after.signals.deadline == date(2026, 12, 1)
    assert after.bonus is not None and (after.bonus.target_pct, after.bonus.expected_payout_pct) == (D(15), D(90))


def test_equity_items_change_the_first_grant_when_they_can() -> None:
    rounds = [{"date": "2026-11-10", "side": "company", "items": {"equity_value": 150000, "equity_shares": 900}}]
    by_value = apply_company_answer(offer(negotiation=rounds, equity=[{"kind": "rsu", "value": 120000}]))
    assert by_value.equity[0].value == D(150000)
    plan = answer_plan(offer(negotiation=rounds, equity=[{"kind": "rsu", "value": 120000}]))
    assert plan is not None and [item for item, _ in plan.not_copied] == ["equity_shares"]
    by_shares = apply_company_answer(
        offer(negotiation=rounds, equity=[{"kind": "rsu", "shares": 800, "price": 187.5}])
    )
    assert by_shares.equity[0].shares == D(900) and by_shares.equity[0].price == D("187.5")


def test_the_offer_as_it_stands_in_the_rounds_items() -> None:
    """What a new round's items start from: the offer's own values, as `answer_plan` writes them back."""
    options = offer(
        level="L5",
        start_date="2027-01-11",
        relocation=10000,
        bonus={"target_pct": 15},
        signals={"deadline": "2026-12-04"},
        equity=[{"kind": "option", "shares": 40000, "strike": 1.2, "price": 4.8}],
    )
    assert offer_items(options) == {
        "base_salary": D(192000),
        "sign_on": D(75000),  # 45,000 + 30,000: the sign-on of all years together
        "relocation": D(10000),
        "level": "L5",
        "title": "Senior Engineer",  # the role
        "start_date": date(2027, 1, 11),
        "deadline": date(2026, 12, 4),
        "bonus_target_pct": D(15),
        "equity_shares": D(40000),  # options have no value of their own
    }
    by_value = offer(equity=[{"kind": "rsu", "value": 240000}], bonus={"target_amount": 20000})
    items = offer_items(by_value)
    assert items["equity_value"] == D(240000) and "equity_shares" not in items
    assert "bonus_target_pct" not in items and "level" not in items and "pto_days" not in items
