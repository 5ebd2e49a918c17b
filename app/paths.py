"""Where the data file lives unless the user says otherwise (no storage code: the first paint imports it)."""

from __future__ import annotations

from pathlib import Path

import platformdirs


def default_db_path() -> Path:
    """The per-user data folder's offers.sqlite3."""
    return platformdirs.user_data_path("offer-planner", appauthor=False) / "offers.sqlite3"
