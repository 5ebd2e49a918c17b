"""Disk full, read-only: a clear message, the edit stays in the window to retry, nothing saved is lost.

The faults are real SQLite errors, not mocks: `PRAGMA max_page_count` makes the file "full" (SQLITE_FULL,
exactly what a full disk gives), and `PRAGMA query_only` makes every write fail as on a read-only file
or folder (SQLITE_READONLY; chmod can't do that when the tests run as root).
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QMessageBox

from app.files import read_offer_file
from app.models import Offer
from app.resources import sample_offers_path
from app.store import Store
from ui.main_window import MainWindow
from ui.workspace import Workspace

LONG_NOTES = "Recruiter said the band could stretch if we ask before Friday. " * 1000


@pytest.fixture
def window(qtbot, store, tmp_path):
    workspace = Workspace(store)
    workspace.import_offers(read_offer_file(sample_offers_path()).offers)
    workspace.undo_stack.clear()
    win = MainWindow(workspace, QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(win)
    win.show()
    win.select_offer("sample-lumen")
    yield win
    for box in win.findChildren(QMessageBox):
        box.close()
    win.close()


def disk_full(store: Store) -> None:
    conn = store._db.conn
    conn.execute(f"PRAGMA max_page_count={conn.execute('PRAGMA page_count').fetchone()[0]}")


def disk_has_room(store: Store) -> None:
    store._db.conn.execute("PRAGMA max_page_count=1073741823")


def read_only(store: Store, on: bool) -> None:
    store._db.conn.execute(f"PRAGMA query_only={'ON' if on else 'OFF'}")


def failure_box(window: MainWindow) -> QMessageBox:
    boxes = [box for box in window.findChildren(QMessageBox) if box.isVisible()]
    assert len(boxes) == 1
    return boxes[0]


def type_into(qtbot, field, text: str) -> None:
    field.setFocus()
    field.selectAll()
    qtbot.keyClicks(field, text)
    qtbot.keyClick(field, Qt.Key.Key_Return)


def test_disk_full_keeps_the_edit_in_the_window_and_a_retry_saves_it(qtbot, window, store):
    form, workspace = window.form, window.workspace
    everything_before = store.list_offers()
    disk_full(store)
    form.notes.setPlainText(LONG_NOTES)
    with qtbot.waitSignal(workspace.failed) as failed:
        form.notes.committed.emit()  # the user leaves the notes
    assert failed.args[0] == "Can't save: the disk is full. Nothing was changed."
    box = failure_box(window)
    assert box.windowTitle() == "Not saved" and "the disk is full" in box.text()
    assert "Your edit is still in the window" in box.informativeText()
    assert "Not saved: Can't save: the disk is full" in window.statusBar().currentMessage()
    assert form.notes.toPlainText() == LONG_NOTES  # still there to retry
    assert store.list_offers() == everything_before  # nothing saved was lost or half-changed
    assert workspace.undo_stack.count() == 0
    box.close()

    disk_has_room(store)
    with qtbot.waitSignal(workspace.saved):
        form.notes.committed.emit()  # leaving the field again: the retry
    assert store.get_offer("sample-lumen").notes == LONG_NOTES
    assert form.notes.toPlainText() == LONG_NOTES


def test_a_read_only_file_keeps_the_edit_and_any_later_edit_saves_both(qtbot, window, store):
    form, workspace = window.form, window.workspace
    read_only(store, True)
    with qtbot.waitSignal(workspace.failed) as failed:
        type_into(qtbot, form.base_salary, "250k")
    assert "read-only" in failed.args[0]
    assert form.base_salary.text() == "250,000"
    assert store.get_offer("sample-lumen").base_salary == Decimal("192000")
    failure_box(window).close()

    read_only(store, False)
    with qtbot.waitSignal(workspace.saved):
        type_into(qtbot, form.location, "Lisbon")  # the next edit saves the whole form, the kept edit too
    saved = store.get_offer("sample-lumen")
    assert (saved.base_salary, saved.location) == (Decimal("250000"), "Lisbon")


def test_closing_the_window_after_the_fault_clears_saves_the_kept_edit(qtbot, window, store):
    read_only(store, True)
    with qtbot.waitSignal(window.workspace.failed):
        type_into(qtbot, window.form.base_salary, "199,500")
    failure_box(window).close()
    read_only(store, False)
    window.close()  # closing commits what the form still holds
    assert store.get_offer("sample-lumen").base_salary == Decimal("199500")


def test_an_import_on_a_full_disk_saves_nothing_of_it(qtbot, window, store, tmp_path):
    offers = [Offer(id=f"big-{i}", company=f"Big {i}", role="Engineer", notes="x" * 2000) for i in range(50)]
    before = store.list_offers()
    disk_full(store)
    with qtbot.waitSignal(window.workspace.failed):
        assert window.workspace.import_offers(offers) is None
    assert store.list_offers() == before
    assert [o.id for o in window.workspace.offers()] == [o.id for o in before]
    failure_box(window).close()
    disk_has_room(store)
    assert window.workspace.import_offers(offers) is not None
    assert store.offer_count() == len(before) + 50


def test_a_delete_on_a_read_only_file_deletes_nothing(qtbot, window, store):
    read_only(store, True)
    with qtbot.waitSignal(window.workspace.failed):
        assert not window.workspace.delete_offers(["sample-lumen"])
    assert store.get_offer("sample-lumen") is not None
    assert window.workspace.offer("sample-lumen") is not None
    failure_box(window).close()


def test_try_again_in_the_not_saved_box_saves_the_kept_edit(qtbot, window, store):
    form, workspace = window.form, window.workspace
    disk_full(store)
    form.notes.setPlainText(LONG_NOTES)
    with qtbot.waitSignal(workspace.failed):
        form.notes.committed.emit()
    box = failure_box(window)
    assert box.defaultButton().text() == "&Try again"
    assert store.get_offer("sample-lumen").notes != LONG_NOTES
    disk_has_room(store)  # the user frees some space…
    with qtbot.waitSignal(workspace.saved):
        qtbot.mouseClick(box.defaultButton(), Qt.MouseButton.LeftButton)  # …and presses Try again
    assert store.get_offer("sample-lumen").notes == LONG_NOTES
