"""Turning export filters (--claim, --document, --source, ...) into an Export, in one snapshot.

A filtered export is self-contained: besides the claims the filter chose (the focus) it holds
the claims they are related to, their documents (with earlier versions), the sources of their
attribution chains (with parent organisations), clusters and reviews, so that every id in it
resolves and `claims import` can load it.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, TypeVar

from sqlalchemy import ColumnElement, Select, and_, or_, select
from sqlalchemy.orm import InstrumentedAttribute, Session, selectinload

from claims import __version__
from claims.errors import NotFound
from claims.reports.schema import Export, ExportDocument, ExportSelection
from claims.store.chunks import chunks
from claims.store.exports.settings import exported_settings
from claims.store.rows.exports import (
    export_claim,
    export_cluster,
    export_document,
    export_relation,
    export_review,
    export_snapshot,
    export_source,
)
from db.engine import Database
from db.models import (
    Attribution,
    Claim,
    ClaimKey,
    Cluster,
    Document,
    DocumentSnapshot,
    Relation,
    Review,
    Source,
    SourceAlias,
)

CHUNK = 500
"""Ids per `IN (...)` list: well below SQLite's bound-parameter limit."""

Row = TypeVar("Row")


@dataclass
class Scope:
    """The ids a filtered export holds; None everywhere means the whole database."""

    focus: list[int]
    claims: set[int]
    documents: set[int]
    sources: set[int]
    relations: list[Relation] = field(default_factory=list)


def read_export(
    database: Database, selection: ExportSelection | None = None, *, with_raw: bool = False
) -> Export:
    """Open one read transaction and build the (filtered) export in it."""
    with database.read() as session:
        return select_export(session, selection, with_raw=with_raw)


def export_file(
    database: Database,
    selection: ExportSelection | None,
    format_name: str,
    path: Path,
    *,
    force: bool = False,
) -> Path:
    """Read the selection, render it and write it atomically to `path` (for the workbench)."""
    from claims.reports.files import write_new_file
    from claims.reports.formats import render

    write_new_file(path, render(read_export(database, selection), format_name), force=force)
    return path


def build_export(session: Session, *, with_raw: bool = False) -> Export:
    """The whole database as one export document (call inside `Database.read()`)."""
    return select_export(session, with_raw=with_raw)


def select_export(
    session: Session, selection: ExportSelection | None = None, *, with_raw: bool = False
) -> Export:
    """The export for `selection` (everything when None or empty); call inside a read."""
    if selection is None or selection.is_everything:
        return _assemble(session, None, None, with_raw=with_raw)
    scope = _scope(session, selection)
    chosen = selection.model_copy(update={"focus_claim_ids": scope.focus})
    return _assemble(session, scope, chosen, with_raw=with_raw)


def _assemble(
    session: Session, scope: Scope | None, selection: ExportSelection | None, *, with_raw: bool
) -> Export:
    claims = _load_claims(session, None if scope is None else scope.claims)
    documents = _load_documents(session, None if scope is None else scope.documents)
    sources = _load_sources(session, None if scope is None else scope.sources)
    relations = (
        scope.relations
        if scope is not None
        else list(session.scalars(select(Relation).order_by(Relation.id)))
    )
    claim_ids = None if scope is None else scope.claims
    cluster_ids = None if scope is None else {c.cluster_id for c in claims if c.cluster_id}
    keys = _claim_keys(session, claim_ids)
    raw = _snapshots(session, None if scope is None else scope.documents) if with_raw else None
    return Export(
        generator=f"claims {__version__}",
        generated_at=datetime.now(UTC),
        documents=[_with_snapshots(export_document(d), raw) for d in documents],
        sources=[export_source(s) for s in sources],
        claims=[export_claim(c, keys.get(c.id, ())) for c in claims],
        relations=[export_relation(r) for r in relations],
        reviews=[
            export_review(r)
            for r in _in(session, select(Review).order_by(Review.id), Review.claim_id, claim_ids)
        ],
        clusters=[
            export_cluster(c)
            for c in _in(session, select(Cluster).order_by(Cluster.id), Cluster.id, cluster_ids)
        ],
        settings=exported_settings(session),
        selection=selection,
    )


def _scope(session: Session, selection: ExportSelection) -> Scope:
    named_sources = _sources_named(session, selection.source_names)
    focus = _focus_claim_ids(session, selection, named_sources)
    relations = _relations_touching(session, focus)
    claim_ids = set(focus)
    for relation in relations:
        claim_ids.update((relation.claim_id, relation.other_claim_id))
    document_ids = set(selection.document_ids) | _column_values(
        session, Claim.document_id, Claim.id, claim_ids
    )
    source_ids = set(named_sources) | _column_values(
        session, Attribution.source_id, Attribution.claim_id, claim_ids
    )
    return Scope(
        focus=focus,
        claims=claim_ids,
        documents=_closure(session, Document.previous_id, Document.id, document_ids),
        sources=_closure(session, Source.parent_id, Source.id, source_ids),
        relations=relations,
    )


def _focus_claim_ids(
    session: Session, selection: ExportSelection, named_sources: Collection[int]
) -> list[int]:
    query = select(Claim.id).order_by(Claim.id)
    if selection.claim_ids:
        _require(session, Claim.id, selection.claim_ids, "claim")
        query = query.where(Claim.id.in_(selection.claim_ids))
    if selection.document_ids:
        _require(session, Document.id, selection.document_ids, "document")
        query = query.where(Claim.document_id.in_(selection.document_ids))
    if selection.source_names:
        quoted = select(Attribution.claim_id).where(Attribution.source_id.in_(named_sources))
        query = query.where(Claim.id.in_(quoted))
    if selection.reviewed_only:
        query = query.where(Claim.verdict.is_not(None))
    if selection.propaganda_only:
        query = query.where(propaganda_condition())
    return list(session.scalars(query))


def propaganda_condition() -> ColumnElement[bool]:
    """A claim counts as propaganda-sourced unless a reviewer overrode the flag."""
    return or_(
        Claim.propaganda_override.is_(True),
        and_(Claim.propaganda_override.is_(None), Claim.propaganda_sourced.is_(True)),
    )


def _sources_named(session: Session, names: Sequence[str]) -> set[int]:
    """Sources whose name or alias matches (case-folded), with the people and units under them."""
    if not names:
        return set()
    by_name: dict[str, set[int]] = defaultdict(set)
    for source_id, name in session.execute(select(Source.id, Source.name)):
        by_name[name.casefold()].add(source_id)
    for source_id, alias in session.execute(select(SourceAlias.source_id, SourceAlias.alias)):
        by_name[alias.casefold()].add(source_id)
    found: set[int] = set()
    for name in names:
        matches = by_name.get(" ".join(name.split()).casefold())
        if not matches:
            raise NotFound(f"--source {name!r}: no source with that name or alias")
        found |= matches
    return _descendants(session, found)


def _descendants(session: Session, roots: set[int]) -> set[int]:
    children: dict[int, list[int]] = defaultdict(list)
    for source_id, parent_id in session.execute(
        select(Source.id, Source.parent_id).where(Source.parent_id.is_not(None))
    ):
        if parent_id is not None:
            children[parent_id].append(source_id)
    found, todo = set(roots), list(roots)
    while todo:
        for child in children.get(todo.pop(), []):
            if child not in found:
                found.add(child)
                todo.append(child)
    return found


def _require(
    session: Session, column: InstrumentedAttribute[int], wanted: Sequence[int], what: str
) -> None:
    present = _column_values(session, column, column, set(wanted))
    missing = sorted(set(wanted) - present)
    if missing:
        raise NotFound(f"no {what} with id {', '.join(map(str, missing))}")


def _relations_touching(session: Session, claim_ids: Sequence[int]) -> list[Relation]:
    found: dict[int, Relation] = {}
    for column in (Relation.claim_id, Relation.other_claim_id):
        for relation in _in(session, select(Relation), column, set(claim_ids)):
            found[relation.id] = relation
    return [found[key] for key in sorted(found)]


def _closure(
    session: Session,
    parent: InstrumentedAttribute[int | None],
    key: InstrumentedAttribute[int],
    ids: set[int],
) -> set[int]:
    """`ids` with their parents, grandparents, ... (earlier versions, owning organisations)."""
    found, todo = set(ids), set(ids)
    while todo:
        parents = _column_values(session, parent, key, todo) - found
        found |= parents
        todo = parents
    return found


def _column_values(
    session: Session,
    column: InstrumentedAttribute[Any],
    key: InstrumentedAttribute[int],
    ids: set[int],
) -> set[Any]:
    values: set[Any] = set()
    for chunk in chunks(sorted(ids), CHUNK):
        values.update(session.scalars(select(column).where(key.in_(chunk)).distinct()))
    values.discard(None)
    return values


def _load_claims(session: Session, ids: set[int] | None) -> list[Claim]:
    query = (
        select(Claim)
        .options(selectinload(Claim.attributions).selectinload(Attribution.source))
        .order_by(Claim.id)
    )
    return _in(session, query, Claim.id, ids)


def _load_documents(session: Session, ids: set[int] | None) -> list[Document]:
    return _in(session, select(Document).order_by(Document.id), Document.id, ids)


def _load_sources(session: Session, ids: set[int] | None) -> list[Source]:
    query = (
        select(Source)
        .options(
            selectinload(Source.aliases), selectinload(Source.flags), selectinload(Source.ratings)
        )
        .order_by(Source.id)
    )
    return _in(session, query, Source.id, ids)


def _claim_keys(session: Session, claim_ids: set[int] | None) -> dict[int, list[str]]:
    keys: dict[int, list[str]] = defaultdict(list)
    for row in _in(session, select(ClaimKey), ClaimKey.claim_id, claim_ids):
        keys[row.claim_id].append(row.key)
    return keys


def _snapshots(session: Session, document_ids: set[int] | None) -> dict[int, list[Any]]:
    query = select(DocumentSnapshot).order_by(DocumentSnapshot.id)
    found: dict[int, list[Any]] = defaultdict(list)
    for snapshot in _in(session, query, DocumentSnapshot.document_id, document_ids):
        found[snapshot.document_id].append(export_snapshot(snapshot))
    return found


def _with_snapshots(document: ExportDocument, raw: dict[int, list[Any]] | None) -> ExportDocument:
    if raw is None:
        return document
    return document.model_copy(update={"snapshots": raw.get(document.id, [])})


def _in(
    session: Session,
    query: Select[Row],
    column: InstrumentedAttribute[Any],
    ids: set[int] | None,
) -> list[Row]:
    """Rows of `query`, all of them when `ids` is None, else those whose `column` is in `ids`."""
    if ids is None:
        return list(session.scalars(query))
    rows: list[Row] = []
    for chunk in chunks(sorted(ids), CHUNK):
        rows.extend(session.scalars(query.where(column.in_(chunk))))
    return rows
