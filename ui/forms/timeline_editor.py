"""The timeline editor: dated events as rows, and `TimelineStrip`, the events (and the rounds of the
negotiation) drawn on a date axis."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QPainter, QPaintEvent
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QLineEdit, QSizePolicy, QWidget

from app.models import EVENT_KINDS
from app.words import EVENT_NAMES, ROUND_MARK_NAMES
from ui.charts.timeline import paint_timeline
from ui.forms.binder import FormBinder, field_box, text_setter
from ui.forms.rows import ListRow
from ui.widgets.fields import DateEdit


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
            self.kind.addItem(EVENT_NAMES[kind], kind)
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
            show=text_setter(self.note),
        )


class TimelineStrip(QWidget):
    """The events as dots on a date axis, labelled, with the offer's deadline; palette colours only.

    Pure painting from the values it is given: it knows nothing of the store or the form."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._events: list[tuple[date, str, str]] = []
        self._rounds: list[tuple[date, str, str]] = []
        self._deadline: date | None = None
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setAccessibleName("Timeline chart")
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)

    def set_events(
        self,
        events: list[tuple[date, str, str]],
        deadline: date | None = None,
        rounds: Sequence[tuple[date, str, str]] = (),
    ) -> None:
        """(date, kind, note) for each event, in any order; the deadline is drawn as a hollow mark; the
        negotiation's rounds, (date, side, note), as diamonds: hollow for your asks, filled for the
        company's answers."""
        self._events = sorted(events, key=lambda e: e[0])
        self._rounds = sorted(rounds, key=lambda r: r[0])
        self._deadline = deadline
        marks = [(d, EVENT_NAMES.get(k, k), n) for d, k, n in self._events]
        marks += [(d, ROUND_MARK_NAMES.get(side, side), n) for d, side, n in self._rounds]
        marks.sort(key=lambda m: m[0])
        parts = [f"{d.isoformat()} {label}" for d, label, _ in marks]
        if deadline is not None:
            parts.append(f"deadline {deadline.isoformat()}")
        self.setAccessibleDescription("; ".join(parts) if parts else "No events yet")
        self.setToolTip("\n".join(f"{d.isoformat()}  {label}  {n}".rstrip() for d, label, n in marks))
        self.update()

    def events(self) -> list[tuple[date, str, str]]:
        return list(self._events)

    def rounds(self) -> list[tuple[date, str, str]]:
        return list(self._rounds)

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
        """Draw into `rect` with `painter`: `ui.charts.timeline.paint_timeline`, shared with the PDF brief."""
        paint_timeline(
            painter,
            rect,
            [(d, k) for d, k, _ in self._events],
            self._deadline,
            self.palette(),
            rounds=[(d, side) for d, side, _ in self._rounds],
        )
