"""Whether two claims that say alike things say them of different places.

"Bernie Sanders has won the Democratic primary in Oklahoma" and "... in Vermont" share every
word but one, and say two things. When each claim names a country (or its nationality:
"Japanese", "Iraqi officials"), or each a state of the United States, and no place of that
level is in both, the claims are two statements of two places, however alike their words.
Places of different levels are never compared: a capital and its country ("Moscow" /
"Russia"), a state and its country, name one place as often as two, and cities and regions
share one list in the gazetteer.
"""

from __future__ import annotations

from claims.extract.gazetteer import country_keys, us_state_keys
from claims.match.models import MatchClaim
from claims.match.normalize.words import content_words

_WHERE = frozenset({"place", "group"})
"""Places, and nationalities keyed by their country ("a new Japanese box office record")."""


def different_places(first: MatchClaim, second: MatchClaim) -> tuple[str, str] | None:
    """The places of each claim, in words, when both name places of one level (countries, or
    states of the United States) and none of them in common; else None."""
    for level in (country_keys(), us_state_keys()):
        mine = _places(first, level)
        theirs = _places(second, level)
        if mine and theirs and not mine.keys() & theirs.keys():
            return ", ".join(mine.values()), ", ".join(theirs.values())
    return None


def _places(claim: MatchClaim, level: frozenset[str]) -> dict[str, str]:
    """The claim's places of `level`, by key, as it first writes each."""
    found: dict[str, str] = {}
    for entity in claim.entities:
        if entity.kind in _WHERE and entity.key in level:
            found.setdefault(entity.key, entity.text)
    return found


def place_words(claim: MatchClaim) -> frozenset[str]:
    """The content words of the claim's places ("florida", "north", "carolina"): what says
    where it happened rather than what happened."""
    words: set[str] = set()
    for entity in claim.entities:
        if entity.kind == "place":
            words.update(content_words(entity.text))
    return frozenset(words)
