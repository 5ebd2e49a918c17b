"""Rolling backups and restoring one: once a day of use, the last N kept, nothing ever overwritten."""

from __future__ import annotations

import errno
import fcntl
import os
import re
import shutil
import sqlite3
import stat
from contextlib import closing
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

import app.store.backup as backup_module
from app.models import Offer
from app.store import BadDataFile, Store, StoreError
from app.store.backup import (
    app_is_open,
    backup_if_due,
    check_backup,
    find_backup,
    latest_backup,
    list_backups,
    restore_backup,
)
from app.store.store import rename_aside

DAY = date(2026, 11, 20)


def offer(offer_id: str, **fields) -> Offer:
    return Offer.model_validate({"id": offer_id, "company": f"Company {offer_id}", "role": "Engineer", **fields})


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / "data" / "offers.sqlite3"


@pytest.fixture
def store(db: Path):
    with Store.open(db) as opened:
        opened.save_offer(offer("a"))
        yield opened


def ids_in(path: Path) -> list[str]:
    with closing(sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)) as conn:
        return [row[0] for row in conn.execute("SELECT id FROM offers ORDER BY position")]


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


# --- making backups ------------------------------------------------------------------------------


def test_the_first_use_of_a_day_makes_one_private_self_contained_copy(store: Store, db: Path) -> None:
    made = backup_if_due(store, today=DAY)
    assert made == db.parent / "backups" / "offers-2026-11-20.sqlite3"
    assert mode(made) == 0o600 and mode(made.parent) == 0o700
    assert ids_in(made) == ["a"]
    assert check_backup(made) == 1
    with closing(sqlite3.connect(made)) as conn:  # no -wal needed beside it to read it whole
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert sorted(p.name for p in made.parent.iterdir()) == [made.name]  # no temporary left

    store.save_offer(offer("b"))
    assert backup_if_due(store, today=DAY) is None  # never more than one a day
    assert ids_in(made) == ["a"]


def test_a_day_without_changes_makes_no_copy_so_older_ones_are_kept(store: Store) -> None:
    assert backup_if_due(store, today=DAY) is not None
    assert backup_if_due(store, today=DAY + timedelta(days=1)) is None  # same content
    store.save_offer(offer("b"))
    made = backup_if_due(store, today=DAY + timedelta(days=2))
    assert made is not None and ids_in(made) == ["a", "b"]


def test_only_the_last_n_are_kept_and_other_files_are_left_alone(store: Store, db: Path) -> None:
    folder = db.parent / "backups"
    folder.mkdir(mode=0o700)
    stranger = folder / "other-2026-01-01.sqlite3"
    stranger.write_text("another data file's backup")
    for day in range(6):
        store.save_offer(offer(f"day-{day}"))
        backup_if_due(store, keep=3, today=DAY + timedelta(days=day))
    kept = list_backups(db)
    assert [b.day for b in kept] == [DAY + timedelta(days=d) for d in (5, 4, 3)]
    assert [b.offers for b in kept] == [7, 6, 5]
    assert stranger.exists()
    assert latest_backup(db).day == DAY + timedelta(days=5)


def test_an_empty_data_file_is_not_backed_up(db: Path) -> None:
    with Store.open(db) as store:
        assert backup_if_due(store, today=DAY) is None
    assert not (db.parent / "backups").exists()


def test_a_backup_that_fails_says_why_and_leaves_nothing_half_made(
    store: Store, db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def full(*args):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(backup_module.os, "replace", full)
    with pytest.raises(StoreError, match=r"Can't make today's backup in .*: the disk is full"):
        backup_if_due(store, today=DAY)
    monkeypatch.undo()
    assert list((db.parent / "backups").iterdir()) == []
    assert [o.id for o in store.list_offers()] == ["a"]  # the data file is not touched
    assert backup_if_due(store, today=DAY) is not None  # and the next try works


def test_a_backup_taken_while_another_process_writes_is_whole(store: Store, db: Path) -> None:
    with closing(sqlite3.connect(db, isolation_level=None)) as other:
        other.execute("BEGIN IMMEDIATE")  # another writer in the middle of a transaction
        other.execute("UPDATE offers SET company = 'half-way' WHERE id = 'a'")
        made = backup_if_due(store, today=DAY)
        other.execute("ROLLBACK")
    assert made is not None and check_backup(made) == 1
    with closing(sqlite3.connect(made)) as conn:
        assert conn.execute("SELECT company FROM offers").fetchone()[0] == "Company a"


# --- listing and finding -------------------------------------------------------------------------


def test_backups_are_listed_newest_first_with_their_offer_counts(store: Store, db: Path) -> None:
    first = backup_if_due(store, today=DAY)
    store.save_offer(offer("b"))
    second = backup_if_due(store, today=DAY + timedelta(days=1))
    damaged = db.parent / "backups" / "offers-2026-11-22.sqlite3"
    damaged.write_bytes(b"not a database at all" * 100)
    listed = list_backups(db)
    assert [(b.path, b.offers) for b in listed] == [(damaged, None), (second, 2), (first, 1)]
    assert latest_backup(db).path == second  # the newest that can be restored
    assert find_backup(db, "2026-11-20").path == first
    assert find_backup(db, second.name).path == second
    assert find_backup(db, str(first)).offers == 1
    with pytest.raises(StoreError, match="No backup '2025-01-01'"):
        find_backup(db, "2025-01-01")


# --- restoring -----------------------------------------------------------------------------------


def test_restoring_over_a_bad_file_keeps_it_aside_untouched(store: Store, db: Path) -> None:
    made = backup_if_due(store, today=DAY)
    store.close()
    garbage = b"my offers, overwritten by some other program" * 40
    db.write_bytes(garbage)
    result = restore_backup(made, db, now=datetime(2026, 11, 21, 9, 30, 5))
    assert result.offers == 1
    assert result.set_aside == db.with_name("offers.sqlite3.bad-20261121-093005")
    assert result.set_aside.read_bytes() == garbage
    assert mode(db) == 0o600
    with Store.open(db) as reopened:
        assert [o.id for o in reopened.list_offers()] == ["a"]
    assert made.exists()  # the backup stays a backup


def test_restoring_over_a_good_file_keeps_every_edit_in_the_file_set_aside(store: Store, db: Path) -> None:
    made = backup_if_due(store, today=DAY)
    store.save_offer(offer("after-the-backup"))
    store.close()
    result = restore_backup(made, db)
    assert re.fullmatch(r"offers\.sqlite3\.before-restore-\d{8}-\d{6}", result.set_aside.name)
    with Store.open(db) as reopened:
        assert [o.id for o in reopened.list_offers()] == ["a"]
    assert ids_in(result.set_aside) == ["a", "after-the-backup"]


def test_a_damaged_backup_is_refused_and_nothing_changes(store: Store, db: Path) -> None:
    made = backup_if_due(store, today=DAY)
    store.close()
    data = bytearray(made.read_bytes())
    data[4096:8192] = b"\xa5" * 4096
    made.write_bytes(bytes(data))
    before = db.read_bytes()
    with pytest.raises(BadDataFile, match="damaged"):
        restore_backup(made, db)
    assert db.read_bytes() == before
    assert sorted(p.name for p in db.parent.iterdir() if not p.name.endswith(("-wal", "-shm"))) == [
        "backups",
        "offers.sqlite3",
    ]


def test_restore_waits_for_the_app_to_close_the_file(store: Store, db: Path) -> None:
    made = backup_if_due(store, today=DAY)
    store.close()
    lock = Path(f"{db}.lock")
    lock.write_text("1\noffer-planner\nthis-host\n")  # another process's QLockFile…
    fd = os.open(lock, os.O_RDONLY)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)  # …held, as Qt holds it
        assert app_is_open(db)
        with pytest.raises(StoreError, match=r"Offer Planner is open on .*close it first"):
            restore_backup(made, db)
    finally:
        os.close(fd)
    assert not app_is_open(db)  # a lock file left by a crash holds nothing
    lock.write_text(f"{os.getpid()}\noffer-planner\nthis-host\n")
    assert not app_is_open(db)  # this process (the app restoring its own file)


def test_an_orphaned_wal_never_meets_a_new_file(tmp_path: Path) -> None:
    db = tmp_path / "offers.sqlite3"
    with Store.open(db) as store:
        store.save_offer(offer("a", notes="x" * 5000))
        wal = Path(f"{db}-wal")
        shutil.copy(wal, tmp_path / "kept-wal")
    os.remove(db)
    shutil.copy(tmp_path / "kept-wal", wal)  # a -wal left without its file
    with Store.open(db) as store:
        assert store.list_offers() == []
    orphans = [p.name for p in tmp_path.iterdir() if p.name.startswith("offers.sqlite3.orphaned-")]
    assert len(orphans) == 1 and orphans[0].endswith("-wal")
    with closing(sqlite3.connect(db)) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_moving_aside_never_replaces_another_file(tmp_path: Path) -> None:
    now = datetime(2026, 11, 21, 9, 30, 5)
    names = []
    for content in (b"one", b"two"):
        path = tmp_path / "offers.sqlite3"
        path.write_bytes(content)
        names.append(rename_aside(path, "bad", now))
    assert [p.name for p in names] == ["offers.sqlite3.bad-20261121-093005", "offers.sqlite3.bad-20261121-093005-1"]
    assert [p.read_bytes() for p in names] == [b"one", b"two"]
