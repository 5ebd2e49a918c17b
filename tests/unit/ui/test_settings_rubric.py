"""Settings edits the rating rubric's numbers in place, and a new offer waits to be rated (issue 13, item 9)."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QDialogButtonBox

from app.models import Offer, Settings
from app.rubric import DEFAULT_RUBRIC
from ui.main_window import NEGOTIATE_TAB, MainWindow
from ui.models.offer_list_model import OfferListModel
from ui.settings_dialog import SettingsDialog
from ui.workspace import Workspace


@pytest.fixture
def dialog(qtbot):
    widget = SettingsDialog(Settings())
    qtbot.addWidget(widget)
    widget.show()
    widget.tabs.setCurrentWidget(widget.rubric_page)
    return widget


def press_ok(qtbot, dialog: SettingsDialog) -> None:
    buttons = dialog.findChild(QDialogButtonBox)
    qtbot.mouseClick(buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)


def set_spin(qtbot, spin, value: int) -> None:
    """What a user does: type the number, then Enter (the spin box reads it only when finished)."""
    spin.setFocus()
    spin.selectAll()
    qtbot.keyClicks(spin, str(value))
    qtbot.keyClick(spin, Qt.Key.Key_Return)


def test_settings_edit_the_rubrics_numbers_in_place(qtbot, dialog):
    assert "save the rubric, edit the numbers in the file" not in dialog.rubric_label.text()
    strong = dialog.rubric_form.inputs["strong_from"]
    assert strong.value() == 75
    assert dialog.rubric_form.inputs["offer_speed[1].points"].value() == 86
    set_spin(qtbot, strong, 80)
    set_spin(qtbot, dialog.rubric_form.inputs["offer_speed[1].points"], 90)
    dialog.rubric_form.inputs["stretch.steady.band_room_pct"].setText("70")
    press_ok(qtbot, dialog)
    rubric = dialog.result_settings().rubric
    assert (rubric.strong_from, rubric.offer_speed[1].points) == (80, 90)
    assert rubric.stretch["steady"].band_room_pct == 70
    assert rubric.version == "2026.12-1 (edited)"  # every rating made with it says so
    assert rubric.offer_speed[1].meaning == DEFAULT_RUBRIC.offer_speed[1].meaning  # what the form doesn't show stays


def test_a_rubric_that_breaks_a_rule_is_marked_and_not_applied(qtbot, dialog):
    set_spin(qtbot, dialog.rubric_form.inputs["strong_from"], 95)  # above grand slam's 90
    press_ok(qtbot, dialog)
    assert dialog.isVisible() and dialog.result_settings() is None
    assert dialog.rubric_form.banner.isVisible()
    assert dialog.rubric_form.banner.text() == "Tier thresholds must fall from grand slam to uncertain"
    dialog.rubric_form.inputs["drop_flag_pct"].setText("abc")
    press_ok(qtbot, dialog)
    assert dialog.rubric_form.inputs["drop_flag_pct"].property("invalid") is True
    qtbot.mouseClick(dialog.reset_rubric, Qt.MouseButton.LeftButton)  # Reset: the shipped numbers
    assert dialog.rubric_form.inputs["strong_from"].value() == 75
    assert dialog.rubric_form.inputs["drop_flag_pct"].text() == "5 %"
    press_ok(qtbot, dialog)
    assert dialog.result_settings() == Settings()  # the shipped rubric: nothing of it stored


@pytest.fixture
def window(qtbot, store, tmp_path):
    workspace = Workspace(store, today=lambda: date(2026, 11, 20))
    win = MainWindow(workspace, QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(win)
    win.show()
    yield win
    win.close()


def test_a_new_offer_is_not_rated_until_it_has_a_base_and_a_timeline(qtbot, window):
    window.new_offer()
    offer_id = window.current_offer_id()
    model = window.list_model
    tier = model.index(model.row_of(offer_id), OfferListModel.TIER)
    assert tier.data() == "Not rated"
    assert "add the base salary and the timeline" in tier.data(Qt.ItemDataRole.ToolTipRole)
    window.tabs.setCurrentIndex(NEGOTIATE_TAB)
    panel = window.position_panel
    qtbot.waitUntil(panel.isVisible)
    assert panel.stack.currentWidget() is panel.empty_label
    assert "not rated yet" in panel.empty_label.text()
    assert window.levers_panel.cards == []
    offer = window.workspace.offer(offer_id)
    window.workspace.update_offer(
        Offer.model_validate(
            {
                **offer.model_dump(),
                "base_salary": 150000,
                "timeline": [
                    {"date": "2026-11-10", "kind": "final_interview"},
                    {"date": "2026-11-12", "kind": "offer"},
                ],
            }
        )
    )
    tier = model.index(model.row_of(offer_id), OfferListModel.TIER)
    assert tier.data() != "Not rated"  # rated from the timeline now: an offer two days after the final
    assert panel.stack.currentWidget() is not panel.empty_label
