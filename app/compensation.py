"""Year-by-year and month-by-month figures of an offer, exactly as the offer file spec defines them.

Each component of a year is computed exactly, then rounded to cents; a year's total is the sum of its
rounded components, and every multi-year figure is a sum of those, so every table adds up.

Also here, by the same rules: the figures under a share-price scenario (`scenario_figures`: each
grant's yearly amount valued at the stated price × (1 + g/100)^(n−1) and rounded to cents, cash
unchanged) and the current job's figures (`current_job_figures`: base with raises, bonus,
`equity_by_year`, benefits). Call these through `app.evaluation.Evaluator`, which computes each
once and shares it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction
from functools import lru_cache
from typing import Protocol

from app.frozen import quick_init
from app.models import Bonus, CurrentJob, Grant, Offer, Vesting
from app.money import CENT, EXACT, ZERO, exact, round_cents

COMPONENTS: tuple[str, ...] = ("base", "bonus", "sign_on", "equity", "benefits", "one_time")


@quick_init
@dataclass(frozen=True)
class YearFigures:
    """One year of an offer, every component rounded to cents; `total` is their sum."""

    year: int
    base: Decimal
    bonus: Decimal
    sign_on: Decimal
    equity: Decimal
    benefits: Decimal
    one_time: Decimal
    # the part of `equity` that comes from options (not taxed in the year figures; see "After tax")
    equity_options: Decimal = ZERO
    # the sum of the components, added up once (read by every comparison, drop check and lever)
    total: Decimal = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(
            self, "total", self.base + self.bonus + self.sign_on + self.equity + self.benefits + self.one_time
        )

    @property
    def guaranteed_cash(self) -> Decimal:
        """Base + sign-on + relocation: paid whatever happens."""
        return self.base + self.sign_on + self.one_time

    @property
    def taxable(self) -> Decimal:
        """What the spec taxes in the year figures: base, bonus, sign-on, relocation and RSUs vesting
        (options are taxed at exercise, benefits not at all)."""
        return self.base + self.bonus + self.sign_on + self.one_time + self.equity - self.equity_options

    @property
    def contingent_cash(self) -> Decimal:
        """The bonus: cash that depends on performance and the company's year."""
        return self.bonus

    def component(self, name: str) -> Decimal:
        value: Decimal = getattr(self, name)
        return value


@quick_init
@dataclass(frozen=True)
class OfferFigures:
    """An offer over the horizon, with each convention labelled by its name."""

    offer_id: str
    currency: str
    years: tuple[YearFigures, ...]

    @property
    def horizon(self) -> int:
        return len(self.years)

    @property
    def year_one(self) -> Decimal:
        """Year 1 total: what the first year pays, sign-on and relocation included."""
        return self.years[0].total

    @property
    def total(self) -> Decimal:
        """Horizon total: the sum of the yearly totals."""
        return sum((y.total for y in self.years), ZERO)

    @property
    def annual_average(self) -> Decimal:
        """Horizon total ÷ years, rounded to cents (hides when one-time money is paid: label it)."""
        return round_cents(self.total / self.horizon)

    def component_total(self, name: str) -> Decimal:
        """One component (base, bonus, …) or convention (guaranteed_cash, total, …) summed over the horizon."""
        return sum((y.component(name) for y in self.years), ZERO)

    @property
    def guaranteed_cash(self) -> Decimal:
        return sum((y.guaranteed_cash for y in self.years), ZERO)

    @property
    def contingent_cash(self) -> Decimal:
        return sum((y.contingent_cash for y in self.years), ZERO)

    @property
    def equity(self) -> Decimal:
        return sum((y.equity for y in self.years), ZERO)

    @property
    def benefits(self) -> Decimal:
        return sum((y.benefits for y in self.years), ZERO)


# --- vesting -------------------------------------------------------------------------------------


def vesting_years_pct(vesting: Vesting) -> list[Decimal]:
    """Percent of the grant vesting in each year of the grant, after the cliff.

    A cliff of 12 months or less only moves vesting inside year 1. A longer cliff moves everything
    scheduled before it into the year in which the cliff falls.
    """
    pct = list(vesting.years_pct)
    cliff_year = -(-vesting.cliff_months // 12)  # the grant year holding the cliff month
    if cliff_year <= 1:
        return pct
    pct += [ZERO] * (cliff_year - len(pct))
    moved = sum(pct[:cliff_year], ZERO)
    return [ZERO] * (cliff_year - 1) + [moved] + pct[cliff_year:]


def _grant_schedules(offer: Offer, horizon: int) -> list[tuple[int, Decimal, Vesting]]:
    """(first year, whole value, vesting) of every grant, refreshers made inside the horizon included."""
    schedules = [(1, grant.grant_value, grant.vesting) for grant in offer.equity]
    refreshers = offer.refreshers
    if refreshers is not None:
        for start in range(refreshers.first_year, horizon + 1):
            schedules.append((start, refreshers.annual_value, refreshers.vesting))
    return schedules


def equity_by_year_exact(offer: Offer, horizon: int) -> list[Decimal]:
    """Unrounded value vesting in each year 1..horizon, all grants and refreshers together (the
    schedules of `_grant_schedules`, in their order; a refresher's yearly amounts worked out once for
    all the years it is granted in)."""
    years = [ZERO] * horizon
    with exact():
        for grant in offer.equity:
            value = grant.grant_value
            for k, pct in enumerate(vesting_years_pct(grant.vesting)[:horizon]):
                years[k] += value * pct / 100
        refreshers = offer.refreshers
        if refreshers is not None and refreshers.first_year <= horizon:
            value = refreshers.annual_value
            amounts = [value * pct / 100 for pct in vesting_years_pct(refreshers.vesting)]
            for start in range(refreshers.first_year, horizon + 1):
                for k, amount in enumerate(amounts[: horizon - start + 1]):
                    years[start - 1 + k] += amount
    return years


def option_equity_by_year_exact(offer: Offer, horizon: int) -> list[Decimal]:
    """Unrounded value of the option grants vesting in each year 1..horizon (part of the equity)."""
    years = [ZERO] * horizon
    with exact():
        for grant in offer.equity:
            if grant.kind != "option":
                continue
            for k, pct in enumerate(vesting_years_pct(grant.vesting)):
                if k < horizon:
                    years[k] += grant.grant_value * pct / 100
    return years


def grant_by_year(grant: Grant, horizon: int) -> list[Decimal]:
    """One grant's vesting per year 1..horizon, each rounded to cents (for an equity table)."""
    years = [ZERO] * horizon
    with exact():
        for k, pct in enumerate(vesting_years_pct(grant.vesting)):
            if k < horizon:
                years[k] = round_cents(grant.grant_value * pct / 100)
    return years


# --- the year-by-year figures --------------------------------------------------------------------


class Pay(Protocol):
    """What base and bonus are computed from: an offer, or the current job."""

    @property
    def base_salary(self) -> Decimal: ...

    @property
    def annual_raise_pct(self) -> Decimal: ...

    @property
    def bonus(self) -> Bonus | None: ...


def base_exact(offer: Pay, year: int) -> Decimal:
    """Base of year n = base × (1 + r/100)^(n−1), unrounded.

    Multiplied out year by year: exact (the digits only grow), and far cheaper than Decimal's
    general power at 200 digits of precision.
    """
    base = offer.base_salary
    if year == 1 or not offer.annual_raise_pct:
        return base
    with exact():
        factor = 1 + offer.annual_raise_pct / 100
        for _ in range(year - 1):
            base *= factor
    return base


def bonus_exact(offer: Pay, year: int) -> Decimal:
    bonus = offer.bonus
    if bonus is None:
        return ZERO
    with exact():
        if bonus.target_pct is not None:
            return base_exact(offer, year) * bonus.target_pct * bonus.expected_payout_pct / 10000
        assert bonus.target_amount is not None  # validated: a target percent or a target amount
        return bonus.target_amount * bonus.expected_payout_pct / 100


# The components of a year and what each is computed from: a what-if (a lever's ask, the stretch's
# best case) changes one or two of an offer's parts, and `figures(..., like=...)` takes the others'
# columns from the figures already computed instead of computing them again.
_COLUMN_INPUTS: tuple[tuple[tuple[str, ...], tuple[str, ...]], ...] = (
    (("base", "bonus"), ("base_salary", "annual_raise_pct", "bonus")),
    (("sign_on",), ("sign_on",)),
    (("equity", "equity_options"), ("equity", "refreshers")),
    (("benefits",), ("benefits",)),
    (("one_time",), ("relocation",)),
)
_ZERO_CENTS = round_cents(ZERO)  # what a component without money is: 0.00, as round_cents writes it


def _cash_columns(offer: Pay, horizon: int) -> tuple[list[Decimal], list[Decimal]]:
    """Base and bonus of years 1..horizon, each rounded to cents: `base_exact` and `bonus_exact`
    with the base multiplied out once for all the years (the same products, in the same order) and the
    bonus's percent × payout worked out once (exact: the same amounts)."""
    bonus = offer.bonus
    bases: list[Decimal] = []
    bonuses: list[Decimal] = []
    with exact():
        base = offer.base_salary
        factor = 1 + offer.annual_raise_pct / 100 if offer.annual_raise_pct else None
        fixed_bonus = rate = None
        if bonus is not None and bonus.target_pct is not None:
            rate = bonus.target_pct * bonus.expected_payout_pct / 10000
        elif bonus is not None:
            assert bonus.target_amount is not None  # validated: a target percent or a target amount
            fixed_bonus = round_cents(bonus.target_amount * bonus.expected_payout_pct / 100)
        for year in range(1, horizon + 1):
            if year > 1 and factor is not None:
                base *= factor
            bases.append(round_cents(base))
            if bonus is None:
                bonuses.append(_ZERO_CENTS)
            elif fixed_bonus is not None:
                bonuses.append(fixed_bonus)
            else:
                assert rate is not None
                bonuses.append(round_cents(base * rate))
    return bases, bonuses


def _columns(offer: Offer, horizon: int, names: tuple[str, ...]) -> dict[str, list[Decimal]]:
    """The rounded columns `names` (one group of `_COLUMN_INPUTS`) of years 1..horizon."""
    first = names[0]
    if first == "base":
        bases, bonuses = _cash_columns(offer, horizon)
        return {"base": bases, "bonus": bonuses}
    if first == "sign_on":
        sign_on = [round_cents(amount) for amount in offer.sign_on[:horizon]]
        return {"sign_on": sign_on + [_ZERO_CENTS] * (horizon - len(sign_on))}
    if first == "equity":
        equity = [round_cents(amount) for amount in equity_by_year_exact(offer, horizon)]
        if any(g.kind == "option" for g in offer.equity):
            options = [round_cents(amount) for amount in option_equity_by_year_exact(offer, horizon)]
        else:
            options = [ZERO] * horizon
        return {"equity": equity, "equity_options": options}
    if first == "benefits":
        return {"benefits": [round_cents(sum((b.annual_value for b in offer.benefits), ZERO))] * horizon}
    return {"one_time": [round_cents(offer.relocation)] + [_ZERO_CENTS] * (horizon - 1)}


def _same_inputs(offer: Offer, other: Offer, inputs: tuple[str, ...]) -> bool:
    for name in inputs:
        mine, theirs = getattr(offer, name), getattr(other, name)
        if mine is not theirs and mine != theirs:
            return False
    return True


def total_changes(offer: Offer, offered: OfferFigures, changed: Offer) -> tuple[Decimal, ...]:
    """Each year's total of `changed` minus that of `offer` (whose figures are `offered`): what a
    lever's ask adds. The same numbers as `figures(changed, …)`'s totals minus `offered`'s, computed
    from the components whose inputs differ only (a total is the sum of its rounded components)."""
    horizon = offered.horizon
    changes = [_ZERO_CENTS] * horizon
    for names, inputs in _COLUMN_INPUTS:
        if _same_inputs(changed, offer, inputs):
            continue
        for name, column in _columns(changed, horizon, names).items():
            if name == "equity_options":  # part of equity, not a component of the total
                continue
            for index, year in enumerate(offered.years):
                changes[index] += column[index] - getattr(year, name)
    return tuple(changes)


def year_by_year(offer: Offer, horizon: int, like: tuple[Offer, OfferFigures] | None = None) -> list[YearFigures]:
    """The spec's figures for years 1..horizon, each component rounded to cents.

    `like`: another offer and its figures over at least `horizon` years (a year's figures depend on
    nothing later). The components whose inputs are the same in both offers are taken from them.
    """
    columns: dict[str, list[Decimal]] = {}
    for names, inputs in _COLUMN_INPUTS:
        if like is not None and like[1].horizon >= horizon and _same_inputs(offer, like[0], inputs):
            for column in names:
                columns[column] = [getattr(y, column) for y in like[1].years[:horizon]]
        else:
            columns.update(_columns(offer, horizon, names))
    return [
        YearFigures(year, *values)
        for year, values in enumerate(
            zip(
                columns["base"], columns["bonus"], columns["sign_on"], columns["equity"], columns["benefits"],
                columns["one_time"], columns["equity_options"], strict=True,
            ),
            start=1,
        )
    ]


def figures(offer: Offer, horizon: int, like: tuple[Offer, OfferFigures] | None = None) -> OfferFigures:
    """Everything the tables, the command line and the brief show of one offer, in its currency.

    `like` (another offer and its figures, e.g. the offer a what-if changes): see `year_by_year`.
    """
    return OfferFigures(offer_id=offer.id, currency=offer.currency, years=tuple(year_by_year(offer, horizon, like)))


# --- share-price scenarios ----------------------------------------------------------------------


@quick_init
@dataclass(frozen=True)
class VestPiece:
    """What one grant vests in one year, ready to be valued at any share-price growth.

    For an RSU grant (or a refresher) `amount` is the value vesting that year at the stated price;
    for an option grant it is the number of options vesting, each worth max(price × factor − strike, 0).
    """

    year: int
    option: bool
    amount: Decimal
    price: Decimal = ZERO
    strike: Decimal = ZERO

    def value(self, factor: Decimal) -> Decimal:
        """This grant's amount for the year at a price multiplied by `factor`, rounded to cents."""
        with exact():
            if self.option:
                return round_cents(self.amount * max(self.price * factor - self.strike, ZERO))
            return round_cents(self.amount * factor)


def vest_pieces(offer: Offer, horizon: int) -> tuple[VestPiece, ...]:
    """One piece per grant per year of the horizon: the initial grants, then each refresher grant."""
    pieces: list[VestPiece] = []
    with exact():
        for grant in offer.equity:
            for k, pct in enumerate(vesting_years_pct(grant.vesting)):
                if k >= horizon or not pct:
                    continue
                if grant.kind == "option":
                    # validated: an option grant has shares, strike and price
                    assert grant.shares is not None and grant.price is not None and grant.strike is not None
                    vested = grant.shares * pct / 100
                    pieces.append(VestPiece(k + 1, True, vested, grant.price, grant.strike))
                else:
                    pieces.append(VestPiece(k + 1, False, grant.grant_value * pct / 100))
        refreshers = offer.refreshers
        if refreshers is not None:
            value = refreshers.annual_value
            amounts = [(k, value * pct / 100) for k, pct in enumerate(vesting_years_pct(refreshers.vesting)) if pct]
            for start in range(refreshers.first_year, horizon + 1):
                for k, amount in amounts:
                    if start + k <= horizon:
                        pieces.append(VestPiece(start + k, False, amount))
    return tuple(pieces)


@lru_cache(maxsize=1024)  # every offer of a file grows by the same few scenarios' rates
def growth_factor(growth_pct: Decimal, year: int) -> Decimal:
    """(1 + g/100)^(year − 1), exact (multiplied out: the digits only grow)."""
    factor = Decimal(1)
    if year == 1 or not growth_pct:
        return factor
    with exact():
        step = 1 + growth_pct / 100
        for _ in range(year - 1):
            factor *= step
    return factor


def equity_under_growth(
    pieces: Sequence[VestPiece], horizon: int, growth_pct: Decimal
) -> list[tuple[Decimal, Decimal]]:
    """(equity, of which options) for each year 1..horizon at `growth_pct` % a year: each grant's
    yearly amount rounded to cents, then summed."""
    factors = [growth_factor(growth_pct, year) for year in range(1, horizon + 1)]
    equity = [ZERO] * horizon
    options = [ZERO] * horizon
    with exact():  # once for every piece (VestPiece.value's arithmetic and round_cents, inlined)
        for piece in pieces:
            index = piece.year - 1
            factor = factors[index]
            if piece.option:
                value = (piece.amount * max(piece.price * factor - piece.strike, ZERO)).quantize(
                    CENT, ROUND_HALF_UP, EXACT
                )
                options[index] += value
            else:
                value = (piece.amount * factor).quantize(CENT, ROUND_HALF_UP, EXACT)
            equity[index] += value
    return list(zip(equity, options, strict=True))


def scenario_figures(
    offer: Offer, base: OfferFigures, growth_pct: Decimal, pieces: Sequence[VestPiece] | None = None
) -> OfferFigures:
    """The offer's figures if every share price grows `growth_pct` % a year (cash unchanged).

    `base` is the offer's as-offered figures (for the cash components); `pieces` its `vest_pieces`
    (computed when not given). Equity of year n: each grant's amount valued at the stated price ×
    (1 + g/100)^(n−1) (options: max(price × factor − strike, 0) a vested option), rounded to cents
    per grant, then summed. Refreshers are valued like RSUs, their stated value at the stated price.
    """
    horizon = base.horizon
    equity = equity_under_growth(pieces if pieces is not None else vest_pieces(offer, horizon), horizon, growth_pct)
    # a year whose equity comes out as offered (a flat scenario, a year without equity) is that year
    # itself: the figures are immutable, and half the years of a file's scenarios are unchanged
    years = tuple(
        y
        if amount == y.equity and options == y.equity_options
        else YearFigures(y.year, y.base, y.bonus, y.sign_on, amount, y.benefits, y.one_time, options)
        for y, (amount, options) in zip(base.years, equity, strict=True)
    )
    return OfferFigures(offer_id=base.offer_id, currency=base.currency, years=years)


# --- the current job ------------------------------------------------------------------------------

CURRENT_JOB_ID = "current_job"  # the id the current job's figures and comparison column carry


def current_job_figures(job: CurrentJob, horizon: int) -> OfferFigures:
    """What staying pays, year by year, by the offers' rules: base with raises, bonus, the equity
    your broker shows for each coming year (0 past the list), benefits; no sign-on, no one-time."""
    benefits = round_cents(sum((b.annual_value for b in job.benefits), ZERO))
    years = tuple(
        YearFigures(
            year=year,
            base=round_cents(base_exact(job, year)),
            bonus=round_cents(bonus_exact(job, year)),
            sign_on=ZERO,
            equity=round_cents(job.equity_by_year[year - 1]) if year <= len(job.equity_by_year) else ZERO,
            benefits=benefits,
            one_time=ZERO,
        )
        for year in range(1, horizon + 1)
    )
    return OfferFigures(offer_id=CURRENT_JOB_ID, currency=job.currency, years=years)


# --- month by month (charts) ---------------------------------------------------------------------

_PAYMENT_MONTHS = {"monthly": range(1, 13), "quarterly": (3, 6, 9, 12), "annual": (12,)}


def _grant_months(value: Decimal, vesting: Vesting) -> dict[int, Fraction]:
    """Exact amount vesting in each month of the grant (month 1 = the grant's first month)."""
    scheduled: dict[int, Fraction] = {}
    months = _PAYMENT_MONTHS[vesting.frequency]
    for k, pct in enumerate(vesting.years_pct):
        share = Fraction(value) * Fraction(pct) / 100 / len(months)
        for m in months:
            scheduled[k * 12 + m] = scheduled.get(k * 12 + m, Fraction(0)) + share
    cliff = vesting.cliff_months
    if cliff > 0:
        held = sum((amount for month, amount in scheduled.items() if month <= cliff), Fraction(0))
        scheduled = {month: amount for month, amount in scheduled.items() if month > cliff}
        if held:
            scheduled[cliff] = held
    return scheduled


@quick_init
@dataclass(frozen=True)
class MonthVest:
    month: int  # 1 = first month of year 1
    amount: Decimal  # vesting in this month, cents
    cumulative: Decimal  # vested so far, cents


def monthly_vesting(offer: Offer, horizon: int) -> list[MonthVest]:
    """Equity vesting month by month over the horizon, honouring cliff and frequency.

    Amounts are differences of the rounded cumulative value, so they never drift: months add up to
    the cumulative figure exactly, and each year to its exact vesting within a cent.
    """
    exact_months = [Fraction(0)] * (horizon * 12)
    for start, value, vesting in _grant_schedules(offer, horizon):
        offset = (start - 1) * 12
        for month, amount in _grant_months(value, vesting).items():
            index = offset + month - 1
            if index < len(exact_months):
                exact_months[index] += amount
    series, running, previous = [], Fraction(0), ZERO
    for index, amount in enumerate(exact_months):
        running += amount
        with exact():
            cumulative = round_cents(Decimal(running.numerator) / running.denominator)
        series.append(MonthVest(month=index + 1, amount=cumulative - previous, cumulative=cumulative))
        previous = cumulative
    return series
