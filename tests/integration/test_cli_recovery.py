"""The command line and the data file: bad files, backups, restoring, concurrent writers, any argv."""

from __future__ import annotations

import io
import json
import os
import re
import sqlite3
import subprocess
import sys
from contextlib import closing
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.models import Offer
from app.store import Store
from app.store.backup import backup_if_due
from tests import figures
from ui.cli import main

ROOT = Path(__file__).resolve().parents[2]


def run(*args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    try:
        code = main(list(args), out=out, err=err)
    except SystemExit as exit_:  # argparse: --help, --version, a usage error
        code = exit_.code if isinstance(exit_.code, int) else 2
    return code, out.getvalue(), err.getvalue()


def offer_file(path: Path, ids: list[str]) -> Path:
    offers = [{"id": i, "company": f"Company {i}", "role": "Engineer", "base_salary": 100000} for i in ids]
    path.write_text(json.dumps({"format": "offer-planner/1", "offers": offers}), encoding="utf-8")
    return path


def fill(db: Path, ids: list[str]) -> None:
    with Store.open(db) as store:
        store.import_offers([Offer(id=i, company=f"Company {i}", role="Engineer") for i in ids])


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}


# --- bad data files ------------------------------------------------------------------------------


def _not_sqlite(db: Path) -> None:
    db.write_text("company,role\nNorthwind,Engineer\n" * 50)


def _truncated(db: Path) -> None:
    fill(db, [f"o{i}" for i in range(40)])
    data = db.read_bytes()
    db.write_bytes(data[: len(data) // 3])


def _damaged(db: Path) -> None:
    fill(db, [f"o{i}" for i in range(40)])
    data = bytearray(db.read_bytes())
    data[4096:8192] = b"\xa5" * 4096
    db.write_bytes(bytes(data))


def _zero_bytes(db: Path) -> None:
    db.write_bytes(b"")


def _other_program(db: Path) -> None:
    with closing(sqlite3.connect(db)) as conn:
        conn.execute("CREATE TABLE notes (body TEXT)")
        conn.execute("INSERT INTO notes VALUES ('remember the milk')")
        conn.commit()


def _newer(db: Path) -> None:
    fill(db, ["a"])
    with closing(sqlite3.connect(db)) as conn:
        conn.execute("PRAGMA user_version=99")


BAD_FILES = {
    "not-sqlite": (_not_sqlite, "isn't a database at all"),
    "truncated": (_truncated, "damaged"),
    "damaged": (_damaged, "damaged"),
    "zero-bytes": (_zero_bytes, "empty (zero bytes)"),
    "other-program": (_other_program, "another program's database"),
    "newer": (_newer, "newer version of Offer Planner"),
}


@pytest.mark.parametrize("kind", list(BAD_FILES))
@pytest.mark.parametrize("command", [["list"], ["import", "OFFERS"], ["evaluate"], ["export", "OUT"]])
def test_a_bad_data_file_is_exit_2_says_what_to_do_and_stays_untouched(tmp_path, kind, command):
    folder = tmp_path / "data"
    folder.mkdir()
    db = folder / "offers.sqlite3"
    with Store.open(db) as store:  # yesterday's good file, and its backup
        store.import_offers([Offer(id="kept", company="Kept", role="Engineer")])
        backup_if_due(store, today=date(2026, 11, 19))
    db.unlink()
    make, problem = BAD_FILES[kind]
    make(db)
    before = snapshot(folder)
    argv = [a.replace("OFFERS", str(offer_file(tmp_path / "in.json", ["x"]))).replace("OUT", str(tmp_path / "o.json"))
            for a in command]
    code, _, err = run(*argv, "--db", str(db))
    assert code == 2, err
    assert problem in err and str(db) in err
    assert "Restore the latest backup (2026-11-19, 1 offer) with `offer-planner restore --db " in err
    assert "or start a new file with --db NEW_PATH" in err
    assert "Traceback" not in err
    assert snapshot(folder) == before
    figures.add("bad_files")


def test_a_bad_file_without_backups_says_so(tmp_path):
    db = tmp_path / "offers.sqlite3"
    _not_sqlite(db)
    code, _, err = run("list", "--db", str(db))
    assert code == 2
    assert "There is no backup of it to restore, or start a new file with --db NEW_PATH." in err


def test_restore_puts_the_latest_backup_in_place_and_keeps_the_bad_file(tmp_path):
    db = tmp_path / "offers.sqlite3"
    fill(db, ["a", "b"])
    with Store.open(db) as store:
        backup_if_due(store, today=date(2026, 11, 18))
        store.save_offer(Offer(id="c", company="C", role="Engineer"))
        backup_if_due(store, today=date(2026, 11, 19))
    _not_sqlite(db)
    garbage = db.read_bytes()

    code, out, _ = run("backups", "--db", str(db))
    assert code == 0
    assert re.search(r"2026-11-19  offers-2026-11-19\.sqlite3  3 offers", out)
    assert re.search(r"2026-11-18  offers-2026-11-18\.sqlite3  2 offers", out)

    code, out, err = run("restore", "--db", str(db))
    assert code == 0, err
    assert "Restored offers-2026-11-19.sqlite3 (3 offers)" in out
    aside = re.search(r"kept as (\S+)\.\n", out).group(1)
    assert re.fullmatch(r".*offers\.sqlite3\.bad-\d{8}-\d{6}", aside)
    assert Path(aside).read_bytes() == garbage
    code, out, _ = run("list", "--db", str(db), "--json")
    assert [o["id"] for o in json.loads(out)["offers"]] == ["a", "b", "c"]

    code, out, _ = run("restore", "2026-11-18", "--db", str(db))  # an older one, over a good file
    assert code == 0 and "(2 offers)" in out and ".before-restore-" in out
    code, out, _ = run("list", "--db", str(db), "--json")
    assert [o["id"] for o in json.loads(out)["offers"]] == ["a", "b"]


def test_restore_without_backups_or_of_an_unknown_day_is_exit_2(tmp_path):
    db = tmp_path / "offers.sqlite3"
    fill(db, ["a"])
    code, _, err = run("restore", "--db", str(db))
    assert code == 2 and "there is no backup of" in err
    code, _, err = run("restore", "1999-01-01", "--db", str(db))
    assert code == 2 and "No backup '1999-01-01'" in err
    code, out, _ = run("backups", "--db", str(db))
    assert code == 0 and "No backups of" in out


def test_a_write_command_backs_up_the_file_first_once_a_day(tmp_path):
    db = tmp_path / "offers.sqlite3"
    first, second = offer_file(tmp_path / "1.json", ["a"]), offer_file(tmp_path / "2.json", ["b"])
    assert run("import", str(first), "--db", str(db))[0] == 0  # a new, empty file: nothing to back up
    assert not (tmp_path / "backups").exists()
    assert run("import", str(second), "--db", str(db))[0] == 0
    backups = list((tmp_path / "backups").iterdir())
    assert [p.name for p in backups] == [f"offers-{date.today().isoformat()}.sqlite3"]
    with closing(sqlite3.connect(backups[0])) as conn:  # the state before the day's first change
        assert [r[0] for r in conn.execute("SELECT id FROM offers")] == ["a"]


# --- two writers at once -------------------------------------------------------------------------


def test_command_line_importers_running_at_once_lose_no_write(tmp_path):
    db = tmp_path / "offers.sqlite3"
    Store.open(db).close()
    files = [offer_file(tmp_path / f"{n}.json", [f"w{n}-{i}" for i in range(150)]) for n in range(4)]
    writers = [
        subprocess.Popen(
            [sys.executable, "-m", "ui.cli", "import", str(path), "--db", str(db)],
            cwd=ROOT, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        )
        for path in files
    ]
    results = [writer.communicate(timeout=60) for writer in writers]
    assert [w.returncode for w in writers] == [0, 0, 0, 0], results
    with Store.open(db) as store:
        ids = store.offer_ids()
    assert sorted(ids) == sorted(f"w{n}-{i}" for n in range(4) for i in range(150))
    with closing(sqlite3.connect(db)) as conn:
        assert conn.execute("SELECT count(DISTINCT position) FROM offers").fetchone()[0] == 600
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    figures.add("concurrent_cli_writes", len(ids))


# --- any command line ----------------------------------------------------------------------------

_WORDS = [
    "evaluate", "import", "export", "list", "rubric", "backups", "restore", "brief",
    "--db", "--json", "--offer", "--set", "--reset", "--rubric", "--version", "--help", "--self-test",
    "-h", "--", "-", "DB", "GOOD", "BAD", "MISSING", "OUT", "FOLDER", "2026-11-19", "",
]
_tokens = st.one_of(
    st.sampled_from(_WORDS),
    st.text(max_size=12).filter(lambda t: "\x00" not in t),
    st.integers(-(10**20), 10**20).map(str),
)


@pytest.fixture(scope="module")
def playground(tmp_path_factory):
    folder = tmp_path_factory.mktemp("argv")
    good = offer_file(folder / "good.json", ["g1", "g2"])
    bad = folder / "bad.json"
    bad.write_text('{"format": "offer-planner/1", "offers": [{"company": 5, "base_salary": -1}]}')
    return {
        "DB": str(folder / "offers.sqlite3"),
        "GOOD": str(good),
        "BAD": str(bad),
        "MISSING": str(folder / "missing.json"),
        "OUT": str(folder / "out.json"),
        "FOLDER": str(folder),
    }


def _fingerprint(db: str) -> str | None:
    if not Path(db).exists() or Path(db).stat().st_size == 0:
        return None
    with Store.open(db) as store:
        return store.fingerprint()


@settings(suppress_health_check=[HealthCheck.function_scoped_fixture])  # the examples share the fixtures
@given(words=st.lists(_tokens, max_size=7))
def test_any_command_line_exits_cleanly_and_never_half_saves(playground, tmp_path, monkeypatch, words):
    monkeypatch.chdir(tmp_path)  # a random word used as a path lands here
    argv = [playground.get(w, w) for w in words]
    before = _fingerprint(playground["DB"])
    code, out, err = run(*argv)
    assert code in (0, 2), (argv, code, err)  # 1 would be a bug; never a traceback
    assert "Traceback" not in err and "Traceback" not in out
    if code != 0:
        assert not err or err.startswith(("offer-planner: ", "usage: ")), err
        assert _fingerprint(playground["DB"]) == before, argv  # a refused command saved nothing
    figures.add("cli_argvs")


def test_the_console_script_on_a_bad_file_prints_no_traceback(tmp_path):
    db = tmp_path / "offers.sqlite3"
    _not_sqlite(db)
    result = subprocess.run(
        [sys.executable, "-m", "ui.cli", "list", "--db", str(db)],
        capture_output=True, text=True, cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    assert result.returncode == 2
    assert result.stderr.startswith("offer-planner: Can't open ")
    assert "Traceback" not in result.stderr
