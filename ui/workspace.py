"""The open data file as the windows see it: offers, settings, evaluations, and undoable changes.

Every change goes through an undo command that writes to the store first and updates the in-memory
copy only when the write succeeded, so what the window shows is what is saved. A failed write
(disk full, read-only) leaves everything as it was and says so through `failed`.

The offers are held as their list rows (`app.summary.OfferRow`, one query at start); a full pydantic
`Offer` is built from the store only when something asks for it (`offer`: the selected offer, the
rows shown rated, what Compare and the advice show) and lives while anything uses it — the undo
stack, an evaluation — and among the last few built (issue 15: a 1,000-offer file built all of them,
~16 MB of the window's resident memory).
"""

from __future__ import annotations

import contextlib
import weakref
from collections import OrderedDict
from collections.abc import Callable, Sequence
from datetime import date

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from app.evaluation import Evaluator, OfferEvaluation
from app.models import Offer, Settings, new_offer_id
from app.store import ImportResult, Store, StoreError
from app.summary import OfferRow

# How many of the offers built last stay built when nothing else holds them: the rows on screen
# (rated, they need their offers again only after a change that moves the alternatives).
KEEP_BUILT = 64
# How many offers are built at once when the list reads on down its rows (a page of it and more).
READ_AHEAD = 32


class Workspace(QObject):
    """One data file, opened: the single source the widgets read and change."""

    offers_reset = Signal()  # offers were added, removed or reordered
    offer_updated = Signal(str)  # one offer's content changed (its id)
    settings_changed = Signal()
    evaluations_changed = Signal()  # any figure, rating or lever may have changed
    saved = Signal(str)  # a change is on disk: a message for the status bar
    failed = Signal(str)  # a change could not be saved: nothing changed; a message for the user

    def __init__(self, store: Store, today: Callable[[], date] = date.today, parent: QObject | None = None):
        super().__init__(parent)
        self.store = store
        self._today = today
        self.undo_stack = QUndoStack(self)
        # the rows stored with the offers list them and rank the alternatives without building one
        self._rows: list[OfferRow] = store.list_rows()
        self._row_of = {row.id: row for row in self._rows}
        self._index_of = {row.id: index for index, row in enumerate(self._rows)}
        # the offers built: each one while anything holds it (so it is always the same object), and
        # the last KEEP_BUILT built or asked for
        self._built: weakref.WeakValueDictionary[str, Offer] = weakref.WeakValueDictionary()
        self._recent: OrderedDict[str, Offer] = OrderedDict()
        self.loads = 0  # offers built from the store (tests count them)
        self._settings: Settings = store.load_settings()
        self._evaluator: Evaluator | None = None
        self._previous_evaluator: Evaluator | None = None  # what it knew of unchanged offers is reused

    def __del__(self) -> None:
        """Delete the undo commands while every Python object is still whole.

        The commands are Python objects owned by the stack (a child of this workspace). When a window
        and its workspace end up in a reference cycle (an exception's traceback is enough), the garbage
        collector may free a command's Python half before the stack deletes the command, and Qt then
        crashes deleting it. Finalizers run before the collector frees anything, so clearing here
        deletes the commands in order.
        """
        with contextlib.suppress(RuntimeError):  # the C++ workspace is already gone: nothing to clear
            self.undo_stack.clear()

    # --- reading ---------------------------------------------------------------------------------

    def offers(self) -> list[OfferRow]:
        """Every offer's list row (id, company, role, stage, currency, …), in the user's order."""
        return list(self._rows)

    def row(self, offer_id: str) -> OfferRow | None:
        return self._row_of.get(offer_id)

    def has_offer(self, offer_id: str) -> bool:
        return offer_id in self._row_of

    def offer(self, offer_id: str) -> Offer | None:
        """The full offer (built from the store if it is not built already); None: no such offer."""
        if offer_id not in self._row_of:
            return None
        offer = self._built.get(offer_id)
        if offer is None:
            offer = self._build([offer_id])[offer_id]
        self._keep(offer)
        return offer

    def build_ahead(self, offer_id: str) -> None:
        """The list is about to rate this row: build its offer if it isn't, and when the row before it
        is built (the list reading on down its rows: a page painted, a page scrolled), the offers of
        the next rows with it, in one read of the file (READ_AHEAD at most)."""
        index = self._index_of.get(offer_id)
        if index is None or offer_id in self._built:
            return
        wanted = [offer_id]
        if index > 0 and self._rows[index - 1].id in self._built:
            following = (row.id for row in self._rows[index + 1 : index + READ_AHEAD * 2])
            wanted += [i for i in following if i not in self._built][: READ_AHEAD - 1]
        self._build(wanted)

    def _build(self, offer_ids: list[str]) -> dict[str, Offer]:
        found = self.store.get_offers(offer_ids)
        if offer_ids[0] not in found:  # (only this window writes the file: a row always has its offer)
            raise StoreError(f'The offer "{offer_ids[0]}" is missing from {self.store.path}.')
        self.loads += len(found)
        for offer_id in reversed(offer_ids):  # the first asked for is the last kept: the most recent
            if offer_id in found:
                self._built[offer_id] = found[offer_id]
                self._keep(found[offer_id])
        return found

    def full_offers(self) -> list[Offer]:
        """Every offer, built (what an export or a test of all of them needs)."""
        return [self._offer(row.id) for row in self._rows]

    def _offer(self, offer_id: str) -> Offer:
        offer = self.offer(offer_id)
        if offer is None:
            raise KeyError(offer_id)
        return offer

    def _keep(self, offer: Offer) -> None:
        recent = self._recent
        recent[offer.id] = offer
        recent.move_to_end(offer.id)
        while len(recent) > KEEP_BUILT:
            recent.popitem(last=False)

    def index_of(self, offer_id: str) -> int:
        return self._index_of.get(offer_id, -1)

    def settings(self) -> Settings:
        return self._settings

    def as_of(self) -> date:
        return self._today()

    def evaluator(self) -> Evaluator:
        """Evaluations of the current offers, computed on demand and cached until the next change."""
        if self._evaluator is None:
            self._evaluator = Evaluator.for_settings(
                (),
                self._settings,
                as_of=self.as_of(),
                previous=self._previous_evaluator,
                rows=self._rows,
                load=self._offer,
            )
        return self._evaluator

    def evaluation(self, offer_id: str) -> OfferEvaluation:
        return self.evaluator().evaluate(offer_id)

    # --- changing (each one undoable) ------------------------------------------------------------

    def update_offer(self, offer: Offer, text: str | None = None) -> bool:
        """Save an edited offer (autosave); False when it could not be saved."""
        before = self.offer(offer.id)
        if before == offer:
            return True
        return self._push(
            _Change(
                self,
                text or f"Edit {offer.company}",
                save=[offer],
                undo_save=[before] if before else [],
                undo_delete=[] if before else [offer.id],
                message=f"Saved {offer.company}",
            )
        )

    def add_offer(self, offer: Offer, text: str | None = None) -> bool:
        order = [o.id for o in self._rows] + [offer.id]
        return self._push(
            _Change(
                self,
                text or f"Add {offer.company}",
                save=[offer],
                order=order,
                undo_delete=[offer.id],
                message=f"Added {offer.company}",
            )
        )

    def duplicate_offer(self, offer_id: str) -> Offer | None:
        original = self.offer(offer_id)
        if original is None:
            return None
        copy = Offer.model_validate(
            {**original.model_dump(), "id": new_offer_id(), "company": _copy_name(original.company)}
        )
        index = self.index_of(offer_id)
        order = [o.id for o in self._rows]
        order.insert(index + 1, copy.id)
        before = [o.id for o in self._rows]
        done = self._push(
            _Change(
                self,
                f"Duplicate {original.company}",
                save=[copy],
                order=order,
                undo_delete=[copy.id],
                undo_order=before,
                message=f"Duplicated {original.company}",
            )
        )
        return copy if done else None

    def delete_offers(self, offer_ids: Sequence[str]) -> bool:
        """Delete offers (no confirmation: Undo brings them back in place)."""
        wanted = set(offer_ids)
        # built now, to be saved again by Undo
        doomed = [self._offer(row.id) for row in self._rows if row.id in wanted]
        if not doomed:
            return False
        before = [o.id for o in self._rows]
        names = doomed[0].company if len(doomed) == 1 else f"{len(doomed)} offers"
        return self._push(
            _Change(
                self,
                f"Delete {names}",
                delete=[o.id for o in doomed],
                undo_save=doomed,
                undo_order=before,
                message=f"Deleted {names} (Undo brings it back)",
            )
        )

    def import_offers(self, offers: Sequence[Offer]) -> ImportResult | None:
        """Add or replace offers from a file, all or nothing, undoable as one step."""
        before = [o.id for o in self._rows]
        # the offers replaced, built now, to be saved again by Undo
        replaced = [self._offer(o.id) for o in offers if o.id in self._row_of]
        added = [o.id for o in offers if o.id not in self._row_of]
        order = before + [i for i in added if i not in before]
        count = len(offers)
        done = self._push(
            _Change(
                self,
                f"Import {count} offer{'s' if count != 1 else ''}",
                save=list(offers),
                order=order,
                undo_save=replaced,
                undo_delete=added,
                undo_order=before,
                message=f"Imported {count} offer{'s' if count != 1 else ''}: "
                f"{len(added)} added, {len(replaced)} replaced",
            )
        )
        return ImportResult(added=len(added), replaced=len(replaced)) if done else None

    def update_settings(self, settings: Settings, text: str = "Change settings") -> bool:
        if settings == self._settings:
            return True
        return self._push(_SettingsChange(self, text, self._settings, settings))

    # --- internals -------------------------------------------------------------------------------

    def _push(self, command: _Command) -> bool:
        self.undo_stack.push(command)  # runs redo() at once; a failed write marks it obsolete
        return command.succeeded

    def _apply(self, save: Sequence[Offer], delete: Sequence[str], order: Sequence[str] | None) -> None:
        """Write to the store, then mirror the change in memory (only after the write succeeded)."""
        saved = self.store.apply(save=save, delete=delete, order=order)
        gone = set(delete)
        rows = [o for o in self._rows if o.id not in gone]
        by_id = {o.id: i for i, o in enumerate(rows)}
        structural = bool(delete)
        for offer_id in gone:
            self._built.pop(offer_id, None)
            self._recent.pop(offer_id, None)
        for offer in save:
            row = saved[offer.id]  # the row as stored, a new object: the offer's new version
            if offer.id in by_id:
                rows[by_id[offer.id]] = row
            else:
                by_id[offer.id] = len(rows)
                rows.append(row)
                structural = True
            self._built[offer.id] = offer  # what is saved is what is shown (never an older copy)
            self._keep(offer)
        if order is not None:
            rank = {offer_id: i for i, offer_id in enumerate(order)}
            reordered = sorted(rows, key=lambda o: rank.get(o.id, len(rank)))
            structural = structural or [o.id for o in reordered] != [o.id for o in rows]
            rows = reordered
        self._rows = rows
        self._row_of = {row.id: row for row in rows}
        self._index_of = {row.id: index for index, row in enumerate(rows)}
        self._invalidate()
        if structural:
            self.offers_reset.emit()
        else:
            for offer in save:
                self.offer_updated.emit(offer.id)
        self.evaluations_changed.emit()

    def _apply_settings(self, settings: Settings) -> None:
        self.store.save_settings(settings)
        self._settings = settings
        self._invalidate()
        self.settings_changed.emit()
        self.evaluations_changed.emit()

    def _invalidate(self) -> None:
        if self._evaluator is not None:
            self._previous_evaluator = self._evaluator
            self._previous_evaluator._previous = None  # keep one generation, not a chain
        self._evaluator = None


def _copy_name(company: str) -> str:
    name = f"{company} (copy)"
    return name if len(name) <= 120 else company


class _Command(QUndoCommand):
    def __init__(self, workspace: Workspace, text: str, message: str):
        super().__init__(text)
        self.workspace = workspace
        self.message = message
        self.succeeded = False
        self._first = True

    def redo(self) -> None:
        self._run(self.forward, self.message)

    def undo(self) -> None:
        self._run(self.backward, f"Undid: {self.text()}")

    def _run(self, action: Callable[[], None], message: str) -> None:
        try:
            action()
        except StoreError as exc:
            if self._first:
                self.setObsolete(True)  # never entered the stack: nothing to undo
            self.workspace.failed.emit(str(exc))
            self.succeeded = False
        else:
            self.succeeded = True
            self.workspace.saved.emit(message)
        self._first = False

    def forward(self) -> None:
        raise NotImplementedError

    def backward(self) -> None:
        raise NotImplementedError


class _Change(_Command):
    def __init__(
        self,
        workspace: Workspace,
        text: str,
        *,
        save: Sequence[Offer] = (),
        delete: Sequence[str] = (),
        order: Sequence[str] | None = None,
        undo_save: Sequence[Offer] = (),
        undo_delete: Sequence[str] = (),
        undo_order: Sequence[str] | None = None,
        message: str,
    ):
        super().__init__(workspace, text, message)
        self.save, self.delete, self.order = list(save), list(delete), order
        self.undo_save, self.undo_delete, self.undo_order = list(undo_save), list(undo_delete), undo_order

    def forward(self) -> None:
        self.workspace._apply(self.save, self.delete, self.order)

    def backward(self) -> None:
        self.workspace._apply(self.undo_save, self.undo_delete, self.undo_order)


class _SettingsChange(_Command):
    def __init__(self, workspace: Workspace, text: str, before: Settings, after: Settings):
        only_job = before.model_copy(update={"current_job": None}) == after.model_copy(update={"current_job": None})
        super().__init__(workspace, text, "Current job saved" if only_job else "Settings saved")
        self.before, self.after = before, after

    def forward(self) -> None:
        self.workspace._apply_settings(self.after)

    def backward(self) -> None:
        self.workspace._apply_settings(self.before)
