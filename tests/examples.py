"""Shared test data: a literal copy of ../shared/examples/three-offers.json, so tests stand alone.

Hand-checked figures for it live next to the tests that use them.
"""

from __future__ import annotations

import json
from typing import Any

THREE_OFFERS_JSON = """\
{
  "format": "offer-planner/1",
  "as_of": "2026-11-20",
  "display_currency": "USD",
  "fx": {"EUR": 1.08},
  "horizon_years": 4,
  "offers": [
    {
      "id": "northwind",
      "company": "Northwind Analytics",
      "role": "Senior Data Engineer",
      "level": "Senior",
      "location": "Austin, TX",
      "currency": "USD",
      "stage": "offer",
      "base_salary": 172000,
      "annual_raise_pct": 3,
      "bonus": {"target_pct": 10},
      "sign_on": [20000],
      "equity": [
        {"kind": "rsu", "value": 160000, "vesting": {"years_pct": [25, 25, 25, 25], "cliff_months": 12, \
"frequency": "quarterly"}}
      ],
      "benefits": [{"name": "401(k) match", "annual_value": 6000}],
      "budget": {"band_min": 150000, "band_max": 190000, "source": "posting"},
      "headcount": {"combinable_roles": 1, "combinable_budget": 140000},
      "timeline": [
        {"date": "2026-10-20", "kind": "recruiter_screen"},
        {"date": "2026-10-28", "kind": "interview"},
        {"date": "2026-11-04", "kind": "final_interview", "note": "onsite, four rounds"},
        {"date": "2026-11-05", "kind": "offer", "note": "recruiter called the next morning"}
      ],
      "signals": {"competing_offers": 1, "recruiter_advocating": true, "hiring_manager_responsive": true, \
"deadline": "2026-11-30"},
      "goal": {"target_total": 260000, "walk_away_total": 225000}
    },
    {
      "id": "fabrikam",
      "company": "Fabrikam Cloud",
      "role": "Data Platform Engineer",
      "currency": "USD",
      "stage": "offer",
      "base_salary": 165000,
      "bonus": {"target_pct": 15, "expected_payout_pct": 90},
      "sign_on": [30000, 15000],
      "relocation": 8000,
      "equity": [
        {"kind": "rsu", "shares": 800, "price": 250, "vesting": {"years_pct": [10, 20, 30, 40], \
"cliff_months": 12, "frequency": "quarterly"}}
      ],
      "budget": {"band_min": 145000, "band_max": 185000, "source": "recruiter"},
      "timeline": [
        {"date": "2026-10-01", "kind": "interview"},
        {"date": "2026-10-09", "kind": "final_interview"},
        {"date": "2026-10-30", "kind": "offer", "note": "three weeks of silence first"}
      ],
      "signals": {"competing_offers": 1, "hiring_manager_responsive": false}
    },
    {
      "id": "contoso",
      "company": "Contoso GmbH",
      "role": "Staff Engineer",
      "location": "Berlin",
      "currency": "EUR",
      "stage": "interviewing",
      "base_salary": 120000,
      "equity": [
        {"kind": "option", "shares": 12000, "strike": 3.2, "price": 9.5}
      ],
      "timeline": [
        {"date": "2026-10-22", "kind": "interview"},
        {"date": "2026-11-03", "kind": "final_interview"}
      ],
      "signals": {"recruiter_advocating": true}
    }
  ]
}
"""

THREE_OFFERS: dict[str, Any] = json.loads(THREE_OFFERS_JSON)
