"""Relations of given claims, found through the index of each end, never by their kind.

A relation is stored once, its lower claim first, so the relations of a claim are those
with it at either end. Asked for both ends at once with a kind or status besides, SQLite
chose the index on `kind` and read every relation of that kind, `related` above all: a
read that grew with the store (20 ms a document at 1,000 articles, for 0.3 ms of rows).
Each end is looked up in its own index here, and the caller keeps the kinds it wants.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sqlalchemy import Row, Select
from sqlalchemy.orm import Session

from claims.store.chunks import one_of
from db.models import Relation


def touching(
    session: Session, statement: Select[*tuple[Any, ...]], claim_ids: Iterable[int]
) -> list[Row[Any]]:
    """The rows of `statement` (a select of `relations` columns, `claim_id` and
    `other_claim_id` among them) for every relation with either claim in `claim_ids`, once."""
    wanted = set(claim_ids)
    if not wanted:
        return []
    rows: dict[tuple[int, int], Row[Any]] = {}
    for end in (Relation.claim_id, Relation.other_claim_id):
        for row in session.execute(statement.where(one_of(session, end, wanted))):
            rows[(row.claim_id, row.other_claim_id)] = row
    return list(rows.values())
