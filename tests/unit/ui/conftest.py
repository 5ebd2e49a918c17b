"""Fixtures shared by the widget tests."""

from __future__ import annotations

import pytest

from app.store import Store


@pytest.fixture
def store(tmp_path):
    """A real data file in a temporary folder, closed after the test."""
    opened = Store.open(tmp_path / "offers.sqlite3")
    yield opened
    opened.close()
