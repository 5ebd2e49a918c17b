"""Everything the app knows about a set of offers: figures, scenarios, position, stretch, levers, the
current job — computed in one place, once each, and shared.

The command line, the screens and the brief all read these results, so every number has one source.
`Evaluator` computes lazily and caches, so a list of thousands of offers only pays for what it shows,
and a figure asked for by the rating, the stretch, the levers, the comparison and the output is
computed once. The API the ui, the brief and the advice use:

- `figures(id)` → `OfferFigures` (the spec's years); `year_one_display(id)`, `convert(amount, currency)`
- `scenario_results(id)` → one `ScenarioResult` per scenario (figures, total, total in display);
  `scenario_range(id)` → (lowest, highest) horizon total in the display currency
- `growth_curve(id, start, stop, step)` → `CurvePoint`s of the horizon total against growth (charts)
- `break_even(a, b, hold=None)` → `BreakEven`; `break_even_sentence(a, b)` → the sentence to show
- `stay()` → `StayEvaluation` of the current job (years, total, leaving cost), or None
- `leaving_cost(currency)` → the current job's leaving cost in that currency (None: no job, or no rate)
- `options(id)` → `OptionDetails` of every option grant (ownership, exercise cost, spreads, window)
- after tax (`app.after_tax`, which documents the decisions): `after_tax(id)` → `AfterTax` (per year
  `tax`/`after_tax`, label, what is not taxed, assumptions, currency conversion, or a flag saying
  why there is none); `taxes(id)` → its `YearTax`s; `stay_after_tax()`; `scenario_after_tax(id)`;
  `after_tax_at_growth(id, g)`; `growth_curve(..., after_tax=True)`; `break_even(..., after_tax=True)`;
  `ask_after_tax(id, year, **changes)`, `raise_after_tax(id, amount, year)`, `pocket_change(id,
  changed_offer, year)` and `extra_pay_after_tax(id, amount, year)` → `PocketChange` (what a change
  leaves in your pocket, for the levers: `app.after_tax.pocket_sentence`)
- `evaluate(id)` → `OfferEvaluation` with all of the above for one offer; `evaluate_all()`
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date
from decimal import Decimal
from typing import Any

from app.after_tax import (
    AfterTax,
    PocketChange,
    TaxBasis,
    YearTax,
    figures_after_tax,
    pocket_difference,
    pocket_difference_in_year,
    tax_on,
)
from app.compensation import (
    OfferFigures,
    VestPiece,
    current_job_figures,
    equity_under_growth,
    figures,
    scenario_figures,
    vest_pieces,
    year_by_year,
)
from app.frozen import quick_init
from app.levers import Advice, Lever, advise, with_base_pocket
from app.models import MONEY_MAX, CurrentJob, Offer, OfferFile, Scenario, Settings, TaxSettings
from app.money import ZERO, Rates, round_cents
from app.options import OptionDetails, offer_options
from app.package import Staying, Talks
from app.position import Alternative, Position, rate_position
from app.rubric import DEFAULT_RUBRIC, Rubric
from app.scenarios import (
    CURVE_FROM,
    CURVE_STEP,
    CURVE_TO,
    BreakEven,
    CurvePoint,
    GrowthModel,
    ScenarioResult,
    break_even_sentence,
    curve_growths,
    find_break_even,
    growth_model,
)
from app.stretch import Stretch, compute_stretch, derived
from app.summary import OfferRow, offer_in_hand

DROP_YEARS = 5  # the stretch looks for drops in pay over at least five years


@quick_init
@dataclass(frozen=True)
class OfferEvaluation:
    offer: Offer
    figures: OfferFigures
    display_currency: str
    total_display: Decimal | None  # None: no rate for the offer's currency (shown in its own, flagged)
    year_one_display: Decimal | None
    position: Position
    stretch: Stretch
    advice: Advice

    @property
    def levers(self) -> tuple[Lever, ...]:
        return self.advice.levers
    scenarios: tuple[ScenarioResult, ...] = ()  # one per scenario of the settings, in their order
    options: tuple[OptionDetails, ...] = ()  # one per option grant
    taxes: tuple[YearTax, ...] = ()  # one per year; tax None without a supported region (= after_tax.years)
    after_tax: AfterTax | None = None  # the after-tax figures with their label, notes or flag
    # what leaving the current job costs (forfeit + repay), shown next to year 1; None: no current job
    # (or no rate between its currency and this one)
    leaving_cost: Decimal | None = None  # in the offer's currency
    leaving_cost_display: Decimal | None = None  # in the display currency

    @property
    def year_one_after_leaving(self) -> Decimal | None:
        """Year 1 minus what leaving the current job costs, in the offer's currency."""
        return year_one_after_leaving(self.figures.year_one, self.leaving_cost)


def year_one_after_leaving(year_one: Decimal, leaving_cost: Decimal | None) -> Decimal | None:
    """Year 1 minus what leaving the current job costs (both in the offer's currency); None without
    a leaving cost. The editor's live summary uses it for figures not saved yet."""
    if leaving_cost is None:
        return None
    return year_one - leaving_cost


@quick_init
@dataclass(frozen=True)
class StayEvaluation:
    """The current job as the "stay" column: what staying pays, and what leaving costs."""

    job: CurrentJob
    figures: OfferFigures  # sign_on and one_time are 0; offer_id is CURRENT_JOB_ID
    display_currency: str
    total_display: Decimal | None
    year_one_display: Decimal | None
    leaving_cost: Decimal  # forfeit + repay, in the job's currency
    forfeit: Decimal
    repay: Decimal
    leaving_cost_display: Decimal | None
    taxes: tuple[YearTax, ...]
    after_tax: AfterTax | None = None


def is_offer_in_hand(offer: Offer) -> bool:
    """An offer the user holds (made, not declined or withdrawn): it counts as an alternative."""
    return offer_in_hand(offer.stage, [e.kind for e in offer.timeline])


class OffersOnDemand(Mapping[str, Offer]):
    """The offers of a list of rows by id, each built by `load` when asked for (the window's
    `Workspace.offer`, whose cache decides how long a built offer lives); listing the ids and `in`
    build none."""

    __slots__ = ("_load", "_rows")

    def __init__(self, rows: Mapping[str, OfferRow], load: Callable[[str], Offer]):
        self._rows = rows
        self._load = load

    def __getitem__(self, offer_id: str) -> Offer:
        if offer_id not in self._rows:
            raise KeyError(offer_id)
        return self._load(offer_id)

    def __contains__(self, offer_id: object) -> bool:
        return offer_id in self._rows

    def __iter__(self) -> Iterator[str]:
        return iter(self._rows)

    def __len__(self) -> int:
        return len(self._rows)


class Evaluator:
    """Evaluates offers against each other (the alternatives the user holds), lazily and once each."""

    def __init__(
        self,
        offers: Sequence[Offer] = (),
        *,
        as_of: date,
        display_currency: str,
        fx: Mapping[str, Decimal],
        horizon: int,
        rubric: Rubric = DEFAULT_RUBRIC,
        previous: Evaluator | None = None,
        fx_base: str | None = None,
        fx_as_of: date | None = None,
        scenarios: Sequence[Scenario] = (),
        current_job: CurrentJob | None = None,
        tax: TaxSettings | None = None,
        year_one: Mapping[str, Decimal] | None = None,
        rows: Sequence[OfferRow] | None = None,
        load: Callable[[str], Offer] | None = None,
    ):
        """`previous`: the evaluator before a change; what it computed for unchanged offers is reused.

        `year_one`: year-1 totals already known (the store's list summaries, equal to the figures), so
        ranking the alternatives at start-up doesn't compute every offer's figures.

        `rows` and `load`, in place of `offers` (the window): each offer's list row (`app.summary.
        OfferRow`, with its stored year-1 total), and how to build the full offer of an id when a figure,
        a rating or advice needs it. The list, the alternatives and `ids` come from the rows alone.

        `fx_base`: the currency the `fx` rates are quoted in (default: the display currency, as in
        format 1).
        """
        # what each offer is listed as: its row, or the offer itself; the identity of this entry is the
        # offer's version (a change replaces it), so `previous` reuses only what was computed for it
        self.rows: dict[str, OfferRow | Offer]
        self.by_id: Mapping[str, Offer]
        if rows is None:
            self.rows = {offer.id: offer for offer in offers}
            self.by_id = self.rows  # type: ignore[assignment]  # (the offers are their own rows)
        else:
            assert load is not None, "rows come with a way to load their offers"
            listed = {row.id: row for row in rows}
            self.rows = listed  # type: ignore[assignment]
            self.by_id = OffersOnDemand(listed, load)
            year_one = {row.id: row.year_one for row in rows if row.year_one is not None}
        self.ids = list(self.rows)
        self.as_of = as_of
        self.display_currency = display_currency
        self.fx = dict(fx)
        self.fx_base = fx_base or display_currency
        self.rates = Rates(self.fx_base, self.fx, fx_as_of)
        self.horizon = horizon
        self.rubric = rubric
        self.scenarios = tuple(scenarios)
        self.current_job = current_job
        self.tax = tax
        self.tax_basis = TaxBasis.of(tax, as_of, self.rates)
        self._after_tax: dict[str, tuple[Offer, AfterTax]] = {}
        self._scenario_after_tax: dict[str, tuple[AfterTax, ...]] = {}
        self._growth_after_tax: dict[tuple[str, Decimal], Decimal | None] = {}
        self._figures: dict[str, tuple[Offer, OfferFigures]] = {}
        self._long_figures: dict[str, tuple[Offer, OfferFigures]] = {}
        self._pieces: dict[str, tuple[Offer, tuple[VestPiece, ...]]] = {}
        self._growth_totals: dict[tuple[str, Decimal], Decimal] = {}
        self._scenario_results: dict[str, tuple[ScenarioResult, ...]] = {}
        self._break_evens: dict[tuple[str, str, tuple[tuple[str, Decimal], ...], bool], BreakEven] = {}
        self._stay: StayEvaluation | None = None
        self._alternatives: list[Alternative] | None = None
        self._converted: list[Alternative] = []
        self._by_currency: dict[str, list[Alternative]] | None = None
        self._year_one_display: dict[str, Decimal | None] = {}
        self._known_year_one = year_one or {}
        self._positions: dict[str, Position] = {}
        self._evaluations: dict[str, OfferEvaluation] = {}
        # what depends on an offer's currency only (the file's rates, the current job, the top offers)
        self._fx_notes: dict[str, str] = {}
        self._staying: dict[str, Staying | None] = {}
        self._leaving_costs: dict[str, Decimal | None] = {}
        self._previous = previous
        if previous is not None:
            # figures depend only on the offer and the horizon: keep those of offers that did not change
            # (the same row: the same version of the offer; nothing is built to find out)
            def unchanged(offer_id: str) -> bool:
                return self.rows.get(offer_id) is previous.rows.get(offer_id)

            for offer_id, (offer, fig) in previous._figures.items():
                if unchanged(offer_id) and fig.horizon == horizon:
                    self._figures[offer_id] = (offer, fig)
            for offer_id, (offer, fig) in previous._long_figures.items():
                if unchanged(offer_id) and fig.horizon == max(horizon, DROP_YEARS):
                    self._long_figures[offer_id] = (offer, fig)
            for offer_id, (offer, pieces) in previous._pieces.items():
                if unchanged(offer_id) and previous.horizon == horizon:
                    self._pieces[offer_id] = (offer, pieces)
            if previous.tax_basis == self.tax_basis and previous.horizon == horizon:
                for offer_id, (offer, taxes) in previous._after_tax.items():
                    if unchanged(offer_id):
                        self._after_tax[offer_id] = (offer, taxes)
                # the after-tax totals against growth (the break-even search's): an unchanged offer's
                for (offer_id, growth), total in previous._growth_after_tax.items():
                    if offer_id in self._after_tax:
                        self._growth_after_tax[(offer_id, growth)] = total

    @classmethod
    def for_settings(
        cls,
        offers: Sequence[Offer],
        settings: Settings,
        *,
        as_of: date,
        rubric: Rubric | None = None,
        previous: Evaluator | None = None,
        year_one: Mapping[str, Decimal] | None = None,
        rows: Sequence[OfferRow] | None = None,
        load: Callable[[str], Offer] | None = None,
    ) -> Evaluator:
        """An evaluator with every file-level part of `settings` (rates, scenarios, current job, tax)."""
        return cls(
            offers,
            as_of=as_of,
            display_currency=settings.display_currency,
            fx=settings.fx,
            horizon=settings.horizon_years,
            rubric=rubric if rubric is not None else settings.active_rubric,
            previous=previous,
            fx_base=settings.base_currency,
            fx_as_of=settings.fx_as_of,
            scenarios=settings.scenarios,
            current_job=settings.current_job,
            tax=settings.tax,
            year_one=year_one,
            rows=rows,
            load=load,
        )

    def _reusable_position(self, offer_id: str) -> Position | None:
        """The previous evaluator's rating, when nothing it depends on has changed."""
        previous = self._previous
        if previous is None:
            return None
        position = previous._positions.get(offer_id)
        if (
            position is None
            or previous.rows.get(offer_id) is not self.rows[offer_id]
            or previous.rubric is not self.rubric
            or (previous.as_of, previous.display_currency, previous.rates)
            != (self.as_of, self.display_currency, self.rates)
            or previous.top_alternatives() != self.top_alternatives()
        ):
            return None
        return position

    # --- figures ---------------------------------------------------------------------------------

    def figures(self, offer_id: str) -> OfferFigures:
        """The offer's year-by-year figures over the horizon, in its own currency (computed once: the
        first years of `long_figures`, as a year's figures depend on nothing later)."""
        cached = self._figures.get(offer_id)
        if cached is None:
            offer = self.by_id[offer_id]
            longer = self.long_figures(offer_id)
            fig = longer if longer.horizon == self.horizon else OfferFigures(
                offer_id=longer.offer_id, currency=longer.currency, years=longer.years[: self.horizon]
            )
            cached = (offer, fig)
            self._figures[offer_id] = cached
        return cached[1]

    def long_figures(self, offer_id: str) -> OfferFigures:
        """The figures over max(horizon, 5) years, where the stretch looks for drops in pay."""
        cached = self._long_figures.get(offer_id)
        if cached is None:
            offer = self.by_id[offer_id]
            cached = (offer, figures(offer, max(self.horizon, DROP_YEARS)))
            self._long_figures[offer_id] = cached
        return cached[1]

    def convert(self, amount: Decimal, currency: str) -> Decimal | None:
        """`amount` in the display currency (None: a rate is missing; never mixed in)."""
        return self.rates.convert(amount, currency, self.display_currency)

    def year_one(self, offer_id: str) -> Decimal:
        """The offer's year-1 total in its own currency: the stored one when known, else its figures'."""
        known = self._known_year_one.get(offer_id)
        return known if known is not None else self.figures(offer_id).year_one

    def year_one_display(self, offer_id: str) -> Decimal | None:
        if offer_id not in self._year_one_display:
            self._year_one_display[offer_id] = self.convert(self.year_one(offer_id), self.rows[offer_id].currency)
        return self._year_one_display[offer_id]

    # --- scenarios -------------------------------------------------------------------------------

    def vest_pieces(self, offer_id: str) -> tuple[VestPiece, ...]:
        cached = self._pieces.get(offer_id)
        if cached is None:
            offer = self.by_id[offer_id]
            cached = (offer, vest_pieces(offer, self.horizon))
            self._pieces[offer_id] = cached
        return cached[1]

    def growth_model(self, offer_id: str) -> GrowthModel:
        return growth_model(self.figures(offer_id), self.vest_pieces(offer_id))

    def growth_total(self, offer_id: str, growth_pct: Decimal) -> Decimal:
        """The horizon total if share prices grow `growth_pct` % a year, in the offer's currency."""
        key = (offer_id, growth_pct)
        total = self._growth_totals.get(key)
        if total is None:
            total = self.growth_model(offer_id).total(growth_pct)
            self._growth_totals[key] = total
        return total

    def scenario_results(self, offer_id: str) -> tuple[ScenarioResult, ...]:
        """The offer under every scenario of the settings, in their order (empty without scenarios)."""
        results = self._scenario_results.get(offer_id)
        if results is None:
            offer, fig, pieces = self.by_id[offer_id], self.figures(offer_id), self.vest_pieces(offer_id)
            found = []
            for scenario in self.scenarios:
                growth = scenario.growth_for(offer_id)
                under = scenario_figures(offer, fig, growth, pieces)
                self._growth_totals.setdefault((offer_id, growth), under.total)
                found.append(ScenarioResult(scenario.name, growth, under, self.convert(under.total, offer.currency)))
            results = tuple(found)
            self._scenario_results[offer_id] = results
        return results

    def scenario_range(self, offer_id: str) -> tuple[Decimal, Decimal] | None:
        """(lowest, highest) horizon total over the scenarios, in the display currency; None without
        scenarios or without a rate."""
        totals = [r.total_display for r in self.scenario_results(offer_id)]
        if not totals or any(t is None for t in totals):
            return None
        values = [t for t in totals if t is not None]
        return min(values), max(values)

    def growth_curve(
        self,
        offer_id: str,
        start: Decimal = CURVE_FROM,
        stop: Decimal = CURVE_TO,
        step: Decimal = CURVE_STEP,
        *,
        after_tax: bool = False,
    ) -> tuple[CurvePoint, ...]:
        """The horizon total against share-price growth from `start` to `stop` % a year (a chart's data).

        `after_tax`: the horizon total after tax at each growth; no points at all when the offer has
        no after-tax estimate (`after_tax(id).flag` says why).
        """
        currency = self.by_id[offer_id].currency
        if after_tax and not self.after_tax(offer_id).available:
            return ()
        points = []
        for growth in curve_growths(start, stop, step):
            total = self.after_tax_total_at(offer_id, growth) if after_tax else self.growth_total(offer_id, growth)
            assert total is not None  # an offer with an estimate has one at every growth
            points.append(CurvePoint(growth, total, self.convert(total, currency)))
        return tuple(points)

    def break_even(
        self, offer_id: str, other_id: str, hold: Mapping[str, Decimal] | None = None, *, after_tax: bool = False
    ) -> BreakEven:
        """The growth at which the two offers' horizon totals (display currency) are equal.

        The same growth for both, unless `hold` fixes one offer's growth (e.g. a scenario's own entry
        for it); then only the other's growth is searched. `after_tax`: the totals after tax (RSUs
        taxed at each growth's price); not comparable, with the reason, when either offer has no
        after-tax estimate.
        """
        held = tuple(sorted((hold or {}).items()))
        key = (offer_id, other_id, held, after_tax)
        result = self._break_evens.get(key)
        if result is None:
            fixed = dict(held)
            a, b = self.by_id[offer_id], self.by_id[other_id]
            checked = (self.after_tax(offer_id), self.after_tax(other_id)) if after_tax else ()
            missing = [t for t in checked if not t.available]
            if missing:
                reason = "; ".join(f"{self.by_id[t.offer_id].company}: {t.flag}" for t in missing)
                result = BreakEven(
                    offer_id, other_id, self.display_currency, False, held=fixed, after_tax=True, reason=reason
                )
                self._break_evens[key] = result
                return result

            def total(offer: Offer, growth: Decimal) -> Decimal | None:
                at = fixed.get(offer.id, growth)
                amount = self.after_tax_total_at(offer.id, at) if after_tax else self.growth_total(offer.id, at)
                return None if amount is None else self.convert(amount, offer.currency)

            def difference(growth: Decimal) -> Decimal | None:
                first, second = total(a, growth), total(b, growth)
                return None if first is None or second is None else first - second

            result = find_break_even(difference, offer_id, other_id, self.display_currency, fixed)
            if after_tax:
                result = replace(result, after_tax=True)
            self._break_evens[key] = result
        return result

    def break_even_sentence(
        self, offer_id: str, other_id: str, hold: Mapping[str, Decimal] | None = None, *, after_tax: bool = False
    ) -> str:
        names = {o.id: o.company for o in (self.by_id[offer_id], self.by_id[other_id])}
        return break_even_sentence(self.break_even(offer_id, other_id, hold, after_tax=after_tax), names, self.horizon)

    # --- the current job -------------------------------------------------------------------------

    def stay(self) -> StayEvaluation | None:
        """The current job's figures and leaving cost (None without a current job)."""
        job = self.current_job
        if job is None:
            return None
        if self._stay is None:
            fig = current_job_figures(job, self.horizon)
            stay_taxes = figures_after_tax(fig, job.tax_region, self.tax_basis)
            self._stay = StayEvaluation(
                job=job,
                figures=fig,
                display_currency=self.display_currency,
                total_display=self.convert(fig.total, job.currency),
                year_one_display=self.convert(fig.year_one, job.currency),
                leaving_cost=job.leaving_cost,
                forfeit=job.forfeit,
                repay=job.repay,
                leaving_cost_display=self.convert(job.leaving_cost, job.currency),
                taxes=stay_taxes.years,
                after_tax=stay_taxes,
            )
        return self._stay

    def stay_after_tax(self) -> AfterTax | None:
        """The current job after tax (its `equity_by_year` taxed as RSUs vesting); None without one."""
        stay = self.stay()
        return stay.after_tax if stay is not None else None

    def leaving_cost(self, currency: str) -> Decimal | None:
        """What leaving the current job costs, in `currency` (None: no current job, or no rate)."""
        job = self.current_job
        if job is None:
            return None
        if currency not in self._leaving_costs:
            self._leaving_costs[currency] = self.rates.convert(job.leaving_cost, job.currency, currency)
        return self._leaving_costs[currency]

    # --- options and tax -------------------------------------------------------------------------

    def options(self, offer_id: str) -> tuple[OptionDetails, ...]:
        return offer_options(self.by_id[offer_id])

    def after_tax(self, offer_id: str) -> AfterTax:
        """The offer's year figures after tax, at the stated prices (computed once)."""
        cached = self._after_tax.get(offer_id)
        if cached is None:
            offer = self.by_id[offer_id]
            cached = (offer, figures_after_tax(self.figures(offer_id), offer.tax_region, self.tax_basis))
            self._after_tax[offer_id] = cached
        return cached[1]

    def taxes(self, offer_id: str) -> tuple[YearTax, ...]:
        """Each year's tax and after-tax pay (None in every year without a supported region)."""
        return self.after_tax(offer_id).years

    def scenario_after_tax(self, offer_id: str) -> tuple[AfterTax, ...]:
        """The offer after tax under every scenario, in their order (RSUs taxed at the scenario's price)."""
        results = self._scenario_after_tax.get(offer_id)
        if results is None:
            region, basis = self.by_id[offer_id].tax_region, self.tax_basis
            results = tuple(figures_after_tax(s.figures, region, basis) for s in self.scenario_results(offer_id))
            self._scenario_after_tax[offer_id] = results
        return results

    def after_tax_at_growth(self, offer_id: str, growth_pct: Decimal) -> AfterTax:
        """The offer after tax if share prices grow `growth_pct` % a year."""
        offer = self.by_id[offer_id]
        under = scenario_figures(offer, self.figures(offer_id), growth_pct, self.vest_pieces(offer_id))
        return figures_after_tax(under, offer.tax_region, self.tax_basis)

    def after_tax_total_at(self, offer_id: str, growth_pct: Decimal) -> Decimal | None:
        """The horizon total after tax at `growth_pct` % a year, in the offer's currency (cached)."""
        key = (offer_id, growth_pct)
        if key not in self._growth_after_tax:
            offered = self.after_tax(offer_id)
            pieces = self.vest_pieces(offer_id)
            if not offered.available or not growth_pct or not pieces:
                self._growth_after_tax[key] = offered.total_after_tax
            else:
                # each year's taxed pay at this growth (RSUs at the grown price), without building figures
                total = ZERO
                fig = self.figures(offer_id)
                for y, (equity, options) in zip(
                    fig.years, equity_under_growth(pieces, self.horizon, growth_pct), strict=True
                ):
                    taxed = y.taxable - (y.equity - y.equity_options) + (equity - options)
                    tax = tax_on(offered, taxed, self.tax_basis)
                    assert tax is not None  # the offer has an estimate
                    total += y.total - y.equity + equity - tax
                self._growth_after_tax[key] = total
        return self._growth_after_tax[key]

    # --- what a change leaves in your pocket (the levers) -------------------------------------------

    def pocket_change(self, offer_id: str, changed: Offer, year: int = 1) -> PocketChange | None:
        """What `changed` (the offer with an ask granted, e.g. from `app.whatif`) leaves after tax in
        `year` compared with the offer as it is: the engine's exact difference at the offer's own pay
        (so a higher base also counts the bonus that follows it). None without an estimate."""
        offer = self.by_id[offer_id]
        before_fig = self.figures(offer_id)
        if changed.currency != offer.currency or not 1 <= year <= self.horizon:
            after_fig = figures(changed, self.horizon)
            after = figures_after_tax(replace(after_fig, offer_id=offer_id), offer.tax_region, self.tax_basis)
            return pocket_difference(self.after_tax(offer_id), after, before_fig, after_fig, year)
        # only `year` of the changed offer is read: its first years, the parts the change leaves alone
        # taken from the offer's figures, and one estimate of that year's taxed pay
        year_after = year_by_year(changed, year, (offer, before_fig))[year - 1]
        return pocket_difference_in_year(self.after_tax(offer_id), before_fig, year_after, self.tax_basis)

    def ask_after_tax(self, offer_id: str, year: int = 1, **changes: Any) -> PocketChange | None:
        """What granting an ask leaves in your pocket in `year`: the offer with `changes` (its fields
        as in an offer file, validated like any other) against the offer as it is. For the levers:

            change = ev.ask_after_tax("quarry", base_salary=Decimal(160000))   # asked 150,000 → 160,000
            pocket_sentence(change, "base")
            # "+$10,000 base is +$5,785 a year in your pocket in California"
            ev.ask_after_tax("quarry", sign_on=[Decimal(20000)])                # a one-off, year 1

        None when the offer has no estimate (no region, no rules, no rate: `after_tax(id).flag` says
        which). Raises pydantic's ValidationError when the changes make an invalid offer.
        """
        offer = self.by_id[offer_id]
        changed = Offer.model_validate(offer.model_dump() | changes)
        return self.pocket_change(offer_id, changed, year)

    def raise_after_tax(self, offer_id: str, amount: Decimal, year: int = 1) -> PocketChange | None:
        """`amount` more base salary a year (negative: less), after tax in `year`, a bonus set as a
        percent of base rising with it: `ev.raise_after_tax("quarry", Decimal(10000))`."""
        offer = self.by_id[offer_id]
        base = offer.base_salary + amount
        if 0 <= base <= MONEY_MAX and base == round_cents(base):
            # a valid amount (what the model checks of a base): the offer seen with it (`derived`), not dumped and
            # validated whole again (the levers ask this for every offer with a base ask)
            change = self.pocket_change(offer_id, derived(offer, base_salary=base), year)
        else:
            change = self.ask_after_tax(offer_id, year, base_salary=base)  # the model's error, as before
        return replace(change, asked=amount) if change is not None else None

    def extra_pay_after_tax(self, offer_id: str, amount: Decimal, year: int = 1) -> PocketChange | None:
        """What `amount` more taxed cash in `year` (in the offer's currency) leaves after tax: the
        engine's exact difference at the offer's pay that year. None without an estimate."""
        before_fig = self.figures(offer_id)
        if not 1 <= year <= before_fig.horizon:
            return None
        before = before_fig.years[year - 1]
        year_after = replace(before, one_time=before.one_time + amount)
        return pocket_difference_in_year(self.after_tax(offer_id), before_fig, year_after, self.tax_basis)

    # --- the rating and the levers ---------------------------------------------------------------

    def alternatives(self) -> list[Alternative]:
        if self._alternatives is None:
            self._alternatives = []
            for offer in self.rows.values():  # the rows: no offer built to rank them
                if not _in_hand(offer):
                    continue
                year_one = self.year_one_display(offer.id)
                own = self.year_one(offer.id)  # the stored total when known: no figures computed to rank
                self._alternatives.append(
                    Alternative(
                        offer.id,
                        offer.company,
                        year_one if year_one is not None else own,
                        self.display_currency if year_one is not None else offer.currency,
                        offer.currency,
                        own,
                        offer.deadline if isinstance(offer, OfferRow) else offer.signals.deadline,
                    )
                )
            self._alternatives.sort(key=lambda a: a.year_one, reverse=True)
            self._converted = [a for a in self._alternatives if a.currency == self.display_currency]
        return self._converted

    def alternatives_in(self, currency: str) -> list[Alternative]:
        """The two best-paying offers in hand in one currency (like for like), by their own year 1."""
        if self._by_currency is None:
            self.alternatives()
            assert self._alternatives is not None
            groups: dict[str, list[Alternative]] = {}
            for a in sorted(self._alternatives, key=lambda a: a.offer_year_one or 0, reverse=True):
                group = groups.setdefault(a.offer_currency, [])
                if len(group) < 2:
                    group.append(a)
            self._by_currency = groups
        return self._by_currency.get(currency, [])

    def alternatives_for(self, offer: Offer) -> list[Alternative]:
        """What the rating and the levers compare an offer with: the best two in the display currency,
        and the best two in the offer's own currency (linear in the number of offers, not n²)."""
        top = self.top_alternatives()
        own = [a for a in self.alternatives_in(offer.currency) if a not in top]
        return top + own

    def top_alternatives(self) -> list[Alternative]:
        """The two best-paying offers in hand: the rating and the levers only ever cite the best other
        one (the top one may be the offer itself), which keeps evaluating n offers linear, not n²."""
        return self.alternatives()[:2]

    def position(self, offer_id: str) -> Position:
        position = self._positions.get(offer_id) or self._reusable_position(offer_id)
        if position is not None:
            self._positions[offer_id] = position
        else:
            offer = self.by_id[offer_id]
            position = rate_position(
                offer,
                self.as_of,
                self.rubric,
                self.top_alternatives(),
                self.year_one_display(offer_id),
                own_year_one=self.year_one(offer_id),
            )
            self._positions[offer_id] = position
        return position

    def fx_note(self, currency: str) -> str:
        """The rates a comparison with an offer in `currency` goes through, named ("1 EUR = 1.08 USD")."""
        note = self._fx_notes.get(currency)
        if note is None:
            note = self._fx_notes[currency] = self._fx_note(currency)
        return note

    def _fx_note(self, currency: str) -> str:
        notes = []
        for code in sorted({currency, *(a.offer_currency for a in self.top_alternatives())}):
            factor = self.rates.factor(code, self.display_currency)
            if code != self.display_currency and factor is not None:
                shown = factor.quantize(Decimal("0.0001")).normalize()  # a label: four decimals at most
                notes.append(f"1 {code} = {shown:f} {self.display_currency}")
        return "; ".join(notes)

    def staying_for(self, offer: Offer) -> Staying | None:
        """The job the user would leave, in the offer's currency (format 2's `current_job`): what staying
        pays in year 1 and what leaving costs, converted with the rate named, or None without a rate."""
        currency = offer.currency
        if currency not in self._staying:
            self._staying[currency] = self._staying_in(offer)
        return self._staying[currency]

    def _staying_in(self, offer: Offer) -> Staying | None:
        stay = self.stay()
        if stay is None:
            return None
        job, cur = stay.job, offer.currency
        note = ""
        if job.currency != cur:
            factor = self.rates.factor(job.currency, cur)
            if factor is not None:
                note = f"converted at 1 {job.currency} = {factor.quantize(Decimal('0.0001')).normalize():f} {cur}"
        items = tuple((i.what, i.amount) for i in (*job.forfeit_on_leaving, *job.repay_on_leaving))
        return Staying(
            company=job.company,
            currency=job.currency,
            year_one=self.rates.convert(stay.figures.year_one, job.currency, cur),
            leaving_cost=self.rates.convert(stay.leaving_cost, job.currency, cur),
            leaving_items=items,
            rate_note=note,
        )

    def evaluate(self, offer_id: str) -> OfferEvaluation:
        result = self._evaluations.get(offer_id)
        if result is None:
            offer = self.by_id[offer_id]
            fig = self.figures(offer_id)
            position = self.position(offer_id)
            year_one = self.year_one_display(offer_id)
            talks = Talks.from_offer(offer)
            stretch = compute_stretch(
                offer,
                position.tier,
                fig,
                rubric=self.rubric,
                answered=talks.answered,
                long=self.long_figures(offer_id),
            )
            advice = advise(
                offer,
                position,
                stretch,
                self.as_of,
                self.rubric,
                self.alternatives_for(offer),
                year_one,
                self.staying_for(offer),
                talks,
                self.fx_note(offer.currency),
            )
            base = next((lv for lv in advice.levers if lv.lever == "base_salary" and lv.ask is not None), None)
            if base is not None and base.ask is not None and base.offered is not None and offer.tax_region:
                # what the base's ask leaves in the pocket: the tax engine's difference, shown by the panel
                # and the brief beside the ask
                advice = with_base_pocket(advice, self.raise_after_tax(offer_id, base.ask - base.offered))
            result = OfferEvaluation(
                offer=offer,
                figures=fig,
                display_currency=self.display_currency,
                total_display=self.convert(fig.total, offer.currency),
                year_one_display=year_one,
                position=position,
                stretch=stretch,
                advice=advice,
                scenarios=self.scenario_results(offer_id),
                options=self.options(offer_id),
                taxes=self.taxes(offer_id),
                after_tax=self.after_tax(offer_id),
                leaving_cost=self.leaving_cost(offer.currency),
                leaving_cost_display=self.leaving_cost(self.display_currency),
            )
            self._evaluations[offer_id] = result
        return result

    def evaluate_all(self) -> list[OfferEvaluation]:
        return [self.evaluate(offer_id) for offer_id in self.ids]

    @property
    def offers(self) -> list[Offer]:
        """Every offer, in the user's order (each one built, in the window: `ids` and `rows` build none)."""
        return [self.by_id[offer_id] for offer_id in self.ids]

    def in_hand_ids(self) -> list[str]:
        """The ids of the offers the user holds (`is_offer_in_hand`), in the user's order, from the rows."""
        return [offer_id for offer_id, offer in self.rows.items() if _in_hand(offer)]


def _in_hand(offer: OfferRow | Offer) -> bool:
    return offer.in_hand if isinstance(offer, OfferRow) else is_offer_in_hand(offer)


def evaluator_for_file(offer_file: OfferFile, rubric: Rubric = DEFAULT_RUBRIC) -> Evaluator:
    return Evaluator.for_settings(offer_file.offers, offer_file.settings, as_of=offer_file.as_of, rubric=rubric)


def evaluate_file(offer_file: OfferFile, rubric: Rubric = DEFAULT_RUBRIC) -> list[OfferEvaluation]:
    return evaluator_for_file(offer_file, rubric).evaluate_all()
