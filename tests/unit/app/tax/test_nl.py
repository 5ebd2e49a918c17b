"""Netherlands (NL), 2026 and 2025 rules: expected figures worked by hand from the cited rules.

resources/tax/2026/NL.toml: box 1 below AOW age, 35.75 % to 38,883 €, 37.56 % to 78,426 €, 49.50 %
above (income in whole euros), less the algemene heffingskorting (3,115 € − 6.398 % of income above
29,736 €, not below 0) and the arbeidskorting (8.324 % to 11,965; 996 + 31.009 % of the excess to
25,845; 5,300 + 1.950 % to 45,592; 5,685 − 6.510 % of the excess above 45,592, not below 0); never
below 0.
"""

from __future__ import annotations

from decimal import Decimal

from app.tax import estimate

D = Decimal


def box1(income: str, year: int = 2026) -> Decimal:
    result = estimate("NL", year, "single", D(income))
    assert result is not None
    assert [p.name for p in result.parts] == ["Income tax and national insurance (box 1)"]
    return result.total


def test_low_pay_fully_offset_by_the_credits():
    # 35.75 % × 10,000 = 3,575; credits 3,115 + 8.324 % × 10,000 = 832.40 → 3,947.40 > 3,575: 0
    assert box1("10000") == D("0.00")


def test_low_pay_above_the_credits():
    # 35.75 % × 30,000 = 10,725; AHK 3,115 − 6.398 % × 264 = 3,098.11; AK 5,300 + 1.95 % × 4,155
    # = 5,381.0225; 10,725 − 3,098.10928 − 5,381.0225 = 2,245.86822 → 2,245.87
    assert box1("30000") == D("2245.87")


def test_middle_pay_in_the_second_bracket():
    # 35.75 % × 38,883 = 13,900.6725 + 37.56 % × 21,117 = 7,931.5452 → 21,832.2177
    # AHK 3,115 − 6.398 % × 30,264 = 1,178.70928; AK 5,685 − 6.51 % × 14,408 = 4,747.0392
    # 21,832.2177 − 5,925.74848 = 15,906.46922 → 15,906.47
    assert box1("60000") == D("15906.47")


def test_above_the_top_threshold_without_credits():
    # 13,900.6725 + 37.56 % × 39,543 = 14,852.3508 + 49.5 % × 121,574 = 60,179.13 → 88,932.1533;
    # both credits are 0 above 132,920
    assert box1("200000") == D("88932.15")


def test_cents_of_pay_are_dropped_before_the_tax():
    assert box1("60000.99") == box1("60000")


def test_2025_rules():
    # 35.82 % × 38,441 = 13,769.5662 + 37.48 % × 21,559 = 8,080.3132 → 21,849.8794
    # AHK 3,068 − 6.337 % × 31,594 = 1,065.88822; AK 5,599 − 6.51 % × 16,929 = 4,496.9221
    # 21,849.8794 − 5,562.81032 = 16,287.06908 → 16,287.07
    assert box1("60000", 2025) == D("16287.07")


def test_2025_rules_low_pay_and_above_the_top_threshold():
    # 35.82 % × 30,000 = 10,746; AHK 3,068 − 6.337 % × 1,594 = 2,966.98822; AK 5,220 + 2.258 % × 3,712
    # = 5,303.81696; 10,746 − 8,270.80518 = 2,475.19482 → 2,475.19
    assert box1("30000", 2025) == D("2475.19")
    # 13,769.5662 + 37.48 % × 38,376 = 14,383.3248 + 49.5 % × 123,183 = 60,975.585 → 89,128.476;
    # both credits 0 this far up
    assert box1("200000", 2025) == D("89128.48")
