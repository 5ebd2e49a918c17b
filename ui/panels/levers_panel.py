"""The budget stretch and the ranked negotiation levers of one offer, each with a script and a what-if.

Every number comes from `app/` (the stretch, the levers, `app.whatif`); this module only lays them
out and formats them.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication, QPalette
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollBar,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app.evaluation import OfferEvaluation
from app.levers import KIND_NAMES, PLAUSIBILITY_NAMES, Lever, Stretch
from app.parsing import ParseError
from app.position import missing_for_rating
from app.whatif import WhatIf, WhatIfError, has_what_if, what_if
from app.words import DROP_CAUSES
from ui import format as fmt
from ui.panels.common import SwitchedPages, heading_label, scaled_font, scroll_frame, text_label
from ui.widgets.badges import BadgeLabel
from ui.widgets.fields import MoneyEdit
from ui.workspace import Workspace

# badge hues (see ui.widgets.badges): likely reads like a grand slam, possible like steady, a long shot grey
PLAUSIBILITY_BADGES = {"likely": "tier:grand_slam", "possible": "tier:steady", "long_shot": "stage:declined"}
WHATIF_HEADERS = ("Year", "Offered", "With this ask", "Change", "Best plausible")


class StretchHeader(QFrame):
    """What the company can plausibly still do: base, band, year 1, the user's goal, and drops in pay."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.title = heading_label("What the company can still do", self)
        self.lines = QVBoxLayout()
        self.lines.setSpacing(4)
        self.line_labels: list[QLabel] = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addWidget(self.title)
        layout.addLayout(self.lines)

    def set_stretch(self, s: Stretch) -> None:
        cur = s.currency
        lines = [f"Base: {fmt.money(s.base_offered, cur)} offered → up to {fmt.money(s.base_ceiling, cur)}"]
        if s.combined_headcount_extra > 0:
            lines[0] += f" (of which {fmt.money(s.combined_headcount_extra, cur)} by folding a second role into yours)"
        band = f"Band: {fmt.money(s.band_min, cur)}–{fmt.money(s.band_max, cur)}, source: {s.band_source}"
        lines.append(band + (" (estimate)" if s.band_estimated else ""))
        lines.append(
            f"Year 1: {fmt.money(s.offered.year_one, cur)} offered → {fmt.money(s.best.year_one, cur)} best plausible"
        )
        goal = s.goal
        if goal is not None:
            if goal.target is not None:
                if goal.target_reachable:
                    lines.append(f"Your target of {fmt.money(goal.target, cur)} in year 1 is within reach.")
                else:
                    lines.append(
                        f"Your target of {fmt.money(goal.target, cur)} in year 1: short by "
                        f"{fmt.money(goal.target_shortfall, cur)} even at the best plausible outcome."
                    )
            if goal.walk_away is not None:
                if goal.walk_away_met:
                    verdict = "met by the offer as it stands"
                elif goal.walk_away_reachable:
                    verdict = "not met by the offer; reachable with the levers below"
                else:
                    verdict = "not met, even at the best plausible outcome"
                lines.append(f"Your walk-away of {fmt.money(goal.walk_away, cur)}: {verdict}.")
        for drop in s.drops:
            lines.append(
                f"Year {drop.year} falls by {fmt.money(drop.amount, cur)}: {DROP_CAUSES.get(drop.cause, drop.cause)}."
            )
        lines.extend(s.notes)
        self._set_lines(lines)

    def _set_lines(self, lines: list[str]) -> None:
        while len(self.line_labels) < len(lines):
            label = text_label("", self)
            self.lines.addWidget(label)
            self.line_labels.append(label)
        for label, text in zip(self.line_labels, lines, strict=False):
            label.setText(text)
            label.show()
        for label in self.line_labels[len(lines) :]:
            label.hide()

    def texts(self) -> list[str]:
        return [label.text() for label in self.line_labels if not label.isHidden()]


class WhatIfTable(QWidget):
    """The years of one what-if as a small grid of right-aligned amounts."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.grid = QGridLayout(self)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.grid.setHorizontalSpacing(10)
        self.grid.setVerticalSpacing(2)
        self.cells: list[list[QLabel]] = []
        for column, header in enumerate(WHATIF_HEADERS):
            label = text_label(header, self)
            label.setFont(scaled_font(label.font(), 0.95, bold=True))
            label.setAlignment(_column_alignment(column) | Qt.AlignmentFlag.AlignBottom)
            self.grid.addWidget(label, 0, column)
        self.grid.setColumnStretch(0, 0)
        for column in range(1, len(WHATIF_HEADERS)):
            self.grid.setColumnStretch(column, 1)

    def set_result(self, result: WhatIf) -> None:
        cur = result.currency
        amounts = [v for y in result.years for v in (y.offered, y.with_ask, y.best) if v is not None]
        cents = any(v != v.to_integral_value() for v in amounts)  # one style per table, so digits line up
        rows = [
            (
                str(y.year),
                fmt.money(y.offered, cur, cents=cents),
                fmt.money(y.with_ask, cur, cents=cents),
                fmt.money(y.change, cur, cents=cents, signed=True),
                fmt.money(y.best, cur, cents=cents),
            )
            for y in result.years
        ]
        while len(self.cells) < len(rows):
            row = len(self.cells) + 1
            labels = [text_label("", self, wrap=False) for _ in WHATIF_HEADERS]
            for column, label in enumerate(labels):
                label.setAlignment(_column_alignment(column) | Qt.AlignmentFlag.AlignVCenter)
                self.grid.addWidget(label, row, column)
            self.cells.append(labels)
        for labels, texts in zip(self.cells, rows, strict=False):
            for label, text in zip(labels, texts, strict=True):
                label.setText(text)
                label.show()
        for labels in self.cells[len(rows) :]:
            for label in labels:
                label.hide()

    def rows(self) -> list[tuple[str, ...]]:
        """The amounts as shown (for tests and for reading back), one tuple per year."""
        return [tuple(label.text() for label in labels) for labels in self.cells if not labels[0].isHidden()]


def _column_alignment(column: int) -> Qt.AlignmentFlag:
    return Qt.AlignmentFlag.AlignLeft if column == 0 else Qt.AlignmentFlag.AlignRight


class LeverCard(QFrame):
    """One lever: rank, title, ask, plausibility and kind in words, why, what to say, and a what-if."""

    copy_requested = Signal(str, str)  # title, script

    def __init__(self, rank: int, lever: Lever, evaluation: OfferEvaluation, panel: LeversPanel):
        super().__init__(panel)
        self._panel = panel
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setBackgroundRole(QPalette.ColorRole.AlternateBase)  # fields (Base) stand out on it
        self.setAutoFillBackground(True)
        self.lever = lever
        self._evaluation = evaluation
        self._asked = False  # the user committed an ask of their own: kept across refreshes
        self.result: WhatIf | None = None
        self._whatif_shown = False

        self.title_label = text_label("", self)
        self.title_label.setFont(scaled_font(self.title_label.font(), 1.1, bold=True))
        self.plausibility_badge = BadgeLabel(parent=self)
        self.ask_label = text_label("", self)
        self.kind_label = text_label("", self, wrap=False)
        self.rationale_label = text_label("", self)
        self.script_label = text_label("", self)
        italic = self.script_label.font()
        italic.setItalic(True)
        self.script_label.setFont(italic)
        self.copy_button = QPushButton("Copy", self)
        self.copy_button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.copy_button.clicked.connect(self._on_copy_clicked)

        top = QHBoxLayout()
        top.setSpacing(6)
        top.addWidget(self.title_label, 1)
        top.addWidget(self.plausibility_badge, 0, Qt.AlignmentFlag.AlignTop)
        facts = QHBoxLayout()
        facts.setSpacing(12)
        facts.addWidget(self.ask_label, 1)
        facts.addWidget(self.kind_label, 0, Qt.AlignmentFlag.AlignTop)
        script_row = QHBoxLayout()
        script_row.addWidget(self.script_label, 1)
        script_row.addWidget(self.copy_button, 0, Qt.AlignmentFlag.AlignTop)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 10, 12, 12)
        layout.setSpacing(8)
        layout.addLayout(top)
        layout.addLayout(facts)
        layout.addWidget(self.rationale_label)
        layout.addLayout(script_row)

        # the what-if, for levers whose ask is the value of one money component
        self.ask_edit: MoneyEdit | None = None
        self.whatif_table: WhatIfTable | None = None
        self.whatif_message: QLabel | None = None
        self.goal_label: QLabel | None = None
        if has_what_if(lever):
            self.ask_edit = MoneyEdit(evaluation.offer.currency, self)
            self.ask_edit.setMaximumWidth(self.ask_edit.fontMetrics().horizontalAdvance("0") * 14 + 16)
            self.ask_edit.committed.connect(self._on_ask_committed)
            ask_prompt = text_label("What if you asked for", self, wrap=False)
            ask_prompt.setBuddy(self.ask_edit)
            hint = text_label("Enter to see each year", self, wrap=False)
            hint.setForegroundRole(QPalette.ColorRole.PlaceholderText)
            ask_row = QHBoxLayout()
            ask_row.addWidget(ask_prompt)
            ask_row.addWidget(self.ask_edit)
            ask_row.addWidget(hint, 1)
            self.whatif_message = text_label("", self)
            self.whatif_table = WhatIfTable(self)
            self.goal_label = text_label("", self)
            self.whatif_message.hide()
            self.whatif_table.hide()
            self.goal_label.hide()
            layout.addSpacing(2)
            layout.addLayout(ask_row)
            layout.addWidget(self.whatif_message)
            layout.addWidget(self.whatif_table)
            layout.addWidget(self.goal_label)
        self.set_lever(rank, lever, evaluation)

    def set_lever(self, rank: int, lever: Lever, evaluation: OfferEvaluation) -> None:
        """Show a refreshed lever (same name): keeps the user's own ask and recomputes its what-if."""
        self.lever = lever
        self._evaluation = evaluation
        cur = evaluation.offer.currency
        self.rank = rank
        self.title_label.setText(f"{rank}. {lever.title}")
        plausibility = PLAUSIBILITY_NAMES[lever.plausibility]
        self.plausibility_badge.set_badge(PLAUSIBILITY_BADGES[lever.plausibility], plausibility)
        self.plausibility_badge.setAccessibleName(f"Plausibility: {plausibility}")
        self.plausibility_badge.setToolTip(f"Plausibility: {plausibility}")
        ask = f"Ask: {fmt.money(lever.ask, cur)}"
        if lever.ask is not None and lever.offered is not None and lever.offered != lever.ask:
            ask += f" (offered {fmt.money(lever.offered, cur)})"
        self.ask_label.setText(ask)
        self.kind_label.setText(KIND_NAMES[lever.kind])
        self.rationale_label.setText(lever.rationale)
        self.script_label.setText(f"“{lever.script}”")
        self.copy_button.setAccessibleName(f"Copy the script for {lever.title}")
        self.copy_button.setToolTip(f"Copy what to say about {lever.title.lower()}")
        self.setAccessibleName(f"Lever {rank}: {lever.title}")
        if self.ask_edit is not None:
            self.ask_edit.set_currency(cur)
            self.ask_edit.setAccessibleName(f"What-if ask for {lever.title}")
            if not self._asked:
                self.ask_edit.set_value(self._suggested_ask())
            if self._whatif_shown:
                self._show_what_if()  # the offer changed under the what-if: recompute it

    def script(self) -> str:
        return self.lever.script

    def _on_copy_clicked(self) -> None:
        self.copy_requested.emit(self.lever.title, self.lever.script)

    def _suggested_ask(self) -> Decimal | None:
        return self.lever.ask if self.lever.ask is not None else self.lever.offered

    def _on_ask_committed(self) -> None:
        assert self.ask_edit is not None
        try:
            # an ask of the user's own is kept when the offer changes; the suggested one follows the lever
            self._asked = self.ask_edit.value() != self._suggested_ask()
        except ParseError:
            self._asked = True
        self._show_what_if()

    def _show_what_if(self) -> None:
        assert self.ask_edit is not None and self.whatif_table is not None
        assert self.whatif_message is not None and self.goal_label is not None
        ev = self._evaluation
        self.result = None
        self._whatif_shown = True
        try:
            ask = self.ask_edit.value()
            if ask is None:
                raise WhatIfError("Type an amount to see what it changes.")
            rubric = self._panel.workspace.settings().active_rubric
            self.result = what_if(ev.offer, self.lever, ask, ev.stretch, ev.figures.horizon, rubric)
        except (ParseError, WhatIfError) as exc:
            self.whatif_message.setText(str(exc) if isinstance(exc, WhatIfError) else f"Not an amount: {exc}")
            self.whatif_message.show()
            self.whatif_table.hide()
            self.goal_label.hide()
            return
        result = self.result
        cur = result.currency
        notes = []
        if result.ask_above_stretch:
            notes.append(
                f"Warning: above what this position plausibly reaches ({fmt.money(result.ceiling, cur)}). "
                "Expect a no, or a counter."
            )
        if result.ask_below_offered:
            notes.append(f"Below what is offered ({fmt.money(result.offered, cur)}).")
            if result.lever == "equity":
                notes[-1] += " The what-if adds no equity and cuts none."
        if result.sign_on_given > 0:
            notes.append(f"A swap: gives up {fmt.money(result.sign_on_given, cur)} of the year-1 sign-on for it.")
        self.whatif_message.setText(" ".join(notes))
        self.whatif_message.setVisible(bool(notes))
        self.whatif_table.set_result(result)
        self.whatif_table.show()
        self.goal_label.setText(_goal_words(result))
        self.goal_label.show()

    def whatif_rows(self) -> list[tuple[str, ...]]:
        if self.whatif_table is None or self.whatif_table.isHidden():
            return []
        return self.whatif_table.rows()


def _goal_words(result: WhatIf) -> str:
    cur = result.currency
    year_one = fmt.money(result.figures.year_one, cur)
    goal = result.goal
    if goal is None:
        return f"Year 1 with this ask: {year_one}. Add a target to the offer to compare it with your goal."
    parts = [f"Year 1 with this ask: {year_one}"]
    if goal.target is not None:
        if goal.meets_target:
            parts.append(f"meets your target of {fmt.money(goal.target, cur)}")
        else:
            parts.append(f"short of your target of {fmt.money(goal.target, cur)} by {fmt.money(goal.shortfall, cur)}")
    if goal.walk_away is not None:
        met = "above" if goal.meets_walk_away else "below"
        parts.append(f"{met} your walk-away of {fmt.money(goal.walk_away, cur)}")
    return ", ".join(parts[:1]) + (": " + "; ".join(parts[1:]) if len(parts) > 1 else "") + "."


class LeversPanel(QWidget):
    """The stretch and the ranked levers of the selected offer; refreshes whenever evaluations change."""

    copied = Signal(str)  # a script is on the clipboard: a message for the status bar

    def __init__(
        self,
        workspace: Workspace,
        parent: QWidget | None = None,
        *,
        scroll_bar: Callable[[], QScrollBar] | None = None,
    ):
        """`scroll_bar`: the bar of the page that scrolls this panel with others (the panel then has no
        scroll area of its own); a refresh keeps its position."""
        super().__init__(parent)
        self.workspace = workspace
        self._offer_id: str | None = None
        self.cards: list[LeverCard] = []

        self.empty_label = text_label("Select an offer to see what to ask for.", self)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.content = QWidget(self)
        self.header = StretchHeader(self.content)
        self.levers_heading = heading_label("Levers, best first", self.content)
        self.no_levers_label = text_label("No levers for this offer.", self.content)
        self.cards_layout = QVBoxLayout()
        self.cards_layout.setSpacing(10)
        layout = QVBoxLayout(self.content)
        layout.setContentsMargins(12, 12, 12, 12)
        layout.setSpacing(10)
        layout.addWidget(self.header)
        layout.addSpacing(6)
        layout.addWidget(self.levers_heading)
        layout.addWidget(self.no_levers_label)
        layout.addLayout(self.cards_layout)
        if scroll_bar is None:
            layout.addStretch(1)
            self.scroll = scroll_frame(self.content, self, "Negotiation levers")
            self._scroll_bar = self.scroll.verticalScrollBar
        else:
            self.scroll = self.content
            self._scroll_bar = scroll_bar
        self.stack = QStackedWidget(self) if self.scroll is not self.content else SwitchedPages(self)
        self.stack.addWidget(self.empty_label)
        self.stack.addWidget(self.scroll)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.stack)
        self.setAccessibleName("Negotiation levers")

        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Expanding)

        workspace.evaluations_changed.connect(self._on_evaluations_changed)
        self._refresh(keep_scroll=False)

    # --- public ----------------------------------------------------------------------------------

    def offer_id(self) -> str | None:
        return self._offer_id

    def set_offer(self, offer_id: str | None) -> None:
        offer_id = offer_id or None
        same = offer_id == self._offer_id
        if not same:
            self._clear_cards()  # another offer: its asks and what-ifs start fresh
        self._offer_id = offer_id
        self._refresh(keep_scroll=same)

    def card(self, lever: str) -> LeverCard | None:
        return next((c for c in self.cards if c.lever.lever == lever), None)

    # --- internals -------------------------------------------------------------------------------

    def _on_evaluations_changed(self) -> None:
        if not self.isVisible() and self.window().isVisible():
            self._stale = True  # on a hidden tab of a shown window: refreshed when shown, not on every edit
            return
        self._refresh(keep_scroll=True)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if getattr(self, "_stale", False):
            self._stale = False
            self._refresh(keep_scroll=True)

    def _refresh(self, keep_scroll: bool) -> None:
        offer = self.workspace.offer(self._offer_id) if self._offer_id else None
        if offer is None or missing_for_rating(offer):
            self._clear_cards()
            self.empty_label.setText(
                "Select an offer to see what to ask for."
                if offer is None
                else "What to ask for comes once the offer is rated: it rests on the position."
            )
            self.stack.setCurrentWidget(self.empty_label)
            return
        bar = self._scroll_bar()
        position = bar.value() if keep_scroll else 0
        evaluation = self.workspace.evaluation(offer.id)
        self.header.set_stretch(evaluation.stretch)
        levers = evaluation.levers
        if [c.lever.lever for c in self.cards] == [lever.lever for lever in levers]:
            for rank, (card, lever) in enumerate(zip(self.cards, levers, strict=True), start=1):
                card.set_lever(rank, lever, evaluation)
        else:
            self._clear_cards()
            for rank, lever in enumerate(levers, start=1):
                card = LeverCard(rank, lever, evaluation, self)
                card.copy_requested.connect(self._on_copy_requested)
                self.cards_layout.addWidget(card)
                self.cards.append(card)
        self.no_levers_label.setVisible(not levers)
        self.stack.setCurrentWidget(self.scroll)
        # the new layout takes effect on the next pass of the event loop: restore the position then
        bar.setValue(position)
        if position:
            QTimer.singleShot(0, self, lambda: bar.setValue(position))

    def _clear_cards(self) -> None:
        for card in self.cards:
            card.hide()
            card.deleteLater()
        self.cards = []

    def _on_copy_requested(self, title: str, script: str) -> None:
        QGuiApplication.clipboard().setText(script)
        self.copied.emit(f"Copied the script for {title}: paste it into your notes or email.")
