"""The claims a filter lets through, with their chains and sources, read in blocks: the
listing behind `claims list` (the same filter as the workbench's claims view)."""

from __future__ import annotations

from collections.abc import Iterator

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from claims.store.views.claim_list import ClaimFilter, filtered
from db.models import Attribution, Claim

BLOCK = 500


def listed_claims(session: Session, claim_filter: ClaimFilter) -> Iterator[Claim]:
    """Matching claims in document order; every filter value reaches SQL as a parameter."""
    query, _ = filtered(
        session,
        select(Claim).options(selectinload(Claim.attributions).selectinload(Attribution.source)),
        claim_filter,
    )
    ordered = query.order_by(Claim.document_id, Claim.start, Claim.id)
    yield from session.scalars(ordered.execution_options(yield_per=BLOCK))
