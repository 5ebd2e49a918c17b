"""The `evaluate --json` contract of ../shared/spec/offer-file.md: pure data, money as Decimals.

The command line prints it; tests and benchmarks read it. Money is rounded to cents on the way out
(`money_json`), exactly as the spec's JSON asks. Every figure comes from one `Evaluator`, which
computes each once.
"""

from __future__ import annotations

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


def evaluation_report(evaluator: Evaluator) -> dict[str, Any]:
    """The spec's object for every offer of an evaluator: display currency, current job, offers."""
    stay = evaluator.stay()
    return {
        "display_currency": evaluator.display_currency,
        "current_job": stay_json(stay) if stay is not None else None,
        "offers": [evaluation_json(e) for e in evaluator.evaluate_all()],
    }


def _years(fig: OfferFigures, taxes: tuple[YearTax, ...], components: tuple[str, ...]) -> list[dict[str, Any]]:
    tax_by_year = {t.year: t for t in taxes}
    years = []
    for y in fig.years:
        tax = tax_by_year.get(y.year)
        years.append(
            {
                "year": y.year,
                **{name: y.component(name) for name in components},
                "total": y.total,
                "tax": tax.tax if tax is not None else None,
                "after_tax": tax.after_tax if tax is not None else None,
            }
        )
    return years


def stay_json(stay: StayEvaluation) -> dict[str, Any]:
    """The current job: its years (base, bonus, equity, benefits, total), total, total_display, leaving_cost."""
    return {
        "years": _years(stay.figures, stay.taxes, ("base", "bonus", "equity", "benefits")),
        "total": stay.figures.total,
        "total_display": stay.total_display,
        "leaving_cost": stay.leaving_cost,
    }


def evaluation_json(e: OfferEvaluation) -> dict[str, Any]:
    offer, position, stretch = e.offer, e.position, e.stretch
    goal = stretch.goal
    return {
        "id": offer.id,
        "company": offer.company,
        "role": offer.role,
        "currency": offer.currency,
        "stage": offer.stage,
        "years": _years(e.figures, e.taxes, COMPONENTS),
        "total": e.figures.total,
        "total_display": e.total_display,
        "scenarios": [
            {
                "name": s.name,
                "growth_pct": s.growth_pct,
                "years": [{"year": y.year, "equity": y.equity, "total": y.total} for y in s.figures.years],
                "total": s.total,
            }
            for s in e.scenarios
        ],
        "position": {
            "score": position.score,
            "tier": position.tier,
            "interview_to_offer_days": position.interview_to_offer_days,
            "days_waiting": position.days_waiting,
            "reasons": position.reasons,
        },
        "stretch": {
            "base_ceiling": stretch.base_ceiling,
            "base_offered": stretch.base_offered,
            "band_min": stretch.band_min,
            "band_max": stretch.band_max,
            "band_source": stretch.band_source,
            "band_estimated": stretch.band_estimated,
            "combined_headcount_extra": stretch.combined_headcount_extra,
            "sign_on_ceiling": stretch.sign_on_ceiling,
            "equity_ceiling": stretch.equity_ceiling,
            "year_one_offered": stretch.offered.year_one,
            "year_one_ceiling": stretch.year_one_ceiling,
            "total_offered": stretch.offered.total,
            "total_ceiling": stretch.total_ceiling,
            "target_total": goal.target if goal else None,
            "walk_away_total": goal.walk_away if goal else None,
            "target_reachable": goal.target_reachable if goal else None,
            "target_shortfall": goal.target_shortfall if goal else None,
            "drops": [
                {"year": d.year, "before": d.before, "after": d.after, "cause": d.cause, "lever": d.fix}
                for d in stretch.drops
            ],
            "notes": [e.advice.headline, *stretch.notes],
        },
        "levers": [
            {
                "lever": lever.lever,
                "ask": _ask_json(lever.ask, lever.unit),
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
