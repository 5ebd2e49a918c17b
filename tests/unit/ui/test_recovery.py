"""A data file the app can't open, and restoring a backup from the window: nothing overwritten, ever."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication

from app.models import Offer
from app.store import BadDataFile, Store, StoreError
from app.store.backup import Backup, backup_if_due, list_backups
from ui.main import Session
from ui.open_problem_dialog import OpenProblemDialog
from ui.restore_dialog import RestoreDialog

GARBAGE = b"these were my offers until a sync tool wrote this" * 40


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / "data" / "offers.sqlite3"


@pytest.fixture
def ui_settings(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat)


def fill(db: Path, ids: list[str], backup_day: date | None = None) -> None:
    with Store.open(db) as store:
        store.import_offers([Offer(id=i, company=f"Company {i}", role="Engineer") for i in ids])
        if backup_day is not None:
            backup_if_due(store, today=backup_day)


class Answers:
    """Stands in for the blocking dialogs: answers in order, and remembers what was asked."""

    def __init__(self, *choices: int):
        self.choices = list(choices)
        self.asked: list[tuple[StoreError, Backup | None]] = []
        self.told: list[tuple[str, str]] = []

    def ask(self, error: StoreError, latest: Backup | None) -> int:
        self.asked.append((error, latest))
        return self.choices.pop(0)

    def tell(self, title: str, text: str) -> None:
        self.told.append((title, text))


@pytest.fixture
def session_for(db, ui_settings, qtbot):
    made: list[Session] = []

    def build(answers: Answers) -> Session:
        session = Session(db, ui_settings, ask=answers.ask, tell=answers.tell)
        made.append(session)
        return session

    yield build
    for session in made:
        session.close()


# --- the dialog ----------------------------------------------------------------------------------


def open_dialog(qtbot, error, latest) -> OpenProblemDialog:
    dialog = OpenProblemDialog(error, latest)
    qtbot.addWidget(dialog)
    dialog.open()
    return dialog


@pytest.mark.parametrize(
    ("button", "choice"),
    [("restore_button", OpenProblemDialog.RESTORE), ("new_button", OpenProblemDialog.NEW_FILE),
     ("quit_button", OpenProblemDialog.QUIT)],
)
def test_the_dialog_says_what_is_wrong_and_offers_the_ways_on(qtbot, db, button, choice):
    error = BadDataFile(f"Can't open {db}: the data file is damaged (page 2).", db, "damaged")
    latest = Backup(db.parent / "backups" / "offers-2026-11-19.sqlite3", date(2026, 11, 19), 4096, 3)
    dialog = open_dialog(qtbot, error, latest)
    assert "damaged" in dialog.message.text()
    assert "Nothing in it was changed, repaired or deleted" in dialog.advice.text()
    assert dialog.restore_button.text() == f"&Restore latest backup ({date(2026, 11, 19):%a %d %b %Y}, 3 offers)"
    assert dialog.new_button.text() == "Start a &new file"
    assert "offers.sqlite3.bad-" in dialog.new_button.toolTip()
    with qtbot.waitSignal(dialog.finished):
        qtbot.mouseClick(getattr(dialog, button), Qt.MouseButton.LeftButton)
    assert dialog.choice() == choice


def test_without_a_backup_there_is_nothing_to_restore(qtbot, db):
    dialog = open_dialog(qtbot, BadDataFile("Can't open it: empty.", db, "empty"), None)
    assert dialog.restore_button is None
    assert "There is no backup of it yet." in dialog.advice.text()


def test_a_passing_problem_offers_to_try_again(qtbot, db):
    dialog = open_dialog(qtbot, StoreError(f"Can't open {db}: permission denied."), None)
    assert dialog.restore_button is None and dialog.new_button is None
    with qtbot.waitSignal(dialog.finished):
        qtbot.mouseClick(dialog.retry_button, Qt.MouseButton.LeftButton)
    assert dialog.choice() == OpenProblemDialog.RETRY


# --- opening in the app --------------------------------------------------------------------------


def test_restore_latest_backup_opens_the_window_on_it_and_keeps_the_bad_file(session_for, db):
    fill(db, ["a", "b"], backup_day=date(2026, 11, 19))
    db.write_bytes(GARBAGE)
    answers = Answers(OpenProblemDialog.RESTORE)
    session = session_for(answers)
    assert session.open()
    (error, latest), = answers.asked
    assert isinstance(error, BadDataFile) and error.reason == "not-sqlite"
    assert latest.day == date(2026, 11, 19) and latest.offers == 2
    window = session.start()
    assert [o.id for o in window.workspace.offers()] == ["a", "b"]
    kept = [p for p in db.parent.iterdir() if ".bad-" in p.name]
    assert len(kept) == 1 and kept[0].read_bytes() == GARBAGE


def test_start_a_new_file_renames_the_bad_one_aside_and_never_deletes_it(session_for, db):
    db.parent.mkdir(parents=True)
    db.write_bytes(GARBAGE)
    answers = Answers(OpenProblemDialog.NEW_FILE)
    session = session_for(answers)
    assert session.open()
    assert answers.asked[0][1] is None  # no backup to offer
    window = session.start()
    assert window.workspace.offers() == []
    kept = [p for p in db.parent.iterdir() if re.fullmatch(r"offers\.sqlite3\.bad-\d{8}-\d{6}", p.name)]
    assert len(kept) == 1 and kept[0].read_bytes() == GARBAGE


def test_quit_leaves_the_file_exactly_as_it_was(session_for, db):
    db.parent.mkdir(parents=True)
    db.write_bytes(GARBAGE)
    assert not session_for(Answers(OpenProblemDialog.QUIT)).open()
    assert [p.name for p in db.parent.iterdir()] == ["offers.sqlite3"]
    assert db.read_bytes() == GARBAGE


def test_a_file_from_a_newer_version_is_offered_the_same_ways_on(session_for, db):
    fill(db, ["a"])
    import sqlite3
    from contextlib import closing

    with closing(sqlite3.connect(db)) as conn:
        conn.execute("PRAGMA user_version=99")
    answers = Answers(OpenProblemDialog.QUIT)
    assert not session_for(answers).open()
    assert answers.asked[0][0].reason == "newer"
    assert "Update the app" in str(answers.asked[0][0])


# --- today's backup, and restoring one from the window -------------------------------------------


def test_opening_makes_todays_backup(qtbot, session_for, db):
    fill(db, ["a"])
    session = session_for(Answers())
    assert session.open()
    window = session.start()
    made = f"Made today's backup: offers-{date.today().isoformat()}.sqlite3"
    qtbot.waitUntil(lambda: window.statusBar().currentMessage() == made, timeout=30_000)  # a worker; slow when loaded
    assert [(b.day, b.offers) for b in list_backups(db)] == [(date.today(), 1)]


def test_file_restore_from_backup_reopens_the_window_on_the_backup(qtbot, session_for, db, monkeypatch):
    fill(db, ["a", "b"], backup_day=date(2026, 11, 19))
    session = session_for(Answers())
    assert session.open()
    window = session.start()
    session.wait_for_backup()  # the opening's check (in a worker) done before the user changes anything
    window.workspace.delete_offers(["a"])  # a change the user regrets
    assert [o.id for o in window.workspace.offers()] == ["b"]

    assert window.restore_action.text() == "&Restore from backup…"
    window.restore_action.trigger()
    dialog = window.findChild(RestoreDialog)
    assert dialog is not None and dialog.isVisible()
    items = [dialog.list.item(i).text() for i in range(dialog.list.count())]
    assert len(items) == 1  # unchanged since the 19th: opening made no new copy
    assert items[0].startswith(f"{date(2026, 11, 19):%a %d %b %Y}, 2 offers")  # "Thu 19 Nov 2026" in English
    assert dialog.selected_backup() == db.parent / "backups" / "offers-2026-11-19.sqlite3"
    assert QApplication.instance().quitOnLastWindowClosed()
    with qtbot.waitSignal(window.restore_requested, timeout=30_000):
        qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)

    assert session.window is not window  # a new window on the restored file
    assert [o.id for o in session.window.workspace.offers()] == ["a", "b"]
    assert "Restored offers-2026-11-19.sqlite3 (2 offers)" in session.window.statusBar().currentMessage()
    assert QApplication.instance().quitOnLastWindowClosed()
    kept = [p for p in db.parent.iterdir() if ".before-restore-" in p.name and not p.name.endswith(("-wal", "-shm"))]
    assert len(kept) == 1
    with Store.open(kept[0]) as before:  # the file as it was, with the regretted change, kept
        assert [o.id for o in before.list_offers()] == ["b"]


def test_a_restore_that_fails_keeps_the_file_and_says_why(session_for, db):
    fill(db, ["a"], backup_day=date(2026, 11, 19))
    answers = Answers()
    session = session_for(answers)
    assert session.open()
    session.start()
    broken = db.parent / "backups" / "offers-2026-11-19.sqlite3"
    broken.write_bytes(GARBAGE)
    assert not session.restore(str(broken))
    assert answers.told and answers.told[0][0] == "Not restored"
    assert "isn't a database at all" in answers.told[0][1]
    assert [o.id for o in session.window.workspace.offers()] == ["a"]
    assert not [p for p in db.parent.iterdir() if ".before-restore-" in p.name or ".bad-" in p.name]


def test_a_backup_that_fails_is_said_and_the_app_goes_on(qtbot, session_for, db):
    fill(db, ["a"])
    (db.parent / "backups").write_text("a file where the backups folder should be")
    session = session_for(Answers())
    assert session.open()
    window = session.start()
    qtbot.waitUntil(
        lambda: window.statusBar().currentMessage().startswith("No backup today: Can't make"), timeout=30_000
    )
    assert window.workspace.add_offer(Offer(id="b", company="B", role="Engineer"))


def test_run_app_on_a_bad_file_asks_and_quitting_leaves_it_untouched(qapp, db, monkeypatch):
    import sys

    import ui.main

    db.parent.mkdir(parents=True)
    db.write_bytes(GARBAGE)
    asked = []
    monkeypatch.setattr(ui.main, "_ask_with_dialog", lambda error, latest: asked.append(error) or 0)
    hook = sys.excepthook
    assert ui.main.run_app(str(db)) == 2
    assert [e.reason for e in asked] == ["not-sqlite"]
    assert db.read_bytes() == GARBAGE
    assert sorted(p.name for p in db.parent.iterdir()) == ["offers.sqlite3"]  # the lock is gone too
    assert sys.excepthook is hook  # the crash handler is uninstalled on the way out
