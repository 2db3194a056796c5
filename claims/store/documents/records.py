"""Storing prepared documents: deduplication by normalised hash, versions, raw snapshots."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from sqlalchemy import select
from sqlalchemy.orm import Session

from claims.errors import NotFound
from claims.ingest.models import METADATA_FIELDS, PreparedDocument
from claims.store.audit import record
from claims.store.rows.tables import DOCUMENTS, SNAPSHOTS
from db.models import Document, DocumentSnapshot


class Outcome(StrEnum):
    ADDED = "added"
    NEW_VERSION = "new version"
    UNCHANGED = "unchanged"


@dataclass(frozen=True)
class Stored:
    """What storing one document did."""

    outcome: Outcome
    document_id: int
    previous_id: int | None = None
    snapshot_added: bool = False
    """True when the same text arrived as different bytes (CRLF, BOM, NFD): kept as evidence."""
    language: str | None = None
    """The language of a document stored by this call (None when unknown or not stored)."""
    flags: tuple[str, ...] = ()
    """The flags of a document stored by this call (`claims.ingest.models.Flag`)."""


def find_by_hash(session: Session, norm_sha256: str) -> Document | None:
    return session.scalar(select(Document).where(Document.norm_sha256 == norm_sha256))


def store_document(session: Session, prepared: PreparedDocument, actor: str) -> Stored:
    """Store a prepared document, or link a new snapshot to the copy already stored."""
    existing = find_by_hash(session, prepared.norm_sha256)
    if existing is not None:
        added = _add_snapshot(session, existing.id, prepared)
        return Stored(Outcome.UNCHANGED, existing.id, existing.previous_id, added)
    previous = latest_version(session, prepared.locator)
    document = document_row(prepared, actor, previous)
    session.add(document)
    session.flush()
    _add_snapshot(session, document.id, prepared)
    record(
        session,
        actor,
        "document.ingest",
        "document",
        document.id,
        after={"origin": prepared.origin, "sha256": prepared.raw_sha256},
    )
    outcome = Outcome.NEW_VERSION if previous else Outcome.ADDED
    return Stored(
        outcome, document.id, document.previous_id, True, document.language, tuple(document.flags)
    )


def document_row(prepared: PreparedDocument, actor: str, previous: Document | None) -> Document:
    """The row a prepared document is stored as (the next version of `previous`, if any)."""
    return Document(
        **DOCUMENTS.row_values(
            prepared,
            version_no=previous.version_no + 1 if previous else 1,
            previous_id=previous.id if previous else None,
            flags=[str(flag) for flag in prepared.flags],
            debris=[[span.start, span.end, span.reason] for span in prepared.debris],
            metadata_provenance={
                name: str(value.origin) for name, value in prepared.meta.fields.items()
            },
            ingested_by=actor,
            **{name: prepared.meta.get(name) for name in METADATA_FIELDS},
        )
    )


def latest_version(session: Session, locator: str | None) -> Document | None:
    """The newest stored version of the document at `locator`, if any."""
    if locator is None:
        return None
    return session.scalar(
        select(Document)
        .where(Document.locator == locator)
        .order_by(Document.version_no.desc())
        .limit(1)
    )


def _add_snapshot(session: Session, document_id: int, prepared: PreparedDocument) -> bool:
    known = session.scalar(
        select(DocumentSnapshot.id).where(
            DocumentSnapshot.document_id == document_id,
            DocumentSnapshot.raw_sha256 == prepared.raw_sha256,
        )
    )
    if known is not None:
        return False
    session.add(
        DocumentSnapshot(
            **SNAPSHOTS.row_values(
                prepared,
                document_id=document_id,
                size=len(prepared.raw),
                media_type=prepared.content_type,
            )
        )
    )
    return True


def get_document(session: Session, document_id: int) -> Document:
    document = session.get(Document, document_id)
    if document is None:
        raise NotFound(f"no document with id {document_id}")
    return document


def list_documents(session: Session, *, all_versions: bool = False) -> list[Document]:
    """Documents in id order; by default only the newest version of each."""
    query = select(Document).order_by(Document.id)
    documents = list(session.scalars(query))
    if all_versions:
        return documents
    superseded = {d.previous_id for d in documents if d.previous_id is not None}
    return [d for d in documents if d.id not in superseded]
