"""A source named by its short form takes its full name once a text gives it.

A body met first as "BoE" is registered as "BoE"; when a later mention ("the Bank of England")
resolves to it through its initials, the registry names it "Bank of England" and keeps "BoE" as
an alias. Only a name resolution gave is changed: a source a person added, imported, edited,
graded, merged or gave an alias keeps its name, whatever the texts say.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from claims.sources.models import SourceKind, clean_name
from claims.sources.normalize import alias_key
from claims.store.audit import record
from db.models import AuditEntry, Source, SourceAlias

RENAME_ACTION = "source.name"
"""The audit action of a name resolution gave a source."""
RESOLUTION_ACTIONS = frozenset({"source.create", RENAME_ACTION})
"""Audit actions of resolution itself; any other on a source means a person touched it."""


def renamable(session: Session, source_id: int, name: str) -> bool:
    """Whether resolution may give the source `name`: the source is as resolution made it
    (unknown kind, on the review queue, no person's action in its history) and no other
    source has the name."""
    source = session.get(Source, source_id)
    if source is None or not source.needs_review or source.kind != SourceKind.UNKNOWN.value:
        return False
    if source.name == name:
        return False
    taken = session.scalar(select(Source.id).where(Source.name == name))
    if taken is not None:
        return False
    actions = session.scalars(
        select(AuditEntry.action).where(
            AuditEntry.entity == "source", AuditEntry.entity_id == source_id
        )
    )
    return all(action in RESOLUTION_ACTIONS for action in actions)


def rename(session: Session, actor: str, source_id: int, name: str, why: str) -> bool:
    """Give the source its full name, the old one kept as an alias; audited. False (nothing
    changed) when `renamable` says no."""
    name = clean_name(name)
    if not renamable(session, source_id, name):
        return False
    source = session.get(Source, source_id)
    assert source is not None
    old, source.name = source.name, name
    for alias in (old, name):
        key = alias_key(alias)
        if key and session.scalar(select(SourceAlias.id).where(SourceAlias.key == key)) is None:
            session.add(SourceAlias(source_id=source_id, alias=alias, key=key))
    session.flush()
    record(
        session,
        actor,
        RENAME_ACTION,
        "source",
        source_id,
        before={"name": old},
        after={"name": name, "reason": why},
    )
    return True


def add_alias(session: Session, source_id: int, alias: str) -> bool:
    """Give a source a short form a text used for it ("BoE"), when no source has its key."""
    key = alias_key(alias)
    if not key or session.scalar(select(SourceAlias.id).where(SourceAlias.key == key)):
        return False
    session.add(SourceAlias(source_id=source_id, alias=clean_name(alias), key=key))
    session.flush()
    return True
