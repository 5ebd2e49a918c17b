"""The offer list for the window's first paint: one plain `sqlite3` query of each offer's summary.

The store writes each offer's summary (its year-1 total, `year_one_cents`) in the same row and the
same transaction as the offer, so it is never older than the offer. Reading it needs only the
standard library: no pydantic, no sqlite-utils, no validation, so the window can show the list before
the rest of the app is imported. Anything unusual (no file, not ours, an older or newer schema, a
lock, damage) returns None and the app starts the ordinary way, which says what is wrong.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from collections.abc import Collection
    from datetime import date
    from decimal import Decimal

# The stages of an offer the user holds (made, not declined or withdrawn; app.position rates them so)
OFFER_STAGES = ("offer", "negotiating", "accepted")

# The schema version whose offers rows carry `year_one_cents` (app.store.schema: a test checks).
SUMMARY_SCHEMA_VERSION = 3
APPLICATION_ID = 0x4F504C4E  # the same as app.store.schema.APPLICATION_ID (a test checks)


class OfferSummary(NamedTuple):
    """One row of the offer list, as stored: what the list shows before the offers are loaded.

    (A NamedTuple, not a dataclass: importing dataclasses is a measurable part of the first paint.)
    """

    id: str
    company: str
    role: str
    stage: str
    level: str | None
    location: str | None
    currency: str
    year_one_cents: int | None  # None: not known yet (shown once the offer is evaluated)

    @property
    def year_one(self) -> Decimal | None:
        from decimal import Decimal  # (the first paint writes the cents without it: ui.list_money)

        return None if self.year_one_cents is None else Decimal(self.year_one_cents).scaleb(-2)


class OfferRow(NamedTuple):
    """One offer as the window lists it and the rating compares it with the others, read from its
    stored row (the store's `list_rows`) or made from an offer just saved (`app.store.rows.row_of`):
    the list, Compare's picker, the settings' per-offer parts and the alternatives every rating cites
    come from these, so a file of a thousand offers builds a full pydantic `Offer` only for the ones
    shown in detail (issue 15: "full offers loaded on demand").

    The window keeps one per offer and replaces it when the offer is saved, so the row's identity
    is the offer's version: `app.evaluation.Evaluator` reuses what it computed for an offer whose
    row is the same object.
    """

    id: str
    company: str
    role: str
    stage: str
    level: str | None
    location: str | None
    currency: str
    tax_region: str | None
    year_one: Decimal | None  # the stored year-1 total in its own currency (None: computed when needed)
    deadline: date | None  # signals.deadline: when the offer expires, if the user recorded it
    in_hand: bool  # an offer the user holds: an alternative for the others (`offer_in_hand` below)
    missing: tuple[str, ...]  # what the rating still needs (`missing_for_rating_of` below)
    has_options: bool  # an option grant among its equity (the list's "under water" flag asks about it)


def offer_in_hand(stage: str, timeline_kinds: Collection[str]) -> bool:
    """An offer the user holds (made, not declined or withdrawn), from its stage and the kinds of its
    timeline's events: it counts as an alternative (`app.evaluation.is_offer_in_hand`)."""
    return stage in OFFER_STAGES or (stage == "interviewing" and "offer" in timeline_kinds)


def missing_for_rating_of(stage: str, has_base: bool, timeline_kinds: Collection[str]) -> tuple[str, ...]:
    """What an offer still needs before its position is worth rating (`app.position.missing_for_rating`)
    from the facts it reads: the stage, whether a base salary is set, the kinds of the timeline's
    events; so the list can tell from an offer's stored row without building it."""
    missing = []
    offered = stage != "interviewing" or "offer" in timeline_kinds
    if offered and not has_base:
        missing.append("the base salary")
    if not timeline_kinds:
        missing.append("the timeline (when you interviewed, when the offer came)")
    return tuple(missing)


def read_summaries(path: Path) -> list[OfferSummary] | None:
    """Every offer's summary in the user's order, or None when the file can't be read this way."""
    if not path.is_file():
        return None
    try:
        # read-only: the first paint never writes, creates or upgrades anything
        conn = sqlite3.connect(f"{path.absolute().as_uri()}?mode=ro", uri=True, timeout=0.2)
    except sqlite3.Error:
        return None
    try:
        if conn.execute("PRAGMA application_id").fetchone()[0] != APPLICATION_ID:
            return None
        if conn.execute("PRAGMA user_version").fetchone()[0] != SUMMARY_SCHEMA_VERSION:
            return None  # to be upgraded (or newer than this app): the ordinary start handles it
        rows = conn.execute(
            "SELECT id, company, role, stage, level, location, currency, year_one_cents "
            "FROM offers ORDER BY position, id"
        ).fetchall()
    except sqlite3.Error:
        return None
    finally:
        conn.close()
    return [OfferSummary._make(row) for row in rows]
