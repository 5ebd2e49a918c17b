"""After-tax estimates: income tax and employee social contributions, from rules kept as data.

The API (all a caller needs; no Qt, no I/O beyond reading the shipped rule files once):

    from app.tax import regions, estimate

    regions() -> list[tuple[str, str]]
        (code, display name) of every region a person can pick, sorted by display name:
        ("US-CA", "California (US)"), ("GB-SCT", "Scotland (UK)"), ("US-NY-NYC", "New York City (US)").

    estimate(region, year, filing_status, income) -> TaxEstimate | None
        region         the offer's `tax_region` ("US-CA", "DE", "US-NY-NYC") or None
        year           the tax year asked for (the file's `tax.year`, e.g. 2026)
        filing_status  "single" | "married_joint" | "head_of_household" (only US regions use it;
                       elsewhere it is ignored and the estimate's `filing_status` is None)
        income         one year of employment income in the region's currency, ≥ 0, in cents
                       (base + bonus + sign-on + relocation + RSUs vesting: the caller decides
                       what is taxed; the engine taxes what it is given as wages of one person)
        → None for None or a region without rules (never a guess from a neighbour);
          ValueError for an unknown filing status or a negative income.

    total_tax(region, year, filing_status, income) -> Decimal | None
        only the estimate's `total` (the same number), faster: for searches over many incomes

    TaxEstimate (frozen):
        region, region_name, currency
        year            the year asked; rules_year: the (oldest) year of the rules used
        fallback        True when the asked year's rules are not published and older ones are used
                        (the label then says so: "estimate, 2025 rules (2026 not yet published), …")
        filing_status   as given, or None outside the US
        income          the pay taxed (cents)
        total           the tax, cents, ≥ 0: the sum of `parts` (an estimate never shows a refund)
        parts           (TaxPart(name, amount, kind "income" | "social", region), …) in order,
                        e.g. Federal income tax, Social Security, Medicare, New York State income tax
        after_tax, income_tax, social   conveniences: income − total, and the sums by kind
        sources         the public sources of every rule used (URLs, statutes)
        rounding        how each authority rounds, per rule file
        label           "estimate, 2026 rules, single filer, this pay as the only income"
        assumptions     the region's key assumptions, from the rule files' `assumptions` (root
                        first): ("UK tax year 2026-27 (6 April 2026 to 5 April 2027)", …); show them
                        beside the figure. `notes`: each file's longer notes

Both are cached: each rule file is parsed once per process, each (region, year, status, income)
estimate computed once. Rules are in `resources/tax/<year>/<CODE>.toml`, documented in
`resources/tax/README.md`; `engine.py` is the one interpreter, `rules.py` the file schema,
`expr.py` the arithmetic of `formula` steps, `compiled.py` each chain and filing status compiled once
to one straight-line function doing the interpreter's very operations (what estimates run). Every
amount is an exact Decimal; rounding happens only where a rule file says the authority rounds, and
each part is rounded to cents (half up).
"""

from __future__ import annotations

from decimal import Decimal

from app.money import round_cents
from app.tax.engine import DEFAULT, STATUS_WORDS, Engine, RegionRules, TaxEstimate, TaxPart, label
from app.tax.rules import FILING_STATUSES, TaxRulesError

__all__ = [
    "FILING_STATUSES",
    "STATUS_WORDS",
    "Engine",
    "RegionRules",
    "TaxEstimate",
    "TaxPart",
    "TaxRulesError",
    "estimate",
    "estimate_label",
    "estimate_with",
    "region_rules",
    "regions",
    "total_tax",
]


def regions() -> list[tuple[str, str]]:
    """(code, display name) of every region with rules, for the region picker."""
    return DEFAULT.regions()


def estimate(region: str | None, year: int, filing_status: str, income: Decimal) -> TaxEstimate | None:
    """The tax on `income` (one person's wages for one year) in `region`, by `year`'s rules; None
    where the app has no rules for the region."""
    return estimate_with(DEFAULT, region, year, filing_status, income)


def estimate_with(
    engine: Engine, region: str | None, year: int, filing_status: str, income: Decimal
) -> TaxEstimate | None:
    """`estimate` against another set of rules (tests use a temporary folder of rule files)."""
    if filing_status not in FILING_STATUSES:
        raise ValueError(f"filing status must be one of {', '.join(FILING_STATUSES)}, not {filing_status!r}")
    if not isinstance(income, Decimal) or not income.is_finite() or income < 0:
        raise ValueError(f"income must be a Decimal amount ≥ 0, not {income!r}")
    if region is None:
        return None
    rules = engine.rules(region, int(year))
    if rules is None:
        return None
    status = filing_status if rules.uses_filing_status else "single"
    return engine.estimate(region, int(year), status, round_cents(income))


def total_tax(region: str | None, year: int, filing_status: str, income: Decimal) -> Decimal | None:
    """`estimate(...).total` without the rest of the estimate (cached too): for searches."""
    if filing_status not in FILING_STATUSES:
        raise ValueError(f"filing status must be one of {', '.join(FILING_STATUSES)}, not {filing_status!r}")
    if not isinstance(income, Decimal) or not income.is_finite() or income < 0:
        raise ValueError(f"income must be a Decimal amount ≥ 0, not {income!r}")
    if region is None:
        return None
    result: Decimal | None = DEFAULT.total(region, int(year), filing_status, round_cents(income))
    return result


def estimate_label(region: str, year: int, filing_status: str) -> str | None:
    """The label every estimate of `region` by `year`'s rules for `filing_status` carries ("estimate,
    2026 rules, single filer, this pay as the only income"), without an estimate; None where the app
    has no rules for the region."""
    if filing_status not in FILING_STATUSES:
        raise ValueError(f"filing status must be one of {', '.join(FILING_STATUSES)}, not {filing_status!r}")
    rules = DEFAULT.rules(region, int(year))
    if rules is None:
        return None
    return label(rules, int(year), filing_status if rules.uses_filing_status else None)


def region_rules(region: str, year: int) -> RegionRules | None:
    """The compiled chain of rule files behind a region (for tests and explanations)."""
    return DEFAULT.rules(region, year)
