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
)
"""Units of spans of time ("within the next 12 months")."""
_PERIOD_BEFORE_RE = re.compile(r"(?i)\b(?:past|previous|last|next|first|coming|following)\s+$")
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
_WORD_RE = re.compile(r"[a-z]+")


def is_change(claim: MatchClaim, quantity: Quantity) -> bool:
    """The amount is a change of something ("the index gained 45.4 points"): a value of one
    period, so two changes are of one thing only when both claims date them alike."""
    before = claim.text[: quantity.span.start - claim.start].lower()
    return any(word in CHANGE_WORDS for word in _WORD_RE.findall(before)[-CHANGE_WINDOW:])


def rate_period(claim: MatchClaim, quantity: Quantity) -> str | None:
    """The period an amount is counted per ("2 million messages per month", "$5bn a year"),
    or None for a total."""
    found = _RATE_RE.match(_after(claim, quantity))
    if found is None:
        return None
    period = (found[1] or _ADVERB_PERIODS.get(found[2].lower(), found[2])).lower()
    return "year" if period in ("annum", "yearly") else period


def amount_kind(claim: MatchClaim, quantity: Quantity) -> str | None:
    """ "per month" for a rate, "share" for a percentage of something ("5% of GDP"), None for
    a total or a change ("rose 2.4%"): amounts of two kinds are different things."""
    period = rate_period(claim, quantity)
    if period is not None:
        return f"per {period}"
    relative = (quantity.unit or "").lower() in RELATIVE_UNITS
    return "share" if relative and _SHARE_RE.match(_after(claim, quantity)) else None


def period_reference(claim: MatchClaim, quantity: Quantity) -> bool:
    """A span of time that names a period ("the previous 12 months"), not a count."""
    if (quantity.unit or "").lower() not in DURATION_UNITS:
        return False
    start = quantity.span.start - claim.start
    return bool(_PERIOD_BEFORE_RE.search(claim.text[:start]))


def currency_words(unit: str) -> frozenset[str]:
    """Words that name a currency unit ("18bn euros"): the unit again, not what is counted."""
    return _CURRENCY_WORDS.get(unit.upper(), frozenset())


def _after(claim: MatchClaim, quantity: Quantity) -> str:
    return claim.text[quantity.span.end - claim.start :]
