"""Time phrases written next to a source are no part of its name (`Sky News on Sunday`)."""

from __future__ import annotations

import re

from claims.extract.dates_patterns import MONTHS, WEEKDAYS
from claims.extract.models import Span

_WEEKDAYS = "|".join(WEEKDAYS)
_MONTHS = (
    "january|february|march|april|may|june|july|august|september|october|november|december|"
    + "|".join(MONTHS)  # the abbreviations dates are read with
    + "|sept"
)
_UNITS = "morning|afternoon|evening|night|week|weekend|month|year|day|hours?|days|weeks|months"
_TIME_WORD = (
    rf"(?:{_WEEKDAYS}|{_MONTHS}|{_UNITS}|today|yesterday|tonight|tomorrow|overnight|"
    r"earlier|later|recently|\d{1,2}(?:st|nd|rd|th)?|\d{4}|\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?)"
)
_LEADS = r"(?:on|last|this|next|earlier|late|early|in|at|during|since|from|until|by|mid|the|of)"
_LEAD = r"(?:on|last|this|next|earlier|late|early|in|at|during|since|from|until|by|mid)"
_BARE = r"(?:today|yesterday|tonight|tomorrow|overnight|earlier|later|recently)"
_COUNT = r"(?:\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|few|several|many)"
_TIME_TAIL = re.compile(
    rf"(?:,?\s+(?:{_LEAD}\s+(?:{_LEADS}\s+)*{_TIME_WORD}|{_BARE})"
    rf"(?:\s+(?:{_LEADS}\s+)*{_TIME_WORD})*"
    rf"|,?\s+{_COUNT}\s+(?:{_UNITS})\s+ago)[\s,.]*$",
    re.IGNORECASE,
)
"""A trailing time phrase: `on Sunday`, `last week`, `on 3 March`, `earlier this month`,
`two days ago`; a month or weekday only after a preposition (`Theresa May`, `Good Friday`
stay names) and never a bare number (`Channel 4`)."""
_TIME_HEAD = re.compile(
    rf"^(?:{_LEADS}\s+)*{_TIME_WORD}(?:\s+(?:{_LEADS}\s+)*{_TIME_WORD})*\s*,?\s+",
    re.IGNORECASE,
)
"""A leading time phrase set off by a comma: `On Sunday, the ministry`."""


_RELATIVE = re.compile(r",\s*(?:which|who|that|whose)\b", re.IGNORECASE)
"""A relative clause in the source (`The firm, which floated in 2003`): its time stays."""


def without_time(text: str, span: Span) -> Span:
    """The span of a source without a time phrase before or after its name."""
    written = text[span.start : span.end]
    tail = _TIME_TAIL.search(written)
    end = span.end
    if tail is not None and tail.start() > 0 and not _RELATIVE.search(written[: tail.start()]):
        end = span.start + tail.start()
    head = _TIME_HEAD.match(text[span.start : end])
    start = span.start
    if head is not None and head.end() < end - span.start and "," in head.group():
        start = span.start + head.end()
    return Span(start=start, end=end) if end > start else span
