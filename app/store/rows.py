"""Offers and settings to table rows and back, exactly: money as integer cents, decimals as text.

Rows are plain dicts; only pydantic models leave the storage layer. Reading a row back rebuilds the
model with `model_validate`, so what comes out passes the same rules as what went in.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any

from app.models import STORED, NegotiationRound, Offer, Settings, Vesting
from app.rubric import Rubric
from app.store.schema import BENEFITS, GRANTS, OFFERS, ROUNDS, SIGN_ON, TIMELINE
from app.summary import OfferRow, missing_for_rating_of, offer_in_hand

Row = dict[str, Any]


# --- exact numbers -------------------------------------------------------------------------------


def to_cents(value: Decimal | None) -> int | None:
    """Money (at most two decimals, as the models guarantee) as integer cents."""
    if value is None:
        return None
    scaled = value.scaleb(2)
    if scaled != scaled.to_integral_value():
        raise ValueError(f"{value} has more than two decimal places and can't be stored as cents")
    return int(scaled)


def from_cents(cents: int | None) -> Decimal | None:
    return None if cents is None else Decimal(cents).scaleb(-2)


def to_text(value: Decimal | None) -> str | None:
    """A non-money decimal as text: str() of a Decimal reads back digit for digit."""
    return None if value is None else str(value)


def from_text(text: str | None) -> Decimal | None:
    return None if text is None else Decimal(text)


def _flag(value: bool | None) -> int | None:
    return None if value is None else int(value)


def _unflag(value: int | None) -> bool | None:
    return None if value is None else bool(value)


def _pct_list(values: Sequence[Decimal]) -> str:
    return json.dumps([str(v) for v in values])


def _pct_values(text: str) -> list[Decimal]:
    return list(_parsed_pct(text))


@functools.lru_cache(maxsize=512)
def _parsed_pct(text: str) -> tuple[Decimal, ...]:
    # a handful of schedules (25/25/25/25, 5/15/40/40, …) recur across thousands of grants
    return tuple(Decimal(v) for v in json.loads(text))


def _vesting(years_pct: str, cliff_months: int, frequency: str) -> dict[str, Any]:
    return {"years_pct": _pct_values(years_pct), "cliff_months": cliff_months, "frequency": frequency}


def _day(value: Any) -> str | None:
    return None if value is None else value.isoformat()


# A round's items as columns: (item, column, to row, from row).
_ROUND_COLUMNS: tuple[tuple[str, str, Any, Any], ...] = (
    ("base_salary", "base_salary_cents", to_cents, from_cents),
    ("sign_on", "sign_on_cents", to_cents, from_cents),
    ("equity_value", "equity_value_cents", to_cents, from_cents),
    ("equity_shares", "equity_shares", to_text, from_text),
    ("relocation", "relocation_cents", to_cents, from_cents),
    ("bonus_target_pct", "bonus_target_pct", to_text, from_text),
    ("pto_days", "pto_days", lambda v: v, lambda v: v),
    ("level", "level", lambda v: v, lambda v: v),
    ("title", "title", lambda v: v, lambda v: v),
    ("remote", "remote", lambda v: v, lambda v: v),
    ("start_date", "start_date", _day, lambda v: v),
    ("deadline", "deadline", _day, lambda v: v),
)


def _round_row(offer_id: str, position: int, round_: NegotiationRound) -> Row:
    row: Row = {
        "offer_id": offer_id,
        "position": position,
        "date": round_.date.isoformat(),
        "side": round_.side,
        "note": round_.note,
    }
    items = round_.items
    for item, column, out, _back in _ROUND_COLUMNS:
        value = getattr(items, item)
        row[column] = None if value is None else out(value)
    return row


def _round_data(row: Mapping[str, Any]) -> dict[str, Any]:
    items = {item: back(row[column]) for item, column, _out, back in _ROUND_COLUMNS if row[column] is not None}
    return {"date": row["date"], "side": row["side"], "note": row["note"], "items": items}


def _bonus_columns(bonus: Any) -> Row:
    return {
        "bonus_target_pct": to_text(bonus.target_pct) if bonus else None,
        "bonus_target_amount_cents": to_cents(bonus.target_amount) if bonus else None,
        "bonus_expected_payout_pct": to_text(bonus.expected_payout_pct) if bonus else None,
    }


def _bonus_data(row: Mapping[str, Any]) -> dict[str, Any] | None:
    if row["bonus_expected_payout_pct"] is None:
        return None
    return {
        "target_pct": from_text(row["bonus_target_pct"]),
        "target_amount": from_cents(row["bonus_target_amount_cents"]),
        "expected_payout_pct": from_text(row["bonus_expected_payout_pct"]),
    }


# --- offers --------------------------------------------------------------------------------------


@dataclass
class OfferRows:
    """One offer as rows: its `offers` row, and its child rows per table (in list order)."""

    offer: Row
    children: dict[str, list[Row]] = field(default_factory=dict)


def year_one_cents(offer: Offer) -> int:
    """The list's summary of an offer: its year-1 total in cents, in its own currency (the same
    number `app.compensation.figures` gives at any horizon: year 1 depends on nothing later)."""
    from app.compensation import figures

    cents = to_cents(figures(offer, 1).year_one)
    assert cents is not None
    return cents


def row_of(offer: Offer, year_one_cents: int | None) -> OfferRow:
    """The list's row of an offer just saved (what `stored_row` reads back from the file for it)."""
    kinds = {event.kind for event in offer.timeline}
    return OfferRow(
        id=offer.id,
        company=offer.company,
        role=offer.role,
        stage=offer.stage,
        level=offer.level,
        location=offer.location,
        currency=offer.currency,
        tax_region=offer.tax_region,
        year_one=from_cents(year_one_cents),
        deadline=offer.signals.deadline,
        in_hand=offer_in_hand(offer.stage, kinds),
        missing=missing_for_rating_of(offer.stage, offer.base_salary > 0, kinds),
        has_options=any(grant.kind == "option" for grant in offer.equity),
    )


# Every offer's row (`stored_row`), in the user's order: its own columns, the kinds of its timeline's
# events and whether it has an option grant, read in one query without building any offer.
ROWS_QUERY = (
    "SELECT o.id, o.company, o.role, o.stage, o.level, o.location, o.currency, o.tax_region, o.year_one_cents, "
    f"o.signals_deadline, o.base_salary_cents, (SELECT group_concat(DISTINCT t.kind) FROM {TIMELINE} t "
    f"WHERE t.offer_id = o.id), EXISTS (SELECT 1 FROM {GRANTS} g WHERE g.offer_id = o.id AND g.kind = 'option') "
    f"FROM {OFFERS} o ORDER BY o.position, o.id"
)


def stored_row(values: Sequence[Any]) -> OfferRow:
    """An offer's row from one result of `ROWS_QUERY` (the same as `row_of` the offer stored)."""
    (offer_id, company, role, stage, level, location, currency, tax_region, cents, deadline, base_cents,
     kinds_text, has_options) = values
    kinds = frozenset(kinds_text.split(",")) if kinds_text else frozenset()
    return OfferRow(
        id=offer_id,
        company=company,
        role=role,
        stage=stage,
        level=level,
        location=location,
        currency=currency,
        tax_region=tax_region,
        year_one=from_cents(cents),
        deadline=date.fromisoformat(deadline) if deadline else None,
        in_hand=offer_in_hand(stage, kinds),
        missing=missing_for_rating_of(stage, base_cents > 0, kinds),
        has_options=bool(has_options),
    )


def offer_to_rows(offer: Offer, *, position: int, created_at: str, updated_at: str) -> OfferRows:
    bonus, refreshers, budget = offer.bonus, offer.refreshers, offer.budget
    headcount, signals, goal = offer.headcount, offer.signals, offer.goal
    repayment = offer.sign_on_repayment
    refreshers_vesting: Vesting | None = refreshers.vesting if refreshers else None
    row: Row = {
        "id": offer.id,
        "position": position,
        "created_at": created_at,
        "updated_at": updated_at,
        "company": offer.company,
        "role": offer.role,
        "level": offer.level,
        "location": offer.location,
        "currency": offer.currency,
        "tax_region": offer.tax_region,
        "stage": offer.stage,
        "start_date": _day(offer.start_date),
        "base_salary_cents": to_cents(offer.base_salary),
        "annual_raise_pct": to_text(offer.annual_raise_pct),
        **_bonus_columns(bonus),
        "sign_on_repayment_months": repayment.months if repayment else None,
        "sign_on_repayment_pro_rata": _flag(repayment.pro_rata) if repayment else None,
        "relocation_cents": to_cents(offer.relocation),
        "refreshers_annual_value_cents": to_cents(refreshers.annual_value) if refreshers else None,
        "refreshers_first_year": refreshers.first_year if refreshers else None,
        "refreshers_vesting_years_pct": (
            _pct_list(refreshers_vesting.years_pct) if refreshers_vesting else None
        ),
        "refreshers_vesting_cliff_months": (
            refreshers_vesting.cliff_months if refreshers_vesting else None
        ),
        "refreshers_vesting_frequency": refreshers_vesting.frequency if refreshers_vesting else None,
        "budget_band_min_cents": to_cents(budget.band_min) if budget else None,
        "budget_band_max_cents": to_cents(budget.band_max) if budget else None,
        "budget_source": budget.source if budget else None,
        "headcount_combinable_roles": headcount.combinable_roles if headcount else None,
        "headcount_combinable_budget_cents": (
            to_cents(headcount.combinable_budget) if headcount else None
        ),
        "signals_competing_offers": signals.competing_offers,
        "signals_recruiter_advocating": _flag(signals.recruiter_advocating),
        "signals_hiring_manager_responsive": _flag(signals.hiring_manager_responsive),
        "signals_deadline": signals.deadline.isoformat() if signals.deadline else None,
        "has_goal": int(goal is not None),
        "goal_target_total_cents": to_cents(goal.target_total) if goal else None,
        "goal_walk_away_total_cents": to_cents(goal.walk_away_total) if goal else None,
        "notes": offer.notes,
    }
    key = offer.id
    children: dict[str, list[Row]] = {
        SIGN_ON: [
            {"offer_id": key, "position": i, "amount_cents": to_cents(amount)}
            for i, amount in enumerate(offer.sign_on)
        ],
        GRANTS: [
            {
                "offer_id": key,
                "position": i,
                "kind": grant.kind,
                "value_cents": to_cents(grant.value),
                "shares": to_text(grant.shares),
                "price": to_text(grant.price),
                "strike": to_text(grant.strike),
                "fmv": to_text(grant.fmv),
                "preferred_price": to_text(grant.preferred_price),
                "fully_diluted_shares": grant.fully_diluted_shares,
                "exercise_window_days": grant.exercise_window_days,
                "vesting_years_pct": _pct_list(grant.vesting.years_pct),
                "vesting_cliff_months": grant.vesting.cliff_months,
                "vesting_frequency": grant.vesting.frequency,
            }
            for i, grant in enumerate(offer.equity)
        ],
        BENEFITS: [
            {
                "offer_id": key,
                "position": i,
                "name": benefit.name,
                "annual_value_cents": to_cents(benefit.annual_value),
            }
            for i, benefit in enumerate(offer.benefits)
        ],
        TIMELINE: [
            {"offer_id": key, "position": i, "date": event.date.isoformat(), "kind": event.kind,
             "note": event.note}
            for i, event in enumerate(offer.timeline)
        ],
        ROUNDS: [_round_row(key, i, round_) for i, round_ in enumerate(offer.negotiation)],
    }
    return OfferRows(row, children)


def offer_from_rows(row: Mapping[str, Any], children: Mapping[str, Sequence[Mapping[str, Any]]]) -> Offer:
    """Rebuild an Offer from its row and child rows (each list already in position order)."""
    data: dict[str, Any] = {
        "id": row["id"],
        "company": row["company"],
        "role": row["role"],
        "level": row["level"],
        "location": row["location"],
        "currency": row["currency"],
        "tax_region": row["tax_region"],
        "stage": row["stage"],
        "start_date": row["start_date"],
        "base_salary": from_cents(row["base_salary_cents"]),
        "annual_raise_pct": from_text(row["annual_raise_pct"]),
        "bonus": _bonus_data(row),
        "sign_on": [from_cents(r["amount_cents"]) for r in children.get(SIGN_ON, ())],
        "relocation": from_cents(row["relocation_cents"]),
        "equity": [
            {
                "kind": r["kind"],
                "value": from_cents(r["value_cents"]),
                "shares": from_text(r["shares"]),
                "price": from_text(r["price"]),
                "strike": from_text(r["strike"]),
                "fmv": from_text(r["fmv"]),
                "preferred_price": from_text(r["preferred_price"]),
                "fully_diluted_shares": r["fully_diluted_shares"],
                "exercise_window_days": r["exercise_window_days"],
                "vesting": _vesting(
                    r["vesting_years_pct"], r["vesting_cliff_months"], r["vesting_frequency"]
                ),
            }
            for r in children.get(GRANTS, ())
        ],
        "refreshers": None,
        "benefits": [
            {"name": r["name"], "annual_value": from_cents(r["annual_value_cents"])}
            for r in children.get(BENEFITS, ())
        ],
        "budget": None,
        "headcount": None,
        "timeline": [
            {"date": r["date"], "kind": r["kind"], "note": r["note"]}
            for r in children.get(TIMELINE, ())
        ],
        "negotiation": [_round_data(r) for r in children.get(ROUNDS, ())],
        "sign_on_repayment": None,
        "signals": {
            "competing_offers": row["signals_competing_offers"],
            "recruiter_advocating": _unflag(row["signals_recruiter_advocating"]),
            "hiring_manager_responsive": _unflag(row["signals_hiring_manager_responsive"]),
            "deadline": row["signals_deadline"],
        },
        "goal": None,
        "notes": row["notes"],
    }
    if row["sign_on_repayment_months"] is not None:
        data["sign_on_repayment"] = {
            "months": row["sign_on_repayment_months"],
            "pro_rata": _unflag(row["sign_on_repayment_pro_rata"]),
        }
    if row["refreshers_annual_value_cents"] is not None:
        data["refreshers"] = {
            "annual_value": from_cents(row["refreshers_annual_value_cents"]),
            "first_year": row["refreshers_first_year"],
            "vesting": _vesting(
                row["refreshers_vesting_years_pct"],
                row["refreshers_vesting_cliff_months"],
                row["refreshers_vesting_frequency"],
            ),
        }
    if row["budget_band_min_cents"] is not None:
        data["budget"] = {
            "band_min": from_cents(row["budget_band_min_cents"]),
            "band_max": from_cents(row["budget_band_max_cents"]),
            "source": row["budget_source"],
        }
    if row["headcount_combinable_roles"] is not None:
        data["headcount"] = {
            "combinable_roles": row["headcount_combinable_roles"],
            "combinable_budget": from_cents(row["headcount_combinable_budget_cents"]),
        }
    if row["has_goal"]:
        data["goal"] = {
            "target_total": from_cents(row["goal_target_total_cents"]),
            "walk_away_total": from_cents(row["goal_walk_away_total_cents"]),
        }
    # what the file already holds is never refused for a rule added later (app.models.STORED)
    return Offer.model_validate(data, context=STORED)


# --- settings ------------------------------------------------------------------------------------


@dataclass
class SettingsRows:
    """The settings as rows: the settings row (id 1), and the rows of each file-level part's table."""

    row: Row
    fx: list[Row]
    scenarios: list[Row]
    scenario_offers: list[Row]
    current_job: Row | None
    current_job_benefits: list[Row]
    current_job_equity: list[Row]
    current_job_leaving: list[Row]


def settings_to_rows(settings: Settings) -> SettingsRows:
    """The settings row (id 1) and the rows of rates, scenarios and the current job, in the user's order."""
    tax = settings.tax
    row = {
        "id": 1,
        "display_currency": settings.display_currency,
        "horizon_years": settings.horizon_years,
        "rubric": settings.rubric.model_dump_json() if settings.rubric is not None else None,
        "paper": settings.paper,
        "fx_base": settings.base_currency,
        "fx_as_of": _day(settings.fx_as_of),
        "tax_year": tax.year if tax else None,
        "tax_filing_status": tax.filing_status if tax else None,
    }
    fx = [
        {"currency": code, "position": i, "rate": to_text(rate)}
        for i, (code, rate) in enumerate(settings.fx.items())
    ]
    scenarios = [
        {"position": i, "name": scenario.name, "growth_pct": to_text(scenario.growth_pct)}
        for i, scenario in enumerate(settings.scenarios)
    ]
    scenario_offers = [
        {"scenario_position": i, "offer_id": offer_id, "position": j, "growth_pct": to_text(growth)}
        for i, scenario in enumerate(settings.scenarios)
        for j, (offer_id, growth) in enumerate(scenario.offers.items())
    ]
    job = settings.current_job
    job_row = benefits = equity = leaving = None
    if job is not None:
        job_row = {
            "id": 1,
            "company": job.company,
            "role": job.role,
            "currency": job.currency,
            "tax_region": job.tax_region,
            "base_salary_cents": to_cents(job.base_salary),
            "annual_raise_pct": to_text(job.annual_raise_pct),
            **_bonus_columns(job.bonus),
        }
        benefits = [
            {"position": i, "name": b.name, "annual_value_cents": to_cents(b.annual_value)}
            for i, b in enumerate(job.benefits)
        ]
        equity = [{"position": i, "amount_cents": to_cents(a)} for i, a in enumerate(job.equity_by_year)]
        leaving = [
            {"kind": kind, "position": i, "what": item.what, "amount_cents": to_cents(item.amount)}
            for kind, items in (("forfeit", job.forfeit_on_leaving), ("repay", job.repay_on_leaving))
            for i, item in enumerate(items)
        ]
    return SettingsRows(row, fx, scenarios, scenario_offers, job_row, benefits or [], equity or [], leaving or [])


def settings_from_rows(rows: SettingsRows) -> Settings:
    row = rows.row
    growth_by_scenario: dict[int, dict[str, Decimal | None]] = {}
    for r in sorted(rows.scenario_offers, key=lambda r: (r["scenario_position"], r["position"])):
        growth_by_scenario.setdefault(r["scenario_position"], {})[r["offer_id"]] = from_text(r["growth_pct"])
    data: dict[str, Any] = {
        "display_currency": row["display_currency"],
        "fx_base": row.get("fx_base"),
        "horizon_years": row["horizon_years"],
        "fx": {r["currency"]: from_text(r["rate"]) for r in rows.fx},
        "fx_as_of": row.get("fx_as_of"),
        "scenarios": [
            {
                "name": r["name"],
                "growth_pct": from_text(r["growth_pct"]),
                "offers": growth_by_scenario.get(r["position"], {}),
            }
            for r in sorted(rows.scenarios, key=lambda r: r["position"])
        ],
        "current_job": None,
        "tax": None,
        "rubric": Rubric.model_validate_json(row["rubric"]) if row["rubric"] is not None else None,
        "paper": row.get("paper") or "auto",
    }
    if row.get("tax_year") is not None:
        data["tax"] = {"year": row["tax_year"], "filing_status": row["tax_filing_status"]}
    job = rows.current_job
    if job is not None:
        leaving = sorted(rows.current_job_leaving, key=lambda r: (r["kind"], r["position"]))
        data["current_job"] = {
            "company": job["company"],
            "role": job["role"],
            "currency": job["currency"],
            "tax_region": job["tax_region"],
            "base_salary": from_cents(job["base_salary_cents"]),
            "annual_raise_pct": from_text(job["annual_raise_pct"]),
            "bonus": _bonus_data(job),
            "benefits": [
                {"name": r["name"], "annual_value": from_cents(r["annual_value_cents"])}
                for r in sorted(rows.current_job_benefits, key=lambda r: r["position"])
            ],
            "equity_by_year": [
                from_cents(r["amount_cents"]) for r in sorted(rows.current_job_equity, key=lambda r: r["position"])
            ],
            "forfeit_on_leaving": [
                {"what": r["what"], "amount": from_cents(r["amount_cents"])} for r in leaving if r["kind"] == "forfeit"
            ],
            "repay_on_leaving": [
                {"what": r["what"], "amount": from_cents(r["amount_cents"])} for r in leaving if r["kind"] == "repay"
            ],
        }
    return Settings.model_validate(data, context=STORED)
