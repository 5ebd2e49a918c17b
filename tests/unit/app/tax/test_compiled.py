"""The compiled chains (`app.tax.compiled`, what every estimate runs) against the closures they were
compiled from (`RegionRules.evaluate_reference`): every shipped chain, every filing status it uses,
every step's value the same Decimal, digit for digit, on a ladder of incomes and on drawn incomes.

The estimates' hand-worked figures are checked region by region in the other tests here; this one
says the fast path can't drift from the rules' meaning anywhere those figures don't look.
"""

from __future__ import annotations

import textwrap
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.money import round_cents
from app.tax import Engine, TaxRulesError, estimate_with
from app.tax.engine import TaxEstimate, TaxPart
from tests.unit.app.tax.support import all_chains, chain, estimate

D = Decimal
CHAINS = all_chains()
IDS = [f"{code}-{year}" for code, year in CHAINS]
STATUSES = ("single", "married_joint", "head_of_household")

# every 10,000 to 300,000, with the cents and the edges where a rule changes (a bracket's threshold,
# a wage base, a tax table's end: a cent either side), then well above every top bracket
LADDER = sorted(
    {D(n) for n in range(0, 300_001, 10_000)}
    | {D(n) + c for n in (12570, 16100, 50270, 100000, 100001, 125140, 184500, 200000) for c in (D("-0.01"), D("0.01"))}
    | {D("0.01"), D("0.49"), D("0.50"), D("99.99"), D("45678.91"), D("87654.32"), D("123456.78")}
    | {D(n) for n in (350_000, 500_000, 640_600, 1_000_000, 1_077_550, 5_000_000, 26_000_000)}
)


def _statuses(code: str, year: int) -> tuple[str, ...]:
    return STATUSES if chain(code, year).uses_filing_status else ("single",)


def _same(code: str, year: int, status: str, income: Decimal) -> list[str]:
    rules = chain(code, year)
    fast, reference = rules.evaluate(income, status), rules.evaluate_reference(income, status)
    assert list(fast) == list(reference)
    # str: the same digits and exponent, not only an equal value
    misses = [f"{status} {income} {name}: {fast[name]} vs {value}" for name, value in reference.items()
              if str(fast[name]) != str(value)]
    # what an estimate shows: each part rounded to cents, the total their sum (never below 0)
    amounts = tuple(round_cents(reference[step.qualified]) for step in rules.part_steps)
    total = max(D(0), sum(amounts, D(0)))
    got_amounts, got_total = rules.compiled(status).cents(income)
    if tuple(map(str, got_amounts)) != tuple(map(str, amounts)) or str(got_total) != str(total):
        misses.append(f"{status} {income}: parts {got_amounts} total {got_total}, not {amounts} {total}")
    return misses


@pytest.mark.parametrize(("code", "year"), CHAINS, ids=IDS)
def test_every_step_of_every_chain_has_the_reference_value_on_a_ladder_of_incomes(code, year):
    misses = [
        miss for status in _statuses(code, year) for income in LADDER for miss in _same(code, year, status, income)
    ]
    assert not misses, "\n".join(misses[:20])


@given(where=st.sampled_from(CHAINS), status=st.sampled_from(STATUSES),
       income=st.decimals(min_value=0, max_value=2_000_000, places=2, allow_nan=False, allow_infinity=False))
def test_drawn_incomes_have_the_reference_values(where, status, income):
    code, year = where
    if not chain(code, year).uses_filing_status:
        status = "single"
    assert not _same(code, year, status, income)


def test_an_estimate_is_the_dataclass_it_says(tmp_path):
    """Built without the dataclass's __init__ (engine: _part, _fixed_fields): equal, hashable, frozen."""
    found = estimate("US-CA", 2026, "single", "150000")
    again = TaxEstimate(**{name: getattr(found, name) for name in TaxEstimate.__dataclass_fields__})
    assert found == again and hash(found) == hash(again) and repr(found) == repr(again)
    federal = found.parts[0]
    assert federal == TaxPart("Federal income tax", D("24734.00"), "income", "US")
    with pytest.raises(AttributeError):
        found.total = D(0)  # type: ignore[misc]


def test_zone_bounds_read_from_steps_are_checked_while_evaluating(tmp_path: Path):
    """A zone's `over` may name an earlier step: bounds that don't increase are said at the estimate."""
    body = textwrap.dedent('''
        format = 1
        [region]
        code = "XX"
        name = "XX land"
        year = 2025
        currency = "EUR"
        rounding = "cents"

        [[steps]]
        name = "high"
        type = "formula"
        expr = "income / 2"
        source = "https://example.org/zones"

        [[steps]]
        name = "t"
        type = "formula"
        of = "income"
        part = "Tax"
        kind = "income"
        source = "https://example.org/zones"
        zones = [{ expr = "0" }, { over = 1000, expr = "x * 0.1" }, { over = "high", expr = "x * 0.2" }]
    ''')
    (tmp_path / "2025").mkdir()
    (tmp_path / "2025" / "XX.toml").write_text(body, encoding="utf-8")
    engine = Engine(tmp_path)
    found = estimate_with(engine, "XX", 2025, "single", D(5000))  # bounds 1000 then 2500: x=5000 over both
    assert found is not None and found.total == D("1000.00")
    said = r"^XX \(2025\) step XX.t: zone bounds 1000 then 750.00 are not increasing$"
    with pytest.raises(TaxRulesError, match=said):
        estimate_with(engine, "XX", 2025, "single", D(1500))  # 1000 then 750: not increasing
    rules = engine.rules("XX", 2025)
    assert rules is not None
    with pytest.raises(TaxRulesError, match=r"zone bounds 1000 then 750.00 are not increasing$"):
        rules.evaluate_reference(D("1500.00"), "single")  # the closures say it alike
