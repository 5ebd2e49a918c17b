"""Full offers built on demand (issue 15): the window lists a large file from the offers' stored rows
and builds a pydantic `Offer` only for what it shows in detail — and every screen, undo, redo and
import still work on offers not built yet.

The file: 300 offers "o000" … "o299", each made on 2026-11-01 (an offer event in its timeline), with
a base salary of 100,000 + 100 × its number and nothing else, so its year-1 total is its base:
o000 100,000.00, o150 115,000.00, o298 129,800.00, o299 129,900.00.
"""

from __future__ import annotations

import gc
from decimal import Decimal
from typing import Any

import pytest
from PySide6.QtCore import QSettings, Qt

import app.store.store as store_module
from app.models import Offer
from app.store import Store
from tests.unit.ui.compare_helpers import cell
from ui.compare_view import CompareView
from ui.main_window import MainWindow
from ui.models.offer_list_model import OfferListModel, RawValueRole
from ui.workspace import KEEP_BUILT, Workspace

COUNT = 300


def offer(number: int, **changes: Any) -> Offer:
    return Offer.model_validate(
        {
            "id": f"o{number:03d}",
            "company": f"Company {number:03d}",
            "role": "Engineer",
            "stage": "offer",
            "base_salary": 100_000 + 100 * number,
            "timeline": [{"date": "2026-10-30", "kind": "final_interview"}, {"date": "2026-11-01", "kind": "offer"}],
            **changes,
        }
    )


@pytest.fixture
def built(monkeypatch) -> list[str]:
    """The ids of the offers the store builds (every pydantic Offer read from the file is made here)."""
    made: list[str] = []
    real = store_module.offer_from_rows

    def counted(row, children):
        made.append(row["id"])
        return real(row, children)

    monkeypatch.setattr(store_module, "offer_from_rows", counted)
    return made


@pytest.fixture
def big_file(tmp_path):
    path = tmp_path / "offers.sqlite3"
    with Store.open(path) as store:
        store.import_offers([offer(n) for n in range(COUNT)])
    return path


@pytest.fixture
def workspace(qapp, big_file, built):
    store = Store.open(big_file)
    yield Workspace(store)
    store.close()


def test_a_large_file_opens_without_building_its_offers(workspace, built):
    assert len(workspace.offers()) == 300
    assert workspace.offers()[150].company == "Company 150"
    assert workspace.offers()[150].year_one == Decimal("115000.00")
    # the alternatives every rating cites come from the rows: the two best-paying offers in hand
    top = workspace.evaluator().top_alternatives()
    assert [(a.offer_id, a.year_one) for a in top] == [("o299", Decimal("129900.00")), ("o298", Decimal("129800.00"))]
    assert built == [] and workspace.loads == 0
    # rating one row builds that offer alone
    workspace.evaluator().position("o150")
    assert built == ["o150"] and workspace.loads == 1
    # and asking again builds nothing more: the same object while it is among the last built
    assert workspace.offer("o150") is workspace.offer("o150")
    assert built == ["o150"]


def test_the_list_rates_only_the_rows_it_shows(qtbot, workspace, built):
    model = OfferListModel(workspace)
    assert model.rowCount() == 300
    # company, role and stage of row 200, and its year 1 as a sort key: from its row, nothing built
    assert model.index(200, model.COMPANY).data() == "Company 200"
    assert model.index(200, model.ROLE).data() == "Engineer"
    assert model.index(200, model.STAGE).data() == "Offer received"
    assert model.index(200, model.YEAR_ONE).data(RawValueRole) == 120000.0
    assert built == []
    # its shown year 1 and position: the offer is built to be rated (once)
    assert model.index(200, model.YEAR_ONE).data() == "$120,000.00"
    model.index(200, model.TIER).data()
    assert built == ["o200"]


def test_the_window_builds_only_the_rows_on_screen_and_the_selected_offer(qtbot, big_file, built, tmp_path):
    store = Store.open(big_file)
    window = MainWindow(Workspace(store), QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    window.resize(1280, 720)
    window.show()
    qtbot.waitExposed(window)
    qtbot.wait(50)
    shown = len(built)
    assert 1 <= shown < 60  # the rows a 720-pixel window shows (and the first, selected), never the 300
    assert window.current_offer_id() == "o000" and window.form.company.text() == "Company 000"
    # selecting a row far down shows its full offer, built then
    assert window.select_offer("o270")
    assert window.form.company.text() == "Company 270"
    assert window.form.base_salary.text() == "127,000"
    assert built.count("o270") == 1
    window.close()
    store.close()


def test_edit_undo_and_redo_of_an_offer_not_built(workspace, built):
    store = workspace.store
    model = OfferListModel(workspace)
    # an import replaces o005 (never built): Undo must save the offer as it was
    assert workspace.import_offers([offer(5, base_salary=150_000)]) is not None
    assert built == ["o005"]  # built once, for Undo to keep
    assert model.index(5, model.YEAR_ONE).data() == "$150,000.00"
    workspace.undo_stack.undo()
    assert store.get_offer("o005").base_salary == Decimal("100500")
    assert workspace.offer("o005").base_salary == Decimal("100500")
    assert model.index(5, model.YEAR_ONE).data() == "$100,500.00"
    workspace.undo_stack.redo()
    assert store.get_offer("o005").base_salary == Decimal("150000")
    assert model.index(5, model.YEAR_ONE).data() == "$150,000.00"
    # delete two offers never built; Undo puts them back whole and in place
    before_7, before_8 = store.get_offer("o007"), store.get_offer("o008")
    assert workspace.delete_offers(["o007", "o008"])
    assert [o.id for o in workspace.offers()][6:9] == ["o006", "o009", "o010"]
    workspace.undo_stack.undo()
    assert [o.id for o in workspace.offers()][6:9] == ["o006", "o007", "o008"]
    assert store.get_offer("o007") == before_7 and store.get_offer("o008") == before_8
    assert model.index(8, model.COMPANY).data() == "Company 008"


def test_an_edited_offer_is_never_shown_older_after_it_left_the_cache(workspace, built):
    store = workspace.store
    first = workspace.offer("o001")
    assert workspace.update_offer(first.model_copy(update={"base_salary": Decimal(111111)}))
    del first
    for number in range(100, 100 + KEEP_BUILT + 10):  # browse more offers than are kept built
        workspace.offer(f"o{number:03d}")
    gc.collect()
    # the undo stack holds the edit: the same object, the saved version
    assert workspace.offer("o001").base_salary == Decimal("111111")
    workspace.undo_stack.undo()
    assert workspace.offer("o001").base_salary == Decimal("100100")
    assert store.get_offer("o001").base_salary == Decimal("100100")
    workspace.undo_stack.redo()
    workspace.undo_stack.clear()  # nothing holds the offer any more: built again from the file
    for number in range(200, 200 + KEEP_BUILT + 10):
        workspace.offer(f"o{number:03d}")
    gc.collect()
    loads = workspace.loads
    assert workspace.offer("o001").base_salary == Decimal("111111")
    assert workspace.loads == loads + 1


def test_compare_shows_offers_not_built_yet(qtbot, workspace, built):
    view = CompareView(workspace)
    qtbot.addWidget(view)
    view.set_checked(["o298", "o299"])
    assert view.checked_ids() == ["o298", "o299"]
    assert cell(view, "year:1", "o298", Qt.ItemDataRole.DisplayRole) == "$129,800"
    assert cell(view, "year:1", "o299", Qt.ItemDataRole.DisplayRole) == "★ $129,900"
    # the picker lists all 300 from their rows; the offers built are those compared: the four first
    # in hand it picks by itself when it opens, then the two picked
    assert view.offer_list.count() == 300
    assert built == ["o000", "o001", "o002", "o003", "o298", "o299"]


def test_the_list_reading_on_down_its_rows_builds_a_page_in_one_read(workspace, built, monkeypatch):
    reads: list[int] = []
    real = workspace.store.get_offers
    monkeypatch.setattr(workspace.store, "get_offers", lambda ids: reads.append(len(ids)) or real(ids))
    workspace.build_ahead("o100")  # the row before it is not built: only this one
    assert built == ["o100"] and reads == [1]
    workspace.build_ahead("o101")  # reading on down: the 32 rows o101 … o132, in one read
    assert built[1:] == [f"o{n}" for n in range(101, 133)] and reads == [1, 32]
    for number in range(101, 133):  # painting those rows builds nothing more
        workspace.build_ahead(f"o{number}")
        workspace.evaluator().position(f"o{number}")
    assert len(built) == 33 and reads == [1, 32]
    workspace.build_ahead("o250")  # a row far away (a sorted list): only that one
    assert built[-1] == "o250" and reads == [1, 32, 1]
