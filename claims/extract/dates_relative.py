"""Dates relative to the publication date: "yesterday", weekdays, "last month", "within
the next 12 months" and "three years ago"."""

from __future__ import annotations

from datetime import date, timedelta

from claims.extract.dates_interval import (
    DateMatch,
    FoundDate,
    add_months,
    count_of,
    month_end,
    qualified,
    safe,
    shift_by,
)
from claims.extract.dates_patterns import WEEKDAYS


def resolve_day_word(match: DateMatch, anchor: date | None) -> FoundDate | None:
    if anchor is None:
        return FoundDate(match.start(), match.end(), None, None, "relative", None)
    shift = {"yesterday": -1, "tomorrow": 1}.get(match["word"].lower(), 0)
    day = anchor + timedelta(days=shift)
    return FoundDate(match.start(), match.end(), day, day, "day", None)


def resolve_weekday(match: DateMatch, anchor: date | None) -> FoundDate | None:
    if anchor is None:
        return FoundDate(match.start("weekday"), match.end(), None, None, "relative", None)
    wanted = WEEKDAYS.index(match["weekday"].lower())
    qual = (match["qual"] or "").lower()
    if qual == "next":
        day = anchor + timedelta(days=(wanted - anchor.weekday() - 1) % 7 + 1)
    else:
        day = anchor - timedelta(days=(anchor.weekday() - wanted) % 7)
        if qual == "last" and day == anchor:
            day -= timedelta(days=7)
    core = match.start("qual") if qual in ("last", "next", "this") else match.start("weekday")
    if qual in ("since", "by", "until", "before", "after"):
        return qualified(match, core, (day, day), "day")
    return FoundDate(core, match.end(), day, day, "day", None)


def resolve_relative_period(match: DateMatch, anchor: date | None) -> FoundDate | None:
    if anchor is None:
        return FoundDate(match.start(), match.end(), None, None, "relative", None)
    which, unit = match["which"].lower(), match["unit"].lower()
    if which == "past" and unit != "weekend":
        return FoundDate(match.start(), match.end(), shift_by(anchor, unit, -1), anchor, unit, None)
    step = {"last": -1, "past": -1, "previous": -1, "next": 1, "coming": 1}.get(which, 0)
    if unit == "year":
        year = anchor.year + step
        return FoundDate(
            match.start(), match.end(), date(year, 1, 1), date(year, 12, 31), "year", None
        )
    if unit == "month":
        first = add_months(anchor.replace(day=1), step)
        return FoundDate(
            match.start(), match.end(), first, month_end(first.year, first.month), "month", None
        )
    if unit == "decade":
        first_year = (anchor.year // 10 + step) * 10
        return FoundDate(
            match.start(),
            match.end(),
            date(first_year, 1, 1),
            date(first_year + 9, 12, 31),
            "decade",
            None,
        )
    monday = anchor - timedelta(days=anchor.weekday()) + timedelta(weeks=step)
    first = monday + timedelta(days=5) if unit == "weekend" else monday
    return FoundDate(match.start(), match.end(), first, monday + timedelta(days=6), "day", None)


def resolve_within(match: DateMatch, anchor: date | None) -> FoundDate | None:
    qual = match["qual"].lower()
    direction = (match["dir"] or "").lower()
    if qual in ("", "in", "for", "during", "over") and not direction:
        return None
    unit = match["unit"].lower()
    precision = unit if unit in ("day", "month", "year") else "day"
    if anchor is None:
        return FoundDate(match.start(), match.end(), None, None, "relative", qual)

    def build() -> FoundDate:
        count = count_of(match["count"])
        if direction in ("past", "last"):
            return FoundDate(
                match.start(), match.end(), shift_by(anchor, unit, -count), anchor, precision, qual
            )
        return FoundDate(
            match.start(), match.end(), anchor, shift_by(anchor, unit, count), precision, qual
        )

    return safe(build)


def resolve_ago(match: DateMatch, anchor: date | None) -> FoundDate | None:
    unit = match["unit"].lower()
    precision = unit if unit in ("day", "month", "year", "decade") else "day"
    if anchor is None:
        return FoundDate(match.start(), match.end(), None, None, "relative", None)

    def build() -> FoundDate:
        day = shift_by(anchor, unit, -count_of(match["count"]))
        if unit == "year":
            return FoundDate(
                match.start(),
                match.end(),
                date(day.year, 1, 1),
                date(day.year, 12, 31),
                "year",
                None,
            )
        if unit == "month":
            first = day.replace(day=1)
            return FoundDate(
                match.start(), match.end(), first, month_end(day.year, day.month), "month", None
            )
        return FoundDate(match.start(), match.end(), day, day, precision, None)

    return safe(build)
