"""Whether two folded names can be one source: the rules fuzzy resolution accepts.

Every word must pair with a word spelled alike; a person's middle names may be left out
("Haidar Hadi" ~ "Haidar Mansour Hadi"); a surname alone, with its particles ("de Vries"),
names a person weakly, and only a source that is a person or reads as one.
"""

from __future__ import annotations

from functools import lru_cache

from claims.extract.entities import find_entities
from claims.sources.models import KnownSource, SourceKind
from claims.sources.normalize import DISTINGUISHING_WORDS, similar_tokens, surname_tokens

SURNAME_ONLY = "the surname alone"


def compatible(
    mention: tuple[str, ...], candidate: tuple[str, ...], source: KnownSource
) -> tuple[float, str] | None:
    """Whether two core-token names can be one source, with a score floor and a reason.

    Every word must pair with a word spelled alike; a person's middle names may be left out
    ("Haidar Hadi" ~ "Haidar Mansour Hadi"), and a surname alone names a person weakly.
    """
    if len(mention) == len(candidate):
        if all(similar_tokens(a, b) for a, b in zip(mention, candidate, strict=True)):
            return 0.0, "the same words spelled differently"
        if all(
            similar_tokens(a, b) for a, b in zip(sorted(mention), sorted(candidate), strict=True)
        ):
            return 0.0, "the same words in another order"
        return None
    if not is_person_like(source) or len(mention) > len(candidate):
        return None
    if surname_tokens(mention) and _same_surname(mention, candidate):
        return 0.8, SURNAME_ONLY
    if len(mention) == 1:
        return None
    return _middle_names(mention, candidate)


def _same_surname(mention: tuple[str, ...], candidate: tuple[str, ...]) -> bool:
    """The mention is the candidate's surname: its last word, with the same particles before
    it ("de Vries" ~ "Jan de Vries"; "Maximov" ~ "Maxim Maximov")."""
    tail = candidate[-len(mention) :]
    if len(mention) > 1 and tuple(mention[:-1]) != tuple(tail[:-1]):
        return False
    return similar_tokens(mention[-1], tail[-1])


def is_person_like(source: KnownSource) -> bool:
    """A registered person, or a source of unknown kind whose name reads as a person's
    ("Igor Konashenkov", created from an earlier article): what a surname alone may name."""
    if source.is_person:
        return True
    return source.kind == SourceKind.UNKNOWN and person_name(source.name)


@lru_cache(maxsize=65536)
def person_name(name: str) -> bool:
    """Whether the whole name reads as one person's."""
    found = find_entities(name)
    return len(found) == 1 and found[0].kind == "person" and found[0].text == name.strip()


def _middle_names(mention: tuple[str, ...], candidate: tuple[str, ...]) -> tuple[float, str] | None:
    if not (
        similar_tokens(mention[0], candidate[0]) and similar_tokens(mention[-1], candidate[-1])
    ):
        return None
    remaining = list(candidate[1:-1])
    for word in mention[1:-1]:
        hits = [i for i, other in enumerate(remaining) if similar_tokens(word, other)]
        if not hits:
            return None
        remaining = remaining[hits[0] + 1 :]
    if any(word in DISTINGUISHING_WORDS for word in candidate):
        return None
    return 0.88, "the same first and last name (middle names left out)"
