"""Refresh the screenshots in resources/screenshots/: the main window, the editor, the rounds of the
negotiation, a startup's options, the current job, the levers and the compare view (pay per year;
share-price growth; both after tax), in light and dark, at 1280×720 and 1600×1000, with the sample
offers and their current job, scenarios, rates and tax regions; and Settings' rates, scenarios and
after-tax tabs at the dialog's own size. Runs offscreen; no display needed. Files are named
NAME-WIDTHxHEIGHT-SCHEME.png.

    .venv/bin/python scripts/screenshots.py [--out resources/screenshots] [--locale de_DE]
"""

from __future__ import annotations

import argparse
import itertools
import os
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QSettings
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QAbstractItemView

ROOT = Path(__file__).resolve().parents[1]
SIZES = ((1280, 720), (1600, 1000))


def dark_palette() -> QPalette:
    """Fusion's dark palette, for when the platform (offscreen) can't be asked for a dark scheme."""
    p = QPalette()
    role = QPalette.ColorRole
    for r, c in {
        role.Window: "#2b2b2e", role.WindowText: "#e8e8ea", role.Base: "#1f1f22", role.AlternateBase: "#29292d",
        role.ToolTipBase: "#3a3a3e", role.ToolTipText: "#e8e8ea", role.Text: "#e8e8ea", role.Button: "#34343a",
        role.ButtonText: "#e8e8ea", role.BrightText: "#ffffff", role.Highlight: "#3d7fd6",
        role.HighlightedText: "#ffffff", role.Link: "#7cb3ff", role.LinkVisited: "#b89cff",
        role.PlaceholderText: "#8c8c92", role.Mid: "#45454b", role.Dark: "#18181b", role.Light: "#4a4a50",
        role.Midlight: "#3c3c42", role.Shadow: "#000000",
    }.items():
        p.setColor(r, QColor(c))
    p.setColor(QPalette.ColorGroup.Disabled, role.Text, QColor("#77777d"))
    p.setColor(QPalette.ColorGroup.Disabled, role.ButtonText, QColor("#77777d"))
    p.setColor(QPalette.ColorGroup.Disabled, role.WindowText, QColor("#77777d"))
    return p


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", default=str(ROOT / "resources" / "screenshots"))
    parser.add_argument("--locale", default="en_US", help="the locale figures are written in (default en_US)")
    args = parser.parse_args()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)

    from app.files import read_offer_file
    from app.resources import sample_offers_path
    from app.store import Store
    from ui.main import make_application
    from ui.main_window import COMPARE_TAB, NEGOTIATE_TAB, OFFER_TAB, MainWindow
    from ui.widgets.region_picker import catalogue
    from ui.workspace import Workspace

    app = make_application(sys.argv[:1], locale=args.locale)
    app.setStyle("Fusion")
    light = app.style().standardPalette()
    sample = read_offer_file(sample_offers_path())
    with tempfile.TemporaryDirectory() as folder:
        store = Store.open(Path(folder) / "offers.sqlite3")
        workspace = Workspace(store, today=lambda: sample.as_of or date.today())
        catalogue().request()  # the tax regions' names, read off the GUI thread as the app does
        while catalogue().regions() is None:
            app.processEvents()
        workspace.update_settings(sample.settings)  # rates, scenarios, the current job: as the sample has them
        workspace.import_offers(sample.offers)
        settings = QSettings(str(Path(folder) / "ui.ini"), QSettings.Format.IniFormat)
        schemes = (("light", light), ("dark", dark_palette()))
        for (width, height), (scheme, palette) in itertools.product(SIZES, schemes):
            app.setPalette(palette)
            settings.clear()  # each size starts as a first start would: the list takes its share
            window = MainWindow(workspace, settings)
            window.resize(width, height)
            window.show()
            shots = [
                ("main", OFFER_TAB, "sample-lumen"),
                ("editor", OFFER_TAB, "sample-kestrel"),
                ("rounds", OFFER_TAB, "sample-lumen"),
                ("options", OFFER_TAB, "sample-kestrel"),
                ("job", OFFER_TAB, ""),
                ("levers", NEGOTIATE_TAB, "sample-lumen"),
                ("compare", COMPARE_TAB, "sample-lumen"),
                ("compare-growth", COMPARE_TAB, "sample-lumen"),
                ("compare-after-tax", COMPARE_TAB, "sample-lumen"),
                ("compare-after-tax-growth", COMPARE_TAB, "sample-lumen"),
            ]
            for name, tab, offer_id in shots:
                if name == "job":  # the current job's form, from its entry at the top of the list
                    window.show_current_job()
                    window.job_form.scroll_area.verticalScrollBar().setValue(0)
                else:
                    window.select_offer(offer_id)
                    window.tabs.setCurrentIndex(tab)
                if name.startswith("compare"):  # Stay and all four samples, the differences under the values
                    view = window.compare_view
                    view.set_checked([o.id for o in workspace.offers()])
                    view.show_differences_check.setChecked(True)
                    view.after_tax_check.setChecked("after-tax" in name)  # each place's estimated tax taken off
                    # the pay charts, then share-price growth with the break-even lines against staying
                    growth = name.endswith("-growth")
                    view.charts.setCurrentIndex(1 if growth else 0)
                    if growth:  # the table at the total, its range and the scenario rows
                        total = view.proxy.mapFromSource(view.model.index(view.model.row_of("total"), 1))
                        view.table.scrollTo(total, QAbstractItemView.ScrollHint.PositionAtTop)
                    else:
                        view.table.scrollToTop()
                for _ in range(3):
                    app.processEvents()
                if name == "editor":  # further down the editor: the timeline, its strip, the signals
                    window.form.scroll.ensureWidgetVisible(window.form.strip, 0, 320)
                    app.processEvents()
                if name == "rounds":  # the negotiation so far: its rounds, and copying the company's answer
                    rounds = window.form.rounds
                    bar = window.form.scroll.verticalScrollBar()
                    bar.setValue(rounds.mapTo(window.form.content, rounds.rect().topLeft()).y() - 110)
                    app.processEvents()
                if name == "options":  # a startup's option grant: its details and what they mean
                    grant = window.form.equity.rows()[0]
                    bar = window.form.scroll.verticalScrollBar()
                    bar.setValue(grant.mapTo(window.form.content, grant.rect().topLeft()).y() - 40)
                    app.processEvents()
                path = out / f"{name}-{width}x{height}-{scheme}.png"
                window.grab().save(str(path))
                print(path.relative_to(ROOT) if path.is_relative_to(ROOT) else path)
            if (width, height) == SIZES[0]:  # Settings keeps its own size: once per scheme
                for tab in ("rates", "scenarios", "tax"):
                    window.open_settings(tab)
                    dialog = window.settings_dialog
                    if tab == "rates":  # a display currency without a rate: the ECB's rate is proposed
                        dialog.currency.setCurrentText("EUR")
                        deadline = time.monotonic() + 30
                        while dialog.lookups.pending() and time.monotonic() < deadline:
                            app.processEvents()
                            time.sleep(0.02)
                    for _ in range(3):
                        app.processEvents()
                    path = out / f"settings-{tab}-{dialog.width()}x{dialog.height()}-{scheme}.png"
                    dialog.grab().save(str(path))
                    print(path.relative_to(ROOT) if path.is_relative_to(ROOT) else path)
                    dialog.reject()
            window.close()
            window.deleteLater()
            app.processEvents()
        store.close()
    app.setPalette(light)
    return 0


if __name__ == "__main__":
    sys.exit(main())
