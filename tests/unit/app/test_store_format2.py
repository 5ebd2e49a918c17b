"""Storage of format 2: the upgrade of a schema-1 data file, and store → load as an identity.

The upgrade copies the file aside first and runs in one transaction; it keeps every offer and
setting, and its exchange rates keep their meaning (format 1 quoted them in the display currency,
so `fx_base` becomes the display currency and no figure changes).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import closing
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlite_utils import Database

from app.evaluation import Evaluator
from app.files import parse_offer_file
from app.models import Offer, OfferFile, Settings
from app.store import APPLICATION_ID, Store, StoreError, schema
from app.store.rows import offer_to_rows, to_cents
from tests import strategies

D = Decimal
FORMAT_1_SAMPLE = Path(__file__).resolve().parents[2] / "data" / "format1" / "sample-offers.json"
V2_COLUMNS = ("tax_region", "start_date", "sign_on_repayment_months", "sign_on_repayment_pro_rata")


def write_schema_1_file(path: Path, offers: list[Offer], display: str, fx: dict[str, Decimal], horizon: int) -> None:
    """A data file exactly as the format-1 app left it: schema 1, grants' prices in integer cents."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with closing(sqlite3.connect(path, isolation_level=None)) as conn:
        db = Database(conn)
        conn.execute("BEGIN")
        schema.MIGRATIONS[0](db)
        conn.execute(f"PRAGMA application_id={APPLICATION_ID}")
        conn.execute("PRAGMA user_version=1")
        for position, offer in enumerate(offers):
            rows = offer_to_rows(offer, position=position, created_at="2026-11-01T00:00:00Z",
                                 updated_at="2026-11-01T00:00:00Z")
            db["offers"].insert({k: v for k, v in rows.offer.items() if k not in V2_COLUMNS})
            for table, children in rows.children.items():
                if table == schema.ROUNDS:
                    continue
                for child in children:
                    if table == schema.GRANTS:
                        child = {
                            **{k: v for k, v in child.items()
                               if k not in ("price", "strike", "fmv", "preferred_price", "fully_diluted_shares",
                                            "exercise_window_days")},
                            "price_cents": to_cents(D(child["price"])) if child["price"] is not None else None,
                            "strike_cents": to_cents(D(child["strike"])) if child["strike"] is not None else None,
                        }
                    db[table].insert(child)
        db["settings"].insert({"id": 1, "display_currency": display, "horizon_years": horizon, "rubric": None,
                               "paper": "A4"})
        for position, (code, rate) in enumerate(fx.items()):
            db["settings_fx"].insert({"currency": code, "position": position, "rate": str(rate)})
        conn.execute("COMMIT")


@pytest.fixture
def old_file(tmp_path: Path) -> tuple[Path, OfferFile]:
    sample = parse_offer_file(FORMAT_1_SAMPLE.read_text(encoding="utf-8"))
    path = tmp_path / "data" / "offers.sqlite3"
    write_schema_1_file(path, sample.offers, "USD", {"GBP": D("1.27")}, 4)
    return path, sample


def test_upgrading_a_schema_1_file_keeps_every_offer_and_setting(old_file: tuple[Path, OfferFile]) -> None:
    path, sample = old_file
    with Store.open(path) as store:
        assert store.list_offers() == sample.offers
        settings = store.load_settings()
    assert settings == Settings(display_currency="USD", fx_base="USD", fx={"GBP": D("1.27")}, horizon_years=4,
                                paper="A4")
    kestrel = next(o for o in sample.offers if o.id == "sample-kestrel")
    assert kestrel.equity[0].price == D("4.8")  # 480 cents became the exact text "4.80"
    with closing(sqlite3.connect(path)) as conn:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == 2
        query = "SELECT price, typeof(price) FROM offer_grants WHERE offer_id = 'sample-kestrel'"
        assert conn.execute(query).fetchone() == ("4.80", "text")
    backup = path.with_name("offers.sqlite3.before-v2.bak")
    with closing(sqlite3.connect(backup)) as conn:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == 1
        assert conn.execute("SELECT count(*) FROM offers").fetchone()[0] == 4


def test_upgrading_changes_no_figure(old_file: tuple[Path, OfferFile]) -> None:
    path, _sample = old_file
    with Store.open(path) as store:
        ev = Evaluator.for_settings(store.list_offers(), store.load_settings(), as_of=date(2026, 11, 20))
    # as format 1 gave them (tests/data/format1/sample-offers.figures.json): Aurelia's 695,496.31 GBP is
    # 883,280.31 USD at 1.27, the rate quoted in the display currency; Lumen's 4-year total in dollars
    aurelia = ev.evaluate("sample-aurelia")
    assert (aurelia.figures.total, aurelia.total_display) == (D("695496.31"), D("883280.31"))
    assert ev.evaluate("sample-lumen").total_display == D("1412344.84")


def test_the_upgrade_is_one_transaction(old_file: tuple[Path, OfferFile], monkeypatch: pytest.MonkeyPatch) -> None:
    path, sample = old_file
    real = schema.MIGRATIONS[1]

    def fails_at_the_end(db: Any) -> None:
        real(db)  # everything done…
        raise sqlite3.OperationalError("disk I/O error, simulated")  # …and then it fails

    monkeypatch.setattr(schema, "MIGRATIONS", [schema.MIGRATIONS[0], fails_at_the_end])
    with pytest.raises(StoreError, match="Nothing was changed"):
        Store.open(path)
    monkeypatch.undo()
    with closing(sqlite3.connect(path)) as conn:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == 1
        columns = {row[1] for row in conn.execute("PRAGMA table_info(offer_grants)")}
        assert "price_cents" in columns and "price" not in columns  # the old table, untouched
        assert conn.execute("SELECT count(*) FROM sqlite_master WHERE name = 'offer_rounds'").fetchone()[0] == 0
    with Store.open(path) as store:  # and the next start upgrades it
        assert store.list_offers() == sample.offers


# --- store → load is an identity ------------------------------------------------------------------


@pytest.fixture(scope="module")
def shared_store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    with Store.open(tmp_path_factory.mktemp("format2") / "offers.sqlite3") as opened:
        yield opened


# the examples share the fixtures; the number of examples is the profile's (tests/conftest.py)
PROPERTY = settings(suppress_health_check=[HealthCheck.function_scoped_fixture])


@PROPERTY
@given(data=strategies.offer_files_v2(max_offers=3))
def test_a_format_2_file_stored_and_loaded_is_the_same(shared_store: Store, data: dict[str, Any]) -> None:
    offer_file = OfferFile.model_validate(data)
    shared_store.import_offers(offer_file.offers, offer_file.settings)
    loaded = {o.id: o for o in shared_store.list_offers()}
    for offer in offer_file.offers:
        assert loaded[offer.id] == offer
    assert shared_store.load_settings() == offer_file.settings


@PROPERTY
@given(offer=strategies.offers_v2(with_id=True).map(Offer.model_validate), paper=st.sampled_from(["auto", "A4"]))
def test_any_format_2_offer_comes_back_identical(shared_store: Store, offer: Offer, paper: str) -> None:
    shared_store.save_offer(offer)
    assert shared_store.get_offer(offer.id) == offer


def test_the_sample_round_trips_through_the_store(tmp_path: Path) -> None:
    from app.resources import sample_offers_path

    sample = parse_offer_file(Path(sample_offers_path()).read_text(encoding="utf-8"))
    with Store.open(tmp_path / "offers.sqlite3") as store:
        store.import_offers(sample.offers, sample.settings)
    with Store.open(tmp_path / "offers.sqlite3") as store:
        assert store.list_offers() == sample.offers
        assert store.load_settings() == sample.settings
