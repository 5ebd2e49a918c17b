"""Read and write offer files: reads format 1 and 2, writes format 2; all-or-nothing import, exact numbers.

Numbers are read as Decimal (never through float) and written back digit for digit, so an export
followed by an import gives models equal to the ones exported.

A format-1 file is read with the meaning format 1 gave it: its rates are quoted in its display
currency (`fx_base` = `display_currency`), its per-share prices keep format 1's two decimals, and a
format-2 key in it is an error that says so (nothing is ignored silently).
"""

from __future__ import annotations

import functools
import json
import os
import re
from collections.abc import Iterable
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from app.atomic import write_text_atomic
from app.errors import Problem, describe_input, offer_label, problems_from
from app.models import (
    FORMAT,
    FORMAT_1,
    FORMAT_1_NAME,
    FORMATS,
    OPTION_DETAILS,
    STORED,
    Offer,
    OfferFile,
    Settings,
)

# Keys format 2 added, by place: in a format-1 file each is an error naming it.
_FORMAT_2_TOP = ("fx_base", "fx_as_of", "scenarios", "current_job", "tax")
_FORMAT_2_OFFER = ("tax_region", "start_date", "sign_on_repayment", "negotiation")


class OfferFileError(Exception):
    """A file that can't be read as an offer file; `problems` lists every problem found."""

    def __init__(self, source: str, problems: list[Problem] | list[str]):
        self.source = source
        self.problems = [p if isinstance(p, Problem) else Problem((), "", p) for p in problems]
        super().__init__(self.report())

    def report(self) -> str:
        count = len(self.problems)
        first = self.problems[0] if self.problems else None
        if count == 1 and first is not None and not (first.field or first.offer or first.place):
            return f"{self.source}: {self.problems[0].message}"
        head = f"{self.source}: {count} problem{'s' if count != 1 else ''}, nothing was read"
        return "\n".join([head, *(f"  - {p}" for p in self.problems)])


def parse_offer_file(text: str, source: str = "offer file") -> OfferFile:
    """Validate the text of an offer file; raise OfferFileError naming every problem."""
    try:
        data = _loads(text)
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
    if _may_hold_lone_surrogate(text) and _has_lone_surrogate(data):
        raise OfferFileError(source, ["some text holds a broken character (a lone UTF-16 surrogate such as "
                                      "\\ud800): fix the text in the file and import it again"])
    fmt = data.get("format")
    reads = " and ".join(f'"{name}"' for name in FORMATS)
    if fmt is None:
        raise OfferFileError(source, [f'not an offer file: there is no "format": "{FORMAT}" key'])
    if fmt not in FORMATS:
        raise OfferFileError(
            source,
            [f"format {describe_input(fmt)} is not one this version reads (it reads {reads})"],
        )
    context = FORMAT_1 if fmt == FORMAT_1_NAME else None
    problems = _format_2_keys(data) if context is not None else []
    try:
        offer_file = OfferFile.model_validate(data, context=context)
    except ValidationError as exc:
        problems += problems_from(exc, data)
    if problems:
        raise OfferFileError(source, problems)
    return offer_file


def _format_2_keys(data: dict[str, Any]) -> list[Problem]:
    """Every key of format 2 in a format-1 file, named with where it is (format 1 had no such key)."""
    hint = f'a key of format 2: to use it, make the file "format": "{FORMAT}"'
    found = [Problem((key,), key, hint) for key in _FORMAT_2_TOP if key in data]
    offers = data.get("offers")
    if isinstance(offers, list):
        for index, raw in enumerate(offers):
            if not isinstance(raw, dict):
                continue
            label = offer_label(raw, index)
            found += [Problem(("offers", index, key), key, hint, offer=label) for key in _FORMAT_2_OFFER if key in raw]
            grants = raw.get("equity")
            if isinstance(grants, list):
                for g, grant in enumerate(grants):
                    if isinstance(grant, dict):
                        found += [
                            Problem(("offers", index, "equity", g, key), f"equity[{g}].{key}", hint, offer=label)
                            for key in OPTION_DETAILS
                            if key in grant
                        ]
    return found


def _loads(text: str) -> Any:
    """The file's JSON, numbers exact: decimals as Decimal, whole numbers as int (an int of more
    digits than Python makes one of as a Decimal, `_parse_int`).

    Read first with the C scanner's own ints (a Python call for each of a file's ~25,000 whole numbers
    cost ~40 % of the reading); a file that fails in any other way than as invalid JSON is read again
    as it always was, so a too-long number, NaN or any other error is told exactly as before (the
    scanner stops at the first of them, and nothing before it differs)."""
    try:
        return json.loads(text, parse_float=Decimal, parse_constant=_reject_constant)
    except json.JSONDecodeError:
        raise
    except ValueError:
        return json.loads(text, parse_float=Decimal, parse_int=_parse_int, parse_constant=_reject_constant)


def _parse_int(text: str) -> int | Decimal:
    """Python won't make an int of more than 4300 digits; such a number is out of every range anyway,
    so keep it as a Decimal and let validation name the field it was given for."""
    return int(text) if len(text) <= 4000 else Decimal(text)


_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89abcdefABCDEF]")


def _may_hold_lone_surrogate(text: str) -> bool:
    """Cheap test before walking the parsed data: a lone surrogate comes from the text itself or from
    a \\udXXX escape in it; text with neither can't hold one."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return _SURROGATE_ESCAPE.search(text) is not None


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


def offer_file_for(offers: Iterable[Offer], settings: Settings, *, as_of: date | None = None) -> OfferFile:
    """A format-2 file of these offers with the file-level parts of `settings`.

    A scenario's entry for an offer that is not among `offers` (deleted, or left out of an export)
    is dropped: a file names only its own offers.
    """
    offer_list = list(offers)
    ids = {offer.id for offer in offer_list}
    scenarios = [
        s.model_copy(update={"offers": {k: v for k, v in s.offers.items() if k in ids}})
        if any(i not in ids for i in s.offers)
        else s
        for s in settings.scenarios
    ]
    return OfferFile(
        format=FORMAT,
        as_of=as_of or date.today(),
        display_currency=settings.display_currency,
        fx_base=settings.base_currency,
        fx=dict(settings.fx),
        fx_as_of=settings.fx_as_of,
        horizon_years=settings.horizon_years,
        scenarios=scenarios,
        current_job=settings.current_job,
        tax=settings.tax,
        offers=offer_list,
    )


def merge_file_parts(settings: Settings, offer_file: OfferFile) -> tuple[Settings, tuple[str, ...]]:
    """The settings with the file-level parts of an imported file that the settings don't have yet.

    Nothing the user already has is replaced or reinterpreted: the current job, the scenarios and
    the tax settings are taken only when the settings have none; the rates (with their `fx_base`
    and `fx_as_of`) only when the settings have no rate at all, so an existing rate never changes
    meaning. The display currency and the horizon stay the user's. Returns the new settings and
    what was taken, in words ("the current job", "3 scenarios", "the exchange rates", …).
    """
    update: dict[str, Any] = {}
    taken: list[str] = []
    if settings.current_job is None and offer_file.current_job is not None:
        update["current_job"] = offer_file.current_job
        taken.append("the current job")
    if not settings.scenarios and offer_file.scenarios:
        update["scenarios"] = offer_file.scenarios
        count = len(offer_file.scenarios)
        taken.append(f"{count} scenario{'s' if count != 1 else ''}")
    if settings.tax is None and offer_file.tax is not None:
        update["tax"] = offer_file.tax
        taken.append("the tax settings")
    if not settings.fx and offer_file.fx:
        update.update(fx_base=offer_file.fx_base, fx=dict(offer_file.fx), fx_as_of=offer_file.fx_as_of)
        taken.append("the exchange rates")
    if not update:
        return settings, ()
    # what the user already has was accepted when it was saved: never refused here for a later rule
    return Settings.model_validate({**settings.model_dump(), **update}, context=STORED), tuple(taken)


def dump_offer_file(offer_file: OfferFile) -> str:
    """The file's JSON text in format 2 (a format-1 file read in is written as format 2), numbers
    written exactly, fields left at None omitted."""
    data = offer_file.model_dump(mode="python", exclude_none=True)
    data["format"] = FORMAT
    return to_json(data) + "\n"


def write_offer_file(offer_file: OfferFile, path: str | os.PathLike[str]) -> None:
    """Write whole or not at all, readable by its owner alone (`app.atomic`: the policy and why)."""
    write_text_atomic(path, dump_offer_file(offer_file))


# --- writing JSON --------------------------------------------------------------------------------
#
# The layout: two-space indents, `"key": value`, a list of plain values (numbers, text, dates) on one
# line (`"years_pct": [25, 25, 25, 25]`), Decimals as plain numbers digit for digit (172000.00, never
# 1.72E+5), text as UTF-8 (not \u-escaped) with JSON's escapes for quotes, backslashes and control
# characters. msgspec (C) encodes and indents; one regular expression puts plain lists on one line.
# `_write` is the same layout in Python: the reference the tests hold msgspec's output to, and the
# writer for the rare value msgspec would write with an exponent (a Decimal such as 1E+3).
# msgspec writes a float as a number where `_write` refused one; no float reaches either (the models
# and the figures are Decimal, and a test walks the evaluate output for floats).

# a string (no raw newline inside; written as an unrolled loop, which the regex engine runs ~3x
# faster over long sentences), a number or a literal
_SCALAR = rb'(?:"[^"\\\n]*(?:\\.[^"\\\n]*)*"|[^\s\[\]{},"]+)'
_PLAIN_LIST = re.compile(rb"\[\n +(" + _SCALAR + rb"(?:,\n +" + _SCALAR + rb")*)\n *\]")
_ITEM_BREAK = re.compile(rb",\n +")
_EXPONENT = re.compile(rb"[0-9]E[-+]?[0-9]")


def _one_line(match: re.Match[bytes]) -> bytes:
    return b"[" + _ITEM_BREAK.sub(b", ", match.group(1)) + b"]"


@functools.cache
def _msgspec_json() -> tuple[Any, Any]:
    """msgspec's encoder and formatter, imported on first use (the window's start doesn't need them)."""
    import msgspec

    return msgspec.json.Encoder(decimal_format="number").encode, msgspec.json.format  # Decimal: str(Decimal)


def to_json(value: Any, indent: int = 2) -> str:
    """JSON with Decimals written as exact numbers and dates as YYYY-MM-DD (the layout above)."""
    return to_json_bytes(value, indent).decode("utf-8")


def to_json_bytes(value: Any, indent: int = 2) -> bytes:
    """`to_json` as UTF-8 bytes, for a caller that writes them out as they are (no decoding)."""
    encode, format_json = _msgspec_json()
    compact = encode(value)
    # str(Decimal) writes 1E+3 for a 1e3 read from a file; that is a valid number but not the digits
    # we write (1000): let the reference writer do those rare values ("E+"/"E-" in text only costs time).
    if (b"E+" in compact or b"E-" in compact) and _EXPONENT.search(compact):
        return to_json_reference(value, indent).encode("utf-8")
    formatted: bytes = _PLAIN_LIST.sub(_one_line, format_json(compact, indent=indent))
    return formatted


_quote = json.encoder.encode_basestring  # C-accelerated; keeps non-ASCII text as it is (UTF-8 out)


def to_json_reference(value: Any, indent: int = 2) -> str:
    """The same JSON as `to_json`, written in Python: the reference for tests, and exponent values."""
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
