"""Matching a set of claims in memory, replayed in the order they arrived.

Used by `claims match --rebuild`, the benchmark and the stance evaluation. Each document's
claims arrive together, documents in the order of their claims' ids, and go through the same
`claims.match.pipeline.match_arrival` that ingestion runs against the database, so a rebuild
finds exactly what matching one document at a time found.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from claims.match.judge import Found, Tally, judge_pair, keys_of, rarity_of
from claims.match.memory import MemoryIndex
from claims.match.models import MatchClaim
from claims.match.pipeline import match_arrival

__all__ = ["Found", "Tally", "arrivals", "judge_pair", "keys_of", "match_all", "rarity_of"]


def match_all(claims: Sequence[MatchClaim], workers: int = 1) -> tuple[list[Found], Tally]:
    """Every relation among `claims`, found through blocking (no all-pairs comparison)."""
    index = MemoryIndex()
    tally = Tally()
    found: list[Found] = []
    for batch in arrivals(claims):
        found += match_arrival(index, batch, tally)
    return sorted(found, key=lambda item: (item.low, item.high)), tally


def arrivals(claims: Sequence[MatchClaim]) -> Iterator[list[MatchClaim]]:
    """The claims grouped by document, documents in the order their first claims arrived."""
    batches: dict[int, list[MatchClaim]] = {}
    for claim in sorted(claims, key=lambda item: item.id):
        batches.setdefault(claim.document_id, []).append(claim)
    yield from batches.values()
