"""What a bug does: its details go to a private log in the data folder and to a dialog to copy them.

Every change is saved the moment it is made, so a bug loses nothing already saved; the dialog says
so, offers the details (to copy into a bug report) and lets the user go on or quit. Exceptions from
any thread are caught (sys.excepthook, threading.excepthook); the dialog always opens on the GUI
thread. The log is `<data folder>/logs/offer-planner.log` (0600, folder 0700), capped in size: when
it passes `MAX_LOG_BYTES` it becomes `offer-planner.log.1` (replacing the older one).
"""

from __future__ import annotations

import os
import platform
import sys
import threading
import traceback
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from types import TracebackType

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import QObject, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app import __version__

LOG_NAME = "offer-planner.log"
MAX_LOG_BYTES = 1_000_000


def log_folder(db_path: Path) -> Path:
    return Path(db_path).parent / "logs"


def write_log(folder: Path, details: str, now: datetime | None = None) -> Path:
    """Append one report to the log (private, capped); raises OSError when it can't be written."""
    if not folder.is_dir():
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    os.chmod(folder, 0o700)
    path = folder / LOG_NAME
    try:
        if path.stat().st_size > MAX_LOG_BYTES:
            os.replace(path, folder / f"{LOG_NAME}.1")
    except FileNotFoundError:
        pass
    stamp = (now or datetime.now()).astimezone().isoformat(timespec="seconds")
    header = (
        f"=== {stamp}  Offer Planner {__version__}, Python {platform.python_version()}, "
        f"PySide6 {pyside_version}, {platform.system()} {platform.release()}\n"
    )
    fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
    try:
        if hasattr(os, "fchmod"):  # an older log made with a wider mode becomes private too
            os.fchmod(fd, 0o600)
        os.write(fd, (header + details.rstrip("\n") + "\n\n").encode("utf-8", "backslashreplace"))
    finally:
        os.close(fd)
    return path


class CrashDialog(QDialog):
    """Says a bug happened and nothing saved was lost; shows the details with a Copy button."""

    def __init__(self, details: str, log: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle("Offer Planner hit a bug")
        self.setObjectName("crashDialog")
        self.text_label = text = QLabel(
            "<b>Something went wrong inside Offer Planner.</b><br>"
            "Everything you saved is safe: each change is saved the moment you make it. You can go on "
            "working, or quit and start again.",
            self,
        )
        text.setWordWrap(True)
        self.log_label = where = QLabel(log, self)
        where.setWordWrap(True)
        where.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.details = QPlainTextEdit(details, self)
        self.details.setReadOnly(True)
        self.details.setAccessibleName("Details of the problem")
        self.details.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.details.setMinimumSize(560, 200)
        buttons = QDialogButtonBox(self)
        self.copy_button = QPushButton("&Copy details", self)
        self.quit_button = QPushButton("&Quit", self)
        self.continue_button = QPushButton("C&ontinue", self)
        self.continue_button.setDefault(True)
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.quit_button, QDialogButtonBox.ButtonRole.DestructiveRole)
        buttons.addButton(self.continue_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.copy_button.clicked.connect(self.copy_details)
        self.quit_button.clicked.connect(self._on_quit)
        self.continue_button.clicked.connect(self.accept)
        self.quit_chosen = False
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addWidget(where)
        layout.addWidget(self.details, 1)
        layout.addWidget(buttons)

    def copy_details(self) -> None:
        QApplication.clipboard().setText(self.details.toPlainText())
        self.copy_button.setText("Copied")

    def _on_quit(self) -> None:
        self.quit_chosen = True
        self.reject()


class CrashHandler(QObject):
    """Installs the hooks that log a bug and show it; one dialog at a time, later reports added to it."""

    reported = Signal(str)  # a report's details (emitted from any thread; shown on the GUI thread)

    def __init__(
        self,
        folder: Path,
        window: Callable[[], QWidget | None] = lambda: None,
        quit_app: Callable[[], None] | None = None,
        parent: QObject | None = None,
    ):
        super().__init__(parent)
        self.folder = Path(folder)
        self._window = window
        self._quit = quit_app or QApplication.closeAllWindows
        self.dialog: CrashDialog | None = None
        self.reports = 0
        self._previous_hook: Callable | None = None
        self._previous_thread_hook: Callable | None = None
        self._handling = threading.local()
        self.reported.connect(self._show, Qt.ConnectionType.QueuedConnection)

    def install(self) -> CrashHandler:
        self._previous_hook, sys.excepthook = sys.excepthook, self._on_exception
        self._previous_thread_hook, threading.excepthook = threading.excepthook, self._on_thread_exception
        return self

    def uninstall(self) -> None:
        if sys.excepthook == self._on_exception and self._previous_hook is not None:
            sys.excepthook = self._previous_hook
        if threading.excepthook == self._on_thread_exception and self._previous_thread_hook is not None:
            threading.excepthook = self._previous_thread_hook

    # --- the hooks -------------------------------------------------------------------------------

    def _on_exception(
        self, exc_type: type[BaseException], value: BaseException, tb: TracebackType | None, where: str = ""
    ) -> None:
        if issubclass(exc_type, KeyboardInterrupt) or getattr(self._handling, "active", False):
            # Ctrl+C, or a failure while reporting: the default hook, never a loop of reports
            (self._previous_hook or sys.__excepthook__)(exc_type, value, tb)
            return
        self._handling.active = True
        try:
            self.report("".join(traceback.format_exception(exc_type, value, tb)), where)
        finally:
            self._handling.active = False

    def _on_thread_exception(self, args: threading.ExceptHookArgs) -> None:
        if args.exc_type is SystemExit:
            return
        name = args.thread.name if args.thread is not None else "a thread"
        self._on_exception(args.exc_type, args.exc_value or args.exc_type(), args.exc_traceback, f" (in {name})")

    def report(self, details: str, where: str = "") -> None:
        """Log a report and ask the GUI thread to show it."""
        details = f"Unexpected error{where}:\n{details}"
        try:
            log = f"The details are also in {write_log(self.folder, details)}."
        except OSError as exc:
            log = f"The details could not be written to {self.folder / LOG_NAME}: {exc.strerror or exc}."
        self.reports += 1
        sys.stderr.write(details)
        self.reported.emit(f"{details}\n{log}")

    def report_fatal(self, exc: BaseException) -> None:
        """A bug the app can't go on after (while starting): log it and show the dialog, waiting."""
        details = "Unexpected error:\n" + "".join(traceback.format_exception(type(exc), exc, exc.__traceback__))
        try:
            log = f"The details are also in {write_log(self.folder, details)}."
        except OSError as error:
            log = f"The details could not be written to {self.folder / LOG_NAME}: {error.strerror or error}."
        self.reports += 1
        sys.stderr.write(details)
        self.dialog = CrashDialog(details, log, self._window())
        self.dialog.continue_button.setText("&Close")
        try:
            self.dialog.exec()
        finally:
            self.dialog = None

    # --- the dialog ------------------------------------------------------------------------------

    @Slot(str)
    def _show(self, text: str) -> None:
        details, _, log = text.rpartition("\n")
        if self.dialog is not None:  # already showing one: add to it rather than stack dialogs
            self.dialog.details.appendPlainText("\n" + details)
            return
        self.dialog = CrashDialog(details, log, self._window())
        self.dialog.finished.connect(self._on_finished)
        self.dialog.open()

    def _on_finished(self, _result: int) -> None:
        dialog, self.dialog = self.dialog, None
        if dialog is None:
            return
        dialog.deleteLater()
        if dialog.quit_chosen:
            self._quit()
