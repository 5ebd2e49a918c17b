"""The negotiation so far (format 2 `negotiation`): what each side last put on the table, and the
company's answer applied to the offer.

The offer's own fields are the offer as it stands now; the rounds are the history. Nothing here
changes an offer silently: `apply_company_answer` returns a new Offer (the window makes it an
undoable action, after showing `answer_plan`), and the advice reads the rest:

- `latest_asks(offer)`: item → the candidate's latest ask (`RoundValue`: value, date, round index).
  The rule "never ask above your own last number" caps every suggestion at it.
- `latest_answers(offer)`: item → the company's latest answer. After it, the next suggestion lies
  between the answer and the candidate's last ask.
- `answered_counters(offer)`: company rounds that follow a candidate round.
- `counters_answered(offer)`: what the rating and the stretch count — `answered_counters` when the
  offer has rounds, else the number of `response` events of the timeline (format 1's way).
- `offer_items(offer)`: the offer's own value for each round item (what the editor starts a new
  round's item from), read the way `answer_plan` writes an answer back.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from app.frozen import quick_init
from app.models import Bonus, Grant, NegotiationRound, Offer, Side, Signals
from app.money import ZERO, round_cents


@quick_init
@dataclass(frozen=True)
class RoundValue:
    """One item's value as a side last put it: the value, the round's date, its index in `negotiation`."""

    value: Any  # Decimal for money, percentages and shares; int for pto_days; str; date
    date: date
    round_index: int


def _ordered(offer: Offer) -> list[tuple[int, NegotiationRound]]:
    """(index in `offer.negotiation`, round), in date order; rounds of one day keep the user's order."""
    return sorted(enumerate(offer.negotiation), key=lambda pair: pair[1].date)


def _latest(offer: Offer, side: Side) -> dict[str, RoundValue]:
    latest: dict[str, RoundValue] = {}
    for index, round_ in _ordered(offer):
        if round_.side == side:
            for item, value in round_.items.given().items():
                latest[item] = RoundValue(value, round_.date, index)
    return latest


def latest_asks(offer: Offer) -> dict[str, RoundValue]:
    """For each item the candidate asked for, their latest ask (items in the spec's order of first ask)."""
    return _latest(offer, "candidate")


def latest_answers(offer: Offer) -> dict[str, RoundValue]:
    """For each item the company answered on, its latest answer."""
    return _latest(offer, "company")


def last_company_round(offer: Offer) -> int | None:
    """Index (in `offer.negotiation`) of the company's latest round, or None."""
    company = [index for index, round_ in _ordered(offer) if round_.side == "company"]
    return company[-1] if company else None


def answered_counters(offer: Offer) -> int:
    """Company rounds that directly follow a candidate round: each is one answered counter."""
    count, previous = 0, None
    for _index, round_ in _ordered(offer):
        if round_.side == "company" and previous == "candidate":
            count += 1
        previous = round_.side
    return count


def counters_answered(offer: Offer) -> int:
    """How many of the candidate's counters the company has answered: from the rounds when there are
    any (the spec's rule), else the `response` events of the timeline."""
    if offer.negotiation:
        return answered_counters(offer)
    return sum(1 for event in offer.timeline if event.kind == "response")


def offer_items(offer: Offer) -> dict[str, Any]:
    """The offer as it stands, in the rounds' items: base_salary, sign_on (all years together),
    equity_value and equity_shares (the first grant's, as it is given), relocation, bonus_target_pct,
    level, title (the role), start_date, deadline. Items the offer has no value for are left out
    (pto_days and remote never have one)."""
    values: dict[str, Any] = {
        "base_salary": offer.base_salary,
        "sign_on": sum(offer.sign_on, ZERO),
        "relocation": offer.relocation,
        "level": offer.level,
        "title": offer.role,
        "start_date": offer.start_date,
        "deadline": offer.signals.deadline,
    }
    if offer.bonus is not None and offer.bonus.target_pct is not None:
        values["bonus_target_pct"] = offer.bonus.target_pct
    if offer.equity:
        first = offer.equity[0]
        values["equity_value"] = first.value if first.kind == "rsu" else None
        values["equity_shares"] = first.shares
    return {item: value for item, value in values.items() if value is not None}


# --- the company's answer, applied -------------------------------------------------------------


@quick_init
@dataclass(frozen=True)
class AnswerChange:
    """One item of the company's answer as it would change the offer."""

    item: str  # the round's item
    field: str  # the offer's field it changes: "base_salary", "sign_on", "equity[0].value", …
    before: Any
    after: Any


@quick_init
@dataclass(frozen=True)
class AnswerPlan:
    """What copying a company round into the offer would do: the changes, and the items it can't copy."""

    round_index: int
    changes: tuple[AnswerChange, ...]
    not_copied: tuple[tuple[str, str], ...]  # (item, why), e.g. ("pto_days", "the offer has no field …")
    offer: Offer  # the offer with the changes made

    @property
    def changes_anything(self) -> bool:
        return bool(self.changes)


_NO_FIELD = "the offer has no field for it; it stays in the rounds"


def answer_plan(offer: Offer, round_index: int | None = None) -> AnswerPlan | None:
    """What copying the company's answer (its latest round, or `round_index`) into the offer would do.

    None when there is no such company round. Items map to the offer as follows: base_salary,
    relocation, level, start_date as they are; title → role; deadline → signals.deadline;
    bonus_target_pct → the bonus's target % (the expected payout kept); sign_on (the total of all
    years) → year 1 takes the difference and later years are kept, or the whole total is paid in
    year 1 when the later years alone exceed it; equity_value → the first grant's value (an RSU
    given by value); equity_shares → the first grant's shares (an RSU by shares, or options);
    pto_days and remote have no field in an offer and are not copied.
    """
    if round_index is None:
        round_index = last_company_round(offer)
    if round_index is None or not 0 <= round_index < len(offer.negotiation):
        return None
    round_ = offer.negotiation[round_index]
    if round_.side != "company":
        return None
    items = round_.items.given()
    changes: list[AnswerChange] = []
    not_copied: list[tuple[str, str]] = []
    update: dict[str, Any] = {}

    def change(item: str, field: str, before: Any, after: Any) -> None:
        if before != after:
            changes.append(AnswerChange(item, field, before, after))

    for item, value in items.items():
        if item in ("base_salary", "relocation", "level", "start_date"):
            change(item, item, getattr(offer, item), value)
            update[item] = value
        elif item == "title":
            change(item, "role", offer.role, value)
            update["role"] = value
        elif item == "deadline":
            change(item, "signals.deadline", offer.signals.deadline, value)
            update["signals"] = Signals(**{**offer.signals.model_dump(), "deadline": value})
        elif item == "bonus_target_pct":
            payout = offer.bonus.expected_payout_pct if offer.bonus is not None else Decimal(100)
            bonus = Bonus(target_pct=value, expected_payout_pct=payout)
            change(item, "bonus", offer.bonus, bonus)
            update["bonus"] = bonus
        elif item == "sign_on":
            schedule = _sign_on_schedule(offer.sign_on, value)
            change(item, "sign_on", list(offer.sign_on), schedule)
            update["sign_on"] = schedule
        elif item in ("equity_value", "equity_shares"):
            grants = update.get("equity", list(offer.equity))
            result = _grant_with(grants, item, value)
            if isinstance(result, str):
                not_copied.append((item, result))
                continue
            field, before, after, new_grants = result
            change(item, field, before, after)
            update["equity"] = new_grants
        else:  # pto_days, remote
            not_copied.append((item, _NO_FIELD))
    new_offer = offer.model_copy(update=update) if update else offer
    return AnswerPlan(round_index, tuple(changes), tuple(not_copied), new_offer)


def apply_company_answer(offer: Offer, round_index: int | None = None) -> Offer:
    """The offer with the company's answer (its latest round, or `round_index`) copied in.

    A pure function: the offer passed in is unchanged; without a company round it is returned as is.
    See `answer_plan` for how each item maps to the offer and for what can't be copied.
    """
    plan = answer_plan(offer, round_index)
    return plan.offer if plan is not None else offer


def _sign_on_schedule(current: list[Decimal], total: Decimal) -> list[Decimal]:
    later = sum(current[1:], ZERO)
    if sum(current, ZERO) == total:
        return list(current)
    if not current or later > total:
        return [total]
    return [round_cents(total - later), *current[1:]]


def _grant_with(grants: list[Grant], item: str, value: Decimal) -> tuple[str, Any, Any, list[Grant]] | str:
    """The first grant with the answered value or shares, or why it can't be copied."""
    if not grants:
        return "the offer has no equity grant to change; add the grant first"
    first = grants[0]
    if item == "equity_value":
        if first.kind != "rsu" or first.value is None:
            return "the first grant is given in shares; the company's value is kept in the rounds"
        new = first.model_copy(update={"value": value})
        return "equity[0].value", first.value, value, [new, *grants[1:]]
    if first.shares is None:
        return "the first grant is given by value; the company's shares are kept in the rounds"
    if first.fully_diluted_shares is not None and value > first.fully_diluted_shares:
        return "more options than the fully diluted shares entered; check the numbers"
    new = first.model_copy(update={"shares": value})
    return "equity[0].shares", first.shares, value, [new, *grants[1:]]

