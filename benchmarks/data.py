"""Generated offers for the benchmarks: every part a real user enters, deterministic (seeded).

Each offer carries a band, combined headcount, a timeline of several rounds (applied, screen,
interviews, the final round, the offer, a counter and the company's response), signals with competing
offers, a deadline, a sign-on (with its repayment terms), relocation, equity (RSUs by value or by
shares, or startup options with their details), refreshers, benefits, a goal, a tax region and a
start date, and, once negotiating, the rounds of the negotiation; in one of three currencies. The
file has three share-price scenarios and a current job. The numbers, dates and stages vary, so the
rating, the stretch and the levers take every branch a real file does (same-day offers, weeks of
silence, offers below and above the band).
"""

from __future__ import annotations

import random
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

AS_OF = date(2026, 11, 20)
COMPANIES = ("Lumen Health", "Kestrel Robotics", "Aurelia Bank", "Tessellate", "Northwind Analytics",
             "Contoso GmbH", "Fabrikam", "Woodgrove", "Tailspin Toys", "Litware")
ROLES = ("Senior Software Engineer, Payments", "Staff Platform Engineer", "Lead Data Engineer",
         "Senior Machine Learning Engineer", "Engineering Manager", "Principal Engineer, Search")
PLACES = ("Seattle, WA", "Remote (US)", "London", "New York, NY", "Berlin", "Austin, TX")
SCHEDULES = ([25, 25, 25, 25], [5, 15, 40, 40], [33, 33, 22, 12], [40, 30, 20, 10], [10, 20, 30, 40])
CURRENCIES = ("USD", "USD", "USD", "GBP", "EUR")
FX = {"GBP": Decimal("1.27"), "EUR": Decimal("1.08")}


def _vesting(rng: random.Random) -> dict[str, Any]:
    return {"years_pct": list(rng.choice(SCHEDULES)), "cliff_months": rng.choice((0, 6, 12, 12)),
            "frequency": rng.choice(("monthly", "quarterly", "annual"))}


def offer(index: int, rng: random.Random) -> dict[str, Any]:
    """One offer with every part filled in (a few parts left out at random, as users do)."""
    base = rng.randrange(90_000, 260_000, 500)
    currency = rng.choice(CURRENCIES)
    final = AS_OF - timedelta(days=rng.randrange(5, 70))
    applied = final - timedelta(days=rng.randrange(14, 50))
    timeline: list[dict[str, Any]] = [
        {"date": applied.isoformat(), "kind": "applied"},
        {"date": (applied + timedelta(days=3)).isoformat(), "kind": "recruiter_screen", "note": "30 minutes"},
        {"date": (applied + timedelta(days=9)).isoformat(), "kind": "interview", "note": "technical screen"},
        {"date": final.isoformat(), "kind": "final_interview", "note": "onsite loop, five rounds"},
    ]
    has_offer = rng.random() < 0.75
    stage = "interviewing"
    if has_offer:
        offered = final + timedelta(days=rng.choice((0, 0, 1, 3, 6, 12, 20, 35)))
        offered = min(offered, AS_OF)
        timeline.append({"date": offered.isoformat(), "kind": "offer", "note": "the recruiter called"})
        stage = rng.choice(("offer", "offer", "negotiating", "accepted", "declined"))
        if stage == "negotiating" or rng.random() < 0.3:
            counter = min(offered + timedelta(days=rng.randrange(1, 6)), AS_OF)
            timeline.append({"date": counter.isoformat(), "kind": "counter", "note": f"asked for {base + 20000}"})
            if rng.random() < 0.6:
                timeline.append({"date": min(counter + timedelta(days=3), AS_OF).isoformat(), "kind": "response",
                                 "note": "came back with a little more"})
    elif rng.random() < 0.4:
        timeline.append({"date": (final + timedelta(days=4)).isoformat(), "kind": "follow_up",
                         "note": "emailed the recruiter"})
    equity: list[dict[str, Any]] = []
    kind = rng.random()
    if kind < 0.45:
        equity.append({"kind": "rsu", "value": rng.randrange(40_000, 400_000, 1000), "vesting": _vesting(rng)})
    elif kind < 0.75:
        equity.append({"kind": "rsu", "shares": rng.randrange(200, 4000, 10),
                       "price": Decimal(rng.randrange(2000, 40000)) / 100, "vesting": _vesting(rng)})
    else:
        strike = Decimal(rng.randrange(10, 5000)) / 1000
        equity.append({"kind": "option", "shares": rng.randrange(5000, 80000, 100), "strike": strike,
                       "price": strike * rng.randrange(2, 6), "fmv": strike, "preferred_price": strike * 4,
                       "fully_diluted_shares": rng.randrange(5_000_000, 40_000_000, 100_000),
                       "exercise_window_days": rng.choice((90, 90, 3650)), "vesting": _vesting(rng)})
    if rng.random() < 0.25:
        equity.append({"kind": "rsu", "value": rng.randrange(10_000, 80_000, 1000), "vesting": _vesting(rng)})
    rounds: list[dict[str, Any]] = []
    if stage == "negotiating":
        asked = AS_OF - timedelta(days=rng.randrange(4, 12))
        rounds.append({"date": asked.isoformat(), "side": "candidate",
                       "items": {"base_salary": base + 20_000, "sign_on": 40_000}, "note": "cited the other offer"})
        if rng.random() < 0.7:
            rounds.append({"date": (asked + timedelta(days=3)).isoformat(), "side": "company",
                           "items": {"base_salary": base + 8_000}, "note": "came back with a little more"})
    band_min = base - rng.randrange(0, 40_000, 1000)
    band_max = base + rng.randrange(-5_000, 60_000, 1000)
    result: dict[str, Any] = {
        "id": f"bench-{index:05d}",
        "company": f"{COMPANIES[index % len(COMPANIES)]} {index}",
        "role": ROLES[index % len(ROLES)],
        "level": rng.choice(("L5", "L6", "Staff", "Senior", "VP")),
        "location": PLACES[index % len(PLACES)],
        "currency": currency,
        "stage": stage,
        "base_salary": base,
        "annual_raise_pct": Decimal(rng.randrange(0, 60)) / 10,
        "bonus": ({"target_pct": rng.choice((10, 15, 20)), "expected_payout_pct": rng.choice((85, 100, 110))}
                  if rng.random() < 0.7 else {"target_amount": rng.randrange(10_000, 40_000, 1000)}),
        "sign_on": [rng.randrange(10_000, 60_000, 1000)] + ([rng.randrange(5_000, 30_000, 1000)]
                                                           if rng.random() < 0.4 else []),
        "sign_on_repayment": {"months": rng.choice((12, 24)), "pro_rata": rng.random() < 0.5},
        "tax_region": {"USD": rng.choice(("US-CA", "US-WA", "US-NY")), "GBP": "GB", "EUR": "DE"}[currency],
        "start_date": (AS_OF + timedelta(days=rng.randrange(20, 60))).isoformat(),
        "relocation": rng.choice((0, 5000, 12000)),
        "equity": equity,
        "refreshers": {"annual_value": rng.randrange(10_000, 80_000, 1000), "first_year": rng.choice((2, 2, 3)),
                       "vesting": _vesting(rng)},
        "benefits": [{"name": "401(k) match", "annual_value": rng.randrange(3000, 12000, 100)},
                     {"name": "Wellness stipend", "annual_value": 1200}],
        "budget": {"band_min": max(band_min, 1000), "band_max": max(band_max, band_min, 1000),
                   "source": rng.choice(("posting", "recruiter", "estimate"))},
        "headcount": {"combinable_roles": rng.choice((0, 1, 1, 2)),
                      "combinable_budget": rng.randrange(0, 200_000, 5000)},
        "timeline": timeline,
        "signals": {"competing_offers": rng.choice((0, 1, 1, 2)), "recruiter_advocating": rng.random() < 0.6,
                    "hiring_manager_responsive": rng.random() < 0.7,
                    "deadline": (AS_OF + timedelta(days=rng.randrange(3, 30))).isoformat()},
        "goal": {"target_total": base + 120_000, "walk_away_total": base + 60_000},
        "notes": "Hiring manager mentioned a second open role on the team that hasn't been posted.",
    }
    if rounds:
        result["negotiation"] = rounds
    return result


CURRENT_JOB = {
    "company": "Harbor Freight Systems", "role": "Software Engineer III", "currency": "USD", "tax_region": "US-WA",
    "base_salary": 176000, "annual_raise_pct": 3, "bonus": {"target_pct": 10, "expected_payout_pct": 100},
    "equity_by_year": [48000, 36000, 14000], "benefits": [{"name": "401(k) match", "annual_value": 7800}],
    "forfeit_on_leaving": [{"what": "RSUs vesting 15 Feb 2027", "amount": 12000}],
    "repay_on_leaving": [{"what": "relocation repaid if leaving before Jun 2027", "amount": 8000}],
}
SCENARIOS = [{"name": "flat", "growth_pct": 0}, {"name": "bear", "growth_pct": -20},
             {"name": "bull", "growth_pct": 15}]


def offers(count: int, seed: int = 7) -> list[dict[str, Any]]:
    rng = random.Random(seed)
    return [offer(index, rng) for index in range(count)]


def offer_file(count: int) -> dict[str, Any]:
    return {
        "format": "offer-planner/2",
        "as_of": AS_OF.isoformat(),
        "display_currency": "USD",
        "fx_base": "USD",
        "fx": dict(FX),
        "fx_as_of": (AS_OF - timedelta(days=2)).isoformat(),
        "horizon_years": 4,
        "tax": {"year": 2026, "filing_status": "single"},
        "scenarios": [dict(s) for s in SCENARIOS],
        "current_job": dict(CURRENT_JOB),
        "offers": offers(count),
    }


def offer_file_text(count: int) -> str:
    from app.files import to_json

    return to_json(offer_file(count))


def write_offer_file(path: Path, count: int) -> Path:
    path.write_text(offer_file_text(count), encoding="utf-8")
    return path


def data_file(path: Path, count: int) -> Path:
    """A data file holding `count` offers (and the file's currency settings)."""
    from app.files import merge_file_parts, parse_offer_file
    from app.models import Settings
    from app.store import Store

    parsed = parse_offer_file(offer_file_text(count))
    with Store.open(path) as store:
        store.import_offers(parsed.offers)
        settings, _ = merge_file_parts(Settings(display_currency="USD"), parsed)
        store.save_settings(settings)
    return path


if __name__ == "__main__":  # a look at what is generated: python -m benchmarks.data 3
    import sys

    print(offer_file_text(int(sys.argv[1]) if len(sys.argv) > 1 else 2))
