"""Optimistic locking of reviewed rows: a row read for update, and the conflict of a stale save."""

from __future__ import annotations

from datetime import datetime
from typing import Any, TypeVar

from sqlalchemy import select
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from claims.errors import NotFound
from claims.store.audit.actions import snapshot
from db.errors import ConcurrentEdit
from db.models import (
    AuditEntry,
)

T = TypeVar("T")


class EditConflict(ConcurrentEdit):
    """The row changed since the reviewer read it: nothing was saved; both versions attached."""

    def __init__(
        self,
        entity: str,
        entity_id: int,
        *,
        seen_version: int | None,
        current_version: int | None,
        yours: dict[str, Any],
        theirs: dict[str, Any],
        changed_by: str | None = None,
        changed_at: datetime | None = None,
    ) -> None:
        self.entity = entity
        self.entity_id = entity_id
        self.seen_version = seen_version
        self.current_version = current_version
        self.yours = yours
        self.theirs = theirs
        self.changed_by = changed_by
        self.changed_at = changed_at
        self.draft_id: int | None = None
        super().__init__(self.describe())

    def describe(self) -> str:
        who = f" by {self.changed_by}" if self.changed_by else ""
        when = f" at {self.changed_at:%Y-%m-%d %H:%M:%S} UTC" if self.changed_at else ""
        seen = f"; you saw version {self.seen_version}" if self.seen_version is not None else ""
        return (
            f"{self.entity} #{self.entity_id} was changed{who}{when} (now version "
            f"{self.current_version}{seen}): your change was not saved"
        )


def locked_row(session: Session, model: type[T], row_id: int) -> T:
    query = select(model).where(model.id == row_id)  # type: ignore[attr-defined]
    row = session.scalars(query.with_for_update().execution_options(populate_existing=True)).first()
    if row is None:
        raise NotFound(f"no {model.__name__.lower()} with id {row_id}")
    return row


def flush_versioned(session: Session, entity: str, row: Any) -> None:
    try:
        session.flush()
    except StaleDataError:
        raise EditConflict(
            entity, row.id, seen_version=None, current_version=None, yours={}, theirs={}
        ) from None


def conflict_with(
    session: Session, entity: str, row: Any, seen_version: int | None, yours: dict[str, Any]
) -> EditConflict:
    fields = _CONFLICT_FIELDS[entity]
    latest = session.scalars(
        select(AuditEntry)
        .where(AuditEntry.entity == entity, AuditEntry.entity_id == row.id)
        .order_by(AuditEntry.id.desc())
        .limit(1)
    ).first()
    return EditConflict(
        entity,
        row.id,
        seen_version=seen_version,
        current_version=row.row_version,
        yours=yours,
        theirs=snapshot(row, fields),
        changed_by=latest.actor if latest else None,
        changed_at=latest.at if latest else None,
    )


_CONFLICT_FIELDS: dict[str, tuple[str, ...]] = {
    "claim": (
        "verdict",
        "rationale",
        "credibility",
        "propaganda_override",
        "propaganda_override_reason",
        "reviewed_by",
        "reviewed_at",
    ),
    "relation": ("kind", "status", "reviewed_by", "reviewed_at"),
    "source": ("name", "reliability", "reliability_rationale", "reliability_set_by"),
}
