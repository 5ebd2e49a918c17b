"""Startup options, read as a careful candidate reads them: ownership, the cost to exercise, the spread
at the 409A value and at the preferred price, the exercise window, and whether the grant is under water.

Pure data for every place an option grant shows (list, editor, compare, brief). The year-by-year
figures keep valuing options at the offer's `price`; these are the other numbers people quote, each
labelled by what it is. An under-water grant is worth nothing at the stated price: it is flagged as
such, never described as "no equity".
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from app.frozen import quick_init
from app.models import DEFAULT_EXERCISE_WINDOW_DAYS, Grant, Offer
from app.money import ZERO, exact, round_cents

OWNERSHIP_PLACES = Decimal("0.0001")  # ownership in percent, to four places: 0.5000 %


@quick_init
@dataclass(frozen=True)
class OptionDetails:
    """One option grant's numbers, in the offer's currency (None where the offer doesn't give the input)."""

    grant_index: int  # its place in `offer.equity`
    currency: str
    shares: Decimal
    strike: Decimal
    price: Decimal  # the price the year figures use
    fmv: Decimal | None  # the 409A fair market value of a common share
    preferred_price: Decimal | None  # the last priced round's price per share
    fully_diluted_shares: int | None
    ownership_pct: Decimal | None  # shares ÷ fully diluted shares, in percent (4 places)
    exercise_cost: Decimal  # shares × strike: what buying every option costs
    spread_at_price: Decimal  # shares × max(price − strike, 0): the basis of the year figures
    spread_at_fmv: Decimal | None  # shares × max(fmv − strike, 0): near zero at grant, as a rule
    spread_at_preferred: Decimal | None  # shares × max(preferred − strike, 0): the "paper" value
    exercise_window_days: int  # after leaving, to exercise (the usual 90 when not given)
    exercise_window_given: bool  # False: the offer doesn't say, so the usual 90 days is assumed
    under_water: bool  # price ≤ strike: worth nothing at the stated price

    @property
    def short_window(self) -> bool:
        """The usual 90 days or less: leaving means paying the exercise cost (and tax) quickly."""
        return self.exercise_window_days <= DEFAULT_EXERCISE_WINDOW_DAYS


def _spread(shares: Decimal, price: Decimal | None, strike: Decimal) -> Decimal | None:
    if price is None:
        return None
    with exact():
        return round_cents(shares * max(price - strike, ZERO))


def option_details(grant: Grant, currency: str, index: int = 0) -> OptionDetails | None:
    """The numbers of one option grant; None for an RSU grant."""
    if grant.kind != "option" or grant.shares is None or grant.strike is None or grant.price is None:
        return None
    shares, strike = grant.shares, grant.strike
    ownership = None
    if grant.fully_diluted_shares:
        with exact():
            ownership = (shares * 100 / grant.fully_diluted_shares).quantize(OWNERSHIP_PLACES, rounding=ROUND_HALF_UP)
    with exact():
        cost = round_cents(shares * strike)
        at_price = round_cents(shares * max(grant.price - strike, ZERO))
    return OptionDetails(
        grant_index=index,
        currency=currency,
        shares=shares,
        strike=strike,
        price=grant.price,
        fmv=grant.fmv,
        preferred_price=grant.preferred_price,
        fully_diluted_shares=grant.fully_diluted_shares,
        ownership_pct=ownership,
        exercise_cost=cost,
        spread_at_price=at_price,
        spread_at_fmv=_spread(shares, grant.fmv, strike),
        spread_at_preferred=_spread(shares, grant.preferred_price, strike),
        exercise_window_days=grant.exercise_window,
        exercise_window_given=grant.exercise_window_days is not None,
        under_water=grant.under_water,
    )


def offer_options(offer: Offer) -> tuple[OptionDetails, ...]:
    """The details of every option grant of an offer, in the order of its grants."""
    found = (option_details(grant, offer.currency, index) for index, grant in enumerate(offer.equity))
    return tuple(details for details in found if details is not None)
