"""Find date expressions and turn them into comparable intervals of ISO dates.

Partial and relative dates ("September 15", "last year", "within the next 12 months") are
resolved against the document's publication date; without one, they keep their text and
precision but have no bounds. Qualifiers ("by", "no later than", "since") open one side of
the interval: "no later than September 2025" has no earliest day and ends on 2025-09-30.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, timedelta

from claims.extract.models import DateValue, Span
from claims.text.normalize import word_set

MONTHS = {
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "may": 5,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
NUMBER_WORDS = {
    "a": 1,
    "an": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "eighteen": 18,
    "twenty": 20,
    "thirty": 30,
    "few": 3,
    "several": 3,
}

_MONTH = (
    r"(?P<month>(?:January|February|March|April|May|June|July|August|September|October"
    r"|November|December|JANUARY|FEBRUARY|MARCH|APRIL|MAY|JUNE|JULY|AUGUST|SEPTEMBER|OCTOBER"
    r"|NOVEMBER|DECEMBER)\b|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\b\.?)"
)
_SHORT_MONTHS = frozenset({"Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept"})
_ORDINAL = r"(?:st|nd|rd|th)?"
_QUALIFIER_WORDS = (
    r"no later than|not later than|no earlier than|not earlier than|by the end of"
    r"|by the start of|by|until|till|through|since|before|after|from|as of|as early as"
    r"|as late as|starting(?: in| from)?|beginning in|around|about|circa|back in|in|on|during"
    r"|throughout|of"
)
_QUAL_BEFORE_RE = re.compile(r"\b(?P<qual>(?i:" + _QUALIFIER_WORDS + r"))\s+(?:(?i:the)\s+)?$")
_MOD_BEFORE_RE = re.compile(
    r"\b(?P<mod>(?i:early|mid|late|the end of|the beginning of|the start of|end of|beginning of"
    r"|start of|the middle of|the first half of|the second half of))(?:-|\s+)$"
)
_LONE_QUAL_BEFORE_RE = re.compile(
    r"\b(?P<qual>(?i:no later than|not later than|by the end of|by|until|till|since|before"
    r"|after|from|as of|back in|in|during|throughout|last|next|this|early|mid|late|the end of"
    r"|the beginning of))[ -]$"
)
_WEEKDAY_QUAL_BEFORE_RE = re.compile(
    r"\b(?P<qual>(?i:on|last|next|this|since|by|until|before|after))\s+$"
)
_RANGE_QUAL_BEFORE_RE = re.compile(r"\b(?P<qual>(?i:from|between))\s+$")
_WITHIN_BEFORE_RE = re.compile(
    r"\b(?P<qual>(?i:within|in|over|during|for))\s+(?:(?i:the)\s+)?"
    r"(?:(?P<dir>(?i:next|past|last|coming|following))\s+)?$"
)
_YEAR = r"(?P<year>1[6-9]\d\d|20\d\d)"
_COUNT = (
    r"(?P<count>\d{1,3}|(?i:a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven"
    r"|twelve|eighteen|twenty|thirty|few|several))"
)

_ISO_RE = re.compile(r"\b(?P<y>\d{4})-(?P<m>\d\d)-(?P<d>\d\d)\b")
_MONTH_DAY_RE = re.compile(
    r"(?<![\w-])"
    + _MONTH
    + r"\s*(?P<day>\d{1,2})"
    + _ORDINAL
    + r"(?:\s*(?:-|–|—|to|and|through)\s*(?P<day2>\d{1,2})"
    + _ORDINAL
    + r")?\b"
    + r"(?:,?\s+"
    + _YEAR
    + r"\b)?(?![:.]\d)"
)
_DAY_MONTH_RE = re.compile(
    r"\b(?P<day>\d{1,2})" + _ORDINAL + r"\s+(?:of\s+)?" + _MONTH + r"(?:,?\s+" + _YEAR + r"\b)?"
)
_MONTH_YEAR_RE = re.compile(r"(?<![\w-])" + _MONTH + r",?\s+" + _YEAR + r"\b")
_LONE_MONTH_RE = re.compile(r"(?<![\w])" + _MONTH + r"(?!\s*\d)")
_DECADE_RE = re.compile(r"(?:\b(?P<decade>1[6-9]\d0|20\d0)s|'(?P<short>\d0)s)\b")
_YEAR_RANGE_RE = re.compile(
    r"\b(?P<y1>1[6-9]\d\d|20\d\d)\s*(?:-|–|—|to|and|through)\s*"
    r"(?P<y2>1[6-9]\d\d|20\d\d|\d\d)\b(?![\d%])"
)
_YEAR_RE = re.compile(r"(?<![\d.,$£€¥#/:])\b" + _YEAR + r"\b(?![\d%/:-]|[.,]\d)")
_DAY_WORD_RE = re.compile(r"\b(?P<word>(?i:yesterday|today|tomorrow|tonight))\b")
_WEEKDAY_RE = re.compile(
    r"\b(?P<weekday>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b"
)
_RELATIVE_PERIOD_RE = re.compile(
    r"(?i:\b(?P<which>last|this|next|past|coming|previous|current|earlier this|later this)"
    r"\s+(?P<unit>week|month|year|decade|weekend))\b"
)
_WITHIN_RE = re.compile(r"\b" + _COUNT + r"\s+(?P<unit>(?i:day|week|month|year))s?\b")
_AGO_RE = re.compile(
    r"(?i:\b(?P<count>\d{1,3}|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven"
    r"|twelve|twenty|thirty|few|several)\s+(?P<unit>day|week|month|year|decade)s?\s+ago)\b"
)
_WORD_AFTER_RE = re.compile(r"\s*([A-Za-z]+)")
_WORD_BEFORE_RE = re.compile(r"([A-Za-z]+)\s*$")

_NOT_YEAR_BEFORE = word_set(
    "about around approximately nearly almost some roughly over under than least most only"
    " just top up additional another extra"
)
COUNT_NOUNS = word_set(
    "people persons troops soldiers members residents workers jobs employees staff units cases"
    " deaths dead votes voters tons tonnes barrels km kilometres kilometers miles metres meters"
    " dollars euros pounds rubles roubles yuan yen times pages words men women children"
    " families homes houses vehicles cars planes aircraft points seats delegates students"
    " patients migrants refugees prisoners fighters militants civilians rockets missiles"
    " shares customers users subscribers visitors"
)
"""Nouns that make a preceding 1600..2099 a count, not a year ("2000 troops")."""
OPEN_BEFORE = frozenset(
    {
        "by",
        "no later than",
        "not later than",
        "until",
        "till",
        "through",
        "by the end of",
        "by the start of",
        "before",
        "as late as",
    }
)
"""Words before a date that make it an upper bound: a deadline ("no later than September")."""
_OPEN_AFTER = frozenset(
    {
        "since",
        "from",
        "after",
        "no earlier than",
        "not earlier than",
        "as of",
        "starting",
        "starting in",
        "starting from",
        "beginning in",
        "as early as",
    }
)
_PLAIN = frozenset({"in", "on", "during", "throughout", "back in", "of", "this"})


@dataclass(frozen=True, slots=True)
class _Found:
    """A matched expression before qualifiers are applied."""

    start: int
    end: int
    earliest: date | None
    latest: date | None
    precision: str
    qualifier: str | None


class _Match:
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


Resolver = Callable[[_Match, date | None], _Found | None]


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
    found: list[_Found] = []
    lowered = text.lower()
    present = {word for word in _ALL_TRIGGERS if word in lowered}
    for pattern, resolver, lookbacks, triggers in _RULES:
        if triggers and present.isdisjoint(triggers):
            continue
        for match in pattern.finditer(text):
            item = resolver(_Match(match, lookbacks), anchor)
            if item is not None:
                found.append(item)
    return [_to_value(text, item, offset) for item in _non_overlapping(found)]


def _non_overlapping(found: list[_Found]) -> Iterator[_Found]:
    """Keep the longest expression where several overlap (leftmost first on ties)."""
    taken: list[_Found] = []
    for item in sorted(found, key=lambda f: (-(f.end - f.start), f.start)):
        if all(item.end <= other.start or item.start >= other.end for other in taken):
            taken.append(item)
    return iter(sorted(taken, key=lambda f: f.start))


def _to_value(text: str, item: _Found, offset: int) -> DateValue:
    return DateValue(
        text=text[item.start : item.end],
        span=Span(start=item.start + offset, end=item.end + offset),
        earliest=item.earliest.isoformat() if item.earliest else None,
        latest=item.latest.isoformat() if item.latest else None,
        precision=item.precision,
        qualifier=item.qualifier,
    )


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def _add_months(day: date, months: int) -> date:
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    return date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))


def _month_number(name: str) -> int:
    return MONTHS[name[:3].lower()]


def _qualified(
    match: _Match, core_start: int, bounds: tuple[date | None, date | None], precision: str
) -> _Found:
    """Apply the qualifier in front of a date ("by", "since", "before") to its interval."""
    qualifier = (match.groupdict().get("qual") or "").lower() or None
    earliest, latest = bounds
    start = core_start
    if qualifier is not None and qualifier not in _PLAIN:
        start = match.start("qual")
        if qualifier in OPEN_BEFORE:
            if qualifier == "before" and earliest is not None:
                latest = earliest - timedelta(days=1)
            earliest = None
        elif qualifier in _OPEN_AFTER:
            if qualifier == "after" and latest is not None:
                earliest = latest + timedelta(days=1)
            latest = None
    elif qualifier is not None:
        qualifier = None
    return _Found(start, match.end(), earliest, latest, precision, qualifier)


def _modified(mod: str | None, first: date, last: date) -> tuple[date, date]:
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


def _safe(build: Callable[[], _Found | None]) -> _Found | None:
    try:
        return build()
    except (ValueError, OverflowError):
        return None


def _iso(match: _Match, anchor: date | None) -> _Found | None:
    def build() -> _Found:
        day = date(int(match["y"]), int(match["m"]), int(match["d"]))
        return _qualified(match, match.start("y"), (day, day), "day")

    return _safe(build)


def _month_day(match: _Match, anchor: date | None) -> _Found | None:
    def build() -> _Found | None:
        year = int(match["year"]) if match["year"] else (anchor.year if anchor else None)
        month = _month_number(match["month"])
        if year is None:
            return _Found(match.start("month"), match.end(), None, None, "relative", None)
        first = date(year, month, int(match["day"]))
        last = date(year, month, int(match["day2"])) if match["day2"] else first
        return _qualified(match, match.start("month"), (first, max(first, last)), "day")

    return _safe(build)


def _core_start(match: _Match, group: str) -> int:
    """Start of the expression without its qualifier or modifier words."""
    names = match.groupdict()
    if names.get("mod"):
        return match.start("mod")
    return match.start(group)


def _day_month(match: _Match, anchor: date | None) -> _Found | None:
    def build() -> _Found | None:
        year = int(match["year"]) if match["year"] else (anchor.year if anchor else None)
        if year is None:
            return _Found(match.start("day"), match.end(), None, None, "relative", None)
        day = date(year, _month_number(match["month"]), int(match["day"]))
        return _qualified(match, match.start("day"), (day, day), "day")

    return _safe(build)


def _month_year(match: _Match, anchor: date | None) -> _Found | None:
    def build() -> _Found:
        year, month = int(match["year"]), _month_number(match["month"])
        first, last = _modified(match["mod"], date(year, month, 1), _month_end(year, month))
        found = _qualified(match, _core_start(match, "month"), (first, last), "month")
        return _with_modifier(found, match["mod"])

    return _safe(build)


def _with_modifier(found: _Found, mod: str | None) -> _Found:
    if not mod or found.qualifier is not None:
        return found
    label = mod.lower().removeprefix("the ")
    return _Found(found.start, found.end, found.earliest, found.latest, found.precision, label)


def _lone_month(match: _Match, anchor: date | None) -> _Found | None:
    def build() -> _Found | None:
        qual = match["qual"].lower().rstrip("-")
        if not qual:
            return None
        if match["month"] in _SHORT_MONTHS and not match[0].endswith("."):
            return None
        month = _month_number(match["month"])
        if anchor is None:
            return _Found(match.start("month"), match.end(), None, None, "relative", None)
        year = anchor.year + {"last": -1, "next": 1}.get(qual, 0)
        if qual == "last" and month < anchor.month:
            year += 1
        if qual == "next" and month > anchor.month:
            year -= 1
        first, last = date(year, month, 1), _month_end(year, month)
        if qual in ("early", "mid", "late"):
            first, last = _modified(qual, first, last)
            return _Found(match.start(), match.end(), first, last, "month", qual)
        if qual in ("last", "next", "this"):
            return _Found(match.start(), match.end(), first, last, "month", None)
        return _qualified(match, match.start("month"), (first, last), "month")

    return _safe(build)


def _decade(match: _Match, anchor: date | None) -> _Found | None:
    def build() -> _Found:
        start_year = int(match["decade"]) if match["decade"] else 1900 + int(match["short"])
        first, last = _modified(match["mod"], date(start_year, 1, 1), date(start_year + 9, 12, 31))
        if match["mod"]:
            core = match.start("mod")
        else:
            core = match.start("decade") if match["decade"] else match.start("short") - 1
        found = _qualified(match, core, (first, last), "decade")
        return _with_modifier(found, match["mod"])

    return _safe(build)


def _year_range(match: _Match, anchor: date | None) -> _Found | None:
    def build() -> _Found | None:
        first_year = int(match["y1"])
        second = match["y2"]
        last_year = int(second) if len(second) == 4 else (first_year // 100) * 100 + int(second)
        if last_year <= first_year or last_year - first_year > 100:
            return None
        if " and " in match[0] and (match["qual"] or "").lower() != "between":
            return None
        start = match.start("qual") if match["qual"] else match.start("y1")
        return _Found(
            start, match.end(), date(first_year, 1, 1), date(last_year, 12, 31), "year", None
        )

    return _safe(build)


def _year(match: _Match, anchor: date | None) -> _Found | None:
    def build() -> _Found | None:
        qual = (match["qual"] or "").lower()
        if not match["mod"] and match.string[match.start("year") - 1 : match.start("year")] == "-":
            return None
        bare = not match["mod"] and qual in ("", "about", "around", "circa", "of")
        if bare and not _looks_like_year(match, check_before=not qual):
            return None
        year = int(match["year"])
        first, last = _modified(match["mod"], date(year, 1, 1), date(year, 12, 31))
        found = _qualified(match, _core_start(match, "year"), (first, last), "year")
        return _with_modifier(found, match["mod"])

    return _safe(build)


def _looks_like_year(match: _Match, check_before: bool) -> bool:
    """A bare 4-digit number is a year unless it counts something ("2000 troops")."""
    text = match.string
    if check_before:
        before = _WORD_BEFORE_RE.search(text, max(0, match.start() - 20), match.start())
        if before is not None and before[1].lower() in _NOT_YEAR_BEFORE:
            return False
    after = _WORD_AFTER_RE.match(text, match.end(), min(len(text), match.end() + 24))
    return after is None or after[1].lower() not in COUNT_NOUNS


def _day_word(match: _Match, anchor: date | None) -> _Found | None:
    if anchor is None:
        return _Found(match.start(), match.end(), None, None, "relative", None)
    shift = {"yesterday": -1, "tomorrow": 1}.get(match["word"].lower(), 0)
    day = anchor + timedelta(days=shift)
    return _Found(match.start(), match.end(), day, day, "day", None)


def _weekday(match: _Match, anchor: date | None) -> _Found | None:
    if anchor is None:
        return _Found(match.start("weekday"), match.end(), None, None, "relative", None)
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
        return _qualified(match, core, (day, day), "day")
    return _Found(core, match.end(), day, day, "day", None)


def _relative_period(match: _Match, anchor: date | None) -> _Found | None:
    if anchor is None:
        return _Found(match.start(), match.end(), None, None, "relative", None)
    which, unit = match["which"].lower(), match["unit"].lower()
    if which == "past" and unit != "weekend":
        return _Found(match.start(), match.end(), _shift(anchor, unit, -1), anchor, unit, None)
    step = {"last": -1, "past": -1, "previous": -1, "next": 1, "coming": 1}.get(which, 0)
    if unit == "year":
        year = anchor.year + step
        return _Found(
            match.start(), match.end(), date(year, 1, 1), date(year, 12, 31), "year", None
        )
    if unit == "month":
        first = _add_months(anchor.replace(day=1), step)
        return _Found(
            match.start(), match.end(), first, _month_end(first.year, first.month), "month", None
        )
    if unit == "decade":
        first_year = (anchor.year // 10 + step) * 10
        return _Found(
            match.start(),
            match.end(),
            date(first_year, 1, 1),
            date(first_year + 9, 12, 31),
            "decade",
            None,
        )
    monday = anchor - timedelta(days=anchor.weekday()) + timedelta(weeks=step)
    first = monday + timedelta(days=5) if unit == "weekend" else monday
    return _Found(match.start(), match.end(), first, monday + timedelta(days=6), "day", None)


def _count(word: str) -> int:
    return int(word) if word.isdigit() else NUMBER_WORDS[word.lower()]


def _shift(anchor: date, unit: str, count: int) -> date:
    if unit == "day":
        return anchor + timedelta(days=count)
    if unit == "week":
        return anchor + timedelta(weeks=count)
    if unit == "decade":
        return _add_months(anchor, count * 120)
    return _add_months(anchor, count * (12 if unit == "year" else 1))


def _within(match: _Match, anchor: date | None) -> _Found | None:
    qual = match["qual"].lower()
    direction = (match["dir"] or "").lower()
    if qual in ("", "in", "for", "during", "over") and not direction:
        return None
    unit = match["unit"].lower()
    precision = unit if unit in ("day", "month", "year") else "day"
    if anchor is None:
        return _Found(match.start(), match.end(), None, None, "relative", qual)

    def build() -> _Found:
        count = _count(match["count"])
        if direction in ("past", "last"):
            return _Found(
                match.start(), match.end(), _shift(anchor, unit, -count), anchor, precision, qual
            )
        return _Found(
            match.start(), match.end(), anchor, _shift(anchor, unit, count), precision, qual
        )

    return _safe(build)


def _ago(match: _Match, anchor: date | None) -> _Found | None:
    unit = match["unit"].lower()
    precision = unit if unit in ("day", "month", "year", "decade") else "day"
    if anchor is None:
        return _Found(match.start(), match.end(), None, None, "relative", None)

    def build() -> _Found:
        day = _shift(anchor, unit, -_count(match["count"]))
        if unit == "year":
            return _Found(
                match.start(),
                match.end(),
                date(day.year, 1, 1),
                date(day.year, 12, 31),
                "year",
                None,
            )
        if unit == "month":
            first = day.replace(day=1)
            return _Found(
                match.start(), match.end(), first, _month_end(day.year, day.month), "month", None
            )
        return _Found(match.start(), match.end(), day, day, precision, None)

    return _safe(build)


_DIGIT = ("0", "1", "2", "3", "4", "5", "6", "7", "8", "9")
_MONTH_HINTS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_QUALIFIED = (_MOD_BEFORE_RE, _QUAL_BEFORE_RE)
_RULES: tuple[
    tuple[re.Pattern[str], Resolver, tuple[re.Pattern[str], ...], tuple[str, ...]], ...
] = (
    (_ISO_RE, _iso, _QUALIFIED, _DIGIT),
    (_MONTH_DAY_RE, _month_day, _QUALIFIED, _MONTH_HINTS),
    (_DAY_MONTH_RE, _day_month, _QUALIFIED, _MONTH_HINTS),
    (_MONTH_YEAR_RE, _month_year, _QUALIFIED, _MONTH_HINTS),
    (_LONE_MONTH_RE, _lone_month, (_LONE_QUAL_BEFORE_RE,), _MONTH_HINTS),
    (_DECADE_RE, _decade, _QUALIFIED, ("0s",)),
    (_YEAR_RANGE_RE, _year_range, (_RANGE_QUAL_BEFORE_RE,), _DIGIT),
    (_YEAR_RE, _year, _QUALIFIED, _DIGIT),
    (_DAY_WORD_RE, _day_word, (), ("yesterday", "today", "tomorrow", "tonight")),
    (_WEEKDAY_RE, _weekday, (_WEEKDAY_QUAL_BEFORE_RE,), ("day",)),
    (_RELATIVE_PERIOD_RE, _relative_period, (), ("week", "month", "year", "decade")),
    (
        _WITHIN_RE,
        _within,
        (_WITHIN_BEFORE_RE,),
        ("within", "next", "past", "last", "coming", "following"),
    ),
    (_AGO_RE, _ago, (), (" ago",)),
)
_ALL_TRIGGERS = frozenset(word for rule in _RULES for word in rule[3])
