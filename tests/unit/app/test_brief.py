"""The brief's content (app/brief.py): every section, and every number the same as app/'s own."""

from __future__ import annotations

import re
import subprocess
import sys
from datetime import date
from decimal import Decimal

import pytest

from app.brief import (
    SUMMARY_ASKS,
    SUMMARY_REASONS,
    BriefError,
    brief_file_name,
    build_brief,
)
from app.comparison import comparison_for
from app.evaluation import Evaluator, evaluator_for_file
from app.files import read_offer_file
from app.models import Offer, Settings
from app.resources import sample_offers_path
from app.rubric import explain_rubric
from app.store import Store
from app.text import money_words


@pytest.fixture(scope="module")
def evaluator() -> Evaluator:
    return evaluator_for_file(read_offer_file(sample_offers_path()))


@pytest.fixture(scope="module")
def brief(evaluator):
    return build_brief(evaluator, "sample-lumen")


def test_summary_is_the_evaluation(evaluator, brief) -> None:
    e = evaluator.evaluate("sample-lumen")
    s = brief.summary
    assert (s.company, s.role, s.level, s.location) == ("Lumen Health", e.offer.role, "L6", "Seattle, WA")
    assert s.as_of == date(2026, 11, 20) == evaluator.as_of
    assert (s.year_one, s.total, s.annual_average) == (e.figures.year_one, e.figures.total, e.figures.annual_average)
    assert s.guaranteed_year_one == e.figures.years[0].guaranteed_cash
    assert (s.tier, s.tier_name, s.score) == (e.position.tier, e.position.tier_name, e.position.score)


def test_the_strongest_reasons_in_the_ratings_order(evaluator, brief) -> None:
    evidence = evaluator.evaluate("sample-lumen").position.evidence
    reasons = brief.summary.reasons
    assert len(reasons) == SUMMARY_REASONS
    shown = {r.sentence for r in reasons}
    assert [r.sentence for r in reasons] == [ev.sentence for ev in evidence if ev.sentence in shown]
    weakest_shown = min(abs(r.points) for r in reasons)
    left_out = [ev for ev in evidence if ev.sentence not in shown]
    assert all(abs(ev.points) <= weakest_shown for ev in left_out)


def test_asks_are_the_first_levers_with_their_numbers_and_scripts(evaluator, brief) -> None:
    levers = evaluator.evaluate("sample-lumen").levers
    asks = brief.summary.asks
    assert len(asks) == SUMMARY_ASKS
    assert brief.summary.more_levers == len(levers) - SUMMARY_ASKS
    for rank, (ask, lever) in enumerate(zip(asks, levers, strict=False), 1):
        assert ask.rank == rank
        assert (ask.lever, ask.ask, ask.offered, ask.script) == (lever.lever, lever.ask, lever.offered, lever.script)
    assert asks[0].unit == "a year" and asks[0].ask == Decimal(214000)


def test_every_lever_in_full_with_its_effect_per_year(evaluator, brief) -> None:
    levers = evaluator.evaluate("sample-lumen").levers
    assert [b.lever for b in brief.levers] == [lv.lever for lv in levers]
    for shown, lever in zip(brief.levers, levers, strict=True):
        assert shown.rationale == lever.rationale
        assert shown.effect == lever.effect
        assert shown.total_effect == sum(lever.effect, Decimal(0))
        assert shown.changes_figures == any(lever.effect)


def test_a_swap_shows_money_moving_between_years(evaluator) -> None:
    aurelia = build_brief(evaluator, "sample-aurelia")
    swap = next(lv for lv in aurelia.levers if lv.kind == "swap")
    assert swap.kind_name == "Swap between components"
    assert swap.effect[0] < 0 < swap.effect[1]
    assert swap.changes_figures


def test_goal_against_the_stretch(evaluator, brief) -> None:
    stretch = evaluator.evaluate("sample-lumen").stretch
    lines = {line.key: line for line in brief.summary.goal_lines}
    assert list(lines) == ["offered", "walk_away", "target", "best"]
    assert lines["offered"].amount == stretch.offered.year_one
    assert lines["best"].amount == stretch.best.year_one
    assert lines["target"].amount == Decimal(330000) and lines["target"].verdict == "within the plausible stretch"
    assert lines["walk_away"].amount == Decimal(290000) and "met by the offer" in lines["walk_away"].verdict


def test_a_target_out_of_reach_names_the_shortfall(evaluator) -> None:
    offer = Offer.model_validate({**evaluator.by_id["sample-kestrel"].model_dump(), "goal": {"target_total": 400000}})
    ev = Evaluator([offer], as_of=evaluator.as_of, display_currency="USD", fx={}, horizon=4)
    target = next(line for line in build_brief(ev, offer.id).summary.goal_lines if line.key == "target")
    assert target.gap == ev.evaluate(offer.id).stretch.goal.target_shortfall > 0


def test_deadline(brief, evaluator) -> None:
    assert brief.summary.deadline == date(2026, 12, 4)
    assert brief.summary.days_left == 14
    assert brief.summary.deadline_words == "Decide by Fri 4 Dec 2026: 14 days from the date of this brief."
    tessellate = build_brief(evaluator, "sample-tessellate")
    assert tessellate.summary.deadline is None and "No deadline" in tessellate.summary.deadline_words
    late = build_brief(evaluator, "sample-lumen", as_of=date(2026, 12, 6))
    assert late.summary.days_left == -2 and "2 days ago" in late.summary.deadline_words


def test_year_table_is_the_figures(evaluator, brief) -> None:
    """The brief prints the figures the screens show: the very same object, not a copy of its fields."""
    fig = evaluator.figures("sample-lumen")
    assert brief.years.figures is fig
    assert (brief.years.currency, brief.years.horizon) == ("USD", 4)
    assert [y.total for y in brief.years.series.years] == [y.total for y in fig.years]


def test_split_of_guaranteed_contingent_equity(evaluator, brief) -> None:
    fig = evaluator.figures("sample-lumen")
    split = {line.key: line for line in brief.years.split}
    assert split["guaranteed_cash"].amount == fig.guaranteed_cash
    assert split["contingent_cash"].amount == fig.contingent_cash
    assert split["equity"].amount == fig.equity
    assert sum(line.amount for line in split.values()) == fig.total
    assert abs(sum(line.share_pct for line in split.values()) - 100) <= Decimal("0.2")
    assert all(line.share_pct == line.share_pct.quantize(Decimal("0.1")) for line in split.values())


def test_alternatives_are_the_other_offers_held_and_staying_in_the_display_currency(evaluator, brief) -> None:
    alt = brief.alternatives
    # this offer, then staying (the sample's current job), then the others; Tessellate is still
    # interviewing: not an offer the user holds
    assert [c.offer.offer_id for c in alt.columns] == ["sample-lumen", "current_job", "sample-kestrel",
                                                       "sample-aurelia"]
    assert alt.others == 2 and alt.display_currency == "USD"
    assert alt.stay is alt.columns[1] and alt.stay.offer.label == "Stay"
    ids = ["sample-lumen", "sample-kestrel", "sample-aurelia"]
    comparison = comparison_for(evaluator, ids, "sample-lumen", stay=True)
    by_id = {column.offer_id: index for index, column in enumerate(comparison.columns)}
    for key, _label in alt.figures:
        row = comparison.row(key)
        for column in alt.columns:
            index = by_id[column.offer.offer_id]
            assert column.offer == comparison.columns[index]
            assert alt.value(column.offer.offer_id, key) == row.values[index]
            shown_best = column.best[[k for k, _ in alt.figures].index(key)]
            assert shown_best == (row.statuses[index] == "best" and key != "leaving_cost")
    aurelia = alt.columns[3]
    assert aurelia.offer.offer_currency == "GBP" and aurelia.offer.currency == "USD" and aurelia.offer.converted
    assert aurelia.total_difference == comparison.row("total").differences[by_id["sample-aurelia"]]
    assert alt.columns[0].is_this_offer and alt.columns[0].total_difference is None
    assert [s.offer_id for s in alt.series] == ["current_job", "sample-lumen", "sample-kestrel", "sample-aurelia"]


def test_the_leaving_cost_sits_under_year_one(brief) -> None:
    alt = brief.alternatives
    keys = [key for key, _ in alt.figures]
    assert keys[:4] == ["year:1", "leaving_cost", "year:1:after_leaving", "year:2"]
    # forfeit 12,000 + 17,600, repay 8,000 (the sample's current job) = 37,600, against every offer
    assert alt.value("sample-kestrel", "leaving_cost") == Decimal("37600.00")
    assert alt.value("sample-lumen", "year:1:after_leaving") == Decimal("303200.00") - Decimal("37600.00")
    assert not any(c.best[1] for c in alt.columns)  # the same cost for every offer: no best
    # staying: year 1 of the current job — base 176,000 + bonus 10 % 17,600 + equity 48,000 + 401(k) 7,800
    assert alt.value("current_job", "year:1") == Decimal("249400.00")


def test_an_offer_without_a_rate_is_shown_and_flagged_never_compared(evaluator) -> None:
    ev = Evaluator(evaluator.offers, as_of=evaluator.as_of, display_currency="USD", fx={}, horizon=4)
    alt = build_brief(ev, "sample-lumen").alternatives
    aurelia = next(c for c in alt.columns if c.offer.offer_id == "sample-aurelia")
    assert not aurelia.offer.converted and aurelia.offer.currency == "GBP" and aurelia.total_difference is None
    assert not any(aurelia.best)
    assert any("no GBP rate" in note for note in alt.notes)
    assert "sample-aurelia" not in [s.offer_id for s in alt.series]


def test_no_other_offer_says_so(evaluator) -> None:
    alone = Evaluator([evaluator.by_id["sample-lumen"]], as_of=evaluator.as_of, display_currency="USD", fx={},
                      horizon=4)
    alt = build_brief(alone, "sample-lumen").alternatives
    assert alt.others == 0 and len(alt.columns) == 1
    assert any("no other offer" in note for note in alt.notes)


def test_timeline_in_date_order_with_gaps_and_notes(evaluator, brief) -> None:
    entries = brief.timeline.entries
    offer = evaluator.by_id["sample-lumen"]
    assert [e.day for e in entries] == sorted(e.date for e in offer.timeline)
    assert entries[0].days_after_previous is None
    assert entries[1].days_after_previous == 3  # applied 6 Oct → screen 9 Oct
    assert [e.kind for e in entries][3:5] == ["final_interview", "offer"]  # same day: the order typed
    assert brief.timeline.deadline == date(2026, 12, 4)
    # the negotiation's rounds, drawn on the timeline as the editor draws them: your ask, their answer
    assert brief.timeline.rounds == ((date(2026, 11, 3), "candidate"), (date(2026, 11, 6), "company"))
    assert brief.timeline.notes == offer.notes


def test_checklist_for_the_call(brief) -> None:
    items = {item.lead: item.text for item in brief.checklist}
    for lead in ("Open with enthusiasm", "Name your number first", "Stop talking after the ask",
                 "Get the final offer in writing", "Mind the deadline", "Ask for the top"):
        assert lead in items
    assert money_words(Decimal(214000), "USD") in items["Name your number first"]
    assert items["Mind the deadline"] == brief.summary.deadline_words
    assert "$330,000" in items["Know your numbers"] and "$290,000" in items["Know your numbers"]


def test_checklist_adapts_to_the_position(evaluator) -> None:
    waiting = {item.lead: item.text for item in build_brief(evaluator, "sample-tessellate").checklist}
    assert "No offer yet" in waiting
    assert "Keep it collaborative" in waiting and "Ask for the top" not in waiting
    steady = {item.lead for item in build_brief(evaluator, "sample-aurelia").checklist}
    assert "Justify it" in steady


def test_rating_and_assumptions(evaluator, brief) -> None:
    position = evaluator.evaluate("sample-lumen").position
    expected = [(e.points, e.sentence) for e in position.evidence]
    assert [(r.points, r.sentence) for r in brief.rating.evidence] == expected
    assert brief.rating.rubric == tuple((title, tuple(lines)) for title, lines in explain_rubric(evaluator.rubric))
    assert any(title == "Sources" for title, _ in brief.rating.rubric)
    text = " ".join(brief.assumptions)
    assert "Figures are before tax unless they say after tax" in text  # the sample's offers have tax regions
    assert "options (taxed when you exercise them) and benefits are not taxed here" in text
    assert "Share prices are held constant" in text and "except under the share-price scenarios" in text
    assert "max(price − strike, 0)" in text
    assert "1 GBP = 1.27 USD" in text
    assert "3 % a year" in text
    kestrel = " ".join(build_brief(evaluator, "sample-kestrel").assumptions)
    assert "max($4.80 − $1.20, 0)" in kestrel and "not a forecast" in kestrel


def test_without_a_tax_region_nothing_is_after_tax(evaluator) -> None:
    offers = [o.model_copy(update={"tax_region": None}) for o in evaluator.offers]
    untaxed = Evaluator(offers, as_of=evaluator.as_of, display_currency="USD", fx=evaluator.fx, horizon=4)
    brief = build_brief(untaxed, "sample-lumen")
    assert brief.after_tax is None and brief.alternatives_after_tax is None
    assert "No taxes are computed: every figure is before tax (no offer here has a tax region)" in brief.assumptions[0]


def test_title_metadata_and_file_name(brief) -> None:
    assert brief.title == "Negotiation brief: Lumen Health — Senior Software Engineer, Payments"
    assert "Lumen Health" in brief.running_title and brief.subject and brief.creator.startswith("Offer Planner")
    assert brief.file_name == "Negotiation brief – Lumen Health – 2026-11-20.pdf"
    assert brief.paper == "auto"


def test_unknown_offer_names_the_known_ones(evaluator) -> None:
    with pytest.raises(BriefError, match=r"nope.*sample-lumen, sample-kestrel"):
        build_brief(evaluator, "nope")


@pytest.mark.parametrize(
    ("company", "expected"),
    [
        ("Lumen Health", "Negotiation brief – Lumen Health – 2026-11-20.pdf"),
        ('A/B: "C" <D>? *E*|F\\G', "Negotiation brief – A B C D E F G – 2026-11-20.pdf"),
        ("...", "Negotiation brief – offer – 2026-11-20.pdf"),
        ("line\nbreak\ttab", "Negotiation brief – line break tab – 2026-11-20.pdf"),
    ],
)
def test_file_names_are_safe_everywhere(company, expected) -> None:
    assert brief_file_name(company, date(2026, 11, 20)) == expected


def test_long_names_are_cut_to_a_sane_length() -> None:
    name = brief_file_name("x" * 120 + "株式会社", date(2026, 11, 20))
    assert len(name) < 120 and not re.search(r'[<>:"/\\|?*\x00-\x1f]', name)


def test_the_paper_setting_is_stored(tmp_path) -> None:
    with Store.open(tmp_path / "offers.sqlite3") as store:
        assert store.load_settings().paper == "auto"
        store.save_settings(Settings(paper="Letter"))
    with Store.open(tmp_path / "offers.sqlite3") as store:
        assert store.load_settings().paper == "Letter"


def test_the_brief_imports_no_qt() -> None:
    code = "import sys, app.brief, app.report; print(any(m.startswith(('PySide6', 'ui')) for m in sys.modules))"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "False"
