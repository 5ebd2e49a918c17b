"""Set up the project's virtual environment (.venv) and run the app or the whole test suite.

    python3 dev.py app [ARGS...]   set everything up, then start Offer Planner
    python3 dev.py test [ARGS...]  set everything up, then run lint, the import contract and pytest

Safe to run again: the environment is reinstalled only when pyproject.toml changes.
Only the standard library is used here, so it runs on a machine that has nothing but Python 3.11+.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
PYTHON = BIN / ("python.exe" if os.name == "nt" else "python")


def _run(*args: str | Path) -> int:
    return subprocess.call([str(a) for a in args], cwd=ROOT)


def ensure_env(extras: str) -> None:
    """Create .venv if needed and install the project (editable) with the given extras."""
    if sys.version_info < (3, 11):  # noqa: UP036 - dev.py itself must say so on an old Python
        sys.exit(f"Offer Planner needs Python 3.11 or newer; this is {sys.version.split()[0]}.")
    if not PYTHON.exists():
        print("Creating .venv …", flush=True)
        venv.EnvBuilder(with_pip=True).create(VENV)
    digest = hashlib.sha256((ROOT / "pyproject.toml").read_bytes() + extras.encode()).hexdigest()
    stamp = VENV / f".installed-{extras or 'base'}"
    if stamp.exists() and stamp.read_text() == digest:
        return
    print("Installing Offer Planner and its dependencies into .venv …", flush=True)
    target = f".[{extras}]" if extras else "."
    rc = _run(PYTHON, "-m", "pip", "install", "--quiet", "--disable-pip-version-check", "-e", target)
    if rc != 0:
        sys.exit(f"Installing into .venv failed (pip exit status {rc}).")
    stamp.write_text(digest)


# Debian/Ubuntu packages of the X11 libraries Qt's xcb platform plugin loads (desktops have them;
# minimal and server installs often don't, and Qt then aborts with a cryptic plugin message).
XCB_PACKAGES = {
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-xinerama.so.0": "libxcb-xinerama0",
    "libxcb-xkb.so.1": "libxcb-xkb1",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libxcb-randr.so.0": "libxcb-randr0",
}


def missing_display_libraries() -> list[str]:
    """Packages to install before Qt can open a window on X11 here (empty when all is well)."""
    if not sys.platform.startswith("linux") or not os.environ.get("DISPLAY"):
        return []
    if os.environ.get("WAYLAND_DISPLAY") or os.environ.get("QT_QPA_PLATFORM"):
        return []
    plugins = list(VENV.glob("lib/python3*/site-packages/PySide6/Qt/plugins/platforms/libqxcb.so"))
    if not plugins:
        return []
    try:
        ldd = subprocess.run(["ldd", str(plugins[0])], capture_output=True, text=True, timeout=20).stdout
    except (OSError, subprocess.SubprocessError):
        return []
    missing = [line.split()[0] for line in ldd.splitlines() if "not found" in line]
    try:
        found = subprocess.run(["ldconfig", "-p"], capture_output=True, text=True, timeout=20).stdout
    except (OSError, subprocess.SubprocessError):
        found = ""
    if found and "libxcb-cursor.so.0" not in found:
        missing.append("libxcb-cursor.so.0")  # loaded at run time, so ldd doesn't list it
    return sorted({XCB_PACKAGES.get(name, name) for name in missing})


def pytest_workers() -> int:
    """One worker more than there are cores: the wheel test mostly waits on the disk and the package
    index, and the extra worker keeps every core busy meanwhile (9 at most: a worker per test file)."""
    return min((os.cpu_count() or 1) + 1, 9)


def keep_bytecode() -> None:
    """Let the test run keep compiled bytecode even where PYTHONDONTWRITEBYTECODE is set.

    Without it every pytest worker and every process a test starts (the kill -9 writers, the command
    line) compiles app/, ui/ and the tests anew: about 8 s of CPU per worker to collect the tests
    instead of 3, half a second per process. The bytecode goes to .venv/pycache, not next to the
    sources, which is what that setting asks for."""
    if os.environ.pop("PYTHONDONTWRITEBYTECODE", None):
        os.environ.setdefault("PYTHONPYCACHEPREFIX", str(VENV / "pycache"))


def run_tests(args: list[str]) -> int:
    keep_bytecode()
    # Test files are spread over the workers whole (loadfile), in collection order (the slow,
    # waiting ones first: tests/conftest.py); `python3 dev.py test -n 0` runs them in one process.
    parallel = ["-n", str(pytest_workers()), "--dist", "loadfile", "--no-loadscope-reorder"]
    steps = [
        ("ruff", [BIN / "ruff", "check", "."]),
        ("import contract", [BIN / "lint-imports"]),
        ("mypy", [BIN / "mypy"]),
        ("pytest", [PYTHON, "-m", "pytest", *parallel, *args]),
    ]
    for name, cmd in steps:
        print(f"== {name}", flush=True)
        rc = _run(*cmd)
        if rc != 0:
            print(f"== {name} failed (exit status {rc})", flush=True)
            return rc
    return 0


def main(argv: list[str]) -> int:
    if not argv or argv[0] not in {"app", "test"}:
        print(__doc__)
        return 2
    command, rest = argv[0], argv[1:]
    if command == "app":
        ensure_env("")
        missing = missing_display_libraries()
        if missing:
            print(
                "Qt needs a few X11 libraries this system doesn't have to open a window:\n"
                f"  sudo apt-get install {' '.join(missing)}\n"
                "(names for Debian and Ubuntu; other systems ship them as xcb-util packages). "
                "Everything else is set up: run this command again afterwards.",
                file=sys.stderr,
            )
            return 2
        return _run(BIN / "offer-planner", *rest)
    ensure_env("test")
    return run_tests(rest)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
