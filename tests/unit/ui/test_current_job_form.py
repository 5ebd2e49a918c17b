"""Your current job in the window: its entry at the top of the list, its form (saved as you type,
undoable, validated at the field), what leaving costs, the Stay column in Compare, and each offer's
year 1 after the leaving cost in the editor's summary. Figures are worked out by hand."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from PySide6.QtCore import QSettings, Qt

from app.files import read_offer_file
from app.models import Bonus, CurrentJob, LeavingItem
from app.resources import sample_offers_path
from app.store import Store
from tests.unit.ui.user_input import choose, type_into
from ui.forms.offer_form import OfferForm
from ui.main_window import COMPARE_TAB, MainWindow
from ui.workspace import Workspace

D = Decimal
TODAY = date(2026, 11, 20)
EMPTY = "Add your current job to compare every offer with staying"



@pytest.fixture
def window(qtbot, tmp_path):
    """The window on a data file with the sample offers and no current job yet."""
    store = Store.open(tmp_path / "offers.sqlite3")
    workspace = Workspace(store, today=lambda: TODAY)
    workspace.import_offers(read_offer_file(sample_offers_path()).offers)
    workspace.undo_stack.clear()
    win = MainWindow(workspace, QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(win)
    win.resize(1280, 720)
    win.show()
    yield win
    win.close()
    store.close()


def saved_job(window) -> CurrentJob | None:
    return window.workspace.store.load_settings().current_job


def test_enter_a_current_job_and_compare_every_offer_with_staying(qtbot, window):
    entry = window.job_entry
    assert entry.texts() == ("Current job", EMPTY, "Not an offer: never rated")
    qtbot.mouseClick(entry, Qt.MouseButton.LeftButton)
    form = window.job_form
    assert window.detail.currentWidget() is form and entry.isChecked()
    assert form.pages.currentWidget() is form.empty and EMPTY in form.empty_text.text()
    assert window.current_offer_id() == "" and not window.list_view.selectionModel().hasSelection()

    qtbot.mouseClick(form.add_button, Qt.MouseButton.LeftButton)
    assert saved_job(window) == CurrentJob()  # "Current job", nothing else yet
    type_into(qtbot, form.company, "Harbor Freight Systems")
    type_into(qtbot, form.base_salary, "176k")
    choose(qtbot, form.bonus_mode, "percent")
    type_into(qtbot, form.bonus_pct, "10")
    qtbot.mouseClick(form.equity.add_button, Qt.MouseButton.LeftButton)
    type_into(qtbot, form.equity.rows()[0].amount, "48,000")
    qtbot.mouseClick(form.forfeit.add_button, Qt.MouseButton.LeftButton)
    type_into(qtbot, form.forfeit.rows()[0].what, "RSUs vesting in February")
    type_into(qtbot, form.forfeit.rows()[0].amount, "12,000")
    qtbot.mouseClick(form.repay.add_button, Qt.MouseButton.LeftButton)
    type_into(qtbot, form.repay.rows()[0].what, "Relocation")
    type_into(qtbot, form.repay.rows()[0].amount, "8000")

    assert saved_job(window) == CurrentJob(
        company="Harbor Freight Systems",
        base_salary=D(176000),
        bonus=Bonus(target_pct=D(10)),
        equity_by_year=[D(48000)],
        forfeit_on_leaving=[LeavingItem(what="RSUs vesting in February", amount=D(12000))],
        repay_on_leaving=[LeavingItem(what="Relocation", amount=D(8000))],
    )
    # leaving costs 12,000 forfeited + 8,000 repaid = 20,000; staying pays in year 1
    # 176,000 base + 17,600 bonus (10 %) + 48,000 vesting = 241,600
    assert "Leaving costs $20,000" in form.leaving_cost.text()
    assert form.summary.year_one.text() == "$241,600"
    assert form.summary.leaving_texts() == [
        ("You forfeit", "$12,000"),
        ("You repay", "$8,000"),
        ("Leaving costs", "$20,000"),
    ]
    assert entry.texts()[1:] == (
        "Harbor Freight Systems",
        "Stay: $241,600 in year 1 · leaving costs $20,000",
    )

    # Compare (Ctrl+3, from the job's form) has a Stay column for it
    qtbot.keyClick(window, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    assert window.tabs.currentIndex() == COMPARE_TAB and window.detail.currentWidget() is window.tabs
    assert not entry.isChecked()
    stay = [c for c in window.compare_view.comparison().columns if c.is_stay]
    assert [(c.label, c.company) for c in stay] == [("Stay", "Harbor Freight Systems")]
    model = window.compare_view.model
    headers = [model.headerData(i, Qt.Orientation.Horizontal) for i in range(model.columnCount())]
    assert "Stay\nHarbor Freight Systems" in headers  # "Stay" over the job's name
    stay_column = headers.index("Stay\nHarbor Freight Systems")
    lumen_column = next(i for i, h in enumerate(headers) if str(h).startswith("Lumen Health"))

    def cell(key: str, column: int) -> str:
        return model.index(model.row_of(key), column).data().lstrip("★ ")

    # the table has cents (Lumen's 4-year figures do): staying's year 1 is the 241,600 above, and
    # staying leaves nothing behind (no figure); Lumen's year 1 (303,200, see below) less the 20,000 is 283,200
    assert cell("year:1", stay_column) == "$241,600.00"
    assert cell("leaving_cost", stay_column) == "—"
    assert cell("leaving_cost", lumen_column) == "$20,000.00"
    assert cell("year:1:after_leaving", lumen_column) == "$283,200.00"


def test_the_keyboard_stays_on_the_current_job_form(qtbot, window):
    """Enter on "Add current job" puts the cursor in Company, Tab goes on through the form, and Tab
    into the offer list from the form doesn't open an offer in its place (a click does)."""
    qtbot.keyClick(window, Qt.Key.Key_J, Qt.KeyboardModifier.ControlModifier)
    form = window.job_form
    assert form.add_button.hasFocus()
    qtbot.keyClick(form.add_button, Qt.Key.Key_Space)
    assert saved_job(window) == CurrentJob()
    assert window.showing_current_job() and form.company.hasFocus()
    qtbot.keyClicks(form.company, "Northwind Labs")
    qtbot.keyClick(form.company, Qt.Key.Key_Tab)
    assert saved_job(window) == CurrentJob(company="Northwind Labs")
    assert window.showing_current_job() and form.role.hasFocus()

    window.list_view.setFocus(Qt.FocusReason.TabFocusReason)  # as Tab from the form's last button does
    assert window.showing_current_job() and window.current_offer_id() == ""
    qtbot.keyClick(window.list_view, Qt.Key.Key_Down)  # an arrow key chooses an offer
    assert not window.showing_current_job() and window.current_offer_id() == "sample-kestrel"

    window.show_current_job()
    window.list_view.setFocus(Qt.FocusReason.TabFocusReason)
    first = window.list_view.visualRect(window.proxy.index(0, 0)).center()
    qtbot.mouseClick(window.list_view.viewport(), Qt.MouseButton.LeftButton, pos=first)  # the row focus made current
    assert not window.showing_current_job() and window.current_offer_id() == "sample-lumen"


def test_a_bad_value_is_marked_at_its_field_and_never_saved_and_undo_takes_an_edit_back(qtbot, window):
    window.workspace.update_settings(
        window.workspace.settings().model_copy(update={"current_job": CurrentJob(base_salary=D(176000))})
    )
    qtbot.keyClick(window, Qt.Key.Key_J, Qt.KeyboardModifier.ControlModifier)
    form = window.job_form
    assert window.showing_current_job() and form.pages.currentWidget() is form.scroll_area
    type_into(qtbot, form.base_salary, "-5")
    assert form.problems() == {"base_salary": "Base salary can't be negative"}
    assert saved_job(window).base_salary == D(176000)  # nothing half-saved
    type_into(qtbot, form.base_salary, "180,000")
    assert form.problems() == {} and saved_job(window).base_salary == D(180000)
    qtbot.keyClick(form.base_salary, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # Undo, from the field
    assert saved_job(window).base_salary == D(176000)
    assert form.base_salary.text() == "176,000"


def test_removing_the_current_job_is_undoable(qtbot, window):
    window.workspace.update_settings(
        window.workspace.settings().model_copy(update={"current_job": CurrentJob(company="Harbor")})
    )
    window.show_current_job()
    form = window.job_form
    form.remove_button.setFocus()
    qtbot.keyClick(form.remove_button, Qt.Key.Key_Space)
    assert saved_job(window) is None
    assert form.pages.currentWidget() is form.empty and window.job_entry.texts()[1] == EMPTY
    assert window.showing_current_job() and form.add_button.hasFocus()  # the focus went with the page
    window.undo()
    assert saved_job(window) == CurrentJob(company="Harbor")
    assert form.pages.currentWidget() is form.scroll_area and form.company.text() == "Harbor"


@pytest.fixture
def lumen_form(qtbot, tmp_path):
    """The editor on the sample's Lumen offer, with the sample's current job (Harbor Freight Systems)."""
    store = Store.open(tmp_path / "offers.sqlite3")
    workspace = Workspace(store, today=lambda: TODAY)
    sample = read_offer_file(sample_offers_path())
    workspace.update_settings(sample.settings)
    workspace.import_offers(sample.offers)
    form = OfferForm(workspace)
    qtbot.addWidget(form)
    form.resize(1000, 700)
    form.set_offer("sample-lumen")
    form.show()
    yield form
    form.close()
    store.close()


def test_the_summary_shows_year_one_after_what_leaving_the_current_job_costs(qtbot, lumen_form):
    summary = lumen_form.summary
    # Lumen's year 1: 192,000 base + 28,800 bonus + 45,000 sign-on + 15,000 vesting (5 % of 1,600 × 187.50)
    # + 12,000 relocation + 10,400 benefits = 303,200; leaving Harbor Freight costs 12,000 + 17,600 forfeited
    # + 8,000 repaid = 37,600; 303,200 − 37,600 = 265,600 (cents: the summary's 4-year total has cents)
    assert summary.year_one.text() == "$303,200.00"
    assert summary.leaving_texts() == [("Leaving costs", "−$37,600.00"), ("Year 1 after leaving", "$265,600.00")]
    # it follows what is typed: base 200,000 adds 8,000 and 15 % of it (1,200) → 312,400; less 37,600 = 274,800
    lumen_form.base_salary.setFocus()
    lumen_form.base_salary.selectAll()
    qtbot.keyClicks(lumen_form.base_salary, "200000")
    qtbot.waitUntil(lambda: summary.year_one.text() == "$312,400.00")
    assert summary.leaving_texts()[1] == ("Year 1 after leaving", "$274,800.00")


def test_no_leaving_cost_without_a_current_job(lumen_form):
    workspace = lumen_form.workspace
    workspace.update_settings(workspace.settings().model_copy(update={"current_job": None}))
    assert lumen_form.summary.leaving_texts() == []
