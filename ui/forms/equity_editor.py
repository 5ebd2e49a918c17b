"""The equity editor: grants as rows (RSU by value or shares × price, options with a strike and, for a
startup's options, their details: the 409A value, the preferred price, the fully diluted shares and the
exercise window), and the vesting fields shared by grants and refreshers (a preset, or a custom schedule
typed as "25/25/25/25").

Beside an option grant's inputs, what they mean, labelled: the cost to exercise, the spread at the
409A value and at the preferred price, the ownership, the exercise window — `app.options.OptionDetails`,
handed in by the form (`GrantRow.set_details`); a grant whose price is at or below its strike is
flagged UNDER WATER, never shown as "no equity"."""

from __future__ import annotations

import re
from collections.abc import Callable
from decimal import Decimal
from typing import Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSizePolicy,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.models import DEFAULT_EXERCISE_WINDOW_DAYS
from app.options import OptionDetails
from app.parsing import ParseError, parse_percent
from ui import format as fmt
from ui.forms.binder import FormBinder, add_form_row, message_label
from ui.forms.rows import ListRow
from ui.widgets.badges import BadgeLabel
from ui.widgets.fields import MoneyEdit, PerShareEdit, SharesEdit, WholeNumberEdit

UNDER_WATER = "UNDER WATER"

CUSTOM = "custom"


def _pct(*values: int) -> tuple[Decimal, ...]:
    return tuple(Decimal(v) for v in values)


# (key, label, percentages per year, cliff in months); "Custom" lets the user type their own
VESTING_PRESETS: tuple[tuple[str, str, tuple[Decimal, ...], int], ...] = (
    ("standard", "Standard 4 years, 1-year cliff", _pct(25, 25, 25, 25), 12),
    ("amazon", "5/15/40/40 (Amazon)", _pct(5, 15, 40, 40), 12),
    ("google", "33/33/22/12 (Google, no cliff)", _pct(33, 33, 22, 12), 0),
    ("back_loaded", "10/20/30/40", _pct(10, 20, 30, 40), 12),
    ("front_loaded", "40/30/20/10", _pct(40, 30, 20, 10), 12),
)
FREQUENCIES = (("monthly", "Monthly"), ("quarterly", "Quarterly"), ("annual", "Once a year"))


def percent_list_text(values: list[Decimal] | None) -> str:
    """[25, 25, 25, 25] → "25/25/25/25"."""
    if not values:
        return ""
    return "/".join(fmt.number_plain(Decimal(v)) for v in values)


def parse_percent_list(text: str) -> list[Decimal] | None:
    """ "25/25/25/25" · "25 / 25 / 25 / 25" · "33 33 22 12" → percentages per year; "" → None."""
    raw = text.strip()
    if not raw:
        return None
    parts = [p for p in re.split(r"[/;\s]+", raw) if p]
    values = []
    for part in parts:
        try:
            value = parse_percent(part, fmt.marks())
        except ParseError:
            raise ParseError(f'"{raw}" is not a list of yearly percentages: write it like 25/25/25/25') from None
        if value is None:
            raise ParseError("give a percentage for each year, like 25/25/25/25")
        values.append(value)
    return values


class VestingFields(QObject):
    """The four vesting inputs (preset, percentages per year, cliff, frequency) as rows of a form.

    A preset fills the percentages and the cliff; "Custom" makes them editable. The frequency is its
    own choice either way, so a preset never drops a grant's quarterly schedule."""

    def __init__(self, layout: QFormLayout, name: str, parent: QObject | None = None):
        super().__init__(parent)
        self.preset = QComboBox()
        for key, label, _, _ in VESTING_PRESETS:
            self.preset.addItem(label, key)
        self.preset.addItem("Custom", CUSTOM)
        self.years = QLineEdit()
        self.years.setPlaceholderText("25/25/25/25")
        self.years.setToolTip("Percent of the grant vesting in each year, separated by slashes; they add up to 100")
        self.cliff = QSpinBox()
        self.cliff.setRange(0, 120)
        self.cliff.setSuffix(" months")
        self.cliff.setKeyboardTracking(False)
        self.frequency = QComboBox()
        for key, label in FREQUENCIES:
            self.frequency.addItem(label, key)
        for combo in (self.preset, self.frequency):
            combo.setSizePolicy(QSizePolicy.Policy.Fixed, combo.sizePolicy().verticalPolicy())
        self.years.setMaximumWidth(self.years.fontMetrics().horizontalAdvance("0" * 28) + 16)
        self.cliff.setMaximumWidth(self.cliff.fontMetrics().horizontalAdvance("000 months") + 40)
        self.messages = {
            "preset": add_form_row(layout, "Vesting", self.preset),
            "years": add_form_row(layout, "Percent per year", self.years),
            "cliff": add_form_row(layout, "Cliff", self.cliff),
            "frequency": add_form_row(layout, "Vests", self.frequency),
        }
        self.rename(name)
        self.preset.activated.connect(self._on_preset_activated)  # before the form's save: fill first

    def rename(self, name: str) -> None:
        """Accessible names for a grant's number: "Grant 2 vesting", "Grant 2 percent per year", …"""
        self.preset.setAccessibleName(f"{name} vesting")
        self.years.setAccessibleName(f"{name} vesting, percent per year")
        self.cliff.setAccessibleName(f"{name} cliff")
        self.frequency.setAccessibleName(f"{name} vesting frequency")

    def inputs(self) -> list[QWidget]:
        return [self.preset, self.years, self.cliff, self.frequency]

    def bind(self, binder: FormBinder, path: str, active: Callable[[], bool] | None = None) -> None:
        name = self.preset.accessibleName()
        binder.bind(
            f"{path}.years_pct",
            self.years,
            label=f"{name}, percent per year",
            message=self.messages["years"],
            read=lambda: parse_percent_list(self.years.text()),
            show=self._show_years,
            active=active,
        )
        binder.bind(
            f"{path}.cliff_months",
            self.cliff,
            label=f"{name} cliff",
            message=self.messages["cliff"],
            show=self._show_cliff,
            active=active,
        )
        binder.bind(
            f"{path}.frequency",
            self.frequency,
            label=f"{name} frequency",
            message=self.messages["frequency"],
            active=active,
        )

    def set_schedule(self, years: tuple[Decimal, ...], cliff: int) -> None:
        self.years.setText(percent_list_text(list(years)))
        self.cliff.setValue(cliff)
        self._sync_preset()

    def _show_years(self, value: Any) -> None:
        # nothing to show (no refreshers yet): offer the standard schedule, as the model would default
        self.years.setText(percent_list_text(list(VESTING_PRESETS[0][2]) if value is None else value))
        self._sync_preset()

    def _show_cliff(self, value: Any) -> None:
        self.cliff.setValue(12 if value is None else int(value))
        self._sync_preset()

    def _sync_preset(self) -> None:
        """Select the preset that matches the percentages and cliff shown, else "Custom"."""
        try:
            years = tuple(parse_percent_list(self.years.text()) or ())
        except ParseError:
            years = ()
        key = next((k for k, _, pct, cliff in VESTING_PRESETS if pct == years and cliff == self.cliff.value()), CUSTOM)
        self.preset.setCurrentIndex(self.preset.findData(key))
        self._enable_custom(key == CUSTOM)

    def _enable_custom(self, custom: bool) -> None:
        self.years.setEnabled(custom)
        self.cliff.setEnabled(custom)

    def _on_preset_activated(self) -> None:
        key = self.preset.currentData()
        for k, _, pct, cliff in VESTING_PRESETS:
            if k == key:
                self.years.setText(percent_list_text(list(pct)))
                self.cliff.setValue(cliff)
        self._enable_custom(key == CUSTOM)
        if key == CUSTOM:
            self.years.setFocus()
            self.years.selectAll()


class GrantRow(ListRow):
    """One equity grant: kind, how it is valued, the amounts, and its vesting."""

    def __init__(self, currency: str, parent: QWidget | None = None):
        super().__init__("grant", parent)
        self.box = QGroupBox("Grant")
        form = QFormLayout()
        self.kind = QComboBox()
        self.kind.addItem("RSU (restricted stock units)", "rsu")
        self.kind.addItem("Stock options", "option")
        self.valued_by = QComboBox()
        self.valued_by.addItem("Value of the whole grant", "value")
        self.valued_by.addItem("Shares × price per share", "shares")
        self.value = MoneyEdit(currency)
        self.shares = SharesEdit()
        self.price = PerShareEdit(currency)  # six decimals: a $0.0125 strike is kept as typed
        self.strike = PerShareEdit(currency)
        self.price.setToolTip("The share price the grant is valued at")
        # a startup's option details (format 2)
        self.fmv = PerShareEdit(currency)
        self.fmv.setToolTip("The 409A fair market value of a common share (the strike is set at or above it)")
        self.preferred = PerShareEdit(currency)
        self.preferred.setToolTip("The price per share investors paid in the last priced round")
        self.fully_diluted = WholeNumberEdit()
        self.fully_diluted.setToolTip("All shares, options and warrants outstanding: ownership = options ÷ this")
        self.exercise_window = WholeNumberEdit()
        self.exercise_window.setPlaceholderText(f"{DEFAULT_EXERCISE_WINDOW_DAYS} (usual)")
        self.exercise_window.setToolTip(
            "Days after leaving in which the options can still be bought (often 90; negotiable). "
            "Empty: the usual 90 days is assumed."
        )
        for combo in (self.kind, self.valued_by):
            combo.setSizePolicy(QSizePolicy.Policy.Fixed, combo.sizePolicy().verticalPolicy())
        for edit in (
            self.value,
            self.shares,
            self.price,
            self.strike,
            self.fmv,
            self.preferred,
            self.fully_diluted,
            self.exercise_window,
        ):
            # one width, never squeezed by the notes beside them
            edit.setFixedWidth(edit.fontMetrics().horizontalAdvance("0" * 16) + 16)
        self.notes: dict[str, QLabel] = {}  # what an input means, beside it (options)
        self.flag = BadgeLabel("flag:under_water", UNDER_WATER)
        self.flag.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)  # said whole, never "UNDER WAT…"
        self.flag.hide()
        self.messages = {
            "kind": add_form_row(form, "Kind", self.kind),
            "valued_by": add_form_row(form, "Valued by", self.valued_by),
            "value": add_form_row(form, "Value", self.value),
            "shares": add_form_row(form, "Shares", self.shares),
            "price": self._noted_row(form, "price", "Price per share", self.price, self.flag),
            "strike": self._noted_row(form, "strike", "Strike price", self.strike),
            "fmv": self._noted_row(form, "fmv", "409A value", self.fmv),
            "preferred": self._noted_row(form, "preferred", "Preferred price", self.preferred),
            "fully_diluted": self._noted_row(form, "fully_diluted", "Fully diluted shares", self.fully_diluted),
            "window": self._noted_row(form, "window", "Exercise window, days", self.exercise_window),
        }
        self.vesting = VestingFields(form, "Grant", self)
        self._form = form
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.remove_button)
        inner = QVBoxLayout(self.box)
        inner.addLayout(form)
        inner.addLayout(buttons)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.box)
        self.kind.activated.connect(self._sync_kind)
        self.valued_by.activated.connect(self._sync_kind)
        self._sync_kind()

    def _noted_row(self, form: QFormLayout, key: str, text: str, widget: QWidget, flag: QLabel | None = None) -> QLabel:
        """A labelled input with what it means beside it (a note, and a flag), then its message."""
        label = QLabel(text)
        label.setBuddy(widget)
        widget.setAccessibleName(text)
        note = QLabel()
        note.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        note.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        note.setMinimumHeight(widget.sizeHint().height())
        note.setWordWrap(True)  # a narrow window wraps what it means rather than squeezing the input
        note.setMinimumWidth(note.fontMetrics().horizontalAdvance("cost to exercise:"))
        self.notes[key] = note
        message = message_label()
        policy = message.sizePolicy()
        policy.setRetainSizeWhenHidden(True)
        message.setSizePolicy(policy)
        message.setMinimumHeight(widget.sizeHint().height())
        box = QWidget()
        row = QHBoxLayout(box)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(8)
        row.addWidget(widget, 0, Qt.AlignmentFlag.AlignTop)
        if flag is not None:
            row.addWidget(flag, 0, Qt.AlignmentFlag.AlignVCenter)
        row.addWidget(note, 1, Qt.AlignmentFlag.AlignTop)
        row.addWidget(message, 0)
        form.addRow(label, box)
        return message

    def _grant_inputs(self) -> list[QWidget]:
        """The grant's own inputs, in the order they show (the vesting's follow)."""
        return [
            self.kind,
            self.valued_by,
            self.value,
            self.shares,
            self.price,
            self.strike,
            self.fmv,
            self.preferred,
            self.fully_diluted,
            self.exercise_window,
        ]

    def inputs(self) -> list[QWidget]:
        return [*self._grant_inputs(), *self.vesting.inputs()]

    def fill_new(self) -> None:
        self.kind.setCurrentIndex(self.kind.findData("rsu"))
        self.valued_by.setCurrentIndex(self.valued_by.findData("value"))
        self.value.set_value(Decimal(0))
        standard = VESTING_PRESETS[0]
        self.vesting.set_schedule(standard[2], standard[3])
        self._sync_kind()

    def first_input(self) -> QWidget:
        return self.value

    def bind(self, binder: FormBinder, path: str, number: int) -> None:
        super().bind(binder, path, number)
        name = f"Grant {number}"
        self._name = name
        self.box.setTitle(name)
        for widget in self._grant_inputs():
            label = self._form.labelForField(widget.parentWidget())
            words = label.text()
            widget.setAccessibleName(f"{name} {words if words[:1].isdigit() else words[:1].lower() + words[1:]}")
        self.vesting.rename(name)
        binder.bind(
            f"{path}.kind", self.kind, label=f"{name} kind", message=self.messages["kind"], show=self._show_kind
        )
        binder.bind(
            f"{path}.value",
            self.value,
            label=f"{name} value",
            message=self.messages["value"],
            show=self._show_value,
            active=lambda: self._is_rsu() and not self._by_shares(),
            stands_in_for=(f"{path}.shares", f"{path}.price"),
        )
        by_shares = self._by_shares
        binder.bind(
            f"{path}.shares",
            self.shares,
            label=f"{name} shares",
            message=self.messages["shares"],
            active=by_shares,
            stands_in_for=(f"{path}.value",),
        )
        binder.bind(
            f"{path}.price",
            self.price,
            label=f"{name} price per share",
            message=self.messages["price"],
            active=by_shares,
        )
        binder.bind(
            f"{path}.strike",
            self.strike,
            label=f"{name} strike price",
            message=self.messages["strike"],
            active=lambda: not self._is_rsu(),
        )
        for key, field, words, widget in (
            ("fmv", "fmv", "409A value", self.fmv),
            ("preferred", "preferred_price", "preferred price", self.preferred),
            ("fully_diluted", "fully_diluted_shares", "fully diluted shares", self.fully_diluted),
            ("window", "exercise_window_days", "exercise window", self.exercise_window),
        ):
            binder.bind(
                f"{path}.{field}",
                widget,
                label=f"{name} {words}",
                message=self.messages[key],
                active=lambda: not self._is_rsu(),
            )
        self.vesting.bind(binder, f"{path}.vesting")

    def set_details(self, details: OptionDetails | None) -> None:
        """What an option grant's inputs mean, beside them (None: an RSU grant, or incomplete)."""
        for note in self.notes.values():
            note.clear()
        name = getattr(self, "_name", "Grant")
        self.flag.setVisible(details is not None and details.under_water)
        if details is None:
            self.box.setTitle(name)
            return
        currency = details.currency

        # cents only when one of these amounts has them ($0.0125 × 40,000 is $500, shown as such)
        amounts = (
            details.spread_at_price,
            details.exercise_cost,
            details.spread_at_fmv,
            details.spread_at_preferred,
        )
        cents = fmt.needs_cents(amounts)

        def money(value) -> str:
            return fmt.money(value, currency, cents=cents)

        if details.under_water:
            self.box.setTitle(f"{name} — options under water")
            self.notes["price"].setText(f"at or below the strike ({fmt.per_share(details.strike, currency)})")
            self.flag.setToolTip(
                f"Under water: the price ({fmt.per_share(details.price, currency)}) is at or below the strike "
                f"({fmt.per_share(details.strike, currency)}), so the options are worth nothing at this price. "
                "They are still equity: worth something if the shares rise above the strike."
            )
            self.flag.setAccessibleDescription(self.flag.toolTip())
        else:
            self.box.setTitle(name)
            self.notes["price"].setText(f"spread at this price: {money(details.spread_at_price)}")
        self.notes["strike"].setText(f"cost to exercise: {money(details.exercise_cost)}")
        if details.spread_at_fmv is not None:
            self.notes["fmv"].setText(f"spread at the 409A value: {money(details.spread_at_fmv)}")
        if details.spread_at_preferred is not None:
            self.notes["preferred"].setText(f"spread at the preferred price: {money(details.spread_at_preferred)}")
        if details.ownership_pct is not None:
            self.notes["fully_diluted"].setText(f"ownership: {fmt.percent(details.ownership_pct)}")
        days = details.exercise_window_days
        years = f" ({days // 365} years)" if days >= 730 and days % 365 == 0 else ""
        self.notes["window"].setText(
            f"{fmt.number(Decimal(days))} days{years} after leaving"
            + ("" if details.exercise_window_given else " (the usual, assumed)")
        )
        for note in self.notes.values():
            note.setAccessibleName(f"{name}: {note.text()}" if note.text() else "")

    def under_water_shown(self) -> bool:
        return self.flag.isVisibleTo(self)

    def _is_rsu(self) -> bool:
        return self.kind.currentData() == "rsu"

    def _by_shares(self) -> bool:
        return not self._is_rsu() or self.valued_by.currentData() == "shares"

    def _show_kind(self, value: Any) -> None:
        self.kind.setCurrentIndex(max(self.kind.findData(value or "rsu"), 0))
        self._sync_kind()

    def _show_value(self, value: Any) -> None:
        self.value.set_value(value)
        self.valued_by.setCurrentIndex(self.valued_by.findData("value" if value is not None else "shares"))
        self._sync_kind()

    def _sync_kind(self) -> None:
        """Show the inputs this kind of grant uses; options are always valued from shares."""
        rsu = self._is_rsu()
        if not rsu:
            self.valued_by.setCurrentIndex(self.valued_by.findData("shares"))
        by_shares = self._by_shares()
        self._form.setRowVisible(self.valued_by.parentWidget(), rsu)
        self._form.setRowVisible(self.value.parentWidget(), not by_shares)
        self._form.setRowVisible(self.shares.parentWidget(), by_shares)
        self._form.setRowVisible(self.price.parentWidget(), by_shares)
        self._form.setRowVisible(self.strike.parentWidget(), not rsu)
        for widget in (self.fmv, self.preferred, self.fully_diluted, self.exercise_window):
            self._form.setRowVisible(widget.parentWidget(), not rsu)
        if rsu:
            self.set_details(None)
