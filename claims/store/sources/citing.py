"""Which sources sit below which (offices, owners), which claims cite a source, and refreshing
those claims after the source changed."""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import select
from sqlalchemy.orm import Session

from claims.store.chunks import chunks
from claims.store.credibility import BATCH, refresh_claims
from db.models import (
    Attribution,
    Source,
)


def claims_citing(session: Session, source_ids: Iterable[int]) -> list[int]:
    """Claims whose chain links any of these sources or their descendants (children)."""
    family = descendants(session, source_ids)
    found: set[int] = set()
    for chunk in chunks(sorted(family), BATCH):
        found.update(
            session.scalars(
                select(Attribution.claim_id).where(Attribution.source_id.in_(chunk)).distinct()
            )
        )
    return sorted(found)


def descendants(session: Session, source_ids: Iterable[int]) -> set[int]:
    """The sources and every source below them through `parent_id`."""
    family = set(source_ids)
    frontier = set(family)
    while frontier:
        children = set(session.scalars(select(Source.id).where(Source.parent_id.in_(frontier))))
        frontier = children - family
        family |= children
    return family


def refresh_citing(session: Session, source_ids: list[int]) -> int:
    """Recompute the flags and proposed credibility of every claim whose chain cites these
    sources, in the same transaction, so a grade never disagrees with the claims it grades."""
    session.flush()
    changed = refresh_claims(session, claims_citing(session, source_ids))
    session.flush()
    return changed
