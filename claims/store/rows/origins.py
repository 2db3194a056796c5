"""Stored chains to origins: the rows `claims.match.origin.claim_origin` reads, in one place.

A claim's origin is derived when it is read, never stored: it follows the chain and the
registry as they are now (a source merged or renamed, an anonymous kind set by a reviewer).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from sqlalchemy import select
from sqlalchemy.orm import Session

from claims.match.models import ChainNode
from claims.match.origin import ClaimOrigin, claim_origin
from claims.store.chunks import chunks
from db.models import Attribution, Claim, Document, Source


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
    """claim -> its origin, read with one query per chunk of claims."""
    wanted = sorted(set(claim_ids))
    chains: dict[int, list[ChainNode]] = defaultdict(list)
    outlets: dict[int, str | None] = {}
    for chunk in chunks(wanted):
        rows = session.execute(
            select(
                Claim.id,
                Document.outlet,
                Attribution.role,
                Attribution.mention,
                Attribution.source_id,
                Source.name,
                Source.kind,
            )
            .join(Document, Document.id == Claim.document_id)
            .outerjoin(Attribution, Attribution.claim_id == Claim.id)
            .outerjoin(Source, Source.id == Attribution.source_id)
            .where(Claim.id.in_(chunk))
            .order_by(Claim.id, Attribution.position)
        )
        for claim_id, outlet, role, mention, source_id, name, kind in rows:
            outlets[claim_id] = outlet
            if role is not None:
                chains[claim_id].append(
                    ChainNode(
                        role=role,
                        mention=mention,
                        source_id=source_id,
                        source_name=name,
                        source_kind=kind,
                    )
                )
    return {claim_id: claim_origin(chains[claim_id], outlets[claim_id]) for claim_id in outlets}
