"""The installable app: one id and one version everywhere, valid desktop metadata, icons, --self-test.

The build itself (packaging/build.py, several minutes) is not run here; it runs `--self-test` against
the app folder it built. desktop-file-validate and appstreamcli come from Debian's desktop-file-utils
and appstream packages: .ci/run installs them when it can, and these checks are skipped without them.
"""

from __future__ import annotations

import ast
import configparser
import importlib.util
import json
import os
import re
import shutil
import struct
import subprocess
import sys
import tomllib
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

import app
from tests.examples import THREE_OFFERS_JSON
from ui.cli import main as cli_main
from ui.main_window import APP_ID

ROOT = Path(__file__).resolve().parents[2]
PACKAGING = ROOT / "packaging"
DESKTOP = PACKAGING / f"{APP_ID}.desktop"
METAINFO = PACKAGING / f"{APP_ID}.metainfo.xml"
ICON_SVG = ROOT / "resources" / "icons" / f"{APP_ID}.svg"
HICOLOR = PACKAGING / "icons" / "hicolor"
ICON_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
VERSION = PYPROJECT["project"]["version"]
BRIEF_AVAILABLE = all(importlib.util.find_spec(name) is not None for name in ("app.brief", "ui.pdf.brief_pdf"))


def desktop_entry() -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None, strict=True)
    parser.optionxform = str  # keys are case-sensitive
    parser.read(DESKTOP, encoding="utf-8")
    return parser["Desktop Entry"]


def metainfo() -> ET.Element:
    return ET.parse(METAINFO).getroot()


def build_module():
    """packaging/build.py as a module (it is a script, not a package; importing it runs nothing)."""
    spec = importlib.util.spec_from_file_location("offer_planner_build", PACKAGING / "build.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


# --- validators from Debian's packages -----------------------------------------------------------


def _tool(name: str, package: str) -> str:
    path = shutil.which(name)
    if path is None:
        pytest.skip(f"{name} is not installed (Debian package {package}); .ci/run installs it when it can")
    return path


def test_desktop_file_validates():
    tool = _tool("desktop-file-validate", "desktop-file-utils")
    result = subprocess.run([tool, str(DESKTOP)], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.strip() == "", result.stdout  # not even a hint


def test_metainfo_validates():
    tool = _tool("appstreamcli", "appstream")
    result = subprocess.run(
        [tool, "validate", "--no-net", "--explain", str(METAINFO)], capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stdout + result.stderr
    # errors (E:) and warnings (W:) fail; an info about <developer> (newer than Debian 12's appstream) may stay
    assert not re.search(r"^[EW]: ", result.stdout, re.MULTILINE), result.stdout


# --- one application id --------------------------------------------------------------------------


def test_app_id_is_reverse_dns():
    assert re.fullmatch(r"[a-z][a-z0-9]*(\.[a-z][a-z0-9]*){2}\.[A-Za-z][A-Za-z0-9]*", APP_ID)


def test_one_app_id_in_desktop_file_metainfo_and_icons():
    entry = desktop_entry()
    root = metainfo()
    assert DESKTOP.name == f"{APP_ID}.desktop"
    assert entry["Icon"] == APP_ID
    assert root.findtext("id") == APP_ID
    launchables = root.findall("launchable")
    assert [(e.get("type"), e.text) for e in launchables] == [("desktop-id", DESKTOP.name)]
    assert ICON_SVG.is_file()
    icon_names = {p.name for p in HICOLOR.rglob("*") if p.is_file()}
    assert icon_names == {f"{APP_ID}.png", f"{APP_ID}.svg"}


def test_the_packaging_scripts_use_the_same_id():
    for script in ("build.py", "make_icons.py"):
        (found,) = re.findall(r'^APP_ID = "([^"]+)"', (PACKAGING / script).read_text(encoding="utf-8"), re.MULTILINE)
        assert found == APP_ID, script


def test_the_desktop_file_starts_the_console_script():
    (script,) = PYPROJECT["project"]["scripts"]
    entry = desktop_entry()
    assert entry["Exec"].split()[0] == script
    assert entry["Categories"] == "Office;Finance;"
    assert [b.text for b in metainfo().iterfind("provides/binary")] == [script]
    assert [c.text for c in metainfo().iterfind("categories/category")] == ["Office", "Finance"]


def test_the_app_tells_the_desktop_its_id(qapp):
    from ui.main import make_application

    application = make_application()
    assert application.desktopFileName() == APP_ID
    assert not application.windowIcon().isNull()


def test_about_box_shows_the_id_and_the_version(qtbot, tmp_path, monkeypatch):
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QMessageBox

    from app.store import Store
    from ui.main_window import MainWindow
    from ui.workspace import Workspace

    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "about", lambda parent, title, text: shown.append(text))
    with Store.open(tmp_path / "offers.sqlite3") as store:
        window = MainWindow(Workspace(store), QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat))
        qtbot.addWidget(window)
        window.about_action.trigger()
        window.close()
    (text,) = shown
    assert APP_ID in text
    assert f"Offer Planner {VERSION}" in text


def test_metainfo_screenshots_are_the_shipped_ones():
    screenshots = metainfo().findall("screenshots/screenshot")
    assert [s.get("type") for s in screenshots].count("default") == 1
    for screenshot in screenshots:
        assert screenshot.findtext("caption")
        url = screenshot.findtext("image")
        assert url and url.startswith("https://")
        assert (ROOT / "resources" / "screenshots" / url.rsplit("/", 1)[1]).is_file(), url


# --- one version ---------------------------------------------------------------------------------


def test_one_version_in_pyproject_app_and_metainfo():
    assert app.__version__ == VERSION
    releases = metainfo().findall("releases/release")
    assert releases, "the metainfo needs a release entry"
    newest = max(releases, key=lambda r: r.get("date", ""))
    assert releases[0] is newest, "releases are listed newest first"
    assert newest.get("version") == VERSION, "add a <release> for the pyproject.toml version to the metainfo"
    assert newest.findtext("description/p")


def test_version_on_the_command_line(capsys):
    with pytest.raises(SystemExit) as exit_info:
        cli_main(["--version"])
    assert exit_info.value.code == 0
    assert capsys.readouterr().out.strip() == f"offer-planner {VERSION}"


def test_installed_console_script_prints_the_version():
    script = Path(sys.executable).with_name("offer-planner")
    if not script.exists():
        pytest.skip("the project is not installed in this Python (run `python3 dev.py test`)")
    result = subprocess.run([str(script), "--version"], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"offer-planner {VERSION}"


# --- icons ---------------------------------------------------------------------------------------


def png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()[:24]
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and data[12:16] == b"IHDR", f"{path} is not a PNG"
    return struct.unpack(">II", data[16:24])


@pytest.mark.parametrize("size", ICON_SIZES)
def test_hicolor_png_sizes(size):
    path = HICOLOR / f"{size}x{size}" / "apps" / f"{APP_ID}.png"
    assert path.is_file(), "run packaging/make_icons.py"
    assert png_size(path) == (size, size)


def test_scalable_icon_is_the_app_icon(qapp):
    from PySide6.QtSvg import QSvgRenderer

    scalable = HICOLOR / "scalable" / "apps" / f"{APP_ID}.svg"
    assert scalable.read_bytes() == ICON_SVG.read_bytes(), "run packaging/make_icons.py"
    renderer = QSvgRenderer(str(ICON_SVG))
    assert renderer.isValid()
    assert renderer.viewBox().width() == renderer.viewBox().height()


# --- the build -----------------------------------------------------------------------------------


def _qt_modules_imported() -> set[str]:
    modules: set[str] = set()
    for path in [*ROOT.glob("ui/**/*.py"), *ROOT.glob("app/**/*.py")]:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("PySide6."):
                modules.add(node.module.split(".")[1])
            elif isinstance(node, ast.Import):
                modules.update(a.name.split(".")[1] for a in node.names if a.name.startswith("PySide6."))
    return modules


def test_the_build_keeps_every_qt_module_the_app_uses_and_drops_webengine():
    build = build_module()
    used = _qt_modules_imported()
    assert {"QtCore", "QtGui", "QtWidgets"} <= used
    assert build.qt_modules_used() == used
    excluded = set(build.excluded_qt_modules())
    assert not used & excluded, "a Qt module the app imports would be left out of the bundle"
    assert {"QtWebEngineCore", "QtWebEngineWidgets", "QtQml", "QtQuick", "QtMultimedia"} <= excluded


_WITHOUT_THE_UNUSED_MODULES = """
import sys
left_out = tuple(sys.argv[4].split(","))
asked = []


class LeftOut:  # as in the bundle: these modules are not there
    def find_spec(self, name, path=None, target=None):
        if any(name == module or name.startswith(module + ".") for module in left_out):
            asked.append(name)
            raise ModuleNotFoundError(f"No module named {name!r}", name=name)
        return None


sys.meta_path.insert(0, LeftOut())
from ui.launcher import main
status = []
for argv in (["--self-test"], ["evaluate", "--json", sys.argv[1]], ["--db", sys.argv[2], "import", sys.argv[1]],
             ["--db", sys.argv[2], "list"], ["--db", sys.argv[2], "export", sys.argv[3]]):
    sys.argv[1:4] = argv
    del sys.argv[1 + len(argv):]
    status.append(main())
print(status)
print(sorted(set(asked)))
print(sorted(sys.modules))
"""


def test_the_app_works_without_the_modules_the_bundle_leaves_out(tmp_path):
    """The build leaves setuptools, mypy, multiprocessing, ctypes… out of the bundle (PyInstaller's runtime
    hooks and bootstrap would import them at every start): the window, the self-test and the commands run
    without them, in a fresh interpreter that cannot import them, as the bundle runs them."""
    build = build_module()
    assert {"setuptools", "mypy", "multiprocessing", "pydantic.mypy", "ctypes"} <= set(build.UNUSED_MODULES)
    example = tmp_path / "three-offers.json"
    example.write_text(THREE_OFFERS_JSON, encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if not k.startswith("QT_")}
    env.update(QT_QPA_PLATFORM="offscreen", HOME=str(tmp_path), XDG_CONFIG_HOME=str(tmp_path / "config"),
               XDG_DATA_HOME=str(tmp_path / "data"))
    result = subprocess.run(
        [sys.executable, "-c", _WITHOUT_THE_UNUSED_MODULES, str(example), str(tmp_path / "offers.sqlite3"),
         str(tmp_path / "out.json"), ",".join(build.UNUSED_MODULES)],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    status, asked, imported = (ast.literal_eval(line) for line in result.stdout.strip().splitlines()[-3:])
    assert status == [0, 0, 0, 0, 0], result.stderr
    assert "self-test (Offer Planner" in result.stdout and "all good" in result.stdout
    assert "ui.main_window" in imported and "app.evaluation" in imported  # the window and the domain ran
    assert json.loads((tmp_path / "out.json").read_text(encoding="utf-8"))["offers"]  # the export wrote the offers
    # Only dateutil asks for one of them: its Windows time zones (ctypes, then winreg) in a try/except.
    assert asked == ["ctypes"]


def test_the_build_names_its_archive_by_version():
    build = build_module()
    assert build.project_version() == VERSION
    assert build.archive_name(VERSION, "x86_64") == f"offer-planner-{VERSION}-linux-x86_64.tar.gz"
    assert build.metainfo_version() == VERSION


def test_install_script_installs_and_uninstalls(tmp_path):
    """install.sh, run from an unpacked app folder (here a stand-in executable), puts everything in place."""
    build = build_module()
    bundle = tmp_path / "unpacked" / "offer-planner"
    bundle.mkdir(parents=True)
    (bundle / "offer-planner").write_text(f"#!/bin/sh\necho offer-planner {VERSION}\n", encoding="utf-8")
    (bundle / "offer-planner").chmod(0o755)
    build.add_desktop_files(bundle)
    prefix = tmp_path / "prefix"
    env = {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path), "PREFIX": str(prefix)}

    result = subprocess.run(["sh", str(bundle / "install.sh")], env=env, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    command = prefix / "bin" / "offer-planner"
    assert command.is_symlink() and command.resolve() == prefix / "lib" / "offer-planner" / "offer-planner"
    assert subprocess.run([str(command)], capture_output=True, text=True, timeout=60).stdout.strip().endswith(VERSION)
    desktop = prefix / "share" / "applications" / DESKTOP.name
    assert f"Exec={command}\n" in desktop.read_text(encoding="utf-8")
    assert (prefix / "share" / "metainfo" / METAINFO.name).is_file()
    for size in ICON_SIZES:
        assert (prefix / "share" / "icons" / "hicolor" / f"{size}x{size}" / "apps" / f"{APP_ID}.png").is_file()
    if shutil.which("desktop-file-validate"):
        check = subprocess.run(["desktop-file-validate", str(desktop)], capture_output=True, text=True, timeout=60)
        assert check.returncode == 0, check.stdout

    result = subprocess.run(
        ["sh", str(bundle / "install.sh"), "--uninstall"], env=env, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    assert not command.exists() and not desktop.exists() and not (prefix / "lib" / "offer-planner").exists()
    assert not [p for p in (prefix / "share" / "icons").rglob("*") if p.is_file()]


# --- --self-test ---------------------------------------------------------------------------------


def test_self_test_needs_the_ui(capsys):
    assert cli_main(["--self-test"]) == 2
    assert "self-test needs the desktop app" in capsys.readouterr().err


def test_self_test_through_the_console_script_entry_point(qapp, monkeypatch, capsys):
    """What `offer-planner --self-test` runs, in this process (the build runs it in the built app)."""
    from ui import launcher

    monkeypatch.setattr(sys, "argv", ["offer-planner", "--self-test"])
    status = launcher.main()
    captured = capsys.readouterr()
    if BRIEF_AVAILABLE:
        assert status == 0, captured.err
        assert re.fullmatch(
            rf"self-test \(Offer Planner {re.escape(VERSION)}\): icon ok, window ok, 4 sample offers, "
            r"brief ok \(\d+ pages?\) — all good\n",
            captured.out,
        ), captured.out
    else:
        # Until the brief renderer lands (app/brief.py, ui/pdf/brief_pdf.py) the self-test must fail,
        # and say why, after every other check passed. Once it lands this branch is never taken.
        assert status == 1
        assert "the negotiation brief is not in this build" in captured.err
        assert "(passed: icon ok, window ok, 4 sample offers)" in captured.err


def test_self_test_fails_when_a_check_fails(qapp, monkeypatch, capsys):
    import app.resources
    from ui import self_test

    def broken_samples():
        raise OSError("the samples are missing from this build")

    monkeypatch.setattr(app.resources, "sample_offers_path", broken_samples)
    assert self_test.run_self_test() == 1
    err = capsys.readouterr().err
    assert "self-test: FAILED" in err
    assert "the samples are missing from this build" in err


def test_self_test_fails_clearly_without_the_brief(qapp, monkeypatch, capsys):
    from ui import self_test

    monkeypatch.setitem(sys.modules, "ui.pdf.brief_pdf", None)  # as in a build that left the renderer out
    assert self_test.run_self_test() == 1
    err = capsys.readouterr().err
    assert "self-test: FAILED: the negotiation brief is not in this build (no module ui.pdf.brief_pdf)" in err
    assert "(passed: icon ok, window ok, 4 sample offers)" in err


def test_the_wheel_config_ships_every_package_and_the_tax_rules():
    """What `pip wheel .` puts in the wheel: every package under app/ and ui/ (a hand-kept list once
    left out app.tax and ui's subpackages) and every file of resources/tax (the rule files)."""
    from fnmatch import fnmatchcase

    setuptools_config = PYPROJECT["tool"]["setuptools"]
    include = setuptools_config["packages"]["find"]["include"]  # setuptools matches these with fnmatch
    on_disk = {
        ".".join(init.parent.relative_to(ROOT).parts)
        for top in ("app", "ui")
        for init in (ROOT / top).rglob("__init__.py")
    }
    missing = sorted(name for name in on_disk | {"resources"} if not any(fnmatchcase(name, p) for p in include))
    assert not missing, f"packages missing from the wheel: {missing}"
    assert "app.tax" in on_disk
    globs = setuptools_config["package-data"]["resources"]
    rule_files = [p.relative_to(ROOT / "resources").as_posix() for p in (ROOT / "resources" / "tax").rglob("*")
                  if p.is_file()]
    assert any(name.endswith(".toml") for name in rule_files)
    unshipped = [name for name in rule_files if not any(fnmatchcase(name, glob) for glob in globs)]
    assert not unshipped, f"resources/tax files the package-data globs miss: {unshipped}"
