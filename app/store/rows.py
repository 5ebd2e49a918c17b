"""Offers and settings to table rows and back, exactly: money as integer cents, decimals as text.

Rows are plain dicts; only pydantic models leave the storage layer. Reading a row back rebuilds the
model with `model_validate`, so what comes out passes the same rules as what went in.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from app.models import Offer, Settings, Vesting
from app.rubric import Rubric
from app.store.schema import BENEFITS, GRANTS, SIGN_ON, TIMELINE

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


# --- offers --------------------------------------------------------------------------------------


@dataclass
class OfferRows:
    """One offer as rows: its `offers` row, and its child rows per table (in list order)."""

    offer: Row
    children: dict[str, list[Row]] = field(default_factory=dict)


def offer_to_rows(offer: Offer, *, position: int, created_at: str, updated_at: str) -> OfferRows:
    bonus, refreshers, budget = offer.bonus, offer.refreshers, offer.budget
    headcount, signals, goal = offer.headcount, offer.signals, offer.goal
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
        "stage": offer.stage,
        "base_salary_cents": to_cents(offer.base_salary),
        "annual_raise_pct": to_text(offer.annual_raise_pct),
        "bonus_target_pct": to_text(bonus.target_pct) if bonus else None,
        "bonus_target_amount_cents": to_cents(bonus.target_amount) if bonus else None,
        "bonus_expected_payout_pct": to_text(bonus.expected_payout_pct) if bonus else None,
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
                "price_cents": to_cents(grant.price),
                "strike_cents": to_cents(grant.strike),
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
        "stage": row["stage"],
        "base_salary": from_cents(row["base_salary_cents"]),
        "annual_raise_pct": from_text(row["annual_raise_pct"]),
        "bonus": None,
        "sign_on": [from_cents(r["amount_cents"]) for r in children.get(SIGN_ON, ())],
        "relocation": from_cents(row["relocation_cents"]),
        "equity": [
            {
                "kind": r["kind"],
                "value": from_cents(r["value_cents"]),
                "shares": from_text(r["shares"]),
                "price": from_cents(r["price_cents"]),
                "strike": from_cents(r["strike_cents"]),
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
        "signals": {
            "competing_offers": row["signals_competing_offers"],
            "recruiter_advocating": _unflag(row["signals_recruiter_advocating"]),
            "hiring_manager_responsive": _unflag(row["signals_hiring_manager_responsive"]),
            "deadline": row["signals_deadline"],
        },
        "goal": None,
        "notes": row["notes"],
    }
    if row["bonus_expected_payout_pct"] is not None:
        data["bonus"] = {
            "target_pct": from_text(row["bonus_target_pct"]),
            "target_amount": from_cents(row["bonus_target_amount_cents"]),
            "expected_payout_pct": from_text(row["bonus_expected_payout_pct"]),
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
    return Offer.model_validate(data)


# --- settings ------------------------------------------------------------------------------------


def settings_to_rows(settings: Settings) -> tuple[Row, list[Row]]:
    """The settings row (id 1) and one row per exchange rate, in the user's order."""
    row = {
        "id": 1,
        "display_currency": settings.display_currency,
        "horizon_years": settings.horizon_years,
        "rubric": settings.rubric.model_dump_json() if settings.rubric is not None else None,
        "paper": settings.paper,
    }
    fx = [
        {"currency": code, "position": i, "rate": to_text(rate)}
        for i, (code, rate) in enumerate(settings.fx.items())
    ]
    return row, fx


def settings_from_rows(row: Mapping[str, Any], fx: Sequence[Mapping[str, Any]]) -> Settings:
    return Settings.model_validate(
        {
            "display_currency": row["display_currency"],
            "horizon_years": row["horizon_years"],
            "fx": {r["currency"]: from_text(r["rate"]) for r in fx},
            "rubric": Rubric.model_validate_json(row["rubric"]) if row["rubric"] is not None else None,
            "paper": row.get("paper") or "auto",
        }
    )
