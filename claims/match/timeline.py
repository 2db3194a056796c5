"""Timelines: two reports that date one milestone (the end of a mission, a withdrawal, a
closure) corroborate each other when their dates can both hold.

"The final completion of the mission is planned ... no later than September 2025" and "the
phased completion of the coalition's mission by 2026" share two words; word overlap would
never compare them. Their frames name one milestone (`claims.match.frames.milestone`), and
each claim's dates bound when it happens: a deadline from below is open, an event date is
its span, several dates of one claim bound it together ("within the next 12 months, but no
later than September 2025"). Bounds that overlap are compatible (a deadline is satisfied by
an earlier one), and the claims corroborate; bounds that do not overlap are left to the
conflict cues, which call them a conflict only when the claims are about one slot.
"""

from __future__ import annotations

from claims.extract.models import DateValue
from claims.match.models import MatchClaim
from claims.match.side import Side
from claims.match.slots import DEADLINE_QUALIFIERS

Bounds = tuple[str | None, str | None]
"""Earliest and latest ISO day; None where open."""


def agreeing_timeline(a: Side, b: Side) -> list[str] | None:
    """The reasons two claims of different documents corroborate on one milestone's dates,
    else None."""
    if a.claim.document_id == b.claim.document_id:
        return None
    milestone = a.frame.milestone
    if milestone is None or milestone != b.frame.milestone:
        return None
    if "denied" in (a.frame.polarity, b.frame.polarity):
        return None
    first, second = bounds(a.claim), bounds(b.claim)
    if first is None or second is None or not _overlap(first, second):
        return None
    return [
        f"same milestone: {milestone}",
        f"dates agree: {_dates_text(a.claim)} / {_dates_text(b.claim)}",
    ]


def bounds(claim: MatchClaim) -> Bounds | None:
    """When the claim's milestone happens, by all its dates together; None when no date is
    resolved to a day or when its dates cannot all hold."""
    earliest: str | None = None
    latest: str | None = None
    resolved = False
    for value in claim.dates:
        low, high = _bounds(value)
        if low is None and high is None:
            continue
        resolved = True
        if low is not None and (earliest is None or low > earliest):
            earliest = low
        if high is not None and (latest is None or high < latest):
            latest = high
    if not resolved or (earliest and latest and earliest > latest):
        return None
    return earliest, latest


def _bounds(value: DateValue) -> Bounds:
    if value.qualifier in DEADLINE_QUALIFIERS and value.qualifier != "within":
        return None, value.latest
    return value.earliest, value.latest


def _overlap(first: Bounds, second: Bounds) -> bool:
    low = max((day for day in (first[0], second[0]) if day), default=None)
    high = min((day for day in (first[1], second[1]) if day), default=None)
    return low is None or high is None or low <= high


def _dates_text(claim: MatchClaim) -> str:
    return ", ".join(value.text for value in claim.dates if value.earliest or value.latest)
