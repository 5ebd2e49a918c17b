"""The tax-region picker in the offer form and the current job's form: type to search ("Calif…" →
California (US), "Scot…" → Scotland (UK)), among `app.tax.regions()`; a region without rules, or none,
says after-tax figures won't show."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt

from app.files import read_offer_file
from app.models import CurrentJob
from app.resources import sample_offers_path
from app.store import Store
from ui.forms.current_job_form import CurrentJobForm
from ui.forms.offer_form import OfferForm
from ui.widgets.region_picker import RegionPicker, match_rank
from ui.workspace import Workspace

TODAY = date(2026, 11, 20)
NO_REGION = "No tax region: after-tax figures won't show."



@pytest.fixture
def workspace(qapp, tmp_path):
    store = Store.open(tmp_path / "offers.sqlite3")
    ws = Workspace(store, today=lambda: TODAY)
    sample = read_offer_file(sample_offers_path())
    ws.update_settings(sample.settings)
    ws.import_offers(sample.offers)
    yield ws
    store.close()


@pytest.fixture
def form(qtbot, workspace):
    widget = OfferForm(workspace)
    qtbot.addWidget(widget)
    widget.resize(1000, 700)
    widget.set_offer("sample-aurelia")
    widget.show()
    widget.activateWindow()
    qtbot.waitUntil(widget.tax_region.ready, timeout=30_000)  # the list is read off the GUI thread
    return widget


def search(qtbot, picker: RegionPicker, text: str) -> list[str]:
    """Type into the picker as a user does; what the list under it offers, best first."""
    picker.setFocus()
    picker.lineEdit().selectAll()
    qtbot.keyClicks(picker.lineEdit(), text)
    popup = picker.completer().popup()
    qtbot.waitUntil(popup.isVisible)
    model = popup.model()
    return [model.index(row, 0).data() for row in range(model.rowCount())]


def pick_first(qtbot, picker: RegionPicker) -> None:
    popup = picker.completer().popup()
    qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup, Qt.Key.Key_Return)


def test_calif_finds_california_and_scot_finds_scotland(qtbot, form, workspace):
    picker = form.tax_region
    assert picker.currentText() == "England (UK)" and not picker.note.isVisibleTo(form)
    assert search(qtbot, picker, "Calif") == ["California (US)"]
    pick_first(qtbot, picker)
    assert workspace.store.get_offer("sample-aurelia").tax_region == "US-CA"
    assert picker.currentText() == "California (US)"
    assert search(qtbot, picker, "Scot") == ["Scotland (UK)", "Nova Scotia (Canada)"]  # a name's start first
    pick_first(qtbot, picker)
    assert workspace.store.get_offer("sample-aurelia").tax_region == "GB-SCT"
    assert picker.currentText() == "Scotland (UK)"


def test_text_that_names_no_one_region_is_marked_and_not_saved(qtbot, form, workspace):
    picker = form.tax_region
    search(qtbot, picker, "Scot")
    qtbot.waitUntil(lambda: not form._preview_timer.isActive())  # the live summary has had its turn:
    assert form.summary.note.text() == "Over 4 years; follows what you type."  # a half-typed region is no bar
    qtbot.keyClick(picker.completer().popup(), Qt.Key.Key_Escape)
    qtbot.keyClick(picker.lineEdit(), Qt.Key.Key_Return)
    assert form.problems() == {
        "tax_region": '"Scot" matches Scotland (UK) and Nova Scotia (Canada): pick one from the list'
    }
    assert workspace.store.get_offer("sample-aurelia").tax_region == "GB-ENG"
    search(qtbot, picker, "calif")  # one match: taken as it is, without opening the list
    qtbot.keyClick(picker.completer().popup(), Qt.Key.Key_Escape)
    qtbot.keyClick(picker.lineEdit(), Qt.Key.Key_Tab)
    assert workspace.store.get_offer("sample-aurelia").tax_region == "US-CA"
    assert picker.currentText() == "California (US)"


def test_a_region_without_rules_or_none_says_after_tax_figures_wont_show(qtbot, form, workspace):
    picker = form.tax_region
    picker.setFocus()
    picker.lineEdit().selectAll()
    qtbot.keyClicks(picker.lineEdit(), "fr")
    qtbot.keyClick(picker.completer().popup(), Qt.Key.Key_Escape)
    qtbot.keyClick(picker.lineEdit(), Qt.Key.Key_Return)
    assert workspace.store.get_offer("sample-aurelia").tax_region == "FR"  # any ISO 3166 code is allowed
    assert picker.note.text() == "No tax rules for FR yet: after-tax figures won't show."
    assert picker.note.isVisibleTo(form)
    picker.lineEdit().selectAll()
    qtbot.keyClick(picker.lineEdit(), Qt.Key.Key_Delete)
    qtbot.keyClick(picker.lineEdit(), Qt.Key.Key_Return)
    assert workspace.store.get_offer("sample-aurelia").tax_region is None
    assert picker.note.text() == NO_REGION


def test_the_current_jobs_region_is_picked_the_same_way(qtbot, workspace):
    job_form = CurrentJobForm(workspace)
    qtbot.addWidget(job_form)
    job_form.show()
    job_form.activateWindow()
    picker = job_form.tax_region
    qtbot.waitUntil(picker.ready, timeout=30_000)
    assert picker.currentText() == "Washington (US)"
    assert search(qtbot, picker, "Calif") == ["California (US)"]
    pick_first(qtbot, picker)
    job: CurrentJob | None = workspace.store.load_settings().current_job
    assert job is not None and job.tax_region == "US-CA" and job.company == "Harbor Freight Systems"


def test_how_typed_text_ranks_a_region() -> None:
    assert match_rank("Scot", "GB-SCT", "Scotland (UK)") == 0  # the name starts with it
    assert match_rank("scot", "CA-NS", "Nova Scotia (Canada)") == 1  # a word starts with it
    assert match_rank("us-c", "US-CA", "California (US)") == 1  # the code starts with it
    assert match_rank("fornia", "US-CA", "California (US)") == 2  # inside the name
    assert match_rank("Bavaria", "DE", "Germany") is None
