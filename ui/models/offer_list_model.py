"""The offer list: a table model over the Workspace, and a proxy that filters by stage and search text.

Year-1 totals and tiers come from the Workspace's Evaluator, computed only for the rows Qt asks about,
so thousands of offers stay smooth. The rows are the offers' list rows (`app.summary.OfferRow`): an
offer is built only to rate it (the rows shown) or to check its options (a row with an option grant).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, QSortFilterProxyModel, Qt

from app.models import STAGES
from app.rubric import TIER_NAMES
from app.words import STAGE_NAMES
from ui import format as fmt
from ui.models.list_roles import (  # the roles are imported from here too
    BadgeRole,
    FlagRole,
    OfferIdRole,
    PillRole,
    RawValueRole,
    SearchTextRole,
    StageRole,
)
from ui.workspace import Workspace

if TYPE_CHECKING:
    from app.evaluation import Evaluator

NOT_RATED = "Not rated"
UNDER_WATER_WORDS = "Under water"

_Index = QModelIndex | QPersistentModelIndex
_DISPLAY = int(Qt.ItemDataRole.DisplayRole)
_ACCESSIBLE = int(Qt.ItemDataRole.AccessibleTextRole)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole)
_ALIGNMENT = int(Qt.ItemDataRole.TextAlignmentRole)
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
_ROLES = frozenset(
    (OfferIdRole, StageRole, SearchTextRole, RawValueRole, BadgeRole, FlagRole, PillRole, _DISPLAY, _ACCESSIBLE,
     _TOOLTIP, _ALIGNMENT)
)
# what painting a row asks (the view's style options, the badge delegate, the tooltip): the first of
# these answers the whole row at once. Sorting and filtering ask the others of every row, so those
# are answered one by one without rating the offer.
_SHOWN = frozenset((BadgeRole, FlagRole, PillRole, _DISPLAY, _ACCESSIBLE, _TOOLTIP, _ALIGNMENT))


class OfferListModel(QAbstractTableModel):
    """Rows are the offers in the user's order; columns are the named constants below."""

    COMPANY, ROLE, STAGE, YEAR_ONE, TIER = range(5)
    HEADERS = ("Company", "Role", "Stage", "Year 1 total", "Position")

    def __init__(self, workspace: Workspace, parent=None):
        super().__init__(parent)
        self.workspace = workspace
        self._offers = workspace.offers()
        self._row_of = {offer.id: row for row, offer in enumerate(self._offers)}
        self._shown: dict[int, tuple[str, tuple]] = {}  # row → (offer id, what its figures were)
        # what each cell answered, by (row, column, role): a paint asks a cell up to a dozen times
        # (the view's style options, the badges' delegate). Emptied on every change of the offers,
        # of their evaluations (an edit, an undo, an import, new settings) and of one offer's row.
        self._cells: dict[tuple[int, int, int], Any] = {}
        # every answer of a row that was painted, by row, then column, then role: a page of the list
        # asks ~1,000 questions, each a dictionary look-up once its row is known. Emptied as `_cells` is.
        self._rows: dict[int, list[dict[int, Any] | None]] = {}
        workspace.offers_reset.connect(self._on_offers_reset)
        workspace.offer_updated.connect(self._on_offer_updated)
        workspace.evaluations_changed.connect(self._on_evaluations_changed)

    # --- Qt's model interface --------------------------------------------------------------------

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._offers)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self.HEADERS):
            if role == Qt.ItemDataRole.DisplayRole:
                return self.HEADERS[section]
            if role == Qt.ItemDataRole.TextAlignmentRole and section == self.YEAR_ONE:
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def data(self, index: _Index, role: int = _DISPLAY) -> Any:
        cells = self._rows.get(index.row())
        if cells is not None:
            cell = cells[index.column()]
            if cell is not None:
                return cell.get(role)
        if role not in _ROLES:  # most of what a view asks (fonts, colours, icons…): answered first, cheaply
            return None
        row = index.row()
        if not index.isValid() or not (0 <= row < len(self._offers)):
            return None
        if role in _SHOWN:
            if cells is None:
                cells = self._rows[row] = self._row_cells(row)
            cell = cells[index.column()]
            if cell is None:
                self._rate_cells(row, cells)
                cell = cells[index.column()]
            return cell.get(role) if cell is not None else None
        key = (row, index.column(), role)
        if key in self._cells:
            return self._cells[key]
        value = self._cells[key] = self._data(self._offers[row], index.column(), role)
        return value

    def _data(self, offer, column: int, role: int) -> Any:
        """What sorting and filtering ask of a row not painted yet (nothing here rates the offer but the
        tier's sort key)."""
        if role == OfferIdRole:
            return offer.id
        if role == StageRole:
            return offer.stage
        if role == SearchTextRole:
            return _search_text(offer)
        if role == RawValueRole:
            return self._raw(offer, column)
        return None

    def _row_cells(self, row: int) -> list[dict[int, Any] | None]:
        """Every answer of a row's company, role and stage, worked out together from its list row (no
        offer built); its year 1 and position come with `_rate_cells`."""
        offer = self._offers[row]
        common = {OfferIdRole: offer.id, StageRole: offer.stage, SearchTextRole: _search_text(offer)}
        under_water = self._under_water(offer)
        flag = "; stock options under water (at or below their strike)" if under_water else ""
        company_words = f"{offer.company}, {offer.role}{flag}"
        company = {
            **common, _DISPLAY: offer.company, _ACCESSIBLE: company_words, _TOOLTIP: company_words,
            RawValueRole: self._raw(offer, self.COMPANY),
        }
        if under_water:
            company[FlagRole] = ("flag:under_water", UNDER_WATER_WORDS)
            company[PillRole] = ("flag:under_water", UNDER_WATER_WORDS, True)
        role = {
            **common, _DISPLAY: offer.role, _ACCESSIBLE: offer.role, _TOOLTIP: offer.role,
            RawValueRole: self._raw(offer, self.ROLE),
        }
        stage_name = STAGE_NAMES[offer.stage]
        stage_badge = f"stage:{offer.stage}"
        stage = {
            **common, _DISPLAY: stage_name, _ACCESSIBLE: stage_name, _TOOLTIP: stage_name,
            RawValueRole: self._raw(offer, self.STAGE), BadgeRole: stage_badge,
            PillRole: (stage_badge, stage_name, False),
        }
        return [company, role, stage, None, None]

    def _rate_cells(self, row: int, cells: list[dict[int, Any] | None]) -> None:
        """Every answer of a row's year 1 and position, worked out together (the offer rated once)."""
        offer = self._offers[row]
        evaluator = self.workspace.evaluator()
        self._remember(row, offer.id)  # the row is shown: an edit repaints it if its figures move
        common = {OfferIdRole: offer.id, StageRole: offer.stage, SearchTextRole: _search_text(offer)}
        # always with cents: the column shows one precision without rating every offer to find out
        money = fmt.money(evaluator.year_one(offer.id), offer.currency, cents=True)
        money_words = f"Year 1 total {money}, in {offer.currency}"
        year_one = {
            **common, _DISPLAY: money, _ACCESSIBLE: money_words, _TOOLTIP: money_words,
            RawValueRole: self._raw(offer, self.YEAR_ONE), _ALIGNMENT: _RIGHT,
        }
        missing = offer.missing
        if missing:
            tier_name, tier_words, tier_badge = NOT_RATED, f"Not rated yet: add {' and '.join(missing)}", "tier:none"
        else:
            position = evaluator.position(offer.id)
            tier_name = TIER_NAMES[position.tier]
            tier_words = f"{tier_name} position, score {position.score} of 100"
            tier_badge = f"tier:{position.tier}"
        tier = {
            **common, _DISPLAY: tier_name, _ACCESSIBLE: tier_words, _TOOLTIP: tier_words,
            RawValueRole: self._raw(offer, self.TIER), BadgeRole: tier_badge, PillRole: (tier_badge, tier_name, False),
        }
        cells[self.YEAR_ONE] = year_one
        cells[self.TIER] = tier

    # --- cells -----------------------------------------------------------------------------------

    def _under_water(self, offer) -> bool:
        """Whether an option grant of the offer is under water (`Evaluator.options`)."""
        if not offer.has_options:
            return False  # (most offers: no need to ask, nor to build the offer)
        return any(details.under_water for details in self.workspace.evaluator().options(offer.id))

    def _raw(self, offer, column: int) -> Any:
        evaluator = self.workspace.evaluator()
        if column == self.YEAR_ONE:
            shown = evaluator.year_one_display(offer.id)
            return float(shown) if shown is not None else -1.0  # sort key only; display stays exact
        if column == self.TIER:
            return -1 if offer.missing else evaluator.position(offer.id).score
        if column == self.STAGE:
            return STAGES.index(offer.stage)
        return (offer.company if column == self.COMPANY else offer.role).casefold()

    def _remember(self, row: int, offer_id: str) -> None:
        """What a shown row's figures are, so an edit repaints only the rows whose figures moved."""
        shown = self._shown.get(row)
        if shown is not None and shown[0] == offer_id:
            return  # known (an edit updates it in _on_evaluations_changed); painting asks twice a row
        self.workspace.build_ahead(offer_id)  # rated below: built with the rows after it, in one read
        self._shown[row] = (offer_id, _figures_shown(self.workspace.evaluator(), offer_id))

    # --- keeping up with the workspace -----------------------------------------------------------

    def row_of(self, offer_id: str) -> int:
        return self._row_of.get(offer_id, -1)

    def _on_offers_reset(self) -> None:
        self.beginResetModel()
        self._shown.clear()
        self._cells.clear()
        self._rows.clear()
        self._offers = self.workspace.offers()
        self._row_of = {offer.id: row for row, offer in enumerate(self._offers)}
        self.endResetModel()

    def _on_offer_updated(self, offer_id: str) -> None:
        row = self._row_of.get(offer_id)
        offer = self.workspace.row(offer_id)
        if row is None or offer is None:
            return
        self._offers[row] = offer
        self._cells = {k: v for k, v in self._cells.items() if k[0] != row}
        self._rows.pop(row, None)
        self.dataChanged.emit(self.index(row, 0), self.index(row, self.columnCount() - 1))

    def _on_evaluations_changed(self) -> None:
        """A change to one offer can change another's tier (a better alternative, new settings).

        Only rows whose shown year-1 total or tier changed are repainted; rows Qt never asked about
        (scrolled out of sight) are left to be computed when they are shown.
        """
        self._cells.clear()  # any figure or tier may have changed (another offer's edit, new settings)
        self._rows.clear()
        if not self._offers:
            return
        evaluator = self.workspace.evaluator()
        for row, (offer_id, before) in list(self._shown.items()):
            if offer_id not in evaluator.rows:
                continue
            now = _figures_shown(evaluator, offer_id)
            if now != before:
                self._shown[row] = (offer_id, now)
                self.dataChanged.emit(self.index(row, self.YEAR_ONE), self.index(row, self.TIER))


def _search_text(offer) -> str:
    return " ".join(filter(None, (offer.company, offer.role, offer.level, offer.location))).casefold()


def _figures_shown(evaluator: Evaluator, offer_id: str) -> tuple:
    """What a row shows that an evaluation decides: the year-1 total and its currency, the score and
    the tier (new thresholds change the tier of the same score)."""
    position = evaluator.position(offer_id)
    return (evaluator.year_one(offer_id), evaluator.rows[offer_id].currency, position.score, position.tier)


class OfferFilterProxy(QSortFilterProxyModel):
    """Filters the list by stage (or all) and by words in company, role, level and location."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._stage: str | None = None
        self._words: list[str] = []
        self.setSortRole(RawValueRole)

    def set_stage(self, stage: str | None) -> None:
        self.beginFilterChange()
        self._stage = stage
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def set_search(self, text: str) -> None:
        self.beginFilterChange()
        self._words = text.casefold().split()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: _Index) -> bool:
        model = self.sourceModel()
        index = model.index(source_row, 0, source_parent)
        if self._stage is not None and model.data(index, StageRole) != self._stage:
            return False
        if self._words:
            haystack = model.data(index, SearchTextRole) or ""
            return all(word in haystack for word in self._words)
        return True
