"""The negotiating position of one offer: the tier in words, the score, and every reason behind it."""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QPainter, QPalette
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app.position import Position, missing_for_rating
from app.rubric import TIERS
from app.text import day_words
from app.words import signed_points
from ui.panels.common import SwitchedPages, heading_label, scaled_font, scroll_frame, text_label
from ui.rubric_dialog import RubricDialog
from ui.widgets.badges import BadgeLabel
from ui.workspace import Workspace

SELECT_AN_OFFER = "Select an offer to see how strong your position is."


def not_rated_words(company: str, missing: tuple[str, ...]) -> str:
    return (
        f"{company} is not rated yet: add {' and '.join(missing)} on the Offer tab (Ctrl+1). The position "
        "is read from them; without them a rating would be a guess."
    )


class TierMeter(QWidget):
    """Five steps, as many filled as the tier is high: a shape to read at a glance (the badge says it in words)."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._filled = 0
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)

    def set_level(self, filled: int, of: int, words: str) -> None:
        self._filled = filled
        self.setAccessibleName(f"{words}: level {filled} of {of}")
        self.setToolTip(f"Level {filled} of {of}")
        self.update()

    def sizeHint(self) -> QSize:
        height = self.fontMetrics().height()
        return QSize(len(TIERS) * (height // 2 + 3), height)

    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        count = len(TIERS)
        step = self.width() / count
        bar = step - 3
        for i in range(count):
            # rising bars, like a signal meter: the shape grows with the tier
            height = self.height() * (0.4 + 0.6 * (i + 1) / count)
            rect = QRectF(i * step + 0.5, self.height() - height + 0.5, bar - 1, height - 1)
            filled = i < self._filled
            painter.setPen(palette.color(QPalette.ColorRole.Highlight if filled else QPalette.ColorRole.Mid))
            painter.setBrush(palette.color(QPalette.ColorRole.Highlight) if filled else Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(rect, 2, 2)


class PositionPanel(QWidget):
    """Shows `app.position`'s rating of the selected offer; refreshes whenever evaluations change."""

    def __init__(self, workspace: Workspace, parent: QWidget | None = None, *, scrolling: bool = True):
        """`scrolling`: the panel scrolls on its own; False when a page scrolls it with others."""
        super().__init__(parent)
        self.workspace = workspace
        self._offer_id: str | None = None
        self.rubric_dialog: RubricDialog | None = None

        self.empty_label = text_label(SELECT_AN_OFFER, self)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)

        content = QWidget(self)
        self.title_label = heading_label("Your position", content)
        self.tier_badge = BadgeLabel(parent=content)
        self.tier_meter = TierMeter(content)
        self.score_label = text_label("", content, wrap=False)
        self.score_label.setFont(scaled_font(self.score_label.font(), 1.5, bold=True))
        self.timing_label = text_label("", content)
        self.reasons_heading = heading_label("Why", content, scale=1.0)
        self.reasons_layout = QVBoxLayout()
        self.reasons_layout.setSpacing(8)
        self.next_heading = heading_label("Next steps", content, scale=1.0)
        self.next_layout = QVBoxLayout()
        self.next_layout.setSpacing(6)
        self.rubric_label = text_label("", content)
        self.rubric_button = QPushButton("How is this &rated?", content)
        self.rubric_button.setAccessibleName("How is this rated?")
        self.rubric_button.setToolTip("Every threshold and weight of the rating")
        self.rubric_button.clicked.connect(self._on_rubric_clicked)
        self.point_labels: list[QLabel] = []
        self.reason_labels: list[QLabel] = []
        self.next_labels: list[QLabel] = []

        badge_row = QHBoxLayout()
        badge_row.setSpacing(10)
        badge_row.addWidget(self.tier_badge)
        badge_row.addWidget(self.tier_meter, 0, Qt.AlignmentFlag.AlignVCenter)
        badge_row.addStretch(1)
        badge_row.addWidget(self.score_label)
        footer = QHBoxLayout()
        footer.addWidget(self.rubric_label, 1)
        footer.addWidget(self.rubric_button, 0, Qt.AlignmentFlag.AlignTop)

        layout = QVBoxLayout(content)
        layout.setContentsMargins(12, 12, 12, 12)
        layout.setSpacing(10)
        layout.addWidget(self.title_label)
        layout.addLayout(badge_row)
        layout.addWidget(self.timing_label)
        layout.addSpacing(4)
        layout.addWidget(self.reasons_heading)
        layout.addLayout(self.reasons_layout)
        layout.addSpacing(4)
        layout.addWidget(self.next_heading)
        layout.addLayout(self.next_layout)
        if scrolling:
            layout.addStretch(1)
        layout.addLayout(footer)
        self.content = content
        self.scroll = scroll_frame(content, self, "Negotiating position") if scrolling else content

        self.stack = QStackedWidget(self) if self.scroll is not self.content else SwitchedPages(self)
        self.stack.addWidget(self.empty_label)
        self.stack.addWidget(self.scroll)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.stack)
        self.setAccessibleName("Negotiating position")


        workspace.evaluations_changed.connect(self._on_evaluations_changed)
        self._refresh()

    # --- public ----------------------------------------------------------------------------------

    def offer_id(self) -> str | None:
        return self._offer_id

    def set_offer(self, offer_id: str | None) -> None:
        self._offer_id = offer_id or None
        self._refresh()

    # --- internals -------------------------------------------------------------------------------

    def _on_evaluations_changed(self) -> None:
        if not self.isVisible() and self.window().isVisible():
            self._stale = True  # on a hidden tab of a shown window: refreshed when shown, not on every edit
            return
        self._refresh()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if getattr(self, "_stale", False):
            self._stale = False
            self._refresh()

    def _refresh(self) -> None:
        offer = self.workspace.offer(self._offer_id) if self._offer_id else None
        if offer is None:
            self.empty_label.setText(SELECT_AN_OFFER)
            self.stack.setCurrentWidget(self.empty_label)
            return
        missing = missing_for_rating(offer)
        if missing:
            self.empty_label.setText(not_rated_words(offer.company, missing))
            self.stack.setCurrentWidget(self.empty_label)
            return
        position = self.workspace.evaluation(offer.id).position
        self.title_label.setText(f"Your position with {offer.company}")
        self._show_rating(position)
        self._show_reasons(position)
        self.stack.setCurrentWidget(self.scroll)

    def _show_rating(self, p: Position) -> None:
        self.tier_badge.set_badge(f"tier:{p.tier}", p.tier_name)
        self.tier_badge.setAccessibleName(f"Tier: {p.tier_name}")
        self.tier_badge.setToolTip(f"Tier: {p.tier_name}")
        self.tier_meter.set_level(len(TIERS) - TIERS.index(p.tier), len(TIERS), p.tier_name)
        self.score_label.setText(f"{p.score} of 100")
        self.score_label.setAccessibleName(f"Score {p.score} of 100")
        self.timing_label.setText(_timing_words(p))
        self.timing_label.setVisible(bool(self.timing_label.text()))
        self.rubric_label.setText(f"Rubric version {p.rubric_version}. A rule of thumb, not a certainty.")

    def _show_reasons(self, p: Position) -> None:
        _clear(self.reasons_layout)
        _clear(self.next_layout)
        content = self.content
        self.point_labels, self.reason_labels, self.next_labels = [], [], []
        rows = [(signed_points(e.points), e.sentence, f"{signed_points(e.points)} points") for e in p.evidence]
        if p.capped:
            rows.append(("Cap", p.capped, "Cap"))
        for points, sentence, spoken in rows:
            # one row widget per reason: a box layout sizes wrapped text to its real width
            row = QWidget(content)
            points_label = text_label(points, row, wrap=False)
            points_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
            points_label.setFont(scaled_font(points_label.font(), 1.0, bold=True))
            points_label.setFixedWidth(points_label.fontMetrics().horizontalAdvance("+100") + 4)
            points_label.setAccessibleName(spoken)
            sentence_label = text_label(sentence, row)
            sentence_label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
            line = QHBoxLayout(row)
            line.setContentsMargins(0, 0, 0, 0)
            line.setSpacing(10)
            line.addWidget(points_label, 0, Qt.AlignmentFlag.AlignTop)
            line.addWidget(sentence_label, 1)
            self.reasons_layout.addWidget(row)
            self.point_labels.append(points_label)
            self.reason_labels.append(sentence_label)
        for step in p.next_steps:
            row = QWidget(content)
            arrow = text_label("→", row, wrap=False)
            label = text_label(step, row)
            label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
            line = QHBoxLayout(row)
            line.setContentsMargins(0, 0, 0, 0)
            line.setSpacing(6)
            line.addWidget(arrow, 0, Qt.AlignmentFlag.AlignTop)
            line.addWidget(label, 1)
            self.next_layout.addWidget(row)
            self.next_labels.append(label)
        self.next_heading.setVisible(bool(p.next_steps))

    def _on_rubric_clicked(self) -> None:
        if self.rubric_dialog is not None:
            self.rubric_dialog.close()
        dialog = RubricDialog(self.workspace.settings().active_rubric, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(self._on_rubric_dialog_finished)
        self.rubric_dialog = dialog
        dialog.open()  # window-modal, without a nested event loop

    def _on_rubric_dialog_finished(self) -> None:
        self.rubric_dialog = None


def _timing_words(p: Position) -> str:
    if p.interview_to_offer_days is not None:
        days = p.interview_to_offer_days
        return f"Interview to offer: {'the same day' if days == 0 else day_words(days)}"
    if p.days_waiting is not None:
        return f"Waiting: {day_words(p.days_waiting)} since the last interview, no offer yet"
    return ""


def _clear(layout) -> None:
    while layout.count():
        item = layout.takeAt(0)
        widget = item.widget()
        if widget is not None:
            widget.hide()
            widget.deleteLater()
