"""The data file's tables and the ordered migrations that build them (schema version = their count).

Every column has a declared type and every table is STRICT (where SQLite supports it), so nothing is
stored as a guessed type: money is INTEGER cents, exact non-money decimals (percentages, share
counts, per-share prices, exchange rates) are TEXT, dates are TEXT YYYY-MM-DD. There is never a
REAL column.

Version 2 (offer file format 2): an offer's tax region, start date, sign-on repayment and rounds of
negotiation; option details and per-share prices with six decimals (TEXT, no longer cents); and the
file-level parts kept with the settings: `fx_base`, `fx_as_of`, the tax settings, the scenarios and
the current job. Upgrading a version-1 file keeps every offer and setting; its rates were quoted in
its display currency, so `fx_base` becomes that currency and no figure changes.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # (sqlite-utils is imported when a file is created or upgraded: app.store.store)
    from sqlite_utils import Database

# PRAGMA application_id of our files: "OPLN" in ASCII, so a file can be recognised as ours.
APPLICATION_ID = 0x4F504C4E

OFFERS = "offers"
SIGN_ON = "offer_sign_on"
GRANTS = "offer_grants"
BENEFITS = "offer_benefits"
TIMELINE = "offer_timeline"
ROUNDS = "offer_rounds"
SETTINGS = "settings"
SETTINGS_FX = "settings_fx"
SCENARIOS = "settings_scenarios"
SCENARIO_OFFERS = "settings_scenario_offers"
CURRENT_JOB = "current_job"
CURRENT_JOB_BENEFITS = "current_job_benefits"
CURRENT_JOB_EQUITY = "current_job_equity"
CURRENT_JOB_LEAVING = "current_job_leaving"

# Child tables of an offer: rows keyed by (offer_id, position), in the offer's list order.
CHILD_TABLES = (SIGN_ON, GRANTS, BENEFITS, TIMELINE, ROUNDS)
# Tables of the file-level parts saved with the settings (all rewritten by one save).
SETTINGS_TABLES = (SETTINGS_FX, SCENARIO_OFFERS, SCENARIOS, CURRENT_JOB_LEAVING, CURRENT_JOB_EQUITY,
                   CURRENT_JOB_BENEFITS, CURRENT_JOB)

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
    from sqlite_utils.db import ForeignKey
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


_V2_OFFER_COLUMNS = {
    "tax_region": "TEXT",
    "start_date": "TEXT",
    # sign-on repayment: present when sign_on_repayment_months is not NULL
    "sign_on_repayment_months": "INTEGER",
    "sign_on_repayment_pro_rata": "INTEGER",  # 0/1
}
_V2_GRANT_COLUMNS = {
    "kind": "TEXT",
    "value_cents": "INTEGER",
    "shares": "TEXT",
    "price": "TEXT",  # per-share prices: exact decimals (six places), no longer cents
    "strike": "TEXT",
    "fmv": "TEXT",
    "preferred_price": "TEXT",
    "fully_diluted_shares": "INTEGER",
    "exercise_window_days": "INTEGER",
    "vesting_years_pct": "TEXT",
    "vesting_cliff_months": "INTEGER",
    "vesting_frequency": "TEXT",
}
_V2_ROUND_COLUMNS = {
    "date": "TEXT",
    "side": "TEXT",  # candidate or company
    "note": "TEXT",
    # the items: each NULL when the round doesn't name it
    "base_salary_cents": "INTEGER",
    "sign_on_cents": "INTEGER",
    "equity_value_cents": "INTEGER",
    "equity_shares": "TEXT",
    "relocation_cents": "INTEGER",
    "bonus_target_pct": "TEXT",
    "pto_days": "INTEGER",
    "level": "TEXT",
    "title": "TEXT",
    "remote": "TEXT",
    "start_date": "TEXT",
    "deadline": "TEXT",
}
_V2_SETTINGS_COLUMNS = {
    "fx_base": "TEXT",  # the currency the rates are quoted in
    "fx_as_of": "TEXT",
    # tax settings: present when tax_year is not NULL
    "tax_year": "INTEGER",
    "tax_filing_status": "TEXT",
}


def _child(db: Database, table: str, columns: dict[str, str], not_null: set[str]) -> None:
    from sqlite_utils.db import ForeignKey

    db.table(table).create(
        {"offer_id": "TEXT", "position": "INTEGER", **columns},
        pk=("offer_id", "position"),
        not_null={"offer_id", "position", *not_null},
        foreign_keys=[ForeignKey(table, "offer_id", OFFERS, "id", on_delete="CASCADE")],
        strict=True,
    )


def _v2_format_2(db: Database) -> None:
    """Version 2: the parts of offer file format 2 (see the module docstring)."""
    from sqlite_utils.db import ForeignKey

    conn = db.conn
    for name, kind in _V2_OFFER_COLUMNS.items():
        conn.execute(f"ALTER TABLE {OFFERS} ADD COLUMN {name} {kind}")

    # Per-share prices were INTEGER cents: rebuild the grants table with exact TEXT prices.
    rebuilt = f"{GRANTS}_v2"
    _child(db, rebuilt, _V2_GRANT_COLUMNS, {"kind", "vesting_years_pct", "vesting_cliff_months", "vesting_frequency"})
    rows = conn.execute(
        f"SELECT offer_id, position, kind, value_cents, shares, price_cents, strike_cents, vesting_years_pct, "
        f"vesting_cliff_months, vesting_frequency FROM {GRANTS}"
    ).fetchall()
    conn.executemany(
        f"INSERT INTO {rebuilt} (offer_id, position, kind, value_cents, shares, price, strike, vesting_years_pct, "
        "vesting_cliff_months, vesting_frequency) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [(*row[:5], _cents_text(row[5]), _cents_text(row[6]), *row[7:]) for row in rows],
    )
    conn.execute(f"DROP TABLE {GRANTS}")
    conn.execute(f"ALTER TABLE {rebuilt} RENAME TO {GRANTS}")

    _child(db, ROUNDS, _V2_ROUND_COLUMNS, {"date", "side", "note"})

    for name, kind in _V2_SETTINGS_COLUMNS.items():
        conn.execute(f"ALTER TABLE {SETTINGS} ADD COLUMN {name} {kind}")
    # Format 1 quoted the rates in the display currency: that is their base, so no figure changes.
    conn.execute(f"UPDATE {SETTINGS} SET fx_base = display_currency")

    db.table(SCENARIOS).create(
        {"position": "INTEGER", "name": "TEXT", "growth_pct": "TEXT"},
        pk="position",
        not_null={"name", "growth_pct"},
        strict=True,
    )
    db.table(SCENARIO_OFFERS).create(
        # an offer's own growth in a scenario; offer_id is not a foreign key: an offer deleted (and
        # perhaps brought back by undo) keeps its entry, and a file written leaves it out
        {"scenario_position": "INTEGER", "offer_id": "TEXT", "position": "INTEGER", "growth_pct": "TEXT"},
        pk=("scenario_position", "offer_id"),
        not_null={"position", "growth_pct"},
        foreign_keys=[ForeignKey(SCENARIO_OFFERS, "scenario_position", SCENARIOS, "position", on_delete="CASCADE")],
        strict=True,
    )
    db.table(CURRENT_JOB).create(
        {
            "id": "INTEGER",  # one row, id 1, when there is a current job
            "company": "TEXT",
            "role": "TEXT",
            "currency": "TEXT",
            "tax_region": "TEXT",
            "base_salary_cents": "INTEGER",
            "annual_raise_pct": "TEXT",
            # bonus: present when bonus_expected_payout_pct is not NULL
            "bonus_target_pct": "TEXT",
            "bonus_target_amount_cents": "INTEGER",
            "bonus_expected_payout_pct": "TEXT",
        },
        pk="id",
        not_null={"company", "role", "currency", "base_salary_cents", "annual_raise_pct"},
        strict=True,
    )
    db.table(CURRENT_JOB_BENEFITS).create(
        {"position": "INTEGER", "name": "TEXT", "annual_value_cents": "INTEGER"},
        pk="position",
        not_null={"name", "annual_value_cents"},
        strict=True,
    )
    db.table(CURRENT_JOB_EQUITY).create(
        {"position": "INTEGER", "amount_cents": "INTEGER"},  # element i vests in year i + 1
        pk="position",
        not_null={"amount_cents"},
        strict=True,
    )
    db.table(CURRENT_JOB_LEAVING).create(
        # kind: "forfeit" (lost by leaving) or "repay" (paid back on leaving)
        {"kind": "TEXT", "position": "INTEGER", "what": "TEXT", "amount_cents": "INTEGER"},
        pk=("kind", "position"),
        not_null={"what", "amount_cents"},
        strict=True,
    )


def _cents_text(cents: int | None) -> str | None:
    """Integer cents as the exact decimal text the new price columns hold: 18750 → "187.50"."""
    return None if cents is None else str(Decimal(cents).scaleb(-2))


def _v3_list_summary(db: Database) -> None:
    """Version 3: each offer's row carries its year-1 total (`year_one_cents`, in its own currency),
    written with the offer in the same transaction, so the window's first paint reads the list with
    one plain query (app.summary) before pydantic or sqlite-utils are imported.

    The offers stored so far get theirs here. A version that changes how year 1 is computed must
    append a step that computes the column again (as this one does), so it can never be stale.
    """
    from pydantic import ValidationError

    from app.store.rows import offer_from_rows, year_one_cents  # the figures: only when a file is upgraded
    from app.store.store import offer_rows

    db.conn.execute(f"ALTER TABLE {OFFERS} ADD COLUMN year_one_cents INTEGER")
    summaries = []
    for row, children in offer_rows(db.conn):
        try:
            summaries.append((year_one_cents(offer_from_rows(row, children)), row["id"]))
        except ValidationError:
            continue  # reading it will say what is wrong; its list row shows no year 1 until then
    db.conn.executemany(f"UPDATE {OFFERS} SET year_one_cents = ? WHERE id = ?", summaries)


# Step i (0-based) takes the file from schema version i to i + 1. Append new steps; never edit old ones.
MIGRATIONS: list[Callable[[Database], None]] = [_v1_create_tables, _v2_format_2, _v3_list_summary]
