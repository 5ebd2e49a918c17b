"""After tax in the year figures, the comparison, the break-even and the levers (issue 16).

Every expected figure is worked by hand from the rule files (resources/tax/<year>/<CODE>.toml), the
arithmetic beside it. 2026 rules, single filer unless said: US federal 2026 brackets for a single
filer 10 % to 12,400, 12 % to 50,400, 22 % to 105,700, 24 % to 201,775 …, standard deduction 16,100,
Social Security 6.2 % to 184,500, Medicare 1.45 %; Washington: PFML 0.807159 % to 184,500 and WA Cares
0.58 %; California: 2025 rules (2026 not published), standard deduction 5,706, brackets 1/2/4/6/8/9.3 %
at 11,079/26,264/41,452/57,542/72,724, exemption credit 153, SDI 1.2 %.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from app.after_tax import NOT_TAXED_NOTE, after_tax_year, pocket_sentence, tax_on
from app.comparison import comparison_for
from app.compensation import YearFigures
from app.evaluation import Evaluator, evaluator_for_file
from app.files import read_offer_file
from app.models import CurrentJob, Offer, OfferFile, TaxSettings
from app.report import evaluate
from app.tax import estimate, regions, total_tax

D = Decimal
AS_OF = date(2026, 11, 20)
TAX_2026 = TaxSettings(year=2026)


def offer(**fields: Any) -> Offer:
    return Offer.model_validate({"company": fields.get("id", "X").title(), "role": "Engineer", **fields})


def evaluator(offers: list[Offer], horizon: int = 2, **kwargs: Any) -> Evaluator:
    kwargs.setdefault("display_currency", "USD")
    kwargs.setdefault("fx", {})
    kwargs.setdefault("tax", TAX_2026)
    return Evaluator(offers, as_of=AS_OF, horizon=horizon, **kwargs)


SEATTLE = offer(
    id="seattle",
    tax_region="US-WA",
    base_salary=150000,
    equity=[{"kind": "rsu", "value": 100000}],
    benefits=[{"name": "401(k) match", "annual_value": 5000}],
)
QUARRY = offer(
    id="quarry",
    tax_region="US-CA",
    base_salary=150000,
    equity=[{"kind": "option", "shares": 120000, "strike": D("0.0125"), "price": D("1.85")}],
)


def test_washington_taxes_the_rsus_vesting_and_not_the_benefits() -> None:
    taxes = evaluator([SEATTLE]).after_tax("seattle")
    # taxed: 150,000 base + 25,000 RSUs vesting = 175,000; the 5,000 of benefits are not taxed.
    # Federal: 175,000 − 16,100 = 158,900; 1,240 + 4,560 + 12,166 + 24 % × 53,200 (12,768) = 30,734.00
    # Social Security 6.2 % × 175,000 = 10,850.00; Medicare 1.45 % = 2,537.50
    # PFML 0.807159 % × 175,000 = 1,412.52825 → 1,412.53; WA Cares 0.58 % = 1,015.00
    # tax 46,549.03; after tax 180,000 − 46,549.03 = 133,450.97
    assert taxes.available and taxes.status == "estimated"
    assert [(y.taxed, y.not_taxed, y.tax, y.after_tax) for y in taxes.years] == [
        (D("175000.00"), D("5000.00"), D("46549.03"), D("133450.97"))
    ] * 2
    assert (taxes.total_tax, taxes.total_after_tax) == (D("93098.06"), D("266901.94"))
    assert taxes.label == "estimate, 2026 rules, single filer, this pay as the only income"
    assert taxes.notes == (
        "Washington (US): estimate, 2026 rules, single filer, this pay as the only income",
        NOT_TAXED_NOTE,
    )


def test_california_keeps_the_options_untaxed_and_says_its_rules_are_2025s() -> None:
    taxes = evaluator([QUARRY]).after_tax("quarry")
    # taxed: the base only, 150,000 (30,000 options vest a year × (1.85 − 0.0125) = 55,125, untaxed)
    # Federal: 133,900 taxable: 1,240 + 4,560 + 12,166 + 24 % × 28,200 (6,768) = 24,734.00
    # Social Security 9,300.00; Medicare 2,175.00
    # California: 150,000 − 5,706 = 144,294; 110.79 + 303.70 + 607.52 + 965.40 + 1,214.56
    # + 9.3 % × 71,570 (6,656.01) = 9,857.98 − 153 = 9,704.98; SDI 1.2 % = 1,800.00
    # tax 47,713.98; after tax 205,125 − 47,713.98 = 157,411.02
    year = taxes.year(1)
    assert (year.taxed, year.not_taxed, year.tax, year.after_tax) == (
        D("150000.00"), D("55125.00"), D("47713.98"), D("157411.02")
    )
    assert taxes.label == (
        "estimate, 2026 rules except California (US): 2025 rules (2026 not yet published), single filer, "
        "this pay as the only income"
    )


def test_a_sign_on_in_the_uk_and_the_tax_shared_among_the_years_parts() -> None:
    london = offer(id="london", currency="GBP", tax_region="GB-ENG", base_salary=90000, sign_on=[20000])
    ev = evaluator([london], display_currency="GBP")
    taxes = ev.after_tax("london")
    # Year 1, 110,000: allowance 12,570 − (110,000 − 100,000) / 2 = 7,570; taxable 102,430;
    # 20 % × 37,700 + 40 % × 64,730 = 7,540 + 25,892 = 33,432.00; NI 8 % × 37,700 + 2 % × 59,730
    # = 3,016 + 1,194.60 = 4,210.60; tax 37,642.60, after tax 72,357.40.
    # Year 2, 90,000: taxable 77,430; 7,540 + 40 % × 39,730 = 23,432.00; NI 3,016 + 2 % × 39,730
    # = 3,810.60; tax 27,242.60, after tax 62,757.40.
    assert [(y.tax, y.after_tax) for y in taxes.years] == [
        (D("37642.60"), D("72357.40")),
        (D("27242.60"), D("62757.40")),
    ]
    assert taxes.assumptions == (
        "UK tax year 2026-27 (6 April 2026 to 5 April 2027)",
        "no pension contributions or student loan",
    )
    netted = comparison_for(ev, ["london"], after_tax=True)
    # year 1's tax shared at its average rate: base 37,642.60 × 90/110 = 30,798.4909… → 30,798.49,
    # sign-on 37,642.60 × 20/110 = 6,844.109… → 6,844.11 (together 37,642.60)
    # base after tax: (90,000 − 30,798.49) + (90,000 − 27,242.60) = 59,201.51 + 62,757.40 = 121,958.91
    values = {row.key: row.values[0] for row in netted.rows}
    assert values["sign_on"] == D("13155.89")  # 20,000 − 6,844.11
    assert values["base"] == D("121958.91")
    assert values["year:1"] == D("72357.40") and values["total"] == D("135114.80")
    assert values["tax"] == D("64885.20")  # 37,642.60 + 27,242.60
    bar = netted.series[0].years[0]
    assert (bar.guaranteed_cash, bar.total) == (D("72357.40"), D("72357.40"))


def test_each_years_tax_is_its_estimates_total_made_only_when_asked(monkeypatch: Any) -> None:
    """The figures take each year's tax as the engine's total alone; a year's full estimate (its
    parts) is made only when something asks for it, and its total is the year's tax."""
    import app.after_tax as after_tax

    made: list[Decimal] = []
    real_estimate = after_tax.estimate

    def counting(region: str | None, year: int, status: str, income: Decimal) -> Any:
        made.append(income)
        return real_estimate(region, year, status, income)

    monkeypatch.setattr(after_tax, "estimate", counting)
    london = offer(id="london", currency="GBP", tax_region="GB-ENG", base_salary=90000, sign_on=[20000])
    taxes = evaluator([london], display_currency="GBP", horizon=3).after_tax("london")
    # years 1-3: 110,000 / 90,000 / 90,000 (worked above): 37,642.60, then 27,242.60 twice
    assert [y.tax for y in taxes.years] == [D("37642.60"), D("27242.60"), D("27242.60")]
    assert made == []  # no estimate made for the figures
    assert taxes.label == "estimate, 2026 rules, this pay as the only income"  # no filing status in the UK
    # year 2, asked: income tax 23,432.00 and NI 3,810.60 (worked above) add up to its tax
    second = taxes.year(2).estimate
    assert second is not None and made == [D("90000.00")]
    assert [(p.name, p.amount) for p in second.parts] == [
        ("Income tax", D("23432.00")),
        ("National Insurance", D("3810.60")),
    ]
    assert second.total == taxes.year(2).tax and second.label == taxes.label
    first = taxes.year(1).estimate
    assert first is not None and (first.income, first.total) == (D("110000.00"), D("37642.60"))
    # no region: no estimate to make
    assert evaluator([offer(id="nowhere", base_salary=90000)]).after_tax("nowhere").year(1).estimate is None


def test_germany_in_euros_shown_in_dollars_with_its_assumptions() -> None:
    berlin = offer(id="berlin", currency="EUR", tax_region="DE", base_salary=100000)
    ev = evaluator([berlin], fx={"EUR": D("1.08")})
    taxes = ev.after_tax("berlin")
    # 100,000 €: tests/unit/app/tax/test_de.py works it by hand: 41,969.99 € (pension 9,300, unemployment
    # 1,300, health 6,103.13, care 1,674, income tax 23,248, solidarity surcharge 344.86)
    assert (taxes.currency, taxes.year(1).tax, taxes.year(1).after_tax) == ("EUR", D("41969.99"), D("58030.01"))
    assert taxes.conversion is None  # taxed in euros, its own currency
    netted = comparison_for(ev, ["berlin"], after_tax=True)
    # shown in USD: 58,030.01 × 1.08 = 62,672.4108 → 62,672.41
    assert netted.row("year:1").values[0] == D("62672.41")
    assert (
        "Germany assumes statutory health insurance at the average additional contribution (2.9 %); childless "
        "(care insurance surcharge); tax class I, no church tax (Berlin)."
    ) in netted.tax_notes


def test_pay_in_another_currency_than_the_regions_is_converted_there_and_back() -> None:
    # dollars taxed in London: 137,500 USD at 1 GBP = 1.25 USD is 110,000 GBP; the UK tax on it is
    # 37,642.60 GBP (above), back in dollars 37,642.60 × 1.25 = 47,053.25; after tax 90,446.75
    remote = offer(id="remote", tax_region="GB-ENG", base_salary=137500)
    ev = evaluator([remote], horizon=1, fx={"GBP": D("1.25")}, fx_as_of=date(2026, 11, 18))
    taxes = ev.after_tax("remote")
    assert (taxes.currency, taxes.tax_currency) == ("USD", "GBP")
    assert (taxes.year(1).tax, taxes.year(1).after_tax) == (D("47053.25"), D("90446.75"))
    assert taxes.year(1).estimate is not None and taxes.year(1).estimate.income == D("110000.00")
    assert taxes.conversion == (
        "taxed in GBP: pay converted at 1 USD = 0.8 GBP (rates of 2026-11-18), the tax converted back to USD"
    )
    # without a GBP rate: no figure, and the reason — never pounds mixed into dollars
    missing = evaluator([remote], horizon=1).after_tax("remote")
    assert (missing.status, missing.year(1).tax, missing.year(1).after_tax) == ("no_rate", None, None)
    assert missing.flag is not None and missing.flag.startswith("no GBP rate: ")


def test_no_region_or_one_without_rules_gives_null_and_says_why() -> None:
    tokyo = offer(id="tokyo", tax_region="JP", base_salary=100000)
    nowhere = offer(id="nowhere", base_salary=100000)
    ev = evaluator([SEATTLE, tokyo, nowhere], horizon=1)
    assert ev.after_tax("tokyo").status == "unsupported"
    assert ev.after_tax("tokyo").flag == "no tax rules for JP in the app: no after-tax figure (never a guess)"
    assert ev.after_tax("nowhere").status == "no_region"
    netted = comparison_for(ev, ["seattle", "tokyo", "nowhere"], after_tax=True)
    assert netted.row("year:1").values == (D("133450.97"), None, None)  # 180,000 − 46,549.03
    assert [c.offer_id for c in netted.series] == ["seattle"]
    assert [(c.offer_id, reason.split(":")[0]) for c, reason in netted.untaxed] == [
        ("tokyo", "no tax rules for JP in the app"),
        ("nowhere", "no tax region"),
    ]
    assert comparison_for(ev, ["seattle", "tokyo", "nowhere"]).untaxed == ()  # before tax: nothing to say
    sentence = ev.break_even_sentence("seattle", "tokyo", after_tax=True)
    assert sentence.startswith("Seattle and Tokyo can't be compared after tax: Tokyo: no tax rules for JP")


def test_the_year_without_a_tax_object_is_the_as_of_year_and_a_later_one_falls_back_labelled() -> None:
    plain = Evaluator([SEATTLE], as_of=AS_OF, display_currency="USD", fx={}, horizon=1)
    taxes = plain.after_tax("seattle")
    assert taxes.year(1).tax == D("46549.03")  # the 2026 rules, as with tax.year = 2026
    assert taxes.year_note == (
        "tax year 2026: the evaluation's year (no tax year set in Settings or in the file's `tax`)"
    )
    later = evaluator([SEATTLE], horizon=1, tax=TaxSettings(year=2027)).after_tax("seattle")
    assert later.label == "estimate, 2026 rules (2027 not yet published), single filer, this pay as the only income"
    assert later.year(1).tax == D("46549.03") and later.year_note is None


def test_the_json_has_tax_and_after_tax_per_year_and_null_without_a_region() -> None:
    data = OfferFile.model_validate(
        {
            "format": "offer-planner/2",
            "as_of": "2026-11-20",
            "tax": {"year": 2026, "filing_status": "single"},
            "horizon_years": 1,
            "current_job": {"tax_region": "US-WA", "base_salary": 175000},
            "offers": [
                SEATTLE.model_dump(),
                {"id": "nowhere", "company": "N", "role": "E"},
                {"id": "tokyo", "company": "T", "role": "E", "currency": "JPY", "tax_region": "JP"},
            ],
        }
    )
    result = evaluate(data)
    seattle, nowhere, tokyo = result["offers"]
    # a region the app has no rules for: null, as without a region (the text output says why)
    assert (tokyo["years"][0]["tax"], tokyo["years"][0]["after_tax"]) == (None, None)
    assert seattle["years"][0] | {"tax": D("46549.03"), "after_tax": D("133450.97")} == seattle["years"][0]
    assert (nowhere["years"][0]["tax"], nowhere["years"][0]["after_tax"]) == (None, None)
    # staying in Washington at 175,000 a year: the same 46,549.03 of tax
    assert (result["current_job"]["years"][0]["tax"], result["current_job"]["years"][0]["after_tax"]) == (
        D("46549.03"),
        D("128450.97"),
    )


def test_after_tax_changes_who_is_ahead_and_the_break_even_says_after_tax() -> None:
    # Seattle pays 175,000 cash, San Francisco 180,000: before tax San Francisco leads by 5,000.
    # San Francisco at 180,000: federal 163,900 taxable: 1,240 + 4,560 + 12,166 + 24 % × 58,200 (13,968)
    # = 31,934.00; Social Security 11,160.00; Medicare 2,610.00; California 174,294 taxable: 3,201.97
    # + 9.3 % × 101,570 (9,446.01) = 12,647.98 − 153 = 12,494.98; SDI 2,160.00 → 60,358.98: 119,641.02 left.
    # Seattle at 175,000: 46,549.03 (above): 128,450.97 left, ahead by 8,809.95 after tax.
    seattle = offer(id="seattle", tax_region="US-WA", base_salary=175000)
    sf = offer(id="sf", company="San Francisco", tax_region="US-CA", base_salary=180000)
    ev = evaluator([seattle, sf], horizon=1)
    assert ev.after_tax("sf").year(1).after_tax == D("119641.02")
    assert ev.after_tax("seattle").year(1).after_tax == D("128450.97")
    assert ev.break_even_sentence("seattle", "sf").startswith("San Francisco is ahead of Seattle in year 1 at every")
    assert ev.break_even_sentence("seattle", "sf", after_tax=True).startswith(
        "Seattle is ahead of San Francisco in year 1 after tax at every"
    )


def test_what_a_raise_leaves_in_your_pocket() -> None:
    ev = evaluator([QUARRY], horizon=1)
    change = ev.extra_pay_after_tax("quarry", D(10000))
    # 150,000 → 160,000 taxed, every rate marginal at both: 24 % federal + 6.2 % + 1.45 % + 9.3 % California
    # + 1.2 % SDI = 42.15 % of 10,000 = 4,215.00; kept 5,785.00
    assert change is not None and (change.tax_change, change.pocket_change) == (D("4215.00"), D("5785.00"))
    assert pocket_sentence(change, "base") == "+$10,000 base is +$5,785 a year in your pocket in California"
    assert change.kept_pct == D("57.9")
    # a higher base in an offer with a 10 % bonus also raises the bonus: +10,000 base is +11,000 of pay;
    # 165,000 → 176,000 taxed, still at the same marginal rates: 42.15 % × 11,000 = 4,636.50; kept 6,363.50
    with_bonus = offer(id="b", tax_region="US-CA", base_salary=150000, bonus={"target_pct": 10})
    ev = evaluator([with_bonus], horizon=1)
    raised = ev.pocket_change("b", with_bonus.model_copy(update={"base_salary": D(160000)}))
    assert raised is not None and (raised.pay_change, raised.pocket_change) == (D("11000.00"), D("6363.50"))
    one_off = ev.extra_pay_after_tax("b", D(20000))
    assert one_off is not None and pocket_sentence(one_off, "sign-on", per_year=False).startswith(
        "+$20,000 sign-on is +$"
    )
    assert evaluator([offer(id="n", base_salary=1)]).extra_pay_after_tax("n", D(10)) is None


def test_the_current_job_is_taxed_like_an_offer_in_the_stay_column() -> None:
    job = CurrentJob.model_validate({"company": "Ridgeway", "tax_region": "US-WA", "base_salary": 150000,
                                     "equity_by_year": [25000]})
    ev = evaluator([SEATTLE], horizon=1, current_job=job)
    netted = comparison_for(ev, ["seattle"], after_tax=True)
    # staying: 150,000 + 25,000 of vesting = 175,000 taxed: 46,549.03; 128,450.97 left
    assert netted.row("year:1").values == (D("128450.97"), D("133450.97"))
    assert netted.row("leaving_cost").label == "Leaving cost before tax (forfeit + repay)"
    assert "year:1:after_leaving" not in {row.key for row in netted.rows}
    assert "The leaving cost is before tax." in netted.tax_notes
    before = comparison_for(ev, ["seattle"])
    before_keys = [r.key for r in before.rows if r.key != "year:1:after_leaving"]
    assert [r.key for r in netted.rows if r.key != "tax"] == before_keys


REGIONS = [code for code, _name in regions()]
CURRENCY = {code: estimate(code, 2026, "single", D(0)).currency for code in REGIONS}  # type: ignore[union-attr]
money = st.integers(min_value=0, max_value=600_000).map(D)


@settings(deadline=None)  # examples: the profile's (quick by default)
@given(
    region=st.sampled_from(REGIONS),
    status=st.sampled_from(["single", "married_joint", "head_of_household"]),
    base=money,
    bonus_pct=st.integers(0, 50),
    sign_on=money,
    rsu=st.integers(min_value=1, max_value=600_000).map(D),
    option_shares=st.integers(1, 100_000),
    benefit=st.integers(0, 20_000),
)
def test_after_tax_is_never_above_the_total_and_tax_never_negative(
    region: str, status: str, base: D, bonus_pct: int, sign_on: D, rsu: D, option_shares: int, benefit: int
) -> None:
    subject = offer(
        id="any",
        currency=CURRENCY[region],
        tax_region=region,
        base_salary=base,
        bonus={"target_pct": bonus_pct},
        sign_on=[sign_on],
        equity=[{"kind": "rsu", "value": rsu}, {"kind": "option", "shares": option_shares, "strike": 1, "price": 3}],
        benefits=[{"name": "b", "annual_value": benefit}],
    )
    ev = evaluator([subject], tax=TaxSettings(year=2026, filing_status=status))
    fig, taxes = ev.figures("any"), ev.after_tax("any")
    assert taxes.available
    for year, tax in zip(fig.years, taxes.years, strict=True):
        assert tax.tax is not None and tax.after_tax is not None
        assert D(0) <= tax.tax <= tax.taxed
        assert tax.after_tax <= year.total and tax.after_tax == year.total - tax.tax
        assert tax_on(taxes, tax.taxed, ev.tax_basis) == tax.tax  # the search's faster path agrees
        netted = after_tax_year(year, tax.tax)
        assert netted.total == tax.after_tax and netted.benefits == year.benefits
        assert netted.equity_options == year.equity_options and netted.equity >= year.equity_options
        assert isinstance(netted, YearFigures)
    assert total_tax(region, 2026, status, D(1234)) == estimate(region, 2026, status, D(1234)).total  # type: ignore[union-attr]


# --- the README's sample (resources/samples/after-tax.json), worked by hand ------------------------

ROOT = Path(__file__).resolve().parents[3]
SAMPLE = ROOT / "resources" / "samples" / "after-tax.json"

# Each city's yearly tax on the same 300,000 USD (200,000 base + 10 % bonus + 80,000 of RSUs vesting a
# year, all taxed), 2026 rules, single filer; every line from the rule file it names.
#
# US federal (resources/tax/2026/US.toml), the same in the three US cities:
#   taxable 300,000 − 16,100 (standard deduction) = 283,900
#   10 % × 12,400 = 1,240 + 12 % × 38,000 = 4,560 + 22 % × 55,300 = 12,166 + 24 % × 96,075 = 23,058
#   + 32 % × 54,450 = 17,424 + 35 % × (283,900 − 256,225 = 27,675) = 9,686.25  → 68,134.25
#   Social Security 6.2 % × 184,500 (the 2026 wage base) = 11,439.00
#   Medicare 1.45 % × 300,000 = 4,350.00; Additional Medicare 0.9 % × (300,000 − 200,000) = 900.00
#   federal together: 68,134.25 + 11,439 + 4,350 + 900 = 84,823.25
FEDERAL = {
    "Federal income tax": D("68134.25"),
    "Social Security": D("11439.00"),
    "Medicare": D("4350.00"),
    "Additional Medicare Tax": D("900.00"),
}
SAMPLE_BY_HAND: dict[str, tuple[str, dict[str, Decimal], Decimal]] = {
    # Seattle (2026/US-WA.toml): no income tax;
    #   PFML 0.807159 % × 184,500 (capped at the Social Security base) = 1,489.208355 → 1,489.21
    #   WA Cares 0.58 % × 300,000 = 1,740.00
    #   84,823.25 + 1,489.21 + 1,740.00 = 88,052.46
    "seattle": (
        "USD",
        FEDERAL
        | {
            "Washington Paid Family and Medical Leave (employee)": D("1489.21"),
            "WA Cares Fund (long-term care)": D("1740.00"),
        },
        D("88052.46"),
    ),
    # San Francisco (2025/US-CA.toml: California's 2026 rules are not published, labelled):
    #   taxable 300,000 − 5,706 = 294,294
    #   1 % × 11,079 = 110.79 + 2 % × 15,185 = 303.70 + 4 % × 15,188 = 607.52 + 6 % × 16,090 = 965.40
    #   + 8 % × 15,182 = 1,214.56 + 9.3 % × (294,294 − 72,724 = 221,570) = 20,606.01  → 23,807.98
    #   exemption credit 153 − 6 × ceil((300,000 − 252,203) / 2,500 = 19.12 → 20) = 33 → 23,774.98
    #   SDI 1.2 % × 300,000 = 3,600.00 (no wage cap)
    #   84,823.25 + 23,774.98 + 3,600.00 = 112,198.23
    "san-francisco": (
        "USD",
        FEDERAL | {"California income tax": D("23774.98"), "California SDI (employee)": D("3600.00")},
        D("112198.23"),
    ),
    # New York City (2026/US-NY.toml, 2026/US-NY-NYC.toml):
    #   New York State: taxable 300,000 − 8,000 = 292,000
    #   3.9 % × 8,500 = 331.50 + 4.4 % × 3,200 = 140.80 + 5.15 % × 2,200 = 113.30 + 5.4 % × 66,750
    #   = 3,604.50 + 5.9 % × 134,750 = 7,950.25 + 6.85 % × (292,000 − 215,400 = 76,600) = 5,247.10
    #   → 17,387.45; recapture over 215,400: 567 + 2,047 × min(1, 84,600 / 50,000) = 2,614 → 20,001.45
    #   (no household credit above 28,000)
    #   PFL min(0.432 % × 300,000 = 1,296, 411.91) = 411.91; disability min(1,500, 31.20) = 31.20
    #   City: taxable 292,000 (≥ 65,000, the schedule): 1,813 + 3.876 % × 242,000 = 9,379.92 → 11,192.92
    #   school tax credit: no fixed part above 250,000 of income; rate reduction 21 + 0.228 % × 280,000
    #   = 659.40 (income ≤ 500,000) → −659.40
    #   84,823.25 + 20,001.45 + 411.91 + 31.20 + 11,192.92 − 659.40 = 115,801.33
    "new-york": (
        "USD",
        FEDERAL
        | {
            "New York State income tax": D("20001.45"),
            "New York Paid Family Leave (employee)": D("411.91"),
            "New York disability benefits (employee)": D("31.20"),
            "New York City income tax": D("11192.92"),
            "NYC school tax credit": D("-659.40"),
        },
        D("115801.33"),
    ),
    # London (2026/GB.toml via GB-ENG, tax year 2026-27), in pounds:
    #   pay 300,000 USD ÷ 1.33989 = 223,898.9768 → 223,898.98 GBP; whole pounds 223,898
    #   personal allowance 0 (income ≥ 125,140)
    #   20 % × 37,700 = 7,540 + 40 % × 87,440 = 34,976 + 45 % × (223,898 − 125,140 = 98,758) = 44,441.10
    #   → 86,957.10
    #   NI 8 % × (50,270 − 12,570 = 37,700) = 3,016 + 2 % × (223,898.98 − 50,270 = 173,628.98) = 3,472.5796
    #   → 6,488.5796 → 6,488.58
    #   86,957.10 + 6,488.58 = 93,445.68 GBP; back in dollars × 1.33989 = 125,206.9322 → 125,206.93
    "london": (
        "GBP",
        {"Income tax": D("86957.10"), "National Insurance": D("6488.58")},
        D("93445.68"),
    ),
    # Berlin (2026/DE.toml), in euros:
    #   pay 300,000 USD ÷ 1.1172 = 268,528.4640 → 268,528.46 EUR
    #   pension 9.3 % × 101,400 = 9,430.20; unemployment 1.3 % × 101,400 = 1,318.20;
    #   health 8.75 % × 69,750 = 6,103.125 → 6,103.13; care 2.4 % × 69,750 = 1,674.00  (18,525.53)
    #   Vorsorgepauschale 9,430.20 + max(10.85 % × 69,750 = 7,567.875, min(1,318.20 + 7,567.875, 1,900))
    #   = 16,998.075; zvE 268,528.46 − 1,230 − 36 − 16,998.075 = 250,264.385 → 250,264
    #   income tax (§32a, 69,878 < zvE ≤ 277,825): 0.42 × 250,264 − 11,135.63 = 93,975.25 → 93,975
    #   solidarity surcharge min(5.5 % × 93,975 = 5,168.625, 11.9 % × (93,975 − 20,350) = 8,761.375)
    #   → 5,168.62 (cents down)
    #   18,525.53 + 93,975 + 5,168.62 = 117,669.15 EUR; back in dollars × 1.1172 = 131,459.9744
    #   → 131,459.97
    "berlin": (
        "EUR",
        {
            "Pension insurance (Rentenversicherung)": D("9430.20"),
            "Unemployment insurance (Arbeitslosenversicherung)": D("1318.20"),
            "Health insurance (Krankenversicherung)": D("6103.13"),
            "Long-term care insurance (Pflegeversicherung)": D("1674.00"),
            "Income tax (Einkommensteuer)": D("93975.00"),
            "Solidarity surcharge (Solidaritätszuschlag)": D("5168.62"),
        },
        D("117669.15"),
    ),
}
# The tax in dollars (the offers' currency), each year, and what is left of 300,000:
SAMPLE_TAX_USD = {
    "seattle": D("88052.46"),  # 300,000 − 88,052.46 = 211,947.54
    "san-francisco": D("112198.23"),  # 187,801.77
    "new-york": D("115801.33"),  # 184,198.67
    "london": D("125206.93"),  # 174,793.07
    "berlin": D("131459.97"),  # 168,540.03
}


def test_the_readme_sample_worked_by_hand() -> None:
    result = evaluate(read_offer_file(SAMPLE))
    ev = evaluator_for_file(read_offer_file(SAMPLE))
    shown = {o["id"]: o for o in result["offers"]}
    assert list(shown) == ["seattle", "san-francisco", "new-york", "london", "berlin"]
    for offer_id, (currency, parts, total) in SAMPLE_BY_HAND.items():
        year = ev.after_tax(offer_id).year(1)
        assert year.estimate is not None and year.estimate.currency == currency, offer_id
        assert {p.name: p.amount for p in year.estimate.parts} == parts, offer_id
        assert sum(parts.values(), D(0)) == total == year.estimate.total, offer_id
        tax = SAMPLE_TAX_USD[offer_id]
        # every year the same: 300,000 of pay, all of it taxed
        assert [(y["total"], y["tax"], y["after_tax"]) for y in shown[offer_id]["years"]] == [
            (D("300000.00"), tax, D(300000) - tax)
        ] * 4, offer_id
    # London's and Berlin's pay, converted at the file's rates (1 GBP = 1.33989 USD, 1 EUR = 1.1172 USD)
    assert ev.after_tax("london").year(1).estimate.income == D("223898.98")  # type: ignore[union-attr]
    assert ev.after_tax("berlin").year(1).estimate.income == D("268528.46")  # type: ignore[union-attr]
    # The README prints these figures: its table rows and its prose say the same numbers
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    after_tax_row = next(line for line in readme.splitlines() if line.startswith("Year 1 after tax"))
    assert after_tax_row.split()[4:] == ["211,947.54", "187,801.77", "184,198.67", "174,793.07", "168,540.03"]
    prose = " ".join(readme.split())
    for words in ("Seattle 88,052.46", "San Francisco 112,198.23", "California 23,774.98",
                  "New York City 115,801.33", "London 93,445.68 GBP on 223,898.98 GBP", "125,206.93 USD",
                  "Berlin 117,669.15 EUR on 268,528.46 EUR", "131,459.97 USD"):
        assert words in prose, words


def test_a_filing_status_the_region_does_not_use_is_said_beside_the_figure() -> None:
    berlin = offer(id="berlin", currency="EUR", tax_region="DE", base_salary=100000)
    married = TaxSettings(year=2026, filing_status="married_joint")
    taxes = evaluator([berlin], horizon=1, display_currency="EUR", tax=married).after_tax("berlin")
    # Germany's rules have no filing status: the same 41,969.99 € as a single filer (test_de.py), and it says so
    assert taxes.year(1).tax == D("41969.99")
    assert taxes.assumptions[0] == (
        "taxed as a single person (the filing status married filing jointly is not used here)"
    )
    # a single filer is not told anything new; a US region uses the status and says it in its label
    assert not any("filing status" in a for a in evaluator([berlin], horizon=1).after_tax("berlin").assumptions)
    seattle = evaluator([SEATTLE], horizon=1, tax=married).after_tax("seattle")
    assert "married filing jointly" in (seattle.label or "") and seattle.assumptions == ()


def test_the_levers_helper_takes_an_offer_id_and_a_pay_change() -> None:
    ev = evaluator([QUARRY], horizon=1)
    # QUARRY: 150,000 base in California, no bonus: +10,000 base is 10,000 more taxed pay, every rate
    # marginal at both ends (worked in test_what_a_raise_leaves_in_your_pocket): 42.15 % → 4,215.00 of
    # tax, 5,785.00 kept
    change = ev.raise_after_tax("quarry", D(10000))
    assert change is not None
    assert (change.offer_id, change.year, change.pay_change, change.tax_change, change.pocket_change) == (
        "quarry", 1, D("10000.00"), D("4215.00"), D("5785.00")
    )
    assert pocket_sentence(change, "base") == "+$10,000 base is +$5,785 a year in your pocket in California"
    assert ev.ask_after_tax("quarry", base_salary=D(160000)) == replace(change, asked=None)

    # 200,000 base + 10 % bonus in California: +10,000 base is +11,000 of pay (220,000 → 231,000).
    # Federal taxable 203,900 → 214,900: all at 32 % (201,775 to 256,225); Social Security: past its
    # 184,500 base, nothing; Medicare 1.45 % + 0.9 % additional (over 200,000) = 2.35 %; California
    # taxable 214,294 → 225,294: all at 9.3 %, the exemption credit whole (income under 252,203);
    # SDI 1.2 %. 32 + 2.35 + 9.3 + 1.2 = 44.85 % × 11,000 = 4,933.50 of tax; 6,066.50 kept
    staff = offer(id="staff", tax_region="US-CA", base_salary=200000, bonus={"target_pct": 10})
    raised = evaluator([staff], horizon=1).raise_after_tax("staff", D(10000))
    assert raised is not None
    assert (raised.pay_change, raised.tax_change, raised.pocket_change) == (
        D("11000.00"), D("4933.50"), D("6066.50")
    )
    assert pocket_sentence(raised, "base") == (
        "+$10,000 base (+$11,000 of pay in all) is +$6,066.50 a year in your pocket in California"
    )
    # a one-off ask through the same door: a 20,000 sign-on in year 1, at 220,000 → 240,000 of pay:
    # 32 % + 2.35 % + 9.3 % + 1.2 % = 44.85 % × 20,000 = 8,970.00; 11,030.00 kept
    sign_on = evaluator([staff], horizon=1).ask_after_tax("staff", sign_on=[D(20000)])
    assert sign_on is not None and sign_on.pocket_change == D("11030.00")
    assert pocket_sentence(sign_on, "sign-on", per_year=False) == (
        "+$20,000 sign-on is +$11,030 in your pocket in year 1 in California"
    )
    # no region: no figure, never a guess
    assert evaluator([offer(id="n", base_salary=100000)]).raise_after_tax("n", D(10000)) is None


def test_a_raise_in_a_later_year_counts_the_raises_before_it() -> None:
    # 150,000 base rising 10 % a year: year 2 is 165,000, and +10,000 asked is 176,000 (the raise
    # applies to the new base too): +11,000 of pay, taxed at the marginal rates worked in
    # test_what_a_raise_leaves_in_your_pocket (165,000 → 176,000): 42.15 % = 4,636.50; 6,363.50 kept
    rising = offer(id="rising", tax_region="US-CA", base_salary=150000, annual_raise_pct=10)
    change = evaluator([rising], horizon=2).raise_after_tax("rising", D(10000), year=2)
    assert change is not None
    assert (change.year, change.pay_change, change.tax_change, change.pocket_change) == (
        2, D("11000.00"), D("4636.50"), D("6363.50")
    )
    assert evaluator([rising], horizon=2).raise_after_tax("rising", D(10000), year=3) is None


def test_evaluating_an_offer_estimates_each_year_once_and_its_base_ask_once(monkeypatch: Any) -> None:
    """The tax of each year of the horizon is estimated once, and the base lever's pocket change with
    one more estimate (of year 1 with the ask granted), without validating the offer again."""
    import app.after_tax as after_tax

    incomes: list[Decimal] = []
    real_estimate, real_total = after_tax.estimate, after_tax.total_tax

    def counting_estimate(region: str | None, year: int, status: str, income: Decimal) -> Any:
        incomes.append(income)
        return real_estimate(region, year, status, income)

    def counting_total(region: str | None, year: int, status: str, income: Decimal) -> Any:
        incomes.append(income)
        return real_total(region, year, status, income)

    validated: list[Any] = []
    real_validate = Offer.model_validate.__func__  # type: ignore[attr-defined]

    def counting_validate(cls: type[Offer], data: Any, **kwargs: Any) -> Offer:
        validated.append(data)
        return real_validate(cls, data, **kwargs)

    # 150,000 base below the band (160,000–200,000): the base lever asks for at least its minimum
    below = offer(
        id="below",
        tax_region="US-CA",
        stage="offer",
        base_salary=150000,
        budget={"band_min": 160000, "band_max": 200000, "source": "recruiter"},
        timeline=[{"date": "2026-11-10", "kind": "final_interview"}, {"date": "2026-11-12", "kind": "offer"}],
    )
    monkeypatch.setattr(after_tax, "estimate", counting_estimate)
    monkeypatch.setattr(after_tax, "total_tax", counting_total)
    monkeypatch.setattr(Offer, "model_validate", classmethod(counting_validate))
    evaluation = evaluator([below], horizon=4).evaluate("below")
    base = next(lever for lever in evaluation.levers if lever.lever == "base_salary")
    assert base.offered == D("150000.00") and base.ask is not None and base.ask >= D(160000)
    # four years of 150,000 (no bonus, nothing else taxed), then year 1 at the asked base: five in all
    assert incomes == [D("150000.00")] * 4 + [base.ask]
    assert base.pocket is not None and base.pocket.pay_change == base.ask - D(150000)
    assert validated == []


def test_the_readme_names_every_region_whose_2026_estimate_uses_older_rules() -> None:
    readme = " ".join((ROOT / "README.md").read_text(encoding="utf-8").split())
    start = readme.index("For 2026 these use their 2025 rules: ") + len("For 2026 these use their 2025 rules: ")
    named = readme[start : readme.index(".", start)].split(", ")
    older = [
        name.removesuffix(" (US)")
        for code, name in regions()
        if estimate(code, 2026, "single", D(100000)).fallback  # type: ignore[union-attr]
    ]
    # the eleven states whose 2026 figures were not published when the rules were written (their labels
    # say so: test_us_states.py); every other region has 2026 rules
    assert sorted(named) == sorted(older) and len(named) == 11
