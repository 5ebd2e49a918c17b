"""Small building blocks the negotiation panels share: wrapped selectable text, headings, a scroll frame."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QFrame, QLabel, QScrollArea, QSizePolicy, QVBoxLayout, QWidget


def text_label(text: str = "", parent: QWidget | None = None, *, wrap: bool = True) -> QLabel:
    """Plain text (never rich text: sentences come from the domain), word-wrapped, selectable by mouse.

    Selectable by mouse only: keyboard selection would make every label a tab stop.
    """
    label = QLabel(parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setText(text)
    label.setWordWrap(wrap)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    if wrap:
        label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
    return label


def heading_label(text: str, parent: QWidget | None = None, *, scale: float = 1.1) -> QLabel:
    label = text_label(text, parent)
    font = QFont(label.font())
    font.setBold(True)
    if font.pointSizeF() > 0:
        font.setPointSizeF(font.pointSizeF() * scale)
    label.setFont(font)
    label.setAccessibleName(text)
    return label


def scaled_font(base: QFont, scale: float, *, bold: bool = False) -> QFont:
    font = QFont(base)
    if font.pointSizeF() > 0:
        font.setPointSizeF(font.pointSizeF() * scale)
    font.setBold(bold)
    return font


def scroll_frame(content: QWidget, parent: QWidget, name: str) -> QScrollArea:
    """A frameless vertical scroll area around `content`, which resizes with the panel's width."""
    area = QScrollArea(parent)
    area.setWidget(content)
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    area.setAccessibleName(name)
    return area


class SwitchedPages(QWidget):
    """Pages of which one shows, like QStackedWidget, but as tall as the page shown at its width: a
    panel embedded in a scrolling page takes the height its wrapped sentences need, no more."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._pages: list[QWidget] = []
        self._current: QWidget | None = None

    def addWidget(self, page: QWidget) -> None:
        self._layout.addWidget(page)
        self._pages.append(page)
        if self._current is None:
            self._current = page
        else:
            page.hide()

    def setCurrentWidget(self, page: QWidget) -> None:
        self._current = page
        for other in self._pages:
            other.setVisible(other is page)

    def currentWidget(self) -> QWidget | None:
        return self._current

    def minimumSizeHint(self) -> QSize:
        # not the height of the narrowest shape (every sentence wrapped at 60 px): the page's layout
        # asks the height for the real width (height for width) and gets what the text needs
        return QSize(super().minimumSizeHint().width(), 0)

