"""When a claim's figures hold: its dates, or a reporting period ("1st Qtr", "nine months").

Wire tables give no date on their lines: the period is in the headline ("Example Corp 1st
Qtr Net") or in a section line above them ("Year", "Nine mths"), and the year in the
document's date. "25 cts vs 1.21 dlrs" gives this period and the one a year earlier.
"""

from __future__ import annotations

import re

from claims.extract.models import DateValue
from claims.match.frames.models import FramePeriod

_ORDINALS = {"1st": 1, "first": 1, "2nd": 2, "second": 2, "3rd": 3, "third": 3, "4th": 4}
_ORDINALS |= {"fourth": 4}
_QUARTER_RE = re.compile(
    r"(?i)\b(?:(1st|2nd|3rd|4th|first|second|third|fourth)[\s-]+(?:qtr|quarter)\b"
    r"|q([1-4])\b)(?:\s+(?:of\s+)?((?:19|20)\d\d)\b)?"
)
_HALF_RE = re.compile(
    r"(?i)\b(?:(first|second|1st|2nd)[\s-]+half|six\s+(?:months|mths)|6\s+mths|h([12]))\b"
    r"(?:\s+(?:of\s+)?((?:19|20)\d\d)\b)?"
)
_NINE_RE = re.compile(r"(?i)\b(?:nine|9)\s+(?:months|mths)\b(?:\s+(?:of\s+)?((?:19|20)\d\d)\b)?")
_YEAR_RE = re.compile(
    r"(?i)(?:\b(?:fiscal|full[\s-]year|financial\s+year)\s*((?:19|20)\d\d)?\b"
    r"|^\s*(?:year|yr)\b(?:\s+net)?\s*$|\byear\s+net\b|\b((?:19|20)\d\d)\s+(?:net|results)\b)"
)
_SECTION_RE = re.compile(
    r"(?im)^\s*((?:1st|2nd|3rd|4th|first|second|third|fourth)?\s*(?:qtr|quarter)"
    r"|year|yr|nine\s+(?:months|mths)|six\s+(?:months|mths)|(?:first|second)\s+half)\s*$"
)
"""A table's section line ("Qtr", "Year", "Nine mths") that dates the lines below it."""
_CALENDAR = {
    "Q1": ("01-01", "03-31"),
    "Q2": ("04-01", "06-30"),
    "Q3": ("07-01", "09-30"),
    "Q4": ("10-01", "12-31"),
    "H1": ("01-01", "06-30"),
    "H2": ("07-01", "12-31"),
    "9M": ("01-01", "09-30"),
    "FY": ("01-01", "12-31"),
}


def reporting_period(text: str, published: str | None) -> FramePeriod | None:
    """The reporting period a line names ("1st Qtr", "first half of 1986", "fiscal 1986")."""
    label, year = _label(text)
    if label is None:
        return None
    if year is None and published and published[:4].isdigit():
        year = int(published[:4])
    return labelled(label, year)


def section_period(before: str, published: str | None) -> FramePeriod | None:
    """The period of the last section line in `before` (the text above a table line)."""
    found = list(_SECTION_RE.finditer(before))
    if not found:
        return None
    line = found[-1][1]
    return reporting_period("year" if line.lower().strip() in ("yr",) else line, published)


def labelled(label: str, year: int | None, prior: bool = False) -> FramePeriod:
    """A reporting period with its calendar span when the year is known."""
    if year is None:
        text = label if not prior else f"{label}, a year earlier"
        return FramePeriod(text=text, label=label, prior=prior)
    first, last = _CALENDAR[label]
    text = f"{label} {year}" if label != "FY" else f"year {year}"
    return FramePeriod(
        text=text, earliest=f"{year}-{first}", latest=f"{year}-{last}", label=label, year=year
    )


def year_before(period: FramePeriod) -> FramePeriod:
    """The same reporting period a year earlier (the right-hand column of a wire table)."""
    if period.label is None:
        return FramePeriod(text=f"{period.text}, a year earlier", prior=True)
    if period.year is None:
        return labelled(period.label, None, prior=True)
    return labelled(period.label, period.year - 1)


_HINT_RE = re.compile(r"(?i)qtr|quarter|\bq[1-4]\b|\bh[12]\b|half|months|mths|year|\byr\b|fiscal")


def _label(text: str) -> tuple[str | None, int | None]:
    if not _HINT_RE.search(text):
        return None, None
    quarter = _QUARTER_RE.search(text)
    if quarter:
        number = _ORDINALS[quarter[1].lower()] if quarter[1] else int(quarter[2])
        return f"Q{number}", _year(quarter[3])
    half = _HALF_RE.search(text)
    if half:
        which = (half[1] or "").lower()
        second = which in ("second", "2nd") or half[2] == "2"
        return ("H2" if second else "H1"), _year(half[3])
    nine = _NINE_RE.search(text)
    if nine:
        return "9M", _year(nine[1])
    year = _YEAR_RE.search(text)
    if year:
        return "FY", _year(year[1] or year[2])
    return None, None


def _year(text: str | None) -> int | None:
    return int(text) if text else None


def date_period(dates: tuple[DateValue, ...] | list[DateValue]) -> FramePeriod | None:
    """The claim's first closed date as its period (a deadline is a horizon, not a period)."""
    for value in dates:
        if value.earliest and value.latest and value.qualifier not in _OPEN_QUALIFIERS:
            return FramePeriod(text=value.text, earliest=value.earliest, latest=value.latest)
    return None


_OPEN_QUALIFIERS = frozenset({"by", "until", "till", "before", "after", "since", "within"})
_OPEN_QUALIFIERS |= {"no later than", "not later than"}


def overlap(first: FramePeriod | None, second: FramePeriod | None) -> bool | None:
    """True when the periods can be one, False when they cannot, None when one is unknown."""
    if first is None or second is None:
        return None
    if first.label and second.label:
        if first.label != second.label:
            return False
        if first.year is not None and second.year is not None:
            return first.year == second.year
        return first.prior == second.prior
    if None in (first.earliest, first.latest, second.earliest, second.latest):
        return None
    assert first.earliest and first.latest and second.earliest and second.latest
    return first.earliest <= second.latest and second.earliest <= first.latest
