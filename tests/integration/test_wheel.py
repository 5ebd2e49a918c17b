"""What `pip install offer-planner` (or `pipx install .`) gives a user: the wheel, installed outside the
checkout into a new virtual environment, runs its self-test and evaluates the example file.

An editable install and PyInstaller read the source tree, so only this catches a package or a
resource left out of the wheel (it once shipped `ui/` without `ui.forms`, `ui.pdf` and four more).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import venv
import zipfile
from pathlib import Path

import pytest

from tests.examples import THREE_OFFERS_JSON

ROOT = Path(__file__).resolve().parents[2]
# The user's pip cache, read before the test fixtures point HOME and XDG_CACHE_HOME at a temporary
# folder: the dependencies (PySide6 is large) come from it when they were installed before.
_CACHE_HOME = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
PIP_CACHE = Path(os.environ.get("PIP_CACHE_DIR") or _CACHE_HOME / "pip")


def _run(args: list[str | Path], *, cwd: Path, env: dict[str, str] | None = None, timeout: int = 600):
    return subprocess.run(
        [str(a) for a in args], cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout, check=False
    )


# Mostly waiting on the disk and the package index (about a minute): started before the other tests,
# so that under `pytest -n` they run meanwhile (tests/conftest.py); `--dist loadfile` keeps this
# module on one worker, so the wheel is built and installed once.
pytestmark = pytest.mark.starts_first

# What a source archive or a clean clone holds: not the checkout's virtual environment, caches or
# earlier builds (a build/ folder left by an earlier build would put deleted modules in the wheel).
_NOT_SOURCE = shutil.ignore_patterns(
    ".git", ".venv", "build", "dist", "*.egg-info", "__pycache__", ".*_cache", ".hypothesis"
)


@pytest.fixture(scope="module")
def installed(tmp_path_factory) -> Path:
    """The bin folder of a new virtual environment with the wheel (and its dependencies) installed."""
    work = tmp_path_factory.mktemp("wheel")
    env = {k: v for k, v in os.environ.items() if k not in {"PYTHONPATH", "VIRTUAL_ENV"}}
    env |= {"PIP_CACHE_DIR": str(PIP_CACHE), "PIP_DISABLE_PIP_VERSION_CHECK": "1"}
    source = work / "source"
    shutil.copytree(ROOT, source, ignore=_NOT_SOURCE)
    pip = [sys.executable, "-m", "pip"]
    built = _run([*pip, "wheel", source, "--no-deps", "-q", "-w", work / "dist"], cwd=work, env=env)
    assert built.returncode == 0, built.stderr
    wheels = list((work / "dist").glob("offer_planner-*.whl"))
    assert len(wheels) == 1, wheels
    # the environment gets no pip of its own (ensurepip takes seconds): this pip installs into it
    venv.EnvBuilder(with_pip=False).create(work / "venv")
    bin_dir = work / "venv" / ("Scripts" if os.name == "nt" else "bin")
    done = _run([*pip, "--python", bin_dir / "python", "install", "-q", wheels[0]], cwd=work, env=env)
    assert done.returncode == 0, done.stderr
    return bin_dir


def _user_env(bin_dir: Path) -> dict[str, str]:
    """The environment a user's shell gives: no PYTHONPATH leading back into the checkout."""
    env = {k: v for k, v in os.environ.items() if k not in {"PYTHONPATH", "VIRTUAL_ENV"}}
    env["PATH"] = f"{bin_dir}{os.pathsep}{env.get('PATH', '')}"
    env["QT_QPA_PLATFORM"] = "offscreen"
    return env


def test_every_package_of_the_source_tree_is_in_the_wheel(installed):
    wheel = next((installed.parent.parent / "dist").glob("*.whl"))
    shipped = {name.rsplit("/", 1)[0] for name in zipfile.ZipFile(wheel).namelist() if name.endswith("__init__.py")}
    packages = {
        str(init.parent.relative_to(ROOT)).replace(os.sep, "/")
        for top in ("app", "ui", "resources")
        for init in (ROOT / top).rglob("__init__.py")
        if "__pycache__" not in init.parts
    }
    assert packages - shipped == set()


def test_the_installed_app_passes_its_self_test(installed, tmp_path):
    result = _run([installed / "offer-planner", "--self-test"], cwd=tmp_path, env=_user_env(installed), timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "all good" in result.stdout
    # and it ran from the installed copy, not from this checkout
    code = "import ui.forms, app; print(app.__file__)"
    where = _run([installed / "python", "-c", code], cwd=tmp_path, env=_user_env(installed))
    assert where.returncode == 0, where.stderr
    assert str(ROOT) not in where.stdout
    assert "site-packages" in where.stdout


def test_the_installed_command_line_evaluates_the_example(installed, tmp_path):
    example = tmp_path / "three-offers.json"
    example.write_text(THREE_OFFERS_JSON, encoding="utf-8")
    command = [installed / "offer-planner", "evaluate", example, "--json"]
    result = _run(command, cwd=tmp_path, env=_user_env(installed), timeout=120)
    assert result.returncode == 0, result.stderr
    offers = json.loads(result.stdout)["offers"]
    assert [offer["company"] for offer in offers][:1] == ["Northwind Analytics"]
    # Northwind's year 1, worked by hand from the example: base 172,000 + bonus 10 % = 17,200 + sign-on 20,000
    # + RSUs 160,000 × 25 % = 40,000 + benefits 6,000 = 255,200.
    assert offers[0]["years"][0]["total"] == 255200
