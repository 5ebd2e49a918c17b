"""The source lines PySide6's import hook reads of every module are not kept for the life of the app
(issue 15: ~10 MB of the window's memory)."""

from __future__ import annotations

import linecache

import ui.workspace
from ui.main import forget_module_sources


def test_lines_read_from_files_are_dropped_and_registered_ones_kept():
    linecache.getlines(ui.workspace.__file__)  # as shiboken's feature check reads a module imported
    linecache.cache["<generated>"] = (12, None, ["x = 1\n", "y = 2\n"], "<generated>")
    assert ui.workspace.__file__ in linecache.cache
    forget_module_sources()
    assert ui.workspace.__file__ not in linecache.cache
    assert linecache.cache["<generated>"] == (12, None, ["x = 1\n", "y = 2\n"], "<generated>")
    # a traceback still reads the lines again from the file
    assert linecache.getline(ui.workspace.__file__, 1).startswith('"""The open data file')
    del linecache.cache["<generated>"]
