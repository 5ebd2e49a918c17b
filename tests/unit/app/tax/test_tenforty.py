"""The US rule files against tenforty (OpenTaxSolver), 2025, at many incomes: within $1.

Skipped cleanly where tenforty is not installed (it is a test extra on x86-64 Linux only).
The states engineer adds a state by adding it to STATES: its own income-tax parts are compared with
tenforty's `state_total_tax`.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from app.tax.engine import DEFAULT
from tests.unit.app.tax import oracle
from tests.unit.app.tax.support import STATUSES, chain, estimate

tenforty = pytest.importorskip("tenforty")

D = Decimal
YEAR = 2025  # tenforty covers 2024–2025; our rule files start at 2025
DOLLAR = D(1)

# Wages from nothing to past every federal threshold, with odd cents, rows of the tax table, the
# Social Security wage base, the additional-Medicare thresholds and the table's end at 100,000 of
# taxable income (wages 115,750 single, 131,500 joint, 123,625 head of household).
WAGES = [D(w) for w in (
    "0", "5000", "12345.67", "15750", "16000.49", "23625", "31500", "31525.01", "40000", "48474.99",
    "55555.55", "64850", "77777.77", "90000", "99999.99", "115749.99", "115750", "123625",
    "131500", "150000.5", "176100", "199999.99", "200000", "200000.01", "250000", "250000.01",
    "333333.33", "500000", "626350", "751600", "1000000", "2500000.25",
)]

# region code -> tenforty's two-letter state. Add a state here once its 2025 file is in resources/tax.
# The states whose 2025 income tax OpenTaxSolver computes and agrees with to the dollar at every wage
# above; the others (graph backend, known differences) are in test_us_states_tenforty.py.
STATES: dict[str, str] = {"US-AZ": "AZ", "US-NC": "NC", "US-NJ": "NJ"}


@pytest.mark.parametrize("status", STATUSES)
def test_federal_income_tax_and_additional_medicare_match_tenforty(status):
    misses = []
    for wages in WAGES:
        ours = {p.name: p.amount for p in estimate("US", YEAR, status, wages).parts}
        theirs = oracle.federal(YEAR, status, wages)
        mine = ours["Federal income tax"] + ours["Additional Medicare Tax"]
        if abs(mine - theirs["total"]) > DOLLAR:
            misses.append(f"{wages}: ours {mine} ({ours}), tenforty {theirs}")
    assert not misses, "\n".join(misses)


# NYC: wages away from two places where OpenTaxSolver and IT-201's instructions part ways (and the
# rule files follow the instructions, tested in test_nyc.py):
# - the household credit's row edges (10,000 / 12,500 single): OpenTaxSolver reads "less than";
# - income (FAGI) just over 500,000 with NYC taxable income still under it (wages 500,000.01 to
#   508,000 single): OpenTaxSolver still grants the school tax credit's rate reduction amount, which
#   line 69a denies to anyone whose income is over 500,000.
NYC_WAGES = [D(w) for w in (
    "9000", "11000.5", "14000", "20000", "20000.01", "27777.77", "30000", "45000", "64999.99",
    "72999.99", "73000", "88888.88", "100000", "150000", "249999.99", "250000.01", "400000",
    "500000", "520000.01", "1234567.89",
)]


@pytest.mark.parametrize("status", STATUSES)
def test_new_york_city_tax_and_school_credit_match_tenforty(status):
    """IT-201 run with NYC_Resident: NY taxable income (what NYC taxes), NYC tax before the household
    credit (line 47a), the household credit for single filers (OpenTaxSolver multiplies the joint and
    head-of-household tables by dependents only, without the filer and spouse that IT-201-I adds), and
    the school tax credits (lines 69 + 69a)."""
    rules = chain("US-NY-NYC", YEAR)
    misses = []
    for wages in NYC_WAGES:
        values = rules.evaluate(wages, status)
        theirs = oracle.nyc(YEAR, status, wages)
        ours = {
            "ny_taxable_income": values["US-NY.taxable_income"],
            "tax": values["US-NY-NYC.tax"],
            "school_credit": values["US-NY-NYC.school_credit_fixed"] + values["US-NY-NYC.school_credit_rate_reduction"],
        }
        if status == "single":
            ours["household_credit"] = values["US-NY-NYC.household_credit"]
        for key, value in ours.items():
            if abs(value - theirs[key]) > DOLLAR:
                misses.append(f"{wages} {key}: ours {value}, tenforty {theirs[key]}")
    assert not misses, "\n".join(misses)


@pytest.mark.parametrize(("code", "state"), sorted(STATES.items()))
@pytest.mark.parametrize("status", STATUSES)
def test_state_income_tax_matches_tenforty(code, state, status):
    misses = []
    for wages in WAGES:
        result = DEFAULT.estimate_chain(chain(code, YEAR), YEAR, status, wages)
        mine = sum((p.amount for p in result.parts if p.region == code and p.kind == "income"), D(0))
        theirs = oracle.state(state, YEAR, status, wages)
        if abs(mine - theirs) > DOLLAR:
            misses.append(f"{wages}: ours {mine}, tenforty {theirs}")
    assert not misses, "\n".join(misses)
