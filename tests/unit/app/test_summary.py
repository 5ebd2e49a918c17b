"""The list summary the window's first paint reads: stored with each offer, always its figures.

The store writes each offer's year-1 total into the offer's own row in the same transaction as the
offer (schema 3); `app.summary.read_summaries` reads the list back with one plain sqlite3 query.
Whatever was saved (an import, an edit, an undo's batch, a file upgraded from schema 2), the summary
must equal what `app.compensation.figures` computes for the offer — and reading never writes.
"""

from __future__ import annotations

import sqlite3
from contextlib import closing
from decimal import Decimal as D
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings

from app.compensation import figures
from app.models import Offer, OfferFile
from app.store import APPLICATION_ID, Store, schema
from app.summary import APPLICATION_ID as SUMMARY_APPLICATION_ID
from app.summary import SUMMARY_SCHEMA_VERSION, OfferSummary, read_summaries
from tests import strategies
from tests.examples import THREE_OFFERS_JSON

PROPERTY = settings(max_examples=25, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])


def _three() -> list[Offer]:
    from app.files import parse_offer_file

    return parse_offer_file(THREE_OFFERS_JSON).offers


def _matches_figures(path: Path, offers: list[Offer]) -> None:
    summaries = read_summaries(path)
    assert summaries is not None
    assert [s.id for s in summaries] == [o.id for o in offers]
    for summary, offer in zip(summaries, offers, strict=True):
        assert summary.year_one == figures(offer, 4).year_one == figures(offer, 10).year_one
        assert (summary.company, summary.role, summary.stage, summary.currency) == (
            offer.company, offer.role, offer.stage, offer.currency)


def test_the_constants_agree_with_the_store() -> None:
    assert len(schema.MIGRATIONS) == SUMMARY_SCHEMA_VERSION
    assert SUMMARY_APPLICATION_ID == APPLICATION_ID


def test_the_example_file_summarised_by_hand(tmp_path: Path) -> None:
    path = tmp_path / "offers.sqlite3"
    with Store.open(path) as store:
        store.import_offers(_three())
    summaries = read_summaries(path)
    assert summaries is not None
    # Northwind: base 172,000 + bonus 10 % 17,200 + sign-on 20,000 + RSUs 160,000 × 25 % 40,000
    # + 401(k) 6,000 = 255,200.00 (USD)
    assert summaries[0] == OfferSummary("northwind", "Northwind Analytics", "Senior Data Engineer", "offer",
                                        "Senior", "Austin, TX", "USD", 25_520_000)
    assert summaries[0].year_one == D("255200.00")


@PROPERTY
@given(data=strategies.offer_files(max_offers=4))
def test_every_write_leaves_summaries_equal_to_the_figures(data: dict[str, Any], tmp_path_factory: Any) -> None:
    offers = OfferFile.model_validate(data).offers
    path = tmp_path_factory.mktemp("summary") / "offers.sqlite3"
    with Store.open(path) as store:
        store.import_offers(offers)
        _matches_figures(path, offers)
        if offers:
            changed = offers[0].model_copy(update={"base_salary": offers[0].base_salary + 1000, "sign_on": []})
            store.save_offer(changed)
            offers = [changed, *offers[1:]]
            _matches_figures(path, offers)
        if len(offers) >= 2:  # an undo's batch: one offer deleted, another changed, in one transaction
            last = offers[-1].model_copy(update={"relocation": offers[-1].relocation + 500})
            store.apply(save=[last], delete=[offers[0].id])
            _matches_figures(path, [*offers[1:-1], last])


def test_a_schema_2_file_gets_its_summaries_when_upgraded(tmp_path: Path) -> None:
    path = tmp_path / "offers.sqlite3"
    with Store.open(path) as store:
        store.import_offers(_three())
    with closing(sqlite3.connect(path, isolation_level=None)) as conn:  # back to what schema 2 held
        conn.execute("ALTER TABLE offers DROP COLUMN year_one_cents")
        conn.execute("PRAGMA user_version=2")
    assert read_summaries(path) is None  # an older file: the ordinary start upgrades it first
    with Store.open(path):
        pass
    _matches_figures(path, _three())


def test_files_it_cant_read_give_none_and_stay_as_they_were(tmp_path: Path) -> None:
    missing = tmp_path / "none.sqlite3"
    assert read_summaries(missing) is None
    assert not missing.exists()
    garbage = tmp_path / "garbage.sqlite3"
    garbage.write_bytes(b"not a database at all" * 100)
    other = tmp_path / "other.sqlite3"
    with closing(sqlite3.connect(other)) as conn:
        conn.execute("CREATE TABLE offers (id TEXT)")
        conn.commit()
    newer = tmp_path / "newer.sqlite3"
    with Store.open(newer) as store:
        store.import_offers(_three())
    with closing(sqlite3.connect(newer, isolation_level=None)) as conn:
        conn.execute("PRAGMA user_version=99")
    for path in (garbage, other, newer):
        before = path.read_bytes()
        assert read_summaries(path) is None
        assert path.read_bytes() == before
