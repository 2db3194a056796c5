"""Metadata stated in the text itself: dates, bylines, republication and translation notices.

Each cue found also marks its own text as debris, since a notice such as "First published in
Al-Monitor" describes the document rather than asserting a claim.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from claims.ingest.language import guess_language
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
_DATE_LINE_PREFIX = re.compile(
    r"^\s*(?:date|published(?: on)?|posted(?: on)?|updated(?: on)?|last updated|publication date"
    r"|опубликовано|обновлено|дата(?: публикации)?|publié(?: le)?|mis à jour(?: le)?"
    r"|veröffentlicht(?: am)?|aktualisiert(?: am)?|publicado(?: el)?|pubblicato(?: il)?)"
    r"\s*:?\s*",
    re.IGNORECASE,
)
_YEAR = re.compile(r"(?<!\d)\d{4}(?!\d)")
"""A four-digit year in any script's digits: a line without one is not read as a date."""
MAX_DATE_LINE_CHARS = 60
MAX_DATE_LINE_WORDS = 8
DATE_LANGUAGES = [
    "en",
    "ru",
    "uk",
    "de",
    "fr",
    "es",
    "it",
    "pt",
    "ar",
    "fa",
    "tr",
    "pl",
    "zh",
    "ja",
]
"""Languages dateparser reads dates in, besides the document's own."""
MAX_DATEPARSER_CALLS = 3
"""dateparser tries every language it knows on a line it cannot read (seconds): lines per
document handed to it are capped."""
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
    budget = _DateparserBudget(text)
    for index, line in enumerate(lines):
        head = index < HEAD_LINES
        if head and "published" not in values:
            _date_cue(line, values, cues, budget)
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


def _date_cue(
    line: Line, values: dict[str, str], cues: TextCues, budget: _DateparserBudget
) -> None:
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
        return
    date = _date_line(line.stripped, budget)
    if date:
        values["published"] = date
        start, end = line.trimmed_span()
        cues.debris.append(DebrisSpan(start=start, end=end, reason="date line"))


@dataclass
class _DateparserBudget:
    """How many more lines of this document dateparser may read, and in which languages."""

    text: str
    left: int = MAX_DATEPARSER_CALLS
    _languages: list[str] | None = None

    @property
    def languages(self) -> list[str]:
        """The document's own language first, then the usual languages of the news."""
        if self._languages is None:
            guessed = guess_language(self.text)
            self._languages = list(
                dict.fromkeys([*([guessed] if guessed else []), *DATE_LANGUAGES])
            )
        return self._languages


def _date_line(text: str, budget: _DateparserBudget) -> str | None:
    """The date of a line that is only a date ("5 октября 2023", "Published: Oct 5, 2023")."""
    rest = text[_match_end(_DATE_LINE_PREFIX, text) :]
    short = len(rest) <= MAX_DATE_LINE_CHARS and len(rest.split()) <= MAX_DATE_LINE_WORDS
    if not short or not _YEAR.search(rest):
        return None
    found = parse_date(rest, dateparser_fallback=False)
    if found is None and budget.left > 0:
        budget.left -= 1
        found = dateparser_date(rest, budget.languages)
    return found


def _match_end(pattern: re.Pattern[str], text: str) -> int:
    match = pattern.match(text)
    return match.end() if match else 0


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


def parse_date(text: str, *, dateparser_fallback: bool = True) -> str | None:
    """The first full date in the text as ISO 8601 (YYYY-MM-DD), if any.

    The regexes read English and ISO dates; a short text they cannot read but that holds a
    year goes to dateparser, which reads dates in some 200 languages.
    """
    found = _regex_date(text)
    if found is None and dateparser_fallback and _YEAR.search(text):
        short = len(text) <= MAX_DATE_LINE_CHARS and len(text.split()) <= MAX_DATE_LINE_WORDS
        found = dateparser_date(text, DATE_LANGUAGES) if short else None
    return found


def dateparser_date(text: str, languages: list[str]) -> str | None:
    """A full date (day, month and year) read by dateparser, which downloads nothing.

    Relative expressions ("yesterday", "3 weeks ago") are not a publication date. Naming
    the languages keeps it fast: left to itself it tries all 200 (seconds a line).
    """
    import dateparser  # imported when needed: it takes a moment

    try:
        parsed = dateparser.parse(text, languages=languages, settings=_DATEPARSER_SETTINGS)
    except ValueError:  # a language it does not know: the usual ones only
        parsed = dateparser.parse(text, languages=DATE_LANGUAGES, settings=_DATEPARSER_SETTINGS)
    except OverflowError:
        return None
    if parsed is None:
        return None
    iso_date = parsed.date().isoformat()
    return iso_date if _valid(iso_date) else None


_DATEPARSER_SETTINGS = {
    "REQUIRE_PARTS": ["day", "month", "year"],
    "STRICT_PARSING": True,
    "PARSERS": ["absolute-time", "custom-formats"],
}


def _regex_date(text: str) -> str | None:
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
