"""Confirming or rejecting a proposed relation between two claims."""

from __future__ import annotations

from typing import Literal

from sqlalchemy.orm import Session

from claims.store.audit import (
    ACTION_FIELDS,
    ActionResult,
    Clock,
    ReviewError,
    conflict_with,
    flush_versioned,
    locked_row,
    record,
    snapshot,
)
from claims.store.matching import refresh_relations
from db.base import utcnow
from db.models import (
    Relation,
)


def review_relation(
    session: Session,
    actor: str,
    relation_id: int,
    seen_version: int,
    decision: Literal["confirm", "reject"],
    *,
    now: Clock = utcnow,
) -> ActionResult:
    """Confirm or reject a proposed relation between two claims.

    A rejected corroboration no longer counts, so both claims' stories and proposed
    credibility are recomputed in the same transaction.
    """
    status = {"confirm": "confirmed", "reject": "rejected"}.get(decision)
    if status is None:
        raise ReviewError(f"decision must be confirm or reject, not {decision!r}")
    relation = locked_row(session, Relation, relation_id)
    if relation.row_version != seen_version:
        raise conflict_with(session, "relation", relation, seen_version, {"status": status})
    fields = ACTION_FIELDS["relation.review"]
    before = snapshot(relation, fields)
    relation.status, relation.reviewed_by, relation.reviewed_at = status, actor, now()
    flush_versioned(session, "relation", relation)
    refresh_relations(session, {relation.claim_id, relation.other_claim_id})
    entry = record(
        session,
        actor,
        "relation.review",
        "relation",
        relation.id,
        before=before,
        after=snapshot(relation, fields),
    )
    session.flush()
    summary = f"relation #{relation.id} ({relation.kind}) {status}"
    return ActionResult.of(entry, summary, relation.row_version)
