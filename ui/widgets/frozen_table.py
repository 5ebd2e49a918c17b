"""A table whose first column stays put while the others scroll sideways, with two-line headers.

`FrozenColumnTable` is Qt's "frozen column" pattern: a second view laid over the first column of
the main one, sharing its model and selection, scrolled vertically with it. Scrolling right moves
the figures under it, never the names of the rows. `TwoLineHeader` draws each section's
`title_role` on one line and `detail_role` on a second, each elided on its own (the full text is the
section's tooltip), so "Lumen Health" stays readable however long the role under it is.
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, QRect, QSize, Qt, Signal
from PySide6.QtGui import QFont, QFontMetrics, QPainter, QPalette, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QStyle,
    QStyleOptionHeader,
    QTableView,
    QWidget,
)

_Index = QModelIndex | QPersistentModelIndex


class TwoLineHeader(QHeaderView):
    """A horizontal header that shows a title (bold) and a detail line under it, each elided alone."""

    def __init__(self, title_role: int, detail_role: int, letter_role: int | None = None, parent=None):
        super().__init__(Qt.Orientation.Horizontal, parent)
        self._title_role = title_role
        self._detail_role = detail_role
        self._letter_role = letter_role
        self.setDefaultAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.setHighlightSections(False)

    def sizeHint(self) -> QSize:
        hint = super().sizeHint()
        line = self.fontMetrics().height()
        return QSize(hint.width(), 2 * line + 12)

    def title_font(self) -> QFont:
        font = QFont(self.font())
        font.setBold(True)
        return font

    def section_width_hint(self, section: int) -> int:
        """The width that shows the section's title in full (the detail may elide)."""
        model: QAbstractItemModel | None = self.model()  # None until a model is set (Qt's stubs say never)
        if model is None:
            return 0
        title = str(model.headerData(section, self.orientation(), self._title_role) or "")
        letter = self._letter(section)
        width = QFontMetrics(self.title_font()).horizontalAdvance(title)
        if letter:
            width += QFontMetrics(self.title_font()).horizontalAdvance(letter + "  ")
        return width + 16

    def _letter(self, section: int) -> str:
        model: QAbstractItemModel | None = self.model()
        if self._letter_role is None or model is None:
            return ""
        return str(model.headerData(section, self.orientation(), self._letter_role) or "")

    def paintSection(self, painter: QPainter, rect: QRect, section: int) -> None:
        if not rect.isValid():
            return
        model: QAbstractItemModel | None = self.model()
        option = QStyleOptionHeader()
        self.initStyleOption(option)
        option.rect = rect
        option.section = section
        option.text = ""
        painter.save()
        self.style().drawControl(QStyle.ControlElement.CE_Header, option, painter, self)
        painter.restore()
        if model is None:
            return
        alignment = model.headerData(section, self.orientation(), Qt.ItemDataRole.TextAlignmentRole)
        horizontal = Qt.AlignmentFlag(int(alignment or self.defaultAlignment())) & Qt.AlignmentFlag.AlignHorizontal_Mask
        title = str(model.headerData(section, self.orientation(), self._title_role) or "")
        detail = str(model.headerData(section, self.orientation(), self._detail_role) or "")
        area = rect.adjusted(6, 4, -6, -4)
        line = self.fontMetrics().height()
        painter.save()
        painter.setPen(self.palette().color(QPalette.ColorRole.ButtonText))
        bold = self.title_font()
        letter = self._letter(section)
        title_area = QRect(area.left(), area.top(), area.width(), line)
        if letter:
            painter.setFont(bold)
            letter_width = QFontMetrics(bold).horizontalAdvance(letter + "  ")
            painter.setPen(self.palette().color(QPalette.ColorRole.PlaceholderText))
            painter.drawText(title_area, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, letter)
            painter.setPen(self.palette().color(QPalette.ColorRole.ButtonText))
            title_area.setLeft(title_area.left() + letter_width)
        painter.setFont(bold)
        shown = QFontMetrics(bold).elidedText(title, Qt.TextElideMode.ElideRight, title_area.width())
        painter.drawText(title_area, horizontal | Qt.AlignmentFlag.AlignVCenter, shown)
        if detail:
            painter.setFont(self.font())
            detail_area = QRect(area.left(), area.top() + line, area.width(), line)
            shown = self.fontMetrics().elidedText(detail, Qt.TextElideMode.ElideRight, detail_area.width())
            painter.drawText(detail_area, horizontal | Qt.AlignmentFlag.AlignVCenter, shown)
        painter.restore()


class FrozenColumnTable(QTableView):
    """A table view whose column 0 is frozen at the left edge (an overlaid view of the same model)."""

    viewport_resized = Signal()  # the room for the columns changed (the view, or a scroll bar came or went)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.frozen = QTableView(self)
        self.frozen.setObjectName("frozenColumn")
        self.frozen.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.frozen.verticalHeader().hide()
        self.frozen.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.frozen.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.frozen.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.frozen.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.frozen.setFrameShape(QTableView.Shape.NoFrame)
        self.frozen.setStyleSheet("QTableView#frozenColumn { border-right: 1px solid palette(mid); }")
        self.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.viewport().stackUnder(self.frozen)
        self.horizontalHeader().sectionResized.connect(self._on_section_resized)
        self.verticalHeader().sectionResized.connect(self._on_row_resized)
        self.frozen.verticalScrollBar().valueChanged.connect(self.verticalScrollBar().setValue)
        self.verticalScrollBar().valueChanged.connect(self.frozen.verticalScrollBar().setValue)

    def setModel(self, model: QAbstractItemModel | None) -> None:
        previous = self.model()
        if previous is not None:
            for signal in (previous.modelReset, previous.layoutChanged, previous.columnsInserted):
                signal.disconnect(self._hide_frozen_columns)
        super().setModel(model)
        self.frozen.setModel(model)
        self.frozen.setSelectionModel(self.selectionModel())
        if model is not None:
            for signal in (model.modelReset, model.layoutChanged, model.columnsInserted):
                signal.connect(self._hide_frozen_columns)
        self._hide_frozen_columns()

    def setItemDelegate(self, delegate) -> None:
        super().setItemDelegate(delegate)
        self.frozen.setItemDelegate(delegate)

    def setHorizontalHeader(self, header: QHeaderView) -> None:
        super().setHorizontalHeader(header)
        header.sectionResized.connect(self._on_section_resized)

    def label_width(self) -> int:
        return self.columnWidth(0)

    def set_label_width(self, width: int) -> None:
        self.setColumnWidth(0, width)
        self.frozen.setColumnWidth(0, width)
        self._place_frozen()

    def set_row_height(self, height: int) -> None:
        for view in (self, self.frozen):
            view.verticalHeader().setDefaultSectionSize(height)
            view.verticalHeader().setMinimumSectionSize(min(height, view.verticalHeader().minimumSectionSize()))

    # --- Qt ----------------------------------------------------------------------------------------

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._place_frozen()

    def updateGeometries(self) -> None:
        super().updateGeometries()
        self._place_frozen()
        width = self.viewport().width()
        if width != getattr(self, "_last_width", None):
            self._last_width = width
            self.viewport_resized.emit()

    def scrollTo(self, index: _Index, hint=QAbstractItemView.ScrollHint.EnsureVisible) -> None:
        if index.column() > 0:  # column 0 is always in view, under the frozen copy
            super().scrollTo(index, hint)

    def moveCursor(self, action, modifiers):
        current = super().moveCursor(action, modifiers)
        # keep the new current cell out from under the frozen column
        if action == QAbstractItemView.CursorAction.MoveLeft and current.column() > 0:
            left = self.visualRect(current).left()
            if left < self.frozen.columnWidth(0):
                bar = self.horizontalScrollBar()
                bar.setValue(bar.value() + left - self.frozen.columnWidth(0))
        return current

    # --- internals ---------------------------------------------------------------------------------

    def _hide_frozen_columns(self, *_args) -> None:
        model: QAbstractItemModel | None = self.model()
        if model is None:
            return
        for column in range(model.columnCount()):
            self.frozen.setColumnHidden(column, column != 0)
        self.frozen.setColumnWidth(0, self.columnWidth(0))
        self.frozen.horizontalHeader().setFixedHeight(self.horizontalHeader().height())
        self._place_frozen()

    def _on_section_resized(self, section: int, _old: int, new: int) -> None:
        if section == 0:
            self.frozen.setColumnWidth(0, new)
            self._place_frozen()

    def _on_row_resized(self, row: int, _old: int, new: int) -> None:
        self.frozen.setRowHeight(row, new)

    def _place_frozen(self) -> None:
        header = self.horizontalHeader()
        self.frozen.horizontalHeader().setFixedHeight(header.height())
        left = self.frameWidth() + (self.verticalHeader().width() if self.verticalHeader().isVisible() else 0)
        self.frozen.setGeometry(
            left, self.frameWidth(), self.columnWidth(0), self.viewport().height() + header.height()
        )
