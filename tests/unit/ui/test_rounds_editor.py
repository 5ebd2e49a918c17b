"""The negotiation so far in the editor: rounds added and typed as a user does, each item with the input
its kind needs, the rounds on the timeline strip, and the company's answer copied into the offer (one
undoable change) from the button by the rounds and from Edit → Copy the company's answer (Ctrl+R)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication, QWidget

from app.files import read_offer_file
from app.models import NegotiationRound, Offer, RoundItems, SignOnRepayment
from app.resources import sample_offers_path
from app.store import Store
from tests.unit.ui.user_input import choose, type_into
from ui.forms.offer_form import OfferForm
from ui.main_window import MainWindow
from ui.widgets.fields import DateEdit, MoneyEdit, WholeNumberEdit
from ui.workspace import Workspace

D = Decimal
TODAY = date(2026, 11, 20)



def click(qtbot, button: QWidget) -> None:
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


@pytest.fixture
def store(tmp_path):
    opened = Store.open(tmp_path / "offers.sqlite3")
    yield opened
    opened.close()


@pytest.fixture
def form(qtbot, store):
    """The editor on an offer with no rounds yet: base 192,000, sign-on 45,000 then 30,000."""
    workspace = Workspace(store, today=lambda: TODAY)
    offer = Offer(
        id="lumen", company="Lumen", role="Senior Engineer", base_salary=D(192000), sign_on=[D(45000), D(30000)]
    )
    workspace.add_offer(offer)
    workspace.undo_stack.clear()
    widget = OfferForm(workspace)
    qtbot.addWidget(widget)
    widget.resize(1000, 800)
    widget.set_offer("lumen")
    widget.show()
    return widget


def saved(store) -> Offer:
    return store.get_offer("lumen")


def test_add_two_rounds_copy_the_answer_into_the_offer_and_undo_it(qtbot, form, store):
    assert not form.answer_area.isVisibleTo(form)  # no answer from the company yet: nothing to copy
    click(qtbot, form.rounds.add_button)
    first = form.rounds.rows()[0]
    # a new round: today, your ask, on the base (starting from the offer's own 192,000)
    assert (first.date.text(), first.side.currentData(), first.items()) == ("11/20/2026", "candidate", ["base_salary"])
    assert first.item_rows[0].editor().text() == "192,000"
    type_into(qtbot, first.item_rows[0].editor(), "210k")
    click(qtbot, first.add_item_button)  # the next item: the sign-on, all years together (45,000 + 30,000)
    assert first.items() == ["base_salary", "sign_on"] and first.item_rows[1].editor().text() == "75,000"
    type_into(qtbot, first.item_rows[1].editor(), "90,000")
    type_into(qtbot, first.note, "cited the competing offer")

    click(qtbot, form.rounds.add_button)
    second = form.rounds.rows()[1]
    assert (second.side.currentData(), second.items()) == ("company", ["base_salary", "sign_on"])  # the answer
    type_into(qtbot, second.item_rows[0].editor(), "198,000")

    assert saved(store).negotiation == [
        NegotiationRound(
            date=TODAY,
            side="candidate",
            items=RoundItems(base_salary=D(210000), sign_on=D(90000)),
            note="cited the competing offer",
        ),
        NegotiationRound(date=TODAY, side="company", items=RoundItems(base_salary=D(198000), sign_on=D(75000))),
    ]
    assert [(d, side) for d, side, _ in form.strip.rounds()] == [(TODAY, "candidate"), (TODAY, "company")]
    # what copying would do: the base changes; the sign-on answered (75,000) is what the offer pays already
    assert form.answer_area.isVisibleTo(form) and form.copy_answer_button.isEnabled()
    assert form.answer_words.text() == (
        "The company's answer of 11/20/2026 would change:\n• Base salary: $192,000 → $198,000"
    )

    with qtbot.waitSignal(form.answer_copied) as copied:
        click(qtbot, form.copy_answer_button)
    assert copied.args[0].startswith("Copied Lumen's answer into the offer: Base salary: $192,000 → $198,000.")
    assert saved(store).base_salary == D(198000) and saved(store).sign_on == [D(45000), D(30000)]
    assert form.base_salary.text() == "198,000"
    assert not form.copy_answer_button.isEnabled()
    assert form.answer_words.text() == "The company's answer of 11/20/2026 is what the offer holds now."

    form.workspace.undo_stack.undo()
    assert form.workspace.undo_stack.undoText() != "Copy Lumen's answer"
    assert saved(store).base_salary == D(192000) and len(saved(store).negotiation) == 2  # the rounds stay
    assert form.base_salary.text() == "192,000" and form.copy_answer_button.isEnabled()


def test_each_item_takes_the_input_its_kind_needs(qtbot, form, store):
    click(qtbot, form.rounds.add_button)
    row = form.rounds.rows()[0]
    item = row.item_rows[0]
    choose(qtbot, item.kind, "pto_days")
    assert isinstance(item.editor(), WholeNumberEdit)
    assert saved(store).negotiation[0].items.base_salary == D(192000)  # an empty new value is not saved yet
    type_into(qtbot, item.editor(), "25")
    assert saved(store).negotiation[0].items == RoundItems(pto_days=25)
    click(qtbot, row.add_item_button)
    choose(qtbot, row.item_rows[1].kind, "start_date")
    assert isinstance(row.item_rows[1].editor(), DateEdit)
    type_into(qtbot, row.item_rows[1].editor(), "2027-02-01")
    click(qtbot, row.add_item_button)
    choose(qtbot, row.item_rows[2].kind, "title")
    type_into(qtbot, row.item_rows[2].editor(), "Staff Engineer")
    assert saved(store).negotiation[0].items == RoundItems(
        pto_days=25, start_date=date(2027, 2, 1), title="Staff Engineer"
    )
    # an item is named once in a round: the items already named are greyed in the others' choices
    model = row.item_rows[0].kind.model()
    assert not model.item(row.item_rows[0].kind.findData("title")).isEnabled()
    # a value can't be left empty: marked at its field, never dropped silently
    type_into(qtbot, row.item_rows[2].editor(), "")
    assert form.problems() == {"negotiation[0].items.title": "Round 1 title needs some words (or remove the item)"}
    assert saved(store).negotiation[0].items.title == "Staff Engineer"
    click(qtbot, row.item_rows[2].remove_button)
    assert saved(store).negotiation[0].items == RoundItems(pto_days=25, start_date=date(2027, 2, 1))
    click(qtbot, row.item_rows[1].remove_button)
    assert not row.item_rows[0].remove_button.isEnabled()  # a round keeps at least one item


def test_what_cant_be_copied_is_said(qtbot, form, store):
    click(qtbot, form.rounds.add_button)
    click(qtbot, form.rounds.add_button)
    answer = form.rounds.rows()[1]
    assert answer.side.currentData() == "company"
    type_into(qtbot, answer.item_rows[0].editor(), "200,000")
    click(qtbot, answer.add_item_button)
    choose(qtbot, answer.item_rows[1].kind, "pto_days")
    type_into(qtbot, answer.item_rows[1].editor(), "28")
    assert form.answer_words.text().endswith(
        "Not copied: Paid days off (the offer has no field for it; it stays in the rounds)."
    )
    assert isinstance(answer.item_rows[0].editor(), MoneyEdit)


@pytest.fixture
def window(qtbot, tmp_path):
    store = Store.open(tmp_path / "offers.sqlite3")
    workspace = Workspace(store, today=lambda: TODAY)
    sample = read_offer_file(sample_offers_path())
    workspace.update_settings(sample.settings)
    workspace.import_offers(sample.offers)
    workspace.undo_stack.clear()
    win = MainWindow(workspace, QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(win)
    win.show()
    yield win
    win.close()
    store.close()


def test_copy_the_answer_from_the_edit_menu_and_undo_it(qtbot, window):
    """The sample's Lumen offer: you asked 210,000 and 90,000 sign-on; the company answered 198,000 and 75,000."""
    window.select_offer("sample-lumen")
    form = window.form
    assert [(d, side) for d, side, _ in form.strip.rounds()] == [
        (date(2026, 11, 3), "candidate"),
        (date(2026, 11, 6), "company"),
    ]
    assert window.copy_answer_action.isEnabled()
    assert window.copy_answer_action.shortcut().toString() == "Ctrl+R"
    qtbot.keyClick(window, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    store = window.workspace.store
    assert store.get_offer("sample-lumen").base_salary == D(198000)
    assert window.statusBar().currentMessage().startswith("Copied Lumen Health's answer into the offer")
    assert window.undo_action.text() == "&Undo Copy Lumen Health's answer"
    assert not window.copy_answer_action.isEnabled()  # the offer holds the answer now
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert store.get_offer("sample-lumen").base_salary == D(192000)
    assert form.base_salary.text() == "192,000" and window.copy_answer_action.isEnabled()


def test_the_start_date_and_the_sign_ons_repayment_are_saved(qtbot, form, store):
    type_into(qtbot, form.start_date, "2027-01-11")
    assert saved(store).start_date == date(2027, 1, 11) and form.start_date.text() == "1/11/2027"
    assert form.repay_months.text() == "Not repaid" and not form.repay_pro_rata.isEnabled()
    form.repay_months.setFocus()
    form.repay_months.selectAll()
    qtbot.keyClicks(form.repay_months, "24")
    qtbot.keyClick(form.repay_months, Qt.Key.Key_Return)
    assert saved(store).sign_on_repayment == SignOnRepayment(months=24, pro_rata=True)  # pro rata unless said
    assert form.repay_months.text() == "if you leave within 24 months" and form.repay_pro_rata.isEnabled()
    choose(qtbot, form.repay_pro_rata, False)
    assert saved(store).sign_on_repayment == SignOnRepayment(months=24, pro_rata=False)
    form.repay_months.setFocus()
    form.repay_months.selectAll()
    qtbot.keyClicks(form.repay_months, "0")
    qtbot.keyClick(form.repay_months, Qt.Key.Key_Return)
    assert saved(store).sign_on_repayment is None


def test_tab_goes_through_a_round_in_reading_order_and_a_long_note_reads_from_its_start(qtbot, window):
    """The sample's Lumen offer, round 1: date, who, its two items, Add item, the note, then Remove round."""
    window.select_offer("sample-lumen")
    first = window.form.rounds.rows()[0]
    # loaded notes show their first words (the cursor at the start), not their last
    assert first.note.text() == "cited the competing offer and the scope of the payments migration"
    assert first.note.cursorPosition() == 0
    seen = []
    first.date.setFocus()
    for _ in range(9):
        seen.append(QApplication.focusWidget())
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    base, sign_on = first.item_rows
    assert seen == [
        first.date,
        first.side,
        base.kind,
        base.editor(),
        base.remove_button,
        sign_on.kind,
        sign_on.editor(),
        sign_on.remove_button,
        first.add_item_button,
    ]
    assert QApplication.focusWidget() is first.note
    qtbot.keyClick(first.note, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is first.remove_button
