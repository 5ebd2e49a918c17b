"""The content of the negotiation brief: every section as plain data, chosen from `app/` results.

No layout and no Qt: `ui/pdf/brief_pdf.py` lays this out on paper. Figures stay `Decimal` (the
renderer formats them with `ui.format`, like every screen); sentences the domain writes (reasons,
rationales, scripts, the checklist) use `app.text` as the levers' scripts do. Every number is one
that `app/` already computed — the evaluation, the stretch, the levers, the comparison — so the brief
shows exactly what the screens and the command line show.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from app import __version__
from app.after_tax import NOT_TAXED_NOTE, AfterTax
from app.comparison import Column, Comparison, OfferSeries, build_comparison, comparison_for
from app.compensation import OfferFigures
from app.evaluation import Evaluator, OfferEvaluation
from app.levers import KIND_NAMES, PLAUSIBILITY_NAMES, STEP_NAMES, Lever
from app.models import Offer, Paper
from app.money import ZERO, exact
from app.options import OptionDetails
from app.position import missing_for_rating
from app.rubric import TIER_NAMES, TIERS, Rubric, explain_rubric
from app.text import date_words, day_words, money_words, per_share_words, say_money
from app.words import DROP_CAUSES, WHO_NAMES

SUMMARY_REASONS = 2  # the call sheet keeps the position to its two strongest reasons
LADDER_ON_PAGE_ONE = 4  # rungs of the fallback ladder on the call sheet; every lever is in full further on
CREATOR = f"Offer Planner {__version__}"

# What an ask's number is, by lever and unit (an ask is the new value of one component).
ASK_UNITS = {
    ("base_salary", "per_year"): "base a year",
    ("combined_headcount", "per_year"): "base a year",
    ("sign_on", "once"): "sign-on in year 1",
    ("make_whole", "once"): "sign-on in year 1",
    ("equity", "grant"): "whole grant",
    ("equity", "shares"): "options",
    ("relocation", "once"): "paid once",
    ("deadline", "days"): "more days",
    ("pto", "days"): "more days a year",
    ("exercise_window", "days"): "days to exercise",
}


class BriefError(Exception):
    """The brief can't be made or written; `str(error)` is a message for the user (exit status 2)."""


# --- the parts -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Reason:
    """One piece of evidence behind the rating, with the points it gave or took."""

    points: int
    sentence: str


@dataclass(frozen=True)
class TierBand:
    """A tier's range of scores (for the score scale on the first page)."""

    tier: str
    name: str
    low: int
    high: int  # inclusive


@dataclass(frozen=True)
class BriefLever:
    """A lever, ranked, with its ask and everything said about it (amounts in the offer's currency)."""

    rank: int
    lever: str
    title: str
    ask: Decimal | None  # None: non-cash, or no number to name
    offered: Decimal | None
    unit: str  # what the ask's number is ("base a year", "whole grant"), "" without one
    money: bool  # the ask is money in the offer's currency (not days or options)
    plausibility: str
    plausibility_name: str
    kind: str
    kind_name: str
    rationale: str
    script: str
    if_no: str
    step: str  # first, package, fallback, also
    step_name: str
    who: str  # whom to ask, in words
    closing: bool
    effect: tuple[Decimal, ...]  # change of each year's total, year 1 first
    total_effect: Decimal
    pocket: str = ""  # what the base's ask leaves after tax, in words (the Evaluator's number); "" without

    @property
    def changes_figures(self) -> bool:
        return any(v != 0 for v in self.effect)


@dataclass(frozen=True)
class GoalLine:
    """The user's year-1 numbers against the offer and the best plausible outcome."""

    key: str  # offered, walk_away, target, best
    label: str
    amount: Decimal
    verdict: str  # in words, without numbers ("within reach")
    gap: Decimal | None = None  # the amount the verdict is about (a shortfall), when there is one


@dataclass(frozen=True)
class Summary:
    """The first page, a call sheet: what to do now, the numbers, the package in order with its if-no
    lines, the ladder, whom to talk to and the deadline tactic."""

    company: str
    role: str
    level: str | None
    location: str | None
    stage: str
    as_of: date
    currency: str
    horizon: int
    mode: str  # asks, follow_up, closed
    headline: str  # what to do now, in one sentence
    year_one: Decimal
    total: Decimal
    annual_average: Decimal
    guaranteed_year_one: Decimal
    anchor_year_one: Decimal | None  # year 1 with the whole package granted (None without a package)
    make_whole_year_one: Decimal  # the part of it that pays back what leaving costs (not a gain)
    tier: str
    tier_name: str
    score: int
    reasons: tuple[Reason, ...]  # the strongest (largest points either way), at most two
    capped: str | None
    tier_bands: tuple[TierBand, ...]  # weak first
    asks: tuple[BriefLever, ...]  # first and the package, in order
    ladder: tuple[BriefLever, ...]  # if they say no: the fallback ladder, in order (the first few)
    more_levers: int  # levers not on the first page
    goal_lines: tuple[GoalLine, ...]
    goal_note: str
    alternative_line: str  # the best alternative, or staying, like for like
    where_from: str  # where the package's numbers come from
    who: tuple[str, ...]  # whom to talk to about what
    deadline_tactic: str
    warnings: tuple[str, ...]  # what to watch out for (under-water options, a guessed band, …)
    last_interview: date | None  # before an offer: the last interview, and when to follow up
    follow_up_on: date | None
    deadline: date | None
    days_left: int | None
    deadline_words: str
    # what the offer still needs before it can be rated (`app.position.missing_for_rating`); while
    # anything is missing the brief says "Not rated", never a score that rests on defaults
    missing: tuple[str, ...] = ()

    @property
    def rated(self) -> bool:
        return not self.missing


@dataclass(frozen=True)
class SplitLine:
    """Guaranteed, contingent, equity, benefits over the horizon, with their share of the total."""

    key: str
    label: str
    amount: Decimal
    share_pct: Decimal  # one decimal, of the horizon total
    description: str


@dataclass(frozen=True)
class DropLine:
    year: int
    before: Decimal
    after: Decimal
    amount: Decimal
    cause: str  # in words


@dataclass(frozen=True)
class OfferYears:
    """The offer year by year in its own currency: the figures as `app.compensation` computed them
    (each year, and `component_total` for the horizon), their split, the chart's data and the drops."""

    figures: OfferFigures
    split: tuple[SplitLine, ...]
    series: OfferSeries  # the chart's data, in the offer's own currency
    drops: tuple[DropLine, ...]

    @property
    def currency(self) -> str:
        return self.figures.currency

    @property
    def horizon(self) -> int:
        return self.figures.horizon


@dataclass(frozen=True)
class AlternativeColumn:
    """One offer in the side-by-side table (this one first, then the others the user holds): the offer
    as `app.comparison` compared it (`offer.currency` is what the values are in), and its values."""

    offer: Column
    is_this_offer: bool
    values: tuple[Decimal | None, ...]  # one per `Alternatives.figures`
    best: tuple[bool, ...]  # per figure: the best of the compared offers
    total_difference: Decimal | None  # horizon total minus this offer's (display currency)
    under_water: bool = False  # an option grant of the offer is under water at the stated price
    tax_flag: str | None = None  # after tax: why the column has no figures ("no tax region: …")
    tax_place: str | None = None  # after tax: the region the estimate is for ("Washington (US)")


@dataclass(frozen=True)
class Alternatives:
    display_currency: str
    horizon: int
    figures: tuple[tuple[str, str], ...]  # (row key, label) of `app.comparison`, in order
    columns: tuple[AlternativeColumn, ...]
    series: tuple[OfferSeries, ...]  # converted offers only, in column order
    others: int  # how many other offers the user holds
    notes: tuple[str, ...]
    after_tax: bool = False  # every figure after the estimated tax
    labels: tuple[str, ...] = ()  # after tax: each estimate's label with the columns it applies to

    @property
    def stay(self) -> AlternativeColumn | None:
        """The current job's column (what staying pays), when the file has a current job."""
        return next((c for c in self.columns if c.offer.is_stay), None)

    def value(self, offer_id: str, key: str) -> Decimal | None:
        index = [k for k, _ in self.figures].index(key)
        return next(c.values[index] for c in self.columns if c.offer.offer_id == offer_id)


@dataclass(frozen=True)
class TimelineEntry:
    day: date
    kind: str  # app.models.EventKind
    note: str
    days_after_previous: int | None


@dataclass(frozen=True)
class Timeline:
    entries: tuple[TimelineEntry, ...]  # in date order
    deadline: date | None
    as_of: date
    notes: str  # the user's notes on the offer, as typed
    rounds: tuple[tuple[date, str], ...] = ()  # the negotiation's rounds: (date, side), in date order


@dataclass(frozen=True)
class ChecklistItem:
    lead: str  # a few words, bold on paper
    text: str


@dataclass(frozen=True)
class Rating:
    score: int
    tier: str
    tier_name: str
    evidence: tuple[Reason, ...]  # every line, in the order the rating read them
    capped: str | None
    next_steps: tuple[str, ...]
    rubric: tuple[tuple[str, tuple[str, ...]], ...]  # explain_rubric: (section, lines)
    rubric_version: str
    missing: tuple[str, ...] = ()  # as `Summary.missing`: not rated while anything is missing

    @property
    def rated(self) -> bool:
        return not self.missing


@dataclass(frozen=True)
class ScenarioLine:
    """One offer (or staying) under every share-price scenario, in `offer.currency` (the display
    currency, or the offer's own without a rate)."""

    offer: Column
    is_this_offer: bool
    offered: Decimal | None  # the horizon total as offered (stated prices)
    totals: tuple[Decimal | None, ...]  # per scenario, in the settings' order
    growths: tuple[Decimal | None, ...]  # the growth applied per scenario (the offer's own entry, if any)
    low: Decimal | None  # the range over the scenarios
    high: Decimal | None


@dataclass(frozen=True)
class ScenarioHead:
    name: str
    growth_pct: Decimal  # the scenario's growth (an offer may have its own entry: `ScenarioLine.growths`)


@dataclass(frozen=True)
class Scenarios:
    """Each offer's horizon total under every scenario (as the settings define them), its range, and
    the break-even growth between this offer and each other one (`Evaluator.break_even_sentence`)."""

    display_currency: str
    horizon: int
    scenarios: tuple[ScenarioHead, ...]
    lines: tuple[ScenarioLine, ...]  # this offer, staying, the others
    # before tax only: an after-tax break-even searches the growth with the tax engine at every step
    # (about a second a pair on this machine, several with six offers), too slow for an export
    break_evens: tuple[str, ...]
    notes: tuple[str, ...]


@dataclass(frozen=True)
class OptionGrant:
    """One option grant of an offer in the brief, with its details (`app.options`)."""

    offer_id: str
    company: str
    is_this_offer: bool
    number: int  # among the offer's option grants, from 1
    of: int  # how many option grants the offer has
    details: OptionDetails

    @property
    def title(self) -> str:
        return self.company if self.of == 1 else f"{self.company}, grant {self.number}"


@dataclass(frozen=True)
class Brief:
    """Everything the negotiation brief prints, in order."""

    offer_id: str
    title: str
    running_title: str
    subject: str
    creator: str
    paper: Paper
    file_name: str
    summary: Summary
    years: OfferYears
    alternatives: Alternatives
    timeline: Timeline
    levers: tuple[BriefLever, ...]
    checklist: tuple[ChecklistItem, ...]
    rating: Rating
    assumptions: tuple[str, ...]
    # beyond the offer as it stands: after tax, share-price scenarios, startup options
    after_tax: AfterTax | None = None  # this offer's years after tax (None: nothing compared has a tax region)
    alternatives_after_tax: Alternatives | None = None  # the side-by-side after tax (same condition)
    scenarios: Scenarios | None = None  # None: the settings define no scenario
    options: tuple[OptionGrant, ...] = ()  # every option grant of the offers compared


# --- building ------------------------------------------------------------------------------------


def build_brief(
    evaluator: Evaluator, offer_id: str, *, as_of: date | None = None, paper: Paper | None = None
) -> Brief:
    """The brief of one of `evaluator`'s offers, against the other offers it holds.

    `as_of` is the brief's date (the evaluator's by default); `paper` the size asked for ("auto",
    or None: the renderer follows the locale). An unknown id is a `BriefError` naming the known ones.
    """
    if offer_id not in evaluator.by_id:
        known = ", ".join(evaluator.by_id) or "none"
        raise BriefError(f'no offer has the id "{offer_id}" (the offers are: {known})')
    day = as_of or evaluator.as_of
    evaluation = evaluator.evaluate(offer_id)
    offer = evaluation.offer
    levers = tuple(_brief_lever(rank, lever) for rank, lever in enumerate(evaluation.levers, 1))
    summary = _summary(evaluation, evaluator.rubric, levers, day)
    taxed = _shows_after_tax(evaluator, offer)
    place = f"{offer.company} — {offer.role}"
    return Brief(
        offer_id=offer.id,
        title=f"Negotiation brief: {place}",
        running_title=f"Negotiation brief · {place}",
        subject=(
            f"What the {offer.company} offer is worth, how strong your position is, what to ask for and how "
            f"to say it. Prepared {day.isoformat()}."
        ),
        creator=CREATOR,
        paper=paper or "auto",
        file_name=brief_file_name(offer.company, day),
        summary=summary,
        years=_offer_years(evaluation, evaluator.rubric),
        alternatives=_alternatives(evaluator, offer),
        timeline=_timeline(offer, day),
        levers=levers,
        checklist=_checklist(evaluation, levers, summary),
        rating=_rating(evaluation, evaluator.rubric),
        assumptions=_assumptions(evaluator, evaluation, day),
        after_tax=evaluator.after_tax(offer.id) if taxed else None,
        alternatives_after_tax=_alternatives(evaluator, offer, after_tax=True) if taxed else None,
        scenarios=_scenarios(evaluator, offer),
        options=_option_grants(evaluator, offer),
    )


_UNSAFE = re.compile(r'[\x00-\x1f\x7f<>:"/\\|?*]+')


def brief_file_name(company: str, day: date) -> str:
    """"Negotiation brief – Lumen Health – 2026-11-20.pdf": safe on every file system."""
    name = _UNSAFE.sub(" ", company)
    name = re.sub(r"\s+", " ", name).strip(" .")[:80].strip(" .") or "offer"
    return f"Negotiation brief – {name} – {day.isoformat()}.pdf"


def _brief_lever(rank: int, lever: Lever) -> BriefLever:
    unit = ASK_UNITS.get((lever.lever, lever.unit or ""), "") if lever.ask is not None else ""
    return BriefLever(
        rank=rank,
        lever=lever.lever,
        title=lever.title,
        ask=lever.ask,
        offered=lever.offered,
        unit=unit,
        money=lever.unit in ("per_year", "once", "grant"),
        plausibility=lever.plausibility,
        plausibility_name=PLAUSIBILITY_NAMES[lever.plausibility],
        kind=lever.kind,
        kind_name=KIND_NAMES[lever.kind],
        rationale=lever.rationale,
        script=lever.script,
        if_no=lever.if_no,
        step=lever.step,
        step_name=STEP_NAMES[lever.step],
        who=WHO_NAMES[lever.who],
        closing=lever.closing,
        effect=tuple(lever.effect),
        total_effect=lever.total_effect,
        pocket=lever.pocket_words,
    )


def _tier_bands(rubric: Rubric) -> tuple[TierBand, ...]:
    lows = {
        "weak": 0,
        "uncertain": rubric.uncertain_from,
        "steady": rubric.steady_from,
        "strong": rubric.strong_from,
        "grand_slam": rubric.grand_slam_from,
    }
    order = tuple(reversed(TIERS))  # weak first
    bands = []
    for index, tier in enumerate(order):
        high = lows[order[index + 1]] - 1 if index + 1 < len(order) else 100
        bands.append(TierBand(tier, TIER_NAMES[tier], lows[tier], high))
    return tuple(bands)


def _summary(e: OfferEvaluation, rubric: Rubric, levers: Sequence[BriefLever], day: date) -> Summary:
    offer, p, fig, advice = e.offer, e.position, e.figures, e.advice
    strongest = sorted(p.evidence, key=lambda ev: -abs(ev.points))[:SUMMARY_REASONS]
    # keep the rating's own order among the chosen ones (speed, then the people, …)
    reasons = tuple(Reason(ev.points, ev.sentence) for ev in p.evidence if ev in strongest)
    deadline = offer.signals.deadline
    days_left = (deadline - day).days if deadline is not None else None
    asks = tuple(lv for lv in levers if lv.step in ("first", "package"))
    ladder = tuple(lv for lv in levers if lv.step == "fallback")[:LADDER_ON_PAGE_ONE]
    anchor = advice.package.anchor
    plan = advice.package.follow_up
    return Summary(
        company=offer.company,
        role=offer.role,
        level=offer.level or None,
        location=offer.location or None,
        stage=offer.stage,
        as_of=day,
        currency=offer.currency,
        horizon=fig.horizon,
        mode=advice.mode,
        headline=advice.headline,
        year_one=fig.year_one,
        total=fig.total,
        annual_average=fig.annual_average,
        guaranteed_year_one=fig.years[0].guaranteed_cash,
        anchor_year_one=anchor.year_one if anchor is not None else None,
        make_whole_year_one=advice.package.make_whole_part,
        tier=p.tier,
        tier_name=p.tier_name,
        score=p.score,
        reasons=reasons,
        capped=p.capped,
        tier_bands=_tier_bands(rubric),
        asks=asks,
        ladder=ladder,
        more_levers=max(len(levers) - len(asks) - len(ladder), 0),
        goal_lines=_goal_lines(e),
        goal_note=_goal_note(e),
        alternative_line=e.advice.alternative,
        where_from=advice.where_from,
        who=advice.who,
        deadline_tactic=advice.deadline_tactic,
        warnings=advice.warnings,
        last_interview=plan.last_interview if plan is not None else None,
        follow_up_on=plan.write_on if plan is not None else None,
        deadline=deadline,
        days_left=days_left,
        deadline_words=_deadline_words(deadline, days_left),
        missing=missing_for_rating(offer),
    )


def _goal_lines(e: OfferEvaluation) -> tuple[GoalLine, ...]:
    s = e.stretch
    lines = [GoalLine("offered", "Offered, year 1", s.offered.year_one, "what the offer pays as it stands")]
    goal = s.goal
    if goal is not None and goal.walk_away is not None:
        if goal.walk_away_met:
            verdict = "met by the offer as it stands"
        elif goal.walk_away_reachable:
            verdict = "not met yet, but within the plausible stretch"
        else:
            verdict = "out of reach even at the best plausible outcome"
        gap = None if goal.walk_away_met else goal.walk_away - s.offered.year_one
        lines.append(GoalLine("walk_away", "Your walk-away, year 1", goal.walk_away, verdict, gap))
    if goal is not None and goal.target is not None:
        if goal.target_reachable:
            lines.append(GoalLine("target", "Your target, year 1", goal.target, "within the plausible stretch"))
        else:
            lines.append(
                GoalLine(
                    "target",
                    "Your target, year 1",
                    goal.target,
                    "short of the best plausible outcome by",
                    goal.target_shortfall,
                )
            )
    anchor = e.advice.package.anchor
    if anchor is not None and anchor.year_one != s.offered.year_one:
        part = e.advice.package.make_whole_part
        verdict = "what you ask for, all together"
        if part > 0:
            verdict += f", {say_money(part, e.offer.currency)} of it to make you whole for what you leave"
        lines.append(GoalLine("anchor", "The package, year 1", anchor.year_one, verdict))
    lines.append(
        GoalLine(
            "best",
            "Best plausible, year 1",
            s.best.year_one,
            f"the most a {_tier(e)} position plausibly reaches (about what negotiating usually gains)",
        )
    )
    return tuple(lines)


def _tier(e: OfferEvaluation) -> str:
    return e.position.tier_name.lower()


def _goal_note(e: OfferEvaluation) -> str:
    goal = e.stretch.goal
    if goal is None:
        return (
            "No target or walk-away is set for this offer: decide both before the call (Negotiate tab, or "
            '"goal" in the offer file).'
        )
    return "Target and walk-away are year-1 totals, as you entered them."


def _deadline_words(deadline: date | None, days_left: int | None) -> str:
    if deadline is None or days_left is None:
        return "No deadline recorded: ask when they need your answer."
    when = date_words(deadline)
    if days_left > 0:
        return f"Decide by {when}: {day_words(days_left)} from the date of this brief."
    if days_left == 0:
        return f"Decide by {when}: today."
    return f"The deadline was {when}, {day_words(-days_left)} ago: confirm with the recruiter whether it still holds."


def _share(part: Decimal, whole: Decimal) -> Decimal:
    if whole == 0:
        return ZERO
    with exact():
        return (part * 100 / whole).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


def _offer_years(e: OfferEvaluation, rubric: Rubric) -> OfferYears:
    offer, fig = e.offer, e.figures
    split = (
        SplitLine(
            "guaranteed_cash",
            "Guaranteed cash",
            fig.guaranteed_cash,
            _share(fig.guaranteed_cash, fig.total),
            "base + sign-on + relocation: paid whatever happens",
        ),
        SplitLine(
            "contingent_cash",
            "Contingent cash",
            fig.contingent_cash,
            _share(fig.contingent_cash, fig.total),
            "the bonus at the expected payout: depends on performance and the company's year",
        ),
        SplitLine(
            "equity",
            "Equity",
            fig.equity,
            _share(fig.equity, fig.total),
            "vesting at the stated price: real money, but not rent money",
        ),
        SplitLine("benefits", "Benefits", fig.benefits, _share(fig.benefits, fig.total), "their yearly value"),
    )
    own = build_comparison(
        [offer], display_currency=offer.currency, fx={}, horizon=fig.horizon, figures_for=lambda _id: fig
    )
    drops = tuple(
        DropLine(d.year, d.before, d.after, d.amount, DROP_CAUSES.get(d.cause, d.cause)) for d in e.stretch.drops
    )
    return OfferYears(
        figures=fig,
        split=split,
        series=own.series[0],
        drops=drops,
    )


def _alternatives(evaluator: Evaluator, offer: Offer, *, after_tax: bool = False) -> Alternatives:
    """This offer, staying (when the file has a current job) and the other offers held, as
    `app.comparison` compares them: before tax, or after the estimated tax (`after_tax`)."""
    others = [i for i in evaluator.in_hand_ids() if i != offer.id]
    comparison = comparison_for(evaluator, [offer.id, *others], baseline_id=offer.id, stay=True, after_tax=after_tax)
    years = [f"year:{y}" for y in range(1, comparison.horizon + 1)]
    present = {row.key for row in comparison.rows}
    # what leaving the current job costs sits right under year 1, where it is paid
    leaving = [key for key in ("leaving_cost", "year:1:after_leaving") if key in present]
    keys = years[:1] + leaving + years[1:] + ["total"] + (["tax"] if "tax" in present else [])
    keys += ["annual_average", "guaranteed_cash", "contingent_cash", "equity"]
    rows = [comparison.row(key) for key in keys]
    total_row = comparison.row("total")
    # this offer first, then staying, then the other offers in the evaluator's order
    order = sorted(
        range(len(comparison.columns)),
        key=lambda i: (comparison.columns[i].offer_id != offer.id, not comparison.columns[i].is_stay),
    )
    untaxed = {column.offer_id: reason for column, reason in comparison.untaxed} if after_tax else {}
    taxes = comparison.taxes or (None,) * len(comparison.columns)  # empty before tax
    places = {c.offer_id: t.region_name for c, t in zip(comparison.columns, taxes, strict=True) if t and t.available}
    columns = []
    for index in order:
        column = comparison.columns[index]
        columns.append(
            AlternativeColumn(
                offer=column,
                is_this_offer=column.offer_id == offer.id,
                values=tuple(row.values[index] for row in rows),
                # the leaving cost is the same for every offer: no best among them
                best=tuple(row.statuses[index] == "best" and row.key != "leaving_cost" for row in rows),
                total_difference=total_row.differences[index],
                tax_place=places.get(column.offer_id),
                under_water=not column.is_stay and any(d.under_water for d in evaluator.options(column.offer_id)),
                tax_flag=untaxed.get(column.offer_id),
            )
        )
    # the estimates' labels go beside the figures; the rest of the tax notes under them
    labels = [note for note in comparison.tax_notes if note.startswith("After tax: ")]
    notes = [note for note in comparison.tax_notes if note not in labels]
    for column in comparison.unconverted:
        notes.append(
            f"{column.label} is in {column.offer_currency} and there is no {column.offer_currency} rate to "
            f"{comparison.display_currency}: shown in {column.offer_currency}, not compared."
        )
    if comparison.stay_index is not None and not after_tax:
        notes.append(_stay_note(comparison))
    if any(c.under_water for c in columns):
        names = ", ".join(c.offer.label for c in columns if c.under_water)
        notes.append(
            f"UNDER WATER ({names}): options whose stated price is at or below their strike are worth nothing at "
            "that price, so their equity counts 0 here. They are still equity: see Startup options."
        )
    if not others:
        notes.append(
            "You hold no other offer: when one arrives, add it, and this section compares them side by side."
        )
    return Alternatives(
        display_currency=comparison.display_currency,
        horizon=comparison.horizon,
        figures=tuple((row.key, row.label) for row in rows),
        columns=tuple(columns),
        series=comparison.series,
        others=len(others),
        notes=tuple(notes),
        after_tax=after_tax,
        labels=tuple(labels),
    )


def _stay_note(comparison: Comparison) -> str:
    stay = comparison.columns[comparison.stay_index or 0]
    return (
        f"Stay is your current job at {stay.company}, as you entered it: its raises, bonus and the equity a broker "
        "shows vesting. The leaving cost (what you forfeit and would repay if you leave) is set against each "
        "offer's year 1: it is what to ask a new employer to make whole."
    )


def _timeline(offer: Offer, day: date) -> Timeline:
    entries: list[TimelineEntry] = []
    previous: date | None = None
    for event in offer.sorted_timeline():
        gap: int | None = (event.date - previous).days if previous is not None else None
        entries.append(TimelineEntry(event.date, event.kind, event.note, gap))
        previous = event.date
    rounds = tuple((r.date, r.side) for r in offer.sorted_negotiation())
    return Timeline(tuple(entries), offer.signals.deadline, day, offer.notes.strip(), rounds)


def _checklist(e: OfferEvaluation, levers: Sequence[BriefLever], summary: Summary) -> tuple[ChecklistItem, ...]:
    offer, cur = e.offer, e.offer.currency
    advice = e.advice
    goal = e.stretch.goal
    items: list[ChecklistItem] = []
    if advice.mode == "closed":
        return (
            ChecklistItem("No asks", advice.headline),
            ChecklistItem(
                "Keep the paper trail",
                "The offer letter, every number, the start date and the sign-on's repayment terms, in writing.",
            ),
        )
    if goal is not None and (goal.walk_away is not None or goal.target is not None):
        parts = []
        if goal.target is not None:
            parts.append(f"target {money_words(goal.target, cur)}")
        if goal.walk_away is not None:
            parts.append(f"walk-away {money_words(goal.walk_away, cur)}")
        items.append(
            ChecklistItem(
                "Know your numbers",
                f"Year 1: {' and '.join(parts)}. Keep the walk-away to yourself; it is your floor, not your ask.",
            )
        )
    else:
        items.append(
            ChecklistItem(
                "Know your numbers",
                "Write down your walk-away and your target for year 1 before you dial. Keep the walk-away to "
                "yourself.",
            )
        )
    if advice.mode == "follow_up":
        items.append(
            ChecklistItem(
                "No offer yet",
                "Nothing to negotiate until there is an offer in writing: follow the plan on the first page, and "
                "keep your other processes moving.",
            )
        )
        items.append(
            ChecklistItem(
                "When the offer comes",
                "Thank them, say you are excited, and ask for it in writing with a few days to review. Don't "
                "negotiate on that first call.",
            )
        )
        return tuple(items)
    items.append(
        ChecklistItem(
            "Get it in writing first",
            "A verbal offer is not an offer: ask for every number in writing before you negotiate.",
        )
    )
    items.append(
        ChecklistItem(
            "Open with enthusiasm",
            f"Say you are excited about {offer.company} and want to make this work: you are negotiating to say yes.",
        )
    )
    package = [lv for lv in levers if lv.step == "package" and lv.ask is not None]
    said = [
        f"{lv.title.lower()} {say_money(lv.ask, cur) if lv.money else f'{lv.ask:,.0f} {lv.unit}'}"
        for lv in package
        if lv.ask is not None
    ]
    if len(said) > 1:
        items.append(
            ChecklistItem(
                "Ask for everything at once",
                f"{', '.join(said)}: together, in one conversation, in this order. Piecemeal asks read as moving "
                "goalposts.",
            )
        )
    elif said:
        items.append(
            ChecklistItem(
                "Name your number first",
                f"{said[0][0].upper() + said[0][1:]}. A specific number anchors the talk; a range invites its bottom.",
            )
        )
    if package:
        items.append(
            ChecklistItem(
                "One number, one reason",
                "Give each number its reason (the band, your other offer, what you leave behind) and then stop "
                "talking. Don't lower it, don't offer a range.",
            )
        )
    ladder = [lv.title.lower() for lv in levers if lv.step == "fallback"][:3]
    if ladder:
        items.append(
            ChecklistItem(
                "If the answer is no",
                f"Go down the ladder instead of stopping: {', '.join(ladder[:-1])}"
                + (f" or {ladder[-1]}" if len(ladder) > 1 else ladder[-1])
                + ". Each card says what to say.",
            )
        )
    pk = advice.package
    competing = offer.signals.competing_offers or 0
    if pk.alternative is not None or pk.other_market is not None or competing:
        items.append(
            ChecklistItem(
                "Mention your alternative, honestly",
                "Say you hold another offer, with its deadline if it has one. Quote a number only if it is "
                "comparable (same currency and market); never invent one.",
            )
        )
    for drop in e.stretch.drops[:2]:
        items.append(
            ChecklistItem(
                f"Raise the drop in year {drop.year}",
                f"Pay falls by about {say_money(drop.amount, cur)} when {DROP_CAUSES.get(drop.cause, drop.cause)}: "
                "ask how it is covered.",
            )
        )
    items.append(ChecklistItem("Mind the deadline", advice.deadline_tactic))
    if pk.closing:
        items.append(
            ChecklistItem(
                "Close on your number only",
                "This is the closing round: say what would make you sign, and commit to nothing else. Sign once "
                "it is in writing.",
            )
        )
    else:
        items.append(
            ChecklistItem(
                "Don't decide on the call",
                "Thank them, say you'll talk it over, and ask for the revised offer in writing.",
            )
        )
    items.append(
        ChecklistItem(
            "Get the final offer in writing",
            "Before you resign or decline other offers: every number, the start date, and the sign-on's "
            "repayment terms.",
        )
    )
    return tuple(items)


def _rating(e: OfferEvaluation, rubric: Rubric) -> Rating:
    p = e.position
    return Rating(
        score=p.score,
        tier=p.tier,
        tier_name=p.tier_name,
        evidence=tuple(Reason(ev.points, ev.sentence) for ev in p.evidence),
        capped=p.capped,
        next_steps=tuple(p.next_steps),
        rubric=tuple((title, tuple(lines)) for title, lines in explain_rubric(rubric)),
        rubric_version=p.rubric_version,
        missing=missing_for_rating(e.offer),
    )


def _plain(value: Decimal) -> str:
    return format(value.normalize(), "f")


def _assumptions(evaluator: Evaluator, e: OfferEvaluation, day: date) -> tuple[str, ...]:
    offer, cur = e.offer, e.offer.currency
    lines = [_tax_assumption(evaluator, offer), _price_assumption(evaluator)]
    options = [g for g in offer.equity if g.kind == "option"]
    if options:
        for number, grant in enumerate(options, 1):
            label = "Options" if len(options) == 1 else f"Option grant {number}"
            price, strike = per_share_words(grant.price or ZERO, cur), per_share_words(grant.strike or ZERO, cur)
            line = (
                f"{label}: shown at the spread max(price − strike, 0) = max({price} − {strike}, 0) a share at the "
                "stated price — the paper value at that price, not a forecast and not the 409A value."
            )
            if grant.under_water:
                line += (
                    " UNDER WATER: at that price they are worth nothing, so they count 0 in the figures; they are "
                    "still equity, worth something only if the price rises above the strike."
                )
            lines.append(line)
    else:
        lines.append(
            "Options, where an offer has them, are shown at the spread max(price − strike, 0) at the stated "
            "price: the paper value at that price, not a forecast."
        )
    if offer.annual_raise_pct:
        lines.append(f"Raises as entered: base grows {_plain(offer.annual_raise_pct)} % a year, compounding.")
    else:
        lines.append("Raises as entered: none, so base stays flat over the horizon.")
    if offer.bonus is not None:
        lines.append(
            f"The bonus is counted at the expected payout you entered ({_plain(offer.bonus.expected_payout_pct)} % "
            "of target)."
        )
    if offer.refreshers is not None:
        lines.append(
            f"Equity refreshers as entered: {money_words(offer.refreshers.annual_value, cur)} a year from year "
            f"{offer.refreshers.first_year}, each vesting on its own schedule."
        )
    if offer.sign_on:
        lines.append(
            "Sign-on bonuses are counted in the year they are paid; they usually must be repaid if you leave "
            "within a year or two."
        )
    if evaluator.fx:
        rates = "; ".join(f"1 {code} = {_plain(rate)} {evaluator.fx_base}" for code, rate in evaluator.fx.items())
        dated = f", from {date_words(evaluator.rates.as_of)}" if evaluator.rates.as_of else ""
        lines.append(
            f"Exchange rates as entered{dated}: {rates}. Comparisons are in {evaluator.display_currency}."
        )
    else:
        lines.append(
            f"No exchange rates entered: comparisons are in {evaluator.display_currency}, and an offer in another "
            "currency is shown in its own, never mixed in."
        )
    lines.append(
        "Each component of each year is rounded to cents once; totals are sums of the rounded components."
    )
    lines.extend(e.stretch.notes)
    if e.advice.where_from:
        lines.append(
            f"Where the asks come from: {e.advice.where_from} Each ask stays inside the stretch: the band "
            "(above it is an exception, possible at best), the tier's largest raise, sign-on and extra equity; "
            "your own last number in the talks is never exceeded."
        )
    lines.append(
        f"The position, the stretch and the levers are rules of thumb from a recruiter's view of hiring "
        f"(rubric {e.position.rubric_version}), rated as of {date_words(day)}: what the company will plausibly "
        "do, not a promise."
    )
    return tuple(lines)


def _tax_assumption(evaluator: Evaluator, offer: Offer) -> str:
    if not _shows_after_tax(evaluator, offer):
        return (
            "No taxes are computed: every figure is before tax (no offer here has a tax region), and the kind of "
            "equity (RSU, ISO, NSO) changes what you keep."
        )
    return (
        "Figures are before tax unless they say after tax. After-tax figures are estimates by each offer's tax "
        "region, labelled where they are shown (the tax year, the filing status, this pay as the only income); "
        f"{NOT_TAXED_NOTE}, and the kind of equity (RSU, ISO, NSO) changes what you keep."
    )


def _price_assumption(evaluator: Evaluator) -> str:
    held = "Share prices are held constant: equity is valued at the price you entered, in the year it vests"
    if not evaluator.scenarios:
        return held + "."
    return held + ", except under the share-price scenarios, which say how prices move."


# --- beyond the offer as it stands: after tax, scenarios, startup options -------------------------


def _compared(evaluator: Evaluator, offer: Offer) -> list[str]:
    """The offers the brief sets side by side: this one, then the other offers held."""
    return [offer.id, *(i for i in evaluator.in_hand_ids() if i != offer.id)]


def _shows_after_tax(evaluator: Evaluator, offer: Offer) -> bool:
    """Whether the brief shows after-tax figures: some offer compared (or the current job) has an estimate."""
    stay = evaluator.stay_after_tax()
    return (stay is not None and stay.available) or any(
        evaluator.after_tax(offer_id).available for offer_id in _compared(evaluator, offer)
    )


def _scenarios(evaluator: Evaluator, offer: Offer) -> Scenarios | None:
    """Every compared offer's horizon total under each scenario of the settings, with its range, and
    the break-even growth between this offer and each other one; None without scenarios."""
    if not evaluator.scenarios:
        return None
    ids = _compared(evaluator, offer)
    comparison = comparison_for(evaluator, ids, baseline_id=offer.id, stay=True)
    names = comparison.scenario_names
    rows = [comparison.row(f"scenario:{name}") for name in names]
    total = comparison.row("total")
    lines = []
    for index, column in enumerate(comparison.columns):
        if column.is_stay:
            growths: tuple[Decimal | None, ...] = (None,) * len(names)
        else:
            growths = tuple(r.growth_pct for r in evaluator.scenario_results(column.offer_id))
        scenario_range = comparison.scenario_range(index)
        lines.append(
            ScenarioLine(
                offer=column,
                is_this_offer=column.offer_id == offer.id,
                offered=total.values[index],
                totals=tuple(row.values[index] for row in rows),
                growths=growths,
                low=scenario_range[0] if scenario_range else None,
                high=scenario_range[1] if scenario_range else None,
            )
        )
    lines.sort(key=lambda line: (not line.is_this_offer, not line.offer.is_stay))
    others = ids[1:]
    break_evens = tuple(evaluator.break_even_sentence(offer.id, other) for other in others)
    notes = [
        "In each scenario every grant's share price changes by the scenario's growth each year (or by the "
        "offer's own entry, shown beside its figure); what vests in a year is valued at that year's price, "
        "options at their spread. Cash is unchanged."
    ]
    if comparison.stay_index is not None:
        notes.append("Stay: the equity you entered for your current job, as a broker shows it; no growth is applied.")
    if not others:
        notes.append("You hold no other offer: there is no break-even to find yet.")
    return Scenarios(
        display_currency=comparison.display_currency,
        horizon=comparison.horizon,
        scenarios=tuple(ScenarioHead(s.name, s.growth_pct) for s in evaluator.scenarios),
        lines=tuple(lines),
        break_evens=break_evens,
        notes=tuple(notes),
    )


def _option_grants(evaluator: Evaluator, offer: Offer) -> tuple[OptionGrant, ...]:
    """Every option grant of the offers the brief compares, this offer's first."""
    grants = []
    for offer_id in _compared(evaluator, offer):
        details = evaluator.options(offer_id)
        company = evaluator.by_id[offer_id].company
        for number, detail in enumerate(details, 1):
            grants.append(OptionGrant(offer_id, company, offer_id == offer.id, number, len(details), detail))
    return tuple(grants)
