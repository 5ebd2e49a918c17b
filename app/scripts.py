"""What to say: the rationale, the script and the if-no line of every ask, and the call sheet's words.

Words only: every number comes from app/package.py and app/stretch.py. Spoken numbers are round
(to the thousand; to the hundred below ten thousand), dates and specifics come from the offer, and
nothing commits the candidate ("ready to sign") outside the closing round.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal

from app.frozen import quick_init
from app.models import Offer
from app.money import ZERO, exact, round_cents
from app.package import Ask, Package
from app.position import Alternative, Position
from app.rubric import Rubric
from app.stretch import Stretch
from app.text import date_words, money_words, plural, say_money

# Phrases that commit the candidate: only the closing round may say them.
COMMITMENT_PHRASES = (
    "ready to sign",
    "ready to accept",
    "i accept",
    "i'll accept",
    "i will accept",
    "i'll sign",
    "i will sign",
    "say yes today",
    "sign today",
    "accept today",
)
BAND_SOURCES = {
    "posting": "the posted band",
    "recruiter": "the band the recruiter shared",
    "estimate": "the band you estimated",
    "not stated": "the band",
    "typical band shape": "a typical band around this offer (an estimate)",
}


@quick_init
@dataclass(frozen=True)
class Words:
    rationale: str
    script: str
    if_no: str


# --- spoken numbers ------------------------------------------------------------------------------


def say_shares(shares: Decimal) -> str:
    return f"{shares:,.0f} options" if shares != 1 else "1 option"


def say_days(days: int) -> str:
    words = {1: "one", 2: "two", 3: "three", 4: "four", 5: "five", 6: "six", 7: "seven", 10: "ten"}
    return f"{words.get(days, str(days))} {'day' if days == 1 else 'days'}"


_DAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_MONTH_NAMES = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
                "November", "December")


def say_date(day: date) -> str:
    """ "Friday 27 November": a date as it is said. English, as the sentences are: strftime's %A and %B
    would follow the process's locale (the window sets it from the system's: "Freitag" inside an
    English sentence) and cost ~25 µs a call."""
    return f"{_DAY_NAMES[day.weekday()]} {day.day} {_MONTH_NAMES[day.month - 1]}"


def say_years(years: int) -> str:
    words = {1: "one year", 2: "two years", 3: "three years", 5: "five years", 7: "seven years", 10: "ten years"}
    return words.get(years, f"{years} years")


_DOTS = re.compile(r"\.\.+")
_DOT_AFTER = re.compile(r"([?!])\.")
# "a" before a vowel sound, "an" before a consonant ("a one-off", "a unit", "a usual" keep their "a")
_A_VOWEL = re.compile(r"\b([Aa]) (?!one|once|uni|use|usu|eu)([aeiou])")
_AN_CONSONANT = re.compile(r"\b([Aa])n ([bcdfgjklmnpqrstvwxyz])")
# what each pass needs to find before its regex can change anything (the regexes cost ~15 µs a
# sentence each, and most sentences need neither)
_SPACE_BEFORE = tuple((f" {mark}", mark) for mark in ",.;:?!")
_A_VOWEL_PAIRS = tuple(f"{a} {vowel}" for a in "aA" for vowel in "aeiou")
_CONSONANTS = frozenset("bcdfgjklmnpqrstvwxyz")


def _an_before_consonant(text: str) -> bool:
    """Whether `_AN_CONSONANT` has something to change: "an" + a space + a consonant, the "a" starting
    a word (the regex's word boundary: no letter, digit or underscore before it)."""
    i = text.find("n ")
    while i != -1:
        if i and text[i - 1] in "Aa" and text[i + 2 : i + 3] in _CONSONANTS:
            before = text[i - 2] if i >= 2 else ""
            if not (before.isalnum() or before == "_"):
                return True
        i = text.find("n ", i + 2)
    return False


@functools.lru_cache(maxsize=8192)  # many sentences repeat from offer to offer (evaluate runs thousands)
def tidy(text: str) -> str:
    """The grammar pass every generated sentence goes through: spaces, stray punctuation, articles.

    Each step is a regex (or its plain-string equal) run only when the text has what it matches:
    runs of whitespace of any kind become one space (`split` splits where the regex's whitespace
    class matches; a text of printable characters has no whitespace but the ASCII space), no space
    before , . ; : ? !, no doubled full stop or one after ? or !, "a"/"an" by the next sound, a
    capital first letter.
    """
    if not text.isprintable() or "  " in text or text[:1] == " " or text[-1:] == " ":
        text = " ".join(text.split())
    for pair, mark in _SPACE_BEFORE:
        if pair in text:
            text = text.replace(pair, mark)
    if ".." in text:
        text = _DOTS.sub(".", text)
    if "?." in text or "!." in text:
        text = _DOT_AFTER.sub(r"\1", text)
    if any(pair in text for pair in _A_VOWEL_PAIRS):
        text = _A_VOWEL.sub(r"\1n \2", text)
    if _an_before_consonant(text):
        text = _AN_CONSONANT.sub(r"\1 \2", text)
    if text and text[0].islower():
        text = text[0].upper() + text[1:]
    return text


def commits(text: str) -> bool:
    """Whether a line commits the candidate to accept (only the closing round may)."""
    low = text.lower().replace("’", "'")
    return any(phrase in low for phrase in COMMITMENT_PHRASES)


def join_words(items: Sequence[str]) -> str:
    items = [i for i in items if i]
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


# --- the words of one offer ----------------------------------------------------------------------


class Scripts:
    """The words for one offer's package. Built once per offer; `words(ask)` for each ask."""

    def __init__(
        self,
        offer: Offer,
        position: Position,
        stretch: Stretch,
        package: Package,
        rubric: Rubric,
        as_of: date,
    ):
        self.offer, self.p, self.s, self.pk, self.rubric, self.as_of = offer, position, stretch, package, rubric, as_of
        self.cur = offer.currency
        self.tier_name = position.tier_name.lower()
        self.first_money = next((a for a in package.asks if a.step == "package" and a.ask is not None), None)

    def money(self, value: Decimal) -> str:
        return say_money(value, self.cur)

    def exact(self, value: Decimal) -> str:
        """A figure the brief's tables show too (a drop in pay), to the whole unit, so the two agree."""
        return money_words(round_cents(value).quantize(Decimal(1), rounding=ROUND_HALF_UP), self.cur)

    def words(self, ask: Ask) -> Words:
        method = getattr(self, f"_{ask.lever}")
        rationale, script, if_no = method(ask)
        if ask.step == "package" and ask is self.first_money and not ask.closing and ask.answer is None:
            script = self.opener()
        return Words(tidy(rationale), tidy(script), tidy(if_no))

    # --- shared phrases ----------------------------------------------------------------------

    def a_position(self) -> str:
        return f"{'an' if self.tier_name[0] in 'aeiou' else 'a'} {self.tier_name} position"

    def enthusiasm(self) -> str:
        company = self.offer.company
        if self.p.tier in ("grand_slam", "strong"):
            return f"I'm excited about {company} and I'd like to make this work."
        if self.p.tier == "steady":
            return f"Thank you for the offer. I'm keen on the role and the team at {company}."
        return f"Thank you for the offer. I appreciate it, and I'd like to join {company}."

    def spoken_reason(self) -> str:
        """Why the numbers: the strongest reason the candidate can say out loud."""
        pk, s = self.pk, self.s
        make_whole = next((a for a in pk.package_asks if a.lever == "make_whole"), None)
        if make_whole is not None and pk.staying is not None and pk.staying.leaving_cost is not None:
            return (
                f"Moving means leaving behind about {self.money(pk.staying.leaving_cost)} at {pk.staying.company}"
                f"{self.leaving_what()}; I can share the statements."
            )
        if s.band_position == "below":
            return f"The band for this role starts at {self.money(s.band_min)}, and my offer sits below it."
        if s.at_top_of_band and not s.band_estimated:
            lead = "I understand the base is already at the top of the band for this level."
            if pk.alternative is not None:
                own, _ = pk.alternative.own()
                lead += f" I also have another offer at about {self.money(own)} in the first year."
            return lead
        if pk.alternative is not None:
            own, _ = pk.alternative.own()
            return f"I have another offer at about {self.money(own)} in the first year."
        staying = pk.staying
        if (
            staying is not None
            and staying.year_one is not None
            and pk.anchor_reason == "current_job"
            and staying.currency == self.offer.currency  # like for like: another market's pay is not quoted
        ):
            return f"Staying where I am pays about {self.money(staying.year_one)} in the first year."
        if pk.other_market is not None:
            return "I'm also weighing another offer."
        if (self.offer.signals.competing_offers or 0) > 0:
            return "I'm weighing another offer."
        return "Given the scope we discussed and what I'd bring to the team,"

    def sign_on_words(self, ask: Decimal) -> str:
        """ "a sign-on of $14,000" when none is offered; "raising the sign-on to $27,000" when one is."""
        if self.s.sign_on_offered > 0:
            return f"raising the sign-on to {self.money(ask)}"
        return f"a sign-on of {self.money(ask)}"

    def leaving_what(self) -> str:
        """What leaving forfeits, as the user named it: " (RSUs vesting in February and this year's bonus)"."""
        staying = self.pk.staying
        items = staying.leaving_items if staying is not None else ()
        names = [what.strip() for what, amount in items if what.strip() and amount > 0]
        if not names:
            return ""
        if len(names) > 3:
            return f" ({', '.join(names[:2])} and more)"
        return f" ({join_words(names)})"

    def package_words(self, skip_first: bool = False) -> str:
        """The money asks of the package, said together: "a base of $198,000 and a sign-on of $30,000"."""
        parts = []
        for a in self.pk.package_asks:
            if a.ask is None or a.step != "package":
                continue
            parts.append(self.item_words(a))
        return join_words(parts[1:] if skip_first else parts)

    def item_words(self, a: Ask) -> str:
        assert a.ask is not None
        if a.lever == "base_salary":
            return f"a base of {self.money(a.ask)}"
        if a.lever == "sign_on":
            return f"a sign-on of {self.money(a.ask)}"
        if a.lever == "make_whole":
            cost = self.pk.staying.leaving_cost if self.pk.staying is not None else None
            if cost is not None and a.ask > cost + 999:
                return f"a sign-on of {self.money(a.ask)} (it covers what I leave behind)"
            return f"a sign-on of {self.money(a.ask)} to cover what I leave behind"
        if a.lever == "equity":
            if a.unit == "shares":
                return f"{say_shares(a.ask)} instead of {say_shares(a.offered or ZERO)}"
            return f"an equity grant of {self.money(a.ask)}"
        if a.lever == "combined_headcount":
            return f"a base of {self.money(a.ask)}"
        if a.lever == "relocation":
            return f"relocation of {self.money(a.ask)}"
        return ""

    def opener(self) -> str:
        """The first ask of the package says the whole package, at once, with its reason."""
        reason = self.spoken_reason()
        together = self.package_words()
        if reason.endswith(","):
            ask_line = f"{reason} I'd like to ask for {together}."
        else:
            ask_line = f"{reason} So I'd like to ask for {together}."
        question = (
            "Is that something you can do?" if self.p.tier in ("grand_slam", "strong") else "Would that be possible?"
        )
        extra = ""
        if any(a.lever == "equity" and a.unit == "shares" and a.step == "package" for a in self.pk.asks):
            extra = (
                " And could you share the fully diluted share count, the latest 409A value and the preferences, so I "
                "can value the options?"
            )
        return f"{self.enthusiasm()} {ask_line} {question}{extra}"

    def closing_line(self, a: Ask) -> str:
        together = self.package_words()
        return f"Thank you for the revised offer. If you can get to {together}, I'm ready to sign today."

    def package_gain(self) -> Decimal:
        """What the package adds to year 1, the make-whole aside (it pays back a loss, it is no gain)."""
        pk = self.pk
        if pk.anchor is None:
            return ZERO
        return pk.anchor.year_one - self.s.offered.year_one - pk.make_whole_part

    def where_from(self) -> str:
        """Where the package's size comes from, in one sentence (the brief repeats it on page 1)."""
        return self._where_from

    @functools.cached_property
    def _where_from(self) -> str:
        s, pk = self.s, self.pk
        line = self.rubric.stretch[self.p.tier]
        head = (
            f"From {self.a_position()}, negotiating usually adds about {line.typical_gain_pct} % to year 1 and "
            f"at most {line.best_gain_pct} %"
        )
        if pk.anchor_reason == "target":
            why = "your target asks for more"
        elif pk.anchor_reason == "walk_away":
            why = "your walk-away asks for more"
        elif pk.anchor_reason == "alternative" and pk.alternative is not None:
            why = f"your {pk.alternative.company} offer pays more"
        elif pk.anchor_reason == "current_job" and pk.staying is not None:
            why = f"staying at {pk.staying.company} pays more"
        else:
            why = ""
        added = self.package_gain()
        if why:
            tail = f"; {why}, so the package asks for about {self.money(added)} more in year 1"
            if pk.anchor_capped and added * 10 >= s.best_gain * 9:
                tail += ", about the most this position plausibly reaches"
            elif pk.talks.answered and pk.talks.last_ask:
                tail += ", on what you already asked for"
        else:
            tail = f"; the package asks for about {self.money(added)} more in year 1"
        if any(a.lever == "make_whole" for a in pk.asks):
            tail += ", besides making you whole for what you leave"
        if s.answered:
            tail += f", with {s.room_left_pct.normalize():f} % of the room left after the company's answers"
        return head + tail + "."

    # --- money levers ------------------------------------------------------------------------

    def _base_salary(self, a: Ask) -> tuple[str, str, str]:
        s = self.s
        assert a.ask is not None
        band = f"{BAND_SOURCES.get(s.band_source, 'the band')} is {self.money(s.band_min)}–{self.money(s.band_max)}"
        if s.band_max > s.band_min:
            with exact():
                penetration = (s.base_offered - s.band_min) / (s.band_max - s.band_min) * 100
            band += f"; the offer's base sits at {penetration:.0f} % of it"
        if a.reason == "band_min":
            lead = (
                f"The offer's base is below the band: {band}. Reaching the band's minimum is the easiest ask to "
                "win, because it needs no exception."
            )
        elif a.reason == "exception":
            lead = (
                f"{band.capitalize()}. {self.money(a.ask)} is past its top: an exception the hiring manager "
                "has to get approved above them, plausible only for a candidate they are afraid to lose."
            )
        else:
            lead = f"{band.capitalize()}, and {self.money(a.ask)} stays inside it."
        rationale = (
            f"{lead} {self.where_from()} A base of {self.money(a.ask)} is {self.money(a.ask - s.base_offered)} more "
            "a year, and the bonus grows with it."
        )
        if a.last_ask is not None:
            rationale += (
                f" You last asked for {self.money(a.last_ask)}"
                + (f" and the company answered {self.money(a.answer)}" if a.answer is not None else "")
                + ": the ask stays between the two and never goes back above your own number."
            )
        if a.closing:
            script = self.closing_line(a)
        elif a.answer is not None and self.pk.closing:
            last = f" and my {self.money(a.last_ask)}" if a.last_ask is not None else ""
            script = f"On the base: {self.money(a.ask)} meets you partway between your {self.money(a.answer)}{last}."
        elif a.answer is not None:
            script = (
                f"Thank you for coming back with {self.money(a.answer)}. I'd like to meet you partway: could we "
                f"get the base to {self.money(a.ask)}?"
            )
        else:
            script = f"A base of {self.money(a.ask)} would make this work for me."
        return rationale, script, self.ladder_if_no()

    def ladder_if_no(self) -> str:
        """If the base is a no: the next rung of the fallback ladder, with its number."""
        for x in self.pk.fallbacks:
            if x.lever == "sign_on" and x.ask is not None:
                return (
                    f"I understand if the base can't move that far. Could {self.sign_on_words(x.ask)} bridge the "
                    "difference in the first year?"
                )
            if x.lever == "combined_headcount":
                limit = "the band is a limit" if x.ask is not None and x.ask > self.s.band_max else "budgets are tight"
                return f"I understand {limit}. Could the budget of the other open role help close the gap?"
            if x.lever == "equity" and x.ask is not None and x.kind == "new_money":
                more = say_shares(x.ask) if x.unit == "shares" else f"a grant of {self.money(x.ask)}"
                return f"I understand. Could we close the gap in equity instead, with {more}?"
            if x.lever == "equity" and x.kind == "swap":
                return "I understand. Could part of the sign-on be converted into equity instead?"
        return (
            "I understand. Could we agree on a compensation review after six months instead, with the goals "
            "written down?"
        )

    def _combined_headcount(self, a: Ask) -> tuple[str, str, str]:
        assert a.ask is not None
        headcount = self.offer.headcount
        roles = headcount.combinable_roles if headcount else 0
        budget = headcount.combinable_budget if headcount else ZERO
        past = a.ask > self.s.band_max
        reach = "to pay past the band" if past else "to pay more than this role's own budget allows"
        rationale = (
            f"You recorded {plural(roles, 'other open role')} with {self.money(budget)} of budget. For a candidate "
            f"they don't want to lose, hiring managers fold two roles into one headcount {reach}: a base "
            f"of {self.money(a.ask)} is possible that way, never likely. It is the hiring manager's call, not the "
            "recruiter's."
        )
        constraint = "I know the band is a constraint." if past else "I know this role's budget is a constraint."
        script = (
            f"{constraint} I'd be taking on scope across both open roles; could the budget for "
            f"the second role fund a base of {self.money(a.ask)}?"
        )
        if_no = "Then could we revisit the base at six months, once I've taken on the second role's scope?"
        return rationale, script, if_no

    def sign_on_drop_line(self) -> str:
        """A sign-on lever that is not the drop's own fix still names the drop in pay when it ends."""
        drops = [d for d in self.s.drops if d.cause == "sign_on_ends" and d.year <= 5]
        if not drops:
            return ""
        years = join_words([f"year {d.year}" for d in drops])
        return f" Pay drops in {years} as the sign-on payments end: ask for part of the sign-on to be paid then."

    def _sign_on(self, a: Ask) -> tuple[str, str, str]:
        s = self.s
        if a.ask is None and a.drop is not None:
            drop = a.drop
            rationale = (
                f"Pay drops in year {drop.year} by {self.exact(drop.amount)} when the sign-on ends. Paying part of "
                f"it in year {drop.year} instead evens out your pay and costs the company nothing."
            )
            script = f"Could part of the sign-on be paid in year {drop.year}? It would keep my pay steady."
            return rationale, script, f"Could the year-{drop.year} part come as a retention bonus instead?"
        if a.kind == "swap" and a.drop is not None:
            drop = a.drop
            rationale = (
                f"Pay drops in year {drop.year} by {self.exact(drop.amount)} when the sign-on ends. Moving "
                f"{self.money(a.given)} of the year-1 sign-on into year {drop.year} costs the company nothing and "
                "evens out your pay: a swap, not new money."
            )
            script = (
                f"Could we split the sign-on so that {self.money(a.given)} is paid in year {drop.year}? It keeps my "
                "pay steady once the first payment is behind me."
            )
            if_no = f"Could the year-{drop.year} part come as a retention bonus instead?"
            return rationale, script, if_no
        assert a.ask is not None
        repay = self._repayment()
        if a.reason == "base_gap":
            rationale = (
                "If the base can't reach the ask, a sign-on is one-time money from outside the band, easier to "
                f"approve: {self.money(a.ask)} covers about a year of the difference. {repay}"
            )
            script = f"If the base is fixed, could {self.sign_on_words(a.ask)} bridge the first year?"
        elif a.reason == "top_of_band":
            rationale = (
                f"The base is at the top of the band ({self.money(s.band_max)}), so the room is in one-time money: "
                f"a sign-on of {self.money(a.ask)} (offered: {self.money(s.sign_on_offered)}). {repay}"
            )
            script = f"Since the base is at the top of the band, could the sign-on be {self.money(a.ask)}?"
        else:
            rationale = (
                f"A sign-on is one-time money, easier to approve than base. From {self.a_position()} it plausibly "
                f"reaches {self.money(s.sign_on_ceiling)}; the package asks for {self.money(a.ask)} "
                f"(offered: {self.money(s.sign_on_offered)}). {repay}"
            )
            script = f"Could the sign-on come to {self.money(a.ask)}? One-time money would help me make the move."
        if a.closing:
            script = self.closing_line(a)
        extra = a.ask - s.sign_on_offered
        if s.sign_on_offered > 0 and extra > 0:
            if_no = f"Could the extra {self.money(extra)} come in year 2 instead, as a retention bonus?"
        else:
            if_no = "Could it be split over the first two years instead?"
        return rationale + self.sign_on_drop_line(), script, if_no

    def _repayment(self) -> str:
        terms = self.offer.sign_on_repayment
        if terms is not None:
            how = "pro rata" if terms.pro_rata else "in full"
            return f"It is repaid {how} if you leave within {terms.months} months."
        return "Sign-on bonuses usually must be repaid if you leave within a year or two."

    def _make_whole(self, a: Ask) -> tuple[str, str, str]:
        assert a.ask is not None
        staying = self.pk.staying
        assert staying is not None and staying.leaving_cost is not None
        items = join_words(
            [f"{what} ({say_money(amount, staying.currency)})" for what, amount in staying.leaving_items]
        )
        rate = f" ({staying.rate_note})" if staying.rate_note else ""
        offered = self.s.sign_on_offered
        covered = (
            f" The sign-on offered ({self.money(offered)}) covers part of it; the ask brings it to {self.money(a.ask)}."
            if offered > 0
            else ""
        )
        with exact():
            share = (staying.leaving_cost - offered) * 100 / self.offer.base_salary if self.offer.base_salary else ZERO
        rationale = (
            f"Leaving {staying.company} costs you {self.money(staying.leaving_cost)}{rate}: {items}. Asking the new "
            "employer to make you whole is a normal ask; many cover what vests in the next twelve months, as a "
            f"sign-on or a special grant, and expect longer tails to be forfeited.{covered} What is not yet covered is "
            f"{share:.0f} % of the base: {self._plausibility_words(a)}."
        ) + self.sign_on_drop_line()
        script = (
            f"Moving means leaving behind about {self.money(staying.leaving_cost)} at {staying.company}"
            f"{self.leaving_what()}. I can share the statements. Could the sign-on cover it, at {self.money(a.ask)}?"
        )
        if a.closing:
            script = self.closing_line(a)
        if_no = "Could part of it come as a special grant vesting in the first year, or the sign-on paid in two parts?"
        return rationale, script, if_no

    def _plausibility_words(self, a: Ask) -> str:
        return {
            "likely": "likely to be covered",
            "possible": "possible, but expect to cover part of it yourself",
            "long_shot": "a long shot in full",
        }[a.plausibility]

    def _equity(self, a: Ask) -> tuple[str, str, str]:
        s = self.s
        if a.reason == "cliff" and a.drop is not None:
            rationale = (
                f"Pay drops in year {a.drop.year} by {self.exact(a.drop.amount)}: a cliff past twelve months piled "
                "the first vesting into one year. A standard cliff of twelve months or less evens it out."
            )
            return (
                rationale,
                "Could the cliff be twelve months, with vesting every month or quarter after it?",
                "Then could the first refresher start a year earlier?",
            )
        if a.reason in ("under_water", "options"):
            return self._options(a)
        if a.kind == "swap":
            assert a.ask is not None
            gained = a.ask - s.equity_offered
            rationale = (
                f"From {self.a_position()} new cash is hard to get, but a swap costs the company little: give up "
                f"{self.money(a.given)} of the year-1 sign-on for {self.money(gained)} more equity (companies often "
                f"convert at about {self.rubric.sign_on_to_equity_rate}×). Year 1 goes down; the later years go up."
            )
            script = (
                f"Would you consider converting {self.money(a.given)} of the sign-on into equity, say "
                f"{self.money(gained)} in additional shares? I'd rather share in the company's growth."
            )
            return rationale, script, "Then I'll keep the sign-on as offered."
        assert a.ask is not None
        drop_note = ""
        front = next((d for d in s.drops if d.cause == "front_loaded"), None)
        cliff = next((d for d in s.drops if d.cause == "cliff"), None)
        if front is not None:
            drop_note = (
                f" The schedule is front-loaded, so a bigger grant vesting the same way deepens the step down in "
                f"year {front.year}: refreshers even it out, a bigger grant does not."
            )
        elif cliff is not None:
            drop_note = (
                f" Its cliff is past twelve months, which piles the first vesting into one year and drops pay in year "
                f"{cliff.year}: ask for a cliff of twelve months or less too."
            )
        if a.reason == "top_of_band":
            lead = (
                f"The base is at the top of the band ({self.money(s.band_max)}): say so, and look for the room in "
                "equity, which sits outside the salary band."
            )
        else:
            lead = "Equity sits outside the salary band, so it is where hiring managers find room."
        rationale = (
            f"{lead} The grant could plausibly grow from {self.money(s.equity_offered)} to {self.money(a.ask)}, "
            f"vesting on the same schedule.{drop_note}"
        )
        if a.step == "package" and a is not self.first_money:
            script = f"On the equity: a grant of {self.money(a.ask)} would reflect the long-term commitment I'm making."
        elif a.reason == "top_of_band":
            script = (
                "I understand the base is at the top of the band. Could we look at the equity instead, with a grant "
                f"of {self.money(a.ask)}?"
            )
        else:
            script = f"The equity matters to me because I plan to stay. Could the grant be {self.money(a.ask)}?"
        if a.closing:
            script = self.closing_line(a)
        sign_on_asked = any(x.lever in ("sign_on", "make_whole") and x.ask is not None for x in self.pk.package_asks)
        if sign_on_asked:
            if_no = "Could the difference come as a first refresher in year 2?"
        else:
            if_no = "Could the difference come as a first refresher in year 2, or as a sign-on?"
        return rationale, script, if_no

    def _options(self, a: Ask) -> tuple[str, str, str]:
        grant = next(g for g in self.offer.equity if g.kind == "option")
        cur = self.cur
        strike, price = grant.strike or ZERO, grant.price or ZERO
        details = []
        fds, fmv, preferred = grant.fully_diluted_shares, grant.fmv, grant.preferred_price
        if fds:
            with exact():
                own = (grant.shares or ZERO) * 100 / Decimal(fds)
            details.append(
                f"{say_shares(grant.shares or ZERO)} of {fds:,.0f} fully diluted shares is {own:.3f} % of the company"
            )
        questions = []
        if not fds:
            questions.append("how many fully diluted shares there are (to know what share of the company this is)")
        if fmv is None:
            questions.append("the latest 409A value")
        if preferred is None:
            questions.append("the price of the last round")
        questions.append("the liquidation preferences ahead of common stock")
        window = grant.exercise_window_days or 90
        questions.append(f"whether the {window}-day exercise window after leaving can be longer")
        if a.reason == "under_water":
            lead = (
                f"These options are under water: the stated price ({money_words(price, cur)}) is at or below the "
                f"strike ({money_words(strike, cur)}), so they are worth nothing at that price. They are still "
                "equity: they pay only if the share price rises past the strike. Value the offer on its cash, and "
                "ask about the options in shares, not in money."
            )
        else:
            lead = (
                "Options are asked for in shares (or ownership), never in money: their value depends on the exit, "
                "the strike and the preferences."
            )
        extra = ""
        if a.ask is not None:
            extra = f" From {self.a_position()} the grant could plausibly grow to {say_shares(a.ask)}."
        cliff = next((d for d in self.s.drops if d.cause == "cliff"), None)
        if cliff is not None:
            details.append(
                f"the cliff is past twelve months, which drops pay in year {cliff.year}: ask for twelve months or less"
            )
        rationale = (
            f"{lead}{extra} "
            + (" ".join(d[0].upper() + d[1:] + "." for d in details))
            + (f" Ask {join_words(questions)}.")
        )
        if a.ask is not None:
            script = (
                f"Could the grant be {say_shares(a.ask)} instead of {say_shares(grant.shares or ZERO)}? And could you "
                "share the fully diluted share count, the latest 409A value and the preferences, so I can value it?"
            )
        else:
            script = (
                "Could you share the fully diluted share count, the latest 409A value, the price of the last round "
                "and the liquidation preferences, so I can value the options?"
            )
        if a.closing:
            script = self.closing_line(a)
        if_no = "Then could part of the difference come as cash, a sign-on or a higher base?"
        return rationale, script, if_no

    def _relocation(self, a: Ask) -> tuple[str, str, str]:
        if a.ask is not None:
            rationale = (
                f"Relocation comes from a different budget than salary. The offer includes "
                f"{self.money(a.offered or ZERO)}; {self.money(a.ask)} is a common top-up when a move is costly."
            )
            script = f"The move will cost more than the package covers: could relocation be {self.money(a.ask)}?"
        else:
            place = self.offer.location or "the new city"
            rationale = (
                f"If taking the job means moving to {place}, ask: a relocation package comes from a different budget "
                "than salary and is often granted on request."
            )
            script = "Is there a relocation package for this role?"
        return rationale, script, "Could part of it be paid as a lump sum, so I can plan the move myself?"

    # --- requests without money --------------------------------------------------------------

    def _level(self, a: Ask) -> tuple[str, str, str]:
        current = f" than {self.offer.level}" if self.offer.level else ""
        if a.reason == "top_of_band":
            lead = (
                f"The base is at the top of the band ({self.money(self.s.band_max)}): the band itself is the limit. "
                f"A higher level{current} moves you into the next band, and every future raise and refresher with it."
            )
            script = (
                "I understand the base is at the top of the band for this level. Based on the scope we discussed, "
                "could I be considered for the next level?"
            )
        else:
            lead = (
                f"A higher level{current} moves you into a higher band, and every future raise and refresher with it. "
                "Companies pre-approve the next level up for candidates who interviewed at that bar."
            )
            script = (
                "Based on the scope we discussed, I'd like to be considered for the next level. What would it take "
                "to get there?"
            )
        rationale = f"{lead} It is the hiring manager's call: raise it with them, not only the recruiter."
        if_no = "What would I need to show to be promoted within the first year, and could we write that down?"
        return rationale, script, if_no

    def _review(self, a: Ask) -> tuple[str, str, str]:
        rationale = (
            "An early compensation review (at six months instead of a year) is low risk for the company: it pays "
            "only if you prove yourself, so it is easy to grant even when the budget is tight."
        )
        if a.step == "package":
            rationale = (
                f"From {self.a_position()} there is no plausible room for more money in this offer as it stands. "
                + rationale
            )
        script = (
            "If the numbers are fixed today, could we agree on a compensation review after six months, with the "
            "goals written down now?"
        )
        return rationale, script, "Could the offer letter at least say when my first review is and what it covers?"

    def _deadline(self, a: Ask) -> tuple[str, str, str]:
        deadline = self.pk.deadline
        assert deadline is not None
        if a.reason == "passed":
            days = -(self.pk.deadline_days or 0)
            rationale = (
                f"The deadline was {date_words(deadline)}, {plural(days, 'day')} ago. Before anything else, confirm "
                "with the recruiter that the offer still stands, and get the date it now runs to in writing."
            )
            script = (
                f"I know the offer's date was {say_date(deadline)}. Is the offer still open? If so, I'd like to "
                "confirm the date you need my answer by."
            )
            if_no = "I understand it has lapsed. Could it be reissued with a new date? I'm still keen to join."
            return rationale, script, if_no
        assert a.day is not None and a.ask is not None
        days = int(a.ask)
        if a.reason == "exploding":
            left = self.pk.deadline_days or 0
            when = "today" if left == 0 else "tomorrow" if left == 1 else f"in {plural(left, 'day')}"
            rationale = (
                f"The offer expires {when} ({date_words(deadline)}). A short deadline is a tactic: asking for a few "
                "more days, with a reason, is normal and rarely refused. Do it first, before any number."
            )
        else:
            rationale = (
                f"The offer expires on {date_words(deadline)}. More time to decide is rarely refused, and it lets "
                "your other processes catch up."
            )
        pk = self.pk
        others = pk.alternative is not None or pk.other_market is not None or (self.offer.signals.competing_offers or 0)
        reason = "and finish my other conversations" if others else "and talk it through at home"
        script = (
            f"I want to give this the consideration it deserves {reason}. Could I have "
            f"until {say_date(a.day)} to decide? That's {say_days(days)} more."
        )
        if_no = "If the date can't move, could you send the full offer in writing today, so I can decide by then?"
        return rationale, script, if_no

    def _start_date(self, a: Ask) -> tuple[str, str, str]:
        staying = self.pk.staying
        if a.day is not None:
            later = a.day + timedelta(days=14)
            later += timedelta(days=(7 - later.weekday()) % 7)  # a Monday
            when = f"The offer's start date is {date_words(a.day)}."
            script = f"Could we set the start date to {say_date(later)}? It lets me leave my current team well."
        else:
            later = self.as_of + timedelta(days=28)
            later += timedelta(days=(7 - later.weekday()) % 7)
            when = "No start date is recorded yet."
            script = f"I could start on {say_date(later)}. Does that work on your side?"
        why = (
            f"A start after your next vesting or bonus date at {staying.company} cuts what you forfeit."
            if a.reason == "vesting" and staying is not None
            else "It buys time for a break, or for a bonus or vesting date at your current job."
        )
        rationale = f"{when} A later (or earlier) start costs the company nothing and is almost always granted. {why}"
        return rationale, script, "Which start date would work best for the team, then?"

    def _pto(self, a: Ask) -> tuple[str, str, str]:
        assert a.ask is not None
        days = int(a.ask)
        rationale = (
            "Extra paid time off is a low-risk ask: it rarely needs an exception above the hiring manager, and "
            "costs the company less than money."
        )
        script = f"Could we add {say_days(days)} of paid time off a year?"
        return rationale, script, "Could the extra days start after the first year, then?"

    def _remote(self, a: Ask) -> tuple[str, str, str]:
        rationale = (
            "Days working from home are worth real money in commute and time, and cost the company little. It is "
            "the hiring manager's call: ask them."
        )
        script = (
            "How flexible is the team about working from home? A day or two a week would make a real difference for me."
        )
        return rationale, script, "Could we revisit it after the first three months?"

    def _exercise_window(self, a: Ask) -> tuple[str, str, str]:
        assert a.ask is not None and a.offered is not None
        years = int(a.ask) // 365
        rationale = (
            f"Options must be bought within {int(a.offered)} days of leaving, or they are lost. A longer window "
            f"({say_years(years)}) keeps their value without forcing you to pay the strike, and the tax, at once."
        )
        script = (
            f"Could the window to exercise my options after leaving be extended from {int(a.offered)} days to "
            f"{say_years(years)}?"
        )
        return rationale, script, "Could it be extended at least for options that have vested for two years or more?"

    def _refreshers(self, a: Ask) -> tuple[str, str, str]:
        drop = a.drop
        assert drop is not None
        if drop.cause == "front_loaded":
            cause = (
                "the schedule is front-loaded: the grant still vests, but less each year. A bigger grant on the same "
                "schedule deepens the step; refreshers, or a sign-on paid that year, even it out"
            )
        else:
            cause = "the initial grant runs out. Refreshers that start before it ends fill the gap"
        has = self.offer.refreshers is not None
        rationale = f"Pay drops in year {drop.year} by {self.exact(drop.amount)} because {cause}." + (
            "" if has else " The offer names no refreshers: ask how they work."
        )
        script = (
            f"How are equity refreshers decided here, and when would I receive my first one? I'd like to understand "
            f"how my pay develops from year {drop.year} on."
        )
        return rationale, script, "What did someone at my level typically receive as a refresher last year?"

    def _follow_up(self, a: Ask) -> tuple[str, str, str]:
        plan = self.pk.follow_up
        assert plan is not None
        role = self.offer.role
        other = self._other_offer_line()
        if plan.kind == "no_dates":
            return (
                "The timeline has no interviews yet: add their dates, and the app tells you when to follow up.",
                f"Thank you for the conversations so far about the {role} role. Could you tell me what the next "
                "steps are, and when you expect to decide?",
                "If you hear nothing in a week, write once more, then put your time into your other processes.",
            )
        assert plan.last_interview is not None
        if plan.kind == "upcoming":
            assert plan.write_on is not None
            return (
                f"Your next interview is on {date_words(plan.last_interview)}. After it, a decision within a week is "
                f"normal: if you have heard nothing by {date_words(plan.write_on)}, write to the recruiter.",
                f"Thank you for the interview. I enjoyed meeting the team and I'm very interested in the {role} role. "
                "Could you tell me the next steps and when you expect to decide?",
                "If you hear nothing a week after that, write once more, and keep your other processes moving.",
            )
        met = say_date(plan.last_interview)
        if plan.kind == "wait":
            assert plan.write_on is not None
            rationale = (
                f"A decision within a week of the last interview is normal: wait. If you have heard nothing by "
                f"{date_words(plan.write_on)}, write the recruiter a short note. Until there is an offer, there is "
                "nothing to negotiate: prepare your numbers (target and walk-away) meanwhile."
            )
        elif plan.kind == "now":
            rationale = (
                f"It has been {plural(plan.waited or 0, 'day')} since your last interview with no offer: follow up "
                "now with the recruiter, who runs the process. Keep your other processes moving."
            )
        elif plan.kind == "wait_after_follow_up":
            assert plan.followed_up is not None and plan.write_on is not None
            rationale = (
                f"You followed up on {date_words(plan.followed_up)}. Give it until {date_words(plan.write_on)}; "
                "meanwhile keep your other processes moving."
            )
        else:
            assert plan.followed_up is not None
            rationale = (
                f"You followed up on {date_words(plan.followed_up)} and heard nothing since: ask the recruiter "
                "directly whether the hiring manager has decided, and whether anything from you would help."
            )
        if plan.kind == "again":
            script = (
                f"I wanted to check in again about the {role} role. Has the team reached a decision, and is there "
                f"anything more I can share?{other}"
            )
        else:
            script = (
                f"Thank you again for the interview on {met}. I'm still very interested in the {role} role. Could you "
                f"tell me where things stand and when you expect a decision?{other}"
            )
        if_no = (
            f"If you hear nothing within {say_days(self.rubric.follow_up_again_days)}, write once more, then put your "
            "time into your other processes."
        )
        return rationale, script, if_no

    def _other_offer_line(self) -> str:
        alt = self.pk.alternative or self.pk.other_market
        if alt is not None and alt.deadline is not None and alt.deadline >= self.as_of:
            return (
                f" I have another offer that expires on {say_date(alt.deadline)}, so knowing your timing would help me."
            )
        if alt is None and not (self.offer.signals.competing_offers or 0):
            return ""
        return " I have another offer, so knowing your timing would help me."


# --- the call sheet's words ----------------------------------------------------------------------


def headline(package: Package, offer: Offer) -> str:
    """One sentence on what to do now, for the top of the Negotiate tab and page 1 of the brief."""
    if package.mode == "closed":
        return {
            "accepted": "No asks — accepted. Get every number, the start date and the sign-on's repayment terms in "
            "writing before you resign.",
            "declined": "No asks — declined. Nothing to negotiate here; keep the record for your other offers.",
            "withdrawn": "No asks — the offer was withdrawn. Nothing to negotiate here.",
        }.get(offer.stage, "No asks for this offer.")
    if package.mode == "follow_up":
        plan = package.follow_up
        if plan is not None and plan.kind in ("now", "again"):
            return "No offer yet: follow up with the recruiter now. Nothing to negotiate until there is an offer."
        if plan is not None and plan.write_on is not None:
            return (
                f"No offer yet: wait, and follow up on {date_words(plan.write_on)} if you have heard nothing. "
                "Nothing to negotiate until there is an offer."
            )
        return "No offer yet: nothing to negotiate until there is one."
    first = package.asks[0] if package.asks else None
    if first is not None and first.lever == "deadline" and first.step == "first":
        if first.reason == "passed":
            return "The deadline has passed: confirm the offer still stands before anything else."
        return "The offer expires within days: ask for more time first, then for the package."
    if package.closing:
        return "The closing round: the package meets your target. Say what would make you sign — and only that."
    if not any(a.ask is not None for a in package.package_asks):
        return "No plausible room for more money: ask for what costs the company little."
    if package.talks.answered and package.talks.last_ask:
        return (
            "The company has answered: meet it partway on what you already asked for; if they say no, go down "
            "the ladder."
        )
    if len([a for a in package.package_asks if a.step == "package"]) == 1:
        return "Name your number with its reason; if they say no, go down the ladder."
    return "Ask for the package together, in this order; if they say no, go down the ladder."


def warnings(package: Package, offer: Offer, stretch: Stretch) -> tuple[str, ...]:
    """What to watch out for before the call, in a sentence each (under-water options, a guessed band)."""
    lines = []
    cur = offer.currency
    for i in stretch.under_water:
        grant = offer.equity[i]
        strike, price = money_words(grant.strike or ZERO, cur), money_words(grant.price or ZERO, cur)
        lines.append(
            f"Option grant {i + 1} is under water: a strike of {strike} against a price of {price} is worth nothing "
            "at that price, yet it is still equity: it pays if the price rises past the strike. "
            "Weigh the offer on its cash."
        )
    if package.mode == "asks" and stretch.band_estimated:
        lines.append("No band was entered: the band is an estimate. Ask the recruiter for it before naming a number.")
    goal = stretch.goal
    if package.mode == "asks" and goal is not None and goal.walk_away is not None and not goal.walk_away_reachable:
        lines.append(
            f"Your walk-away ({money_words(goal.walk_away, cur)}) is out of reach even at the best plausible outcome: "
            "decide before the call whether you would walk away."
        )
    return tuple(tidy(line) for line in lines)


def alternative_line(
    package: Package, offer: Offer, year_one: Decimal, alternatives: Sequence[Alternative], fx_note: str = ""
) -> str:
    """Your best alternative, like for like: another offer in the same currency, one in another
    market (never quoted), staying where you are, or nothing (and no bluffing)."""
    cur = offer.currency
    if package.alternative is not None:
        own, currency = package.alternative.own()
        return (
            f"{package.alternative.company}: {money_words(own, currency)} in year 1, against "
            f"{money_words(year_one, cur)} here. Cite it as about {say_money(own, currency)}."
        )
    if package.other_market is not None:
        other = package.other_market
        rate = f"converted at {fx_note}" if fx_note else "converted at the exchange rates entered"
        return (
            f"{other.company} pays more, but in {other.offer_currency or other.currency} ({rate}): another "
            "market. Say you hold another offer; don't quote its number."
        )
    if package.staying is not None and package.staying.year_one is not None:
        return f"Staying at {package.staying.company}: {money_words(package.staying.year_one, cur)} in year 1."
    lesser = [a for a in alternatives if a.offer_id != offer.id and a.own()[1] == cur]
    if lesser:
        best = max(lesser, key=lambda a: a.own()[0])
        own, currency = best.own()
        return (
            f"{best.company}: {money_words(own, currency)} in year 1, less than this offer: a real option, not a "
            "number to cite."
        )
    return "No other offer recorded. Don't invent one: your alternative is to keep looking."


def who_to_talk_to(package: Package) -> tuple[str, ...]:
    """The recruiter runs the process; the hiring manager owns scope, level and headcount."""
    if package.mode == "follow_up":
        return (
            "The recruiter: they run the process and can prompt a hiring manager who has gone quiet. Write to them, "
            "not around them.",
        )
    lines = ["The recruiter: the process, the deadline, the written offer, and the numbers inside the band."]
    levers = {a.lever for a in package.asks}
    if levers & {"level", "combined_headcount", "remote", "review"} or any(a.who != "recruiter" for a in package.asks):
        lines.append(
            "The hiring manager: scope, level, folding another role's budget in (combined headcount) and remote "
            "days; anything past the band's top goes above them, as an exception."
        )
    return tuple(lines)


def deadline_tactic(package: Package, rubric: Rubric) -> str:
    deadline, days = package.deadline, package.deadline_days
    if package.mode == "follow_up" and (deadline is None or days is None):
        return (
            "No offer, so no deadline yet. When the offer comes, ask when they need your answer and get it in writing."
        )
    if deadline is None or days is None:
        return "No deadline recorded: ask when they need your answer, and never decide on the call."
    if days < 0:
        return (
            f"The deadline was {date_words(deadline)}, {plural(-days, 'day')} ago: confirm the offer still stands "
            "before anything else."
        )
    if days <= rubric.deadline_urgent_days:
        return (
            f"The offer expires on {date_words(deadline)}: ask for {say_days(rubric.deadline_extension_days)} more, "
            "with a reason, before you name any number. It is rarely refused."
        )
    return (
        f"Decide by {date_words(deadline)} ({plural(days, 'day')} from now). If your other processes need longer, ask "
        "for a few more days early, not at the last minute."
    )
