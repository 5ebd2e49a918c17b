"""Year-by-year and month-by-month figures of an offer, exactly as the offer file spec defines them.

Each component of a year is computed exactly, then rounded to cents; a year's total is the sum of its
rounded components, and every multi-year figure is a sum of those, so every table adds up.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction

from app.models import Grant, Offer, Vesting
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

    @property
    def total(self) -> Decimal:
        return self.base + self.bonus + self.sign_on + self.equity + self.benefits + self.one_time

    @property
    def guaranteed_cash(self) -> Decimal:
        """Base + sign-on + relocation: paid whatever happens."""
        return self.base + self.sign_on + self.one_time

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


def grant_by_year(grant: Grant, horizon: int) -> list[Decimal]:
    """One grant's vesting per year 1..horizon, each rounded to cents (for an equity table)."""
    years = [ZERO] * horizon
    with exact():
        for k, pct in enumerate(vesting_years_pct(grant.vesting)):
            if k < horizon:
                years[k] = round_cents(grant.grant_value * pct / 100)
    return years


# --- the year-by-year figures --------------------------------------------------------------------


def base_exact(offer: Offer, year: int) -> Decimal:
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


def bonus_exact(offer: Offer, year: int) -> Decimal:
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
            )
        )
    return result


def figures(offer: Offer, horizon: int) -> OfferFigures:
    """Everything the tables, the command line and the brief show of one offer, in its currency."""
    return OfferFigures(offer_id=offer.id, currency=offer.currency, years=tuple(year_by_year(offer, horizon)))


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
