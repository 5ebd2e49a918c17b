"""The `evaluate --json` contract of ../shared/spec/offer-file.md: pure data, money as Decimals.

The command line prints it; tests and benchmarks read it. Money is rounded to cents on the way out
(`money_json`), exactly as the spec's JSON asks. Every figure comes from one `Evaluator`, which
computes each once.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from app.after_tax import YearTax
from app.compensation import COMPONENTS, OfferFigures
from app.evaluation import Evaluator, OfferEvaluation, StayEvaluation, evaluator_for_file
from app.models import OfferFile
from app.money import CENT, EXACT, round_cents
from app.rubric import DEFAULT_RUBRIC, Rubric


def evaluate(offer_file: OfferFile, rubric: Rubric = DEFAULT_RUBRIC) -> dict[str, Any]:
    """The spec's `evaluate --json` object for a whole file (money as Decimals, rounded on output)."""
    return evaluation_report(evaluator_for_file(offer_file, rubric))


def evaluate_json(offer_file: OfferFile, rubric: Rubric = DEFAULT_RUBRIC) -> dict[str, Any]:
    """`money_json(evaluate(offer_file, rubric))`, built rounded in one pass (what `evaluate --json`
    writes: the object of 1,000 offers is ~40,000 dicts and lists to walk a second time)."""
    return evaluation_report(evaluator_for_file(offer_file, rubric), cents)


def _same(value: Any) -> Any:
    return value


def cents(value: Any) -> Any:
    """A Decimal rounded to cents (`round_cents`), anything else as it is: what `money_json` does to
    a leaf."""
    kind = type(value)
    if kind is Decimal:
        return value.quantize(CENT, ROUND_HALF_UP, EXACT)
    if kind in _LEAVES:
        return value
    return money_json(value)


def evaluation_report(evaluator: Evaluator, money: Callable[[Any], Any] = _same) -> dict[str, Any]:
    """The spec's object for every offer of an evaluator: display currency, current job, offers.

    `money` is applied to every number and number-or-null of it (`cents`: rounded as `money_json`
    rounds them; by default they are left as they are)."""
    stay = evaluator.stay()
    return {
        "display_currency": evaluator.display_currency,
        "current_job": stay_json(stay, money) if stay is not None else None,
        "offers": [evaluation_json(e, money) for e in evaluator.evaluate_all()],
    }


def _years(
    fig: OfferFigures, taxes: tuple[YearTax, ...], components: tuple[str, ...], money: Callable[[Any], Any] = _same
) -> list[dict[str, Any]]:
    tax_by_year = {t.year: t for t in taxes}
    years = []
    if money is cents:  # `cents` of each figure, without a call of it each (~90 of an offer's ~110 numbers)
        for y in fig.years:
            tax = tax_by_year.get(y.year)
            year: dict[str, Any] = {"year": y.year}  # a whole number: `cents` leaves it as it is
            for name in components:
                year[name] = _quantize(getattr(y, name), CENT, ROUND_HALF_UP, EXACT)  # a Decimal, always
            year["total"] = _quantize(y.total, CENT, ROUND_HALF_UP, EXACT)
            taxed, kept = (tax.tax, tax.after_tax) if tax is not None else (None, None)
            year["tax"] = _quantize(taxed, CENT, ROUND_HALF_UP, EXACT) if taxed is not None else None
            year["after_tax"] = _quantize(kept, CENT, ROUND_HALF_UP, EXACT) if kept is not None else None
            years.append(year)
        return years
    for y in fig.years:
        tax = tax_by_year.get(y.year)
        year = {"year": money(y.year)}
        for name in components:
            year[name] = money(getattr(y, name))
        year["total"] = money(y.total)
        year["tax"] = money(tax.tax) if tax is not None else None
        year["after_tax"] = money(tax.after_tax) if tax is not None else None
        years.append(year)
    return years


def stay_json(stay: StayEvaluation, money: Callable[[Any], Any] = _same) -> dict[str, Any]:
    """The current job: its years (base, bonus, equity, benefits, total), total, total_display, leaving_cost."""
    return {
        "years": _years(stay.figures, stay.taxes, ("base", "bonus", "equity", "benefits"), money),
        "total": money(stay.figures.total),
        "total_display": money(stay.total_display),
        "leaving_cost": money(stay.leaving_cost),
    }


def evaluation_json(e: OfferEvaluation, money: Callable[[Any], Any] = _same) -> dict[str, Any]:
    offer, position, stretch = e.offer, e.position, e.stretch
    goal = stretch.goal
    m = money
    return {
        "id": offer.id,
        "company": offer.company,
        "role": offer.role,
        "currency": offer.currency,
        "stage": offer.stage,
        "years": _years(e.figures, e.taxes, COMPONENTS, money),
        "total": m(e.figures.total),
        "total_display": m(e.total_display),
        "scenarios": [
            {
                "name": s.name,
                "growth_pct": m(s.growth_pct),
                "years": _scenario_years(s.figures, money),
                "total": m(s.total),
            }
            for s in e.scenarios
        ],
        "position": {
            "score": m(position.score),
            "tier": position.tier,
            "interview_to_offer_days": m(position.interview_to_offer_days),
            "days_waiting": m(position.days_waiting),
            "reasons": m(position.reasons),  # words: kept as they are
        },
        "stretch": {
            "base_ceiling": m(stretch.base_ceiling),
            "base_offered": m(stretch.base_offered),
            "band_min": m(stretch.band_min),
            "band_max": m(stretch.band_max),
            "band_source": stretch.band_source,
            "band_estimated": stretch.band_estimated,
            "combined_headcount_extra": m(stretch.combined_headcount_extra),
            "sign_on_ceiling": m(stretch.sign_on_ceiling),
            "equity_ceiling": m(stretch.equity_ceiling),
            "year_one_offered": m(stretch.offered.year_one),
            "year_one_ceiling": m(stretch.year_one_ceiling),
            "total_offered": m(stretch.offered.total),
            "total_ceiling": m(stretch.total_ceiling),
            "target_total": m(goal.target) if goal else None,
            "walk_away_total": m(goal.walk_away) if goal else None,
            "target_reachable": goal.target_reachable if goal else None,
            "target_shortfall": m(goal.target_shortfall) if goal else None,
            "drops": [
                {"year": m(d.year), "before": m(d.before), "after": m(d.after), "cause": d.cause, "lever": d.fix}
                for d in stretch.drops
            ],
            "notes": [e.advice.headline, *stretch.notes],
        },
        "levers": [
            {
                "lever": lever.lever,
                "ask": m(_ask_json(lever.ask, lever.unit)),
                "unit": lever.unit,
                "plausibility": lever.plausibility,
                "kind": lever.kind,
                "rationale": lever.rationale,
                "script": lever.script,
                "if_no": lever.if_no,
            }
            for lever in e.levers
        ],
    }


_LEAVES = frozenset({str, int, bool, type(None)})  # kept as they are
_quantize = Decimal.quantize


def _scenario_years(fig: OfferFigures, money: Callable[[Any], Any]) -> list[dict[str, Any]]:
    if money is cents:  # as in `_years`: the year a whole number, equity and total Decimals
        return [
            {
                "year": y.year,
                "equity": _quantize(y.equity, CENT, ROUND_HALF_UP, EXACT),
                "total": _quantize(y.total, CENT, ROUND_HALF_UP, EXACT),
            }
            for y in fig.years
        ]
    return [{"year": money(y.year), "equity": money(y.equity), "total": money(y.total)} for y in fig.years]


def _ask_json(ask: Decimal | None, unit: str | None) -> Any:
    """Money asks are rounded to cents on the way out; days and shares are whole numbers."""
    if ask is None:
        return None
    if unit in ("days", "shares"):
        return int(ask)
    return ask


def money_json(value: Any) -> Any:
    """Money goes out as JSON numbers rounded to cents, written with both decimals (172000.00).

    Every Decimal in dicts and lists is rounded (`round_cents`); anything else is kept as it is. The
    leaves are handled in the loop over their container, not by a call each: the report of 1,000
    offers has about 200,000 of them.
    """
    kind = type(value)
    if kind is dict:
        rounded: dict[Any, Any] = {}
        for key, item in value.items():
            item_kind = type(item)
            if item_kind in _LEAVES:
                rounded[key] = item
            elif item_kind is Decimal:
                rounded[key] = item.quantize(CENT, ROUND_HALF_UP, EXACT)  # round_cents, inlined
            else:
                rounded[key] = money_json(item)
        return rounded
    if kind is list:
        return [
            item if type(item) in _LEAVES
            else item.quantize(CENT, ROUND_HALF_UP, EXACT) if type(item) is Decimal
            else money_json(item)
            for item in value
        ]
    if isinstance(value, Decimal):
        return round_cents(value)
    if isinstance(value, dict):
        return {k: money_json(v) for k, v in value.items()}
    if isinstance(value, list):
        return [money_json(v) for v in value]
    return value
