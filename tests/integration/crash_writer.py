"""A writer process for the kill -9 tests (run from the checkout, killed by the test at random points).

    python -m tests.integration.crash_writer edits DB START    save edits for ever, "saved N" after each commit
    python -m tests.integration.crash_writer import DB COUNT   import COUNT offers, "importing" / "imported"

Edit N sets offer "slot-<N % SLOTS>" to a base salary of N; every 7th edit also adds offer "new-<N>" in
the same transaction. So after a kill: each slot holds at least the last N reported for it, every
"new-<N>" reported is there, and an unreported "new-<N>" is there only with its slot's edit.
"""

from __future__ import annotations

import sys

from app.models import Offer
from app.store import Store

SLOTS = 12


def slot_offer(n: int) -> Offer:
    slot = n % SLOTS
    return Offer(
        id=f"slot-{slot}",
        company=f"Company {slot}",
        role="Engineer",
        base_salary=n,
        sign_on=[n % 1000, 5000],
        benefits=[{"name": "Stipend", "annual_value": n % 3000}],
        notes="edit " * (n % 400),  # sizes vary, so pages are added and freed
    )


def edits(path: str, start: int) -> None:
    with Store.open(path) as store:
        print("ready", flush=True)
        n = start
        while True:
            n += 1
            if n % 7 == 0:
                store.apply(save=[slot_offer(n), Offer(id=f"new-{n}", company=f"New {n}", role="Engineer")])
            else:
                store.save_offer(slot_offer(n))
            print(f"saved {n}", flush=True)


def import_offers(path: str, count: int) -> None:
    offers = [
        Offer(
            id=f"imported-{i}",
            company=f"Imported {i}",
            role="Engineer",
            base_salary=100_000 + i,
            sign_on=[10_000],
            equity=[{"kind": "rsu", "value": 40_000}],
            timeline=[{"date": "2026-11-02", "kind": "interview"}, {"date": "2026-11-09", "kind": "offer"}],
            notes="imported " * 20,
        )
        for i in range(count)
    ]
    with Store.open(path) as store:
        print("importing", flush=True)
        store.import_offers(offers)
        print("imported", flush=True)


if __name__ == "__main__":
    mode, db, number = sys.argv[1], sys.argv[2], int(sys.argv[3])
    if mode == "edits":
        edits(db, number)
    else:
        import_offers(db, number)
