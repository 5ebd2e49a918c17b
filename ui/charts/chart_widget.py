"""A widget that shows one of the shared charts and says what it shows in words for screen readers."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Literal

from PySide6.QtCore import QEvent, QRectF, QSize, Qt
from PySide6.QtGui import QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import QSizePolicy, QWidget

from app.comparison import CHART_PARTS, OfferSeries
from app.scenario_compare import GrowthChart
from app.words import CHART_PART_NAMES
from ui.charts.painting import paint_cumulative_lines, paint_growth_lines, paint_stacked_bars
from ui.format import money_compact, percent_signed

ChartKind = Literal["stacked_bars", "cumulative_lines", "growth_lines"]

_TITLES = {
    "stacked_bars": "Pay per year, by part",
    "cumulative_lines": "Running total, year by year",
    "growth_lines": "Total against share-price growth",
}


class ChartWidget(QWidget):
    """Paints `paint_stacked_bars`, `paint_cumulative_lines` or `paint_growth_lines` with the widget's
    palette."""

    def __init__(self, kind: ChartKind, parent: QWidget | None = None):
        super().__init__(parent)
        self.kind = kind
        self._series: tuple[OfferSeries, ...] = ()
        self._currency = ""
        self._left_out: tuple[str, ...] = ()
        self._no_estimate: tuple[str, ...] = ()  # after tax: not charted for want of an estimate
        self._part_names: dict[str, str] = dict(CHART_PART_NAMES)
        self._growth: GrowthChart | None = None
        self._title_note = ""  # what the title adds: "after tax", say
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setFocusPolicy(Qt.FocusPolicy.TabFocus)  # reachable by keyboard, so its description is read
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self.setAccessibleName(f"{_TITLES[kind]} (chart)")
        self._describe()

    def title(self) -> str:
        if self.kind == "growth_lines" and self._growth is not None:
            title = f"{self._growth.horizon}-year total against share-price growth"
            if self._growth.after_tax and not self._title_note:
                title += " (after tax)"
        else:
            title = _TITLES[self.kind]
        return f"{title} ({self._title_note})" if self._title_note else title

    def set_title_note(self, note: str) -> None:
        """Words the title adds in brackets ("after tax, estimate"); empty for none."""
        if note == self._title_note:
            return  # (the compare view sets it on every rebuild)
        self._title_note = note
        self._describe()
        self.update()

    def set_growth(self, chart: GrowthChart | None) -> None:
        """Show a growth chart (`growth_lines` widgets only)."""
        self._growth = chart
        self._currency = chart.currency if chart is not None else ""
        self._left_out = chart.left_out if chart is not None else ()
        self._no_estimate = chart.no_estimate if chart is not None else ()
        self._describe()
        self.update()

    def growth(self) -> GrowthChart | None:
        return self._growth

    def set_data(
        self,
        series: Sequence[OfferSeries],
        currency: str,
        left_out: Sequence[str] = (),
        no_estimate: Sequence[str] = (),
        part_names: Mapping[str, str] | None = None,
    ) -> None:
        """Show `series` (in `currency`); `left_out` names offers not charted for want of a rate,
        `no_estimate` those not charted after tax for want of an estimate; `part_names` are the
        stacked parts' legend words (`Comparison.part_labels`: after tax, say so)."""
        self._series = tuple(series)
        self._currency = currency
        self._left_out = tuple(left_out)
        self._no_estimate = tuple(no_estimate)
        self._part_names = dict(part_names) if part_names is not None else dict(CHART_PART_NAMES)
        self._describe()
        self.update()

    def part_names(self) -> Mapping[str, str]:
        return self._part_names

    def series(self) -> tuple[OfferSeries, ...]:
        return self._series

    # --- Qt ----------------------------------------------------------------------------------------

    def sizeHint(self) -> QSize:
        return QSize(520, 340)

    def minimumSizeHint(self) -> QSize:
        return QSize(280, 200)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.PaletteChange:
            self.update()
        super().changeEvent(event)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        try:
            painter.fillRect(self.rect(), self.palette().color(QPalette.ColorRole.Base))
            self.paint(painter, QRectF(self.rect()).adjusted(10, 8, -10, -8))
        finally:
            painter.end()

    def paint(self, painter: QPainter, rect: QRectF) -> None:
        """Paint the chart into any painter (the screen, an image, a PDF page)."""
        note = self.note() or None
        if self.kind == "growth_lines":
            if self._growth is None:
                return
            paint_growth_lines(painter, rect, self._growth, self.palette(), title=self.title(), note=note)
        elif self.kind == "stacked_bars":
            paint_stacked_bars(
                painter,
                rect,
                self._series,
                self.palette(),
                self._currency,
                title=self.title(),
                note=note,
                part_names=self._part_names,
            )
        else:
            paint_cumulative_lines(
                painter, rect, self._series, self.palette(), self._currency, title=self.title(), note=note
            )

    def note(self) -> str:
        """What the chart leaves out and why, in one line ("" when nothing is)."""
        parts = []
        if self._left_out:
            parts.append(f"Not charted (no exchange rate): {', '.join(self._left_out)}")
        if self._no_estimate:
            parts.append(f"Not charted (no after-tax estimate): {', '.join(self._no_estimate)}")
        return ". ".join(parts)

    # --- words -------------------------------------------------------------------------------------

    def _describe(self) -> None:
        text = self.description()
        self.setAccessibleDescription(text)
        self.setToolTip(text)

    def description(self) -> str:
        """The chart in words: what it plots, and each offer's figures."""
        if self.kind == "growth_lines":
            text = self._growth_words()
        elif not self._series:
            text = "No offers to chart."
        elif self.kind == "stacked_bars":
            names = self._part_names
            parts = ", ".join(names[p].lower() for p in CHART_PARTS)
            lines = [f"Pay per year in {self._currency}, each bar split into {parts}."]
            for offer in self._series:
                years = []
                for y in offer.years:
                    split = ", ".join(
                        f"{names[s.part].lower()} {money_compact(s.value, self._currency)}" for s in y.segments
                    )
                    years.append(f"year {y.year} {money_compact(y.total, self._currency)} ({split})")
                lines.append(f"{offer.label}: {'; '.join(years)}.")
            text = " ".join(lines)
        else:
            lines = [f"Running total in {self._currency} after each year."]
            for offer in self._series:
                steps = ", ".join(
                    f"{money_compact(y.cumulative, self._currency)} after year {y.year}" for y in offer.years
                )
                lines.append(f"{offer.label}: {steps}.")
            text = " ".join(lines)
        if self.note():
            text += f" {self.note()}."
        if self._title_note:
            text = f"{self._title_note[0].upper()}{self._title_note[1:]}: {text}"
        return text

    def _growth_words(self) -> str:
        chart = self._growth
        if chart is None or not chart.lines:
            return "No offers to chart."
        lines = [
            f"{chart.horizon}-year total in {chart.currency} if share prices change by "
            f"{percent_signed(chart.start)} to {percent_signed(chart.stop)} a year."
        ]
        for line in chart.lines:
            if line.is_stay:
                lines.append(
                    f"Stay at {line.name}: {money_compact(line.points[0].total, chart.currency)} at every growth."
                )
                continue
            marks = ", ".join(
                f"{money_compact(p.total, chart.currency)} at {percent_signed(p.growth_pct)}"
                for p in line.points
                if p.growth_pct in chart.x_ticks
            )
            lines.append(f"{line.label}: {marks}.")
        if chart.scenarios:
            named = ", ".join(f"{name} {percent_signed(growth)}" for name, growth in chart.scenarios)
            lines.append(f"Scenarios marked: {named}.")
        return " ".join(lines)
