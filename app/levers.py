"""The negotiation levers: the package's numbers (app/package.py) with their words (app/scripts.py).

Every ask is the new value of one component, never below what is offered, never above the stretch
or the candidate's own last number. Each lever says whether it is new money, a swap between
components or non-cash, which step of the plan it is (first, the package, the fallback ladder, also
worth raising), whom to ask, and how it moves each year's total — computed by the same `figures`
as every other number.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date
from decimal import Decimal

from app.after_tax import PocketChange, pocket_sentence
from app.frozen import quick_init
from app.models import Offer
from app.money import ZERO
from app.package import (
    Ask,
    LeverKind,
    Mode,
    Package,
    Plausibility,
    Staying,
    Step,
    Talks,
    Unit,
    Who,
    build_package,
)
from app.position import Alternative, Position
from app.rubric import DEFAULT_RUBRIC, Rubric
from app.scripts import Scripts, alternative_line, deadline_tactic, headline, warnings, who_to_talk_to
from app.stretch import (
    Drop,
    GoalCheck,
    Stretch,
    compute_stretch,
    extra_grant,
    find_drops,
    offer_with,
    sign_on_with_first,
)

__all__ = [
    "LEVER_NAMES",
    "Advice",
    "Drop",
    "GoalCheck",
    "Lever",
    "LeverKind",
    "Plausibility",
    "Stretch",
    "advise",
    "compute_stretch",
    "extra_grant",
    "find_drops",
    "offer_with",
    "sign_on_with_first",
    "with_base_pocket",
]

LEVER_TITLES = {
    "base_salary": "Base salary",
    "combined_headcount": "Combined headcount",
    "sign_on": "Sign-on bonus",
    "make_whole": "Make-whole for what you leave",
    "equity": "Equity",
    "level": "Level",
    "title": "Title",
    "deadline": "More time to decide",
    "start_date": "Start date",
    "relocation": "Relocation",
    "remote": "Working from home",
    "pto": "Paid time off",
    "review": "Early compensation review",
    "refreshers": "Equity refreshers",
    "exercise_window": "Option exercise window",
    "follow_up": "Follow up",
}
# Every lever name of the spec's `evaluate --json` contract, in its order.
LEVER_NAMES: tuple[str, ...] = tuple(LEVER_TITLES)
PLAUSIBILITY_NAMES = {"likely": "Likely", "possible": "Possible", "long_shot": "Long shot"}
KIND_NAMES = {"new_money": "New money", "swap": "Swap between components", "non_cash": "Non-cash"}
STEP_NAMES = {
    "first": "First",
    "package": "The package",
    "fallback": "If they say no",
    "also": "Also worth raising",
}
UNIT_WORDS = {"per_year": "a year", "once": "once", "grant": "whole grant", "shares": "options", "days": "days"}


@quick_init
@dataclass(frozen=True)
class Lever:
    lever: str
    ask: Decimal | None
    offered: Decimal | None  # the component's value today, for the what-if
    plausibility: Plausibility
    kind: LeverKind
    rationale: str
    script: str
    effect: tuple[Decimal, ...]  # change of each year's total (year 1 first) if the ask is granted
    unit: Unit | None = None
    if_no: str = ""
    step: Step = "also"
    who: Who = "recruiter"
    closing: bool = False  # the closing round's script: the one place words may commit
    # the base's ask after tax (app.after_tax, through the Evaluator), when the offer has a tax region
    pocket: PocketChange | None = None

    @property
    def pocket_words(self) -> str:
        """ "+$10,000 base is +$5,785 a year in your pocket in California (estimate, …)." — with "(+$11,000
        of pay in all)" when a bonus follows the base; "" without an estimate (app.after_tax's sentence)."""
        if self.pocket is None:
            return ""
        return pocket_sentence(self.pocket, "base", label=True) + "."

    @property
    def title(self) -> str:
        return LEVER_TITLES[self.lever]

    @property
    def total_effect(self) -> Decimal:
        return sum(self.effect, ZERO)


@quick_init
@dataclass(frozen=True)
class Advice:
    """The plan for one offer: the package's numbers, the levers in order, and the call sheet's words."""

    package: Package
    levers: tuple[Lever, ...]
    headline: str
    where_from: str  # where the package's numbers come from, in one sentence ("" without a package)
    who: tuple[str, ...]
    deadline_tactic: str
    alternative: str  # your best alternative (or staying), like for like, in one sentence
    warnings: tuple[str, ...] = ()  # what to watch out for before the call

    @property
    def mode(self) -> Mode:
        return self.package.mode


def advise(
    offer: Offer,
    position: Position,
    stretch: Stretch,
    as_of: date,
    rubric: Rubric = DEFAULT_RUBRIC,
    alternatives: Sequence[Alternative] = (),
    year_one_display: Decimal | None = None,
    staying: Staying | None = None,
    talks: Talks | None = None,
    fx_note: str = "",
) -> Advice:
    """The advice for `offer`: what to ask for, in what order, and what to say.

    `fx_note` names the exchange rates behind any converted comparison ("1 EUR = 1.08 USD").
    """
    package = build_package(offer, position, stretch, as_of, rubric, alternatives, year_one_display, staying, talks)
    scripts = Scripts(offer, position, stretch, package, rubric, as_of)
    levers = tuple(_lever(ask, scripts) for ask in package.asks)
    return Advice(
        package=package,
        levers=levers,
        headline=headline(package, offer),
        where_from=scripts.where_from() if package.mode == "asks" else "",
        who=who_to_talk_to(package) if package.mode != "closed" else (),
        deadline_tactic=deadline_tactic(package, rubric),
        alternative=alternative_line(package, offer, stretch.offered.year_one, alternatives, fx_note),
        warnings=warnings(package, offer, stretch) if package.mode != "closed" else (),
    )


def with_base_pocket(advice: Advice, change: PocketChange | None) -> Advice:
    """The advice with what the base's ask leaves after tax (`Evaluator.pocket_change`) on its lever."""
    if change is None:
        return advice
    levers = tuple(
        replace(lever, pocket=change) if lever.lever == "base_salary" and lever.ask is not None else lever
        for lever in advice.levers
    )
    return replace(advice, levers=levers)


def _lever(ask: Ask, scripts: Scripts) -> Lever:
    words = scripts.words(ask)
    return Lever(
        lever=ask.lever,
        ask=ask.ask,
        offered=ask.offered,
        plausibility=ask.plausibility,
        kind=ask.kind,
        rationale=words.rationale,
        script=words.script,
        effect=ask.effect,
        unit=ask.unit,
        if_no=words.if_no,
        step=ask.step,
        who=ask.who,
        closing=ask.closing,
    )
