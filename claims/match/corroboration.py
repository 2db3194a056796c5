"""How many corroborations and conflicts count for a claim's proposed credibility.

One rule for every path that proposes credibility (ingest, `claims match`, registry edits,
relation reviews and their undo), fed with the claim's live relations (not rejected):

- independent corroborations: the claims that corroborate it from an independent origin,
  counted by groups that do not depend on each other (`independent_groups`): two
  corroborators in one document, or joined by a dependent corroboration, count once;
- dependent corroborations: the claims that corroborate or repeat it (duplicates) from a
  shared or unknown origin;
- conflicts: the claims that contradict it.

`related` links never count. What counts as independent is `independent_groups` alone, so
that a finer rule (tracing origins further) replaces one function.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

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


def independent_groups(partners: Iterable[int], ties: Ties) -> int:
    """How many independent origins corroborate a claim: the rule of what counts as independent.

    `partners` are the claims linked to it by an independent corroboration. Two of them
    in one document, or joined by a dependent corroboration (or a duplicate), share an
    origin and count once.
    """
    members = set(partners)
    tied: UnionFind[int] = UnionFind()
    first_in: dict[int, int] = {}
    for claim in sorted(members):
        document = ties.documents.get(claim)
        tied.union(claim, first_in.setdefault(document, claim) if document is not None else claim)
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
