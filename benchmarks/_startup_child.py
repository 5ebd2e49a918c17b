"""Child process for the start-up benchmark: time from process start to the first paint.

    python benchmarks/_startup_child.py bare
    python benchmarks/_startup_child.py app DB_PATH

Prints one line: the seconds from interpreter start (as the OS saw it) to the first paint of the
central widget, the resident memory (MB) and the CPU seconds used (user + system) at that moment.
Both variants are started the same way, so their ratio is what the app adds.

(benchmarks/run.py now starts the app through its real entry point, `python -m ui.launcher --db PATH`
with OFFER_PLANNER_STARTUP_PROBE=1, which reports the same figures for both stages of its start; the
`app` mode here builds the main window directly, as the first benchmarks did.)
"""

from __future__ import annotations

import os
import sys
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def _since_start() -> float:
    """Seconds since this process started (from /proc, so interpreter start-up counts too)."""
    try:
        with open("/proc/self/stat", encoding="ascii") as handle:
            start_ticks = int(handle.read().rsplit(")", 1)[1].split()[19])
        with open("/proc/uptime", encoding="ascii") as handle:
            uptime = float(handle.read().split()[0])
        return uptime - start_ticks / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, IndexError):
        return time.perf_counter()


def _rss_mb() -> float:
    with open("/proc/self/status", encoding="ascii") as handle:
        for line in handle:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


def main() -> int:
    from PySide6.QtCore import QEvent, QObject
    from PySide6.QtWidgets import QApplication

    class FirstPaint(QObject):
        def eventFilter(self, watched, event):
            if event.type() == QEvent.Type.Paint:
                times = os.times()
                print(f"{_since_start():.4f} {_rss_mb():.1f} {times.user + times.system:.3f}", flush=True)
                os._exit(0)  # measured: leave without tearing down
            return False

    mode = sys.argv[1]
    if mode == "bare":
        from PySide6.QtWidgets import QLabel, QMainWindow

        app = QApplication(sys.argv[:1])
        window = QMainWindow()
        window.setCentralWidget(QLabel("Offer Planner"))
    else:
        from ui.main import make_application

        app = make_application(sys.argv[:1])
        from PySide6.QtCore import QSettings

        from app.store import Store
        from ui.main_window import MainWindow
        from ui.workspace import Workspace

        store = Store.open(sys.argv[2])
        # never QSettings(os.devnull): saving settings renames a temp file over /dev/null (as root)
        ui_ini = os.path.join(os.path.dirname(os.path.abspath(sys.argv[2])), "ui.ini")
        window = MainWindow(Workspace(store), QSettings(ui_ini, QSettings.Format.IniFormat))
    watcher = FirstPaint()
    window.centralWidget().installEventFilter(watcher)
    window.resize(1280, 800)
    window.show()
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
