"""Migrations with data in the tables: nothing lost, a failure changes nothing (THREATS D7-D9).

Every revision step is checked with rows in every table; test-only revisions in
tests/fixtures/migrations recreate the parent table `documents` the way Alembic batch mode does
on SQLite, and fail half-way, on top of whatever the real head is.
"""

from __future__ import annotations

import ast
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from alembic.operations import Operations
from alembic.runtime.migration import MigrationContext
from sqlalchemy import JSON, Boolean, Float, Integer, LargeBinary, MetaData, inspect, select
from sqlalchemy.types import DateTime, TypeEngine

from db import migrate
from db.base import Base
from db.engine import Database, sqlite_check
from db.errors import MigrationFailed
from db.models import Claim
from db.text_search import SQLITE_FTS_TRIGGERS
from tests.conftest import FIXTURES, PostgresServer, Target
from tests.team_factories import count_rows, seed_everything, table_contents

EXTRA = FIXTURES / "migrations"
DESTRUCTIVE_CALLS = frozenset({"drop_column", "drop_table"})
DESTRUCTIVE_SQL = ("DROP TABLE", "DROP COLUMN", "DELETE FROM", "TRUNCATE")

Use = Callable[[str], None]


@pytest.fixture
def extra_revisions(monkeypatch: pytest.MonkeyPatch) -> Use:
    """Add one folder of test revisions on top of the real ones."""

    def use(name: str) -> None:
        locations = (migrate.MIGRATIONS_DIR / "versions", EXTRA / name)
        monkeypatch.setattr(migrate, "VERSION_LOCATIONS", locations)

    return use


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def empty_database(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Database]:
    if request.param == "sqlite":
        database = Database.from_target(str(tmp_path / "empty.db"))
        yield database
        database.dispose()
        return
    server: PostgresServer = request.getfixturevalue("pg_server")
    url = server.create()
    database = Database.from_target(url)
    yield database
    database.dispose()
    server.drop(url)


def columns(database: Database) -> dict[str, list[str]]:
    with database.read() as session:
        inspector = inspect(session.connection())
        return {
            name: [column["name"] for column in inspector.get_columns(name)]
            for name in sorted(inspector.get_table_names())
        }


def seeded(target: Target) -> dict[str, list[tuple[Any, ...]]]:
    with target.database.write() as session:
        seed_everything(session)
    contents = table_contents(target.database)
    assert all(contents[table.name] for table in Base.metadata.sorted_tables)
    return contents


def test_upgrade_at_head_with_data_changes_nothing_and_backs_up_nothing(target: Target) -> None:
    before = seeded(target)
    result = migrate.upgrade(target.database)
    assert (result.before, result.after, result.backup) == (
        migrate.head_revision(),
        migrate.head_revision(),
        None,
    )
    assert table_contents(target.database) == before


def test_batch_recreate_of_the_parent_table_keeps_every_child_row(
    target: Target, extra_revisions: Use
) -> None:
    before = seeded(target)
    real_head = migrate.head_revision()
    extra_revisions("batch_documents")
    result = migrate.upgrade(target.database)
    assert result.after == "tbatch"
    assert "probe_note" in columns(target.database)["documents"]
    assert table_contents(target.database) == before
    if target.database.path is not None:
        assert result.backup is not None
        backup = Database.from_target(str(result.backup))
        assert migrate.current_revision(backup) == real_head
        assert table_contents(backup) == before
        backup.dispose()
        with target.database.write() as session:  # the application's connections enforce FKs
            assert session.connection().exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        with target.database.read() as session:
            assert session.connection().exec_driver_sql("PRAGMA foreign_key_check").all() == []

    migrate.downgrade(target.database, real_head)  # and back: a down/up cycle with data
    assert "probe_note" not in columns(target.database)["documents"]
    assert table_contents(target.database) == before


def test_sqlite_batch_recreate_with_foreign_keys_on_would_delete_the_children(
    sqlite_target: Target,
) -> None:
    """Why migrations run with foreign keys off: the hazard is real with this schema."""
    seeded(sqlite_target)
    assert count_rows(sqlite_target.database, Claim)["claims"] > 0
    with sqlite_target.database.write() as session:
        connection = session.connection()
        assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        for trigger in SQLITE_FTS_TRIGGERS:  # else SQLite refuses the cascade (table locked)
            connection.exec_driver_sql(f"DROP TRIGGER {trigger}")
        operations = Operations(MigrationContext.configure(connection))
        with operations.batch_alter_table("documents", recreate="always") as batch:
            batch.alter_column("title", nullable=True)
    assert count_rows(sqlite_target.database, Claim)["claims"] == 0


def test_failed_migration_after_a_batch_step_changes_nothing_and_names_the_backup(
    target: Target, extra_revisions: Use
) -> None:
    before = seeded(target)
    schema = columns(target.database)
    real_head = migrate.head_revision()
    extra_revisions("fails_after_batch")
    with pytest.raises(MigrationFailed) as failure:
        migrate.upgrade(target.database)
    message = str(failure.value)
    assert "rolled back" in message and "injected failure" in message
    assert migrate.current_revision(target.database) == real_head
    assert columns(target.database) == schema
    assert table_contents(target.database) == before
    if target.database.path is not None:
        assert "backup at " in message
        backup = Path(message.rsplit("backup at ", 1)[1])
        assert backup.exists() and sqlite_check(backup) == []
        assert sqlite_check(target.database.path, "integrity_check") == []

    extra_revisions("batch_documents")  # once the revision is fixed, the upgrade runs cleanly
    assert migrate.upgrade(target.database).after == "tbatch"
    assert table_contents(target.database) == before


def test_migration_refuses_a_connection_with_foreign_keys_on(
    sqlite_target: Target, extra_revisions: Use, monkeypatch: pytest.MonkeyPatch
) -> None:
    import db.engine

    before = seeded(sqlite_target)
    monkeypatch.setattr(
        db.engine, "migration_engine", lambda url: db.engine.make_engine(url)
    )  # the application's engine: foreign keys on
    extra_revisions("batch_documents")
    with pytest.raises(MigrationFailed, match="foreign keys off"):
        migrate.upgrade(sqlite_target.database)
    assert table_contents(sqlite_target.database) == before


# Every revision step, with rows at the older revision -------------------------------------


def steps() -> list[tuple[str | None, str, str | None]]:
    """(older, newer, folder of test revisions) for every real step with data to keep,
    and for the test revision that recreates `documents`."""
    found: list[tuple[str | None, str, str | None]] = [
        (script.down_revision, script.revision, None)  # type: ignore[misc]
        for script in migrate.scripts().walk_revisions()
        if script.down_revision is not None
    ]
    return [*found, (migrate.head_revision(), "tbatch", "batch_documents")]


@pytest.mark.parametrize(("older", "newer", "folder"), steps(), ids=lambda v: str(v))
def test_every_revision_step_keeps_every_row(
    empty_database: Database,
    extra_revisions: Use,
    tmp_path: Path,
    older: str,
    newer: str,
    folder: str | None,
) -> None:
    if folder:
        extra_revisions(folder)
    migrate.upgrade(empty_database, older)
    seed_at_current_revision(empty_database, tmp_path)
    before = reflected_contents(empty_database)
    assert sum(len(rows) for rows in before.values()) > len(before)
    migrate.upgrade(empty_database, newer)
    after = reflected_contents(empty_database)
    for table, rows in before.items():
        assert table in after, f"{older} -> {newer} dropped table {table}"
        kept = [name for name in rows[0] if name in after[table][0]] if rows else []
        assert [[row[n] for n in kept] for row in after[table]] == [
            [row[n] for n in kept] for row in rows
        ], table


def seed_at_current_revision(database: Database, scratch: Path) -> None:
    """Insert the sample rows (built with today's models) into whatever columns the database
    has at its revision; columns the sample lacks get a value of their type."""
    sample = Database.from_target(str(scratch / "sample.db"))
    migrate.upgrade(sample, migrate.head_revision())
    with sample.write() as session:
        seed_everything(session)
    rows = table_contents_as_dicts(sample)
    sample.dispose()
    with database.write() as session:
        reflected = MetaData()
        reflected.reflect(session.connection())
        for table in reflected.sorted_tables:
            if table.name == "alembic_version":
                continue
            for row in rows.get(table.name, []):
                values = {c.name: row.get(c.name, _filler(c.type)) for c in table.columns}
                session.execute(table.insert().values(**values))


def table_contents_as_dicts(database: Database) -> dict[str, list[dict[str, Any]]]:
    with database.read() as session:
        return {
            table.name: [dict(row) for row in session.execute(select(table)).mappings()]
            for table in Base.metadata.sorted_tables
        }


def reflected_contents(database: Database) -> dict[str, list[dict[str, Any]]]:
    with database.read() as session:
        reflected = MetaData()
        reflected.reflect(session.connection())
        return {
            table.name: [
                dict(row)
                for row in session.execute(
                    select(table).order_by(*table.primary_key.columns)
                ).mappings()
            ]
            for table in reflected.sorted_tables
            if table.name != "alembic_version"
        }


def _filler(kind: TypeEngine[Any]) -> Any:
    if isinstance(kind, Boolean):
        return False
    if isinstance(kind, Integer | Float):
        return 0
    if isinstance(kind, JSON):
        return {}
    if isinstance(kind, LargeBinary):
        return b""
    if isinstance(kind, DateTime):
        return datetime(2026, 1, 1, tzinfo=UTC)
    return ""


# Destructive operations need an explicit annotation (THREATS D9) -------------------------


def destructive_lines(source: str) -> list[int]:
    """Lines of `upgrade()` that drop a table or column or delete rows, not marked
    `# destructive-ok`."""
    lines = source.splitlines()
    flagged = []
    for function in ast.walk(ast.parse(source)):
        if not isinstance(function, ast.FunctionDef) or function.name != "upgrade":
            continue
        for node in ast.walk(function):
            if (
                isinstance(node, ast.Call)
                and _is_destructive(node)
                and "# destructive-ok" not in lines[node.lineno - 1]
            ):
                flagged.append(node.lineno)
    return flagged


def _is_destructive(node: ast.AST) -> bool:
    if not isinstance(node, ast.Call) or not isinstance(node.func, ast.Attribute):
        return False
    if node.func.attr in DESTRUCTIVE_CALLS:
        return True
    texts = [arg.value for arg in node.args if isinstance(arg, ast.Constant)]
    return node.func.attr == "execute" and any(
        isinstance(text, str) and any(sql in text.upper() for sql in DESTRUCTIVE_SQL)
        for text in texts
    )


def test_no_revision_drops_data_without_saying_so() -> None:
    for path in sorted((migrate.MIGRATIONS_DIR / "versions").glob("*.py")):
        assert destructive_lines(path.read_text()) == [], path.name


def test_the_destructive_check_finds_unmarked_drops() -> None:
    source = (
        "def upgrade():\n"
        "    op.drop_column('claims', 'verdict')\n"
        "    op.drop_table('reviews')  # destructive-ok: merged into audit_log\n"
        "    op.execute('DELETE FROM claims')\n"
        "    with op.batch_alter_table('documents') as batch:\n"
        "        batch.drop_column('notes')\n"
        "def downgrade():\n"
        "    op.drop_table('claims')\n"
    )
    assert destructive_lines(source) == [2, 4, 6]
