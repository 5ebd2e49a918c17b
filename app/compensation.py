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
from dataclasses import dataclass, replace
from decimal import Decimal
from fractions import Fraction
from typing import Protocol

from app.models import Bonus, CurrentJob, Grant, Offer, Vesting
from app.money import ZERO, exact, round_cents

COMPONENTS: tuple[str, ...] = ("base", "bonus", "sign_on", "equity", "benefits", "one_time")


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

    @property
    def total(self) -> Decimal:
        return self.base + self.bonus + self.sign_on + self.equity + self.benefits + self.one_time

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
    """Unrounded value vesting in each year 1..horizon, all grants and refreshers together."""
    years = [ZERO] * horizon
    with exact():
        for start, value, vesting in _grant_schedules(offer, horizon):
            for k, pct in enumerate(vesting_years_pct(vesting)):
                year = start + k
                if year <= horizon:
                    years[year - 1] += value * pct / 100
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


def year_by_year(offer: Offer, horizon: int) -> list[YearFigures]:
    """The spec's figures for years 1..horizon, each component rounded to cents."""
    equity = equity_by_year_exact(offer, horizon)
    options = option_equity_by_year_exact(offer, horizon) if any(g.kind == "option" for g in offer.equity) else None
    benefits = sum((b.annual_value for b in offer.benefits), ZERO)
    result = []
    for year in range(1, horizon + 1):
        result.append(
            YearFigures(
                year=year,
                base=round_cents(base_exact(offer, year)),
                bonus=round_cents(bonus_exact(offer, year)),
                sign_on=round_cents(offer.sign_on[year - 1] if year <= len(offer.sign_on) else ZERO),
                equity=round_cents(equity[year - 1]),
                benefits=round_cents(benefits),
                one_time=round_cents(offer.relocation if year == 1 else ZERO),
                equity_options=round_cents(options[year - 1]) if options is not None else ZERO,
            )
        )
    return result


def figures(offer: Offer, horizon: int) -> OfferFigures:
    """Everything the tables, the command line and the brief show of one offer, in its currency."""
    return OfferFigures(offer_id=offer.id, currency=offer.currency, years=tuple(year_by_year(offer, horizon)))


# --- share-price scenarios ----------------------------------------------------------------------


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
            for start in range(refreshers.first_year, horizon + 1):
                for k, pct in enumerate(vesting_years_pct(refreshers.vesting)):
                    if start + k <= horizon and pct:
                        pieces.append(VestPiece(start + k, False, refreshers.annual_value * pct / 100))
    return tuple(pieces)


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
    years = [(ZERO, ZERO)] * horizon
    for piece in pieces:
        value = piece.value(factors[piece.year - 1])
        equity, options = years[piece.year - 1]
        years[piece.year - 1] = (equity + value, options + value if piece.option else options)
    return years


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
    years = tuple(
        replace(y, equity=amount, equity_options=options)
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
