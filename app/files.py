"""Read and write offer files (format 1): all-or-nothing import, exact numbers out.

Numbers are read as Decimal (never through float) and written back digit for digit, so an export
followed by an import gives models equal to the ones exported.
"""

from __future__ import annotations

import json
import os
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from app.atomic import write_text_atomic
from app.errors import Problem, describe_input, problems_from
from app.models import FORMAT, OfferFile


class OfferFileError(Exception):
    """A file that can't be read as an offer file; `problems` lists every problem found."""

    def __init__(self, source: str, problems: list[Problem] | list[str]):
        self.source = source
        self.problems = [p if isinstance(p, Problem) else Problem((), "", p) for p in problems]
        super().__init__(self.report())

    def report(self) -> str:
        count = len(self.problems)
        if count == 1 and not self.problems[0].field and not self.problems[0].offer:
            return f"{self.source}: {self.problems[0].message}"
        head = f"{self.source}: {count} problem{'s' if count != 1 else ''}, nothing was read"
        return "\n".join([head, *(f"  - {p}" for p in self.problems)])


def parse_offer_file(text: str, source: str = "offer file") -> OfferFile:
    """Validate the text of an offer file; raise OfferFileError naming every problem."""
    try:
        data = json.loads(text, parse_float=Decimal, parse_int=_parse_int, parse_constant=_reject_constant)
    except RecursionError:
        raise OfferFileError(source, ["not an offer file: its JSON is nested too deeply"]) from None
    except json.JSONDecodeError as exc:
        raise OfferFileError(
            source, [f"not valid JSON: {exc.msg} at line {exc.lineno}, column {exc.colno}"]
        ) from None
    except ValueError as exc:
        raise OfferFileError(source, [str(exc)]) from None
    if not isinstance(data, dict):
        raise OfferFileError(source, ["not an offer file: the top level must be a JSON object"])
    if _has_lone_surrogate(data):
        raise OfferFileError(source, ["some text holds a broken character (a lone UTF-16 surrogate such as "
                                      "\\ud800): fix the text in the file and import it again"])
    fmt = data.get("format")
    if fmt is None:
        raise OfferFileError(source, [f'not an offer file: there is no "format": "{FORMAT}" key'])
    if fmt != FORMAT:
        raise OfferFileError(
            source,
            [f'format {describe_input(fmt)} is not one this version reads (it reads "{FORMAT}")'],
        )
    try:
        return OfferFile.model_validate(data)
    except ValidationError as exc:
        raise OfferFileError(source, problems_from(exc, data)) from None


def _parse_int(text: str) -> int | Decimal:
    """Python won't make an int of more than 4300 digits; such a number is out of every range anyway,
    so keep it as a Decimal and let validation name the field it was given for."""
    return int(text) if len(text) <= 4000 else Decimal(text)


def _has_lone_surrogate(value: Any) -> bool:
    """Text that can't be written back as UTF-8 (JSON allows "\\ud800" alone; UTF-8 does not)."""
    if isinstance(value, str):
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            return True
        return False
    if isinstance(value, dict):
        return any(_has_lone_surrogate(k) or _has_lone_surrogate(v) for k, v in value.items())
    if isinstance(value, list):
        return any(_has_lone_surrogate(v) for v in value)
    return False


def _reject_constant(name: str) -> Any:
    raise ValueError(f"not valid JSON: {name} is not a number")


def read_offer_file(path: str | os.PathLike[str]) -> OfferFile:
    """Read and validate an offer file from disk; every failure is an OfferFileError."""
    source = str(path)
    try:
        raw = Path(path).read_bytes()
    except FileNotFoundError:
        raise OfferFileError(source, ["no such file"]) from None
    except IsADirectoryError:
        raise OfferFileError(source, ["this is a folder, not a file"]) from None
    except OSError as exc:
        raise OfferFileError(source, [f"can't be read: {exc.strerror or exc}"]) from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise OfferFileError(source, ["not an offer file: it is not UTF-8 text"]) from None
    return parse_offer_file(text, source)


def dump_offer_file(offer_file: OfferFile) -> str:
    """The file's JSON text, numbers written exactly, fields left at None omitted."""
    data = offer_file.model_dump(mode="python", exclude_none=True)
    return to_json(data) + "\n"


def write_offer_file(offer_file: OfferFile, path: str | os.PathLike[str]) -> None:
    """Write whole or not at all, readable by its owner alone (`app.atomic`: the policy and why)."""
    write_text_atomic(path, dump_offer_file(offer_file))


_quote = json.encoder.encode_basestring  # C-accelerated; keeps non-ASCII text as it is (UTF-8 out)


def to_json(value: Any, indent: int = 2) -> str:
    """JSON with Decimals written as exact numbers and dates as YYYY-MM-DD."""
    parts: list[str] = []
    _write(value, indent, 0, parts)
    return "".join(parts)


def _write(value: Any, indent: int, level: int, out: list[str]) -> None:
    if isinstance(value, str):
        out.append(_quote(value))
    elif isinstance(value, bool) or value is None:
        out.append("true" if value is True else "false" if value is False else "null")
    elif isinstance(value, Decimal):
        out.append(decimal_text(value))
    elif isinstance(value, int):
        out.append(str(value))
    elif isinstance(value, dict):
        if not value:
            out.append("{}")
            return
        inner = "\n" + " " * (indent * (level + 1))
        out.append("{")
        for index, (key, item) in enumerate(value.items()):
            out.append(("," if index else "") + inner + _quote(str(key)) + ": ")
            _write(item, indent, level + 1, out)
        out.append("\n" + " " * (indent * level) + "}")
    elif isinstance(value, list | tuple):
        if not value:
            out.append("[]")
        elif all(not isinstance(v, dict | list | tuple) for v in value):
            out.append("[")
            for index, item in enumerate(value):
                if index:
                    out.append(", ")
                _write(item, indent, level + 1, out)
            out.append("]")
        else:
            inner = "\n" + " " * (indent * (level + 1))
            out.append("[")
            for index, item in enumerate(value):
                out.append(("," if index else "") + inner)
                _write(item, indent, level + 1, out)
            out.append("\n" + " " * (indent * level) + "]")
    elif isinstance(value, date):
        out.append(_quote(value.isoformat()))
    elif isinstance(value, float):
        raise TypeError("floats are never written: money and percentages are Decimal")
    else:
        raise TypeError(f"can't write {type(value).__name__} as JSON")


def decimal_text(value: Decimal) -> str:
    """A Decimal as a plain JSON number, digits as given: 172000, 85000.10 (never 1E+3)."""
    return format(value, "f")
