"""Composition root of the desktop app: one window per data file, the store, the workspace, Qt.

Also where the app meets trouble: a data file that can't be opened (the open-problem dialog: restore
the latest backup, start a new file, or quit), today's backup, a restore from File → Restore from
backup… (the window is rebuilt on the restored file), and bugs (ui.crash: a log and a dialog).
"""

from __future__ import annotations

import atexit
import hashlib
import linecache
import sys
import threading
from collections.abc import Callable, Iterable
from pathlib import Path

from PySide6.QtCore import QLocale, QLockFile, QObject, QSettings, Qt, QThreadPool, Signal
from PySide6.QtGui import QGuiApplication, QIcon
from PySide6.QtNetwork import QLocalServer, QLocalSocket
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from app import __version__
from app.resources import resource_path
from app.store import BadDataFile, Store, StoreError, default_db_path
from app.store.backup import Backup, backup_if_due, latest_backup, restore_backup
from app.store.store import rename_aside
from ui import format as fmt
from ui.crash import CrashHandler, log_folder
from ui.list_money import SETTINGS_KEY as LIST_MONEY_KEY
from ui.list_money import ListMoney
from ui.main_window import APP_ID, MainWindow
from ui.open_problem_dialog import OpenProblemDialog
from ui.workspace import Workspace


def instance_name(db_path: Path) -> str:
    """A name for the data file's single-instance channel (same file → same name)."""
    digest = hashlib.sha256(str(db_path.resolve()).encode()).hexdigest()[:20]
    return f"offer-planner-{digest}"


def activate_running_instance(name: str, timeout_ms: int = 500) -> bool:
    """Ask a window already open on this data file to come to the front; True if one answered."""
    socket = QLocalSocket()
    socket.connectToServer(name)
    if not socket.waitForConnected(timeout_ms):
        return False
    socket.write(b"activate\n")
    socket.flush()
    socket.waitForBytesWritten(timeout_ms)
    socket.disconnectFromServer()
    return True


class SingleInstance:
    """Holds the data file's lock and answers later starts by raising the window."""

    def __init__(self, db_path: Path, lock: QLockFile | None = None):
        """`lock`: the data file's lock, already held (the first paint took it)."""
        self.name = instance_name(db_path)
        self._held = lock is not None
        self.lock = lock if lock is not None else QLockFile(str(db_path.with_name(db_path.name + ".lock")))
        self.lock.setStaleLockTime(0)
        self.server: QLocalServer | None = None
        self.window: MainWindow | None = None

    def acquire(self) -> bool:
        if not self._held and not self.lock.tryLock(200):
            return False
        QLocalServer.removeServer(self.name)
        self.server = QLocalServer()
        self.server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        self.server.newConnection.connect(self._on_connection)
        self.server.listen(self.name)
        return True

    def _on_connection(self) -> None:
        assert self.server is not None
        while self.server.hasPendingConnections():
            connection = self.server.nextPendingConnection()
            # drain what the other start wrote ("activate"); a Python slot, as the socket has no wrapper
            connection.readyRead.connect(lambda c=connection: c.readAll())
            connection.disconnected.connect(connection.deleteLater)
            if self.window is not None:
                bring_to_front(self.window)

    def release(self) -> None:
        if self.server is not None:
            self.server.close()
        self.lock.unlock()


def bring_to_front(window: MainWindow) -> None:
    window.setWindowState((window.windowState() & ~Qt.WindowState.WindowMinimized) | Qt.WindowState.WindowActive)
    window.show()
    window.raise_()
    window.activateWindow()


def make_application(argv: list[str] | None = None, locale: str | None = None) -> QApplication:
    """The QApplication, set up once: names, icon, and the locale every figure is written in (the
    system's, as Qt reads it — the region settings on macOS and Windows — unless `locale` says)."""
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        app = existing
    else:  # the scaling policy can only be set before the application exists (Qt warns after)
        QGuiApplication.setHighDpiScaleFactorRoundingPolicy(Qt.HighDpiScaleFactorRoundingPolicy.PassThrough)
        app = QApplication(argv if argv is not None else sys.argv[:1])
        atexit.register(finish_background_work)
    app.setApplicationName("Offer Planner")
    app.setOrganizationName("OfferPlanner")
    app.setApplicationVersion(__version__)
    app.setDesktopFileName(APP_ID)
    app.setWindowIcon(QIcon(str(resource_path("icons", f"{APP_ID}.svg"))))
    shown = fmt.set_locale(locale or QLocale.system().name())
    QLocale.setDefault(QLocale(shown))  # Qt's own widgets (spin boxes, calendars) agree with our figures
    return app


def finish_background_work() -> None:
    """Let the look-ups running on Qt's thread pool (proposed exchange rates) end before Python
    shuts down: Python code still running on a Qt thread while the interpreter finalizes is stopped
    by a forced unwind through Qt's frames, and the process aborted at exit ("FATAL: exception not
    rethrown", status -6) in about 1 run of 10 of the installed app's self-test on a loaded machine.
    A look-up reads a bundled table: it ends in well under the 10 s allowed here."""
    QThreadPool.globalInstance().waitForDone(10_000)


class Session(QObject):
    """The open data file and its window: opening it (or saying why it can't be), the daily backup,
    and swapping in a restored backup without a restart.

    `ask(error, latest_backup)` answers the open-problem dialog and `tell(title, text)` shows a
    warning; both block in the app and are replaced in tests.
    """

    backup_finished = Signal(str)  # today's backup is done (or wasn't due): a message, "" for none

    def __init__(
        self,
        path: Path,
        settings: QSettings | None = None,
        instance: SingleInstance | None = None,
        ask: Callable[[StoreError, Backup | None], int] | None = None,
        tell: Callable[[str, str], None] | None = None,
    ):
        super().__init__()
        self.path = path
        self.settings = settings if settings is not None else QSettings()
        self.instance = instance
        self._ask = ask or _ask_with_dialog
        self._tell = tell or _tell_with_box
        self.store: Store | None = None
        self.workspace: Workspace | None = None
        self.window: MainWindow | None = None
        self._backup: threading.Thread | None = None
        self.backup_finished.connect(self._on_backup_finished)

    def open(self) -> bool:
        """Open the data file, asking what to do while it can't be; False when the user quits."""
        while True:
            try:
                self.store = Store.open(self.path)
                return True
            except StoreError as exc:
                latest = latest_backup(self.path) if isinstance(exc, BadDataFile) else None
                choice = self._ask(exc, latest)
            try:
                if choice == OpenProblemDialog.RESTORE and latest is not None:
                    restore_backup(latest.path, self.path)
                elif choice == OpenProblemDialog.NEW_FILE:
                    rename_aside(self.path, "bad")
                elif choice != OpenProblemDialog.RETRY:
                    return False
            except StoreError as exc:
                self._tell("Offer Planner can't do that", str(exc))

    def start(self, message: str = "") -> MainWindow:
        """Build the workspace and the window on the open store, show it, then make today's backup."""
        assert self.store is not None
        self.workspace = Workspace(self.store)
        self.window = MainWindow(self.workspace, self.settings)
        self.window.restore_requested.connect(self.restore)
        if self.instance is not None:
            self.instance.window = self.window
        self.window.show()
        forget_module_sources()  # (what building the window imported)
        remember_list_money(self.settings, (offer.currency for offer in self.workspace.offers()))
        if message:
            self.window.statusBar().showMessage(message, 15000)
        self._backup = threading.Thread(target=self._back_up, name="daily backup", daemon=True)
        self._backup.start()
        return self.window

    def _back_up(self) -> None:
        """Today's backup, if due, on its own connection in a worker thread: reading a large file to
        compare and copy it never holds up the window (WAL lets it read while the window writes)."""
        try:
            with Store.open(self.path) as store:
                made = backup_if_due(store)
        except StoreError as exc:
            self.backup_finished.emit(f"No backup today: {exc}")
        else:
            self.backup_finished.emit(f"Made today's backup: {made.name}" if made else "")

    def _on_backup_finished(self, message: str) -> None:
        if message and self.window is not None:
            self.window.statusBar().showMessage(message, 15000)

    def wait_for_backup(self) -> None:
        if self._backup is not None:
            self._backup.join()
            self._backup = None

    def restore(self, backup: str) -> bool:
        """Put a backup in place of the open file and reopen the window on it (no restart)."""
        app = QApplication.instance()
        quit_on_close = app.quitOnLastWindowClosed() if isinstance(app, QApplication) else True
        if isinstance(app, QApplication):
            app.setQuitOnLastWindowClosed(False)  # the window is replaced, not the app closed
        try:
            self.close()
            try:
                result = restore_backup(Path(backup), self.path)
            except StoreError as exc:
                if not self.open():
                    return False
                self.start()
                self._tell("Not restored", str(exc))
                return False
            if not self.open():
                return False
            aside = f" The previous file is kept as {result.set_aside.name}." if result.set_aside else ""
            count = f"{result.offers} offer{'s' if result.offers != 1 else ''}"
            self.start(f"Restored {result.backup.name} ({count}).{aside}")
            return True
        finally:
            if isinstance(app, QApplication):
                app.setQuitOnLastWindowClosed(quit_on_close)

    def close(self) -> None:
        """Close the window (it saves an edit in progress and its state) and the store."""
        self.wait_for_backup()
        if self.window is not None:
            self.window.close()
            self.window.deleteLater()
            self.window = None
        self.workspace = None
        if self.store is not None:
            self.store.close()
            self.store = None


def forget_module_sources() -> None:
    """Drop the lines of source files that `linecache` keeps (issue 15: ~10 MB of the window's memory).

    PySide6's import hook asks every module imported after it whether it uses PySide6 by reading its
    whole source (`inspect.getsource` in shiboken's `feature.py`), and `linecache` keeps those lines
    for the life of the process: ~220 files, 4.4 MB of text in ~10 MB of `str` objects once the
    window is built. Nothing here reads them again; a traceback reads its lines from the file anew.
    Entries not read from a file (source registered by a tool, no modification time) are kept.
    """
    for name, entry in list(linecache.cache.items()):
        if len(entry) == 4 and entry[1] is not None:
            linecache.cache.pop(name, None)


def remember_list_money(settings: QSettings, currencies: Iterable[str]) -> None:
    """Tell the next start's first paint how the list writes amounts in the system's locale (and the
    currencies it remembered before, so two files don't take turns), when it changed: ui.list_money."""
    locale = QLocale.system().name()  # what ui.start compares
    remembered = ListMoney.loads(settings.value(LIST_MONEY_KEY))
    before = remembered.affixes if remembered is not None and remembered.locale == locale else {}
    money = fmt.list_money(locale, {*before, *currencies})
    if money is None:
        return  # another locale than the system's, or one whose amounts need Babel: ui.start uses it
    text = money.dumps()
    if remembered is None or text != remembered.dumps():
        settings.setValue(LIST_MONEY_KEY, text)
        settings.sync()  # now: a start that is ended abruptly must still have it


def _ask_with_dialog(error: StoreError, latest: Backup | None) -> int:
    dialog = OpenProblemDialog(error, latest)
    dialog.exec()
    return dialog.choice()


def _tell_with_box(title: str, text: str) -> None:
    QMessageBox.warning(None, title, text)


def run_app(
    db: str | None = None,
    argv: list[str] | None = None,
    *,
    first_paint: QWidget | None = None,
    lock: QLockFile | None = None,
    ready: Callable[[QWidget, bool], None] | None = None,
) -> int:
    """The desktop app; after ui.start's first paint (`first_paint`, holding `lock`) when it made one.

    `ready(window, first_painted)` is told when the real window is shown (the startup benchmark).
    """
    forget_module_sources()  # (read as the window's modules were imported: freed before it is built)
    app = make_application(argv)
    path = (Path(db) if db else default_db_path()).expanduser().absolute()
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    instance = SingleInstance(path, lock)
    if not instance.acquire():
        if activate_running_instance(instance.name):
            print(f"Offer Planner is already open on {path}: brought it to the front.", file=sys.stderr)
            return 0
        QMessageBox.warning(
            None, "Offer Planner is already open", f"Another Offer Planner is using {path}. Close it, then start again."
        )
        return 2
    # The early window, until closed: `ask` can run again long after (a restore from the File menu),
    # and closing it twice would touch a deleted window.
    early = [first_paint] if first_paint is not None else []

    def close_first_paint() -> None:
        while early:
            window = early.pop()
            window.close()
            window.deleteLater()

    def ask(error: StoreError, latest: Backup | None) -> int:
        close_first_paint()  # the list it showed is of a file that can't be opened as it is
        return _ask_with_dialog(error, latest)

    session = Session(path, QSettings(), instance, ask=ask)
    crashes = CrashHandler(log_folder(path), window=lambda: session.window).install()
    try:
        if not session.open():
            return 2
        window = session.start()
        if ready is not None:
            ready(window, first_paint is not None)
        close_first_paint()  # the real window is shown in its place
        return app.exec()
    except Exception as exc:  # a bug while starting: no event loop to show it from, so it waits here
        close_first_paint()
        crashes.report_fatal(exc)
        return 1
    finally:
        session.close()
        crashes.uninstall()
        instance.release()
