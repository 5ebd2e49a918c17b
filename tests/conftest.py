"""Test configuration: Qt runs offscreen, no test touches the user's real data or settings, and every
test sees the same locale (figures are written as US English; tests of other locales say so)."""

from __future__ import annotations

import gc
import os
from pathlib import Path

# Before any Qt import: GUI tests need no display, on CI or on a developer's desktop.
os.environ["QT_QPA_PLATFORM"] = "offscreen"

import pytest
from hypothesis import HealthCheck, settings

from tests import figures

# How hard the property tests search (every property runs in both; only the number of examples
# differs). "quick", the default, keeps `python3 dev.py test` within 3 minutes on 2 cores;
# "thorough" runs six times as many examples, and is what CI runs (.ci/run sets it):
#     HYPOTHESIS_PROFILE=thorough python3 dev.py test
# A failure prints the example and a blob to replay it (@reproduce_failure) under either profile.
_PROFILE = {"deadline": None, "suppress_health_check": [HealthCheck.too_slow], "print_blob": True}
settings.register_profile("quick", max_examples=25, **_PROFILE)
settings.register_profile("thorough", max_examples=150, **_PROFILE)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE") or "quick")


_APP_TESTS = Path(__file__).resolve().parent / "unit" / "app"


@pytest.fixture(autouse=True)
def _private_dirs(request, tmp_path_factory, monkeypatch):
    """Point the per-user data, config and documents folders at a fresh temporary folder."""
    home = tmp_path_factory.mktemp("home")
    for name in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
        monkeypatch.setenv(name, str(home / name.lower()))
    monkeypatch.setenv("HOME", str(home))
    # the command line writes numbers the environment's way: tests read them the same way everywhere
    monkeypatch.setenv("LC_ALL", "C.UTF-8")
    monkeypatch.delenv("LANGUAGE", raising=False)
    yield
    # Qt objects left in reference cycles are collected here, between tests, never by a sweep in the
    # middle of Qt's event handling. The domain's tests make no Qt objects: a full sweep after each
    # of those (a thousand, with a large heap) would cost more than half a minute for nothing.
    if not request.path.is_relative_to(_APP_TESTS):
        gc.collect()


def pytest_collection_finish(session: pytest.Session) -> None:
    """Everything alive once the tests are collected (the modules, Hypothesis's strategies, the test
    items: 230,000 objects) lives to the end: gc.freeze() moves it out of the collector's sight, so
    the full sweep after each test (above) and Python's own sweeps look only at what tests made.
    Each full sweep took 0.25 s before, 0.002 s after: about two minutes of CPU over the suite."""
    gc.collect()
    gc.freeze()


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Tests that mostly wait (building and installing the wheel) start first, so that with
    `pytest -n` their waiting overlaps the other workers' computing instead of ending the run."""
    items.sort(key=lambda item: item.get_closest_marker("starts_first") is None)


def pytest_sessionfinish(session: pytest.Session) -> None:
    """Under pytest-xdist, a worker hands its reliability figures to the controller, which prints them."""
    workeroutput = getattr(session.config, "workeroutput", None)
    if workeroutput is not None:
        workeroutput["figures"] = dict(figures.FIGURES)


@pytest.hookimpl(optionalhook=True)
def pytest_testnodedown(node, error) -> None:
    figures.FIGURES.update(getattr(node, "workeroutput", {}).get("figures", {}))


def pytest_terminal_summary(terminalreporter) -> None:
    """The reliability figures of this run (README, "Reliability"), when those tests ran."""
    lines = figures.summary()
    if lines:
        terminalreporter.section("reliability figures")
        for line in lines:
            terminalreporter.write_line(line)
