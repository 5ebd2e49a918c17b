"""Writing a file the user asked for: whole or not at all, and readable by its owner alone.

One writer for every file Offer Planner writes on request — exported offer files
(`app.files.write_offer_file`) and negotiation briefs (`ui.pdf.brief_pdf`). The data file, its
backups and the crash log are made by `app.store` and `ui.crash` under the same policy.

Whole or not at all: the content goes to a temporary file beside the target, is flushed to the disk,
then renamed over the target (an atomic step on every supported file system), and the folder's entry
is flushed too. A failure at any point removes the temporary file and leaves the target as it was.

Permissions: **0600, always** — the file is readable and writable by its owner only, whether it is
new or replaces another file (whose mode is not kept). Everything written holds private data: an
offer file carries salaries, signals and notes; a brief carries the user's target and walk-away,
which the brief itself says to keep to yourself. On a shared computer the usual umask (022) would
make them readable by every local account; sending, printing or attaching a file doesn't need more
than its owner's access, and a user who wants to share one can widen it (`chmod`) knowingly. The
data file and its backups are 0600 for the same reason; one rule is easier to trust than several.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

PRIVATE_FILE_MODE = 0o600


@contextlib.contextmanager
def atomic_path(target: str | os.PathLike[str], *, suffix: str = ".tmp") -> Iterator[Path]:
    """A temporary path beside `target` to write to; on a clean exit it replaces `target` (mode 0600).

    The caller writes the whole content to the yielded path (by any means: Python, Qt). On leaving
    the block the file is flushed, made private and renamed over `target`. On any exception, or when
    the temporary file can't be made, nothing is left behind and `target` is untouched; `OSError`s
    pass through for the caller to put in words (`write_problem`).
    """
    path = Path(target)
    folder = path.parent if str(path.parent) else Path(".")
    handle, name = tempfile.mkstemp(prefix=f".{path.name[:40]}.", suffix=suffix, dir=folder)
    os.close(handle)
    temporary = Path(name)
    try:
        yield temporary
        with open(temporary, "rb+") as written:
            os.fsync(written.fileno())
        os.chmod(temporary, PRIVATE_FILE_MODE)  # mkstemp made it 0600; a writer that re-created it may not have
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            temporary.unlink()
        raise
    fsync(folder)


def write_text_atomic(target: str | os.PathLike[str], text: str) -> None:
    """Write `text` as UTF-8, whole or not at all, readable by its owner alone."""
    with atomic_path(target) as temporary, open(temporary, "w", encoding="utf-8") as handle:
        handle.write(text)


def write_problem(target: str | os.PathLike[str], exc: OSError, what: str = "the file") -> str:
    """Why `target` can't be written, in words that say what to do ("choose another folder")."""
    path = Path(target)
    folder = str(path.parent) if str(path.parent) else "."
    if path.is_dir():
        return f"{path} is a folder: choose a file name for {what}."
    if isinstance(exc, FileNotFoundError) and not path.parent.exists():
        return f"The folder {folder} does not exist: choose another folder, or create it first."
    if isinstance(exc, NotADirectoryError) or (path.parent.exists() and not path.parent.is_dir()):
        return f"{folder} is a file, not a folder: choose a folder for {what}."
    if isinstance(exc, PermissionError):
        return f"The folder {folder} can't be written to (permission denied): choose another folder."
    return f"{path} can't be written: {exc.strerror or exc}."


def fsync(path: Path) -> None:
    """Flush a file, or a folder's entries, to the disk (folders can't be opened everywhere: best effort)."""
    try:
        handle = os.open(path, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(handle)
    except OSError:
        pass
    finally:
        os.close(handle)
