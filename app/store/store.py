"""The Store: the offers and settings in one SQLite file, opened with care and written atomically.

Opening never changes a file that isn't ours (not SQLite, damaged, empty, another program's, or from a
newer version of the app): it is refused with a BadDataFile error and left exactly as it was. A new
file is built beside its final name and moved into place complete, so a data file is never empty or
half-made. Every write runs in one `BEGIN IMMEDIATE` transaction, so a failure saves nothing half-way
and two processes writing the same file wait for each other (up to the busy timeout) instead of
losing writes.

Reads go through the standard library's `sqlite3` alone; sqlite-utils (the stack's storage library)
does every write and migration, over the same connection, and is imported by the first of them: a
window that only reads at start (the list, the editor) never loads it and what it imports (click,
dateutil, pluggy, sqlite-fts4: ~5 MB of a start's resident memory, issue 15).
"""

from __future__ import annotations

import errno
import hashlib
import os
import secrets
import sqlite3
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pydantic import ValidationError

from app.atomic import fsync as _fsync
from app.errors import problems_from
from app.files import offer_file_for
from app.models import Offer, OfferFile, Settings
from app.store import schema
from app.store.errors import BadDataFile, StoreError
from app.store.rows import (
    ROWS_QUERY,
    SettingsRows,
    offer_from_rows,
    offer_to_rows,
    row_of,
    settings_from_rows,
    settings_to_rows,
    stored_row,
    year_one_cents,
)
from app.store.schema import (
    APPLICATION_ID,
    CHILD_TABLES,
    CURRENT_JOB,
    CURRENT_JOB_BENEFITS,
    CURRENT_JOB_EQUITY,
    CURRENT_JOB_LEAVING,
    OFFERS,
    SCENARIO_OFFERS,
    SCENARIOS,
    SETTINGS,
    SETTINGS_FX,
    SETTINGS_TABLES,
)
from app.summary import OfferRow

if TYPE_CHECKING:
    from sqlite_utils import Database

# How long a write waits for another process's write to finish before giving up.
BUSY_TIMEOUT_MS = 5000


@dataclass(frozen=True)
class ImportResult:
    """What an import did: offers added (new ids) and offers replaced (ids already stored)."""

    added: int
    replaced: int


class Store:
    """The offers (in the user's order) and the settings, in one SQLite data file."""

    path: Path

    def __init__(self, path: Path, conn: sqlite3.Connection) -> None:
        """Use `Store.open`; this only wraps an already checked, configured connection."""
        self.path = path
        self._conn = conn
        self._database: Database | None = None
        self._closed = False

    @property
    def _db(self) -> Database:
        """sqlite-utils over the store's connection, for writes and migrations (imported by the first)."""
        if self._database is None:
            from sqlite_utils import Database

            self._database = Database(self._conn, recursive_triggers=False, execute_plugins=False)
        return self._database

    # --- opening and closing ---------------------------------------------------------------------

    @classmethod
    def open(cls, path: str | os.PathLike[str]) -> Store:
        """Open (or create) the data file at `path`, upgrading its schema if it is older."""
        path = Path(path).expanduser().absolute()
        if _prepare_file(path):
            cls._create(path)
        conn = _connect(path)
        try:
            version = _inspect(conn, path)
            store = cls(path, conn)
            store._configure()
            store._migrate(version)
        except BaseException:
            conn.close()
            raise
        return store

    @classmethod
    def _create(cls, path: Path) -> None:
        """Build a new, empty data file beside `path` and move it into place complete.

        A kill or a full disk half-way leaves at most a hidden temporary file, never an empty or
        half-made data file (which the next start would then rightly refuse). Rollback-journal mode
        while building, so nothing but the finished file is moved; WAL is switched on at open.
        """
        temporary = path.with_name(f".{path.name}.new-{os.getpid()}-{secrets.token_hex(4)}")
        if any(Path(f"{path}{suffix}").exists() for suffix in ("-wal", "-shm")):
            rename_aside(path, "orphaned")  # a -wal without its file must not meet the new one
        try:
            _create_private_file(temporary)
            conn = _connect(temporary)
            try:
                cls(temporary, conn)._migrate(0)
            finally:
                conn.close()
            _fsync(temporary)
            try:
                # link() never replaces: if another process created the file meanwhile, open theirs.
                os.link(temporary, path)
            except FileExistsError:
                pass
            except OSError:
                # A file system without hard links: rename, checking first (a tiny race, no worse).
                if not path.exists():
                    os.rename(temporary, path)
            _fsync(path.parent)
        except OSError as exc:
            raise StoreError(f"Can't create the data file {path}: {_os_problem(exc)}.") from exc
        except StoreError as exc:
            cause: BaseException | None = exc
            while cause is not None and not isinstance(cause, sqlite3.Error):
                cause = cause.__cause__
            problem = _sqlite_problem(cause, path) if isinstance(cause, sqlite3.Error) else None
            raise StoreError(f"Can't create the data file {path}: {problem or str(exc).rstrip('.')}.") from exc
        finally:
            with suppress(OSError):
                temporary.unlink()

    def close(self) -> None:
        if not self._closed:
            self._closed = True
            self._conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    # --- offers ----------------------------------------------------------------------------------

    def list_offers(self) -> list[Offer]:
        """Every offer, in the user's order."""
        return self.list_offers_with_year_one()[0]

    def list_offers_with_year_one(self) -> tuple[list[Offer], dict[str, Decimal]]:
        """Every offer, in the user's order, and the year-1 totals stored with them (one snapshot).

        Built one offer at a time from the rows as they are read: a large file's rows are never all
        held at once beside its offers (that peak stayed in the resident memory after it was freed)."""
        loaded: list[tuple[int, str, Offer]] = []
        year_one: dict[str, Decimal] = {}
        with self._read() as conn:
            for row, children in offer_rows(conn):
                loaded.append((row["position"], row["id"], self._offer(row, children)))
                if row.get("year_one_cents") is not None:
                    year_one[row["id"]] = Decimal(row["year_one_cents"]).scaleb(-2)
        loaded.sort(key=lambda item: (item[0], item[1]))  # the user's order: ORDER BY position, id
        return [offer for _, _, offer in loaded], year_one

    def list_rows(self) -> list[OfferRow]:
        """Every offer's list row, in the user's order, in one query: no offer is built (app.summary)."""
        with self._read() as conn:
            rows = [stored_row(values) for values in conn.execute(ROWS_QUERY)]
        self._conn.execute("PRAGMA shrink_memory")
        return rows

    def get_offer(self, offer_id: str) -> Offer | None:
        with self._read() as conn:
            found = _dicts(conn.execute(f"SELECT * FROM {OFFERS} WHERE id = ?", [offer_id]))
            if not found:
                return None
            row = found[0]
            children = {
                table: _dicts(conn.execute(f"SELECT * FROM {table} WHERE offer_id = ? ORDER BY position", [offer_id]))
                for table in CHILD_TABLES
            }
        return self._offer(row, children)

    def get_offers(self, offer_ids: Sequence[str]) -> dict[str, Offer]:
        """The stored offers of these ids (an id not stored is left out), read with one query a table:
        how the window builds the offers of a page of its list at once."""
        if not offer_ids:
            return {}
        ids = list(dict.fromkeys(offer_ids))
        marks = ", ".join("?" * len(ids))
        with self._read() as conn:
            rows = _dicts(conn.execute(f"SELECT * FROM {OFFERS} WHERE id IN ({marks})", ids))
            children: dict[str, dict[str, list[dict[str, Any]]]] = {table: {} for table in CHILD_TABLES}
            for table, found in children.items():
                query = f"SELECT * FROM {table} WHERE offer_id IN ({marks}) ORDER BY offer_id, position"
                for child in _rows(conn.execute(query, ids)):
                    found.setdefault(child["offer_id"], []).append(child)
        return {
            row["id"]: self._offer(row, {table: found.get(row["id"], []) for table, found in children.items()})
            for row in rows
        }

    def save_offer(self, offer: Offer) -> None:
        """Insert or replace the offer; a stored offer keeps its place, a new one goes last."""
        with self._write() as db:
            self._put(db, offer, _now())

    def delete_offer(self, offer_id: str) -> bool:
        """Delete the offer and all its parts; False when there was no such offer."""
        with self._write() as db:
            # Children go explicitly too, not only by ON DELETE CASCADE, in case a tool opened the
            # file without foreign keys on and left rows behind.
            for table in CHILD_TABLES:
                db.table(table).delete_where("offer_id = ?", [offer_id])
            deleted = db.execute(f"DELETE FROM {OFFERS} WHERE id = ?", [offer_id]).rowcount
        return deleted > 0

    def import_offers(self, offers: Sequence[Offer], settings: Settings | None = None) -> ImportResult:
        """Store all the offers or none: stored ids are replaced in place, new ones appended in order.

        With `settings`, they are saved in the same transaction (an import that also brings file-level
        parts: see `app.files.merge_file_parts`).
        """
        added = replaced = 0
        now = _now()
        with self._write() as db:
            for offer in offers:
                if self._put(db, offer, now):
                    replaced += 1
                else:
                    added += 1
            if settings is not None:
                self._put_settings(db, settings)
        return ImportResult(added=added, replaced=replaced)

    def apply(
        self,
        save: Sequence[Offer] = (),
        delete: Sequence[str] = (),
        order: Sequence[str] | None = None,
    ) -> dict[str, OfferRow]:
        """Save, delete and reorder offers in one transaction (how undo restores a previous state).

        `order` lists offer ids in the wanted order; ids not listed keep their relative order after them.
        Returns the list's row of each offer saved, as stored (`list_rows` reads the same).
        """
        now = _now()
        saved: dict[str, OfferRow] = {}
        with self._write() as db:
            for offer_id in delete:
                for table in CHILD_TABLES:
                    db.table(table).delete_where("offer_id = ?", [offer_id])
                db.execute(f"DELETE FROM {OFFERS} WHERE id = ?", [offer_id])
            for offer in save:
                self._put(db, offer, now, saved)
            if order is not None:
                current = [row[0] for row in db.execute(f"SELECT id FROM {OFFERS} ORDER BY position, id")]
                wanted = [i for i in order if i in set(current)]
                rest = [i for i in current if i not in set(wanted)]
                for position, offer_id in enumerate(wanted + rest):
                    db.execute(f"UPDATE {OFFERS} SET position = ? WHERE id = ?", [position, offer_id])
        return saved

    def offer_ids(self) -> list[str]:
        """The stored ids, in the user's order."""
        with self._read() as conn:
            return [row[0] for row in conn.execute(f"SELECT id FROM {OFFERS} ORDER BY position, id")]

    def offer_count(self) -> int:
        with self._read() as conn:
            return _count(conn, OFFERS)

    def is_empty(self) -> bool:
        """Nothing stored yet: no offers and no saved settings."""
        with self._read() as conn:
            return _count(conn, OFFERS) == 0 and _count(conn, SETTINGS) == 0

    # --- settings --------------------------------------------------------------------------------

    def load_settings(self) -> Settings:
        """The saved settings (with the file-level parts: rates, scenarios, current job, tax), or the
        defaults when none were ever saved."""
        with self._read() as conn:
            found = _dicts(conn.execute(f"SELECT * FROM {SETTINGS} WHERE id = 1"))
            if not found:
                return Settings()
            jobs = _dicts(conn.execute(f"SELECT * FROM {CURRENT_JOB} WHERE id = 1"))

            def rows_of(table: str, order: str) -> list[dict[str, Any]]:
                return _dicts(conn.execute(f"SELECT * FROM {table} ORDER BY {order}"))

            rows = SettingsRows(
                row=found[0],
                fx=rows_of(SETTINGS_FX, "position"),
                scenarios=rows_of(SCENARIOS, "position"),
                scenario_offers=rows_of(SCENARIO_OFFERS, "scenario_position, position"),
                current_job=jobs[0] if jobs else None,
                current_job_benefits=rows_of(CURRENT_JOB_BENEFITS, "position"),
                current_job_equity=rows_of(CURRENT_JOB_EQUITY, "position"),
                current_job_leaving=rows_of(CURRENT_JOB_LEAVING, "kind, position"),
            )
        try:
            return settings_from_rows(rows)
        except ValidationError as exc:
            raise StoreError(
                f"Can't read the settings in {self.path}: {problems_from(exc)[0]}."
            ) from None

    def save_settings(self, settings: Settings) -> None:
        """Save the settings and every file-level part in one transaction (all or nothing)."""
        with self._write() as db:
            self._put_settings(db, settings)

    # --- export ----------------------------------------------------------------------------------

    def offer_file(self, offer_ids: Sequence[str] | None = None, *, as_of: date | None = None) -> OfferFile:
        """The offer file to export: the stored offers (all, or those of `offer_ids`, in the user's
        order) with every file-level part of the stored settings (display currency, rates with their
        base and date, horizon, scenarios, current job, tax), dated `as_of` (today).

        The one place an export is put together, for the window and the command line alike (the
        file itself is built by `app.files.offer_file_for`); an id no stored offer has is a
        `StoreError` naming it.
        """
        offers = self.list_offers()
        if offer_ids is not None:
            known = {offer.id for offer in offers}
            missing = [i for i in offer_ids if i not in known]
            if missing:
                raise StoreError(f"no stored offer has the id {', '.join(repr(m) for m in missing)}")
            wanted = set(offer_ids)
            offers = [offer for offer in offers if offer.id in wanted]
        return offer_file_for(offers, self.load_settings(), as_of=as_of)

    # --- internals -------------------------------------------------------------------------------

    def _put_settings(self, db: Database, settings: Settings) -> None:
        """Write the settings and their parts inside the caller's transaction."""
        rows = settings_to_rows(settings)
        db.table(SETTINGS).upsert(rows.row, pk="id")
        for table in SETTINGS_TABLES:  # children before parents
            db.table(table).delete_where()
        db.table(SETTINGS_FX).insert_all(rows.fx)
        db.table(SCENARIOS).insert_all(rows.scenarios)
        db.table(SCENARIO_OFFERS).insert_all(rows.scenario_offers)
        if rows.current_job is not None:
            db.table(CURRENT_JOB).insert(rows.current_job)
        db.table(CURRENT_JOB_BENEFITS).insert_all(rows.current_job_benefits)
        db.table(CURRENT_JOB_EQUITY).insert_all(rows.current_job_equity)
        db.table(CURRENT_JOB_LEAVING).insert_all(rows.current_job_leaving)

    def _put(self, db: Database, offer: Offer, now: str, listed: dict[str, OfferRow] | None = None) -> bool:
        """Write one offer inside the caller's transaction; True when it replaced a stored one.

        `listed`: where to put the offer's list row (`row_of`) as written."""
        found = list(db.query(f"SELECT position, created_at FROM {OFFERS} WHERE id = ?", [offer.id]))
        existing = found[0] if found else None
        if existing is not None:
            position, created_at = existing["position"], existing["created_at"]
        else:
            position = db.execute(f"SELECT COALESCE(MAX(position) + 1, 0) FROM {OFFERS}").fetchone()[0]
            created_at = now
        rows = offer_to_rows(offer, position=position, created_at=created_at, updated_at=now)
        rows.offer["year_one_cents"] = cents = year_one_cents(offer)  # the list's summary, in the same write
        # Replacing = delete the parts and insert them again: simpler and safer than diffing lists.
        for table in CHILD_TABLES:
            db.table(table).delete_where("offer_id = ?", [offer.id])
        if existing is not None:
            db.table(OFFERS).update(offer.id, rows.offer)
        else:
            db.table(OFFERS).insert(rows.offer)
        for table, child_rows in rows.children.items():
            db.table(table).insert_all(child_rows)
        if listed is not None:
            listed[offer.id] = row_of(offer, cents)
        return existing is not None

    def _offer(self, row: Mapping[str, Any], children: Mapping[str, Sequence[Mapping[str, Any]]]) -> Offer:
        try:
            return offer_from_rows(row, children)
        except ValidationError as exc:
            raise StoreError(
                f'Can\'t read offer "{row["id"]}" in {self.path}: {problems_from(exc)[0]}.'
            ) from None

    @contextmanager
    def _write(self, failure: str = "Can't save") -> Iterator[Database]:
        """One BEGIN IMMEDIATE transaction: committed at the end, rolled back on any exception.

        IMMEDIATE takes the write lock up front (waiting up to the busy timeout), so two processes
        never both read and then fail to upgrade to a write lock; sqlite-utils calls made inside
        use savepoints and join this transaction.
        """
        db = self._db
        conn = self._conn
        if conn.in_transaction:
            raise RuntimeError("a Store write is already in progress on this connection")
        try:
            conn.execute("BEGIN IMMEDIATE")
            yield db
            conn.execute("COMMIT")
        except BaseException as exc:
            self._roll_back()
            error = self._translate(exc, failure, wrote=True)
            if error is None:
                raise
            raise error from exc

    @contextmanager
    def _read(self) -> Iterator[sqlite3.Connection]:
        """One read transaction, so an offer and its parts come from the same snapshot (plain sqlite3)."""
        conn = self._conn
        try:
            conn.execute("BEGIN")
            yield conn
            conn.execute("COMMIT")
        except BaseException as exc:
            self._roll_back()
            error = self._translate(exc, f"Can't read {self.path}", wrote=False)
            if error is None:
                raise
            raise error from exc

    def _roll_back(self) -> None:
        conn = self._conn
        # Some errors (a full disk) already rolled SQLite back; a failing ROLLBACK must not hide
        # the error that caused it.
        if conn.in_transaction:
            with suppress(sqlite3.Error):
                conn.execute("ROLLBACK")

    def _translate(self, exc: BaseException, failure: str, *, wrote: bool) -> StoreError | None:
        """An environment error as a StoreError for people; None for anything else (a bug)."""
        if isinstance(exc, sqlite3.Error):
            problem = _sqlite_problem(exc, self.path)
            if problem is not None:
                return StoreError(f"{failure}: {problem}." + (" Nothing was changed." if wrote else ""))
        return None

    def _configure(self) -> None:
        conn = self._conn
        try:
            # WAL + synchronous=FULL: a committed save survives power loss, and readers don't block
            # the writer. Both must be set outside a transaction.
            conn.execute("PRAGMA journal_mode=WAL")
            conn.execute("PRAGMA synchronous=FULL")
        except sqlite3.Error as exc:
            error = self._translate(exc, f"Can't open {self.path}", wrote=False)
            if error is None:
                raise
            raise error from exc

    def _migrate(self, version: int) -> None:
        """Bring the file up to the current schema, one step per transaction, copying it aside first."""
        target = len(schema.MIGRATIONS)
        if version >= target:
            return
        backup = self._back_up(f"before-v{target}") if version > 0 else None
        kept = f" A copy from before the upgrade is at {backup}." if backup else ""
        conn = self._conn
        failure = f"Can't upgrade {self.path}"
        for number in range(version, target):
            try:
                with self._write(failure):
                    # Another process may have run this step while we waited for the lock.
                    if conn.execute("PRAGMA user_version").fetchone()[0] != number:
                        continue
                    if number == 0:
                        conn.execute(f"PRAGMA application_id={APPLICATION_ID}")
                    schema.MIGRATIONS[number](self._db)
                    conn.execute(f"PRAGMA user_version={number + 1}")
            except StoreError as exc:
                raise StoreError(f"{exc}{kept}") from exc
            except sqlite3.Error as exc:
                # A step that fails on this file's contents: the step's transaction was rolled back.
                raise StoreError(
                    f"{failure} to schema version {number + 1} ({exc}). Nothing was changed.{kept}"
                ) from exc

    def _back_up(self, label: str) -> Path:
        """Copy the whole file (WAL included) to `<name>.<label>.bak` beside it, never over another copy."""
        destination = self.path.with_name(f"{self.path.name}.{label}.bak")
        counter = 1
        while destination.exists():
            destination = self.path.with_name(f"{self.path.name}.{label}.{counter}.bak")
            counter += 1
        try:
            self.copy_to(destination)
        except StoreError as exc:
            raise StoreError(
                f"Can't upgrade {self.path}: making a copy of it first failed ({str(exc).rstrip('.')}). "
                "Nothing was changed."
            ) from exc
        return destination

    # --- copies ----------------------------------------------------------------------------------

    def copy_to(self, destination: Path) -> None:
        """Copy everything stored (the WAL's committed pages included) into a new private file.

        SQLite's backup API reads one consistent snapshot, so a copy taken while another process
        writes is still a whole file. The copy is self-contained (rollback journal, no -wal beside
        it) and flushed to the disk. `destination` must not exist; on failure it is removed.
        """
        try:
            _create_private_file(destination)
            copy = sqlite3.connect(destination, isolation_level=None)
            try:
                self._conn.backup(copy)
                copy.execute("PRAGMA journal_mode=DELETE")
            finally:
                copy.close()
            _fsync(destination)
        except (OSError, sqlite3.Error) as exc:
            problem = (
                _sqlite_problem(exc, destination) if isinstance(exc, sqlite3.Error) else _os_problem(exc)
            )
            with suppress(OSError):
                destination.unlink()
            raise StoreError(f"Can't copy {self.path} to {destination}: {problem or exc}.") from exc

    def fingerprint(self) -> str:
        """A digest of everything stored: equal fingerprints mean equal content."""
        with self._read():
            return content_fingerprint(self._conn)


def content_fingerprint(conn: sqlite3.Connection) -> str:
    """A digest of a data file's schema version and every row of every table (in a stable order)."""
    digest = hashlib.sha256()
    digest.update(repr(conn.execute("PRAGMA user_version").fetchone()).encode())
    tables = [
        row[0]
        for row in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name"
        )
    ]
    for table in tables:
        quoted = '"' + table.replace('"', '""') + '"'
        columns = len(conn.execute(f"SELECT * FROM {quoted} LIMIT 0").description)
        digest.update(f"\x00{table}\x00".encode())
        order = ", ".join(str(i) for i in range(1, columns + 1))
        for row in conn.execute(f"SELECT * FROM {quoted} ORDER BY {order}"):
            digest.update(repr(row).encode())
    return digest.hexdigest()


def offer_rows(conn: sqlite3.Connection) -> Iterator[tuple[dict[str, Any], dict[str, list[dict[str, Any]]]]]:
    """Every offer's row and its child rows (per table, in list order), one offer at a time, in the
    order of their ids (one cursor a table, read side by side: ids compare in SQLite's BINARY order,
    UTF-8 bytes, which is Python's order of str). Child rows of no offer are skipped."""
    offers = _rows(conn.execute(f"SELECT * FROM {OFFERS} ORDER BY id"))
    children = {table: _Children(_rows(conn.execute(f"SELECT * FROM {table} ORDER BY offer_id, position")))
                for table in CHILD_TABLES}
    for row in offers:
        yield row, {table: pending.take(row["id"]) for table, pending in children.items()}


class _Children:
    """A child table's rows, ordered by offer id, handed out offer by offer."""

    def __init__(self, rows: Iterator[dict[str, Any]]) -> None:
        self._rows = rows
        self._next = next(rows, None)

    def take(self, offer_id: str) -> list[dict[str, Any]]:
        found = []
        while self._next is not None and self._next["offer_id"] <= offer_id:
            if self._next["offer_id"] == offer_id:
                found.append(self._next)
            self._next = next(self._rows, None)
        return found


def _rows(cursor: sqlite3.Cursor) -> Iterator[dict[str, Any]]:
    """A query's rows as {column: value}, as sqlite-utils reads them."""
    names = [column[0] for column in cursor.description]
    for row in cursor:
        yield dict(zip(names, row, strict=True))


def _dicts(cursor: sqlite3.Cursor) -> list[dict[str, Any]]:
    return list(_rows(cursor))


def _count(conn: sqlite3.Connection, table: str) -> int:
    return int(conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0])


# --- moving a file aside -------------------------------------------------------------------------


def rename_aside(path: Path, label: str, now: datetime | None = None) -> Path:
    """Rename a data file (with its -wal and -shm) to `<name>.<label>-<YYYYMMDD-HHMMSS>` beside it.

    Never deletes, never replaces another file. The -wal and -shm move first: a data file must never
    meet a -wal that isn't its own (SQLite would replay it into the wrong file).
    """
    stamp = (now or datetime.now()).strftime("%Y%m%d-%H%M%S")
    aside = path.with_name(f"{path.name}.{label}-{stamp}")
    counter = 1
    while any(Path(f"{aside}{suffix}").exists() for suffix in ("", "-wal", "-shm")):
        aside = path.with_name(f"{path.name}.{label}-{stamp}-{counter}")
        counter += 1
    try:
        for suffix in ("-wal", "-shm", ""):
            source = Path(f"{path}{suffix}")
            if source.exists():
                os.rename(source, Path(f"{aside}{suffix}"))
        _fsync(path.parent)
    except OSError as exc:
        raise StoreError(f"Can't move {path} aside: {_os_problem(exc)}. Nothing was deleted.") from exc
    return aside


# --- opening a file safely -----------------------------------------------------------------------


def _prepare_file(path: Path) -> bool:
    """Create the folder (0700) if needed; True when the data file doesn't exist yet.

    SQLite gives its -wal and -shm files the main file's permissions, so a data file created
    owner-only (`_create_private_file`) keeps all three private. An existing file of zero bytes is
    refused: this app never leaves one, so it is what is left of a file something else emptied.
    """
    if path.is_dir():
        raise StoreError(f"Can't open {path}: it is a folder, not a data file.")
    folder = path.parent
    if not folder.exists():
        try:
            folder.mkdir(mode=0o700, parents=True, exist_ok=True)
            os.chmod(folder, 0o700)  # mkdir's mode is narrowed by the umask, never widened
        except OSError as exc:
            raise StoreError(f"Can't create the folder {folder}: {_os_problem(exc)}.") from exc
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        return True
    except OSError as exc:
        raise StoreError(f"Can't open {path}: {_os_problem(exc)}.") from exc
    if size == 0:
        raise BadDataFile(
            f"Can't open {path}: the data file is empty (zero bytes), so whatever it held is gone. "
            "The file was left as it was.",
            path,
            "empty",
        )
    return False


def _create_private_file(path: Path) -> None:
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    os.close(fd)


def _connect(path: Path) -> sqlite3.Connection:
    try:
        # isolation_level=None: the driver never opens transactions of its own; we BEGIN explicitly.
        conn = sqlite3.connect(path, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None)
    except sqlite3.Error as exc:
        raise StoreError(f"Can't open {path}: {_sqlite_problem(exc, path) or exc}.") from exc
    try:
        # Connection settings only: nothing here writes to the file.
        conn.execute(f"PRAGMA busy_timeout={int(BUSY_TIMEOUT_MS)}")
        conn.execute("PRAGMA foreign_keys=ON")
    except sqlite3.Error as exc:
        conn.close()
        raise StoreError(f"Can't open {path}: {_sqlite_problem(exc, path) or exc}.") from exc
    return conn


def _inspect(conn: sqlite3.Connection, path: Path) -> int:
    """Check, by reading only, that the file is ours (or empty) and not newer; return its version."""
    untouched = "The file was left as it was."
    try:
        application_id = conn.execute("PRAGMA application_id").fetchone()[0]
        version = int(conn.execute("PRAGMA user_version").fetchone()[0])
        objects = conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
        # A file damaged past its first page only shows up when its pages are read.
        check = [row[0] for row in conn.execute("PRAGMA quick_check")]
    except sqlite3.DatabaseError as exc:
        code = exc.sqlite_errorcode & 0xFF
        if code == sqlite3.SQLITE_NOTADB:
            raise BadDataFile(
                f"Can't open {path}: it is not an Offer Planner data file (it isn't a database at all). "
                f"{untouched}",
                path,
                "not-sqlite",
            ) from exc
        if code == sqlite3.SQLITE_CORRUPT:
            raise BadDataFile(
                f"Can't open {path}: the data file is damaged ({exc}). {untouched}", path, "damaged"
            ) from exc
        raise StoreError(f"Can't open {path}: {_sqlite_problem(exc, path) or exc}.") from exc
    if check != ["ok"]:
        raise BadDataFile(f"Can't open {path}: the data file is damaged ({check[0]}). {untouched}", path, "damaged")
    if application_id != APPLICATION_ID and (application_id != 0 or objects > 0):
        raise BadDataFile(
            f"Can't open {path}: it is another program's database, not an Offer Planner data file. "
            f"{untouched}",
            path,
            "other-program",
        )
    known = len(schema.MIGRATIONS)
    if version > known:
        raise BadDataFile(
            f"This data file ({path}) was written by a newer version of Offer Planner "
            f"(schema {version}; this version reads up to {known}). Update the app to open it. "
            f"{untouched}",
            path,
            "newer",
        )
    return version


# --- errors in words -----------------------------------------------------------------------------


def _sqlite_problem(exc: sqlite3.Error, path: Path) -> str | None:
    """What went wrong around the file, in words; None for errors that are bugs, not the environment."""
    code = getattr(exc, "sqlite_errorcode", None)
    if code is None:
        return None
    primary = code & 0xFF
    if primary == sqlite3.SQLITE_FULL:
        return "the disk is full"
    if primary == sqlite3.SQLITE_READONLY:
        return f"the data file {path} (or its folder) is read-only"
    if primary in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED, sqlite3.SQLITE_PROTOCOL):
        seconds = BUSY_TIMEOUT_MS / 1000
        return (
            f"the data file {path} is in use by another program "
            f"(still locked after {seconds:g} seconds); try again in a moment"
        )
    if primary in (sqlite3.SQLITE_PERM, sqlite3.SQLITE_CANTOPEN, sqlite3.SQLITE_AUTH):
        return f"no permission to use the data file {path} or its folder"
    if primary == sqlite3.SQLITE_IOERR:
        return f"the disk reported an error while using {path} ({exc})"
    if primary in (sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB):
        return f"the data file {path} is damaged ({exc})"
    if primary == sqlite3.SQLITE_NOMEM:
        return "the computer ran out of memory"
    return None


def _os_problem(exc: OSError) -> str:
    if exc.errno == errno.ENOSPC:
        return "the disk is full"
    if exc.errno == errno.EROFS:
        return "the disk is read-only"
    if exc.errno in (errno.EACCES, errno.EPERM):
        return "permission denied"
    return exc.strerror or str(exc)


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")
