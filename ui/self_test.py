"""`offer-planner --self-test`: the real app, offscreen, on throwaway files; exit 0 only if it all works.

It opens the main window, loads the sample offers into a temporary data file (as the window's
"Load sample offers" button does), checks the window painted, renders a negotiation brief for the
first offer into a temporary folder and checks the PDF. Nothing of the user's is read or written.
packaging/build.py runs it against the built app folder, so a bundle that lacks a Qt plugin, a
resource or a module fails the build instead of failing on someone's desktop.
"""

from __future__ import annotations

import os
import re
import sys
import tempfile
import traceback
from pathlib import Path
from typing import TextIO

# Modules the brief needs; missing from a checkout or a bundle means "no brief in this build".
BRIEF_MODULES = ("app.brief", "ui.pdf", "ui.pdf.brief_pdf")


class SelfTestFailure(Exception):
    """A check failed: the message says which one and what was found."""


def run_self_test(out: TextIO | None = None, err: TextIO | None = None) -> int:
    """Run every check; print one line saying what passed, or what failed. 0 if all passed, else 1."""
    out = out or sys.stdout
    err = err or sys.stderr
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before the QApplication: no window on screen
    passed: list[str] = []
    try:
        with tempfile.TemporaryDirectory(prefix="offer-planner-self-test-") as folder:
            _run_checks(Path(folder), passed)
    except SelfTestFailure as exc:
        done = f" (passed: {', '.join(passed)})" if passed else ""
        err.write(f"self-test: FAILED: {exc}{done}\n")
        return 1
    except Exception:
        err.write(f"self-test: FAILED with an unexpected error:\n{traceback.format_exc()}")
        return 1
    from app import __version__

    out.write(f"self-test (Offer Planner {__version__}): {', '.join(passed)} — all good\n")
    return 0


def _run_checks(folder: Path, passed: list[str]) -> None:
    from PySide6.QtCore import QEvent, QSettings
    from PySide6.QtWidgets import QApplication

    from app.files import read_offer_file
    from app.resources import sample_offers_path
    from app.store import Store
    from ui.main import make_application
    from ui.main_window import MainWindow
    from ui.workspace import Workspace

    app = make_application()
    if app.windowIcon().isNull() or app.windowIcon().pixmap(32, 32).isNull():
        raise SelfTestFailure("the app icon did not load (resources/icons, or Qt's SVG icon engine, is missing)")
    passed.append("icon ok")

    db = folder / "offers.sqlite3"
    store = Store.open(db)
    window = MainWindow(Workspace(store), QSettings(str(folder / "ui.ini"), QSettings.Format.IniFormat))
    try:
        window.resize(1200, 800)
        window.show()
        window.load_samples()
        for _ in range(3):
            app.processEvents()
        image = window.grab().toImage()
        if image.isNull() or image.width() < 100 or image.height() < 100:
            raise SelfTestFailure(f"the main window did not paint (grabbed {image.width()}×{image.height()})")
        step = max(1, min(image.width(), image.height()) // 40)
        colours = {image.pixel(x, y) for x in range(0, image.width(), step) for y in range(0, image.height(), step)}
        if len(colours) < 3:
            raise SelfTestFailure("the main window painted a blank picture")
        passed.append("window ok")

        expected = read_offer_file(sample_offers_path()).offers
        with Store.open(db) as reopened:  # what is on disk, through a second connection
            saved = reopened.list_offers()
        if [o.id for o in saved] != [o.id for o in expected]:
            raise SelfTestFailure(f"the sample offers were not saved ({len(saved)} of {len(expected)} in the file)")
        if window.proxy.rowCount() != len(expected):
            raise SelfTestFailure(f"the offer list shows {window.proxy.rowCount()} offers, not {len(expected)}")
        passed.append(f"{len(saved)} sample offers")

        offer = expected[0]
        pages = _check_brief(window.workspace, offer.id, offer.company, folder / "brief")
        passed.append(f"brief ok ({pages} page{'s' if pages != 1 else ''})")
    finally:
        window.close()
        window.deleteLater()
        QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        app.processEvents()
        store.close()


def _check_brief(workspace, offer_id: str, company: str, folder: Path) -> int:
    """Render the offer's brief into `folder`, check the PDF, and return its page count."""
    try:
        from app.brief import build_brief
        from ui.pdf.brief_pdf import render_brief_pdf
    except ModuleNotFoundError as exc:
        if exc.name not in BRIEF_MODULES:
            raise
        raise SelfTestFailure(f"the negotiation brief is not in this build (no module {exc.name})") from None
    folder.mkdir()
    path = folder / f"{offer_id}.pdf"
    brief = build_brief(workspace.evaluator(), offer_id, as_of=workspace.as_of())
    render_brief_pdf(brief, path)
    if not path.is_file():
        raise SelfTestFailure(f"the brief was not written to {path}")
    data = path.read_bytes()
    if not data.startswith(b"%PDF-") or b"%%EOF" not in data[-1024:]:
        raise SelfTestFailure(f"the brief is not a complete PDF ({len(data)} bytes)")
    if len(data) <= 1024:
        raise SelfTestFailure(f"the brief is too small to hold anything ({len(data)} bytes)")
    try:
        import pypdf  # in the test environment, not in the bundle: read the text back there
    except ImportError:
        # Qt writes each page as an uncompressed "/Type /Page" dictionary
        pages = len(re.findall(rb"/Type\s*/Page(?![a-zA-Z])", data))
    else:
        reader = pypdf.PdfReader(path)
        pages = len(reader.pages)
        text = "".join("".join(page.extract_text() or "" for page in reader.pages).split())
        if "".join(company.split()) not in text:
            raise SelfTestFailure(f"the brief does not name the company ({company!r})")
    if pages < 1:
        raise SelfTestFailure("the brief has no pages")
    return pages
