"""A claim's values: each amount with its normalised unit, what it measures and its period.

Built on extraction's quantities and on `slots.head_words` (the words that say what an
amount counts). Wire tables are read by their label ("Shr 25 cts vs 1.21 dlrs": earnings per
share, this period and a year earlier); "rose to X from Y" dates Y before X; casualty figures
("killing two workers", "one person had been injured") are counted as deaths or injuries.
"""

from __future__ import annotations

import re

from claims.extract.models import Quantity
from claims.match.amounts import change_target, is_change
from claims.match.frames.models import FramePeriod, FrameValue
from claims.match.frames.period import year_before
from claims.match.frames.vocabulary import (
    CASUALTY_NOUNS,
    DEATH_WORDS,
    INJURY_WORDS,
    LOSS_WORDS,
    MEASURES,
)
from claims.match.models import MatchClaim
from claims.match.normalize.words import content_words
from claims.match.slots import head_words
from claims.text.number_words import up_to

_UNITS: dict[str, tuple[str | None, float]] = {
    "cts": ("USD", 0.01),
    "ct": ("USD", 0.01),
    "cents": ("USD", 0.01),
    "cent": ("USD", 0.01),
    "dlrs": ("USD", 1.0),
    "dlr": ("USD", 1.0),
    "dollars": ("USD", 1.0),
    "pct": ("percent", 1.0),
    "stg": ("GBP", 1.0),
    "vs": (None, 1.0),
}
"""Wire-copy units and what they are in the units extraction uses elsewhere."""

TABLE_RE = re.compile(
    r"(?i)^\s*(?P<label>(?:oper(?:ating)?\s+)?(?:avg\s+shrs|shr(?:\s+loss|\s+profit)?|net(?:\s+loss"
    r"|\s+profit|\s+income)?|revs?|sales|loss|profit|qtly\s+div|div|assets|deposits|loans"
    r"|earnings))\b"
)
"""A wire table line opens with its label ("Oper shr", "Net loss", "Revs", "Avg shrs")."""
_VERSUS_RE = re.compile(r"(?i)\s+vs\.?\s+")
_SYMBOL_RE = re.compile(r"[$£€¥%]")
_FROM_RE = re.compile(r"(?i)\bfrom\s+(?:a\s+|an\s+)?$")
_PER_SHARE_RE = re.compile(
    r"(?i)^\s*(?:(?:cts|cents?|dlrs?|dollars?|pence|p)\b\s*)?(?:a|per)\s+(?:share|shr)\b"
)
"""An amount per share ("25 cts a share"): earnings per share."""

NUMBER_WORDS = {"no": 0, **up_to(12), "a": 1, "an": 1}
_COUNT = r"(?P<count>\d[\d,]*|" + "|".join(sorted(NUMBER_WORDS, key=len, reverse=True)) + r")"
_BOUND = r"(?P<bound>at\s+least\s+|more\s+than\s+|up\s+to\s+|about\s+|around\s+)?"
_NOUN = r"(?:[a-z-]+\s+){0,2}?(?P<noun>" + "|".join(sorted(CASUALTY_NOUNS)) + r")"
_HARM = r"(?P<harm>killed|dead|died|injured|wounded|hurt)"
_CASUALTY_RES = (
    re.compile(
        rf"(?i)\b(?P<verb>killing|killed|kills|injuring|injured|wounding|wounded)\s+{_BOUND}"
        rf"{_COUNT}\s+{_NOUN}\b"
    ),
    re.compile(
        rf"(?i)\b{_BOUND}{_COUNT}\s+{_NOUN}\s+(?:(?:were|was|had|have|has|are|is|been|being"
        rf"|reportedly|also)\s+){{0,3}}{_HARM}\b"
    ),
    re.compile(rf"(?i)\b{_BOUND}{_COUNT}\s+(?P<harm>dead|killed|injured|wounded|hurt)\b"),
    re.compile(
        r"(?i)\b(?P<none>no\s+one|nobody|no\s+(?:one\s+)?(?:people|person|workers|civilians))\s+"
        r"(?:(?:was|were|had|has|have|been|reportedly)\s+){1,3}(?P<harm>killed|injured|hurt"
        r"|wounded)\b"
    ),
)
"""Casualty figures: "killing two workers", "one person had been injured", "12 dead",
"no one was hurt"."""


_HARM_HINT_RE = re.compile(r"(?i)kill|dead|died|injur|wound|hurt")


def claim_values(
    claim: MatchClaim, period: FramePeriod | None, table_period: FramePeriod | None
) -> list[FrameValue]:
    """Every value of the claim: a table line's, its amounts', and its casualty figures."""
    table = TABLE_RE.match(claim.text)
    if table is not None:
        return _table_values(claim, table[1], table_period or period)
    counted = casualties(claim, period)
    values: list[FrameValue] = []
    for quantity in claim.quantities:
        if any(v.start < quantity.span.end and quantity.span.start < v.end for v in counted):
            continue
        value = _amount(claim, quantity, period)
        before = claim.text[: quantity.span.start - claim.start]
        after = claim.text[quantity.span.end - claim.start :]
        if _FROM_RE.search(before) and not _PER_SHARE_RE.match(after):
            value = value.model_copy(update={"measure": _earlier_measure(value, values)})
        values.append(value)
    return sorted(values + counted, key=lambda value: value.start)


def _earlier_measure(value: FrameValue, earlier: list[FrameValue]) -> str | None:
    """ "fell to 1.2 mln dlrs, or 25 cts a share, from 5.7 mln dlrs": the amount after "from"
    is of the measure of the amount it changed from (the first of its unit and kind)."""
    for other in earlier:
        if other.unit == value.unit and other.measure != "earnings per share":
            return other.measure
    return value.measure


def _table_values(claim: MatchClaim, label: str, period: FramePeriod | None) -> list[FrameValue]:
    """ "Shr 25 cts vs 1.21 dlrs": the first amount is of the period, the one after "vs" of a
    year earlier; a bare amount takes the unit of its neighbour ("45.6 mln vs 40.1 mln")."""
    measure = table_measure(label)
    sign = -1.0 if set(label.lower().split()) & LOSS_WORDS else 1.0
    values: list[FrameValue] = []
    unit = None
    for quantity in claim.quantities:
        before = claim.text[: quantity.span.start - claim.start]
        prior = bool(_VERSUS_RE.search(before))
        normal, factor = _unit(quantity)
        unit = normal or unit
        when = (year_before(period) if period else None) if prior else period
        values.append(_value(quantity, normal or unit, factor, measure, when, sign))
    return values


def table_measure(label: str) -> str:
    """ "Oper shr" -> "operating earnings per share"; "Revs" -> "revenue"."""
    words = label.lower().split()
    operating = words[0] in ("oper", "operating")
    key = " ".join(word for word in words if word not in ("oper", "operating"))
    measure = MEASURES.get(key) or MEASURES.get(key.split()[0], key)
    return f"operating {measure}" if operating else measure


def _amount(claim: MatchClaim, quantity: Quantity, period: FramePeriod | None) -> FrameValue:
    normal, factor = _unit(quantity)
    measure = amount_measure(claim, quantity)
    before = claim.text[: quantity.span.start - claim.start]
    when = (year_before(period) if period else None) if _FROM_RE.search(before) else period
    if _FROM_RE.search(before) and period is None:
        when = FramePeriod(text="before", prior=True)
    value = _value(quantity, normal, factor, measure, when, 1.0)
    change = is_change(claim, quantity) and not change_target(claim, quantity)
    return value.model_copy(update={"change": change}) if change else value


_LINKING_WORDS = frozenset(
    [
        "of",
        "was",
        "were",
        "is",
        "are",
        "at",
        "to",
        "from",
        "by",
        "rose",
        "fell",
        "rise",
        "fall",
        "rises",
        "falls",
        "risen",
        "fallen",
        "increased",
        "decreased",
        "declined",
        "dropped",
        "jumped",
        "climbed",
        "totalled",
        "totaled",
        "totaling",
        "reached",
        "stood",
        "of",
        "a",
        "an",
        "the",
        "its",
        "their",
        "about",
        "around",
        "nearly",
        "almost",
        "some",
    ]
)
"""Words between a measure and its amount ("net income fell to 1.2 mln", "profit of")."""


def amount_measure(claim: MatchClaim, quantity: Quantity) -> str | None:
    """What an amount measures: an accounts measure named next to it ("25 cts a share",
    "net income of 1.2 mln dlrs"), else the words next to it (`slots.head_words`)."""
    after = claim.text[quantity.span.end - claim.start :]
    if _PER_SHARE_RE.match(after):
        return "earnings per share"
    before = claim.text[: quantity.span.start - claim.start].lower()
    words = re.findall(r"[a-z]+", before)[-6:]
    while words and words[-1] in _LINKING_WORDS:
        words.pop()
    for size in (2, 1):
        key = " ".join(words[-size:])
        if len(words) >= size and key in MEASURES:
            return MEASURES[key]
    heads = head_words(claim, quantity.span, quantity.unit or "")
    return " ".join(sorted(heads)) or None


def _unit(quantity: Quantity) -> tuple[str | None, float]:
    unit = quantity.unit
    if unit is None:
        return None, 1.0
    return _UNITS.get(unit.lower(), (unit, 1.0))


def _value(
    quantity: Quantity,
    unit: str | None,
    factor: float,
    measure: str | None,
    period: FramePeriod | None,
    sign: float,
) -> FrameValue:
    def scaled(number: float | None) -> float | None:
        return None if number is None else round(number * factor * sign, 10)

    written = quantity.unit if quantity.unit and unit is not None else None
    if written and (_SYMBOL_RE.search(quantity.text) or written.lower() in quantity.text.lower()):
        written = None
    return FrameValue(
        text=f"{quantity.text} {written}" if written else quantity.text,
        amount=scaled(quantity.value),
        low=scaled(quantity.low),
        high=scaled(quantity.high),
        unit=unit,
        approximate=quantity.approximate,
        measure=measure,
        period=period,
        start=quantity.span.start,
        end=quantity.span.end,
    )


def casualties(claim: MatchClaim, period: FramePeriod | None) -> list[FrameValue]:
    """Deaths and injuries the claim counts ("killing two workers": 2 deaths)."""
    if not _HARM_HINT_RE.search(claim.text):
        return []
    found: list[FrameValue] = []
    taken: list[tuple[int, int]] = []
    for pattern in _CASUALTY_RES:
        for match in pattern.finditer(claim.text):
            if any(start < match.end() and match.start() < end for start, end in taken):
                continue
            value = _casualty(claim, match, period)
            if value is not None:
                taken.append(match.span())
                found.append(value)
    return sorted(found, key=lambda value: value.start)


def _casualty(
    claim: MatchClaim, match: re.Match[str], period: FramePeriod | None
) -> FrameValue | None:
    groups = match.groupdict()
    harm = (groups.get("verb") or groups.get("harm") or "").lower()
    measure = "deaths" if harm in DEATH_WORDS else "injuries" if harm in INJURY_WORDS else None
    if measure is None:
        return None
    count = 0.0 if groups.get("none") else _count(groups.get("count") or "")
    if count is None:
        return None
    bound = (groups.get("bound") or "").lower().strip()
    low = count if bound.startswith(("at least", "more than")) else None
    high = count if bound.startswith("up to") else None
    return FrameValue(
        text=match[0],
        amount=count if not (low or high) else None,
        low=low,
        high=high,
        unit="people",
        approximate=bound.startswith(("about", "around")),
        measure=measure,
        period=period,
        start=claim.start + match.start(),
        end=claim.start + match.end(),
    )


def _count(text: str) -> float | None:
    word = text.lower()
    if word in NUMBER_WORDS:
        return float(NUMBER_WORDS[word])
    digits = word.replace(",", "")
    return float(digits) if digits.isdigit() else None


def measure_words(measure: str | None) -> frozenset[str]:
    """The content words of a measure, to compare measures that are not accounts."""
    return frozenset(content_words(measure or ""))
