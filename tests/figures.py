"""Figures the reliability tests record as they run (kills survived, writes checked, inputs fuzzed).

The README's "Reliability" section quotes them; `tests/conftest.py` prints them after a run.
"""

from __future__ import annotations

from collections import Counter

FIGURES: Counter[str] = Counter()

# what each figure counts, in the order they are printed
NAMES = {
    "kills": "writer processes killed with SIGKILL mid-write (file reopened, integrity_check ok)",
    "writes_checked": "edits reported saved before a kill, each found on reopening",
    "import_kills": "2,000-offer imports killed at a random moment (all or nothing on reopening)",
    "imports_interrupted": "of those, killed before the import committed (none of its offers stored)",
    "concurrent_cli_writes": "offers written by command-line importers running at the same time",
    "form_inputs": "fuzzed inputs typed into the offer editor's fields",
    "form_saves": "of those, inputs that were valid and saved",
    "cli_argvs": "fuzzed command lines run",
    "bad_files": "bad data files (6 kinds) given to a command: exit 2, what to do, file untouched",
    "lost": "saved edits lost (must stay 0)",
}


def add(name: str, count: int = 1) -> None:
    FIGURES[name] += count


def summary() -> list[str]:
    return [f"{FIGURES[name]:>7,}  {text}" for name, text in NAMES.items() if name in FIGURES]
