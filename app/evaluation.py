"""Everything the app knows about a set of offers, computed once: figures, position, stretch, levers.

The command line, the screens and the brief all read these results, so every number has one source.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from app.compensation import OfferFigures, figures
from app.levers import Lever, Stretch, compute_stretch, suggest_levers
from app.models import Offer, OfferFile
from app.money import convert
from app.position import OFFER_STAGES, Alternative, Position, rate_position
from app.rubric import DEFAULT_RUBRIC, Rubric


@dataclass(frozen=True)
class OfferEvaluation:
    offer: Offer
    figures: OfferFigures
    display_currency: str
    total_display: Decimal | None  # None: no rate for the offer's currency (shown in its own, flagged)
    year_one_display: Decimal | None
    position: Position
    stretch: Stretch
    levers: tuple[Lever, ...]


def is_offer_in_hand(offer: Offer) -> bool:
    """An offer the user holds (made, not declined or withdrawn): it counts as an alternative."""
    return offer.stage in OFFER_STAGES or (
        offer.stage == "interviewing" and any(e.kind == "offer" for e in offer.timeline)
    )


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
    base = []
    for offer in offers:
        fig = figures(offer, horizon)
        year_one = convert(fig.year_one, offer.currency, display_currency, fx)
        base.append((offer, fig, year_one))
    alternatives = [
        Alternative(offer.id, offer.company, year_one, display_currency)
        for offer, _, year_one in base
        if year_one is not None and is_offer_in_hand(offer)
    ]
    results = []
    for offer, fig, year_one in base:
        position = rate_position(offer, as_of, rubric, alternatives, year_one)
        stretch = compute_stretch(offer, position, horizon, rubric)
        levers = suggest_levers(offer, position, stretch, horizon, alternatives, rubric, year_one)
        results.append(
            OfferEvaluation(
                offer=offer,
                figures=fig,
                display_currency=display_currency,
                total_display=convert(fig.total, offer.currency, display_currency, fx),
                year_one_display=year_one,
                position=position,
                stretch=stretch,
                levers=tuple(levers),
            )
        )
    return results


def evaluate_file(offer_file: OfferFile, rubric: Rubric = DEFAULT_RUBRIC) -> list[OfferEvaluation]:
    return evaluate_offers(
        offer_file.offers,
        as_of=offer_file.as_of,
        display_currency=offer_file.display_currency or "USD",
        fx=offer_file.fx,
        horizon=offer_file.horizon_years,
        rubric=rubric,
    )
