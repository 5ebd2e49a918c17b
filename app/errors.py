"""Turn pydantic's ValidationError into problems a person can act on: where (an offer, the current job,
a scenario), which field, and what is wrong.

Messages are written here from each error's `type` and `ctx` (never by rewording pydantic's English),
so the command line, the import report and the form show the same words.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from pydantic import ValidationError

_BUILTIN: dict[str, str] = {
    "missing": "is required",
    "extra_forbidden": "is not a field of the offer file format (unknown key)",
    "int_type": "must be a whole number",
    "int_parsing": "must be a whole number",
    "int_from_float": "must be a whole number",
    "bool_type": "must be true or false",
    "bool_parsing": "must be true or false",
    "string_type": "must be text",
    "list_type": "must be a list",
    "dict_type": "must be an object",
    "model_type": "must be an object",
    "model_attributes_type": "must be an object",
    "string_too_short": "can't be empty",
    "string_too_long": "is too long (at most {max_length} characters)",
    "too_short": "needs at least {min_length} entries",
    "too_long": "has too many entries (at most {max_length})",
    "greater_than_equal": "must be at least {ge}",
    "less_than_equal": "must be at most {le}",
    "greater_than": "must be more than {gt}",
    "less_than": "must be less than {lt}",
    "literal_error": "must be one of {expected}",
    "date_type": "must be a date written YYYY-MM-DD",
    "invalid_key": "has a key that is not text",
}


@dataclass(frozen=True)
class Problem:
    """One thing wrong with the input: where (offer and field path) and what, in words."""

    path: tuple[str | int, ...]
    field: str
    message: str
    offer: str | None = None  # the offer's label ('"acme" (Acme)'), when the problem is in an offer
    place: str | None = None  # another part of the file: "current job", 'scenario "bear"'

    def __str__(self) -> str:
        if self.offer:
            where = f"offer {self.offer}, "
        elif self.place:
            where = f"{self.place}, "
        else:
            where = ""
        field = self.field or ("file" if not where else "")
        return f"{where}{field}: {self.message}" if field else f"{where.rstrip(', ')}: {self.message}"


def field_path(loc: tuple[str | int, ...]) -> str:
    """('equity', 0, 'vesting', 'years_pct') → 'equity[0].vesting.years_pct'."""
    text = ""
    for part in loc:
        if isinstance(part, int):
            text += f"[{part}]"
        else:
            text += f".{part}" if text else str(part)
    return text


def _words(error: Mapping[str, Any]) -> str:
    kind = error["type"]
    ctx = error.get("ctx") or {}
    if kind in _BUILTIN:
        template = _BUILTIN[kind]
        try:
            message = template.format(**{k: _show(v) for k, v in ctx.items()})
        except (KeyError, IndexError):
            message = template
    else:
        message = error["msg"]  # our own PydanticCustomError text, already in plain words
    value = error.get("input")
    if kind not in {"missing", "extra_forbidden"} and "value" not in ctx and _is_scalar(value):
        message += f" (got {_show_input(value)})"
    return message


def _show(value: Any) -> str:
    if isinstance(value, Decimal):
        return format(value.normalize(), "f")
    if isinstance(value, str) and "'" in value:  # literal_error's "expected" is pre-quoted
        return value.replace("'", '"')
    return str(value)


def _is_scalar(value: Any) -> bool:
    return value is None or isinstance(value, str | int | float | Decimal | bool)


def _show_input(value: Any) -> str:
    # a Decimal like 1e1000000 would be a million digits: it is cut like any long input
    text = format(value, "f") if isinstance(value, Decimal) else json.dumps(value, ensure_ascii=False, default=str)
    return text if len(text) <= 60 else text[:57] + "…"


def describe_input(value: Any) -> str:
    """A value from the input as the message shows it: JSON-like, exact numbers, cut when long."""
    return _show_input(value)


def problems_from(
    exc: ValidationError, data: Any = None, prefix: tuple[str | int, ...] = ()
) -> list[Problem]:
    """Every error in `exc` as a Problem; `data` (the raw input) lets offers be named by id/company."""
    problems = []
    for error in exc.errors(include_url=False):
        loc = tuple(prefix) + tuple(part for part in error["loc"] if part != "[key]")
        ctx = error.get("ctx") or {}
        if "field" in ctx:  # a model-level rule that names the field it is about (or a path to it)
            named = ctx["field"]
            loc = (*loc, *named) if isinstance(named, list | tuple) else (*loc, named)
        offer_label = place = None
        inner = loc
        if len(loc) >= 2 and loc[0] == "offers" and isinstance(loc[1], int):
            offer_label = _offer_label(data, loc[1])
            inner = loc[2:]
        elif len(loc) >= 2 and loc[0] == "current_job":
            place, inner = "current job", loc[1:]
        elif len(loc) >= 2 and loc[0] == "scenarios" and isinstance(loc[1], int):
            place, inner = _scenario_label(data, loc[1]), loc[2:]
        problems.append(
            Problem(path=loc, field=field_path(inner), message=_words(error), offer=offer_label, place=place)
        )
    return problems


def _scenario_label(data: Any, index: int) -> str:
    raw = None
    if isinstance(data, dict) and isinstance(data.get("scenarios"), list) and index < len(data["scenarios"]):
        raw = data["scenarios"][index]
    name = raw.get("name") if isinstance(raw, dict) else None
    if isinstance(name, str) and name.strip():
        return f'scenario "{name.strip()}"'
    return f"scenario #{index + 1}"


def _offer_label(data: Any, index: int) -> str:
    raw = None
    if isinstance(data, dict) and isinstance(data.get("offers"), list) and index < len(data["offers"]):
        raw = data["offers"][index]
    return offer_label(raw, index)


def offer_label(raw: Any, index: int) -> str:
    """How a message names the offer at `index` of a file: '"id" (Company)', '#2 (Company)' or '#2'."""
    if isinstance(raw, dict):
        ident, company = raw.get("id"), raw.get("company")
        if isinstance(company, str):  # a blank company names nothing: "#2 (   )" helps no one
            company = company.strip() or None
        if isinstance(ident, str) and isinstance(company, str):
            return f'"{ident}" ({company})'
        if isinstance(ident, str):
            return f'"{ident}"'
        if isinstance(company, str):
            return f"#{index + 1} ({company})"
    return f"#{index + 1}"


def form_errors(exc: ValidationError) -> dict[str, str]:
    """{field path: message} for a form validating one model (the first message per field)."""
    result: dict[str, str] = {}
    for problem in problems_from(exc):
        result.setdefault(problem.field, problem.message)
    return result
