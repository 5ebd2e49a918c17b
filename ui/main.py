"""Composition root of the desktop app: opens the store, builds the main window, runs Qt."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtWidgets import QApplication, QLabel, QMainWindow, QMessageBox

from app import __version__
from app.rubric import DEFAULT_RUBRIC, Rubric
from app.store import Store, StoreError, default_db_path
from ui.rubric_dialog import RubricDialog

APP_ID = "io.github.offerplanner.OfferPlanner"


class MainWindow(QMainWindow):
    """The main window (a placeholder until the app issue lands: it shows what is stored)."""

    def __init__(self, store: Store, rubric: Rubric = DEFAULT_RUBRIC):
        super().__init__()
        self.rubric = rubric
        self.setWindowTitle("Offer Planner")
        count = store.offer_count()
        text = (
            f"{count} offer{'s' if count != 1 else ''} stored in {store.path}"
            if count
            else f"No offers yet. Import a file with `offer-planner import FILE`.\n{store.path}"
        )
        label = QLabel(text)
        label.setMargin(24)
        self.setCentralWidget(label)
        self.resize(720, 480)
        help_menu = self.menuBar().addMenu("&Help")
        self.rubric_action = help_menu.addAction("How is this &rated?")
        self.rubric_action.triggered.connect(self._on_show_rubric)

    def _on_show_rubric(self) -> None:
        RubricDialog(self.rubric, self).open()


def run_app(db: str | None = None, argv: list[str] | None = None) -> int:
    app = QApplication.instance() or QApplication(argv if argv is not None else sys.argv[:1])
    app.setApplicationName("Offer Planner")
    app.setApplicationVersion(__version__)
    app.setDesktopFileName(APP_ID)
    path = Path(db) if db else default_db_path()
    try:
        store = Store.open(path)
    except StoreError as exc:
        QMessageBox.critical(None, "Offer Planner can't open its data file", str(exc))
        return 2
    window = MainWindow(store)
    window.show()
    try:
        return app.exec()
    finally:
        store.close()
