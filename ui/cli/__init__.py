"""The command line: `offer-planner` and its headless subcommands (never imports Qt)."""

from ui.cli.main import main

__all__ = ["main"]
