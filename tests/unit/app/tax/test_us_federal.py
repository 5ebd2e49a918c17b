"""US federal income tax, Social Security and Medicare, 2025 and 2026, worked by hand from the sources
in resources/tax/<year>/US.toml (Rev. Proc. 2024-40 and P.L. 119-21 for 2025, Rev. Proc. 2025-32 for
2026; SSA wage bases 176,100 and 184,500; 26 U.S.C. 3101).

Below $100,000 of taxable income the IRS Tax Table decides: the tax of the midpoint of the $50 row
(from $3,000), rounded to whole dollars, half up. From $100,000: the exact schedule, in cents.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from app.tax import estimate as public_estimate
from app.tax import regions
from tests.unit.app.tax.support import estimate, parts

D = Decimal
FED = "Federal income tax"
SS = "Social Security"
MED = "Medicare"
ADD = "Additional Medicare Tax"


# (year, status, wages, federal income tax, Social Security, Medicare, additional Medicare)
CASES = [
    # ---- 2025, single: standard deduction 15,750 ----
    # 30,000 − 15,750 = 14,250 → row 14,250–14,300, midpoint 14,275:
    # 10 % × 11,925 + 12 % × (14,275 − 11,925) = 1,192.50 + 282 = 1,474.50 → 1,475
    (2025, "single", 30000, "1475", "1860.00", "435.00", "0"),  # SS 6.2 % × 30,000; Medicare 1.45 %
    # 100,000 − 15,750 = 84,250 → midpoint 84,275: 1,192.50 + 12 % × 36,550 = 4,386
    # + 22 % × (84,275 − 48,475) = 7,876 → 13,454.50 → 13,455
    (2025, "single", 100000, "13455", "6200.00", "1450.00", "0"),
    # 1,000,000 − 15,750 = 984,250 (schedule): 1,192.50 + 4,386 + 22 % × 54,875 = 12,072.50
    # + 24 % × 93,950 = 22,548 + 32 % × 53,225 = 17,032 + 35 % × 375,825 = 131,538.75
    # + 37 % × (984,250 − 626,350) = 132,423 → 321,192.75
    # SS 6.2 % × 176,100 = 10,918.20; Medicare 1.45 % × 1,000,000; additional 0.9 % × (1,000,000 − 200,000)
    (2025, "single", 1000000, "321192.75", "10918.20", "14500.00", "7200.00"),
    # ---- 2025, married filing jointly: standard deduction 31,500 ----
    # 40,000 − 31,500 = 8,500 → midpoint 8,525 × 10 % = 852.50 → 853
    (2025, "married_joint", 40000, "853", "2480.00", "580.00", "0"),
    # 150,000 − 31,500 = 118,500: 10 % × 23,850 = 2,385 + 12 % × 73,100 = 8,772
    # + 22 % × (118,500 − 96,950) = 4,741 → 15,898.00
    (2025, "married_joint", 150000, "15898.00", "9300.00", "2175.00", "0"),
    # 1,000,000 − 31,500 = 968,500: 2,385 + 8,772 + 22 % × 109,750 = 24,145 + 24 % × 187,900 = 45,096
    # + 32 % × 106,450 = 34,064 + 35 % × 250,550 = 87,692.50 + 37 % × 216,900 = 80,253 → 282,407.50
    # additional Medicare 0.9 % × (1,000,000 − 250,000) = 6,750
    (2025, "married_joint", 1000000, "282407.50", "10918.20", "14500.00", "6750.00"),
    # ---- 2025, head of household: standard deduction 23,625 ----
    # 35,000 − 23,625 = 11,375 → row 11,350–11,400, midpoint 11,375 × 10 % = 1,137.50 → 1,138
    (2025, "head_of_household", 35000, "1138", "2170.00", "507.50", "0"),
    # 120,000 − 23,625 = 96,375 → midpoint 96,375: 10 % × 17,000 = 1,700 + 12 % × 47,850 = 5,742
    # + 22 % × (96,375 − 64,850) = 6,935.50 → 14,377.50 → 14,378
    (2025, "head_of_household", 120000, "14378", "7440.00", "1740.00", "0"),
    # 700,000 − 23,625 = 676,375: 1,700 + 5,742 + 22 % × 38,500 = 8,470 + 24 % × 93,950 = 22,548
    # + 32 % × 53,200 = 17,024 + 35 % × 375,850 = 131,547.50 + 37 % × 50,025 = 18,509.25 → 205,540.75
    # additional 0.9 % × 500,000 = 4,500
    (2025, "head_of_household", 700000, "205540.75", "10918.20", "10150.00", "4500.00"),
    # ---- 2026, single: standard deduction 16,100; SS wage base 184,500 ----
    # 30,000 − 16,100 = 13,900 → midpoint 13,925: 10 % × 12,400 = 1,240 + 12 % × 1,525 = 183 → 1,423
    (2026, "single", 30000, "1423", "1860.00", "435.00", "0"),
    # 100,000 − 16,100 = 83,900 → midpoint 83,925: 1,240 + 12 % × 38,000 = 4,560
    # + 22 % × (83,925 − 50,400) = 7,375.50 → 13,175.50 → 13,176
    (2026, "single", 100000, "13176", "6200.00", "1450.00", "0"),
    # 1,000,000 − 16,100 = 983,900: 1,240 + 4,560 + 22 % × 55,300 = 12,166 + 24 % × 96,075 = 23,058
    # + 32 % × 54,450 = 17,424 + 35 % × 384,375 = 134,531.25 + 37 % × 343,300 = 127,021 → 320,000.25
    # SS 6.2 % × 184,500 = 11,439
    (2026, "single", 1000000, "320000.25", "11439.00", "14500.00", "7200.00"),
    # ---- 2026, married filing jointly: standard deduction 32,200 ----
    # 40,000 − 32,200 = 7,800 → midpoint 7,825 × 10 % = 782.50 → 783
    (2026, "married_joint", 40000, "783", "2480.00", "580.00", "0"),
    # 200,000 − 32,200 = 167,800: 10 % × 24,800 = 2,480 + 12 % × 76,000 = 9,120
    # + 22 % × (167,800 − 100,800) = 14,740 → 26,340.00; SS capped: 6.2 % × 184,500; no additional (≤ 250,000)
    (2026, "married_joint", 200000, "26340.00", "11439.00", "2900.00", "0"),
    # 1,000,000 − 32,200 = 967,800: 2,480 + 9,120 + 22 % × 110,600 = 24,332 + 24 % × 192,150 = 46,116
    # + 32 % × 108,900 = 34,848 + 35 % × 256,250 = 89,687.50 + 37 % × 199,100 = 73,667 → 280,250.50
    (2026, "married_joint", 1000000, "280250.50", "11439.00", "14500.00", "6750.00"),
    # ---- 2026, head of household: standard deduction 24,150 ----
    # 35,000 − 24,150 = 10,850 → midpoint 10,875 × 10 % = 1,087.50 → 1,088
    (2026, "head_of_household", 35000, "1088", "2170.00", "507.50", "0"),
    # 120,000 − 24,150 = 95,850 → midpoint 95,875: 10 % × 17,700 = 1,770 + 12 % × 49,750 = 5,970
    # + 22 % × (95,875 − 67,450) = 6,253.50 → 13,993.50 → 13,994
    (2026, "head_of_household", 120000, "13994", "7440.00", "1740.00", "0"),
    # 700,000 − 24,150 = 675,850: 1,770 + 5,970 + 22 % × 38,250 = 8,415 + 24 % × 96,050 = 23,052
    # + 32 % × 54,450 = 17,424 + 35 % × 384,400 = 134,540 + 37 % × 35,250 = 13,042.50 → 204,213.50
    (2026, "head_of_household", 700000, "204213.50", "11439.00", "10150.00", "4500.00"),
]


@pytest.mark.parametrize(("year", "status", "wages", "fed", "ss", "med", "add"), CASES)
def test_federal_tax_social_security_and_medicare_by_hand(year, status, wages, fed, ss, med, add):
    got = parts("US", year, status, wages)
    assert got == {FED: D(fed), SS: D(ss), MED: D(med), ADD: D(add)}
    assert estimate("US", year, status, wages).total == D(fed) + D(ss) + D(med) + D(add)


def test_nothing_below_the_standard_deduction_and_nothing_on_nothing():
    # 2025 single: 15,750 of wages leave 0 taxable; FICA still 7.65 %: 976.50 + 228.38 (228.375 half up)
    assert parts("US", 2025, "single", 15750) == {FED: D("0"), SS: D("976.50"), MED: D("228.38"), ADD: D("0")}
    assert estimate("US", 2025, "single", 0).total == D("0")


def test_the_wage_base_and_the_additional_medicare_threshold_are_edges():
    # 2025: exactly 176,100 → 6.2 % × 176,100 = 10,918.20; one cent more changes nothing
    assert parts("US", 2025, "single", "176100")[SS] == D("10918.20")
    assert parts("US", 2025, "single", "176100.01")[SS] == D("10918.20")
    # exactly 200,000 single: no additional tax; 200,100: 0.9 % × 100 = 0.90
    assert parts("US", 2025, "single", 200000)[ADD] == D("0")
    assert parts("US", 2025, "single", 200100)[ADD] == D("0.90")
    # married filing jointly: 250,000 threshold, 0.9 % × 10,000 = 90 at 260,000
    assert parts("US", 2026, "married_joint", 260000)[ADD] == D("90.00")


def test_the_tax_table_ends_at_100000_of_taxable_income():
    # 2025 single, taxable 99,999.99 (wages 115,749.99): row 99,950–100,000, midpoint 99,975
    # (under 103,350, still 22 %): 1,192.50 + 4,386 + 22 % × (99,975 − 48,475) = 11,330
    # → 16,908.50 → 16,909 (half up)
    assert parts("US", 2025, "single", "115749.99")[FED] == D("16909")
    # taxable 100,000 exactly (wages 115,750): the schedule, 1,192.50 + 4,386 + 22 % × 51,525 = 16,914.00
    assert parts("US", 2025, "single", 115750)[FED] == D("16914.00")


def test_the_federal_base_is_not_a_region_by_itself():
    assert public_estimate("US", 2026, "single", D(100000)) is None
    assert "US" not in dict(regions())


def test_the_estimate_cites_the_irs_and_the_ssa_and_says_how_it_rounds():
    result = estimate("US", 2026, "married_joint", 100000)
    assert "https://www.irs.gov/pub/irs-drop/rp-25-32.pdf#page=10" in result.sources
    assert "https://www.ssa.gov/oact/cola/cbb.html" in result.sources
    assert "Tax Table" in result.rounding
    assert result.label == "estimate, 2026 rules, married filing jointly, this pay as the only income"
