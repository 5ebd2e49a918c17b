"""The offer editor: one scrolling page of sections, saved as the user finishes each edit (autosave).

Every finished edit (Enter or leaving a field, a choice in a list, adding or removing a row, leaving
the notes) validates the whole form through the binder. A valid form that differs from the stored
offer goes to `Workspace.update_offer` (undoable; the workspace reports `saved`); an invalid one is
marked at its fields and nothing is written. When the workspace changes the shown offer (Undo, an
import) the form reloads it.

Format 2's parts are here too: the tax region (a picker that searches as you type), the start date,
the sign-on's repayment terms, a startup's option details (with what they mean beside them, and an
UNDER WATER flag), and the negotiation so far — rounds of asks and answers, drawn on the timeline, and
"Copy the company's answer into the offer" (`app.negotiation.answer_plan` says what would change and
what can't be copied; one undoable change). The live summary shows year 1 after what leaving the
current job costs, when there is one.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from typing import Any

from pydantic import ValidationError
from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent, QPalette
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSpinBox,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app.compensation import OfferFigures, figures
from app.currencies import ISO_4217_CODES
from app.errors import form_errors
from app.evaluation import year_one_after_leaving
from app.models import STAGES, Offer
from app.negotiation import AnswerChange, AnswerPlan, answer_plan, offer_items
from app.options import OptionDetails, offer_options
from app.words import CHART_PART_NAMES, ROUND_ITEM_NAMES, STAGE_NAMES
from ui import format as fmt
from ui.forms.binder import (
    OMIT,
    FormBinder,
    add_form_row,
    apply_tab_order,
    field_box,
    finished_signals,
    reveal,
)
from ui.forms.equity_editor import GrantRow, VestingFields
from ui.forms.rounds_editor import ITEM_INPUTS, RoundRow, item_default
from ui.forms.rows import ListRow, RowList
from ui.forms.summary import OfferSummary
from ui.forms.timeline_editor import EventRow, TimelineStrip
from ui.widgets.fields import DateEdit, MoneyEdit, PercentEdit
from ui.widgets.region_picker import RegionPicker
from ui.workspace import Workspace

SIGN_ON_YEARS = 5
BAND_SOURCES = (
    ("Not known", None),
    ("Job posting", "posting"),
    ("Recruiter", "recruiter"),
    ("My estimate", "estimate"),
)
TRI_STATE = (("Unknown", None), ("Yes", True), ("No", False))
REPAYMENT = (("pro rata", True), ("in full", False))
BONUS_MODES = (("Percent of base", "percent"), ("Amount", "amount"), ("None", "none"))


class NotesEdit(QPlainTextEdit):
    """Free text, saved when the user leaves it (Tab moves on; it never inserts a tab)."""

    committed = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setTabChangesFocus(True)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.committed.emit()


class BenefitRow(ListRow):
    """One recurring benefit: a name and its value per year."""

    def __init__(self, currency: str, parent: QWidget | None = None):
        super().__init__("benefit", parent)
        self.name = QLineEdit()
        self.name.setPlaceholderText("401(k) match, stipend, …")
        self.value = MoneyEdit(currency)
        _narrow(self.value)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.messages = {}
        for key, text, widget, stretch in (("name", "Name", self.name, 1), ("value", "Per year", self.value, 0)):
            label = QLabel(text)
            label.setBuddy(widget)
            label.setMinimumHeight(widget.sizeHint().height())
            box, self.messages[key] = field_box(widget)
            layout.addWidget(label, 0, Qt.AlignmentFlag.AlignTop)
            layout.addWidget(box, stretch, Qt.AlignmentFlag.AlignTop)
        layout.addWidget(self.remove_button, 0, Qt.AlignmentFlag.AlignTop)

    def inputs(self) -> list[QWidget]:
        return [self.name, self.value]

    def fill_new(self) -> None:
        self.name.setText("New benefit")
        self.value.set_value(Decimal(0))

    def bind(self, binder: FormBinder, path: str, number: int) -> None:
        super().bind(binder, path, number)
        self.name.setAccessibleName(f"Benefit {number} name")
        self.value.setAccessibleName(f"Benefit {number} value per year")
        binder.bind(
            f"{path}.name", self.name, label=f"Benefit {number} name", message=self.messages["name"], empty=OMIT
        )
        binder.bind(
            f"{path}.annual_value",
            self.value,
            label=f"Benefit {number} value",
            message=self.messages["value"],
            empty=OMIT,
        )


def region_row(form: QFormLayout, picker: RegionPicker) -> QLabel:
    """The tax-region picker as a form row, with its note (what after-tax figures will do) under it.
    Returns the message label for the binder."""
    label = QLabel("Tax region")
    label.setBuddy(picker)
    picker.setAccessibleName("Tax region")
    box, message = field_box(picker, beside=True)
    cell = QWidget()
    column = QVBoxLayout(cell)
    column.setContentsMargins(0, 0, 0, 0)
    column.setSpacing(2)
    column.addWidget(box)
    column.addWidget(picker.note)
    form.addRow(label, cell)
    return message


def _narrow(widget: QWidget, chars: int = 14) -> None:
    """Amounts and percentages don't need the whole width of the form."""
    widget.setMaximumWidth(widget.fontMetrics().horizontalAdvance("0" * chars) + 16)


def _tri_state_show(combo: QComboBox) -> Callable[[Any], None]:
    def show(value: Any) -> None:
        combo.setCurrentIndex({None: 0, True: 1, False: 2}.get(value, 0))

    return show


def _unknown_spin(maximum: int) -> QSpinBox:
    """A count that may be unknown: the spin box's lowest step reads "Unknown"."""
    spin = QSpinBox()
    spin.setRange(-1, maximum)
    spin.setSpecialValueText("Unknown")
    spin.setKeyboardTracking(False)
    return spin


def add_pay_fields(owner: Any, form: QFormLayout) -> None:
    """Base salary, annual raise and the bonus (a percent of base, an amount, or none, with its expected
    payout), bound the same way in the offer form and the current job's form. `owner` is the form: it
    gives `_field`, `_money`, `_percent` and `_sync_bonus`, and gets `base_salary`, `annual_raise`,
    `bonus_mode`, `bonus_pct`, `bonus_amount` and `bonus_payout`."""
    owner.base_salary = owner._field(form, "Base salary", owner._money(), "base_salary", empty=OMIT)
    owner.annual_raise = owner._field(
        form, "Annual raise", owner._percent(), "annual_raise_pct", empty=OMIT, name="Annual raise, percent"
    )
    owner.bonus_mode = QComboBox()
    for text, key in BONUS_MODES:
        owner.bonus_mode.addItem(text, key)
    owner._field(form, "Bonus", owner.bonus_mode, None, name="Bonus given as")
    owner.bonus_mode.activated.connect(owner._sync_bonus)  # before the save: show the right field first
    owner.bonus_pct = owner._field(
        form,
        "Target, % of base",
        owner._percent(),
        "bonus.target_pct",
        name="Bonus target, percent of base",
        active=lambda: owner.bonus_mode.currentData() == "percent",
        stands_in_for=("bonus.target_amount",),
    )
    owner.bonus_amount = owner._field(
        form,
        "Target amount",
        owner._money(),
        "bonus.target_amount",
        name="Bonus target amount",
        active=lambda: owner.bonus_mode.currentData() == "amount",
        stands_in_for=("bonus.target_pct",),
    )
    owner.bonus_payout = owner._field(
        form,
        "Expected payout",
        owner._percent(),
        "bonus.expected_payout_pct",
        empty=OMIT,
        name="Expected bonus payout, percent of target",
        active=lambda: owner.bonus_mode.currentData() != "none",
    )
    owner.bonus_payout.setToolTip("How much of the target bonus usually pays out; 100 % when unsure")


def show_bonus_rows(form: QFormLayout, mode: str, pct: QWidget, amount: QWidget, payout: QWidget) -> None:
    """Show the target the bonus mode asks for (and the payout, unless there is no bonus); each field's
    box (with its message) is its row's field."""
    for field, shown in ((pct, mode == "percent"), (amount, mode == "amount"), (payout, mode != "none")):
        box = field.parentWidget()
        if box is not None:
            form.setRowVisible(box, shown)


class OfferForm(QWidget):
    """Edits one offer of the workspace; every valid finished edit is saved at once (undoable)."""

    edit_rejected = Signal(str)  # a finished edit was not saved: a message for the status bar
    offer_shown = Signal(str)  # the form now shows this offer ("" for none)
    answer_copied = Signal(str)  # the company's answer was copied into the offer: what changed, in words

    def __init__(self, workspace: Workspace, parent: QWidget | None = None):
        super().__init__(parent)
        self.workspace = workspace
        self._offer_id: str | None = None
        self._offer: Offer | None = None
        self._loading = False
        self._saving = False
        self._styling = False
        self._watched: list[QWidget] = []  # inputs built here; rows are watched by their lists
        self._wheel_guard = _WheelGuard(self)
        self._escape = _EscapeReverts(self)

        self.banner = QLabel()
        self.banner.setObjectName("formBanner")
        self.content = QWidget()
        self.content.setObjectName("offerFormContent")
        self.binder = FormBinder(Offer, self.content, self.banner, shape=self._shape, parent=self)
        self._page = QVBoxLayout(self.content)
        self._page.setContentsMargins(16, 12, 16, 16)

        self._build_role()
        self._build_cash()
        self._build_equity()
        self._build_benefits()
        self._build_budget()
        self._build_timeline()
        self._build_rounds()
        self._build_signals()
        self._build_goal()
        self._build_notes()
        self._page.addStretch(1)

        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        self.scroll.setWidget(self.content)
        self.empty = QLabel("Choose an offer to see and edit it here.")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        self.pages = QStackedWidget()
        self.pages.addWidget(self.empty)
        self.pages.addWidget(self.scroll)
        self.summary = OfferSummary()
        widest = self.fontMetrics().horizontalAdvance(CHART_PART_NAMES["contingent_cash"] + "  $1,000,000.00")
        self.summary.setFixedWidth(max(240, widest + 32))
        self.summary.hide()
        body = QHBoxLayout()
        body.setContentsMargins(0, 0, 8, 8)
        body.addWidget(self.pages, 1)
        body.addWidget(self.summary, 0, Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.banner)
        layout.addLayout(body)
        # the summary follows every keystroke that parses (once per turn of the event loop)
        self._preview_timer = QTimer(self)
        self._preview_timer.setSingleShot(True)
        self._preview_timer.setInterval(0)
        self._preview_timer.timeout.connect(self._preview)

        for widget in self._watched:
            self._watch(widget)
        self._align_sections()
        self._restyle()
        apply_tab_order(self.content)
        workspace.offer_updated.connect(self._on_offer_updated)
        workspace.offers_reset.connect(self._on_offers_reset)
        workspace.settings_changed.connect(self._preview)  # the horizon may have changed

    # --- public ----------------------------------------------------------------------------------

    def offer_id(self) -> str | None:
        return self._offer_id

    def set_offer(self, offer_id: str | None) -> None:
        """Show an offer of the workspace (None, or an unknown id: the empty page).

        Leaving an offer with an edit still typed saves it when it is valid; a bad value is dropped
        (the saved one stays) and the message says which offer it was, so it never reads as a
        problem of the offer shown next."""
        if self._offer_id is not None and offer_id != self._offer_id and not self._loading:
            self._leave_offer()
        self._offer_id = offer_id if offer_id and self.workspace.offer(offer_id) is not None else None
        self._reload()
        self.offer_shown.emit(self._offer_id or "")

    def _leave_offer(self) -> None:
        if not self.has_unsaved_edit() or self.commit_pending():
            return
        problems = self.binder.errors() or self.binder.held()
        if problems:
            self.edit_rejected.emit(self._not_saved_words(problems))

    def _not_saved_words(self, problems: dict[str, str]) -> str:
        path, first = next(iter(problems.items()))
        bound = self.binder.field(path) if path in {b.path for b in self.binder.fields()} else None
        if bound is not None and not first.startswith(bound.label):
            first = f"{bound.label}: {first}"  # "Base salary: "abc" is not an amount"
        more = len(problems) - 1
        company = self._offer.company if self._offer is not None else "This offer"
        extra = f" (and {more} more problem{'s' if more != 1 else ''})" if more else ""
        return f"{company} not saved: {first}{extra}. The saved values were kept."

    def focus_first_field(self) -> None:
        """Put the cursor in the first field, its text selected (a new offer's placeholder name)."""
        reveal(self.company)
        self.company.selectAll()

    def commit_pending(self) -> bool:
        """Save an edit the user is still typing (the window is closing): True when nothing is left
        unsaved. An invalid form is marked, never saved, and keeps the focus where it is."""
        if self._offer_id is None or self._loading or self._saving:
            return True
        self._saving = True
        try:
            return self._save(focus=False)
        finally:
            self._saving = False

    def problems(self) -> dict[str, str]:
        """What is marked on the form now: {field path: message} ("" for the banner)."""
        return self.binder.errors()

    def has_unsaved_edit(self) -> bool:
        """Whether the fields hold something the data file doesn't: typed and not yet saved, or not
        savable (a bad value)."""
        if self._offer_id is None or self._offer is None:
            return False
        model, problems = self.binder.check()
        if problems or model is None:
            return True
        stored = self.workspace.offer(self._offer_id)
        return stored is None or _normalized(model) != _normalized(stored)  # type: ignore[arg-type]

    def revert_pending(self) -> None:
        """Put the saved offer back in every field: what was typed and not saved is dropped."""
        if self._offer_id is not None:
            self._reload()

    def revert_field(self, widget: QWidget) -> bool:
        """Esc in a field: its saved value back (a bad value, or an edit not yet saved); True when
        something was put back."""
        if self._offer_id is None or self._loading:
            return False
        bound = self.binder.field_of(widget)
        if bound is None:
            return False
        marked = bound.path in self.binder.errors()
        before = _shown_state(bound.widget)
        self.binder.revert(bound)
        if before == _shown_state(bound.widget) and not marked:
            return False
        self.binder.validate(focus=False)  # its mark goes; others' stay
        self.edit_rejected.emit(f"Put back the saved value of {bound.label}")
        return True

    # --- building --------------------------------------------------------------------------------

    def _section(self, title: str) -> QFormLayout:
        heading = QLabel(title)
        font = heading.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.2)
        heading.setFont(font)
        heading.setAccessibleName(title)
        if self._page.count():
            self._page.addSpacing(14)
        self._page.addWidget(heading)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self._page.addLayout(form)
        return form

    def _field(
        self,
        form: QFormLayout,
        text: str,
        widget: QWidget,
        path: str | None,
        *,
        name: str | None = None,
        **bind: Any,
    ) -> QWidget:
        """A labelled input, bound to `path` and saved when the user finishes editing it."""
        message = add_form_row(form, text, widget, name)
        if path is not None:
            self.binder.bind(path, widget, label=name or text, message=message, **bind)
        self._watched.append(widget)
        return widget

    def _build_role(self) -> None:
        form = self._section("Role and stage")
        self.company = self._field(form, "Company", QLineEdit(), "company", empty=OMIT)
        self.role = self._field(form, "Role", QLineEdit(), "role", empty=OMIT)
        self.level = self._field(form, "Level", QLineEdit(), "level")
        self.level.setPlaceholderText("L5, Senior, Staff …")
        self.location = self._field(form, "Location", QLineEdit(), "location")
        self.currency = QComboBox()
        self.currency.setEditable(True)
        self.currency.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.currency.addItems(sorted(ISO_4217_CODES))
        self.currency.setToolTip("The offer's currency: a three-letter ISO 4217 code such as USD, EUR, GBP")
        _narrow(self.currency, 8)
        self._field(
            form,
            "Currency",
            self.currency,
            "currency",
            read=lambda: self.currency.currentText().strip().upper() or None,
            show=self._show_currency,
        )
        self.tax_region = RegionPicker()
        message = region_row(form, self.tax_region)
        self.binder.bind(
            "tax_region",
            self.tax_region,
            label="Tax region",
            message=message,
            read=self.tax_region.value,
            show=self.tax_region.set_value,
        )
        self._watched.append(self.tax_region)
        self.stage = QComboBox()
        for stage in STAGES:
            self.stage.addItem(STAGE_NAMES[stage], stage)
        self._field(form, "Stage", self.stage, "stage")
        self.start_date = self._field(form, "Start date", DateEdit(), "start_date")
        self.start_date.setToolTip("The agreed or proposed first day")
        _narrow(self.start_date, 12)

    def _money(self) -> MoneyEdit:
        edit = MoneyEdit()
        _narrow(edit)
        return edit

    def _percent(self) -> PercentEdit:
        edit = PercentEdit()
        _narrow(edit, 8)
        return edit

    def _build_cash(self) -> None:
        form = self._section("Cash")
        add_pay_fields(self, form)

        grid = QGridLayout()
        grid.setContentsMargins(0, 0, 0, 0)
        self.sign_on: list[MoneyEdit] = []
        for year in range(1, SIGN_ON_YEARS + 1):
            edit = MoneyEdit()
            edit.setMinimumWidth(edit.fontMetrics().horizontalAdvance("000,000") + 16)
            edit.setAccessibleName(f"Sign-on, year {year}")
            label = QLabel(f"Year {year}")
            label.setBuddy(edit)
            box, message = field_box(edit)
            grid.addWidget(label, 0, year - 1)
            grid.addWidget(box, 1, year - 1, Qt.AlignmentFlag.AlignTop)
            self.binder.bind(f"sign_on[{year - 1}]", edit, label=f"Sign-on, year {year}", message=message)
            self.sign_on.append(edit)
            self._watched.append(edit)
        sign_on = QWidget()
        sign_on.setLayout(grid)
        form.addRow(QLabel("Sign-on"), sign_on)
        self._build_repayment(form)
        self.relocation = self._field(form, "Relocation", self._money(), "relocation", empty=OMIT)

    def _build_repayment(self, form: QFormLayout) -> None:
        """The sign-on's repayment terms: leaving within so many months of the start means repaying it,
        pro rata or in full (format 2 `sign_on_repayment`)."""
        self.repay_months = QSpinBox()
        self.repay_months.setRange(0, 60)
        self.repay_months.setSpecialValueText("Not repaid")
        self.repay_months.setPrefix("if you leave within ")
        self.repay_months.setSuffix(" months")
        self.repay_months.setKeyboardTracking(False)
        self.repay_months.setToolTip("Leaving within this many months after the start means repaying the sign-on")
        self.repay_pro_rata = QComboBox()
        for text, value in REPAYMENT:
            self.repay_pro_rata.addItem(text, value)
        self.repay_pro_rata.setToolTip("Pro rata: the share of the months not worked; in full: all of it")
        self.repay_pro_rata.setSizePolicy(QSizePolicy.Policy.Fixed, self.repay_pro_rata.sizePolicy().verticalPolicy())
        self.repay_months.setAccessibleName("Sign-on repaid if you leave within, months")
        self.repay_pro_rata.setAccessibleName("Sign-on repaid pro rata or in full")
        label = QLabel("Sign-on repaid")
        label.setBuddy(self.repay_months)
        cell = QWidget()
        row = QHBoxLayout(cell)
        row.setContentsMargins(0, 0, 0, 0)
        months_box, months_message = field_box(self.repay_months, beside=False)
        rata_box, rata_message = field_box(self.repay_pro_rata, beside=False)
        repaying = QLabel("repaying")
        repaying.setBuddy(self.repay_pro_rata)
        repaying.setMinimumHeight(self.repay_pro_rata.sizeHint().height())
        row.addWidget(months_box, 0, Qt.AlignmentFlag.AlignTop)
        row.addWidget(repaying, 0, Qt.AlignmentFlag.AlignTop)
        row.addWidget(rata_box, 0, Qt.AlignmentFlag.AlignTop)
        row.addStretch(1)
        form.addRow(label, cell)
        self.binder.bind(
            "sign_on_repayment.months",
            self.repay_months,
            label="Sign-on repayment months",
            message=months_message,
            read=lambda: self.repay_months.value() or None,
            show=lambda value: self.repay_months.setValue(int(value or 0)),
        )
        self.binder.bind(
            "sign_on_repayment.pro_rata",
            self.repay_pro_rata,
            label="Sign-on repayment",
            message=rata_message,
            active=lambda: self.repay_months.value() > 0,
            show=lambda value: self.repay_pro_rata.setCurrentIndex(0 if value is None or value else 1),
        )
        self.repay_months.valueChanged.connect(self._sync_repayment)
        self._watched.extend([self.repay_months, self.repay_pro_rata])

    def _sync_repayment(self) -> None:
        """Pro rata or in full means something only when the sign-on is repaid at all."""
        self.repay_pro_rata.setEnabled(self.repay_months.value() > 0)

    def _build_equity(self) -> None:
        form = self._section("Equity")
        self.equity = RowList(self.binder, "equity", lambda: GrantRow(self._currency()), "Add grant", self._watch)
        self.equity.rows_edited.connect(self._on_rows_edited)
        form.addRow(self.equity)
        refreshers = QLabel("Refreshers")
        font = refreshers.font()
        font.setBold(True)
        refreshers.setFont(font)
        refreshers.setToolTip("New grants you expect every year from a given year on")
        form.addRow(refreshers)
        self.refresh_value = self._field(
            form, "Value per year", self._money(), "refreshers.annual_value", name="Refresher value per year"
        )
        self.refresh_first = QSpinBox()
        self.refresh_first.setRange(1, 10)
        self.refresh_first.setPrefix("Year ")
        self.refresh_first.setKeyboardTracking(False)
        self._field(
            form,
            "First given in",
            self.refresh_first,
            "refreshers.first_year",
            name="Refreshers first given in year",
            show=lambda value: self.refresh_first.setValue(2 if value is None else int(value)),
        )
        self.refresh_vesting = VestingFields(form, "Refresher", self)
        self.refresh_vesting.bind(self.binder, "refreshers.vesting")
        self._watched.extend(self.refresh_vesting.inputs())

    def _build_benefits(self) -> None:
        form = self._section("Benefits")
        self.benefits = RowList(
            self.binder, "benefits", lambda: BenefitRow(self._currency()), "Add benefit", self._watch
        )
        self.benefits.rows_edited.connect(self._on_rows_edited)
        form.addRow(self.benefits)

    def _build_budget(self) -> None:
        form = self._section("Budget and headcount")
        self.band_min = self._field(form, "Band minimum", self._money(), "budget.band_min", empty=OMIT)
        self.band_max = self._field(form, "Band maximum", self._money(), "budget.band_max", empty=OMIT)
        self.band_source = QComboBox()
        for text, key in BAND_SOURCES:
            self.band_source.addItem(text, key)
        self._field(
            form,
            "Band from",
            self.band_source,
            "budget.source",
            name="Band source",
            show=lambda value: (
                self.band_source.setCurrentIndex(max(self.band_source.findData(value), 0))
                if value is not None
                else self.band_source.setCurrentIndex(0)
            ),
        )
        self.combinable_roles = _unknown_spin(1000)
        self.combinable_roles.setToolTip("Other open roles whose budget the hiring manager could fold into this hire")
        self._field(
            form,
            "Combinable roles",
            self.combinable_roles,
            "headcount.combinable_roles",
            empty=OMIT,
            read=lambda: self.combinable_roles.value() if self.combinable_roles.value() >= 0 else None,
            show=lambda value: self.combinable_roles.setValue(-1 if value is None else int(value)),
        )
        self.combinable_budget = self._field(
            form, "Combinable budget", self._money(), "headcount.combinable_budget", empty=OMIT
        )
        self.combinable_budget.setToolTip("The annual base budget of those roles")

    def _build_timeline(self) -> None:
        form = self._section("Timeline")
        self.strip = TimelineStrip()
        form.addRow(self.strip)
        self.timeline = RowList(self.binder, "timeline", self._new_event_row, "Add event", self._watch)
        self.timeline.rows_edited.connect(self._on_rows_edited)
        form.addRow(self.timeline)

    def _build_rounds(self) -> None:
        form = self._section("The negotiation so far")
        hint = QLabel(
            "Each round: what you asked for, or what the company answered. The fields above stay the offer "
            "as it stands now; the rounds are the history (and the never-above-your-last-ask rule reads them)."
        )
        hint.setWordWrap(True)
        hint.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        form.addRow(hint)
        self.rounds = RowList(self.binder, "negotiation", self._new_round_row, "Add round", self._watch)
        self.rounds.rows_edited.connect(self._on_rows_edited)
        form.addRow(self.rounds)
        self.copy_answer_button = QPushButton("Copy the company's answer into the offer")
        self.copy_answer_button.setAccessibleName("Copy the company's answer into the offer")
        self.copy_answer_button.setToolTip("Ctrl+R. One change: Undo takes it back")
        self.copy_answer_button.clicked.connect(self.copy_company_answer)
        self.answer_words = QLabel()
        self.answer_words.setWordWrap(True)
        self.answer_words.setTextFormat(Qt.TextFormat.PlainText)  # names the user typed are not markup
        self.answer_words.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.answer_words.setAccessibleName("What copying the company's answer would change")
        self.answer_area = QWidget()
        column = QVBoxLayout(self.answer_area)
        column.setContentsMargins(0, 6, 0, 0)
        column.setSpacing(4)
        buttons = QHBoxLayout()
        buttons.addWidget(self.copy_answer_button)
        buttons.addStretch(1)
        column.addLayout(buttons)
        column.addWidget(self.answer_words)
        form.addRow(self.answer_area)

    def _new_round_row(self) -> ListRow:
        row = RoundRow(self._currency(), self._new_round, self._round_default, self._watch)
        row.items_edited.connect(self._on_rows_edited)
        return row

    def _new_round(self) -> tuple[Any, str, list[str]]:
        """A new round: today, the other side than the last round's, the last round's items (or base)."""
        rows = [r for r in self.rounds.rows() if isinstance(r, RoundRow)] if hasattr(self, "rounds") else []
        last = rows[-2] if len(rows) > 1 else None  # (the new row is already the last one)
        side = "candidate" if last is None or last.side.currentData() == "company" else "company"
        items = last.items() if last is not None else ["base_salary"]
        return self.workspace.as_of(), side, items

    def _round_default(self, item: str) -> Any:
        offer = self.workspace.offer(self._offer_id) if self._offer_id else None
        return item_default(item, offer_items(offer) if offer is not None else {})

    def _build_signals(self) -> None:
        form = self._section("Signals")
        self.competing = _unknown_spin(99)
        self._field(
            form,
            "Competing offers",
            self.competing,
            "signals.competing_offers",
            read=lambda: self.competing.value() if self.competing.value() >= 0 else None,
            show=lambda value: self.competing.setValue(-1 if value is None else int(value)),
        )
        self.recruiter = QComboBox()
        self.manager = QComboBox()
        for combo in (self.recruiter, self.manager):
            for text, value in TRI_STATE:
                combo.addItem(text, value)
        self._field(
            form,
            "Recruiter advocating",
            self.recruiter,
            "signals.recruiter_advocating",
            name="Recruiter advocating for you",
            show=_tri_state_show(self.recruiter),
        )
        self._field(
            form,
            "Hiring manager responsive",
            self.manager,
            "signals.hiring_manager_responsive",
            show=_tri_state_show(self.manager),
        )
        self.deadline = self._field(form, "Deadline", DateEdit(), "signals.deadline", name="Offer deadline")
        _narrow(self.deadline, 12)

    def _build_goal(self) -> None:
        form = self._section("Goal")
        self.target_total = self._field(
            form, "Target year-1 total", self._money(), "goal.target_total", name="Target year-1 total"
        )
        self.walk_away = self._field(form, "Walk-away total", self._money(), "goal.walk_away_total")
        self.walk_away.setToolTip("Below this year-1 total you would decline")

    def _build_notes(self) -> None:
        form = self._section("Notes")
        self.notes = NotesEdit()
        self.notes.setMinimumHeight(self.notes.fontMetrics().height() * 5)
        self.notes.setPlaceholderText("Anything worth remembering in the negotiation")
        self.notes.setAccessibleName("Notes")
        box, message = field_box(self.notes)
        form.addRow(box)
        self.binder.bind("notes", self.notes, label="Notes", message=message)
        self._watched.append(self.notes)

    # --- rows ------------------------------------------------------------------------------------

    def _new_event_row(self) -> ListRow:
        rows = self.timeline.rows() if hasattr(self, "timeline") else []
        previous = rows[-1].kind.currentData() if rows else None  # type: ignore[attr-defined]
        return EventRow(self.workspace.as_of(), previous)

    def _currency(self) -> str:
        code = self.currency.currentText().strip().upper()
        return code if code in ISO_4217_CODES else (self._offer.currency if self._offer else "USD")

    # --- loading ---------------------------------------------------------------------------------

    def _reload(self) -> None:
        offer = self.workspace.offer(self._offer_id) if self._offer_id else None
        self._offer = offer
        self._loading = True
        try:
            if offer is None:
                self._offer_id = None
                self.binder.load(None)
                self.pages.setCurrentWidget(self.empty)
                self.summary.hide()
                return
            shown = _normalized(offer)
            self.equity.set_items([g.model_dump() for g in shown.equity])
            self.benefits.set_items([b.model_dump() for b in shown.benefits])
            self.timeline.set_items([e.model_dump() for e in shown.timeline])
            self.rounds.set_items([r.model_dump() for r in shown.negotiation])
            mode = "none" if offer.bonus is None else ("percent" if offer.bonus.target_pct is not None else "amount")
            self.bonus_mode.setCurrentIndex(self.bonus_mode.findData(mode))
            self._sync_bonus()
            self._set_currency(offer.currency)
            self.binder.load(shown)
            self._sync_repayment()
            self.strip.set_events(
                [(e.date, e.kind, e.note) for e in shown.timeline],
                offer.signals.deadline,
                rounds=[(r.date, r.side, r.note) for r in shown.negotiation],
            )
            apply_tab_order(self.content)
            self.pages.setCurrentWidget(self.scroll)
            evaluator = self.workspace.evaluator()
            self._show_summary(offer, evaluator.figures(offer.id), evaluator.options(offer.id))
            self._show_option_details(evaluator.options(offer.id))
            self._show_answer_plan(offer)
            self.summary.show()
        finally:
            self._loading = False

    def _show_currency(self, code: Any) -> None:
        index = self.currency.findText(code or "")
        if index >= 0:
            self.currency.setCurrentIndex(index)
        else:
            self.currency.setEditText(code or "")

    def _set_currency(self, code: str) -> None:
        for edit in self.content.findChildren(MoneyEdit):
            edit.set_currency(code)

    def _on_offer_updated(self, offer_id: str) -> None:
        if offer_id != self._offer_id:
            return
        if not self.isVisible() and self.window().isVisible():
            self._reload_when_shown = True  # on a hidden tab: reloaded when the Offer tab is opened
            return
        self._reload()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if getattr(self, "_reload_when_shown", False):
            self._reload_when_shown = False
            if self._offer_id is not None:
                self._reload()

    def _on_offers_reset(self) -> None:
        if self._offer_id is not None:
            self.set_offer(self._offer_id)

    # --- saving ----------------------------------------------------------------------------------

    def _watch(self, widget: QWidget) -> None:
        for signal in finished_signals(widget):
            signal.connect(self._on_edit_finished)
        for signal in _edited_signals(widget):
            signal.connect(self._schedule_preview)
        if isinstance(widget, QComboBox | QAbstractSpinBox):
            widget.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
            widget.installEventFilter(self._wheel_guard)
        widget.installEventFilter(self._escape)
        if isinstance(widget, QComboBox) and widget.lineEdit() is not None:
            widget.lineEdit().installEventFilter(self._escape)

    def _on_rows_edited(self) -> None:
        apply_tab_order(self.content)
        self._on_edit_finished()

    def _on_edit_finished(self) -> None:
        if self._loading or self._saving or self._offer_id is None:
            return
        # the focus leaving the form (a click in the list, say) is not taken back to a bad field:
        # the user is going elsewhere, and typing must go where they went
        new_focus = QApplication.focusWidget()
        leaving = new_focus is not None and not self.isAncestorOf(new_focus)
        self._saving = True
        try:
            self._save(focus=not leaving)
        finally:
            self._saving = False

    def _save(self, focus: bool = True) -> bool:
        """Validate the whole form and save it when valid and changed; False when it can't be saved."""
        code = self.currency.currentText().strip().upper()
        if code in ISO_4217_CODES:
            self._set_currency(code)
        offer = self.binder.validate(focus=focus)
        if offer is None:
            problems = self.binder.errors()
            if problems:
                self.edit_rejected.emit(self._not_saved_words(problems))
            elif self.binder.held():  # only fields the user has not reached yet: no error, a hint
                waiting = next(iter(self.binder.held().values()))
                self.edit_rejected.emit(f"Not saved yet: {waiting}. Fill it in to save this change.")
            return False
        offer = _normalized(offer)  # type: ignore[arg-type]
        stored = self.workspace.offer(offer.id)
        if stored is not None and offer == _normalized(stored):
            return True
        return self.workspace.update_offer(offer)

    def _schedule_preview(self, *_changed: Any) -> None:
        self._preview_timer.start()  # (not connected directly: start(int) would take a value as msec)

    def _preview(self) -> None:
        """The summary of what the fields hold now (valid or not yet saved); the last good figures,
        marked as such, while something typed can't be read."""
        if self._loading or self._offer_id is None or self._offer is None:
            return
        model, _problems = self.binder.check(ignore=("tax_region",))  # (it doesn't change these figures)
        if model is None:
            shown = self.summary.figures()
            self.summary.set_figures(shown, self.summary_currency(), stale=True)
            return
        offer = _normalized(model)  # type: ignore[arg-type]
        options = offer_options(offer)
        self._show_summary(offer, figures(offer, self.workspace.settings().horizon_years), options)
        self._show_option_details(options)
        self._show_answer_plan(offer)
        self._summary_currency = offer.currency

    def _show_summary(self, offer: Offer, shown: OfferFigures, options: tuple[OptionDetails, ...]) -> None:
        """What the offer is worth, with year 1 after what leaving the current job costs (if any)."""
        under_water = any(o.under_water for o in options)
        self.summary.set_figures(shown, offer.currency, equity_note="options under water" if under_water else "")
        evaluator = self.workspace.evaluator()
        stay = evaluator.stay()
        if stay is None or stay.leaving_cost == 0:
            self.summary.set_leaving([])
            return
        job = stay.job
        leaving = evaluator.leaving_cost(offer.currency)
        tip = (
            f"What you forfeit and repay by leaving {job.company}, your current job: what this employer is "
            "asked to make whole. Year 1 after leaving is year 1 less that cost."
        )
        if leaving is None:
            cost = fmt.money(stay.leaving_cost, job.currency, cents=self.summary.cents)
            self.summary.set_leaving([("Leaving costs", f"{cost}\n(no rate to {offer.currency})", tip)])
            return
        after = year_one_after_leaving(shown.year_one, leaving)
        cents = self.summary.cents or fmt.needs_cents((leaving, after))
        self.summary.set_leaving(
            [
                ("Leaving costs", fmt.money(-leaving, offer.currency, cents=cents), tip),
                ("Year 1 after leaving", fmt.money(after, offer.currency, cents=cents), tip),
            ]
        )

    def _show_option_details(self, options: tuple[OptionDetails, ...]) -> None:
        by_grant = {details.grant_index: details for details in options}
        for index, row in enumerate(self.equity.rows()):
            if isinstance(row, GrantRow):
                row.set_details(by_grant.get(index))

    # --- the company's answer --------------------------------------------------------------------

    def can_copy_answer(self) -> bool:
        """Whether the saved offer has a company answer that would change it."""
        offer = self.workspace.offer(self._offer_id) if self._offer_id else None
        plan = answer_plan(offer) if offer is not None else None
        return plan is not None and plan.changes_anything

    def copy_company_answer(self) -> bool:
        """Copy the company's last answer into the offer, as one undoable change; True when copied."""
        if self._offer_id is None:
            return False
        if not self.commit_pending():
            self.edit_rejected.emit("The company's answer was not copied: fix what is marked first.")
            return False
        offer = self.workspace.offer(self._offer_id)
        plan = answer_plan(offer) if offer is not None else None
        if offer is None or plan is None:
            self.edit_rejected.emit("There is no answer from the company to copy: add it as a round first.")
            return False
        if not plan.changes_anything:
            self.edit_rejected.emit("The offer already holds the company's last answer: nothing to copy.")
            return False
        try:
            copied = Offer.model_validate(plan.offer.model_dump())
        except ValidationError as exc:
            first = next(iter(form_errors(exc).items()), ("", "it would not be a valid offer"))
            self.edit_rejected.emit(f"The company's answer was not copied: {first[0]} {first[1]}".replace("  ", " "))
            return False
        if not self.workspace.update_offer(copied, f"Copy {offer.company}'s answer"):
            return False
        changed = "; ".join(_change_words(change, offer.currency) for change in plan.changes)
        kept = self._not_copied_words(plan)
        self.answer_copied.emit(
            f"Copied {offer.company}'s answer into the offer: {changed}.{' ' + kept if kept else ''} "
            "Undo (Ctrl+Z) takes it back."
        )
        return True

    def _show_answer_plan(self, offer: Offer) -> None:
        """Beside the button: what copying the company's answer would change, and what it can't copy."""
        plan = answer_plan(offer)
        self.copy_answer_button.setEnabled(plan is not None and plan.changes_anything)
        self.answer_area.setVisible(plan is not None)  # only once the company has answered in a round
        if plan is None:
            self.answer_words.clear()
            return
        round_ = offer.negotiation[plan.round_index]
        head = f"The company's answer of {fmt.day(round_.date)}"
        kept = self._not_copied_words(plan)
        if not plan.changes_anything:
            self.answer_words.setText(f"{head} is what the offer holds now.{' ' + kept if kept else ''}")
            return
        changes = "\n".join(f"• {_change_words(change, offer.currency)}" for change in plan.changes)
        self.answer_words.setText(f"{head} would change:\n{changes}{chr(10) + kept if kept else ''}")

    @staticmethod
    def _not_copied_words(plan: AnswerPlan) -> str:
        if not plan.not_copied:
            return ""
        parts = [f"{ROUND_ITEM_NAMES.get(item, item)} ({why})" for item, why in plan.not_copied]
        return "Not copied: " + "; ".join(parts) + "."

    def summary_currency(self) -> str:
        return getattr(self, "_summary_currency", None) or (self._offer.currency if self._offer else "USD")

    def _shape(self, data: dict[str, Any]) -> dict[str, Any]:
        """From the fields' values to the offer's shape: sections left empty become "none"."""
        if self.bonus_mode.currentData() == "none":
            data["bonus"] = None
        sign_on = list(data.get("sign_on") or [])
        while sign_on and sign_on[-1] is None:
            sign_on.pop()
        data["sign_on"] = [Decimal(0) if v is None else v for v in sign_on]
        refreshers = data.get("refreshers")
        if isinstance(refreshers, dict) and refreshers.get("annual_value") is None:
            data["refreshers"] = None
        budget = data.get("budget")
        if isinstance(budget, dict) and not any(budget.get(k) is not None for k in ("band_min", "band_max", "source")):
            data["budget"] = None
        headcount = data.get("headcount")
        if isinstance(headcount, dict) and not any(
            headcount.get(k) is not None for k in ("combinable_roles", "combinable_budget")
        ):
            data["headcount"] = None
        repayment = data.get("sign_on_repayment")
        if isinstance(repayment, dict) and repayment.get("months") is None:
            data["sign_on_repayment"] = None
        goal = data.get("goal")
        loaded = self._offer.goal if self._offer is not None else None
        loaded_empty = loaded is not None and loaded.target_total is None and loaded.walk_away_total is None
        if isinstance(goal, dict) and not any(v is not None for v in goal.values()) and not loaded_empty:
            data["goal"] = None  # (an empty goal read from a file stays as it was: no change to save)
        return data

    # --- bonus and style -------------------------------------------------------------------------

    def _sync_bonus(self) -> None:
        """Show the target the bonus mode asks for (and the payout, unless there is no bonus)."""
        form = self._form_of(self.bonus_pct.parentWidget())
        show_bonus_rows(form, self.bonus_mode.currentData(), self.bonus_pct, self.bonus_amount, self.bonus_payout)

    def _sections(self) -> list[QFormLayout]:
        items = (self._page.itemAt(i).layout() for i in range(self._page.count()))
        return [layout for layout in items if isinstance(layout, QFormLayout)]

    def _align_sections(self) -> None:
        """One label column for every section, so the inputs line up down the page; choices and
        counts keep their natural width instead of stretching across it."""
        labels = []
        for form in self._sections():
            for row in range(form.rowCount()):
                item = form.itemAt(row, QFormLayout.ItemRole.LabelRole)
                if item is not None and isinstance(item.widget(), QLabel):
                    labels.append(item.widget())
        width = max(label.sizeHint().width() for label in labels)
        for label in labels:
            label.setMinimumWidth(width)
        for widget in self._watched:
            if isinstance(widget, QComboBox) and not widget.isEditable():
                widget.setSizePolicy(QSizePolicy.Policy.Fixed, widget.sizePolicy().verticalPolicy())
            elif isinstance(widget, QSpinBox) and widget is not self.repay_months:
                _narrow(widget, 12)
        self.repay_months.setMinimumWidth(
            self.repay_months.fontMetrics().horizontalAdvance("if you leave within 60 months") + 40
        )

    def _form_of(self, widget: QWidget) -> QFormLayout:
        for layout in self._sections():
            if layout.getWidgetPosition(widget)[0] >= 0:
                return layout
        raise LookupError("widget is not in a section")

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            self._restyle()

    def _restyle(self) -> None:
        if self._styling:
            return
        self._styling = True
        try:
            self.binder.restyle(self.palette())  # (the rules are on the widgets marked: ui.forms.binder)
        finally:
            self._styling = False


class _EscapeReverts(QObject):
    """Esc in a field puts its saved value back (and the key goes no further when it did)."""

    def __init__(self, form: OfferForm):
        super().__init__(form)
        self._form = form

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() == Qt.Key.Key_Escape
            and event.modifiers() == Qt.KeyboardModifier.NoModifier
            and isinstance(watched, QWidget)
        ):
            return self._form.revert_field(watched)
        return False


def _edited_signals(widget: QWidget) -> list[Any]:
    """The signals of a change the user makes (each keystroke, each choice), for the live summary."""
    if isinstance(widget, QLineEdit):
        return [widget.textEdited]
    if isinstance(widget, QComboBox):
        return [widget.activated] + ([widget.lineEdit().textEdited] if widget.lineEdit() is not None else [])
    if isinstance(widget, QAbstractSpinBox) and hasattr(widget, "valueChanged"):
        return [widget.valueChanged]  # type: ignore[attr-defined]
    return []


def _shown_state(widget: QWidget) -> Any:
    """What a field shows, to tell whether putting its saved value back changed anything."""
    if isinstance(widget, QComboBox):
        return (widget.currentIndex(), widget.currentText())
    if isinstance(widget, QAbstractSpinBox):
        return widget.text()
    if isinstance(widget, QPlainTextEdit):
        return widget.toPlainText()
    if isinstance(widget, QLineEdit):
        return widget.text()
    return None


class _WheelGuard(QObject):
    """Scrolling the page over a choice or a count must not change it (and save the change): such
    inputs take the wheel only once the user has focused them; until then the page scrolls."""

    def __init__(self, form: QWidget, area: Callable[[], QScrollArea] | None = None):
        super().__init__(form)
        self._form = form
        self._area = area  # the page that scrolls instead (default: the offer form's)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Wheel and isinstance(watched, QWidget) and not watched.hasFocus():
            area = self._area() if self._area is not None else self._form.scroll  # type: ignore[attr-defined]
            QCoreApplication.sendEvent(area.viewport(), event)
            return True
        return False


def _change_words(change: AnswerChange, currency: str) -> str:
    """One change of a company answer in words: "Base salary: $192,000 → $198,000"."""

    def words(value: Any) -> str:
        if value is None:
            return "none"
        if change.item == "sign_on":
            return " + ".join(fmt.money(v, currency) for v in value) or "none"
        if change.item == "bonus_target_pct":
            return f"{fmt.percent(value.target_pct)} of base" if value.target_pct is not None else "an amount"
        kind = ITEM_INPUTS.get(change.item)
        if kind == "money":
            return fmt.money(value, currency)
        if kind == "shares":
            return fmt.number(value)
        if kind == "date":
            return fmt.day(value)
        return f"“{value}”"

    name = ROUND_ITEM_NAMES.get(change.item, change.item)
    if change.item == "title":
        name = "Role (title)"
    elif change.field.startswith("equity[0]"):
        name = f"{name} (first grant)"
    return f"{name}: {words(change.before)} → {words(change.after)}"


def _normalized(offer: Offer) -> Offer:
    """The offer as the form shows and saves it: its timeline in date order."""
    ordered = offer.sorted_timeline()
    return offer if ordered == offer.timeline else offer.model_copy(update={"timeline": ordered})
