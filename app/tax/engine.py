"""The one interpreter: stack a region's rule files into one ordered list of steps, then evaluate it.

A region is a chain of files, root first: `US` → `US-NY` → `US-NY-NYC`. Each file's steps are named
`CODE.step`; a step of a later file may take the place of an earlier file's step (`replaces`), e.g.
Quebec's QPP in place of Canada's CPP. Evaluation walks the list once, each step reading only the
input `income` and steps before it (checked when the chain is built, not while evaluating).

Each step is built here as a closure (`CompiledStep.run`): the reference evaluation, which checks the
chain and says what every rule type means. Estimates run the same steps compiled, per filing status,
to one straight-line function (`app.tax.compiled`): the same Decimal operations, ~10× cheaper.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from decimal import ROUND_FLOOR, Decimal
from functools import cached_property, lru_cache
from pathlib import Path
from typing import TypeVar

from app.money import ZERO, exact
from app.tax import expr
from app.tax.compiled import MODES, Compiled, Run, compile_chain, piecewise_linear
from app.tax.rules import (
    FILING_STATUSES,
    AmountStep,
    AnyStep,
    BracketsStep,
    CappedRateStep,
    CreditStep,
    FormulaStep,
    PiecewiseLinearStep,
    Ref,
    Rounding,
    Rows,
    RuleFile,
    Status,
    SurtaxStep,
    TaxRulesError,
    TaxTable,
    Zone,
    catalogue,
    load,
    tax_dir,
)

STATUS_WORDS = {
    "single": "single filer",
    "married_joint": "married filing jointly",
    "head_of_household": "head of household",
}
INPUT = "income"
ZONE_VARIABLE = "x"


@dataclass(frozen=True)
class TaxPart:
    """One line of an estimate: e.g. ("Federal income tax", 13455.00, "income", "US")."""

    name: str
    amount: Decimal  # cents; negative only for a reduction such as an abatement
    kind: str  # "income" | "social"
    region: str  # the code of the rule file it comes from


@dataclass(frozen=True)
class TaxEstimate:
    """Income tax and employee social contributions on one year's pay, in one region, by one year's rules."""

    region: str
    region_name: str
    year: int  # the tax year asked for
    rules_year: int  # the (oldest) year of the rules used; < year when the asked year isn't published
    fallback: bool  # True when some rules are not those of the year asked
    filing_status: str | None  # None where the region has no filing statuses (outside the US)
    currency: str
    income: Decimal  # the pay taxed, in cents
    total: Decimal  # cents, ≥ 0: the sum of the parts (never a refund)
    parts: tuple[TaxPart, ...]
    sources: tuple[str, ...]
    rounding: str
    label: str
    # the key assumptions of every file of the chain, root first ("childless (care insurance
    # surcharge)", "UK tax year 2026-27 (6 April 2026 to 5 April 2027)"): say them beside the figure
    assumptions: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()  # each file's longer `notes`, root first (for a tooltip or a footnote)

    @property
    def after_tax(self) -> Decimal:
        return self.income - self.total

    @property
    def income_tax(self) -> Decimal:
        return sum((p.amount for p in self.parts if p.kind == "income"), ZERO)

    @property
    def social(self) -> Decimal:
        return sum((p.amount for p in self.parts if p.kind == "social"), ZERO)


Values = Mapping[str, Decimal]
Evaluate = Callable[[dict[str, Decimal], str], Decimal]
Bound = Callable[[dict[str, Decimal], str], Decimal | None]  # a zone's lower bound (None: the first zone's)
ZoneRun = tuple[Bound, expr.Formula, dict[str, str]]  # (bound, formula, formula name -> qualified step)
T = TypeVar("T")


@dataclass(frozen=True)
class CompiledStep:
    qualified: str  # "US.taxable_income" (for a replacement: the name it replaces)
    region: str  # the code of the file that defines it
    rule: AnyStep  # the step model from rules.py
    run: Evaluate = field(repr=False)

    @property
    def part(self) -> str:
        """The line of an estimate this step is shown as ("" for a step that is not a part)."""
        return self.rule.part or ""

    @property
    def kind(self) -> str:
        """A part's kind, "income" or "social" (given with every part: rules.py checks it)."""
        return self.rule.kind or ""


@dataclass(frozen=True, eq=False)  # compared and hashed by identity: one object per chain and year
class RegionRules:
    """A region's chain of rule files for one asked year, compiled."""

    code: str
    name: str
    currency: str
    files: tuple[RuleFile, ...]  # root first
    steps: tuple[CompiledStep, ...]
    uses_filing_status: bool
    selectable: bool

    @cached_property
    def years(self) -> tuple[int, ...]:
        return tuple(f.region.year for f in self.files)

    @cached_property
    def may_decrease(self) -> tuple[tuple[str, str], ...]:
        """(step, why) for each step whose file says the tax may fall as income rises."""
        return tuple((s.qualified, s.rule.may_decrease) for s in self.steps if s.rule.may_decrease)

    @cached_property
    def part_steps(self) -> tuple[CompiledStep, ...]:
        return tuple(step for step in self.steps if step.rule.part is not None)

    @cached_property
    def sources(self) -> tuple[str, ...]:
        """Every source the chain cites, files' first, each once, in order."""
        found: list[str] = []
        for rule_file in self.files:
            found.extend(rule_file.region.sources)
        for step in self.steps:
            found.extend(step.rule.sources)
        return tuple(dict.fromkeys(found))

    @cached_property
    def assumptions(self) -> tuple[str, ...]:
        """The short assumptions of every file of the chain, root first, each once."""
        return tuple(dict.fromkeys(a for f in self.files for a in f.region.assumptions))

    @cached_property
    def notes(self) -> tuple[str, ...]:
        return tuple(f.region.notes for f in self.files if f.region.notes)

    @cached_property
    def rounding(self) -> str:
        return "; ".join(f"{f.region.name}: {f.region.rounding}" for f in self.files)

    @cached_property
    def part_slots(self) -> tuple[tuple[int, str, str, str], ...]:
        """(index of the step, part name, kind, region) of each step shown as a part, in order."""
        return tuple(
            (index, step.part, step.kind, step.region)
            for index, step in enumerate(self.steps)
            if step.rule.part is not None
        )

    @cached_property
    def part_columns(self) -> tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]:
        """The parts' names, kinds and regions, in order (`TaxPart`'s fields but the amount)."""
        return (
            tuple(name for _, name, _, _ in self.part_slots),
            tuple(kind for _, _, kind, _ in self.part_slots),
            tuple(region for _, _, _, region in self.part_slots),
        )

    @cached_property
    def _compiled(self) -> dict[str, Compiled]:
        return {}

    def compiled(self, filing_status: str) -> Compiled:
        """The chain compiled for `filing_status`, once (`app.tax.compiled`)."""
        key = filing_status if self.uses_filing_status else "single"  # the same values for any status
        found = self._compiled.get(key)
        if found is None:
            parts = [index for index, *_ in self.part_slots]
            found = compile_chain(self.steps, parts, key, self.files[-1].region.year, self.code)
            self._compiled[key] = found
        return found

    def run(self, filing_status: str) -> Run:
        """income → every step's value, in order, for `filing_status`."""
        return self.compiled(filing_status).run

    def evaluate(self, income: Decimal, filing_status: str) -> dict[str, Decimal]:
        """Every step's value (exact, or rounded where its rule says), keyed by qualified name."""
        values: dict[str, Decimal] = {INPUT: income}
        values.update(zip((step.qualified for step in self.steps), self.run(filing_status)(income), strict=True))
        return values

    def evaluate_reference(self, income: Decimal, filing_status: str) -> dict[str, Decimal]:
        """`evaluate` by the steps' closures, one at a time (what the compiled function must equal)."""
        values: dict[str, Decimal] = {INPUT: income}
        with exact():
            for step in self.steps:
                values[step.qualified] = step.run(values, filing_status)
        return values


class Engine:
    """The rules under one folder (`resources/tax` for the app; a temporary folder in tests)."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.load = lru_cache(maxsize=None)(load)
        self.catalogue = lru_cache(maxsize=1)(self._catalogue)
        self.chain = lru_cache(maxsize=512)(self._chain)
        self.estimate = lru_cache(maxsize=65536)(self._estimate)
        self.total = lru_cache(maxsize=65536)(self._total)

    def _catalogue(self) -> dict[str, dict[int, Path]]:
        return catalogue(self.root)

    def regions(self) -> list[tuple[str, str]]:
        """(code, display name) of every region a person can pick, by display name."""
        found = []
        for code, years in self.catalogue().items():
            header = self.load(years[max(years)]).region
            if header.selectable:
                found.append((code, header.name))
        return sorted(found, key=lambda item: (item[1].casefold(), item[0]))

    def rules(self, region: str, year: int) -> RegionRules | None:
        """The compiled rules of a region a person can pick (None for a base such as `US`, or none)."""
        chain = self.chain(region, year)
        return chain if chain is not None and chain.selectable else None

    def _chain(self, region: str, year: int) -> RegionRules | None:
        """The compiled chain of files ending in `region`'s file for `year` (a base region too)."""
        files: list[RuleFile] = []
        code: str | None = region
        while code is not None:
            years = self.catalogue().get(code)
            if not years:
                if not files:
                    return None
                raise TaxRulesError(f"{files[-1].region.code} ({files[-1].region.year}) stacks on {code}, "
                                    "which has no rule file")
            if any(f.region.code == code for f in files):
                raise TaxRulesError(f"the chain of {region} loops through {code}")
            rules = self.load(years[_pick_year(years, year)])
            files.append(rules)
            code = rules.region.base
        files.reverse()
        leaf = files[-1].region
        uses_status = any(f.region.uses_filing_status for f in files)
        return RegionRules(
            code=leaf.code,
            name=leaf.name,
            currency=leaf.currency,
            files=tuple(files),
            steps=tuple(_compile_chain(files, uses_status)),
            uses_filing_status=uses_status,
            selectable=leaf.selectable,
        )

    def _estimate(self, region: str | None, year: int, filing_status: str, income: Decimal) -> TaxEstimate | None:
        if region is None:
            return None
        rules = self.rules(region, year)
        if rules is None:
            return None
        return self.estimate_chain(rules, year, filing_status, income)

    def _total(self, region: str, year: int, filing_status: str, income: Decimal) -> Decimal | None:
        """Only the estimate's `total`, without building its parts and label (a search over many
        incomes, such as the break-even after tax, needs nothing else)."""
        rules = self.rules(region, year)
        if rules is None:
            return None
        return rules.compiled(filing_status).cents(income)[1]

    def estimate_chain(self, rules: RegionRules, year: int, filing_status: str, income: Decimal) -> TaxEstimate:
        """The estimate by a compiled chain (tests use it for a base region such as `US` alone)."""
        amounts, total = rules.compiled(filing_status).cents(income)  # each part in cents, their sum ≥ 0
        parts = tuple(map(_part, *rules.part_columns, amounts))
        found = _new(TaxEstimate)
        fields = found.__dict__
        fields.update(_fixed_fields(rules, year, filing_status if rules.uses_filing_status else None))
        fields["income"] = income
        fields["total"] = total
        fields["parts"] = parts
        return found


# An estimate and its parts are frozen dataclasses, made here by filling the new object's fields
# directly: the generated __init__ sets each field through object.__setattr__ (~6 µs for an estimate's
# 15 fields, more than its arithmetic); the object is the same (equality, hash and repr read the fields).
_new = object.__new__


def _part(name: str, kind: str, region: str, amount: Decimal) -> TaxPart:
    part = _new(TaxPart)
    fields = part.__dict__
    fields["name"] = name
    fields["amount"] = amount
    fields["kind"] = kind
    fields["region"] = region
    return part


@lru_cache(maxsize=4096)
def _fixed_fields(rules: RegionRules, year: int, status: str | None) -> dict[str, object]:
    """An estimate's fields that depend on the rules, the year and the filing status, not the income."""
    return {
        "region": rules.code,
        "region_name": rules.name,
        "year": year,
        "rules_year": min(rules.years),
        "fallback": any(y != year for y in rules.years),
        "filing_status": status,
        "currency": rules.currency,
        "sources": rules.sources,
        "rounding": rules.rounding,
        "label": label(rules, year, status),
        "assumptions": rules.assumptions,
        "notes": rules.notes,
    }


def _pick_year(years: Mapping[int, Path], year: int) -> int:
    """The asked year's rules, else the latest before it, else the earliest there is."""
    earlier = [y for y in years if y <= year]
    return max(earlier) if earlier else min(years)


@lru_cache(maxsize=4096)
def label(rules: RegionRules, year: int, status: str | None) -> str:
    """An estimate's label: "estimate, 2026 rules, single filer, this pay as the only income"."""
    years = rules.years
    if all(y == year for y in years):
        which = f"{year} rules"
    elif len(set(years)) == 1:
        which = f"{years[0]} rules ({year} {_why_not(years[0], year)})"
    else:
        odd = [f"{f.region.name}: {f.region.year} rules" for f in rules.files if f.region.year != year]
        which = f"{year} rules except {'; '.join(odd)} ({year} {_why_not(min(years), year)})"
    words = ["estimate", which]
    if status is not None:
        words.append(STATUS_WORDS[status])
    words.append("this pay as the only income")
    return ", ".join(words)


def _why_not(used: int, asked: int) -> str:
    return "not yet published" if used < asked else "not in the app"


# ---- compiling a chain ----------------------------------------------------------------------------


def _compile_chain(files: list[RuleFile], uses_status: bool) -> list[CompiledStep]:
    order: list[tuple[str, str, AnyStep]] = []  # (qualified, file code, rule)
    for rule_file in files:
        code = rule_file.region.code
        for rule in rule_file.steps:
            if rule.replaces is not None:
                slot = next((i for i, (q, _, _) in enumerate(order) if q == rule.replaces), None)
                if slot is None:
                    raise TaxRulesError(f"{code}: `replaces = {rule.replaces!r}` names no step of its base regions")
                order[slot] = (rule.replaces, code, rule)
            else:
                order.append((f"{code}.{rule.name}", code, rule))
    known = {INPUT}
    compiled = []
    for qualified, code, rule in order:
        where = f"{code} ({files[-1].region.year}) step {qualified}"
        compiled.append(CompiledStep(qualified, code, rule, _compile_step(rule, code, known, uses_status, where)))
        known.add(qualified)
    return compiled


def _qualify(name: str, code: str) -> str:
    return name if name == INPUT or "." in name else f"{code}.{name}"


def _refs(ref: Ref, code: str, known: set[str], where: str) -> tuple[str, ...]:
    names = (ref,) if isinstance(ref, str) else tuple(ref)
    qualified = tuple(_qualify(n, code) for n in names)
    for name, q in zip(names, qualified, strict=True):
        if q not in known:
            raise TaxRulesError(f"{where} reads {name!r}, which is not a step computed before it")
    return qualified


def _per_status(value: T | Mapping[Status, T], uses_status: bool, where: str) -> Callable[[str], T]:
    """A getter by filing status: one value for all (a number, rows, zones, or None), or a table
    with every status, allowed only in a region whose chain uses filing statuses."""
    if not isinstance(value, Mapping):
        return lambda status: value
    if not uses_status:
        raise TaxRulesError(f"{where} gives values by filing status in a region without filing statuses")
    table: dict[str, T] = {str(status): item for status, item in value.items()}
    missing = [s for s in FILING_STATUSES if s not in table]
    if missing:
        raise TaxRulesError(f"{where} gives no value for {', '.join(missing)}")
    return table.__getitem__


def _sum(names: tuple[str, ...]) -> Callable[[Values], Decimal]:
    if len(names) == 1:
        (name,) = names
        return lambda values: values[name]
    return lambda values: sum((values[n] for n in names), ZERO)


def _formula(
    text: str, code: str, known: set[str], where: str, local: frozenset[str] = frozenset()
) -> tuple[expr.Formula, dict[str, str]]:
    """The parsed formula and, for each name it reads, the qualified step it reads it from."""
    parsed = expr.parse(text)
    mapping: dict[str, str] = {}
    for name in parsed.names:
        if name in local:
            continue
        q = _qualify(name, code)
        if q not in known:
            raise TaxRulesError(f"{where}: formula {text!r} reads {name!r}, which is not a step computed before it")
        mapping[name] = q
    return parsed, mapping


def _compile_step(rule: AnyStep, code: str, known: set[str], uses_status: bool, where: str) -> Evaluate:
    run = _compile_value(rule, code, known, uses_status, where)
    if rule.round is not None:
        return _rounded(run, rule.round)
    return run


def _rounded(run: Evaluate, rounding: Rounding) -> Evaluate:
    def rounded(values: dict[str, Decimal], status: str) -> Decimal:
        return round_to(run(values, status), rounding.to, rounding.mode)

    return rounded


def round_to(value: Decimal, to: Decimal, mode: str) -> Decimal:
    """`value` rounded to a multiple of `to` by one of the rule files' rounding modes."""
    return (value / to).to_integral_value(rounding=MODES[mode]) * to


def _compile_value(rule: AnyStep, code: str, known: set[str], uses_status: bool, where: str) -> Evaluate:
    if isinstance(rule, AmountStep):
        amount = _per_status(rule.value, uses_status, where)
        return lambda values, status: amount(status)

    if isinstance(rule, FormulaStep):
        if rule.expr is not None:
            parsed, mapping = _formula(rule.expr, code, known, where)
            return lambda values, status: parsed({n: values[q] for n, q in mapping.items()})
        # validated (rules.FormulaStep): a formula without `expr` has `of` and `zones`
        assert rule.of is not None and rule.zones is not None
        base = _sum(_refs(rule.of, code, known, where))
        local = frozenset({ZONE_VARIABLE})

        def compile_zones(zones: list[Zone]) -> list[ZoneRun]:
            return [
                (_bound(zone.over, code, known, uses_status, where), *_formula(zone.expr, code, known, where, local))
                for zone in zones
            ]

        zones = rule.zones
        compiled: list[ZoneRun] | dict[Status, list[ZoneRun]] = (
            {status: compile_zones(each) for status, each in zones.items()}
            if isinstance(zones, dict)
            else compile_zones(zones)
        )
        pick = _per_status(compiled, uses_status, where)

        def zoned_at(x: Decimal, values: dict[str, Decimal], status: str) -> Decimal:
            chosen: tuple[expr.Formula, dict[str, str]] | None = None
            previous: Decimal | None = None
            for bound, parsed, mapping in pick(status):
                over = bound(values, status)
                if over is not None and previous is not None and over <= previous:
                    raise TaxRulesError(f"{where}: zone bounds {previous} then {over} are not increasing")
                previous = over if over is not None else previous
                if over is None or x > over:
                    chosen = (parsed, mapping)
            if chosen is None:  # under the first zone's own `over`
                return ZERO
            parsed, mapping = chosen
            env = {n: values[q] for n, q in mapping.items()}
            env[ZONE_VARIABLE] = x
            return parsed(env)

        return _through_table(base, zoned_at, rule.tax_table)

    if isinstance(rule, BracketsStep):
        base = _sum(_refs(rule.of, code, known, where))
        rows = _per_status(rule.rates, uses_status, where)
        exempt = _per_status(rule.exempt_up_to, uses_status, where)

        def brackets_at(x: Decimal, values: dict[str, Decimal], status: str) -> Decimal:
            limit = exempt(status)
            if limit is not None and x <= limit:
                return ZERO
            return progressive(rows(status), x)

        return _through_table(base, brackets_at, rule.tax_table)

    if isinstance(rule, PiecewiseLinearStep):
        base = _sum(_refs(rule.of, code, known, where))
        points = _per_status(rule.points, uses_status, where)
        return lambda values, status: piecewise_linear(points(status), base(values))

    if isinstance(rule, CappedRateStep):
        base = _sum(_refs(rule.of, code, known, where))
        rate = _per_status(rule.rate, uses_status, where)
        floor = _per_status(rule.floor, uses_status, where)
        cap = _per_status(rule.cap, uses_status, where)
        exempt = _per_status(rule.exempt_up_to, uses_status, where)

        def capped(values: dict[str, Decimal], status: str) -> Decimal:
            x = base(values)
            limit = exempt(status)
            if limit is not None and x <= limit:
                return ZERO
            low, high = floor(status), cap(status)
            portion = max(ZERO, x - low)
            if high is not None:
                portion = min(portion, max(ZERO, high - low))
            return rate(status) * portion

        return capped

    if isinstance(rule, SurtaxStep):
        base = _sum(_refs(rule.of, code, known, where))
        rate = _per_status(rule.rate, uses_status, where)
        free_up_to = _per_status(rule.exempt_up_to, uses_status, where)  # a Freigrenze: always given
        shade = _per_status(rule.shade_in_rate, uses_status, where)

        def surtax(values: dict[str, Decimal], status: str) -> Decimal:
            x = base(values)
            limit = free_up_to(status)
            if x <= limit:
                return ZERO
            full = rate(status) * x
            shade_rate = shade(status)
            return full if shade_rate is None else min(full, shade_rate * (x - limit))

        return surtax

    if isinstance(rule, CreditStep):
        (against,) = _refs(rule.against, code, known, where)
        base = _sum(_refs(rule.of, code, known, where))
        rate = _per_status(rule.rate, uses_status, where)
        return lambda values, status: max(ZERO, values[against] - rate(status) * base(values))

    raise TaxRulesError(f"{where}: unknown rule type")  # pragma: no cover - the schema allows no other


def _through_table(
    base: Callable[[Values], Decimal],
    at: Callable[[Decimal, dict[str, Decimal], str], Decimal],
    table: TaxTable | None,
) -> Evaluate:
    """Evaluate `at` on the base, or, below a printed tax table's limit, on the midpoint of the
    table's row, rounded half up to the table's unit (as the table prints it)."""
    if table is None:
        return lambda values, status: at(base(values), values, status)

    def tabled(values: dict[str, Decimal], status: str) -> Decimal:
        x = base(values)
        if x < table.below:
            return round_to(at(table_midpoint(x, table.bins), values, status), table.round_to, "half_up")
        return at(x, values, status)

    return tabled


def _bound(
    over: Decimal | dict[Status, Decimal] | str | None, code: str, known: set[str], uses_status: bool, where: str
) -> Bound:
    """A zone's lower bound: none (the first zone), a number, one per status, or an earlier step."""
    if isinstance(over, str):
        (name,) = _refs(over, code, known, where)
        return lambda values, status: values[name]
    by_status = _per_status(over, uses_status, where)
    return lambda values, status: by_status(status)


def progressive(rows: Rows, x: Decimal) -> Decimal:
    """Marginal rates: row i's rate on the part of x between its threshold and the next row's."""
    tax = ZERO
    for i, (threshold, rate) in enumerate(rows):
        if x <= threshold:
            break
        upper = rows[i + 1][0] if i + 1 < len(rows) else None
        top = x if upper is None else min(x, upper)
        tax += rate * (top - threshold)
    return tax


def table_midpoint(x: Decimal, bins: list[tuple[Decimal, Decimal]]) -> Decimal:
    """The midpoint of the tax-table row that x falls in (0 below the first row)."""
    chosen: tuple[Decimal, Decimal] | None = None
    for start, width in bins:
        if x >= start:
            chosen = (start, width)
    if chosen is None:
        return ZERO
    start, width = chosen
    row = ((x - start) / width).to_integral_value(rounding=ROUND_FLOOR)
    return start + row * width + width / 2


DEFAULT = Engine(tax_dir())
