"""The negotiating position: a score, a tier and the reasons, read from the interview timeline.

A heuristic from a recruiter's view of hiring (see app/rubric.py for every number and its source):
a fast offer marks a candidate the company is afraid to lose; silence means it is weighing others;
an unresponsive hiring manager explains a delay without meaning rejection.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from app.models import Offer, TimelineEvent
from app.negotiation import counters_answered
from app.rubric import DEFAULT_RUBRIC, TIER_NAMES, Band, Rubric, Tier
from app.text import date_words, day_words, money_words, plural

INTERVIEW_KINDS = ("recruiter_screen", "interview", "final_interview")
OFFER_STAGES = ("offer", "negotiating", "accepted")


@dataclass(frozen=True)
class Alternative:
    """Another offer the user holds, as the rating and the levers compare it (year 1, display currency)."""

    offer_id: str
    company: str
    year_one: Decimal
    currency: str


@dataclass(frozen=True)
class Evidence:
    """One line of "How is this rated?": what was seen, and the points it gave or took."""

    key: str
    points: int
    sentence: str


@dataclass(frozen=True)
class Position:
    score: int
    tier: Tier
    interview_to_offer_days: int | None
    days_waiting: int | None
    offer_made: bool
    evidence: tuple[Evidence, ...]
    next_steps: tuple[str, ...]
    capped: str | None
    rubric_version: str

    @property
    def reasons(self) -> list[str]:
        """Plain sentences citing the evidence, then what to do next, then any cap."""
        lines = [e.sentence for e in self.evidence]
        if self.capped:
            lines.append(self.capped)
        return lines + list(self.next_steps)

    @property
    def tier_name(self) -> str:
        return TIER_NAMES[self.tier]


@dataclass(frozen=True)
class TimelineFacts:
    """What the timeline says, before any judgement."""

    anchor: TimelineEvent | None  # the last final interview, or without one the last interview
    last_interview: TimelineEvent | None
    offer: TimelineEvent | None  # the first offer on or after the anchor
    any_offer: bool
    interview_to_offer_days: int | None
    round_gaps: tuple[int, ...]
    follow_ups_since: tuple[TimelineEvent, ...]
    responses: int  # company answers to counters (the rounds' answered counters, else `response` events)


def read_timeline(offer: Offer) -> TimelineFacts:
    events = offer.sorted_timeline()
    finals = [e for e in events if e.kind == "final_interview"]
    interviews = [e for e in events if e.kind == "interview"]
    anchor = finals[-1] if finals else (interviews[-1] if interviews else None)
    offers = [e for e in events if e.kind == "offer"]
    first_offer = None
    days = None
    if anchor is not None:
        first_offer = next((e for e in offers if e.date >= anchor.date), None)
        if first_offer is not None:
            days = (first_offer.date - anchor.date).days
    elif offers:
        first_offer = offers[0]
    rounds = [e for e in events if e.kind in INTERVIEW_KINDS]
    gaps = tuple((b.date - a.date).days for a, b in itertools.pairwise(rounds))
    last_interview = max(
        (e for e in events if e.kind in ("interview", "final_interview")), key=lambda e: e.date, default=None
    )
    since = last_interview.date if last_interview else None
    follow_ups = tuple(e for e in events if e.kind == "follow_up" and since is not None and e.date >= since)
    return TimelineFacts(
        anchor=anchor,
        last_interview=last_interview,
        offer=first_offer,
        any_offer=bool(offers),
        interview_to_offer_days=days,
        round_gaps=gaps,
        follow_ups_since=follow_ups,
        responses=counters_answered(offer),
    )


def missing_for_rating(offer: Offer) -> tuple[str, ...]:
    """What an offer still needs before its position is worth rating: a base salary and a timeline.

    Without them the rating would rest on defaults alone (a new offer would read "Steady, 55" and get
    levers against a base of 0), which looks like advice and is none. Empty when it can be rated.
    """
    missing = []
    if offer.base_salary <= 0:
        missing.append("the base salary")
    if not offer.timeline:
        missing.append("the timeline (when you interviewed, when the offer came)")
    return tuple(missing)


def rate_position(
    offer: Offer,
    as_of: date,
    rubric: Rubric = DEFAULT_RUBRIC,
    alternatives: Sequence[Alternative] = (),
    year_one: Decimal | None = None,
) -> Position:
    """Rate how strong the candidate's position is for this offer.

    `alternatives` are the user's other offers (year 1 in the display currency), `year_one` this
    offer's year 1 in the same currency (None when it can't be converted).
    """
    facts = read_timeline(offer)
    signals = offer.signals
    evidence: list[Evidence] = []
    next_steps: list[str] = []
    offer_made = facts.any_offer or offer.stage in OFFER_STAGES
    days_waiting: int | None = None
    capped: str | None = None
    slow_cap = False

    # 1. speed: how fast the offer came, or how long the silence has lasted
    if offer_made:
        days = facts.interview_to_offer_days
        if days is not None:
            bands = rubric.offer_speed
            index = rubric.band_index(bands, days)
            band = bands[index]
            anchor, offer_event = facts.anchor, facts.offer
            assert anchor is not None and offer_event is not None  # the days are counted between them
            anchor_name = "final interview" if anchor.kind == "final_interview" else "last interview"
            when = (
                f"the same day as the {anchor_name} ({date_words(anchor.date)})"
                if days == 0
                else f"{day_words(days)} after the {anchor_name} "
                f"({date_words(anchor.date)} → {date_words(offer_event.date)})"
            )
            evidence.append(Evidence("speed", band.points, f"The offer came {when}: {band.meaning}."))
            evidence.extend(_relief(rubric, bands, index, signals.hiring_manager_responsive, "the offer took"))
            slow_cap = days >= rubric.slow_offer_cap_days
        else:
            evidence.append(
                Evidence(
                    "speed",
                    rubric.no_speed_points,
                    "The timeline has no interview followed by an offer, so the speed of the decision "
                    "can't be read: add the dates of your final interview and of the offer.",
                )
            )
    else:
        last = facts.last_interview
        if last is not None and as_of >= last.date:
            days_waiting = (as_of - last.date).days
            bands = rubric.waiting
            index = rubric.band_index(bands, days_waiting)
            band = bands[index]
            kind = "final interview" if last.kind == "final_interview" else "last interview"
            evidence.append(
                Evidence(
                    "waiting",
                    band.points,
                    f"It has been {day_words(days_waiting)} since your {kind} ({date_words(last.date)}) "
                    f"with no offer: {band.meaning}.",
                )
            )
            evidence.extend(_relief(rubric, bands, index, signals.hiring_manager_responsive, "the silence"))
            slow_cap = days_waiting >= rubric.silence_cap_days
            next_steps.extend(_follow_up_advice(rubric, last.date, days_waiting, facts, as_of))
        elif last is not None:
            evidence.append(
                Evidence(
                    "waiting",
                    rubric.waiting[0].points,
                    f"Your next interview is on {date_words(last.date)}: nothing to read from the timeline yet.",
                )
            )
        else:
            evidence.append(
                Evidence(
                    "waiting",
                    rubric.no_speed_points,
                    "No interviews are in the timeline yet: add their dates to rate the position.",
                )
            )

    # 2. competing offers and better alternatives
    competing = signals.competing_offers or 0
    if competing:
        points = min(competing * rubric.competing_offer_points, rubric.competing_offers_max_points)
        evidence.append(
            Evidence(
                "competing",
                points,
                f"You hold {plural(competing, 'competing offer')}: a credible alternative is the strongest "
                "reason a company has to improve its offer.",
            )
        )
    better = _best_better(alternatives, offer.id, year_one)
    if better is not None:
        difference = better.year_one - (year_one or Decimal(0))
        evidence.append(
            Evidence(
                "better_offer",
                rubric.better_offer_points,
                f"{better.company} pays {money_words(difference, better.currency)} more in year 1: "
                "a concrete number to bring to the call.",
            )
        )

    # 3. the people: recruiter and hiring manager
    if signals.recruiter_advocating is True:
        evidence.append(
            Evidence(
                "recruiter",
                rubric.recruiter_advocating_points,
                "The recruiter is advocating for you: they present your case to the hiring manager.",
            )
        )
    elif signals.recruiter_advocating is False:
        evidence.append(
            Evidence(
                "recruiter",
                -rubric.recruiter_not_advocating_points,
                "The recruiter is not advocating for you: you will have to make your own case.",
            )
        )
    if signals.hiring_manager_responsive is True:
        evidence.append(
            Evidence(
                "manager",
                rubric.manager_responsive_points,
                "The hiring manager is responsive: decisions and exceptions can move quickly.",
            )
        )

    # 4. the pace of the rounds
    if facts.round_gaps:
        average = sum(facts.round_gaps) / len(facts.round_gaps)
        if average <= rubric.quick_rounds_days:
            evidence.append(
                Evidence(
                    "rounds",
                    rubric.quick_rounds_points,
                    f"The rounds moved quickly ({average:.0f} days apart on average): the company is in a hurry.",
                )
            )
        elif average > rubric.slow_rounds_days:
            evidence.append(
                Evidence(
                    "rounds",
                    -rubric.slow_rounds_points,
                    f"The rounds were far apart ({average:.0f} days on average): the company is in no hurry.",
                )
            )

    # 5. the deadline (no points: it is information and a lever, not a sign of strength)
    if signals.deadline is not None:
        left = (signals.deadline - as_of).days
        if left < 0:
            note = f"The offer's deadline ({date_words(signals.deadline)}) has passed: confirm it still stands."
        else:
            note = (
                f"The offer expires on {date_words(signals.deadline)}, {day_words(left)} from "
                f"{date_words(as_of)}: ask for more time if you need it to decide well."
            )
        evidence.append(Evidence("deadline", 0, note))

    score = max(0, min(100, sum(e.points for e in evidence)))
    if slow_cap and score >= rubric.steady_from:
        score = rubric.steady_from - 1
        capped = (
            f"Capped at {TIER_NAMES['uncertain']}: an offer {rubric.slow_offer_cap_days}+ days after "
            f"the final interview, or {rubric.silence_cap_days}+ days of silence, is at best uncertain "
            "whatever else is true."
        )
    return Position(
        score=score,
        tier=rubric.tier_for(score),
        interview_to_offer_days=facts.interview_to_offer_days,
        days_waiting=days_waiting,
        offer_made=offer_made,
        evidence=tuple(evidence),
        next_steps=tuple(next_steps),
        capped=capped,
        rubric_version=rubric.version,
    )


def _relief(rubric: Rubric, bands: tuple[Band, ...], index: int, responsive: bool | None, what: str) -> list[Evidence]:
    if responsive is False and rubric.relieved(bands, index):
        return [
            Evidence(
                "manager",
                rubric.manager_unresponsive_relief_points,
                f"The hiring manager has been unresponsive: that explains part of how long {what} without "
                "meaning rejection, and the recruiter can do little beyond prompting them.",
            )
        ]
    return []


def _best_better(alternatives: Sequence[Alternative], own_id: str, year_one: Decimal | None) -> Alternative | None:
    if year_one is None:
        return None
    better = [a for a in alternatives if a.offer_id != own_id and a.year_one > year_one]
    return max(better, key=lambda a: a.year_one, default=None)


def _follow_up_advice(rubric: Rubric, last: date, waited: int, facts: TimelineFacts, as_of: date) -> list[str]:
    usual = rubric.waiting[1].max_days or 7
    done = [e for e in facts.follow_ups_since if e.date <= as_of]  # a follow-up not yet sent doesn't count
    if done:
        latest = done[-1].date
        since = (as_of - latest).days
        if since < 5:
            return [
                f"You followed up on {date_words(latest)}. Give it until "
                f"{date_words(latest + timedelta(days=5))}; meanwhile keep your other processes moving."
            ]
        return [
            f"You followed up on {date_words(latest)} and heard nothing for {day_words(since)}: ask the "
            "recruiter directly whether the hiring manager has decided, and whether anything from you "
            "would help. Keep your other processes moving."
        ]
    if waited <= 3:
        return [
            f"Wait: a decision within a week is normal. If you have heard nothing by "
            f"{date_words(last + timedelta(days=usual))}, send the recruiter a short note."
        ]
    if waited <= usual:
        return [
            f"If you have heard nothing by {date_words(last + timedelta(days=usual))}, send the recruiter a "
            "short, friendly note restating your interest and asking when they expect a decision."
        ]
    return [
        "Follow up now: a short, friendly note to the recruiter restating your interest and asking when "
        "they expect a decision. If you hold another offer, say so and give its deadline: it gives "
        "the recruiter something to prompt the hiring manager with."
    ]
