"""Read what people type or paste into money, percent and date fields: "$185,000", "185k", "185 000".

Pure text → value (no arithmetic beyond the k/m multipliers): the forms validate the result with the
pydantic models, so the rules live in one place. Each parser raises `ParseError` with words to show.
"""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal, InvalidOperation

from app.currencies import ISO_4217_CODES


class ParseError(ValueError):
    """The text can't be read as the kind of value the field wants; the message says why."""


_SPACES = re.compile(r"[\s\u00a0\u202f\u2009']+")  # spaces, no-break and thin spaces, apostrophes (1'000)
_CURRENCY_SIGNS = "$€£¥₹₩₽₺₪₫฿₦₴₱"
_MULTIPLIERS = {"k": Decimal(1000), "m": Decimal(1_000_000), "mm": Decimal(1_000_000), "bn": Decimal(10**9)}


def parse_money(text: str) -> Decimal | None:
    """ "$185,000" · "185k" · "185 000" · "1.2m" · "85.000,50 €" · "USD 120000" → Decimal; "" → None."""
    raw = text.strip()
    if not raw:
        return None
    value = _without_currency(raw)
    multiplier = Decimal(1)
    suffix = re.search(r"(?i)(k|mm|m|bn)$", value)
    if suffix:
        multiplier = _MULTIPLIERS[suffix.group(1).lower()]
        value = value[: suffix.start()]
    return _tidy(_number(value, raw, money=True) * multiplier)


def parse_per_share(text: str) -> Decimal | None:
    """A price per share: "$0.0125" · "1.85" · "1.125" · "1,250.50" → Decimal; "" → None.

    Unlike an amount, a lone "1.125" is one dollar and 12.5 cents (a price has up to six decimals),
    and there is no "k" or "m".
    """
    raw = text.strip()
    if not raw:
        return None
    return _tidy(_number(_without_currency(raw), raw))


def _tidy(number: Decimal) -> Decimal:
    """185000 rather than 185000.00 or 1.85E+5; the digits of a fraction as they are."""
    if number.adjusted() >= 15:  # past any amount (the models stop at 10^12): too many digits to tidy up
        return number
    return number.quantize(Decimal(1)) if number == number.to_integral_value() else number.normalize()


def _without_currency(raw: str) -> str:
    """The number's text without currency signs, a currency code before or after it, and spaces;
    a negative number is refused."""
    value = raw
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
    if value.startswith("-") or (value.startswith("(") and value.endswith(")")):
        raise ParseError("can't be negative")
    return value


def parse_percent(text: str) -> Decimal | None:
    """ "15" · "15 %" · "15%" · "2,5 %" → Decimal (15 means 15 %); "" → None."""
    raw = text.strip()
    if not raw:
        return None
    value = _SPACES.sub("", raw).rstrip("%").strip()
    if value.startswith("-"):
        raise ParseError("can't be negative")
    return _number(value, raw)


def parse_plain_number(text: str) -> Decimal | None:
    """A count or rate: "12,000" · "1.08" · "0,92" → Decimal; "" → None."""
    raw = text.strip()
    if not raw:
        return None
    value = _SPACES.sub("", raw)
    if value.startswith("-"):
        raise ParseError("can't be negative")
    return _number(value, raw)


def _number(value: str, raw: str, money: bool = False) -> Decimal:
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
        grouped = len(parts) > 1 and all(len(p) == 3 for p in parts[1:]) and 1 <= len(parts[0]) <= 3
        if len(parts) > 2 and not grouped:
            raise ParseError(f'"{raw}" is not a number')
        # 185,000 · 1.000.000 — thousands separators; for money a lone "1.500" is 1,500 too, as no amount
        # has three decimals (in a rate or a percentage it stays 1.5)
        if grouped and (len(parts) > 2 or mark == "," or money):
            value = value.replace(mark, "")
        else:
            value = value.replace(mark, ".")  # 2,5 · 85000.10 · 1.085
    try:
        return Decimal(value)
    except InvalidOperation:
        raise ParseError(f'"{raw}" is not a number') from None


_DATE_FORMATS = (
    re.compile(r"^(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})$"),
    re.compile(r"^(?P<y>\d{4})/(?P<m>\d{1,2})/(?P<d>\d{1,2})$"),
    re.compile(r"^(?P<d>\d{1,2})\.(?P<m>\d{1,2})\.(?P<y>\d{4})$"),
)


def parse_date(text: str) -> date | None:
    """ "2026-11-04" · "2026/11/4" · "4.11.2026" → date; "" → None. Ambiguous 11/04/2026 is refused."""
    raw = text.strip()
    if not raw:
        return None
    for pattern in _DATE_FORMATS:
        match = pattern.match(raw)
        if match:
            try:
                return date(int(match["y"]), int(match["m"]), int(match["d"]))
            except ValueError:
                raise ParseError(f"{raw} is not a real date") from None
    raise ParseError(f'"{raw}" is not a date: write it as YYYY-MM-DD')
