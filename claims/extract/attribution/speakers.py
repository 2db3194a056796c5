"""Which frames give a chain its speaker: not attitudes, not things that signal."""

from __future__ import annotations

from claims.extract.attribution.frame import Frame
from claims.extract.attribution.tokens import PRONOUNS
from claims.extract.models import ChainLink, Role

_DEMONSTRATIVES = frozenset({"this", "these", "that", "those", "such"})

_ABSTRACT_ENDINGS = ("ness",)

_PEOPLE_NOUNS = frozenset(
    {"official", "officials", "spokesman", "spokeswoman", "spokesperson", "minister", "source"}
    | {"sources", "reporter", "expert", "experts", "analyst", "analysts", "diplomat", "man"}
    | {"woman", "person", "people", "group", "agency", "ministry", "government", "department"}
)


def abstract_source(text: str, frame: Frame) -> bool:
    """`This declaration underscores`, `The willingness to engage highlights`: no speaker.

    A demonstrative before a common noun, or "the" before a quality noun in -ness, names a
    thing that signals, not a person or body that speaks ("the opposition" still speaks).
    """
    if frame.source is None:
        return False
    words = text[frame.source.start : frame.source.end].split()
    if len(words) < 2 or not words[1][:1].islower() or words[1].lower() in _PEOPLE_NOUNS:
        return False
    first, head = words[0].lower(), words[1].lower().strip(".,")
    if first in _DEMONSTRATIVES:
        return True
    return first == "the" and head.endswith(_ABSTRACT_ENDINGS) and head not in _PEOPLE_NOUNS


def named_speaker(links: list[ChainLink]) -> ChainLink | None:
    """The first speaker link that names someone (not a pronoun), for later pronouns."""
    for link in links:
        if link.role is Role.SPEAKER and link.mention.lower() not in PRONOUNS:
            return link
    return None


def speaker_of(links: list[ChainLink]) -> ChainLink | None:
    """The first speaker link of a chain, if any."""
    return next((link for link in links if link.role is Role.SPEAKER), None)
