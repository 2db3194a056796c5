"""Calendar dates: ISO dates, month and day, month and year, months, decades, year ranges
and years, resolved against the publication date where they leave the year out."""

from __future__ import annotations

from datetime import date

from claims.extract.dates_interval import (
    DateMatch,
    FoundDate,
    core_start,
    modified,
    month_end,
    month_number,
    qualified,
    safe,
    with_modifier,
)
from claims.extract.dates_patterns import (
    COUNT_NOUNS,
    NOT_YEAR_BEFORE,
    SHORT_MONTHS,
    WORD_AFTER_RE,
    WORD_BEFORE_RE,
)


def resolve_iso(match: DateMatch, anchor: date | None) -> FoundDate | None:
    def build() -> FoundDate:
        day = date(int(match["y"]), int(match["m"]), int(match["d"]))
        return qualified(match, match.start("y"), (day, day), "day")

    return safe(build)


def resolve_month_day(match: DateMatch, anchor: date | None) -> FoundDate | None:
    def build() -> FoundDate | None:
        year = int(match["year"]) if match["year"] else (anchor.year if anchor else None)
        month = month_number(match["month"])
        if year is None:
            return FoundDate(match.start("month"), match.end(), None, None, "relative", None)
        first = date(year, month, int(match["day"]))
        last = date(year, month, int(match["day2"])) if match["day2"] else first
        return qualified(match, match.start("month"), (first, max(first, last)), "day")

    return safe(build)


def resolve_day_month(match: DateMatch, anchor: date | None) -> FoundDate | None:
    def build() -> FoundDate | None:
        year = int(match["year"]) if match["year"] else (anchor.year if anchor else None)
        if year is None:
            return FoundDate(match.start("day"), match.end(), None, None, "relative", None)
        day = date(year, month_number(match["month"]), int(match["day"]))
        return qualified(match, match.start("day"), (day, day), "day")

    return safe(build)


def resolve_month_year(match: DateMatch, anchor: date | None) -> FoundDate | None:
    def build() -> FoundDate:
        year, month = int(match["year"]), month_number(match["month"])
        first, last = modified(match["mod"], date(year, month, 1), month_end(year, month))
        found = qualified(match, core_start(match, "month"), (first, last), "month")
        return with_modifier(found, match["mod"])

    return safe(build)


def resolve_lone_month(match: DateMatch, anchor: date | None) -> FoundDate | None:
    def build() -> FoundDate | None:
        qual = match["qual"].lower().rstrip("-")
        if not qual:
            return None
        if match["month"] in SHORT_MONTHS and not match[0].endswith("."):
            return None
        month = month_number(match["month"])
        if anchor is None:
            return FoundDate(match.start("month"), match.end(), None, None, "relative", None)
        year = anchor.year + {"last": -1, "next": 1}.get(qual, 0)
        if qual == "last" and month < anchor.month:
            year += 1
        if qual == "next" and month > anchor.month:
            year -= 1
        first, last = date(year, month, 1), month_end(year, month)
        if qual in ("early", "mid", "late"):
            first, last = modified(qual, first, last)
            return FoundDate(match.start(), match.end(), first, last, "month", qual)
        if qual in ("last", "next", "this"):
            return FoundDate(match.start(), match.end(), first, last, "month", None)
        return qualified(match, match.start("month"), (first, last), "month")

    return safe(build)


def resolve_decade(match: DateMatch, anchor: date | None) -> FoundDate | None:
    def build() -> FoundDate:
        start_year = int(match["decade"]) if match["decade"] else 1900 + int(match["short"])
        first, last = modified(match["mod"], date(start_year, 1, 1), date(start_year + 9, 12, 31))
        if match["mod"]:
            core = match.start("mod")
        else:
            core = match.start("decade") if match["decade"] else match.start("short") - 1
        found = qualified(match, core, (first, last), "decade")
        return with_modifier(found, match["mod"])

    return safe(build)


def resolve_year_range(match: DateMatch, anchor: date | None) -> FoundDate | None:
    def build() -> FoundDate | None:
        first_year = int(match["y1"])
        second = match["y2"]
        last_year = int(second) if len(second) == 4 else (first_year // 100) * 100 + int(second)
        if last_year <= first_year or last_year - first_year > 100:
            return None
        if " and " in match[0] and (match["qual"] or "").lower() != "between":
            return None
        start = match.start("qual") if match["qual"] else match.start("y1")
        return FoundDate(
            start, match.end(), date(first_year, 1, 1), date(last_year, 12, 31), "year", None
        )

    return safe(build)


def resolve_year(match: DateMatch, anchor: date | None) -> FoundDate | None:
    def build() -> FoundDate | None:
        qual = (match["qual"] or "").lower()
        if not match["mod"] and match.string[match.start("year") - 1 : match.start("year")] == "-":
            return None
        bare = not match["mod"] and qual in ("", "about", "around", "circa", "of")
        if bare and not _looks_like_year(match, check_before=not qual):
            return None
        year = int(match["year"])
        first, last = modified(match["mod"], date(year, 1, 1), date(year, 12, 31))
        found = qualified(match, core_start(match, "year"), (first, last), "year")
        return with_modifier(found, match["mod"])

    return safe(build)


def _looks_like_year(match: DateMatch, check_before: bool) -> bool:
    """A bare 4-digit number is a year unless it counts something ("2000 troops")."""
    text = match.string
    if check_before:
        before = WORD_BEFORE_RE.search(text, max(0, match.start() - 20), match.start())
        if before is not None and before[1].lower() in NOT_YEAR_BEFORE:
            return False
    after = WORD_AFTER_RE.match(text, match.end(), min(len(text), match.end() + 24))
    return after is None or after[1].lower() not in COUNT_NOUNS
