"""Several processes upgrading one database at once: one runs, the others wait and find
nothing left to do; none fails (THREATS D10). PostgreSQL serialises them with an advisory
lock, SQLite with its write lock."""

from __future__ import annotations

import multiprocessing
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import inspect, text

from db import migrate
from db.base import Base
from db.engine import Database
from tests.conftest import FIXTURES, PostgresServer

FORK = multiprocessing.get_context("fork")
PROCESSES = 3


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def fresh(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A database with no schema yet, as a --db argument."""
    if request.param == "sqlite":
        yield str(tmp_path / "fresh.db")
        return
    server: PostgresServer = request.getfixturevalue("pg_server")
    url = server.create()
    yield url
    server.drop(url)


def _upgrade(barrier: Any, results: Any, arg: str, how: str) -> None:
    database = Database.from_target(arg)
    barrier.wait()
    try:
        if how == "ensure":
            migrate.ensure_current(database)
        else:
            migrate.upgrade(database)
        results.put("ok")
    except Exception as exc:
        results.put(f"{type(exc).__name__}: {exc}")
    finally:
        database.dispose()


def _upgrade_together(arg: str, how: str = "upgrade") -> list[str]:
    barrier = FORK.Barrier(PROCESSES)
    results = FORK.Queue()
    processes = [
        FORK.Process(target=_upgrade, args=(barrier, results, arg, how)) for _ in range(PROCESSES)
    ]
    for process in processes:
        process.start()
    outcomes = [results.get(timeout=90) for _ in processes]
    for process in processes:
        process.join(30)
    return outcomes


def _check_at(arg: str, revision: str) -> None:
    database = Database.from_target(arg)
    try:
        assert migrate.current_revision(database) == revision
        with database.read() as session:
            assert session.execute(text("SELECT COUNT(*) FROM alembic_version")).scalar() == 1
            tables = set(inspect(session.connection()).get_table_names())
        assert set(Base.metadata.tables) <= tables
    finally:
        database.dispose()


def test_upgrades_of_an_empty_database_at_once_all_succeed(fresh: str) -> None:
    how = "ensure" if "://" not in fresh else "upgrade"  # SQLite files upgrade on first use
    assert _upgrade_together(fresh, how) == ["ok"] * PROCESSES
    _check_at(fresh, migrate.head_revision())


def test_a_slow_revision_run_by_several_processes_runs_once(
    fresh: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    database = Database.from_target(fresh)
    migrate.upgrade(database)
    database.dispose()
    locations = (migrate.MIGRATIONS_DIR / "versions", FIXTURES / "migrations" / "slow_probe")
    monkeypatch.setattr(migrate, "VERSION_LOCATIONS", locations)
    assert _upgrade_together(fresh) == ["ok"] * PROCESSES
    _check_at(fresh, "tslow")
