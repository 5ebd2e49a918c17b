"""Storage of the offers and the app settings in one SQLite data file, through sqlite-utils (no Qt)."""

from __future__ import annotations

from app.paths import default_db_path
from app.store.errors import BadDataFile, StoreError
from app.store.schema import APPLICATION_ID
from app.store.store import ImportResult, Store

__all__ = ["APPLICATION_ID", "BadDataFile", "ImportResult", "Store", "StoreError", "default_db_path"]

