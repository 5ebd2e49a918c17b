"""Share-price scenarios: each offer's figures under every scenario, its horizon total against growth
(for a chart), and the break-even growth between two offers.

The rules are the spec's ("Scenarios (2)"): in a scenario every grant's share price changes by
`growth_pct` % a year (or by the offer's own entry); what vests in year n is valued at the stated
price × (1 + g/100)^(n−1) — an RSU amount times that factor, an option's vested options at
max(price × factor − strike, 0) each — and each grant's yearly amount is rounded to cents. Cash is
unchanged. The current job's figures (`equity_by_year`, as a broker shows them) are not scenario
figures: they stay as entered.

Break-even growth: the yearly growth g, the same for both offers (unless one is held at a growth of
its own), at which their horizon totals in the display currency are equal, to 0.1 percentage
point, searched in −90..200; None ("none") when one offer is ahead at every g in that range.

Everything is computed through `app.evaluation.Evaluator` (`scenario_results`, `growth_curve`,
`break_even`), which computes each figure once and shares it; this module holds the types, the
search and the sentence.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from app.compensation import OfferFigures, VestPiece, equity_under_growth
from app.frozen import quick_init
from app.money import ZERO

GROWTH_MIN = Decimal(-90)
GROWTH_MAX = Decimal(200)
TENTH = Decimal("0.1")
CURVE_FROM, CURVE_TO, CURVE_STEP = Decimal(-50), Decimal(50), Decimal(5)


@quick_init
@dataclass(frozen=True)
class ScenarioResult:
    """One offer under one scenario: the growth applied to it, its figures, its total in the display currency."""

    name: str
    growth_pct: Decimal  # the scenario's growth, or the offer's own entry in it
    figures: OfferFigures  # every year; only equity (and so the total) differs from as offered
    total_display: Decimal | None  # None: no rate for the offer's currency

    @property
    def total(self) -> Decimal:
        return self.figures.total


@quick_init
@dataclass(frozen=True)
class GrowthModel:
    """An offer's horizon total as a function of share-price growth, in the offer's currency."""

    offer_id: str
    currency: str
    horizon: int
    cash_total: Decimal  # everything but equity, over the horizon (unchanged by growth)
    pieces: tuple[VestPiece, ...]

    def total(self, growth_pct: Decimal) -> Decimal:
        equity = equity_under_growth(self.pieces, self.horizon, growth_pct)
        return self.cash_total + sum((amount for amount, _options in equity), ZERO)


def growth_model(figures: OfferFigures, pieces: Sequence[VestPiece]) -> GrowthModel:
    cash = sum((y.total - y.equity for y in figures.years), ZERO)
    return GrowthModel(figures.offer_id, figures.currency, figures.horizon, cash, tuple(pieces))


@quick_init
@dataclass(frozen=True)
class CurvePoint:
    """One point of the horizon total against growth: in the offer's currency and the display currency."""

    growth_pct: Decimal
    total: Decimal
    total_display: Decimal | None


def curve_growths(
    start: Decimal = CURVE_FROM, stop: Decimal = CURVE_TO, step: Decimal = CURVE_STEP
) -> tuple[Decimal, ...]:
    """start, start + step, … up to stop (inclusive), within −90..200."""
    if step <= 0:
        raise ValueError("the step must be more than 0")
    values, g = [], max(start, GROWTH_MIN)
    while g <= min(stop, GROWTH_MAX):
        values.append(g)
        g += step
    return tuple(values)


@quick_init
@dataclass(frozen=True)
class BreakEven:
    """Where two offers' horizon totals meet as share prices grow (display currency).

    `growth_pct` is None when they never meet in −90..200: then `ahead` is the offer ahead at every
    growth (None when they are equal everywhere). Otherwise `ahead_below` leads below the break-even
    and `ahead_above` above it. `comparable` is False when a rate is missing: nothing was computed.
    """

    offer_id: str
    other_id: str
    currency: str
    comparable: bool
    growth_pct: Decimal | None = None
    ahead_below: str | None = None
    ahead_above: str | None = None
    more_crossings: bool = False  # the lead changes more than once in −90..200 (only the first is given)
    held: Mapping[str, Decimal] = field(default_factory=dict)  # offers held at a growth of their own
    after_tax: bool = False  # the totals compared are after tax (`Evaluator.break_even(..., after_tax=True)`)
    reason: str | None = None  # why not comparable, when it isn't a missing rate (no after-tax estimate)

    @property
    def none(self) -> bool:
        """The spec's "none": one offer is ahead (or they are equal) at every growth in the range."""
        return self.comparable and self.growth_pct is None

    @property
    def ahead(self) -> str | None:
        """The offer ahead everywhere when there is no break-even."""
        return self.ahead_below if self.none else None


def _sign(value: Decimal) -> int:
    return (value > 0) - (value < 0)


def find_break_even(
    difference: Callable[[Decimal], Decimal | None],
    offer_id: str,
    other_id: str,
    currency: str,
    held: Mapping[str, Decimal] | None = None,
) -> BreakEven:
    """Search g in −90..200 where `difference(g)` (offer − other) changes sign, to 0.1 point.

    The range is scanned at every whole point, then the first bracket where the sign changes is
    narrowed down to tenths; of the two tenths around the crossing, the one where the totals are
    closer is the break-even.
    """
    held = dict(held or {})
    values: dict[int, Decimal] = {}  # tenths of a point from −90 (index 0) to 200 (index 2900)
    steps = int((GROWTH_MAX - GROWTH_MIN) / TENTH)

    def at(index: int) -> Decimal | None:
        if index not in values:
            found = difference(GROWTH_MIN + TENTH * index)
            if found is None:
                return None
            values[index] = found
        return values[index]

    def who(sign: int) -> str | None:
        return offer_id if sign > 0 else other_id if sign < 0 else None

    coarse = list(range(0, steps + 1, 10))
    signs = []
    for index in coarse:
        value = at(index)
        if value is None:
            return BreakEven(offer_id, other_id, currency, comparable=False, held=held)
        signs.append(_sign(value))
    nonzero = [s for s in signs if s]
    if not nonzero:
        return BreakEven(offer_id, other_id, currency, True, held=held)
    changes = [i for i in range(1, len(signs)) if signs[i] != signs[i - 1]]
    if all(s == nonzero[0] for s in signs):
        leader = who(nonzero[0])
        return BreakEven(offer_id, other_id, currency, True, ahead_below=leader, ahead_above=leader, held=held)
    first = changes[0]
    low, high = coarse[first - 1], coarse[first]
    start_sign = signs[first - 1]
    while high - low > 1:  # narrow the bracket down to one tenth of a point
        middle = (low + high) // 2
        value = at(middle)
        if value is None:  # comparable at every whole point, so never: but never a wrong answer either
            return BreakEven(offer_id, other_id, currency, comparable=False, held=held)
        if _sign(value) == start_sign:
            low = middle
        else:
            high = middle
    # equal up to `low` and apart from `high` on: they part at `low`; else the tenth where they are closer
    best = low
    low_value, high_value = values[low], values[high]  # both computed above: the bracket's ends
    if start_sign != 0 and abs(high_value) < abs(low_value):
        best = high
    below = next((s for s in reversed(signs[:first]) if s), None)
    above = next((s for s in signs[first:] if s), None)
    crossings = sum(1 for i in range(1, len(nonzero)) if nonzero[i] != nonzero[i - 1])
    growth = (GROWTH_MIN + TENTH * best).quantize(TENTH, rounding=ROUND_HALF_UP)
    return BreakEven(
        offer_id,
        other_id,
        currency,
        True,
        growth_pct=growth,
        ahead_below=who(below) if below is not None else None,
        ahead_above=who(above) if above is not None else None,
        more_crossings=crossings > 1,
        held=held,
    )


def _percent_words(value: Decimal) -> str:
    text = f"{value.normalize():f}" if value == value.to_integral_value() else f"{value:.2f}".rstrip("0")
    return f"{'+' if value > 0 else ''}{text} %".replace("-", "−")


def _growth_words(growth: Decimal) -> str:
    if growth >= 0:
        return f"grow more than {growth:.1f} % a year"
    return f"fall by less than {-growth:.1f} % a year"


def break_even_sentence(result: BreakEven, names: Mapping[str, str], horizon: int) -> str:
    """The break-even in one sentence, naming what is compared (the horizon totals, the same growth).

    "Kestrel Robotics beats Lumen Health over 4 years if share prices grow more than 23.4 % a year
    (the same growth for both); below that, Lumen Health is ahead."
    """
    a, b = names.get(result.offer_id, result.offer_id), names.get(result.other_id, result.other_id)
    span = f"over {horizon} years" if horizon > 1 else "in year 1"
    if result.after_tax:
        span += " after tax"
    if result.held:
        same = ", ".join(
            f"{names.get(offer_id, offer_id)}'s shares held at {_percent_words(growth)} a year"
            for offer_id, growth in result.held.items()
        )
    else:
        same = "the same growth for both"
    if not result.comparable:
        if result.reason:
            return f"{a} and {b} can't be compared after tax: {result.reason}."
        return f"{a} and {b} can't be compared under growth: an exchange rate is missing."
    if result.growth_pct is None:
        if result.ahead_below is None:
            return f"{a} and {b} pay the same {span} at every share-price growth from −90 % to +200 % a year."
        leader = names.get(result.ahead_below, result.ahead_below)
        trailer = b if result.ahead_below == result.offer_id else a
        return (
            f"{leader} is ahead of {trailer} {span} at every share-price growth from −90 % to +200 % a year "
            f"({same}): there is no break-even."
        )
    above = names.get(result.ahead_above or "", result.ahead_above or "")
    below = names.get(result.ahead_below or "", result.ahead_below or "")
    behind = b if result.ahead_above == result.offer_id else a
    sentence = f"{above} beats {behind} {span} if share prices {_growth_words(result.growth_pct)} ({same})"
    if below:
        sentence += f"; below that, {below} is ahead"
    if result.more_crossings:
        sentence += " (the lead changes more than once between −90 % and +200 %)"
    return sentence + "."
