"""Find date expressions and turn them into comparable intervals of ISO dates.

Partial and relative dates ("September 15", "last year", "within the next 12 months") are
resolved against the document's publication date; without one, they keep their text and
precision but have no bounds. Qualifiers ("by", "no later than", "since") open one side of
the interval: "no later than September 2025" has no earliest day and ends on 2025-09-30.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date

from claims.extract.dates_calendar import (
    resolve_day_month,
    resolve_decade,
    resolve_iso,
    resolve_lone_month,
    resolve_month_day,
    resolve_month_year,
    resolve_year,
    resolve_year_range,
)
from claims.extract.dates_interval import DateMatch, FoundDate, Resolver
from claims.extract.dates_patterns import (
    AGO_RE,
    COUNT_NOUNS,
    DAY_MONTH_RE,
    DAY_WORD_RE,
    DECADE_RE,
    ISO_RE,
    LONE_MONTH_RE,
    LONE_QUAL_BEFORE_RE,
    MOD_BEFORE_RE,
    MONTH_DAY_RE,
    MONTH_YEAR_RE,
    MONTHS,
    NUMBER_WORDS,
    OPEN_BEFORE,
    QUAL_BEFORE_RE,
    RANGE_QUAL_BEFORE_RE,
    RELATIVE_PERIOD_RE,
    WEEKDAY_QUAL_BEFORE_RE,
    WEEKDAY_RE,
    WEEKDAYS,
    WITHIN_BEFORE_RE,
    WITHIN_RE,
    YEAR_RANGE_RE,
    YEAR_RE,
)
from claims.extract.dates_relative import (
    resolve_ago,
    resolve_day_word,
    resolve_relative_period,
    resolve_weekday,
    resolve_within,
)
from claims.extract.models import DateValue, Span

__all__ = [
    "COUNT_NOUNS",
    "MONTHS",
    "NUMBER_WORDS",
    "OPEN_BEFORE",
    "WEEKDAYS",
    "find_dates",
    "parse_published",
]


def parse_published(published: str | None) -> date | None:
    """Read an ISO 8601 (possibly partial) publication date; the first day of a partial one."""
    if not published:
        return None
    match = re.match(r"\s*(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?", published)
    if match is None:
        return None
    try:
        return date(int(match[1]), int(match[2] or 1), int(match[3] or 1))
    except ValueError:
        return None


def find_dates(text: str, published: str | None = None, offset: int = 0) -> list[DateValue]:
    """Return the date expressions of `text` with spans shifted by `offset`, in order."""
    anchor = parse_published(published)
    found: list[FoundDate] = []
    lowered = text.lower()
    present = {word for word in _ALL_TRIGGERS if word in lowered}
    for pattern, resolver, lookbacks, triggers in _RULES:
        if triggers and present.isdisjoint(triggers):
            continue
        for match in pattern.finditer(text):
            item = resolver(DateMatch(match, lookbacks), anchor)
            if item is not None:
                found.append(item)
    return [_to_value(text, item, offset) for item in _non_overlapping(found)]


def _non_overlapping(found: list[FoundDate]) -> Iterator[FoundDate]:
    """Keep the longest expression where several overlap (leftmost first on ties)."""
    taken: list[FoundDate] = []
    for item in sorted(found, key=lambda f: (-(f.end - f.start), f.start)):
        if all(item.end <= other.start or item.start >= other.end for other in taken):
            taken.append(item)
    return iter(sorted(taken, key=lambda f: f.start))


def _to_value(text: str, item: FoundDate, offset: int) -> DateValue:
    return DateValue(
        text=text[item.start : item.end],
        span=Span(start=item.start + offset, end=item.end + offset),
        earliest=item.earliest.isoformat() if item.earliest else None,
        latest=item.latest.isoformat() if item.latest else None,
        precision=item.precision,
        qualifier=item.qualifier,
    )


_DIGIT = ("0", "1", "2", "3", "4", "5", "6", "7", "8", "9")


_MONTH_HINTS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")


_QUALIFIED = (MOD_BEFORE_RE, QUAL_BEFORE_RE)


_RULES: tuple[
    tuple[re.Pattern[str], Resolver, tuple[re.Pattern[str], ...], tuple[str, ...]], ...
] = (
    (ISO_RE, resolve_iso, _QUALIFIED, _DIGIT),
    (MONTH_DAY_RE, resolve_month_day, _QUALIFIED, _MONTH_HINTS),
    (DAY_MONTH_RE, resolve_day_month, _QUALIFIED, _MONTH_HINTS),
    (MONTH_YEAR_RE, resolve_month_year, _QUALIFIED, _MONTH_HINTS),
    (LONE_MONTH_RE, resolve_lone_month, (LONE_QUAL_BEFORE_RE,), _MONTH_HINTS),
    (DECADE_RE, resolve_decade, _QUALIFIED, ("0s",)),
    (YEAR_RANGE_RE, resolve_year_range, (RANGE_QUAL_BEFORE_RE,), _DIGIT),
    (YEAR_RE, resolve_year, _QUALIFIED, _DIGIT),
    (DAY_WORD_RE, resolve_day_word, (), ("yesterday", "today", "tomorrow", "tonight")),
    (WEEKDAY_RE, resolve_weekday, (WEEKDAY_QUAL_BEFORE_RE,), ("day",)),
    (RELATIVE_PERIOD_RE, resolve_relative_period, (), ("week", "month", "year", "decade")),
    (
        WITHIN_RE,
        resolve_within,
        (WITHIN_BEFORE_RE,),
        ("within", "next", "past", "last", "coming", "following"),
    ),
    (AGO_RE, resolve_ago, (), (" ago",)),
)


_ALL_TRIGGERS = frozenset(word for rule in _RULES for word in rule[3])
