"""What the app says when its data file can't be opened, and the ways on that it offers.

The file is never repaired or overwritten: the dialog says what is wrong and that the file was left
as it was, then offers to restore the latest backup (with its day and number of offers), to start a
new file (the old one is kept, renamed aside), or to quit. A problem that may pass (the file is
locked, a permission) offers "Try again" instead.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QPushButton, QVBoxLayout, QWidget

from app.store import BadDataFile, StoreError
from app.store.backup import Backup
from ui.widgets.wrapping import breakable_paths


def day_text(backup: Backup) -> str:
    """ "Thu 19 Nov 2026, 3 offers" """
    count = backup.offers or 0
    return f"{backup.day.strftime('%a %d %b %Y')}, {count} offer{'s' if count != 1 else ''}"


class OpenProblemDialog(QDialog):
    """The data file can't be opened: what is wrong, and Restore latest backup / Start a new file / Quit."""

    QUIT, RESTORE, NEW_FILE, RETRY = range(4)  # what `choice()` returns (also the dialog's result)

    def __init__(self, error: StoreError, latest: Backup | None, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle("Offer Planner can't open its data file")
        self.setObjectName("openProblemDialog")
        bad_file = isinstance(error, BadDataFile)
        message = QLabel(breakable_paths(str(error)), self)
        message.setWordWrap(True)
        message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        if bad_file:
            advice = (
                "Nothing in it was changed, repaired or deleted. Restore the latest backup, or start a new "
                "file: either way this file is kept, renamed aside, so nothing in it is lost."
            )
            if latest is None:
                advice += " There is no backup of it yet."
        else:
            advice = "Nothing was changed. Fix the problem, then try again."
        self.advice = QLabel(advice, self)
        self.advice.setWordWrap(True)
        self.message = message

        buttons = QDialogButtonBox(self)
        self.restore_button: QPushButton | None = None
        self.new_button: QPushButton | None = None
        self.retry_button: QPushButton | None = None
        if bad_file and latest is not None:
            self.restore_button = QPushButton(f"&Restore latest backup ({day_text(latest)})", self)
            self.restore_button.setDefault(True)
            buttons.addButton(self.restore_button, QDialogButtonBox.ButtonRole.AcceptRole)
            self.restore_button.clicked.connect(self._on_restore)
        if isinstance(error, BadDataFile):
            self.new_button = QPushButton("Start a &new file", self)
            self.new_button.setToolTip(f"{error.path.name} is kept, renamed to {error.path.name}.bad-<date and time>")
            buttons.addButton(self.new_button, QDialogButtonBox.ButtonRole.AcceptRole)
            self.new_button.clicked.connect(self._on_new)
        else:
            self.retry_button = QPushButton("&Try again", self)
            self.retry_button.setDefault(True)
            buttons.addButton(self.retry_button, QDialogButtonBox.ButtonRole.AcceptRole)
            self.retry_button.clicked.connect(self._on_retry)
        self.quit_button = QPushButton("&Quit", self)
        buttons.addButton(self.quit_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.quit_button.clicked.connect(self._on_quit)

        layout = QVBoxLayout(self)
        layout.addWidget(message)
        layout.addWidget(self.advice)
        layout.addWidget(buttons)
        self.setMinimumWidth(520)

    def choice(self) -> int:
        return self.result()

    def _on_restore(self) -> None:
        self.done(self.RESTORE)

    def _on_new(self) -> None:
        self.done(self.NEW_FILE)

    def _on_retry(self) -> None:
        self.done(self.RETRY)

    def _on_quit(self) -> None:
        self.done(self.QUIT)
