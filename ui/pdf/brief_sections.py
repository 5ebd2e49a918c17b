"""The brief's sections laid out in a flow: page 1 (the summary), then the offer year by year, the
alternatives, the timeline, every lever, the checklist for the call, the rating and the assumptions.

Everything shown comes from `app.brief`; numbers are formatted with `ui.format`, exactly as the
screens show them, and the charts are painted by `ui.charts` — the same code as the screen.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import ROUND_HALF_UP, Decimal

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QPainter, QPalette, QPolygonF

from app.brief import Brief, BriefLever, OfferYears, Summary
from app.text import date_words
from app.words import COMPONENT_NAMES, EVENT_NAMES, STAGE_NAMES, signed_points
from ui import format as fmt
from ui.charts.painting import paint_cumulative_lines, paint_stacked_bars
from ui.charts.timeline import paint_timeline, timeline_height
from ui.pdf.compare_sections import (
    UNDER_WATER,
    after_tax_alternatives_section,
    after_tax_years_section,
    alternatives_tables,
    notes,
    options_section,
    scenarios_section,
)
from ui.pdf.layout import Column, Flow, Piece, Row, Run, Table, Text
from ui.pdf.page_setup import COMPACT, PLAUSIBILITY_HUES, TIER_HUES, badge_colours

SECTION_TITLES = (
    "The offer, year by year",
    "Your alternatives, side by side",
    "The process so far",
    "Every lever, in full",
    "Checklist for the call",
    "How the rating was made",
    "What is assumed",
)
LEVER_INDENT = 22.0  # points: a lever's text hangs right of its rank


def compose(flow: Flow, brief: Brief, palette: QPalette) -> None:
    """Every section of the brief, in order, into `flow` (which pages them)."""
    _summary_page(flow, brief)
    flow.new_page()
    _offer_section(flow, brief.years, palette, brief.alternatives.columns[0].under_water)
    after_tax_years_section(flow, brief)
    _alternatives_section(flow, brief, palette)
    after_tax_alternatives_section(flow, brief)
    scenarios_section(flow, brief)
    options_section(flow, brief)
    _timeline_section(flow, brief, palette)
    _levers_section(flow, brief)
    _checklist_section(flow, brief)
    _rating_section(flow, brief)
    _assumptions_section(flow, brief)


def _money(value: Decimal | None, currency: str) -> str:
    return fmt.money(value, currency)


def not_rated_words(missing: Sequence[str]) -> str:
    """Why an offer has no rating yet, as the window says it."""
    return (
        f"Add {' and '.join(missing)} to the offer: the position is read from them, and without them a "
        "rating would be a guess."
    )


def _section(flow: Flow, title: str, intro: str | None = None) -> None:
    flow.heading(title, "h1", space_before=22.0, rule=True)
    if intro:
        flow.paragraph(Run(intro, "muted"), "muted", space_before=5.0, keep_with_next=True)


# page 1


def _summary_page(flow: Flow, brief: Brief) -> None:
    s = brief.summary
    flow.paragraph(
        [Run("Negotiation brief", "eyebrow"), Run(f"   Prepared {date_words(s.as_of)}", "eyebrow_muted")], "eyebrow"
    )
    flow.paragraph(s.company, "title", space_before=5.0)
    flow.paragraph(s.role, "subtitle", space_before=2.0)
    meta = [f"Level {s.level}" if s.level else None, s.location, STAGE_NAMES.get(s.stage, s.stage)]
    meta += [f"Amounts in {s.currency}", f"{s.horizon}-year horizon"]
    flow.paragraph(" · ".join(m for m in meta if m), "muted", space_before=4.0)
    _stat_tiles(flow, s)
    _position_block(flow, s)
    _asks_block(flow, brief)
    _numbers_block(flow, s)


def _stat_tiles(flow: Flow, s: Summary) -> None:
    ts, pt = flow.ts, flow.pt
    gap = 7 * pt
    count = 4
    tile_width = (flow.inner_width - gap * (count - 1)) / count
    pad = 7 * pt
    inner = tile_width - 2 * pad
    if s.deadline is not None:
        deadline_value = f"{s.deadline.day} {s.deadline:%b} {s.deadline.year}"
        left = s.days_left or 0
        deadline_note = (
            f"{s.deadline:%A}, in {left} day{'s' if left != 1 else ''}"
            if left > 0
            else ("today" if left == 0 else f"passed {-left} day{'s' if left != -1 else ''} ago")
        )
    else:
        deadline_value, deadline_note = "None recorded", "ask when they need an answer"
    cur = s.currency
    tiles = [
        ("Year 1 total", _money(s.year_one, s.currency), f"guaranteed cash {_money(s.guaranteed_year_one, cur)}"),
        (f"{s.horizon}-year total", _money(s.total, s.currency), "every year as offered"),
        ("Annual average", _money(s.annual_average, s.currency), f"{s.horizon}-year total ÷ {s.horizon}"),
        ("Decide by", deadline_value, deadline_note),
    ]
    # one size for every value: the largest at which all of them fit on a line
    value_style = next(
        (st for st in ("stat_value", "stat_value_mid") if all(ts.natural_width(v, st) <= inner for _, v, _ in tiles)),
        "stat_value_small",
    )
    blocks = []
    for label, value, note in tiles:
        blocks.append(
            (
                ts.layout(label, "stat_label", inner),
                ts.layout(value, value_style, inner),
                ts.layout(note, "stat_note", inner),
            )
        )
    height = max(a.height + b.height + c.height for a, b, c in blocks) + 2 * pad + 4 * pt
    fill = ts.inks["panel"]
    accent = ts.inks["accent"]

    def paint(painter: QPainter, rect: QRectF) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        x = rect.left()
        for label, value, note in blocks:
            tile = QRectF(x, rect.top(), tile_width, rect.height())
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(fill)
            painter.drawRoundedRect(tile, 4 * pt, 4 * pt)
            painter.fillRect(QRectF(tile.left(), tile.top() + 4 * pt, 2 * pt, tile.height() - 8 * pt), accent)
            y = tile.top() + pad
            label.draw(painter, tile.left() + pad, y)
            y += label.height + 2 * pt
            value.draw(painter, tile.left() + pad, y)
            y += value.height + 1 * pt
            note.draw(painter, tile.left() + pad, y)
            x += tile_width + gap

    flow.drawing(0, paint, space_before=14.0, device_height=height)


def _position_block(flow: Flow, s: Summary) -> None:
    ts, pt = flow.ts, flow.pt
    flow.heading("Your position", "h2", space_before=18.0)
    if not s.rated:  # as the window says: no score resting on defaults
        flow.paragraph([Run("Not rated. ", "body_bold"), Run(not_rated_words(s.missing))], space_before=4.0)
        return
    start = len(flow.pieces)
    fill, ink = badge_colours(TIER_HUES.get(s.tier, 210))
    badge_metrics = ts.metrics("badge")
    badge_width = badge_metrics.horizontalAdvance(s.tier_name) + 20 * pt
    badge_height = badge_metrics.height() + 8 * pt
    score = ts.layout([Run(str(s.score), "score"), Run(" of 100", "score_of")], "score", 1e6, wrap=False)
    score_width = score.natural_width()
    scale_metrics = ts.metrics("scale")
    height = max(badge_height, score.height, 26 * pt)
    bands = s.tier_bands

    def paint(painter: QPainter, rect: QRectF) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        top = rect.top() + (rect.height() - badge_height) / 2
        pill = QRectF(rect.left(), top, min(badge_width, rect.width() * 0.45), badge_height)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(fill)
        painter.drawRoundedRect(pill, badge_height / 2, badge_height / 2)
        painter.setFont(ts.font("badge"))
        painter.setPen(ink)
        painter.drawText(
            pill,
            Qt.AlignmentFlag.AlignCenter,
            badge_metrics.elidedText(s.tier_name, Qt.TextElideMode.ElideRight, pill.width() - 12 * pt),
        )
        x = pill.right() + 12 * pt
        score.draw(painter, x, rect.top() + (rect.height() - score.height) / 2)
        # the score on the rubric's scale: one segment per tier, a marker at the score
        left = x + score_width + 22 * pt
        right = rect.right()
        if right - left < 60 * pt:
            return
        bar_top = rect.top() + rect.height() * 0.30
        bar_height = 6 * pt
        span = right - left

        def x_of(points: float) -> float:
            return left + span * points / 100

        for band in bands:
            segment_fill, segment_ink = badge_colours(TIER_HUES.get(band.tier, 210))
            color = segment_ink if band.tier == s.tier else segment_fill
            painter.fillRect(QRectF(x_of(band.low), bar_top, x_of(min(band.high + 1, 100)) - x_of(band.low) - 1 * pt,
                                    bar_height), color)
        marker_x = x_of(s.score)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(ts.inks["text"])
        triangle = QPolygonF(
            [QPointF(marker_x - 4 * pt, bar_top - 6 * pt), QPointF(marker_x + 4 * pt, bar_top - 6 * pt),
             QPointF(marker_x, bar_top - 1 * pt)]
        )
        painter.drawPolygon(triangle)
        painter.setFont(ts.font("scale"))
        painter.setPen(ts.inks["muted"])
        line = scale_metrics.height()
        for value in sorted({0, 100, *(b.low for b in bands)}):
            label = str(value)
            w = scale_metrics.horizontalAdvance(label)
            lx = min(max(x_of(value) - w / 2, left), right - w)
            painter.drawText(QRectF(lx, bar_top + bar_height + 2 * pt, w + 1 * pt, line), Qt.AlignmentFlag.AlignLeft,
                             label)

    flow.drawing(0, paint, space_before=6.0, device_height=height)
    for reason in s.reasons:
        flow.marked(Run(signed_points(reason.points), "small_bold"), reason.sentence, "body", marker_width=28.0,
                    space_before=4.0)
    if s.capped:
        flow.paragraph(Run(s.capped, "muted_italic"), "muted", space_before=4.0, indent=28.0)
    flow.keep_together(start)


def _percent(value: Decimal) -> str:
    """One decimal, always (63.0 %, 8.5 %), so a column of shares lines up."""
    return fmt.number(value.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP), 1) + "\u00a0%"


def _ask_amount(lever: BriefLever, currency: str) -> list[Run]:
    if lever.ask is None:
        return [Run(lever.kind_name, "muted")]
    runs = [Run(_money(lever.ask, currency), "ask_amount")]
    if lever.unit:
        runs.append(Run(f" {lever.unit}", "muted"))
    return runs


def _lever_meta(lever: BriefLever, currency: str) -> str:
    parts = []
    if lever.offered is not None and lever.ask is not None:
        parts.append(f"offered {_money(lever.offered, currency)}")
    parts += [lever.plausibility_name, lever.kind_name]
    return " · ".join(parts)


def _lever_head(flow: Flow, lever: BriefLever, currency: str, *, space_before: float) -> None:
    """Rank in a disc, the title, and the ask right-aligned; wraps rather than overlapping."""
    ts, pt = flow.ts, flow.pt
    disc = 15 * pt
    indent = LEVER_INDENT * pt  # the title, and everything under it, starts here
    rank = ts.layout(str(lever.rank), "rank", 1e5, wrap=False)
    pill = min(max(disc, rank.natural_width() + 7 * pt), indent - 3 * pt)  # "10" and up: a pill
    amount_runs = _ask_amount(lever, currency)
    amount_width = min(ts.natural_width(amount_runs, "lever_title"), flow.inner_width * 0.45)
    amount = ts.layout(amount_runs, "lever_title", amount_width + 1 * pt, align="right")
    title = ts.layout(lever.title, "lever_title", flow.inner_width - indent - amount_width - 12 * pt)
    rank = ts.layout(str(lever.rank), "rank", pill, align="center")
    height = max(title.height, amount.height, disc)
    accent = ts.inks["accent"]

    def paint(painter: QPainter, rect: QRectF) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        first_line = title.heights[0] if title.heights else disc
        centre_y = rect.top() + first_line / 2
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(accent)
        painter.drawRoundedRect(QRectF(rect.left(), centre_y - disc / 2, pill, disc), disc / 2, disc / 2)
        rank.draw(painter, rect.left(), centre_y - rank.height / 2)
        title.draw(painter, rect.left() + indent, rect.top())
        amount.draw(painter, rect.right() - amount_width - 1 * pt, rect.top())

    flow.add(Piece(height, paint, space_before=space_before * pt, keep_with_next=True))


def _asks_block(flow: Flow, brief: Brief) -> None:
    s = brief.summary
    flow.heading("What to ask for, in this order", "h2", space_before=16.0)
    if not s.asks:
        flow.paragraph("No lever applies to this offer as it stands.", "muted", space_before=4.0)
    start = len(flow.pieces)
    for index, lever in enumerate(s.asks):
        start = len(flow.pieces)
        _lever_head(flow, lever, s.currency, space_before=8.0 if index else 6.0)
        flow.paragraph(Run(_lever_meta(lever, s.currency), "muted"), "muted", indent=LEVER_INDENT, space_before=1.0)
        flow.paragraph(Run(f"“{lever.script}”", "quote"), "quote", indent=LEVER_INDENT, space_before=2.5)
        flow.keep_together(start)
    if s.more_levers:  # stays with the last ask
        flow.paragraph(
            Run(
                f"{s.more_levers} more lever{'s' if s.more_levers != 1 else ''}, and every lever in full with its "
                "rationale and its effect on each year, under Every lever, in full.",
                "muted_italic",
            ),
            "muted",
            space_before=6.0,
            indent=LEVER_INDENT,
        )
        flow.keep_together(start)


def _numbers_block(flow: Flow, s: Summary) -> None:
    flow.heading("Your numbers for year 1", "h2", space_before=16.0)
    start = len(flow.pieces)
    rows = []
    for line in s.goal_lines:
        verdict = line.verdict if line.gap is None else f"{line.verdict} {_money(line.gap, s.currency)}"
        strong = line.key in ("target", "walk_away")
        rows.append(
            Row(
                [
                    Run(line.label, "table_bold" if strong else "table"),
                    Run(_money(line.amount, s.currency), "table_bold" if strong else "table"),
                    Run(verdict, "table_muted"),
                ],
                "this" if line.key == "target" else "body",
            )
        )
    flow.table(
        Table(
            [Column("Figure"), Column("Amount", "right"), Column("Against the stretch", flex=1.0)],
            rows,
            header=False,
        ),
        space_before=4.0,
    )
    flow.paragraph(Run(s.goal_note, "muted"), "muted", space_before=4.0)
    flow.keep_together(start)


# the offer


def _offer_section(flow: Flow, years: OfferYears, palette: QPalette, under_water: bool = False) -> None:
    cur = years.currency
    _section(
        flow,
        SECTION_TITLES[0],
        f"In {cur}, as offered. Each component is computed exactly and rounded to cents once; each year's total "
        "is the sum of its components, and the horizon's total the sum of the years.",
    )
    fig = years.figures
    components = list(COMPONENT_NAMES.items())
    # an under-water grant is equity worth 0 at the stated price, never "no equity": its column stays
    shown = [
        (key, label)
        for key, label in components
        if key == "base" or fig.component_total(key) or (key == "equity" and under_water)
    ]
    cents = fmt.needs_cents(
        [y.component(k) for y in fig.years for k, _ in shown] + [y.total for y in fig.years]
        + [fig.component_total(k) for k, _ in shown] + [fig.total, fig.annual_average]
    )

    def money(value: Decimal | None) -> str:
        return fmt.money(value, cur, cents=cents)

    columns = [Column("Year", flex=1.0), *(Column(label, "right") for _, label in shown), Column("Total", "right")]
    rows = [
        Row([f"Year {y.year}", *(money(y.component(k)) for k, _ in shown), Run(money(y.total), "table_bold")])
        for y in fig.years
    ]
    rows.append(
        Row(
            [f"{fig.horizon}-year total", *(money(fig.component_total(k)) for k, _ in shown),
             Run(money(fig.total), "table_bold")],
            "total",
        )
    )
    flow.table(Table(columns, rows, compact=COMPACT), space_before=8.0)
    left_out = [label for key, label in components if (key, label) not in shown]
    note = f"Annual average ({fig.horizon}-year total ÷ {fig.horizon}): {money(fig.annual_average)}."
    if left_out:
        note += f" No {', '.join(x.lower() for x in left_out)} in this offer."
    flow.paragraph(Run(note, "muted"), "muted", space_before=4.0)
    if under_water:
        flow.paragraph(
            [
                Run(f"Options {UNDER_WATER}: ", "small_bold"),
                Run(
                    "the stated price is at or below the strike, so the options count 0 in these figures. They are "
                    "still equity, worth something only if the price rises: see Startup options.",
                    "muted",
                ),
            ],
            "muted",
            space_before=3.0,
        )

    flow.heading("Guaranteed, contingent, equity", "h2", space_before=14.0)
    split_cents = fmt.needs_cents(line.amount for line in years.split)
    split_rows = [
        Row(
            [Run(line.label, "table_bold"),
             Run(line.description + (f" (options {UNDER_WATER}: 0 at the stated price)"
                                     if under_water and line.key == "equity" else ""), "table_muted"),
             fmt.money(line.amount, cur, cents=split_cents), _percent(line.share_pct)]
        )
        for line in years.split
    ]
    flow.table(
        Table(
            [Column("Part"), Column("What it is", flex=1.0), Column(f"{years.horizon} years", "right"),
             Column("Share", "right")],
            split_rows,
        ),
        space_before=4.0,
    )
    _chart(flow, palette, lambda painter, rect: paint_stacked_bars(
        painter, rect, [years.series], palette, cur, title="Pay per year, by part"), 200.0)
    for drop in years.drops:
        beyond = " (past the horizon)" if drop.year > years.horizon else ""
        flow.paragraph(
            [
                Run(f"Pay drops in year {drop.year}{beyond}: ", "body_bold"),
                Run(
                    f"from {money(drop.before)} to {money(drop.after)}, {money(drop.amount)} less, "
                    f"when {drop.cause}. It is a negotiation point: see the levers."
                ),
            ],
            space_before=6.0,
        )


def _chart(flow: Flow, palette: QPalette, paint_chart, height_pt: float) -> None:
    ts = flow.ts

    def paint(painter: QPainter, rect: QRectF) -> None:
        painter.setFont(ts.font("chart"))
        paint_chart(painter, rect)

    flow.drawing(height_pt, paint, space_before=12.0)


# the alternatives


def _alternatives_section(flow: Flow, brief: Brief, palette: QPalette) -> None:
    alt = brief.alternatives
    cur = alt.display_currency
    stay = alt.stay
    if alt.others:
        held = f"the {alt.others} other offer{'s' if alt.others != 1 else ''} you hold"
        intro = f"This offer beside {held}" + (" and staying where you are" if stay else "")
        intro += f", in {cur} (the display currency, converted with the rates you entered)."
        intro += " ★ marks the best of each row."
    elif stay is not None:
        intro = f"This offer beside staying where you are, in {cur}. ★ marks the better of each row."
    else:
        intro = f"In {cur}, the display currency."
    _section(flow, SECTION_TITLES[1], intro)
    if alt.others or stay is not None:
        alternatives_tables(flow, alt)
    notes(flow, alt.notes)
    if len(alt.series) > 1:
        left_out = [c.offer.label for c in alt.columns if not c.offer.converted]
        missing = f"Not charted (no exchange rate): {', '.join(left_out)}" if left_out else None  # as on screen
        _chart(flow, palette, lambda painter, rect: paint_cumulative_lines(
            painter, rect, alt.series, palette, cur, title="Running total, year by year", note=missing), 200.0)


# the timeline


def _timeline_section(flow: Flow, brief: Brief, palette: QPalette) -> None:
    t = brief.timeline
    _section(
        flow,
        SECTION_TITLES[2],
        f"Every step you recorded, in date order, as of {date_words(t.as_of)}. The speed of each step is what "
        "the rating reads.",
    )
    if not t.entries and t.deadline is None and not t.rounds:
        flow.paragraph("No events recorded yet: add the dates of your interviews and of the offer.", space_before=6.0)
    else:
        ts = flow.ts
        height = timeline_height(ts.metrics("timeline").height(), ts.device.logicalDpiY() / 96)
        events = [(e.day, e.kind) for e in t.entries]

        def paint(painter: QPainter, rect: QRectF) -> None:
            painter.setFont(ts.font("timeline"))
            paint_timeline(painter, rect, events, t.deadline, palette, t.rounds)  # rounds as on screen

        flow.drawing(0, paint, space_before=10.0, device_height=height, keep_with_next=True)
        rows = []
        for entry in t.entries:
            gap = "" if entry.days_after_previous is None else f"+{entry.days_after_previous} d"
            step = Run(EVENT_NAMES.get(entry.kind, entry.kind), "table_bold")
            rows.append(Row([date_words(entry.day), step, gap, entry.note]))
        if t.deadline is not None:
            deadline: list[Text] = [date_words(t.deadline), Run("Deadline", "table_bold"), "", "Your answer is due."]
            rows.append(Row(deadline, "this"))
        flow.table(
            Table(
                [Column("Date"), Column("Step"), Column("After", "right"), Column("Note", flex=1.0)],
                rows,
            ),
            space_before=8.0,
        )
    if t.notes:
        flow.heading("Your notes", "h2", space_before=14.0)
        for paragraph in t.notes.split("\n\n"):
            if paragraph.strip():
                flow.paragraph(paragraph.strip(), space_before=4.0)


# the levers


def _levers_section(flow: Flow, brief: Brief) -> None:
    cur = brief.summary.currency
    horizon = brief.years.horizon
    _section(
        flow,
        SECTION_TITLES[3],
        f"Best first for a {brief.summary.tier_name.lower()} position. Each ask is the new value of one component, "
        "never below the offer and never past the plausible stretch; the table shows how each year's total "
        "changes if it is granted. The rule beside each lever is green when it is likely, blue when possible, "
        "grey for a long shot.",
    )
    if not brief.levers:
        flow.paragraph("No lever applies to this offer as it stands.", space_before=6.0)
    for lever in brief.levers:
        _fill, ink = badge_colours(PLAUSIBILITY_HUES.get(lever.plausibility, -1))
        with flow.card(ink, indent_pt=13.0, bar_pt=2.6):
            _lever_head(flow, lever, cur, space_before=14.0)
            head = len(flow.pieces) - 1
            flow.paragraph(Run(_lever_meta(lever, cur), "muted"), "muted", indent=LEVER_INDENT, space_before=1.0)
            flow.paragraph(lever.rationale, "body", indent=LEVER_INDENT, space_before=4.0)
            say = [Run("Say: ", "body_bold"), Run(f"“{lever.script}”", "quote")]
            flow.paragraph(say, "quote", indent=LEVER_INDENT, space_before=4.0)
            if lever.changes_figures:
                _effect_tables(flow, lever, cur, horizon)
            flow.keep_together(head)  # a card stays on one page when it fits on one


def _effect_tables(flow: Flow, lever: BriefLever, currency: str, horizon: int) -> None:
    """The change to each year's total, in one row of years, or in rows of fewer years when too wide."""
    cents = fmt.needs_cents([*lever.effect, lever.total_effect])  # one precision in the table
    cells = [fmt.money(v, currency, signed=True, cents=cents) for v in lever.effect]
    total = Run(fmt.money(lever.total_effect, currency, signed=True, cents=cents), "table_bold")

    def table(first: int, end: int, last: bool) -> Table:
        # "Year\u00a01": a header never breaks between the word and its number
        columns = [Column(""), *(Column(f"Year\u00a0{i}", "right") for i in range(first + 1, end + 1))]
        row: list[str | Run] = [Run("If granted", "table_muted"), *cells[first:end]]
        if last:
            columns.append(Column(f"{horizon}\u00a0years", "right"))
            row.append(total)
        return Table(columns, [Row(row)])

    for per_row in range(horizon, 0, -1):
        chunks = [(i, min(i + per_row, horizon)) for i in range(0, horizon, per_row)]
        tables = [table(a, b, b == horizon) for a, b in chunks]
        if per_row == 1 or all(flow.fits(t, indent=LEVER_INDENT) for t in tables):
            break
    for index, t in enumerate(tables):
        flow.table(t, space_before=5.0 if index == 0 else 2.0, indent=LEVER_INDENT)


# the call, the rating, the assumptions


def _checklist_section(flow: Flow, brief: Brief) -> None:
    _section(flow, SECTION_TITLES[4], "Tick these off before and during the call.")
    for item in brief.checklist:
        flow.marked(Run("☐", "body"), [Run(f"{item.lead}. ", "body_bold"), Run(item.text)], "body",
                    marker_width=16.0, space_before=5.0)


def _rating_section(flow: Flow, brief: Brief) -> None:
    r = brief.rating
    _section(
        flow,
        SECTION_TITLES[5],
        "A heuristic from a recruiter's view of hiring, not a study: every threshold and weight is in the rubric "
        "below, and adjustable in Settings.",
    )
    if not r.rated:
        flow.paragraph([Run("This offer: ", "body_bold"), Run("Not rated. "), Run(not_rated_words(r.missing))],
                       space_before=8.0)
    else:
        flow.paragraph(
            [Run("This offer: ", "body_bold"),
             Run(f"{r.tier_name}, {r.score} of 100 points (rubric {r.rubric_version}).")],
            space_before=8.0,
            keep_with_next=True,
        )
    for reason in r.evidence if r.rated else ():
        flow.marked(Run(signed_points(reason.points), "small_bold"), reason.sentence, "body", marker_width=28.0,
                    space_before=4.0)
    if r.capped:
        flow.paragraph(Run(r.capped, "body_italic"), space_before=4.0, indent=28.0)
    for step in r.next_steps:
        flow.paragraph([Run("Next: ", "body_bold"), Run(step)], space_before=4.0, indent=28.0)
    flow.heading("The rubric", "h2", space_before=14.0)
    for title, lines in r.rubric:
        flow.heading(title, "h3", space_before=8.0)
        flow.bullets(lines, "small", space=2.0)


def _assumptions_section(flow: Flow, brief: Brief) -> None:
    _section(flow, SECTION_TITLES[6], "What every number in this brief takes for granted.")
    flow.space(4.0)
    flow.bullets(brief.assumptions, "body", space=4.0)
