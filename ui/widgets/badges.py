"""Badges for stages and tiers: a rounded pill with the name in words (never colour alone).

Hues carry meaning (green for a grand slam, amber for uncertain); lightness follows the palette so
the pills read well in light and dark schemes alike.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFontMetrics, QPainter, QPalette, QPixmap
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


def _cell_picture(
    font, width: int, height: int, ratio: float, ground: int, key: str, text: str, palette: QPalette
) -> QPixmap | None:
    """A badge cell as `paint_badge` draws it on a cell filled with `ground`; None when the pill (with
    its antialiased edge) would not fit in the cell."""
    if 4 + QFontMetrics(font).horizontalAdvance(text) + 16 + 1 > width:
        return None
    picture = QPixmap(round(width * ratio), round(height * ratio))
    picture.setDevicePixelRatio(ratio)
    picture.fill(QColor.fromRgba(ground))
    painter = QPainter(picture)
    painter.setFont(font)
    paint_badge(painter, QRectF(0, 0, width, height), key, text, palette)
    painter.end()
    return picture


FLAG_SHORT = "!"  # a flag in a narrow cell
MAX_PICTURES = 512  # cell pictures kept (~10 KB each): a page needs a few dozen


_ITEM = QStyle.ControlElement.CE_ItemViewItem
_HAS_FOCUS = QStyle.StateFlag.State_HasFocus
_SELECTED = QStyle.StateFlag.State_Selected
_ACTIVE = QStyle.StateFlag.State_Active
_ALTERNATE = QStyleOptionViewItem.ViewItemFeature.Alternate
_NO_PEN = Qt.PenStyle.NoPen
_ANTIALIASING = QPainter.RenderHint.Antialiasing
_CENTER = Qt.AlignmentFlag.AlignCenter
_SOLID = Qt.BrushStyle.SolidPattern
_GROUPS = QPalette.ColorGroup
_ROLES = QPalette.ColorRole


class BadgeDelegate(QStyledItemDelegate):
    """Draws cells that carry a pill (`PillRole`) as pills; other cells as usual.

    A page of the list paints ~80 pills. Each asks the model one question (`PillRole`, through the
    filter proxy) and copies a picture of the whole cell made the first time the same words were
    drawn in a cell of the same size, font and background: the picture is `paint_badge`'s own drawing
    on the colour Fusion fills such a cell with, so the pixels are the same. A cell whose background is
    not one plain colour (another style, a textured palette) or that has the keyboard focus (its frame)
    is drawn as before.
    """

    def __init__(self, parent=None):
        super().__init__(parent)
        # (font, badge key, words, cell width, cell height, pixel ratio, background, dark) → the cell's picture
        self._pictures: dict[tuple, QPixmap | None] = {}
        # (palette, selected, alternate, colour group) → the cell's background (ARGB), None if not plain
        self._grounds: dict[tuple, int | None] = {}
        self._plain_style: dict[int, bool] = {}  # style → whether it fills item cells with plain colours
        self._darks: dict[int, bool] = {}  # palette → whether it is a dark scheme
        self._dark = False  # the cell's palette's, found by _ground

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
        state = option.state
        if state & _HAS_FOCUS or widget is None:  # (the focus frame's place depends on the text)
            self._paint_badge(painter, option, index, key, text)
            return
        style = widget.style()
        plain = self._plain_style.get(id(style))
        if plain is None:
            plain = self._plain_style[id(style)] = style.name() == "fusion"
        ground = self._ground(option, state, widget) if plain else None
        if ground is None:
            self._paint_badge(painter, option, index, key, text)
            return
        # the cell's background (its selection, alternating rows): all the style draws for a cell
        # without text or icon; the picture covers it with the same colour
        style.drawControl(_ITEM, option, painter, widget)
        rect = option.rect
        font = painter.font()
        ratio = widget.devicePixelRatio()
        found = (font.key(), key, text, rect.width(), rect.height(), ratio, ground, self._dark)
        if found in self._pictures:
            picture = self._pictures[found]
        else:
            if len(self._pictures) >= MAX_PICTURES:  # (dragging a column's edge makes a width a step)
                self._pictures.clear()
            picture = self._pictures[found] = _cell_picture(
                font, rect.width(), rect.height(), ratio, ground, key, text, option.palette
            )
        if picture is None:  # a pill wider than its cell draws into the next one
            paint_badge(painter, QRectF(rect), key, text, option.palette)
        else:
            painter.drawPixmap(rect.left(), rect.top(), picture)

    def _ground(self, option: QStyleOptionViewItem, state, widget: QWidget) -> int | None:
        """The one colour Fusion fills this cell with (QCommonStyle's PE_PanelItemViewRow and
        PE_PanelItemViewItem over the viewport's base), or None when it is not a plain colour."""
        palette = option.palette
        dark = self._darks.get(palette.cacheKey())
        if dark is None:
            dark = self._darks[palette.cacheKey()] = is_dark(palette)  # the pill's colours follow it
        self._dark = dark
        selected = bool(state & _SELECTED)
        alternate = bool(option.features & _ALTERNATE)
        group = _GROUPS.Disabled if not widget.isEnabled() else _GROUPS.Active if state & _ACTIVE else _GROUPS.Inactive
        found = (palette.cacheKey(), selected, alternate, group)
        if found not in self._grounds:
            role = _ROLES.Highlight if selected else _ROLES.AlternateBase if alternate else _ROLES.Base
            brush = palette.brush(group, role)
            plain = brush.style() == _SOLID and brush.color().alpha() == 255
            self._grounds[found] = brush.color().rgba() if plain else None
        return self._grounds[found]

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
