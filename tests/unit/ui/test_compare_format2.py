"""Compare and Settings with format 2's parts (issue 11): the Stay column, rates that mean one thing,
a proposed rate accepted, scenarios edited in Settings, break-even lines.

Acted through clicks and keys on a real window over a real store; every expected figure is worked
out by hand below, from these offers (display USD, rates quoted in USD: EUR 1.25, GBP 1.5; 2 years):

- Alder (USD): base 100,000 + an RSU grant of 40,000 vesting 50 % a year → 120,000 a year, 240,000.
- Birch (EUR): base 80,000 a year → 160,000 EUR; in dollars 80,000 × 1.25 = 100,000 a year.
- Douglas (CHF, no rate): base 100,000 a year.
- The current job, Cedar Works (USD): base 105,000 + 10,000 vesting each year → 115,000 a year,
  230,000; leaving costs 15,000 forfeit + 5,000 repaid = 20,000.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QLineEdit

import ui.rate_proposals
from app.models import CurrentJob, Offer, Settings
from app.reference_rates import ProposedRate
from tests.unit.ui.compare_helpers import cell, header, open_settings, press_ok
from ui.compare_view import STAY_NOTE
from ui.main_window import COMPARE_TAB, MainWindow
from ui.models.comparison_model import (
    FIRST_OFFER_COLUMN,
    LABEL_COLUMN,
    DifferenceTextRole,
    HeaderDetailRole,
    HeaderTitleRole,
    LetterRole,
    RowKeyRole,
)
from ui.settings_dialog import RATES_TAB, SCENARIOS_TAB
from ui.workspace import Workspace

D = Decimal
OFFERS = [
    Offer.model_validate(
        {
            "id": "alder",
            "company": "Alder",
            "role": "Engineer",
            "base_salary": 100000,
            "equity": [{"kind": "rsu", "value": 40000, "vesting": {"years_pct": [50, 50]}}],
        }
    ),
    Offer(id="birch", company="Birch", role="Engineer", currency="EUR", base_salary=D(80000)),
    Offer(id="douglas", company="Douglas", role="Engineer", currency="CHF", base_salary=D(100000)),
]
JOB = CurrentJob.model_validate(
    {
        "company": "Cedar Works",
        "role": "Engineer II",
        "base_salary": 105000,
        "equity_by_year": [10000, 10000],
        "forfeit_on_leaving": [{"what": "RSUs due in March", "amount": 15000}],
        "repay_on_leaving": [{"what": "sign-on", "amount": 5000}],
    }
)
SETTINGS = Settings(display_currency="USD", fx_base="USD", fx={"EUR": D("1.25"), "GBP": D("1.5")}, horizon_years=2)


@pytest.fixture
def workspace(qapp, store):
    ws = Workspace(store, today=lambda: date(2026, 11, 20))
    ws.import_offers(OFFERS)
    ws.update_settings(SETTINGS.model_copy(update={"current_job": JOB}))
    return ws


@pytest.fixture
def window(qtbot, workspace, tmp_path):
    win = MainWindow(workspace, QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(win)
    win.resize(1280, 720)
    win.show()
    win.tabs.setCurrentIndex(COMPARE_TAB)
    win.compare_view.set_checked(["alder", "birch", "douglas"])
    yield win
    win.close()


def type_in_cell(qtbot, table, row: int, column: int, text: str) -> None:
    """What a user does: go to the cell, F2 to edit it, type, Enter."""
    table.setCurrentCell(row, column)
    qtbot.keyClick(table, Qt.Key.Key_F2)
    editor = next(w for w in table.findChildren(QLineEdit) if w.isVisible())
    editor.selectAll()
    qtbot.keyClicks(editor, text)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: table.item(row, column).text() == text)  # Qt commits on the next turn


# --- the Stay column -----------------------------------------------------------------------------


def test_a_current_job_is_the_stay_column_first_and_the_baseline(qtbot, window):
    view = window.compare_view
    assert [header(view, i, HeaderTitleRole) for i in range(3)] == ["Stay", "Alder", "Birch"]
    assert header(view, 0, HeaderDetailRole) == "Cedar Works"  # the current job's name in its header
    assert header(view, 0, LetterRole) == "S" and header(view, 1, LetterRole) == "A"
    assert view.baseline_combo.currentText() == "Stay at Cedar Works"
    assert not view.stay_note.isVisibleTo(view)
    stay = view.model.offer_column(FIRST_OFFER_COLUMN).offer_id
    assert cell(view, "year:1", stay) == "$115,000"
    # what leaving costs, right under year 1: 15,000 forfeit + 5,000 repaid; staying leaves nothing
    keys = [view.table.model().index(r, LABEL_COLUMN).data(RowKeyRole) for r in range(4)]
    assert keys == ["year:1", "leaving_cost", "year:1:after_leaving", "year:2"]
    assert cell(view, "leaving_cost", "alder") == "$20,000"
    assert cell(view, "leaving_cost", "birch") == "$20,000"
    assert cell(view, "leaving_cost", stay) == "—"
    assert cell(view, "year:1:after_leaving", "alder") == "$100,000"  # 120,000 − 20,000
    assert cell(view, "year:1:after_leaving", "birch") == "$80,000"  # 100,000 − 20,000
    # differences against staying: Alder 120,000 − 115,000; Birch 100,000 − 115,000
    qtbot.mouseClick(view.show_differences_check, Qt.MouseButton.LeftButton)
    assert cell(view, "year:1", "alder", DifferenceTextRole) == "+$5,000"
    assert cell(view, "year:1", "birch", DifferenceTextRole) == "−$15,000"
    assert cell(view, "total", "alder", DifferenceTextRole) == "+$10,000"  # 240,000 − 230,000
    assert "(baseline)" in header(view, 0, HeaderTitleRole)
    # the charts have staying too, with its own letter
    assert view.bars_chart.series()[0].label == "Stay at Cedar Works"
    assert "Stay at Cedar Works: $115K after year 1, $230K after year 2." in view.lines_chart.accessibleDescription()


def test_without_a_current_job_compare_says_how_to_add_one(qtbot, window, workspace):
    view = window.compare_view
    asked = []
    view.current_job_requested.connect(lambda: asked.append(True))
    workspace.update_settings(workspace.settings().model_copy(update={"current_job": None}))
    assert view.stay_button.isVisibleTo(view)  # the window answers it: the current job's form
    assert view.stay_note.isVisibleTo(view) and view.stay_note.text() == STAY_NOTE
    assert header(view, 0, HeaderTitleRole) == "Alder"
    assert view.baseline_combo.currentText() == "Alder"  # staying was the baseline: the first offer is now
    assert view.comparison().row("year:1").differences[1] == D("-20000")  # Birch 100,000 − Alder 120,000
    qtbot.mouseClick(view.stay_button, Qt.MouseButton.LeftButton)
    assert asked == [True]
    assert window.detail.currentWidget() is window.job_form  # the form to enter it, in place of the offer's tabs
    workspace.undo_stack.undo()  # the job is back: so is its column, and the note goes
    next(a for a in window.actions() if a.shortcut().toString() == "Ctrl+3").trigger()  # back to Compare
    assert header(view, 0, HeaderTitleRole) == "Stay"
    assert not view.stay_note.isVisibleTo(view)


def test_a_current_job_entered_while_compare_is_open_becomes_the_stay_column(qtbot, window, workspace):
    """The job form (f2-editor's) saves through the workspace; Compare follows at once."""
    view = window.compare_view
    workspace.update_settings(workspace.settings().model_copy(update={"current_job": None}))
    assert header(view, 0, HeaderTitleRole) == "Alder" and view.stay_note.isVisibleTo(view)
    job = CurrentJob.model_validate({"company": "Spruce Labs", "role": "Engineer", "base_salary": 90000})
    workspace.update_settings(workspace.settings().model_copy(update={"current_job": job}), "Edit the current job")
    assert [header(view, i, HeaderTitleRole) for i in range(3)] == ["Stay", "Alder", "Birch"]
    assert header(view, 0, HeaderDetailRole) == "Spruce Labs"
    assert view.baseline_combo.currentText() == "Stay at Spruce Labs"  # "should I leave?" is the question
    stay = view.model.offer_column(FIRST_OFFER_COLUMN).offer_id
    assert cell(view, "year:1", stay) == "$90,000"
    assert cell(view, "total", stay) == "$180,000"  # 90,000 × 2 years
    assert cell(view, "leaving_cost", "alder") == "$0"  # nothing forfeit, nothing to repay
    # differences against staying: Alder 120,000 − 90,000; Birch 100,000 − 90,000
    qtbot.mouseClick(view.show_differences_check, Qt.MouseButton.LeftButton)
    assert cell(view, "year:1", "alder", DifferenceTextRole) == "+$30,000"
    assert cell(view, "year:1", "birch", DifferenceTextRole) == "+$10,000"
    assert not view.stay_note.isVisibleTo(view)


# --- rates ---------------------------------------------------------------------------------------


def test_switching_the_display_currency_converts_every_figure_through_the_rates(qtbot, window, workspace):
    view = window.compare_view
    stay = view.model.offer_column(FIRST_OFFER_COLUMN).offer_id
    assert (cell(view, "year:1", "alder"), cell(view, "year:1", "birch")) == ("★ $120,000", "$100,000")
    dialog = open_settings(qtbot, window)
    dialog.currency.setFocus()
    dialog.currency.lineEdit().selectAll()
    qtbot.keyClicks(dialog.currency.lineEdit(), "EUR")
    # the dialog says what the switch does: the rates stay, the figures convert through them
    # (1 USD = 1 ÷ 1.25 = 0.8 EUR; 1 GBP = 1.5 ÷ 1.25 = 1.2 EUR)
    assert "1 USD = 0.8 EUR" in dialog.cross_rates.text()
    press_ok(qtbot, dialog)
    assert workspace.settings().fx == {"EUR": D("1.25"), "GBP": D("1.5")}  # no rate changed meaning
    assert workspace.settings().fx_base == "USD"
    # dollars ÷ 1.25: 120,000 → 96,000; staying 115,000 → 92,000; its total 230,000 → 184,000;
    # leaving 20,000 → 16,000; Birch is in euros already: 80,000
    assert cell(view, "year:1", "alder") == "★ €96,000"
    assert cell(view, "total", "alder") == "★ €192,000"
    assert cell(view, "year:1", stay) == "€92,000"
    assert cell(view, "total", stay) == "€184,000"
    assert cell(view, "leaving_cost", "birch") == "€16,000"
    assert cell(view, "year:1", "birch") == "€80,000"
    assert view.lines_chart.series()[1].years[1].cumulative == D("192000.00")  # the charts follow
    # pounds: through dollars, never a euro rate read as pounds: Birch 80,000 € × 1.25 ÷ 1.5 = 66,666.67 £
    workspace.update_settings(workspace.settings().model_copy(update={"display_currency": "GBP"}))
    assert cell(view, "year:1", "birch") == "£66,666.67"
    assert cell(view, "total", "birch") == "£133,333.33"  # 160,000 × 1.25 ÷ 1.5, converted on its own
    assert cell(view, "year:1", "alder") == "★ £80,000.00"  # 120,000 ÷ 1.5 (cents: the table has some)


def test_a_proposed_rate_is_shown_with_its_day_and_source_and_used_only_when_accepted(
    qtbot, window, workspace, monkeypatch
):
    asked = []

    def slow_loader(code, base, on):
        asked.append((code, base, on))
        return ProposedRate(code, base, D("1.1"), date(2026, 11, 13), "ECB reference rates (test)", D("1.1"))

    monkeypatch.setattr(ui.rate_proposals, "propose_rate", slow_loader)
    view = window.compare_view
    assert view.rate_note.text() == "Douglas is shown in CHF: add a CHF rate in Settings to compare it."
    assert "no rate" in header(view, 3, HeaderTitleRole)
    qtbot.mouseClick(view.rates_button, Qt.MouseButton.LeftButton)  # straight to the rates
    dialog = window.settings_dialog
    assert dialog.tabs.currentIndex() == RATES_TAB
    row = dialog.proposal_rows["CHF"]
    qtbot.waitUntil(row.accept_button.isEnabled)
    assert asked == [("CHF", "USD", None)]
    assert "1 CHF = 1.1 USD" in row.text.text() and "Fri, Nov 13, 2026" in row.text.text()
    assert "ECB reference rates (test)" in row.text.text()
    assert "CHF" not in [dialog.fx.item(r, 0).text() for r in range(dialog.fx.rowCount())]  # not used yet
    qtbot.mouseClick(row.accept_button, Qt.MouseButton.LeftButton)
    assert [(dialog.fx.item(r, 0).text(), dialog.fx.item(r, 1).text()) for r in range(dialog.fx.rowCount())][-1] == (
        "CHF",
        "1.1",
    )
    assert dialog.fx_as_of.text() == "11/13/2026"  # the rates had no day: they now say the proposal's
    press_ok(qtbot, dialog)
    assert workspace.settings().fx["CHF"] == D("1.1")
    assert workspace.settings().fx_as_of == date(2026, 11, 13)
    assert cell(view, "year:1", "douglas") == "$110,000"  # 100,000 × 1.1
    # beside the converted figures, the day of the rates that converted them
    assert view.model.headerData(LABEL_COLUMN, Qt.Orientation.Horizontal, HeaderTitleRole) == "Figures in USD"
    assert view.model.headerData(LABEL_COLUMN, Qt.Orientation.Horizontal, HeaderDetailRole) == "rates of 11/13/2026"
    assert not view.rate_note.isVisibleTo(view)
    workspace.undo_stack.undo()
    assert "CHF" not in workspace.settings().fx and cell(view, "year:1", "douglas") == "CHF\u00a0100,000"


# --- scenarios -----------------------------------------------------------------------------------


def test_scenarios_edited_in_settings_show_as_ranges_and_rows(qtbot, window, workspace):
    dialog = open_settings(qtbot, window)
    dialog.tabs.setCurrentIndex(SCENARIOS_TAB)
    qtbot.mouseClick(dialog.defaults_button, Qt.MouseButton.LeftButton)  # flat 0, bear −20, bull +15
    table = dialog.scenarios
    assert [table.item(r, 0).text() for r in range(table.rowCount())] == ["flat", "bear", "bull"]
    type_in_cell(qtbot, table, 2, 1, "25")  # bull: +25 % a year
    type_in_cell(qtbot, table, 1, 2, "-50")  # bear: Alder's own −50 % (column 2 is Alder)
    press_ok(qtbot, dialog)
    scenarios = workspace.settings().scenarios
    assert [(s.name, s.growth_pct, s.offers) for s in scenarios] == [
        ("flat", D(0), {}),
        ("bear", D(-20), {"alder": D(-50)}),
        ("bull", D(25), {}),
    ]
    view = window.compare_view
    # Alder: 200,000 cash + 20,000 vesting in year 1 + 20,000 × (1 + g) in year 2:
    # flat 240,000; bear (own −50 %) 230,000; bull (+25 %) 245,000 — Birch and staying don't move
    assert cell(view, "scenario_range", "alder") == "$230K–$245K"
    assert cell(view, "scenario_range", "birch") == "$200K"
    # at its own growth, marked; level with staying's 230,000, so both are the best of the row
    assert cell(view, "scenario:bear", "alder") == "★ $230,000*"
    assert "Alder's own growth in this scenario, −50\u00a0% a year" in cell(
        view, "scenario:bear", "alder", Qt.ItemDataRole.ToolTipRole
    )
    assert cell(view, "scenario:bull", "alder") == "★ $245,000"
    assert cell(view, "scenario:flat", "birch") == "$200,000"
    workspace.undo_stack.undo()
    assert workspace.settings().scenarios == []
    assert view.model.row_of("scenario_range") == -1


def test_a_bad_growth_is_marked_in_its_cell_and_nothing_is_applied(qtbot, window, workspace):
    dialog = open_settings(qtbot, window)
    dialog.tabs.setCurrentIndex(SCENARIOS_TAB)
    qtbot.mouseClick(dialog.add_scenario_button, Qt.MouseButton.LeftButton)
    type_in_cell(qtbot, dialog.scenarios, 0, 0, "crash")
    type_in_cell(qtbot, dialog.scenarios, 0, 1, "-95")  # below the −90 % the format allows
    press_ok(qtbot, dialog)
    assert dialog.isVisible()
    assert "Scenario 1 (crash), growth: can't be below -90 % a year (got -95)" in dialog.message.text()
    assert dialog.scenarios.item(0, 1).toolTip().startswith("Scenario 1 (crash), growth")
    assert workspace.settings().scenarios == []
    dialog.reject()


def test_break_even_lines_against_staying(qtbot, window):
    view = window.compare_view
    qtbot.mouseClick(view.charts.tabBar(), Qt.MouseButton.LeftButton, pos=view.charts.tabBar().tabRect(1).center())
    assert view.charts.currentIndex() == 1
    # Alder: 220,000 + 20,000 × (1 + g) = 230,000 ⇔ g = −50 %; Birch has no shares: 200,000 < 230,000
    assert view.break_even_label.text().split("\n\n") == [
        "Break-even growth against staying at Cedar Works (the baseline)",
        "• Alder beats staying at Cedar Works over 2 years if its shares fall by less than 50.0 % a year; "
        "below that, staying is ahead.",
        "• Staying at Cedar Works pays more than Birch over 2 years, whatever Birch's shares do (−90 % to +200 % "
        "a year): there is no break-even.",
        "Staying counts your current equity as your broker shows it: growth doesn't change it.",
    ]
    chart = view.growth_chart.growth()
    assert [line.label for line in chart.lines] == ["Stay", "Alder", "Birch"]  # Douglas: no rate
    assert chart.left_out == ("Douglas",)
    # −50 %: 220,000 + 10,000 = 230,000, where Alder meets staying's flat 230,000
    alder = chart.lines[1]
    assert alder.points[0].total == D("230000.00") and chart.lines[0].points[0].total == D("230000.00")


# --- fitting 1280×720 with Stay ------------------------------------------------------------------


@pytest.mark.parametrize("count", [2, 6])
def test_stay_and_two_to_six_offers_stay_readable_at_1280_by_720(qtbot, window, workspace, count):
    from PySide6.QtGui import QFont, QFontMetrics

    extra = [
        Offer(id=f"extra-{n}", company=f"Northwind Traders International {n}", role="Engineer", base_salary=D(123456))
        for n in range(count - 2)
    ]
    if extra:
        workspace.import_offers(extra)
    view = window.compare_view
    ids = ["alder", "birch", *[o.id for o in extra]]
    view.set_checked(ids)
    qtbot.mouseClick(view.show_differences_check, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: view.table.viewport().width() > 0)
    table, model = view.table, view.table.model()
    assert view.model.columnCount() == FIRST_OFFER_COLUMN + 1 + count  # Stay and the offers
    small = QFont(table.font())
    small.setPointSizeF(small.pointSizeF() * 0.9)
    bold = QFont(table.font())
    bold.setBold(True)
    for column in range(FIRST_OFFER_COLUMN, model.columnCount()):
        width = table.columnWidth(column)
        for row in range(model.rowCount()):
            index = model.index(row, column)
            font = index.data(Qt.ItemDataRole.FontRole) or table.font()
            assert width >= QFontMetrics(font).horizontalAdvance(index.data()), (column, row)
            assert width >= QFontMetrics(small).horizontalAdvance(index.data(DifferenceTextRole) or "")
        title = model.headerData(column, Qt.Orientation.Horizontal, HeaderTitleRole)
        assert width >= QFontMetrics(bold).horizontalAdvance(title)  # "Stay (baseline)", a company: whole
    assert view.bars_chart.height() >= 240  # the charts stay legible (and fold away)


def test_the_growth_chart_paints_into_any_painter(qapp, workspace):
    """The painting code takes a painter and a rectangle (the brief will print the same picture)."""
    from PySide6.QtCore import QRectF
    from PySide6.QtGui import QColor, QImage, QPainter, QPalette

    from app.comparison import comparison_for
    from app.scenario_compare import growth_chart
    from ui.charts.painting import paint_growth_lines

    evaluator = workspace.evaluator()
    chart = growth_chart(evaluator, comparison_for(evaluator, ["alder", "birch"], "current_job"))
    texts: list[str] = []

    class Recording(QPainter):
        def drawText(self, *args):
            texts.append(str(args[-1]))
            super().drawText(*args)

    image = QImage(700, 420, QImage.Format.Format_ARGB32)
    image.fill(QColor("white"))
    painter = Recording(image)
    try:
        paint_growth_lines(painter, QRectF(0, 0, 700, 420), chart, QPalette(), title="Growth")
    finally:
        painter.end()
    assert {"Growth", "S Stay at Cedar Works", "A Alder", "−50\u00a0%", "0\u00a0%", "+50\u00a0%"} <= set(texts)
    # 200,000..250,000 (Alder at +50 %: 220,000 + 30,000) in steps of 10,000
    assert {"$200K", "$250K"} <= set(texts)
