"""Properties the rating must hold for any timeline and any signals (the advice: test_advice_properties).

- an offer on the day of the final interview, with no negative signal, is a grand slam;
- the score is monotone in each signal, all else equal: a slower offer or a longer silence never
  scores higher; more competing offers, an advocating recruiter, a responsive hiring manager, a
  larger lead of a better offer never score lower (an unresponsive manager may cancel part of the
  penalty for a delay, never beat a responsive one);
- an offer 30+ days after the final interview, or 14+ days of silence, is at best uncertain;
- the same input always gives the same output; the score is an integer 0..100 whose order the
  tiers follow.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from app.models import Offer
from app.position import Alternative, rate_position

TIERS = ("grand_slam", "strong", "steady", "uncertain", "weak")  # best first
AT_BEST_UNCERTAIN = ("uncertain", "weak")
NOISE_KINDS = ("applied", "feedback", "counter", "response", "follow_up")
START = date(2026, 1, 5)


def expected_tier(score: int) -> str:
    # the rubric's defaults: grand slam ≥ 90, strong ≥ 75, steady ≥ 55, uncertain ≥ 35
    if score >= 90:
        return "grand_slam"
    if score >= 75:
        return "strong"
    if score >= 55:
        return "steady"
    if score >= 35:
        return "uncertain"
    return "weak"


# --- strategies ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Process:
    """Interview rounds: optional screen, interviews `gaps` apart, the last one final (or not)."""

    start: date
    screen: bool
    gaps: tuple[int, ...]
    final: bool
    noise: tuple[tuple[int, str], ...]  # (days from the start, kind): events that are not rounds

    @property
    def rounds(self) -> list[tuple[date, str]]:
        kinds = ["interview"] * (len(self.gaps) + 1)
        if self.screen and self.gaps:
            kinds[0] = "recruiter_screen"  # a screen, then at least one interview
        if self.final:
            kinds[-1] = "final_interview"
        days = [self.start]
        for gap in self.gaps:
            days.append(days[-1] + timedelta(days=gap))
        return list(zip(days, kinds, strict=True))

    @property
    def last(self) -> date:
        return self.rounds[-1][0]

    def timeline(self, offer_day: int | None = None) -> list[dict]:
        events = [(day, kind) for day, kind in self.rounds]
        events += [(self.start + timedelta(days=offset), kind) for offset, kind in self.noise]
        if offer_day is not None:
            events.append((self.last + timedelta(days=offer_day), "offer"))
        return [{"date": day.isoformat(), "kind": kind} for day, kind in events]


ANY_BOOL = st.booleans()
ANY_SIGNAL = st.sampled_from([None, True, False])


def processes(max_gap: int = 40, final=ANY_BOOL, noise_kinds=NOISE_KINDS):
    return st.builds(
        Process,
        start=st.integers(0, 200).map(lambda d: START + timedelta(days=d)),
        screen=st.booleans(),
        gaps=st.lists(st.integers(0, max_gap), max_size=4).map(tuple),
        final=final,
        noise=st.lists(st.tuples(st.integers(0, 150), st.sampled_from(noise_kinds)), max_size=4).map(tuple),
    )


def signal_sets(recruiter=ANY_SIGNAL):
    return st.fixed_dictionaries(
        {
            "competing_offers": st.one_of(st.none(), st.integers(0, 6)),
            "recruiter_advocating": recruiter,
            "hiring_manager_responsive": ANY_SIGNAL,
            "deadline": st.one_of(
                st.none(), st.integers(0, 400).map(lambda d: (START + timedelta(days=d)).isoformat())
            ),
        }
    )


alternative_lists = st.lists(
    st.builds(
        Alternative,
        offer_id=st.sampled_from(["acme", "globex", "initech"]),
        company=st.sampled_from(["Acme", "Globex", "Initech"]),
        year_one=st.integers(0, 50_000_000).map(lambda c: Decimal(c) / 100),
        currency=st.just("USD"),
    ),
    max_size=3,
)
offer_days = st.one_of(st.none(), st.integers(0, 3), st.integers(0, 60))  # fast offers often: every tier shows
own_year_one = st.one_of(st.none(), st.integers(0, 50_000_000).map(lambda c: Decimal(c) / 100))
stages = st.sampled_from(["interviewing", "offer", "negotiating", "accepted", "declined", "withdrawn"])


def offer_of(timeline: list[dict], signals: dict, stage: str = "offer", **fields) -> Offer:
    data = {
        "id": "acme",
        "company": "Acme",
        "role": "Engineer",
        "base_salary": 150000,
        "stage": stage,
        "timeline": timeline,
        "signals": signals,
        **fields,
    }
    return Offer.model_validate(data)


# Any timeline at all: any kinds, any order, any dates.
any_timelines = st.lists(
    st.tuples(
        st.integers(0, 150),
        st.sampled_from(
            [
                "applied",
                "recruiter_screen",
                "interview",
                "final_interview",
                "feedback",
                "offer",
                "counter",
                "response",
                "follow_up",
            ]
        ),
    ),
    max_size=8,
).map(lambda events: [{"date": (START + timedelta(days=d)).isoformat(), "kind": k} for d, k in events])


@st.composite
def rated_inputs(draw):
    """Any offer (structured or arbitrary timeline), the as-of date, alternatives and year 1."""
    structured = draw(st.booleans())
    timeline = draw(processes()).timeline(draw(offer_days)) if structured else draw(any_timelines)
    offer = offer_of(timeline, draw(signal_sets()), draw(stages))
    as_of = START + timedelta(days=draw(st.integers(0, 400)))
    return offer, as_of, draw(alternative_lists), draw(own_year_one)


# --- the rating ------------------------------------------------------------------------------------


@given(
    process=processes(max_gap=21, final=st.just(True), noise_kinds=(*NOISE_KINDS, "offer")),
    signals=signal_sets(recruiter=st.sampled_from([None, True])),
    stage=stages,
    as_of_day=st.integers(0, 400),
    alternatives=alternative_lists,
    year_one=own_year_one,
)
def test_an_offer_on_the_day_of_the_final_interview_is_a_grand_slam(
    process, signals, stage, as_of_day, alternatives, year_one
):
    # Rounds at most 21 days apart are never slow (slow is more than 21 on average); the recruiter
    # is advocating or unknown: no negative signal. Other offers may sit anywhere in the timeline.
    offer = offer_of(process.timeline(offer_day=0), signals, stage)
    position = rate_position(offer, START + timedelta(days=as_of_day), alternatives=alternatives, year_one=year_one)
    assert position.interview_to_offer_days == 0
    assert position.tier == "grand_slam", position.reasons


@given(
    process=processes(),
    signals=signal_sets(),
    days=st.lists(st.integers(0, 90), min_size=2, max_size=2).map(sorted),
    as_of_day=st.integers(0, 400),
    alternatives=alternative_lists,
    year_one=own_year_one,
)
def test_a_slower_offer_never_scores_higher(process, signals, days, as_of_day, alternatives, year_one):
    as_of = START + timedelta(days=as_of_day)
    faster, slower = (
        rate_position(offer_of(process.timeline(d), signals), as_of, alternatives=alternatives, year_one=year_one)
        for d in days
    )
    assert (faster.interview_to_offer_days, slower.interview_to_offer_days) == tuple(days)
    assert slower.score <= faster.score
    assert TIERS.index(slower.tier) >= TIERS.index(faster.tier)


@given(
    inputs=rated_inputs(),
    counts=st.lists(st.integers(0, 10), min_size=2, max_size=2).map(sorted),
)
def test_more_competing_offers_never_score_lower(inputs, counts):
    offer, as_of, alternatives, year_one = inputs
    fewer, more = (
        rate_position(
            offer.model_copy(update={"signals": offer.signals.model_copy(update={"competing_offers": n})}),
            as_of,
            alternatives=alternatives,
            year_one=year_one,
        )
        for n in counts
    )
    assert more.score >= fewer.score
    assert TIERS.index(more.tier) <= TIERS.index(fewer.tier)


@given(
    process=processes(),
    signals=signal_sets(),
    stage=st.sampled_from(["interviewing", "declined", "withdrawn"]),
    waits=st.lists(st.integers(0, 90), min_size=2, max_size=2).map(sorted),
    alternatives=alternative_lists,
    year_one=own_year_one,
)
def test_a_longer_silence_never_scores_higher(process, signals, stage, waits, alternatives, year_one):
    offer = offer_of(process.timeline(), signals, stage)  # no offer event, not an offer stage
    shorter, longer = (
        rate_position(offer, process.last + timedelta(days=w), alternatives=alternatives, year_one=year_one)
        for w in waits
    )
    assert (shorter.days_waiting, longer.days_waiting) == tuple(waits)
    assert longer.score <= shorter.score
    assert TIERS.index(longer.tier) >= TIERS.index(shorter.tier)


@given(
    process=processes(final=st.just(True)),
    signals=signal_sets(),
    stage=stages,
    offer_day=st.integers(30, 365),
    as_of_day=st.integers(0, 400),
    alternatives=alternative_lists,
    year_one=own_year_one,
)
def test_an_offer_a_month_after_the_final_interview_is_at_best_uncertain(
    process, signals, stage, offer_day, as_of_day, alternatives, year_one
):
    offer = offer_of(process.timeline(offer_day), signals, stage)
    position = rate_position(offer, START + timedelta(days=as_of_day), alternatives=alternatives, year_one=year_one)
    assert position.interview_to_offer_days == offer_day
    assert position.tier in AT_BEST_UNCERTAIN, position.reasons


@given(
    process=processes(),
    signals=signal_sets(),
    stage=st.sampled_from(["interviewing", "declined", "withdrawn"]),
    waited=st.integers(14, 365),
    alternatives=alternative_lists,
    year_one=own_year_one,
)
def test_two_weeks_of_silence_is_at_best_uncertain(process, signals, stage, waited, alternatives, year_one):
    offer = offer_of(process.timeline(), signals, stage)
    position = rate_position(offer, process.last + timedelta(days=waited), alternatives=alternatives, year_one=year_one)
    assert position.days_waiting == waited
    assert position.tier in AT_BEST_UNCERTAIN, position.reasons


@given(inputs=rated_inputs())
def test_the_same_input_gives_the_same_rating(inputs):
    offer, as_of, alternatives, year_one = inputs
    first = rate_position(offer, as_of, alternatives=alternatives, year_one=year_one)
    again = rate_position(offer, as_of, alternatives=list(alternatives), year_one=year_one)
    assert first == again
    assert first.reasons == again.reasons


@given(one=rated_inputs(), other=rated_inputs())
def test_the_score_is_an_integer_from_0_to_100_and_the_tiers_follow_it(one, other):
    a, b = (
        rate_position(offer, as_of, alternatives=alternatives, year_one=year_one)
        for offer, as_of, alternatives, year_one in (one, other)
    )
    for position in (a, b):
        assert type(position.score) is int
        assert 0 <= position.score <= 100
        assert position.tier == expected_tier(position.score)
        assert position.reasons and all(isinstance(r, str) and r for r in position.reasons)
    if a.score > b.score:
        assert TIERS.index(a.tier) <= TIERS.index(b.tier)
    elif a.score == b.score:
        assert a.tier == b.tier




# --- monotone in each signal -----------------------------------------------------------------------

SIGNAL_ORDER = {
    # worst first: each later value never scores lower, all else equal
    "recruiter_advocating": [False, None, True],
    "hiring_manager_responsive_vs_responsive": [False, True],
    "hiring_manager_responsive_vs_unknown": [None, True],
}


def with_signal(offer: Offer, name: str, value) -> Offer:
    return offer.model_copy(update={"signals": offer.signals.model_copy(update={name: value})})


@given(inputs=rated_inputs())
def test_the_score_is_monotone_in_the_recruiter_and_the_hiring_manager(inputs):
    offer, as_of, alternatives, year_one = inputs

    def score(name: str, value) -> int:
        return rate_position(with_signal(offer, name, value), as_of, alternatives=alternatives, year_one=year_one).score

    recruiter = [score("recruiter_advocating", v) for v in SIGNAL_ORDER["recruiter_advocating"]]
    assert recruiter == sorted(recruiter)
    # an unresponsive manager can explain a delay, never beat a responsive one; unknown never beats it either
    responsive = score("hiring_manager_responsive", True)
    assert score("hiring_manager_responsive", False) <= responsive
    assert score("hiring_manager_responsive", None) <= responsive


@given(
    inputs=rated_inputs(),
    own=st.integers(20_000, 500_000),
    leads=st.lists(st.integers(0, 300_000), min_size=2, max_size=2).map(sorted),
)
def test_a_larger_lead_of_a_better_offer_never_scores_lower_and_a_dollar_changes_nothing(inputs, own, leads):
    offer, as_of, _, _ = inputs
    year_one = Decimal(own)

    def rated(lead: int):
        other = Alternative("globex", "Globex", year_one + lead, "USD")
        return rate_position(offer, as_of, alternatives=[other], year_one=year_one)

    smaller, larger = (rated(lead) for lead in leads)
    assert larger.score >= smaller.score
    # the case: another offer paying $1 more must not lift the tier
    assert rated(1).score == rated(0).score
