"""PostgreSQL serialization failures and deadlocks are retried a bounded number of times,
then reported in one line with nothing saved; other errors are never retried (THREATS D5)."""

from __future__ import annotations

import threading
from typing import Any

import pytest
from sqlalchemy import create_engine, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

import db.engine
from db.errors import WriteConflict
from db.models import Setting
from tests.conftest import Target


def _value(target: Target, key: str) -> Any:
    with target.database.read() as session:
        return session.scalar(select(Setting.value).where(Setting.key == key))


def _seed(target: Target, **values: int) -> None:
    with target.database.write() as session:
        session.add_all(Setting(key=key, value=value) for key, value in values.items())


def _conflicting_work(target: Target, attempts: list[int], conflicts: int) -> Any:
    """Read the counter, let another connection change it and commit, then write it."""
    other = create_engine(target.database.url)

    def work(session: Session) -> None:
        attempts.append(1)
        setting = session.get(Setting, "counter")
        assert setting is not None
        if len(attempts) <= conflicts:
            with other.begin() as connection:
                connection.execute(
                    update(Setting).where(Setting.key == "counter").values(value=100)
                )
        setting.value = setting.value + 1

    return work, other


@pytest.mark.postgres
def test_a_serialization_failure_is_retried_and_the_retry_sees_the_other_write(
    pg_target: Target,
) -> None:
    _seed(pg_target, counter=0)
    attempts: list[int] = []
    work, other = _conflicting_work(pg_target, attempts, conflicts=1)
    pg_target.database.run_write(work)
    other.dispose()
    assert len(attempts) == 2
    assert _value(pg_target, "counter") == 101


@pytest.mark.postgres
def test_retries_are_bounded_and_end_in_a_clear_error(
    pg_target: Target, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(db.engine, "retry_wait", lambda attempt: 0.0)
    _seed(pg_target, counter=0)
    attempts: list[int] = []
    work, other = _conflicting_work(pg_target, attempts, conflicts=1000)
    with pytest.raises(WriteConflict, match="nothing was saved, try again"):
        pg_target.database.run_write(work)
    other.dispose()
    assert len(attempts) == db.engine.PG_MAX_ATTEMPTS
    assert _value(pg_target, "counter") == 100  # the other writer's value, none of ours


@pytest.mark.postgres
def test_a_deadlock_is_retried_and_both_writers_succeed(pg_target: Target) -> None:
    _seed(pg_target, a=0, b=0)
    barrier = threading.Barrier(2)
    calls = {"ab": 0, "ba": 0}
    errors: list[BaseException] = []

    def move(first: str, second: str) -> None:
        name = first + second

        def work(session: Session) -> None:
            calls[name] += 1
            for position, key in enumerate((first, second)):
                setting = session.get(Setting, key, with_for_update=True)
                assert setting is not None
                setting.value = setting.value + 1
                session.flush()
                if position == 0 and calls[name] == 1:
                    barrier.wait(timeout=20)  # both hold one row and want the other's

        try:
            pg_target.database.run_write(work)
        except BaseException as exc:  # reported to the test thread
            errors.append(exc)

    threads = [threading.Thread(target=move, args=pair) for pair in (("a", "b"), ("b", "a"))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    assert errors == []
    assert calls["ab"] + calls["ba"] >= 3  # one of them was retried
    assert (_value(pg_target, "a"), _value(pg_target, "b")) == (2, 2)


def test_other_errors_are_not_retried(target: Target) -> None:
    _seed(target, counter=0)
    attempts: list[int] = []

    def duplicate(session: Session) -> None:
        attempts.append(1)
        session.add(Setting(key="counter", value=1))

    with pytest.raises(IntegrityError):
        target.database.run_write(duplicate)
    assert len(attempts) == 1
    assert _value(target, "counter") == 0
