"""Australia (AU): app year 2026 = the 2026–27 income year, 2025 = 2025–26. Worked by hand.

resources/tax/2026/AU.toml: resident rates 0 to 18,200, 15 % to 45,000, 30 % to 135,000, 37 % to
190,000, 45 % above (taxable income in whole dollars); less the low income tax offset (700; less 5 c
per $ over 37,500; from 45,000: 325 less 1.5 c per $ over 45,000); Medicare levy 2 %, none at or
below 27,222, at most 10 % of the excess over 27,222.
"""

from __future__ import annotations

from decimal import Decimal

from app.tax import estimate
from tests.unit.app.tax import support

D = Decimal


def parts(income: str, year: int = 2026) -> dict[str, Decimal]:
    return support.parts("AU", year, "single", income)


def test_medicare_levy_shade_in_matches_the_atos_example():
    got = parts("29000")
    # the ATO's own example (Angie, taxable income $29,000, single): levy reduced to $177.80
    # = 10 % × (29,000 − 27,222); 2 % would be 580
    assert got["Medicare levy"] == D("177.80")
    # 15 % × (29,000 − 18,200) = 1,620 − LITO 700 = 920
    assert got["Income tax"] == D("920.00")


def test_low_pay_under_every_threshold():
    # under the 18,200 tax-free threshold and the 27,222 Medicare threshold
    assert estimate("AU", 2026, "single", D("18000")).total == D("0.00")


def test_low_pay_with_the_offset_tapering():
    got = parts("40000")
    # 15 % × 21,800 = 3,270; LITO 700 − 5 % × 2,500 = 575 → 2,695
    assert got["Income tax"] == D("2695.00")
    assert got["Medicare levy"] == D("800.00")  # 2 % × 40,000 (over 34,027)


def test_middle_pay():
    got = parts("60000")
    # 4,020 + 30 % × 15,000 = 8,520; LITO 325 − 1.5 % × 15,000 = 100 → 8,420
    assert got["Income tax"] == D("8420.00")
    assert got["Medicare levy"] == D("1200.00")
    assert estimate("AU", 2026, "single", D("60000")).total == D("9620.00")


def test_above_the_top_threshold():
    got = parts("250000")
    # 51,370 + 45 % × 60,000 = 78,370 (no LITO above 66,667)
    assert got["Income tax"] == D("78370.00")
    assert got["Medicare levy"] == D("5000.00")


def test_cents_of_taxable_income_are_ignored():
    assert parts("60000.99") == parts("60000")


def test_2025_26_has_the_16_percent_bottom_rate():
    got = parts("60000", 2025)
    # 16 % × 26,800 = 4,288 + 30 % × 15,000 = 8,788 − LITO 100 = 8,688
    assert got["Income tax"] == D("8688.00")
    assert estimate("AU", 2025, "single", D("60000")).total == D("9888.00")


def test_2025_26_low_pay_and_above_the_top_threshold():
    got = parts("40000", 2025)
    # 16 % × (40,000 − 18,200 = 21,800) = 3,488; LITO 700 − 5 % × (40,000 − 37,500) = 575 → 2,913
    assert got["Income tax"] == D("2913.00")
    assert got["Medicare levy"] == D("800.00")  # 2 % × 40,000 (past the shade-in)
    got = parts("250000", 2025)
    # 16 % × 26,800 = 4,288 + 30 % × 90,000 = 27,000 + 37 % × 55,000 = 20,350 + 45 % × 60,000 = 27,000
    # → 78,638 (no LITO above 66,667)
    assert got["Income tax"] == D("78638.00")
    assert estimate("AU", 2025, "single", D("250000")).total == D("83638.00")  # + 2 % × 250,000 = 5,000
