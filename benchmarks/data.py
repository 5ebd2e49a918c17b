"""Generated offers for the benchmarks: realistic variety, deterministic (seeded)."""

from __future__ import annotations

import json
import random
from datetime import date, timedelta
from pathlib import Path

from app.files import read_offer_file
from app.resources import sample_offers_path


def offers(count: int, seed: int = 7) -> list[dict]:
    """`count` offers built from the samples with varied numbers, timelines and ids."""
    rng = random.Random(seed)
    samples = json.loads(Path(sample_offers_path()).read_text(encoding="utf-8"))["offers"]
    result = []
    for index in range(count):
        offer = json.loads(json.dumps(samples[index % len(samples)]))
        offer["id"] = f"bench-{index:05d}"
        offer["company"] = f"{offer['company']} {index}"
        offer["base_salary"] = rng.randrange(90_000, 260_000, 500)
        final = date(2026, 9, 1) + timedelta(days=rng.randrange(0, 60))
        offer["timeline"] = [
            {"date": (final - timedelta(days=14)).isoformat(), "kind": "interview"},
            {"date": final.isoformat(), "kind": "final_interview"},
        ]
        if rng.random() < 0.7:
            offer["timeline"].append(
                {"date": (final + timedelta(days=rng.randrange(0, 30))).isoformat(), "kind": "offer"}
            )
        if "budget" in offer:
            offer["budget"] = {"band_min": offer["base_salary"] - 20_000, "band_max": offer["base_salary"] + 30_000,
                               "source": "posting"}
        result.append(offer)
    return result


def offer_file(count: int) -> dict:
    sample = read_offer_file(sample_offers_path())
    return {
        "format": "offer-planner/2",  # the offers are the sample's, which carry format-2 parts
        "as_of": sample.as_of.isoformat(),
        "display_currency": "USD",
        "fx": {"GBP": 1.27},
        "horizon_years": 4,
        "offers": offers(count),
    }


def write_offer_file(path: Path, count: int) -> Path:
    path.write_text(json.dumps(offer_file(count)), encoding="utf-8")
    return path


def data_file(path: Path, count: int) -> Path:
    """A data file holding `count` offers (and the sample's currency settings)."""
    from app.files import parse_offer_file
    from app.models import Settings
    from app.store import Store

    parsed = parse_offer_file(json.dumps(offer_file(count)))
    with Store.open(path) as store:
        store.import_offers(parsed.offers)
        store.save_settings(Settings(display_currency="USD", fx=dict(parsed.fx)))
    return path
