"""What people type or paste into money, percent and date fields is read as they meant it."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from app.parsing import (
    NumberMarks,
    ParseError,
    parse_date,
    parse_growth,
    parse_money,
    parse_per_share,
    parse_percent,
    parse_plain_number,
    parse_whole_number,
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("$185,000", "185000"),
        ("185k", "185000"),
        ("185K", "185000"),
        ("185 000", "185000"),
        ("185\u00a0000", "185000"),  # a no-break space, as spreadsheets paste it
        ("1.2m", "1200000"),
        ("0.5k", "500"),
        ("85.000,50 €", "85000.50"),
        ("1,234.56", "1234.56"),
        ("USD 120000", "120000"),
        ("120000 EUR", "120000"),
        ("£1,000,000", "1000000"),
        ("85000.10", "85000.10"),
        ("1.500", "1500"),  # no amount has three decimals: a lone group is thousands
        ("2,5", "2.5"),
        ("  42  ", "42"),
    ],
)
def test_money_as_people_write_it(text, expected):
    assert parse_money(text) == Decimal(expected)


def test_empty_money_is_none():
    assert parse_money("") is None
    assert parse_money("   ") is None


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("-5", "negative"),
        ("abc", "not an amount"),
        ("USD", "not an amount"),
        ("12,34,56", "not a number"),
        ("1.2.3,4,5", "not a number"),
        ("$", "not an amount"),
    ],
)
def test_money_that_is_not_money_says_why(text, words):
    with pytest.raises(ParseError, match=words):
        parse_money(text)


def test_percent_and_rates():
    assert parse_percent("15 %") == Decimal(15)
    assert parse_percent("2,5%") == Decimal("2.5")
    assert parse_plain_number("1.085") == Decimal("1.085")  # a rate keeps its three decimals
    assert parse_plain_number("12,000") == Decimal(12000)
    with pytest.raises(ParseError):
        parse_percent("-3")


def test_dates():
    assert parse_date("2026-11-04") == date(2026, 11, 4)
    assert parse_date("2026/11/4") == date(2026, 11, 4)
    assert parse_date("4.11.2026") == date(2026, 11, 4)
    assert parse_date("") is None
    with pytest.raises(ParseError, match="not a real date"):
        parse_date("2026-02-30")
    with pytest.raises(ParseError, match="YYYY-MM-DD"):
        parse_date("11/04/2026")  # ambiguous: refused rather than guessed


@pytest.mark.parametrize(
    ("text", "symbols", "expected"),
    [
        ("CA$10,000", (), "10000"),  # a sign with letters stuck to it, as CLDR writes many
        ("$US 100", (), "100"),  # France's US dollar
        ("R$ 1.000,00", (), "1000.00"),
        ("10 kr", ("kr",), "10"),  # Sweden writes SEK as "kr": the field says which symbol is its own
    ],
)
def test_money_with_the_symbol_a_locale_writes(text, symbols, expected):
    assert parse_money(text, symbols=symbols) == Decimal(expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [("0.0125", "0.0125"), ("$1.125", "1.125"), ("USD 4.80", "4.8"), ("1,250.50", "1250.5"), ("1,250", "1250"),
     ("12", "12"), ("", None)],
)
def test_a_price_per_share_keeps_its_decimals(text: str, expected: str | None) -> None:
    assert parse_per_share(text) == (None if expected is None else Decimal(expected))


@pytest.mark.parametrize(
    ("text", "marks", "expected"),
    [
        ("-20", None, Decimal(-20)),
        ("\u221220 %", None, Decimal(-20)),  # the minus sign the app writes
        ("+15%", None, Decimal(15)),
        ("0", None, Decimal(0)),
        ("2,5", NumberMarks(decimal=",", group="."), Decimal("2.5")),
        ("", None, None),
    ],
)
def test_a_growth_may_be_negative(text, marks, expected):
    assert parse_growth(text, marks or NumberMarks()) == expected


def test_a_growth_that_is_not_a_number_says_why():
    with pytest.raises(ParseError, match='"abc" is not a number'):
        parse_growth("abc")


@pytest.mark.parametrize(
    ("text", "expected"), [("16,000,000", 16_000_000), ("90", 90), ("  120 ", 120), ("1,000", 1000), ("", None)]
)
def test_a_whole_number_is_an_int(text: str, expected: int | None) -> None:
    value = parse_whole_number(text)
    assert value == expected and (value is None or type(value) is int)


@pytest.mark.parametrize(
    ("text", "words"), [("2.5", "not a whole number"), ("-3", "negative"), ("ten", "not a number")]
)
def test_a_whole_number_that_is_not_says_why(text: str, words: str) -> None:
    with pytest.raises(ParseError, match=words):
        parse_whole_number(text)
