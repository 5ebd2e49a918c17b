"""Named situations a recruiter or negotiation coach would test the advice on, as offer files.

Shared by the table-driven test (tests/unit/app/test_situations.py), the rendered briefs
(tests/integration/test_situation_briefs.py) and scripts/situation_briefs.py. Each situation is one
offer (`acme`) in a small file, dated 2026-11-20, changed from one baseline:

    Acme Robotics, Senior Software Engineer (L5), Denver: base $180,000, bonus 10 % of base,
    sign-on $20,000 in year 1, RSUs worth $160,000 vesting 25 % a year;
    posted band $165,000–$205,000; final interview Tue 10 Nov, offer Fri 13 Nov (3 days).
    Year 1 = 180,000 + 18,000 + 20,000 + 40,000 = $258,000.

The expected first lever, its plausibility and (where the arithmetic is short) its ask are written by
hand in tests/unit/app/test_situations.py from the rubric's defaults, not computed by the code.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field
from typing import Any

from app.models import Offer

AS_OF = "2026-11-20"
FORMAT2 = "negotiation" in Offer.model_fields  # the rounds and the current job of format 2

BASELINE: dict[str, Any] = {
    "id": "acme",
    "company": "Acme Robotics",
    "role": "Senior Software Engineer",
    "level": "L5",
    "location": "Denver, CO",
    "currency": "USD",
    "stage": "offer",
    "base_salary": 180000,
    "bonus": {"target_pct": 10},
    "sign_on": [20000],
    "equity": [{"kind": "rsu", "value": 160000}],
    "budget": {"band_min": 165000, "band_max": 205000, "source": "posting"},
    "timeline": [
        {"date": "2026-11-10", "kind": "final_interview", "note": "panel of four"},
        {"date": "2026-11-13", "kind": "offer", "note": "recruiter called"},
    ],
}


@dataclass(frozen=True)
class Situation:
    key: str
    name: str
    offer: dict[str, Any]
    others: tuple[dict[str, Any], ...] = ()
    file: dict[str, Any] = field(default_factory=dict)  # top-level keys beyond the defaults
    format2: bool = False

    def offer_file(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "format": "offer-planner/2" if self.format2 else "offer-planner/1",
            "as_of": AS_OF,
            "display_currency": "USD",
            "horizon_years": 4,
            "offers": [self.offer, *self.others],
        }
        data.update(self.file)
        return data


def acme(**changes: Any) -> dict[str, Any]:
    offer = copy.deepcopy(BASELINE)
    for key, value in changes.items():
        if value is None:
            offer.pop(key, None)
        else:
            offer[key] = value
    return offer


def timeline(final: str, offer: str | None) -> list[dict[str, Any]]:
    events = [{"date": final, "kind": "final_interview"}]
    if offer is not None:
        events.append({"date": offer, "kind": "offer"})
    return events


GLOBEX_USD = {
    "id": "globex",
    "company": "Globex",
    "role": "Senior Engineer",
    "currency": "USD",
    "stage": "offer",
    "base_salary": 200000,
    "bonus": {"target_pct": 10},
    "sign_on": [40000],
    "equity": [{"kind": "rsu", "value": 146800}],
    # year 1 = 200,000 + 20,000 + 40,000 + 36,700 = 296,700: 15 % above Acme's 258,000
    "timeline": [{"date": "2026-11-02", "kind": "final_interview"}, {"date": "2026-11-04", "kind": "offer"}],
}
NORTHWIND_USD = {
    "id": "northwind",
    "company": "Northwind Analytics",
    "role": "Senior Data Engineer",
    "currency": "USD",
    "stage": "offer",
    "base_salary": 180000,
    "bonus": {"target_pct": 10},
    "sign_on": [20000],
    "equity": [{"kind": "rsu", "value": 160000}],
    "timeline": [{"date": "2026-11-02", "kind": "final_interview"}, {"date": "2026-11-04", "kind": "offer"}],
    "signals": {"deadline": "2026-11-30"},
}

SITUATIONS: tuple[Situation, ...] = (
    Situation("baseline", "Offer three days after the final interview", acme()),
    Situation(
        "same_day",
        "Same-day offer, recruiter advocating, responsive manager",
        acme(
            timeline=timeline("2026-11-12", "2026-11-12"),
            signals={"recruiter_advocating": True, "hiring_manager_responsive": True},
        ),
    ),
    Situation(
        "silence",
        "Three weeks of silence after the final interview",
        acme(stage="interviewing", timeline=timeline("2026-10-30", None)),
    ),
    Situation(
        "no_offer_yet",
        "No offer yet, two days after the final interview",
        acme(stage="interviewing", timeline=timeline("2026-11-18", None)),
    ),
    Situation("below_band", "Base below the posted band", acme(base_salary=150000)),
    Situation("top_of_band", "Base at the top of the band", acme(base_salary=205000)),
    Situation("exploding", "Exploding offer: the deadline is tomorrow", acme(signals={"deadline": "2026-11-21"})),
    Situation("passed_deadline", "The deadline passed two days ago", acme(signals={"deadline": "2026-11-18"})),
    Situation(
        "under_water",
        "Startup options under water",
        acme(equity=[{"kind": "option", "shares": 40000, "strike": 6, "price": 4.5}]),
    ),
    Situation(
        "other_currency",
        "A better offer in another currency (Berlin against Denver)",
        {
            "id": "acme",
            "company": "Contoso GmbH",
            "role": "Staff Engineer",
            "location": "Berlin",
            "currency": "EUR",
            "stage": "offer",
            "base_salary": 100000,
            "budget": {"band_min": 90000, "band_max": 115000, "source": "recruiter"},
            "timeline": timeline("2026-11-10", "2026-11-13"),
        },
        others=(NORTHWIND_USD,),
        file={"fx": {"EUR": 1.08}},
    ),
    Situation(
        "alternative",
        "Steady position, a same-currency offer paying 15 % more",
        acme(timeline=timeline("2026-11-03", "2026-11-13")),
        others=(GLOBEX_USD,),
    ),
    Situation("accepted", "Accepted", acme(stage="accepted")),
    Situation("declined", "Declined", acme(stage="declined")),
    Situation("withdrawn", "Withdrawn by the company", acme(stage="withdrawn")),
    Situation(
        "weak",
        "Offer five weeks after the final, recruiter not advocating",
        acme(timeline=timeline("2026-10-12", "2026-11-16"), signals={"recruiter_advocating": False}),
    ),
    Situation("uncertain", "Offer sixteen days after the final", acme(timeline=timeline("2026-10-28", "2026-11-13"))),
    Situation(
        "no_band",
        "No band entered, a $220,000 base",
        acme(base_salary=220000, budget=None, bonus=None, sign_on=[], equity=[]),
    ),
    Situation(
        "verbal_offer",
        "Still 'interviewing', but the offer came by phone",
        acme(stage="interviewing"),
    ),
    Situation(
        "front_loaded",
        "Front-loaded vesting (33/33/22/12)",
        acme(equity=[{"kind": "rsu", "value": 160000, "vesting": {"years_pct": [33, 33, 22, 12], "cliff_months": 0}}]),
    ),
    Situation(
        "two_rounds",
        "Two rounds done: the company answered twice",
        acme(
            stage="negotiating",
            base_salary=195000,
            sign_on=[25000],
            goal={"target_total": 281000, "walk_away_total": 270000},
            negotiation=[
                {"date": "2026-11-16", "side": "candidate", "items": {"base_salary": 210000, "sign_on": 40000}},
                {"date": "2026-11-17", "side": "company", "items": {"base_salary": 192000, "sign_on": 25000}},
                {"date": "2026-11-18", "side": "candidate", "items": {"base_salary": 204000}},
                {"date": "2026-11-19", "side": "company", "items": {"base_salary": 195000}},
            ],
        ),
        format2=True,
    ),
    Situation(
        "make_whole",
        "Leaving a job forfeits $80,000",
        acme(base_salary=190000, sign_on=[], budget={"band_min": 170000, "band_max": 215000, "source": "recruiter"}),
        file={
            "current_job": {
                "company": "Ridgeway Payments",
                "base_salary": 170000,
                "forfeit_on_leaving": [
                    {"what": "RSUs vesting in February", "amount": 60000},
                    {"what": "this year's bonus", "amount": 20000},
                ],
            }
        },
        format2=True,
    ),
)

SITUATIONS += (
    Situation(
        "after_tax",
        "California, no bonus: what the base's ask leaves after tax",
        acme(
            location="San Francisco, CA",
            tax_region="US-CA",
            base_salary=150000,
            bonus=None,
            sign_on=[],
            equity=[],
            budget={"band_min": 140000, "band_max": 180000, "source": "posting"},
            timeline=timeline("2026-11-03", "2026-11-13"),
            goal={"target_total": 160000},
        ),
        format2=True,
    ),
)

BY_KEY = {s.key: s for s in SITUATIONS}
