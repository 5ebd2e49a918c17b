"""Badges for stages and tiers: a rounded pill with the name in words (never colour alone).

Hues carry meaning (green for a grand slam, amber for uncertain); lightness follows the palette so
the pills read well in light and dark schemes alike.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPalette
from PySide6.QtWidgets import QLabel, QStyle, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from ui.models.list_roles import PillRole

# hue (degrees) per badge; -1 = grey
HUES = {
    "tier:grand_slam": 140,
    "tier:strong": 175,
    "tier:steady": 210,
    "tier:uncertain": 40,
    "tier:weak": 0,
    "stage:interviewing": 265,
    "stage:offer": 210,
    "stage:negotiating": 30,
    "stage:accepted": 140,
    "stage:declined": -1,
    "stage:withdrawn": -1,
    "flag:under_water": 0,  # options at or below their strike: red, said in words
}


def is_dark(palette: QPalette) -> bool:
    return palette.color(QPalette.ColorRole.Window).lightness() < 128


def badge_colors(key: str, palette: QPalette) -> tuple[QColor, QColor]:
    """(background, text) for a badge, readable on this palette."""
    return _badge_colors(key, is_dark(palette))


_COLORS: dict[tuple[str, bool], tuple[QColor, QColor]] = {}  # a page of the list paints ~50 pills


def _badge_colors(key: str, dark: bool) -> tuple[QColor, QColor]:
    found = _COLORS.get((key, dark))
    if found is None:
        found = _COLORS[(key, dark)] = _make_colors(key, dark)
    return found


def _make_colors(key: str, dark: bool) -> tuple[QColor, QColor]:
    hue = HUES.get(key, -1)
    saturation = 0 if hue < 0 else (110 if dark else 150)
    background = QColor.fromHsl(max(hue, 0), saturation, 70 if dark else 222)
    text = QColor.fromHsl(max(hue, 0), saturation, 225 if dark else 55)
    return background, text


def paint_badge(painter: QPainter, rect: QRectF, key: str, text: str, palette: QPalette) -> None:
    background, foreground = badge_colors(key, palette)
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    metrics = painter.fontMetrics()
    width = min(rect.width(), metrics.horizontalAdvance(text) + 16)
    height = min(rect.height() - 4, metrics.height() + 4)
    pill = QRectF(rect.left() + 4, rect.center().y() - height / 2, width, height)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(background)
    painter.drawRoundedRect(pill, height / 2, height / 2)
    painter.setPen(foreground)
    painter.drawText(
        pill, Qt.AlignmentFlag.AlignCenter, metrics.elidedText(text, Qt.TextElideMode.ElideRight, int(width) - 8)
    )
    painter.restore()


def _measure_pill(
    painter: QPainter, rect: QRectF, key: str, text: str, dark: bool
) -> tuple[QRectF, float, str, QColor, QColor]:
    """What `paint_badge` draws in a cell of this size at (0, 0): the pill, its corners' radius, the words
    as they fit, and the two colours (the same arithmetic, so the same pixels)."""
    background, foreground = _badge_colors(key, dark)
    metrics = painter.fontMetrics()
    width = min(rect.width(), metrics.horizontalAdvance(text) + 16)
    height = min(rect.height() - 4, metrics.height() + 4)
    pill = QRectF(4, rect.height() / 2 - height / 2, width, height)
    words = metrics.elidedText(text, Qt.TextElideMode.ElideRight, int(width) - 8)
    return pill, height / 2, words, background, foreground


FLAG_SHORT = "!"  # a flag in a narrow cell


_ITEM = QStyle.ControlElement.CE_ItemViewItem
_HAS_FOCUS = QStyle.StateFlag.State_HasFocus
_NO_PEN = Qt.PenStyle.NoPen
_ANTIALIASING = QPainter.RenderHint.Antialiasing
_CENTER = Qt.AlignmentFlag.AlignCenter
_WINDOW = QPalette.ColorRole.Window


class BadgeDelegate(QStyledItemDelegate):
    """Draws cells that carry a pill (`PillRole`) as pills; other cells as usual.

    A page of the list paints ~80 pills. Each asks the model one question (`PillRole`, through the
    filter proxy) and draws with what was measured for the same words in the same cell size and font
    before: the same painter calls as `paint_badge`, without its style option copy, its dozen model
    questions (`initStyleOption`) or its font measuring.
    """

    def __init__(self, parent=None):
        super().__init__(parent)
        # (font, badge key, words, cell width, cell height, dark) → where and what paint_badge draws
        self._pills: dict[tuple, tuple[QRectF, float, str, QColor, QColor]] = {}
        self._dark: dict[int, bool] = {}  # palette cache key → whether it is a dark scheme

    def paint(
        self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        pill = index.data(PillRole)
        if pill is None:
            super().paint(painter, option, index)
            return
        key, text, flag = pill
        if flag:
            self._paint_flagged(painter, option, index, key, text)
            return
        widget = option.widget
        if option.state & _HAS_FOCUS or widget is None:  # (the focus frame's place depends on the text)
            self._paint_badge(painter, option, index, key, text)
            return
        # the cell's background (its selection, alternating rows): all the style draws for a cell
        # without text or icon
        widget.style().drawControl(_ITEM, option, painter, widget)
        rect = option.rect
        palette = option.palette
        dark = self._dark.get(palette.cacheKey())
        if dark is None:
            dark = self._dark[palette.cacheKey()] = is_dark(palette)
        font = painter.font().key()
        found = self._pills.get((font, key, text, rect.width(), rect.height(), dark))
        if found is None:
            found = self._pills[(font, key, text, rect.width(), rect.height(), dark)] = _measure_pill(
                painter, QRectF(rect), key, text, dark
            )
        place, radius, words, background, foreground = found
        pill_rect = place.translated(rect.left(), rect.top())
        painter.save()
        painter.setRenderHint(_ANTIALIASING)
        painter.setPen(_NO_PEN)
        painter.setBrush(background)
        painter.drawRoundedRect(pill_rect, radius, radius)
        painter.setPen(foreground)
        painter.drawText(pill_rect, _CENTER, words)
        painter.restore()

    def _paint_badge(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
        key: str,
        text: str,
    ) -> None:
        style = option.widget.style() if option.widget else None
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, option.widget)
        paint_badge(painter, QRectF(option.rect), key, text, option.palette)

    def _paint_flagged(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
        key: str,
        words: str,
    ) -> None:
        """The cell's text, shortened to leave room for a flag pill at its right end ("Under water"); in a
        cell too narrow for both, the name comes first and the pill shrinks to a "!" (the cell's tooltip
        and accessible text say it in words)."""
        metrics = option.fontMetrics
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        name = metrics.horizontalAdvance(opt.text)
        if name + metrics.horizontalAdvance(words) + 16 + 20 > opt.rect.width():
            words = FLAG_SHORT
        pill = metrics.horizontalAdvance(words) + 16
        room = max(opt.rect.width() - pill - 12, 0)
        opt.text = metrics.elidedText(opt.text, Qt.TextElideMode.ElideRight, room)
        opt.rect = opt.rect.adjusted(0, 0, -(pill + 8), 0)
        style = option.widget.style() if option.widget else None
        if style is not None:
            background = QStyleOptionViewItem(option)
            self.initStyleOption(background, index)
            background.text = ""
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, background, painter, option.widget)
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, option.widget)
        rect = QRectF(option.rect)
        paint_badge(
            painter, QRectF(rect.right() - pill - 8, rect.top(), pill + 4, rect.height()), key, words, option.palette
        )

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:
        size = super().sizeHint(option, index)
        return QSize(size.width() + 20, max(size.height(), option.fontMetrics.height() + 10))


class BadgeLabel(QLabel):
    """A standalone badge (e.g. the tier in the position panel)."""

    def __init__(self, key: str = "", text: str = "", parent: QWidget | None = None):
        super().__init__(text, parent)
        self._key = key
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setMinimumHeight(self.fontMetrics().height() + 10)

    def set_badge(self, key: str, text: str) -> None:
        self._key = key
        self.setText(text)
        self.setAccessibleName(text)
        self.update()

    def sizeHint(self) -> QSize:
        metrics = self.fontMetrics()
        return QSize(metrics.horizontalAdvance(self.text()) + 28, metrics.height() + 10)

    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        paint_badge(painter, QRectF(self.rect()).adjusted(-4, 0, 0, 0), self._key, self.text(), self.palette())
