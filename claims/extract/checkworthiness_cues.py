"""Readable cues that move check-worthiness: numbers, dates, names, hedges, opinions, questions.

Each cue is a binary feature of the check-worthiness model with a sign fixed in advance
(`EXPECTED_SIGN`), so the reason shown to a reviewer always points the way the score moved.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Final


def _wordset(words: str) -> frozenset[str]:
    return frozenset(words.split())


NUMBER_WORDS: Final = _wordset(
    "two three four five six seven eight nine ten eleven twelve twenty thirty forty fifty "
    "sixty seventy eighty ninety hundred hundreds thousand thousands million millions billion "
    "billions trillion trillions dozen dozens percent half twice double doubled triple tripled "
    "quadrupled halved"
)
HEDGE_WORDS: Final = _wordset(
    "may might could likely unlikely possibly possible perhaps probably apparently appear "
    "appears appeared seem seems seemed"
)
OPINION_WORDS: Final = _wordset(
    "think thinks believe believes feel feels should must ought hope wish great terrible "
    "wonderful awful horrible fantastic tremendous disgrace disgraceful shameful ridiculous "
    "absurd frankly"
)
REPORTING_VERBS: Final = _wordset(
    "said says told tells reported reports announced stated claimed confirmed denied insisted "
    "added noted explained warned estimated acknowledged admitted argued asserted alleged "
    "revealed disclosed testified wrote quoted cited"
)
MONTHS: Final = sorted(
    _wordset(
        "January February March April June July August September October November December "
        "Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec"
    )
)
WEEKDAYS: Final = sorted(_wordset("Monday Tuesday Wednesday Thursday Friday Saturday Sunday"))

EXPECTED_SIGN: Final[dict[str, int]] = {
    "number": 1,
    "date": 1,
    "named_entity": 1,
    "reporting_verb": 1,
    "hedge": -1,
    "opinion_marker": -1,
    "question": -1,
    "first_person": 0,
}
"""Sign each cue's weight must have (0: learned freely); the trainer enforces it."""

CUE_LABELS: Final[dict[str, str]] = {
    "number": "number or amount",
    "date": "date or time",
    "named_entity": "named person, organisation or place",
    "reporting_verb": "reported speech",
    "hedge": "hedge",
    "opinion_marker": "opinion",
    "question": "question",
    "first_person": "first person",
}


def _words(words: frozenset[str] | list[str]) -> str:
    return "|".join(re.escape(word) for word in sorted(words, key=len, reverse=True))


_APOS = "['\u2019]"
_YEAR = r"(?:1[89]\d\d|20\d\d)(?:'?s)?"
_DIGITS = r"(?<![\w.])[$€£¥]?\d+(?:[.,]\d+)*(?:\s?%)?"

_MONTH_NAMES = _words([m for m in MONTHS if len(m) > 4 or m in {"March", "April", "June", "July"}])
_MONTH_SHORT = _words([m for m in MONTHS if len(m) <= 4 and m not in {"June", "July"}])
_MAY = r"May(?=\s+\d)|(?<=\d\s)May|(?i:in|by|of|since|until|last|next) May"

_PATTERNS: Final[dict[str, re.Pattern[str]]] = {
    "date": re.compile(
        rf"\b(?:{_YEAR}|{_MONTH_NAMES}|(?:{_MONTH_SHORT})\.?(?=\s+\d)|{_MAY}|{_words(WEEKDAYS)}"
        r"|\d{4}-\d\d-\d\d)\b"
        r"|\b(?i:yesterday|(?:last|next|this) (?:week|month|year|decade|century)"
        r"|\d+ (?:days|weeks|months|years|decades) ago)\b"
    ),
    "number": re.compile(rf"(?!{_YEAR}\b){_DIGITS}|\b(?i:{_words(NUMBER_WORDS)}|per cent)\b|%"),
    "reporting_verb": re.compile(rf"\b(?:{_words(REPORTING_VERBS)}|(?i:according to))\b"),
    "hedge": re.compile(rf"\b(?i:{_words(HEDGE_WORDS - {'may'})})\b|\bmay\b|^May\b(?!\s+\d)"),
    "opinion_marker": re.compile(rf"\b(?i:{_words(OPINION_WORDS)}|in my (?:view|opinion))\b"),
    "first_person": re.compile(
        rf"\b(?:I(?:{_APOS}(?:m|ve|d|ll))?|(?i:me|my|mine|myself|we|our|ours|ourselves)"
        rf"(?:{_APOS}(?:re|ve|d|ll))?|us)\b"
    ),
}

_CAPITALISED = r"(?:(?:Ma?c)?[A-Z][a-z]+(?:[-'’][A-Z]?[a-z]+)*|[A-Z]{2,}s?|[A-Z]\.(?:[A-Z]\.)+)"
_NAME_RUN = re.compile(rf"\b{_CAPITALISED}(?:\s+(?:of\s+|the\s+|de\s+|al-)?{_CAPITALISED})*")
_NOT_NAMES: Final = frozenset(
    ["I", "I'm", "I've", "I'd", "I'll", "OK", *MONTHS, "May", *WEEKDAYS, "Mr", "Mrs", "Ms", "Dr"]
)
_OPENERS: Final = _wordset(
    "The A An And But Or So If When While After Before In On At As For From By To With Then Now "
    "Yes No Well This That These Those It He She They We You Our His Her Their Its There Here "
    "What Why How Who Where Which Also Still Yet Because Since Although Though"
)
_POSSESSIVE = re.compile("['\u2019]s$")
_QUESTION_END = re.compile(r"\?[\s\"'\u201d\u2019)\]]*$")


@dataclass(frozen=True, slots=True)
class Cue:
    """One match of a cue in a sentence."""

    code: str
    text: str
    start: int
    end: int


def find_cues(text: str) -> list[Cue]:
    """All cues found in `text`, grouped by code in the order of `EXPECTED_SIGN`."""
    found: list[Cue] = []
    for code in EXPECTED_SIGN:
        found.extend(_find(code, text))
    return found


def _find(code: str, text: str) -> list[Cue]:
    if code == "named_entity":
        return _find_names(text)
    if code == "question":
        match = _QUESTION_END.search(text)
        return [Cue(code, "?", match.start(), match.start() + 1)] if match else []
    return [Cue(code, m.group(), m.start(), m.end()) for m in _PATTERNS[code].finditer(text)]


def _find_names(text: str) -> list[Cue]:
    """Runs of capitalised words; a lone one opening the sentence is taken for ordinary case."""
    names: list[Cue] = []
    for match in _NAME_RUN.finditer(text):
        start, words = match.start(), match.group().split()
        before = text[:start].rstrip(" \"'\u201c\u2018([")
        at_start = not before or before[-1] in ":;.!?"
        while len(words) > 1 and words[0] in _OPENERS:
            start = text.index(words[1], start + len(words[0]))
            words, at_start = words[1:], False
        lone_opener = len(words) == 1 and at_start and not _POSSESSIVE.search(words[0])
        if lone_opener or all(word in _NOT_NAMES | _OPENERS for word in words):
            continue
        names.append(Cue("named_entity", text[start : match.end()], start, match.end()))
    return names


_SIGNED_TOKENS: Final[dict[str, int]] = {
    **{word: 1 for word in NUMBER_WORDS | {"<num>", "<year>", "dollars", "euros", "pounds"}},
    **{word: -1 for word in HEDGE_WORDS | OPINION_WORDS | {"?"}},
}


def word_sign(feature: str) -> int:
    """Sign a single-word feature's weight must have: that of its cue, else 0 (free)."""
    return _SIGNED_TOKENS.get(feature, 0)
