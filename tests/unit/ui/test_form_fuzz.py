"""Any input in any field of the offer editor: never an exception, never a partial or invalid save.

Hypothesis types (pastes) text into a field drawn from every field the editor binds (the rows of
grants, benefits and events included): anything Unicode, emoji, huge and negative numbers, amounts
with units, empty. Sometimes it first picks an item in a list (stage, bonus given as, …). After the
user finishes the edit: no exception escaped a slot; the stored offer still reads back valid; and
either the form is valid and exactly what is stored, or it is marked and nothing was saved.
"""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PySide6.QtWidgets import QAbstractSpinBox, QComboBox, QLineEdit, QMessageBox, QPlainTextEdit

from app.files import read_offer_file
from app.resources import sample_offers_path
from app.store import Store
from tests import figures
from ui.forms.offer_form import OfferForm, _normalized
from ui.workspace import Workspace

OFFER_ID = "sample-lumen"  # has grants, sign-on, benefits and events: every kind of field is on the form

_texts = st.one_of(
    st.text(max_size=40),
    st.text(alphabet=st.characters(categories=["So", "Sk", "Sm", "Nd", "Zs"]), max_size=12),  # emoji, digits
    st.integers(-(10**40), 10**40).map(str),
    st.decimals(allow_nan=True, allow_infinity=True).map(str),
    st.sampled_from(
        ["", " ", "-0", "-1", "1e309", "NaN", "-inf", "$-5", "185k", "1.2m", "10 %", "150%", "2026-02-30",
         "0001-01-01", "9999-12-31", "٣٤٥", "１２３", "9" * 400, "💸", "💸 185k 💸", "\u202e12", "12,34,5",
         "1 000 000", "€1.000,50", "$1,000.005", "(5,000)", "0x10", "1_000"]
    ),
    st.integers(0, 2000).map(lambda n: "Paste from an email: " + "negotiation notes " * n),
)


@pytest.fixture(scope="module")
def editor(qapp, tmp_path_factory):
    for name in ("critical", "warning", "information", "question"):
        setattr(QMessageBox, f"_fuzz_{name}", getattr(QMessageBox, name))
    store = Store.open(tmp_path_factory.mktemp("fuzz") / "offers.sqlite3")
    workspace = Workspace(store, today=lambda: date(2026, 11, 20))
    workspace.import_offers(read_offer_file(sample_offers_path()).offers)
    form = OfferForm(workspace)
    form.resize(800, 700)
    form.set_offer(OFFER_ID)
    form.show()
    original = workspace.offer(OFFER_ID)
    inputs = [
        bound.path
        for bound in form.binder.fields()
        if isinstance(bound.widget, QLineEdit | QPlainTextEdit | QAbstractSpinBox)
        or (isinstance(bound.widget, QComboBox) and bound.widget.isEditable())
    ]
    choices = [
        bound.path
        for bound in form.binder.fields()
        if isinstance(bound.widget, QComboBox) and not bound.widget.isEditable()
    ] + ["<bonus mode>"]
    yield form, workspace, store, original, inputs, choices
    form.close()
    form.deleteLater()
    store.close()


def _finish(widget) -> None:
    """What leaving the field (or pressing Enter) does."""
    if isinstance(widget, QPlainTextEdit):
        widget.committed.emit()
    elif isinstance(widget, QComboBox):
        widget.lineEdit().editingFinished.emit()
    elif isinstance(widget, QAbstractSpinBox):
        widget.interpretText()
        widget.editingFinished.emit()
    else:
        widget.editingFinished.emit()


def _type(widget, text: str) -> None:
    if isinstance(widget, QPlainTextEdit):
        widget.setPlainText(text)
    elif isinstance(widget, QComboBox):
        widget.setEditText(text)
    elif isinstance(widget, QAbstractSpinBox):
        widget.lineEdit().setText(text)
    else:
        widget.setText(text)


def _check(form: OfferForm, workspace: Workspace, store: Store, before, widget=None, path="", text="") -> bool:
    """After a finished edit: the stored offer reads back valid and is either exactly the valid form,
    or (the form is marked) exactly what was stored before the edit. True when the edit was saved."""
    stored = store.get_offer(OFFER_ID)  # read back through the model: still a valid offer
    assert stored is not None and workspace.offer(OFFER_ID) == stored
    shown = form.binder.validate(focus=False)
    if shown is None:  # invalid: marked (or an empty field not reached yet), nothing saved, the text still there
        assert form.problems() or form.binder.held()
        assert stored == before
        if isinstance(widget, QLineEdit) and path in form.problems():
            typed = text[: widget.maxLength()]
            if widget.text() != typed:  # only a parsed field reformats: what it read, still to fix
                assert hasattr(widget, "value")
                widget.value()  # it did read it (a ParseError here would mean the typing was lost)
                assert widget.text() or not typed.strip()  # emptied only when only spaces were typed
        return False
    assert _normalized(shown) == _normalized(stored)  # valid: what the form shows is what is stored
    return stored != before


@settings(suppress_health_check=[HealthCheck.function_scoped_fixture])  # the examples share the fixtures
@given(data=st.data())
def test_any_input_in_any_field_saves_all_of_a_valid_offer_or_nothing(qtbot, editor, data):
    form, workspace, store, original, inputs, choices = editor
    workspace.update_offer(original)  # every example starts from the stored sample
    form.set_offer(OFFER_ID)
    assert store.get_offer(OFFER_ID) == original

    if data.draw(st.booleans(), label="pick an item first"):
        choice = data.draw(st.sampled_from(choices), label="list")
        combo = form.bonus_mode if choice == "<bonus mode>" else form.binder.field(choice).widget
        index = data.draw(st.integers(0, combo.count() - 1), label="item")
        with qtbot.capture_exceptions() as exceptions:
            combo.setCurrentIndex(index)
            combo.activated.emit(index)
        assert not exceptions, exceptions
        _check(form, workspace, store, original)

    before = store.get_offer(OFFER_ID)
    path = data.draw(st.sampled_from(inputs), label="field")
    text = data.draw(_texts, label="text")
    widget = form.binder.field(path).widget
    with qtbot.capture_exceptions() as exceptions:
        _type(widget, text)
        _finish(widget)
    assert not exceptions, exceptions
    saved = _check(form, workspace, store, before, widget, path, text)
    figures.add("form_inputs")
    figures.add("form_saves", saved)
