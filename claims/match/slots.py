"""Values two claims give for the same slot: deadlines, event dates and amounts.

"No later than September 2025" and "by 2026" are two deadlines that cannot both be the
deadline; "about 2.5 thousand troops" and "5,000 troops" are two counts of one thing. A
value only counts as differing when the other claim has no compatible value of the same
sort; whether both values fill the same slot is judged from the words around them
(`anchor_words`), in `claims.match.relate`.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Final, Literal

from claims.extract.dates import OPEN_BEFORE
from claims.extract.models import DateValue, Quantity, Span
from claims.match.amounts import (
    RELATIVE_UNITS,
    amount_kind,
    change_target,
    converted_from,
    currency_words,
    is_change,
    period_reference,
)
from claims.match.dateline import dateline_end
from claims.match.models import MatchClaim
from claims.match.normalize.words import content_words
from claims.text.normalize import word_set

DEADLINE_QUALIFIERS = OPEN_BEFORE | {"within"}
"""A date after one of these is a deadline: the latest day it may hold."""
_CUT = {"year": 4, "decade": 3, "month": 7, "day": 10, "relative": 10}
_EVENT_PRECISIONS = frozenset({"day", "month", "year"})
_MONTH_RE = re.compile(
    r"(?i)\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?(?:\s+(\d{1,2})\b)?"
)
MAGNITUDE_GAP = 10.0
"""Amounts this many times apart are counts of different things, not two versions of one."""
NUMBER_TOLERANCE = 0.05
APPROXIMATE_TOLERANCE = 0.15
EXCHANGE_TOLERANCE = 0.2
"""How far two conversions of one amount may differ: exchange rates move and are rounded
("$27.5bn (£14.5bn)" and "$27.5bn (£13bn)" are one tax bill)."""
ANCHOR_BEFORE = 70
ANCHOR_AFTER = 30


@dataclass(frozen=True)
class Difference:
    """Two values that cannot both hold, with where they are in their claims."""

    code: str
    """dates or numbers."""
    reason: str
    span_a: Span
    span_b: Span
    event: bool = False
    """Dates of events (not deadlines): news names other events' dates all the time, so
    these only differ in one slot when the two claims are strongly alike."""
    relative: bool = False
    """Percentages: rates of something, one of countless in the news (growth, a share price,
    a stake); they too only differ in one slot when the two claims are strongly alike."""
    unit: str = ""
    """The amounts' shared unit ("copies", "GBP"): what sort of value, not what is counted."""
    per: bool = False
    """The amounts are of two kinds (`amounts.amount_kind`: a rate and a total, a share and a
    change): different things, never one slot."""
    yearless: bool = False
    """Month-day dates without a year ("Released 11 March on Xbox"): of any year, so they
    differ in one slot only when the claims share more than the act they date."""
    history: bool = False
    """A deadline that had passed when the claims were published (or whose publication is
    unknown) against a later event: "continued until 1989" is history, and an event of 2000
    another event; like event dates, these only differ in one slot in strongly alike claims."""


def deadline(value: DateValue) -> str | None:
    """The last day of a deadline ("by 2026", "no later than September 2025"), else None."""
    if value.latest is None:
        return None
    if value.qualifier in DEADLINE_QUALIFIERS or value.earliest is None:
        return value.latest
    return None


def date_difference(a: MatchClaim, b: MatchClaim) -> Difference | None:
    """The first pair of dates of `a` and `b` that cannot describe one thing, if any.

    Two deadlines never differ: each is a latest date, and the earlier satisfies the later
    ("no later than September 2025" is "by 2026"). A deadline differs from an event dated
    after it, and from a start ("not until 2027") after it.
    """
    if not a.dates or not b.dates:
        return None
    dates_a, dates_b = _dates(a), _dates(b)
    for compare in (_deadline_and_event, _events, _unresolved):
        found = compare(dates_a, dates_b)
        if found == SAME:
            return None
        if isinstance(found, tuple):
            first, second = found
            reason = f"dates differ: {first.text} vs {second.text}"
            event = compare in (_events, _unresolved)
            history = compare is _deadline_and_event and _passed(first, second, a, b)
            yearless = compare is _unresolved
            return Difference(
                "dates",
                reason,
                first.span,
                second.span,
                event,
                history=history,
                yearless=yearless,
            )
    return None


_NOT_UNTIL_RE = re.compile(r"(?i)(?:\b(?:not|never)\b|n['\u2019]t\b)[^,;.]*$")


def _dates(claim: MatchClaim) -> list[DateValue]:
    """The claim's dates, the "until" or "before" of a negation read as a start: "not expected
    until 2026" says when something begins at the earliest, not a deadline. A wire dateline's
    date is when the report was filed, not a date of what it says."""
    opening = dateline_end(claim.text)
    return [
        _start(value) if _not_until(claim, value) else value
        for value in claim.dates
        if value.span.start - claim.start >= opening
    ]


OPEN_END = "9999-12-31"


def _start(value: DateValue) -> DateValue:
    """From a date's first day on: "not until 2026" -> from 2026-01-01, open-ended, so it
    contradicts a deadline before 2026 and no event after its start."""
    latest = value.latest
    if latest is None or value.precision not in ("year", "month", "day"):
        return value
    first = {"year": latest[:4] + "-01-01", "month": latest[:7] + "-01", "day": latest}
    update = {"earliest": first[value.precision], "latest": OPEN_END, "qualifier": "from"}
    return value.model_copy(update=update)


def _not_until(claim: MatchClaim, value: DateValue) -> bool:
    if value.qualifier not in ("until", "till", "before"):
        return False
    before = claim.text[: value.span.start - claim.start]
    return bool(_NOT_UNTIL_RE.search(before))


def _passed(first: DateValue, second: DateValue, a: MatchClaim, b: MatchClaim) -> bool:
    """The deadline of a deadline-and-event pair had passed when the claims were published."""
    due = deadline(first) or deadline(second) or ""
    published = [claim.published for claim in (a, b)]
    if None in published:
        return True
    return due < min(value or "" for value in published)[:10]


def dated_apart(a: MatchClaim, b: MatchClaim) -> bool:
    """The claims do not date what they say alike: one names a time ("last week", "in
    2004", "since November") and the other none, or both do and no date of one is a date of
    the other. Amounts of such claims may be of two periods ("sold 5 million copies since
    November" / "sold 1 million copies"); two amounts are one value only when both claims
    are undated, or dated alike."""
    if not a.dates and not b.dates:
        return False
    if not a.dates or not b.dates:
        return True
    if {value.text.lower() for value in a.dates} & {value.text.lower() for value in b.dates}:
        return False
    if _year_to(a) != _year_to(b):
        return True
    return SAME not in (_events(a.dates, b.dates), _unresolved(a.dates, b.dates))


_YEAR_TO_RE = re.compile(
    r"(?i)\b(?:year|12\s+months|twelve\s+months)\s+(?:to|ending|ended)\s+(?:the\s+end\s+of\s+)?$"
)


def _year_to(claim: MatchClaim) -> bool:
    """The claim dates a twelve-month period by its end ("in the year to March 2004"): a
    financial year, not the calendar year it ends in."""
    return any(
        _YEAR_TO_RE.search(claim.text[: value.span.start - claim.start]) for value in claim.dates
    )


_RANK = (
    r"(?:top|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|\d+(?:st|nd|rd|th))"
    r"\s+(?:place|position|spot)"
)
_RANK_RE = re.compile(rf"(?i)\b{_RANK}\b")
_RANK_MOVE_RE = re.compile(
    r"(?i)\b(?:down|up|fell|dropped|slipped|slid|rose|climbed|moved|jumped)\b"
    rf"(?:\s+[\w']+){{0,4}}?\s+to\s+(?:the\s+)?{_RANK}\b"
)
"""A move in a ranking ("dropped to second place", "moved down the chart to fourth place")."""


def ranked_apart(a: MatchClaim, b: MatchClaim) -> bool:
    """The claims rank their subject differently ("in second place" / "down to fourth place"),
    or one says it moved in the ranking and the other does not: a ranking is of one moment
    (a week's chart, a table after a round), so their amounts are of two moments."""
    moves = [bool(_RANK_MOVE_RE.search(claim.text)) for claim in (a, b)]
    if moves[0] != moves[1]:
        return True
    ranks = [{rank.lower() for rank in _RANK_RE.findall(claim.text)} for claim in (a, b)]
    return bool(ranks[0] and ranks[1] and not ranks[0] & ranks[1])


SAME: Final = "same"
_Found = tuple[DateValue, DateValue] | Literal["same"] | None


def _deadline_and_event(a: Sequence[DateValue], b: Sequence[DateValue]) -> _Found:
    """A deadline in one claim and a dated event in the other that starts after it."""
    for due_side, event_side, swap in ((a, b, False), (b, a, True)):
        for due in (value for value in due_side if deadline(value)):
            for event in _closed(event_side):
                if (event.earliest or "") > (deadline(due) or ""):
                    return (event, due) if swap else (due, event)
    return None


def _events(a: Sequence[DateValue], b: Sequence[DateValue]) -> _Found:
    """Dated events on both sides, none of which overlap."""
    events_a, events_b = _closed(a), _closed(b)
    if not events_a or not events_b:
        return None
    for first in events_a:
        for second in events_b:
            if _overlap(first, second):
                return SAME
    return events_a[0], events_b[0]


def _unresolved(a: Sequence[DateValue], b: Sequence[DateValue]) -> _Found:
    """Dates without a year on both sides ("September 15"): compare month and day."""
    days_a = _days(a)
    days_b = _days(b)
    if not days_a or not days_b:
        return None
    for _, first in days_a:
        for _, second in days_b:
            if _same_month_day(first, second):
                return SAME
    return days_a[0][0], days_b[0][0]


def _days(values: Sequence[DateValue]) -> list[tuple[DateValue, tuple[str, str | None]]]:
    found = []
    for value in values:
        day = _month_day(value.text) if value.earliest is None else None
        if day is not None and not deadline(value):
            found.append((value, day))
    return found


def _closed(values: Sequence[DateValue]) -> list[DateValue]:
    return [
        value
        for value in values
        if value.earliest
        and value.latest
        and not deadline(value)
        and value.precision in _EVENT_PRECISIONS
    ]


def _overlap(first: DateValue, second: DateValue) -> bool:
    assert first.earliest and first.latest and second.earliest and second.latest
    return first.earliest <= second.latest and second.earliest <= first.latest


def _month_day(text: str) -> tuple[str, str | None] | None:
    found = _MONTH_RE.search(text)
    if found is None:
        return None
    return found[1].lower(), found[2]


def _same_month_day(first: tuple[str, str | None], second: tuple[str, str | None]) -> bool:
    if first[0] != second[0]:
        return False
    return first[1] is None or second[1] is None or int(first[1]) == int(second[1])


def quantity_difference(a: MatchClaim, b: MatchClaim, *, single: bool = False) -> Difference | None:
    """Two amounts of the same unit that cannot both be right, when neither has a match.

    With `single`, only amounts that are the only one of their unit in their claim count:
    a claim with several ("from 49% to 74%", "4.1% this year, 4% in 2005") is comparing
    amounts of several things, and a third one elsewhere is rarely one of them.
    """
    if not a.quantities or not b.quantities:
        return None
    pairs = [
        (qa, qb)
        for qa in a.quantities
        for qb in b.quantities
        if _comparable(qa, qb)
        and not _magnitudes_apart(qa, qb)
        and not period_reference(a, qa)
        and not period_reference(b, qb)
    ]
    if single:
        pairs = [(qa, qb) for qa, qb in pairs if _alone(qa, a) and _alone(qb, b)]
    agreed = [(qa, qb) for qa, qb in pairs if _agree(a, qa, b, qb)]
    agreed_a = {id(qa) for qa, _ in agreed}
    agreed_b = {id(qb) for _, qb in agreed}
    differing = [(qa, qb) for qa, qb in pairs if id(qa) not in agreed_a and id(qb) not in agreed_b]
    differing.sort(key=lambda pair: amount_kind(a, pair[0]) != amount_kind(b, pair[1]))
    for qa, qb in differing[:1]:
        unit = f" {qa.unit}" if qa.unit and qa.unit == qb.unit else ""
        reason = f"numbers differ: {format_amount(qa)} vs {format_amount(qb)}{unit}"
        relative = (qa.unit or "").lower() in RELATIVE_UNITS
        per = (
            amount_kind(a, qa) != amount_kind(b, qb)
            or _undated_changes(a, qa, b, qb)
            or _before_and_after(a, qa, b, qb)
            or _groups_apart(a, qa, b, qb)
            or _agents_apart(a, qa, b, qb)
        )
        return Difference(
            "numbers", reason, qa.span, qb.span, relative=relative, unit=qa.unit or "", per=per
        )
    return None


def _agree(a: MatchClaim, qa: Quantity, b: MatchClaim, qb: Quantity) -> bool:
    """Two amounts may be one value: compatible, or conversions of compatible amounts in
    another currency that differ no more than exchange rates do."""
    if _compatible(qa, qb):
        return True
    original_a, original_b = converted_from(a, qa), converted_from(b, qb)
    if original_a is None or original_b is None:
        return False
    if not (_comparable(original_a, original_b) and _compatible(original_a, original_b)):
        return False
    low, high = sorted(abs(value or 0.0) for value in (qa.value, qb.value))
    return high > 0 and (high - low) / high <= EXCHANGE_TOLERANCE


def _before_and_after(a: MatchClaim, qa: Quantity, b: MatchClaim, qb: Quantity) -> bool:
    """One amount is what something rose (or fell) to and the other a plain amount on the
    side it came from ("profits were £5m" / "profits rose to £7m"): the values of two times,
    not two versions of one."""
    target_a, target_b = change_target(a, qa), change_target(b, qb)
    if bool(target_a) == bool(target_b) or qa.value is None or qb.value is None:
        return False
    if target_a:
        return (qb.value - qa.value) * target_a < 0
    return (qa.value - qb.value) * target_b < 0


_CLAUSE_END_RE = re.compile(r"[;:()]|[,.](?!\d)|\s-\s|\b(?:compared|while|whereas|but)\b")


def _threshold(claim: MatchClaim, quantity: Quantity) -> Quantity | None:
    """A bound later in the amount's clause that says which group it counts ("16% of women
    earn more than £50,000"): the first amount of another unit with a lower or upper bound."""
    rest = claim.text[quantity.span.end - claim.start :]
    found = _CLAUSE_END_RE.search(rest)
    end = quantity.span.end + (found.start() if found else len(rest))
    for other in claim.quantities:
        if quantity.span.end <= other.span.start and other.span.end <= end:
            bounded = other.low is not None or other.high is not None
            if bounded and other.unit != quantity.unit:
                return other
    return None


def _groups_apart(a: MatchClaim, qa: Quantity, b: MatchClaim, qb: Quantity) -> bool:
    """The amounts count groups set apart by thresholds that exclude each other ("16% earn
    more than £50,000" / "35% earn less than £20,000"): two groups, not one."""
    first, second = _threshold(a, qa), _threshold(b, qb)
    if first is None or second is None or not _comparable(first, second):
        return False
    return not _compatible(first, second)


_AGENT_RE = re.compile(r"\b[Bb]y\s+(?:[Tt]he\s+|an?\s+)?([A-Za-z][\w'-]*(?:\s+[A-Z][\w'-]*)*)")
_NOT_AGENTS = word_set(
    "end far contrast comparison way then now means default more less about around almost"
    " nearly over up some half"
)


def _agent(claim: MatchClaim, quantity: Quantity) -> frozenset[str]:
    """Who did what the amount measures, named after it in its clause ("banned for two years
    by the IAAF"): a passive's agent (its first word and the capitalised words after it),
    none for "by 2015" or "by 40%"."""
    rest = claim.text[quantity.span.end - claim.start :]
    found = _CLAUSE_END_RE.search(rest)
    clause = rest[: found.start()] if found else rest
    agent = _AGENT_RE.search(clause)
    if agent is None or agent[1].lower() in _NOT_AGENTS or agent[1].lower() in MONTH_WORDS:
        return frozenset()
    return frozenset(content_words(agent[1]))


def _agents_apart(a: MatchClaim, qa: Quantity, b: MatchClaim, qb: Quantity) -> bool:
    """The amounts are of acts by two agents ("banned for two years by the federation" /
    "banned for four years by the tribunal"): two decisions, not one."""
    first, second = _agent(a, qa), _agent(b, qb)
    return bool(first and second and not first & second)


def _undated_changes(a: MatchClaim, qa: Quantity, b: MatchClaim, qb: Quantity) -> bool:
    """Two changes ("gained 45.4 points", "had risen 20.54 points") not dated alike: the moves
    of two days or quarters, not two versions of one."""
    if not (is_change(a, qa) and is_change(b, qb)):
        return False
    texts_a = {value.text.lower() for value in a.dates}
    texts_b = {value.text.lower() for value in b.dates}
    return not (texts_a & texts_b) and _events(a.dates, b.dates) != SAME


def _alone(quantity: Quantity, claim: MatchClaim) -> bool:
    return sum(1 for other in claim.quantities if _comparable(quantity, other)) == 1


def _comparable(first: Quantity, second: Quantity) -> bool:
    return first.unit is not None and first.unit.lower() == (second.unit or "").lower()


def _magnitudes_apart(first: Quantity, second: Quantity) -> bool:
    """ "4 appearances" and "110 appearances", "$4m" and "$40,000": not one amount misreported."""
    bounds_a, bounds_b = _bounds(first), _bounds(second)
    if bounds_a is None or bounds_b is None:
        return False
    low = min(abs(bounds_a[1]), abs(bounds_b[1]))
    high = max(abs(bounds_a[0]), abs(bounds_b[0]))
    return low > 0 and high / low >= MAGNITUDE_GAP


def _bounds(quantity: Quantity) -> tuple[float, float] | None:
    """The range an amount allows: "up to six" allows less, "more than 800,000" more."""
    low, high = quantity.low, quantity.high
    if low is None and high is None:
        low = high = quantity.value
    elif low is None:
        low = 0.0
    elif high is None:
        high = math.inf
    if low is None or high is None:
        return None
    widen = APPROXIMATE_TOLERANCE if quantity.approximate else NUMBER_TOLERANCE
    return low * (1 - widen), high * (1 + widen)


def _compatible(first: Quantity, second: Quantity) -> bool:
    bounds_a, bounds_b = _bounds(first), _bounds(second)
    if bounds_a is None or bounds_b is None:
        return True
    return bounds_a[0] <= bounds_b[1] and bounds_b[0] <= bounds_a[1]


def format_amount(quantity: Quantity) -> str:
    """An amount as a reader expects it: "2,500", "1.5 billion", or the text when vague."""
    value = quantity.value
    if value is None:
        return quantity.text
    for size, word in ((1e12, "trillion"), (1e9, "billion"), (1e6, "million")):
        if abs(value) >= size:
            return f"{value / size:g} {word}"
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,.2f}".rstrip("0")


MONTH_WORDS = word_set(
    "january february march april may june july august september october november december"
    " jan feb mar apr jun jul aug sep sept oct nov dec"
)
MIN_YEARLESS_WORDS = 3
"""Words besides dates two claims must share for yearless dates to be of one event."""


def shares_event(a: MatchClaim, b: MatchClaim, shared: frozenset[str]) -> bool:
    """The claims share enough words besides dates to date one event ("Released 25 February
    on PC" and "Released 1 March on PC" share only the act: two releases)."""
    words = [w for w in shared if w not in MONTH_WORDS and not any(ch.isdigit() for ch in w)]
    return len(words) >= MIN_YEARLESS_WORDS


def anchor_words(claim: MatchClaim, span: Span) -> frozenset[str]:
    """Content words just before and after a value: what the value is a value of.

    The value's own words and unit ("troops" in "2,500 troops") are left out: they say
    what sort of value it is, not which one.
    """
    start = span.start - claim.start
    end = span.end - claim.start
    window = claim.text[max(0, start - ANCHOR_BEFORE) : start] + " "
    after = claim.text[end : end + ANCHOR_AFTER]
    window += after
    words = set(content_words(window))
    unit = content_words(after)[:1]
    words -= set(unit) | set(content_words(claim.text[start:end]))
    return frozenset(words)


HEAD_BEFORE = 3
HEAD_AFTER = 2
"""Content words right before and after an amount that say what it counts ("took $19m",
"a £1.35bn offer", "sold 8 million copies worldwide")."""


HEAD_WINDOW = 120
"""Characters around an amount read for its head words: enough for a few content words."""


def _window_before(text: str, start: int) -> str:
    """The text before `start`, at most HEAD_WINDOW characters, from a word's beginning."""
    if start <= HEAD_WINDOW:
        return text[:start]
    cut = text.find(" ", start - HEAD_WINDOW, start)
    return text[cut if cut >= 0 else start - HEAD_WINDOW : start]


def _window_after(text: str, end: int) -> str:
    """The text after `end`, at most HEAD_WINDOW characters, up to a word's end."""
    if len(text) - end <= HEAD_WINDOW:
        return text[end:]
    cut = text.rfind(" ", end, end + HEAD_WINDOW)
    return text[end : cut if cut > end else end + HEAD_WINDOW]


def head_words(claim: MatchClaim, span: Span, unit: str = "") -> frozenset[str]:
    """The few content words closest to a value, without the value and its unit: what is
    counted. Two amounts only fill one slot when these share a word."""
    start = span.start - claim.start
    end = span.end - claim.start
    own = set(content_words(claim.text[start:end])) | set(content_words(unit))
    own |= currency_words(unit)
    before = content_words(_window_before(claim.text, start))[-HEAD_BEFORE:]
    after = content_words(_window_after(claim.text, end))
    after = [word for word in after if word not in own][:HEAD_AFTER]
    words = set(before) | set(after)
    return frozenset(word for word in words - own if not any(ch.isdigit() for ch in word))
