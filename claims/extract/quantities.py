"""Find numbers and amounts and normalise them to comparable values.

"about 2.5 thousand" -> 2500 (approximate), "$5 billion" -> 5e9 USD, "two companies" -> 2,
"hundreds" -> a vague range 200..999 with no single value. Years, days of the month and
model names ("S-400", "Su-25") are not quantities: date spans found first are passed in and
skipped, and numbers glued to letters or hyphens are ignored.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from claims.extract.dates import COUNT_NOUNS
from claims.extract.models import Quantity, Span
from claims.text.normalize import word_set
from claims.text.number_words import UNITS

_UNITS_WORDS = UNITS
_TENS_WORDS = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
SCALES = {
    "hundred": 1e2,
    "thousand": 1e3,
    "million": 1e6,
    "billion": 1e9,
    "trillion": 1e12,
    "k": 1e3,
    "m": 1e6,
    "mn": 1e6,
    "mln": 1e6,
    "bn": 1e9,
    "b": 1e9,
    "tn": 1e12,
}
CURRENCY_SYMBOLS = {
    "$": "USD",
    "us$": "USD",
    "£": "GBP",
    "€": "EUR",
    "¥": "JPY",
    "₽": "RUB",
    "₹": "INR",
    "c$": "CAD",
    "a$": "AUD",
}
CURRENCY_WORDS = {
    "dollar": "USD",
    "dollars": "USD",
    "usd": "USD",
    "euro": "EUR",
    "euros": "EUR",
    "eur": "EUR",
    "pound": "GBP",
    "pounds": "GBP",
    "gbp": "GBP",
    "ruble": "RUB",
    "rubles": "RUB",
    "rouble": "RUB",
    "roubles": "RUB",
    "rub": "RUB",
    "yuan": "CNY",
    "yen": "JPY",
    "dinars": "IQD",
}
MEASURE_UNITS = {
    "%": "percent",
    "percent": "percent",
    "per cent": "percent",
    "percentage point": "percentage point",
    "percentage points": "percentage point",
    "min": "minute",
    "mins": "minute",
    "minute": "minute",
    "minutes": "minute",
    "hour": "hour",
    "hours": "hour",
    "hrs": "hour",
    "second": "second",
    "seconds": "second",
    "day": "day",
    "days": "day",
    "week": "week",
    "weeks": "week",
    "month": "month",
    "months": "month",
    "year": "year",
    "years": "year",
    "km": "km",
    "kilometres": "km",
    "kilometers": "km",
    "mile": "mile",
    "miles": "mile",
    "kg": "kg",
    "kilograms": "kg",
    "tonnes": "tonne",
    "tons": "tonne",
    "barrels": "barrel",
    "bpd": "barrel per day",
    "mw": "MW",
    "gw": "GW",
}
VAGUE = {
    "dozens": (24.0, 99.0),
    "scores": (40.0, 99.0),
    "hundreds": (200.0, 999.0),
    "thousands": (2e3, 9999.0),
    "tens of thousands": (2e4, 99999.0),
    "hundreds of thousands": (2e5, 999999.0),
    "millions": (2e6, 999e6),
    "tens of millions": (2e7, 99e6),
    "hundreds of millions": (2e8, 999e6),
    "billions": (2e9, 999e9),
}
_AT_LEAST = frozenset({"more than", "over", "at least", "upwards of", "just over", "no fewer than"})
_AT_MOST = frozenset(
    {
        "less than",
        "fewer than",
        "under",
        "up to",
        "at most",
        "just under",
        "as many as",
        "as much as",
        "no more than",
    }
)
_NOT_UNITS = word_set(
    "of the a an and or to in on at by for with from as is are was were be been has have had"
    " that which who this these those its their his her per than more less"
)

_WORD_NUMBER = (
    r"(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ](?:one|two|three|four"
    r"|five|six|seven|eight|nine)\b)?|zero|one|two|three|four|five|six|seven|eight|nine|ten"
    r"|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|a dozen"
    r"|dozen|a hundred|a thousand|a million|a billion)"
)
_APPROX_BEFORE_RE = re.compile(
    r"\b(?P<approx>(?i:about|around|approximately|nearly|almost|some|roughly|up to|more than"
    r"|over|at least|less than|fewer than|under|at most|as many as|as much as|an estimated"
    r"|estimated|close to|just over|just under|upwards of|no more than|no fewer than))\s+$"
)
_TAIL = (
    r"(?:\s?(?P<scale>(?i:hundred|thousand|million|billion|trillion)\b|(?:bn|mn|mln|tn|[kmb])\b))?"
    r"(?:\s?(?P<unit>%|(?i:per cent|percent|percentage points?)\b))?"
    r"(?![\w%]|[.,:]\d)"
)
_DIGITS_RE = re.compile(
    r"(?:(?P<cur>(?i:us\$|c\$|a\$)|[$£€¥₽₹])\s?)?"
    r"(?<![\w.,:/#-])(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
    r"(?:\s?(?:-|–|to)\s?(?P<num2>\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?))?" + _TAIL
)
_WORDS_RE = re.compile(r"\b(?P<word>(?i:" + _WORD_NUMBER + r"))\b" + _TAIL)
_HAS_DIGIT_RE = re.compile(r"\d")
_VAGUE_HINTS = ("dozens", "scores", "hundreds", "thousands", "millions", "billions")
_WORD_HINTS = (
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "teen",
    "twenty",
    "thirty",
    "forty",
    "fifty",
    "sixty",
    "seventy",
    "eighty",
    "ninety",
    "dozen",
    "hundred",
    "thousand",
    "million",
    "billion",
    "zero",
)
_VAGUE_RE = re.compile(
    r"(?:\b(?i:(?P<approx>several|a few|many))\s+)?\b(?P<vague>(?i:tens of thousands"
    r"|hundreds of thousands|tens of millions|hundreds of millions|dozens|scores|hundreds"
    r"|thousands|millions|billions))\b"
)
_SEVERAL_RE = re.compile(
    r"\b(?P<approx>(?i:several|a few))\s+(?P<scale>(?i:hundred|thousand|million|billion))\b"
)
_NEXT_WORD_RE = re.compile(r"\s+(?:of\s+)?([A-Za-z][\w'-]*)(?:\s+([A-Za-z][\w'-]*))?")


def find_quantities(
    text: str, offset: int = 0, exclude: Sequence[tuple[int, int]] = ()
) -> list[Quantity]:
    """Return the amounts in `text` (spans shifted by `offset`), skipping `exclude` spans.

    `exclude` holds spans relative to `text` (usually the dates found in it).
    """
    found: list[Quantity] = []
    taken = list(exclude)
    lowered = text.lower()
    vague = _VAGUE_RE.finditer(text) if any(h in lowered for h in _VAGUE_HINTS) else iter(())
    for match in vague:
        if _free(match.start(), match.end(), taken):
            found.append(_vague(text, match, offset))
            taken.append((match.start(), match.end()))
    several = _SEVERAL_RE.finditer(text) if "several" in lowered or "a few" in lowered else ()
    for match in several:
        if _free(match.start(), match.end(), taken):
            found.append(_several(text, match, offset))
            taken.append((match.start(), match.end()))
    patterns = [_DIGITS_RE] if _HAS_DIGIT_RE.search(text) else []
    if any(hint in lowered for hint in _WORD_HINTS):
        patterns.append(_WORDS_RE)
    for pattern in patterns:
        for match in pattern.finditer(text):
            amount = _Amount(match)
            quantity = _amount(text, amount, offset)
            if quantity is not None and _free(amount.start(), amount.end(), taken):
                found.append(quantity)
                taken.append((amount.start(), amount.end()))
    return sorted(found, key=lambda q: q.span.start)


class _Amount:
    """A number match plus the approximation words ("about", "more than") just before it."""

    def __init__(self, match: re.Match[str]) -> None:
        self._match = match
        before = _APPROX_BEFORE_RE.search(match.string, max(0, match.start() - 20), match.start())
        self.approx = before["approx"] if before is not None else None
        self._start = before.start() if before is not None else match.start()

    def __getitem__(self, group: str | int) -> str | None:
        if group == "approx":
            return self.approx
        if group == 0:
            return self._match.string[self._start : self._match.end()]
        return self._match.groupdict().get(group) if isinstance(group, str) else None

    def groupdict(self) -> dict[str, str | None]:
        return {**self._match.groupdict(), "approx": self.approx}

    def start(self) -> int:
        return self._start

    def end(self) -> int:
        return self._match.end()


def _free(start: int, end: int, taken: list[tuple[int, int]]) -> bool:
    return all(end <= other_start or start >= other_end for other_start, other_end in taken)


def word_number(words: str) -> float | None:
    """Value of a number written in words ("twenty-five", "a dozen", "two"), else None."""
    lowered = words.lower().replace("-", " ").split()
    if lowered[:1] == ["a"]:
        lowered = lowered[1:] or ["one"]
    if lowered == ["dozen"]:
        return 12.0
    if len(lowered) == 1 and lowered[0] in SCALES:
        return SCALES[lowered[0]]
    total = 0
    for word in lowered:
        if word in _UNITS_WORDS:
            total += _UNITS_WORDS[word]
        elif word in _TENS_WORDS:
            total += _TENS_WORDS[word]
        else:
            return None
    return float(total)


def _amount(text: str, match: _Amount, offset: int) -> Quantity | None:
    word = match["word"]
    number = match["num"] or ""
    scale_word = (match["scale"] or "").lower()
    currency = CURRENCY_SYMBOLS.get((match["cur"] or "").lower())
    if word is not None:
        value = word_number(word)
        if value is None or (value == 1 and not scale_word):
            return None
    else:
        value = float(number.replace(",", ""))
        if _is_bare_year(text, match, scale_word, currency):
            return None
    if scale_word in ("k", "m", "b") and currency is None:
        if scale_word != "m":
            return None
        return _build(text, match, value, None, "m", offset)
    scale = SCALES.get(scale_word, 1.0)
    amount = value * scale
    high_amount = float(match["num2"].replace(",", "")) * scale if match["num2"] else None
    unit = _unit(text, match, currency)
    return _build(text, match, amount, high_amount, unit, offset)


def _is_bare_year(text: str, match: _Amount, scale: str, currency: str | None) -> bool:
    """A plain 1600..2099 is a year unless a counted noun follows ("2000 troops")."""
    number = match["num"] or ""
    if not (len(number) == 4 and number.isdigit() and 1600 <= int(number) <= 2099):
        return False
    if scale or currency is not None or match["unit"] or match["approx"]:
        return False
    following = _NEXT_WORD_RE.match(text, match.end(), min(len(text), match.end() + 40))
    return following is None or following[1].lower() not in COUNT_NOUNS


def _unit(text: str, match: _Amount | re.Match[str], currency: str | None) -> str | None:
    """The unit: currency, percent, a measure, or the counted noun ("troops")."""
    unit = match.groupdict().get("unit")
    if unit:
        return MEASURE_UNITS.get(" ".join(unit.lower().split()), "percent")
    if currency is not None:
        return currency
    following = _NEXT_WORD_RE.match(text, match.end(), min(len(text), match.end() + 60))
    if following is None:
        return None
    first, second = following[1], following[2]
    lowered = first.lower()
    if lowered in CURRENCY_WORDS:
        return CURRENCY_WORDS[lowered]
    if lowered in MEASURE_UNITS:
        return MEASURE_UNITS[lowered]
    if first.islower() and lowered not in _NOT_UNITS:
        return lowered
    if second is not None and not first.islower() and second.islower():
        return None if second.lower() in _NOT_UNITS else second.lower()
    return None


def _build(
    text: str,
    match: _Amount,
    amount: float,
    high_amount: float | None,
    unit: str | None,
    offset: int,
) -> Quantity:
    approx = (match["approx"] or "").lower()
    low: float | None = None
    high: float | None = None
    if high_amount is not None and high_amount > amount:
        low, high = amount, high_amount
    elif approx in _AT_LEAST:
        low = amount
    elif approx in _AT_MOST:
        high = amount
    return Quantity(
        text=match[0],
        span=Span(start=match.start() + offset, end=match.end() + offset),
        value=amount,
        low=low,
        high=high,
        unit=unit,
        approximate=bool(approx) or high_amount is not None,
    )


def _vague(text: str, match: re.Match[str], offset: int) -> Quantity:
    low, high = VAGUE[" ".join(match["vague"].lower().split())]
    return Quantity(
        text=match[0],
        span=Span(start=match.start() + offset, end=match.end() + offset),
        value=None,
        low=low,
        high=high,
        unit=_unit(text, match, None),
        approximate=True,
    )


def _several(text: str, match: re.Match[str], offset: int) -> Quantity:
    scale = SCALES[match["scale"].lower()]
    return Quantity(
        text=match[0],
        span=Span(start=match.start() + offset, end=match.end() + offset),
        value=None,
        low=2 * scale,
        high=9 * scale,
        unit=_unit(text, match, None),
        approximate=True,
    )
