"""Format 2's new fields and rules: every message names the place, the field and the problem.

Per-share prices take six decimals (a 0.0125 strike is normal) while money stays at cents; a format-1
file keeps format 1's rules and refuses format-2 keys by name; options carry their details; the
file-level parts (fx_base, scenarios, current job, tax) are checked like the offers.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest

from app.evaluation import Evaluator
from app.files import OfferFileError, parse_offer_file
from app.models import Offer
from app.options import offer_options
from tests.strategies import json_text

D = Decimal


def offer(**fields: Any) -> dict[str, Any]:
    return {"id": "acme", "company": "Acme", "role": "Engineer", **fields}


def v2(*offers: dict[str, Any], **top: Any) -> str:
    return json_text({"format": "offer-planner/2", **top, "offers": list(offers)})


def problems(text: str) -> list[str]:
    with pytest.raises(OfferFileError) as info:
        parse_offer_file(text)
    return [str(p) for p in info.value.problems]


def test_per_share_prices_take_six_decimals_and_money_stays_at_cents() -> None:
    parsed = parse_offer_file(v2(offer(equity=[{"kind": "option", "shares": 1000, "strike": D("0.0125"),
                                               "price": D("1.850001")}])))
    assert parsed.offers[0].equity[0].strike == D("0.0125")
    assert problems(v2(offer(equity=[{"kind": "option", "shares": 1, "strike": D("0.0000001"), "price": 1}]))) == [
        'offer "acme" (Acme), equity[0].strike: can have at most six decimal places (got 0.0000001)'
    ]
    assert problems(v2(offer(equity=[{"kind": "rsu", "shares": 1, "price": 1000001}]))) == [
        'offer "acme" (Acme), equity[0].price: can\'t be more than 1,000,000 a share (got 1000001)'
    ]
    assert problems(v2(offer(base_salary=D("100.125")))) == [
        'offer "acme" (Acme), base_salary: can have at most two decimal places (cents) (got 100.125)'
    ]


def test_a_format_1_file_keeps_format_1s_two_decimal_prices_and_refuses_format_2_keys() -> None:
    text = json_text(
        {
            "format": "offer-planner/1",
            "scenarios": [],
            "offers": [offer(start_date="2027-01-11", equity=[{"kind": "option", "shares": 1, "strike": D("0.0125"),
                                                               "price": 1, "fmv": 1}])],
        }
    )
    hint = 'a key of format 2: to use it, make the file "format": "offer-planner/2"'
    assert sorted(problems(text)) == sorted(
        [
            f"scenarios: {hint}",
            f'offer "acme" (Acme), start_date: {hint}',
            f'offer "acme" (Acme), equity[0].fmv: {hint}',
            'offer "acme" (Acme), equity[0].strike: can have at most two decimal places in a format-1 file '
            "(format 2 allows six) (got 0.0125)",
        ]
    )
    # format 1's money rule for prices: up to 1,000,000,000,000, two decimals
    big = json_text({"format": "offer-planner/1", "offers": [offer(equity=[{"kind": "rsu", "shares": 1,
                                                                             "price": 2000000}])]})
    assert parse_offer_file(big).offers[0].equity[0].price == D(2000000)


def test_option_details_only_on_options_and_checked() -> None:
    assert problems(v2(offer(equity=[{"kind": "rsu", "value": 1000, "fmv": 1}]))) == [
        'offer "acme" (Acme), equity[0].fmv: only an option grant has this detail'
    ]
    assert problems(v2(offer(equity=[{"kind": "option", "shares": 5000, "strike": 1, "price": 2,
                                      "fully_diluted_shares": 4000}]))) == [
        'offer "acme" (Acme), equity[0].fully_diluted_shares: can\'t be fewer than the grant\'s own 5000 options'
    ]
    assert problems(v2(offer(equity=[{"kind": "option", "shares": 1, "strike": 1, "price": 2,
                                      "exercise_window_days": 5000}]))) == [
        'offer "acme" (Acme), equity[0].exercise_window_days: must be at most 3660 (got 5000)'
    ]


def test_the_startup_options_numbers() -> None:
    startup = Offer.model_validate(
        offer(equity=[{"kind": "option", "shares": 120000, "strike": D("0.0125"), "price": D("1.85"),
                       "fmv": D("0.41"), "preferred_price": D("1.85"), "fully_diluted_shares": 24000000}])
    )
    [details] = offer_options(startup)
    # 120,000 ÷ 24,000,000 = 0.5 %; exercise: 120,000 × 0.0125 = 1,500
    assert (details.ownership_pct, details.exercise_cost) == (D("0.5000"), D("1500.00"))
    # at the 409A value: 120,000 × (0.41 − 0.0125) = 47,700; at the preferred price: × 1.8375 = 220,500
    assert (details.spread_at_fmv, details.spread_at_preferred) == (D("47700.00"), D("220500.00"))
    assert details.spread_at_price == D("220500.00")
    assert (details.exercise_window_days, details.exercise_window_given, details.short_window) == (90, False, True)
    assert details.under_water is False


def test_an_under_water_grant_is_flagged_not_called_no_equity() -> None:
    under = Offer.model_validate(
        offer(equity=[{"kind": "option", "shares": 10000, "strike": 3, "price": D("2.5"), "fmv": D("2.5"),
                       "exercise_window_days": 3650},
                      {"kind": "rsu", "value": 1000}])
    )
    [details] = offer_options(under)
    assert details.under_water and details.spread_at_price == 0 and details.spread_at_fmv == 0
    assert details.ownership_pct is None and details.exercise_window_days == 3650 and not details.short_window
    assert details.grant_index == 0
    from datetime import date

    ev = Evaluator([under], as_of=date(2026, 11, 20), display_currency="USD", fx={}, horizon=4)
    assert ev.evaluate("acme").options == (details,)


def test_rounds_name_the_round_and_the_item() -> None:
    bad = [
        {"date": "2026-11-03", "side": "candidate", "items": {"base_salary": -1}},
        {"date": "2026-11-04", "side": "recruiter", "items": {"salary": 1}},
        {"date": "2026-11-05", "side": "company", "items": {}},
    ]
    assert problems(v2(offer(negotiation=bad))) == [
        "offer \"acme\" (Acme), negotiation[0].items.base_salary: can't be negative (got -1)",
        'offer "acme" (Acme), negotiation[1].side: must be one of "candidate" or "company" (got "recruiter")',
        'offer "acme" (Acme), negotiation[1].items.salary: is not a field of the offer file format (unknown key)',
        'offer "acme" (Acme), negotiation[2].items: a round needs at least one item (base_salary, sign_on, '
        "equity_value, …)",
    ]


def test_the_other_new_offer_fields() -> None:
    good = parse_offer_file(v2(offer(tax_region="US-NY-NYC", start_date="2027-01-11",
                                     sign_on_repayment={"months": 12}))).offers[0]
    assert good.tax_region == "US-NY-NYC" and good.sign_on_repayment is not None
    assert good.sign_on_repayment.pro_rata is True
    assert problems(v2(offer(tax_region="UK", sign_on_repayment={"months": 61}, start_date="11/01/2027"))) == [
        'offer "acme" (Acme), tax_region: the United Kingdom\'s code is "GB" ("GB-SCT" for Scotland), not "UK"',
        'offer "acme" (Acme), start_date: must be a date written YYYY-MM-DD (got "11/01/2027")',
        'offer "acme" (Acme), sign_on_repayment.months: must be at most 60 (got 61)',
    ]
    assert problems(v2(offer(tax_region="us-ca"))) == [
        'offer "acme" (Acme), tax_region: "us-ca" is not a region code: write a country (DE), a subdivision '
        "(US-CA, GB-SCT, CA-ON) or US-NY-NYC, in capitals"
    ]


def test_the_file_level_parts_name_their_place() -> None:
    found = problems(
        v2(
            offer(),
            fx_base="USD",
            fx={"USD": 2, "EUR": D("1.0800001")},
            scenarios=[{"name": "bear", "growth_pct": -95}, {"name": "bear", "growth_pct": 10, "offers": {"nope": 5}}],
            current_job={"base_salary": -1, "salary": 1},
            tax={"year": 2026, "filing_status": "joint"},
        )
    )
    assert found == [
        "fx.EUR: can have at most six decimal places (got 1.0800001)",
        'scenario "bear", growth_pct: can\'t be below -90 % a year (got -95)',
        "current job, base_salary: can't be negative (got -1)",
        "current job, salary: is not a field of the offer file format (unknown key)",
        'tax.filing_status: must be one of "single", "married_joint" or "head_of_household" (got "joint")',
    ]
    # once every part is valid, the rules across parts are checked
    assert problems(v2(offer(), fx_base="USD", fx={"USD": 2})) == [
        "fx: the rates are quoted in USD (fx_base), so the rate of USD itself is 1 (write 1 or leave it out)"
    ]
    assert problems(v2(offer(), scenarios=[{"name": "bear", "growth_pct": 1}, {"name": "bear", "growth_pct": 2}])) == [
        'scenario "bear", name: another scenario is already named "bear"'
    ]
    assert problems(v2(offer(), scenarios=[{"name": "bull", "growth_pct": 15, "offers": {"nope": 40}}])) == [
        'scenario "bull", offers.nope: no offer in the file has the id "nope"'
    ]


def test_fx_base_defaults_to_the_display_currency_and_may_differ_from_it() -> None:
    parsed = parse_offer_file(v2(offer(), display_currency="EUR", fx={"USD": D("0.925")}))
    assert parsed.fx_base == "EUR"
    based = parse_offer_file(v2(offer(), display_currency="EUR", fx_base="USD", fx={"EUR": D("1.08")},
                                fx_as_of="2026-11-18"))
    assert (based.fx_base, based.settings.base_currency, str(based.fx_as_of)) == ("USD", "USD", "2026-11-18")
