"""The two-stage start: the list is painted from the stored summaries before the domain is imported.

Both tests run a fresh interpreter, as a user's start does: what a process has already imported is
exactly what this is about.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from decimal import Decimal as D
from pathlib import Path

from app.files import parse_offer_file
from app.store import Store
from tests.examples import THREE_OFFERS_JSON

ROOT = Path(__file__).resolve().parents[3]

STAGE_ONE = """
import json, sys
from pathlib import Path
from PySide6.QtWidgets import QApplication
from ui.start import APP_NAME, ORGANIZATION, _first_paint
app = QApplication([])
app.setApplicationName(APP_NAME)  # as ui.start.run does: the settings the real window wrote
app.setOrganizationName(ORGANIZATION)
window = _first_paint(Path(sys.argv[1]), False)
model = window.list_model
rows = [[model.index(r, c).data() for c in range(model.columnCount())] for r in range(model.rowCount())]
heavy = [m for m in ("pydantic", "sqlite_utils", "app.models", "app.store", "ui.main", "ui.main_window", "babel",
                    "ui.format", "decimal") if m in sys.modules]
print(json.dumps({"rows": rows, "selected": window.list_view.currentIndex().row(), "heavy": heavy,
                  "title": window.windowTitle()}))
"""


def _environment(tmp_path: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("QT_")}
    env.update(QT_QPA_PLATFORM="offscreen", HOME=str(tmp_path), XDG_CONFIG_HOME=str(tmp_path / "config"),
               XDG_DATA_HOME=str(tmp_path / "data"))
    return env


def _data_file(tmp_path: Path) -> Path:
    path = tmp_path / "data" / "offers.sqlite3"
    with Store.open(path) as store:
        store.import_offers(parse_offer_file(THREE_OFFERS_JSON).offers)
    return path


def _stage_one(path: Path, env: dict[str, str]) -> dict:
    result = subprocess.run([sys.executable, "-c", STAGE_ONE, str(path)], cwd=ROOT, env=env,
                            capture_output=True, text=True, timeout=120, check=True)
    return json.loads(result.stdout.strip().splitlines()[-1])


def _two_stage_start(path: Path, env: dict[str, str]) -> list[list[str]]:
    result = subprocess.run([sys.executable, "-m", "ui.launcher", "--db", str(path)], cwd=ROOT,
                            env=env | {"OFFER_PLANNER_STARTUP_PROBE": "1"}, capture_output=True, text=True,
                            timeout=180)
    assert result.returncode == 0, result.stderr
    path.with_name(path.name + ".lock").unlink(missing_ok=True)  # the probe leaves without tearing down
    return [line.split() for line in result.stdout.splitlines()]


def test_the_first_paint_shows_the_stored_list_before_the_domain_is_imported(tmp_path: Path) -> None:
    path = _data_file(tmp_path)
    env = _environment(tmp_path)
    _two_stage_start(path, env)  # the real window remembers how this locale writes the list's amounts
    shown = _stage_one(path, env)
    assert shown["heavy"] == []  # no pydantic, no sqlite-utils, no domain models, no editor, no Babel
    assert shown["title"] == "Offer Planner — offers.sqlite3"
    assert [row[0] for row in shown["rows"]] == ["Northwind Analytics", "Fabrikam Cloud", "Contoso GmbH"]
    # Northwind's year 1, in its own currency, as the real list shows it:
    # 172,000 + 17,200 bonus + 20,000 sign-on + 40,000 RSUs + 6,000 benefits = 255,200
    assert shown["rows"][0][2:4] == ["Offer received", "$255,200.00"]  # the stage in app.words' word
    assert shown["rows"][1][3] == "$245,275.00"  # Fabrikam's (USD too)
    assert shown["rows"][0][4] == ""  # the position is rated in stage two
    assert shown["selected"] == 0


def test_the_first_paint_writes_amounts_in_the_users_locale_before_and_after_it_is_remembered(tmp_path: Path) -> None:
    """The first start in a locale (nothing remembered) writes the amounts with ui.format; the real window
    then remembers the locale's way, and the next first paint writes the same text without Babel."""
    path = _data_file(tmp_path)
    env = _environment(tmp_path) | {"LC_ALL": "de_DE.UTF-8"}
    first = _stage_one(path, env)
    assert "babel" in first["heavy"]  # nothing remembered yet: the formatter itself
    assert [row[3] for row in first["rows"][:2]] == ["255.200,00\u00a0$", "245.275,00\u00a0$"]
    _two_stage_start(path, env)
    second = _stage_one(path, env)
    assert second["heavy"] == []
    assert second["rows"] == first["rows"]
    # another locale than the one remembered: Babel again, in that locale's way
    french = _stage_one(path, env | {"LC_ALL": "fr_FR.UTF-8"})
    assert "babel" in french["heavy"]
    assert french["rows"][0][3] == "255\u202f200,00\u00a0$US"


def test_the_app_starts_in_two_stages_and_the_real_window_follows(tmp_path: Path) -> None:
    path = _data_file(tmp_path)
    lines = _two_stage_start(path, _environment(tmp_path))
    assert [line[0] for line in lines] == ["first_paint", "ready"]
    first, ready = (float(line[1]) for line in lines)
    assert first <= ready


def test_stored_year_one_totals_rank_the_alternatives_until_an_offer_changes(qapp, tmp_path: Path) -> None:
    """At start the alternatives are ranked from the totals stored with the offers (no figures computed);
    an edited offer's stored total is never used again: its figures are."""
    from ui.workspace import Workspace

    path = _data_file(tmp_path)
    with Store.open(path) as store:
        workspace = Workspace(store)
        evaluator = workspace.evaluator()
        # in hand: Northwind (year 1: 255,200) and Fabrikam (245,275); Contoso is still interviewing
        assert [(a.offer_id, a.year_one) for a in evaluator.alternatives()] == [
            ("northwind", D("255200.00")), ("fabrikam", D("245275.00"))]
        assert evaluator._figures == {}  # ranked from the stored totals alone
        fabrikam = workspace.offer("fabrikam")
        assert fabrikam is not None
        # 100,000 more base: year 1 grows by 100,000 and its bonus with it, past Northwind
        assert workspace.update_offer(fabrikam.model_copy(update={"base_salary": fabrikam.base_salary + 100000}))
        ranked = workspace.evaluator().alternatives()
        assert ranked[0].offer_id == "fabrikam"  # its new figures, not the total stored before the edit
        assert ranked[0].year_one == workspace.evaluator().figures("fabrikam").year_one > D("345275.00")


def test_a_file_that_cant_be_opened_closes_the_early_window_before_asking(qapp, tmp_path: Path, monkeypatch) -> None:
    """The list painted early is of a file stage two can't open: it goes before the question is asked,
    and asking again (Try again) doesn't touch it a second time."""
    from PySide6.QtWidgets import QWidget

    import ui.main
    from ui.open_problem_dialog import OpenProblemDialog

    path = tmp_path / "data" / "offers.sqlite3"
    path.parent.mkdir(parents=True)
    path.write_bytes(b"not a database, whatever the first stage thought" * 50)
    early = QWidget()
    early.show()
    seen: list[bool] = []
    answers = [OpenProblemDialog.RETRY, OpenProblemDialog.RETRY, OpenProblemDialog.QUIT]

    def ask(error, latest) -> int:
        seen.append(early.isVisible())
        return answers.pop(0)

    monkeypatch.setattr(ui.main, "_ask_with_dialog", ask)
    assert ui.main.run_app(str(path), first_paint=early) == 2
    assert seen == [False, False, False]  # closed before the first question, and never touched again
