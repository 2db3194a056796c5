"""Undoing an audited action, if nothing changed the same fields since."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from claims.errors import NotFound
from claims.store.audit import (
    ACTION_FIELDS,
    UNDO_SUFFIX,
    ActionResult,
    ReviewError,
    conflict_with,
    flush_versioned,
    locked_row,
    record,
    restored_value,
    snapshot,
)
from claims.store.matching import refresh_relations
from claims.store.sources import merged_away, refresh_citing, undo_alias, undo_merge
from db.base import Base
from db.models import (
    AuditEntry,
    Claim,
    Relation,
    Review,
    Source,
    SourceRating,
)


def undo(session: Session, actor: str, entry_id: int) -> ActionResult:
    """Revert one audited action, if nothing changed the same fields since."""
    entry = session.get(AuditEntry, entry_id)
    if entry is None:
        raise NotFound(f"no audit entry with id {entry_id}")
    if entry.action not in ACTION_FIELDS:
        raise ReviewError(f"entry #{entry_id} ({entry.action}) cannot be undone")
    done = session.scalar(select(AuditEntry.id).where(AuditEntry.undoes_id == entry_id))
    if done is not None:
        raise ReviewError(f"entry #{entry_id} was already undone (by entry #{done})")
    assert entry.entity_id is not None
    restore = _UNDO.get(entry.action, _undo_fields)
    before, after = restore(session, entry)
    undone = record(
        session,
        actor,
        entry.action + UNDO_SUFFIX,
        entry.entity,
        entry.entity_id,
        before=before,
        after=after,
        undoes_id=entry.id,
    )
    if entry.entity == "source":
        refresh_citing(session, [entry.entity_id, *merged_away(entry)])
    if entry.entity == "relation":
        relation = session.get_one(Relation, entry.entity_id)
        refresh_relations(session, {relation.claim_id, relation.other_claim_id})
    session.flush()
    return ActionResult.of(undone, f"undone: {entry.action} on {entry.entity} #{entry.entity_id}")


def last_undoable(session: Session, actor: str) -> int | None:
    """The actor's latest action that can still be undone."""
    undone_ids = select(AuditEntry.undoes_id).where(AuditEntry.undoes_id.is_not(None))
    return session.scalar(
        select(AuditEntry.id)
        .where(
            AuditEntry.actor == actor,
            AuditEntry.action.in_(list(ACTION_FIELDS)),
            AuditEntry.id.not_in(undone_ids),
        )
        .order_by(AuditEntry.id.desc())
        .limit(1)
    )


_MODELS: dict[str, type[Base]] = {"claim": Claim, "relation": Relation, "source": Source}


def _undo_fields(session: Session, entry: AuditEntry) -> tuple[dict[str, Any], dict[str, Any]]:
    assert entry.entity_id is not None
    fields = ACTION_FIELDS[entry.action]
    row = locked_row(session, _MODELS[entry.entity], entry.entity_id)
    current = snapshot(row, fields)
    expected = {name: (entry.after or {}).get(name) for name in fields}
    if current != expected:
        raise conflict_with(
            session, entry.entity, row, None, {"undo": entry.id, **(entry.before or {})}
        )
    for name in fields:
        setattr(row, name, restored_value((entry.before or {}).get(name), name))
    review_id = (entry.after or {}).get("review_id")
    if review_id is not None:
        review = session.get(Review, review_id)
        if review is not None:
            review.undone = True
    rating_id = (entry.after or {}).get("rating_id")
    if rating_id is not None:
        session.execute(delete(SourceRating).where(SourceRating.id == rating_id))
    flush_versioned(session, entry.entity, row)
    return current, snapshot(row, fields)


def _undo_evidence(session: Session, entry: AuditEntry) -> tuple[dict[str, Any], dict[str, Any]]:
    review = session.get(Review, (entry.after or {}).get("review_id"))
    if review is not None:
        review.undone = True
    return {"review_id": review.id if review else None}, {"undone": True}


_UNDO: dict[str, Callable[[Session, AuditEntry], tuple[dict[str, Any], dict[str, Any]]]] = {
    "claim.evidence": _undo_evidence,
    "source.alias": undo_alias,
    "source.merge": undo_merge,
}
