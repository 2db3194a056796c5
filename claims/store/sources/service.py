"""The one source service of the command line and the workbench: grade, alias and merge, each
audited and checked against the version seen, and how undo reverses an alias or a merge."""

from __future__ import annotations

from typing import Any

from sqlalchemy import delete, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from claims.errors import NotFound
from claims.sources.normalize import alias_key
from claims.store.audit import (
    ActionResult,
    Clock,
    ReviewError,
    conflict_with,
    flush_versioned,
    locked_row,
    record,
    restored_value,
    reviewer_text,
    snapshot,
)
from claims.store.sources.citing import refresh_citing
from claims.store.sources.grades import grade_source
from db.base import utcnow
from db.models import (
    Attribution,
    AuditEntry,
    Source,
    SourceAlias,
    SourceFlag,
    SourceRating,
)

SOURCE_FIELDS = (
    "name",
    "kind",
    "country",
    "parent_id",
    "description",
    "reliability",
    "reliability_rationale",
    "reliability_evidence",
    "reliability_set_by",
    "reliability_set_at",
    "needs_review",
    "created_at",
    "created_by",
)


def set_source_grade(
    session: Session,
    actor: str,
    source_id: int,
    seen_version: int,
    grade: str,
    rationale: str,
    *,
    now: Clock = utcnow,
) -> ActionResult:
    """Grade a source A to F with a rationale, as the version the reviewer saw."""
    result = grade_source(
        session, actor, source_id, grade, rationale, seen_version=seen_version, now=now
    )
    if result is None:
        raise ReviewError(
            f"source #{source_id} already has grade {grade.strip().upper()} for this reason"
        )
    return result


def add_source_alias(session: Session, actor: str, source_id: int, alias: str) -> ActionResult:
    """Give a source another name; refused when that name already belongs to a source."""
    name = reviewer_text(alias)
    key = alias_key(name)
    if not key:
        raise ReviewError("an alias needs letters or digits")
    source = session.get(Source, source_id)
    if source is None:
        raise NotFound(f"no source with id {source_id}")
    owner = session.scalar(select(SourceAlias.source_id).where(SourceAlias.key == key))
    if owner is not None:
        raise ReviewError(f"the alias {name!r} already belongs to source #{owner}")
    row = SourceAlias(source_id=source_id, alias=name, key=key)
    session.add(row)
    session.flush()
    entry = record(
        session,
        actor,
        "source.alias",
        "source",
        source_id,
        before={},
        after={"alias_id": row.id, "alias": name, "key": key},
    )
    session.flush()
    return ActionResult.of(entry, f"source #{source_id}: alias added", source.row_version)


def merge_sources(
    session: Session, actor: str, source_id: int, into_id: int, seen_version: int
) -> ActionResult:
    """Fold source `source_id` into `into_id`: its chain links, aliases, flags, ratings and
    children move over, its name becomes an alias, and the source row is deleted."""
    if source_id == into_id:
        raise ReviewError("a source cannot be merged into itself")
    source = locked_row(session, Source, source_id)
    into = locked_row(session, Source, into_id)
    if source.row_version != seen_version:
        raise conflict_with(session, "source", source, seen_version, {"merge_into": into_id})
    before = {"source": {"id": source.id, **snapshot(source, SOURCE_FIELDS)}}
    moved = _move_source_rows(session, source.id, into.id)
    name_key = alias_key(source.name)
    taken = session.scalar(select(SourceAlias.id).where(SourceAlias.key == name_key))
    if name_key and taken is None:
        alias = SourceAlias(source_id=into.id, alias=source.name, key=name_key)
        session.add(alias)
        session.flush()
        moved["name_alias_id"] = alias.id
    session.delete(source)
    flush_versioned(session, "source", source)
    entry = record(
        session,
        actor,
        "source.merge",
        "source",
        into.id,
        before=before,
        after={"into": into.id, **moved},
    )
    refreshed = refresh_citing(session, [into.id])
    summary = f"source #{source_id} merged into #{into.id}"
    return ActionResult.of(entry, summary, into.row_version, refreshed)


def merged_away(entry: AuditEntry) -> list[int]:
    """The source a merge deleted (restored by undoing it), if `entry` is a merge."""
    source = (entry.before or {}).get("source") if entry.action == "source.merge" else None
    return [int(source["id"])] if isinstance(source, dict) and "id" in source else []


def _move_source_rows(session: Session, old: int, new: int) -> dict[str, Any]:
    """Re-point everything that belongs to source `old` at `new` (none of it is versioned,
    except child sources, which move one by one through the ORM)."""
    moved: dict[str, Any] = {}
    for name, model in (
        ("attributions", Attribution),
        ("aliases", SourceAlias),
        ("ratings", SourceRating),
    ):
        column = model.source_id
        ids = list(session.scalars(select(model.id).where(column == old)))
        if ids:
            session.execute(update(model).where(model.id.in_(ids)).values(source_id=new))
        moved[name] = ids
    target_flags = set(session.scalars(select(SourceFlag.flag).where(SourceFlag.source_id == new)))
    moved["flags"], moved["dropped_flags"] = [], []
    for flag in session.scalars(select(SourceFlag).where(SourceFlag.source_id == old)).all():
        if flag.flag in target_flags:
            moved["dropped_flags"].append(
                snapshot(flag, ("flag", "rationale", "evidence", "set_by", "set_at"))
            )
            session.delete(flag)
        else:
            flag.source_id = new
            moved["flags"].append(flag.id)
    moved["children"] = []
    for child in session.scalars(select(Source).where(Source.parent_id == old)).all():
        child.parent_id = new
        moved["children"].append(child.id)
    session.flush()
    session.expire_all()
    return moved


def undo_alias(session: Session, entry: AuditEntry) -> tuple[dict[str, Any], dict[str, Any]]:
    alias_id = (entry.after or {}).get("alias_id")
    session.execute(delete(SourceAlias).where(SourceAlias.id == alias_id))
    return dict(entry.after or {}), {}


def undo_merge(session: Session, entry: AuditEntry) -> tuple[dict[str, Any], dict[str, Any]]:
    after, old = entry.after or {}, (entry.before or {})["source"]
    into = after["into"]
    if session.get(Source, into) is None:
        raise ReviewError(f"source #{into} no longer exists; the merge cannot be undone")
    values = {name: restored_value(old.get(name), name) for name in SOURCE_FIELDS}
    session.add(Source(id=old["id"], **values))
    try:
        session.flush()
    except IntegrityError as exc:
        raise ReviewError(f"cannot restore source #{old['id']}: {exc.orig}") from None
    if after.get("name_alias_id"):
        session.execute(delete(SourceAlias).where(SourceAlias.id == after["name_alias_id"]))
    for name, model in (
        ("attributions", Attribution),
        ("aliases", SourceAlias),
        ("ratings", SourceRating),
        ("flags", SourceFlag),
    ):
        ids = after.get(name) or []
        if ids:
            session.execute(
                update(model)
                .where(model.id.in_(ids), model.source_id == into)
                .values(source_id=old["id"])
            )
    for flag in after.get("dropped_flags") or []:
        values = {name: restored_value(value, name) for name, value in flag.items()}
        session.add(SourceFlag(source_id=old["id"], **values))
    for child in session.scalars(select(Source).where(Source.id.in_(after.get("children") or []))):
        if child.parent_id == into:
            child.parent_id = old["id"]
    session.flush()
    return {"into": into}, {"restored": old["id"]}
