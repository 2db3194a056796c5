"""Schema migrations run from the application: upgrade, downgrade, current, with backups.

The schema changes only through the Alembic revisions in `db/migrations/versions`. Before
upgrading or downgrading a SQLite file that already holds a schema, a verified backup copy is
written beside it; a failed migration rolls back completely (schema, data and
`alembic_version`) and names that backup. On PostgreSQL an advisory lock (in env.py) makes
two upgrades at once run one after the other; back it up with pg_dump (docs/team.md).
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory

from db.backup import copy_sqlite
from db.engine import Database, storage_errors
from db.errors import (
    DatabaseDamaged,
    MigrationFailed,
    NotClaimsDatabase,
    SchemaOutOfDate,
    StorageError,
)
from db.sqlite_file import read_contents

MIGRATIONS_DIR = Path(__file__).parent / "migrations"

VERSION_LOCATIONS: tuple[Path, ...] = (MIGRATIONS_DIR / "versions",)
CLAIMS_TABLES = frozenset({"documents", "claims", "sources"})
"""Tables every claims schema has had: with them, an unknown revision is a newer claims'."""
"""Folders holding revision scripts (tests add one with revisions of their own)."""

__all__ = [
    "MIGRATIONS_DIR",
    "MigrationFailed",
    "UpgradeResult",
    "alembic_config",
    "current_revision",
    "downgrade",
    "ensure_current",
    "head_revision",
    "is_known",
    "newer_message",
    "refuse_foreign",
    "upgrade",
]


@dataclass(frozen=True)
class UpgradeResult:
    """What an upgrade did."""

    before: str | None
    after: str | None
    backup: Path | None


def alembic_config(database: Database | None = None) -> Config:
    """An Alembic configuration (for this database), independent of the working directory."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    config.set_main_option("file_template", "%%(year)d%%(month).2d%%(day).2d_%%(rev)s_%%(slug)s")
    config.set_main_option("path_separator", "os")
    config.set_main_option("version_locations", _joined(VERSION_LOCATIONS))
    if database is not None:
        url = database.url.render_as_string(hide_password=False)
        config.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    return config


def scripts() -> ScriptDirectory:
    """The revision scripts this version of the program knows."""
    return ScriptDirectory.from_config(alembic_config())


def head_revision() -> str:
    """The newest revision this version of the program knows."""
    head = scripts().get_current_head()
    assert head is not None
    return head


def current_revision(database: Database) -> str | None:
    """The revision the database is at, or None when it has no schema yet.

    A SQLite file is read without being opened by our engines, which would switch it to WAL.
    """
    path = database.path
    if path is not None:
        if not path.exists() or path.stat().st_size == 0:
            return None
        with _sqlite_errors(database):
            return read_contents(path).revision
    with storage_errors(database.display), database.read_engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def refuse_foreign(database: Database) -> str | None:
    """The schema revision, after refusing files and databases this program must not touch.

    Another program's file (other tables, or an `alembic_version` of its own) is refused and
    left as it was; a revision this program does not know but whose tables are ours was
    written by a newer claims. Looks only, on both backends.
    """
    revision = current_revision(database)
    tables = _tables(database)
    if revision is None and tables:
        raise NotClaimsDatabase(
            f"{database.display}: not a claims database (it holds other tables:"
            f" {_listed(tables)}); it was left untouched"
        )
    if revision is not None and not _known(revision):
        if not CLAIMS_TABLES.issubset(tables):
            raise NotClaimsDatabase(
                f"{database.display}: not a claims database (its alembic_version {revision}"
                f" belongs to another program; tables: {_listed(tables)}); it was left untouched"
            )
        raise SchemaOutOfDate(newer_message(database, revision))
    return revision


def newer_message(database: Database, revision: str) -> str:
    """What to say about a database made by a newer claims (upgrading cannot help)."""
    return (
        f"{database.display}: made by a newer claims (schema revision {revision}; this one"
        f" knows up to {head_revision()}): use that newer claims; it was left untouched"
    )


def is_known(revision: str) -> bool:
    """Whether this version of the program has the given revision."""
    return scripts().get_revision(revision) is not None


def upgrade(database: Database, revision: str = "head") -> UpgradeResult:
    """Upgrade to `revision`, backing up an existing SQLite file before any change."""
    database.check_file()
    before = refuse_foreign(database)
    unchanged = before is not None and _is_at(before, revision)
    backup = None if unchanged else _backup(database, before)
    _run(database, "upgrade", revision, backup)
    return UpgradeResult(before, current_revision(database), backup)


def downgrade(database: Database, revision: str) -> UpgradeResult:
    """Downgrade to `revision` ("base" removes every table), backing up a SQLite file first."""
    database.check_file()
    before = refuse_foreign(database)
    backup = _backup(database, before) if before is not None else None
    _run(database, "downgrade", revision, backup)
    return UpgradeResult(before, current_revision(database), backup)


def ensure_current(database: Database) -> None:
    """Make the schema usable: a SQLite file is upgraded on first use, a server must be current."""
    database.check_file()
    current = refuse_foreign(database)
    if current == head_revision():
        return
    if database.is_sqlite:
        upgrade(database)
        return
    state = "has no schema" if current is None else f"is at revision {current}"
    raise SchemaOutOfDate(
        f"{database.display} {state}, this program needs {head_revision()}: run `claims db upgrade`"
    )


def _run(database: Database, action: str, revision: str, backup: Path | None) -> None:
    """Run one Alembic command; any failure has rolled back, and says where the backup is."""
    try:
        getattr(command, action)(alembic_config(database), revision)
    except Exception as exc:
        where = f"; backup at {backup}" if backup else ""
        raise MigrationFailed(
            f"{database.display}: {action} to {revision} failed and was rolled back,"
            f" database unchanged ({_one_line(exc)}){where}"
        ) from exc
    finally:
        database.dispose()


def _tables(database: Database) -> tuple[str, ...]:
    """The tables of a SQLite file (read without changing it); servers are never foreign."""
    path = database.path
    if path is None or not path.exists() or path.stat().st_size == 0:
        return ()
    with _sqlite_errors(database):
        return tuple(name for name in read_contents(path).tables if name != "alembic_version")


@contextmanager
def _sqlite_errors(database: Database) -> Iterator[None]:
    try:
        yield
    except sqlite3.DatabaseError as exc:
        raise DatabaseDamaged(
            f"{database.display}: cannot read the file ({exc}); it was left untouched"
        ) from exc


def _listed(tables: tuple[str, ...]) -> str:
    return ", ".join(tables[:5]) + (", ..." if len(tables) > 5 else "")


def _is_at(current: str, revision: str) -> bool:
    """Whether the database already is at `revision` (so an upgrade has nothing to do)."""
    try:
        script = scripts().get_revision(revision)
    except Exception:
        return False
    return script is not None and script.revision == current


def _known(revision: str) -> bool:
    try:
        return is_known(revision)
    except Exception:
        return False


def _backup(database: Database, revision: str | None) -> Path | None:
    """Copy a SQLite file with the online backup API; servers are backed up with pg_dump."""
    path = database.path
    if path is None or not path.exists() or path.stat().st_size == 0:
        return None
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%f")
    target = path.with_name(f"{path.name}.backup-{revision or 'empty'}-{stamp}")
    try:
        copy_sqlite(path, target)
    except StorageError as exc:
        raise MigrationFailed(f"{database.display}: not migrated, backup failed: {exc}") from exc
    return target


def _joined(paths: tuple[Path, ...]) -> str:
    return os.pathsep.join(str(path) for path in paths)


def _one_line(exc: BaseException) -> str:
    lines = str(exc).strip().splitlines()
    return lines[0] if lines else type(exc).__name__
