"""Chart painting shared by the screen and the PDF: a QPainter, a rectangle, data from app/, a palette.

Nothing here computes money: stack offsets, axis ticks and cumulative totals come from
`app.comparison`; this module only maps them to pixels (floats are geometry, never figures) and
formats labels with `ui.format`. Colours are derived from the palette's highlight by rotating its hue,
so light and dark palettes both work, and every series is also told apart without colour: stacked
parts by a fill pattern, offers by a letter under each bar, lines by dash style and marker shape.
Sizes scale with the device's resolution, so a 1200 dpi PDF gets the same picture as the screen.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetricsF,
    QPainter,
    QPainterPath,
    QPalette,
    QPen,
    QPolygonF,
    QTransform,
)

from app.comparison import CHART_PARTS, OfferSeries, nice_ticks
from app.compensation import CURRENT_JOB_ID
from app.scenario_compare import GrowthChart
from app.words import CHART_PART_NAMES
from ui.format import money_compact, percent_signed

# Fill patterns laid over each part's colour, so the parts differ in grey scale and print too.
PART_PATTERNS = {
    "guaranteed_cash": Qt.BrushStyle.NoBrush,
    "contingent_cash": Qt.BrushStyle.BDiagPattern,
    "equity": Qt.BrushStyle.CrossPattern,
    "benefits": Qt.BrushStyle.Dense6Pattern,
}
LINE_STYLES = (
    Qt.PenStyle.SolidLine,
    Qt.PenStyle.DashLine,
    Qt.PenStyle.DotLine,
    Qt.PenStyle.DashDotLine,
    Qt.PenStyle.DashDotDotLine,
)
MARKERS = ("circle", "square", "triangle", "diamond", "cross", "x")
_PART_HUE_STEPS = {"guaranteed_cash": 0, "contingent_cash": 1, "equity": 2, "benefits": 3}


def isolated(text: str) -> str:
    """A name typed in a right-to-left script, kept apart from the figures that follow it.

    Without the isolate marks the bidirectional algorithm pulls a following ": $1.08M" into the
    Hebrew or Arabic run and draws it reversed. Left-to-right names are returned as they are.
    """
    if any(unicodedata.bidirectional(ch) in ("R", "AL") for ch in text):
        return f"\u2068{text}\u2069"  # FIRST STRONG ISOLATE … POP DIRECTIONAL ISOLATE
    return text


STAY_LETTER = "S"  # the current job's tag: "Stay"
_OFFER_LETTERS = "ABCDEFGHIJKLMNOPQRTUVWXYZ"  # every letter but Stay's S, so no offer is ever tagged like it


def offer_letter(index: int) -> str:
    """A, B, … R, T, … Z, AA, AB …: the tag under each bar and in the legend (S is Stay's)."""
    letters = ""
    index += 1
    base = len(_OFFER_LETTERS)
    while index:
        index, rest = divmod(index - 1, base)
        letters = _OFFER_LETTERS[rest] + letters
    return letters


def column_letter(slot: int, is_stay: bool = False) -> str:
    """The tag of a comparison column: Stay's S, or the offer's letter from its stable slot."""
    return STAY_LETTER if is_stay else offer_letter(slot)


def _is_stay(series: OfferSeries) -> bool:
    return series.offer_id == CURRENT_JOB_ID


# --- colours -------------------------------------------------------------------------------------


def _is_dark(palette: QPalette) -> bool:
    return palette.color(QPalette.ColorRole.Base).lightness() < 128


def _rotated(palette: QPalette, turn: float) -> QColor:
    """The highlight's hue turned by `turn` of a circle, tuned to stand out on the palette's base."""
    highlight = palette.color(QPalette.ColorRole.Highlight)
    hue = highlight.hsvHue()
    if hue < 0:  # a grey highlight has no hue: start from blue
        hue = 210
    if _is_dark(palette):
        return QColor.fromHsv(int(hue + 360 * turn) % 360, 130, 235)
    return QColor.fromHsv(int(hue + 360 * turn) % 360, 190, 205)


def part_colors(palette: QPalette) -> dict[str, QColor]:
    """One colour per stacked part, a quarter turn apart from the highlight's hue."""
    return {part: _rotated(palette, step / 4) for part, step in _PART_HUE_STEPS.items()}


def offer_colors(palette: QPalette, count: int) -> list[QColor]:
    """One colour per offer line; golden-angle steps keep neighbours apart for any count."""
    return [offer_color(palette, i) for i in range(count)]


def offer_color(palette: QPalette, slot: int) -> QColor:
    """The colour of the offer in `slot` (its stable place, `OfferSeries.slot`): the same offer keeps
    its colour whichever others are charted with it."""
    return _rotated(palette, (slot * 0.381966) % 1)


def stay_color(palette: QPalette) -> QColor:
    """Staying's colour: a neutral grey between the text and the base, apart from every offer's hue."""
    text, base = palette.color(QPalette.ColorRole.Text), palette.color(QPalette.ColorRole.Base)
    return QColor(
        (text.red() * 3 + base.red() * 2) // 5,
        (text.green() * 3 + base.green() * 2) // 5,
        (text.blue() * 3 + base.blue() * 2) // 5,
    )


def series_color(palette: QPalette, slot: int, is_stay: bool = False) -> QColor:
    return stay_color(palette) if is_stay else offer_color(palette, slot)


@dataclass(frozen=True)
class LineStyle:
    """How one column's line is drawn: colour, dash and marker (Stay: grey, dashed, squares)."""

    color: QColor
    dash: Qt.PenStyle
    marker: str


def line_style(palette: QPalette, slot: int, is_stay: bool = False) -> LineStyle:
    if is_stay:
        return LineStyle(stay_color(palette), Qt.PenStyle.DashLine, "square")
    # an offer's dash never is Stay's (dashed): the solid, dotted and dash-dot styles cycle
    dashes = [style for style in LINE_STYLES if style != Qt.PenStyle.DashLine]
    return LineStyle(offer_color(palette, slot), dashes[slot % len(dashes)], MARKERS[slot % len(MARKERS)])


# --- shared layout -------------------------------------------------------------------------------


@dataclass
class _Frame:
    """Where the parts of one chart go, in device pixels."""

    unit: float  # one screen pixel on this device
    font: QFont
    small: QFont
    text: QColor
    grid: QColor
    base: QColor


def _frame(painter: QPainter, palette: QPalette) -> _Frame:
    device = painter.device()
    dpi = device.logicalDpiY() if device is not None else 96
    font = QFont(painter.font())
    small = QFont(font)
    if font.pointSizeF() > 0:
        small.setPointSizeF(font.pointSizeF() * 0.9)
    grid = QColor(palette.color(QPalette.ColorRole.Text))
    grid.setAlpha(40)
    return _Frame(
        unit=max(1.0, dpi / 96),
        font=font,
        small=small,
        text=palette.color(QPalette.ColorRole.Text),
        grid=grid,
        base=palette.color(QPalette.ColorRole.Base),
    )


def _title(painter: QPainter, rect: QRectF, frame: _Frame, title: str | None) -> QRectF:
    """Draw the title (if any) at the top of `rect`; return what is left below it."""
    if not title:
        return rect
    bold = QFont(frame.font)
    bold.setBold(True)
    painter.setFont(bold)
    painter.setPen(frame.text)
    height = QFontMetricsF(bold).height()
    painter.drawText(QRectF(rect.left(), rect.top(), rect.width(), height), Qt.AlignmentFlag.AlignLeft, title)
    return rect.adjusted(0, height + 4 * frame.unit, 0, 0)


def _legend(
    painter: QPainter,
    rect: QRectF,
    frame: _Frame,
    items: Sequence[tuple[Callable[[QRectF], None], str] | None],
) -> QRectF:
    """Legend entries (a swatch painter and a text) flowing left to right, wrapping; returns the rest.

    A None entry starts a new line (to keep groups apart, e.g. the parts and the offers).
    """
    painter.setFont(frame.small)
    metrics = QFontMetricsF(frame.small)
    line = metrics.height()
    swatch = 22 * frame.unit
    gap = 6 * frame.unit
    x, y = rect.left(), rect.top()
    for item in items:
        if item is None:
            if x > rect.left():
                x, y = rect.left(), y + line + gap / 2
            continue
        draw_swatch, text = item
        width = swatch + gap + metrics.horizontalAdvance(text)
        if x > rect.left() and x + width > rect.right():
            x, y = rect.left(), y + line + gap / 2
        draw_swatch(QRectF(x, y + line * 0.15, swatch, line * 0.7))
        painter.setFont(frame.small)
        painter.setPen(frame.text)
        painter.drawText(
            QRectF(x + swatch + gap, y, rect.right() - x - swatch - gap, line),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            text,
        )
        x += width + 3 * gap
    return QRectF(rect.left(), y + line + 2 * gap, rect.width(), max(0.0, rect.bottom() - y - line - 2 * gap))


def _note(painter: QPainter, rect: QRectF, frame: _Frame, note: str | None) -> QRectF:
    """A one-line remark in italics under the legend (what the chart leaves out); returns the rest."""
    if not note:
        return rect
    italic = QFont(frame.small)
    italic.setItalic(True)
    painter.setFont(italic)
    painter.setPen(frame.text)
    metrics = QFontMetricsF(italic)
    text = metrics.elidedText(note, Qt.TextElideMode.ElideRight, rect.width())
    painter.drawText(QRectF(rect.left(), rect.top(), rect.width(), metrics.height()), Qt.AlignmentFlag.AlignLeft, text)
    return rect.adjusted(0, metrics.height() + 4 * frame.unit, 0, 0)


def _y_axis(
    painter: QPainter,
    rect: QRectF,
    frame: _Frame,
    maximum: Decimal,
    currency: str,
    bottom_space: float,
    ticks: Sequence[Decimal] | None = None,
) -> tuple[QRectF, Callable[[Decimal], float]]:
    """Grid lines and compact labels at round values (from 0 up to `maximum`, or the `ticks` given);
    returns the plot area and value → y."""
    ticks = tuple(ticks) if ticks else nice_ticks(maximum)
    labels = [money_compact(t, currency) for t in ticks]
    metrics = QFontMetricsF(frame.small)
    label_width = max(metrics.horizontalAdvance(label) for label in labels) + 8 * frame.unit
    half_line = metrics.height() / 2
    plot = QRectF(
        rect.left() + label_width,
        rect.top() + half_line,
        max(1.0, rect.width() - label_width - 4 * frame.unit),
        max(1.0, rect.height() - half_line - bottom_space),
    )
    low, span = float(ticks[0]), float(ticks[-1] - ticks[0]) or 1.0

    def y_of(value: Decimal) -> float:
        return plot.bottom() - (float(value) - low) / span * plot.height()

    painter.setFont(frame.small)
    for tick, label in zip(ticks, labels, strict=True):
        y = y_of(tick)
        painter.setPen(QPen(frame.grid, frame.unit))
        painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
        painter.setPen(frame.text)
        painter.drawText(
            QRectF(rect.left(), y - half_line, label_width - 6 * frame.unit, 2 * half_line),
            Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
            label,
        )
    return plot, y_of


def _empty(painter: QPainter, rect: QRectF, frame: _Frame, text: str) -> None:
    painter.setFont(frame.font)
    painter.setPen(frame.text)
    painter.drawText(rect, Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap, text)


_Fill = tuple[QColor, QBrush | None]  # a part's colour, and the pattern laid over it


def _part_fills(colors: dict[str, QColor], frame: _Frame) -> dict[str, _Fill]:
    """Each part's colour and pattern brush, made once per chart (a chart fills ~150 rectangles)."""
    stripes = QColor(frame.base)
    stripes.setAlpha(170)
    # patterns are drawn in device pixels: scale them with the device so a PDF prints them alike
    scale = QTransform.fromScale(frame.unit, frame.unit)
    fills: dict[str, _Fill] = {}
    for part, color in colors.items():
        pattern = PART_PATTERNS[part]
        brush = None
        if pattern != Qt.BrushStyle.NoBrush:
            brush = QBrush(stripes, pattern)
            brush.setTransform(scale)
        fills[part] = (color, brush)
    return fills


def _fill_part(painter: QPainter, rect: QRectF, fill: _Fill) -> None:
    color, pattern = fill
    painter.fillRect(rect, color)
    if pattern is not None:
        painter.fillRect(rect, pattern)


# --- stacked bars --------------------------------------------------------------------------------


def paint_stacked_bars(
    painter: QPainter,
    rect: QRectF,
    series: Sequence[OfferSeries],
    palette: QPalette,
    currency: str,
    title: str | None = None,
    note: str | None = None,
    part_names: Mapping[str, str] | None = None,
) -> None:
    """Per year, one bar per offer, stacked guaranteed / contingent / equity / benefits (bottom up);
    `part_names` are the legend's words (`Comparison.part_labels`; before tax by default)."""
    painter.save()
    try:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        frame = _frame(painter, palette)
        area = _title(painter, rect, frame, title)
        if not series or not series[0].years:
            _empty(painter, area, frame, note or "No offers to chart")
            return
        fills = _part_fills(part_colors(palette), frame)

        def swatch_for(part: str) -> Callable[[QRectF], None]:
            def draw(r: QRectF) -> None:
                _fill_part(painter, r, fills[part])
                painter.setPen(QPen(frame.text, frame.unit * 0.5))
                painter.setBrush(Qt.BrushStyle.NoBrush)
                painter.drawRect(r)

            return draw

        def tag_for(letter: str) -> Callable[[QRectF], None]:
            def draw(r: QRectF) -> None:
                bold = QFont(frame.small)
                bold.setBold(True)
                painter.setFont(bold)
                painter.setPen(frame.text)
                painter.drawText(r, Qt.AlignmentFlag.AlignCenter, letter)

            return draw

        # one offer: the bars need no letters and the legend only the parts
        tagged = len(series) > 1
        items: list[tuple[Callable[[QRectF], None], str] | None] = [
            (swatch_for(part), (part_names or CHART_PART_NAMES)[part]) for part in CHART_PARTS
        ]
        if tagged:
            items.append(None)
            items += [(tag_for(column_letter(s.slot, _is_stay(s))), isolated(s.label)) for s in series]
        area = _note(painter, _legend(painter, area, frame, items), frame, note)

        line = QFontMetricsF(frame.small).height()
        maximum = max(y.total for s in series for y in s.years)
        bottom_space = (2 if tagged else 1) * line + 6 * frame.unit
        plot, y_of = _y_axis(painter, area, frame, maximum, currency, bottom_space=bottom_space)

        years = len(series[0].years)
        group = plot.width() / years
        inner = group * 0.8
        bar = inner / len(series)
        gap = min(bar * 0.15, 4 * frame.unit)
        bold_small = QFont(frame.small)
        bold_small.setBold(True)
        seam = QPen(frame.base, frame.unit)
        outline = QPen(frame.text, frame.unit * 0.5)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        for y_index in range(years):
            left = plot.left() + y_index * group + (group - inner) / 2
            for s_index, offer in enumerate(series):
                year = offer.years[y_index]
                x = left + s_index * bar + gap / 2
                width = max(1.0, bar - gap)
                painter.setPen(seam)
                for segment in year.segments:
                    if segment.value == 0:
                        continue
                    top, bottom = y_of(segment.top), y_of(segment.bottom)
                    _fill_part(painter, QRectF(x, top, width, bottom - top), fills[segment.part])
                    painter.drawLine(QPointF(x, top), QPointF(x + width, top))  # seam between parts
                painter.setPen(outline)
                painter.drawRect(QRectF(x, y_of(year.total), width, plot.bottom() - y_of(year.total)))
                if tagged:
                    painter.setFont(bold_small)
                    painter.setPen(frame.text)
                    painter.drawText(
                        QRectF(x - gap, plot.bottom() + 2 * frame.unit, width + 2 * gap, line),
                        Qt.AlignmentFlag.AlignCenter,
                        column_letter(offer.slot, _is_stay(offer)),
                    )
            stay = next((s for s in series if _is_stay(s)), None)
            if stay is not None and tagged:  # staying's total across the group: what each bar must beat
                level = y_of(stay.years[y_index].total)
                pen = QPen(stay_color(palette), 1.5 * frame.unit, Qt.PenStyle.DashLine)
                painter.setPen(pen)
                painter.drawLine(QPointF(left, level), QPointF(left + inner, level))
            painter.setFont(frame.small)
            painter.setPen(frame.text)
            year_top = plot.bottom() + (line if tagged else 0) + 4 * frame.unit
            painter.drawText(
                QRectF(plot.left() + y_index * group, year_top, group, line),
                Qt.AlignmentFlag.AlignCenter,
                f"Year {series[0].years[y_index].year}",
            )
        painter.setPen(QPen(frame.text, frame.unit))
        painter.drawLine(plot.bottomLeft(), plot.bottomRight())
    finally:
        painter.restore()


# --- cumulative lines ----------------------------------------------------------------------------


def _marker_path(kind: str, center: QPointF, size: float) -> QPainterPath:
    path = QPainterPath()
    r = size / 2
    x, y = center.x(), center.y()
    if kind == "circle":
        path.addEllipse(center, r, r)
    elif kind == "square":
        path.addRect(QRectF(x - r * 0.85, y - r * 0.85, r * 1.7, r * 1.7))
    elif kind == "triangle":
        path.addPolygon(QPolygonF([QPointF(x, y - r * 1.1), QPointF(x + r, y + r * 0.8), QPointF(x - r, y + r * 0.8)]))
        path.closeSubpath()
    elif kind == "diamond":
        diamond = [QPointF(x, y - r * 1.2), QPointF(x + r, y), QPointF(x, y + r * 1.2), QPointF(x - r, y)]
        path.addPolygon(QPolygonF(diamond))
        path.closeSubpath()
    elif kind == "cross":
        w = r * 0.4
        path.addRect(QRectF(x - r, y - w, 2 * r, 2 * w))
        path.addRect(QRectF(x - w, y - r, 2 * w, 2 * r))
        path.setFillRule(Qt.FillRule.WindingFill)
    else:  # "x": a cross turned by 45°
        w = r * 0.3
        path.addPolygon(
            QPolygonF(
                [
                    QPointF(x - r, y - r + w), QPointF(x - r + w, y - r), QPointF(x, y - w),
                    QPointF(x + r - w, y - r), QPointF(x + r, y - r + w), QPointF(x + w, y),
                    QPointF(x + r, y + r - w), QPointF(x + r - w, y + r), QPointF(x, y + w),
                    QPointF(x - r + w, y + r), QPointF(x - r, y + r - w), QPointF(x - w, y),
                ]
            )
        )
        path.closeSubpath()
    return path


def paint_cumulative_lines(
    painter: QPainter,
    rect: QRectF,
    series: Sequence[OfferSeries],
    palette: QPalette,
    currency: str,
    title: str | None = None,
    note: str | None = None,
) -> None:
    """The running total of each offer after each year: one line per offer, with markers and a legend."""
    painter.save()
    try:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        frame = _frame(painter, palette)
        area = _title(painter, rect, frame, title)
        if not series or not series[0].years:
            _empty(painter, area, frame, note or "No offers to chart")
            return
        # each offer keeps its colour, dash and marker (by its slot) whichever others are charted
        styles = [line_style(palette, s.slot, _is_stay(s)) for s in series]
        marker_size = 8 * frame.unit

        def pen_for(i: int) -> QPen:
            return _line_pen(styles[i], frame)

        def marker(i: int, center: QPointF) -> None:
            _draw_marker(painter, styles[i], center, marker_size, frame)

        def swatch_for(i: int) -> Callable[[QRectF], None]:
            def draw(r: QRectF) -> None:
                painter.setPen(pen_for(i))
                mid = r.center().y()
                painter.drawLine(QPointF(r.left(), mid), QPointF(r.right(), mid))
                marker(i, r.center())

            return draw

        last = len(series[0].years) - 1
        items: list[tuple[Callable[[QRectF], None], str] | None] = [
            (
                swatch_for(i),
                f"{column_letter(s.slot, _is_stay(s))} {isolated(s.label)}: "
                f"{money_compact(s.years[last].cumulative, currency)} by year {last + 1}",
            )
            for i, s in enumerate(series)
        ]
        if len(series) > 1:  # one line needs no key: the title says what it is
            area = _legend(painter, area, frame, items)
        area = _note(painter, area, frame, note)
        line = QFontMetricsF(frame.small).height()
        maximum = max(y.cumulative for s in series for y in s.years)
        plot, y_of = _y_axis(painter, area, frame, maximum, currency, bottom_space=line + 6 * frame.unit)

        years = len(series[0].years)
        step = plot.width() / years

        def x_of(index: int) -> float:
            return plot.left() + step * (index + 0.5)

        painter.setFont(frame.small)
        painter.setPen(frame.text)
        for index, year in enumerate(series[0].years):
            painter.drawText(
                QRectF(x_of(index) - step / 2, plot.bottom() + 4 * frame.unit, step, line),
                Qt.AlignmentFlag.AlignCenter,
                f"After year {year.year}",
            )
        painter.setPen(QPen(frame.text, frame.unit))
        painter.drawLine(plot.bottomLeft(), plot.bottomRight())
        for i, offer in enumerate(series):
            points = [QPointF(x_of(k), y_of(y.cumulative)) for k, y in enumerate(offer.years)]
            painter.setPen(pen_for(i))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawPolyline(QPolygonF(points))
        for i, offer in enumerate(series):  # markers last, on top of every line
            for k, y in enumerate(offer.years):
                marker(i, QPointF(x_of(k), y_of(y.cumulative)))
    finally:
        painter.restore()


def _line_pen(style: LineStyle, frame: _Frame) -> QPen:
    pen = QPen(style.color, 2 * frame.unit)
    pen.setStyle(style.dash)
    pen.setCapStyle(Qt.PenCapStyle.FlatCap)
    return pen


def _draw_marker(painter: QPainter, style: LineStyle, center: QPointF, size: float, frame: _Frame) -> None:
    painter.setPen(QPen(frame.base, frame.unit))
    painter.setBrush(style.color)
    painter.drawPath(_marker_path(style.marker, center, size))


# --- horizon total against share-price growth ----------------------------------------------------


def paint_growth_lines(
    painter: QPainter,
    rect: QRectF,
    chart: GrowthChart,
    palette: QPalette,
    title: str | None = None,
    note: str | None = None,
) -> None:
    """Each column's horizon total against share-price growth (−50 % to +50 % a year): one line per
    offer, Stay flat and dashed; each scenario's growth marked on the axis by name."""
    painter.save()
    try:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        frame = _frame(painter, palette)
        area = _title(painter, rect, frame, title)
        lines = chart.lines
        if not lines or not lines[0].points:
            _empty(painter, area, frame, note or "No offers to chart")
            return
        styles = [line_style(palette, line.slot, line.is_stay) for line in lines]
        marker_size = 7 * frame.unit

        def swatch_for(i: int) -> Callable[[QRectF], None]:
            def draw(r: QRectF) -> None:
                painter.setPen(_line_pen(styles[i], frame))
                mid = r.center().y()
                painter.drawLine(QPointF(r.left(), mid), QPointF(r.right(), mid))
                _draw_marker(painter, styles[i], r.center(), marker_size, frame)

            return draw

        if len(lines) > 1:
            items: list[tuple[Callable[[QRectF], None], str] | None] = [
                (
                    swatch_for(i),
                    f"{column_letter(line.slot, line.is_stay)} "
                    + (f"Stay at {isolated(line.name)}" if line.is_stay else isolated(line.label)),
                )
                for i, line in enumerate(lines)
            ]
            area = _legend(painter, area, frame, items)
        area = _note(painter, area, frame, note)
        metrics = QFontMetricsF(frame.small)
        text_line = metrics.height()
        plot, y_of = _y_axis(
            painter, area, frame, chart.y_ticks[-1], chart.currency, bottom_space=text_line + 6 * frame.unit,
            ticks=chart.y_ticks,
        )
        # room at both ends for the first and last growth labels ("−50 %", "+50 %")
        edge = max(metrics.horizontalAdvance(percent_signed(g)) for g in (chart.start, chart.stop)) / 2
        plot = plot.adjusted(edge, 0, -edge, 0)
        start, span = float(chart.start), float(chart.stop - chart.start) or 1.0

        def x_of(growth: Decimal) -> float:
            return plot.left() + (float(growth) - start) / span * plot.width()

        # the growth axis: labels at round growths, a firmer line at 0 % (as offered)
        painter.setFont(frame.small)
        for growth in chart.x_ticks:
            x = x_of(growth)
            painter.setPen(QPen(frame.text if growth == 0 else frame.grid, frame.unit))
            painter.drawLine(QPointF(x, plot.top()), QPointF(x, plot.bottom()))
            painter.setPen(frame.text)
            painter.drawText(
                QRectF(x - 40 * frame.unit, plot.bottom() + 4 * frame.unit, 80 * frame.unit, text_line),
                Qt.AlignmentFlag.AlignCenter,
                percent_signed(growth),
            )
        # each scenario's growth, named at the top of the plot
        scenario_pen = QPen(frame.text, frame.unit, Qt.PenStyle.DotLine)
        for name, growth in chart.scenarios:
            x = x_of(growth)
            painter.setPen(scenario_pen)
            painter.drawLine(QPointF(x, plot.top()), QPointF(x, plot.bottom()))
            label = f"{name} {percent_signed(growth)}"
            width = metrics.horizontalAdvance(label) + 4 * frame.unit
            left = min(max(x + 2 * frame.unit, plot.left()), plot.right() - width)
            box = QRectF(left, plot.top(), width, text_line)
            painter.fillRect(box, frame.base)
            painter.setPen(frame.text)
            painter.drawText(box, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, label)
        painter.setPen(QPen(frame.text, frame.unit))
        painter.drawLine(plot.bottomLeft(), plot.bottomRight())
        for i, line in enumerate(lines):
            points = [QPointF(x_of(p.growth_pct), y_of(p.total)) for p in line.points]
            painter.setPen(_line_pen(styles[i], frame))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawPolyline(QPolygonF(points))
        for i, line in enumerate(lines):  # a marker where each line meets a labelled growth
            for p in line.points:
                if p.growth_pct in chart.x_ticks:
                    _draw_marker(painter, styles[i], QPointF(x_of(p.growth_pct), y_of(p.total)), marker_size, frame)
    finally:
        painter.restore()
