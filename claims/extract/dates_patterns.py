"""The words and regular expressions that spell dates in English text: month and weekday
names, number words, the qualifiers that open an interval and one pattern per kind of date."""

from __future__ import annotations

import re

from claims.text.normalize import word_set
from claims.text.number_words import up_to

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
    **up_to(12),
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


SHORT_MONTHS = frozenset({"Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept"})


_ORDINAL = r"(?:st|nd|rd|th)?"


_QUALIFIER_WORDS = (
    r"no later than|not later than|no earlier than|not earlier than|by the end of"
    r"|by the start of|by|until|till|through|since|before|after|from|as of|as early as"
    r"|as late as|starting(?: in| from)?|beginning in|around|about|circa|back in|in|on|during"
    r"|throughout|of"
)


QUAL_BEFORE_RE = re.compile(r"\b(?P<qual>(?i:" + _QUALIFIER_WORDS + r"))\s+(?:(?i:the)\s+)?$")


MOD_BEFORE_RE = re.compile(
    r"\b(?P<mod>(?i:early|mid|late|the end of|the beginning of|the start of|end of|beginning of"
    r"|start of|the middle of|the first half of|the second half of))(?:-|\s+)$"
)


LONE_QUAL_BEFORE_RE = re.compile(
    r"\b(?P<qual>(?i:no later than|not later than|by the end of|by|until|till|since|before"
    r"|after|from|as of|back in|in|during|throughout|last|next|this|early|mid|late|the end of"
    r"|the beginning of))[ -]$"
)


WEEKDAY_QUAL_BEFORE_RE = re.compile(
    r"\b(?P<qual>(?i:on|last|next|this|since|by|until|before|after))\s+$"
)


RANGE_QUAL_BEFORE_RE = re.compile(r"\b(?P<qual>(?i:from|between))\s+$")


WITHIN_BEFORE_RE = re.compile(
    r"\b(?P<qual>(?i:within|in|over|during|for))\s+(?:(?i:the)\s+)?"
    r"(?:(?P<dir>(?i:next|past|last|coming|following))\s+)?$"
)


_YEAR = r"(?P<year>1[6-9]\d\d|20\d\d)"


_COUNT = (
    r"(?P<count>\d{1,3}|(?i:a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven"
    r"|twelve|eighteen|twenty|thirty|few|several))"
)


ISO_RE = re.compile(r"\b(?P<y>\d{4})-(?P<m>\d\d)-(?P<d>\d\d)\b")


MONTH_DAY_RE = re.compile(
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


DAY_MONTH_RE = re.compile(
    r"\b(?P<day>\d{1,2})" + _ORDINAL + r"\s+(?:of\s+)?" + _MONTH + r"(?:,?\s+" + _YEAR + r"\b)?"
)


MONTH_YEAR_RE = re.compile(r"(?<![\w-])" + _MONTH + r",?\s+" + _YEAR + r"\b")


LONE_MONTH_RE = re.compile(r"(?<![\w])" + _MONTH + r"(?!\s*\d)")


DECADE_RE = re.compile(r"(?:\b(?P<decade>1[6-9]\d0|20\d0)s|'(?P<short>\d0)s)\b")


YEAR_RANGE_RE = re.compile(
    r"\b(?P<y1>1[6-9]\d\d|20\d\d)\s*(?:-|–|—|to|and|through)\s*"
    r"(?P<y2>1[6-9]\d\d|20\d\d|\d\d)\b(?![\d%])"
)


YEAR_RE = re.compile(r"(?<![\d.,$£€¥#/:])\b" + _YEAR + r"\b(?![\d%/:-]|[.,]\d)")


DAY_WORD_RE = re.compile(r"\b(?P<word>(?i:yesterday|today|tomorrow|tonight))\b")


WEEKDAY_RE = re.compile(
    r"\b(?P<weekday>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b"
)


RELATIVE_PERIOD_RE = re.compile(
    r"(?i:\b(?P<which>last|this|next|past|coming|previous|current|earlier this|later this)"
    r"\s+(?P<unit>week|month|year|decade|weekend))\b"
)


WITHIN_RE = re.compile(r"\b" + _COUNT + r"\s+(?P<unit>(?i:day|week|month|year))s?\b")


AGO_RE = re.compile(
    r"(?i:\b(?P<count>\d{1,3}|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven"
    r"|twelve|twenty|thirty|few|several)\s+(?P<unit>day|week|month|year|decade)s?\s+ago)\b"
)


WORD_AFTER_RE = re.compile(r"\s*([A-Za-z]+)")


WORD_BEFORE_RE = re.compile(r"([A-Za-z]+)\s*$")


NOT_YEAR_BEFORE = word_set(
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


OPEN_AFTER = frozenset(
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


PLAIN = frozenset({"in", "on", "during", "throughout", "back in", "of", "this"})
