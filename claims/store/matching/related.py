"""Keeping `related` links bounded in the database (`claims.match.bounded`).

Before a run's relations are written, its new related links are ranked with the stored
related links of their claims: new ones no claim keeps are not written, and stored proposed
ones that fell out of every claim's strongest few are deleted. Reviewed links stay.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from sqlalchemy import delete, select, tuple_
from sqlalchemy.orm import Session

from claims.match.bounded import Edge, strongest
from claims.match.judge import Found
from claims.match.models import Kind
from claims.store.chunks import IN_LIST_SIZE, chunks
from claims.store.rows.touching import touching
from db.models import Relation

RELATED = str(Kind.RELATED)
PROPOSED = "proposed"

Pair = tuple[int, int]


def bound_related(session: Session, found: Sequence[Found]) -> tuple[list[Found], int]:
    """`found` without the related links no claim keeps; deletes stored ones no claim keeps.

    Returns the relations to write and how many stored related links were deleted.
    """
    new = {
        (item.low, item.high): Edge(item.low, item.high, item.judgement.score)
        for item in found
        if item.judgement.kind == Kind.RELATED
    }
    if not new:
        return list(found), 0
    ends = {claim for pair in new for claim in pair}
    stored = _related(session, ends)
    edges = {pair: Edge(pair[0], pair[1], score) for pair, (score, _) in stored.items()}
    edges.update(new)
    kept = strongest(edges.values(), ends)
    outside = {claim for pair in edges if pair not in kept for claim in pair} - ends
    if outside:
        theirs = _related(session, outside)
        kept |= strongest(
            (Edge(pair[0], pair[1], score) for pair, (score, _) in theirs.items()), outside
        )
    evicted = [
        pair
        for pair, (_, status) in stored.items()
        if status == PROPOSED and pair not in kept and pair not in new
    ]
    for chunk in chunks(evicted, IN_LIST_SIZE // 2):
        session.execute(
            delete(Relation).where(
                tuple_(Relation.claim_id, Relation.other_claim_id).in_(chunk),
                Relation.status == PROPOSED,
            )
        )
    written = [
        item
        for item in found
        if item.judgement.kind != Kind.RELATED or (item.low, item.high) in kept
    ]
    return written, len(evicted)


def _related(session: Session, claim_ids: Iterable[int]) -> dict[Pair, tuple[float, str]]:
    """Every stored related link of these claims (any status): pair -> (score, status)."""
    columns = (Relation.claim_id, Relation.other_claim_id, Relation.score, Relation.status)
    rows = touching(session, select(*columns, Relation.kind), claim_ids)
    return {
        (row.claim_id, row.other_claim_id): (float(row.score), row.status)
        for row in rows
        if row.kind == RELATED
    }
