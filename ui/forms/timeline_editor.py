"""The timeline editor: dated events as rows, and `TimelineStrip`, the events drawn on a date axis."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QLocale, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFontMetrics, QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QLineEdit, QSizePolicy, QWidget

from app.models import EVENT_KINDS
from ui.forms.binder import FormBinder, field_box
from ui.forms.rows import ListRow
from ui.widgets.fields import DateEdit

KIND_LABELS: dict[str, str] = {
    "applied": "Applied",
    "recruiter_screen": "Recruiter screen",
    "interview": "Interview",
    "final_interview": "Final interview",
    "feedback": "Feedback",
    "offer": "Offer",
    "counter": "Counter",
    "response": "Response",
    "follow_up": "Follow-up",
}


def next_kind(previous: str | None) -> str:
    """The step that usually follows `previous` (a new event's first guess); "follow_up" at the end."""
    if previous is None:
        return "applied"
    index = EVENT_KINDS.index(previous)
    return EVENT_KINDS[min(index + 1, len(EVENT_KINDS) - 1)]


class EventRow(ListRow):
    """One timeline event: date, kind, note."""

    def __init__(self, new_date: date, previous_kind: str | None, parent: QWidget | None = None):
        super().__init__("event", parent)
        self._new_date = new_date
        self._previous_kind = previous_kind
        self.date = DateEdit()
        self.date.setMaximumWidth(self.date.fontMetrics().horizontalAdvance("0000-00-00") + 24)
        self.kind = QComboBox()
        for kind in EVENT_KINDS:
            self.kind.addItem(KIND_LABELS[kind], kind)
        self.note = QLineEdit()
        self.note.setPlaceholderText("What happened, who, what was said")
        self.messages = {}
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for key, text, widget, stretch in (
            ("date", "Date", self.date, 0),
            ("kind", "Kind", self.kind, 0),
            ("note", "Note", self.note, 1),
        ):
            label = QLabel(text)
            label.setBuddy(widget)
            box, self.messages[key] = field_box(widget)
            layout.addWidget(label, 0, Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
            layout.addWidget(box, stretch, Qt.AlignmentFlag.AlignTop)
        layout.addWidget(self.remove_button, 0, Qt.AlignmentFlag.AlignTop)
        for label in self.findChildren(QLabel):
            if label.buddy() is not None:  # line the labels up with the inputs' text
                label.setMinimumHeight(self.date.sizeHint().height())

    def inputs(self) -> list[QWidget]:
        return [self.date, self.kind, self.note]

    def fill_new(self) -> None:
        self.date.set_value(self._new_date)
        self.kind.setCurrentIndex(self.kind.findData(next_kind(self._previous_kind)))

    def bind(self, binder: FormBinder, path: str, number: int) -> None:
        super().bind(binder, path, number)
        name = f"Event {number}"
        self.date.setAccessibleName(f"{name} date")
        self.kind.setAccessibleName(f"{name} kind")
        self.note.setAccessibleName(f"{name} note")
        binder.bind(f"{path}.date", self.date, label=f"{name} date", message=self.messages["date"])
        binder.bind(f"{path}.kind", self.kind, label=f"{name} kind", message=self.messages["kind"])
        binder.bind(
            f"{path}.note",
            self.note,
            label=f"{name} note",
            message=self.messages["note"],
            read=self.note.text,
            show=lambda value: self.note.setText(value or ""),
        )


class TimelineStrip(QWidget):
    """The events as dots on a date axis, labelled, with the offer's deadline; palette colours only.

    Pure painting from the values it is given: it knows nothing of the store or the form."""

    _MARGIN = 16
    _DOT = 4.5

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._events: list[tuple[date, str, str]] = []
        self._deadline: date | None = None
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setAccessibleName("Timeline chart")
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)

    def set_events(self, events: list[tuple[date, str, str]], deadline: date | None = None) -> None:
        """(date, kind, note) for each event, in any order; the deadline is drawn as a hollow mark."""
        self._events = sorted(events, key=lambda e: e[0])
        self._deadline = deadline
        parts = [f"{d.isoformat()} {KIND_LABELS.get(k, k)}" for d, k, _ in self._events]
        if deadline is not None:
            parts.append(f"deadline {deadline.isoformat()}")
        self.setAccessibleDescription("; ".join(parts) if parts else "No events yet")
        self.setToolTip(
            "\n".join(f"{d.isoformat()}  {KIND_LABELS.get(k, k)}  {n}".rstrip() for d, k, n in self._events)
        )
        self.update()

    def events(self) -> list[tuple[date, str, str]]:
        return list(self._events)

    def sizeHint(self) -> QSize:
        return QSize(480, self.fontMetrics().height() * 4 + 30)

    def minimumSizeHint(self) -> QSize:
        return QSize(200, self.sizeHint().height())

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.paint(painter, QRectF(self.rect()))
        painter.end()

    def paint(self, painter: QPainter, rect: QRectF) -> None:
        """Draw into `rect` with `painter` (the same code could draw into a PDF).

        Lines from the top: labels above the axis, the axis with a dot per event (a hollow square for
        the deadline), labels below it, then month names and the first and last dates."""
        palette = self.palette()
        text_colour = palette.color(QPalette.ColorRole.WindowText)
        quiet = palette.color(QPalette.ColorRole.PlaceholderText)
        accent = palette.color(QPalette.ColorRole.Highlight)
        metrics = QFontMetrics(painter.font())
        line = metrics.height()
        marks = [(d, KIND_LABELS.get(k, k), False) for d, k, _ in self._events]
        if self._deadline is not None:
            marks.append((self._deadline, "Deadline", True))
            marks.sort(key=lambda m: m[0])
        if not marks:
            painter.setPen(quiet)
            painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, "No events yet")
            return
        first, last = marks[0][0], marks[-1][0]
        span = max((last - first).days, 1)
        left = rect.left() + self._MARGIN
        right = rect.right() - self._MARGIN
        above_top = rect.top() + 4
        axis_y = above_top + line + 10
        below_top = axis_y + 10
        scale_top = below_top + line + 6

        def x_of(day: date) -> float:
            if first == last:
                return (left + right) / 2
            return left + (right - left) * (day - first).days / span

        painter.setPen(QPen(quiet, 1.5))
        painter.drawLine(QPointF(left - 6, axis_y), QPointF(right + 6, axis_y))
        self._paint_scale(painter, metrics, first, last, x_of, axis_y, scale_top, left, right, quiet)

        # each label goes above the axis if it fits there, else below, else shortened above
        ends = {"above": -1e9, "below": -1e9}
        for day, label, is_deadline in marks:
            x = x_of(day)
            width = metrics.horizontalAdvance(label)
            start = min(max(x - width / 2, rect.left() + 2), rect.right() - width - 2)
            side = next((s for s in ("above", "below") if start >= ends[s] + 8), None)
            if side is None:
                side = "above" if ends["above"] <= ends["below"] else "below"
                room = max(int(rect.right() - 2 - (ends[side] + 8)), line)
                label = metrics.elidedText(label, Qt.TextElideMode.ElideRight, room)
                width = metrics.horizontalAdvance(label)
                start = ends[side] + 8
            ends[side] = start + width
            top = above_top if side == "above" else below_top
            painter.setPen(QPen(quiet, 1))
            if side == "above":
                painter.drawLine(QPointF(x, top + line), QPointF(x, axis_y - self._DOT))
            else:
                painter.drawLine(QPointF(x, axis_y + self._DOT), QPointF(x, top))
            if is_deadline:
                painter.setBrush(Qt.BrushStyle.NoBrush)
                painter.setPen(QPen(accent, 2))
                painter.drawRect(QRectF(x - self._DOT, axis_y - self._DOT, self._DOT * 2, self._DOT * 2))
            else:
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(accent)
                painter.drawEllipse(QPointF(x, axis_y), self._DOT, self._DOT)
            painter.setPen(text_colour)
            painter.drawText(QRectF(start, top, width + 1, line), Qt.AlignmentFlag.AlignLeft, label)

    def _paint_scale(
        self,
        painter: QPainter,
        metrics: QFontMetrics,
        first: date,
        last: date,
        x_of: Callable[[date], float],
        axis_y: float,
        top: float,
        left: float,
        right: float,
        colour: QColor,
    ) -> None:
        """The first and last dates at the ends, month names at month starts where they fit."""
        line = metrics.height()
        painter.setPen(colour)
        first_text, last_text = first.isoformat(), last.isoformat()
        first_end = left - 6 + metrics.horizontalAdvance(first_text)
        last_start = right + 6 - metrics.horizontalAdvance(last_text)
        painter.drawText(QRectF(left - 6, top, first_end - left + 7, line), Qt.AlignmentFlag.AlignLeft, first_text)
        if last != first:
            painter.drawText(
                QRectF(last_start, top, right + 7 - last_start, line), Qt.AlignmentFlag.AlignLeft, last_text
            )
        locale = QLocale()
        month = date(first.year + (first.month == 12), first.month % 12 + 1, 1)
        while month <= last:
            x = x_of(month)
            painter.setPen(QPen(colour, 1))
            painter.drawLine(QPointF(x, axis_y - 3), QPointF(x, axis_y + 3))
            name = locale.monthName(month.month, QLocale.FormatType.ShortFormat)
            width = metrics.horizontalAdvance(name)
            if x - width / 2 > first_end + 8 and x + width / 2 < last_start - 8:
                painter.drawText(QRectF(x - width / 2, top, width + 1, line), Qt.AlignmentFlag.AlignLeft, name)
            month = date(month.year + (month.month == 12), month.month % 12 + 1, 1)
