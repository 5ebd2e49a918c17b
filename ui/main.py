"""Composition root of the desktop app: one window per data file, the store, the workspace, Qt."""

from __future__ import annotations

import hashlib
import sys
from pathlib import Path

from PySide6.QtCore import QLockFile, QSettings, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtNetwork import QLocalServer, QLocalSocket
from PySide6.QtWidgets import QApplication, QMessageBox

from app import __version__
from app.store import Store, StoreError, default_db_path
from ui.main_window import APP_ID, MainWindow
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

    def __init__(self, db_path: Path):
        self.name = instance_name(db_path)
        self.lock = QLockFile(str(db_path.with_name(db_path.name + ".lock")))
        self.lock.setStaleLockTime(0)
        self.server: QLocalServer | None = None
        self.window: MainWindow | None = None

    def acquire(self) -> bool:
        if not self.lock.tryLock(200):
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
            connection.readyRead.connect(connection.readAll)
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


def make_application(argv: list[str] | None = None) -> QApplication:
    QGuiApplication.setHighDpiScaleFactorRoundingPolicy(Qt.HighDpiScaleFactorRoundingPolicy.PassThrough)
    app = QApplication.instance() or QApplication(argv if argv is not None else sys.argv[:1])
    app.setApplicationName("Offer Planner")
    app.setOrganizationName("OfferPlanner")
    app.setApplicationVersion(__version__)
    app.setDesktopFileName(APP_ID)
    return app  # type: ignore[return-value]


def run_app(db: str | None = None, argv: list[str] | None = None) -> int:
    app = make_application(argv)
    path = (Path(db) if db else default_db_path()).expanduser().absolute()
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    instance = SingleInstance(path)
    if not instance.acquire():
        if activate_running_instance(instance.name):
            print(f"Offer Planner is already open on {path}: brought it to the front.", file=sys.stderr)
            return 0
        QMessageBox.warning(
            None, "Offer Planner is already open", f"Another Offer Planner is using {path}. Close it, then start again."
        )
        return 2
    try:
        try:
            store = Store.open(path)
        except StoreError as exc:
            QMessageBox.critical(
                None, "Offer Planner can't open its data file", f"{exc}\n\nThe file was left exactly as it was."
            )
            return 2
        workspace = Workspace(store)
        window = MainWindow(workspace, QSettings())
        instance.window = window
        window.show()
        try:
            return app.exec()
        finally:
            store.close()
    finally:
        instance.release()
