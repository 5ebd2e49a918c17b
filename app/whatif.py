"""What if the company granted a different ask? The offer with one lever's component changed, year by year.

The changed offer is validated like any other and its totals come from the same `figures` as every
other number, so a what-if agrees to the cent with the lever's own effect at the lever's own ask.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from pydantic import TypeAdapter, ValidationError

from app.compensation import OfferFigures, figures
from app.errors import problems_from
from app.levers import Lever, Stretch, extra_grant, offer_with, sign_on_with_first
from app.models import Money, Offer
from app.money import ZERO, exact, round_cents
from app.rubric import DEFAULT_RUBRIC, Rubric

# levers whose ask is the new value of one money component
MONEY_LEVERS = ("base_salary", "combined_headcount", "sign_on", "equity", "relocation")

_MONEY = TypeAdapter(Money)


class WhatIfError(ValueError):
    """The ask can't be applied to the offer; the message says why, in words for the user."""


@dataclass(frozen=True)
class WhatIfYear:
    """One year: the offer as made, with the ask granted, and the best plausible outcome."""

    year: int
    offered: Decimal
    with_ask: Decimal
    best: Decimal | None  # None when the stretch was computed over fewer years

    @property
    def change(self) -> Decimal:
        return self.with_ask - self.offered


@dataclass(frozen=True)
class WhatIfGoal:
    """The user's year-1 target and walk-away against year 1 with the ask granted."""

    target: Decimal | None
    walk_away: Decimal | None
    year_one: Decimal

    @property
    def meets_target(self) -> bool | None:
        return None if self.target is None else self.year_one >= self.target

    @property
    def shortfall(self) -> Decimal | None:
        """How far year 1 stays below the target (zero when it meets it)."""
        return None if self.target is None else max(self.target - self.year_one, ZERO)

    @property
    def meets_walk_away(self) -> bool | None:
        return None if self.walk_away is None else self.year_one >= self.walk_away


@dataclass(frozen=True)
class WhatIf:
    lever: str
    currency: str
    ask: Decimal
    offered: Decimal | None  # the component's value in the offer (None for a non-cash lever)
    ceiling: Decimal | None  # the most the stretch plausibly reaches for it (None: no ceiling known)
    sign_on_given: Decimal  # year-1 sign-on given up for equity, when the lever is a swap
    years: tuple[WhatIfYear, ...]
    figures: OfferFigures  # the offer with the ask granted
    goal: WhatIfGoal | None

    @property
    def ask_above_stretch(self) -> bool:
        return self.ceiling is not None and self.ask > self.ceiling

    @property
    def ask_below_offered(self) -> bool:
        return self.offered is not None and self.ask < self.offered

    @property
    def total_change(self) -> Decimal:
        return sum((y.change for y in self.years), ZERO)


def has_what_if(lever: Lever) -> bool:
    """Whether a different ask for this lever changes a money component the what-if can show.

    Not for non-cash levers, nor for spreading the sign-on over more years (a swap whose ask is the
    same year-1 amount as offered: its effect is in the lever itself).
    """
    if lever.lever not in MONEY_LEVERS or lever.kind == "non_cash":
        return False
    return not (lever.lever == "sign_on" and lever.kind == "swap")


def component_offered(offer: Offer, lever: str, stretch: Stretch) -> Decimal | None:
    """The offered value of the component a lever's ask replaces."""
    if lever in ("base_salary", "combined_headcount"):
        return stretch.base_offered
    if lever == "sign_on":
        return stretch.sign_on_offered
    if lever == "equity":
        return stretch.equity_offered
    if lever == "relocation":
        return round_cents(offer.relocation)
    return None


def stretch_ceiling(lever: str, stretch: Stretch) -> Decimal | None:
    """The most this position plausibly reaches for a lever's component (the levers' own limit)."""
    if lever == "base_salary":
        # without folding two roles into one headcount: that part belongs to its own lever
        return stretch.base_ceiling - stretch.combined_headcount_extra
    if lever == "combined_headcount":
        return stretch.base_ceiling
    if lever == "sign_on":
        return stretch.sign_on_ceiling
    if lever == "equity":
        return stretch.equity_ceiling
    return None  # relocation comes from another budget: the stretch sets no ceiling for it


def what_if(
    offer: Offer,
    lever: Lever,
    ask: Decimal,
    stretch: Stretch,
    horizon: int,
    rubric: Rubric = DEFAULT_RUBRIC,
) -> WhatIf:
    """The offer with `ask` granted for `lever`, year by year, against the offer and the stretch.

    base and combined headcount set the base salary; sign-on sets the year-1 sign-on; equity adds a
    grant of (ask − offered) vesting like the first grant (an equity swap also gives up year-1
    sign-on at the rubric's rate, as the lever proposes); relocation sets the relocation; a non-cash
    lever leaves the offer unchanged. An equity ask below what is offered adds nothing (grants are
    never cut here): `ask_below_offered` says so. Raises `WhatIfError` when the ask is not an amount.
    """
    try:
        ask = _MONEY.validate_python(ask)
    except ValidationError as exc:
        raise WhatIfError(f"The ask {problems_from(exc)[0].message}.") from None
    name = lever.lever
    offered = component_offered(offer, name, stretch)
    given = ZERO
    if name not in MONEY_LEVERS or lever.kind == "non_cash":
        changed = offer
    elif name in ("base_salary", "combined_headcount"):
        changed = offer_with(offer, base_salary=ask)
    elif name == "sign_on":
        changed = offer_with(offer, sign_on=sign_on_with_first(offer, ask))
    elif name == "relocation":
        changed = offer_with(offer, relocation=ask)
    else:  # equity
        extra = max(ask - stretch.equity_offered, ZERO)
        changes: dict[str, Any] = {"equity": extra_grant(offer, extra)} if extra > 0 else {}
        if lever.kind == "swap" and extra > 0 and offer.sign_on:
            with exact():
                given = min(round_cents(extra / rubric.sign_on_to_equity_rate), offer.sign_on[0])
            changes["sign_on"] = sign_on_with_first(offer, offer.sign_on[0] - given)
        changed = offer_with(offer, **changes) if changes else offer
    before = figures(offer, horizon)
    after = figures(changed, horizon)
    best = stretch.best.years
    years = tuple(
        WhatIfYear(
            year=b.year,
            offered=b.total,
            with_ask=a.total,
            best=best[b.year - 1].total if b.year <= len(best) else None,
        )
        for b, a in zip(before.years, after.years, strict=True)
    )
    goal = None
    if stretch.goal is not None:
        goal = WhatIfGoal(stretch.goal.target, stretch.goal.walk_away, after.year_one)
    return WhatIf(
        lever=name,
        currency=offer.currency,
        ask=ask,
        offered=offered,
        ceiling=stretch_ceiling(name, stretch),
        sign_on_given=given,
        years=years,
        figures=after,
        goal=goal,
    )
