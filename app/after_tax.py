"""After tax: THE HOOK where the tax engine (issue 16, `app/tax/`) plugs into every figure.

`year_taxes` is called once per offer (and for the current job) by `app.evaluation.Evaluator`, and
its results go everywhere the spec puts `tax` and `after_tax`: `evaluate --json`, the screens, the
brief. Until the engine lands it returns `None` for every year ("no supported tax_region": null in
the JSON, flagged in the ui, never a guess). The engine replaces the body of `year_taxes` only.

What is taxed (the spec's "After tax"): base, bonus, sign-on, relocation and RSUs vesting that year —
`YearFigures.taxable` — while options (`YearFigures.equity_options`) and benefits are not.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from app.compensation import OfferFigures
from app.models import TaxSettings


@dataclass(frozen=True)
class YearTax:
    """One year's estimated tax and what is left; None where the region is not supported."""

    year: int
    tax: Decimal | None
    after_tax: Decimal | None


def year_taxes(tax_region: str | None, figures: OfferFigures, tax: TaxSettings | None) -> tuple[YearTax, ...]:
    """Tax and after-tax pay of each year of `figures` (in their currency) for `tax_region`.

    None for every year until the tax engine supports the region (today: no region).
    """
    return tuple(YearTax(year.year, None, None) for year in figures.years)
