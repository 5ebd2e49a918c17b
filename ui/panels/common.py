"""Small building blocks the negotiation panels share: wrapped selectable text, headings, a scroll frame."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QFrame, QLabel, QScrollArea, QSizePolicy, QWidget


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
