"""Exact money: Decimal arithmetic with ample precision, rounding to cents once, and currency conversion.

No formatting for display lives here: the ui and the PDF format what these functions return.
"""

from __future__ import annotations

from collections.abc import Mapping
from contextlib import AbstractContextManager
from decimal import ROUND_HALF_UP, Context, Decimal, localcontext

CENT = Decimal("0.01")
ZERO = Decimal(0)

# Enough digits that compounding raises (e.g. 1.03125^10) and splits stay exact before rounding.
EXACT = Context(prec=200, rounding=ROUND_HALF_UP)


def exact() -> AbstractContextManager[Context]:
    """A context manager for exact intermediate arithmetic: `with exact(): ...`."""
    return localcontext(EXACT)


def round_cents(value: Decimal) -> Decimal:
    """Round to cents, half away from zero (the spec's ROUND_HALF_UP)."""
    return value.quantize(CENT, rounding=ROUND_HALF_UP, context=EXACT)


def rate(currency: str, display_currency: str, fx: Mapping[str, Decimal]) -> Decimal | None:
    """Value of one unit of `currency` in `display_currency`, or None when the file gives no rate."""
    if currency == display_currency:
        return Decimal(1)
    return fx.get(currency)


def convert(
    amount: Decimal, currency: str, display_currency: str, fx: Mapping[str, Decimal]
) -> Decimal | None:
    """`amount` (already in cents) in the display currency, rounded to cents; None without a rate.

    An amount without a rate is never mixed into another currency's figures: callers show it in its
    own currency and flag it.
    """
    factor = rate(currency, display_currency, fx)
    if factor is None:
        return None
    with exact():
        return round_cents(amount * factor)
