"""What sort of amount a number is: a total, a rate, a share or a change, or a period.

"18 million messages in 2004" and "two million messages per month", "5% of GDP" and "GDP
rose 2.4%", "the previous 12 months" and "the previous three months" are amounts of one unit
that never fill one slot, so they never conflict.
"""

from __future__ import annotations

import re

from claims.extract.models import Quantity
from claims.match.models import MatchClaim
from claims.text.normalize import word_set

_RATE_RE = re.compile(
    r"(?i)^[^,;.]{0,40}?(?:\b(?:per|a|an|each|every)\s+(day|week|month|quarter|year|annum|hour)\b"
    r"(?!\s+(?:ago|earlier|later|before|after|on|from|to)\b)|\b(daily|weekly|monthly|annually|yearly)\b)"
)
_ADVERB_PERIODS = {"daily": "day", "weekly": "week", "monthly": "month", "annually": "year"}
_SHARE_RE = re.compile(r"(?i)^\s*of\b")
RELATIVE_UNITS = frozenset({"percent", "percentage point", "percentage points"})
DURATION_UNITS = frozenset(
    {"day", "days", "week", "weeks", "month", "months", "year", "years", "hour", "hours"}
    | {"minute", "minutes", "min", "mins", "second", "seconds"}
)
"""Units of spans of time ("within the next 12 months")."""
_PERIOD_BEFORE_RE = re.compile(r"(?i)\b(?:past|previous|last|next|first|coming|following)\s+$")
_MOMENT_BEFORE_RE = re.compile(r"(?i)\b(?:after|inside)\s+(?:just\s+|only\s+)?$")
_MOMENT_AFTER_RE = re.compile(
    r"(?i)^\s*(?:(?:minutes?|mins?|seconds?|hours?|days?)\s+)?(?:left|remaining|to\s+go"
    r"|to\s+play|from\s+(?:time|the\s+end|full[- ]time)|into\s+the)\b"
)
"""A moment counted from a start or to an end ("with 10 minutes left", "after 20 minutes")."""
_CURRENCY_WORDS = {
    "EUR": frozenset({"euro"}),
    "USD": frozenset({"dollar"}),
    "GBP": frozenset({"pound", "sterling"}),
    "JPY": frozenset({"yen"}),
}


CHANGE_WORDS = word_set(
    "rose rise rises risen rising fell fall falls fallen falling gained gain gains gaining"
    " lost dropped drop drops slipped slid jumped climbed grew grow grown growing increased"
    " decreased declined up down surged soared plunged tumbled shed"
)
"""Words that make the amount after them a change ("rose 2.4%", "gained 45 points")."""
CHANGE_WINDOW = 6
RISE_WORDS = word_set(
    "rose rise rises risen rising raised raise raises raising gained grew grown increased"
    " increase increases jumped climbed surged soared boosted lifted up"
)
FALL_WORDS = word_set(
    "fell fall falls fallen falling dropped drop drops cut cuts lowered reduced reduce"
    " decreased decrease declined slipped slid plunged tumbled down"
)
_TARGET_RE = re.compile(r"(?i)\b([a-z]+)\s+(?:[a-z]+ly\s+)?to\s+(?:about\s+|around\s+)?$")
"""A change verb right before "to" and the amount ("rose to £7m", "will be raised to £1.5bn")."""
_WORD_RE = re.compile(r"[a-z]+")


def is_change(claim: MatchClaim, quantity: Quantity) -> bool:
    """The amount is a change of something ("the index gained 45.4 points"): a value of one
    period, so two changes are of one thing only when both claims date them alike."""
    before = claim.text[: quantity.span.start - claim.start].lower()
    return any(word in CHANGE_WORDS for word in _WORD_RE.findall(before)[-CHANGE_WINDOW:])


def change_target(claim: MatchClaim, quantity: Quantity) -> int:
    """1 when the amount is where something rose to ("profits rose to £7m"), -1 where it fell
    to ("was cut to £2m"), 0 otherwise: such an amount is a new value, and says that the
    value was lower (or higher) before. A conversion is read from its original."""
    quantity = converted_from(claim, quantity) or quantity
    before = claim.text[: quantity.span.start - claim.start]
    found = _TARGET_RE.search(before)
    if found is None:
        return 0
    verb = found[1].lower()
    return 1 if verb in RISE_WORDS else -1 if verb in FALL_WORDS else 0


def rate_period(claim: MatchClaim, quantity: Quantity) -> str | None:
    """The period an amount is counted per ("2 million messages per month", "$5bn a year"),
    or None for a total."""
    found = _RATE_RE.match(_after(claim, quantity))
    if found is None:
        return None
    period = (found[1] or _ADVERB_PERIODS.get(found[2].lower(), found[2])).lower()
    return "year" if period in ("annum", "yearly") else period


def amount_kind(claim: MatchClaim, quantity: Quantity) -> str | None:
    """ "per month" for a rate, "share" for a percentage of something ("5% of GDP"), "sum"
    for the sum of several parts ("missed six penalties between them"), None for a total or
    a change ("rose 2.4%"): amounts of two kinds are different things. A conversion is of its
    original's kind."""
    quantity = converted_from(claim, quantity) or quantity
    period = rate_period(claim, quantity)
    if period is not None:
        return f"per {period}"
    relative = (quantity.unit or "").lower() in RELATIVE_UNITS
    if relative and _SHARE_RE.match(_after(claim, quantity)):
        return "share"
    return "sum" if is_sum(claim, quantity) else None


_SUM_BEFORE_RE = re.compile(r"(?i)\b(?:combined|joint)\s+(?:[a-z]+\s+){0,2}$")
_SUM_AFTER_RE = re.compile(
    r"(?i)^[^,;.()]{0,60}?\b(?:between\s+them|between\s+the\s+two|combined|altogether"
    r"|taken\s+together|together(?!\s+with))\b"
)
"""Words that make an amount the sum of several parts ("a combined tally of $80m", "missed
six penalties between them")."""


def is_sum(claim: MatchClaim, quantity: Quantity) -> bool:
    """The amount adds up several parts: a group's total, not the amount of one member."""
    before = claim.text[: quantity.span.start - claim.start]
    return bool(_SUM_BEFORE_RE.search(before) or _SUM_AFTER_RE.match(_after(claim, quantity)))


_OPEN_BRACKET_RE = re.compile(r"^\s*[(\[]\s*$")
_NEXT_IN_BRACKET_RE = re.compile(r"^\s*[;,/]\s*$")


def converted_from(claim: MatchClaim, quantity: Quantity) -> Quantity | None:
    """The amount in another currency that `quantity` converts, in brackets right after it
    ("$27.5bn (£14.5bn)", "1.2bn Australian dollars (£458m; $874m)"), else None."""
    earlier = [other for other in claim.quantities if other.span.end <= quantity.span.start]
    if not quantity.unit or not earlier:
        return None
    previous = max(earlier, key=lambda other: other.span.end)
    gap = claim.text[previous.span.end - claim.start : quantity.span.start - claim.start]
    if _NEXT_IN_BRACKET_RE.match(gap):
        original = converted_from(claim, previous)
    else:
        original = previous if _OPEN_BRACKET_RE.match(gap) else None
    if original is None or not original.unit or original.unit == quantity.unit:
        return None
    return original


def period_reference(claim: MatchClaim, quantity: Quantity) -> bool:
    """A span of time that names a period ("the previous 12 months") or a moment ("with 10
    minutes left", "after 20 minutes"), not a count: two claims give two moments."""
    if (quantity.unit or "").lower() not in DURATION_UNITS:
        return False
    start = quantity.span.start - claim.start
    before = claim.text[:start]
    if _PERIOD_BEFORE_RE.search(before) or _MOMENT_BEFORE_RE.search(before):
        return True
    return bool(_MOMENT_AFTER_RE.search(_after(claim, quantity)))


def currency_words(unit: str) -> frozenset[str]:
    """Words that name a currency unit ("18bn euros"): the unit again, not what is counted."""
    return _CURRENCY_WORDS.get(unit.upper(), frozenset())


def _after(claim: MatchClaim, quantity: Quantity) -> str:
    return claim.text[quantity.span.end - claim.start :]
