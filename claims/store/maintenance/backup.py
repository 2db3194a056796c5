"""Backups and restores that lose nothing: every table, raw evidence bytes and history included.

A SQLite database is copied with SQLite's online backup API (others may keep working). A
PostgreSQL database is dumped with `pg_dump` when it is installed; otherwise the message says
how to run it. `restore_from` copies every row of a backup (or of any other claims database,
SQLite or PostgreSQL) into an empty database, which is also how a personal SQLite file moves
to a team's PostgreSQL server. The JSON export and `claims import` exchange documents, claims
and sources with other installations and tools; a backup also keeps drafts and the audit log.
"""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import tempfile
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import Table, func, insert, select, text, update
from sqlalchemy.engine import URL
from sqlalchemy.orm import Session

from db.backup import copy_sqlite
from db.base import Base
from db.engine import Database
from db.errors import BackupFailed, StorageError
from db.migrate import current_revision, head_revision

BATCH_ROWS = 500
"""Rows copied per INSERT when restoring (documents carry whole texts and raw bytes)."""


@dataclass(frozen=True)
class BackupResult:
    """Where a backup went and how it was made."""

    path: Path
    method: str
    revision: str | None


@dataclass
class RestoreResult:
    """How many rows of each table a restore copied."""

    revision: str
    rows: dict[str, int] = field(default_factory=dict)

    @property
    def total(self) -> int:
        return sum(self.rows.values())


def backup(database: Database, target: Path, *, force: bool = False) -> BackupResult:
    """Back up the whole database to `target`: complete and verified, or not written at all."""
    if database.path is not None:
        if not database.path.exists():
            raise BackupFailed(f"{database.display}: no such database file")
        revision = current_revision(database)
        copy_sqlite(database.path, target, overwrite=force)
        return BackupResult(target, "sqlite online backup", revision)
    if shutil.which("pg_dump") is None:
        raise BackupFailed(
            f"pg_dump is not installed here; {pg_dump_guidance(database.url, target)}"
        )
    return _pg_dump(database.url, target, force=force, revision=current_revision(database))


def pg_dump_guidance(url: URL, target: Path) -> str:
    """How to back up (and restore) a PostgreSQL database by hand."""
    argv, _ = pg_dump_command(url, target)
    shown = shlex.join(argv)
    return (
        f"back up a PostgreSQL database with pg_dump: {shown}"
        " (password from PGPASSWORD or ~/.pgpass); restore with"
        f" pg_restore --no-owner --dbname NEWDB {shlex.quote(str(target))}"
    )


def pg_dump_command(url: URL, target: Path) -> tuple[list[str], dict[str, str]]:
    """The pg_dump command line for `url` (custom format) and the environment it needs.

    The password goes in the environment, never on the command line, where `ps` shows it.
    """
    from psycopg.conninfo import make_conninfo

    params: dict[str, Any] = url.translate_connect_args(username="user", database="dbname")
    password = params.pop("password", None)
    params.update({key: value for key, value in url.query.items() if isinstance(value, str)})
    argv = [
        "pg_dump",
        "--format=custom",
        "--no-owner",
        f"--file={target}",
        f"--dbname={make_conninfo(**params)}",
    ]
    environment = {"PGPASSWORD": str(password)} if password else {}
    return argv, environment


def _pg_dump(url: URL, target: Path, *, force: bool, revision: str | None) -> BackupResult:
    if target.exists() and not force:
        raise BackupFailed(f"{target}: already exists (use --force to overwrite)")
    with _temporary_beside(target) as temporary:
        argv, environment = pg_dump_command(url, temporary)
        _run_tool(argv, environment, "pg_dump")
        if shutil.which("pg_restore") is not None:
            _run_tool(["pg_restore", "--list", str(temporary)], {}, "pg_restore --list")
        _fsync(temporary)
        os.replace(temporary, target)
    return BackupResult(target, "pg_dump (custom format)", revision)


def _run_tool(argv: Sequence[str], environment: dict[str, str], name: str) -> None:
    completed = subprocess.run(
        list(argv), env={**os.environ, **environment}, capture_output=True, text=True, check=False
    )
    if completed.returncode != 0:
        detail = (completed.stderr.strip().splitlines() or ["no message"])[-1]
        raise BackupFailed(f"{name} failed ({detail}); no backup was written")


@contextmanager
def _temporary_beside(target: Path) -> Iterator[Path]:
    """A temporary file name in the target's folder, removed unless renamed into place."""
    if not target.parent.is_dir():
        raise BackupFailed(f"{target}: folder {target.parent} does not exist")
    try:
        handle, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
        os.close(handle)
    except OSError as exc:
        raise BackupFailed(
            f"{target}: could not write ({exc.strerror or exc}); not written"
        ) from exc
    try:
        yield Path(name)
    except OSError as exc:
        raise BackupFailed(
            f"{target}: could not write ({exc.strerror or exc}); not written"
        ) from exc
    finally:
        Path(name).unlink(missing_ok=True)


def _fsync(path: Path) -> None:
    descriptor = os.open(path, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


def restore_from(source: Database, target: Database) -> RestoreResult:
    """Copy every row of `source` into the empty database `target`, in one transaction.

    Both must be at this program's schema revision; ids are kept, so every reference
    (claims to documents, relations, audit entries) stays valid.
    """
    revision = _same_revision(source, target)
    result = RestoreResult(revision)
    with source.read() as reader:

        def copy(session: Session) -> None:
            result.rows.clear()
            _refuse_non_empty(session, target.display)
            later: list[_Reference] = []
            for table in Base.metadata.sorted_tables:
                if table.name in KEPT_BY_TRIGGERS:  # filled as the rows they count are copied
                    result.rows[table.name] = _count(reader, table)
                    continue
                result.rows[table.name] = _copy_table(reader, session, table, later)
            for reference in later:
                session.execute(reference.statement())
            _reset_sequences(session)

        target.run_write(copy)
    return result


KEPT_BY_TRIGGERS = frozenset(
    {"claim_key_counts", "claim_key_sizes", "source_mentions", "registry_changes"}
)
"""Tables the database itself fills from other tables' rows (migrations 0004-0006): not
copied, nor asked to be empty (registry changes outlive the rows they counted)."""


def _count(reader: Session, table: Table) -> int:
    return int(reader.scalar(select(func.count()).select_from(table)) or 0)


@dataclass(frozen=True)
class _Reference:
    """A row's reference to another row of its own table, set once all rows exist."""

    table: Table
    row_id: Any
    values: dict[str, Any]

    def statement(self) -> Any:
        key = next(iter(self.table.primary_key.columns))
        return update(self.table).where(key == self.row_id).values(**self.values)


def _same_revision(source: Database, target: Database) -> str:
    head = head_revision()
    for database, role in ((source, "source"), (target, "target")):
        found = current_revision(database)
        if found != head:
            raise StorageError(
                f"{role} {database.display} is at schema revision {found or 'none'}, not {head}:"
                " upgrade it first (claims --db ... db upgrade)"
            )
    return head


def _refuse_non_empty(session: Session, where: str) -> None:
    for table in Base.metadata.sorted_tables:
        if table.name in KEPT_BY_TRIGGERS:
            continue
        if session.scalar(select(func.count()).select_from(table)):
            raise StorageError(
                f"{where} already holds data (table {table.name}); restore only into an empty"
                " database"
            )


def _copy_table(reader: Session, writer: Session, table: Table, later: list[_Reference]) -> int:
    """Copy one table; references within the table (documents.previous_id, sources.parent_id)
    go in afterwards, since a row may point at one copied after it."""
    own = [fk.parent.name for fk in table.foreign_keys if fk.column.table is table]
    key = next(iter(table.primary_key.columns)).name
    copied = 0
    for batch in _batches(reader, table):
        writer.execute(insert(table), [{**row, **dict.fromkeys(own)} for row in batch])
        for row in batch:
            values = {name: row[name] for name in own if row[name] is not None}
            if values:
                later.append(_Reference(table, row[key], values))
        copied += len(batch)
    return copied


def _batches(reader: Session, table: Table) -> Iterator[list[dict[str, Any]]]:
    order = list(table.primary_key.columns)
    result = reader.execute(select(table).order_by(*order).execution_options(yield_per=BATCH_ROWS))
    for partition in result.mappings().partitions(BATCH_ROWS):
        yield [dict(row) for row in partition]


def _reset_sequences(session: Session) -> None:
    """Move PostgreSQL id sequences past the copied ids, so new rows get fresh ones."""
    if session.get_bind().dialect.name != "postgresql":
        return
    for table in Base.metadata.sorted_tables:
        keys = list(table.primary_key.columns)
        if len(keys) != 1 or keys[0].type.python_type is not int:
            continue
        highest = session.scalar(select(func.max(keys[0])))
        session.execute(
            text("SELECT setval(pg_get_serial_sequence(:table, :column), :value, :called)"),
            {
                "table": table.name,
                "column": keys[0].name,
                "value": highest or 1,
                "called": highest is not None,
            },
        )
