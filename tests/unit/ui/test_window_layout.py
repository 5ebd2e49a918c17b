"""What the window looks like as it is resized and as messages appear (issue 13, item 7)."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QPoint, QSettings, Qt
from PySide6.QtGui import QTextLayout, QTextOption
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox

from app.files import read_offer_file
from app.resources import sample_offers_path
from app.store import Store
from ui.main_window import NEGOTIATE_TAB, MainWindow
from ui.widgets.wrapping import ZERO_WIDTH_SPACE
from ui.workspace import Workspace

LONG_PATH = "/home/someone/.local/share/offer-planner/backups/2026/november/offers.sqlite3"


def make_window(qtbot, store, tmp_path, samples: bool = True) -> MainWindow:
    workspace = Workspace(store, today=lambda: date(2026, 11, 20))
    if samples:
        workspace.import_offers(read_offer_file(sample_offers_path()).offers)
    window = MainWindow(workspace, QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    window.resize(1600, 1000)
    window.show()
    return window


@pytest.fixture
def window(qtbot, store, tmp_path):
    win = make_window(qtbot, store, tmp_path)
    yield win
    win.close()


def x_in_window(widget, window) -> int:
    return widget.mapTo(window, QPoint(0, 0)).x()


def test_the_list_shrinks_with_the_window_and_keeps_off_its_edge(qtbot, window):
    wide = window.list_view.width()
    window.resize(1280, 720)
    qtbot.waitUntil(lambda: window.list_view.width() < wide)
    assert window.detail.width() > window.list_view.width()
    assert x_in_window(window.list_view, window) >= 6  # a margin between the list and the window's edge


def test_the_empty_state_text_is_centred_under_its_heading(qtbot, tmp_path):
    store = Store.open(tmp_path / "empty.sqlite3")
    try:
        window = make_window(qtbot, store, tmp_path, samples=False)
        labels = window.empty_state.findChildren(QLabel)
        texts = [label for label in labels if "Offer Planner works out" in label.text()]
        assert texts and texts[0].alignment() & Qt.AlignmentFlag.AlignHCenter
        window.close()
    finally:
        store.close()


def test_the_negotiate_tab_has_no_empty_column(qtbot, window):
    window.select_offer("sample-lumen")
    window.tabs.setCurrentIndex(NEGOTIATE_TAB)
    position, levers = window.position_panel, window.levers_panel
    qtbot.waitUntil(lambda: levers.cards and levers.isVisible())
    # one column: the levers under the position, as wide as it, not beside it
    top_of_levers = levers.mapTo(window, QPoint(0, 0)).y()
    assert top_of_levers >= position.mapTo(window, QPoint(0, 0)).y() + position.height()
    assert abs(levers.width() - position.width()) <= 2
    # and the position takes the height its sentences need, not the height of the window
    assert position.height() < 500


def test_the_form_does_not_jump_when_a_message_appears(qtbot, window):
    window.select_offer("sample-lumen")
    form = window.form
    below = form.annual_raise.mapTo(form, QPoint(0, 0)).y()
    width = form.base_salary.width()
    form.base_salary.setFocus()
    form.base_salary.selectAll()
    qtbot.keyClicks(form.base_salary, "abc")
    qtbot.keyClick(form.base_salary, Qt.Key.Key_Return)
    message = form.binder.field("base_salary").message
    assert message.isVisible() and "not an amount" in message.text()
    QApplication.processEvents()
    assert form.annual_raise.mapTo(form, QPoint(0, 0)).y() == below  # nothing under it moved
    assert form.base_salary.width() == width


def test_a_path_in_a_message_wraps_at_a_separator(qtbot, window, monkeypatch):
    window.workspace.failed.emit(f"Can't save {LONG_PATH}: the disk is full")
    box = window.failed_box
    label = box.findChild(QLabel, "qt_msgbox_label")
    assert ZERO_WIDTH_SPACE in label.text()
    assert label.text().replace(ZERO_WIDTH_SPACE, "") == f"Can't save {LONG_PATH}: the disk is full"
    # laid out as Qt lays out a word-wrapped label 240 px wide, every line ends at a separator or a space
    layout = QTextLayout(label.text(), label.font())
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
    layout.setTextOption(option)
    layout.beginLayout()
    ends = []
    while True:
        line = layout.createLine()
        if not line.isValid():
            break
        line.setLineWidth(240)
        ends.append(label.text()[line.textStart() : line.textStart() + line.textLength()])
    layout.endLayout()
    assert len(ends) > 2
    for text in ends[:-1]:
        assert text.endswith((ZERO_WIDTH_SPACE, " ")), text
    box.close()
    assert isinstance(box, QMessageBox)
