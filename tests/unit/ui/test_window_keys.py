"""The window as a keyboard user drives it: undo from a field, Esc, switching offers with a bad value
pending, the tab order and the search (issue 13, items 2, 4 and 6)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication, QToolBar

from app.files import read_offer_file
from app.resources import sample_offers_path
from ui.main_window import MainWindow
from ui.models.offer_list_model import OfferIdRole
from ui.workspace import Workspace

CTRL = Qt.KeyboardModifier.ControlModifier
CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


@pytest.fixture
def window(qtbot, store, tmp_path):
    workspace = Workspace(store, today=lambda: date(2026, 11, 20))
    workspace.import_offers(read_offer_file(sample_offers_path()).offers)
    workspace.undo_stack.clear()
    win = MainWindow(workspace, QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(win)
    win.resize(1280, 720)
    win.show()
    win.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is win)
    win.select_offer("sample-lumen")
    yield win
    win.close()


def focus(qtbot, widget) -> None:
    widget.setFocus()
    qtbot.waitUntil(widget.hasFocus)


def base_salary(window, offer_id: str = "sample-lumen") -> Decimal:
    return window.workspace.store.get_offer(offer_id).base_salary


# --- item 2: undo from anywhere, Esc -------------------------------------------------------------


def test_ctrl_z_in_a_money_field_undoes_the_last_saved_change(qtbot, window):
    field = window.form.base_salary
    focus(qtbot, field)
    field.selectAll()
    qtbot.keyClicks(field, "200000")
    qtbot.keyClick(field, Qt.Key.Key_Return)
    assert base_salary(window) == 200000 and field.text() == "200,000"
    qtbot.keyClick(field, Qt.Key.Key_Z, CTRL)  # the cursor is still in the field
    assert base_salary(window) == 192000
    assert field.text() == "192,000"  # the field shows the restored value
    assert field.hasFocus()
    qtbot.keyClick(field, Qt.Key.Key_Z, CTRL_SHIFT)
    assert base_salary(window) == 200000 and field.text() == "200,000"


def test_ctrl_z_while_typing_takes_back_the_typing_and_redo_brings_it_back(qtbot, window):
    field = window.form.base_salary
    focus(qtbot, field)
    field.selectAll()
    qtbot.keyClicks(field, "250000")  # not finished: no Enter
    qtbot.keyClick(field, Qt.Key.Key_Z, CTRL)
    assert field.text() == "192,000" and base_salary(window) == 192000
    qtbot.keyClick(field, Qt.Key.Key_Y, CTRL)
    assert field.text() == "250,000" and base_salary(window) == 250000


def test_ctrl_z_in_the_notes_and_the_search_undoes_too(qtbot, window):
    window.workspace.update_offer(
        window.workspace.offer("sample-lumen").model_copy(update={"role": "Staff Engineer"}), "Edit Lumen Health"
    )
    focus(qtbot, window.search)
    qtbot.keyClick(window.search, Qt.Key.Key_Z, CTRL)
    assert window.workspace.store.get_offer("sample-lumen").role == "Senior Software Engineer, Payments"


def test_esc_in_a_field_with_a_bad_value_puts_back_the_saved_value(qtbot, window):
    field = window.form.base_salary
    focus(qtbot, field)
    field.selectAll()
    qtbot.keyClicks(field, "abc")
    qtbot.keyClick(field, Qt.Key.Key_Return)
    assert field.property("invalid") is True
    qtbot.keyClick(field, Qt.Key.Key_Escape)
    assert field.text() == "192,000"
    assert field.property("invalid") is False
    assert window.form.problems() == {}
    assert base_salary(window) == 192000
    # an edit still being typed goes back the same way
    field.selectAll()
    qtbot.keyClicks(field, "1")
    qtbot.keyClick(field, Qt.Key.Key_Escape)
    assert field.text() == "192,000" and base_salary(window) == 192000


# --- item 4: switching offers with a bad value pending -------------------------------------------


def test_switching_offers_with_a_bad_value_pending(qtbot, window):
    field = window.form.base_salary
    focus(qtbot, field)
    field.selectAll()
    qtbot.keyClicks(field, "abc")  # then the user clicks another offer in the list
    kestrel = window.proxy.mapFromSource(window.list_model.index(window.list_model.row_of("sample-kestrel"), 0))
    point = window.list_view.visualRect(kestrel).center()
    qtbot.mouseClick(window.list_view.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert window.current_offer_id() == "sample-kestrel"
    qtbot.waitUntil(window.list_view.hasFocus)  # the cursor is not left in Kestrel's base salary
    message = window.statusBar().currentMessage()
    assert "Lumen Health" in message and "not an amount" in message  # said of the offer it came from
    assert window.form.problems() == {}  # Kestrel's form carries no mark of Lumen's problem
    assert window.form.base_salary.text() == "168,000"
    assert base_salary(window, "sample-lumen") == 192000 and base_salary(window, "sample-kestrel") == 168000
    qtbot.keyClicks(window.list_view, "1")  # typing now edits nothing
    assert base_salary(window, "sample-kestrel") == 168000


# --- item 6: the keyboard ------------------------------------------------------------------------


def test_tab_goes_list_search_filter_editor(qtbot, window):
    focus(qtbot, window.list_view)
    order = [window.list_view]
    for _ in range(3):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        order.append(QApplication.focusWidget())
    assert order == [window.list_view, window.search, window.stage_filter, window.form.company]
    qtbot.keyClick(window.form.company, Qt.Key.Key_Backtab)
    assert QApplication.focusWidget() is window.stage_filter


def test_esc_clears_the_search_and_the_offer_stays_selected(qtbot, window):
    window.select_offer("sample-aurelia")
    focus(qtbot, window.search)
    qtbot.keyClicks(window.search, "bank")
    assert window.proxy.rowCount() == 1
    qtbot.keyClick(window.search, Qt.Key.Key_Escape)
    assert window.search.text() == ""
    assert window.proxy.rowCount() == 4
    assert window.current_offer_id() == "sample-aurelia"
    selected = [i.data(OfferIdRole) for i in window.list_view.selectionModel().selectedRows()]
    assert selected == ["sample-aurelia"]


def test_a_search_that_hides_the_offer_keeps_it_and_selects_it_again(qtbot, window):
    window.select_offer("sample-kestrel")
    focus(qtbot, window.search)
    qtbot.keyClicks(window.search, "lumen")  # Kestrel is filtered out of the list
    assert window.current_offer_id() == "sample-kestrel"  # still the one in the editor
    assert window.form.company.text() == "Kestrel Robotics"
    window.search.clear()
    selected = [i.data(OfferIdRole) for i in window.list_view.selectionModel().selectedRows()]
    assert selected == ["sample-kestrel"]


def test_every_action_is_in_a_menu_with_a_mnemonic(window):
    menus = [a.menu() for a in window.menuBar().actions()]
    assert all("&" in a.text() for a in window.menuBar().actions())
    in_menus = {a.text().replace("&", "") for m in menus for a in m.actions() if not a.isSeparator()}
    toolbar = window.findChild(QToolBar, "offers-toolbar").actions()
    for action in toolbar:
        if action.isSeparator():
            continue
        words = action.text().replace("&", "").split(" ")[0]
        assert any(text.startswith(words) for text in in_menus), action.text()
    help_menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&Help")
    assert "Load sample offers" in [a.text().replace("&", "") for a in help_menu.actions()]
