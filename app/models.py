"""The offer file, format 1, as pydantic models. Every rule of ../shared/spec/offer-file.md lives here.

Messages are written for people: custom errors carry plain words, and `app.errors` turns any
`ValidationError` into problems that name the offer, the field and what is wrong.
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
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StrictBool,
    StrictInt,
    StringConstraints,
    model_validator,
)
from pydantic_core import PydanticCustomError

from app.currencies import ISO_4217_CODES
from app.rubric import DEFAULT_RUBRIC, Rubric

FORMAT = "offer-planner/1"
MONEY_MAX = Decimal(10) ** 12
CENT = Decimal("0.01")

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


# --- scalar types -------------------------------------------------------------------------------


def _number(value: Any) -> Decimal:
    """Accept JSON numbers (int, float, Decimal), never text or booleans, and make them exact."""
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


def _money(value: Decimal) -> Decimal:
    if value < 0:
        raise PydanticCustomError("money_negative", "can't be negative")
    if value > MONEY_MAX:
        raise PydanticCustomError("money_too_large", "can't be more than 1,000,000,000,000")
    if _decimal_places(value) > 2:
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


def _positive(value: Decimal) -> Decimal:
    if value <= 0:
        raise PydanticCustomError("not_positive", "must be more than 0")
    if value > MONEY_MAX:
        raise PydanticCustomError("number_too_large", "can't be more than 1,000,000,000,000")
    return value


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


Money = Annotated[Decimal, BeforeValidator(_number), AfterValidator(_money)]
Percent100 = Annotated[Decimal, BeforeValidator(_number), AfterValidator(_percent(100))]
Percent200 = Annotated[Decimal, BeforeValidator(_number), AfterValidator(_percent(200))]
Percent300 = Annotated[Decimal, BeforeValidator(_number), AfterValidator(_percent(300))]
Shares = Annotated[Decimal, BeforeValidator(_number), AfterValidator(_non_negative_count)]
Rate = Annotated[Decimal, BeforeValidator(_number), AfterValidator(_positive)]
IsoDate = Annotated[date, BeforeValidator(_iso_date)]
Currency = Annotated[str, BeforeValidator(_currency)]
Name = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=120)]
ShortText = Annotated[str, StringConstraints(strip_whitespace=True, max_length=120)]
Count = Annotated[StrictInt, Field(ge=0, le=1_000_000)]


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


class Grant(_Model):
    """One equity grant: RSUs by value or shares × price, or options (shares, strike, price)."""

    kind: GrantKind
    value: Money | None = None
    shares: Shares | None = None
    price: Money | None = None
    strike: Money | None = None
    vesting: Vesting = STANDARD_VESTING

    @model_validator(mode="after")
    def _complete(self) -> Grant:
        if self.kind == "rsu":
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
        return self

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
    note: Annotated[str, Field(max_length=2000)] = ""


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
    stage: Stage = "offer"
    base_salary: Money = Decimal(0)
    annual_raise_pct: Percent100 = Decimal(0)
    bonus: Bonus | None = None
    sign_on: Annotated[list[Money], Field(max_length=10)] = Field(default_factory=list)
    relocation: Money = Decimal(0)
    equity: Annotated[list[Grant], Field(max_length=50)] = Field(default_factory=list)
    refreshers: Refreshers | None = None
    benefits: Annotated[list[Benefit], Field(max_length=50)] = Field(default_factory=list)
    budget: Budget | None = None
    headcount: Headcount | None = None
    timeline: Annotated[list[TimelineEvent], Field(max_length=500)] = Field(default_factory=list)
    signals: Signals = Signals()
    goal: Goal | None = None
    notes: Annotated[str, Field(max_length=100_000)] = ""

    @property
    def label(self) -> str:
        return f'"{self.id}" ({self.company})'

    def sorted_timeline(self) -> list[TimelineEvent]:
        """Events in date order; events on one day keep the order the user gave them."""
        return sorted(self.timeline, key=lambda event: event.date)


class OfferFile(_Model):
    """A whole offer file: settings for comparison plus the offers."""

    format: Literal["offer-planner/1"]
    as_of: IsoDate = Field(default_factory=date.today)
    display_currency: Currency | None = None
    fx: dict[Currency, Rate] = Field(default_factory=dict)
    horizon_years: Annotated[StrictInt, Field(ge=1, le=10)] = 4
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
        rate = self.fx.get(currency)
        if rate is not None and rate != 1:
            raise _field_error("fx", "fx_display", "the display currency's own rate must be 1 (or left out)")
        seen: set[str] = set()
        for offer in self.offers:
            if offer.id in seen:
                raise _field_error(
                    "offers", "duplicate_id", 'two offers share the id "{id}"', {"id": offer.id}
                )
            seen.add(offer.id)
        return self


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
    field: str, kind: str, message: str, ctx: dict[str, Any] | None = None
) -> PydanticCustomError:
    """A model-level error that names the field it is about (read back by app.errors)."""
    return PydanticCustomError(kind, message, {"field": field, **(ctx or {})})


class Settings(_Model):
    """The app's own settings, stored with the offers: how comparisons are shown."""

    display_currency: Currency = "USD"
    fx: dict[Currency, Rate] = Field(default_factory=dict)
    horizon_years: Annotated[StrictInt, Field(ge=1, le=10)] = 4
    rubric: Rubric | None = None  # None: the shipped rubric (app.rubric.DEFAULT_RUBRIC)
    paper: Paper = "auto"  # the negotiation brief's paper size

    @property
    def active_rubric(self) -> Rubric:
        return self.rubric if self.rubric is not None else DEFAULT_RUBRIC
