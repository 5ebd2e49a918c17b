"""The offer list's year-1 amounts written without Babel: for the window's first paint.

The list writes each year-1 total with `ui.format.money(value, currency, cents=True)` in the user's
locale. Babel and its locale data cost the first paint more than the rest of its Python (issue 15),
so the real window hands the first paint of the next start what that call does for the user's
locale — its decimal mark, group separator and grouping, and each of the file's currencies' text
before and after the digits (`ui.format.list_money`) — remembered in the settings under
`SETTINGS_KEY`, and `ListMoney.text` writes the amounts from it with string operations alone.
Tests compare the two on many amounts, currencies and locales. When the user's locale or a
currency is not remembered (the first start, a new currency), the first paint uses `ui.format`.

Standard library only: stage one imports this.
"""

from __future__ import annotations

from typing import NamedTuple

SETTINGS_KEY = "first_paint/money"
MINUS = "\u2212"  # as ui.format.MINUS (a test checks)
_FIELD, _ITEM = "\x1f", "\x1e"  # unit and record separators: never in a locale's marks or a symbol
_VERSION = "1"  # of the stored text below


def group_digits(whole: str, group: str, primary: int, secondary: int, min_digits: int = 1) -> str:
    """The integer digits `whole` grouped as a CLDR number pattern groups them: `primary` digits in
    the last group, `secondary` in each before it ("1234567", ",", 3, 2 → "12,34,567"), padded with
    zeros to `min_digits`. ui.format's fast path writes its digits with this too."""
    whole = whole.rjust(min_digits, "0")
    size, groups = primary, []
    while len(whole) > size:
        groups.append(whole[-size:])
        whole, size = whole[:-size], secondary
    return group.join([whole, *reversed(groups)])


class ListMoney(NamedTuple):
    """How `ui.format.money(value, currency, cents=True)` writes amounts in one locale."""

    locale: str  # the locale name the window was given (QLocale.system().name()), as set_locale got it
    decimal: str  # "." or ","
    group: str  # ",", ".", "\u202f"…
    primary: int  # digits in the last group (3)
    secondary: int  # … in the groups before it (3; 2 in India's "12,34,567")
    min_digits: int  # integer digits always written (1: "0.50")
    affixes: dict[str, tuple[str, str]]  # currency → (text before the digits, text after them)

    def text(self, cents: int, currency: str) -> str | None:
        """An amount of `cents` hundredths of `currency`, as the list writes it; None: not known here."""
        affixes = self.affixes.get(currency)
        if affixes is None:
            return None
        digits = str(abs(cents)).rjust(3, "0")
        whole, fraction = digits[:-2], digits[-2:]
        grouped = group_digits(whole, self.group, self.primary, self.secondary, self.min_digits)
        return (MINUS if cents < 0 else "") + affixes[0] + grouped + self.decimal + fraction + affixes[1]

    def dumps(self) -> str:
        head = [_VERSION, self.locale, self.decimal, self.group, str(self.primary), str(self.secondary),
                str(self.min_digits)]
        items = (_FIELD.join((code, *pair)) for code, pair in sorted(self.affixes.items()))
        return _ITEM.join([_FIELD.join(head), *items])

    @classmethod
    def loads(cls, text: object) -> ListMoney | None:
        """What `dumps` wrote; None for anything else (no setting yet, another version, damage)."""
        if not isinstance(text, str):
            return None
        try:
            head, *items = text.split(_ITEM)
            version, locale, decimal, group, primary, secondary, min_digits = head.split(_FIELD)
            if version != _VERSION:
                return None
            affixes = {}
            for item in items:
                code, before, after = item.split(_FIELD)
                affixes[code] = (before, after)
            money = cls(locale, decimal, group, int(primary), int(secondary), int(min_digits), affixes)
        except ValueError:
            return None
        return money if money.primary > 0 and money.secondary > 0 and 0 <= money.min_digits <= 40 else None
