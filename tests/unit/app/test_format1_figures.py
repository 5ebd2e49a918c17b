"""A format-1 file gives exactly the figures format 1 gave it, read as format 1 and read as format 2.

Every file in tests/data/format1 (the format-1 sample, the example files, files drawn by the
strategies) is read twice: as it is (format 1), and as the same file saying "offer-planner/2" with
`fx_base` set to its display currency (what format 1 meant). Both readings must give every figure
— each year's components and total, the horizon total and the total in the display currency — that
the format-1 code printed for it (`NAME.figures.json`, recorded before format 2 existed).
"""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from app.files import parse_offer_file
from app.models import FORMAT, FORMAT_1_NAME
from app.report import evaluate, money_json
from tests.strategies import json_text

DATA = Path(__file__).resolve().parents[2] / "data" / "format1"
FILES = sorted(p for p in DATA.glob("*.json") if not p.name.endswith(".figures.json"))
YEAR_KEYS = ("year", "base", "bonus", "sign_on", "equity", "benefits", "one_time", "total")


def figures_of(text: str) -> list[dict[str, Any]]:
    result = money_json(evaluate(parse_offer_file(text)))
    return [
        {
            "id": o["id"],
            "currency": o["currency"],
            "years": [{k: y[k] for k in YEAR_KEYS} for y in o["years"]],
            "total": o["total"],
            "total_display": o["total_display"],
        }
        for o in result["offers"]
    ]


def as_format_2(text: str) -> str:
    data = json.loads(text, parse_float=Decimal)
    assert data["format"] == FORMAT_1_NAME
    data["format"] = FORMAT
    offers = data.get("offers") or []
    display = data.get("display_currency") or (offers[0].get("currency", "USD") if offers else "USD")
    data["fx_base"] = display  # format 1 quoted its rates in the display currency
    return json_text(data)


def test_there_are_format_1_files_to_check() -> None:
    assert len(FILES) >= 20
    assert {"sample-offers.json", "three-offers.json"} <= {p.name for p in FILES}


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.stem)
def test_a_format_1_file_gives_the_figures_format_1_gave(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    expected = json.loads(path.with_name(f"{path.stem}.figures.json").read_text(encoding="utf-8"), parse_float=Decimal)
    as_read = figures_of(text)
    assert as_read == expected["offers"]
    assert figures_of(as_format_2(text)) == as_read


def test_the_format_1_sample_still_reads_with_its_stated_figures() -> None:
    """A spot check written by hand: Lumen's year 1 in the format-1 sample (192000 base + 28800 bonus +
    45000 sign-on + 15000 equity (5 % of 1600 × 187.50) + 10400 benefits + 12000 relocation)."""
    offers = figures_of((DATA / "sample-offers.json").read_text(encoding="utf-8"))
    lumen = next(o for o in offers if o["id"] == "sample-lumen")
    assert lumen["years"][0]["total"] == Decimal("303200.00")
    aurelia = next(o for o in offers if o["id"] == "sample-aurelia")
    # its rate was quoted in the display currency: 695496.31 GBP × 1.27 = 883280.3137 → 883280.31 USD
    assert (aurelia["currency"], aurelia["total"], aurelia["total_display"]) == (
        "GBP", Decimal("695496.31"), Decimal("883280.31")
    )
