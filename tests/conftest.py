"""Test configuration: Qt runs offscreen, no test touches the user's real data or settings, and every
test sees the same locale (figures are written as US English; tests of other locales say so)."""

from __future__ import annotations

import gc
import os

# Before any Qt import: GUI tests need no display, on CI or on a developer's desktop.
os.environ["QT_QPA_PLATFORM"] = "offscreen"

import pytest

from tests import figures


@pytest.fixture(autouse=True)
def _private_dirs(tmp_path_factory, monkeypatch):
    """Point the per-user data, config and documents folders at a fresh temporary folder."""
    home = tmp_path_factory.mktemp("home")
    for name in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
        monkeypatch.setenv(name, str(home / name.lower()))
    monkeypatch.setenv("HOME", str(home))
    # the command line writes numbers the environment's way: tests read them the same way everywhere
    monkeypatch.setenv("LC_ALL", "C.UTF-8")
    monkeypatch.delenv("LANGUAGE", raising=False)
    yield
    gc.collect()  # collect between tests, never during Qt event handling


def pytest_terminal_summary(terminalreporter) -> None:
    """The reliability figures of this run (README, "Reliability"), when those tests ran."""
    lines = figures.summary()
    if lines:
        terminalreporter.section("reliability figures")
        for line in lines:
            terminalreporter.write_line(line)
