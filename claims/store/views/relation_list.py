"""The relations stored between claims, for listing: all of them, or those of one document.

Read in blocks (`yield_per`), so listing a million relations keeps memory flat.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from pydantic import BaseModel, ConfigDict
from sqlalchemy import ColumnElement, func, or_, select, true
from sqlalchemy.orm import Session

from claims.errors import NotFound
from claims.store.rows.tables import RELATIONS
from db.models import Claim, Document, Relation

BLOCK = 1000


class StoredRelation(BaseModel):
    """One stored relation with its state and reasons."""

    model_config = ConfigDict(frozen=True)

    id: int
    claim_id: int
    other_claim_id: int
    kind: str
    score: float
    status: str
    independent: bool | None = None
    reasons: list[Any] = []
    dependency: list[Any] = []


def _of_document(session: Session, document_id: int | None) -> ColumnElement[bool]:
    if document_id is None:
        return true()
    if session.get(Document, document_id) is None:
        raise NotFound(f"no document {document_id}")
    claims = select(Claim.id).where(Claim.document_id == document_id)
    return or_(Relation.claim_id.in_(claims), Relation.other_claim_id.in_(claims))


def stored_relation_counts(session: Session, document_id: int | None = None) -> dict[str, int]:
    """How many relations are stored, by kind (of one document's claims when given)."""
    query = (
        select(Relation.kind, func.count())
        .where(_of_document(session, document_id))
        .group_by(Relation.kind)
        .order_by(Relation.kind)
    )
    return {kind: count for kind, count in session.execute(query)}


def stored_relations(session: Session, document_id: int | None = None) -> Iterator[StoredRelation]:
    """Every stored relation (of one document's claims when given), by kind, best score first."""
    query = (
        select(Relation)
        .where(_of_document(session, document_id))
        .order_by(Relation.kind, Relation.score.desc(), Relation.id)
        .execution_options(yield_per=BLOCK)
    )
    for relation in session.scalars(query):
        yield RELATIONS.model(StoredRelation, relation)
