"""One generic form binder: field paths ↔ widgets, raw values → a pydantic model, errors → marks.

A form registers each input under the path pydantic uses for it ("base_salary", "bonus.target_pct",
"equity[0].vesting.years_pct"). The binder loads a model into the widgets with their signals
blocked, collects what was typed into a nested dict of the model's `model_dump()` shape, validates
it with the model (which holds every rule), and shows each problem at its field: a dynamic property
`invalid` (styled by `form_stylesheet`), a message label under the field, and the same words as
tooltip and accessible description. Problems no field owns go to a banner. No message boxes, ever.

The style sheet is given to each widget the first time it is marked (a field, its message, the
banner), not to the whole form: a style sheet on a form puts every one of its ~800 widgets under
Qt's style-sheet style, which cost the window ~8 MB and ~250 ms of CPU to build (issue 15), for
rules that only ever match the few widgets marked. Those are drawn by the same rules as before.

A field the user has not typed in or left since it was loaded (or since it appeared, like the
target of a bonus just switched to "Percent of base") is not marked for being empty: it is "held"
(`held()`) until the user leaves it or types in it. The form still won't save, and it can say what
is missing in a neutral voice; nothing turns red before the user had a chance to fill it.
"""

from __future__ import annotations

import copy
import itertools
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from pydantic import BaseModel, ValidationError
from PySide6.QtCore import QEvent, QObject, QSignalBlocker, Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QApplication,
    QBoxLayout,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLayout,
    QLineEdit,
    QPlainTextEdit,
    QScrollArea,
    QSpinBox,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.errors import form_errors
from app.parsing import ParseError


class _Omit:
    def __repr__(self) -> str:
        return "OMIT"


OMIT: Any = _Omit()
"""A getter's answer for "leave this key out", so the model's default (or "is required") applies."""

_PREDICATE_WORDS = ("can't ", "can ", "must ", "is ", "has ", "needs ", "should ")


def sentence(label: str, message: str) -> str:
    """ "Base salary" + "can't be negative" → "Base salary can't be negative"; whole sentences are
    only capitalised ("the band's minimum is above its maximum" → "The band's minimum …")."""
    if message.startswith(_PREDICATE_WORDS):
        return f"{label} {message}"
    return message[:1].upper() + message[1:]


# --- paths --------------------------------------------------------------------------------------

_PART = re.compile(r"\[(\d+)\]|([^.\[\]]+)")


def path_parts(path: str) -> list[str | int]:
    """ "equity[0].vesting.years_pct" → ["equity", 0, "vesting", "years_pct"]."""
    return [int(index) if index else name for index, name in _PART.findall(path)]


def get_path(data: Any, path: str, default: Any = None) -> Any:
    node = data
    for part in path_parts(path):
        if isinstance(part, int):
            if not isinstance(node, list) or part >= len(node):
                return default
            node = node[part]
        else:
            if not isinstance(node, dict) or part not in node:
                return default
            node = node[part]
    return node


def set_path(data: dict[str, Any], path: str, value: Any) -> None:
    """Set a value deep inside nested dicts and lists, creating (or replacing a None with) containers."""
    parts = path_parts(path)
    node: Any = data
    for part, following in itertools.pairwise(parts):
        child_empty: Any = [] if isinstance(following, int) else {}
        if isinstance(part, int):
            while len(node) <= part:
                node.append(None)
            if not isinstance(node[part], list | dict):
                node[part] = child_empty
            node = node[part]
        else:
            if not isinstance(node.get(part), list | dict):
                node[part] = child_empty
            node = node[part]
    last = parts[-1]
    if isinstance(last, int):
        while len(node) <= last:
            node.append(None)
    node[last] = value


def delete_path(data: dict[str, Any], path: str) -> None:
    """Remove a key (a list item becomes None), so the model's default or "is required" applies."""
    *parents, last = path_parts(path)
    node: Any = data
    for part in parents:
        if isinstance(part, int):
            node = node[part] if isinstance(node, list) and part < len(node) else None
        else:
            node = node.get(part) if isinstance(node, dict) else None
    if isinstance(node, dict) and isinstance(last, str):
        node.pop(last, None)
    elif isinstance(node, list) and isinstance(last, int) and last < len(node):
        node[last] = None


def humanize(path: str) -> str:
    """A path no field owns, for the banner: "equity[2].vesting" → "Equity 3 vesting"."""
    words = [str(part + 1) if isinstance(part, int) else part.replace("_", " ") for part in path_parts(path)]
    text = " ".join(words)
    return text[:1].upper() + text[1:] if text else "This offer"


# --- widgets: layout order, revealing, the message label ----------------------------------------


def message_label() -> QLabel:
    """The label under a field that shows its problem (hidden while there is none)."""
    label = QLabel()
    label.setObjectName("fieldMessage")
    label.setProperty("role", "field-message")
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.hide()
    return label


def field_box(widget: QWidget, beside: bool = False) -> tuple[QWidget, QLabel]:
    """The widget with its message label, as one cell of a form or grid layout: under it, or
    `beside` it, in room kept for it, so a message appearing moves nothing on the page."""
    box = QWidget()
    layout: QBoxLayout = QHBoxLayout(box) if beside else QVBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(10 if beside else 2)
    layout.addWidget(widget, 0, Qt.AlignmentFlag.AlignTop if beside else Qt.AlignmentFlag(0))
    message = message_label()
    if beside:
        policy = message.sizePolicy()
        policy.setRetainSizeWhenHidden(True)  # the field keeps its width when the message comes or goes
        message.setSizePolicy(policy)
        message.setMinimumHeight(widget.sizeHint().height())
        message.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        layout.addWidget(message, 1)
    else:
        layout.addWidget(message)
    return box, message


def add_form_row(layout: QFormLayout, text: str, widget: QWidget, name: str | None = None) -> QLabel:
    """A labelled row: a sentence-case buddy label, the widget with its message label, and the
    accessible name (the label's words unless `name` says more). Returns the message label.

    An amount, a percentage, a date, a count or a choice is narrow: its message goes beside it, where
    there is room, so nothing below moves when it appears. A line of text spans the row: its message
    goes under it."""
    label = QLabel(text)
    label.setBuddy(widget)
    widget.setAccessibleName(name or text.rstrip(":"))
    box, message = field_box(widget, beside=_is_narrow(widget))
    layout.addRow(label, box)
    return message


def _is_narrow(widget: QWidget) -> bool:
    if isinstance(widget, QComboBox | QAbstractSpinBox):
        return True
    return isinstance(widget, QLineEdit) and type(widget) is not QLineEdit  # the parsed fields


def finished_signals(widget: QWidget) -> list[Any]:
    """The signals that mean "the user finished an edit" for this kind of input."""
    if hasattr(widget, "committed"):  # the parsed fields of ui.widgets.fields, the notes editor
        return [widget.committed]  # type: ignore[attr-defined]
    if isinstance(widget, QComboBox):
        signals = [widget.activated]
        if widget.isEditable():
            signals.append(widget.lineEdit().editingFinished)
        return signals
    if isinstance(widget, QLineEdit | QAbstractSpinBox):
        return [widget.editingFinished]
    if isinstance(widget, QAbstractButton):
        return [widget.clicked]
    return []


def widgets_in_layout_order(root: QWidget) -> list[QWidget]:
    """Every widget under `root` in the order its layouts place them (depth first), which is reading
    order for forms built top to bottom. Scroll areas and stacked pages are followed too."""
    found: list[QWidget] = []

    def visit_widget(widget: QWidget) -> None:
        found.append(widget)
        if isinstance(widget, QScrollArea) and widget.widget() is not None:
            visit_widget(widget.widget())
        elif isinstance(widget, QTabWidget):
            for i in range(widget.count()):
                visit_widget(widget.widget(i))
        elif widget.layout() is not None:
            visit_layout(widget.layout())

    def visit_layout(layout: QLayout) -> None:
        for i in range(layout.count()):
            item = layout.itemAt(i)
            if item.widget() is not None:
                visit_widget(item.widget())
            elif item.layout() is not None:
                visit_layout(item.layout())

    if root.layout() is not None:
        visit_layout(root.layout())
    return found


def is_input(widget: QWidget) -> bool:
    """A widget the user types into or operates (not the parts inside a combo or spin box)."""
    if not isinstance(widget, QLineEdit | QComboBox | QAbstractSpinBox | QPlainTextEdit | QAbstractButton):
        return False
    parent = widget.parentWidget()
    return not isinstance(parent, QComboBox | QAbstractSpinBox)


def text_setter(widget: QLineEdit) -> Callable[[Any], None]:
    """Shows a value as the field's text (None: empty), read from its start: a long note shows its first
    words, not its last (setText leaves the cursor, and the view, at the end)."""

    def set_text(value: Any) -> None:
        widget.setText("" if value is None else str(value))
        widget.setCursorPosition(0)

    return set_text


def apply_tab_order(root: QWidget) -> None:
    """Make Tab follow the layout (rows added later would otherwise come last in the focus chain)."""
    chain = [w for w in widgets_in_layout_order(root) if is_input(w) and w.focusPolicy() & Qt.FocusPolicy.TabFocus]
    for first, second in itertools.pairwise(chain):
        QWidget.setTabOrder(first, second)


def reveal(widget: QWidget) -> None:
    """Bring a field into view (the tab it is on, its place in a scroll area) and focus it."""
    child: QWidget = widget
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QStackedWidget) and parent.indexOf(child) >= 0:
            tabs = parent.parentWidget()
            if isinstance(tabs, QTabWidget):
                tabs.setCurrentWidget(child)
        child, parent = parent, parent.parentWidget()
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QScrollArea):
            parent.ensureWidgetVisible(widget)
        parent = parent.parentWidget()
    widget.setFocus(Qt.FocusReason.OtherFocusReason)


# --- the error colour ---------------------------------------------------------------------------


def error_colour(palette: QPalette) -> QColor:
    """Red, as light or dark as the palette needs to read against its base colour (dark mode too).

    The hue is the one fixed thing (red means "fix this" everywhere); lightness follows the palette,
    so there is no colour hard-coded for a light theme only."""
    base = palette.color(QPalette.ColorRole.Base)
    return QColor.fromHslF(0.0, 0.72, 0.68 if base.lightnessF() < 0.5 else 0.42)


def form_stylesheet(palette: QPalette) -> str:
    """The rules for marked fields and their messages; rebuilt when the palette changes (given to
    each widget the binder marks: `FormBinder.restyle`)."""
    red = error_colour(palette).name()
    return (
        f'QLineEdit[invalid="true"], QPlainTextEdit[invalid="true"], QComboBox[invalid="true"],'
        f' QAbstractSpinBox[invalid="true"] {{ border: 2px solid {red}; border-radius: 3px; padding: 1px; }}'
        f' QLabel[role="field-message"] {{ color: {red}; }}'
        f' QLabel[role="banner"] {{ border: 1px solid {red}; border-radius: 3px; padding: 6px; margin: 6px; }}'
    )


# --- the binder ---------------------------------------------------------------------------------


@dataclass
class BoundField:
    """One input bound to one model path."""

    path: str
    widget: QWidget
    label: str  # how messages name the field: "Base salary", "Grant 2 value"
    message: QLabel | None
    read: Callable[[], Any]  # the raw value (may raise ParseError); None when empty
    show: Callable[[Any], None]  # shows a model value (None when the model has none)
    empty: Any = None  # what an empty field means: None, or OMIT to leave the key out
    active: Callable[[], bool] = field(default=lambda: True)  # inactive fields give None, own no errors
    stands_in_for: tuple[str, ...] = ()  # paths of inactive fields whose problems this one shows
    tooltip: str = ""
    touched: bool = False  # the user typed in it or left it since it was loaded


def default_read(widget: QWidget) -> Callable[[], Any]:
    if hasattr(widget, "value") and isinstance(widget, QLineEdit):  # MoneyEdit, PercentEdit, DateEdit …
        return widget.value  # type: ignore[attr-defined]
    if isinstance(widget, QComboBox):
        return widget.currentData if not widget.isEditable() else lambda: widget.currentText().strip() or None
    if isinstance(widget, QSpinBox):
        return widget.value
    if isinstance(widget, QPlainTextEdit):
        return widget.toPlainText
    if isinstance(widget, QLineEdit):
        return lambda: widget.text().strip() or None
    raise TypeError(f"no default getter for {type(widget).__name__}; pass read=")


def default_show(widget: QWidget) -> Callable[[Any], None]:
    if hasattr(widget, "set_value") and isinstance(widget, QLineEdit):
        return widget.set_value  # type: ignore[attr-defined]
    if isinstance(widget, QComboBox):

        def set_combo(value: Any) -> None:
            index = widget.findData(value)
            if index >= 0:
                widget.setCurrentIndex(index)
            elif widget.isEditable():
                widget.setEditText("" if value is None else str(value))

        return set_combo
    if isinstance(widget, QSpinBox):
        return lambda value: widget.setValue(widget.minimum() if value is None else int(value))
    if isinstance(widget, QPlainTextEdit):
        return lambda value: widget.setPlainText(value or "")
    if isinstance(widget, QLineEdit):
        return text_setter(widget)
    raise TypeError(f"no default setter for {type(widget).__name__}; pass show=")


class FormBinder(QObject):
    """Binds widgets to the paths of one pydantic model; loads, collects, validates and marks."""

    def __init__(
        self,
        model: type[BaseModel],
        root: QWidget,
        banner: QLabel,
        shape: Callable[[dict[str, Any]], dict[str, Any]] | None = None,
        parent: QObject | None = None,
    ):
        super().__init__(parent)
        self.model = model
        self.root = root  # the widget whose layouts give the reading order
        self.banner = banner
        self.banner.setProperty("role", "banner")
        self.banner.setWordWrap(True)
        self.banner.hide()
        self._shape = shape
        self._fields: dict[str, BoundField] = {}
        self._lists: dict[str, Callable[[], list[dict[str, Any]]]] = {}
        self._base: dict[str, Any] = {}
        self._shown: dict[str, str] = {}  # what is marked now: field path (or "" for banner) → message
        self._held: dict[str, str] = {}  # problems of empty fields the user has not reached yet
        self._problems: dict[str, str] = {}  # the last problems shown (or held), to mark on leaving

    # --- registry --------------------------------------------------------------------------------

    def bind(
        self,
        path: str,
        widget: QWidget,
        *,
        label: str,
        message: QLabel | None,
        read: Callable[[], Any] | None = None,
        show: Callable[[Any], None] | None = None,
        empty: Any = None,
        active: Callable[[], bool] | None = None,
        stands_in_for: tuple[str, ...] = (),
    ) -> BoundField:
        bound = BoundField(
            path=path,
            widget=widget,
            label=label,
            message=message,
            read=read or default_read(widget),
            show=show or default_show(widget),
            empty=empty,
            active=active or (lambda: True),
            stands_in_for=stands_in_for,
            tooltip=widget.toolTip(),
        )
        self._fields[path] = bound
        if isinstance(widget, QAbstractSpinBox):
            self._styled(widget)  # (drawn as they were under the form's style sheet: a pixel taller)
        if not widget.property("binderWatched"):
            widget.setProperty("binderWatched", True)
            widget.installEventFilter(self)  # leaving the field: see eventFilter
            if isinstance(widget, QLineEdit):
                widget.textEdited.connect(lambda _text, w=widget: self._touch(w))
            elif isinstance(widget, QComboBox) and widget.lineEdit() is not None:
                widget.lineEdit().textEdited.connect(lambda _text, w=widget: self._touch(w))
            elif isinstance(widget, QPlainTextEdit):
                widget.textChanged.connect(lambda w=widget: self._touch(w) if w.hasFocus() else None)
        return bound

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FocusOut and isinstance(watched, QWidget):
            self._touch(watched)
            if any(self._fields.get(path) is not None and self._fields[path].touched for path in self._held):
                self.show_errors(self._problems, focus=False)  # the field the user left shows its problem
        return False

    def _touch(self, widget: QWidget) -> None:
        for bound in self._fields.values():
            if bound.widget is widget:
                bound.touched = True

    def bind_list(self, path: str, bases: Callable[[], list[dict[str, Any]]]) -> None:
        """A list the form shows as rows: `bases` gives each row's original item (what no field shows
        survives), in row order; the rows' fields are bound as "path[i].…"."""
        self._lists[path] = bases

    def unbind(self, prefix: str) -> None:
        """Forget every field whose path starts with `prefix` (rows being re-numbered or removed)."""
        for path in [p for p in self._fields if p.startswith(prefix)]:
            bound = self._fields.pop(path)
            self._unmark(bound)
            self._shown.pop(path, None)
            self._held.pop(path, None)

    def field(self, path: str) -> BoundField:
        return self._fields[path]

    def fields(self) -> list[BoundField]:
        """The bound fields in reading order (the order of the form's layouts)."""
        rank = {id(w): i for i, w in enumerate(widgets_in_layout_order(self.root))}
        fallback = len(rank)
        numbered = enumerate(self._fields.values())
        return [f for _, f in sorted(numbered, key=lambda n: (rank.get(id(n[1].widget), fallback), n[0]))]

    # --- load, collect, validate -----------------------------------------------------------------

    def load(self, instance: BaseModel | None) -> None:
        """Show a model (or empty fields) without emitting any widget signal; clears every mark."""
        self._base = _as_lists(instance.model_dump()) if instance is not None else {}
        for bound in self._fields.values():
            bound.touched = False
            blocker = QSignalBlocker(bound.widget)
            try:
                bound.show(get_path(self._base, bound.path))
            finally:
                blocker.unblock()
        self.clear_marks()

    def collect(self) -> tuple[dict[str, Any], dict[str, str]]:
        """The typed values over the loaded model's dump, and {path: message} for text that can't be
        read (such a field keeps the loaded value, so the rest of the form still validates)."""
        data = copy.deepcopy(self._base)
        for path, bases in self._lists.items():
            set_path(data, path, copy.deepcopy(bases()))
        problems: dict[str, str] = {}
        for bound in self._fields.values():
            if not bound.active():
                value = None
            else:
                try:
                    value = bound.read()
                except ParseError as exc:
                    problems[bound.path] = str(exc)
                    continue
            if value is None:
                value = bound.empty
            if value is OMIT:
                delete_path(data, bound.path)
            else:
                set_path(data, bound.path, value)
        return data, problems

    def validate(self, focus: bool = True) -> BaseModel | None:
        """The model built from the form, or None after marking every problem (and focusing the
        first bad field when the problems are new: leaving a bad field twice doesn't trap the user)."""
        model, problems = self.check()
        self.show_errors(problems, focus=focus)
        return model

    def check(self, ignore: tuple[str, ...] = ()) -> tuple[BaseModel | None, dict[str, str]]:
        """The model the form holds now and its problems, without marking anything (a live preview
        reads this on every keystroke). Text that can't be read in an `ignore`d field keeps its saved
        value instead (a region half typed doesn't stop the figures following the rest)."""
        data, problems = self.collect()
        for path in ignore:
            problems.pop(path, None)
        if self._shape is not None:
            data = self._shape(data)
        model = None
        try:
            model = self.model.model_validate(data)
        except ValidationError as exc:
            for path, message in form_errors(exc).items():
                problems.setdefault(path, message)
        return (None if problems else model), problems

    def field_of(self, widget: QWidget) -> BoundField | None:
        """The bound field a widget belongs to (the line edit inside a spin or combo box counts)."""
        for bound in self._fields.values():
            if bound.widget is widget or bound.widget.isAncestorOf(widget):
                return bound
        return None

    def revert(self, bound: BoundField) -> None:
        """Put the loaded (saved) value back in one field, without emitting its signals."""
        blocker = QSignalBlocker(bound.widget)
        try:
            bound.show(get_path(self._base, bound.path))
        finally:
            blocker.unblock()

    def loaded_value(self, bound: BoundField) -> Any:
        return get_path(self._base, bound.path)

    # --- marks -----------------------------------------------------------------------------------

    def errors(self) -> dict[str, str]:
        """What is marked now: {field path: message}, "" for the banner."""
        return dict(self._shown)

    def held(self) -> dict[str, str]:
        """Problems not marked yet: empty fields the user has not typed in or left. {path: message}"""
        return dict(self._held)

    def show_errors(self, problems: dict[str, str], focus: bool = True) -> None:
        ordered = self.fields()
        shown: dict[str, str] = {}
        held: dict[str, str] = {}
        banner: list[str] = []
        self._problems = dict(problems)
        for path, message in problems.items():
            bound = self._owner(path, ordered)
            if bound is None:
                banner.append(sentence(humanize(path), message))
            elif not bound.touched and _is_empty(bound.widget):
                held.setdefault(bound.path, sentence(bound.label, message))
            else:
                shown.setdefault(bound.path, sentence(bound.label, message))
        for bound in ordered:
            if bound.path in shown:
                self._mark(bound, shown[bound.path])
            else:
                self._unmark(bound)
        if banner:
            self._styled(self.banner)
        self.banner.setText("\n".join(banner))
        self.banner.setVisible(bool(banner))
        if banner:
            shown[""] = "\n".join(banner)
        new = shown != self._shown or held != self._held
        self._shown = shown
        self._held = held
        if focus and new:
            # the first field to fix, or to fill (an empty one the user has not reached yet) — but not
            # to fill while the user is already typing in another field: Tab went where they meant to go
            # (a grant's shares, then its price: the strike it lacks too is further on, not a jump away)
            first = next((b for b in ordered if b.path in shown or b.path in held), None)
            if first is not None and (first.path in shown or not self._typing_elsewhere(first.widget)):
                reveal(first.widget)

    def _typing_elsewhere(self, target: QWidget) -> bool:
        """Whether the focus is in a text field of the form other than `target` (the user moved on)."""
        focus = QApplication.focusWidget()
        if focus is None or not self.root.isAncestorOf(focus) or focus is target or target.isAncestorOf(focus):
            return False
        return isinstance(focus, QLineEdit | QPlainTextEdit)

    def clear_marks(self) -> None:
        for bound in self._fields.values():
            self._unmark(bound)
        self.banner.clear()
        self.banner.hide()
        self._shown = {}
        self._held = {}
        self._problems = {}

    def _owner(self, path: str, ordered: list[BoundField]) -> BoundField | None:
        """The field that shows a problem: the field itself; else an active field that stands in for
        it (a bonus given as an amount shows "bonus.target_pct" problems); else an active sibling;
        else the first active field inside the object at the path; else none (the banner: a problem
        with a whole list, such as too many grants, belongs to no row)."""
        bound = self._fields.get(path)
        if bound is not None and bound.active():
            return bound
        for candidate in ordered:
            if path in candidate.stands_in_for and candidate.active():
                return candidate
        if "." in path:
            parent = path.rsplit(".", 1)[0] + "."
            for candidate in ordered:
                if candidate.path.startswith(parent) and candidate.active():
                    return candidate
        for candidate in ordered:  # "bonus" → "bonus.…", "timeline[2]" → "timeline[2].…" (not a whole list)
            if candidate.path.startswith(path + ".") and candidate.active():
                return candidate
        return None

    def restyle(self, palette: QPalette) -> None:
        """The form's palette changed: the widgets marked so far get the rules in its colours."""
        for widget in (self.banner, *itertools.chain.from_iterable(
                (bound.widget, bound.message) for bound in self._fields.values())):
            if widget is not None and widget.styleSheet():
                widget.setStyleSheet(form_stylesheet(palette))

    def _styled(self, widget: QWidget) -> None:
        """The form's rules on a widget about to be marked (once: it keeps them, see the module)."""
        if not widget.styleSheet():
            widget.setStyleSheet(form_stylesheet(self.root.palette()))

    def _mark(self, bound: BoundField, message: str) -> None:
        widget = bound.widget
        if widget.property("invalid") is not True:
            self._styled(widget)
            bound.tooltip = widget.toolTip()  # the field's own help, back when the problem is fixed
            widget.setProperty("invalid", True)
            _repolish(widget)
        widget.setToolTip(message)
        widget.setAccessibleDescription(message)
        if bound.message is not None:
            self._styled(bound.message)
            bound.message.setText(message)
            bound.message.show()

    def _unmark(self, bound: BoundField) -> None:
        widget = bound.widget
        if widget.property("invalid") is True:
            widget.setProperty("invalid", False)
            _repolish(widget)
            widget.setToolTip(bound.tooltip)
            widget.setAccessibleDescription("")
        if bound.message is not None and not bound.message.isHidden():
            bound.message.clear()
            bound.message.hide()


def _as_lists(data: Any) -> Any:
    """A model's dump with its tuples as lists, so fields inside them can be read and set by path."""
    if isinstance(data, dict):
        return {key: _as_lists(value) for key, value in data.items()}
    if isinstance(data, list | tuple):
        return [_as_lists(value) for value in data]
    return data


def _is_empty(widget: QWidget) -> bool:
    if isinstance(widget, QLineEdit):
        return not widget.text().strip()
    if isinstance(widget, QPlainTextEdit):
        return not widget.toPlainText().strip()
    return False


def _repolish(widget: QWidget) -> None:
    style = widget.style()
    style.unpolish(widget)
    style.polish(widget)
    widget.update()
