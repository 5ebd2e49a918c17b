"""The `offer-planner` entry point: subcommands run headless; with none, the desktop app starts.

Qt is imported only when the app starts or a PDF brief is written, so `offer-planner evaluate …` never
loads it.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from app.brief import Brief


def start_gui(db: str | None) -> int:
    from ui.start import run  # first paints the list, then imports the rest (ui.main)

    return run(db=db)


def start_self_test() -> int:
    from ui.self_test import run_self_test

    return run_self_test()


def render_brief(brief: Brief, path: Path, paper: str | None) -> Path:
    """The `brief` command's PDF writer (Qt, imported only when a brief is asked for)."""
    from ui.pdf.brief_pdf import render_brief_pdf

    return render_brief_pdf(brief, path, paper=paper)


def _gui_only(args: list[str]) -> str | bool | None:
    """The data file when the arguments only start the app (none, or --db PATH); False otherwise."""
    if not args:
        return None
    if len(args) == 2 and args[0] == "--db" and args[1] and not args[1].startswith("-"):
        return args[1]
    if len(args) == 1 and args[0].startswith("--db=") and len(args[0]) > 5:
        return args[0][5:]
    return False


def main() -> int:
    db = _gui_only(sys.argv[1:])
    if db is not False:
        # straight to the window: the command line (and the domain it imports) would cost the first paint
        return start_gui(db if isinstance(db, str) else None)
    from ui.cli import main as cli_main

    status = cli_main(sys.argv[1:], gui=start_gui, self_test=start_self_test, render_brief=render_brief)
    if sys.argv[1:2] == ["evaluate"]:
        exit_now(status)
    return status


def exit_now(status: int) -> None:
    """End the process now, once everything written is flushed: `evaluate` (a batch run with no
    file, store or thread open at its end) keeps its objects to the end (ui.cli.main._kept) and the
    system takes the memory back at once, instead of Python freeing each object and tearing down
    every module (~5 % of `evaluate`'s CPU for 1,000 offers, counted under valgrind). Where the
    output can't be flushed (a closed pipe), the ordinary exit follows, which says so as before."""
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except (OSError, ValueError):
        return
    os._exit(status)


if __name__ == "__main__":
    sys.exit(main())
