"""Settings: display currency, horizon and paper; exchange rates; share-price scenarios; the tax year
and filing status; and the rating rubric — each on its own tab.

Validated with the pydantic `Settings` model: a bad value is marked at its field (or table cell) with
words, and nothing is applied until everything is valid. Applying is one undoable step
(`Workspace.update_settings`). The rubric's numbers are edited in place (`RubricForm`), validated by
the Rubric model, with a Reset to the shipped numbers; a rubric can also be loaded from or saved to
a file.

Exchange rates are quoted in one base currency (`fx_base`) and dated (`fx_as_of`): switching the
display currency converts through them and never changes what a rate means (the cross rates it
implies are shown under the currency). A currency in use without a rate gets a proposal, the ECB's
reference rate looked up off the GUI thread (`ui.rate_proposals`), shown with its day and source:
the user accepts it, or edits it, or leaves it — it is never used silently.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import date
from decimal import Decimal
from typing import Any

from pydantic import ValidationError
from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QFrame,
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
from app.errors import Problem, problems_from
from app.models import DEFAULT_SCENARIOS, FILING_STATUSES, Offer, Settings
from app.money import Rates
from app.parsing import ParseError, parse_growth, parse_plain_number
from app.reference_rates import ProposedRate
from app.rubric import DEFAULT_RUBRIC, Rubric
from app.summary import OfferRow
from app.tax import estimate
from app.tax.engine import DEFAULT as TAX_RULES
from ui import format as fmt
from ui.forms.binder import error_colour
from ui.forms.rubric_form import RubricForm
from ui.pdf.page_setup import paper_for_locale
from ui.rate_proposals import RateProposals
from ui.rubric_dialog import RubricDialog
from ui.widgets.fields import DateEdit

COMMON_CURRENCIES = ("USD", "EUR", "GBP", "CAD", "AUD", "CHF", "JPY", "INR", "SEK", "NOK", "DKK", "PLN", "SGD")
FILING_STATUS_NAMES = {
    "single": "Single",
    "married_joint": "Married filing jointly",
    "head_of_household": "Head of household",
}
DEFAULT_TAX_YEAR = 2026
GENERAL_TAB, RATES_TAB, SCENARIOS_TAB, TAX_TAB, RUBRIC_TAB = range(5)
TABS = {"general": GENERAL_TAB, "rates": RATES_TAB, "scenarios": SCENARIOS_TAB, "tax": TAX_TAB, "rubric": RUBRIC_TAB}
NAME_COLUMN, GROWTH_COLUMN, FIRST_OVERRIDE_COLUMN = 0, 1, 2


def currency_combo(parent: QWidget | None = None) -> QComboBox:
    combo = QComboBox(parent)
    combo.setEditable(True)
    combo.addItems([*COMMON_CURRENCIES, *sorted(ISO_4217_CODES - set(COMMON_CURRENCIES))])
    combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
    return combo


def tax_years() -> list[int]:
    """The tax years the shipped rules cover (newest first); any other year uses the nearest, labelled."""
    years = {year for by_year in TAX_RULES.catalogue().values() for year in by_year}
    return sorted(years, reverse=True) or [DEFAULT_TAX_YEAR]


class SettingsDialog(QDialog):
    """Edits a copy of the settings; `result_settings()` is valid once the dialog is accepted.

    `offers` are the offers of the data file (or their list rows: their id, company, currency and tax
    region are what is read): the rates tab proposes a rate for their currencies, the
    scenarios tab gives each of them a column for its own growth.
    """

    def __init__(
        self,
        settings: Settings,
        parent: QWidget | None = None,
        *,
        offers: Sequence[Offer | OfferRow] = (),
        tab: str = "general",
    ):
        super().__init__(parent)
        self.setWindowTitle("Settings")
        self._settings = settings
        self._offers = list(offers)
        self._rubric: Rubric | None = settings.rubric
        self._result: Settings | None = None
        self._proposals: dict[str, ProposedRate | str | None] = {}  # per currency, once answered
        self.proposal_rows: dict[str, _ProposalRow] = {}
        self.lookups = RateProposals(self)
        self.lookups.proposed.connect(self._on_proposed)

        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.setAccessibleName("Problems with these settings")
        self.message.setProperty("role", "banner")
        self.message.hide()

        self.tabs = QTabWidget(self)
        self.tabs.addTab(self._general_tab(), "&General")
        self.tabs.addTab(self._rates_tab(), "E&xchange rates")
        self.tabs.addTab(self._scenarios_tab(), "&Scenarios")
        self.tabs.addTab(self._tax_tab(), "After &tax")
        self.rubric_page = self._rubric_tab()
        self.tabs.addTab(self.rubric_page, "Rating r&ubric")
        self.tabs.setCurrentIndex(TABS.get(tab, GENERAL_TAB))

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self._on_accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.message)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(buttons)
        self.resize(760, 640)
        self._update_cross_rates()
        self._update_missing_rates()

    # --- general ---------------------------------------------------------------------------------

    def _general_tab(self) -> QWidget:
        settings = self._settings
        self.currency = currency_combo(self)
        self.currency.setCurrentText(settings.display_currency)
        self.currency.setAccessibleName("Display currency")
        self.currency.currentTextChanged.connect(self._on_display_currency_changed)
        self.cross_rates = QLabel(self)
        self.cross_rates.setWordWrap(True)
        # top-aligned: a wrapped label is given room for more lines than it needs, never a gap above it
        self.cross_rates.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.cross_rates.setAccessibleName("What the display currency converts through")
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
        page = QWidget(self)
        form = QFormLayout(page)
        form.addRow("&Display currency:", self.currency)
        form.addRow("", self.cross_rates)
        form.addRow("&Horizon:", self.horizon)
        form.addRow("Brief &paper:", self.paper)
        return page

    def _on_display_currency_changed(self, _text: str) -> None:
        self._update_cross_rates()
        self._update_missing_rates()

    def _display_currency(self) -> str:
        return self.currency.currentText().strip().upper()

    def _update_cross_rates(self) -> None:
        """What switching the display currency does, in numbers: the rates stay, figures convert
        through them ("1 GBP = 1.175926 EUR"), from `Rates.factor` (28 significant digits)."""
        display = self._display_currency()
        base = self._settings.base_currency
        rates = Rates(base, self._typed_rates())
        if display in ISO_4217_CODES and not rates.has(display):
            self.cross_rates.setText(
                f"There is no {display} rate yet (rates are quoted in {base}): until there is one, every figure "
                f"stays in its own currency. Exchange rates proposes the ECB's rate for {display}."
            )
            return
        codes = [code for code in self._currencies_in_use() if code != display]
        if not codes:
            self.cross_rates.setText(f"Every figure is shown in {display}.")
            return
        known, missing = [], []
        for code in codes:
            factor = rates.factor(code, display)
            if factor is None:
                missing.append(code)
            else:
                shown = factor.quantize(Decimal("0.000001")).normalize()  # a label: six decimals at most
                known.append(f"1 {code} = {fmt.number_plain(shown)} {display}")
        text = f"Figures in other currencies are converted into {display} through the exchange rates"
        text += f" (quoted in {self._settings.base_currency}; switching the display currency changes no rate)"
        text += (": " + ", ".join(known) + ".") if known else "."
        if missing:
            text += f" No rate for {', '.join(missing)} yet: see Exchange rates."
        self.cross_rates.setText(text)

    # --- exchange rates --------------------------------------------------------------------------

    def _rates_tab(self) -> QWidget:
        settings = self._settings
        base = settings.base_currency
        self.fx = QTableWidget(0, 2, self)
        # rates are quoted in fx_base, which switching the display currency never changes
        self.fx.setHorizontalHeaderLabels(["Currency", f"Value of one unit in {base}"])
        # the rate right-aligned in a column of a rate's width, near its currency (not a page away)
        self.fx.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.fx.verticalHeader().setVisible(False)
        self.fx.setAccessibleName("Exchange rates")
        for code, rate in settings.fx.items():
            self._add_rate(code, fmt.number_plain(rate))
        self.fx.itemChanged.connect(self._on_rates_edited)
        add_rate = QPushButton("&Add rate", self)
        add_rate.clicked.connect(lambda: self._add_rate("", ""))
        remove_rate = QPushButton("&Remove rate", self)
        remove_rate.clicked.connect(self._remove_rate)
        self.fx_as_of = DateEdit(self)
        self.fx_as_of.set_value(settings.fx_as_of)
        self.fx_as_of.setAccessibleName("The day the rates are from")
        self.fx_as_of.setToolTip("Shown beside converted figures; a proposed rate is looked up for this day.")

        page = QWidget(self)
        layout = QVBoxLayout(page)
        intro = QLabel(
            f"Rates are quoted in {base} ({_currency_name(base)}): the value of one unit of each currency in "
            f"{base}. A figure is converted as amount × its rate ÷ the display currency's rate, so switching "
            "the display currency never changes what a rate means. An offer in a currency without a rate is "
            "shown in its own currency and never mixed in.",
            page,
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        dated = QFormLayout()
        dated.addRow("Rates &as of:", self.fx_as_of)
        layout.addLayout(dated)
        layout.addWidget(self.fx, 1)
        row = QHBoxLayout()
        row.addWidget(add_rate)
        row.addWidget(remove_rate)
        row.addStretch()
        layout.addLayout(row)
        self.missing_box = QGroupBox("Currencies without a rate", page)
        self.missing_layout = QVBoxLayout(self.missing_box)
        layout.addWidget(self.missing_box)
        return page

    def _add_rate(self, code: str, rate: str) -> int:
        row = self.fx.rowCount()
        self.fx.blockSignals(True)
        try:
            self.fx.insertRow(row)
            self.fx.setItem(row, 0, QTableWidgetItem(code))
            rate_item = QTableWidgetItem(rate)
            rate_item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)  # a number
            self.fx.setItem(row, 1, rate_item)
        finally:
            self.fx.blockSignals(False)
        if not code:
            self.fx.setCurrentCell(row, 0)
            self.fx.editItem(self.fx.item(row, 0))
        return row

    def _remove_rate(self) -> None:
        row = self.fx.currentRow()
        if row >= 0:
            self.fx.removeRow(row)
            self._on_rates_edited()

    def _on_rates_edited(self, *_args: Any) -> None:
        self._update_cross_rates()
        self._update_missing_rates()

    def _typed_rates(self) -> dict[str, Decimal]:
        """The rates as typed so far, leaving out what doesn't read (the table marks it on OK)."""
        rates: dict[str, Decimal] = {}
        for row in range(self.fx.rowCount()):
            code_item, rate_item = self.fx.item(row, 0), self.fx.item(row, 1)
            code = (code_item.text() if code_item else "").strip().upper()
            try:
                rate = parse_plain_number(rate_item.text() if rate_item else "", fmt.marks())
            except ParseError:
                continue
            if code and rate is not None and rate > 0:
                rates[code] = rate
        return rates

    def _currencies_in_use(self) -> list[str]:
        """The currencies the figures come in: the offers', the current job's, and the display currency."""
        codes = [offer.currency for offer in self._offers]
        if self._settings.current_job is not None:
            codes.append(self._settings.current_job.currency)
        codes.append(self._display_currency())
        return list(dict.fromkeys(c for c in codes if c in ISO_4217_CODES))

    def missing_currencies(self) -> list[str]:
        """Currencies in use with no rate in the table (the base has rate 1)."""
        typed = self._typed_rates()
        base = self._settings.base_currency
        return [code for code in self._currencies_in_use() if code != base and code not in typed]

    def _update_missing_rates(self) -> None:
        missing = self.missing_currencies()
        for code in list(self.proposal_rows):
            if code not in missing:
                self.proposal_rows.pop(code).deleteLater()
        for code in missing:
            if code in self.proposal_rows:
                continue
            row = _ProposalRow(code, self._who_uses(code), self._settings.base_currency, self.missing_box)
            row.rates_day = self._as_of_for_lookup()
            row.accept_button.clicked.connect(lambda _=False, c=code: self.accept_proposal(c))
            row.edit_button.clicked.connect(lambda _=False, c=code: self._edit_proposal(c))
            self.missing_layout.addWidget(row)
            self.proposal_rows[code] = row
            if code in self._proposals:
                row.show_answer(self._proposals[code])
            else:
                self.lookups.request(code, self._settings.base_currency, self._as_of_for_lookup())
        self.missing_box.setVisible(bool(missing))

    def _as_of_for_lookup(self) -> date | None:
        try:
            return self.fx_as_of.value()
        except ParseError:
            return None

    def _who_uses(self, code: str) -> str:
        names = [o.company for o in self._offers if o.currency == code]
        job = self._settings.current_job
        if job is not None and job.currency == code:
            names.insert(0, f"your current job ({job.company})")
        if code == self._display_currency():
            names.insert(0, "the display currency")
        return ", ".join(names)

    def _on_proposed(self, code: str, answer: ProposedRate | str | None) -> None:
        self._proposals[code] = answer
        row = self.proposal_rows.get(code)
        if row is not None:
            row.show_answer(answer)

    def accept_proposal(self, code: str) -> None:
        """Put the proposed rate in the table (applied with OK; Undo takes it back after)."""
        proposal = self._proposals.get(code)
        if not isinstance(proposal, ProposedRate):
            return
        self._add_rate(code, fmt.number_plain(proposal.rate))
        if not self.fx_as_of.text().strip():
            self.fx_as_of.set_value(proposal.day)  # the rates are from that day, and now say so
        self._on_rates_edited()

    def _edit_proposal(self, code: str) -> None:
        proposal = self._proposals.get(code)
        text = fmt.number_plain(proposal.rate) if isinstance(proposal, ProposedRate) else ""
        row = self._add_rate(code, text)
        self._on_rates_edited()
        self.fx.setFocus()
        self.fx.setCurrentCell(row, 1)
        self.fx.editItem(self.fx.item(row, 1))

    # --- scenarios -------------------------------------------------------------------------------

    def _scenarios_tab(self) -> QWidget:
        headers = ["Name", "Growth % a year", *[f"{o.company}\n(own growth)" for o in self._offers]]
        self.scenarios = QTableWidget(0, len(headers), self)
        self.scenarios.setHorizontalHeaderLabels(headers)
        self.scenarios.verticalHeader().setVisible(False)
        self.scenarios.setAccessibleName("Share-price scenarios")
        self.scenarios.setAccessibleDescription(
            "One row per scenario: its name, the yearly growth of every share price, and an offer's own "
            "growth where it differs (empty: the scenario's growth)."
        )
        header = self.scenarios.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        for offer_index, offer in enumerate(self._offers):
            item = self.scenarios.horizontalHeaderItem(FIRST_OVERRIDE_COLUMN + offer_index)
            if item is not None:
                item.setToolTip(f"{offer.company}, {offer.role}: its own growth in a scenario (empty: the scenario's)")
        self._unknown_overrides: list[dict[str, Decimal]] = []  # growths of offers not in this file, kept
        for scenario in self._settings.scenarios:
            self._add_scenario(scenario.name, scenario.growth_pct, scenario.offers)
        self.add_scenario_button = QPushButton("Add scena&rio", self)
        self.add_scenario_button.clicked.connect(self._on_add_scenario)
        self.remove_scenario_button = QPushButton("Remo&ve scenario", self)
        self.remove_scenario_button.clicked.connect(self._on_remove_scenario)
        defaults = ", ".join(f"{s.name} {fmt.percent_signed(s.growth_pct)}" for s in DEFAULT_SCENARIOS)
        self.defaults_button = QPushButton(f"Add the &defaults ({defaults})", self)
        self.defaults_button.setToolTip("Adds the usual three paths, each editable; none is applied until OK.")
        self.defaults_button.clicked.connect(self.add_default_scenarios)

        page = QWidget(self)
        layout = QVBoxLayout(page)
        intro = QLabel(
            "In a scenario every share price grows by its growth % a year (negative: it falls), or by an "
            "offer's own growth where one is given: what vests in year n is valued at the stated price × "
            "(1 + growth)^(n − 1). Cash is unchanged. Compare shows each offer's total under every scenario, "
            "and the range between them.",
            page,
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        layout.addWidget(self.scenarios, 1)
        row = QHBoxLayout()
        for button in (self.add_scenario_button, self.remove_scenario_button, self.defaults_button):
            row.addWidget(button)
        row.addStretch()
        layout.addLayout(row)
        return page

    def _add_scenario(self, name: str, growth: Decimal | None, offers: dict[str, Decimal] | None = None) -> int:
        offers = dict(offers or {})
        row = self.scenarios.rowCount()
        self.scenarios.insertRow(row)
        self.scenarios.setItem(row, NAME_COLUMN, QTableWidgetItem(name))
        growth_item = QTableWidgetItem(_growth_text(growth))
        growth_item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.scenarios.setItem(row, GROWTH_COLUMN, growth_item)
        for offer_index, offer in enumerate(self._offers):
            own = offers.pop(offer.id, None)
            item = QTableWidgetItem(_growth_text(own))
            item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.scenarios.setItem(row, FIRST_OVERRIDE_COLUMN + offer_index, item)
        self._unknown_overrides.insert(row, offers)  # what is left names offers not in this file
        return row

    def _on_add_scenario(self) -> None:
        row = self._add_scenario("", None)
        self.scenarios.setFocus()
        self.scenarios.setCurrentCell(row, NAME_COLUMN)
        self.scenarios.editItem(self.scenarios.item(row, NAME_COLUMN))

    def _on_remove_scenario(self) -> None:
        row = self.scenarios.currentRow()
        if row >= 0:
            self.scenarios.removeRow(row)
            del self._unknown_overrides[row]

    def add_default_scenarios(self) -> None:
        """Add flat 0 %, bear −20 % and bull +15 % — those whose name isn't in the table yet."""
        names = {self._cell(self.scenarios, r, NAME_COLUMN).strip().lower() for r in range(self.scenarios.rowCount())}
        for scenario in DEFAULT_SCENARIOS:
            if scenario.name.lower() not in names:
                self._add_scenario(scenario.name, scenario.growth_pct)

    def _collect_scenarios(self, problems: list[str]) -> list[dict[str, Any]]:
        scenarios: list[dict[str, Any]] = []
        for row in range(self.scenarios.rowCount()):
            name = self._cell(self.scenarios, row, NAME_COLUMN).strip()
            growth_text = self._cell(self.scenarios, row, GROWTH_COLUMN)
            if not name and not growth_text.strip() and not self._row_overrides_typed(row):
                continue  # an empty row added and left: nothing
            where = f"Scenario {row + 1}" + (f" ({name})" if name else "")
            try:
                growth = parse_growth(growth_text, fmt.marks())
            except ParseError as exc:
                problems.append(self._mark_cell(self.scenarios, row, GROWTH_COLUMN, f"{where}, growth: {exc}"))
                continue
            if growth is None:
                problems.append(self._mark_cell(self.scenarios, row, GROWTH_COLUMN, f"{where}, growth: is required"))
                continue
            own: dict[str, Decimal] = dict(self._unknown_overrides[row])
            for offer_index, offer in enumerate(self._offers):
                column = FIRST_OVERRIDE_COLUMN + offer_index
                try:
                    value = parse_growth(self._cell(self.scenarios, row, column), fmt.marks())
                except ParseError as exc:
                    problems.append(self._mark_cell(self.scenarios, row, column, f"{where}, {offer.company}: {exc}"))
                    continue
                if value is not None:
                    own[offer.id] = value
            scenarios.append({"name": name, "growth_pct": growth, "offers": own, "_row": row})
        return scenarios

    def _row_overrides_typed(self, row: int) -> bool:
        return any(
            self._cell(self.scenarios, row, FIRST_OVERRIDE_COLUMN + i).strip() for i in range(len(self._offers))
        )

    # --- after tax -------------------------------------------------------------------------------

    def _tax_tab(self) -> QWidget:
        tax = self._settings.tax
        # the years with rules are listed; another year can be typed: it uses the nearest year's rules,
        # and every after-tax label says so
        self.tax_year = QComboBox(self)
        self.tax_year.setEditable(True)
        self.tax_year.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.tax_year.setAccessibleName("Tax year")
        years = tax_years()
        for year in years:
            self.tax_year.addItem(str(year), year)
        self.tax_year.setToolTip(
            f"The app has tax rules for {', '.join(str(y) for y in sorted(years))}. Another year uses the nearest "
            "year's rules, and the after-tax figures say so."
        )
        chosen = tax.year if tax is not None else DEFAULT_TAX_YEAR
        self.tax_year.setCurrentText(str(chosen))
        self.filing_status = QComboBox(self)
        self.filing_status.setAccessibleName("Filing status (United States only)")
        for status in FILING_STATUSES:
            self.filing_status.addItem(FILING_STATUS_NAMES.get(status, status), status)
        self.filing_status.setCurrentIndex(
            max(0, self.filing_status.findData(tax.filing_status if tax is not None else "single"))
        )
        self.tax_year_hint = QLabel(self)
        self.tax_year_hint.setWordWrap(True)
        self.tax_year_hint.setAccessibleName("Which year's rules are used")
        self.tax_places = QLabel(self)
        self.tax_places.setWordWrap(True)
        self.tax_places.setTextFormat(Qt.TextFormat.PlainText)
        self.tax_places.setAccessibleName("Where each pay is taxed")
        self.tax_places.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.tax_year.currentTextChanged.connect(self._update_tax_words)
        self.filing_status.currentIndexChanged.connect(self._update_tax_words)
        page = QWidget(self)
        layout = QVBoxLayout(page)
        intro = QLabel(
            "After-tax figures are estimates: one person, this pay as the only income, the region's standard "
            "allowances, no dependants. Base, bonus, sign-on, relocation and RSUs are taxed in the year they are "
            "paid or vest; options (taxed when you exercise them) and benefits are not in the figure. Each offer's "
            "tax region is set in the offer (and your current job's in its form).",
            page,
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        year_label = QLabel("Tax &year:", page)
        year_label.setBuddy(self.tax_year)
        status_label = QLabel("&Filing status:", page)
        status_label.setBuddy(self.filing_status)
        form.addRow(year_label, _at_size_hint(self.tax_year))  # a year is four digits, not a page wide
        form.addRow("", self.tax_year_hint)
        form.addRow(status_label, _at_size_hint(self.filing_status))
        note = QLabel("The filing status matters in the United States only.", page)
        note.setWordWrap(True)
        form.addRow("", note)
        layout.addLayout(form)
        places = QGroupBox("Where each pay is taxed", page)
        places_layout = QVBoxLayout(places)
        places_layout.addWidget(self.tax_places)
        layout.addWidget(places)
        layout.addStretch(1)
        self._update_tax_words()
        return page

    def _update_tax_words(self, *_args: Any) -> None:
        """Under the year, which rules it means; below, each pay's tax region with the label its
        after-tax figures will carry (the engine's own words), as typed so far."""
        text = self.tax_year.currentText().strip()
        years = tax_years()
        if not (text.isdigit() and len(text) == 4):
            self.tax_year_hint.setText(f"Type a year such as {DEFAULT_TAX_YEAR}.")
            self.tax_year_hint.show()
            self.tax_places.setText("")
            return
        year = int(text)
        if year in years:
            self.tax_year_hint.setText("")
        elif year > max(years):
            self.tax_year_hint.setText(
                f"The app has no {year} rules yet: the latest ones are used, and every after-tax figure says which."
            )
        else:
            self.tax_year_hint.setText(
                f"The app's rules start in {min(years)}: those are used, and every after-tax figure says so."
            )
        self.tax_year_hint.setVisible(bool(self.tax_year_hint.text()))
        status = self.filing_status.currentData() or "single"
        lines = []
        job = self._settings.current_job
        pays: list[tuple[str, str | None, str]] = []  # (whose pay, region, where the region is set)
        if job is not None:
            pays.append((f"Your current job ({job.company})", job.tax_region, "its form"))
        pays += [(offer.company, offer.tax_region, "the offer") for offer in self._offers]
        for name, region, where in pays:
            if region is None:
                lines.append(f"• {name}: no tax region (set it in {where})")
                continue
            found = estimate(region, year, status, Decimal(0))
            if found is None:
                lines.append(f"• {name}: {region}, no tax rules in the app (no after-tax figure)")
            else:
                lines.append(f"• {name}: {found.region_name}, {found.label}")
        self.tax_places.setText("\n".join(lines) if lines else "No offers yet.")

    def _collect_tax(self, problems: list[str]) -> dict[str, Any] | None:
        """The tax year and filing status (None: not set and left as the default); a year that doesn't
        read is added to `problems`, in words."""
        text = self.tax_year.currentText().strip()
        status = self.filing_status.currentData()
        if not text.isdigit() or len(text) != 4:
            problems.append(f"Tax year: type a year such as {DEFAULT_TAX_YEAR} (got {text or 'nothing'})")
            self.tabs.setCurrentIndex(TAX_TAB)
            return None
        year = int(text)
        if self._settings.tax is None and year == DEFAULT_TAX_YEAR and status == "single":
            return None  # not set, and left at what it means anyway: nothing to save
        return {"year": year, "filing_status": status}

    # --- rubric ----------------------------------------------------------------------------------

    def _rubric_tab(self) -> QWidget:
        self.rubric_label = QLabel(self)
        self.rubric_label.setWordWrap(True)
        self.rubric_form = RubricForm(self._settings.rubric, self)
        self.rubric_form.edited.connect(self._update_rubric_label)
        show_rubric = QPushButton("How is this &rated?", self)
        show_rubric.clicked.connect(self._on_show_rubric)
        load_rubric = QPushButton("&Load from a file…", self)
        load_rubric.clicked.connect(self._on_load_rubric)
        save_rubric = QPushButton("Sa&ve to a file…", self)
        save_rubric.clicked.connect(self._on_save_rubric)
        self.reset_rubric = QPushButton("R&eset to the shipped rubric", self)
        self.reset_rubric.clicked.connect(self._on_reset_rubric)
        self._update_rubric_label()
        rubric = QWidget(self)
        rubric_layout = QVBoxLayout(rubric)
        rubric_layout.addWidget(self.rubric_label)
        rubric_layout.addWidget(self.rubric_form, 1)
        buttons_row = QHBoxLayout()
        for button in (self.reset_rubric, show_rubric, load_rubric, save_rubric):
            buttons_row.addWidget(button)
        buttons_row.addStretch()
        rubric_layout.addLayout(buttons_row)
        return rubric

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

    @staticmethod
    def _cell(table: QTableWidget, row: int, column: int) -> str:
        item = table.item(row, column)
        return item.text() if item is not None else ""

    def _clear_marks(self) -> None:
        for table in (self.fx, self.scenarios):
            for row in range(table.rowCount()):
                for column in range(table.columnCount()):
                    item = table.item(row, column)
                    if item is not None and item.data(Qt.ItemDataRole.UserRole) == "marked":
                        item.setData(Qt.ItemDataRole.BackgroundRole, None)
                        item.setToolTip("")
                        item.setData(Qt.ItemDataRole.UserRole, None)

    def _mark_cell(self, table: QTableWidget, row: int, column: int, words: str) -> str:
        """Mark a bad cell (a red wash, the words as its tooltip) and return the words for the banner."""
        item = table.item(row, column)
        if item is None:
            item = QTableWidgetItem("")
            table.setItem(row, column, item)
        wash = QColor(error_colour(self.palette()))
        wash.setAlpha(60)
        item.setData(Qt.ItemDataRole.BackgroundRole, QBrush(wash))
        item.setToolTip(words)
        item.setData(Qt.ItemDataRole.UserRole, "marked")
        return words

    def _collect(self) -> Settings | None:
        self._clear_marks()
        problems: list[str] = []
        fx: dict[str, Decimal] = {}
        for row in range(self.fx.rowCount()):
            code = self._cell(self.fx, row, 0).strip().upper()
            text = self._cell(self.fx, row, 1)
            if not code and not text.strip():
                continue
            where = f"Rate for {code or 'row ' + str(row + 1)}"
            try:
                rate = parse_plain_number(text, fmt.marks())
            except ParseError as exc:
                problems.append(self._mark_cell(self.fx, row, 1, f"{where}: {exc}"))
                continue
            if rate is None:
                problems.append(self._mark_cell(self.fx, row, 1, f"{where}: is required"))
                continue
            fx[code] = rate
        try:
            fx_as_of = self.fx_as_of.value()
        except ParseError as exc:
            problems.append(f"Rates as of: {exc}")
            fx_as_of = None
        scenarios = self._collect_scenarios(problems)
        tax = self._collect_tax(problems)
        rubric = self.rubric_form.rubric()
        if rubric is None:
            self.tabs.setCurrentIndex(RUBRIC_TAB)
            problems.append("The rating rubric: fix what is marked on its tab")
        if problems:
            self._show_problems(problems)
            return None
        rows = [scenario.pop("_row") for scenario in scenarios]
        data = {
            # the parts this dialog doesn't edit (fx_base, the current job) are kept
            **self._settings.model_dump(),
            "display_currency": self._display_currency(),
            "horizon_years": self.horizon.value(),
            "fx": fx,
            "fx_as_of": fx_as_of,
            "scenarios": scenarios,
            "tax": tax,
            "rubric": None if rubric is DEFAULT_RUBRIC else rubric,
            "paper": self.paper.currentData(),
        }
        try:
            return Settings.model_validate(data)
        except ValidationError as exc:
            found = problems_from(exc, data)
            self._show_problems([self._problem_words(problem, rows) for problem in found])
            return None

    def _problem_words(self, problem: Problem, rows: list[int]) -> str:
        """A model's problem in words, with its scenario cell marked when it is about one."""
        path = problem.path
        if len(path) >= 2 and path[0] == "scenarios" and isinstance(path[1], int) and path[1] < len(rows):
            row = rows[path[1]]
            field = path[2] if len(path) > 2 else "name"
            column = {"name": NAME_COLUMN, "growth_pct": GROWTH_COLUMN}.get(str(field), NAME_COLUMN)
            if field == "offers" and len(path) > 3:
                ids = [o.id for o in self._offers]
                if path[3] in ids:
                    column = FIRST_OVERRIDE_COLUMN + ids.index(str(path[3]))
            name = self._cell(self.scenarios, row, NAME_COLUMN).strip()
            what = {"name": "name", "growth_pct": "growth", "offers": "an offer's own growth"}.get(str(field), "")
            words = f"Scenario {row + 1}" + (f" ({name})" if name else "") + (f", {what}" if what else "")
            self.tabs.setCurrentIndex(SCENARIOS_TAB)
            return self._mark_cell(self.scenarios, row, column, f"{words}: {problem.message}")
        return _setting_words(problem.field, problem.message) if not problem.place else str(problem)

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


class _ProposalRow(QFrame):
    """One currency without a rate: who uses it, and the ECB's reference rate once looked up, to Accept
    (into the table) or Edit (into the table, the cursor in the rate)."""

    def __init__(self, code: str, used_by: str, base: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.code = code
        self.base = base
        self.proposal: ProposedRate | None = None
        self.rates_day: date | None = None  # the day of the other rates, said when the proposal's differs
        self.text = QLabel(self)
        self.text.setWordWrap(True)
        self.text.setTextFormat(Qt.TextFormat.PlainText)
        self.text.setAccessibleName(f"Proposed rate for {code}")
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.accept_button = QPushButton(f"Accept {code}", self)
        self.accept_button.setAccessibleName(f"Accept the proposed {code} rate")
        self.edit_button = QPushButton("Edit…", self)
        self.edit_button.setAccessibleName(f"Edit the proposed {code} rate")
        self.accept_button.setEnabled(False)
        self._used_by = used_by
        self.text.setText(f"{code} ({used_by}): no rate. Looking up the ECB's reference rate…")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 2, 0, 2)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.accept_button)
        layout.addWidget(self.edit_button)

    def show_answer(self, answer: ProposedRate | str | None) -> None:
        head = f"{self.code} ({self._used_by}): no rate."
        if isinstance(answer, ProposedRate):
            self.proposal = answer
            text = (
                f"{head} Proposed: 1 {self.code} = {fmt.number_plain(answer.rate)} {self.base}, the reference rate "
                f"of {fmt.day_long(answer.day)} ({answer.source})."
            )
            if self.rates_day is not None and answer.day != self.rates_day:
                text += f" Your other rates are of {fmt.day_long(self.rates_day)}."
            if answer.rounded_away:
                text += " Six decimals hide most of this rate: check it before you accept it."
            self.text.setText(text)
            self.accept_button.setEnabled(True)
            rate = fmt.number_plain(answer.rate)
            self.accept_button.setToolTip(f"Put 1 {self.code} = {rate} {self.base} in the table")
        elif answer is None:
            self.text.setText(f"{head} The ECB publishes no rate for it: type one in the table (Edit…).")
        else:
            self.text.setText(f"{head} No proposal: {answer}. Type a rate in the table (Edit…).")


def _growth_text(value: Decimal | None) -> str:
    """A growth as a cell shows it: "+15", "−20", "0" (a rise is signed too: it reads as a change)."""
    if value is None:
        return ""
    return ("+" if value > 0 else "") + fmt.number_plain(value)


def _at_size_hint(field: QWidget) -> QHBoxLayout:
    """A field at its own width in a form row (the rest of the row left empty)."""
    row = QHBoxLayout()
    row.addWidget(field)
    row.addStretch(1)
    return row


def _currency_name(code: str) -> str:
    from babel.numbers import get_currency_name

    return str(get_currency_name(code, locale=fmt.locale_name()))


def _setting_words(field: str, message: str) -> str:
    names = {
        "display_currency": "Display currency",
        "horizon_years": "Horizon",
        "fx": "Exchange rates",
        "fx_as_of": "Rates as of",
        "tax": "After tax",
    }
    head = field.split(".")[0]
    label = names.get(head, field)
    if head == "fx" and "." in field:
        label = f"Exchange rate {field.split('.', 1)[1]}"
    if field == "tax.year":
        label = "Tax year"
    return f"{label}: {message}"
