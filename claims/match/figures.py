"""Whether two claims give different figures for what they share, and none in common.

"The poll carries a margin of error of plus or minus 3.5 percentage points" and "The poll has a
margin of error of only plus or minus two percent" share their words and differ in the one
thing each says: they are two statements (of two polls), not one. Figures of one kind (a share,
a currency, a count of one noun) that differ, with no figure in common, keep two claims from
corroborating each other; whether they conflict is for the conflict rules to say, which ask
for the same subject and period.
"""

from __future__ import annotations

import re

from claims.extract.models import Quantity
from claims.match.amounts import DURATION_UNITS
from claims.match.models import MatchClaim

_SHARES = frozenset({"percent", "percentage point", "percentage points", "%"})
RELATIVE_TOLERANCE = 0.04
"""Figures this close are one figure, rounded differently ("£1.35bn" and "£1.3bn")."""
DISTINCT_FROM = 10
"""A number from which one value in both claims is one figure whatever unit follows it."""


def different_figures(a: MatchClaim, b: MatchClaim) -> tuple[str, str] | None:
    """A figure of each claim, of one kind, when such figures exist and none of them agree;
    None when the claims give a figure in common or no figures of one kind."""
    differing: tuple[str, str] | None = None
    words = (_words(a.text), _words(b.text))
    for first in a.quantities:
        for second in b.quantities:
            if first.value is None or second.value is None:
                continue
            comparable = _comparable(first, second) or (
                not _in_a_name(first, a)
                and not _in_a_name(second, b)
                and _counted_alike(first, second, words)
            )
            if _same_value(first.value, second.value) and (
                comparable or min(first.value, second.value) >= DISTINCT_FROM
            ):
                return None  # one figure, whatever unit the text puts after it ("2,383 needed")
            if differing is None and comparable:
                differing = (first.text, second.text)
    return differing


def _words(text: str) -> frozenset[str]:
    return frozenset(re.findall(r"[a-z]+", text.lower()))


def _counted_alike(
    first: Quantity, second: Quantity, words: tuple[frozenset[str], frozenset[str]]
) -> bool:
    """A bare number in one claim counts what the other's figure counts when its claim names
    that noun ("Trump leads the race for delegates with 55" / "... leads with 182
    delegates"); a number that may be a year is not compared."""
    for bare, counted, own in ((first, second, words[0]), (second, first, words[1])):
        kind = _kind(counted)
        if bare.unit or kind is None or kind == "share" or bare.value is None:
            continue
        if YEARS[0] <= bare.value <= YEARS[1]:
            continue
        if kind in own or f"{kind}s" in own:
            return True
    return False


YEARS = (1800, 2100)
_NAME_BEFORE_RE = re.compile(r"[A-Z][\w&-]*\s+$")


def _in_a_name(quantity: Quantity, claim: MatchClaim) -> bool:
    """A number written after a capitalised word is part of a name ("Radio 1", "Channel 4"),
    not a count."""
    before = claim.text[: max(0, quantity.span.start - claim.start)]
    return bool(_NAME_BEFORE_RE.search(before))


def _kind(quantity: Quantity) -> str | None:
    """What a figure counts: a share, a currency, or the noun after it; None for a bare number,
    a span of time, or a vague amount."""
    unit = (quantity.unit or "").lower().strip()
    if quantity.value is None or not unit or unit in DURATION_UNITS:
        return None
    if unit in _SHARES:
        return "share"
    return unit[:-1] if unit.endswith("s") and len(unit) > 3 else unit


def _comparable(first: Quantity, second: Quantity) -> bool:
    kind = _kind(first)
    return kind is not None and kind == _kind(second)


def _same_value(first: float, second: float) -> bool:
    scale = max(abs(first), abs(second), 1e-9)
    return abs(first - second) <= RELATIVE_TOLERANCE * scale
