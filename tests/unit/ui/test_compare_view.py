"""The compare view: the table shows app/'s figures, marks the best in words and bold, filters, charts.

Widgets are built on a real store in `tmp_path`; expected figures are literals worked out by hand
(the arithmetic beside them), so a wrong number anywhere — in `app/` or in the view — fails.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest
from PySide6.QtCore import QPoint, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QImage, QPainter, QPalette, QPen
from PySide6.QtWidgets import QWidget

from app.comparison import build_comparison
from app.files import read_offer_file
from app.models import Offer, Settings
from app.resources import sample_offers_path
from ui.charts.chart_widget import ChartWidget
from ui.charts.painting import paint_cumulative_lines, paint_stacked_bars
from ui.compare_view import PICK_NOTE, CompareView
from ui.format import money_compact
from ui.models.comparison_model import (
    FIRST_OFFER_COLUMN,
    LABEL_COLUMN,
    ComparisonFilterProxy,
    ComparisonTableModel,
    DifferenceRole,
    DifferenceTextRole,
    DiffersRole,
    HeaderDetailRole,
    HeaderTitleRole,
    LetterRole,
    RawValueRole,
    RowKeyRole,
    StatusRole,
)
from ui.workspace import Workspace

D = Decimal
FX = {"EUR": D("1.08")}
SAMPLE_SETTINGS = Settings(display_currency="USD", fx={"GBP": D("1.27")}, horizon_years=4)


def make_offer(offer_id: str, company: str, **fields: Any) -> Offer:
    return Offer.model_validate({"id": offer_id, "company": company, "role": "Engineer", **fields})


# The offers of tests/unit/app/test_comparison.py (two years, display USD, EUR at 1.08):
# year 1: Alpha 146,000, Beta 121,000, Gamma 130,600.05, Delta 90,800 GBP (no rate)
SMALL_OFFERS = [
    make_offer(
        "alpha",
        "Alpha",
        base_salary=100000,
        bonus={"target_amount": 10000},
        sign_on=[20000],
        equity=[{"kind": "rsu", "value": 40000}],
        benefits=[{"name": "401(k)", "annual_value": 1000}],
        relocation=5000,
    ),
    make_offer("beta", "Beta", base_salary=120000, benefits=[{"name": "Gym", "annual_value": 1000}]),
    make_offer(
        "gamma",
        "Gamma",
        currency="EUR",
        base_salary=110000,
        sign_on=[D("10000.05")],
        benefits=[{"name": "Pension", "annual_value": D("925.93")}],
    ),
    make_offer(
        "delta", "Delta", currency="GBP", base_salary=90000, benefits=[{"name": "Pension", "annual_value": 800}]
    ),
]


@pytest.fixture
def small_workspace(qapp, store):
    ws = Workspace(store)
    ws.import_offers(SMALL_OFFERS)
    ws.update_settings(Settings(display_currency="USD", fx=FX, horizon_years=2))
    return ws


@pytest.fixture
def sample_workspace(qapp, store):
    ws = Workspace(store)
    ws.import_offers(read_offer_file(sample_offers_path()).offers)
    ws.update_settings(SAMPLE_SETTINGS)
    return ws


@pytest.fixture
def small_view(qtbot, small_workspace):
    view = CompareView(small_workspace)
    qtbot.addWidget(view)
    view.resize(1200, 800)
    view.show()
    qtbot.waitExposed(view)
    return view


@pytest.fixture
def sample_view(qtbot, sample_workspace):
    view = CompareView(sample_workspace)
    qtbot.addWidget(view)
    view.resize(1300, 850)
    return view


def cell(view: CompareView, key: str, offer_id: str, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
    """What the table (through its filter) shows for a row key and an offer."""
    table_model = view.table.model()
    column = next(
        c
        for c in range(FIRST_OFFER_COLUMN, table_model.columnCount())
        if view.model.offer_column(c).offer_id == offer_id
    )
    for row in range(table_model.rowCount()):
        if table_model.index(row, LABEL_COLUMN).data(RowKeyRole) == key:
            return table_model.index(row, column).data(role)
    raise KeyError(key)


def visible_keys(view: CompareView) -> list[str]:
    table_model = view.table.model()
    return [table_model.index(r, LABEL_COLUMN).data(RowKeyRole) for r in range(table_model.rowCount())]


def header(view: CompareView, offer_id: str) -> str:
    for c in range(FIRST_OFFER_COLUMN, view.model.columnCount()):
        if view.model.offer_column(c).offer_id == offer_id:
            return view.model.headerData(c, Qt.Orientation.Horizontal)
    raise KeyError(offer_id)


def unstarred(text: str) -> str:
    return text.removeprefix("★ ")


# --- the model -----------------------------------------------------------------------------------


def test_model_and_proxy_pass_the_model_tester(qtmodeltester):
    comparison = build_comparison(SMALL_OFFERS, display_currency="USD", fx=FX, horizon=2)
    model = ComparisonTableModel(comparison)
    qtmodeltester.check(model)  # Qt's own QAbstractItemModelTester
    qtmodeltester.check(model, force_py=True)
    model.set_show_differences(True)
    qtmodeltester.check(model, force_py=True)
    proxy = ComparisonFilterProxy()
    proxy.setSourceModel(model)
    proxy.set_differences_only(True)
    qtmodeltester.check(proxy, force_py=True)
    empty = ComparisonTableModel()
    qtmodeltester.check(empty, force_py=True)


def test_model_roles_numbers_right_aligned_and_raw_values():
    comparison = build_comparison(SMALL_OFFERS, display_currency="USD", fx=FX, horizon=2, baseline_id="beta")
    model = ComparisonTableModel(comparison)
    row = comparison.rows.index(comparison.row("year:1"))
    alpha = model.index(row, FIRST_OFFER_COLUMN)
    assert alpha.data(RawValueRole) == D("146000")
    assert alpha.data(StatusRole) == "best"
    assert alpha.data(DifferenceRole) == D("25000")
    assert alpha.data(DiffersRole) is True
    assert alpha.data(Qt.ItemDataRole.TextAlignmentRole) & Qt.AlignmentFlag.AlignRight
    assert model.index(row, LABEL_COLUMN).data() == "Year 1 total"
    # Gamma's figures have cents, so every amount of the table is written with cents
    assert alpha.data(Qt.ItemDataRole.AccessibleTextRole) == (
        "Alpha, Year 1 total: $146,000.00; best of the offers; +$25,000.00 vs Beta"
    )
    delta = model.index(row, FIRST_OFFER_COLUMN + 3)
    assert delta.data() == "£90,800.00"
    assert "not compared: no GBP rate in Settings" in delta.data(Qt.ItemDataRole.ToolTipRole)
    assert delta.data(Qt.ItemDataRole.FontRole).italic()


# --- the view ------------------------------------------------------------------------------------


def test_offers_made_are_checked_and_interviewing_ones_are_not(sample_view):
    assert sample_view.checked_ids() == ["sample-lumen", "sample-kestrel", "sample-aurelia"]
    states = {
        sample_view.offer_list.item(i).data(Qt.ItemDataRole.UserRole): sample_view.offer_list.item(i).checkState()
        for i in range(sample_view.offer_list.count())
    }
    assert states["sample-tessellate"] == Qt.CheckState.Unchecked
    assert states["sample-lumen"] == Qt.CheckState.Checked


# Lumen, worked by hand from the sample file (USD, 4 years):
#   base 192,000 rising 3 %: 192,000 · 197,760 · 203,692.80 · 209,803.584 → 209,803.58
#   bonus 15 % of that base: 28,800 · 29,664 · 30,553.92 · 31,470.5376 → 31,470.54
#   sign-on 45,000 then 30,000; relocation 12,000 in year 1; benefits 9,200 + 1,200 = 10,400 a year
#   equity: 1,600 × 187.50 = 300,000 vesting 5/15/40/40 % = 15,000 · 45,000 · 120,000 · 120,000, plus a
#   40,000 refresher a year from year 2 vesting 25 % a year: + 0 · 10,000 · 20,000 · 30,000
#   year 1 = 192,000 + 28,800 + 45,000 + 15,000 + 10,400 + 12,000 = 303,200
#   year 2 = 197,760 + 29,664 + 30,000 + 55,000 + 10,400 = 322,824
#   year 3 = 203,692.80 + 30,553.92 + 140,000 + 10,400 = 384,646.72
#   year 4 = 209,803.58 + 31,470.54 + 150,000 + 10,400 = 401,674.12
#   4 years = 1,412,344.84 (the sum); average 1,412,344.84 ÷ 4 = 353,086.21
#   guaranteed = base 803,256.38 + sign-on 75,000 + relocation 12,000 = 890,256.38
#   contingent = the bonuses, 120,488.46; equity = 15,000 + 55,000 + 140,000 + 150,000 = 360,000
# Kestrel: base 168,000 flat; 40,000 options × (4.80 − 1.20) = 144,000 over 4 years = 36,000 a year;
#   benefits 1,500: 205,500 a year, 822,000 in all (guaranteed 672,000 = 4 × 168,000, no bonus)
# One precision in the table (Lumen's year 3 has cents): every cell shows cents.
SAMPLE_TABLE = {
    "sample-lumen": {
        "year:1": "$303,200.00", "year:2": "$322,824.00", "year:3": "$384,646.72", "year:4": "$401,674.12",
        "total": "$1,412,344.84", "annual_average": "$353,086.21", "guaranteed_cash": "$890,256.38",
        "contingent_cash": "$120,488.46", "equity": "$360,000.00",
    },
    "sample-kestrel": {
        "year:1": "$205,500.00", "year:2": "$205,500.00", "year:3": "$205,500.00", "year:4": "$205,500.00",
        "total": "$822,000.00", "annual_average": "$205,500.00", "guaranteed_cash": "$672,000.00",
        "contingent_cash": "$0.00", "equity": "$144,000.00",
    },
}


def test_table_shows_the_figures_app_computes(sample_view):
    for offer_id, rows in SAMPLE_TABLE.items():
        assert {key: unstarred(cell(sample_view, key, offer_id)) for key in rows} == rows, offer_id
    # Aurelia in GBP at 1.27, each component converted on its own: base 118,000 × 1.27 = 149,860;
    # bonus 118,000 × 20 % × 85 % = 20,060 × 1.27 = 25,476.20; sign-on 15,000 × 1.27 = 19,050;
    # RSUs 60,000 × 33 % = 19,800 × 1.27 = 25,146; pension 11,800 × 1.27 = 14,986 → 234,518.20
    assert unstarred(cell(sample_view, "year:1", "sample-aurelia")) == "$234,518.20"


def test_best_cell_is_starred_bold_and_said_in_words(sample_view):
    text = cell(sample_view, "total", "sample-lumen")
    assert text.startswith("★ ")
    font = cell(sample_view, "total", "sample-lumen", Qt.ItemDataRole.FontRole)
    assert isinstance(font, QFont) and font.bold()
    assert "best of the offers" in cell(sample_view, "total", "sample-lumen", Qt.ItemDataRole.ToolTipRole)
    other = cell(sample_view, "total", "sample-kestrel")
    assert not other.startswith("★")
    assert cell(sample_view, "total", "sample-kestrel", Qt.ItemDataRole.FontRole) is None


def test_differences_only_hides_rows_where_every_offer_is_the_same(qtbot, small_view):
    small_view.set_checked(["alpha", "beta", "delta"])  # Gamma's converted benefits are 2,000.01
    assert "benefits" in visible_keys(small_view)  # 2,000 / 2,000 (Delta's GBP is not compared)
    assert cell(small_view, "benefits", "alpha", StatusRole) == "same"
    qtbot.mouseClick(small_view.differences_only_check, Qt.MouseButton.LeftButton)
    assert small_view.differences_only_check.isChecked()
    keys = visible_keys(small_view)
    assert "benefits" not in keys
    assert {"year:1", "total"} <= set(keys)  # year 2 is 121,000 for both: hidden too
    assert small_view.table.model().rowCount() == small_view.model.rowCount() - 2  # benefits, year 2
    qtbot.mouseClick(small_view.differences_only_check, Qt.MouseButton.LeftButton)
    assert "benefits" in visible_keys(small_view)


def test_changing_the_baseline_changes_the_differences(qtbot, small_view):
    assert small_view.baseline_combo.currentText() == "Alpha"
    assert [small_view.baseline_combo.itemText(i) for i in range(small_view.baseline_combo.count())] == [
        "Alpha",
        "Beta",
        "Gamma",
    ]  # Delta has no rate: it can't be a baseline
    assert cell(small_view, "year:1", "beta", DifferenceRole) == D("-25000")
    small_view.baseline_combo.setCurrentIndex(small_view.baseline_combo.findText("Beta"))
    assert cell(small_view, "year:1", "alpha", DifferenceRole) == D("25000")
    assert cell(small_view, "year:1", "gamma", DifferenceRole) == D("9600.06")
    assert cell(small_view, "year:1", "beta", DifferenceRole) is None
    assert cell(small_view, "year:1", "delta", DifferenceRole) is None
    assert cell(small_view, "year:1", "alpha", DifferenceTextRole) is None  # values only until asked
    qtbot.mouseClick(small_view.show_differences_check, Qt.MouseButton.LeftButton)
    # the value stays; the difference is a second line of the same cell
    assert cell(small_view, "year:1", "alpha") == "★ $146,000.00"
    assert cell(small_view, "year:1", "alpha", DifferenceTextRole) == "+$25,000.00"
    assert cell(small_view, "year:1", "gamma", DifferenceTextRole) == "+$9,600.06"
    assert cell(small_view, "year:1", "beta") == "$121,000.00"
    assert cell(small_view, "year:1", "beta", DifferenceTextRole) == ""  # the header says it is the baseline
    assert "(baseline)" in header(small_view, "beta")
    assert cell(small_view, "year:2", "alpha", DifferenceTextRole) == "same"  # 121,000 and 121,000
    # never a difference across currencies
    assert cell(small_view, "year:1", "delta", DifferenceTextRole) == "not compared"


def test_editing_an_offer_updates_the_table(small_view, small_workspace):
    beta = small_workspace.offer("beta")
    assert cell(small_view, "year:1", "beta") == "$121,000.00"
    assert small_workspace.update_offer(Offer.model_validate({**beta.model_dump(), "base_salary": 200000}))
    assert cell(small_view, "year:1", "beta") == "★ $201,000.00"
    assert not cell(small_view, "year:1", "alpha").startswith("★")


def test_offer_without_a_rate_is_flagged_until_a_rate_is_added(small_view, small_workspace):
    assert small_view.rate_note.isVisibleTo(small_view)
    assert small_view.rate_note.text() == "Delta is shown in GBP: add a GBP rate in Settings to compare it."
    assert header(small_view, "delta") == "Delta (GBP, no rate)\nEngineer"
    small_workspace.update_settings(Settings(display_currency="USD", fx={**FX, "GBP": D("1.25")}, horizon_years=2))
    assert not small_view.rate_note.isVisibleTo(small_view)
    assert header(small_view, "delta") == "Delta\nEngineer"
    assert cell(small_view, "year:1", "delta") == "$113,500.00"  # 90,000 × 1.25 + 800 × 1.25


def test_fewer_than_two_offers_asks_for_more(small_view):
    assert not small_view.pick_note.isVisibleTo(small_view)
    for i in range(1, small_view.offer_list.count()):
        small_view.offer_list.item(i).setCheckState(Qt.CheckState.Unchecked)
    assert small_view.checked_ids() == ["alpha"]
    assert small_view.pick_note.isVisibleTo(small_view)
    assert small_view.pick_note.text() == PICK_NOTE
    small_view.offer_list.item(1).setCheckState(Qt.CheckState.Checked)
    assert not small_view.pick_note.isVisibleTo(small_view)
    assert small_view.model.columnCount() == FIRST_OFFER_COLUMN + 2


def test_new_offer_in_hand_joins_the_comparison(small_view, small_workspace):
    small_workspace.add_offer(make_offer("epsilon", "Epsilon", base_salary=50000, stage="negotiating"))
    assert "epsilon" in small_view.checked_ids()
    assert cell(small_view, "year:1", "epsilon") == "$50,000.00"
    small_workspace.add_offer(make_offer("zeta", "Zeta", base_salary=50000, stage="interviewing"))
    assert "zeta" not in small_view.checked_ids()


def test_every_control_has_an_accessible_name(small_view):
    controls = [w for w in small_view.findChildren(QWidget) if w.focusPolicy() != Qt.FocusPolicy.NoFocus]
    controls = [w for w in controls if w.parent() is not None and not w.objectName().startswith("qt_")]
    named = {
        small_view.offer_list,
        small_view.baseline_combo,
        small_view.show_differences_check,
        small_view.differences_only_check,
        small_view.table,
        small_view.bars_chart,
        small_view.lines_chart,
    }
    assert named <= set(controls)
    for widget in named:
        assert widget.accessibleName(), widget


# --- the charts ----------------------------------------------------------------------------------


def _blank(palette: QPalette) -> QImage:
    image = QImage(800, 500, QImage.Format.Format_ARGB32)
    image.fill(palette.color(QPalette.ColorRole.Base))
    return image


def _dark_palette() -> QPalette:
    palette = QPalette()
    for role, color in [
        (QPalette.ColorRole.Base, "#1e1e1e"),
        (QPalette.ColorRole.Window, "#2b2b2b"),
        (QPalette.ColorRole.Text, "#e6e6e6"),
        (QPalette.ColorRole.Highlight, "#3d7bd9"),
    ]:
        palette.setColor(role, QColor(color))
    return palette


@pytest.mark.parametrize("paint", [paint_stacked_bars, paint_cumulative_lines])
@pytest.mark.parametrize("dark", [False, True], ids=["light", "dark"])
def test_charts_paint_into_an_image(qapp, paint, dark):
    comparison = build_comparison(SMALL_OFFERS, display_currency="USD", fx=FX, horizon=2)
    palette = _dark_palette() if dark else QPalette()
    image = _blank(palette)
    painter = QPainter(image)
    try:
        paint(painter, QRectF(0, 0, 800, 500), comparison.series, palette, "USD", title="Chart", note="Note")
    finally:
        painter.end()
    assert image != _blank(palette)
    empty = _blank(palette)
    painter = QPainter(empty)
    try:
        paint(painter, QRectF(0, 0, 800, 500), (), palette, "USD")  # nothing to chart: says so
    finally:
        painter.end()
    assert empty != _blank(palette)


def test_chart_widgets_paint_and_describe_themselves(small_view):
    for chart in (small_view.bars_chart, small_view.lines_chart):
        chart.resize(600, 360)
        image = chart.grab().toImage()
        blank = QImage(image.size(), image.format())
        blank.fill(chart.palette().color(QPalette.ColorRole.Base))
        assert image != blank
        assert "Not charted (no exchange rate): Delta." in chart.accessibleDescription()
    lines = small_view.lines_chart.accessibleDescription()
    assert "Alpha: $146K after year 1, $267K after year 2." in lines
    bars = small_view.bars_chart.accessibleDescription()
    assert "Alpha: year 1 $146K (guaranteed cash $125K, bonus (contingent) $10K, equity $10K, benefits $1K)" in bars


def test_chart_widget_paints_the_shared_picture(qapp):
    comparison = build_comparison(SMALL_OFFERS, display_currency="USD", fx=FX, horizon=2)
    chart = ChartWidget("stacked_bars")
    chart.set_data(comparison.series, "USD")
    palette = chart.palette()
    image = _blank(palette)
    painter = QPainter(image)
    try:
        chart.paint(painter, QRectF(0, 0, 800, 500))
    finally:
        painter.end()
    assert image != _blank(palette)
    chart.deleteLater()


@pytest.mark.parametrize(
    ("value", "currency", "expected"),
    [
        (D("0"), "USD", "$0"),
        (D("950.5"), "USD", "$951"),
        (D("250000"), "USD", "$250K"),
        (D("12500"), "GBP", "£12.5K"),
        (D("999999"), "USD", "$1M"),
        (D("1412344.84"), "USD", "$1.41M"),
        (D("-25824"), "USD", "−$25.8K"),
        (D("2500000000"), "CHF", "CHF\u00a02.5B"),
        (None, "USD", "—"),
    ],
)
def test_money_compact(qapp, value, currency, expected):
    assert money_compact(value, currency) == expected


# --- fitting the window (issue 13, item 1) -------------------------------------------------------

ALL_SAMPLES = ["sample-lumen", "sample-kestrel", "sample-aurelia", "sample-tessellate"]


@pytest.fixture
def window_at_1280(qtbot, sample_workspace, tmp_path):
    from PySide6.QtCore import QSettings

    from ui.main_window import COMPARE_TAB, MainWindow

    window = MainWindow(sample_workspace, QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    window.resize(1280, 720)
    window.show()
    window.tabs.setCurrentIndex(COMPARE_TAB)
    yield window
    window.close()


def shown_width(view: CompareView, row_key: str, offer_id: str) -> int:
    """How wide the cell's text is as drawn (bold when it is the best), measured here, not by the view."""
    text = cell(view, row_key, offer_id)
    font = cell(view, row_key, offer_id, Qt.ItemDataRole.FontRole) or view.table.font()
    return QFontMetrics(font).horizontalAdvance(text)


def offer_section(view: CompareView, offer_id: str) -> int:
    return next(
        c
        for c in range(FIRST_OFFER_COLUMN, view.model.columnCount())
        if view.model.offer_column(c).offer_id == offer_id
    )


def test_four_offers_at_1280_by_720_fit_their_figures_and_keep_the_labels(qtbot, window_at_1280):
    view = window_at_1280.compare_view
    view.set_checked(ALL_SAMPLES)
    qtbot.waitUntil(lambda: view.table.viewport().width() > 0)
    table = view.table
    for offer_id in ALL_SAMPLES:
        width = table.columnWidth(offer_section(view, offer_id))
        for key in visible_keys(view):
            assert width >= shown_width(view, key, offer_id), (offer_id, key)
        company = view.model.offer_column(offer_section(view, offer_id)).company
        bold = QFont(table.horizontalHeader().font())
        bold.setBold(True)
        assert width >= QFontMetrics(bold).horizontalAdvance(company)  # the company is never cut
    # scrolled all the way right, the figures' names are still there, at the left edge
    bar = table.horizontalScrollBar()
    bar.setValue(bar.maximum())
    frozen = table.frozen
    assert frozen.isVisible() and frozen.geometry().left() <= table.frameWidth() + 1
    first = frozen.indexAt(frozen.viewport().rect().topLeft() + QPoint(4, 4))
    assert first.data() == "Year 1 total"
    assert frozen.columnWidth(LABEL_COLUMN) >= QFontMetrics(frozen.font()).horizontalAdvance("Year 1 total")
    # the charts keep a height a plot can be read at, and fold away
    assert view.bars_chart.height() >= 240
    table_height = table.height()
    qtbot.mouseClick(view.charts_button, Qt.MouseButton.LeftButton)
    assert not view.charts.isVisible()
    qtbot.waitUntil(lambda: table.height() > table_height)


def test_two_offers_share_the_width_with_whole_headers(qtbot, window_at_1280):
    view = window_at_1280.compare_view
    view.set_checked(["sample-lumen", "sample-tessellate"])
    qtbot.waitUntil(lambda: view.table.viewport().width() > 0)
    table = view.table
    widths = [table.columnWidth(offer_section(view, i)) for i in ("sample-lumen", "sample-tessellate")]
    assert widths[0] == widths[1]
    # the two offers fill what the names leave (to a pixel or so per column): no half-empty table
    assert abs(table.frozen.columnWidth(LABEL_COLUMN) + sum(widths) - table.viewport().width()) <= 2
    assert table.horizontalScrollBar().maximum() == 0
    header = table.horizontalHeader()
    assert header.height() >= 2 * header.fontMetrics().height()  # company and role on two lines
    section = offer_section(view, "sample-tessellate")
    assert header.model().headerData(section, Qt.Orientation.Horizontal, HeaderTitleRole) == "Tessellate"
    assert header.model().headerData(section, Qt.Orientation.Horizontal, HeaderDetailRole) == (
        "Senior Machine Learning Engineer"
    )
    tip = header.model().headerData(section, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole)
    assert "Tessellate, Senior Machine Learning Engineer" in tip


@pytest.mark.parametrize("count", [2, 6])
def test_differences_sit_under_the_values_and_fit(qtbot, sample_workspace, count):
    for n in range(count - len(ALL_SAMPLES)):  # six offers: two more, with long names
        sample_workspace.add_offer(
            make_offer(f"extra-{n}", f"Northwind Traders International {n}", base_salary=123456 + n, stage="offer")
        )
    view = CompareView(sample_workspace)
    qtbot.addWidget(view)
    view.resize(900, 640)
    view.show()
    ids = [o.id for o in sample_workspace.offers()][:count]
    view.set_checked(ids)
    qtbot.mouseClick(view.show_differences_check, Qt.MouseButton.LeftButton)
    small = QFont(view.table.font())
    small.setPointSizeF(small.pointSizeF() * 0.9)
    for offer_id in ids:
        width = view.table.columnWidth(offer_section(view, offer_id))
        for key in visible_keys(view):
            assert width >= shown_width(view, key, offer_id)
            difference = cell(view, key, offer_id, DifferenceTextRole)
            assert width >= QFontMetrics(small).horizontalAdvance(difference)
    # two lines in a row: the value and its difference
    row_height = view.table.rowHeight(0)
    assert row_height >= QFontMetrics(view.table.font()).height() + QFontMetrics(small).height()
    assert view.table.frozen.rowHeight(0) == row_height


# --- charts (issue 13, item 8) -------------------------------------------------------------------


def test_an_offer_keeps_its_letter_and_colour_whatever_else_is_ticked(sample_view):
    sample_view.set_checked(ALL_SAMPLES)
    with_all = {s.offer_id: s.slot for s in sample_view.comparison().series}
    letter = sample_view.model.headerData(
        offer_section(sample_view, "sample-kestrel"), Qt.Orientation.Horizontal, LetterRole
    )
    assert letter == "B"
    sample_view.set_checked(["sample-kestrel", "sample-tessellate"])
    assert (
        sample_view.model.headerData(
            offer_section(sample_view, "sample-kestrel"), Qt.Orientation.Horizontal, LetterRole
        )
        == "B"
    )  # not "A", though it is the first column now
    assert (
        sample_view.model.headerData(
            offer_section(sample_view, "sample-tessellate"), Qt.Orientation.Horizontal, LetterRole
        )
        == "D"
    )
    alone = {s.offer_id: s.slot for s in sample_view.comparison().series}
    assert alone["sample-kestrel"] == with_all["sample-kestrel"]
    # the line is drawn with the same colour and dash whichever offers are charted with it
    pens_two = _pens_of(sample_view.comparison().series, "sample-kestrel")
    sample_view.set_checked(ALL_SAMPLES)
    pens_all = _pens_of(sample_view.comparison().series, "sample-kestrel")
    assert pens_two == pens_all


class _RecordingPainter(QPainter):
    """A painter that remembers the texts drawn and the pens set, to check what a chart shows."""

    def __init__(self, device):
        super().__init__(device)
        self.texts: list[str] = []
        self.pens: list[tuple[str, Qt.PenStyle]] = []

    def drawText(self, *args):
        self.texts.append(str(args[-1]))
        super().drawText(*args)

    def setPen(self, pen):
        if isinstance(pen, QPen) and pen.widthF() >= 2:
            self.pens.append((pen.color().name(), pen.style()))
        super().setPen(pen)


def _record(paint, series) -> _RecordingPainter:
    image = QImage(700, 420, QImage.Format.Format_ARGB32)
    image.fill(QColor("white"))
    painter = _RecordingPainter(image)
    try:
        paint(painter, QRectF(0, 0, 700, 420), series, QPalette(), "USD", title="Chart")
    finally:
        painter.end()
    return painter


def _pens_of(series, offer_id: str) -> set[tuple[str, Qt.PenStyle]]:
    one = [s for s in series if s.offer_id == offer_id]
    return set(_record(paint_cumulative_lines, one).pens)


def test_a_one_offer_chart_has_no_legend(qapp):
    comparison = build_comparison(SMALL_OFFERS[:2], display_currency="USD", fx=FX, horizon=2)
    two_bars = _record(paint_stacked_bars, comparison.series).texts
    assert {"A", "B", "Alpha", "Beta"} <= set(two_bars)
    one_bars = _record(paint_stacked_bars, comparison.series[:1]).texts
    assert "A" not in one_bars and "Alpha" not in one_bars  # no letters, no offers' key
    assert "Guaranteed cash" in one_bars  # what the colours of the stack mean stays
    two_lines = _record(paint_cumulative_lines, comparison.series).texts
    assert any("by year 2" in t for t in two_lines)
    one_lines = _record(paint_cumulative_lines, comparison.series[:1]).texts
    assert not any("by year" in t for t in one_lines)


def test_one_table_one_precision(sample_view):
    # Lumen's year 3 has cents, so every figure of the table is written with cents, whole ones too
    sample_view.set_checked(["sample-lumen", "sample-kestrel"])
    assert unstarred(cell(sample_view, "year:3", "sample-lumen")) == "$384,646.72"
    assert cell(sample_view, "year:3", "sample-kestrel") == "$205,500.00"
    # Kestrel on its own has no cents anywhere: whole dollars
    sample_view.set_checked(["sample-kestrel", "sample-tessellate"])
    assert cell(sample_view, "year:3", "sample-kestrel") == "$205,500"
