"""`tenforty` (OpenTaxSolver, tax years 2024–2025) as an independent oracle for the US rule files.

Test-only: tenforty bundles GPL code and is never shipped; it is a `test` extra on x86-64 Linux only,
and every test that uses this module starts with `pytest.importorskip("tenforty")`. One person,
wages only, standard deduction, no dependents: the estimate's own assumptions.

What it can check (all in whole dollars where the forms round, cents elsewhere):
- federal():  Form 1040 income tax + Form 8959 Additional Medicare Tax (not Social Security and
              Medicare at 7.65 %, which tenforty leaves to the W-2);
- state():    a state's income tax (`state_total_tax`) for the states tenforty supports;
- nyc():      New York City's resident tax (IT-201 lines 47a–49) and school tax credits (69, 69a),
              by running IT-201 with NYC_Resident set, which tenforty's high-level API doesn't expose.
"""

from __future__ import annotations

from decimal import Decimal

STATUS = {"single": "Single", "married_joint": "Married/Joint", "head_of_household": "Head_of_House"}


def _dollars(value: float | int | None) -> Decimal:
    return Decimal(str(value or 0)).quantize(Decimal("0.01"))


def federal(year: int, status: str, wages: Decimal) -> dict[str, Decimal]:
    import tenforty

    result = tenforty.evaluate_return(year=year, filing_status=STATUS[status], w2_income=float(wages))
    return {
        "income_tax": _dollars(result.federal_income_tax),
        "additional_medicare": _dollars(result.federal_additional_medicare_tax),
        "total": _dollars(result.federal_total_tax),
    }


def state(state_code: str, year: int, status: str, wages: Decimal, backend: str = "ots") -> Decimal:
    """tenforty's state income tax for a two-letter state ("CA"), wages only, never below 0.

    `backend`: "ots" (OpenTaxSolver, the default) or "graph" (tenforty's own form graphs, which cover
    the 2025 states OpenTaxSolver does not). OpenTaxSolver leaves some states' tax negative below the
    standard deduction (NC, VA); a tax is never negative, so it is floored at 0 here."""
    import tenforty

    result = tenforty.evaluate_return(year=year, state=state_code, filing_status=STATUS[status],
                                      w2_income=float(wages), backend=backend)
    return max(Decimal(0), _dollars(result.state_total_tax))


def nyc(year: int, status: str, wages: Decimal) -> dict[str, Decimal]:
    """NYC tax after the household credit (IT-201 line 49) and the school tax credits (69 + 69a)."""
    from tenforty import core

    natural = {"filing_status": STATUS[status], "w2_income": float(wages), "num_dependents": 0,
               "standard_or_itemized": "Standard"}
    federal_config = core.NATURAL_FORM_CONFIG[(year, "US_1040")]
    state_config = core.NATURAL_FORM_CONFIG[(year, "NY_IT201")]
    federal_values = core.map_natural_to_ots_input(natural, federal_config.input_map)
    state_values = core.map_natural_to_ots_input(natural, state_config.input_map) | {"NYC_Resident": "yes"}
    out = core.evaluate_form(
        year, "US_1040", "NY_IT201", federal_values, state_values,
        fed_import_map=state_config.fed_import_map or None,
    )["state"]
    return {
        "ny_taxable_income": _dollars(out.get("L38")),
        "tax": _dollars(out.get("L47a")),
        "household_credit": _dollars(out.get("L48")),
        "tax_after_household_credit": _dollars(out.get("L49")),
        "school_credit": _dollars(out.get("L69")) + _dollars(out.get("L69a")),
    }
