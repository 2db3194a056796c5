"""How many corroborations and conflicts count for a claim's proposed credibility.

One rule for every path that proposes credibility (ingest, `claims match`, registry edits,
relation reviews and their undo), fed with the claim's live relations (not rejected):

- independent corroborations: the claims that corroborate it from an independent origin,
  counted by distinct origins (`independent_groups`): two corroborators that trace back to
  one origin, that are in one document, or that are joined by a dependent corroboration
  count once;
- dependent corroborations: the claims that corroborate or repeat it (duplicates) from a
  shared or unknown origin;
- conflicts: the claims that contradict it.

`related` links never count. What counts as independent is `independent_groups` alone.
`support` says the same in the words reports use: "echoed by N (k propaganda-flagged),
independently corroborated by M".
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass, field

from claims.match.cluster import UnionFind
from claims.match.models import Kind

SUPPORTING = frozenset({str(Kind.CORROBORATES), str(Kind.DUPLICATE)})
"""Kinds that say the same thing as the claim: they corroborate it."""
COUNTED = SUPPORTING | {str(Kind.CONFLICTS)}
"""Kinds that move a claim's proposed credibility."""

Counts = tuple[int, int, int]
"""(independent corroborations, dependent corroborations, conflicts)."""


@dataclass(frozen=True)
class Link:
    """A live relation between two claims, as counting sees it."""

    claim_id: int
    other_id: int
    kind: str
    independent: bool | None

    def supports(self) -> bool:
        return self.kind in SUPPORTING

    def ends(self) -> tuple[int, int]:
        return (self.claim_id, self.other_id)


@dataclass(frozen=True)
class Ties:
    """What ties corroborators to each other: their documents and the links among them."""

    documents: Mapping[int, int]
    """claim -> document, for every independent corroborator."""
    links: Iterable[Link] = ()
    """Live links among the corroborators (only dependent supporting ones tie)."""
    origins: Mapping[int, str] = field(default_factory=dict)
    """claim -> the key of its origin (`ClaimOrigin.key`), for every independent corroborator."""


def independent_groups(partners: Iterable[int], ties: Ties) -> int:
    """How many distinct origins corroborate a claim: the rule of what counts as independent.

    `partners` are the claims linked to it by an independent corroboration. Two of them
    with one origin, in one document, or joined by a dependent corroboration (or a
    duplicate), share an origin and count once.
    """
    members = set(partners)
    tied: UnionFind[int] = UnionFind()
    first_in: dict[tuple[str, object], int] = {}
    for claim in sorted(members):
        tied.add(claim)
        for key in (("document", ties.documents.get(claim)), ("origin", ties.origins.get(claim))):
            if key[1] is not None:
                tied.union(claim, first_in.setdefault(key, claim))
    for link in ties.links:
        if link.supports() and not link.independent and set(link.ends()) <= members:
            tied.union(*link.ends())
    return len({tied.find(member) for member in members})


def independent_partners(links: Iterable[Link], wanted: Iterable[int]) -> set[int]:
    """The claims that corroborate any of `wanted` independently: whose ties counting reads."""
    chosen = set(wanted)
    found: set[int] = set()
    for link in links:
        if link.supports() and link.independent:
            for claim, other in (link.ends(), link.ends()[::-1]):
                if claim in chosen:
                    found.add(other)
    return found


def corroboration_counts(
    wanted: Iterable[int], links: Iterable[Link], ties: Ties
) -> dict[int, Counts]:
    """claim -> (independent, dependent, conflicts) for each of `wanted`, from its live links.

    A duplicate or corroboration whose origin is shared or unknown counts as dependent; a
    pair linked twice counts once.
    """
    chosen = set(wanted)
    independent: dict[int, set[int]] = defaultdict(set)
    dependent: dict[int, set[int]] = defaultdict(set)
    conflicts: Counter[int] = Counter()
    for link in set(links):
        for claim, other in (link.ends(), link.ends()[::-1]):
            if claim not in chosen:
                continue
            if link.kind == str(Kind.CONFLICTS):
                conflicts[claim] += 1
            elif link.supports() and link.independent:
                independent[claim].add(other)
            elif link.supports():
                dependent[claim].add(other)
    return {
        claim: (
            independent_groups(independent[claim], ties),
            len(dependent[claim]),
            conflicts[claim],
        )
        for claim in sorted(chosen)
    }


@dataclass(frozen=True)
class Support:
    """Who else says what a claim says: echoes, independent origins, and the unassessed."""

    echoes: int = 0
    """Claims that repeat it from a shared origin (dependent corroborations and duplicates)."""
    flagged_echoes: int = 0
    """Echoes that are themselves propaganda-sourced."""
    independent: int = 0
    """Distinct independent origins that corroborate it (what credibility counts)."""
    unassessed: int = 0
    """Corroborations whose independence is unknown (no identifiable origin)."""

    def sentence(self) -> str:
        """In words: echoed by 2 (1 propaganda-flagged), independently corroborated by 1."""
        text = (
            f"echoed by {self.echoes} ({self.flagged_echoes} propaganda-flagged), "
            f"independently corroborated by {self.independent}"
        )
        if self.unassessed:
            text += f"; {self.unassessed} more of unknown origin"
        return text


def support(claim: int, links: Iterable[Link], ties: Ties, flagged: Collection[int]) -> Support:
    """What supports `claim` among its live `links`; `flagged` are propaganda-sourced claims."""
    echoes: set[int] = set()
    unassessed: set[int] = set()
    independent: set[int] = set()
    for link in set(links):
        if not link.supports() or claim not in link.ends():
            continue
        other = link.other_id if link.claim_id == claim else link.claim_id
        if link.independent:
            independent.add(other)
        elif link.independent is False or link.kind == str(Kind.DUPLICATE):
            echoes.add(other)
        else:
            unassessed.add(other)
    return Support(
        echoes=len(echoes),
        flagged_echoes=len(echoes & set(flagged)),
        independent=independent_groups(independent, ties),
        unassessed=len(unassessed - echoes),
    )
