"""Compare's "After tax" switch and Settings' tax year and filing status (issue 16), acted through
clicks and keys on a real window over a real store. Every expected figure is worked by hand from the
rule files (resources/tax/2026/US.toml, US-WA.toml), the arithmetic beside it.

2026, single filer: federal brackets 10 % to 12,400, 12 % to 50,400, 22 % to 105,700, 24 % to
201,775, 32 % to 256,225, 35 % to 640,600; standard deduction 16,100; Social Security 6.2 % to
184,500; Medicare 1.45 %, and 0.9 % more above 200,000; Washington: no income tax, PFML 0.807159 %
to 184,500, WA Cares 0.58 %.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication

from app.files import read_offer_file
from app.models import CurrentJob, Offer, TaxSettings
from app.resources import resource_path
from tests.unit.ui.compare_helpers import cell, header, open_settings, press_ok
from ui.compare_view import CompareView
from ui.main_window import COMPARE_TAB, MainWindow
from ui.models.comparison_model import (
    FIRST_OFFER_COLUMN,
    LABEL_COLUMN,
    DifferenceTextRole,
    HeaderDetailRole,
    HeaderTitleRole,
)
from ui.settings_dialog import TAX_TAB
from ui.workspace import Workspace

D = Decimal
SAMPLE = read_offer_file(resource_path("samples", "after-tax.json"))  # Seattle, San Francisco, NYC, London, Berlin
# the current job, in Washington: 175,000 a year, nothing else
JOB = CurrentJob.model_validate(
    {"company": "Ridgeway", "role": "Engineer", "tax_region": "US-WA", "base_salary": 175000}
)
REMOTE = Offer(id="remote", company="Remote Co", role="Engineer", base_salary=D(100000))  # no tax region


@pytest.fixture
def workspace(qapp, store):
    ws = Workspace(store, today=lambda: date(2026, 11, 20))
    ws.import_offers([*SAMPLE.offers, REMOTE])
    ws.update_settings(SAMPLE.settings.model_copy(update={"current_job": JOB}))
    return ws


@pytest.fixture
def window(qtbot, workspace, tmp_path):
    win = MainWindow(workspace, QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(win)
    win.resize(1280, 720)
    win.show()
    win.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is win)
    win.tabs.setCurrentIndex(COMPARE_TAB)
    win.compare_view.set_checked(["seattle", "remote"])
    yield win
    win.close()


def flip_after_tax(qtbot, view: CompareView) -> None:
    """What a user does: Alt+T, the switch's mnemonic, from the table."""
    view.table.setFocus()
    qtbot.waitUntil(view.table.hasFocus)
    was = view.after_tax_check.isChecked()
    qtbot.keyClick(view.table, Qt.Key.Key_T, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: view.after_tax_check.isChecked() != was)  # a mnemonic clicks after a short flash


def test_the_after_tax_switch_shows_seattle_after_tax_with_its_label(qtbot, window):
    view = window.compare_view
    assert cell(view, "year:1", "seattle") == "★ $300,000"  # 200,000 base + 20,000 bonus + 80,000 RSUs
    assert not view.tax_note.isVisibleTo(view)
    flip_after_tax(qtbot, view)
    assert view.after_tax_check.isChecked()
    # Seattle, year 1: 300,000 taxed. Federal: 300,000 − 16,100 = 283,900 taxable;
    #   1,240 + 4,560 + 12,166 + 24 % × 96,075 (23,058) + 32 % × 54,450 (17,424) + 35 % × 27,675 (9,686.25)
    #   = 68,134.25. Social Security 6.2 % × 184,500 = 11,439.00; Medicare 1.45 % × 300,000 = 4,350.00
    #   + 0.9 % × 100,000 = 900.00; PFML 0.807159 % × 184,500 = 1,489.21; WA Cares 0.58 % × 300,000
    #   = 1,740.00. Tax 88,052.46; after tax 300,000 − 88,052.46 = 211,947.54.
    assert cell(view, "year:1", "seattle") == "★ $211,947.54"
    assert cell(view, "total", "seattle") == "★ $847,790.16"  # 4 × 211,947.54
    assert cell(view, "tax", "seattle") == "$352,209.84"  # 4 × 88,052.46
    # staying pays less tax (186,196.12), but the smallest tax bill is no prize: nobody is starred there
    assert cell(view, "tax", "current_job") == "$186,196.12"  # 4 × 46,549.03
    # staying, after tax too: 175,000 − 16,100 = 158,900 taxable; 1,240 + 4,560 + 12,166 + 24 % × 53,200
    # (12,768) = 30,734; SS 10,850.00; Medicare 2,537.50; PFML 1,412.53; WA Cares 1,015.00 → 46,549.03
    stay = view.model.offer_column(FIRST_OFFER_COLUMN).offer_id
    assert cell(view, "year:1", stay) == "$128,450.97"  # 175,000 − 46,549.03
    # a column without a tax region says so instead of a number
    assert cell(view, "year:1", "remote") == "no tax region"
    assert "pick where this pay is taxed" in cell(view, "year:1", "remote", Qt.ItemDataRole.ToolTipRole)
    # the label beside the figures: under each name the place taxed, above the table the estimate's words
    assert [header(view, i, HeaderDetailRole) for i in range(3)] == [
        "Washington (US)",
        "Washington (US)",
        "no tax region",
    ]
    assert view.tax_note.isVisibleTo(view)
    assert view.tax_note.text() == "After tax: estimate, 2026 rules, single filer, this pay as the only income."
    qtbot.mouseClick(view.tax_more, Qt.MouseButton.LeftButton)  # every note
    notes = view.tax_note.text().split("\n")
    assert "Options (taxed when you exercise them) and benefits are not taxed here: they are counted whole." in notes
    assert notes[-1] == "Remote Co: no tax region: pick where this pay is taxed to see it after tax."
    assert view.model.headerData(LABEL_COLUMN, Qt.Orientation.Horizontal, HeaderTitleRole) == "Figures in USD after tax"
    # the charts follow: after-tax bars and running totals, their legend says what is not taxed
    seattle = next(s for s in view.lines_chart.series() if s.offer_id == "seattle")
    assert seattle.years[0].total == D("211947.54") and seattle.years[3].cumulative == D("847790.16")
    assert [s.offer_id for s in view.bars_chart.series()] == ["current_job", "seattle"]  # Remote: no estimate
    assert view.bars_chart.part_names()["benefits"] == "Benefits (not taxed)"
    assert view.bars_chart.note() == "Not charted (no after-tax estimate): Remote Co"
    assert view.bars_chart.title() == "Pay per year, by part (after tax, estimate)"
    # and back
    flip_after_tax(qtbot, view)
    assert cell(view, "year:1", "seattle") == "★ $300,000"
    assert not view.tax_note.isVisibleTo(view)
    assert view.bars_chart.part_names()["benefits"] == "Benefits"


def test_break_even_after_tax(qtbot, window, workspace):
    """An offer in Washington against staying there, over 2 years, before and after tax.

    Offer: 150,000 base + 100,000 of RSUs vesting 25 % a year + 5,000 of benefits; staying: 175,000.
    Before tax: year 1 180,000 vs 175,000 (+5,000); year 2 needs 170,000 = 155,000 + 25,000 × (1 + g)
    → g = −40.0 %. After tax: year 1 133,450.97 vs 128,450.97 (+5,000, both 175,000 taxed); year 2
    needs 5,000 less than staying's 128,450.97 after tax: the RSUs lose 10,000 after tax, taxed at the
    margin 24 + 6.2 + 1.45 + 0.807159 + 0.58 = 33.037159 %, so 10,000 ÷ 0.66962841 = 14,933.74 before
    tax: 25,000 × (1 + g) = 10,066.26 → g = −59.7 %.
    """
    offer = Offer.model_validate(
        {
            "id": "harbor",
            "company": "Harbor",
            "role": "Engineer",
            "tax_region": "US-WA",
            "base_salary": 150000,
            "equity": [{"kind": "rsu", "value": 100000}],
            "benefits": [{"name": "401(k) match", "annual_value": 5000}],
        }
    )
    workspace.import_offers([offer])
    workspace.update_settings(workspace.settings().model_copy(update={"horizon_years": 2, "scenarios": []}))
    view = window.compare_view
    view.set_checked(["harbor"])
    qtbot.mouseClick(view.charts.tabBar(), Qt.MouseButton.LeftButton, pos=view.charts.tabBar().tabRect(1).center())
    lines = view.break_even_label.text().split("\n\n")
    assert lines[1] == (
        "• Harbor beats staying at Ridgeway over 2 years if its shares fall by less than 40.0 % a year; "
        "below that, staying is ahead."
    )
    flip_after_tax(qtbot, view)
    lines = view.break_even_label.text().split("\n\n")
    assert lines[0] == "Break-even growth after tax against staying at Ridgeway (the baseline)"
    assert lines[1] == (
        "• Harbor beats staying at Ridgeway over 2 years after tax if its shares fall by less than 59.7 % a year; "
        "below that, staying is ahead."
    )
    chart = view.growth_chart.growth()
    assert (
        chart.after_tax and view.growth_chart.title() == "2-year total against share-price growth (after tax, estimate)"
    )
    # staying is flat at its after-tax total: 2 × 128,450.97; Harbor as offered (0 %): 2 × 133,450.97
    assert {p.total for p in chart.lines[0].points} == {D("256901.94")}
    assert next(p.total for p in chart.lines[1].points if p.growth_pct == 0) == D("266901.94")


def test_tax_year_and_filing_status_in_settings_are_validated_and_undoable(qtbot, window, workspace):
    view = window.compare_view
    flip_after_tax(qtbot, view)
    dialog = open_settings(qtbot, window, "tax")
    assert dialog.tabs.currentIndex() == TAX_TAB
    assert dialog.tax_year.currentText() == "2026" and dialog.filing_status.currentText() == "Single"
    # where each pay is taxed, with the label its figures will carry
    places = dialog.tax_places.text().split("\n")
    assert places[0] == (
        "• Your current job (Ridgeway): Washington (US), estimate, 2026 rules, single filer, "
        "this pay as the only income"
    )
    assert "• Remote Co: no tax region (set it in the offer)" in places
    dialog.tax_year.lineEdit().selectAll()
    qtbot.keyClicks(dialog.tax_year.lineEdit(), "2027")  # no rules of its own: said before OK
    assert dialog.tax_year_hint.text().startswith("The app has no 2027 rules yet")
    assert "• Berlin: Germany, estimate, 2026 rules (2027 not yet published), this pay as the only income" in (
        dialog.tax_places.text().split("\n")
    )
    # a year that is no year is marked at its field, and nothing is applied
    dialog.tax_year.lineEdit().selectAll()
    qtbot.keyClicks(dialog.tax_year.lineEdit(), "20x6")
    press_ok(qtbot, dialog)
    assert dialog.isVisible()
    assert "Tax year: type a year such as 2026 (got 20x6)" in dialog.message.text()
    assert workspace.settings().tax == TaxSettings(year=2026, filing_status="single")
    dialog.tax_year.lineEdit().selectAll()
    qtbot.keyClicks(dialog.tax_year.lineEdit(), "2026")
    dialog.filing_status.setFocus()
    qtbot.keyClick(dialog.filing_status, Qt.Key.Key_Down)  # Single → Married filing jointly
    assert dialog.filing_status.currentText() == "Married filing jointly"
    press_ok(qtbot, dialog)
    assert workspace.settings().tax == TaxSettings(year=2026, filing_status="married_joint")
    # Seattle, married filing jointly: standard deduction 32,200, brackets twice as wide (10 % to 24,800,
    # 12 % to 100,800, 22 % to 211,400, 24 % to 403,550); Medicare's 0.9 % only above 250,000.
    # Federal: 300,000 − 32,200 = 267,800: 2,480 + 9,120 + 24,332 + 24 % × 56,400 (13,536) = 49,468.00;
    # SS 11,439.00; Medicare 4,350.00 + 0.9 % × 50,000 = 450.00; PFML 1,489.21; WA Cares 1,740.00
    # → 68,936.21; after tax 300,000 − 68,936.21 = 231,063.79
    assert cell(view, "year:1", "seattle") == "★ $231,063.79"
    assert "married filing jointly" in view.tax_note.text()
    window.undo_action.trigger()
    assert workspace.settings().tax == TaxSettings(year=2026, filing_status="single")
    assert cell(view, "year:1", "seattle") == "★ $211,947.54"


def test_a_current_job_without_a_tax_region_says_so_and_the_first_taxed_offer_is_the_baseline(qtbot, window, workspace):
    job = JOB.model_copy(update={"tax_region": None})
    workspace.update_settings(workspace.settings().model_copy(update={"current_job": job}))
    view = window.compare_view
    view.set_checked(["seattle", "berlin"])
    flip_after_tax(qtbot, view)
    assert cell(view, "year:1", "current_job") == "no tax region"
    assert header(view, 0, HeaderDetailRole) == "no tax region"
    assert view.baseline_combo.currentText() == "Seattle"  # staying has nothing after tax to measure against
    qtbot.mouseClick(view.show_differences_check, Qt.MouseButton.LeftButton)
    # Berlin: 168,540.03 after tax (the README's sample) − Seattle's 211,947.54
    assert cell(view, "year:1", "berlin", DifferenceTextRole) == "−$43,407.51"
    flip_after_tax(qtbot, view)  # before tax, staying is the baseline again
    assert view.baseline_combo.currentText() == "Stay at Ridgeway"
