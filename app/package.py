"""What to ask for, in numbers: one anchored package in order, its fallback ladder, and the rest.

The rules a seasoned recruiter or negotiation coach would sign (../shared/domain/facts.md,
"Negotiation practice"), every threshold in app/rubric.py:

- **Stage and time first.** No asks once an offer is accepted, declined or withdrawn; before an
  offer, a follow-up plan; a deadline within a couple of days puts asking for more time first, and a
  passed deadline is confirmed before anything else.
- **One anchored package.** The year-1 gain aims at the tier's typical gain; the user's target or
  walk-away, a better offer in the same currency, or what staying pays raise it, up to the tier's
  best gain — never past the stretch. It is spread over base (below the band: the band's minimum
  first), then sign-on, then equity (at the top of the band: equity first), and asked for together.
- **A fallback ladder** for each no: the base gap as a sign-on, folding another role's budget in,
  equity, the level, an early review.
- **Round-aware.** Never above the candidate's own last number for an item; after the company's
  answer, between that answer and the last ask, and possible at best; answered counters narrow the
  room (the stretch). The closing line is for a round after an answer, once the package meets the
  target.

No words here: app/scripts.py says each ask; app/levers.py puts numbers and words together.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from decimal import ROUND_FLOOR, Decimal
from typing import Any, Literal

from app.compensation import OfferFigures, figures, total_changes
from app.frozen import quick_init
from app.models import Grant, Offer
from app.money import ZERO, exact, round_cents
from app.negotiation import counters_answered, latest_answers, latest_asks
from app.position import Alternative, FollowUp, Position, follow_up_plan
from app.rubric import DEFAULT_RUBRIC, Rubric, Tier
from app.stretch import (
    STRONG_OR_BETTER,
    Allocation,
    Drop,
    Stretch,
    allocate,
    apply_allocation,
    ceil_step,
    derived,
    extra_grant,
    floor_step,
    sign_on_with_first,
    under_water,
)

Plausibility = Literal["likely", "possible", "long_shot"]
LeverKind = Literal["new_money", "swap", "non_cash"]
Unit = Literal["per_year", "once", "grant", "shares", "days"]
Step = Literal["first", "package", "fallback", "also"]
Who = Literal["recruiter", "hiring_manager", "above_manager"]
Mode = Literal["asks", "follow_up", "closed"]
AnchorReason = Literal["typical", "target", "walk_away", "alternative", "current_job"]

CLOSED_STAGES = ("accepted", "declined", "withdrawn")
# the items of a negotiation round (format 2) that carry a number
MONEY_ITEMS = ("base_salary", "sign_on", "equity_value", "equity_shares", "relocation", "pto_days")
SHARE_STEP = Decimal(100)


# --- the talks so far ----------------------------------------------------------------------------


@quick_init
@dataclass(frozen=True)
class Talks:
    """What each side has put on the table so far, item by item (format 2 `negotiation`).

    `answered` counts the company's answers to counters: each company round that follows a
    candidate round, or, without rounds, each `response` event of the timeline.
    """

    answered: int = 0
    last_ask: Mapping[str, Decimal] = field(default_factory=dict)  # item → the candidate's last number
    last_answer: Mapping[str, Decimal] = field(default_factory=dict)  # item → the company's last number
    last_round: date | None = None
    last_side: str | None = None  # "candidate" or "company": who spoke last

    @classmethod
    def from_offer(cls, offer: Offer) -> Talks:
        """The talks of an offer: its rounds (format 2), else its `response` events (format 1)."""
        asks = {item: Decimal(v.value) for item, v in latest_asks(offer).items() if item in MONEY_ITEMS}
        answers = {item: Decimal(v.value) for item, v in latest_answers(offer).items() if item in MONEY_ITEMS}
        rounds = sorted(offer.negotiation, key=lambda r: r.date)
        last = rounds[-1] if rounds else None
        return cls(
            counters_answered(offer),
            asks,
            answers,
            last.date if last is not None else None,
            last.side if last is not None else None,
        )


# --- the job you would leave ---------------------------------------------------------------------


@quick_init
@dataclass(frozen=True)
class Staying:
    """The current job, as the levers need it: what staying pays, what leaving costs.

    Amounts are in the offer's currency (None when the job is in another currency without a rate);
    `leaving_items` are in the job's own currency, as the user typed them.
    """

    company: str
    currency: str
    year_one: Decimal | None
    leaving_cost: Decimal | None
    leaving_items: tuple[tuple[str, Decimal], ...] = ()
    rate_note: str = ""  # how the job's amounts were converted, when they were


# --- one ask -------------------------------------------------------------------------------------


@quick_init
@dataclass(frozen=True)
class Ask:
    """One lever in numbers: the new value of one component (or a request without a number)."""

    lever: str  # a lever name of the spec
    ask: Decimal | None
    unit: Unit | None
    offered: Decimal | None  # the component's value today (for the what-if), None for a request
    plausibility: Plausibility
    kind: LeverKind
    step: Step
    who: Who
    reason: str  # what the number rests on, for the words: band_min, alternative, top_of_band, …
    effect: tuple[Decimal, ...]  # change of each year's total (year 1 first) if granted
    last_ask: Decimal | None = None  # the candidate's last number for this item, if any
    answer: Decimal | None = None  # the company's last answer for this item, if any
    drop: Drop | None = None
    day: date | None = None  # the date the words name (a new deadline, a start date, a follow-up)
    given: Decimal = ZERO  # a swap: what is given up for it
    closing: bool = False  # the closing round: the words may commit ("ready to sign")


@quick_init
@dataclass(frozen=True)
class Package:
    """Everything the advice for one offer rests on, in numbers."""

    mode: Mode
    asks: tuple[Ask, ...]
    tier: Tier
    anchor_gain: Decimal  # year-1 gain the package asks for (make-whole aside)
    anchor_reason: AnchorReason
    anchor_capped: bool  # the reason asked for more than the stretch allows
    allocation: Allocation | None
    anchor: OfferFigures | None  # the offer with the whole package granted (make-whole included)
    alternative: Alternative | None  # the best other offer in hand, like for like (same currency)
    other_market: Alternative | None  # a better offer in another currency: cited without its number
    staying: Staying | None
    talks: Talks
    follow_up: FollowUp | None
    deadline: date | None
    deadline_days: int | None  # days left until the deadline (negative: passed)
    closing: bool  # the package meets the target after an answer: the closing round
    make_whole_covered: bool  # the sign-on offered already covers the leaving cost

    @property
    def make_whole_part(self) -> Decimal:
        """How much of the package's year 1 pays back what leaving costs (not a gain)."""
        make_whole = next((a for a in self.asks if a.lever == "make_whole"), None)
        if make_whole is None or make_whole.ask is None or self.allocation is None:
            return ZERO
        return max(make_whole.ask - self.allocation.sign_on, ZERO)

    @property
    def package_asks(self) -> tuple[Ask, ...]:
        return tuple(a for a in self.asks if a.step in ("first", "package"))

    @property
    def fallbacks(self) -> tuple[Ask, ...]:
        return tuple(a for a in self.asks if a.step == "fallback")


# --- building the package ------------------------------------------------------------------------


def build_package(
    offer: Offer,
    position: Position,
    stretch: Stretch,
    as_of: date,
    rubric: Rubric = DEFAULT_RUBRIC,
    alternatives: Sequence[Alternative] = (),
    year_one_display: Decimal | None = None,
    staying: Staying | None = None,
    talks: Talks | None = None,
) -> Package:
    """The package for `offer` from `position`, inside `stretch`, as of `as_of`."""
    talks = talks if talks is not None else Talks.from_offer(offer)
    b = _Builder(offer, position, stretch, as_of, rubric, alternatives, year_one_display, staying, talks)
    return b.build()


class _Builder:
    def __init__(
        self,
        offer: Offer,
        position: Position,
        stretch: Stretch,
        as_of: date,
        rubric: Rubric,
        alternatives: Sequence[Alternative],
        year_one_display: Decimal | None,
        staying: Staying | None,
        talks: Talks,
    ):
        self.offer, self.position, self.s, self.as_of, self.rubric = offer, position, stretch, as_of, rubric
        self.tier: Tier = position.tier
        self.staying, self.talks = staying, talks
        self.offered = stretch.offered
        self.horizon = stretch.offered.horizon
        self.alternative, self.other_market = _alternatives(
            offer, alternatives, self.offered.year_one, year_one_display
        )
        deadline = offer.signals.deadline
        self.deadline = deadline
        self.deadline_days = (deadline - as_of).days if deadline is not None else None
        with exact():
            # after the company's answers the steps get smaller: so does the smallest ask worth making
            self.smallest = round_cents(
                self.offered.year_one * rubric.smallest_ask_pct / 100 * max(stretch.room_left_pct, Decimal(50)) / 100
            )

    # numbers shared by every ask
    def effect(self, changed: Offer) -> tuple[Decimal, ...]:
        """Each year's total with the ask granted minus as offered: from the components the ask
        changes only (`total_changes`; the same numbers as the changed offer's whole figures')."""
        return total_changes(self.offer, self.offered, changed)

    def no_effect(self) -> tuple[Decimal, ...]:
        return (ZERO,) * self.horizon

    def in_stretch(self) -> Plausibility:
        """An ask inside the band and the stretch: likely from a steady position or better."""
        return "likely" if self.tier in ("grand_slam", "strong", "steady") else "possible"

    def after_answer(self, plausibility: Plausibility, item: str) -> Plausibility:
        """The company already answered this item: asking again is possible at best."""
        same = ("equity_value", "equity_shares") if item.startswith("equity") else (item,)
        if any(i in self.talks.last_answer for i in same) and plausibility == "likely":
            return "possible"
        return plausibility

    def cap(self, item: str, value: Decimal) -> Decimal:
        """Never above the candidate's own last number for an item."""
        last = self.talks.last_ask.get(item)
        return value if last is None else min(value, last)

    # --- the whole ---------------------------------------------------------------------------

    def build(self) -> Package:
        offer, s = self.offer, self.s
        common: dict[str, Any] = dict(
            tier=self.tier,
            alternative=self.alternative,
            other_market=self.other_market,
            staying=self.staying,
            talks=self.talks,
            deadline=self.deadline,
            deadline_days=self.deadline_days,
        )
        if offer.stage in CLOSED_STAGES:
            return Package(
                mode="closed",
                asks=(),
                anchor_gain=ZERO,
                anchor_reason="typical",
                anchor_capped=False,
                allocation=None,
                anchor=None,
                follow_up=None,
                closing=False,
                make_whole_covered=False,
                **common,
            )
        if not self.position.offer_made:
            plan = follow_up_plan(offer, self.as_of, self.rubric)
            ask = Ask(
                "follow_up",
                None,
                None,
                None,
                "likely",
                "non_cash",
                "package",
                "recruiter",
                plan.kind,
                self.no_effect(),
                day=plan.write_on,
            )
            return Package(
                mode="follow_up",
                asks=(ask,),
                anchor_gain=ZERO,
                anchor_reason="typical",
                anchor_capped=False,
                allocation=None,
                anchor=None,
                follow_up=plan,
                closing=False,
                make_whole_covered=False,
                **common,
            )

        gain, reason, capped = self.anchor_gain()
        allocation = allocate(offer, s.ceilings, gain, self.rubric)
        allocation = self.within_talks(allocation)
        first = self.first_asks()
        package, hosted, covered = self.package_asks(allocation)
        fallbacks = self.fallback_asks(allocation, package)
        if self.talks.answered:
            # once the company has answered, money it was not asked for is a new request: possible at best
            fallbacks = [
                replace(f, plausibility="possible") if f.plausibility == "likely" and f.kind != "non_cash" else f
                for f in fallbacks
            ]
        taken = {a.lever for a in (*first, *package, *fallbacks)}
        also = [a for a in self.also_asks(taken | hosted) if a.lever not in taken]
        asks = (*first, *package, *fallbacks, *also)
        make_whole = next((a for a in package if a.lever == "make_whole"), None)
        if make_whole is None and allocation == s.best_allocation:
            anchor = s.best  # the package is the best plausible one: the same figures, computed once
        else:
            anchor_offer = apply_allocation(offer, allocation)
            if make_whole is not None and make_whole.ask is not None:
                anchor_offer = derived(anchor_offer, sign_on=sign_on_with_first(offer, make_whole.ask))
            anchor = figures(anchor_offer, self.horizon, like=(offer, self.offered))
        goal = offer.goal
        closing = bool(
            self.talks.answered >= 1
            and goal is not None
            and goal.target_total is not None
            and anchor.year_one >= goal.target_total
            and any(a.ask is not None for a in package)
        )
        if closing:
            asks = tuple(_closing(a) if a is _first_money(package) else a for a in asks)
        return Package(
            mode="asks",
            asks=asks,
            anchor_gain=gain,
            anchor_reason=reason,
            anchor_capped=capped,
            allocation=allocation,
            anchor=anchor,
            follow_up=None,
            closing=closing,
            make_whole_covered=covered,
            **common,
        )

    def anchor_gain(self) -> tuple[Decimal, AnchorReason, bool]:
        """The year-1 gain to ask for: the typical gain, raised by the user's own reasons, capped."""
        s, offered = self.s, self.offered.year_one
        reasons: dict[AnchorReason, Decimal] = {}
        goal = self.offer.goal
        if goal is not None and goal.target_total is not None:
            reasons["target"] = goal.target_total - offered
        if goal is not None and goal.walk_away_total is not None:
            reasons["walk_away"] = goal.walk_away_total - offered
        if self.alternative is not None:
            own, _ = self.alternative.own()
            reasons["alternative"] = own - offered
        if self.staying is not None and self.staying.year_one is not None:
            reasons["current_job"] = self.staying.year_one - offered
        reason: AnchorReason = "typical"
        gain = s.typical_gain
        for name, amount in reasons.items():
            if amount > gain:
                reason, gain = name, amount
        capped = gain > s.best_gain
        return min(gain, s.best_gain), reason, capped

    def within_talks(self, a: Allocation) -> Allocation:
        """The allocation kept at or below the candidate's own last numbers; once the company has
        answered, only for items the candidate already asked for (a new item then moves the goalposts)."""
        s, offer = self.s, self.offer
        asked = self.talks.last_ask
        if self.talks.answered and asked:
            before = {
                "base_salary": "base_salary" in asked,
                "sign_on": "sign_on" in asked,
                "equity": "equity_value" in asked or "equity_shares" in asked,
            }
            kept = tuple(item for item in a.order if before[item])
            a = Allocation(
                a.base if before["base_salary"] else s.base_offered,
                a.sign_on if before["sign_on"] else s.sign_on_offered,
                a.equity if before["equity"] else s.equity_offered,
                kept,
                a.base_exception and before["base_salary"],
            )
        base = max(self.cap("base_salary", a.base), s.base_offered)
        later = sum(offer.sign_on[1:], ZERO)
        sign_on = a.sign_on
        if "sign_on" in self.talks.last_ask:
            sign_on = max(min(sign_on, self.talks.last_ask["sign_on"] - later), s.sign_on_offered)
        equity = max(self.cap("equity_value", a.equity), s.equity_offered)
        order = tuple(
            item
            for item, new, old in (
                ("base_salary", base, s.base_offered),
                ("sign_on", sign_on, s.sign_on_offered),
                ("equity", equity, s.equity_offered),
            )
            if item in a.order and new > old
        )
        order = tuple(sorted(order, key=a.order.index))
        return Allocation(base, sign_on, equity, order, a.base_exception and base > s.base_band_ceiling)

    # --- step 1: what comes before any number ------------------------------------------------

    def first_asks(self) -> list[Ask]:
        days = self.deadline_days
        if days is None or self.deadline is None:
            return []
        if days < 0:
            return [
                Ask(
                    "deadline",
                    None,
                    None,
                    None,
                    "possible",
                    "non_cash",
                    "first",
                    "recruiter",
                    "passed",
                    self.no_effect(),
                    day=self.deadline,
                )
            ]
        if days <= self.rubric.deadline_urgent_days:
            day, extra = self.extension()
            return [
                Ask(
                    "deadline",
                    Decimal(extra),
                    "days",
                    None,
                    "likely",
                    "non_cash",
                    "first",
                    "recruiter",
                    "exploding",
                    self.no_effect(),
                    day=day,
                )
            ]
        return []

    def extension(self) -> tuple[date, int]:
        """A few more days past the deadline, landing on a working day."""
        assert self.deadline is not None
        day = self.deadline + timedelta(days=self.rubric.deadline_extension_days)
        if day.weekday() >= 5:
            day += timedelta(days=7 - day.weekday())
        return day, (day - self.deadline).days

    # --- step 2: the package -----------------------------------------------------------------

    def package_asks(self, a: Allocation) -> tuple[list[Ask], set[str], bool]:
        """The package in order; the levers it hosts (sign-on inside a make-whole); whether the sign-on
        offered already covers the leaving cost."""
        s, offer = self.s, self.offer
        asks: list[Ask] = []
        hosted: set[str] = set()
        covered = False
        staying = self.staying
        if staying is not None and staying.leaving_cost is not None and staying.leaving_cost > 0:
            make_whole = self.make_whole(a, staying.leaving_cost)
            if make_whole is None:
                covered = staying.leaving_cost <= s.sign_on_offered
            else:
                asks.append(make_whole)
                hosted.add("sign_on")
        for item in a.order:
            if item == "base_salary":
                asks.append(self.base(a))
            elif item == "sign_on" and "sign_on" not in hosted:
                changed = derived(offer, sign_on=sign_on_with_first(offer, a.sign_on))
                asks.append(
                    Ask(
                        "sign_on",
                        a.sign_on,
                        "once",
                        s.sign_on_offered,
                        self.after_answer(self.in_stretch(), "sign_on"),
                        "new_money",
                        "package",
                        "recruiter",
                        "top_of_band" if s.at_top_of_band else "one_off",
                        self.effect(changed),
                        last_ask=self.talks.last_ask.get("sign_on"),
                        answer=self.talks.last_answer.get("sign_on"),
                    )
                )
            elif item == "equity":
                equity = self.equity_ask(a.equity, "package")
                if equity is not None:
                    asks.append(equity)
        if s.at_top_of_band and not any(x.lever == "equity" for x in asks) and self.tier in STRONG_OR_BETTER:
            asks.insert(1 if asks and asks[0].lever == "make_whole" else 0, self.level("package"))
        if not any(x.ask is not None or x.lever == "level" for x in asks):
            asks.append(self.review("package"))
        return asks, hosted, covered

    def base(self, a: Allocation) -> Ask:
        s = self.s
        changed = derived(self.offer, base_salary=a.base)
        if a.base > s.band_max:
            plausibility: Plausibility = "possible"  # past the band's top: an exception
            who: Who = "above_manager"
            reason = "exception"
        else:
            plausibility = self.in_stretch()
            who = "recruiter"
            reason = "band_min" if s.band_position == "below" else self.anchor_gain()[1]
        return Ask(
            "base_salary",
            a.base,
            "per_year",
            s.base_offered,
            self.after_answer(plausibility, "base_salary"),
            "new_money",
            "package",
            who,
            reason,
            self.effect(changed),
            last_ask=self.talks.last_ask.get("base_salary"),
            answer=self.talks.last_answer.get("base_salary"),
        )

    def make_whole(self, a: Allocation, cost: Decimal) -> Ask | None:
        """A sign-on that covers what leaving costs, plus any sign-on the package adds on top (after the
        company's answers, only if a sign-on was already on the table: no new goalposts)."""
        s, offer = self.s, self.offer
        if self.talks.answered and self.talks.last_ask and "sign_on" not in self.talks.last_ask:
            return None
        uncovered = cost - s.sign_on_offered
        if uncovered < max(self.smallest, Decimal(1)):
            return None  # covered by the sign-on offered, or too small to raise
        gain_part = max(a.sign_on - s.sign_on_offered, ZERO)
        ask = ceil_step(max(s.sign_on_offered, cost) + gain_part)
        later = sum(offer.sign_on[1:], ZERO)
        if "sign_on" in self.talks.last_ask:
            ask = min(ask, self.talks.last_ask["sign_on"] - later)
        if ask <= s.sign_on_offered:
            return None
        with exact():
            share = uncovered * 100 / offer.base_salary if offer.base_salary > 0 else Decimal(100)
        if share <= self.rubric.make_whole_likely_pct:
            plausibility: Plausibility = self.in_stretch()
        elif share <= self.rubric.make_whole_possible_pct:
            plausibility = "possible"
        else:
            plausibility = "long_shot"
        changed = derived(offer, sign_on=sign_on_with_first(offer, ask))
        return Ask(
            "make_whole",
            ask,
            "once",
            s.sign_on_offered,
            self.after_answer(plausibility, "sign_on"),
            "new_money",
            "package",
            "recruiter",
            "leaving_cost",
            self.effect(changed),
            last_ask=self.talks.last_ask.get("sign_on"),
            answer=self.talks.last_answer.get("sign_on"),
        )

    def equity_ask(self, value: Decimal, step: Step) -> Ask | None:
        """More equity: RSUs by value (a grant), options in shares (never in dollars)."""
        s, offer = self.s, self.offer
        options = [g for g in offer.equity if g.kind == "option"]
        if options and all(g.kind == "option" for g in offer.equity):
            return self.option_ask(options[0], step)
        if s.equity_offered <= 0:
            return None
        value = max(self.cap("equity_value", value), s.equity_offered)
        if value <= s.equity_offered:
            return None
        changed = derived(offer, equity=extra_grant(offer, value - s.equity_offered))
        plausibility = self.in_stretch() if value <= s.equity_ceiling else "long_shot"
        reason = "top_of_band" if s.at_top_of_band else "equity"
        return Ask(
            "equity",
            value,
            "grant",
            s.equity_offered,
            self.after_answer(plausibility, "equity_value"),
            "new_money",
            step,
            "recruiter",
            reason,
            self.effect(changed),
            last_ask=self.talks.last_ask.get("equity_value"),
            answer=self.talks.last_answer.get("equity_value"),
        )

    def option_ask(self, grant: Grant, step: Step) -> Ask | None:
        """More options, in shares: the tier's extra share of the grant, to the hundred below."""
        s, offer = self.s, self.offer
        shares = grant.shares or ZERO
        line = self.rubric.stretch[self.tier]
        with exact():
            extra = shares * line.equity_extra_pct / 100 * s.room_left_pct / 100
        want = (shares + extra) / SHARE_STEP
        target = want.to_integral_value(rounding=ROUND_FLOOR) * SHARE_STEP
        target = self.cap("equity_shares", target)
        sunk = under_water(grant)
        if target <= shares:
            if not sunk:
                return None
            target = shares  # nothing more to ask in shares: the flag and the questions still matter
        more = (
            Grant(kind="option", shares=target - shares, strike=grant.strike, price=grant.price, vesting=grant.vesting)
            if target > shares
            else None
        )
        changed = derived(offer, equity=[*offer.equity, more]) if more is not None else offer
        plausibility: Plausibility = "possible" if sunk else self.in_stretch()
        return Ask(
            "equity",
            target if target > shares else None,
            "shares" if target > shares else None,
            shares,
            self.after_answer(plausibility, "equity_shares"),
            "new_money" if target > shares else "non_cash",
            step,
            "recruiter",
            "under_water" if sunk else "options",
            self.effect(changed),
            last_ask=self.talks.last_ask.get("equity_shares"),
            answer=self.talks.last_answer.get("equity_shares"),
        )

    def level(self, step: Step) -> Ask:
        plausibility: Plausibility = "possible" if self.tier in STRONG_OR_BETTER else "long_shot"
        reason = "top_of_band" if self.s.at_top_of_band else "scope"
        return Ask(
            "level", None, None, None, plausibility, "non_cash", step, "hiring_manager", reason, self.no_effect()
        )

    def review(self, step: Step) -> Ask:
        return Ask("review", None, None, None, "likely", "non_cash", step, "hiring_manager", "review", self.no_effect())

    # --- step 3: if they say no --------------------------------------------------------------

    def fallback_asks(self, a: Allocation, package: Sequence[Ask]) -> list[Ask]:
        s, offer = self.s, self.offer
        out: list[Ask] = []
        names = {x.lever for x in package}
        base_in = next((x for x in package if x.lever == "base_salary"), None)
        # the base gap as a one-off: a sign-on worth a year of what the base falls short by
        if base_in is not None and base_in.ask is not None and "make_whole" not in names and "sign_on" not in names:
            gap = base_in.ask - s.base_offered
            want = min(s.sign_on_ceiling, ceil_step(s.sign_on_offered + gap))
            later = sum(offer.sign_on[1:], ZERO)
            if "sign_on" in self.talks.last_ask:
                want = min(want, self.talks.last_ask["sign_on"] - later)
            if want - s.sign_on_offered >= self.smallest:
                changed = derived(offer, sign_on=sign_on_with_first(offer, want))
                out.append(
                    Ask(
                        "sign_on",
                        want,
                        "once",
                        s.sign_on_offered,
                        self.after_answer(self.in_stretch(), "sign_on"),
                        "new_money",
                        "fallback",
                        "recruiter",
                        "base_gap",
                        self.effect(changed),
                        last_ask=self.talks.last_ask.get("sign_on"),
                        answer=self.talks.last_answer.get("sign_on"),
                    )
                )
        # folding another open role's budget into this hire: past the band, through the hiring manager
        headcount = offer.headcount
        if (
            self.tier in STRONG_OR_BETTER
            and headcount is not None
            and headcount.combinable_roles > 0
            and s.combined_headcount_extra > 0
        ):
            want = self.cap("base_salary", floor_step(s.base_ceiling))
            if want > max(a.base, s.base_band_ceiling):
                changed = derived(offer, base_salary=want)
                out.append(
                    Ask(
                        "combined_headcount",
                        want,
                        "per_year",
                        s.base_offered,
                        "possible",
                        "new_money",
                        "fallback",
                        "hiring_manager",
                        "combined",
                        self.effect(changed),
                        last_ask=self.talks.last_ask.get("base_salary"),
                    )
                )
        if "equity" not in names:
            swap = self.swap()
            if swap is not None:
                out.append(swap)
            else:
                equity = self.equity_ask(s.equity_ceiling, "fallback")
                if equity is not None:
                    out.append(equity)
        if "level" not in names and self.tier in ("grand_slam", "strong", "steady"):
            out.append(self.level("fallback"))
        if "review" not in names:
            out.append(self.review("fallback"))
        return out

    def swap(self) -> Ask | None:
        """Weak or uncertain, with a sign-on: give up half the year-1 sign-on for more equity."""
        s, offer = self.s, self.offer
        if self.tier not in ("weak", "uncertain") or not offer.sign_on or offer.sign_on[0] <= 0:
            return None
        if not offer.equity or any(g.kind == "option" for g in offer.equity):
            return None
        given = round_cents(offer.sign_on[0] / 2)
        with exact():
            gained = round_cents(given * self.rubric.sign_on_to_equity_rate)
        ask = round_cents(s.equity_offered + gained)
        if "equity_value" in self.talks.last_ask and ask > self.talks.last_ask["equity_value"]:
            return None
        schedule = list(offer.sign_on)
        schedule[0] = round_cents(schedule[0] - given)
        changed = derived(offer, sign_on=schedule, equity=extra_grant(offer, gained))
        return Ask(
            "equity",
            ask,
            "grant",
            s.equity_offered,
            "possible",
            "swap",
            "fallback",
            "recruiter",
            "swap",
            self.effect(changed),
            given=given,
        )

    # --- step 4: also worth raising ----------------------------------------------------------

    def also_asks(self, taken: set[str]) -> list[Ask]:
        offer, s = self.offer, self.s
        out: list[Ask] = []
        for drop in s.drops:
            if drop.year > 5:
                continue
            fix = self.drop_fix(drop, taken)
            if fix is not None and fix.lever not in taken:
                out.append(fix)
                taken = taken | {fix.lever}
        options = [g for g in offer.equity if g.kind == "option"]
        if options:
            window = options[0].exercise_window_days or 90
            want = self.rubric.exercise_window_years * 365
            if window < want:
                out.append(
                    Ask(
                        "exercise_window",
                        Decimal(want),
                        "days",
                        Decimal(window),
                        "possible",
                        "non_cash",
                        "also",
                        "recruiter",
                        "options",
                        self.no_effect(),
                    )
                )
        other_processes = (
            self.alternative is not None or self.other_market is not None or (offer.signals.competing_offers or 0)
        )
        days = self.deadline_days
        if days is not None and days > self.rubric.deadline_urgent_days and other_processes:
            day, extra = self.extension()
            out.append(
                Ask(
                    "deadline",
                    Decimal(extra),
                    "days",
                    None,
                    "likely",
                    "non_cash",
                    "also",
                    "recruiter",
                    "other_processes",
                    self.no_effect(),
                    day=day,
                )
            )
        start = offer.start_date
        out.append(
            Ask(
                "start_date",
                None,
                None,
                None,
                "likely",
                "non_cash",
                "also",
                "recruiter",
                "vesting" if self.staying is not None and self.staying.leaving_items else "break",
                self.no_effect(),
                day=start,
            )
        )
        if offer.relocation > 0:
            with exact():
                top_up = floor_step(offer.relocation * (1 + self.rubric.relocation_top_up_pct / 100))
            top_up = self.cap("relocation", top_up)
            if top_up - offer.relocation >= min(self.smallest, Decimal(1000)):
                changed = derived(offer, relocation=top_up)
                out.append(
                    Ask(
                        "relocation",
                        top_up,
                        "once",
                        round_cents(offer.relocation),
                        "possible",
                        "new_money",
                        "also",
                        "recruiter",
                        "top_up",
                        self.effect(changed),
                    )
                )
        elif offer.location and not _remote(offer.location):
            out.append(
                Ask(
                    "relocation",
                    None,
                    None,
                    None,
                    "possible",
                    "non_cash",
                    "also",
                    "recruiter",
                    "move",
                    self.no_effect(),
                )
            )
        pto = Decimal(self.rubric.pto_extra_days)
        if "pto_days" not in self.talks.last_ask:
            out.append(
                Ask(
                    "pto",
                    pto,
                    "days",
                    None,
                    "likely" if self.tier in STRONG_OR_BETTER else "possible",
                    "non_cash",
                    "also",
                    "recruiter",
                    "pto",
                    self.no_effect(),
                )
            )
        if not _remote(offer.location or "") and not _remote(offer.role):
            out.append(
                Ask(
                    "remote",
                    None,
                    None,
                    None,
                    "likely" if self.tier in STRONG_OR_BETTER else "possible",
                    "non_cash",
                    "also",
                    "hiring_manager",
                    "remote",
                    self.no_effect(),
                )
            )
        return out

    def drop_fix(self, drop: Drop, taken: set[str]) -> Ask | None:
        offer, s = self.offer, self.s
        if drop.cause == "sign_on_ends":
            if "sign_on" in taken:
                return None
            # a sign-on paid in the drop year too: moved from year 1 (a swap), not new money
            if s.sign_on_offered <= 0 or drop.year > len(offer.sign_on) + 2:
                return Ask(
                    "sign_on",
                    None,
                    None,
                    s.sign_on_offered,
                    "possible",
                    "non_cash",
                    "also",
                    "recruiter",
                    "spread",
                    self.no_effect(),
                    drop=drop,
                )
            moved = round_cents(min(s.sign_on_offered / 3, drop.amount))
            moved = floor_step(moved) if moved >= 1000 else moved
            if moved <= 0:
                return None
            schedule = list(offer.sign_on) + [ZERO] * max(0, drop.year - len(offer.sign_on))
            schedule[0] -= moved
            schedule[drop.year - 1] += moved
            changed = derived(offer, sign_on=[round_cents(v) for v in schedule])
            return Ask(
                "sign_on",
                s.sign_on_offered,
                "once",
                s.sign_on_offered,
                "likely",
                "swap",
                "also",
                "recruiter",
                "spread",
                self.effect(changed),
                drop=drop,
                given=moved,
            )
        if drop.cause in ("grant_runs_out", "front_loaded"):
            return Ask(
                "refreshers",
                None,
                None,
                None,
                "possible",
                "non_cash",
                "also",
                "recruiter",
                drop.cause,
                self.no_effect(),
                drop=drop,
            )
        if drop.cause == "cliff":
            if "equity" in taken:
                return None
            return Ask(
                "equity",
                None,
                None,
                s.equity_offered,
                "possible",
                "non_cash",
                "also",
                "recruiter",
                "cliff",
                self.no_effect(),
                drop=drop,
            )
        return None


def _alternatives(
    offer: Offer, alternatives: Sequence[Alternative], own: Decimal, own_display: Decimal | None
) -> tuple[Alternative | None, Alternative | None]:
    """The best other offer in hand paying more in the same currency (like for like), and the best
    paying more in another currency (another market: cited without its number)."""
    same = [a for a in alternatives if a.offer_id != offer.id and a.own()[1] == offer.currency and a.own()[0] > own]
    like = max(same, key=lambda a: a.own()[0], default=None)
    other = None
    if own_display is not None:
        others = [
            a
            for a in alternatives
            if a.offer_id != offer.id and a.own()[1] != offer.currency and a.year_one > own_display
        ]
        other = max(others, key=lambda a: a.year_one, default=None)
    return like, other


def _remote(text: str) -> bool:
    return "remote" in text.lower()


def _first_money(asks: Sequence[Ask]) -> Ask | None:
    return next((a for a in asks if a.ask is not None and a.kind == "new_money"), None)


def _closing(ask: Ask) -> Ask:
    return replace(ask, closing=True)
