"""Figures written the way the user's locale writes them, and read back the same way (issue 13, item 10).

`ui.format` is Qt-free (the command line uses it too); these tests need no QApplication. Expected
strings are CLDR's conventions written out by hand: "185.000,00 $" in Germany, "1 234,56 €" in France
(a narrow no-break space groups the thousands, a no-break space keeps the symbol with the amount).
"""

from __future__ import annotations

import subprocess
import sys
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from app.parsing import parse_date, parse_money, parse_percent, parse_plain_number
from ui import format as fmt

D = Decimal
NBSP, NNBSP = "\u00a0", "\u202f"
ROOT = Path(__file__).resolve().parents[3]


@pytest.fixture
def locale():
    """Switch the formatter's locale for a test; back to US English after."""
    yield fmt.set_locale
    fmt.set_locale(None)


@pytest.mark.parametrize(
    ("name", "value", "currency", "cents", "expected"),
    [
        ("en_US", "185000", "USD", True, "$185,000.00"),
        ("en_US", "185000", "USD", False, "$185,000"),
        ("de_DE", "185000", "USD", True, f"185.000,00{NBSP}$"),
        ("de_DE", "1234.56", "EUR", False, f"1.234,56{NBSP}€"),
        ("fr_FR", "1234.56", "EUR", False, f"1{NNBSP}234,56{NBSP}€"),
        ("de_CH", "1234.5", "CHF", False, f"CHF{NBSP}1'234.50"),
        ("en_IN", "185000", "INR", False, "₹1,85,000"),
        ("en_US", "1200000", "SEK", False, f"SEK{NBSP}1,200,000"),  # a code never touches the digits
        ("en_US", "-2500", "USD", False, "−$2,500"),
    ],
)
def test_money_in_the_locales_way(locale, name, value, currency, cents, expected):
    locale(name)
    assert fmt.money(D(value), currency, cents=cents) == expected


def test_amounts_always_carry_their_currency(locale):
    locale("de_DE")
    assert fmt.money(D("12000"), "GBP", signed=True) == f"+12.000{NBSP}£"
    assert fmt.money_compact(D("1412344.84"), "USD") == f"1,41{NBSP}Mio.{NBSP}$"
    assert fmt.money_compact(D("250000"), "USD") == f"250.000{NBSP}$"  # no short word for thousands
    assert fmt.currency_affixes("EUR") == ("", f"{NBSP}€")
    locale("en_US")
    assert fmt.currency_affixes("CAD") == ("CA$", "")


@pytest.mark.parametrize(
    ("name", "value", "currency", "cents", "expected"),
    [
        ("en_IN", "18500000", "INR", True, "₹1,85,00,000.00"),  # groups of two above the thousands
        ("en_US", "1234567.89", "USD", False, "$1,234,567.89"),
        ("de_DE", "1234567.89", "EUR", True, f"1.234.567,89{NBSP}€"),
        ("fr_FR", "987654321", "EUR", False, f"987{NNBSP}654{NNBSP}321{NBSP}€"),
        ("en_US", "0.05", "USD", True, "$0.05"),
        ("en_US", "0", "USD", False, "$0"),
        ("en_US", "7", "SEK", False, f"SEK{NBSP}7"),
        ("ja_JP", "1200000", "JPY", False, "￥1,200,000"),
        ("en_US", "1.005", "USD", True, "$1.00"),  # more than cents: rounded half to even, as Babel does
        ("en_US", "1.015", "USD", True, "$1.02"),
    ],
)
def test_money_written_without_babel_reads_as_babel_writes_it(locale, name, value, currency, cents, expected):
    """The money patterns' digits are grouped here, the text around them taken from Babel once."""
    locale(name)
    assert fmt.money(D(value), currency, cents=cents) == expected
    assert fmt.money(-D(value), currency, cents=cents, signed=True) == ("" if D(value) == 0 else "−") + expected


@pytest.mark.parametrize(
    "name", ["en_US", "de_DE", "fr_FR", "de_CH", "en_IN", "ja_JP", "ar_EG", "he_IL", "sv_SE", "hi_IN"]
)
def test_money_agrees_with_babels_own_pattern(locale, name):
    """Every amount the table, the list and the brief write, against Babel's NumberPattern itself."""
    from babel.numbers import parse_pattern

    locale(name)
    conventions = fmt._conventions()
    standard = conventions.locale.currency_formats["standard"].pattern.split(";")[0]
    whole = parse_pattern(standard.replace(".00", ""))
    with_cents = parse_pattern(standard if ".00" in standard else standard + ".00")
    for text in ["0", "1", "12", "999", "1000", "12345", "185000", "1234567", "98765432.1", "0.5", "123456.78"]:
        value = D(text)
        for currency in ("USD", "EUR", "SEK", "INR"):
            for pattern, cents in ((with_cents, True), (whole, False)):
                if not cents and value != value.to_integral_value():
                    continue
                babel = pattern.apply(value, conventions.locale, currency=currency, currency_digits=False)
                assert fmt.money(value, currency, cents=cents) == fmt._spaced(babel, currency, conventions), (
                    name,
                    text,
                    currency,
                    cents,
                )


@pytest.mark.parametrize(
    ("name", "value", "decimals", "expected"),
    [
        ("en_US", "1234567.89", 2, "1,234,567.89"),
        ("en_US", "-0.05", 2, "−0.05"),
        ("en_US", "0", 2, "0.00"),
        ("en_US", "12000", None, "12,000"),
        ("en_US", "12000.5", None, "12,000.5"),
        ("de_DE", "192000", 2, "192.000,00"),
        ("fr_FR", "1234.5", 2, f"1{NNBSP}234,50"),
        ("en_IN", "18500000", 2, "1,85,00,000.00"),  # groups of two above the thousands
        ("de_CH", "1234567.89", 2, "1234567.89"),  # Babel's, left to Babel: its quote mark as a pattern quote
        ("de_CH", "12000", 0, "12'000"),
        ("en_US", "1.005", 2, "1.00"),  # more decimals than asked: rounded half to even, as Babel does
        ("en_US", "1.015", 2, "1.02"),
    ],
)
def test_numbers_in_the_locales_way(locale, name, value, decimals, expected):
    """The command line's table cells (`number(amount, 2)`): the digits grouped here, Babel's way."""
    locale(name)
    assert fmt.number(D(value), decimals) == expected


def test_numbers_agree_with_babels_own_pattern(locale):
    """`number` without Babel writes what Babel's NumberPattern writes, in every 8th CLDR locale and
    those with odd marks, for numbers around each group boundary, with 0, 2 and 3 decimals and as
    many as the value has."""
    from babel.localedata import locale_identifiers
    from babel.numbers import parse_pattern

    values = [D(10) ** digits + offset for digits in range(0, 16, 2) for offset in (-1, 0)]
    values += [D("1000.25"), D("0.5"), D("0.05"), D("123456.789"), D("12345678901234567")]
    names = sorted(locale_identifiers())
    odd = ["de_CH", "de_LI", "en_IN", "hi_IN", "ar_EG", "fa_IR", "ps_AF", "my_MM", "bn_BD", "es_ES", "pl_PL", "fr_CH"]
    fast = 0
    for name in names[::8] + odd:
        locale(name)
        conventions = fmt._conventions()
        for decimals in (0, 2, 3, None):
            for value in values:
                if decimals is not None and value != value.quantize(D(1).scaleb(-decimals)):
                    continue
                places = decimals if decimals is not None else max(0, -value.normalize().as_tuple().exponent)
                pattern = parse_pattern(conventions.number + ("." + "0" * places if places else ""))
                babel = pattern.apply(value, conventions.locale)
                assert fmt.number(value, decimals) == babel, (name, value, decimals)
                assert fmt.number(-value, decimals) == ("−" + babel if value else babel), (name, value, decimals)
        fast += fmt._number_layout(fmt.locale_name(), 2) is not None
    assert fast > 140  # all but the few locales Babel must write (a quote as the group mark)


def test_amounts_written_once_are_rewritten_in_a_new_locale(locale):
    """Amounts are remembered once written (a repaint asks for the same ones again); a locale change
    writes them anew, and an amount written with more zeros reads the same as without."""
    locale("en_US")
    assert fmt.money(D("185000"), "USD") == "$185,000"
    assert fmt.money(D("185000.00"), "USD") == "$185,000"
    assert fmt.money(D("185000"), "USD", cents=True) == "$185,000.00"
    assert fmt.money(D("185000"), "USD", signed=True) == "+$185,000"
    assert fmt.money_compact(D("1412344.84"), "USD") == "$1.41M"
    locale("de_DE")
    assert fmt.money(D("185000"), "USD") == f"185.000{NBSP}$"
    assert fmt.money_compact(D("1412344.84"), "USD") == f"1,41{NBSP}Mio.{NBSP}$"
    locale("en_US")
    assert fmt.money(D("185000"), "USD") == "$185,000"


@pytest.mark.parametrize(
    ("name", "value", "currency", "expected"),
    [
        ("en_US", "0.0125", "USD", "$0.0125"),  # an early-stage strike: every decimal kept
        ("en_US", "4.8", "USD", "$4.80"),  # at least cents
        ("en_US", "12", "USD", "$12.00"),
        ("en_US", "1.123456", "GBP", "£1.123456"),
        ("de_DE", "0.0125", "USD", f"0,0125{NBSP}$"),
        ("de_DE", "1234.5", "EUR", f"1.234,50{NBSP}€"),
    ],
)
def test_a_price_per_share_in_the_locales_way(locale, name, value, currency, expected):
    locale(name)
    assert fmt.per_share(D(value), currency) == expected


def test_dates_and_numbers_in_the_locales_way(locale):
    locale("de_DE")
    assert fmt.day(date(2026, 11, 4)) == "04.11.2026"
    assert fmt.day_long(date(2026, 11, 4)) == "Mi., 4. Nov. 2026"
    assert fmt.percent(D("2.5")) == f"2,5{NBSP}%"
    assert fmt.number(D("12000")) == "12.000"
    assert fmt.date_hint() == "DD.MM.YYYY"
    locale("en_US")
    assert fmt.day(date(2026, 11, 4)) == "11/4/2026"
    assert fmt.date_hint() == "M/D/YYYY"
    locale("C.UTF-8")  # the C locale is read as US English
    assert fmt.locale_name() == "en_US"


def test_an_early_year_keeps_four_digits_so_the_field_reads_it_back(locale):
    # typed "0001/1/1" (a valid ISO-like date): the field rewrote it "1/1/1", which no longer read as a date
    locale("en_US")
    assert fmt.day(date(1, 1, 1)) == "1/1/0001"
    assert parse_date(fmt.day(date(1, 1, 1)), fmt.date_order()) == date(1, 1, 1)
    locale("de_DE")
    assert fmt.day(date(999, 3, 2)) == "02.03.0999"
    assert parse_date(fmt.day(date(999, 3, 2)), fmt.date_order()) == date(999, 3, 2)


def test_typed_the_locales_way_is_read_the_locales_way(locale):
    locale("de_DE")
    marks = fmt.marks()
    assert parse_money("185.000", marks) == D(185000)
    assert parse_money("185.000,50", marks) == D("185000.50")
    assert parse_plain_number("1,085", marks) == D("1.085")  # in the US this is 1,085
    assert parse_percent("2,5", marks) == D("2.5")
    assert parse_date("04.11.2026", fmt.date_order()) == date(2026, 11, 4)
    assert parse_date("4/11/2026", fmt.date_order()) == date(2026, 11, 4)
    locale("en_US")
    marks = fmt.marks()
    assert parse_plain_number("1,085", marks) == D(1085)
    assert parse_date("11/4/2026", fmt.date_order()) == date(2026, 11, 4)
    locale("en_IN")
    assert parse_money("1,85,000", fmt.marks()) == D(185000)
    # what works everywhere still works in every locale
    for name in ("de_DE", "fr_FR", "en_US"):
        locale(name)
        assert parse_money("$185,000", fmt.marks()) == D(185000)
        assert parse_money("185k", fmt.marks()) == D(185000)
        assert parse_date("2026-11-04", fmt.date_order()) == date(2026, 11, 4)


def test_the_formatter_loads_no_qt():
    """The command line formats with it and never imports Qt."""
    code = (
        "import sys, decimal, ui.format; ui.format.set_locale('de_DE'); ui.format.money(decimal.Decimal(1), 'USD');"
        "bad = [m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6')];"
        "print(bad); sys.exit(1 if bad else 0)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_command_lines_tables_follow_the_environments_locale(locale, monkeypatch):
    """The same formatter writes the command line's text tables: 192.000,00 in Germany."""
    import io

    from app.resources import sample_offers_path
    from ui.cli.main import main

    monkeypatch.setenv("LC_ALL", "de_DE.UTF-8")
    out, err = io.StringIO(), io.StringIO()
    assert main(["evaluate", str(sample_offers_path())], out=out, err=err) == 0
    text = out.getvalue()
    assert "192.000,00" in text  # Lumen Health's base salary, year 1
    assert "192,000.00" not in text
    monkeypatch.setenv("LC_ALL", "C.UTF-8")
    out = io.StringIO()
    assert main(["evaluate", str(sample_offers_path())], out=out, err=err) == 0
    assert "192,000.00" in out.getvalue()
