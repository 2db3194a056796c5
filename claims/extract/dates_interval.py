"""How a matched date expression becomes an interval: the match with the words just before
it, calendar arithmetic, and the qualifiers ("by", "since") and modifiers ("early", "late")
that open or narrow the interval."""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

from claims.extract.dates_patterns import MONTHS, NUMBER_WORDS, OPEN_AFTER, OPEN_BEFORE, PLAIN


@dataclass(frozen=True, slots=True)
class FoundDate:
    """A matched expression before qualifiers are applied."""

    start: int
    end: int
    earliest: date | None
    latest: date | None
    precision: str
    qualifier: str | None


class DateMatch:
    """A regex match plus the qualifier / modifier words found just before it."""

    def __init__(self, match: re.Match[str], lookbacks: tuple[re.Pattern[str], ...]) -> None:
        self._match = match
        self.string = match.string
        self._words: dict[str, str | None] = {}
        self._starts: dict[str, int] = {}
        position = match.start()
        for pattern in lookbacks:
            found = pattern.search(match.string, max(0, position - 40), position)
            if found is None:
                continue
            for name, value in found.groupdict().items():
                if value is not None:
                    self._words[name] = value
                    self._starts[name] = found.start(name)
            position = found.start()
        self._start = position

    def __getitem__(self, group: str | int) -> str:
        if isinstance(group, str) and group in ("qual", "mod", "dir"):
            return self._words.get(group) or ""
        return self._match[group] or ""

    def start(self, group: str | int = 0) -> int:
        if group == 0:
            return self._start if self._starts else self._match.start()
        if isinstance(group, str) and group in ("qual", "mod", "dir"):
            return self._starts.get(group, -1)
        return self._match.start(group)

    def end(self, group: str | int = 0) -> int:
        return self._match.end(group)

    def groupdict(self) -> dict[str, str | None]:
        groups = self._match.groupdict()
        groups.update({name: self._words.get(name) for name in ("qual", "mod", "dir")})
        return groups


Resolver = Callable[[DateMatch, date | None], FoundDate | None]


def month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def add_months(day: date, months: int) -> date:
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    return date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))


def month_number(name: str) -> int:
    return MONTHS[name[:3].lower()]


def count_of(word: str) -> int:
    return int(word) if word.isdigit() else NUMBER_WORDS[word.lower()]


def shift_by(anchor: date, unit: str, count: int) -> date:
    if unit == "day":
        return anchor + timedelta(days=count)
    if unit == "week":
        return anchor + timedelta(weeks=count)
    if unit == "decade":
        return add_months(anchor, count * 120)
    return add_months(anchor, count * (12 if unit == "year" else 1))


def qualified(
    match: DateMatch, core_start: int, bounds: tuple[date | None, date | None], precision: str
) -> FoundDate:
    """Apply the qualifier in front of a date ("by", "since", "before") to its interval."""
    qualifier = (match.groupdict().get("qual") or "").lower() or None
    earliest, latest = bounds
    start = core_start
    if qualifier is not None and qualifier not in PLAIN:
        start = match.start("qual")
        if qualifier in OPEN_BEFORE:
            if qualifier == "before" and earliest is not None:
                latest = earliest - timedelta(days=1)
            earliest = None
        elif qualifier in OPEN_AFTER:
            if qualifier == "after" and latest is not None:
                earliest = latest + timedelta(days=1)
            latest = None
    elif qualifier is not None:
        qualifier = None
    return FoundDate(start, match.end(), earliest, latest, precision, qualifier)


def modified(mod: str | None, first: date, last: date) -> tuple[date, date]:
    """Narrow a year or decade to its early / middle / late part."""
    if not mod:
        return first, last
    mod = mod.lower().removeprefix("the ")
    span = (last - first).days
    if mod in ("early", "beginning of", "start of", "first half of"):
        return first, first + timedelta(days=span // 3 if mod != "first half of" else span // 2)
    if mod in ("late", "end of", "second half of"):
        return last - timedelta(days=span // 3 if mod != "second half of" else span // 2), last
    return first + timedelta(days=span // 3), last - timedelta(days=span // 3)


def with_modifier(found: FoundDate, mod: str | None) -> FoundDate:
    if not mod or found.qualifier is not None:
        return found
    label = mod.lower().removeprefix("the ")
    return FoundDate(found.start, found.end, found.earliest, found.latest, found.precision, label)


def core_start(match: DateMatch, group: str) -> int:
    """Start of the expression without its qualifier or modifier words."""
    names = match.groupdict()
    if names.get("mod"):
        return match.start("mod")
    return match.start(group)


def safe(build: Callable[[], FoundDate | None]) -> FoundDate | None:
    try:
        return build()
    except (ValueError, OverflowError):
        return None
