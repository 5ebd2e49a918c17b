"""Everything the app knows about a set of offers: figures, position, stretch, levers.

The command line, the screens and the brief all read these results, so every number has one source.
`Evaluator` computes lazily and caches, so a list of thousands of offers only pays for what it shows.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from app.compensation import OfferFigures, figures
from app.levers import Advice, Lever, advise
from app.models import Offer, OfferFile
from app.money import convert
from app.package import Staying, Talks
from app.position import OFFER_STAGES, Alternative, Position, rate_position
from app.rubric import DEFAULT_RUBRIC, Rubric
from app.stretch import Stretch, compute_stretch


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
    ):
        """`previous`: the evaluator before a change; what it computed for unchanged offers is reused."""
        self.offers = list(offers)
        self.by_id = {offer.id: offer for offer in self.offers}
        self.as_of = as_of
        self.display_currency = display_currency
        self.fx = dict(fx)
        self.horizon = horizon
        self.rubric = rubric
        self._figures: dict[str, tuple[Offer, OfferFigures]] = {}
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
            or (previous.as_of, previous.display_currency, previous.fx) != (self.as_of, self.display_currency, self.fx)
            or previous.top_alternatives() != self.top_alternatives()
        ):
            return None
        return position

    def figures(self, offer_id: str) -> OfferFigures:
        cached = self._figures.get(offer_id)
        if cached is None:
            offer = self.by_id[offer_id]
            cached = (offer, figures(offer, self.horizon))
            self._figures[offer_id] = cached
        return cached[1]

    def convert(self, amount: Decimal, currency: str) -> Decimal | None:
        return convert(amount, currency, self.display_currency, self.fx)

    def year_one_display(self, offer_id: str) -> Decimal | None:
        if offer_id not in self._year_one_display:
            self._year_one_display[offer_id] = self.convert(
                self.figures(offer_id).year_one, self.by_id[offer_id].currency
            )
        return self._year_one_display[offer_id]

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
            rate = self.fx.get(code)
            if code != self.display_currency and rate is not None:
                notes.append(f"1 {code} = {format(rate.normalize(), 'f')} {self.display_currency}")
        return "; ".join(notes)

    def staying_for(self, offer: Offer) -> Staying | None:
        """The job the user would leave, in the offer's currency (format 2's `current_job`)."""
        del offer
        return None

    def evaluate(self, offer_id: str) -> OfferEvaluation:
        result = self._evaluations.get(offer_id)
        if result is None:
            offer = self.by_id[offer_id]
            fig = self.figures(offer_id)
            position = self.position(offer_id)
            year_one = self.year_one_display(offer_id)
            talks = Talks.from_offer(offer)
            stretch = compute_stretch(offer, position.tier, fig, rubric=self.rubric, answered=talks.answered)
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
            )
            self._evaluations[offer_id] = result
        return result

    def evaluate_all(self) -> list[OfferEvaluation]:
        return [self.evaluate(offer.id) for offer in self.offers]


def evaluate_offers(
    offers: Sequence[Offer],
    *,
    as_of: date,
    display_currency: str,
    fx: Mapping[str, Decimal],
    horizon: int,
    rubric: Rubric = DEFAULT_RUBRIC,
) -> list[OfferEvaluation]:
    """Evaluate every offer against the others (the alternatives the user holds)."""
    evaluator = Evaluator(offers, as_of=as_of, display_currency=display_currency, fx=fx, horizon=horizon, rubric=rubric)
    return evaluator.evaluate_all()


def evaluator_for_file(offer_file: OfferFile, rubric: Rubric = DEFAULT_RUBRIC) -> Evaluator:
    return Evaluator(
        offer_file.offers,
        as_of=offer_file.as_of,
        display_currency=offer_file.display_currency or "USD",
        fx=offer_file.fx,
        horizon=offer_file.horizon_years,
        rubric=rubric,
    )


def evaluate_file(offer_file: OfferFile, rubric: Rubric = DEFAULT_RUBRIC) -> list[OfferEvaluation]:
    return evaluator_for_file(offer_file, rubric).evaluate_all()
