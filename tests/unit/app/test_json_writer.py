"""The JSON writer (msgspec) writes exactly what the hand-written writer wrote, byte for byte.

`to_json` is what `export`, `evaluate --json` and `list --json` print; `to_json_reference` is the
writer it replaced, kept as the reference. Both must agree on every file a user can have: the
examples, generated files, and text with every hostile character (quotes, backslashes, control
characters, line separators, emoji, right-to-left marks).
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal as D
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.files import (
    OfferFileError,
    dump_offer_file,
    parse_offer_file,
    read_offer_file,
    to_json,
    to_json_reference,
)
from app.models import OfferFile
from app.report import evaluate, evaluate_json, money_json
from app.resources import sample_offers_path
from tests import strategies
from tests.examples import THREE_OFFERS_JSON

PROPERTY = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def test_the_layout_written_out() -> None:
    value = {
        "name": 'Tab\there, "quoted", back\\slash, line\nbreak, \x01, é, 😀',
        "money": [D("172000.00"), D("85000.10"), D("0.00"), 7],
        "nested": [{"a": [], "b": {}}, [1, 2]],
        "empty": [],
        "flags": [True, False, None],
        "day": date(2026, 11, 20),
        "big": D("1E+3"),
    }
    expected = (
        "{\n"
        '  "name": "Tab\\there, \\"quoted\\", back\\\\slash, line\\nbreak, \\u0001, é, 😀",\n'
        '  "money": [172000.00, 85000.10, 0.00, 7],\n'
        '  "nested": [\n'
        "    {\n"
        '      "a": [],\n'
        '      "b": {}\n'
        "    },\n"
        "    [1, 2]\n"
        "  ],\n"
        '  "empty": [],\n'
        '  "flags": [true, false, null],\n'
        '  "day": "2026-11-20",\n'
        '  "big": 1000\n'
        "}"
    )
    assert to_json(value) == expected
    assert to_json_reference(value) == expected


def _same(value: Any) -> None:
    assert to_json(value) == to_json_reference(value)


def test_the_example_and_the_samples_export_and_evaluate_the_same() -> None:
    for offer_file in (parse_offer_file(THREE_OFFERS_JSON), read_offer_file(sample_offers_path())):
        _same(offer_file.model_dump(mode="python", exclude_none=True))
        _same(money_json(evaluate(offer_file)))


def _floats(value: Any) -> list[float]:
    if isinstance(value, float):
        return [value]
    if isinstance(value, dict):
        return [f for v in value.values() for f in _floats(v)]
    if isinstance(value, list | tuple):
        return [f for v in value for f in _floats(v)]
    return []


def test_no_float_reaches_the_writer() -> None:
    """msgspec would write a float; the old writer refused one. Money and percentages are Decimal."""
    offer_file = read_offer_file(sample_offers_path())
    assert _floats(money_json(evaluate(offer_file))) == []
    assert _floats(offer_file.model_dump(mode="python", exclude_none=True)) == []


@PROPERTY
@given(data=strategies.offer_files())
def test_generated_files_export_and_evaluate_the_same(data: dict[str, Any]) -> None:
    offer_file = OfferFile.model_validate(data)
    _same(offer_file.model_dump(mode="python", exclude_none=True))
    rounded = money_json(evaluate(offer_file))
    _same(rounded)
    # `evaluate --json` builds the rounded object in one pass: the same JSON, byte for byte
    assert to_json(evaluate_json(offer_file)) == to_json(rounded)
    text = dump_offer_file(offer_file)
    assert dump_offer_file(parse_offer_file(text)) == text  # written, read back, written the same


# every character but lone surrogates (which no file can hold: reading one is refused)
hostile_text = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=30)
hostile_text |= st.sampled_from(
    ['"', "\\", "\\u0000", "\x00", "\x1f", "\x7f", "\u2028\u2029", "\u200f\u202e", "[1,\n  2]", "1E+3", "\ufeff"]
)
# digits and an exponent (str() writes some with E+, some plain), plus the shapes files hold
decimals = st.builds(lambda digits, exponent: D(digits).scaleb(exponent), st.integers(-(10**20), 10**20),
                     st.integers(-12, 12)) | st.sampled_from(
    [D("1E+3"), D("1.0E+5"), D("0E-2"), D("-0"), D("1E-7"), D("0.000001"), D("85000.10")]
)
scalars = hostile_text | decimals | st.integers() | st.booleans() | st.none() | st.dates()
values = st.recursive(
    scalars,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(hostile_text, inner, max_size=4),
    max_leaves=25,
)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(value=values)
def test_any_value_with_hostile_text_is_written_the_same(value: Any) -> None:
    _same(value)


@pytest.mark.parametrize(
    ("text", "notes"),
    [
        ('"notes": "\\ud800 alone"', None),  # an escape for half a character: refused
        ('"notes": "\\uDFFF"', None),
        ('"n\\udc00otes": ""', None),  # in a key
        ('"notes": "\ud800"', None),  # the character itself in the text (only a str can hold one)
        ('"notes": "\\\\ud800 is how JSON writes it"', "\\ud800 is how JSON writes it"),  # a backslash, letters
        ('"notes": "\\ud83d\\ude00"', "😀"),  # a whole pair
    ],
)
def test_a_file_with_half_a_character_is_refused(text: str, notes: str | None) -> None:
    """Text that could never be written back as UTF-8 is refused when read; anything else reads."""
    source = '{"format": "offer-planner/1", "offers": [{"company": "A", "role": "r", ' + text + "}]}"
    if notes is None:
        with pytest.raises(OfferFileError, match="lone UTF-16 surrogate"):
            parse_offer_file(source)
    else:
        assert parse_offer_file(source).offers[0].notes == notes
