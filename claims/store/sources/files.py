"""Registry files in and out of the database, and outside rating lists in.

`import_registry` applies a `RegistryFile`: sources are matched by name (then by alias),
created when missing, and updated field by field; grades, flags, aliases and ratings already
as the file says are left untouched, so importing the same file twice changes nothing.
`export_registry` writes the registry back as a `RegistryFile` (parents by name, the full
rating history). `import_ratings` applies an outside list mapped by `claims.sources.mapping`
without overriding a grade a person gave.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from claims.sources.mapping import MappedList
from claims.sources.models import (
    AliasEntry,
    FlagEntry,
    Grade,
    RatingEntry,
    RegistryFile,
    SourceEntry,
)
from claims.sources.normalize import alias_key
from claims.sources.resolve import RegistryIndex
from claims.store.audit import UNDO_SUFFIX, record
from claims.store.credibility import refresh_claims
from claims.store.rows import (
    SOURCE_ALIASES,
    SOURCE_FLAGS,
    SOURCE_RATINGS,
    SOURCES,
    known_from_row,
    load_index,
)
from claims.store.sources.citing import claims_citing
from claims.store.sources.edits import RegistryError, new_source
from claims.store.sources.grades import add_rating, set_grade
from db.base import utcnow
from db.models import AuditEntry, Source, SourceAlias, SourceFlag, SourceRating


@dataclass
class ImportReport:
    """What an import did, for the command's summary line."""

    created: list[str] = field(default_factory=list)
    updated: dict[str, list[str]] = field(default_factory=dict)
    unchanged: int = 0
    warnings: list[str] = field(default_factory=list)
    refreshed: int = 0
    kept: dict[str, list[str]] = field(default_factory=dict)
    """Sources a person changed in the database since the last import, left as they are, with
    what the file would have changed."""

    @property
    def changed(self) -> bool:
        return bool(self.created or self.updated)

    def summary(self) -> str:
        kept = (
            f"; {len(self.kept)} kept as changed in the database (--overwrite replaces them)"
            if self.kept
            else ""
        )
        if not self.changed:
            return f"registry unchanged: {self.unchanged} source(s) already as the file says{kept}"
        return (
            f"sources: {len(self.created)} created, {len(self.updated)} updated, "
            f"{self.unchanged} unchanged; {self.refreshed} claim(s) recomputed{kept}"
        )


# --- registry files ---------------------------------------------------------------------


def export_registry(session: Session) -> RegistryFile:
    """The whole registry as a file (sources by name; parents named; full rating history)."""
    sources = session.scalars(
        select(Source)
        .options(
            selectinload(Source.aliases), selectinload(Source.flags), selectinload(Source.ratings)
        )
        .order_by(Source.name)
    ).all()
    names: dict[int | None, str] = {source.id: source.name for source in sources}
    return RegistryFile(sources=[_entry(source, names) for source in sources])


def _entry(source: Source, names: dict[int | None, str]) -> SourceEntry:
    aliases = sorted(source.aliases, key=lambda a: a.id)
    ratings = sorted(source.ratings, key=lambda r: r.id)
    return SOURCES.model(
        SourceEntry,
        source,
        parent=names.get(source.parent_id),
        aliases=[SOURCE_ALIASES.model(AliasEntry, a) for a in aliases if a.alias != source.name],
        flags=[
            SOURCE_FLAGS.model(FlagEntry, f) for f in sorted(source.flags, key=lambda f: f.flag)
        ],
        ratings=[_rating_entry(rating) for rating in ratings if not _is_main_grade(source, rating)],
    )


def _rating_entry(rating: SourceRating) -> RatingEntry:
    """A history row as the file gives it (an imported export may hold evidence of any type)."""
    evidence = [str(item) for item in rating.evidence]
    return SOURCE_RATINGS.model(RatingEntry, rating, evidence=evidence)


def _is_main_grade(source: Source, rating: SourceRating) -> bool:
    """The history row of the current main grade: implied by it, so not written twice."""
    return (
        rating.edition is None
        and not rating.disputed
        and rating.grade == source.reliability
        and (rating.rationale or None) == (source.reliability_rationale or None)
        and list(rating.evidence) == list(source.reliability_evidence)
        and rating.set_by == source.reliability_set_by
        and rating.set_at == source.reliability_set_at
    )


PERSON_EDITS = frozenset(
    {"source.add", "source.edit", "source.grade", "source.alias", "source.merge"}
)
"""Audit actions of a person changing a source (their undo too), which a re-import keeps."""


def import_registry(
    session: Session, actor: str, registry: RegistryFile, *, overwrite: bool = False
) -> ImportReport:
    """Apply a registry file; idempotent (the same file twice changes nothing).

    A source a person changed in the database since it was last imported keeps those changes
    (the report says where the file differs) unless `overwrite` is given.
    """
    report = ImportReport()
    index = load_index(session)
    rows: dict[str, Source] = {}
    for entry in registry.sources:
        source = _match(session, index, entry)
        if source is None:
            source = _create(session, actor, entry)
            report.created.append(entry.name)
        rows[entry.name] = source
    file_names = {entry.name: rows[entry.name] for entry in registry.sources}
    touched: list[int] = []
    for entry in registry.sources:
        source = rows[entry.name]
        if not overwrite and entry.name not in report.created and _edited(session, source.id):
            differences = _differences(session, actor, source, entry, file_names)
            if differences:
                report.kept[entry.name] = differences
            else:
                report.unchanged += 1
            continue
        changes = _apply(session, actor, source, entry, file_names, report)
        if changes and entry.name not in report.created:
            report.updated[entry.name] = changes
        if changes:
            touched.append(source.id)
        elif entry.name not in report.created:
            report.unchanged += 1
    session.flush()
    if touched:
        report.refreshed = refresh_claims(session, claims_citing(session, touched))
    return report


def _edited(session: Session, source_id: int) -> bool:
    """Whether a person changed the source after it was last imported."""
    actions = session.scalars(
        select(AuditEntry.action)
        .where(AuditEntry.entity == "source", AuditEntry.entity_id == source_id)
        .order_by(AuditEntry.id.desc())
    )
    for action in actions:
        if action == "source.import":
            return False
        if action.removesuffix(UNDO_SUFFIX) in PERSON_EDITS:
            return True
    return False


def _differences(
    session: Session, actor: str, source: Source, entry: SourceEntry, file_names: dict[str, Source]
) -> list[str]:
    """What applying the entry would change, found by applying it in a savepoint undone after."""
    scratch = ImportReport()
    savepoint = session.begin_nested()
    try:
        return _apply(session, actor, source, entry, file_names, scratch)
    finally:
        savepoint.rollback()


def _match(session: Session, index: RegistryIndex, entry: SourceEntry) -> Source | None:
    by_name = session.scalars(select(Source).where(Source.name == entry.name)).first()
    if by_name is not None:
        return by_name
    for name in [entry.name, *(alias.alias for alias in entry.aliases)]:
        source_id = index.lookup_strict(name, core=False)
        if source_id is not None:
            return session.get(Source, source_id)
    return None


def _create(session: Session, actor: str, entry: SourceEntry) -> Source:
    source = new_source(entry, actor, utcnow())
    session.add(source)
    session.flush()
    record(session, actor, "source.import", "source", source.id, after={"created": entry.name})
    return source


def _apply(
    session: Session,
    actor: str,
    source: Source,
    entry: SourceEntry,
    file_names: dict[str, Source],
    report: ImportReport,
) -> list[str]:
    changes = _fields(source, entry)
    parent = _parent(session, entry, file_names)
    if parent is not None and parent.id != source.parent_id:
        source.parent_id = parent.id
        changes.append(f"parent: {parent.name}")
    at = entry.set_at or utcnow()
    if set_grade(
        session,
        actor,
        source,
        entry.grade.value,
        entry.rationale,
        entry.evidence,
        at,
        set_by=entry.set_by,
    ):
        changes.append(f"grade {entry.grade.value}")
    changes += _flags(source, entry, actor)
    changes += _aliases(session, source, entry, report)
    for rating in entry.ratings:
        rated_at = rating.set_at or at
        args = (rating.rationale, rating.evidence, rating.disputed, rating.set_by, rated_at)
        added = add_rating(
            session,
            source.id,
            rating.grade.value,
            rating.edition,
            *args,
            any_time=rating.set_at is None,
        )
        if added:
            changes.append(f"rating {rating.grade.value} ({rating.edition or 'history'})")
    if changes:
        session.flush()
        record(session, actor, "source.import", "source", source.id, after={"changes": changes})
    return changes


def _fields(source: Source, entry: SourceEntry) -> list[str]:
    changes = []
    wanted: dict[str, Any] = {
        "kind": entry.kind.value,
        "country": entry.country,
        "description": entry.description,
    }
    for name, value in wanted.items():
        if value is not None and getattr(source, name) != value:
            setattr(source, name, value)
            changes.append(f"{name}: {value}")
    if entry.needs_review and not source.needs_review:
        source.needs_review = True
        changes.append("queued for review")
    return changes


def _parent(session: Session, entry: SourceEntry, file_names: dict[str, Source]) -> Source | None:
    if not entry.parent:
        return None
    parent = (
        file_names.get(entry.parent)
        or session.scalars(select(Source).where(Source.name == entry.parent)).first()
    )
    if parent is None:
        raise RegistryError(f"{entry.name}: parent {entry.parent!r} is not in the file or registry")
    return parent


def _flags(source: Source, entry: SourceEntry, actor: str) -> list[str]:
    changes = []
    for item in entry.flags:
        row = next((f for f in source.flags if f.flag == item.flag), None)
        values = (item.rationale, list(item.evidence))
        if row is not None and (row.rationale, list(row.evidence)) == values:
            continue
        if row is None:
            row = SourceFlag(flag=item.flag)
            source.flags.append(row)
        row.rationale, row.evidence = values
        row.set_by, row.set_at = item.set_by or actor, item.set_at or utcnow()
        changes.append(f"flag {item.flag}")
    return changes


def _aliases(
    session: Session, source: Source, entry: SourceEntry, report: ImportReport
) -> list[str]:
    changes = []
    for alias in entry.aliases:
        key = alias_key(alias.alias)
        if not key:
            continue
        owner = session.scalar(select(SourceAlias.source_id).where(SourceAlias.key == key))
        if owner == source.id:
            continue
        if owner is not None:
            report.warnings.append(
                f"{entry.name}: alias {alias.alias!r} already names source #{owner}: skipped"
            )
            continue
        source.aliases.append(SourceAlias(alias=alias.alias, key=key, language=alias.language))
        session.flush()
        changes.append(f"alias {alias.alias}")
    return changes


# --- outside rating lists ---------------------------------------------------------------


_PARENTHESIS_RE = re.compile(r"\s*\([^)]*\)\s*$")


@dataclass
class RatingsReport:
    """What importing an outside list did (or, on a dry run, would do)."""

    created: int = 0
    matched: int = 0
    """Entries that matched a source the registry had before this import."""
    merged: int = 0
    """Entries that matched a source an earlier entry of the same list created."""
    graded: int = 0
    kept_grade: int = 0
    flags_added: int = 0
    owners_created: int = 0
    matched_names: list[str] = field(default_factory=list)
    samples: dict[str, list[str]] = field(default_factory=dict)

    def lines(self) -> list[str]:
        return [
            f"matched existing sources: {self.matched}"
            + (f" ({', '.join(self.matched_names[:12])})" if self.matched_names else ""),
            f"new sources: {self.created} (+ {self.owners_created} owners); "
            f"{self.merged} entries merged into one created earlier in the list",
            f"grades set: {self.graded}; grades a person gave kept: {self.kept_grade} "
            "(the outside rating is kept in their rating history)",
            f"flags added: {self.flags_added}",
        ]


def import_ratings(
    session: Session, actor: str, mapped: MappedList, *, overwrite: bool = False
) -> RatingsReport:
    """Apply a mapped outside list: match by domain or exact name, create what is missing."""
    report = RatingsReport()
    index = load_index(session)
    existed = set(index.sources)
    importer = f"import:{mapped.source}"
    owners: dict[str, Source] = {}
    touched: list[int] = []
    for entry in mapped.entries:
        source = _match_outside(session, index, entry)
        if source is None:
            source = _create_outside(session, actor, entry, importer)
            report.created += 1
            report.samples.setdefault("created", []).append(source.name)
        elif source.id in existed:
            report.matched += 1
            if source.name not in report.matched_names:
                report.matched_names.append(source.name)
            touched.append(source.id)
        else:
            report.merged += 1
            report.samples.setdefault("merged", []).append(f"{entry.name} -> {source.name}")
        _apply_outside(session, source, entry, importer, overwrite, report)
        if entry.parent and source.parent_id is None:
            owner = _owner(session, index, mapped, entry.parent, owners, actor, importer, report)
            if owner.id != source.id:
                source.parent_id = owner.id
        index.add(known_from_row(source))
    session.flush()
    if touched:
        refresh_claims(session, claims_citing(session, touched))
    record(
        session,
        actor,
        "source.import_ratings",
        "source",
        None,
        after={"list": mapped.source, "created": report.created, "matched": report.matched},
    )
    return report


def _match_outside(session: Session, index: RegistryIndex, entry: SourceEntry) -> Source | None:
    """A registry source by the entry's domains, its name, or its name without a trailing
    parenthesis ("National Media Group (NMG)")."""
    bare = _PARENTHESIS_RE.sub("", entry.name).strip()
    for name in [*(alias.alias for alias in entry.aliases), entry.name, bare]:
        source_id = index.lookup_strict(name, core=False)
        if source_id is not None:
            return session.get(Source, source_id)
    return None


def _create_outside(session: Session, actor: str, entry: SourceEntry, importer: str) -> Source:
    name = entry.name
    if session.scalar(select(Source.id).where(Source.name == name)) is not None:
        name = f"{entry.name} ({entry.country or importer})"
    source = new_source(entry, importer, utcnow(), name)
    session.add(source)
    session.flush()
    for alias in [entry.name, *(a.alias for a in entry.aliases)]:
        key = alias_key(alias)
        taken = session.scalar(select(SourceAlias.id).where(SourceAlias.key == key))
        if key and taken is None:
            source.aliases.append(SourceAlias(alias=alias, key=key))
            session.flush()
    return source


def _apply_outside(
    session: Session,
    source: Source,
    entry: SourceEntry,
    importer: str,
    overwrite: bool,
    report: RatingsReport,
) -> None:
    now = utcnow()
    if entry.grade != Grade.F:
        mine = source.reliability == Grade.F.value or source.reliability_set_by == importer
        if mine or overwrite:
            if set_grade(
                session, importer, source, entry.grade.value, entry.rationale, entry.evidence, now
            ):
                report.graded += 1
        else:
            report.kept_grade += 1
            disputed = entry.grade.value != source.reliability
            add_rating(
                session,
                source.id,
                entry.grade.value,
                None,
                entry.rationale,
                entry.evidence,
                disputed,
                importer,
                now,
                any_time=True,
            )
    for flag in entry.flags:
        if all(row.flag != flag.flag for row in source.flags):
            source.flags.append(
                SourceFlag(
                    flag=flag.flag,
                    rationale=flag.rationale,
                    evidence=list(flag.evidence),
                    set_by=importer,
                    set_at=now,
                )
            )
            report.flags_added += 1


def _owner(
    session: Session,
    index: RegistryIndex,
    mapped: MappedList,
    name: str,
    owners: dict[str, Source],
    actor: str,
    importer: str,
    report: RatingsReport,
) -> Source:
    key = alias_key(name)
    if key in owners:
        return owners[key]
    found = index.lookup_strict(name, core=False)
    if found is None:
        found = index.lookup_strict(_PARENTHESIS_RE.sub("", name).strip() or name, core=False)
    owner = session.get(Source, found) if found is not None else None
    if owner is None:
        entry = next((o for o in mapped.owners if alias_key(o.name) == key), None)
        owner = _create_outside(session, actor, entry or SourceEntry(name=name), importer)
        index.add(known_from_row(owner))
        report.owners_created += 1
    owners[key] = owner
    return owner
