"""`offer-planner evaluate` on format-2 files: exactly the spec's JSON contract, the text table's stay
column and scenario ranges, and exit status 2 naming the field for any invalid format-2 file."""

from __future__ import annotations

import copy
import io
import json
from decimal import Decimal
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.levers import LEVER_NAMES
from tests import strategies
from tests.strategies import json_text
from ui.cli import main

D = Decimal
STAY_OR_GO: dict[str, Any] = {
    "format": "offer-planner/2",
    "as_of": "2026-11-20",
    "display_currency": "USD",
    "fx_base": "USD",
    "fx": {"EUR": D("1.08")},
    "horizon_years": 2,
    "scenarios": [{"name": "bear", "growth_pct": -20, "offers": {"quarry": -40}}],
    "current_job": {
        "company": "Ridgeway",
        "base_salary": 100000,
        "equity_by_year": [20000],
        "forfeit_on_leaving": [{"what": "RSUs due in February", "amount": 13000}],
        "repay_on_leaving": [{"what": "relocation", "amount": 9000}],
    },
    "offers": [
        {
            "id": "quarry",
            "company": "Quarry Labs",
            "role": "Founding Engineer",
            "tax_region": "US-CA",
            "base_salary": 150000,
            "equity": [{"kind": "option", "shares": 120000, "strike": D("0.0125"), "price": D("1.85"),
                        "fmv": D("0.41"), "fully_diluted_shares": 24000000}],
            "negotiation": [
                {"date": "2026-11-09", "side": "candidate", "items": {"base_salary": 170000}},
                {"date": "2026-11-12", "side": "company", "items": {"base_salary": 160000}},
            ],
        },
        {"id": "berlin", "company": "Brightwater", "role": "Data Engineer", "currency": "EUR", "base_salary": 98000},
    ],
}
YEAR_KEYS = {"year", "base", "bonus", "sign_on", "equity", "benefits", "one_time", "total", "tax", "after_tax"}
OFFER_KEYS = {"id", "company", "role", "currency", "stage", "years", "total", "total_display", "scenarios",
              "position", "stretch", "levers"}


def run(*args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(args), out=out, err=err)
    return code, out.getvalue(), err.getvalue()


def write(tmp_path: Path, data: Any, name: str = "offers.json") -> Path:
    path = tmp_path / name
    path.write_text(data if isinstance(data, str) else json_text(data), encoding="utf-8")
    return path


def test_evaluate_json_follows_the_contract_exactly(tmp_path: Path) -> None:
    code, out, err = run("evaluate", str(write(tmp_path, STAY_OR_GO)), "--json")
    assert code == 0, err
    result = json.loads(out, parse_float=D)
    assert list(result) == ["display_currency", "current_job", "offers"]
    assert result["display_currency"] == "USD"
    job = result["current_job"]
    assert set(job) == {"years", "total", "total_display", "leaving_cost"}
    # staying: 100,000 + 20,000 of equity in year 1, 100,000 in year 2; leaving costs 13,000 + 9,000
    assert [y["total"] for y in job["years"]] == [D("120000.00"), D("100000.00")]
    assert (job["total"], job["total_display"], job["leaving_cost"]) == (D("220000.00"), D("220000.00"), D("22000.00"))
    quarry, berlin = result["offers"]
    for offer in (quarry, berlin):
        assert set(offer) == OFFER_KEYS
        assert all(set(y) == YEAR_KEYS for y in offer["years"])
        for lever in offer["levers"]:
            assert list(lever) == ["lever", "ask", "unit", "plausibility", "kind", "rationale", "script", "if_no"]
            assert lever["lever"] in LEVER_NAMES and lever["if_no"]
            assert lever["kind"] in ("new_money", "swap", "non_cash")
            assert lever["unit"] in ("per_year", "once", "grant", "shares", "days", None)
            assert (lever["ask"] is None) == (lever["unit"] is None)
    assert "base" not in {lever["lever"] for lever in quarry["levers"]}
    # After tax, Quarry in California, no `tax` object: the rules of the as_of year, 2026, single filer.
    # Taxed: the base, 150,000 (its options are not taxed). Federal: 150,000 − 16,100 = 133,900 taxable;
    # 10 % × 12,400 + 12 % × 38,000 + 22 % × 55,300 + 24 % × 28,200 = 1,240 + 4,560 + 12,166 + 6,768
    # = 24,734.00; Social Security 6.2 % = 9,300.00; Medicare 1.45 % = 2,175.00. California (2025 rules,
    # 2026 not published): 150,000 − 5,706 = 144,294 taxable; 110.79 + 303.70 + 607.52 + 965.40 + 1,214.56
    # + 9.3 % × 71,570 = 6,656.01 → 9,857.98, less the 153 exemption credit = 9,704.98; SDI 1.2 % = 1,800.00.
    # Tax 47,713.98; after tax 205,125 − 47,713.98 = 157,411.02 (the options' 55,125 kept whole).
    assert [(y["tax"], y["after_tax"]) for y in quarry["years"]] == [(D("47713.98"), D("157411.02"))] * 2
    # Berlin and the current job have no tax_region: null, never a guess
    assert all(y["tax"] is None and y["after_tax"] is None for y in berlin["years"] + job["years"])
    # 30,000 options vest a year × (1.85 − 0.0125) = 55,125
    assert [y["equity"] for y in quarry["years"]] == [D("55125.00"), D("55125.00")]
    # bear, Quarry's own −40 %: year 2 price 1.11, spread 1.0975 × 30,000 = 32,925
    [bear] = quarry["scenarios"]
    assert (bear["name"], bear["growth_pct"]) == ("bear", D("-40.00"))
    assert bear["years"] == [
        {"year": 1, "equity": D("55125.00"), "total": D("205125.00")},
        {"year": 2, "equity": D("32925.00"), "total": D("182925.00")},
    ]
    assert bear["total"] == D("388050.00")
    # Berlin has no equity: the scenario changes nothing; 196,000 EUR × 1.08 = 211,680 USD
    assert berlin["scenarios"][0]["total"] == berlin["total"] == D("196000.00")
    assert berlin["total_display"] == D("211680.00")


def test_evaluate_json_without_format_2_parts(tmp_path: Path) -> None:
    data = {"format": "offer-planner/2", "offers": [{"id": "a", "company": "A", "role": "Engineer"}]}
    code, out, _err = run("evaluate", str(write(tmp_path, data)), "--json")
    result = json.loads(out)
    assert code == 0 and result["current_job"] is None and result["offers"][0]["scenarios"] == []


def test_the_text_table_shows_the_stay_column_and_each_offers_scenario_range(tmp_path: Path) -> None:
    code, out, err = run("evaluate", str(write(tmp_path, STAY_OR_GO)))
    assert code == 0, err
    assert "Current job (stay): Ridgeway" in out
    assert "Leaving costs 22,000.00 USD" in out
    # Quarry: 205,125 + 182,925 under bear, 410,250 as offered
    assert "2-year total under the scenarios (USD): bear -40 %: 388,050.00  → range 388,050.00 – 388,050.00" in out
    assert "Year 1: 205,125.00 USD; after what leaving your current job costs (22,000.00): 183,125.00" in out
    assert "ownership 0.5 %; exercise cost 1,500.00; spread at the 409A value 47,700.00" in out
    side = out[out.index("Side by side") :]
    header = side.splitlines()[1]
    assert header.split() == ["Stay", "Quarry", "Labs", "Brightwater"]
    assert "Leaving cost (forfeit + repay)" in side and "Scenario range" in side
    # after tax: Quarry's tax and what is left beside each year (worked by hand in the JSON test above),
    # with the estimate's label; Brightwater and staying have no region, and say so
    assert "Tax   After tax" in out and "47,713.98  157,411.02" in out
    assert (
        "After tax (California (US)): estimate, 2026 rules except California (US): 2025 rules (2026 not yet "
        "published), single filer, this pay as the only income"
    ) in out
    assert "After tax: no tax region: pick where this pay is taxed to see it after tax" in out
    year_one = next(line for line in side.splitlines() if line.startswith("Year 1 after tax"))
    assert year_one.split()[4:] == ["—", "157,411.02", "—"]
    assert "Options (taxed when you exercise them) and benefits are not taxed here: they are counted whole." in side


def test_import_brings_the_current_job_and_scenarios_when_the_data_file_has_none(tmp_path: Path) -> None:
    db = tmp_path / "data.sqlite3"
    code, out, err = run("import", str(write(tmp_path, STAY_OR_GO)), "--db", str(db))
    assert code == 0, err
    assert "Also taken from the file (the data file had none): the current job, 1 scenario, the exchange rates" in out
    code, out, _ = run("export", str(tmp_path / "back.json"), "--db", str(db))
    exported = json.loads((tmp_path / "back.json").read_text(encoding="utf-8"), parse_float=D)
    assert exported["format"] == "offer-planner/2"
    assert exported["current_job"]["company"] == "Ridgeway" and exported["scenarios"][0]["name"] == "bear"
    assert exported["offers"][0]["negotiation"][1]["items"] == {"base_salary": 160000}


# --- any invalid format-2 file: exit 2, the field named, never a traceback ---------------------------

_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.decimals(allow_nan=False, allow_infinity=False)
    | st.text(max_size=6),
    lambda children: st.lists(children, max_size=2) | st.dictionaries(st.text(max_size=5), children, max_size=2),
    max_leaves=6,
)


def _paths(value: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = []
    items = value.items() if isinstance(value, dict) else enumerate(value) if isinstance(value, list) else []
    for key, child in items:
        found.append((*path, key))
        found.extend(_paths(child, (*path, key)))
    return found


@st.composite
def broken_format_2_files(draw: st.DrawFn) -> tuple[dict[str, Any], tuple[Any, ...]]:
    data = copy.deepcopy(draw(strategies.offer_files_v2(max_offers=2)))
    paths = [p for p in _paths(data) if p != ("format",)]
    path = draw(st.sampled_from(paths)) if paths else ("current_job",)
    target = data
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = draw(_values)
    return data, path


@settings(suppress_health_check=[HealthCheck.function_scoped_fixture])  # the examples share the fixtures
@given(case=broken_format_2_files())
def test_any_invalid_format_2_file_exits_2_naming_the_field(tmp_path: Path, case: tuple[dict[str, Any], Any]) -> None:
    data, path = case
    code, out, err = run("evaluate", str(write(tmp_path, data, "fuzz.json")), "--json")
    if code == 0:
        json.loads(out)  # still a valid file: the value happened to fit
        return
    assert code == 2, err
    assert "Traceback" not in err and err.startswith("offer-planner: ")
    assert out == ""
    places = {"offers": "offer ", "scenarios": "scenario ", "current_job": "current job"}
    named = [str(part) for part in path if not isinstance(part, int)]
    named += [places[name] for name in named if name in places]
    # the message names the place and a field on the way to the changed value (or the value's own key)
    assert any(name in err for name in named), (path, err)


def test_the_readme_after_tax_table_is_what_evaluate_prints() -> None:
    """The README's five-city block is the command's side-by-side output, line for line (the figures are
    worked by hand in tests/unit/app/test_after_tax.py::test_the_readme_sample_worked_by_hand)."""
    root = Path(__file__).resolve().parents[2]
    readme = (root / "README.md").read_text(encoding="utf-8")
    intro = readme.index("`offer-planner evaluate resources/samples/after-tax.json` prints it")
    start = readme.index("```\n", intro) + len("```\n")
    block = readme[start : readme.index("```", start)]
    code, out, err = run("evaluate", str(root / "resources" / "samples" / "after-tax.json"))
    assert code == 0, err
    printed = out[out.index("Side by side") :]
    assert block.splitlines() == printed.rstrip("\n").splitlines()
