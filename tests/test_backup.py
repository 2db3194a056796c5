"""`claims db backup` and `claims db restore`: complete, verified copies of every table, made
while others work, on SQLite (online backup API) and PostgreSQL (pg_dump), and restores
across backends that keep every row and id."""

from __future__ import annotations

import multiprocessing
import os
import shutil
import sqlite3
import subprocess
import time
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result
from sqlalchemy.engine import make_url

from claims.cli import main
from claims.store.maintenance.backup import pg_dump_command
from db.engine import Database, sqlite_check
from db.models import Claim, Document
from tests.conftest import PostgresServer, Target
from tests.team_factories import add_claims, add_document, count_rows, seed_everything
from tests.team_factories import table_contents as contents

FORK = multiprocessing.get_context("fork")


def run(*args: str) -> Result:
    return CliRunner().invoke(main, list(args))


def held(database: Database) -> dict[str, list[tuple[Any, ...]]]:
    """Every table's rows but the counts of registry changes, which tell how the rows were
    written (a restore sets references in a second step), not what the database holds."""
    return {name: rows for name, rows in contents(database).items() if name != "registry_changes"}


def seeded(target: Target) -> dict[str, list[tuple[Any, ...]]]:
    with target.database.write() as session:
        seed_everything(session)
    return contents(target.database)


def test_sqlite_backup_is_a_complete_self_contained_copy(
    sqlite_target: Target, tmp_path: Path
) -> None:
    original = seeded(sqlite_target)
    copy = tmp_path / "backups" / "claims-backup.db"
    copy.parent.mkdir()
    result = run("--db", sqlite_target.arg, "db", "backup", str(copy))
    assert result.exit_code == 0, result.output
    assert "backup written to" in result.stderr
    assert sorted(p.name for p in copy.parent.iterdir()) == [copy.name]  # no -wal, no temp
    assert sqlite_check(copy, "integrity_check") == []
    with sqlite3.connect(f"{copy.as_uri()}?mode=ro", uri=True) as plain:
        assert plain.execute("PRAGMA journal_mode").fetchone() == ("delete",)
    plain.close()
    backup = Database.from_target(str(copy))
    assert contents(backup) == original
    backup.dispose()


def test_backup_never_overwrites_without_force(sqlite_target: Target, tmp_path: Path) -> None:
    copy = tmp_path / "claims-backup.db"
    copy.write_bytes(b"an older backup")
    refused = run("--db", sqlite_target.arg, "db", "backup", str(copy))
    assert refused.exit_code == 1 and "already exists (use --force" in refused.stderr
    assert copy.read_bytes() == b"an older backup"
    forced = run("--db", sqlite_target.arg, "db", "backup", "--force", str(copy))
    assert forced.exit_code == 0 and sqlite_check(copy) == []


def _keep_writing(arg: str, seconds: float, results: Any) -> None:
    database = Database.from_target(arg)
    written, deadline = 0, time.monotonic() + seconds
    while time.monotonic() < deadline:
        with database.write() as session:
            add_claims(session, add_document(session, f"live{written}"))
        written += 1
    database.dispose()
    results.put(written)


def test_backup_while_another_process_writes_is_consistent(
    sqlite_target: Target, tmp_path: Path
) -> None:
    sqlite_target.database.dispose()
    results = FORK.Queue()
    writer = FORK.Process(target=_keep_writing, args=(sqlite_target.arg, 1.5, results))
    writer.start()
    time.sleep(0.3)
    copies = [tmp_path / f"copy{n}.db" for n in range(3)]
    for copy in copies:
        assert run("--db", sqlite_target.arg, "db", "backup", str(copy)).exit_code == 0
    written = results.get(timeout=30)
    writer.join(10)
    assert written > 0
    for copy in copies:
        backup = Database.from_target(str(copy))
        counts = count_rows(backup, Document, Claim)
        assert counts["claims"] == 3 * counts["documents"]  # never a document without claims
        backup.dispose()


def test_restore_copies_every_row_into_an_empty_database(target: Target, tmp_path: Path) -> None:
    original = seeded(target)
    source = target.arg  # PostgreSQL: straight from the server
    if target.database.is_sqlite:
        source = str(tmp_path / "copy.db")
        assert run("--db", target.arg, "db", "backup", source).exit_code == 0
    restored = tmp_path / "restored.db"
    result = run("--db", str(restored), "db", "restore", source)
    assert result.exit_code == 0, result.output
    assert f"restored {sum(len(rows) for rows in original.values())} rows" in result.stdout
    database = Database.from_target(str(restored))
    assert held(database) == {k: v for k, v in original.items() if k != "registry_changes"}
    database.dispose()

    again = run("--db", str(restored), "db", "restore", source)
    assert again.exit_code == 1 and "already holds data" in again.stderr


@pytest.mark.postgres
def test_a_sqlite_file_moves_to_postgresql_with_every_row_and_fresh_ids_after(
    sqlite_target: Target, pg_target: Target
) -> None:
    original = seeded(sqlite_target)
    result = run("--db", pg_target.arg, "db", "restore", sqlite_target.arg)
    assert result.exit_code == 0, result.output
    assert held(pg_target.database) == {
        name: rows for name, rows in original.items() if name != "registry_changes"
    }
    with pg_target.database.write() as session:  # id sequences continue after the copied ids
        document = add_document(session, "after the move")
    assert document.id == max(row[0] for row in original["documents"]) + 1


def test_restore_refuses_a_missing_older_or_pg_dump_source(
    sqlite_target: Target, tmp_path: Path
) -> None:
    dump = tmp_path / "claims.dump"
    dump.write_bytes(b"PGDMP\x01\x0f\x00")
    archive = run("--db", sqlite_target.arg, "db", "restore", str(dump))
    assert archive.exit_code == 1 and "restore it with pg_restore" in archive.stderr
    missing = run("--db", sqlite_target.arg, "db", "restore", str(tmp_path / "nope.db"))
    assert missing.exit_code == 1 and "no such file" in missing.stderr
    older = tmp_path / "older.db"
    sqlite3.connect(older).close()
    empty = run("--db", str(tmp_path / "new.db"), "db", "restore", str(older))
    assert empty.exit_code == 1 and "upgrade it first" in empty.stderr


@pytest.mark.postgres
def test_postgresql_backup_with_pg_dump_restores_with_pg_restore(
    pg_target: Target, pg_server: PostgresServer, tmp_path: Path
) -> None:
    if shutil.which("pg_dump") is None or shutil.which("pg_restore") is None:
        pytest.skip("pg_dump/pg_restore are not installed")
    original = seeded(pg_target)
    dump = tmp_path / "claims.dump"
    result = run("--db", pg_target.arg, "db", "backup", str(dump))
    assert result.exit_code == 0, result.output
    assert "pg_dump (custom format)" in result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == [dump.name]
    fresh = pg_server.create()
    url = make_url(fresh)
    subprocess.run(
        [
            "pg_restore",
            "--no-owner",
            f"--dbname={pg_dump_command(url, dump)[0][-1][9:]}",
            str(dump),
        ],
        check=True,
        capture_output=True,
    )
    restored = Database.from_target(fresh)
    assert contents(restored) == original
    restored.dispose()
    pg_server.drop(fresh)


def test_postgresql_backup_without_pg_dump_explains_what_to_run(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))  # no pg_dump here
    url = "postgresql+psycopg://writer:s3cret@db.example.org:5433/claims?sslmode=require"
    from claims.store.maintenance.backup import backup

    with pytest.raises(Exception, match="pg_dump is not installed") as refused:
        backup(Database.from_target(url), tmp_path / "claims.dump")
    message = str(refused.value)
    assert "pg_dump --format=custom --no-owner" in message
    for part in ("host=db.example.org", "port=5433", "dbname=claims", "user=writer", "sslmode"):
        assert part in message
    assert "s3cret" not in message
    assert "pg_restore" in message
    assert not (tmp_path / "claims.dump").exists()


def test_pg_dump_gets_the_password_from_the_environment_only(tmp_path: Path) -> None:
    url = make_url("postgresql+psycopg://writer:s3cret@db.example.org/claims")
    argv, environment = pg_dump_command(url, tmp_path / "x.dump")
    assert not any("s3cret" in arg for arg in argv)
    assert environment == {"PGPASSWORD": "s3cret"}
    assert os.environ.get("PGPASSWORD") != "s3cret"
