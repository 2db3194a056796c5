"""Carrying a reviewer's work over to a new version of a document.

When a document is ingested again with changed text, its claims are extracted afresh. Every
reviewed claim of the previous version is re-anchored in the new text with its W3C selector;
the review moves to the new claim only when the quote lands exactly on a claim of the new
version. Anything else is marked orphaned on the old claim and logged, never guessed.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from claims.extract.anchoring import AnchorStatus, Selector, reanchor
from claims.store.audit import record
from db.models import Claim, Document

CARRIED_FIELDS = (
    "verdict",
    "rationale",
    "credibility",
    "reviewed_by",
    "reviewed_at",
    "propaganda_override",
    "propaganda_override_reason",
)


def carry_reviews(
    session: Session,
    previous: Document,
    document: Document,
    new_claims: Sequence[Claim],
    actor: str,
) -> dict[str, int]:
    """Move reviews from `previous`'s claims onto `document`'s; returns counts by outcome."""
    at_span = {(claim.start, claim.end): claim for claim in new_claims}
    counts = {"carried": 0, "orphaned": 0}
    for old in _reviewed(session, previous.id):
        landed = reanchor(stored_selector(old), document.text)
        target = None
        if landed.start is not None and landed.end is not None:
            target = at_span.get((landed.start, landed.end))
        if landed.status == AnchorStatus.ORPHANED or target is None:
            old.anchor_status = str(AnchorStatus.ORPHANED)
            record(session, actor, "claim.orphaned", "claim", old.id, after=_where(old))
            counts["orphaned"] += 1
            continue
        for name in CARRIED_FIELDS:
            setattr(target, name, getattr(old, name))
        target.anchor_status = str(landed.status)
        record(
            session,
            actor,
            "claim.carry",
            "claim",
            target.id,
            before={"claim_id": old.id, "document_id": previous.id},
            after={"status": str(landed.status), "score": landed.score, "verdict": old.verdict},
        )
        counts["carried"] += 1
    return counts


def stored_selector(claim: Claim) -> Selector:
    """The claim's stored W3C selectors as one re-anchoring request."""
    quote: dict[str, Any] = claim.selector.get("quote", {})
    return Selector(
        exact=quote.get("exact") or claim.text,
        prefix=quote.get("prefix", ""),
        suffix=quote.get("suffix", ""),
        start=claim.start,
        end=claim.end,
    )


def _reviewed(session: Session, document_id: int) -> Sequence[Claim]:
    return session.scalars(
        select(Claim)
        .where(Claim.document_id == document_id)
        .where(
            or_(
                Claim.verdict.is_not(None),
                Claim.rationale.is_not(None),
                Claim.credibility.is_not(None),
                Claim.propaganda_override.is_not(None),
            )
        )
        .order_by(Claim.start)
    ).all()


def _where(claim: Claim) -> dict[str, Any]:
    return {"document_id": claim.document_id, "start": claim.start, "end": claim.end}
