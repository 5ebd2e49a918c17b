"""Settings: display currency, exchange rates, horizon, the brief's paper, and the rating rubric.

Validated with the pydantic `Settings` model: a bad value is marked at its field with words, and
nothing is applied until everything is valid. Applying is one undoable step. The rubric's numbers are
edited in place on their own tab (`RubricForm`), validated by the Rubric model, with a Reset to the
shipped numbers; a rubric can also be loaded from or saved to a file.
"""

from __future__ import annotations

import json
from decimal import Decimal

from pydantic import ValidationError
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.currencies import ISO_4217_CODES
from app.errors import problems_from
from app.models import Settings
from app.parsing import ParseError, parse_plain_number
from app.rubric import DEFAULT_RUBRIC, Rubric
from ui import format as fmt
from ui.forms.rubric_form import RubricForm
from ui.pdf.page_setup import paper_for_locale
from ui.rubric_dialog import RubricDialog

COMMON_CURRENCIES = ("USD", "EUR", "GBP", "CAD", "AUD", "CHF", "JPY", "INR", "SEK", "NOK", "DKK", "PLN", "SGD")


def currency_combo(parent: QWidget | None = None) -> QComboBox:
    combo = QComboBox(parent)
    combo.setEditable(True)
    combo.addItems([*COMMON_CURRENCIES, *sorted(ISO_4217_CODES - set(COMMON_CURRENCIES))])
    combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
    return combo


class SettingsDialog(QDialog):
    """Edits a copy of the settings; `result_settings()` is valid once the dialog is accepted."""

    def __init__(self, settings: Settings, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle("Settings")
        self._settings = settings
        self._rubric: Rubric | None = settings.rubric
        self._result: Settings | None = None

        self.currency = currency_combo(self)
        self.currency.setCurrentText(settings.display_currency)
        self.currency.setAccessibleName("Display currency")
        self.horizon = QSpinBox(self)
        self.horizon.setRange(1, 10)
        self.horizon.setSuffix(" years")
        self.horizon.setValue(settings.horizon_years)
        self.horizon.setAccessibleName("Horizon in years")
        self.paper = QComboBox(self)
        self.paper.addItem(f"Automatic ({paper_for_locale()}, from your region)", "auto")
        self.paper.addItem("A4", "A4")
        self.paper.addItem("US Letter", "Letter")
        self.paper.setCurrentIndex(max(self.paper.findData(settings.paper), 0))
        self.paper.setAccessibleName("Paper size of the negotiation brief")

        self.fx = QTableWidget(0, 2, self)
        # rates are quoted in fx_base, which switching the display currency never changes
        self.fx.setHorizontalHeaderLabels(["Currency", f"Value of one unit in {settings.base_currency}"])
        self.fx.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.fx.verticalHeader().setVisible(False)
        self.fx.setAccessibleName("Exchange rates")
        for code, rate in settings.fx.items():
            self._add_rate(code, fmt.number_plain(rate))
        add_rate = QPushButton("&Add rate", self)
        add_rate.clicked.connect(lambda: self._add_rate("", ""))
        remove_rate = QPushButton("&Remove rate", self)
        remove_rate.clicked.connect(self._remove_rate)

        self.rubric_label = QLabel(self)
        self.rubric_label.setWordWrap(True)
        self.rubric_form = RubricForm(settings.rubric, self)
        self.rubric_form.edited.connect(self._update_rubric_label)
        show_rubric = QPushButton("How is this &rated?", self)
        show_rubric.clicked.connect(self._on_show_rubric)
        load_rubric = QPushButton("&Load from a file…", self)
        load_rubric.clicked.connect(self._on_load_rubric)
        save_rubric = QPushButton("&Save to a file…", self)
        save_rubric.clicked.connect(self._on_save_rubric)
        self.reset_rubric = QPushButton("R&eset to the shipped rubric", self)
        self.reset_rubric.clicked.connect(self._on_reset_rubric)
        self._update_rubric_label()

        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.setAccessibleName("Problems with these settings")
        self.message.hide()

        form = QFormLayout()
        form.addRow("&Display currency:", self.currency)
        form.addRow("&Horizon:", self.horizon)
        form.addRow("Brief &paper:", self.paper)
        rates = QGroupBox("Exchange rates", self)
        rates_layout = QVBoxLayout(rates)
        rates_layout.addWidget(
            QLabel("An offer in a currency without a rate is shown in its own currency, never mixed in.", rates)
        )
        rates_layout.addWidget(self.fx)
        row = QHBoxLayout()
        row.addWidget(add_rate)
        row.addWidget(remove_rate)
        row.addStretch()
        rates_layout.addLayout(row)
        rubric = QWidget(self)
        rubric_layout = QVBoxLayout(rubric)
        rubric_layout.addWidget(self.rubric_label)
        rubric_layout.addWidget(self.rubric_form, 1)
        buttons_row = QHBoxLayout()
        for button in (self.reset_rubric, show_rubric, load_rubric, save_rubric):
            buttons_row.addWidget(button)
        buttons_row.addStretch()
        rubric_layout.addLayout(buttons_row)

        general = QWidget(self)
        general_layout = QVBoxLayout(general)
        general_layout.addLayout(form)
        general_layout.addWidget(rates, 1)
        self.tabs = QTabWidget(self)
        self.tabs.addTab(general, "&General")
        self.tabs.addTab(rubric, "Rating r&ubric")

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self._on_accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.message)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(buttons)
        self.resize(680, 640)

    # --- rates -----------------------------------------------------------------------------------

    def _add_rate(self, code: str, rate: str) -> None:
        row = self.fx.rowCount()
        self.fx.insertRow(row)
        self.fx.setItem(row, 0, QTableWidgetItem(code))
        self.fx.setItem(row, 1, QTableWidgetItem(rate))
        if not code:
            self.fx.setCurrentCell(row, 0)
            self.fx.editItem(self.fx.item(row, 0))

    def _remove_rate(self) -> None:
        row = self.fx.currentRow()
        if row >= 0:
            self.fx.removeRow(row)

    # --- rubric ----------------------------------------------------------------------------------

    def _active_rubric(self) -> Rubric:
        return self._rubric if self._rubric is not None else Settings().active_rubric

    def _on_show_rubric(self) -> None:
        RubricDialog(self.rubric_form.preview() or self._active_rubric(), self).open()

    def _update_rubric_label(self) -> None:
        rubric = self.rubric_form.preview() if hasattr(self, "rubric_form") else None
        rubric = rubric or self._active_rubric()
        origin = "the shipped rubric" if rubric is DEFAULT_RUBRIC else "your own rubric"
        self.rubric_label.setText(
            f"Ratings use {origin}, version {rubric.version}. Change any number below: OK applies it "
            "(Undo takes it back); Reset puts the shipped numbers back."
        )

    def _on_load_rubric(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, "Load a rating rubric", "", "Rubric (*.json)")
        if not path:
            return
        try:
            with open(path, encoding="utf-8") as handle:
                self._rubric = Rubric.model_validate_json(handle.read())
        except (OSError, UnicodeDecodeError) as exc:
            self._show_problems([f"{path}: can't be read ({exc})"])
            return
        except ValidationError as exc:
            self._show_problems([f"{path}: {p}" for p in problems_from(exc)])
            return
        self.message.hide()
        self.rubric_form.load(self._rubric)
        self._update_rubric_label()

    def _on_save_rubric(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, "Save the rating rubric", "rubric.json", "Rubric (*.json)")
        if not path:
            return
        try:
            with open(path, "w", encoding="utf-8") as handle:
                rubric = self.rubric_form.preview() or self._active_rubric()
                handle.write(json.dumps(json.loads(rubric.model_dump_json()), indent=2))
        except OSError as exc:
            self._show_problems([f"{path}: can't be written ({exc.strerror or exc})"])

    def _on_reset_rubric(self) -> None:
        self._rubric = None
        self.rubric_form.reset()
        self._update_rubric_label()

    # --- applying --------------------------------------------------------------------------------

    def _collect(self) -> Settings | None:
        problems: list[str] = []
        fx: dict[str, Decimal] = {}
        for row in range(self.fx.rowCount()):
            code_item, rate_item = self.fx.item(row, 0), self.fx.item(row, 1)
            code = (code_item.text() if code_item else "").strip().upper()
            text = rate_item.text() if rate_item else ""
            if not code and not text.strip():
                continue
            try:
                rate = parse_plain_number(text, fmt.marks())
            except ParseError as exc:
                problems.append(f"Rate for {code or 'row ' + str(row + 1)}: {exc}")
                continue
            if rate is None:
                problems.append(f"Rate for {code or 'row ' + str(row + 1)}: is required")
                continue
            fx[code] = rate
        rubric = self.rubric_form.rubric()
        if rubric is None:
            self.tabs.setCurrentIndex(1)
            problems.append("The rating rubric: fix what is marked on its tab")
        if problems:
            self._show_problems(problems)
            return None
        try:
            return Settings.model_validate(
                {
                    # the parts this dialog doesn't edit (fx_base, scenarios, current job, tax) are kept
                    **self._settings.model_dump(),
                    "display_currency": self.currency.currentText().strip().upper(),
                    "horizon_years": self.horizon.value(),
                    "fx": fx,
                    "rubric": None if rubric is DEFAULT_RUBRIC else rubric,
                    "paper": self.paper.currentData(),
                }
            )
        except ValidationError as exc:
            self._show_problems([_setting_words(p.field, p.message) for p in problems_from(exc)])
            return None

    def _show_problems(self, problems: list[str]) -> None:
        self.message.setText("\n".join(problems))
        self.message.show()

    def _on_accept(self) -> None:
        result = self._collect()
        if result is None:
            return
        self._result = result
        self.accept()

    def result_settings(self) -> Settings | None:
        return self._result


def _setting_words(field: str, message: str) -> str:
    names = {"display_currency": "Display currency", "horizon_years": "Horizon", "fx": "Exchange rates"}
    head = field.split(".")[0]
    label = names.get(head, field)
    if head == "fx" and "." in field:
        label = f"Exchange rate {field.split('.', 1)[1]}"
    return f"{label}: {message}"
