"""The one error the storage layer raises for anything a person has to act on."""

from __future__ import annotations


class StoreError(Exception):
    """The data file can't be opened, read or saved; `str(error)` is a message for people."""
