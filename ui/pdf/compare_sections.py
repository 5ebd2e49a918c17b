"""The brief's sections on money beyond the offer as it stands: the side-by-side (with the Stay column
and the leaving cost), the offer and the side-by-side after tax, the share-price scenarios and the
startup options.

Everything shown comes from `app.brief` (which reads `app.comparison`, `app.after_tax`,
`app.scenarios` and `app.options` through the Evaluator); nothing here adds or converts money.
Figures are formatted with `ui.format`, one precision per table: a table whose figures have cents
shows every figure with cents (`fmt.needs_cents`), never "$384,646.72" beside "$205,500".

Tables too wide for the page are split by columns: the side-by-side keeps this offer as the first
column of every part, the scenarios keep the offer's name, the options keep one grant per column.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterable, Sequence
from decimal import Decimal

from app.after_tax import AfterTax
from app.brief import AlternativeColumn, Alternatives, Brief, OptionGrant, ScenarioLine, Scenarios
from app.words import STAGE_NAMES
from ui import format as fmt
from ui.pdf.layout import Column, Flow, Row, Run, Table, Text, compacted
from ui.pdf.page_setup import COMPACT

AFTER_TAX_YEARS_TITLE = "After tax, year by year"
AFTER_TAX_SIDE_BY_SIDE_TITLE = "Side by side, after tax"
SCENARIOS_TITLE = "Share-price scenarios"
OPTIONS_TITLE = "Startup options"
UNDER_WATER = "UNDER WATER"
ALTERNATIVES_PER_TABLE = 4  # offers side by side in one table (this one included); more continue below
OPTIONS_PER_TABLE = 4


def section(flow: Flow, title: str, intro: str | None = None) -> None:
    """A section's heading with its rule, and a muted introduction kept with what follows."""
    flow.heading(title, "h1", space_before=22.0, rule=True)
    if intro:
        flow.paragraph(Run(intro, "muted"), "muted", space_before=5.0, keep_with_next=True)


def notes(flow: Flow, lines: Iterable[str], space_before: float = 4.0) -> None:
    for line in lines:
        flow.paragraph(Run(line, "muted"), "muted", space_before=space_before)


def _sentence(text: str) -> str:
    return text[:1].upper() + text[1:] + ("" if text.endswith(".") else ".")


def _fitting(flow: Flow, count: int, most: int, make: Callable[[int, int], Table]) -> list[Table]:
    """`make(first, end)` for the fewest parts of `count` columns (at most `most` each) that fit the page."""
    for per in range(min(count, most), 0, -1):
        tables = [make(first, min(first + per, count)) for first in range(0, count, per)]
        if per == 1 or all(flow.fits(t) or flow.fits(compacted(t)) for t in tables):
            return tables
    return []  # pragma: no cover - count == 0


# --- the side-by-side, before or after tax ---------------------------------------------------------


def alternatives_tables(flow: Flow, alt: Alternatives) -> None:
    """This offer, staying and the other offers side by side; this offer heads every part of a table
    too wide for the page (six offers and Stay make two parts)."""
    this, rest = alt.columns[0], list(alt.columns[1:])
    cents = fmt.needs_cents([v for c in alt.columns for v in c.values] + [c.total_difference for c in alt.columns])
    count = len(rest)
    parts = max(-(-count // (ALTERNATIVES_PER_TABLE - 1)), 1)  # as few parts as fit, as even as can be:
    bounds = [-(-part * count // parts) for part in range(parts + 1)]  # 7 beside this offer: 3 + 2 + 2
    for start, end in itertools.pairwise(bounds):
        _alternatives_table(flow, alt, [this, *rest[start:end]], cents)


def _head(column: AlternativeColumn, alt: Alternatives) -> Column:
    offer = column.offer
    if offer.is_stay:
        name, detail = "Stay", f"{offer.company} · {offer.role} · your current job"
    else:
        name, detail = offer.company, f"{offer.role} · {STAGE_NAMES.get(offer.stage, offer.stage)}"
    if column.is_this_offer:
        detail += " · this brief"
    if not offer.converted:
        detail += f" · in {offer.offer_currency}, not compared"
    if alt.after_tax and column.tax_flag:
        detail += " · no after-tax figure"
    elif alt.after_tax and column.tax_place:
        detail += f" · taxed in {column.tax_place}"
    runs = [Run(name, "table_bold"), Run("\n" + detail, "table_muted")]
    if column.under_water:
        runs.append(Run(f"\noptions {UNDER_WATER}", "table_flag"))
    return Column(runs, "right", highlight=column.is_this_offer, min_width=86.0)


def _alternatives_table(flow: Flow, alt: Alternatives, columns: Sequence[AlternativeColumn], cents: bool) -> None:
    heads = [Column("", flex=1.0), *(_head(c, alt) for c in columns)]
    rows = []
    for index, (key, label) in enumerate(alt.figures):
        strong = key == "total"
        cells: list[Text] = [Run(label, "table_bold" if strong else "table")]
        for column in columns:
            value = None if key == "leaving_cost" and column.offer.is_stay else column.values[index]  # nothing to leave
            text = fmt.money(value, column.offer.currency, cents=cents)
            style = "table_bold" if strong or column.best[index] else "table"
            runs = [Run(f"★ {text}" if column.best[index] else text, style)]
            if key == "equity" and column.under_water:
                runs.append(Run(f"\n{UNDER_WATER}", "table_flag"))
            cells.append(runs)
        rows.append(Row(cells, "total" if strong else "body"))
    rows.append(
        Row(
            [Run(f"Vs this offer, {alt.horizon}-year total" + (" after tax" if alt.after_tax else ""), "table")]
            + [
                Run(
                    "—"
                    if c.is_this_offer or c.total_difference is None
                    else fmt.money(c.total_difference, c.offer.currency, signed=True, cents=cents),
                    "table",
                )
                for c in columns
            ]
        )
    )
    # a long table may break across pages (its header repeats): kept whole, it left most of a page empty
    flow.table(Table(heads, rows, head_style="table", compact=COMPACT), space_before=8.0)


def after_tax_alternatives_section(flow: Flow, brief: Brief) -> None:
    alt = brief.alternatives_after_tax
    if alt is None or len(alt.columns) < 2:
        return
    section(
        flow,
        AFTER_TAX_SIDE_BY_SIDE_TITLE,
        f"The same offers after the estimated income tax and social contributions, in {alt.display_currency}: "
        "each offer's tax by its own region, on its pay alone. ★ marks the best of each row (never the tax: "
        "the smallest tax comes with the smallest pay).",
    )
    for label in alt.labels:  # what each estimate is, beside its figures
        flow.paragraph(Run(label, "body_italic"), space_before=4.0, keep_with_next=True)
    alternatives_tables(flow, alt)
    notes(flow, alt.notes)


# --- this offer after tax, year by year --------------------------------------------------------------


def after_tax_years_section(flow: Flow, brief: Brief) -> None:
    taxes = brief.after_tax
    if taxes is None:
        return
    fig = brief.years.figures
    cur = fig.currency
    section(
        flow,
        AFTER_TAX_YEARS_TITLE,
        f"What {brief.summary.company} leaves in your pocket each year, in {cur}: the estimated income tax and "
        "social contributions on the year's taxed pay, by the offer's tax region.",
    )
    if not taxes.available:
        flow.paragraph(
            [Run(f"{brief.summary.company}: ", "body_bold"), Run(_sentence(taxes.flag or "no after-tax estimate"))],
            space_before=6.0,
        )
        return
    _label_line(flow, taxes)
    years = taxes.years
    cents = fmt.needs_cents(
        [y.total for y in fig.years] + [fig.total, taxes.total_taxed, taxes.total_not_taxed, taxes.total_tax]
        + [v for y in years for v in (y.taxed, y.not_taxed, y.tax, y.after_tax)]
        + [taxes.total_after_tax]
    )

    def money(value: Decimal | None) -> str:
        return fmt.money(value, cur, cents=cents)

    columns = [
        Column("Year", flex=1.0),
        Column("Before tax", "right"),
        Column("Taxed pay", "right"),
        Column("Not taxed (options, benefits)", "right"),
        Column("Estimated tax", "right"),
        Column("After tax (estimate)", "right"),
    ]
    rows = [
        Row([f"Year {y.year}", money(total.total), money(y.taxed), money(y.not_taxed), money(y.tax),
             Run(money(y.after_tax), "table_bold")])
        for y, total in zip(years, fig.years, strict=True)
    ]
    rows.append(
        Row(
            [f"{fig.horizon}-year total", money(fig.total), money(taxes.total_taxed), money(taxes.total_not_taxed),
             money(taxes.total_tax), Run(money(taxes.total_after_tax), "table_bold")],
            "total",
        )
    )
    start = len(flow.pieces)
    flow.table(Table(columns, rows, compact=COMPACT), space_before=6.0)
    flow.keep_together(start)  # a few rows: on one page with the label above them
    notes(flow, [_sentence(line) for line in taxes.notes[1:]])


def _label_line(flow: Flow, taxes: AfterTax) -> None:
    """The estimate's label, beside the figures it applies to: the region, the rules' year, the filer."""
    flow.paragraph(
        [Run(f"{taxes.region_name}: ", "body_bold"), Run(f"{taxes.label}.", "body_italic")],
        space_before=6.0,
        keep_with_next=True,
    )


# --- share-price scenarios -------------------------------------------------------------------------


def _growth(value: Decimal) -> str:
    sign = "+" if value > 0 else ""
    return f"{sign}{fmt.percent(value)} a year"


def scenarios_section(flow: Flow, brief: Brief) -> None:
    sc = brief.scenarios
    if sc is None:
        return
    section(
        flow,
        SCENARIOS_TITLE,
        f"Each offer's {sc.horizon}-year total in {sc.display_currency} if share prices move as the scenarios in "
        "Settings say, beside the total as offered and its range over the scenarios. Cash is the same in every "
        "scenario; only equity moves.",
    )
    cents = fmt.needs_cents(
        [v for line in sc.lines for v in (line.offered, line.low, line.high, *line.totals)]
    )
    count = len(sc.scenarios)

    def make(first: int, end: int) -> Table:
        lead = first == 0
        columns = [Column("Offer", flex=1.0)]
        if lead:
            columns += [Column("As offered", "right"), Column("Range over the scenarios", "right")]
        for head in sc.scenarios[first:end]:
            columns.append(Column([Run(head.name.capitalize()), Run(f"\n{_growth(head.growth_pct)}")], "right"))
        rows = [_scenario_row(line, sc, first, end, lead, cents) for line in sc.lines]
        return Table(columns, rows, compact=COMPACT)

    for index, table in enumerate(_fitting(flow, count, count, make)):
        start = len(flow.pieces)
        flow.table(table, space_before=8.0 if index == 0 else 4.0)
        flow.keep_together(start)
    if sc.break_evens:
        flow.heading("Break-even growth" + (", before tax" if brief.after_tax else ""), "h2", space_before=12.0)
        flow.bullets(sc.break_evens, "body", space=3.0)
    notes(flow, sc.notes)


def _scenario_row(line: ScenarioLine, sc: Scenarios, first: int, end: int, lead: bool, cents: bool) -> Row:
    cur = line.offer.currency
    name = "Stay" if line.offer.is_stay else line.offer.company
    detail = "your current job" if line.offer.is_stay else ("this brief" if line.is_this_offer else "")
    cells: list[Text] = [[Run(name, "table_bold"), *([Run(f"\n{detail}", "table_muted")] if detail else [])]]
    if lead:
        cells.append(Run(fmt.money(line.offered, cur, cents=cents), "table_bold"))
        if line.low is None or line.high is None:
            cells.append("—")
        elif line.low == line.high:
            cells.append(fmt.money(line.low, cur, cents=cents))
        else:
            cells.append(f"{fmt.money(line.low, cur, cents=cents)} –\n{fmt.money(line.high, cur, cents=cents)}")
    for index in range(first, end):
        runs = [Run(fmt.money(line.totals[index], cur, cents=cents))]
        growth = line.growths[index]
        if growth is not None and growth != sc.scenarios[index].growth_pct:
            runs.append(Run(f"\nat {_growth(growth)}", "table_muted"))  # the offer's own entry
        cells.append(runs)
    return Row(cells, "this" if line.is_this_offer else "body")


# --- startup options -------------------------------------------------------------------------------


def options_section(flow: Flow, brief: Brief) -> None:
    grants = brief.options
    if not grants:
        return
    section(
        flow,
        OPTIONS_TITLE,
        "Every option grant of the offers compared, read as a careful candidate reads it. The year-by-year "
        "figures value options at the stated price; the other prices people quote are here, each named.",
    )
    amounts = [
        v
        for g in grants
        for v in (g.details.exercise_cost, g.details.spread_at_fmv, g.details.spread_at_preferred,
                  g.details.spread_at_price)
    ]
    cents = fmt.needs_cents(amounts)

    def make(first: int, end: int) -> Table:
        shown = grants[first:end]
        # a grant or two: a narrow table, its labels beside its figures rather than across the page
        columns = [Column("", flex=1.0 if len(grants) > 2 else 0.0), *(_grant_head(g) for g in shown)]
        rows = [Row([Run(label, "table")] + [cell(g) for g in shown]) for label, cell in _option_rows(cents)]
        return Table(columns, rows, head_style="table", compact=COMPACT)

    for index, table in enumerate(_fitting(flow, len(grants), OPTIONS_PER_TABLE, make)):
        start = len(flow.pieces)
        flow.table(table, space_before=8.0 if index == 0 else 4.0)
        flow.keep_together(start)
    lines = [
        "Spread: shares × max(price − strike, 0), what the options would be worth at that price after paying "
        "the strike. The 409A value is what the company's common shares are valued at for tax; the preferred "
        "price is what investors paid in the last round, for shares with more rights than yours."
    ]
    for g in grants:
        d = g.details
        if d.under_water:
            lines.append(
                f"{g.title}: {UNDER_WATER}. At the stated price ({fmt.per_share(d.price, d.currency)}) the "
                f"options are worth nothing, at or below the strike ({fmt.per_share(d.strike, d.currency)}). "
                "They are still equity: worth something only if the price rises above the strike."
            )
        if d.short_window:
            window = "" if d.exercise_window_given else " (the offer doesn't say: the usual 90 days assumed)"
            lines.append(
                f"{g.title}: {d.exercise_window_days} days to exercise after leaving{window}. Leaving means paying "
                f"{fmt.money(d.exercise_cost, d.currency, cents=cents)} (and any tax on the spread) within it, or "
                "losing the options: ask for a longer window."
            )
    notes(flow, lines)


def _grant_head(grant: OptionGrant) -> Column:
    detail = f"grant {grant.number} of {grant.of}" if grant.of > 1 else "options"
    if grant.is_this_offer:
        detail += " · this brief"
    return Column(
        [Run(grant.company, "table_bold"), Run(f"\n{detail}", "table_muted")],
        "right",
        highlight=grant.is_this_offer,
        min_width=86.0,
    )


def _option_rows(cents: bool) -> list[tuple[str, Callable[[OptionGrant], Text]]]:
    def money(name: str) -> Callable[[OptionGrant], Text]:
        return lambda g: fmt.money(getattr(g.details, name), g.details.currency, cents=cents)

    def price(name: str) -> Callable[[OptionGrant], Text]:
        return lambda g: fmt.per_share(getattr(g.details, name), g.details.currency)

    def ownership(g: OptionGrant) -> Text:
        d = g.details
        if d.ownership_pct is None:
            return Run("not given", "table_muted")
        return [Run(fmt.percent(d.ownership_pct)), Run(f"\nof {fmt.number(Decimal(d.fully_diluted_shares or 0))}",
                                                       "table_muted")]

    def window(g: OptionGrant) -> Text:
        d = g.details
        days = f"{d.exercise_window_days} days"
        return days if d.exercise_window_given else [Run(days), Run("\nassumed", "table_muted")]

    def status(g: OptionGrant) -> Text:
        if g.details.under_water:
            return Run(UNDER_WATER, "table_flag")
        return "above the strike"

    return [
        ("Options (shares)", lambda g: fmt.number(g.details.shares)),
        ("Ownership (of fully diluted shares)", ownership),
        ("Strike, a share", price("strike")),
        ("Stated price, a share (the figures' basis)", price("price")),
        ("409A value, a share", lambda g: fmt.per_share(g.details.fmv, g.details.currency)),
        ("Preferred price, a share", lambda g: fmt.per_share(g.details.preferred_price, g.details.currency)),
        ("Exercise cost (shares × strike)", money("exercise_cost")),
        ("Spread at the 409A value", money("spread_at_fmv")),
        ("Spread at the preferred price", money("spread_at_preferred")),
        ("Spread at the stated price", money("spread_at_price")),
        ("Exercise window after leaving", window),
        ("At the stated price", status),
    ]
