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


def run_tests(args: list[str]) -> int:
    steps = [
        ("ruff", [BIN / "ruff", "check", "."]),
        ("import contract", [BIN / "lint-imports"]),
        ("pytest", [PYTHON, "-m", "pytest", *args]),
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
        return _run(BIN / "offer-planner", *rest)
    ensure_env("test")
    return run_tests(rest)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
