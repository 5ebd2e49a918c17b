"""Offer files: the example file hand-checked, exact export → import, and all-or-nothing reading.

Any file that does not follow the format must raise OfferFileError (listing its problems) and never
any other exception; the example's figures were worked out by hand from the spec. The properties
run on format-1 files and on format-2 files (`strategies.offer_files_v2`); export writes format 2.
"""

from __future__ import annotations

import copy
import json
import re
import stat
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.compensation import figures, year_by_year
from app.files import (
    OfferFileError,
    dump_offer_file,
    parse_offer_file,
    read_offer_file,
    write_offer_file,
)
from app.models import FORMAT, OfferFile, Settings
from app.money import convert
from app.store import Store, StoreError
from tests import strategies
from tests.examples import THREE_OFFERS_JSON
from tests.strategies import json_text

D = Decimal
READS = 'it reads "offer-planner/1" and "offer-planner/2"'

# A copy of ../shared/examples/three-offers.json, so these tests stand on their own.
THREE_OFFERS = THREE_OFFERS_JSON


@pytest.fixture(scope="module")
def example() -> OfferFile:
    return parse_offer_file(THREE_OFFERS, source="three-offers.json")


def by_id(offer_file: OfferFile, ident: str):
    return next(o for o in offer_file.offers if o.id == ident)


# --- the example file, checked by hand -----------------------------------------------------------


def test_example_settings(example: OfferFile) -> None:
    assert example.as_of == date(2026, 11, 20)
    assert example.display_currency == "USD"
    assert example.fx == {"EUR": D("1.08")}
    assert example.horizon_years == 4
    assert [o.id for o in example.offers] == ["northwind", "fabrikam", "contoso"]


def test_example_northwind(example: OfferFile) -> None:
    years = year_by_year(by_id(example, "northwind"), example.horizon_years)
    one, three, four = years[0], years[2], years[3]
    # 172000 base + 17200 bonus + 20000 sign-on + 40000 equity + 6000 benefits = 255200
    assert (one.base, one.bonus, one.sign_on, one.equity, one.benefits, one.one_time) == (
        D("172000.00"), D("17200.00"), D("20000.00"), D("40000.00"), D("6000.00"), D("0.00")
    )
    assert one.total == D("255200.00")
    assert three.base == D("182474.80")  # 172000 × 1.03² = 182474.80
    assert four.base == D("187949.04")  # 172000 × 1.03³ = 187949.0444 → .04
    assert four.bonus == D("18794.90")  # 10 % of 187949.0444 = 18794.90444 → .90
    assert four.total == D("252743.94")  # 187949.04 + 18794.90 + 40000 + 6000
    # 255200 + 240876 + 246722.28 + 252743.94
    assert figures(by_id(example, "northwind"), 4).total == D("995542.22")


def test_example_fabrikam(example: OfferFile) -> None:
    offer = by_id(example, "fabrikam")
    years = year_by_year(offer, 4)
    assert [y.bonus for y in years] == [D("22275.00")] * 4  # 165000 × 15 % × 90 %
    assert [y.equity for y in years] == [D("20000.00"), D("40000.00"), D("60000.00"), D("80000.00")]
    assert [y.sign_on for y in years] == [D("30000.00"), D("15000.00"), D(0), D(0)]
    assert [y.one_time for y in years] == [D("8000.00"), D(0), D(0), D(0)]
    # 165000 + 22275 + 30000 + 20000 + 8000 relocation = 245275
    assert years[0].total == D("245275.00")
    # 245275 + 242275 + 247275 + 267275 = 1002100
    assert [y.total for y in years] == [D("245275.00"), D("242275.00"), D("247275.00"), D("267275.00")]
    assert figures(offer, 4).total == D("1002100.00")


def test_example_contoso_in_its_currency_and_in_dollars(example: OfferFile) -> None:
    offer = by_id(example, "contoso")
    years = year_by_year(offer, 4)
    # 12000 options × (9.5 − 3.2) = 75600 → 18900 a year
    assert [y.equity for y in years] == [D("18900.00")] * 4
    assert [y.total for y in years] == [D("138900.00")] * 4  # 120000 + 18900
    total = figures(offer, 4).total
    assert (offer.currency, total) == ("EUR", D("555600.00"))  # 4 × 138900
    # 555600 × 1.08 = 600048
    assert convert(total, offer.currency, example.display_currency, example.fx) == D("600048.00")
    assert convert(total, offer.currency, example.display_currency, {}) is None  # no rate: never mixed


def test_example_dollar_offers_convert_at_one(example: OfferFile) -> None:
    total = figures(by_id(example, "fabrikam"), 4).total
    assert convert(total, "USD", example.display_currency, example.fx) == D("1002100.00")


def test_example_other_sections(example: OfferFile) -> None:
    northwind = by_id(example, "northwind")
    assert northwind.budget is not None and (northwind.budget.band_min, northwind.budget.band_max) == (
        D(150000), D(190000)
    )
    assert northwind.headcount is not None and northwind.headcount.combinable_roles == 1
    assert northwind.signals.deadline == date(2026, 11, 30)
    assert northwind.goal is not None and northwind.goal.walk_away_total == D(225000)
    assert [e.kind for e in northwind.sorted_timeline()] == [
        "recruiter_screen", "interview", "final_interview", "offer"
    ]
    assert by_id(example, "contoso").stage == "interviewing"
    assert by_id(example, "fabrikam").signals.hiring_manager_responsive is False


# --- export → import -----------------------------------------------------------------------------


def test_example_export_then_import_is_identical(example: OfferFile) -> None:
    text = dump_offer_file(example)
    assert json.loads(text)["format"] == "offer-planner/2"  # a format-1 file is written as format 2
    assert json.loads(text)["fx_base"] == "USD"  # its rates were quoted in its display currency
    assert parse_offer_file(text) == example.model_copy(update={"format": FORMAT})
    assert dump_offer_file(parse_offer_file(text)) == text


def test_export_writes_numbers_exactly() -> None:
    data = json.loads(
        '{"format": "offer-planner/1", "offers": [{"id": "a", "company": "A", "role": "r", '
        '"base_salary": 85000.10, "sign_on": [1E+3, 0.1, 0.2], "relocation": 0.00}]}',
        parse_float=D,
    )
    text = dump_offer_file(OfferFile.model_validate(data))
    assert re.search(r'"base_salary": 85000\.10?,', text)  # trailing zero kept or not, never a float
    assert '"sign_on": [1000, 0.1, 0.2]' in text  # never 1E+3, never 0.30000000000000004-style floats
    assert re.search(r'"relocation": 0(\.00)?,', text)
    assert "E+" not in text and "e+" not in text
    assert parse_offer_file(text).offers[0].base_salary == D("85000.10")


def test_export_writes_dates_and_leaves_out_absent_fields(tmp_path: Path) -> None:
    offers = parse_offer_file(THREE_OFFERS).offers
    with Store.open(tmp_path / "offers.sqlite3") as store:
        store.import_offers(offers)
        store.save_settings(Settings(display_currency="EUR", fx={"USD": D("0.93")}, horizon_years=3))
        offer_file = store.offer_file([offers[2].id], as_of=date(2026, 1, 2))
        # every stored offer, in the user's order, when none is named; an unknown id is named back
        assert [o.id for o in store.offer_file().offers] == [o.id for o in offers]
        assert store.offer_file().as_of == date.today()
        with pytest.raises(StoreError, match="no stored offer has the id 'nope'"):
            store.offer_file(["nope", offers[0].id])
    assert [o.id for o in offer_file.offers] == [offers[2].id]
    data = json.loads(dump_offer_file(offer_file))
    assert data["display_currency"] == "EUR"
    assert data["as_of"] == "2026-01-02"
    assert data["horizon_years"] == 3
    assert data["fx"] == {"USD": 0.93}
    assert data["fx_base"] == "EUR"
    assert "bonus" not in data["offers"][0]  # None is left out, not written as null
    assert "current_job" not in data and "tax" not in data and data["scenarios"] == []
    assert data["offers"][0]["timeline"][0] == {"date": "2026-10-22", "kind": "interview", "note": ""}


def test_an_export_carries_the_settings_file_level_parts(tmp_path: Path) -> None:
    from app.resources import sample_offers_path

    sample = read_offer_file(sample_offers_path())  # format 2: a current job, scenarios, tax, dated rates
    with Store.open(tmp_path / "offers.sqlite3") as store:
        store.import_offers(sample.offers, sample.settings)
        everything = store.offer_file(as_of=date(2026, 11, 21))
        lumen_only = store.offer_file(["sample-lumen"], as_of=date(2026, 11, 21))
    for exported in (everything, lumen_only):
        assert exported.fx_base == "USD" and exported.fx == {"GBP": D("1.27")}
        assert exported.fx_as_of == date(2026, 11, 18)
        assert exported.tax is not None and (exported.tax.year, exported.tax.filing_status) == (2026, "single")
        assert exported.current_job is not None and exported.current_job.company == "Harbor Freight Systems"
        assert [(s.name, s.growth_pct) for s in exported.scenarios] == [
            ("flat", D(0)), ("bear", D(-20)), ("bull", D(15))
        ]
    # Kestrel's own growth in bear and bull goes with Kestrel: a file names only its own offers
    assert [s.offers for s in everything.scenarios] == [{}, {"sample-kestrel": D(-40)}, {"sample-kestrel": D(40)}]
    assert [s.offers for s in lumen_only.scenarios] == [{}, {}, {}]
    assert [o.id for o in lumen_only.offers] == ["sample-lumen"]


def test_write_then_read_a_file(tmp_path: Path, example: OfferFile) -> None:
    target = tmp_path / "offers.json"
    write_offer_file(example, target)
    in_format_2 = example.model_copy(update={"format": FORMAT})
    assert read_offer_file(target) == in_format_2
    assert [p.name for p in tmp_path.iterdir()] == ["offers.json"]  # no temporary file left behind
    assert stat.S_IMODE(target.stat().st_mode) == 0o600  # salaries and notes: the owner's alone (app.atomic)
    write_offer_file(example, target)  # overwriting works too
    assert read_offer_file(target) == in_format_2


def test_reading_a_file_with_a_byte_order_mark(tmp_path: Path) -> None:
    target = tmp_path / "bom.json"
    target.write_bytes(b"\xef\xbb\xbf" + THREE_OFFERS.encode())
    assert len(read_offer_file(target).offers) == 3


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda p: p / "missing.json", "no such file"),
        (lambda p: p, "this is a folder, not a file"),
    ],
)
def test_reading_what_is_not_a_file(tmp_path: Path, make: Any, message: str) -> None:
    with pytest.raises(OfferFileError) as info:
        read_offer_file(make(tmp_path))
    assert [p.message for p in info.value.problems] == [message]


def test_reading_a_file_that_is_not_utf8(tmp_path: Path) -> None:
    target = tmp_path / "latin1.json"
    target.write_bytes('{"format": "offer-planner/1", "offers": [{"company": "Société"}]}'.encode("latin-1"))
    with pytest.raises(OfferFileError) as info:
        read_offer_file(target)
    assert [p.message for p in info.value.problems] == ["not an offer file: it is not UTF-8 text"]
    assert str(info.value).startswith(str(target))  # the report names the file
    assert "not UTF-8" in str(info.value)


# --- files that are not offer files --------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "not valid JSON: Expecting value at line 1, column 1"),
        ('{"format": "offer-planner/1", "offers": [', "not valid JSON: Expecting value at line 1, column 42"),
        ("[1, 2]", "not an offer file: the top level must be a JSON object"),
        ('{"offers": []}', 'not an offer file: there is no "format": "offer-planner/2" key'),
        (
            '{"format": "offer-planner/3", "offers": []}',
            f'format "offer-planner/3" is not one this version reads ({READS})',
        ),
        ('{"format": 1.5}', f"format 1.5 is not one this version reads ({READS})"),
        ('{"format": 1}', f"format 1 is not one this version reads ({READS})"),
        (
            '{"format": {"v": 1.5}}',
            f'format {{"v": "1.5"}} is not one this version reads ({READS})',
        ),
        ('{"format": "offer-planner/1", "offers": [], "fx": {"EUR": NaN}}', "not valid JSON: NaN is not a number"),
        ('{"format": "offer-planner/1", "offers": [], "fx": {"EUR": Infinity}}',
         "not valid JSON: Infinity is not a number"),
        ("[" * 100_000 + "]" * 100_000, "not an offer file: its JSON is nested too deeply"),
    ],
)
def test_not_an_offer_file(text: str, message: str) -> None:
    with pytest.raises(OfferFileError) as info:
        parse_offer_file(text)
    assert [(p.offer, p.field, p.message) for p in info.value.problems] == [(None, "", message)]
    assert str(info.value.problems[0]) == f"file: {message}"


@pytest.mark.parametrize(
    ("after", "message"),
    [
        ("", "not valid JSON: Expecting value at line 1, column 5070"),  # the error after the long number
        ('{"EUR": NaN}}', "not valid JSON: NaN is not a number"),
        ('{"EUR": 1,}}', "not valid JSON: Expecting property name enclosed in double quotes at line 1, column 5080"),
    ],
)
def test_a_number_too_long_for_python_still_reads_up_to_the_next_error(after: str, message: str) -> None:
    """A whole number of 5,000 digits (more than Python makes an int of) is no error of its own: the
    file is read on to its real problem, told as ever."""
    text = '{"format": "offer-planner/2", "offers": [], "horizon_years": ' + "9" * 5000 + ', "fx": ' + after
    with pytest.raises(OfferFileError) as info:
        parse_offer_file(text)
    assert [p.message for p in info.value.problems] == [message]


def test_a_number_too_long_for_python_is_named_by_its_field() -> None:
    text = (
        '{"format": "offer-planner/2", "offers": [{"id": "a", "company": "A", "role": "R", "currency": "USD", '
        '"stage": "offer", "base_salary": ' + "9" * 5000 + "}]}"
    )
    with pytest.raises(OfferFileError) as info:
        parse_offer_file(text)
    [problem] = info.value.problems
    assert (problem.offer, problem.field) == ('"a" (A)', "base_salary")
    assert problem.message.startswith("can't be more than 1,000,000,000,000 (got 9999")


def test_no_offers_key() -> None:
    with pytest.raises(OfferFileError) as info:
        parse_offer_file('{"format": "offer-planner/1"}')
    assert [(p.field, p.message) for p in info.value.problems] == [("offers", "is required")]


def test_an_empty_list_of_offers_is_a_valid_file() -> None:
    assert parse_offer_file('{"format": "offer-planner/1", "offers": []}').offers == []


# --- properties ----------------------------------------------------------------------------------


@given(data=strategies.offer_files())
def test_export_then_import_gives_an_equal_offer_file(data: dict[str, Any]) -> None:
    original = OfferFile.model_validate(data)
    text = dump_offer_file(original)
    again = parse_offer_file(text)
    assert again == original.model_copy(update={"format": FORMAT})
    assert dump_offer_file(again) == text  # and the text is stable


@given(data=strategies.offer_files_v2())
def test_format_2_export_then_import_is_the_identity(data: dict[str, Any]) -> None:
    original = parse_offer_file(json_text(data))
    text = dump_offer_file(original)
    again = parse_offer_file(text)
    assert again == original
    assert dump_offer_file(again) == text  # and the text is stable


MONEY_KEYS = {
    "base_salary", "relocation", "value", "price", "strike", "annual_value", "band_min", "band_max",
    "combinable_budget", "target_amount", "target_total", "walk_away_total", "fmv", "preferred_price",
    "sign_on", "equity_value", "amount",
}

files_with_offers = st.one_of(strategies.offer_files(), strategies.offer_files_v2()).filter(
    lambda d: len(d["offers"]) > 0
)


def nodes(value: Any, path: tuple[Any, ...] = ()) -> list[tuple[tuple[Any, ...], Any]]:
    """Every (path, value) below `value`, depth first."""
    found: list[tuple[tuple[Any, ...], Any]] = []
    items = value.items() if isinstance(value, dict) else enumerate(value) if isinstance(value, list) else []
    for key, child in items:
        found.append(((*path, key), child))
        found.extend(nodes(child, (*path, key)))
    return found


def put(data: Any, path: tuple[Any, ...], new: Any) -> None:
    for key in path[:-1]:
        data = data[key]
    data[path[-1]] = new


def wrong_types(value: Any) -> list[Any]:
    """Replacements of another JSON type that no field of the format accepts in place of `value`."""
    if isinstance(value, bool):
        return [1, 0, "true", [], {}]
    if isinstance(value, int | Decimal):
        return [str(value), True, False, [], {}]
    if isinstance(value, str):
        return [7, D("2.5"), True, [], {}]
    if isinstance(value, dict):
        return [[], "x", 3]
    return [{}, "x", 3]  # a list


@st.composite
def wrongly_typed(draw: st.DrawFn) -> tuple[str, tuple[Any, ...]]:
    data = copy.deepcopy(draw(files_with_offers))
    candidates = [(path, v) for path, v in nodes(data) if path != ("format",)]
    path, value = draw(st.sampled_from(candidates))
    put(data, path, draw(st.sampled_from(wrong_types(value))))
    return json_text(data), path


@st.composite
def negative_money(draw: st.DrawFn) -> tuple[str, tuple[Any, ...]]:
    data = copy.deepcopy(draw(files_with_offers))
    candidates = [
        path for path, v in nodes(data)
        if path[0] in ("offers", "current_job") and not isinstance(v, dict | list)
        and (path[-1] in MONEY_KEYS or (len(path) >= 2 and path[-2] in ("sign_on", "equity_by_year")))
    ]
    if not candidates:
        data["offers"][0]["base_salary"] = 0
        candidates = [("offers", 0, "base_salary")]
    path = draw(st.sampled_from(candidates))
    put(data, path, draw(st.sampled_from([D("-0.01"), -1, -(10**12), D("-85000.10")])))
    return json_text(data), path


@st.composite
def unknown_key(draw: st.DrawFn) -> tuple[str, tuple[Any, ...]]:
    data = copy.deepcopy(draw(files_with_offers))
    objects = [((), data)] + [(path, v) for path, v in nodes(data) if isinstance(v, dict)]
    # a scenario's `offers` is keyed by offer ids: any key there is an id (reported as one), not a field
    objects = [(path, v) for path, v in objects if not (path[:1] == ("scenarios",) and path[-1:] == ("offers",))]
    path, target = draw(st.sampled_from(objects))
    key = "x_" + draw(st.text(st.characters(codec="ascii", categories=("L", "N")), max_size=8))
    target[key] = draw(st.sampled_from([1, "text", None, [], {}]))
    return json_text(data), (*path, key)


@st.composite
def broken_json(draw: st.DrawFn) -> str:
    text = json_text(draw(strategies.offer_files()))
    if draw(st.booleans()):
        return text[: draw(st.integers(0, text.rindex("}") - 1))]  # cut before the closing brace
    return text + draw(st.sampled_from([" x", ",", "{}", "]", "\x00"]))


def assert_reported(text: str) -> OfferFileError:
    with pytest.raises(OfferFileError) as info:
        parse_offer_file(text)
    assert info.value.problems
    assert all(str(problem) for problem in info.value.problems)
    return info.value


def offer_named(error: OfferFileError, path: tuple[Any, ...]) -> None:
    if len(path) >= 2 and path[0] == "offers":
        assert all(p.offer for p in error.problems), "a problem inside an offer names the offer"
    if len(path) >= 2 and path[0] == "current_job":
        assert all(p.place == "current job" for p in error.problems), "a problem in the current job says so"
    if len(path) >= 3 and path[0] == "scenarios":
        assert all((p.place or "").startswith("scenario") for p in error.problems), "a scenario's problem says so"


@given(case=wrongly_typed())
def test_a_wrong_type_anywhere_is_reported(case: tuple[str, tuple[Any, ...]]) -> None:
    text, path = case
    offer_named(assert_reported(text), path)


@given(case=negative_money())
def test_negative_money_anywhere_is_reported(case: tuple[str, tuple[Any, ...]]) -> None:
    text, path = case
    error = assert_reported(text)
    offer_named(error, path)
    assert "can't be negative" in [p.message.split(" (got")[0] for p in error.problems]


@given(case=unknown_key())
def test_an_unknown_key_anywhere_is_reported_by_name(case: tuple[str, tuple[Any, ...]]) -> None:
    text, path = case
    error = assert_reported(text)
    problems = [(p.path, p.message) for p in error.problems]
    if path[0] == "fx":  # among the rates the key is a currency: named as one (its value may be wrong too)
        assert (path, f'"{path[-1]}" is not an ISO 4217 currency code (such as USD, EUR, GBP)') in problems
        assert {p for p, _ in problems} == {path}
    else:  # anywhere else: one problem, at the key, whatever its value
        assert problems == [(path, "is not a field of the offer file format (unknown key)")]
    offer_named(error, path)


@given(text=broken_json())
def test_broken_json_is_reported(text: str) -> None:
    error = assert_reported(text)
    assert error.problems[0].message.startswith("not valid JSON")


@given(text=st.text(max_size=200))
def test_random_text_is_reported(text: str) -> None:
    assert_reported(text)


@given(raw=st.binary(max_size=200))
def test_random_bytes_in_a_file_are_reported(raw: bytes, tmp_path_factory: pytest.TempPathFactory) -> None:
    target = tmp_path_factory.getbasetemp() / "random.json"
    target.write_bytes(raw)
    with pytest.raises(OfferFileError) as info:
        read_offer_file(target)
    assert info.value.problems


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.decimals(allow_nan=False, allow_infinity=False)
    | st.text(max_size=10),
    lambda children: st.lists(children, max_size=3) | st.dictionaries(st.text(max_size=6), children, max_size=3),
    max_leaves=8,
)


@st.composite
def anything_anywhere(draw: st.DrawFn) -> str:
    data = copy.deepcopy(draw(st.one_of(strategies.offer_files(), strategies.offer_files_v2())))
    top = [
        (key,)
        for key in (
            "format", "as_of", "display_currency", "fx", "horizon_years", "offers",
            "fx_base", "fx_as_of", "scenarios", "current_job", "tax",
        )
    ]
    deep = [path for path, _ in nodes(data)]
    path = draw(st.sampled_from(top) | st.sampled_from(deep)) if deep else draw(st.sampled_from(top))
    put(data, path, draw(json_values))
    return json_text(data)


@given(value=json_values.filter(lambda v: v not in ("offer-planner/1", "offer-planner/2")))
def test_any_other_format_value_is_reported(value: Any) -> None:
    text = json_text({"format": value, "offers": []})
    [problem] = assert_reported(text).problems
    assert problem.message.endswith(f"is not one this version reads ({READS})") or (
        value is None and problem.message.startswith("not an offer file")
    )


@given(text=anything_anywhere())
def test_any_value_anywhere_reads_or_is_reported_never_crashes(text: str) -> None:
    try:
        parse_offer_file(text)
    except OfferFileError as error:
        assert error.problems
