"""The command line, the second user interface: `offer-planner` starts the app; its subcommands work
headless and never import Qt (an import-linter contract keeps it so, so headless commands start fast).

    offer-planner [--db PATH]                 start the desktop app
    offer-planner evaluate FILE [--json]      the spec's evaluation of an offer file
    offer-planner evaluate --db PATH [--json] the same for the stored offers
    offer-planner import FILE [--db PATH]     add or replace offers from a file (all or nothing)
    offer-planner export FILE [--db PATH]     write the stored offers to a file
    offer-planner list [--db PATH] [--json]   the stored offers, one a line
    offer-planner brief FILE --offer ID [-o PDF] [--paper A4|Letter]   the negotiation brief as a PDF
    offer-planner brief --db PATH --offer ID [-o PDF]                  the same for a stored offer
    offer-planner backups [--db PATH]         the daily backups of the data file
    offer-planner restore [BACKUP] [--db PATH] put a backup (the latest by default) in place

Bad input (an invalid or missing file, a data file that isn't ours) exits with status 2 and a message
on standard error that names what is wrong and what to do; never a traceback.
"""

from __future__ import annotations

import argparse
import gc
import os
import shlex
import sys
from collections.abc import Callable, Sequence
from contextlib import suppress
from decimal import Decimal
from pathlib import Path
from typing import TextIO

from babel import default_locale
from pydantic import ValidationError

from app import __version__
from app.after_tax import AfterTax
from app.atomic import write_problem
from app.brief import Brief, BriefError, build_brief
from app.comparison import Comparison, comparison_for
from app.compensation import COMPONENTS, figures
from app.errors import problems_from
from app.evaluation import Evaluator, StayEvaluation, evaluator_for_file
from app.files import (
    OfferFileError,
    merge_file_parts,
    read_offer_file,
    to_json,
    to_json_bytes,
    write_offer_file,
)
from app.levers import KIND_NAMES, PLAUSIBILITY_NAMES, STEP_NAMES, UNIT_WORDS
from app.models import OfferFile
from app.money import round_cents
from app.report import cents, evaluation_report, money_json
from app.rubric import DEFAULT_RUBRIC, Rubric, explain_rubric
from app.words import COMPONENT_NAMES
from ui import format as fmt

EXIT_OK, EXIT_BUG, EXIT_BAD_INPUT = 0, 1, 2

# Writes a brief as a PDF: (brief, path, paper or None) → the path written. The ui passes it in.
BriefRenderer = Callable[[Brief, Path, "str | None"], Path]


class UserError(Exception):
    """A problem with what the user asked for: printed on stderr, exit status 2."""


# --- evaluation as text -------------------------------------------------------------------------


def _print_table(offer_file: OfferFile, out: TextIO, rubric: Rubric = DEFAULT_RUBRIC) -> Evaluator:
    """The evaluation as text tables; returns the evaluator (see `_kept`)."""
    evaluator = evaluator_for_file(offer_file, rubric)
    horizon = evaluator.horizon
    display = evaluator.display_currency
    stay = evaluator.stay()
    if stay is not None:
        _print_stay(stay, horizon, display, out)
    if not offer_file.offers:
        out.write("No offers in this file.\n")
        return evaluator
    headers = ["Year", *(COMPONENT_NAMES[n] for n in COMPONENTS), "Total"]
    for index, e in enumerate(evaluator.evaluate_all()):
        offer, fig = e.offer, e.figures
        if index or stay is not None:
            out.write("\n")
        out.write(f"{offer.company} — {offer.role}  [{offer.id}, {offer.stage}, amounts in {offer.currency}]\n")
        rows = [
            [str(y.year), *(_money_text(y.component(n)) for n in COMPONENTS), _money_text(y.total)] for y in fig.years
        ]
        rows.append(
            [
                "Total",
                *(_money_text(fig.component_total(n)) for n in COMPONENTS),
                _money_text(fig.total),
            ]
        )
        taxes = evaluator.after_tax(offer.id)
        _write_rows(*_with_after_tax(headers, rows, taxes), out)
        _print_tax_notes(taxes, out)
        out.write(
            f"Annual average: {_money_text(fig.annual_average)} {offer.currency}"
            f"   Guaranteed cash: {_money_text(fig.guaranteed_cash)}"
            f"   Contingent cash: {_money_text(fig.contingent_cash)}"
            f"   Equity: {_money_text(fig.equity)}\n"
        )
        if offer.currency != display:
            if e.total_display is None:
                out.write(
                    f"{horizon}-year total in {display}: no {offer.currency} rate in fx "
                    f"(shown in {offer.currency} only)\n"
                )
            else:
                dated = f" (rates of {evaluator.rates.as_of.isoformat()})" if evaluator.rates.as_of else ""
                out.write(f"{horizon}-year total in {display}: {_money_text(e.total_display)}{dated}\n")
        if stay is not None:
            if e.leaving_cost is None:
                out.write(
                    f"Year 1: {_money_text(fig.year_one)} {offer.currency}; leaving your current job costs "
                    f"{_money_text(stay.leaving_cost)} {stay.job.currency} (no rate to show it in {offer.currency})\n"
                )
            else:
                out.write(
                    f"Year 1: {_money_text(fig.year_one)} {offer.currency}; after what leaving your current job "
                    f"costs ({_money_text(e.leaving_cost)}): {_money_text(fig.year_one - e.leaving_cost)}\n"
                )
        if e.scenarios:
            parts = [f"{s.name} {_growth_text(s.growth_pct)}: {_money_text(s.total)}" for s in e.scenarios]
            low, high = min(s.total for s in e.scenarios), max(s.total for s in e.scenarios)
            out.write(
                f"{horizon}-year total under the scenarios ({offer.currency}): {' · '.join(parts)}"
                f"  → range {_money_text(low)} – {_money_text(high)}\n"
            )
        for option in e.options:
            details = [f"exercise cost {_money_text(option.exercise_cost)}"]
            if option.ownership_pct is not None:
                details.insert(0, f"ownership {option.ownership_pct.normalize():f} %")
            if option.spread_at_fmv is not None:
                details.append(f"spread at the 409A value {_money_text(option.spread_at_fmv)}")
            if option.spread_at_preferred is not None:
                details.append(f"at the preferred price {_money_text(option.spread_at_preferred)}")
            window = f"{option.exercise_window_days} days" + ("" if option.exercise_window_given else " (assumed)")
            details.append(f"exercise window {window}")
            if option.under_water:
                details.append("UNDER WATER: the price is at or below the strike")
            out.write(f"Options (grant {option.grant_index + 1}): {'; '.join(details)}\n")
        p, s = e.position, e.stretch
        out.write(f"\nPosition: {p.tier_name} (score {p.score} of 100, rubric {p.rubric_version})\n")
        for reason in p.reasons:
            out.write(f"  - {reason}\n")
        estimate = " (estimated)" if s.band_estimated else ""
        out.write(
            f"Stretch: base {_money_text(s.base_offered)} → up to {_money_text(s.base_ceiling)}"
            f"{estimate}; year 1 {_money_text(s.offered.year_one)} → up to {_money_text(s.year_one_ceiling)}\n"
        )
        if s.goal is not None and s.goal.target is not None:
            verdict = (
                "within reach"
                if s.goal.target_reachable
                else f"short by {_money_text(s.goal.target_shortfall or Decimal(0))}"
            )
            out.write(f"Target year 1 {_money_text(s.goal.target)}: {verdict}\n")
        for drop in s.drops:
            out.write(f"Drop: year {drop.year} falls {_money_text(drop.amount)} ({drop.cause.replace('_', ' ')})\n")
        out.write(f"Advice: {e.advice.headline}\n")
        if e.advice.where_from:
            out.write(f"  {e.advice.where_from}\n")
        step = None
        for rank, lever in enumerate(e.levers, 1):
            if lever.step != step:
                step = lever.step
                out.write(f"{STEP_NAMES[step]}:\n")
            out.write(
                f"  {rank}. {lever.title}{_ask_text(lever.ask, lever.unit)} — "
                f"{PLAUSIBILITY_NAMES[lever.plausibility]}, {KIND_NAMES[lever.kind].lower()}\n"
            )
            out.write(f'     Say: "{lever.script}"\n')
            if lever.if_no:
                out.write(f'     If no: "{lever.if_no}"\n')
    if stay is not None or len(offer_file.offers) > 1:
        _print_side_by_side(evaluator, out)
    return evaluator


def _with_after_tax(headers: list[str], rows: list[list[str]], taxes: AfterTax) -> tuple[list[str], list[list[str]]]:
    """The year table with a Tax and an After-tax column, when there is an estimate."""
    if not taxes.available:
        return headers, rows
    cells = [(y.tax, y.after_tax) for y in taxes.years] + [(taxes.total_tax, taxes.total_after_tax)]
    return [*headers, "Tax", "After tax"], [
        [*row, _money_text(tax or Decimal(0)), _money_text(net or Decimal(0))]
        for row, (tax, net) in zip(rows, cells, strict=True)
    ]


def _print_tax_notes(taxes: AfterTax, out: TextIO) -> None:
    """What the after-tax columns are (label, what is not taxed, assumptions, conversion), or why
    there are none."""
    if not taxes.available:
        out.write(f"After tax: {taxes.flag}\n")
        return
    out.write(f"After tax ({taxes.region_name}): {taxes.label}\n")
    for line in taxes.notes[1:]:
        out.write(f"  {line[0].upper()}{line[1:]}\n")


def _print_stay(stay: StayEvaluation, horizon: int, display: str, out: TextIO) -> None:
    job = stay.job
    role = f" — {job.role}" if job.role else ""
    out.write(f"Current job (stay): {job.company}{role}  [amounts in {job.currency}]\n")
    parts = ("base", "bonus", "equity", "benefits")
    rows = [
        [str(y.year), *(_money_text(y.component(n)) for n in parts), _money_text(y.total)] for y in stay.figures.years
    ]
    rows.append(
        [
            "Total",
            *(_money_text(stay.figures.component_total(n)) for n in parts),
            _money_text(stay.figures.total),
        ]
    )
    headers = ["Year", *(COMPONENT_NAMES[n] for n in parts), "Total"]
    taxes = stay.after_tax
    if taxes is not None:
        _write_rows(*_with_after_tax(headers, rows, taxes), out)
        _print_tax_notes(taxes, out)
    else:
        _write_rows(headers, rows, out)
    if job.currency != display:
        shown = _money_text(stay.total_display) if stay.total_display is not None else f"no {job.currency} rate in fx"
        out.write(f"{horizon}-year total in {display}: {shown}\n")
    items = [f"forfeit {_money_text(i.amount)} ({i.what})" for i in job.forfeit_on_leaving]
    items += [f"repay {_money_text(i.amount)} ({i.what})" for i in job.repay_on_leaving]
    detail = f": {'; '.join(items)}" if items else ""
    out.write(f"Leaving costs {_money_text(stay.leaving_cost)} {job.currency}{detail}\n")


def _print_side_by_side(evaluator: Evaluator, out: TextIO) -> None:
    """The offers (and Stay) side by side in the display currency: year totals, the horizon total,
    each scenario, the leaving cost; a column without a rate is shown in its own currency, marked."""
    ids = [o.id for o in evaluator.offers]
    comparison = comparison_for(evaluator, ids)
    dated = f", rates of {evaluator.rates.as_of.isoformat()}" if evaluator.rates.as_of else ""
    out.write(f"\nSide by side (in {comparison.display_currency}{dated}; * = in its own currency, no rate):\n")
    headers = ["", *(c.label + ("" if c.converted else f" ({c.currency}*)") for c in comparison.columns)]
    keys = [f"year:{y}" for y in range(1, comparison.horizon + 1)]
    keys += [r.key for r in comparison.rows if r.kind == "leaving"] + ["total"]
    keys += [f"scenario:{name}" for name in comparison.scenario_names]
    rows = [_comparison_row(comparison, key) for key in keys]
    if comparison.scenario_names:
        ranges = [comparison.scenario_range(i) for i in range(len(comparison.columns))]
        rows.append(
            ["Scenario range", *(f"{_money_text(r[0])} – {_money_text(r[1])}" if r else "—" for r in ranges)]
        )
    notes: tuple[str, ...] = ()
    netted = comparison_for(evaluator, ids, after_tax=True)
    if netted.series:  # any column with after-tax figures
        keys = [f"year:{y}" for y in range(1, netted.horizon + 1)] + ["total", "tax"]
        keys += [f"scenario:{name}" for name in netted.scenario_names]
        rows += [_comparison_row(netted, key) for key in keys]
        notes = netted.tax_notes
    _write_table(headers, rows, out)
    for note in notes:
        out.write(f"  {note}\n")


def _comparison_row(comparison: Comparison, key: str) -> list[str]:
    row = comparison.row(key)
    return [row.label, *(_money_text(v) if v is not None else "—" for v in row.values)]


def _write_table(headers: list[str], rows: list[list[str]], out: TextIO) -> None:
    """Labels left-aligned, figures right-aligned."""
    widths = [max(len(r[i]) for r in [headers, *rows]) for i in range(len(headers))]
    for line in [headers, *rows]:
        out.write(
            "  ".join([line[0].ljust(widths[0]), *(c.rjust(w) for c, w in zip(line[1:], widths[1:], strict=True))])
        )
        out.write("\n")


def _write_rows(headers: list[str], rows: list[list[str]], out: TextIO) -> None:
    widths = [max(len(r[i]) for r in [headers, *rows]) for i in range(len(headers))]
    out.write("  ".join(h.rjust(w) for h, w in zip(headers, widths, strict=True)) + "\n")
    for row in rows:
        out.write("  ".join(c.rjust(w) for c, w in zip(row, widths, strict=True)) + "\n")


def _growth_text(growth: Decimal) -> str:
    text = f"{growth.normalize():f}" if growth == growth.to_integral_value() else f"{growth:.2f}"
    return f"{'+' if growth > 0 else ''}{text} %"


def _money_text(value: Decimal) -> str:
    """An amount in a text table, with cents, the way the user's locale writes numbers (the table or
    the line says which currency)."""
    return fmt.number(round_cents(value), 2)


def _ask_text(ask: Decimal | None, unit: str | None) -> str:
    if ask is None:
        return ""
    if unit in ("days", "shares"):
        return f" {ask:,.0f} {UNIT_WORDS[unit]}"
    return f" {_money_text(ask)}" + (f" {UNIT_WORDS[unit]}" if unit else "")


# --- commands ------------------------------------------------------------------------------------


def _open_store(db: str | None):
    from app.store import Store, default_db_path

    return Store.open(Path(db) if db else default_db_path())


def cmd_evaluate(args: argparse.Namespace, out: TextIO) -> int:
    if args.file and args.db:
        raise UserError("evaluate takes a FILE or --db, not both")
    # A short batch run that builds many objects and few cycles: the cyclic collector's full sweeps
    # of a growing heap were what made the cost per offer grow with the file (refcounting still
    # frees everything as it goes).
    gc.disable()
    try:
        return _evaluate(args, out)
    finally:
        gc.enable()


def _evaluate(args: argparse.Namespace, out: TextIO) -> int:
    if args.file:
        offer_file = read_offer_file(args.file)
        rubric = DEFAULT_RUBRIC
    else:
        with _open_store(args.db) as store:
            offer_file = store.offer_file()
            rubric = store.load_settings().active_rubric
    if args.rubric:
        rubric = read_rubric(args.rubric)
    if args.json:
        evaluator = evaluator_for_file(offer_file, rubric)
        report = evaluation_report(evaluator, cents)  # = evaluate_json(offer_file, rubric)
        _write_json(out, report)
        _kept[:] = [offer_file, evaluator, report]
    else:
        _kept[:] = [offer_file, _print_table(offer_file, out, rubric)]
    return EXIT_OK


# The last evaluation's objects, kept: the launcher ends an `evaluate` process without freeing them
# one by one (ui.launcher.exit_now), which for 1,000 offers was ~5 % of the command's CPU.
_kept: list[object] = []


def _write_json(out: TextIO, value: object) -> None:
    """The JSON and a newline; straight to the bytes underneath when `out` has them (a 10,000-offer
    report is ~25 MB: decoding it to write it encoded again cost ~6 % of `evaluate`)."""
    buffer = getattr(out, "buffer", None)
    utf8 = (getattr(out, "encoding", "") or "").lower().replace("-", "") == "utf8"
    if buffer is None or not utf8 or os.linesep != "\n":  # (a text stream on Windows writes \r\n)
        out.write(to_json(value) + "\n")
        return
    out.flush()
    buffer.write(to_json_bytes(value) + b"\n")
    buffer.flush()


def read_rubric(path: str) -> Rubric:
    """A rubric from a JSON file (as `rubric --json` prints it); every problem named."""
    try:
        text = Path(path).read_text(encoding="utf-8")
    except FileNotFoundError:
        raise UserError(f"{path}: no such file") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise UserError(f"{path}: can't be read: {exc}") from None
    try:
        return Rubric.model_validate_json(text)
    except ValidationError as exc:
        lines = "\n".join(f"  - {p}" for p in problems_from(exc))
        raise UserError(f"{path}: not a valid rubric, nothing was changed:\n{lines}") from None


def cmd_rubric(args: argparse.Namespace, out: TextIO) -> int:
    if args.set and args.reset:
        raise UserError("rubric takes --set FILE or --reset, not both")
    with _open_store(args.db) as store:
        settings = store.load_settings()
        if args.set or args.reset:
            rubric = read_rubric(args.set) if args.set else None
            _daily_backup(store, args)
            store.save_settings(settings.model_copy(update={"rubric": rubric}))
            settings = store.load_settings()
            what = f"Saved rubric {settings.active_rubric.version}" if args.set else "Back to the shipped rubric"
            out.write(f"{what} in {store.path}.\n")
            return EXIT_OK
    rubric = settings.active_rubric
    if args.json:
        out.write(rubric.model_dump_json(indent=2) + "\n")
        return EXIT_OK
    for title, lines in explain_rubric(rubric):
        out.write(f"{title}\n")
        for line in lines:
            out.write(f"  - {line}\n")
    return EXIT_OK


def _daily_backup(store, args: argparse.Namespace) -> None:
    """Before a command writes: today's backup if due. A backup that fails is said, not fatal."""
    from app.store import StoreError
    from app.store.backup import backup_if_due

    try:
        backup_if_due(store)
    except StoreError as exc:
        getattr(args, "err", sys.stderr).write(f"offer-planner: warning: {exc}\n")


def cmd_import(args: argparse.Namespace, out: TextIO) -> int:
    offer_file = read_offer_file(args.file)
    with _open_store(args.db) as store:
        _daily_backup(store, args)
        settings, taken = merge_file_parts(store.load_settings(), offer_file)
        result = store.import_offers(list(offer_file.offers), settings if taken else None)
    count = result.added + result.replaced
    out.write(
        f"Imported {count} offer{'s' if count != 1 else ''} from {args.file}: "
        f"{result.added} added, {result.replaced} replaced.\n"
    )
    if taken:
        out.write(f"Also taken from the file (the data file had none): {', '.join(taken)}.\n")
    return EXIT_OK


def cmd_export(args: argparse.Namespace, out: TextIO) -> int:
    target = Path(args.file)
    if not target.parent.is_dir():  # said before the data file is opened (or made)
        raise UserError(write_problem(target, FileNotFoundError(), "the offer file"))
    with _open_store(args.db) as store:
        offer_file = store.offer_file(args.offer or None)
    try:
        write_offer_file(offer_file, target)
    except OSError as exc:
        raise UserError(write_problem(target, exc, "the offer file")) from None
    count = len(offer_file.offers)
    out.write(f"Exported {count} offer{'s' if count != 1 else ''} to {target}.\n")
    return EXIT_OK


def cmd_brief(args: argparse.Namespace, out: TextIO) -> int:
    render: BriefRenderer | None = getattr(args, "render_brief", None)
    if render is None:
        raise UserError(
            "the PDF brief needs the desktop app's Qt libraries, which are not available here; "
            "run it as `offer-planner brief …`"
        )
    if args.file and args.db:
        raise UserError("brief takes a FILE or --db, not both")
    if args.file:
        offer_file = read_offer_file(args.file)
        rubric, paper = DEFAULT_RUBRIC, None
    else:
        with _open_store(args.db) as store:
            offer_file = store.offer_file()
            settings = store.load_settings()
        rubric, paper = settings.active_rubric, settings.paper
    ids = [offer.id for offer in offer_file.offers]
    offer_id = args.offer
    if offer_id is None:
        if len(ids) != 1:
            listed = ", ".join(ids) if ids else "none"
            raise UserError(f"say which offer with --offer ID (the offers are: {listed})")
        offer_id = ids[0]
    brief = build_brief(evaluator_for_file(offer_file, rubric), offer_id, paper=paper)
    target = Path(args.output) if args.output else Path(brief.file_name)
    written = render(brief, target, args.paper)
    out.write(f"Wrote the negotiation brief for {brief.summary.company} to {written}.\n")
    return EXIT_OK


def cmd_list(args: argparse.Namespace, out: TextIO) -> int:
    with _open_store(args.db) as store:
        offer_file = store.offer_file()
    horizon = offer_file.horizon_years
    rows = []
    for offer in offer_file.offers:
        fig = figures(offer, horizon)
        rows.append(
            {
                "id": offer.id,
                "company": offer.company,
                "role": offer.role,
                "stage": offer.stage,
                "currency": offer.currency,
                "year_one": fig.year_one,
                "total": fig.total,
            }
        )
    if args.json:
        out.write(to_json(money_json({"offers": rows})) + "\n")
        return EXIT_OK
    if not rows:
        out.write("No offers stored yet. Add some with `offer-planner import FILE` or in the app.\n")
        return EXIT_OK
    table = [["ID", "Company", "Role", "Stage", "Year 1", f"{horizon}-year total"]]
    table += [
        [
            r["id"],
            r["company"],
            r["role"],
            r["stage"],
            f"{_money_text(r['year_one'])} {r['currency']}",
            f"{_money_text(r['total'])} {r['currency']}",
        ]
        for r in rows
    ]
    widths = [max(len(row[i]) for row in table) for i in range(len(table[0]))]
    for row in table:
        cells = [c.ljust(w) if i < 4 else c.rjust(w) for i, (c, w) in enumerate(zip(row, widths, strict=True))]
        out.write("  ".join(cells).rstrip() + "\n")
    return EXIT_OK


def _db_path(db: str | None) -> Path:
    from app.store import default_db_path

    return (Path(db) if db else default_db_path()).expanduser().absolute()


def _db_option(db: str | None) -> str:
    return f" --db {shlex.quote(db)}" if db else ""


def cmd_backups(args: argparse.Namespace, out: TextIO) -> int:
    from app.store.backup import backup_folder, list_backups

    path = _db_path(args.db)
    backups = list_backups(path)
    if not backups:
        out.write(
            f"No backups of {path} yet: one is made each day the file is used, in {backup_folder(path)}.\n"
        )
        return EXIT_OK
    out.write(f"Backups of {path}, newest first (in {backup_folder(path)}):\n")
    for backup in backups:
        count = f"{backup.offers} offer{'s' if backup.offers != 1 else ''}" if backup.usable else "can't be read"
        out.write(f"  {backup.day.isoformat()}  {backup.path.name}  {count}  {_size(backup.size)}\n")
    out.write(f"Restore one with `offer-planner restore [DATE]{_db_option(args.db)}`.\n")
    return EXIT_OK


def _size(size: int) -> str:
    return f"{size / 1024:,.0f} KB" if size >= 1024 else f"{size} bytes"


def cmd_restore(args: argparse.Namespace, out: TextIO) -> int:
    from app.store.backup import backup_folder, find_backup, latest_backup, restore_backup

    path = _db_path(args.db)
    backup = find_backup(path, args.backup) if args.backup else latest_backup(path)
    if backup is None:
        raise UserError(f"there is no backup of {path} to restore (backups are made in {backup_folder(path)})")
    result = restore_backup(backup.path, path)
    count = f"{result.offers} offer{'s' if result.offers != 1 else ''}"
    out.write(f"Restored {backup.path.name} ({count}) to {path}.\n")
    if result.set_aside is not None:
        out.write(f"The file that was there is kept as {result.set_aside}.\n")
    return EXIT_OK


def bad_file_advice(path: Path, db: str | None) -> str:
    """What to do about a data file that can't be used: restore a backup, or start a new file."""
    from app.store.backup import latest_backup

    latest = latest_backup(path)
    if latest is not None:
        count = f"{latest.offers} offer{'s' if latest.offers != 1 else ''}"
        restore = (
            f"Restore the latest backup ({latest.day.isoformat()}, {count}) with "
            f"`offer-planner restore{_db_option(db)}` (the file is kept, renamed aside)"
        )
    else:
        restore = "There is no backup of it to restore"
    return f"{restore}, or start a new file with --db NEW_PATH."


# --- parsing and dispatch ------------------------------------------------------------------------


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="offer-planner",
        description="Plan a job offer negotiation. With no command, starts the desktop app.",
    )
    parser.add_argument("--version", action="version", version=f"offer-planner {__version__}")
    parser.add_argument(
        "--self-test", action="store_true", help="check the app works (offscreen, on temporary files) and exit"
    )
    parser.add_argument("--db", metavar="PATH", help="the data file (default: in your user data folder)")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    p = sub.add_parser("evaluate", help="evaluate an offer file (or the stored offers with --db)")
    p.add_argument("file", nargs="?", metavar="FILE", help="an offer file (format 1 or 2)")
    p.add_argument("--json", action="store_true", help="print the spec's JSON instead of a table")
    p.add_argument("--db", metavar="PATH", default=argparse.SUPPRESS, help="evaluate the stored offers")
    p.add_argument("--rubric", metavar="RUBRIC.json", help="rate with this rubric instead")
    p.set_defaults(handler=cmd_evaluate)

    p = sub.add_parser("rubric", help="how the position is rated; adjust it with --set")
    p.add_argument("--json", action="store_true", help="print the active rubric as JSON (to edit and --set)")
    p.add_argument("--set", metavar="FILE", help="use this rubric (JSON) from now on")
    p.add_argument("--reset", action="store_true", help="go back to the shipped rubric")
    p.add_argument("--db", metavar="PATH", default=argparse.SUPPRESS)
    p.set_defaults(handler=cmd_rubric)

    p = sub.add_parser("import", help="add or replace offers from a file (all or nothing)")
    p.add_argument("file", metavar="FILE")
    p.add_argument("--db", metavar="PATH", default=argparse.SUPPRESS)
    p.set_defaults(handler=cmd_import)

    p = sub.add_parser("export", help="write the stored offers to an offer file")
    p.add_argument("file", metavar="FILE")
    p.add_argument("--offer", metavar="ID", action="append", help="only this offer (repeatable)")
    p.add_argument("--db", metavar="PATH", default=argparse.SUPPRESS)
    p.set_defaults(handler=cmd_export)

    p = sub.add_parser("brief", help="write the negotiation brief of one offer as a PDF (no display needed)")
    p.add_argument("file", nargs="?", metavar="FILE", help="an offer file (format 1 or 2); or --db for a stored offer")
    p.add_argument("--offer", metavar="ID", help="the offer (needed when there is more than one)")
    p.add_argument(
        "-o", "--output", metavar="PDF", help="where to write it (default: a file named for the offer, here)"
    )
    p.add_argument("--paper", choices=("A4", "Letter"), help="paper size (default: the settings, else the locale's)")
    p.add_argument("--db", metavar="PATH", default=argparse.SUPPRESS, help="use the stored offers")
    p.set_defaults(handler=cmd_brief)

    p = sub.add_parser("list", help="list the stored offers")
    p.add_argument("--json", action="store_true")
    p.add_argument("--db", metavar="PATH", default=argparse.SUPPRESS)
    p.set_defaults(handler=cmd_list)

    p = sub.add_parser("backups", help="list the daily backups of the data file")
    p.add_argument("--db", metavar="PATH", default=argparse.SUPPRESS)
    p.set_defaults(handler=cmd_backups)

    p = sub.add_parser("restore", help="put a backup in place of the data file (which is kept, renamed aside)")
    p.add_argument("backup", nargs="?", metavar="BACKUP", help="a day (YYYY-MM-DD) or a file; default: the latest")
    p.add_argument("--db", metavar="PATH", default=argparse.SUPPRESS)
    p.set_defaults(handler=cmd_restore)
    return parser


def main(
    argv: Sequence[str] | None = None,
    out: TextIO | None = None,
    err: TextIO | None = None,
    gui: Callable[[str | None], int] | None = None,
    self_test: Callable[[], int] | None = None,
    render_brief: BriefRenderer | None = None,
) -> int:
    """Run the command line. `gui(db)` starts the desktop app: the ui passes it in (app never imports ui).

    `self_test()` runs `--self-test` (the app's own check, also passed in by the ui); `render_brief`
    writes a brief as a PDF for `brief` (Qt's PDF writer lives in the ui).
    """
    out = out or sys.stdout
    err = err or sys.stderr
    fmt.set_locale(default_locale("LC_NUMERIC"))  # numbers as the environment's locale writes them
    for stream in (out, err):
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(encoding="utf-8", errors="backslashreplace")
    args = build_parser().parse_args(argv)
    if args.self_test:
        if self_test is None:
            err.write("offer-planner: the self-test needs the desktop app, which is not available here\n")
            return EXIT_BAD_INPUT
        return self_test()
    if args.command is None:
        if gui is None:
            err.write("offer-planner: the desktop app is not available here; use a command (see --help)\n")
            return EXIT_BAD_INPUT
        return gui(args.db)
    try:
        args.err = err
        args.render_brief = render_brief
        return args.handler(args, out)
    except (OfferFileError, UserError, BriefError) as exc:
        err.write(f"offer-planner: {exc}\n")
    except KeyboardInterrupt:
        err.write("offer-planner: interrupted\n")
        return 130
    except BrokenPipeError:
        # the reader (e.g. `| head`) stopped early: not an error; keep Python from complaining at exit
        with suppress(OSError, ValueError):
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_OK
    except Exception as exc:
        store = sys.modules.get("app.store")  # imported only by commands that open the data file
        if store is None or not isinstance(exc, store.StoreError):
            if os.environ.get("OFFER_PLANNER_DEBUG"):
                raise
            err.write(
                f"offer-planner: unexpected error ({type(exc).__name__}: {exc}). "
                "This is a bug; nothing was changed by this command's failure.\n"
            )
            return EXIT_BUG
        err.write(f"offer-planner: {exc}\n")
        if isinstance(exc, store.BadDataFile):
            with suppress(Exception):  # advice is a help, never a second failure
                err.write(f"  {bad_file_advice(exc.path, args.db)}\n")
    return EXIT_BAD_INPUT

