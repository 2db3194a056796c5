"""The schema comes only from migrations: up, down and up again, and models agree with it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import inspect, text

from db import migrate
from db.engine import Database
from db.errors import SchemaOutOfDate
from db.models import Base
from db.text_search import search_tables
from db.unmodelled import include_object, is_unmodelled
from tests.conftest import PostgresServer


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


def tables(database: Database) -> set[str]:
    """The model tables a database holds (the text search index's own tables and those the
    models leave out aside)."""
    with database.read_engine.connect() as conn:
        names = set(inspect(conn).get_table_names()) - {"alembic_version", *search_tables()}
    return {name for name in names if not is_unmodelled(name)}


def test_upgrade_downgrade_upgrade(empty_database: Database) -> None:
    assert migrate.current_revision(empty_database) is None
    migrate.upgrade(empty_database)
    assert migrate.current_revision(empty_database) == migrate.head_revision()
    assert tables(empty_database) == set(Base.metadata.tables)
    migrate.downgrade(empty_database, "base")
    assert migrate.current_revision(empty_database) is None
    assert tables(empty_database) == set()
    migrate.upgrade(empty_database)
    assert tables(empty_database) == set(Base.metadata.tables)


def test_models_match_migrations(empty_database: Database) -> None:
    migrate.upgrade(empty_database)
    with empty_database.read_engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"include_object": include_object})
        diff = compare_metadata(context, Base.metadata)
    assert diff == []


def test_single_head_and_every_step_reversible(empty_database: Database) -> None:
    scripts = ScriptDirectory(str(migrate.MIGRATIONS_DIR))
    assert len(scripts.get_heads()) == 1
    revisions = [r.revision for r in reversed(list(scripts.walk_revisions()))]
    for revision in revisions:
        migrate.upgrade(empty_database, revision)
        assert migrate.current_revision(empty_database) == revision
    for revision in reversed(revisions[:-1]):
        migrate.downgrade(empty_database, revision)
        assert migrate.current_revision(empty_database) == revision


def test_sqlite_file_is_upgraded_on_first_use_server_is_not(empty_database: Database) -> None:
    if empty_database.is_sqlite:
        migrate.ensure_current(empty_database)
        assert migrate.current_revision(empty_database) == migrate.head_revision()
    else:
        with pytest.raises(SchemaOutOfDate, match="claims db upgrade"):
            migrate.ensure_current(empty_database)
        assert migrate.current_revision(empty_database) is None


def test_failed_migration_rolls_back_completely(tmp_path: Path) -> None:
    database = Database.from_target(str(tmp_path / "fail.db"))
    with database.write() as session:  # a view in the way makes the upgrade fail part-way
        session.execute(text("CREATE VIEW claims AS SELECT 'keep me' AS note"))
    with pytest.raises(migrate.MigrationFailed) as failure:
        migrate.upgrade(database)
    assert "rolled back" in str(failure.value)
    assert tables(database) == set()
    assert migrate.current_revision(database) is None
    with database.read() as session:
        assert session.execute(text("SELECT note FROM claims")).scalar_one() == "keep me"
    database.dispose()
