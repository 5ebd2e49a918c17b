"""Frozen dataclasses built in one step, for the value objects made by the thousand.

A frozen dataclass's generated `__init__` sets each field through `object.__setattr__`, one call per
field (its `__setattr__` refuses them otherwise). `evaluate` of 1,000 offers builds ~60,000 such
objects (a year's figures, an ask, a lever, a line of evidence): their constructors were ~12 % of
its time. `quick_init` gives a frozen dataclass an `__init__` with the same signature, defaults and
`__post_init__` that sets the instance's whole dict in one call. Everything else — equality, hash,
repr, `replace`, the refusal to change a field — is the dataclass's own.
"""

from __future__ import annotations

from dataclasses import MISSING, fields, is_dataclass
from typing import Any, TypeVar

T = TypeVar("T")

_FACTORY = object()  # the default of a field with a default_factory: make one per instance


def quick_init(cls: type[T]) -> type[T]:
    """`cls` (a frozen dataclass: fields without kw_only or InitVar) with the one-step `__init__`."""
    assert is_dataclass(cls) and cls.__dataclass_params__.frozen  # type: ignore[attr-defined]
    names: dict[str, Any] = {"_set": object.__setattr__, "_FACTORY": _FACTORY}
    params: list[str] = []
    items: list[str] = []
    for f in fields(cls):
        assert not f.kw_only, f"{cls.__name__}.{f.name}: kw_only fields are not supported"
        if f.default is not MISSING:
            names[f"_default_{f.name}"] = f.default
            value = f"_default_{f.name}"
        elif f.default_factory is not MISSING:
            names[f"_factory_{f.name}"] = f.default_factory
            value = "_FACTORY"
        else:
            value = ""
        if f.init:
            params.append(f"{f.name}={value}" if value else f.name)
            item = f"_factory_{f.name}() if {f.name} is _FACTORY else {f.name}" if value == "_FACTORY" else f.name
        elif value == "_FACTORY":
            item = f"_factory_{f.name}()"
        elif value:
            item = value
        else:
            continue  # set by __post_init__, as the dataclass's own __init__ leaves it
        items.append(f"{f.name!r}: {item}")
    post = "\n    self.__post_init__()" if hasattr(cls, "__post_init__") else ""
    source = f"def __init__(self, {', '.join(params)}):\n    _set(self, '__dict__', {{{', '.join(items)}}}){post}\n"
    exec(source, names)  # generated from the class's own field names, as dataclasses does
    init = names["__init__"]
    init.__qualname__ = f"{cls.__qualname__}.__init__"
    init.__doc__ = cls.__init__.__doc__
    cls.__init__ = init  # type: ignore[method-assign]
    return cls
