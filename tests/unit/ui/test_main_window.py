"""The main window as a user drives it: first start, new/duplicate/delete/undo, import, restart."""

from __future__ import annotations

from decimal import Decimal

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog, QMessageBox

from app.compensation import figures
from app.files import read_offer_file
from app.resources import sample_offers_path
from app.store import Store
from ui.main_window import COMPARE_TAB, NEGOTIATE_TAB, OFFER_TAB, MainWindow
from ui.models.offer_list_model import OfferIdRole
from ui.workspace import Workspace


@pytest.fixture
def db(tmp_path):
    return tmp_path / "offers.sqlite3"


@pytest.fixture
def ui_settings(tmp_path):
    return QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat)


def open_window(qtbot, db, ui_settings):
    store = Store.open(db)
    window = MainWindow(Workspace(store), ui_settings)
    qtbot.addWidget(window)
    window.show()
    return window, store


@pytest.fixture
def window(qtbot, db, ui_settings):
    win, store = open_window(qtbot, db, ui_settings)
    yield win
    win.close()
    store.close()


@pytest.fixture
def loaded(qtbot, window):
    qtbot.mouseClick(window.empty_state.sample_button, Qt.MouseButton.LeftButton)
    return window


def visible_ids(window) -> list[str]:
    proxy = window.proxy
    return [proxy.index(row, 0).data(OfferIdRole) for row in range(proxy.rowCount())]


def test_first_start_offers_samples_and_new(window):
    assert window.pages.currentWidget() is window.empty_state
    assert window.empty_state.sample_button.isVisible()
    assert window.empty_state.new_button.isVisible()


def test_load_sample_offers(loaded):
    assert loaded.pages.currentWidget() is loaded.splitter
    assert visible_ids(loaded) == ["sample-lumen", "sample-kestrel", "sample-aurelia", "sample-tessellate"]
    assert loaded.current_offer_id() == "sample-lumen"
    # the sample's GBP rate came with it, so the GBP offer can be compared
    assert loaded.workspace.settings().fx == {"GBP": Decimal("1.27")}


def test_new_offer_is_saved_and_selected(qtbot, window, db):
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    new_id = window.current_offer_id()
    assert new_id
    assert window.workspace.store.get_offer(new_id).company == "New company"
    assert window.tabs.currentIndex() == OFFER_TAB


def test_delete_then_undo_brings_the_offer_back(qtbot, loaded):
    loaded.select_offer("sample-kestrel")
    loaded.list_view.setFocus()
    qtbot.keyClick(loaded.list_view, Qt.Key.Key_Delete)
    assert "sample-kestrel" not in visible_ids(loaded)
    assert loaded.workspace.store.get_offer("sample-kestrel") is None
    assert "Deleted Kestrel Robotics" in loaded.statusBar().currentMessage()
    qtbot.keyClick(loaded, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert visible_ids(loaded)[1] == "sample-kestrel"
    assert loaded.workspace.store.get_offer("sample-kestrel") is not None
    qtbot.keyClick(loaded, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert "sample-kestrel" not in visible_ids(loaded)


def test_duplicate(qtbot, loaded):
    loaded.select_offer("sample-aurelia")
    qtbot.keyClick(loaded, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    assert len(visible_ids(loaded)) == 5
    copy = loaded.workspace.offer(loaded.current_offer_id())
    assert copy.company == "Aurelia Bank (copy)"
    assert copy.base_salary == Decimal(118000)


def test_search_and_stage_filter(qtbot, loaded):
    qtbot.keyClicks(loaded.search, "robot")
    assert visible_ids(loaded) == ["sample-kestrel"]
    loaded.search.clear()
    loaded.stage_filter.setCurrentIndex(loaded.stage_filter.findData("interviewing"))
    assert visible_ids(loaded) == ["sample-tessellate"]


def test_list_shows_the_same_year_one_as_app(loaded):
    row = loaded.list_model.row_of("sample-lumen")
    shown = loaded.list_model.index(row, loaded.list_model.YEAR_ONE).data()
    year_one = figures(loaded.workspace.offer("sample-lumen"), 4).year_one  # 303,200.00
    assert shown == f"${year_one:,.2f}" == "$303,200.00"  # the list always shows cents: one precision


def test_keyboard_switches_tabs(qtbot, loaded):
    qtbot.keyClick(loaded, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    assert loaded.tabs.currentIndex() == NEGOTIATE_TAB
    qtbot.keyClick(loaded, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    assert loaded.tabs.currentIndex() == COMPARE_TAB


def test_restart_finds_everything_as_it_was(qtbot, db, ui_settings):
    window, store = open_window(qtbot, db, ui_settings)
    qtbot.mouseClick(window.empty_state.sample_button, Qt.MouseButton.LeftButton)
    window.select_offer("sample-aurelia")
    window.tabs.setCurrentIndex(NEGOTIATE_TAB)
    window.resize(760, 540)  # within the offscreen screen (800×600), so nothing clamps it
    window.close()
    store.close()

    again, store = open_window(qtbot, db, ui_settings)
    try:
        assert visible_ids(again) == ["sample-lumen", "sample-kestrel", "sample-aurelia", "sample-tessellate"]
        assert again.current_offer_id() == "sample-aurelia"
        assert again.tabs.currentIndex() == NEGOTIATE_TAB
        assert again.size().width() == 760
        assert again.workspace.settings().fx == {"GBP": Decimal("1.27")}
    finally:
        again.close()
        store.close()


def test_import_a_bad_file_imports_nothing_and_says_why(qtbot, window, tmp_path, monkeypatch):
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": "offer-planner/1", "offers": [{"company": "A", "role": "B", "base_salary": -1}]}')
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(bad), ""))
    window.import_action.trigger()
    boxes = [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()]
    assert boxes and "base_salary: can't be negative" in boxes[0].text()
    assert window.workspace.offers() == []
    for box in boxes:
        box.close()


def test_export_then_import_round_trip(qtbot, loaded, tmp_path, monkeypatch):
    target = tmp_path / "exported.json"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    loaded.export_action.trigger()
    assert read_offer_file(target).offers == read_offer_file(sample_offers_path()).offers
    assert "Exported 4 offers" in loaded.statusBar().currentMessage()


def test_settings_dialog_applies_and_undoes(qtbot, loaded):
    loaded.settings_action.trigger()
    dialog = next(w for w in QApplication.topLevelWidgets() if isinstance(w, QDialog) and w.isVisible())
    dialog.horizon.setValue(5)
    dialog.currency.setCurrentText("EUR")
    dialog._on_accept()
    assert loaded.workspace.settings().horizon_years == 5
    assert loaded.workspace.store.load_settings().display_currency == "EUR"
    loaded.workspace.undo_stack.undo()
    assert loaded.workspace.settings().horizon_years == 4


def test_settings_dialog_refuses_a_bad_rate(qtbot, loaded):
    loaded.settings_action.trigger()
    dialog = next(w for w in QApplication.topLevelWidgets() if isinstance(w, QDialog) and w.isVisible())
    dialog.fx.item(0, 1).setText("abc")
    dialog._on_accept()
    assert dialog.isVisible()
    assert "GBP" in dialog.message.text() and "not a number" in dialog.message.text()
    assert loaded.workspace.settings().fx == {"GBP": Decimal("1.27")}
    dialog.reject()


def test_every_action_has_a_shortcut_or_a_menu(loaded):
    for action in (loaded.new_action, loaded.duplicate_action, loaded.delete_action, loaded.undo_action,
                   loaded.redo_action, loaded.import_action, loaded.brief_action, loaded.settings_action):
        assert not action.shortcut().isEmpty(), action.text()
    menus = [a.text() for a in loaded.menuBar().actions()]
    assert menus == ["&File", "&Edit", "&View", "&Help"]


def test_single_instance_brings_the_first_window_forward(qtbot, db):
    from ui.main import SingleInstance, activate_running_instance

    first = SingleInstance(db)
    assert first.acquire()
    second = SingleInstance(db)
    try:
        assert not second.acquire()  # the data file is taken
        assert activate_running_instance(second.name)  # …and the first answers
    finally:
        first.release()
    third = SingleInstance(db)
    assert third.acquire()  # released: a later start may open it
    third.release()


def test_export_writes_the_stored_offers_with_the_settings(loaded, tmp_path, monkeypatch):
    target = tmp_path / "offers.json"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a: (str(target), ""))
    loaded.export_file()
    exported = read_offer_file(target)
    assert [o.id for o in exported.offers] == ["sample-lumen", "sample-kestrel", "sample-aurelia", "sample-tessellate"]
    assert (exported.display_currency, exported.horizon_years) == ("USD", 4)  # the sample file's settings
    assert "Exported 4 offers" in loaded.statusBar().currentMessage()


def test_export_to_a_missing_folder_says_why_and_writes_nothing(loaded, tmp_path, monkeypatch):
    target = tmp_path / "gone" / "offers.json"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a: (str(target), ""))
    warned: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text: warned.append(text))
    loaded.export_file()
    assert warned == [f"The folder {target.parent} does not exist: choose another folder, or create it first."]
    assert not target.parent.exists()
