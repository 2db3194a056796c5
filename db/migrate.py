"""Schema migrations run from the application: upgrade, downgrade, current, with backups.

The schema changes only through the Alembic revisions in `db/migrations/versions`. Before
upgrading a SQLite file that already holds a schema, a backup copy is written beside it; a
failed upgrade rolls back completely and names that backup.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory

from db.engine import Database
from db.errors import MigrationFailed, SchemaOutOfDate

MIGRATIONS_DIR = Path(__file__).parent / "migrations"


@dataclass(frozen=True)
class UpgradeResult:
    """What an upgrade did."""

    before: str | None
    after: str | None
    backup: Path | None


def alembic_config(database: Database) -> Config:
    """An Alembic configuration for this database, independent of the working directory."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    config.set_main_option("file_template", "%%(year)d%%(month).2d%%(day).2d_%%(rev)s_%%(slug)s")
    url = database.url.render_as_string(hide_password=False)
    config.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    return config


def head_revision() -> str:
    """The newest revision this version of the program knows."""
    head = ScriptDirectory(str(MIGRATIONS_DIR)).get_current_head()
    assert head is not None
    return head


def current_revision(database: Database) -> str | None:
    """The revision the database is at, or None when it has no schema yet."""
    with database.read_engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def is_known(revision: str) -> bool:
    """Whether this version of the program has the given revision."""
    return ScriptDirectory(str(MIGRATIONS_DIR)).get_revision(revision) is not None


def upgrade(database: Database, revision: str = "head") -> UpgradeResult:
    """Upgrade to `revision`, backing up an existing SQLite file first."""
    database.check_file()
    before = current_revision(database)
    if before is not None and not _known(before):
        raise SchemaOutOfDate(
            f"{database.display}: schema revision {before} is newer than this program;"
            " install a newer claims"
        )
    backup = _backup(database, before) if before is not None and before != head_revision() else None
    try:
        command.upgrade(alembic_config(database), revision)
    except Exception as exc:
        where = f"; backup at {backup}" if backup else ""
        raise MigrationFailed(
            f"{database.display}: migration failed and was rolled back ({exc}){where}"
        ) from exc
    finally:
        database.dispose()
    return UpgradeResult(before, current_revision(database), backup)


def downgrade(database: Database, revision: str) -> UpgradeResult:
    """Downgrade to `revision` ("base" removes every table)."""
    database.check_file()
    before = current_revision(database)
    backup = _backup(database, before) if before is not None else None
    try:
        command.downgrade(alembic_config(database), revision)
    finally:
        database.dispose()
    return UpgradeResult(before, current_revision(database), backup)


def ensure_current(database: Database) -> None:
    """Make the schema usable: a SQLite file is upgraded on first use, a server must be current."""
    database.check_file()
    current = current_revision(database)
    if current == head_revision():
        return
    if database.is_sqlite:
        upgrade(database)
        return
    state = "has no schema" if current is None else f"is at revision {current}"
    raise SchemaOutOfDate(
        f"{database.display} {state}, this program needs {head_revision()}: run `claims db upgrade`"
    )


def _known(revision: str) -> bool:
    try:
        return is_known(revision)
    except Exception:
        return False


def _backup(database: Database, revision: str | None) -> Path | None:
    """Copy a SQLite file with the online backup API; servers are backed up with pg_dump."""
    path = database.path
    if path is None or not path.exists():
        return None
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%f")
    target = path.with_name(f"{path.name}.backup-{revision or 'empty'}-{stamp}")
    source = sqlite3.connect(path)
    try:
        destination = sqlite3.connect(target)
        try:
            source.backup(destination)
        finally:
            destination.close()
    finally:
        source.close()
    return target
