"""The offer file, format 2 (it still reads format 1), as pydantic models. Every rule of
../shared/spec/offer-file.md lives here.

Messages are written for people: custom errors carry plain words, and `app.errors` turns any
`ValidationError` into problems that name the place (an offer, the current job, a scenario), the
field and what is wrong.

Validation modes (pydantic's validation `context`, see `FORMAT_1` and `STORED`):
- default: format 2, what forms, files and the store write (per-share prices 0..1,000,000 with six
  decimals, exchange rates with six decimals);
- `FORMAT_1`: a format-1 file, read with the meaning format 1 gave it (per-share prices are money:
  two decimals, up to 1,000,000,000,000; rates with any number of decimals);
- `STORED`: what the data file already holds is never refused for a rule added later (per-share
  prices up to 1,000,000,000,000 with six decimals, rates with any number of decimals).

File-level parts (`Settings`): the display currency, `fx_base` and its rates, `fx_as_of`, the
horizon, the scenarios, the current job and the tax settings are everything of an offer file but its
offers; the store keeps them with the app's own settings (rubric, paper).
"""

from __future__ import annotations

import hashlib
import math
import re
import uuid
from collections.abc import Callable
from datetime import date
from decimal import MAX_EMAX, MIN_EMIN, Context, Decimal
from typing import Annotated, Any, Literal, get_args

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    GetCoreSchemaHandler,
    StrictBool,
    StrictInt,
    StringConstraints,
    ValidationInfo,
    model_validator,
)
from pydantic_core import CoreSchema, PydanticCustomError, core_schema

from app.currencies import ISO_4217_CODES
from app.rubric import DEFAULT_RUBRIC, Rubric

FORMAT: Literal["offer-planner/2"] = "offer-planner/2"  # what the app writes
FORMAT_1_NAME: Literal["offer-planner/1"] = "offer-planner/1"
FORMATS: tuple[str, ...] = (FORMAT_1_NAME, FORMAT)  # what it reads
MONEY_MAX = Decimal(10) ** 12
PER_SHARE_MAX = Decimal(10) ** 6
CENT = Decimal("0.01")

# Validation contexts (see the module docstring): `Model.model_validate(data, context=FORMAT_1)`.
FORMAT_1: dict[str, str] = {"mode": "format1"}
STORED: dict[str, str] = {"mode": "stored"}

Stage = Literal["interviewing", "offer", "negotiating", "accepted", "declined", "withdrawn"]
STAGES: tuple[str, ...] = get_args(Stage)
EventKind = Literal[
    "applied",
    "recruiter_screen",
    "interview",
    "final_interview",
    "feedback",
    "offer",
    "counter",
    "response",
    "follow_up",
]
EVENT_KINDS: tuple[str, ...] = get_args(EventKind)
Frequency = Literal["monthly", "quarterly", "annual"]
Paper = Literal["auto", "A4", "Letter"]  # the brief's paper; "auto" follows the locale
BandSource = Literal["posting", "recruiter", "estimate"]
GrantKind = Literal["rsu", "option"]
Side = Literal["candidate", "company"]
FilingStatus = Literal["single", "married_joint", "head_of_household"]
FILING_STATUSES: tuple[str, ...] = get_args(FilingStatus)
DEFAULT_EXERCISE_WINDOW_DAYS = 90


# --- scalar types -------------------------------------------------------------------------------


def _number(value: Any) -> Decimal:
    """Accept JSON numbers (int, float, Decimal), never text or booleans, and make them exact."""
    kind = type(value)
    if kind is Decimal:  # what a file's decimals are read as (the usual case: checked first, same result)
        decimal: Decimal = value
        if decimal.is_finite():
            return decimal
        raise PydanticCustomError("not_a_number", "must be a finite number")
    if kind is int:  # a file's whole numbers (not a bool: its type is bool)
        return Decimal(value)
    if isinstance(value, bool) or not isinstance(value, int | float | Decimal):
        raise PydanticCustomError("not_a_number", "must be a number")
    if isinstance(value, float):
        if not math.isfinite(value):
            raise PydanticCustomError("not_a_number", "must be a finite number")
        # repr gives the shortest text that reads back as this float: 85000.1, not 85000.100000000005…
        number = Decimal(repr(value))
    else:
        number = Decimal(value)  # an int, or already a Decimal (returned as it is)
    if not number.is_finite():
        raise PydanticCustomError("not_a_number", "must be a finite number")
    return number


def _decimal_places(value: Decimal) -> int:
    exponent = value.as_tuple().exponent
    if isinstance(exponent, int) and exponent >= -2:
        return -exponent if exponent < 0 else 0  # as written: 185000, 85000.1, 85000.10 (the usual case)
    # normalize() in a context wide enough for every digit of `value`: the default context (28 digits)
    # would round 1.0000000000000000000000000001 to 1 and let its 28 decimal places through.
    wide = Context(prec=max(len(value.as_tuple().digits), 1), Emin=MIN_EMIN, Emax=MAX_EMAX)
    exponent = value.normalize(wide).as_tuple().exponent
    return -exponent if isinstance(exponent, int) and exponent < 0 else 0


_PLACES = {2: Decimal("0.01"), 6: Decimal("0.000001")}
# wide enough that quantizing a number below 10**40 to 10**-6 never needs more digits than it has
_QUANTIZE = Context(prec=60, Emin=MIN_EMIN, Emax=MAX_EMAX)


def _over_places(value: Decimal, places: int) -> bool:
    """`_decimal_places(value) > places`, without taking the number apart (as_tuple, normalize).

    The same answer: a finite number has more decimal places than `places` (as written, or once its
    trailing zeros are dropped) exactly when it is not a whole multiple of 10**-places, i.e. when
    rounding it to that step changes its value.
    """
    if value.adjusted() < 40:
        return value.quantize(_PLACES[places], None, _QUANTIZE) != value  # (by position: faster)
    return _decimal_places(value) > places


def _money(value: Decimal) -> Decimal:
    if value < 0:
        raise PydanticCustomError("money_negative", "can't be negative")
    if value > MONEY_MAX:
        raise PydanticCustomError("money_too_large", "can't be more than 1,000,000,000,000")
    if _over_places(value, 2):
        raise PydanticCustomError("money_precision", "can have at most two decimal places (cents)")
    return value


def _percent(upper: int) -> Callable[[Decimal], Decimal]:
    def check(value: Decimal) -> Decimal:
        if value < 0:
            raise PydanticCustomError("percent_negative", "can't be negative")
        if value > upper:
            raise PydanticCustomError("percent_too_large", "can be at most {upper} %", {"upper": upper})
        return value

    return check


def _mode(info: ValidationInfo) -> str:
    context = info.context
    return context.get("mode", "current") if isinstance(context, dict) else "current"


def _positive(value: Decimal) -> Decimal:
    if value <= 0:
        raise PydanticCustomError("not_positive", "must be more than 0")
    if value > MONEY_MAX:
        raise PydanticCustomError("number_too_large", "can't be more than 1,000,000,000,000")
    return value


def _rate(value: Decimal, info: ValidationInfo) -> Decimal:
    """An exchange rate: more than 0; six decimals at most (format 1 and stored rates: any)."""
    _positive(value)
    if _mode(info) == "current" and _over_places(value, 6):
        raise PydanticCustomError("rate_precision", "can have at most six decimal places")
    return value


def _per_share(value: Decimal, info: ValidationInfo) -> Decimal:
    """A price per share (price, strike, fmv, preferred_price): six decimals, up to 1,000,000.

    A format-1 file keeps format 1's rule (money: two decimals); stored values are never refused.
    """
    if value < 0:
        raise PydanticCustomError("money_negative", "can't be negative")
    mode = _mode(info)
    if mode == "format1":
        if value > MONEY_MAX:
            raise PydanticCustomError("money_too_large", "can't be more than 1,000,000,000,000")
        if _over_places(value, 2):
            raise PydanticCustomError(
                "per_share_precision_format_1",
                "can have at most two decimal places in a format-1 file (format 2 allows six)",
            )
        return value
    limit = MONEY_MAX if mode == "stored" else PER_SHARE_MAX
    if value > limit:
        raise PydanticCustomError(
            "per_share_too_large", "can't be more than {limit} a share", {"limit": f"{limit:,}"}
        )
    if _over_places(value, 6):
        raise PydanticCustomError("per_share_precision", "can have at most six decimal places")
    return value


def _growth(value: Decimal) -> Decimal:
    if value < -90:
        raise PydanticCustomError("growth_too_low", "can't be below -90 % a year")
    if value > 200:
        raise PydanticCustomError("growth_too_high", "can be at most 200 % a year")
    if _over_places(value, 2):
        raise PydanticCustomError("percent_precision", "can have at most two decimal places")
    return value


_REGION_RE = re.compile(r"^[A-Z]{2}(-[A-Z0-9]{1,3})?$")
SPECIAL_TAX_REGIONS = ("US-NY-NYC",)  # New York City: its own income tax


def _tax_region(value: Any) -> str:
    """ISO 3166-1 country ("DE"), ISO 3166-2 subdivision ("US-CA", "GB-SCT"), or "US-NY-NYC"."""
    if not isinstance(value, str):
        raise PydanticCustomError("tax_region_type", "must be text such as US-CA, GB-SCT or DE")
    if value in SPECIAL_TAX_REGIONS or _REGION_RE.match(value):
        if value == "UK" or value.startswith("UK-"):
            raise PydanticCustomError(
                "tax_region_uk",
                'the United Kingdom\'s code is "GB" ("GB-SCT" for Scotland), not "{value}"',
                {"value": value},
            )
        return value
    raise PydanticCustomError(
        "tax_region_format",
        '"{value}" is not a region code: write a country (DE), a subdivision (US-CA, GB-SCT, CA-ON) '
        "or US-NY-NYC, in capitals",
        {"value": value},
    )


def _non_negative_count(value: Decimal) -> Decimal:
    if value < 0:
        raise PydanticCustomError("count_negative", "can't be negative")
    if value > MONEY_MAX:
        raise PydanticCustomError("number_too_large", "can't be more than 1,000,000,000,000")
    return value


_DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def _iso_date(value: Any) -> date:
    if isinstance(value, date):
        return value
    if not isinstance(value, str) or not _DATE_RE.match(value):
        raise PydanticCustomError("date_format", "must be a date written YYYY-MM-DD")
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise PydanticCustomError("date_invalid", "{value} is not a real date", {"value": value}) from None


def _currency(value: Any) -> str:
    if not isinstance(value, str):
        raise PydanticCustomError("currency_type", "must be a three-letter currency code such as USD")
    if value not in ISO_4217_CODES:
        raise PydanticCustomError(
            "currency_unknown",
            '"{value}" is not an ISO 4217 currency code (such as USD, EUR, GBP)',
            {"value": value},
        )
    return value


class _Number:
    """A number field's validation: `_number`, then `check` (and `info` for a check that reads the
    validation context), as one plain validator.

    The same as `BeforeValidator(_number)` then `AfterValidator(check)`, the pair each field had
    before: pydantic's own Decimal validation between them only passed `_number`'s finite Decimal
    through, and an error names the field and the input as it was. One call from pydantic-core for
    each value instead of two, and no step between: reading 1,000 offers makes ~26,000 of them.
    Dumped as a Decimal, as before.
    """

    def __init__(
        self, check: Callable[..., Decimal], *, info: bool = False, whole: tuple[int, int] | None = None
    ) -> None:
        self.check = check
        self.info = info
        # (low, high): every whole number from low to high passes `check` as it is (a whole number has
        # no decimal places to check): such an int is made a Decimal without calling it
        self.whole = whole

    def __get_pydantic_core_schema__(self, source: Any, handler: GetCoreSchemaHandler) -> CoreSchema:
        check = self.check
        if self.info:

            def with_info(value: Any, info: ValidationInfo) -> Decimal:
                kind = type(value)
                if kind is int:  # _number's own first two cases, without its call
                    value = Decimal(value)
                elif kind is not Decimal or not value.is_finite():
                    value = _number(value)
                return check(value, info)

            return core_schema.with_info_plain_validator_function(with_info, serialization=core_schema.decimal_schema())

        low, high = self.whole if self.whole is not None else (1, 0)  # (1, 0): no whole number passes unchecked

        def plain(value: Any) -> Decimal:
            kind = type(value)
            if kind is int:  # _number's own first two cases, without its call
                if low <= value <= high:  # most of a file's numbers (172500, 25, 100)
                    return Decimal(value)
                value = Decimal(value)
            elif kind is not Decimal or not value.is_finite():
                value = _number(value)
            return check(value)

        return core_schema.no_info_plain_validator_function(plain, serialization=core_schema.decimal_schema())


Money = Annotated[Decimal, _Number(_money, whole=(0, 10**12))]
Percent100 = Annotated[Decimal, _Number(_percent(100), whole=(0, 100))]
Percent200 = Annotated[Decimal, _Number(_percent(200), whole=(0, 200))]
Percent300 = Annotated[Decimal, _Number(_percent(300), whole=(0, 300))]
Shares = Annotated[Decimal, _Number(_non_negative_count, whole=(0, 10**12))]
Rate = Annotated[Decimal, _Number(_rate, info=True)]
PerShare = Annotated[Decimal, _Number(_per_share, info=True)]
Growth = Annotated[Decimal, _Number(_growth, whole=(-90, 200))]
TaxRegion = Annotated[str, BeforeValidator(_tax_region)]
IsoDate = Annotated[date, BeforeValidator(_iso_date)]
Currency = Annotated[str, BeforeValidator(_currency)]
Name = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=120)]
ShortText = Annotated[str, StringConstraints(strip_whitespace=True, max_length=120)]
Count = Annotated[StrictInt, Field(ge=0, le=1_000_000)]
Note = Annotated[str, Field(max_length=2000)]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, validate_default=True)


# --- parts of an offer --------------------------------------------------------------------------


class Vesting(_Model):
    """How a grant vests: a percentage per year of the grant, a cliff, and the pace inside a year."""

    years_pct: Annotated[list[Percent100], Field(min_length=1, max_length=10)] = Field(
        default_factory=lambda: [Decimal(25)] * 4
    )
    cliff_months: Annotated[StrictInt, Field(ge=0, le=120)] = 12
    frequency: Frequency = "monthly"

    @model_validator(mode="after")
    def _sums_to_100(self) -> Vesting:
        total = sum(self.years_pct, Decimal(0))
        if total != 100:
            raise PydanticCustomError(
                "vesting_sum",
                "the yearly percentages add up to {total} %, not 100 %",
                {"total": _plain(total), "field": "years_pct"},
            )
        return self


STANDARD_VESTING = Vesting()


OPTION_DETAILS: tuple[str, ...] = ("fmv", "preferred_price", "fully_diluted_shares", "exercise_window_days")


class Grant(_Model):
    """One equity grant: RSUs by value or shares × price, or options (shares, strike, price).

    Options may carry their details (format 2): the 409A value (`fmv`), the last preferred price,
    the fully diluted share count and the post-termination exercise window (None: the usual 90 days).
    `price` stays the basis of the year-by-year figures.
    """

    kind: GrantKind
    value: Money | None = None
    shares: Shares | None = None
    price: PerShare | None = None
    strike: PerShare | None = None
    fmv: PerShare | None = None
    preferred_price: PerShare | None = None
    fully_diluted_shares: Annotated[StrictInt, Field(ge=1, le=10**15)] | None = None
    exercise_window_days: Annotated[StrictInt, Field(ge=0, le=3660)] | None = None
    vesting: Vesting = STANDARD_VESTING

    @model_validator(mode="after")
    def _complete(self) -> Grant:
        if self.kind == "rsu":
            for name in OPTION_DETAILS:
                if getattr(self, name) is not None:
                    raise _field_error(name, "rsu_option_detail", "only an option grant has this detail")
            if self.strike is not None:
                raise _field_error("strike", "rsu_strike", "an RSU grant has no strike price")
            by_value = self.value is not None
            by_shares = self.shares is not None or self.price is not None
            if by_value and by_shares:
                raise _field_error(
                    "value", "rsu_both", "give either the grant's value or shares and price, not both"
                )
            if not by_value:
                for name in ("shares", "price"):
                    if getattr(self, name) is None:
                        raise _field_error(
                            name, "rsu_incomplete", "an RSU grant needs a value, or both shares and price"
                        )
        else:
            if self.value is not None:
                raise _field_error(
                    "value", "option_value", "an option grant is valued from shares, strike and price"
                )
            for name in ("shares", "strike", "price"):
                if getattr(self, name) is None:
                    raise _field_error(
                        name, "option_incomplete", "an option grant needs shares, strike and price"
                    )
            shares = self.shares  # given: checked just above
            if shares is not None and self.fully_diluted_shares is not None and self.fully_diluted_shares < shares:
                raise _field_error(
                    "fully_diluted_shares",
                    "fully_diluted_too_small",
                    "can't be fewer than the grant's own {shares} options",
                    {"shares": _plain(shares)},
                )
        return self

    @property
    def exercise_window(self) -> int:
        """Days after leaving to exercise (the usual 90 when the offer doesn't say)."""
        if self.exercise_window_days is None:
            return DEFAULT_EXERCISE_WINDOW_DAYS
        return self.exercise_window_days

    @property
    def under_water(self) -> bool:
        """An option whose stated price is at or below its strike: worth nothing today."""
        if self.kind != "option" or self.price is None or self.strike is None:
            return False
        return self.price <= self.strike

    @property
    def grant_value(self) -> Decimal:
        """The whole grant's value at the stated price, exact (options: the spread, never below 0)."""
        if self.kind == "rsu":
            if self.value is not None:
                return self.value
            assert self.shares is not None and self.price is not None  # validated: a value, or shares × price
            return self.shares * self.price
        assert self.shares is not None and self.price is not None and self.strike is not None  # validated
        spread = max(self.price - self.strike, Decimal(0))
        return self.shares * spread


class Bonus(_Model):
    target_pct: Percent200 | None = None
    target_amount: Money | None = None
    expected_payout_pct: Percent300 = Decimal(100)

    @model_validator(mode="after")
    def _one_target(self) -> Bonus:
        if self.target_pct is not None and self.target_amount is not None:
            raise _field_error(
                "target_pct", "bonus_both", "give the bonus as a percentage or as an amount, not both"
            )
        if self.target_pct is None and self.target_amount is None:
            raise _field_error(
                "target_pct", "bonus_none", "give the bonus as a percentage of base or as an amount"
            )
        return self


class Refreshers(_Model):
    annual_value: Money
    first_year: Annotated[StrictInt, Field(ge=1, le=10)] = 2
    vesting: Vesting = STANDARD_VESTING


class Benefit(_Model):
    name: Name
    annual_value: Money


class Budget(_Model):
    band_min: Money
    band_max: Money
    source: BandSource | None = None

    @model_validator(mode="after")
    def _ordered(self) -> Budget:
        if self.band_min > self.band_max:
            raise _field_error("band_min", "band_order", "the band's minimum is above its maximum")
        return self


class Headcount(_Model):
    combinable_roles: Count
    combinable_budget: Money = Decimal(0)


class TimelineEvent(_Model):
    date: IsoDate
    kind: EventKind
    note: Note = ""


# The items a negotiation round can carry, in the spec's order.
ROUND_ITEMS: tuple[str, ...] = (
    "base_salary",
    "sign_on",
    "equity_value",
    "equity_shares",
    "relocation",
    "bonus_target_pct",
    "pto_days",
    "level",
    "title",
    "remote",
    "start_date",
    "deadline",
)
MONEY_ITEMS: tuple[str, ...] = ("base_salary", "sign_on", "equity_value", "relocation")


class RoundItems(_Model):
    """What one side put on the table in a round: one or more of the spec's items."""

    base_salary: Money | None = None  # annual base
    sign_on: Money | None = None  # sign-on in total, all years together
    equity_value: Money | None = None  # the initial grant's value at the stated price
    equity_shares: Shares | None = None  # the initial grant in shares or options
    relocation: Money | None = None
    bonus_target_pct: Percent200 | None = None
    pto_days: Annotated[StrictInt, Field(ge=0, le=366)] | None = None
    level: Name | None = None
    title: Name | None = None
    remote: Name | None = None
    start_date: IsoDate | None = None
    deadline: IsoDate | None = None

    @model_validator(mode="after")
    def _not_empty(self) -> RoundItems:
        if not self.given():
            raise PydanticCustomError(
                "round_empty", "a round needs at least one item (base_salary, sign_on, equity_value, …)"
            )
        return self

    def given(self) -> dict[str, Any]:
        """The items this round names, in the spec's order."""
        return {name: getattr(self, name) for name in ROUND_ITEMS if getattr(self, name) is not None}


class NegotiationRound(_Model):
    """One round of the talks: what the candidate asked for, or what the company answered."""

    date: IsoDate
    side: Side
    items: RoundItems
    note: Note = ""


class SignOnRepayment(_Model):
    """Leaving within `months` of the start means repaying the sign-on (pro rata, or all of it)."""

    months: Annotated[StrictInt, Field(ge=1, le=60)]
    pro_rata: StrictBool = True


class Signals(_Model):
    competing_offers: Count | None = None
    recruiter_advocating: StrictBool | None = None
    hiring_manager_responsive: StrictBool | None = None
    deadline: IsoDate | None = None


class Goal(_Model):
    target_total: Money | None = None
    walk_away_total: Money | None = None

    @model_validator(mode="after")
    def _ordered(self) -> Goal:
        if (
            self.target_total is not None
            and self.walk_away_total is not None
            and self.walk_away_total > self.target_total
        ):
            raise _field_error("walk_away_total", "goal_order", "the walk-away total is above the target")
        return self


def new_offer_id() -> str:
    return uuid.uuid4().hex[:12]


class Offer(_Model):
    """One offer (or a process that may become one), in its own currency."""

    id: Name = Field(default_factory=new_offer_id)
    company: Name
    role: Name
    level: ShortText | None = None
    location: ShortText | None = None
    currency: Currency = "USD"
    tax_region: TaxRegion | None = None
    stage: Stage = "offer"
    start_date: IsoDate | None = None
    base_salary: Money = Decimal(0)
    annual_raise_pct: Percent100 = Decimal(0)
    bonus: Bonus | None = None
    sign_on: Annotated[list[Money], Field(max_length=10)] = Field(default_factory=list)
    sign_on_repayment: SignOnRepayment | None = None
    relocation: Money = Decimal(0)
    equity: Annotated[list[Grant], Field(max_length=50)] = Field(default_factory=list)
    refreshers: Refreshers | None = None
    benefits: Annotated[list[Benefit], Field(max_length=50)] = Field(default_factory=list)
    budget: Budget | None = None
    headcount: Headcount | None = None
    timeline: Annotated[list[TimelineEvent], Field(max_length=500)] = Field(default_factory=list)
    negotiation: Annotated[list[NegotiationRound], Field(max_length=200)] = Field(default_factory=list)
    signals: Signals = Signals()
    goal: Goal | None = None
    notes: Annotated[str, Field(max_length=100_000)] = ""

    @property
    def label(self) -> str:
        return f'"{self.id}" ({self.company})'

    def sorted_timeline(self) -> list[TimelineEvent]:
        """Events in date order; events on one day keep the order the user gave them."""
        return sorted(self.timeline, key=lambda event: event.date)

    def sorted_negotiation(self) -> list[NegotiationRound]:
        """Rounds in date order; rounds on one day keep the order the user gave them."""
        return sorted(self.negotiation, key=lambda round_: round_.date)


# --- the file-level parts of format 2 -----------------------------------------------------------


class Scenario(_Model):
    """A share-price path: every grant's price changes by `growth_pct` % a year, or by the offer's own
    entry in `offers` (offer id → growth)."""

    name: Name
    growth_pct: Growth
    offers: dict[Name, Growth] = Field(default_factory=dict)

    def growth_for(self, offer_id: str) -> Decimal:
        return self.offers.get(offer_id, self.growth_pct)


class LeavingItem(_Model):
    """Something lost or repaid by leaving the current job: an unvested grant, a bonus, a repayment."""

    what: Name
    amount: Money


class CurrentJob(_Model):
    """The job you would leave: what staying pays, and what leaving costs."""

    company: Name = "Current job"
    role: ShortText = ""
    currency: Currency = "USD"
    tax_region: TaxRegion | None = None
    base_salary: Money = Decimal(0)
    annual_raise_pct: Percent100 = Decimal(0)
    bonus: Bonus | None = None
    benefits: Annotated[list[Benefit], Field(max_length=50)] = Field(default_factory=list)
    equity_by_year: Annotated[list[Money], Field(max_length=10)] = Field(default_factory=list)
    forfeit_on_leaving: Annotated[list[LeavingItem], Field(max_length=50)] = Field(default_factory=list)
    repay_on_leaving: Annotated[list[LeavingItem], Field(max_length=50)] = Field(default_factory=list)

    @property
    def forfeit(self) -> Decimal:
        return sum((item.amount for item in self.forfeit_on_leaving), Decimal(0))

    @property
    def repay(self) -> Decimal:
        return sum((item.amount for item in self.repay_on_leaving), Decimal(0))

    @property
    def leaving_cost(self) -> Decimal:
        """What leaving costs (forfeit + repay): the amount a new employer is asked to make whole."""
        return self.forfeit + self.repay


class TaxSettings(_Model):
    """Which tax rules to use for after-tax figures: the tax year, and (US only) the filing status."""

    year: Annotated[StrictInt, Field(ge=1990, le=2100)]
    filing_status: FilingStatus = "single"


MAX_SCENARIOS = 20


def _check_fx_base(fx: dict[str, Decimal], fx_base: str) -> None:
    rate = fx.get(fx_base)
    if rate is not None and rate != 1:
        raise _field_error(
            "fx",
            "fx_base_rate",
            "the rates are quoted in {base} (fx_base), so the rate of {base} itself is 1 (write 1 or leave it out)",
            {"base": fx_base},
        )


def _check_scenarios(scenarios: list[Scenario]) -> None:
    names: set[str] = set()
    for index, scenario in enumerate(scenarios):
        if scenario.name in names:
            raise _field_error(
                ["scenarios", index, "name"],
                "duplicate_scenario",
                'another scenario is already named "{name}"',
                {"name": scenario.name},
            )
        names.add(scenario.name)


class OfferFile(_Model):
    """A whole offer file: the file-level parts (currencies, rates, scenarios, current job, tax) plus
    the offers. `display_currency` and `fx_base` are filled in when the file leaves them out."""

    format: Literal["offer-planner/1", "offer-planner/2"]
    as_of: IsoDate = Field(default_factory=date.today)
    display_currency: Currency | None = None
    fx_base: Currency | None = None
    fx: dict[Currency, Rate] = Field(default_factory=dict)
    fx_as_of: IsoDate | None = None
    horizon_years: Annotated[StrictInt, Field(ge=1, le=10)] = 4
    scenarios: Annotated[list[Scenario], Field(max_length=MAX_SCENARIOS)] = Field(default_factory=list)
    current_job: CurrentJob | None = None
    tax: TaxSettings | None = None
    offers: list[Offer]

    @model_validator(mode="before")
    @classmethod
    def _fill_ids(cls, data: Any) -> Any:
        """Offers without an id get one derived from their content, so evaluating twice agrees."""
        if not isinstance(data, dict) or not isinstance(data.get("offers"), list):
            return data
        offers = []
        for index, raw in enumerate(data["offers"]):
            if isinstance(raw, dict) and "id" not in raw:
                raw = {"id": derived_offer_id(raw, index), **raw}
            offers.append(raw)
        return {**data, "offers": offers}

    @model_validator(mode="after")
    def _consistent(self) -> OfferFile:
        currency = self.display_currency
        if currency is None:
            currency = self.offers[0].currency if self.offers else "USD"
            object.__setattr__(self, "display_currency", currency)
        fx_base = self.fx_base
        if fx_base is None:  # format 1 quoted its rates in the display currency
            fx_base = currency
            object.__setattr__(self, "fx_base", fx_base)
        _check_fx_base(self.fx, fx_base)
        seen: set[str] = set()
        for offer in self.offers:
            if offer.id in seen:
                raise _field_error(
                    "offers", "duplicate_id", 'two offers share the id "{id}"', {"id": offer.id}
                )
            seen.add(offer.id)
        _check_scenarios(self.scenarios)
        for index, scenario in enumerate(self.scenarios):
            for offer_id in scenario.offers:
                if offer_id not in seen:
                    raise _field_error(
                        ["scenarios", index, "offers", offer_id],
                        "scenario_offer_unknown",
                        'no offer in the file has the id "{id}"',
                        {"id": offer_id},
                    )
        return self

    @property
    def settings(self) -> Settings:
        """The file-level parts as settings (display currency, rates, horizon, scenarios, current job, tax)."""
        return Settings(
            display_currency=self.display_currency or "USD",
            fx_base=self.fx_base,
            fx=self.fx,
            fx_as_of=self.fx_as_of,
            horizon_years=self.horizon_years,
            scenarios=self.scenarios,
            current_job=self.current_job,
            tax=self.tax,
        )


def derived_offer_id(raw: dict[str, Any], index: int) -> str:
    named = raw.get("company")
    company = named if isinstance(named, str) else ""
    slug = re.sub(r"[^a-z0-9]+", "-", company.lower()).strip("-")[:40] or "offer"
    seed = f"{index}\x00{company}\x00{raw.get('role')}".encode("utf-8", "surrogatepass")
    digest = hashlib.sha256(seed).hexdigest()[:6]
    return f"{slug}-{digest}"


# --- helpers ------------------------------------------------------------------------------------


def _plain(value: Decimal) -> str:
    return format(value.normalize(), "f")


def _field_error(
    field: str | list[str | int], kind: str, message: str, ctx: dict[str, Any] | None = None
) -> PydanticCustomError:
    """A model-level error that names the field it is about (read back by app.errors)."""
    return PydanticCustomError(kind, message, {"field": field, **(ctx or {})})


class Settings(_Model):
    """Everything of an offer file but its offers, stored with them, plus the app's own settings.

    `fx_base` is the currency the `fx` rates are quoted in; it defaults to the display currency
    only when the settings are first made. Switching the display currency (`model_copy(update=
    {"display_currency": ...})`) keeps `fx_base` and every rate: rates never change meaning.
    """

    display_currency: Currency = "USD"
    fx_base: Currency | None = None  # filled in: the display currency when not given
    fx: dict[Currency, Rate] = Field(default_factory=dict)
    fx_as_of: IsoDate | None = None
    horizon_years: Annotated[StrictInt, Field(ge=1, le=10)] = 4
    scenarios: Annotated[list[Scenario], Field(max_length=MAX_SCENARIOS)] = Field(default_factory=list)
    current_job: CurrentJob | None = None
    tax: TaxSettings | None = None
    rubric: Rubric | None = None  # None: the shipped rubric (app.rubric.DEFAULT_RUBRIC)
    paper: Paper = "auto"  # the negotiation brief's paper size

    @model_validator(mode="after")
    def _consistent(self) -> Settings:
        if self.fx_base is None:
            object.__setattr__(self, "fx_base", self.display_currency)
        _check_fx_base(self.fx, self.base_currency)
        _check_scenarios(self.scenarios)
        return self

    @property
    def base_currency(self) -> str:
        """The currency the rates are quoted in (`fx_base`, always filled in)."""
        return self.fx_base or self.display_currency

    @property
    def active_rubric(self) -> Rubric:
        return self.rubric if self.rubric is not None else DEFAULT_RUBRIC


# The scenarios Settings offers to start from (the user edits them; none are applied until saved).
DEFAULT_SCENARIOS: tuple[Scenario, ...] = (
    Scenario(name="flat", growth_pct=Decimal(0)),
    Scenario(name="bear", growth_pct=Decimal(-20)),
    Scenario(name="bull", growth_pct=Decimal(15)),
)
