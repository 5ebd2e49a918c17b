"""`quick_init`: a frozen dataclass built in one step behaves as the dataclass's own constructor."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field

import pytest

from app.compensation import YearFigures
from app.frozen import quick_init
from app.money import ZERO


@quick_init
@dataclass(frozen=True)
class Sample:
    name: str
    count: int = 3
    tags: tuple[str, ...] = ()
    notes: list[str] = field(default_factory=list)
    fixed: str = field(default="fixed", init=False)
    doubled: int = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "doubled", self.count * 2)


def test_defaults_factories_and_post_init() -> None:
    a = Sample("a")
    assert (a.name, a.count, a.tags, a.notes, a.fixed, a.doubled) == ("a", 3, (), [], "fixed", 6)
    b = Sample("b", 5, ("x",), ["n"])
    assert (b.count, b.tags, b.notes, b.doubled) == (5, ("x",), ["n"], 10)
    assert Sample(name="c", count=1).doubled == 2
    assert Sample("d").notes is not Sample("d").notes  # a new list each time, as default_factory makes


def test_equality_hash_repr_replace_and_frozen_are_the_dataclass_own() -> None:
    a = Sample("a", 2, ("t",))
    assert a == Sample("a", 2, ("t",)) and a != Sample("a", 4, ("t",))
    assert repr(a) == "Sample(name='a', count=2, tags=('t',), notes=[], fixed='fixed')"
    moved = dataclasses.replace(a, count=7)
    assert (moved.count, moved.doubled, moved.tags) == (7, 14, ("t",))
    with pytest.raises(dataclasses.FrozenInstanceError):
        a.count = 9  # type: ignore[misc]
    with pytest.raises(TypeError):
        Sample()  # type: ignore[call-arg]
    with pytest.raises(TypeError):
        Sample("a", bogus=1)  # type: ignore[call-arg]


def test_a_year_adds_up_its_components() -> None:
    from decimal import Decimal

    year = YearFigures(2, Decimal("100.00"), Decimal("10.50"), ZERO, Decimal("40.25"), Decimal("5.00"), ZERO)
    assert year.total == Decimal("155.75")
    assert year.equity_options == ZERO
    assert hash(year) == hash(YearFigures(2, Decimal("100.00"), Decimal("10.50"), ZERO, Decimal("40.25"),
                                          Decimal("5.00"), ZERO))
