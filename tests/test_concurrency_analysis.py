"""Analysis (ingest, matching, registry edits) on PostgreSQL takes turns under an advisory lock
and is not made to start over by reviewers saving meanwhile (`Database.run_analysis`).

At SERIALIZABLE a long ingest that updates the proposed credibility of a story's claims
failed whenever a reviewer saved one of them first; under a stream of saves it failed on
every retry. These tests hold one transaction open at a chosen point with events, so what
they check does not depend on timing.
"""

from __future__ import annotations

import sqlite3
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

import claims.store.documents.ingest
import claims.store.matching.runs
import db.engine
from claims.ingest.inputs import InputRef
from claims.store.documents import IngestOptions, ingest_one
from claims.store.matching import rebuild
from claims.store.review import ReviewService, review_relation
from db.models import Claim, Relation, Setting
from tests.conftest import Target

WAIT_S = 20
"""Hang guard for each event; the tests never wait this long when they pass."""

STORY = (
    "Officials in Basra said on Monday that 40 trucks had crossed the border at dawn.\n\n"
    "The governor of Basra confirmed that the crossing at Safwan would stay closed until"
    " Friday.\n"
)
RETOLD = (
    "Officials in Basra said on Monday that 40 trucks crossed the border at dawn.\n\n"
    "According to the governor of Basra, the crossing at Safwan will stay closed until"
    " Friday.\n"
)


def _ingest(target: Target, folder: Path, text: str, origin: str) -> int:
    """Ingest `text` as `claims ingest` would ingest a file of that name."""
    path = folder / f"{origin}.txt"
    path.write_text(text, encoding="utf-8")
    stored = ingest_one(target.database, InputRef(str(path), path=path), IngestOptions("ingester"))
    return stored.document_id


def _claims_of(target: Target, document_id: int) -> list[Claim]:
    with target.database.read() as session:
        return list(
            session.scalars(
                select(Claim).where(Claim.document_id == document_id).order_by(Claim.start)
            )
        )


def _in_thread(work: Callable[[], Any]) -> tuple[threading.Thread, list[Any]]:
    """Run `work` in a thread; its result or exception lands in the returned list."""
    outcome: list[Any] = []

    def run() -> None:
        try:
            outcome.append(work())
        except Exception as exc:
            outcome.append(exc)

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    return thread, outcome


def _count_calls(monkeypatch: pytest.MonkeyPatch, module: Any, name: str) -> list[int]:
    calls: list[int] = []
    original = getattr(module, name)

    def counted(*args: Any, **kwargs: Any) -> Any:
        calls.append(1)
        return original(*args, **kwargs)

    monkeypatch.setattr(module, name, counted)
    return calls


@pytest.mark.postgres
@pytest.mark.timeout(120)
def test_a_review_saved_during_an_ingest_does_not_make_the_ingest_start_over(
    pg_target: Target, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = _ingest(pg_target, tmp_path, STORY, "first")
    reviewed = _claims_of(pg_target, first)[0]
    attempts = _count_calls(monkeypatch, claims.store.documents.ingest, "store_and_analyse")
    paused, resume = threading.Event(), threading.Event()
    store_relations = claims.store.matching.runs.store_relations

    def pausing(*args: Any) -> Any:
        """Candidates are read; the story's claims are not written yet."""
        paused.set()
        assert resume.wait(WAIT_S)
        return store_relations(*args)

    monkeypatch.setattr(claims.store.matching.runs, "store_relations", pausing)
    thread, outcome = _in_thread(lambda: _ingest(pg_target, tmp_path, RETOLD, "second"))
    assert paused.wait(WAIT_S)
    ReviewService(pg_target.database, "reviewer").set_verdict(
        reviewed.id, reviewed.row_version, "true", "checked with the border authority"
    )
    resume.set()
    thread.join(WAIT_S)

    second = outcome[0]
    assert isinstance(second, int), outcome
    assert len(attempts) == 1
    after = {claim.id: claim for claim in _claims_of(pg_target, first)}[reviewed.id]
    assert (after.verdict, after.rationale) == ("true", "checked with the border authority")
    with pg_target.database.read() as session:
        linked = session.scalars(select(Relation).where(Relation.claim_id.in_([reviewed.id]))).all()
    assert linked, "the second article's retelling was linked to the reviewed claim"


@pytest.mark.postgres
@pytest.mark.timeout(120)
def test_analyses_take_turns_and_the_second_sees_what_the_first_committed(
    pg_target: Target,
) -> None:
    database = pg_target.database
    holding, release, second_in = threading.Event(), threading.Event(), threading.Event()

    def first(session: Session) -> None:
        session.add(Setting(key="first", value=1))
        session.flush()
        holding.set()
        assert release.wait(WAIT_S)

    def second(session: Session) -> Any:
        second_in.set()
        return session.scalar(select(Setting.value).where(Setting.key == "first"))

    first_thread, first_outcome = _in_thread(lambda: database.run_analysis(first))
    assert holding.wait(WAIT_S)
    second_thread, second_outcome = _in_thread(lambda: database.run_analysis(second))
    assert not second_in.wait(0.5), "a second analysis ran while the first held the lock"
    release.set()
    first_thread.join(WAIT_S)
    second_thread.join(WAIT_S)
    assert first_outcome == [None]
    assert second_outcome == [1]


@pytest.mark.postgres
@pytest.mark.timeout(120)
def test_a_relation_confirmed_during_a_rebuild_stays_confirmed_without_a_retry(
    pg_target: Target, tmp_path: Path
) -> None:
    _ingest(pg_target, tmp_path, STORY, "first")
    _ingest(pg_target, tmp_path, RETOLD, "second")
    database = pg_target.database
    with database.read() as session:
        relation = session.scalars(select(Relation).order_by(Relation.id)).first()
    assert relation is not None
    confirmed, release = threading.Event(), threading.Event()
    attempts: list[int] = []

    def confirm(session: Session) -> None:
        review_relation(session, "reviewer", relation.id, relation.row_version, "confirm")
        confirmed.set()
        assert release.wait(WAIT_S)

    def rebuild_all(session: Session) -> Any:
        attempts.append(1)
        return rebuild(session, "ingester")

    reviewer, reviewed = _in_thread(lambda: database.run_write(confirm))
    assert confirmed.wait(WAIT_S)
    matcher, matched = _in_thread(lambda: database.run_analysis(rebuild_all))
    matcher.join(0.5)
    assert matcher.is_alive(), "the rebuild waits for the reviewer's lock on the relation"
    release.set()
    reviewer.join(WAIT_S)
    matcher.join(WAIT_S)

    assert reviewed == [None]
    assert not isinstance(matched[0], Exception), matched
    assert len(attempts) == 1
    with database.read() as session:
        after = session.get_one(Relation, relation.id)
    assert after.status == "confirmed"


@pytest.mark.timeout(60)
@pytest.mark.parametrize(
    ("run", "poll"),
    [("run_write", db.engine.WRITE_LOCK_POLL_S), ("run_analysis", db.engine.ANALYSIS_LOCK_POLL_S)],
)
def test_on_sqlite_an_analysis_waits_for_the_lock_more_eagerly_than_a_save(
    sqlite_target: Target, monkeypatch: pytest.MonkeyPatch, run: str, poll: float
) -> None:
    """A save and an analysis waiting together: the analysis looks twice as often, so it
    mostly goes first when the lock frees between two saves, and ingest is not starved by
    reviewers saving without pause (a save then waits for about one document's write)."""
    assert db.engine.ANALYSIS_LOCK_POLL_S * 2 <= db.engine.WRITE_LOCK_POLL_S
    path = sqlite_target.database.path
    assert path is not None
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    waits: list[float] = []

    def wait(seconds: float) -> None:
        """Instead of sleeping: record the wait; the third one frees the lock."""
        waits.append(seconds)
        if len(waits) == 3:
            holder.execute("COMMIT")

    monkeypatch.setattr(time, "sleep", wait)
    getattr(sqlite_target.database, run)(lambda session: session.add(Setting(key=run, value=1)))
    monkeypatch.undo()
    holder.close()
    assert waits == [poll] * 3
