"""Ireland (IE), 2026 and 2025 rules: expected figures worked by hand from the cited rules.

resources/tax/2026/IE.toml: income tax 20 % on the first 44,000 €, 40 % above, less the personal
(2,000 €) and employee (2,000 €) credits, never below 0; USC 0.5 % to 12,012, 2 % to 28,700, 3 % to
70,044, 8 % above, nothing at all at 13,000 € or less; PRSI class A: nothing at 352 € a week or less
(18,304 € a year), else (39 × 4.2 % + 13 × 4.35 %) / 52 = 4.2375 % of all pay, less the PRSI credit
624 € − (pay − 18,304.52) / 6 (not below 0).
"""

from __future__ import annotations

from decimal import Decimal

from app.tax import estimate
from tests.unit.app.tax import support

D = Decimal


def parts(income: str, year: int = 2026) -> dict[str, Decimal]:
    return support.parts("IE", year, "single", income)


def test_low_pay_with_the_prsi_credit():
    got = parts("20000")
    # income tax: 20 % × 20,000 = 4,000 − (2,000 + 2,000) = 0
    assert got["Income tax"] == D("0.00")
    # USC: 0.5 % × 12,012 = 60.06 + 2 % × (20,000 − 12,012) = 159.76 → 219.82
    assert got["Universal Social Charge (USC)"] == D("219.82")
    # PRSI: 4.2375 % × 20,000 = 847.50; credit 624 − (20,000 − 18,304.52) / 6 = 624 − 282.58 = 341.42
    # → 847.50 − 341.42 = 506.08
    assert got["PRSI (class A)"] == D("506.08")
    assert estimate("IE", 2026, "single", D("20000")).total == D("725.90")


def test_usc_exemption_ends_above_13000():
    # 13,000 € or less: no USC, and no PRSI (under 18,304 € a year)
    assert estimate("IE", 2026, "single", D("13000")).total == D("0.00")
    # 13,001: USC on all of it, 0.5 % × 12,012 = 60.06 + 2 % × 989 = 19.78 → 79.84
    assert parts("13001")["Universal Social Charge (USC)"] == D("79.84")


def test_middle_pay_in_the_higher_rate_band():
    got = parts("60000")
    # 20 % × 44,000 = 8,800 + 40 % × 16,000 = 6,400 → 15,200 − 4,000 = 11,200
    assert got["Income tax"] == D("11200.00")
    # 60.06 + 2 % × 16,688 = 333.76 + 3 % × (60,000 − 28,700) = 939.00 → 1,332.82
    assert got["Universal Social Charge (USC)"] == D("1332.82")
    # 4.2375 % × 60,000 (no credit above 22,048.52)
    assert got["PRSI (class A)"] == D("2542.50")
    assert estimate("IE", 2026, "single", D("60000")).total == D("15075.32")


def test_above_the_top_usc_threshold():
    got = parts("150000")
    # 8,800 + 40 % × 106,000 = 42,400 → 51,200 − 4,000 = 47,200
    assert got["Income tax"] == D("47200.00")
    # 60.06 + 333.76 + 3 % × (70,044 − 28,700) = 1,240.32 + 8 % × (150,000 − 70,044) = 6,396.48
    # → 8,030.62
    assert got["Universal Social Charge (USC)"] == D("8030.62")
    assert got["PRSI (class A)"] == D("6356.25")  # 4.2375 % × 150,000
    assert estimate("IE", 2026, "single", D("150000")).total == D("61586.87")


def test_2025_rules():
    got = parts("40000", 2025)
    # 20 % × 40,000 = 8,000 − 4,000 = 4,000
    assert got["Income tax"] == D("4000.00")
    # 2025's 2 % band ends at 27,382: 60.06 + 2 % × 15,370 = 307.40 + 3 % × 12,618 = 378.54 → 746.00
    assert got["Universal Social Charge (USC)"] == D("746.00")
    # (39 × 4.1 % + 13 × 4.2 %) / 52 = 4.125 % × 40,000
    assert got["PRSI (class A)"] == D("1650.00")


def test_2025_rules_low_pay_and_above_the_top_usc_threshold():
    got = parts("20000", 2025)
    # income tax 20 % × 20,000 = 4,000 − 4,000 = 0; USC 60.06 + 2 % × 7,988 = 159.76 → 219.82
    # PRSI 4.125 % × 20,000 = 825; credit 624 − (20,000 − 18,304.52) / 6 = 624 − 282.58 = 341.42 → 483.58
    assert got == {
        "Income tax": D("0.00"),
        "Universal Social Charge (USC)": D("219.82"),
        "PRSI (class A)": D("483.58"),
    }
    got = parts("150000", 2025)
    # income tax 8,800 + 40 % × 106,000 = 42,400 → 51,200 − 4,000 = 47,200
    # USC 60.06 + 2 % × 15,370 = 307.40 + 3 % × (70,044 − 27,382 = 42,662) = 1,279.86 + 8 % × 79,956
    # = 6,396.48 → 8,043.80; PRSI 4.125 % × 150,000 = 6,187.50
    assert got == {
        "Income tax": D("47200.00"),
        "Universal Social Charge (USC)": D("8043.80"),
        "PRSI (class A)": D("6187.50"),
    }
    assert estimate("IE", 2025, "single", D("150000")).total == D("61431.30")
