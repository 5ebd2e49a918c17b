"""Every named situation's brief, printed and read back: page 1 says what the app says first.

The situations and their hand-written first asks are in tests/situations.py and
tests/unit/app/test_situations.py; scripts/situation_briefs.py renders the same briefs to PNG to read.
"""

from __future__ import annotations

import json

import pytest

from app.brief import build_brief
from app.evaluation import evaluator_for_file
from app.files import parse_offer_file
from tests.pdfs import page_texts
from tests.situations import BY_KEY, Situation
from ui.pdf.brief_pdf import render_brief_pdf

# one of each kind of page 1 (a PDF each is the slow part; scripts/situation_briefs.py renders them all)
KINDS = (
    "same_day",
    "silence",
    "top_of_band",
    "exploding",
    "passed_deadline",
    "under_water",
    "other_currency",
    "accepted",
    "two_rounds",
    "make_whole",
    "after_tax",
)


def compact(text: str) -> str:
    return "".join(text.split())


@pytest.mark.parametrize("situation", [BY_KEY[k] for k in KINDS], ids=lambda s: s.key)
def test_page_one_is_the_call_sheet_of_the_situation(qapp, tmp_path, situation: Situation) -> None:
    evaluator = evaluator_for_file(parse_offer_file(json.dumps(situation.offer_file())))
    e = evaluator.evaluate("acme")
    brief = build_brief(evaluator, "acme")
    first = compact(page_texts(render_brief_pdf(brief, tmp_path / "brief.pdf", paper="A4"))[0])
    assert compact(e.advice.headline) in first
    if not e.levers:
        assert "Ifno" not in first  # nothing to ask, nothing to fall back on
        return
    lead = e.levers[0]
    assert compact(lead.title) in first and compact(lead.script) in first and compact(lead.if_no) in first
    for lever in e.levers:
        if lever.step in ("first", "package"):
            assert compact(lever.script) in first, lever.lever
            assert compact(lever.pocket_words) in first, lever.lever  # what the ask leaves after tax, if taxed
    for warning in e.advice.warnings:
        assert compact(warning) in first
    if situation.key == "after_tax":
        assert compact("+$10,000 base is +$5,785 a year in your pocket in California") in first
