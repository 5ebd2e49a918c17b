"""Display formatting of what `app/` computes — money, numbers, percentages, dates — the way the
user's locale writes them: "$185,000.00" in the US, "185.000,00 $" in Germany, "185 000,00 $US" in France.

One formatter for every screen, the PDF brief and the command line's tables, and it never imports Qt:
the command line must not load it. The locale data is CLDR's, through Babel (the same tables Qt and
the operating systems use), so no currency symbol or separator is written by hand here. Each
composition root says once which locale to follow (`set_locale`): the window passes the system
locale as Qt reads it (the OS region settings on macOS and Windows), the command line the
environment's (LC_ALL, LC_NUMERIC, LANG).

Only formatting lives here (no arithmetic): the digits shown are exactly the Decimal the domain gave,
never passed through float. Whole units are shown only for whole amounts, so nothing is rounded away;
a table that mixes both passes `cents=True` for every cell (`needs_cents`), so one table shows one
precision.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal, localcontext
from functools import lru_cache
from typing import NamedTuple

from babel import Locale, UnknownLocaleError
from babel.dates import format_date, format_skeleton
from babel.numbers import (
    NumberPattern,
    format_compact_currency,
    get_currency_symbol,
    get_decimal_symbol,
    get_group_symbol,
    parse_pattern,
)

from app.parsing import DateOrder, NumberMarks
from ui.list_money import ListMoney, group_digits

MINUS = "\u2212"  # a real minus sign: it lines up with "+" and is not read as a hyphen
DEFAULT_LOCALE = "en_US"
DASH = "—"  # no figure


@dataclass(frozen=True)
class _Conventions:
    """What one locale needs for our figures, read from CLDR once and kept."""

    locale: Locale
    money_cents: NumberPattern  # the locale's currency pattern with two decimals
    money_whole: NumberPattern  # … and with none
    number: str  # the locale's decimal pattern without decimals ("#,##0", "#,##,##0")
    marks: NumberMarks
    date_order: DateOrder
    date_pattern: str  # short numeric date with a four-digit year: "dd.MM.yyyy", "M/d/yyyy"
    symbol_first: bool  # "$185,000" (True) or "185.000 $" (False)
    symbol_gap: str  # what separates the symbol from the digits in the locale's pattern ("" or a space)


_current: _Conventions | None = None
_current_name = DEFAULT_LOCALE
# the order of day, month and year in a locale's short date pattern; ISO's when the pattern is odd
_DATE_ORDERS: dict[str, DateOrder] = {"dmy": "dmy", "mdy": "mdy", "ymd": "ymd"}


def set_locale(name: str | None) -> str:
    """Follow the locale `name` ("de_DE", "fr-FR", "de_DE.UTF-8"); unknown, empty, "C" or "POSIX":
    US English, the app's own language. Returns the locale now used."""
    global _current, _current_name
    _current_name = _normalized(name)
    _current = None  # read when first needed: a start that formats nothing pays nothing
    _written.clear()  # what was written in the old locale
    return _current_name


def locale_name() -> str:
    return _current_name


def _normalized(name: str | None) -> str:
    text = (name or "").split(".")[0].split("@")[0].replace("-", "_")
    if not text or text in ("C", "POSIX") or text.startswith("en_US_POSIX"):
        return DEFAULT_LOCALE
    try:
        return str(Locale.parse(text))
    except (ValueError, UnknownLocaleError):
        return DEFAULT_LOCALE


def _conventions() -> _Conventions:
    global _current
    if _current is None:
        _current = _read_conventions(_current_name)
    return _current


@lru_cache(maxsize=8)
def _read_conventions(name: str) -> _Conventions:
    locale = Locale.parse(name)
    currency = locale.currency_formats["standard"].pattern.split(";")[0]
    decimal = locale.decimal_formats[None].pattern.split(";")[0]
    number = re.sub(r"\.[#0]+", "", decimal)
    short = locale.date_formats["short"].pattern
    four_digit_year = re.sub(r"y+", "yyyy", short)  # "y" alone writes year 1 as "1", which no field reads back
    positions = sorted((four_digit_year.find(letter), letter) for letter in "dMy")
    order = "".join({"d": "d", "M": "m", "y": "y"}[letter] for _, letter in positions)
    symbol_at = currency.find("¤")
    digits_at = re.search(r"[#0]", currency)
    symbol_first = digits_at is None or symbol_at < digits_at.start()
    around = currency[symbol_at + 1 : symbol_at + 2] if symbol_first else currency[symbol_at - 1 : symbol_at]
    return _Conventions(
        locale=locale,
        money_cents=parse_pattern(re.sub(r"\.0+", ".00", currency) if "." in currency else currency + ".00"),
        money_whole=parse_pattern(re.sub(r"\.0+", "", currency)),
        number=number,
        marks=NumberMarks(
            decimal=get_decimal_symbol(locale),
            group=get_group_symbol(locale),
            group_size=parse_pattern(number).grouping[1],
        ),
        date_order=_DATE_ORDERS.get(order, "ymd"),
        date_pattern=four_digit_year,
        symbol_first=symbol_first,
        symbol_gap=around if around.isspace() else "",
    )


# --- what the parsers need ---------------------------------------------------------------------


def marks() -> NumberMarks:
    """The locale's decimal mark and group separator, for reading typed numbers the same way."""
    return _conventions().marks


def date_order() -> DateOrder:
    """The order of day, month and year in the locale's numeric dates ("dmy" in Germany)."""
    return _conventions().date_order


def date_hint() -> str:
    """The locale's numeric date as a pattern for a field's placeholder: "DD.MM.YYYY", "M/D/YYYY"."""
    pattern = _conventions().date_pattern
    return re.sub(r"y+", "YYYY", pattern).replace("d", "D")


# --- money ---------------------------------------------------------------------------------------


def money(value: Decimal | None, currency: str, *, cents: bool = False, signed: bool = False) -> str:
    """185000 USD → "$185,000" (en_US), "185.000 $" (de_DE); with cents (or when the value has cents)
    "$185,000.00". None → "—". `signed` puts "+" before a positive value (differences)."""
    if value is None:
        return DASH
    return _remembered(_money, value, currency, cents, signed)


def _money(value: Decimal, currency: str, cents: bool, signed: bool) -> str:
    conventions = _conventions()
    whole = not cents and value == value.to_integral_value()
    digits = _plain_digits(abs(value), whole, conventions)
    affixes = _money_affixes(_current_name, currency, whole) if digits is not None else None
    if digits is not None and affixes is not None:
        return _sign(value, signed) + affixes[0] + digits + affixes[1]
    pattern = conventions.money_whole if whole else conventions.money_cents
    with _digits_for(value):
        text = pattern.apply(abs(value), conventions.locale, currency=currency, currency_digits=False)
    text = _spaced(text, currency, conventions)
    return _sign(value, signed) + text


def list_money(name: str, currencies: Iterable[str]) -> ListMoney | None:
    """What `money(value, currency, cents=True)` does in the current locale, for the first paint of
    the next start to write the list's amounts without Babel (ui.list_money); `name` is the locale
    name this one was set from.

    None when the current locale is not `name`'s, and where string operations can't write the same
    text: a group separator "'" (Switzerland's, in Babel's data), which Babel's pattern takes for a
    quote and partly removes ("CHF 1234567.89"), so the list's text is not the grouped digits."""
    if _normalized(name) != _current_name:
        return None  # (the window was told another locale than `name`)
    conventions = _conventions()
    pattern = conventions.money_cents
    group = get_group_symbol(conventions.locale)
    one = "1" + conventions.marks.decimal + "00"
    affixes = {}
    for currency in sorted(set(currencies)):
        before, found, after = money(Decimal("1.00"), currency, cents=True).partition(one)
        if found:
            affixes[currency] = (before, after)
    if "'" in group + conventions.marks.decimal + "".join(before + after for before, after in affixes.values()):
        return None
    return ListMoney(name, conventions.marks.decimal, group, pattern.grouping[0], pattern.grouping[1],
                     pattern.int_prec[0], affixes)


# Babel writes an amount in ~0.1 ms: its pattern is re-read, its symbols looked up and its digits
# grouped on every call. The two money patterns only ever put the same text around the digits, so
# that text is taken from Babel once per locale and currency (`_money_affixes`) and the digits are
# grouped here exactly as Babel's NumberPattern groups them (`_plain_digits`). Amounts Babel would
# round (more than two decimals) or that need a wider decimal context (over 20 digits) go to Babel.
_PLAIN_LIMIT = 20  # digits before the mark; more goes through Babel in its own decimal context


def _plain_digits(magnitude: Decimal, whole: bool, conventions: _Conventions) -> str | None:
    """The digits of a non-negative amount as the money pattern writes them ("185,000.00"), or None
    when Babel must write it."""
    if not magnitude.is_finite() or magnitude.adjusted() >= _PLAIN_LIMIT:
        return None
    exponent = magnitude.as_tuple().exponent
    if not whole and isinstance(exponent, int) and exponent < -2 and magnitude != magnitude.quantize(_CENT):
        return None  # Babel rounds it (half to even): its rule, not repeated here
    pattern = conventions.money_whole if whole else conventions.money_cents
    integer, _, fraction = f"{magnitude.quantize(_ONE if whole else _CENT):f}".partition(".")
    grouped = group_digits(integer, conventions.marks.group, pattern.grouping[0], pattern.grouping[1],
                           pattern.int_prec[0])
    return grouped + ("" if whole else conventions.marks.decimal + fraction)


_ONE, _CENT = Decimal(1), Decimal("0.01")
_QUANTA = tuple(Decimal(1).scaleb(-places) for places in range(7))  # 1, 0.1, … 0.000001


class _NumberLayout(NamedTuple):
    """How one locale's number pattern with a number of decimals writes a number (`_number_layout`)."""

    before: str  # the text before the digits (nothing, in the locales we know)
    after: str  # … and after them
    group: str  # the group mark
    decimal: str  # the decimal mark
    primary: int  # digits in the last group (3)
    secondary: int  # … in each group before it (3; 2 in India's "12,34,567")
    min_digits: int  # integer digits always written (1: "0.50")
    # Python's "," and "." → the locale's, where Python's grouping is the locale's ({}: the same marks)
    marks: dict[int, str] | None


def _plain_number(magnitude: Decimal, decimals: int) -> str | None:
    """A non-negative number as `number` writes it with `decimals` digits after the mark ("185,000.00")
    without Babel, as `_plain_digits` writes money: the digits grouped here, the text around them
    taken from Babel once per locale (`_number_layout`). None when Babel must write it: it would
    round it (more decimals than asked), it is too long, or the locale's pattern is one grouping
    can't copy. (The command line's tables write ~90,000 numbers for 1,000 offers.)"""
    if decimals >= len(_QUANTA) or not magnitude.is_finite() or magnitude.adjusted() >= _PLAIN_LIMIT:
        return None
    try:
        layout = _number_layouts[(_current_name, decimals)]
    except KeyError:
        layout = _number_layouts[(_current_name, decimals)] = _number_layout(_current_name, decimals)
    if layout is None:
        return None
    rounded = magnitude.quantize(_QUANTA[decimals])
    if rounded != magnitude:
        return None  # Babel rounds it (half to even): its rule, not repeated here
    return _laid_out(rounded, layout)


def _laid_out(rounded: Decimal, layout: _NumberLayout) -> str:
    """The digits of a non-negative number already rounded to the layout's decimals, laid out."""
    marks = layout.marks
    if marks is not None:  # groups of three: Python's own grouping, its marks swapped for the locale's
        text = format(rounded, ",f")
        return layout.before + (text.translate(marks) if marks else text) + layout.after
    integer, _, fraction = str(rounded).partition(".")  # (no exponent: at most 20 digits, 6 decimals)
    grouped = group_digits(integer, layout.group, layout.primary, layout.secondary, layout.min_digits)
    return layout.before + grouped + (layout.decimal + fraction if fraction else "") + layout.after


_number_layouts: dict[tuple[str, int], _NumberLayout | None] = {}  # by (locale name, decimals)


def _number_layout(name: str, decimals: int) -> _NumberLayout | None:
    """How the locale `name`'s number pattern with `decimals` decimals writes numbers: the text Babel
    writes before and after the digits, read from its own output, and the marks and grouping, checked
    against Babel on three numbers; None when they don't agree, or the pattern is one Babel treats
    specially (then Babel writes every number)."""
    conventions = _read_conventions(name)
    pattern = _number_pattern(conventions.number, decimals)
    if pattern.exp_prec or "@" in pattern.pattern or pattern.scale or "'" in pattern.pattern:
        return None
    group, decimal = conventions.marks.group, conventions.marks.decimal
    if "'" in group + decimal:
        return None  # Babel takes a quote in its output for a quote of its pattern (as in `list_money`)
    primary, secondary, min_digits = pattern.grouping[0], pattern.grouping[1], pattern.int_prec[0]
    python_grouping = primary == secondary == 3 and min_digits == 1
    marks = None
    if python_grouping:  # (Python's own marks: nothing to swap)
        marks = {} if (group, decimal) == (",", ".") else str.maketrans({",": group, ".": decimal})
    plain = _NumberLayout("", "", group, decimal, primary, secondary, min_digits, marks)
    grouped = _NumberLayout("", "", group, decimal, primary, secondary, min_digits, None)

    def babel(value: Decimal) -> str:
        with _digits_for(value):
            return pattern.apply(value, conventions.locale)

    samples = [Decimal(whole).quantize(_QUANTA[decimals]) + Decimal(fraction).scaleb(-decimals)
               for whole, fraction in (("1234567", "1" * decimals or "0"), ("0", "5" if decimals else "0"),
                                       ("12", "0"))]
    digits = _laid_out(samples[0], grouped)
    before, found, after = babel(samples[0]).partition(digits)
    if not found or digits in before + after:
        return None
    layout = plain._replace(before=before, after=after)
    for sample in samples:
        if babel(sample) != _laid_out(sample, layout) or _laid_out(sample, layout) != _laid_out(
            sample, layout._replace(marks=None)
        ):
            return None
    return layout


@lru_cache(maxsize=256)
def _money_affixes(name: str, currency: str, whole: bool) -> tuple[str, str] | None:
    """What the locale `name` writes before and after the digits of an amount in `currency`, read
    from Babel's own output (with the currency spacing), and checked against Babel on two amounts;
    None when they don't agree (then Babel writes every amount)."""
    conventions = _read_conventions(name)
    pattern = conventions.money_whole if whole else conventions.money_cents

    def babel(value: Decimal) -> str:
        with _digits_for(value):
            text = pattern.apply(value, conventions.locale, currency=currency, currency_digits=False)
        return _spaced(text, currency, conventions)

    sample = Decimal(1) if whole else Decimal("1.00")
    digits = _plain_digits(sample, whole, conventions)
    before, found, after = babel(sample).partition(digits or "?")
    if not found or (digits or "") in before + after:
        return None
    for check in (Decimal("1234567") if whole else Decimal("1234567.89"), Decimal(0) if whole else Decimal("0.05")):
        if babel(check) != before + str(_plain_digits(check, whole, conventions)) + after:
            return None
    return before, after


def per_share(value: Decimal | None, currency: str) -> str:
    """A price per share with its currency, every decimal it has (two to six, never rounded):
    0.0125 USD → "$0.0125", 4.8 → "$4.80" (en_US); "0,0125 $" in Germany. None → "—"."""
    if value is None:
        return DASH
    exponent = value.normalize().as_tuple().exponent
    places = min(max(-exponent if isinstance(exponent, int) else 2, 2), 6)
    conventions = _conventions()
    pattern = _money_pattern(_current_name, places)
    with _digits_for(value):
        text = pattern.apply(abs(value), conventions.locale, currency=currency, currency_digits=False)
    return _sign(value, False) + _spaced(text, currency, conventions)


@lru_cache(maxsize=32)
def _money_pattern(name: str, decimals: int) -> NumberPattern:
    """The locale's currency pattern with exactly `decimals` digits after the mark."""
    currency = Locale.parse(name).currency_formats["standard"].pattern.split(";")[0]
    zeros = "." + "0" * decimals
    return parse_pattern(re.sub(r"\.0+", zeros, currency) if "." in currency else currency + zeros)


def needs_cents(values: Iterable[Decimal | None]) -> bool:
    """Whether any amount of a table has cents: then every cell of it shows cents (one precision)."""
    return any(v is not None and v != v.to_integral_value() for v in values)


def money_plain(value: Decimal | None) -> str:
    """An amount for an edit field: 185000 → "185,000" / "185.000" (no symbol; cents only if any)."""
    if value is None:
        return ""
    return number(value, decimals=0 if value == value.to_integral_value() else 2)


def currency_symbol(currency: str) -> str:
    """The symbol the locale writes for a currency: "$", "€", "CA$", "£", "CHF"."""
    return get_currency_symbol(currency, _conventions().locale)


def currency_affixes(currency: str) -> tuple[str, str]:
    """(before, after) the digits of an amount in this locale: ("$", "") in the US, ("", " $") in
    Germany — for an input field that shows its currency beside what is typed."""
    conventions = _conventions()
    symbol = currency_symbol(currency)
    gap = conventions.symbol_gap or ("\u00a0" if _letter_edge(symbol, conventions.symbol_first) else "")
    return (symbol + gap, "") if conventions.symbol_first else ("", gap + symbol)


def money_compact(value: Decimal | None, currency: str) -> str:
    """A short label for chart axes and summaries: 250000 USD → "$250K", 1412344.84 → "$1.41M"
    ("1,41 Mio. $" in Germany). Three significant digits at most, rounded half up (a label, not a
    figure: tables show `money`)."""
    if value is None:
        return DASH
    magnitude = abs(value)
    if magnitude >= 1:
        # three significant digits first, so 999,999 reads "$1M", not "$1000K"
        magnitude = magnitude.quantize(Decimal(1).scaleb(magnitude.adjusted() - 2), rounding=ROUND_HALF_UP)
    else:
        magnitude = magnitude.quantize(Decimal(1), rounding=ROUND_HALF_UP)
    # remembered by the rounded amount: $185,000 and $185,001 are both "$185K", written once
    text = _remembered(_compact_magnitude, magnitude, currency)
    return (MINUS if value < 0 and magnitude != 0 else "") + text


def _compact_magnitude(magnitude: Decimal, currency: str) -> str:
    conventions = _conventions()
    with _digits_for(magnitude):
        text = format_compact_currency(magnitude, currency, locale=conventions.locale, fraction_digits=2)
    # a locale without a short form for thousands writes "250000 $": group the digits then
    grouped = re.search(r"\d{5,}", text)
    return money(magnitude, currency) if grouped else _spaced(text, currency, conventions)


# --- numbers, percentages, dates -----------------------------------------------------------------


def number(value: Decimal | None, decimals: int | None = None) -> str:
    """A count or amount with the locale's grouping: 12000 → "12,000"; `decimals` fixes the digits
    after the mark, else as many as the value has (no rounding)."""
    if value is None:
        return ""
    conventions = _conventions()
    if decimals is None:
        exponent = value.normalize().as_tuple().exponent
        decimals = max(0, -exponent) if isinstance(exponent, int) else 0
    digits = _plain_number(abs(value), decimals)
    if digits is not None:
        return (MINUS if value < 0 else "") + digits
    with _digits_for(value):
        text = _number_pattern(conventions.number, decimals).apply(abs(value), conventions.locale)
    return (MINUS if value < 0 else "") + text


def per_share_plain(value: Decimal | None) -> str:
    """A price per share for an edit field: every decimal it has (up to six), at least cents: 0.0125, 4.80."""
    if value is None:
        return ""
    if value == value.to_integral_value():
        return money_plain(value)
    exponent = value.normalize().as_tuple().exponent
    places = -exponent if isinstance(exponent, int) else 2
    return number(value, decimals=min(max(places, 2), 6))


def number_plain(value: Decimal | None) -> str:
    """A count, rate or percentage as typed, with the locale's decimal mark: 2.5 → "2.5" / "2,5";
    12000 → "12000" (no grouping, no rounding)."""
    if value is None:
        return ""
    text = format(value.normalize(), "f")
    point = _conventions().marks.decimal
    return text.replace("-", MINUS).replace(".", point)


def percent(value: Decimal | None) -> str:
    """15 → "15 %", 2.5 → "2,5 %" in Germany (the value is already in percent)."""
    return DASH if value is None else f"{number_plain(value)}\u00a0%"


def percent_signed(value: Decimal | None) -> str:
    """A growth or change: 15 → "+15 %", −20 → "−20 %", 0 → "0 %"."""
    if value is None:
        return DASH
    return ("+" if value > 0 else "") + percent(value)


def day(value: date | None) -> str:
    """A date as the locale writes it in numbers, with a four-digit year: "11/4/2026", "04.11.2026"."""
    if value is None:
        return ""
    conventions = _conventions()
    return format_date(value, conventions.date_pattern, locale=conventions.locale)


def day_long(value: date) -> str:
    """A date in words with its weekday: "Wed, Nov 4, 2026", "Mi., 4. Nov. 2026"."""
    return format_skeleton("yMMMEd", value, locale=_conventions().locale)


def month_short(value: date) -> str:
    """A month's short name: "Nov", "Nov." (de), "nov." (fr)."""
    return format_date(value, "MMM", locale=_conventions().locale)


# --- helpers -------------------------------------------------------------------------------------

# Amounts already written in the current locale, by (how, value, currency, options). Babel takes
# ~0.1 ms an amount, and a repaint asks for the same few hundred again (the compare table's cells,
# the charts' descriptions and axes, the list's rows, the brief's tables): each is written once.
# The key is the value's number (Decimal("1.0") == Decimal("1")), which is all the text depends on:
# the patterns round by value and `money` tells whole from cents by value. Emptied by `set_locale`,
# and when it grows past _WRITTEN_MAX (a long session of edits: old figures are not asked again).
_written: dict[tuple, str] = {}
_WRITTEN_MAX = 20_000


def _remembered(write: Callable[..., str], value: Decimal, *args: object) -> str:
    key = (write, value, *args)
    try:
        text = _written.get(key)
    except TypeError:  # a signalling NaN has no hash: written every time (never a figure anyway)
        return write(value, *args)
    if text is None:
        text = write(value, *args)
        if len(_written) >= _WRITTEN_MAX:
            _written.clear()
        _written[key] = text
    return text


def _digits_for(value: Decimal):
    """A decimal context with room for every digit of `value` (a pasted 400-digit amount is shown,
    marked as too large by the model, never a crash in the formatting)."""
    return localcontext(prec=max(28, abs(value.adjusted()) + len(value.as_tuple().digits) + 8))


@lru_cache(maxsize=32)
def _number_pattern(pattern: str, decimals: int) -> NumberPattern:
    return parse_pattern(pattern + ("." + "0" * decimals if decimals else ""))


def _sign(value: Decimal, signed: bool) -> str:
    if value < 0:
        return MINUS
    return "+" if signed and value > 0 else ""


def _letter_edge(symbol: str, symbol_first: bool) -> bool:
    edge = symbol[-1:] if symbol_first else symbol[:1]
    return edge.isalpha()


def _spaced(text: str, currency: str, conventions: _Conventions) -> str:
    """CLDR's currency spacing, which Babel leaves out: a symbol ending in a letter is kept apart
    from the digits ("SEK 1,200", not "SEK1,200"); "$1,200" stays as it is."""
    symbol = get_currency_symbol(currency, conventions.locale)
    if not symbol or (not symbol[-1:].isalpha() and not symbol[:1].isalpha()):
        return text
    if conventions.symbol_first and symbol[-1:].isalpha():
        return re.sub(rf"^({re.escape(symbol)})(?=\d)", "\\1\u00a0", text)
    if not conventions.symbol_first and symbol[:1].isalpha():
        return re.sub(rf"(?<=\d)({re.escape(symbol)})$", "\u00a0\\1", text)
    return text
