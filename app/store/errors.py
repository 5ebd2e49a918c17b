"""The errors the storage layer raises for anything a person has to act on."""

from __future__ import annotations

from pathlib import Path


class StoreError(Exception):
    """The data file can't be opened, read or saved; `str(error)` is a message for people."""


class BadDataFile(StoreError):
    """The data file is not one this app can use (not SQLite, damaged, empty, another program's, or
    from a newer version of the app). It was left exactly as it was: the way on is to restore a
    backup or to start a new file, never to repair this one in place."""

    def __init__(self, message: str, path: Path, reason: str):
        super().__init__(message)
        self.path = path
        # one of: "not-sqlite", "damaged", "empty", "other-program", "newer"
        self.reason = reason
