"""What `pip install offer-planner` (or `pipx install .`) gives a user: the wheel, installed outside the
checkout into a new virtual environment, runs its self-test and evaluates the example file.

An editable install and PyInstaller read the source tree, so only this catches a package or a
resource left out of the wheel (it once shipped `ui/` without `ui.forms`, `ui.pdf` and four more).
"""

from __future__ import annotations

import importlib.metadata
import json
import os
import shutil
import subprocess
import sys
import venv
import zipfile
from pathlib import Path

import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

from tests.examples import THREE_OFFERS_JSON

ROOT = Path(__file__).resolve().parents[2]


def _run(args: list[str | Path], *, cwd: Path, env: dict[str, str] | None = None, timeout: int = 600):
    return subprocess.run(
        [str(a) for a in args], cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout, check=False
    )


# Waits on the disk and on child processes: started before the other tests, so that under `pytest -n`
# they run meanwhile (tests/conftest.py); `--dist loadfile` keeps this module on one worker, so the
# wheel is built and installed once.
pytestmark = pytest.mark.starts_first

# What a source archive or a clean clone holds: not the checkout's virtual environment, caches or
# earlier builds (a build/ folder left by an earlier build would put deleted modules in the wheel).
_NOT_SOURCE = shutil.ignore_patterns(
    ".git", ".venv", "build", "dist", "*.egg-info", "__pycache__", ".*_cache", ".hypothesis"
)


# Set by the test run, not by a user's shell: PYTHONPATH and VIRTUAL_ENV lead back into the checkout,
# and PYTHONPYCACHEPREFIX (dev.py) would put the installed wheel's bytecode in the checkout's .venv.
_NOT_A_USERS = {"PYTHONPATH", "VIRTUAL_ENV", "PYTHONPYCACHEPREFIX"}


def _requirements(metadata: str, extras: set[str]) -> list[Requirement]:
    """The Requires-Dist lines of a distribution's metadata that hold on this machine for these extras."""
    found = []
    for line in metadata.splitlines():
        if line.startswith("Requires-Dist:"):
            requirement = Requirement(line.removeprefix("Requires-Dist:").strip())
            marker = requirement.marker
            if marker is None or any(marker.evaluate({"extra": extra}) for extra in extras | {""}):
                found.append(requirement)
    return found


def _link_dependencies(wheel: Path, site_packages: Path) -> list[str]:
    """Put the wheel's dependencies, and theirs, into a new environment's site-packages: each one the
    test environment has installed, linked file tree by file tree (what its RECORD lists), so that
    the new environment holds exactly what the wheel asks for and nothing else (not the checkout's
    editable install, not the test tools). Installing them from the package index took 16 s of CPU
    and most of a minute (PySide6 alone is 100 MB). Fails, naming it, if one is missing or too old."""
    with zipfile.ZipFile(wheel) as archive:
        (name,) = [n for n in archive.namelist() if n.endswith(".dist-info/METADATA")]
        pending = [(r, r.extras) for r in _requirements(archive.read(name).decode(), set())]
    linked: dict[str, str] = {}
    while pending:
        requirement, extras = pending.pop()
        key = canonicalize_name(requirement.name)
        if key in linked:
            continue
        try:
            dist = importlib.metadata.distribution(requirement.name)
        except importlib.metadata.PackageNotFoundError:
            pytest.fail(f"the wheel needs {requirement}, which the test environment does not have")
        assert requirement.specifier.contains(dist.version, prereleases=True), (requirement, dist.version)
        assert dist.files is not None, f"{dist.metadata['Name']} lists no files (no RECORD)"
        linked[key] = dist.version
        origin = Path(dist.locate_file(""))
        for top in {file.parts[0] for file in dist.files} - {"..", "__pycache__"}:
            if not (site_packages / top).exists():
                (site_packages / top).symlink_to(origin / top, target_is_directory=(origin / top).is_dir())
        pending += [(r, r.extras) for r in _requirements(dist.read_text("METADATA") or "", set(extras))]
    return sorted(linked)


@pytest.fixture(scope="module")
def installed(tmp_path_factory) -> Path:
    """The bin folder of a new virtual environment with the wheel (and its dependencies) installed."""
    work = tmp_path_factory.mktemp("wheel")
    env = {k: v for k, v in os.environ.items() if k not in _NOT_A_USERS}
    env |= {"PIP_DISABLE_PIP_VERSION_CHECK": "1", "PIP_NO_INDEX": "1"}
    source = work / "source"
    shutil.copytree(ROOT, source, ignore=_NOT_SOURCE)
    pip = [sys.executable, "-m", "pip"]
    # built with this environment's setuptools (the test extra pins the build requirement's version)
    # instead of one pip would install into a throw-away environment first: 8 s of CPU less
    built = _run([*pip, "wheel", source, "--no-deps", "--no-build-isolation", "-q", "-w", work / "dist"],
                 cwd=work, env=env)
    assert built.returncode == 0, built.stderr
    wheels = list((work / "dist").glob("offer_planner-*.whl"))
    assert len(wheels) == 1, wheels
    # the environment gets no pip of its own (ensurepip takes seconds): this pip installs into it
    venv.EnvBuilder(with_pip=False).create(work / "venv")
    bin_dir = work / "venv" / ("Scripts" if os.name == "nt" else "bin")
    (site_packages,) = [*(work / "venv").glob("lib/python3*/site-packages"), *(work / "venv").glob("Lib/site-packages")]
    _link_dependencies(wheels[0], site_packages)
    # pip checks the wheel's requirements against what is linked (no index: nothing else can come in)
    done = _run([*pip, "--python", bin_dir / "python", "install", "-q", wheels[0]], cwd=work, env=env)
    assert done.returncode == 0, done.stderr
    return bin_dir


def _user_env(bin_dir: Path) -> dict[str, str]:
    """The environment a user's shell gives: no PYTHONPATH leading back into the checkout."""
    env = {k: v for k, v in os.environ.items() if k not in _NOT_A_USERS}
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
