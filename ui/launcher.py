"""The `offer-planner` entry point: subcommands run headless; with none, the desktop app starts.

Qt is imported only when the app starts, so `offer-planner evaluate …` never loads it.
"""

from __future__ import annotations

import sys


def start_gui(db: str | None) -> int:
    from ui.main import run_app

    return run_app(db=db)


def main() -> int:
    from app.cli import main as cli_main

    return cli_main(sys.argv[1:], gui=start_gui)


if __name__ == "__main__":
    sys.exit(main())
