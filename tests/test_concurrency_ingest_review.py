"""Ingest beside reviewers saving without pause: each document takes the write lock once, in
one transaction, and every save counts (THREATS D3), on SQLite and PostgreSQL; SQLite's lock
is waited for by polling, and a lock held past the busy timeout is reported, not waited on."""

from __future__ import annotations

import multiprocessing
import sqlite3
import time
from typing import Any

import pytest
from sqlalchemy import select

import db.engine
from claims.ingest.models import DocumentMeta, MetaOrigin, RawInput
from claims.ingest.prepare import prepare
from claims.store.documents import save_prepared
from claims.store.review import EditConflict, ReviewService
from db.engine import LOCK_WAITS, Database
from db.errors import DatabaseBusy
from db.models import Claim, Document, Setting
from tests.conftest import Target

FORK = multiprocessing.get_context("fork")

STORY = (
    "Officials in {city} said on Monday that {n} trucks had crossed the border at dawn.\n\n"
    "The governor of {city} confirmed that the crossing would stay closed until Friday.\n"
)
CITIES = ("Basra", "Mosul", "Erbil", "Kirkuk", "Tikrit", "Najaf")


def _document(database: Database, number: int) -> None:
    city = CITIES[number % len(CITIES)]
    raw = RawInput(
        origin=f"story-{number}.txt",
        locator=None,
        data=STORY.format(city=city, n=10 + number).encode(),
        media_type="text/plain",
        meta=DocumentMeta.of(MetaOrigin.OPTION, title=f"Story {number}"),
    )
    save_prepared(database, prepare(raw), "ingester")


def _ingester(barrier: Any, results: Any, arg: str, documents: int, stop: Any) -> None:
    database = Database.from_target(arg)
    barrier.wait()
    waits = LOCK_WAITS.count
    for number in range(documents):
        _document(database, 100 + number)
    stop.set()
    database.dispose()
    results.put(("ingester", LOCK_WAITS.count - waits))


def _reviewer(barrier: Any, results: Any, arg: str, claim_id: int, stop: Any) -> None:
    """Save the claim's rationale as a counter plus one, without pause, until told to stop."""
    database = Database.from_target(arg)
    service = ReviewService(database, "reviewer")
    barrier.wait()
    saved = 0
    while not stop.is_set() or saved < 5:
        with database.read() as session:
            claim = session.get_one(Claim, claim_id)
            seen, count = claim.row_version, int(claim.rationale or "0")
        try:
            service.set_rationale(claim_id, seen, str(count + 1))
            saved += 1
        except EditConflict:
            continue
    database.dispose()
    results.put(("reviewer", saved))


@pytest.mark.timeout(300)
def test_ingest_beside_two_reviewers_takes_the_lock_once_a_document_and_loses_no_save(
    target: Target,
) -> None:
    _document(target.database, 0)
    with target.database.read() as session:
        claim_id = session.scalars(select(Claim.id).order_by(Claim.id)).first()
    assert claim_id is not None
    target.database.dispose()
    documents = 6
    barrier, results, stop = FORK.Barrier(3), FORK.Queue(), FORK.Event()
    processes = [
        FORK.Process(target=_ingester, args=(barrier, results, target.arg, documents, stop))
    ]
    processes += [
        FORK.Process(target=_reviewer, args=(barrier, results, target.arg, claim_id, stop))
        for _ in range(2)
    ]
    for process in processes:
        process.start()
    collected = [results.get(timeout=240) for _ in processes]
    for process in processes:
        process.join(30)
        assert process.exitcode == 0
    waits = [count for role, count in collected if role == "ingester"]
    saves = sum(count for role, count in collected if role == "reviewer")
    assert waits == [documents]  # one write transaction a document, never retried
    with target.database.read() as session:
        assert session.get_one(Claim, claim_id).rationale == str(saves)
        stored = session.scalars(select(Document.id)).all()
        with_claims = set(session.scalars(select(Claim.document_id)))
    assert len(stored) == documents + 1
    assert with_claims == set(stored)


def test_on_sqlite_a_lock_held_past_the_busy_timeout_is_reported_and_nothing_is_saved(
    sqlite_target: Target, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = sqlite_target.database.path
    assert path is not None
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    monkeypatch.setattr(db.engine, "BUSY_TIMEOUT_S", 0.3)
    started = time.monotonic()
    with pytest.raises(DatabaseBusy, match="is busy"):
        sqlite_target.database.run_write(lambda s: s.add(Setting(key="late", value=1)))
    assert time.monotonic() - started >= 0.3
    holder.execute("COMMIT")
    holder.close()
    monkeypatch.undo()
    with sqlite_target.database.read() as session:
        assert session.get(Setting, "late") is None
    sqlite_target.database.run_write(lambda s: s.add(Setting(key="late", value=2)))
    with sqlite_target.database.read() as session:
        assert session.get_one(Setting, "late").value == 2


class _Clock:
    """Stands in for `time` in `db.engine`: each sleep advances the clock 11 ms and is
    recorded; the fifth frees the lock."""

    def __init__(self, holder: sqlite3.Connection) -> None:
        self.now = 1000.0
        self.sleeps: list[float] = []
        self.holder = holder

    def monotonic(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.now += 0.011
        if len(self.sleeps) == 5:
            self.holder.execute("COMMIT")


@pytest.mark.parametrize(
    ("run", "expected"),
    [
        ("run_write", [0.002, 0.002, 0.002, 0.0005, 0.0005]),
        ("run_analysis", [0.001] * 5),
    ],
)
def test_on_sqlite_a_save_that_waited_behind_a_document_looks_before_an_analysis(
    sqlite_target: Target, monkeypatch: pytest.MonkeyPatch, run: str, expected: list[float]
) -> None:
    """After 30 ms (longer than a save holds the lock, as long as a document's write) a
    save looks every 0.5 ms, more often than an analysis, so with two ingests at once a save
    goes between their documents instead of waiting for both."""
    assert db.engine.AGED_SAVE_POLL_S < db.engine.ANALYSIS_LOCK_POLL_S
    path = sqlite_target.database.path
    assert path is not None
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    clock = _Clock(holder)
    monkeypatch.setattr(db.engine, "time", clock)
    getattr(sqlite_target.database, run)(lambda session: session.add(Setting(key=run, value=1)))
    monkeypatch.undo()
    holder.close()
    assert clock.sleeps == expected
    with sqlite_target.database.read() as session:
        assert session.get_one(Setting, run).value == 1
