"""`claims import`: load a JSON export into an empty database, keeping every id.

One transaction: either the whole export is in the database afterwards or nothing is.
Ids are kept so that audit entries, notes and other teams' references stay valid; on
PostgreSQL the id sequences are moved past the imported ids afterwards.
"""

from __future__ import annotations

import base64
import hashlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Table, bindparam, select, text, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from claims.errors import ClaimsError
from claims.ingest.prepare import normalized_for_hash
from claims.reports.organisation import SETTING_KEYS
from claims.reports.schema import Export, ExportClaim, ExportDocument, ExportSource
from claims.store.audit import record
from claims.store.rows import tables
from db.base import Base, utcnow
from db.models import (
    Attribution,
    Claim,
    ClaimKey,
    Cluster,
    Document,
    DocumentSnapshot,
    Relation,
    Review,
    Setting,
    Source,
    SourceAlias,
    SourceFlag,
    SourceRating,
)

DATA_TABLES: tuple[type[Base], ...] = (
    Document,
    DocumentSnapshot,
    Source,
    SourceAlias,
    Cluster,
    Claim,
    Relation,
    Review,
)
"""A database with a row in any of these is not empty."""

SEQUENCED = (
    Document,
    DocumentSnapshot,
    Source,
    SourceAlias,
    SourceFlag,
    SourceRating,
    Cluster,
    Claim,
    Attribution,
    Relation,
    Review,
)


class ImportRefused(ClaimsError):
    """The database cannot take this import; nothing was written."""


@dataclass
class Imported:
    """What an import stored."""

    counts: dict[str, int] = field(default_factory=dict)
    kept_settings: list[str] = field(default_factory=list)
    """Settings already set in this database, which the import left as they were."""


def import_export(session: Session, export: Export, actor: str) -> Imported:
    """Insert everything in `export` (already validated) into an empty database."""
    require_empty(session)
    result = Imported()
    result.kept_settings = _settings(session, export.settings)
    try:
        _insert_all(session, export, result)
    except IntegrityError as exc:
        reason = str(exc.orig).splitlines()[0] if exc.orig else "constraint failed"
        raise ImportRefused(f"the database refused the import: {reason}") from None
    if session.get_bind().dialect.name == "postgresql":
        _advance_sequences(session)
    record(session, actor, "database.import", "database", None, after=dict(result.counts))
    return result


def require_empty(session: Session) -> None:
    """Raise ImportRefused unless the database holds no documents, sources or claims."""
    for model in DATA_TABLES:
        table = _table(model)
        if session.execute(select(table.c.id).limit(1)).first() is not None:
            raise ImportRefused(
                f"the database is not empty ({table.name} has rows): import into a new database"
            )


def _insert_all(session: Session, export: Export, result: Imported) -> None:
    clusters = [tables.CLUSTERS.row_values(cluster) for cluster in export.clusters]
    _insert(session, Cluster, result, clusters, "clusters")
    _insert_sources(session, export.sources, result)
    _insert_documents(session, export.documents, result)
    _insert_claims(session, export.claims, result)
    relations = [
        tables.RELATIONS.row_values(r, created_at=r.created_at or utcnow())
        for r in export.relations
    ]
    _insert(session, Relation, result, _fill_ids(relations), "relations")
    reviews = [
        tables.REVIEWS.row_values(r, created_at=r.created_at or utcnow()) for r in export.reviews
    ]
    _insert(session, Review, result, reviews, "reviews")


def _insert_sources(session: Session, sources: Sequence[ExportSource], result: Imported) -> None:
    rows = [
        tables.SOURCES.row_values(s, parent_id=None, created_at=s.created_at or utcnow())
        for s in sources
    ]
    _insert(session, Source, result, rows, "sources")
    _set_parents(session, Source, [(s.id, s.parent_id) for s in sources])
    aliases, flags, ratings = [], [], []
    for source in sources:
        details = [tables.SOURCE_ALIASES.row_values(a) for a in source.alias_details] or [
            {"alias": a, "key": " ".join(a.casefold().split()), "language": None}
            for a in source.aliases
        ]
        aliases += [{**a, "source_id": source.id} for a in details]
        detailed = {f.flag for f in source.flag_details}
        flag_rows = [tables.SOURCE_FLAGS.row_values(f) for f in source.flag_details]
        flag_rows += [{"flag": f} for f in source.flags if f not in detailed]
        flags += [
            {"set_by": None, "rationale": None, "evidence": [], **f, "source_id": source.id}
            | {"set_at": f.get("set_at") or utcnow()}
            for f in flag_rows
        ]
        ratings += [
            tables.SOURCE_RATINGS.row_values(r, source_id=source.id, set_at=r.set_at or utcnow())
            for r in source.ratings
        ]
    _insert(session, SourceAlias, result, aliases, "source aliases")
    _insert(session, SourceFlag, result, flags, "source flags")
    _insert(session, SourceRating, result, ratings, "source ratings")


def _insert_documents(
    session: Session, documents: Sequence[ExportDocument], result: Imported
) -> None:
    _insert(session, Document, result, [_document_row(d) for d in documents], "documents")
    _set_parents(session, Document, [(d.id, d.previous_id) for d in documents])
    snapshots = [
        tables.SNAPSHOTS.row_values(
            snapshot,
            document_id=document.id,
            raw=base64.b64decode(snapshot.raw_base64),
            seen_at=snapshot.seen_at or utcnow(),
        )
        for document in documents
        for snapshot in document.snapshots or []
    ]
    _insert(session, DocumentSnapshot, result, snapshots, "snapshots")


def _document_row(document: ExportDocument) -> dict[str, Any]:
    text = document.text
    return tables.DOCUMENTS.row_values(
        document,
        previous_id=None,
        text_sha256=document.text_sha256 or hashlib.sha256(text.encode("utf-8")).hexdigest(),
        norm_sha256=document.norm_sha256
        or hashlib.sha256(normalized_for_hash(text).encode("utf-8")).hexdigest(),
        debris=[list(span) for span in document.debris],
        ingested_at=document.ingested_at or utcnow(),
    )


def _insert_claims(session: Session, claims: Sequence[ExportClaim], result: Imported) -> None:
    rows = [
        tables.CLAIMS.row_values(
            claim,
            norm_text=claim.norm_text
            if claim.norm_text is not None
            else " ".join(claim.text.casefold().split()),
            created_at=claim.created_at or utcnow(),
        )
        for claim in claims
    ]
    _insert(session, Claim, result, rows, "claims")
    links = [
        tables.ATTRIBUTIONS.row_values(
            link,
            claim_id=claim.id,
            position=link.position if link.position is not None else index,
        )
        for claim in claims
        for index, link in enumerate(claim.attribution)
    ]
    _insert(session, Attribution, result, links, "attributions")
    keys = [{"claim_id": c.id, "key": key} for c in claims for key in sorted(set(c.keys))]
    _insert(session, ClaimKey, result, keys, "claim keys")


def _settings(session: Session, settings: dict[str, Any]) -> list[str]:
    kept = []
    for key, value in sorted(settings.items()):
        if key not in SETTING_KEYS:
            continue
        if session.get(Setting, key) is not None:
            kept.append(key)
            continue
        session.add(Setting(key=key, value=value))
    session.flush()
    return kept


def _insert(
    session: Session,
    model: type[Base],
    result: Imported,
    rows: list[dict[str, Any]],
    label: str,
) -> None:
    result.counts[label] = len(rows)
    if rows:
        session.execute(_table(model).insert(), rows)


def _set_parents(
    session: Session, model: type[Base], pairs: Iterable[tuple[int, int | None]]
) -> None:
    """Second pass for self-references (earlier versions, parent organisations)."""
    table = _table(model)
    column = "previous_id" if model is Document else "parent_id"
    rows = [{"row_id": row, "parent": parent} for row, parent in pairs if parent is not None]
    if rows:
        statement = (
            update(table)
            .where(table.c.id == bindparam("row_id"))
            .values({column: bindparam("parent")})
        )
        session.connection().execute(statement, rows)


def _fill_ids(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Give rows without an id (older exports) fresh ids after the highest one given."""
    next_id = max((row["id"] for row in rows if row["id"] is not None), default=0) + 1
    for row in rows:
        if row["id"] is None:
            row["id"], next_id = next_id, next_id + 1
    return rows


def _advance_sequences(session: Session) -> None:
    for model in SEQUENCED:
        name = _table(model).name
        session.execute(
            text(
                f"SELECT setval(pg_get_serial_sequence('{name}', 'id'),"  # noqa: S608
                f" COALESCE((SELECT MAX(id) FROM {name}), 1),"
                f" (SELECT MAX(id) FROM {name}) IS NOT NULL)"
            )
        )


def _table(model: type[Base]) -> Table:
    table = model.__table__
    assert isinstance(table, Table)
    return table
