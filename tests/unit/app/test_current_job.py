"""The current job: what staying pays year by year, what leaving costs, and the Stay column.

Its years follow the offers' rules (base with raises, bonus of that year's base, `equity_by_year`
element i in year i + 1 and 0 past the list, benefits); `leaving_cost` = forfeit + repay. Each
offer's leaving cost sits next to its year 1. Expected figures are worked out by hand.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from app.comparison import comparison_for
from app.compensation import CURRENT_JOB_ID, current_job_figures
from app.evaluation import Evaluator, year_one_after_leaving
from app.models import CurrentJob, Offer, Scenario

D = Decimal
JOB = CurrentJob.model_validate(
    {
        "company": "Ridgeway",
        "role": "Engineer II",
        "base_salary": 100000,
        "annual_raise_pct": 5,
        "bonus": {"target_pct": 10},
        "equity_by_year": [20000, 10000],
        "benefits": [{"name": "401(k)", "annual_value": 5000}],
        "forfeit_on_leaving": [{"what": "RSUs due in February", "amount": 20000}, {"what": "bonus", "amount": 5000}],
        "repay_on_leaving": [{"what": "relocation", "amount": 8000}],
    }
)
OFFER = Offer(id="new", company="Newco", role="Engineer", base_salary=D(140000))


def test_the_current_jobs_years() -> None:
    years = current_job_figures(JOB, 3).years
    # year 1: 100000 + 10000 bonus + 20000 equity + 5000 = 135000
    # year 2: 105000 + 10500 + 10000 + 5000 = 130500
    # year 3: 110250 + 11025 + 0 (past the list) + 5000 = 126275
    assert [(y.base, y.bonus, y.equity, y.benefits) for y in years] == [
        (D("100000.00"), D("10000.00"), D("20000.00"), D("5000.00")),
        (D("105000.00"), D("10500.00"), D("10000.00"), D("5000.00")),
        (D("110250.00"), D("11025.00"), D("0.00"), D("5000.00")),
    ]
    assert [y.total for y in years] == [D("135000.00"), D("130500.00"), D("126275.00")]
    assert all(y.sign_on == 0 and y.one_time == 0 for y in years)
    assert current_job_figures(JOB, 3).total == D("391775.00")


def test_the_leaving_cost_is_what_you_forfeit_and_repay() -> None:
    assert (JOB.forfeit, JOB.repay, JOB.leaving_cost) == (D(25000), D(8000), D(33000))
    assert CurrentJob().leaving_cost == 0 and CurrentJob().company == "Current job"


def test_stay_and_each_offers_leaving_cost_next_to_year_one() -> None:
    ev = Evaluator([OFFER], as_of=date(2026, 11, 20), display_currency="USD", fx={}, horizon=3, current_job=JOB)
    stay = ev.stay()
    assert stay is not None and stay.total_display == D("391775.00") and stay.leaving_cost == D(33000)
    evaluation = ev.evaluate("new")
    assert (evaluation.leaving_cost, evaluation.leaving_cost_display) == (D("33000.00"), D("33000.00"))
    assert evaluation.year_one_after_leaving == D("107000.00")  # 140,000 − 33,000
    assert Evaluator([OFFER], as_of=date(2026, 11, 20), display_currency="USD", fx={}, horizon=3).stay() is None


def test_the_leaving_cost_in_another_offers_currency() -> None:
    london = Offer(id="uk", company="London", role="Engineer", currency="GBP", base_salary=D(100000))
    ev = Evaluator(
        [london], as_of=date(2026, 11, 20), display_currency="USD", fx={"GBP": D("1.25")}, horizon=3, current_job=JOB
    )
    # $33,000 ÷ 1.25 = £26,400
    assert ev.evaluate("uk").leaving_cost == D("26400.00")
    no_rate = Evaluator([london], as_of=date(2026, 11, 20), display_currency="USD", fx={}, horizon=3, current_job=JOB)
    assert no_rate.evaluate("uk").leaving_cost is None  # never mixed in


def test_the_comparison_has_a_stay_column_and_the_leaving_rows() -> None:
    ev = Evaluator(
        [OFFER],
        as_of=date(2026, 11, 20),
        display_currency="USD",
        fx={},
        horizon=3,
        current_job=JOB,
        scenarios=[Scenario(name="bear", growth_pct=D(-20))],
    )
    comparison = comparison_for(ev, ["new"])
    stay, new = comparison.columns
    assert (stay.is_stay, stay.offer_id, stay.label, stay.stage) == (True, CURRENT_JOB_ID, "Stay", "current")
    assert (new.is_stay, new.label) == (False, "Newco")
    assert comparison.stay_index == 0
    assert comparison.baseline_index == 1  # the baseline stays an offer unless asked for
    assert comparison.row("year:1").values == (D("135000.00"), D("140000.00"))
    assert comparison.row("total").values == (D("391775.00"), D("420000.00"))
    assert comparison.row("total").statuses == ("", "best")
    leaving = comparison.row("leaving_cost")
    # staying leaves nothing behind: no figure there (not a "best" $0 that is always true)
    assert leaving.values == (None, D("33000.00")) and leaving.higher_is_better is False
    assert leaving.statuses == ("missing", "")
    assert comparison.row("year:1:after_leaving").values == (D("135000.00"), D("107000.00"))
    # staying's equity is as the broker shows it: unchanged in a scenario; the offer has no equity
    assert comparison.row("scenario:bear").values == (D("391775.00"), D("420000.00"))
    assert comparison.scenario_range(0) == (D("391775.00"), D("391775.00"))
    against_stay = comparison_for(ev, ["new"], baseline_id=CURRENT_JOB_ID)
    assert against_stay.row("total").differences == (None, D("28225.00"))
    assert [c.is_stay for c in comparison_for(ev, ["new"], stay=False).columns] == [False]


def test_year_one_after_leaving_for_figures_not_saved_yet() -> None:
    assert year_one_after_leaving(D("140000.00"), D("33000.00")) == D("107000.00")  # 140,000 − 33,000
    assert year_one_after_leaving(D("20000.00"), D("33000.00")) == D("-13000.00")  # leaving costs more
    assert year_one_after_leaving(D("140000.00"), None) is None  # no current job, or no rate
