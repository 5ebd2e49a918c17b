"""The budget stretch (what the company can plausibly still do) and the negotiation levers inside it.

Every ask is the new value of one component, never below what is offered and never above the
stretch. Each lever says whether it is new money, a swap between components or non-cash, what its
number is (`unit`: per_year, once, grant, shares, days, or None for a request without a number),
what to say if the answer is no (`if_no`), and how it moves each year's total; the effect is
computed by the same `figures` as every other number.

Answered counters narrow the room: they are counted by `app.negotiation.counters_answered` (the
rounds of the talks when the offer has them, else the timeline's `response` events).
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import ROUND_FLOOR, Decimal
from typing import Any, Literal

from app.compensation import OfferFigures, figures
from app.models import MONEY_MAX, Grant, Offer, Vesting
from app.money import ZERO, exact, round_cents
from app.negotiation import counters_answered
from app.position import Alternative, Position
from app.rubric import DEFAULT_RUBRIC, TIER_NAMES, Rubric
from app.text import money_words, plural
from app.words import DROP_CAUSES

Plausibility = Literal["likely", "possible", "long_shot"]
DropCause = Literal["sign_on_ends", "grant_runs_out", "other"]
LeverKind = Literal["new_money", "swap", "non_cash"]
Unit = Literal["per_year", "once", "grant", "shares", "days"]
# Every lever name of the spec's `evaluate --json` contract.
LEVER_NAMES = (
    "base_salary",
    "combined_headcount",
    "sign_on",
    "make_whole",
    "equity",
    "level",
    "title",
    "deadline",
    "start_date",
    "relocation",
    "remote",
    "pto",
    "review",
    "refreshers",
    "exercise_window",
    "follow_up",
)
LEVER_TITLES = {
    "base_salary": "Base salary",
    "combined_headcount": "Combined headcount",
    "sign_on": "Sign-on bonus",
    "make_whole": "Make-whole for what you leave behind",
    "equity": "Equity",
    "level": "Level",
    "title": "Title",
    "deadline": "More time to decide",
    "start_date": "Start date",
    "relocation": "Relocation",
    "remote": "Remote work",
    "pto": "Paid time off",
    "review": "Early compensation review",
    "refreshers": "Equity refreshers",
    "exercise_window": "Option exercise window",
    "follow_up": "Follow up",
}
# What a lever's number is when it has one: base a year, a one-off payment, a whole grant's value.
ASK_UNITS: dict[str, Unit] = {
    "base_salary": "per_year",
    "combined_headcount": "per_year",
    "sign_on": "once",
    "make_whole": "once",
    "equity": "grant",
    "relocation": "once",
    "refreshers": "per_year",
    "pto": "days",
    "exercise_window": "days",
    "deadline": "days",
}
# The line to say if the answer is no: keep the conversation going toward another lever.
IF_NO = {
    "base_salary": "If the base can't move, ask whether a sign-on bonus or a larger grant could close the gap "
    "instead.",
    "combined_headcount": "If the two roles' budgets can't be combined, ask what the top of the band would take, "
    "and for a compensation review after six months.",
    "sign_on": "If there is no room for a sign-on bonus, ask whether part of it could come as equity, or as "
    "a review after six months.",
    "make_whole": "If they can't cover all of it, ask them to cover what vests or pays out in the next twelve "
    "months.",
    "equity": "If the grant can't grow, ask when the first refresher is granted and how large refreshers "
    "usually are.",
    "level": "If the level is fixed, ask what it would take to be promoted within a year, and get it in "
    "writing.",
    "title": "If the title is fixed, ask whether it can be reviewed with the level at the first review.",
    "deadline": "If the deadline is firm, ask for a call with the hiring manager before it to settle what "
    "is still open.",
    "start_date": "If the date can't move, ask whether a few days of unpaid leave before you start are "
    "possible.",
    "relocation": "If the package is fixed, ask whether moving costs can be reimbursed against receipts.",
    "remote": "If remote days aren't possible now, ask when the policy is next reviewed and whether it can "
    "be revisited after three months.",
    "pto": "If paid time off is fixed by policy, ask for a few days of unpaid leave or a later start "
    "date instead.",
    "review": "If an early review isn't possible, ask for the goals of the first annual review in writing.",
    "refreshers": "If refreshers aren't guaranteed, ask what a typical refresher was for your level last "
    "year.",
    "exercise_window": "If the window is fixed at 90 days, ask whether early exercise is allowed.",
    "follow_up": "If there is still no answer, ask the recruiter when you can expect one, and keep your "
    "other processes moving.",
}
PLAUSIBILITY_NAMES = {"likely": "Likely", "possible": "Possible", "long_shot": "Long shot"}
KIND_NAMES = {"new_money": "New money", "swap": "Swap between components", "non_cash": "Non-cash"}

# The order levers are offered in, by tier: a weak position leads with non-cash, low-risk asks.
_ORDER = {
    "weak": (
        "review",
        "start_date",
        "pto",
        "remote",
        "deadline",
        "exercise_window",
        "relocation",
        "sign_on",
        "equity",
        "base_salary",
        "level",
        "combined_headcount",
    ),
    "uncertain": (
        "review",
        "sign_on",
        "equity",
        "start_date",
        "base_salary",
        "pto",
        "remote",
        "deadline",
        "exercise_window",
        "relocation",
        "level",
        "combined_headcount",
    ),
    "steady": (
        "base_salary",
        "sign_on",
        "equity",
        "review",
        "start_date",
        "deadline",
        "pto",
        "remote",
        "relocation",
        "exercise_window",
        "level",
        "combined_headcount",
    ),
    "strong": (
        "base_salary",
        "combined_headcount",
        "equity",
        "sign_on",
        "level",
        "deadline",
        "start_date",
        "relocation",
        "remote",
        "pto",
        "exercise_window",
        "review",
    ),
    "grand_slam": (
        "base_salary",
        "combined_headcount",
        "equity",
        "sign_on",
        "level",
        "deadline",
        "start_date",
        "relocation",
        "remote",
        "pto",
        "exercise_window",
        "review",
    ),
}
STRONG_OR_BETTER = ("strong", "grand_slam")
ASK_STEP = Decimal(1000)


@dataclass(frozen=True)
class Drop:
    """A year whose total falls noticeably below the year before, and why."""

    year: int
    before: Decimal
    after: Decimal
    cause: DropCause
    fix: str  # the lever that addresses it

    @property
    def amount(self) -> Decimal:
        return self.before - self.after


@dataclass(frozen=True)
class GoalCheck:
    """The user's own year-1 numbers against the offer and the best plausible outcome."""

    target: Decimal | None
    walk_away: Decimal | None
    year_one_offered: Decimal
    year_one_best: Decimal

    @property
    def target_reachable(self) -> bool | None:
        return None if self.target is None else self.year_one_best >= self.target

    @property
    def target_shortfall(self) -> Decimal | None:
        return None if self.target is None else max(self.target - self.year_one_best, ZERO)

    @property
    def walk_away_met(self) -> bool | None:
        return None if self.walk_away is None else self.year_one_offered >= self.walk_away

    @property
    def walk_away_reachable(self) -> bool | None:
        return None if self.walk_away is None else self.year_one_best >= self.walk_away


@dataclass(frozen=True)
class Stretch:
    """What the company can plausibly still do from this position, in the offer's currency."""

    currency: str
    tier: str
    band_min: Decimal
    band_max: Decimal
    band_source: str  # posting, recruiter, estimate (the user's), or "typical band shape" (ours)
    band_estimated: bool  # True when no band was entered and one was estimated from the offer
    base_offered: Decimal
    base_ceiling: Decimal
    combined_headcount_extra: Decimal  # part of the ceiling that needs roles folded into one
    sign_on_offered: Decimal
    sign_on_ceiling: Decimal
    equity_offered: Decimal
    equity_ceiling: Decimal
    room_left_pct: Decimal  # share of the tier's room still open after answered counters
    offered: OfferFigures
    best: OfferFigures
    goal: GoalCheck | None
    drops: tuple[Drop, ...]
    notes: tuple[str, ...]

    @property
    def year_one_ceiling(self) -> Decimal:
        return self.best.year_one

    @property
    def total_ceiling(self) -> Decimal:
        return self.best.total


@dataclass(frozen=True)
class Lever:
    lever: str  # one of LEVER_NAMES
    ask: Decimal | None
    offered: Decimal | None  # the component's value today, for the what-if
    plausibility: Plausibility
    kind: LeverKind
    rationale: str
    script: str
    effect: tuple[Decimal, ...]  # change of each year's total (year 1 first) if the ask is granted
    if_no: str = ""  # the line to say if the answer is no (IF_NO[lever] unless given)

    def __post_init__(self) -> None:
        if not self.if_no:
            object.__setattr__(self, "if_no", IF_NO[self.lever])

    @property
    def title(self) -> str:
        return LEVER_TITLES[self.lever]

    @property
    def unit(self) -> Unit | None:
        """What the ask's number is (per_year, once, grant, shares, days); None without a number."""
        return ASK_UNITS.get(self.lever) if self.ask is not None else None

    @property
    def total_effect(self) -> Decimal:
        return sum(self.effect, ZERO)


# --- the stretch ---------------------------------------------------------------------------------


def _floor_step(value: Decimal) -> Decimal:
    """Asks are round numbers: down to the thousand (never up, so never above the stretch)."""
    return (value / ASK_STEP).to_integral_value(rounding=ROUND_FLOOR) * ASK_STEP


def offer_with(offer: Offer, **changes: Any) -> Offer:
    """The offer with some components changed, validated like any other (for amounts people type)."""
    data = offer.model_dump()
    data.update(changes)
    return Offer.model_validate(data)


def _derived(offer: Offer, **changes: Any) -> Offer:
    """The offer with components this module computed: asks already bounded by the offer and the
    stretch (never negative, never past the format's largest amount), so no second validation."""
    return offer.model_copy(update=changes)


def extra_grant(offer: Offer, value: Decimal) -> list[Grant]:
    """The offer's grants plus one more RSU grant of `value`, vesting like the first grant."""
    vesting = offer.equity[0].vesting if offer.equity else Vesting()
    return [*offer.equity, Grant(kind="rsu", value=round_cents(value), vesting=vesting)]


def sign_on_with_first(offer: Offer, first: Decimal) -> list[Decimal]:
    """The sign-on schedule with year 1 set to `first` (later years unchanged)."""
    rest = list(offer.sign_on[1:])
    return [round_cents(first), *rest]


def compute_stretch(
    offer: Offer,
    position: Position,
    horizon: int,
    rubric: Rubric = DEFAULT_RUBRIC,
    offered: OfferFigures | None = None,
    drop_years: OfferFigures | None = None,
) -> Stretch:
    """The stretch of `offer` from `position`. `offered` (the offer's figures over `horizon`) and
    `drop_years` (over at least 5 years) are passed by the Evaluator, which computes them once."""
    tier = position.tier
    line = rubric.stretch[tier]
    notes: list[str] = []
    base = offer.base_salary
    with exact():
        if offer.budget is not None:
            band_min, band_max = offer.budget.band_min, offer.budget.band_max
            source: str = offer.budget.source or "not stated"
            estimated = False
        else:
            band_min = round_cents(base * rubric.estimated_band_min_pct / 100)
            band_max = round_cents(base * rubric.estimated_band_max_pct / 100)
            source, estimated = "typical band shape", True
            notes.append(
                f"No salary band was entered: assuming the offer sits at the middle of a typical band "
                f"({rubric.estimated_band_min_pct}–{rubric.estimated_band_max_pct} % of the midpoint), "
                f"{money_words(band_min, offer.currency)}–{money_words(band_max, offer.currency)}. "
                "Every figure that depends on it is an estimate; ask the recruiter for the band."
            )

        answered = counters_answered(offer)
        room_left = (1 - rubric.response_uses_room_pct / 100) ** answered
        if room_left < 1:
            notes.append(
                f"The company has already answered {plural(answered, 'counter')}: the room left is "
                f"taken as {room_left * 100:.0f} % of what a {TIER_NAMES[tier].lower()} position "
                "would otherwise have."
            )
        within = max(band_max - base, ZERO) * line.band_room_pct / 100
        ceiling = base + within
        if line.over_band_pct > 0:
            ceiling = max(base, band_max) + band_max * line.over_band_pct / 100
        combined_extra = ZERO
        headcount = offer.headcount
        if tier in STRONG_OR_BETTER and headcount and headcount.combinable_roles > 0:
            combined_extra = min(
                headcount.combinable_budget * rubric.combined_budget_share_pct / 100,
                band_max * rubric.combined_over_band_max_pct / 100,
            )
            if combined_extra > 0:
                ceiling = max(ceiling, max(base, band_max)) + combined_extra
        # nothing past the format's largest amount, however absurd the band typed in
        ceiling = min(round_cents(base + (ceiling - base) * room_left), max(base, MONEY_MAX))
        combined_extra = round_cents(combined_extra * room_left)

        sign_on_offered = offer.sign_on[0] if offer.sign_on else ZERO
        sign_on_cap = base * line.sign_on_pct_of_base / 100
        sign_on_ceiling = min(
            round_cents(sign_on_offered + max(sign_on_cap - sign_on_offered, ZERO) * room_left),
            max(sign_on_offered, MONEY_MAX),
        )

        equity_offered = sum((g.grant_value for g in offer.equity), ZERO)
        extra = min(equity_offered * line.equity_extra_pct / 100 * room_left, MONEY_MAX)
        new_money_equity = round_cents(equity_offered + extra)
        equity_ceiling = new_money_equity
        swap_value = _swap_value(offer, tier, rubric)
        if swap_value is not None:  # a swap gives up sign-on for equity: a limit for its ask, not new money
            equity_ceiling = max(equity_ceiling, round_cents(equity_offered + swap_value[1]))

    if offered is None:
        offered = figures(offer, horizon)
    best_offer = _derived(
        offer,
        base_salary=ceiling,
        sign_on=sign_on_with_first(offer, sign_on_ceiling) if sign_on_ceiling > 0 else list(offer.sign_on),
        equity=extra_grant(offer, new_money_equity - equity_offered)
        if new_money_equity > equity_offered
        else list(offer.equity),
    )
    best = figures(best_offer, horizon)
    goal = None
    if offer.goal is not None and (offer.goal.target_total is not None or offer.goal.walk_away_total is not None):
        goal = GoalCheck(offer.goal.target_total, offer.goal.walk_away_total, offered.year_one, best.year_one)
    return Stretch(
        currency=offer.currency,
        tier=tier,
        band_min=round_cents(band_min),
        band_max=round_cents(band_max),
        band_source=source,
        band_estimated=estimated,
        base_offered=round_cents(base),
        base_ceiling=ceiling,
        combined_headcount_extra=combined_extra,
        sign_on_offered=round_cents(sign_on_offered),
        sign_on_ceiling=sign_on_ceiling,
        equity_offered=round_cents(equity_offered),
        equity_ceiling=equity_ceiling,
        room_left_pct=round_cents(room_left * 100),
        offered=offered,
        best=best,
        goal=goal,
        drops=find_drops(offer, horizon, rubric, drop_years),
        notes=tuple(notes),
    )


def _swap_value(offer: Offer, tier: str, rubric: Rubric) -> tuple[Decimal, Decimal] | None:
    """(sign-on given up, equity asked for) when a weak or uncertain position should swap, not add."""
    if tier not in ("weak", "uncertain") or not offer.sign_on or offer.sign_on[0] <= 0:
        return None
    given = round_cents(offer.sign_on[0] / 2)
    return given, round_cents(given * rubric.sign_on_to_equity_rate)


def find_drops(
    offer: Offer, horizon: int, rubric: Rubric = DEFAULT_RUBRIC, over: OfferFigures | None = None
) -> tuple[Drop, ...]:
    """Years (3 and 5 above all) whose total falls noticeably: the sign-on ends, or a grant runs out.

    `over`: the offer's figures over max(horizon, 5) years, when already computed.
    """
    if over is None or over.horizon < max(horizon, 5):
        over = figures(offer, max(horizon, 5))
    years = over.years
    drops = []
    for before, after in itertools.pairwise(years):
        if after.total >= before.total * (1 - rubric.drop_flag_pct / 100):
            continue
        cause: DropCause
        if after.sign_on < before.sign_on and before.sign_on - after.sign_on >= before.equity - after.equity:
            cause, fix = "sign_on_ends", "sign_on"
        elif after.equity < before.equity:
            cause, fix = "grant_runs_out", "equity"
        else:
            cause, fix = "other", "review"
        drops.append(Drop(after.year, before.total, after.total, cause, fix))
    return tuple(drops)


# --- the levers ----------------------------------------------------------------------------------


def suggest_levers(
    offer: Offer,
    position: Position,
    stretch: Stretch,
    horizon: int,
    alternatives: Sequence[Alternative] = (),
    rubric: Rubric = DEFAULT_RUBRIC,
    year_one_display: Decimal | None = None,
) -> list[Lever]:
    """The levers for this offer, ranked for this position (best first).

    `alternatives` hold the user's other offers with year 1 in the display currency, and
    `year_one_display` is this offer's year 1 in it (None when it has no rate: no comparison then).
    """
    tier = position.tier
    ctx = _Context(offer, position, stretch, horizon, alternatives, rubric, year_one_display)
    builders = {
        "base_salary": ctx.base,
        "sign_on": ctx.sign_on,
        "equity": ctx.equity,
        "combined_headcount": ctx.combined_headcount,
        "level": ctx.level,
        "start_date": ctx.start_date,
        "remote": ctx.remote,
        "pto": ctx.pto,
        "review": ctx.review,
        "relocation": ctx.relocation,
        "deadline": ctx.deadline,
        "exercise_window": ctx.exercise_window,
    }
    levers = []
    for name in _ORDER[tier]:
        # a flagged drop always comes with the lever that fixes it, even when no ask is plausible
        lever = builders[name]() or ctx.drop_fix(name)
        if lever is not None:
            levers.append(lever)
    return levers


class _Context:
    def __init__(
        self,
        offer: Offer,
        position: Position,
        stretch: Stretch,
        horizon: int,
        alternatives: Sequence[Alternative],
        rubric: Rubric,
        year_one_display: Decimal | None,
    ) -> None:
        self.offer: Offer = offer
        self.position: Position = position
        self.stretch: Stretch = stretch
        self.horizon: int = horizon
        self.rubric: Rubric = rubric
        self.tier: str = position.tier
        self.cur: str = offer.currency
        self.own_display = year_one_display
        self.better = None
        if year_one_display is not None:
            self.better = max(
                (a for a in alternatives if a.offer_id != offer.id and a.year_one > year_one_display),
                key=lambda a: a.year_one,
                default=None,
            )

    # helpers
    def money(self, value: Decimal) -> str:
        return money_words(value, self.cur)

    def effect(self, changed: Offer) -> tuple[Decimal, ...]:
        after = figures(changed, self.horizon)
        return tuple(a.total - b.total for a, b in zip(after.years, self.stretch.offered.years, strict=True))

    def why_strong(self) -> str:
        p = self.position
        lead = next((e.sentence for e in p.evidence if e.key in ("speed", "waiting")), "")
        return f"Your position is {p.tier_name.lower()} (score {p.score}). {lead}"

    def tier_sentence(self) -> str:
        return f"Your position is {self.position.tier_name.lower()} (score {self.position.score})."

    def tier_phrase(self) -> str:
        name = self.position.tier_name.lower()
        return f"{'an' if name[0] in 'aeiou' else 'a'} {name} position"

    def alternative_line(self) -> str:
        if self.better is None or self.own_display is None:  # a better offer is only found with a rate
            return ""
        gap = self.better.year_one - self.own_display
        return f" {self.better.company} pays {money_words(gap, self.better.currency)} more in year 1."

    def drop_line(self, lever: str) -> str:
        lines = [
            f" Pay drops in year {d.year} by {self.money(d.amount)} "
            f"({DROP_CAUSES[d.cause]}): "
            "this ask evens it out."
            for d in self.stretch.drops
            if d.fix == lever and d.year <= 5
        ]
        return "".join(lines[:1])

    def plausible(self, within_band: bool) -> Plausibility:
        if self.tier in STRONG_OR_BETTER:
            return "likely" if within_band or self.tier == "grand_slam" else "possible"
        if self.tier == "steady":
            return "likely" if within_band else "possible"
        if self.tier == "uncertain":
            return "possible"
        return "long_shot"

    # money levers
    def base(self) -> Lever | None:
        s = self.stretch
        top = s.base_ceiling - s.combined_headcount_extra if s.combined_headcount_extra > 0 else s.base_ceiling
        ask = _floor_step(top)
        if ask <= s.base_offered:
            return None
        band = (
            f"The band is {self.money(s.band_min)}–{self.money(s.band_max)} ({s.band_source})"
            if not s.band_estimated
            else f"With no band entered, a typical band around this offer is {self.money(s.band_min)}–"
            f"{self.money(s.band_max)} (an estimate)"
        )
        if s.band_max > s.band_min:
            penetration = (s.base_offered - s.band_min) / (s.band_max - s.band_min) * 100
            band += f"; the offer's base sits at {penetration:.0f} % of it."
        else:
            band += "."
        reach = (
            "past the top of the band"
            if ask > s.band_max
            else "to the top of the band"
            if ask == _floor_step(s.band_max)
            else "inside the band"
        )
        rationale = (
            f"{self.why_strong()} {band} From this position the company can plausibly go {reach}: "
            f"{self.money(ask)}, {self.money(ask - s.base_offered)} more a year, and the bonus "
            f"grows with it.{self.alternative_line()}"
        )
        reason = (
            f"my other offer is {money_words(self.better.year_one, self.better.currency)} in the first year"
            if self.better
            else "what I'd bring to the team"
        )
        script = (
            f"I'm excited about this role and I'd like to make it work. Given {reason}, I'd be ready "
            f"to accept at a base of {self.money(ask)}. Is that something you can do?"
        )
        changed = _derived(self.offer, base_salary=ask)
        return Lever(
            "base_salary",
            ask,
            s.base_offered,
            self.plausible(ask <= s.band_max),
            "new_money",
            rationale,
            script,
            self.effect(changed),
        )

    def sign_on(self) -> Lever | None:
        s = self.stretch
        drop = next((d for d in s.drops if d.fix == "sign_on" and d.year <= 5), None)
        ask = _floor_step(s.sign_on_ceiling)
        if ask > s.sign_on_offered:
            rationale = (
                f"A sign-on bonus is one-time money, easier to approve than base. From "
                f"{self.tier_phrase()} it plausibly reaches {self.money(ask)} in "
                f"year 1 (offered: {self.money(s.sign_on_offered)}). Sign-on bonuses usually must "
                f"be repaid if you leave within a year or two.{self.drop_line('sign_on')}"
                f"{self.alternative_line()}"
            )
            script = (
                f"If the base is fixed by the band, a sign-on bonus of {self.money(ask)} would close the gap for me."
            )
            changed = _derived(self.offer, sign_on=sign_on_with_first(self.offer, ask))
            return Lever(
                "sign_on",
                ask,
                s.sign_on_offered,
                "likely" if self.tier != "uncertain" else "possible",
                "new_money",
                rationale,
                script,
                self.effect(changed),
            )
        if drop is not None and s.sign_on_offered > 0 and drop.year <= len(self.offer.sign_on) + 2:
            # no new money plausible: spread the sign-on so the drop year is not a cliff (a swap)
            moved = round_cents(min(s.sign_on_offered / 3, drop.amount))
            schedule = list(self.offer.sign_on) + [ZERO] * max(0, drop.year - len(self.offer.sign_on))
            schedule[0] -= moved
            schedule[drop.year - 1] += moved
            changed = _derived(self.offer, sign_on=[round_cents(v) for v in schedule])
            rationale = (
                f"Pay drops in year {drop.year} by {self.money(drop.amount)} when the sign-on ends. "
                f"Moving {self.money(moved)} of the year-1 sign-on into year {drop.year} costs the "
                "company nothing and evens out your pay: a swap, not new money."
            )
            script = (
                f"Could we split the sign-on so that {self.money(moved)} is paid in year {drop.year}? "
                "It keeps my pay steady once the first payment is behind me."
            )
            return Lever(
                "sign_on",
                s.sign_on_offered,
                s.sign_on_offered,
                "likely",
                "swap",
                rationale,
                script,
                self.effect(changed),
            )
        return None

    def equity(self) -> Lever | None:
        s = self.stretch
        swap = _swap_value(self.offer, self.tier, self.rubric)
        if swap is not None:
            given, gained = swap
            ask = round_cents(s.equity_offered + gained)
            schedule = list(self.offer.sign_on)
            schedule[0] = round_cents(schedule[0] - given)
            changed = _derived(self.offer, sign_on=schedule, equity=extra_grant(self.offer, gained))
            eff = self.effect(changed)
            rationale = (
                f"From {self.tier_phrase()} new cash is hard to get, but a swap "
                f"costs the company little: give up {self.money(given)} of the year-1 sign-on for "
                f"{self.money(gained)} more equity (companies often convert at about "
                f"{self.rubric.sign_on_to_equity_rate}×). Year 1 goes down by "
                f"{self.money(-eff[0]) if eff[0] < 0 else self.money(ZERO)}; the {self.horizon}-year "
                f"total goes {'up' if sum(eff) >= 0 else 'down'} by {self.money(abs(sum(eff, ZERO)))}."
                f"{self.drop_line('equity')}"
            )
            script = (
                f"Would you consider converting {self.money(given)} of the sign-on into equity, say "
                f"{self.money(gained)} in additional shares? I'd rather share in the company's growth."
            )
            return Lever("equity", ask, s.equity_offered, "possible", "swap", rationale, script, eff)
        if s.equity_offered <= 0:
            if self.tier in ("weak", "uncertain"):
                return None
            rationale = (
                f"{self.tier_sentence()} The offer has no equity. Hiring managers who want a candidate "
                "often add equity when cash is capped by the band."
            )
            script = "Is there room to include an equity grant? It would make the offer much easier to say yes to."
            return Lever(
                "equity",
                None,
                ZERO,
                "long_shot" if self.tier == "steady" else "possible",
                "new_money",
                rationale,
                script,
                (ZERO,) * self.horizon,
            )
        ask = _floor_step(s.equity_ceiling)
        if ask <= s.equity_offered:
            return None
        changed = _derived(self.offer, equity=extra_grant(self.offer, ask - s.equity_offered))
        rationale = (
            f"{self.tier_sentence()} Equity is where hiring managers find room when the band caps base: "
            f"the grant could plausibly grow from {self.money(s.equity_offered)} to {self.money(ask)}, "
            f"vesting on the same schedule.{self.drop_line('equity')}"
        )
        script = f"The equity matters to me because I plan to stay. Could the grant be {self.money(ask)} instead?"
        return Lever(
            "equity", ask, s.equity_offered, self.plausible(True), "new_money", rationale, script, self.effect(changed)
        )

    def combined_headcount(self) -> Lever | None:
        s = self.stretch
        headcount = self.offer.headcount
        if self.tier not in STRONG_OR_BETTER or not headcount or headcount.combinable_roles <= 0:
            return None
        ask = _floor_step(s.base_ceiling)
        if ask <= max(s.base_offered, _floor_step(s.base_ceiling - s.combined_headcount_extra)):
            return None
        rationale = (
            f"{self.tier_sentence()} You recorded {plural(headcount.combinable_roles, 'other open role')} with "
            f"{self.money(headcount.combinable_budget)} of budget. For a candidate they don't want to "
            "lose, hiring managers fold two roles into one headcount to pay past the band: a base of "
            f"{self.money(ask)} is within reach that way."
        )
        script = (
            "I know the band is a constraint. I'd be taking on scope across both open roles; could the "
            f"budget for the second role fund a base of {self.money(ask)}?"
        )
        changed = _derived(self.offer, base_salary=ask)
        return Lever(
            "combined_headcount",
            ask,
            s.base_offered,
            "likely" if self.tier == "grand_slam" else "possible",
            "new_money",
            rationale,
            script,
            self.effect(changed),
        )

    def drop_fix(self, name: str) -> Lever | None:
        """The sign-on or equity lever for a drop in pay when no new money is plausible: raise it anyway."""
        drop = next((d for d in self.stretch.drops if d.fix == name and d.year <= 5), None)
        if drop is None or name not in ("sign_on", "equity"):
            return None
        s = self.stretch
        lead = f"{self.tier_sentence()} Pay drops in year {drop.year} by {self.money(drop.amount)}"
        plausibility: Plausibility = "long_shot" if self.tier == "weak" else "possible"
        if name == "equity":
            return Lever(
                "equity",
                None,
                s.equity_offered,
                plausibility,
                "new_money",
                f"{lead} when the initial grant runs out. A bigger grant is unlikely from this position, but "
                "the drop is worth raising: ask how refreshers work and when the first one is granted.",
                f"How do equity refreshers work here, and when would I receive my first one? I'd like to "
                f"understand how my pay develops from year {drop.year} on.",
                (ZERO,) * self.horizon,
            )
        return Lever(
            "sign_on",
            None,
            s.sign_on_offered,
            plausibility,
            "swap",
            f"{lead} when the sign-on ends. New sign-on money is unlikely from this position, but paying the "
            "sign-on over more years costs the company little and evens out your pay.",
            f"Could part of the sign-on be paid in year {drop.year}? It would keep my pay steady.",
            (ZERO,) * self.horizon,
        )

    # non-cash levers
    def _non_cash(self, name: str, plausibility: Plausibility, rationale: str, script: str) -> Lever:
        return Lever(name, None, None, plausibility, "non_cash", rationale, script, (ZERO,) * self.horizon)

    def level(self) -> Lever | None:
        plaus: Plausibility = (
            "likely" if self.tier == "grand_slam" else "possible" if self.tier == "strong" else "long_shot"
        )
        current = f" than {self.offer.level}" if self.offer.level else ""
        return self._non_cash(
            "level",
            plaus,
            f"A higher level{current} moves you into a higher band, and every future raise and refresher with "
            "it. Companies pre-approve the next level up for candidates who interviewed at that bar.",
            "Based on the scope we discussed, I'd like to be considered for the next level. What would it "
            "take to get there?",
        )

    def start_date(self) -> Lever:
        return self._non_cash(
            "start_date",
            "likely",
            "A later (or earlier) start date costs the company nothing and is almost always granted: it buys "
            "time for a break, a bonus payout or a vesting date at your current job.",
            "To leave my current team well, I'd like to start on [date]. Does that work on your side?",
        )

    def remote(self) -> Lever:
        return self._non_cash(
            "remote",
            "likely" if self.tier in STRONG_OR_BETTER else "possible",
            "Remote or hybrid days are worth real money in commute and time, and cost the company little.",
            "Would it be possible to work remotely [two days a week]? It would make a real difference for me.",
        )

    def pto(self) -> Lever:
        return self._non_cash(
            "pto",
            "likely" if self.tier in STRONG_OR_BETTER else "possible",
            "Extra paid time off is a low-risk ask: it rarely needs an exception above the hiring manager.",
            "Could we add [five] days of paid time off? That would help me say yes today.",
        )

    def review(self) -> Lever:
        return self._non_cash(
            "review",
            "likely" if self.tier not in STRONG_OR_BETTER else "possible",
            "An early compensation review (at six months instead of a year) is low risk for the company: it "
            "pays only if you prove yourself, so it is easy to grant even when the budget is tight.",
            "If the numbers are fixed today, could we agree on a compensation review after six months, "
            "with the goals written down now?",
        )

    def relocation(self) -> Lever | None:
        offered = self.offer.relocation
        if offered > 0:
            ask = _floor_step(offered * Decimal("1.5"))
            if ask > offered:
                changed = _derived(self.offer, relocation=ask)
                return Lever(
                    "relocation",
                    ask,
                    round_cents(offered),
                    "possible",
                    "new_money",
                    f"Relocation comes from a different budget than salary. The offer includes "
                    f"{self.money(offered)}; {self.money(ask)} is a common top-up when a move is costly.",
                    f"The move will cost more than the package covers: could relocation be {self.money(ask)}?",
                    self.effect(changed),
                )
        if self.offer.location:
            return self._non_cash(
                "relocation",
                "possible",
                f"If you are moving to {self.offer.location}, a relocation package comes from a different "
                "budget than salary and is often granted on request.",
                "I'll be relocating for this role: is there a relocation package?",
            )
        return None

    def deadline(self) -> Lever | None:
        if (
            self.offer.signals.deadline is None
            and self.better is None
            and (self.offer.signals.competing_offers or 0) == 0
        ):
            return None
        return self._non_cash(
            "deadline",
            "likely",
            "More time to decide is rarely refused: very few companies withdraw an offer because a candidate "
            "asked for a few more days, and the time lets other processes catch up.",
            "I want to give this the consideration it deserves. Could I have until [date] to decide?",
        )

    def exercise_window(self) -> Lever | None:
        if not any(g.kind == "option" for g in self.offer.equity):
            return None
        return self._non_cash(
            "exercise_window",
            "possible",
            "Options usually must be exercised within 90 days of leaving, or they are lost. A longer window "
            "(several years) keeps their value without forcing you to pay the strike and the tax at once.",
            "Could the post-termination exercise window on my options be extended from 90 days to [five] years?",
        )
