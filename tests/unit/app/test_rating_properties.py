"""Properties the rating, the stretch and the levers must hold for any timeline and any signals.

The "must hold" rules of the issue, each checked over generated timelines, signals and offers:

- an offer on the day of the final interview, with no negative signal, is a grand slam;
- all else equal, a slower offer never scores higher, a longer silence never scores higher and more
  competing offers never score lower;
- an offer 30+ days after the final interview, or 14+ days of silence, is at best uncertain;
- the same input always gives the same output; the score is an integer 0..100 whose order the
  tiers follow;
- every ask lies between what is offered and the stretch; the stretch and the levers keep to the
  tier (band, combined headcount, swaps, non-cash first when weak); every drop comes with its lever.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, timedelta
from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from app.compensation import figures
from app.levers import compute_stretch, suggest_levers
from app.models import Offer
from app.position import Alternative, rate_position

TIERS = ("grand_slam", "strong", "steady", "uncertain", "weak")  # best first
TIER_SCORES = {"grand_slam": 95, "strong": 80, "steady": 65, "uncertain": 45, "weak": 25}
AT_BEST_UNCERTAIN = ("uncertain", "weak")
ISSUE_LEVERS = {
    "base_salary",
    "sign_on",
    "equity",
    "combined_headcount",
    "level",
    "start_date",
    "remote",
    "pto",
    "review",
    "relocation",
    "deadline",
    "exercise_window",
}
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


# --- the stretch and the levers --------------------------------------------------------------------

cents = st.integers(0, 60_000_000).map(lambda c: Decimal(c) / 100)  # 0 .. 600,000.00
vestings = st.fixed_dictionaries(
    {
        "years_pct": st.sampled_from(
            [
                [25, 25, 25, 25],
                [5, 15, 40, 40],
                [33, 33, 22, 12],
                [10, 20, 30, 40],
                [40, 30, 20, 10],
                [100],
                [50, 50],
                [20, 20, 20, 20, 20],
            ]
        ),
        "cliff_months": st.sampled_from([0, 12, 24]),
    }
)
grants = st.one_of(
    st.fixed_dictionaries({"kind": st.just("rsu"), "value": cents, "vesting": vestings}),
    st.fixed_dictionaries(
        {
            "kind": st.just("rsu"),
            "shares": st.integers(0, 5000),
            "price": st.integers(0, 50000).map(lambda c: Decimal(c) / 100),
            "vesting": vestings,
        }
    ),
    st.fixed_dictionaries(
        {
            "kind": st.just("option"),
            "shares": st.integers(0, 100000),
            "strike": st.integers(0, 2000).map(lambda c: Decimal(c) / 100),
            "price": st.integers(0, 5000).map(lambda c: Decimal(c) / 100),
            "vesting": vestings,
        }
    ),
)


@st.composite
def bands(draw, base: Decimal):
    """A band around the base most of the time (below, across or above it), sometimes anywhere."""
    if draw(st.integers(0, 3)):
        low = base * draw(st.integers(60, 110)) / 100
        high = low + base * draw(st.integers(0, 60)) / 100
        low, high = (v.quantize(Decimal("0.01")) for v in (low, high))
    else:
        low, high = sorted(draw(st.lists(cents, min_size=2, max_size=2)))
    return {
        "band_min": low,
        "band_max": high,
        "source": draw(st.sampled_from([None, "posting", "recruiter", "estimate"])),
    }


@st.composite
def negotiations(draw):
    """A whole offer with its rating inputs: money, band, headcount, timeline and signals."""
    process = draw(processes())
    timeline = process.timeline(draw(offer_days))
    timeline += [
        {"date": (process.last + timedelta(days=70 + i)).isoformat(), "kind": "response"}
        for i in range(draw(st.integers(0, 3)))
    ]
    base = draw(st.one_of(st.integers(40_000, 400_000).map(Decimal), cents))
    fields = {
        "annual_raise_pct": st.integers(0, 10),
        "bonus": st.one_of(st.none(), st.fixed_dictionaries({"target_pct": st.integers(0, 30)})),
        "sign_on": st.lists(st.integers(0, 100000), max_size=3),
        "relocation": st.sampled_from([0, 0, 5000, 12345.67]),
        "location": st.sampled_from([None, "Austin, TX"]),
        "equity": st.lists(grants, max_size=2),
        "budget": st.one_of(st.none(), bands(base)),
        "headcount": st.one_of(
            st.none(),
            st.fixed_dictionaries({"combinable_roles": st.integers(0, 3), "combinable_budget": cents}),
            st.fixed_dictionaries({"combinable_roles": st.just(1), "combinable_budget": st.integers(50_000, 200_000)}),
        ),
    }
    offer = offer_of(
        timeline, draw(signal_sets()), draw(stages), base_salary=base, **{k: draw(v) for k, v in fields.items()}
    )
    horizon = draw(st.integers(1, 10))
    as_of = process.last + timedelta(days=draw(st.integers(0, 60)))
    own = figures(offer, horizon).year_one  # input plumbing: this offer's year 1, to compare others with
    alternatives = draw(
        st.lists(
            st.builds(
                Alternative,
                offer_id=st.sampled_from(["globex", "initech"]),
                company=st.sampled_from(["Globex", "Initech"]),
                year_one=st.integers(-5_000_000, 5_000_000).map(lambda c: max(own + Decimal(c) / 100, Decimal(0))),
                currency=st.just("USD"),
            ),
            max_size=2,
        )
    )
    position = rate_position(offer, as_of, alternatives=alternatives, year_one=own)
    if draw(st.integers(0, 2)) == 0:
        # now and then the same offer in another tier, so every tier meets every kind of offer
        tier = draw(st.sampled_from(TIERS))
        position = replace(position, tier=tier, score=TIER_SCORES[tier])
    return offer, position, horizon, alternatives, own


def responses_in(offer: Offer) -> int:
    return sum(1 for e in offer.timeline if e.kind == "response")


@given(case=negotiations())
def test_levers_are_complete_and_asks_stay_between_the_offer_and_the_stretch(case):
    offer, position, horizon, alternatives, own = case
    stretch = compute_stretch(offer, position, horizon)
    levers = suggest_levers(offer, position, stretch, horizon, alternatives, year_one_display=own)
    names = [lever.lever for lever in levers]
    assert len(names) == len(set(names))
    assert set(names) <= ISSUE_LEVERS
    ceilings = {
        "base_salary": stretch.base_ceiling,
        "combined_headcount": stretch.base_ceiling,
        "sign_on": stretch.sign_on_ceiling,
        "equity": stretch.equity_ceiling,
    }
    for lever in levers:
        assert lever.plausibility in ("likely", "possible", "long_shot")
        assert lever.kind in ("new_money", "swap", "non_cash")
        assert lever.rationale.strip() and lever.script.strip()
        assert len(lever.effect) == horizon and all(isinstance(v, Decimal) for v in lever.effect)
        if lever.ask is None:
            continue
        assert isinstance(lever.ask, Decimal)
        assert lever.offered is not None
        assert lever.ask >= lever.offered, lever
        if lever.lever in ceilings:
            assert lever.ask <= ceilings[lever.lever], (lever, stretch)


@given(case=negotiations())
def test_levers_follow_the_tier(case):
    offer, position, horizon, alternatives, own = case
    stretch = compute_stretch(offer, position, horizon)
    levers = suggest_levers(offer, position, stretch, horizon, alternatives, year_one_display=own)
    names = {lever.lever: lever for lever in levers}
    tier = position.tier
    if tier == "weak":
        assert levers[0].kind == "non_cash"
    if "combined_headcount" in names:
        assert tier in ("strong", "grand_slam")
        assert offer.headcount is not None and offer.headcount.combinable_roles > 0
    assert ("exercise_window" in names) == any(g.kind == "option" for g in offer.equity)
    for lever in levers:
        if lever.lever == "equity" and lever.kind == "swap":
            assert tier in ("weak", "uncertain")
            assert offer.sign_on and offer.sign_on[0] > 0
    for drop in stretch.drops:
        if drop.year <= 5:
            assert drop.fix in names, (drop, sorted(names), tier)


@given(case=negotiations())
def test_the_stretch_keeps_to_the_tier(case):
    offer, position, horizon, _, _ = case
    stretch = compute_stretch(offer, position, horizon)
    base, top, tier = offer.base_salary, stretch.band_max, position.tier
    assert stretch.base_ceiling >= stretch.base_offered
    assert stretch.sign_on_ceiling >= stretch.sign_on_offered
    assert stretch.equity_ceiling >= stretch.equity_offered
    if tier in ("weak", "uncertain", "steady") and base <= top:
        assert stretch.base_ceiling <= top
    answered = responses_in(offer)
    if tier == "strong" and base <= top and answered == 0 and stretch.combined_headcount_extra == 0:
        assert stretch.base_ceiling == top
    if tier == "grand_slam" and answered == 0 and top >= 1:  # 10 % of the top is at least a cent
        assert stretch.base_ceiling > top
    if stretch.combined_headcount_extra > 0:
        assert tier in ("strong", "grand_slam")
        assert offer.headcount is not None and offer.headcount.combinable_roles > 0
    if offer.budget is None:
        assert stretch.band_estimated and stretch.band_source == "typical band shape"
        assert any("estimate" in note for note in stretch.notes)


@given(case=negotiations())
def test_each_answer_to_a_counter_shrinks_the_room(case):
    offer, position, horizon, _, _ = case
    before = compute_stretch(offer, position, horizon)
    answered = offer.model_copy(
        update={"timeline": [*offer.timeline, offer.timeline[0].model_copy(update={"kind": "response"})]}
    )
    after = compute_stretch(answered, position, horizon)
    assert after.room_left_pct < before.room_left_pct
    assert after.base_ceiling <= before.base_ceiling
    assert after.sign_on_ceiling <= before.sign_on_ceiling
    assert after.combined_headcount_extra <= before.combined_headcount_extra
    if before.base_ceiling - before.base_offered >= Decimal("0.04"):  # room worth halving at cent precision
        assert after.base_ceiling < before.base_ceiling


@given(case=negotiations())
def test_the_same_offer_gives_the_same_stretch_and_levers(case):
    offer, position, horizon, alternatives, own = case
    runs = []
    for _ in range(2):
        stretch = compute_stretch(offer, position, horizon)
        runs.append((stretch, suggest_levers(offer, position, stretch, horizon, alternatives, year_one_display=own)))
    assert runs[0] == runs[1]
