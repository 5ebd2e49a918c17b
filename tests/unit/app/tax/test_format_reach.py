"""The format reaches the rules the region engineers will encode: each shape written as a rule file
here and worked by hand. The files are the tests' own (a temporary folder), with numbers from the
published rules where a year is named and otherwise illustrative; the shipped region files, their
sources and their tests belong to the tax-us-states, tax-uk-ca and tax-intl branches.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from app.tax import TaxRulesError
from tests.unit.app.tax.test_engine import tax, write

D = Decimal


def test_australia_offset_in_zones_and_the_medicare_levy_shading_in(tmp_path):
    # 2024-25 resident rates, LITO and the Medicare levy low-income threshold (ATO).
    steps = """
        [[steps]]
        name = "tax_on_income"
        type = "brackets"
        of = "income"
        rates = [[0, 0], [18200, 0.16], [45000, 0.30], [135000, 0.37], [190000, 0.45]]
        source = "https://www.ato.gov.au/tax-rates-and-codes/tax-rates-australian-residents"

        [[steps]]
        name = "lito"
        type = "formula"
        of = "income"
        source = "https://www.ato.gov.au/individuals-and-families/income-deductions-offsets-and-records/tax-offsets/low-and-middle-income-earner-tax-offsets"
        zones = [
          { expr = "700" },
          { over = 37500, expr = "700 - 0.05 * (x - 37500)" },
          { over = 45000, expr = "max(0, 325 - 0.015 * (x - 45000))" },
        ]

        [[steps]]
        name = "income_tax"
        type = "credit"
        against = "tax_on_income"
        of = "lito"
        part = "Income tax"
        kind = "income"

        [[steps]]
        name = "medicare_levy"
        type = "surtax"
        of = "income"
        rate = 0.02
        exempt_up_to = 27222
        shade_in_rate = 0.10
        part = "Medicare levy"
        kind = "income"
        source = "https://www.ato.gov.au/individuals-and-families/medicare-and-private-health-insurance/medicare-levy/medicare-levy-reduction-for-low-income-earners"
    """
    write(tmp_path, 2025, "AU", steps, currency="AUD")
    # 30,000: 16 % × 11,800 = 1,888 − LITO 700 = 1,188; levy min(2 % × 30,000 = 600, 10 % × 2,778 = 277.80)
    assert [p.amount for p in tax(tmp_path, "AU", "30000").parts] == [D("1188.00"), D("277.80")]
    # 50,000: 16 % × 26,800 + 30 % × 5,000 = 4,288 + 1,500 = 5,788 − LITO (325 − 1.5 % × 5,000 = 250)
    # = 5,538; levy 2 % × 50,000 = 1,000 (past the shade-in's end, 27,222 × 1.25 = 34,027.50)
    assert [p.amount for p in tax(tmp_path, "AU", "50000").parts] == [D("5538.00"), D("1000.00")]
    # 40,000: LITO 700 − 5 % × 2,500 = 575; 16 % × 21,800 = 3,488 − 575 = 2,913
    assert tax(tmp_path, "AU", "40000").parts[0].amount == D("2913.00")
    # 10,000: no tax, LITO can't make it negative; no levy under the threshold
    assert tax(tmp_path, "AU", "10000").total == D("0.00")


CANADA = """
    [[steps]]
    name = "cpp"
    type = "capped_rate"
    of = "income"
    rate = 0.0595
    floor = 3500
    cap = 71300
    part = "CPP"
    kind = "social"
    source = "https://example.org/illustrative"

    [[steps]]
    name = "cpp2"
    type = "capped_rate"
    of = "income"
    rate = 0.04
    floor = 71300
    cap = 81200
    part = "CPP2"
    kind = "social"
    source = "https://example.org/illustrative"

    [[steps]]
    name = "taxable_income"
    type = "formula"
    expr = "income - cpp2"
    note = "illustrative: CPP2 deducted"

    [[steps]]
    name = "tax_on_taxable_income"
    type = "brackets"
    of = "taxable_income"
    rates = [[0, 0.15], [50000, 0.20]]
    source = "https://example.org/illustrative"

    [[steps]]
    name = "basic_personal_amount"
    type = "piecewise_linear"
    of = "taxable_income"
    points = [[170000, 16000], [240000, 14000]]
    source = "https://example.org/illustrative"

    [[steps]]
    name = "basic_federal_tax"
    type = "credit"
    against = "tax_on_taxable_income"
    of = ["basic_personal_amount", "cpp"]
    rate = 0.15
    part = "Federal income tax"
    kind = "income"
    source = "https://example.org/illustrative"
"""


def test_canada_credits_at_the_lowest_rate_and_ontario_surtax_and_health_premium(tmp_path):
    write(tmp_path, 2025, "CA", CANADA, selectable=False, currency="CAD")
    before_credits = """
        [[steps]]
        name = "tax_before_credits"
        type = "brackets"
        of = "CA.taxable_income"
        rates = [[0, 0.05], [50000, 0.09]]
        source = "https://example.org/illustrative"
    """
    basic = """
        [[steps]]
        name = "basic_tax"
        type = "credit"
        against = "tax_before_credits"
        of = "CA.basic_personal_amount"
        rate = 0.05
        source = "https://example.org/illustrative"
    """
    # a step read before it is computed is refused, naming it
    write(tmp_path, 2025, "CA-ON", basic + before_credits, base="CA", currency="CAD")
    with pytest.raises(TaxRulesError, match="reads 'tax_before_credits', which is not a step computed before it"):
        tax(tmp_path, "CA-ON", "100000")
    ontario = before_credits + basic + """
        [[steps]]
        name = "surtax"
        type = "brackets"
        of = "basic_tax"
        rates = [[0, 0], [5000, 0.20], [6000, 0.56]]
        source = "https://example.org/illustrative"

        [[steps]]
        name = "ontario_tax"
        type = "formula"
        expr = "basic_tax + surtax"
        part = "Ontario income tax"
        kind = "income"

        [[steps]]
        name = "health_premium"
        type = "piecewise_linear"
        of = "CA.taxable_income"
        points = [[20000, 0], [25000, 300], [36000, 300], [38500, 450], [48000, 450], [48600, 600],
                  [72000, 600], [72600, 750], [200000, 750], [200600, 900]]
        part = "Ontario Health Premium"
        kind = "income"
        source = "https://example.org/illustrative"
    """
    write(tmp_path, 2025, "CA-ON", ontario, base="CA", currency="CAD")
    got = {p.name: p.amount for p in tax(tmp_path, "CA-ON", "100000").parts}
    # CPP 5.95 % × 67,800 = 4,034.10; CPP2 4 % × (81,200 − 71,300) = 396; taxable 99,604
    # federal: 15 % × 50,000 + 20 % × 49,604 = 7,500 + 9,920.80 = 17,420.80
    #          − 15 % × (16,000 + 4,034.10) = 3,005.115 → 14,415.685 → 14,415.69
    # Ontario: 5 % × 50,000 + 9 % × 49,604 = 2,500 + 4,464.36 = 6,964.36 − 5 % × 16,000 = 800 → 6,164.36
    #          surtax 20 % × 1,000 + 56 % × 164.36 = 200 + 92.0416 = 292.0416 → 6,456.4016 → 6,456.40
    # health premium: 72,600 < 99,604 ≤ 200,000 → 750
    assert got == {
        "CPP": D("4034.10"),
        "CPP2": D("396.00"),
        "Federal income tax": D("14415.69"),
        "Ontario income tax": D("6456.40"),
        "Ontario Health Premium": D("750.00"),
    }
    # health premium on its ramp: taxable 37,000 (no CPP2): 300 + (450 − 300) × 1,000 / 2,500 = 360
    assert {p.name: p.amount for p in tax(tmp_path, "CA-ON", "37000").parts}["Ontario Health Premium"] == D("360.00")


def test_quebec_replaces_cpp_with_qpp_and_takes_the_abatement_off_federal_tax(tmp_path):
    write(tmp_path, 2025, "CA", CANADA, selectable=False, currency="CAD")
    quebec = """
        [[steps]]
        replaces = "CA.cpp"
        type = "capped_rate"
        of = "income"
        rate = 0.064
        floor = 3500
        cap = 71300
        part = "QPP"
        kind = "social"
        source = "https://example.org/illustrative"

        [[steps]]
        name = "abatement"
        type = "formula"
        expr = "-0.165 * CA.basic_federal_tax"
        part = "Quebec abatement"
        kind = "income"
        source = "https://example.org/illustrative"
    """
    write(tmp_path, 2025, "CA-QC", quebec, base="CA", currency="CAD")
    got = {p.name: p.amount for p in tax(tmp_path, "CA-QC", "60000").parts}
    # QPP 6.4 % × 56,500 = 3,616 (in CPP's place: the federal credit reads it)
    # federal: 7,500 + 20 % × 10,000 = 9,500 − 15 % × (16,000 + 3,616) = 2,942.40 → 6,557.60
    # abatement −16.5 % × 6,557.60 = −1,082.004 → −1,082.00
    assert got == {
        "QPP": D("3616.00"),
        "CPP2": D("0.00"),
        "Federal income tax": D("6557.60"),
        "Quebec abatement": D("-1082.00"),
    }


def test_a_us_state_exemption_credit_phasing_out_per_2500_or_part(tmp_path):
    write(tmp_path, 2025, "US", "", selectable=False, uses_filing_status=True, currency="USD")
    state = """
        [[steps]]
        name = "exemption_credit"
        type = "formula"
        expr = "max(0, 149 - 6 * ceil(max(0, income - 252203) / 2500))"
        source = "https://example.org/illustrative"

        [[steps]]
        name = "tax"
        type = "brackets"
        of = "income"
        source = "https://example.org/illustrative"

        [steps.rates]
        single = [[0, 0.01], [100000, 0.05]]
        married_joint = [[0, 0.01], [200000, 0.05]]
        head_of_household = [[0, 0.01], [150000, 0.05]]

        [[steps]]
        name = "income_tax"
        type = "credit"
        against = "tax"
        of = "exemption_credit"
        part = "State income tax"
        kind = "income"
    """
    write(tmp_path, 2025, "US-XX", state, base="US", currency="USD")
    # 260,000: excess 7,797 → 4 steps of 2,500 (or part) → 149 − 24 = 125;
    # tax 1 % × 100,000 + 5 % × 160,000 = 9,000 − 125 = 8,875
    assert tax(tmp_path, "US-XX", "260000").total == D("8875.00")
    # married filing jointly: 1 % × 200,000 + 5 % × 60,000 = 5,000 − 125 = 4,875
    assert tax(tmp_path, "US-XX", "260000", status="married_joint").total == D("4875.00")
    # 300,000: excess 47,797 → 20 steps → 149 − 120 = 29; 1,000 + 10,000 − 29 = 10,971
    assert tax(tmp_path, "US-XX", "300000").total == D("10971.00")
