"""File → Restore from backup…: the daily backups, newest first, with their day and number of offers."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.store.backup import KEEP, Backup
from ui.open_problem_dialog import day_text


class RestoreDialog(QDialog):
    """Pick a backup to put in place of the open data file (which is kept, renamed aside)."""

    def __init__(self, backups: Sequence[Backup], db_path: Path, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle("Restore from backup")
        intro = QLabel(
            f"Offer Planner keeps a copy of {db_path.name} each day you use it (the last {KEEP} days of use). "
            "Restoring puts the copy in place and reopens the window on it. The current file is kept, "
            f"renamed to {db_path.name}.before-restore-<date and time>, so nothing is lost; Undo can't "
            "bring it back, but restoring it by hand can.",
            self,
        )
        intro.setWordWrap(True)
        self.list = QListWidget(self)
        self.list.setAccessibleName("Backups")
        for backup in backups:
            size = f"{backup.size / 1024:,.0f} KB"
            text = f"{day_text(backup)}  ({size})" if backup.usable else f"{backup.day:%a %d %b %Y}: can't be read"
            item = QListWidgetItem(text, self.list)
            item.setData(Qt.ItemDataRole.UserRole, str(backup.path))
            if not backup.usable:
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEnabled & ~Qt.ItemFlag.ItemIsSelectable)
        self.empty = QLabel("No backups yet: the first is made on the next day you use the app.", self)
        self.empty.setVisible(not backups)
        self.buttons = QDialogButtonBox(self)
        self.restore_button = self.buttons.addButton("&Restore", QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.list.currentRowChanged.connect(self._update)
        self.list.itemDoubleClicked.connect(self._on_double_clicked)
        first = next((i for i, b in enumerate(backups) if b.usable), -1)
        if first >= 0:
            self.list.setCurrentRow(first)
        self._update()
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.empty)
        layout.addWidget(self.buttons)
        self.resize(520, 360)

    def selected_backup(self) -> Path | None:
        item = self.list.currentItem()
        if item is None or not item.flags() & Qt.ItemFlag.ItemIsEnabled:
            return None
        return Path(item.data(Qt.ItemDataRole.UserRole))

    def _update(self, *_: object) -> None:
        self.restore_button.setEnabled(self.selected_backup() is not None)

    def _on_double_clicked(self, _item: QListWidgetItem) -> None:
        if self.selected_backup() is not None:
            self.accept()
