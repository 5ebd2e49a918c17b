"""The tax-region picker: type to search ("Calif…" → California (US), "Scot…" → Scotland (UK)) among the
regions the tax engine has rules for (`app.tax.regions()`), or type a region code ("US-CA", "DE").

The list of regions is read from the rule files once per process, off the GUI thread (the engine reads
every file's header: about a tenth of a second, which a start-up must not pay), a second after a picker
is first shown or as soon as one takes the focus; until it arrives the field shows the code it holds
and reads codes. A region the app has no rules for, or none, is allowed
(the offer file allows any ISO 3166 code) and the note under the field says after-tax figures won't
show for it.
"""

from __future__ import annotations

import re
import threading
from typing import Any

from PySide6.QtCore import (
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSignalBlocker,
    QSortFilterProxyModel,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QFocusEvent, QFont, QPalette, QShowEvent
from PySide6.QtWidgets import QComboBox, QCompleter, QLabel, QLineEdit, QSizePolicy, QWidget

from app.parsing import ParseError

_CODE = re.compile(r"^[A-Z]{2}(-[A-Z0-9]{1,3})?$|^US-NY-NYC$")  # as app.models reads a tax region
CodeRole = Qt.ItemDataRole.UserRole  # where QComboBox keeps an item's data
LOAD_DELAY_MS = 1000


class RegionCatalogue(QObject):
    """The regions with tax rules, read once in a worker thread; `loaded` (on the GUI thread) when read."""

    loaded = Signal()

    def __init__(self) -> None:
        super().__init__()
        self._regions: list[tuple[str, str]] | None = None
        self._started = False
        self._lock = threading.Lock()

    def regions(self) -> list[tuple[str, str]] | None:
        """(code, name) of every region with rules, by name; None until read."""
        return self._regions

    def request(self) -> None:
        """Start reading the regions (once)."""
        with self._lock:
            if self._started:
                return
            self._started = True
        # not a daemon: Python waits for it at exit (well under a second of reading) rather than
        # stopping it in the middle of a call into Qt (its signal), which aborts the process
        threading.Thread(target=self._read, name="tax-regions").start()

    def _read(self) -> None:
        from app.tax import TaxRulesError, regions

        try:
            found = regions()
        except (TaxRulesError, OSError):  # a bad or unreadable rule file: the picker still takes codes
            found = []
        self._regions = found
        self.loaded.emit()  # queued to the pickers on the GUI thread


_catalogue: RegionCatalogue | None = None


def catalogue() -> RegionCatalogue:
    """The process's one catalogue of regions (the tax engine caches its rules per process too)."""
    global _catalogue
    if _catalogue is None:
        _catalogue = RegionCatalogue()
    return _catalogue


def _words(name: str) -> list[str]:
    return [w for w in re.split(r"[\s(),]+", name.casefold()) if w]


def match_rank(needle: str, code: str, name: str) -> int | None:
    """How well typed text matches a region, best first: 0 the name starts with it (or it is the code),
    1 a word of the name or the code starts with it, 2 the name contains it; None no match."""
    text = needle.strip().casefold()
    if not text:
        return 2
    folded = name.casefold()
    if folded.startswith(text) or code.casefold() == text:
        return 0
    if any(word.startswith(text) for word in _words(name)) or code.casefold().startswith(text):
        return 1
    if text in folded:
        return 2
    return None


class _Matches(QSortFilterProxyModel):
    """The regions that match what is typed, the best matches first."""

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._needle = ""

    def set_needle(self, text: str) -> None:
        self.beginFilterChange()
        self._needle = text
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        self.sort(0)

    def _rank(self, row: int) -> int | None:
        index = self.sourceModel().index(row, 0)
        return match_rank(self._needle, index.data(CodeRole) or "", index.data() or "")

    def filterAcceptsRow(self, source_row: int, source_parent: QModelIndex | QPersistentModelIndex) -> bool:
        return self._rank(source_row) is not None

    def lessThan(self, left: QModelIndex | QPersistentModelIndex, right: QModelIndex | QPersistentModelIndex) -> bool:
        return (self._rank(left.row()) or 0, left.row()) < (self._rank(right.row()) or 0, right.row())


class RegionPicker(QComboBox):
    """Where an offer's (or the current job's) pay is taxed; `value()` is the region's code or None.

    `note` is a label for under the field: what after-tax figures will do for the region shown."""

    committed = Signal()  # the user finished an edit: chose a region, or typed one and left

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setEditable(True)
        line = self.lineEdit()
        assert line is not None  # an editable combo box has one
        self._line: QLineEdit = line
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.setMaxVisibleItems(12)
        self._line.setPlaceholderText("Type to search: California, Scotland, DE…")
        self.setToolTip("Where this pay is taxed: type part of a name, or a code such as US-CA, GB-SCT, DE")
        self.setSizePolicy(QSizePolicy.Policy.Preferred, self.sizePolicy().verticalPolicy())
        self.setMinimumContentsLength(24)
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self._matches = _Matches(self)
        self._matches.setSourceModel(self.model())  # the combo's own items: a choice maps straight back
        self._completer = QCompleter(self._matches, self)
        self._completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self._completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self._completer.setMaxVisibleItems(10)
        self.setCompleter(self._completer)  # a choice in its popup selects the item and emits activated
        self._line.textEdited.connect(self._matches.set_needle)  # before the popup updates
        self._line.editingFinished.connect(self._on_editing_finished)
        self.activated.connect(self._on_item_chosen)
        self.currentTextChanged.connect(self._update_note)
        self._names: dict[str, str] = {}  # code → name
        self._codes: dict[str, str] = {}  # casefolded name → code
        self._code: str | None = None  # the value last shown, for a code the list doesn't have yet
        self._filled = False  # the list of regions has arrived
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.note.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        italic = QFont(self.note.font())
        italic.setItalic(True)
        self.note.setFont(italic)
        self.note.hide()
        source = catalogue()
        source.loaded.connect(self._on_regions_loaded)
        if source.regions() is not None:
            self._fill(source.regions() or [])
        self._update_note()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if catalogue().regions() is None:
            # not during the start: the reading thread would slow the first paint (it shares the GIL)
            QTimer.singleShot(LOAD_DELAY_MS, catalogue().request)

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        catalogue().request()  # the user is here: now

    # --- value -----------------------------------------------------------------------------------

    def ready(self) -> bool:
        """Whether the list of regions has arrived (names can be typed and shown)."""
        return self._filled

    def name_of(self, code: str | None) -> str | None:
        return self._names.get(code) if code else None

    def value(self) -> str | None:
        """The region's code (None when empty), or ParseError saying why the text is not a region."""
        text = self.currentText().strip()
        if not text:
            return None
        code = self._code_for(text)
        if code is not None:
            return code
        matches = [i for i in range(self.count()) if self._rank_of(text, i) is not None]
        if len(matches) > 1:
            names = [self.itemText(i) for i in sorted(matches, key=lambda i: (self._rank_of(text, i) or 0, i))]
            shown = " and ".join(names) if len(names) == 2 else f"{', '.join(names[:2])} and {len(names) - 2} more"
            raise ParseError(f'"{text}" matches {shown}: pick one from the list')
        raise ParseError(f'"{text}" is not a tax region: pick one from the list, or type a code such as US-CA')

    def set_value(self, code: str | None) -> None:
        self._code = code or None
        blocker = QSignalBlocker(self)
        try:
            text = "" if not code else self._names.get(code, code)
            index = self.findData(code) if code else -1
            if index >= 0:
                self.setCurrentIndex(index)
            else:
                self.setCurrentIndex(-1)
            self.setEditText(text)
        finally:
            blocker.unblock()
        self._update_note()

    def _code_for(self, text: str) -> str | None:
        """The code the text names exactly: a region's name, a code, or (of what is typed) one match."""
        folded = text.casefold()
        if folded in self._codes:
            return self._codes[folded]
        upper = text.upper()
        if _CODE.match(upper):
            return upper
        matches = [i for i in range(self.count()) if self._rank_of(text, i) is not None]
        if len(matches) == 1:
            return self.itemData(matches[0])
        return None

    def _rank_of(self, text: str, row: int) -> int | None:
        return match_rank(text, self.itemData(row) or "", self.itemText(row))

    # --- list ------------------------------------------------------------------------------------

    def _on_regions_loaded(self) -> None:
        if not self._filled:
            self._fill(catalogue().regions() or [])

    def _fill(self, regions: list[tuple[str, str]]) -> None:
        typed = self.currentText()
        editing = self.hasFocus() and self._line.isModified()
        blocker = QSignalBlocker(self)
        try:
            self.clear()
            for code, name in regions:
                self.addItem(name, code)
                self.setItemData(self.count() - 1, code, Qt.ItemDataRole.ToolTipRole)
            self._names = dict(regions)
            self._filled = True
            self._codes = {name.casefold(): code for code, name in regions}
        finally:
            blocker.unblock()
        widest = max((self.fontMetrics().horizontalAdvance(name) for _, name in regions), default=0)
        for view in (self.view(), self._completer.popup()):
            if view is not None:
                view.setMinimumWidth(widest + 48)
        if editing:
            self.setEditText(typed)  # what the user is typing stays as typed
        else:
            self.set_value(self._code)

    # --- edits -----------------------------------------------------------------------------------

    def _on_item_chosen(self, index: int) -> None:
        self._code = self.itemData(index)
        self._update_note()
        self.committed.emit()

    def _on_editing_finished(self) -> None:
        popup = self._completer.popup()
        if popup is not None and popup.isVisible():
            return  # the user is choosing in the list: its choice commits
        try:
            code = self.value()
        except ParseError:
            pass  # left as typed, so the user can see and fix it (the form marks it)
        else:
            self.set_value(code)
        self.committed.emit()

    def _update_note(self, *_: Any) -> None:
        text = self.currentText().strip()
        words = ""
        if not text:
            words = "No tax region: after-tax figures won't show."
        else:
            code = self._code_for(text)
            if code is not None and self.ready() and code not in self._names:
                words = f"No tax rules for {code} yet: after-tax figures won't show."
        self.note.setText(words)
        self.note.setVisible(bool(words))
