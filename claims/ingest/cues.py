"""Metadata stated in the text itself: dates, bylines, republication and translation notices.

Each cue found also marks its own text as debris, since a notice such as "First published in
Al-Monitor" describes the document rather than asserting a claim.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from claims.ingest.lines import Line
from claims.ingest.models import DebrisSpan, DocumentMeta, Flag, MetaOrigin

HEAD_LINES = 12
"""Only this many lines at the top are searched for a date or byline."""

MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ),
        start=1,
    )
    for name in names
}
_MONTH = "|".join(sorted(MONTHS, key=len, reverse=True))
_ISO_DATE = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
_MONTH_DAY_YEAR = re.compile(rf"\b({_MONTH})\.?\s+(\d{{1,2}}),?\s+(\d{{4}})\b", re.IGNORECASE)
_DAY_MONTH_YEAR = re.compile(rf"\b(\d{{1,2}})\s+({_MONTH})\.?,?\s+(\d{{4}})\b", re.IGNORECASE)
_DATE_PREFIX = re.compile(
    r"^\s*(?:date|published|posted|updated|publication date)\s*:?\s*(\d{4}-\d{2}-\d{2})\s*",
    re.IGNORECASE,
)
_REPUBLISHED = re.compile(
    r"^\s*(?:this (?:article|piece|story) (?:was )?)?(?:first|originally) (?:published|appeared)"
    r"\s+(?:in|by|at|on)\s+(?:the\s+)?(?P<name>[^\n.]{2,80}?)\s*\.?\s*$",
    re.IGNORECASE,
)
_TRANSLATED = re.compile(
    r"^\s*(?:переведено\s+(?:сервисом|с помощью)\s+.{2,60}"
    r"|автоматический перевод.{0,60}"
    r"|(?:this (?:article|text|page) (?:was|has been|is) )?"
    r"(?:machine[- ]translated|automatically translated|translated automatically)\b.{0,80}"
    r"|translated (?:by|with|using) (?:google translate|yandex(?: translate)?|deepl)\b.{0,40}"
    r"|(?:übersetzt|traduit|traducido) (?:von|par|por) .{2,40})\s*$",
    re.IGNORECASE,
)
_WRITTEN_BY = re.compile(r"^\s*(?:written|posted|reported)\s+by\s+(?P<name>.{2,80}?)\s*$", re.I)
_BY_LINE = re.compile(r"^\s*by\s+(?P<name>(?:[A-Z][\w'’.-]+\s?){2,4})\s*$")
_READING_TIME = re.compile(r"^\s*\d{1,3}\s*(?:min(?:ute)?s?)\.?\s*read", re.IGNORECASE)
_NAME_LINE = re.compile(r"^\s*(?:[A-Z][\w'’.-]+\s){1,3}[A-Z][\w'’.-]+\s*$")
_GLUED_WORDS = re.compile(r"([a-z])([A-Z])")
_TOLD_OUTLET = re.compile(r"\btold\s+(?:the\s+)?([A-Z][\w-]+(?:\s[A-Z][\w-]+)?)")


@dataclass
class TextCues:
    """Metadata read from the text and the spans that stated it."""

    meta: DocumentMeta = field(default_factory=DocumentMeta)
    debris: list[DebrisSpan] = field(default_factory=list)
    flags: list[Flag] = field(default_factory=list)


def find_cues(text: str, lines: list[Line]) -> TextCues:
    """Find dates, bylines, republication and machine-translation notices in the text."""
    cues = TextCues()
    values: dict[str, str] = {}
    inferred: dict[str, str] = {}
    for index, line in enumerate(lines):
        head = index < HEAD_LINES
        if head and "published" not in values:
            _date_cue(line, values, cues)
        if head and "author" not in values:
            _byline_cue(line, lines[index + 1] if index + 1 < len(lines) else None, values, cues)
        _notice_cues(line, values, cues)
    outlet = _repeated_outlet(text)
    if outlet:
        inferred["outlet"] = outlet
    cues.meta = DocumentMeta.of(MetaOrigin.TEXT, **values).merged(
        DocumentMeta.of(MetaOrigin.INFERRED, **inferred)
    )
    return cues


def _date_cue(line: Line, values: dict[str, str], cues: TextCues) -> None:
    prefix = _DATE_PREFIX.match(line.text)
    if prefix:
        values["published"] = prefix.group(1)
        cues.debris.append(
            DebrisSpan(start=line.start, end=line.start + prefix.end(), reason="date line")
        )
        return
    if _READING_TIME.match(line.text):
        date = parse_date(line.text)
        if date:
            values["published"] = date
        start, end = line.trimmed_span()
        cues.debris.append(DebrisSpan(start=start, end=end, reason="reading time"))


def _byline_cue(line: Line, following: Line | None, values: dict[str, str], cues: TextCues) -> None:
    match = _BY_LINE.match(line.text)
    if match:
        values["author"] = match.group("name").strip()
        start, end = line.trimmed_span()
        cues.debris.append(DebrisSpan(start=start, end=end, reason="byline"))
        return
    if (
        following is not None
        and _READING_TIME.match(following.text)
        and _NAME_LINE.match(line.text)
    ):
        values["author"] = line.stripped
        start, end = line.trimmed_span()
        cues.debris.append(DebrisSpan(start=start, end=end, reason="byline"))


def _notice_cues(line: Line, values: dict[str, str], cues: TextCues) -> None:
    start, end = line.trimmed_span()
    republished = _REPUBLISHED.match(line.text)
    if republished and "original_publisher" not in values:
        values["original_publisher"] = republished.group("name").strip()
        cues.debris.append(DebrisSpan(start=start, end=end, reason="republication notice"))
        return
    if _TRANSLATED.match(line.text):
        values.setdefault("machine_translation", line.stripped)
        cues.flags.append(Flag.MACHINE_TRANSLATED)
        cues.debris.append(DebrisSpan(start=start, end=end, reason="machine-translation notice"))
        return
    written = _WRITTEN_BY.match(line.text)
    if written:
        values.setdefault("author", written.group("name").strip())
        cues.debris.append(DebrisSpan(start=start, end=end, reason="author box"))


def _repeated_outlet(text: str) -> str | None:
    """An outlet named again and again as the one told ("told Izvestia") is likely the publisher."""
    counts = Counter(m.group(1) for m in _TOLD_OUTLET.finditer(text))
    if not counts:
        return None
    name, count = counts.most_common(1)[0]
    return name if count >= 3 else None


def parse_date(text: str) -> str | None:
    """The first full date in the text as ISO 8601 (YYYY-MM-DD), if any."""
    text = _GLUED_WORDS.sub(r"\1 \2", text)  # "2 min readOct 5, 2023"
    iso = _ISO_DATE.search(text)
    candidates: list[tuple[int, str]] = []
    if iso:
        candidates.append((iso.start(), iso.group()))
    for match in _MONTH_DAY_YEAR.finditer(text):
        month, day, year = MONTHS[match.group(1).lower()], int(match.group(2)), match.group(3)
        candidates.append((match.start(), f"{year}-{month:02d}-{day:02d}"))
        break
    for match in _DAY_MONTH_YEAR.finditer(text):
        day, month, year = int(match.group(1)), MONTHS[match.group(2).lower()], match.group(3)
        candidates.append((match.start(), f"{year}-{month:02d}-{day:02d}"))
        break
    valid = [(pos, iso_date) for pos, iso_date in candidates if _valid(iso_date)]
    return min(valid)[1] if valid else None


def _valid(iso_date: str) -> bool:
    year, month, day = (int(part) for part in iso_date.split("-"))
    return 1800 <= year <= 2200 and 1 <= month <= 12 and 1 <= day <= 31
