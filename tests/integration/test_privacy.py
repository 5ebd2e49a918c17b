"""Nothing sent, nothing readable by others.

End to end with the network made to fail: start (single instance, crash handler, open, today's
backup), load the samples, edit, negotiate, compare, import, export, export a brief, restore a backup,
quit — and no socket to anywhere was even created. (The single-instance channel is a Unix-domain
socket made by Qt, QLocalServer, never a network one.) A static check keeps network modules out of
the code. And the data file, its backups and the log are the user's alone (0600, folders 0700).
"""

from __future__ import annotations

import ast
import importlib.util
import json
import os
import socket
import stat
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox

from app.models import Offer
from app.store import Store
from app.store.backup import backup_if_due, list_backups
from ui.crash import CrashHandler, log_folder
from ui.main import Session, SingleInstance
from ui.main_window import COMPARE_TAB, NEGOTIATE_TAB, OFFER_TAB
from ui.restore_dialog import RestoreDialog

ROOT = Path(__file__).resolve().parents[2]

@pytest.fixture
def no_network(monkeypatch):
    """Every way Python code reaches the network raises, and is recorded."""
    attempts: list[str] = []
    families: list[int] = []
    real_init = socket.socket.__init__

    def init(self, family=-1, type=-1, proto=-1, fileno=None):
        families.append(family)
        if family in (socket.AF_INET, socket.AF_INET6, -1):
            attempts.append(f"socket({family!r})")
            raise OSError("the network is off in this test")
        real_init(self, family, type, proto, fileno)

    def refuse(name: str):
        def refused(*args, **kwargs):
            attempts.append(f"{name}{args!r}")
            raise OSError(f"the network is off in this test ({name})")

        return refused

    monkeypatch.setattr(socket.socket, "__init__", init)
    for name in ("connect", "connect_ex", "sendto", "bind"):
        monkeypatch.setattr(socket.socket, name, refuse(f"socket.{name}"))
    for name in ("create_connection", "create_server", "getaddrinfo", "gethostbyname", "gethostbyname_ex",
                 "gethostbyaddr", "getnameinfo"):
        monkeypatch.setattr(socket, name, refuse(name))
    yield attempts, families


def test_the_app_end_to_end_never_touches_the_network(qtbot, tmp_path, monkeypatch, no_network):
    attempts, families = no_network
    db = tmp_path / "data" / "offers.sqlite3"
    with Store.open(db) as store:  # yesterday's data and backup, so today's backup is due
        store.save_offer(Offer(id="yesterday", company="Yesterday Inc", role="Engineer", base_salary=100000))
        backup_if_due(store, today=date(2020, 1, 1))
        store.save_offer(Offer(id="since", company="Since Then", role="Engineer"))
    save_to = {"brief": tmp_path / "brief.pdf", "offers": tmp_path / "exported.json"}
    incoming = tmp_path / "incoming.json"
    incoming.write_text(json.dumps({"format": "offer-planner/1", "offers": [
        {"id": "incoming", "company": "Incoming GmbH", "role": "Staff Engineer", "currency": "EUR",
         "base_salary": 120000}]}), encoding="utf-8")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(incoming), ""))
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName",
        lambda parent, caption, *a, **k: (str(save_to["brief" if "brief" in caption.lower() else "offers"]), ""),
    )

    instance = SingleInstance(db)
    assert instance.acquire()
    session = Session(db, QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat), instance)
    crashes = CrashHandler(log_folder(db), window=lambda: session.window).install()
    try:
        assert session.open()
        window = session.start()
        qtbot.addWidget(window)
        session.wait_for_backup()
        assert [b.day for b in list_backups(db)] == [date.today(), date(2020, 1, 1)]

        window.load_samples()
        window.select_offer("sample-lumen")
        window.tabs.setCurrentIndex(OFFER_TAB)
        window.form.base_salary.setFocus()
        window.form.base_salary.selectAll()
        with qtbot.waitSignal(window.workspace.saved):
            qtbot.keyClicks(window.form.base_salary, "201k")
            qtbot.keyClick(window.form.base_salary, Qt.Key.Key_Return)
        for tab in (NEGOTIATE_TAB, COMPARE_TAB):
            window.tabs.setCurrentIndex(tab)
            window.grab()  # paints the panels, the table and the charts
        window.import_file()
        assert window.workspace.offer("incoming") is not None
        window.export_file()
        assert json.loads(save_to["offers"].read_text())["offers"]
        if importlib.util.find_spec("ui.pdf") is not None and window.brief_action.isEnabled():
            window.select_offer("sample-lumen")
            window.brief_action.trigger()
            assert save_to["brief"].read_bytes().startswith(b"%PDF")
        window.restore_action.trigger()
        dialog = window.findChild(RestoreDialog)
        dialog.list.setCurrentRow(dialog.list.count() - 1)  # the oldest: yesterday's
        dialog.accept()
        assert [o.id for o in session.window.workspace.offers()] == ["yesterday"]
        # every message box left open, the brief's "saved" note of the window before the restore too:
        # a box still shown would be found by the next test in this process
        for box in QApplication.topLevelWidgets():
            if isinstance(box, QMessageBox):
                box.close()
    finally:
        crashes.uninstall()
        session.close()
        instance.release()

    assert attempts == []
    assert not [f for f in families if f in (socket.AF_INET, socket.AF_INET6)]


_NETWORK_MODULES = {
    "socket", "ssl", "http", "urllib", "ftplib", "smtplib", "poplib", "imaplib", "telnetlib", "xmlrpc",
    "socketserver", "asyncio", "requests", "httpx", "aiohttp", "urllib3", "websocket", "websockets",
    "PySide6.QtWebEngineCore", "PySide6.QtWebEngineWidgets", "PySide6.QtWebSockets", "PySide6.QtHttpServer",
}
_LOCAL_ONLY = {"QLocalServer", "QLocalSocket"}  # Unix-domain sockets / named pipes: the single-instance channel


def test_no_code_imports_a_network_module():
    found = []
    for folder in ("app", "ui"):
        for path in (ROOT / folder).rglob("*.py"):
            tree = ast.parse(path.read_text(encoding="utf-8"))
            for node in ast.walk(tree):
                if isinstance(node, ast.Import):
                    names = [(alias.name, None) for alias in node.names]
                elif isinstance(node, ast.ImportFrom) and node.module:
                    names = [(node.module, alias.name) for alias in node.names]
                else:
                    continue
                for module, name in names:
                    top = module.split(".")[0]
                    if top in _NETWORK_MODULES or module in _NETWORK_MODULES:
                        found.append(f"{path.relative_to(ROOT)}: {module}")
                    if module == "PySide6.QtNetwork" and name not in _LOCAL_ONLY:
                        found.append(f"{path.relative_to(ROOT)}: QtNetwork.{name}")
                    if module == "PySide6" and name in ("QtNetwork", "QtWebEngineCore", "QtWebEngineWidgets"):
                        found.append(f"{path.relative_to(ROOT)}: PySide6.{name}")
    assert found == []


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_the_data_file_its_backups_and_the_log_are_the_users_alone(qtbot, tmp_path):
    old_umask = os.umask(0o022)  # the usual umask, which would make new files readable by all
    try:
        db = tmp_path / "home" / "data" / "offers.sqlite3"
        with Store.open(db) as store:
            store.save_offer(Offer(id="a", company="A", role="Engineer"))
        session = Session(db, QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat))
        try:
            assert session.open()
            qtbot.addWidget(session.start())
            session.wait_for_backup()  # today's backup
            session.window.workspace.add_offer(Offer(id="b", company="B", role="Engineer"))
            CrashHandler(log_folder(db)).report("Traceback: a test report\n")
            qtbot.waitUntil(lambda: (log_folder(db) / "offer-planner.log").exists())
            files = [db, Path(f"{db}-wal"), Path(f"{db}-shm")]
            files += list((db.parent / "backups").iterdir()) + list(log_folder(db).iterdir())
            assert len(files) == 5
            assert {str(p.relative_to(db.parent)): _mode(p) for p in files} == {
                str(p.relative_to(db.parent)): 0o600 for p in files
            }
            folders = [db.parent, db.parent / "backups", log_folder(db)]
            assert {p.name: _mode(p) for p in folders} == {p.name: 0o700 for p in folders}
        finally:
            session.close()
    finally:
        os.umask(old_umask)
