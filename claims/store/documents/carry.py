"""Carrying a reviewer's work over to a new version of a document.

When a document is ingested again with changed text, its claims are extracted afresh. Every
reviewed claim of the previous version is re-anchored in the new text with its W3C selector;
the review moves to the new claim only when the quote lands exactly on a claim of the new
version. Anything else is marked orphaned on the old claim and logged, never guessed.
Confirmed and rejected relations move the same way.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from claims.extract.anchoring import AnchorResult, AnchorStatus, Selector, reanchor
from claims.store.audit import record
from db.models import Claim, Document, Relation

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
        landed, target = _landing(old, document, at_span)
        if target is None:
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


def carry_relation_reviews(
    session: Session,
    previous: Document,
    document: Document,
    new_claims: Sequence[Claim],
    actor: str,
) -> set[int]:
    """Give the new version's claims the relation decisions made on the previous version's.

    Run after matching, so that the pairs matching proposes again are found: a confirmed or
    rejected pair stays confirmed or rejected (a rejected link is never proposed again just
    because the article was re-ingested). Returns the claims whose relations changed.
    """
    old_ids = set(session.scalars(select(Claim.id).where(Claim.document_id == previous.id)))
    reviewed = session.scalars(
        select(Relation)
        .where(Relation.status != "proposed")
        .where(or_(Relation.claim_id.in_(old_ids), Relation.other_claim_id.in_(old_ids)))
        .order_by(Relation.id)
        .with_for_update()
    ).all()
    at_span = {(claim.start, claim.end): claim for claim in new_claims}
    moved: dict[int, int | None] = {}
    touched: set[int] = set()
    for relation in reviewed:
        ends = [_moved(session, end, old_ids, document, at_span, moved) for end in _ends(relation)]
        if None in ends or ends == list(_ends(relation)):
            continue
        low, high = sorted(end for end in ends if end is not None)
        _apply_decision(session, relation, low, high, actor)
        touched |= {low, high}
    return touched


def _ends(relation: Relation) -> tuple[int, int]:
    return relation.claim_id, relation.other_claim_id


def _moved(
    session: Session,
    claim_id: int,
    old_ids: set[int],
    document: Document,
    at_span: dict[tuple[int, int], Claim],
    moved: dict[int, int | None],
) -> int | None:
    """The claim of the new version an old claim re-anchors to (other claims stay)."""
    if claim_id not in old_ids:
        return claim_id
    if claim_id not in moved:
        _, target = _landing(session.get_one(Claim, claim_id), document, at_span)
        moved[claim_id] = target.id if target is not None else None
    return moved[claim_id]


def _apply_decision(session: Session, decided: Relation, low: int, high: int, actor: str) -> None:
    relation = session.scalar(
        select(Relation).where(Relation.claim_id == low, Relation.other_claim_id == high)
    )
    if relation is None:
        relation = Relation(
            claim_id=low,
            other_claim_id=high,
            kind=decided.kind,
            score=decided.score,
            reasons=list(decided.reasons),
            independent=decided.independent,
            dependency=list(decided.dependency),
        )
        session.add(relation)
    elif relation.status != "proposed":
        return
    relation.status = decided.status
    relation.reviewed_by, relation.reviewed_at = decided.reviewed_by, decided.reviewed_at
    session.flush()
    record(
        session,
        actor,
        "relation.carry",
        "relation",
        relation.id,
        before={"relation_id": decided.id},
        after={"status": decided.status, "claim_id": low, "other_claim_id": high},
    )


def _landing(
    old: Claim, document: Document, at_span: dict[tuple[int, int], Claim]
) -> tuple[AnchorResult, Claim | None]:
    """Where `old` re-anchors in the new text, and the new claim exactly there, if any."""
    landed = reanchor(stored_selector(old), document.text)
    if landed.status == AnchorStatus.ORPHANED or landed.start is None or landed.end is None:
        return landed, None
    return landed, at_span.get((landed.start, landed.end))


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


def _reviewed(session: Session, document_id: int) -> list[Claim]:
    """The reviewed claims of a document, read after locking all of its claims: a review
    saved meanwhile is either seen here or waits until the new version is stored."""
    claims = session.scalars(
        select(Claim)
        .where(Claim.document_id == document_id)
        .order_by(Claim.start)
        .with_for_update()
        .execution_options(populate_existing=True)
    ).all()
    return [claim for claim in claims if _is_reviewed(claim)]


def _is_reviewed(claim: Claim) -> bool:
    return any(
        value is not None
        for value in (
            claim.verdict,
            claim.rationale,
            claim.credibility,
            claim.propaganda_override,
        )
    )


def _where(claim: Claim) -> dict[str, Any]:
    return {"document_id": claim.document_id, "start": claim.start, "end": claim.end}
