"""SQLite files that are not ours, not ours yet, newer than us, read-only or left mid-write.

Another program's file is only ever looked at: every command leaves it byte-identical with
no `-wal` or `-shm` beside it. Healthy files are never called damaged.
"""

from __future__ import annotations

import hashlib
import sqlite3
import subprocess
import sys
from contextlib import closing
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from claims.cli import main
from db import migrate
from db.engine import Database
from tests.folders import sealable_folder


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def claims(path: Path, *args: str) -> Result:
    return CliRunner().invoke(main, ["--db", str(path), *args])


def beside(path: Path) -> list[str]:
    return sorted(p.name for p in path.parent.iterdir())


def other_program_file(path: Path, *, alembic: str | None = None, wal: bool = False) -> Path:
    """A healthy SQLite file of some other program, optionally with its own Alembic revision."""
    connection = sqlite3.connect(path)
    if wal:
        connection.execute("PRAGMA journal_mode=WAL")
    connection.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)")
    connection.execute("INSERT INTO notes (body) VALUES ('remember the milk')")
    if alembic:
        connection.execute("CREATE TABLE alembic_version (version_num VARCHAR(32) PRIMARY KEY)")
        connection.execute("INSERT INTO alembic_version VALUES (?)", (alembic,))
    connection.commit()
    connection.close()
    return path


ALL_COMMANDS = [
    ("documents",),
    ("db", "check"),
    ("db", "current"),
    ("db", "upgrade"),
]


@pytest.mark.parametrize("wal", [False, True], ids=["rollback journal", "wal"])
@pytest.mark.parametrize("command", ALL_COMMANDS, ids=" ".join)
def test_another_programs_file_is_only_looked_at(
    tmp_path: Path, command: tuple[str, ...], wal: bool
) -> None:
    path = other_program_file(tmp_path / "notes.db", wal=wal)
    before = digest(path)
    result = claims(path, *command)
    assert result.exit_code == 1, result.output
    assert "not a claims database (it holds other tables: notes)" in result.output
    assert digest(path) == before
    assert beside(path) == ["notes.db"]


@pytest.mark.parametrize("command", ALL_COMMANDS, ids=" ".join)
def test_a_foreign_alembic_version_is_refused_byte_identical(
    tmp_path: Path, command: tuple[str, ...]
) -> None:
    path = other_program_file(tmp_path / "app.db", alembic="3f2a9c1d7e4b")
    before = digest(path)
    result = claims(path, *command)
    assert result.exit_code == 1, result.output
    assert "not a claims database" in result.output
    assert "db upgrade" not in result.output
    assert digest(path) == before
    assert beside(path) == ["app.db"]


def newer_claims_file(path: Path) -> Path:
    assert claims(path, "db", "upgrade").exit_code == 0
    connection = sqlite3.connect(path)
    connection.execute("UPDATE alembic_version SET version_num = '9999_from_the_future'")
    connection.commit()
    connection.close()
    return path


@pytest.mark.parametrize("command", ALL_COMMANDS, ids=" ".join)
def test_a_newer_claims_file_says_so_instead_of_advising_an_upgrade(
    tmp_path: Path, command: tuple[str, ...]
) -> None:
    path = newer_claims_file(tmp_path / "claims.db")
    before = digest(path)
    result = claims(path, *command)
    assert result.exit_code == 1, result.output
    assert "made by a newer claims" in result.output
    assert "run `claims db upgrade`" not in result.output
    assert "needs upgrade" not in result.output
    assert digest(path) == before


def test_upgrade_backs_up_a_file_before_changing_it(tmp_path: Path) -> None:
    path = tmp_path / "claims.db"
    connection = sqlite3.connect(path)
    connection.execute("PRAGMA user_version = 7")  # a SQLite file with no tables yet
    connection.close()
    result = claims(path, "db", "upgrade")
    assert result.exit_code == 0, result.output
    (backup,) = tmp_path.glob("claims.db.backup-*")
    assert f"backup: {backup}" in result.output
    with closing(sqlite3.connect(backup)) as connection:
        assert connection.execute("PRAGMA user_version").fetchone() == (7,)
        assert connection.execute("SELECT count(*) FROM sqlite_master").fetchone() == (0,)


def make_hot_journal(path: Path) -> None:
    """A process killed in the middle of its first transaction on a new file."""
    script = (
        "import os, sqlite3, sys\n"
        "c = sqlite3.connect(sys.argv[1], isolation_level=None)\n"
        "c.execute('PRAGMA journal_mode=DELETE'); c.execute('PRAGMA cache_size=1')\n"
        "c.execute('BEGIN'); c.execute('CREATE TABLE half (x)')\n"
        "for i in range(3000): c.execute('INSERT INTO half VALUES (?)', ('x' * 200,))\n"
        "os._exit(0)\n"
    )
    subprocess.run([sys.executable, "-c", script, str(path)], check=True)
    journal = path.with_name(path.name + "-journal")
    assert journal.exists() and journal.stat().st_size > 0


def test_a_hot_journal_is_rolled_back_not_called_damaged(tmp_path: Path) -> None:
    path = tmp_path / "claims.db"
    make_hot_journal(path)
    result = claims(path, "documents")
    assert result.exit_code == 0, result.output
    assert "damaged" not in result.output
    check = claims(path, "db", "check")
    assert check.exit_code == 0, check.output
    assert "claims.db-journal" not in beside(path)


@pytest.mark.parametrize("command", [("documents",), ("db", "check")], ids=" ".join)
def test_a_good_database_in_a_read_only_folder_is_read_only_not_damaged(
    tmp_path: Path, command: tuple[str, ...]
) -> None:
    with sealable_folder(tmp_path / "shared") as seal:
        path = tmp_path / "shared" / "claims.db"
        assert claims(path, "db", "upgrade").exit_code == 0
        seal()
        before = digest(path)
        result = claims(path, *command)
        assert result.exit_code == 1, result.output
        assert "read-only" in result.output
        assert "damaged" not in result.output
        assert digest(path) == before


def test_current_revision_reads_without_converting_the_file(tmp_path: Path) -> None:
    path = other_program_file(tmp_path / "notes.db")
    before = digest(path)
    assert migrate.current_revision(Database.from_target(str(path))) is None
    assert digest(path) == before
    assert beside(path) == ["notes.db"]
