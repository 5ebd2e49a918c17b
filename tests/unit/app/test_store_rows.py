"""The offers' list rows (app.summary.OfferRow): what the window lists and ranks without building an
offer, read from the file in one query, and the same when made from an offer just saved."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from app.files import read_offer_file
from app.models import Offer
from app.resources import sample_offers_path
from app.store import Store

BASE_ONLY = "the base salary"
TIMELINE = "the timeline (when you interviewed, when the offer came)"


def test_the_sample_offers_rows(tmp_path):
    with Store.open(tmp_path / "offers.sqlite3") as store:
        store.import_offers(read_offer_file(sample_offers_path()).offers)
        rows = store.list_rows()
    assert [(r.id, r.stage, r.currency, r.year_one, r.deadline, r.in_hand, r.missing, r.has_options)
            for r in rows] == [
        ("sample-lumen", "negotiating", "USD", Decimal("303200.00"), date(2026, 12, 4), True, (), False),
        ("sample-kestrel", "offer", "USD", Decimal("205500.00"), date(2026, 11, 30), True, (), True),
        ("sample-aurelia", "offer", "GBP", Decimal("184660.00"), None, True, (), False),
        ("sample-tessellate", "interviewing", "USD", Decimal("321000.00"), None, False, (), False),
    ]
    assert (rows[2].company, rows[2].role, rows[2].level, rows[2].location, rows[2].tax_region) == (
        "Aurelia Bank", "Lead Data Engineer", "VP", "London", "GB-ENG")


def test_a_saved_offers_row_is_the_row_read_back(tmp_path):
    offers = [
        # a process without a timeline or a base: not in hand, and the rating needs the timeline
        Offer(id="new", company="New", role="Engineer", stage="interviewing"),
        # an offer event while still "interviewing": in hand, and the rating needs the base salary; an
        # option grant at its strike price (worth nothing yet: the list flags it under water)
        Offer.model_validate({"id": "called", "company": "Called", "role": "Engineer", "stage": "interviewing",
                              "timeline": [{"date": "2026-11-02", "kind": "offer"}],
                              "signals": {"deadline": "2026-11-20"},
                              "equity": [{"kind": "option", "shares": 1000, "strike": Decimal("1.50"),
                                          "price": Decimal("1.50"), "vesting": {"years_pct": [100]}}]}),
        # made, declined: not in hand; a base and a timeline: nothing missing
        Offer.model_validate({"id": "no", "company": "No", "role": "Engineer", "stage": "declined",
                              "base_salary": 90000, "sign_on": [5000],
                              "timeline": [{"date": "2026-10-01", "kind": "offer"}]}),
    ]
    with Store.open(tmp_path / "offers.sqlite3") as store:
        saved = store.apply(save=offers)
        read = {row.id: row for row in store.list_rows()}
    assert saved == read
    assert [(r.in_hand, r.missing, r.has_options, r.deadline, r.year_one) for r in read.values()] == [
        (False, (TIMELINE,), False, None, Decimal("0.00")),
        (True, (BASE_ONLY,), True, date(2026, 11, 20), Decimal("0.00")),
        (False, (), False, None, Decimal("95000.00")),  # 90,000 base + the 5,000 sign-on of year 1
    ]
