"""Every problem issue 12 lists, as the recruiter who tried the app found it, with a test that fails if
it comes back. One test per bullet, in the issue's order; the numbers are worked out by hand from the
rubric's defaults (the reminders at the top of tests/unit/app/test_situations.py and test_levers.py).

The rules behind them are checked for any offer by tests/unit/app/test_advice_properties.py (and the
rating's signals by test_rating_properties.py); these are the cases the issue names.
"""

from __future__ import annotations

import json
import re
from decimal import Decimal

import pytest

from app.brief import build_brief
from app.evaluation import OfferEvaluation, evaluator_for_file
from app.files import parse_offer_file, read_offer_file
from app.resources import sample_offers_path
from app.scripts import commits, tidy
from tests.examples import THREE_OFFERS as EXAMPLE
from tests.situations import BY_KEY, Situation, acme, timeline
from tests.unit.app.test_levers import BAND, RSU_100K, advice_for, by_name, make_offer

CENTS = re.compile(r"\d\.\d\d\b")
PLACEHOLDER = re.compile(r"\[|\]|\{|\}|\bTBD\b|XXX")


def evaluate(situation: Situation) -> OfferEvaluation:
    return evaluator_for_file(parse_offer_file(json.dumps(situation.offer_file()))).evaluate("acme")


def said(e: OfferEvaluation) -> list[str]:
    return [text for lever in e.levers for text in (lever.script, lever.if_no)]


@pytest.fixture(scope="module")
def samples():
    return evaluator_for_file(read_offer_file(sample_offers_path()))


# --- "It ignores the talks so far" ---------------------------------------------------------------


def test_after_asking_210k_and_hearing_198k_the_ask_stays_between_the_two(samples):
    # Lumen (the samples): the candidate asked for a base of 210,000, the company came back at 198,000
    lumen = samples.evaluate("sample-lumen")
    base = by_name(lumen.advice)["base_salary"]
    assert Decimal(198000) < base.ask < Decimal(210000)  # it was $214,000: above the candidate's own number
    assert base.plausibility == "possible"  # asking again after an answer is possible at best
    assert "$198,000" in base.script and "partway" in base.script


# --- "Its asks are far above what negotiating usually gains, and all Likely" ---------------------


def test_a_220k_offer_without_a_band_is_asked_near_the_usual_gain_not_32_percent():
    e = evaluate(BY_KEY["no_band"])
    base = e.levers[0]
    # strong: 8 % of year 1 (220,000) = 17,600 → a base of 238,000 (+8.2 %), not 290,000 (+32 %)
    assert (base.lever, base.ask) == ("base_salary", Decimal(238000))
    # best plausible: at most 12 % of 220,000 = 26,400 more (it was 42 % above the offer)
    assert e.stretch.best.year_one <= Decimal(246400)


def test_northwind_is_asked_about_ten_percent_and_past_the_band_is_never_likely():
    e = evaluator_for_file(parse_offer_file(json.dumps(EXAMPLE))).evaluate("northwind")
    levers = by_name(e.advice)
    # grand slam, base 172,000 in a band topping at 190,000: +10.5 %, inside the band (it was +21.5 %)
    assert levers["base_salary"].ask == Decimal(190000)
    # combined headcount goes past the band: possible, never likely (it was a likely $65,000 more)
    assert levers["combined_headcount"].plausibility == "possible"
    for lever in e.levers:
        if lever.lever == "base_salary" and lever.plausibility == "likely":
            assert lever.ask is not None and lever.ask <= Decimal(190000)
    # a grant of 160,000: at most 25 % more (it was 49 %)
    if "equity" in levers and levers["equity"].ask is not None:
        assert levers["equity"].ask <= Decimal(200000)


# --- "The scripts commit the candidate" -----------------------------------------------------------


def test_first_round_and_paid_time_off_scripts_never_commit():
    e = evaluate(BY_KEY["baseline"])
    for lever in e.levers:
        assert not commits(lever.script) and not commits(lever.if_no), lever.lever
    pto = by_name(e.advice)["pto"]
    assert pto.script == "Could we add five days of paid time off a year?"  # not "help me say yes today"
    assert not commits("I'd like to ask for a base of $198,000.")
    assert commits("I'd be ready to accept at a base of $214,000")  # the check itself would catch the old line


# --- "Signals move the wrong way" -----------------------------------------------------------------


def test_an_unresponsive_manager_never_scores_above_a_responsive_one_after_21_days():
    def score(responsive):
        offer = acme(timeline=timeline("2026-10-23", "2026-11-13"), signals={"hiring_manager_responsive": responsive})
        return evaluate(Situation("x", "x", offer)).position.score

    # 21 days → 46; a responsive manager +4 = 50; an unresponsive one may give the delay back, up to the
    # same 4, never more (it was 59 against 54)
    assert score(True) == 50
    assert score(False) == 50
    assert score(None) == 46


def test_another_offer_paying_a_dollar_more_changes_neither_the_tier_nor_the_ask():
    def first(lead: int) -> OfferEvaluation:
        other = {
            "id": "globex",
            "company": "Globex",
            "role": "Engineer",
            "currency": "USD",
            "stage": "offer",
            "base_salary": 180000 + lead,
            "bonus": {"target_pct": 10},
            "sign_on": [20000],
            "equity": [{"kind": "rsu", "value": 160000}],
            "timeline": timeline("2026-11-02", "2026-11-04"),
        }
        return evaluate(Situation("x", "x", acme(), others=(other,)))

    same, more = first(0), first(1)
    # 3 days → 86, strong, either way (it was lifted to a grand slam 91 and the ask by $19,000)
    assert (same.position.score, same.position.tier) == (more.position.score, more.position.tier) == (86, "strong")
    assert same.levers[0].ask == more.levers[0].ask == Decimal(198000)


def test_a_berlin_offer_never_cites_the_other_offer_in_dollars():
    e = evaluate(BY_KEY["other_currency"])
    for text in said(e):
        assert "$" not in text, text
    assert "another offer" in e.levers[0].script


# --- "Stage is ignored" ---------------------------------------------------------------------------


@pytest.mark.parametrize("key", ["accepted", "declined", "withdrawn"])
def test_closed_offers_get_no_asks_and_say_why(key):
    e = evaluate(BY_KEY[key])
    assert e.levers == ()
    assert e.advice.headline.startswith("No asks")


def test_an_offer_not_made_yet_puts_the_follow_up_plan_on_page_one():
    evaluator = evaluator_for_file(parse_offer_file(json.dumps(BY_KEY["no_offer_yet"].offer_file())))
    brief = build_brief(evaluator, "acme")
    assert [lever.lever for lever in brief.summary.asks] == ["follow_up"]  # page 1, not page 5
    assert brief.summary.mode == "follow_up"


def test_a_deadline_passed_two_days_ago_comes_before_the_base():
    e = evaluate(BY_KEY["passed_deadline"])
    assert e.levers[0].lever == "deadline" and "2 days ago" in e.levers[0].rationale
    assert e.advice.headline.startswith("The deadline has passed")


# --- "The structure of the offer is misread" ------------------------------------------------------


def test_a_33_33_22_12_grant_is_front_loaded_not_running_out_in_year_3():
    e = evaluate(BY_KEY["front_loaded"])
    year_3 = next(d for d in e.stretch.drops if d.year == 3)
    assert year_3.cause == "front_loaded"
    assert not any("runs out" in lever.rationale and "year 3" in lever.rationale for lever in e.levers)


def test_a_bigger_grant_on_a_front_loaded_schedule_is_not_said_to_even_out_the_drop():
    e = evaluate(BY_KEY["front_loaded"])
    equity = by_name(e.advice)["equity"]
    assert "deepens the step down in year 3" in equity.rationale
    assert "a bigger grant does not" in equity.rationale
    refreshers = by_name(e.advice)["refreshers"]
    assert "front-loaded" in refreshers.rationale
    # 33 % then 22 % of 160,000: 52,800 → 35,200, the same 17,600 the year-by-year table shows
    assert "Pay drops in year 3 by $17,600 because the schedule is front-loaded" in refreshers.rationale


def test_under_water_options_are_flagged_never_read_as_no_equity():
    e = evaluate(BY_KEY["under_water"])
    texts = [*e.stretch.notes, *e.advice.warnings, *(lv.rationale for lv in e.levers)]
    assert any("under water" in text for text in e.advice.warnings)
    for text in texts:
        assert "no equity" not in text.lower(), text


def test_startup_options_are_asked_for_in_options_not_dollars():
    e = evaluate(BY_KEY["under_water"])
    equity = by_name(e.advice)["equity"]
    assert equity.unit == "shares" and equity.ask == Decimal(48000)  # 40,000 × 1.2
    assert "48,000 options" in equity.script and "$" not in equity.script


def test_below_the_band_is_flagged_as_the_easiest_ask_and_comes_first():
    e = evaluate(BY_KEY["below_band"])
    first = e.levers[0]
    assert (first.lever, first.ask) == ("base_salary", Decimal(165000))  # the band's minimum
    assert "easiest ask to win" in first.rationale


def test_at_the_top_of_the_band_the_missing_base_lever_is_explained():
    e = evaluate(BY_KEY["top_of_band"])
    assert all(lever.lever != "base_salary" for lever in e.levers)
    assert "top of the band" in e.levers[0].rationale and "top of the band" in e.levers[0].script


# --- "The words" ----------------------------------------------------------------------------------


def test_no_cents_in_a_spoken_sign_on_split():
    # steady: the sign-on ceiling is 10 % of 150,000 = 15,000, under the 20,000 offered, so the drop
    # when it ends is fixed by moving part of it: 20,000 ÷ 3 = 6,666.67, said as 6,000 (it was "$6,666.67")
    offer = make_offer(budget=BAND, sign_on=[20000], equity=[RSU_100K])
    advice = advice_for(offer, "steady")
    spread = by_name(advice)["sign_on"]
    assert spread.kind == "swap" and "$6,000 is paid in year 2" in spread.script
    for lever in advice.levers:
        assert not CENTS.search(lever.script) and not CENTS.search(lever.if_no), lever.script


def test_dates_and_specifics_are_filled_in_never_bracketed():
    e = evaluate(BY_KEY["exploding"])
    assert "until Thursday 26 November" in e.levers[0].script  # the date itself, not "[date]"
    remote = by_name(e.advice)["remote"]
    assert "A day or two a week" in remote.script  # not "[two days a week]"
    for text in said(e):
        assert not PLACEHOLDER.search(text), text


def test_a_remote_role_gets_no_remote_ask():
    assert "remote" not in by_name(advice_for(make_offer(budget=BAND, location="Remote (US)"), "strong"))
    assert "remote" not in by_name(advice_for(make_offer(budget=BAND, role="Engineer (remote)"), "strong"))


def test_every_reason_reads_as_a_sentence():
    for situation in (BY_KEY["baseline"], BY_KEY["front_loaded"], BY_KEY["make_whole"], BY_KEY["two_rounds"]):
        e = evaluate(situation)
        for text in [*(lv.rationale for lv in e.levers), *e.position.reasons]:
            assert text == tidy(text), text
            for sentence in re.split(r"(?<=[.?!]) ", text):
                assert sentence.count(":") <= 1, sentence  # "drops by $18,000: the schedule is …: the grant …"
            assert "  " not in text and ".." not in text, text


def test_scripts_differ_with_the_situation_and_name_the_company():
    keys = ("baseline", "below_band", "top_of_band", "alternative", "other_currency", "make_whole", "two_rounds")
    firsts = {key: evaluate(BY_KEY[key]).levers[0].script for key in keys}
    assert len(set(firsts.values())) == len(keys), firsts  # one script each, not one for every offer
    assert "Acme Robotics" in firsts["baseline"] and "Contoso GmbH" in firsts["other_currency"]
    assert "starts at $165,000" in firsts["below_band"]
    assert "top of the band" in firsts["top_of_band"]
    assert "another offer at about $297,000" in firsts["alternative"]
    assert "Ridgeway Payments" in firsts["make_whole"]
    assert "ready to sign today" in firsts["two_rounds"]  # the closing round, and only there
