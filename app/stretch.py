"""The budget stretch: what the company can plausibly still do from this position, in numbers.

Every ceiling follows the rubric's line for the tier (app/rubric.py), calibrated on what negotiating
usually gains: inside the band is the norm, above it an exception. `allocate` spreads a year-1 gain
over base, sign-on and equity in the order a recruiter would hear them; the stretch's `best` is the
package at the tier's best gain, so "best plausible" stays near what negotiating usually gains.
No words here beyond the notes a reader needs to trust the numbers; the scripts are in app/scripts.py.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import ROUND_CEILING, ROUND_FLOOR, ROUND_HALF_UP, Decimal
from typing import Any, Literal, cast

from app.compensation import OfferFigures, figures, vesting_years_pct
from app.frozen import quick_init
from app.models import MONEY_MAX, Grant, Offer, Vesting
from app.money import QUOTIENT, ZERO, exact, round_cents
from app.negotiation import counters_answered
from app.rubric import DEFAULT_RUBRIC, TIER_NAMES, Rubric, Tier
from app.text import money_words, plural

ASK_STEP = Decimal(1000)
STRONG_OR_BETTER = ("strong", "grand_slam")
DropCause = Literal["sign_on_ends", "grant_runs_out", "front_loaded", "cliff", "other"]
BandPosition = Literal["below", "inside", "top", "above"]
# what fixes each cause of a drop in pay (a lever name of the spec)
DROP_FIXES: dict[str, str] = {
    "sign_on_ends": "sign_on",  # a sign-on paid in the drop year too
    "grant_runs_out": "refreshers",  # refreshers that start before the grant ends
    "front_loaded": "refreshers",  # refreshers, or a sign-on in the year the vesting steps down
    "cliff": "equity",  # a cliff of 12 months or less
    "other": "review",
}


# --- round numbers -------------------------------------------------------------------------------


def floor_step(value: Decimal) -> Decimal:
    """A ceiling as a round number: down to the thousand (never up, so never above the stretch)."""
    return (value / ASK_STEP).to_integral_value(rounding=ROUND_FLOOR) * ASK_STEP


def ceil_step(value: Decimal) -> Decimal:
    """An amount already owed as a round number: up to the thousand (a leaving cost is never cut)."""
    return (value / ASK_STEP).to_integral_value(rounding=ROUND_CEILING) * ASK_STEP


def near_step(value: Decimal) -> Decimal:
    """A need as a round number: to the nearest thousand (so a package stays near its gain)."""
    return (value / ASK_STEP).to_integral_value(rounding=ROUND_HALF_UP) * ASK_STEP


# --- offers with a component changed -------------------------------------------------------------


def offer_with(offer: Offer, **changes: Any) -> Offer:
    """The offer with some components changed, validated like any other (for amounts people type)."""
    data = offer.model_dump()
    data.update(changes)
    return Offer.model_validate(data)


def derived(offer: Offer, **changes: Any) -> Offer:
    """The offer with components this module computed: already bounded by the offer and the stretch
    (never negative, never past the format's largest amount), so no second validation.

    What it returns is read, never kept: an ask's effect and the package's figures read its
    components (`total_changes`, `figures`) and drop it. So it is a view of the offer with the
    changes over it (`Changed`), not a pydantic copy: ~10x cheaper, for the ~2,800 asks of 1,000 offers.
    """
    return cast(Offer, Changed(offer, changes))


class Changed:
    """An offer seen with some of its fields replaced: each field reads the change if there is one, else
    the offer's (`derived`). For reading the components of an ask; not an `Offer` to keep or save."""

    def __init__(self, offer: Offer, changes: dict[str, Any]):
        self.__dict__.update(changes)
        self._offer = offer

    def __getattr__(self, name: str) -> Any:  # only for what the changes leave alone
        return getattr(self._offer, name)


def extra_grant(offer: Offer, value: Decimal) -> list[Grant]:
    """The offer's grants plus one more RSU grant of `value`, vesting like the first grant."""
    vesting = offer.equity[0].vesting if offer.equity else Vesting()
    amount = round_cents(value)
    if 0 <= amount <= MONEY_MAX:
        # a complete RSU grant by value, in cents, inside the format's bounds (what validating it
        # checks), copied from a valid one: ~4x cheaper than validating, for every equity ask
        return [*offer.equity, _RSU_GRANT.model_copy(update={"value": amount, "vesting": vesting})]
    return [*offer.equity, Grant(kind="rsu", value=amount, vesting=vesting)]  # the model's error


_RSU_GRANT = Grant(kind="rsu", value=ZERO)


def sign_on_with_first(offer: Offer, first: Decimal) -> list[Decimal]:
    """The sign-on schedule with year 1 set to `first` (later years unchanged)."""
    rest = list(offer.sign_on[1:])
    return [round_cents(first), *rest]


def bonus_factor(offer: Offer) -> Decimal:
    """How much year 1 moves per unit of base: 1, plus the bonus when it is a percentage of base."""
    bonus = offer.bonus
    if bonus is None or bonus.target_pct is None:
        return Decimal(1)
    with exact():
        return 1 + bonus.target_pct * bonus.expected_payout_pct / 10000


def yearly_share(offer: Offer) -> Decimal:
    """The share of a grant vesting like the first one that vests in an average year (0..1).

    Equity is sized at its yearly average, not its year-1 vesting: on a back-loaded schedule
    (5/15/40/40) sizing by year 1 would ask for a grant twenty times the year-1 need.
    """
    vesting = offer.equity[0].vesting if offer.equity else Vesting()
    years = len(vesting_years_pct(vesting))
    return Decimal(1) / years if years else ZERO


def under_water(grant: Grant) -> bool:
    """An option grant whose stated price is at or below its strike: worth nothing at that price."""
    return grant.kind == "option" and (grant.price or ZERO) <= (grant.strike or ZERO)


# --- the stretch ---------------------------------------------------------------------------------


@quick_init
@dataclass(frozen=True)
class Drop:
    """A year whose total falls noticeably below the year before, and why."""

    year: int
    before: Decimal
    after: Decimal
    cause: DropCause
    fix: str  # the lever that addresses it

    @property
    def amount(self) -> Decimal:
        return self.before - self.after


@quick_init
@dataclass(frozen=True)
class GoalCheck:
    """The user's own year-1 numbers against the offer and the best plausible outcome."""

    target: Decimal | None
    walk_away: Decimal | None
    year_one_offered: Decimal
    year_one_best: Decimal

    @property
    def target_reachable(self) -> bool | None:
        return None if self.target is None else self.year_one_best >= self.target

    @property
    def target_shortfall(self) -> Decimal | None:
        return None if self.target is None else max(self.target - self.year_one_best, ZERO)

    @property
    def target_met(self) -> bool | None:
        return None if self.target is None else self.year_one_offered >= self.target

    @property
    def walk_away_met(self) -> bool | None:
        return None if self.walk_away is None else self.year_one_offered >= self.walk_away

    @property
    def walk_away_reachable(self) -> bool | None:
        return None if self.walk_away is None else self.year_one_best >= self.walk_away


@quick_init
@dataclass(frozen=True)
class Ceilings:
    """Each component offered and the most this position plausibly reaches for it (offer's currency)."""

    year_one: Decimal  # the offer's year 1, as offered
    room_left: Decimal  # share (0..1) of the tier's room still open after answered counters
    band_min: Decimal
    band_max: Decimal
    band_position: BandPosition  # where the offer's base sits in the band
    base_offered: Decimal
    base_band_ceiling: Decimal  # the most the base plausibly reaches inside the band (a likely ask)
    base_exception_ceiling: Decimal  # past the band's top (grand slam): an exception, possible at best
    base_ceiling: Decimal  # the most of all, folding another role's budget in (combined headcount)
    sign_on_offered: Decimal
    sign_on_ceiling: Decimal
    equity_offered: Decimal
    equity_ceiling: Decimal


@quick_init
@dataclass(frozen=True)
class Allocation:
    """A year-1 gain spread over the components, in the order they are asked for.

    Each value is the component's new value (base a year, year-1 sign-on, the initial grants' total
    value); `order` lists the components that changed, first asked first.
    """

    base: Decimal
    sign_on: Decimal
    equity: Decimal
    order: tuple[str, ...]  # "base_salary", "sign_on", "equity"
    base_exception: bool  # the base goes past the band's top: an exception above the hiring manager


@quick_init
@dataclass(frozen=True)
class Stretch:
    """What the company can plausibly still do from this position, in the offer's currency."""

    currency: str
    tier: Tier
    band_source: str  # posting, recruiter, estimate (the user's), or "typical band shape" (ours)
    band_estimated: bool  # True when no band was entered and one was estimated from the offer
    ceilings: Ceilings
    combined_headcount_extra: Decimal  # part of the base ceiling that needs roles folded into one
    room_left_pct: Decimal  # share of the tier's room still open after answered counters
    answered: int  # counters the company already answered
    typical_gain: Decimal  # year-1 gain of the package without a reason of the user's to ask more
    best_gain: Decimal  # the most the package adds to year 1 from this position
    offered: OfferFigures
    best: OfferFigures  # the offer with the package at the best gain: "best plausible"
    best_allocation: Allocation
    goal: GoalCheck | None
    drops: tuple[Drop, ...]
    under_water: tuple[int, ...]  # indexes of option grants at or below their strike
    notes: tuple[str, ...]

    @property
    def band_min(self) -> Decimal:
        return self.ceilings.band_min

    @property
    def band_max(self) -> Decimal:
        return self.ceilings.band_max

    @property
    def band_position(self) -> BandPosition:
        return self.ceilings.band_position

    @property
    def base_offered(self) -> Decimal:
        return self.ceilings.base_offered

    @property
    def base_band_ceiling(self) -> Decimal:
        return self.ceilings.base_band_ceiling

    @property
    def base_exception_ceiling(self) -> Decimal:
        return self.ceilings.base_exception_ceiling

    @property
    def base_ceiling(self) -> Decimal:
        return self.ceilings.base_ceiling

    @property
    def sign_on_offered(self) -> Decimal:
        return self.ceilings.sign_on_offered

    @property
    def sign_on_ceiling(self) -> Decimal:
        return self.ceilings.sign_on_ceiling

    @property
    def equity_offered(self) -> Decimal:
        return self.ceilings.equity_offered

    @property
    def equity_ceiling(self) -> Decimal:
        return self.ceilings.equity_ceiling

    @property
    def year_one_ceiling(self) -> Decimal:
        return self.best.year_one

    @property
    def total_ceiling(self) -> Decimal:
        return self.best.total

    @property
    def at_top_of_band(self) -> bool:
        return self.band_position in ("top", "above")


def answered_counters(offer: Offer) -> int:
    """Counters the company already answered: from the rounds when there are any, else the
    timeline's `response` events (app.negotiation)."""
    return counters_answered(offer)


def compute_stretch(
    offer: Offer,
    tier: Tier,
    offered: OfferFigures | None = None,
    horizon: int | None = None,
    rubric: Rubric = DEFAULT_RUBRIC,
    answered: int | None = None,
    long: OfferFigures | None = None,
) -> Stretch:
    """The stretch of `offer` from a position of `tier`.

    `offered` are the offer's figures (computed once per offer by the caller; computed here when
    not given, over `horizon` years); `answered` the counters the company already answered
    (counted from the timeline when not given); `long` the figures over at least five years, where
    drops in pay are looked for (computed here when the horizon is shorter and none is given).
    """
    if offered is None:
        offered = figures(offer, horizon or 4)
    horizon = offered.horizon
    line = rubric.stretch[tier]
    notes: list[str] = []
    base = offer.base_salary
    cur = offer.currency
    answered = answered_counters(offer) if answered is None else answered
    with exact():
        source: str
        if offer.budget is not None:
            band_min, band_max = offer.budget.band_min, offer.budget.band_max
            source = offer.budget.source or "not stated"
            estimated = False
        else:
            band_min = round_cents(base * rubric.estimated_band_min_pct / 100)
            band_max = round_cents(base * rubric.estimated_band_max_pct / 100)
            source, estimated = "typical band shape", True
            notes.append(
                f"No salary band was entered: assuming the offer sits at the middle of a typical band "
                f"({rubric.estimated_band_min_pct}–{rubric.estimated_band_max_pct} % of the midpoint), "
                f"{money_words(band_min, cur)}–{money_words(band_max, cur)}. "
                "Every figure that depends on it is an estimate; ask the recruiter for the band."
            )
        if base < band_min:
            position: BandPosition = "below"
        elif base > band_max:
            position = "above"
        elif base == band_max and band_max > band_min:
            position = "top"
        else:
            position = "inside"

        room_left = (1 - rubric.response_uses_room_pct / 100) ** answered
        if room_left < 1:
            notes.append(
                f"The company has already answered {plural(answered, 'counter')}: the room left is "
                f"taken as {room_left * 100:.0f} % of what a {TIER_NAMES[tier].lower()} position "
                "would otherwise have."
            )
        # inside the band: reaching its minimum is always plausible; then the tier's share of the
        # room to its top, at most the tier's largest raise over the offer
        floor_base = max(base, band_min)
        room = max(band_max - floor_base, ZERO) * line.band_room_pct / 100
        raise_cap = base * line.base_raise_max_pct / 100
        band_ceiling = floor_base + min(room, max(base + raise_cap - floor_base, ZERO)) * room_left
        band_ceiling = _round_ceiling(band_ceiling, floor_base)
        # past the band's top: an exception, for the grand slam tier by default; the answered
        # counters narrow the whole step from the offer, not only the part past the band
        ceiling = band_ceiling
        if line.over_band_pct > 0:
            over = min(band_max * line.over_band_pct / 100, max(base + raise_cap - band_max, ZERO))
            if over > 0:
                full = max(base, band_max) + over
                ceiling = max(ceiling, _round_ceiling(base + (full - base) * room_left, base))
        exception_ceiling = min(ceiling, max(base, MONEY_MAX))
        combined_extra = ZERO
        headcount = offer.headcount
        if tier in STRONG_OR_BETTER and headcount and headcount.combinable_roles > 0:
            extra = min(
                headcount.combinable_budget * rubric.combined_budget_share_pct / 100,
                band_max * rubric.combined_over_band_max_pct / 100,
            )
            if extra > 0:
                full = max(base, band_max) + extra
                with_roles = _round_ceiling(base + (full - base) * room_left, base)
                combined_extra = max(with_roles - ceiling, ZERO)
                ceiling = max(ceiling, with_roles)
        # nothing past the format's largest amount, however absurd the band typed in
        ceiling = min(ceiling, max(base, MONEY_MAX))
        band_ceiling = min(band_ceiling, ceiling)

        sign_on_offered = offer.sign_on[0] if offer.sign_on else ZERO
        sign_on_cap = base * line.sign_on_pct_of_base / 100
        sign_on_ceiling = min(
            _round_ceiling(sign_on_offered + max(sign_on_cap - sign_on_offered, ZERO) * room_left, sign_on_offered),
            max(sign_on_offered, MONEY_MAX),
        )
        equity_offered = sum((g.grant_value for g in offer.equity), ZERO)
        equity_extra = min(equity_offered * line.equity_extra_pct / 100 * room_left, MONEY_MAX)
        equity_ceiling = _round_ceiling(equity_offered + equity_extra, equity_offered)

        typical_gain = round_cents(offered.year_one * line.typical_gain_pct / 100 * room_left)
        best_gain = round_cents(offered.year_one * line.best_gain_pct / 100 * room_left)

    ceilings = Ceilings(
        year_one=offered.year_one,
        room_left=room_left,
        band_min=round_cents(band_min),
        band_max=round_cents(band_max),
        band_position=position,
        base_offered=round_cents(base),
        base_band_ceiling=round_cents(band_ceiling),
        base_exception_ceiling=round_cents(max(exception_ceiling, band_ceiling)),
        base_ceiling=round_cents(ceiling),
        sign_on_offered=round_cents(sign_on_offered),
        sign_on_ceiling=round_cents(sign_on_ceiling),
        equity_offered=round_cents(equity_offered),
        equity_ceiling=round_cents(equity_ceiling),
    )
    best_allocation = allocate(offer, ceilings, best_gain, rubric)
    # the best case changes base, sign-on and equity at most: the other parts are the offer's
    best = figures(apply_allocation(offer, best_allocation), horizon, like=(offer, offered))
    goal = None
    if offer.goal is not None and (offer.goal.target_total is not None or offer.goal.walk_away_total is not None):
        goal = GoalCheck(offer.goal.target_total, offer.goal.walk_away_total, offered.year_one, best.year_one)
    sunk = tuple(i for i, g in enumerate(offer.equity) if under_water(g))
    for i in sunk:
        grant = offer.equity[i]
        notes.append(
            f"Option grant {i + 1} is under water: its stated price ({money_words(grant.price or ZERO, cur)}) is "
            f"at or below its strike ({money_words(grant.strike or ZERO, cur)}), so it is worth nothing at that "
            "price. It is still equity: it pays only if the share price rises past the strike."
        )
    return Stretch(
        currency=cur,
        tier=tier,
        band_source=source,
        band_estimated=estimated,
        combined_headcount_extra=round_cents(combined_extra),
        room_left_pct=round_cents(room_left * 100),
        answered=answered,
        typical_gain=typical_gain,
        best_gain=best_gain,
        offered=offered,
        best=best,
        best_allocation=best_allocation,
        goal=goal,
        drops=find_drops(offer, long if long is not None and long.horizon >= offered.horizon else offered, rubric),
        under_water=sunk,
        notes=tuple(notes),
        ceilings=ceilings,
    )


def _round_ceiling(value: Decimal, floor: Decimal) -> Decimal:
    """A ceiling to the thousand below, but never below `floor` (an amount already on the table)."""
    return max(floor_step(value), round_cents(floor))


def allocate(offer: Offer, c: Ceilings, gain: Decimal, rubric: Rubric = DEFAULT_RUBRIC) -> Allocation:
    """Spread a year-1 `gain` over base, sign-on and equity, each within its ceiling.

    Base first (below the band, at least its minimum, whatever the gain); then sign-on, then
    equity. At the top of the band equity leads, then sign-on, and the base only past the band
    (an exception). Each need is rounded to the nearest thousand, each ceiling down; a component whose
    share is under the rubric's smallest ask is left out.
    """
    with exact():
        # after the company's answers the steps get smaller, so does the smallest one worth asking (to half)
        smallest = round_cents(c.year_one * rubric.smallest_ask_pct / 100 * max(c.room_left, Decimal("0.5")))
    k = bonus_factor(offer)
    share = yearly_share(offer)
    base, sign_on, equity = c.base_offered, c.sign_on_offered, c.equity_offered
    order: list[str] = []
    remaining = gain
    exception = False

    def add_base(cap: Decimal) -> None:
        nonlocal base, remaining
        if remaining <= 0 or cap <= base:
            return
        # the need is rounded to the thousand: 28 digits are plenty (and 200 are slow for 1/1.135)
        want = min(cap, max(near_step(base + QUOTIENT.divide(remaining, k)), base))
        with exact():
            added = (want - base) * k
        if added >= smallest:
            base = want
            remaining -= added
            if "base_salary" not in order:
                order.append("base_salary")

    def add_sign_on() -> None:
        nonlocal sign_on, remaining
        if remaining <= 0 or c.sign_on_ceiling <= sign_on:
            return
        want = min(c.sign_on_ceiling, near_step(sign_on + remaining))
        if want - sign_on >= smallest:
            remaining -= want - sign_on
            sign_on = want
            order.append("sign_on")

    def add_equity() -> None:
        nonlocal equity, remaining
        if remaining <= 0 or c.equity_ceiling <= equity or share <= 0 or c.equity_offered <= 0:
            return
        want = min(c.equity_ceiling, near_step(equity + QUOTIENT.divide(remaining, share)))
        with exact():
            added = (want - equity) * share
        if added >= smallest:
            remaining -= added
            equity = want
            order.append("equity")

    if c.band_position == "below":
        with exact():
            remaining -= (c.band_min - base) * k
        base = c.band_min
        order.append("base_salary")
    if c.band_position in ("top", "above"):
        add_equity()
        add_sign_on()
        if c.base_exception_ceiling > c.base_band_ceiling:
            before = base
            add_base(c.base_exception_ceiling)
            exception = base > before
    else:
        add_base(c.base_band_ceiling)
        add_sign_on()
        add_equity()
        if remaining > 0 and c.base_exception_ceiling > base:
            before = base
            add_base(c.base_exception_ceiling)
            exception = base > before
    return Allocation(
        base=round_cents(base),
        sign_on=round_cents(sign_on),
        equity=round_cents(equity),
        order=tuple(order),
        base_exception=exception,
    )


def apply_allocation(offer: Offer, allocation: Allocation) -> Offer:
    """The offer with an allocation's components granted."""
    changes: dict[str, Any] = {}
    if allocation.base != round_cents(offer.base_salary):
        changes["base_salary"] = allocation.base
    first = offer.sign_on[0] if offer.sign_on else ZERO
    if allocation.sign_on != round_cents(first):
        changes["sign_on"] = sign_on_with_first(offer, allocation.sign_on)
    offered_equity = sum((g.grant_value for g in offer.equity), ZERO)
    if allocation.equity > round_cents(offered_equity):
        changes["equity"] = extra_grant(offer, allocation.equity - offered_equity)
    return derived(offer, **changes) if changes else offer


# --- drops in pay --------------------------------------------------------------------------------


def find_drops(offer: Offer, offered: OfferFigures, rubric: Rubric = DEFAULT_RUBRIC) -> tuple[Drop, ...]:
    """Years (3 and 5 above all) whose total falls noticeably, each with its real cause.

    The sign-on ending; a grant running out; a front-loaded schedule stepping down (33/33/22/12
    still vests in year 3: the grant has not run out); a cliff past 12 months that piled vesting
    into one year. Looks five years ahead even when the horizon is shorter.
    """
    years = offered.years if offered.horizon >= 5 else figures(offer, 5).years
    drops = []
    for before, after in itertools.pairwise(years):
        with exact():
            if after.total >= before.total * (1 - rubric.drop_flag_pct / 100):
                continue
        sign_on_fall = before.sign_on - after.sign_on
        equity_fall = before.equity - after.equity
        cause: DropCause
        if sign_on_fall > 0 and sign_on_fall >= equity_fall:
            cause = "sign_on_ends"
        elif equity_fall > 0:
            cause = _equity_cause(offer.equity, before.year)
        else:
            cause = "other"
        drops.append(Drop(after.year, before.total, after.total, cause, DROP_FIXES[cause]))
    return tuple(drops)


def _equity_cause(grants: Sequence[Grant], year: int) -> DropCause:
    """Why the initial grants vest less in `year` + 1 than in `year`: the largest fall decides."""
    falls: dict[DropCause, Decimal] = {}
    for grant in grants:
        pct = vesting_years_pct(grant.vesting)
        now = pct[year - 1] if year - 1 < len(pct) else ZERO
        then = pct[year] if year < len(pct) else ZERO
        if then >= now:
            continue
        cliff_year = -(-grant.vesting.cliff_months // 12)
        if year >= len(pct) or then == 0:
            cause: DropCause = "grant_runs_out"
        elif cliff_year > 1 and year == cliff_year:
            cause = "cliff"
        else:
            cause = "front_loaded"
        with exact():
            falls[cause] = falls.get(cause, ZERO) + grant.grant_value * (now - then) / 100
    if not falls:
        return "grant_runs_out"  # refreshers ending, or grants of no value: the grant side runs out
    return max(falls, key=lambda c: falls[c])
