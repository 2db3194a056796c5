"""A new source's own name, out of a mention that also says whom it works for, its title or
where it spoke ("ABN Amro's Eddie Wong", "EU Trade Commissioner Peter Mandelson", "Brian Taylor
of Wells Fargo in Minneapolis"): the registry holds the person once, under their name, and
what surrounded it becomes the affiliation. Names of bodies are left whole ("Bank of
England", "Moody's Investors Service", "Iraq's Ministry of Communications").
"""

from __future__ import annotations

import re
from typing import NamedTuple

from claims.extract.attribution.names import common_noun
from claims.extract.attribution.source_parts import BODY_WORDS, NAME_PARTICLES, TITLE_WORDS
from claims.extract.gazetteer import aliases
from claims.sources.normalize import is_place_name, known_country
from claims.text.normalize import norm_key, word_set

EXTRA_TITLES = word_set(
    "commissioner dj inspector detective constable under-secretary presenter chancellor"
    " broadcaster rapper singer actor actress musician comedian novelist entrepreneur tycoon"
    " billionaire businessman businesswoman"
)
"""Titles and callings before a name that the speaker lists do not hold ("Broadcaster Chris
Evans"); a hyphenated title counts by its parts ("Vice-President Dick Cheney")."""
BODY_ENDINGS = word_set(
    "corp inc ltd plc co llc ag sa group holdings report service services news times post"
    " tv radio channel network networks magazine journal review programme show school college"
    " academy hospital club university church"
)
"""Words that end a body's or a programme's name, never a person's."""
OFFICE_ENDINGS = word_set(
    "commissioner minister secretary spokesman spokeswoman ambassador director chairman"
    " president governor officer official analyst economist correspondent editor"
)
"""A role that ends a mention ("the EU's Humanitarian Aid Commissioner"): no person's name."""

_POSSESSIVE_RE = re.compile(r"^(?P<owner>.+?)(?:['’]s|(?<=s)['’])\s+(?P<rest>\S.*)$")
_PLACE_TAIL_RE = re.compile(r"^(?P<rest>.+?)\s+in\s+[A-Z][\w\-]+(?:\s+[A-Z][\w\-]+)?$")
_EMPLOYER_RE = re.compile(r"^(?P<who>.+?)\s+(?:of|at|from)\s+(?:the\s+)?(?P<org>[A-Z].*)$")


class OwnName(NamedTuple):
    """The name a new source takes, and the body the mention said it belongs to."""

    name: str
    affiliation: str | None = None


def own_name(mention: str) -> OwnName:
    """The person's own name inside `mention`; else a body's name without the country that
    owns it, where it spoke, or the acronym after it; else the mention whole; never with a
    hyphenated adjective before it ("Paris-based")."""
    whole = _ADJECTIVE_RE.sub("", mention.strip())
    place = _PLACE_TAIL_RE.match(whole)
    tries = [place.group("rest"), whole] if place is not None else [whole]
    for text in tries:
        found = _person_in(text)
        if found is not None and found.name != whole:
            return found
    return _body_name(whole)


_ADJECTIVE_RE = re.compile(r"^[A-Z][a-z]+-[a-z]+(?:-[a-z]+)*\s+(?=[A-Z])")
"""A hyphenated adjective before a name ("Paris-based", "Tunisian-born"), which is no part
of it ("Jean-Michel", "Brabeck-Letmathe" have capitals after the hyphen)."""
_ACRONYM_TAIL_RE = re.compile(r"^(?P<rest>.+?)\s*\([A-Z][A-Za-z&]{1,7}\)$")
GOVERNMENT_WORDS = word_set(
    "ministry department office government embassy consulate parliament army navy police"
    " court council committee cabinet treasury agency authority commission senate congress"
    " assembly forces military foreign defence defense interior finance central national"
    " state federal royal"
)
"""Words that make a body one country's ("Iraq's Ministry of Communications", "China's
National Petroleum Corporation"): the country stays in its name."""


def _body_name(name: str) -> OwnName:
    """A body's name without a known place where it spoke ("... Office in Baghdad"), an
    acronym in parentheses after it ("... Office (PO)"), or the country or known body owning
    it ("France's Peugeot", "the UN's Food & Agriculture Organisation"); a country's own
    office keeps the country ("Iraq's Ministry of Communications"), a role stays whole ("the
    EU's Aid Commissioner"), and so does one word after a body ("BBC's Focus")."""
    place = _PLACE_TAIL_RE.match(name)
    if place is not None and is_place_name(name[place.end("rest") :].strip()[3:]):
        name = place.group("rest")
    acronym = _ACRONYM_TAIL_RE.match(name)
    if acronym is not None:
        name = acronym.group("rest")
    owner = _POSSESSIVE_RE.match(name)
    if owner is None:
        return OwnName(name)
    rest = owner.group("rest")
    words = [word.lower().strip(".,") for word in rest.split()]
    if not rest[:1].isupper() or words[-1] in OFFICE_ENDINGS:
        return OwnName(name)
    if _is_place(owner.group("owner")):
        return OwnName(name if any(word in GOVERNMENT_WORDS for word in words) else rest)
    if _known_body(owner.group("owner")) and len(words) > 1 and "the" not in words:
        return OwnName(rest, owner.group("owner"))  # "the UN's Food & Harbour Organisation"
    return OwnName(name)


def _known_body(name: str) -> bool:
    """A body the gazetteer knows ("UN", "BBC")."""
    found = aliases().get(norm_key(name))
    return found is not None and found[1] == "organization"


def _person_in(text: str) -> OwnName | None:
    """The person a mention without a place names, with whom they work for."""
    affiliation = None
    employer = _EMPLOYER_RE.match(text)
    if employer is not None:
        who = _after_titles(employer.group("who")) or employer.group("who")
        if _reads_as_person(who):
            text, affiliation = who, employer.group("org")
    owner = _POSSESSIVE_RE.match(text)
    if owner is not None and not _is_place(owner.group("owner")):
        rest = owner.group("rest")
        if _reads_as_person(rest):
            text, affiliation = rest, affiliation or owner.group("owner")
    text = _after_titles(text) or text
    return OwnName(text, affiliation) if _reads_as_person(text) else None


def _after_titles(text: str) -> str | None:
    """The name after the last title word ("EU Trade Commissioner Peter Mandelson")."""
    words = text.split()
    last_title = max((i for i, word in enumerate(words[:-2]) if _is_title(word)), default=None)
    if last_title is None or last_title == len(words) - 1:
        return None
    name = " ".join(words[last_title + 1 :])
    return name if _reads_as_person(name) else None


def _is_place(name: str) -> bool:
    """A place or a country ("Rome", "South Korea"): "South Korea's Hyundai Motor" is not
    Hyundai Motor affiliated to a country."""
    return is_place_name(name) or known_country(name) is not None


def _is_title(word: str) -> bool:
    lowered = word.lower().strip(".,")
    if lowered in TITLE_WORDS or lowered in EXTRA_TITLES:
        return True
    parts = lowered.split("-")
    return len(parts) > 1 and all(part in TITLE_WORDS for part in parts)


def _reads_as_person(text: str) -> bool:
    """Two to four capitalised words (particles allowed), no title first ("Minister Tony"; a
    surname may be a title word: "Simon Champion"), and no body or place word."""
    words = text.split()
    if not 2 <= len(words) <= 4 or _is_title(words[0]) or words[0].lower() in ("the", "a"):
        return False
    if words[-1].lower() in OFFICE_ENDINGS:
        return False
    for word in words:
        lowered = word.lower().strip(".,")
        if lowered in NAME_PARTICLES:
            continue
        if not word[:1].isupper():
            return False
        if lowered in BODY_WORDS or lowered in BODY_ENDINGS or word.isupper():
            return False
        if common_noun(lowered):  # "British Chambers", "Senior Economists"
            return False
    return not _is_place(text)
