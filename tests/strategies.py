"""Hypothesis strategies for VALID offer-file data (format 1 and format 2), plus a JSON writer for
test input.

Everything here follows ../shared/spec/offer-file.md: money 0..10^12 with at most two decimals,
percentages in range, vesting that sums to 100, bands and goals in order, unique offer ids; in
format 2 also per-share prices with six decimals, rounds, scenarios, the current job and tax.
The dicts are plain JSON-like data (Decimal for non-integers) so tests can feed them to
`OfferFile.model_validate` directly or write them out with `json_text` and parse the text.
`offer_files()` draws format-1 files, `offer_files_v2()` format-2 files.
"""

from __future__ import annotations

import itertools
import json
from datetime import date
from decimal import Decimal
from typing import Any

from hypothesis import strategies as st

from app.currencies import ISO_4217_CODES

CURRENCIES = sorted(ISO_4217_CODES)
COMMON_CURRENCIES = ["USD", "EUR", "GBP", "CAD", "JPY", "CHF", "INR"]
STAGES = ["interviewing", "offer", "negotiating", "accepted", "declined", "withdrawn"]
EVENT_KINDS = [
    "applied", "recruiter_screen", "interview", "final_interview", "feedback",
    "offer", "counter", "response", "follow_up",
]
MONEY_MAX = 10**12


# --- scalars -------------------------------------------------------------------------------------


def _cents_to_decimal(cents: int) -> Decimal | int:
    """Whole amounts as int (as a person would type them), others as an exact Decimal."""
    if cents % 100 == 0:
        return cents // 100
    return Decimal(cents).scaleb(-2)


def money(max_value: int = MONEY_MAX) -> st.SearchStrategy[Decimal | int]:
    """Money in major units: 0..max_value, at most two decimals; mostly realistic amounts."""
    realistic = st.integers(0, min(max_value, 1_000_000) * 100)
    anywhere = st.integers(0, max_value * 100)
    return st.one_of(realistic, realistic, anywhere, st.sampled_from([0, max_value * 100])).map(
        _cents_to_decimal
    )


def percent(upper: int) -> st.SearchStrategy[Decimal | int]:
    """A percentage 0..upper with at most two decimals."""
    return st.integers(0, upper * 100).map(_cents_to_decimal)


@st.composite
def years_pct(draw: st.DrawFn, max_years: int = 10) -> list[Decimal | int]:
    """1..max_years yearly percentages (two decimals at most) that add up to exactly 100."""
    count = draw(st.integers(1, max_years))
    cuts = sorted(draw(st.lists(st.integers(0, 10_000), min_size=count - 1, max_size=count - 1)))
    bounds = [0, *cuts, 10_000]
    return [_cents_to_decimal(high - low) for low, high in itertools.pairwise(bounds)]


names = st.text(
    alphabet=st.characters(codec="utf-8", exclude_categories=("Cc", "Cs")), min_size=1, max_size=40
).filter(lambda text: text.strip() != "")
short_text = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=40)
iso_dates = st.dates(min_value=date(2000, 1, 1), max_value=date(2100, 12, 31)).map(date.isoformat)


# --- parts of an offer ---------------------------------------------------------------------------


def _optional(draw: st.DrawFn, target: dict[str, Any], key: str, strategy: st.SearchStrategy[Any]) -> None:
    if draw(st.booleans()):
        target[key] = draw(strategy)


@st.composite
def vesting(draw: st.DrawFn, max_years: int = 10) -> dict[str, Any]:
    result: dict[str, Any] = {}
    _optional(draw, result, "years_pct", years_pct(max_years))
    _optional(draw, result, "cliff_months", st.integers(0, 120))
    _optional(draw, result, "frequency", st.sampled_from(["monthly", "quarterly", "annual"]))
    return result


@st.composite
def grants(draw: st.DrawFn, max_years: int = 10) -> dict[str, Any]:
    """An RSU by value, an RSU by shares × price, or an option (in or under the money)."""
    shape = draw(st.sampled_from(["rsu_value", "rsu_shares", "option"]))
    share_count = st.integers(0, 1_000_000)
    price = money(10_000)
    if shape == "rsu_value":
        grant: dict[str, Any] = {"kind": "rsu", "value": draw(money(10_000_000))}
    elif shape == "rsu_shares":
        grant = {"kind": "rsu", "shares": draw(share_count), "price": draw(price)}
    else:
        grant = {"kind": "option", "shares": draw(share_count), "strike": draw(price), "price": draw(price)}
    _optional(draw, grant, "vesting", vesting(max_years))
    return grant


@st.composite
def bonuses(draw: st.DrawFn) -> dict[str, Any]:
    if draw(st.booleans()):
        bonus: dict[str, Any] = {"target_pct": draw(percent(200))}
    else:
        bonus = {"target_amount": draw(money(1_000_000))}
    _optional(draw, bonus, "expected_payout_pct", percent(300))
    return bonus


@st.composite
def refreshers(draw: st.DrawFn) -> dict[str, Any]:
    result: dict[str, Any] = {"annual_value": draw(money(1_000_000))}
    _optional(draw, result, "first_year", st.integers(1, 10))
    _optional(draw, result, "vesting", vesting())
    return result


@st.composite
def budgets(draw: st.DrawFn) -> dict[str, Any]:
    low, high = sorted([draw(money(10_000_000)), draw(money(10_000_000))])
    result: dict[str, Any] = {"band_min": low, "band_max": high}
    _optional(draw, result, "source", st.sampled_from(["posting", "recruiter", "estimate"]))
    return result


@st.composite
def goals(draw: st.DrawFn) -> dict[str, Any]:
    walk_away, target = sorted([draw(money(10_000_000)), draw(money(10_000_000))])
    result: dict[str, Any] = {}
    _optional(draw, result, "target_total", st.just(target))
    _optional(draw, result, "walk_away_total", st.just(walk_away))
    return result


@st.composite
def signals(draw: st.DrawFn) -> dict[str, Any]:
    result: dict[str, Any] = {}
    _optional(draw, result, "competing_offers", st.integers(0, 1_000_000))
    _optional(draw, result, "recruiter_advocating", st.booleans())
    _optional(draw, result, "hiring_manager_responsive", st.booleans())
    _optional(draw, result, "deadline", iso_dates)
    return result


events = st.fixed_dictionaries(
    {"date": iso_dates, "kind": st.sampled_from(EVENT_KINDS)}, optional={"note": short_text}
)
benefits = st.fixed_dictionaries({"name": names, "annual_value": money(100_000)})
headcounts = st.fixed_dictionaries(
    {"combinable_roles": st.integers(0, 1_000_000)}, optional={"combinable_budget": money(10_000_000)}
)


# --- offers and files ----------------------------------------------------------------------------


@st.composite
def offers(
    draw: st.DrawFn, currencies: list[str] | None = None, with_id: bool | None = None
) -> dict[str, Any]:
    """A valid offer dict; `with_id` None lets the id be present or left for the file to derive."""
    offer: dict[str, Any] = {"company": draw(names), "role": draw(names)}
    if with_id or (with_id is None and draw(st.booleans())):
        offer["id"] = draw(names)
    currency_choices = currencies or COMMON_CURRENCIES
    _optional(draw, offer, "currency", st.sampled_from(currency_choices))
    _optional(draw, offer, "level", short_text)
    _optional(draw, offer, "location", short_text)
    _optional(draw, offer, "stage", st.sampled_from(STAGES))
    _optional(draw, offer, "base_salary", money(5_000_000))
    _optional(draw, offer, "annual_raise_pct", percent(100))
    _optional(draw, offer, "bonus", bonuses())
    _optional(draw, offer, "sign_on", st.lists(money(1_000_000), max_size=10))
    _optional(draw, offer, "relocation", money(1_000_000))
    _optional(draw, offer, "equity", st.lists(grants(), max_size=3))
    _optional(draw, offer, "refreshers", refreshers())
    _optional(draw, offer, "benefits", st.lists(benefits, max_size=3))
    _optional(draw, offer, "budget", budgets())
    _optional(draw, offer, "headcount", headcounts)
    _optional(draw, offer, "timeline", st.lists(events, max_size=5))
    _optional(draw, offer, "signals", signals())
    _optional(draw, offer, "goal", goals())
    _optional(draw, offer, "notes", short_text)
    return offer


def _file_start(draw: st.DrawFn, fmt: str, offer_list: list[dict[str, Any]]) -> tuple[dict[str, Any], str]:
    """The file's format, offers (ids made unique), as_of, horizon and display currency; and the
    display currency in effect."""
    for index, offer in enumerate(offer_list):
        if "id" in offer:  # derived ids look like "slug-1a2b3c": "<n>:" prefixes can't collide
            offer["id"] = f"{index}:{offer['id'].strip()}"
    data: dict[str, Any] = {"format": fmt, "offers": offer_list}
    _optional(draw, data, "as_of", iso_dates)
    _optional(draw, data, "horizon_years", st.integers(1, 10))
    display = draw(st.one_of(st.none(), st.sampled_from(COMMON_CURRENCIES)))
    if display is not None:
        data["display_currency"] = display
    return data, display or (offer_list[0].get("currency", "USD") if offer_list else "USD")


@st.composite
def offer_files(draw: st.DrawFn, max_offers: int = 4) -> dict[str, Any]:
    """A valid OfferFile dict: unique offer ids (given ones made unique), consistent fx."""
    data, effective_display = _file_start(draw, "offer-planner/1", draw(st.lists(offers(), max_size=max_offers)))
    rates = st.integers(1, 10**8).map(lambda n: Decimal(n).scaleb(-4))  # 0.0001 .. 10000
    fx_codes = st.sampled_from([c for c in COMMON_CURRENCIES if c != effective_display])
    _optional(draw, data, "fx", st.dictionaries(fx_codes, rates, max_size=4))
    return data


# --- format 2 --------------------------------------------------------------------------------------

SCENARIO_NAMES = ["flat", "bear", "bull", "crash", "moon", "base case"]
TAX_REGIONS = ["US-CA", "US-WA", "US-NY-NYC", "GB-SCT", "GB", "DE", "CA-ON", "IE", "SG"]


def per_share(max_value: int = 1_000_000) -> st.SearchStrategy[Decimal | int]:
    """A price per share: 0..max_value with at most six decimals (a 0.0125 strike is normal)."""
    micro = st.one_of(st.integers(0, min(max_value, 10) * 1_000_000), st.integers(0, max_value * 1_000_000))
    return st.one_of(micro.map(lambda n: Decimal(n).scaleb(-6)), st.sampled_from([Decimal("0.0125"), 0]))


def growth() -> st.SearchStrategy[Decimal | int]:
    return st.integers(-9000, 20000).map(_cents_to_decimal)


@st.composite
def grants_v2(draw: st.DrawFn, max_years: int = 10) -> dict[str, Any]:
    """A format-2 grant: six-decimal prices; options may carry their details."""
    shape = draw(st.sampled_from(["rsu_value", "rsu_shares", "option"]))
    shares = draw(st.integers(0, 1_000_000))
    if shape == "rsu_value":
        grant: dict[str, Any] = {"kind": "rsu", "value": draw(money(10_000_000))}
    elif shape == "rsu_shares":
        grant = {"kind": "rsu", "shares": shares, "price": draw(per_share(10_000))}
    else:
        grant = {"kind": "option", "shares": shares, "strike": draw(per_share(100)), "price": draw(per_share(100))}
        _optional(draw, grant, "fmv", per_share(100))
        _optional(draw, grant, "preferred_price", per_share(100))
        _optional(draw, grant, "fully_diluted_shares", st.integers(max(shares, 1), 10**12))
        _optional(draw, grant, "exercise_window_days", st.integers(0, 3660))
    _optional(draw, grant, "vesting", vesting(max_years))
    return grant


@st.composite
def round_items(draw: st.DrawFn) -> dict[str, Any]:
    choices = {
        "base_salary": money(5_000_000),
        "sign_on": money(1_000_000),
        "equity_value": money(10_000_000),
        "equity_shares": st.integers(0, 1_000_000),
        "relocation": money(1_000_000),
        "bonus_target_pct": percent(200),
        "pto_days": st.integers(0, 366),
        "level": names,
        "title": names,
        "remote": names,
        "start_date": iso_dates,
        "deadline": iso_dates,
    }
    keys = draw(st.lists(st.sampled_from(sorted(choices)), min_size=1, max_size=4, unique=True))
    return {key: draw(choices[key]) for key in keys}


rounds = st.fixed_dictionaries(
    {"date": iso_dates, "side": st.sampled_from(["candidate", "company"]), "items": round_items()},
    optional={"note": short_text},
)
leaving_items = st.fixed_dictionaries({"what": names, "amount": money(1_000_000)})


@st.composite
def offers_v2(draw: st.DrawFn, with_id: bool | None = None) -> dict[str, Any]:
    """A valid format-2 offer: a format-1 offer with format-2 parts and six-decimal share prices."""
    offer = draw(offers(with_id=with_id))
    if "equity" in offer:
        offer["equity"] = draw(st.lists(grants_v2(), max_size=3))
    _optional(draw, offer, "tax_region", st.sampled_from(TAX_REGIONS))
    _optional(draw, offer, "start_date", iso_dates)
    _optional(
        draw,
        offer,
        "sign_on_repayment",
        st.fixed_dictionaries({"months": st.integers(1, 60)}, optional={"pro_rata": st.booleans()}),
    )
    _optional(draw, offer, "negotiation", st.lists(rounds, max_size=4))
    return offer


@st.composite
def current_jobs(draw: st.DrawFn) -> dict[str, Any]:
    job: dict[str, Any] = {}
    _optional(draw, job, "company", names)
    _optional(draw, job, "role", short_text)
    _optional(draw, job, "currency", st.sampled_from(COMMON_CURRENCIES))
    _optional(draw, job, "tax_region", st.sampled_from(TAX_REGIONS))
    _optional(draw, job, "base_salary", money(5_000_000))
    _optional(draw, job, "annual_raise_pct", percent(100))
    _optional(draw, job, "bonus", bonuses())
    _optional(draw, job, "benefits", st.lists(benefits, max_size=3))
    _optional(draw, job, "equity_by_year", st.lists(money(1_000_000), max_size=10))
    _optional(draw, job, "forfeit_on_leaving", st.lists(leaving_items, max_size=3))
    _optional(draw, job, "repay_on_leaving", st.lists(leaving_items, max_size=3))
    return job


@st.composite
def offer_files_v2(draw: st.DrawFn, max_offers: int = 3) -> dict[str, Any]:
    """A valid format-2 file: every part of format 2 may appear; scenarios name only offers of the file."""
    offer_list = draw(st.lists(offers_v2(), max_size=max_offers))
    data, effective_display = _file_start(draw, "offer-planner/2", offer_list)
    base = draw(st.one_of(st.none(), st.sampled_from(COMMON_CURRENCIES)))
    if base is not None:
        data["fx_base"] = base
    effective_base = base or effective_display
    rates = st.integers(1, 10**10).map(lambda n: Decimal(n).scaleb(-6))  # 0.000001 .. 10000, six decimals
    fx_codes = st.sampled_from([c for c in COMMON_CURRENCIES if c != effective_base])
    _optional(draw, data, "fx", st.dictionaries(fx_codes, rates, max_size=4))
    _optional(draw, data, "fx_as_of", iso_dates)
    ids = [offer["id"] for offer in offer_list if "id" in offer]
    scenario = st.fixed_dictionaries(
        {"name": st.sampled_from(SCENARIO_NAMES), "growth_pct": growth()},
        optional={"offers": st.dictionaries(st.sampled_from(ids), growth(), max_size=2)} if ids else {},
    )
    _optional(draw, data, "scenarios", st.lists(scenario, max_size=3, unique_by=lambda s: s["name"]))
    _optional(draw, data, "current_job", current_jobs())
    _optional(
        draw,
        data,
        "tax",
        st.fixed_dictionaries(
            {"year": st.integers(2020, 2030)},
            optional={"filing_status": st.sampled_from(["single", "married_joint", "head_of_household"])},
        ),
    )
    return data


# --- writing test input --------------------------------------------------------------------------


def json_text(value: Any) -> str:
    """JSON text for test input, Decimals written digit for digit (independent of app.files)."""
    if isinstance(value, dict):
        return "{" + ", ".join(f"{json.dumps(str(k))}: {json_text(v)}" for k, v in value.items()) + "}"
    if isinstance(value, list | tuple):
        return "[" + ", ".join(json_text(v) for v in value) + "]"
    if isinstance(value, Decimal):
        return format(value, "f")
    return json.dumps(value)
