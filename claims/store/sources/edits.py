"""Registry edits of the command line: add, edit, grade, flag, alias and merge, all audited.

Every change writes an audit entry with the state before and after; every grade given
(main, per edition, or disputed) adds a `source_ratings` row, so the history of a rating is
never lost. Edits that change how claims read (grade, flags, parent, kind) recompute the
claims that cite the source or anything below it.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from pydantic import BaseModel, Field
from sqlalchemy import select
from sqlalchemy.orm import Session

from claims.errors import ClaimsError, NotFound
from claims.sources.models import (
    Grade,
    SourceEntry,
    clean_name,
    clean_text,
    parse_flag,
    parse_kind,
)
from claims.sources.normalize import alias_key
from claims.store.audit import record, snapshot
from claims.store.credibility import refresh_claims
from claims.store.sources.citing import claims_citing, descendants
from claims.store.sources.grades import grade_source, set_grade
from claims.store.sources.listing import find_source
from claims.store.sources.service import SOURCE_FIELDS
from claims.store.sources.service import merge_sources as merge_rows
from db.base import utcnow
from db.models import Source, SourceAlias, SourceFlag, SourceRating

_EDIT_FIELDS = tuple(name for name in SOURCE_FIELDS if name not in ("created_at", "created_by"))
"""The columns an edit can change, as the audit log records them."""


_RECOMPUTE_FIELDS = frozenset({"kind", "parent_id", "reliability"})


class RegistryError(ClaimsError):
    """A registry change that cannot be made as asked."""


class SourceEdit(BaseModel):
    """The changes of one `claims sources edit` (None: leave as it is)."""

    name: str | None = None
    kind: str | None = None
    country: str | None = None
    parent: str | None = None
    """A source name or id; "" removes the parent."""
    description: str | None = None
    grade: str | None = None
    why: str | None = None
    """Rationale of the grade and of flags added in this edit."""
    evidence: list[str] = Field(default_factory=list)
    edition: str | None = None
    """Give the grade for this edition or language only (the main grade stays)."""
    disputed: bool = False
    """Record the grade as a dispute of the main one (the main grade stays)."""
    add_flags: list[str] = Field(default_factory=list)
    remove_flags: list[str] = Field(default_factory=list)
    add_aliases: list[str] = Field(default_factory=list)
    remove_aliases: list[str] = Field(default_factory=list)
    reviewed: bool = False
    """Take the source off the review queue."""


class EditOutcome(BaseModel):
    source_id: int
    changes: list[str]
    refreshed: int = 0


def add_source(session: Session, actor: str, entry: SourceEntry) -> Source:
    """Add a source with its grade, flags and aliases; refused when a name is taken."""
    if session.scalar(select(Source.id).where(Source.name == entry.name)) is not None:
        raise RegistryError(f"a source named {entry.name!r} already exists")
    now = utcnow()
    source = new_source(entry, actor, now)
    if entry.parent:
        source.parent_id = find_source(session, entry.parent).id
    session.add(source)
    session.flush()
    for alias in entry.aliases:
        _add_alias(session, source, alias.alias, alias.language)
    set_grade(session, actor, source, entry.grade.value, entry.rationale, entry.evidence, now)
    for flag in entry.flags:
        _set_flag(session, actor, source, flag.flag, flag.rationale, flag.evidence, now)
    session.flush()
    record(session, actor, "source.add", "source", source.id, after=snapshot(source, _EDIT_FIELDS))
    return source


def new_source(
    entry: SourceEntry, created_by: str, at: datetime, name: str | None = None
) -> Source:
    """A source row for a registry entry, still without grade, flags and aliases: those are
    added after, each through its own rule (rating history, alias keys)."""
    return Source(
        name=name or entry.name,
        kind=entry.kind.value,
        country=entry.country,
        description=entry.description,
        needs_review=entry.needs_review,
        created_by=created_by,
        created_at=at,
    )


def edit_source(session: Session, actor: str, source_id: int, edit: SourceEdit) -> EditOutcome:
    """Apply one edit; audited, with claims that cite the source recomputed when needed."""
    source = session.get(Source, source_id)
    if source is None:
        raise NotFound(f"no source with id {source_id}")
    now = utcnow()
    graded, regraded = _edit_grade(session, actor, source, edit, now)
    before = {**snapshot(source, _EDIT_FIELDS), **_lists(source)}
    fields = _edit_fields(session, source, edit)
    rated = _edit_other_rating(session, actor, source, edit, now)
    others = _edit_flags(session, actor, source, edit, now) + _edit_aliases(session, source, edit)
    changes = fields + graded + rated + others
    others = rated + others
    if not fields and not others:
        return EditOutcome(source_id=source.id, changes=changes, refreshed=regraded)
    session.flush()
    after = {**snapshot(source, _EDIT_FIELDS), **_lists(source)}
    record(session, actor, "source.edit", "source", source.id, before=before, after=after)
    refreshed = regraded
    if _affects_claims(before, after):
        refreshed += refresh_claims(session, claims_citing(session, [source.id]))
    return EditOutcome(source_id=source.id, changes=changes, refreshed=refreshed)


def _lists(source: Source) -> dict[str, Any]:
    return {
        "flags": sorted(f.flag for f in source.flags),
        "aliases": sorted(a.alias for a in source.aliases),
    }


def _affects_claims(before: dict[str, Any], after: dict[str, Any]) -> bool:
    return any(before[f] != after[f] for f in [*_RECOMPUTE_FIELDS, "flags"])


def _edit_fields(session: Session, source: Source, edit: SourceEdit) -> list[str]:
    changes: list[str] = []
    if edit.name is not None and clean_name(edit.name) != source.name:
        name = clean_name(edit.name)
        if session.scalar(select(Source.id).where(Source.name == name)) is not None:
            raise RegistryError(f"a source named {name!r} already exists")
        changes.append(f"name: {source.name} -> {name}")
        old, source.name = source.name, name
        if session.scalar(select(SourceAlias.id).where(SourceAlias.key == alias_key(old))) is None:
            _add_alias(session, source, old, None)
    if edit.kind is not None and parse_kind(edit.kind).value != source.kind:
        kind = parse_kind(edit.kind).value
        changes.append(f"kind: {source.kind} -> {kind}")
        source.kind = kind
    if edit.country is not None and (edit.country.strip() or None) != source.country:
        changes.append(f"country: {source.country or '-'} -> {edit.country.strip() or '-'}")
        source.country = edit.country.strip() or None
    if edit.parent is not None:
        changes += _edit_parent(session, source, edit.parent)
    if edit.description is not None and clean_text(edit.description) != (source.description or ""):
        source.description = clean_text(edit.description) or None
        changes.append("description changed")
    if edit.reviewed and source.needs_review:
        source.needs_review = False
        changes.append("reviewed: taken off the review queue")
    return changes


def _edit_parent(session: Session, source: Source, ref: str) -> list[str]:
    if not ref.strip():
        if source.parent_id is None:
            return []
        source.parent_id = None
        return ["parent removed"]
    parent = find_source(session, ref)
    if parent.id in descendants(session, [source.id]):
        raise RegistryError(f"{parent.name} is {source.name} or below it: that would be a cycle")
    if parent.id == source.parent_id:
        return []
    source.parent_id = parent.id
    return [f"parent: {parent.name} (#{parent.id})"]


def _edit_grade(
    session: Session, actor: str, source: Source, edit: SourceEdit, now: datetime
) -> tuple[list[str], int]:
    """The main grade of an edit, given through the one grading service (its own audit
    entry); the changes and how many claims it recomputed."""
    if edit.grade is None:
        if edit.edition or edit.disputed:
            raise RegistryError("--edition and --disputed need a --grade")
        return [], 0
    if edit.edition or edit.disputed:
        return [], 0
    grade, why, evidence = _grade_of(edit)
    old = source.reliability
    graded = grade_source(session, actor, source.id, grade, why, evidence, now=lambda: now)
    if graded is None:
        return [], 0
    return [f"grade: {old} -> {grade}"], graded.refreshed


def _edit_other_rating(
    session: Session, actor: str, source: Source, edit: SourceEdit, now: datetime
) -> list[str]:
    """A grade for one edition or a dispute: a rating row; the main grade stays."""
    if edit.grade is None or not (edit.edition or edit.disputed):
        return []
    grade, why, evidence = _grade_of(edit)
    session.add(
        SourceRating(
            source_id=source.id,
            grade=grade,
            edition=clean_text(edit.edition) if edit.edition else None,
            rationale=why,
            evidence=evidence,
            disputed=edit.disputed,
            set_by=actor,
            set_at=now,
        )
    )
    what = f"edition {edit.edition}" if edit.edition else "dispute"
    return [f"{what}: grade {grade} recorded (main grade stays {source.reliability})"]


def _grade_of(edit: SourceEdit) -> tuple[str, str, list[str]]:
    assert edit.grade is not None
    grade = Grade(edit.grade.strip().upper()).value
    why = clean_text(edit.why or "")
    if not why:
        raise RegistryError("say why with --why: every grade carries its rationale")
    return grade, why, [clean_text(e) for e in edit.evidence if e.strip()]


def _edit_flags(
    session: Session, actor: str, source: Source, edit: SourceEdit, now: datetime
) -> list[str]:
    changes = []
    why = clean_text(edit.why or "") or None
    for name in edit.add_flags:
        flag = parse_flag(name)
        if _set_flag(session, actor, source, flag, why, edit.evidence, now):
            changes.append(f"flag {flag} set")
    for name in edit.remove_flags:
        flag = parse_flag(name)
        row = next((f for f in source.flags if f.flag == flag), None)
        if row is None:
            raise RegistryError(f"{source.name} has no flag {flag!r}")
        if not why:
            raise RegistryError("say why a flag is removed with --why")
        source.flags.remove(row)
        changes.append(f"flag {flag} removed ({why})")
    return changes


def _set_flag(
    session: Session,
    actor: str,
    source: Source,
    flag: str,
    rationale: str | None,
    evidence: list[str],
    at: datetime,
) -> bool:
    row = next((f for f in source.flags if f.flag == flag), None)
    values = (rationale or None, list(evidence))
    if row is not None and (row.rationale, list(row.evidence)) == values:
        return False
    if row is None:
        row = SourceFlag(flag=flag)
        source.flags.append(row)
    row.rationale, row.evidence, row.set_by, row.set_at = values[0], values[1], actor, at
    return True


def _edit_aliases(session: Session, source: Source, edit: SourceEdit) -> list[str]:
    changes = []
    for alias in edit.add_aliases:
        if _add_alias(session, source, clean_name(alias), None):
            changes.append(f"alias {alias!r} added")
    for alias in edit.remove_aliases:
        key = alias_key(alias)
        row = next((a for a in source.aliases if a.key == key), None)
        if row is None:
            raise RegistryError(f"{source.name} has no alias {alias!r}")
        source.aliases.remove(row)
        changes.append(f"alias {alias!r} removed")
    return changes


def _add_alias(session: Session, source: Source, alias: str, language: str | None) -> bool:
    """Add an alias; False when the source has it, RegistryError when another source does."""
    key = alias_key(alias)
    if not key:
        return False
    owner = session.scalar(select(SourceAlias.source_id).where(SourceAlias.key == key))
    if owner == source.id:
        return False
    if owner is not None:
        other = session.get(Source, owner)
        raise RegistryError(
            f"the alias {alias!r} belongs to {other.name if other else '?'} (#{owner}); "
            "merge the two sources if they are one"
        )
    source.aliases.append(SourceAlias(alias=alias, key=key, language=language))
    session.flush()
    return True


def merge(session: Session, actor: str, source_id: int, into_id: int) -> EditOutcome:
    """Fold one source into another (aliases, links, flags, ratings and children move; the
    merged source's history stays in the audit log), then recompute the claims."""
    source = session.get(Source, source_id)
    into = session.get(Source, into_id)
    if source is None or into is None:
        raise NotFound(f"no source with id {source_id if source is None else into_id}")
    name = source.name
    merged = merge_rows(session, actor, source_id, into_id, source.row_version)
    return EditOutcome(
        source_id=into_id, changes=[f"merged {name} (#{source_id})"], refreshed=merged.refreshed
    )
