"""The words people read for the app's codes, each written once: the list, the editor, the charts,
the command line and the brief all show the same word for the same thing.

Kept beside the other names the domain already owns (`app.rubric.TIER_NAMES`, `app.levers`'
`LEVER_TITLES`, `PLAUSIBILITY_NAMES` and `KIND_NAMES`). Money and dates are formatted elsewhere.
"""

from __future__ import annotations

from collections.abc import Mapping

# app.models.Stage, in the order the editor lists them
STAGE_NAMES: Mapping[str, str] = {
    "interviewing": "Interviewing",
    "offer": "Offer received",
    "negotiating": "Negotiating",
    "accepted": "Accepted",
    "declined": "Declined",
    "withdrawn": "Withdrawn",
}

# app.models.EventKind: the steps of the interview timeline
EVENT_NAMES: Mapping[str, str] = {
    "applied": "Applied",
    "recruiter_screen": "Recruiter screen",
    "interview": "Interview",
    "final_interview": "Final interview",
    "feedback": "Feedback",
    "offer": "Offer",
    "counter": "Counter",
    "response": "Response",
    "follow_up": "Follow-up",
}

# app.models.RoundItem: what a round of the negotiation asks for or answers, in the spec's order
ROUND_ITEM_NAMES: Mapping[str, str] = {
    "base_salary": "Base salary",
    "sign_on": "Sign-on (all years)",
    "equity_value": "Equity value",
    "equity_shares": "Equity in shares",
    "relocation": "Relocation",
    "bonus_target_pct": "Bonus target",
    "pto_days": "Paid days off",
    "level": "Level",
    "title": "Title",
    "remote": "Remote",
    "start_date": "Start date",
    "deadline": "Deadline",
}

# app.models.Side: who spoke in a round, as the rounds editor offers it
ROUND_SIDE_NAMES: Mapping[str, str] = {"candidate": "You asked", "company": "The company answered"}

# the same, as a short mark on the timeline
ROUND_MARK_NAMES: Mapping[str, str] = {"candidate": "You asked", "company": "Company answered"}

# app.compensation.COMPONENTS: the columns of a year-by-year table
COMPONENT_NAMES: Mapping[str, str] = {
    "base": "Base",
    "bonus": "Bonus",
    "sign_on": "Sign-on",
    "equity": "Equity",
    "benefits": "Benefits",
    "one_time": "Relocation",
}

# app.comparison.CHART_PARTS: the parts of a stacked bar, as its legend names them
CHART_PART_NAMES: Mapping[str, str] = {
    "guaranteed_cash": "Guaranteed cash",
    "contingent_cash": "Bonus (contingent)",
    "equity": "Equity",
    "benefits": "Benefits",
}

# the same parts after tax (Comparison.part_labels in after-tax mode): what is not taxed said beside
AFTER_TAX_PART_NAMES: Mapping[str, str] = {
    "guaranteed_cash": "Guaranteed cash after tax",
    "contingent_cash": "Bonus after tax (contingent)",
    "equity": "Equity (RSUs after tax; options not taxed)",
    "benefits": "Benefits (not taxed)",
}

# app.after_tax.TaxStatus without an estimate: what a Compare cell says in place of an after-tax figure
# (the whole reason, AfterTax.flag, is in its tooltip and under the table)
NO_ESTIMATE_WORDS: Mapping[str, str] = {
    "no_region": "no tax region",
    "unsupported": "no tax rules",
    "no_rate": "no rate to tax",
}

# app.stretch.Drop.cause: why pay falls in a year, to follow "when" ("… when the sign-on ends")
DROP_CAUSES: Mapping[str, str] = {
    "sign_on_ends": "the sign-on ends",
    "grant_runs_out": "the initial grant runs out",
    "front_loaded": "the vesting schedule is front-loaded: the grant vests less each year",
    "cliff": "a long cliff piled the first vesting into one year",
    "other": "other components fall",
}

# app.package.Who: whom to ask, to follow "ask" ("ask the recruiter")
WHO_NAMES: Mapping[str, str] = {
    "recruiter": "the recruiter",
    "hiring_manager": "the hiring manager",
    "above_manager": "the hiring manager, who takes it above them",
}


def signed_points(points: int) -> str:
    """A rating's points as read beside a reason: 6 → "+6", −4 → "−4" (a real minus sign), 0 → "0"."""
    if points > 0:
        return f"+{points}"
    if points < 0:
        return f"−{-points}"
    return "0"
