"""Drafts: a reviewer's refused input, kept so nothing typed is lost."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from claims.store.audit import REFUSED_SUFFIX, record
from db.models import (
    ReviewDraft,
)


def save_draft(
    session: Session, reviewer: str, claim_id: int | None, payload: dict[str, Any]
) -> int:
    """Keep a reviewer's refused input so nothing typed is lost, and log the refusal.

    The audit log then shows both actions of a conflict: the save that won and, as
    `<action>.refused`, the one that did not (with the values the reviewer typed).
    """
    draft = ReviewDraft(claim_id=claim_id, reviewer=reviewer, payload=payload)
    session.add(draft)
    session.flush()
    record(
        session,
        reviewer,
        f"{payload.get('action', 'edit')}{REFUSED_SUFFIX}",
        str(payload.get("entity") or "claim"),
        payload.get("entity_id", claim_id),
        after={**payload, "draft_id": draft.id},
    )
    return draft.id


def discard_drafts(session: Session, reviewer: str, claim_id: int, action: str) -> None:
    drafts = session.scalars(
        select(ReviewDraft).where(
            ReviewDraft.claim_id == claim_id, ReviewDraft.reviewer == reviewer
        )
    )
    for draft in drafts:
        if draft.payload.get("action") == action:
            session.delete(draft)
