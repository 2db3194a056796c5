"""Whether two claims are one person's words in two people's mouths.

"I'm going to be the next president," said by one candidate and by another, is the same
sentence and two statements: a claim in the first person is about whoever says it. So is
"We will not raise taxes" from two parties. When either claim speaks in the first person
and the two have named speakers who are not one source, the claims are only related.
"""

from __future__ import annotations

import re
from functools import lru_cache

from claims.extract.entities import find_entities
from claims.match.models import MatchClaim
from claims.match.normalize.words import content_words
from claims.match.origin import ClaimOrigin, identifiable

SPEAKER = "speaker"

_FIRST_PERSON_RE = re.compile(
    r"(?<![\w’'-])(?:I|[Mm]e|[Mm]y|[Mm]ine|[Mm]yself|[Ww]e|us|[Oo]ur|[Oo]urs|[Oo]urselves)(?![\w-])"
)
"""First-person words; "US" in capitals is a country, "I" only as a capital a pronoun."""


def different_speakers(first: MatchClaim, second: MatchClaim) -> tuple[str, str] | None:
    """The two speakers, by name, when either claim speaks in the first person and both
    have named speakers who are not one source; else None."""
    if not (_FIRST_PERSON_RE.search(first.text) or _FIRST_PERSON_RE.search(second.text)):
        return None
    one, other = _speaker(first), _speaker(second)
    if one is None or other is None or one.same_as(other):
        return None
    if _mentions(first, other) or _mentions(second, one):
        return None  # one may report what the other said of himself ("Since Clinton has ...")
    return one.name, other.name


def _speaker(claim: MatchClaim) -> ClaimOrigin | None:
    """The claim's speaker when its chain names one and the claim itself writes the name: a
    speaker resolved from "he said" or carried over from an earlier sentence is too often
    someone else to tell two statements apart by."""
    for node in claim.chain:
        if node.role != SPEAKER or not identifiable(node):
            continue
        speaker = ClaimOrigin(source_id=node.source_id, name=node.source_name or node.mention)
        if not _names_person_or_body(node.mention):
            return None
        return speaker if _mentions(claim, speaker) else None
    return None


def _mentions(claim: MatchClaim, speaker: ClaimOrigin) -> bool:
    """The claim writes the speaker's surname (the last word of the name)."""
    words = content_words(speaker.name)
    return bool(words) and words[-1] in set(content_words(claim.text))


@lru_cache(maxsize=4096)
def _names_person_or_body(mention: str) -> bool:
    """The mention holds the name of a person or an organisation ("Ada Harlan", not "none of
    the scholars I interviewed"); cached, since a pair is judged for each claim a speaker
    says."""
    return any(entity.kind in _PEOPLE for entity in find_entities(mention))


_PEOPLE = frozenset({"person", "organization"})
