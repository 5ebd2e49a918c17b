"""The interpreter on small rule files written here: each rule type, stacking, years, and bad files.

The worked examples of resources/tax/README.md are checked here, on the README's own numbers.
"""

from __future__ import annotations

import textwrap
from decimal import Decimal
from pathlib import Path

import pytest

from app.tax import Engine, TaxRulesError, estimate_with
from app.tax.expr import FormulaError, parse

D = Decimal


def write(root: Path, year: int, code: str, body: str, **header: object) -> None:
    fields = {"name": f"{code} land", "currency": "EUR", "rounding": "cents", **header}
    lines = [f'code = "{code}"', f"year = {year}"]
    for key, value in fields.items():
        lines.append(f"{key} = {value!r}".replace("'", '"').replace("True", "true").replace("False", "false"))
    text = "format = 1\n[region]\n" + "\n".join(lines) + "\n" + textwrap.dedent(body)
    folder = root / str(year)
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{code}.toml").write_text(text, encoding="utf-8")


def tax(root: Path, code: str, income: str, year: int = 2025, status: str = "single"):
    return estimate_with(Engine(root), code, year, status, D(income))


def one_step(tmp_path: Path, step: str, income: str, code: str = "XX") -> Decimal:
    write(tmp_path, 2025, code, "[[steps]]\n" + textwrap.dedent(step) + '\npart = "Tax"\nkind = "income"\n')
    result = tax(tmp_path, code, income)
    assert result is not None
    return result.total


# ---- the seven rule types, on the README's examples ------------------------------------------------


def test_brackets_on_the_readme_example(tmp_path):
    step = """
        name = "t"
        type = "brackets"
        of = "income"
        source = "https://example.org/brackets"
        rates = [[0, 0.10], [11925, 0.12], [48475, 0.22], [103350, 0.24]]
    """
    # 10 % × 11,925 + 12 % × 36,550 + 22 % × 35,775 = 1,192.50 + 4,386.00 + 7,870.50
    assert one_step(tmp_path, step, "84250") == D("13449.00")
    # below the first threshold of a band: 10 % × 5,000
    assert one_step(tmp_path, step, "5000") == D("500.00")


def test_a_tax_table_taxes_the_midpoint_of_the_row_in_whole_units(tmp_path):
    step = """
        name = "t"
        type = "brackets"
        of = "income"
        source = "https://example.org/table"
        rates = [[0, 0.10], [11925, 0.12], [48475, 0.22], [103350, 0.24]]
        tax_table = { below = 100000, bins = [[5, 10], [25, 25], [3000, 50]], round_to = 1 }
    """
    # row 84,250–84,300, midpoint 84,275: 13,449 + 22 % × 25 = 13,454.50 → 13,455 (half up)
    assert one_step(tmp_path, step, "84250") == D("13455.00")
    assert one_step(tmp_path, step, "84299.99") == D("13455.00")  # same row
    # row 25–50, midpoint 37.50: 10 % × 37.50 = 3.75 → 4
    assert one_step(tmp_path, step, "30") == D("4.00")
    # row 5–15, midpoint 10: 1.00; below 5: 0
    assert one_step(tmp_path, step, "7") == D("1.00")
    assert one_step(tmp_path, step, "4.99") == D("0.00")
    # from 100,000 the exact schedule: 1,192.50 + 4,386 + 22 % × 51,525 = 16,914.00
    assert one_step(tmp_path, step, "100000") == D("16914.00")


def test_zoned_formula_german_tariff_rounded_down(tmp_path):
    step = """
        name = "t"
        type = "formula"
        of = "income"
        round = { to = 1, mode = "down" }
        source = "https://www.gesetze-im-internet.de/estg/__32a.html"
        zones = [
          { expr = "0" },
          { over = 12096, expr = "(932.30 * (x - 12096) / 10000 + 1400) * (x - 12096) / 10000" },
          { over = 17443, expr = "(176.64 * (x - 17443) / 10000 + 2397) * (x - 17443) / 10000 + 1015.13" },
          { over = 68480, expr = "0.42 * x - 10911.92" },
          { over = 277825, expr = "0.45 * x - 19246.67" },
        ]
    """
    # z = 2.2557: 2,795.446848 × 2.2557 + 1,015.13 = 7,320.819… → 7,320
    assert one_step(tmp_path, step, "40000") == D("7320.00")
    # 12,096 is not over 12,096: zone 1, 0
    assert one_step(tmp_path, step, "12096") == D("0.00")
    # y = 0.2904: (932.30 × 0.2904 + 1,400) × 0.2904 = 485.18… → 485
    assert one_step(tmp_path, step, "15000") == D("485.00")
    # 0.45 × 300,000 − 19,246.67 = 115,753.33 → 115,753
    assert one_step(tmp_path, step, "300000") == D("115753.00")


def test_piecewise_linear_taper(tmp_path):
    steps = """
        [[steps]]
        name = "allowance"
        type = "piecewise_linear"
        of = "income"
        points = [[100000, 12570], [125140, 0]]
        source = "https://www.gov.uk/income-tax-rates/income-over-100000"

        [[steps]]
        name = "t"
        type = "formula"
        expr = "allowance"
        part = "Allowance"
        kind = "income"
    """
    write(tmp_path, 2025, "XX", steps)
    # 12,570 − 12,570 × 10,000 / 25,140 = 12,570 − 5,000
    assert tax(tmp_path, "XX", "110000").total == D("7570.00")
    assert tax(tmp_path, "XX", "50000").total == D("12570.00")  # flat before the first point
    assert tax(tmp_path, "XX", "200000").total == D("0.00")  # flat after the last


def test_capped_rate_floor_and_cap(tmp_path):
    cpp = """
        name = "t"
        type = "capped_rate"
        of = "income"
        rate = 0.0595
        floor = 3500
        cap = 71300
        source = "https://www.canada.ca/cpp"
    """
    assert one_step(tmp_path, cpp, "60000") == D("3361.75")  # 5.95 % × (60,000 − 3,500)
    assert one_step(tmp_path, cpp, "3000") == D("0.00")  # under the basic exemption
    assert one_step(tmp_path, cpp, "100000") == D("4034.10")  # 5.95 % × 67,800
    cpp2 = """
        name = "t"
        type = "capped_rate"
        of = "income"
        rate = 0.04
        floor = 71300
        cap = 81200
        source = "https://www.canada.ca/cpp2"
    """
    assert one_step(tmp_path, cpp2, "90000") == D("396.00")  # 4 % × 9,900
    assert one_step(tmp_path, cpp2, "75000") == D("148.00")  # 4 % × 3,700


def test_surtax_freigrenze_and_shade_in(tmp_path):
    soli = """
        name = "t"
        type = "surtax"
        of = "income"
        rate = 0.055
        exempt_up_to = 19950
        shade_in_rate = 0.119
        source = "https://www.gesetze-im-internet.de/solzg_1995/__4.html"
    """
    assert one_step(tmp_path, soli, "19950") == D("0.00")  # at the Freigrenze: nothing
    assert one_step(tmp_path, soli, "25000") == D("600.95")  # min(1,375, 11.9 % × 5,050)
    assert one_step(tmp_path, soli, "40000") == D("2200.00")  # min(2,200, 2,385.95)


def test_credit_never_below_zero(tmp_path):
    steps = """
        [[steps]]
        name = "before"
        type = "formula"
        expr = "income / 10"
        source = "https://example.org/tenth"

        [[steps]]
        name = "credits"
        type = "amount"
        value = 21400
        source = "https://example.org/credits"

        [[steps]]
        name = "after"
        type = "credit"
        against = "before"
        of = "credits"
        rate = 0.15
        part = "Tax"
        kind = "income"
        source = "https://example.org/rate"
    """
    write(tmp_path, 2025, "XX", steps)
    assert tax(tmp_path, "XX", "100000").total == D("6790.00")  # 10,000 − 15 % × 21,400
    assert tax(tmp_path, "XX", "20000").total == D("0.00")  # 2,000 − 3,210 → 0, not −1,210


def test_amount_by_filing_status_and_labels(tmp_path):
    steps = """
        [[steps]]
        name = "t"
        type = "amount"
        value = { single = 100, married_joint = 200, head_of_household = 150 }
        part = "Flat"
        kind = "income"
        source = "https://example.org/flat"
    """
    write(tmp_path, 2025, "ZZ", steps, uses_filing_status=True)
    assert tax(tmp_path, "ZZ", "1000", status="married_joint").total == D("200.00")
    result = tax(tmp_path, "ZZ", "1000", status="head_of_household")
    assert result.total == D("150.00")
    assert result.label == "estimate, 2025 rules, head of household, this pay as the only income"


# ---- stacking, replacing, years --------------------------------------------------------------------


BASE = """
    [[steps]]
    name = "levy"
    type = "capped_rate"
    of = "income"
    rate = 0.10
    part = "Base levy"
    kind = "social"
    source = "https://example.org/base"

    [[steps]]
    name = "tax"
    type = "formula"
    expr = "levy * 2"
    part = "Base tax"
    kind = "income"
    source = "https://example.org/double"
"""


def test_a_child_stacks_on_its_base_and_reads_its_steps(tmp_path):
    write(tmp_path, 2025, "BB", BASE, selectable=False)
    child = """
        [[steps]]
        name = "local"
        type = "formula"
        expr = "BB.tax / 4"
        part = "Local tax"
        kind = "income"
        source = "https://example.org/local"
    """
    write(tmp_path, 2025, "BB-CC", child, base="BB", name="Child land")
    result = tax(tmp_path, "BB-CC", "1000")
    # levy 100, tax 200, local 50
    assert [(p.name, p.amount, p.kind, p.region) for p in result.parts] == [
        ("Base levy", D("100.00"), "social", "BB"),
        ("Base tax", D("200.00"), "income", "BB"),
        ("Local tax", D("50.00"), "income", "BB-CC"),
    ]
    assert result.total == D("350.00")
    assert (result.income_tax, result.social, result.after_tax) == (D("250.00"), D("100.00"), D("650.00"))
    assert tax(tmp_path, "BB", "1000") is None  # a base is not a region by itself
    assert Engine(tmp_path).regions() == [("BB-CC", "Child land")]


def test_a_replacement_takes_the_place_and_name_of_a_base_step(tmp_path):
    write(tmp_path, 2025, "BB", BASE, selectable=False)
    child = """
        [[steps]]
        replaces = "BB.levy"
        type = "capped_rate"
        of = "income"
        rate = 0.05
        part = "Own levy"
        kind = "social"
        source = "https://example.org/own"
    """
    write(tmp_path, 2025, "BB-QC", child, base="BB")
    result = tax(tmp_path, "BB-QC", "1000")
    # the base's tax reads the replaced levy: 5 % × 1,000 = 50, tax 100
    assert [(p.name, p.amount, p.region) for p in result.parts] == [
        ("Own levy", D("50.00"), "BB-QC"),
        ("Base tax", D("100.00"), "BB"),
    ]


def test_negative_parts_reduce_but_the_total_is_never_a_refund(tmp_path):
    steps = """
        [[steps]]
        name = "t"
        type = "formula"
        expr = "income / 10"
        part = "Tax"
        kind = "income"
        source = "https://example.org/t"

        [[steps]]
        name = "refund"
        type = "amount"
        value = -50
        part = "Refundable credit"
        kind = "income"
        source = "https://example.org/r"
    """
    write(tmp_path, 2025, "XX", steps)
    assert tax(tmp_path, "XX", "1000").total == D("50.00")  # 100 − 50
    assert tax(tmp_path, "XX", "100").total == D("0.00")  # 10 − 50 → shown as 0


def test_years_fall_back_to_the_latest_published_and_say_so(tmp_path):
    write(tmp_path, 2025, "XX", BASE, name="Somewhere")
    result = tax(tmp_path, "XX", "1000", year=2026)
    assert (result.year, result.rules_year, result.fallback) == (2026, 2025, True)
    assert result.label == "estimate, 2025 rules (2026 not yet published), this pay as the only income"
    assert result.filing_status is None  # no filing statuses outside the US
    exact = tax(tmp_path, "XX", "1000", year=2025)
    assert (exact.fallback, exact.label) == (False, "estimate, 2025 rules, this pay as the only income")


def test_a_chain_of_mixed_years_names_the_older_file(tmp_path):
    write(tmp_path, 2025, "BB", BASE, selectable=False, name="Base land")
    write(tmp_path, 2026, "BB", BASE, selectable=False, name="Base land")
    write(tmp_path, 2025, "BB-CC", "", base="BB", name="Child land")
    result = tax(tmp_path, "BB-CC", "1000", year=2026)
    assert (result.rules_year, result.fallback) == (2025, True)
    assert result.label == (
        "estimate, 2026 rules except Child land: 2025 rules (2026 not yet published), this pay as the only income"
    )


def test_unknown_region_and_bad_arguments(tmp_path):
    write(tmp_path, 2025, "XX", BASE)
    assert tax(tmp_path, "YY", "1000") is None
    assert estimate_with(Engine(tmp_path), None, 2025, "single", D(1000)) is None
    with pytest.raises(ValueError, match="filing status"):
        estimate_with(Engine(tmp_path), "XX", 2025, "separate", D(1000))
    with pytest.raises(ValueError, match="income"):
        estimate_with(Engine(tmp_path), "XX", 2025, "single", D(-1))


def test_estimates_are_memoised(tmp_path):
    write(tmp_path, 2025, "XX", BASE)
    engine = Engine(tmp_path)
    first = estimate_with(engine, "XX", 2025, "single", D("1000"))
    assert estimate_with(engine, "XX", 2025, "single", D("1000.00")) is first


# ---- files the loader refuses, with a message naming the problem ------------------------------------


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ('[[steps]]\nname = "a"\ntype = "formula"\nexpr = "b + 1"\n', "'b', which is not a step computed before"),
        ('[[steps]]\nname = "a"\ntype = "amount"\nvalue = 12\n', "has numbers but no `source`"),
        ('[[steps]]\nname = "a"\ntype = "amount"\nvalue = 1\nvalu = 2\n', "Extra inputs are not permitted"),
        ('[[steps]]\nname = "a"\ntype = "guess"\n', "does not match any of the expected tags"),
        ('[[steps]]\nname = "a"\ntype = "formula"\nexpr = "__import__(1)"\n', "cannot read formula"),
        ('[[steps]]\nname = "a"\ntype = "formula"\nexpr = "sum(1, 2)"\n', "unknown function sum()"),
        ('[[steps]]\nname = "a"\ntype = "amount"\nvalue = 1\npart = "A"\n', "says its `kind`"),
        (
            '[[steps]]\nname = "a"\ntype = "amount"\nvalue = { single = 5, married_joint = 5, '
            'head_of_household = 5 }\nsource = "s"\n',
            "by filing status in a region without filing statuses",
        ),
        ('[[steps]]\nname = "income"\ntype = "amount"\nvalue = 1\n', "reserved"),
        ('[[steps]]\nreplaces = "ZZ.a"\ntype = "amount"\nvalue = 1\n', "names no step of its base regions"),
        ('[[steps]]\nname = "a"\ntype = "brackets"\nof = "income"\nrates = []\n', "non-empty list"),
    ],
)
def test_bad_files_are_refused_with_the_reason(tmp_path, body, message):
    write(tmp_path, 2025, "XX", body)
    with pytest.raises(TaxRulesError, match=message.replace("(", r"\(").replace(")", r"\)")):
        tax(tmp_path, "XX", "1000")


def test_a_file_whose_header_disagrees_with_its_place_is_refused(tmp_path):
    write(tmp_path, 2025, "XX", "")
    (tmp_path / "2025" / "XX.toml").rename(tmp_path / "2025" / "XY.toml")
    with pytest.raises(TaxRulesError, match="says region XX year 2025, but its place says XY year 2025"):
        tax(tmp_path, "XY", "1000")


def test_formulas_are_exact_decimals_and_closed():
    formula = parse("max(0, US-NY.taxable_income - 0.1) * 3 / 2")
    assert formula.names == {"US-NY.taxable_income"}
    assert formula({"US-NY.taxable_income": D("0.3")}) == D("0.3")  # (0.3 − 0.1) × 3 / 2, no float error
    assert parse("floor(x) + ceil(-x) + abs(-2)")({"x": D("2.5")}) == D("2")  # 2 + (−2) + 2
    for bad in ("a.b", "x ** 2", "x if y else z", "'text'", "x[0]", "lambda: 1", "(1", "1 +"):
        with pytest.raises(FormulaError):
            parse(bad)
