"""The "Current job" entry at the top of the offer list: the way to the current-job form, visibly not an
offer (a briefcase, its own heading, no stage and no rating), with what staying pays in year 1 and what
leaving costs — from the Evaluator (`stay()`), as every screen shows them."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSize, Qt
from PySide6.QtGui import QFont, QPalette, QResizeEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from app.evaluation import StayEvaluation
from ui import format as fmt
from ui.widgets.icons import action_icon

EMPTY_WORDS = "Add your current job to compare every offer with staying"


class CurrentJobEntry(QPushButton):
    """A checkable card: checked while the current job's form is shown."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setCheckable(True)
        self.setObjectName("currentJobEntry")
        self.setToolTip("Your current job: what staying pays and what leaving costs (Ctrl+J)")
        self.icon_label = QLabel()
        self.heading = QLabel("Current job")
        bold = QFont(self.heading.font())
        bold.setBold(True)
        self.heading.setFont(bold)
        self.line = QLabel()
        self.figures = QLabel()
        self.figures.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self._texts: dict[QLabel, str] = {}
        words = QVBoxLayout()
        words.setSpacing(1)
        words.setContentsMargins(0, 0, 0, 0)
        for label in (self.heading, self.line, self.figures):
            label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
            label.setMinimumWidth(1)  # long names are shortened with "…", never widen the list
            words.addWidget(label)
        self.icon_label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        row = QHBoxLayout(self)
        row.setContentsMargins(10, 6, 10, 6)
        row.setSpacing(10)
        row.addWidget(self.icon_label, 0, Qt.AlignmentFlag.AlignVCenter)
        row.addLayout(words, 1)
        self._restyle()
        self.set_stay(None)

    def set_stay(self, stay: StayEvaluation | None) -> None:
        """What the entry says: the job and its figures, or how to start."""
        if stay is None:
            self._set(self.line, EMPTY_WORDS)
            self._set(self.figures, "Not an offer: never rated")
            self.setAccessibleName("Current job: none yet")
            self.setAccessibleDescription(EMPTY_WORDS)
            return
        job = stay.job
        self._set(self.line, " · ".join(part for part in (job.company, job.role) if part))
        cents = fmt.needs_cents((stay.figures.year_one, stay.leaving_cost))
        year_one = fmt.money(stay.figures.year_one, job.currency, cents=cents)
        leaving = fmt.money(stay.leaving_cost, job.currency, cents=cents)
        self._set(self.figures, f"Stay: {year_one} in year 1 · leaving costs {leaving}")
        self.setAccessibleName(f"Current job: {job.company}")
        self.setAccessibleDescription(f"Staying pays {year_one} in year 1; leaving costs {leaving}")

    def texts(self) -> tuple[str, str, str]:
        """(heading, line, figures) in full, as set (the labels may show them shortened)."""
        return (self.heading.text(), self._texts.get(self.line, ""), self._texts.get(self.figures, ""))

    def _set(self, label: QLabel, text: str) -> None:
        self._texts[label] = text
        label.setToolTip(text)
        self._elide(label)

    def _elide(self, label: QLabel) -> None:
        full = self._texts.get(label, label.text())
        width = max(label.width(), 40)
        label.setText(label.fontMetrics().elidedText(full, Qt.TextElideMode.ElideRight, width))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        for label in (self.line, self.figures):
            self._elide(label)

    def sizeHint(self) -> QSize:
        line = self.fontMetrics().height()
        return QSize(240, 3 * line + 18)

    def minimumSizeHint(self) -> QSize:
        return QSize(120, self.sizeHint().height())

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            self._restyle()

    def _restyle(self) -> None:
        self.icon_label.setPixmap(action_icon("job", self.palette()).pixmap(28, 28))
