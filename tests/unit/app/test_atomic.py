"""The one writer of files the user asks for: whole or not at all, and 0600 whatever the umask."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from app.atomic import atomic_path, write_problem, write_text_atomic


@pytest.fixture
def usual_umask():
    """The umask most systems give (022): on its own, it would make new files readable by everyone."""
    old = os.umask(0o022)
    yield
    os.umask(old)


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_a_new_file_is_the_owners_alone(tmp_path, usual_umask):
    target = tmp_path / "offers.json"
    write_text_atomic(target, "{}\n")
    assert target.read_text(encoding="utf-8") == "{}\n"
    assert mode(target) == 0o600


def test_a_replaced_file_becomes_the_owners_alone_too(tmp_path, usual_umask):
    target = tmp_path / "brief.pdf"
    target.write_bytes(b"yesterday's")
    target.chmod(0o644)
    with atomic_path(target, suffix=".pdf.part") as temporary:
        temporary.write_bytes(b"today's")
    assert target.read_bytes() == b"today's"
    assert mode(target) == 0o600
    assert [p.name for p in tmp_path.iterdir()] == ["brief.pdf"]


def test_a_file_a_writer_recreated_is_made_private(tmp_path, usual_umask):
    """Qt may delete and re-create the file it is given; the policy holds all the same."""
    target = tmp_path / "brief.pdf"
    with atomic_path(target) as temporary:
        temporary.unlink()
        temporary.write_bytes(b"re-created with the umask's 0644")
        assert mode(temporary) == 0o644
    assert mode(target) == 0o600


def test_a_failure_leaves_the_old_file_and_nothing_else(tmp_path):
    target = tmp_path / "offers.json"
    target.write_text("the old file")
    with pytest.raises(OSError, match="No space left"), atomic_path(target) as temporary:
        temporary.write_text("half")
        raise OSError(28, "No space left on device")
    assert target.read_text() == "the old file"
    assert [p.name for p in tmp_path.iterdir()] == ["offers.json"]


def test_a_missing_folder_raises_and_leaves_nothing(tmp_path):
    with pytest.raises(FileNotFoundError), atomic_path(tmp_path / "missing" / "offers.json"):
        pass  # never reached
    assert list(tmp_path.iterdir()) == []


def test_problems_are_said_in_words(tmp_path):
    (tmp_path / "notes.txt").write_text("a file")
    (tmp_path / "folder.pdf").mkdir()
    missing = tmp_path / "missing" / "b.pdf"
    assert write_problem(missing, FileNotFoundError(2, "No such file or directory"), "the brief") == (
        f"The folder {missing.parent} does not exist: choose another folder, or create it first."
    )
    in_a_file = tmp_path / "notes.txt" / "b.pdf"
    assert write_problem(in_a_file, NotADirectoryError(20, "Not a directory"), "the brief") == (
        f"{in_a_file.parent} is a file, not a folder: choose a folder for the brief."
    )
    assert write_problem(tmp_path / "folder.pdf", IsADirectoryError(21, "Is a directory"), "the brief") == (
        f"{tmp_path / 'folder.pdf'} is a folder: choose a file name for the brief."
    )
    assert write_problem(tmp_path / "b.pdf", PermissionError(13, "Permission denied")) == (
        f"The folder {tmp_path} can't be written to (permission denied): choose another folder."
    )
    assert write_problem(tmp_path / "b.pdf", OSError(28, "No space left on device")) == (
        f"{tmp_path / 'b.pdf'} can't be written: No space left on device."
    )
