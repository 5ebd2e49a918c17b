"""The rating rubric as a form: every threshold, weight and share of `app.rubric.Rubric`, edited in place.

The generic binder does the work, as for an offer: the form loads a Rubric into spin boxes and
percentage fields, collects them over the loaded rubric (so what the form does not show — the
bands' meanings, the sources — survives), validates with the model, which holds every rule, and
marks each problem at its field, or in the banner for a rule across fields ("tier thresholds must
fall from grand slam to uncertain"). Reset loads the shipped rubric.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QGridLayout,
    QLabel,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.rubric import DEFAULT_RUBRIC, TIER_NAMES, TIERS, Rubric, edited_rubric
from ui.forms.binder import FormBinder, add_form_row, field_box, finished_signals, form_stylesheet
from ui.widgets.fields import NumberEdit, PercentEdit

POINTS, BONUS, DAYS = (0, 100), (0, 50), (0, 3650)  # the model's bounds: a spin box can't leave them

_EVIDENCE = (
    ("competing_offer_points", "Each competing offer adds", BONUS, " points"),
    ("competing_offers_max_points", "… at most", BONUS, " points"),
    ("better_offer_points", "Another offer pays more in year 1", BONUS, " points"),
    ("recruiter_advocating_points", "Recruiter advocating", BONUS, " points"),
    ("recruiter_not_advocating_points", "Recruiter not advocating takes away", BONUS, " points"),
    ("manager_responsive_points", "Hiring manager responsive", BONUS, " points"),
    ("manager_unresponsive_relief_points", "Unresponsive manager gives back", BONUS, " points"),
    ("manager_unresponsive_relief_after_days", "… after waiting more than", DAYS, " days"),
    ("quick_rounds_days", "Rounds at most this far apart", DAYS, " days"),
    ("quick_rounds_points", "… add", BONUS, " points"),
    ("slow_rounds_days", "Rounds further apart than", DAYS, " days"),
    ("slow_rounds_points", "… take away", BONUS, " points"),
    ("no_speed_points", "No dates to read: start from", POINTS, " points"),
)
_LIMITS = (
    ("slow_offer_cap_days", "An offer this long after the final interview", DAYS, " days"),
    ("silence_cap_days", "Or this long a silence with no offer", DAYS, " days"),
)
_STRETCH_COLUMNS = (
    ("band_room_pct", "Room in the band"),
    ("over_band_pct", "Past the band's top"),
    ("sign_on_pct_of_base", "Sign-on, of base"),
    ("equity_extra_pct", "Equity more"),
)
_OTHER = (
    ("combined_budget_share_pct", "Combined headcount: share of the other roles' budget", "percent"),
    ("combined_over_band_max_pct", "… at most, of the band's top", "percent"),
    ("response_uses_room_pct", "Each answer to a counter uses, of the room left", "percent"),
    ("estimated_band_min_pct", "No band known: minimum, of the base", "percent"),
    ("estimated_band_max_pct", "… maximum, of the base", "percent"),
    ("sign_on_to_equity_rate", "Equity offered per unit of sign-on given up", "number"),
    ("drop_flag_pct", "Flag a year that falls by more than", "percent"),
)


class RubricForm(QWidget):
    """Edits a copy of a rubric; `rubric()` is the valid edited rubric, or None (marked where wrong)."""

    edited = Signal()  # the user finished an edit

    def __init__(self, rubric: Rubric | None, parent: QWidget | None = None):
        super().__init__(parent)
        self.banner = QLabel()
        self.banner.setObjectName("rubricBanner")
        self.content = QWidget()
        self.binder = FormBinder(Rubric, self.content, self.banner, parent=self)
        self.inputs: dict[str, QWidget] = {}
        page = QVBoxLayout(self.content)
        page.setContentsMargins(8, 8, 8, 8)

        tiers = self._section(page, "Tiers: the lowest score of each")
        for tier, path in (
            ("grand_slam", "grand_slam_from"),
            ("strong", "strong_from"),
            ("steady", "steady_from"),
            ("uncertain", "uncertain_from"),
        ):
            self._spin(tiers, path, f"{TIER_NAMES[tier]} from", POINTS, " points")
        self._bands(page, "offer_speed", "Speed of the offer: days from the final interview", "Offer within")
        self._bands(page, "waiting", "Silence while waiting: days since the last interview", "Waiting up to")
        evidence = self._section(page, "Other evidence")
        for path, text, bounds, suffix in _EVIDENCE:
            self._spin(evidence, path, text, bounds, suffix)
        limits = self._section(page, "Limits: at best Uncertain after")
        for path, text, bounds, suffix in _LIMITS:
            self._spin(limits, path, text, bounds, suffix)
        self._stretch(page)
        other = self._section(page, "Other rules")
        for path, text, kind in _OTHER:
            edit = PercentEdit() if kind == "percent" else NumberEdit()
            edit.setMaximumWidth(edit.fontMetrics().horizontalAdvance("0" * 9) + 16)
            self._bind(other, path, text, edit)
        page.addStretch(1)

        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(self.content)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.banner)
        layout.addWidget(scroll, 1)
        self.setStyleSheet(form_stylesheet(self.palette()))
        self._started_from = DEFAULT_RUBRIC
        self.load(rubric or DEFAULT_RUBRIC)

    # --- public ----------------------------------------------------------------------------------

    def load(self, rubric: Rubric) -> None:
        """Show a rubric (the one in settings, one read from a file): edits are measured from it."""
        self._started_from = rubric
        self.binder.load(rubric)

    def reset(self) -> None:
        """The shipped rubric's numbers in every field."""
        self.load(DEFAULT_RUBRIC)

    def rubric(self) -> Rubric | None:
        """The rubric as edited (None when the form holds a problem, then marked); a rubric equal to the
        shipped one comes back as `DEFAULT_RUBRIC` itself."""
        model = self.binder.validate()
        return None if model is None else edited_rubric(model, self._started_from)  # type: ignore[arg-type]

    def preview(self) -> Rubric | None:
        """The rubric the fields hold now, without marking anything (None while something is wrong)."""
        model, _problems = self.binder.check()
        return None if model is None else edited_rubric(model, self._started_from)  # type: ignore[arg-type]

    def problems(self) -> dict[str, str]:
        return self.binder.errors()

    # --- building --------------------------------------------------------------------------------

    def _section(self, page: QVBoxLayout, title: str) -> QFormLayout:
        heading = QLabel(title)
        font = heading.font()
        font.setBold(True)
        heading.setFont(font)
        if page.count():
            page.addSpacing(10)
        page.addWidget(heading)
        form = QFormLayout()
        form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft)
        page.addLayout(form)
        return form

    def _spin(self, form: QFormLayout, path: str, text: str, bounds: tuple[int, int], suffix: str) -> QSpinBox:
        spin = QSpinBox()
        spin.setRange(*bounds)
        spin.setSuffix(suffix)
        spin.setKeyboardTracking(False)
        self._bind(form, path, text, spin)
        return spin

    def _bind(self, form: QFormLayout, path: str, text: str, widget: QWidget) -> None:
        name = text.replace("…", "").strip()
        message = add_form_row(form, text, widget, name)
        self.binder.bind(path, widget, label=name[:1].upper() + name[1:], message=message)
        self._watch(widget)

    def _watch(self, widget: QWidget) -> None:
        self.inputs[_path_of(self.binder, widget)] = widget
        for signal in finished_signals(widget):
            signal.connect(self._on_finished)

    def _on_finished(self) -> None:
        self.binder.validate(focus=False)  # marks what is wrong as soon as it is typed
        self.edited.emit()

    def _bands(self, page: QVBoxLayout, name: str, title: str, lead: str) -> None:
        form = self._section(page, title)
        bands = getattr(DEFAULT_RUBRIC, name)
        grid = QGridLayout()
        grid.setHorizontalSpacing(12)
        for column, header in enumerate(("", "Days", "Points")):
            if header:
                grid.addWidget(QLabel(header), 0, column)
        for index, band in enumerate(bands):
            last = band.max_days is None
            label = QLabel("Longer" if last else lead)
            label.setToolTip(band.meaning)
            grid.addWidget(label, index + 1, 0)
            if not last:
                days = QSpinBox()
                days.setRange(*DAYS)
                days.setSuffix(" days")
                days.setKeyboardTracking(False)
                days.setAccessibleName(f"{title.split(':')[0]}, band {index + 1}, days")
                box, message = field_box(days, beside=False)
                label.setBuddy(days)
                grid.addWidget(box, index + 1, 1)
                self.binder.bind(f"{name}[{index}].max_days", days, label=days.accessibleName(), message=message)
                self._watch(days)
            points = QSpinBox()
            points.setRange(*POINTS)
            points.setSuffix(" points")
            points.setKeyboardTracking(False)
            points.setAccessibleName(f"{title.split(':')[0]}, band {index + 1}, points")
            box, message = field_box(points, beside=False)
            grid.addWidget(box, index + 1, 2)
            self.binder.bind(f"{name}[{index}].points", points, label=points.accessibleName(), message=message)
            self._watch(points)
        grid.setColumnStretch(3, 1)
        holder = QWidget()
        holder.setLayout(grid)
        form.addRow(holder)

    def _stretch(self, page: QVBoxLayout) -> None:
        form = self._section(page, "Budget stretch by tier (percent)")
        grid = QGridLayout()
        grid.setHorizontalSpacing(12)
        for column, (_, header) in enumerate(_STRETCH_COLUMNS, start=1):
            grid.addWidget(QLabel(header), 0, column)
        for row, tier in enumerate(TIERS, start=1):
            grid.addWidget(QLabel(TIER_NAMES[tier]), row, 0)
            for column, (key, header) in enumerate(_STRETCH_COLUMNS, start=1):
                edit = PercentEdit()
                edit.setMaximumWidth(edit.fontMetrics().horizontalAdvance("0" * 8) + 16)
                edit.setAccessibleName(f"{TIER_NAMES[tier]}: {header.lower()}")
                box, message = field_box(edit, beside=False)
                grid.addWidget(box, row, column)
                self.binder.bind(f"stretch.{tier}.{key}", edit, label=edit.accessibleName(), message=message)
                self._watch(edit)
        grid.setColumnStretch(len(_STRETCH_COLUMNS) + 1, 1)
        holder = QWidget()
        holder.setLayout(grid)
        form.addRow(holder)


def _path_of(binder: FormBinder, widget: QWidget) -> str:
    bound = binder.field_of(widget)
    return bound.path if bound is not None else ""
