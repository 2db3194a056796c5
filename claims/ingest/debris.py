"""Page debris in article text: buttons, widgets, interface words, repeated paragraphs, sign-offs.

Nothing is deleted: debris is returned as spans of the original text with a reason, so claims
keep exact offsets into the text as it was captured. The rules describe web pages in general
(share and rating widgets, comment forms, navigation, reading-time lines, photo credits,
interface words left in another script, a wire agency's sign-off), not any one site.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from functools import lru_cache

from claims.ingest.lines import Line, Paragraph, paragraphs
from claims.ingest.models import DebrisSpan

INTERFACE_PHRASES = frozenset(
    """
    share|share this|share this article|share this story|share this page|share article|
    share on facebook|share on twitter|share on x|share on whatsapp|share on telegram|
    share via email|tweet|print|print this article|email|e-mail|copy link|link copied|
    rate this article|rate this|like|likes|save|bookmark|
    skip to main content|skip to content|jump to content|skip navigation|main menu|menu|
    advertisement|advert|ad|sponsored|sponsored content|promoted|
    live|live broadcast|live updates|watch live|select important|on|off|listen|
    listen to this article|listen to article|play|pause|
    read more|read also|see also|related|related articles|related stories|more on this topic|
    more stories|recommended|most read|most popular|trending|topics|tags|
    subscribe|subscribe now|sign up|sign in|log in|login|register|newsletter|
    follow|follow us|follow us on|comments|comment|leave a reply|leave a comment|
    post a comment|add a comment|no responses yet|no comments yet|be the first to comment|
    back to top|back to top button|top|home|search|next|previous|next article|
    previous article|accept cookies|accept all|cookie settings|manage cookies|
    for business|for researchers|for students|for journalists|contact us|about us|
    photo|photos|video|videos|gallery|image|loading|click here|open in app|get the app|
    поделиться|читать также|читать на русском|читать далее|озвучить текст|фото|видео|
    реклама|подписаться|комментарии|главное|новости|
    partager|teilen|compartir|اقرأ أيضا|شارك
    """.replace("\n", "").split("|")
)
INTERFACE_PHRASES = frozenset(p.strip() for p in INTERFACE_PHRASES if p.strip())

LINE_PATTERNS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"^\(?\s*votes?\s*:\s*\d+.*\)?$", re.I), "rating widget"),
    (re.compile(r"^\(?\s*\d+\s+votes?\s*\)?$", re.I), "rating widget"),
    (re.compile(r"^\(?\s*rating\s*:\s*[\d.]+.*$", re.I), "rating widget"),
    (re.compile(r"^\d{1,3}\s*min(?:ute)?s?\.?\s*read", re.I), "reading time"),
    (re.compile(r"^(?:reading time|read time)\s*:?\s*\d", re.I), "reading time"),
    (
        re.compile(
            r"^(?:photo|image|picture|illustration|credit|фото|video)\s*:\s*\S.{0,150}$", re.I
        ),
        "photo credit",
    ),
    (re.compile(r"^your e-?mail address will not be published", re.I), "comment form"),
    (re.compile(r"^required fields are marked", re.I), "comment form"),
    (re.compile(r"^(?:name|email|website)\s*\*?$", re.I), "comment form"),
    (re.compile(r"^save my name, email", re.I), "comment form"),
    (re.compile(r"^(?:©|\(c\)|copyright)\s", re.I), "copyright line"),
    (re.compile(r"^all rights reserved\.?$", re.I), "copyright line"),
    (re.compile(r"^[\W\d_]{1,6}$"), "interface residue"),
    (re.compile(r"^(?:[A-Z][a-z]{2,})+[a-z][A-Z][a-z]+(?: [A-Z][a-z]+){0,2}$"), "navigation"),
)

TRAILING_WIDGET = re.compile(
    r"(?<=[.!?\"”»])\s+(share(?: this(?: article)?)?|tweet|print|email)\s*$", re.IGNORECASE
)
_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?"
SIGN_OFF_PATTERNS: tuple[re.Pattern[str], ...] = (
    re.compile(
        r"^[-\u2013\u2014\s]*\(?(?:reuters?|ap|afp|upi|dpa|tass|itar-tass|xinhua|kyodo|yonhap"
        r"|ansa|efe|anp|aap|pa|pa media|ians|pti|interfax|ria novosti|bernama)\)?\.?$",
        re.I,
    ),
    re.compile(
        r"^(?:--|\u2014|\u2013)\s*(?:staff|[A-Z][\w.'\u2019-]*)(?:,?\s+[A-Z][\w.'\u2019-]*){0,4}$"
    ),
    re.compile(r"^\(?(?:additional |compiled )?(?:reporting|writing|editing) by\b.{0,300}$", re.I),
    re.compile(
        rf"^[A-Z][A-Za-z .'-]{{1,30}},\s+(?i:{_MONTH})\s+\d{{1,2}}"
        r"(?:,?\s+\d{4})?\s*[-\u2013\u2014]?$"
    ),
    re.compile(rf"^(?:\d{{1,2}}\s+{_MONTH}|{_MONTH}\s+\d{{1,2}},?)\s+\d{{4}}$", re.I),
)
"""The last lines of wire copy that sign it off: the agency ("Reuter", "AP"), the desk
("-- Staff"), the reporting credits, a closing dateline ("NEW YORK, March 3")."""
MAX_SIGN_OFF_LINES = 4

MIN_REPEAT_CHARS = 40
"""Paragraphs at least this long count as repeated wherever they recur in a document."""

MAX_INTERFACE_WORDS = 5
MAX_FOREIGN_SCRIPT_WORDS = 4


def find_debris(lines: list[Line]) -> list[DebrisSpan]:
    """Debris spans in the text the lines come from, in text order."""
    script = dominant_script(lines)
    spans: list[DebrisSpan] = []
    for line in lines:
        spans.extend(_line_debris(line, script))
    spans.extend(_repeated(lines))
    spans.extend(_sign_off(lines, spans))
    return merge_spans(spans)


def _line_debris(line: Line, script: str | None) -> list[DebrisSpan]:
    if line.continues:
        return []
    start, end = line.trimmed_span()
    text = line.stripped
    words = line.words
    if _phrase_key(text) in INTERFACE_PHRASES and len(words) <= MAX_INTERFACE_WORDS:
        return [DebrisSpan(start=start, end=end, reason="interface text")]
    for pattern, reason in LINE_PATTERNS:
        if pattern.search(text):
            return [DebrisSpan(start=start, end=end, reason=reason)]
    if script and _foreign_interface_line(text, words, script):
        return [DebrisSpan(start=start, end=end, reason="interface text in another language")]
    trailing = None if line.continued else TRAILING_WIDGET.search(line.text)
    if trailing:
        return [
            DebrisSpan(
                start=line.start + trailing.start(1),
                end=line.start + trailing.end(1),
                reason="share button",
            )
        ]
    return []


def _foreign_interface_line(text: str, words: list[str], script: str) -> bool:
    """A short label in another script than the article (e.g. Russian buttons in English text)."""
    if not words or len(words) > MAX_FOREIGN_SCRIPT_WORDS or text.rstrip()[-1:] in ".!?":
        return False
    line_script = dominant_script_of(text)
    return line_script is not None and line_script != script


def _repeated(lines: list[Line]) -> list[DebrisSpan]:
    """Later copies of a paragraph already seen in the document, and stuttered short lines."""
    spans: list[DebrisSpan] = []
    seen: dict[str, Paragraph] = {}
    for paragraph in paragraphs(lines):
        key = _phrase_key(paragraph.text)
        if len(key) >= MIN_REPEAT_CHARS and key in seen:
            first = seen[key]
            spans.append(
                DebrisSpan(
                    start=paragraph.start,
                    end=paragraph.end,
                    reason=f"repeated paragraph (first at {first.start}-{first.end})",
                )
            )
        elif len(key) >= MIN_REPEAT_CHARS:
            seen[key] = paragraph
    previous: Line | None = None
    for line in lines:
        stutter = previous is not None and line.stripped == previous.stripped
        if stutter and 0 < len(line.stripped) < MIN_REPEAT_CHARS:
            start, end = line.trimmed_span()
            spans.append(DebrisSpan(start=start, end=end, reason="repeated line"))
        previous = line
    return spans


def _sign_off(lines: list[Line], found: list[DebrisSpan]) -> list[DebrisSpan]:
    """The sign-off lines that end the text (debris already found between them is skipped)."""
    spans: list[DebrisSpan] = []
    for line in reversed(lines[-MAX_SIGN_OFF_LINES:]):
        start, end = line.trimmed_span()
        if any(span.start <= start and end <= span.end for span in found):
            continue
        if not any(pattern.match(line.stripped) for pattern in SIGN_OFF_PATTERNS):
            break
        spans.append(DebrisSpan(start=start, end=end, reason="sign-off"))
    return spans


def merge_spans(spans: list[DebrisSpan]) -> list[DebrisSpan]:
    """Sort spans and merge overlapping ones, keeping the first reason."""
    merged: list[DebrisSpan] = []
    for span in sorted(spans, key=lambda s: (s.start, -s.end)):
        if span.end <= span.start:
            continue
        if merged and span.start < merged[-1].end:
            last = merged[-1]
            if span.end > last.end:
                merged[-1] = DebrisSpan(start=last.start, end=span.end, reason=last.reason)
            continue
        merged.append(span)
    return merged


def _phrase_key(text: str) -> str:
    folded = unicodedata.normalize("NFKC", text).casefold()
    return " ".join(re.sub(r"[^\w\s]", " ", folded).split())


def dominant_script(lines: list[Line]) -> str | None:
    """The script most letters of the document are written in."""
    counts: Counter[str] = Counter()
    for line in lines:
        counts.update(_scripts(line.text))
    return counts.most_common(1)[0][0] if counts else None


def dominant_script_of(text: str) -> str | None:
    counts = Counter(_scripts(text))
    return counts.most_common(1)[0][0] if counts else None


def _scripts(text: str) -> list[str]:
    if text.isascii():
        return ["LATIN"] * sum(1 for ch in text if ch.isalpha())
    return [_script(ch) for ch in text if ch.isalpha()]


@lru_cache(maxsize=8192)
def _script(ch: str) -> str:
    """The script of a letter, from the first word of its Unicode name (LATIN, CYRILLIC...)."""
    name = unicodedata.name(ch, "")
    return name.split(" ", 1)[0] if name else "UNKNOWN"
