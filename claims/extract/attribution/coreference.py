"""Pronoun speakers: the earlier named speaker a "he", "she" or "they" points back to."""

from __future__ import annotations

from typing import NamedTuple

from claims.extract.attribution.tokens import words
from claims.extract.models import ChainLink

_PERSON_PRONOUNS = frozenset({"he", "she", "i"})

_ORGANISATION_WORDS = words(
    "agency ministry department office council committee government administration party "
    "campaign company corporation bank fund institute university center centre service "
    "sources media news newspaper channel tv radio press group association union commission "
    "court police army forces embassy kremlin house parliament senate congress board "
    "organization organisation foundation network website magazine times post poll survey "
    "study report"
)


class Antecedents(NamedTuple):
    """The speakers a pronoun may point back to."""

    person: ChainLink | None = None
    """The last named speaker that looks like a person (for "he", "she")."""
    anyone: ChainLink | None = None
    """The last named speaker of any kind (for "they", "it", "who")."""

    def after(self, link: ChainLink | None) -> Antecedents:
        if link is None:
            return self
        return Antecedents(link if looks_like_person(link) else self.person, link)

    def for_pronoun(self, pronoun: str) -> ChainLink | None:
        return self.person if pronoun in _PERSON_PRONOUNS else self.anyone


NO_ANTECEDENTS = Antecedents()


def looks_like_person(link: ChainLink) -> bool:
    """A personal name: a few capitalised words, no organisation word."""
    words = link.mention.split()
    if not 1 <= len(words) <= 5 or not all(w[:1].isupper() for w in words):
        return False
    return not any(w.lower().strip(".,") in _ORGANISATION_WORDS for w in words)
