"""Build the standalone Linux app: dist/offer-planner/ (PyInstaller, one folder) and its .tar.gz archive.

    python3 packaging/build.py          (or .venv/bin/python packaging/build.py)
    python3 packaging/build.py --dist DIR   build into DIR (and DIR/build) instead of dist/ and build/

Sets up .venv with the `packaging` extra (PyInstaller) the way dev.py does, bundles the app with only
the Qt modules it imports (never WebEngine), adds the desktop file, the AppStream metainfo, the icons
and install.sh, prints the size, runs `offer-planner --self-test` and `--version` in the built folder,
and only then writes dist/offer-planner-<version>-linux-<machine>.tar.gz. Any failure exits non-zero.
See packaging/README.md.
"""

from __future__ import annotations

import argparse
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
# Modules the app never imports whose presence costs every start. pydantic's PyInstaller hook collects
# every pydantic submodule, so pydantic.mypy brought mypy in; setuptools, from the build environment,
# was in too, and a bundle with setuptools runs PyInstaller's setuptools runtime hook, which imports
# all of setuptools before our first line (190 ms of a 510 ms first paint). multiprocessing (only
# concurrent.futures.process imports it; the app uses threads) brings a runtime hook that imports
# multiprocessing, pickle, socket and subprocess (24 ms). PyInstaller's bootstrap imports ctypes at
# every start to patch its library loading (5 ms); on Linux only Windows modules import ctypes
# (dateutil tries its Windows time zones in a try/except). The rest only take room: rich with pygments
# and markdown-it (pydantic imports rich only to pretty-print a schema for debugging). (pydantic.v1
# stays: its hook names each of its modules, and excluding them fills the build's log with warnings.)
# tests/integration/test_packaging.py runs the window, the self-test and the commands without them.
UNUSED_MODULES = (
    "mypy", "pydantic.mypy", "pydantic.v1.mypy", "setuptools", "pkg_resources", "distutils", "_distutils_hack",
    "multiprocessing", "concurrent.futures.process", "ctypes", "rich", "pygments", "markdown_it", "mdurl", "dotenv",
)  # fmt: skip
# PyInstaller's runtime hooks run before the app's first line on every start. These two only serve
# what the app never does: inspect.getsourcefile() on frozen modules (the hook reads the names in
# base_library.zip at each start) and pkgutil.iter_modules() over the bundle (it imports pkgutil).
# PySide6's hook stays (it points Qt at the bundle's plugins).
DROPPED_RUNTIME_HOOKS = ("pyi_rth_inspect", "pyi_rth_pkgutil")
# Any other runtime hook (a new dependency's) fails the build until it is looked at and listed here.
KEPT_RUNTIME_HOOKS = ("pyi_rth_pyside6",)
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


SPEC = """\
# Written by packaging/build.py (each build): the options PyInstaller's command line cannot give.
from PyInstaller.utils.hooks import collect_data_files, copy_metadata

datas = {datas!r}
datas += collect_data_files("currency_converter")  # the ECB reference rates, imported on use, with its data
datas += copy_metadata("offer-planner")  # importlib.metadata.version("offer-planner"): --version, About
datas += copy_metadata("CurrencyConverter")
a = Analysis(
    [{entry!r}],
    pathex=[{root!r}],
    datas=datas,
    # resources: found by name through importlib.resources.files("resources")
    hiddenimports=["resources", "currency_converter"],
    excludes={excludes!r},
    # the modules as .pyc files in the folder, read by Python's own importer, instead of one
    # zlib-compressed archive read through PyInstaller's importer (written in Python): less CPU per import
    noarchive=True,
)
a.scripts = [entry for entry in a.scripts if entry[0] not in {dropped!r}]
hooks = [entry[0] for entry in a.scripts if entry[0].startswith("pyi_rth_")]
print("Runtime hooks run at each start:", ", ".join(hooks))
if set(hooks) - set({kept!r}):
    raise SystemExit(f"build: new PyInstaller runtime hooks {{sorted(set(hooks) - set({kept!r}))}} would run "
                     "before every start: keep them (KEPT_RUNTIME_HOOKS) or drop them (DROPPED_RUNTIME_HOOKS) "
                     "in packaging/build.py")
pyz = PYZ(a.pure)
exe = EXE(
    pyz,
    a.scripts,
    {options!r},
    exclude_binaries=True,
    name={name!r},
    strip=True,  # debug symbols out of the binaries (Python's own library shrinks by ~18 MB)
    upx=False,  # packed libraries would be unpacked at every start
    console=True,
)
coll = COLLECT(exe, a.binaries, a.datas, strip=True, upx=False, name={name!r})
"""


def write_spec(entry: Path, python_options: list[str]) -> Path:
    """The PyInstaller spec for this build (WORK/offer-planner.spec)."""
    datas = []
    for item in sorted((ROOT / "resources").iterdir()):
        if item.name not in RESOURCES_NOT_SHIPPED:
            datas.append((str(item), f"resources/{item.name}" if item.is_dir() else "resources"))
    excludes = [f"PySide6.{module}" for module in excluded_qt_modules()] + [*EXCLUDED_PACKAGES, *UNUSED_MODULES]
    spec = WORK / f"{NAME}.spec"
    spec.write_text(SPEC.format(datas=datas, entry=str(entry), root=str(ROOT), excludes=excludes,
                                dropped=DROPPED_RUNTIME_HOOKS, kept=KEPT_RUNTIME_HOOKS, name=NAME,
                                options=[(option, None, "OPTION") for option in python_options]),
                    encoding="utf-8")
    return spec


def run_pyinstaller(used: set[str], python_options: list[str]) -> Path:
    shutil.rmtree(WORK, ignore_errors=True)
    shutil.rmtree(DIST / NAME, ignore_errors=True)
    WORK.mkdir(parents=True)
    entry = WORK / f"{NAME}.py"  # not ui/launcher.py itself: that would put ui/ on the module path
    entry.write_text("import sys\n\nfrom ui.launcher import main\n\nsys.exit(main())\n", encoding="utf-8")
    spec = write_spec(entry, python_options)
    args = [sys.executable, "-m", "PyInstaller", str(spec), "--noconfirm", "--clean", "--log-level", "WARN",
            "--distpath", str(DIST), "--workpath", str(WORK)]
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


def write_build_info(bundle: Path, version: str) -> None:
    """build-info.txt: the version, the commit built (with "+changes" for uncommitted ones) and when,
    so a benchmark or a bug report can tell which code a bundle holds."""
    try:
        commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True,
                                timeout=20).stdout.strip()
        dirty = subprocess.run(["git", "status", "--porcelain", "--untracked-files=no"], cwd=ROOT,
                               capture_output=True, text=True, timeout=20).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        commit, dirty = "", ""
    built = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())
    (bundle / "build-info.txt").write_text(
        f"version {version}\ncommit {commit or 'unknown'}{'+changes' if dirty else ''}\nbuilt {built}\n",
        encoding="utf-8",
    )


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
        print(f"Running {_shown(executable)} --self-test …", flush=True)
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


def _shown(path: Path) -> Path:
    return path.relative_to(ROOT) if path.is_relative_to(ROOT) else path


def main() -> int:
    global DIST, WORK
    parser = argparse.ArgumentParser(description="Build the standalone Linux app folder and its archive.")
    # the benchmarks keep a build outside the checkout (packaging takes minutes; a clean clone has none)
    parser.add_argument("--dist", type=Path, help="build into this folder (the work files go in DIST/build)")
    # profiling: the built app prints each import's time on stderr (python -X importtime), no archive
    parser.add_argument("--importtime", action="store_true", help="build an app that prints its imports' times")
    args = parser.parse_args()
    if args.dist is not None:
        DIST = args.dist.expanduser().absolute()
        WORK = DIST / "build"
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
    bundle = run_pyinstaller(used, ["X importtime"] if args.importtime else [])
    add_desktop_files(bundle)
    write_build_info(bundle, version)
    size, count = folder_size(bundle)
    qt_libs = sorted({p.name.split(".so")[0] for p in bundle.rglob("libQt6*.so*") if not p.is_symlink()})
    print(f"Bundle: {_shown(bundle)}/ — {megabytes(size)} in {count} files")
    print(f"Qt libraries in it: {', '.join(qt_libs)}")
    if any("WebEngine" in name for name in qt_libs):
        print("build: QtWebEngine got into the bundle", file=sys.stderr)
        return 1

    check_built_app(bundle, version)

    if args.importtime:
        print("(an --importtime build: no archive written)")
        return 0
    write_archive(bundle, archive)
    print(f"Archive: {_shown(archive)} — {megabytes(archive.stat().st_size)}")
    print(f"Built Offer Planner {version} in {time.monotonic() - started:.0f} s.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
