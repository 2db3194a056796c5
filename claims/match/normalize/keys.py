"""Blocking keys: the handful of normalised values two matching claims almost surely share.

Every claim is indexed under all of its keys (entities, numbers, dates, content words, word
pairs); a new claim looks up only its rarest keys (see `claims.match.candidates`), so finding
candidates costs about as much as the postings of a few rare words, not a pass over every
stored claim.
Keys are short prefixed strings ("e:haidar hadi", "n:2500", "d:2025-09", "w:withdraw") that
fit the `claim_keys.key` column on every backend.

Word pairs ("p:economy growth": two content words at most PAIR_WINDOW words apart, in
alphabetical order) let two claims that share only common words still meet: "economy" and
"growth" are each held by hundreds of claims, the pair by few.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from claims.extract.models import DateValue, Entity, Quantity
from claims.match.normalize.words import content_words

MAX_KEY_CHARS = 128
"""The width of `claim_keys.key`."""

ENTITY, NUMBER, DATE, WORD, PAIR = "e:", "n:", "d:", "w:", "p:"

PAIR_WINDOW = 8
"""Content words this far apart (or closer) in a claim make a word-pair key."""


def claim_keys(
    text: str,
    entities: Iterable[Entity] = (),
    dates: Iterable[DateValue] = (),
    quantities: Iterable[Quantity] = (),
) -> list[str]:
    """All blocking keys of one claim, without repeats, in a stable order."""
    keys: dict[str, None] = {}
    for entity in entities:
        if entity.key:
            keys[_clip(ENTITY + entity.key)] = None
    for quantity in quantities:
        number = number_key(quantity.value)
        if number is not None:
            keys[NUMBER + number] = None
    for date in dates:
        for key in date_keys(date):
            keys[DATE + key] = None
    words = content_words(text)
    for word in words:
        keys[_clip(WORD + word)] = None
    for pair in word_pairs(words):
        keys[_clip(PAIR + pair)] = None
    return list(keys)


def word_keys(words: Iterable[str]) -> list[str]:
    """The word keys of a claim's content words: what word rarity is counted by."""
    keys = [WORD + word for word in words]
    return [key if len(key) <= MAX_KEY_CHARS else key[:MAX_KEY_CHARS] for key in keys]


def word_pairs(words: Sequence[str]) -> list[str]:
    """Pairs of distinct words at most PAIR_WINDOW apart, each "a b" in alphabetical order."""
    pairs: dict[str, None] = {}
    for index, first in enumerate(words):
        for second in words[index + 1 : index + 1 + PAIR_WINDOW]:
            if first != second:
                low, high = (first, second) if first < second else (second, first)
                pairs[f"{low} {high}"] = None
    return list(pairs)


def number_key(value: float | None) -> str | None:
    """A number rounded to three significant digits ("2,500" and "2.5 thousand" -> "2500")."""
    if value is None or value != value or abs(value) > 1e18:
        return None
    if value == 0:
        return "0"
    rounded = float(f"{value:.3g}")
    return str(int(rounded)) if rounded.is_integer() else repr(rounded)


def date_keys(date: DateValue) -> list[str]:
    """The month (or year) the date falls in; open-ended and relative dates give none."""
    if date.earliest is None or date.latest is None:
        return []
    if date.precision in ("day", "month") and date.earliest[:7] == date.latest[:7]:
        return [date.earliest[:7]]
    if date.earliest[:4] == date.latest[:4]:
        return [date.earliest[:4]]
    return []


def _clip(key: str) -> str:
    """Keys longer than the column are cut (they stay unique enough to block on)."""
    return key if len(key) <= MAX_KEY_CHARS else key[:MAX_KEY_CHARS]
