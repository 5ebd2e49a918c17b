"""Rolling backups of the data file, and restoring one (no Qt).

Once a day of use, before the day's first change, the whole data file is copied with SQLite's backup
API to `<data folder>/backups/<name>-YYYY-MM-DD.sqlite3` (folder 0700, files 0600): at most one copy a
day, none when nothing changed since the last one (so unchanged days never push older copies out),
and the last `KEEP` kept. A copy is written under a temporary name and renamed into place whole.

Restoring never deletes or overwrites anything: the current file (with its -wal and -shm) is renamed
aside to `<name>.bad-<timestamp>` when it can't be used, or `<name>.before-restore-<timestamp>`
when it can, and the backup is copied into place, again with the backup API.
"""

from __future__ import annotations

import os
import re
import secrets
import sqlite3
import sys
from contextlib import closing, suppress
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from app.atomic import fsync as _fsync
from app.store.errors import BadDataFile, StoreError
from app.store.schema import OFFERS
from app.store.store import (
    Store,
    _create_private_file,
    _inspect,
    _os_problem,
    _sqlite_problem,
    content_fingerprint,
    rename_aside,
)

KEEP = 10  # backups kept per data file
FOLDER = "backups"


@dataclass(frozen=True)
class Backup:
    """One backup file: its day, its size, and how many offers it holds (None: it can't be read)."""

    path: Path
    day: date
    size: int
    offers: int | None

    @property
    def usable(self) -> bool:
        return self.offers is not None


def backup_folder(db_path: Path) -> Path:
    return Path(db_path).parent / FOLDER


def _pattern(db_path: Path) -> re.Pattern[str]:
    return re.compile(re.escape(Path(db_path).stem) + r"-(\d{4}-\d{2}-\d{2})\.sqlite3")


def backup_name(db_path: Path, day: date) -> str:
    return f"{Path(db_path).stem}-{day.isoformat()}.sqlite3"


def list_backups(db_path: Path, *, count: bool = True) -> list[Backup]:
    """The backups of this data file, newest first (with their offer counts unless `count` is False)."""
    folder = backup_folder(db_path)
    pattern = _pattern(db_path)
    found: list[Backup] = []
    try:
        entries = list(folder.iterdir())
    except OSError:
        return []
    for entry in entries:
        match = pattern.fullmatch(entry.name)
        if match is None:
            continue
        try:
            day = date.fromisoformat(match.group(1))
            size = entry.stat().st_size
        except (ValueError, OSError):
            continue
        offers: int | None = None
        if count:
            try:
                offers = check_backup(entry)
            except StoreError:
                offers = None
        found.append(Backup(entry, day, size, offers))
    found.sort(key=lambda b: b.day, reverse=True)
    return found


def latest_backup(db_path: Path) -> Backup | None:
    """The newest backup that can be restored, or None."""
    return next((b for b in list_backups(db_path) if b.usable), None)


def find_backup(db_path: Path, wanted: str) -> Backup:
    """A backup named by its day ("2026-11-19"), its file name, or a path; StoreError when none."""
    candidate = Path(wanted).expanduser()
    if candidate.is_file():
        try:
            offers: int | None = check_backup(candidate)
        except StoreError:
            offers = None
        day = date.fromtimestamp(candidate.stat().st_mtime)
        match = _pattern(db_path).fullmatch(candidate.name)
        if match:
            with suppress(ValueError):
                day = date.fromisoformat(match.group(1))
        return Backup(candidate.absolute(), day, candidate.stat().st_size, offers)
    for backup in list_backups(db_path):
        if wanted in (backup.day.isoformat(), backup.path.name):
            return backup
    raise StoreError(f"No backup {wanted!r} of {db_path} (see `offer-planner backups`).")


def check_backup(path: Path) -> int:
    """Check, by reading only, that a backup is an intact Offer Planner file; its number of offers."""
    path = Path(path)
    if path.is_file() and path.stat().st_size == 0:
        raise BadDataFile(f"The backup {path} is empty (zero bytes).", path, "empty")
    try:
        conn = sqlite3.connect(f"{path.absolute().as_uri()}?mode=ro", uri=True, isolation_level=None)
    except sqlite3.Error as exc:
        raise StoreError(f"Can't read the backup {path}: {_sqlite_problem(exc, path) or exc}.") from exc
    with closing(conn):
        version = _inspect(conn, path)
        if version == 0:
            return 0
        try:
            return int(conn.execute(f"SELECT count(*) FROM {OFFERS}").fetchone()[0])
        except sqlite3.Error as exc:
            raise BadDataFile(f"The backup {path} can't be read ({exc}).", path, "damaged") from exc


def _fingerprint_of(path: Path) -> str | None:
    try:
        conn = sqlite3.connect(f"{path.absolute().as_uri()}?mode=ro", uri=True, isolation_level=None)
        with closing(conn):
            return content_fingerprint(conn)
    except sqlite3.Error:
        return None


def _private_folder(folder: Path) -> None:
    if not folder.is_dir():
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    os.chmod(folder, 0o700)  # mkdir's mode is narrowed by the umask, never widened


def backup_if_due(store: Store, *, keep: int = KEEP, today: date | None = None) -> Path | None:
    """Today's backup of the open data file, made now if due; None when none was needed.

    Due when there is no backup from today yet, something is stored, and the file changed since the
    newest backup. Raises StoreError (with words) when the copy can't be made; the data file is
    never touched.
    """
    today = today or date.today()
    folder = backup_folder(store.path)
    existing = list_backups(store.path, count=False)
    if any(b.day == today for b in existing):
        return None
    newest = max(existing, key=lambda b: b.day, default=None)
    if newest is not None and newest.day > today:
        return None  # the clock went back: keep the copies as they are
    if store.is_empty():
        return None  # nothing to keep yet
    if newest is not None and _fingerprint_of(newest.path) == store.fingerprint():
        return None  # nothing changed since the last copy
    destination = folder / backup_name(store.path, today)
    temporary = folder / f".{destination.name}.tmp-{os.getpid()}-{secrets.token_hex(4)}"
    try:
        _private_folder(folder)
    except OSError as exc:
        raise StoreError(f"Can't make today's backup in {folder}: {_os_problem(exc)}.") from exc
    try:
        store.copy_to(temporary)
        os.replace(temporary, destination)
        _fsync(folder)
    except (StoreError, OSError) as exc:
        with suppress(OSError):
            temporary.unlink()
        problem = _os_problem(exc) if isinstance(exc, OSError) else str(exc).rstrip(".")
        raise StoreError(f"Can't make today's backup in {folder}: {problem}.") from exc
    _prune(store.path, keep)
    return destination


def _prune(db_path: Path, keep: int) -> None:
    """Remove the oldest backups beyond `keep` (a copy that can't be removed is simply kept)."""
    for old in list_backups(db_path, count=False)[max(keep, 1) :]:
        with suppress(OSError):
            old.path.unlink()


def app_is_open(db_path: Path) -> bool:
    """True when another process (the desktop app) holds the data file's lock."""
    lock = Path(f"{db_path}.lock")
    try:
        text = lock.read_text(encoding="utf-8", errors="replace")
    except FileNotFoundError:
        return False
    except OSError:
        return True  # locked against reading (Windows): someone has it
    first = text.split("\n", 1)[0].strip()
    if first.isdigit() and int(first) == os.getpid():
        return False  # this process: the app restoring its own file
    if sys.platform == "win32":  # pragma: no cover - the lock is exclusive while held there
        return True
    import fcntl

    try:
        fd = os.open(lock, os.O_RDONLY)
    except OSError:
        return False
    try:
        # Qt's QLockFile holds an flock() on the file while it is locked; a stale file has none.
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return True
    else:
        fcntl.flock(fd, fcntl.LOCK_UN)
        return False
    finally:
        os.close(fd)


@dataclass(frozen=True)
class Restored:
    """What a restore did: which backup, how many offers, and where the replaced file went."""

    backup: Path
    offers: int
    set_aside: Path | None


def restore_backup(backup: Path, target: Path, *, now: datetime | None = None) -> Restored:
    """Put a backup in place of the data file at `target` (which must not be open anywhere else).

    The backup is checked first; the current file, if any, is renamed aside (never deleted or
    overwritten); the backup is copied into place whole with the backup API, private (0600).
    """
    backup, target = Path(backup).absolute(), Path(target).expanduser().absolute()
    offers = check_backup(backup)
    if app_is_open(target):
        raise StoreError(
            f"Offer Planner is open on {target}: close it first, or restore from the app "
            "(File → Restore from backup…). Nothing was changed."
        )
    _private_folder(target.parent)
    temporary = target.with_name(f".{target.name}.restore-{os.getpid()}-{secrets.token_hex(4)}")
    try:
        _create_private_file(temporary)
        with closing(sqlite3.connect(f"{backup.as_uri()}?mode=ro", uri=True)) as source, closing(
            sqlite3.connect(temporary, isolation_level=None)
        ) as copy:
            source.backup(copy)
            copy.execute("PRAGMA journal_mode=DELETE")
        _fsync(temporary)
    except (OSError, sqlite3.Error) as exc:
        with suppress(OSError):
            temporary.unlink()
        problem = _os_problem(exc) if isinstance(exc, OSError) else (_sqlite_problem(exc, temporary) or exc)
        raise StoreError(f"Can't restore {backup.name}: {problem}. Nothing was changed.") from exc
    set_aside = None
    try:
        if target.exists() or Path(f"{target}-wal").exists():
            set_aside = rename_aside(target, "before-restore" if _usable(target) else "bad", now)
        os.rename(temporary, target)  # the name is free now: nothing is replaced
        _fsync(target.parent)
    except (OSError, StoreError) as exc:
        with suppress(OSError):
            temporary.unlink()
        where = f" The file that was there is at {set_aside}." if set_aside else " Nothing was changed."
        problem = _os_problem(exc) if isinstance(exc, OSError) else str(exc).rstrip(".")
        raise StoreError(f"Can't restore {backup.name}: {problem}.{where}") from exc
    return Restored(backup, offers, set_aside)


def _usable(path: Path) -> bool:
    """Whether the data file opens as ours; if so its WAL is checkpointed into it before it moves."""
    try:
        if path.stat().st_size == 0:
            return False
        with closing(sqlite3.connect(path, isolation_level=None, timeout=5)) as conn:
            _inspect(conn, path)
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        return True
    except (OSError, sqlite3.Error, StoreError):
        return False
