"""A process killed at any point of ingesting a document leaves no trace of it or all of it.

A forked child ingests one document through the real code path and SIGKILLs itself at step k:
before each SQL statement, just before COMMIT, or just after it. The parent then opens the
database afresh and finds either nothing of the document or every row of it, and SQLite's
`integrity_check` still says ok (THREATS D1).
"""

from __future__ import annotations

import multiprocessing
import os
import signal
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event
from sqlalchemy.orm import Session

from claims.ingest.inputs import InputRef, ReadOptions, read
from claims.ingest.models import DocumentMeta
from claims.ingest.prepare import prepare
from claims.store.documents import IngestOptions, ingest_one, store_document
from db.engine import Database, sqlite_check
from db.models import Attribution, AuditEntry, Claim, Document, DocumentSnapshot
from tests.conftest import Target
from tests.team_factories import SENTENCE, add_claims, count_rows

FORK = multiprocessing.get_context("fork")
TABLES = (Document, DocumentSnapshot, Claim, Attribution, AuditEntry)
SENTENCES = 4


def _article(tmp_path: Path) -> Path:
    path = tmp_path / "article.txt"
    path.write_text("Troops at the border\n\n" + SENTENCE * SENTENCES, encoding="utf-8")
    return path


def _ingest_document(database: Database, path: Path) -> None:
    """The production path: `claims ingest` of one file."""
    ingest_one(database, InputRef(str(path), path=path), IngestOptions(actor="crash-test"))


def _ingest_with_claims(database: Database, path: Path) -> None:
    """The document and its claims in one transaction, each claim flushed on its own."""
    prepared = prepare(read(InputRef(str(path), path=path), ReadOptions(), DocumentMeta()))

    def work(session: Session) -> None:
        stored = store_document(session, prepared, "crash-test")
        document = session.get(Document, stored.document_id)
        assert document is not None
        add_claims(session, document, flush_each=True)

    database.run_write(work)


def _child(target: str, path: Path, how: str, kill_at: int | None, steps: Any) -> None:
    """Ingest, counting steps; SIGKILL this process when the count reaches `kill_at`."""
    database = Database.from_target(target)

    def step(*_: object) -> None:
        if steps.value == kill_at:
            os.kill(os.getpid(), signal.SIGKILL)
        steps.value += 1

    event.listen(database.write_engine, "before_cursor_execute", step)
    event.listen(database.write_engine, "commit", step)
    event.listen(Session, "after_commit", step)
    INGESTERS[how](database, path)


INGESTERS: dict[str, Callable[[Database, Path], None]] = {
    "document": _ingest_document,
    "document+claims": _ingest_with_claims,
}


def _run_child(target: Target, path: Path, how: str, kill_at: int | None) -> tuple[int, int]:
    steps = FORK.Value("i", 0)
    target.database.dispose()  # no open connection may be shared with the child
    process = FORK.Process(target=_child, args=(target.arg, path, how, kill_at, steps))
    process.start()
    process.join(60)
    assert process.exitcode is not None
    return process.exitcode, int(steps.value)


def _state(target: Target) -> dict[str, int]:
    fresh = Database.from_target(target.arg)
    try:
        return count_rows(fresh, *TABLES)
    finally:
        fresh.dispose()


@pytest.mark.parametrize("how", sorted(INGESTERS))
def test_kill_at_every_step_leaves_nothing_or_everything(
    target: Target, tmp_path: Path, how: str
) -> None:
    path = _article(tmp_path)
    empty = _state(target)
    exitcode, steps = _run_child(target, path, how, kill_at=None)
    assert exitcode == 0
    complete = _state(target)
    assert complete["documents"] == empty["documents"] + 1
    if how == "document+claims":
        assert complete["claims"] == SENTENCES
        assert complete["attributions"] == 2 * SENTENCES
    assert steps >= 6  # BEGIN, lookups, inserts, COMMIT, after commit

    for kill_at in range(steps):
        _reset(target)
        exitcode, _ = _run_child(target, path, how, kill_at)
        assert exitcode == -signal.SIGKILL, f"step {kill_at} was never reached"
        state = _state(target)
        last_step = kill_at == steps - 1  # killed after COMMIT returned
        assert state == (complete if last_step else empty), f"killed at step {kill_at}/{steps}"
        if target.database.path is not None:
            assert sqlite_check(target.database.path, "integrity_check") == []


def _reset(target: Target) -> None:
    """Back to the empty database (deleting a document cascades to all of its rows)."""
    with target.database.write() as session:
        for document in session.query(Document):
            session.delete(document)
        session.query(AuditEntry).delete()
