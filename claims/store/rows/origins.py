"""Stored chains to origins: the rows `claims.match.origin.claim_origin` reads, in one place.

A claim's origin is derived when it is read, never stored: it follows the chain and the
registry as they are now (a source merged or renamed, an anonymous kind set by a reviewer).
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import select
from sqlalchemy.orm import Session

from claims.match.models import ChainNode
from claims.match.origin import ClaimOrigin, claim_origin
from claims.store.chunks import one_of
from claims.store.rows.chains import chain_nodes, chain_rows
from db.models import Claim, Document


def origin_of(claim: Claim) -> ClaimOrigin | None:
    """The origin of a loaded claim (its attributions, their sources and its document)."""
    chain = [
        ChainNode(
            role=link.role,
            mention=link.mention,
            source_id=link.source_id,
            source_name=link.source.name if link.source is not None else None,
            source_kind=link.source.kind if link.source is not None else None,
        )
        for link in sorted(claim.attributions, key=lambda link: link.position)
    ]
    return claim_origin(chain, claim.document.outlet)


def claim_origins(session: Session, claim_ids: Iterable[int]) -> dict[int, ClaimOrigin | None]:
    """claim -> its origin, from its chain (owners are not needed) and its document's outlet."""
    wanted = sorted(set(claim_ids))
    if not wanted:
        return {}
    chains = chain_rows(session, wanted, with_owners=False)
    outlets = session.connection().execute(
        select(Claim.id, Document.outlet)
        .join(Document, Document.id == Claim.document_id)
        .where(one_of(session, Claim.id, wanted))
    )
    return {
        claim_id: claim_origin(chain_nodes(chains.get(claim_id, ())), outlet)
        for claim_id, outlet in outlets
    }
