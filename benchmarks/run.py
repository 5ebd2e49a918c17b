"""Offer Planner's performance figures, each beside a baseline measured in the same run.

    .venv/bin/python benchmarks/run.py [--quick]

Prints one table: figure, baseline, ratio, target, holds. Not part of the test suite's pass/fail.
Medians of repeated runs on this machine, Qt offscreen; wall-clock times decide, CPU times (user +
system, steadier on a shared machine) are in the notes. The app is started through its real entry
point on generated data files (benchmarks/data.py: every part a user enters), and times both stages
of its start: the list's first paint and the whole window ready. The packaged app (PyInstaller
folder) is measured when one is built outside the checkout: `python3 packaging/build.py --dist
~/.cache/offer-planner-bench/bundle` (or set OFFER_PLANNER_BUNDLE to its folder).
"""

from __future__ import annotations

import argparse
import os
import resource
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
if os.environ.pop("PYTHONDONTWRITEBYTECODE", None):
    # Every start is timed as a user's is, with the app's modules already compiled (pip and pipx
    # compile them at install; a checkout keeps its __pycache__): where this machine's setting says
    # to write no bytecode, each timed process would otherwise compile app/ and ui/ anew, a cost the
    # bare window's baseline never pays. The bytecode goes to .venv/pycache, as `dev.py test` keeps it.
    os.environ.setdefault("PYTHONPYCACHEPREFIX", str(ROOT / ".venv" / "pycache"))
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


def environment(folder: Path) -> dict[str, str]:
    """What the app and the bare window are both started with: offscreen, no Qt or XDG settings from
    the caller's session (a QT_QPA_PLATFORM=wayland there would have put the bare window on another
    platform than the app), a fresh home."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("QT_", "XDG_"))}
    env.update(QT_QPA_PLATFORM="offscreen", HOME=str(folder / "home"), XDG_CONFIG_HOME=str(folder / "home" / "config"),
               XDG_DATA_HOME=str(folder / "home" / "data"))
    return env


def child(folder: Path, *args: str) -> tuple[float, float, float]:
    """The bare-window baseline: (seconds to first paint, MB resident, CPU seconds), started as the app is."""
    out = subprocess.run([PYTHON, str(CHILD), *args], capture_output=True, text=True, check=True, cwd=folder,
                         env=environment(folder))
    seconds, rss, cpu = out.stdout.split()
    return float(seconds), float(rss), float(cpu)


def launch(db: Path, folder: Path, executable: Path | None = None) -> dict[str, tuple[float, float, float]]:
    """Start the app through its real entry point (or the packaged executable) on `db`, as a user does;
    {"first_paint": (s, MB, CPU s), "ready": (…)}: the list painted, then the whole window painted."""
    command = [str(executable)] if executable else [PYTHON, "-m", "ui.launcher"]
    env = environment(folder) | {"OFFER_PLANNER_STARTUP_PROBE": "1"}
    # the probe leaves without tearing down: remove its lock, as a window closed normally does
    db.with_name(db.name + ".lock").unlink(missing_ok=True)
    out = subprocess.run([*command, "--db", str(db)], capture_output=True, text=True, check=True, cwd=folder,
                         env=env, timeout=300)
    stages = {}
    for line in out.stdout.splitlines():
        label, seconds, rss, cpu = line.split()
        stages[label] = (float(seconds), float(rss), float(cpu))
    return stages


def medians(runs: list[dict[str, tuple[float, float, float]]], stage: str) -> tuple[float, float, float]:
    return tuple(median([r[stage][i] for r in runs]) for i in range(3))  # type: ignore[return-value]


BUNDLE = Path(os.environ.get("OFFER_PLANNER_BUNDLE", Path.home() / ".cache/offer-planner-bench/bundle/offer-planner"))


def startup(runs: int, folder: Path) -> list[Result]:
    db50 = data.data_file(folder / "fifty.sqlite3", 50)
    db1k = data.data_file(folder / "thousand.sqlite3", 1000)
    db10k = data.data_file(folder / "tenk.sqlite3", 10_000)
    child(folder, "bare")  # warm the file cache (and make today's backups) before measuring
    for db in (db50, db1k, db10k):
        launch(db, folder)
    bare = [child(folder, "bare") for _ in range(runs)]
    fifty = [launch(db50, folder) for _ in range(runs)]
    tenk = [launch(db10k, folder) for _ in range(max(3, runs // 2))]
    thousand = [launch(db1k, folder) for _ in range(3)]
    bare_t, bare_rss, bare_cpu = (median([b[i] for b in bare]) for i in range(3))
    f_t, _, f_cpu = medians(fifty, "first_paint")
    fr_t, _, fr_cpu = medians(fifty, "ready")
    t_t, _, t_cpu = medians(tenk, "first_paint")
    tr_t, _, tr_cpu = medians(tenk, "ready")
    _, k_rss_first, _ = medians(thousand, "first_paint")
    _, k_rss, _ = medians(thousand, "ready")
    results = [
        Result("Start to first paint, 50 offers", f_t * 1000, bare_t * 1000, "ms", f_t / bare_t,
               "≤ 1.3 × bare QMainWindow", f_t / bare_t <= 1.3,
               f"CPU {f_cpu * 1000:.0f} vs {bare_cpu * 1000:.0f} ms = {f_cpu / bare_cpu:.2f}; the whole window "
               f"ready at {fr_t * 1000:.0f} ms = {fr_t / bare_t:.2f} × (CPU {fr_cpu * 1000:.0f} ms)"),
        Result("Start to first paint, 10,000 offers", t_t * 1000, f_t * 1000, "ms", t_t / f_t,
               "≤ 1.5 × the 50-offer case", t_t / f_t <= 1.5,
               f"CPU {t_cpu / f_cpu:.2f} ×; the whole window ready at {tr_t * 1000:.0f} ms = "
               f"{tr_t / fr_t:.2f} × the 50-offer window (CPU {tr_cpu / fr_cpu:.2f} ×)"),
        Result("Resident memory, 1,000 offers, the whole window ready", k_rss, bare_rss, "MB", k_rss / bare_rss,
               "≤ bare + 60 MB", k_rss <= bare_rss + 60,
               f"+{k_rss - bare_rss:.0f} MB; +{k_rss_first - bare_rss:.0f} MB at the first paint"),
    ]
    return results + packaged(runs, folder, db50, bare_t, f_t)


def packaged(runs: int, folder: Path, db50: Path, bare_t: float, source_t: float) -> list[Result]:
    """The PyInstaller app folder's start beside the source start (built once, outside the checkout)."""
    executable = BUNDLE / "offer-planner"
    name = "Packaged app (PyInstaller folder): start to first paint, 50 offers"
    if not executable.exists():
        print(f"(no packaged app at {BUNDLE}: build one with `python3 packaging/build.py --dist "
              f"{BUNDLE.parent}` or set OFFER_PLANNER_BUNDLE; its line is left out)", file=sys.stderr)
        return []
    info_file = BUNDLE / "build-info.txt"
    info = info_file.read_text(encoding="utf-8").split() if info_file.exists() else []
    commit = info[info.index("commit") + 1] if "commit" in info else "unknown"
    launch(db50, folder, executable)
    bundle = [launch(db50, folder, executable) for _ in range(runs)]
    b_t, _, b_cpu = medians(bundle, "first_paint")
    br_t, _, _ = medians(bundle, "ready")
    return [Result(name, b_t * 1000, bare_t * 1000, "ms", b_t / bare_t, "≤ 1.3 × bare QMainWindow", b_t / bare_t <= 1.3,
                   f"from source {source_t * 1000:.0f} ms; CPU {b_cpu * 1000:.0f} ms; the whole window ready at "
                   f"{br_t * 1000:.0f} ms; built from {commit}")]


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

    def run(count: int) -> tuple[float, float]:
        """Median wall seconds and median CPU seconds (user + system) of `evaluate FILE --json`."""
        path = data.write_offer_file(folder / f"eval-{count}.json", count)
        walls, cpus = [], []
        for _ in range(runs):
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            start = time.perf_counter()
            subprocess.run([str(exe), "evaluate", str(path), "--json"], stdout=subprocess.DEVNULL, check=True)
            walls.append(time.perf_counter() - start)
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            cpus.append(after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime)
        return median(walls), median(cpus)

    run(0)  # warm: the file cache and compiled modules, as in a user's second start
    empty, empty_cpu = run(0)
    measured = {n: run(n) for n in (100, 1000, 10_000)}
    costs = {n: wall - empty for n, (wall, _) in measured.items()}
    cpu = {n: c - empty_cpu for n, (_, c) in measured.items()}
    per = {n: costs[n] / n * 1000 for n in costs}
    linear = per[10_000] <= per[100] * 1.5 + 0.05
    return [
        Result("evaluate 1,000 offers, beyond start-up", costs[1000] * 1000, empty * 1000, "ms", costs[1000] / 1.0,
               "≤ 1 s beyond start-up (ratio to 1 s)", costs[1000] <= 1.0,
               f"baseline: evaluate of 0 offers; CPU {cpu[1000] * 1000:.0f} ms beyond {empty_cpu * 1000:.0f} ms"),
        Result("evaluate cost per offer: 100 / 1,000 / 10,000", per[10_000], per[100], "ms", per[10_000] / per[100],
               "grows linearly (per-offer cost flat)", linear,
               f"{per[100]:.2f} / {per[1000]:.2f} / {per[10_000]:.2f} ms per offer; CPU "
               f"{cpu[100] / 100 * 1000:.2f} / {cpu[1000] / 1000 * 1000:.2f} / {cpu[10_000] / 10_000 * 1000:.2f}"),
    ]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true", help="fewer repetitions")
    args = parser.parse_args()
    runs = 3 if args.quick else 7
    started = os.getloadavg()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        results = startup(runs, folder) + in_window(folder, 10 if args.quick else 30) + evaluate(folder, runs // 2 + 1)
    print_table(results)
    load = os.getloadavg()
    print(f"\nLoad average at the start: {started[0]:.1f} / {started[1]:.1f} / {started[2]:.1f}, at the end: "
          f"{load[0]:.1f} / {load[1]:.1f} / {load[2]:.1f} (1 / 5 / 15 min) on "
          f"{os.cpu_count()} cores. Wall-clock figures decide \"holds\"; CPU figures (in the notes) are steadier "
          "when the machine is shared.")
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
