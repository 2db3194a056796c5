"""A body's name with its country before it names the same body as the name without it.

News writes "the US Securities and Exchange Commission" in one story and "the Securities and
Exchange Commission" in the next, "the UK's Office for National Statistics" and "the Office
for National Statistics". The registry's own country stage needs the source's country, which a
source created from a text does not have. Here the country word alone is dropped, and only
from a name specific enough to be one body wherever it is written: three core words or more,
none a place, not opening with a word that makes the country part of the name ("National
Petroleum Corporation", "State Council" stay apart from "China's ...").
"""

from __future__ import annotations

import re

from claims.sources.normalize import core_tokens, place_key
from claims.text.normalize import word_set

MIN_SPECIFIC_TOKENS = 3
"""Core words the rest of the name needs: "Supreme Court" or "Foreign Office" are many bodies."""
_COUNTRY_BOUND = word_set("national state federal roial royal central")
"""First words (as core tokens) of names whose country is part of them."""
_POSSESSIVE_RE = re.compile(r"['’]s$")


def without_country(name: str) -> tuple[str, str] | None:
    """The country and the core key of the rest when `name` is a country word (or a
    country's possessive) before a specific body name; None otherwise."""
    words = name.split()
    if words and words[0].lower() == "the":
        words = words[1:]
    if len(words) < 2:
        return None
    head = core_tokens(_POSSESSIVE_RE.sub("", words[0]))
    place = place_key(head[0]) if len(head) == 1 else None
    if place is None:
        return None
    rest = core_tokens(" ".join(words[1:]))
    if len(rest) < MIN_SPECIFIC_TOKENS or rest[0] in _COUNTRY_BOUND:
        return None
    if any(place_key(token) is not None for token in rest):
        return None
    return place, " ".join(rest)
