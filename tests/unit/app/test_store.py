"""The SQLite store: exact round trips, a safe file on disk, atomic writes, and files that aren't ours."""

from __future__ import annotations

import itertools
import os
import sqlite3
import stat
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from contextlib import closing
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, reject
from hypothesis import strategies as st
from pydantic import ValidationError

import app.store.store as store_module
from app.currencies import ISO_4217_CODES
from app.models import EVENT_KINDS, STAGES, Offer, Settings
from app.store import APPLICATION_ID, BadDataFile, ImportResult, Store, StoreError, default_db_path, schema
from tests.examples import THREE_OFFERS as EXAMPLE

REPO = Path(__file__).resolve().parents[3]

# The three offers of ../shared/examples/three-offers.json, copied so the tests stand alone.
THREE_OFFERS: list[dict[str, Any]] = EXAMPLE["offers"]


def three_offers() -> list[Offer]:
    return [Offer.model_validate(raw) for raw in THREE_OFFERS]


def simple_offer(offer_id: str, **fields: Any) -> Offer:
    return Offer.model_validate({"id": offer_id, "company": f"Company {offer_id}", "role": "Engineer", **fields})


def raw_connection(path: Path) -> closing[sqlite3.Connection]:
    """A plain sqlite3 connection, closed at the end of the `with` block."""
    return closing(sqlite3.connect(path))


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "data" / "offers.sqlite3"


@pytest.fixture
def store(db_path: Path) -> Iterator[Store]:
    with Store.open(db_path) as opened:
        yield opened


# --- round trips ---------------------------------------------------------------------------------


def test_the_three_example_offers_come_back_equal_and_in_order(db_path: Path) -> None:
    offers = three_offers()
    with Store.open(db_path) as store:
        store.import_offers(offers)
    with Store.open(db_path) as reopened:
        assert reopened.list_offers() == offers
        assert reopened.get_offer("contoso") == offers[2]
        assert reopened.get_offer("nope") is None


def test_exact_decimals_and_none_versus_default_survive(store: Store) -> None:
    offer = Offer.model_validate(
        {
            "id": "exact",
            "company": "Exact Co",
            "role": "Engineer",
            "level": "",  # empty is not None
            "base_salary": Decimal("85000.10"),
            "annual_raise_pct": Decimal("3.125"),
            "bonus": {"target_amount": Decimal("0.01"), "expected_payout_pct": Decimal("112.5")},
            "equity": [
                {"kind": "rsu", "shares": Decimal("1234.5678"), "price": Decimal("12.34")},
                {"kind": "option", "shares": 10, "strike": Decimal("0.0125"), "price": Decimal("999999.999999"),
                 "fmv": Decimal("0.41"), "fully_diluted_shares": 24_000_000, "exercise_window_days": 0},
            ],
            "refreshers": {"annual_value": 5, "vesting": {"years_pct": [Decimal("33.33"), Decimal("66.67")]}},
            "goal": {},  # a goal with neither total is still a goal
            "headcount": {"combinable_roles": 0},
        }
    )
    bare = simple_offer("bare")  # bonus, level, goal… None; signals all unknown
    store.save_offer(offer)
    store.save_offer(bare)

    got = store.get_offer("exact")
    assert got == offer
    assert got is not None
    assert got.annual_raise_pct == Decimal("3.125")
    assert got.equity[0].shares == Decimal("1234.5678")
    assert (got.equity[1].strike, got.equity[1].exercise_window_days) == (Decimal("0.0125"), 0)
    assert got.level == "" and got.goal is not None and got.budget is None
    got_bare = store.get_offer("bare")
    assert got_bare == bare
    assert got_bare is not None
    assert (got_bare.bonus, got_bare.level, got_bare.goal, got_bare.refreshers) == (None, None, None, None)
    assert got_bare.signals.recruiter_advocating is None


# A small generator of valid offers: money with at most two decimals, percentages in range,
# vesting summing to 100, RSU and option grants, timeline events and signals.
def _money() -> st.SearchStrategy[Any]:
    return st.one_of(
        st.integers(0, 10**14).map(lambda cents: Decimal(cents).scaleb(-2)),
        st.integers(0, 1_000_000),
        st.decimals(0, 10**6, places=1),
    )


def _percent(upper: int) -> st.SearchStrategy[Any]:
    return st.one_of(
        st.integers(0, upper),
        st.integers(0, upper * 1000).map(lambda n: Decimal(n).scaleb(-3)),
        st.floats(0, upper),
    )


_shares = st.one_of(
    st.integers(0, 10**9), st.integers(0, 10**12 * 10**4).map(lambda n: Decimal(n).scaleb(-4))
)
_text = st.text(max_size=40)


@st.composite
def _vesting(draw: st.DrawFn) -> dict[str, Any]:
    years = draw(st.integers(1, 10))
    cuts = sorted(draw(st.lists(st.integers(0, 10_000), min_size=years - 1, max_size=years - 1)))
    bounds = [0, *cuts, 10_000]
    return {
        "years_pct": [Decimal(b - a).scaleb(-2) for a, b in itertools.pairwise(bounds)],
        "cliff_months": draw(st.integers(0, 120)),
        "frequency": draw(st.sampled_from(["monthly", "quarterly", "annual"])),
    }


_grant = st.one_of(
    st.fixed_dictionaries({"kind": st.just("rsu"), "value": _money()}, optional={"vesting": _vesting()}),
    st.fixed_dictionaries(
        {"kind": st.just("rsu"), "shares": _shares, "price": _money()}, optional={"vesting": _vesting()}
    ),
    st.fixed_dictionaries(
        {"kind": st.just("option"), "shares": _shares, "strike": _money(), "price": _money()},
        optional={"vesting": _vesting()},
    ),
)
_bonus = st.one_of(
    st.none(),
    st.fixed_dictionaries({"target_pct": _percent(200)}, optional={"expected_payout_pct": _percent(300)}),
    st.fixed_dictionaries({"target_amount": _money()}, optional={"expected_payout_pct": _percent(300)}),
)
_event = st.fixed_dictionaries(
    {
        "date": st.dates(date(1990, 1, 1), date(2100, 12, 31)).map(date.isoformat),
        "kind": st.sampled_from(EVENT_KINDS),
    },
    optional={"note": st.text(max_size=200)},
)
_signals = st.fixed_dictionaries(
    {},
    optional={
        "competing_offers": st.integers(0, 1_000_000),
        "recruiter_advocating": st.booleans(),
        "hiring_manager_responsive": st.booleans(),
        "deadline": st.dates().map(date.isoformat),
    },
)


@st.composite
def _ordered_pair(draw: st.DrawFn) -> tuple[Any, Any]:
    low, high = sorted([Decimal(draw(_money())), Decimal(draw(_money()))])
    return low, high


@st.composite
def offers(draw: st.DrawFn) -> Offer:
    low, high = draw(_ordered_pair())
    raw: dict[str, Any] = {
        "id": draw(st.text(min_size=1, max_size=30)),
        "company": draw(st.text(min_size=1, max_size=40)),
        "role": draw(st.text(min_size=1, max_size=40)),
        "level": draw(st.none() | _text),
        "location": draw(st.none() | _text),
        "currency": draw(st.sampled_from(sorted(ISO_4217_CODES))),
        "stage": draw(st.sampled_from(STAGES)),
        "base_salary": draw(_money()),
        "annual_raise_pct": draw(_percent(100)),
        "bonus": draw(_bonus),
        "sign_on": draw(st.lists(_money(), max_size=10)),
        "relocation": draw(_money()),
        "equity": draw(st.lists(_grant, max_size=4)),
        "refreshers": draw(
            st.none()
            | st.fixed_dictionaries(
                {"annual_value": _money()},
                optional={"first_year": st.integers(1, 10), "vesting": _vesting()},
            )
        ),
        "benefits": draw(
            st.lists(st.fixed_dictionaries({"name": st.text(min_size=1, max_size=40), "annual_value": _money()}),
                     max_size=4)
        ),
        "budget": draw(st.none() | st.sampled_from([None, "posting", "recruiter", "estimate"]).map(
            lambda source: {"band_min": low, "band_max": high, "source": source}
        )),
        "headcount": draw(
            st.none()
            | st.fixed_dictionaries(
                {"combinable_roles": st.integers(0, 1_000_000)}, optional={"combinable_budget": _money()}
            )
        ),
        "timeline": draw(st.lists(_event, max_size=6)),
        "signals": draw(_signals),
        "goal": draw(
            st.sampled_from(
                [None, {}, {"target_total": high}, {"walk_away_total": low},
                 {"target_total": high, "walk_away_total": low}]
            )
        ),
        "notes": draw(st.text(max_size=300)),
    }
    try:
        return Offer.model_validate(raw)
    except ValidationError:  # e.g. a name that is only whitespace
        reject()


@pytest.fixture(scope="module")
def shared_store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    with Store.open(tmp_path_factory.mktemp("property") / "offers.sqlite3") as opened:
        yield opened


@given(offer=offers())
def test_any_valid_offer_comes_back_identical(shared_store: Store, offer: Offer) -> None:
    shared_store.save_offer(offer)
    assert shared_store.get_offer(offer.id) == offer


# --- what is on disk -----------------------------------------------------------------------------


def test_every_column_has_a_declared_type_and_none_is_real(store: Store) -> None:
    with raw_connection(store.path) as conn:
        tables = [row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
        assert set(tables) == {
            "offers", "offer_sign_on", "offer_grants", "offer_benefits", "offer_timeline", "offer_rounds",
            "settings", "settings_fx", "settings_scenarios", "settings_scenario_offers",
            "current_job", "current_job_benefits", "current_job_equity", "current_job_leaving",
        }
        for table in tables:
            types = {row[1]: row[2] for row in conn.execute(f"PRAGMA table_info({table})")}
            assert set(types.values()) <= {"INTEGER", "TEXT"}, (table, types)


def test_money_is_stored_as_integer_cents_and_percentages_as_exact_text(store: Store) -> None:
    store.save_offer(simple_offer("a", base_salary=Decimal("85000.10"), annual_raise_pct=Decimal("3.125"),
                                  sign_on=[Decimal("0.07")]))
    with raw_connection(store.path) as conn:
        salary, salary_type, raise_pct = conn.execute(
            "SELECT base_salary_cents, typeof(base_salary_cents), annual_raise_pct FROM offers"
        ).fetchone()
        sign_on = conn.execute("SELECT amount_cents, typeof(amount_cents) FROM offer_sign_on").fetchone()
    assert (salary, salary_type, raise_pct) == (8500010, "integer", "3.125")
    assert sign_on == (7, "integer")


def test_file_is_recognisably_ours_in_wal_mode_and_connections_are_safe(store: Store) -> None:
    with raw_connection(store.path) as conn:
        assert conn.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID == 0x4F504C4E
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert conn.execute("PRAGMA user_version").fetchone()[0] == len(schema.MIGRATIONS) == 3
    conn = store._db.conn  # per-connection settings can only be read on the store's own connection
    assert conn.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
    assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert conn.execute("PRAGMA busy_timeout").fetchone()[0] == 5000


def test_new_file_and_folder_are_owner_only(db_path: Path) -> None:
    with Store.open(db_path) as store:
        store.save_offer(simple_offer("a"))
        assert stat.S_IMODE(db_path.parent.stat().st_mode) == 0o700
        for name in ("offers.sqlite3", "offers.sqlite3-wal", "offers.sqlite3-shm"):
            assert stat.S_IMODE((db_path.parent / name).stat().st_mode) == 0o600, name


def test_default_path_is_in_the_per_user_data_folder() -> None:
    path = default_db_path()
    assert path.name == "offers.sqlite3"
    assert path.parent.name == "offer-planner"
    assert path.is_absolute()


# --- order, replace, delete, import --------------------------------------------------------------


def test_saving_keeps_an_offers_place_and_new_offers_go_last(db_path: Path) -> None:
    with Store.open(db_path) as store:
        store.import_offers(three_offers())
        with raw_connection(db_path) as conn:
            created_before = conn.execute("SELECT created_at FROM offers WHERE id = 'fabrikam'").fetchone()
        changed = simple_offer("fabrikam", base_salary=190000)
        store.save_offer(changed)
        store.save_offer(simple_offer("latecomer"))
    with Store.open(db_path) as store:
        assert [o.id for o in store.list_offers()] == ["northwind", "fabrikam", "contoso", "latecomer"]
        assert store.get_offer("fabrikam") == changed
        assert store.offer_count() == 4
    with raw_connection(db_path) as conn:
        assert conn.execute("SELECT created_at FROM offers WHERE id = 'fabrikam'").fetchone() == created_before
        assert conn.execute("SELECT count(*) FROM offer_timeline WHERE offer_id = 'fabrikam'").fetchone() == (0,)


def test_every_offer_gets_its_own_parts_whatever_the_order_of_the_ids(db_path: Path) -> None:
    """The offers are read with one cursor a table, side by side in the order of the ids (not the
    user's order), so each offer must still get exactly its own parts, in their order, and a part
    whose offer is gone (left by a tool that wrote without foreign keys) must go to no offer."""
    offers = [
        simple_offer("zeta", sign_on=[1000], benefits=[{"name": "Gym", "annual_value": 600}]),
        simple_offer("Alpha", sign_on=[2000, 500]),  # "A" sorts before "z" and "é"
        simple_offer("éclair", benefits=[{"name": "Lunch", "annual_value": 1200},
                                         {"name": "Bike", "annual_value": 300}]),
        simple_offer("beta"),
    ]
    with Store.open(db_path) as store:
        store.import_offers(offers)
    with raw_connection(db_path) as conn:  # a part of an offer "b" that isn't there, between "Alpha" and "beta"
        conn.execute("INSERT INTO offer_sign_on (offer_id, position, amount_cents) VALUES ('b', 0, 999900)")
        conn.commit()
    with Store.open(db_path) as store:
        loaded = store.list_offers()
        assert [o.id for o in loaded] == ["zeta", "Alpha", "éclair", "beta"]  # the user's order
        assert loaded == offers
        assert loaded[1].sign_on == [Decimal(2000), Decimal(500)]
        assert [b.name for b in loaded[2].benefits] == ["Lunch", "Bike"]
        assert loaded[3].sign_on == [] and loaded[3].benefits == []


def test_reading_never_imports_sqlite_utils(db_path: Path) -> None:
    """sqlite-utils (and click, dateutil, pluggy) only for writes and upgrades: a start that only
    reads doesn't load them (issue 15's memory). In a fresh interpreter: this one has them already."""
    with Store.open(db_path) as store:
        store.import_offers(three_offers())
        store.save_settings(Settings(display_currency="EUR", fx={"USD": Decimal("0.92")}))
    script = textwrap.dedent(f"""
        import sys
        from app.store import Store
        with Store.open({str(db_path)!r}) as store:
            offers, year_one = store.list_offers_with_year_one()
            read = [len(offers), str(year_one["northwind"]), store.get_offer("fabrikam").company,
                    store.offer_ids(), store.offer_count(), store.is_empty(), store.load_settings().display_currency,
                    len(store.fingerprint())]
            print(read, "sqlite_utils" in sys.modules)
            store.save_offer(offers[0])
            print("sqlite_utils" in sys.modules)
    """)
    result = subprocess.run([sys.executable, "-c", script], cwd=REPO, capture_output=True, text=True, check=True)
    assert result.stdout.splitlines() == [
        "[3, '255200.00', 'Fabrikam Cloud', ['northwind', 'fabrikam', 'contoso'], 3, False, 'EUR', 64] False",
        "True",  # the first write imports it
    ]


def test_delete_removes_the_offer_and_all_its_parts(store: Store) -> None:
    store.import_offers(three_offers())
    assert store.delete_offer("northwind") is True
    assert store.delete_offer("northwind") is False
    assert [o.id for o in store.list_offers()] == ["fabrikam", "contoso"]
    with raw_connection(store.path) as conn:
        for table in ("offer_sign_on", "offer_grants", "offer_benefits", "offer_timeline"):
            assert conn.execute(f"SELECT count(*) FROM {table} WHERE offer_id = 'northwind'").fetchone() == (0,)


def test_import_counts_added_and_replaced_and_replaced_offers_keep_their_place(store: Store) -> None:
    assert store.import_offers(three_offers()[:2]) == ImportResult(added=2, replaced=0)
    result = store.import_offers([simple_offer("new-one"), simple_offer("northwind"), three_offers()[2]])
    assert result == ImportResult(added=2, replaced=1)
    assert [o.id for o in store.list_offers()] == ["northwind", "fabrikam", "new-one", "contoso"]
    assert store.get_offer("northwind") == simple_offer("northwind")


def test_an_import_that_fails_half_way_saves_nothing(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    store.import_offers(three_offers()[:1])
    before = store.list_offers()
    real_put = Store._put
    calls = 0

    def crash_on_second(self: Store, *args: Any) -> bool:
        nonlocal calls
        calls += 1
        if calls == 2:
            raise RuntimeError("simulated crash")
        return real_put(self, *args)

    monkeypatch.setattr(Store, "_put", crash_on_second)
    with pytest.raises(RuntimeError, match="simulated crash"):
        store.import_offers([simple_offer("northwind", base_salary=1), simple_offer("b"), simple_offer("c")])
    monkeypatch.undo()

    assert store.list_offers() == before
    with Store.open(store.path) as other:  # and another connection sees nothing either
        assert other.list_offers() == before


def test_a_full_disk_during_import_saves_nothing_and_says_so(store: Store) -> None:
    store.import_offers(three_offers())
    conn = store._db.conn
    # Cap the file at its current size: the next write that needs a new page fails as a full disk would.
    pages = conn.execute("PRAGMA page_count").fetchone()[0]
    conn.execute(f"PRAGMA max_page_count={pages}")
    big = simple_offer("big", notes="x" * 100_000)
    with pytest.raises(StoreError, match="the disk is full") as caught:
        store.import_offers([simple_offer("northwind", base_salary=1), big])
    assert "Nothing was changed" in str(caught.value)
    assert store.list_offers() == three_offers()


# --- settings ------------------------------------------------------------------------------------


def test_settings_are_the_defaults_until_saved(store: Store) -> None:
    assert store.load_settings() == Settings()


def test_settings_round_trip_exactly_and_in_order(db_path: Path) -> None:
    chosen = Settings(display_currency="EUR", fx={"USD": Decimal("0.925"), "GBP": Decimal("1.171234")},
                      horizon_years=6)
    with Store.open(db_path) as store:
        store.save_settings(chosen)
    with Store.open(db_path) as store:
        loaded = store.load_settings()
        assert loaded == chosen and list(loaded.fx) == ["USD", "GBP"]
        store.save_settings(Settings(display_currency="EUR", fx={"JPY": Decimal("0.0061")}))
        assert store.load_settings().fx == {"JPY": Decimal("0.0061")}


# --- files that aren't ours, or aren't current ---------------------------------------------------


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def test_a_file_from_a_newer_version_is_refused_untouched(db_path: Path) -> None:
    with Store.open(db_path) as store:
        store.save_offer(simple_offer("a"))
    with raw_connection(db_path) as conn:
        conn.execute("PRAGMA user_version=7")
    before = _snapshot(db_path.parent)
    with pytest.raises(StoreError) as caught:
        Store.open(db_path)
    assert (
        "written by a newer version of Offer Planner (schema 7; this version reads up to 3). "
        "Update the app to open it." in str(caught.value)
    )
    assert _snapshot(db_path.parent) == before


def _not_sqlite(path: Path) -> None:
    path.write_text("company,role\nNorthwind,Engineer\n" * 20)


def _our_file_with_offers(path: Path) -> None:
    with Store.open(path) as store:
        store.import_offers(three_offers())
        store.save_offer(simple_offer("long", notes="n" * 20_000))


def _truncated(path: Path) -> None:
    _our_file_with_offers(path)
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])


def _damaged(path: Path) -> None:
    _our_file_with_offers(path)
    data = bytearray(path.read_bytes())
    page = 4096
    data[page : 2 * page] = b"\xa5" * page  # page 2 holds the offers table's root
    path.write_bytes(bytes(data))


def _another_programs(path: Path) -> None:
    with raw_connection(path) as conn:
        conn.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)")
        conn.execute("INSERT INTO notes (body) VALUES ('remember the milk')")
        conn.commit()


def _another_programs_empty(path: Path) -> None:
    with raw_connection(path) as conn:
        conn.execute("PRAGMA application_id=1234")


@pytest.mark.parametrize(
    ("make", "problem"),
    [
        (_not_sqlite, "isn't a database at all"),
        (_truncated, "damaged"),
        (_damaged, "damaged"),
        (_another_programs, "another program's database"),
        (_another_programs_empty, "another program's database"),
    ],
    ids=["not-sqlite", "truncated", "damaged", "other-program", "other-program-empty"],
)
def test_files_that_are_not_ours_are_refused_and_left_untouched(tmp_path: Path, make: Any, problem: str) -> None:
    path = tmp_path / "offers.sqlite3"
    make(path)
    before = _snapshot(tmp_path)
    with pytest.raises(StoreError) as caught:
        Store.open(path)
    assert problem in str(caught.value)
    assert str(path) in str(caught.value)
    assert _snapshot(tmp_path) == before


def test_a_folder_is_not_a_data_file(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="it is a folder"):
        Store.open(tmp_path)


def test_a_zero_byte_file_is_refused_untouched(tmp_path: Path) -> None:
    # The app never leaves an empty data file (a new one is moved into place complete), so an empty
    # one is what is left of a file something else emptied: refused, so a backup can be restored.
    path = tmp_path / "offers.sqlite3"
    path.touch()
    with pytest.raises(BadDataFile) as caught:
        Store.open(path)
    assert caught.value.reason == "empty"
    assert "empty (zero bytes)" in str(caught.value) and str(path) in str(caught.value)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["offers.sqlite3"]
    assert path.stat().st_size == 0


def test_a_new_file_is_moved_into_place_complete(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "offers.sqlite3"
    full_error = sqlite3.OperationalError("database or disk is full")
    full_error.sqlite_errorcode = sqlite3.SQLITE_FULL  # type: ignore[attr-defined]

    def step_fails(db: Any) -> None:
        raise full_error

    monkeypatch.setattr(schema, "MIGRATIONS", [step_fails])
    with pytest.raises(StoreError, match=r"Can't create the data file .*: the disk is full"):
        Store.open(path)
    assert list(tmp_path.iterdir()) == []  # no empty or half-made file, no temporary left
    monkeypatch.undo()
    with Store.open(path) as store:
        store.save_offer(simple_offer("a"))
    with raw_connection(path) as conn:
        assert conn.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
    assert sorted(p.name for p in tmp_path.iterdir() if not p.name.endswith(("-wal", "-shm"))) == ["offers.sqlite3"]


def _v2_add_tags(db: Any) -> None:
    db["offer_tags"].create({"offer_id": "TEXT", "tag": "TEXT"}, pk=("offer_id", "tag"), strict=True)


def test_upgrading_copies_the_file_aside_first(db_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    with Store.open(db_path) as store:
        store.import_offers(three_offers())
    monkeypatch.setattr(schema, "MIGRATIONS", [*schema.MIGRATIONS, _v2_add_tags])

    with Store.open(db_path) as store:
        assert store.list_offers() == three_offers()

    backup = db_path.with_name("offers.sqlite3.before-v4.bak")
    assert stat.S_IMODE(backup.stat().st_mode) == 0o600
    with raw_connection(backup) as conn:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == 3
        assert conn.execute("SELECT count(*) FROM offers").fetchone()[0] == 3
        assert conn.execute("SELECT count(*) FROM sqlite_master WHERE name = 'offer_tags'").fetchone()[0] == 0
    with raw_connection(db_path) as conn:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == 4
        assert conn.execute("SELECT count(*) FROM sqlite_master WHERE name = 'offer_tags'").fetchone()[0] == 1


def test_a_failed_upgrade_leaves_the_file_at_its_old_version(db_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    with Store.open(db_path) as store:
        store.import_offers(three_offers())

    def broken_step(db: Any) -> None:
        _v2_add_tags(db)
        db.execute("INSERT INTO no_such_table VALUES (1)")

    monkeypatch.setattr(schema, "MIGRATIONS", [*schema.MIGRATIONS, broken_step])
    with pytest.raises(StoreError, match=r"Can't upgrade .*Nothing was changed.*before-v4\.bak"):
        Store.open(db_path)
    monkeypatch.undo()

    with raw_connection(db_path) as conn:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == 3
        assert conn.execute("SELECT count(*) FROM sqlite_master WHERE name = 'offer_tags'").fetchone()[0] == 0
    with Store.open(db_path) as store:
        assert store.list_offers() == three_offers()


# --- concurrency and a hostile environment -------------------------------------------------------


_WRITER = textwrap.dedent(
    """
    import sys
    import time

    from app.models import Offer
    from app.store import Store

    path, tag = sys.argv[1], sys.argv[2]
    with Store.open(path) as store:
        print("ready", flush=True)
        sys.stdin.readline()  # start together, so the writes really interleave
        for i in range(100):
            store.save_offer(Offer(id=f"{tag}-{i}", company=f"Company {tag}", role="Engineer", sign_on=[i]))
            time.sleep(0.001)  # like a person's edits: gives the other writer a chance to take the lock
    """
)


def test_two_processes_writing_at_once_lose_nothing(db_path: Path) -> None:
    Store.open(db_path).close()  # created and upgraded once, before the race
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    writers = [
        subprocess.Popen(
            [sys.executable, "-c", _WRITER, str(db_path), tag],
            cwd=REPO, env=env, text=True,
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
        )
        for tag in ("left", "right")
    ]
    try:
        for writer in writers:
            assert writer.stdout is not None
            assert writer.stdout.readline().strip() == "ready"
        for writer in writers:
            assert writer.stdin is not None
            writer.stdin.write("go\n")
            writer.stdin.flush()
        results = [writer.communicate(timeout=60) for writer in writers]
    finally:
        for writer in writers:
            if writer.poll() is None:
                writer.kill()
                writer.wait()
            for stream in (writer.stdin, writer.stdout, writer.stderr):
                if stream is not None:
                    stream.close()
    assert [writer.returncode for writer in writers] == [0, 0], results

    with Store.open(db_path) as store:
        stored = store.list_offers()
    assert len(stored) == 200
    assert {o.id for o in stored} == {f"{tag}-{i}" for tag in ("left", "right") for i in range(100)}
    with raw_connection(db_path) as conn:
        assert conn.execute("SELECT count(DISTINCT position) FROM offers").fetchone()[0] == 200


def test_a_write_blocked_past_the_timeout_fails_cleanly(db_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(store_module, "BUSY_TIMEOUT_MS", 100)
    with Store.open(db_path) as store:
        with closing(sqlite3.connect(db_path, isolation_level=None)) as other:
            other.execute("BEGIN IMMEDIATE")  # another program holds the write lock
            with pytest.raises(StoreError, match="in use by another program"):
                store.save_offer(simple_offer("a"))
            other.execute("ROLLBACK")
        store.save_offer(simple_offer("a"))
        assert store.offer_count() == 1


def test_a_read_only_data_file_refuses_to_save_and_keeps_the_data(store: Store) -> None:
    store.import_offers(three_offers())
    # query_only makes SQLite answer every write exactly as for a read-only file (SQLITE_READONLY),
    # which chmod can't do when the tests run as root.
    store._db.conn.execute("PRAGMA query_only=ON")
    with pytest.raises(StoreError, match="read-only") as caught:
        store.save_offer(simple_offer("northwind"))
    assert str(caught.value).startswith("Can't save:")
    with pytest.raises(StoreError, match="read-only"):
        store.delete_offer("northwind")
    store._db.conn.execute("PRAGMA query_only=OFF")
    assert store.list_offers() == three_offers()


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root ignores file permissions")
def test_a_read_only_file_on_disk_refuses_to_save_and_keeps_the_data(db_path: Path) -> None:
    with Store.open(db_path) as store:
        store.import_offers(three_offers())
    db_path.chmod(0o400)
    try:
        with Store.open(db_path) as store:
            assert store.list_offers() == three_offers()
            with pytest.raises(StoreError, match="read-only"):
                store.save_offer(simple_offer("northwind"))
    finally:
        db_path.chmod(0o600)
    with Store.open(db_path) as store:
        assert store.list_offers() == three_offers()
