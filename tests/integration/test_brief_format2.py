"""The brief beyond the offer as it stands, read back from the PDF: the Stay column and the leaving
cost, the share-price scenarios and break-even growth, startup options (UNDER WATER), after tax with
its label, one precision per table, one date style, "Not rated". Every expected figure is worked by
hand in the comment beside it."""

from __future__ import annotations

import copy
import json
import re
from pathlib import Path
from typing import Any

import pytest

from app.brief import build_brief
from app.evaluation import evaluator_for_file
from app.files import read_offer_file
from app.resources import resource_path, sample_offers_path
from tests.integration.test_brief_pdf import pdf_text
from ui.pdf.brief_pdf import layout_brief, render_brief_pdf
from ui.pdf.brief_sections import SECTION_TITLES
from ui.pdf.compare_sections import (
    AFTER_TAX_SIDE_BY_SIDE_TITLE,
    AFTER_TAX_YEARS_TITLE,
    OPTIONS_TITLE,
    SCENARIOS_TITLE,
)

SAMPLE: dict[str, Any] = json.loads(sample_offers_path().read_text(encoding="utf-8"))


def brief_text(folder: Path, document: dict[str, Any], offer_id: str, paper: str = "A4") -> str:
    """The brief of `offer_id` in `document` (an offer file), written as a PDF and read back as one text."""
    source = folder / f"{offer_id}.json"
    source.write_text(json.dumps(document), encoding="utf-8")
    brief = build_brief(evaluator_for_file(read_offer_file(source)), offer_id)
    _reader, pages = pdf_text(render_brief_pdf(brief, folder / f"{offer_id}.pdf", paper=paper))
    return " ".join(pages)


def between(text: str, start: str, end: str | None = None) -> str:
    """The text of one section: from its title to the next one's."""
    at = text.index(start)
    return text[at : text.index(end, at) if end else None]


@pytest.fixture(scope="module")
def sample(qapp, tmp_path_factory) -> str:
    return brief_text(tmp_path_factory.mktemp("sample"), SAMPLE, "sample-lumen")


# --- Stay and the leaving cost ----------------------------------------------------------------------


def test_the_side_by_side_has_a_stay_column_and_the_leaving_cost_under_year_one(sample) -> None:
    side = between(sample, SECTION_TITLES[1], AFTER_TAX_SIDE_BY_SIDE_TITLE)
    assert "and staying where you are" in side
    assert "Stay Harbor Freight Systems · Software Engineer III · your current job" in side
    # columns: Lumen (this brief), Stay, Kestrel, Aurelia. Year 1 — Lumen: base 192,000 + bonus 15 %
    # 28,800 + sign-on 45,000 + RSUs 15,000 + benefits 10,400 + relocation 12,000 = 303,200; Stay:
    # 176,000 + bonus 10 % 17,600 + equity 48,000 + 401(k) 7,800 = 249,400; Kestrel: 168,000 + 1,500 +
    # options 10,000 × (4.80 − 1.20) = 36,000 = 205,500
    assert "Year 1 total ★ $303,200.00 $249,400.00 $205,500.00" in side
    # the leaving cost: forfeit 12,000 (RSUs) + 17,600 (bonus) + repay 8,000 (relocation) = 37,600, the
    # same against every offer (no ★), nothing for staying
    assert "Leaving cost (forfeit + repay) $37,600.00 — $37,600.00" in side
    # year 1 less it: 303,200 − 37,600 = 265,600; staying 249,400; Kestrel 205,500 − 37,600 = 167,900
    assert "Year 1 after the leaving cost ★ $265,600.00 $249,400.00 $167,900.00" in side
    assert side.index("Year 1 total") < side.index("Leaving cost") < side.index("Year 2 total")


# --- share-price scenarios and break-even growth ----------------------------------------------------


def test_scenario_rows_with_the_range_beside_the_total_as_offered(sample) -> None:
    scenarios = between(sample, SCENARIOS_TITLE, OPTIONS_TITLE)
    assert "As offered Range over the scenarios Flat 0 % a year Bear −20 % a year Bull +15 % a year" in scenarios
    # Kestrel (its own −40 % / +40 % in bear and bull): cash 4 × 168,000 + 4 × 1,500 = 678,000 and
    # 10,000 options a year at a 1.20 strike. As offered: 4 × 10,000 × 3.60 = 144,000 → 822,000.
    # −40 %: prices 4.80, 2.88, 1.728, 1.0368 → spreads 36,000 + 16,800 + 5,280 + 0 = 58,080 → 736,080
    # +40 %: prices 4.80, 6.72, 9.408, 13.1712 → 36,000 + 55,200 + 82,080 + 119,712 = 292,992 → 970,992
    assert (
        "Kestrel Robotics $822,000.00 $736,080.00 – $970,992.00 $822,000.00 $736,080.00 at −40 % a year "
        "$970,992.00 at +40 % a year"
    ) in scenarios
    # staying: the equity as a broker shows it, no growth — the same in every scenario
    assert "Stay your current job $939,150.19 $939,150.19 $939,150.19 $939,150.19 $939,150.19" in scenarios
    # the "none" case: Lumen's cash alone (4 × ~270,000) is above Kestrel's total at any growth
    assert (
        "Lumen Health is ahead of Kestrel Robotics over 4 years at every share-price growth from −90 % to +200 % "
        "a year (the same growth for both): there is no break-even."
    ) in scenarios


BREAK_EVEN: dict[str, Any] = {
    "format": "offer-planner/2",
    "as_of": "2026-11-20",
    "display_currency": "USD",
    "horizon_years": 2,
    "scenarios": [{"name": "bear", "growth_pct": -20}, {"name": "bull", "growth_pct": 15}],
    "offers": [
        {"id": "cash", "company": "Cash", "role": "Engineer", "stage": "offer", "base_salary": 120000},
        {"id": "stock", "company": "Stock", "role": "Engineer", "stage": "offer", "base_salary": 90000,
         "equity": [{"kind": "rsu", "value": 48609, "vesting": {"years_pct": [0, 100]}}]},
    ],
}


def test_a_break_even_growth_to_a_tenth_of_a_point(qapp, tmp_path) -> None:
    text = brief_text(tmp_path, BREAK_EVEN, "stock")
    scenarios = between(text, SCENARIOS_TITLE, SECTION_TITLES[2])
    # 240,000 = 180,000 + 48,609 × (1 + g/100) ⇔ g = 23.43…: at 23.4 % the RSUs are 59,983.51 (16.49
    # short), at 23.5 % 60,032.12 (32.12 over): 23.4 is nearer
    assert (
        "Cash beats Stock over 2 years if share prices grow more than 23.4 % a year" not in scenarios
    )
    assert (
        "Stock beats Cash over 2 years if share prices grow more than 23.4 % a year (the same growth for both); "
        "below that, Cash is ahead."
    ) in scenarios
    # bear: 48,609 × 0.8 = 38,887.20 → 218,887.20; bull: 48,609 × 1.15 = 55,900.35 → 235,900.35
    assert "Stock this brief $228,609.00 $218,887.20 – $235,900.35 $218,887.20 $235,900.35" in scenarios
    assert "Cash $240,000.00 $240,000.00 $240,000.00 $240,000.00" in scenarios


# --- startup options ------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def under_water(qapp, tmp_path_factory) -> str:
    document = copy.deepcopy(SAMPLE)
    kestrel = next(o for o in document["offers"] if o["id"] == "sample-kestrel")
    kestrel["equity"][0]["price"] = 1.0  # below the 1.20 strike
    return brief_text(tmp_path_factory.mktemp("under-water"), document, "sample-kestrel")


def test_an_under_water_grant_is_flagged_with_its_details_never_no_equity(under_water) -> None:
    options = between(under_water, OPTIONS_TITLE, SECTION_TITLES[2])
    # 40,000 options of 16,000,000 fully diluted = 0.25 %; exercise cost 40,000 × 1.20 = 48,000;
    # 409A 1.20: spread 0; preferred 4.80: 40,000 × 3.60 = 144,000; stated 1.00 ≤ 1.20: 0
    for row in (
        "Options (shares) 40,000",
        "Ownership (of fully diluted shares) 0.25 % of 16,000,000",
        "Strike, a share $1.20",
        "Stated price, a share (the figures' basis) $1.00",
        "409A value, a share $1.20",
        "Preferred price, a share $4.80",
        "Exercise cost (shares × strike) $48,000",
        "Spread at the 409A value $0",
        "Spread at the preferred price $144,000",
        "Spread at the stated price $0",
        "Exercise window after leaving 90 days",
        "At the stated price UNDER WATER",
    ):
        assert row in options
    assert "Kestrel Robotics: UNDER WATER. At the stated price ($1.00) the options are worth nothing" in options
    # wherever the grant shows: the year by year, the side-by-side's equity row, the assumptions
    year_by_year = between(under_water, SECTION_TITLES[0], AFTER_TAX_YEARS_TITLE)
    assert "Options UNDER WATER: the stated price is at or below the strike" in year_by_year
    side = between(under_water, SECTION_TITLES[1], AFTER_TAX_SIDE_BY_SIDE_TITLE)
    assert "options UNDER WATER" in side and "Equity, 4 years (vesting) $0.00 UNDER WATER" in side
    assert "max($1.00 − $1.20, 0) a share" in under_water and "UNDER WATER: at that price" in under_water
    for title, end in ((SECTION_TITLES[0], SECTION_TITLES[2]), (SECTION_TITLES[6], None)):  # the levers' own words
        assert "no equity" not in between(under_water, title, end).lower()  # are the advice's (app/levers.py)


def test_a_grant_above_water_shows_its_details_unflagged(sample) -> None:
    options = between(sample, OPTIONS_TITLE, SECTION_TITLES[2])
    assert "Kestrel Robotics options" in options and "At the stated price above the strike" in options
    assert "Spread at the stated price $144,000" in options and "UNDER WATER" not in sample


# --- after tax ---------------------------------------------------------------------------------------


AFTER_TAX: dict[str, Any] = json.loads(resource_path("samples", "after-tax.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def seattle(qapp, tmp_path_factory) -> str:
    document = copy.deepcopy(AFTER_TAX)
    document["offers"].append(
        {"id": "nowhere", "company": "Nowhere Inc", "role": "Staff Engineer", "stage": "offer",
         "base_salary": 250000}
    )
    for offer in document["offers"]:
        offer["stage"] = "offer"
    return brief_text(tmp_path_factory.mktemp("after-tax"), document, "seattle")


def test_the_year_by_year_after_tax_with_its_label(seattle) -> None:
    years = between(seattle, AFTER_TAX_YEARS_TITLE, SECTION_TITLES[1])
    assert "Washington (US): estimate, 2026 rules, single filer, this pay as the only income." in years
    # Seattle, 2026, single: pay 200,000 + bonus 10 % 20,000 + RSUs 320,000 / 4 = 300,000, all taxed.
    # Federal: 300,000 − 16,100 standard deduction = 283,900 taxable → 1,240 + 4,560 + 12,166 + 23,058 +
    # 17,424 + 35 % × 27,675 = 9,686.25 → 68,134.25; Social Security 6.2 % × 184,500 = 11,439; Medicare
    # 1.45 % × 300,000 = 4,350 + 0.9 % × 100,000 = 900; WA: PFML 0.00807159 × 184,500 = 1,489.21, WA Cares
    # 0.58 % × 300,000 = 1,740. Tax 88,052.46; after tax 300,000 − 88,052.46 = 211,947.54
    assert "Year 1 $300,000.00 $300,000.00 $0.00 $88,052.46 $211,947.54" in years
    assert "After tax (estimate)" in years
    assert "Options (taxed when you exercise them) and benefits are not taxed here." in years


def test_the_side_by_side_after_tax_labels_every_column(seattle) -> None:
    side = between(seattle, AFTER_TAX_SIDE_BY_SIDE_TITLE, SECTION_TITLES[2])  # no scenarios in this file
    assert "After tax: estimate, 2026 rules, single filer, this pay as the only income (" in side
    assert "Year 1 after tax ★ $211,947.54" in side  # no state income tax: the most left in your pocket
    assert "taxed in Washington (US)" in side
    # a column without a region says so, and shows no figure rather than a guess
    assert "Nowhere Inc Staff Engineer · Offer received · no after-tax figure" in side
    assert "Nowhere Inc: no tax region: pick where this pay is taxed to see it after tax." in side
    assert "Options (taxed when you exercise them) and benefits are not taxed here: they are counted whole." in side


# --- one precision per table, one date style, "Not rated" -------------------------------------------------


def test_one_precision_per_table(sample, seattle) -> None:
    year_by_year = between(sample, SECTION_TITLES[0], AFTER_TAX_YEARS_TITLE)
    # year 3 has cents (203,692.80 base): every figure of the table shows them, the whole ones too
    assert "Year 1 $192,000.00 $28,800.00 $45,000.00 $15,000.00 $10,400.00 $12,000.00 $303,200.00" in year_by_year
    assert "Year 3 $203,692.80 $30,553.92 $0.00" in year_by_year
    # the side-by-side of whole figures stays whole
    side = between(seattle, SECTION_TITLES[1], AFTER_TAX_SIDE_BY_SIDE_TITLE)
    assert "Year 1 total ★ $300,000 ★ $300,000" in side and "$250,000" in side and ".00" not in side


def test_one_date_style(sample) -> None:
    assert "Tue 6 Oct 2026 Applied" in sample and "Fri 4 Dec 2026 Deadline" in sample  # the timeline
    assert "prepared Fri 20 Nov 2026" in sample  # the footer, as the sentences write dates
    assert not re.search(r"\b(Mon|Tue|Wed|Thu|Fri|Sat|Sun), [A-Z][a-z]{2} \d{1,2}, 20\d\d", sample)


def test_an_offer_that_cannot_be_rated_says_not_rated(qapp, tmp_path) -> None:
    document = copy.deepcopy(SAMPLE)
    tessellate = next(o for o in document["offers"] if o["id"] == "sample-tessellate")
    tessellate["timeline"] = []
    text = brief_text(tmp_path, document, "sample-tessellate")
    assert "Your position Not rated. Add the timeline (when you interviewed, when the offer came)" in text
    assert "This offer: Not rated." in text
    assert "of 100 points" not in text


# --- six offers and Stay on the page ---------------------------------------------------------------------


def test_six_offers_and_stay_split_into_readable_tables(qapp, tmp_path) -> None:
    document = copy.deepcopy(SAMPLE)
    lumen = next(o for o in document["offers"] if o["id"] == "sample-lumen")
    for number, name in enumerate(["Orchid Systems", "Pinecone AI", "Quokka Pay"]):
        extra = copy.deepcopy(lumen)
        extra.update(id=f"extra-{number}", company=name, stage="offer", base_salary=180000 + number * 7000)
        document["offers"].append(extra)
    for offer in document["offers"]:
        offer["stage"] = "negotiating" if offer["id"] == "sample-lumen" else "offer"
    source = tmp_path / "six.json"
    source.write_text(json.dumps(document), encoding="utf-8")
    brief = build_brief(evaluator_for_file(read_offer_file(source)), "sample-lumen")
    assert len(brief.alternatives.columns) == 8  # this offer, Stay and six others
    _reader, pages = pdf_text(render_brief_pdf(brief, tmp_path / "six.pdf", paper="Letter"))
    text = " ".join(pages)
    side = between(text, SECTION_TITLES[1], AFTER_TAX_SIDE_BY_SIDE_TITLE)
    # three parts (3 + 2 + 2 beside this offer), this offer heading each; no figure broken over lines
    assert side.count("Lumen Health Senior Software Engineer, Payments · Negotiating · this brief") == 3
    for column in brief.alternatives.columns:
        assert column.offer.label in side
    assert "$303,200.00 $249,400.00 $205,500.00 $234,518.20" in side  # Lumen, Stay, Kestrel, Aurelia
    laid = layout_brief(brief, "A4")  # the narrower paper: nothing overlaps, nothing runs into the footer
    for page in laid.pages:
        bottom = laid.top
        for placed in page:
            assert placed.top >= bottom - 0.01 * laid.ts.pt
            assert placed.top + placed.piece.height <= laid.bottom + 0.01 * laid.ts.pt
            bottom = placed.top + placed.piece.height
