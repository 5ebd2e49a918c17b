"""Germany (DE), 2026 and 2025 rules: expected figures worked by hand from the cited rules.

resources/tax/2026/DE.toml: the §32a EStG tariff on zvE = pay − 1,230 € (Arbeitnehmer-Pauschbetrag)
− 36 € (Sonderausgaben-Pauschbetrag) − the PAP's Vorsorgepauschale; the solidarity surcharge (5.5 %,
Freigrenze 20,350 €, at most 11.9 % of the excess); employee social insurance 2026: pension 9.3 % and
unemployment 1.3 % up to 101,400 €, health 7.3 % + 1.45 % (half the average 2.9 % Zusatzbeitrag) and
care 2.4 % (childless) up to 69,750 €.

Vorsorgepauschale 2026 = 9.3 % × min(pay, 101,400) + max(H, min(1.3 % × min(pay, 101,400) + H, 1,900))
with H = 10.85 % × min(pay, 69,750) (7.0 % reduced health rate + 1.45 % + 2.4 % care).

Also checked against the BMF's own calculator: yearly wage tax for class I as the BMF's external
interface returns it (fixture vectors cached from https://www.bmf-steuerrechner.de/interface/
2026Version1.xhtml?code=LSt2026ext and published in github.com/canida-software/lohnsteuer,
tests/fixtures/bmf-2026.json and its README), with the same file's rules given the BMF example's
inputs (its default: no Zusatzbeitrag, no childless surcharge).
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from app.tax import Engine, estimate, estimate_with
from app.tax.rules import tax_dir
from tests.unit.app.tax import support

D = Decimal


def parts(income: str, year: int = 2026) -> dict[str, Decimal]:
    return support.parts("DE", year, "single", income)


def test_low_pay_in_the_second_zone_of_the_tariff():
    got = parts("18000")
    # pension 9.3 % × 18,000 = 1,674.00; unemployment 1.3 % = 234.00; health 8.75 % = 1,575.00;
    # care 2.4 % = 432.00
    assert got["Pension insurance (Rentenversicherung)"] == D("1674.00")
    assert got["Unemployment insurance (Arbeitslosenversicherung)"] == D("234.00")
    assert got["Health insurance (Krankenversicherung)"] == D("1575.00")
    assert got["Long-term care insurance (Pflegeversicherung)"] == D("432.00")
    # Vorsorgepauschale: 1,674 + max(10.85 % × 18,000 = 1,953, min(234 + 1,953, 1,900) = 1,900) = 3,627
    # zvE = 18,000 − 1,230 − 36 − 3,627 = 13,107; y = (13,107 − 12,348) / 10,000 = 0.0759
    # (914.51 × 0.0759 + 1,400) × 0.0759 = 1,469.411309 × 0.0759 = 111.528… → 111
    assert got["Income tax (Einkommensteuer)"] == D("111.00")
    assert got["Solidarity surcharge (Solidaritätszuschlag)"] == D("0.00")  # 111 ≤ 20,350
    # 1,674 + 234 + 1,575 + 432 + 111
    assert estimate("DE", 2026, "single", D("18000")).total == D("4026.00")


def test_pay_under_the_basic_allowance_pays_only_social_insurance():
    got = parts("12000")
    # Vorsorgepauschale: 1,116 + max(1,302, min(156 + 1,302 = 1,458, 1,900)) = 2,574 (here the
    # unemployment contribution counts); zvE = 12,000 − 1,266 − 2,574 = 8,160 ≤ 12,348: no tax
    assert got["Income tax (Einkommensteuer)"] == D("0.00")
    # 9.3 % + 1.3 % + 8.75 % + 2.4 % = 21.75 % × 12,000
    assert estimate("DE", 2026, "single", D("12000")).total == D("2610.00")


def test_middle_pay_in_the_progressive_zone():
    got = parts("60000")
    # health 8.75 % × 60,000 = 5,250.00 (under the 69,750 ceiling); care 2.4 % = 1,440.00
    assert got["Health insurance (Krankenversicherung)"] == D("5250.00")
    # Vorsorgepauschale: 9.3 % × 60,000 = 5,580 + 10.85 % × 60,000 = 6,510 → 12,090
    # zvE = 60,000 − 1,266 − 12,090 = 46,644; z = (46,644 − 17,799) / 10,000 = 2.8845
    # (173.10 × 2.8845 + 2,397) × 2.8845 + 1,034.87 = 2,896.30695 × 2.8845 + 1,034.87
    # = 8,354.3974… + 1,034.87 = 9,389.27… → 9,389
    assert got["Income tax (Einkommensteuer)"] == D("9389.00")
    assert got["Solidarity surcharge (Solidaritätszuschlag)"] == D("0.00")  # 9,389 ≤ 20,350
    # 5,580 + 780 + 5,250 + 1,440 + 9,389
    assert estimate("DE", 2026, "single", D("60000")).total == D("22439.00")


def test_solidarity_surcharge_in_its_milderungszone():
    got = parts("100000")
    # health and care capped at 69,750: 8.75 % × 69,750 = 6,103.125 → 6,103.13; 2.4 % = 1,674.00
    assert got["Health insurance (Krankenversicherung)"] == D("6103.13")
    assert got["Long-term care insurance (Pflegeversicherung)"] == D("1674.00")
    # Vorsorgepauschale: 9,300 + 10.85 % × 69,750 = 7,567.875 → 16,867.875
    # zvE = 100,000 − 1,266 − 16,867.875 = 81,866.125 → 81,866
    # 0.42 × 81,866 − 11,135.63 = 34,383.72 − 11,135.63 = 23,248.09 → 23,248
    assert got["Income tax (Einkommensteuer)"] == D("23248.00")
    # min(5.5 % × 23,248 = 1,278.64, 11.9 % × (23,248 − 20,350) = 344.862) → 344.86 (cents down)
    assert got["Solidarity surcharge (Solidaritätszuschlag)"] == D("344.86")
    # 9,300 + 1,300 + 6,103.13 + 1,674 + 23,248 + 344.86
    assert estimate("DE", 2026, "single", D("100000")).total == D("41969.99")


def test_above_the_top_threshold_and_every_ceiling():
    got = parts("350000")
    # pension and unemployment capped at 101,400: 9,430.20 and 1,318.20
    assert got["Pension insurance (Rentenversicherung)"] == D("9430.20")
    assert got["Unemployment insurance (Arbeitslosenversicherung)"] == D("1318.20")
    # Vorsorgepauschale: 9,430.20 + 7,567.875 = 16,998.075
    # zvE = 350,000 − 1,266 − 16,998.075 = 331,735.925 → 331,735 (> 277,825: the 45 % zone)
    # 0.45 × 331,735 − 19,470.38 = 149,280.75 − 19,470.38 = 129,810.37 → 129,810
    assert got["Income tax (Einkommensteuer)"] == D("129810.00")
    # 5.5 % × 129,810 = 7,139.55 (less than 11.9 % × 109,460 = 13,025.74)
    assert got["Solidarity surcharge (Solidaritätszuschlag)"] == D("7139.55")
    # 9,430.20 + 1,318.20 + 6,103.13 + 1,674.00 + 129,810 + 7,139.55
    assert estimate("DE", 2026, "single", D("350000")).total == D("155475.08")


def test_filing_status_is_ignored_in_germany():
    single = estimate("DE", 2026, "single", D("80000"))
    married = estimate("DE", 2026, "married_joint", D("80000"))
    assert married is not None and single is not None
    assert married.total == single.total
    assert married.filing_status is None
    assert married.label == "estimate, 2026 rules, this pay as the only income"


def test_2025_rules():
    got = parts("30000", 2025)
    # health 7.3 % + 1.25 % (half the 2.5 % average Zusatzbeitrag 2025) = 8.55 % × 30,000 = 2,565.00
    assert got["Health insurance (Krankenversicherung)"] == D("2565.00")
    # Vorsorgepauschale 2025: 9.3 % × 30,000 = 2,790 + max(10.65 % × 30,000 = 3,195, min(12 % ×
    # 30,000, 1,900) = 1,900) = 5,985; zvE = 30,000 − 1,266 − 5,985 = 22,749
    # z = (22,749 − 17,443) / 10,000 = 0.5306; (176.64 × 0.5306 + 2,397) × 0.5306 + 1,015.13
    # = 2,490.725184 × 0.5306 + 1,015.13 = 1,321.578… + 1,015.13 = 2,336.70… → 2,336
    assert got["Income tax (Einkommensteuer)"] == D("2336.00")
    # 2,790 + 390 + 2,565 + 720 + 2,336
    assert estimate("DE", 2025, "single", D("30000")).total == D("8801.00")

    got = parts("350000", 2025)
    # pension capped at 96,600 (2025): 8,983.80; health 8.55 % × 66,150 = 5,655.825 → 5,655.83
    assert got["Pension insurance (Rentenversicherung)"] == D("8983.80")
    assert got["Health insurance (Krankenversicherung)"] == D("5655.83")
    # Vorsorgepauschale: 8,983.80 + 10.65 % × 66,150 = 7,044.975 → 16,028.775
    # zvE = 350,000 − 1,266 − 16,028.775 = 332,705.225 → 332,705
    # 0.45 × 332,705 − 19,246.67 = 149,717.25 − 19,246.67 = 130,470.58 → 130,470
    assert got["Income tax (Einkommensteuer)"] == D("130470.00")
    # 5.5 % × 130,470 = 7,175.85
    assert got["Solidarity surcharge (Solidaritätszuschlag)"] == D("7175.85")

    got = parts("12000", 2025)
    # Vorsorgepauschale 2025: 9.3 % × 12,000 = 1,116 + max(10.65 % × 12,000 = 1,278, min(12 % × 12,000
    # = 1,440, 1,900)) = 2,556; zvE = 12,000 − 1,266 − 2,556 = 8,178 ≤ 12,096: no income tax
    assert got["Income tax (Einkommensteuer)"] == D("0.00")
    # 9.3 % + 1.3 % + 8.55 % + 2.4 % = 21.55 % × 12,000 = 1,116 + 156 + 1,026 + 288
    assert estimate("DE", 2025, "single", D("12000")).total == D("2586.00")


# ---- the BMF's calculator --------------------------------------------------------------------------


def _rules_with_bmf_example_inputs(tmp_path: Path, vsp_health_care_rate: str) -> Engine:
    """This project's DE 2026 file with only the health-and-care rate of the Vorsorgepauschale set to
    the BMF example's inputs (KVZ and PVZ), everything else as shipped."""
    folder = tmp_path / "2026"
    folder.mkdir()
    text = (tax_dir() / "2026" / "DE.toml").read_text(encoding="utf-8")
    assert text.count("rate = 0.1085\n") == 1
    (folder / "DE.toml").write_text(
        text.replace("rate = 0.1085\n", f"rate = {vsp_health_care_rate}\n"), encoding="utf-8"
    )
    return Engine(tmp_path)


@pytest.mark.parametrize(
    ("pay", "wage_tax", "soli"),
    [
        # BMF interface, LZZ = 1 (a year), STKL = 1, RE4 in cents, all else default (KVZ 0, PVZ 0):
        ("25000", "1376.00", "0.00"),  # RE4 2500000 → LSTLZZ 137600
        ("50000", "7109.00", "0.00"),  # RE4 5000000 → LSTLZZ 710900
        ("100000", "23848.00", "416.26"),  # RE4 10000000 → LSTLZZ 2384800, SOLZLZZ 41626
    ],
)
def test_matches_the_bmf_calculator_on_its_default_inputs(tmp_path, pay, wage_tax, soli):
    # The BMF's default: Zusatzbeitrag 0 and no childless surcharge, so the Vorsorgepauschale's
    # health-and-care rate is 7.0 % + 0 + 1.8 % = 8.8 %. E.g. 50,000: 4,650 + 4,400 = 9,050;
    # zvE = 50,000 − 1,266 − 9,050 = 39,684; z = 2.1885: 2,775.82935 × 2.1885 + 1,034.87 = 7,109.77
    engine = _rules_with_bmf_example_inputs(tmp_path, "0.088")
    result = estimate_with(engine, "DE", 2026, "single", D(pay))
    got = {p.name: p.amount for p in result.parts}
    assert got["Income tax (Einkommensteuer)"] == D(wage_tax)
    assert got["Solidarity surcharge (Solidaritätszuschlag)"] == D(soli)


def test_matches_the_bmf_calculators_published_monthly_example(tmp_path):
    # The published example: 5,000 € a month, class I, Zusatzbeitrag 2.50 %, childless (PVZ = 1)
    # → 785.83 € wage tax a month. Health-and-care rate: 7.0 % + 1.25 % + 2.4 % = 10.65 %.
    # A year: 60,000 €; VSP = 5,580 + 6,390 = 11,970; zvE = 60,000 − 1,266 − 11,970 = 46,764;
    # z = 2.8965: 2,898.38415 × 2.8965 + 1,034.87 = 9,430.04 → 9,430; a month: 9,430 / 12 = 785.83
    engine = _rules_with_bmf_example_inputs(tmp_path, "0.1065")
    result = estimate_with(engine, "DE", 2026, "single", D("60000"))
    yearly = {p.name: p.amount for p in result.parts}["Income tax (Einkommensteuer)"]
    assert yearly == D("9430.00")
    assert (yearly / 12).quantize(D("0.01"), rounding="ROUND_DOWN") == D("785.83")
