"""The workspace: every change saved at once, undoable, and nothing changed when a save fails."""

from __future__ import annotations

from decimal import Decimal

import pytest

from app.files import read_offer_file
from app.models import Offer
from app.resources import sample_offers_path
from app.store import StoreError
from ui.models.offer_list_model import OfferFilterProxy, OfferIdRole, OfferListModel
from ui.workspace import Workspace


@pytest.fixture
def workspace(qapp, store):
    ws = Workspace(store)
    ws.import_offers(read_offer_file(sample_offers_path()).offers)
    ws.undo_stack.clear()
    return ws


def test_edit_is_saved_and_undone(qtbot, workspace, store):
    lumen = workspace.offer("sample-lumen")
    edited = Offer.model_validate({**lumen.model_dump(), "base_salary": 200000})
    with qtbot.waitSignal(workspace.saved) as saved:
        assert workspace.update_offer(edited)
    assert "Lumen" in saved.args[0]
    assert store.get_offer("sample-lumen").base_salary == 200000
    workspace.undo_stack.undo()
    assert store.get_offer("sample-lumen").base_salary == 192000
    assert workspace.offer("sample-lumen").base_salary == 192000


def test_delete_undo_restores_in_place(workspace, store):
    before = store.offer_ids()
    workspace.delete_offers(["sample-kestrel"])
    assert "sample-kestrel" not in store.offer_ids()
    workspace.undo_stack.undo()
    assert store.offer_ids() == before
    assert [o.id for o in workspace.offers()] == before


def test_duplicate_goes_right_after_the_original(workspace, store):
    copy = workspace.duplicate_offer("sample-lumen")
    assert copy is not None and copy.company == "Lumen Health (copy)"
    assert store.offer_ids()[:2] == ["sample-lumen", copy.id]
    assert store.get_offer(copy.id).base_salary == 192000


def test_failed_save_changes_nothing_and_says_why(qtbot, workspace, store, monkeypatch):
    lumen = workspace.offer("sample-lumen")
    edited = Offer.model_validate({**lumen.model_dump(), "base_salary": 1})

    def full(*args, **kwargs):
        raise StoreError("Can't save: the disk is full. Nothing was changed.")

    monkeypatch.setattr(store, "apply", full)
    with qtbot.waitSignal(workspace.failed) as failed:
        assert workspace.update_offer(edited) is False
    assert "disk is full" in failed.args[0]
    assert workspace.offer("sample-lumen").base_salary == 192000
    assert workspace.undo_stack.count() == 0  # nothing to undo: nothing happened
    monkeypatch.undo()
    assert store.get_offer("sample-lumen").base_salary == 192000


def test_import_is_one_undoable_step(workspace, store):
    offers = read_offer_file(sample_offers_path()).offers
    changed = [Offer.model_validate({**offers[0].model_dump(), "base_salary": 1000})]
    fresh = Offer(company="Acme", role="Engineer")
    result = workspace.import_offers([*changed, fresh])
    assert (result.added, result.replaced) == (1, 1)
    assert store.get_offer("sample-lumen").base_salary == 1000
    workspace.undo_stack.undo()
    assert store.get_offer("sample-lumen").base_salary == 192000
    assert store.get_offer(fresh.id) is None


def test_settings_change_reevaluates(qtbot, workspace):
    # Aurelia's year 1 in GBP: base 118,000 + bonus 118,000 × 20 % × 85 % = 20,060 + sign-on 15,000
    # + RSUs 60,000 × 33 % = 19,800 + pension 11,800 = 184,660
    settings = workspace.settings()
    assert settings.fx == {}  # an import brings offers, not rates: no GBP rate yet, so no USD figure
    assert workspace.evaluator().year_one_display("sample-aurelia") is None
    with qtbot.waitSignal(workspace.evaluations_changed):
        workspace.update_settings(settings.model_copy(update={"fx": {"GBP": 2}}))
    assert workspace.evaluator().year_one_display("sample-aurelia") == Decimal("369320.00")  # 184,660 × 2
    workspace.undo_stack.undo()
    assert workspace.evaluator().year_one_display("sample-aurelia") is None


def test_offer_list_model_passes_the_model_tester(qtmodeltester, workspace):
    model = OfferListModel(workspace)
    qtmodeltester.check(model)
    proxy = OfferFilterProxy()
    proxy.setSourceModel(model)
    qtmodeltester.check(proxy)


def test_offer_list_shows_app_figures(workspace):
    model = OfferListModel(workspace)
    row = model.row_of("sample-lumen")
    # Lumen's year 1: base 192,000 + bonus 15 % = 28,800 + sign-on 45,000 + relocation 12,000
    # + RSUs 1,600 × 187.50 × 5 % = 15,000 + benefits 9,200 + 1,200 = 303,200 (refreshers start in year 2);
    # with cents, as every row of the column
    assert model.index(row, model.YEAR_ONE).data() == "$303,200.00"
    assert model.index(row, model.TIER).data() == "Grand slam"
    assert model.index(row, model.STAGE).data() == "Negotiating"


def test_offer_list_follows_changes(workspace):
    model = OfferListModel(workspace)
    workspace.delete_offers(["sample-aurelia"])
    assert model.rowCount() == 3
    workspace.undo_stack.undo()
    assert model.rowCount() == 4
    lumen = workspace.offer("sample-lumen")
    workspace.update_offer(Offer.model_validate({**lumen.model_dump(), "company": "Lumen Health Inc."}))
    assert model.index(model.row_of("sample-lumen"), model.COMPANY).data() == "Lumen Health Inc."


def test_filter_by_stage_and_search(workspace):
    model = OfferListModel(workspace)
    proxy = OfferFilterProxy()
    proxy.setSourceModel(model)
    proxy.set_stage("interviewing")
    assert [proxy.index(r, 0).data(OfferIdRole) for r in range(proxy.rowCount())] == ["sample-tessellate"]
    proxy.set_stage(None)
    proxy.set_search("london")
    assert [proxy.index(r, 0).data(OfferIdRole) for r in range(proxy.rowCount())] == ["sample-aurelia"]
    proxy.set_search("no such company")
    assert proxy.rowCount() == 0


def test_ratings_reused_after_an_edit_equal_a_fresh_rating(workspace):
    """Ratings of unchanged offers are reused after an edit only when nothing they depend on moved."""
    from app.evaluation import Evaluator

    for offer in workspace.offers():
        workspace.evaluator().position(offer.id)  # rate everything once, so there is something to reuse
    lumen = workspace.offer("sample-lumen")
    # Lumen stops being the best-paying offer in hand: Kestrel's "better offer" evidence must change
    workspace.update_offer(Offer.model_validate({**lumen.model_dump(), "base_salary": 1000, "sign_on": []}))
    s = workspace.settings()
    fresh = Evaluator(workspace.full_offers(), as_of=workspace.as_of(), display_currency=s.display_currency, fx=s.fx,
                      horizon=s.horizon_years, rubric=s.active_rubric)
    for offer in workspace.offers():
        assert workspace.evaluator().position(offer.id) == fresh.position(offer.id), offer.id
