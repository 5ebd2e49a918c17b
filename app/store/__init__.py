"""Storage of the offers and the app settings in one SQLite data file, through sqlite-utils (no Qt)."""

from __future__ import annotations

from pathlib import Path

import platformdirs

from app.store.errors import BadDataFile, StoreError
from app.store.schema import APPLICATION_ID
from app.store.store import ImportResult, Store

__all__ = ["APPLICATION_ID", "BadDataFile", "ImportResult", "Store", "StoreError", "default_db_path"]


def default_db_path() -> Path:
    """Where the data file lives unless the user says otherwise: the per-user data folder."""
    return platformdirs.user_data_path("offer-planner", appauthor=False) / "offers.sqlite3"
