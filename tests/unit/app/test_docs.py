"""What users read about the rating is what the app does: the README shows the shipped rubric."""

from __future__ import annotations

from pathlib import Path

from app.rubric import explain_rubric

README = Path(__file__).resolve().parents[3] / "README.md"


def test_readme_shows_every_line_of_the_shipped_rubric():
    text = README.read_text(encoding="utf-8")
    missing = [line for _, lines in explain_rubric() for line in lines if f"- {line}" not in text]
    assert not missing, "README's rubric section is stale; missing:\n" + "\n".join(missing)


def test_readme_opens_with_the_two_commands():
    lines = [line for line in README.read_text(encoding="utf-8").splitlines() if line.strip()]
    assert lines[1] == "```sh"
    assert lines[2].startswith("python3 dev.py app")
    assert lines[3].startswith("python3 dev.py test")
    assert lines[4] == "```"
