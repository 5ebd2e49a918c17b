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
from typing import Literal

from app.frozen import quick_init
from app.models import Offer, TimelineEvent
from app.money import exact
from app.negotiation import counters_answered
from app.rubric import DEFAULT_RUBRIC, TIER_NAMES, Band, Rubric, Tier
from app.summary import OFFER_STAGES, missing_for_rating_of
from app.text import date_words, day_words, money_words, plural, say_money

INTERVIEW_KINDS = ("recruiter_screen", "interview", "final_interview")


@quick_init
@dataclass(frozen=True)
class Alternative:
    """Another offer the user holds, as the rating and the levers compare it.

    `year_one` is in `currency` (the display currency); `offer_year_one` in the offer's own
    `offer_currency`, for like-for-like comparisons (empty/None when not known).
    """

    offer_id: str
    company: str
    year_one: Decimal
    currency: str
    offer_currency: str = ""
    offer_year_one: Decimal | None = None
    deadline: date | None = None  # when that offer expires, if the user recorded it

    def own(self) -> tuple[Decimal, str]:
        """Year 1 in the offer's own currency when known, else in the display currency."""
        if self.offer_currency and self.offer_year_one is not None:
            return self.offer_year_one, self.offer_currency
        return self.year_one, self.currency


@quick_init
@dataclass(frozen=True)
class Evidence:
    """One line of "How is this rated?": what was seen, and the points it gave or took."""

    key: str
    points: int
    sentence: str


@quick_init
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


@quick_init
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
    """What an offer still needs before its position is worth rating: a timeline, and a base salary once
    an offer was made.

    Without them the rating would rest on defaults alone (a new offer would read "Steady, 55" and get
    levers against a base of 0), which looks like advice and is none. Empty when it can be rated. A
    process still waiting for its offer needs no base: its rating and follow-up plan rest on the dates.
    """
    return missing_for_rating_of(offer.stage, offer.base_salary > 0, {e.kind for e in offer.timeline})


def rate_position(
    offer: Offer,
    as_of: date,
    rubric: Rubric = DEFAULT_RUBRIC,
    alternatives: Sequence[Alternative] = (),
    year_one: Decimal | None = None,
    own_year_one: Decimal | None = None,
) -> Position:
    """Rate how strong the candidate's position is for this offer.

    `alternatives` are the user's other offers (year 1 in the display currency), `year_one` this
    offer's year 1 in the same currency (None when it can't be converted), `own_year_one` in the
    offer's own currency (for a like-for-like difference with an offer in that currency).
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
        if days is not None and facts.anchor is not None and facts.offer is not None:
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
            evidence.append(Evidence("speed", band.points, f"The offer came {when}. {_sentence(band.meaning)}"))
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
                    f"with no offer. {_sentence(band.meaning)}",
                )
            )
            evidence.extend(_relief(rubric, bands, index, signals.hiring_manager_responsive, "the silence"))
            slow_cap = days_waiting >= rubric.silence_cap_days
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
    if better is not None and year_one is not None:
        evidence.append(_better_evidence(rubric, offer, better, year_one, own_year_one))

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


def _better_evidence(
    rubric: Rubric, offer: Offer, better: Alternative, year_one: Decimal, own_year_one: Decimal | None
) -> Evidence:
    """Points in proportion to the alternative's lead (a $1 lead is worth nothing), said like for like."""
    lead = better.year_one - year_one
    with exact():
        lead_pct = lead * 100 / year_one if year_one > 0 else rubric.better_offer_full_lead_pct
        points = int(
            (rubric.better_offer_points * min(lead_pct, rubric.better_offer_full_lead_pct))
            / rubric.better_offer_full_lead_pct
        )
    if better.offer_currency in ("", offer.currency) and better.currency == offer.currency:
        # all in the offer's own currency: the lead exactly
        sentence = (
            f"{better.company} pays {money_words(lead, offer.currency)} more in year 1 ({lead_pct:.0f} % more): "
            "a concrete number to bring to the call."
        )
    elif better.offer_currency == offer.currency and better.offer_year_one is not None and own_year_one is not None:
        sentence = (
            f"{better.company} pays {money_words(better.offer_year_one - own_year_one, offer.currency)} more in "
            f"year 1 ({lead_pct:.0f} % more): a concrete number to bring to the call."
        )
    else:
        other = better.offer_currency or better.currency
        sentence = (
            f"{better.company} pays about {say_money(lead, better.currency)} more in year 1 "
            f"({lead_pct:.0f} % more, converted to {better.currency} at the exchange rates entered)."
        )
        if other != offer.currency:
            # another market: a real option, but not a like-for-like number, so its lead earns nothing
            points = 0
            sentence += (
                f" It is paid in {other}, another market: say that you hold another offer, not its number; "
                "its lead counts for no points."
            )
            return Evidence("better_offer", points, sentence)
    if points == 0:
        sentence += " Too small a lead to count for points."
    return Evidence("better_offer", points, sentence)


def _sentence(meaning: str) -> str:
    """A band's meaning as a sentence of its own ("within three days: a fast decision" → "Within three
    days: a fast decision."), so the reason never chains two colons."""
    return meaning[:1].upper() + meaning[1:] + ("" if meaning.endswith((".", "?", "!")) else ".")


def _relief(rubric: Rubric, bands: tuple[Band, ...], index: int, responsive: bool | None, what: str) -> list[Evidence]:
    if responsive is False and rubric.relieved(bands, index):
        return [
            Evidence(
                "manager",
                rubric.relief_points,
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


FollowUpKind = Literal["no_dates", "upcoming", "wait", "now", "wait_after_follow_up", "again"]


@quick_init
@dataclass(frozen=True)
class FollowUp:
    """Before an offer: when to write to the recruiter, from the timeline and the rubric's days."""

    kind: FollowUpKind
    write_on: date | None  # the day to write (as_of when it is now), None without interview dates
    last_interview: date | None
    followed_up: date | None  # the latest follow-up already sent since the last interview
    waited: int | None  # days since the last interview


def follow_up_plan(offer: Offer, as_of: date, rubric: Rubric = DEFAULT_RUBRIC) -> FollowUp:
    """When and why to follow up on a process with no offer yet (numbers; the words are the lever's)."""
    facts = read_timeline(offer)
    last = facts.last_interview
    if last is None:
        return FollowUp("no_dates", None, None, None, None)
    if last.date > as_of:
        return FollowUp("upcoming", last.date + timedelta(days=rubric.follow_up_after_days), last.date, None, None)
    waited = (as_of - last.date).days
    done = [e.date for e in facts.follow_ups_since if e.date <= as_of]  # a note not yet sent doesn't count
    if done:
        latest = max(done)
        if (as_of - latest).days < rubric.follow_up_again_days:
            return FollowUp(
                "wait_after_follow_up", latest + timedelta(days=rubric.follow_up_again_days), last.date, latest, waited
            )
        return FollowUp("again", as_of, last.date, latest, waited)
    if waited < rubric.follow_up_after_days:
        return FollowUp("wait", last.date + timedelta(days=rubric.follow_up_after_days), last.date, None, waited)
    return FollowUp("now", as_of, last.date, None, waited)
