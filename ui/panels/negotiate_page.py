"""The Negotiate tab: the position, then what the company can still do and the levers, in one column
that scrolls as one, so no column stands half empty beside a long list of levers."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QScrollArea, QSizePolicy, QVBoxLayout, QWidget

from ui.panels.levers_panel import LeversPanel
from ui.panels.position_panel import PositionPanel
from ui.workspace import Workspace

READING_WIDTH = 1000  # wider, sentences get hard to follow: the column stays centred


class NegotiatePage(QScrollArea):
    """PositionPanel above LeversPanel, both scrolled by this page."""

    def __init__(self, workspace: Workspace, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setAccessibleName("Negotiate")
        page = QWidget()
        column = QWidget(page)
        column.setMaximumWidth(READING_WIDTH)
        self.position_panel = PositionPanel(workspace, column, scrolling=False)
        self.levers_panel = LeversPanel(workspace, column, scroll_bar=self.verticalScrollBar)
        for panel in (self.position_panel, self.levers_panel):  # as tall as their content; the page scrolls
            panel.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        rule = QFrame(column)
        rule.setFrameShape(QFrame.Shape.HLine)
        rule.setFrameShadow(QFrame.Shadow.Sunken)
        stack = QVBoxLayout(column)
        stack.setContentsMargins(0, 0, 0, 0)
        stack.setSpacing(0)
        stack.addWidget(self.position_panel)
        stack.addWidget(rule)
        stack.addWidget(self.levers_panel)
        stack.addStretch(1)
        centred = QHBoxLayout(page)
        centred.setContentsMargins(0, 0, 0, 0)
        centred.addStretch(0)
        centred.addWidget(column, 1)
        centred.addStretch(0)
        self.setWidget(page)
