"""The arithmetic of `formula` steps: a tiny, closed grammar parsed here, never Python's eval().

    expr    := term (("+" | "-") term)*
    term    := factor (("*" | "/") factor)*
    factor  := ("-" | "+") factor | NUMBER | NAME | FUNC "(" expr ("," expr)* ")" | "(" expr ")"
    FUNC    := min | max | floor | ceil | abs

NUMBER is a decimal literal (`0.42`, `10911.92`), read straight into a Decimal: no binary floating
point ever. NAME is a step of the same file (`taxable_income`), the input `income`, the zone variable
`x` in a zoned formula, or a step of another file in the region's chain, qualified by its region code
(`US.adjusted_gross_income`, `US-NY.taxable_income`): step names are lower case and region codes
upper case, so `US-NY.taxable_income` is one name, never a subtraction.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from decimal import ROUND_CEILING, ROUND_FLOOR, Decimal
from functools import lru_cache
from typing import Any

NAME = r"(?:[A-Z]{2}(?:-[A-Z0-9]+)*\.)?[a-z][a-z0-9_]*"
_TOKEN = re.compile(rf"\s*(?:(?P<number>\d+(?:\.\d+)?)|(?P<name>{NAME})|(?P<op>[-+*/(),]))")

_FUNCTIONS: dict[str, tuple[int, int | None]] = {  # name -> (fewest, most) arguments
    "min": (2, None),
    "max": (2, None),
    "floor": (1, 1),
    "ceil": (1, 1),
    "abs": (1, 1),
}


class FormulaError(ValueError):
    """A formula that does not follow the grammar, said with the position of the problem."""


# A parsed formula is a tree of tuples, kept so the engine can compile it (`app.tax.compiled`):
#   ("number", Decimal) | ("name", str) | ("neg", node) | (op, left, right) for op in + - * /
#   | ("call", func, (node, ...))
Node = tuple[Any, ...]


@dataclass(frozen=True)
class Formula:
    """A parsed formula: its text, the names it reads, its literals, its tree, and how to evaluate it."""

    text: str
    names: frozenset[str]
    literals: tuple[Decimal, ...]
    tree: Node
    _run: Callable[[Mapping[str, Decimal]], Decimal]

    def __call__(self, values: Mapping[str, Decimal]) -> Decimal:
        return self._run(values)


def parse(text: str) -> Formula:
    """Parse `text` once; the result evaluates against a mapping of names to Decimals."""
    return _parse(text)


@lru_cache(maxsize=4096)
def _parse(text: str) -> Formula:
    # cached: a rule file's formulas are parsed when the file is checked and again when a chain is
    # compiled (the Formula is immutable; the text is all it depends on)
    tokens = _tokenize(text)
    parser = _Parser(text, tokens)
    tree = parser.expr()
    if parser.pos != len(tokens):
        raise FormulaError(f"unexpected {tokens[parser.pos][1]!r} in formula {text!r}")
    return Formula(text, frozenset(parser.names), tuple(parser.literals), tree, _closure(tree))


def _tokenize(text: str) -> list[tuple[str, str]]:
    tokens: list[tuple[str, str]] = []
    pos = 0
    text = text.rstrip()
    while pos < len(text):
        match = _TOKEN.match(text, pos)
        if not match:
            raise FormulaError(f"cannot read formula {text!r} at character {pos + 1}: {text[pos:pos + 12]!r}")
        kind = match.lastgroup or ""
        tokens.append((kind, match.group(kind)))
        pos = match.end()
    if not tokens:
        raise FormulaError("empty formula")
    return tokens


Run = Callable[[Mapping[str, Decimal]], Decimal]


class _Parser:
    def __init__(self, text: str, tokens: list[tuple[str, str]]) -> None:
        self.text = text
        self.tokens = tokens
        self.pos = 0
        self.names: set[str] = set()
        self.literals: list[Decimal] = []

    def _peek(self) -> tuple[str, str] | None:
        return self.tokens[self.pos] if self.pos < len(self.tokens) else None

    def _take(self, op: str) -> bool:
        token = self._peek()
        if token == ("op", op):
            self.pos += 1
            return True
        return False

    def _expect(self, op: str) -> None:
        if not self._take(op):
            token = self._peek()
            found = repr(token[1]) if token else "the end"
            raise FormulaError(f"expected {op!r} but found {found} in formula {self.text!r}")

    def expr(self) -> Node:
        node = self.term()
        while True:
            if self._take("+"):
                node = ("+", node, self.term())
            elif self._take("-"):
                node = ("-", node, self.term())
            else:
                return node

    def term(self) -> Node:
        node = self.factor()
        while True:
            if self._take("*"):
                node = ("*", node, self.factor())
            elif self._take("/"):
                node = ("/", node, self.factor())
            else:
                return node

    def factor(self) -> Node:
        if self._take("-"):
            return ("neg", self.factor())
        if self._take("+"):
            return self.factor()
        if self._take("("):
            node = self.expr()
            self._expect(")")
            return node
        token = self._peek()
        if token is None:
            raise FormulaError(f"formula {self.text!r} ends too early")
        kind, value = token
        self.pos += 1
        if kind == "number":
            number = Decimal(value)
            self.literals.append(number)
            return ("number", number)
        if kind == "name":
            if self._peek() == ("op", "("):
                return self._call(value)
            self.names.add(value)
            return ("name", value)
        raise FormulaError(f"unexpected {value!r} in formula {self.text!r}")

    def _call(self, func: str) -> Node:
        if func not in _FUNCTIONS:
            raise FormulaError(f"unknown function {func}() in formula {self.text!r} (known: {', '.join(_FUNCTIONS)})")
        self._expect("(")
        args = [self.expr()]
        while self._take(","):
            args.append(self.expr())
        self._expect(")")
        fewest, most = _FUNCTIONS[func]
        if len(args) < fewest or (most is not None and len(args) > most):
            raise FormulaError(f"{func}() takes {fewest if most == fewest else f'{fewest} or more'} "
                               f"argument(s), not {len(args)}, in formula {self.text!r}")
        return ("call", func, tuple(args))


def _closure(node: Node) -> Run:
    """The tree as nested closures: the reference evaluation (`app.tax.compiled` must agree with it)."""
    kind = node[0]
    if kind == "number":
        number = node[1]
        return lambda v: number
    if kind == "name":
        name = node[1]
        return lambda v: v[name]
    if kind == "neg":
        inner = _closure(node[1])
        return lambda v: -inner(v)
    if kind == "call":
        func, args = node[1], [_closure(arg) for arg in node[2]]
        if func == "min":
            return lambda v: min(a(v) for a in args)
        if func == "max":
            return lambda v: max(a(v) for a in args)
        (arg,) = args
        if func == "floor":
            return lambda v: arg(v).to_integral_value(rounding=ROUND_FLOOR)
        if func == "ceil":
            return lambda v: arg(v).to_integral_value(rounding=ROUND_CEILING)
        return lambda v: abs(arg(v))
    return _BINARY[kind](_closure(node[1]), _closure(node[2]))


def _add(a: Run, b: Run) -> Run:
    return lambda v: a(v) + b(v)


def _sub(a: Run, b: Run) -> Run:
    return lambda v: a(v) - b(v)


def _mul(a: Run, b: Run) -> Run:
    return lambda v: a(v) * b(v)


def _div(a: Run, b: Run) -> Run:
    return lambda v: a(v) / b(v)


_BINARY: dict[str, Callable[[Run, Run], Run]] = {"+": _add, "-": _sub, "*": _mul, "/": _div}
