"""Database engines: SQLite settings, damaged files, and no lost updates between writers."""

from __future__ import annotations

import hashlib
import multiprocessing
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from sqlalchemy import select, text

from claims.cli import main
from db import migrate
from db.engine import Database, database_url
from db.errors import DatabaseDamaged
from db.models import Setting
from tests.conftest import HOSTILE, Target


def test_sqlite_pragmas(sqlite_target: Target) -> None:
    with sqlite_target.database.write() as session:
        pragmas = {
            name: session.execute(text(f"PRAGMA {name}")).scalar()
            for name in ("journal_mode", "foreign_keys", "busy_timeout", "synchronous")
        }
    assert pragmas == {
        "journal_mode": "wal",
        "foreign_keys": 1,
        "busy_timeout": 30000,
        "synchronous": 2,
    }


def test_target_forms(tmp_path: Path) -> None:
    assert database_url(str(tmp_path / "a.db")).get_backend_name() == "sqlite"
    url = database_url("postgresql://u@h/db")
    assert url.drivername == "postgresql+psycopg"


@pytest.mark.parametrize("name", ["db_truncated.sqlite", "db_corrupt_page.sqlite"])
def test_damaged_file_refused_and_left_byte_identical(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    shutil.copy(HOSTILE / name, path)
    before = hashlib.sha256(path.read_bytes()).hexdigest()
    result = CliRunner().invoke(main, ["--db", str(path), "documents"])
    assert result.exit_code == 1
    assert "database file is damaged (quick_check failed" in result.stderr
    assert result.stderr.count("\n") == 1
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == [name]


def test_not_a_database_refused(tmp_path: Path) -> None:
    path = tmp_path / "notes.db"
    path.write_text("just some notes")
    with pytest.raises(DatabaseDamaged, match="not a SQLite database"):
        migrate.ensure_current(Database.from_target(str(path)))
    assert path.read_text() == "just some notes"


def _increment(path: str, times: int) -> None:
    database = Database.from_target(path)
    for _ in range(times):
        with database.write() as session:
            setting = session.get(Setting, "counter")
            assert setting is not None
            setting.value = setting.value + 1
    database.dispose()


@pytest.mark.timeout(120)
def test_concurrent_read_modify_write_loses_nothing(sqlite_target: Target) -> None:
    with sqlite_target.database.write() as session:
        session.add(Setting(key="counter", value=0))
    workers, times = 4, 40
    context = multiprocessing.get_context("spawn")
    processes = [
        context.Process(target=_increment, args=(sqlite_target.arg, times)) for _ in range(workers)
    ]
    for process in processes:
        process.start()
    for process in processes:
        process.join(100)
        assert process.exitcode == 0
    with sqlite_target.database.read() as session:
        assert (
            session.scalar(select(Setting.value).where(Setting.key == "counter")) == workers * times
        )
