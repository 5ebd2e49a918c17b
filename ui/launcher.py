"""The `offer-planner` entry point: subcommands run headless; with none, the desktop app starts.

Qt is imported only when the app starts or a PDF brief is written, so `offer-planner evaluate …` never
loads it.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from app.brief import Brief


def start_gui(db: str | None) -> int:
    from ui.main import run_app

    return run_app(db=db)


def start_self_test() -> int:
    from ui.self_test import run_self_test

    return run_self_test()


def render_brief(brief: Brief, path: Path, paper: str | None) -> Path:
    """The `brief` command's PDF writer (Qt, imported only when a brief is asked for)."""
    from ui.pdf.brief_pdf import render_brief_pdf

    return render_brief_pdf(brief, path, paper=paper)


def main() -> int:
    from ui.cli import main as cli_main

    return cli_main(sys.argv[1:], gui=start_gui, self_test=start_self_test, render_brief=render_brief)


if __name__ == "__main__":
    sys.exit(main())
