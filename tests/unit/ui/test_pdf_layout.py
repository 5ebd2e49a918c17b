"""The PDF's flowing layout: pages break where a reader expects, tables repeat their header, nothing overlaps."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QBuffer, QIODevice
from PySide6.QtGui import QColor, QPdfWriter

from ui.pdf.layout import Column, Flow, Piece, Row, Run, Style, Table, Typesetter, _water_level, paginate


def piece(height: float, **kwargs) -> Piece:
    return Piece(height, lambda _painter, _rect: None, **kwargs)


def test_pieces_fill_pages_in_order() -> None:
    pages = paginate([piece(40), piece(40), piece(40)], top=0, bottom=100)
    assert [[p.top for p in page] for page in pages] == [[0, 40], [0]]


def test_space_before_is_dropped_at_the_top_of_a_page() -> None:
    pages = paginate([piece(90), piece(20, space_before=5)], top=10, bottom=110)
    assert pages[1][0].top == 10


def test_a_heading_moves_to_the_page_of_what_it_introduces() -> None:
    pages = paginate([piece(70), piece(10, keep_with_next=True), piece(30)], top=0, bottom=100)
    assert [len(page) for page in pages] == [1, 2]


def test_a_chain_longer_than_a_page_is_not_kept() -> None:
    chain = [piece(60, keep_with_next=True), piece(60, keep_with_next=True), piece(60)]
    pages = paginate([piece(10), *chain], top=0, bottom=100)
    assert pages[0][1].piece is chain[0]  # no empty page ahead of a chain that can never fit


def test_a_table_repeats_its_header_on_the_next_page() -> None:
    header = piece(10)
    rows = [piece(30, header=header) for _ in range(4)]
    pages = paginate([piece(10, keep_with_next=True), *rows], top=0, bottom=100)
    assert pages[1][0].piece is header and pages[1][1].piece is rows[3]


def test_break_before_starts_a_page() -> None:
    pages = paginate([piece(10), piece(10, break_before=True)], top=0, bottom=100)
    assert len(pages) == 2


@pytest.mark.parametrize(
    ("widths", "room", "cap"), [([10, 20, 30], 60, 30), ([10, 20, 30], 45, 17.5), ([50, 50], 40, 20)]
)
def test_the_widest_columns_give_way_first(widths, room, cap) -> None:
    assert _water_level(widths, room) == pytest.approx(cap)
    assert sum(min(w, _water_level(widths, room)) for w in widths) <= room + 1e-9


@pytest.fixture
def flow(qapp):
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    inks = {name: QColor("black") for name in ("text", "muted", "rule", "rule_strong", "tint")}
    styles = {
        "body": Style(10),
        "table": Style(8),
        "table_head": Style(7, bold=True),
        "table_bold": Style(8, bold=True),
        "h1": Style(14, bold=True),
    }
    ts = Typesetter(writer, "DejaVu Sans", styles, inks)
    yield Flow(ts, 400 * ts.pt)
    del writer, buffer


def test_a_long_paragraph_keeps_two_lines_on_each_side_of_a_break(flow) -> None:
    flow.paragraph("word " * 400)
    lines = [p.height for p in flow.pieces]
    assert len(lines) > 3
    heights = sorted(set(round(h, 3) for h in lines))
    first, last = flow.pieces[0], flow.pieces[-1]
    assert first.keep_with_next and first.height == pytest.approx(max(heights))
    assert last.height == pytest.approx(first.height)


def test_markup_is_laid_out_as_text(flow) -> None:
    block = flow.ts.layout([Run("<b>bold</b>"), Run(" & <i>", "body")], "body", 1e5)
    assert block.layout.text() == "<b>bold</b> & <i>"


def test_a_table_never_gets_wider_than_its_room(flow) -> None:
    numbers = [f"${n:,}.00" for n in (10**9, 10**10, 10**11)]
    table = Table([Column("Label", flex=1.0), *(Column(f"C{i}", "right") for i in range(8))],
                  [Row(["a label", *(numbers * 3)[:8]])])
    assert not flow.fits(table)
    widths = flow._column_widths(table, flow.width, table.pad_x * flow.pt)
    assert sum(widths) <= flow.width + 1e-6
    assert widths[0] > 0


def test_a_table_fits_only_with_room_left_for_its_flexible_column(flow) -> None:
    """The figures' natural widths alone can sum to less than the page while the flexible label column's
    least width makes them wrap: `fits` counts that width too, so the compact styles are used instead."""
    figure = "$1,412,344.84"

    def widths_of(label: str) -> tuple[float, float]:
        probe = Table([Column("", flex=1.0), Column("", "right")], [Row([label, figure])])
        natural, least = flow._natural_widths(probe, flow.width, probe.pad_x * flow.pt)
        return natural[1], least[0]

    figure_width, _ = widths_of("x")
    count = int(flow.width // figure_width)  # as many figure columns as the page holds on their own
    label = "Year"
    while widths_of(label)[1] <= flow.width - count * figure_width:  # a label too wide for what is left
        label += "x"
    table = Table([Column("Year", flex=1.0), *(Column(f"C{i}", "right") for i in range(count))],
                  [Row([label, *[figure] * count])])
    assert not flow.fits(table)
    widths = flow._column_widths(table, flow.width, table.pad_x * flow.pt)
    assert min(widths[1:]) < figure_width  # laid out at this size, the figures would wrap
