"""Toolbar icons drawn with QPainter in the palette's text colour: crisp at any scale, right in light
and dark alike, and no image plugin to bundle. The desktop's icon theme wins where there is one."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPainterPath, QPalette, QPen, QPixmap

SIZE = 64  # drawn on a 64-unit grid, scaled down by Qt for the toolbar's icon size


def _page(p: QPainter) -> None:
    path = QPainterPath()
    path.moveTo(16, 6)
    path.lineTo(38, 6)
    path.lineTo(50, 18)
    path.lineTo(50, 58)
    path.lineTo(16, 58)
    path.closeSubpath()
    p.drawPath(path)
    p.drawPolyline([QPointF(38, 6), QPointF(38, 18), QPointF(50, 18)])


def _new(p: QPainter) -> None:
    _page(p)
    p.drawLine(QPointF(33, 30), QPointF(33, 48))
    p.drawLine(QPointF(24, 39), QPointF(42, 39))


def _duplicate(p: QPainter) -> None:
    p.drawRoundedRect(QRectF(8, 16, 30, 40), 3, 3)
    p.drawPolyline([QPointF(20, 16), QPointF(20, 6), QPointF(52, 6), QPointF(52, 46), QPointF(38, 46)])


def _delete(p: QPainter) -> None:
    p.drawLine(QPointF(8, 14), QPointF(56, 14))
    p.drawPolyline([QPointF(24, 14), QPointF(24, 6), QPointF(40, 6), QPointF(40, 14)])
    p.drawPolyline([QPointF(14, 14), QPointF(18, 58), QPointF(46, 58), QPointF(50, 14)])
    p.drawLine(QPointF(27, 26), QPointF(28, 48))
    p.drawLine(QPointF(37, 26), QPointF(36, 48))


def _arrow(p: QPainter, mirrored: bool) -> None:
    if mirrored:
        p.translate(SIZE, 0)
        p.scale(-1, 1)
    path = QPainterPath()
    path.moveTo(16, 26)
    path.lineTo(40, 26)
    path.cubicTo(62, 26, 62, 56, 40, 56)
    path.lineTo(26, 56)
    p.drawPath(path)
    p.drawPolyline([QPointF(26, 14), QPointF(14, 26), QPointF(26, 38)])


def _import(p: QPainter) -> None:
    p.drawPolyline([QPointF(8, 40), QPointF(8, 56), QPointF(56, 56), QPointF(56, 40)])
    p.drawLine(QPointF(32, 6), QPointF(32, 42))
    p.drawPolyline([QPointF(20, 30), QPointF(32, 42), QPointF(44, 30)])


def _export(p: QPainter) -> None:
    p.drawPolyline([QPointF(8, 40), QPointF(8, 56), QPointF(56, 56), QPointF(56, 40)])
    p.drawLine(QPointF(32, 42), QPointF(32, 6))
    p.drawPolyline([QPointF(20, 18), QPointF(32, 6), QPointF(44, 18)])


def _brief(p: QPainter) -> None:
    _page(p)
    for y in (28, 37, 46):
        p.drawLine(QPointF(24, y), QPointF(42, y))


def _job(p: QPainter) -> None:
    """A briefcase: the current job (not an offer)."""
    p.drawRoundedRect(QRectF(6, 20, 52, 36), 4, 4)
    p.drawPolyline([QPointF(24, 20), QPointF(24, 11), QPointF(40, 11), QPointF(40, 20)])
    p.drawLine(QPointF(6, 36), QPointF(58, 36))
    p.drawRect(QRectF(28, 32, 8, 8))


DRAWINGS: dict[str, Callable[[QPainter], None]] = {
    "new": _new,
    "duplicate": _duplicate,
    "delete": _delete,
    "undo": lambda p: _arrow(p, mirrored=False),
    "redo": lambda p: _arrow(p, mirrored=True),
    "import": _import,
    "export": _export,
    "brief": _brief,
    "job": _job,
}


def _pixmap(name: str, color: QColor) -> QPixmap:
    pixmap = QPixmap(SIZE, SIZE)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    pen = QPen(color, 4.5)
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    painter.setPen(pen)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    DRAWINGS[name](painter)
    painter.end()
    return pixmap


def action_icon(name: str, palette: QPalette, theme: QIcon.ThemeIcon | None = None) -> QIcon:
    """The desktop theme's icon when it has one; else ours, in the palette's text colours."""
    if theme is not None and QIcon.hasThemeIcon(theme):
        return QIcon.fromTheme(theme)
    icon = QIcon()
    icon.addPixmap(_pixmap(name, palette.color(QPalette.ColorGroup.Active, QPalette.ColorRole.ButtonText)))
    icon.addPixmap(
        _pixmap(name, palette.color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.ButtonText)),
        QIcon.Mode.Disabled,
    )
    return icon
