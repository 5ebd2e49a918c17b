"""The position and levers panels: what they show is what `app/` computed, and they follow every change."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QPushButton

from app.files import read_offer_file
from app.levers import KIND_NAMES, PLAUSIBILITY_NAMES
from app.models import Offer
from app.resources import sample_offers_path
from app.whatif import has_what_if, what_if
from ui import format as fmt
from ui.panels.levers_panel import LeversPanel
from ui.panels.position_panel import PositionPanel
from ui.rubric_dialog import RubricDialog
from ui.widgets.fields import MoneyEdit
from ui.workspace import Workspace

AS_OF = date(2026, 11, 20)  # the samples' own as_of: the ratings read the timeline from this day


@pytest.fixture
def panels_workspace(qapp, store):
    ws = Workspace(store, today=lambda: AS_OF)
    ws.import_offers(read_offer_file(sample_offers_path()).offers)
    ws.undo_stack.clear()
    return ws


@pytest.fixture
def position_panel(qtbot, panels_workspace):
    panel = PositionPanel(panels_workspace)
    qtbot.addWidget(panel)
    panel.resize(450, 900)
    return panel


@pytest.fixture
def levers_panel(qtbot, panels_workspace):
    panel = LeversPanel(panels_workspace)
    qtbot.addWidget(panel)
    panel.resize(450, 900)
    return panel


def amount(text: str) -> Decimal:
    """ "$351,831.25" → 351831.25 · "+$5,000.00" → 5000 · "−$1,250" → -1250 (what the user reads, as a number)."""
    negative = text.startswith("−")
    digits = text.lstrip("+−").replace("$", "").replace(",", "")
    return -Decimal(digits) if negative else Decimal(digits)


def edit_offer(workspace: Workspace, offer_id: str, **changes) -> None:
    offer = workspace.offer(offer_id)
    assert workspace.update_offer(Offer.model_validate({**offer.model_dump(), **changes}))


def commit_ask(qtbot, edit: MoneyEdit, text: str) -> None:
    edit.setFocus()
    edit.selectAll()
    qtbot.keyClicks(edit, text)
    qtbot.keyClick(edit, Qt.Key.Key_Return)


# --- the position panel --------------------------------------------------------------------------


def test_position_panel_shows_the_tier_in_words_and_the_score(position_panel, panels_workspace):
    position_panel.set_offer("sample-kestrel")
    # Kestrel, by the README's rubric: final interview 2 Nov, offer 9 Nov = 7 days → 72; one competing
    # offer +6; Lumen pays more in year 1 (303,200 > 205,500) +5; recruiter advocating +5; rounds on
    # 20 Oct, 27 Oct, 2 Nov are 6.5 days apart on average (≤ 7) +4: 92 points, a grand slam (90–100)
    assert position_panel.tier_badge.text() == "Grand slam"
    assert position_panel.tier_badge.accessibleName() == "Tier: Grand slam"
    assert position_panel.score_label.text() == "92 of 100"
    assert position_panel.timing_label.text() == "Interview to offer: 7 days"
    position = panels_workspace.evaluation("sample-kestrel").position
    assert position.rubric_version in position_panel.rubric_label.text()


def test_position_panel_lists_every_reason_with_its_points(position_panel, panels_workspace):
    position_panel.set_offer("sample-lumen")
    position = panels_workspace.evaluation("sample-lumen").position
    assert [label.text() for label in position_panel.reason_labels] == [e.sentence for e in position.evidence]
    # points as read: the offer came the day of the final interview +100, one competing offer +6,
    # the recruiter advocating +5, a responsive hiring manager +3, the deadline 0 (information, a lever)
    assert [label.text() for label in position_panel.point_labels] == ["+100", "+6", "+5", "+3", "0"]
    assert position_panel.score_label.text() == "100 of 100"  # 114, kept between 0 and 100


def test_position_panel_shows_waiting_days_and_next_steps(position_panel, panels_workspace):
    position_panel.set_offer("sample-tessellate")
    position = panels_workspace.evaluation("sample-tessellate").position
    assert position.days_waiting == 14
    assert position_panel.timing_label.text().startswith("Waiting: 14 days")
    assert position.next_steps
    assert [label.text() for label in position_panel.next_labels] == list(position.next_steps)
    assert not position_panel.next_heading.isHidden()


def test_position_panel_shows_the_cap(position_panel, panels_workspace):
    # an offer 39 days after the final interview, with everything else in its favour: capped at uncertain
    edit_offer(
        panels_workspace,
        "sample-kestrel",
        timeline=[
            {"date": "2026-10-01", "kind": "final_interview"},
            {"date": "2026-11-09", "kind": "offer"},
        ],
        signals={"competing_offers": 2, "recruiter_advocating": True, "hiring_manager_responsive": True},
    )
    position_panel.set_offer("sample-kestrel")
    position = panels_workspace.evaluation("sample-kestrel").position
    assert position.capped is not None
    assert position_panel.reason_labels[-1].text() == position.capped
    assert position_panel.point_labels[-1].text() == "Cap"
    assert position_panel.tier_badge.text() == "Uncertain"


def test_how_is_this_rated_opens_the_rubric(qtbot, position_panel, panels_workspace):
    position_panel.set_offer("sample-lumen")
    position_panel.show()
    qtbot.mouseClick(position_panel.rubric_button, Qt.MouseButton.LeftButton)
    dialogs = [w for w in QApplication.topLevelWidgets() if isinstance(w, RubricDialog) and w.isVisible()]
    assert len(dialogs) == 1
    dialog = dialogs[0]
    assert dialog.windowTitle() == "How is this rated?"
    rubric = panels_workspace.settings().active_rubric
    assert str(rubric.slow_offer_cap_days) in dialog.browser.toPlainText()
    with qtbot.waitSignal(dialog.finished):
        dialog.close()
    assert position_panel.rubric_dialog is None


def test_no_offer_shows_a_prompt(position_panel, levers_panel):
    position_panel.set_offer(None)
    levers_panel.set_offer(None)
    assert position_panel.stack.currentWidget() is position_panel.empty_label
    assert levers_panel.stack.currentWidget() is levers_panel.empty_label
    assert levers_panel.cards == []


# --- the levers panel ----------------------------------------------------------------------------


def test_levers_panel_lists_the_levers_in_app_order_with_app_asks(levers_panel, panels_workspace):
    levers_panel.set_offer("sample-lumen")
    evaluation = panels_workspace.evaluation("sample-lumen")
    cur = evaluation.offer.currency
    assert [card.lever.lever for card in levers_panel.cards] == [lever.lever for lever in evaluation.levers]
    for rank, (card, lever) in enumerate(zip(levers_panel.cards, evaluation.levers, strict=True), start=1):
        assert card.title_label.text() == f"{rank}. {lever.title}"
        assert card.ask_label.text().startswith(f"Ask: {fmt.money(lever.ask, cur)}")
        assert card.plausibility_badge.text() == PLAUSIBILITY_NAMES[lever.plausibility]
        assert card.kind_label.text() == KIND_NAMES[lever.kind]
        assert card.rationale_label.text() == lever.rationale
        assert card.script_label.text() == f"“{lever.script}”"
        assert (card.ask_edit is not None) == has_what_if(lever)
    base = levers_panel.card("base_salary")
    assert base.ask_label.text() == "Ask: $214,000 (offered $192,000)"
    assert base.ask_edit.text() == "214,000"
    assert levers_panel.card("remote").ask_label.text() == "Ask: —"


def test_levers_header_shows_the_stretch_goal_and_drops(levers_panel, panels_workspace):
    levers_panel.set_offer("sample-lumen")
    s = panels_workspace.evaluation("sample-lumen").stretch
    lines = levers_panel.header.texts()
    assert lines[0].startswith(
        f"Base: {fmt.money(s.base_offered, 'USD')} offered → up to {fmt.money(s.base_ceiling, 'USD')}"
    )
    assert lines[1] == "Band: $165,000–$215,000, source: posting"
    assert lines[2] == "Year 1: $303,200 offered → $351,831.25 best plausible"
    assert "Your target of $330,000 in year 1 is within reach." in lines
    assert "Your walk-away of $290,000: met by the offer as it stands." in lines
    assert "Year 5 falls by $102,761.78: the initial grant runs out." in lines
    levers_panel.set_offer("sample-tessellate")
    assert levers_panel.header.texts()[1].endswith("(estimate)")


def test_copy_puts_the_script_on_the_clipboard(qtbot, levers_panel, panels_workspace):
    levers_panel.set_offer("sample-lumen")
    lever = panels_workspace.evaluation("sample-lumen").levers[1]
    card = levers_panel.cards[1]
    with qtbot.waitSignal(levers_panel.copied) as copied:
        qtbot.mouseClick(card.copy_button, Qt.MouseButton.LeftButton)
    assert QGuiApplication.clipboard().text() == lever.script
    assert lever.title in copied.args[0]


def test_copy_works_from_the_keyboard(qtbot, levers_panel, panels_workspace):
    levers_panel.set_offer("sample-lumen")
    levers_panel.show()
    card = levers_panel.card("start_date")
    assert card.copy_button.focusPolicy() & Qt.FocusPolicy.TabFocus
    card.copy_button.setFocus()
    with qtbot.waitSignal(levers_panel.copied):
        qtbot.keyClick(card.copy_button, Qt.Key.Key_Space)
    assert QGuiApplication.clipboard().text() == card.lever.script


def test_what_if_shows_app_year_totals(qtbot, levers_panel, panels_workspace):
    levers_panel.set_offer("sample-lumen")
    levers_panel.show()
    card = levers_panel.card("base_salary")
    assert card.whatif_rows() == []  # nothing until the user commits an ask
    commit_ask(qtbot, card.ask_edit, "205k")
    evaluation = panels_workspace.evaluation("sample-lumen")
    expected = what_if(evaluation.offer, evaluation.levers[0], Decimal(205000), evaluation.stretch, 4)
    rows = card.whatif_rows()
    assert [int(r[0]) for r in rows] == [1, 2, 3, 4]
    # Lumen as offered (worked out in test_compare_view): 303,200 · 322,824 · 384,646.72 · 401,674.12
    assert [amount(r[1]) for r in rows] == [Decimal("303200"), Decimal("322824"), Decimal("384646.72"),
                                            Decimal("401674.12")]
    # a base of 205,000 instead of 192,000, rising 3 % a year, with the 15 % bonus on it:
    #   year 1: +13,000 base + 1,950 bonus = +14,950
    #   year 2: 211,150 − 197,760 = +13,390 base; 31,672.50 − 29,664 = +2,008.50 bonus → +15,398.50
    #   year 3: 217,484.50 − 203,692.80 = +13,791.70; 32,622.675 → 32,622.68 − 30,553.92 = +2,068.76 → +15,860.46
    #   year 4: 224,009.035 → 224,009.04 − 209,803.58 = +14,205.46; 33,601.355 → 33,601.36 − 31,470.54
    #           = +2,130.82 → +16,336.28
    assert [r[3] for r in rows] == ["+$14,950.00", "+$15,398.50", "+$15,860.46", "+$16,336.28"]
    assert [amount(r[2]) for r in rows] == [Decimal("318150"), Decimal("338222.50"), Decimal("400507.18"),
                                            Decimal("418010.40")]  # the offer plus the change
    assert [amount(r[4]) for r in rows] == [y.best for y in expected.years]  # the stretch, as app/ has it
    assert amount(rows[0][4]) == Decimal("351831.25")  # as the stretch header says
    assert card.whatif_message.isHidden()  # within the stretch: no warning
    # 330,000 − 318,150 = 11,850 short of the target; 318,150 is above the 290,000 walk-away
    assert card.goal_label.text() == (
        "Year 1 with this ask: $318,150: short of your target of $330,000 by $11,850; above your walk-away of "
        "$290,000."
    )


def test_an_ask_above_the_stretch_is_flagged_in_words(qtbot, levers_panel, panels_workspace):
    levers_panel.set_offer("sample-lumen")
    levers_panel.show()
    card = levers_panel.card("equity")
    commit_ask(qtbot, card.ask_edit, "$500,000")
    ceiling = panels_workspace.evaluation("sample-lumen").stretch.equity_ceiling
    assert not card.whatif_message.isHidden()
    assert f"above what this position plausibly reaches ({fmt.money(ceiling, 'USD')})" in card.whatif_message.text()
    assert card.result.ask_above_stretch
    assert len(card.whatif_rows()) == 4


def test_an_ask_that_is_not_an_amount_says_so(qtbot, levers_panel):
    levers_panel.set_offer("sample-lumen")
    levers_panel.show()
    card = levers_panel.card("sign_on")
    commit_ask(qtbot, card.ask_edit, "lots")
    assert card.whatif_message.text().startswith("Not an amount")
    assert card.whatif_rows() == []


def test_panels_follow_an_edit_of_the_offer(qtbot, position_panel, levers_panel, panels_workspace):
    position_panel.set_offer("sample-lumen")
    levers_panel.set_offer("sample-lumen")
    levers_panel.show()
    card = levers_panel.card("base_salary")
    commit_ask(qtbot, card.ask_edit, "220k")
    with qtbot.waitSignal(panels_workspace.evaluations_changed):
        edit_offer(panels_workspace, "sample-lumen", base_salary=Decimal(200000))
    evaluation = panels_workspace.evaluation("sample-lumen")
    assert levers_panel.header.texts()[0].startswith("Base: $200,000 offered")
    base = levers_panel.card("base_salary")
    assert base is card  # same levers: cards are updated in place, the user's ask is kept
    assert base.ask_label.text().endswith("(offered $200,000)")
    assert base.ask_edit.text() == "220,000"
    # offered now: year 1 = base 200,000 + bonus 30,000 + sign-on 45,000 + equity 15,000 + benefits 10,400
    # + relocation 12,000 = 312,400; year 2 = 206,000 + 30,900 + 30,000 + 55,000 + 10,400 = 332,300.
    # With the 220,000 ask: + 20,000 and its bonus 3,000 = 335,400; + 20,600 and 3,090 = 355,990.
    assert [amount(r[1]) for r in base.whatif_rows()][:2] == [Decimal("312400"), Decimal("332300")]
    assert [amount(r[2]) for r in base.whatif_rows()][:2] == [Decimal("335400"), Decimal("355990")]
    assert position_panel.score_label.text() == f"{evaluation.position.score} of 100"
    # a change to the timeline changes the rating the position panel shows
    with qtbot.waitSignal(panels_workspace.evaluations_changed):
        edit_offer(panels_workspace, "sample-lumen", signals={"competing_offers": 0})
    position = panels_workspace.evaluation("sample-lumen").position
    assert [label.text() for label in position_panel.reason_labels] == [e.sentence for e in position.evidence]
    assert not any("competing offer" in label.text() for label in position_panel.reason_labels)


def test_refresh_keeps_the_scroll_position(qtbot, levers_panel, panels_workspace):
    levers_panel.set_offer("sample-lumen")
    levers_panel.resize(450, 500)
    levers_panel.show()
    bar = levers_panel.scroll.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 600)
    bar.setValue(600)
    with qtbot.waitSignal(panels_workspace.evaluations_changed):
        edit_offer(panels_workspace, "sample-lumen", notes="Call the recruiter on Monday.")
    QApplication.processEvents()
    assert bar.value() == 600
    levers_panel.set_offer("sample-kestrel")  # another offer starts at the top
    QApplication.processEvents()
    assert bar.value() == 0


def test_deleted_offer_empties_the_panels(qtbot, position_panel, levers_panel, panels_workspace):
    position_panel.set_offer("sample-aurelia")
    levers_panel.set_offer("sample-aurelia")
    with qtbot.waitSignal(panels_workspace.evaluations_changed):
        panels_workspace.delete_offers(["sample-aurelia"])
    assert position_panel.stack.currentWidget() is position_panel.empty_label
    assert levers_panel.stack.currentWidget() is levers_panel.empty_label


def test_every_control_has_an_accessible_name(position_panel, levers_panel):
    position_panel.set_offer("sample-lumen")
    levers_panel.set_offer("sample-lumen")
    controls = [
        *position_panel.findChildren(QPushButton),
        *levers_panel.findChildren(QPushButton),
        *levers_panel.findChildren(MoneyEdit),
    ]
    assert len(controls) > 10
    assert all(control.accessibleName() for control in controls)
    copy_names = [card.copy_button.accessibleName() for card in levers_panel.cards]
    assert len(set(copy_names)) == len(copy_names)  # each says which script it copies


def test_the_suggested_ask_follows_the_lever_when_the_offer_changes(qtbot, levers_panel, panels_workspace):
    levers_panel.set_offer("sample-lumen")
    levers_panel.show()
    card = levers_panel.card("base_salary")
    card.ask_edit.setFocus()
    qtbot.keyClick(card.ask_edit, Qt.Key.Key_Return)  # the suggested ask, as offered by the app
    assert len(card.whatif_rows()) == 4
    with qtbot.waitSignal(panels_workspace.evaluations_changed):
        edit_offer(panels_workspace, "sample-lumen", base_salary=Decimal(200000))
    evaluation = panels_workspace.evaluation("sample-lumen")
    lever = next(lever for lever in evaluation.levers if lever.lever == "base_salary")
    assert lever.ask != Decimal(214000)
    assert card.ask_edit.text() == fmt.money_plain(lever.ask)
    expected = what_if(evaluation.offer, lever, lever.ask, evaluation.stretch, 4)
    assert [amount(r[3]) for r in card.whatif_rows()] == [y.change for y in expected.years]
