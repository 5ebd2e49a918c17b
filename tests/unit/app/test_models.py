"""The offer file's models: defaults, grant values, exact numbers and every validation rule.

A rule broken in a file must come back as a problem a person can act on: the offer (id or company),
the field path, and what is wrong in words. Expectations are literals written from the spec.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.errors import Problem
from app.files import OfferFileError, parse_offer_file
from app.models import Grant, Offer, OfferFile, Vesting, _decimal_places, _over_places
from tests import strategies
from tests.strategies import json_text

D = Decimal
ACME = '"acme" (Acme)'


def offer_dict(**fields: Any) -> dict[str, Any]:
    return {"id": "acme", "company": "Acme", "role": "Engineer", **fields}


def file_dict(*offers: dict[str, Any], **top: Any) -> dict[str, Any]:
    return {"format": "offer-planner/1", **top, "offers": list(offers)}


def problems(data: dict[str, Any] | str) -> list[Problem]:
    text = data if isinstance(data, str) else json_text(data)
    with pytest.raises(OfferFileError) as info:
        parse_offer_file(text)
    return info.value.problems


def triples(found: list[Problem]) -> list[tuple[str | None, str, str]]:
    return [(p.offer, p.field, p.message) for p in found]


# --- defaults ------------------------------------------------------------------------------------


def test_an_offer_needs_only_company_and_role() -> None:
    offer = Offer.model_validate({"company": "Acme", "role": "Engineer"})
    assert offer.currency == "USD"
    assert offer.stage == "offer"
    assert offer.base_salary == 0
    assert offer.annual_raise_pct == 0
    assert offer.bonus is None
    assert offer.sign_on == []
    assert offer.relocation == 0
    assert offer.equity == []
    assert offer.refreshers is None
    assert offer.benefits == []
    assert offer.timeline == []
    assert offer.notes == ""
    assert offer.id  # generated


def test_vesting_defaults_are_the_standard_schedule() -> None:
    vesting = Grant.model_validate({"kind": "rsu", "value": 1}).vesting
    assert vesting.years_pct == [25, 25, 25, 25]
    assert vesting.cliff_months == 12
    assert vesting.frequency == "monthly"


def test_bonus_payout_and_refresher_first_year_defaults() -> None:
    offer = Offer.model_validate(
        offer_dict(bonus={"target_pct": 10}, refreshers={"annual_value": 40000})
    )
    assert offer.bonus is not None and offer.bonus.expected_payout_pct == 100
    assert offer.refreshers is not None and offer.refreshers.first_year == 2
    assert offer.refreshers.vesting.years_pct == [25, 25, 25, 25]


def test_file_defaults() -> None:
    parsed = parse_offer_file(json_text(file_dict(offer_dict(currency="EUR"), offer_dict(id="b"))))
    assert parsed.horizon_years == 4
    assert parsed.fx == {}
    assert parsed.as_of == date.today()
    assert parsed.display_currency == "EUR"  # the first offer's currency
    assert parse_offer_file('{"format": "offer-planner/1", "offers": []}').display_currency == "USD"


def test_ids_left_out_are_derived_from_the_content_and_stable() -> None:
    text = json_text(
        file_dict({"company": "Northwind Analytics", "role": "Engineer"}, {"company": "B", "role": "r"})
    )
    first, second = parse_offer_file(text), parse_offer_file(text)
    ids = [o.id for o in first.offers]
    assert ids == [o.id for o in second.offers]  # evaluating twice agrees
    assert ids[0].startswith("northwind-analytics-")
    assert len(set(ids)) == 2


def test_timeline_is_sorted_by_date_keeping_same_day_order() -> None:
    offer = Offer.model_validate(
        offer_dict(
            timeline=[
                {"date": "2026-11-05", "kind": "offer", "note": "second"},
                {"date": "2026-10-20", "kind": "recruiter_screen"},
                {"date": "2026-11-05", "kind": "counter", "note": "third"},
            ]
        )
    )
    assert [(e.date.isoformat(), e.kind) for e in offer.sorted_timeline()] == [
        ("2026-10-20", "recruiter_screen"),
        ("2026-11-05", "offer"),
        ("2026-11-05", "counter"),
    ]


def test_names_are_trimmed() -> None:
    offer = Offer.model_validate({"id": " x ", "company": "  Acme Corp ", "role": "Engineer\n"})
    assert (offer.id, offer.company, offer.role) == ("x", "Acme Corp", "Engineer")
    assert offer.label == '"x" (Acme Corp)'


# --- grant values --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("grant", "value"),
    [
        ({"kind": "rsu", "value": 400000}, D(400000)),
        ({"kind": "rsu", "shares": 1000, "price": 400}, D(400000)),  # 1000 × 400
        ({"kind": "rsu", "shares": 800, "price": 250}, D(200000)),  # 800 × 250
        ({"kind": "option", "shares": 20000, "strike": D("2.5"), "price": 10}, D(150000)),  # 20000 × 7.5
        ({"kind": "option", "shares": 12000, "strike": D("3.2"), "price": D("9.5")}, D(75600)),  # × 6.3
        ({"kind": "option", "shares": 20000, "strike": 10, "price": 4}, D(0)),  # under water: 0
        ({"kind": "option", "shares": 20000, "strike": 4, "price": 4}, D(0)),  # at the money: 0
    ],
)
def test_grant_value(grant: dict[str, Any], value: Decimal) -> None:
    assert Grant.model_validate(grant).grant_value == value


# --- exact numbers -------------------------------------------------------------------------------


def test_a_decimal_in_a_file_stays_exactly_that_decimal() -> None:
    text = '{"format": "offer-planner/1", "offers": [{"company": "A", "role": "E", "base_salary": 85000.10}]}'
    offer = parse_offer_file(text).offers[0]
    assert isinstance(offer.base_salary, Decimal)
    assert offer.base_salary == D("85000.10")
    assert str(offer.base_salary) == "85000.10"  # read as written, never through a float


def test_python_floats_become_their_shortest_decimal() -> None:
    offer = Offer.model_validate(offer_dict(base_salary=85000.1, sign_on=[0.1, 0.2]))
    assert offer.base_salary == D("85000.1")
    assert offer.sign_on == [D("0.1"), D("0.2")]
    assert sum(offer.sign_on, D(0)) == D("0.3")  # not 0.30000000000000004


# --- validation: each rule gives an actionable problem ------------------------------------------


@pytest.mark.parametrize(
    ("fields", "expected"),
    [
        pytest.param(
            {"equity": [{"kind": "rsu", "value": 1, "vesting": {"years_pct": [50, 40]}}]},
            ("equity[0].vesting.years_pct", "the yearly percentages add up to 90 %, not 100 %"),
            id="vesting-sum",
        ),
        pytest.param(
            {"refreshers": {"annual_value": 1, "vesting": {"years_pct": [33, 33, 33]}}},
            ("refreshers.vesting.years_pct", "the yearly percentages add up to 99 %, not 100 %"),
            id="refresher-vesting-sum",
        ),
        pytest.param(
            {"bonus": {"target_pct": 10, "target_amount": 5000}},
            ("bonus.target_pct", "give the bonus as a percentage or as an amount, not both"),
            id="bonus-both",
        ),
        pytest.param(
            {"bonus": {"expected_payout_pct": 90}},
            ("bonus.target_pct", "give the bonus as a percentage of base or as an amount"),
            id="bonus-neither",
        ),
        pytest.param(
            {"budget": {"band_min": 190000, "band_max": 150000}},
            ("budget.band_min", "the band's minimum is above its maximum"),
            id="band-order",
        ),
        pytest.param(
            {"timeline": [{"date": "2026-02-30", "kind": "offer"}]},
            ("timeline[0].date", "2026-02-30 is not a real date"),
            id="impossible-date",
        ),
        pytest.param(
            {"signals": {"deadline": "30/11/2026"}},
            ("signals.deadline", 'must be a date written YYYY-MM-DD (got "30/11/2026")'),
            id="date-format",
        ),
        pytest.param(
            {"currency": "usd"},
            ("currency", '"usd" is not an ISO 4217 currency code (such as USD, EUR, GBP)'),
            id="currency-lowercase",
        ),
        # XXX is ISO 4217's "no currency" code: app/currencies.py lists only currencies in use,
        # so an offer can't be written in it.
        pytest.param(
            {"currency": "XXX"},
            ("currency", '"XXX" is not an ISO 4217 currency code (such as USD, EUR, GBP)'),
            id="currency-XXX",
        ),
        pytest.param(
            {"currency": "DOLLARS"},
            ("currency", '"DOLLARS" is not an ISO 4217 currency code (such as USD, EUR, GBP)'),
            id="currency-word",
        ),
        pytest.param(
            {"base_salary": -1}, ("base_salary", "can't be negative (got -1)"), id="money-negative"
        ),
        pytest.param(
            {"relocation": D("1000000000000.01")},
            ("relocation", "can't be more than 1,000,000,000,000 (got 1000000000000.01)"),
            id="money-too-large",
        ),
        pytest.param(
            {"sign_on": [10000, D("1.005")]},
            ("sign_on[1]", "can have at most two decimal places (cents) (got 1.005)"),
            id="money-three-decimals",
        ),
        pytest.param(
            {"salary": 100000},
            ("salary", "is not a field of the offer file format (unknown key)"),
            id="unknown-key",
        ),
        pytest.param(
            {"equity": [{"kind": "rsu", "value": 1, "vesting": {"cliff": 12}}]},
            ("equity[0].vesting.cliff", "is not a field of the offer file format (unknown key)"),
            id="unknown-nested-key",
        ),
        pytest.param(
            {"base_salary": "172000"}, ("base_salary", 'must be a number (got "172000")'), id="string-number"
        ),
        pytest.param({"base_salary": True}, ("base_salary", "must be a number (got true)"), id="bool-number"),
        pytest.param(
            {"equity": [{"kind": "rsu", "value": 1, "vesting": {"cliff_months": False}}]},
            ("equity[0].vesting.cliff_months", "must be a whole number (got false)"),
            id="bool-count",
        ),
        pytest.param(
            {"annual_raise_pct": 101}, ("annual_raise_pct", "can be at most 100 % (got 101)"), id="raise-pct"
        ),
        pytest.param(
            {"bonus": {"target_pct": 201}},
            ("bonus.target_pct", "can be at most 200 % (got 201)"),
            id="bonus-pct",
        ),
        pytest.param(
            {"bonus": {"target_pct": 10, "expected_payout_pct": 301}},
            ("bonus.expected_payout_pct", "can be at most 300 % (got 301)"),
            id="payout-pct",
        ),
        pytest.param(
            {"annual_raise_pct": -1}, ("annual_raise_pct", "can't be negative (got -1)"), id="negative-pct"
        ),
        pytest.param(
            {"stage": "hired"},
            (
                "stage",
                'must be one of "interviewing", "offer", "negotiating", "accepted", "declined" or '
                '"withdrawn" (got "hired")',
            ),
            id="stage",
        ),
        pytest.param(
            {"equity": [{"kind": "rsu", "value": 1, "strike": 1}]},
            ("equity[0].strike", "an RSU grant has no strike price"),
            id="rsu-strike",
        ),
        pytest.param(
            {"equity": [{"kind": "rsu", "shares": 100}]},
            ("equity[0].price", "an RSU grant needs a value, or both shares and price"),
            id="rsu-incomplete",
        ),
        pytest.param(
            {"equity": [{"kind": "rsu", "value": 1, "shares": 1, "price": 1}]},
            ("equity[0].value", "give either the grant's value or shares and price, not both"),
            id="rsu-both",
        ),
        pytest.param(
            {"equity": [{"kind": "option", "shares": 1, "price": 1}]},
            ("equity[0].strike", "an option grant needs shares, strike and price"),
            id="option-incomplete",
        ),
        pytest.param(
            {"goal": {"target_total": 200000, "walk_away_total": 250000}},
            ("goal.walk_away_total", "the walk-away total is above the target"),
            id="goal-order",
        ),
        pytest.param(
            {"refreshers": {"annual_value": 1, "first_year": 0}},
            ("refreshers.first_year", "must be at least 1 (got 0)"),
            id="refresher-first-year",
        ),
        pytest.param({"role": "   "}, ("role", 'can\'t be empty (got "   ")'), id="role-blank"),
    ],
)
def test_each_rule_names_the_offer_the_field_and_the_problem(
    fields: dict[str, Any], expected: tuple[str, str]
) -> None:
    found = problems(file_dict(offer_dict(**fields)))
    assert triples(found) == [(ACME, *expected)]
    assert str(found[0]) == f"offer {ACME}, {expected[0]}: {expected[1]}"


@pytest.mark.parametrize(
    ("money", "ok"),
    [
        (0, True),
        (10**12, True),  # the maximum itself
        (D("1000000000000.00"), True),
        (D("12.50"), True),
        (D("12.500"), True),  # trailing zeros add no precision
        (D("0.01"), True),
        (D("0.001"), False),
        (D("1.0000000000000000000000000001"), False),  # 28 decimals: more than the default 28 digits
        (D("1E-1000000"), False),
        (D("-0.01"), False),
    ],
)
def test_money_limits(money: Decimal, ok: bool) -> None:
    text = json_text(file_dict(offer_dict(base_salary=money)))
    if ok:
        assert parse_offer_file(text).offers[0].base_salary == money
    else:
        assert [p.field for p in problems(text)] == ["base_salary"]


@pytest.mark.parametrize("number", ["1e1000000", "1" + "0" * 1_000_000])
def test_a_huge_number_names_its_field_and_is_quoted_briefly(number: str) -> None:
    offer = '{"company": "A", "role": "E", "relocation": ' + number + "}"
    text = '{"format": "offer-planner/1", "offers": [' + offer + "]}"
    [problem] = problems(text)
    assert (problem.offer, problem.field) == ("#1 (A)", "relocation")
    # 1 followed by a million zeros: the message cuts it at 57 characters
    assert problem.message == "can't be more than 1,000,000,000,000 (got " + "1" + "0" * 56 + "…)"


@pytest.mark.parametrize(
    "years_pct",
    [
        [25, 25, 25, 25],
        [5, 15, 40, 40],
        [33, 33, 22, 12],
        [10, 20, 30, 40],
        [40, 30, 20, 10],
        [35, 30, 20, 15],
        [D("33.33"), D("33.33"), D("33.34")],
        [100],
    ],
)
def test_schedules_that_add_up_to_100_are_accepted(years_pct: list[Any]) -> None:
    assert Vesting.model_validate({"years_pct": years_pct}).years_pct == years_pct


@pytest.mark.parametrize(
    ("company", "label"), [("", '"acme"'), ("   ", '"acme"')]
)
def test_company_empty_or_blank(company: str, label: str) -> None:
    found = problems(file_dict(offer_dict(company=company)))
    assert triples(found) == [(label, "company", f'can\'t be empty (got "{company}")')]


def test_an_offer_without_id_is_named_by_its_position_and_company() -> None:
    found = problems(file_dict(offer_dict(), {"company": "Fabrikam", "role": "r", "base_salary": -5}))
    assert triples(found) == [("#2 (Fabrikam)", "base_salary", "can't be negative (got -5)")]
    found = problems(file_dict({"role": "r"}))
    assert triples(found) == [("#1", "company", "is required")]


def test_duplicate_ids_are_named() -> None:
    found = problems(file_dict(offer_dict(), offer_dict(company="Other")))
    assert triples(found) == [(None, "offers", 'two offers share the id "acme"')]
    assert str(found[0]) == 'offers: two offers share the id "acme"'


@pytest.mark.parametrize(
    ("top", "expected"),
    [
        ({"fx": {"EUR": 0}}, ("fx.EUR", "must be more than 0 (got 0)")),
        ({"fx": {"EUR": -1.08}}, ("fx.EUR", "must be more than 0 (got -1.08)")),
        ({"fx": {"eur": 1.08}}, ("fx.eur", '"eur" is not an ISO 4217 currency code (such as USD, EUR, GBP)')),
        ({"fx": {"USD": 2}}, ("fx", "the rates are quoted in USD (fx_base), so the rate of USD itself is 1 (write 1 or "
                                    "leave it out)")),
        ({"horizon_years": 0}, ("horizon_years", "must be at least 1 (got 0)")),
        ({"horizon_years": 11}, ("horizon_years", "must be at most 10 (got 11)")),
        ({"horizon_years": "4"}, ("horizon_years", 'must be a whole number (got "4")')),
        ({"horizon_years": True}, ("horizon_years", "must be a whole number (got true)")),
        ({"horizon_years": 4.5}, ("horizon_years", "must be a whole number (got 4.5)")),
        ({"as_of": "2026-13-01"}, ("as_of", "2026-13-01 is not a real date")),
        (
            {"display_currency": "usd"},
            ("display_currency", '"usd" is not an ISO 4217 currency code (such as USD, EUR, GBP)'),
        ),
        ({"extra": 1}, ("extra", "is not a field of the offer file format (unknown key)")),
    ],
)
def test_file_level_rules(top: dict[str, Any], expected: tuple[str, str]) -> None:
    found = problems(file_dict(offer_dict(), **{"display_currency": "USD", **top}))
    assert triples(found) == [(None, *expected)]


def test_the_display_currency_may_list_itself_at_rate_one() -> None:
    parsed = parse_offer_file(json_text(file_dict(offer_dict(), display_currency="USD", fx={"USD": 1})))
    assert parsed.fx == {"USD": 1}


def test_every_problem_of_every_offer_is_reported_and_nothing_is_returned() -> None:
    data = file_dict(
        offer_dict(
            company="Acme",
            currency="usd",
            bonus={"target_pct": 10, "target_amount": 1},
            equity=[{"kind": "rsu", "value": 1, "vesting": {"years_pct": [50, 40]}}],
        ),
        {"id": "b", "company": "Beta", "role": "r", "base_salary": "100", "relocation": True, "perks": []},
        {"company": "Gamma", "role": "r", "budget": {"band_min": 2, "band_max": 1}, "sign_on": [D("0.001")]},
        horizon_years=11,
    )
    with pytest.raises(OfferFileError) as info:
        parse_offer_file(json_text(data), source="offers.json")
    assert sorted(triples(info.value.problems), key=str) == sorted(
        [
            (None, "horizon_years", "must be at most 10 (got 11)"),
            (ACME, "currency", '"usd" is not an ISO 4217 currency code (such as USD, EUR, GBP)'),
            (ACME, "bonus.target_pct", "give the bonus as a percentage or as an amount, not both"),
            (ACME, "equity[0].vesting.years_pct", "the yearly percentages add up to 90 %, not 100 %"),
            ('"b" (Beta)', "base_salary", 'must be a number (got "100")'),
            ('"b" (Beta)', "relocation", "must be a number (got true)"),
            ('"b" (Beta)', "perks", "is not a field of the offer file format (unknown key)"),
            ("#3 (Gamma)", "budget.band_min", "the band's minimum is above its maximum"),
            ("#3 (Gamma)", "sign_on[0]", "can have at most two decimal places (cents) (got 0.001)"),
        ],
        key=str,
    )
    report = str(info.value)
    assert report.startswith("offers.json: 9 problems, nothing was read\n")
    assert '  - offer "b" (Beta), perks: is not a field of the offer file format (unknown key)' in report


# --- properties ----------------------------------------------------------------------------------


@given(data=strategies.offer_files())
def test_every_generated_file_is_valid(data: dict[str, Any]) -> None:
    parsed = OfferFile.model_validate(data)
    assert len(parsed.offers) == len(data["offers"])
    assert len({o.id for o in parsed.offers}) == len(parsed.offers)
    for raw, offer in zip(data["offers"], parsed.offers, strict=True):
        for grant in offer.equity:
            assert sum(grant.vesting.years_pct, D(0)) == 100
        assert offer.company == raw["company"].strip()


@given(data=strategies.offer_files())
def test_python_and_json_input_agree(data: dict[str, Any]) -> None:
    assert parse_offer_file(json_text(data)) == OfferFile.model_validate(data)


# every way a number can be written: few or many digits, a point anywhere, trailing zeros, exponents
_WRITTEN = st.builds(
    lambda sign, digits, exponent: Decimal(f"{sign}{digits}E{exponent}"),
    st.sampled_from(["", "-"]),
    st.from_regex(r"[0-9]{1,34}", fullmatch=True),
    st.integers(min_value=-40, max_value=14),
)


@given(value=_WRITTEN)
def test_decimal_places_are_judged_as_the_numbers_are_written_or_normalized(value: Decimal) -> None:
    """`_over_places` (what the money, rate and per-share rules ask) says what `_decimal_places`
    says: 85000.10 has two places, 85000.100 too once its zero is dropped, 1.0000000000000000000000000001
    has 28, 1E+3 none."""
    for places in (2, 6):
        assert _over_places(value, places) == (_decimal_places(value) > places)
    assert not _over_places(D("85000.100"), 2) and _over_places(D("85000.001"), 2)
    assert _over_places(D("1.0000000000000000000000000001"), 6) and not _over_places(D("1E+3"), 2)


@pytest.mark.parametrize(
    ("build", "whole", "low", "high"),
    [
        (lambda n: Offer(id="a", company="A", role="R", base_salary=n), "base_salary", 0, 10**12),  # money
        (lambda n: Offer(id="a", company="A", role="R", annual_raise_pct=n), "annual_raise_pct", 0, 100),
        (lambda n: Offer(id="a", company="A", role="R", bonus={"target_pct": n}), "bonus", 0, 200),
        (lambda n: Offer(id="a", company="A", role="R", bonus={"target_pct": 10, "expected_payout_pct": n}),
         "bonus", 0, 300),
        (lambda n: Grant(kind="option", shares=n, strike=1, price=2), "shares", 0, 10**12),
        (lambda n: OfferFile.model_validate(
            {"format": "offer-planner/2", "offers": [], "scenarios": [{"name": "s", "growth_pct": n}]}
        ), "scenarios", -90, 200),
    ],
)
def test_whole_numbers_at_each_limit_read_as_the_same_number_written_with_decimals(
    build: Any, whole: str, low: int, high: int
) -> None:
    """A whole number is accepted without its decimal places checked (it has none) from `low` to
    `high` only: at each limit and one beyond it, the int and the same number as a Decimal with
    cents (150.00) are read alike: the same value, or the same problem."""

    def outcome(value: Any) -> Any:
        try:
            return repr(build(value))
        except ValueError as exc:
            return [(e["loc"], e["msg"]) for e in exc.errors()]  # type: ignore[attr-defined]

    for number in (low - 1, low, high, high + 1):
        as_int, as_decimal = outcome(number), outcome(Decimal(number).quantize(Decimal("0.01")))
        if low <= number <= high:
            assert "Error" not in str(as_int) and as_int == outcome(Decimal(number)), (whole, number)
        else:
            assert isinstance(as_int, list) and as_int == as_decimal, (whole, number)
