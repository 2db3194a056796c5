"""The workbench's triage queue: conflicts, then propaganda-sourced claims, then other relations."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from claims.store.rows import RELATIONS
from claims.store.views.claim_detail import Frozen, describe
from claims.store.views.claim_list import SNIPPET_CHARS, effective_propaganda
from db.models import (
    Claim,
    Relation,
)

QUEUE_SECTIONS = ("conflict", "propaganda", "relation")
"""Queue order: unreviewed conflicts, then unreviewed propaganda-sourced claims, then the
other proposed relations (corroborations, duplicates)."""


class QueueItem(BaseModel):
    """One thing to triage: a proposed relation or a propaganda-sourced claim."""

    model_config = Frozen

    section: str
    claim_id: int
    claim_version: int
    snippet: str
    relation_id: int | None = None
    relation_version: int | None = None
    relation_kind: str | None = None
    other_claim_id: int | None = None
    other_snippet: str = ""
    reasons: list[str] = []
    score: float | None = None

    @property
    def id(self) -> int:
        """The item's own row: the relation, or the claim for a propaganda item."""
        return self.relation_id if self.relation_id is not None else self.claim_id


def _section_query(section: str) -> Any:
    if section == "propaganda":
        return select(Claim.id).where(
            effective_propaganda().is_(True),
            Claim.propaganda_override.is_(None),
            Claim.verdict.is_(None),
        )
    kind = Relation.kind == "conflicts"
    return select(Relation.id).where(
        Relation.status == "proposed", kind if section == "conflict" else ~kind
    )


def queue_counts(session: Session) -> dict[str, int]:
    """How many items wait in each section of the queue."""
    return {
        section: session.scalar(
            select(func.count()).select_from(_section_query(section).subquery())
        )
        or 0
        for section in QUEUE_SECTIONS
    }


def queue_page(session: Session, offset: int, limit: int) -> list[QueueItem]:
    """Queue items from position `offset`, across the sections in order."""
    counts = queue_counts(session)
    items: list[QueueItem] = []
    for section in QUEUE_SECTIONS:
        if offset >= counts[section]:
            offset -= counts[section]
            continue
        query = _section_query(section)
        column = Claim.id if section == "propaganda" else Relation.id
        ids = list(session.scalars(query.order_by(column).offset(offset).limit(limit - len(items))))
        items += _queue_items(session, section, ids)
        offset = 0
        if len(items) >= limit:
            break
    return items


def _queue_items(session: Session, section: str, ids: list[int]) -> list[QueueItem]:
    if section == "propaganda":
        claims = session.execute(
            select(Claim.id, Claim.row_version, func.substr(Claim.text, 1, SNIPPET_CHARS))
            .where(Claim.id.in_(ids))
            .order_by(Claim.id)
        ).all()
        return [
            QueueItem(section=section, claim_id=i, claim_version=v, snippet=t or "")
            for i, v, t in claims
        ]
    relations = session.scalars(
        select(Relation).where(Relation.id.in_(ids)).order_by(Relation.id)
    ).all()
    claim_ids = {r.claim_id for r in relations} | {r.other_claim_id for r in relations}
    claims_info = {
        i: (v, t or "")
        for i, v, t in session.execute(
            select(Claim.id, Claim.row_version, func.substr(Claim.text, 1, SNIPPET_CHARS)).where(
                Claim.id.in_(claim_ids)
            )
        )
    }
    return [
        RELATIONS.model(
            QueueItem,
            r,
            section=section,
            claim_version=claims_info.get(r.claim_id, (0, ""))[0],
            snippet=claims_info.get(r.claim_id, (0, ""))[1],
            relation_id=r.id,
            relation_version=r.row_version,
            relation_kind=r.kind,
            other_snippet=claims_info.get(r.other_claim_id, (0, ""))[1],
            reasons=[describe(x) for x in r.reasons],
        )
        for r in relations
    ]
