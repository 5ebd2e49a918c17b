"""A bug: its details go to a private log and a dialog to copy them; nothing already saved is lost."""

from __future__ import annotations

import stat
import threading
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtWidgets import QApplication, QPushButton

from app.models import Offer
from app.store import Store
from ui import crash
from ui.crash import CrashDialog, CrashHandler, write_log
from ui.main_window import MainWindow
from ui.workspace import Workspace


@pytest.fixture
def handler(tmp_path: Path, qapp):
    quits: list[bool] = []
    installed = CrashHandler(tmp_path / "data" / "logs", quit_app=lambda: quits.append(True)).install()
    installed.quits = quits  # type: ignore[attr-defined]
    yield installed
    installed.uninstall()
    if installed.dialog is not None:
        installed.dialog.close()


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.mark.qt_no_exception_capture  # the app's own hook catches it, as it does outside tests
def test_a_bug_in_a_slot_is_logged_and_shown_with_details_to_copy(qtbot, handler, tmp_path):
    button = QPushButton("Compute")
    qtbot.addWidget(button)

    def broken() -> None:
        raise ZeroDivisionError("the year-3 total divided by zero")

    button.clicked.connect(broken)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: handler.dialog is not None and handler.dialog.isVisible())

    log = tmp_path / "data" / "logs" / "offer-planner.log"
    text = log.read_text()
    assert text.startswith("=== 20") and "Offer Planner" in text
    assert "ZeroDivisionError: the year-3 total divided by zero" in text
    assert "in broken" in text  # the traceback, not only the message
    assert mode(log) == 0o600 and mode(log.parent) == 0o700

    dialog = handler.dialog
    assert "Everything you saved is safe" in dialog.text_label.text()
    assert str(log) in dialog.log_label.text()
    assert "ZeroDivisionError: the year-3 total divided by zero" in dialog.details.toPlainText()
    qtbot.mouseClick(dialog.copy_button, Qt.MouseButton.LeftButton)
    assert "ZeroDivisionError" in QApplication.clipboard().text()
    with qtbot.waitSignal(dialog.finished):
        qtbot.mouseClick(dialog.continue_button, Qt.MouseButton.LeftButton)
    assert handler.dialog is None and handler.quits == []


@pytest.mark.qt_no_exception_capture
def test_a_second_bug_joins_the_open_dialog_and_quit_closes_the_app(qtbot, handler):
    def first() -> None:
        raise ValueError("first")

    def second() -> None:
        raise KeyError("second")

    QTimer.singleShot(0, first)
    qtbot.waitUntil(lambda: handler.dialog is not None)
    QTimer.singleShot(0, second)
    qtbot.waitUntil(lambda: "KeyError: 'second'" in handler.dialog.details.toPlainText())
    assert handler.reports == 2
    assert len([w for w in QApplication.topLevelWidgets() if isinstance(w, CrashDialog)]) == 1
    with qtbot.waitSignal(handler.dialog.finished):
        qtbot.mouseClick(handler.dialog.quit_button, Qt.MouseButton.LeftButton)
    assert handler.quits == [True]


def test_a_bug_in_another_thread_is_shown_on_the_gui_thread(qtbot, handler, tmp_path):
    def work() -> None:
        raise RuntimeError("a worker failed")

    worker = threading.Thread(target=work, name="exporter")
    worker.start()
    worker.join()
    qtbot.waitUntil(lambda: handler.dialog is not None)
    assert "Unexpected error (in exporter)" in handler.dialog.details.toPlainText()
    assert "RuntimeError: a worker failed" in (tmp_path / "data" / "logs" / "offer-planner.log").read_text()


@pytest.mark.qt_no_exception_capture
def test_a_bug_loses_nothing_already_saved(qtbot, handler, tmp_path):
    db = tmp_path / "data" / "offers.sqlite3"
    store = Store.open(db)
    window = MainWindow(Workspace(store), QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    window.show()
    window.workspace.add_offer(Offer(id="kept", company="Kept Co", role="Engineer", base_salary=150000))

    def broken() -> None:
        raise RuntimeError("a bug in the middle of the session")

    window.tabs.currentChanged.connect(broken)
    window.tabs.setCurrentIndex(2)
    qtbot.waitUntil(lambda: handler.dialog is not None)
    window.close()
    store.close()
    with Store.open(db) as reopened:  # a fresh look at the file: the edit made before the bug is there
        assert reopened.get_offer("kept").base_salary == 150000


def test_the_log_is_private_and_capped(tmp_path, monkeypatch):
    folder = tmp_path / "logs"
    monkeypatch.setattr(crash, "MAX_LOG_BYTES", 200)
    for n in range(4):
        write_log(folder, f"report {n}\n" + "x" * 150)
    assert sorted(p.name for p in folder.iterdir()) == ["offer-planner.log", "offer-planner.log.1"]
    assert all(mode(p) == 0o600 for p in folder.iterdir()) and mode(folder) == 0o700
    assert "report 3" in (folder / "offer-planner.log").read_text()
    assert sum(p.stat().st_size for p in folder.iterdir()) < 1000


def test_a_log_that_cant_be_written_still_shows_the_dialog(qtbot, tmp_path):
    blocker = tmp_path / "logs"
    blocker.write_text("a file where the folder should be")
    handler = CrashHandler(blocker)
    handler.report("Traceback: something\n")
    qtbot.waitUntil(lambda: handler.dialog is not None)
    assert isinstance(handler.dialog, CrashDialog)
    assert "could not be written" in handler.dialog.log_label.text()
    assert "Traceback: something" in handler.dialog.details.toPlainText()
    handler.dialog.close()


def test_a_bug_while_starting_is_logged_and_shown_before_the_app_exits(qapp, tmp_path, monkeypatch):
    import ui.main

    db = tmp_path / "data" / "offers.sqlite3"

    def broken(*args, **kwargs):
        raise RuntimeError("a bug while building the window")

    shown: list[str] = []
    monkeypatch.setattr(ui.main, "MainWindow", broken)
    monkeypatch.setattr(CrashDialog, "exec", lambda dialog: shown.append(dialog.details.toPlainText()) or 0)
    assert ui.main.run_app(str(db)) == 1
    assert "RuntimeError: a bug while building the window" in shown[0]
    assert "RuntimeError: a bug while building the window" in (db.parent / "logs" / "offer-planner.log").read_text()
    assert not Path(f"{db}.lock").exists()  # the single-instance lock is released
