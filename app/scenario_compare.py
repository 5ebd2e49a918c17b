"""Share-price scenarios as Compare shows them: each column's horizon total against growth (a chart's
data), and the break-even lines between the baseline and every other column — Stay included.

Pure data, built from an `app.evaluation.Evaluator` (which computes and caches every growth total)
and the `app.comparison.Comparison` on screen (which columns, which baseline, which letters). The
screen and, later, the brief paint and print the same objects.

Staying is not a scenario figure: the current job's equity is what the broker shows for each coming
year, so its total is the same at every growth (a flat line on the chart). The break-even between an
offer and staying is the growth of the offer's shares at which its horizon total reaches what
staying pays, to 0.1 point in −90..200, by the same search as between two offers.

After tax (`Comparison.after_tax`, issue 16): the same chart and lines from after-tax totals —
each offer's `Evaluator.growth_curve(..., after_tax=True)` (RSUs taxed at each growth's price),
staying flat at its after-tax total, the break-even by `Evaluator.break_even(..., after_tax=True)`.
A column without an estimate is left out of the chart and its line says why.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from decimal import ROUND_FLOOR, Decimal

from app.comparison import Column, Comparison
from app.compensation import CURRENT_JOB_ID
from app.evaluation import Evaluator
from app.money import ZERO, exact
from app.scenarios import CURVE_FROM, CURVE_STEP, CURVE_TO, BreakEven, curve_growths, find_break_even

X_TICK_STEP = Decimal(25)  # the growth axis is labelled every 25 points: −50 %, −25 %, 0 %, +25 %, +50 %


@dataclass(frozen=True)
class GrowthPoint:
    growth_pct: Decimal
    total: Decimal  # the horizon total in the display currency


@dataclass(frozen=True)
class GrowthLine:
    """One column of the comparison on the growth chart: its horizon total at each growth."""

    offer_id: str
    label: str  # the company (Stay: "Stay")
    name: str  # the company, also for Stay (the current job's name)
    slot: int  # the column's stable letter and colour
    is_stay: bool
    points: tuple[GrowthPoint, ...]


@dataclass(frozen=True)
class GrowthChart:
    """The horizon total of each compared column against share-price growth, in the display currency."""

    currency: str
    horizon: int
    lines: tuple[GrowthLine, ...]
    scenarios: tuple[tuple[str, Decimal], ...]  # (name, growth) of each scenario: marks on the growth axis
    left_out: tuple[str, ...]  # columns not charted for want of an exchange rate
    y_ticks: tuple[Decimal, ...]  # round values from below the lowest total to above the highest
    x_ticks: tuple[Decimal, ...]  # the growths the axis is labelled at
    start: Decimal
    stop: Decimal
    after_tax: bool = False  # every total is after the estimated tax
    no_estimate: tuple[str, ...] = ()  # after tax: columns not charted for want of an after-tax estimate


def nice_ticks_between(low: Decimal, high: Decimal, count: int = 5) -> tuple[Decimal, ...]:
    """Round axis values around low..high with a step of 1, 2, 2.5 or 5 × 10^k, about `count`
    intervals: the first tick is at or below `low`, the last at or above `high`."""
    if high < low:
        low, high = high, low
    if high == low:
        pad = abs(high) / 10 if high else Decimal(1)
        low, high = low - pad, high + pad
    with exact():
        raw = (high - low) / count
        magnitude = Decimal(10) ** raw.adjusted()
        step = next(
            m * magnitude
            for m in (Decimal(1), Decimal(2), Decimal("2.5"), Decimal(5), Decimal(10))
            if m * magnitude >= raw
        )
        value = (low / step).to_integral_value(rounding=ROUND_FLOOR) * step
        ticks = [value]
        while value < high:
            value += step
            ticks.append(value)
    return tuple(ticks)


def growth_chart(
    evaluator: Evaluator,
    comparison: Comparison,
    start: Decimal = CURVE_FROM,
    stop: Decimal = CURVE_TO,
    step: Decimal = CURVE_STEP,
) -> GrowthChart:
    """Each converted column's horizon total (display currency) at every growth from `start` to `stop`
    % a year, from `Evaluator.growth_curve`; Stay is flat at its total."""
    growths = curve_growths(start, stop, step)
    after_tax = comparison.after_tax
    lines: list[GrowthLine] = []
    left_out: list[str] = []
    no_estimate: list[str] = []
    for column in comparison.columns:
        points: list[GrowthPoint] | None
        if column.is_stay:
            total = _stay_total(evaluator, after_tax)
            points = None if total is None else [GrowthPoint(g, total) for g in growths]
        else:
            curve = evaluator.growth_curve(column.offer_id, start, stop, step, after_tax=after_tax)
            known = [GrowthPoint(p.growth_pct, p.total_display) for p in curve if p.total_display is not None]
            points = known if curve and len(known) == len(curve) else None
        name = column.label if not column.is_stay else f"Stay ({column.company})"
        if not column.converted or (points is None and not after_tax):
            left_out.append(name)
            continue
        if points is None:
            no_estimate.append(name)
            continue
        lines.append(
            GrowthLine(column.offer_id, column.label, column.company, column.slot, column.is_stay, tuple(points))
        )
    totals = [p.total for line in lines for p in line.points]
    y_ticks = nice_ticks_between(min(totals), max(totals)) if totals else (ZERO, Decimal(1))
    first, last = (growths[0], growths[-1]) if growths else (start, stop)
    x_ticks = tuple(g for g in growths if g % X_TICK_STEP == 0)
    return GrowthChart(
        currency=comparison.display_currency,
        horizon=comparison.horizon,
        after_tax=after_tax,
        lines=tuple(lines),
        scenarios=tuple((s.name, s.growth_pct) for s in evaluator.scenarios if first <= s.growth_pct <= last),
        left_out=tuple(left_out),
        no_estimate=tuple(no_estimate),
        y_ticks=y_ticks,
        x_ticks=x_ticks,
        start=first,
        stop=last,
    )


# --- break-even ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class BreakEvenLine:
    """The break-even between the baseline and one other column, and the sentence that says it."""

    baseline_id: str
    other_id: str
    result: BreakEven
    sentence: str


def _stay_total(evaluator: Evaluator, after_tax: bool) -> Decimal | None:
    """What staying pays over the horizon in the display currency (after tax: None without an estimate)."""
    stay = evaluator.stay()
    if stay is None:
        return None
    if not after_tax:
        return stay.total_display
    taxes = stay.after_tax
    total = taxes.total_after_tax if taxes is not None else None
    return None if total is None else evaluator.convert(total, stay.job.currency)


def stay_break_even(evaluator: Evaluator, offer_id: str, *, after_tax: bool = False) -> BreakEven:
    """The growth of `offer_id`'s shares at which its horizon total equals what staying pays (display
    currency); staying's total does not change with growth. `after_tax`: both totals after tax; not
    comparable, with the reason, when either has no estimate."""
    stay = evaluator.stay()
    currency = evaluator.display_currency
    if stay is None:
        raise ValueError("there is no current job to compare with")
    offer = evaluator.by_id[offer_id]
    if after_tax:
        missing = [
            f"{name}: {taxes.flag}"
            for name, taxes in (
                (offer.company, evaluator.after_tax(offer_id)),
                (f"staying at {stay.job.company}", stay.after_tax),
            )
            if taxes is not None and not taxes.available
        ]
        if missing:
            return BreakEven(offer_id, CURRENT_JOB_ID, currency, False, after_tax=True, reason="; ".join(missing))
    staying = _stay_total(evaluator, after_tax)

    def difference(growth: Decimal) -> Decimal | None:
        amount = (
            evaluator.after_tax_total_at(offer_id, growth) if after_tax else evaluator.growth_total(offer_id, growth)
        )
        total = None if amount is None else evaluator.convert(amount, offer.currency)
        return None if total is None or staying is None else total - staying

    result = find_break_even(difference, offer_id, CURRENT_JOB_ID, currency)
    return replace(result, after_tax=True) if after_tax else result


def _growth_words(growth: Decimal) -> str:
    if growth >= 0:
        return f"grow more than {growth:.1f} % a year"
    return f"fall by less than {-growth:.1f} % a year"


def stay_break_even_sentence(result: BreakEven, company: str, job: str, horizon: int) -> str:
    """The break-even between an offer and staying, in one sentence (staying's equity is as the
    broker shows it: `STAY_GROWTH_NOTE` says so once, beside the sentences).

    "Kestrel Robotics beats staying at Harbor Freight Systems over 4 years if its shares grow more
    than 32.9 % a year; below that, staying is ahead."
    """
    span = f"over {horizon} years" if horizon > 1 else "in year 1"
    if result.after_tax:
        span += " after tax"
    staying = f"staying at {job}"
    if not result.comparable:
        if result.reason:
            return f"{company} and {staying} can't be compared after tax: {result.reason}."
        return f"{company} and {staying} can't be compared under growth: an exchange rate is missing."
    if result.growth_pct is None:
        whatever = f"whatever {company}'s shares do (−90 % to +200 % a year): there is no break-even"
        if result.ahead_below is None:
            return f"{company} and {staying} pay the same {span}, {whatever}."
        if result.ahead_below == CURRENT_JOB_ID:
            return f"Staying at {job} pays more than {company} {span}, {whatever}."
        return f"{company} pays more than {staying} {span}, {whatever}."
    words = _growth_words(result.growth_pct)
    if result.ahead_above == CURRENT_JOB_ID:  # never with shares worth more as they grow; said plainly all the same
        sentence = f"Staying at {job} beats {company} {span} if {company}'s shares {words}"
        return sentence + (f"; below that, {company} is ahead." if result.ahead_below else ".")
    sentence = f"{company} beats {staying} {span} if its shares {words}"
    return sentence + ("; below that, staying is ahead." if result.ahead_below else ".")


STAY_GROWTH_NOTE = "Staying counts your current equity as your broker shows it: growth doesn't change it."


def break_even_lines(evaluator: Evaluator, comparison: Comparison) -> tuple[BreakEvenLine, ...]:
    """The break-even between the comparison's baseline and each other converted column, in column order."""
    baseline = comparison.baseline
    if baseline is None:
        return ()
    lines = []
    for column in comparison.columns:
        if column is baseline or not column.converted:
            continue
        lines.append(_line(evaluator, comparison, baseline, column))
    return tuple(lines)


def _line(evaluator: Evaluator, comparison: Comparison, baseline: Column, other: Column) -> BreakEvenLine:
    after_tax = comparison.after_tax
    if baseline.is_stay or other.is_stay:
        offer = other if baseline.is_stay else baseline
        stay = baseline if baseline.is_stay else other
        result = stay_break_even(evaluator, offer.offer_id, after_tax=after_tax)
        sentence = stay_break_even_sentence(result, offer.company, stay.company, comparison.horizon)
    else:
        result = evaluator.break_even(other.offer_id, baseline.offer_id, after_tax=after_tax)
        sentence = evaluator.break_even_sentence(other.offer_id, baseline.offer_id, after_tax=after_tax)
    return BreakEvenLine(baseline.offer_id, other.offer_id, result, sentence)


def scenario_growths(evaluator: Evaluator, offer_ids: Sequence[str]) -> dict[tuple[str, str], Decimal]:
    """(offer id, scenario name) → the growth applied to that offer in that scenario, where it is the
    offer's own entry rather than the scenario's (the table marks those cells)."""
    own: dict[tuple[str, str], Decimal] = {}
    for offer_id in offer_ids:
        if offer_id not in evaluator.by_id:
            continue
        for scenario in evaluator.scenarios:
            if offer_id in scenario.offers:
                own[(offer_id, scenario.name)] = scenario.offers[offer_id]
    return own
