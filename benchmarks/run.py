"""Offer Planner's performance figures, each beside a baseline measured in the same run.

    .venv/bin/python benchmarks/run.py [--quick]

Prints one table: figure, baseline, ratio, target, holds. Not part of the test suite's pass/fail.
Medians of repeated runs on this machine, Qt offscreen.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # benchmarks/ is run as a script from a checkout

from benchmarks import data  # noqa: E402

CHILD = ROOT / "benchmarks" / "_startup_child.py"
PYTHON = sys.executable


@dataclass
class Result:
    name: str
    figure: float
    baseline: float
    unit: str
    ratio: float
    target: str
    holds: bool
    note: str = ""


def median(samples: list[float]) -> float:
    return statistics.median(samples)


def child(*args: str) -> tuple[float, float]:
    out = subprocess.run([PYTHON, str(CHILD), *args], capture_output=True, text=True, check=True, cwd=ROOT)
    seconds, rss = out.stdout.split()
    return float(seconds), float(rss)


def startup(runs: int, folder: Path) -> list[Result]:
    db50 = data.data_file(folder / "fifty.sqlite3", 50)
    db1k = data.data_file(folder / "thousand.sqlite3", 1000)
    db10k = data.data_file(folder / "tenk.sqlite3", 10_000)
    child("bare")  # warm the file cache for both
    child("app", str(db50))
    bare = [child("bare") for _ in range(runs)]
    fifty = [child("app", str(db50)) for _ in range(runs)]
    tenk = [child("app", str(db10k)) for _ in range(max(3, runs // 2))]
    thousand = [child("app", str(db1k)) for _ in range(3)]
    bare_t, fifty_t, tenk_t = (median([s for s, _ in xs]) for xs in (bare, fifty, tenk))
    bare_rss, thousand_rss = median([r for _, r in bare]), median([r for _, r in thousand])
    return [
        Result("Start to first paint, 50 offers", fifty_t * 1000, bare_t * 1000, "ms", fifty_t / bare_t,
               "≤ 1.3 × bare QMainWindow", fifty_t / bare_t <= 1.3),
        Result("Start to first paint, 10,000 offers", tenk_t * 1000, fifty_t * 1000, "ms", tenk_t / fifty_t,
               "≤ 1.5 × the 50-offer case", tenk_t / fifty_t <= 1.5),
        Result("Resident memory, 1,000 offers", thousand_rss, bare_rss, "MB", thousand_rss / bare_rss,
               "≤ bare + 60 MB", thousand_rss <= bare_rss + 60, f"+{thousand_rss - bare_rss:.0f} MB"),
    ]


def timed(action: Callable[[], object], repeat: int) -> float:
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        samples.append(time.perf_counter() - start)
    return median(samples)


def in_window(folder: Path, repeat: int) -> list[Result]:
    from PySide6.QtCore import QSettings

    from app.models import Offer
    from app.store import Store
    from ui.main import make_application
    from ui.main_window import COMPARE_TAB, MainWindow
    from ui.workspace import Workspace

    app = make_application(sys.argv[:1])
    results = []
    db = data.data_file(folder / "edit.sqlite3", 50)
    store = Store.open(db)
    workspace = Workspace(store)
    window = MainWindow(workspace, QSettings(str(folder / "ui.ini"), QSettings.Format.IniFormat))
    window.resize(1440, 900)
    window.show()
    window.tabs.setCurrentIndex(COMPARE_TAB)
    app.processEvents()
    offer_id = workspace.offers()[3].id
    window.select_offer(offer_id)
    app.processEvents()
    state = {"base": workspace.offer(offer_id).base_salary}

    def edit() -> None:
        state["base"] += 1
        changed = Offer.model_validate({**workspace.offer(offer_id).model_dump(), "base_salary": state["base"]})
        workspace.update_offer(changed)
        app.processEvents()  # everything the edit changed is recomputed and painted here

    def repaint() -> None:
        window.update()
        app.processEvents()

    edit()
    edit_t = timed(edit, repeat)
    paint_t = timed(repaint, repeat)
    results.append(Result("Edit one field, compare view open (50 offers)", edit_t * 1000, paint_t * 1000, "ms",
                          edit_t / 0.016, "≤ 16 ms (ratio to 16 ms)", edit_t <= 0.016,
                          "baseline: a repaint of the whole window"))
    window.close()
    store.close()

    db = data.data_file(folder / "scroll.sqlite3", 10_000)
    store = Store.open(db)
    workspace = Workspace(store)
    window = MainWindow(workspace, QSettings(str(folder / "ui.ini"), QSettings.Format.IniFormat))
    window.resize(1440, 900)
    window.show()
    app.processEvents()
    bar = window.list_view.verticalScrollBar()
    step = {"value": 0}

    def scroll() -> None:
        step["value"] = (step["value"] + bar.pageStep()) % max(bar.maximum(), 1)
        bar.setValue(step["value"])
        window.list_view.viewport().repaint()

    scroll()
    scroll_t = timed(scroll, repeat)
    results.append(Result("Scroll the list a page, 10,000 offers", scroll_t * 1000, paint_t * 1000, "ms",
                          scroll_t / 0.016, "≤ 16 ms a step (ratio to 16 ms)", scroll_t <= 0.016,
                          "baseline: window repaint"))
    window.close()
    store.close()

    try:
        from app.brief import build_brief
        from ui.pdf.brief_pdf import render_brief_pdf
    except ImportError:
        results.append(Result("Export the sample brief", float("nan"), float("nan"), "ms", float("nan"),
                              "≤ 250 ms", False, "the brief is not built yet"))
        return results
    from app.evaluation import evaluator_for_file
    from app.files import read_offer_file
    from app.resources import sample_offers_path

    sample = read_offer_file(sample_offers_path())
    evaluator = evaluator_for_file(sample)
    target = folder / "brief.pdf"

    def export() -> None:
        render_brief_pdf(build_brief(evaluator, "sample-lumen", as_of=sample.as_of), target)

    export()
    export_t = timed(export, max(3, repeat // 4))
    from PySide6.QtGui import QPageSize, QPainter, QPdfWriter

    def plain_pdf() -> None:
        writer = QPdfWriter(str(folder / "plain.pdf"))
        writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
        painter = QPainter(writer)
        for page in range(3):
            for line in range(50):
                painter.drawText(200, 300 + line * 200, "A line of plain text for the baseline page " * 2)
            if page < 2:
                writer.newPage()
        painter.end()

    plain_t = timed(plain_pdf, max(3, repeat // 4))
    results.append(Result("Export the sample brief", export_t * 1000, plain_t * 1000, "ms", export_t / 0.250,
                          "≤ 250 ms (ratio to 250 ms)", export_t <= 0.250, "baseline: 3 pages of plain text"))
    return results


def evaluate(folder: Path, runs: int) -> list[Result]:
    exe = Path(PYTHON).parent / "offer-planner"

    def run(count: int) -> float:
        path = data.write_offer_file(folder / f"eval-{count}.json", count)
        samples = []
        for _ in range(runs):
            start = time.perf_counter()
            subprocess.run([str(exe), "evaluate", str(path), "--json"], stdout=subprocess.DEVNULL, check=True)
            samples.append(time.perf_counter() - start)
        return median(samples)

    empty = run(0)
    costs = {n: run(n) - empty for n in (100, 1000, 10_000)}
    per = {n: costs[n] / n * 1000 for n in costs}
    linear = per[10_000] <= per[100] * 1.5 + 0.05
    return [
        Result("evaluate 1,000 offers, beyond start-up", costs[1000] * 1000, empty * 1000, "ms", costs[1000] / 1.0,
               "≤ 1 s beyond start-up (ratio to 1 s)", costs[1000] <= 1.0, "baseline: evaluate of 0 offers"),
        Result("evaluate cost per offer: 100 / 1,000 / 10,000", per[10_000], per[100], "ms", per[10_000] / per[100],
               "grows linearly (per-offer cost flat)", linear,
               f"{per[100]:.2f} / {per[1000]:.2f} / {per[10_000]:.2f} ms per offer"),
    ]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true", help="fewer repetitions")
    args = parser.parse_args()
    runs = 3 if args.quick else 7
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        results = startup(runs, folder) + in_window(folder, 10 if args.quick else 30) + evaluate(folder, runs // 2 + 1)
    print_table(results)
    return 0


def print_table(results: list[Result]) -> None:
    print("| figure | measured | baseline | ratio | target | holds |")
    print("|---|---:|---:|---:|---|---|")
    for r in results:
        note = f" ({r.note})" if r.note else ""
        print(f"| {r.name}{note} | {r.figure:.1f} {r.unit} | {r.baseline:.1f} {r.unit} | {r.ratio:.2f} | {r.target} "
              f"| {'yes' if r.holds else 'no'} |")


if __name__ == "__main__":
    sys.exit(main())
