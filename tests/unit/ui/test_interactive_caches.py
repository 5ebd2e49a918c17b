"""What the window keeps between repaints (written amounts, the compare table's cells and column
widths, the charts' words, the list's rows) is never shown stale: an edit, its undo and a settings
change each show the new figure in Compare and in the list at once.

The window is the real one on a real store, Compare open, as a user has it. Expected figures are
worked out by hand beside them.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QColor, QPalette

from app.files import read_offer_file
from app.models import Offer, Settings
from app.resources import sample_offers_path
from app.rubric import DEFAULT_RUBRIC
from tests.unit.ui.compare_helpers import cell
from tests.unit.ui.test_compare_view import SMALL_OFFERS
from ui.main_window import COMPARE_TAB, MainWindow
from ui.models.comparison_model import DifferenceTextRole
from ui.models.list_roles import PillRole
from ui.models.offer_list_model import OfferListModel
from ui.workspace import Workspace

D = Decimal


# Two years, shown in USD, EUR at 1.08 (the first three offers of test_compare_view.py):
#   Alpha year 1: 100,000 + 10,000 bonus + 20,000 sign-on + 10,000 RSUs (40,000 over 4 years)
#                 + 1,000 benefits + 5,000 relocation = 146,000
#   Beta year 1: 120,000 + 1,000 gym = 121,000; year 2 the same: 242,000 over two years
#   Gamma (EUR) year 1: 110,000 + 10,000.05 + 925.93 = 120,925.98 EUR, converted as one figure
#                 (app.comparison's rule): × 1.08 = 130,600.0584 → 130,600.06
OFFERS = SMALL_OFFERS[:3]
SETTINGS = Settings(display_currency="USD", fx={"EUR": D("1.08")}, horizon_years=2)


@pytest.fixture
def window(qtbot, store, tmp_path):
    workspace = Workspace(store)
    workspace.import_offers(OFFERS)
    workspace.update_settings(SETTINGS)
    win = MainWindow(workspace, QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(win)
    win.resize(1280, 800)
    win.show()
    win.tabs.setCurrentIndex(COMPARE_TAB)
    qtbot.waitExposed(win)
    yield win
    win.close()


def shown(window: MainWindow, key: str, offer_id: str, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
    """The compare table's cell (through its filter) for a row key and an offer."""
    return cell(window.compare_view, key, offer_id, role)


def listed(window: MainWindow, offer_id: str, column: int) -> str:
    """What the offer list (through its filter) shows in a row's column."""
    model = window.list_model
    source = model.index(model.row_of(offer_id), column)
    return window.proxy.mapFromSource(source).data()


def edit_base(window: MainWindow, offer_id: str, base: int) -> None:
    workspace = window.workspace
    offer = workspace.offer(offer_id)
    assert workspace.update_offer(Offer.model_validate({**offer.model_dump(), "base_salary": base}))


def test_an_edit_and_its_undo_show_at_once_in_compare_and_the_list(qtbot, window):
    window.compare_view.show_differences_check.setChecked(True)  # against Alpha, the first offer
    assert shown(window, "year:1", "beta") == "$121,000.00"
    assert shown(window, "year:1", "beta", DifferenceTextRole) == "−$25,000.00"
    assert shown(window, "year:1", "alpha") == "★ $146,000.00"
    assert listed(window, "beta", OfferListModel.YEAR_ONE) == "$121,000.00"
    assert "Beta: $121K after year 1, $242K after year 2." in window.compare_view.lines_chart.accessibleDescription()

    edit_base(window, "beta", 150000)
    # Beta year 1: 150,000 + 1,000 = 151,000, now the best; +5,000 against Alpha's 146,000
    assert shown(window, "year:1", "beta") == "★ $151,000.00"
    assert shown(window, "year:1", "beta", DifferenceTextRole) == "+$5,000.00"
    assert shown(window, "year:1", "alpha") == "$146,000.00"
    assert shown(window, "total", "beta") == "★ $302,000.00"  # 151,000 × 2
    assert listed(window, "beta", OfferListModel.YEAR_ONE) == "$151,000.00"
    assert "Beta: $151K after year 1, $302K after year 2." in window.compare_view.lines_chart.accessibleDescription()

    window.workspace.undo_stack.undo()
    assert shown(window, "year:1", "beta") == "$121,000.00"
    assert shown(window, "year:1", "beta", DifferenceTextRole) == "−$25,000.00"
    assert shown(window, "year:1", "alpha") == "★ $146,000.00"
    assert shown(window, "total", "beta") == "$242,000.00"
    assert listed(window, "beta", OfferListModel.YEAR_ONE) == "$121,000.00"
    assert "Beta: $121K after year 1, $242K after year 2." in window.compare_view.lines_chart.accessibleDescription()

    window.workspace.undo_stack.redo()
    assert shown(window, "year:1", "beta") == "★ $151,000.00"
    assert listed(window, "beta", OfferListModel.YEAR_ONE) == "$151,000.00"


def test_a_new_rate_shows_at_once_in_compare_and_undo_brings_the_old_one_back(qtbot, window):
    assert shown(window, "year:1", "gamma") == "$130,600.06"
    assert listed(window, "gamma", OfferListModel.YEAR_ONE) == "€120,925.98"  # in its own currency
    window.workspace.update_settings(SETTINGS.model_copy(update={"fx": {"EUR": D("1.10")}}))
    assert shown(window, "year:1", "gamma") == "$133,018.58"  # 120,925.98 × 1.10 = 133,018.578
    # two years: 120,925.98 + 110,925.93 = 231,851.91 EUR × 1.10 = 255,037.101 → 255,037.10
    assert shown(window, "total", "gamma") == "$255,037.10"
    assert listed(window, "gamma", OfferListModel.YEAR_ONE) == "€120,925.98"  # the list's figure has no rate
    window.workspace.undo_stack.undo()
    assert shown(window, "year:1", "gamma") == "$130,600.06"


def test_the_horizon_changes_the_table_and_the_charts_words(qtbot, window):
    window.workspace.update_settings(SETTINGS.model_copy(update={"horizon_years": 3}))
    assert shown(window, "total", "beta") == "$363,000.00"  # 121,000 × 3
    assert "Beta: $121K after year 1, $242K after year 2, $363K after year 3." in (
        window.compare_view.lines_chart.accessibleDescription()
    )


def test_a_new_tier_threshold_shows_at_once_in_the_list(qtbot, store, tmp_path):
    """The sample's Kestrel Robotics scores 92: a grand slam from 90, strong when grand slam starts at 95."""
    workspace = Workspace(store)
    workspace.import_offers(read_offer_file(sample_offers_path()).offers)
    workspace.update_settings(Settings(display_currency="USD", fx={"GBP": D("1.27")}, horizon_years=4))
    win = MainWindow(workspace, QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    assert listed(win, "sample-kestrel", OfferListModel.TIER) == "Grand slam"
    changed = {"grand_slam_from": 95, "version": "2026.12-1 (edited)"}
    workspace.update_settings(
        workspace.settings().model_copy(update={"rubric": DEFAULT_RUBRIC.model_copy(update=changed)})
    )
    assert listed(win, "sample-kestrel", OfferListModel.TIER) == "Strong"
    assert listed(win, "sample-lumen", OfferListModel.TIER) == "Grand slam"  # 100
    workspace.undo_stack.undo()
    assert listed(win, "sample-kestrel", OfferListModel.TIER) == "Grand slam"
    win.close()


def column(window: MainWindow, column: int, role: int = Qt.ItemDataRole.DisplayRole) -> list:
    """A column of the list as shown, top to bottom (through its filter and sort)."""
    return [window.proxy.index(row, column).data(role) for row in range(window.proxy.rowCount())]


def test_the_lists_painted_rows_follow_an_edit_a_filter_a_sort_and_an_undo(qtbot, window):
    """The list answers a painted row from what it worked out for the whole row (the badge's words, the
    tooltip, the sort key): each of these changes shows at once."""
    window.list_view.viewport().repaint()  # the rows are painted: their answers are kept
    pill = PillRole
    assert column(window, OfferListModel.COMPANY) == ["Alpha", "Beta", "Gamma"]
    assert column(window, OfferListModel.STAGE, pill) == [("stage:offer", "Offer received", False)] * 3
    # no timeline: not rated, and the tooltip says what to add
    assert column(window, OfferListModel.TIER, pill)[1] == ("tier:none", "Not rated", False)
    assert column(window, OfferListModel.TIER, Qt.ItemDataRole.ToolTipRole)[1] == (
        "Not rated yet: add the timeline (when you interviewed, when the offer came)"
    )
    assert column(window, OfferListModel.YEAR_ONE, Qt.ItemDataRole.ToolTipRole) == [
        "Year 1 total $146,000.00, in USD",
        "Year 1 total $121,000.00, in USD",
        "Year 1 total €120,925.98, in EUR",
    ]

    # by year 1 in USD, highest first: Alpha 146,000; Gamma 120,925.98 EUR × 1.08 = 130,600.06; Beta 121,000
    window.list_view.sortByColumn(OfferListModel.YEAR_ONE, Qt.SortOrder.DescendingOrder)
    assert column(window, OfferListModel.COMPANY) == ["Alpha", "Gamma", "Beta"]
    assert column(window, OfferListModel.YEAR_ONE) == ["$146,000.00", "€120,925.98", "$121,000.00"]

    edit_base(window, "beta", 150000)  # 151,000 now: first
    assert column(window, OfferListModel.COMPANY) == ["Beta", "Alpha", "Gamma"]
    assert column(window, OfferListModel.YEAR_ONE)[0] == "$151,000.00"
    assert column(window, OfferListModel.YEAR_ONE, Qt.ItemDataRole.ToolTipRole)[0] == "Year 1 total $151,000.00, in USD"

    beta = window.workspace.offer("beta")
    assert window.workspace.update_offer(beta.model_copy(update={"stage": "negotiating"}))
    assert column(window, OfferListModel.STAGE, pill)[0] == ("stage:negotiating", "Negotiating", False)
    assert column(window, OfferListModel.STAGE)[0] == "Negotiating"

    window.search.setText("gam")
    assert column(window, OfferListModel.COMPANY) == ["Gamma"]
    assert column(window, OfferListModel.YEAR_ONE) == ["€120,925.98"]
    window.search.clear()

    window.workspace.undo_stack.undo()  # the stage
    window.workspace.undo_stack.undo()  # the base: Beta last again
    assert column(window, OfferListModel.COMPANY) == ["Alpha", "Gamma", "Beta"]
    assert column(window, OfferListModel.YEAR_ONE) == ["$146,000.00", "€120,925.98", "$121,000.00"]
    assert column(window, OfferListModel.STAGE, pill)[2] == ("stage:offer", "Offer received", False)


def test_badge_pictures_have_the_pixels_of_the_pills_drawn_directly(qtbot, store, tmp_path):
    """The badge delegate copies a picture of each pill cell; the list looks exactly as when every pill is
    drawn on its own (plain rows, alternate rows, a selected row; light and dark)."""
    workspace = Workspace(store)
    workspace.import_offers(read_offer_file(sample_offers_path()).offers)
    win = MainWindow(workspace, QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(win)
    win.resize(1280, 720)
    win.show()
    qtbot.waitExposed(win)
    win.select_offer("sample-kestrel")
    delegate = win._badges
    dark = QPalette(QColor("#34343a"), QColor("#2b2b2e"))  # (button, window): a dark scheme
    for palette in (win.palette(), dark):
        win.list_view.setPalette(palette)
        pictured = win.list_view.grab().toImage()
        assert delegate._pictures, "no pill was drawn from a picture"
        delegate._plain_style = dict.fromkeys(delegate._plain_style, False)  # every pill drawn directly
        direct = win.list_view.grab().toImage()
        delegate._plain_style.clear()
        assert pictured == direct
    win.close()
