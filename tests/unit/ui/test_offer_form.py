"""The offer editor: what it shows, what a finished edit saves, and how it marks what can't be saved."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QColor, QPalette, QWheelEvent
from PySide6.QtWidgets import QAbstractSpinBox, QApplication, QComboBox, QFormLayout, QLabel, QMessageBox, QWidget

from app.files import read_offer_file
from app.models import Budget, Offer
from app.resources import sample_offers_path
from app.store import Store
from ui.forms.binder import FormBinder, add_form_row, is_input, widgets_in_layout_order
from ui.forms.offer_form import OfferForm
from ui.widgets.fields import MoneyEdit
from ui.workspace import Workspace

TODAY = date(2026, 11, 20)


@pytest.fixture
def workspace(qapp, store):
    ws = Workspace(store, today=lambda: TODAY)
    ws.import_offers(read_offer_file(sample_offers_path()).offers)
    ws.undo_stack.clear()
    return ws


@pytest.fixture
def form(qtbot, workspace, monkeypatch):
    for name in ("critical", "warning", "information", "question"):  # validation never pops a box
        monkeypatch.setattr(QMessageBox, name, _no_message_box)
    widget = OfferForm(workspace)
    qtbot.addWidget(widget)  # closed and deleted after the test
    widget.resize(800, 700)
    widget.set_offer("sample-lumen")
    widget.show()
    widget.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is widget)
    return widget


def _no_message_box(*args, **kwargs):
    raise AssertionError("the form popped a message box")


def type_into(qtbot, field: QWidget, text: str, finish=Qt.Key.Key_Return) -> None:
    """What a user does: focus the field, replace its text, press Enter."""
    field.setFocus()
    field.selectAll()
    if text:
        qtbot.keyClicks(field, text)
    else:
        qtbot.keyClick(field, Qt.Key.Key_Delete)
    qtbot.keyClick(field, finish)


def choose(combo: QComboBox, data) -> None:
    """Pick an item as the user does (activated is only emitted for the user's choices)."""
    index = next(i for i in range(combo.count()) if combo.itemData(i) == data)
    combo.setCurrentIndex(index)
    combo.activated.emit(index)


def message(form: OfferForm, path: str) -> QLabel:
    return form.binder.field(path).message


def stored(store: Store, offer_id: str = "sample-lumen"):
    return store.get_offer(offer_id)


# --- showing -------------------------------------------------------------------------------------


def test_shows_the_offer(form):
    assert form.company.text() == "Lumen Health"
    assert form.stage.currentData() == "negotiating"
    assert form.base_salary.text() == "192,000"
    assert form.bonus_mode.currentData() == "percent"
    assert form.bonus_pct.text() == "15 %"
    assert [edit.text() for edit in form.sign_on[:3]] == ["45,000", "30,000", ""]
    grant = form.equity.rows()[0]
    assert grant.shares.text() == "1,600" and grant.price.text() == "187.50"
    assert grant.vesting.preset.currentText().startswith("5/15/40/40")
    assert grant.vesting.frequency.currentData() == "quarterly"
    assert form.band_source.currentData() == "posting"
    assert len(form.timeline.rows()) == 7
    assert form.recruiter.currentText() == "Yes"
    assert form.deadline.text() == "12/4/2026"  # as the (US English) locale writes dates
    assert form.notes.toPlainText().startswith("Hiring manager mentioned")
    assert form.strip.events()[0] == (date(2026, 10, 6), "applied", "")


def test_switching_offers_shows_the_other_offer(qtbot, form):
    with qtbot.waitSignal(form.offer_shown) as shown:
        form.set_offer("sample-aurelia")
    assert shown.args == ["sample-aurelia"]
    assert form.company.text() == "Aurelia Bank"
    assert form.currency.currentText() == "GBP"
    assert form.base_salary.currency() == "GBP"
    assert form.base_salary.affixes() == ("£", "")  # the symbol drawn in the field, where the locale puts it
    assert len(form.equity.rows()) == 1 and form.equity.rows()[0].value.text() == "60,000"
    assert form.recruiter.currentText() == "Unknown" and form.manager.currentText() == "No"
    assert form.target_total.text() == ""
    form.set_offer(None)
    assert form.pages.currentWidget() is form.empty


# --- saving --------------------------------------------------------------------------------------


def test_typed_amount_is_saved_on_enter(qtbot, form, workspace, store):
    with qtbot.waitSignal(workspace.saved) as saved:
        type_into(qtbot, form.base_salary, "$185,000")
    assert "Lumen" in saved.args[0]
    assert stored(store).base_salary == Decimal("185000")
    assert form.base_salary.text() == "185,000"


def test_shorthand_thousands_are_read(qtbot, form, workspace, store):
    with qtbot.waitSignal(workspace.saved):
        type_into(qtbot, form.base_salary, "185k")
    assert stored(store).base_salary == Decimal("185000")


def test_leaving_a_field_saves_it(qtbot, form, workspace, store):
    with qtbot.waitSignal(workspace.saved):
        type_into(qtbot, form.relocation, "15000", finish=Qt.Key.Key_Tab)
    assert stored(store).relocation == Decimal("15000")
    assert form.relocation.text() == "15,000"


@pytest.mark.parametrize(
    ("text", "words"), [("-5", "can't be negative"), ("abc", "not an amount"), ("12..5", "not a number")]
)
def test_bad_amount_is_marked_and_not_saved(qtbot, form, workspace, store, text, words):
    before = stored(store)
    with qtbot.assertNotEmitted(workspace.saved), qtbot.waitSignal(form.edit_rejected):
        type_into(qtbot, form.base_salary, text)
    label = message(form, "base_salary")
    assert label.isVisible()
    assert words in label.text()
    assert form.base_salary.property("invalid") is True
    assert form.base_salary.toolTip() == label.text() == form.base_salary.accessibleDescription()
    qtbot.waitUntil(form.base_salary.hasFocus)
    assert stored(store) == before
    assert form.base_salary.text() == text  # left as typed, to fix


def test_a_marked_field_and_its_message_are_drawn_in_the_error_red_in_light_and_dark(qtbot, form):
    """The form's rules are given to each widget when it is first marked, not to the whole form (a
    style sheet there put its ~800 widgets under Qt's style-sheet style: ~8 MB and ~250 ms to build
    the window); what the user sees of a mark is the same."""
    assert form.styleSheet() == ""
    assert all(isinstance(w, QAbstractSpinBox) for w in form.findChildren(QWidget) if w.styleSheet())
    type_into(qtbot, form.base_salary, "-5")
    label = message(form, "base_salary")

    def colours() -> tuple[str, set[str]]:
        frame = form.base_salary.grab().toImage()
        text = label.grab().toImage()
        seen = {text.pixelColor(x, y).name() for x in range(text.width()) for y in range(text.height())}
        return frame.pixelColor(0, frame.height() // 2).name(), seen

    frame, text = colours()
    assert frame == "#b81e1e"  # a 2-pixel frame in HSL(0°, 72 %, 42 %): 184, 30, 30 on a light base
    assert "#b81e1e" in text  # the message's letters too
    dark = form.palette()
    for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive, QPalette.ColorGroup.Disabled):
        dark.setColor(group, QPalette.ColorRole.Base, QColor("#202020"))
        dark.setColor(group, QPalette.ColorRole.Window, QColor("#303030"))
    form.setPalette(dark)
    frame, text = colours()
    assert frame == "#e87373"  # lighter on a dark base: HSL(0°, 72 %, 68 %) = 232, 115, 115
    assert "#e87373" in text


def test_fixing_a_bad_field_clears_its_mark_and_saves(qtbot, form, workspace, store):
    type_into(qtbot, form.base_salary, "-5")
    assert message(form, "base_salary").isVisible()
    with qtbot.waitSignal(workspace.saved):
        type_into(qtbot, form.base_salary, "190000")
    assert not message(form, "base_salary").isVisible()
    assert form.base_salary.property("invalid") is False
    assert form.base_salary.accessibleDescription() == ""
    assert stored(store).base_salary == 190000


def test_band_minimum_above_maximum_is_marked_at_the_minimum(qtbot, form, workspace, store):
    with qtbot.assertNotEmitted(workspace.saved):
        type_into(qtbot, form.band_max, "100k")
    label = message(form, "budget.band_min")
    assert label.isVisible() and "minimum is above its maximum" in label.text()
    qtbot.waitUntil(form.band_min.hasFocus)  # the first bad field, not the one just edited
    assert stored(store).budget.band_max == 215000


def test_an_empty_company_is_required(qtbot, form, workspace, store):
    with qtbot.assertNotEmitted(workspace.saved):
        type_into(qtbot, form.company, " ")
    assert message(form, "company").text() == "Company is required"
    assert stored(store).company == "Lumen Health"


def test_custom_vesting_must_add_up_to_100(qtbot, form, workspace, store):
    vesting = form.equity.rows()[0].vesting
    choose(vesting.preset, "custom")
    assert vesting.years.isEnabled()
    with qtbot.assertNotEmitted(workspace.saved):
        type_into(qtbot, vesting.years, "50/40")
    label = message(form, "equity[0].vesting.years_pct")
    assert label.isVisible() and "90 %, not 100 %" in label.text()
    assert stored(store).equity[0].vesting.years_pct == [5, 15, 40, 40]
    with qtbot.waitSignal(workspace.saved):
        type_into(qtbot, vesting.years, "50/50")
    assert stored(store).equity[0].vesting.years_pct == [50, 50]
    assert not label.isVisible()


def test_a_vesting_preset_keeps_the_frequency(qtbot, form, workspace, store):
    vesting = form.equity.rows()[0].vesting
    with qtbot.waitSignal(workspace.saved):
        choose(vesting.preset, "google")
    saved = stored(store).equity[0].vesting
    assert saved.years_pct == [33, 33, 22, 12] and saved.cliff_months == 0
    assert saved.frequency == "quarterly"  # not shown by the preset, still kept


def test_grant_added_through_the_form_is_stored(qtbot, form, workspace, store):
    with qtbot.waitSignal(workspace.saved):
        qtbot.mouseClick(form.equity.add_button, Qt.MouseButton.LeftButton)
    assert len(stored(store).equity) == 2
    row = form.equity.rows()[1]
    assert row.value.hasFocus()
    with qtbot.waitSignal(workspace.saved):
        type_into(qtbot, row.value, "120k")
    grant = stored(store).equity[1]
    assert (grant.kind, grant.value, grant.vesting.years_pct) == ("rsu", 120000, [25, 25, 25, 25])
    assert stored(store).equity[0].shares == 1600  # the first grant untouched


def test_option_grant_needs_a_strike(qtbot, form, workspace, store):
    qtbot.mouseClick(form.equity.add_button, Qt.MouseButton.LeftButton)
    row = form.equity.rows()[1]
    with qtbot.assertNotEmitted(workspace.saved):
        choose(row.kind, "option")
    assert row.strike.isVisibleTo(form) and not row.value.isVisibleTo(form)
    # the option's new, empty fields are not marked before the user reaches them
    assert row.shares.property("invalid") is not True and form.problems() == {}
    qtbot.waitUntil(row.shares.hasFocus)
    qtbot.keyClick(row.shares, Qt.Key.Key_Tab)  # left empty: now it says what it needs
    assert "needs shares, strike and price" in message(form, "equity[1].shares").text()
    type_into(qtbot, row.shares, "20000")
    type_into(qtbot, row.price, "10")
    with qtbot.waitSignal(workspace.saved):
        type_into(qtbot, row.strike, "2.50")
    grant = stored(store).equity[1]
    assert (grant.kind, grant.shares, grant.strike, grant.price, grant.value) == ("option", 20000, 2.5, 10, None)


def test_removing_a_benefit_saves_at_once(qtbot, form, workspace, store):
    with qtbot.waitSignal(workspace.saved):
        qtbot.mouseClick(form.benefits.rows()[0].remove_button, Qt.MouseButton.LeftButton)
    assert [b.name for b in stored(store).benefits] == ["Wellness stipend"]
    assert form.benefits.rows()[0].name.text() == "Wellness stipend"
    assert form.benefits.rows()[0].remove_button.accessibleName() == "Remove benefit 1"


def test_timeline_event_added_through_the_form_is_stored_in_date_order(qtbot, form, workspace, store):
    with qtbot.waitSignal(workspace.saved):
        qtbot.mouseClick(form.timeline.add_button, Qt.MouseButton.LeftButton)
    events = stored(store).timeline
    assert len(events) == 8
    assert (events[-1].date, events[-1].kind) == (TODAY, "follow_up")  # after "response"
    row = form.timeline.rows()[-1]
    with qtbot.waitSignal(workspace.saved):
        type_into(qtbot, row.date, "2026-10-01")
    with qtbot.waitSignal(workspace.saved):
        type_into(qtbot, form.timeline.rows()[0].note, "a referral")
    first = stored(store).timeline[0]
    assert (first.date, first.kind, first.note) == (date(2026, 10, 1), "follow_up", "a referral")
    assert form.timeline.rows()[0].date.text() == "10/1/2026"
    assert form.strip.events()[0][0] == date(2026, 10, 1)


def test_undo_reloads_the_form(qtbot, form, workspace, store):
    with qtbot.waitSignal(workspace.saved):
        type_into(qtbot, form.base_salary, "200000")
    assert form.base_salary.text() == "200,000"
    with qtbot.waitSignal(workspace.offer_updated):
        workspace.undo_stack.undo()
    assert form.base_salary.text() == "192,000"
    assert stored(store).base_salary == 192000


def test_undo_brings_back_a_removed_grant_row(qtbot, form, workspace):
    qtbot.mouseClick(form.equity.rows()[0].remove_button, Qt.MouseButton.LeftButton)
    assert form.equity.rows() == []
    workspace.undo_stack.undo()
    assert len(form.equity.rows()) == 1
    assert form.equity.rows()[0].shares.text() == "1,600"


def test_tri_state_signals_round_trip(qtbot, form, workspace, store):
    with qtbot.waitSignal(workspace.saved):
        choose(form.recruiter, False)
    assert stored(store).signals.recruiter_advocating is False
    with qtbot.waitSignal(workspace.saved):
        choose(form.recruiter, None)
    assert stored(store).signals.recruiter_advocating is None
    with qtbot.waitSignal(workspace.saved):
        choose(form.manager, False)
    assert stored(store).signals.hiring_manager_responsive is False
    form.set_offer("sample-kestrel")
    form.set_offer("sample-lumen")
    assert (form.recruiter.currentText(), form.manager.currentText()) == ("Unknown", "No")


def test_bonus_given_as_an_amount(qtbot, form, workspace, store):
    with qtbot.assertNotEmitted(workspace.saved):
        choose(form.bonus_mode, "amount")
    qtbot.waitUntil(form.bonus_amount.hasFocus)
    assert not message(form, "bonus.target_amount").isVisible()  # empty, not reached yet: no mark
    assert "give the bonus" in form.binder.held()["bonus.target_amount"].lower()
    with qtbot.waitSignal(workspace.saved):
        type_into(qtbot, form.bonus_amount, "25k")
    bonus = stored(store).bonus
    assert (bonus.target_pct, bonus.target_amount, bonus.expected_payout_pct) == (None, 25000, 100)
    with qtbot.waitSignal(workspace.saved):
        choose(form.bonus_mode, "none")
    assert stored(store).bonus is None


def test_notes_are_saved_when_leaving_them(qtbot, form, workspace, store):
    form.notes.setFocus()
    qtbot.waitUntil(form.notes.hasFocus)
    form.notes.moveCursor(form.notes.textCursor().MoveOperation.End)
    qtbot.keyClicks(form.notes, " Ask about it.")
    assert stored(store).notes.endswith("posted.")  # nothing saved while typing
    with qtbot.waitSignal(workspace.saved):
        form.notes.clearFocus()
    assert stored(store).notes.endswith("posted. Ask about it.")


def test_currency_change_is_saved_and_shown_in_money_fields(qtbot, form, workspace, store):
    with qtbot.waitSignal(workspace.saved):
        type_into(qtbot, form.currency.lineEdit(), "eur")
    assert stored(store).currency == "EUR"
    assert form.band_min.currency() == "EUR" and form.band_min.affixes() == ("€", "")
    with qtbot.assertNotEmitted(workspace.saved):
        type_into(qtbot, form.currency.lineEdit(), "XYZ")
    assert "ISO 4217" in message(form, "currency").text()


def test_headcount_and_goal_can_be_emptied(qtbot, form, workspace, store):
    choose_spin = form.combinable_roles
    choose_spin.setValue(-1)  # "Unknown"
    form.combinable_budget.clear()
    with qtbot.waitSignal(workspace.saved):
        choose_spin.editingFinished.emit()
    assert stored(store).headcount is None
    form.target_total.clear()
    with qtbot.waitSignal(workspace.saved):
        type_into(qtbot, form.walk_away, "")
    assert stored(store).goal is None


# --- accessibility and keyboard ------------------------------------------------------------------


def test_every_input_has_an_accessible_name(qtbot, form):
    qtbot.mouseClick(form.timeline.add_button, Qt.MouseButton.LeftButton)
    inputs = [w for w in form.findChildren(QWidget) if is_input(w)]
    assert len(inputs) > 60
    nameless = [f"{type(w).__name__} {w.objectName()}" for w in inputs if not w.accessibleName().strip()]
    assert nameless == []
    assert form.binder.field("sign_on[1]").widget.accessibleName() == "Sign-on, year 2"


def test_every_bound_field_has_a_buddy_label(form):
    buddies = {id(label.buddy()) for label in form.findChildren(QLabel) if label.buddy() is not None}
    unlabelled = [f.path for f in form.binder.fields() if id(f.widget) not in buddies and f.path != "notes"]
    assert unlabelled == []


def test_tab_follows_the_layout(qtbot, form):
    chain = [w for w in widgets_in_layout_order(form.content) if is_input(w) and w.isEnabled()]
    assert chain[:3] == [form.company, form.role, form.level]
    qtbot.mouseClick(form.equity.add_button, Qt.MouseButton.LeftButton)  # a row added later
    new_row = form.equity.rows()[1]
    widget = new_row.remove_button.nextInFocusChain()
    while not widget.isVisible() or widget.focusPolicy() == Qt.FocusPolicy.NoFocus:
        widget = widget.nextInFocusChain()
    assert widget is form.equity.add_button


# --- round trips and the binder on its own -------------------------------------------------------


@pytest.mark.parametrize("offer_id", ["sample-lumen", "sample-kestrel", "sample-aurelia", "sample-tessellate"])
def test_an_untouched_form_gives_back_the_stored_offer(form, workspace, offer_id):
    form.set_offer(offer_id)
    assert form.binder.validate() == workspace.offer(offer_id)
    assert form.problems() == {}


def test_values_the_form_does_not_show_survive_an_edit(qtbot, form, workspace, store):
    lumen = workspace.offer("sample-lumen")
    extra = Offer.model_validate(
        {
            **lumen.model_dump(),
            "id": "seven-years",
            "sign_on": [10, 20, 30, 40, 50, 60, 70],  # the form shows five years
            "goal": {},  # an empty goal, as a file may have it
            "timeline": [{"date": "2026-11-02", "kind": "offer"}, {"date": "2026-10-01", "kind": "applied"}],
        }
    )
    workspace.add_offer(extra)
    form.set_offer("seven-years")
    assert [row.kind.currentData() for row in form.timeline.rows()] == ["applied", "offer"]  # shown in order
    with qtbot.waitSignal(workspace.saved):
        type_into(qtbot, form.sign_on[0], "15")
    saved = stored(store, "seven-years")
    assert saved.sign_on == [15, 20, 30, 40, 50, 60, 70]
    assert saved.goal is not None and saved.goal.target_total is None
    assert [e.kind for e in saved.timeline] == ["applied", "offer"]  # saved in date order


def test_leaving_a_bad_field_twice_does_not_trap_the_user(qtbot, form):
    type_into(qtbot, form.base_salary, "-5", finish=Qt.Key.Key_Tab)
    qtbot.waitUntil(form.base_salary.hasFocus)  # taken back to the problem once
    form.annual_raise.setFocus()
    qtbot.waitUntil(form.annual_raise.hasFocus)
    with qtbot.waitSignal(form.edit_rejected):
        type_into(qtbot, form.annual_raise, "4")  # another edit, the same problem
    assert form.annual_raise.hasFocus()
    assert message(form, "base_salary").isVisible()


def test_a_deleted_offer_leaves_the_form_empty(qtbot, form, workspace):
    workspace.delete_offers(["sample-lumen"])
    assert form.pages.currentWidget() is form.empty and form.offer_id() is None
    workspace.undo_stack.undo()
    form.set_offer("sample-lumen")
    assert form.company.text() == "Lumen Health"


def test_binder_puts_problems_no_field_owns_in_the_banner(qtbot):
    host = QWidget()
    qtbot.addWidget(host)
    layout = QFormLayout(host)
    banner = QLabel()
    layout.addRow(banner)
    band_max = MoneyEdit()
    message_label = add_form_row(layout, "Band maximum", band_max)
    binder = FormBinder(Budget, host, banner)
    binder.bind("band_max", band_max, label="Band maximum", message=message_label)
    binder.load(Budget(band_min=Decimal(100), band_max=Decimal(200)))
    assert band_max.text() == "200"
    band_max.set_value(Decimal(50))
    data, problems = binder.collect()
    assert (data, problems) == ({"band_min": 100, "band_max": 50, "source": None}, {})
    host.show()
    assert binder.validate() is None
    assert banner.isVisible() and banner.text() == "The band's minimum is above its maximum"
    assert not message_label.isVisible()
    band_max.set_value(Decimal(300))
    assert binder.validate() == Budget(band_min=Decimal(100), band_max=Decimal(300))
    assert not banner.isVisible()


def test_scrolling_the_page_over_a_choice_does_not_change_it(qtbot, form, workspace):
    form.company.setFocus()
    qtbot.waitUntil(form.company.hasFocus)
    bar = form.scroll.verticalScrollBar()
    before = bar.value()
    centre = QPointF(form.stage.rect().center())
    wheel = QWheelEvent(
        centre,
        form.stage.mapToGlobal(centre),
        QPoint(0, 0),
        QPoint(0, -120),  # one notch down
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    with qtbot.assertNotEmitted(workspace.saved):
        QApplication.sendEvent(form.stage, wheel)
    assert form.stage.currentData() == "negotiating"
    assert bar.value() > before


def test_commit_pending_saves_what_is_still_being_typed(qtbot, form, workspace, store):
    form.role.setFocus()
    form.role.selectAll()
    qtbot.keyClicks(form.role, "Staff Engineer")  # no Enter, still in the field
    with qtbot.waitSignal(workspace.saved):
        assert form.commit_pending()
    assert stored(store).role == "Staff Engineer"
    form.base_salary.setText("-1")
    assert not form.commit_pending()
    assert message(form, "base_salary").isVisible()


def test_focus_first_field_selects_the_company(qtbot, form):
    form.notes.setFocus()
    form.focus_first_field()
    qtbot.waitUntil(form.company.hasFocus)
    assert form.company.selectedText() == "Lumen Health"


# --- the live summary (issue 13, item 3) ---------------------------------------------------------

SIMPLE = {
    "id": "simple",
    "company": "Simple Co",
    "role": "Engineer",
    "base_salary": 100000,
    "bonus": {"target_pct": 10},
}


def test_the_summary_follows_every_keystroke_that_parses(qtbot, form, workspace, store):
    workspace.add_offer(Offer.model_validate(SIMPLE))
    form.set_offer("simple")
    summary = form.summary
    assert summary.isVisible()
    # as saved: 100,000 base + 10 % bonus = 110,000 a year, four years (no raise) = 440,000
    assert summary.year_one.text() == "$110,000"
    assert summary.total.text() == "$440,000"
    form.base_salary.setFocus()
    form.base_salary.selectAll()
    qtbot.keyClicks(form.base_salary, "120000")  # typing, not finished: nothing saved yet
    qtbot.waitUntil(lambda: summary.year_one.text() == "$132,000")  # 120,000 + 12,000
    assert summary.total.text() == "$528,000"  # 4 × 132,000
    assert summary.guaranteed.text() == "$480,000"  # 4 × 120,000
    assert summary.contingent.text() == "$48,000"  # 4 × 12,000
    assert summary.equity.text() == "$0"
    assert summary.bars.labels() == ["$132K", "$132K", "$132K", "$132K"]
    assert stored(store, "simple").base_salary == 100000
    qtbot.keyClicks(form.base_salary, "x")  # "120000x" can't be read: the last figures stay, said so
    qtbot.waitUntil(lambda: "can't be read" in summary.note.text())
    assert summary.year_one.text() == "$132,000"
    qtbot.keyClick(form.base_salary, Qt.Key.Key_Backspace)
    type_into(qtbot, form.annual_raise, "10")  # a finished edit of another field: saved and summed
    # year 2: base 132,000 + bonus 13,200 = 145,200; year 3: 145,200 + 14,520 = 159,720;
    # year 4: 159,720 + 15,972 = 175,692; total 132,000 + 145,200 + 159,720 + 175,692 = 612,612
    qtbot.waitUntil(lambda: summary.total.text() == "$612,612")
    assert summary.bars.labels() == ["$132K", "$145K", "$160K", "$176K"]


# --- errors only once the user reached the field (issue 13, item 5) ------------------------------


def test_a_field_that_appears_empty_is_not_marked_before_the_user_leaves_it(qtbot, form, workspace, store):
    with qtbot.waitSignal(workspace.saved):
        choose(form.bonus_mode, "none")
    with qtbot.assertNotEmitted(workspace.saved):
        choose(form.bonus_mode, "percent")
    assert form.bonus_pct.isVisibleTo(form) and form.bonus_pct.text() == ""
    assert form.bonus_pct.property("invalid") is not True  # not red before any typing
    assert not message(form, "bonus.target_pct").isVisible()
    qtbot.waitUntil(form.bonus_pct.hasFocus)  # the cursor waits in it
    qtbot.keyClick(form.bonus_pct, Qt.Key.Key_Tab)  # left empty: now it says so
    assert form.bonus_pct.property("invalid") is True
    assert message(form, "bonus.target_pct").text() == "Give the bonus as a percentage of base or as an amount"
    assert stored(store).bonus is None


def test_typing_in_the_new_field_saves_without_a_mark_in_between(qtbot, form, workspace, store):
    with qtbot.waitSignal(workspace.saved):
        choose(form.bonus_mode, "none")
    choose(form.bonus_mode, "amount")
    assert form.bonus_amount.property("invalid") is not True
    with qtbot.waitSignal(workspace.saved):
        type_into(qtbot, form.bonus_amount, "20k")
    assert stored(store).bonus.target_amount == 20000
    assert form.problems() == {}


# --- the locale (issue 13, item 10) --------------------------------------------------------------


@pytest.fixture
def german(qapp):
    from ui import format as fmt

    fmt.set_locale("de_DE")
    yield
    fmt.set_locale(None)


def test_a_german_user_types_and_reads_the_german_way(qtbot, german, workspace, store, monkeypatch):
    from ui.models.offer_list_model import OfferListModel

    workspace.add_offer(Offer.model_validate({**SIMPLE, "signals": {"deadline": "2026-12-04"}}))
    widget = OfferForm(workspace)
    qtbot.addWidget(widget)
    widget.set_offer("simple")
    widget.show()
    assert widget.base_salary.text() == "100.000"
    assert widget.base_salary.affixes() == ("", "\u00a0$")  # "100.000 $": the symbol after, as in Germany
    assert widget.deadline.text() == "04.12.2026"
    with qtbot.waitSignal(workspace.saved):
        type_into(qtbot, widget.base_salary, "185.000")
    assert stored(store, "simple").base_salary == Decimal(185000)
    assert widget.base_salary.text() == "185.000"
    with qtbot.waitSignal(workspace.saved):
        type_into(qtbot, widget.annual_raise, "2,5")
    assert stored(store, "simple").annual_raise_pct == Decimal("2.5")
    assert widget.annual_raise.text() == "2,5 %"
    with qtbot.waitSignal(workspace.saved):
        type_into(qtbot, widget.deadline, "4.1.2027")
    assert stored(store, "simple").signals.deadline == date(2027, 1, 4)
    assert widget.deadline.text() == "04.01.2027"
    # year 1: 185,000 + 10 % bonus 18,500 = 203,500; with cents, as the raise gives later years cents
    # (year 2: 189,625 + 18,962.50) and a summary shows one precision; the list always shows cents
    assert widget.summary.year_one.text() == "203.500,00\u00a0$"
    model = OfferListModel(workspace)
    row = model.row_of("simple")
    assert model.index(row, OfferListModel.YEAR_ONE).data() == "203.500,00\u00a0$"


# --- format 2: what the form has no field for yet is kept; per-share prices keep six decimals -------


def test_an_edit_keeps_the_rounds_and_other_format_2_parts(qtbot, form, workspace, store):
    before = stored(store)
    assert before.negotiation and before.tax_region == "US-WA" and before.sign_on_repayment is not None
    with qtbot.waitSignal(workspace.saved):
        type_into(qtbot, form.base_salary, "195000")
    after = stored(store)
    assert after.base_salary == 195000
    assert (after.negotiation, after.tax_region, after.start_date, after.sign_on_repayment) == (
        before.negotiation, before.tax_region, before.start_date, before.sign_on_repayment
    )


def test_a_strike_of_a_fraction_of_a_cent_is_kept_as_typed(qtbot, form, workspace, store):
    form.set_offer("sample-kestrel")
    grant = form.equity.rows()[0]
    assert grant.strike.text() == "1.20" and grant.price.text() == "4.80"
    with qtbot.waitSignal(workspace.saved):
        type_into(qtbot, grant.strike, "0.0125")
    saved = stored(store, "sample-kestrel").equity[0]
    assert saved.strike == Decimal("0.0125")
    assert (saved.fmv, saved.fully_diluted_shares) == (Decimal("1.2"), 16000000)  # the details are kept
    assert grant.strike.text() == "0.0125"
    with qtbot.waitSignal(workspace.saved):
        type_into(qtbot, grant.price, "1.125")  # a price, not 1,125: per-share prices have decimals
    assert stored(store, "sample-kestrel").equity[0].price == Decimal("1.125")
