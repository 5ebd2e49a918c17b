"""Read what people type or paste into money, percent and date fields: "$185,000", "185k", "185 000".

Pure text → value (no arithmetic beyond the k/m multipliers): the forms validate the result with the
pydantic models, so the rules live in one place. Each parser raises `ParseError` with words to show.

The user's locale settles what is ambiguous, and only that: `NumberMarks` says which mark is the
decimal one ("1,085" is 1.085 in Germany, 1085 in the US) and `DateOrder` how a numeric date is
ordered ("11/04/2026" is 4 November in the US, 11 April in Britain). What reads one way everywhere
("$185,000", "85.000,50 €", "2,5 %", "2026-11-04") is read that way in every locale. The ui passes
the locale's marks and order (`ui.format.marks()`, `ui.format.date_order()`); the defaults are US
English's, where a slashed date is refused rather than guessed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Literal

from app.currencies import ISO_4217_CODES

DateOrder = Literal["ymd", "dmy", "mdy"]


@dataclass(frozen=True)
class NumberMarks:
    """A locale's decimal mark and group separator; `group_size` of the groups before the last three
    (2 in India's 1,85,000)."""

    decimal: str = "."
    group: str = ","
    group_size: int = 3


US_MARKS = NumberMarks()


class ParseError(ValueError):
    """The text can't be read as the kind of value the field wants; the message says why."""


_SPACES = re.compile(r"[\s\u00a0\u202f\u2009']+")  # spaces, no-break and thin spaces, apostrophes (1'000)
_CURRENCY_SIGNS = "$€£¥₹₩₽₺₪₫฿₦₴₱"
_MULTIPLIERS = {"k": Decimal(1000), "m": Decimal(1_000_000), "mm": Decimal(1_000_000), "bn": Decimal(10**9)}


def parse_money(text: str, marks: NumberMarks = US_MARKS, symbols: tuple[str, ...] = ()) -> Decimal | None:
    """ "$185,000" · "185k" · "185 000" · "1.2m" · "85.000,50 €" · "USD 120000" · "CA$10" · "$US 100" →
    Decimal; "" → None. `symbols`: how the user's locale writes the field's currency ("kr", "CHF")."""
    raw = text.strip()
    if not raw:
        return None
    value = _without_currency(raw, symbols)
    multiplier = Decimal(1)
    suffix = re.search(r"(?i)(k|mm|m|bn)$", value)
    if suffix:
        multiplier = _MULTIPLIERS[suffix.group(1).lower()]
        value = value[: suffix.start()]
    return _tidy(_number(value, raw, marks, money=True) * multiplier)


def parse_per_share(text: str, marks: NumberMarks = US_MARKS, symbols: tuple[str, ...] = ()) -> Decimal | None:
    """A price per share: "$0.0125" · "1.85" · "1.125" · "1,250.50" → Decimal; "" → None.

    Unlike an amount, a lone "1.125" is one dollar and 12.5 cents (a price has up to six decimals),
    and there is no "k" or "m".
    """
    raw = text.strip()
    if not raw:
        return None
    return _tidy(_number(_without_currency(raw, symbols), raw, marks))


def _tidy(number: Decimal) -> Decimal:
    """185000 rather than 185000.00 or 1.85E+5; the digits of a fraction as they are."""
    if number.adjusted() >= 15:  # past any amount (the models stop at 10^12): too many digits to tidy up
        return number
    return number.quantize(Decimal(1)) if number == number.to_integral_value() else number.normalize()


def _without_currency(raw: str, symbols: tuple[str, ...] = ()) -> str:
    """The number's text without currency signs (and the locale's `symbols` for the field's currency),
    a currency code before or after it, and spaces; a negative number is refused."""
    value = raw
    for symbol in sorted(symbols, key=len, reverse=True):
        value = value.replace(symbol, " ") if symbol else value
    # a sign with letters stuck to it: "CA$", "US$", "R$", "$US", "A$"
    value = re.sub(rf"[A-Za-z]{{1,3}}(?=[{_CURRENCY_SIGNS}])|(?<=[{_CURRENCY_SIGNS}])[A-Za-z]{{1,3}}", "", value)
    for sign in _CURRENCY_SIGNS:
        value = value.replace(sign, "")
    value = value.strip()
    # a currency code before or after the number: "USD 120000", "120000 EUR", "CA$ 10"
    match = re.fullmatch(r"(?i)([a-z]{3})?\s*(.*?)\s*([a-z]{3})?", value)
    if match and not match.group(2) and not any(ch.isdigit() for ch in value):
        raise ParseError(f'"{raw}" is not an amount')
    if match:
        for code in (match.group(1), match.group(3)):
            if code and code.upper() not in ISO_4217_CODES:
                raise ParseError(f'"{raw}" is not an amount (what is "{code}"?)')
        value = match.group(2)
    value = _SPACES.sub("", value)
    if value.startswith(("-", "\u2212")) or (value.startswith("(") and value.endswith(")")):
        raise ParseError("can't be negative")
    return value


def parse_percent(text: str, marks: NumberMarks = US_MARKS) -> Decimal | None:
    """ "15" · "15 %" · "15%" · "2,5 %" → Decimal (15 means 15 %); "" → None."""
    raw = text.strip()
    if not raw:
        return None
    value = _SPACES.sub("", raw).rstrip("%").strip()
    if value.startswith(("-", "\u2212")):
        raise ParseError("can't be negative")
    return _number(value, raw, marks)


def parse_growth(text: str, marks: NumberMarks = US_MARKS) -> Decimal | None:
    """A yearly change that may fall: "-20" · "−20 %" · "+15%" · "2,5" → Decimal (−20 means −20 %); "" → None."""
    raw = text.strip()
    if not raw:
        return None
    value = _SPACES.sub("", raw).rstrip("%").strip()
    sign = Decimal(1)
    if value.startswith(("-", "\u2212")):
        sign, value = Decimal(-1), value[1:]
    elif value.startswith("+"):
        value = value[1:]
    return sign * _number(value, raw, marks)


def parse_plain_number(text: str, marks: NumberMarks = US_MARKS) -> Decimal | None:
    """A count or rate: "12,000" · "1.08" · "0,92" → Decimal; "" → None."""
    raw = text.strip()
    if not raw:
        return None
    value = _SPACES.sub("", raw)
    if value.startswith(("-", "\u2212")):
        raise ParseError("can't be negative")
    return _number(value, raw, marks)


def parse_whole_number(text: str, marks: NumberMarks = US_MARKS) -> int | None:
    """A count that can only be whole: "16,000,000" shares · "90" days → int; "" → None; "2.5" is refused."""
    value = parse_plain_number(text, marks)
    if value is None:
        return None
    if value != value.to_integral_value():
        raise ParseError(f'"{text.strip()}" is not a whole number')
    return int(value)


def _number(value: str, raw: str, marks: NumberMarks, money: bool = False) -> Decimal:
    """Digits with thousands separators and one decimal mark, either "," or "."."""
    if not value or not re.fullmatch(r"[0-9.,]+", value) or not re.search(r"[0-9]", value):
        raise ParseError(f'"{raw}" is not a number')
    dots, commas = value.count("."), value.count(",")
    if dots and commas:
        # the last of the two marks is the decimal one: 1,234.56 or 1.234,56
        decimal_mark = "." if value.rfind(".") > value.rfind(",") else ","
        thousands = "," if decimal_mark == "." else "."
        if value.count(decimal_mark) > 1:
            raise ParseError(f'"{raw}" is not a number')
        value = value.replace(thousands, "").replace(decimal_mark, ".")
    elif commas or dots:
        mark = "," if commas else "."
        parts = value.split(mark)
        grouped = len(parts) > 1 and _grouped(parts, marks if mark == marks.group else US_MARKS)
        if len(parts) > 2 and not grouped:
            raise ParseError(f'"{raw}" is not a number')
        # 185,000 · 1.000.000 — thousands separators; for money a lone "1.500" is 1,500 too, as no amount
        # has three decimals. A rate or a percentage reads a lone group the locale's way: 1.085 in the
        # US, where "." is the decimal mark, 1085 in Germany, where it groups thousands.
        if mark == marks.decimal:
            groups_thousands = False
        elif mark == marks.group:
            groups_thousands = True
        else:
            groups_thousands = mark == ","  # neither of the locale's marks (a French user's "1.085"): as in the US
        if grouped and (len(parts) > 2 or groups_thousands or money):
            value = value.replace(mark, "")
        else:
            value = value.replace(mark, ".")  # 2,5 · 85000.10 · 1.085
    try:
        return Decimal(value)
    except InvalidOperation:
        raise ParseError(f'"{raw}" is not a number') from None


def _grouped(parts: list[str], marks: NumberMarks) -> bool:
    """Whether "1", "850", "000" are groups of digits: three last, `group_size` before (the first may be
    shorter)."""
    *before, last = parts[1:]
    if len(last) != 3 or not 1 <= len(parts[0]) <= max(3, marks.group_size):
        return False
    return all(len(p) == marks.group_size for p in before) and (len(parts) == 2 or len(parts[0]) <= marks.group_size)


_ISO_DATE = re.compile(r"^(?P<y>\d{4})[-/.](?P<m>\d{1,2})[-/.](?P<d>\d{1,2})$")
_DOTTED_DATE = re.compile(r"^(?P<d>\d{1,2})\.(?P<m>\d{1,2})\.(?P<y>\d{4}|\d{2})\.?$")
_NUMERIC_DATE = re.compile(r"^(?P<a>\d{1,2})[-/.](?P<b>\d{1,2})[-/.](?P<y>\d{4}|\d{2})$")


def parse_date(text: str, order: DateOrder | None = None, hint: str = "YYYY-MM-DD") -> date | None:
    """ "2026-11-04" · "2026/11/4" · "4.11.2026" → date, in any locale; "11/04/2026" in the locale's
    `order` ("mdy": 4 November, "dmy": 11 April) and refused without one; "" → None. A two-digit year
    is this century's. `hint` is how the field asks for a date, for the message."""
    raw = text.strip()
    if not raw:
        return None
    match = _ISO_DATE.match(raw)
    if match:
        return _real_date(raw, match["y"], match["m"], match["d"])
    match = _DOTTED_DATE.match(raw)
    if match:  # day.month.year, in every locale that writes dots
        return _real_date(raw, match["y"], match["m"], match["d"])
    match = _NUMERIC_DATE.match(raw)
    if match and order in ("dmy", "mdy"):
        day, month = (match["a"], match["b"]) if order == "dmy" else (match["b"], match["a"])
        return _real_date(raw, match["y"], month, day)
    also = "" if hint == "YYYY-MM-DD" else " or YYYY-MM-DD"
    raise ParseError(f'"{raw}" is not a date: write it as {hint}{also}')


def _real_date(raw: str, year: str, month: str, day: str) -> date:
    try:
        return date(int(year) + (2000 if len(year) == 2 else 0), int(month), int(day))
    except ValueError:
        raise ParseError(f"{raw} is not a real date") from None
