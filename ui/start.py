"""Starting the desktop app in two stages: first paint the offer list, then import and build the rest.

Stage one imports only Qt and the standard library: it takes the data file's single-instance lock
and, when the file already holds offers, shows the list read with one plain `sqlite3` query of the
stored summaries (ui.first_paint, app.summary), its year-1 amounts written as the real list writes
them in the user's locale from what the real window remembered in the settings (ui.list_money; the
first start in a locale, with nothing remembered, asks ui.format and Babel). Stage two
(ui.main.run_app) imports the domain (pydantic), the store (sqlite-utils) and the editor, opens the
file with every check, builds the real window in the same place and closes the first one. A file
the first stage can't read this way (new, older or newer schema, another program's, locked) simply
gets no early paint.

OFFER_PLANNER_STARTUP_PROBE=1 (the benchmarks) prints, on standard output, the seconds since the
process started, the resident memory (MB) and the CPU seconds used at the first paint and when the
real window has painted ("first_paint …", "ready …"), then exits; =first_paint exits after the first
(to count stage one's instructions under callgrind).
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QEventLoop, QLocale, QLockFile, QObject, QSettings, QTimer
from PySide6.QtWidgets import QApplication, QWidget

if TYPE_CHECKING:
    from app.summary import OfferSummary
    from ui.first_paint import FirstPaintWindow

PROBE = "OFFER_PLANNER_STARTUP_PROBE"
APP_NAME, ORGANIZATION = "Offer Planner", "OfferPlanner"  # as ui.main.make_application sets them


def run(db: str | None = None, argv: list[str] | None = None) -> int:
    """The desktop app: stage one here, then ui.main.run_app (which runs the event loop)."""
    if QApplication.instance() is None:
        # (ui.main.make_application's PassThrough scaling is Qt 6's default: setting it here would
        # import the Qt namespace's enums, which stage one avoids; see ui.first_paint)
        QApplication(argv if argv is not None else sys.argv[:1])
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(ORGANIZATION)
    if db is None:
        from app.paths import default_db_path  # (platformdirs: only when no --db is given)

        db = str(default_db_path())
    path = Path(db).expanduser().absolute()
    probe = bool(os.environ.get(PROBE))
    lock = QLockFile(str(path.with_name(path.name + ".lock")))
    lock.setStaleLockTime(0)
    first: FirstPaintWindow | None = None
    if path.is_file() and lock.tryLock(0):
        first = _first_paint(path, probe)
    else:
        lock = None  # type: ignore[assignment]  # another window has the file (or none yet): stage two decides

    from ui.main import run_app  # stage two: everything else

    ready = _probe_ready if probe else None
    return run_app(db=str(path), argv=argv, first_paint=first, lock=lock, ready=ready)


def _first_paint(path: Path, probe: bool) -> FirstPaintWindow | None:
    """Show the list from the stored summaries and return once it has painted (None: no early paint)."""
    try:
        from app.summary import read_summaries

        summaries = read_summaries(path)
        if not summaries:
            return None
        from ui.first_paint import FirstPaintWindow

        settings = QSettings()
        painted: list[bool] = []
        window = FirstPaintWindow(f"Offer Planner — {path.name}", summaries, _money_writer(settings, summaries),
                                  settings, painted=lambda: painted.append(True))
        window.show()
        app = QApplication.instance()
        deadline = time.monotonic() + 2.0
        while not painted and time.monotonic() < deadline:
            app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)  # type: ignore[union-attr]
        if probe:
            _report("first_paint")
            if os.environ.get(PROBE) == "first_paint":
                os._exit(0)
        return window
    except Exception:  # the first paint is an optimisation: stage two starts the ordinary way
        return None


def _money_writer(settings: QSettings, summaries: list[OfferSummary]) -> Callable[[int, str], str]:
    """How the list writes year-1 totals in the user's locale: from what the real window remembered
    (ui.list_money: no Babel), or, when it remembered another locale or not every currency, ui.format."""
    from ui.list_money import SETTINGS_KEY, ListMoney

    locale = QLocale.system().name()  # what ui.main.make_application gives ui.format.set_locale
    remembered = ListMoney.loads(settings.value(SETTINGS_KEY))
    if (remembered is not None and remembered.locale == locale
            and all(row.currency in remembered.affixes for row in summaries if row.year_one_cents is not None)):
        return remembered.text  # type: ignore[return-value]  # (None only for a currency not remembered)
    from decimal import Decimal

    from ui import format as fmt  # Babel: the first start, or a new locale or currency

    fmt.set_locale(locale)
    return lambda cents, currency: fmt.money(Decimal(cents).scaleb(-2), currency, cents=True)


class _Painted(QObject):
    def __init__(self, action: Any):
        super().__init__()
        self._action: Any = action

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and self._action is not None:
            action, self._action = self._action, None
            QTimer.singleShot(0, action)  # after this paint pass: the list and the editor inside paint too
        return False


def _probe_ready(window: QWidget, first_painted: bool) -> None:
    """(benchmarks) Report when the real window has painted, then leave."""

    def done() -> None:
        if not first_painted:
            _report("first_paint")
        _report("ready")
        os._exit(0)  # measured: leave without tearing down

    central = window.centralWidget() if hasattr(window, "centralWidget") else window
    watcher = _Painted(done)
    central.installEventFilter(watcher)
    window._startup_probe = watcher  # type: ignore[attr-defined]  # kept alive with the window


def _report(label: str) -> None:
    times = os.times()
    print(f"{label} {_since_start():.4f} {_rss_mb():.1f} {times.user + times.system:.3f}", flush=True)


def _since_start() -> float:
    """Seconds since this process started (from /proc, so the interpreter's own start counts too)."""
    try:
        with open("/proc/self/stat", encoding="ascii") as handle:
            start_ticks = int(handle.read().rsplit(")", 1)[1].split()[19])
        with open("/proc/uptime", encoding="ascii") as handle:
            uptime = float(handle.read().split()[0])
        return uptime - start_ticks / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, IndexError):
        return time.perf_counter()


def _rss_mb() -> float:
    try:
        with open("/proc/self/status", encoding="ascii") as handle:
            for line in handle:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0
