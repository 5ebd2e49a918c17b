"""Properties every rule file must hold, checked over every file in resources/tax/ (new regions are
covered the moment their file lands):

- the tax is never negative and never above the income;
- the total is the sum of the parts, each in cents;
- the tax never falls as income rises, except in a region whose file names the rule that lets it
  (`may_decrease`): that region's test is skipped with the rule's name and reason;
- every part cites a source, and every file says how its authority rounds.

Checked on a fixed ladder of incomes (every region, every filing status it uses) and on incomes
hypothesis draws (a modest number of examples, to keep the suite fast).
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.tax import FILING_STATUSES
from app.tax.engine import DEFAULT
from tests.unit.app.tax.support import all_chains, chain

D = Decimal
CHAINS = all_chains()
IDS = [f"{code}-{year}" for code, year in CHAINS]

# From nothing to well above every top threshold shipped (US 37 % from 640,600; NY 10.9 % from
# 25,000,000), with edges where rules change: a cent, allowances, wage bases, tax-table ends.
LADDER = sorted(
    {D(0), D("0.01"), D(1), D(99), D(1000), D(7500)}
    | {D(n) for n in range(10000, 100001, 5000)}
    | {D(n) for n in (12096, 12570, 15750, 16100, 24150, 31500, 32200, 73000, 99999)}
    | {D(n) for n in range(100000, 700001, 50000)}
    | {D(n) for n in (176100, 184500, 1000000, 1077550, 5000000, 26000000)}
)
INCOMES = st.decimals(min_value=0, max_value=3_000_000, places=2, allow_nan=False, allow_infinity=False)


def statuses(code: str, year: int) -> tuple[str, ...]:
    return FILING_STATUSES if chain(code, year).uses_filing_status else ("single",)


def total(code: str, year: int, status: str, income: Decimal) -> Decimal:
    return DEFAULT.estimate_chain(chain(code, year), year, status, income).total


def test_there_are_rule_files_and_each_loads():
    assert ("US", 2025) in CHAINS and ("US", 2026) in CHAINS
    for code, year in CHAINS:
        assert chain(code, year).files[-1].region.code == code


@pytest.mark.parametrize(("code", "year"), CHAINS, ids=IDS)
def test_on_a_ladder_of_incomes_tax_is_bounded_adds_up_and_never_falls(code, year):
    rules = chain(code, year)
    falls = []
    for status in statuses(code, year):
        previous = D(0)
        for income in LADDER:
            result = DEFAULT.estimate_chain(rules, year, status, income)
            assert D(0) <= result.total <= income, (status, income, result.parts)
            assert result.total == max(D(0), sum((p.amount for p in result.parts), D(0)))
            assert all(p.amount == p.amount.quantize(D("0.01")) for p in result.parts)
            assert all(p.kind in ("income", "social") for p in result.parts)
            if result.total < previous:
                falls.append(f"{status}: {previous} → {result.total} at {income}")
            previous = result.total
    if rules.may_decrease:  # bounds checked; whether it falls is the named rule's business
        pytest.skip("may fall by rule: " + "; ".join(f"{step}: {why}" for step, why in rules.may_decrease))
    assert not falls, "tax falls as income rises: " + "; ".join(falls)


@pytest.mark.parametrize(("code", "year"), CHAINS, ids=IDS)
def test_every_part_cites_a_source_and_every_file_says_how_it_rounds(code, year):
    rules = chain(code, year)
    for rule_file in rules.files:
        assert rule_file.region.rounding.strip()
    header_sources = {f.region.code: f.region.sources for f in rules.files}
    for step in rules.steps:
        if step.rule.part is not None:
            assert step.rule.sources or header_sources[step.region], step.qualified
        for url in step.rule.sources:
            assert url.startswith(("https://", "http://")), (step.qualified, url)


def _chain_and_status():
    pairs = [(code, year, status) for code, year in CHAINS for status in statuses(code, year)]
    return st.sampled_from(pairs)


@given(where=_chain_and_status(), a=INCOMES, b=INCOMES)
def test_drawn_incomes_keep_the_properties(where, a, b):
    code, year, status = where
    low, high = sorted((a, b))
    tax_low, tax_high = total(code, year, status, low), total(code, year, status, high)
    assert D(0) <= tax_low <= low and D(0) <= tax_high <= high
    if not chain(code, year).may_decrease:
        assert tax_high >= tax_low, f"{code} {year} {status}: {tax_low} at {low} but {tax_high} at {high}"
