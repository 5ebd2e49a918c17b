"""The rating rubric: every threshold and weight behind the position rating and the budget stretch.

One versioned pydantic model, so the numbers are visible ("How is this rated?"), documented, and
adjustable in settings; `DEFAULT_RUBRIC` is the shipped version. The sources are the recruiter's view
in ../shared/domain/recruiter-and-hiring-manager-dynamics.md and the process speeds in facts.md.
These are rules of thumb, shown as such: no study quantifies leverage from speed.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StrictInt, model_validator
from pydantic_core import PydanticCustomError

Tier = Literal["grand_slam", "strong", "steady", "uncertain", "weak"]
TIERS: tuple[Tier, ...] = ("grand_slam", "strong", "steady", "uncertain", "weak")  # best first
TIER_NAMES: dict[str, str] = {
    "grand_slam": "Grand slam",
    "strong": "Strong",
    "steady": "Steady",
    "uncertain": "Uncertain",
    "weak": "Weak",
}

Points = Annotated[StrictInt, Field(ge=0, le=100)]
Bonus = Annotated[StrictInt, Field(ge=0, le=50)]
Days = Annotated[StrictInt, Field(ge=0, le=3650)]
Pct = Annotated[Decimal, Field(ge=0, le=200)]


class Band(BaseModel):
    """A speed band: up to `max_days` calendar days (inclusive) scores `points`."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    max_days: Days | None  # None: any longer
    points: Points
    meaning: str


class TierStretch(BaseModel):
    """What a company can plausibly still do for a candidate in one tier."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    band_room_pct: Pct  # share of the room between the offer and the band's top the company will give
    over_band_pct: Pct  # how far past the band's top, as % of it (grand slam only, by default)
    sign_on_pct_of_base: Pct  # the largest plausible sign-on (year 1), as % of base
    equity_extra_pct: Pct  # the largest plausible extra grant, as % of the grants offered


class Rubric(BaseModel):
    """Thresholds and weights of the rating. Change them in settings; the version says which set."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    version: Annotated[str, Field(min_length=1, max_length=40)] = "2026.11-1"

    # score → tier: the lowest score of each tier (weak is everything below uncertain)
    grand_slam_from: Points = 90
    strong_from: Points = 75
    steady_from: Points = 55
    uncertain_from: Points = 35

    # speed of an offer: calendar days from the last final interview to the offer
    offer_speed: tuple[Band, ...] = (
        Band(
            max_days=0,
            points=100,
            meaning="companies move this fast for candidates they are afraid to lose",
        ),
        Band(max_days=3, points=86, meaning="within three days: a fast decision, usually a clear yes"),
        Band(max_days=7, points=72, meaning="within a week: a normal, decided pace"),
        Band(max_days=14, points=60, meaning="within two weeks: common, but the company took its time"),
        Band(
            max_days=29,
            points=46,
            meaning="more than two weeks: the company was likely weighing other finalists or waiting on something",
        ),
        Band(
            max_days=None,
            points=30,
            meaning="a month or more: you were probably not the first choice, or the role was on hold",
        ),
    )
    # silence while waiting for an offer: calendar days since the last interview, up to as_of
    waiting: tuple[Band, ...] = (
        Band(max_days=3, points=66, meaning="too early to read anything into the silence"),
        Band(max_days=7, points=58, meaning="within the usual week: nothing to worry about yet"),
        Band(
            max_days=13,
            points=46,
            meaning="past the usual week: the company may be interviewing others or be undecided",
        ),
        Band(
            max_days=None,
            points=32,
            meaning="two weeks or more of silence: the company is most likely weighing other candidates",
        ),
    )
    no_speed_points: Points = 55  # no dates to read the speed from

    # evidence that adds or takes away points
    competing_offer_points: Bonus = 6  # per competing offer …
    competing_offers_max_points: Bonus = 12  # … up to this
    better_offer_points: Bonus = 5  # another offer the user holds pays more in year 1
    recruiter_advocating_points: Bonus = 5
    recruiter_not_advocating_points: Bonus = 4  # taken away
    manager_responsive_points: Bonus = 3
    # An unresponsive hiring manager explains a delay without meaning rejection: give back some of the
    # points a slow offer or a long silence cost (never more than the step between two bands).
    manager_unresponsive_relief_points: Bonus = 8
    manager_unresponsive_relief_after_days: Days = 7
    quick_rounds_days: Days = 7  # interview rounds at most this far apart on average …
    quick_rounds_points: Bonus = 4  # … add this
    slow_rounds_days: Days = 21  # rounds further apart than this on average …
    slow_rounds_points: Bonus = 4  # … take this away

    # hard limits from the issue: a slow offer or a long silence is at best "uncertain"
    slow_offer_cap_days: Days = 30
    silence_cap_days: Days = 14

    # the budget stretch by tier
    stretch: dict[Tier, TierStretch] = Field(
        default_factory=lambda: dict[Tier, TierStretch]({  # typed, so the keys are checked as tiers
            "grand_slam": TierStretch(
                band_room_pct=Decimal(100),
                over_band_pct=Decimal(10),
                sign_on_pct_of_base=Decimal(25),
                equity_extra_pct=Decimal(40),
            ),
            "strong": TierStretch(
                band_room_pct=Decimal(100),
                over_band_pct=Decimal(0),
                sign_on_pct_of_base=Decimal(15),
                equity_extra_pct=Decimal(25),
            ),
            "steady": TierStretch(
                band_room_pct=Decimal(60),
                over_band_pct=Decimal(0),
                sign_on_pct_of_base=Decimal(10),
                equity_extra_pct=Decimal(15),
            ),
            "uncertain": TierStretch(
                band_room_pct=Decimal(35),
                over_band_pct=Decimal(0),
                sign_on_pct_of_base=Decimal(5),
                equity_extra_pct=Decimal(10),
            ),
            "weak": TierStretch(
                band_room_pct=Decimal(15),
                over_band_pct=Decimal(0),
                sign_on_pct_of_base=Decimal(0),
                equity_extra_pct=Decimal(0),
            ),
        })
    )
    # combined headcount (strong or better, roles recorded): the share of the other roles' budget a
    # hiring manager can plausibly fold into this hire's base, and the most it may add past the band
    combined_budget_share_pct: Pct = Decimal(25)
    combined_over_band_max_pct: Pct = Decimal(15)
    # each answer the company already gave to a counter uses up this share of what was left
    response_uses_room_pct: Pct = Decimal(50)
    # typical band shape when none is known: min and max as % of the midpoint (facts.md: 80/120)
    estimated_band_min_pct: Pct = Decimal(80)
    estimated_band_max_pct: Pct = Decimal(120)
    # a swap of sign-on into equity: equity value offered per unit of sign-on given up (facts.md: 30k→47k)
    sign_on_to_equity_rate: Annotated[Decimal, Field(ge=1, le=3)] = Decimal("1.5")
    # a year whose total falls by more than this % from the year before is flagged
    drop_flag_pct: Pct = Decimal(5)

    sources: tuple[str, ...] = (
        "Recruiter and hiring-manager dynamics (a recruiter's account): a home-run candidate gets an "
        "offer fast, sometimes the same day; long delays usually mean the company is exploring other "
        "options; an unresponsive hiring manager explains delays the recruiter can only prompt; for a "
        "strong candidate a hiring manager stretches past the initial budget, by combining roles into "
        "one headcount or adding equity.",
        "Process speeds: 1–3 weeks from final interview to decision is typical, 1–3 days at startups; "
        "beyond 10 business days (14 calendar days) usually signals other finalists or an external delay.",
        "Bands: minimum and maximum are often about 80 % and 120 % of the midpoint; above the band needs "
        "an exception. Negotiating often improves an offer by about 10 %.",
    )

    @model_validator(mode="after")
    def _coherent(self) -> Rubric:
        if not (self.grand_slam_from > self.strong_from > self.steady_from > self.uncertain_from):
            raise PydanticCustomError("rubric_tiers", "tier thresholds must fall from grand slam to uncertain")
        for name in ("offer_speed", "waiting"):
            bands = getattr(self, name)
            if not bands or bands[-1].max_days is not None:
                raise PydanticCustomError(
                    "rubric_bands", "the last {name} band must cover any longer wait", {"name": name}
                )
            days = [b.max_days for b in bands[:-1]]
            points = [b.points for b in bands]
            if days != sorted(set(days)) or points != sorted(points, reverse=True):
                raise PydanticCustomError(
                    "rubric_bands",
                    "{name} bands must be in order: longer waits never score more",
                    {"name": name},
                )
            # relief for an unresponsive manager must not let a slower band overtake a faster one
            for i in range(1, len(bands)):
                faster, slower = bands[i - 1], bands[i]
                gap = faster.points - slower.points
                if (
                    self.relieved(bands, i)
                    and not self.relieved(bands, i - 1)
                    and gap < self.manager_unresponsive_relief_points
                ):
                    raise PydanticCustomError(
                        "rubric_relief",
                        "the relief for an unresponsive manager is larger than the step between two {name} bands",
                        {"name": name},
                    )
        if set(self.stretch) != set(TIERS):
            raise PydanticCustomError("rubric_stretch", "the stretch needs a line for every tier")
        return self

    def tier_for(self, score: int) -> Tier:
        if score >= self.grand_slam_from:
            return "grand_slam"
        if score >= self.strong_from:
            return "strong"
        if score >= self.steady_from:
            return "steady"
        if score >= self.uncertain_from:
            return "uncertain"
        return "weak"

    def band_index(self, bands: tuple[Band, ...], days: int) -> int:
        for index, band in enumerate(bands):
            if band.max_days is None or days <= band.max_days:
                return index
        return len(bands) - 1

    def relieved(self, bands: tuple[Band, ...], index: int) -> bool:
        """Whether a band is slow enough (all of it) for an unresponsive manager to explain the wait."""
        lowest_day = 0 if index == 0 else (bands[index - 1].max_days or 0) + 1
        return lowest_day > self.manager_unresponsive_relief_after_days


DEFAULT_RUBRIC = Rubric()
EDITED_MARK = " (edited)"


def edited_rubric(rubric: Rubric, started_from: Rubric = DEFAULT_RUBRIC) -> Rubric:
    """A rubric as the user left it in Settings, after starting from `started_from`: that rubric when
    nothing changed; `DEFAULT_RUBRIC` itself when every number is the shipped one (so a later
    version's rubric applies); else the rubric with " (edited)" after its version, so every rating and
    brief says it was not made by the rules it started from."""
    if rubric == started_from:
        return started_from
    if rubric.model_copy(update={"version": DEFAULT_RUBRIC.version}) == DEFAULT_RUBRIC:
        return DEFAULT_RUBRIC
    base = rubric.version.removesuffix(EDITED_MARK)
    if rubric.version.endswith(EDITED_MARK) or len(base) + len(EDITED_MARK) > 40:
        return rubric
    return rubric.model_copy(update={"version": base + EDITED_MARK})


def explain_rubric(rubric: Rubric = DEFAULT_RUBRIC) -> list[tuple[str, list[str]]]:
    """'How is this rated?': the rubric in words, section by section, every number shown."""

    def bands(items: tuple[Band, ...], what: str) -> list[str]:
        lines, low = [], 0
        for band in items:
            if band.max_days is None:
                label = f"{what} {low}+ days"
            elif band.max_days == 0:
                label = "Offer the same day" if what == "Offer after" else f"{what} 0 days"
            else:
                label = f"{what} {low}–{band.max_days} days"
            lines.append(f"{label}: {band.points} points — {band.meaning}.")
            low = (band.max_days or 0) + 1
        return lines

    s = rubric
    return [
        (
            "Tiers",
            [
                f"Grand slam: {s.grand_slam_from}–100 points. Strong: {s.strong_from}–{s.grand_slam_from - 1}. "
                f"Steady: {s.steady_from}–{s.strong_from - 1}. Uncertain: {s.uncertain_from}–{s.steady_from - 1}. "
                f"Weak: below {s.uncertain_from}.",
            ],
        ),
        (
            "Speed of the offer (calendar days from the last final interview to the offer)",
            bands(s.offer_speed, "Offer after"),
        ),
        (
            "Silence while waiting (calendar days since the last interview, up to the as-of date)",
            bands(s.waiting, "Waiting"),
        ),
        (
            "Other evidence",
            [
                f"Each competing offer: +{s.competing_offer_points}, at most +{s.competing_offers_max_points}.",
                f"Another offer you hold pays more in year 1: +{s.better_offer_points}.",
                f"Recruiter advocating: +{s.recruiter_advocating_points}; not advocating: "
                f"−{s.recruiter_not_advocating_points}.",
                f"Hiring manager responsive: +{s.manager_responsive_points}. Unresponsive, after more than "
                f"{s.manager_unresponsive_relief_after_days} days: +{s.manager_unresponsive_relief_points} back, "
                "because an unresponsive manager explains a delay without meaning rejection.",
                f"Rounds at most {s.quick_rounds_days} days apart on average: +{s.quick_rounds_points}; more than "
                f"{s.slow_rounds_days} days apart: −{s.slow_rounds_points}.",
                f"With no dates to read: {s.no_speed_points} points to start from.",
                "A deadline gives no points: it is information, and a lever.",
            ],
        ),
        (
            "Limits",
            [
                f"An offer {s.slow_offer_cap_days}+ days after the final interview, or {s.silence_cap_days}+ days "
                "of silence with no offer, is at best Uncertain, whatever else is true.",
                "The score is the sum, kept between 0 and 100. The same input always gives the same rating.",
            ],
        ),
        (
            "Budget stretch by tier",
            [
                f"{TIER_NAMES[t]}: {line.band_room_pct} % of the room between the offer's base and the top of the "
                f"band"
                + (f", then {line.over_band_pct} % past the top" if line.over_band_pct else "")
                + f"; sign-on up to {line.sign_on_pct_of_base} % of base; equity up to "
                f"{line.equity_extra_pct} % more."
                for t, line in ((t, s.stretch[t]) for t in TIERS)
            ]
            + [
                f"Combined headcount (Strong or better, with combinable roles recorded): up to "
                f"{s.combined_budget_share_pct} % of the other roles' budget on top, at most "
                f"{s.combined_over_band_max_pct} % of the band's top.",
                f"Each answer the company already gave to a counter uses {s.response_uses_room_pct} % of the room "
                "left.",
                f"No band entered: a typical band of {s.estimated_band_min_pct}–{s.estimated_band_max_pct} % of "
                "a midpoint at the offer's base is assumed, and labelled an estimate.",
            ],
        ),
        ("Sources", list(s.sources)),
        ("Version", [f"Rubric {s.version}. These are rules of thumb, not a study: change any number in Settings."]),
    ]
