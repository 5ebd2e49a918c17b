"""Offers side by side: rows of figures in the display currency, the best of each row, differences.

Pure data (no Qt): the compare table adapts `Comparison.rows`, the charts paint `Comparison.series`,
and a later PDF can print both from the same object.

Conversion rule (one number per figure, everywhere): every figure is first computed in the offer's
own currency by `app.compensation.figures` (components rounded to cents, totals summed from them),
then converted on its own with the rate and rounded to cents — exactly how `total_display` is made
for the command line and the brief. So the 4-year total on this screen is the number the command
line prints. The price: in a converted column, a total can differ by a cent from the sum of the
converted rows above it. In the offer's own currency (rate 1) everything adds up exactly.

An offer whose currency has no rate keeps its own currency (`Column.converted` is False): its values
are shown, never compared — they take no part in "best", in differences or in the charts.

Format 2 adds, when the evaluator has them:
- a **Stay** column for the current job (`Column.is_stay`, offer_id `CURRENT_JOB_ID`, stage "current"),
  first, compared like any offer (its sign-on and one-time rows are 0);
- rows `leaving_cost` (what leaving the current job costs, shown in each offer's column; lower is
  better; no figure for Stay, which leaves nothing) and `year:1:after_leaving` (year 1 minus that
  cost; Stay's year 1 as it is), right after year 1;
- one row per scenario, `scenario:<name>` ("4-year total, bear (−20 % a year)"), after the total
  (Stay's value is its total: its equity is as the broker shows it), and `Comparison.scenario_range`
  for the range next to the as-offered total.
Break-even growth between two columns is `Evaluator.break_even` / `break_even_sentence`.

**After tax** (issue 16): `comparison_for(ev, ids, after_tax=True)` builds the same rows (same keys)
and chart series from after-tax values, so the Compare switch only passes a flag:
- each year's tax (`Evaluator.after_tax`, the current job's too) is shared among that year's taxed
  parts in proportion to their amounts (`app.after_tax.after_tax_year`: base, bonus, sign-on,
  relocation and RSUs bear it; options and benefits are not taxed and bear none), so every row —
  "Base salary after tax", guaranteed / contingent cash, equity, the year totals, the horizon total,
  the annual average, each scenario (RSUs taxed at the scenario's price) — is an after-tax figure and
  the stacked bars still add up to the year's after-tax total;
- one more row, `tax` ("Estimated tax, 4 years"), after the total: it informs, and is never "best"
  (the smallest tax comes with the smallest pay);
- the leaving cost stays, labelled "before tax" (what you forfeit or repay is gross pay);
  `year:1:after_leaving` is left out (it would mix an after-tax year with a before-tax cost);
- a column without an estimate (no region, a region without rules, or no rate between the pay's
  currency and the region's) shows no values, takes no part in "best" or the charts, and
  `Comparison.untaxed` lists it with its reason;
- `Comparison.taxes` holds each column's `AfterTax`; `Comparison.tax_notes` the lines to show under
  the table (each label — "estimate, 2026 rules, single filer, this pay as the only income" — with
  the columns it applies to, what is not taxed, each region's assumptions, currency conversions, and
  why a column has no figure); `Comparison.part_labels` the charts' legend words.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Literal

from app.after_tax import NOT_TAXED_NOTE, AfterTax, after_tax_figures
from app.compensation import COMPONENTS, CURRENT_JOB_ID, OfferFigures, YearFigures, figures
from app.evaluation import Evaluator, StayEvaluation
from app.models import Offer, Scenario
from app.money import ZERO, Rates, exact, round_cents
from app.scenarios import ScenarioResult
from app.words import AFTER_TAX_PART_NAMES, CHART_PART_NAMES

Status = Literal["best", "same", "missing", ""]
RowKind = Literal["year", "component", "subtotal", "total", "leaving", "scenario", "tax"]
STAY_STAGE = "current"  # the stage shown for the Stay column

# The four parts a year's pay is split into for the charts, in stacking order (bottom first).
CHART_PARTS: tuple[str, ...] = ("guaranteed_cash", "contingent_cash", "equity", "benefits")
LOWER_IS_BETTER = frozenset({"leaving_cost", "tax"})  # row keys where the smallest figure is the best
# rows that inform and never crown a column: the smallest tax bill comes with the smallest pay, so
# starring it would point at the worse offer (what is left after tax is what the other rows compare)
NO_BEST = frozenset({"tax"})


ColumnKind = Literal["offer", "stay"]  # "stay": the current job (what staying pays)


@dataclass(frozen=True)
class Column:
    """One offer in the comparison; `currency` is what its values are in."""

    offer_id: str
    company: str
    role: str
    stage: str
    offer_currency: str
    currency: str  # the display currency, or the offer's own when there is no rate
    converted: bool  # False: no rate for offer_currency; shown, flagged, never compared
    slot: int = 0  # a stable number for the offer's letter and colour, whichever others are compared
    kind: ColumnKind = "offer"

    @property
    def is_stay(self) -> bool:
        """The current job: what staying pays."""
        return self.kind == "stay"

    @property
    def label(self) -> str:
        return "Stay" if self.is_stay else self.company


@dataclass(frozen=True)
class Row:
    """One figure across the offers: values per column, the best, and differences to the baseline."""

    key: str  # stable: "year:1", "base", "total", …
    label: str  # with its convention: "Year 1 total", "Guaranteed cash, 4 years (base + sign-on + relocation)"
    description: str  # one sentence for tooltips and screen readers
    kind: RowKind
    values: tuple[Decimal | None, ...]  # per column, in that column's currency
    statuses: tuple[Status, ...]  # per column
    differences: tuple[Decimal | None, ...]  # per column: value − baseline value, display currency
    differs: bool  # not all comparable values equal (the "differences only" filter keeps these)
    higher_is_better: bool = True
    name: str = ""  # the label without its detail: "Guaranteed cash, 4 years" (a narrow column shows this)
    detail: str = ""  # what the label adds in brackets: "base + sign-on + relocation"


@dataclass(frozen=True)
class Segment:
    """One part of a stacked bar: its value and where it sits in the stack (display currency)."""

    part: str  # one of CHART_PARTS
    value: Decimal
    bottom: Decimal
    top: Decimal


@dataclass(frozen=True)
class SeriesYear:
    """One year of one offer for the charts, in the display currency."""

    year: int
    guaranteed_cash: Decimal
    contingent_cash: Decimal
    equity: Decimal
    benefits: Decimal
    total: Decimal  # = the four parts
    cumulative: Decimal  # totals of years 1..year

    @property
    def segments(self) -> tuple[Segment, ...]:
        """The stacked bar, bottom to top, with each part's offsets precomputed (no math in the ui)."""
        result, bottom = [], ZERO
        for part in CHART_PARTS:
            value = getattr(self, part)
            result.append(Segment(part, value, bottom, bottom + value))
            bottom += value
        return tuple(result)


@dataclass(frozen=True)
class OfferSeries:
    """The chart data of one offer (only offers converted to the display currency get one)."""

    offer_id: str
    label: str  # the company
    currency: str
    years: tuple[SeriesYear, ...]
    slot: int = 0  # the offer's stable letter and colour (see `Column.slot`)


@dataclass(frozen=True)
class Comparison:
    """Offers as columns, figures as rows, plus per-year chart series; everything in display currency."""

    display_currency: str
    horizon: int
    columns: tuple[Column, ...]
    rows: tuple[Row, ...]
    series: tuple[OfferSeries, ...]  # converted columns only, in column order
    baseline_index: int | None  # the column differences are taken against (a converted one)
    scenario_names: tuple[str, ...] = ()  # the scenarios, in the settings' order
    after_tax: bool = False  # every figure is after the estimated tax (see the module's docstring)
    taxes: tuple[AfterTax | None, ...] = ()  # per column in after-tax mode (empty before tax)

    @property
    def part_labels(self) -> Mapping[str, str]:
        """The charts' legend: what each stacked part is, after tax or not."""
        return AFTER_TAX_PART_NAMES if self.after_tax else CHART_PART_NAMES

    @property
    def untaxed(self) -> tuple[tuple[Column, str], ...]:
        """After tax: the columns shown without figures, each with the reason ("no tax region: …");
        before tax, none."""
        if not self.after_tax:
            return ()
        return tuple(
            (column, taxes.flag or "no after-tax estimate")
            for column, taxes in zip(self.columns, self.taxes, strict=True)
            if taxes is not None and not taxes.available
        )

    @property
    def tax_notes(self) -> tuple[str, ...]:
        """After tax: the lines to show with the table and charts, each once — the estimates' labels
        (naming the columns when they differ), what is not taxed, each region's assumptions, every
        currency conversion, the default tax year, and why a column has no figure."""
        if not self.after_tax:
            return ()
        shown = [(c, t) for c, t in zip(self.columns, self.taxes, strict=True) if t is not None and t.available]
        lines: list[str] = []
        labels: dict[str, list[str]] = {}
        for column, taxes in shown:
            labels.setdefault(taxes.label or "", []).append(column.label)
        for label, names in labels.items():
            lines.append(f"After tax: {label}" + ("" if len(labels) == 1 else f" ({', '.join(names)})") + ".")
        if shown:
            lines.append(NOT_TAXED_NOTE[0].upper() + NOT_TAXED_NOTE[1:] + ": they are counted whole.")
            notes = dict.fromkeys(t.year_note for _, t in shown if t.year_note)
            lines += [note[0].upper() + note[1:] + "." for note in notes]
        assumed: dict[str, list[str]] = {}
        for column, taxes in shown:
            if taxes.assumptions:
                assumed.setdefault(f"{taxes.region_name} assumes {'; '.join(taxes.assumptions)}", []).append(
                    column.label
                )
        lines += [f"{text} ({', '.join(names)})." for text, names in assumed.items()]
        lines += [f"{column.label}: {taxes.conversion}." for column, taxes in shown if taxes.conversion]
        if self.stay_index is not None and any(r.key == "leaving_cost" for r in self.rows):
            lines.append("The leaving cost is before tax.")
        lines += [f"{column.label}: {reason}." for column, reason in self.untaxed]
        return tuple(lines)

    @property
    def stay_index(self) -> int | None:
        """The Stay column (the current job), when there is one."""
        return next((i for i, c in enumerate(self.columns) if c.is_stay), None)

    def scenario_range(self, index: int) -> tuple[Decimal, Decimal] | None:
        """(lowest, highest) horizon total over the scenarios for a column, in its currency."""
        values = [self.row(f"scenario:{name}").values[index] for name in self.scenario_names]
        known = [v for v in values if v is not None]
        if not known:
            return None
        return min(known), max(known)

    @property
    def baseline(self) -> Column | None:
        return None if self.baseline_index is None else self.columns[self.baseline_index]

    @property
    def unconverted(self) -> tuple[Column, ...]:
        """Columns shown in their own currency because the settings have no rate for it."""
        return tuple(c for c in self.columns if not c.converted)

    def row(self, key: str) -> Row:
        for row in self.rows:
            if row.key == key:
                return row
        raise KeyError(key)

    @property
    def max_year_total(self) -> Decimal:
        """The tallest stacked bar (for a chart's axis)."""
        return max((y.total for s in self.series for y in s.years), default=ZERO)

    @property
    def max_cumulative(self) -> Decimal:
        return max((y.cumulative for s in self.series for y in s.years), default=ZERO)


# --- building ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Converted:
    """An offer's own figures and how to show them in the column's currency.

    Every figure is converted on its own from the offer's own rounded figure, exactly as
    `Rates.convert` does for `OfferEvaluation.total_display` and the command line, so the same
    figure shows the same number everywhere. A column kept in its own currency converts to itself.
    """

    own: OfferFigures
    rates: Rates
    currency: str
    shown_in: str
    leaving_cost: Decimal | None = None  # in the shown currency; None without a current job (0 for Stay)
    scenario_totals: tuple[Decimal | None, ...] = ()  # per scenario, in the offer's own currency
    available: bool = True  # False: after tax, without an estimate (every value None)
    tax: Decimal | None = None  # after tax: the horizon's tax, in the offer's own currency
    is_stay: bool = False

    def value(self, amount: Decimal) -> Decimal:
        converted = self.rates.convert(amount, self.currency, self.shown_in)
        if converted is None:  # never: a column is shown in a currency it converts to
            raise ValueError(f"no rate from {self.currency} to {self.shown_in}")
        return converted

    def sum(self, name: str) -> Decimal:
        return self.value(self.own.component_total(name))

    def year_total(self, index: int) -> Decimal:
        return self.value(self.own.years[index].total)

    def average(self, years: int) -> Decimal:
        return self.value(_average(self.own.total, years))

    @property
    def years(self) -> tuple[YearFigures, ...]:
        """Each component of each year converted on its own (for the chart's stacked parts)."""
        return tuple(
            YearFigures(year=y.year, **{name: self.value(y.component(name)) for name in COMPONENTS})
            for y in self.own.years
        )


RowSpec = tuple[str, str, str, RowKind, Callable[[_Converted], "Decimal | None"]]


def _percent_words(value: Decimal) -> str:
    text = f"{value.normalize():f}" if value == value.to_integral_value() else f"{value:.2f}".rstrip("0")
    return f"{'+' if value > 0 else ''}{text} %".replace("-", "−")


def _leaving_specs(after_tax: bool = False) -> list[RowSpec]:
    cost: RowSpec = (
        "leaving_cost",
        # after tax, "before tax" stays in the name a narrow label column shows
        "Leaving cost" + (" before tax" if after_tax else "") + " (forfeit + repay)",
        "What leaving your current job costs: what you forfeit and what you would repay. The amount "
        "a new employer is asked to make whole." + (" Gross amounts, before tax." if after_tax else ""),
        "leaving",
        # staying has nothing to leave: no figure (never "best" at 0), where the offers have theirs
        lambda c: None if c.is_stay else c.leaving_cost,
    )
    if after_tax:
        return [cost]  # an after-tax year 1 less a before-tax cost would mix the two
    return [
        cost,
        (
            "year:1:after_leaving",
            "Year 1 after the leaving cost",
            "Year 1 total minus what leaving your current job costs.",
            "leaving",
            lambda c: None if c.leaving_cost is None else c.year_total(0) - c.leaving_cost,
        ),
    ]


def _year_value(index: int) -> Callable[[_Converted], Decimal | None]:
    return lambda c: c.year_total(index)


def _scenario_value(index: int) -> Callable[[_Converted], Decimal | None]:
    def value(c: _Converted) -> Decimal | None:
        total = c.scenario_totals[index]
        return None if total is None else c.value(total)

    return value


def _scenario_specs(horizon: int, scenarios: Sequence[tuple[str, Decimal]], after_tax: bool = False) -> list[RowSpec]:
    span = f"{horizon}-year total" + (" after tax" if after_tax else "")
    specs: list[RowSpec] = []
    for index, (name, growth) in enumerate(scenarios):
        specs.append(
            (
                f"scenario:{name}",
                f"{span.capitalize()}, {name} ({_percent_words(growth)} a year)",
                f"The {span} if share prices change by {_percent_words(growth)} a year (or by the offer's own "
                "growth in this scenario); cash is unchanged."
                + (" RSUs are taxed at the scenario's price." if after_tax else ""),
                "scenario",
                _scenario_value(index),
            )
        )
    return specs


def _row_specs(horizon: int, after_tax: bool = False) -> list[RowSpec]:
    """(key, label, description, kind, value) of every row, in display order; after tax, the same
    keys with after-tax labels and a `tax` row after the total."""
    n = horizon
    span = f"{n}-year"  # "4-year total"
    years = f"{n} years" if n > 1 else "1 year"  # "Base salary, 4 years"
    over = f"over {n} years" if n > 1 else "in year 1"
    net = " after tax" if after_tax else ""
    shared = (
        " Each year's estimated tax is shared among its taxed parts (base, bonus, sign-on, relocation, "
        "RSUs) in proportion to their amounts."
        if after_tax
        else ""
    )
    specs: list[RowSpec] = []
    for y in range(1, n + 1):
        if after_tax:
            description = (
                f"What year {y} leaves after the estimated income tax and social contributions: base, bonus, "
                "sign-on, RSUs vesting" + (" and relocation" if y == 1 else "") + " are taxed; options (taxed "
                "when you exercise them) and benefits are not, and are counted whole."
            )
        else:
            description = (
                f"Everything year {y} pays: base, bonus, sign-on, equity vesting, benefits"
                + (" and relocation" if y == 1 else "")
                + "."
            )
        specs.append((f"year:{y}", f"Year {y}{net or ' total'}", description, "year", _year_value(y - 1)))
    specs += [
        (
            "base",
            f"Base salary{net}, {years}",
            f"Base salary {over}, raises included{', less its share of the tax' if after_tax else ''}.{shared}",
            "component",
            lambda c: c.sum("base"),
        ),
        (
            "sign_on",
            f"Sign-on{net}, {years}",
            "Sign-on bonuses, each counted in the year it is paid"
            + (", less their share of the tax." if after_tax else ".")
            + shared,
            "component",
            lambda c: c.sum("sign_on"),
        ),
        (
            "one_time",
            f"Relocation{net} (year 1)",
            "Relocation, paid once in year 1" + (", less its share of the tax." if after_tax else ".") + shared,
            "component",
            lambda c: c.sum("one_time"),
        ),
        (
            "guaranteed_cash",
            f"Guaranteed cash{net}, {years} (base + sign-on + relocation)",
            f"Cash paid whatever happens, {over}{', after tax' if after_tax else ''}.{shared}",
            "subtotal",
            lambda c: c.sum("guaranteed_cash"),
        ),
        (
            "contingent_cash",
            f"Contingent cash{net}, {years} (bonus at expected payout)",
            f"Bonus {over}: depends on performance and the company's year.{shared}",
            "subtotal",
            lambda c: c.sum("contingent_cash"),
        ),
        (
            "equity",
            f"Equity{net}, {years} (RSUs after tax, options not taxed)" if after_tax else f"Equity, {years} (vesting)",
            f"Equity vesting {over}, grants and refreshers, at the stated price."
            + (
                " RSUs are taxed as pay when they vest; options are taxed only when you exercise them, which "
                "you choose, so they are counted whole."
                if after_tax
                else ""
            ),
            "subtotal",
            lambda c: c.sum("equity"),
        ),
        (
            "benefits",
            f"Benefits, {years}" + (" (not taxed)" if after_tax else ""),
            f"Benefits counted as yearly value, {over}." + (" Not taxed in these figures." if after_tax else ""),
            "subtotal",
            lambda c: c.sum("benefits"),
        ),
        (
            "total",
            f"{span.capitalize()} total{net}",
            f"The sum of the yearly totals{net} {over}.",
            "total",
            lambda c: c.sum("total"),
        ),
    ]
    if after_tax:
        specs.append(
            (
                "tax",
                f"Estimated tax, {years} (income tax + social contributions)",
                f"The estimated income tax and employee social contributions {over}, by each column's tax "
                "region: the difference between the totals before and after tax.",
                "tax",
                lambda c: None if c.tax is None else c.value(c.tax),
            )
        )
    specs.append(
        (
            "annual_average",
            f"Annual average{net} ({span} total{net} ÷ {n})",
            f"The {span} total{net} divided by {n}, rounded to cents; it spreads one-time money over every year.",
            "total",
            lambda c: c.average(n),
        )
    )
    return specs


def _average(total: Decimal, years: int) -> Decimal:
    with exact():
        return round_cents(total / years)


def _statuses(
    values: Sequence[Decimal | None], comparable: Sequence[bool], higher_is_better: bool = True
) -> tuple[list[Status], bool]:
    """Per-cell status and whether the row differs, over the comparable (converted) cells."""
    compared = [v for v, ok in zip(values, comparable, strict=True) if ok and v is not None]
    missing_any = any(ok and v is None for v, ok in zip(values, comparable, strict=True))
    distinct = set(compared)
    differs = len(distinct) > 1 or missing_any or len(compared) < 2
    if not differs and compared:
        # an uncompared column still differs from the rest when one side is zero and the other not:
        # nothing is nothing in any currency
        common_is_zero = compared[0] == 0
        differs = any(
            v is not None and (v == 0) != common_is_zero for v, ok in zip(values, comparable, strict=True) if not ok
        )
    top = (max(compared) if higher_is_better else min(compared)) if compared else None
    statuses: list[Status] = []
    for value, ok in zip(values, comparable, strict=True):
        if value is None:
            statuses.append("missing")
        elif not ok or len(compared) < 2:
            statuses.append("")
        elif len(distinct) == 1:
            statuses.append("same")
        else:
            statuses.append("best" if value == top else "")
    return statuses, differs


def build_comparison(
    offers: Sequence[Offer],
    *,
    display_currency: str,
    fx: Mapping[str, Decimal],
    horizon: int,
    baseline_id: str | None = None,
    figures_for: Callable[[str], OfferFigures] | None = None,
    slots: Mapping[str, int] | None = None,
    fx_base: str | None = None,
    stay: StayEvaluation | None = None,
    scenarios: Sequence[Scenario] = (),
    scenarios_for: Callable[[str], Sequence[ScenarioResult]] | None = None,
    after_tax_for: Callable[[str], AfterTax] | None = None,
    scenario_after_tax_for: Callable[[str], Sequence[AfterTax]] | None = None,
) -> Comparison:
    """Compare `offers` (columns, in the given order) over `horizon` years in `display_currency`.

    `figures_for(offer_id)` supplies each offer's figures (pass `Evaluator.figures` to reuse its
    cache); by default they are computed with `app.compensation.figures`. `fx_base` is the currency
    of the `fx` rates (default: the display currency, as in format 1). `stay` adds the Stay column
    first, with the leaving-cost rows; `scenarios` with `scenarios_for(offer_id)`
    (`Evaluator.scenario_results`) add a row per scenario. The baseline is `baseline_id` (an offer
    id, or `CURRENT_JOB_ID` for Stay) when that column is converted; without one, the first
    converted offer column; an unconverted baseline gives no differences. `slots` gives each offer
    its stable letter and colour (by default its column). `comparison_for` passes all of this from
    an Evaluator.

    `after_tax_for(offer_id)` (`Evaluator.after_tax`) makes it the after-tax comparison (see the
    module's docstring): Stay's from `stay.after_tax`, each scenario's from `scenario_after_tax_for`
    (`Evaluator.scenario_after_tax`). After tax, the default baseline is the first converted offer
    column that has an estimate.
    """
    rates = Rates(fx_base or display_currency, fx)
    columns: list[Column] = []
    converted: list[_Converted] = []  # per column, converted or kept in its own currency
    scenario_list = [(s.name, s.growth_pct) for s in scenarios] if scenarios_for is not None else []
    leaving_own = stay.leaving_cost if stay is not None else None
    leaving_currency = stay.job.currency if stay is not None else None
    after_tax = after_tax_for is not None
    taxes: list[AfterTax | None] = []

    def add(
        column: Column,
        fig: OfferFigures,
        totals: tuple[Decimal | None, ...],
        is_stay: bool,
        tax: AfterTax | None = None,
    ) -> None:
        shown_in = column.currency
        leaving: Decimal | None = None
        if leaving_own is not None and leaving_currency is not None:
            leaving = ZERO if is_stay else rates.convert(leaving_own, leaving_currency, shown_in)
        own = fig
        available = True
        if after_tax:
            net = after_tax_figures(fig, tax) if tax is not None else None
            available = net is not None
            own = net if net is not None else own
        columns.append(column)
        taxes.append(tax)
        converted.append(
            _Converted(
                own,
                rates,
                column.offer_currency,
                shown_in,
                leaving,
                totals,
                available,
                tax.total_tax if tax is not None else None,
                is_stay,
            )
        )

    if stay is not None:
        job, fig = stay.job, stay.figures
        ok = job.currency == display_currency or (rates.has(job.currency) and rates.has(display_currency))
        stay_tax = stay.after_tax if after_tax else None
        if after_tax and stay_tax is None:  # a StayEvaluation made by hand, without its after-tax figures
            raise ValueError("an after-tax comparison needs the current job's after-tax figures (stay.after_tax)")
        stay_total = stay_tax.total_after_tax if stay_tax is not None else fig.total
        add(
            Column(
                offer_id=CURRENT_JOB_ID,
                company=job.company,
                role=job.role,
                stage=STAY_STAGE,
                offer_currency=job.currency,
                currency=display_currency if ok else job.currency,
                converted=ok,
                # after every offer's slot, so staying never takes an offer's letter and colour
                slot=len(slots) if slots is not None else len(offers),
                kind="stay",
            ),
            fig,
            (stay_total,) * len(scenario_list),  # staying's equity is as the broker shows it: no growth
            True,
            stay_tax,
        )
    for index, offer in enumerate(offers):
        fig = figures_for(offer.id) if figures_for is not None else figures(offer, horizon)
        if fig.horizon != horizon:
            raise ValueError(f"figures of {offer.company} cover {fig.horizon} years, not {horizon}")
        results = tuple(scenarios_for(offer.id)) if scenario_list and scenarios_for is not None else ()
        tax = after_tax_for(offer.id) if after_tax_for is not None else None
        totals: tuple[Decimal | None, ...] = tuple(r.total for r in results)
        if after_tax and scenario_list:
            if scenario_after_tax_for is None:
                raise ValueError("an after-tax comparison with scenarios needs scenario_after_tax_for")
            totals = tuple(s.total_after_tax for s in scenario_after_tax_for(offer.id))
        ok = offer.currency == display_currency or (rates.has(offer.currency) and rates.has(display_currency))
        add(
            Column(
                offer_id=offer.id,
                company=offer.company,
                role=offer.role,
                stage=offer.stage,
                offer_currency=offer.currency,
                currency=display_currency if ok else offer.currency,
                converted=ok,
                slot=slots.get(offer.id, index) if slots is not None else index,
            ),
            fig,
            totals,
            False,
            tax,
        )

    comparable = [c.converted and data.available for c, data in zip(columns, converted, strict=True)]
    if baseline_id is None:
        baseline_index = next((i for i, c in enumerate(columns) if comparable[i] and not c.is_stay), None)
        if baseline_index is None:
            baseline_index = next((i for i, ok in enumerate(comparable) if ok), None)
    else:
        baseline_index = next((i for i, c in enumerate(columns) if c.offer_id == baseline_id and c.converted), None)

    specs = _row_specs(horizon, after_tax)
    if stay is not None:  # next to year 1: what leaving costs, and year 1 once it is paid
        specs = specs[:1] + _leaving_specs(after_tax) + specs[1:]
    if scenario_list:
        total_at = next(i for i, spec in enumerate(specs) if spec[0] == "total") + 1
        specs = specs[:total_at] + _scenario_specs(horizon, scenario_list, after_tax) + specs[total_at:]

    rows = []
    for key, label, description, kind, value_of in specs:
        name, _, detail = label.partition(" (")
        values = [value_of(c) if c.available or key == "leaving_cost" else None for c in converted]
        higher_is_better = key not in LOWER_IS_BETTER
        statuses, differs = _statuses(values, comparable, higher_is_better)
        if key in NO_BEST:
            statuses = ["" if status == "best" else status for status in statuses]
        base_value = values[baseline_index] if baseline_index is not None else None
        differences = tuple(
            None
            if i == baseline_index or not comparable[i] or value is None or base_value is None
            else value - base_value
            for i, value in enumerate(values)
        )
        rows.append(
            Row(
                key=key,
                label=label,
                description=description,
                kind=kind,
                values=tuple(values),
                statuses=tuple(statuses),
                differences=differences,
                differs=differs,
                higher_is_better=higher_is_better,
                name=name,
                detail=detail.removesuffix(")"),
            )
        )

    series = tuple(
        _series(column, data)
        for column, data in zip(columns, converted, strict=True)
        if column.converted and data.available
    )
    return Comparison(
        display_currency=display_currency,
        horizon=horizon,
        columns=tuple(columns),
        rows=tuple(rows),
        series=series,
        baseline_index=baseline_index,
        scenario_names=tuple(name for name, _growth in scenario_list),
        after_tax=after_tax,
        taxes=tuple(taxes) if after_tax else (),
    )


def _series(column: Column, data: _Converted) -> OfferSeries:
    years, running = [], ZERO
    for own, year in zip(data.own.years, data.years, strict=True):
        running += own.total
        years.append(
            SeriesYear(
                year=year.year,
                guaranteed_cash=year.guaranteed_cash,
                contingent_cash=year.contingent_cash,
                equity=year.equity,
                benefits=year.benefits,
                total=data.value(own.total),
                cumulative=data.value(running),
            )
        )
    label = f"Stay at {column.company}" if column.is_stay else column.label  # a chart's key names the job
    return OfferSeries(
        offer_id=column.offer_id, label=label, currency=column.currency, years=tuple(years), slot=column.slot
    )


# --- chart axes ----------------------------------------------------------------------------------


def nice_ticks(maximum: Decimal, count: int = 5) -> tuple[Decimal, ...]:
    """Round axis values 0, step, 2·step, … up to at least `maximum`, with step 1, 2, 2.5 or 5 × 10^k.

    Roughly `count` intervals; the last tick is ≥ maximum, so every bar fits under the top line.
    """
    if maximum <= 0:
        return (ZERO, Decimal(1))
    with exact():
        raw = maximum / count
        magnitude = Decimal(10) ** (raw.adjusted())
        step = next(
            m * magnitude
            for m in (Decimal(1), Decimal(2), Decimal("2.5"), Decimal(5), Decimal(10))
            if m * magnitude >= raw
        )
        ticks, value = [ZERO], ZERO
        while value < maximum:
            value += step
            ticks.append(value)
    return tuple(ticks)


def comparison_for(
    evaluator: Evaluator,
    offer_ids: Sequence[str],
    baseline_id: str | None = None,
    *,
    stay: bool = True,
    after_tax: bool = False,
) -> Comparison:
    """A comparison of some of an `app.evaluation.Evaluator`'s offers, with its settings and cache:
    the Stay column when there is a current job (and `stay`), a row per scenario when there are any;
    each offer keeps its letter and colour (its place among all the evaluator's offers) whatever is
    compared. `after_tax`: the same rows and series after the estimated tax (the module's docstring
    says how), with `Comparison.tax_notes` to show beside them."""
    offers = [evaluator.by_id[i] for i in offer_ids if i in evaluator.by_id]
    return build_comparison(
        offers,
        display_currency=evaluator.display_currency,
        fx=evaluator.fx,
        fx_base=evaluator.fx_base,
        horizon=evaluator.horizon,
        baseline_id=baseline_id,
        figures_for=evaluator.figures,
        slots={offer_id: index for index, offer_id in enumerate(evaluator.ids)},
        stay=evaluator.stay() if stay else None,
        scenarios=evaluator.scenarios,
        scenarios_for=evaluator.scenario_results,
        after_tax_for=evaluator.after_tax if after_tax else None,
        scenario_after_tax_for=evaluator.scenario_after_tax if after_tax else None,
    )
