"""Where a claim comes from: the first-hand source at the end of its chain, else its publisher.

A chain runs speaker -> intermediaries -> publisher. The origin is its first link that names
someone (a registry source that is not anonymous, or a mention that reads as a name), so an
unnamed speaker ("official sources", "the ministry", "he") passes the claim on to whoever
relayed it; a claim with no such link is its publisher's own (the document's outlet). Two
claims with one origin echo each other, however many outlets repeat them.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Sequence
from typing import Any

from pydantic import BaseModel, ConfigDict

from claims.extract.entities import find_entities, same_entity
from claims.match.models import ChainNode
from claims.text.normalize import norm_key, word_set

GENERIC_WORDS = word_set(
    "source sources official officials media reports report analysts analyst experts expert"
    " observers witnesses residents people interlocutors diplomats diplomat insiders"
    " spokesman spokeswoman spokesperson someone authorities agencies outlets press"
)
"""Words of mentions that describe someone without naming them ("official sources")."""
DESCRIPTIVE_STARTS = word_set(
    "he she it they we i you this that these those the a an his her its their our my your"
    " one some another"
)
"""First words of a pronoun or a description ("He", "the ministry", "this declaration")."""
ANONYMOUS_KINDS = frozenset({"anonymous"})
"""Registry kinds that stand for nobody in particular ("Anonymous source", "Iraqi media")."""
_NAMED_KINDS = frozenset({"person", "organization"})


class ClaimOrigin(BaseModel):
    """The source a claim is traced back to: registry id (when resolved) and name."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    source_id: int | None = None
    name: str

    def same_as(self, other: ClaimOrigin) -> bool:
        """One source: the same registry id, or (unresolved) the same entity by name."""
        if self.source_id is not None and other.source_id is not None:
            return self.source_id == other.source_id
        return same_entity(self.name, other.name)

    @property
    def key(self) -> str:
        """A value equal for one source: what counting groups corroborators by."""
        return f"source:{self.source_id}" if self.source_id is not None else norm_key(self.name)


def identifiable(node: ChainNode) -> bool:
    """A link that names someone: a registry source (not anonymous) or a name in the text."""
    if node.source_kind in ANONYMOUS_KINDS:
        return False
    if node.source_id is not None:
        return True
    return names_someone(node.mention)


@functools.lru_cache(maxsize=65_536)
def names_someone(mention: str) -> bool:
    """Whether a mention the registry could not resolve reads as a name (cached: every pair
    matching judges asks again)."""
    words = norm_key(mention).split()
    if not words or not _written_as_name(mention):
        return False
    if words[0] not in DESCRIPTIVE_STARTS and not set(words) & GENERIC_WORDS:
        return True
    return any(entity.kind in _NAMED_KINDS for entity in find_entities(mention))


def _written_as_name(mention: str) -> bool:
    """A capital letter somewhere ("Ukrainian armed forces"), or a script without case.

    "ministry" or "officials" in lower case describe a source without naming it.
    """
    cased = [char for char in mention if char.isalpha() and char.lower() != char.upper()]
    return not cased or any(char.isupper() for char in cased)


def claim_origin(chain: Sequence[ChainNode], outlet: str | None = None) -> ClaimOrigin | None:
    """The first link of `chain` that names someone, else the publisher `outlet`, else None."""
    for node in chain:
        if identifiable(node):
            return ClaimOrigin(source_id=node.source_id, name=node.source_name or node.mention)
    if outlet and outlet.strip():
        return ClaimOrigin(name=outlet.strip())
    return None


def flagged_relays(path: Iterable[Any], override: bool | None = None) -> tuple[str, ...]:
    """The propaganda-flagged relays of a claim, from its stored propaganda path, as reasons.

    A relay is any link but the speaker (an intermediary or the publisher): the outlet that
    passed the claim on, not the one who said it. A reviewer who cleared the claim's flag
    (`override` False) clears these too.
    """
    if override is False:
        return ()
    found: list[str] = []
    for step in path:
        if not isinstance(step, dict) or step.get("role") == "speaker":
            continue
        relay = step.get("through") or step.get("name")
        if not relay:
            continue
        flag = str(step.get("flag") or "propaganda")
        if step.get("through") and step.get("name"):
            flag = f"{step['name']}, which it belongs to, is flagged {flag}"
        found.append(f"relayed by {relay} ({flag})")
    return tuple(dict.fromkeys(found))
