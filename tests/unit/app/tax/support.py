"""Helpers for the tax tests: an estimate by any chain (a base such as `US` too), its parts by name."""

from __future__ import annotations

from decimal import Decimal

from app.tax import FILING_STATUSES, TaxEstimate
from app.tax.engine import DEFAULT, RegionRules

STATUSES = FILING_STATUSES


def chain(code: str, year: int) -> RegionRules:
    rules = DEFAULT.chain(code, year)
    assert rules is not None, f"no rule file for {code} {year}"
    return rules


def estimate(code: str, year: int, status: str, income: str | int | Decimal) -> TaxEstimate:
    """The estimate by `code`'s chain, selectable or not (tests check `US` alone this way)."""
    rules = chain(code, year)
    if not rules.uses_filing_status:
        status = "single"
    return DEFAULT.estimate_chain(rules, year, status, Decimal(income))


def parts(
    code: str, year: int, status: str, income: str | int | Decimal, region: str | None = None
) -> dict[str, Decimal]:
    """{part name: amount} of an estimate, only the parts of `region`'s own file when given."""
    result = estimate(code, year, status, income)
    return {p.name: p.amount for p in result.parts if region is None or p.region == region}


def all_chains() -> list[tuple[str, int]]:
    """Every (region code, year) with a rule file shipped, bases included, sorted."""
    return sorted((code, year) for code, years in DEFAULT.catalogue().items() for year in years)
