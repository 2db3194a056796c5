"""The claims total is counted apart from the keystrokes: after typing stops, never for a listing
that is already replaced, and a read in flight can be stopped on both databases."""

from __future__ import annotations

import threading
import time
from typing import Any

import pytest
from sqlalchemy import text

import tui.widgets.virtual_table
from claims.store.views.read_stop import ReadStop, ReadStopped
from tests.conftest import Target
from tests.factories import make_claim, make_document, settle, widget_text
from tui.app import make_app
from tui.widgets.claim_table import ClaimSource, ClaimTable


@pytest.fixture
def many_claims(sqlite_target: Target) -> Target:
    """300 claims about oil and 200 about gas: every block of a listing of them is full."""
    sentences = [f"Claim number {n} about oil." for n in range(300)]
    sentences += [f"Claim number {n} about gas." for n in range(200)]
    with sqlite_target.database.write() as session:
        document = make_document(session, " ".join(sentences))
        for sentence in sentences:
            make_claim(session, document, sentence)
    return sqlite_target


def counted_filters(monkeypatch: pytest.MonkeyPatch, hold: str | None = None) -> dict[str, Any]:
    """Record what ClaimSource.count is asked (it still counts); the count of the filter text
    `hold` waits for `seen["release"]` first, so it is in flight while the test types."""
    real = ClaimSource.count
    seen: dict[str, Any] = {"started": [], "finished": [], "stops": {}}
    seen["release"] = threading.Event()
    seen["held"] = threading.Event()

    def spy(source: ClaimSource, stop: ReadStop) -> int:
        words = source.claim_filter.text
        seen["started"].append(words)
        seen["stops"][words] = stop
        if words == hold:
            seen["held"].set()
            seen["release"].wait(10)
        total = real(source, stop)
        seen["finished"].append(words)
        return total

    monkeypatch.setattr(ClaimSource, "count", spy)
    return seen


async def test_the_total_is_counted_once_typing_stops(
    many_claims: Target, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(tui.widgets.virtual_table, "COUNT_DELAY", 3.0)
    seen = counted_filters(monkeypatch)
    app = make_app(many_claims.database, reviewer="tester")
    async with app.run_test(size=(140, 30)) as pilot:
        await settle(pilot)
        table = app.screen.query_one(ClaimTable)
        assert table.total == 500
        await pilot.press("slash", "o", "i", "l")
        deadline = time.monotonic() + 5
        while not (table.loaded and table.source.claim_filter.text == "oil"):  # type: ignore[union-attr]
            assert time.monotonic() < deadline
            await pilot.pause(0.01)
        await pilot.pause()
        assert table.total is None  # the page is shown; the count waits for typing to stop
        assert "≥128 claims, counting…" in widget_text(app.screen)
        await settle(pilot)
        assert table.total == 300
        assert "300 claims" in widget_text(app.screen)
    assert seen["finished"] == ["", "oil"]  # no count for "o" or "oi"


async def test_a_newer_filter_stops_the_count_in_flight(
    many_claims: Target, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(tui.widgets.virtual_table, "COUNT_DELAY", 0.05)
    seen = counted_filters(monkeypatch, hold="number")
    app = make_app(many_claims.database, reviewer="tester", filter_text="number")
    try:
        async with app.run_test(size=(140, 30)) as pilot:
            table = app.screen.query_one(ClaimTable)
            deadline = time.monotonic() + 10
            while not seen["held"].is_set():  # the count of "number" (500) is running
                assert time.monotonic() < deadline
                await pilot.pause(0.01)
            await pilot.press("slash", "end", "space", "1")  # "number 1": 1, 10-19, 100-199 twice
            await settle(pilot)
            assert seen["stops"]["number"].cancelled
            assert table.total == 222
            seen["release"].set()  # the old count resumes: it must not run, nor land
            await pilot.pause(0.3)
            await settle(pilot)
            assert table.total == 222
            assert "222 claims" in widget_text(app.screen)
    finally:
        seen["release"].set()
    assert "number" not in seen["finished"]  # stopped before its query ran
    assert seen["finished"][-1] == "number 1"


async def test_a_newer_filter_stops_the_page_read_in_flight(
    many_claims: Target, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A short text that matches nothing scans every claim; the next key must not wait for it."""
    real = ClaimSource.fetch
    release, held = threading.Event(), threading.Event()
    seen: dict[str, Any] = {"stops": {}, "read": []}

    def spy(
        source: ClaimSource, start: int, limit: int, previous: Any, stop: ReadStop
    ) -> list[Any]:
        words = source.claim_filter.text
        seen["stops"].setdefault(words, stop)
        if words == "qz":  # a slow read, as a scan of a million claims; a stop ends it
            held.set()
            while not (release.wait(0.01) or stop.cancelled):
                pass
        rows = real(source, start, limit, previous, stop)
        seen["read"].append(words)
        return rows

    monkeypatch.setattr(ClaimSource, "fetch", spy)
    app = make_app(many_claims.database, reviewer="tester")
    try:
        async with app.run_test(size=(140, 30)) as pilot:
            await settle(pilot)
            table = app.screen.query_one(ClaimTable)
            await pilot.press("slash", "q", "z")
            deadline = time.monotonic() + 10
            while not held.is_set():  # the page of "qz" is being read
                assert time.monotonic() < deadline
                await pilot.pause(0.01)
            await pilot.press("backspace", "backspace", "o", "i", "l")
            assert seen["stops"]["qz"].cancelled
            await settle(pilot)  # without releasing the slow read: it gave way to the new one
            assert table.total == 300
            assert table.row_at(0) is not None and "about oil" in table.row_at(0).snippet  # type: ignore[union-attr]
    finally:
        release.set()
    assert "qz" not in seen["read"]  # its query never ran


def test_a_read_in_flight_is_stopped_from_another_thread(target: Target) -> None:
    """A statement that would run for minutes ends within seconds of `cancel`."""
    endless = (
        "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 2000000000)"
        " SELECT count(*) FROM n"
    )
    stop = ReadStop()
    outcome: dict[str, Any] = {}

    def read() -> None:
        try:
            with target.database.read() as session, stop.watching(session):
                outcome["rows"] = session.scalar(text(endless))
        except Exception as error:  # what the driver raises for a cancelled statement
            outcome["error"] = error

    worker = threading.Thread(target=read)
    worker.start()
    time.sleep(0.5)
    began = time.monotonic()
    stop.cancel()
    worker.join(30)
    assert not worker.is_alive()
    assert time.monotonic() - began < 10
    assert "rows" not in outcome and "error" in outcome
    with target.database.read() as session:  # the pool's connection still works
        assert session.scalar(text("SELECT 1")) == 1
    with pytest.raises(ReadStopped), target.database.read() as session:
        stop.watch(session)  # once cancelled, no later statement of the read starts


def test_a_connection_a_cancel_was_sent_to_is_not_reused(target: Target) -> None:
    """A cancel that arrives late must not stop the next statement run on the same connection,
    so the pool never hands that connection out again."""
    stop = ReadStop()
    with target.database.read() as session, stop.watching(session):
        assert session.scalar(text("SELECT 1")) == 1
        cancelled = session.connection().connection.dbapi_connection
        stop.cancel()  # the statement has ended: a late cancel, as when the race is lost
    for _ in range(3):  # every connection the pool holds, not only the first
        with target.database.read() as session:
            assert session.connection().connection.dbapi_connection is not cancelled
            assert session.scalar(text("SELECT 2")) == 2


def test_a_read_that_was_not_cancelled_keeps_its_connection(target: Target) -> None:
    """Only cancelled reads cost a new connection: the pool reuses the others."""
    stop = ReadStop()
    with target.database.read() as session, stop.watching(session):
        session.scalar(text("SELECT 1"))
        watched = session.connection().connection.dbapi_connection
    with target.database.read() as session:
        assert session.connection().connection.dbapi_connection is watched
