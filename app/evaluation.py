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
- `taxes(id)` → `YearTax` per year (the after-tax hook, `app.after_tax`)
- `evaluate(id)` → `OfferEvaluation` with all of the above for one offer; `evaluate_all()`
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from app.after_tax import YearTax, year_taxes
from app.compensation import OfferFigures, VestPiece, current_job_figures, figures, scenario_figures, vest_pieces
from app.levers import Advice, Lever, advise
from app.models import CurrentJob, Offer, OfferFile, Scenario, Settings, TaxSettings
from app.money import Rates
from app.options import OptionDetails, offer_options
from app.package import Staying, Talks
from app.position import OFFER_STAGES, Alternative, Position, rate_position
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
from app.stretch import Stretch, compute_stretch

DROP_YEARS = 5  # the stretch looks for drops in pay over at least five years


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
    taxes: tuple[YearTax, ...] = ()  # one per year; tax None until the region is supported
    # what leaving the current job costs (forfeit + repay), shown next to year 1; None: no current job
    # (or no rate between its currency and this one)
    leaving_cost: Decimal | None = None  # in the offer's currency
    leaving_cost_display: Decimal | None = None  # in the display currency

    @property
    def year_one_after_leaving(self) -> Decimal | None:
        """Year 1 minus what leaving the current job costs, in the offer's currency."""
        if self.leaving_cost is None:
            return None
        return self.figures.year_one - self.leaving_cost


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


def is_offer_in_hand(offer: Offer) -> bool:
    """An offer the user holds (made, not declined or withdrawn): it counts as an alternative."""
    return offer.stage in OFFER_STAGES or (
        offer.stage == "interviewing" and any(e.kind == "offer" for e in offer.timeline)
    )


class Evaluator:
    """Evaluates offers against each other (the alternatives the user holds), lazily and once each."""

    def __init__(
        self,
        offers: Sequence[Offer],
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
    ):
        """`previous`: the evaluator before a change; what it computed for unchanged offers is reused.

        `fx_base`: the currency the `fx` rates are quoted in (default: the display currency, as in
        format 1).
        """
        self.offers = list(offers)
        self.by_id = {offer.id: offer for offer in self.offers}
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
        self._figures: dict[str, tuple[Offer, OfferFigures]] = {}
        self._long_figures: dict[str, tuple[Offer, OfferFigures]] = {}
        self._pieces: dict[str, tuple[Offer, tuple[VestPiece, ...]]] = {}
        self._growth_totals: dict[tuple[str, Decimal], Decimal] = {}
        self._scenario_results: dict[str, tuple[ScenarioResult, ...]] = {}
        self._break_evens: dict[tuple[str, str, tuple[tuple[str, Decimal], ...]], BreakEven] = {}
        self._stay: StayEvaluation | None = None
        self._alternatives: list[Alternative] | None = None
        self._converted: list[Alternative] = []
        self._by_currency: dict[str, list[Alternative]] | None = None
        self._year_one_display: dict[str, Decimal | None] = {}
        self._positions: dict[str, Position] = {}
        self._evaluations: dict[str, OfferEvaluation] = {}
        self._previous = previous
        if previous is not None:
            # figures depend only on the offer and the horizon: keep those of offers that did not change
            for offer_id, (offer, fig) in previous._figures.items():
                if self.by_id.get(offer_id) is offer and fig.horizon == horizon:
                    self._figures[offer_id] = (offer, fig)
            for offer_id, (offer, fig) in previous._long_figures.items():
                if self.by_id.get(offer_id) is offer and fig.horizon == max(horizon, DROP_YEARS):
                    self._long_figures[offer_id] = (offer, fig)
            for offer_id, (offer, pieces) in previous._pieces.items():
                if self.by_id.get(offer_id) is offer and previous.horizon == horizon:
                    self._pieces[offer_id] = (offer, pieces)

    @classmethod
    def for_settings(
        cls,
        offers: Sequence[Offer],
        settings: Settings,
        *,
        as_of: date,
        rubric: Rubric | None = None,
        previous: Evaluator | None = None,
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
        )

    def _reusable_position(self, offer_id: str) -> Position | None:
        """The previous evaluator's rating, when nothing it depends on has changed."""
        previous = self._previous
        if previous is None:
            return None
        position = previous._positions.get(offer_id)
        if (
            position is None
            or previous.by_id.get(offer_id) is not self.by_id[offer_id]
            or previous.rubric is not self.rubric
            or (previous.as_of, previous.display_currency, previous.rates)
            != (self.as_of, self.display_currency, self.rates)
            or previous.top_alternatives() != self.top_alternatives()
        ):
            return None
        return position

    # --- figures ---------------------------------------------------------------------------------

    def figures(self, offer_id: str) -> OfferFigures:
        """The offer's year-by-year figures over the horizon, in its own currency (computed once)."""
        cached = self._figures.get(offer_id)
        if cached is None:
            offer = self.by_id[offer_id]
            cached = (offer, figures(offer, self.horizon))
            self._figures[offer_id] = cached
        return cached[1]

    def long_figures(self, offer_id: str) -> OfferFigures:
        """The figures over max(horizon, 5) years, where the stretch looks for drops in pay."""
        if self.horizon >= DROP_YEARS:
            return self.figures(offer_id)
        cached = self._long_figures.get(offer_id)
        if cached is None:
            offer = self.by_id[offer_id]
            cached = (offer, figures(offer, DROP_YEARS))
            self._long_figures[offer_id] = cached
        return cached[1]

    def convert(self, amount: Decimal, currency: str) -> Decimal | None:
        """`amount` in the display currency (None: a rate is missing; never mixed in)."""
        return self.rates.convert(amount, currency, self.display_currency)

    def year_one_display(self, offer_id: str) -> Decimal | None:
        if offer_id not in self._year_one_display:
            self._year_one_display[offer_id] = self.convert(
                self.figures(offer_id).year_one, self.by_id[offer_id].currency
            )
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
    ) -> tuple[CurvePoint, ...]:
        """The horizon total against share-price growth from `start` to `stop` % a year (a chart's data)."""
        currency = self.by_id[offer_id].currency
        points = []
        for growth in curve_growths(start, stop, step):
            total = self.growth_total(offer_id, growth)
            points.append(CurvePoint(growth, total, self.convert(total, currency)))
        return tuple(points)

    def break_even(self, offer_id: str, other_id: str, hold: Mapping[str, Decimal] | None = None) -> BreakEven:
        """The growth at which the two offers' horizon totals (display currency) are equal.

        The same growth for both, unless `hold` fixes one offer's growth (e.g. a scenario's own entry
        for it); then only the other's growth is searched.
        """
        held = tuple(sorted((hold or {}).items()))
        key = (offer_id, other_id, held)
        result = self._break_evens.get(key)
        if result is None:
            fixed = dict(held)
            a, b = self.by_id[offer_id], self.by_id[other_id]

            def total(offer: Offer, growth: Decimal) -> Decimal | None:
                return self.convert(self.growth_total(offer.id, fixed.get(offer.id, growth)), offer.currency)

            def difference(growth: Decimal) -> Decimal | None:
                first, second = total(a, growth), total(b, growth)
                return None if first is None or second is None else first - second

            result = find_break_even(difference, offer_id, other_id, self.display_currency, fixed)
            self._break_evens[key] = result
        return result

    def break_even_sentence(self, offer_id: str, other_id: str, hold: Mapping[str, Decimal] | None = None) -> str:
        names = {o.id: o.company for o in (self.by_id[offer_id], self.by_id[other_id])}
        return break_even_sentence(self.break_even(offer_id, other_id, hold), names, self.horizon)

    # --- the current job -------------------------------------------------------------------------

    def stay(self) -> StayEvaluation | None:
        """The current job's figures and leaving cost (None without a current job)."""
        job = self.current_job
        if job is None:
            return None
        if self._stay is None:
            fig = current_job_figures(job, self.horizon)
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
                taxes=year_taxes(job.tax_region, fig, self.tax),
            )
        return self._stay

    def leaving_cost(self, currency: str) -> Decimal | None:
        """What leaving the current job costs, in `currency` (None: no current job, or no rate)."""
        job = self.current_job
        if job is None:
            return None
        return self.rates.convert(job.leaving_cost, job.currency, currency)

    # --- options and tax -------------------------------------------------------------------------

    def options(self, offer_id: str) -> tuple[OptionDetails, ...]:
        return offer_options(self.by_id[offer_id])

    def taxes(self, offer_id: str) -> tuple[YearTax, ...]:
        offer = self.by_id[offer_id]
        return year_taxes(offer.tax_region, self.figures(offer_id), self.tax)

    # --- the rating and the levers ---------------------------------------------------------------

    def alternatives(self) -> list[Alternative]:
        if self._alternatives is None:
            self._alternatives = []
            for offer in self.offers:
                if not is_offer_in_hand(offer):
                    continue
                year_one = self.year_one_display(offer.id)
                own = self.figures(offer.id).year_one
                self._alternatives.append(
                    Alternative(
                        offer.id,
                        offer.company,
                        year_one if year_one is not None else own,
                        self.display_currency if year_one is not None else offer.currency,
                        offer.currency,
                        own,
                        offer.signals.deadline,
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
                own_year_one=self.figures(offer_id).year_one,
            )
            self._positions[offer_id] = position
        return position

    def fx_note(self, currency: str) -> str:
        """The rates a comparison with an offer in `currency` goes through, named ("1 EUR = 1.08 USD")."""
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
                leaving_cost=self.leaving_cost(offer.currency),
                leaving_cost_display=self.leaving_cost(self.display_currency),
            )
            self._evaluations[offer_id] = result
        return result

    def evaluate_all(self) -> list[OfferEvaluation]:
        return [self.evaluate(offer.id) for offer in self.offers]


def evaluator_for_file(offer_file: OfferFile, rubric: Rubric = DEFAULT_RUBRIC) -> Evaluator:
    return Evaluator.for_settings(offer_file.offers, offer_file.settings, as_of=offer_file.as_of, rubric=rubric)


def evaluate_file(offer_file: OfferFile, rubric: Rubric = DEFAULT_RUBRIC) -> list[OfferEvaluation]:
    return evaluator_for_file(offer_file, rubric).evaluate_all()
