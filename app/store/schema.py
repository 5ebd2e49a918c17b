"""The data file's tables and the ordered migrations that build them (schema version = their count).

Every column has a declared type and every table is STRICT (where SQLite supports it), so nothing is
stored as a guessed type: money is INTEGER cents, exact non-money decimals (percentages, share
counts, exchange rates) are TEXT, dates are TEXT YYYY-MM-DD. There is never a REAL column.
"""

from __future__ import annotations

from collections.abc import Callable

from sqlite_utils import Database
from sqlite_utils.db import ForeignKey

# PRAGMA application_id of our files: "OPLN" in ASCII, so a file can be recognised as ours.
APPLICATION_ID = 0x4F504C4E

OFFERS = "offers"
SIGN_ON = "offer_sign_on"
GRANTS = "offer_grants"
BENEFITS = "offer_benefits"
TIMELINE = "offer_timeline"
SETTINGS = "settings"
SETTINGS_FX = "settings_fx"

# Child tables of an offer: rows keyed by (offer_id, position), in the offer's list order.
CHILD_TABLES = (SIGN_ON, GRANTS, BENEFITS, TIMELINE)

_OFFER_COLUMNS = {
    "id": "TEXT",
    "position": "INTEGER",  # the user's order of offers
    "created_at": "TEXT",  # ISO 8601 UTC
    "updated_at": "TEXT",
    "company": "TEXT",
    "role": "TEXT",
    "level": "TEXT",
    "location": "TEXT",
    "currency": "TEXT",
    "stage": "TEXT",
    "base_salary_cents": "INTEGER",
    "annual_raise_pct": "TEXT",
    # bonus: present when bonus_expected_payout_pct is not NULL (it always has a value then)
    "bonus_target_pct": "TEXT",
    "bonus_target_amount_cents": "INTEGER",
    "bonus_expected_payout_pct": "TEXT",
    "relocation_cents": "INTEGER",
    # refreshers: present when refreshers_annual_value_cents is not NULL
    "refreshers_annual_value_cents": "INTEGER",
    "refreshers_first_year": "INTEGER",
    "refreshers_vesting_years_pct": "TEXT",  # JSON list of exact decimals as strings
    "refreshers_vesting_cliff_months": "INTEGER",
    "refreshers_vesting_frequency": "TEXT",
    # budget: present when budget_band_min_cents is not NULL
    "budget_band_min_cents": "INTEGER",
    "budget_band_max_cents": "INTEGER",
    "budget_source": "TEXT",
    # headcount: present when headcount_combinable_roles is not NULL
    "headcount_combinable_roles": "INTEGER",
    "headcount_combinable_budget_cents": "INTEGER",
    # signals: always present; each part may be unknown (NULL)
    "signals_competing_offers": "INTEGER",
    "signals_recruiter_advocating": "INTEGER",  # 0/1
    "signals_hiring_manager_responsive": "INTEGER",  # 0/1
    "signals_deadline": "TEXT",
    # goal: a flag, because a goal with neither total set is still a goal
    "has_goal": "INTEGER",
    "goal_target_total_cents": "INTEGER",
    "goal_walk_away_total_cents": "INTEGER",
    "notes": "TEXT",
}
_OFFER_NOT_NULL = {
    "id", "position", "created_at", "updated_at", "company", "role", "currency", "stage",
    "base_salary_cents", "annual_raise_pct", "relocation_cents", "has_goal", "notes",
}

_CHILD_COLUMNS: dict[str, dict[str, str]] = {
    SIGN_ON: {"amount_cents": "INTEGER"},
    GRANTS: {
        "kind": "TEXT",
        "value_cents": "INTEGER",
        "shares": "TEXT",
        "price_cents": "INTEGER",
        "strike_cents": "INTEGER",
        "vesting_years_pct": "TEXT",  # JSON list of exact decimals as strings
        "vesting_cliff_months": "INTEGER",
        "vesting_frequency": "TEXT",
    },
    BENEFITS: {"name": "TEXT", "annual_value_cents": "INTEGER"},
    TIMELINE: {"date": "TEXT", "kind": "TEXT", "note": "TEXT"},
}
_CHILD_NOT_NULL: dict[str, set[str]] = {
    SIGN_ON: {"amount_cents"},
    GRANTS: {"kind", "vesting_years_pct", "vesting_cliff_months", "vesting_frequency"},
    BENEFITS: {"name", "annual_value_cents"},
    TIMELINE: {"date", "kind", "note"},
}


def _v1_create_tables(db: Database) -> None:
    """Version 1: offers with their parts, and the settings."""
    db.table(OFFERS).create(_OFFER_COLUMNS, pk="id", not_null=_OFFER_NOT_NULL, strict=True)
    db.table(OFFERS).create_index(["position"])
    for table, columns in _CHILD_COLUMNS.items():
        db.table(table).create(
            {"offer_id": "TEXT", "position": "INTEGER", **columns},
            pk=("offer_id", "position"),
            not_null={"offer_id", "position", *_CHILD_NOT_NULL[table]},
            foreign_keys=[
                ForeignKey(table, "offer_id", OFFERS, "id", on_delete="CASCADE")
            ],
            strict=True,
        )
    # One row (id = 1); the exchange rates are rows of their own, in the user's order.
    db.table(SETTINGS).create(
        # rubric: the user's adjusted rating rubric as JSON (exact decimals as text); NULL = the shipped one
        # paper: the brief's paper size, "auto" (from the locale), "A4" or "Letter"
        {"id": "INTEGER", "display_currency": "TEXT", "horizon_years": "INTEGER", "rubric": "TEXT", "paper": "TEXT"},
        pk="id",
        not_null={"display_currency", "horizon_years"},
        strict=True,
    )
    db.table(SETTINGS_FX).create(
        {"currency": "TEXT", "position": "INTEGER", "rate": "TEXT"},
        pk="currency",
        not_null={"position", "rate"},
        strict=True,
    )


# Step i (0-based) takes the file from schema version i to i + 1. Append new steps; never edit old ones.
MIGRATIONS: list[Callable[[Database], None]] = [_v1_create_tables]
