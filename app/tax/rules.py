"""The tax rule files: their schema (pydantic), reading them (tomllib, Decimal only) and finding them.

One TOML file per region and tax year, `resources/tax/<year>/<CODE>.toml`; `resources/tax/README.md`
documents every key with a worked example. This module only reads and checks files; `engine.py`
stacks them into a region and evaluates it.
"""

from __future__ import annotations

import re
import tomllib
from decimal import Decimal
from pathlib import Path
from typing import Annotated, Literal, Self

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from app.resources import resource_path
from app.tax import expr

FILING_STATUSES: tuple[str, ...] = ("single", "married_joint", "head_of_household")
FORMAT = 1
RESERVED = frozenset({"income", "x"})

Status = Literal["single", "married_joint", "head_of_household"]
REGION_CODE = r"^[A-Z]{2}(-[A-Z0-9]+)*$"
STEP_NAME = r"^[a-z][a-z0-9_]*$"
QUALIFIED = rf"^{expr.NAME}$"

ByStatus = Decimal | dict[Status, Decimal]
"""A number, or one number per filing status (all three, in a region whose chain uses them)."""

Ref = Annotated[str, Field(pattern=QUALIFIED)] | list[Annotated[str, Field(pattern=QUALIFIED)]]
"""A name, or a list of names whose values are added: the base a step applies to."""

Rows = list[tuple[Decimal, Decimal]]


class TaxRulesError(ValueError):
    """A rule file that cannot be used: names the file and what is wrong in it."""


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, strict=False)


RoundingMode = Literal["half_up", "half_even", "down", "up", "floor", "ceiling"]


class Rounding(_Strict):
    """Round a step's value to a multiple of `to` (0.01, 1, 100 …) the way the authority does."""

    to: Decimal = Field(gt=0)
    mode: RoundingMode


class TaxTable(_Strict):
    """A printed tax table: below `below`, tax is computed at the midpoint of the row the base falls
    in and rounded half up to `round_to`. `bins` are [start, width] pairs; below the first start the
    base counts as 0 (IRS Tax Table: [[5, 10], [25, 25], [3000, 50]] below 100,000, whole dollars)."""

    below: Decimal = Field(gt=0)
    bins: list[tuple[Decimal, Decimal]] = Field(min_length=1)
    round_to: Decimal = Field(gt=0)

    @field_validator("bins")
    @classmethod
    def _increasing(cls, bins: list[tuple[Decimal, Decimal]]) -> list[tuple[Decimal, Decimal]]:
        starts = [start for start, _ in bins]
        if starts != sorted(set(starts)) or any(width <= 0 for _, width in bins):
            raise ValueError("bins must have increasing starts and positive widths")
        return bins


class _Step(_Strict):
    name: Annotated[str, Field(pattern=STEP_NAME)] | None = None
    replaces: Annotated[str, Field(pattern=QUALIFIED)] | None = None
    part: str | None = None
    kind: Literal["income", "social"] | None = None
    source: str | list[str] | None = None
    note: str | None = None
    round: Rounding | None = None
    may_decrease: str | None = None

    @model_validator(mode="after")
    def _named(self) -> Self:
        if (self.name is None) == (self.replaces is None):
            raise ValueError("a step has either a `name` or `replaces` (a step of a base region), not both")
        if self.replaces is not None and "." not in self.replaces:
            raise ValueError("`replaces` names a step of a base region, qualified: e.g. \"CA.cpp\"")
        if (self.part is None) != (self.kind is None):
            raise ValueError("a step shown as a `part` says its `kind` (\"income\" or \"social\"), and only then")
        return self

    @property
    def sources(self) -> tuple[str, ...]:
        if self.source is None:
            return ()
        return (self.source,) if isinstance(self.source, str) else tuple(self.source)

    def literals(self) -> list[Decimal]:
        """Numbers written in this step (a step with any besides 0 and 1 must cite its source)."""
        found: list[Decimal] = []
        for field in type(self).model_fields:
            if field in {"round"}:
                continue
            _collect_numbers(getattr(self, field), found)
        return found


def _collect_numbers(value: object, found: list[Decimal]) -> None:
    if isinstance(value, Decimal):
        found.append(value)
    elif isinstance(value, dict):
        for item in value.values():
            _collect_numbers(item, found)
    elif isinstance(value, list | tuple):
        for item in value:
            _collect_numbers(item, found)
    elif isinstance(value, BaseModel):
        for field in type(value).model_fields:
            _collect_numbers(getattr(value, field), found)


class AmountStep(_Step):
    """A fixed amount, or one per filing status: a standard deduction, an allowance, a threshold."""

    type: Literal["amount"]
    value: ByStatus


class Zone(_Strict):
    """One piece of a zoned formula: applies where x is over `over` (the first zone: from the start).
    `over` is a number, one per filing status, or the name of an earlier step."""

    over: Decimal | dict[Status, Decimal] | Annotated[str, Field(pattern=QUALIFIED)] | None = None
    expr: str


class FormulaStep(_Step):
    """Arithmetic over earlier names (`expr`), or a piecewise formula of `of` (`zones`, variable x),
    whose zones may be given per filing status and read through a printed `tax_table`."""

    type: Literal["formula"]
    expr: str | None = None
    of: Ref | None = None
    zones: list[Zone] | dict[Status, list[Zone]] | None = None
    tax_table: TaxTable | None = None

    @model_validator(mode="after")
    def _shape(self) -> Self:
        if self.zones is None:
            if self.expr is None or self.of is not None or self.tax_table is not None:
                raise ValueError("a formula has an `expr`, or `of` with `zones` (and then maybe a `tax_table`)")
        else:
            if self.expr is not None or self.of is None:
                raise ValueError("a zoned formula has `of` and `zones` (and no `expr`)")
            for zones in self.zone_lists():
                if not zones or any(zone.over is None for zone in zones[1:]):
                    raise ValueError("zones: a non-empty list, each zone after the first with an `over`")
                fixed = [zone.over for zone in zones if isinstance(zone.over, Decimal)]
                if fixed != sorted(set(fixed)):
                    raise ValueError("zones must be in increasing order of `over`")
        for text in self.formulas():
            try:
                expr.parse(text)
            except expr.FormulaError as error:
                raise ValueError(str(error)) from None
        return self

    def zone_lists(self) -> list[list[Zone]]:
        if self.zones is None:
            return []
        return list(self.zones.values()) if isinstance(self.zones, dict) else [self.zones]

    def formulas(self) -> list[str]:
        if self.expr is not None:
            return [self.expr]
        return [zone.expr for zones in self.zone_lists() for zone in zones]

    def literals(self) -> list[Decimal]:
        found: list[Decimal] = []
        for zones in self.zone_lists():
            for zone in zones:
                _collect_numbers(zone.over, found)
        _collect_numbers(self.tax_table, found)
        for text in self.formulas():
            found.extend(expr.parse(text).literals)
        return found


def _check_rows(rows: Rows | dict[Status, Rows], what: str) -> None:
    tables = rows.values() if isinstance(rows, dict) else [rows]
    for table in tables:
        starts = [start for start, _ in table]
        if not table or starts != sorted(set(starts)):
            raise ValueError(f"{what} must be a non-empty list of [threshold, value] in increasing thresholds")


class BracketsStep(_Step):
    """Progressive marginal rates over `of`: each [threshold, rate] taxes the part above its threshold
    up to the next one."""

    type: Literal["brackets"]
    of: Ref
    rates: Rows | dict[Status, Rows]
    tax_table: TaxTable | None = None
    exempt_up_to: ByStatus | None = None

    @model_validator(mode="after")
    def _rows(self) -> Self:
        _check_rows(self.rates, "rates")
        return self


class PiecewiseLinearStep(_Step):
    """A function of `of` through [x, y] points, straight lines between, flat before and after."""

    type: Literal["piecewise_linear"]
    of: Ref
    points: Rows | dict[Status, Rows]

    @model_validator(mode="after")
    def _rows(self) -> Self:
        _check_rows(self.points, "points")
        return self


class CappedRateStep(_Step):
    """rate × clamp(of − floor, 0, cap − floor): a social contribution with a floor and a ceiling."""

    type: Literal["capped_rate"]
    of: Ref
    rate: ByStatus
    floor: ByStatus = Decimal(0)
    cap: ByStatus | None = None
    exempt_up_to: ByStatus | None = None


class SurtaxStep(_Step):
    """rate × of once `of` exceeds `exempt_up_to` (a Freigrenze: nothing at or below it), and at most
    shade_in_rate × (of − exempt_up_to) where a shade-in (Milderungszone) is given."""

    type: Literal["surtax"]
    of: Ref
    rate: ByStatus
    exempt_up_to: ByStatus = Decimal(0)
    shade_in_rate: ByStatus | None = None


class CreditStep(_Step):
    """A non-refundable credit: the tax `against` less rate × of, never below 0."""

    type: Literal["credit"]
    against: Annotated[str, Field(pattern=QUALIFIED)]
    of: Ref
    rate: ByStatus = Decimal(1)


AnyStep = AmountStep | FormulaStep | BracketsStep | PiecewiseLinearStep | CappedRateStep | SurtaxStep | CreditStep
Step = Annotated[AnyStep, Field(discriminator="type")]
RULE_TYPES: tuple[str, ...] = ("amount", "formula", "brackets", "piecewise_linear", "capped_rate", "surtax", "credit")


class RegionHeader(_Strict):
    code: Annotated[str, Field(pattern=REGION_CODE)]
    name: str = Field(min_length=1)
    year: int = Field(ge=2000, le=2100)
    currency: Annotated[str, Field(pattern=r"^[A-Z]{3}$")]
    base: Annotated[str, Field(pattern=REGION_CODE)] | None = None
    selectable: bool = True
    uses_filing_status: bool = False
    rounding: str = Field(min_length=1)
    sources: list[str] = Field(default_factory=list)
    notes: str | None = None
    # short phrases shown beside every after-tax figure of the region (its key assumptions, e.g.
    # "childless (care insurance surcharge)"); `notes` keeps the long form
    assumptions: list[Annotated[str, Field(min_length=1, max_length=120)]] = Field(default_factory=list)


class RuleFile(_Strict):
    format: Literal[1]
    region: RegionHeader
    steps: list[Step] = Field(default_factory=list)

    @model_validator(mode="after")
    def _unique_and_sourced(self) -> Self:
        names = [step.name for step in self.steps if step.name is not None]
        duplicates = sorted({name for name in names if names.count(name) > 1})
        if duplicates:
            raise ValueError(f"step names must be unique: {', '.join(duplicates)}")
        reserved = sorted(set(names) & RESERVED)
        if reserved:
            raise ValueError(f"{', '.join(reserved)}: reserved, not a step name (the input and the zone variable)")
        for step in self.steps:
            label = step.name or step.replaces
            if not step.sources and any(n not in (0, 1) for n in step.literals()):
                raise ValueError(f"step {label!r} has numbers but no `source`")
        return self


def parse_rule_text(text: str, where: str) -> RuleFile:
    """Read one rule file's text: every number a Decimal (TOML floats via parse_float, integers too)."""
    try:
        data = tomllib.loads(text, parse_float=Decimal)
    except tomllib.TOMLDecodeError as error:
        raise TaxRulesError(f"{where}: not valid TOML: {error}") from None
    try:
        return RuleFile.model_validate(_decimals(data))
    except ValidationError as error:
        problems = "; ".join(
            f"{'.'.join(str(p) for p in e['loc'])}: {e['msg']}" for e in error.errors(include_url=False)
        )
        raise TaxRulesError(f"{where}: {problems}") from None


def _decimals(value: object) -> object:
    """Integers become Decimals, so no step ever mixes int and Decimal (bools and strings stay)."""
    if isinstance(value, bool):
        return value
    if isinstance(value, int):
        return Decimal(value)
    if isinstance(value, dict):
        return {key: (item if key in {"format", "year"} else _decimals(item)) for key, item in value.items()}
    if isinstance(value, list):
        return [_decimals(item) for item in value]
    return value


def tax_dir() -> Path:
    return resource_path("tax")


_FILE = re.compile(r"^(?P<code>[A-Z]{2}(?:-[A-Z0-9]+)*)\.toml$")


def catalogue(root: Path) -> dict[str, dict[int, Path]]:
    """Every rule file under `root`: region code -> {tax year -> path}."""
    found: dict[str, dict[int, Path]] = {}
    if not root.is_dir():
        return found
    for year_dir in sorted(root.iterdir()):
        if not (year_dir.is_dir() and year_dir.name.isdigit()):
            continue
        for path in sorted(year_dir.iterdir()):
            match = _FILE.match(path.name)
            if match:
                found.setdefault(match["code"], {})[int(year_dir.name)] = path
    return found


def load(path: Path) -> RuleFile:
    """One rule file, read and checked (the engine keeps what it read: once per process)."""
    rules = parse_rule_text(path.read_text(encoding="utf-8"), str(path))
    expected_code, expected_year = path.stem, int(path.parent.name)
    if rules.region.code != expected_code or rules.region.year != expected_year:
        raise TaxRulesError(
            f"{path}: says region {rules.region.code} year {rules.region.year}, "
            f"but its place says {expected_code} year {expected_year}"
        )
    return rules
