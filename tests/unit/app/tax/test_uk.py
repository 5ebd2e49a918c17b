"""United Kingdom, tax years 2025-26 and 2026-27 (app years 2025 and 2026), worked by hand.

England, Wales and Northern Ireland (GB, GB-ENG, GB-WLS, GB-NIR) share the rUK bands; Scotland (GB-SCT)
has its own six. Every literal is worked from the rules cited in resources/tax/<year>/GB*.toml (GOV.UK
rates pages, ITA 2007 s. 35, the Scottish Government's bands), the arithmetic beside it. The personal
allowance is £12,570 less half the income above £100,000 (0 from £125,140); NI is 8 % from £12,570 to
£50,270 and 2 % above, the same in every part of the UK.
"""

from decimal import Decimal

import pytest

from app.tax import estimate, regions

D = Decimal
RUK = ("GB", "GB-ENG", "GB-WLS", "GB-NIR")


def shown(region: str, year: int, income: str) -> tuple[Decimal, dict[str, Decimal]]:
    found = estimate(region, year, "single", D(income))
    assert found is not None, region
    return found.total, {p.name: p.amount for p in found.parts}


# (year, income) -> (income tax, National Insurance, total) for England, Wales and Northern Ireland.
# Bands of taxable income: 20 % to £37,700, 40 % to £125,140, 45 % above (unchanged 2025-26 and 2026-27).
RUK_CASES = [
    # allowance 12,570; taxable 12,570 − 12,570 = 0; 0 = 0.00
    # NI 8 % × 0 + 2 % × 0 = 0.00; total 0.00
    (2025, "12570", "0.00", "0.00", "0.00"),
    # allowance 12,570; taxable 30,000 − 12,570 = 17,430; 20 % × 17,430 = 3,486.00
    # NI 8 % × 17,430 + 2 % × 0 = 1,394.40; total 4,880.40
    (2025, "30000", "3486.00", "1394.40", "4880.40"),
    # allowance 12,570; taxable 60,000 − 12,570 = 47,430; 20 % × 37,700 + 40 % × 9,730 = 11,432.00
    # NI 8 % × 37,700 + 2 % × 9,730 = 3,210.60; total 14,642.60
    (2025, "60000", "11432.00", "3210.60", "14642.60"),
    # allowance 12,570 − (110,000 − 100,000) / 2 = 7,570; taxable 110,000 − 7,570 = 102,430; 20 % × 37,700 + 40
    #     % × 64,730 = 33,432.00
    # NI 8 % × 37,700 + 2 % × 59,730 = 4,210.60; total 37,642.60
    (2025, "110000", "33432.00", "4210.60", "37642.60"),
    # allowance 0 (income ≥ 125,140); taxable 200,000 − 0 = 200,000; 20 % × 37,700 + 40 % × 87,440 + 45 % ×
    #     74,860 = 76,203.00
    # NI 8 % × 37,700 + 2 % × 149,730 = 6,010.60; total 82,213.60
    (2025, "200000", "76203.00", "6010.60", "82213.60"),
    # allowance 12,570; taxable 12,570 − 12,570 = 0; 0 = 0.00
    # NI 8 % × 0 + 2 % × 0 = 0.00; total 0.00
    (2026, "12570", "0.00", "0.00", "0.00"),
    # allowance 12,570; taxable 30,000 − 12,570 = 17,430; 20 % × 17,430 = 3,486.00
    # NI 8 % × 17,430 + 2 % × 0 = 1,394.40; total 4,880.40
    (2026, "30000", "3486.00", "1394.40", "4880.40"),
    # allowance 12,570; taxable 60,000 − 12,570 = 47,430; 20 % × 37,700 + 40 % × 9,730 = 11,432.00
    # NI 8 % × 37,700 + 2 % × 9,730 = 3,210.60; total 14,642.60
    (2026, "60000", "11432.00", "3210.60", "14642.60"),
    # allowance 12,570 − (110,000 − 100,000) / 2 = 7,570; taxable 110,000 − 7,570 = 102,430; 20 % × 37,700 + 40
    #     % × 64,730 = 33,432.00
    # NI 8 % × 37,700 + 2 % × 59,730 = 4,210.60; total 37,642.60
    (2026, "110000", "33432.00", "4210.60", "37642.60"),
    # allowance 0 (income ≥ 125,140); taxable 200,000 − 0 = 200,000; 20 % × 37,700 + 40 % × 87,440 + 45 % ×
    #     74,860 = 76,203.00
    # NI 8 % × 37,700 + 2 % × 149,730 = 6,010.60; total 82,213.60
    (2026, "200000", "76203.00", "6010.60", "82213.60"),
]


@pytest.mark.parametrize("year", [2025, 2026])
def test_england_wales_and_northern_ireland(year):
    for case_year, income, income_tax, ni, total in RUK_CASES:
        if case_year != year:
            continue
        for region in RUK:
            found_total, parts = shown(region, year, income)
            assert parts == {"Income tax": D(income_tax), "National Insurance": D(ni)}, (region, income)
            assert found_total == D(total), (region, income)


# Scotland: 19 % starter, 20 % basic, 21 % intermediate, 42 % higher, 45 % advanced, 48 % top.
# 2025-26 bands of taxable income: to 2,827 / 14,921 / 31,092 / 62,430 / 125,140; 2026-27: to 3,967 / 16,956 /
#     31,092 / 62,430 / 125,140.
SCOTLAND_CASES = [
    # allowance 12,570; taxable 12,570 − 12,570 = 0; 0 = 0.00
    # NI 8 % × 0 + 2 % × 0 = 0.00; total 0.00
    (2025, "12570", "0.00", "0.00", "0.00"),
    # allowance 12,570; taxable 30,000 − 12,570 = 17,430; 19 % × 2,827 + 20 % × 12,094 + 21 % × 2,509 = 3,482.82
    # NI 8 % × 17,430 + 2 % × 0 = 1,394.40; total 4,877.22
    (2025, "30000", "3482.82", "1394.40", "4877.22"),
    # allowance 12,570; taxable 60,000 − 12,570 = 47,430; 19 % × 2,827 + 20 % × 12,094 + 21 % × 16,171 + 42 % ×
    #     16,338 = 13,213.80
    # NI 8 % × 37,700 + 2 % × 9,730 = 3,210.60; total 16,424.40
    (2025, "60000", "13213.80", "3210.60", "16424.40"),
    # allowance 12,570 − (110,000 − 100,000) / 2 = 7,570; taxable 110,000 − 7,570 = 102,430; 19 % × 2,827 + 20 %
    #     × 12,094 + 21 % × 16,171 + 42 % × 31,338 + 45 % × 40,000 = 37,513.80
    # NI 8 % × 37,700 + 2 % × 59,730 = 4,210.60; total 41,724.40
    (2025, "110000", "37513.80", "4210.60", "41724.40"),
    # allowance 0 (income ≥ 125,140); taxable 200,000 − 0 = 200,000; 19 % × 2,827 + 20 % × 12,094 + 21 % ×
    #     16,171 + 42 % × 31,338 + 45 % × 62,710 + 48 % × 74,860 = 83,666.10
    # NI 8 % × 37,700 + 2 % × 149,730 = 6,010.60; total 89,676.70
    (2025, "200000", "83666.10", "6010.60", "89676.70"),
    # allowance 12,570; taxable 12,570 − 12,570 = 0; 0 = 0.00
    # NI 8 % × 0 + 2 % × 0 = 0.00; total 0.00
    (2026, "12570", "0.00", "0.00", "0.00"),
    # allowance 12,570; taxable 30,000 − 12,570 = 17,430; 19 % × 3,967 + 20 % × 12,989 + 21 % × 474 = 3,451.07
    # NI 8 % × 17,430 + 2 % × 0 = 1,394.40; total 4,845.47
    (2026, "30000", "3451.07", "1394.40", "4845.47"),
    # allowance 12,570; taxable 60,000 − 12,570 = 47,430; 19 % × 3,967 + 20 % × 12,989 + 21 % × 14,136 + 42 % ×
    #     16,338 = 13,182.05
    # NI 8 % × 37,700 + 2 % × 9,730 = 3,210.60; total 16,392.65
    (2026, "60000", "13182.05", "3210.60", "16392.65"),
    # allowance 12,570 − (110,000 − 100,000) / 2 = 7,570; taxable 110,000 − 7,570 = 102,430; 19 % × 3,967 + 20 %
    #     × 12,989 + 21 % × 14,136 + 42 % × 31,338 + 45 % × 40,000 = 37,482.05
    # NI 8 % × 37,700 + 2 % × 59,730 = 4,210.60; total 41,692.65
    (2026, "110000", "37482.05", "4210.60", "41692.65"),
    # allowance 0 (income ≥ 125,140); taxable 200,000 − 0 = 200,000; 19 % × 3,967 + 20 % × 12,989 + 21 % ×
    #     14,136 + 42 % × 31,338 + 45 % × 62,710 + 48 % × 74,860 = 83,634.35
    # NI 8 % × 37,700 + 2 % × 149,730 = 6,010.60; total 89,644.95
    (2026, "200000", "83634.35", "6010.60", "89644.95"),
]


@pytest.mark.parametrize("year", [2025, 2026])
def test_scotland(year):
    for case_year, income, income_tax, ni, total in SCOTLAND_CASES:
        if case_year != year:
            continue
        found_total, parts = shown("GB-SCT", year, income)
        assert parts == {"Scottish income tax": D(income_tax), "National Insurance": D(ni)}, income
        assert found_total == D(total), income


def test_the_tapered_allowance_is_rounded_up_to_a_whole_pound():
    # £100,001: allowance 12,570 − 1 / 2 = 12,569.50, rounded up to 12,570 (ITA 2007 s. 35(3));
    # taxable 100,001 − 12,570 = 87,431; 20 % × 37,700 + 40 % × 49,731 = 7,540 + 19,892.40 = 27,432.40.
    _, parts = shown("GB", 2026, "100001")
    assert parts["Income tax"] == D("27432.40")
    # £100,002: allowance 12,570 − 1 = 12,569; taxable 87,433; 7,540 + 40 % × 49,733 = 27,433.20.
    _, parts = shown("GB", 2026, "100002")
    assert parts["Income tax"] == D("27433.20")


def test_income_tax_counts_whole_pounds_and_ni_rounds_half_a_penny_down():
    # £50,295.25: income tax on £50,295: taxable 37,725; 20 % × 37,700 + 40 % × 25 = 7,540 + 10 = 7,550.00.
    # NI: 8 % × 37,700 = 3,016.00 + 2 % × 25.25 = 0.505 → 3,016.505, the half penny down: 3,016.50.
    _, parts = shown("GB-ENG", 2026, "50295.25")
    assert parts == {"Income tax": D("7550.00"), "National Insurance": D("3016.50")}
    # £50,295.99: 2 % × 25.99 = 0.5198 → 3,016.5198 → 3,016.52; income tax unchanged (whole pounds).
    _, parts = shown("GB-ENG", 2026, "50295.99")
    assert parts == {"Income tax": D("7550.00"), "National Insurance": D("3016.52")}


def test_no_tax_below_the_allowance_and_thresholds():
    assert estimate("GB", 2026, "single", D("12570")).total == D("0.00")
    assert estimate("GB-SCT", 2026, "single", D("0")).total == D("0.00")


def test_uk_regions_are_offered_and_filing_status_is_ignored():
    names = dict(regions())
    assert names["GB-SCT"] == "Scotland (UK)"
    assert {"GB", "GB-ENG", "GB-WLS", "GB-NIR", "GB-SCT"} <= set(names)
    single = estimate("GB-SCT", 2026, "single", D("80000"))
    assert single == estimate("GB-SCT", 2026, "head_of_household", D("80000"))
    assert single.filing_status is None and single.currency == "GBP"
    assert single.label == "estimate, 2026 rules, this pay as the only income"
    assert "2026-27" in single.rounding  # the app's 2026 is the UK tax year 2026-27


def test_2027_falls_back_to_the_2026_27_rules_and_says_so():
    later = estimate("GB", 2027, "single", D("60000"))
    assert later.fallback and later.rules_year == 2026
    assert "2026 rules (2027 not yet published)" in later.label
