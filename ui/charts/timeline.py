"""The interview timeline drawn on a date axis: a QPainter, a rectangle, the events, a palette; the
rounds of the negotiation (format 2) as diamonds on the same axis — hollow for your asks, filled for
the company's answers.

Shared by the offer editor's `TimelineStrip` and the PDF brief, so both show the same picture. Sizes
are in screen pixels scaled with the device's resolution (as in `ui.charts.painting`), so a 1200 dpi
PDF gets the same proportions as the screen.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFontMetricsF, QPainter, QPalette, QPen, QPolygonF

from app.words import EVENT_NAMES, ROUND_MARK_NAMES
from ui import format as fmt

_MARGIN = 16
_DOT = 4.5


def timeline_height(line_height: float, unit: float = 1.0) -> float:
    """The height the strip needs for a font whose line is `line_height` (device units)."""
    return line_height * 4 + 30 * unit


def _unit(painter: QPainter) -> float:
    device = painter.device()
    dpi = device.logicalDpiY() if device is not None else 96
    return max(1.0, dpi / 96)


def paint_timeline(
    painter: QPainter,
    rect: QRectF,
    events: Sequence[tuple[date, str]],
    deadline: date | None,
    palette: QPalette,
    rounds: Sequence[tuple[date, str]] = (),
) -> None:
    """Draw (date, kind) events into `rect`: dots on an axis, labelled, the deadline as a hollow mark,
    and (date, side) rounds as diamonds (hollow: you asked; filled: the company answered).

    Lines from the top: labels above the axis, the axis with a dot per event (a hollow square for
    the deadline), labels below it, then month names and the first and last dates."""
    painter.save()
    try:
        _paint(painter, rect, events, deadline, palette, _unit(painter), rounds)
    finally:
        painter.restore()


def _paint(
    painter: QPainter,
    rect: QRectF,
    events: Sequence[tuple[date, str]],
    deadline: date | None,
    palette: QPalette,
    unit: float,
    rounds: Sequence[tuple[date, str]] = (),
) -> None:
    text_colour = palette.color(QPalette.ColorRole.WindowText)
    quiet = palette.color(QPalette.ColorRole.PlaceholderText)
    accent = palette.color(QPalette.ColorRole.Highlight)
    metrics = QFontMetricsF(painter.font())
    line = metrics.height()
    dot = _DOT * unit
    marks = [(d, EVENT_NAMES.get(k, k), "event") for d, k in sorted(events, key=lambda e: e[0])]
    marks += [(d, ROUND_MARK_NAMES.get(side, side), side) for d, side in rounds]
    if deadline is not None:
        marks.append((deadline, "Deadline", "deadline"))
    marks.sort(key=lambda m: m[0])
    if not marks:
        painter.setPen(quiet)
        painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, "No events yet")
        return
    first, last = marks[0][0], marks[-1][0]
    span = max((last - first).days, 1)
    left = rect.left() + _MARGIN * unit
    right = rect.right() - _MARGIN * unit
    above_top = rect.top() + 4 * unit
    axis_y = above_top + line + 10 * unit
    below_top = axis_y + 10 * unit
    scale_top = below_top + line + 6 * unit

    def x_of(day: date) -> float:
        if first == last:
            return (left + right) / 2
        return left + (right - left) * (day - first).days / span

    painter.setPen(QPen(quiet, 1.5 * unit))
    painter.drawLine(QPointF(left - 6 * unit, axis_y), QPointF(right + 6 * unit, axis_y))
    _paint_scale(painter, metrics, first, last, x_of, axis_y, scale_top, left, right, quiet, unit)

    # each label goes above the axis if it fits there, else below, else shortened above
    ends = {"above": -1e9, "below": -1e9}
    gap = 8 * unit
    for day, label, shape in marks:
        x = x_of(day)
        width = metrics.horizontalAdvance(label)
        start = min(max(x - width / 2, rect.left() + 2 * unit), rect.right() - width - 2 * unit)
        side = next((s for s in ("above", "below") if start >= ends[s] + gap), None)
        if side is None:
            side = "above" if ends["above"] <= ends["below"] else "below"
            room = max(rect.right() - 2 * unit - (ends[side] + gap), line)
            label = metrics.elidedText(label, Qt.TextElideMode.ElideRight, room)
            width = metrics.horizontalAdvance(label)
            start = ends[side] + gap
        ends[side] = start + width
        top = above_top if side == "above" else below_top
        painter.setPen(QPen(quiet, unit))
        if side == "above":
            painter.drawLine(QPointF(x, top + line), QPointF(x, axis_y - dot))
        else:
            painter.drawLine(QPointF(x, axis_y + dot), QPointF(x, top))
        if shape == "deadline":
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.setPen(QPen(accent, 2 * unit))
            painter.drawRect(QRectF(x - dot, axis_y - dot, dot * 2, dot * 2))
        elif shape in ("candidate", "company"):
            size = dot * 1.5
            diamond = QPolygonF(
                [
                    QPointF(x, axis_y - size),
                    QPointF(x + size, axis_y),
                    QPointF(x, axis_y + size),
                    QPointF(x - size, axis_y),
                ]
            )
            painter.setPen(QPen(accent, 2 * unit))
            painter.setBrush(accent if shape == "company" else palette.color(QPalette.ColorRole.Base))
            painter.drawPolygon(diamond)
        else:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(accent)
            painter.drawEllipse(QPointF(x, axis_y), dot, dot)
        painter.setPen(text_colour)
        painter.drawText(QRectF(start, top, width + unit, line), Qt.AlignmentFlag.AlignLeft, label)


def _paint_scale(
    painter: QPainter,
    metrics: QFontMetricsF,
    first: date,
    last: date,
    x_of: Callable[[date], float],
    axis_y: float,
    top: float,
    left: float,
    right: float,
    colour: QColor,
    unit: float,
) -> None:
    """The first and last dates at the ends, month names at month starts where they fit."""
    line = metrics.height()
    painter.setPen(colour)
    first_text, last_text = fmt.day(first), fmt.day(last)
    first_end = left - 6 * unit + metrics.horizontalAdvance(first_text)
    last_start = right + 6 * unit - metrics.horizontalAdvance(last_text)
    painter.drawText(
        QRectF(left - 6 * unit, top, first_end - left + 7 * unit, line), Qt.AlignmentFlag.AlignLeft, first_text
    )
    if last != first:
        painter.drawText(
            QRectF(last_start, top, right + 7 * unit - last_start, line), Qt.AlignmentFlag.AlignLeft, last_text
        )
    month = date(first.year + (first.month == 12), first.month % 12 + 1, 1)
    gap = 8 * unit
    while month <= last:
        x = x_of(month)
        painter.setPen(QPen(colour, unit))
        painter.drawLine(QPointF(x, axis_y - 3 * unit), QPointF(x, axis_y + 3 * unit))
        name = fmt.month_short(month)
        width = metrics.horizontalAdvance(name)
        if x - width / 2 > first_end + gap and x + width / 2 < last_start - gap:
            painter.drawText(QRectF(x - width / 2, top, width + unit, line), Qt.AlignmentFlag.AlignLeft, name)
        month = date(month.year + (month.month == 12), month.month % 12 + 1, 1)
