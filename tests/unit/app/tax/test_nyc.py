"""New York City resident income tax, 2025 and 2026 (same numbers), worked by hand from IT-201's
instructions (NYC tax table and rate schedule, household credit, school tax credits) as cited in
resources/tax/<year>/US-NY-NYC.toml.

NYC taxable income = NY taxable income = wages − the NY standard deduction (8,000 single, 16,050
joint, 11,200 head of household). Below 65,000 the NYC tax table: the tax of the $50 row's
midpoint, whole dollars, half up. Only the city's own parts are checked here: New York State is
the tax-us-states branch's file.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from app.tax import estimate, region_rules, regions
from tests.unit.app.tax.support import parts

D = Decimal
NYC = "US-NY-NYC"
TAX = "New York City income tax"
SCHOOL = "NYC school tax credit"


# (status, wages, NYC income tax after the household credit, school tax credit (a negative part))
CASES = [
    # ---- single ----
    # NY taxable 10,000 − 8,000 = 2,000 → row 2,000–2,050, midpoint 2,025 × 3.078 % = 62.33 → 62;
    # household credit (FAGI not over 10,000) 15 → 47. School: 63 + 0.171 % × 2,000 = 3.42 → 66.42
    ("single", 10000, "47", "-66.42"),
    # NY taxable 12,000 → row 12,000–12,050, midpoint 12,025: 369 + 3.762 % × 25 = 369.94 → 370;
    # FAGI over 12,500: no household credit. School: 63 + 0.171 % × 12,000 = 20.52 → 83.52
    ("single", 20000, "370", "-83.52"),
    # NY taxable 92,000 (schedule): 1,813 + 3.876 % × 42,000 = 1,813 + 1,627.92 = 3,440.92.
    # School: 63 + 21 + 0.228 % × (92,000 − 12,000) = 63 + 21 + 182.40 = 266.40
    ("single", 100000, "3440.92", "-266.40"),
    # NY taxable 592,000: 1,813 + 3.876 % × 542,000 = 1,813 + 21,007.92 = 22,820.92; FAGI over
    # 500,000: no school tax credit at all
    ("single", 600000, "22820.92", "0"),
    # ---- married filing jointly (household credit: 2 exemptions) ----
    # NY taxable 30,000 − 16,050 = 13,950 → midpoint 13,975 × 3.078 % = 430.15 → 430; FAGI over
    # 22,500: no household credit. School: 125 + 0.171 % × 13,950 = 23.8545 → 148.8545 → 148.85
    ("married_joint", 30000, "430", "-148.85"),
    # NY taxable 133,950: 3,264 + 3.876 % × 43,950 = 3,264 + 1,703.502 = 4,967.50.
    # School: 125 + 37 + 0.228 % × (133,950 − 21,600) = 125 + 37 + 256.158 = 418.158 → 418.16
    ("married_joint", 150000, "4967.50", "-418.16"),
    # NY taxable 983,950: 3,264 + 3.876 % × 893,950 = 3,264 + 34,649.502 = 37,913.50; no school credit
    ("married_joint", 1000000, "37913.50", "0"),
    # NY taxable 20,000 − 16,050 = 3,950 → midpoint 3,975 × 3.078 % = 122.35 → 122; household credit
    # (FAGI over 17,500, not over 20,000) $15 × 2 = 30 → 92. School: 125 + 0.171 % × 3,950 = 6.7545
    # → 131.7545 → 131.75
    ("married_joint", 20000, "92", "-131.75"),
    # ---- head of household (no dependents: household credit for 1 exemption) ----
    # NY taxable 20,000 − 11,200 = 8,800 → midpoint 8,825 × 3.078 % = 271.63 → 272; household
    # credit $15 × 1 → 257. School: 63 + 0.171 % × 8,800 = 15.048 → 78.048 → 78.05
    ("head_of_household", 20000, "257", "-78.05"),
    # NY taxable 88,800: 2,176 + 3.876 % × 28,800 = 2,176 + 1,116.288 = 3,292.29.
    # School: 63 + 25 + 0.228 % × (88,800 − 14,400) = 63 + 25 + 169.632 = 257.632 → 257.63
    ("head_of_household", 100000, "3292.29", "-257.63"),
    # NY taxable 688,800: 2,176 + 3.876 % × 628,800 = 2,176 + 24,372.288 = 26,548.29; no school credit
    ("head_of_household", 700000, "26548.29", "0"),
]


@pytest.mark.parametrize("year", [2025, 2026])
@pytest.mark.parametrize(("status", "wages", "tax", "school"), CASES)
def test_nyc_tax_and_school_credit_by_hand(year, status, wages, tax, school):
    assert parts(NYC, year, status, wages, region=NYC) == {TAX: D(tax), SCHOOL: D(school)}


def test_new_york_city_stacks_on_new_york_state_and_the_federal_taxes():
    result = estimate(NYC, 2025, "single", D(100000))
    assert result.region_name == "New York City (US)"
    assert [p.region for p in result.parts][:4] == ["US", "US", "US", "US"]  # federal, SS, Medicare, additional
    assert {p.region for p in result.parts} == {"US", "US-NY", NYC}
    assert result.total == sum(p.amount for p in result.parts)
    assert ("US-NY-NYC", "New York City (US)") in regions()


def test_the_table_gives_way_to_the_schedule_at_65000():
    # NY taxable 64,999.99 → row 64,950–65,000, midpoint 64,975: 1,813 + 3.876 % × 14,975 = 2,393.43 → 2,393
    assert parts(NYC, 2025, "single", "72999.99", region=NYC)[TAX] == D("2393")
    # NY taxable 65,000: 1,813 + 3.876 % × 15,000 = 1,813 + 581.40 = 2,394.40
    assert parts(NYC, 2025, "single", 73000, region=NYC)[TAX] == D("2394.40")


def test_the_school_tax_credit_ends_at_250000_and_500000_of_income():
    # FAGI 250,000: fixed 63 + 21 + 0.228 % × (242,000 − 12,000) = 63 + 21 + 524.40 = 608.40
    assert parts(NYC, 2025, "single", 250000, region=NYC)[SCHOOL] == D("-608.40")
    # a cent more: the fixed 63 is gone; 21 + 0.228 % × 230,000.01 = 545.4000228 → 545.40
    assert parts(NYC, 2025, "single", "250000.01", region=NYC)[SCHOOL] == D("-545.40")
    # FAGI 500,000: 21 + 0.228 % × (492,000 − 12,000) = 21 + 1,094.40 = 1,115.40; a cent more: none
    assert parts(NYC, 2025, "single", 500000, region=NYC)[SCHOOL] == D("-1115.40")
    assert parts(NYC, 2025, "single", "500000.01", region=NYC)[SCHOOL] == D("0")


def test_the_printed_rate_reduction_table_is_the_one_place_the_tax_may_fall():
    """The rule the file names with `may_decrease`: 0.171 % × 12,000 = 20.52, but the table's next
    line starts at $21, so one cent of income past 20,000 (single) lowers the city's parts by 0.48."""
    at = parts(NYC, 2025, "single", 20000, region=NYC)
    after = parts(NYC, 2025, "single", "20000.01", region=NYC)
    assert (at[TAX], at[SCHOOL]) == (D("370"), D("-83.52"))  # 63 + 20.52
    assert (after[TAX], after[SCHOOL]) == (D("370"), D("-84.00"))  # 63 + 21 + 0.228 % × 0.01
    rules = region_rules(NYC, 2025)
    assert [step for step, _ in rules.may_decrease] == ["US-NY-NYC.school_credit_rate_reduction_table"]


def test_2026_says_whether_any_of_its_files_are_older():
    result = estimate(NYC, 2026, "single", D(100000))
    assert result.year == 2026
    assert result.fallback == (result.rules_year < 2026)  # New York State may still be 2025's file
    assert result.label.startswith("estimate, 2026 rules")
    assert result.label.endswith("single filer, this pay as the only income")
