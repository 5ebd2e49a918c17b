"""After tax: where the tax engine (`app.tax`) meets the year figures — the one hook (issue 16).

Every after-tax number the app shows comes from here, through `app.evaluation.Evaluator`, which
computes each once and caches it; the command line, the Compare switch, the brief and the levers
only read the results. No Qt, no I/O.

The API (through an Evaluator `ev`; all amounts Decimal, in cents):

    ev.after_tax(offer_id) -> AfterTax            the offer as offered (stated prices)
    ev.stay_after_tax() -> AfterTax | None        the current job (None without one)
    ev.scenario_after_tax(offer_id) -> tuple[AfterTax, ...]   one per scenario, in their order
    ev.after_tax_at_growth(offer_id, growth_pct) -> AfterTax  at any share-price growth
    ev.taxes(offer_id) -> tuple[YearTax, ...]     = ev.after_tax(offer_id).years
    ev.ask_after_tax(offer_id, year=1, **changes) -> PocketChange | None   the offer with an ask granted
    ev.raise_after_tax(offer_id, amount, year=1) -> PocketChange | None    `amount` more base a year
    ev.pocket_change(offer_id, changed_offer, year=1) -> PocketChange | None
    ev.extra_pay_after_tax(offer_id, amount, year=1) -> PocketChange | None   one-off taxed cash
    pocket_sentence(change, "base") -> "+$10,000 base is +$5,785 a year in your pocket in California"

    For a lever (the offer "quarry": 150,000 base in California, 2026 rules, single filer):
        change = ev.raise_after_tax("quarry", Decimal(10000))
        change.pay_change, change.tax_change, change.pocket_change   # 10,000.00, 4,215.00, 5,785.00
        pocket_sentence(change, "base")      # "+$10,000 base is +$5,785 a year in your pocket in California"
        pocket_sentence(change, "base", label=True)   # … "(estimate, 2026 rules except California …)"

    AfterTax (frozen): offer_id, currency (the figures'), region, region_name, status, years
        status      "estimated" | "no_region" | "unsupported" | "no_rate"
        available   status == "estimated": every year has `tax` and `after_tax`; otherwise both
                    are None in every year and `flag` says why, in words ("never a guess")
        years       YearTax(year, tax, after_tax, taxed, not_taxed, estimate) per year
        total_tax, total_after_tax, total_taxed, total_not_taxed   over the horizon (None: unavailable)
        label       the engine's: "estimate, 2026 rules, single filer, this pay as the only income"
        not_taxed_note   "options (taxed when you exercise them) and benefits are not taxed here"
        assumptions the region's key assumptions (`TaxEstimate.assumptions`, from the rule files)
        conversion  None, or how a pay in another currency than the region's was taxed:
                    "taxed in GBP: pay converted at 1 USD = 0.7463 GBP (rates of 2026-01-15), the tax back"
        year_note   None, or "tax year 2026: the evaluation's year (no tax year set in Settings or in the file's `tax`)"
        flag        None, or why there is no figure: "no tax region: pick where this pay is taxed"
        notes       every line to show beside the figure: label, not taxed, assumptions, conversion…

Decisions (the spec's "After tax" section, applied):
- What is taxed: base, bonus, sign-on, relocation and RSUs vesting that year (`YearFigures.taxable`)
  at the stated price, or at the scenario's / growth's price; options (taxed at exercise, which the
  person chooses) and benefits are not taxed: `after_tax` = `total` − `tax` keeps them whole, and
  every label says so. The current job's `equity_by_year` is what a broker shows vesting: taxed as RSUs.
- The tax year: the file's/settings' `tax.year`; without a `tax` object, the year of the
  evaluation's `as_of` day (the day the ratings are made for), said in `year_note`. Filing status:
  `tax.filing_status`, else `single`. Every year of the horizon is taxed by that one year's rules
  (the spec's "the rules of `tax.year`"; no indexation of later years is guessed). When the year's
  rules are not published the engine uses the latest earlier ones and its label says so:
  "estimate, 2025 rules (2026 not yet published), …", or, for one file of a chain,
  "estimate, 2026 rules except California (US): 2025 rules (2026 not yet published), …".
- Currency: an offer's amounts are in its own currency; a region taxes in its own (US-* USD, GB-*
  GBP, DE EUR, CA-* CAD…). When they differ, each year's taxed pay is converted to the region's
  currency with the file's rates (`app.money.Rates`, rounded to cents), taxed there, and the tax
  converted back to the offer's currency (rounded to cents) — said in `conversion`. Without a rate
  for either currency there is no figure (status "no_rate", flag "no EUR rate: …"): never a mix.
- Apportioning a year's tax to its parts (for the after-tax Compare table and charts,
  `after_tax_year`): each taxed component (base, bonus, sign-on, relocation, RSUs) bears the year's
  tax in proportion to its amount — the year's average rate — rounded to cents, the cent left over
  going to the largest; options and benefits bear none. So the parts add up to `after_tax` exactly.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from datetime import date
from decimal import Decimal
from typing import Literal

from app.compensation import OfferFigures, YearFigures
from app.models import TaxSettings
from app.money import ZERO, Rates, exact, round_cents
from app.tax import STATUS_WORDS, TaxEstimate, estimate, estimate_label, region_rules, total_tax
from app.text import money_words

TaxStatus = Literal["estimated", "no_region", "unsupported", "no_rate"]

NOT_TAXED_NOTE = "options (taxed when you exercise them) and benefits are not taxed here"
DEFAULT_FILING_STATUS = "single"


@dataclass(frozen=True)
class TaxBasis:
    """Which rules: the tax year and filing status, whether the year was set, and the file's rates."""

    year: int
    filing_status: str
    year_given: bool  # False: no `tax` object, so the evaluation's year is used
    rates: Rates

    @classmethod
    def of(cls, tax: TaxSettings | None, as_of: date, rates: Rates) -> TaxBasis:
        """The settings' `tax`, or the year of `as_of` with a single filer."""
        if tax is None:
            return cls(as_of.year, DEFAULT_FILING_STATUS, False, rates)
        return cls(tax.year, tax.filing_status, True, rates)

    @property
    def year_note(self) -> str | None:
        if self.year_given:
            return None
        return f"tax year {self.year}: the evaluation's year (no tax year set in Settings or in the file's `tax`)"


@dataclass(frozen=True)
class YearTax:
    """One year's estimated tax and what is left, in the figures' currency; None where no estimate."""

    year: int
    tax: Decimal | None
    after_tax: Decimal | None  # = total − tax (options and benefits kept whole)
    taxed: Decimal = ZERO  # the pay taxed: base, bonus, sign-on, relocation, RSUs vesting
    not_taxed: Decimal = ZERO  # options vesting and benefits: in the total, not taxed
    # what the engine's estimate of the year is made of: (region, tax year, filing status, the pay
    # taxed in the region's currency); None where there is no estimate
    asked: tuple[str, int, str, Decimal] | None = field(default=None, repr=False)

    @property
    def estimate(self) -> TaxEstimate | None:
        """The engine's estimate of the year, in the region's currency (parts, sources, label), made
        when asked: `tax` is its total, and the evaluation shows only totals (the engine caches it)."""
        return estimate(*self.asked) if self.asked is not None else None


@dataclass(frozen=True)
class AfterTax:
    """One offer's (or the current job's) after-tax figures, with everything needed to label them."""

    offer_id: str
    currency: str  # the figures' currency: every tax and after_tax amount is in it
    region: str | None
    region_name: str | None
    status: TaxStatus
    years: tuple[YearTax, ...]
    label: str | None = None  # "estimate, 2026 rules, single filer, this pay as the only income"
    tax_currency: str | None = None  # the region's currency
    conversion: str | None = None  # how pay in another currency than the region's was taxed
    assumptions: tuple[str, ...] = ()
    year_note: str | None = None
    flag: str | None = None  # why there is no figure (status other than "estimated")

    @property
    def available(self) -> bool:
        return self.status == "estimated"

    @property
    def not_taxed_note(self) -> str:
        return NOT_TAXED_NOTE

    @property
    def total_tax(self) -> Decimal | None:
        return _sum_or_none(y.tax for y in self.years)

    @property
    def total_after_tax(self) -> Decimal | None:
        return _sum_or_none(y.after_tax for y in self.years)

    @property
    def total_taxed(self) -> Decimal:
        return sum((y.taxed for y in self.years), ZERO)

    @property
    def total_not_taxed(self) -> Decimal:
        return sum((y.not_taxed for y in self.years), ZERO)

    def year(self, year: int) -> YearTax:
        return self.years[year - 1]

    @property
    def place(self) -> str | None:
        """The region in a sentence: "California", "New York City", "the United Kingdom", "Germany"."""
        return place_words(self.region_name) if self.region_name else None

    @property
    def notes(self) -> tuple[str, ...]:
        """Every line to show beside an after-tax figure, most important first; just the flag when
        there is no figure."""
        if not self.available:
            return (self.flag,) if self.flag else ()
        lines = [f"{self.region_name}: {self.label}"]
        if self.year_note:
            lines.append(self.year_note)
        lines.append(NOT_TAXED_NOTE)
        if self.assumptions:
            lines.append("assumes " + "; ".join(self.assumptions))
        if self.conversion:
            lines.append(self.conversion)
        return tuple(lines)


def _sum_or_none(values: Iterable[Decimal | None]) -> Decimal | None:
    total = ZERO
    for value in values:
        if value is None:
            return None
        total += value
    return total


def place_words(region_name: str) -> str:
    """ "California (US)" → "California"; "United Kingdom (England, …)" → "the United Kingdom"."""
    place = region_name.split(" (", 1)[0]
    return f"the {place}" if place in {"United Kingdom", "Netherlands", "United States"} else place


def _rate_words(rates: Rates, currency: str, to: str) -> str:
    factor = rates.factor(currency, to)
    if factor is None:  # pragma: no cover - only called once both rates are known
        return ""
    with exact():
        shown = factor.quantize(Decimal("0.0001")) if factor < 100 else factor.quantize(Decimal("0.01"))
    dated = f" (rates of {rates.as_of.isoformat()})" if rates.as_of else ""
    return f"1 {currency} = {shown.normalize():f} {to}{dated}"


def unavailable(
    offer_id: str,
    figures: OfferFigures,
    region: str | None,
    region_name: str | None,
    status: TaxStatus,
    flag: str,
    tax_currency: str | None = None,
) -> AfterTax:
    years = tuple(YearTax(y.year, None, None, y.taxable, y.total - y.taxable) for y in figures.years)
    return AfterTax(
        offer_id, figures.currency, region, region_name, status, years, tax_currency=tax_currency, flag=flag
    )


def figures_after_tax(figures: OfferFigures, region: str | None, basis: TaxBasis) -> AfterTax:
    """Tax and after-tax pay of each year of `figures` (in their currency) for `region` by `basis`.

    One estimate per year (the engine caches them by income, so equal years cost one).
    """
    offer_id, currency = figures.offer_id, figures.currency
    if region is None:
        return unavailable(
            offer_id,
            figures,
            None,
            None,
            "no_region",
            "no tax region: pick where this pay is taxed to see it after tax",
        )
    rules = region_rules(region, basis.year)
    if rules is None or not rules.selectable:
        return unavailable(
            offer_id,
            figures,
            region,
            None,
            "unsupported",
            f"no tax rules for {region} in the app: no after-tax figure (never a guess)",
        )
    tax_currency = rules.currency
    rates = basis.rates
    conversion = None
    if tax_currency != currency:
        missing = [c for c in (currency, tax_currency) if not rates.has(c)]
        if missing:
            return unavailable(
                offer_id,
                figures,
                region,
                rules.name,
                "no_rate",
                f"no {' or '.join(missing)} rate: {rules.name} taxes pay in {tax_currency}, this pay is in "
                f"{currency}; add the rate in Settings to see it after tax",
                tax_currency,
            )
        conversion = (
            f"taxed in {tax_currency}: pay converted at {_rate_words(rates, currency, tax_currency)}, "
            f"the tax converted back to {currency}"
        )
    years = []
    tax_year, status = basis.year, basis.filing_status
    for y in figures.years:
        # each year's tax as its total only (`total_tax`: the same number as the estimate's total,
        # without the estimate's parts and label); `YearTax.estimate` makes the estimate when asked
        taxed = y.taxable
        income = taxed if currency == tax_currency else rates.convert(taxed, currency, tax_currency)
        if income is None:  # pragma: no cover - both rates were checked above
            raise ValueError(f"no rate between {currency} and {tax_currency}")
        found = total_tax(region, tax_year, status, income)
        if found is None:  # pragma: no cover - the rules were checked above
            raise ValueError(f"no tax rules for {region}")
        tax = found if currency == tax_currency else rates.convert(found, tax_currency, currency)
        if tax is None:  # pragma: no cover
            raise ValueError(f"no rate between {tax_currency} and {currency}")
        years.append(YearTax(y.year, tax, y.total - tax, taxed, y.total - taxed, (region, tax_year, status, income)))
    # the estimates' label (the same for every year: it names the rules and the filer, not the pay)
    label = estimate_label(region, tax_year, status) if years else None
    assumptions = rules.assumptions
    if not rules.uses_filing_status and basis.filing_status != DEFAULT_FILING_STATUS:
        # e.g. "married filing jointly" set in Settings, an offer in Germany: say it was not used
        assumptions = (status_not_used(basis.filing_status), *assumptions)
    return AfterTax(
        offer_id,
        currency,
        region,
        rules.name,
        "estimated",
        tuple(years),
        label=label,
        tax_currency=tax_currency,
        conversion=conversion,
        assumptions=assumptions,
        year_note=basis.year_note,
    )


def status_not_used(filing_status: str) -> str:
    """The assumption shown where a region's rules have no filing status (every region outside the US)
    and Settings ask for another than single: the estimate is a single person's."""
    return f"taxed as a single person (the filing status {STATUS_WORDS[filing_status]} is not used here)"


def tax_on(taxes: AfterTax, taxed: Decimal, basis: TaxBasis) -> Decimal | None:
    """The tax on another year's taxed pay `taxed` by the same region, rules and currencies as
    `taxes` (e.g. at another share price), in `taxes.currency`; None when `taxes` has no estimate.
    The same number `figures_after_tax` gives, through the engine's faster `total_tax`."""
    region, currency, tax_currency = taxes.region, taxes.currency, taxes.tax_currency
    if not taxes.available or region is None or tax_currency is None:
        return None
    rates = basis.rates
    income = taxed if currency == tax_currency else rates.convert(taxed, currency, tax_currency)
    if income is None:  # pragma: no cover - an available estimate had both rates
        return None
    tax = total_tax(region, basis.year, basis.filing_status, income)
    if tax is None or currency == tax_currency:
        return tax
    return rates.convert(tax, tax_currency, currency)


# --- a year's tax shared among its parts (the after-tax comparison) --------------------------------

_TAXED_PARTS = ("base", "bonus", "sign_on", "one_time", "rsu")


def after_tax_year(year: YearFigures, tax: Decimal) -> YearFigures:
    """The year with each taxed component net of its share of `tax` (the year's average rate):
    base, bonus, sign-on, relocation and the RSU part of equity; options and benefits bear none.

    Shares are rounded to cents and the cent(s) left over go to the largest taxed part, so the
    components add up to `year.total − tax` exactly.
    """
    amounts = {
        "base": year.base,
        "bonus": year.bonus,
        "sign_on": year.sign_on,
        "one_time": year.one_time,
        "rsu": year.equity - year.equity_options,
    }
    taxable = sum(amounts.values(), ZERO)
    shares = dict.fromkeys(_TAXED_PARTS, ZERO)
    if taxable > 0 and tax:
        with exact():
            for part in _TAXED_PARTS:
                shares[part] = round_cents(tax * amounts[part] / taxable)
        largest = max(_TAXED_PARTS, key=lambda p: amounts[p])  # the first of equals, in a fixed order
        shares[largest] += tax - sum(shares.values(), ZERO)
    return replace(
        year,
        base=year.base - shares["base"],
        bonus=year.bonus - shares["bonus"],
        sign_on=year.sign_on - shares["sign_on"],
        one_time=year.one_time - shares["one_time"],
        equity=year.equity - shares["rsu"],
    )


def after_tax_figures(figures: OfferFigures, taxes: AfterTax) -> OfferFigures | None:
    """The figures after tax, every year's components net of their share of the tax (see
    `after_tax_year`); None when there is no estimate."""
    if not taxes.available:
        return None
    years = tuple(
        after_tax_year(y, t.tax) for y, t in zip(figures.years, taxes.years, strict=True) if t.tax is not None
    )
    return replace(figures, years=years)


# --- the levers: what a change leaves in your pocket ------------------------------------------------


@dataclass(frozen=True)
class PocketChange:
    """What a change of pay in one year leaves after tax, computed by the engine at the offer's own
    pay that year (the exact difference of two estimates, not a rate): "+$10,000 base is +$5,785 a
    year in your pocket in California" (at 150,000 of base, 2026 rules, single filer)."""

    offer_id: str
    year: int
    currency: str  # the offer's
    pay_change: Decimal  # the change of the year's total, before tax
    tax_change: Decimal
    pocket_change: Decimal  # pay_change − tax_change
    place: str  # "California"
    label: str  # the estimate's label
    not_taxed_change: Decimal = ZERO  # the part of pay_change that is options or benefits (untaxed)
    asked: Decimal | None = None  # the change asked for, where it moves more pay (+10,000 base: its bonus too)

    @property
    def kept_pct(self) -> Decimal | None:
        """Percent of the change that is kept (one decimal), None for no change."""
        if not self.pay_change:
            return None
        with exact():
            return (self.pocket_change * 100 / self.pay_change).quantize(Decimal("0.1"))


def pocket_difference(
    before: AfterTax, after: AfterTax, figures_before: OfferFigures, figures_after: OfferFigures, year: int = 1
) -> PocketChange | None:
    """The after-tax effect in `year` of going from `before` to `after` (same offer, region, rules);
    None when either has no estimate."""
    if not (before.available and after.available) or year > len(before.years):
        return None
    old, new = before.year(year), after.year(year)
    assert old.tax is not None and new.tax is not None and old.after_tax is not None and new.after_tax is not None
    pay = figures_after.years[year - 1].total - figures_before.years[year - 1].total
    return PocketChange(
        offer_id=before.offer_id,
        year=year,
        currency=before.currency,
        pay_change=pay,
        tax_change=new.tax - old.tax,
        pocket_change=new.after_tax - old.after_tax,
        place=before.place or "",
        label=before.label or "",
        not_taxed_change=new.not_taxed - old.not_taxed,
    )


def pocket_difference_in_year(
    before: AfterTax, figures_before: OfferFigures, year_after: YearFigures, basis: TaxBasis
) -> PocketChange | None:
    """`pocket_difference` for a change whose after-figures are only needed in one year (`year_after`,
    in `before`'s currency): the same numbers, with one estimate of that year's taxed pay (`tax_on`)
    instead of a whole `figures_after_tax` of the changed offer. None without an estimate."""
    year = year_after.year
    if not before.available or year > len(before.years):
        return None
    old = before.year(year)
    assert old.tax is not None and old.after_tax is not None
    taxed = year_after.taxable
    tax = tax_on(before, taxed, basis)
    assert tax is not None  # `before` has an estimate: the same region, rules and rates
    total = year_after.total
    return PocketChange(
        offer_id=before.offer_id,
        year=year,
        currency=before.currency,
        pay_change=total - figures_before.years[year - 1].total,
        tax_change=tax - old.tax,
        pocket_change=(total - tax) - old.after_tax,
        place=before.place or "",
        label=before.label or "",
        not_taxed_change=(total - taxed) - old.not_taxed,
    )


def _signed(amount: Decimal, currency: str) -> str:
    words = money_words(amount, currency)
    return words if amount < 0 else f"+{words}"


def pocket_sentence(change: PocketChange, what: str, *, per_year: bool = True, label: bool = False) -> str:
    """ "+$10,000 base is +$5,785 a year in your pocket in California" (`per_year` for recurring pay;
    else "+$20,000 sign-on is +$11,620 in your pocket in year 1 in California"). Where the change asked
    for moves more pay (`asked`: a base raise lifts a bonus set as a percent of base): "+$10,000 base
    (+$11,000 of pay in all) is +$6,066.50 a year in your pocket in California". With `label`, the
    estimate's label follows in brackets.
    """
    when = "a year" if per_year else f"in year {change.year}"
    asked = f"{_signed(change.pay_change, change.currency)} {what}"
    if change.asked is not None and change.asked != change.pay_change:
        asked = (
            f"{_signed(change.asked, change.currency)} {what} "
            f"({_signed(change.pay_change, change.currency)} of pay in all)"
        )
    if per_year:
        text = (
            f"{asked} is "
            f"{_signed(change.pocket_change, change.currency)} {when} in your pocket in {change.place}"
        )
    else:
        text = (
            f"{asked} is "
            f"{_signed(change.pocket_change, change.currency)} in your pocket {when} in {change.place}"
        )
    if label and change.label:
        text += f" ({change.label})"
    return text
