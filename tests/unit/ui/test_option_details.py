"""A startup's options in the editor: a $0.0125 strike typed and kept, the option details with what they
mean beside them (from `app.options`), and an under-water grant flagged in the list and the editor,
never shown as "no equity". The sample's Kestrel offer: 40,000 options, strike $1.20, price $4.80, 409A
value $1.20, preferred price $4.80, 16,000,000 fully diluted shares, a 90-day window."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication

from app.files import read_offer_file
from app.resources import sample_offers_path
from app.store import Store
from tests.unit.ui.user_input import type_into
from ui.main_window import MainWindow
from ui.models.offer_list_model import FlagRole, OfferListModel
from ui.workspace import Workspace

D = Decimal
TODAY = date(2026, 11, 20)



@pytest.fixture
def window(qtbot, tmp_path):
    store = Store.open(tmp_path / "offers.sqlite3")
    workspace = Workspace(store, today=lambda: TODAY)
    sample = read_offer_file(sample_offers_path())
    workspace.update_settings(sample.settings)
    workspace.import_offers(sample.offers)
    win = MainWindow(workspace, QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(win)
    win.resize(1280, 720)
    win.show()
    win.select_offer("sample-kestrel")
    yield win
    win.close()
    store.close()


def kestrel(window):
    return window.workspace.store.get_offer("sample-kestrel").equity[0]


def notes(grant) -> dict[str, str]:
    return {key: label.text() for key, label in grant.notes.items()}


def test_the_option_details_and_what_they_mean_beside_them(window):
    grant = window.form.equity.rows()[0]
    assert (grant.fmv.text(), grant.preferred.text(), grant.fully_diluted.text(), grant.exercise_window.text()) == (
        "1.20",
        "4.80",
        "16,000,000",
        "90",
    )
    assert notes(grant) == {
        "price": "spread at this price: $144,000",  # 40,000 × (4.80 − 1.20)
        "strike": "cost to exercise: $48,000",  # 40,000 × 1.20
        "fmv": "spread at the 409A value: $0",  # 40,000 × (1.20 − 1.20)
        "preferred": "spread at the preferred price: $144,000",  # 40,000 × (4.80 − 1.20)
        "fully_diluted": "ownership: 0.25\u00a0%",  # 40,000 ÷ 16,000,000 = 0.25 %
        "window": "90 days after leaving",
    }
    assert not grant.under_water_shown() and grant.box.title() == "Grant 1"


def test_a_strike_of_a_cent_and_a_quarter_is_typed_and_kept(qtbot, window):
    grant = window.form.equity.rows()[0]
    type_into(qtbot, grant.strike, "$0.0125")
    assert kestrel(window).strike == D("0.0125")
    assert grant.strike.text() == "0.0125"
    # 40,000 × 0.0125 = 500; at the price: 40,000 × (4.80 − 0.0125) = 40,000 × 4.7875 = 191,500
    assert grant.notes["strike"].text() == "cost to exercise: $500"
    assert grant.notes["price"].text() == "spread at this price: $191,500"
    # 33,333 × 0.0125 = 416.6625 → $416.66: one amount with cents, so every amount beside the grant has them
    type_into(qtbot, grant.shares, "33333")
    assert grant.notes["strike"].text() == "cost to exercise: $416.66"
    # 33,333 × (4.80 − 0.0125) = 33,333 × 4.7875 = 159,581.7375 → $159,581.74
    assert grant.notes["price"].text() == "spread at this price: $159,581.74"
    assert grant.notes["fmv"].text() == "spread at the 409A value: $39,582.94"  # 33,333 × 1.1875 = 39,582.9375
    window.select_offer("sample-lumen")
    window.select_offer("sample-kestrel")  # shown again from what was saved: still 0.0125
    assert window.form.equity.rows()[0].strike.text() == "0.0125"


def test_an_empty_exercise_window_is_the_usual_90_days_said_as_assumed(qtbot, window):
    grant = window.form.equity.rows()[0]
    type_into(qtbot, grant.exercise_window, "")
    assert kestrel(window).exercise_window_days is None
    assert grant.notes["window"].text() == "90 days after leaving (the usual, assumed)"
    type_into(qtbot, grant.exercise_window, "3650")
    assert kestrel(window).exercise_window_days == 3650
    assert grant.notes["window"].text() == "3,650 days (10 years) after leaving"
    type_into(qtbot, grant.fully_diluted, "30,000")  # fewer than the grant's own 40,000 options
    assert window.form.problems() == {
        "equity[0].fully_diluted_shares": (
            "Grant 1 fully diluted shares can't be fewer than the grant's own 40000 options"
        )
    }
    assert kestrel(window).fully_diluted_shares == 16_000_000


def test_an_under_water_grant_is_flagged_in_the_list_and_the_editor(qtbot, window):
    model: OfferListModel = window.list_model
    row = model.row_of("sample-kestrel")
    assert model.index(row, OfferListModel.COMPANY).data(FlagRole) is None
    grant = window.form.equity.rows()[0]
    type_into(qtbot, grant.price, "1.00")  # below the $1.20 strike
    assert kestrel(window).price == D(1)
    assert grant.under_water_shown() and grant.flag.text() == "UNDER WATER"
    assert grant.box.title() == "Grant 1 — options under water"
    assert grant.notes["price"].text() == "at or below the strike ($1.20)"
    summary = window.form.summary
    assert summary.equity.text() == "$0"  # 40,000 × max(1.00 − 1.20, 0)
    assert summary.equity_note.isVisible() and summary.equity_note.text() == "options under water"  # never "none"
    company = model.index(row, OfferListModel.COMPANY)
    assert company.data(FlagRole) == ("flag:under_water", "Under water")
    assert company.data(Qt.ItemDataRole.DisplayRole) == "Kestrel Robotics"
    assert company.data(Qt.ItemDataRole.AccessibleTextRole).endswith(
        "stock options under water (at or below their strike)"
    )
    lumen = model.index(model.row_of("sample-lumen"), OfferListModel.COMPANY)
    assert lumen.data(FlagRole) is None  # RSUs are never under water
    assert not window.list_view.grab().isNull()  # the flag is painted beside the name
    type_into(qtbot, grant.price, "4.80")
    assert not grant.under_water_shown() and company.data(FlagRole) is None


def test_a_new_option_grant_is_typed_in_the_order_its_fields_show(qtbot, window):
    """Tab goes to the next field even while the grant still lacks what the following fields hold:
    shares, then price, then strike — never a jump ahead to the first field the grant lacks."""
    form = window.form
    form.equity.add_button.setFocus()
    qtbot.keyClick(form.equity.add_button, Qt.Key.Key_Space)
    grant = form.equity.rows()[1]
    grant.kind.setFocus()
    qtbot.keyClicks(grant.kind, "Stock")  # "Stock options", chosen on the keyboard
    assert grant.kind.currentData() == "option"
    assert grant.shares.hasFocus()  # the first thing an option grant needs
    steps = [("12,000", grant.price), ("0.50", grant.strike), ("$0.0125", grant.fmv)]
    for text, following in steps:
        field = QApplication.focusWidget()
        field.selectAll()  # type: ignore[union-attr]
        qtbot.keyClicks(field, text)
        qtbot.keyClick(field, Qt.Key.Key_Tab)
        assert following.hasFocus(), f"after {text}: {QApplication.focusWidget().accessibleName()}"
    saved = kestrel_grants(window)[1]
    assert (saved.shares, saved.price, saved.strike) == (D(12000), D("0.50"), D("0.0125"))
    # 12,000 × (0.50 − 0.0125) = 12,000 × 0.4875 = 5,850 at the price; 12,000 × 0.0125 = 150 to exercise
    assert grant.notes["price"].text() == "spread at this price: $5,850"
    assert grant.notes["strike"].text() == "cost to exercise: $150"


def kestrel_grants(window):
    return window.workspace.store.get_offer("sample-kestrel").equity
