"""The editor's live summary: what the offer being typed is worth, as `app.compensation.figures` says.

Year 1, each year as a small bar, the horizon total, and the split into guaranteed cash, contingent
cash (the bonus) and equity. With a current job, what leaving it costs sits under year 1, with year 1
after that cost (`OfferEvaluation.leaving_cost`, `app.evaluation.year_one_after_leaving`); the current
job's own editor shows what staying is worth the same way, with what leaving costs. The form hands it
the figures of what is in its fields after every keystroke that parses (nothing is saved until the
edit is finished); this widget only formats and draws them — bar heights are geometry, the amounts
are the domain's.
"""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QFont, QFontMetricsF, QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import QFormLayout, QFrame, QLabel, QSizePolicy, QVBoxLayout, QWidget

from app.compensation import OfferFigures
from app.words import CHART_PART_NAMES
from ui import format as fmt


class YearBars(QWidget):
    """One small bar per year, as tall as that year's total against the largest; the year and a short
    amount under each."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._years: list[tuple[int, Decimal]] = []
        self._currency = "USD"
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setAccessibleName("Each year's total")

    def set_years(self, years: list[tuple[int, Decimal]], currency: str) -> None:
        self._years = years
        self._currency = currency
        words = "; ".join(f"year {year}: {fmt.money(total, currency)}" for year, total in years)
        self.setAccessibleDescription(words)
        self.setToolTip("\n".join(f"Year {year}: {fmt.money(total, currency)}" for year, total in years))
        self.update()

    def labels(self) -> list[str]:
        """The short amounts under the bars, as drawn."""
        return [fmt.money_compact(total, self._currency) for _, total in self._years]

    def sizeHint(self) -> QSize:
        line = self.fontMetrics().height()
        return QSize(200, 56 + 2 * line)

    def minimumSizeHint(self) -> QSize:
        return QSize(120, self.sizeHint().height())

    def paintEvent(self, event: QPaintEvent) -> None:
        if not self._years:
            return
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        small = QFont(self.font())
        if small.pointSizeF() > 0:
            small.setPointSizeF(small.pointSizeF() * 0.85)
        line = QFontMetricsF(small).height()
        top, bottom = 2.0, self.height() - 2 * line - 4
        largest = max((total for _, total in self._years), default=Decimal(0))
        step = self.width() / len(self._years)
        painter.setFont(small)
        for index, (year, total) in enumerate(self._years):
            share = float(total / largest) if largest > 0 else 0.0  # geometry only
            height = max(1.0, (bottom - top) * share)
            bar = QRectF(index * step + step * 0.2, bottom - height, step * 0.6, height)
            painter.fillRect(bar, palette.color(QPalette.ColorRole.Highlight))
            painter.setPen(palette.color(QPalette.ColorRole.WindowText))
            below = QRectF(index * step, bottom + 2, step, line)
            painter.drawText(below, Qt.AlignmentFlag.AlignCenter, fmt.money_compact(total, self._currency))
            painter.setPen(palette.color(QPalette.ColorRole.PlaceholderText))
            painter.drawText(below.translated(0, line), Qt.AlignmentFlag.AlignCenter, f"Y{year}")
        painter.end()


class OfferSummary(QFrame):
    """The figures of the offer in the editor, following what is typed."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("offerSummary")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setBackgroundRole(QPalette.ColorRole.AlternateBase)
        self.setAutoFillBackground(True)
        self.setAccessibleName("What this offer is worth")
        self.title = title = QLabel("What it's worth")
        bold = QFont(title.font())
        bold.setBold(True)
        title.setFont(bold)
        self.year_one = QLabel()
        big = QFont(self.year_one.font())
        big.setBold(True)
        if big.pointSizeF() > 0:
            big.setPointSizeF(big.pointSizeF() * 1.5)
        self.year_one.setFont(big)
        self.year_one.setAccessibleName("Year 1 total")
        self.year_one_caption = QLabel("Year 1 total")
        # what leaving the current job costs, under year 1: (caption, amount) rows, hidden without a job
        self.leaving = QFormLayout()
        self.leaving.setContentsMargins(0, 0, 0, 4)
        self.leaving.setHorizontalSpacing(8)
        self.leaving.setVerticalSpacing(2)
        self.leaving_rows: list[tuple[QLabel, QLabel]] = []
        self.bars = YearBars()
        self.total_caption = QLabel()
        self.total = QLabel()
        self.guaranteed = QLabel()
        self.contingent = QLabel()
        self.equity = QLabel()
        self.benefits = QLabel()
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.note.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        italic = QFont(self.note.font())
        italic.setItalic(True)
        self.note.setFont(italic)
        for label in (self.year_one, self.total, self.guaranteed, self.contingent, self.equity, self.benefits):
            label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.split_captions: dict[str, QLabel] = {}
        split = QFormLayout()
        split.setContentsMargins(0, 0, 0, 0)
        split.setHorizontalSpacing(8)
        split.setVerticalSpacing(4)
        split.addRow(self.total_caption, self.total)
        for key, part, label in (
            ("guaranteed", "guaranteed_cash", self.guaranteed),
            ("contingent", "contingent_cash", self.contingent),
            ("equity", "equity", self.equity),
            ("benefits", "benefits", self.benefits),
        ):
            caption = QLabel(CHART_PART_NAMES[part])
            caption.setToolTip(
                {
                    "guaranteed": "Base, sign-on and relocation: paid whatever happens",
                    "contingent": "The bonus at its expected payout: depends on performance and the year",
                    "equity": "Vesting at the stated price",
                    "benefits": "Benefits counted at their yearly value",
                }[key]
            )
            self.split_captions[key] = caption
            split.addRow(caption, label)
            if key == "equity":  # what the equity figure is, under it: "options under water" (never "none")
                self.equity_note = QLabel()
                self.equity_note.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.equity_note.setWordWrap(True)
                split.addRow(self.equity_note)
                split.setRowVisible(self.equity_note, False)
        self._split = split
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 10, 12, 12)
        layout.setSpacing(6)
        layout.addWidget(title)
        layout.addWidget(self.year_one_caption)
        layout.addWidget(self.year_one, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addLayout(self.leaving)
        layout.addWidget(self.bars)
        layout.addLayout(split)
        layout.addWidget(self.note)
        layout.addStretch(1)
        self._figures: OfferFigures | None = None
        self.cents = False

    def set_leaving(self, rows: list[tuple[str, str, str]]) -> None:
        """Rows under year 1 about leaving the current job: (caption, text, tooltip); [] hides them."""
        while len(self.leaving_rows) > len(rows):
            self.leaving.removeRow(self.leaving.rowCount() - 1)
            self.leaving_rows.pop()
        while len(self.leaving_rows) < len(rows):
            caption, value = QLabel(), QLabel()
            caption.setWordWrap(True)
            value.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.leaving.addRow(caption, value)
            self.leaving_rows.append((caption, value))
        for (caption, value), (words, text, tip) in zip(self.leaving_rows, rows, strict=True):
            caption.setText(words)
            value.setText(text)
            for label in (caption, value):
                label.setToolTip(tip)
            value.setAccessibleName(words)

    def leaving_texts(self) -> list[tuple[str, str]]:
        """The leaving rows as shown: (caption, amount)."""
        return [(caption.text(), value.text()) for caption, value in self.leaving_rows]

    def set_figures(
        self, figures: OfferFigures | None, currency: str, *, stale: bool = False, equity_note: str = ""
    ) -> None:
        """Show `figures` (of the fields as they are, or as saved); `stale`: the fields hold something
        that can't be read, and these are the last figures that could be computed. `equity_note`: said
        after the equity figure ("options under water"), so $0 never reads as "no equity"."""
        self._figures = figures
        if figures is None:
            for label in (self.year_one, self.total, self.guaranteed, self.contingent, self.equity, self.benefits):
                label.clear()
            self.equity_note.clear()
            self._split.setRowVisible(self.equity_note, False)
            self.bars.set_years([], currency)
            self.note.clear()
            return
        cents = fmt.needs_cents(
            (figures.year_one, figures.total, figures.guaranteed_cash, figures.contingent_cash, figures.equity)
        )
        self.cents = cents  # the precision shown: rows added beside (what leaving costs) follow it
        self.year_one.setText(fmt.money(figures.year_one, currency, cents=cents))
        self.bars.set_years([(y.year, y.total) for y in figures.years], currency)
        self.total_caption.setText(f"{figures.horizon}-year total")
        self.total.setText(fmt.money(figures.total, currency, cents=cents))
        self.guaranteed.setText(fmt.money(figures.guaranteed_cash, currency, cents=cents))
        self.contingent.setText(fmt.money(figures.contingent_cash, currency, cents=cents))
        equity = fmt.money(figures.equity, currency, cents=cents)
        self.equity.setText(equity)
        self.equity_note.setText(equity_note)
        self._split.setRowVisible(self.equity_note, bool(equity_note))
        self.equity.setAccessibleName(f"Equity, {equity_note}" if equity_note else "Equity")
        self.benefits.setText(fmt.money(figures.benefits, currency, cents=cents))
        shown_benefits = figures.benefits != 0
        self.benefits.setVisible(shown_benefits)
        self.split_captions["benefits"].setVisible(shown_benefits)
        self.note.setText(
            "Figures before the last change: what is typed can't be read yet."
            if stale
            else f"Over {figures.horizon} years; follows what you type."
        )

    def figures(self) -> OfferFigures | None:
        return self._figures
