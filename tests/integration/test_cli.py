"""The command line as a user runs it: real files, real data file, exit statuses and messages."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.files import read_offer_file
from app.resources import sample_offers_path
from ui.cli import main

ROOT = Path(__file__).resolve().parents[2]

THREE_OFFERS = {
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
            "currency": "USD",
            "base_salary": 172000,
            "annual_raise_pct": 3,
            "bonus": {"target_pct": 10},
            "sign_on": [20000],
            "equity": [{"kind": "rsu", "value": 160000,
                        "vesting": {"years_pct": [25, 25, 25, 25], "frequency": "quarterly"}}],
            "benefits": [{"name": "401(k) match", "annual_value": 6000}],
        },
        {
            "id": "contoso",
            "company": "Contoso GmbH",
            "role": "Staff Engineer",
            "currency": "EUR",
            "stage": "interviewing",
            "base_salary": 120000,
            "equity": [{"kind": "option", "shares": 12000, "strike": 3.2, "price": 9.5}],
        },
        {
            "id": "yen",
            "company": "Kaiju KK",
            "role": "Engineer",
            "currency": "JPY",
            "base_salary": 9000000,
        },
    ],
}


def run(*args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(args), out=out, err=err)
    return code, out.getvalue(), err.getvalue()


def write(tmp_path: Path, data, name: str = "offers.json") -> Path:
    path = tmp_path / name
    path.write_text(data if isinstance(data, str) else json.dumps(data), encoding="utf-8")
    return path


def test_evaluate_json_prints_the_spec_figures(tmp_path):
    code, out, err = run("evaluate", str(write(tmp_path, THREE_OFFERS)), "--json")
    assert code == 0, err
    result = json.loads(out, parse_float=Decimal)
    northwind, contoso, yen = result["offers"]
    assert set(northwind) >= {"id", "company", "role", "currency", "years", "total", "total_display"}
    # year 1: 172,000 base + 17,200 bonus (10 %) + 20,000 sign-on + 40,000 equity (25 % of 160k) + 6,000
    assert northwind["years"][0] == {
        "year": 1, "base": Decimal("172000.00"), "bonus": Decimal("17200.00"),
        "sign_on": Decimal("20000.00"), "equity": Decimal("40000.00"), "benefits": Decimal("6000.00"),
        "one_time": Decimal("0.00"), "total": Decimal("255200.00"), "tax": None, "after_tax": None,
    }
    # year 4 base: 172,000 × 1.03³ = 187,949.044 → 187,949.04; bonus 18,794.9044 → 18,794.90
    assert northwind["years"][3]["base"] == Decimal("187949.04")
    assert northwind["years"][3]["total"] == Decimal("252743.94")
    assert northwind["total"] == Decimal("995542.22")
    assert northwind["total_display"] == Decimal("995542.22")
    # options: 12,000 × (9.50 − 3.20) = 75,600 over 4 years; 555,600 EUR × 1.08 = 600,048.00 USD
    assert contoso["total"] == Decimal("555600.00")
    assert contoso["total_display"] == Decimal("600048.00")
    # no JPY rate: the total stays in yen and the display figure is null, never mixed in
    assert yen["total"] == Decimal("36000000.00")
    assert yen["total_display"] is None


def test_evaluate_json_writes_money_with_cents(tmp_path):
    code, out, _ = run("evaluate", str(write(tmp_path, THREE_OFFERS)), "--json")
    assert code == 0
    assert '"total": 995542.22' in out
    assert '"base": 172000.00' in out


def test_evaluate_table_is_readable(tmp_path):
    code, out, _ = run("evaluate", str(write(tmp_path, THREE_OFFERS)))
    assert code == 0
    assert "Northwind Analytics — Senior Data Engineer" in out
    assert "255,200.00" in out
    assert "4-year total in USD: 600,048.00" in out
    assert "no JPY rate in fx" in out


def test_evaluate_example_file_from_shared_when_present():
    example = ROOT.parent / "shared" / "examples" / "three-offers.json"
    if not example.exists():
        pytest.skip("../shared is not beside this checkout")
    code, out, err = run("evaluate", str(example), "--json")
    assert code == 0, err
    by_id = {o["id"]: o for o in json.loads(out)["offers"]}
    assert by_id["fabrikam"]["total"] == 1002100.00  # 4 × (165,000 + 22,275) + 45,000 + 200,000 + 8,000
    assert by_id["contoso"]["total_display"] == 600048.00


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ("{not json", "not valid JSON"),
        ('{"offers": []}', 'no "format"'),
        ('{"format": "offer-planner/9", "offers": []}', "offer-planner/9"),
        ("[1, 2]", "top level must be a JSON object"),
    ],
)
def test_evaluate_rejects_files_that_are_not_offer_files(tmp_path, content, expected):
    code, out, err = run("evaluate", str(write(tmp_path, content)), "--json")
    assert code == 2
    assert out == ""
    assert expected in err
    assert "Traceback" not in err


def test_evaluate_names_offer_field_and_problem(tmp_path):
    bad = json.loads(json.dumps(THREE_OFFERS))
    bad["offers"][0]["base_salary"] = -1
    bad["offers"][1]["equity"][0]["vesting"] = {"years_pct": [50, 40]}
    code, _, err = run("evaluate", str(write(tmp_path, bad)))
    assert code == 2
    assert 'offer "northwind" (Northwind Analytics), base_salary: can\'t be negative' in err
    assert 'offer "contoso" (Contoso GmbH), equity[0].vesting.years_pct' in err
    assert "90 %" in err
    assert "2 problems" in err


def test_missing_file_is_exit_2(tmp_path):
    code, _, err = run("evaluate", str(tmp_path / "nope.json"))
    assert code == 2
    assert "no such file" in err


def test_import_then_list_then_export_round_trip(tmp_path):
    db = tmp_path / "data" / "offers.sqlite3"
    source = write(tmp_path, THREE_OFFERS)
    code, out, err = run("import", str(source), "--db", str(db))
    assert code == 0, err
    assert "Imported 3 offers" in out and "3 added, 0 replaced" in out

    code, out, err = run("import", str(source), "--db", str(db))
    assert "0 added, 3 replaced" in out

    code, out, _ = run("list", "--db", str(db))
    assert code == 0
    assert "Northwind Analytics" in out and "255,200.00 USD" in out

    exported = tmp_path / "export.json"
    code, out, err = run("export", str(exported), "--db", str(db))
    assert code == 0, err
    assert "Exported 3 offers" in out
    again = read_offer_file(exported)
    original = read_offer_file(source)
    assert again.offers == original.offers


def test_import_is_all_or_nothing(tmp_path):
    db = tmp_path / "offers.sqlite3"
    bad = json.loads(json.dumps(THREE_OFFERS))
    bad["offers"][2]["currency"] = "YEN"
    code, _, err = run("import", str(write(tmp_path, bad)), "--db", str(db))
    assert code == 2
    assert "YEN" in err and "nothing was read" in err
    code, out, _ = run("list", "--db", str(db), "--json")
    assert json.loads(out)["offers"] == []


def test_evaluate_stored_offers_matches_the_file(tmp_path):
    db = tmp_path / "offers.sqlite3"
    source = write(tmp_path, THREE_OFFERS)
    assert run("import", str(source), "--db", str(db))[0] == 0
    _, from_db, _ = run("evaluate", "--db", str(db), "--json")
    _, from_file, _ = run("evaluate", str(source), "--json")
    stored = {o["id"]: o["total"] for o in json.loads(from_db)["offers"]}
    filed = {o["id"]: o["total"] for o in json.loads(from_file)["offers"]}
    assert stored == filed


def test_export_to_missing_folder_is_exit_2(tmp_path):
    code, _, err = run("export", str(tmp_path / "no" / "such" / "x.json"), "--db", str(tmp_path / "d.db"))
    assert code == 2
    assert "does not exist" in err


def test_a_data_file_that_is_not_ours_is_exit_2_and_untouched(tmp_path):
    db = tmp_path / "notes.sqlite3"
    db.write_bytes(b"these are my notes, not a database" * 50)
    before = db.read_bytes()
    code, _, err = run("list", "--db", str(db))
    assert code == 2
    assert str(db) in err
    assert db.read_bytes() == before


def test_sample_offers_ship_and_validate():
    sample = read_offer_file(sample_offers_path())
    assert 3 <= len(sample.offers) <= 4
    assert {o.currency for o in sample.offers} >= {"USD", "GBP"}
    assert any(g.kind == "option" for o in sample.offers for g in o.equity)
    # format 2: a current job, rounds on the negotiating offer, a startup offer with option details
    assert sample.format == "offer-planner/2" and sample.current_job is not None and sample.scenarios
    negotiating = [o for o in sample.offers if o.stage == "negotiating"]
    assert negotiating and all(o.negotiation for o in negotiating)
    assert any(g.fmv is not None and g.fully_diluted_shares for o in sample.offers for g in o.equity)


def test_console_script_version_and_no_traceback(tmp_path):
    exe = Path(sys.executable).parent / "offer-planner"
    if not exe.exists():
        pytest.skip("the console script is not installed in this environment")
    version = subprocess.run([str(exe), "--version"], capture_output=True, text=True, check=True)
    assert version.stdout.startswith("offer-planner ")
    assert version.stdout.split()[1][0].isdigit()
    bad = write(tmp_path, '{"format": "offer-planner/1", "offers": [{"company": 5}]}')
    result = subprocess.run([str(exe), "evaluate", str(bad)], capture_output=True, text=True,
                            env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert result.returncode == 2
    assert "company: must be text" in result.stderr
    assert "role: is required" in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize("flag", ["--json", None])
def test_evaluate_through_the_entry_point_writes_everything_before_it_exits(flag):
    """`evaluate` ends its process at once after writing (ui.launcher.exit_now): the whole output and
    the status still arrive, in a file, and into a pipe its reader closes early."""
    args = ["evaluate", str(sample_offers_path()), *([flag] if flag else [])]
    code, expected, _ = run(*args)
    assert code == 0 and len(expected) > 10_000
    entry = [sys.executable, "-m", "ui.launcher", *args]
    env = {k: v for k, v in os.environ.items() if k != "PYTHONUNBUFFERED"}  # buffered, as for a user
    result = subprocess.run(entry, capture_output=True, text=True, cwd=ROOT, encoding="utf-8", env=env)
    assert (result.returncode, result.stderr) == (0, "")
    assert result.stdout == expected
    # `| head -c 100`: the reader stops after 100 bytes; no complaint, status 0 (as before)
    with subprocess.Popen(["head", "-c", "100"], stdin=subprocess.PIPE, stdout=subprocess.PIPE) as reader:
        writer = subprocess.run(entry, stdout=reader.stdin, stderr=subprocess.PIPE, cwd=ROOT, env=env)
        assert reader.stdin is not None and reader.stdout is not None
        reader.stdin.close()
        assert reader.stdout.read() == expected.encode("utf-8")[:100]
    assert reader.returncode == 0
    assert (writer.returncode, writer.stderr) == (0, b"")
    missing = subprocess.run([*entry[:4], "no-such-file.json"], capture_output=True, text=True, cwd=ROOT, env=env)
    assert missing.returncode == 2
    assert missing.stderr == "offer-planner: no-such-file.json: no such file\n"


def test_app_imports_no_qt():
    """The domain stays free of Qt: importing every app module loads no PySide6."""
    code = (
        "import sys, app.report, app.store, app.files, app.compensation, app.models, app.money;"
        "bad = [m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6', 'ui')];"
        "print(bad); sys.exit(1 if bad else 0)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 0, result.stdout + result.stderr


def test_command_line_imports_no_qt():
    """The command line is a user interface of its own: running a headless command loads no Qt."""
    code = (
        "import sys, ui.cli;"
        "bad = [m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6')];"
        "print(bad); sys.exit(1 if bad else 0)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 0, result.stdout + result.stderr


_json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=8),
    lambda children: st.lists(children, max_size=3) | st.dictionaries(st.text(max_size=8), children, max_size=3),
    max_leaves=10,
)


@settings(suppress_health_check=[HealthCheck.function_scoped_fixture])  # the examples share the fixtures
@given(offer=st.dictionaries(
    st.sampled_from(["company", "role", "base_salary", "bonus", "equity", "sign_on", "timeline", "zzz"]),
    _json_values, max_size=6))
def test_any_invalid_offer_gets_exit_2_never_a_traceback(tmp_path, offer):
    path = write(tmp_path, {"format": "offer-planner/1", "offers": [offer]}, "fuzz.json")
    code, out, err = run("evaluate", str(path), "--json")
    if code == 0:
        assert json.loads(out)["offers"][0]["company"] == offer["company"].strip()
    else:
        assert code == 2
        assert "Traceback" not in err and err.startswith("offer-planner: ")
