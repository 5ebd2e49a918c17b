"""Singapore (SG): app year 2026 = 2026 income (YA 2027), 2025 = 2025 income (YA 2026). By hand.

resources/tax/2026/SG.toml: employee CPF (55 or below): nothing to $6,000 a year, 0.6 × (pay − 6,000)
to $9,000, then 20 % of pay up to $102,000; chargeable income = pay − CPF − $1,000 earned income
relief; resident rates: 0 % to 20,000, 2 % to 30,000, 3.5 % to 40,000, 7 % to 80,000, 11.5 % to
120,000, 15 % to 160,000, 18 % to 200,000, 19 % to 240,000, 19.5 % to 280,000, 20 % to 320,000,
22 % to 500,000, 23 % to 1,000,000, 24 % above.
"""

from __future__ import annotations

from decimal import Decimal

from app.tax import estimate
from tests.unit.app.tax import support

D = Decimal


def parts(income: str, year: int = 2026) -> dict[str, Decimal]:
    return support.parts("SG", year, "single", income)


def test_cpf_phase_in_for_very_low_pay():
    got = parts("8000")
    # 0.6 × (8,000 − 6,000) = 1,200; chargeable 8,000 − 1,200 − 1,000 = 5,800: no tax
    assert got == {"CPF (employee contribution)": D("1200.00"), "Income tax": D("0.00")}


def test_low_pay():
    got = parts("30000")
    # CPF 20 % × 30,000 = 6,000; chargeable 30,000 − 6,000 − 1,000 = 23,000; 2 % × 3,000 = 60
    assert got == {"CPF (employee contribution)": D("6000.00"), "Income tax": D("60.00")}


def test_middle_pay():
    got = parts("100000")
    # CPF 20 % × 100,000 = 20,000; chargeable 79,000; 550 + 7 % × 39,000 = 2,730 → 3,280
    assert got == {"CPF (employee contribution)": D("20000.00"), "Income tax": D("3280.00")}


def test_cpf_stops_at_the_annual_salary_ceiling():
    got = parts("200000")
    # CPF 20 % × 102,000 = 20,400; chargeable 178,600; 13,950 + 18 % × 18,600 = 3,348 → 17,298
    assert got == {"CPF (employee contribution)": D("20400.00"), "Income tax": D("17298.00")}


def test_above_the_top_threshold():
    got = parts("1500000")
    # chargeable 1,500,000 − 20,400 − 1,000 = 1,478,600; 199,150 + 24 % × 478,600 = 114,864
    # → 314,014
    assert got["Income tax"] == D("314014.00")
    assert estimate("SG", 2026, "single", D("1500000")).total == D("334414.00")


def test_2025_income():
    got = parts("100000", 2025)
    # the same rates (YA 2024 onwards) and the same $102,000 annual ceiling: CPF 20 % × 100,000
    # = 20,000; chargeable 79,000; 550 + 7 % × 39,000 → 3,280
    assert got == {"CPF (employee contribution)": D("20000.00"), "Income tax": D("3280.00")}
    got = parts("8500", 2025)
    # phase-in: 0.6 × 2,500 = 1,500
    assert got["CPF (employee contribution)"] == D("1500.00")


def test_2025_income_low_and_above_the_top_threshold():
    # the same rates, relief and CPF ceiling as 2026 (above): 30,000 → CPF 20 % × 30,000 = 6,000;
    # chargeable 23,000; 2 % × 3,000 = 60
    assert parts("30000", 2025) == {"CPF (employee contribution)": D("6000.00"), "Income tax": D("60.00")}
    # 1,500,000 → CPF 20 % × 102,000 = 20,400; chargeable 1,478,600; 199,150 + 24 % × 478,600
    # = 114,864 → 314,014
    assert parts("1500000", 2025) == {"CPF (employee contribution)": D("20400.00"), "Income tax": D("314014.00")}
