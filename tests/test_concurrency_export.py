"""An export is one snapshot: a document and its claims committed while the export runs are
either wholly in it or wholly out, never claims without their document or a document without
its claims (THREATS D11)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.orm import Session

from claims.reports.schema import Export
from claims.store.exports import build_export
from db.engine import Database
from db.models import Claim
from tests.conftest import Target
from tests.team_factories import add_claims, add_document, count_rows

SENTENCES = 3


def _commit_after_first_read(engine: Engine, target: Target) -> None:
    """Once the export has read claims or documents, another writer commits a new document
    with its claims."""
    state = {"done": False}

    def commit_once(_conn: Any, _cursor: Any, statement: str, *_: Any) -> None:
        touched = "FROM claims" in statement or "FROM documents" in statement
        if state["done"] or not statement.lstrip().upper().startswith("SELECT") or not touched:
            return
        state["done"] = True
        other = Database.from_target(target.arg)
        with other.write() as writer:
            add_claims(writer, add_document(writer, "late", sentences=SENTENCES))
        other.dispose()

    event.listen(engine, "after_cursor_execute", commit_once)


def _torn(export: Export) -> bool:
    """Whether the export mixes two states of the database."""
    documents = {document.id for document in export.documents}
    claimed = [claim.document_id for claim in export.claims]
    orphans = [document for document in claimed if document not in documents]
    bare = [document for document in documents if claimed.count(document) != SENTENCES]
    return bool(orphans or bare)


def _seed(target: Target) -> None:
    with target.database.write() as session:
        add_claims(session, add_document(session, "early", sentences=SENTENCES))


def test_export_is_a_snapshot_while_another_writer_commits(target: Target) -> None:
    _seed(target)
    _commit_after_first_read(target.database.read_engine, target)
    with target.database.read() as session:
        export = build_export(session)
    assert not _torn(export)
    assert (len(export.documents), len(export.claims)) == (1, SENTENCES)
    assert count_rows(target.database, Claim)["claims"] == 2 * SENTENCES  # the commit landed


def test_without_a_snapshot_the_same_export_is_torn(target: Target) -> None:
    """The driver's default transaction handling (SQLite) or READ COMMITTED (PostgreSQL)
    gives each query its own view: the scenario above does catch a torn export."""
    _seed(target)
    plain = create_engine(target.database.url)
    _commit_after_first_read(plain, target)
    with Session(plain) as session:
        export = build_export(session)
    plain.dispose()
    assert _torn(export)
