"""A region's chain of steps, for one filing status, compiled to one straight-line Python function.

`engine.py` builds each chain as nested closures (the reference: one closure per step, each reading
its inputs from a dict and its per-status values through a getter). Evaluating those costs a Python
call and a dict lookup for every step, bound and name; an estimate of a US state took ~100 µs, four
of them an offer. Here the same steps become the source of one function per (chain, filing status):

    def run(income):
        with localcontext(EXACT):
            s0 = income                                     # US.adjusted_gross_income
            s1 = k0                                         # US.standard_deduction (single)
            s2 = max(k1, (s0 - s1))                         # US.taxable_income
            ...
        return (s0, s1, s2, ...)

with every per-status value chosen when it is compiled, and brackets found by bisection, their
running sums of the rows below worked out once. It does the very same Decimal operations, in the
same order and in the same context (`app.money.EXACT`), as the closures: the same value for every
step, so the same cents (a test holds every chain, status and a ladder of incomes to it). A second
function, `cents`, is the same body returning what an estimate shows: the parts in cents and the total.

Safe to `exec`: the source holds only names made here (s3, k12, x4) and operators; no text of a rule
file ever enters it (numbers are passed in as Decimal objects, names are mapped to slots).
"""

from __future__ import annotations

import itertools
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Mapping, Sequence
from decimal import (
    ROUND_CEILING,
    ROUND_DOWN,
    ROUND_FLOOR,
    ROUND_HALF_EVEN,
    ROUND_HALF_UP,
    ROUND_UP,
    Decimal,
    localcontext,
)
from typing import Any, NamedTuple, Protocol

from app.money import CENT, EXACT, ZERO, exact
from app.tax import expr
from app.tax.rules import (
    AmountStep,
    AnyStep,
    BracketsStep,
    CappedRateStep,
    CreditStep,
    FormulaStep,
    PiecewiseLinearStep,
    Ref,
    Rounding,
    SurtaxStep,
    TaxRulesError,
    TaxTable,
    Zone,
)

MODES = {
    "half_up": ROUND_HALF_UP,
    "half_even": ROUND_HALF_EVEN,
    "down": ROUND_DOWN,
    "up": ROUND_UP,
    "floor": ROUND_FLOOR,
    "ceiling": ROUND_CEILING,
}
INPUT = "income"
ZONE_VARIABLE = "x"

Run = Callable[[Decimal], tuple[Decimal, ...]]
Cents = Callable[[Decimal], tuple[tuple[Decimal, ...], Decimal]]


class Step(Protocol):
    """What this module reads of `engine.CompiledStep`."""

    @property
    def qualified(self) -> str: ...

    @property
    def region(self) -> str: ...

    @property
    def rule(self) -> AnyStep: ...


class Compiled(NamedTuple):
    """A chain compiled for one filing status."""

    run: Run  # income → the value of every step, in order
    cents: Cents  # income → (each part's value rounded to cents, the total: their sum, at least 0)


def compile_chain(steps: Sequence[Step], parts: Sequence[int], status: str, year: int, leaf: str) -> Compiled:
    """The chain as two functions of the income (the closures' values exactly): every step's value,
    and the estimate's figures (`parts`: the indexes of the steps shown as parts, in order).

    `steps` were checked when the chain was built (every name read is computed before, every
    per-status table complete); `year` and `leaf` only name a step in an error, as the closures do.
    """
    writer = _Writer(status)
    slots = {INPUT: "income"}
    for index, step in enumerate(steps):
        where = f"{leaf} ({year}) step {step.qualified}"
        target = f"s{index}"
        writer.step(step.rule, step.region, slots, target, where)
        slots[step.qualified] = target
    body = "\n".join("        " + line for line in writer.lines) or "        pass"
    values = "".join(f"s{i}, " for i in range(len(steps)))
    # engine.estimate_chain: each part rounded to cents (app.money.round_cents), then
    # max(ZERO, sum(amounts, ZERO)) in the caller's context, as the closures' estimate adds them
    rounded = "".join(f"s{i}.quantize(_CENT, _HALF_UP, _EXACT), " for i in parts)
    total = "ZERO"
    for index in range(len(parts)):
        total = f"({total} + amounts[{index}])"
    source = (
        "def run(income):\n"
        "    with _localcontext(_EXACT):\n"
        f"{body}\n"
        f"    return ({values})\n"
        "\n"
        "def cents(income):\n"
        "    with _localcontext(_EXACT):\n"
        f"{body}\n"
        f"    amounts = ({rounded})\n"
        f"    return amounts, max(ZERO, {total})\n"
    )
    namespace: dict[str, Any] = {
        **writer.constants,
        "_localcontext": localcontext,
        "_EXACT": EXACT,
        "_CENT": CENT,
        "_HALF_UP": ROUND_HALF_UP,
        "ZERO": ZERO,
        "_bisect_left": bisect_left,
        "_bisect_right": bisect_right,
        "_increasing": increasing,
        "_piecewise_linear": piecewise_linear,
        "_FLOOR": ROUND_FLOOR,
        "_CEILING": ROUND_CEILING,
    }
    code = compile(source, f"<tax rules {leaf} {year} {status}>", "exec")
    exec(code, namespace)  # our own source of slots and operators (see the module docstring)
    return Compiled(namespace["run"], namespace["cents"])


def increasing(where: str, bounds: tuple[Decimal | None, ...]) -> None:
    """The zone bounds' check of the closures (`engine`: zoned_at), with its message."""
    previous: Decimal | None = None
    for over in bounds:
        if over is not None and previous is not None and over <= previous:
            raise TaxRulesError(f"{where}: zone bounds {previous} then {over} are not increasing")
        previous = over if over is not None else previous


def piecewise_linear(points: Sequence[tuple[Decimal, Decimal]], x: Decimal) -> Decimal:
    """Straight lines between the points; the first y before the first point, the last y after."""
    if x <= points[0][0]:
        return points[0][1]
    for (x0, y0), (x1, y1) in itertools.pairwise(points):
        if x <= x1:
            return y0 + (y1 - y0) * (x - x0) / (x1 - x0)
    return points[-1][1]


def _qualify(name: str, code: str) -> str:
    return name if name == INPUT or "." in name else f"{code}.{name}"


class _Writer:
    """Writes the lines of one chain's function for one filing status."""

    def __init__(self, status: str) -> None:
        self.status = status
        self.lines: list[str] = []
        self.constants: dict[str, object] = {}
        self.temporaries = 0

    def const(self, value: object) -> str:
        name = f"k{len(self.constants)}"
        self.constants[name] = value
        return name

    def temp(self, prefix: str) -> str:
        self.temporaries += 1
        return f"{prefix}{self.temporaries}"

    def pick(self, value: Any) -> Any:
        """The value for this filing status (the closures' `_per_status` getter, resolved now)."""
        return value[self.status] if isinstance(value, Mapping) else value

    def emit(self, line: str, depth: int = 0) -> None:
        self.lines.append("    " * depth + line)

    # -- a step -------------------------------------------------------------------------------------

    def step(self, rule: AnyStep, code: str, slots: dict[str, str], target: str, where: str) -> None:
        self.value(rule, code, slots, target, where)
        if rule.round is not None:
            self.round(target, target, rule.round)

    def round(self, target: str, value: str, rounding: Rounding) -> None:
        """`engine.round_to`: (value / to) to an integer by the mode, times to."""
        to, mode = self.const(rounding.to), self.const(MODES[rounding.mode])
        self.emit(f"{target} = ({value} / {to}).to_integral_value({mode}) * {to}")

    def base(self, ref: Ref, code: str, slots: dict[str, str]) -> str:
        """The sum of the names `ref` reads, as `sum(values, ZERO)` adds them (one name: itself)."""
        names = (ref,) if isinstance(ref, str) else tuple(ref)
        found = [slots[_qualify(name, code)] for name in names]
        if len(found) == 1:
            return found[0]
        text = "ZERO"
        for name in found:
            text = f"({text} + {name})"
        return text

    def formula(self, tree: expr.Node, names: Mapping[str, str]) -> str:
        kind = tree[0]
        if kind == "number":
            return self.const(tree[1])
        if kind == "name":
            return names[tree[1]]
        if kind == "neg":
            return f"(-{self.formula(tree[1], names)})"
        if kind == "call":
            func, args = tree[1], [self.formula(arg, names) for arg in tree[2]]
            if func in ("min", "max"):
                return f"{func}({', '.join(args)})"
            (arg,) = args
            if func == "floor":
                return f"{arg}.to_integral_value(_FLOOR)"
            if func == "ceil":
                return f"{arg}.to_integral_value(_CEILING)"
            return f"abs({arg})"
        return f"({self.formula(tree[1], names)} {kind} {self.formula(tree[2], names)})"

    def formula_names(
        self, parsed: expr.Formula, code: str, slots: Mapping[str, str], x: str | None = None
    ) -> dict[str, str]:
        """Each name the formula reads → the variable holding it (`x`: a zoned formula's variable)."""
        return {
            name: x if x is not None and name == ZONE_VARIABLE else slots[_qualify(name, code)] for name in parsed.names
        }

    def value(self, rule: AnyStep, code: str, slots: dict[str, str], target: str, where: str) -> None:
        if isinstance(rule, AmountStep):
            self.emit(f"{target} = {self.const(self.pick(rule.value))}")
        elif isinstance(rule, FormulaStep):
            if rule.expr is not None:
                parsed = expr.parse(rule.expr)
                self.emit(f"{target} = {self.formula(parsed.tree, self.formula_names(parsed, code, slots))}")
            else:
                assert rule.of is not None and rule.zones is not None  # validated (rules.FormulaStep)
                zones = self.pick(rule.zones)
                self.through_table(
                    rule.of,
                    code,
                    slots,
                    target,
                    rule.tax_table,
                    lambda x, out: self.zoned(zones, x, out, code, slots, where),
                )
        elif isinstance(rule, BracketsStep):
            rows = self.pick(rule.rates)
            limit = self.pick(rule.exempt_up_to)
            self.through_table(
                rule.of, code, slots, target, rule.tax_table, lambda x, out: self.brackets(rows, limit, x, out)
            )
        elif isinstance(rule, PiecewiseLinearStep):
            points = self.const(tuple(self.pick(rule.points)))
            self.emit(f"{target} = _piecewise_linear({points}, {self.base(rule.of, code, slots)})")
        elif isinstance(rule, CappedRateStep):
            self.capped(rule, code, slots, target)
        elif isinstance(rule, SurtaxStep):
            x = self.temp("x")
            self.emit(f"{x} = {self.base(rule.of, code, slots)}")
            limit = self.const(self.pick(rule.exempt_up_to))
            rate = self.const(self.pick(rule.rate))
            shade = self.pick(rule.shade_in_rate)
            self.emit(f"if {x} <= {limit}:")
            self.emit(f"{target} = ZERO", 1)
            if shade is None:
                self.emit(f"else: {target} = {rate} * {x}")
            else:
                self.emit(f"else: {target} = min({rate} * {x}, {self.const(shade)} * ({x} - {limit}))")
        elif isinstance(rule, CreditStep):
            against = slots[_qualify(rule.against, code)]
            rate = self.const(self.pick(rule.rate))
            self.emit(f"{target} = max(ZERO, {against} - {rate} * {self.base(rule.of, code, slots)})")
        else:  # pragma: no cover - the schema allows no other
            raise TaxRulesError(f"{where}: unknown rule type")

    def through_table(
        self,
        of: Ref,
        code: str,
        slots: dict[str, str],
        target: str,
        table: TaxTable | None,
        at: Callable[[str, str], None],
    ) -> None:
        """`engine._through_table`: `at` on the base, or below a printed table's limit on the midpoint
        of the base's row, rounded half up to the table's unit."""
        x = self.temp("x")
        self.emit(f"{x} = {self.base(of, code, slots)}")
        if table is None:
            at(x, target)
            return
        below = self.const(table.below)
        starts = self.const(tuple(start for start, _ in table.bins))
        widths = self.const(tuple(width for _, width in table.bins))
        mid, row, width = self.temp("m"), self.temp("j"), self.temp("w")
        self.emit(f"if {x} < {below}:")
        # engine.table_midpoint: the last row whose start is at or below x (none: 0)
        self.emit(f"{row} = _bisect_right({starts}, {x})", 1)
        self.emit(f"if {row} == 0: {mid} = ZERO", 1)
        self.emit("else:", 1)
        self.emit(f"{width} = {widths}[{row} - 1]", 2)
        self.emit(
            f"{mid} = {starts}[{row} - 1] + (({x} - {starts}[{row} - 1]) / {width})"
            f".to_integral_value(_FLOOR) * {width} + {width} / 2",
            2,
        )
        inner = len(self.lines)
        at(mid, target)
        self.lines[inner:] = ["    " + line for line in self.lines[inner:]]
        step = len(self.lines)
        self.round(target, target, Rounding(to=table.round_to, mode="half_up"))
        self.lines[step:] = ["    " + line for line in self.lines[step:]]
        self.emit("else:")
        inner = len(self.lines)
        at(x, target)
        self.lines[inner:] = ["    " + line for line in self.lines[inner:]]

    def brackets(self, rows: list[tuple[Decimal, Decimal]], limit: Decimal | None, x: str, target: str) -> None:
        """`engine.progressive` after the exempt amount: with the rows below x's row summed once.

        The closures' loop adds rate × (next threshold − threshold) for each row wholly below x, then
        rate × (x − threshold) for x's row; `totals[j]` is that running sum after j rows, worked out
        here with the same operations in the same order (so the same Decimal).
        """
        thresholds = tuple(threshold for threshold, _ in rows)
        rates = tuple(rate for _, rate in rows)
        totals = [ZERO]
        with exact():
            for i in range(len(rows) - 1):
                totals.append(totals[-1] + rates[i] * (thresholds[i + 1] - thresholds[i]))
        t, r, c = self.const(thresholds), self.const(rates), self.const(tuple(totals))
        depth = 0
        if limit is not None:
            self.emit(f"if {x} <= {self.const(limit)}: {target} = ZERO")
            self.emit("else:")
            depth = 1
        row = self.temp("j")
        self.emit(f"{row} = _bisect_left({t}, {x})", depth)  # the first threshold at or above x
        self.emit(f"if {row} == 0: {target} = ZERO", depth)
        self.emit(f"else: {target} = {c}[{row} - 1] + {r}[{row} - 1] * ({x} - {t}[{row} - 1])", depth)

    def zoned(self, zones: list[Zone], x: str, target: str, code: str, slots: dict[str, str], where: str) -> None:
        """`engine`'s zoned_at: the last zone x is over (the first zone from the start), or 0."""
        bounds: list[str | None] = []
        fixed: list[Decimal | None] = []
        dynamic = False
        for zone in zones:
            over = zone.over
            if isinstance(over, str):
                bounds.append(slots[_qualify(over, code)])
                dynamic = True
                fixed.append(None)
            else:
                value = self.pick(over)
                fixed.append(value)
                bounds.append(None if value is None else self.const(value))
        given = [value for value in fixed if value is not None]
        if dynamic or any(b <= a for a, b in itertools.pairwise(given)):
            self.emit(f"_increasing({self.const(where)}, ({', '.join(b or 'None' for b in bounds)},))")
        first = True
        for index in range(len(zones) - 1, -1, -1):
            parsed = expr.parse(zones[index].expr)
            value = self.formula(parsed.tree, self.formula_names(parsed, code, slots, x))
            bound = bounds[index]
            if bound is None:  # the first zone without its own `over`: from the start
                self.emit(f"{'if True' if first else 'else'}: {target} = {value}")
                break
            self.emit(f"{'if' if first else 'elif'} {x} > {bound}: {target} = {value}")
            first = False
        else:
            self.emit(f"else: {target} = ZERO")

    def capped(self, rule: CappedRateStep, code: str, slots: dict[str, str], target: str) -> None:
        """rate × clamp(x − floor, 0, cap − floor), 0 up to an exempt amount (engine: capped)."""
        x, portion = self.temp("x"), self.temp("p")
        self.emit(f"{x} = {self.base(rule.of, code, slots)}")
        limit = self.pick(rule.exempt_up_to)
        depth = 0
        if limit is not None:
            self.emit(f"if {x} <= {self.const(limit)}: {target} = ZERO")
            self.emit("else:")
            depth = 1
        low, high = self.pick(rule.floor), self.pick(rule.cap)
        self.emit(f"{portion} = max(ZERO, {x} - {self.const(low)})", depth)
        if high is not None:
            with exact():
                room = max(ZERO, high - low)
            self.emit(f"{portion} = min({portion}, {self.const(room)})", depth)
        self.emit(f"{target} = {self.const(self.pick(rule.rate))} * {portion}", depth)
