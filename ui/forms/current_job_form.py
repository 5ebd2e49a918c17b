"""Your current job: the form for `current_job` (format 2), reached from "Current job" at the top of the
offer list. It is not an offer — no stage, no rating — but the job you would leave: what staying pays,
and what leaving costs.

Every finished edit validates the whole form through the binder (against `app.models.CurrentJob`,
which holds every rule); a valid one that differs from the saved job is saved at once with
`Workspace.update_settings` (undoable), an invalid one is marked at its field and nothing is written.
Beside the fields, what staying is worth and what leaving costs, from the Evaluator (`stay()`),
following what is typed.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any, TypeVar

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QFont, QPalette
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app.currencies import ISO_4217_CODES
from app.evaluation import Evaluator, StayEvaluation
from app.models import CurrentJob
from ui import format as fmt
from ui.forms.binder import (
    OMIT,
    FormBinder,
    add_form_row,
    apply_tab_order,
    field_box,
    finished_signals,
    form_stylesheet,
    reveal,
)
from ui.forms.offer_form import (
    BenefitRow,
    _edited_signals,
    _EscapeReverts,
    _narrow,
    _shown_state,
    _WheelGuard,
    add_pay_fields,
    region_row,
    show_bonus_rows,
)
from ui.forms.rows import ListRow, RowList
from ui.forms.summary import OfferSummary
from ui.widgets.fields import MoneyEdit, PercentEdit
from ui.widgets.icons import action_icon
from ui.widgets.job_entry import EMPTY_WORDS
from ui.widgets.region_picker import RegionPicker
from ui.workspace import Workspace

W = TypeVar("W", bound=QWidget)


class YearAmountRow(ListRow):
    """What vests in one coming year if you stay, as your broker shows it."""

    def __init__(self, currency: str, parent: QWidget | None = None):
        super().__init__("year", parent)
        self.caption = QLabel("Year 1")
        self.amount = MoneyEdit(currency)
        _narrow(self.amount)
        self.caption.setBuddy(self.amount)
        self.caption.setMinimumHeight(self.amount.sizeHint().height())
        box, self.message = field_box(self.amount, beside=True)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.caption, 0, Qt.AlignmentFlag.AlignTop)
        layout.addWidget(box, 1, Qt.AlignmentFlag.AlignTop)
        layout.addWidget(self.remove_button, 0, Qt.AlignmentFlag.AlignTop)

    def inputs(self) -> list[QWidget]:
        return [self.amount]

    def fill_new(self) -> None:
        self.amount.set_value(Decimal(0))

    def bind(self, binder: FormBinder, path: str, number: int) -> None:
        super().bind(binder, path, number)
        self.caption.setText(f"Year {number}")
        self.amount.setAccessibleName(f"Equity vesting in year {number}")
        self.remove_button.setText("Remove year")
        binder.bind(path, self.amount, label=f"Equity in year {number}", message=self.message)


class LeavingRow(ListRow):
    """One thing leaving costs: what it is, and the amount (forfeited, or repaid)."""

    def __init__(self, noun: str, first: str, placeholder: str, currency: str, parent: QWidget | None = None):
        super().__init__(noun, parent)
        self._first = first  # a new row's words, selected to be typed over
        self.what = QLineEdit()
        self.what.setPlaceholderText(placeholder)
        self.amount = MoneyEdit(currency)
        _narrow(self.amount)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.messages = {}
        for key, text, widget, stretch in (("what", "What", self.what, 1), ("amount", "Amount", self.amount, 0)):
            label = QLabel(text)
            label.setBuddy(widget)
            label.setMinimumHeight(widget.sizeHint().height())
            box, self.messages[key] = field_box(widget)
            layout.addWidget(label, 0, Qt.AlignmentFlag.AlignTop)
            layout.addWidget(box, stretch, Qt.AlignmentFlag.AlignTop)
        layout.addWidget(self.remove_button, 0, Qt.AlignmentFlag.AlignTop)
        # one width for "Remove forfeit" and "Remove repayment": the fields of both lists line up
        metrics = self.remove_button.fontMetrics()
        widest = max(metrics.horizontalAdvance(f"Remove {noun}") for noun in ("forfeit", "repayment"))
        self.remove_button.setMinimumWidth(max(self.remove_button.sizeHint().width(), widest + 24))

    def inputs(self) -> list[QWidget]:
        return [self.what, self.amount]

    def fill_new(self) -> None:
        self.what.setText(self._first)
        self.amount.set_value(Decimal(0))

    def bind(self, binder: FormBinder, path: str, number: int) -> None:
        super().bind(binder, path, number)
        name = f"{self.noun[:1].upper()}{self.noun[1:]} {number}"
        self.what.setAccessibleName(f"{name}: what")
        self.amount.setAccessibleName(f"{name}: amount")
        binder.bind(f"{path}.what", self.what, label=f"{name}: what", message=self.messages["what"], empty=OMIT)
        binder.bind(f"{path}.amount", self.amount, label=f"{name}: amount", message=self.messages["amount"], empty=OMIT)


class CurrentJobForm(QWidget):
    """Edits the workspace's current job; every valid finished edit is saved at once (undoable)."""

    edit_rejected = Signal(str)  # a finished edit was not saved: a message for the status bar

    def __init__(self, workspace: Workspace, parent: QWidget | None = None):
        super().__init__(parent)
        self.workspace = workspace
        self._job: CurrentJob | None = None
        self._shown_currency = "USD"  # of the figures beside the form
        self._loading = False
        self._saving = False
        self._styling = False
        self._watched: list[QWidget] = []
        self._wheel_guard = _WheelGuard(self, lambda: self.scroll_area)
        self._escape = _EscapeReverts(self)  # type: ignore[arg-type]  # duck-typed: needs .revert_field

        self.banner = QLabel()
        self.content = QWidget()
        self.content.setObjectName("currentJobFormContent")
        self.binder = FormBinder(CurrentJob, self.content, self.banner, shape=self._shape, parent=self)
        self._page = QVBoxLayout(self.content)
        self._page.setContentsMargins(16, 12, 16, 16)
        self._build_heading()
        self._build_job()
        self._build_pay()
        self._build_equity()
        self._build_benefits()
        self._build_leaving()
        self._page.addSpacing(18)
        remove = QHBoxLayout()
        self.remove_button = QPushButton("Remove current job")
        self.remove_button.setToolTip("Compare offers without a Stay column (Undo brings the job back)")
        self.remove_button.clicked.connect(self.remove_job)
        remove.addWidget(self.remove_button)
        remove.addStretch(1)
        self._page.addLayout(remove)
        self._page.addStretch(1)

        self.scroll_area = QScrollArea()
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QScrollArea.Shape.NoFrame)
        self.scroll_area.setWidget(self.content)
        self.scroll_area.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.empty = self._build_empty()
        self.pages = QStackedWidget()
        self.pages.addWidget(self.empty)
        self.pages.addWidget(self.scroll_area)
        self.summary = OfferSummary()
        self.summary.title.setText("What staying is worth")
        self.summary.year_one_caption.setText("Year 1 if you stay")
        self.summary.setAccessibleName("What staying in your current job is worth")
        widest = self.fontMetrics().horizontalAdvance("Contingent (bonus)  $1,000,000.00")
        self.summary.setFixedWidth(max(240, widest + 32))
        body = QHBoxLayout()
        body.setContentsMargins(0, 0, 8, 8)
        body.addWidget(self.pages, 1)
        body.addWidget(self.summary, 0, Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.banner)
        layout.addLayout(body)
        self._preview_timer = QTimer(self)
        self._preview_timer.setSingleShot(True)
        self._preview_timer.setInterval(0)
        self._preview_timer.timeout.connect(self._preview)

        for widget in self._watched:
            self._watch(widget)
        self._align_labels()
        self._restyle()
        workspace.settings_changed.connect(self._on_settings_changed)
        self.reload()

    # --- public ----------------------------------------------------------------------------------

    def job(self) -> CurrentJob | None:
        """The saved current job (None: there is none)."""
        return self.workspace.settings().current_job

    def add_job(self) -> None:
        """Start a current job (undoable) and put the cursor in its first field."""
        if self.job() is None:
            self._store(CurrentJob(), "Add current job")
        if self.job() is not None:
            self.focus_first_field()

    def remove_job(self) -> None:
        if self.job() is not None:
            self._store(None, "Remove current job")

    def focus_first_field(self) -> None:
        if self.pages.currentWidget() is self.scroll_area:
            reveal(self.company)
            self.company.selectAll()
        else:
            self.add_button.setFocus()

    def problems(self) -> dict[str, str]:
        return self.binder.errors()

    def has_unsaved_edit(self) -> bool:
        """Whether the fields hold something the data file doesn't (typed and not saved, or bad)."""
        if self._job is None:
            return False
        model, problems = self.binder.check()
        return bool(problems) or model is None or model != self.job()

    def commit_pending(self) -> bool:
        """Save what is still being typed; True when nothing is left unsaved."""
        if self._job is None or self._loading or self._saving:
            return True
        self._saving = True
        try:
            return self._save(focus=False)
        finally:
            self._saving = False

    def revert_pending(self) -> None:
        self.reload()

    def revert_field(self, widget: QWidget) -> bool:
        """Esc in a field: its saved value back; True when something was put back."""
        if self._job is None or self._loading:
            return False
        bound = self.binder.field_of(widget)
        if bound is None:
            return False
        marked = bound.path in self.binder.errors()
        before = _shown_state(bound.widget)
        self.binder.revert(bound)
        if before == _shown_state(bound.widget) and not marked:
            return False
        self.binder.validate(focus=False)
        self.edit_rejected.emit(f"Put back the saved value of {bound.label}")
        return True

    # --- building --------------------------------------------------------------------------------

    def _build_heading(self) -> None:
        row = QHBoxLayout()
        self.icon = QLabel()
        self.icon.setAccessibleName("Current job")
        row.addWidget(self.icon, 0, Qt.AlignmentFlag.AlignTop)
        words = QVBoxLayout()
        heading = QLabel("Your current job")
        font = heading.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.45)
        heading.setFont(font)
        heading.setAccessibleName("Your current job")
        about = QLabel(
            "Not an offer: what staying pays, and what leaving costs. Compare shows it as the Stay column, "
            "and each offer's year 1 is also shown after what leaving costs."
        )
        about.setWordWrap(True)
        about.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        words.addWidget(heading)
        words.addWidget(about)
        row.addLayout(words, 1)
        self._page.addLayout(row)

    def _build_empty(self) -> QWidget:
        page = QWidget()
        column = QVBoxLayout(page)
        column.addStretch(1)
        self.empty_icon = QLabel()
        column.addWidget(self.empty_icon, 0, Qt.AlignmentFlag.AlignHCenter)
        title = QLabel("<h2>No current job yet</h2>")
        column.addWidget(title, 0, Qt.AlignmentFlag.AlignHCenter)
        self.empty_text = QLabel(
            f"{EMPTY_WORDS}: what staying pays year by year, and what leaving costs (unvested stock, "
            "this year's bonus, a sign-on to repay). It is not an offer and is never rated."
        )
        self.empty_text.setWordWrap(True)
        self.empty_text.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.empty_text.setMaximumWidth(520)
        # (not aligned in its layout: a wrapped label placed with an alignment gets its one-line height)
        middle = QHBoxLayout()
        middle.addStretch(1)
        middle.addWidget(self.empty_text, 4)
        middle.addStretch(1)
        column.addLayout(middle)
        column.addSpacing(12)
        self.add_button = QPushButton("&Add current job")
        self.add_button.setAccessibleName("Add current job")
        self.add_button.setDefault(True)
        self.add_button.clicked.connect(self.add_job)
        column.addWidget(self.add_button, 0, Qt.AlignmentFlag.AlignHCenter)
        column.addStretch(2)
        return page

    def _section(self, title: str) -> QFormLayout:
        heading = QLabel(title)
        font = heading.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.2)
        heading.setFont(font)
        heading.setAccessibleName(title)
        self._page.addSpacing(14)
        self._page.addWidget(heading)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self._page.addLayout(form)
        return form

    def _field(
        self, form: QFormLayout, text: str, widget: W, path: str | None, *, name: str | None = None, **bind: Any
    ) -> W:
        message = add_form_row(form, text, widget, name)
        if path is not None:
            self.binder.bind(path, widget, label=name or text, message=message, **bind)
        self._watched.append(widget)
        return widget

    def _money(self) -> MoneyEdit:
        edit = MoneyEdit()
        _narrow(edit)
        return edit

    def _percent(self) -> PercentEdit:
        edit = PercentEdit()
        _narrow(edit, 8)
        return edit

    def _build_job(self) -> None:
        form = self._section("Job")
        self.company = self._field(form, "Company", QLineEdit(), "company", empty=OMIT)
        self.company.setPlaceholderText("Current job")  # what an empty name is saved as
        role = QLineEdit()
        self.role = self._field(form, "Role", role, "role", read=lambda: role.text().strip())  # empty: ""
        self.currency = QComboBox()
        self.currency.setEditable(True)
        self.currency.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.currency.addItems(sorted(ISO_4217_CODES))
        self.currency.setToolTip("The currency you are paid in: a three-letter ISO 4217 code such as USD")
        _narrow(self.currency, 8)
        self._field(
            form,
            "Currency",
            self.currency,
            "currency",
            read=lambda: self.currency.currentText().strip().upper() or None,
            show=self._show_currency,
            empty=OMIT,
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

    def _build_pay(self) -> None:
        form = self._section("Pay if you stay")
        add_pay_fields(self, form)
        self._pay_form = form

    def _build_equity(self) -> None:
        form = self._section("Equity still to vest")
        hint = QLabel(
            "What vests in each coming year if you stay, as your broker shows it (year 1 is the next 12 months)."
        )
        hint.setWordWrap(True)
        form.addRow(hint)
        self.equity = RowList(
            self.binder, "equity_by_year", lambda: YearAmountRow(self._currency()), "Add year", self._watch
        )
        self.equity.rows_edited.connect(self._on_rows_edited)
        form.addRow(self.equity)

    def _build_benefits(self) -> None:
        form = self._section("Benefits")
        self.benefits = RowList(
            self.binder, "benefits", lambda: BenefitRow(self._currency()), "Add benefit", self._watch
        )
        self.benefits.rows_edited.connect(self._on_rows_edited)
        form.addRow(self.benefits)

    def _build_leaving(self) -> None:
        form = self._section("What leaving costs")
        forfeit = QLabel("You forfeit")
        repay = QLabel("You repay")
        for label in (forfeit, repay):
            bold = QFont(label.font())
            bold.setBold(True)
            label.setFont(bold)
        forfeit.setToolTip(
            "What you lose by leaving now: unvested stock due soon, this year's bonus, a retention payment"
        )
        repay.setToolTip("What you would have to pay back: a sign-on, relocation, tuition")
        form.addRow(forfeit)
        self.forfeit = RowList(
            self.binder,
            "forfeit_on_leaving",
            lambda: LeavingRow(
                "forfeit", "What you forfeit", "RSUs vesting in February, this year's bonus…", self._currency()
            ),
            "Add what you forfeit",
            self._watch,
        )
        self.forfeit.rows_edited.connect(self._on_rows_edited)
        form.addRow(self.forfeit)
        form.addRow(repay)
        self.repay = RowList(
            self.binder,
            "repay_on_leaving",
            lambda: LeavingRow("repayment", "What you repay", "A sign-on, relocation, tuition…", self._currency()),
            "Add what you repay",
            self._watch,
        )
        self.repay.rows_edited.connect(self._on_rows_edited)
        form.addRow(self.repay)
        self.leaving_cost = QLabel()
        self.leaving_cost.setWordWrap(True)
        self.leaving_cost.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.leaving_cost.setAccessibleName("What leaving costs")
        form.addRow(self.leaving_cost)

    def _align_labels(self) -> None:
        labels = []
        for index in range(self._page.count()):
            entry = self._page.itemAt(index)
            form = entry.layout() if entry is not None else None
            if isinstance(form, QFormLayout):
                for row in range(form.rowCount()):
                    item = form.itemAt(row, QFormLayout.ItemRole.LabelRole)
                    label = item.widget() if item is not None else None
                    if isinstance(label, QLabel):
                        labels.append(label)
        width = max(label.sizeHint().width() for label in labels)
        for label in labels:
            label.setMinimumWidth(width)
        for widget in self._watched:
            if isinstance(widget, QComboBox) and not widget.isEditable():
                widget.setSizePolicy(QSizePolicy.Policy.Fixed, widget.sizePolicy().verticalPolicy())

    # --- loading ---------------------------------------------------------------------------------

    def reload(self) -> None:
        """Show the saved current job (or the empty page when there is none)."""
        job = self.job()
        self._job = job
        self._loading = True
        # a page that goes away with the focus in it would hand the focus to the next widget of the
        # window (the offer list, which would open an offer): it goes to the page that comes instead
        focus = QApplication.focusWidget()
        shown = self.pages.currentWidget()
        moving = focus is not None and shown is not None and shown.isAncestorOf(focus)
        coming = self.empty if job is None else self.scroll_area
        if moving and coming is not shown:
            focus.clearFocus()
        else:
            moving = False
        try:
            if job is None:
                self.binder.load(None)
                self.pages.setCurrentWidget(self.empty)
                self.summary.hide()
                if moving:
                    self.add_button.setFocus(Qt.FocusReason.OtherFocusReason)
                return
            self.equity.set_items([{} for _ in job.equity_by_year])
            self.benefits.set_items([b.model_dump() for b in job.benefits])
            self.forfeit.set_items([i.model_dump() for i in job.forfeit_on_leaving])
            self.repay.set_items([i.model_dump() for i in job.repay_on_leaving])
            mode = "none" if job.bonus is None else ("percent" if job.bonus.target_pct is not None else "amount")
            self.bonus_mode.setCurrentIndex(self.bonus_mode.findData(mode))
            self._sync_bonus()
            self._set_currency(job.currency)
            self.binder.load(job)
            apply_tab_order(self.content)
            self.pages.setCurrentWidget(self.scroll_area)
            if moving:
                self.company.setFocus(Qt.FocusReason.OtherFocusReason)
            self._show_stay(self.workspace.evaluator().stay())
            self.summary.show()
        finally:
            self._loading = False

    def _show_currency(self, code: Any) -> None:
        index = self.currency.findText(code or "USD")
        if index >= 0:
            self.currency.setCurrentIndex(index)
        else:
            self.currency.setEditText(code or "")

    def _set_currency(self, code: str) -> None:
        for edit in self.content.findChildren(MoneyEdit):
            edit.set_currency(code)

    def _currency(self) -> str:
        code = self.currency.currentText().strip().upper()
        return code if code in ISO_4217_CODES else (self._job.currency if self._job else "USD")

    def _on_settings_changed(self) -> None:
        saved = self.job()
        if saved is None or self._job is None:
            self.reload()
            return
        model, _problems = self.binder.check()
        if model != saved:  # changed elsewhere (Undo, an import): show what is saved
            self.reload()
        else:
            self._job = saved
            self._show_stay(self.workspace.evaluator().stay())

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
        line = widget.lineEdit() if isinstance(widget, QComboBox) else None
        if line is not None:
            line.installEventFilter(self._escape)

    def _on_rows_edited(self) -> None:
        apply_tab_order(self.content)
        self._on_edit_finished()

    def _on_edit_finished(self) -> None:
        if self._loading or self._saving or self._job is None:
            return
        new_focus = QApplication.focusWidget()
        leaving = new_focus is not None and not self.isAncestorOf(new_focus)
        self._saving = True
        try:
            self._save(focus=not leaving)
        finally:
            self._saving = False

    def _save(self, focus: bool = True) -> bool:
        code = self.currency.currentText().strip().upper()
        if code in ISO_4217_CODES:
            self._set_currency(code)
        job = self.binder.validate(focus=focus)
        if job is None:
            problems = self.binder.errors() or self.binder.held()
            if problems:
                first = next(iter(problems.values()))
                more = len(problems) - 1
                extra = f" (and {more} more problem{'s' if more != 1 else ''})" if more else ""
                self.edit_rejected.emit(f"Current job not saved: {first}{extra}. The saved values were kept.")
            return False
        if job == self.job():
            return True
        return self._store(job, "Edit current job")  # type: ignore[arg-type]

    def _store(self, job: CurrentJob | None, text: str) -> bool:
        settings = self.workspace.settings()
        return self.workspace.update_settings(settings.model_copy(update={"current_job": job}), text)

    def _shape(self, data: dict[str, Any]) -> dict[str, Any]:
        if self.bonus_mode.currentData() == "none":
            data["bonus"] = None
        data["equity_by_year"] = [Decimal(0) if v is None else v for v in data.get("equity_by_year") or []]
        return data

    # --- what staying is worth -------------------------------------------------------------------

    def _schedule_preview(self, *_changed: Any) -> None:
        self._preview_timer.start()

    def _preview(self) -> None:
        if self._loading or self._job is None:
            return
        model, _problems = self.binder.check(ignore=("tax_region",))  # (it doesn't change these figures)
        if model is None:  # the last figures that could be computed stay, marked as such
            self.summary.set_figures(self.summary.figures(), self._shown_currency, stale=True)
            return
        job: CurrentJob = model  # type: ignore[assignment]
        if job == self.job():
            self._show_stay(self.workspace.evaluator().stay())
            return
        settings = self.workspace.settings().model_copy(update={"current_job": job})
        self._show_stay(Evaluator.for_settings([], settings, as_of=self.workspace.as_of()).stay())

    def _show_stay(self, stay: StayEvaluation | None) -> None:
        if stay is None:
            self.summary.set_figures(None, "USD")
            self.summary.set_leaving([])
            self.leaving_cost.clear()
            return
        currency = self._shown_currency = stay.job.currency
        self.summary.set_figures(stay.figures, currency)
        amounts = (stay.forfeit, stay.repay, stay.leaving_cost)
        cents = self.summary.cents or fmt.needs_cents(amounts)  # beside the summary's figures: as they are
        tip = "What a new employer is asked to make whole (a make-whole sign-on or grant)"
        self.summary.set_leaving(
            [
                (caption, fmt.money(value, currency, cents=cents), tip)
                for caption, value in zip(("You forfeit", "You repay", "Leaving costs"), amounts, strict=True)
            ]
        )
        # the sentence under the form has cents only when one of its amounts has them
        forfeit, repay, total = (fmt.money(value, currency, cents=fmt.needs_cents(amounts)) for value in amounts)
        if stay.leaving_cost == 0:
            self.leaving_cost.setText("Leaving costs nothing you have entered: add what you would forfeit or repay.")
        else:
            self.leaving_cost.setText(
                f"<b>Leaving costs {total}</b>: you forfeit {forfeit} and repay {repay}. This is what a new "
                "employer is asked to make whole; each offer's year 1 is shown after it."
            )

    # --- bonus and style -------------------------------------------------------------------------

    def _sync_bonus(self) -> None:
        show_bonus_rows(
            self._pay_form, self.bonus_mode.currentData(), self.bonus_pct, self.bonus_amount, self.bonus_payout
        )

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            self._restyle()

    def _restyle(self) -> None:
        if self._styling or not hasattr(self, "empty_icon"):
            return
        self._styling = True
        try:
            self.setStyleSheet(form_stylesheet(self.palette()))
            pixmap = action_icon("job", self.palette()).pixmap(40, 40)
            self.icon.setPixmap(pixmap)
            self.empty_icon.setPixmap(action_icon("job", self.palette()).pixmap(56, 56))
        finally:
            self._styling = False
