"""Bounded `related` links: each claim keeps its strongest few, so links cannot grow unbounded.

A `related` link (same subject, no judgement) is kept when it is among the RELATED_PER_CLAIM
strongest related links of at least one of its two claims (by score, then by the pair's ids),
so a claim of a busy topic keeps its closest neighbours and a store keeps at most that many
per claim. The rule depends only on the set of links found, not on the order they were
found: as links arrive, a claim's k-th strongest only gets stronger, so a link dropped once
never qualifies again.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

RELATED_PER_CLAIM = 20
"""Related links each claim keeps (its strongest)."""


@dataclass(frozen=True)
class Edge:
    """A related link: the pair (lower id first) and its score."""

    low: int
    high: int
    score: float

    def rank(self) -> tuple[float, int, int]:
        """Strongest first; ties by the pair's ids, the same seen from either claim."""
        return (-self.score, self.low, self.high)

    def pair(self) -> tuple[int, int]:
        return (self.low, self.high)


def strongest(edges: Iterable[Edge], claims: Iterable[int] | None = None) -> set[tuple[int, int]]:
    """The pairs among the strongest RELATED_PER_CLAIM of `claims` (all claims if None).

    `edges` must hold every related link of each of those claims.
    """
    wanted = None if claims is None else set(claims)
    mine: dict[int, list[Edge]] = defaultdict(list)
    for edge in {edge.pair(): edge for edge in edges}.values():
        for claim in edge.pair():
            if wanted is None or claim in wanted:
                mine[claim].append(edge)
    kept: set[tuple[int, int]] = set()
    for found in mine.values():
        found.sort(key=Edge.rank)
        kept.update(edge.pair() for edge in found[:RELATED_PER_CLAIM])
    return kept
