"""Offices only one person holds at a time, named with their holder ("UKIP leader Roger
Knapman", "Wales coach Mike Ruddock").

Two claims conflict over an office when both name the same office (the same role word with
the same qualifier in front of it) and give it two different holders, neither of whom the
other claim mentions. Words shared elsewhere, a shared name or a spelling variant of the
office ("Liberal Democrat leader" / "Lib Dem leader") are never enough.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from claims.match.normalize.words import content_words
from claims.text.normalize import word_set

ONE_HOLDER_ROLES = (
    "prime minister",
    "chief executive",
    "president",
    "leader",
    "chairman",
    "chairwoman",
    "captain",
    "coach",
    "manager",
    "mayor",
    "governor",
    "ceo",
)
"""Offices one person holds at a time (of the organisation, team or place named before)."""

_NAME = r"[A-Z][\w'\u2019-]+"
_OFFICE_RE = re.compile(
    r"(?P<qualifier>(?:" + _NAME + r"\s+){1,3}?)"
    r"(?P<role>" + "|".join(ONE_HOLDER_ROLES) + r")\s+"
    r"(?P<holder>(?:" + _NAME + r"\s+){0,2}" + _NAME + r")"
)
_NOT_CURRENT = word_set(
    "former ex deputy vice acting interim assistant new then late co shadow next"
)
"""Qualifiers of another time or a second holder: a former leader is not the leader."""


@dataclass(frozen=True)
class Office:
    qualifier: frozenset[str]
    role: str
    holder: str
    """The holder's name as written ("Roger Knapman")."""

    @property
    def label(self) -> str:
        return self.role


def offices(text: str) -> list[Office]:
    """The one-holder offices named with a holder in `text`."""
    found: list[Office] = []
    for match in _OFFICE_RE.finditer(text):
        qualifier = match["qualifier"]
        words = [word.lower() for word in re.findall(r"[\w'\u2019]+", qualifier)]
        if not words or _NOT_CURRENT & set(words):
            continue
        before = text[: match.start()].lower().split()[-1:]
        if before and before[0].strip("-") in _NOT_CURRENT:
            continue
        found.append(Office(frozenset(content_words(qualifier)), match["role"], match["holder"]))
    return found


def office_conflict(first: str, second: str) -> tuple[Office, Office] | None:
    """One office with two different holders, neither named in the other claim."""
    for one in offices(first):
        for other in offices(second):
            if one.role != other.role or not one.qualifier or one.qualifier != other.qualifier:
                continue
            if _names_overlap(one.holder, other.holder):
                continue
            if _mentions(second, one.holder) or _mentions(first, other.holder):
                continue
            return one, other
    return None


def _names_overlap(first: str, second: str) -> bool:
    return bool(set(first.lower().split()) & set(second.lower().split()))


def _mentions(text: str, name: str) -> bool:
    """The text names the person: their surname appears in it."""
    surname = name.split()[-1]
    return re.search(r"\b" + re.escape(surname) + r"\b", text) is not None
