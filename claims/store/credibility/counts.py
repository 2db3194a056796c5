"""The corroboration counts of stored claims: relation rows read for `claims.match.corroboration`.

Every path that proposes credibility reads its counts here (through
`claims.store.credibility.proposals.recompute`), so a claim gets the same proposal whichever path
computed it last. `credibility_affected` says whose counts a changed relation can move.
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import select
from sqlalchemy.orm import Session

from claims.match.corroboration import (
    COUNTED,
    SUPPORTING,
    Counts,
    Link,
    Support,
    Ties,
    independent_partners,
    support,
)
from claims.match.corroboration import corroboration_counts as count_links
from claims.store.chunks import chunks
from claims.store.rows.origins import claim_origins
from claims.store.rows.touching import touching
from db.models import Claim, Relation

REJECTED = "rejected"


def corroboration_counts(session: Session, claim_ids: Iterable[int]) -> dict[int, Counts]:
    """claim -> (independent, dependent, conflicts) from the stored live relations."""
    wanted = sorted(set(claim_ids))
    links = counted_links(session, wanted)
    return count_links(wanted, links, _ties(session, independent_partners(links, wanted)))


def claim_support(session: Session, claim_id: int) -> Support:
    """Echoes (how many propaganda-flagged) and independent origins of one claim's support."""
    links = counted_links(session, [claim_id])
    ties = _ties(session, independent_partners(links, [claim_id]))
    others = {end for link in links if link.supports() for end in link.ends()} - {claim_id}
    return support(claim_id, links, ties, _flagged(session, others))


def _ties(session: Session, partners: set[int]) -> Ties:
    """What ties independent corroborators together: documents, origins, dependent links."""
    origins = claim_origins(session, partners)
    return Ties(
        documents=_documents(session, partners),
        links=[link for link in counted_links(session, partners) if not link.independent],
        origins={claim: origin.key for claim, origin in origins.items() if origin is not None},
    )


def counted_links(session: Session, claim_ids: Iterable[int]) -> list[Link]:
    """The live relations of these claims that can move a credibility (not `related`)."""
    statement = select(
        Relation.claim_id,
        Relation.other_claim_id,
        Relation.kind,
        Relation.independent,
        Relation.status,
    )
    rows = touching(session, statement, claim_ids)
    live = {
        Link(row.claim_id, row.other_claim_id, row.kind, row.independent)
        for row in rows
        if row.status != REJECTED and row.kind in COUNTED
    }
    return sorted(live, key=Link.ends)


def credibility_affected(session: Session, claim_ids: Iterable[int]) -> set[int]:
    """The claims whose counts a change to relations of `claim_ids` can move.

    Besides the claims themselves: every claim they both corroborate independently, since
    a dependent corroboration between two of its corroborators makes them count once.
    """
    chosen = set(claim_ids)
    links = [link for link in counted_links(session, chosen) if link.kind in SUPPORTING]
    return chosen | independent_partners(links, chosen)


def _documents(session: Session, claim_ids: Iterable[int]) -> dict[int, int]:
    found: dict[int, int] = {}
    for chunk in chunks(sorted(set(claim_ids))):
        found.update(
            session.execute(select(Claim.id, Claim.document_id).where(Claim.id.in_(chunk))).all()
        )
    return found


def _flagged(session: Session, claim_ids: Iterable[int]) -> set[int]:
    """Which of these claims are propaganda-sourced, a reviewer's override deciding."""
    found: set[int] = set()
    for chunk in chunks(sorted(set(claim_ids))):
        for claim_id, sourced, override in session.execute(
            select(Claim.id, Claim.propaganda_sourced, Claim.propaganda_override).where(
                Claim.id.in_(chunk)
            )
        ):
            if (override if override is not None else sourced) is True:
                found.add(claim_id)
    return found
