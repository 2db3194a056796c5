"""The claims a filter lets through, with their chains and sources, read in blocks: the
listing behind `claims list` (the same filter as the workbench's claims view)."""

from __future__ import annotations

from collections.abc import Iterator

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from claims.store.views.claim_list import ClaimFilter, filter_conditions
from db.models import Attribution, Claim

BLOCK = 500


def listed_claims(session: Session, claim_filter: ClaimFilter) -> Iterator[Claim]:
    """Matching claims in document order; every filter value reaches SQL as a parameter."""
    query = (
        select(Claim)
        .options(selectinload(Claim.attributions).selectinload(Attribution.source))
        .where(*filter_conditions(session, claim_filter))
        .order_by(Claim.document_id, Claim.start, Claim.id)
        .execution_options(yield_per=BLOCK)
    )
    yield from session.scalars(query)
